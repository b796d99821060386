//! Writing HTML from Markdown events while noting which source byte each part came from,
//! so a problem found later in the HTML (by the page checks) points at the exact place in
//! the Markdown that made it, rather than at a text search.

use std::cell::RefCell;
use std::fmt;

use pulldown_cmark::{html, Event};

/// Byte offsets in the HTML, each with the source offset of the event that wrote from
/// there on, in order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SourceMap {
    marks: Vec<Mark>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Mark {
    html: usize,
    source: usize,
    /// Raw HTML is copied as it is, so offsets inside it map one to one.
    verbatim: bool,
}

impl SourceMap {
    /// The source offset that produced the HTML at byte `html`.
    pub fn source_offset(&self, html: usize) -> usize {
        let found = self.marks.partition_point(|m| m.html <= html);
        match found.checked_sub(1).map(|i| self.marks[i]) {
            Some(mark) if mark.verbatim => mark.source + (html - mark.html),
            Some(mark) => mark.source,
            None => 0,
        }
    }
}

/// An event to write, with the source offset it came from.
pub struct Sourced<'a> {
    pub event: Event<'a>,
    pub source: usize,
}

/// Writes `events` as HTML, returning the HTML and its source map.
pub fn write(events: Vec<Sourced<'_>>, capacity: usize) -> (String, SourceMap) {
    let out = RefCell::new(String::with_capacity(capacity));
    let mut marks = Vec::with_capacity(events.len());
    {
        // pulldown-cmark writes each event in full before it asks for the next one, so the
        // length of the output when an event is handed over is where that event starts.
        let iter = events.into_iter().map(|sourced| {
            let verbatim = matches!(sourced.event, Event::Html(_) | Event::InlineHtml(_));
            marks.push(Mark {
                html: out.borrow().len(),
                source: sourced.source,
                verbatim,
            });
            sourced.event
        });
        let _ = html::write_html_fmt(Shared(&out), iter);
    }
    (out.into_inner(), SourceMap { marks })
}

/// A `fmt::Write` into a string that the event iterator reads the length of.
struct Shared<'a>(&'a RefCell<String>);

impl fmt::Write for Shared<'_> {
    fn write_str(&mut self, text: &str) -> fmt::Result {
        self.0.borrow_mut().push_str(text);
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use pulldown_cmark::{Options, Parser};

    fn render(markdown: &str) -> (String, SourceMap) {
        let events = Parser::new_ext(markdown, Options::empty())
            .into_offset_iter()
            .map(|(event, range)| Sourced {
                event,
                source: range.start,
            })
            .collect();
        write(events, markdown.len() * 2)
    }

    #[test]
    fn html_maps_back_to_the_markdown_that_made_it() {
        let markdown = "# Title\n\nSome text.\n\nMore <img src=x onerror=y> here.\n";
        let (html, map) = render(markdown);
        let in_html = html.find("onerror").unwrap();
        let in_source = markdown.find("onerror").unwrap();
        assert_eq!(map.source_offset(in_html), in_source, "{html}");
        let more = html.find("More").unwrap();
        assert_eq!(&markdown[map.source_offset(more)..][..4], "More");
        assert_eq!(map.source_offset(0), 0);
    }
}
