//! A rendered page's text, cut into sections at its headings, so that a result can link
//! to `page/#heading`. The text is read from the page's body as the render stage made it
//! (Markdown through pulldown-cmark, with the help lines' numbers filled in), so the index
//! holds what a visitor reads.

use std::cell::RefCell;
use std::rc::Rc;

use lol_html::html_content::{EndTag, TextChunk};
use lol_html::{element, DocumentContentHandlers, EndTagHandler, HtmlRewriter, Settings};

/// A page as the index reads it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PageText {
    pub title: String,
    pub url: String,
    pub description: String,
    /// The opening (before the first heading, with no heading or anchor) comes first.
    pub sections: Vec<SectionText>,
}

/// The text under one heading, up to the next.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SectionText {
    pub heading: String,
    pub anchor: String,
    pub text: String,
}

/// The headings that start a section; deeper ones stay in their section's text.
const SECTION_HEADINGS: &str = "h1[id], h2[id], h3[id]";

/// Elements that run inside a line of text: no space is put where they start or end.
const INLINE: &[&str] = &[
    "a", "abbr", "b", "bdi", "bdo", "cite", "code", "data", "del", "dfn", "em", "i", "ins", "kbd",
    "mark", "q", "s", "samp", "small", "span", "strong", "sub", "sup", "time", "u", "var", "wbr",
];

/// What has been read so far: the sections, and the raw text (entities still escaped) of
/// the heading being read, if one is open.
#[derive(Default)]
struct Reading {
    sections: Vec<SectionText>,
    heading: Option<String>,
}

impl Reading {
    fn push(&mut self, text: &str) {
        match &mut self.heading {
            Some(heading) => heading.push_str(text),
            None => last(&mut self.sections).text.push_str(text),
        }
    }
}

/// Reads the sections of a page's body HTML.
pub fn read(body_html: &str) -> Vec<SectionText> {
    let reading = Rc::new(RefCell::new(Reading {
        sections: vec![SectionText::default()],
        heading: None,
    }));
    let (at_heading, at_element, at_text) = (reading.clone(), reading.clone(), reading.clone());
    let settings = Settings::new()
        .append_element_content_handler(element!(SECTION_HEADINGS, move |el| {
            let anchor = el.get_attribute("id").unwrap_or_default();
            let mut reading = at_heading.borrow_mut();
            reading.sections.push(SectionText {
                anchor: htmlize::unescape(anchor).into_owned(),
                ..SectionText::default()
            });
            reading.heading = Some(String::new());
            if let Some(handlers) = el.end_tag_handlers() {
                let reading = at_heading.clone();
                let close: EndTagHandler<'static> = Box::new(move |_: &mut EndTag<'_>| {
                    let mut reading = reading.borrow_mut();
                    let text = reading.heading.take().unwrap_or_default();
                    last(&mut reading.sections).heading = clean(&text);
                    Ok(())
                });
                handlers.push(close);
            }
            Ok(())
        }))
        .append_element_content_handler(element!("*", move |el| {
            // A space where a block starts: `<td>a</td><td>b</td>` is two words. Where one
            // ends, pulldown-cmark writes a line break.
            if !INLINE.contains(&el.tag_name().as_str()) {
                at_element.borrow_mut().push(" ");
            }
            Ok(())
        }))
        .append_document_content_handler(DocumentContentHandlers::default().text(
            move |t: &mut TextChunk<'_>| {
                at_text.borrow_mut().push(t.as_str());
                Ok(())
            },
        ));
    let mut rewriter = HtmlRewriter::new(settings, |_: &[u8]| {});
    // A body the page pass cannot read is reported there; its text is what was read.
    let _ = rewriter.write(body_html.as_bytes());
    let _ = rewriter.end();
    let mut sections = std::mem::take(&mut reading.borrow_mut().sections);
    for section in &mut sections {
        section.text = clean(&section.text);
    }
    sections
}

fn last(sections: &mut [SectionText]) -> &mut SectionText {
    sections
        .last_mut()
        .expect("the opening section is always there")
}

/// Unescapes the text and makes every run of white space one space.
fn clean(raw: &str) -> String {
    let text = htmlize::unescape(raw);
    let mut out = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_body_is_cut_at_its_headings() {
        let html = "<p>Intro <em>text</em> &amp; more.</p>\
            <h2 id=\"what-counts\">What <code>counts</code></h2><p>One</p><ul><li>a</li><li>b</li></ul>\
            <h4 id=\"deeper\">Deeper</h4><p>still here</p>\
            <h3 id=\"next&amp;more\">Next</h3><table><tr><td>x</td><td>y</td></tr></table>";
        let sections = read(html);
        let got: Vec<(&str, &str, &str)> = sections
            .iter()
            .map(|s| (s.heading.as_str(), s.anchor.as_str(), s.text.as_str()))
            .collect();
        assert_eq!(
            got,
            [
                ("", "", "Intro text & more."),
                ("What counts", "what-counts", "One a b Deeper still here"),
                ("Next", "next&more", "x y"),
            ]
        );
    }

    #[test]
    fn a_body_without_headings_is_one_opening() {
        assert_eq!(
            read("<p>Only this</p>"),
            [SectionText {
                text: "Only this".into(),
                ..SectionText::default()
            }]
        );
        assert_eq!(read(""), [SectionText::default()]);
    }
}
