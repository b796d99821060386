//! One lol_html pass over a page: rewrite what can be fixed (heading ids and anchors,
//! `rel` on links to other sites), check everything else against the allow-list, and note
//! what the page links to and which safety furniture it carries.

use std::cell::RefCell;
use std::collections::HashSet;
use std::ops::Range;

use lol_html::html_content::{ContentType, Element};
use lol_html::{element, DocumentContentHandlers, HtmlRewriter, Settings};

use super::address::{self, Reader};
use super::inspect::inspect;
use super::selectors::{on, SELECTORS};
use crate::markdown::{slugify, Ids};

/// A problem found in a page, at a byte range of the HTML that was checked. `needle` is
/// text that finds it in a template's source when it came from a template.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    pub at: Range<usize>,
    pub message: String,
    pub needle: String,
    pub help: Option<String>,
    /// The template mark of the element it is about, when a template wrote it.
    pub mark: Option<usize>,
}

/// A link or reference to a place on the site, to check once every file is known.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Link {
    /// The URL path it resolves to, percent-encoded as the URL parser leaves it.
    pub path: String,
    pub fragment: Option<String>,
    /// The address as written, for messages.
    pub written: String,
    pub at: Range<usize>,
    /// The template mark of the element it is on, when a template wrote it.
    pub mark: Option<usize>,
}

/// A part of the page that came from one source fragment (a Markdown body, a self-check
/// text), marked by comments that the pass removes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Region {
    pub fragment: usize,
    /// Byte range of the fragment's HTML in the checked page.
    pub within: Range<usize>,
}

/// The safety furniture every rendered page must keep.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Furniture {
    /// `<meta http-equiv="Content-Security-Policy">` with the site's policy.
    pub policy: bool,
    /// The quick exit's button, inside `[data-quick-exit]`, going to the exit address.
    pub exit_button: bool,
    /// The skip link to the quick exit, outside it.
    pub exit_skip_link: bool,
    /// The quick exit's script.
    pub exit_script: bool,
    /// `lang` on `<html>`.
    pub lang: bool,
}

/// A page after post-processing.
#[derive(Debug, Default)]
pub struct Processed {
    pub html: String,
    /// Every `id` in the page, for checking `#anchor` links.
    pub ids: HashSet<String>,
    pub links: Vec<Link>,
    pub findings: Vec<Finding>,
    pub regions: Vec<Region>,
    pub furniture: Furniture,
}

/// What the site's pages are checked against.
#[derive(Debug, Clone)]
pub struct Rules<'a> {
    pub reader: &'a Reader,
    /// The Content-Security-Policy every page must carry in a `<meta>`.
    pub policy: &'a str,
    /// Where the quick exit goes.
    pub exit_url: &'a str,
    /// The URL of the quick exit's script, when the theme has one.
    pub exit_script: Option<&'a str>,
}

pub(super) const HEADINGS_WITHOUT_ID: &str =
    "h1:not([id]), h2:not([id]), h3:not([id]), h4:not([id]), h5:not([id]), h6:not([id])";
pub(super) const CONTENT_HEADINGS: &str = ".prose h2[id], .prose h3[id], .prose h4[id]";

/// Marks heading ids to be filled in after the pass (a private-use character).
const MARK: char = '\u{E000}';

/// Opens and closes the comments that mark a source fragment in a rendered page.
const FRAGMENT: char = '\u{E001}';

/// The comment that opens fragment `id` in a page; [`fragment_close`] ends it.
pub fn fragment_open(id: usize) -> String {
    format!("<!--{FRAGMENT}{id}-->")
}

pub fn fragment_close() -> String {
    format!("<!--{FRAGMENT}/-->")
}

/// Post-processes the page at `url_path` (`/get-help/`).
pub fn process(html: &str, url_path: &str, rules: &Rules<'_>) -> Processed {
    let state = RefCell::new(State {
        processed: Processed::default(),
        input: html,
        url_path,
        rules,
        open_region: None,
        handled_as_svg: false,
        exit_links: (0, 0),
        mark: None,
    });
    let missing_titles: RefCell<Vec<String>> = RefCell::new(Vec::new());
    // The placeholders need a character the page cannot contain; it almost never does.
    let can_hold_places = !html.contains(MARK);
    let out = run(html, &state, &missing_titles, can_hold_places);
    let mut state = state.into_inner();
    // A pass that stopped early leaves its fragment open: it runs to the end of the page.
    if let Some((fragment, start)) = state.open_region.take() {
        let within = start..html.len();
        state.processed.regions.push(Region { fragment, within });
    }
    let mut processed = state.processed;
    let (buttons, all) = state.exit_links;
    processed.furniture.exit_button = buttons > 0;
    processed.furniture.exit_skip_link = all > buttons;
    match out {
        Ok(out) => processed.html = out,
        Err(at) => {
            processed.findings.push(Finding {
                mark: None,
                at: at..at,
                message: "this HTML cannot be read safely: an element such as <xmp>, <style> or <iframe> sits where browsers disagree on how to read what follows (for example inside <select>)".into(),
                needle: "<select".into(),
                help: Some("remove the element, or move it out of the <select> or other element it is in".into()),
            });
            return processed;
        }
    }
    let titles = missing_titles.into_inner();
    if titles.is_empty() {
        return processed;
    }
    let ids = choose_ids(titles, &mut processed.ids);
    processed.html = if can_hold_places {
        fill_places(&processed.html, &ids)
    } else {
        give_ids(&processed.html, ids)
    };
    processed
}

pub(super) struct State<'a> {
    pub(super) processed: Processed,
    /// The page being read, to point inside a tag at the part a finding is about.
    pub(super) input: &'a str,
    pub(super) url_path: &'a str,
    pub(super) rules: &'a Rules<'a>,
    /// The fragment being read, and where its HTML started.
    pub(super) open_region: Option<(usize, usize)>,
    /// Set by the SVG handler, so the general one leaves the element alone.
    pub(super) handled_as_svg: bool,
    /// Links to the exit address: inside the quick exit (the button), and in all.
    pub(super) exit_links: (usize, usize),
    /// The template mark of the element being inspected.
    pub(super) mark: Option<usize>,
}

fn placeholder(n: usize) -> String {
    format!("{MARK}{n}{MARK}")
}

/// Unique ids from the texts of headings that had none.
fn choose_ids(titles: Vec<String>, taken: &mut HashSet<String>) -> Vec<String> {
    let mut ids = Ids::new(std::mem::take(taken));
    let chosen = titles
        .into_iter()
        .map(|title| ids.unique(&slugify(title.trim())))
        .collect();
    *taken = ids.into_taken();
    chosen
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

/// A fragment marker (a comment starting with [`FRAGMENT`], then the fragment's number, or
/// `/` to close) opens or closes a region of the page whose source is a Markdown
/// fragment; the marker itself is removed.
fn fragment_marker(c: &mut lol_html::html_content::Comment<'_>, state: &mut State<'_>) {
    let text = c.text();
    let Some(mark) = text.strip_prefix(FRAGMENT) else {
        return;
    };
    let at = c.source_location().bytes();
    if mark == "/" {
        if let Some((fragment, start)) = state.open_region.take() {
            let within = start..at.start;
            state.processed.regions.push(Region { fragment, within });
        }
    } else if let Ok(fragment) = mark.parse() {
        state.open_region = Some((fragment, at.end));
    }
    c.remove();
}

/// Runs the pass; on a parsing ambiguity, the byte offset near where lol_html gave up.
fn run(
    html: &str,
    state: &RefCell<State<'_>>,
    missing: &RefCell<Vec<String>>,
    hold_places: bool,
) -> Result<String, usize> {
    let mut output = Vec::with_capacity(html.len() + html.len() / 16);
    let settings = Settings::new()
        .append_document_content_handler(DocumentContentHandlers::default().comments(
            |c: &mut lol_html::html_content::Comment<'_>| {
                fragment_marker(c, &mut state.borrow_mut());
                Ok(())
            },
        ))
        .append_element_content_handler(on(&SELECTORS.svg).element(|el| {
            let mut state = state.borrow_mut();
            inspect(el, &mut state, true);
            state.handled_as_svg = true;
            Ok(())
        }))
        .append_element_content_handler(on(&SELECTORS.every).element(|el| {
            let mut state = state.borrow_mut();
            if !std::mem::take(&mut state.handled_as_svg) {
                inspect(el, &mut state, false);
            }
            Ok(())
        }))
        // The button sits inside `[data-quick-exit]`; any other exit link is the skip link.
        .append_element_content_handler(on(&SELECTORS.exit_button).element(|el| {
            let mut state = state.borrow_mut();
            if goes_to_exit(el, &state) {
                state.exit_links.0 += 1;
            }
            Ok(())
        }))
        .append_element_content_handler(on(&SELECTORS.exit_link).element(|el| {
            let mut state = state.borrow_mut();
            if goes_to_exit(el, &state) {
                state.exit_links.1 += 1;
            }
            Ok(())
        }))
        .append_element_content_handler(on(&SELECTORS.headings_without_id).element(|el| {
            let mut missing = missing.borrow_mut();
            // The id depends on the heading's text, which comes later: hold its place.
            if hold_places {
                el.set_attribute("id", &placeholder(missing.len()))?;
            }
            missing.push(String::new());
            Ok(())
        }))
        .append_element_content_handler(on(&SELECTORS.headings_without_id).text(|t| {
            if let Some(last) = missing.borrow_mut().last_mut() {
                last.push_str(t.as_str());
            }
            Ok(())
        }))
        .append_element_content_handler(on(&SELECTORS.content_headings).element(|el| {
            if let Some(id) = el.get_attribute("id") {
                el.append(&anchor(&address::decode(&id)), ContentType::Html);
            }
            Ok(())
        }));
    let mut rewriter = HtmlRewriter::new(settings, |chunk: &[u8]| output.extend_from_slice(chunk));
    if rewriter.write(html.as_bytes()).is_err() || rewriter.end().is_err() {
        return Err(ambiguity_offset(html));
    }
    Ok(String::from_utf8(output).unwrap_or_default())
}

/// Where a parsing ambiguity is: the end of the shortest prefix of the page that fails,
/// found by halving (a failing prefix only fails more as it grows).
fn ambiguity_offset(html: &str) -> usize {
    let fails = |length: usize| {
        let mut rewriter = HtmlRewriter::new(Settings::new(), |_: &[u8]| {});
        rewriter.write(&html.as_bytes()[..length]).is_err()
    };
    let (mut good, mut bad) = (0, html.len());
    if !fails(bad) {
        return bad;
    }
    while bad - good > 1 {
        let middle = good + (bad - good) / 2;
        if fails(middle) {
            bad = middle;
        } else {
            good = middle;
        }
    }
    // The ambiguity is the tag that ends there: point at its `<`.
    html[..bad].rfind('<').unwrap_or(good)
}

/// The anchor link after a content heading. The id is escaped: it is the editor's text.
fn anchor(id: &str) -> String {
    let mut escaped = String::with_capacity(id.len());
    for c in id.chars() {
        match c {
            '&' => escaped.push_str("&amp;"),
            '"' => escaped.push_str("&quot;"),
            '<' => escaped.push_str("&lt;"),
            '>' => escaped.push_str("&gt;"),
            c => escaped.push(c),
        }
    }
    format!(
        r##"<a class="heading-anchor" href="#{escaped}" aria-hidden="true" tabindex="-1">#</a>"##
    )
}

fn goes_to_exit(el: &Element, state: &State<'_>) -> bool {
    el.get_attribute("href")
        .is_some_and(|href| address::decode(&href) == state.rules.exit_url)
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
    // The page was read once already, so it cannot be ambiguous now.
    let _ = rewriter.write(html.as_bytes());
    let _ = rewriter.end();
    String::from_utf8(output).unwrap_or_default()
}

#[cfg(test)]
mod tests;
