//! What the answers lead to: which questions show, what to ask next, and the result.

use alloc::vec;
use alloc::vec::Vec;

use crate::answers::Answers;
use crate::definition::{Definition, Question};
use crate::option_set::OptionSet;

/// The state of the self-check for a set of answers.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Evaluation<'d> {
    /// The questions shown for these answers, in flow order.
    pub visible: Vec<&'d str>,
    /// The first visible question without an answer; `None` once complete.
    pub next: Option<&'d str>,
    /// How many visible questions are answered; progress is `answered / visible.len()`.
    pub answered: usize,
    /// Once complete, the first outcome whose `when` holds; `None` until then.
    pub outcome: Option<&'d str>,
    /// Once complete, the reasons whose `when` holds, in definition order.
    pub reasons: Vec<&'d str>,
}

impl Evaluation<'_> {
    /// Every visible question is answered; then there is always an outcome, since the last
    /// outcome has no `when`.
    pub fn is_complete(&self) -> bool {
        self.next.is_none()
    }
}

impl<'d> Answers<'d> {
    /// Evaluates the answers.
    ///
    /// Visibility is decided in flow order: a question is visible when it has no `show_if`
    /// or its `show_if` holds over the *effective* answers of the questions before it. The
    /// effective answers are those of visible questions; answers to hidden questions are
    /// ignored even if present, so they count as unanswered in later conditions.
    pub fn evaluate(&self) -> Evaluation<'d> {
        let definition = self.definition;
        let (effective, visible) = effective(definition, &self.chosen);
        // Ids are looked up with `get`, never indexing, so the browser's wasm has no panic path.
        let next = visible.iter().find(|(_, answer)| answer.is_empty());
        let (outcome, reasons) = match next {
            Some(_) => (None, Vec::new()),
            None => (
                (definition.outcome_for(&effective))
                    .and_then(|i| definition.outcomes.get(i))
                    .map(|outcome| outcome.id.as_str()),
                (definition.reasons_for(&effective))
                    .filter_map(|i| definition.reasons.get(i))
                    .map(|reason| reason.id.as_str())
                    .collect(),
            ),
        };
        Evaluation {
            visible: visible.iter().map(|(q, _)| q.id.as_str()).collect(),
            next: next.map(|(q, _)| q.id.as_str()),
            answered: visible
                .iter()
                .filter(|(_, answer)| !answer.is_empty())
                .count(),
            outcome,
            reasons,
        }
    }

    /// The answers that count: those to questions that are visible.
    #[cfg(not(all(target_arch = "wasm32", target_os = "unknown")))]
    pub(crate) fn effective(&self) -> Vec<OptionSet> {
        effective(self.definition, &self.chosen).0
    }
}

/// The effective answers (empty for hidden questions), and the visible questions with
/// their answers.
fn effective<'d>(
    definition: &'d Definition,
    chosen: &[OptionSet],
) -> (Vec<OptionSet>, Vec<(&'d Question, OptionSet)>) {
    let questions = &definition.questions;
    let mut effective = vec![OptionSet::EMPTY; questions.len()];
    let mut visible = Vec::new();
    for (index, question) in questions.iter().enumerate() {
        // `effective` holds only earlier answers here, so `show_if` cannot see later ones.
        let shown = (question.show_if.as_ref()).is_none_or(|c| c.holds(&effective, questions));
        if let (true, Some(slot)) = (shown, effective.get_mut(index)) {
            *slot = chosen.get(index).copied().unwrap_or_default();
            visible.push((question, *slot));
        }
    }
    (effective, visible)
}
