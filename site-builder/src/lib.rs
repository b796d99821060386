//! site-builder turns a site's `content/` (Markdown with YAML front matter, and YAML
//! settings), its `static/` (files copied as they are) and optional `templates/` (Tera
//! overrides of the built-in [`theme`]) into a static site in `public/`.
//!
//! The entry point is [`build`] with [`Options`]: six stages, each a module of `build`
//! that owns its data and hands the next what it needs:
//! 1. load: `config` (site.yaml: its time zone, banners and brand, the brand's colours
//!    checked by `colour`), `content` (read once), `render::templates` (the site's own
//!    over the theme's), `selfcheck` (the questionnaire, checked by the engine), assets;
//! 2. plan: the day's pages placed and scheduled (expired ones forwarded), every file the
//!    site will hold, and the assets' hashed addresses;
//! 3. render: `markdown` (with a map back to the source) through the templates, then the
//!    page pass of `postprocess` (ids, links, the allow-list, the safety furniture);
//! 4. index: [`search`] gathers every page's sections (cut from the Markdown as it
//!    renders) into the search index, and the search page is rendered with its address;
//! 5. check: findings placed at `file:line:col` in the sources, links, copied files;
//! 6. write: `output` (the staged, swapped `public/`, with `static/` and bundles copied,
//!    images without their metadata) and the files for machines and hosts.
//!
//! [`look_ahead`] runs plan, render and check for each day the site will change.
//! Every problem an editor can cause is a [`Diagnostic`], shown by one [`Printer`].
//! Around the build, for editors: [`serve`] (the live preview), [`init`] (a new site),
//! [`scaffold`] (new pages and campaigns), [`search`] (the visitor's search, from the
//! command line too), [`theme`] (listing and ejecting the theme's
//! files) and [`selfcheck`] (trying answers, and signing off a change); for the people
//! who run a site: [`security`] (the headers every page is served with), [`hosting`]
//! (that policy for each kind of server) and [`recipes`] (CI that rebuilds it every day).

mod banners;
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
mod strings;
mod yaml;

#[doc(hidden)]
pub mod fuzzing;
pub mod hosting;
pub mod init;
pub mod recipes;
pub mod scaffold;
pub mod search;
pub mod security;
pub mod selfcheck;
pub mod serve;
pub mod theme;

// Building a site, what a build did, and the days ahead.
pub use build::{
    build, forwards, look_ahead, Change, Indexed, Live, Options, Outlook, Report, Shipped,
    Translations,
};
pub use date::{Clock, Date, Timestamp};
pub use output::{Body, Files, Target};

// What can go wrong, and the one way it is shown: short for logs, rich for people.
pub use diagnostic::{Color, Diagnostic, Form, Printer, Severity};
pub use error::Error;
