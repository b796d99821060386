//! The checked model of a self-check: ids and logic only, no text.

use alloc::string::String;
use alloc::vec::Vec;

use crate::condition::Expr;
use crate::option_set::OptionSet;

/// A questionnaire whose ids are unique and whose conditions are parsed and type-checked.
///
/// It can only be made by [`Definition::from_spec`] or [`Definition::decode`], so every
/// condition refers to questions and options that exist.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Definition {
    pub(crate) questions: Vec<Question>,
    pub(crate) outcomes: Vec<Outcome>,
    pub(crate) reasons: Vec<Reason>,
}

/// A question, in flow order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Question {
    pub id: String,
    pub kind: Kind,
    pub options: Vec<Choice>,
    /// Shown only when this holds; it looks only at earlier questions.
    pub show_if: Option<Expr>,
}

/// How many options an answer may hold.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// Exactly one option (radio buttons).
    One,
    /// One or more options (checkboxes).
    Many,
}

/// An option of a question.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Choice {
    pub id: String,
    /// An exclusive option ("none of these") is never chosen together with another option.
    pub exclusive: bool,
}

/// An outcome. The first outcome whose `when` holds is given; the last has no `when`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Outcome {
    pub id: String,
    pub when: Option<Expr>,
}

/// A reason, shown with the outcome whenever its `when` holds.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Reason {
    pub id: String,
    pub when: Expr,
}

impl Definition {
    pub fn questions(&self) -> &[Question] {
        &self.questions
    }

    pub fn outcomes(&self) -> &[Outcome] {
        &self.outcomes
    }

    pub fn reasons(&self) -> &[Reason] {
        &self.reasons
    }

    pub fn question_index(&self, id: &str) -> Option<usize> {
        self.questions.iter().position(|q| q.id == id)
    }

    /// The outcome for complete, effective answers: the first whose `when` holds.
    pub(crate) fn outcome_for(&self, effective: &[OptionSet]) -> Option<usize> {
        self.outcomes.iter().position(|outcome| {
            outcome
                .when
                .as_ref()
                .is_none_or(|when| when.holds(effective, &self.questions))
        })
    }

    /// The reasons whose `when` holds, in definition order.
    pub(crate) fn reasons_for<'a>(
        &'a self,
        effective: &'a [OptionSet],
    ) -> impl Iterator<Item = usize> + 'a {
        self.reasons
            .iter()
            .enumerate()
            .filter(move |(_, reason)| reason.when.holds(effective, &self.questions))
            .map(|(index, _)| index)
    }
}

impl Question {
    pub fn option_index(&self, id: &str) -> Option<usize> {
        self.options.iter().position(|o| o.id == id)
    }

    /// The ids of the options in `set`, in option order.
    pub(crate) fn option_ids(&self, set: OptionSet) -> impl Iterator<Item = &str> {
        (self.options.iter().enumerate())
            .filter(move |(i, _)| set.contains(*i))
            .map(|(_, o)| o.id.as_str())
    }

    pub(crate) fn all_options(&self) -> OptionSet {
        OptionSet::first(self.options.len())
    }

    pub(crate) fn exclusive_options(&self) -> OptionSet {
        (self.options.iter().enumerate())
            .filter(|(_, o)| o.exclusive)
            .map(|(i, _)| i)
            .collect()
    }

    /// Applies the exclusive rule to a raw set of options: if the set holds an exclusive
    /// option, that option alone wins (the first in option order, if several). Preferring the
    /// exclusive option is the safe reading of a contradictory set such as "following" plus
    /// "none of these", and it makes normalisation deterministic.
    pub(crate) fn normalise(&self, chosen: OptionSet) -> OptionSet {
        let chosen = chosen.and(self.all_options());
        match chosen.and(self.exclusive_options()).iter().next() {
            Some(exclusive) => OptionSet::single(exclusive),
            None => chosen,
        }
    }
}
