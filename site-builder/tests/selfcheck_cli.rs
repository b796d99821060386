//! The self-check's commands as editors run them: `check` on conditions with counts,
//! `selfcheck --answers` and `selfcheck diff`, through the real binary.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

mod common;
use common::copy_tree;

/// The questionnaire of the `selfcheck/base` fixture, inside a site.
const QUESTIONS: &str = "content/check/questions.yaml";

/// A valid site with a small self-check, in a temporary folder.
fn site() -> tempfile::TempDir {
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let site = tempfile::tempdir().unwrap();
    copy_tree(&fixtures.join("base"), site.path());
    copy_tree(&fixtures.join("selfcheck/base"), site.path());
    site
}

fn questions(site: &Path) -> PathBuf {
    site.join(QUESTIONS)
}

/// Rewrites the site's questionnaire, replacing `from` (which must be there) by `to`.
fn edit(site: &Path, from: &str, to: &str) {
    let path = questions(site);
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains(from), "`{from}` is not in the questionnaire");
    std::fs::write(&path, text.replacen(from, to, 1)).unwrap();
}

fn run(site: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_site-builder"))
        .args(args)
        .arg("--root")
        .arg(site)
        .output()
        .unwrap()
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

#[test]
fn a_count_is_checked_and_one_that_can_never_hold_is_located() {
    let site = site();
    edit(
        site.path(),
        "when: times = more\n",
        "when: contact has at least 2\n",
    );
    edit(
        site.path(),
        "contact: [calls], times",
        "contact: [calls, messages], times",
    );
    let checked = run(site.path(), &["check", "--now", "2026-11-28"]);
    assert!(checked.status.success(), "{}", text(&checked.stderr));

    edit(site.path(), "has at least 2", "has at least 3");
    let checked = run(site.path(), &["check", "--now", "2026-11-28"]);
    assert_eq!(checked.status.code(), Some(1));
    assert_eq!(
        text(&checked.stderr),
        "content/check/questions.yaml:38:32: error: `contact` has 2 options that count \
         (exclusive options such as `none` do not count), so `has at least 3` can never hold\n  \
         help: count to 2 at most\n\nThe site was not built: 1 problem to fix.\n"
    );
}

#[test]
fn a_questionnaire_too_large_to_check_names_the_question_that_multiplies_the_paths() {
    let site = site();
    let options: Vec<String> = (0..40)
        .map(|i| format!("      - {{id: c{i}, label: C{i}}}\n"))
        .collect();
    let names: Vec<String> = (0..40).map(|i| format!("c{i}")).collect();
    edit(
        site.path(),
        "      - {id: calls, label: Calls}\n",
        &options.concat(),
    );
    edit(
        site.path(),
        "when: times = more\n",
        &format!("when: contact has all of [{}]\n", names.join(", ")),
    );
    let checked = run(site.path(), &["check", "--now", "2026-11-28"]);
    assert_eq!(checked.status.code(), Some(1));
    assert_eq!(
        text(&checked.stderr).lines().take(2).collect::<Vec<_>>(),
        [
            // 2^40 subsets of the named options (the empty one with `messages`), and `none`.
            "content/check/questions.yaml:1:1: error: the self-check is too large to check: up to \
             4,398,046,511,108 answer paths (`contact`: 1,099,511,627,777 answer classes × \
             `danger`: 2 × `times`: 2) and 1 reason, with 7 tests in the conditions",
            "  help: name fewer options in conditions, or hide more questions with `show_if`",
        ]
    );
}
