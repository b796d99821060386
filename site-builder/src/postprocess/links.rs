//! Checking links and references to the site's own files and `#anchors` against the
//! final output. Addresses arrive already resolved by the URL parser (see `address`), as
//! percent-encoded paths; they are decoded here to match file names.

use std::collections::HashSet;

use percent_encoding::percent_decode_str;

use super::rewrite::Link;

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

/// Checks links against the files the site will hold.
pub struct LinkChecker<'a> {
    /// Output paths without a leading `/`: `get-help/index.html`, `assets/site.1a2b.css`.
    pub files: &'a HashSet<String>,
}

/// Where a link leads: a page or file of the site, and the anchor it asks for there.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Target {
    /// The page's URL path (`/get-help/`), or the file's (`/assets/site.css`).
    pub page: String,
    /// Decoded; `None` when the link asks for none (or for `#top`).
    pub anchor: Option<String>,
}

impl LinkChecker<'_> {
    /// Where `link` leads, or why it leads nowhere. Its anchor is checked by
    /// [`Target::check`] once the ids of the page it leads to are known.
    pub fn target(&self, link: &Link) -> Result<Target, Broken> {
        let path = link.path.split('?').next().unwrap_or_default();
        let decoded = decode(path);
        let page = self
            .page_for(&decoded)
            .ok_or_else(|| Broken::NoPage(link.written.clone()))?;
        let anchor = (link.fragment.as_deref())
            .filter(|a| !a.is_empty() && *a != "top")
            .map(decode);
        Ok(Target { page, anchor })
    }

    /// The page URL a decoded path lands on, if it exists.
    fn page_for(&self, target: &str) -> Option<String> {
        let file = target.trim_start_matches('/');
        if self.files.contains(file) {
            return Some(match file.strip_suffix("index.html") {
                Some(dir) if dir.is_empty() || dir.ends_with('/') => format!("/{dir}"),
                _ => target.to_string(),
            });
        }
        let folder = if file.is_empty() || file.ends_with('/') {
            file.to_string()
        } else {
            format!("{file}/")
        };
        self.files
            .contains(&format!("{folder}index.html"))
            .then(|| format!("/{folder}"))
    }
}

impl Target {
    /// Whether the anchor is on the page, given the page's ids. A page with no ids
    /// (`None`) was not made (its own problem is reported), so its anchors cannot be
    /// judged.
    pub fn check(&self, ids: Option<&HashSet<String>>) -> Result<(), Broken> {
        match (&self.anchor, ids) {
            (Some(anchor), Some(ids)) if !ids.contains(anchor) => Err(Broken::NoAnchor {
                page: self.page.clone(),
                anchor: anchor.clone(),
            }),
            _ => Ok(()),
        }
    }
}

/// `%XX` escapes decoded, as a server maps a path to a file; bytes that are not UTF-8 stay
/// replaced rather than failing.
fn decode(text: &str) -> String {
    percent_decode_str(text).decode_utf8_lossy().into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    use std::collections::HashMap;

    struct Index {
        files: HashSet<String>,
        ids: HashMap<String, HashSet<String>>,
    }

    impl Index {
        fn check(&self, link: &Link) -> Result<(), Broken> {
            let checker = LinkChecker { files: &self.files };
            let target = checker.target(link)?;
            target.check(self.ids.get(&target.page))
        }
    }

    fn index() -> Index {
        let mut index = Index {
            files: HashSet::new(),
            ids: HashMap::new(),
        };
        for f in [
            "index.html",
            "get-help/index.html",
            "get-help/reporting/index.html",
            "my page/index.html",
            "404.html",
            "assets/site.css",
        ] {
            index.files.insert(f.into());
        }
        index.ids.insert(
            "/get-help/reporting/".into(),
            ["what-happens-next".to_string(), "é".to_string()].into(),
        );
        index
    }

    fn link(path: &str, fragment: Option<&str>) -> Link {
        Link {
            path: path.into(),
            fragment: fragment.map(str::to_string),
            written: path.into(),
            at: 0..0,
            mark: None,
        }
    }

    #[test]
    fn resolves_pages_files_and_anchors() {
        let checker = index();
        assert_eq!(checker.check(&link("/get-help/", None)), Ok(()));
        assert_eq!(checker.check(&link("/get-help", None)), Ok(()));
        assert_eq!(checker.check(&link("/", None)), Ok(()));
        assert_eq!(checker.check(&link("/index.html", None)), Ok(()));
        assert_eq!(
            checker.check(&link("/get-help/reporting/", Some("what-happens-next"))),
            Ok(())
        );
        assert_eq!(
            checker.check(&link("/get-help/reporting/", Some("%C3%A9"))),
            Ok(())
        );
        assert_eq!(checker.check(&link("/assets/site.css", None)), Ok(()));
        assert_eq!(checker.check(&link("/my%20page/", None)), Ok(()));
        assert_eq!(
            checker.check(&link("/nope/", None)),
            Err(Broken::NoPage("/nope/".into()))
        );
        assert!(matches!(
            checker.check(&link("/get-help/reporting/", Some("nope"))),
            Err(Broken::NoAnchor { .. })
        ));
    }

    #[test]
    fn broken_escapes_never_panic() {
        let checker = index();
        for fragment in ["%", "%é", "%zz", "%C3", "%%%", "%e9"] {
            let _ = checker.check(&link("/get-help/reporting/", Some(fragment)));
        }
    }
}
