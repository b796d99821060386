//! One lol_html pass over a page: rewrite what can be fixed (heading ids and anchors,
//! `rel` on links to other sites), check everything else against the allow-list, and note
//! what the page links to and which safety furniture it carries.

use std::cell::RefCell;
use std::collections::HashSet;
use std::ops::Range;

use lol_html::html_content::{ContentType, Element};
use lol_html::{element, text, DocumentContentHandlers, HtmlRewriter, Settings};

use super::address::{self, Address, Reader};
use super::policy::{self, Reach};
use crate::markdown::{slugify, Ids};
use crate::render::marks::ATTRIBUTE as MARK_ATTRIBUTE;

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

const HEADINGS_WITHOUT_ID: &str =
    "h1:not([id]), h2:not([id]), h3:not([id]), h4:not([id]), h5:not([id]), h6:not([id])";
const CONTENT_HEADINGS: &str = ".prose h2[id], .prose h3[id], .prose h4[id]";

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

struct State<'a> {
    processed: Processed,
    /// The page being read, to point inside a tag at the part a finding is about.
    input: &'a str,
    url_path: &'a str,
    rules: &'a Rules<'a>,
    /// The fragment being read, and where its HTML started.
    open_region: Option<(usize, usize)>,
    /// Set by the SVG handler, so the general one leaves the element alone.
    handled_as_svg: bool,
    /// Links to the exit address: inside the quick exit (the button), and in all.
    exit_links: (usize, usize),
    /// The template mark of the element being inspected.
    mark: Option<usize>,
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
                let text = c.text();
                if let Some(mark) = text.strip_prefix(FRAGMENT) {
                    let at = c.source_location().bytes();
                    let mut state = state.borrow_mut();
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
                Ok(())
            },
        ))
        .append_element_content_handler(element!("svg, svg *", |el| {
            let mut state = state.borrow_mut();
            inspect(el, &mut state, true);
            state.handled_as_svg = true;
            Ok(())
        }))
        .append_element_content_handler(element!("*", |el| {
            let mut state = state.borrow_mut();
            if !std::mem::take(&mut state.handled_as_svg) {
                inspect(el, &mut state, false);
            }
            Ok(())
        }))
        // The button sits inside `[data-quick-exit]`; any other exit link is the skip link.
        .append_element_content_handler(element!(
            "[data-quick-exit] a[data-quick-exit-link]",
            |el| {
                let mut state = state.borrow_mut();
                if goes_to_exit(el, &state) {
                    state.exit_links.0 += 1;
                }
                Ok(())
            }
        ))
        .append_element_content_handler(element!("a[data-quick-exit-link]", |el| {
            let mut state = state.borrow_mut();
            if goes_to_exit(el, &state) {
                state.exit_links.1 += 1;
            }
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

/// Checks one element and its attributes against the allow-list.
fn inspect(el: &mut Element, state: &mut State<'_>, in_svg: bool) {
    let tag = el.tag_name();
    let at = el.source_location().bytes();
    let page = &mut *state;
    page.mark = el
        .get_attribute(MARK_ATTRIBUTE)
        .and_then(|m| m.parse().ok());
    el.remove_attribute(MARK_ATTRIBUTE);
    if tag == "img" && !el.has_attribute("alt") {
        let src = el.get_attribute("src").unwrap_or_default();
        page.find(at.clone(), format!("the image `{src}` has no alt text"), src, "describe the image in the brackets: ![what it shows](picture.png), or use empty alt text if it is only decoration");
    }
    let Some(allowed) = policy::allowed_attributes(&tag, in_svg) else {
        refuse_element(el, &tag, at, page);
        return;
    };
    let mut external_link = false;
    for attr in el.attributes() {
        let name = attr.name();
        let raw = attr.value();
        let value = address::decode(&raw);
        if name.starts_with("on") {
            page.find(at.clone(), format!("the `{name}` attribute on <{tag}> runs inline code, which the security policy blocks"), format!("{name}="), "remove it; behaviour belongs in a script file in templates/assets/");
            continue;
        }
        if name == "style" {
            page.find(
                at.clone(),
                format!("the `style` attribute on <{tag}> is blocked by the security policy"),
                "style=".into(),
                "use a class and put the rule in templates/assets/site.css",
            );
            continue;
        }
        if !allowed.contains(&name.as_str()) && !policy::is_global(&name) {
            page.find(at.clone(), format!("the `{name}` attribute is not allowed on <{tag}>"), format!("{name}="), "remove it: pages may use the attributes listed under \"What pages may contain\" in the README");
            continue;
        }
        if name == "id" {
            page.processed.ids.insert(value.to_string());
        }
        if in_svg && !policy::svg_value_is_local(&value) {
            page.find(at.clone(), format!("the `{name}` value on <{tag}> refers to a file (`url(...)`), which would be fetched"), "url(".into(), "refer only to parts of the same drawing, as url(#id)");
            continue;
        }
        let reach = policy::reach(&tag, &name);
        let reach = match (tag.as_str(), name.as_str()) {
            ("link", "href") => link_reach(el, &at, page),
            ("meta", "content") => {
                check_meta(el, &value, &at, page);
                None
            }
            ("img" | "source", "srcset") => {
                for url in address::srcset_urls(&value) {
                    page.address(&tag, &name, url, Reach::Fetch, &at);
                }
                None
            }
            _ => reach,
        };
        if let Some(reach) = reach {
            if let Address::External(_) = page.address(&tag, &name, &value, reach, &at) {
                external_link |= reach == Reach::Follow;
            }
        }
    }
    match tag.as_str() {
        "script" => check_script(el, &at, page),
        "meta" => check_meta_kind(el, &at, page),
        "html" => {
            page.processed.furniture.lang = el
                .get_attribute("lang")
                .is_some_and(|l| !l.trim().is_empty());
        }
        _ => {}
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

fn refuse_element(el: &Element, tag: &str, at: Range<usize>, page: &mut State<'_>) {
    let message = match tag {
        "script" => "<script> is not allowed here".to_string(),
        "style" => "inline <style> is not allowed: the security policy blocks it".into(),
        "iframe" | "frame" | "object" | "embed" => {
            format!("<{tag}> is not allowed: embedded content could load from elsewhere")
        }
        _ => format!("<{tag}> is not allowed in the site's pages"),
    };
    let needle = format!("<{}", el.tag_name_preserve_case());
    page.find(at, message, needle, policy::refusal_help(tag));
}

fn link_reach(el: &Element, at: &Range<usize>, page: &mut State<'_>) -> Option<Reach> {
    let rel = el.get_attribute("rel").unwrap_or_default();
    match policy::link_reach(&rel) {
        Some(reach) => Some(reach),
        None => {
            page.find(at.clone(), format!("<link rel=\"{rel}\"> is not allowed: it loads or connects to something the page does not show"), "<link".into(), "use rel=\"stylesheet\", \"icon\", \"modulepreload\", \"alternate\" or \"canonical\"");
            None
        }
    }
}

fn check_script(el: &Element, at: &Range<usize>, page: &mut State<'_>) {
    let kind = el.get_attribute("type").unwrap_or_default();
    if el.get_attribute("src").is_none() && !kind.contains("json") {
        page.find(
            at.clone(),
            "inline <script> is not allowed: the security policy blocks it".into(),
            "<script".into(),
            "move the code into a file in templates/assets/ and load it with <script src=...>",
        );
    }
    if let (Some(src), Some(expected)) = (el.get_attribute("src"), page.rules.exit_script) {
        if address::decode(&src) == expected {
            page.processed.furniture.exit_script = true;
        }
    }
}

fn check_meta_kind(el: &Element, at: &Range<usize>, page: &mut State<'_>) {
    if let Some(kind) = el.get_attribute("http-equiv") {
        if !policy::allowed_http_equiv(&kind) {
            page.find(at.clone(), format!("<meta http-equiv=\"{kind}\"> is not allowed"), "http-equiv".into(), "only the security policy, refresh to a page of the site and content-type may be set this way");
        }
    }
}

fn check_meta(el: &Element, content: &str, at: &Range<usize>, page: &mut State<'_>) {
    let kind = el
        .get_attribute("http-equiv")
        .unwrap_or_default()
        .to_ascii_lowercase();
    let name = el
        .get_attribute("name")
        .unwrap_or_default()
        .to_ascii_lowercase();
    if kind == "content-security-policy" && content == page.rules.policy {
        page.processed.furniture.policy = true;
    }
    if kind == "refresh" {
        if let Some(url) = address::refresh_url(content) {
            page.address("meta", "refresh", url, Reach::Submit, at);
        }
    }
    if name == "referrer" && content.trim() != "no-referrer" {
        page.find(at.clone(), format!("<meta name=\"referrer\" content=\"{content}\"> would tell other sites which page a visitor came from"), "referrer".into(), "remove it: every page already sends no referrer");
    }
}

impl State<'_> {
    /// Records a finding about the tag at `at`, pointing at `needle` inside it when the
    /// tag's source holds it (an attribute's name or value).
    fn find(&mut self, at: Range<usize>, message: String, needle: String, help: &str) {
        let tag = self.input.get(at.clone()).unwrap_or_default();
        let inside = tag
            .to_ascii_lowercase()
            .find(&needle.to_ascii_lowercase())
            .filter(|_| !needle.is_empty());
        let at = match inside {
            Some(i) => at.start + i..at.end,
            None => at,
        };
        self.processed.findings.push(Finding {
            at,
            message,
            needle,
            help: Some(help.to_string()),
            mark: self.mark,
        });
    }

    /// Checks one address against what the attribute may reach, recording internal ones.
    fn address(
        &mut self,
        tag: &str,
        name: &str,
        written: &str,
        reach: Reach,
        at: &Range<usize>,
    ) -> Address {
        let found = self.rules.reader.read(self.url_path, written);
        let problem = match (&found, reach) {
            (Address::Internal { path, .. }, Reach::Script) if !path.starts_with("/assets/") => Some((
                format!("<{tag}> runs `{written}`, but only the theme's scripts in /assets/ may run"),
                "scripts belong in templates/assets/; pages cannot add their own",
            )),
            (Address::Internal { path, fragment }, _) => {
                self.processed.links.push(Link {
                    path: path.clone(),
                    fragment: fragment.clone(),
                    written: written.to_string(),
                    at: at.clone(),
                    mark: self.mark,
                });
                None
            }
            (Address::External(_), Reach::Follow | Reach::Mention) => None,
            (Address::External(url), Reach::Submit) if tag == "meta" => Some((
                format!("this page would send visitors on to `{url}`, another site"),
                "link to the other site instead, so visitors choose to go",
            )),
            (Address::External(url), Reach::Submit) => Some((
                format!("<{tag}> sends to `{url}`, another site"),
                "forms may only send to the site itself",
            )),
            (Address::External(url), Reach::Fetch | Reach::Script) => Some((
                format!("<{tag}> loads `{url}` from another site, which would leak the visit"),
                "save the file in the site (content/ or templates/assets/) and use its path",
            )),
            (Address::Contact, Reach::Follow | Reach::Mention) => None,
            (Address::Scheme(scheme), _) => Some((
                format!("a `{scheme}:` address in <{tag} {name}> is not allowed"),
                "link to a page instead",
            )),
            (Address::Contact, _) | (Address::Invalid, _) => Some((
                format!("`{written}` in <{tag} {name}> is not an address the browser can use here"),
                "write a path on the site, such as /get-help/, or a full https:// address",
            )),
        };
        if let Some((message, help)) = problem {
            let needle = if matches!(found, Address::Scheme(ref s) if s == "javascript") {
                "javascript:".to_string()
            } else {
                written.to_string()
            };
            self.find(at.clone(), message, needle, help);
        }
        found
    }
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
