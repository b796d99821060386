//! `site-builder search` as editors run it.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

mod sites;
use sites::{small_site, write, SETTINGS};

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
    let site = small_site();
    write(
        site.path(),
        "content/site.yaml",
        format!("{SETTINGS}search: false\n"),
    );
    let out = search(site.path(), &["anything"]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "error: this site has no search page, so there is nothing to search\n  help: `search: false` in content/site.yaml switches the search page off\n"
    );
}

/// `search: false` leaves out the search page, its index and engine, and the header's
/// link to it.
#[test]
fn search_false_in_the_settings_leaves_search_out() {
    let site = small_site();
    let root = site.path();
    sites::build_clean(root);
    assert!(sites::read(root, "public/index.html").contains("href=\"/search/\""));
    assert!(root.join("public/search/index.html").is_file());
    write(
        root,
        "content/site.yaml",
        format!("{SETTINGS}search: false\n"),
    );
    sites::build_clean(root);
    assert!(!root.join("public/search").exists());
    assert!(!sites::read(root, "public/index.html").contains("/search/"));
    let assets: Vec<String> = std::fs::read_dir(root.join("public/assets"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    let made = |a: &String| a.starts_with("search-index.") || a.starts_with("search-engine.");
    assert!(!assets.iter().any(made), "{assets:?}");
}

/// Each language's pages link to its own search page; `search: false` leaves out every
/// language's search page and link.
#[test]
fn every_language_has_its_search_page_until_search_is_switched_off() {
    let site = tempfile::tempdir().unwrap();
    let root = site.path();
    sites::copy_tree(&repository().join("content"), &root.join("content"));
    let build = || {
        let out = sites::tool(&["build", "--now", "2027-05-01"], root);
        assert!(out.status.success(), "{}", sites::text(&out.stderr));
        sites::text(&out.stdout)
    };
    let said = build();
    assert!(said.contains("search index (cy, /cy/search/)"), "{said}");
    for (page, search) in [
        ("public/index.html", "/search/"),
        ("public/cy/index.html", "/cy/search/"),
        ("public/ur/index.html", "/ur/search/"),
    ] {
        let html = sites::read(root, page);
        let link = format!("<a class=\"search-link\" href=\"{search}\">");
        assert!(html.contains(&link), "{page} has no {link}");
        assert!(root
            .join("public")
            .join(&search[1..])
            .join("index.html")
            .is_file());
    }
    let welsh = sites::read(root, "public/cy/search/index.html");
    assert!(
        welsh.contains("<html lang=\"cy\""),
        "the Welsh search page is in Welsh"
    );
    assert!(welsh.contains(
        "<a href=\"/get-help/court-orders/\" lang=\"en-GB\" hreflang=\"en-GB\" dir=\"ltr\">"
    ));
    let settings = std::fs::read_to_string(root.join("content/site.yaml")).unwrap();
    write(
        root,
        "content/site.yaml",
        format!("{settings}\nsearch: false\n"),
    );
    build();
    for folder in ["public/search", "public/cy/search", "public/ur/search"] {
        assert!(!root.join(folder).exists(), "{folder}");
    }
    for page in [
        "public/index.html",
        "public/cy/index.html",
        "public/ur/index.html",
    ] {
        assert!(!sites::read(root, page).contains("search-link"), "{page}");
    }
}

#[test]
fn lang_searches_that_languages_index() {
    let out = search(
        &repository(),
        &["--lang", "cy", "--shown", "1", "hanes porwr"],
    );
    assert!(out.status.success(), "{}", sites::text(&out.stderr));
    let said = sites::text(&out.stdout);
    assert!(
        said.contains("/cy/cover-your-tracks/#hanes-y-porwr"),
        "{said}"
    );
    let out = search(
        &repository(),
        &["--lang", "cy", "--shown", "2", "court order"],
    );
    assert!(sites::text(&out.stdout).contains("(in the default language)"));
    let out = search(&repository(), &["--lang", "fr", "anything"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        sites::text(&out.stderr).contains(
            "error: this site has no language `fr`\n  help: its languages are en-GB, cy, ur"
        ),
        "{}",
        sites::text(&out.stderr)
    );
}
