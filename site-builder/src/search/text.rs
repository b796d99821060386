//! Words: how text is cut into words, folded and stemmed, the same way for the pages and
//! for a query. `search-engine.js` does exactly this in the browser; keep the two in step.
//!
//! - A word is a run of letters and digits (Unicode `Alphabetic` or `Numeric`), which may
//!   hold apostrophes (`'` and `’`): "don’t" is one word.
//! - Folding decomposes (NFD), drops the combining accents U+0300 to U+036F and the
//!   Arabic script's optional vowel marks U+064B to U+0652, composes again (NFC, so
//!   Urdu's letters, such as آ and ۓ, stay whole), lowercases and removes the
//!   apostrophes: "Café" and "cafe" are one word, "don’t" is "dont", Welsh "ŵyn" is
//!   "wyn".
//! - Words of one character, and a language's stop words, are not searched.
//! - Stemming is Snowball's English stemmer for English, so "stalked" and "stalking" meet
//!   at "stalk". rust-stemmers has no Welsh or Urdu, and the browser has only the English
//!   one, so every other language is folded but not stemmed: its words are found whole,
//!   by prefix as they are typed, or with one typo. Welsh initial mutations are not
//!   undone: "gorchymyn" (an order) does not find "ei orchymyn" or "fy ngorchymyn".

use std::ops::Range;
use std::sync::OnceLock;

use icu_normalizer::{ComposingNormalizerBorrowed, DecomposingNormalizerBorrowed};
use rust_stemmers::{Algorithm, Stemmer};

/// The rules an index is read by, for a language as `site.yaml` names it (`en-GB` is
/// English).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Language {
    English,
    Welsh,
    Urdu,
    /// Any other language: folded, with English's stop words (for the English pages it
    /// falls back on) and no stemmer.
    Other,
}

impl Language {
    /// The rules for a language code of `site.yaml`, by its primary subtag.
    pub fn of(code: &str) -> Language {
        let primary = code.split(['-', '_']).next().unwrap_or_default();
        match primary.to_ascii_lowercase().as_str() {
            "en" => Language::English,
            "cy" => Language::Welsh,
            "ur" => Language::Urdu,
            _ => Language::Other,
        }
    }

    /// The code written in the index, which the browser checks it can read.
    pub fn code(self) -> &'static str {
        match self {
            Language::English => "en",
            Language::Welsh => "cy",
            Language::Urdu => "ur",
            Language::Other => "und",
        }
    }

    /// The rules named by an index's code.
    pub fn from_code(code: &str) -> Option<Language> {
        [
            Language::English,
            Language::Welsh,
            Language::Urdu,
            Language::Other,
        ]
        .into_iter()
        .find(|l| l.code() == code)
    }

    /// Words too common to tell pages apart, after folding. They are not indexed, and a
    /// query leaves them out.
    pub fn stop_words(self) -> &'static [&'static str] {
        match self {
            Language::English => ENGLISH_STOP_WORDS,
            Language::Welsh => with_english(&WELSH, WELSH_STOP_WORDS, WELSH_SPELT_LIKE_ENGLISH),
            Language::Urdu => with_english(&URDU, URDU_STOP_WORDS, &[]),
            Language::Other => ENGLISH_STOP_WORDS,
        }
    }

    /// Snowball's stemmer for the language, where rust-stemmers and the browser both
    /// have one: English alone.
    pub fn stemmer(self) -> Option<Stemmer> {
        match self {
            Language::English => Some(Stemmer::create(Algorithm::English)),
            Language::Welsh | Language::Urdu | Language::Other => None,
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

static WELSH: OnceLock<Vec<&'static str>> = OnceLock::new();
static URDU: OnceLock<Vec<&'static str>> = OnceLock::new();

/// A language's own stop words and English's, sorted: another language's index also
/// holds the English pages it has no translation of, read by its rules, and English's
/// commonest words tell those pages apart no better than in the English index.
/// `kept` are the language's own words that English's list would hide.
fn with_english(
    list: &'static OnceLock<Vec<&'static str>>,
    own: &'static [&'static str],
    kept: &'static [&'static str],
) -> &'static [&'static str] {
    list.get_or_init(|| {
        let english = ENGLISH_STOP_WORDS.iter().filter(|w| !kept.contains(w));
        let mut words: Vec<&str> = own.iter().chain(english).copied().collect();
        words.sort_unstable();
        words.dedup();
        words
    })
}

/// Welsh words, folded, that English's stop words would hide: to (a roof), cân and can (a
/// song, a hundred), cant (a hundred), her (a challenge), is (lower, below).
const WELSH_SPELT_LIKE_ENGLISH: &[&str] = &["can", "cant", "her", "is", "to"];

/// Welsh words that join others (articles, particles, pronouns, short prepositions and
/// forms of "bod"), folded and sorted. Kept short: a word a visitor might mean stays.
const WELSH_STOP_WORDS: &[&str] = &[
    "ac", "ag", "am", "ar", "at", "bod", "dy", "ei", "eich", "ein", "eu", "fy", "gan", "hi", "hwn",
    "hyn", "mae", "na", "nad", "neu", "ni", "nid", "oedd", "oes", "ond", "os", "sy", "sydd",
    "wedi", "yn", "yr", "yw",
];

/// Urdu's postpositions, conjunctions and forms of "to be", sorted by code point.
const URDU_STOP_WORDS: &[&str] = &[
    "اور", "تھا", "تھی", "تھے", "سے", "پر", "کا", "کو", "کہ", "کی", "کے", "ہو", "ہوں", "ہیں", "ہے",
    "یا", "یہ",
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

/// Folds one word: without accents or Arabic vowel marks, composed, lowercase, without
/// apostrophes.
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
    let bare = DecomposingNormalizerBorrowed::new_nfd()
        .normalize_iter(word.chars())
        .filter(|c| !is_dropped_mark(*c));
    let composed: String = ComposingNormalizerBorrowed::new_nfc()
        .normalize_iter(bare)
        .collect();
    // Lowercased as a whole, like JavaScript's toLowerCase (a final sigma differs).
    folded.extend(
        composed
            .to_lowercase()
            .chars()
            .filter(|&c| !is_apostrophe(c)),
    );
}

/// Marks folding drops: Latin accents, and the Arabic script's short vowels, tanwin,
/// shadda and sukun, which Urdu mostly leaves unwritten. The hamza and madda that make
/// letters (ۓ, آ) stay.
fn is_dropped_mark(c: char) -> bool {
    ('\u{300}'..='\u{36f}').contains(&c) || ('\u{64b}'..='\u{652}').contains(&c)
}

/// What a language needs to read words: its stop words and its stemmer.
pub struct Reader {
    stop_words: &'static [&'static str],
    /// The longest stop word's length in bytes: longer words need no look-up.
    longest_stop_word: usize,
    stemmer: Option<Stemmer>,
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

    /// The word's stem; a language with no stemmer keeps the word whole.
    pub fn stem(&self, folded: &str) -> String {
        match &self.stemmer {
            Some(stemmer) => stemmer.stem(folded).into_owned(),
            None => folded.to_string(),
        }
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
    fn welsh_accents_fold_and_urdu_letters_stay_whole() {
        assert_eq!(
            folded("Gwâr DYNÊS prîs côr tŷ ŵyr Ŷd"),
            ["gwar", "dynes", "pris", "cor", "ty", "wyr", "yd"]
        );
        // آ (alef with madda) and ۓ (yeh barree with hamza) are one letter each after
        // folding; the optional vowel marks (zabar, zer, shadda) go.
        assert_eq!(fold("آپ"), "آپ");
        assert_eq!(fold("آپ").chars().count(), 2);
        assert_eq!(fold("گئے"), "گئے");
        assert_eq!(fold("ہوۓ"), "ہوۓ");
        assert_eq!(fold("مَدَد"), "مدد");
        assert_eq!(fold("اِطّلاع"), "اطلاع");
    }

    #[test]
    fn languages_without_a_stemmer_keep_words_whole() {
        assert_eq!(Language::of("en-GB"), Language::English);
        assert_eq!(Language::of("cy"), Language::Welsh);
        assert_eq!(Language::of("ur-PK"), Language::Urdu);
        assert_eq!(Language::of("fr"), Language::Other);
        let welsh = Reader::new(Language::Welsh);
        assert_eq!(welsh.stem("gorchmynion"), "gorchmynion");
        assert!(!welsh.counts("yr") && !welsh.counts("mae") && welsh.counts("heddlu"));
        let urdu = Reader::new(Language::Urdu);
        assert!(!urdu.counts("کے") && urdu.counts("پولیس"));
        for list in [WELSH_STOP_WORDS, URDU_STOP_WORDS] {
            assert!(list.windows(2).all(|w| w[0] < w[1]), "sorted");
            assert!(list.iter().all(|w| fold(w) == *w), "folded");
        }
        // Their indexes hold English fallback pages, whose common words go too.
        let welsh_words = Language::Welsh.stop_words();
        assert!(welsh_words.windows(2).all(|w| w[0] < w[1]), "sorted");
        assert!(!welsh.counts("the") && !urdu.counts("the") && !urdu.counts("کی"));
        // But not the Welsh words spelt as English stop words are.
        let english = Reader::new(Language::English);
        for word in ["to", "can", "cant", "her"] {
            assert!(welsh.counts(word) && !english.counts(word), "{word}");
        }
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
