//! `site-builder init` (issue 12): a new site that builds at once and passes every check,
//! or a copy of the example site; never into a folder that holds anything.

use std::path::Path;

mod sites;
use sites::{copy_tree, read, text, tool};

/// The day the starter's helpline details were checked, so no warning is due.
const CHECKED: &str = "2026-12-01";

fn init(args: &[&str]) -> (tempfile::TempDir, std::process::Output) {
    let parent = tempfile::tempdir().unwrap();
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_site-builder"))
        .arg("init")
        .arg(parent.path().join("new-site"))
        .args(args)
        .output()
        .unwrap();
    (parent, output)
}

#[test]
fn a_new_site_builds_at_once_and_passes_every_check() {
    let (parent, output) = init(&[]);
    assert!(output.status.success(), "{}", text(&output.stderr));
    let site = parent.path().join("new-site");
    let mut files: Vec<String> = walkdir::WalkDir::new(&site)
        .into_iter()
        .map(Result::unwrap)
        .filter(|e| e.file_type().is_file())
        .map(|e| e.path().strip_prefix(&site).unwrap().display().to_string())
        .collect();
    files.sort();
    let mut listed: Vec<&str> = site_builder::init::STARTER
        .iter()
        .map(|(p, _)| *p)
        .chain([".github/workflows/site.yml", ".gitlab-ci.yml"])
        .collect();
    listed.sort();
    assert_eq!(files, listed, "the starter's files and the CI recipes");
    let workflow = read(&site, ".github/workflows/site.yml");
    assert!(
        workflow.contains("just after midnight in Europe/London"),
        "{workflow}"
    );
    for command in ["check", "build"] {
        let built = tool(&[command, "--now", CHECKED], &site);
        assert!(built.status.success(), "{command}: {}", text(&built.stderr));
        assert_eq!(
            text(&built.stderr),
            "",
            "{command}: no problems and no warnings"
        );
    }
    // Its self-check works: the page names the engine module, which is shipped.
    let page = read(&site, "public/self-check/questions/index.html");
    let engine = page
        .split("data-engine=\"/")
        .nth(1)
        .unwrap()
        .split('"')
        .next()
        .unwrap();
    assert!(
        std::fs::read(site.join("public").join(engine))
            .unwrap()
            .len()
            > 10_000
    );
    for linked in [
        "/get-help/support-services/",
        "/privacy/",
        "/accessibility/",
        "/cover-your-tracks/",
    ] {
        assert!(
            page.contains(&format!("href=\"{linked}\"")),
            "the footer links {linked}"
        );
    }
    let gitignore = read(&site, ".gitignore");
    assert!(gitignore.lines().any(|l| l == "/public"), "{gitignore}");
}

/// The starter's helplines are the example's verified entries, with their `checked` days.
#[test]
fn the_starters_helplines_are_the_examples_verified_entries() {
    let repository = Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap();
    let (parent, _) = init(&[]);
    // Read as plain YAML: the test compares what the files say, entry by entry.
    let load = |content: &Path| -> Vec<serde_yaml::Value> {
        let text = std::fs::read_to_string(content.join("site.yaml")).unwrap();
        let settings: serde_yaml::Value = serde_yaml::from_str(&text).unwrap();
        settings["support"].as_sequence().unwrap().clone()
    };
    let key = |service: &serde_yaml::Value| service["key"].as_str().unwrap().to_string();
    let starter = load(&parent.path().join("new-site/content"));
    let example = load(&repository.join("content"));
    let keys: Vec<String> = starter.iter().map(key).collect();
    assert_eq!(
        keys,
        [
            "emergency",
            "police-non-emergency",
            "national-stalking-helpline",
            "refuge",
            "victim-support"
        ]
    );
    for service in &starter {
        let mut same = example
            .iter()
            .find(|e| key(e) == key(service))
            .unwrap()
            .clone();
        // The starter is in one language: the example's words in others are its own.
        same.as_mapping_mut().unwrap().remove("translations");
        assert_eq!(service, &same, "{}", key(service));
    }
}

#[test]
fn the_stalking_example_is_this_repositorys_content() {
    let repository = Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap();
    let (parent, output) = init(&["--example", "stalking"]);
    assert!(output.status.success(), "{}", text(&output.stderr));
    let site = parent.path().join("new-site");
    let expected = tempfile::tempdir().unwrap();
    copy_tree(&repository.join("content"), expected.path());
    for entry in walkdir::WalkDir::new(expected.path())
        .into_iter()
        .map(Result::unwrap)
    {
        if entry.file_type().is_file() {
            let rel = entry.path().strip_prefix(expected.path()).unwrap();
            let copied = std::fs::read(site.join("content").join(rel)).unwrap();
            assert!(
                copied == std::fs::read(entry.path()).unwrap(),
                "{}",
                rel.display()
            );
        }
    }
    assert!(site.join(".gitignore").is_file() && site.join("README.md").is_file());
    assert!(
        site.join(".github/workflows/site.yml").is_file() && site.join(".gitlab-ci.yml").is_file()
    );
    let built = tool(&["build", "--now", CHECKED], &site);
    assert!(built.status.success(), "{}", text(&built.stderr));
}

#[test]
fn init_refuses_a_folder_that_is_not_empty() {
    let parent = tempfile::tempdir().unwrap();
    sites::write(parent.path(), "notes.txt", "mine");
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_site-builder"))
        .arg("init")
        .arg(parent.path())
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(
        text(&output.stderr),
        format!(
            "error: {} is not empty\n  help: start the site in a new or empty folder, such as `site-builder init my-site`\nNothing was written.\n",
            parent.path().display()
        )
    );
    let left: Vec<_> = std::fs::read_dir(parent.path()).unwrap().collect();
    assert_eq!(left.len(), 1);
}
