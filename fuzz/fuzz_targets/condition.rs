//! Condition text, as an editor might type it in `show_if` or `when`, compiled against a
//! small questionnaire. However odd the text:
//! - lexing, parsing and type-checking never panic;
//! - every problem has an offset inside the text, on a character boundary, so that
//!   site-builder can point at `file:line:col`;
//! - a condition that compiles reads back (as the editor's messages show it) as text that
//!   compiles to the same condition, survives the browser's wire format, and can be
//!   validated.

#![no_main]

use libfuzzer_sys::fuzz_target;
use selfcheck_engine::{Choice, Definition, Kind, OutcomeSpec, QuestionSpec, ReasonSpec, Spec};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    check(text);
});

fn check(text: &str) {
    let mut spec = questionnaire();
    // The same text where every question is in reach, and as a `show_if`, where only
    // the earlier ones are.
    spec.reasons[0].when = text.to_string();
    spec.questions[2].show_if = Some(text.to_string());
    match Definition::from_spec(&spec) {
        Err(problems) => {
            assert!(!problems.is_empty());
            for problem in &problems {
                let offset = problem.offset.expect("a condition problem has an offset");
                assert!(text.is_char_boundary(offset), "{problem} in {text:?}");
            }
        }
        Ok(definition) => {
            let shown = |d: &Definition| {
                let show_if = d.questions()[2].show_if.as_ref().unwrap();
                (
                    show_if.display(d).to_string(),
                    d.reasons()[0].when.display(d).to_string(),
                )
            };
            let (show_if, when) = shown(&definition);
            spec.questions[2].show_if = Some(show_if);
            spec.reasons[0].when = when;
            let again = Definition::from_spec(&spec).expect("a displayed condition compiles");
            assert_eq!(again, definition, "{text:?} reads back differently");
            assert_eq!(
                Definition::decode(&definition.encode()).unwrap(),
                definition
            );
            definition.validate();
        }
    }
}

/// Three questions (one answer, many answers with an exclusive option, one answer), two
/// outcomes and a reason, whose condition the fuzzer writes.
fn questionnaire() -> Spec {
    let question = |id: &str, kind, options: &[&str]| QuestionSpec {
        id: id.into(),
        kind,
        options: (options.iter())
            .map(|o| Choice {
                id: o.to_string(),
                exclusive: *o == "none",
            })
            .collect(),
        show_if: None,
    };
    Spec {
        questions: vec![
            question("danger", Kind::One, &["yes", "no"]),
            question(
                "behaviours",
                Kind::Many,
                &["following", "contact", "watching", "none"],
            ),
            question(
                "occasions",
                Kind::One,
                &["once", "twice-or-more", "not-sure"],
            ),
        ],
        outcomes: vec![
            OutcomeSpec {
                id: "emergency".into(),
                when: Some("danger = yes".into()),
            },
            OutcomeSpec {
                id: "other".into(),
                when: None,
            },
        ],
        reasons: vec![ReasonSpec {
            id: "fuzzed".into(),
            when: String::new(),
        }],
    }
}
