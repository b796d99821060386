//! Pages and sections: the documents an editor writes.

use std::path::PathBuf;
use std::sync::Arc;

use crate::content::front_matter::{Fingerprints, FrontMatter};

/// Whether a document lists other documents.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A folder's `_index.md`: it lists the pages and sections inside.
    Section,
    /// Any other Markdown file, or `name/index.md` with its assets beside it.
    Page,
}

/// One Markdown file, placed in the site.
#[derive(Debug, Clone)]
pub struct Document {
    pub kind: Kind,
    /// Path inside `content/`, with `/` separators: `get-help/reporting.md`.
    pub source: String,
    /// Path as printed in problems: `content/get-help/reporting.md`.
    pub shown: PathBuf,
    pub front: FrontMatter,
    pub body: Arc<str>,
    pub body_line: usize,
    /// Of the file it was read from.
    pub fingerprints: Fingerprints,
    /// Pretty URL path: `/get-help/reporting/`.
    pub url: String,
    /// The nearest section that contains this document (none for the home page).
    pub parent: Option<usize>,
    /// Published pages directly inside, for a section, in display order.
    pub pages: Vec<usize>,
    /// Published sections directly inside, for a section, in display order.
    pub subsections: Vec<usize>,
    /// Built only because this is a preview: a draft, or outside its publishing window.
    pub preview: bool,
    /// Where `template:` is written in the front matter, when it is.
    pub template_at: Option<(usize, usize)>,
    /// The document's language, by index in the site's languages (0 is the default).
    pub lang: usize,
    /// The source of the default-language document: `source` itself for one, and the
    /// page it translates for a translation.
    pub original: String,
    /// For a translation, the default-language document, by index; `None` for one.
    pub translation_of: Option<usize>,
    /// For a default-language document, its translations, by index.
    pub translations: Vec<usize>,
}

impl Document {
    /// The template to render with, named by the editor or chosen by kind.
    pub fn template(&self) -> &str {
        match (&self.front.template, self.kind) {
            (Some(name), _) => name,
            (None, Kind::Section) if self.is_home() => "index.html",
            (None, Kind::Section) => "section.html",
            (None, Kind::Page) => "page.html",
        }
    }

    /// Whether this is the home page, of the default language or of another.
    pub fn is_home(&self) -> bool {
        self.original == "_index.md"
    }

    /// Whether this translation awaits a fluent speaker's review.
    pub fn needs_review(&self) -> bool {
        self.front.translation.is_some()
    }

    /// Output file path inside `public/`: `get-help/reporting/index.html`.
    pub fn output_path(&self) -> String {
        format!("{}index.html", self.url.trim_start_matches('/'))
    }
}
