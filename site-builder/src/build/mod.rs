//! The build, as a flat list of stages that each own their data and hand the next what
//! it needs: load → plan → render → index → check → write. `check --ahead`
//! ([`look_ahead`]) loads once and runs plan → render → index → check for each day on
//! which the site changes.
//!
//! Problems are collected across the stages, so one run reports all of them: a page whose
//! front matter fails is left out of rendering, and every other page is still rendered and
//! checked. Only when nothing can be rendered (the settings or the templates fail) does the
//! build stop after loading.

mod ahead;
mod check;
mod copied;
mod early;
mod findings;
mod index;
mod live;
mod load;
mod memo;
mod plan;
mod render;
mod translations;
mod write;

use std::path::PathBuf;

pub use ahead::{look_ahead, Change, Outlook};
pub use live::{Indexed, Live};
use std::time::{Duration, Instant};
pub use translations::Translations;

use crate::content::{Forward, LeftOut, Schedule};
use crate::date::{Clock, Date};
use crate::diagnostic::{Diagnostic, Severity};
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
    /// Build as of this day (`--now`); `None` means today in the site's time zone, from
    /// `clock`.
    pub now: Option<Date>,
    pub clock: Clock,
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
            now: None,
            clock: Clock::System,
            previews: false,
        }
    }
}

/// What a successful build did.
#[derive(Debug)]
pub struct Report {
    pub pages: usize,
    pub sections: usize,
    /// The pages (forwarding pages and the 404 page included) this build made; a live
    /// build takes the others, unchanged, from the build before.
    pub made: usize,
    pub left_out: Vec<LeftOut>,
    /// Problems that do not stop the build, such as helpline details due for a check.
    pub warnings: Vec<Diagnostic>,
    /// Each language's search index, the default language's first; empty when the
    /// theme has no search page or the settings switch it off.
    pub search: Vec<Shipped>,
    pub elapsed: Duration,
    /// The default language's name, as site.yaml gives it.
    pub default_language: String,
    /// Each other language: its untranslated pages and the translations awaiting review.
    pub translations: Vec<Translations>,
    /// The languages that offer the self-check, all with the one definition's logic.
    pub selfcheck_languages: Vec<String>,
    /// The self-check definition, as problems name it, and how many examples it has.
    pub selfcheck: Option<(std::path::PathBuf, usize)>,
}

/// Builds the site (or only checks it, when `options.out` is `None`).
pub fn build(options: &Options) -> Result<Report, Error> {
    let started = Instant::now();
    let mut problems = Vec::new();
    let site = load::load(options, &mut problems, &mut load::Kept::default())?;
    let today = options
        .now
        .unwrap_or_else(|| options.clock.today_in(&site.config.zone));
    let plan = plan::plan(&site, &schedule(options, today), &mut problems);
    let staging = write::open(options, &plan)?;
    let out = match &staging {
        Some(staging) => render::Out::Disk(staging),
        None => render::Out::Nowhere,
    };
    let renderer = render::Renderer::new(&site, &plan, out);
    let mut rendered = renderer.documents(None, None, &mut problems);
    let search = index::index(&renderer, &mut rendered, None, &mut problems)?;
    drop(renderer);
    check::check(&site, &plan, &rendered, &mut problems);
    let (warnings, errors) = sort(problems);
    if !errors.is_empty() {
        return Err(Error::Problems(errors));
    }
    if let Some(staging) = staging {
        write::finish(staging, &site, &plan)?;
    }
    Ok(Report::of(
        &site,
        &plan,
        rendered.made,
        warnings,
        search,
        started,
    ))
}

impl Report {
    /// What a build of `site` by `plan` did, `made` pages in all.
    fn of(
        site: &load::Site,
        plan: &plan::Plan,
        made: usize,
        warnings: Vec<Diagnostic>,
        search: Vec<Shipped>,
        started: Instant,
    ) -> Report {
        Report {
            made,
            pages: originals(plan.library.pages()),
            sections: originals(plan.library.sections()),
            default_language: site.languages().default_language().name.clone(),
            translations: translations::report(site, &plan.library),
            selfcheck_languages: translations::selfcheck_languages(site),
            selfcheck: (site.selfcheck.as_ref()).map(|s| (s.path.clone(), s.file.examples.len())),
            left_out: plan.library.left_out.clone(),
            warnings,
            search,
            elapsed: started.elapsed(),
        }
    }
}

/// How many of `docs` are originals, not translations.
fn originals<'a>(docs: impl Iterator<Item = &'a crate::content::Document>) -> usize {
    docs.filter(|d| d.translation_of.is_none()).count()
}

/// Where each page that has expired by today leads: the redirects a build writes, for
/// servers configured by hand (`site-builder hosting`). Fails as the build would.
pub fn forwards(options: &Options) -> Result<Vec<Forward>, Error> {
    let mut problems = Vec::new();
    let site = load::load(options, &mut problems, &mut load::Kept::default())?;
    let today = (options.now).unwrap_or_else(|| options.clock.today_in(&site.config.zone));
    let plan = plan::plan(&site, &schedule(options, today), &mut problems);
    match sort(problems) {
        (_, errors) if !errors.is_empty() => Err(Error::Problems(errors)),
        _ => Ok(plan.library.forwards),
    }
}

/// What a build on `today` publishes.
fn schedule(options: &Options, today: Date) -> Schedule {
    Schedule {
        today,
        include_drafts: options.drafts || options.previews,
        include_unpublished: options.previews,
    }
}

/// Warnings and errors, each said once: one mistake can be found twice (an image's `src`
/// and `srcset`).
fn sort(mut problems: Vec<Diagnostic>) -> (Vec<Diagnostic>, Vec<Diagnostic>) {
    let mut seen = std::collections::HashSet::new();
    problems.retain(|p| seen.insert(p.to_string()));
    problems
        .into_iter()
        .partition(|p| p.severity == Severity::Warning)
}
