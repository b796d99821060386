//! Schedules over time: a day passing never breaks a build that passed the day before.
//! Links to an expired page follow it, its old address forwards, several banners keep to
//! their own windows, and "today" is a date in the site's time zone.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use site_builder::Options;
use site_builder::{Clock, Timestamp};

mod sites;
use sites::copy_tree;

fn base() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/base")
}

/// The base site with `files` written over it.
fn site(files: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    copy_tree(&base(), dir.path());
    // Helpline details checked recently, so no warning about them on the days tested.
    let settings = dir.path().join("content/site.yaml");
    let yaml = std::fs::read_to_string(&settings).unwrap();
    std::fs::write(&settings, yaml.replace("2026-11-20", "2027-03-01")).unwrap();
    for (path, text) in files {
        std::fs::write(dir.path().join(path), text).unwrap();
    }
    dir
}

fn run(root: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_site-builder"))
        .args(args)
        .arg("--root")
        .arg(root)
        .output()
        .unwrap()
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// Builds `root` as of `now` into its `public/`, which must succeed; returns stderr.
fn build_on(root: &Path, now: &str) -> String {
    let output = run(root, &["build", "--now", now]);
    assert!(output.status.success(), "{}", text(&output.stderr));
    text(&output.stderr)
}

fn read(root: &Path, file: &str) -> String {
    std::fs::read_to_string(root.join("public").join(file))
        .unwrap_or_else(|e| panic!("{file}: {e}"))
}

const LINKING_PAGE: (&str, &str) = (
    "content/guides/week.md",
    "---\ntitle: Taking part in awareness week\n---\nRead about [the week](@/news/awareness-week.md).\n",
);

/// The campaign of the base site, ending on 2027-05-31, leading to another page.
const CAMPAIGN_WITH_REDIRECT: (&str, &str) = (
    "content/news/awareness-week.md",
    "---\ntitle: Awareness week\ndate: 2027-04-19\npublish_date: 2027-04-19\nexpiry_date: 2027-05-31\nexpired_redirect: \"@/news/earlier.md\"\n---\nIt is awareness week.\n",
);

#[test]
fn the_day_after_a_campaign_expires_links_to_it_lead_to_its_redirect() {
    let dir = site(&[LINKING_PAGE, CAMPAIGN_WITH_REDIRECT]);
    let root = dir.path();
    let stderr = build_on(root, "2027-06-01");
    assert_eq!(
        stderr,
        "content/guides/week.md:4:12: warning: this links to `@/news/awareness-week.md`, which expired on 2027-05-31: the link now leads to `/news/earlier/`\n  help: link to where the page now leads, or remove the link\n"
    );
    assert!(
        read(root, "guides/week/index.html").contains(r#"<a href="/news/earlier/">the week</a>"#)
    );
    assert_eq!(
        read(root, "_redirects"),
        "# Expired pages, to where they lead now. Written by site-builder.\n/news/awareness-week/ /news/earlier/ 301\n"
    );
    let forwarding = read(root, "news/awareness-week/index.html");
    for part in [
        r#"<meta http-equiv="refresh" content="0; url=/news/earlier/">"#,
        r#"<a href="/news/earlier/">Go to Figures for last year</a>"#,
        "The page “Awareness week” ended on 31 May 2027.",
        // The site's own furniture: the base template's policy and quick exit.
        r#"<meta http-equiv="Content-Security-Policy""#,
        "data-quick-exit-link>Exit this page</a>",
    ] {
        assert!(forwarding.contains(part), "{part} in\n{forwarding}");
    }
    assert!(!read(root, "sitemap.xml").contains("awareness-week"));
}

#[test]
fn an_expired_page_without_a_redirect_leads_to_its_section() {
    let dir = site(&[LINKING_PAGE]);
    let root = dir.path();
    let stderr = build_on(root, "2027-06-01");
    assert!(
        stderr.contains("the link now leads to `/news/`"),
        "{stderr}"
    );
    assert!(read(root, "guides/week/index.html").contains(r#"<a href="/news/">the week</a>"#));
    assert!(read(root, "_redirects").contains("/news/awareness-week/ /news/ 301\n"));
}

#[test]
fn on_its_last_day_the_campaign_is_linked_as_itself() {
    let dir = site(&[LINKING_PAGE, CAMPAIGN_WITH_REDIRECT]);
    let root = dir.path();
    assert_eq!(build_on(root, "2027-05-31"), "");
    assert!(read(root, "guides/week/index.html")
        .contains(r#"<a href="/news/awareness-week/">the week</a>"#));
    assert!(read(root, "news/awareness-week/index.html").contains("It is awareness week."));
    assert!(!read(root, "_redirects").contains("awareness-week"));
}

#[test]
fn a_link_to_a_page_not_yet_published_is_still_an_error() {
    let dir = site(&[LINKING_PAGE]);
    let output = run(dir.path(), &["check", "--now", "2027-04-18"]);
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(
        text(&output.stderr),
        "content/guides/week.md:4:12: error: this links to `@/news/awareness-week.md`, which is left out of this build (publishes 2027-04-19)\n  help: publish that page or remove the link\n\nThe site was not built: 1 problem to fix.\n"
    );
}

const TWO_BANNERS: &str = "title: Test Awareness Site
base_url: https://awareness.example.org
support:
  - key: emergency
    name: Police emergency
    phone: \"999\"
    checked: 2027-03-01
banner:
  text: Awareness week is on now.
  link: \"@/news/awareness-week.md\"
  from: 2027-04-19
  until: 2027-04-25
banners:
  - text: Our figures are out.
    link: \"@/news/earlier.md\"
    from: 2027-04-24
    until: 2027-05-02
";

#[test]
fn two_banners_each_show_only_in_their_own_window() {
    let dir = site(&[("content/site.yaml", TWO_BANNERS)]);
    let root = dir.path();
    let shown = |now: &str| {
        build_on(root, now);
        let home = read(root, "index.html");
        let week = home.find("Awareness week is on now.");
        let figures = home.find("Our figures are out.");
        let in_order = matches!((week, figures), (Some(a), Some(b)) if a < b);
        (week.is_some(), figures.is_some(), in_order)
    };
    assert_eq!(shown("2027-04-18"), (false, false, false));
    assert_eq!(shown("2027-04-19"), (true, false, false));
    // Both at once, in the order of site.yaml: the shorthand first.
    assert_eq!(shown("2027-04-24"), (true, true, true));
    assert_eq!(shown("2027-04-26"), (false, true, false));
    assert_eq!(shown("2027-05-03"), (false, false, false));
}

/// Builds with the clock at `moment` and no `--now`; whether the banner starting on
/// 2027-04-19 is shown.
fn banner_at(root: &Path, moment: &str) -> bool {
    let mut options = Options::new(root);
    options.clock = Clock::Fixed(moment.parse::<Timestamp>().unwrap());
    site_builder::build(&options).unwrap();
    read(root, "index.html").contains("Awareness week is on now.")
}

#[test]
fn at_half_past_eleven_utc_on_a_summer_night_it_is_already_tomorrow_in_london() {
    let dir = site(&[]);
    assert!(!banner_at(dir.path(), "2027-04-18T22:30:00Z"));
    assert!(banner_at(dir.path(), "2027-04-18T23:30:00Z"));
    // A site that keeps UTC's calendar waits for midnight UTC.
    let settings = dir.path().join("content/site.yaml");
    let yaml = std::fs::read_to_string(&settings).unwrap();
    std::fs::write(&settings, format!("timezone: UTC\n{yaml}")).unwrap();
    assert!(!banner_at(dir.path(), "2027-04-18T23:30:00Z"));
}

/// The invalid fixtures about schedules (which the fixture suite also runs), asserted here
/// as editors read them.
#[test]
fn schedule_mistakes_are_reported_at_their_place() {
    let invalid = base().parent().unwrap().join("invalid");
    for name in [
        "banner-outside-window",
        "expired-redirect-missing",
        "unknown-timezone",
    ] {
        let dir = tempfile::tempdir().unwrap();
        copy_tree(&base(), dir.path());
        copy_tree(&invalid.join(name), dir.path());
        let output = run(dir.path(), &["check", "--now", "2026-11-28"]);
        assert_eq!(output.status.code(), Some(1), "{name}");
        let expected = std::fs::read_to_string(invalid.join(name).join("expected.txt")).unwrap();
        assert_eq!(text(&output.stderr), expected, "{name}");
    }
}
