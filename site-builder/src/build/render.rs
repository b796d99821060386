//! Stage 3, render: every document's Markdown through its language's templates and the
//! page pass, in parallel, the forwarding pages left where expired pages were, and the
//! 404 page. Each page is checked as it is made (see `findings`) and written at once when
//! it is good, so the site is never held in memory whole, unless the build is kept for
//! the preview (`Out::Memory`). A page whose inputs are unchanged since the kept build is
//! not made again (see `memo`). Each searched page's text is read for the search index as
//! it is rendered; the index stage then renders the search page with the same
//! [`Renderer`].

use std::collections::HashSet;
use std::path::Path;
use std::sync::Arc;

use tera::Context;

use crate::content::{Document, Forward};
use crate::diagnostic::{Diagnostic, Severity};
use crate::markdown::{self, SourceMap};
use crate::output::Staging;
use crate::postprocess::{self, Furniture, Rules};
use crate::render::{context, forward, Shared, Summaries};
use crate::search::index::{PageEntry, Vocabulary, Words};
use crate::search::{Language, PageText};
use crate::security;

use super::findings::{self, PageProblem, Placer};
use super::load::Site;
use super::memo::Keys;
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
    /// The page's words for the search index, when it is searched.
    pub search: Option<Searched>,
}

/// A searched page, for the indexes it is in (its own language's, and for a
/// default-language page each language it has no translation into, as a fallback): read
/// into each one's vocabulary as it was rendered (a build), or kept as text with the
/// languages, by index, and whether it is a fallback in each (the preview, whose pages
/// outlive one build's vocabularies).
#[derive(Clone)]
pub enum Searched {
    Entries(Vec<(usize, PageEntry)>),
    Text(Arc<PageText>, Vec<(usize, bool)>),
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

/// Every page made, in order: the documents, the forwarding pages, the 404 page, then
/// the search page.
pub struct Rendered {
    pub pages: Vec<Arc<Made>>,
    /// How many pages this build made; the others were kept from the last one.
    pub made: usize,
    pub template_problems: Vec<(Diagnostic, String)>,
    /// The brand's logo, when it is not a file of the site: reported once, by `check`.
    pub missing_logo: Option<Diagnostic>,
    /// Files made after planning, from what was rendered (the search index), with their
    /// bytes when the build is kept in memory.
    pub added: Vec<(String, Option<Arc<[u8]>>)>,
    /// The live preview stopped the build for a newer change: some pages are not made.
    pub stopped: bool,
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

/// What rendering a page needs, made once: one Tera per language with the shared data in
/// its global context, the rules of the page pass, and the summaries section pages list.
pub struct Renderer<'a> {
    site: &'a Site,
    plan: &'a Plan,
    /// One per language, by index, each with its language's values and functions.
    teras: Vec<tera::Tera>,
    /// The fingerprint of each language's shared values, by index.
    globals: Vec<blake3::Hash>,
    rules: Rules<'a>,
    summaries: Summaries<'a>,
    out: Out<'a>,
    placer: Placer<'a>,
    missing_logo: Option<Diagnostic>,
    /// Where pages' words go for each language's search index, by language index, when
    /// the theme has a search page and the build is not kept (a kept page keeps its text
    /// instead); empty when not.
    vocabularies: Vec<(Language, Vocabulary)>,
    /// The fingerprints of the build's inputs, made once when the build is kept.
    keys: std::sync::OnceLock<Keys<'a>>,
}

impl<'a> Renderer<'a> {
    pub fn new(site: &'a Site, plan: &'a Plan, out: Out<'a>) -> Renderer<'a> {
        let base_url = &site.config.config.base_url;
        let (teras, globals) = teras(site, plan);
        let missing_logo = super::check::brand_logo(site, plan);
        let logo = (site.config.config.brand.as_ref()).and_then(|b| b.logo.as_deref());
        Renderer {
            site,
            plan,
            teras,
            globals,
            rules: rules(site, plan),
            summaries: Summaries::build(&plan.library, base_url, &site.strings, site.languages()),
            out,
            placer: Placer {
                site,
                plan,
                files: &plan.link_targets,
                reported: logo.filter(|_| missing_logo.is_some()),
            },
            missing_logo,
            vocabularies: match site.search && !matches!(out, Out::Memory) {
                true => (0..site.languages().len())
                    .map(|lang| (language(site, lang), Vocabulary::default()))
                    .collect(),
                false => Vec::new(),
            },
            keys: std::sync::OnceLock::new(),
        }
    }

    /// The words each language's pages were read into, for its index, with the rules
    /// they were read by; by language index, and empty when the pages kept their text.
    pub fn words(&self) -> Vec<(Language, Words)> {
        (self.vocabularies.iter())
            .map(|(language, vocabulary)| (*language, vocabulary.take()))
            .collect()
    }

    pub fn language(&self, lang: usize) -> &crate::config::languages::Language {
        self.site.languages().get(lang)
    }

    pub fn site(&self) -> &'a Site {
        self.site
    }

    pub fn out(&self) -> Out<'a> {
        self.out
    }

    pub(super) fn plan(&self) -> &'a Plan {
        self.plan
    }

    /// The fingerprints of this build's inputs, made the first time they are asked for.
    pub(super) fn keys(&self) -> &Keys<'a> {
        (self.keys).get_or_init(|| Keys::new(self.site, self.plan, self.globals.clone()))
    }

    pub(super) fn missing_logo(&self) -> Option<Diagnostic> {
        self.missing_logo.clone()
    }
}

impl Rendered {
    /// Room for `pages` pages, none made yet.
    pub(super) fn new(pages: usize, missing_logo: Option<Diagnostic>) -> Rendered {
        Rendered {
            pages: Vec::with_capacity(pages),
            made: 0,
            template_problems: Vec::new(),
            missing_logo,
            added: Vec::new(),
            stopped: false,
        }
    }

    /// Adds a page, and sorts the problems met making it.
    pub fn add(&mut self, made: Arc<Made>, fresh: bool, problems: &mut Vec<Diagnostic>) {
        self.made += usize::from(fresh);
        for problem in &made.found {
            match problem {
                Found::Source(problem) => problems.push(problem.clone()),
                Found::Template(problem, url) => {
                    self.template_problems.push((problem.clone(), url.clone()))
                }
            }
        }
        self.pages.push(made);
    }
}

/// The rules language `lang`'s search index is read by.
pub fn language(site: &Site, lang: usize) -> Language {
    Language::of(&site.languages().get(lang).code)
}

/// One Tera per language, each with its language's values and functions, and the
/// fingerprint of what each gives every page: its values, the strings, the templates'
/// layout of the library (which `link` answers from) and the self-check's state.
fn teras(site: &Site, plan: &Plan) -> (Vec<tera::Tera>, Vec<blake3::Hash>) {
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
                    .map(|s| (s.context.clone(), s.fingerprint)),
                lang,
                languages: site.languages(),
            };
            let values = shared.install(&mut tera, site.strings.clone());
            let mut global = blake3::Hasher::new();
            global.update(values.as_bytes());
            global.update(site.strings.fingerprint().as_bytes());
            (tera, global.finalize())
        })
        .unzip()
}

impl Renderer<'_> {
    /// Renders one document, with its problems. A page with problems in its Markdown is
    /// still rendered and checked (so one run finds everything) but not written. No page
    /// comes back when the document is left out: its template is missing, or the
    /// self-check it shows failed (those problems are reported where they are).
    pub(super) fn document(&self, index: usize, doc: &Document) -> Made {
        let (site, plan) = (self.site, self.plan);
        if !site.templates.has(doc.template())
            || plan.selfcheck_failed[doc.lang]
                && site.templates.mentions(doc.template(), "selfcheck")
        {
            return Made::nothing(Vec::new());
        }
        let searched = site.search && doc.front.search != Some(false);
        let markdown = site.markdown(&plan.library, doc.lang);
        let (mut rendered, problems) = markdown::render(doc, &markdown, searched);
        let mut found: Vec<Found> = problems.into_iter().map(Found::Source).collect();
        let context = context::for_document(&context::Page {
            doc,
            rendered: &rendered,
            library: &plan.library,
            summaries: &self.summaries,
            base_url: &site.config.config.base_url,
            languages: site.languages(),
        });
        let search =
            searched.then(|| self.read(index, doc, std::mem::take(&mut rendered.sections)));
        let html = match self.teras[doc.lang].render(doc.template(), &context) {
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
        let mut made = self.finish(html, made, doc.output_path(), write, found, &self.placer);
        if let Some(page) = &mut made.page {
            page.search = search;
        }
        made
    }

    /// Reads a page's text into its language's index and, for a default-language page,
    /// into the index of each language with no translation of it, marked as a fallback:
    /// a visitor searching in Welsh still finds a page that is only in English. The
    /// preview keeps the text, with the languages it goes to.
    fn read(
        &self,
        index: usize,
        doc: &Document,
        sections: Vec<crate::search::SectionText>,
    ) -> Searched {
        let text = PageText {
            title: doc.front.title.clone(),
            url: doc.url.clone(),
            description: doc.front.description.clone().unwrap_or_default(),
            sections,
        };
        let library = &self.plan.library;
        let fallbacks = (1..self.site.languages().len())
            .filter(|_| doc.lang == crate::config::languages::DEFAULT)
            .filter(|&lang| library.in_language(index, lang) == index);
        let languages = (std::iter::once(doc.lang).chain(fallbacks))
            .map(|lang| (lang, lang != doc.lang))
            .collect::<Vec<_>>();
        if self.vocabularies.is_empty() {
            return Searched::Text(Arc::new(text), languages);
        }
        Searched::Entries(
            (languages.into_iter())
                .map(|(lang, fallback)| {
                    let (language, vocabulary) = &self.vocabularies[lang];
                    (lang, vocabulary.read(*language, &text, fallback))
                })
                .collect(),
        )
    }

    /// The page left at an expired page's address: the site's own page (its policy, quick
    /// exit and help) saying where the page went, with a link, and forwarding at once.
    pub(super) fn forward(&self, to: &Forward) -> Made {
        let context = forward::context(to, &self.plan.library, &self.site.strings);
        let template = forward::template(&self.site.templates);
        let html = match self.teras[to.lang].render(template, &context) {
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
        self.finish(html, made, file, true, Vec::new(), &self.placer)
    }

    pub(super) fn not_found(&self) -> Made {
        let mut context = Context::new();
        context.insert("current_url", "/404.html");
        self.generated(0, "404.html", "/404.html", "404.html", &context, &[])
    }

    /// The fingerprint of what a page the build makes itself is made from: its template,
    /// what every page sees, and its own `values`.
    pub fn generated_key(&self, lang: usize, template: &str, values: &[u8]) -> blake3::Hash {
        self.keys().generated(lang, template, values)
    }

    /// The site's address, as `base_url` in site.yaml gives it.
    pub fn base_url(&self) -> &str {
        &self.site.config.config.base_url
    }

    /// Renders a page the build makes itself, from no document: `template` at `url`, in
    /// the language `lang`, written to `file`. Its links may also lead to the files
    /// `added` after planning.
    pub fn generated(
        &self,
        lang: usize,
        template: &str,
        url: &str,
        file: &str,
        context: &Context,
        added: &[String],
    ) -> Made {
        let html = match self.teras[lang].render(template, context) {
            Ok(html) => html,
            Err(e) => {
                let shown = Path::new("templates").join(template);
                let problem = self.site.templates.problem(&e, Some(&shown));
                return Made::nothing(vec![Found::Template(problem, url.into())]);
            }
        };
        let made = findings::Made {
            doc: None,
            template,
            url,
            body_map: &SourceMap::default(),
        };
        if added.is_empty() {
            return self.finish(html, made, file.into(), true, Vec::new(), &self.placer);
        }
        let mut files = self.plan.link_targets.clone();
        files.extend(added.iter().cloned());
        let placer = Placer {
            files: &files,
            ..self.placer
        };
        self.finish(html, made, file.into(), true, Vec::new(), &placer)
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
        placer: &Placer<'_>,
    ) -> Made {
        let processed = postprocess::process(&html, made.url, &self.rules);
        drop(html);
        let problems = placer.page(&made, &processed);
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
            search: None,
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
