//! `site-builder new`, run for real on copies of `tests/preview-site`: the files it
//! writes, the banner it sets, and what it refuses to do.
//!
//! The files it writes are compared with `tests/snapshots/new/`; after a deliberate change
//! of the starting text, rewrite them with `SNAPSHOTS=overwrite cargo test -p site-builder
//! --test new` and read the diff.

use std::path::Path;
use std::process::Output;

use snapbox::{Assert, Data, Redactions};

mod sites;
use sites::{copy_tree, read, text, tool};

fn site() -> tempfile::TempDir {
    let folder = tempfile::tempdir().unwrap();
    let from = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/preview-site");
    copy_tree(&from, folder.path());
    folder
}

fn site_builder(root: &Path, args: &[&str]) -> Output {
    tool(args, root)
}

fn stdout(output: &Output) -> String {
    text(&output.stdout)
}

fn stderr(output: &Output) -> String {
    text(&output.stderr)
}

/// Compares a written file with its snapshot in `tests/snapshots/new/`, where `[TODAY]`
/// stands for the day the test runs.
fn assert_snapshot(actual: String, name: &str) {
    let mut redactions = Redactions::new();
    let today = site_builder::scaffold::today(Path::new("."));
    redactions.insert("[TODAY]", today.to_string()).unwrap();
    let file = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/snapshots/new")
        .join(name);
    // Backslashes are what the file holds (an escaped quote): keep them.
    Assert::new()
        .normalize_paths(false)
        .action_env("SNAPSHOTS")
        .redact_with(redactions)
        .eq(Data::text(actual), Data::read_from(&file, None));
}

fn assert_builds(root: &Path, args: &[&str]) {
    let mut all = vec!["check"];
    all.extend_from_slice(args);
    let output = site_builder(root, &all);
    assert!(output.status.success(), "{}", stderr(&output));
}

#[test]
fn a_new_page_is_a_dated_draft() {
    let site = site();
    let root = site.path();
    let output = site_builder(
        root,
        &[
            "new",
            "page",
            "news/online.md",
            "--title",
            "Online stalking: \"the signs\"",
        ],
    );
    assert!(output.status.success(), "{}", stderr(&output));
    assert_eq!(
        stdout(&output),
        "Created content/news/online.md (a draft: only the preview shows it).\n"
    );
    assert_snapshot(read(root, "content/news/online.md"), "page.md");
    // It renders, with its drafts shown, and leaves the published site as it was.
    assert_builds(root, &["--drafts"]);
    let check = site_builder(root, &["check"]);
    assert!(
        stdout(&check).contains("left out: news/online.md (draft)"),
        "{}",
        stdout(&check)
    );
}

#[test]
fn a_page_path_may_start_with_content_and_leave_out_md() {
    let site = site();
    let output = site_builder(
        site.path(),
        &["new", "page", "content/safety", "--title", "Safety"],
    );
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(site.path().join("content/safety.md").is_file());
}

#[test]
fn an_existing_page_is_never_replaced() {
    let site = site();
    let root = site.path();
    let before = read(root, "content/hello.md");
    let output = site_builder(root, &["new", "page", "hello.md", "--title", "Hello"]);
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(
        stderr(&output),
        "error: content/hello.md already exists, and `new` never replaces a file\n  \
         help: choose another name, or open the file that is there and edit it\n\
         Nothing was written.\n"
    );
    assert_eq!(read(root, "content/hello.md"), before);
}

#[test]
fn a_page_needs_a_folder_that_exists() {
    let site = site();
    let output = site_builder(site.path(), &["new", "page", "guides/a.md", "--title", "A"]);
    assert_eq!(
        stderr(&output),
        "error: there is no folder content/guides\n  \
         help: put the page in one of the folders that exist: news\n\
         Nothing was written.\n"
    );
    let output = site_builder(site.path(), &["new", "page", "../a.md", "--title", "A"]);
    assert!(stderr(&output).starts_with("error: `../a.md` is not a page inside content/\n"));
}

/// A page's file and folder names become its web address, so `new` takes only plain
/// names, and suggests one (the features review saw `Stalking by a neighbour.md` accepted).
#[test]
fn a_page_name_with_spaces_or_capitals_is_refused_with_a_plain_one() {
    let site = site();
    let output = site_builder(
        site.path(),
        &[
            "new",
            "page",
            "news/Stalking by a neighbour.md",
            "--title",
            "A",
        ],
    );
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(
        stderr(&output),
        "error: `news/Stalking by a neighbour.md` cannot be a page's name: the names of its file and folders become its web address\n  \
         help: use lowercase letters, digits and hyphens, for example `news/stalking-by-a-neighbour.md`\n\
         Nothing was written.\n"
    );
    assert!(!site
        .path()
        .join("content/news/Stalking by a neighbour.md")
        .exists());
}

#[test]
fn a_page_with_pictures_gets_its_own_folder() {
    let site = site();
    let output = site_builder(
        site.path(),
        &["new", "page", "news/leaflet/index.md", "--title", "Leaflet"],
    );
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(site.path().join("content/news/leaflet/index.md").is_file());
}

const CAMPAIGN: [&str; 9] = [
    "new",
    "campaign",
    "awareness-week-2027",
    "--title",
    "Awareness week 2027",
    "--from",
    "2027-04-19",
    "--until",
    "2027-04-25",
];

#[test]
fn a_campaign_is_scheduled_and_gets_a_banner_of_its_own() {
    let site = site();
    let root = site.path();
    let settings_before = read(root, "content/site.yaml");
    let output = site_builder(root, &CAMPAIGN);
    assert!(output.status.success(), "{}", stderr(&output));
    assert_eq!(
        stdout(&output),
        "Created content/news/awareness-week-2027.md, shown from 2027-04-19 to 2027-04-25.\n\
         Added a banner for it to the banners in content/site.yaml.\n"
    );
    assert_snapshot(
        read(root, "content/news/awareness-week-2027.md"),
        "campaign.md",
    );
    // The old banner stays; the new one starts a list at the end; comments are kept.
    assert_eq!(
        read(root, "content/site.yaml"),
        format!(
            "{settings_before}\nbanners:\n  - text: \"Awareness week 2027\"\n    \
             link: \"@/news/awareness-week-2027.md\"\n    from: 2027-04-19\n    until: 2027-04-25\n"
        )
    );

    // Before, during and after: the site builds, and the page is there only during.
    let before = site_builder(root, &["check", "--now", "2027-04-18"]);
    assert!(
        stdout(&before).contains("left out: news/awareness-week-2027.md (publishes 2027-04-19)")
    );
    assert_builds(root, &["--now", "2027-04-19"]);
    let after = site_builder(root, &["check", "--now", "2027-04-26"]);
    assert!(stdout(&after).contains("left out: news/awareness-week-2027.md (expired 2027-04-25)"));
}

#[test]
fn a_second_campaign_adds_to_the_banners_and_replaces_none() {
    let site = site();
    let root = site.path();
    assert!(site_builder(root, &CAMPAIGN).status.success());
    let after_first = read(root, "content/site.yaml");

    let mut args = CAMPAIGN.to_vec();
    args[2] = "figures-2027";
    args[4] = "New figures";
    args.extend(["--banner", "Our new figures are out."]);
    let output = site_builder(root, &args);
    assert!(output.status.success(), "{}", stderr(&output));
    assert_eq!(
        read(root, "content/site.yaml"),
        format!(
            "{after_first}  - text: \"Our new figures are out.\"\n    \
             link: \"@/news/figures-2027.md\"\n    from: 2027-04-19\n    until: 2027-04-25\n"
        )
    );
    // Both run at once, and the old shorthand banner is still accepted.
    assert_builds(root, &["--now", "2027-04-20"]);
}

#[test]
fn a_campaign_is_refused_without_touching_anything() {
    let site = site();
    let root = site.path();
    assert!(site_builder(root, &CAMPAIGN).status.success());
    let page = read(root, "content/news/awareness-week-2027.md");
    let settings = read(root, "content/site.yaml");

    let mut cases: Vec<(Vec<&str>, &str)> = Vec::new();
    let mut again = CAMPAIGN.to_vec();
    again[4] = "Another title";
    cases.push((
        again,
        "error: content/news/awareness-week-2027.md already exists, and `new` never replaces a file\n  \
         help: choose another name, or open the file that is there and edit it\n",
    ));
    let mut backwards = CAMPAIGN.to_vec();
    backwards[2] = "other";
    backwards.swap(6, 8);
    cases.push((
        backwards,
        "error: the campaign ends (2027-04-19) before it starts (2027-04-25)\n  \
         help: swap the dates: --from is the first day, --until the last\n",
    ));
    let mut spaced = CAMPAIGN.to_vec();
    spaced[2] = "Awareness Week";
    cases.push((
        spaced,
        "error: `Awareness Week` cannot be used as the campaign's web address\n  \
         help: use lower-case letters, numbers and hyphens, for example `awareness-week-2027`\n",
    ));
    for (args, message) in cases {
        let output = site_builder(root, &args);
        assert_eq!(output.status.code(), Some(1));
        assert_eq!(stderr(&output), format!("{message}Nothing was written.\n"));
    }
    assert_eq!(read(root, "content/news/awareness-week-2027.md"), page);
    assert_eq!(read(root, "content/site.yaml"), settings);
    assert!(!root.join("content/news/other.md").exists());
}

/// A copy of the two-language fixture site (English and Welsh).
fn two_languages() -> tempfile::TempDir {
    let folder = tempfile::tempdir().unwrap();
    let from = Path::new(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/languages/base"
    ));
    for entry in walkdir::WalkDir::new(from) {
        let entry = entry.unwrap();
        let target = folder.path().join(entry.path().strip_prefix(from).unwrap());
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&target).unwrap();
        } else {
            std::fs::copy(entry.path(), &target).unwrap();
        }
    }
    folder
}

#[test]
fn a_translation_starts_as_a_draft_with_the_original_to_translate_from() {
    let site = two_languages();
    let root = site.path();
    let output = site_builder(root, &["new", "page", "other.md", "--lang", "cy"]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert_eq!(
        stdout(&output),
        "Created content/other.cy.md, to translate (a draft marked translation: needs-review: only the preview shows it).\n"
    );
    let text = read(root, "content/other.cy.md");
    for needed in [
        "title: \"Another page\"\n",
        "description: \"More to read.\"\n",
        "translation: needs-review\n",
        "draft: true\n",
        "<!--\n",
        "More words.\n-->\n",
    ] {
        assert!(text.contains(needed), "no {needed:?} in:\n{text}");
    }
    // A draft: the build leaves it out; the preview shows it, without the English note.
    assert_builds(root, &["--now", "2026-11-28"]);
    let out = tempfile::tempdir().unwrap();
    let public = out.path().join("public");
    let built = site_builder(
        root,
        &[
            "build",
            "--drafts",
            "--now",
            "2026-11-28",
            "--out",
            public.to_str().unwrap(),
        ],
    );
    assert!(built.status.success(), "{}", stderr(&built));
    let page = std::fs::read_to_string(public.join("cy/other/index.html")).unwrap();
    assert!(page.contains("Write the translation here, in Cymraeg."));
    assert!(
        !page.contains("More words."),
        "the original's text was published"
    );

    let again = site_builder(root, &["new", "page", "other.md", "--lang", "cy"]);
    assert_eq!(again.status.code(), Some(1));
    assert!(
        stderr(&again).contains("already exists"),
        "{}",
        stderr(&again)
    );
}

#[test]
fn a_translation_needs_one_of_the_sites_languages_and_a_page_to_translate() {
    let site = two_languages();
    let root = site.path();
    let output = site_builder(root, &["new", "page", "other.md", "--lang", "pl"]);
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(
        stderr(&output),
        "error: `pl` is not one of the site's other languages\n  help: the site's other languages are cy (Cymraeg)\nNothing was written.\n"
    );
    let output = site_builder(root, &["new", "page", "missing.md", "--lang", "cy"]);
    assert_eq!(output.status.code(), Some(1));
    assert!(stderr(&output).contains("there is no page content/missing.md to translate"));
    assert!(!root.join("content/missing.cy.md").exists());
}
