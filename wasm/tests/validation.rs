//! Build-time checks: invalid definitions, enumeration and examples, asserted as editors
//! will read them (site-builder adds the file, line and column).

mod fixture;

use fixture::{outcome, question, reason};
use selfcheck_engine::{Choice, Definition, Field, Kind, Problem, Site, Spec};

/// Each problem in its terse form: `site@offset: message (help: ..)`.
fn problems(spec: &Spec) -> Vec<String> {
    match Definition::from_spec(spec) {
        Ok(_) => vec![],
        Err(problems) => problems.iter().map(Problem::to_string).collect(),
    }
}

#[test]
fn the_fixture_is_valid_and_every_path_is_covered() {
    let definition = fixture::definition();
    assert_eq!(definition.validate(), []);
    assert_eq!(definition.check_examples(&fixture::examples()), []);
}

#[test]
fn every_problem_is_reported_with_its_place() {
    let mut spec = fixture::spec();
    spec.questions[1].options[2].id = "contact".into();
    spec.questions[3].show_if = Some("danger = no and fear = yes".into());
    spec.questions[6].id = "Relationship".into();
    spec.questions
        .push(question("fear", Kind::One, &["yes"], None));
    spec.outcomes[2].when = Some("occasions = twice and behaviours = following".into());
    spec.reasons[1].when = "behaviours has any of [following,".into();
    assert_eq!(
        problems(&spec),
        [
            "questions[6].id: `Relationship` is not a valid id: use lowercase letters, digits, `-` and `_` (help: for example `relationship`)",
            "questions[7].id: question `fear` is defined twice (help: the first is question 5; give each its own id)",
            "questions[1].options[2]: option `contact` of question `behaviours` is defined twice (help: the first is option 2; give each its own id)",
            "questions[3].show_if@16: `show_if` can only look at earlier questions, but `fear` comes after `unwanted` (help: move the question earlier, or change the condition)",
            "outcomes[2].when@12: unknown option `twice` for question `occasions` (help: did you mean `twice-or-more`?)",
            "outcomes[2].when@33: `behaviours` allows many answers, so `=` does not apply to it (help: use `behaviours has following`)",
            "reasons[1].when@33: expected an option after `,` but found end of condition",
            "reasons[8].when@0: unknown question `relationship` (help: did you mean `Relationship`?)",
        ]
    );
}

#[test]
fn the_last_outcome_and_only_the_last_has_no_when() {
    let mut spec = fixture::spec();
    spec.outcomes[1].when = None;
    spec.outcomes[5].when = Some("danger = no".into());
    assert_eq!(
        problems(&spec),
        [
            "outcomes[1].id: outcome `stalking-urgent` has no `when`, but only the last outcome may have none: the outcomes after it could never be given (help: add a `when`, or move this outcome to the end)",
            "outcomes[5].when: the last outcome, `no-signs`, must have no `when`, so that every answer gives an outcome (help: remove its `when`, or add a last outcome without one)",
        ]
    );
    assert_eq!(
        problems(&Spec::default()),
        [
            "definition: there are no questions",
            "definition: there are no outcomes"
        ]
    );
}

#[test]
fn ids_that_conditions_cannot_name_are_rejected() {
    let spec = Spec {
        questions: vec![
            question("any", Kind::Many, &["all", "x"], None),
            question("q", Kind::One, &[], None),
        ],
        outcomes: vec![outcome("end", None)],
        reasons: vec![reason("r", "q = x"), reason("r", "q = y")],
    };
    assert_eq!(
        problems(&spec),
        [
            "questions[0].id: `any` cannot be an id: conditions use it as a keyword",
            "questions[0].options[0]: `all` cannot be an id: conditions use it as a keyword",
            "questions[1].options: question `q` has no options",
            "reasons[1].id: reason `r` is defined twice (help: the first is reason 1; give each its own id)",
            "reasons[0].when@4: unknown option `x` for question `q`",
            "reasons[1].when@4: unknown option `y` for question `q`",
        ]
    );
}

#[test]
fn conditions_read_back_as_written() {
    let definition = fixture::definition();
    let urgent = definition.outcomes()[1].when.as_ref().unwrap();
    assert_eq!(
        urgent.display(&definition).to_string(),
        format!("{} and (fear = yes or risk has any)", fixture::PATTERN)
    );
    let close = &definition.reasons()[8].when;
    assert_eq!(
        close.display(&definition).to_string(),
        "relationship in [partner, ex-partner]"
    );
}

#[test]
fn an_outcome_hidden_behind_an_earlier_one_is_unreachable() {
    let mut spec = fixture::spec();
    // `stalking` before `stalking-urgent`: the urgent one can never be given.
    spec.outcomes.swap(1, 2);
    spec.reasons
        .push(reason("impossible", "danger = yes and behaviours has any"));
    spec.questions[6].show_if = Some("danger = yes and behaviours has following".into());
    let definition = Definition::from_spec(&spec).unwrap();
    let found: Vec<String> = definition
        .validate()
        .iter()
        .map(Problem::to_string)
        .collect();
    assert_eq!(
        found,
        [
            "questions[6].show_if: question `relationship` is never shown: its `show_if` does not hold for any answers",
            "outcomes[2].when: outcome `stalking-urgent` is unreachable: whenever its `when` holds, an earlier outcome applies first (`stalking`)",
            "reasons[8].when: reason `close` is never shown: its `when` does not hold for any complete answers",
            "reasons[9].when: reason `impossible` is never shown: its `when` does not hold for any complete answers",
        ]
    );
}

#[test]
fn an_outcome_whose_condition_never_holds_is_unreachable() {
    let mut spec = fixture::spec();
    spec.outcomes[4].when = Some("behaviours has none and occasions = once".into());
    let definition = Definition::from_spec(&spec).unwrap();
    let problems = definition.validate();
    assert_eq!(problems.len(), 1);
    assert_eq!(
        problems[0].at,
        Site::Outcome {
            index: 4,
            field: Field::When
        }
    );
    assert_eq!(
        problems[0].message,
        "outcome `not-yet-repeated` is unreachable: its `when` does not hold for any answers"
    );
}

/// One many-answer question whose options are all named, and `reasons` reasons of 60
/// tests each: the shape that once took half a minute to check.
fn time_bomb(options: usize, reasons: usize) -> Spec {
    let ids: Vec<String> = (0..options).map(|i| format!("b{i}")).collect();
    let ids: Vec<&str> = ids.iter().map(String::as_str).collect();
    let reasons = (0..reasons)
        .map(|r| {
            let tests: Vec<String> = (0..60)
                .map(|k| format!("behaviours has b{}", (r + k) % options))
                .collect();
            reason(&format!("r{r}"), &tests.join(" or "))
        })
        .collect();
    Spec {
        questions: vec![
            question("danger", Kind::One, &["yes", "no"], None),
            question("behaviours", Kind::Many, &ids, Some("danger = no")),
        ],
        outcomes: vec![
            outcome("emergency", Some("danger = yes")),
            outcome("end", None),
        ],
        reasons,
    }
}

#[test]
fn work_is_counted_in_tests_so_many_long_conditions_are_too_large() {
    // 4,096 answers to `behaviours`, each evaluating 50 × 60 tests: about 12 million.
    let definition = Definition::from_spec(&time_bomb(12, 50)).unwrap();
    assert_eq!(
        (definition.validate_within(1_000_000).iter())
            .map(Problem::to_string)
            .collect::<Vec<_>>(),
        ["definition: the self-check is too large to check: up to 8,190 answer paths (`behaviours`: 4,095 answer classes × `danger`: 2) and 50 reasons, with 3,002 tests in the conditions (help: name fewer options in conditions, or hide more questions with `show_if`)"]
    );
    assert_eq!(definition.validate_within(20_000_000), []);
}

#[test]
fn the_time_bomb_of_the_reliability_review_is_refused() {
    // About a million answers to `behaviours`, each deciding 200 reasons of 60 tests.
    let definition = Definition::from_spec(&time_bomb(20, 200)).unwrap();
    assert_eq!(
        (definition.validate().iter())
            .map(Problem::to_string)
            .collect::<Vec<_>>(),
        ["definition: the self-check is too large to check: up to 2,097,150 answer paths (`behaviours`: 1,048,575 answer classes × `danger`: 2) and 200 reasons, with 12,002 tests in the conditions (help: name fewer options in conditions, or hide more questions with `show_if`)"]
    );
}

#[test]
fn a_question_with_more_classes_than_memory_allows_is_refused_before_walking() {
    // 2^22 - 1 classes (every non-empty subset) would take about 400 MiB to keep.
    let definition = Definition::from_spec(&time_bomb(22, 1)).unwrap();
    let problems = definition.validate_within(u64::MAX);
    assert_eq!(problems.len(), 1);
    assert!(
        (problems[0].message).starts_with("the self-check is too large to check: up to 8,388,606 answer paths (`behaviours`: 4,194,303 answer classes"),
        "{}",
        problems[0]
    );
}

#[test]
fn a_question_with_more_classes_than_the_budget_is_refused_before_walking() {
    let definition = Definition::from_spec(&time_bomb(40, 1)).unwrap();
    let problems = definition.validate();
    assert_eq!(problems.len(), 1);
    assert!(
        problems[0].message.starts_with(
            "the self-check is too large to check: up to 2,199,023,255,550 answer paths (`behaviours`: 1,099,511,627,775 answer classes × `danger`: 2)"
        ),
        "{}",
        problems[0]
    );
}

#[test]
fn many_paths_with_cheap_conditions_are_not_too_large() {
    let options = ["a", "b", "c", "d", "e"];
    let questions: Vec<_> = (0..8)
        .map(|i| question(&format!("q{i}"), Kind::One, &options, None))
        .collect();
    // Naming every option makes every answer distinguishable: 5^8 paths, each deciding
    // only the reason on its last question.
    let reasons = (0..8)
        .map(|i| reason(&format!("r{i}"), &format!("q{i} in [a, b, c, d, e]")))
        .collect();
    let spec = Spec {
        questions,
        outcomes: vec![outcome("end", None)],
        reasons,
    };
    assert_eq!(Definition::from_spec(&spec).unwrap().validate(), []);

    let many = Spec {
        questions: vec![question("q", Kind::Many, &["a"; 0], None)],
        ..Spec::default()
    };
    assert!(Definition::from_spec(&many).is_err());
}

#[test]
fn a_questionnaire_with_counts_like_the_real_one_checks_well_within_the_budget() {
    let mut spec = fixture::spec();
    let option = |id: &str| Choice {
        id: id.into(),
        exclusive: false,
    };
    // Eight behaviours and six risks besides "none".
    spec.questions[1].options.insert(7, option("extra"));
    spec.questions[5].options.insert(5, option("weapons"));
    let pattern = "(behaviours has at least 2 or occasions = twice-or-more) and unwanted = yes";
    spec.outcomes[1].when = Some(format!("{pattern} and (fear = yes or risk has at least 1 of [threats, violence, weapons] or risk has at least 3)"));
    spec.outcomes[2].when = Some(pattern.into());
    let each = |q: &str, options: &[&str]| -> Vec<_> {
        options
            .iter()
            .map(|o| {
                let test = if q == "behaviours" || q == "risk" {
                    format!("{q} has {o}")
                } else {
                    format!("{q} = {o}")
                };
                reason(&format!("{q}-is-{o}"), &test)
            })
            .collect()
    };
    let behaviours = [
        "following",
        "contact",
        "publishing",
        "monitoring",
        "loitering",
        "property",
        "watching",
        "extra",
        "none",
    ];
    let risks = [
        "threats",
        "violence",
        "others-targeted",
        "visits-often",
        "damage",
        "weapons",
        "none",
    ];
    spec.reasons.extend(each("behaviours", &behaviours));
    spec.reasons.extend(each("risk", &risks));
    spec.reasons.extend(each("fear", &["yes", "not-sure"]));
    spec.reasons
        .extend(each("occasions", &["once", "twice-or-more", "not-sure"]));
    spec.reasons
        .extend(each("unwanted", &["yes", "no", "not-sure"]));
    spec.reasons.extend(each(
        "relationship",
        &["partner", "ex-partner", "known", "stranger"],
    ));
    spec.reasons.extend([
        reason("two-behaviours", "behaviours has at least 2"),
        reason(
            "three-behaviours",
            "behaviours has at least 3 and not fear = yes",
        ),
        reason(
            "risks",
            "risk has at least 2 of [threats, violence, weapons, damage]",
        ),
        reason(
            "close-and-fear",
            "relationship in [partner, ex-partner] and fear = yes",
        ),
        reason(
            "pattern-close",
            &format!("{pattern} and relationship in [partner, ex-partner]"),
        ),
    ]);
    assert!(spec.reasons.len() >= 40);
    let definition = Definition::from_spec(&spec).unwrap();
    assert_eq!(
        definition.validate_within(selfcheck_engine::WORK_BUDGET / 5),
        []
    );
}

#[test]
fn show_if_prunes_the_space_below_the_bound() {
    let options = ["a", "b", "c", "d", "e"];
    // Five answers to q0 each open their own branch of questions; only one branch is shown.
    let mut questions = vec![question("q0", Kind::One, &options, None)];
    for i in 1..10 {
        let show_if = format!("q0 = {}", options[i % 5]);
        questions.push(question(
            &format!("q{i}"),
            Kind::One,
            &options,
            Some(&show_if),
        ));
    }
    let reasons = (1..10)
        .map(|i| reason(&format!("r{i}"), &format!("q{i} in [a, b, c, d, e]")))
        .collect();
    let spec = Spec {
        questions,
        outcomes: vec![outcome("end", None)],
        reasons,
    };
    let definition = Definition::from_spec(&spec).unwrap();
    // Unpruned, the 5^10 paths would need billions.
    assert_eq!(definition.validate_within(10_000), []);
}

#[test]
fn a_failing_example_shows_answers_expectation_result_and_what_held() {
    let definition = fixture::definition();
    let mut examples = fixture::examples();
    examples[2].expect = "stalking-urgent".into();
    examples[0].expect_reasons = Some(vec!["in-danger".into(), "fear".into()]);
    let found = definition.check_examples(&examples);
    assert_eq!(
        found.iter().map(Problem::to_string).collect::<Vec<_>>(),
        [
            "examples[0].expect_reasons: reasons [in-danger, fear] were expected but [in-danger] were given. Answers: danger=yes. Held: outcomes.emergency (danger = yes), reasons.in-danger (danger = yes).",
            "examples[2].expect: outcome `stalking-urgent` was expected but `stalking` was given. Answers: danger=no, behaviours=[following, contact], occasions=twice-or-more, unwanted=yes, fear=no, risk=[none], relationship=stranger. Held: outcomes.stalking (behaviours has any and occasions = twice-or-more and unwanted = yes), reasons.behaviour-following (behaviours has following), reasons.repeated (occasions = twice-or-more), reasons.unwanted (unwanted = yes). (help: `stalking-urgent` applies when: behaviours has any and occasions = twice-or-more and unwanted = yes and (fear = yes or risk has any))",
            "outcomes[2].id: outcome `stalking` has no example (help: add an example with `expect: stalking`)",
        ]
    );
}

#[test]
fn example_mistakes_point_at_the_answer_or_expectation() {
    let definition = fixture::definition();
    let examples = [
        fixture::example(
            &[("danger", &["no"]), ("behavours", &["x"])],
            "stalkng",
            Some(&["repeat"]),
        ),
        fixture::example(
            &[("danger", &["no"]), ("behaviours", &["following"])],
            "stalking",
            None,
        ),
        fixture::example(&[("danger", &["ye"])], "emergency", None),
    ];
    let found: Vec<String> = examples
        .iter()
        .enumerate()
        .flat_map(|(i, e)| definition.check_example(i, e))
        .map(|p| p.to_string())
        .collect();
    assert_eq!(
        found,
        [
            "examples[0].answers[1]: unknown question `behavours` (help: did you mean `behaviours`?)",
            "examples[0].expect: unknown outcome `stalkng` (help: did you mean `stalking`?)",
            "examples[0].expect_reasons[0]: unknown reason `repeat` (help: did you mean `repeated`?)",
            "examples[1].answers: the answers are incomplete: question `occasions` is shown but not answered (help: add an answer for `occasions`)",
            "examples[2].answers[0]: unknown option `ye` for question `danger` (help: did you mean `yes`?)",
        ]
    );
}
