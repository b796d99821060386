//! Search on the example site's real text: tokenising, stemming, ranking and typos, on the
//! index the build ships (read back from its module, as `site-builder search` reads it),
//! and `search: false`.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use site_builder::search::query::How;
use site_builder::search::{wire, Found, Index, Searcher};
use site_builder::{Date, Options};

mod sites;

fn repository() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// A site's index in each language, by code, the default first, built (as `check`
/// builds, writing nothing) on a fixed day so the pages in it do not change with the
/// date.
fn indexes_of(root: &Path) -> Vec<(String, Index)> {
    let mut options = Options::new(root);
    options.out = None;
    options.now = Some("2027-05-01".parse::<Date>().unwrap());
    let report = site_builder::build(&options).unwrap_or_else(|e| panic!("{}", e.lines()));
    assert!(!report.search.is_empty(), "the theme has a search page");
    (report.search.iter())
        .map(|shipped| {
            let index = wire::decode(&shipped.module).expect("the shipped index reads back");
            (shipped.code.clone(), index)
        })
        .collect()
}

fn index_of(root: &Path) -> Index {
    indexes_of(root).swap_remove(0).1
}

fn examples() -> &'static [(String, Index)] {
    static INDEXES: OnceLock<Vec<(String, Index)>> = OnceLock::new();
    INDEXES.get_or_init(|| indexes_of(&repository()))
}

fn example() -> &'static Index {
    &examples()[0].1
}

/// The example site's index in the language `code`.
fn example_in(code: &str) -> &'static Index {
    let found = examples().iter().find(|(c, _)| c == code);
    &found.unwrap_or_else(|| panic!("no index in {code}")).1
}

fn search(query: &str) -> Found {
    Searcher::new(example()).search(query, 20)
}

/// The pages found, without the `#section`.
fn pages(query: &str) -> Vec<String> {
    (search(query).results.iter())
        .map(|hit| hit.url.split('#').next().unwrap_or_default().to_string())
        .collect()
}

#[test]
fn protection_order_finds_the_stalking_protection_orders_page_first() {
    assert_eq!(
        pages("protection order").first().map(String::as_str),
        Some("/get-help/stalking-protection-orders/"),
        "{:#?}",
        pages("protection order")
    );
    // Typed to the end, with a space: no word is read as a prefix any more.
    assert_eq!(
        pages("Protection Orders ")[0],
        "/get-help/stalking-protection-orders/"
    );
}

#[test]
fn tracker_finds_online_stalking_and_cover_your_tracks() {
    let found = pages("tracker");
    for page in [
        "/understanding-stalking/online-stalking/",
        "/cover-your-tracks/",
    ] {
        assert!(found.iter().any(|p| p == page), "{page} not in {found:#?}");
    }
}

#[test]
fn a_typo_still_finds_the_page() {
    for (typo, page) in [
        ("protectoin order", "/get-help/stalking-protection-orders/"),
        (
            "stlaking protection",
            "/get-help/stalking-protection-orders/",
        ),
        (
            "harasment",
            "/understanding-stalking/stalking-and-harassment/",
        ),
        ("cover your trakcs", "/cover-your-tracks/"),
    ] {
        assert_eq!(
            pages(typo).first().map(String::as_str),
            Some(page),
            "{typo}"
        );
    }
    // Short words are not corrected: "cra" is not "car".
    let read = search("cra ").words;
    assert!(read[0].matches.is_empty(), "{read:?}");
}

#[test]
fn endings_meet_at_their_stem() {
    // The site says "stalking" and "stalker"; a visitor may type another ending.
    let stalked = search("stalked ").words;
    assert_eq!(stalked[0].stem, "stalk");
    assert!(pages("stalked ").contains(&"/understanding-stalking/what-counts/".to_string()));
    let found = search("monitored");
    assert!(found.count > 0, "monitored finds pages that say monitoring");
}

#[test]
fn words_are_folded_and_stop_words_left_out() {
    assert_eq!(pages("PROTECTION ORDER"), pages("protection order"));
    assert_eq!(pages("protéction ordér"), pages("protection order"));
    let read = search("what is the law on stalking").words;
    let words: Vec<&str> = read.iter().map(|w| w.word.as_str()).collect();
    assert_eq!(words, ["law", "stalking"]);
    assert_eq!(search("the and of").count, 0);
}

#[test]
fn the_word_being_typed_matches_as_a_prefix() {
    let typing = pages("protection ord");
    assert_eq!(typing[0], "/get-help/stalking-protection-orders/");
    let read = search("protec").words;
    assert!(read[0].prefix && !read[0].matches.is_empty());
    // After a space the word is complete: "protec" is no word of the site, and is read
    // as a typo for "protect".
    let complete = &search("protec ").words[0];
    assert!(!complete.prefix && !complete.matches.is_empty());
    assert!(complete.matches.iter().all(|(_, how)| *how == How::Typo));
}

#[test]
fn results_link_to_their_section_and_mark_the_words_found() {
    let found = search("trackers airtags");
    let hit = &found.results[0];
    assert_eq!(hit.url, "/get-help/check-your-devices/#trackers");
    let marked: Vec<&str> = (hit.heading.iter().chain(&hit.excerpt))
        .filter(|s| s.marked)
        .map(|s| s.text.as_str())
        .collect();
    assert!(marked.contains(&"Trackers"), "{:?}", hit.heading);
    assert!(
        marked
            .iter()
            .all(|m| m.to_lowercase().starts_with("tracker")
                || m.to_lowercase().starts_with("airtag")),
        "{marked:?}"
    );
}

#[test]
fn every_published_page_is_in_the_index_once() {
    let urls: Vec<&str> = example().pages.iter().map(|p| p.url.as_str()).collect();
    let mut unique = urls.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), urls.len());
    assert!(urls.contains(&"/") && urls.contains(&"/get-help/reporting/"));
    assert!(
        !urls.contains(&"/search/"),
        "the search page is not searched"
    );
}

#[test]
fn search_false_leaves_a_page_out() {
    let site = tempfile::tempdir().unwrap();
    for folder in ["content", "templates"] {
        sites::copy_tree(&repository().join(folder), &site.path().join(folder));
    }
    let page = site
        .path()
        .join("content/get-help/stalking-protection-orders.md");
    let text = std::fs::read_to_string(&page).unwrap();
    let text = text.replacen("---\n", "---\nsearch: false\n", 1);
    std::fs::write(&page, text).unwrap();
    let index = index_of(site.path());
    assert!(!index
        .pages
        .iter()
        .any(|p| p.url == "/get-help/stalking-protection-orders/"));
    let found = Searcher::new(&index).search("stalking protection orders", 20);
    assert!(found.count > 0, "other pages still speak of the orders");
    assert!(found
        .results
        .iter()
        .all(|hit| !hit.url.starts_with("/get-help/stalking-protection-orders/")));
}

/// The pages of the example site in `lang`'s folder (`cy`), from their sources: every
/// `page.cy.md` and `_index.cy.md`.
fn translated_sources(lang: &str) -> usize {
    fn walk(dir: &Path, suffix: &str, count: &mut usize) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                walk(&path, suffix, count);
            } else if path.to_string_lossy().ends_with(suffix) {
                *count += 1;
            }
        }
    }
    let mut count = 0;
    walk(
        &repository().join("content"),
        &format!(".{lang}.md"),
        &mut count,
    );
    count
}

#[test]
fn each_language_has_its_own_index_of_its_own_pages() {
    let codes: Vec<&str> = examples().iter().map(|(c, _)| c.as_str()).collect();
    assert_eq!(codes, ["en-GB", "cy", "ur"]);
    assert!(example().pages.iter().all(|p| !p.fallback));
    assert!(
        !example().pages.iter().any(|p| p.url.starts_with("/cy/")),
        "the English index holds no Welsh page"
    );
    for lang in ["cy", "ur"] {
        let index = example_in(lang);
        let prefix = format!("/{lang}/");
        let own: Vec<&str> = (index.pages.iter())
            .filter(|p| !p.fallback)
            .map(|p| p.url.as_str())
            .collect();
        assert_eq!(own.len(), translated_sources(lang), "{lang}: {own:?}");
        assert!(own.iter().all(|url| url.starts_with(&prefix)), "{own:?}");
        // Every page of the site is in it once: in the language, or else in English.
        assert_eq!(index.pages.len(), example().pages.len(), "{lang}");
        for page in index.pages.iter().filter(|p| p.fallback) {
            assert!(!page.url.starts_with(&prefix), "{page:?}");
            assert!(
                example().pages.iter().any(|p| p.url == page.url),
                "{page:?}"
            );
        }
    }
    assert!(example_in("cy")
        .pages
        .iter()
        .any(|p| p.url == "/cy/get-help/emergency/" && p.title == "Help mewn argyfwng"));
}

#[test]
fn a_welsh_word_finds_its_welsh_page() {
    let welsh = Searcher::new(example_in("cy"));
    let found = welsh.search("hanes porwr", 20);
    assert_eq!(found.results[0].url, "/cy/cover-your-tracks/#hanes-y-porwr");
    assert!(!found.results[0].fallback);
    // Not stemmed: the word is kept whole, and found as it is typed.
    let read = welsh.search("argyfw", 20);
    assert_eq!(read.words[0].stem, "argyfw");
    assert_eq!(read.results[0].url, "/cy/get-help/emergency/");
    // The English index knows no Welsh.
    assert_eq!(Searcher::new(example()).search("hanes porwr", 20).count, 0);
}

#[test]
fn welsh_accents_fold_on_the_welsh_page() {
    let welsh = Searcher::new(example_in("cy"));
    let urls = |query: &str| -> Vec<String> {
        let found = welsh.search(query, 20);
        found.results.into_iter().map(|hit| hit.url).collect()
    };
    let with_accent = urls("ffôn ");
    assert!(!with_accent.is_empty());
    assert_eq!(urls("ffon "), with_accent);
    assert_eq!(urls("FFÔN "), with_accent);
    let with_circumflex = urls("siŵr ");
    assert!(!with_circumflex.is_empty());
    assert_eq!(urls("siwr "), with_circumflex);
}

#[test]
fn a_welsh_visitor_finds_english_only_pages_marked_after_the_welsh_ones() {
    let welsh = Searcher::new(example_in("cy"));
    let found = welsh.search("court order", 20);
    let hit = (found.results.iter())
        .find(|hit| hit.url == "/get-help/court-orders/")
        .expect("the court orders page, only in English, is found");
    assert!(hit.fallback);
    assert!(hit.excerpt.is_empty(), "a fallback keeps no excerpt");
    // A number on pages of both languages: the Welsh pages come first.
    let found = welsh.search("999", 40);
    let first_fallback = found.results.iter().position(|h| h.fallback).unwrap();
    assert!(first_fallback > 0);
    assert!(found.results[first_fallback..].iter().all(|h| h.fallback));
    let urdu = Searcher::new(example_in("ur"));
    assert_eq!(urdu.search("مدد", 20).results[0].url, "/ur/");
    let trackers = urdu.search("tracker", 20).results;
    assert!(!trackers.is_empty() && trackers.iter().all(|h| h.fallback));
}
