//! The checks a language's text file must pass against the definition: no text for an id
//! the definition lacks, a text for every id it has, and the facts of each English text
//! (numbers, help-line placeholders, link targets) kept.

use std::collections::BTreeSet;

use super::super::wording::{Own, Placed, Wording};
use super::Texts;
use crate::diagnostic::{closest, Diagnostic};

impl Texts {
    fn problem(&self, key_path: &str, message: String) -> Diagnostic {
        let place = self.positions.nearest(key_path);
        Diagnostic::new(&self.path, place.line, place.col, message)
    }

    /// A problem at the key `key` whose value is at `key_path`, when the key is written on
    /// the value's line (as `key: text`), else at the value.
    fn key_problem(&self, key_path: &str, key: &str, message: String) -> Diagnostic {
        let place = self.positions.nearest(key_path);
        let line = self.lines.get(place.line - 1).map_or("", String::as_str);
        let col = [format!("{key}:"), format!("\"{key}\":")]
            .iter()
            .find_map(|written| line.find(written.as_str()))
            .map_or(place.col, |at| line[..at].chars().count() + 1);
        Diagnostic::new(&self.path, place.line, col, message)
    }

    /// Texts keyed by an id the definition does not have.
    pub(super) fn unknown_ids(&self) -> Vec<Diagnostic> {
        let mut problems = Vec::new();
        let mut unknown = |group: &str, key: &str, known: Vec<&str>| {
            if known.contains(&key) {
                return;
            }
            let problem = self.key_problem(
                &format!("{group}.{key}"),
                key,
                format!(
                    "the definition has no {} `{key}`",
                    group.trim_end_matches('s')
                ),
            );
            problems.push(match closest(key, known.iter().copied()) {
                Some(best) => problem.with_help(format!(
                    "did you mean `{best}`? Texts are keyed by the ids in the definition"
                )),
                None => problem.with_help("remove it, or use an id from the definition"),
            });
        };
        let questions: Vec<&str> = self.ids.questions.iter().map(|(q, _)| q.as_str()).collect();
        for (id, question) in &self.file.questions {
            unknown("questions", id, questions.clone());
            if let Some((_, options)) = self.ids.questions.iter().find(|(q, _)| q == id) {
                for option in question.options.keys() {
                    unknown(
                        &format!("questions.{id}.options"),
                        option,
                        options.iter().map(String::as_str).collect(),
                    );
                }
            }
        }
        for id in self.file.outcomes.keys() {
            unknown(
                "outcomes",
                id,
                self.ids.outcomes.iter().map(String::as_str).collect(),
            );
        }
        for id in self.file.reasons.keys() {
            unknown(
                "reasons",
                id,
                self.ids.reasons.iter().map(String::as_str).collect(),
            );
        }
        problems
    }

    /// Every id the definition has, and every hint and shared text it has, must have its
    /// text here; and none that it does not have.
    pub(super) fn missing(&self, english: &Own<'_>) -> Vec<Diagnostic> {
        let mut problems = Vec::new();
        let mut need =
            |has_english: bool, has_own: bool, at: &str, what: String| match (has_english, has_own)
            {
                (true, false) => problems.push(
                    self.problem(at, format!("there is no text for {what}"))
                        .with_help(
                        "write it in this language: every part of the self-check needs its words",
                    ),
                ),
                (false, true) => problems.push(
                    self.problem(
                        at,
                        format!("{what} has no text in the definition, so it cannot have one here"),
                    )
                    .with_help("remove it: a translation says what the definition says, no more"),
                ),
                _ => {}
            };
        need(
            english.file.opening.is_some(),
            self.file.opening.is_some(),
            "opening",
            "the `opening`".into(),
        );
        need(
            english.file.closing.is_some(),
            self.file.closing.is_some(),
            "closing",
            "the `closing`".into(),
        );
        for (q, (id, options)) in self.ids.questions.iter().enumerate() {
            let Some(own) = self.file.questions.get(id) else {
                need(true, false, "questions", format!("the question `{id}`"));
                continue;
            };
            let at = format!("questions.{id}");
            need(
                english.hint(q).is_some(),
                own.hint.is_some(),
                &at,
                format!("the hint of `{id}`"),
            );
            for (o, option) in options.iter().enumerate() {
                let at = format!("questions.{id}.options");
                match own.options.get(option) {
                    None => need(true, false, &at, format!("the option `{option}` of `{id}`")),
                    Some(text) => need(
                        english.option_hint(q, o).is_some(),
                        text.hint().is_some(),
                        &format!("{at}.{option}"),
                        format!("the hint of the option `{option}`"),
                    ),
                }
            }
        }
        for id in &self.ids.outcomes {
            need(
                true,
                self.file.outcomes.contains_key(id),
                "outcomes",
                format!("the outcome `{id}`"),
            );
        }
        for id in &self.ids.reasons {
            need(
                true,
                self.file.reasons.contains_key(id),
                "reasons",
                format!("the reason `{id}`"),
            );
        }
        problems
    }

    /// Each text keeps its English's numbers, `{{ support... }}` placeholders and `@/`
    /// links: the facts of the advice are the same in every language.
    pub(super) fn kept_facts(&self, english: &Own<'_>) -> Vec<Diagnostic> {
        let mut problems = Vec::new();
        let pairs = pairs(english).into_iter().zip(pairs(self));
        for ((english, _), (own, at)) in pairs {
            let (want, have) = (facts(english), facts(own));
            let lost: Vec<&String> = want.difference(&have).collect();
            let added: Vec<&String> = have.difference(&want).collect();
            if lost.is_empty() && added.is_empty() {
                continue;
            }
            let list = |items: &[&String]| {
                items
                    .iter()
                    .map(|i| format!("`{i}`"))
                    .collect::<Vec<_>>()
                    .join(", ")
            };
            let message = match (lost.is_empty(), added.is_empty()) {
                (false, true) => format!(
                    "this text leaves out {}, which the definition's text has",
                    list(&lost)
                ),
                (true, false) => format!(
                    "this text has {}, which the definition's text does not",
                    list(&added)
                ),
                _ => format!(
                    "this text has {} where the definition's text has {}",
                    list(&added),
                    list(&lost)
                ),
            };
            problems.push(self.problem(&at, message).with_help("keep every number, `{{ support.KEY.FIELD }}` and `@/` link of the definition's text, so the advice is the same in every language"));
        }
        problems
    }
}

/// Every text of a wording, in one order, with where it is written.
fn pairs<'a>(wording: &'a dyn Wording) -> Vec<Placed<'a>> {
    let mut all: Vec<Placed<'a>> = Vec::new();
    all.extend(wording.opening());
    all.extend(wording.closing());
    let (questions, outcomes, reasons) = wording.counts();
    for (q, options) in questions.iter().enumerate() {
        all.push(wording.prompt(q));
        all.extend(wording.hint(q));
        for o in 0..*options {
            all.push(wording.label(q, o));
            all.extend(wording.option_hint(q, o));
        }
    }
    for o in 0..outcomes {
        all.push(wording.title(o));
        all.push(wording.body(o));
    }
    all.extend((0..reasons).map(|r| wording.reason(r)));
    all
}

/// The facts a text must keep: its help-line placeholders, the targets of its links, and
/// its runs of digits outside them.
fn facts(text: &str) -> BTreeSet<String> {
    let mut found = BTreeSet::new();
    let mut plain = String::with_capacity(text.len());
    let mut rest = text;
    while !rest.is_empty() {
        let placeholder = rest.find("{{");
        let link = rest.find("](");
        let (at, open, close) = match (placeholder, link) {
            (Some(p), Some(l)) if l < p => (l, "](", ")"),
            (Some(p), _) => (p, "{{", "}}"),
            (None, Some(l)) => (l, "](", ")"),
            (None, None) => break,
        };
        plain.push_str(&rest[..at]);
        let inside = &rest[at + open.len()..];
        let end = inside.find(close).unwrap_or(inside.len());
        let item: String = inside[..end]
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        found.insert(if open == "{{" {
            format!("{{{{ {item} }}}}")
        } else {
            item
        });
        plain.push(' ');
        rest = inside.get(end + close.len()..).unwrap_or_default();
    }
    plain.push_str(rest);
    for run in plain
        .split(|c: char| !c.is_ascii_digit())
        .filter(|r| !r.is_empty())
    {
        found.insert(run.to_string());
    }
    found
}
