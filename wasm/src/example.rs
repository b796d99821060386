//! The editors' test cases: answer sets with the outcome (and reasons) they must give.

use std::collections::HashSet;

use crate::answers::{describe, Answers};
use crate::definition::Definition;
use crate::error::Error;
use crate::option_set::OptionSet;
use crate::problem::{Field, Problem, Site};
use crate::suggest::did_you_mean;

/// An example as written: answers by id, in the order the editor wrote them.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Example {
    /// Question id and the chosen option ids (one for a one-answer question).
    pub answers: Vec<(String, Vec<String>)>,
    /// The outcome id the answers must give.
    pub expect: String,
    /// If given, exactly the reasons the answers must give, in any order.
    pub expect_reasons: Option<Vec<String>>,
}

impl Definition {
    /// Runs every example, and reports each outcome that no example expects.
    pub fn check_examples(&self, examples: &[Example]) -> Vec<Problem> {
        let mut problems: Vec<Problem> = (examples.iter().enumerate())
            .flat_map(|(index, example)| self.check_example(index, example))
            .collect();
        let expected: HashSet<&str> = examples.iter().map(|e| e.expect.as_str()).collect();
        for (index, outcome) in self.outcomes.iter().enumerate() {
            if !expected.contains(outcome.id.as_str()) {
                let site = Site::Outcome {
                    index,
                    field: Field::Id,
                };
                let message = format!("outcome `{}` has no example", outcome.id);
                let help = format!("add an example with `expect: {}`", outcome.id);
                problems.push(Problem::new(site, message).help(help));
            }
        }
        problems
    }

    /// Runs one example (`index` is its place in the list, for locating problems).
    pub fn check_example(&self, index: usize, example: &Example) -> Vec<Problem> {
        let site = |field| Site::Example { index, field };
        let mut problems = Vec::new();
        let mut answers = Answers::new(self);
        for (i, (question, options)) in example.answers.iter().enumerate() {
            if let Err(error) = answers.set(question, options) {
                let help = self.suggestion(&error);
                problems
                    .push(Problem::new(site(Field::Answer(i)), error.to_string()).maybe_help(help));
            }
        }
        let outcome_ids = || self.outcomes.iter().map(|o| o.id.as_str());
        if !outcome_ids().any(|id| id == example.expect) {
            let message = format!("unknown outcome `{}`", example.expect);
            let help = did_you_mean(&example.expect, outcome_ids());
            problems.push(Problem::new(site(Field::Expect), message).maybe_help(help));
        }
        let reason_ids = || self.reasons.iter().map(|r| r.id.as_str());
        for (i, reason) in example.expect_reasons.iter().flatten().enumerate() {
            if !reason_ids().any(|id| id == reason) {
                let message = format!("unknown reason `{reason}`");
                let help = did_you_mean(reason, reason_ids());
                problems.push(Problem::new(site(Field::ExpectReason(i)), message).maybe_help(help));
            }
        }
        if !problems.is_empty() {
            return problems;
        }

        let evaluation = answers.evaluate();
        let Some(outcome) = evaluation.outcome else {
            let next = evaluation.next.unwrap_or_default();
            let message =
                format!("the answers are incomplete: question `{next}` is shown but not answered");
            return vec![Problem::new(site(Field::Answers), message)
                .help(format!("add an answer for `{next}`"))];
        };
        let effective = answers.effective();
        if outcome != example.expect {
            let message = format!(
                "outcome `{}` was expected but `{outcome}` was given. {}",
                example.expect,
                self.trace(&effective)
            );
            problems.push(
                Problem::new(site(Field::Expect), message).maybe_help(self.needs(&example.expect)),
            );
        }
        if let Some(expected) = &example.expect_reasons {
            let given: HashSet<&str> = evaluation.reasons.iter().copied().collect();
            let wanted: HashSet<&str> = expected.iter().map(String::as_str).collect();
            if given != wanted {
                let list = |ids: Vec<&str>| format!("[{}]", ids.join(", "));
                let wanted = reason_ids().filter(|id| wanted.contains(id)).collect();
                let message = format!(
                    "reasons {} were expected but {} were given. {}",
                    list(wanted),
                    list(evaluation.reasons),
                    self.trace(&effective)
                );
                problems.push(Problem::new(site(Field::ExpectReasons), message));
            }
        }
        problems
    }

    /// The answers that counted, and every outcome and reason condition that held.
    fn trace(&self, effective: &[OptionSet]) -> String {
        let held_outcomes = (self.outcomes.iter())
            .filter_map(|o| Some((&o.id, o.when.as_ref()?)))
            .map(|(id, when)| ("outcomes", id, when));
        let held_reasons = self.reasons.iter().map(|r| ("reasons", &r.id, &r.when));
        let held: Vec<String> = (held_outcomes.chain(held_reasons))
            .filter(|(_, _, when)| when.holds(effective, &self.questions))
            .map(|(list, id, when)| format!("{list}.{id} ({})", when.display(self)))
            .collect();
        let held = if held.is_empty() {
            "no outcome or reason condition".into()
        } else {
            held.join(", ")
        };
        format!("Answers: {}. Held: {held}.", describe(self, effective))
    }

    /// "outcome `x` applies when: ...", for the outcome an example expected.
    fn needs(&self, outcome: &str) -> Option<String> {
        let found = self.outcomes.iter().find(|o| o.id == outcome)?;
        Some(match &found.when {
            Some(when) => format!("`{outcome}` applies when: {}", when.display(self)),
            None => format!("`{outcome}` applies when no earlier outcome does"),
        })
    }

    fn suggestion(&self, error: &Error) -> Option<String> {
        match error {
            Error::UnknownQuestion { question } => {
                did_you_mean(question, self.questions.iter().map(|q| q.id.as_str()))
            }
            Error::UnknownOption { question, option } => {
                let q = self.questions.iter().find(|q| &q.id == question)?;
                did_you_mean(option, q.options.iter().map(|o| o.id.as_str()))
            }
            _ => None,
        }
    }
}
