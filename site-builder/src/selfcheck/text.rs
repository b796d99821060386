//! The definition's text (prompts, labels, outcomes, reasons) rendered as HTML.

use std::cell::RefCell;

use crate::config::SupportService;
use crate::content::Library;
use crate::diagnostic::Diagnostic;
use crate::markdown;
use crate::selfcheck::Loaded;

pub struct Renderer<'a> {
    pub library: &'a Library,
    pub support: &'a [SupportService],
    pub loaded: &'a Loaded,
    pub problems: RefCell<Vec<Diagnostic>>,
}

impl Renderer<'_> {
    /// Markdown for a paragraph's worth of text, without the paragraph.
    pub fn inline(&self, source: &str, key_path: &str) -> String {
        let html = self.block(source, key_path);
        let trimmed = html.trim_end();
        match trimmed
            .strip_prefix("<p>")
            .and_then(|t| t.strip_suffix("</p>"))
        {
            Some(inner) if !inner.contains("<p>") => inner.to_string(),
            _ => html,
        }
    }

    /// Markdown for whole blocks: paragraphs, lists, links.
    pub fn block(&self, source: &str, key_path: &str) -> String {
        let place = self.loaded.positions.nearest(key_path);
        let path = &self.loaded.path;
        let at = |offset: usize, message: String| {
            let (line, col) = place.inside(source, offset);
            Diagnostic::new(path, line, col, message)
        };
        markdown::render_fragment(source, self.library, self.support, &at).unwrap_or_else(
            |problems| {
                self.problems.borrow_mut().extend(problems);
                String::new()
            },
        )
    }
}
