//! Stage 4, index: the search index, from the text of every page the render stage read,
//! written as a hashed asset; then the search page, which names the index's hashed
//! address and so is rendered last. Nothing here runs when the theme has no search page.

use std::sync::Arc;

use rayon::prelude::*;
use serde::Serialize;
use tera::Context;

use crate::diagnostic::Diagnostic;
use crate::error::Error;
use crate::output::hashed_name;
use crate::search::index::{Page, PageEntry, Vocabulary};
use crate::search::{text, wire, Index, PageText, INDEX_SCRIPT};

use super::plan::{SEARCH_PAGE, SEARCH_TEMPLATE};
use super::render::{Made, Out, Rendered, Renderer, Searched};

/// The index as it ships.
#[derive(Debug, Clone)]
pub struct Shipped {
    /// The ES module the search page imports.
    pub module: String,
    /// Its address, `/assets/search-index.<hash>.js`.
    pub url: String,
    pub pages: usize,
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
}

#[derive(Serialize)]
struct Group<'a> {
    letter: String,
    pages: Vec<&'a Page>,
}

/// What the live preview keeps of the last index: the texts it was made from and what
/// came of them, so a build whose searched pages read the same makes no index again.
#[derive(Default)]
pub struct Kept {
    texts: Vec<Arc<PageText>>,
    made: Option<(String, Vec<Page>, usize)>,
    /// The search page, with the fingerprint of what it was made from.
    page: Option<(blake3::Hash, Arc<Made>)>,
}

/// Makes the search index from the pages' words, and the search page. With `kept` (the
/// preview), the pages kept their text instead, and the index is made again only when
/// that text changed.
pub fn index(
    renderer: &Renderer<'_>,
    rendered: &mut Rendered,
    mut kept: Option<&mut Kept>,
    problems: &mut Vec<Diagnostic>,
) -> Result<Option<Shipped>, Error> {
    if !renderer.site().search {
        return Ok(None);
    }
    let (module, pages, sections) = match &mut kept {
        Some(kept) => from_texts(renderer, rendered, kept),
        None => from_entries(renderer, rendered),
    };
    let file = format!("assets/{}", hashed_name(INDEX_SCRIPT, module.as_bytes()));
    let bytes = match renderer.out() {
        Out::Disk(staging) => {
            (staging.write(&file, module.as_bytes())).map_err(Error::io(staging.shown(&file)))?;
            None
        }
        Out::Memory => Some(Arc::from(module.as_bytes())),
        Out::Nowhere => None,
    };
    let url = format!("/{file}");
    rendered.added.push((file.clone(), bytes));
    let mut context = Context::new();
    context.insert("current_url", "/search/");
    let page = SearchPage {
        index: &url,
        groups: a_to_z(&pages),
    };
    context.insert("search", &page);
    let make = || {
        let made = renderer.generated(SEARCH_TEMPLATE, "/search/", SEARCH_PAGE, &context, &[file]);
        Arc::new(made)
    };
    match kept {
        Some(kept) => {
            let values = serde_json::to_vec(&page).unwrap_or_default();
            let key = renderer.generated_key(SEARCH_TEMPLATE, &values);
            match &kept.page {
                Some((kept_key, made)) if *kept_key == key => {
                    rendered.add(Arc::clone(made), false, problems)
                }
                _ => {
                    let made = make();
                    kept.page = Some((key, Arc::clone(&made)));
                    rendered.add(made, true, problems);
                }
            }
        }
        None => rendered.add(make(), true, problems),
    }
    Ok(Some(Shipped {
        module,
        url,
        pages: pages.len(),
        sections,
    }))
}

/// The index from the entries the pages were read into as they were rendered, taken
/// from them so each page's words go as they become postings.
fn from_entries(renderer: &Renderer<'_>, rendered: &mut Rendered) -> (String, Vec<Page>, usize) {
    let (language, words) = renderer
        .words()
        .unwrap_or_else(|| (super::render::language(renderer.site()), Default::default()));
    // The pages come in the library's order, which ranking falls back on.
    let entries: Vec<PageEntry> = (rendered.pages.iter_mut())
        .filter_map(|made| {
            let search = match Arc::get_mut(made) {
                Some(made) => made.page.as_mut()?.search.take(),
                None => made.page.as_ref()?.search.clone(),
            };
            match search? {
                Searched::Entry(entry) => Some(entry),
                Searched::Text(_) => None,
            }
        })
        .collect();
    let index = Index::build(language, words, entries);
    (wire::encode(&index), index.pages, index.sections.len())
}

/// The index from the pages' texts, read again only when they changed since `kept`.
fn from_texts(
    renderer: &Renderer<'_>,
    rendered: &Rendered,
    kept: &mut Kept,
) -> (String, Vec<Page>, usize) {
    let texts: Vec<Arc<PageText>> = (rendered.pages.iter())
        .filter_map(|made| match made.page.as_ref()?.search.as_ref()? {
            Searched::Text(text) => Some(Arc::clone(text)),
            Searched::Entry(_) => None,
        })
        .collect();
    let same = texts.len() == kept.texts.len()
        && (texts.iter().zip(&kept.texts)).all(|(a, b)| Arc::ptr_eq(a, b) || a == b);
    if let (true, Some(made)) = (same, &kept.made) {
        kept.texts = texts;
        return made.clone();
    }
    let language = super::render::language(renderer.site());
    let vocabulary = Vocabulary::default();
    let entries: Vec<PageEntry> = (texts.par_iter())
        .map(|text| vocabulary.read(language, text))
        .collect();
    let index = Index::build(language, vocabulary.take(), entries);
    let made = (wire::encode(&index), index.pages, index.sections.len());
    kept.texts = texts;
    kept.made = Some(made.clone());
    made
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
