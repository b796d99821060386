//! Validation by enumeration: every answer path the conditions can tell apart is walked, so
//! "every outcome and reason is reachable" and "every path gives an outcome" are proved, not
//! sampled.
//!
//! Conditions only name some options, so answers that differ only in unnamed options are
//! indistinguishable. Per question, the answer classes are:
//! - one-answer: each named option, plus one unnamed option if any exists;
//! - many-answer (answers are normalised, so an exclusive option stands alone): every
//!   non-empty subset of the named non-exclusive options, one unnamed non-exclusive option
//!   alone, each named exclusive option alone, and one unnamed exclusive option alone.
//!
//! Adding unnamed options to a class changes no test (`has any` only asks whether a
//! non-exclusive option is present), so one representative per class suffices. A path
//! answers every visible question; hidden questions stay unanswered.

use crate::answers::describe;
use crate::definition::{Definition, Kind, Question};
use crate::option_set::OptionSet;
use crate::problem::{Field, Problem, Site};

/// The most answer paths [`Definition::validate`] walks before it gives up.
pub const PATH_LIMIT: u64 = 2_000_000;

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
    paths: u64,
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
        let named = named_options(definition);
        let counts: Vec<u128> = (definition.questions.iter().zip(&named))
            .map(|(q, &named)| class_count(q, named))
            .collect();
        let size = counts.iter().fold(1u128, |size, &c| size.saturating_mul(c));
        if counts.iter().any(|&c| c > u128::from(limit)) {
            return Err(TooLarge { size });
        }
        let classes: Vec<Vec<OptionSet>> = (definition.questions.iter().zip(&named))
            .map(|(q, &named)| classes(q, named))
            .collect();
        let (questions, outcomes) = (definition.questions.len(), definition.outcomes.len());
        let mut walk = Walk {
            paths: 0,
            shown: vec![false; questions],
            held: vec![false; outcomes],
            given: vec![false; outcomes],
            shadowed_by: vec![vec![false; outcomes]; outcomes],
            reasons: vec![false; definition.reasons.len()],
            no_outcome: (0, None),
        };
        let mut answers = vec![OptionSet::EMPTY; questions];
        let mut walker = Walker {
            definition,
            classes: &classes,
            limit,
            walk: &mut walk,
        };
        walker
            .step(0, &mut answers)
            .map_err(|()| TooLarge { size })?;
        Ok(walk)
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

struct Walker<'a> {
    definition: &'a Definition,
    classes: &'a [Vec<OptionSet>],
    limit: u64,
    walk: &'a mut Walk,
}

impl Walker<'_> {
    /// Answers question `index` every distinguishable way (or not at all, if hidden) and
    /// walks on; `answers` holds the effective answers so far and is restored on return.
    fn step(&mut self, index: usize, answers: &mut [OptionSet]) -> Result<(), ()> {
        let questions = &self.definition.questions;
        let Some(question) = questions.get(index) else {
            return self.finish(answers);
        };
        let shown = (question.show_if.as_ref()).is_none_or(|c| c.holds(answers, questions));
        if !shown {
            return self.step(index + 1, answers);
        }
        self.walk.shown[index] = true;
        for &class in &self.classes[index] {
            answers[index] = class;
            let result = self.step(index + 1, answers);
            answers[index] = OptionSet::EMPTY;
            result?;
        }
        Ok(())
    }

    fn finish(&mut self, answers: &[OptionSet]) -> Result<(), ()> {
        let walk = &mut *self.walk;
        walk.paths += 1;
        if walk.paths > self.limit {
            return Err(());
        }
        let definition = self.definition;
        let given = definition.outcome_for(answers);
        for (index, outcome) in definition.outcomes.iter().enumerate() {
            let held =
                (outcome.when.as_ref()).is_none_or(|c| c.holds(answers, &definition.questions));
            walk.held[index] |= held;
            if let Some(winner) = given.filter(|&w| held && w != index) {
                walk.shadowed_by[index][winner] = true;
            }
        }
        match given {
            Some(index) => walk.given[index] = true,
            None => {
                walk.no_outcome.0 += 1;
                walk.no_outcome.1.get_or_insert_with(|| answers.to_vec());
            }
        }
        for index in definition.reasons_for(answers) {
            walk.reasons[index] = true;
        }
        Ok(())
    }
}

/// Per question, the options named anywhere in a condition.
fn named_options(definition: &Definition) -> Vec<OptionSet> {
    let mut named = vec![OptionSet::EMPTY; definition.questions.len()];
    let conditions = (definition
        .questions
        .iter()
        .filter_map(|q| q.show_if.as_ref()))
    .chain(definition.outcomes.iter().filter_map(|o| o.when.as_ref()))
    .chain(definition.reasons.iter().map(|r| &r.when));
    for test in conditions.flat_map(|c| c.tests()) {
        if let Some(set) = named.get_mut(test.question) {
            *set = set.with_all(test.named_options());
        }
    }
    named
}

/// The parts of a question's options that the classes are made from.
struct Parts {
    named: OptionSet,
    unnamed: OptionSet,
    exclusive_named: OptionSet,
    exclusive_unnamed: OptionSet,
}

fn parts(question: &Question, named: OptionSet) -> Parts {
    let exclusive = question.exclusive_options();
    let all = question.all_options();
    Parts {
        named: named.without(exclusive),
        unnamed: all.without(named).without(exclusive),
        exclusive_named: named.and(exclusive),
        exclusive_unnamed: exclusive.without(named),
    }
}

/// How many classes [`classes`] makes, computed without making them.
fn class_count(question: &Question, named: OptionSet) -> u128 {
    let p = parts(question, named);
    let any = |set: OptionSet| u128::from(!set.is_empty());
    match question.kind {
        Kind::One => (named.len() as u128) + any(question.all_options().without(named)),
        Kind::Many => {
            let subsets = (1u128 << p.named.len()) - 1;
            subsets + any(p.unnamed) + p.exclusive_named.len() as u128 + any(p.exclusive_unnamed)
        }
    }
}

/// One representative answer per class of answers that conditions can tell apart.
fn classes(question: &Question, named: OptionSet) -> Vec<OptionSet> {
    let first = |set: OptionSet| set.iter().next().map(OptionSet::single);
    match question.kind {
        Kind::One => {
            let unnamed = question.all_options().without(named);
            named
                .iter()
                .map(OptionSet::single)
                .chain(first(unnamed))
                .collect()
        }
        Kind::Many => {
            let p = parts(question, named);
            (p.named.subsets())
                .chain(first(p.unnamed))
                .chain(p.exclusive_named.iter().map(OptionSet::single))
                .chain(first(p.exclusive_unnamed))
                .collect()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::definition::Choice;

    fn behaviours() -> Question {
        let option = |id: &str| Choice {
            id: id.into(),
            exclusive: id == "none",
        };
        Question {
            id: "behaviours".into(),
            kind: Kind::Many,
            options: ["following", "contact", "watching", "none"]
                .map(option)
                .to_vec(),
            show_if: None,
        }
    }

    #[test]
    fn many_answer_classes_are_subsets_of_named_options_plus_one_of_each_other_kind() {
        let question = behaviours();
        let named: OptionSet = [0, 1].into_iter().collect();
        let found = classes(&question, named);
        let expected: Vec<OptionSet> = [vec![0, 1], vec![1], vec![0], vec![2], vec![3]]
            .into_iter()
            .map(|set| set.into_iter().collect())
            .collect();
        assert_eq!(found, expected);
        assert_eq!(class_count(&question, named), 5);
        // With nothing named, `has any` can only tell "some behaviour" from "none".
        assert_eq!(classes(&question, OptionSet::EMPTY).len(), 2);
    }

    #[test]
    fn one_answer_classes_are_the_named_options_and_one_other() {
        let question = Question {
            kind: Kind::One,
            ..behaviours()
        };
        let named = OptionSet::single(2);
        let found = classes(&question, named);
        assert_eq!(found, [OptionSet::single(2), OptionSet::single(0)]);
        assert_eq!(class_count(&question, named), 2);
    }
}
