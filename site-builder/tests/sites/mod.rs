//! What the integration tests share: running the built binary on a site, small sites to
//! run it on, and reading and copying their files.

#![allow(dead_code)] // each test file takes what it needs

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// The built binary, building or checking the site in `root` as of the fixtures' day.
pub fn run(args: &[&str], root: &Path) -> Output {
    let mut with_day = args.to_vec();
    with_day.extend(["--now", "2026-11-28"]);
    tool(&with_day, root)
}

/// The built binary, run on the site in `root`.
pub fn tool(args: &[&str], root: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_site-builder"))
        .args(args)
        .arg("--root")
        .arg(root)
        .output()
        .unwrap()
}

/// The standard output of a run that must succeed (both outputs shown when it fails).
pub fn succeeded(output: Output) -> String {
    let stdout = text(&output.stdout);
    assert!(output.status.success(), "{stdout}{}", text(&output.stderr));
    stdout
}

pub fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// A build that must succeed with nothing on standard error.
pub fn build_clean(root: &Path) {
    let output = run(&["build"], root);
    assert!(output.status.success(), "{}", text(&output.stderr));
    assert_eq!(text(&output.stderr), "", "no warnings");
}

/// A build that must fail: its standard error.
pub fn build_fails(root: &Path) -> String {
    let output = run(&["build"], root);
    assert_eq!(output.status.code(), Some(1), "{}", text(&output.stdout));
    text(&output.stderr)
}

pub fn write(root: &Path, file: &str, contents: impl AsRef<[u8]>) {
    let path = root.join(file);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, contents).unwrap();
}

pub fn read(root: &Path, file: &str) -> String {
    std::fs::read_to_string(root.join(file)).unwrap_or_else(|e| panic!("{file}: {e}"))
}

/// The settings of [`small_site`]; tests add to them.
pub const SETTINGS: &str = "title: A small site
base_url: https://small.example.org
support:
  - key: emergency
    name: Police emergency
    phone: \"999\"
    checked: 2026-11-20
";

/// A site of two pages and nothing else: no templates/, so the built-in theme.
pub fn small_site() -> tempfile::TempDir {
    let site = tempfile::tempdir().unwrap();
    write(site.path(), "content/site.yaml", SETTINGS);
    write(
        site.path(),
        "content/_index.md",
        "---\ntitle: Home\n---\nWelcome.\n",
    );
    write(
        site.path(),
        "content/guide.md",
        "---\ntitle: A guide\n---\nSome words.\n",
    );
    site
}

pub fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

/// Copies the folder `from` into `to`, creating folders as needed.
pub fn copy_tree(from: &Path, to: &Path) {
    for entry in walkdir::WalkDir::new(from) {
        let entry = entry.unwrap();
        let target = to.join(entry.path().strip_prefix(from).unwrap());
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&target).unwrap();
        } else {
            std::fs::copy(entry.path(), &target).unwrap();
        }
    }
}
