//! Markdown to HTML with pulldown-cmark, resolving `@/page.md#anchor` links, filling in
//! `{{ support.KEY.FIELD }}`, giving every heading an id, writing tables without inline
//! styles, and keeping a map from the HTML back to the source.

use pulldown_cmark::{CowStr, Event, Options, Parser, Tag, TagEnd};
use serde::Serialize;

mod ids;
mod links;
mod placeholders;
mod source_map;
mod tables;
mod text;

pub use ids::{slugify, Ids};
pub use links::{resolve_link, resolve_link_in};
pub use source_map::SourceMap;

use crate::config::SupportService;
use crate::content::{Document, Library};

use crate::diagnostic::{Diagnostic, LineIndex, Severity};
use crate::search::SectionText;
use source_map::Sourced;

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
    /// Where each part of `html` came from in the Markdown.
    pub map: SourceMap,
    /// The text cut at its headings, for the search index, when it was asked for.
    pub sections: Vec<SectionText>,
}

fn options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_SMART_PUNCTUATION
        | Options::ENABLE_HEADING_ATTRIBUTES
}

/// What a text is rendered against: the site's documents and help lines, as a page in
/// one language sees them.
#[derive(Clone, Copy)]
pub struct Context<'a> {
    pub library: &'a Library,
    /// The support services, in the page's language.
    pub support: &'a [SupportService],
    /// The page's language, by index.
    pub lang: usize,
    /// The default language's code, for links that lead to an untranslated page.
    pub default_code: &'a str,
    /// Said after such a link, in the page's language: "(in English)".
    pub fallback_note: &'a str,
    /// The page's language runs right to left.
    pub rtl: bool,
}

/// Renders `doc`'s body, and with `sections` its text for the search index. Links to
/// other documents are checked against the library. The HTML comes back even with
/// problems, so the page can still be checked for more.
pub fn render(
    doc: &Document,
    context: &Context<'_>,
    sections: bool,
) -> (Rendered, Vec<Diagnostic>) {
    let lines = LineIndex::new(&doc.body);
    render_text(&doc.body, context, sections, &|offset, message| {
        let (line, col) = lines.position(offset);
        Diagnostic::new(&doc.shown, line + doc.body_line - 1, col, message)
    })
}

/// Renders a fragment of Markdown that lives in another file (the self-check's YAML);
/// `at` places a problem found at a byte offset of `text`. No HTML comes back when one of
/// the problems is an error; warnings come back with it.
pub fn render_fragment(
    text: &str,
    context: &Context<'_>,
    at: &dyn Fn(usize, String) -> Diagnostic,
) -> (Option<Rendered>, Vec<Diagnostic>) {
    let (rendered, problems) = render_text(text, context, false, at);
    let failed = problems.iter().any(|p| p.severity == Severity::Error);
    ((!failed).then_some(rendered), problems)
}

fn render_text(
    text: &str,
    context: &Context<'_>,
    sections: bool,
    at: &dyn Fn(usize, String) -> Diagnostic,
) -> (Rendered, Vec<Diagnostic>) {
    let mut renderer = Renderer {
        text,
        context,
        at,
        in_fallback_link: false,
        in_comment: false,
        events: Vec::new(),
        problems: Vec::new(),
        toc: Vec::new(),
        ids: Ids::default(),
        heading_start: None,
        image: None,
        word_count: 0,
        table: tables::Table::default(),
    };
    for (event, range) in Parser::new_ext(text, options()).into_offset_iter() {
        renderer.event(event, range);
    }
    let sections = match sections {
        true => text::sections(&renderer.events),
        false => Vec::new(),
    };
    let (html, map) = source_map::write(renderer.events, text.len() * 3 / 2);
    let rendered = Rendered {
        html,
        toc: renderer.toc,
        word_count: renderer.word_count,
        map,
        sections,
    };
    (rendered, renderer.problems)
}

/// An image being read: where it starts, its address, and its alt text so far.
struct Image {
    offset: usize,
    src: String,
    alt: String,
}

struct Renderer<'t, 'a> {
    text: &'t str,
    context: &'a Context<'a>,
    at: &'a dyn Fn(usize, String) -> Diagnostic,
    /// Inside a link to a page shown in the default language: it is written as HTML, to
    /// carry `hreflang`, and followed by the note.
    in_fallback_link: bool,
    /// Inside an HTML comment block: a note for editors (such as the original text a
    /// translation is made from), which is not published.
    in_comment: bool,
    events: Vec<Sourced<'t>>,
    problems: Vec<Diagnostic>,
    toc: Vec<Heading>,
    ids: Ids,
    heading_start: Option<usize>,
    image: Option<Image>,
    word_count: usize,
    table: tables::Table,
}

impl<'t> Renderer<'t, '_> {
    fn push(&mut self, event: Event<'t>, source: usize) {
        self.events.push(Sourced { event, source });
    }

    fn event(&mut self, event: Event<'t>, range: std::ops::Range<usize>) {
        let start = range.start;
        match event {
            Event::Start(Tag::Link {
                link_type,
                dest_url,
                title,
                id,
            }) => {
                let (dest_url, fallback) = self.resolve(dest_url, start);
                if fallback {
                    self.in_fallback_link = true;
                    let html = fallback_open(&dest_url, &title, self.context.default_code);
                    self.push(Event::InlineHtml(CowStr::from(html)), start);
                    return;
                }
                let link = Tag::Link {
                    link_type,
                    dest_url,
                    title,
                    id,
                };
                self.push(Event::Start(link), start);
            }
            Event::End(TagEnd::Link) if self.in_fallback_link => {
                self.in_fallback_link = false;
                let note = htmlize::escape_text(self.context.fallback_note);
                let html = format!("</a> <span class=\"lang-note\">{note}</span>");
                self.push(Event::InlineHtml(CowStr::from(html)), start);
            }
            Event::Start(Tag::HtmlBlock)
                if self.text[range.clone()].trim_start().starts_with("<!--") =>
            {
                self.in_comment = true;
            }
            Event::End(TagEnd::HtmlBlock) if self.in_comment => self.in_comment = false,
            _ if self.in_comment => {}
            Event::Start(Tag::Heading { .. }) => {
                self.heading_start = Some(self.events.len());
                self.push(event, start);
            }
            Event::End(TagEnd::Heading(level)) => {
                self.end_heading(level);
                self.push(event, start);
            }
            Event::Start(Tag::Image { ref dest_url, .. }) => {
                self.image = Some(Image {
                    offset: start,
                    src: dest_url.to_string(),
                    alt: String::new(),
                });
                self.push(event, start);
            }
            Event::End(TagEnd::Image) => {
                self.end_image();
                self.push(event, start);
            }
            Event::Text(t) if t.contains("{{") => self.placeholders(t, range),
            Event::Text(t) => self.text(t, start),
            Event::Start(Tag::Table(_)) => self.start_table(event, start),
            Event::Start(Tag::TableHead | Tag::TableRow | Tag::TableCell)
            | Event::End(TagEnd::Table | TagEnd::TableHead) => {
                for event in self.table.event(event, None) {
                    self.push(event, start);
                }
            }
            other => self.push(other, start),
        }
    }

    /// Opens a table, taking the paragraph just before it as its caption when that
    /// paragraph starts `Table: `.
    fn start_table(&mut self, event: Event<'t>, start: usize) {
        let caption = self.take_caption();
        let name = match &caption {
            Some((id, _)) => Some(id.clone()),
            None => self.toc.last().map(|h| h.id.clone()),
        };
        for event in self.table.event(event, name.as_deref()) {
            self.push(event, start);
        }
        if let Some((id, inline)) = caption {
            self.push(tables::caption_open(&id), start);
            self.events.extend(inline);
            self.push(tables::caption_close(), start);
        }
    }

    /// The last events, if they are a paragraph starting `Table: `: its id and its inside.
    fn take_caption(&mut self) -> Option<(String, Vec<Sourced<'t>>)> {
        if !matches!(self.events.last()?.event, Event::End(TagEnd::Paragraph)) {
            return None;
        }
        let open =
            (self.events.iter()).rposition(|e| matches!(e.event, Event::Start(Tag::Paragraph)))?;
        let Event::Text(first) = &self.events.get(open + 1)?.event else {
            return None;
        };
        let rest = first.strip_prefix(tables::CAPTION)?.to_string();
        let mut inline: Vec<Sourced<'t>> = self.events.drain(open..).collect();
        inline.pop();
        inline.remove(0);
        inline[0].event = Event::Text(CowStr::from(rest));
        let id = self
            .ids
            .unique(&format!("table-{}", slugify(&plain_text(&inline))));
        Some((id, inline))
    }

    /// Turns `@/page.md#anchor` into its URL in the page's language, and says whether it
    /// leads to a page in the default language instead; a broken one is reported where it
    /// is written.
    fn resolve(&mut self, dest: CowStr<'t>, start: usize) -> (CowStr<'t>, bool) {
        match resolve_link_in(&dest, self.context.library, self.context.lang) {
            Ok(Some(resolved)) => (CowStr::from(resolved.url), resolved.fallback),
            Ok(None) => (dest, false),
            Err(broken) => {
                let problem = broken.diagnostic((self.at)(start, String::new()));
                self.problems.push(problem);
                // Pointing at the page itself keeps the link checks quiet about a link
                // that leads nowhere.
                let to = broken.still_leads_to().unwrap_or("").to_string();
                (CowStr::from(to), false)
            }
        }
    }

    fn end_heading(&mut self, level: pulldown_cmark::HeadingLevel) {
        let Some(start) = self.heading_start.take() else {
            return;
        };
        let title = plain_text(&self.events[start + 1..]);
        if let Event::Start(Tag::Heading { id, .. }) = &mut self.events[start].event {
            let chosen = match id {
                Some(explicit) => self.ids.claim(explicit),
                None => self.ids.unique(&slugify(&title)),
            };
            *id = Some(CowStr::from(chosen.clone()));
            self.toc.push(Heading {
                level: level as u8,
                id: chosen,
                title,
            });
        }
    }

    fn end_image(&mut self) {
        let Some(image) = self.image.take() else {
            return;
        };
        if image.alt.trim().is_empty() {
            let src = &image.src;
            let problem = (self.at)(image.offset, format!("the image `{src}` has no alt text"))
                .with_help(format!(
                    "describe what it shows between the brackets: ![a phone showing missed calls]({src})"
                ));
            self.problems.push(problem);
        }
    }

    fn text(&mut self, text: CowStr<'t>, start: usize) {
        self.word_count += text.split_whitespace().count();
        if let Some(image) = self.image.as_mut() {
            image.alt.push_str(&text);
        }
        self.push(Event::Text(text), start);
    }

    fn placeholders(&mut self, text: CowStr<'t>, range: std::ops::Range<usize>) {
        match placeholders::fill(&text, self.context.support, self.context.rtl) {
            Ok(filled) => self.text(CowStr::from(filled), range.start),
            Err(unknown) => {
                // The text is the source itself unless Markdown escapes changed it.
                let exact = self.text.get(range.clone()) == Some(&*text);
                let offset = range.start + if exact { unknown.offset } else { 0 };
                let problem = (self.at)(offset, unknown.message).with_help(unknown.help);
                self.problems.push(problem);
            }
        }
    }
}

/// The opening tag of a link to a page in the default language, marked with its language.
fn fallback_open(url: &str, title: &str, code: &str) -> String {
    let title = match title {
        "" => String::new(),
        t => format!(" title=\"{}\"", htmlize::escape_attribute(t)),
    };
    format!(
        "<a href=\"{}\" hreflang=\"{}\"{title}>",
        htmlize::escape_attribute(url),
        htmlize::escape_attribute(code)
    )
}

fn plain_text(events: &[Sourced<'_>]) -> String {
    let mut title = String::new();
    for sourced in events {
        if let Event::Text(t) | Event::Code(t) = &sourced.event {
            title.push_str(t);
        }
    }
    title
}
