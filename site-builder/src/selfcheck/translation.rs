//! The self-check in another language: `questions.cy.yaml` beside `questions.yaml`,
//! holding only words, keyed by the definition's ids. The logic (ids, `show_if`, `when`,
//! examples) is written once, in the definition, so every proof the build makes of it
//! holds for every language: a text file that holds logic is refused at the line.
//!
//! Every id must have its text; a text for no id is a mistake; and each text must keep
//! the numbers, help-line placeholders and links of the default language's, so that a
//! translation cannot change a phone number or the page it sends a visitor to.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use serde::Deserialize;

use super::file::DefinitionFile;
use super::wording::{Own, Placed, Wording};
use crate::config::Language;
use crate::diagnostic::{closest, Diagnostic};
use crate::yaml::{self, Origin, Positions};

/// `questions.cy.yaml`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TextFile {
    #[serde(default)]
    pub opening: Option<String>,
    #[serde(default)]
    pub closing: Option<String>,
    #[serde(default)]
    pub questions: BTreeMap<String, QuestionText>,
    #[serde(default)]
    pub outcomes: BTreeMap<String, OutcomeText>,
    #[serde(default)]
    pub reasons: BTreeMap<String, String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct QuestionText {
    pub prompt: String,
    #[serde(default)]
    pub hint: Option<String>,
    #[serde(default)]
    pub options: BTreeMap<String, OptionText>,
}

/// An option's label, or its label and hint.
#[derive(Debug, Clone, Deserialize)]
#[serde(untagged)]
pub enum OptionText {
    Label(String),
    Full(FullOption),
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FullOption {
    pub label: String,
    #[serde(default)]
    pub hint: Option<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OutcomeText {
    pub title: String,
    pub body: String,
}

impl OptionText {
    fn label(&self) -> &str {
        match self {
            OptionText::Label(label) | OptionText::Full(FullOption { label, .. }) => label,
        }
    }

    fn hint(&self) -> Option<&str> {
        match self {
            OptionText::Label(_) => None,
            OptionText::Full(full) => full.hint.as_deref(),
        }
    }
}

/// A language's words for the self-check, read and checked against the definition.
#[derive(Clone)]
pub struct Texts {
    /// The language, by index in the site's languages.
    pub lang: usize,
    pub file: TextFile,
    pub path: PathBuf,
    pub positions: Positions,
    /// The definition's ids, in order, to find each text by index.
    ids: Ids,
    /// The file's lines, to place a key written on its value's line.
    lines: Vec<String>,
}

/// The definition's ids: questions with their options, outcomes and reasons.
#[derive(Clone)]
struct Ids {
    questions: Vec<(String, Vec<String>)>,
    outcomes: Vec<String>,
    reasons: Vec<String>,
}

/// Keys that are logic, by where they sit: they belong in the definition only.
const QUESTION_LOGIC: [&str; 3] = ["id", "type", "show_if"];
const OPTION_LOGIC: [&str; 2] = ["id", "exclusive"];
const OUTCOME_LOGIC: [&str; 4] = ["id", "when", "urgent", "opening"];

/// Reads the text file for `language` beside the definition at `definition_path`, if
/// there is one; `shown` is the definition as problems name it.
pub fn read(
    content_dir: &Path,
    relative: &Path,
    (lang, language): (usize, &Language),
    english: &Own<'_>,
) -> Option<Result<Texts, Vec<Diagnostic>>> {
    let name = format!(
        "{}.{}.yaml",
        relative.file_stem()?.to_string_lossy(),
        language.code
    );
    let file = content_dir.join(relative.with_file_name(&name));
    let text = std::fs::read_to_string(&file).ok()?;
    let shown = Path::new("content").join(relative.with_file_name(&name));
    Some(parse(&text, shown, lang, english))
}

fn parse(
    text: &str,
    path: PathBuf,
    lang: usize,
    english: &Own<'_>,
) -> Result<Texts, Vec<Diagnostic>> {
    let positions = Positions::of(text, Origin::FILE);
    let logic = logic_keys(text, &positions, &path);
    if !logic.is_empty() {
        return Err(logic);
    }
    let file: TextFile = yaml::parse(text, &path, Origin::FILE).map_err(|d| vec![d])?;
    let ids = ids(english.file);
    let lines = text.lines().map(str::to_string).collect();
    let texts = Texts {
        lang,
        file,
        path,
        positions,
        ids,
        lines,
    };
    let mut problems = texts.unknown_ids();
    problems.extend(texts.missing(english));
    if problems.is_empty() {
        problems.extend(texts.kept_facts(english));
    }
    if problems.is_empty() {
        Ok(texts)
    } else {
        Err(problems)
    }
}

fn ids(file: &DefinitionFile) -> Ids {
    Ids {
        questions: (file.questions.iter())
            .map(|q| {
                (
                    q.id.clone(),
                    q.options.iter().map(|o| o.id.clone()).collect(),
                )
            })
            .collect(),
        outcomes: file.outcomes.iter().map(|o| o.id.clone()).collect(),
        reasons: file.reasons.iter().map(|r| r.id.clone()).collect(),
    }
}

/// Every key of the file that is logic, at its line.
fn logic_keys(text: &str, positions: &Positions, path: &Path) -> Vec<Diagnostic> {
    let lines: Vec<&str> = text.lines().collect();
    let mut found: Vec<(String, crate::yaml::Place)> = positions
        .paths()
        .filter(|(key, _)| is_logic(key))
        .map(|(key, place)| (key.to_string(), place))
        .collect();
    found.sort_by_key(|(_, place)| (place.line, place.col));
    (found.into_iter())
        .map(|(key, place)| {
            let name = key.rsplit('.').next().unwrap_or(&key);
            // The key's own place on the line of its value, when it is written there.
            let line = lines.get(place.line - 1).copied().unwrap_or_default();
            let col = line.find(&format!("{name}:")).map_or(place.col, |at| line[..at].chars().count() + 1);
            Diagnostic::new(path, place.line, col, format!("`{name}:` is logic, and a text file holds words only"))
                .with_help("remove it: the conditions, ids and examples are written once, in the definition, and every language uses them")
        })
        .collect()
}

fn is_logic(key: &str) -> bool {
    let parts: Vec<&str> = key.split('.').collect();
    match parts.as_slice() {
        ["examples", ..] => parts.len() == 1,
        ["questions", _, last] => QUESTION_LOGIC.contains(last),
        ["questions", _, "options", _, last] => OPTION_LOGIC.contains(last),
        ["outcomes", _, last] => OUTCOME_LOGIC.contains(last),
        ["reasons", _, "when"] => true,
        _ => false,
    }
}

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
    fn unknown_ids(&self) -> Vec<Diagnostic> {
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
    fn missing(&self, english: &Own<'_>) -> Vec<Diagnostic> {
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
    fn kept_facts(&self, english: &Own<'_>) -> Vec<Diagnostic> {
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

impl Wording for Texts {
    fn file(&self) -> (&Path, &Positions) {
        (&self.path, &self.positions)
    }

    fn counts(&self) -> (Vec<usize>, usize, usize) {
        let questions = self.ids.questions.iter().map(|(_, o)| o.len()).collect();
        (questions, self.ids.outcomes.len(), self.ids.reasons.len())
    }

    fn opening(&self) -> Option<Placed<'_>> {
        Some((self.file.opening.as_deref()?, "opening".into()))
    }

    fn closing(&self) -> Option<Placed<'_>> {
        Some((self.file.closing.as_deref()?, "closing".into()))
    }

    fn prompt(&self, q: usize) -> Placed<'_> {
        let id = &self.ids.questions[q].0;
        (
            &self.file.questions[id].prompt,
            format!("questions.{id}.prompt"),
        )
    }

    fn hint(&self, q: usize) -> Option<Placed<'_>> {
        let id = &self.ids.questions[q].0;
        Some((
            self.file.questions[id].hint.as_deref()?,
            format!("questions.{id}.hint"),
        ))
    }

    fn label(&self, q: usize, o: usize) -> Placed<'_> {
        let (id, options) = &self.ids.questions[q];
        let option = &options[o];
        (
            self.file.questions[id].options[option].label(),
            format!("questions.{id}.options.{option}"),
        )
    }

    fn option_hint(&self, q: usize, o: usize) -> Option<Placed<'_>> {
        let (id, options) = &self.ids.questions[q];
        let option = &options[o];
        let hint = self.file.questions[id].options[option].hint()?;
        Some((hint, format!("questions.{id}.options.{option}.hint")))
    }

    fn title(&self, o: usize) -> Placed<'_> {
        let id = &self.ids.outcomes[o];
        (
            &self.file.outcomes[id].title,
            format!("outcomes.{id}.title"),
        )
    }

    fn body(&self, o: usize) -> Placed<'_> {
        let id = &self.ids.outcomes[o];
        (&self.file.outcomes[id].body, format!("outcomes.{id}.body"))
    }

    fn reason(&self, r: usize) -> Placed<'_> {
        let id = &self.ids.reasons[r];
        (&self.file.reasons[id], format!("reasons.{id}"))
    }
}
