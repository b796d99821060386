//! The proof that `diff` is right: for random pairs of small definitions (unrelated ones,
//! which share ids by chance, and ones that differ in one condition), the changes and
//! their counts equal those found by trying every joint answer set through the public API.

use std::collections::{BTreeMap, BTreeSet};

use proptest::prelude::*;

use super::Diff;
use crate::answers::Answers;
use crate::arbitrary::{condition_recipe, edited, spec};
use crate::definition::Definition;

/// Per change (outcome before, after): how many answer sets, and per reason how many gain
/// and lose it.
type Changes = BTreeMap<(Option<String>, Option<String>), (u128, Counts, Counts)>;
type Counts = BTreeMap<String, u128>;

/// An answer set: per question id, the chosen option ids (none if unanswered).
type Joint = BTreeMap<String, BTreeSet<String>>;

/// What one definition makes of a joint answer set, walked in its own order: the
/// questions it asks (shown ones, up to the first whose answer it cannot take, where it
/// stops) with whether it can give their answer; and if it never stops, the outcome and
/// reasons.
struct Reading {
    asked: BTreeMap<String, bool>,
    result: Option<(String, BTreeSet<String>)>,
}

fn read(definition: &Definition, joint: &Joint) -> Reading {
    let mut answers = Answers::new(definition);
    let mut givable = BTreeMap::new();
    for question in &definition.questions {
        let wanted = &joint[&question.id];
        let options: Vec<&str> = wanted.iter().map(String::as_str).collect();
        // An answer the definition cannot give (an option it lacks, several for one
        // answer, an exclusive option with others) leaves the question unanswered.
        let kept = !options.is_empty()
            && answers.set(&question.id, &options).is_ok()
            && answers.chosen(&question.id).unwrap().len() == options.len();
        if !kept {
            answers.set::<&str>(&question.id, &[]).unwrap();
        }
        givable.insert(question.id.clone(), kept);
    }
    let evaluation = answers.evaluate();
    let mut asked = BTreeMap::new();
    for question in &evaluation.visible {
        let can = givable[*question];
        asked.insert(question.to_string(), can);
        if !can {
            return Reading {
                asked,
                result: None,
            };
        }
    }
    let outcome = evaluation.outcome.unwrap().to_string();
    let reasons = evaluation.reasons.iter().map(|r| r.to_string()).collect();
    Reading {
        asked,
        result: Some((outcome, reasons)),
    }
}

/// Whether a joint answer set is one: it answers exactly the questions some version asks,
/// each with an answer a version asking it can give, and some version takes it.
fn is_answer_set(joint: &Joint, readings: &[Reading; 2]) -> bool {
    let fits = joint.iter().all(|(question, chosen)| {
        let mut asking = readings.iter().filter_map(|r| r.asked.get(question));
        match chosen.is_empty() {
            true => asking.next().is_none(),
            false => asking.any(|&can| can),
        }
    });
    fits && readings.iter().any(|r| r.result.is_some())
}

fn brute_force(old: &Definition, new: &Definition) -> (Changes, u128) {
    let mut options: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for question in old.questions.iter().chain(&new.questions) {
        let ids = options.entry(question.id.clone()).or_default();
        for option in &question.options {
            if !ids.contains(&option.id) {
                ids.push(option.id.clone());
            }
        }
    }
    let questions: Vec<(&String, &Vec<String>)> = options.iter().collect();
    let sizes: Vec<u32> = questions.iter().map(|(_, o)| 1 << o.len()).collect();
    let (mut changes, mut unchanged) = (Changes::new(), 0);
    let mut masks = vec![0u32; questions.len()];
    loop {
        let joint: Joint = (questions.iter().zip(&masks))
            .map(|((id, ids), mask)| {
                let chosen = (ids.iter().enumerate())
                    .filter(|(i, _)| mask & (1 << i) != 0)
                    .map(|(_, o)| o.clone());
                (id.to_string(), chosen.collect())
            })
            .collect();
        let readings = [old, new].map(|d| read(d, &joint));
        if is_answer_set(&joint, &readings) {
            let [from, to] = readings.map(|r| r.result);
            if from.is_some() && from == to {
                unchanged += 1;
            } else {
                let none = BTreeSet::new();
                let was = from.as_ref().map_or(&none, |(_, r)| r);
                let is = to.as_ref().map_or(&none, |(_, r)| r);
                let key = (from.clone().map(|(o, _)| o), to.clone().map(|(o, _)| o));
                let entry = changes.entry(key).or_default();
                entry.0 += 1;
                for reason in is.difference(was) {
                    *entry.1.entry(reason.clone()).or_default() += 1;
                }
                for reason in was.difference(is) {
                    *entry.2.entry(reason.clone()).or_default() += 1;
                }
            }
        }
        // The next joint answer set, like an odometer.
        let Some(q) = (0..masks.len()).find(|&q| masks[q] + 1 < sizes[q]) else {
            break;
        };
        masks[q] += 1;
        masks[..q].iter_mut().for_each(|m| *m = 0);
    }
    (changes, unchanged)
}

fn by_classes(diff: &Diff) -> (Changes, u128) {
    let counts = |list: &[(String, u128)]| list.iter().cloned().collect();
    let changes = (diff.changes.iter())
        .map(|c| {
            let key = (c.from.clone(), c.to.clone());
            (key, (c.count, counts(&c.reasons_added), counts(&c.reasons_removed)))
        })
        .collect();
    (changes, diff.unchanged)
}

/// Every example of a change gives its outcomes before and after.
fn assert_examples_fit(old: &Definition, new: &Definition, diff: &Diff) {
    let ids = old.questions.iter().chain(&new.questions).map(|q| q.id.clone());
    for change in &diff.changes {
        for example in &change.examples {
            let mut joint: Joint = ids.clone().map(|id| (id, BTreeSet::new())).collect();
            for (question, options) in example {
                joint.insert(question.clone(), options.iter().cloned().collect());
            }
            let [from, to] = [old, new].map(|d| read(d, &joint).result.map(|(o, _)| o));
            assert_eq!((&from, &to), (&change.from, &change.to), "{example:?}");
        }
    }
}

fn pair() -> impl Strategy<Value = (crate::spec::Spec, crate::spec::Spec)> {
    let unrelated = (spec(), spec());
    let one_edit = (spec(), any::<usize>(), condition_recipe())
        .prop_map(|(spec, which, recipe)| (spec.clone(), edited(&spec, which, &recipe)));
    prop_oneof![unrelated, one_edit]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn diff_counts_every_changed_answer_set_as_brute_force_does((old, new) in pair()) {
        let [old, new] = [&old, &new].map(|s| Definition::from_spec(s).unwrap());
        let diff = old.diff(&new).unwrap();
        prop_assert_eq!(by_classes(&diff), brute_force(&old, &new));
        assert_examples_fit(&old, &new, &diff);
        let same = old.diff(&old).unwrap();
        prop_assert!(same.changes.is_empty());
        prop_assert_eq!(same.unchanged, brute_force(&old, &old).1);
    }
}
