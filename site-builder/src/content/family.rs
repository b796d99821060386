//! A section's family: the parent of every document, and each section's pages and
//! subsections in display order.

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
fn display_order(a: &Document, b: &Document) -> Ordering {
    let weight = |d: &Document| d.front.weight.unwrap_or(i64::MAX);
    weight(a)
        .cmp(&weight(b))
        .then_with(|| b.front.date.cmp(&a.front.date))
        .then_with(|| a.front.title.cmp(&b.front.title))
}
