//! The self-check in another language: `questions.cy.yaml` beside `questions.yaml`,
//! holding only words, keyed by the definition's ids. The logic (ids, `show_if`, `when`,
//! examples) is written once, in the definition, so every proof the build makes of it
//! holds for every language: a text file that holds logic is refused at the line.
//!
//! Every id must have its text; a text for no id is a mistake; and each text must keep
//! the numbers, help-line placeholders and links of the default language's, so that a
//! translation cannot change a phone number or the page it sends a visitor to.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use super::file::DefinitionFile;
use super::wording::{Own, Placed, Wording};
use crate::config::Language;
use crate::diagnostic::Diagnostic;
use crate::yaml::{self, Origin, Positions};

mod checks;

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
