//! Branding in site.yaml (issue 12): colours, logo and footer links, checked for
//! contrast, and carried to the theme without inline styles.

mod sites;
use sites::{build_clean, build_fails, read, small_site, write, SETTINGS};

#[test]
fn a_pale_accent_and_an_unreadable_colour_are_refused_at_their_lines() {
    let site = small_site();
    let settings = format!("{SETTINGS}brand:\n  colour: navy\n  accent: \"#ffdd00\"\n");
    write(site.path(), "content/site.yaml", settings);
    assert_eq!(
        build_fails(site.path()),
        "content/site.yaml:9:11: error: `navy` is not a colour the build can read\n  help: write it as # and six hexadecimal digits, such as \"#1d3557\", in quotes\ncontent/site.yaml:10:11: error: `#ffdd00` has a contrast ratio of 1.17:1 with the campaign banner's pale blue (#e8f1f8), the darkest background the theme puts links on, below the 4.5:1 that WCAG 1.4.3 asks for text\n  help: a darker shade of the same colour passes: \"#8a6800\" (4.52:1)\n\nThe site was not built: 2 problems to fix.\n"
    );
}

#[test]
fn a_branded_site_gets_its_colours_logo_and_links_with_no_inline_style() {
    let site = small_site();
    let settings = format!(
        "{SETTINGS}brand:\n  colour: \"#4b0f5c\"\n  accent: \"#6a1b7a\"\n  logo: /images/logo.svg\n  logo_alt: Example Trust\n  footer_links:\n    - text: The guide\n      url: \"@/guide.md\"\n    - text: About the Trust\n      url: https://trust.example.org/about\n"
    );
    write(site.path(), "content/site.yaml", settings);
    write(
        site.path(),
        "static/images/logo.svg",
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 10 10\"><rect width=\"10\" height=\"10\" fill=\"#fff\"/></svg>\n",
    );
    build_clean(site.path());
    let home = read(site.path(), "public/index.html");
    let stylesheet = home
        .split("href=\"/assets/brand.")
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .expect("the page links the brand's stylesheet");
    let css = read(site.path(), &format!("public/assets/brand.{stylesheet}"));
    assert!(
        css.contains(":root{--brand:#4b0f5c;--link:#6a1b7a;--accent:#6a1b7a;"),
        "{css}"
    );
    assert!(
        home.contains("<img class=\"site-logo\" src=\"/images/logo.svg\" alt=\"Example Trust\">"),
        "{home}"
    );
    assert!(home.contains("<a href=\"/guide/\">The guide</a>"), "{home}");
    assert!(home.contains("<a href=\"https://trust.example.org/about\" rel=\"noopener noreferrer\">About the Trust</a>"), "{home}");
    for page in [
        "public/index.html",
        "public/guide/index.html",
        "public/404.html",
    ] {
        assert!(
            !read(site.path(), page).contains("style="),
            "{page} has an inline style"
        );
    }
}

#[test]
fn the_theme_links_no_brand_stylesheet_without_brand_colours() {
    let site = small_site();
    build_clean(site.path());
    assert!(!read(site.path(), "public/index.html").contains("brand."));
}

#[test]
fn a_logo_must_be_a_file_of_the_site_with_words_for_it() {
    let site = small_site();
    let settings = format!("{SETTINGS}brand:\n  logo: /logo.svg\n");
    write(site.path(), "content/site.yaml", &settings);
    let stderr = build_fails(site.path());
    assert_eq!(
        stderr,
        "content/site.yaml:9:9: error: the logo has no `logo_alt`: people who cannot see it would not know what it says\n  help: add `logo_alt:` under `brand:` with the logo's words, such as the organisation's name\n\nThe site was not built: 1 problem to fix.\n"
    );
    write(
        site.path(),
        "content/site.yaml",
        format!("{settings}  logo_alt: Example Trust\n"),
    );
    assert_eq!(
        build_fails(site.path()),
        "content/site.yaml:9:9: error: the logo `/logo.svg` is not a file of the site\n  help: put the file in static/ (static/logo.svg is /logo.svg), or beside a page in content/\n\nThe site was not built: 1 problem to fix.\n"
    );
    let settings = format!("{SETTINGS}brand:\n  logo: /logo.gif\n  logo_alt: Example Trust\n  footer_links:\n    - text: Home\n      url: /\n");
    write(site.path(), "content/site.yaml", settings);
    assert_eq!(
        build_fails(site.path()),
        "content/site.yaml:9:9: error: the logo `/logo.gif` is not the address of an SVG or PNG file\n  help: put the file in static/ (or beside a page in content/) and write its address, such as /logo.svg\ncontent/site.yaml:13:12: error: the footer link `/` is neither a page of the site nor an https:// address\n  help: link to a page as @/section/page.md, or to another site with https://\n\nThe site was not built: 2 problems to fix.\n"
    );
}
