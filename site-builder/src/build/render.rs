//! Stage 3, render: every document's Markdown through its template and the page pass,
//! in parallel, and the 404 page. Pages with no findings are written as they are made, so
//! the site is never held in memory whole.

use std::collections::HashSet;
use std::path::Path;

use rayon::prelude::*;
use tera::Context;

use crate::content::Document;
use crate::diagnostic::Diagnostic;
use crate::markdown::{self, SourceMap};
use crate::output::Staging;
use crate::postprocess::{self, Finding, Furniture, Link, Region, Rules};
use crate::render::{context, Shared, Summaries};
use crate::security;

use super::load::Site;
use super::plan::Plan;

/// A rendered page, ready for checking.
pub struct Built {
    pub url: String,
    pub ids: HashSet<String>,
    pub links: Vec<Link>,
    pub findings: Vec<Finding>,
    pub regions: Vec<Region>,
    pub furniture: Furniture,
    /// The template the page was rendered with.
    pub template: String,
    /// The document, by index in the library; `None` for the 404 page.
    pub doc: Option<usize>,
    /// Where the page's Markdown body came from, for placing findings in it.
    pub body_map: SourceMap,
}

/// Every page rendered, and the problems a template had while rendering one (reported
/// once per template place by the check stage, with the pages counted).
pub struct Rendered {
    pub pages: Vec<Built>,
    pub template_problems: Vec<(Diagnostic, String)>,
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

pub fn render(
    site: &Site,
    plan: &Plan,
    staging: Option<&Staging>,
    problems: &mut Vec<Diagnostic>,
) -> Rendered {
    let mut tera = site.templates.tera.clone();
    let shared = Shared {
        config: &site.config.config,
        library: &site.library,
        today: site.today,
        assets: &plan.assets,
        csp: security::CONTENT_SECURITY_POLICY,
        selfcheck: site.selfcheck.as_ref().map(|s| s.context.clone()),
    };
    shared.install(tera.global_context());
    let rules = rules(site, plan);
    let summaries = Summaries::build(&site.library, &site.config.config.base_url);
    let page = Page {
        site,
        tera: &tera,
        rules: &rules,
        summaries: &summaries,
        staging,
    };
    let results: Vec<(Option<Built>, Vec<Found>)> = site
        .library
        .documents
        .par_iter()
        .enumerate()
        .map(|(index, doc)| page.document(index, doc))
        .collect();
    let mut rendered = Rendered {
        pages: Vec::with_capacity(results.len() + 1),
        template_problems: Vec::new(),
    };
    for (page, found) in results.into_iter().chain([page.not_found()]) {
        rendered.pages.extend(page);
        for problem in found {
            match problem {
                Found::Source(problem) => problems.push(problem),
                Found::Template(problem, url) => rendered.template_problems.push((problem, url)),
            }
        }
    }
    rendered
}

/// A problem met while rendering: in a source file, or in a template while rendering the
/// page at a URL.
enum Found {
    Source(Diagnostic),
    Template(Diagnostic, String),
}

/// What rendering one page needs.
struct Page<'a> {
    site: &'a Site,
    tera: &'a tera::Tera,
    rules: &'a Rules<'a>,
    summaries: &'a Summaries,
    staging: Option<&'a Staging>,
}

impl Page<'_> {
    /// Renders one document, with its problems. A page with problems in its Markdown is
    /// still rendered and checked (so one run finds everything) but not written. No page
    /// comes back when the document is left out: its template is missing, or the
    /// self-check it shows failed (those problems are reported where they are).
    fn document(&self, index: usize, doc: &Document) -> (Option<Built>, Vec<Found>) {
        let site = self.site;
        if !site.templates.has(doc.template())
            || site.selfcheck_failed && site.templates.mentions(doc.template(), "selfcheck")
        {
            return (None, Vec::new());
        }
        let (rendered, problems) =
            markdown::render(doc, &site.library, &site.config.config.support);
        let mut problems: Vec<Found> = problems.into_iter().map(Found::Source).collect();
        let context = context::for_document(
            doc,
            &rendered,
            &site.library,
            self.summaries,
            &site.config.config.base_url,
        );
        let html = match self.tera.render(doc.template(), &context) {
            Ok(html) => html,
            Err(e) => {
                let problem = site.templates.problem(&e, Some(&doc.shown));
                problems.push(Found::Template(problem, doc.url.clone()));
                return (None, problems);
            }
        };
        let target = (Some(index), doc.template(), rendered.map);
        let write = problems.is_empty();
        match self.finish(html, doc.url.clone(), doc.output_path(), target, write) {
            Ok(built) => (Some(built), problems),
            Err(problem) => {
                problems.push(Found::Source(problem));
                (None, problems)
            }
        }
    }

    fn not_found(&self) -> (Option<Built>, Vec<Found>) {
        let mut context = Context::new();
        context.insert("current_url", "/404.html");
        let html = match self.tera.render("404.html", &context) {
            Ok(html) => html,
            Err(e) => {
                let shown = Path::new("templates/404.html");
                let problem = self.site.templates.problem(&e, Some(shown));
                return (None, vec![Found::Template(problem, "/404.html".into())]);
            }
        };
        let target = (None, "404.html", SourceMap::default());
        match self.finish(html, "/404.html".into(), "404.html".into(), target, true) {
            Ok(built) => (Some(built), Vec::new()),
            Err(problem) => (None, vec![Found::Source(problem)]),
        }
    }

    /// Post-processes one page, and writes it when building, `write` holds and nothing
    /// was found.
    fn finish(
        &self,
        html: String,
        url: String,
        file: String,
        (doc, template, body_map): (Option<usize>, &str, SourceMap),
        write: bool,
    ) -> Result<Built, Diagnostic> {
        let processed = postprocess::process(&html, &url, self.rules);
        drop(html);
        if let (Some(staging), true) = (self.staging, write && processed.findings.is_empty()) {
            staging
                .write(&file, processed.html.as_bytes())
                .map_err(|e| {
                    Diagnostic::file(staging.shown(&file), format!("cannot write the page: {e}"))
                })?;
        }
        Ok(Built {
            url,
            ids: processed.ids,
            links: processed.links,
            findings: processed.findings,
            regions: processed.regions,
            furniture: processed.furniture,
            template: template.to_string(),
            doc,
            body_map,
        })
    }
}
