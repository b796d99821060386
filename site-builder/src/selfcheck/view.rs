//! The self-check as the `selfcheck.html` template sees it: every text rendered from
//! Markdown, marked as a fragment so problems in it are placed in the YAML.

use serde::Serialize;

use super::file::{KindEntry, QuestionEntry};
use super::text::{self, Fragments};
use super::wording::{Placed, Wording};
use super::Loaded;
use crate::diagnostic::{Diagnostic, Severity};
use crate::markdown;

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
    words: &dyn Wording,
    context: markdown::Context<'_>,
) -> (Option<(SelfCheckView, Fragments)>, Vec<Diagnostic>) {
    let (path, positions) = words.file();
    let text = text::Renderer {
        context,
        path,
        positions,
        problems: Default::default(),
        fragments: Default::default(),
    };
    let questions = (loaded.file.questions.iter().enumerate())
        .map(|(i, q)| question(&text, words, i, q))
        .collect();
    let outcomes = (loaded.file.outcomes.iter().enumerate())
        .map(|(i, o)| {
            let (body, at) = words.body(i);
            OutcomeView {
                id: o.id.clone(),
                title: words.title(i).0.to_string(),
                html: text.block(body, &at),
                urgent: o.urgent,
                opening: o.opening,
            }
        })
        .collect();
    let reasons = (loaded.file.reasons.iter().enumerate())
        .map(|(i, r)| {
            let (reason, at) = words.reason(i);
            ReasonView {
                id: r.id.clone(),
                html: text.inline(reason, &at),
            }
        })
        .collect();
    let shared =
        |placed: Option<Placed<'_>>| placed.map_or_else(String::new, |(s, at)| text.block(s, &at));
    let opening = shared(words.opening());
    let closing = shared(words.closing());
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
fn question(
    text: &text::Renderer<'_>,
    words: &dyn Wording,
    i: usize,
    q: &QuestionEntry,
) -> QuestionView {
    let inline =
        |placed: Option<Placed<'_>>| placed.map_or_else(String::new, |(h, at)| text.inline(h, &at));
    let (prompt, at) = words.prompt(i);
    QuestionView {
        id: q.id.clone(),
        number: i + 1,
        prompt: text.inline(prompt, &at),
        hint: inline(words.hint(i)),
        kind: match q.kind {
            KindEntry::One => "one",
            KindEntry::Many => "many",
        },
        options: (q.options.iter().enumerate())
            .map(|(j, o)| OptionView {
                id: o.id.clone(),
                label: inline(Some(words.label(i, j))),
                hint: inline(words.option_hint(i, j)),
                exclusive: o.exclusive,
            })
            .collect(),
    }
}
