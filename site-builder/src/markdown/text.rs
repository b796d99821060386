//! A body's text as a visitor reads it, cut into sections at its `h1` to `h3` headings,
//! for the search index: read from the same events that write the body's HTML, so it is
//! the rendered text (links resolved, help lines' numbers filled in) without parsing the
//! HTML again. Alt text is not read, as a page shows none; raw HTML written in the
//! Markdown gives its text, but a heading in it does not start a section.

use pulldown_cmark::{Event, HeadingLevel, Tag, TagEnd};

use super::source_map::Sourced;
use crate::search::SectionText;

/// The sections of a body's events; the opening, before any heading, comes first.
pub fn sections(events: &[Sourced<'_>]) -> Vec<SectionText> {
    let mut sections = vec![SectionText::default()];
    let mut in_heading = false;
    let mut in_image = 0;
    for sourced in events {
        let section = sections.last_mut().expect("the opening is always there");
        let text = if in_heading {
            &mut section.heading
        } else {
            &mut section.text
        };
        match &sourced.event {
            Event::Start(Tag::Heading { level, id, .. }) if *level <= HeadingLevel::H3 => {
                sections.push(SectionText {
                    anchor: id.as_deref().unwrap_or_default().to_string(),
                    ..SectionText::default()
                });
                in_heading = true;
            }
            Event::End(TagEnd::Heading(level)) if *level <= HeadingLevel::H3 => {
                in_heading = false;
            }
            Event::Start(Tag::Image { .. }) => in_image += 1,
            Event::End(TagEnd::Image) => in_image -= 1,
            _ if in_image > 0 => {}
            Event::Text(t) | Event::Code(t) => text.push_str(t),
            Event::Html(html) | Event::InlineHtml(html) => without_tags(html, text),
            Event::Start(tag) if !inline(tag) => text.push(' '),
            Event::End(end) if !inline_end(end) => text.push(' '),
            Event::SoftBreak | Event::HardBreak | Event::Rule => text.push(' '),
            _ => {}
        }
    }
    for section in &mut sections {
        section.heading = one_space(&section.heading);
        section.text = one_space(&section.text);
    }
    sections
}

/// Tags that run inside a line of text: no space is put where they start or end.
fn inline(tag: &Tag<'_>) -> bool {
    matches!(
        tag,
        Tag::Emphasis | Tag::Strong | Tag::Strikethrough | Tag::Link { .. }
    )
}

fn inline_end(end: &TagEnd) -> bool {
    matches!(
        end,
        TagEnd::Emphasis | TagEnd::Strong | TagEnd::Strikethrough | TagEnd::Link
    )
}

/// The text of raw HTML: what lies outside its tags, with entities read.
fn without_tags(html: &str, text: &mut String) {
    let mut outside = String::new();
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => {
                in_tag = true;
                outside.push(' ');
            }
            '>' if in_tag => in_tag = false,
            c if !in_tag => outside.push(c),
            _ => {}
        }
    }
    text.push_str(&htmlize::unescape(outside));
}

/// Every run of white space as one space, none at either end. White space is what
/// `char::is_whitespace` says; the text is read a byte at a time, decoding only where a
/// byte is not ASCII, and copied a word at a time (every page's text passes here).
fn one_space(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let word = |out: &mut String, word: &str| {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    };
    let bytes = text.as_bytes();
    let (mut i, mut start) = (0, None);
    while i < bytes.len() {
        let (space, width) = match bytes[i] {
            b @ 0..=0x7f => (char::from(b).is_whitespace(), 1),
            _ => {
                let c = text[i..].chars().next().unwrap_or(' ');
                (c.is_whitespace(), c.len_utf8())
            }
        };
        match (space, start) {
            (true, Some(from)) => {
                word(&mut out, &text[from..i]);
                start = None;
            }
            (false, None) => start = Some(i),
            _ => {}
        }
        i += width;
    }
    if let Some(from) = start {
        word(&mut out, &text[from..]);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use pulldown_cmark::{Options, Parser};

    fn read(markdown: &str) -> Vec<(String, String, String)> {
        let options = Options::ENABLE_HEADING_ATTRIBUTES | Options::ENABLE_TABLES;
        let events: Vec<Sourced<'_>> = Parser::new_ext(markdown, options)
            .map(|event| Sourced { event, source: 0 })
            .collect();
        (sections(&events).into_iter())
            .map(|s| (s.heading, s.anchor, s.text))
            .collect()
    }

    #[test]
    fn white_space_is_one_space_as_rust_reads_white_space() {
        let by_words = |text: &str| text.split_whitespace().collect::<Vec<_>>().join(" ");
        for text in [
            "",
            "   ",
            "one",
            "  two  words ",
            "tab\tline\nfeed\r\x0bvertical\x0cform",
            "no\u{a0}break\u{2003}em\u{3000}ideographic\u{85}next",
            "Café — naïve, ŵyn; اردو\u{200b}zero-width",
            "\u{2028}\u{2029}ends\u{a0}",
        ] {
            assert_eq!(one_space(text), by_words(text), "{text:?}");
        }
    }

    proptest::proptest! {
        #[test]
        fn any_text_is_spaced_as_its_words_joined(text in "(\\PC|\\s| |\u{a0}|\u{3000}){0,40}") {
            let by_words = text.split_whitespace().collect::<Vec<_>>().join(" ");
            proptest::prop_assert_eq!(one_space(&text), by_words);
        }
    }

    #[test]
    fn a_body_is_cut_at_its_headings() {
        let markdown = "Intro *te*xt &amp; [more](/x/).\n\n\
            ## What `counts` {#what-counts}\n\nOne\n\n- a\n- b\n\n\
            #### Deeper {#deeper}\n\nstill here ![a picture](x.png)\n\n\
            ### Next {#next}\n\n| x | y |\n|---|---|\n| 1 | 2 |\n";
        let text = |h: &str, a: &str, t: &str| (h.to_string(), a.to_string(), t.to_string());
        assert_eq!(
            read(markdown),
            [
                text("", "", "Intro text & more."),
                text("What counts", "what-counts", "One a b Deeper still here"),
                text("Next", "next", "x y 1 2"),
            ]
        );
    }

    #[test]
    fn raw_html_gives_its_text_and_a_body_without_headings_is_one_opening() {
        assert_eq!(
            read("<p class=\"x\">Raw &amp; <b>bold</b></p>\n\nThen this."),
            [(
                String::new(),
                String::new(),
                "Raw & bold Then this.".to_string()
            )]
        );
        assert_eq!(read(""), [(String::new(), String::new(), String::new())]);
    }
}
