//! `check --ahead DAYS`: every day the site will change, what it brings, and when to
//! rebuild, through the real command.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

mod sites;
use sites::copy_tree;

fn manifest() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn base() -> PathBuf {
    manifest().join("tests/fixtures/base")
}

fn check_ahead(root: &Path, days: &str, now: &str) -> Output {
    Command::new(env!("CARGO_BIN_EXE_site-builder"))
        .args(["check", "--ahead", days, "--now", now, "--root"])
        .arg(root)
        .output()
        .unwrap()
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

#[test]
fn the_example_campaign_publishes_and_expires_on_its_days() {
    let root = manifest().parent().unwrap();
    let output = check_ahead(root, "365", "2026-12-01");
    let stdout = text(&output.stdout);
    assert!(output.status.success(), "{stdout}{}", text(&output.stderr));
    let lines: Vec<&str> = stdout.lines().filter(|l| !l.starts_with(' ')).collect();
    assert_eq!(lines[0], "Looking ahead from 2026-12-01 to 2027-12-01:");
    assert!(lines[1].starts_with(
        "2027-04-19: publishes news/national-stalking-awareness-week.md; banner \"It is National Stalking Awareness Week."
    ), "{stdout}");
    assert!(
        lines[2].starts_with("2027-04-26: banner \"It is National"),
        "{stdout}"
    );
    assert_eq!(
        lines[3],
        "2027-06-01: expires news/national-stalking-awareness-week.md (its last day was 2027-05-31)"
    );
    assert_eq!(lines.last(), Some(&"Next rebuild needed: 2027-04-19"));
}

/// The base site, whose helplines were checked recently, with a news page that publishes
/// on 2027-05-01 and links to a page that does not exist.
fn site_with_a_scheduled_mistake() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    copy_tree(&base(), dir.path());
    let settings = dir.path().join("content/site.yaml");
    let yaml = std::fs::read_to_string(&settings).unwrap();
    std::fs::write(&settings, yaml.replace("2026-11-20", "2027-03-01")).unwrap();
    std::fs::write(
        dir.path().join("content/news/later.md"),
        "---\ntitle: Later news\npublish_date: 2027-05-01\n---\nSee [the guide](/guides/frist/).\n",
    )
    .unwrap();
    dir
}

#[test]
fn a_broken_link_that_comes_with_a_scheduled_page_is_reported_on_its_day() {
    let dir = site_with_a_scheduled_mistake();
    // Today the site is fine: the page is not published yet.
    let today = Command::new(env!("CARGO_BIN_EXE_site-builder"))
        .args(["check", "--now", "2027-04-01", "--root"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert!(today.status.success(), "{}", text(&today.stderr));

    let output = check_ahead(dir.path(), "60", "2027-04-01");
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(
        text(&output.stdout),
        "Looking ahead from 2027-04-01 to 2027-05-31:\n\
         2027-04-19: publishes news/awareness-week.md; banner \"Awareness week is on now.\" starts\n\
         2027-04-26: banner \"Awareness week is on now.\" ends\n\
         2027-05-01: publishes news/later.md\n  \
           content/news/later.md:5:17: error: the link `/guides/frist/` goes to a page that does not exist\n    \
             help: check the address; link to pages as @/section/page.md#heading so the build can check them\n\
         1 problem to fix before its day.\n\
         Next rebuild needed: 2027-04-19\n"
    );
}

#[test]
fn with_nothing_scheduled_no_rebuild_is_needed_in_the_window() {
    let dir = site_with_a_scheduled_mistake();
    let output = check_ahead(dir.path(), "14", "2027-04-01");
    assert!(output.status.success(), "{}", text(&output.stdout));
    assert_eq!(
        text(&output.stdout),
        "Looking ahead from 2027-04-01 to 2027-04-15:\n\
         No problems on any of these days.\n\
         Next rebuild needed: none before 2027-04-15 (nothing changes until then)\n"
    );
}

#[test]
fn the_day_a_helplines_check_falls_due_is_a_change_with_its_warning() {
    // The base site's one helpline was checked on 2026-11-20, so it is due on 2027-05-21:
    // the first day more than six months later.
    let site = base();
    let day_before = Command::new(env!("CARGO_BIN_EXE_site-builder"))
        .args(["check", "--now", "2027-05-20", "--root"])
        .arg(&site)
        .output()
        .unwrap();
    assert_eq!(text(&day_before.stderr), "", "not yet due on 2027-05-20");

    let output = check_ahead(&site, "10", "2027-05-15");
    assert!(output.status.success(), "a stale helpline only warns");
    assert_eq!(
        text(&output.stdout),
        "Looking ahead from 2027-05-15 to 2027-05-25:\n\
         2027-05-21: the details of `emergency` are due for a check\n  \
           content/site.yaml:12:14: warning: the details of `emergency` were last checked on 2026-11-20, more than 6 months ago\n    \
             help: confirm the number and opening times on the service's own website, then set `checked` to today's date\n\
         No problems on any of these days.\n\
         Next rebuild needed: 2027-05-21\n"
    );
}

#[test]
fn every_example_helpline_is_reported_on_the_day_its_check_falls_due() {
    let root = manifest().parent().unwrap();
    let yaml = std::fs::read_to_string(root.join("content/site.yaml")).unwrap();
    let settings: serde_yaml::Value = serde_yaml::from_str(&yaml).unwrap();
    let output = check_ahead(root, "365", "2026-12-01");
    let stdout = text(&output.stdout);
    assert!(output.status.success(), "{stdout}");
    for service in settings["support"].as_sequence().unwrap() {
        let key = service["key"].as_str().unwrap();
        let checked = service["checked"].as_str().unwrap();
        // Every example entry was checked on 2026-12-01: due on 2027-06-02.
        assert_eq!(checked, "2026-12-01", "`{key}`: update this test's due day");
        let due = stdout
            .lines()
            .find(|l| l.contains("are due for a check") && l.contains(&format!("`{key}`")))
            .unwrap_or_else(|| panic!("`{key}` has no due day in\n{stdout}"));
        assert!(due.starts_with("2027-06-02: "), "{due}");
    }
    // Services due on the same day share one line that counts them.
    let count = settings["support"].as_sequence().unwrap().len();
    let first = settings["support"][0]["key"].as_str().unwrap();
    let line =
        format!("2027-06-02: the details of {count} services are due for a check: `{first}`, ");
    assert_eq!(
        stdout.lines().filter(|l| l.starts_with(&line)).count(),
        1,
        "one line for the day, starting {line:?}, in\n{stdout}"
    );
}
