//! The CI recipes: both validate against their published schemas (with check-jsonschema,
//! which `scripts/check-jsonschema` installs under target/ on first use), schedule the
//! daily rebuild in the site's time zone, and are never written over a file.

use std::path::{Path, PathBuf};
use std::process::Command;

use site_builder::recipes::{recipes, timezone_of};

fn repository() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap()
}

/// The example site's time zone, as its site.yaml names it.
fn example_timezone() -> String {
    timezone_of(repository()).unwrap()
}

/// Validates `file` against check-jsonschema's copy of `schema`.
fn validate(schema: &str, file: &Path) {
    let output = Command::new("bash")
        .arg(repository().join("scripts/check-jsonschema"))
        .args(["--builtin-schema", schema])
        .arg(file)
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{} against {schema}:\n{}{}",
        file.display(),
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
}

fn written(timezone: &str) -> (tempfile::TempDir, Vec<PathBuf>) {
    let dir = tempfile::tempdir().unwrap();
    let mut paths = Vec::new();
    for (path, text) in recipes(timezone) {
        let file = dir.path().join(&path);
        std::fs::create_dir_all(file.parent().unwrap()).unwrap();
        std::fs::write(&file, text).unwrap();
        paths.push(path);
    }
    (dir, paths)
}

#[test]
fn the_recipes_validate_against_their_schemas() {
    let (dir, paths) = written(&example_timezone());
    assert_eq!(
        paths,
        [
            PathBuf::from(".github/workflows/site.yml"),
            PathBuf::from(".gitlab-ci.yml")
        ]
    );
    validate("vendor.github-workflows", &dir.path().join(&paths[0]));
    validate("vendor.gitlab-ci", &dir.path().join(&paths[1]));
}

#[test]
fn london_is_rebuilt_just_after_midnight_in_summer_and_in_winter() {
    let all = recipes(&example_timezone());
    let github = &all[0].1;
    assert!(
        github.contains("    - cron: \"5 0 * * *\"\n    - cron: \"5 23 * * *\"\n"),
        "{github}"
    );
    assert!(github.contains("British Summer Time"));
    assert!(github.contains("run: site-builder check --ahead 14\n"));
    assert!(github.contains("run: site-builder build\n"));
    assert!(
        github.contains("needs: build"),
        "nothing is published when the build fails"
    );
    let gitlab = &all[1].1;
    assert!(gitlab.contains("cron timezone:    Europe/London"));
    assert!(gitlab.contains("make one schedule for each of: 5 0 * * *, 5 23 * * *."));
    assert!(gitlab.contains("- site-builder check --ahead 14\n"));

    let github = recipes("UTC").remove(0).1;
    assert!(github.contains("    - cron: \"5 0 * * *\"\n\n"), "{github}");
    assert!(!github.contains("5 23 * * *"));
    assert!(github.contains("five past midnight in UTC, which is 00:05 UTC all year."));
}

#[test]
fn ci_recipes_writes_into_a_site_and_never_replaces_a_file() {
    let site = tempfile::tempdir().unwrap();
    std::fs::create_dir(site.path().join("content")).unwrap();
    std::fs::copy(
        repository().join("content/site.yaml"),
        site.path().join("content/site.yaml"),
    )
    .unwrap();
    let run = || {
        Command::new(env!("CARGO_BIN_EXE_site-builder"))
            .args(["ci-recipes", "--root"])
            .arg(site.path())
            .output()
            .unwrap()
    };
    let first = run();
    assert!(
        first.status.success(),
        "{}",
        String::from_utf8_lossy(&first.stderr)
    );
    let workflow = site.path().join(".github/workflows/site.yml");
    assert_eq!(
        std::fs::read_to_string(&workflow).unwrap(),
        recipes(&example_timezone())[0].1
    );

    std::fs::write(&workflow, "# the site's own\n").unwrap();
    std::fs::remove_file(site.path().join(".gitlab-ci.yml")).unwrap();
    let again = run();
    assert_eq!(again.status.code(), Some(1));
    assert_eq!(
        String::from_utf8_lossy(&again.stderr),
        "error: .github/workflows/site.yml already exists, and ci-recipes never replaces a file\n  help: remove or rename it first if you want the recipe written again\n"
    );
    assert_eq!(
        std::fs::read_to_string(&workflow).unwrap(),
        "# the site's own\n"
    );
    assert!(
        !site.path().join(".gitlab-ci.yml").exists(),
        "nothing is written when one file is there"
    );
}
