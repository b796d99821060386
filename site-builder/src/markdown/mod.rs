//! Markdown to HTML with pulldown-cmark, resolving `@/page.md#anchor` links and giving
//! every heading an id.

use std::collections::HashSet;

use pulldown_cmark::{html, CowStr, Event, Options, Parser, Tag, TagEnd};
use serde::Serialize;

mod placeholders;

use crate::config::SupportService;
use crate::content::{Absence, Document, Library};
use crate::diagnostic::{closest, Diagnostic, LineIndex};

/// A heading, for a table of contents.
#[derive(Debug, Clone, Serialize)]
pub struct Heading {
    pub level: u8,
    pub id: String,
    pub title: String,
}

/// A document's body as HTML.
#[derive(Debug, Clone, Default)]
pub struct Rendered {
    pub html: String,
    pub toc: Vec<Heading>,
    pub word_count: usize,
}

fn options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_SMART_PUNCTUATION
        | Options::ENABLE_HEADING_ATTRIBUTES
}

/// Renders `doc`'s body. Links to other documents are checked against `library`.
pub fn render(
    doc: &Document,
    library: &Library,
    support: &[SupportService],
) -> Result<Rendered, Vec<Diagnostic>> {
    let place = Place {
        doc,
        lines: LineIndex::new(&doc.body),
    };
    render_text(&doc.body, library, support, &|offset, message| {
        place.at(offset, message)
    })
}

/// Renders a fragment of Markdown that lives in another file (the self-check's YAML);
/// `at` places a problem found at a byte offset of `text`.
pub fn render_fragment(
    text: &str,
    library: &Library,
    support: &[SupportService],
    at: &dyn Fn(usize, String) -> Diagnostic,
) -> Result<String, Vec<Diagnostic>> {
    render_text(text, library, support, at).map(|rendered| rendered.html)
}

struct Place<'a> {
    doc: &'a Document,
    lines: LineIndex<'a>,
}

impl Place<'_> {
    fn at(&self, offset: usize, message: String) -> Diagnostic {
        let (line, col) = self.lines.position(offset);
        Diagnostic::new(&self.doc.shown, line + self.doc.body_line - 1, col, message)
    }
}

fn render_text(
    text: &str,
    library: &Library,
    support: &[SupportService],
    at: &dyn Fn(usize, String) -> Diagnostic,
) -> Result<Rendered, Vec<Diagnostic>> {
    let mut problems = Vec::new();
    let mut events: Vec<Event> = Vec::new();
    let mut toc = Vec::new();
    let mut used_ids = HashSet::new();
    let mut heading_start = None;
    let mut image: Option<(usize, String, String)> = None;
    let mut word_count = 0;
    for (event, range) in Parser::new_ext(text, options()).into_offset_iter() {
        match event {
            Event::Start(Tag::Link {
                link_type,
                dest_url,
                title,
                id,
            }) => {
                let dest_url = match resolve(&dest_url, library) {
                    Ok(url) => url,
                    Err(message) => {
                        problems.push(at(range.start, message));
                        dest_url
                    }
                };
                events.push(Event::Start(Tag::Link {
                    link_type,
                    dest_url,
                    title,
                    id,
                }));
            }
            Event::Start(Tag::Heading { .. }) => {
                heading_start = Some(events.len());
                events.push(event);
            }
            Event::End(TagEnd::Heading(level)) => {
                if let Some(start) = heading_start.take() {
                    let title = plain_text(&events[start + 1..]);
                    if let Event::Start(Tag::Heading { id, .. }) = &mut events[start] {
                        let chosen = match id {
                            Some(explicit) => explicit.to_string(),
                            None => unique_id(&slugify(&title), &used_ids),
                        };
                        used_ids.insert(chosen.clone());
                        *id = Some(CowStr::from(chosen.clone()));
                        toc.push(Heading {
                            level: level as u8,
                            id: chosen,
                            title,
                        });
                    }
                }
                events.push(Event::End(TagEnd::Heading(level)));
            }
            Event::Start(Tag::Image { ref dest_url, .. }) => {
                image = Some((range.start, dest_url.to_string(), String::new()));
                events.push(event);
            }
            Event::End(TagEnd::Image) => {
                if let Some((offset, src, alt)) = image.take() {
                    if alt.trim().is_empty() {
                        problems.push(
                            at(offset, format!("the image `{src}` has no alt text"))
                                .with_help(format!("describe what it shows between the brackets: ![a phone showing missed calls]({src})")),
                        );
                    }
                }
                events.push(event);
            }
            Event::Text(t) if t.contains("{{") => match placeholders::fill(&t, support) {
                Ok(filled) => {
                    word_count += filled.split_whitespace().count();
                    events.push(Event::Text(CowStr::from(filled)));
                }
                Err(unknown) => {
                    // The text is the source itself unless Markdown escapes changed it.
                    let exact = text.get(range.clone()) == Some(&*t);
                    let offset = range.start + if exact { unknown.offset } else { 0 };
                    problems.push(at(offset, unknown.message).with_help(unknown.help));
                }
            },
            Event::Text(ref t) => {
                word_count += t.split_whitespace().count();
                if let Some((_, _, alt)) = image.as_mut() {
                    alt.push_str(t);
                }
                events.push(event);
            }
            other => events.push(other),
        }
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    let mut html_out = String::with_capacity(text.len() * 3 / 2);
    html::push_html(&mut html_out, events.into_iter());
    Ok(Rendered {
        html: html_out,
        toc,
        word_count,
    })
}

fn plain_text(events: &[Event]) -> String {
    let mut title = String::new();
    for event in events {
        if let Event::Text(t) | Event::Code(t) = event {
            title.push_str(t);
        }
    }
    title
}

/// Turns `@/get-help/reporting.md#what-happens-next` into `/get-help/reporting/#what-happens-next`.
fn resolve<'a>(dest: &CowStr<'a>, library: &Library) -> Result<CowStr<'a>, String> {
    match resolve_link(dest, library) {
        Ok(Some(url)) => Ok(CowStr::from(url)),
        Ok(None) => Ok(dest.clone()),
        Err(broken) => Err(broken.to_string()),
    }
}

/// Why an `@/` link does not resolve.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BrokenLink {
    /// The page exists but this build leaves it out.
    LeftOut { source: String, why: Absence },
    Missing {
        source: String,
        suggestion: Option<String>,
    },
}

impl std::fmt::Display for BrokenLink {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            BrokenLink::LeftOut { source, why } => write!(
                f,
                "this links to `@/{source}`, which is left out of this build ({why}); publish that page or remove the link"
            ),
            BrokenLink::Missing { source, suggestion } => {
                write!(f, "this links to `@/{source}`, but there is no such page in content/")?;
                match suggestion {
                    Some(best) => write!(f, "; did you mean `@/{best}`?"),
                    None => Ok(()),
                }
            }
        }
    }
}

/// The URL of an `@/page.md#anchor` link, or `None` for any other kind of link.
pub fn resolve_link(dest: &str, library: &Library) -> Result<Option<String>, BrokenLink> {
    let Some(target) = dest.strip_prefix("@/") else {
        return Ok(None);
    };
    let (source, anchor) = match target.split_once('#') {
        Some((s, a)) => (s, Some(a)),
        None => (target, None),
    };
    if let Some(&index) = library.by_source.get(source) {
        let url = &library.documents[index].url;
        return Ok(Some(match anchor {
            Some(a) => format!("{url}#{a}"),
            None => url.clone(),
        }));
    }
    let source = source.to_string();
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
    let suggestion = closest(&source, known.map(String::as_str)).map(str::to_string);
    Err(BrokenLink::Missing { source, suggestion })
}

/// `What happens next?` becomes `what-happens-next`.
pub fn slugify(text: &str) -> String {
    let mut slug = String::with_capacity(text.len());
    for c in text.chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() {
            slug.push(c);
        } else if (c.is_whitespace() || c == '-' || c == '_') && !slug.ends_with('-') {
            slug.push('-');
        }
    }
    let slug = slug.trim_matches('-');
    if slug.is_empty() {
        "section".into()
    } else {
        slug.to_string()
    }
}

/// `base`, or `base-1`, `base-2`... whichever is not taken yet.
pub fn unique_id(base: &str, taken: &HashSet<String>) -> String {
    if !taken.contains(base) {
        return base.to_string();
    }
    (1..)
        .map(|n| format!("{base}-{n}"))
        .find(|id| !taken.contains(id))
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_drop_punctuation() {
        assert_eq!(slugify("What happens next?"), "what-happens-next");
        assert_eq!(slugify("999 — in an emergency"), "999-in-an-emergency");
        assert_eq!(slugify("Stalking & harassment"), "stalking-harassment");
    }

    #[test]
    fn ids_stay_unique() {
        let taken: HashSet<String> = ["help".to_string(), "help-1".to_string()].into();
        assert_eq!(unique_id("help", &taken), "help-2");
    }
}
