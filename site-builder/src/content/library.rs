//! Walks `content/` and places every document in the site.

use std::cmp::Ordering;
use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

use rayon::prelude::*;
use walkdir::WalkDir;

use crate::content::document::{Document, Kind};
use crate::content::front_matter::{self, Split};
use crate::content::schedule::{Absence, Schedule};
use crate::diagnostic::Diagnostic;

/// A document the build leaves out, and why.
#[derive(Debug, Clone)]
pub struct LeftOut {
    pub source: String,
    pub shown: PathBuf,
    pub why: Absence,
}

/// A file from `content/` copied as it is.
#[derive(Debug, Clone)]
pub struct Asset {
    pub from: PathBuf,
    /// Output path inside `public/`.
    pub to: String,
}

/// Every document of the site, placed and ordered.
#[derive(Debug, Default)]
pub struct Library {
    pub documents: Vec<Document>,
    pub by_source: HashMap<String, usize>,
    pub left_out: Vec<LeftOut>,
    pub assets: Vec<Asset>,
}

impl Library {
    pub fn pages(&self) -> impl Iterator<Item = &Document> {
        self.documents.iter().filter(|d| d.kind == Kind::Page)
    }

    pub fn sections(&self) -> impl Iterator<Item = &Document> {
        self.documents.iter().filter(|d| d.kind == Kind::Section)
    }

    /// Why a source is not in this build, if it exists but was left out.
    pub fn absence_of(&self, source: &str) -> Option<&Absence> {
        self.left_out
            .iter()
            .find(|l| l.source == source)
            .map(|l| &l.why)
    }
}

/// Files that live in `content/` but are not part of the site.
fn is_ignored(rel: &str) -> bool {
    let name = rel.rsplit('/').next().unwrap_or(rel);
    name.starts_with('.')
        || rel == "README.md"
        || name.ends_with(".yaml")
        || name.ends_with(".yml")
        || name.ends_with('~')
}

/// Reads `content_dir`. `shown_root` is how the folder is named in problems (`content`).
pub fn load(
    content_dir: &Path,
    shown_root: &Path,
    schedule: &Schedule,
) -> Result<Library, Vec<Diagnostic>> {
    let mut markdown = Vec::new();
    let mut others = Vec::new();
    let walker = WalkDir::new(content_dir)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.'));
    for entry in walker {
        let entry = entry.map_err(|e| {
            vec![Diagnostic::file(
                shown_root,
                format!("cannot read the content folder: {e}"),
            )]
        })?;
        if !entry.file_type().is_file() {
            continue;
        }
        let rel = relative(content_dir, entry.path());
        if is_ignored(&rel) {
            continue;
        }
        if rel.ends_with(".md") {
            markdown.push(rel);
        } else {
            others.push(rel);
        }
    }

    let read: Vec<Result<(String, Split), Diagnostic>> = markdown
        .par_iter()
        .map(|rel| {
            let shown = shown_root.join(rel);
            let text = std::fs::read_to_string(content_dir.join(rel))
                .map_err(|e| Diagnostic::file(&shown, format!("cannot read the file: {e}")))?;
            front_matter::split(&text, &shown).map(|split| (rel.clone(), split))
        })
        .collect();
    let mut problems = Vec::new();
    let mut splits = Vec::new();
    for result in read {
        match result {
            Ok(ok) => splits.push(ok),
            Err(d) => problems.push(d),
        }
    }
    if !markdown.iter().any(|m| m == "_index.md") {
        problems.push(
            Diagnostic::file(shown_root.join("_index.md"), "the site has no home page")
                .with_help("create content/_index.md with a title: it becomes the home page"),
        );
    }
    // A section's `_index.md` first, so it is judged before anything inside it.
    splits
        .sort_by_cached_key(|(rel, _)| (parent_dir(rel), !rel.ends_with("_index.md"), rel.clone()));
    let placer = Placer::new(&splits);
    for (rel, split) in &splits {
        if let Some(slug) = &split.front.slug {
            if !is_url_safe(slug) {
                let line = split.body_line.saturating_sub(1);
                problems.push(
                    Diagnostic::new(
                        shown_root.join(rel),
                        2.min(line),
                        1,
                        format!("the slug `{slug}` cannot be used in a web address"),
                    )
                    .with_help(
                        "use lowercase letters, digits and hyphens, for example `report-online`",
                    ),
                );
            }
        }
    }
    if !problems.is_empty() {
        return Err(problems);
    }

    let mut library = Library::default();
    let mut absent_dirs: Vec<String> = Vec::new();
    for (rel, split) in splits {
        let shown = shown_root.join(&rel);
        let dir = parent_dir(&rel);
        let in_absent = absent_dirs
            .iter()
            .any(|d| dir == *d || dir.starts_with(&format!("{d}/")));
        let why = if in_absent && rel != "_index.md" {
            Some(Absence::SectionLeftOut)
        } else {
            schedule.absence(&split.front)
        };
        let shown_anyway = why.as_ref().is_some_and(|w| schedule.shows(w));
        if let Some(why) = why {
            if !shown_anyway {
                if rel.ends_with("_index.md") && rel != "_index.md" {
                    absent_dirs.push(dir.clone());
                }
                library.left_out.push(LeftOut {
                    source: rel,
                    shown,
                    why,
                });
                continue;
            }
        }
        let kind = if rel.ends_with("_index.md") {
            Kind::Section
        } else {
            Kind::Page
        };
        let url = placer.url_of(&rel, &split);
        library
            .by_source
            .insert(rel.clone(), library.documents.len());
        library.documents.push(Document {
            kind,
            source: rel,
            shown,
            front: split.front,
            body: split.body,
            body_line: split.body_line,
            url,
            parent: None,
            pages: Vec::new(),
            subsections: Vec::new(),
            preview: shown_anyway,
        });
    }

    check_duplicate_urls(&library, &mut problems);
    link_family(&mut library);
    for rel in others {
        let owner = placer.owner_of_asset(&rel);
        if owner
            .as_ref()
            .is_some_and(|o| !library.by_source.contains_key(o))
        {
            continue;
        }
        let dir = parent_dir(&rel);
        let name = rel.rsplit('/').next().unwrap_or(&rel);
        let to = format!("{}{name}", placer.dir_url(&dir).trim_start_matches('/'));
        library.assets.push(Asset {
            from: content_dir.join(&rel),
            to,
        });
    }
    if problems.is_empty() {
        Ok(library)
    } else {
        Err(problems)
    }
}

fn relative(root: &Path, path: &Path) -> String {
    let rel = path.strip_prefix(root).unwrap_or(path);
    rel.components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

fn parent_dir(rel: &str) -> String {
    rel.rsplit_once('/')
        .map(|(dir, _)| dir.to_string())
        .unwrap_or_default()
}

fn is_url_safe(slug: &str) -> bool {
    !slug.is_empty()
        && slug
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_' || c == '.')
}

/// Works out URLs from folders, `_index.md`/`index.md` files and slugs.
struct Placer {
    /// Slug overrides for folders, set by the folder's `_index.md` or `index.md`.
    dir_slugs: HashMap<String, String>,
    bundles: Vec<String>,
}

impl Placer {
    fn new(splits: &[(String, Split)]) -> Placer {
        let mut dir_slugs = HashMap::new();
        let mut bundles = Vec::new();
        for (rel, split) in splits {
            let name = rel.rsplit('/').next().unwrap_or(rel);
            if name == "index.md" {
                bundles.push(parent_dir(rel));
            }
            if name == "_index.md" || name == "index.md" {
                if let Some(slug) = &split.front.slug {
                    dir_slugs.insert(parent_dir(rel), slug.clone());
                }
            }
        }
        Placer { dir_slugs, bundles }
    }

    fn dir_url(&self, dir: &str) -> String {
        if dir.is_empty() {
            return "/".into();
        }
        let mut url = String::from("/");
        let mut so_far = String::new();
        for part in dir.split('/') {
            if !so_far.is_empty() {
                so_far.push('/');
            }
            so_far.push_str(part);
            url.push_str(self.dir_slugs.get(&so_far).map_or(part, String::as_str));
            url.push('/');
        }
        url
    }

    fn url_of(&self, rel: &str, split: &Split) -> String {
        let dir = parent_dir(rel);
        let name = rel.rsplit('/').next().unwrap_or(rel);
        if name == "_index.md" || name == "index.md" {
            return self.dir_url(&dir);
        }
        let stem = name.trim_end_matches(".md");
        let slug = split.front.slug.as_deref().unwrap_or(stem);
        format!("{}{slug}/", self.dir_url(&dir))
    }

    /// The bundle page an asset belongs to, if it sits in a bundle folder.
    fn owner_of_asset(&self, rel: &str) -> Option<String> {
        let dir = parent_dir(rel);
        self.bundles
            .iter()
            .find(|b| **b == dir)
            .map(|b| format!("{b}/index.md"))
    }
}

fn check_duplicate_urls(library: &Library, problems: &mut Vec<Diagnostic>) {
    let mut seen: BTreeMap<&str, &Document> = BTreeMap::new();
    for doc in &library.documents {
        if let Some(first) = seen.insert(&doc.url, doc) {
            problems.push(
                Diagnostic::file(
                    &doc.shown,
                    format!(
                        "this page has the same address `{}` as {}",
                        doc.url,
                        first.shown.display()
                    ),
                )
                .with_help(
                    "give one of them another file name, or a different `slug` in its front matter",
                ),
            );
        }
    }
}

/// Sets each document's parent section, and each section's ordered pages and subsections.
fn link_family(library: &mut Library) {
    let section_of_dir: HashMap<String, usize> = library
        .documents
        .iter()
        .enumerate()
        .filter(|(_, d)| d.kind == Kind::Section)
        .map(|(i, d)| (parent_dir(&d.source), i))
        .collect();
    for index in 0..library.documents.len() {
        let doc = &library.documents[index];
        let mut dir = parent_dir(&doc.source);
        if doc.kind == Kind::Section || doc.source.ends_with("/index.md") {
            if doc.source == "_index.md" {
                continue;
            }
            dir = parent_dir(&dir);
        }
        let parent = loop {
            if let Some(&s) = section_of_dir.get(&dir) {
                break Some(s);
            }
            if dir.is_empty() {
                break None;
            }
            dir = parent_dir(&dir);
        };
        library.documents[index].parent = parent;
        if let Some(p) = parent {
            match library.documents[index].kind {
                Kind::Page => library.documents[p].pages.push(index),
                Kind::Section => library.documents[p].subsections.push(index),
            }
        }
    }
    let order: Vec<(usize, Vec<usize>, Vec<usize>)> = library
        .documents
        .iter()
        .enumerate()
        .filter(|(_, d)| d.kind == Kind::Section)
        .map(|(i, d)| {
            let mut pages = d.pages.clone();
            let mut subs = d.subsections.clone();
            pages.sort_by(|&a, &b| display_order(&library.documents[a], &library.documents[b]));
            subs.sort_by(|&a, &b| display_order(&library.documents[a], &library.documents[b]));
            (i, pages, subs)
        })
        .collect();
    for (i, pages, subs) in order {
        library.documents[i].pages = pages;
        library.documents[i].subsections = subs;
    }
}

/// By weight (unweighted last), then newest date first, then title.
pub fn display_order(a: &Document, b: &Document) -> Ordering {
    let weight = |d: &Document| d.front.weight.unwrap_or(i64::MAX);
    weight(a)
        .cmp(&weight(b))
        .then_with(|| b.front.date.cmp(&a.front.date))
        .then_with(|| a.front.title.cmp(&b.front.title))
}
