//! The walk: every path through the answer classes of a [`Plan`], within a work budget.
//!
//! With one definition, a path answers exactly the questions it shows. With two, a path is
//! an answer set as a visitor of either version would give it. Each version asks its
//! questions in its own order, showing those whose `show_if` holds, and stops at the first
//! it is given an answer it cannot take (an option it lacks, say). A path answers exactly
//! the questions some version asks before it stops (including where it stops), each with
//! an answer that some version asking it can give, and some version takes the whole path,
//! never stopping. So a question only the new version asks splits each old answer set in
//! as many as it has answers, and a new option makes answer sets the old version cannot
//! take, without counting any answer set twice.
//!
//! The walk tries a question answered when some version may ask it, and unanswered when
//! none surely does; it drops a path once no version can take it, and checks the rest
//! exactly at the end.
//!
//! Work is counted in tests evaluated (every test of a condition that is worked out counts,
//! as if none were cut short; conditions on one question count where the plan works them
//! out, once per class) plus [`CLASS_COST`] for each class tried, so the budget bounds the
//! time a walk takes however the definition is shaped: many paths, many reasons or long
//! conditions.

use super::bits::Bits;
use super::plan::{Plan, MAX_SIDES};
use crate::option_set::OptionSet;

/// What trying one class costs, in tests: measured in release builds, a step of a walk
/// with few conditions takes about as long as 8 tests of one with many.
const CLASS_COST: u64 = 8;

/// One definition's state on the path walked so far.
pub(crate) struct SideState {
    /// The effective answers: empty for hidden or unanswered questions.
    pub effective: Vec<OptionSet>,
    /// The questions shown on this path (so far).
    pub visible: Vec<bool>,
    /// The questions shown at some step of the walk so far. With one definition that is
    /// on some path; with two, a path dropped later may have shown it.
    pub shown: Vec<bool>,
    /// The outcomes whose `when` holds (by the side's own index).
    pub outcomes: Bits,
    /// The reasons whose `when` holds, as [`Plan::reasons`] bits.
    pub reasons: Bits,
    /// The shown questions (by index) that are unanswered, or hold an answer this side
    /// cannot give: where it stops.
    refusals: Vec<usize>,
}

impl SideState {
    /// The outcome given: the first whose `when` holds.
    pub fn outcome(&self) -> Option<usize> {
        self.outcomes.first()
    }

    /// Whether this side takes the answers so far: a visitor could give them.
    pub fn takes(&self) -> bool {
        self.refusals.is_empty()
    }

    /// Whether this side, walked in its own order, asks its question `q`: shows it, and
    /// has not stopped at an earlier question.
    fn asks(&self, q: usize) -> bool {
        let stop = self.refusals.iter().min();
        self.visible[q] && stop.is_none_or(|&r| q <= r)
    }
}

/// A complete path.
pub(crate) struct Leaf<'a> {
    /// How many answer sets the path stands for.
    pub weight: u128,
    /// Per step, the class answered, or `None` if the question is not answered.
    pub chosen: &'a [Option<usize>],
    pub sides: &'a [SideState],
}

/// The budget ran out.
pub(crate) struct OutOfBudget;

/// Walks every path of `plan`, calling `visit` at each, unless the work exceeds `budget`;
/// returns the sides' final state.
pub(crate) fn walk(
    plan: &Plan<'_>,
    budget: u64,
    visit: impl FnMut(&Leaf<'_>),
) -> Result<Vec<SideState>, OutOfBudget> {
    let sides = (plan.sides.iter())
        .map(|side| {
            let definition = side.definition;
            let mut outcomes = Bits::new(definition.outcomes.len());
            for (index, outcome) in definition.outcomes.iter().enumerate() {
                outcomes.set(index, outcome.when.is_none());
            }
            let questions = definition.questions.len();
            SideState {
                effective: vec![OptionSet::EMPTY; questions],
                visible: vec![false; questions],
                shown: vec![false; questions],
                outcomes,
                reasons: Bits::new(plan.reasons.len()),
                refusals: Vec::new(),
            }
        })
        .collect();
    let mut walker = Walker {
        plan,
        budget,
        work: plan.work,
        chosen: vec![None; plan.steps.len()],
        sides,
        visit,
    };
    walker.step(0, 1)?;
    Ok(walker.sides)
}

/// Whether a side shows a step's question, as far as is known before answering it.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Seen {
    /// The side does not have the question.
    Absent,
    Hidden,
    Shown,
    /// Its `show_if` looks at a later step.
    Later,
}

/// Whether a side asks a step's question, as far as is known before answering it.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Asks {
    No,
    Maybe,
    Yes,
}

struct Walker<'p, 'd, F> {
    plan: &'p Plan<'d>,
    budget: u64,
    work: u64,
    chosen: Vec<Option<usize>>,
    sides: Vec<SideState>,
    visit: F,
}

impl<F: FnMut(&Leaf<'_>)> Walker<'_, '_, F> {
    /// Answers step `index` every way that a side which may ask it can give, and leaves
    /// it unanswered unless some side surely asks it; then walks on. `weight` is the
    /// path's number of answer sets.
    fn step(&mut self, index: usize, weight: u128) -> Result<(), OutOfBudget> {
        let plan = self.plan;
        let Some(step) = plan.steps.get(index) else {
            if plan.sides.len() == 1 || self.is_answer_set() {
                (self.visit)(&Leaf {
                    weight,
                    chosen: &self.chosen,
                    sides: &self.sides,
                });
            }
            return Ok(());
        };
        let mut seen = [Seen::Absent; MAX_SIDES];
        let mut asks = [Asks::No; MAX_SIDES];
        for (side, member) in step.member.iter().enumerate() {
            let Some(q) = *member else { continue };
            let plan_side = &plan.sides[side];
            seen[side] = if plan_side.known_at[q] > index {
                Seen::Later
            } else if self.shows(side, q)? {
                Seen::Shown
            } else {
                Seen::Hidden
            };
            let stopped = self.sides[side].refusals.iter().any(|&r| r < q);
            asks[side] = match seen[side] {
                Seen::Absent | Seen::Hidden => Asks::No,
                _ if stopped => Asks::No,
                Seen::Later => Asks::Maybe,
                // An earlier question not yet settled may still stop the side.
                Seen::Shown if plan_side.earlier_known[q] >= index => Asks::Maybe,
                Seen::Shown => Asks::Yes,
            };
        }
        for (class, (found, answers)) in step.classes.iter().zip(&step.answers).enumerate() {
            if (0..MAX_SIDES).any(|side| asks[side] != Asks::No && answers[side].is_some()) {
                let weight = weight.saturating_mul(found.weight);
                self.choose(index, Some(class), &seen, weight)?;
            }
        }
        if !asks.contains(&Asks::Yes) {
            self.choose(index, None, &seen, weight)?;
        }
        Ok(())
    }

    /// Takes `class` (or no answer) at step `index`, works out what that settles, walks
    /// on if some side still takes the path, and undoes it all.
    fn choose(
        &mut self,
        index: usize,
        class: Option<usize>,
        seen: &[Seen; MAX_SIDES],
        weight: u128,
    ) -> Result<(), OutOfBudget> {
        let plan = self.plan;
        let step = &plan.steps[index];
        self.spend(CLASS_COST)?;
        self.chosen[index] = class;
        for (side, member) in step.member.iter().enumerate() {
            if let (Some(q), Seen::Shown | Seen::Hidden) = (*member, seen[side]) {
                self.settle(side, q, seen[side] == Seen::Shown);
            }
        }
        for (side, plan_side) in plan.sides.iter().enumerate() {
            for &q in &plan_side.schedule[index].resolve {
                let shown = self.shows(side, q)?;
                self.settle(side, q, shown);
            }
        }
        let result = if self.sides.iter().any(SideState::takes) {
            self.work_out(index)?;
            let result = self.step(index + 1, weight);
            self.forget(index);
            result
        } else {
            Ok(())
        };
        for (side, plan_side) in plan.sides.iter().enumerate() {
            for &q in &plan_side.schedule[index].resolve {
                self.unsettle(side, q);
            }
            if let (Some(q), Seen::Shown | Seen::Hidden) = (step.member[side], seen[side]) {
                self.unsettle(side, q);
            }
        }
        self.chosen[index] = None;
        result
    }

    /// Whether `side` shows its question `q`, given the effective answers so far.
    fn shows(&mut self, side: usize, q: usize) -> Result<bool, OutOfBudget> {
        let plan_side = &self.plan.sides[side];
        self.spend(plan_side.show_if_tests[q])?;
        let questions = &plan_side.definition.questions;
        let show_if = questions[q].show_if.as_ref();
        let effective = &self.sides[side].effective;
        Ok(show_if.is_none_or(|c| c.holds(effective, questions)))
    }

    /// The answer `side` reads for its question `q`: `None` if unanswered, `Some(None)` if
    /// the side cannot give the answer.
    fn answer(&self, side: usize, q: usize) -> Option<Option<OptionSet>> {
        let step = self.plan.sides[side].step_of[q];
        let class = self.chosen[step]?;
        Some(self.plan.steps[step].answers[class][side])
    }

    /// Records whether `side` shows its question `q`, and so the effective answer.
    fn settle(&mut self, side: usize, q: usize, shown: bool) {
        let answer = self.answer(side, q);
        let state = &mut self.sides[side];
        state.visible[q] = shown;
        state.shown[q] |= shown;
        if shown {
            match answer.flatten() {
                Some(answer) => state.effective[q] = answer,
                None => state.refusals.push(q),
            }
        }
    }

    fn unsettle(&mut self, side: usize, q: usize) {
        let state = &mut self.sides[side];
        if let Some(at) = state.refusals.iter().rposition(|&r| r == q) {
            state.refusals.remove(at);
        }
        state.visible[q] = false;
        state.effective[q] = OptionSet::EMPTY;
    }

    /// Whether a complete path over two sides is an answer set: it answers exactly the
    /// questions some side asks, each with an answer a side asking it can give.
    fn is_answer_set(&self) -> bool {
        (self.plan.steps.iter().zip(&self.chosen)).all(|(step, class)| {
            let mut asking = (step.member.iter().zip(&self.sides).enumerate())
                .filter(|(_, (q, side))| q.is_some_and(|q| side.asks(q)));
            match class {
                None => asking.next().is_none(),
                Some(class) => asking.any(|(side, _)| step.answers[*class][side].is_some()),
            }
        })
    }

    /// Works out the outcomes and reasons that become known at step `index`.
    fn work_out(&mut self, index: usize) -> Result<(), OutOfBudget> {
        let step = &self.plan.steps[index];
        for (side, plan_side) in self.plan.sides.iter().enumerate() {
            let schedule = &plan_side.schedule[index];
            self.spend(schedule.tests)?;
            let definition = plan_side.definition;
            let state = &mut self.sides[side];
            if let (Some(local), Some(q)) = (&schedule.local, step.member[side]) {
                let answered = self.chosen[index].filter(|&class| {
                    state.visible[q] && step.answers[class][side].is_some()
                });
                let entry = answered.unwrap_or(step.classes.len());
                state.outcomes.add_row(local.held_outcomes.row(entry));
                state.reasons.add_row(local.held_reasons.row(entry));
            }
            let questions = &definition.questions;
            for &o in &schedule.outcomes {
                let when = definition.outcomes[o].when.as_ref();
                let held = when.is_some_and(|w| w.holds(&state.effective, questions));
                state.outcomes.set(o, held);
            }
            for &r in &schedule.reasons {
                let held = definition.reasons[r].when.holds(&state.effective, questions);
                state.reasons.set(plan_side.reason_bit[r], held);
            }
        }
        Ok(())
    }

    /// Forgets what [`Walker::work_out`] found at step `index`.
    fn forget(&mut self, index: usize) {
        for (side, plan_side) in self.plan.sides.iter().enumerate() {
            let schedule = &plan_side.schedule[index];
            let state = &mut self.sides[side];
            if let Some(local) = &schedule.local {
                state.outcomes.remove(&local.outcomes);
                state.reasons.remove(&local.reasons);
            }
            for &o in &schedule.outcomes {
                state.outcomes.set(o, false);
            }
            for &r in &schedule.reasons {
                state.reasons.set(plan_side.reason_bit[r], false);
            }
        }
    }

    fn spend(&mut self, work: u64) -> Result<(), OutOfBudget> {
        self.work += work;
        if self.work > self.budget {
            return Err(OutOfBudget);
        }
        Ok(())
    }
}
