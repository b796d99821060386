//! The self-check definition as editors write it in YAML: the engine's logic plus the text
//! visitors read.

use serde::Deserialize;

/// `content/self-check/questions.yaml`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DefinitionFile {
    /// Markdown shown first in every outcome that has `opening: true` (the default): the
    /// same safety line everywhere, written once.
    #[serde(default)]
    pub opening: Option<String>,
    /// Markdown shown last in every outcome.
    #[serde(default)]
    pub closing: Option<String>,
    pub questions: Vec<QuestionEntry>,
    pub outcomes: Vec<OutcomeEntry>,
    #[serde(default)]
    pub reasons: Vec<ReasonEntry>,
    #[serde(default)]
    pub examples: Vec<ExampleEntry>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct QuestionEntry {
    pub id: String,
    pub prompt: String,
    #[serde(default)]
    pub hint: Option<String>,
    #[serde(rename = "type")]
    pub kind: KindEntry,
    pub options: Vec<OptionEntry>,
    #[serde(default)]
    pub show_if: Option<String>,
}

#[derive(Debug, Clone, Copy, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum KindEntry {
    /// One answer: radio buttons.
    One,
    /// Any number of answers: checkboxes.
    Many,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OptionEntry {
    pub id: String,
    pub label: String,
    #[serde(default)]
    pub hint: Option<String>,
    #[serde(default)]
    pub exclusive: bool,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OutcomeEntry {
    pub id: String,
    #[serde(default)]
    pub when: Option<String>,
    /// The outcome tells the visitor to act now; the theme draws it as a warning.
    #[serde(default)]
    pub urgent: bool,
    /// Whether the definition's `opening` comes first. On unless the outcome says
    /// `opening: false`, so a new outcome gets the safety line without asking for it.
    #[serde(default = "on")]
    pub opening: bool,
    pub title: String,
    pub body: String,
}

fn on() -> bool {
    true
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReasonEntry {
    pub id: String,
    pub when: String,
    pub text: String,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ExampleEntry {
    #[serde(default)]
    pub name: Option<String>,
    /// Question id to an option id, or a list of option ids.
    pub answers: serde_yaml::Mapping,
    pub expect: String,
    #[serde(default)]
    pub expect_reasons: Option<Vec<String>>,
}
