//! Property tests: no input panics, and every complete answer set gives exactly one outcome.

mod fixture;

use proptest::prelude::*;
use selfcheck_engine::{Answers, Definition};

/// Ids from the fixture, plus garbage that must be refused cleanly.
const QUESTIONS: &[&str] = &[
    "danger",
    "behaviours",
    "occasions",
    "unwanted",
    "fear",
    "risk",
    "relationship",
    "",
    "dangr",
    "é",
];
const OPTIONS: &[&str] = &[
    "yes",
    "no",
    "not-sure",
    "none",
    "following",
    "contact",
    "watching",
    "once",
    "twice-or-more",
    "threats",
    "violence",
    "partner",
    "stranger",
    "",
    "maybe",
    "=",
    ";",
];

fn answers_text() -> impl Strategy<Value = String> {
    let entry = (
        prop::sample::select(QUESTIONS),
        prop::collection::vec(prop::sample::select(OPTIONS), 0..4),
    )
        .prop_map(|(q, os)| format!("{q}={}", os.join(",")));
    prop::collection::vec(entry, 0..9).prop_map(|entries| entries.join(";"))
}

/// Condition text: the fixture's ids, keywords, numbers and punctuation in any order, which
/// reaches deep into the parser and type checker, or any characters at all.
fn condition_text() -> impl Strategy<Value = String> {
    const WORDS: &[&str] = &[
        "danger",
        "behaviours",
        "occasions",
        "risk",
        "relationship",
        "yes",
        "no",
        "none",
        "following",
        "contact",
        "threats",
        "partner",
        "twice-or-more",
        "not",
        "and",
        "or",
        "in",
        "has",
        "any",
        "all",
        "of",
        "at",
        "least",
        "0",
        "1",
        "2",
        "7",
        "99999999999999999999999",
        "(",
        ")",
        "[",
        "]",
        ",",
        "=",
        "!=",
        "==",
        "!",
        "&",
        "|",
        "\"",
        "É",
        "é",
        "\u{0}",
        " ",
    ];
    let words =
        prop::collection::vec(prop::sample::select(WORDS), 0..24).prop_map(|words| words.join(" "));
    prop_oneof![words, tests(), "\\PC{0,40}", ".{0,40}"]
}

/// Tests on the fixture's questions joined by `and` and `or`, some negated or grouped:
/// most compile, the others fail in the type checker.
fn tests() -> impl Strategy<Value = String> {
    const TESTS: &[&str] = &[
        "danger = yes",
        "danger != no",
        "occasions in [once, twice-or-more]",
        "behaviours has following",
        "behaviours has any",
        "risk has any of [threats, none]",
        "behaviours has all of [following, contact]",
        "behaviours has at least 1",
        "behaviours has at least 7",
        "risk has at least 2",
        "risk has at least 2 of [threats, violence, damage]",
        "fear = yes",
        // These do not type-check.
        "behaviours has at least 8",
        "danger has any",
        "behaviours = none",
    ];
    let test = (any::<bool>(), prop::sample::select(TESTS))
        .prop_map(|(not, test)| format!("{}{test}", if not { "not " } else { "" }));
    let joins = prop::sample::select(&[" and ", " or ", " and (", ") or "][..]);
    prop::collection::vec((test, joins), 1..4).prop_map(|tests| {
        let mut text = String::new();
        for (i, (test, join)) in tests.iter().enumerate() {
            if i > 0 {
                text += join;
            }
            text += test;
        }
        // Close what was opened, so that grouping rarely fails to parse.
        let open = text
            .matches('(')
            .count()
            .saturating_sub(text.matches(')').count());
        text + &")".repeat(open)
    })
}

/// The checks every evaluation must pass.
fn assert_consistent(definition: &Definition, answers: &Answers<'_>) {
    let evaluation = answers.evaluate();
    assert!(evaluation.answered <= evaluation.visible.len());
    assert_eq!(evaluation.visible.first().copied(), Some("danger"));
    if evaluation.is_complete() {
        assert_eq!(evaluation.answered, evaluation.visible.len());
        let outcome = evaluation
            .outcome
            .expect("a complete answer set gives an outcome");
        let matching = definition
            .outcomes()
            .iter()
            .filter(|o| o.id == outcome)
            .count();
        assert_eq!(matching, 1, "exactly one outcome");
    } else {
        let next = evaluation.next.unwrap();
        assert!(evaluation.visible.contains(&next));
        assert!(
            answers.chosen(next).unwrap().is_empty(),
            "`next` is unanswered"
        );
        assert_eq!(evaluation.outcome, None);
        assert!(evaluation.reasons.is_empty());
    }
}

proptest! {
    #[test]
    fn any_answers_text_is_evaluated_or_refused(text in answers_text()) {
        let definition = fixture::definition();
        if let Ok(answers) = Answers::parse(&definition, &text) {
            assert_consistent(&definition, &answers);
            prop_assert_eq!(Answers::parse(&definition, &answers.to_string()).unwrap(), answers);
        }
    }

    #[test]
    fn any_clicks_keep_the_rules(
        clicks in prop::collection::vec(
            (prop::sample::select(QUESTIONS), prop::sample::select(OPTIONS), any::<bool>()),
            0..40,
        )
    ) {
        let definition = fixture::definition();
        let mut answers = Answers::new(&definition);
        for (question, option, on) in clicks {
            let _ = answers.toggle(question, option, on);
            assert_consistent(&definition, &answers);
            for q in definition.questions() {
                let chosen = answers.chosen(&q.id).unwrap();
                let exclusive = chosen.iter().filter(|c| q.options.iter().any(|o| o.id == **c && o.exclusive));
                prop_assert!(exclusive.count() == 0 || chosen.len() == 1, "an exclusive option stands alone");
            }
        }
    }

    #[test]
    fn any_condition_text_is_compiled_or_reported_inside_the_text(source in condition_text()) {
        let mut spec = fixture::spec();
        spec.reasons[0].when = source.clone();
        match Definition::from_spec(&spec) {
            Ok(definition) => {
                // What compiles reads back as a condition that compiles to the same thing.
                let when = &definition.reasons()[0].when;
                spec.reasons[0].when = when.display(&definition).to_string();
                let again = Definition::from_spec(&spec).unwrap();
                prop_assert_eq!(&again.reasons()[0].when, when);
            }
            Err(problems) => {
                prop_assert!(!problems.is_empty());
                for problem in problems {
                    let offset = problem.offset.unwrap_or_else(|| panic!("no offset: {problem}"));
                    prop_assert!(source.is_char_boundary(offset), "{problem} in {source:?}");
                }
            }
        }
    }

    #[test]
    fn any_encoded_text_is_decoded_or_refused(text in "[qor1* a-z0-9=~ihaly&|!,\n]{0,120}") {
        if let Ok(definition) = Definition::decode(&text) {
            let answers = Answers::new(&definition);
            answers.evaluate();
        }
    }
}
