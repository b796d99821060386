//! The text forms that cross to the browser, and the browser's API on top of them.

mod fixture;

use selfcheck_engine::{Answers, Definition, Engine, Error};

#[test]
fn the_definition_round_trips() {
    let definition = fixture::definition();
    let encoded = definition.encode();
    assert_eq!(Definition::decode(&encoded).unwrap(), definition);
    assert!(encoded.starts_with("q danger 1 yes,no\nq behaviours * following,contact,"));
    assert!(encoded.contains("\no stalking-urgent & & & 1a 2=1 3=0 | 4=0 5a\n",));
    assert!(encoded.contains("\nr close 6i3\n"));

    let mut spec = fixture::spec();
    spec.reasons[0].when =
        "behaviours has at least 2 or risk has at least 2 of [threats, damage]".into();
    let counted = Definition::from_spec(&spec).unwrap();
    let encoded = counted.encode();
    assert!(
        encoded.contains("\nr in-danger | 1n2 5n2.11\n"),
        "{encoded}"
    );
    assert_eq!(Definition::decode(&encoded).unwrap(), counted);
}

#[test]
fn a_damaged_definition_is_an_error_not_a_panic() {
    let encoded = fixture::definition().encode();
    let broken = [
        encoded.replace("6i3", "6i40"),    // option outside the question
        encoded.replace("6i3", "9i3"),     // question that does not exist
        encoded.replace("6i3", "6h1"),     // `has` on a one-answer question
        encoded.replace("6i3", "& 6i3"),   // operand missing
        encoded.replace("6i3", "6i3 6i3"), // operand left over
        encoded.replace("q behaviours *", "q behaviours 2"),
        encoded.replace("o no-signs", "o no-signs 0=0"),
        encoded.replace("q danger", "q Danger"),
        "o end\nq late 1 a\n".into(),
        format!("o end\nr deep {}0=0\n", "! ".repeat(100_000)),
        "q é 1 a".into(),
        "q a 1 a 0é".into(),
        encoded.replace("6i3", "1n0"), // a count that holds when unanswered
        encoded.replace("6i3", "1n2.0"), // an empty list
        encoded.replace("6i3", "1n"),
        encoded.replace("6i3", "6n1"), // a count on a one-answer question
    ];
    for text in &broken {
        assert!(
            matches!(Definition::decode(text), Err(Error::Wire { .. })),
            "{text:.80}"
        );
    }
    assert_eq!(
        Definition::decode("q a 1 x,y\no end 1=0")
            .unwrap_err()
            .to_string(),
        "encoded definition, line 2: bad test"
    );
}

#[test]
fn answers_round_trip_in_flow_order() {
    let definition = fixture::definition();
    let answers = Answers::parse(&definition, "behaviours=contact,following;danger=no").unwrap();
    assert_eq!(
        answers.to_string(),
        "danger=no;behaviours=following,contact"
    );
    assert_eq!(
        Answers::parse(&definition, &answers.to_string()).unwrap(),
        answers
    );
}

#[test]
fn the_engine_speaks_the_wire_formats() {
    let engine = Engine::new(&fixture::definition().encode()).unwrap();
    assert_eq!(
        engine.evaluate("danger=no").unwrap(),
        "visible=danger,behaviours;next=behaviours;answered=1;complete=0;outcome=;reasons="
    );
    assert_eq!(
        engine.evaluate("danger=no;behaviours=none").unwrap(),
        "visible=danger,behaviours;next=;answered=2;complete=1;outcome=no-signs;reasons=behaviour-none"
    );
    assert_eq!(
        engine
            .toggle("danger=no;behaviours=none", "behaviours", "contact", true)
            .unwrap(),
        "danger=no;behaviours=contact"
    );
    assert_eq!(
        engine
            .toggle("danger=no;behaviours=contact", "behaviours", "none", true)
            .unwrap(),
        "danger=no;behaviours=none"
    );
}
