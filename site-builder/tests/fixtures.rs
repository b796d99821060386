//! Fixture sites run through the real `site-builder` command, as snapshot tests.
//!
//! `fixtures/base` is a valid site. Each folder in `fixtures/invalid` holds files that are
//! laid over a copy of it to make one mistake; `fixtures/selfcheck/invalid` does the same
//! over the base with `fixtures/selfcheck/base` laid on it. Every folder is found by
//! itself: a new one is a new test, and one without its snapshots fails. Each has two
//! snapshots of exactly what an editor reads:
//! - `expected.txt`, the short form (`--messages short`), as CI logs show it;
//! - `expected-rich.txt`, the rich form (`--messages rich --color never`), as a terminal
//!   shows it, with the source line and a caret.
//!
//! `fixtures/languages/base` is a valid site in English and Welsh, with a self-check in
//! both; `fixtures/languages/invalid` is laid over it the same way, and each folder of
//! `fixtures/languages/valid` is laid over it to build: its `expected.txt` holds what the
//! build prints (warnings, the summary, the languages' report), and `expected-html.txt`
//! the lines about languages (`<html lang>`, `hreflang`, `lang=`, the notes, and two
//! interface strings) of the output files its `pages.txt` names.
//!
//! A changed message shows as a diff. After a deliberate change of wording, rewrite the
//! snapshots with `SNAPSHOTS=overwrite cargo test -p site-builder --test fixtures`, then
//! read the diff before committing.
//!
//! Each case also checks that the failed build left the previous `public/` byte for byte
//! as it was, left no staging folder, and that `check` reports the same problems.

mod sites;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use libtest_mimic::{Arguments, Failed, Trial};
use sites::{copy_tree, fixtures};
use snapbox::{Assert, Data};

/// Every file under `dir`, with its bytes.
fn tree(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .map(Result::unwrap)
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            let rel = e.path().strip_prefix(dir).unwrap().to_path_buf();
            (rel, std::fs::read(e.path()).unwrap())
        })
        .collect()
}

fn site_builder(args: &[&str], root: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_site-builder"))
        .args(args)
        .arg("--root")
        .arg(root)
        .args(["--now", "2026-11-28", "--color", "never"])
        .output()
        .unwrap()
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

fn check(condition: bool, message: impl FnOnce() -> String) -> Result<(), Failed> {
    if condition {
        Ok(())
    } else {
        Err(message().into())
    }
}

/// Compares `actual` with the snapshot file, or rewrites it under `SNAPSHOTS=overwrite`.
fn snapshot(actual: String, file: &Path) -> Result<(), Failed> {
    // Backslashes are part of what is reported (a `/\evil` address): keep them.
    Assert::new()
        .normalize_paths(false)
        .action_env("SNAPSHOTS")
        .try_eq(
            Some(&"the build's output"),
            Data::text(actual),
            Data::read_from(file, None),
        )
        .map_err(|e| Failed::from(e.to_string()))
}

/// One invalid fixture: `group/name`, laid over `layers` (the first is the base).
fn invalid(layers: &[&str], group: &str, name: &str) -> Result<(), Failed> {
    let site = tempfile::tempdir().unwrap();
    for layer in layers {
        copy_tree(&fixtures().join(layer), site.path());
    }
    let first = site_builder(&["build"], site.path());
    check(first.status.success(), || {
        format!("the base site must build: {}", text(&first.stderr))
    })?;
    let before = tree(&site.path().join("public"));

    let fixture = fixtures().join(group).join(name);
    copy_tree(&fixture, site.path());
    let short = site_builder(&["build", "--messages", "short"], site.path());
    check(short.status.code() == Some(1), || {
        format!("{name} must fail: {}", text(&short.stdout))
    })?;
    let rich = site_builder(&["build", "--messages", "rich"], site.path());
    check(rich.status.code() == Some(1), || {
        format!("{name} must fail in the rich form too")
    })?;
    snapshot(text(&short.stderr), &fixture.join("expected.txt"))?;
    snapshot(text(&rich.stderr), &fixture.join("expected-rich.txt"))?;

    check(tree(&site.path().join("public")) == before, || {
        format!("{name}: the previous public/ changed")
    })?;
    let leftovers: Vec<_> = std::fs::read_dir(site.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with('.'))
        .collect();
    check(leftovers.is_empty(), || {
        format!("{name}: staging folders left behind: {leftovers:?}")
    })?;

    let checked = site_builder(&["check", "--messages", "short"], site.path());
    check(checked.status.code() == Some(1), || {
        format!("{name}: check must fail")
    })?;
    check(text(&checked.stderr) == text(&short.stderr), || {
        format!(
            "`check` reports other problems than `build`:\n{}",
            text(&checked.stderr)
        )
    })
}

/// One valid fixture: `group/name` laid over `base`, built. What the build prints and the
/// language lines of the pages it names are compared with the snapshots.
fn valid(base: &str, group: &str, name: &str) -> Result<(), Failed> {
    let site = tempfile::tempdir().unwrap();
    let fixture = fixtures().join(group).join(name);
    copy_tree(&fixtures().join(base), site.path());
    for folder in ["content", "templates"] {
        if fixture.join(folder).is_dir() {
            copy_tree(&fixture.join(folder), &site.path().join(folder));
        }
    }
    let output = site_builder(&["build", "--messages", "short"], site.path());
    check(output.status.success(), || {
        format!("{name} must build: {}", text(&output.stderr))
    })?;
    let printed = format!(
        "{}{}",
        text(&output.stderr),
        text(&output.stdout).replace(&site.path().display().to_string(), "[SITE]")
    );
    snapshot(without_time(&printed), &fixture.join("expected.txt"))?;
    let pages = std::fs::read_to_string(fixture.join("pages.txt")).unwrap();
    let mut lines = String::new();
    for page in pages.lines().filter(|l| !l.trim().is_empty()) {
        let html = std::fs::read_to_string(site.path().join("public").join(page))
            .map_err(|e| Failed::from(format!("{page}: {e}")))?;
        lines.push_str(&format!("== {page}\n"));
        for line in html.lines().map(str::trim) {
            // And the skip link and the self-check's Continue, whose words a fixture leaves out.
            let about_language = [
                "<html",
                "hreflang",
                "lang-note",
                " lang=\"",
                "xhtml:link",
                "href=\"#main\"",
                "data-continue",
            ]
            .iter()
            .any(|marker| line.contains(marker));
            if about_language {
                lines.push_str(line);
                lines.push('\n');
            }
        }
    }
    snapshot(lines, &fixture.join("expected-html.txt"))
}

/// `in 0.03 s` becomes `in [TIME] s`: the one part of a build's summary that varies.
fn without_time(printed: &str) -> String {
    let mut out = String::new();
    for line in printed.lines() {
        match line.find(" in ").zip(line.find(" s into")) {
            Some((at, end)) if at < end => {
                out.push_str(&format!("{} in [TIME]{}\n", &line[..at], &line[end..]));
            }
            _ => {
                out.push_str(line);
                out.push('\n');
            }
        }
    }
    out
}

/// A helpline whose details were confirmed more than six months before the build day is
/// a warning that names its line: the build still succeeds.
fn stale_helpline_details_are_a_warning_at_their_line() -> Result<(), Failed> {
    let site = tempfile::tempdir().unwrap();
    copy_tree(&fixtures().join("base"), site.path());
    let fresh = site_builder(&["check", "--messages", "short"], site.path());
    check(fresh.status.success(), || text(&fresh.stderr))?;
    check(text(&fresh.stderr).is_empty(), || {
        "a warning while the details are fresh".into()
    })?;
    let output = Command::new(env!("CARGO_BIN_EXE_site-builder"))
        .args([
            "check",
            "--messages",
            "short",
            "--now",
            "2027-05-21",
            "--root",
        ])
        .arg(site.path())
        .output()
        .unwrap();
    check(output.status.success(), || text(&output.stderr))?;
    let expected = "content/site.yaml:12:14: warning: the details of `emergency` were last checked on 2026-11-20, more than 6 months ago\n  help: confirm the number and opening times on the service's own website, then set `checked` to today's date\n";
    check(text(&output.stderr) == expected, || text(&output.stderr))
}

/// The folders of `group`, in name order.
fn cases(group: &str) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(fixtures().join(group))
        .unwrap()
        .map(|e| e.unwrap())
        .filter(|e| e.file_type().unwrap().is_dir())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

fn main() {
    let arguments = Arguments::from_args();
    let mut trials = vec![Trial::test(
        "stale_helpline_details_are_a_warning_at_their_line",
        stale_helpline_details_are_a_warning_at_their_line,
    )];
    for name in cases("invalid") {
        let test = name.clone();
        trials.push(Trial::test(format!("invalid/{name}"), move || {
            invalid(&["base"], "invalid", &test)
        }));
    }
    for name in cases("selfcheck/invalid") {
        let test = name.clone();
        trials.push(Trial::test(
            format!("selfcheck/invalid/{name}"),
            move || invalid(&["base", "selfcheck/base"], "selfcheck/invalid", &test),
        ));
    }
    for name in cases("languages/invalid") {
        let test = name.clone();
        trials.push(Trial::test(
            format!("languages/invalid/{name}"),
            move || invalid(&["languages/base"], "languages/invalid", &test),
        ));
    }
    for name in cases("languages/valid") {
        let test = name.clone();
        trials.push(Trial::test(format!("languages/valid/{name}"), move || {
            valid("languages/base", "languages/valid", &test)
        }));
    }
    libtest_mimic::run(&arguments, trials).exit();
}
