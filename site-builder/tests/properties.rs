//! Property tests through the library's own entry point: whatever an editor (or an
//! attacker with write access to content/) puts in front matter, Markdown or raw HTML, a
//! build never panics, and it either succeeds or reports problems that each name a file,
//! a line and a column inside that file.

mod sites;

use std::path::Path;

use proptest::prelude::*;
use site_builder::{build, Date, Error, Options};

fn fixture() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/base"))
}

/// Pieces that hostile or careless pages are made of.
fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("<select>".to_string()),
        Just("<xmp>".to_string()),
        Just("<svg>".to_string()),
        Just("<math>".to_string()),
        Just("<script>".to_string()),
        Just("</script>".to_string()),
        Just("<style>".to_string()),
        Just("<noscript>".to_string()),
        Just("<template>".to_string()),
        Just("<!--".to_string()),
        Just("-->".to_string()),
        Just("<![CDATA[".to_string()),
        Just("<a href=\"".to_string()),
        Just("<img src=x alt=y ".to_string()),
        Just("onerror=".to_string()),
        Just("javascript:".to_string()),
        Just("&#106;".to_string()),
        Just("&Tab;".to_string()),
        Just("%".to_string()),
        Just("%é".to_string()),
        Just("{{ support.emergency.phone }}".to_string()),
        Just("{{".to_string()),
        Just("[x](@/guides/first.md#".to_string()),
        Just("](".to_string()),
        Just("| a | b |\n|---:|:-:|\n".to_string()),
        Just("# ".to_string()),
        Just("\n\n".to_string()),
        Just("\"".to_string()),
        Just(">".to_string()),
        Just("\u{E000}".to_string()),
        Just("\u{E001}".to_string()),
        "[a-z ]{0,12}".prop_map(|s| s),
        any::<char>().prop_map(|c| c.to_string()),
    ]
}

fn body() -> impl Strategy<Value = String> {
    prop::collection::vec(piece(), 0..24).prop_map(|parts| parts.concat())
}

/// Front matter lines, some valid and some not.
fn front_line() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("title: A page".to_string()),
        "title: [a-zA-Z:\\[\\]{}'\" ]{0,20}".prop_map(|s| s),
        "slug: [a-z./\\\\-]{0,6}".prop_map(|s| s),
        "date: [0-9-]{0,12}".prop_map(|s| s),
        Just("weight: 1e400".to_string()),
        Just("template: ../../etc/passwd".to_string()),
        Just("template: bare.html".to_string()),
        Just("extra: [[[[[[".to_string()),
        Just("draft: true".to_string()),
        Just("\ttitle: tab".to_string()),
        "[a-z_]{1,8}: [a-z0-9]{0,8}".prop_map(|s| s),
    ]
}

fn page() -> impl Strategy<Value = String> {
    (
        prop::collection::vec(front_line(), 0..5),
        body(),
        any::<bool>(),
    )
        .prop_map(|(front, body, open)| {
            let mut text = String::new();
            if open {
                text.push_str("---\n");
            }
            for line in front {
                text.push_str(&line);
                text.push('\n');
            }
            text.push_str("---\n");
            text.push_str(&body);
            text
        })
}

proptest! {
    // 48 cases in `cargo test`; set PROPTEST_CASES for a longer run.
    #![proptest_config(ProptestConfig {
        cases: std::env::var("PROPTEST_CASES").ok().and_then(|n| n.parse().ok()).unwrap_or(48),
        ..ProptestConfig::default()
    })]

    #[test]
    fn a_build_never_panics_and_every_problem_is_placed(pages in prop::collection::vec(page(), 1..4)) {
        let site = tempfile::tempdir().unwrap();
        sites::copy_tree(fixture(), site.path());
        for (i, text) in pages.iter().enumerate() {
            std::fs::write(site.path().join(format!("content/guides/p{i}.md")), text).unwrap();
        }
        let mut options = Options::new(site.path());
        options.out = None;
        options.now = Some("2026-11-28".parse::<Date>().unwrap());
        match build(&options) {
            Ok(_) => {}
            Err(Error::Problems(problems)) => {
                prop_assert!(!problems.is_empty());
                for problem in problems {
                    let file = site.path().join(&problem.path);
                    let text = std::fs::read(&file).map(|b| String::from_utf8_lossy(&b).into_owned());
                    prop_assert!(text.is_ok(), "{problem} names a file that does not exist");
                    let text = text.unwrap();
                    let lines = text.lines().count().max(1) + 1;
                    prop_assert!(problem.line <= lines, "{problem}: line {} of {lines}", problem.line);
                }
            }
            Err(other) => prop_assert!(false, "not an editor's problem: {other}"),
        }
    }
}
