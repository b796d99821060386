//! The proof that the answer classes are right: for random small definitions, walking the
//! classes reaches exactly the (outcome, reasons) results that trying every raw answer set
//! reaches, and each result for exactly as many answer sets.

use std::collections::HashMap;

use proptest::prelude::*;

use super::each_path;
use crate::answers::Answers;
use crate::definition::{Choice, Definition, Kind};
use crate::spec::{OutcomeSpec, QuestionSpec, ReasonSpec, Spec};

/// A result: the outcome id and the reason ids, in definition order.
type Result = (String, Vec<String>);

/// A test drawn at random, to be fitted to a question: which question (modulo those in
/// reach), which operator (modulo those that fit), which options (a bit mask) and the count.
type TestRecipe = (usize, usize, u8, usize);
/// Tests joined by `and` or `or` (`true` is `and`), each maybe negated.
type ConditionRecipe = Vec<(TestRecipe, bool, bool)>;

fn condition_recipe() -> impl Strategy<Value = ConditionRecipe> {
    prop::collection::vec((any::<TestRecipe>(), any::<bool>(), any::<bool>()), 1..4)
}

/// A question: many answers or not, and per option whether it is exclusive.
fn question_recipe() -> impl Strategy<Value = (bool, Vec<bool>)> {
    (
        any::<bool>(),
        prop::collection::vec(prop::bool::weighted(0.25), 1..5),
    )
}

prop_compose! {
    fn spec()(
        questions in prop::collection::vec(question_recipe(), 1..4),
        show_ifs in prop::collection::vec(prop::option::weighted(0.5, condition_recipe()), 3),
        outcomes in prop::collection::vec(condition_recipe(), 0..3),
        reasons in prop::collection::vec(condition_recipe(), 0..4),
    ) -> Spec {
        let questions: Vec<QuestionSpec> = (questions.into_iter().enumerate())
            .map(|(index, (many, exclusive))| QuestionSpec {
                id: format!("q{index}"),
                kind: if many { Kind::Many } else { Kind::One },
                options: (exclusive.into_iter().enumerate())
                    .map(|(i, exclusive)| Choice { id: format!("o{i}"), exclusive })
                    .collect(),
                show_if: None,
            })
            .collect();
        let mut spec = Spec { questions, outcomes: Vec::new(), reasons: Vec::new() };
        // The first question is always shown; each other may look at those before it.
        for (index, show_if) in show_ifs.iter().enumerate().take(spec.questions.len()).skip(1) {
            spec.questions[index].show_if =
                show_if.as_ref().map(|recipe| condition(&spec.questions[..index], recipe));
        }
        let all = &spec.questions;
        spec.outcomes = (outcomes.iter().enumerate())
            .map(|(i, recipe)| OutcomeSpec { id: format!("out{i}"), when: Some(condition(all, recipe)) })
            .chain([OutcomeSpec { id: "last".into(), when: None }])
            .collect();
        spec.reasons = (reasons.iter().enumerate())
            .map(|(i, recipe)| ReasonSpec { id: format!("r{i}"), when: condition(all, recipe) })
            .collect();
        spec
    }
}

/// Condition text that type-checks against `questions`.
fn condition(questions: &[QuestionSpec], recipe: &ConditionRecipe) -> String {
    let mut text = String::new();
    for (i, (test_recipe, negated, and)) in recipe.iter().enumerate() {
        if i > 0 {
            text += if *and { " and " } else { " or " };
        }
        if *negated {
            text += "not ";
        }
        text += &test(questions, *test_recipe);
    }
    text
}

fn test(questions: &[QuestionSpec], (question, operator, mask, count): TestRecipe) -> String {
    let q = &questions[question % questions.len()];
    let ids = |set: &[usize]| set.iter().map(|&i| format!("o{i}")).collect::<Vec<_>>();
    let picked: Vec<usize> = (0..q.options.len()).filter(|i| mask & (1 << i) != 0).collect();
    let listed = if picked.is_empty() { vec![0] } else { picked };
    let list = format!("[{}]", ids(&listed).join(", "));
    let option = &ids(&[usize::from(mask) % q.options.len()])[0];
    let id = &q.id;
    let exclusive = |i: &usize| q.options[*i].exclusive;
    let countable = q.options.iter().filter(|o| !o.exclusive).count();
    let listed_countable = listed.iter().filter(|i| !exclusive(i)).count();
    let most_listed = if listed_countable == 0 { 1 } else { listed_countable };
    match (q.kind, operator % 6) {
        (Kind::One, 0 | 3) => format!("{id} = {option}"),
        (Kind::One, 1 | 4) => format!("{id} != {option}"),
        (Kind::One, _) => format!("{id} in {list}"),
        (Kind::Many, 0) => format!("{id} has {option}"),
        (Kind::Many, 1) => format!("{id} has any of {list}"),
        (Kind::Many, 2) => format!("{id} has all of {list}"),
        (Kind::Many, 3) if countable > 0 => {
            format!("{id} has at least {}", 1 + count % countable)
        }
        (Kind::Many, 4) => format!("{id} has at least {} of {list}", 1 + count % most_listed),
        (Kind::Many, _) => format!("{id} has any"),
    }
}

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
    let mut shown = vec![false; definition.questions.len()];
    let outcome_id = |i: usize| definition.outcomes[i].id.clone();
    each_path(definition, u64::MAX, &mut shown, |answers, weight| {
        let outcome = definition.outcome_for(answers).map(outcome_id).unwrap();
        let reasons = (definition.reasons_for(answers))
            .map(|r| definition.reasons[r].id.clone())
            .collect();
        *results.entry((outcome, reasons)).or_insert(0) += weight;
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
