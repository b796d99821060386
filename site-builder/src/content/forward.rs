//! Where expired documents lead: their `expired_redirect`, or else the nearest section
//! that is still live. Links to an expired page follow it (with a warning), and the old
//! address keeps working for visitors, so a day passing never breaks the site.

use crate::content::link::PageLink;
use crate::content::placement::parent_dir;
use crate::content::{Absence, Kind, Library};
use crate::date::Date;
use crate::diagnostic::{closest_page, Diagnostic};
use std::collections::HashMap;

/// An expired document, and where it now leads.
#[derive(Debug, Clone)]
pub struct Forward {
    pub source: String,
    pub title: String,
    /// The address it had: `/news/awareness-week/`.
    pub from: String,
    /// Where it leads now: the address of a live document, perhaps with an `#anchor`.
    pub to: String,
    /// Its last day.
    pub expired: Date,
    /// Its language, by index: its forwarding page is in that language.
    pub lang: usize,
}

/// Works out a forward for every expired document. A redirect to a page that is left out
/// on this day (not published yet, a draft) falls back to the section, with a warning:
/// the day's build still succeeds.
pub fn forward(library: &mut Library) -> Vec<Diagnostic> {
    let sections: Sections = (library.documents.iter())
        .filter(|d| d.kind == Kind::Section)
        .map(|d| ((d.lang, parent_dir(&d.source)), d.url.as_str()))
        .collect();
    let mut warnings = Vec::new();
    let mut forwards = Vec::new();
    for left in &library.left_out {
        let Absence::Expired(expired) = left.why else {
            continue;
        };
        // A live document has taken the address: it serves the address now.
        if library.documents.iter().any(|d| d.url == left.url) {
            continue;
        }
        let section = section_of(&left.source, left.lang, &sections);
        let mut to = section.clone();
        if let Some(link) = &left.front.expired_redirect {
            match follow(link, library, &sections, left.lang, 0) {
                Ok(url) => to = url,
                Err(why) => {
                    let (line, col) = left.redirect_at.unwrap_or((1, 1));
                    let message = format!("this page has expired, and its `expired_redirect` leads to `{link}`, which is left out of this build ({why}): visitors and links go to {section} instead");
                    warnings.push(
                        Diagnostic::new(&left.shown, line, col, message)
                            .with_help("point `expired_redirect` at a page that is live when this one ends")
                            .warning(),
                    );
                }
            }
        }
        forwards.push(Forward {
            source: left.source.clone(),
            title: left.front.title.clone(),
            from: left.url.clone(),
            to,
            expired,
            lang: left.lang,
        });
    }
    library.forwards = forwards;
    warnings
}

/// Where an `@/` link from `expired_redirect` leads today: a live page, or where the
/// expired page it names leads in turn.
fn follow(
    link: &str,
    library: &Library,
    sections: &Sections,
    lang: usize,
    depth: usize,
) -> Result<String, Absence> {
    let target = PageLink::parse(link.strip_prefix("@/").unwrap_or(link));
    if let Some(address) = target.address(library, lang) {
        return Ok(address.url);
    }
    let source = target.source;
    let Some(left) = library.left_out.iter().find(|l| l.source == source) else {
        // Reported once, by `check_redirects`, whatever the day.
        return Ok(section_of(source, lang, sections));
    };
    match (&left.why, &left.front.expired_redirect) {
        // An expired page's own anchors are gone: go where it leads.
        (Absence::Expired(_), Some(next)) if depth < library.left_out.len() => {
            follow(next, library, sections, lang, depth + 1)
                .or_else(|_| Ok(section_of(source, lang, sections)))
        }
        (Absence::Expired(_), _) => Ok(section_of(source, lang, sections)),
        (why, _) => Err(why.clone()),
    }
}

/// Live sections by language and folder.
type Sections<'a> = HashMap<(usize, String), &'a str>;

/// The address of the nearest live section above `source`, in language `lang` where it
/// has one (else in the default language), or the home page.
fn section_of(source: &str, lang: usize, sections: &Sections) -> String {
    let name = source.rsplit('/').next().unwrap_or(source);
    let mut dir = parent_dir(source);
    if name.starts_with("_index.") || name.starts_with("index.") {
        dir = parent_dir(&dir);
    }
    loop {
        let found =
            (sections.get(&(lang, dir.clone()))).or_else(|| sections.get(&(0, dir.clone())));
        if let Some(url) = found {
            return url.to_string();
        }
        if dir.is_empty() {
            return "/".into();
        }
        dir = parent_dir(&dir);
    }
}

/// Every `expired_redirect` must be an `@/` link to a document of the site, whatever the
/// day, so that a mistake in one shows on the day it is written, not on the day the page
/// expires. `known` holds every document's source.
pub fn check_redirect(
    link: &str,
    known: &[&str],
    shown: &std::path::Path,
    (line, col): (usize, usize),
) -> Option<Diagnostic> {
    let Some(target) = link.strip_prefix("@/") else {
        return Some(
            Diagnostic::new(
                shown,
                line,
                col,
                format!("`expired_redirect: {link}` is not an `@/` link to a page of the site"),
            )
            .with_help("write it like a link in the text, for example \"@/news/_index.md\""),
        );
    };
    let source = target.split('#').next().unwrap_or(target);
    if known.contains(&source) {
        return None;
    }
    let message =
        format!("`expired_redirect` links to `{link}`, but there is no such page in content/");
    let problem = Diagnostic::new(shown, line, col, message);
    Some(match closest_page(source, known.iter().copied()) {
        Some(best) => problem.with_help(format!("did you mean `@/{best}`?")),
        None => problem.with_help("name a page or section of content/, as @/section/page.md"),
    })
}
