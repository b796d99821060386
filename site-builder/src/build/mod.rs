//! The build, as a flat list of stages that each own their data and hand the next what
//! it needs: load → plan → render → index → check → write.
//!
//! Problems are collected across the stages, so one run reports all of them: a page whose
//! front matter fails is left out of rendering, and every other page is still rendered and
//! checked. Only when nothing can be rendered (the settings or the templates fail) does the
//! build stop after loading.

mod check;
mod index;
mod load;
mod plan;
mod render;
mod write;

use std::path::PathBuf;
use std::time::{Duration, Instant};

use crate::content::LeftOut;
use crate::date::Date;
use crate::diagnostic::Diagnostic;
use crate::error::Error;

pub use index::Shipped;

/// What to build, and how.
#[derive(Debug, Clone)]
pub struct Options {
    /// The site: the folder holding `content/` and `templates/`.
    pub root: PathBuf,
    /// Where the site goes; `None` checks everything and writes nothing.
    pub out: Option<PathBuf>,
    pub drafts: bool,
    /// Build as of this day.
    pub today: Date,
    /// Also build future and expired pages, marked as previews (for `serve`).
    pub previews: bool,
}

impl Options {
    pub fn new(root: impl Into<PathBuf>) -> Options {
        let root = root.into();
        Options {
            out: Some(root.join("public")),
            root,
            drafts: false,
            today: Date::today(),
            previews: false,
        }
    }
}

/// What a successful build did.
#[derive(Debug)]
pub struct Report {
    pub pages: usize,
    pub sections: usize,
    pub left_out: Vec<LeftOut>,
    /// Problems that do not stop the build, such as helpline details due for a check.
    pub warnings: Vec<Diagnostic>,
    /// The search index, when the theme has a search page.
    pub search: Option<Shipped>,
    pub elapsed: Duration,
}

/// Builds the site (or only checks it, when `options.out` is `None`).
pub fn build(options: &Options) -> Result<Report, Error> {
    let started = Instant::now();
    let mut problems = Vec::new();
    let site = load::load(options, &mut problems)?;
    let plan = plan::plan(&site, &mut problems);
    let staging = write::open(options, &plan)?;
    let renderer = render::Renderer::new(&site, &plan, staging.as_ref());
    let mut rendered = renderer.documents(&mut problems);
    let search = index::index(&renderer, &mut rendered, staging.as_ref(), &mut problems)?;
    drop(renderer);
    check::check(&site, &plan, &rendered, &mut problems);
    if !problems.is_empty() {
        // One mistake can be found twice (an image's `src` and `srcset`): say it once.
        let mut seen = std::collections::HashSet::new();
        problems.retain(|p| seen.insert(p.to_string()));
        return Err(Error::Problems(problems));
    }
    if let Some(staging) = staging {
        write::finish(staging, &site, &plan)?;
    }
    Ok(Report {
        pages: site.library.pages().count(),
        sections: site.library.sections().count(),
        left_out: site.library.left_out,
        warnings: site.warnings,
        search,
        elapsed: started.elapsed(),
    })
}
