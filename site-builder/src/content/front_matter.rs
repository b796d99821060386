//! Front matter: the YAML block between `---` lines at the top of a Markdown file.

use std::path::Path;
use std::sync::Arc;

use serde::{Deserialize, Serialize};

use crate::date::Date;
use crate::diagnostic::Diagnostic;
use crate::yaml::{self, Origin, Positions};

/// The fields an editor may set on a page or section.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct FrontMatter {
    pub title: String,
    #[serde(default)]
    pub description: Option<String>,
    #[serde(default)]
    pub date: Option<Date>,
    #[serde(default)]
    pub updated: Option<Date>,
    #[serde(default)]
    pub weight: Option<i64>,
    #[serde(default)]
    pub draft: bool,
    #[serde(default)]
    pub publish_date: Option<Date>,
    #[serde(default)]
    pub expiry_date: Option<Date>,
    /// Where visitors and links go once the page has expired: an `@/page.md` link. Its
    /// section when unset.
    #[serde(default)]
    pub expired_redirect: Option<String>,
    #[serde(default)]
    pub template: Option<String>,
    #[serde(default)]
    pub slug: Option<String>,
    #[serde(default)]
    pub menu: Option<MenuEntry>,
    /// `false` leaves the page out of the site's search and its A to Z.
    #[serde(default)]
    pub search: Option<bool>,
    #[serde(default)]
    pub extra: serde_yaml::Mapping,
    /// On a translation: `needs-review` until a fluent speaker has checked it.
    #[serde(default)]
    pub translation: Option<crate::content::translation::Review>,
}

/// A place for the page in the site's main menu.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct MenuEntry {
    /// The menu label; the page title when left out.
    #[serde(default)]
    pub name: Option<String>,
    #[serde(default)]
    pub weight: i64,
    /// The `name` of the menu entry this one sits under.
    #[serde(default)]
    pub parent: Option<String>,
}

/// A Markdown file split into its parsed front matter and its body.
#[derive(Debug, Clone)]
pub struct Split {
    pub front: FrontMatter,
    /// Shared with the documents placed from it, on every day a build looks at.
    pub body: Arc<str>,
    /// The 1-based line the body starts on, so Markdown problems can name their line.
    pub body_line: usize,
    /// The front matter's YAML, to place problems found in a field after parsing.
    pub yaml: String,
    pub fingerprints: Fingerprints,
}

/// What a page made from a file depends on, of the file: all of it; and what the lists
/// and breadcrumbs of other pages show of it: its front matter.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Fingerprints {
    pub file: blake3::Hash,
    pub front: blake3::Hash,
}

impl Split {
    /// The line and column of front-matter field `key`'s value (its key's line if unset).
    /// Positions are only worked out when a problem needs one.
    pub fn place_of(&self, key: &str) -> (usize, usize) {
        let place = Positions::of(&self.yaml, Origin { line: 2 }).nearest(key);
        (place.line, place.col)
    }
}

/// Splits and parses a Markdown file. `path` is how the file is named in problems.
pub fn split(text: &str, path: &Path) -> Result<Split, Diagnostic> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let opening = text.lines().next().map(str::trim_end);
    if opening != Some("---") {
        return Err(
            Diagnostic::file(path, "the file does not start with front matter").with_help(
                "start the file with a line `---`, then `title: ...`, then another `---` line",
            ),
        );
    }
    let after_open = text.find('\n').map_or(text.len(), |i| i + 1);
    let mut offset = after_open;
    for (line, raw) in (2..).zip(text[after_open..].split_inclusive('\n')) {
        if raw.trim_end() == "---" {
            let yaml_text = &text[after_open..offset];
            let front = parse_front(yaml_text, path)?;
            return Ok(Split {
                front,
                body: Arc::from(&text[offset + raw.len()..]),
                body_line: line + 1,
                yaml: yaml_text.to_string(),
                fingerprints: Fingerprints {
                    file: blake3::hash(text.as_bytes()),
                    front: blake3::hash(yaml_text.as_bytes()),
                },
            });
        }
        offset += raw.len();
    }
    Err(Diagnostic::file(path, "the front matter is never closed")
        .with_help("add a line `---` after the last front matter field"))
}

fn parse_front(yaml_text: &str, path: &Path) -> Result<FrontMatter, Diagnostic> {
    if yaml_text.trim().is_empty() {
        return Err(
            Diagnostic::new(path, 2, 1, "the front matter is empty: a title is required")
                .with_help(
                    "add a line such as `title: Reporting stalking` between the `---` lines",
                ),
        );
    }
    let front: FrontMatter = yaml::parse(yaml_text, path, Origin { line: 2 })?;
    if front.title.trim().is_empty() {
        return Err(Diagnostic::new(path, 2, 1, "the title is empty")
            .with_help("give the page a title that says what it is about"));
    }
    Ok(front)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_body_and_counts_lines() {
        let s = split("---\ntitle: Hi\n---\n# Body\n", Path::new("a.md")).unwrap();
        assert_eq!(s.front.title, "Hi");
        assert_eq!(&*s.body, "# Body\n");
        assert_eq!(s.body_line, 4);
    }

    #[test]
    fn bad_date_names_its_line() {
        let err = split("---\ntitle: Hi\ndate: 2027-13-01\n---\n", Path::new("a.md")).unwrap_err();
        assert_eq!((err.line, err.col), (3, 7));
        assert!(err.message.contains("not a real day"), "{}", err.message);
    }

    #[test]
    fn a_lone_carriage_return_is_placed() {
        let err = split("---\ntitle: Hi\r\rdate: x\n---\n", Path::new("a.md")).unwrap_err();
        assert_eq!((err.line, err.col), (2, 10), "{err}");
        let err = split("---\ntitle: Hi\u{85}there\n---\n", Path::new("a.md")).unwrap_err();
        assert_eq!((err.line, err.col), (2, 10), "{err}");
        assert!(split("---\r\ntitle: Hi\r\n---\r\n", Path::new("a.md")).is_ok());
    }

    #[test]
    fn unclosed_front_matter_is_reported() {
        let err = split("---\ntitle: Hi\n", Path::new("a.md")).unwrap_err();
        assert_eq!(err.message, "the front matter is never closed");
    }
}
