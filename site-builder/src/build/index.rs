//! Stage 4, index: the search index, from the text of every page the render stage read,
//! written as a hashed asset; then the search page, which names the index's hashed
//! address and so is rendered last. Nothing here runs when the theme has no search page.

use serde::Serialize;
use tera::Context;

use crate::diagnostic::Diagnostic;
use crate::error::Error;
use crate::output::{hashed_name, Staging};
use crate::search::index::{Page, PageEntry};
use crate::search::{text, wire, Index, INDEX_SCRIPT};

use super::plan::{SEARCH_PAGE, SEARCH_TEMPLATE};
use super::render::{Rendered, Renderer};

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

pub fn index(
    renderer: &Renderer<'_>,
    rendered: &mut Rendered,
    staging: Option<&Staging>,
    problems: &mut Vec<Diagnostic>,
) -> Result<Option<Shipped>, Error> {
    let Some((language, words)) = renderer.words() else {
        return Ok(None);
    };
    // The pages come in the library's order, which ranking falls back on.
    let entries: Vec<PageEntry> = (rendered.pages.iter_mut())
        .filter_map(|page| page.text.take())
        .collect();
    let index = Index::build(language, words, entries);
    let module = wire::encode(&index);
    let file = format!("assets/{}", hashed_name(INDEX_SCRIPT, module.as_bytes()));
    if let Some(staging) = staging {
        (staging.write(&file, module.as_bytes())).map_err(Error::io(staging.shown(&file)))?;
    }
    let url = format!("/{file}");
    rendered.made.push(file);
    let mut context = Context::new();
    context.insert("current_url", "/search/");
    let page = SearchPage {
        index: &url,
        groups: a_to_z(&index.pages),
    };
    context.insert("search", &page);
    let (built, found) = renderer.generated(SEARCH_TEMPLATE, "/search/", SEARCH_PAGE, &context);
    rendered.add(built, found, problems);
    Ok(Some(Shipped {
        module,
        url: url.clone(),
        pages: index.pages.len(),
        sections: index.sections.len(),
    }))
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
