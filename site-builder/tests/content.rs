//! The example site's content, built through the real command and read as a visitor would:
//! 999 on every page, helpline numbers that come only from site.yaml and say when they were
//! checked, tables with captions and no images of text, and no wording from the press release
//! the campaign page started from.

use std::collections::{BTreeSet, HashSet};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

mod sites;
use sites::copy_tree;

/// The day the example site is built for in these tests: the campaign page is live.
const BUILD_DAY: &str = "2027-04-20";

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .unwrap()
        .to_path_buf()
}

fn run(args: &[&str], root: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_site-builder"))
        .args(args)
        .arg("--root")
        .arg(root)
        .output()
        .unwrap()
}

/// Builds the site at `root` into a temporary folder; returns it with every HTML file's text.
fn build(root: &Path) -> (tempfile::TempDir, Vec<(String, String)>) {
    let out = tempfile::tempdir().unwrap();
    let public = out.path().join("public");
    let output = run(
        &[
            "build",
            "--now",
            BUILD_DAY,
            "--out",
            public.to_str().unwrap(),
        ],
        root,
    );
    assert!(
        output.status.success(),
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    let mut pages: Vec<(String, String)> = walkdir::WalkDir::new(&public)
        .into_iter()
        .map(Result::unwrap)
        .filter(|e| e.path().extension().is_some_and(|x| x == "html"))
        .map(|e| {
            let name = e
                .path()
                .strip_prefix(&public)
                .unwrap()
                .to_string_lossy()
                .into_owned();
            (name, std::fs::read_to_string(e.path()).unwrap())
        })
        .collect();
    pages.sort();
    assert!(pages.len() > 20, "the example site has its pages");
    (out, pages)
}

/// What a reader sees: the page without tags, scripts and styles, entities decoded.
fn text(html: &str) -> String {
    let mut rest = html;
    let mut out = String::with_capacity(html.len());
    while let Some(start) = rest.find('<') {
        out.push_str(&rest[..start]);
        let after = &rest[start..];
        let lower = after.get(..8).unwrap_or(after).to_ascii_lowercase();
        let end = if lower.starts_with("<script") || lower.starts_with("<style") {
            let close = if lower.starts_with("<script") {
                "</script>"
            } else {
                "</style>"
            };
            after.find(close).map_or(after.len(), |i| i + close.len())
        } else {
            after.find('>').map_or(after.len(), |i| i + 1)
        };
        out.push(' ');
        rest = &after[end..];
    }
    out.push_str(rest);
    out.replace("&nbsp;", " ")
        .replace('\u{a0}', " ")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&#x27;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}

/// Everything in the text that has the shape of a UK phone number: 0 followed by 7 or more
/// digits, a 116 number, a text-relay number, or one of the short emergency and police numbers.
/// Digit groups separated by single spaces are read as one number, as they are written.
fn phone_numbers(text: &str) -> Vec<String> {
    let chars: Vec<char> = text.chars().collect();
    // A number starts after a space or punctuation, never inside a word, a figure such as
    // 1,544 or a time such as 9:30.
    let starts_number = |c: Option<&char>| {
        c.is_none_or(|c| !(c.is_alphanumeric() || matches!(c, '.' | ',' | ':' | '-' | '/')))
    };
    let mut found = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if !chars[i].is_ascii_digit() || !starts_number(i.checked_sub(1).and_then(|j| chars.get(j)))
        {
            i += 1;
            continue;
        }
        let mut groups = Vec::new();
        let mut j = i;
        loop {
            let start = j;
            while j < chars.len() && chars[j].is_ascii_digit() {
                j += 1;
            }
            groups.push(chars[start..j].iter().collect::<String>());
            if j + 1 < chars.len() && chars[j] == ' ' && chars[j + 1].is_ascii_digit() {
                j += 1;
            } else {
                break;
            }
        }
        let ends_number = match (chars.get(j), chars.get(j + 1)) {
            (None, _) => true,
            (Some(c), _) if c.is_alphanumeric() => false,
            (Some(c), Some(d))
                if matches!(c, '.' | ',' | ':' | '-' | '/') && d.is_ascii_digit() =>
            {
                false
            }
            _ => true,
        };
        if ends_number {
            let digits: String = groups.concat();
            let is_phone = (digits.starts_with('0') && digits.len() >= 8)
                || (digits.starts_with("116") && digits.len() == 6)
                || (digits.starts_with("1800") && digits.len() >= 5)
                || (groups.len() == 1
                    && ["999", "112", "101", "111", "105", "119"].contains(&digits.as_str()));
            if is_phone {
                found.push(groups.join(" "));
            }
        }
        i = j.max(i + 1);
    }
    found
}

#[test]
fn phone_numbers_are_read_as_they_are_written() {
    assert_eq!(
        phone_numbers(
            "Call 999, or 101. Text relay: 18001 101. Helpline 0808 802 0300; Samaritans 116 123."
        ),
        ["999", "101", "18001 101", "0808 802 0300", "116 123"]
    );
    assert_eq!(
        phone_numbers(
            "In 2024, 1,544 crimes; 9:30am to 4pm; 400+ suspects; section 2A; press 55; 16 orders"
        ),
        Vec::<String>::new()
    );
}

/// The phone, text and relay numbers in site.yaml, with the line each `checked:` is on.
struct Service {
    key: String,
    numbers: Vec<String>,
    checked: String,
    checked_at: (usize, usize),
}

fn services(site_yaml: &str) -> Vec<Service> {
    let settings: serde_yaml::Value = serde_yaml::from_str(site_yaml).unwrap();
    let mut checked_lines = site_yaml
        .lines()
        .enumerate()
        .filter(|(_, line)| line.trim_start().starts_with("checked:"));
    settings["support"]
        .as_sequence()
        .unwrap()
        .iter()
        .map(|s| {
            let key = s["key"].as_str().unwrap().to_string();
            let checked = match &s["checked"] {
                serde_yaml::Value::String(d) => d.clone(),
                other => panic!("`{key}` has no checked date: {other:?}"),
            };
            let (line, text) = checked_lines.next().expect("a checked: line per service");
            let col = text.find("checked:").unwrap() + "checked: ".len() + 1;
            let numbers = ["phone", "text", "relay"]
                .iter()
                .filter_map(|f| s[*f].as_str())
                .filter(|n| !n.is_empty())
                .map(str::to_string)
                .collect();
            Service {
                key,
                numbers,
                checked,
                checked_at: (line + 1, col),
            }
        })
        .collect()
}

fn site_yaml() -> String {
    std::fs::read_to_string(repo().join("content/site.yaml")).unwrap()
}

#[test]
fn every_page_shows_999() {
    let (_out, pages) = build(&repo());
    for (file, html) in &pages {
        assert!(text(html).contains("999"), "{file} does not show 999");
        assert!(
            html.contains(r#"<aside class="danger-notice" aria-label=""#),
            "{file} has no 999 notice"
        );
    }
    assert!(pages.iter().any(|(f, _)| f == "404.html"));
}

#[test]
fn every_support_service_says_when_it_was_checked_and_goes_stale_at_its_line() {
    let yaml = site_yaml();
    let services = services(&yaml);
    assert!(services.len() >= 15, "every helpline is listed");
    for service in &services {
        let d = service.checked.as_bytes();
        assert!(
            d.len() == 10 && d[4] == b'-' && d[7] == b'-',
            "`{}` was checked on {}, which is not YYYY-MM-DD",
            service.key,
            service.checked
        );
    }

    // Fresh on the example build day: no warnings at all.
    let fresh = run(&["check", "--now", BUILD_DAY], &repo());
    assert!(fresh.status.success());
    assert_eq!(String::from_utf8_lossy(&fresh.stderr), "");

    // More than six months after every check: a warning at each service's own line.
    let later = run(&["check", "--now", "2028-01-01"], &repo());
    assert!(
        later.status.success(),
        "stale details warn, and never fail a build"
    );
    let stderr = String::from_utf8_lossy(&later.stderr);
    for service in &services {
        let (line, col) = service.checked_at;
        let expected = format!(
            "content/site.yaml:{line}:{col}: warning: the details of `{}` were last checked on {}, more than 6 months ago",
            service.key, service.checked
        );
        assert!(
            stderr.contains(&expected),
            "expected\n{expected}\nin\n{stderr}"
        );
    }
}

#[test]
fn every_helpline_number_on_the_pages_comes_from_site_yaml() {
    let services = services(&site_yaml());
    let known: HashSet<&str> = services
        .iter()
        .flat_map(|s| s.numbers.iter().map(String::as_str))
        .collect();
    let (_out, pages) = build(&repo());
    for (file, html) in &pages {
        for number in phone_numbers(&text(html)) {
            assert!(
                known.contains(number.as_str()),
                "{file} shows {number}, which is not a number in content/site.yaml"
            );
        }
    }

    // Change every long number in a copy of site.yaml: no page may still show an old one.
    let site = tempfile::tempdir().unwrap();
    for folder in ["content", "templates"] {
        copy_tree(&repo().join(folder), &site.path().join(folder));
    }
    let mut yaml = site_yaml();
    let mut changed = Vec::new();
    for (i, number) in services
        .iter()
        .flat_map(|s| s.numbers.iter())
        .filter(|n| n.chars().filter(char::is_ascii_digit).count() >= 6)
        .enumerate()
    {
        let fake = format!("0800 000 {:04}", i + 1);
        let quoted = format!("\"{number}\"");
        assert!(yaml.contains(&quoted), "{number} is quoted in site.yaml");
        yaml = yaml.replacen(&quoted, &format!("\"{fake}\""), 1);
        changed.push((number.clone(), fake));
    }
    std::fs::write(site.path().join("content/site.yaml"), yaml).unwrap();
    let (_out, pages) = build(site.path());
    let all: String = pages.iter().map(|(_, html)| text(html)).collect();
    for (old, fake) in &changed {
        assert!(all.contains(fake.as_str()), "{fake} (was {old}) is shown");
        for (file, html) in &pages {
            assert!(
                !phone_numbers(&text(html)).contains(old),
                "{file} still shows {old}, written into the page instead of taken from site.yaml"
            );
        }
    }
}

#[test]
fn the_record_page_has_tables_and_no_image_of_text() {
    let (out, pages) = build(&repo());
    let html = &pages
        .iter()
        .find(|(f, _)| f == "get-help/keeping-a-record/index.html")
        .unwrap()
        .1;
    assert!(!html.contains("<img"), "no image on the record page");
    assert!(
        !html.contains(".svg\" alt="),
        "no image of text on the record page"
    );
    assert!(html.contains("<caption id=\"table-"), "{html}");
    assert!(html.contains("An example entry in an incident log"));
    let log = html.split("id=\"incident-log\"").nth(1).unwrap();
    assert!(log.contains("<table>"));
    assert!(
        log.contains("How it affected you, and what you had to change"),
        "the printable log has a column for the effect on you"
    );
    assert!(!out
        .path()
        .join("public/get-help/keeping-a-record/example-entry.svg")
        .exists());
}

#[test]
fn tables_have_captions_that_name_their_regions() {
    let (_out, pages) = build(&repo());
    let mut tables = 0;
    for (file, html) in &pages {
        for table in html.split("<table>").skip(1) {
            tables += 1;
            assert!(
                table.starts_with("<caption id=\"table-"),
                "a table on {file} has no caption: write a \"Table: ...\" line above it"
            );
        }
        assert!(
            !html.contains("aria-label=\"Table, scrolls sideways"),
            "a table region on {file} has the generic name"
        );
    }
    assert!(tables >= 4, "the site's tables were found");
}

fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’'))
        .filter(|w| !w.is_empty())
        .map(|w| w.to_lowercase().replace('’', "'"))
        .collect()
}

#[test]
fn no_seven_word_run_is_shared_with_the_press_release() {
    const RUN: usize = 7;
    let release = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/content/press-release.txt"),
    )
    .unwrap();
    let release: String = release
        .lines()
        .filter(|l| !l.starts_with('#'))
        .collect::<Vec<_>>()
        .join("\n");
    let release_words = words(&release);
    assert!(release_words.len() > 300, "the fixture holds the release");
    let runs: HashSet<&[String]> = release_words.windows(RUN).collect();

    let (_out, pages) = build(&repo());
    let mut shared = BTreeSet::new();
    for (file, html) in &pages {
        for run in words(&text(html)).windows(RUN) {
            if runs.contains(run) {
                shared.insert(format!("{file}: \"{}\"", run.join(" ")));
            }
        }
    }
    assert!(
        shared.is_empty(),
        "pages repeat the press release word for word:\n{}",
        shared.into_iter().collect::<Vec<_>>().join("\n")
    );
}

#[test]
fn campaign_figures_name_the_force_and_when_they_were_published() {
    let (_out, pages) = build(&repo());
    let html = &pages
        .iter()
        .find(|(f, _)| f == "news/national-stalking-awareness-week/index.html")
        .unwrap()
        .1;
    let stats = html
        .split("<section class=\"stats\"")
        .nth(1)
        .unwrap()
        .split("</section>")
        .next()
        .unwrap();
    let labels: Vec<&str> = stats.split("<span class=\"label\">").skip(1).collect();
    assert_eq!(labels.len(), 5, "{stats}");
    for label in labels {
        assert!(label.contains("Nottinghamshire"), "{label}");
    }
    assert!(stats.contains("an earlier National Stalking Awareness Week"));
    assert!(stats.contains("16</span> <span class=\"label\">protective court orders, such as Stalking Protection Orders"));
    let page = text(html).to_lowercase();
    for claim in ["more arrests", "in the last year", "last financial year"] {
        assert!(!page.contains(claim), "the campaign page says \"{claim}\"");
    }
}

#[test]
fn the_work_page_is_published_with_a_section_for_employers() {
    let (_out, pages) = build(&repo());
    let html = &pages
        .iter()
        .find(|(f, _)| f == "understanding-stalking/stalking-and-work/index.html")
        .expect("stalking and work is published")
        .1;
    assert!(html.contains("id=\"employers\""));
    assert!(!html.contains("preview-marker"));
}

#[test]
fn css_stays_within_its_budget() {
    // What visitors download: the stylesheets as the build ships them.
    let (out, _) = build(&repo());
    let total: u64 = std::fs::read_dir(out.path().join("public/assets"))
        .unwrap()
        .map(Result::unwrap)
        .filter(|e| e.path().extension().is_some_and(|x| x == "css"))
        .map(|e| e.metadata().unwrap().len())
        .sum();
    assert!(total > 5_000, "the stylesheets were found ({total} bytes)");
    assert!(total <= 15 * 1024, "all CSS is {total} bytes, over 15 KB");
}

/// The lines of `content/site.yaml`'s `support:` list, each `- key:` with the comment lines
/// written directly above it (blank lines between entries are skipped).
fn support_comments(site_yaml: &str) -> Vec<(String, Vec<String>)> {
    let lines: Vec<&str> = site_yaml.lines().collect();
    let mut entries = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        let Some(key) = line.trim_start().strip_prefix("- key:") else {
            continue;
        };
        let comment: Vec<String> = lines[..i]
            .iter()
            .rev()
            .skip_while(|l| l.trim().is_empty())
            .take_while(|l| l.trim_start().starts_with('#'))
            .map(|l| l.trim_start().trim_start_matches('#').trim().to_string())
            .collect();
        entries.push((key.trim().to_string(), comment));
    }
    entries
}

#[test]
fn every_support_service_says_where_it_was_checked() {
    let entries = support_comments(&site_yaml());
    assert_eq!(
        entries.len(),
        services(&site_yaml()).len(),
        "every support entry was found"
    );
    for (key, comment) in &entries {
        // A source is named by its web address, such as `childline.org.uk`.
        let names_a_site = comment.iter().flat_map(|l| l.split_whitespace()).any(|w| {
            [
                ".uk", ".org", ".com", ".gov", ".net", ".scot", ".wales", ".cymru",
            ]
            .iter()
            .any(|tld| w.contains(tld))
        });
        assert!(
            names_a_site,
            "`{key}` in content/site.yaml needs a comment above it naming the site its details were checked on"
        );
    }
    // The entries added after the audit name the stored copies they were checked in.
    for key in ["scotland-domestic-abuse-helpline", "respect-phoneline"] {
        let (_, comment) = entries.iter().find(|(k, _)| k == key).unwrap();
        assert!(
            comment.join(" ").contains("stored cop"),
            "`{key}` says it was checked via stored copies"
        );
    }
}

/// `get-help/page.cy.md` -> `get-help/page.md`; a page that is no translation is its own.
fn original_of(name: &str) -> String {
    let stem = name.strip_suffix(".md").unwrap_or(name);
    match stem.rsplit_once('.') {
        Some((original, code)) if (2..=3).contains(&code.len()) && !code.contains('/') => {
            format!("{original}.md")
        }
        _ => name.to_string(),
    }
}

#[test]
fn every_page_has_its_sources_recorded_outside_content() {
    let sources = std::fs::read_to_string(repo().join("docs/content-sources.md")).unwrap();
    let headings: Vec<&str> = sources.lines().filter(|l| l.starts_with("## ")).collect();
    let content = repo().join("content");
    let mut pages = 0;
    for entry in walkdir::WalkDir::new(&content) {
        let entry = entry.unwrap();
        let path = entry.path();
        if path.extension().is_none_or(|x| x != "md") || path.ends_with("README.md") {
            continue;
        }
        pages += 1;
        let name = path.strip_prefix(&content).unwrap().to_string_lossy();
        // A translation (`page.cy.md`) states its original's facts, so it shares that section.
        let name = original_of(&name);
        let needle = format!("`{name}`");
        assert!(
            headings.iter().any(|h| h.contains(&needle)),
            "docs/content-sources.md has no section (a \"## \" heading naming {needle}) for content/{name}"
        );
    }
    assert!(pages > 25, "the pages were found");
    assert!(
        !content.join("content-sources.md").exists(),
        "the sources file stays outside content/, so it is not published"
    );
}

#[test]
fn no_page_states_a_claim_the_audit_found_unsourced_or_a_figure_of_speech_it_named() {
    let (_out, pages) = build(&repo());
    let texts: Vec<(String, String)> = pages
        .iter()
        .map(|(f, html)| {
            let words = text(html).split_whitespace().collect::<Vec<_>>().join(" ");
            (f.clone(), words.to_lowercase())
        })
        .collect();
    // Each was found wrong, unsourced or a figure of speech; docs/content-sources.md says why.
    for phrase in [
        "has since published a plan",
        "police can use to ask apple",
        "one occasion for each",
        "one occasion towards each",
        "the same day, before the other person is told",
        "at present the most it carries",
        "including parts of greater manchester and london",
        "most of them of women by a man they knew",
        "someone who was not involved in the first decision",
        "does not stop at the front door",
        "neatly into one box",
        "keeping an eye on",
        "sounds familiar",
    ] {
        for (file, page) in &texts {
            assert!(!page.contains(phrase), "{file} says \"{phrase}\"");
        }
    }
    // Where a claim stays, it says whose it is.
    let page = |name: &str| &texts.iter().find(|(f, _)| f == name).unwrap().1;
    assert!(page("understanding-stalking/myths/index.html")
        .contains("in january 2025, the organisations that led it said every police force"));
    assert!(page("get-help/check-your-devices/index.html").contains("apple says each airtag"));
    assert!(page("understanding-stalking/the-law/index.html")
        .contains("malicious communications act 1988"));
}

#[test]
fn the_helpline_says_it_is_free_and_paladin_names_its_service_for_young_people() {
    let (_out, pages) = build(&repo());
    let texts: Vec<(String, String)> = pages
        .iter()
        .map(|(f, html)| {
            let words = text(html).split_whitespace().collect::<Vec<_>>().join(" ");
            (f.clone(), words.to_lowercase())
        })
        .collect();
    let page = |name: &str| &texts.iter().find(|(f, _)| f == name).unwrap().1;
    // Free because the number is an 0808 one (Ofcom); docs/content-sources.md has the source.
    let support = page("get-help/support-services/index.html");
    assert!(support.contains(
        "free from a landline or a mobile in the uk, because the number starts with 0808"
    ));
    assert!(support.contains("other ways to contact it, such as email"));
    assert!(
        support.contains("calls are free from uk landlines and mobiles"),
        "the Helpline's card says it too"
    );
    // Paladin's young people's service: said as something it has run, with its ages.
    let paladin = site_yaml()
        .lines()
        .find_map(|l| l.trim().strip_prefix("phone: \"020 "))
        .map(|rest| format!("020 {}", rest.trim_end_matches('"')))
        .unwrap();
    let young = page("get-help/young-people/index.html");
    assert!(young.contains("has run a service for young people aged 16 to 24"));
    assert!(
        young.contains(&paladin),
        "the young people's page gives Paladin's number"
    );
    assert!(support.contains("has also run a service for young people aged 16 to 24"));
    // Only an MP's speech says calls do not show on a BT bill, so no page promises it.
    for (file, text) in &texts {
        for phrase in [" bt bill", " bt landline", " bt phone bill", " bt line"] {
            assert!(!text.contains(phrase), "{file} says \"{phrase}\"");
        }
    }
}

#[test]
fn check_ahead_says_the_day_each_support_service_falls_due_for_a_check() {
    let services = services(&site_yaml());
    let ahead = run(
        &[
            "check",
            "--now",
            BUILD_DAY,
            "--ahead",
            "400",
            "--messages",
            "short",
        ],
        &repo(),
    );
    assert!(ahead.status.success());
    let stdout = String::from_utf8_lossy(&ahead.stdout);
    let mut due_days = HashSet::new();
    for service in &services {
        let said = format!("`{}`", service.key);
        let line = stdout
            .lines()
            .find(|l| l.contains("are due for a check") && l.contains(&said))
            .unwrap_or_else(|| panic!("expected \"{said}\" in\n{stdout}"));
        let due = &line[..10];
        // The day after six months have passed since the check.
        let mut parts = service
            .checked
            .split('-')
            .map(|p| p.parse::<u32>().unwrap());
        let (y, m, d) = (
            parts.next().unwrap(),
            parts.next().unwrap(),
            parts.next().unwrap(),
        );
        if d <= 27 {
            let (y, m) = if m + 6 > 12 {
                (y + 1, m - 6)
            } else {
                (y, m + 6)
            };
            assert_eq!(
                due,
                format!("{y:04}-{m:02}-{:02}", d + 1),
                "{}",
                service.key
            );
        }
        due_days.insert((due.to_string(), service.key.clone()));
    }
    // On that day a build warns about it, as the look-ahead said it would.
    let days: HashSet<&str> = due_days.iter().map(|(d, _)| d.as_str()).collect();
    for day in days {
        let check = run(&["check", "--now", day, "--messages", "short"], &repo());
        let stderr = String::from_utf8_lossy(&check.stderr);
        for (_, key) in due_days.iter().filter(|(d, _)| d == day) {
            assert!(
                stderr.contains(&format!(
                    "warning: the details of `{key}` were last checked"
                )),
                "no warning for `{key}` on {day}:\n{stderr}"
            );
        }
    }
}

#[test]
fn what_counts_has_a_section_for_stalking_by_someone_you_do_not_know() {
    let (_out, pages) = build(&repo());
    let html = &pages
        .iter()
        .find(|(f, _)| f == "understanding-stalking/what-counts/index.html")
        .unwrap()
        .1;
    assert!(
        html.contains("id=\"stranger\""),
        "the section has its anchor"
    );
    assert!(html.contains("/understanding-stalking/online-stalking/#unknown-accounts"));
    assert!(text(html).contains("You do not need to know the person"));
}

#[test]
fn the_risk_question_names_threats_of_suicide_and_strangling() {
    // Content review row 10: threats to kill themselves and attempts to strangle or choke are
    // warning signs the police ask about. They sit in the existing options' words, so the
    // questionnaire's ids and outcomes stay those of issue 9.
    let text = std::fs::read_to_string(repo().join("content/self-check/questions.yaml")).unwrap();
    let definition: serde_yaml::Value = serde_yaml::from_str(&text).unwrap();
    let risk = definition["questions"]
        .as_sequence()
        .unwrap()
        .iter()
        .find(|q| q["id"] == "risk")
        .expect("a risk question");
    let label = |id: &str| {
        risk["options"]
            .as_sequence()
            .unwrap()
            .iter()
            .find(|o| o["id"] == id)
            .and_then(|o| o["label"].as_str())
            .unwrap_or_else(|| panic!("risk has an option `{id}`"))
            .to_string()
    };
    assert!(
        label("threats").contains("kill themselves"),
        "{}",
        label("threats")
    );
    assert!(
        label("violence").contains("strangle or choke"),
        "{}",
        label("violence")
    );
}
