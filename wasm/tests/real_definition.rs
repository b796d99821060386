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
