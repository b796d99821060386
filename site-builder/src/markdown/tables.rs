//! Tables without inline styles. pulldown-cmark writes a column's alignment (`| ---: |`)
//! as a `style` attribute, which the security policy blocks, so cells get a class instead
//! (`align-right`, styled in the theme's CSS). Each table also sits in a region that
//! scrolls sideways on small screens. A paragraph `Table: what it shows` just above a
//! table becomes its `<caption>`, and names the region; without one, the heading above
//! the table names it.

use pulldown_cmark::{Alignment, CowStr, Event, Tag, TagEnd};

/// Where the renderer is in the table being written.
#[derive(Debug, Default)]
pub struct Table {
    alignments: Vec<Alignment>,
    in_head: bool,
    column: usize,
}

impl Table {
    /// The events to write for one table event. `heading` is the id of the heading
    /// before the table, if any, which names its scrolling region.
    pub fn event<'a>(&mut self, event: Event<'a>, heading: Option<&str>) -> Vec<Event<'a>> {
        match event {
            Event::Start(Tag::Table(alignments)) => {
                self.alignments = alignments;
                let name = match heading {
                    Some(id) => format!(r#"aria-labelledby="{}""#, escape(id)),
                    None => r#"aria-label="Table""#.to_string(),
                };
                let open =
                    format!(r#"<div class="table-scroll" tabindex="0" role="region" {name}>"#);
                vec![html(open), Event::Start(Tag::Table(Vec::new()))]
            }
            Event::End(TagEnd::Table) => vec![event, html("</div>\n".into())],
            Event::Start(Tag::TableHead) => {
                self.in_head = true;
                self.column = 0;
                vec![event]
            }
            Event::End(TagEnd::TableHead) => {
                self.in_head = false;
                vec![event]
            }
            Event::Start(Tag::TableRow) => {
                self.column = 0;
                vec![event]
            }
            Event::Start(Tag::TableCell) => {
                let tag = if self.in_head { "th" } else { "td" };
                let class = match self.alignments.get(self.column) {
                    Some(Alignment::Left) => r#" class="align-left""#,
                    Some(Alignment::Center) => r#" class="align-center""#,
                    Some(Alignment::Right) => r#" class="align-right""#,
                    _ => "",
                };
                self.column += 1;
                // The writer still closes the cell itself, as `</th>` or `</td>`.
                vec![html(format!("<{tag}{class}>"))]
            }
            other => vec![other],
        }
    }
}

/// The words that make a paragraph a table's caption.
pub const CAPTION: &str = "Table: ";

/// The caption's opening tag.
pub fn caption_open(id: &str) -> Event<'static> {
    html(format!(r#"<caption id="{}">"#, escape(id)))
}

pub fn caption_close() -> Event<'static> {
    html("</caption>".into())
}

fn html(text: String) -> Event<'static> {
    Event::Html(CowStr::from(text))
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('"', "&quot;")
        .replace('<', "&lt;")
}
