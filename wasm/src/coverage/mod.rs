//! Validation by enumeration: every answer path the conditions can tell apart is walked, so
//! "every outcome and reason is reachable" and "every path gives an outcome" are proved, not
//! sampled. Each question's answers are split into classes that no condition can tell
//! apart ([`classes`]); one representative per class suffices. A path answers every
//! visible question; hidden questions stay unanswered.

mod classes;

use crate::answers::describe;
use crate::definition::Definition;
use crate::option_set::OptionSet;
use classes::{class_count, classes, Class, Distinctions};
use crate::problem::{Field, Problem, Site};

/// The most answer paths [`Definition::validate`] walks before it gives up. The example
/// site's self-check (content/self-check/questions.yaml) walks about 5.3 million, which
/// takes about 0.9 s in a release build.
pub const PATH_LIMIT: u64 = 8_000_000;

impl Definition {
    /// Proves by enumeration that every question can be shown, every outcome and reason can
    /// be reached, and every complete answer path gives an outcome. Walks at most
    /// [`PATH_LIMIT`] paths; a larger definition gets a problem saying so.
    pub fn validate(&self) -> Vec<Problem> {
        self.validate_within(PATH_LIMIT)
    }

    /// [`Definition::validate`] with another limit on the number of paths.
    pub fn validate_within(&self, limit: u64) -> Vec<Problem> {
        match Walk::run(self, limit) {
            Ok(walk) => walk.problems(self),
            Err(TooLarge { size }) => vec![Problem::new(
                Site::Definition,
                format!(
                    "the self-check has too many answer paths to check: more than {limit} (up to {size})"
                ),
            )
            .help("name fewer options in conditions, or hide more questions with `show_if`")],
        }
    }
}

/// What enumeration found.
struct Walk {
    shown: Vec<bool>,
    /// Per outcome: its `when` held on some path.
    held: Vec<bool>,
    /// Per outcome: it was given on some path.
    given: Vec<bool>,
    /// Per outcome: the outcomes given instead on paths where its `when` held.
    shadowed_by: Vec<Vec<bool>>,
    reasons: Vec<bool>,
    /// Paths with no outcome, and the first such path's answers.
    no_outcome: (u64, Option<Vec<OptionSet>>),
}

struct TooLarge {
    /// An upper bound on the number of paths: the product of the class counts.
    size: u128,
}

impl Walk {
    fn run(definition: &Definition, limit: u64) -> Result<Walk, TooLarge> {
        let (questions, outcomes) = (definition.questions.len(), definition.outcomes.len());
        let mut walk = Walk {
            shown: Vec::new(),
            held: vec![false; outcomes],
            given: vec![false; outcomes],
            shadowed_by: vec![vec![false; outcomes]; outcomes],
            reasons: vec![false; definition.reasons.len()],
            no_outcome: (0, None),
        };
        let mut shown = vec![false; questions];
        each_path(definition, limit, &mut shown, |answers, _| {
            walk.record(definition, answers)
        })?;
        walk.shown = shown;
        Ok(walk)
    }

    fn record(&mut self, definition: &Definition, answers: &[OptionSet]) {
        let given = definition.outcome_for(answers);
        for (index, outcome) in definition.outcomes.iter().enumerate() {
            let held =
                (outcome.when.as_ref()).is_none_or(|c| c.holds(answers, &definition.questions));
            self.held[index] |= held;
            if let Some(winner) = given.filter(|&w| held && w != index) {
                self.shadowed_by[index][winner] = true;
            }
        }
        match given {
            Some(index) => self.given[index] = true,
            None => {
                self.no_outcome.0 += 1;
                self.no_outcome.1.get_or_insert_with(|| answers.to_vec());
            }
        }
        for index in definition.reasons_for(answers) {
            self.reasons[index] = true;
        }
    }

    fn problems(&self, definition: &Definition) -> Vec<Problem> {
        let mut problems = Vec::new();
        for (index, question) in definition.questions.iter().enumerate() {
            if !self.shown[index] {
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
            let message = if self.held[index] {
                let winners: Vec<String> = (definition.outcomes.iter().enumerate())
                    .filter(|&(i, _)| self.shadowed_by[index][i])
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
            if !self.reasons[index] {
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

/// Calls `visit` with the effective answers of every path and the number of answer sets it
/// stands for, marking in `shown` the questions some path shows. Returns the number of
/// paths, or [`TooLarge`] once there are more than `limit`.
fn each_path(
    definition: &Definition,
    limit: u64,
    shown: &mut [bool],
    visit: impl FnMut(&[OptionSet], u128),
) -> Result<u64, TooLarge> {
    let distinctions = distinctions(definition);
    let counts: Vec<u128> = (definition.questions.iter().zip(&distinctions))
        .map(|(q, &d)| class_count(q, d))
        .collect();
    let size = counts.iter().fold(1u128, |size, &c| size.saturating_mul(c));
    if counts.iter().any(|&c| c > u128::from(limit)) {
        return Err(TooLarge { size });
    }
    let classes: Vec<Vec<Class>> = (definition.questions.iter().zip(&distinctions))
        .map(|(q, &d)| classes(q, d))
        .collect();
    let mut walker = Walker {
        definition,
        classes: &classes,
        limit,
        paths: 0,
        shown,
        visit,
    };
    let mut answers = vec![OptionSet::EMPTY; definition.questions.len()];
    walker
        .step(0, &mut answers, 1)
        .map_err(|()| TooLarge { size })?;
    Ok(walker.paths)
}

struct Walker<'a, F> {
    definition: &'a Definition,
    classes: &'a [Vec<Class>],
    limit: u64,
    paths: u64,
    shown: &'a mut [bool],
    visit: F,
}

impl<F: FnMut(&[OptionSet], u128)> Walker<'_, F> {
    /// Answers question `index` every distinguishable way (or not at all, if hidden) and
    /// walks on; `answers` holds the effective answers so far and is restored on return,
    /// and `weight` is the number of answer sets the path so far stands for.
    fn step(&mut self, index: usize, answers: &mut [OptionSet], weight: u128) -> Result<(), ()> {
        let questions = &self.definition.questions;
        let Some(question) = questions.get(index) else {
            self.paths += 1;
            if self.paths > self.limit {
                return Err(());
            }
            (self.visit)(answers, weight);
            return Ok(());
        };
        let shown = (question.show_if.as_ref()).is_none_or(|c| c.holds(answers, questions));
        if !shown {
            return self.step(index + 1, answers, weight);
        }
        self.shown[index] = true;
        for class in &self.classes[index] {
            answers[index] = class.answer;
            let result = self.step(index + 1, answers, weight.saturating_mul(class.weight));
            answers[index] = OptionSet::EMPTY;
            result?;
        }
        Ok(())
    }
}

/// Per question, what the conditions can tell apart.
fn distinctions(definition: &Definition) -> Vec<Distinctions> {
    let mut found = vec![Distinctions::default(); definition.questions.len()];
    let conditions = (definition
        .questions
        .iter()
        .filter_map(|q| q.show_if.as_ref()))
    .chain(definition.outcomes.iter().filter_map(|o| o.when.as_ref()))
    .chain(definition.reasons.iter().map(|r| &r.when));
    for test in conditions.flat_map(|c| c.tests()) {
        if let Some(distinctions) = found.get_mut(test.question) {
            distinctions.add(test);
        }
    }
    found
}

#[cfg(test)]
mod proof;
