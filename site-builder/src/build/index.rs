//! Stage 4, index: each language's search index, from the text of the pages the render
//! stage read into it (its own, and the default language's that it has no translation
//! of), written as a hashed asset; then the language's search page (`/search/`,
//! `/cy/search/`), which names the index's hashed address and so is rendered last.
//! Nothing here runs when the theme has no search page.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

use rayon::prelude::*;
use serde::Serialize;
use tera::Context;

use crate::diagnostic::Diagnostic;
use crate::error::Error;
use crate::output::hashed_name;
use crate::render::context::Version;
use crate::search::index::{Page, PageEntry, Vocabulary};
use crate::search::{text, wire, Index, PageText, INDEX_SCRIPT};

use super::plan::{search_page, SEARCH_TEMPLATE};
use super::render::{Made, Out, Rendered, Renderer, Searched};

/// One language's index as it ships.
#[derive(Debug, Clone)]
pub struct Shipped {
    /// The language's code, as site.yaml gives it.
    pub code: String,
    /// Its search page's address: `/search/`, `/cy/search/`.
    pub page: String,
    /// The ES module the search page imports.
    pub module: String,
    /// Its address, `/assets/search-index.<hash>.js`.
    pub url: String,
    /// The pages in it, with the fallbacks among them.
    pub pages: usize,
    pub fallbacks: usize,
    pub sections: usize,
}

impl Shipped {
    /// The module's size with brotli, as a host serves it (about a second a megabyte).
    pub fn compressed(&self) -> usize {
        crate::output::brotli_size(self.module.as_bytes())
    }
}

/// What the search page's template sees as `search`.
#[derive(Serialize)]
struct SearchPage<'a> {
    /// The index module's address.
    index: &'a str,
    /// Every page in the index, A to Z, by first letter.
    groups: Vec<Group<'a>>,
    /// Whether some pages are fallbacks, in the default language.
    fallbacks: bool,
}

#[derive(Serialize)]
struct Group<'a> {
    letter: String,
    pages: Vec<&'a Page>,
}

/// The address of a language's search page, by its prefix (`` or `/cy`).
pub fn search_url(prefix: &str) -> String {
    format!("{prefix}/search/")
}

/// What the live preview keeps of the last indexes, by language: the texts each was made
/// from and what came of them, so a build whose searched pages read the same makes no
/// index again; and each search page, with the fingerprint of what it was made from.
#[derive(Default)]
pub struct Kept {
    languages: Vec<KeptIndex>,
    /// Set when a newer change is waiting: an index being made is given up.
    pub stop: Arc<AtomicBool>,
}

#[derive(Default)]
struct KeptIndex {
    texts: Vec<(Arc<PageText>, bool)>,
    made: Option<Ready>,
    page: Option<(blake3::Hash, Arc<Made>)>,
}

impl KeptIndex {
    /// The search page kept, if it was made from the inputs `key` stands for, else made
    /// and kept; and whether it was made.
    fn page(&mut self, key: blake3::Hash, make: impl FnOnce() -> Made) -> (Arc<Made>, bool) {
        match &self.page {
            Some((kept, made)) if *kept == key => (Arc::clone(made), false),
            _ => {
                let made = Arc::new(make());
                self.page = Some((key, Arc::clone(&made)));
                (made, true)
            }
        }
    }
}

/// An index made: its module, its pages and its number of sections.
type Ready = (String, Vec<Page>, usize);

/// Builds each language's index from its pages' words, writes it, and renders the
/// language's search page; the default language's first. With `kept` (the preview), the
/// pages kept their text instead, and an index is made again only when its pages' text
/// changed.
pub fn index(
    renderer: &Renderer<'_>,
    rendered: &mut Rendered,
    mut kept: Option<&mut Kept>,
    problems: &mut Vec<Diagnostic>,
) -> Result<Vec<Shipped>, Error> {
    let site = renderer.site();
    if !site.search {
        return Ok(Vec::new());
    }
    let count = site.languages().len();
    let indexes = match &mut kept {
        Some(kept) => {
            kept.languages.resize_with(count, KeptIndex::default);
            from_texts(renderer, rendered, kept).ok_or(Error::Superseded)?
        }
        None => from_entries(renderer, rendered, count),
    };
    // Every language has a search page, so each is a version of the others.
    let versions: Vec<Version> = (0..count)
        .map(|lang| {
            let language = renderer.language(lang);
            Version::generated(language, renderer.base_url(), search_url(&language.prefix))
        })
        .collect();
    let mut shipped = Vec::new();
    for (lang, (module, pages, sections)) in indexes.into_iter().enumerate() {
        let file = write(renderer.out(), &module, rendered)?;
        let url = format!("/{file}");
        let site_language = renderer.language(lang);
        let page_url = search_url(&site_language.prefix);
        let mut context = Context::new();
        context.insert("current_url", &page_url);
        context.insert("versions", &versions);
        let page = SearchPage {
            index: &url,
            groups: a_to_z(&pages),
            fallbacks: pages.iter().any(|p| p.fallback),
        };
        context.insert("search", &page);
        let page_file = search_page(&site_language.prefix);
        let made = || {
            renderer.generated(
                lang,
                SEARCH_TEMPLATE,
                &page_url,
                &page_file,
                &context,
                std::slice::from_ref(&file),
            )
        };
        match kept.as_deref_mut() {
            Some(kept) => {
                let values = serde_json::to_vec(&(&page, &page_url)).unwrap_or_default();
                let key = renderer.generated_key(lang, SEARCH_TEMPLATE, &values);
                let (made, fresh) = kept.languages[lang].page(key, made);
                rendered.add(made, fresh, problems);
            }
            None => rendered.add(Arc::new(made()), true, problems),
        }
        shipped.push(Shipped {
            code: site_language.code.clone(),
            page: page_url,
            module,
            url,
            pages: pages.len(),
            fallbacks: pages.iter().filter(|p| p.fallback).count(),
            sections,
        });
    }
    Ok(shipped)
}

/// Writes an index's module as a hashed asset where the pages go, and names it among the
/// files made after planning; gives its path.
fn write(out: Out<'_>, module: &str, rendered: &mut Rendered) -> Result<String, Error> {
    let file = format!("assets/{}", hashed_name(INDEX_SCRIPT, module.as_bytes()));
    let bytes = match out {
        Out::Disk(staging) => {
            (staging.write(&file, module.as_bytes())).map_err(Error::io(staging.shown(&file)))?;
            None
        }
        Out::Memory => Some(Arc::from(module.as_bytes())),
        Out::Nowhere => None,
    };
    rendered.added.push((file.clone(), bytes));
    Ok(file)
}

/// Each language's index from the entries the pages were read into as they were
/// rendered, taken from them so each page's words go as they become postings.
fn from_entries(renderer: &Renderer<'_>, rendered: &mut Rendered, count: usize) -> Vec<Ready> {
    let vocabularies = renderer.words();
    // The pages come in the library's order, which ranking falls back on.
    let mut entries: Vec<Vec<PageEntry>> = vec![Vec::new(); count];
    for made in rendered.pages.iter_mut() {
        let search = match Arc::get_mut(made) {
            Some(made) => made.page.as_mut().and_then(|p| p.search.take()),
            None => made.page.as_ref().and_then(|p| p.search.clone()),
        };
        if let Some(Searched::Entries(found)) = search {
            for (lang, entry) in found {
                entries[lang].push(entry);
            }
        }
    }
    (vocabularies.into_iter().zip(entries))
        .map(|((language, words), entries)| {
            let index = Index::build(language, words, entries);
            (wire::encode(&index), index.pages, index.sections.len())
        })
        .collect()
}

/// Each language's index from the pages' texts, read again only when they changed since
/// `kept`; `None` when a newer change stopped it.
fn from_texts(renderer: &Renderer<'_>, rendered: &Rendered, kept: &mut Kept) -> Option<Vec<Ready>> {
    let Kept { languages, stop } = kept;
    let mut texts: Vec<Vec<(Arc<PageText>, bool)>> = vec![Vec::new(); languages.len()];
    for page in rendered.pages.iter().filter_map(|made| made.page.as_ref()) {
        if let Some(Searched::Text(text, languages)) = &page.search {
            for &(lang, fallback) in languages {
                texts[lang].push((Arc::clone(text), fallback));
            }
        }
    }
    (texts.into_iter().zip(languages).enumerate())
        .map(|(lang, (texts, kept))| {
            let same = texts.len() == kept.texts.len()
                && (texts.iter().zip(&kept.texts))
                    .all(|(a, b)| a.1 == b.1 && (Arc::ptr_eq(&a.0, &b.0) || a.0 == b.0));
            if let (true, Some(made)) = (same, &kept.made) {
                kept.texts = texts;
                return Some(made.clone());
            }
            let language = super::render::language(renderer.site(), lang);
            let vocabulary = Vocabulary::default();
            let entries: Vec<PageEntry> = (texts.par_iter())
                .map(|(text, fallback)| {
                    let stopped = stop.load(Ordering::Relaxed);
                    (!stopped).then(|| vocabulary.read(language, text, *fallback))
                })
                .collect::<Option<_>>()?;
            let index = Index::build(language, vocabulary.take(), entries);
            let made = (wire::encode(&index), index.pages, index.sections.len());
            kept.texts = texts;
            kept.made = Some(made.clone());
            Some(made)
        })
        .collect()
}

/// Pages by title, word by word (folded, signs left out), in groups by first letter;
/// titles that start with a digit share a group at the start.
fn a_to_z(pages: &[Page]) -> Vec<Group<'_>> {
    let mut sorted: Vec<(String, &Page)> = (pages.iter())
        .map(|page| {
            let words: Vec<String> = text::words(&page.title)
                .into_iter()
                .map(|w| w.folded)
                .collect();
            (words.join(" "), page)
        })
        .collect();
    sorted.sort_by(|a, b| a.0.cmp(&b.0).then_with(|| a.1.url.cmp(&b.1.url)));
    let mut groups: Vec<Group> = Vec::new();
    for (key, page) in sorted {
        let letter = match key.chars().next() {
            Some(c) if c.is_alphabetic() => c.to_uppercase().collect(),
            _ => "0–9".to_string(),
        };
        match groups.last_mut() {
            Some(group) if group.letter == letter => group.pages.push(page),
            _ => groups.push(Group {
                letter,
                pages: vec![page],
            }),
        }
    }
    groups
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_a_to_z_groups_pages_by_folded_first_letter() {
        let page = |title: &str| Page {
            title: title.into(),
            url: format!("/{}/", title.len()),
            fallback: false,
        };
        let pages = [
            page("Zebra"),
            page("écoute"),
            page("“About”"),
            page("999"),
            page("Exit"),
            page("Stalking protection"),
            page("Stalking: know the signs"),
        ];
        let groups = a_to_z(&pages);
        let got: Vec<(&str, Vec<&str>)> = (groups.iter())
            .map(|g| {
                let titles = g.pages.iter().map(|p| p.title.as_str()).collect();
                (g.letter.as_str(), titles)
            })
            .collect();
        assert_eq!(
            got,
            [
                ("0–9", vec!["999"]),
                ("A", vec!["“About”"]),
                ("E", vec!["écoute", "Exit"]),
                ("S", vec!["Stalking: know the signs", "Stalking protection"]),
                ("Z", vec!["Zebra"]),
            ]
        );
    }
}
