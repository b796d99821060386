//! Fixture sites run through the real `site-builder` command.
//!
//! `fixtures/base` is a valid site. Each folder in `fixtures/invalid` holds files that are
//! laid over a copy of it to make one mistake, and `expected.txt`: the exact error output
//! an editor reads. Set `UPDATE_EXPECT=1` to rewrite the expected files after a deliberate
//! change of wording, then read the diff.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

mod common;
use common::copy_tree;

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

/// Every file under `dir`, with its bytes.
fn snapshot(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .map(Result::unwrap)
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            (
                e.path().strip_prefix(dir).unwrap().to_path_buf(),
                std::fs::read(e.path()).unwrap(),
            )
        })
        .collect()
}

fn site_builder(args: &[&str], root: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_site-builder"))
        .args(args)
        .arg("--root")
        .arg(root)
        .args(["--now", "2026-11-28"])
        .output()
        .unwrap()
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// Builds the base site, lays the fixture over it, and checks the failed build's output
/// and that the previous `public/` is exactly as it was.
fn assert_invalid(name: &str) {
    assert_invalid_in(&[], "invalid", name);
}

/// The same, for a fixture in `group` (such as `selfcheck/invalid`) whose valid site is the
/// base with `layers` laid over it.
fn assert_invalid_in(layers: &[&str], group: &str, name: &str) {
    let site = tempfile::tempdir().unwrap();
    copy_tree(&fixtures().join("base"), site.path());
    for layer in layers {
        copy_tree(&fixtures().join(layer), site.path());
    }
    let first = site_builder(&["build"], site.path());
    assert!(
        first.status.success(),
        "the base site must build: {}",
        text(&first.stderr)
    );
    let before = snapshot(&site.path().join("public"));
    assert!(before.len() > 5);

    let fixture = fixtures().join(group).join(name);
    copy_tree(&fixture, site.path());
    let failed = site_builder(&["build"], site.path());
    assert_eq!(
        failed.status.code(),
        Some(1),
        "{name} must fail: {}",
        text(&failed.stdout)
    );
    let stderr = text(&failed.stderr);
    let expected_path = fixture.join("expected.txt");
    if std::env::var_os("UPDATE_EXPECT").is_some() {
        std::fs::write(&expected_path, &stderr).unwrap();
    }
    let expected = std::fs::read_to_string(&expected_path).unwrap_or_default();
    assert_eq!(stderr, expected, "error output of the `{name}` fixture");
    assert_eq!(
        snapshot(&site.path().join("public")),
        before,
        "{name}: the previous public/ changed"
    );
    let leftovers: Vec<_> = std::fs::read_dir(site.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with('.'))
        .collect();
    assert!(
        leftovers.is_empty(),
        "{name}: staging folders left behind: {leftovers:?}"
    );

    let checked = site_builder(&["check"], site.path());
    assert_eq!(checked.status.code(), Some(1));
    assert_eq!(
        text(&checked.stderr),
        expected,
        "`check` reports the same problems as `build`"
    );
}

macro_rules! invalid {
    ($($test:ident => $folder:literal,)*) => {
        $(
            #[test]
            fn $test() {
                assert_invalid($folder);
            }
        )*
    };
}

invalid! {
    bad_yaml => "bad-yaml",
    unknown_field => "unknown-field",
    field_typo => "field-typo",
    bad_date => "bad-date",
    missing_title => "missing-title",
    duplicate_url => "duplicate-url",
    broken_link => "broken-link",
    broken_anchor => "broken-anchor",
    missing_alt => "missing-alt",
    inline_script => "inline-script",
    third_party_script => "third-party-script",
    third_party_image => "third-party-image",
    inline_handler => "inline-handler",
    missing_template => "missing-template",
    tera_syntax_error => "tera-syntax-error",
    link_to_draft => "link-to-draft",
    unknown_site_key => "unknown-site-key",
    no_front_matter => "no-front-matter",
    several_problems => "several-problems",
    several_page_problems => "several-page-problems",
    unknown_support_key => "unknown-support-key",
    broken_banner_link => "broken-banner-link",
    duplicate_support_key => "duplicate-support-key",
    slug_dot_dot => "slug-dot-dot",
    slug_dot => "slug-dot",
    slug_generated_name => "slug-generated-name",
    ambiguous_markup => "ambiguous-markup",
    generated_file_collision => "generated-file-collision",
    hostile_links => "hostile-links",
    hostile_loads => "hostile-loads",
    hostile_tags => "hostile-tags",
    template_without_furniture => "template-without-furniture",
    exit_url_same_site => "exit-url-same-site",
    exit_url_empty => "exit-url-empty",
    deep_yaml => "deep-yaml",
    problems_in_every_file => "problems-in-every-file",
    not_utf8 => "not-utf8",
    case_collision => "case-collision",
    stylesheet_import => "stylesheet-import",
    svg_with_script => "svg-with-script",
    content_script_file => "content-script-file",
    include_cycle => "include-cycle",
    template_problems => "template-problems",
}

/// A helpline whose details were confirmed more than six months before the build day is
/// a warning that names its line: the build still succeeds.
#[test]
fn stale_helpline_details_are_a_warning_at_their_line() {
    let site = tempfile::tempdir().unwrap();
    copy_tree(&fixtures().join("base"), site.path());
    let fresh = site_builder(&["check"], site.path());
    assert!(fresh.status.success(), "{}", text(&fresh.stderr));
    assert_eq!(
        text(&fresh.stderr),
        "",
        "no warning while the details are fresh"
    );

    let output = Command::new(env!("CARGO_BIN_EXE_site-builder"))
        .args(["check", "--now", "2027-05-21", "--root"])
        .arg(site.path())
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", text(&output.stderr));
    assert_eq!(
        text(&output.stderr),
        "content/site.yaml:12:14: warning: the details of `emergency` were last checked on 2026-11-20, more than 6 months ago\n  help: confirm the number and opening times on the service's own website, then set `checked` to today's date\n"
    );
}

macro_rules! invalid_selfcheck {
    ($($test:ident => $folder:literal,)*) => {
        mod selfcheck {
            $(
                #[test]
                fn $test() {
                    super::assert_invalid_in(&["selfcheck/base"], "selfcheck/invalid", $folder);
                }
            )*
        }
    };
}

invalid_selfcheck! {
    duplicate_id => "duplicate-id",
    condition_syntax => "condition-syntax",
    unknown_question => "unknown-question",
    unknown_option => "unknown-option",
    wrong_operator => "wrong-operator",
    show_if_later_question => "show-if-later-question",
    unreachable_outcome => "unreachable-outcome",
    outcome_without_example => "outcome-without-example",
    example_mismatch => "example-mismatch",
    broken_link_in_text => "broken-link-in-text",
    unknown_key => "unknown-key",
    html_in_reason => "html-in-reason",
}
