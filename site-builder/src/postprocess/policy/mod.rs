//! What a page may contain: an allow-list of elements and attributes, and for every
//! attribute that holds an address, where it may point.
//!
//! The lists are drawn the way sanitizers such as ammonia draw theirs: plain content
//! elements, tables, forms and simple SVG drawings are allowed; anything that runs code,
//! embeds another document or loads from elsewhere is not. Unlike a sanitizer, nothing is
//! removed quietly: every element or attribute outside the lists is a problem the editor
//! sees, so what is published is what they wrote.

mod lists;

use lists::{GLOBAL, HTML, SVG, SVG_ATTRIBUTES};

/// What an address in an attribute may point to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reach {
    /// A link the visitor follows: the site, other web pages, or mailto:/tel:/sms:.
    Follow,
    /// Something the browser fetches as the page loads: only the site itself.
    Fetch,
    /// A script: only the theme's own files under `/assets/`.
    Script,
    /// Where a form goes: only the site itself.
    Submit,
    /// An address that is only read, never fetched (`cite`, `<link rel=canonical>`).
    Mention,
}

/// Why an element is refused, for the editor's help line.
pub fn refusal_help(tag: &str) -> &'static str {
    match tag {
        "script" => "move the code into a file in templates/assets/ and load it with <script src=...>",
        "style" => "put the rules in templates/assets/site.css",
        "iframe" | "frame" | "frameset" | "object" | "embed" | "applet" | "portal"
        | "fencedframe" => "link to the page or file instead, so it opens only if the visitor chooses",
        "base" => "a <base> would change where every link on the page goes: write each address in full instead",
        "video" | "audio" | "track" => "media cannot play under the site's security policy: link to the file instead",
        "noscript" | "template" => "show the text in a plain element and let the script hide it, as templates/selfcheck.html does",
        "math" => "write the formula as text or as an image with alt text",
        "animate" | "animatemotion" | "animatetransform" | "set" | "foreignobject" | "discard" => {
            "SVG animation and foreign content can change addresses after the checks: use a still drawing"
        }
        _ => "pages may use plain HTML elements (headings, paragraphs, lists, links, tables, images, forms) and simple SVG drawings: see \"What pages may contain\" in the README",
    }
}

/// The attributes `tag` may have besides the global ones, or `None` if `tag` is not
/// allowed. `in_svg` says whether the element sits inside an `<svg>`.
pub fn allowed_attributes(tag: &str, in_svg: bool) -> Option<&'static [&'static str]> {
    if in_svg || tag == "svg" {
        if tag == "a" {
            return Some(&["href", "xlink:href", "target", "rel"]);
        }
        return SVG.contains(&tag).then_some(SVG_ATTRIBUTES);
    }
    HTML.iter()
        .find(|(name, _)| *name == tag)
        .map(|(_, attrs)| *attrs)
}

/// Whether `name` may be on any element.
pub fn is_global(name: &str) -> bool {
    GLOBAL.contains(&name) || name.starts_with("aria-") || is_data(name)
}

fn is_data(name: &str) -> bool {
    name.strip_prefix("data-")
        .is_some_and(|rest| !rest.is_empty())
}

/// Where the address in attribute `name` of `tag` may point, if it holds one.
pub fn reach(tag: &str, name: &str) -> Option<Reach> {
    Some(match (tag, name) {
        ("a" | "area", "href" | "xlink:href") => Reach::Follow,
        ("img" | "source", "src" | "srcset") => Reach::Fetch,
        ("image" | "use" | "textpath", "href" | "xlink:href") => Reach::Fetch,
        ("script", "src") => Reach::Script,
        ("form", "action") | (_, "formaction") => Reach::Submit,
        ("blockquote" | "q" | "ins" | "del", "cite") => Reach::Mention,
        // The self-check and search pages name their engine modules, and the search page
        // its index, here; their scripts import them.
        (_, "data-engine" | "data-index") => Reach::Script,
        _ => return None,
    })
}

/// `<link rel=...>` values: what their address may point to, or `None` when refused.
pub fn link_reach(rel: &str) -> Option<Reach> {
    let mut reach = Reach::Mention;
    for token in rel.split_ascii_whitespace() {
        let token = token.to_ascii_lowercase();
        let this =
            match token.as_str() {
                "canonical" | "alternate" | "author" | "license" | "me" | "next" | "prev"
                | "help" => Reach::Mention,
                "stylesheet" | "icon" | "apple-touch-icon" | "mask-icon" | "manifest"
                | "preload" => Reach::Fetch,
                "modulepreload" => Reach::Script,
                // Prefetching and connecting ahead leak the visit, and anything else is unknown.
                _ => return None,
            };
        if this != Reach::Mention {
            reach = this;
        }
    }
    Some(reach)
}

/// The `http-equiv` values a `<meta>` may have.
pub fn allowed_http_equiv(value: &str) -> bool {
    ["content-security-policy", "refresh", "content-type"]
        .iter()
        .any(|v| value.eq_ignore_ascii_case(v))
}

/// Whether a `url(...)` reference in an SVG value is to a part of the same drawing.
/// Anything else would fetch, and presentation attributes are not checked as addresses.
pub fn svg_value_is_local(value: &str) -> bool {
    let lower = value.to_ascii_lowercase();
    let mut rest = lower.as_str();
    while let Some(at) = rest.find("url(") {
        let inner = rest[at + 4..]
            .trim_start_matches(|c: char| c.is_ascii_whitespace() || c == '"' || c == '\'');
        if !inner.starts_with('#') {
            return false;
        }
        rest = &rest[at + 4..];
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_lists_know_their_elements() {
        assert!(allowed_attributes("p", false).is_some());
        assert!(allowed_attributes("marquee", false).is_none());
        assert!(allowed_attributes("iframe", false).is_none());
        assert!(allowed_attributes("animate", true).is_none());
        assert!(allowed_attributes("path", true).unwrap().contains(&"d"));
        assert!(!allowed_attributes("a", false).unwrap().contains(&"ping"));
        assert!(is_global("aria-label") && is_global("data-x") && !is_global("data-"));
        assert!(!is_global("style") && !is_global("onclick"));
    }

    #[test]
    fn link_relations_say_what_they_load() {
        assert_eq!(link_reach("stylesheet"), Some(Reach::Fetch));
        assert_eq!(link_reach("alternate"), Some(Reach::Mention));
        assert_eq!(link_reach("Alternate Stylesheet"), Some(Reach::Fetch));
        assert_eq!(link_reach("modulepreload"), Some(Reach::Script));
        assert_eq!(link_reach("dns-prefetch"), None);
        assert_eq!(link_reach("preconnect"), None);
        assert_eq!(link_reach("import"), None);
    }

    #[test]
    fn svg_references_must_stay_in_the_drawing() {
        assert!(svg_value_is_local("url(#gradient)"));
        assert!(svg_value_is_local("red"));
        assert!(svg_value_is_local("URL( '#a' ) url(#b)"));
        assert!(!svg_value_is_local("url(https://evil.example/x.svg#g)"));
        assert!(!svg_value_is_local("url(#a) url(/b.svg#c)"));
    }
}
