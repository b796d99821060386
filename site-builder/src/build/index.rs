//! Stage 4, index: each language's search index, from the text of the pages the render
//! stage read into it (its own, and the default language's that it has no translation
//! of), written as a hashed asset; then the language's search page (`/search/`,
//! `/cy/search/`), which names the index's hashed address and so is rendered last.
//! Nothing here runs when the theme has no search page.

use serde::Serialize;
use tera::Context;

use crate::diagnostic::Diagnostic;
use crate::error::Error;
use crate::output::{hashed_name, Staging};
use crate::render::context::Version;
use crate::search::index::{Page, PageEntry};
use crate::search::{text, wire, Index, INDEX_SCRIPT};

use super::plan::{search_page, SEARCH_TEMPLATE};
use super::render::{Rendered, Renderer};

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

/// Builds each language's index from its pages' words, writes it, and renders the
/// language's search page; the default language's first.
pub fn index(
    renderer: &Renderer<'_>,
    rendered: &mut Rendered,
    staging: Option<&Staging>,
    problems: &mut Vec<Diagnostic>,
) -> Result<Vec<Shipped>, Error> {
    let vocabularies = renderer.words();
    if vocabularies.is_empty() {
        return Ok(Vec::new());
    }
    // The pages come in the library's order, which ranking falls back on.
    let mut entries: Vec<Vec<PageEntry>> = vec![Vec::new(); vocabularies.len()];
    for (lang, entry) in (rendered.pages.iter_mut()).flat_map(|p| std::mem::take(&mut p.text)) {
        entries[lang].push(entry);
    }
    // Every language has a search page, so each is a version of the others.
    let versions: Vec<Version> = (0..vocabularies.len())
        .map(|lang| {
            let language = renderer.language(lang);
            Version::generated(language, renderer.base_url(), search_url(&language.prefix))
        })
        .collect();
    let mut shipped = Vec::new();
    for (lang, ((language, words), entries)) in vocabularies.into_iter().zip(entries).enumerate() {
        let index = Index::build(language, words, entries);
        let module = wire::encode(&index);
        let file = format!("assets/{}", hashed_name(INDEX_SCRIPT, module.as_bytes()));
        if let Some(staging) = staging {
            (staging.write(&file, module.as_bytes())).map_err(Error::io(staging.shown(&file)))?;
        }
        let url = format!("/{file}");
        rendered.made.push(file);
        let site_language = renderer.language(lang);
        let page_url = search_url(&site_language.prefix);
        let mut context = Context::new();
        context.insert("current_url", &page_url);
        context.insert("versions", &versions);
        let page = SearchPage {
            index: &url,
            groups: a_to_z(&index.pages),
            fallbacks: index.pages.iter().any(|p| p.fallback),
        };
        context.insert("search", &page);
        let file = search_page(&site_language.prefix);
        let (built, found) = renderer.generated(lang, SEARCH_TEMPLATE, &page_url, &file, &context);
        rendered.add(built, found, problems);
        shipped.push(Shipped {
            code: site_language.code.clone(),
            page: page_url,
            module,
            url,
            pages: index.pages.len(),
            fallbacks: index.pages.iter().filter(|p| p.fallback).count(),
            sections: index.sections.len(),
        });
    }
    Ok(shipped)
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
