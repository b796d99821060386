//! The definition's text (prompts, labels, outcomes, reasons) rendered as HTML.
//!
//! Each piece of text is marked in the page as a fragment (see `postprocess::fragment_open`)
//! and remembered with its source map, so that a problem the page checks find in it is
//! reported at its line in the YAML, not in the template that printed it.

use std::cell::RefCell;
use std::path::{Path, PathBuf};

use crate::diagnostic::Diagnostic;
use crate::markdown::{self, SourceMap};
use crate::postprocess::{fragment_close, fragment_open};
use crate::yaml::{Place, Positions};

/// The fragment number of the first text: 0 is the page's own Markdown body.
pub const FIRST_FRAGMENT: usize = 1;

/// One rendered text, to place problems found in it later.
#[derive(Debug, Clone)]
pub struct Fragment {
    source: String,
    place: Place,
    map: SourceMap,
    /// Bytes dropped from the front of the HTML (the `<p>` of inline text).
    shift: usize,
}

/// Where the texts of a definition sit in their file.
#[derive(Debug, Clone, Default)]
pub struct Fragments {
    pub path: PathBuf,
    texts: Vec<Fragment>,
}

impl Fragments {
    /// The position of byte `offset` of fragment `id`'s HTML, if `id` is one of these.
    pub fn position(&self, id: usize, offset: usize) -> Option<(PathBuf, usize, usize)> {
        let text = self.texts.get(id.checked_sub(FIRST_FRAGMENT)?)?;
        let source = text.map.source_offset(offset + text.shift);
        let (line, col) = text.place.inside(&text.source, source);
        Some((self.path.clone(), line, col))
    }
}

pub struct Renderer<'a> {
    pub context: markdown::Context<'a>,
    /// The file the texts are in, and where each value sits in it.
    pub path: &'a Path,
    pub positions: &'a Positions,
    pub problems: RefCell<Vec<Diagnostic>>,
    pub fragments: RefCell<Vec<Fragment>>,
}

impl Renderer<'_> {
    pub fn into_fragments(self) -> Fragments {
        Fragments {
            path: self.path.to_path_buf(),
            texts: self.fragments.into_inner(),
        }
    }

    /// Markdown for a paragraph's worth of text, without the paragraph.
    pub fn inline(&self, source: &str, key_path: &str) -> String {
        self.render(source, key_path, true)
    }

    /// Markdown for whole blocks: paragraphs, lists, links.
    pub fn block(&self, source: &str, key_path: &str) -> String {
        self.render(source, key_path, false)
    }

    fn render(&self, source: &str, key_path: &str, inline: bool) -> String {
        let place = self.positions.nearest(key_path);
        let path = self.path;
        let at = |offset: usize, message: String| {
            let (line, col) = place.inside(source, offset);
            Diagnostic::new(path, line, col, message)
        };
        let (rendered, problems) = markdown::render_fragment(source, &self.context, &at);
        self.problems.borrow_mut().extend(problems);
        let Some(rendered) = rendered else {
            return String::new();
        };
        let (html, shift) = if inline {
            unwrap_paragraph(&rendered.html)
        } else {
            (rendered.html.as_str(), 0)
        };
        let mut fragments = self.fragments.borrow_mut();
        let id = FIRST_FRAGMENT + fragments.len();
        let marked = format!("{}{html}{}", fragment_open(id), fragment_close());
        fragments.push(Fragment {
            source: source.to_string(),
            place,
            map: rendered.map,
            shift,
        });
        marked
    }
}

/// A single paragraph's inside, and how many bytes of the front were dropped.
fn unwrap_paragraph(html: &str) -> (&str, usize) {
    let trimmed = html.trim_end();
    match trimmed
        .strip_prefix("<p>")
        .and_then(|t| t.strip_suffix("</p>"))
    {
        Some(inner) if !inner.contains("<p>") => (inner, "<p>".len()),
        _ => (html, 0),
    }
}
