//! site-builder turns `content/` (Markdown with YAML front matter) and `templates/` (Tera)
//! into a static site in `public/`.
//!
//! The entry point is [`build`], which runs the pipeline below with [`Options`]. Every
//! problem an editor can cause comes back as a [`Diagnostic`] naming `file:line:col`.
//!
//! The pipeline, in the order data flows through it:
//! - [`config`] — `content/site.yaml`;
//! - [`content`] — walking `content/` into a [`Library`] of pages and sections;
//! - [`markdown`] — bodies to HTML, with `@/page.md` links resolved;
//! - [`selfcheck`] — the questionnaire definition, checked and rendered, and the engine
//!   module embedded for the browser;
//! - [`render`] — Tera templates;
//! - [`postprocess`] — lol_html over every page (ids, anchors, link and safety checks);
//! - [`search`] — the index of every page's sections, and the search it serves;
//! - [`output`] — the staged, atomically swapped `public/`.
//!
//! Around it, for editors: [`serve`] (a live preview) and [`scaffold`] (new pages).

pub mod config;
pub mod content;
pub mod date;
pub mod diagnostic;
pub mod markdown;
pub mod output;
pub mod postprocess;
pub mod render;
pub mod scaffold;
pub mod search;
pub mod security;
pub mod selfcheck;
pub mod serve;
pub mod yaml;

mod build;
mod error;

pub use build::{build, Options, Report, Shipped};
pub use content::Library;
pub use date::Date;
pub use diagnostic::Diagnostic;
pub use error::Error;
