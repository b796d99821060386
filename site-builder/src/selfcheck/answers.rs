//! An answer set given as JSON on the command line (`selfcheck --answers`), read strictly:
//! `{"danger": "no", "behaviours": ["following", "contact"]}`.
//!
//! The text can be long and come from anywhere, so problems quote at most a short,
//! escaped excerpt of it, never the whole.

use std::fmt;

use serde::de::{Deserializer, MapAccess, Visitor};
use serde_json::Value;

use selfcheck_engine::{Answers, Definition, Error as EngineError, Kind, Question};

use crate::diagnostic::{closest, Diagnostic};

/// Where problems with the answers are reported: they are an argument, not a file.
const SHOWN_AS: &str = "--answers";

/// Reads the answers for `definition`. Every question is answered at most once; a
/// one-answer question takes an option id, a many-answer one a list of them (or one id).
pub fn read_answers<'d>(definition: &'d Definition, text: &str) -> Result<Answers<'d>, Diagnostic> {
    let entries = parse(text)?;
    let mut answers = Answers::new(definition);
    let mut seen: Vec<&str> = Vec::new();
    for (question, value) in &entries {
        if seen.contains(&question.as_str()) {
            let message = format!("question {} is answered twice", quoted(question));
            return Err(problem(message).with_help("give each question one answer"));
        }
        seen.push(question);
        let Some(index) = definition.question_index(question) else {
            let message = format!("unknown question {}", quoted(question));
            let ids = definition.questions().iter().map(|q| q.id.as_str());
            return Err(helped(problem(message), suggestion(question, ids)));
        };
        let asked = &definition.questions()[index];
        let options = options(asked, value)?;
        answers
            .set(question, &options)
            .map_err(|error| option_problem(asked, &error))?;
    }
    Ok(answers)
}

/// The top-level object's entries, in order and with any repeated key kept, so that a
/// question answered twice is reported rather than silently taking the last answer.
fn parse(text: &str) -> Result<Vec<(String, Value)>, Diagnostic> {
    let mut deserializer = serde_json::Deserializer::from_str(text);
    let entries = (deserializer.deserialize_any(EntriesVisitor))
        .and_then(|entries| deserializer.end().map(|()| entries));
    entries.map_err(|error| {
        let example = "for example --answers '{\"danger\": \"no\"}'";
        if error.is_data() {
            // A value other than an object; serde's message would quote all of it.
            let message = "the answers must be a JSON object of question ids to answers";
            return problem(message).with_help(example);
        }
        let message = error.to_string();
        let message = message.split(" at line ").next().unwrap_or_default();
        let place = Diagnostic::new(SHOWN_AS, error.line(), error.column(), message);
        place.with_help(example)
    })
}

struct EntriesVisitor;

impl<'de> Visitor<'de> for EntriesVisitor {
    type Value = Vec<(String, Value)>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON object")
    }

    fn visit_map<M: MapAccess<'de>>(self, mut map: M) -> Result<Self::Value, M::Error> {
        let mut entries = Vec::new();
        while let Some(entry) = map.next_entry()? {
            entries.push(entry);
        }
        Ok(entries)
    }
}

/// The option ids an answer names, checked against the question's kind.
fn options<'v>(question: &Question, value: &'v Value) -> Result<Vec<&'v str>, Diagnostic> {
    let id = quoted(&question.id);
    let example = question
        .options
        .first()
        .map_or("an-option", |o| o.id.as_str());
    match (question.kind, value) {
        (_, Value::String(one)) => Ok(vec![one.as_str()]),
        (Kind::One, Value::Array(items)) => {
            let first = items.first().and_then(Value::as_str).unwrap_or(example);
            let message = format!(
                "{id} takes one answer: write {}, not [{}]",
                quoted_json(first),
                quoted_json(first)
            );
            Err(problem(message))
        }
        (Kind::Many, Value::Array(items)) => (items.iter().enumerate())
            .map(|(i, item)| {
                item.as_str().ok_or_else(|| {
                    let message = format!(
                        "the answer to {id} lists {}, which is not an option id (item {})",
                        excerpt(&item.to_string()),
                        i + 1
                    );
                    problem(message).with_help("write option ids as strings in quotes")
                })
            })
            .collect(),
        (kind, other) => {
            let wanted = match kind {
                Kind::One => format!("an option id, such as {}", quoted_json(example)),
                Kind::Many => format!("a list of option ids, such as [{}]", quoted_json(example)),
            };
            let message = format!(
                "the answer to {id} must be {wanted}, not {}",
                excerpt(&other.to_string())
            );
            Err(problem(message))
        }
    }
}

/// The engine's refusal of an option, with the id shown safely and a likely fix.
fn option_problem(question: &Question, error: &EngineError) -> Diagnostic {
    match error {
        EngineError::UnknownOption { option, .. } => {
            let message = format!(
                "unknown option {} for question {}",
                quoted(option),
                quoted(&question.id)
            );
            let ids = question.options.iter().map(|o| o.id.as_str());
            helped(problem(message), suggestion(option, ids))
        }
        other => problem(excerpt(&other.to_string())),
    }
}

fn problem(message: impl Into<String>) -> Diagnostic {
    Diagnostic::file(SHOWN_AS, message)
}

fn suggestion<'a>(typed: &str, ids: impl Iterator<Item = &'a str>) -> Option<String> {
    closest(typed, ids).map(|id| format!("did you mean `{id}`?"))
}

/// An id from the answers between backticks, as an excerpt.
fn quoted(id: &str) -> String {
    format!("`{}`", excerpt(id))
}

/// An id as a JSON string, as an excerpt.
fn quoted_json(id: &str) -> String {
    format!("\"{}\"", excerpt(id))
}

/// At most 40 characters of `text`, with control characters (a NUL, a newline) escaped so
/// that nothing printed can move the terminal's cursor or hide in a log.
fn excerpt(text: &str) -> String {
    const LONGEST: usize = 40;
    let mut out = String::new();
    for (count, c) in text.chars().enumerate() {
        if count == LONGEST {
            out.push('…');
            break;
        }
        if c.is_control() {
            out.extend(c.escape_debug());
        } else {
            out.push(c);
        }
    }
    out
}

fn helped(diagnostic: Diagnostic, help: Option<String>) -> Diagnostic {
    match help {
        Some(help) => diagnostic.with_help(help),
        None => diagnostic,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn excerpts_are_short_and_escape_control_characters() {
        assert_eq!(excerpt("dan\0ger\n"), "dan\\0ger\\n");
        assert_eq!(excerpt(&"x".repeat(100)), format!("{}…", "x".repeat(40)));
        assert_eq!(excerpt("é"), "é");
    }
}
