//! The index: every section of every page, and for each stem the sections that hold it,
//! weighted by where it stands (title, heading, description or body). It is what the
//! browser receives, whole, and what `site-builder search` reads.

use std::collections::{BTreeSet, HashMap};

use rayon::prelude::*;

use super::sections::PageText;
use super::text::{words, Language, Reader};

/// How much a word counts where it stands. The title and the description count in the
/// page's opening section, which a result for the page as a whole links to.
pub const TITLE_WEIGHT: u32 = 5;
pub const HEADING_WEIGHT: u32 = 3;
pub const DESCRIPTION_WEIGHT: u32 = 2;
pub const BODY_WEIGHT: u32 = 1;

/// The most characters of a section's text kept for its excerpt: the index carries no
/// more than this of any section, so its size grows with the number of sections, not
/// with the length of pages.
pub const EXCERPT_CHARS: usize = 110;

#[derive(Debug, Clone, PartialEq)]
pub struct Index {
    pub language: Language,
    pub pages: Vec<Page>,
    pub sections: Vec<Section>,
    /// Sorted by stem.
    pub terms: Vec<Term>,
}

#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Page {
    pub title: String,
    pub url: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Section {
    pub page: usize,
    /// Empty for a page's opening.
    pub heading: String,
    pub anchor: String,
    /// The number of words searched in it, for ranking.
    pub length: u32,
    /// The start of its text, up to [`EXCERPT_CHARS`].
    pub excerpt: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Term {
    pub stem: String,
    /// The folded words of the site that have this stem, sorted.
    pub forms: Vec<String>,
    /// By section, in order.
    pub postings: Vec<Posting>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Posting {
    pub section: u32,
    /// The sum of the weights of the places the stem stands in the section.
    pub weight: u32,
}

/// One section, read: its stems with their weights, and its length.
struct Bag {
    stems: Vec<(String, u32)>,
    length: u32,
    excerpt: String,
}

/// One page, read.
struct Read {
    bags: Vec<Bag>,
    /// Each folded word of the page, with its stem.
    forms: HashMap<String, String>,
}

impl Index {
    /// Builds the index of `pages`, in their order. Pages are read in parallel.
    pub fn build(language: Language, pages: &[PageText]) -> Index {
        let read: Vec<Read> = pages
            .par_iter()
            .map(|page| read_page(language, page))
            .collect();
        let mut terms: HashMap<String, (BTreeSet<String>, Vec<Posting>)> = HashMap::new();
        let mut sections = Vec::new();
        for (page, read) in read.into_iter().enumerate() {
            let stems: HashMap<&str, Vec<&str>> =
                read.forms
                    .iter()
                    .fold(HashMap::new(), |mut by_stem, (form, stem)| {
                        by_stem.entry(stem.as_str()).or_default().push(form);
                        by_stem
                    });
            for (stem, forms) in stems {
                let entry = terms.entry(stem.to_string()).or_default();
                entry.0.extend(forms.into_iter().map(String::from));
            }
            for (bag, text) in read.bags.into_iter().zip(&pages[page].sections) {
                let section = sections.len() as u32;
                for (stem, weight) in bag.stems {
                    let entry = terms.entry(stem).or_default();
                    entry.1.push(Posting { section, weight });
                }
                sections.push(Section {
                    page,
                    heading: text.heading.clone(),
                    anchor: text.anchor.clone(),
                    length: bag.length,
                    excerpt: bag.excerpt,
                });
            }
        }
        let mut terms: Vec<Term> = terms
            .into_iter()
            .map(|(stem, (forms, postings))| Term {
                stem,
                forms: forms.into_iter().collect(),
                postings,
            })
            .collect();
        terms.sort_by(|a, b| a.stem.cmp(&b.stem));
        Index {
            language,
            pages: pages
                .iter()
                .map(|p| Page {
                    title: p.title.clone(),
                    url: p.url.clone(),
                })
                .collect(),
            sections,
            terms,
        }
    }
}

/// Reads one page: its sections' stems with their weights, and its words' stems.
fn read_page(language: Language, page: &PageText) -> Read {
    let reader = Reader::new(language);
    let mut forms: HashMap<String, String> = HashMap::new();
    let mut bags = Vec::with_capacity(page.sections.len());
    for (i, section) in page.sections.iter().enumerate() {
        let mut parts = vec![
            (section.heading.as_str(), HEADING_WEIGHT),
            (section.text.as_str(), BODY_WEIGHT),
        ];
        if i == 0 {
            parts.push((&page.title, TITLE_WEIGHT));
            parts.push((&page.description, DESCRIPTION_WEIGHT));
        }
        let mut weights: HashMap<String, u32> = HashMap::new();
        let mut length = 0;
        for (text, weight) in parts {
            for word in words(text) {
                if !reader.counts(&word.folded) {
                    continue;
                }
                length += 1;
                let stem = match forms.get(&word.folded) {
                    Some(stem) => stem.clone(),
                    None => {
                        let stem = reader.stem(&word.folded);
                        forms.insert(word.folded, stem.clone());
                        stem
                    }
                };
                *weights.entry(stem).or_default() += weight;
            }
        }
        let mut stems: Vec<(String, u32)> = weights.into_iter().collect();
        stems.sort();
        let excerpt = match section.text.as_str() {
            "" if i == 0 => excerpt(&page.description),
            text => excerpt(text),
        };
        bags.push(Bag {
            stems,
            length,
            excerpt,
        });
    }
    Read { bags, forms }
}

/// The start of a text, cut after a whole word, with an ellipsis when it was cut.
pub fn excerpt(text: &str) -> String {
    let Some((cut, _)) = text.char_indices().nth(EXCERPT_CHARS) else {
        return text.to_string();
    };
    let kept = &text[..cut];
    // Back to the last space, unless the cut fell between two words already.
    let kept = match text[cut..].starts_with(' ') {
        true => kept,
        false => kept.rfind(' ').map_or(kept, |space| &kept[..space]),
    };
    format!("{}…", kept.trim_end_matches(|c: char| !c.is_alphanumeric()))
}

#[cfg(test)]
mod tests {
    use super::super::sections::SectionText;
    use super::*;

    fn page(title: &str, sections: &[(&str, &str)]) -> PageText {
        PageText {
            title: title.into(),
            url: format!("/{}/", title.to_lowercase()),
            description: String::new(),
            sections: sections
                .iter()
                .map(|(heading, text)| SectionText {
                    heading: heading.to_string(),
                    anchor: heading.to_lowercase(),
                    text: text.to_string(),
                })
                .collect(),
        }
    }

    #[test]
    fn stems_are_weighted_by_where_they_stand() {
        let pages = [
            page(
                "Trackers",
                &[("", "A tracker on the car."), ("Apps", "Tracking apps.")],
            ),
            page("Orders", &[("", "Orders and more orders.")]),
        ];
        let index = Index::build(Language::English, &pages);
        let term = |stem: &str| index.terms.iter().find(|t| t.stem == stem).unwrap();
        let postings = |stem: &str| {
            (term(stem).postings.iter())
                .map(|p| (p.section, p.weight))
                .collect::<Vec<_>>()
        };
        // The title counts five times in the opening, the body once.
        assert_eq!(postings("tracker"), [(0, TITLE_WEIGHT + BODY_WEIGHT)]);
        assert_eq!(postings("track"), [(1, BODY_WEIGHT)]);
        assert_eq!(postings("app"), [(1, HEADING_WEIGHT + BODY_WEIGHT)]);
        assert_eq!(postings("order"), [(2, TITLE_WEIGHT + 2 * BODY_WEIGHT)]);
        assert_eq!(term("tracker").forms, ["tracker", "trackers"]);
        assert_eq!(
            (index.sections.iter())
                .map(|s| (s.page, s.length))
                .collect::<Vec<_>>(),
            [(0, 3), (0, 3), (1, 3)],
            "stop words do not count in a section's length"
        );
        assert!(index.terms.windows(2).all(|w| w[0].stem < w[1].stem));
    }

    #[test]
    fn excerpts_end_after_a_whole_word() {
        let long = "word ".repeat(40);
        let cut = excerpt(&long);
        assert!(cut.ends_with("word…"), "{cut}");
        assert!(cut.chars().count() <= EXCERPT_CHARS + 1);
        assert_eq!(excerpt("Short, whole."), "Short, whole.");
        let commas = format!("{}, and more", "x".repeat(EXCERPT_CHARS - 1));
        assert_eq!(
            excerpt(&commas),
            format!("{}…", "x".repeat(EXCERPT_CHARS - 1))
        );
    }
}
