//! `site-builder search` as editors run it.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn repository() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn search(root: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_site-builder"))
        .arg("search")
        .args(args)
        .args(["--root", root.to_str().unwrap(), "--now", "2027-05-01"])
        .output()
        .unwrap()
}

#[test]
fn a_search_prints_how_the_query_was_read_and_the_pages_found() {
    let out = search(&repository(), &["protection ord", "--shown", "2"]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{stdout}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(
        lines[..5],
        [
            "Searched for: protection (stem protect), ord (and words starting with it)",
            lines[1],
            "",
            "1. Stalking [Protection] [Orders]",
            "   /get-help/stalking-protection-orders/",
        ],
        "{stdout}"
    );
    assert!(lines[1].ends_with(" pages found"), "{stdout}");
    assert_eq!(
        stdout.matches("\n\n").count(),
        2,
        "two results shown: {stdout}"
    );
}

#[test]
fn json_gives_the_words_the_count_and_the_results() {
    let out = search(&repository(), &["tracker", "--json"]);
    assert!(out.status.success());
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["query"], "tracker");
    let found = &json["found"];
    assert_eq!(found["words"][0]["stem"], "tracker");
    assert!(found["count"].as_u64().unwrap() >= 2);
    let first = &found["results"][0];
    assert_eq!(first["url"], "/get-help/check-your-devices/#trackers");
    assert_eq!(first["heading"][0], serde_json::json!(["Trackers", true]));
}

#[test]
fn a_site_without_a_search_page_is_told_so() {
    let base = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/base");
    let out = search(&base, &["anything"]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "error: this site has no search page, so there is nothing to search\n  help: the search page is made from templates/search.html\n"
    );
}
