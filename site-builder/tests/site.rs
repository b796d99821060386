//! Valid sites built through the real command: the output tree, the key HTML, schedules,
//! and the real `content/` of this repository.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

mod sites;
use sites::copy_tree;

fn base() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/base")
}

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_site-builder"))
        .args(args)
        .output()
        .unwrap()
}

fn build(root: &Path, now: &str, extra: &[&str]) -> (tempfile::TempDir, String) {
    let out = tempfile::tempdir().unwrap();
    let public = out.path().join("public");
    let mut args = vec![
        "build",
        "--root",
        root.to_str().unwrap(),
        "--out",
        public.to_str().unwrap(),
        "--now",
        now,
    ];
    args.extend_from_slice(extra);
    let output = run(&args);
    let stdout = String::from_utf8_lossy(&output.stdout).into_owned();
    assert!(
        output.status.success(),
        "{stdout}{}",
        String::from_utf8_lossy(&output.stderr)
    );
    (out, stdout)
}

fn read(out: &tempfile::TempDir, file: &str) -> String {
    std::fs::read_to_string(out.path().join("public").join(file))
        .unwrap_or_else(|e| panic!("{file}: {e}"))
}

/// The `section[data-outcome]` element for `outcome` in the self-check page, tags included.
fn outcome_section<'a>(html: &'a str, outcome: &str) -> &'a str {
    let marker = format!("data-outcome=\"{outcome}\"");
    let at = html
        .find(&marker)
        .unwrap_or_else(|| panic!("outcome {outcome} is not on the page"));
    let start = html[..at].rfind("<section").unwrap();
    let end = start + html[start..].find("</section>").unwrap();
    &html[start..end]
}

fn tree(out: &tempfile::TempDir) -> Vec<String> {
    let public = out.path().join("public");
    let mut files: Vec<String> = walkdir::WalkDir::new(&public)
        .into_iter()
        .map(Result::unwrap)
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            e.path()
                .strip_prefix(&public)
                .unwrap()
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    files.sort();
    files
}

#[test]
fn base_site_output_tree_and_summary() {
    let (out, stdout) = build(&base(), "2026-11-28", &[]);
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines[0], "left out: guides/draft.md (draft)");
    assert_eq!(
        lines[1],
        "left out: news/awareness-week.md (publishes 2027-04-19)"
    );
    assert!(
        lines[2].starts_with("search index (en-GB, /search/): 6 pages in 8 sections, "),
        "{}",
        lines[2]
    );
    assert!(
        lines[3].starts_with("Built 3 pages and 3 sections, 2 left out, in "),
        "{}",
        lines[3]
    );
    let files = tree(&out);
    // The site's own stylesheet, and the built-in theme's other assets, all hashed.
    let (assets, files): (Vec<String>, Vec<String>) =
        files.into_iter().partition(|f| f.starts_with("assets/"));
    // In logical order: the hashes decide the files' own order.
    let mut logical: Vec<(String, &String)> = assets
        .iter()
        .map(|a| {
            let (stem, rest) = a.trim_start_matches("assets/").split_once('.').unwrap();
            let (hash, extension) = rest.split_once('.').unwrap();
            assert_eq!(hash.len(), 10, "{a}");
            (format!("{stem}.{extension}"), a)
        })
        .collect();
    logical.sort();
    let site_css_file = (logical.iter())
        .find(|(name, _)| name == "site.css")
        .map(|(_, file)| (*file).clone())
        .unwrap();
    let logical: Vec<String> = logical.into_iter().map(|(name, _)| name).collect();
    assert_eq!(
        logical,
        [
            "favicon.svg",
            "quick-exit.css",
            "quick-exit.js",
            "search-engine.js",
            "search-index.js",
            "search.css",
            "search.js",
            "selfcheck.css",
            "selfcheck.js",
            "site.css"
        ]
    );
    let site_css = std::fs::read_to_string(out.path().join("public").join(&site_css_file)).unwrap();
    let own_css = std::fs::read_to_string(base().join("templates/assets/site.css")).unwrap();
    // Shipped without the spaces that are only for readers.
    let words = |css: &str| css.split_whitespace().collect::<String>();
    assert_eq!(
        words(&site_css),
        words(&own_css),
        "the site's own site.css replaces the theme's"
    );
    let expected = vec![
        ".site-builder-output",
        "404.html",
        "_headers",
        "_redirects",
        "atom.xml",
        "guides/bundle/index.html",
        "guides/bundle/missed-calls.svg",
        "guides/first/index.html",
        "guides/index.html",
        "index.html",
        "news/earlier/index.html",
        "news/index.html",
        "robots.txt",
        "search/index.html",
        "sitemap.xml",
    ];
    assert_eq!(files, expected);
}

#[test]
fn pages_carry_markdown_features_ids_and_safe_links() {
    let (out, _) = build(&base(), "2026-11-28", &[]);
    let first = read(&out, "guides/first/index.html");
    assert!(first.contains(
        r##"<h2 id="keep-a-record">Keep a record<a class="heading-anchor" href="#keep-a-record""##
    ));
    assert!(first.contains("<table><thead><tr><th>Date</th>"));
    assert!(first.contains("<del>old</del>"));
    assert!(first.contains(r#"class="footnote-definition""#));
    assert!(first.contains(r#"<a href="/guides/bundle/">the bundle guide</a>"#));
    assert!(first
        .contains(r#"href="https://www.bbc.co.uk/weather" rel="nofollow noreferrer noopener""#));
    assert!(
        first.contains(r#"<a class="crumb" href="/guides/">Guides</a>"#),
        "breadcrumbs"
    );
    assert!(first.contains("<title>Recognising unwanted contact</title>"));
    assert!(
        first.contains(r#"<h2 id="get-help">Get help</h2>"#),
        "template headings get ids too"
    );
    assert!(
        !first.contains("class=\"banner\""),
        "the banner is not live yet"
    );
    let home = read(&out, "index.html");
    assert!(home.contains(r#"<a href="/news/earlier/#the-figures">"#));
    assert!(
        home.contains(
            r#"<li><a href="/guides/">Guides</a></li><li><a href="/news/">News</a></li>"#
        ),
        "menu by weight"
    );
    let bundle = read(&out, "guides/bundle/index.html");
    assert!(bundle.contains(
        r#"<img src="missed-calls.svg" alt="A phone screen showing a list of missed calls""#
    ));
    let guides = read(&out, "guides/index.html");
    assert!(
        guides.find("/guides/first/").unwrap() < guides.find("/guides/bundle/\">Photos").unwrap(),
        "weight order"
    );
}

#[test]
fn machine_files_list_published_pages_only() {
    let (out, _) = build(&base(), "2026-11-28", &[]);
    let sitemap = read(&out, "sitemap.xml");
    assert!(sitemap.contains("<loc>https://awareness.example.org/guides/first/</loc>"));
    assert!(sitemap.contains("<lastmod>2026-01-10</lastmod>"));
    assert!(!sitemap.contains("draft"));
    assert!(!sitemap.contains("awareness-week"));
    let atom = read(&out, "atom.xml");
    assert!(atom.contains("<title>Figures for last year</title>"));
    assert!(!atom.contains("Awareness week"));
    assert_eq!(
        read(&out, "robots.txt"),
        "User-agent: *\nAllow: /\n\nSitemap: https://awareness.example.org/sitemap.xml\n"
    );
    let headers = read(&out, "_headers");
    assert!(headers.starts_with(
        "/*\n  Content-Security-Policy: default-src 'none'; script-src 'self' 'wasm-unsafe-eval';"
    ));
    assert!(headers.contains("frame-ancestors 'none'"));
    assert!(headers.contains("  Referrer-Policy: no-referrer\n"));
    let page = read(&out, "guides/first/index.html");
    assert!(
        page.contains("require-trusted-types-for &#39;script&#39;"),
        "the CSP meta tag"
    );
    assert!(
        !page.contains("frame-ancestors"),
        "frame-ancestors is ignored in <meta>, so it is left out"
    );
    assert!(read(&out, "404.html").contains("<h1 id=\"page-not-found\">Page not found</h1>"));
}

#[test]
fn schedule_and_drafts() {
    let (out, stdout) = build(&base(), "2027-04-20", &["--drafts"]);
    assert!(
        stdout.contains("\nBuilt 5 pages and 3 sections, 0 left out"),
        "{stdout}"
    );
    let home = read(&out, "index.html");
    assert!(home.contains(r#"<p class="banner">Awareness week is on now. <a href="/news/awareness-week/">More</a></p>"#));
    let atom = read(&out, "atom.xml");
    assert!(
        atom.find("Awareness week").unwrap() < atom.find("Figures for last year").unwrap(),
        "newest first"
    );
    assert!(tree(&out).contains(&"guides/draft/index.html".to_string()));

    let (out, stdout) = build(&base(), "2027-06-01", &[]);
    assert!(
        stdout.contains("left out: news/awareness-week.md (expired 2027-05-31)"),
        "{stdout}"
    );
    assert!(
        !read(&out, "index.html").contains("class=\"banner\""),
        "the banner has ended"
    );
}

#[test]
fn check_writes_nothing() {
    let site = tempfile::tempdir().unwrap();
    copy_tree(&base(), site.path());
    let output = run(&[
        "check",
        "--root",
        site.path().to_str().unwrap(),
        "--now",
        "2026-11-28",
    ]);
    assert!(output.status.success());
    assert!(String::from_utf8_lossy(&output.stdout).contains("(checked, nothing written)"));
    let names: Vec<String> = std::fs::read_dir(site.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    let mut names = names;
    names.sort();
    assert_eq!(names, ["content", "templates"]);
}

#[test]
fn the_real_site_builds_with_titles_and_descriptions() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap();
    for now in ["2026-11-28", "2027-04-20"] {
        let (out, _) = build(root, now, &[]);
        for file in tree(&out).iter().filter(|f| f.ends_with(".html")) {
            let html = read(&out, file);
            let title = html
                .split("<title>")
                .nth(1)
                .and_then(|t| t.split("</title>").next())
                .unwrap_or("");
            assert!(!title.trim().is_empty(), "{file} has no title");
            if file != "404.html" {
                let description = html
                    .split("<meta name=\"description\" content=\"")
                    .nth(1)
                    .and_then(|t| t.split('"').next())
                    .unwrap_or("");
                assert!(!description.trim().is_empty(), "{file} has no description");
            }
        }
    }
}

#[test]
fn the_real_site_has_the_seven_outcomes_and_its_helplines_from_site_yaml() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap();
    let (out, _) = build(root, "2026-11-28", &[]);
    let selfcheck = read(&out, "self-check/questions/index.html");
    for outcome in [
        "emergency",
        "stalking-urgent",
        "serious-risk",
        "stalking",
        "unsure",
        "not-yet-repeated",
        "no-signs",
    ] {
        let section = outcome_section(&selfcheck, outcome);
        // The section's first child: the 999 line, except in `emergency`, whose title is
        // "Call 999 now".
        let first = section[section.find('>').unwrap() + 1..].trim_start();
        if outcome == "emergency" {
            assert!(first.starts_with("<h2"), "{outcome} opens with {first:.80}");
        } else {
            assert!(
                first.starts_with("<div class=\"selfcheck-opening\""),
                "{outcome} opens with {first:.80}"
            );
            let opening = &first[..first.find("</div>").unwrap()];
            for needed in ["999", "55", "18000", "emergencySMS", "landline"] {
                assert!(
                    opening.contains(needed),
                    "{outcome}'s 999 line has no {needed}"
                );
            }
        }
        assert!(
            section.contains("0800 1111"),
            "{outcome} does not mention Childline"
        );
        let urgent =
            section.starts_with("<section class=\"selfcheck-outcome selfcheck-outcome-urgent\"");
        assert_eq!(
            urgent,
            ["emergency", "stalking-urgent", "serious-risk"].contains(&outcome),
            "{outcome} is drawn as urgent: {urgent}"
        );
    }
    for question in [
        "danger",
        "behaviours",
        "occasions",
        "unwanted",
        "fear",
        "risk",
        "relationship",
    ] {
        assert!(
            selfcheck.contains(&format!("name=\"{question}\"")),
            "question {question} is on the page"
        );
    }
    let settings: serde_yaml::Value =
        serde_yaml::from_str(&std::fs::read_to_string(root.join("content/site.yaml")).unwrap())
            .unwrap();
    let phones: Vec<String> = settings["support"]
        .as_sequence()
        .unwrap()
        .iter()
        .map(|s| s["phone"].as_str().unwrap().to_string())
        .collect();
    assert!(
        phones.contains(&"0808 802 0300".to_string()),
        "the National Stalking Helpline is in site.yaml"
    );
    let services = read(&out, "get-help/support-services/index.html");
    for phone in &phones {
        assert!(
            services.contains(phone.as_str()),
            "{phone} is on the support services page"
        );
        let tel = format!("tel:{}", phone.replace(' ', ""));
        assert!(services.contains(&tel), "{phone} is a tel: link");
    }
    for page in [
        "index.html",
        "get-help/index.html",
        "get-help/emergency/index.html",
        "self-check/index.html",
    ] {
        let html = read(&out, page);
        for phone in ["999", "101", "0808 802 0300"] {
            assert!(
                html.contains(&format!(">{phone}<")),
                "{page} shows {phone} from site.yaml"
            );
        }
    }
}

#[test]
fn helpline_numbers_follow_site_yaml() {
    let repo = Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap();
    let site = tempfile::tempdir().unwrap();
    for folder in ["content", "templates"] {
        copy_tree(&repo.join(folder), &site.path().join(folder));
    }
    let settings = site.path().join("content/site.yaml");
    let text = std::fs::read_to_string(&settings).unwrap();
    assert!(text.contains("phone: \"0808 802 0300\""));
    std::fs::write(
        &settings,
        text.replace("phone: \"0808 802 0300\"", "phone: \"0808 000 1111\""),
    )
    .unwrap();
    let (out, _) = build(site.path(), "2026-11-28", &[]);
    for page in [
        "index.html",
        "get-help/support-services/index.html",
        "self-check/questions/index.html",
    ] {
        let html = read(&out, page);
        assert!(
            html.contains(">0808 000 1111<"),
            "{page} shows the helpline number from site.yaml"
        );
        assert!(
            html.contains("tel:08080001111"),
            "{page} links to the helpline number from site.yaml"
        );
    }
    for file in tree(&out).iter().filter(|f| f.ends_with(".html")) {
        assert!(
            !read(&out, file).contains("0808 802 0300"),
            "{file} still shows the old number"
        );
    }
}

/// Building needs no Rust toolchain: with an empty `PATH` (no cargo, rustc or rustup to
/// find) and no cargo or rustup settings, the real site builds, and its engine is the
/// module committed in `site-builder/engine/`, byte for byte.
#[test]
fn the_real_site_builds_without_a_rust_toolchain() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap();
    let nothing = tempfile::tempdir().unwrap();
    let out = tempfile::tempdir().unwrap();
    let public = out.path().join("public");
    let output = Command::new(env!("CARGO_BIN_EXE_site-builder"))
        .args(["build", "--root", root.to_str().unwrap(), "--out"])
        .arg(&public)
        .args(["--now", "2026-11-28"])
        .env_clear()
        .env("PATH", nothing.path())
        .env("CARGO_HOME", nothing.path().join("cargo"))
        .env("RUSTUP_HOME", nothing.path().join("rustup"))
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    let engines: Vec<String> = tree(&out)
        .into_iter()
        .filter(|f| f.starts_with("assets/selfcheck-engine.") && f.ends_with(".js"))
        .collect();
    assert_eq!(engines.len(), 1, "one engine module: {engines:?}");
    let committed = Path::new(env!("CARGO_MANIFEST_DIR")).join("engine/selfcheck-engine.js");
    let committed = std::fs::read(&committed).unwrap();
    let written = std::fs::read(public.join(&engines[0])).unwrap();
    assert!(
        written == committed,
        "{} ({} B) is not the committed module ({} B)",
        engines[0],
        written.len(),
        committed.len()
    );
    let page = read(&out, "self-check/questions/index.html");
    assert!(
        page.contains(&format!("data-engine=\"/{}\"", engines[0])),
        "the self-check page loads {}",
        engines[0]
    );
}

/// The real self-check, loaded and checked once, as `site-builder selfcheck` loads it.
fn real_selfcheck() -> site_builder::selfcheck::Loaded {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap();
    site_builder::selfcheck::load(
        &root.join("content"),
        Path::new("self-check/questions.yaml"),
    )
    .unwrap_or_else(|problems| panic!("{problems:?}"))
}

/// The outcome of a complete answer set, written `question=option,option;...`.
fn outcome_of(definition: &selfcheck_engine::Definition, answers: &str) -> String {
    let evaluation = selfcheck_engine::Answers::parse(definition, answers)
        .unwrap_or_else(|e| panic!("{answers}: {e}"))
        .evaluate();
    assert!(
        evaluation.is_complete(),
        "{answers}: `{}` is shown but not answered",
        evaluation.next.unwrap_or_default()
    );
    evaluation.outcome.unwrap().to_string()
}

/// Answer sets written from the rules of issue 9, not taken from questions.yaml's examples.
/// The rules: `emergency` when in danger now; then `stalking-urgent` for the pattern
/// (behaviours, twice or more, wanted to stop) with risk (fear, a risk sign, or not sure
/// about danger); `serious-risk` for risk alone; `stalking` for the pattern alone; `unsure`
/// for a "not sure", or "once" with two or more behaviours or with monitoring;
/// `not-yet-repeated` for once; and `no-signs` for the rest.
const RULES: &[(&str, &str)] = &[
    ("emergency", "danger=yes"),
    (
        "emergency",
        "danger=yes;behaviours=watching;occasions=once;fear=no;risk=none",
    ),
    // Risk, with the pattern.
    (
        "stalking-urgent",
        "danger=no;behaviours=loitering,watching;occasions=twice-or-more;unwanted=yes;\
         fear=no;risk=damage;relationship=unknown",
    ),
    (
        "stalking-urgent",
        "danger=not-sure;behaviours=publishing;occasions=twice-or-more;unwanted=yes;\
         fear=no;risk=none;relationship=known",
    ),
    // Risk, without the pattern: never reassurance.
    (
        "serious-risk",
        "danger=no;behaviours=following;occasions=twice-or-more;unwanted=no;fear=yes;\
         risk=threats;relationship=ex-partner",
    ),
    (
        "serious-risk",
        "danger=no;behaviours=none;fear=no;risk=threats",
    ),
    (
        "serious-risk",
        "danger=no;behaviours=none;fear=yes;risk=none",
    ),
    (
        "serious-risk",
        "danger=not-sure;behaviours=none;fear=no;risk=none",
    ),
    (
        "serious-risk",
        "danger=not-sure;behaviours=contact;occasions=once;unwanted=yes;fear=no;risk=none;\
         relationship=stranger",
    ),
    (
        "serious-risk",
        "danger=no;behaviours=monitoring;occasions=twice-or-more;unwanted=no;fear=no;\
         risk=violence;relationship=partner",
    ),
    (
        "serious-risk",
        "danger=no;behaviours=property;occasions=not-sure;unwanted=not-sure;fear=no;\
         risk=escalating;relationship=family",
    ),
    (
        "serious-risk",
        "danger=no;behaviours=following,contact,loitering,watching,property;occasions=once;\
         unwanted=yes;fear=no;risk=visits-often;relationship=known",
    ),
    // The pattern, without risk.
    (
        "stalking",
        "danger=no;behaviours=through-others;occasions=twice-or-more;unwanted=yes;fear=not-sure;\
         risk=none;relationship=family",
    ),
    // Not sure, or a "once" that the other answers put in doubt.
    (
        "unsure",
        "danger=no;behaviours=following,contact,loitering,watching,property;occasions=once;\
         unwanted=yes;fear=no;risk=none;relationship=known",
    ),
    (
        "unsure",
        "danger=no;behaviours=monitoring;occasions=once;unwanted=yes;fear=no;risk=none;\
         relationship=stranger",
    ),
    (
        "unsure",
        "danger=no;behaviours=publishing,through-others;occasions=once;unwanted=no;fear=no;\
         risk=none;relationship=unknown",
    ),
    (
        "unsure",
        "danger=no;behaviours=contact;occasions=twice-or-more;unwanted=not-sure;fear=no;\
         risk=none;relationship=ex-partner",
    ),
    (
        "unsure",
        "danger=no;behaviours=watching;occasions=not-sure;unwanted=no;fear=not-sure;risk=none;\
         relationship=stranger",
    ),
    // Once, one kind of behaviour, no risk.
    (
        "not-yet-repeated",
        "danger=no;behaviours=loitering;occasions=once;unwanted=yes;fear=not-sure;risk=none;\
         relationship=known",
    ),
    // Nothing the check looks for.
    (
        "no-signs",
        "danger=no;behaviours=none;fear=not-sure;risk=none",
    ),
    (
        "no-signs",
        "danger=no;behaviours=following;occasions=twice-or-more;unwanted=no;fear=no;risk=none;\
         relationship=ex-partner",
    ),
];

#[test]
fn the_real_self_check_follows_the_rules_for_answer_sets_it_was_not_written_with() {
    let loaded = real_selfcheck();
    let wrong: Vec<String> = RULES
        .iter()
        .map(|&(expect, answers)| (expect, answers, outcome_of(&loaded.definition, answers)))
        .filter(|(expect, _, given)| expect != given)
        .map(|(expect, answers, given)| format!("{answers}: expected {expect}, got {given}"))
        .collect();
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

/// Over a grid of answers: any sign of risk, or doubt about danger, gives an outcome that
/// says "contact the police today", whatever else was answered; no other answers do; and
/// who is doing it never changes the outcome.
#[test]
fn in_the_real_self_check_risk_always_means_contact_the_police_today() {
    let loaded = real_selfcheck();
    // What follows the behaviours: nothing after "None of these", else how often and
    // whether it is wanted.
    let mut after_behaviours = vec![("none", String::new())];
    for behaviour in ["following", "monitoring", "contact,through-others"] {
        for occasions in ["once", "twice-or-more", "not-sure"] {
            for unwanted in ["yes", "no", "not-sure"] {
                after_behaviours.push((
                    behaviour,
                    format!("occasions={occasions};unwanted={unwanted};"),
                ));
            }
        }
    }
    let mut checked = 0;
    for danger in ["no", "not-sure"] {
        for (behaviour, middle) in &after_behaviours {
            for fear in ["yes", "no", "not-sure"] {
                for risk in ["none", "threats", "escalating", "violence,damage"] {
                    let risky = danger == "not-sure" || fear == "yes" || risk != "none";
                    let base = format!(
                        "danger={danger};behaviours={behaviour};{middle}fear={fear};risk={risk}"
                    );
                    let relationships: &[&str] = if *behaviour == "none" {
                        &[""] // not asked after "None of these"
                    } else {
                        &[
                            ";relationship=partner",
                            ";relationship=ex-partner",
                            ";relationship=stranger",
                        ]
                    };
                    let mut outcomes = Vec::new();
                    for relationship in relationships {
                        let answers = format!("{base}{relationship}");
                        let outcome = outcome_of(&loaded.definition, &answers);
                        let police_today =
                            ["stalking-urgent", "serious-risk"].contains(&outcome.as_str());
                        assert_eq!(police_today, risky, "{answers} gives {outcome}");
                        outcomes.push(outcome);
                        checked += 1;
                    }
                    outcomes.dedup();
                    assert_eq!(
                        outcomes.len(),
                        1,
                        "{base}: the relationship changed the outcome: {outcomes:?}"
                    );
                }
            }
        }
    }
    assert_eq!(checked, 2 * (1 + 3 * 27) * 3 * 4, "answer sets checked");
}

#[test]
fn the_cli_gives_serious_risk_where_the_old_check_said_no_signs() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap();
    let output = run(&[
        "selfcheck",
        "--root",
        root.to_str().unwrap(),
        "--answers",
        r#"{"danger":"no","behaviours":["following","watching"],"occasions":"twice-or-more","unwanted":"no","fear":"yes","risk":["threats","violence"],"relationship":"ex-partner"}"#,
    ]);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let result: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(result["outcome"], "serious-risk", "{result}");
    assert_eq!(result["complete"], true, "{result}");
}

/// A Markdown table with aligned columns builds (the alignment is a class the theme
/// styles, not an inline `style`, which the security policy refuses).
#[test]
fn aligned_table_columns_build_as_classes() {
    let site = sites::small_site();
    sites::write(
        site.path(),
        "content/guide.md",
        "---\ntitle: A guide\n---\n| Date | Calls | Notes |\n|:-----|------:|:-----:|\n| 1 May | 4 | late |\n",
    );
    sites::build_clean(site.path());
    let page = sites::read(site.path(), "public/guide/index.html");
    for (cell, class) in [("Date", "left"), ("Calls", "right"), ("Notes", "center")] {
        assert!(
            page.contains(&format!("<th class=\"align-{class}\">{cell}</th>")),
            "{page}"
        );
    }
    assert!(page.contains("<td class=\"align-right\">4</td>"), "{page}");
    assert!(!page.contains("style="), "{page}");
}
