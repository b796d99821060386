//! A section's family: the parent of every document, and each section's pages and
//! subsections in display order. A translation's family is its original's, each member
//! in the translation's language where it has a translation, else the original itself:
//! so a Welsh section lists every page, the untranslated ones in English.

use std::cmp::Ordering;
use std::collections::HashMap;

use crate::content::document::{Document, Kind};
use crate::content::placement::parent_dir;
use crate::content::Library;

/// Sets each document's parent section, and each section's ordered pages and subsections.
pub fn link_family(library: &mut Library) {
    let section_of_dir: HashMap<String, usize> = library
        .documents
        .iter()
        .enumerate()
        .filter(|(_, d)| d.kind == Kind::Section && d.translation_of.is_none())
        .map(|(i, d)| (parent_dir(&d.source), i))
        .collect();
    for index in 0..library.documents.len() {
        let doc = &library.documents[index];
        if doc.translation_of.is_some() {
            continue;
        }
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
        .filter(|(_, d)| d.kind == Kind::Section && d.translation_of.is_none())
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
    link_translations(library);
}

/// Each translation's parent, pages and subsections: its original's, in its language.
fn link_translations(library: &mut Library) {
    for index in 0..library.documents.len() {
        let doc = &library.documents[index];
        let Some(original) = doc.translation_of else {
            continue;
        };
        let lang = doc.lang;
        let source = &library.documents[original];
        let parent = source.parent.map(|p| library.in_language(p, lang));
        let pages: Vec<usize> = (source.pages.iter())
            .map(|&p| library.in_language(p, lang))
            .collect();
        let subsections: Vec<usize> = (source.subsections.iter())
            .map(|&s| library.in_language(s, lang))
            .collect();
        let doc = &mut library.documents[index];
        (doc.parent, doc.pages, doc.subsections) = (parent, pages, subsections);
    }
}

/// By weight (unweighted last), then newest date first, then title.
fn display_order(a: &Document, b: &Document) -> Ordering {
    let weight = |d: &Document| d.front.weight.unwrap_or(i64::MAX);
    weight(a)
        .cmp(&weight(b))
        .then_with(|| b.front.date.cmp(&a.front.date))
        .then_with(|| a.front.title.cmp(&b.front.title))
}
