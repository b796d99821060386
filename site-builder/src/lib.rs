//! site-builder turns a site's `content/` (Markdown with YAML front matter, and YAML
//! settings) and its `templates/` (Tera) into a static site in `public/`.
//!
//! The entry point is [`build`] with [`Options`]: five stages, each a module of `build`
//! that owns its data and hands the next what it needs:
//! 1. load: `config` (site.yaml), `content` (pages and sections, placed and scheduled),
//!    `render::templates`, `selfcheck` (the questionnaire, checked by the engine) and the
//!    theme's assets;
//! 2. plan: every file the site will hold, and the assets' hashed addresses;
//! 3. render: `markdown` (with a map back to the source) through the templates, then the
//!    page pass of `postprocess` (ids, links, the allow-list, the safety furniture);
//! 4. check: findings placed at `file:line:col` in the sources, links, copied files;
//! 5. write: `output` (the staged, swapped `public/`) with the files for machines.
//!
//! Every problem an editor can cause is a [`Diagnostic`], shown by one [`Printer`].
//! Around the build, for editors: [`serve`] (the live preview), [`scaffold`] (new pages
//! and campaigns) and [`selfcheck`] (trying answers, and signing off a change).

mod build;
mod config;
mod content;
mod date;
mod diagnostic;
mod error;
mod markdown;
mod output;
mod postprocess;
mod render;
mod security;
mod yaml;

#[doc(hidden)]
pub mod fuzzing;
pub mod scaffold;
pub mod selfcheck;
pub mod serve;

// Building a site, and what a build did.
pub use build::{build, Options, Report};
pub use date::Date;
pub use output::Target;

// What can go wrong, and the one way it is shown: short for logs, rich for people.
pub use diagnostic::{Color, Diagnostic, Form, Printer, Severity};
pub use error::Error;
