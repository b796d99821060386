//! Checking one element against the allow-list: its tag, each attribute, every address
//! it holds (read as a browser reads it), and what `<script>`, `<meta>` and `<link>` may do.

use std::ops::Range;

use lol_html::html_content::Element;

use super::address::{self, Address};
use super::policy::{self, Reach};
use super::rewrite::{Finding, Link, State};
use crate::render::marks::ATTRIBUTE as MARK_ATTRIBUTE;

/// Checks one element and its attributes against the allow-list.
pub(super) fn inspect(el: &mut Element, state: &mut State<'_>, in_svg: bool) {
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
    let element = Tag {
        tag: &tag,
        at: &at,
        in_svg,
        allowed,
    };
    let mut external_link = false;
    for attr in el.attributes() {
        external_link |= element.attribute(el, &attr.name(), &attr.value(), page);
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
        add_rel(el);
    }
}

/// The element whose attributes are being checked.
struct Tag<'a> {
    tag: &'a str,
    at: &'a Range<usize>,
    in_svg: bool,
    allowed: &'static [&'static str],
}

impl Tag<'_> {
    /// Checks one attribute; true when it is a link the visitor can follow to another site.
    fn attribute(&self, el: &Element, name: &str, raw: &str, page: &mut State<'_>) -> bool {
        let (tag, at) = (self.tag, self.at);
        let value = address::decode(raw);
        if name.starts_with("on") {
            page.find(at.clone(), format!("the `{name}` attribute on <{tag}> runs inline code, which the security policy blocks"), format!("{name}="), "remove it; behaviour belongs in a script file in templates/assets/");
            return false;
        }
        if name == "style" {
            let message =
                format!("the `style` attribute on <{tag}> is blocked by the security policy");
            page.find(
                at.clone(),
                message,
                "style=".into(),
                "use a class and put the rule in templates/assets/site.css",
            );
            return false;
        }
        if !self.allowed.contains(&name) && !policy::is_global(name) {
            page.find(at.clone(), format!("the `{name}` attribute is not allowed on <{tag}>"), format!("{name}="), "remove it: pages may use the attributes listed under \"What pages may contain\" in the README");
            return false;
        }
        if name == "id" {
            page.processed.ids.insert(value.to_string());
        }
        if self.in_svg && !policy::svg_value_is_local(&value) {
            page.find(at.clone(), format!("the `{name}` value on <{tag}> refers to a file (`url(...)`), which would be fetched"), "url(".into(), "refer only to parts of the same drawing, as url(#id)");
            return false;
        }
        let reach = match (tag, name) {
            ("link", "href") => link_reach(el, at, page),
            ("meta", "content") => {
                check_meta(el, &value, at, page);
                None
            }
            ("img" | "source", "srcset") => {
                for url in address::srcset_urls(&value) {
                    page.address(tag, name, url, Reach::Fetch, at);
                }
                None
            }
            _ => policy::reach(tag, name),
        };
        let Some(reach) = reach else {
            return false;
        };
        let found = page.address(tag, name, &value, reach, at);
        matches!(found, Address::External(_)) && reach == Reach::Follow
    }
}

/// Links to other sites open nothing of this one: `rel="noopener noreferrer"`.
fn add_rel(el: &mut Element) {
    let rel = el.get_attribute("rel").unwrap_or_default();
    let mut tokens: Vec<&str> = rel.split_whitespace().collect();
    for needed in ["noopener", "noreferrer"] {
        if !tokens.contains(&needed) {
            tokens.push(needed);
        }
    }
    let _ = el.set_attribute("rel", &tokens.join(" "));
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
