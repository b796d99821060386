//! The example site in its three languages, built through the real command: every page's
//! `hreflang` alternates point both ways, and so do the sitemap's; the Welsh self-check
//! runs the English one's engine and definition, with the same questions, outcomes and
//! reasons; the right-to-left page says so; and what the build reports about languages.

mod sites;

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

const BASE: &str = "https://stalking-help.example.org";

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .unwrap()
        .to_path_buf()
}

/// The example built into a temporary folder, with what the build printed.
fn build() -> (tempfile::TempDir, String) {
    let out = tempfile::tempdir().unwrap();
    let public = out.path().join("public");
    let public = public.to_str().unwrap();
    let output = sites::tool(&["build", "--now", "2026-12-01", "--out", public], &repo());
    (out, sites::succeeded(output))
}

/// Every HTML page of the build, by its address path (`/cy/get-help/`).
fn pages(out: &tempfile::TempDir) -> BTreeMap<String, String> {
    let public = out.path().join("public");
    walkdir::WalkDir::new(&public)
        .into_iter()
        .map(Result::unwrap)
        .filter(|e| e.file_name() == "index.html")
        .map(|e| {
            let rel = e.path().parent().unwrap().strip_prefix(&public).unwrap();
            let path = format!("/{}", rel.to_string_lossy());
            let path = if path == "/" {
                path
            } else {
                format!("{path}/")
            };
            (path, std::fs::read_to_string(e.path()).unwrap())
        })
        .collect()
}

/// The value of `attribute` in the tag `tag` (its text from `<` to `>`).
fn attribute<'a>(tag: &'a str, attribute: &str) -> Option<&'a str> {
    let start = tag.find(&format!(" {attribute}=\""))? + attribute.len() + 3;
    Some(&tag[start..start + tag[start..].find('"')?])
}

/// A page's `<link rel="alternate" hreflang>`: language to address path.
fn alternates(html: &str) -> BTreeMap<String, String> {
    html.match_indices("<link rel=\"alternate\" hreflang=")
        .map(|(at, _)| &html[at..at + html[at..].find('>').unwrap()])
        .map(|tag| {
            let href = attribute(tag, "href").unwrap();
            let path = href
                .strip_prefix(BASE)
                .unwrap_or_else(|| panic!("{href} is not on the site"));
            (
                attribute(tag, "hreflang").unwrap().to_string(),
                path.to_string(),
            )
        })
        .collect()
}

#[test]
fn hreflang_alternates_point_both_ways_on_every_page() {
    let (out, _) = build();
    let pages = pages(&out);
    let mut translated = 0;
    for (path, html) in &pages {
        let own = alternates(html);
        if own.is_empty() {
            continue;
        }
        translated += 1;
        let lang = attribute(&html[html.find("<html").unwrap()..], "lang").unwrap();
        assert_eq!(
            own.get(lang),
            Some(path),
            "{path} does not list itself as {lang}"
        );
        assert_eq!(
            own.get("x-default"),
            own.get("en-GB"),
            "{path}: x-default is not the English page"
        );
        for (other_lang, other) in own.iter().filter(|(l, p)| *l != "x-default" && *p != path) {
            let theirs = alternates(
                pages
                    .get(other)
                    .unwrap_or_else(|| panic!("{path} points at {other}, which is not built")),
            );
            assert_eq!(
                theirs, own,
                "{path} and its {other_lang} version {other} list different alternates"
            );
        }
    }
    assert!(translated >= 20, "only {translated} pages have alternates");
}

#[test]
fn sitemap_alternates_point_both_ways() {
    let (out, _) = build();
    let sitemap = std::fs::read_to_string(out.path().join("public/sitemap.xml")).unwrap();
    assert!(sitemap.contains("xmlns:xhtml=\"http://www.w3.org/1999/xhtml\""));
    let mut sets: BTreeMap<String, BTreeSet<(String, String)>> = BTreeMap::new();
    for entry in sitemap.split("<url>").skip(1) {
        let loc = &entry[entry.find("<loc>").unwrap() + 5..entry.find("</loc>").unwrap()];
        let links: BTreeSet<(String, String)> = entry
            .match_indices("<xhtml:link")
            .map(|(at, _)| &entry[at..at + entry[at..].find("/>").unwrap()])
            .map(|tag| {
                (
                    attribute(tag, "hreflang").unwrap().to_string(),
                    attribute(tag, "href").unwrap().to_string(),
                )
            })
            .collect();
        sets.insert(loc.to_string(), links);
    }
    let mut checked = 0;
    for (loc, links) in &sets {
        for (lang, href) in links.iter().filter(|(l, _)| l != "x-default") {
            let theirs = sets.get(href).unwrap_or_else(|| {
                panic!("{loc} points at {href} ({lang}), which the sitemap does not list")
            });
            assert_eq!(theirs, links, "{loc} and {href} list different alternates");
            checked += 1;
        }
    }
    assert!(checked > 20, "only {checked} alternates");
}

/// The `data-` attribute `name` of the self-check root, and the ids of `selector`'s elements.
fn selfcheck(html: &str) -> (String, String, Vec<String>) {
    let root = &html[html.find("data-selfcheck").unwrap()..];
    let root = &root[..root.find('>').unwrap()];
    let ids = [
        "data-question=\"",
        "data-outcome=\"",
        "data-reason=\"",
        "name=\"",
    ]
    .iter()
    .flat_map(|marker| {
        html.match_indices(marker).map(move |(at, _)| {
            let rest = &html[at + marker.len()..];
            format!("{marker}{}", &rest[..rest.find('"').unwrap()])
        })
    })
    .collect();
    (
        attribute(root, "data-definition").unwrap().to_string(),
        attribute(root, "data-engine").unwrap().to_string(),
        ids,
    )
}

#[test]
fn the_welsh_self_check_runs_the_english_logic_with_welsh_words() {
    let (out, stdout) = build();
    let pages = pages(&out);
    let english = &pages["/self-check/questions/"];
    let welsh = &pages["/cy/self-check/questions/"];
    let (definition, engine, ids) = selfcheck(english);
    let (cy_definition, cy_engine, cy_ids) = selfcheck(welsh);
    assert_eq!(
        cy_definition, definition,
        "the Welsh page gives the engine another definition"
    );
    assert_eq!(cy_engine, engine, "the Welsh page loads another engine");
    assert_eq!(
        cy_ids, ids,
        "the Welsh page has other questions, answers, outcomes or reasons"
    );
    assert!(welsh.contains("<html lang=\"cy\" dir=\"ltr\">"));
    assert!(
        welsh.contains("Ffoniwch 999 nawr"),
        "the Welsh outcome is not in Welsh"
    );
    assert!(
        welsh.contains("Cwestiwn 3 o 7"),
        "the progress count is not in Welsh"
    );
    assert!(
        !welsh.contains("Call 999 now"),
        "English outcome text on the Welsh page"
    );
    assert!(
        stdout.contains("Self-check in English and Cymraeg: one logic, content/self-check/questions.yaml, so its proofs hold for every language"),
        "{stdout}"
    );
}

#[test]
fn the_build_reports_untranslated_pages_and_translations_awaiting_review() {
    let (_, stdout) = build();
    let welsh = stdout
        .lines()
        .find(|l| l.starts_with("Cymraeg (cy): ") && l.contains("translated"))
        .unwrap();
    assert!(welsh.contains("shown in English instead"), "{welsh}");
    assert!(
        welsh.contains("(check --translations lists them all)"),
        "{welsh}"
    );
    let review = stdout
        .lines()
        .find(|l| l.starts_with("Cymraeg (cy): ") && l.contains("awaiting review"))
        .unwrap();
    assert!(review.contains("_index.cy.md"), "{review}");
    let listed = sites::succeeded(sites::tool(
        &["check", "--translations", "--now", "2026-12-01"],
        &repo(),
    ));
    for page in [
        "  get-help/after-you-report.md",
        "  accessibility.md",
        "  get-help/reporting.cy.md",
        "  self-check/questions.cy.md",
    ] {
        assert!(
            listed.lines().any(|l| l == page),
            "check --translations does not list {page}:\n{listed}"
        );
    }
}

#[test]
fn the_urdu_home_page_runs_right_to_left_with_its_numbers_left_to_right() {
    let (out, _) = build();
    let pages = pages(&out);
    let urdu = &pages["/ur/"];
    assert!(urdu.contains("<html lang=\"ur\" dir=\"rtl\">"));
    assert!(urdu.contains(
        "<a class=\"help-now-phone\" dir=\"ltr\" href=\"tel:08088020300\">0808 802 0300</a>"
    ));
    // A number filled into right-to-left Markdown sits in a left-to-right isolate.
    assert!(
        urdu.contains("\u{2066}999\u{2069}"),
        "999 in the Urdu text is not isolated"
    );
    // English pages it falls back to are marked, with the note in Urdu.
    assert!(urdu.contains("<span class=\"lang-note\">(انگریزی میں)</span>"));
}

#[test]
fn every_language_s_search_page_is_a_version_of_the_others() {
    let (out, _) = build();
    let pages = pages(&out);
    let searches = ["/search/", "/cy/search/", "/ur/search/"];
    for path in searches {
        let html = &pages[path];
        let own = alternates(html);
        for other in searches {
            assert!(
                own.values().any(|p| p == other),
                "{path} has no hreflang alternate for {other}: {own:?}"
            );
        }
        // The switcher leads to the same page in the other languages, not their home pages.
        let switcher = &html[html
            .find("class=\"language-switcher\"")
            .expect("a switcher")..];
        let switcher = &switcher[..switcher.find("</nav>").unwrap()];
        for other in searches.iter().filter(|o| **o != path) {
            assert!(
                switcher.contains(&format!("href=\"{other}\"")),
                "{path}'s switcher does not lead to {other}"
            );
        }
    }
}
