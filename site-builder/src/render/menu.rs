//! The main menu, from the `menu` entries in front matter. Its shape (order and nesting)
//! is the default language's in every language; each entry is the page in the menu's
//! language where it has a translation, else the default-language page, marked with its
//! language.

use serde::Serialize;

use crate::config::languages::DEFAULT;
use crate::content::Library;

/// One menu item, with the items under it.
#[derive(Serialize, Clone)]
pub struct MenuItem {
    pub name: String,
    pub url: String,
    pub weight: i64,
    /// The language of the page it leads to, when that is not the menu's (a fallback).
    pub lang: Option<String>,
    pub children: Vec<MenuItem>,
    /// The default-language name, which `parent:` entries refer to.
    #[serde(skip)]
    key: String,
}

/// The menu for pages in language `lang`; `codes` are the site's language codes.
pub fn menu(library: &Library, lang: usize, codes: &[&str]) -> Vec<MenuItem> {
    let mut top: Vec<(Option<String>, MenuItem)> = (library.documents.iter().enumerate())
        .filter(|(_, d)| d.lang == DEFAULT)
        .filter_map(|(i, d)| {
            let entry = d.front.menu.as_ref()?;
            let shown = &library.documents[library.in_language(i, lang)];
            let name_of = |doc: &crate::content::Document| {
                (doc.front.menu.as_ref().and_then(|m| m.name.clone()))
                    .unwrap_or_else(|| doc.front.title.clone())
            };
            let item = MenuItem {
                name: name_of(shown),
                url: shown.url.clone(),
                weight: entry.weight,
                lang: (shown.lang != lang).then(|| codes[shown.lang].to_string()),
                children: Vec::new(),
                key: name_of(d),
            };
            Some((entry.parent.clone(), item))
        })
        .collect();
    top.sort_by(|a, b| {
        a.1.weight
            .cmp(&b.1.weight)
            .then_with(|| a.1.key.cmp(&b.1.key))
    });
    let (children, mut roots): (Vec<_>, Vec<_>) =
        top.into_iter().partition(|(parent, _)| parent.is_some());
    for (parent, child) in children {
        let parent = parent.unwrap_or_default();
        if let Some((_, root)) = roots.iter_mut().find(|(_, r)| r.key == parent) {
            root.children.push(child);
        } else {
            roots.push((None, child));
        }
    }
    roots.into_iter().map(|(_, item)| item).collect()
}
