//! site-builder turns `content/` (Markdown with YAML front matter) and `templates/` (Tera)
//! into a static site in `public/`.
//!
//! The entry point is [`build`], which runs the pipeline below with [`Options`]. Every
//! problem an editor can cause comes back as a [`Diagnostic`] naming `file:line:col`.
//!
//! The pipeline, in the order data flows through it:
//! - [`config`] — `content/site.yaml`, with the site's time zone ([`date`]) and
//!   [`banners`];
//! - [`content`] — walking `content/` into a [`Library`] of pages and sections;
//! - [`markdown`] — bodies to HTML, with `@/page.md` links resolved;
//! - [`selfcheck`] — the questionnaire definition, checked and rendered, and the engine
//!   module embedded for the browser;
//! - [`render`] — Tera templates;
//! - [`postprocess`] — lol_html over every page (ids, anchors, link and safety checks);
//! - [`output`] — the staged, atomically swapped `public/`.
//!
//! Around it, for editors: [`serve`] (a live preview), [`scaffold`] (new pages) and
//! [`look_ahead`] (the site on each day it will change); for the people who run it,
//! [`hosting`] (the serving policy for each kind of server) and [`recipes`] (CI that
//! rebuilds the site every day).

pub mod banners;
pub mod config;
pub mod content;
pub mod date;
pub mod diagnostic;
pub mod hosting;
pub mod markdown;
pub mod output;
pub mod postprocess;
pub mod recipes;
pub mod render;
pub mod scaffold;
pub mod security;
pub mod selfcheck;
pub mod serve;
pub mod yaml;

mod build;
mod error;

pub use build::{build, forwards, look_ahead, Change, Options, Outlook, Report};
pub use content::Library;
pub use date::Date;
pub use diagnostic::Diagnostic;
pub use error::Error;
