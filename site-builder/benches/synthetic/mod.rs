//! A deterministic generator of synthetic sites for benchmarks: N pages of 600 to 1,200
//! words over about ten sections, with headings, lists, tables and links between pages,
//! and templates as heavy as the real site's; [`hugo::generate`] writes the same site for
//! Hugo, with equivalent templates, to measure the two side by side.

pub mod hugo;

use std::fmt::Write as _;
use std::path::Path;

/// A small, fixed pseudo-random sequence (a 64-bit LCG), so every run writes the same site.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        self.0 >> 33
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

const WORDS: &[&str] = &[
    "someone",
    "keeps",
    "contacting",
    "you",
    "after",
    "you",
    "asked",
    "them",
    "to",
    "stop",
    "this",
    "can",
    "be",
    "stalking",
    "the",
    "police",
    "take",
    "it",
    "seriously",
    "write",
    "down",
    "what",
    "happened",
    "and",
    "when",
    "messages",
    "calls",
    "visits",
    "gifts",
    "online",
    "posts",
    "about",
    "your",
    "life",
    "help",
    "is",
    "available",
    "every",
    "day",
    "a",
    "friend",
    "family",
    "member",
    "or",
    "colleague",
    "may",
    "notice",
    "first",
    "keep",
    "screenshots",
    "safe",
    "record",
    "dates",
    "times",
    "places",
    "witnesses",
    "support",
    "services",
    "listen",
    "without",
    "judging",
    "report",
    "court",
    "order",
];

const SECTIONS: usize = 10;

fn sentence(rng: &mut Lcg, words: &mut usize) -> String {
    let n = 8 + rng.below(12) as usize;
    *words += n;
    let mut s = String::new();
    for i in 0..n {
        let w = WORDS[rng.below(WORDS.len() as u64) as usize];
        if i == 0 {
            let mut c = w.chars();
            s.extend(c.next().map(|f| f.to_ascii_uppercase()));
            s.push_str(c.as_str());
        } else {
            s.push(' ');
            s.push_str(w);
        }
    }
    s.push('.');
    s
}

fn page_body(rng: &mut Lcg, index: usize, pages: usize, link: fn(usize) -> String) -> String {
    let target = 600 + rng.below(601) as usize;
    let mut words = 0;
    let mut body = String::new();
    let mut heading = 0;
    while words < target {
        if words > 0 && rng.below(4) == 0 {
            heading += 1;
            let _ = writeln!(
                body,
                "## Part {heading}: {}\n",
                sentence(rng, &mut words).trim_end_matches('.')
            );
        }
        match rng.below(10) {
            0 => {
                for _ in 0..3 + rng.below(3) {
                    let _ = writeln!(body, "- {}", sentence(rng, &mut words));
                }
                body.push('\n');
            }
            1 => {
                body.push_str("| Date | What happened | Witness |\n|---|---|---|\n");
                for d in 1..4 {
                    let _ = writeln!(
                        body,
                        "| 2027-04-{d:02} | {} | none |",
                        sentence(rng, &mut words)
                    );
                }
                body.push('\n');
            }
            2 => {
                let other = rng.below(pages as u64) as usize;
                let _ = writeln!(
                    body,
                    "{} Read [a related guide]({}) and [its first part]({}{FIRST_HEADING}).\n",
                    sentence(rng, &mut words),
                    link(other),
                    link(index),
                );
            }
            _ => {
                let _ = writeln!(
                    body,
                    "{} {} {}\n",
                    sentence(rng, &mut words),
                    sentence(rng, &mut words),
                    sentence(rng, &mut words)
                );
            }
        }
    }
    body
}

/// Stands for the anchor of a page's first heading until the page is complete.
const FIRST_HEADING: &str = "#first-heading";

/// A link as an editor writes it here, checked by the build.
fn link(page: usize) -> String {
    format!("@/section-{}/page-{page}.md", page % SECTIONS)
}

/// The page's address, as Hugo bodies link to it.
fn address(page: usize) -> String {
    format!("/section-{}/page-{page}/", page % SECTIONS)
}

/// Writes a site of `pages` pages under `root` (which must be empty or absent).
/// Switches the search page and index off in a generated site's settings.
#[allow(dead_code)] // each benchmark uses part of this module
pub fn without_search(root: &Path) -> std::io::Result<()> {
    let settings = root.join("content/site.yaml");
    let text = std::fs::read_to_string(&settings)?;
    std::fs::write(settings, format!("{text}search: false\n"))
}

/// The home page and the sections' own pages, each section in the menu as `menu(s)`
/// writes it in front matter (the tools spell menus differently).
pub fn write_sections(content: &Path, menu: impl Fn(usize) -> String) -> std::io::Result<()> {
    std::fs::write(content.join("_index.md"), "---\ntitle: Synthetic site\ndescription: A generated site for benchmarks.\n---\nWelcome.\n")?;
    for s in 0..SECTIONS {
        let dir = content.join(format!("section-{s}"));
        std::fs::create_dir_all(&dir)?;
        std::fs::write(
            dir.join("_index.md"),
            format!("---\ntitle: Section {s}\ndescription: Guides in section {s}.\n{}---\nAll the guides in section {s}.\n", menu(s)),
        )?;
    }
    Ok(())
}

pub fn generate(root: &Path, pages: usize) -> std::io::Result<()> {
    let content = root.join("content");
    std::fs::create_dir_all(&content)?;
    std::fs::write(content.join("site.yaml"), SITE_YAML)?;
    write_sections(&content, |s| format!("menu:\n  weight: {s}\n"))?;
    write_pages(&content, pages, link)?;
    let templates = root.join("templates");
    std::fs::create_dir_all(templates.join("assets"))?;
    for (name, text) in TEMPLATES {
        std::fs::write(templates.join(name), text)?;
    }
    std::fs::write(
        templates.join("assets/site.css"),
        "body { font-family: system-ui; }\n",
    )?;
    Ok(())
}

fn slug(heading: &str) -> String {
    let mut out = String::new();
    for c in heading.chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() {
            out.push(c);
        } else if (c.is_whitespace() || c == '-') && !out.ends_with('-') {
            out.push('-');
        }
    }
    out.trim_matches('-').to_string()
}

/// Writes every page: the same bodies, by the same sequence, for each tool; only the form
/// of a link differs.
fn write_pages(content: &Path, pages: usize, link: fn(usize) -> String) -> std::io::Result<()> {
    let mut rng = Lcg(0x5eed);
    for p in 0..pages {
        let mut body = page_body(&mut rng, p, pages, link);
        // Links must point at the page's own real first heading.
        let first = body.lines().find_map(|l| l.strip_prefix("## ")).map(slug);
        body = match first {
            Some(anchor) => body.replace(FIRST_HEADING, &format!("#{anchor}")),
            None => body.replace(FIRST_HEADING, ""),
        };
        let front = format!(
            "---\ntitle: Guide number {p}\ndescription: Synthetic guide {p} for the benchmark.\ndate: 2026-{:02}-{:02}\nweight: {}\n---\n",
            1 + p % 12,
            1 + p % 28,
            p % 50
        );
        std::fs::write(
            content.join(format!("section-{}/page-{p}.md", p % SECTIONS)),
            front + &body,
        )?;
    }
    Ok(())
}

const SITE_YAML: &str = "title: Synthetic site\ndescription: Benchmark\nbase_url: https://bench.example.org\norganisation: Bench\nnews_sections: [section-0]\nsupport:\n  - {key: emergency, name: Police emergency, phone: \"999\", hours: 24 hours, checked: 2026-12-01}\n  - {key: helpline, name: Helpline, phone: \"0808 802 0300\", hours: Weekdays, checked: 2026-12-01}\n";

const TEMPLATES: &[(&str, &str)] = &[
    (
        "base.html",
        r##"<!doctype html>
<html lang="{{ site.language }}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="{{ csp }}">
<title>{% block title %}{{ site.title }}{% endblock title %}</title>
<link rel="stylesheet" href="{{ assets["site.css"] }}"><script src="{{ assets["quick-exit.js"] }}" defer></script></head>
<body><a class="skip-link" href="#main">Skip to main content</a>
<a class="skip-link" href="{{ site.exit_url }}" rel="nofollow noreferrer" data-quick-exit-link>Exit this page quickly</a>
<div class="exit-bar" data-quick-exit><a class="exit-button" href="{{ site.exit_url }}" rel="nofollow noreferrer" data-quick-exit-link>Exit this page</a></div>
<header><a href="/">{{ site.title }}</a><nav aria-label="Main"><ul>{% for item in menu %}<li><a href="{{ item.url }}">{{ item.name }}</a></li>{% endfor %}</ul></nav></header>
{% if breadcrumbs is defined %}<nav aria-label="Breadcrumb"><ol>{% for c in breadcrumbs %}<li><a href="{{ c.url }}">{{ c.title }}</a></li>{% endfor %}</ol></nav>{% endif %}
<main id="main">{% block content %}{% endblock content %}</main>
<footer><h2>Get help now</h2><ul>{% for s in support %}<li>{{ s.name }}: <a href="tel:{{ s.phone | replace(from=" ", to="") }}">{{ s.phone }}</a> ({{ s.hours }})</li>{% endfor %}</ul></footer>
</body></html>
"##,
    ),
    ("index.html", "{% extends \"base.html\" %}{% block content %}<h1>{{ section.title }}</h1><div class=\"prose\">{{ section.content | safe }}</div>{% endblock content %}"),
    (
        "section.html",
        "{% extends \"base.html\" %}{% block content %}<h1>{{ section.title }}</h1><div class=\"prose\">{{ section.content | safe }}</div><ul>{% for p in section.pages %}<li><a href=\"{{ p.url }}\">{{ p.title }}</a> {{ p.description }}</li>{% endfor %}</ul>{% endblock content %}",
    ),
    (
        "page.html",
        "{% extends \"base.html\" %}{% block title %}{{ page.title }}{% endblock title %}{% block content %}<article><h1>{{ page.title }}</h1><p>{{ page.date_long }}</p>{% if page.toc %}<nav aria-label=\"Contents\"><ul>{% for h in page.toc %}{% if h.level == 2 %}<li><a href=\"#{{ h.id }}\">{{ h.title }}</a></li>{% endif %}{% endfor %}</ul></nav>{% endif %}<div class=\"prose\">{{ page.content | safe }}</div></article>{% endblock content %}",
    ),
    ("404.html", "{% extends \"base.html\" %}{% block content %}<h1>Page not found</h1><p><a href=\"/\">Home</a></p>{% endblock content %}"),
    // The search page, so the build makes the search index as a real site's does.
    (
        "search.html",
        "{% extends \"base.html\" %}{% block content %}<h1>Search</h1><div data-search data-engine=\"{{ assets[\"search-engine.js\"] }}\" data-index=\"{{ search.index }}\"></div>{% for g in search.groups %}<h2>{{ g.letter }}</h2><ul>{% for p in g.pages %}<li><a href=\"{{ p.url }}\">{{ p.title }}</a></li>{% endfor %}</ul>{% endfor %}{% endblock content %}",
    ),
];
