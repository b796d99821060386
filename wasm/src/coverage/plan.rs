//! The plan of a walk: the questions in the order the walk answers them, each with its
//! answer classes, and for each definition the step at which each of its conditions can be
//! worked out.
//!
//! One walk can cover two definitions at once (for [`Definition::diff`]), matched by ids:
//! a step is a question of either definition, with the options of both; a class is an
//! answer to it, and each definition reads that answer in its own options, or cannot give
//! it at all (an option it lacks, several options for a one-answer question, an exclusive
//! option with others). Each definition keeps its own visibility rules.
//!
//! Conditions are worked out once, at the step after which every question they look at is
//! settled, so a leaf costs only the conditions on the last questions rather than all of
//! them; and a condition on a single question is worked out for each of its classes while
//! planning ([`Local`]). A question is settled at its own step when its `show_if` looks only at earlier
//! steps. In a definition whose questions the other reorders, a `show_if` can look at a
//! later step; then the question's visibility there is learnt at that later step, and
//! until then the walk tries it both answered and unanswered (see [`mod@super::walk`]).

use super::bits::{Bits, BitsTable};
use super::classes::{class_count, classes, Class, Distinctions};
use super::TooLarge;
use crate::condition::Expr;
use crate::definition::{Choice, Definition, Kind, Question};
use crate::option_set::OptionSet;
use crate::problem::{Problem, Site};

/// A walk covers one definition, or two to compare.
pub(crate) const MAX_SIDES: usize = 2;

/// The most classes one question may have. They are all kept while the walk runs, with
/// their answers and local conditions (see [`Local`]) at about 100 bytes each, so this
/// bounds its memory (to about 100 MiB) as the work budget bounds its time; a question
/// with more is too large whatever the budget.
const MAX_CLASSES: u128 = 1 << 20;

pub(crate) struct Plan<'d> {
    pub sides: Vec<Side<'d>>,
    pub steps: Vec<Step>,
    /// The work planning took, counted as the walk counts it.
    pub work: u64,
    /// The reason ids of every side, matched by id: the bits of a side's reasons.
    pub reasons: Vec<String>,
    /// The outcome ids of every side, matched by id.
    pub outcomes: Vec<String>,
}

/// One question, as the walk answers it.
pub(crate) struct Step {
    /// The question with the options of every side (the last side's first), matched by id.
    pub question: Question,
    /// Per side: the question's index there, if the side has it.
    pub member: [Option<usize>; MAX_SIDES],
    pub classes: Vec<Class>,
    /// Per class, per side: the answer in that side's options, or `None` if the side
    /// cannot give it.
    pub answers: Vec<[Option<OptionSet>; MAX_SIDES]>,
}

/// One definition, as the walk works it out.
pub(crate) struct Side<'d> {
    pub definition: &'d Definition,
    /// Per question: the step that answers it.
    pub step_of: Vec<usize>,
    /// Per question: the step after which its visibility is known.
    pub known_at: Vec<usize>,
    /// Per question: the step after which every earlier question's visibility is known
    /// (0 for the first).
    pub earlier_known: Vec<usize>,
    /// Per question: the tests in its `show_if`.
    pub show_if_tests: Vec<u64>,
    /// Per reason: its bit, an index into [`Plan::reasons`].
    pub reason_bit: Vec<usize>,
    /// Per outcome: its index in [`Plan::outcomes`].
    pub outcome_id: Vec<usize>,
    /// Per step: what becomes known once it is answered.
    pub schedule: Vec<Schedule>,
}

/// What a side works out at one step.
#[derive(Default)]
pub(crate) struct Schedule {
    /// Questions (of earlier steps) whose visibility becomes known, in definition order.
    pub resolve: Vec<usize>,
    /// Outcomes and reasons whose conditions can now be worked out.
    pub outcomes: Vec<usize>,
    pub reasons: Vec<usize>,
    /// The tests in those conditions, for the work budget.
    pub tests: u64,
    /// The conditions that look only at this step's question, worked out when planning.
    pub local: Option<Local>,
}

/// Outcomes and reasons whose conditions look only at one step's question, so that what
/// they give depends only on its answer: they are worked out once per class while
/// planning, and a path then adds the bits for its class instead of evaluating them. Most
/// reasons are like this (`behaviours has following`), and otherwise they would be
/// evaluated again on every path below.
pub(crate) struct Local {
    /// Which outcomes (the side's own indices) and reasons ([`Plan::reasons`] bits).
    pub outcomes: Bits,
    pub reasons: Bits,
    /// Per class of the step, then one for no answer (hidden, unanswered, or an answer
    /// this side cannot give): the outcomes and reasons that hold.
    pub held_outcomes: BitsTable,
    pub held_reasons: BitsTable,
}

impl<'d> Plan<'d> {
    /// Plans a walk over one or two definitions; the last one's order leads. Fails if a
    /// question has more than [`MAX_CLASSES`] classes or more than `budget` (the walk would
    /// spend more than that on it alone), or, across two definitions, more than
    /// [`OptionSet::CAPACITY`] options.
    pub fn new(definitions: &[&'d Definition], budget: u64) -> Result<Plan<'d>, Problem> {
        assert!((1..=MAX_SIDES).contains(&definitions.len()));
        let distinctions: Vec<Vec<Distinctions>> =
            definitions.iter().map(|d| distinctions(d)).collect();
        let mut joint = Vec::new();
        for member in walk_order(definitions) {
            let (question, maps) = joint_question(definitions, &member)?;
            let found = joint_distinctions(definitions, &distinctions, &member, &question, &maps);
            joint.push((question, member, maps, found));
        }
        let counts: Vec<(String, u128)> = (joint.iter())
            .map(|(question, _, _, found)| (question.id.clone(), class_count(question, *found)))
            .collect();
        let most = MAX_CLASSES.min(u128::from(budget));
        if counts.iter().any(|&(_, count)| count > most) {
            return Err(TooLarge::new(definitions, counts).problem());
        }
        let steps: Vec<Step> = (joint.into_iter())
            .map(|(question, member, maps, found)| {
                let classes = classes(&question, found);
                let answers = (classes.iter())
                    .map(|class| {
                        let mut answers = [None; MAX_SIDES];
                        for (side, answer) in answers.iter_mut().enumerate() {
                            let mine = member[side].map(|q| &definitions[side].questions[q]);
                            *answer = mine.and_then(|q| side_answer(class.answer, &maps[side], q));
                        }
                        answers
                    })
                    .collect();
                Step {
                    question,
                    member,
                    classes,
                    answers,
                }
            })
            .collect();
        let (reasons, reason_bits) = joint_ids(&ids(definitions, |d| &d.reasons, |r| &r.id));
        let (outcomes, outcome_ids) =
            joint_ids(&ids(definitions, |d| &d.outcomes, |o| &o.id));
        let mut work = 0;
        let mut sides = Vec::new();
        for (index, ((definition, reason_bit), outcome_id)) in
            (definitions.iter().zip(reason_bits).zip(outcome_ids)).enumerate()
        {
            let mut side = Side::new(definition, index, &steps, reason_bit, outcome_id);
            work += side.work_out_local(index, &steps, reasons.len(), budget - work.min(budget))
                .ok_or_else(|| TooLarge::new(definitions, counts.clone()).problem())?;
            sides.push(side);
        }
        Ok(Plan {
            sides,
            steps,
            work,
            reasons,
            outcomes,
        })
    }

    /// The problem to report when the walk runs out of budget.
    pub fn too_large(&self) -> Problem {
        let counts = (self.steps.iter())
            .map(|s| (s.question.id.clone(), s.classes.len() as u128))
            .collect();
        let definitions: Vec<&Definition> = self.sides.iter().map(|s| s.definition).collect();
        TooLarge::new(&definitions, counts).problem()
    }
}

impl<'d> Side<'d> {
    /// The side's schedule, with the local conditions not yet worked out.
    fn new(
        definition: &'d Definition,
        index: usize,
        steps: &[Step],
        reason_bit: Vec<usize>,
        outcome_id: Vec<usize>,
    ) -> Side<'d> {
        let questions = definition.questions.len();
        let mut step_of = vec![0; questions];
        for (step, s) in steps.iter().enumerate() {
            if let Some(q) = s.member[index] {
                step_of[q] = step;
            }
        }
        // A question's visibility is known once its own step and everything its `show_if`
        // looks at are; those are earlier questions of this definition, so already done.
        let mut known_at = step_of.clone();
        for (q, question) in definition.questions.iter().enumerate() {
            let looked_at = question.show_if.iter().flat_map(|c| c.tests());
            known_at[q] = looked_at.fold(known_at[q], |at, t| at.max(known_at[t.question]));
        }
        let earlier_known = (0..questions)
            .map(|q| known_at[..q].iter().copied().max().unwrap_or(0))
            .collect();
        let mut schedule: Vec<Schedule> = steps.iter().map(|_| Schedule::default()).collect();
        for (q, (&known, &step)) in known_at.iter().zip(&step_of).enumerate() {
            if known > step {
                schedule[known].resolve.push(q);
            }
        }
        // Each condition is worked out once every question it looks at is known; one that
        // looks at a single question settled at its own step is local to that step.
        let ready = |condition: &Expr| {
            let tests = condition.tests();
            let at = tests.iter().map(|t| known_at[t.question]).max().unwrap_or(0);
            let first = tests.first().map(|t| t.question);
            let local = first.filter(|&q| {
                tests.iter().all(|t| t.question == q) && known_at[q] == step_of[q]
            });
            (at, tests.len() as u64, local.is_some())
        };
        for (o, outcome) in definition.outcomes.iter().enumerate() {
            if let Some(when) = &outcome.when {
                let (at, tests, local) = ready(when);
                let schedule = &mut schedule[at];
                if local {
                    schedule.local_mut(definition, reason_bit.len()).outcomes.set(o, true);
                } else {
                    schedule.outcomes.push(o);
                    schedule.tests += tests;
                }
            }
        }
        for (r, reason) in definition.reasons.iter().enumerate() {
            let (at, tests, local) = ready(&reason.when);
            let schedule = &mut schedule[at];
            if local {
                let bits = reason_bit.len();
                schedule.local_mut(definition, bits).reasons.set(reason_bit[r], true);
            } else {
                schedule.reasons.push(r);
                schedule.tests += tests;
            }
        }
        Side {
            definition,
            step_of,
            known_at,
            earlier_known,
            show_if_tests: (definition.questions.iter())
                .map(|q| q.show_if.as_ref().map_or(0, |c| c.tests().len() as u64))
                .collect(),
            reason_bit,
            outcome_id,
            schedule,
        }
    }

    /// Works out the local conditions of every step for each of its classes, within
    /// `budget`; returns the work done, or `None` if it would exceed the budget.
    fn work_out_local(
        &mut self,
        index: usize,
        steps: &[Step],
        reasons: usize,
        budget: u64,
    ) -> Option<u64> {
        let definition = self.definition;
        let questions = &definition.questions;
        let reason_of_bit: Vec<Option<usize>> = (0..reasons)
            .map(|bit| self.reason_bit.iter().position(|&b| b == bit))
            .collect();
        let mut work = 0u64;
        for (step, schedule) in steps.iter().zip(&mut self.schedule) {
            let (Some(local), Some(q)) = (schedule.local.as_mut(), step.member[index]) else {
                continue;
            };
            let outcomes: Vec<usize> = local.outcomes.iter().collect();
            let bits: Vec<usize> = local.reasons.iter().collect();
            let tests = (outcomes.iter())
                .filter_map(|&o| definition.outcomes[o].when.as_ref())
                .chain(bits.iter().filter_map(|&b| Some(&definition.reasons[reason_of_bit[b]?].when)))
                .map(|c| c.tests().len() as u64)
                .sum::<u64>();
            let entries = step.answers.len() as u64 + 1;
            work = work.saturating_add(entries.saturating_mul(tests));
            if work > budget {
                return None;
            }
            let mut effective = vec![OptionSet::EMPTY; questions.len()];
            let answers = (step.answers.iter()).map(|a| a[index]).chain([None]);
            for answer in answers {
                effective[q] = answer.unwrap_or(OptionSet::EMPTY);
                let mut held = Bits::new(definition.outcomes.len());
                for &o in &outcomes {
                    let when = definition.outcomes[o].when.as_ref();
                    held.set(o, when.is_some_and(|w| w.holds(&effective, questions)));
                }
                local.held_outcomes.push(&held);
                let mut held = Bits::new(reasons);
                for &bit in &bits {
                    let reason = reason_of_bit[bit].map(|r| &definition.reasons[r]);
                    held.set(bit, reason.is_some_and(|r| r.when.holds(&effective, questions)));
                }
                local.held_reasons.push(&held);
            }
        }
        Some(work)
    }
}

impl Schedule {
    /// The step's local conditions, made empty the first time.
    fn local_mut(&mut self, definition: &Definition, reasons: usize) -> &mut Local {
        let outcomes = definition.outcomes.len();
        self.local.get_or_insert_with(|| Local {
            outcomes: Bits::new(outcomes),
            reasons: Bits::new(reasons),
            held_outcomes: BitsTable::new(outcomes),
            held_reasons: BitsTable::new(reasons),
        })
    }
}

/// Per question, what the conditions can tell apart.
pub(crate) fn distinctions(definition: &Definition) -> Vec<Distinctions> {
    let mut found = vec![Distinctions::default(); definition.questions.len()];
    let conditions = (definition.questions.iter())
        .filter_map(|q| q.show_if.as_ref())
        .chain(definition.outcomes.iter().filter_map(|o| o.when.as_ref()))
        .chain(definition.reasons.iter().map(|r| &r.when));
    for test in conditions.flat_map(|c| c.tests()) {
        if let Some(distinctions) = found.get_mut(test.question) {
            distinctions.add(test);
        }
    }
    found
}

/// The questions of all definitions in walk order: the last definition's order, with the
/// questions only earlier ones have placed after the question they follow there. Each is
/// given as its index in each definition.
fn walk_order(definitions: &[&Definition]) -> Vec<[Option<usize>; MAX_SIDES]> {
    let Some((last, earlier)) = definitions.split_last() else {
        return Vec::new();
    };
    let mut order: Vec<&str> = last.questions.iter().map(|q| q.id.as_str()).collect();
    for definition in earlier {
        let mut next = 0;
        for question in &definition.questions {
            match order.iter().position(|id| *id == question.id) {
                Some(at) => next = at + 1,
                None => {
                    order.insert(next, &question.id);
                    next += 1;
                }
            }
        }
    }
    (order.iter())
        .map(|id| {
            let mut member = [None; MAX_SIDES];
            for (slot, definition) in member.iter_mut().zip(definitions) {
                *slot = definition.question_index(id);
            }
            member
        })
        .collect()
}

/// Per definition, the ids of a list of its entries.
fn ids<'d, T: 'd>(
    definitions: &[&'d Definition],
    list: impl Fn(&'d Definition) -> &'d [T],
    id: impl Fn(&'d T) -> &'d String,
) -> Vec<Vec<&'d String>> {
    (definitions.iter())
        .map(|d| list(d).iter().map(&id).collect())
        .collect()
}

/// Per side, for each option of the joint question, the option's index in that side.
type OptionMaps = [Vec<Option<usize>>; MAX_SIDES];

/// The question as the walk answers it: every side's options, matched by id. An option is
/// exclusive if it is in every side that has it; the question takes many answers if it does
/// in some side.
fn joint_question(
    definitions: &[&Definition],
    member: &[Option<usize>; MAX_SIDES],
) -> Result<(Question, OptionMaps), Problem> {
    let present: Vec<&Question> = (definitions.iter().zip(member).rev())
        .filter_map(|(d, &m)| Some(&d.questions[m?]))
        .collect();
    let mut options: Vec<Choice> = Vec::new();
    for question in &present {
        for option in &question.options {
            match options.iter_mut().find(|o| o.id == option.id) {
                Some(joint) => joint.exclusive &= option.exclusive,
                None => options.push(option.clone()),
            }
        }
    }
    let id = present[0].id.clone();
    if options.len() > OptionSet::CAPACITY {
        let message = format!(
            "question `{id}` has {} options in the two versions together; at most {} can be compared",
            options.len(),
            OptionSet::CAPACITY
        );
        return Err(Problem::new(Site::Definition, message));
    }
    let mut maps: OptionMaps = Default::default();
    for (map, (definition, &m)) in maps.iter_mut().zip(definitions.iter().zip(member)) {
        if let Some(q) = m {
            let question = &definition.questions[q];
            *map = options.iter().map(|o| question.option_index(&o.id)).collect();
        }
    }
    let many = present.iter().any(|q| q.kind == Kind::Many);
    let question = Question {
        id,
        kind: if many { Kind::Many } else { Kind::One },
        options,
        show_if: None,
    };
    Ok((question, maps))
}

/// What the conditions of every side can tell apart about the joint question. An option
/// that only some sides have is named too, since it decides which sides can give an
/// answer. If the sides disagree on the question's kind or an option's exclusiveness,
/// every option is named: how many options are chosen then decides what a side can give,
/// which the classes of unnamed options do not keep apart.
fn joint_distinctions(
    definitions: &[&Definition],
    distinctions: &[Vec<Distinctions>],
    member: &[Option<usize>; MAX_SIDES],
    question: &Question,
    maps: &OptionMaps,
) -> Distinctions {
    let mut found = Distinctions::default();
    let mut disagree = false;
    for (side, definition) in definitions.iter().enumerate() {
        let Some(q) = member[side] else { continue };
        let theirs = &definition.questions[q];
        let Distinctions { named, count } = distinctions[side][q];
        found.count = found.count.max(count);
        disagree |= theirs.kind != question.kind;
        for (joint, option) in question.options.iter().enumerate() {
            let Some(i) = maps[side][joint] else {
                found.named = found.named.with(joint);
                continue;
            };
            disagree |= theirs.options[i].exclusive != option.exclusive;
            if named.contains(i) {
                found.named = found.named.with(joint);
            }
        }
    }
    if disagree {
        found.named = question.all_options();
    }
    found
}

/// A joint answer in a side's options, if the side can give it.
fn side_answer(joint: OptionSet, map: &[Option<usize>], question: &Question) -> Option<OptionSet> {
    let mut answer = OptionSet::EMPTY;
    for option in joint.iter() {
        answer = answer.with(map[option]?);
    }
    let fits = match question.kind {
        Kind::One => answer.len() == 1,
        Kind::Many => !answer.is_empty() && question.normalise(answer) == answer,
    };
    fits.then_some(answer)
}

/// The ids of every side, matched: the last side's in order, then those only earlier
/// sides have; and per side, each of its ids' index among them.
fn joint_ids(sides: &[Vec<&String>]) -> (Vec<String>, Vec<Vec<usize>>) {
    let mut ids: Vec<String> = Vec::new();
    let mut index = |id: &String| match ids.iter().position(|i| i == id) {
        Some(at) => at,
        None => {
            ids.push(id.clone());
            ids.len() - 1
        }
    };
    let mut positions: Vec<Vec<usize>> = sides.iter().rev().map(|s| s.iter().map(|id| index(id)).collect()).collect();
    positions.reverse();
    (ids, positions)
}
