//! site-builder turns `content/` (Markdown with YAML front matter), `static/` (files
//! copied as they are) and optional `templates/` (Tera overrides of the built-in
//! [`theme`]) into a static site in `public/`.
//!
//! The entry point is [`build`], which runs the pipeline below with [`Options`]. Every
//! problem an editor can cause comes back as a [`Diagnostic`] naming `file:line:col`.
//!
//! The pipeline, in the order data flows through it:
//! - [`config`] — `content/site.yaml`, with the brand's colours checked by [`colour`];
//! - [`content`] — walking `content/` into a [`Library`] of pages and sections;
//! - [`markdown`] — bodies to HTML, with `@/page.md` links resolved;
//! - [`selfcheck`] — the questionnaire definition, checked and rendered, and the engine
//!   module embedded for the browser;
//! - [`theme`] — the default theme, built into the binary, under the site's own files;
//! - [`render`] — Tera templates;
//! - [`postprocess`] — lol_html over every page (ids, anchors, link and safety checks);
//! - [`output`] — the staged, atomically swapped `public/`, with the files of `static/`
//!   and content bundles copied (images without their metadata).
//!
//! Around it, for editors: [`serve`] (a live preview), [`init`] (a new site),
//! [`scaffold`] (new pages) and [`theme::eject`] (the theme's files to edit).

pub mod colour;
pub mod config;
pub mod content;
pub mod date;
pub mod diagnostic;
pub mod init;
pub mod markdown;
pub mod output;
pub mod postprocess;
pub mod render;
pub mod scaffold;
pub mod security;
pub mod selfcheck;
pub mod serve;
pub mod theme;
pub mod yaml;

mod build;
mod embedded;
mod error;

pub use build::{build, Options, Report};
pub use content::Library;
pub use date::Date;
pub use diagnostic::Diagnostic;
pub use error::Error;
