//! Checking internal links and `#anchors` against the final output.

use std::collections::{HashMap, HashSet};

/// What the built site contains: its files, and the ids in each page.
#[derive(Debug, Default)]
pub struct OutputIndex {
    /// Output paths without a leading `/`: `get-help/index.html`, `assets/site.1a2b.css`.
    pub files: HashSet<String>,
    /// Ids by page URL path (`/get-help/`).
    pub ids: HashMap<String, HashSet<String>>,
}

/// Why a link does not resolve.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Broken {
    NoPage(String),
    NoAnchor { page: String, anchor: String },
}

impl std::fmt::Display for Broken {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Broken::NoPage(path) => {
                write!(f, "the link `{path}` goes to a page that does not exist")
            }
            Broken::NoAnchor { page, anchor } => {
                write!(f, "the link goes to `#{anchor}`, but {page} has no heading or element with that id")
            }
        }
    }
}

/// Checks links from one page against the index.
pub struct LinkChecker<'a> {
    pub index: &'a OutputIndex,
}

impl LinkChecker<'_> {
    /// Checks `href`, written in the page at URL path `from`.
    pub fn check(&self, from: &str, href: &str) -> Result<(), Broken> {
        let href = href.split('?').next().unwrap_or(href);
        let (path, anchor) = match href.split_once('#') {
            Some((p, a)) => (p, Some(a)),
            None => (href, None),
        };
        let target = if path.is_empty() {
            from.to_string()
        } else {
            join(from, path)
        };
        let page = self
            .page_for(&target)
            .ok_or_else(|| Broken::NoPage(path.to_string()))?;
        if let Some(anchor) = anchor.filter(|a| !a.is_empty() && *a != "top") {
            let anchor = percent_decode(anchor);
            let known = self
                .index
                .ids
                .get(&page)
                .is_some_and(|ids| ids.contains(&anchor));
            if !known {
                return Err(Broken::NoAnchor { page, anchor });
            }
        }
        Ok(())
    }

    /// The page URL a path lands on, if it exists.
    fn page_for(&self, target: &str) -> Option<String> {
        let file = target.trim_start_matches('/');
        let candidates = [
            (file.to_string(), target.to_string()),
            (
                format!("{}index.html", ensure_slash(file)),
                ensure_slash(target),
            ),
        ];
        candidates
            .into_iter()
            .find(|(f, _)| self.index.files.contains(f.trim_start_matches('/')))
            .map(|(_, url)| {
                if url.ends_with(".html") && !url.ends_with("/index.html") {
                    url
                } else {
                    url.trim_end_matches("index.html").to_string()
                }
            })
    }
}

fn ensure_slash(path: &str) -> String {
    if path.is_empty() || path.ends_with('/') {
        path.to_string()
    } else {
        format!("{path}/")
    }
}

/// Resolves `path` against the page URL `from`, as a browser would.
fn join(from: &str, path: &str) -> String {
    let mut parts: Vec<&str> = if path.starts_with('/') {
        Vec::new()
    } else {
        from.split('/').filter(|p| !p.is_empty()).collect()
    };
    if !path.starts_with('/') && !from.ends_with('/') {
        parts.pop();
    }
    for part in path.split('/') {
        match part {
            "" | "." => {}
            ".." => {
                parts.pop();
            }
            p => parts.push(p),
        }
    }
    let mut url = format!("/{}", parts.join("/"));
    if path.ends_with('/') && url != "/" {
        url.push('/');
    }
    url
}

fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' && i + 2 < bytes.len() {
            if let Ok(b) = u8::from_str_radix(&text[i + 1..i + 3], 16) {
                out.push(b);
                i += 3;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn index() -> OutputIndex {
        let mut index = OutputIndex::default();
        for f in [
            "index.html",
            "get-help/index.html",
            "get-help/reporting/index.html",
            "404.html",
            "assets/site.css",
        ] {
            index.files.insert(f.into());
        }
        index.ids.insert(
            "/get-help/reporting/".into(),
            ["what-happens-next".to_string()].into(),
        );
        index
    }

    #[test]
    fn resolves_pages_files_and_anchors() {
        let index = index();
        let checker = LinkChecker { index: &index };
        assert_eq!(checker.check("/", "/get-help/"), Ok(()));
        assert_eq!(checker.check("/", "/get-help"), Ok(()));
        assert_eq!(
            checker.check("/get-help/", "reporting/#what-happens-next"),
            Ok(())
        );
        assert_eq!(checker.check("/get-help/reporting/", "../"), Ok(()));
        assert_eq!(checker.check("/", "/assets/site.css"), Ok(()));
        assert_eq!(
            checker.check("/", "/nope/"),
            Err(Broken::NoPage("/nope/".into()))
        );
        assert!(matches!(
            checker.check("/get-help/reporting/", "#nope"),
            Err(Broken::NoAnchor { .. })
        ));
    }
}
