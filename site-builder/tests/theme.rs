//! The built-in theme (issue 12): a site needs only content/; its own templates/ replaces
//! the theme's files one by one; `theme eject` copies them out; problems in a built-in
//! file are placed at its `theme:` name.

use std::path::Path;

mod sites;
use sites::{build_clean, build_fails, copy_tree, read, run, small_site, text, tool, write};

#[test]
fn a_site_of_content_alone_gets_the_whole_theme() {
    let site = small_site();
    build_clean(site.path());
    let page = read(site.path(), "public/guide/index.html");
    for part in [
        "class=\"exit-button\"",
        "data-quick-exit-link",
        "Content-Security-Policy",
    ] {
        assert!(page.contains(part), "{part} in {page}");
    }
    let assets: Vec<String> = std::fs::read_dir(site.path().join("public/assets"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    for asset in ["quick-exit.", "site.", "favicon."] {
        assert!(
            assets.iter().any(|a| a.starts_with(asset)),
            "{asset} in {assets:?}"
        );
    }
    // The theme links only to pages the site has: this one has no privacy page.
    assert!(!page.contains("/privacy/"), "{page}");
}

#[test]
fn a_sites_own_page_template_wins_over_the_built_in_one() {
    let site = small_site();
    write(
        site.path(),
        "templates/page.html",
        "{% extends \"base.html\" %}\n{% block content %}<h1 class=\"own\">{{ page.title }}</h1>{{ page.content | safe }}{% endblock content %}\n",
    );
    build_clean(site.path());
    let page = read(site.path(), "public/guide/index.html");
    assert!(page.contains("<h1 class=\"own\""), "{page}");
    // The rest is still the theme's: its base.html, and its index.html for the home page.
    assert!(page.contains("class=\"exit-button\""));
    let home = read(site.path(), "public/index.html");
    assert!(
        home.contains("class=\"home\"") && !home.contains("class=\"own\""),
        "{home}"
    );
}

#[test]
fn an_override_that_replaces_nothing_is_an_error_with_a_suggestion() {
    let site = small_site();
    write(
        site.path(),
        "templates/pgae.html",
        "{% extends \"base.html\" %}\n",
    );
    assert_eq!(
        build_fails(site.path()),
        "templates/pgae.html:1:1: error: `pgae.html` replaces no template of the built-in theme, and no page or template uses it\n  help: did you mean `page.html`? A file replaces the built-in one of the same name (`site-builder theme list` shows them)\n\nThe site was not built: 1 problem to fix.\n"
    );
    // The same file is fine once a page uses it.
    write(
        site.path(),
        "content/guide.md",
        "---\ntitle: A guide\ntemplate: pgae.html\n---\nSome words.\n",
    );
    build_clean(site.path());
}

#[test]
fn a_problem_in_a_built_in_template_is_placed_at_its_theme_name() {
    let site = small_site();
    let settings = format!(
        "{}banner:\n  text: Hello\n  link: \"javascript:alert(1)\"\n  from: 2026-11-01\n  until: 2026-12-31\n",
        sites::SETTINGS
    );
    write(site.path(), "content/site.yaml", settings);
    let stderr = build_fails(site.path());
    let base = String::from_utf8(site_builder::theme::get("base.html").unwrap().to_vec()).unwrap();
    let line = base
        .lines()
        .position(|l| l.contains("<a href=\"{{ banner.url }}\">"))
        .unwrap()
        + 1;
    let col = base
        .lines()
        .nth(line - 1)
        .unwrap()
        .find("<a href=\"{{ banner.url")
        .unwrap()
        + 1;
    assert!(
        stderr.starts_with(&format!("theme:base.html:{line}:{col}: error: ")),
        "{stderr}"
    );
    assert!(stderr.contains("javascript:"), "{stderr}");
}

#[test]
fn a_sites_base_html_without_a_block_the_theme_fills_is_told_where() {
    let site = small_site();
    write(
        site.path(),
        "templates/base.html",
        "<!doctype html><html lang=\"en\"><head><title>{% block title %}{% endblock title %}</title></head><body>{% block content %}{% endblock content %}</body></html>\n",
    );
    let stderr = build_fails(site.path());
    assert!(
        stderr.starts_with("theme:index.html:2:1: error: `index.html` fills the block `description`, which `base.html` (templates/base.html) does not have\n  help: add {% block description %}{% endblock description %} to templates/base.html"),
        "{stderr}"
    );
}

#[test]
fn eject_copies_built_in_files_and_never_overwrites() {
    let site = small_site();
    let ejected = tool(
        &["theme", "eject", "page.html", "partials/help-now.html"],
        site.path(),
    );
    assert!(ejected.status.success(), "{}", text(&ejected.stderr));
    assert_eq!(
        text(&ejected.stdout),
        "Copied templates/page.html\nCopied templates/partials/help-now.html\nThe site's own copies now replace the built-in files: edit them there.\n"
    );
    for file in ["page.html", "partials/help-now.html"] {
        assert_eq!(
            std::fs::read(site.path().join("templates").join(file)).unwrap(),
            site_builder::theme::get(file).unwrap()
        );
    }
    build_clean(site.path());

    let again = tool(&["theme", "eject", "base.html", "page.html"], site.path());
    assert_eq!(again.status.code(), Some(1));
    assert_eq!(
        text(&again.stderr),
        "error: the site already has templates/page.html\n  help: it is the site's own copy, and ejecting would replace it: move it away first if you want the built-in file again\nNothing was written.\n"
    );
    assert!(!site.path().join("templates/base.html").exists());

    let unknown = tool(&["theme", "eject", "assets/site.ccs"], site.path());
    assert_eq!(unknown.status.code(), Some(1));
    assert!(
        text(&unknown.stderr).starts_with("error: the built-in theme has no file `assets/site.ccs`\n  help: did you mean `assets/site.css`?"),
        "{}",
        text(&unknown.stderr)
    );
}

/// The repository's templates/ is the built-in theme, so this repository's content/
/// alone builds exactly what it builds with them.
#[test]
fn the_example_content_alone_builds_the_same_site_as_with_the_repositorys_templates() {
    let repository = Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap();
    let alone = tempfile::tempdir().unwrap();
    copy_tree(&repository.join("content"), &alone.path().join("content"));
    let with = tempfile::tempdir().unwrap();
    copy_tree(&repository.join("content"), &with.path().join("content"));
    copy_tree(
        &repository.join("templates"),
        &with.path().join("templates"),
    );
    for site in [&alone, &with] {
        let output = run(&["build"], site.path());
        assert!(output.status.success(), "{}", text(&output.stderr));
    }
    let files = |root: &Path| -> Vec<(String, Vec<u8>)> {
        let public = root.join("public");
        let mut files: Vec<_> = walkdir::WalkDir::new(&public)
            .into_iter()
            .map(Result::unwrap)
            .filter(|e| e.file_type().is_file())
            .map(|e| {
                let name = e
                    .path()
                    .strip_prefix(&public)
                    .unwrap()
                    .display()
                    .to_string();
                (name, std::fs::read(e.path()).unwrap())
            })
            .collect();
        files.sort();
        files
    };
    let (a, b) = (files(alone.path()), files(with.path()));
    assert!(a.len() > 30);
    let names = |f: &[(String, Vec<u8>)]| f.iter().map(|(n, _)| n.clone()).collect::<Vec<_>>();
    assert_eq!(names(&a), names(&b));
    for ((name, x), (_, y)) in a.iter().zip(&b) {
        assert!(x == y, "{name} differs");
    }
}
