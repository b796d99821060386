//! `@/section/page.md#anchor` links, resolved against the library.

use crate::content::link::{Address, PageLink};
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
) -> Result<Option<Address>, BrokenLink> {
    let Some(target) = dest.strip_prefix("@/") else {
        return Ok(None);
    };
    let link = PageLink::parse(target);
    if let Some(address) = link.address(library, lang) {
        return Ok(Some(address));
    }
    let source = link.source;
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
