//! Reading an address out of an attribute the way a browser does.
//!
//! Character references are decoded first (`&#106;avascript:` is `javascript:`), then the
//! WHATWG URL parser of the `url` crate resolves the text against the page. That parser is
//! what browsers run: it drops tabs and newlines anywhere, strips control characters and
//! spaces at the ends, reads `\` as `/` in web addresses, and resolves protocol-relative
//! (`//host`) and scheme-relative (`https:host`) forms. Checks on the raw text are what let
//! `java&Tab;script:` and `/\evil.example/x.png` through before.

use std::borrow::Cow;

use url::Url;

/// Where an address leads.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Address {
    /// A place on the site itself: its path (percent-encoded, with any query) and fragment.
    Internal {
        path: String,
        fragment: Option<String>,
    },
    /// A web page on another site.
    External(Url),
    /// `mailto:`, `tel:` or `sms:`: the visitor's own apps, nothing is fetched.
    Contact,
    /// Any other scheme, lowercased: `javascript`, `data`, `file`, `blob`...
    Scheme(String),
    /// Text no browser can read as an address.
    Invalid,
}

/// Reads addresses relative to the site's own origin.
#[derive(Debug, Clone)]
pub struct Reader {
    origin: Url,
}

impl Reader {
    /// `base_url` is the site's address from site.yaml; `None` if it is not a web address.
    pub fn new(base_url: &str) -> Option<Reader> {
        let mut origin = Url::parse(base_url).ok()?;
        if !matches!(origin.scheme(), "http" | "https") || origin.host().is_none() {
            return None;
        }
        origin.set_path("/");
        origin.set_query(None);
        origin.set_fragment(None);
        Some(Reader { origin })
    }

    /// Reads `raw`, an attribute value as written in the HTML, on the page at `page_path`.
    pub fn read(&self, page_path: &str, raw: &str) -> Address {
        let text = decode(raw);
        if let Some(plain) = plain(page_path, &text) {
            return plain;
        }
        self.parse(page_path, &text)
    }

    /// Reads `text` with the URL parser, resolved against the page.
    fn parse(&self, page_path: &str, text: &str) -> Address {
        let page = self
            .origin
            .join(page_path)
            .unwrap_or_else(|_| self.origin.clone());
        match page.join(text) {
            Ok(url) => self.classify(url),
            Err(_) => Address::Invalid,
        }
    }

    fn classify(&self, url: Url) -> Address {
        match url.scheme() {
            "http" | "https" if self.same_site(&url) => {
                let mut path = url.path().to_string();
                if let Some(query) = url.query() {
                    path.push('?');
                    path.push_str(query);
                }
                Address::Internal {
                    path,
                    fragment: url.fragment().map(str::to_string),
                }
            }
            "http" | "https" => Address::External(url),
            "mailto" | "tel" | "sms" => Address::Contact,
            other => Address::Scheme(other.to_string()),
        }
    }

    /// The same host and port (`port()` is `None` for a scheme's default port), so the
    /// site's `http://` and `https://` addresses are both the site.
    fn same_site(&self, url: &Url) -> bool {
        url.host() == self.origin.host() && url.port() == self.origin.port()
    }
}

/// Most addresses on a page are plain paths on the site (`/get-help/`), or anchors
/// (`#part-1`): letters, digits, `-_.~` and `/` only, with no `.` or `..` segment. The
/// URL parser gives those back as they are, so they are read without it.
fn plain(page_path: &str, text: &str) -> Option<Address> {
    let (path, fragment) = match text.split_once('#') {
        Some((path, fragment)) => (path, Some(fragment)),
        None => (text, None),
    };
    let safe = |s: &str| {
        (s.bytes())
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~' | b'/'))
    };
    let plain_path = |p: &str| {
        p.starts_with('/')
            && !p.starts_with("//")
            && safe(p)
            && p.split('/')
                .all(|segment| segment != "." && segment != "..")
    };
    let path = if path.is_empty() { page_path } else { path };
    (plain_path(path) && fragment.is_none_or(safe)).then(|| Address::Internal {
        path: path.to_string(),
        fragment: fragment.map(str::to_string),
    })
}

/// An attribute value with its character references decoded, as the HTML parser does.
pub fn decode(raw: &str) -> Cow<'_, str> {
    if raw.contains('&') {
        htmlize::unescape_attribute(raw)
    } else {
        Cow::Borrowed(raw)
    }
}

/// The addresses in a `srcset` (or `imagesrcset`): each candidate's URL, in order.
///
/// After the HTML standard's parsing: candidates are separated by commas; a URL runs to the
/// next space, losing trailing commas; descriptors run to the next comma outside brackets.
pub fn srcset_urls(text: &str) -> Vec<&str> {
    let mut urls = Vec::new();
    let mut rest = text;
    loop {
        rest = rest.trim_start_matches(|c: char| c.is_ascii_whitespace() || c == ',');
        if rest.is_empty() {
            return urls;
        }
        let end = rest
            .find(|c: char| c.is_ascii_whitespace())
            .unwrap_or(rest.len());
        let (url, after) = rest.split_at(end);
        let trimmed = url.trim_end_matches(',');
        urls.push(trimmed);
        if trimmed.len() < url.len() {
            rest = after;
            continue;
        }
        // Skip the descriptors up to the next comma that is not inside brackets.
        let mut depth = 0usize;
        let mut cut = after.len();
        for (i, c) in after.char_indices() {
            match c {
                '(' => depth += 1,
                ')' => depth = depth.saturating_sub(1),
                ',' if depth == 0 => {
                    cut = i + 1;
                    break;
                }
                _ => {}
            }
        }
        rest = &after[cut..];
    }
}

/// The address in a `<meta http-equiv="refresh">` content, such as `0; url=/help/`.
pub fn refresh_url(content: &str) -> Option<&str> {
    let rest = content.trim_start_matches(|c: char| c.is_ascii_whitespace());
    let rest = rest.trim_start_matches(|c: char| c.is_ascii_digit() || c == '.');
    let rest = rest.trim_start_matches(|c: char| c.is_ascii_whitespace());
    let rest = rest.strip_prefix([';', ','])?;
    let rest = rest.trim_start_matches(|c: char| c.is_ascii_whitespace());
    let rest = match rest.get(..4) {
        Some(prefix) if prefix.eq_ignore_ascii_case("url=") => &rest[4..],
        _ => rest,
    };
    let rest = rest.trim_start_matches(|c: char| c.is_ascii_whitespace());
    let url = match rest.chars().next() {
        Some(quote @ ('"' | '\'')) => {
            let inner = &rest[1..];
            &inner[..inner.find(quote).unwrap_or(inner.len())]
        }
        _ => rest.trim_end(),
    };
    (!url.is_empty()).then_some(url)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(raw: &str) -> Address {
        Reader::new("https://site.example.org")
            .unwrap()
            .read("/help/page/", raw)
    }

    #[test]
    fn plain_addresses_are_read_as_the_url_parser_reads_them() {
        let reader = Reader::new("https://site.example.org").unwrap();
        for page in ["/help/page/", "/", "/a b/", "/caf\u{e9}/"] {
            for raw in [
                "/get-help/",
                "/get-help",
                "/",
                "#part-1",
                "#",
                "/a/#x.y~z",
                "/a/b/#",
                "/a/./b",
                "/a/../b",
                "/.",
                "/..",
                "//host/x",
                "/a//b",
                "/a%20b",
                "/a b",
                "#a b",
                "#\u{e9}",
                "/\u{e9}",
                "?q=1",
                "/a?q",
                "x/y",
                "",
                "/a\\b",
                "/a\tb",
                " /a",
                "/a ",
                "/.../",
                "/a/.x/",
                "#/x",
                "/#..",
            ] {
                assert_eq!(
                    reader.read(page, raw),
                    reader.parse(page, raw),
                    "{raw:?} on {page:?}"
                );
            }
        }
    }

    fn scheme(raw: &str) -> Option<String> {
        match read(raw) {
            Address::Scheme(s) => Some(s),
            _ => None,
        }
    }

    fn internal(address: Address) -> bool {
        matches!(address, Address::Internal { .. })
    }

    fn external(raw: &str) -> bool {
        matches!(read(raw), Address::External(_))
    }

    #[test]
    fn script_addresses_are_seen_through_their_disguises() {
        for raw in [
            "javascript:alert(1)",
            " JavaScript:alert(1)",
            "&#106;avascript:alert(1)",
            "&#x6A;&#x61;vascript:alert(1)",
            "&#0000106;avascript:x",
            "java&Tab;script:alert(1)",
            "java\tscript:alert(1)",
            "java\nscript:alert(1)",
            "\u{1}javascript:alert(1)",
            "\u{a0}javascript:x",
            "jav&#x0A;ascript:x",
        ] {
            let found = scheme(raw);
            // A no-break space is not stripped by browsers: it makes a relative path.
            if raw.starts_with('\u{a0}') {
                assert!(internal(read(raw)), "{raw:?}: {:?}", read(raw));
            } else {
                assert_eq!(found.as_deref(), Some("javascript"), "{raw:?}");
            }
        }
        assert_eq!(scheme("data:text/html,x").as_deref(), Some("data"));
        assert_eq!(scheme("vbscript:x").as_deref(), Some("vbscript"));
    }

    #[test]
    fn other_hosts_are_seen_whatever_the_spelling() {
        for raw in [
            "https://evil.example/x.png",
            "HTTPS://EVIL.example/",
            "//evil.example/x.png",
            "/\\evil.example/x.png",
            "\\\\evil.example/x.png",
            "https&#58;//evil.example/",
            "&#47;/evil.example/x",
            "/\t/evil.example/x",
            "\u{1}//evil.example/x",
            "http://evil.example",
        ] {
            assert!(external(raw), "{raw:?}: {:?}", read(raw));
        }
        // Scheme-relative with the site's own scheme stays on the site, as in browsers.
        assert!(internal(read("https:evil.example")));
    }

    #[test]
    fn own_addresses_are_internal_with_their_path_and_fragment() {
        assert_eq!(
            read("../other/#top"),
            Address::Internal {
                path: "/help/other/".into(),
                fragment: Some("top".into())
            }
        );
        assert_eq!(
            read("#what-next"),
            Address::Internal {
                path: "/help/page/".into(),
                fragment: Some("what-next".into())
            }
        );
        assert!(internal(read("https://SITE.example.org/x/")));
        assert!(internal(read("http://site.example.org/x/")));
        assert!(!internal(read("https://site.example.org:8443/x/")));
        assert_eq!(read("mailto:help@example.org"), Address::Contact);
        assert_eq!(read("tel:999"), Address::Contact);
        assert_eq!(read("https://[::1"), Address::Invalid);
    }

    #[test]
    fn every_srcset_candidate_is_read() {
        assert_eq!(
            srcset_urls("/a.png 1x, https://evil/x.png 2x"),
            ["/a.png", "https://evil/x.png"]
        );
        // As in browsers, a comma inside a URL does not end it; only trailing ones do.
        assert_eq!(
            srcset_urls("a.png,b.png 2x,,c.png"),
            ["a.png,b.png", "c.png"]
        );
        assert_eq!(srcset_urls("a.png, b.png,"), ["a.png", "b.png"]);
        assert_eq!(
            srcset_urls(" /a.png (max-width: 1,000px) 100w , //evil/x.png"),
            ["/a.png", "//evil/x.png"]
        );
        assert!(srcset_urls(" , ").is_empty());
    }

    #[test]
    fn refresh_addresses_are_found() {
        assert_eq!(
            refresh_url("0;url=https://evil.example"),
            Some("https://evil.example")
        );
        assert_eq!(refresh_url("5; URL='/help/'"), Some("/help/"));
        assert_eq!(refresh_url("0, /x/"), Some("/x/"));
        assert_eq!(refresh_url("30"), None);
    }
}
