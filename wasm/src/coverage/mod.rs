//! Validation by enumeration: every answer path the conditions can tell apart is walked, so
//! "every outcome and reason is reachable" and "every path gives an outcome" are proved, not
//! sampled. Each question's answers are split into classes that no condition can tell
//! apart ([`classes`]), and one representative per class suffices. A path answers every
//! visible question; hidden questions stay unanswered.
//!
//! The walk ([`mod@walk`]) follows a [`plan`], which can also cover two definitions at once,
//! for [`Definition::diff`]. It has a work budget, so a definition too large to check is
//! reported as such within seconds, naming the questions that multiply the paths.

mod bits;
mod classes;
mod plan;
#[cfg(test)]
mod proof;
mod reach;
mod walk;

pub(crate) use bits::Bits;
pub(crate) use plan::Plan;
pub(crate) use walk::{walk, Leaf, OutOfBudget};

use crate::definition::Definition;
use crate::problem::{Problem, Site};
use reach::Reach;

/// The most work [`Definition::validate`] does before it reports the definition as too
/// large, in tests evaluated (a class tried counts as a few): about 1.5 seconds of a
/// release build on a 2-core machine, and over ten times what a questionnaire like the
/// example site's, with counts, needs.
pub const WORK_BUDGET: u64 = 600_000_000;

impl Definition {
    /// Proves by enumeration that every question can be shown, every outcome and reason can
    /// be reached, and every complete answer path gives an outcome. Does at most
    /// [`WORK_BUDGET`] work; a larger definition gets a problem saying so.
    pub fn validate(&self) -> Vec<Problem> {
        self.validate_within(WORK_BUDGET)
    }

    /// [`Definition::validate`] with another work budget.
    pub fn validate_within(&self, budget: u64) -> Vec<Problem> {
        let plan = match Plan::new(&[self], budget) {
            Ok(plan) => plan,
            Err(problem) => return vec![problem],
        };
        let mut reach = Reach::new(self);
        match walk(&plan, budget, |leaf| reach.record(&leaf.sides[0])) {
            Ok(sides) => reach.problems(self, &sides[0].shown),
            Err(OutOfBudget) => vec![plan.too_large()],
        }
    }
}

/// What makes a definition (or two, compared) too large to walk.
pub(crate) struct TooLarge {
    /// Per question, in walk order: its id and its number of answer classes.
    classes: Vec<(String, u128)>,
    definitions: usize,
    reasons: usize,
    /// The tests in every condition.
    tests: usize,
}

impl TooLarge {
    pub fn new(definitions: &[&Definition], classes: Vec<(String, u128)>) -> TooLarge {
        let conditions = definitions.iter().flat_map(|d| {
            (d.questions.iter().filter_map(|q| q.show_if.as_ref()))
                .chain(d.outcomes.iter().filter_map(|o| o.when.as_ref()))
                .chain(d.reasons.iter().map(|r| &r.when))
        });
        TooLarge {
            classes,
            definitions: definitions.len(),
            reasons: definitions.iter().map(|d| d.reasons.len()).sum(),
            tests: conditions.map(|c| c.tests().len()).sum(),
        }
    }

    /// The problem, naming the questions with the most classes: the ones that multiply
    /// the paths.
    pub fn problem(&self) -> Problem {
        let paths = (self.classes.iter()).fold(1u128, |paths, (_, c)| paths.saturating_mul(*c));
        let mut multipliers: Vec<&(String, u128)> =
            self.classes.iter().filter(|(_, c)| *c > 1).collect();
        multipliers.sort_by_key(|(_, count)| core::cmp::Reverse(*count));
        let mut named: Vec<String> = (multipliers.iter().take(3).enumerate())
            .map(|(i, (id, count))| {
                let unit = if i == 0 { " answer classes" } else { "" };
                format!("`{id}`: {}{unit}", thousands(*count))
            })
            .collect();
        if multipliers.len() > 3 {
            named.push("…".into());
        }
        let subject = match self.definitions {
            1 => "the self-check is too large to check",
            _ => "the two versions are too large to compare",
        };
        let message = format!(
            "{subject}: up to {} answer paths ({}) and {} reason{}, with {} tests in the conditions",
            thousands(paths),
            named.join(" × "),
            thousands(self.reasons as u128),
            if self.reasons == 1 { "" } else { "s" },
            thousands(self.tests as u128),
        );
        Problem::new(Site::Definition, message)
            .help("name fewer options in conditions, or hide more questions with `show_if`")
    }
}

/// A number with commas between thousands: `1,048,576`, as messages write counts.
pub fn thousands(n: u128) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(digit);
    }
    out
}
