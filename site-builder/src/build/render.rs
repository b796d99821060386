//! Stage 3, render: every document's Markdown through its template and the page pass,
//! in parallel, the forwarding pages left where expired pages were, and the 404 page. Pages with no findings are written as they are made, so
//! the site is never held in memory whole. Each searched page's text is read for the
//! search index as it is rendered; the index stage then renders the search page with the
//! same [`Renderer`].

use std::collections::HashSet;
use std::path::Path;

use rayon::prelude::*;
use tera::Context;

use crate::content::{Document, Forward};
use crate::diagnostic::{Diagnostic, Severity};
use crate::markdown::{self, SourceMap};
use crate::output::Staging;
use crate::postprocess::{self, Finding, Furniture, Link, Region, Rules};
use crate::render::{context, forward, Shared, Summaries};
use crate::search::index::{PageEntry, Vocabulary, Words};
use crate::search::{Language, PageText};
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
    /// The page's words for the search indexes it is in, by language index: its own
    /// language's, and for a default-language page each language it has no translation
    /// into (as a fallback). Empty when it is not searched.
    pub text: Vec<(usize, PageEntry)>,
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
    /// Files made after planning, from what was rendered (the search index): links may
    /// reach them.
    pub made: Vec<String>,
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

/// What rendering a page needs, made once: the templates with the shared data in their
/// global context, the rules of the page pass, and the summaries section pages list.
pub struct Renderer<'a> {
    site: &'a Site,
    plan: &'a Plan,
    /// One per language, by index, each with its language's values and functions.
    teras: Vec<tera::Tera>,
    rules: Rules<'a>,
    summaries: Summaries,
    staging: Option<&'a Staging>,
    /// Where pages' words go for each language's search index, by language index, when
    /// the theme has a search page; empty when not.
    vocabularies: Vec<(Language, Vocabulary)>,
}

impl<'a> Renderer<'a> {
    pub fn new(site: &'a Site, plan: &'a Plan, staging: Option<&'a Staging>) -> Renderer<'a> {
        let base_url = &site.config.config.base_url;
        Renderer {
            site,
            plan,
            teras: teras(site, plan),
            rules: rules(site, plan),
            summaries: Summaries::build(&plan.library, base_url, &site.strings, site.languages()),
            staging,
            vocabularies: match site.search {
                true => (site.languages().all().iter())
                    .map(|l| (Language::of(&l.code), Vocabulary::default()))
                    .collect(),
                false => Vec::new(),
            },
        }
    }

    /// The words each language's pages were read into, for its index, with the rules
    /// they were read by; by language index, and empty when there is no search page.
    pub fn words(&self) -> Vec<(Language, Words)> {
        (self.vocabularies.iter())
            .map(|(language, vocabulary)| (*language, vocabulary.take()))
            .collect()
    }

    /// Renders every document and forwarding page, in parallel, and the 404 page.
    pub fn documents(&self, problems: &mut Vec<Diagnostic>) -> Rendered {
        let library = &self.plan.library;
        let results: Vec<(Option<Built>, Vec<Found>)> = (library.documents.par_iter())
            .enumerate()
            .map(|(index, doc)| self.document(index, doc))
            .chain(library.forwards.par_iter().map(|f| self.forward(f)))
            .collect();
        let mut rendered = Rendered {
            pages: Vec::with_capacity(results.len() + 2),
            template_problems: Vec::new(),
            made: Vec::new(),
        };
        for (page, found) in results.into_iter().chain([self.not_found()]) {
            rendered.add(page, found, problems);
        }
        rendered
    }
}

impl Rendered {
    /// Adds a rendered page, and sorts the problems met rendering it.
    pub fn add(&mut self, page: Option<Built>, found: Vec<Found>, problems: &mut Vec<Diagnostic>) {
        self.pages.extend(page);
        for problem in found {
            match problem {
                Found::Source(problem) => problems.push(problem),
                Found::Template(problem, url) => self.template_problems.push((problem, url)),
            }
        }
    }
}

/// One Tera per language, each with its language's values and functions.
fn teras(site: &Site, plan: &Plan) -> Vec<tera::Tera> {
    let mut base = site.templates.tera.clone();
    forward::install(&mut base, &site.templates);
    (0..site.languages().len())
        .map(|lang| {
            let mut tera = base.clone();
            let shared = Shared {
                config: &site.configs[lang],
                library: &plan.library,
                today: plan.today,
                assets: &plan.assets,
                csp: security::CONTENT_SECURITY_POLICY,
                selfcheck: (plan.selfcheck.get(lang))
                    .and_then(Option::as_ref)
                    .or(plan.selfcheck.first().and_then(Option::as_ref))
                    .map(|s| s.context.clone()),
                lang,
                languages: site.languages(),
            };
            shared.install(&mut tera, site.strings.clone());
            tera
        })
        .collect()
}

/// A problem met while rendering: in a source file, or in a template while rendering the
/// page at a URL.
pub enum Found {
    Source(Diagnostic),
    Template(Diagnostic, String),
}

impl Renderer<'_> {
    /// Renders one document, with its problems. A page with problems in its Markdown is
    /// still rendered and checked (so one run finds everything) but not written. No page
    /// comes back when the document is left out: its template is missing, or the
    /// self-check it shows failed (those problems are reported where they are).
    fn document(&self, index: usize, doc: &Document) -> (Option<Built>, Vec<Found>) {
        let (site, plan) = (self.site, self.plan);
        if !site.templates.has(doc.template())
            || plan.selfcheck_failed[doc.lang]
                && site.templates.mentions(doc.template(), "selfcheck")
        {
            return (None, Vec::new());
        }
        let searched = !self.vocabularies.is_empty() && doc.front.search != Some(false);
        let markdown = site.markdown(&plan.library, doc.lang);
        let (mut rendered, problems) = markdown::render(doc, &markdown, searched);
        let mut problems: Vec<Found> = problems.into_iter().map(Found::Source).collect();
        let context = context::for_document(&context::Page {
            doc,
            rendered: &rendered,
            library: &plan.library,
            summaries: &self.summaries,
            base_url: &site.config.config.base_url,
            languages: site.languages(),
        });
        let text = match searched {
            true => self.read(index, doc, std::mem::take(&mut rendered.sections)),
            false => Vec::new(),
        };
        let html = match self.teras[doc.lang].render(doc.template(), &context) {
            Ok(html) => html,
            Err(e) => {
                let problem = site.templates.problem(&e, Some(&doc.shown));
                problems.push(Found::Template(problem, doc.url.clone()));
                return (None, problems);
            }
        };
        let target = (Some(index), doc.template(), rendered.map);
        let write = !problems.iter().any(|p| {
            matches!(p, Found::Source(d) if d.severity == Severity::Error)
                || matches!(p, Found::Template(..))
        });
        match self.finish(html, doc.url.clone(), doc.output_path(), target, write) {
            Ok(built) => (Some(Built { text, ..built }), problems),
            Err(problem) => {
                problems.push(Found::Source(problem));
                (None, problems)
            }
        }
    }

    /// Reads a page's text into its language's index and, for a default-language page,
    /// into the index of each language with no translation of it, marked as a fallback:
    /// a visitor searching in Welsh still finds a page that is only in English.
    fn read(
        &self,
        index: usize,
        doc: &Document,
        sections: Vec<crate::search::SectionText>,
    ) -> Vec<(usize, PageEntry)> {
        let text = PageText {
            title: doc.front.title.clone(),
            url: doc.url.clone(),
            description: doc.front.description.clone().unwrap_or_default(),
            sections,
        };
        let library = &self.plan.library;
        let fallbacks = (1..self.vocabularies.len())
            .filter(|_| doc.lang == crate::config::languages::DEFAULT)
            .filter(|&lang| library.in_language(index, lang) == index);
        (std::iter::once(doc.lang).chain(fallbacks))
            .map(|lang| {
                let (language, vocabulary) = &self.vocabularies[lang];
                (lang, vocabulary.read(*language, &text, lang != doc.lang))
            })
            .collect()
    }

    /// The page left at an expired page's address: the site's own page (its policy, quick
    /// exit and help) saying where the page went, with a link, and forwarding at once.
    fn forward(&self, to: &Forward) -> (Option<Built>, Vec<Found>) {
        let context = forward::context(to, &self.plan.library, &self.site.strings);
        let template = forward::template(&self.site.templates);
        let html = match self.teras[to.lang].render(template, &context) {
            Ok(html) => forward::with_refresh(&html, &to.to),
            Err(e) => {
                let problem = self.site.templates.problem(&e, None);
                return (None, vec![Found::Template(problem, to.from.clone())]);
            }
        };
        let target = (None, template, SourceMap::default());
        let file = super::plan::forward_path(to);
        match self.finish(html, to.from.clone(), file, target, true) {
            Ok(built) => (Some(built), Vec::new()),
            Err(problem) => (None, vec![Found::Source(problem)]),
        }
    }

    fn not_found(&self) -> (Option<Built>, Vec<Found>) {
        let mut context = Context::new();
        context.insert("current_url", "/404.html");
        self.generated(0, "404.html", "/404.html", "404.html", &context)
    }

    /// The site's address, as `base_url` in site.yaml gives it.
    pub fn base_url(&self) -> &str {
        &self.site.config.config.base_url
    }

    /// The site's language `lang`, by index.
    pub fn language(&self, lang: usize) -> &crate::config::languages::Language {
        self.site.languages().get(lang)
    }

    /// Renders a page the build makes itself, from no document: `template` at `url`, in
    /// the language `lang`, written to `file`.
    pub fn generated(
        &self,
        lang: usize,
        template: &str,
        url: &str,
        file: &str,
        context: &Context,
    ) -> (Option<Built>, Vec<Found>) {
        let html = match self.teras[lang].render(template, context) {
            Ok(html) => html,
            Err(e) => {
                let shown = Path::new("templates").join(template);
                let problem = self.site.templates.problem(&e, Some(&shown));
                return (None, vec![Found::Template(problem, url.into())]);
            }
        };
        let target = (None, template, SourceMap::default());
        match self.finish(html, url.into(), file.into(), target, true) {
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
        let processed = postprocess::process(&html, &url, &self.rules);
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
            text: Vec::new(),
            doc,
            body_map,
        })
    }
}
