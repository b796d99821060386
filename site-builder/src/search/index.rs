//! The index: every section of every page, and for each stem the sections that hold it,
//! weighted by where it stands (title, heading, description or body). It is what the
//! browser receives, whole, and what `site-builder search` reads.

use std::sync::Mutex;

use rayon::prelude::*;

use super::hash::FastMap;
use super::sections::PageText;
use super::text::{each_word, Language, Reader};

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
    /// The page is in the site's default language, standing in for a translation the
    /// index's language does not have yet.
    pub fallback: bool,
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

/// The words and stems met so far, shared by the pages read in parallel while they are
/// rendered, so each page keeps only numbers for its words and each word is stemmed once.
#[derive(Default)]
pub struct Vocabulary(Mutex<Words>);

#[derive(Debug, Default)]
pub struct Words {
    /// Every stem, by number.
    stems: Vec<String>,
    numbers: FastMap<String, u32>,
    /// Every folded word, with its stem's number.
    forms: FastMap<String, u32>,
}

/// A page, read for the index: its sections, each with its stems (by number in the
/// vocabulary) and their weights.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PageEntry {
    pub title: String,
    pub url: String,
    /// A default-language page read into another language's index.
    pub fallback: bool,
    sections: Vec<SectionEntry>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
struct SectionEntry {
    heading: String,
    anchor: String,
    length: u32,
    excerpt: String,
    stems: Vec<(u32, u32)>,
}

impl Vocabulary {
    /// Reads one page: its words are weighed by where they stand, and their stems
    /// numbered in the vocabulary. A `fallback` page (in the default language, in another
    /// language's index) keeps no excerpts: its results show its title and heading, and
    /// the index stays within the search page's budget.
    pub fn read(&self, language: Language, page: &PageText, fallback: bool) -> PageEntry {
        let reader = Reader::new(language);
        // The page's own words, each looked at once: numbered, or `None` when it is not
        // searched (a stop word); and for each section the weight of each word, summed
        // in `weights` (by the word's number) for the words `touched` in the section.
        let mut local: FastMap<String, Option<u32>> = FastMap::default();
        let mut weights: Vec<u32> = Vec::new();
        let mut touched: Vec<u32> = Vec::new();
        let mut counts: Vec<(Vec<(u32, u32)>, u32)> = Vec::with_capacity(page.sections.len());
        for (i, section) in page.sections.iter().enumerate() {
            let mut parts = vec![(section.heading.as_str(), HEADING_WEIGHT)];
            parts.push((section.text.as_str(), BODY_WEIGHT));
            if i == 0 {
                parts.push((&page.title, TITLE_WEIGHT));
                parts.push((&page.description, DESCRIPTION_WEIGHT));
            }
            let mut length = 0;
            for (text, weight) in parts {
                each_word(text, |_, folded| {
                    let word = match local.get(folded) {
                        Some(&word) => word,
                        None => {
                            let word = reader.counts(folded).then_some(weights.len() as u32);
                            if word.is_some() {
                                weights.push(0);
                            }
                            local.insert(folded.to_string(), word);
                            word
                        }
                    };
                    if let Some(word) = word {
                        length += 1;
                        let sum = &mut weights[word as usize];
                        if *sum == 0 {
                            touched.push(word);
                        }
                        *sum += weight;
                    }
                });
            }
            let found = (touched.drain(..))
                .map(|word| (word, std::mem::take(&mut weights[word as usize])))
                .collect();
            counts.push((found, length));
        }
        let stem_of = self.number(&reader, local, weights.len());
        let sections = (page.sections.iter().zip(counts).enumerate())
            .map(|(i, (section, (found, length)))| {
                let text = match section.text.as_str() {
                    "" if i == 0 => &page.description,
                    text => text,
                };
                SectionEntry {
                    heading: section.heading.clone(),
                    anchor: section.anchor.clone(),
                    length,
                    excerpt: match fallback {
                        true => String::new(),
                        false => excerpt(text),
                    },
                    stems: by_stem(found, &stem_of),
                }
            })
            .collect();
        PageEntry {
            title: page.title.clone(),
            url: page.url.clone(),
            fallback,
            sections,
        }
    }

    /// The stem numbers of a page's words, by the words' local numbers; words met for
    /// the first time are stemmed and added.
    fn number(&self, reader: &Reader, local: FastMap<String, Option<u32>>, n: usize) -> Vec<u32> {
        let mut stem_of = vec![0; n];
        let mut words = self
            .0
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        let Words {
            stems,
            numbers,
            forms,
        } = &mut *words;
        for (form, word) in local {
            let Some(word) = word else { continue };
            let stem = match forms.get(&form) {
                Some(&stem) => stem,
                None => {
                    let stem = reader.stem(&form);
                    let next = stems.len() as u32;
                    let number = *numbers.entry(stem.clone()).or_insert(next);
                    if number == next {
                        stems.push(stem);
                    }
                    forms.insert(form, number);
                    number
                }
            };
            stem_of[word as usize] = stem;
        }
        stem_of
    }

    /// The words met, leaving the vocabulary empty.
    pub fn take(&self) -> Words {
        let mut words = self
            .0
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        std::mem::take(&mut *words)
    }
}

impl Index {
    /// The index of `pages`, in their order, read into `words`.
    pub fn build(language: Language, words: Words, pages: Vec<PageEntry>) -> Index {
        // Stems sorted by name, and each stem's place among them.
        let mut order: Vec<usize> = (0..words.stems.len()).collect();
        order.sort_by(|&a, &b| words.stems[a].cmp(&words.stems[b]));
        let mut place = vec![0; order.len()];
        for (i, &stem) in order.iter().enumerate() {
            place[stem] = i;
        }
        let mut terms: Vec<Term> = (order.iter())
            .map(|&stem| Term {
                stem: words.stems[stem].clone(),
                forms: Vec::new(),
                postings: Vec::new(),
            })
            .collect();
        for (form, stem) in words.forms {
            terms[place[stem as usize]].forms.push(form);
        }
        let mut sections = Vec::new();
        let mut kept = Vec::with_capacity(pages.len());
        // Each page's stems are let go as they become postings.
        for (page, entry) in pages.into_iter().enumerate() {
            for section in entry.sections {
                let number = sections.len() as u32;
                for (stem, weight) in section.stems {
                    let posting = Posting {
                        section: number,
                        weight,
                    };
                    terms[place[stem as usize]].postings.push(posting);
                }
                sections.push(Section {
                    page,
                    heading: section.heading,
                    anchor: section.anchor,
                    length: section.length,
                    excerpt: section.excerpt,
                });
            }
            kept.push(Page {
                title: entry.title,
                url: entry.url,
                fallback: entry.fallback,
            });
        }
        // Stems met only on pages that were not kept (a page with problems) go.
        terms.retain(|t| !t.postings.is_empty());
        for term in &mut terms {
            term.forms.sort();
        }
        Index {
            language,
            pages: kept,
            sections,
            terms,
        }
    }

    /// Reads `pages` in parallel and builds their index.
    pub fn of(language: Language, pages: &[PageText]) -> Index {
        let vocabulary = Vocabulary::default();
        let entries: Vec<PageEntry> = (pages.par_iter())
            .map(|page| vocabulary.read(language, page, false))
            .collect();
        Index::build(language, vocabulary.take(), entries)
    }
}

/// A section's words and their weights as its stems, sorted, with the weights of the
/// words that share a stem added up.
fn by_stem(found: Vec<(u32, u32)>, stem_of: &[u32]) -> Vec<(u32, u32)> {
    let mut stems: Vec<(u32, u32)> = (found.into_iter())
        .map(|(word, weight)| (stem_of[word as usize], weight))
        .collect();
    stems.sort_unstable_by_key(|&(stem, _)| stem);
    let mut merged: Vec<(u32, u32)> = Vec::with_capacity(stems.len());
    for (stem, weight) in stems {
        match merged.last_mut() {
            Some(last) if last.0 == stem => last.1 += weight,
            _ => merged.push((stem, weight)),
        }
    }
    merged
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
        let index = Index::of(Language::English, &pages);
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
