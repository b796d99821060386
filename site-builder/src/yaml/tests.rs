//! The YAML reader's tests: positions, depth, odd line breaks and messages.
use super::*;
use serde::Deserialize;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
struct Front {
    title: String,
    weight: Option<i64>,
}

#[test]
fn unknown_field_suggests_the_closest() {
    let err = parse::<Front>("titel: Hi\n", Path::new("a.md"), Origin { line: 2 }).unwrap_err();
    assert_eq!(
        err.to_string(),
        "a.md:2:1: error: unknown field `titel`\n  help: did you mean `title`?"
    );
}

#[test]
fn deep_nesting_is_refused_quickly_with_its_place() {
    let text = format!(
        "title: Hi\nextra: {}{}\n",
        "[".repeat(100_000),
        "]".repeat(100_000)
    );
    let err = parse::<serde_yaml::Value>(&text, Path::new("a.md"), Origin { line: 2 }).unwrap_err();
    assert_eq!((err.line, err.col), (3, 72));
    assert!(
        err.message.contains("nested more than 64"),
        "{}",
        err.message
    );
    let fine = "a: [[1, '[[[['], {b: \"]]]\"}] # [[[[\n";
    assert!(too_deep(fine).is_none());
}

#[test]
fn positions_follow_paths() {
    let text =
        "questions:\n  - id: danger\n    show_if: danger = no\n  - id: x\n    show_if: \"a = b\"\n";
    let positions = Positions::of(text, Origin::FILE);
    let place = positions.get("questions.0.show_if").unwrap();
    assert_eq!((place.line, place.col), (3, 14));
    assert_eq!(place.inside("danger = no", 9), (3, 23));
    let quoted = positions.get("questions.1.show_if").unwrap();
    assert_eq!(quoted.inside("a = b", 4), (5, 19));
    assert_eq!(positions.nearest("questions.1.missing").line, 4);
}

#[test]
fn block_scalars_place_each_line() {
    let text = "body: |\n  First line.\n\n  Third *line*.\n";
    let place = Positions::of(text, Origin::FILE).get("body").unwrap();
    let value = "First line.\n\nThird *line*.\n";
    assert_eq!(place.inside(value, 0), (2, 3));
    assert_eq!(place.inside(value, value.find("*line").unwrap()), (4, 9));
}
