//! Stage 2, plan: the one list of files the site will hold, and the address of every
//! asset. Two sources that would land on one output path are an error here, before
//! anything is written: a content file cannot quietly replace a page, a generated file
//! or the theme's assets.

use std::collections::{BTreeMap, HashSet};
use std::path::PathBuf;

use crate::content::Document;
use crate::diagnostic::Diagnostic;
use crate::output::{hashed_name, shipped, AssetMap};
use crate::{search, selfcheck};

use super::load::Site;

/// The files every build writes besides the pages (and the search page, when the theme
/// has one).
pub const GENERATED: [&str; 5] = [
    "404.html",
    "sitemap.xml",
    "atom.xml",
    "robots.txt",
    "_headers",
];

/// The theme's search page, which the build makes when the theme has its template.
pub const SEARCH_TEMPLATE: &str = "search.html";
pub const SEARCH_PAGE: &str = "search/index.html";

/// The output folder that belongs to the theme's assets.
const THEME_FOLDER: &str = "assets/";

/// What the site will contain.
pub struct Plan {
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

pub fn plan(site: &Site, problems: &mut Vec<Diagnostic>) -> Plan {
    let mut asset_bytes: Vec<(String, Vec<u8>)> = (site.theme_assets.iter())
        .map(|(name, bytes)| (name.clone(), shipped(name, bytes.clone())))
        .collect();
    if site.selfcheck.is_some() {
        // Hashed like the theme's files, by `check` too: it is a constant of site-builder.
        asset_bytes.push((
            selfcheck::ENGINE_SCRIPT.to_string(),
            selfcheck::ENGINE_MODULE.as_bytes().to_vec(),
        ));
    }
    let search = site.templates.has(SEARCH_TEMPLATE);
    if search {
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
    let library = &site.library;
    let mut owners: Vec<(String, PathBuf)> = Vec::new();
    owners.extend(
        library
            .documents
            .iter()
            .map(|d| (d.output_path(), d.shown.clone())),
    );
    owners.extend(
        library
            .assets
            .iter()
            .map(|a| (a.to.clone(), a.shown.clone())),
    );
    let mut generated: Vec<&str> = GENERATED.to_vec();
    if search {
        generated.push(SEARCH_PAGE);
    }
    problems.extend(collisions(&owners, library, &generated));
    let mut files: Vec<String> = owners.into_iter().map(|(file, _)| file).collect();
    files.extend(
        assets
            .values()
            .map(|url| url.trim_start_matches('/').to_string()),
    );
    files.extend(generated.iter().map(|g| g.to_string()));
    let mut link_targets: HashSet<String> = files.iter().cloned().collect();
    link_targets.extend(
        library
            .unreadable
            .values()
            .map(|url| format!("{}index.html", url.trim_start_matches('/'))),
    );
    Plan {
        assets,
        asset_bytes,
        files,
        link_targets,
    }
}

/// Sources that would be written to one output path, or over a path the build owns.
/// Paths are compared without case: they are one file on many hosts.
fn collisions(
    owners: &[(String, PathBuf)],
    library: &crate::content::Library,
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
                .with_help("put the file in another folder of content/"),
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
