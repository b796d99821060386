//! Reading a query: its words, and for each the site's stems it stands for. A word
//! matches its own stem; the last word, while the visitor is still typing it, also every
//! word of the site that starts with it; and a word of 5 or more letters that matches
//! nothing else, the words of the site one typo away (a letter added, left out, changed,
//! or two letters swapped).

use std::collections::BTreeMap;

use serde::Serialize;

use super::text::words;
use super::Searcher;

/// How much a match counts, against a word's own stem.
pub const EXACT: f64 = 1.0;
pub const PREFIX: f64 = 0.5;
pub const TYPO: f64 = 0.5;

/// Words shorter than this are not corrected.
pub const TYPO_MIN_CHARS: usize = 5;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum How {
    Exact,
    Prefix,
    Typo,
}

impl How {
    pub fn weight(self) -> f64 {
        match self {
            How::Exact => EXACT,
            How::Prefix => PREFIX,
            How::Typo => TYPO,
        }
    }
}

/// One word of the query, as it was read.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct QueryWord {
    /// Folded.
    pub word: String,
    pub stem: String,
    /// Whether it was read as the start of a word, being typed.
    pub prefix: bool,
    /// The terms (by number, in order) it stands for, each with how it matched.
    #[serde(skip)]
    pub matches: Vec<(usize, How)>,
}

impl Searcher<'_> {
    /// The words of `query` that are searched, each once, with what they match. The last
    /// word is read as a prefix unless the query ends after it (with a space, say).
    pub fn read(&self, query: &str) -> Vec<QueryWord> {
        let all = words(query);
        let typing = all.last().is_some_and(|w| w.at.end == query.len());
        let mut read: Vec<QueryWord> = Vec::new();
        for (i, word) in all.iter().enumerate() {
            let prefix = typing && i + 1 == all.len();
            let folded = &word.folded;
            if !self.reader.counts(folded) || read.iter().any(|r| &r.word == folded) {
                continue;
            }
            let stem = self.reader.stem(folded);
            let matches = self.matches(folded, &stem, prefix);
            read.push(QueryWord {
                word: folded.clone(),
                stem,
                prefix,
                matches,
            });
        }
        read
    }

    fn matches(&self, word: &str, stem: &str, prefix: bool) -> Vec<(usize, How)> {
        let mut found: BTreeMap<usize, How> = BTreeMap::new();
        if let Some(&term) = self.stems.get(stem) {
            found.insert(term, How::Exact);
        }
        if prefix {
            let start = self.forms.partition_point(|(form, _)| *form < word);
            for &(form, term) in &self.forms[start..] {
                if !form.starts_with(word) {
                    break;
                }
                found.entry(term).or_insert(How::Prefix);
            }
        }
        let chars: Vec<char> = word.chars().collect();
        if found.is_empty() && chars.len() >= TYPO_MIN_CHARS {
            let mut other = Vec::new();
            for &(form, term) in &self.forms {
                other.clear();
                other.extend(form.chars());
                if one_typo(&chars, &other) {
                    found.entry(term).or_insert(How::Typo);
                }
            }
        }
        found.into_iter().collect()
    }
}

/// Whether `a` and `b` differ by exactly one letter added, left out or changed, or by two
/// neighbouring letters swapped.
pub fn one_typo(a: &[char], b: &[char]) -> bool {
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    if long.len() - short.len() > 1 {
        return false;
    }
    let start = short.iter().zip(long).take_while(|(x, y)| x == y).count();
    if start == long.len() {
        return false;
    }
    if short.len() < long.len() {
        return short[start..] == long[start + 1..];
    }
    let changed = short[start + 1..] == long[start + 1..];
    let swapped = start + 1 < short.len()
        && short[start] == long[start + 1]
        && short[start + 1] == long[start]
        && short[start + 2..] == long[start + 2..];
    changed || swapped
}

#[cfg(test)]
mod tests {
    use super::one_typo;

    fn typo(a: &str, b: &str) -> bool {
        let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
        one_typo(&a, &b)
    }

    #[test]
    fn one_typo_is_one_letter_or_one_swap() {
        assert!(typo("protextion", "protection"), "changed");
        assert!(typo("stalkng", "stalking"), "left out");
        assert!(typo("stallking", "stalking"), "added");
        assert!(
            typo("harasment", "harassment"),
            "left out in a double letter"
        );
        assert!(typo("stlaking", "stalking"), "swapped");
        assert!(typo("stalkign", "stalking"), "swapped at the end");
        assert!(!typo("stalking", "stalking"), "the same word is no typo");
        assert!(!typo("stalker", "stalking"), "two apart");
        assert!(!typo("tracker", "trackers2"), "two added");
        assert!(!typo("abcd", "badc"), "two swaps");
        assert!(typo("café", "cafe"));
    }
}
