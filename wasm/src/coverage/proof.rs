//! The proof that the answer classes are right: for random small definitions, walking the
//! classes reaches exactly the (outcome, reasons) results that trying every raw answer set
//! reaches, and each result for exactly as many answer sets.

use std::collections::HashMap;

use proptest::prelude::*;

use super::plan::Plan;
use super::walk::walk;
use crate::answers::Answers;
use crate::arbitrary::spec;
use crate::definition::{Definition, Kind};

/// A result: the outcome id and the reason ids, in definition order.
type Result = (String, Vec<String>);

/// Every raw answer for a question: none, or any set of its options (a one-answer question
/// takes one).
fn raw_answers(definition: &Definition, question: usize) -> Vec<Vec<&str>> {
    let q = &definition.questions[question];
    let ids: Vec<&str> = q.options.iter().map(|o| o.id.as_str()).collect();
    let subsets = (0u32..1 << ids.len()).map(|mask| {
        (ids.iter().enumerate())
            .filter(|(i, _)| mask & (1 << i) != 0)
            .map(|(_, id)| *id)
            .collect::<Vec<_>>()
    });
    match q.kind {
        Kind::One => core::iter::once(vec![]).chain(ids.iter().map(|id| vec![*id])).collect(),
        Kind::Many => subsets.collect(),
    }
}

/// The result of every distinct complete answer set, tried through the public API: every
/// combination of raw answers, keyed by the answers that count (so that raw sets which
/// normalise alike, or differ only in hidden answers, are one answer set).
fn brute_force(definition: &Definition) -> HashMap<Result, u128> {
    let per_question: Vec<_> = (0..definition.questions.len())
        .map(|q| raw_answers(definition, q))
        .collect();
    let mut seen = HashMap::new();
    let mut choice = vec![0; per_question.len()];
    loop {
        let mut answers = Answers::new(definition);
        for (q, &c) in choice.iter().enumerate() {
            answers
                .set(&definition.questions[q].id, &per_question[q][c])
                .unwrap();
        }
        let evaluation = answers.evaluate();
        if let Some(outcome) = evaluation.outcome {
            let effective: Vec<Vec<&str>> = (evaluation.visible.iter())
                .map(|q| answers.chosen(q).unwrap())
                .collect();
            let reasons = evaluation.reasons.iter().map(|r| r.to_string()).collect();
            seen.insert((evaluation.visible.clone(), effective), (outcome.to_string(), reasons));
        }
        // The next combination, like an odometer.
        let Some(q) = (0..choice.len()).find(|&q| choice[q] + 1 < per_question[q].len()) else {
            break;
        };
        choice[q] += 1;
        choice[..q].iter_mut().for_each(|c| *c = 0);
    }
    let mut results = HashMap::new();
    for result in seen.into_values() {
        *results.entry(result).or_insert(0) += 1;
    }
    results
}

fn by_classes(definition: &Definition) -> HashMap<Result, u128> {
    let mut results = HashMap::new();
    let plan = Plan::new(&[definition], u64::MAX).unwrap();
    walk(&plan, u64::MAX, |leaf| {
        let path = &leaf.sides[0];
        let outcome = definition.outcomes[path.outcome().unwrap()].id.clone();
        let reasons = path.reasons.iter().map(|r| plan.reasons[r].clone()).collect();
        *results.entry((outcome, reasons)).or_insert(0) += leaf.weight;
    })
    .unwrap_or_else(|_| panic!("a small definition is never too large"));
    results
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn classes_reach_every_result_for_as_many_answer_sets_as_brute_force(spec in spec()) {
        let definition = Definition::from_spec(&spec).unwrap_or_else(|problems| {
            panic!("generated an invalid definition: {problems:?}\n{spec:#?}")
        });
        prop_assert_eq!(by_classes(&definition), brute_force(&definition));
    }
}
