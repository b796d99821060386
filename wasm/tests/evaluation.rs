//! The self-check's semantics, on the fixed test questionnaire in `fixture`.

mod fixture;

use selfcheck_engine::{Answers, Error, Evaluation};

fn evaluate<'d>(definition: &'d selfcheck_engine::Definition, text: &str) -> Evaluation<'d> {
    Answers::parse(definition, text).unwrap().evaluate()
}

#[test]
fn the_first_question_comes_first() {
    let definition = fixture::definition();
    let evaluation = evaluate(&definition, "");
    assert_eq!(evaluation.visible, ["danger"]);
    assert_eq!(evaluation.next, Some("danger"));
    assert_eq!(evaluation.answered, 0);
    assert!(!evaluation.is_complete());
    assert_eq!(evaluation.outcome, None);
}

#[test]
fn danger_goes_straight_to_the_emergency_outcome() {
    let definition = fixture::definition();
    let evaluation = evaluate(&definition, "danger=yes");
    assert_eq!(evaluation.visible, ["danger"]);
    assert!(evaluation.is_complete());
    assert_eq!(evaluation.outcome, Some("emergency"));
    assert_eq!(evaluation.reasons, ["in-danger"]);
}

#[test]
fn progress_counts_the_questions_that_can_still_be_shown() {
    let definition = fixture::definition();
    let evaluation = evaluate(&definition, "danger=no;behaviours=following");
    assert_eq!(evaluation.visible.len(), 7);
    assert_eq!(evaluation.answered, 2);
    assert_eq!(evaluation.next, Some("occasions"));

    let evaluation = evaluate(&definition, "danger=no;behaviours=none");
    assert_eq!(evaluation.visible, ["danger", "behaviours"]);
    assert_eq!(evaluation.outcome, Some("no-signs"));
    assert_eq!(evaluation.reasons, ["behaviour-none"]);
}

#[test]
fn the_first_outcome_that_holds_wins_and_reasons_explain_it() {
    let definition = fixture::definition();
    let text = "danger=no;behaviours=following,contact;occasions=twice-or-more;unwanted=yes;\
                fear=yes;risk=none;relationship=ex-partner";
    let evaluation = evaluate(&definition, text);
    assert_eq!(evaluation.outcome, Some("stalking-urgent"));
    assert_eq!(
        evaluation.reasons,
        [
            "behaviour-following",
            "repeated",
            "unwanted",
            "fear",
            "close"
        ]
    );
}

#[test]
fn answers_to_hidden_questions_are_ignored() {
    let definition = fixture::definition();
    // The visitor described stalking, then went back and said they are in danger.
    let text = "danger=yes;behaviours=following;occasions=twice-or-more;unwanted=yes;\
                fear=yes;risk=threats;relationship=stranger";
    let evaluation = evaluate(&definition, text);
    assert_eq!(evaluation.visible, ["danger"]);
    assert_eq!(evaluation.answered, 1);
    assert_eq!(evaluation.outcome, Some("emergency"));
    assert_eq!(
        evaluation.reasons,
        ["in-danger"],
        "stale answers must not give reasons"
    );

    // Hidden answers also count as unanswered in later `show_if`s.
    let evaluation = evaluate(
        &definition,
        "danger=yes;behaviours=following;occasions=once",
    );
    assert_eq!(evaluation.visible, ["danger"]);
}

#[test]
fn unanswered_is_not_no() {
    let definition = fixture::definition();
    let evaluation = evaluate(&definition, "danger=no");
    assert_eq!(evaluation.next, Some("behaviours"));
    assert_eq!(evaluation.outcome, None, "no outcome until complete");

    let spec = selfcheck_engine::Spec {
        questions: vec![
            fixture::question("a", selfcheck_engine::Kind::One, &["yes", "no"], None),
            fixture::question("b", selfcheck_engine::Kind::One, &["x"], Some("a != yes")),
            fixture::question(
                "c",
                selfcheck_engine::Kind::One,
                &["x"],
                Some("not a = yes"),
            ),
        ],
        outcomes: vec![fixture::outcome("end", None)],
        reasons: vec![],
    };
    let definition = selfcheck_engine::Definition::from_spec(&spec).unwrap();
    // `a` unanswered: `a != yes` is false, `not a = yes` is true.
    assert_eq!(evaluate(&definition, "").visible, ["a", "c"]);
    assert_eq!(evaluate(&definition, "a=no").visible, ["a", "b", "c"]);
    assert_eq!(evaluate(&definition, "a=yes").visible, ["a"]);
}

#[test]
fn has_any_ignores_exclusive_options() {
    let definition = fixture::definition();
    let evaluation = evaluate(&definition, "danger=no;behaviours=none");
    assert_eq!(
        evaluation.visible.len(),
        2,
        "`behaviours has any` is false for `none`"
    );
}

#[test]
fn exclusive_options_clear_the_others_and_the_others_clear_them() {
    let definition = fixture::definition();
    let mut answers = Answers::parse(&definition, "behaviours=following,contact").unwrap();
    answers.toggle("behaviours", "none", true).unwrap();
    assert_eq!(answers.chosen("behaviours").unwrap(), ["none"]);
    answers.toggle("behaviours", "watching", true).unwrap();
    assert_eq!(answers.chosen("behaviours").unwrap(), ["watching"]);
    answers.toggle("behaviours", "following", true).unwrap();
    answers.toggle("behaviours", "watching", false).unwrap();
    assert_eq!(answers.chosen("behaviours").unwrap(), ["following"]);

    answers.toggle("danger", "yes", true).unwrap();
    answers.toggle("danger", "no", true).unwrap();
    assert_eq!(answers.chosen("danger").unwrap(), ["no"]);
    answers.toggle("danger", "yes", false).unwrap();
    assert_eq!(
        answers.chosen("danger").unwrap(),
        ["no"],
        "unticking another option changes nothing"
    );
}

#[test]
fn a_raw_set_with_both_keeps_the_exclusive_option() {
    let definition = fixture::definition();
    let answers = Answers::parse(&definition, "behaviours=following,none,contact").unwrap();
    assert_eq!(answers.chosen("behaviours").unwrap(), ["none"]);
    assert_eq!(answers.to_string(), "behaviours=none");
}

#[test]
fn bad_answers_are_typed_errors() {
    let definition = fixture::definition();
    let error = |text| Answers::parse(&definition, text).unwrap_err();
    assert_eq!(
        error("dangr=yes"),
        Error::UnknownQuestion {
            question: "dangr".into()
        }
    );
    assert_eq!(
        error("danger=maybe").to_string(),
        "unknown option `maybe` for question `danger`"
    );
    assert_eq!(
        error("danger=yes,no").to_string(),
        "question `danger` takes one answer, but several were given"
    );
    assert_eq!(
        error("danger=yes;danger=no").to_string(),
        "question `danger` is answered twice"
    );
    assert_eq!(
        error("danger").to_string(),
        "`danger` is not of the form `question=option,option`"
    );
    let mut answers = Answers::new(&definition);
    assert!(answers.toggle("risk", "nothing", true).is_err());
    assert!(answers.set("nothing", &["x"]).is_err());
}

#[test]
fn empty_answers_leave_a_question_unanswered() {
    let definition = fixture::definition();
    let answers = Answers::parse(&definition, "danger=;behaviours=;").unwrap();
    assert_eq!(answers.to_string(), "");
    assert_eq!(answers.evaluate().next, Some("danger"));
}

#[test]
fn counts_count_chosen_options_natively_and_in_the_browser() {
    let mut spec = fixture::spec();
    spec.reasons = vec![
        fixture::reason("two-behaviours", "behaviours has at least 2"),
        fixture::reason(
            "two-risks",
            "risk has at least 2 of [threats, violence, damage]",
        ),
        fixture::reason("not-two", "not behaviours has at least 2"),
    ];
    let definition = selfcheck_engine::Definition::from_spec(&spec).unwrap();
    let shown: Vec<String> = (definition.reasons().iter())
        .map(|r| r.when.display(&definition).to_string())
        .collect();
    assert_eq!(
        shown[1],
        "risk has at least 2 of [threats, violence, damage]"
    );
    let engine = selfcheck_engine::Engine::new(&definition.encode()).unwrap();
    let start = "danger=no;occasions=once;unwanted=no;fear=no;relationship=known";
    for (answers, reasons) in [
        (
            "behaviours=following;risk=threats,others-targeted",
            "not-two",
        ),
        (
            "behaviours=following,contact;risk=threats,damage",
            "two-behaviours,two-risks",
        ),
        ("behaviours=none;risk=none", "not-two"),
        (
            "behaviours=contact;risk=threats,violence,damage",
            "two-risks,not-two",
        ),
        // "None of these" stands alone, so it counts nothing (and hides `risk`).
        ("behaviours=none,contact;risk=threats,violence", "not-two"),
    ] {
        let text = format!("{start};{answers}");
        let evaluation = evaluate(&definition, &text);
        assert_eq!(evaluation.reasons.join(","), reasons, "{answers}");
        let browser = engine.evaluate(&text).unwrap();
        assert!(
            browser.ends_with(&format!(";reasons={reasons}")),
            "{browser}"
        );
    }
    // Unanswered counts nothing, so `not` of a count holds.
    assert_eq!(evaluate(&definition, "danger=yes").reasons, ["not-two"]);
}
