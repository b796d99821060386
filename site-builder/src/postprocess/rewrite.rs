//! One pass over a page: rewrite what can be fixed, report what cannot.

use std::cell::RefCell;
use std::collections::HashSet;

use lol_html::html_content::{ContentType, Element};
use lol_html::{element, text, HtmlRewriter, Settings};

use crate::markdown::{slugify, unique_id};

/// A problem found in a rendered page. `needle` is text that locates it in the sources.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    pub message: String,
    pub needle: String,
    pub help: Option<String>,
}

/// A page after post-processing.
#[derive(Debug, Default)]
pub struct Processed {
    pub html: String,
    /// Every `id` in the page, for checking `#anchor` links.
    pub ids: HashSet<String>,
    /// Every link to a place inside the site, as written (`/get-help/`, `#top`, `../x/`).
    pub links: Vec<String>,
    pub findings: Vec<Finding>,
}

const HEADINGS_WITHOUT_ID: &str =
    "h1:not([id]), h2:not([id]), h3:not([id]), h4:not([id]), h5:not([id]), h6:not([id])";
const CONTENT_HEADINGS: &str = ".prose h2[id], .prose h3[id], .prose h4[id]";

/// Attributes that make the browser fetch something.
const FETCHING: [&str; 4] = ["src", "srcset", "data", "poster"];

/// `rel` values on `<link>` that do not fetch anything.
const INERT_LINK_RELS: [&str; 7] = [
    "canonical",
    "alternate",
    "author",
    "license",
    "me",
    "next",
    "prev",
];

/// Post-processes `html`. `own_host` is the site's host, whose absolute links count as internal.
pub fn process(html: &str, own_host: &str) -> Processed {
    let state = RefCell::new(Processed::default());
    let missing_titles: RefCell<Vec<String>> = RefCell::new(Vec::new());
    // The placeholders need a character the page cannot contain; it almost never does.
    let can_hold_places = !html.contains(MARK);
    let out = run(html, &state, &missing_titles, own_host, can_hold_places);
    let mut processed = state.into_inner();
    let titles = missing_titles.into_inner();
    if titles.is_empty() {
        processed.html = out;
        return processed;
    }
    let ids = choose_ids(titles, &mut processed.ids);
    processed.html = if can_hold_places {
        fill_places(&out, &ids)
    } else {
        give_ids(&out, ids)
    };
    processed
}

/// Marks a heading id to be filled in after the pass (a private-use character).
const MARK: char = '\u{E000}';

fn placeholder(n: usize) -> String {
    format!("{MARK}{n}{MARK}")
}

/// Unique ids from the texts of headings that had none.
fn choose_ids(titles: Vec<String>, ids: &mut HashSet<String>) -> Vec<String> {
    titles
        .into_iter()
        .map(|title| {
            let id = unique_id(&slugify(title.trim()), ids);
            ids.insert(id.clone());
            id
        })
        .collect()
}

/// Replaces each placeholder with its id, in one scan of the page.
fn fill_places(html: &str, ids: &[String]) -> String {
    let mut out = String::with_capacity(html.len() + ids.iter().map(String::len).sum::<usize>());
    for (i, part) in html.split(MARK).enumerate() {
        // Odd parts are the numbers between a pair of marks.
        if i % 2 == 1 {
            out.push_str(
                part.parse::<usize>()
                    .ok()
                    .and_then(|n| ids.get(n))
                    .map_or("", String::as_str),
            );
        } else {
            out.push_str(part);
        }
    }
    out
}

fn run(
    html: &str,
    state: &RefCell<Processed>,
    missing: &RefCell<Vec<String>>,
    own_host: &str,
    hold_places: bool,
) -> String {
    let mut output = Vec::with_capacity(html.len() + html.len() / 16);
    let settings = Settings::new()
        .append_element_content_handler(element!("*", |el| {
                    inspect(el, &mut state.borrow_mut(), own_host);
                    Ok(())
                }))
        .append_element_content_handler(element!(HEADINGS_WITHOUT_ID, |el| {
                    let mut missing = missing.borrow_mut();
                    // The id depends on the heading's text, which comes later: hold its place.
                    if hold_places {
                        el.set_attribute("id", &placeholder(missing.len()))?;
                    }
                    missing.push(String::new());
                    Ok(())
                }))
        .append_element_content_handler(text!(HEADINGS_WITHOUT_ID, |t| {
                    if let Some(last) = missing.borrow_mut().last_mut() {
                        last.push_str(t.as_str());
                    }
                    Ok(())
                }))
        .append_element_content_handler(element!(CONTENT_HEADINGS, |el| {
                    if let Some(id) = el.get_attribute("id") {
                        el.append(&anchor(&id), ContentType::Html);
                    }
                    Ok(())
                }))
        .append_element_content_handler(element!("script", |el| {
                    let kind = el.get_attribute("type").unwrap_or_default();
                    let data_block = kind.contains("json");
                    if el.get_attribute("src").is_none() && !data_block {
                        state.borrow_mut().findings.push(Finding {
                            message: "inline <script> is not allowed: the security policy blocks it".into(),
                            needle: "<script".into(),
                            help: Some("move the code into a file in templates/assets/ and load it with <script src=...>".into()),
                        });
                    }
                    Ok(())
                }))
        .append_element_content_handler(element!("style", |_el| {
                    state.borrow_mut().findings.push(Finding {
                        message: "inline <style> is not allowed: the security policy blocks it".into(),
                        needle: "<style".into(),
                        help: Some("put the rules in templates/assets/site.css".into()),
                    });
                    Ok(())
                }))
        .append_element_content_handler(element!("iframe, frame, object, embed", |el| {
                    let tag = el.tag_name();
                    state.borrow_mut().findings.push(Finding {
                        message: format!("<{tag}> is not allowed: embedded content could load from elsewhere"),
                        needle: format!("<{tag}"),
                        help: Some("link to the content instead of embedding it".into()),
                    });
                    Ok(())
                }))
        .append_element_content_handler(element!("img:not([alt])", |el| {
                    let src = el.get_attribute("src").unwrap_or_default();
                    state.borrow_mut().findings.push(Finding {
                        message: format!("the image `{src}` has no alt text"),
                        needle: src,
                        help: Some("describe the image in the brackets: ![what it shows](picture.png), or use empty alt text if it is only decoration".into()),
                    });
                    Ok(())
                }));
    let mut rewriter = HtmlRewriter::new(settings, |chunk: &[u8]| output.extend_from_slice(chunk));
    // lol_html only fails on its own memory limits or handler errors, and ours never fail.
    let _ = rewriter.write(html.as_bytes());
    let _ = rewriter.end();
    String::from_utf8(output).unwrap_or_default()
}

fn anchor(id: &str) -> String {
    format!(r##"<a class="heading-anchor" href="#{id}" aria-hidden="true" tabindex="-1">#</a>"##)
}

fn inspect(el: &mut Element, page: &mut Processed, own_host: &str) {
    let tag = el.tag_name();
    let mut external_link = false;
    for attr in el.attributes() {
        let name = attr.name();
        let value = attr.value();
        if name.starts_with("on") {
            page.findings.push(Finding {
                message: format!("the `{name}` attribute on <{tag}> runs inline code, which the security policy blocks"),
                needle: format!("{name}="),
                help: Some("remove it; behaviour belongs in a script file in templates/assets/".into()),
            });
        } else if name == "style" {
            page.findings.push(Finding {
                message: format!(
                    "the `style` attribute on <{tag}> is blocked by the security policy"
                ),
                needle: "style=".into(),
                help: Some("use a class and put the rule in templates/assets/site.css".into()),
            });
        }
        let trimmed = value.trim_start().to_ascii_lowercase();
        if trimmed.starts_with("javascript:") {
            page.findings.push(Finding {
                message: format!("a `javascript:` address in <{tag} {name}> is not allowed"),
                needle: "javascript:".into(),
                help: Some("link to a page instead".into()),
            });
        }
        let fetches = FETCHING.contains(&name.as_str())
            || (tag == "link" && name == "href" && fetching_link(el))
            || (tag == "script" && name == "src");
        if fetches && is_absolute(&value) {
            page.findings.push(Finding {
                message: format!(
                    "<{tag}> loads `{value}` from another site, which would leak the visit"
                ),
                needle: value.clone(),
                help: Some(
                    "save the file in the site (content/ or templates/assets/) and use its path"
                        .into(),
                ),
            });
        }
        if name == "id" {
            page.ids.insert(value.clone());
        }
        if name == "href" && matches!(tag.as_str(), "a" | "area") {
            match classify(&value, own_host) {
                Target::Internal(path) => page.links.push(path),
                Target::External => external_link = true,
                Target::Other => {}
            }
        }
    }
    if external_link {
        let rel = el.get_attribute("rel").unwrap_or_default();
        let mut tokens: Vec<&str> = rel.split_whitespace().collect();
        for needed in ["noopener", "noreferrer"] {
            if !tokens.contains(&needed) {
                tokens.push(needed);
            }
        }
        let _ = el.set_attribute("rel", &tokens.join(" "));
    }
}

fn fetching_link(el: &Element) -> bool {
    let rel = el
        .get_attribute("rel")
        .unwrap_or_default()
        .to_ascii_lowercase();
    !rel.split_whitespace().all(|r| INERT_LINK_RELS.contains(&r))
}

fn is_absolute(url: &str) -> bool {
    let url = url.trim();
    url.starts_with("//")
        || url
            .split_once(':')
            .is_some_and(|(scheme, _)| !scheme.contains('/') && !scheme.is_empty())
}

enum Target {
    Internal(String),
    External,
    Other,
}

fn classify(href: &str, own_host: &str) -> Target {
    let href = href.trim();
    for scheme in ["https://", "http://"] {
        if let Some(rest) = href.strip_prefix(scheme) {
            let (host, path) = rest
                .split_once('/')
                .map_or((rest, "/".to_string()), |(h, p)| (h, format!("/{p}")));
            return if host.eq_ignore_ascii_case(own_host) {
                Target::Internal(path)
            } else {
                Target::External
            };
        }
    }
    if href.starts_with("//") {
        return Target::External;
    }
    if is_absolute(href) {
        return Target::Other;
    }
    Target::Internal(href.to_string())
}

/// A second pass that sets the ids, for the rare page that contains the placeholder mark.
fn give_ids(html: &str, chosen: Vec<String>) -> String {
    let next = RefCell::new(chosen.into_iter());
    let mut output = Vec::with_capacity(html.len() + 64);
    let settings =
        Settings::new().append_element_content_handler(element!(HEADINGS_WITHOUT_ID, |el| {
            if let Some(id) = next.borrow_mut().next() {
                el.set_attribute("id", &id)?;
            }
            Ok(())
        }));
    let mut rewriter = HtmlRewriter::new(settings, |chunk: &[u8]| output.extend_from_slice(chunk));
    let _ = rewriter.write(html.as_bytes());
    let _ = rewriter.end();
    String::from_utf8(output).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn external_links_get_rel_and_internal_links_are_collected() {
        let p = process(
            r#"<a href="https://example.com/x" rel="nofollow">x</a><a href="/help/#a">h</a>"#,
            "site.org",
        );
        assert!(
            p.html.contains(r#"rel="nofollow noopener noreferrer""#),
            "{}",
            p.html
        );
        assert_eq!(p.links, vec!["/help/#a"]);
    }

    #[test]
    fn headings_get_ids_and_content_headings_anchors() {
        let p = process(
            r#"<h2>Get help</h2><div class="prose"><h2 id="x">X</h2></div>"#,
            "site.org",
        );
        assert!(
            p.html.contains(r#"<h2 id="get-help">Get help</h2>"#),
            "{}",
            p.html
        );
        assert!(
            p.html
                .contains(r##"<h2 id="x">X<a class="heading-anchor" href="#x""##),
            "{}",
            p.html
        );
        assert!(p.ids.contains("get-help") && p.ids.contains("x"));
    }

    #[test]
    fn a_page_holding_the_placeholder_mark_still_gets_ids() {
        let html = "<h2>Help</h2><h2>Help</h2><p>\u{E000}0\u{E000}</p>";
        let p = process(html, "site.org");
        assert_eq!(
            p.html,
            "<h2 id=\"help\">Help</h2><h2 id=\"help-1\">Help</h2><p>\u{E000}0\u{E000}</p>"
        );
        let plain = process("<h2>Help</h2><h2>Help</h2>", "site.org");
        assert_eq!(
            plain.html,
            r#"<h2 id="help">Help</h2><h2 id="help-1">Help</h2>"#
        );
    }

    #[test]
    fn unsafe_markup_is_reported() {
        let p = process(
            r#"<script>alert(1)</script><script type="application/ld+json">{}</script><img src="https://cdn.example/x.png" alt="x"><img src="/a.png"><p onclick="x()"></p><a href="javascript:void(0)">j</a>"#,
            "site.org",
        );
        let messages: Vec<&str> = p.findings.iter().map(|f| f.message.as_str()).collect();
        assert_eq!(messages.len(), 5, "{messages:#?}");
        assert!(messages[0].starts_with("inline <script>"));
    }
}
