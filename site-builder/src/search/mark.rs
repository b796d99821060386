//! Marking the words of a result that the query matched, for `<mark>`.

use serde::ser::{Serialize, SerializeTuple, Serializer};

use super::text::words;
use super::Searcher;

/// A run of a result's text: marked when it is a word the query matched.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Segment {
    pub text: String,
    pub marked: bool,
}

/// As `["text", true]`, the form the browser's engine gives too.
impl Serialize for Segment {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut pair = serializer.serialize_tuple(2)?;
        pair.serialize_element(&self.text)?;
        pair.serialize_element(&self.marked)?;
        pair.end()
    }
}

impl Searcher<'_> {
    /// `text` cut into segments, the words whose term is one of `terms` marked.
    pub fn mark(&self, text: &str, terms: &[usize]) -> Vec<Segment> {
        let mut segments = Vec::new();
        let mut from = 0;
        for word in words(text) {
            let matched = self.reader.counts(&word.folded)
                && (self.form_terms.get(word.folded.as_str())).is_some_and(|t| terms.contains(t));
            if matched {
                if word.at.start > from {
                    segments.push(Segment {
                        text: text[from..word.at.start].to_string(),
                        marked: false,
                    });
                }
                segments.push(Segment {
                    text: text[word.at.clone()].to_string(),
                    marked: true,
                });
                from = word.at.end;
            }
        }
        if from < text.len() {
            segments.push(Segment {
                text: text[from..].to_string(),
                marked: false,
            });
        }
        segments
    }
}

/// Segments as text, with the marked words in `[` `]`, for the command line.
pub fn bracketed(segments: &[Segment]) -> String {
    let mut out = String::new();
    for segment in segments {
        match segment.marked {
            true => out.push_str(&format!("[{}]", segment.text)),
            false => out.push_str(&segment.text),
        }
    }
    out
}
