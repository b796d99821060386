//! Words: how text is cut into words, folded and stemmed, the same way for the pages and
//! for a query. `search-engine.js` does exactly this in the browser; keep the two in step.
//!
//! - A word is a run of letters and digits (Unicode `Alphabetic` or `Numeric`), which may
//!   hold apostrophes (`'` and `’`): "don’t" is one word.
//! - Folding decomposes (NFD), drops the combining accents U+0300 to U+036F, lowercases
//!   and removes the apostrophes: "Café" and "cafe" are one word, "don’t" is "dont".
//! - Words of one character, and stop words, are not searched.
//! - Stemming is Snowball's English stemmer, so "stalked" and "stalking" meet at "stalk".

use std::ops::Range;

use icu_normalizer::DecomposingNormalizerBorrowed;
use rust_stemmers::{Algorithm, Stemmer};

/// The language of the index, as `site.yaml` names it (`en-GB` is English).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Language {
    English,
}

impl Language {
    /// The language for a site's `language`; every language is English until others come.
    pub fn of(_code: &str) -> Language {
        Language::English
    }

    /// The code written in the index, which the browser checks it can read.
    pub fn code(self) -> &'static str {
        match self {
            Language::English => "en",
        }
    }

    /// Words too common to tell pages apart, after folding. They are not indexed, and a
    /// query leaves them out.
    pub fn stop_words(self) -> &'static [&'static str] {
        match self {
            Language::English => ENGLISH_STOP_WORDS,
        }
    }

    pub fn stemmer(self) -> Stemmer {
        match self {
            Language::English => Stemmer::create(Algorithm::English),
        }
    }
}

/// Sorted, so they can be searched by halving.
const ENGLISH_STOP_WORDS: &[&str] = &[
    "about", "after", "again", "all", "am", "an", "and", "any", "are", "arent", "as", "at", "be",
    "been", "before", "being", "both", "but", "by", "can", "cant", "could", "did", "didnt", "do",
    "does", "doesnt", "doing", "dont", "for", "from", "had", "has", "have", "having", "he", "her",
    "here", "hers", "him", "his", "how", "if", "im", "in", "into", "is", "isnt", "it", "its",
    "ive", "me", "more", "most", "my", "no", "nor", "not", "of", "off", "on", "once", "or",
    "other", "our", "ours", "out", "over", "own", "same", "she", "should", "so", "some", "such",
    "than", "that", "the", "their", "them", "then", "there", "these", "they", "theyre", "this",
    "those", "to", "too", "up", "us", "very", "was", "we", "were", "what", "when", "where",
    "which", "while", "who", "why", "will", "with", "wont", "would", "you", "your", "youre",
    "yours", "youve",
];

/// A word of a text: where it is, and its folded form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Word {
    pub at: Range<usize>,
    pub folded: String,
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || is_apostrophe(c)
}

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '\u{2019}'
}

/// The words of `text`, in order, with their byte ranges; empty ones (a lone apostrophe)
/// are left out, but short ones and stop words are kept, for marking excerpts.
pub fn words(text: &str) -> Vec<Word> {
    let mut words = Vec::new();
    each_word(text, |at, folded| {
        words.push(Word {
            at,
            folded: folded.to_string(),
        })
    });
    words
}

/// Calls `found` with each word of `text`, as [`words`] lists them, folding into one
/// buffer: pages are read this way, without a string for every word.
pub fn each_word(text: &str, mut found: impl FnMut(Range<usize>, &str)) {
    let mut folded = String::new();
    let mut start = None;
    for (i, c) in text.char_indices().chain([(text.len(), ' ')]) {
        match (is_word_char(c) && i < text.len(), start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                fold_into(&text[s..i], &mut folded);
                if !folded.is_empty() {
                    found(s..i, &folded);
                }
                start = None;
            }
            _ => {}
        }
    }
}

/// Folds one word: decomposed, without accents, lowercase, without apostrophes.
pub fn fold(word: &str) -> String {
    let mut folded = String::new();
    fold_into(word, &mut folded);
    folded
}

fn fold_into(word: &str, folded: &mut String) {
    folded.clear();
    if word.is_ascii() {
        folded.extend(
            (word.chars())
                .filter(|&c| c != '\'')
                .map(|c| c.to_ascii_lowercase()),
        );
        return;
    }
    let decomposed: String = DecomposingNormalizerBorrowed::new_nfd()
        .normalize_iter(word.chars())
        .filter(|c| !('\u{300}'..='\u{36f}').contains(c))
        .collect();
    // Lowercased as a whole, like JavaScript's toLowerCase (a final sigma differs).
    folded.extend(
        decomposed
            .to_lowercase()
            .chars()
            .filter(|&c| !is_apostrophe(c)),
    );
}

/// What a language needs to read words: its stop words and its stemmer.
pub struct Reader {
    stop_words: &'static [&'static str],
    /// The longest stop word's length in bytes: longer words need no look-up.
    longest_stop_word: usize,
    stemmer: Stemmer,
}

impl Reader {
    pub fn new(language: Language) -> Reader {
        let stop_words = language.stop_words();
        Reader {
            stop_words,
            longest_stop_word: stop_words.iter().map(|w| w.len()).max().unwrap_or(0),
            stemmer: language.stemmer(),
        }
    }

    /// Whether a folded word is searched: two characters or more, and not a stop word.
    pub fn counts(&self, folded: &str) -> bool {
        folded.chars().nth(1).is_some()
            && (folded.len() > self.longest_stop_word
                || self.stop_words.binary_search(&folded).is_err())
    }

    pub fn stem(&self, folded: &str) -> String {
        self.stemmer.stem(folded).into_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn folded(text: &str) -> Vec<String> {
        words(text).into_iter().map(|w| w.folded).collect()
    }

    #[test]
    fn words_are_letters_and_digits_folded() {
        assert_eq!(
            folded("Call 999 — don’t wait! Café, NAÏVE; ex-partner's"),
            ["call", "999", "dont", "wait", "cafe", "naive", "ex", "partners"]
        );
        assert_eq!(folded("Ŵyn ŷ Gymraeg"), ["wyn", "y", "gymraeg"]);
        assert_eq!(folded("' ’ -- ..."), Vec::<String>::new());
    }

    #[test]
    fn words_keep_their_place_in_the_text() {
        let text = "A tracker, on “the car”";
        let places: Vec<&str> = words(text).iter().map(|w| &text[w.at.clone()]).collect();
        assert_eq!(places, ["A", "tracker", "on", "the", "car"]);
    }

    #[test]
    fn stop_words_and_single_characters_are_not_searched() {
        let reader = Reader::new(Language::English);
        assert!(ENGLISH_STOP_WORDS.windows(2).all(|w| w[0] < w[1]), "sorted");
        assert!(!reader.counts("the") && !reader.counts("dont") && !reader.counts("x"));
        assert!(reader.counts("tracker") && reader.counts("99"));
    }

    #[test]
    fn stems_meet_across_endings() {
        let reader = Reader::new(Language::English);
        let stems: Vec<String> = ["stalked", "stalking", "stalks", "protection", "protective"]
            .iter()
            .map(|w| reader.stem(w))
            .collect();
        assert_eq!(stems, ["stalk", "stalk", "stalk", "protect", "protect"]);
        assert_eq!(reader.stem("trackers"), reader.stem("tracker"));
        assert_eq!(reader.stem("harassment"), reader.stem("harass"));
    }
}
