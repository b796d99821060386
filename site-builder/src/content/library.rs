//! Walks `content/` and places every document in the site.
//!
//! A file whose front matter cannot be read is reported and left out of rendering, but the
//! rest of the site is still placed, so one run reports every problem: the others' links
//! and scripts included.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use rayon::prelude::*;
use walkdir::WalkDir;

use crate::config::languages::{Languages, DEFAULT};
use crate::content::document::{Document, Kind};
use crate::content::family::link_family;
use crate::content::forward::{self, Forward};
use crate::content::front_matter::{self, FrontMatter, Split};
use crate::content::placement::{parent_dir, Placer};
use crate::content::reads::{Listing, Reads};
use crate::content::schedule::{Absence, Schedule};
use crate::content::slug;
use crate::content::translation::{self, Translation};
use crate::diagnostic::{read_text, Diagnostic};

/// A document the build leaves out, and why.
#[derive(Debug, Clone)]
pub struct LeftOut {
    pub source: String,
    /// Path as printed in problems: `content/news/campaign.md`.
    pub shown: PathBuf,
    pub why: Absence,
    /// The address it has when it is live.
    pub url: String,
    pub front: FrontMatter,
    /// Where `expired_redirect` is written, when it is.
    pub redirect_at: Option<(usize, usize)>,
    /// Its language, by index in the site's languages.
    pub lang: usize,
}

/// A file from `content/` copied as it is.
#[derive(Debug, Clone)]
pub struct Asset {
    pub from: PathBuf,
    /// Path as printed in problems: `content/get-help/leaflet.pdf`.
    pub shown: PathBuf,
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
    /// Documents whose front matter failed, by source, with the URL they would have: links
    /// to them are not reported as broken on top of their own problem.
    pub unreadable: HashMap<String, String>,
    /// Where each expired document now leads.
    pub forwards: Vec<Forward>,
}

impl Library {
    pub fn pages(&self) -> impl Iterator<Item = &Document> {
        self.documents.iter().filter(|d| d.kind == Kind::Page)
    }

    pub fn sections(&self) -> impl Iterator<Item = &Document> {
        self.documents.iter().filter(|d| d.kind == Kind::Section)
    }

    /// Where an expired document now leads, by source.
    pub fn forward_of(&self, source: &str) -> Option<&Forward> {
        self.forwards.iter().find(|f| f.source == source)
    }

    /// Why a source is not in this build, if it exists but was left out.
    pub fn absence_of(&self, source: &str) -> Option<&Absence> {
        self.left_out
            .iter()
            .find(|l| l.source == source)
            .map(|l| &l.why)
    }

    /// The document `index` in language `lang`: its translation when it has one that is
    /// live, else the default-language document itself (the fallback).
    pub fn in_language(&self, index: usize, lang: usize) -> usize {
        let doc = &self.documents[index];
        if doc.lang == lang {
            return index;
        }
        let original = doc.translation_of.unwrap_or(index);
        if lang == crate::config::languages::DEFAULT {
            return original;
        }
        (self.documents[original].translations.iter())
            .copied()
            .find(|&t| self.documents[t].lang == lang)
            .unwrap_or(original)
    }

    /// Every version of document `index`: the default-language one, then its
    /// translations, in the order of the site's languages.
    pub fn versions(&self, index: usize) -> Vec<usize> {
        let original = self.documents[index].translation_of.unwrap_or(index);
        let mut all = vec![original];
        all.extend(&self.documents[original].translations);
        all.sort_by_key(|&i| self.documents[i].lang);
        all
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

/// Everything read from `content/`, before any day's schedule is applied: a build
/// places it once, and `check --ahead` once for each day it looks at.
pub struct Sources {
    /// Every default-language Markdown file whose front matter could be read, sections
    /// first.
    splits: Vec<(String, Arc<Split>)>,
    /// The translations, with their front matter merged over their originals'.
    pub(super) translations: Vec<Translation>,
    placer: Placer,
    /// Where each other language's documents go, by language index.
    pub(super) placers: Vec<Placer>,
    /// Markdown files whose front matter failed.
    failed: Vec<String>,
    /// Files copied as they are.
    others: Vec<String>,
    content_dir: PathBuf,
    shown_root: PathBuf,
}

/// Reads `content_dir`, taking the files kept in `reads` as they are, and keeping every
/// file read there. `shown_root` is how the folder is named in problems (`content`).
pub fn read(
    content_dir: &Path,
    shown_root: &Path,
    languages: &Languages,
    reads: &mut Reads,
) -> (Sources, Vec<Diagnostic>) {
    let listed = reads.listing();
    let listing = (listed.clone()).unwrap_or_else(|| Arc::new(walk(content_dir, shown_root)));
    reads.keep_listing(Arc::clone(&listing));
    if listed.is_none() {
        reads.only(&listing.seen);
    }
    let (markdown, mut problems) = (&listing.markdown, listing.problems.clone());
    if !markdown.iter().any(|m| m == "_index.md") {
        problems.push(
            Diagnostic::file(shown_root.join("_index.md"), "the site has no home page")
                .with_help("create content/_index.md with a title: it becomes the home page"),
        );
    }
    let (splits, failed) = read_all(markdown, content_dir, shown_root, reads, &mut problems);
    let (mut splits, translations) =
        translation::sort(splits, languages, shown_root, &mut problems);
    // A section's `_index.md` first, so it is judged before anything inside it.
    splits
        .sort_by_cached_key(|(rel, _)| (parent_dir(rel), !rel.ends_with("_index.md"), rel.clone()));
    splits.retain(|(rel, split)| {
        let Some(slug) = &split.front.slug else {
            return true;
        };
        let Some(message) = slug::problem(slug) else {
            return true;
        };
        let (line, col) = split.place_of("slug");
        problems
            .push(Diagnostic::new(shown_root.join(rel), line, col, message).with_help(slug::HELP));
        false
    });
    let placer = Placer::new(splits.iter().map(|(rel, split)| (rel.as_str(), &**split)));
    let placers = translation::placers(&placer, &translations, languages);
    let sources = Sources {
        splits,
        translations,
        placer,
        placers,
        failed,
        others: listing.others.clone(),
        content_dir: content_dir.to_path_buf(),
        shown_root: shown_root.to_path_buf(),
    };
    (sources, problems)
}

impl Sources {
    /// The library as of `schedule`: the documents live that day (or previews), the
    /// files beside them, and where every expired page now leads.
    pub fn library(&self, schedule: &Schedule) -> (Library, Vec<Diagnostic>) {
        let mut problems = Vec::new();
        let mut library = Library::default();
        for rel in &self.failed {
            let url = self.placer.url_of(rel, None);
            library.unreadable.insert(rel.clone(), url);
        }
        place(&mut library, self, schedule, &mut problems);
        translation::place(&mut library, self, schedule, &mut problems);
        link_family(&mut library);
        problems.extend(forward::forward(&mut library));
        for rel in &self.others {
            let owner = self.placer.owner_of_asset(rel);
            if owner
                .as_ref()
                .is_some_and(|o| !library.by_source.contains_key(o))
            {
                continue;
            }
            library.assets.push(Asset {
                from: self.content_dir.join(rel),
                shown: self.shown_root.join(rel),
                to: self.placer.file_path(rel),
            });
            library.assets.extend(translation::bundle_copies(
                &library,
                self,
                rel,
                owner.as_deref(),
            ));
        }
        (library, problems)
    }

    pub(super) fn file_of(&self, rel: &str) -> (PathBuf, PathBuf) {
        (self.content_dir.join(rel), self.shown_root.join(rel))
    }

    /// Problems with `expired_redirect` that do not depend on the day.
    pub fn check_redirects(&self) -> Vec<Diagnostic> {
        let known: Vec<&str> = (self.splits.iter().map(|(rel, _)| rel.as_str()))
            .chain(self.failed.iter().map(String::as_str))
            .collect();
        let own = (self.translations.iter()).map(|t| (&t.rel, &*t.split));
        (self
            .splits
            .iter()
            .map(|(rel, split)| (rel, &**split))
            .chain(own))
        .filter_map(|(rel, split)| {
            let link = split.front.expired_redirect.as_ref()?;
            let at = split.place_of("expired_redirect");
            forward::check_redirect(link, &known, &self.shown_root.join(rel), at)
        })
        .collect()
    }

    /// Whether `source` is a document whose front matter failed (reported already).
    pub fn is_unreadable(&self, source: &str) -> bool {
        self.failed.iter().any(|f| f == source)
    }

    /// The front matter of every readable document, by source: a translation's merged
    /// over its original's.
    pub fn fronts(&self) -> impl Iterator<Item = (&str, &FrontMatter)> {
        let translations = (self.translations.iter()).map(|t| (t.rel.as_str(), &t.front));
        (self.splits.iter())
            .map(|(rel, split)| (rel.as_str(), &split.front))
            .chain(translations)
    }

    /// Where documents of language `lang` go.
    pub(super) fn placer_for(&self, lang: usize) -> &Placer {
        self.placers.get(lang).unwrap_or(&self.placer)
    }

    /// The files copied as they are, as (path to read, path as shown).
    pub fn copied(&self) -> impl Iterator<Item = (PathBuf, PathBuf)> + '_ {
        (self.others.iter()).map(|rel| (self.content_dir.join(rel), self.shown_root.join(rel)))
    }
}

/// The Markdown files and the other files of the site, in name order.
fn walk(content_dir: &Path, shown_root: &Path) -> Listing {
    let (mut markdown, mut others, mut problems) = (Vec::new(), Vec::new(), Vec::new());
    let mut seen = HashSet::new();
    let walker = WalkDir::new(content_dir)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.'));
    for entry in walker {
        let entry = match entry {
            Ok(entry) => entry,
            Err(e) => {
                problems.push(Diagnostic::file(
                    shown_root,
                    format!("cannot read the content folder: {e}"),
                ));
                continue;
            }
        };
        if !entry.file_type().is_file() {
            continue;
        }
        seen.insert(entry.path().to_path_buf());
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
    Listing {
        markdown,
        others,
        problems,
        seen,
    }
}

/// Reads and splits every Markdown file not kept in `reads`, in parallel; those that
/// fail are named.
fn read_all(
    markdown: &[String],
    content_dir: &Path,
    shown_root: &Path,
    reads: &mut Reads,
    problems: &mut Vec<Diagnostic>,
) -> (Vec<(String, Arc<Split>)>, Vec<String>) {
    let read: Vec<(String, PathBuf, Option<_>)> = markdown
        .par_iter()
        .map(|rel| {
            let path = content_dir.join(rel);
            let fresh = reads.get(&path).is_none().then(|| {
                let shown = shown_root.join(rel);
                read_text(&path, &shown)
                    .and_then(|text| front_matter::split(&text, &shown))
                    .map(Arc::new)
            });
            (rel.clone(), path, fresh)
        })
        .collect();
    let mut splits = Vec::with_capacity(read.len());
    let mut failed = Vec::new();
    for (rel, path, fresh) in read {
        if let Some(fresh) = fresh {
            reads.keep(path.clone(), fresh);
        }
        match reads.get(&path) {
            Some(Ok(split)) => splits.push((rel, Arc::clone(split))),
            Some(Err(problem)) => {
                problems.push(problem.clone());
                failed.push(rel);
            }
            None => {}
        }
    }
    (splits, failed)
}

/// Places the documents that are live (or shown as previews), and notes the others. A
/// page inside a section that has expired has expired with it.
fn place(
    library: &mut Library,
    sources: &Sources,
    schedule: &Schedule,
    problems: &mut Vec<Diagnostic>,
) {
    let mut absent_dirs: Vec<(String, Absence)> = Vec::new();
    let mut addresses: HashMap<String, usize> = HashMap::new();
    for (rel, split) in &sources.splits {
        let shown = sources.shown_root.join(rel);
        let dir = parent_dir(rel);
        let in_absent = (absent_dirs.iter())
            .find(|(d, _)| dir == *d || dir.starts_with(&format!("{d}/")))
            .map(|(_, why)| why);
        let why = match in_absent {
            Some(Absence::Expired(on)) if rel != "_index.md" => Some(Absence::Expired(*on)),
            Some(_) if rel != "_index.md" => Some(Absence::SectionLeftOut),
            _ => schedule.absence(&split.front),
        };
        let shown_anyway = why.as_ref().is_some_and(|w| schedule.shows(w));
        if let Some(why) = why.filter(|_| !shown_anyway) {
            if rel.ends_with("_index.md") && rel != "_index.md" {
                absent_dirs.push((dir.clone(), why.clone()));
            }
            library.left_out.push(LeftOut {
                source: rel.clone(),
                shown,
                why,
                url: sources.placer.url_of(rel, split.front.slug.as_deref()),
                front: split.front.clone(),
                redirect_at: split
                    .front
                    .expired_redirect
                    .as_ref()
                    .map(|_| split.place_of("expired_redirect")),
                lang: DEFAULT,
            });
            continue;
        }
        let kind = if rel.ends_with("_index.md") {
            Kind::Section
        } else {
            Kind::Page
        };
        let url = sources.placer.url_of(rel, split.front.slug.as_deref());
        if let Some(&first) = addresses.get(&url.to_lowercase()) {
            problems.push(duplicate_url(&shown, &url, &library.documents[first]));
            library.unreadable.insert(rel.clone(), url);
            continue;
        }
        addresses.insert(url.to_lowercase(), library.documents.len());
        let template_at = split
            .front
            .template
            .as_ref()
            .map(|_| split.place_of("template"));
        library
            .by_source
            .insert(rel.clone(), library.documents.len());
        library.documents.push(Document {
            kind,
            source: rel.clone(),
            shown,
            front: split.front.clone(),
            body: split.body.clone(),
            body_line: split.body_line,
            fingerprints: split.fingerprints,
            url,
            parent: None,
            pages: Vec::new(),
            subsections: Vec::new(),
            preview: shown_anyway,
            template_at,
            lang: DEFAULT,
            original: rel.clone(),
            translation_of: None,
            translations: Vec::new(),
        });
    }
}

fn relative(root: &Path, path: &Path) -> String {
    let rel = path.strip_prefix(root).unwrap_or(path);
    rel.components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

/// A document at the address of an earlier one, or at one that differs only in case (which
/// collide on case-insensitive file systems and hosts). The later one is not rendered.
pub(super) fn duplicate_url(shown: &Path, url: &str, first: &Document) -> Diagnostic {
    let message = if first.url == url {
        format!(
            "this page has the same address `{url}` as {}",
            first.shown.display()
        )
    } else {
        format!(
            "this page's address `{url}` differs only in capital letters from `{}` ({}), and they would be one file on many hosts",
            first.url,
            first.shown.display()
        )
    };
    Diagnostic::file(shown, message)
        .with_help("give one of them another file name, or a different `slug` in its front matter")
}
