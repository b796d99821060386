//! The self-check as the `selfcheck.html` template sees it: every text rendered from
//! Markdown, marked as a fragment so problems in it are placed in the YAML.

use serde::Serialize;

use super::file::{KindEntry, QuestionEntry};
use super::text::{self, Fragments};
use super::Loaded;
use crate::config::SupportService;
use crate::content::Library;
use crate::diagnostic::{Diagnostic, Severity};

/// The template's view of one question.
#[derive(Serialize)]
struct QuestionView {
    id: String,
    number: usize,
    prompt: String,
    hint: String,
    #[serde(rename = "type")]
    kind: &'static str,
    options: Vec<OptionView>,
}

#[derive(Serialize)]
struct OptionView {
    id: String,
    label: String,
    hint: String,
    exclusive: bool,
}

#[derive(Serialize)]
struct OutcomeView {
    id: String,
    title: String,
    html: String,
    urgent: bool,
    /// Whether the definition's opening (`SelfCheckView::opening`) comes first.
    opening: bool,
}

#[derive(Serialize)]
struct ReasonView {
    id: String,
    html: String,
}

#[derive(Serialize)]
pub(super) struct SelfCheckView {
    questions: Vec<QuestionView>,
    /// Shown first in the outcomes that ask for it; empty when the definition has none.
    opening: String,
    /// Shown last in every outcome; empty when the definition has none.
    closing: String,
    outcomes: Vec<OutcomeView>,
    reasons: Vec<ReasonView>,
    /// The compact definition the browser's engine reads.
    definition: String,
}

pub(super) fn render(
    loaded: &Loaded,
    library: &Library,
    support: &[SupportService],
) -> (Option<(SelfCheckView, Fragments)>, Vec<Diagnostic>) {
    let text = text::Renderer {
        library,
        support,
        loaded,
        problems: Default::default(),
        fragments: Default::default(),
    };
    let questions = (loaded.file.questions.iter().enumerate())
        .map(|(i, q)| question(&text, i, q))
        .collect();
    let outcomes = loaded
        .file
        .outcomes
        .iter()
        .enumerate()
        .map(|(i, o)| OutcomeView {
            id: o.id.clone(),
            title: o.title.clone(),
            html: text.block(&o.body, &format!("outcomes.{i}.body")),
            urgent: o.urgent,
            opening: o.opening,
        })
        .collect();
    let reasons = loaded
        .file
        .reasons
        .iter()
        .enumerate()
        .map(|(i, r)| ReasonView {
            id: r.id.clone(),
            html: text.inline(&r.text, &format!("reasons.{i}.text")),
        })
        .collect();
    let shared = |source: &Option<String>, key: &str| {
        source
            .as_deref()
            .map_or_else(String::new, |s| text.block(s, key))
    };
    let opening = shared(&loaded.file.opening, "opening");
    let closing = shared(&loaded.file.closing, "closing");
    let problems = text.problems.take();
    if problems.iter().any(|p| p.severity == Severity::Error) {
        return (None, problems);
    }
    let view = SelfCheckView {
        questions,
        opening,
        closing,
        outcomes,
        reasons,
        definition: loaded.definition.encode(),
    };
    (Some((view, text.into_fragments())), problems)
}

/// One question as the template sees it, its text rendered and placed.
fn question(text: &text::Renderer<'_>, i: usize, q: &QuestionEntry) -> QuestionView {
    let hint = |source: Option<&str>, key: String| {
        source.map_or_else(String::new, |h| text.inline(h, &key))
    };
    QuestionView {
        id: q.id.clone(),
        number: i + 1,
        prompt: text.inline(&q.prompt, &format!("questions.{i}.prompt")),
        hint: hint(q.hint.as_deref(), format!("questions.{i}.hint")),
        kind: match q.kind {
            KindEntry::One => "one",
            KindEntry::Many => "many",
        },
        options: (q.options.iter().enumerate())
            .map(|(j, o)| OptionView {
                id: o.id.clone(),
                label: text.inline(&o.label, &format!("questions.{i}.options.{j}.label")),
                hint: hint(o.hint.as_deref(), format!("questions.{i}.options.{j}.hint")),
                exclusive: o.exclusive,
            })
            .collect(),
    }
}
