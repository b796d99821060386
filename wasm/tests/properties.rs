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
    fn any_condition_text_is_compiled_or_reported(source in "[a-z =!(),\\[\\]-]{0,60}|.{0,40}") {
        let mut spec = fixture::spec();
        spec.reasons[0].when = source;
        let _ = Definition::from_spec(&spec);
    }

    #[test]
    fn any_encoded_text_is_decoded_or_refused(text in "[qor1* a-z0-9=~ihaly&|!,\n]{0,120}") {
        if let Ok(definition) = Definition::decode(&text) {
            let answers = Answers::new(&definition);
            answers.evaluate();
        }
    }
}
