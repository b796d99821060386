//! Random small definitions for the property tests that prove enumeration right: few
//! questions and options, drawn from small pools of ids so that two definitions share
//! some, with random conditions of every kind (counts included), exclusive options and
//! `show_if`s. Every definition made is valid.

use proptest::prelude::*;

use crate::definition::{Choice, Kind};
use crate::spec::{OutcomeSpec, QuestionSpec, ReasonSpec, Spec};

const QUESTIONS: [&str; 3] = ["q0", "q1", "q2"];
const OPTIONS: [&str; 4] = ["o0", "o1", "o2", "o3"];
const OUTCOMES: [&str; 2] = ["out0", "out1"];
const REASONS: [&str; 3] = ["r0", "r1", "r2"];

/// A test drawn at random, to be fitted to a question: which question (modulo those in
/// reach), which operator (modulo those that fit), which options (a bit mask) and the count.
type TestRecipe = (usize, usize, u8, usize);
/// Tests joined by `and` or `or` (`true` is `and`), each maybe negated.
pub(crate) type ConditionRecipe = Vec<(TestRecipe, bool, bool)>;

pub(crate) fn condition_recipe() -> impl Strategy<Value = ConditionRecipe> {
    prop::collection::vec((any::<TestRecipe>(), any::<bool>(), any::<bool>()), 1..4)
}

/// Some of `pool`, in a random order.
fn some_of(
    pool: &'static [&'static str],
    least: usize,
) -> impl Strategy<Value = Vec<&'static str>> {
    prop::sample::subsequence(pool, least..=pool.len()).prop_shuffle()
}

/// A question's options: ids, and whether each is exclusive.
fn options() -> impl Strategy<Value = Vec<(&'static str, bool)>> {
    some_of(&OPTIONS, 1).prop_flat_map(|ids| {
        let flags = prop::collection::vec(prop::bool::weighted(0.25), ids.len());
        (Just(ids), flags).prop_map(|(ids, flags)| ids.into_iter().zip(flags).collect())
    })
}

prop_compose! {
    /// A valid definition: 1 to 3 questions, 1 to 4 options each, up to 2 outcomes with a
    /// `when` before the last, up to 3 reasons.
    pub(crate) fn spec()(
        questions in some_of(&QUESTIONS, 1),
        shapes in prop::collection::vec((any::<bool>(), options()), QUESTIONS.len()),
        show_ifs in prop::collection::vec(prop::option::weighted(0.5, condition_recipe()), 3),
        outcomes in some_of(&OUTCOMES, 0),
        outcome_recipes in prop::collection::vec(condition_recipe(), OUTCOMES.len()),
        reasons in some_of(&REASONS, 0),
        reason_recipes in prop::collection::vec(condition_recipe(), REASONS.len()),
    ) -> Spec {
        let questions: Vec<QuestionSpec> = (questions.iter().zip(shapes))
            .map(|(id, (many, options))| QuestionSpec {
                id: id.to_string(),
                kind: if many { Kind::Many } else { Kind::One },
                options: (options.into_iter())
                    .map(|(id, exclusive)| Choice { id: id.into(), exclusive })
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
        spec.outcomes = (outcomes.iter().zip(&outcome_recipes))
            .map(|(id, recipe)| OutcomeSpec { id: id.to_string(), when: Some(condition(all, recipe)) })
            .chain([OutcomeSpec { id: "last".into(), when: None }])
            .collect();
        spec.reasons = (reasons.iter().zip(&reason_recipes))
            .map(|(id, recipe)| ReasonSpec { id: id.to_string(), when: condition(all, recipe) })
            .collect();
        spec
    }
}

/// `spec` with the condition of one outcome or reason (picked by `which`) remade from
/// `recipe`: a small edit, as an editor would make.
pub(crate) fn edited(spec: &Spec, which: usize, recipe: &ConditionRecipe) -> Spec {
    let mut edited = spec.clone();
    let whens = edited.outcomes.len() - 1 + edited.reasons.len();
    if whens == 0 {
        return edited;
    }
    let text = condition(&spec.questions, recipe);
    match which % whens {
        o if o < edited.outcomes.len() - 1 => edited.outcomes[o].when = Some(text),
        r => edited.reasons[r - (edited.outcomes.len() - 1)].when = text,
    }
    edited
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
    let picked: Vec<&Choice> = (q.options.iter().enumerate())
        .filter(|(i, _)| mask & (1 << i) != 0)
        .map(|(_, o)| o)
        .collect();
    let listed = if picked.is_empty() {
        vec![&q.options[0]]
    } else {
        picked
    };
    let ids: Vec<&str> = listed.iter().map(|o| o.id.as_str()).collect();
    let list = format!("[{}]", ids.join(", "));
    let option = &q.options[usize::from(mask) % q.options.len()].id;
    let id = &q.id;
    let countable = q.options.iter().filter(|o| !o.exclusive).count();
    let listed_countable = listed.iter().filter(|o| !o.exclusive).count();
    let most_listed = listed_countable.max(1);
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
