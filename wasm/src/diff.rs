//! Comparing two definitions for sign-off: every answer set whose outcome or reasons a
//! change alters, counted and grouped by the change.

use std::collections::HashMap;

use crate::coverage::{walk, Bits, Leaf, OutOfBudget, Plan, WORK_BUDGET};
use crate::definition::Definition;
use crate::problem::Problem;

/// How a new version of a definition treats every answer set, next to the old one.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diff {
    /// Grouped by outcome before and after; the largest first.
    pub changes: Vec<Change>,
    /// How many answer sets get the same outcome and reasons from both.
    pub unchanged: u128,
}

/// Answer sets that went from one outcome to another, or kept it but not its reasons.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Change {
    /// The outcome before; `None` for answers the old version could not take, such as an
    /// option it did not have.
    pub from: Option<String>,
    /// The outcome after; `None` for answers the new version cannot take.
    pub to: Option<String>,
    /// How many answer sets.
    pub count: u128,
    /// Up to [`EXAMPLES`] of them, those with the fewest options chosen: each answered
    /// question's id and chosen option ids, in the new version's order.
    pub examples: Vec<Vec<(String, Vec<String>)>>,
    /// The reasons these answer sets gain, each with how many gain it.
    pub reasons_added: Vec<(String, u128)>,
    /// The reasons they lose, each with how many lose it.
    pub reasons_removed: Vec<(String, u128)>,
}

/// How many example answer sets a [`Change`] keeps.
pub const EXAMPLES: usize = 3;

impl Definition {
    /// Compares every answer set under `self` (the old version) and `new`, matching
    /// questions, options, outcomes and reasons by id.
    ///
    /// An answer set answers each question that either version shows, each version
    /// deciding what it shows by its own `show_if`s. Answer sets are enumerated by class,
    /// as [`Definition::validate`] does, and counted exactly. Fails, naming what multiplies
    /// the answer paths, if the two together are too large to walk within
    /// [`WORK_BUDGET`].
    pub fn diff(&self, new: &Definition) -> Result<Diff, Problem> {
        let plan = Plan::new(&[self, new], WORK_BUDGET)?;
        let mut tally = Tally::default();
        match walk(&plan, WORK_BUDGET, |leaf| tally.add(&plan, leaf)) {
            Ok(_) => Ok(tally.finish(&plan)),
            Err(OutOfBudget) => Err(plan.too_large()),
        }
    }
}

/// The answer sets of one change, as the walk finds them.
struct Group {
    count: u128,
    /// The smallest paths found: options chosen, order found, and the path.
    examples: Vec<(usize, u128, Vec<Option<usize>>)>,
    /// Per reason bit: how many answer sets gain it, and lose it.
    added: Vec<u128>,
    removed: Vec<u128>,
}

#[derive(Default)]
struct Tally {
    groups: HashMap<(Option<usize>, Option<usize>), Group>,
    unchanged: u128,
}

impl Tally {
    fn add(&mut self, plan: &Plan<'_>, leaf: &Leaf<'_>) {
        let [old, new] = [0, 1].map(|side| {
            let state = &leaf.sides[side];
            let outcome = state.outcome().filter(|_| state.takes());
            outcome.map(|o| (plan.sides[side].outcome_id[o], &state.reasons))
        });
        let none = Bits::new(plan.reasons.len());
        let before = old.map_or(&none, |(_, r)| r);
        let after = new.map_or(&none, |(_, r)| r);
        match (old, new) {
            (None, None) => return,
            (Some((a, _)), Some((b, _))) if a == b && before == after => {
                self.unchanged = self.unchanged.saturating_add(leaf.weight);
                return;
            }
            _ => {}
        }
        let key = (old.map(|(o, _)| o), new.map(|(o, _)| o));
        let group = self.groups.entry(key).or_insert_with(|| Group {
            count: 0,
            examples: Vec::new(),
            added: vec![0; plan.reasons.len()],
            removed: vec![0; plan.reasons.len()],
        });
        let found = group.count;
        group.count = group.count.saturating_add(leaf.weight);
        keep_if_small(&mut group.examples, plan, leaf.chosen, found);
        for (gained, tally) in [(after.without(before), &mut group.added), (before.without(after), &mut group.removed)] {
            for reason in gained.iter() {
                tally[reason] = tally[reason].saturating_add(leaf.weight);
            }
        }
    }

    fn finish(self, plan: &Plan<'_>) -> Diff {
        let outcome = |o: Option<usize>| o.map(|o| plan.outcomes[o].clone());
        let reasons = |counts: &[u128]| -> Vec<(String, u128)> {
            (plan.reasons.iter().zip(counts))
                .filter(|(_, &n)| n > 0)
                .map(|(id, &n)| (id.clone(), n))
                .collect()
        };
        let mut changes: Vec<Change> = (self.groups.into_iter())
            .map(|((from, to), group)| Change {
                from: outcome(from),
                to: outcome(to),
                count: group.count,
                examples: (group.examples.iter())
                    .map(|(_, _, path)| example(plan, path))
                    .collect(),
                reasons_added: reasons(&group.added),
                reasons_removed: reasons(&group.removed),
            })
            .collect();
        changes.sort_by(|a, b| {
            (b.count.cmp(&a.count)).then_with(|| (&a.from, &a.to).cmp(&(&b.from, &b.to)))
        });
        Diff {
            changes,
            unchanged: self.unchanged,
        }
    }
}

/// Keeps `path` among the examples if it chooses fewer options than one kept, so that
/// examples are as simple as the change allows; `found` orders paths of the same size.
fn keep_if_small(
    examples: &mut Vec<(usize, u128, Vec<Option<usize>>)>,
    plan: &Plan<'_>,
    path: &[Option<usize>],
    found: u128,
) {
    let size = (plan.steps.iter().zip(path))
        .filter_map(|(step, class)| Some(step.classes[(*class)?].answer.len()))
        .sum();
    let entry = (size, found, path.to_vec());
    if examples.len() < EXAMPLES {
        examples.push(entry);
    } else if let Some(largest) = examples.iter_mut().max() {
        if size < largest.0 {
            *largest = entry;
        }
    }
    examples.sort();
}

/// A path's answers: each answered question's id and its class's representative options.
fn example(plan: &Plan<'_>, chosen: &[Option<usize>]) -> Vec<(String, Vec<String>)> {
    (plan.steps.iter().zip(chosen))
        .filter_map(|(step, class)| {
            let answer = step.classes[(*class)?].answer;
            let options = answer.iter().map(|i| step.question.options[i].id.clone());
            Some((step.question.id.clone(), options.collect()))
        })
        .collect()
}

#[cfg(test)]
mod proof;
