//! The self-check's commands as editors run them: `check` on conditions with counts,
//! `selfcheck --answers` and `selfcheck diff`, through the real binary.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use selfcheck_engine::{Answers, Definition};

mod sites;
use sites::copy_tree;

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

/// The site's questionnaire as it is now, saved beside the site as the old version.
fn save_old(site: &Path) -> PathBuf {
    let old = site.join("old.yaml");
    std::fs::copy(questions(site), &old).unwrap();
    old
}

fn diff(site: &Path, args: &[&str]) -> Output {
    let mut all = vec!["selfcheck", "diff"];
    all.extend(args);
    run(site, &all)
}

fn json(output: &Output) -> serde_json::Value {
    assert!(output.status.success(), "{}", text(&output.stderr));
    serde_json::from_slice(&output.stdout).unwrap()
}

#[test]
fn identical_versions_have_no_changes() {
    let site = site();
    let old = save_old(site.path());
    let old = old.to_str().unwrap();
    let report = diff(site.path(), &[old]);
    assert!(report.status.success(), "{}", text(&report.stderr));
    assert_eq!(
        text(&report.stdout),
        format!(
            "Old: {old}\nNew: content/check/questions.yaml\n\n\
             No answer set changes its outcome or reasons.\nUnchanged: 8 answer sets\n"
        )
    );
    let found = json(&diff(site.path(), &[old, "--json"]));
    assert_eq!(found, serde_json::json!({"changes": [], "unchanged": 8}));
}

/// Every distinct complete answer set of a definition, with its outcome and reasons, found
/// by trying every combination of options through the engine's public API.
fn every_answer_set(definition: &Definition) -> BTreeMap<String, (String, Vec<String>)> {
    let choices: Vec<Vec<Vec<&str>>> = (definition.questions().iter())
        .map(|q| {
            let ids: Vec<&str> = q.options.iter().map(|o| o.id.as_str()).collect();
            (0..1u32 << ids.len())
                .map(|mask| {
                    (0..ids.len())
                        .filter(|i| mask & (1 << i) != 0)
                        .map(|i| ids[i])
                        .collect()
                })
                .collect()
        })
        .collect();
    let mut found = BTreeMap::new();
    let mut pick = vec![0; choices.len()];
    loop {
        let mut answers = Answers::new(definition);
        // A combination with several options for a one-answer question is no answer set.
        let set = (definition.questions().iter().zip(&choices).zip(&pick))
            .all(|((q, options), &p)| answers.set(&q.id, &options[p]).is_ok());
        let evaluation = answers.evaluate();
        if let (true, Some(outcome)) = (set, evaluation.outcome) {
            let shown: Vec<String> = (evaluation.visible.iter())
                .map(|q| format!("{q}={:?}", answers.chosen(q).unwrap()))
                .collect();
            let reasons = evaluation.reasons.iter().map(|r| r.to_string()).collect();
            found.insert(shown.join(";"), (outcome.to_string(), reasons));
        }
        let Some(q) = (0..pick.len()).find(|&q| pick[q] + 1 < choices[q].len()) else {
            break;
        };
        pick[q] += 1;
        pick[..q].iter_mut().for_each(|p| *p = 0);
    }
    found
}

/// Per change of outcome: how many answer sets, and the reasons gained and lost.
type Tally = (u64, BTreeSet<String>, BTreeSet<String>);

fn loaded(site: &Path) -> Definition {
    site_builder::selfcheck::load(&site.join("content"), Path::new("check/questions.yaml"))
        .unwrap_or_else(|problems| panic!("{problems:?}"))
        .definition
}

#[test]
fn a_changed_when_lists_exactly_the_answer_sets_that_change() {
    let site = site();
    let before = every_answer_set(&loaded(site.path()));
    let old = save_old(site.path());
    edit(
        site.path(),
        "when: contact has any and times = more",
        "when: contact has calls and times = more",
    );
    edit(
        site.path(),
        "when: times = more\n",
        "when: times = more and contact has messages\n",
    );
    edit(
        site.path(),
        "contact: [calls], times: more}",
        "contact: [calls, messages], times: more}",
    );
    let after = every_answer_set(&loaded(site.path()));

    // Brute force: the answer sets are the same in both versions; count each change.
    assert_eq!(
        before.keys().collect::<Vec<_>>(),
        after.keys().collect::<Vec<_>>()
    );
    let mut expected: BTreeMap<(String, String), Tally> = BTreeMap::new();
    let mut unchanged = 0;
    for (answers, (from, was)) in &before {
        let (to, is) = &after[answers];
        if (from, was) == (to, is) {
            unchanged += 1;
            continue;
        }
        let entry = expected.entry((from.clone(), to.clone())).or_default();
        entry.0 += 1;
        entry
            .1
            .extend(is.iter().filter(|r| !was.contains(r)).cloned());
        entry
            .2
            .extend(was.iter().filter(|r| !is.contains(r)).cloned());
    }
    assert!(
        expected.len() >= 2,
        "the edit changes outcomes and reasons: {expected:?}"
    );

    let found = json(&diff(site.path(), &[old.to_str().unwrap(), "--json"]));
    let strings = |v: &serde_json::Value| -> BTreeSet<String> {
        v.as_array()
            .unwrap()
            .iter()
            .map(|s| s.as_str().unwrap().to_string())
            .collect()
    };
    let changes: BTreeMap<_, _> = (found["changes"].as_array().unwrap().iter())
        .map(|c| {
            let key = (
                c["from"].as_str().unwrap().to_string(),
                c["to"].as_str().unwrap().to_string(),
            );
            (
                key,
                (
                    c["count"].as_u64().unwrap(),
                    strings(&c["reasons_added"]),
                    strings(&c["reasons_removed"]),
                ),
            )
        })
        .collect();
    assert_eq!(changes, expected);
    assert_eq!(found["unchanged"], unchanged);
}

#[test]
fn added_questions_options_and_outcomes_show_as_new_answer_sets() {
    let site = site();
    let old = save_old(site.path());
    // A question no condition looks at: each old answer set with it shown becomes two.
    edit(
        site.path(),
        "  - id: times\n",
        "  - id: fear\n    prompt: Are you *afraid*?\n    type: one\n    show_if: danger = no\n    \
         options:\n      - {id: \"yes\", label: \"Yes\"}\n      - {id: \"no\", label: \"No\"}\n  - id: times\n",
    );
    // A new option, and a new first outcome for it.
    edit(
        site.path(),
        "      - {id: messages, label: Messages}\n",
        "      - {id: messages, label: Messages}\n      - {id: visits, label: \"**Visits**\"}\n",
    );
    edit(
        site.path(),
        "outcomes:\n",
        "outcomes:\n  - id: serious\n    when: contact has visits and times = more\n    title: Serious\n    body: Call 101.\n",
    );
    let report = diff(site.path(), &[old.to_str().unwrap()]);
    assert!(report.status.success(), "{}", text(&report.stderr));
    let report = text(&report.stdout);
    // 4 contact answers with `visits` × 2 fear answers, for each answer to `times`; and
    // danger = yes, plus 7 old answer sets × 2 fear answers, unchanged.
    assert!(
        report.contains(
            "\n\n(not possible before) → other: 8 answer sets\n\
             (not possible before) → serious: 8 answer sets\n\
             Unchanged: 15 answer sets\n"
        ),
        "{report}"
    );
    assert!(
        report.contains(
            "  Example 1:\n    Are you in danger right now? No\n    \
             Has someone kept contacting you? Visits\n    Are you afraid? Yes\n    \
             How many times? More than once\n    \
             (danger = no, contact = [visits], fear = yes, times = more)\n"
        ),
        "{report}"
    );
    assert!(
        report.contains("  Reasons that appear: repeated (8 answer sets)\n"),
        "{report}"
    );

    let found = json(&diff(site.path(), &[old.to_str().unwrap(), "--json"]));
    let serious = &found["changes"][1];
    assert_eq!(serious["from"], serde_json::Value::Null);
    assert_eq!(serious["to"], "serious");
    assert_eq!(serious["count"], 8);
    assert_eq!(
        serious["examples"][0],
        serde_json::json!({"danger": "no", "contact": ["visits"], "fear": "yes", "times": "more"})
    );
    assert_eq!(serious["reasons_added"], serde_json::json!(["repeated"]));
    assert_eq!(serious["reasons_removed"], serde_json::json!([]));
    // `calls` and `messages` play no part here, so one example stands for all 8.
    assert_eq!(serious["examples"].as_array().unwrap().len(), 1);
}

#[test]
fn a_bad_old_version_is_located_and_fails() {
    let site = site();
    let old = save_old(site.path());
    let text_before = std::fs::read_to_string(&old).unwrap();
    std::fs::write(
        &old,
        text_before.replacen("when: times = more\n", "when: tims = more\n", 1),
    )
    .unwrap();
    let failed = diff(site.path(), &[old.to_str().unwrap()]);
    assert_eq!(failed.status.code(), Some(1));
    assert_eq!(
        text(&failed.stderr),
        format!(
            "{}:38:11: error: unknown question `tims`\n  help: did you mean `times`?\n",
            old.display()
        )
    );
    assert!(failed.stdout.is_empty());
}

#[test]
fn a_draft_without_examples_or_reachable_outcomes_can_be_compared() {
    let site = site();
    let old = save_old(site.path());
    edit(
        site.path(),
        "when: contact has any and times = more",
        "when: contact has any and times = more and danger = yes",
    );
    let text_now = std::fs::read_to_string(questions(site.path())).unwrap();
    let draft = &text_now[..text_now.find("examples:").unwrap()];
    std::fs::write(questions(site.path()), draft).unwrap();
    let report = diff(site.path(), &[old.to_str().unwrap()]);
    assert!(report.status.success(), "{}", text(&report.stderr));
    assert!(
        text(&report.stdout).contains("\npattern → other: 3 answer sets\n"),
        "{}",
        text(&report.stdout)
    );
}

fn git(site: &Path, args: &[&str]) {
    let done = Command::new("git")
        .arg("-C")
        .arg(site)
        .args([
            "-c",
            "user.name=Editor",
            "-c",
            "user.email=editor@example.org",
        ])
        .args(args)
        .output()
        .expect("git runs");
    assert!(
        done.status.success(),
        "git {args:?}: {}",
        text(&done.stderr)
    );
}

#[test]
fn the_old_version_can_be_a_git_revision() {
    let site = site();
    git(site.path(), &["init", "-q"]);
    git(site.path(), &["add", "."]);
    git(site.path(), &["commit", "-q", "-m", "published"]);
    edit(
        site.path(),
        "when: contact has any and times = more",
        "when: contact has calls and times = more",
    );

    let report = diff(site.path(), &["HEAD"]);
    assert!(report.status.success(), "{}", text(&report.stderr));
    assert!(
        text(&report.stdout).starts_with(
            "Old: HEAD:content/check/questions.yaml\nNew: content/check/questions.yaml\n\n\
             pattern → other: 1 answer set\n"
        ),
        "{}",
        text(&report.stdout)
    );
    let by_path = json(&diff(
        site.path(),
        &["HEAD:content/check/questions.yaml", "--json"],
    ));
    assert_eq!(by_path["changes"][0]["count"], 1);

    let unknown = diff(site.path(), &["no-such-branch"]);
    assert_eq!(unknown.status.code(), Some(1));
    assert_eq!(
        text(&unknown.stderr),
        "no-such-branch:content/check/questions.yaml:1:1: error: `no-such-branch` is not a file, \
         and git cannot read it: fatal: invalid object name 'no-such-branch'.\n  \
         help: give a file, a git revision such as `HEAD~1` or `main`, or `REVISION:path`\n"
    );
}

#[test]
fn without_git_a_revision_is_a_clear_error() {
    let site = site();
    let failed = Command::new(env!("CARGO_BIN_EXE_site-builder"))
        .args(["selfcheck", "diff", "HEAD~1", "--root"])
        .arg(site.path())
        .env("PATH", site.path().join("no-programs-here"))
        .output()
        .unwrap();
    assert_eq!(failed.status.code(), Some(1));
    let stderr = text(&failed.stderr);
    assert!(
        stderr.starts_with(
            "HEAD~1:content/check/questions.yaml:1:1: error: `HEAD~1` is not a file, and git \
             cannot be run to read it from a revision: "
        ),
        "{stderr}"
    );
    assert!(
        stderr.ends_with("\n  help: install git, or give the old version as a file\n"),
        "{stderr}"
    );
}

#[test]
fn answers_still_work_beside_the_diff_subcommand() {
    let site = site();
    let tried = run(
        site.path(),
        &["selfcheck", "--answers", r#"{"danger": "yes"}"#],
    );
    assert!(tried.status.success(), "{}", text(&tried.stderr));
    assert_eq!(
        text(&tried.stdout),
        "{\"complete\":true,\"outcome\":\"emergency\",\"reasons\":[]}\n"
    );
}

/// `selfcheck --answers` refusing `answers`: its exit status and error output.
fn refused(answers: &str) -> String {
    let site = site();
    let tried = run(site.path(), &["selfcheck", "--answers", answers]);
    assert_eq!(tried.status.code(), Some(1), "{answers} must be refused");
    assert!(tried.stdout.is_empty());
    text(&tried.stderr)
}

#[test]
fn a_list_for_a_one_answer_question_is_refused() {
    assert_eq!(
        refused(r#"{"danger": ["no"]}"#),
        "--answers:1:1: error: `danger` takes one answer: write \"no\", not [\"no\"]\n"
    );
}

#[test]
fn list_items_that_are_not_option_ids_are_refused_not_dropped() {
    assert_eq!(
        refused(r#"{"danger": "no", "contact": ["calls", 1, true, null]}"#),
        "--answers:1:1: error: the answer to `contact` lists 1, which is not an option id \
         (item 2)\n  help: write option ids as strings in quotes\n"
    );
    assert_eq!(
        refused(r#"{"danger": 0}"#),
        "--answers:1:1: error: the answer to `danger` must be an option id, such as \"yes\", \
         not 0\n"
    );
}

#[test]
fn a_question_answered_twice_is_refused() {
    assert_eq!(
        refused(r#"{"danger": "yes", "danger": "no"}"#),
        "--answers:1:1: error: question `danger` is answered twice\n  \
         help: give each question one answer\n"
    );
}

#[test]
fn errors_quote_only_a_short_escaped_excerpt_of_the_answers() {
    let long = format!(r#"{{"danger": "{}"}}"#, "x".repeat(120_000));
    let stderr = refused(&long);
    assert_eq!(
        stderr,
        format!(
            "--answers:1:1: error: unknown option `{}…` for question `danger`\n",
            "x".repeat(40)
        )
    );
    let stderr = refused(&format!("\"{}\"", "x".repeat(120_000)));
    assert!(stderr.len() < 200, "{stderr}");

    let stderr = refused(r#"{"dan\u0000ger\u001b[2J": "no"}"#);
    assert_eq!(
        stderr,
        "--answers:1:1: error: unknown question `dan\\0ger\\u{1b}[2J`\n"
    );
}

#[test]
fn json_syntax_errors_are_located_in_the_answers() {
    assert_eq!(
        refused(r#"{"danger": "n"#),
        "--answers:1:13: error: EOF while parsing a string\n  \
         help: for example --answers '{\"danger\": \"no\"}'\n"
    );
}
