//! Stage 2, plan: the site as of one day (the documents live that day, where expired
//! pages lead, the self-check's text), the one list of files it will hold, and the
//! address of every asset. Two sources that would land on one output path are an error
//! here, before anything is written: a content or static file cannot quietly replace a
//! page, a generated file or the theme's assets.

use std::collections::{BTreeMap, HashSet};
use std::path::PathBuf;

use crate::config::brand::STYLESHEET;
use crate::content::{Asset, Document, Forward, Library, Schedule};
use crate::date::Date;
use crate::diagnostic::Diagnostic;
use crate::output::{hashed_name, shipped, AssetMap};
use crate::search;
use crate::selfcheck::{self, Prepared};

use super::load::Site;

/// The files every build writes besides the pages and the search page (the last marks
/// the folder as a build).
pub const GENERATED: [&str; 7] = [
    "404.html",
    "sitemap.xml",
    "atom.xml",
    "robots.txt",
    "_headers",
    "_redirects",
    crate::output::MARKER,
];

/// The theme's search page, which the build makes when the theme has its template.
pub const SEARCH_TEMPLATE: &str = "search.html";

/// The output file of a language's search page, by its prefix (`` or `/cy`).
pub fn search_page(prefix: &str) -> String {
    match prefix.trim_matches('/') {
        "" => "search/index.html".to_string(),
        folder => format!("{folder}/search/index.html"),
    }
}

/// The output folder that belongs to the theme's assets.
const THEME_FOLDER: &str = "assets/";

/// What the site will contain on one day.
pub struct Plan {
    pub today: Date,
    /// The documents live on the day, placed.
    pub library: Library,
    /// The self-check's text, rendered for the day's pages, by language index: `None`
    /// for a language that does not offer it.
    pub selfcheck: Vec<Option<Prepared>>,
    /// The self-check has problems in a language (its definition, or its text on this
    /// day), by language index: pages that show it are not rendered, so its problems are
    /// not repeated as template errors.
    pub selfcheck_failed: Vec<bool>,
    /// The files copied as they are: the live bundles' files, then `static/`.
    pub copied: Vec<Asset>,
    /// The text of copied files the checks read, by their index in `copied`.
    pub copied_texts: Vec<(usize, String)>,
    /// Logical asset name (`site.css`) to its URL (`/assets/site.1a2b3c4d.css`).
    pub assets: AssetMap,
    /// The bytes of each asset, by logical name, including the self-check's engine.
    pub asset_bytes: Vec<(String, Vec<u8>)>,
    /// Every file the build writes, as output paths without a leading `/`.
    pub files: Vec<String>,
    /// Every path a link may reach: the files, and the pages that failed to load (so a
    /// link to one is not reported on top of its own problem).
    pub link_targets: HashSet<String>,
}

/// Plans the site as of `schedule.today`.
pub fn plan(site: &Site, schedule: &Schedule, problems: &mut Vec<Diagnostic>) -> Plan {
    let (library, placed) = site.sources.library(schedule);
    problems.extend(placed);
    problems.extend(site.templates.check_documents(&library));
    problems.extend(site.config.stale_support(schedule.today));
    let mut selfcheck_failed = vec![site.selfcheck_failed; site.languages().len()];
    let mut selfcheck = Vec::new();
    for (lang, failed) in selfcheck_failed.iter_mut().enumerate() {
        let Some(loaded) = &site.selfcheck else {
            selfcheck.push(None);
            continue;
        };
        let offered = loaded.languages().contains(&lang);
        let (prepared, found) = selfcheck::prepare(loaded, site.markdown(&library, lang));
        problems.extend(found);
        *failed |= offered && prepared.is_none() || loaded.failed_texts.contains(&lang);
        selfcheck.push(prepared);
    }
    problems.extend(selfcheck_pages(site, &library, &selfcheck));
    problems.extend(super::load::check_footer_links(&site.config, &library));
    let copied: Vec<Asset> = (library.assets.iter().chain(&site.copied.statics))
        .cloned()
        .collect();
    let copied_texts = (copied.iter().enumerate())
        .filter_map(|(i, a)| Some((i, site.copied.texts.get(&a.from)?.clone())))
        .collect();
    let (assets, asset_bytes) = assets(site);
    let mut owners: Vec<(String, PathBuf)> = Vec::new();
    owners.extend((library.documents.iter()).map(|d| (d.output_path(), d.shown.clone())));
    owners.extend(
        (library.forwards.iter())
            .map(|f| (forward_path(f), PathBuf::from("content").join(&f.source))),
    );
    owners.extend((copied.iter()).map(|a| (a.to.clone(), a.shown.clone())));
    let search_pages: Vec<String> = match site.search {
        true => (site.languages().all().iter())
            .map(|l| search_page(&l.prefix))
            .collect(),
        false => Vec::new(),
    };
    let mut generated: Vec<&str> = GENERATED.to_vec();
    generated.extend(search_pages.iter().map(String::as_str));
    problems.extend(collisions(&owners, &library, &generated));
    let mut files: Vec<String> = owners.into_iter().map(|(file, _)| file).collect();
    files.extend(
        assets
            .values()
            .map(|url| url.trim_start_matches('/').to_string()),
    );
    files.extend(generated.iter().map(|g| g.to_string()));
    // Each other language's feed, beside its pages.
    files.extend((site.languages().others()).map(|(_, l)| {
        super::write::feed_path(l)
            .trim_start_matches('/')
            .to_string()
    }));
    let mut link_targets: HashSet<String> = files.iter().cloned().collect();
    link_targets.extend(
        library
            .unreadable
            .values()
            .map(|url| format!("{}index.html", url.trim_start_matches('/'))),
    );
    Plan {
        today: schedule.today,
        library,
        selfcheck,
        selfcheck_failed,
        copied,
        copied_texts,
        assets,
        asset_bytes,
        files,
        link_targets,
    }
}

/// A page in a language whose self-check has no text of its own cannot show it.
fn selfcheck_pages(
    site: &Site,
    library: &Library,
    prepared: &[Option<Prepared>],
) -> Vec<Diagnostic> {
    let Some(loaded) = &site.selfcheck else {
        return Vec::new();
    };
    (library.documents.iter())
        .filter(|d| prepared.get(d.lang).is_some_and(Option::is_none))
        .filter(|d| site.templates.mentions(d.template(), "selfcheck"))
        .filter(|d| !loaded.languages().contains(&d.lang) && !loaded.failed_texts.contains(&d.lang))
        .map(|d| {
            let language = site.languages().get(d.lang);
            let text = loaded.path.with_extension(format!("{}.yaml", language.code));
            Diagnostic::file(&d.shown, format!("this page shows the self-check in {}, which has no text in that language", language.name))
                .with_help(format!("write {}, with the words of every question, outcome and reason, keyed by their ids", text.display()))
        })
        .collect()
}

/// The output file of an expired page's forwarding page: where the page was.
pub fn forward_path(forward: &Forward) -> String {
    format!("{}index.html", forward.from.trim_start_matches('/'))
}

/// The theme's assets and the self-check's and search's engines, with their hashed
/// addresses.
fn assets(site: &Site) -> (AssetMap, Vec<(String, Vec<u8>)>) {
    let mut asset_bytes: Vec<(String, Vec<u8>)> = (site.theme_assets.iter())
        .map(|a| (a.name.clone(), shipped(&a.name, a.bytes.clone())))
        .collect();
    let brand = site.config.config.brand.as_ref();
    if let Some(css) = brand.and_then(|b| b.stylesheet()) {
        asset_bytes.push((STYLESHEET.to_string(), css.into_bytes()));
    }
    if site.selfcheck.is_some() {
        // Hashed like the theme's files, by `check` too: it is a constant of site-builder.
        asset_bytes.push((
            selfcheck::ENGINE_SCRIPT.to_string(),
            selfcheck::ENGINE_MODULE.as_bytes().to_vec(),
        ));
    }
    if site.search {
        asset_bytes.push((
            search::ENGINE_SCRIPT.to_string(),
            search::ENGINE_MODULE.as_bytes().to_vec(),
        ));
    }
    let assets: AssetMap = asset_bytes
        .iter()
        .map(|(name, bytes)| {
            (
                name.clone(),
                format!("/assets/{}", hashed_name(name, bytes)),
            )
        })
        .collect();
    (assets, asset_bytes)
}

/// Sources that would be written to one output path, or over a path the build owns.
/// Paths are compared without case: they are one file on many hosts.
fn collisions(
    owners: &[(String, PathBuf)],
    library: &Library,
    generated: &[&str],
) -> Vec<Diagnostic> {
    let mut problems = Vec::new();
    let mut seen: BTreeMap<String, &PathBuf> = BTreeMap::new();
    for (file, shown) in owners {
        let lower = file.to_lowercase();
        let generated = generated
            .iter()
            .find(|g| lower == **g || lower.starts_with(&format!("{g}/")));
        if let Some(generated) = generated {
            problems.push(
                Diagnostic::file(
                    shown,
                    format!(
                        "this would be written over `{generated}`, which the build makes itself"
                    ),
                )
                .with_help("rename the file, or give the page another `slug`"),
            );
        } else if lower.starts_with(THEME_FOLDER) {
            problems.push(
                Diagnostic::file(
                    shown,
                    "the folder `assets/` of the site belongs to the theme's files",
                )
                .with_help("put the file in another folder"),
            );
        } else if let Some(first) = seen.insert(lower, shown) {
            // Two documents at one address are reported by the library already.
            let both_documents = [first, shown]
                .iter()
                .all(|s| library.documents.iter().any(|d: &Document| &&d.shown == s));
            if !both_documents {
                problems.push(
                    Diagnostic::file(
                        shown,
                        format!(
                            "this would be written to `{file}`, where {} goes too",
                            first.display()
                        ),
                    )
                    .with_help("rename one of them: two files cannot share an address"),
                );
            }
        }
    }
    problems
}
