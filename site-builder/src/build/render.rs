//! Stage 3, render: every document's Markdown through its template and the page pass, in
//! parallel, the forwarding pages left where expired pages were, and the 404 page. Each
//! page is checked as it is made (see `findings`) and written at once when it is good,
//! so the site is never held in memory whole, unless the build is kept for the preview
//! (`Out::Memory`). A page whose inputs are unchanged since the kept build is not made
//! again (see `memo`).

use std::collections::HashSet;
use std::path::Path;
use std::sync::Arc;

use rayon::prelude::*;
use tera::Context;

use crate::content::{Document, Forward};
use crate::diagnostic::{Diagnostic, Severity};
use crate::markdown::{self, SourceMap};
use crate::output::Staging;
use crate::postprocess::{self, Furniture, Rules};
use crate::render::{context, forward, Shared, Summaries};
use crate::security;

use super::findings::{self, PageProblem, Placer};
use super::load::Site;
use super::memo::{Keys, Pages};
use super::plan::Plan;

/// Where pages go as they are made.
#[derive(Clone, Copy)]
pub enum Out<'a> {
    /// Nowhere: `check`.
    Nowhere,
    /// Into the staging folder, when they have no problems.
    Disk(&'a Staging),
    /// Kept with the page, for the preview.
    Memory,
}

/// A page made and checked.
pub struct Built {
    pub url: String,
    /// The output file, inside `public/`.
    pub file: String,
    /// Every id on the page, for `#anchor` links from other pages.
    pub ids: HashSet<String>,
    pub furniture: Furniture,
    /// The template the page was rendered with.
    pub template: String,
    /// What the page checks found on it.
    pub problems: Vec<PageProblem>,
    /// The page, when it is kept in memory.
    pub html: Option<Arc<[u8]>>,
}

/// One page's making: the page, when it could be made, and the problems met making it.
pub struct Made {
    pub page: Option<Built>,
    pub found: Vec<Found>,
}

/// A problem met while rendering: in a source file, or in a template while rendering the
/// page at a URL (reported once per place in the template by the check stage).
#[derive(Clone)]
pub enum Found {
    Source(Diagnostic),
    Template(Diagnostic, String),
}

/// Every page made, in order: the documents, the forwarding pages, the 404 page.
pub struct Rendered {
    pub pages: Vec<Arc<Made>>,
    /// How many pages this build made; the others were kept from the last one.
    pub made: usize,
    pub template_problems: Vec<(Diagnostic, String)>,
    /// The brand's logo, when it is not a file of the site: reported once, by `check`.
    pub missing_logo: Option<Diagnostic>,
}

/// What every page is checked against.
pub fn rules<'a>(site: &'a Site, plan: &'a Plan) -> Rules<'a> {
    Rules {
        reader: &site.reader,
        policy: security::CONTENT_SECURITY_POLICY,
        exit_url: &site.config.config.exit_url,
        exit_script: plan.assets.get("quick-exit.js").map(String::as_str),
    }
}

/// Renders every page. With `memo`, a page whose inputs have not changed since the build
/// the memo kept is taken from it, and the memo then keeps this build's pages.
pub fn render(
    site: &Site,
    plan: &Plan,
    out: Out<'_>,
    memo: Option<&mut Pages>,
    problems: &mut Vec<Diagnostic>,
) -> Rendered {
    let mut tera = site.templates.tera.clone();
    forward::install(&mut tera, &site.templates);
    let shared = Shared {
        config: &site.config.config,
        library: &plan.library,
        today: plan.today,
        assets: &plan.assets,
        csp: security::CONTENT_SECURITY_POLICY,
        selfcheck: (plan.selfcheck.as_ref()).map(|s| (s.context.clone(), s.fingerprint)),
    };
    let global = shared.install(tera.global_context());
    let rules = rules(site, plan);
    let missing_logo = super::check::brand_logo(site, plan);
    let logo = (site.config.config.brand.as_ref()).and_then(|b| b.logo.as_deref());
    let keys = memo.is_some().then(|| Keys::new(site, plan, global));
    let page = Page {
        site,
        plan,
        tera: &tera,
        rules: &rules,
        summaries: &Summaries::build(&plan.library, &site.config.config.base_url),
        out,
        placer: Placer {
            site,
            plan,
            reported: logo.filter(|_| missing_logo.is_some()),
        },
    };
    let kept = memo.as_deref();
    let made = |file: String, key: Option<blake3::Hash>, make: &dyn Fn() -> Made| match key
        .and_then(|key| kept?.get(&file, key))
    {
        Some(kept) => (file, key, kept, false),
        None => (file, key, Arc::new(make()), true),
    };
    let documents = plan.library.documents.par_iter().enumerate();
    let forwards = plan.library.forwards.par_iter();
    let results: Vec<(String, Option<blake3::Hash>, Arc<Made>, bool)> = documents
        .map(|(index, doc)| {
            let key = keys.as_ref().map(|k| k.document(index));
            made(doc.output_path(), key, &|| page.document(index, doc))
        })
        .chain(forwards.map(|f| {
            let key = keys.as_ref().map(|k| k.forward(f));
            made(super::plan::forward_path(f), key, &|| page.forward(f))
        }))
        .chain(rayon::iter::once(()).map(|()| {
            let key = keys.as_ref().map(Keys::not_found);
            made("404.html".into(), key, &|| page.not_found())
        }))
        .collect();
    if let Some(memo) = memo {
        memo.keep(
            results
                .iter()
                .map(|(file, key, made, _)| (file, *key, made)),
        );
    }
    let mut rendered = Rendered {
        pages: Vec::with_capacity(results.len()),
        made: results.iter().filter(|(.., fresh)| *fresh).count(),
        template_problems: Vec::new(),
        missing_logo,
    };
    for (_, _, made, _) in results {
        for problem in &made.found {
            match problem {
                Found::Source(problem) => problems.push(problem.clone()),
                Found::Template(problem, url) => rendered
                    .template_problems
                    .push((problem.clone(), url.clone())),
            }
        }
        rendered.pages.push(made);
    }
    rendered
}

/// What rendering one page needs.
struct Page<'a> {
    site: &'a Site,
    plan: &'a Plan,
    tera: &'a tera::Tera,
    rules: &'a Rules<'a>,
    summaries: &'a Summaries<'a>,
    out: Out<'a>,
    placer: Placer<'a>,
}

impl Page<'_> {
    /// Renders one document, with its problems. A page with problems in its Markdown is
    /// still rendered and checked (so one run finds everything) but not written. No page
    /// comes back when the document is left out: its template is missing, or the
    /// self-check it shows failed (those problems are reported where they are).
    fn document(&self, index: usize, doc: &Document) -> Made {
        let (site, plan) = (self.site, self.plan);
        if !site.templates.has(doc.template())
            || plan.selfcheck_failed && site.templates.mentions(doc.template(), "selfcheck")
        {
            return Made::nothing(Vec::new());
        }
        let (rendered, problems) =
            markdown::render(doc, &plan.library, &site.config.config.support);
        let mut found: Vec<Found> = problems.into_iter().map(Found::Source).collect();
        let context = context::for_document(
            doc,
            &rendered,
            &plan.library,
            self.summaries,
            &site.config.config.base_url,
        );
        let html = match self.tera.render(doc.template(), &context) {
            Ok(html) => html,
            Err(e) => {
                let problem = site.templates.problem(&e, Some(&doc.shown));
                found.push(Found::Template(problem, doc.url.clone()));
                return Made::nothing(found);
            }
        };
        let made = findings::Made {
            doc: Some(index),
            template: doc.template(),
            url: &doc.url,
            body_map: &rendered.map,
        };
        let write = !found.iter().any(|p| {
            matches!(p, Found::Source(d) if d.severity == Severity::Error)
                || matches!(p, Found::Template(..))
        });
        self.finish(html, made, doc.output_path(), write, found)
    }

    /// The page left at an expired page's address: the site's own page (its policy, quick
    /// exit and help) saying where the page went, with a link, and forwarding at once.
    fn forward(&self, to: &Forward) -> Made {
        let context = forward::context(to, &self.plan.library);
        let template = forward::template(&self.site.templates);
        let html = match self.tera.render(template, &context) {
            Ok(html) => forward::with_refresh(&html, &to.to),
            Err(e) => {
                let problem = self.site.templates.problem(&e, None);
                return Made::nothing(vec![Found::Template(problem, to.from.clone())]);
            }
        };
        let made = findings::Made {
            doc: None,
            template,
            url: &to.from,
            body_map: &SourceMap::default(),
        };
        let file = super::plan::forward_path(to);
        self.finish(html, made, file, true, Vec::new())
    }

    fn not_found(&self) -> Made {
        let mut context = Context::new();
        context.insert("current_url", "/404.html");
        let html = match self.tera.render("404.html", &context) {
            Ok(html) => html,
            Err(e) => {
                let shown = Path::new("templates/404.html");
                let problem = self.site.templates.problem(&e, Some(shown));
                return Made::nothing(vec![Found::Template(problem, "/404.html".into())]);
            }
        };
        let made = findings::Made {
            doc: None,
            template: "404.html",
            url: "/404.html",
            body_map: &SourceMap::default(),
        };
        self.finish(html, made, "404.html".into(), true, Vec::new())
    }

    /// Post-processes and checks one page, and writes it when building, `write` holds and
    /// nothing was found.
    fn finish(
        &self,
        html: String,
        made: findings::Made<'_>,
        file: String,
        write: bool,
        mut found: Vec<Found>,
    ) -> Made {
        let processed = postprocess::process(&html, made.url, self.rules);
        drop(html);
        let problems = self.placer.page(&made, &processed);
        let html = match self.out {
            Out::Disk(staging) if write && processed.findings.is_empty() => {
                if let Err(e) = staging.write_page(&file, processed.html.as_bytes()) {
                    let message = format!("cannot write the page: {e}");
                    found.push(Found::Source(Diagnostic::file(
                        staging.shown(&file),
                        message,
                    )));
                    return Made::nothing(found);
                }
                None
            }
            Out::Memory => Some(Arc::from(processed.html.into_bytes())),
            _ => None,
        };
        let page = Built {
            url: made.url.to_string(),
            file,
            ids: processed.ids,
            furniture: processed.furniture,
            template: made.template.to_string(),
            problems,
            html,
        };
        Made {
            page: Some(page),
            found,
        }
    }
}

impl Made {
    fn nothing(found: Vec<Found>) -> Made {
        Made { page: None, found }
    }
}
