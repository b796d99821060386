//! site-builder turns a site's `content/` (Markdown with YAML front matter, and YAML
//! settings), its `static/` (files copied as they are) and optional `templates/` (Tera
//! overrides of the built-in [`theme`]) into a static site in `public/`.
//!
//! The entry point is [`build`] with [`Options`]: five stages, each a module of `build`
//! that owns its data and hands the next what it needs:
//! 1. load: `config` (site.yaml, with the brand's colours checked by `colour`), `content`
//!    (pages and sections, placed and scheduled), `render::templates` (the site's own over
//!    the theme's), `selfcheck` (the questionnaire, checked by the engine) and the assets;
//! 2. plan: every file the site will hold, and the assets' hashed addresses;
//! 3. render: `markdown` (with a map back to the source) through the templates, then the
//!    page pass of `postprocess` (ids, links, the allow-list, the safety furniture);
//! 4. check: findings placed at `file:line:col` in the sources, links, copied files;
//! 5. write: `output` (the staged, swapped `public/`, with `static/` and bundles copied,
//!    images without their metadata) and the files for machines.
//!
//! Every problem an editor can cause is a [`Diagnostic`], shown by one [`Printer`].
//! Around the build, for editors: [`serve`] (the live preview), [`init`] (a new site),
//! [`scaffold`] (new pages and campaigns), [`theme`] (listing and ejecting the theme's
//! files) and [`selfcheck`] (trying answers, and signing off a change).

mod build;
mod colour;
mod config;
mod content;
mod date;
mod diagnostic;
mod embedded;
mod error;
mod markdown;
mod output;
mod postprocess;
mod render;
mod security;
mod yaml;

#[doc(hidden)]
pub mod fuzzing;
pub mod init;
pub mod scaffold;
pub mod selfcheck;
pub mod serve;
pub mod theme;

// Building a site, and what a build did.
pub use build::{build, Options, Report};
pub use date::Date;
pub use output::Target;

// What can go wrong, and the one way it is shown: short for logs, rich for people.
pub use diagnostic::{Color, Diagnostic, Form, Printer, Severity};
pub use error::Error;
