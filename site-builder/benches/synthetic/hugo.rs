//! The synthetic site for Hugo: the same sections and the same page bodies (links written
//! as addresses, which Hugo does not check), with templates that make the same pages: the
//! security policy, the quick exit, the menu, breadcrumbs, a contents list of the level-2
//! headings, anchors after headings, the help lines, fingerprinted assets, a sitemap, a
//! feed of 50 entries and robots.txt.

use std::path::Path;

use super::{address, write_pages, write_sections};

/// Writes the Hugo site of `pages` pages under `root` (which must be empty or absent).
pub fn generate(root: &Path, pages: usize) -> std::io::Result<()> {
    let content = root.join("content");
    std::fs::create_dir_all(&content)?;
    std::fs::write(root.join("config.yaml"), CONFIG)?;
    write_sections(&content, |s| format!("menu:\n  main:\n    weight: {s}\n"))?;
    write_pages(&content, pages, address)?;
    for (name, text) in LAYOUTS {
        let path = root.join("layouts").join(name);
        std::fs::create_dir_all(path.parent().expect("a folder"))?;
        std::fs::write(path, text)?;
    }
    let assets = root.join("assets");
    std::fs::create_dir_all(&assets)?;
    std::fs::write(
        assets.join("site.css"),
        "body { font-family: system-ui; }\n",
    )?;
    // The same script site-builder ships, so both fingerprint the same bytes.
    std::fs::write(
        assets.join("quick-exit.js"),
        include_str!("../../../templates/assets/quick-exit.js"),
    )?;
    Ok(())
}

const CONFIG: &str = r#"baseURL: https://bench.example.org/
title: Synthetic site
languageCode: en
disableKinds: [taxonomy, term]
enableRobotsTXT: true
buildFuture: true
rssLimit: 50
outputs:
  home: [HTML, RSS]
  section: [HTML]
  page: [HTML]
markup:
  tableOfContents: {startLevel: 2, endLevel: 2}
  goldmark:
    renderer: {unsafe: true}
params:
  csp: "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self'; font-src 'self'; base-uri 'none'; form-action 'none'; require-trusted-types-for 'script'; trusted-types 'none'"
  exit_url: https://www.bbc.co.uk/weather
  support:
    - {name: Police emergency, phone: "999", hours: 24 hours}
    - {name: Helpline, phone: "0808 802 0300", hours: Weekdays}
"#;

const LAYOUTS: &[(&str, &str)] = &[
    (
        "_default/baseof.html",
        r##"<!doctype html>
<html lang="{{ .Site.LanguageCode }}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="{{ .Site.Params.csp }}">
<title>{{ block "title" . }}{{ .Site.Title }}{{ end }}</title>
{{ $css := resources.Get "site.css" | fingerprint }}{{ $js := resources.Get "quick-exit.js" | fingerprint }}<link rel="stylesheet" href="{{ $css.RelPermalink }}"><script src="{{ $js.RelPermalink }}" defer></script></head>
<body><a class="skip-link" href="#main">Skip to main content</a>
<a class="skip-link" href="{{ .Site.Params.exit_url }}" rel="nofollow noreferrer" data-quick-exit-link>Exit this page quickly</a>
<div class="exit-bar" data-quick-exit><a class="exit-button" href="{{ .Site.Params.exit_url }}" rel="nofollow noreferrer" data-quick-exit-link>Exit this page</a></div>
<header><a href="/">{{ .Site.Title }}</a><nav aria-label="Main"><ul>{{ range .Site.Menus.main }}<li><a href="{{ .URL }}">{{ .Name }}</a></li>{{ end }}</ul></nav></header>
{{ with .Ancestors }}<nav aria-label="Breadcrumb"><ol>{{ range .Reverse }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ol></nav>{{ end }}
<main id="main">{{ block "main" . }}{{ end }}</main>
<footer><h2>Get help now</h2><ul>{{ range .Site.Params.support }}<li>{{ .name }}: <a href="tel:{{ replace .phone " " "" }}">{{ .phone }}</a> ({{ .hours }})</li>{{ end }}</ul></footer>
</body></html>
"##,
    ),
    (
        "index.html",
        r#"{{ define "main" }}<h1>{{ .Title }}</h1><div class="prose">{{ .Content }}</div>{{ end }}"#,
    ),
    (
        "_default/list.html",
        r#"{{ define "main" }}<h1>{{ .Title }}</h1><div class="prose">{{ .Content }}</div><ul>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> {{ .Description }}</li>{{ end }}</ul>{{ end }}"#,
    ),
    (
        "_default/single.html",
        r#"{{ define "title" }}{{ .Title }}{{ end }}{{ define "main" }}<article><h1>{{ .Title }}</h1><p>{{ .Date.Format "2 January 2006" }}</p>{{ with .TableOfContents }}<nav aria-label="Contents">{{ . }}</nav>{{ end }}<div class="prose">{{ .Content }}</div></article>{{ end }}"#,
    ),
    (
        "404.html",
        r#"{{ define "main" }}<h1>Page not found</h1><p><a href="/">Home</a></p>{{ end }}"#,
    ),
    (
        "_default/_markup/render-heading.html",
        r##"<h{{ .Level }} id="{{ .Anchor | safeURL }}">{{ .Text | safeHTML }}{{ if and (ge .Level 2) (le .Level 4) }}<a class="heading-anchor" href="#{{ .Anchor | safeURL }}" aria-hidden="true" tabindex="-1">#</a>{{ end }}</h{{ .Level }}>"##,
    ),
];
