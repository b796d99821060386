//! The real self-check, read from its one source, `content/self-check/questions.yaml`: its
//! logic compiles, the proof holds, and every example the editors wrote gives its outcome.
//! The answer sets live there and only there; the browser suite reads the same examples.

use std::path::Path;

use selfcheck_engine::{
    Choice, Definition, Example, Kind, OutcomeSpec, QuestionSpec, ReasonSpec, Spec,
};
use serde_yaml::Value;

fn file() -> Value {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../content/self-check/questions.yaml");
    serde_yaml::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

fn text(value: &Value) -> String {
    match value {
        Value::String(s) => s.clone(),
        Value::Bool(b) => b.to_string(),
        other => serde_yaml::to_string(other).unwrap().trim().to_string(),
    }
}

fn list(value: &Value) -> Vec<String> {
    match value {
        Value::Sequence(items) => items.iter().map(text).collect(),
        other => vec![text(other)],
    }
}

fn spec(file: &Value) -> Spec {
    let field = |v: &Value, key: &str| v.get(key).map(text);
    let questions = (file["questions"].as_sequence().unwrap().iter())
        .map(|q| QuestionSpec {
            id: text(&q["id"]),
            kind: if text(&q["type"]) == "many" {
                Kind::Many
            } else {
                Kind::One
            },
            options: (q["options"].as_sequence().unwrap().iter())
                .map(|o| Choice {
                    id: text(&o["id"]),
                    exclusive: o.get("exclusive").and_then(Value::as_bool).unwrap_or(false),
                })
                .collect(),
            show_if: field(q, "show_if"),
        })
        .collect();
    let outcomes = (file["outcomes"].as_sequence().unwrap().iter())
        .map(|o| OutcomeSpec {
            id: text(&o["id"]),
            when: field(o, "when"),
        })
        .collect();
    let reasons = (file["reasons"].as_sequence().unwrap().iter())
        .map(|r| ReasonSpec {
            id: text(&r["id"]),
            when: text(&r["when"]),
        })
        .collect();
    Spec {
        questions,
        outcomes,
        reasons,
    }
}

fn examples(file: &Value) -> Vec<Example> {
    (file["examples"].as_sequence().unwrap().iter())
        .map(|e| Example {
            answers: (e["answers"].as_mapping().unwrap().iter())
                .map(|(q, chosen)| (text(q), list(chosen)))
                .collect(),
            expect: text(&e["expect"]),
            expect_reasons: e.get("expect_reasons").map(list),
        })
        .collect()
}

#[test]
fn the_real_definition_is_proved_and_its_examples_hold() {
    let file = file();
    let definition = Definition::from_spec(&spec(&file)).expect("the real definition compiles");
    assert_eq!(
        definition.validate(),
        [],
        "the proof fails for the real definition"
    );
    let examples = examples(&file);
    assert_eq!(
        definition.check_examples(&examples),
        [],
        "an example gives another result"
    );
    // Each outcome is shown by at least two of the editors' examples.
    for outcome in definition.outcomes() {
        let count = examples.iter().filter(|e| e.expect == outcome.id).count();
        assert!(
            count >= 2,
            "outcome `{}` has {count} example(s)",
            outcome.id
        );
    }
}

/// The outcome the rules of issue 9 give, written out here on their own, without the
/// engine or the definition's conditions: first match wins.
fn outcome_by_the_rules(
    danger: &str,
    behaviours: &[&str],
    occasions: &str,
    unwanted: &str,
    fear: &str,
    risk: &[&str],
) -> &'static str {
    let any = |chosen: &[&str]| chosen.iter().any(|c| *c != "none");
    let pattern = any(behaviours) && occasions == "twice-or-more" && unwanted == "yes";
    let at_risk = fear == "yes" || any(risk) || danger == "not-sure";
    let real = behaviours.iter().filter(|b| **b != "none").count();
    let unclear_once = occasions == "once" && (real >= 2 || behaviours.contains(&"monitoring"));
    if danger == "yes" {
        "emergency"
    } else if pattern && at_risk {
        "stalking-urgent"
    } else if at_risk {
        "serious-risk"
    } else if pattern {
        "stalking"
    } else if any(behaviours) && (occasions == "not-sure" || unwanted == "not-sure" || unclear_once)
    {
        "unsure"
    } else if any(behaviours) && occasions == "once" {
        "not-yet-repeated"
    } else {
        "no-signs"
    }
}

/// Every subset of `options` (the empty one left out), and the exclusive `none` alone.
fn choices<'a>(options: &[&'a str]) -> Vec<Vec<&'a str>> {
    let mut all = vec![vec!["none"]];
    for mask in 1u32..(1 << options.len()) {
        let subset = (0..options.len()).filter(|i| mask & (1 << i) != 0);
        all.push(subset.map(|i| options[i]).collect());
    }
    all
}

/// One answer set, as a visitor gives it: questions that are not shown stay unanswered.
struct Set<'a> {
    danger: &'a str,
    behaviours: &'a [&'a str],
    occasions: &'a str,
    unwanted: &'a str,
    fear: &'a str,
    risk: &'a [&'a str],
    relationship: &'a str,
}

fn outcome_of<'d>(definition: &'d Definition, set: &Set<'_>) -> Option<&'d str> {
    let mut answers = selfcheck_engine::Answers::new(definition);
    answers.set("danger", &[set.danger]).unwrap();
    answers.set("behaviours", set.behaviours).unwrap();
    answers.set("fear", &[set.fear]).unwrap();
    answers.set("risk", set.risk).unwrap();
    if set.behaviours != ["none"] {
        answers.set("occasions", &[set.occasions]).unwrap();
        answers.set("unwanted", &[set.unwanted]).unwrap();
        answers.set("relationship", &[set.relationship]).unwrap();
    }
    answers.evaluate().outcome
}

/// Every way to answer the real questionnaire, through the real engine, against the rules
/// above: the definition's conditions are checked against an account of the rules that
/// shares nothing with them. The ids are issue 9's, so this also proves they are kept.
#[test]
fn every_answer_set_gets_the_outcome_the_rules_give() {
    let definition = Definition::from_spec(&spec(&file())).expect("the real definition compiles");
    let behaviours = choices(&[
        "following",
        "contact",
        "publishing",
        "monitoring",
        "loitering",
        "property",
        "watching",
        "through-others",
    ]);
    let risks = choices(&[
        "threats",
        "violence",
        "others-targeted",
        "visits-often",
        "damage",
        "escalating",
    ]);
    let three = ["once", "twice-or-more", "not-sure"];
    let wants = ["yes", "no", "not-sure"];
    let relationships = [
        "partner",
        "ex-partner",
        "family",
        "known",
        "stranger",
        "unknown",
    ];
    let mut emergency = selfcheck_engine::Answers::new(&definition);
    emergency.set("danger", &["yes"]).unwrap();
    assert_eq!(emergency.evaluate().outcome, Some("emergency"));
    let mut checked = 1u64;
    for danger in ["no", "not-sure"] {
        for chosen in &behaviours {
            let asked = chosen != &["none"];
            let (occasions, unwanted, related): (&[&str], &[&str], &[&str]) = match asked {
                true => (&three, &wants, &relationships),
                false => (&[""], &[""], &[""]),
            };
            for (&occasions, &unwanted) in occasions
                .iter()
                .flat_map(|o| unwanted.iter().map(move |u| (o, u)))
            {
                for fear in ["yes", "no", "not-sure"] {
                    for risk in &risks {
                        let expected =
                            outcome_by_the_rules(danger, chosen, occasions, unwanted, fear, risk);
                        for &relationship in related {
                            let set = Set {
                                danger,
                                behaviours: chosen,
                                occasions,
                                unwanted,
                                fear,
                                risk,
                                relationship,
                            };
                            assert_eq!(
                                outcome_of(&definition, &set),
                                Some(expected),
                                "danger={danger} behaviours={chosen:?} occasions={occasions} unwanted={unwanted} fear={fear} risk={risk:?} relationship={relationship}"
                            );
                            checked += 1;
                        }
                    }
                }
            }
        }
    }
    // The emergency set, then for each of the two other dangers: "none of these" (3 fears
    // × 64 risk answers) and 255 sets of behaviours × 3 × 3 × 3 × 64 × 6. The same count as
    // `selfcheck diff` gives for the whole questionnaire.
    assert_eq!(checked, 1 + 2 * (3 * 64 + 255 * 27 * 64 * 6));
}
