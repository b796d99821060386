//! Answer classes: for one question, the sets of answers that no condition can tell apart.
//!
//! Conditions only name some options, so answers that differ only in unnamed options are
//! indistinguishable. The classes are:
//! - one-answer: each named option, plus one class for all the unnamed options;
//! - many-answer (answers are normalised, so an exclusive option stands alone): each subset
//!   `S` of the named non-exclusive options, together with `u` unnamed non-exclusive ones,
//!   each named exclusive option alone, and one class for the unnamed exclusive options.
//!
//! Which unnamed options are chosen never matters, but how many can: `q has at least N`
//! counts them. So `u` runs from 0 (1 when `S` is empty, since an answer is never empty) up
//! to `N - |S|` for the largest such `N`, where the last class also holds every answer with
//! more unnamed options, since beyond it every count already holds. Counting only the
//! unnamed options, rather than treating every option of a counted question as named,
//! keeps the classes few: with `k` unnamed options, counting to `N` adds about `N` classes
//! per subset instead of multiplying them by `2^k`. `has at least N of [..]` counts only
//! the options it lists, which are named, so it needs no more than they do.
//!
//! Each class also carries its weight: how many answers it stands for, so that the number
//! of answer sets behind a path is the product of its classes' weights.

use crate::condition::{Check, Test};
use crate::definition::{Kind, Question};
use crate::option_set::OptionSet;

/// What the conditions can tell apart about one question's answer.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct Distinctions {
    /// The options some test names.
    pub named: OptionSet,
    /// The largest `N` in a `has at least N` without a list (0 if none): up to this many,
    /// the number of chosen unnamed options matters.
    pub count: usize,
}

impl Distinctions {
    pub fn add(&mut self, test: &Test) {
        match test.check {
            Check::Is(option) | Check::IsNot(option) | Check::Has(option) => {
                self.named = self.named.with(option);
            }
            Check::In(options)
            | Check::HasAnyOf(options)
            | Check::HasAllOf(options)
            | Check::HasAtLeastOf(_, options) => self.named = self.named.with_all(options),
            // `has any` only asks whether a non-exclusive option is chosen.
            Check::HasAny => {}
            Check::HasAtLeast(count) => self.count = self.count.max(count),
        }
    }
}

/// Answers that no condition can tell apart: `answer` represents them all.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Class {
    pub answer: OptionSet,
    /// How many answers the class holds.
    pub weight: u128,
}

/// The parts of a question's options that the classes are made from.
struct Parts {
    named: OptionSet,
    unnamed: OptionSet,
    exclusive_named: OptionSet,
    exclusive_unnamed: OptionSet,
}

impl Parts {
    fn of(question: &Question, named: OptionSet) -> Parts {
        let exclusive = question.exclusive_options();
        let all = question.all_options();
        Parts {
            named: named.without(exclusive),
            unnamed: all.without(named).without(exclusive),
            exclusive_named: named.and(exclusive),
            exclusive_unnamed: exclusive.without(named),
        }
    }

    /// The numbers of unnamed non-exclusive options that the classes with `chosen` named
    /// ones take: the last stands for itself and every larger number.
    fn unnamed_counts(&self, chosen: usize, count: usize) -> core::ops::RangeInclusive<usize> {
        let least = usize::from(chosen == 0);
        let last = count.saturating_sub(chosen).max(least);
        least..=last.min(self.unnamed.len())
    }
}

/// How many classes [`classes`] makes, computed without making them (it may be too many).
pub(crate) fn class_count(question: &Question, distinctions: Distinctions) -> u128 {
    let Distinctions { named, count } = distinctions;
    let any = |set: OptionSet| u128::from(!set.is_empty());
    match question.kind {
        Kind::One => (named.len() as u128) + any(question.all_options().without(named)),
        Kind::Many => {
            let p = Parts::of(question, named);
            let subsets = binomials(p.named.len());
            let with_unnamed: u128 = (subsets.iter().enumerate())
                .map(|(chosen, &ways)| ways * p.unnamed_counts(chosen, count).count() as u128)
                .sum();
            with_unnamed + p.exclusive_named.len() as u128 + any(p.exclusive_unnamed)
        }
    }
}

/// One representative answer per class, with the class's weight.
pub(crate) fn classes(question: &Question, distinctions: Distinctions) -> Vec<Class> {
    let Distinctions { named, count } = distinctions;
    let single = |index, weight| Class {
        answer: OptionSet::single(index),
        weight,
    };
    let first = |set: OptionSet| set.iter().next().map(|i| single(i, set.len() as u128));
    match question.kind {
        Kind::One => {
            let unnamed = question.all_options().without(named);
            (named.iter().map(|i| single(i, 1)))
                .chain(first(unnamed))
                .collect()
        }
        Kind::Many => {
            let p = Parts::of(question, named);
            let unnamed: Vec<usize> = p.unnamed.iter().collect();
            let ways = binomials(unnamed.len());
            let mut classes = Vec::new();
            for chosen in core::iter::once(OptionSet::EMPTY).chain(p.named.subsets()) {
                let counts = p.unnamed_counts(chosen.len(), count);
                let last = *counts.end();
                for extra in counts {
                    let answer = chosen.with_all(unnamed[..extra].iter().copied().collect());
                    let weight = if extra == last {
                        ways[extra..].iter().sum()
                    } else {
                        ways[extra]
                    };
                    classes.push(Class { answer, weight });
                }
            }
            let exclusive_named = p.exclusive_named.iter().map(|i| single(i, 1));
            classes.extend(exclusive_named.chain(first(p.exclusive_unnamed)));
            classes
        }
    }
}

/// The binomial coefficients `C(n, 0..=n)`: how many ways to choose from `n` options.
fn binomials(n: usize) -> Vec<u128> {
    let mut row = vec![1u128];
    for _ in 0..n {
        let mut next = vec![1; row.len() + 1];
        for k in 1..row.len() {
            next[k] = row[k - 1] + row[k];
        }
        row = next;
    }
    row
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
            options: ["following", "contact", "watching", "loitering", "none"]
                .map(option)
                .to_vec(),
            show_if: None,
        }
    }

    fn set(indices: &[usize]) -> OptionSet {
        indices.iter().copied().collect()
    }

    fn found(question: &Question, distinctions: Distinctions) -> Vec<(OptionSet, u128)> {
        let classes = classes(question, distinctions);
        assert_eq!(class_count(question, distinctions), classes.len() as u128);
        classes.iter().map(|c| (c.answer, c.weight)).collect()
    }

    #[test]
    fn many_answer_classes_are_subsets_of_named_options_plus_one_of_each_other_kind() {
        let named = Distinctions {
            named: set(&[0, 1]),
            count: 0,
        };
        // Each named subset also stands for any choice of the 2 unnamed behaviours.
        assert_eq!(
            found(&behaviours(), named),
            [
                (set(&[2]), 3),
                (set(&[0, 1]), 4),
                (set(&[1]), 4),
                (set(&[0]), 4),
                (set(&[4]), 1),
            ]
        );
        // With nothing named, `has any` can only tell "some behaviour" from "none".
        assert_eq!(found(&behaviours(), Distinctions::default()).len(), 2);
    }

    #[test]
    fn a_count_tells_apart_how_many_unnamed_options_are_chosen() {
        let counted = Distinctions {
            named: set(&[0]),
            count: 3,
        };
        // 3 unnamed behaviours: without `following`, 1, 2 or 3 of them; with it, 0, 1 or
        // 2 or more.
        assert_eq!(
            found(&behaviours(), counted),
            [
                (set(&[1]), 3),
                (set(&[1, 2]), 3),
                (set(&[1, 2, 3]), 1),
                (set(&[0]), 1),
                (set(&[0, 1]), 3),
                (set(&[0, 1, 2]), 4),
                (set(&[4]), 1),
            ]
        );
    }

    #[test]
    fn one_answer_classes_are_the_named_options_and_one_other() {
        let question = Question {
            kind: Kind::One,
            ..behaviours()
        };
        let named = Distinctions {
            named: OptionSet::single(2),
            count: 0,
        };
        assert_eq!(
            found(&question, named),
            [(OptionSet::single(2), 1), (OptionSet::single(0), 4)]
        );
    }

    #[test]
    fn binomials_are_pascals_triangle() {
        assert_eq!(binomials(0), [1]);
        assert_eq!(binomials(4), [1, 4, 6, 4, 1]);
        assert_eq!(binomials(64)[32], 1_832_624_140_942_590_534);
    }
}
