//! `@/section/page.md#anchor` links, resolved against the library.

use crate::content::{Absence, Library};
use crate::date::Date;
use crate::diagnostic::{closest_page, Diagnostic};

/// Why an `@/` link does not resolve.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BrokenLink {
    /// The page exists but this build leaves it out.
    LeftOut { source: String, why: Absence },
    Missing {
        source: String,
        suggestion: Option<String>,
    },
    /// The page has expired: the link still works, leading where the page now leads, but
    /// an editor should tidy it up. A warning, not an error.
    Expired {
        source: String,
        on: Date,
        to: String,
    },
}

impl BrokenLink {
    /// Where the link leads all the same, when it still leads somewhere.
    pub fn still_leads_to(&self) -> Option<&str> {
        match self {
            BrokenLink::Expired { to, .. } => Some(to),
            _ => None,
        }
    }

    /// The problem at `at`, with what to do about it: a warning for an expired page, else
    /// an error.
    pub fn diagnostic(&self, at: Diagnostic) -> Diagnostic {
        let problem = at.message(self.to_string());
        match self {
            BrokenLink::Expired { .. } => problem
                .with_help("link to where the page now leads, or remove the link")
                .warning(),
            BrokenLink::LeftOut { .. } => problem.with_help("publish that page or remove the link"),
            BrokenLink::Missing {
                suggestion: Some(best),
                ..
            } => problem.with_help(format!("did you mean `@/{best}`?")),
            BrokenLink::Missing { .. } => problem.with_help(
                "link with the page's path inside content/, such as `@/get-help/reporting.md`",
            ),
        }
    }
}

impl std::fmt::Display for BrokenLink {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            BrokenLink::LeftOut { source, why } => write!(
                f,
                "this links to `@/{source}`, which is left out of this build ({why})"
            ),
            BrokenLink::Missing { source, .. } => {
                write!(
                    f,
                    "this links to `@/{source}`, but there is no such page in content/"
                )
            }
            BrokenLink::Expired { source, on, to } => write!(
                f,
                "this links to `@/{source}`, which expired on {on}: the link now leads to `{to}`"
            ),
        }
    }
}

/// Where an `@/` link leads from a page in one language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Resolved {
    pub url: String,
    /// The page has no translation in the linking page's language, so the link leads to
    /// the default-language page.
    pub fallback: bool,
}

/// The URL of an `@/page.md#anchor` link from a default-language page, or `None` for any
/// other kind of link.
pub fn resolve_link(dest: &str, library: &Library) -> Result<Option<String>, BrokenLink> {
    resolve_link_in(dest, library, crate::config::languages::DEFAULT).map(|r| r.map(|r| r.url))
}

/// Where an `@/page.md#anchor` link leads from a page in language `lang`: the page's
/// translation into `lang` when it has one, else the page itself. `None` for any other
/// kind of link.
pub fn resolve_link_in(
    dest: &str,
    library: &Library,
    lang: usize,
) -> Result<Option<Resolved>, BrokenLink> {
    let Some(target) = dest.strip_prefix("@/") else {
        return Ok(None);
    };
    let (source, anchor) = match target.split_once('#') {
        Some((s, a)) => (s, Some(a)),
        None => (target, None),
    };
    let with_anchor = |url: &str| match anchor {
        Some(a) => format!("{url}#{a}"),
        None => url.to_string(),
    };
    if let Some(&index) = library.by_source.get(source) {
        let chosen = match library.documents[index].translation_of {
            Some(_) => index,
            None => library.in_language(index, lang),
        };
        let doc = &library.documents[chosen];
        return Ok(Some(Resolved {
            url: with_anchor(&doc.url),
            fallback: doc.lang != lang,
        }));
    }
    // A page whose front matter failed is reported already; link to where it would be.
    if let Some(url) = library.unreadable.get(source) {
        return Ok(Some(Resolved {
            url: with_anchor(url),
            fallback: false,
        }));
    }
    let source = source.to_string();
    if let Some(forward) = library.forward_of(&source) {
        return Err(BrokenLink::Expired {
            source,
            on: forward.expired,
            to: forward.to.clone(),
        });
    }
    if let Some(why) = library.absence_of(&source) {
        return Err(BrokenLink::LeftOut {
            why: why.clone(),
            source,
        });
    }
    // Left-out pages are suggested too: a typo in a link to a scheduled page is still a typo.
    let known = library
        .by_source
        .keys()
        .chain(library.left_out.iter().map(|l| &l.source));
    let suggestion = closest_page(&source, known.map(String::as_str)).map(str::to_string);
    Err(BrokenLink::Missing { source, suggestion })
}
