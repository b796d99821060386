//! The build, step by step: load -> render -> post-process -> write.

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use rayon::prelude::*;
use tera::Context;

use crate::config::{self, Config, LoadedConfig};
use crate::content::{library, Document, Kind, LeftOut, Library, Schedule};
use crate::date::Date;
use crate::diagnostic::{Diagnostic, LineIndex};
use crate::error::Error;
use crate::markdown;
use crate::output::{self, AssetMap, Staging};
use crate::postprocess::{self, Finding, LinkChecker, OutputIndex};
use crate::render::{context, Shared, Summaries, Templates};
use crate::security;
use crate::selfcheck::{self, EngineCache};

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
    /// The self-check engine, compiled once and reused by later builds that share it
    /// (`serve` rebuilds on every save; the engine only changes with `wasm/`).
    pub engine: EngineCache,
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
            engine: EngineCache::default(),
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
    pub elapsed: Duration,
}

/// A rendered page, ready for link checking.
struct Built {
    url: String,
    ids: HashSet<String>,
    links: Vec<String>,
    findings: Vec<Finding>,
    doc: Option<usize>,
}

/// Builds the site (or only checks it, when `options.out` is `None`).
pub fn build(options: &Options) -> Result<Report, Error> {
    let started = Instant::now();
    let content_dir = options.root.join("content");
    let templates_dir = options.root.join("templates");
    let schedule = Schedule {
        today: options.today,
        include_drafts: options.drafts || options.previews,
        include_unpublished: options.previews,
    };

    // Load: settings, content and templates are independent, so all their problems are
    // reported together.
    let config = config::load(&content_dir, Path::new("content"));
    let library = library::load(&content_dir, Path::new("content"), &schedule);
    let templates = Templates::load(&templates_dir, Path::new("templates"));
    let (config, library, mut templates) = match (config, library, templates) {
        (Ok(c), Ok(l), Ok(t)) => (c, l, t),
        (c, l, t) => {
            let mut problems = Vec::new();
            problems.extend(c.err().unwrap_or_default());
            problems.extend(l.err().unwrap_or_default());
            problems.extend(t.err().unwrap_or_default());
            return Err(Error::Problems(problems));
        }
    };
    let warnings = config.stale_support(options.today);
    check_templates_exist(&library, &templates, &content_dir)?;
    check_banner_link(&config, &library)?;

    let engine = options.out.as_ref().map(|_| &options.engine);
    let selfcheck = selfcheck::prepare(&config, &content_dir, &library, engine)?;
    let mut assets = load_assets(&templates_dir)?;
    if let Some(script) = selfcheck.as_ref().and_then(|s| s.script.as_ref()) {
        assets.push((
            selfcheck::ENGINE_SCRIPT.to_string(),
            script.as_bytes().to_vec(),
        ));
    }
    let mut asset_map: AssetMap = assets
        .iter()
        .map(|(name, bytes)| {
            (
                name.clone(),
                format!("/assets/{}", output::hashed_name(name, bytes)),
            )
        })
        .collect();
    if selfcheck.as_ref().is_some_and(|s| s.script.is_none()) {
        // `check` does not compile the engine; its templates still need an address for it.
        let name = selfcheck::ENGINE_SCRIPT.to_string();
        asset_map.insert(name.clone(), format!("/assets/{name}"));
    }

    let shared = Shared {
        config: &config.config,
        library: &library,
        today: options.today,
        assets: &asset_map,
        csp: security::CONTENT_SECURITY_POLICY,
        selfcheck: selfcheck.as_ref().map(|s| s.context.clone()),
    };
    shared.install(templates.tera.global_context());

    let staging = match &options.out {
        Some(out) => Some(Staging::new(&options.root, out)?),
        None => None,
    };
    // Every file the site will hold: its folders are made once, and links are checked
    // against it (pages that fail to render still exist, so links to them are not broken).
    let pages = library.documents.iter().map(Document::output_path);
    let copied = library.assets.iter().map(|a| a.to.clone());
    let hashed = asset_map
        .values()
        .map(|url| url.trim_start_matches('/').to_string());
    let generated = [
        "404.html",
        "sitemap.xml",
        "atom.xml",
        "robots.txt",
        "_headers",
    ]
    .map(String::from);
    let files: Vec<String> = pages.chain(copied).chain(hashed).chain(generated).collect();
    if let Some(staging) = &staging {
        staging.make_dirs(files.iter().map(String::as_str))?;
    }

    // Render and post-process every document in parallel, writing as we go.
    let host = host_of(&config.config.base_url);
    let summaries = Summaries::build(&library, &config.config.base_url);
    let results: Vec<Result<Built, Vec<Diagnostic>>> = library
        .documents
        .par_iter()
        .enumerate()
        .map(|(index, doc)| {
            let rendered = markdown::render(doc, &library, &config.config.support)?;
            let context = context::for_document(
                doc,
                &rendered,
                &library,
                &summaries,
                &config.config.base_url,
            );
            let html = templates
                .tera
                .render(doc.template(), &context)
                .map_err(|e| {
                    vec![crate::render::templates::from_tera(
                        &e,
                        &templates.sources,
                        Some(&doc.shown),
                    )]
                })?;
            finish(
                html,
                doc.url.clone(),
                doc.output_path(),
                Some(index),
                &host,
                staging.as_ref(),
            )
        })
        .collect();
    let mut problems = Vec::new();
    let mut built = Vec::with_capacity(results.len() + 1);
    for result in results {
        match result {
            Ok(b) => built.push(b),
            Err(mut p) => problems.append(&mut p),
        }
    }
    let mut not_found = Context::new();
    not_found.insert("current_url", "/404.html");
    match templates.tera.render("404.html", &not_found) {
        Ok(html) => match finish(
            html,
            "/404.html".into(),
            "404.html".into(),
            None,
            &host,
            staging.as_ref(),
        ) {
            Ok(b) => built.push(b),
            Err(mut p) => problems.append(&mut p),
        },
        Err(e) => problems.push(crate::render::templates::from_tera(
            &e,
            &templates.sources,
            Some(Path::new("templates/404.html")),
        )),
    }

    // Check links against everything the site will contain.
    let mut index = OutputIndex {
        files: files.into_iter().collect(),
        ..OutputIndex::default()
    };
    for b in &mut built {
        index.ids.insert(b.url.clone(), std::mem::take(&mut b.ids));
    }
    let checker = LinkChecker { index: &index };
    for b in &built {
        let doc = b.doc.map(|i| &library.documents[i]);
        for finding in &b.findings {
            problems.push(locate(finding, doc, &templates, &b.url));
        }
        let from = if b.url == "/404.html" {
            "/"
        } else {
            b.url.as_str()
        };
        for link in &b.links {
            if let Err(broken) = checker.check(from, link) {
                let needle = match link.split_once('#') {
                    Some((_, anchor)) if !anchor.is_empty() => format!("#{anchor}"),
                    _ => link.clone(),
                };
                let finding = Finding { message: broken.to_string(), needle, help: Some("check the address; link to pages as @/section/page.md#heading so the build can check them".into()) };
                problems.push(locate(&finding, doc, &templates, &b.url));
            }
        }
    }
    if !problems.is_empty() {
        return Err(Error::Problems(problems));
    }

    // Write: the machine-readable files and the assets, then swap the new site in.
    if let Some(staging) = staging {
        let live: Vec<&Document> = library.documents.iter().filter(|d| !d.preview).collect();
        let write = |rel: &str, bytes: &[u8]| {
            staging
                .write(rel, bytes)
                .map_err(Error::io(staging.shown(rel)))
        };
        write(
            "sitemap.xml",
            output::sitemap(&config.config, live.iter().copied()).as_bytes(),
        )?;
        write(
            "atom.xml",
            output::atom(&config.config, &news(&config.config, &live)).as_bytes(),
        )?;
        write("robots.txt", output::robots(&config.config).as_bytes())?;
        write("_headers", security::headers_file().as_bytes())?;
        for (name, bytes) in &assets {
            write(asset_map[name].trim_start_matches('/'), bytes)?;
        }
        for asset in &library.assets {
            staging
                .copy(&asset.from, &asset.to)
                .map_err(Error::io(&asset.from))?;
        }
        staging.commit()?;
    }
    Ok(Report {
        pages: library.pages().count(),
        sections: library.sections().count(),
        left_out: library.left_out,
        warnings,
        elapsed: started.elapsed(),
    })
}

/// Post-processes one page and writes it when building.
fn finish(
    html: String,
    url: String,
    file: String,
    doc: Option<usize>,
    host: &str,
    staging: Option<&Staging>,
) -> Result<Built, Vec<Diagnostic>> {
    let processed = postprocess::process(&html, host);
    drop(html);
    if let Some(staging) = staging {
        if processed.findings.is_empty() {
            staging
                .write(&file, processed.html.as_bytes())
                .map_err(|e| {
                    vec![Diagnostic::file(
                        staging.shown(&file),
                        format!("cannot write the page: {e}"),
                    )]
                })?;
        }
    }
    Ok(Built {
        url,
        ids: processed.ids,
        links: processed.links,
        findings: processed.findings,
        doc,
    })
}

/// Places a finding in the Markdown source, else in the templates, else on the page's file.
fn locate(
    finding: &Finding,
    doc: Option<&Document>,
    templates: &Templates,
    url: &str,
) -> Diagnostic {
    let mut diagnostic = doc
        .and_then(|d| {
            let (line, col) = LineIndex::new(&d.body).find(&finding.needle)?;
            Some(Diagnostic::new(&d.shown, line + d.body_line - 1, col, ""))
        })
        .or_else(|| templates.find(&finding.needle))
        .unwrap_or_else(|| {
            Diagnostic::file(
                doc.map_or_else(|| PathBuf::from("templates/404.html"), |d| d.shown.clone()),
                "",
            )
        });
    diagnostic.message = if diagnostic.path.starts_with("templates") {
        format!("{} (on the page {url})", finding.message)
    } else {
        finding.message.clone()
    };
    diagnostic.help = finding.help.clone();
    diagnostic
}

fn check_templates_exist(
    library: &Library,
    templates: &Templates,
    content_dir: &Path,
) -> Result<(), Error> {
    let problems: Vec<Diagnostic> = library
        .documents
        .iter()
        .filter(|d| !templates.has(d.template()))
        .map(|d| {
            let text = std::fs::read_to_string(content_dir.join(&d.source)).unwrap_or_default();
            let (line, col) = LineIndex::new(&text).find("template:").unwrap_or((2, 1));
            let mut known: Vec<&str> = templates.sources.keys().map(String::as_str).collect();
            known.sort();
            let problem = Diagnostic::new(
                &d.shown,
                line,
                col,
                format!("the template `{}` does not exist", d.template()),
            );
            match crate::diagnostic::closest(d.template(), known.iter().copied()) {
                Some(best) => problem.with_help(format!("did you mean `{best}`?")),
                None => problem.with_help(format!("the templates are: {}", known.join(", "))),
            }
        })
        .collect();
    if problems.is_empty() {
        Ok(())
    } else {
        Err(Error::Problems(problems))
    }
}

/// The banner may link with `@/page.md`, like Markdown.
fn check_banner_link(config: &LoadedConfig, library: &Library) -> Result<(), Error> {
    let link = config
        .config
        .banner
        .as_ref()
        .and_then(|b| b.link.as_deref());
    // A banner may point at its campaign before the page is published: the banner only
    // shows from its own start date.
    match link.map(|link| markdown::resolve_link(link, library)) {
        Some(Err(broken @ markdown::BrokenLink::Missing { .. })) => Err(Error::Problems(vec![
            config.problem_at("banner.link", broken.to_string()),
        ])),
        _ => Ok(()),
    }
}

fn load_assets(dir: &Path) -> Result<Vec<(String, Vec<u8>)>, Error> {
    let assets_dir = dir.join("assets");
    let mut assets = Vec::new();
    if !assets_dir.is_dir() {
        return Ok(assets);
    }
    for entry in walkdir::WalkDir::new(&assets_dir)
        .sort_by_file_name()
        .into_iter()
        .filter_map(Result::ok)
    {
        if entry.file_type().is_file() {
            let rel = entry
                .path()
                .strip_prefix(&assets_dir)
                .unwrap_or(entry.path());
            let name = rel.to_string_lossy().replace('\\', "/");
            let bytes = std::fs::read(entry.path()).map_err(Error::io(entry.path()))?;
            assets.push((name, bytes));
        }
    }
    Ok(assets)
}

fn host_of(base_url: &str) -> String {
    let rest = base_url.split_once("://").map_or(base_url, |(_, r)| r);
    rest.split('/').next().unwrap_or_default().to_string()
}

/// Pages in the news sections, newest first.
fn news<'a>(config: &Config, live: &[&'a Document]) -> Vec<&'a Document> {
    let mut entries: Vec<&Document> = live
        .iter()
        .copied()
        .filter(|d| d.kind == Kind::Page)
        .filter(|d| {
            config
                .news_sections
                .iter()
                .any(|s| d.source.starts_with(&format!("{}/", s.trim_matches('/'))))
        })
        .collect();
    entries.sort_by(|a, b| {
        b.front
            .date
            .cmp(&a.front.date)
            .then_with(|| a.front.title.cmp(&b.front.title))
    });
    entries.truncate(50);
    entries
}
