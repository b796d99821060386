//! What validation learns from the walk: which questions, outcomes and reasons some path
//! reaches, and the problems that follow.

use super::bits::Bits;
use super::walk::SideState;
use crate::answers::describe;
use crate::definition::Definition;
use crate::option_set::OptionSet;
use crate::problem::{Field, Problem, Site};

pub(super) struct Reach {
    /// The outcomes whose `when` held on some path.
    held: Bits,
    /// Per outcome: it was given on some path.
    given: Vec<bool>,
    /// Per outcome: the outcomes whose `when` held on paths where it was given.
    beaten: Vec<Bits>,
    reasons: Bits,
    /// Paths with no outcome, and the first such path's answers.
    no_outcome: (u128, Option<Vec<OptionSet>>),
}

impl Reach {
    pub fn new(definition: &Definition) -> Reach {
        let outcomes = definition.outcomes.len();
        Reach {
            held: Bits::new(outcomes),
            given: vec![false; outcomes],
            beaten: vec![Bits::new(outcomes); outcomes],
            reasons: Bits::new(definition.reasons.len()),
            no_outcome: (0, None),
        }
    }

    pub fn record(&mut self, path: &SideState) {
        self.held.union_with(&path.outcomes);
        match path.outcome() {
            Some(given) => {
                self.given[given] = true;
                self.beaten[given].union_with(&path.outcomes);
            }
            None => {
                self.no_outcome.0 += 1;
                (self.no_outcome.1).get_or_insert_with(|| path.effective.clone());
            }
        }
        self.reasons.union_with(&path.reasons);
    }

    /// The problems found, given the questions the walk showed.
    pub fn problems(&self, definition: &Definition, shown: &[bool]) -> Vec<Problem> {
        let mut problems = Vec::new();
        for (index, question) in definition.questions.iter().enumerate() {
            if !shown[index] {
                let site = Site::Question {
                    index,
                    field: Field::ShowIf,
                };
                let message = format!(
                    "question `{}` is never shown: its `show_if` does not hold for any answers",
                    question.id
                );
                problems.push(Problem::new(site, message));
            }
        }
        for (index, outcome) in definition.outcomes.iter().enumerate() {
            if self.given[index] {
                continue;
            }
            let site = Site::Outcome {
                index,
                field: Field::When,
            };
            let message = if self.held.contains(index) {
                let winners: Vec<String> = (definition.outcomes.iter().enumerate())
                    .filter(|&(i, _)| i != index && self.beaten[i].contains(index))
                    .map(|(_, o)| format!("`{}`", o.id))
                    .collect();
                format!(
                    "outcome `{}` is unreachable: whenever its `when` holds, an earlier outcome applies first ({})",
                    outcome.id,
                    winners.join(", ")
                )
            } else {
                format!(
                    "outcome `{}` is unreachable: its `when` does not hold for any answers",
                    outcome.id
                )
            };
            problems.push(Problem::new(site, message));
        }
        for (index, reason) in definition.reasons.iter().enumerate() {
            if !self.reasons.contains(index) {
                let site = Site::Reason {
                    index,
                    field: Field::When,
                };
                let message = format!(
                    "reason `{}` is never shown: its `when` does not hold for any complete answers",
                    reason.id
                );
                problems.push(Problem::new(site, message));
            }
        }
        if let (count, Some(example)) = &self.no_outcome {
            let message = format!(
                "{count} answer paths give no outcome, for example: {}",
                describe(definition, example)
            );
            problems.push(
                Problem::new(Site::Definition, message)
                    .help("end the outcomes with one that has no `when`"),
            );
        }
        problems
    }
}
