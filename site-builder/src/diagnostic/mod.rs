//! Problems reported to editors, as `path:line:col: error: message`.
//!
//! Editors read these, not programmers, so every problem names the file, the line and the
//! column, and carries a `help:` line where a fix is likely.

mod print;

use std::fmt;
use std::path::{Path, PathBuf};

pub use print::{short, Color, Form, Printer};

/// How serious a problem is: errors stop the build, warnings are printed and it goes on.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Severity {
    #[default]
    Error,
    Warning,
}

/// One problem in one file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub severity: Severity,
    /// Path as the editor knows it: relative to the site root where possible.
    pub path: PathBuf,
    /// 1-based line.
    pub line: usize,
    /// 1-based column, counted in characters.
    pub col: usize,
    pub message: String,
    pub help: Option<String>,
}

impl Diagnostic {
    pub fn new(
        path: impl Into<PathBuf>,
        line: usize,
        col: usize,
        message: impl Into<String>,
    ) -> Self {
        Diagnostic {
            severity: Severity::Error,
            path: path.into(),
            line: line.max(1),
            col: col.max(1),
            message: message.into(),
            help: None,
        }
    }

    /// A problem with a whole file rather than a place in it.
    pub fn file(path: impl Into<PathBuf>, message: impl Into<String>) -> Self {
        Diagnostic::new(path, 1, 1, message)
    }

    pub fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    /// The same place, with another message.
    pub fn message(mut self, message: impl Into<String>) -> Self {
        self.message = message.into();
        self
    }

    /// The same problem, reported as a warning that does not stop the build.
    pub fn warning(mut self) -> Self {
        self.severity = Severity::Warning;
        self
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}:{}:{}: {}: {}",
            self.path.display(),
            self.line,
            self.col,
            match self.severity {
                Severity::Error => "error",
                Severity::Warning => "warning",
            },
            self.message
        )?;
        if let Some(help) = &self.help {
            write!(f, "\n  help: {help}")?;
        }
        Ok(())
    }
}

/// Finds line and column for byte offsets in one text.
pub struct LineIndex<'a> {
    text: &'a str,
    line_starts: Vec<usize>,
}

impl<'a> LineIndex<'a> {
    pub fn new(text: &'a str) -> Self {
        let mut line_starts = vec![0];
        line_starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        LineIndex { text, line_starts }
    }

    /// 1-based line and character column of a byte offset.
    pub fn position(&self, offset: usize) -> (usize, usize) {
        let offset = offset.min(self.text.len());
        let line = self.line_starts.partition_point(|&start| start <= offset);
        let start = self.line_starts[line - 1];
        let col = self.text[start..offset].chars().count() + 1;
        (line, col)
    }

    /// The byte offset of a 1-based line and character column, if the text has it.
    pub fn offset(&self, line: usize, col: usize) -> Option<usize> {
        let start = *self.line_starts.get(line.checked_sub(1)?)?;
        let end = self
            .line_starts
            .get(line)
            .copied()
            .unwrap_or(self.text.len());
        let line_text = &self.text[start..end];
        let within = line_text
            .char_indices()
            .nth(col.saturating_sub(1))
            .map_or(line_text.len(), |(i, _)| i);
        Some(start + within)
    }

    /// Where the first occurrence of `needle` starts, if any.
    pub fn find(&self, needle: &str) -> Option<(usize, usize)> {
        self.text.find(needle).map(|at| self.position(at))
    }
}

/// Reads a text file, reporting bytes that are not UTF-8 at the line and column where
/// they are: editors can find a stray character, not a whole file.
pub fn read_text(file: &Path, shown: &Path) -> Result<String, Diagnostic> {
    let bytes = std::fs::read(file)
        .map_err(|e| Diagnostic::file(shown, format!("cannot read the file: {e}")))?;
    String::from_utf8(bytes).map_err(|e| {
        let valid = e.utf8_error().valid_up_to();
        let good = String::from_utf8_lossy(&e.as_bytes()[..valid]).into_owned();
        let (line, col) = LineIndex::new(&good).position(valid);
        Diagnostic::new(shown, line, col, "this character is not valid UTF-8 text")
            .with_help("save the file as UTF-8 in your editor, or retype the character")
    })
}

/// Shows a path relative to `root` when it lies inside it.
pub fn display_path(root: &Path, path: &Path) -> PathBuf {
    path.strip_prefix(root).unwrap_or(path).to_path_buf()
}

/// The closest of `candidates` to `wrong`, when it is close enough to be a likely typo:
/// the engine's one "did you mean", shared by every message.
pub use selfcheck_engine::closest;

/// The closest of the pages `candidates` (paths inside content/) to the page path `wrong`.
/// Paths share long folder names, so a whole-path match is kept only when the file names
/// match too, or are themselves close: `guides/nope.md` suggests nothing rather than
/// `guides/b.md`.
pub fn closest_page<'a>(
    wrong: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    let best = closest(wrong, candidates)?;
    let (typed, found) = (file_name(wrong), file_name(best));
    (typed == found || closest(typed, [found]).is_some()).then_some(best)
}

/// `guides/first` for `guides/first.md`'s last part: `first`.
fn file_name(path: &str) -> &str {
    let file = path.rsplit('/').next().unwrap_or(path);
    file.strip_suffix(".md").unwrap_or(file)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn page_suggestions_look_at_the_file_name() {
        let pages = [
            "guides/b.md",
            "guides/bundle/index.md",
            "news/_index.md",
            "news/awareness-week.md",
        ];
        assert_eq!(closest_page("guides/nope.md", pages), None);
        assert_eq!(closest_page("news/figures.md", pages), None);
        assert_eq!(
            closest_page("guides/bundel/index.md", pages),
            Some("guides/bundle/index.md")
        );
        assert_eq!(
            closest_page("news/awarness-week.md", pages),
            Some("news/awareness-week.md")
        );
    }

    #[test]
    fn positions_count_lines_and_characters() {
        let index = LineIndex::new("ab\ncé d\n");
        assert_eq!(index.position(0), (1, 1));
        assert_eq!(index.position(3), (2, 1));
        assert_eq!(index.position(7), (2, 4));
        assert_eq!(index.find("d"), Some((2, 4)));
    }

    #[test]
    fn text_that_is_not_utf8_is_placed() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("bad.md");
        std::fs::write(&file, b"---\ntitle: Caf\xe9\n---\n").unwrap();
        let problem = read_text(&file, Path::new("content/bad.md")).unwrap_err();
        assert_eq!(
            problem.to_string(),
            "content/bad.md:2:11: error: this character is not valid UTF-8 text\n  help: save the file as UTF-8 in your editor, or retype the character"
        );
    }

    #[test]
    fn display_has_help_line() {
        let d = Diagnostic::new("content/a.md", 3, 5, "unknown field `titel`")
            .with_help("did you mean `title`?");
        assert_eq!(
            d.to_string(),
            "content/a.md:3:5: error: unknown field `titel`\n  help: did you mean `title`?"
        );
    }

    #[test]
    fn closest_suggests_typos_only() {
        assert_eq!(closest("titel", ["title", "date"]), Some("title"));
        assert_eq!(closest("zzz", ["title", "date"]), None);
    }
}
