//! Private search: an index of the whole site, built with it and sent whole to the
//! search page, so nothing the visitor types leaves the browser or changes what loads.
//!
//! - [`sections`]: a rendered page's text, cut at its headings;
//! - [`text`]: words, folded and stemmed, for pages and queries alike;
//! - [`Index`] ([`index`]): every section, and each stem's sections with weights;
//! - [`wire`]: the index as the ES module the browser imports, and back;
//! - [`Searcher`]: reading a query ([`query`]) and ranking with BM25 ([`rank`]), for
//!   `site-builder search`.
//!
//! The browser runs the same search in `search-engine.js` ([`ENGINE_MODULE`]), written by
//! hand to the same rules: a second wasm module (its stemmer alone is 11 KB brotli)
//! would not leave room for the index in the search page's 30 KB. The browser tests run
//! both on the same queries and compare every result.
//!
//! Each language of the site has its own index, read by its own rules ([`Language`]):
//! its stop words, and Snowball's stemmer where there is one (English). Another
//! language's index also holds the default language's pages that have no translation
//! into it, read by its rules and marked as fallbacks ([`Hit::fallback`]), so a visitor
//! still finds every page of the site; they rank after the language's own pages.

pub mod index;
pub mod query;
pub mod rank;
pub mod sections;
pub mod text;
pub mod wire;

mod hash;
mod mark;

use std::collections::HashMap;

use serde::Serialize;

pub use index::Index;
pub use mark::{bracketed, Segment};
pub use query::QueryWord;
pub use sections::{PageText, SectionText};
pub use text::Language;

/// The search page's script that runs the search, as named in `assets`.
pub const ENGINE_SCRIPT: &str = "search-engine.js";
/// The index module, as named in `assets` (its file name carries its hash).
pub const INDEX_SCRIPT: &str = "search-index.js";

/// The browser's search engine: decoding the index, reading the query, ranking and
/// marking, in a same-origin ES module shipped with every site.
pub const ENGINE_MODULE: &str = include_str!("search-engine.js");

/// The most the search page may load, in bytes of brotli: its scripts and the index.
pub const PAGE_BUDGET: usize = 30_000;

/// How many results are shown, by default; the count says how many there are.
pub const SHOWN: usize = 20;

/// Searches one index.
pub struct Searcher<'a> {
    index: &'a Index,
    reader: text::Reader,
    /// Every word of the site, folded, with its term's number: sorted by word.
    forms: Vec<(&'a str, usize)>,
    form_terms: HashMap<&'a str, usize>,
    stems: HashMap<&'a str, usize>,
    average_length: f64,
}

/// What a search found.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Found {
    pub words: Vec<QueryWord>,
    /// How many pages match.
    pub count: usize,
    /// The first of them, best first.
    pub results: Vec<Hit>,
}

/// One result: a page, at its best section.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Hit {
    /// The page's address, with `#anchor` for a section under a heading.
    pub url: String,
    pub title: Vec<Segment>,
    pub heading: Vec<Segment>,
    pub excerpt: Vec<Segment>,
    /// The page is in the default language, standing in for a missing translation.
    pub fallback: bool,
}

impl<'a> Searcher<'a> {
    pub fn new(index: &'a Index) -> Searcher<'a> {
        let mut forms: Vec<(&str, usize)> = (index.terms.iter().enumerate())
            .flat_map(|(i, term)| term.forms.iter().map(move |f| (f.as_str(), i)))
            .collect();
        forms.sort();
        let lengths: u64 = index.sections.iter().map(|s| u64::from(s.length)).sum();
        Searcher {
            index,
            reader: text::Reader::new(index.language),
            form_terms: forms.iter().copied().collect(),
            forms,
            stems: (index.terms.iter().enumerate())
                .map(|(i, t)| (t.stem.as_str(), i))
                .collect(),
            average_length: (lengths as f64 / index.sections.len().max(1) as f64).max(1.0),
        }
    }

    /// Searches for `query`, keeping the first `shown` results.
    pub fn search(&self, query: &str, shown: usize) -> Found {
        let words = self.read(query);
        let ranked = self.rank(&words);
        let terms: Vec<usize> = (words.iter())
            .flat_map(|w| w.matches.iter().map(|(term, _)| *term))
            .collect();
        let results = (ranked.iter().take(shown))
            .map(|standing| {
                let section = &self.index.sections[standing.section];
                let page = &self.index.pages[section.page];
                let url = match section.anchor.as_str() {
                    "" => page.url.clone(),
                    anchor => format!("{}#{anchor}", page.url),
                };
                Hit {
                    url,
                    title: self.mark(&page.title, &terms),
                    heading: self.mark(&section.heading, &terms),
                    excerpt: self.mark(&section.excerpt, &terms),
                    fallback: page.fallback,
                }
            })
            .collect();
        Found {
            words,
            count: ranked.len(),
            results,
        }
    }
}
