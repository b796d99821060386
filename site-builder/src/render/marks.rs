//! Marks every HTML start tag a template writes with where it is written, so that a
//! problem the page checks find in a rendered page is placed at its template's line, once,
//! not searched for as text. The page pass reads the mark (`data-sb-at`) and removes it.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use crate::diagnostic::LineIndex;

/// The attribute that carries a mark through rendering.
pub const ATTRIBUTE: &str = "data-sb-at";

/// How many marks one template may hold: each template numbers its marks from its own
/// multiple of this, so a template's marked text does not change when another one gains
/// or loses a tag (pages made with it are then the same, and the preview keeps them).
const BLOCK: usize = 1 << 24;

/// Where each mark was written: the template file, line and column of its tag.
#[derive(Debug, Clone, Default)]
pub struct Marks {
    /// The places of each template's marks, in the order the templates were marked.
    places: Vec<Vec<(PathBuf, usize, usize)>>,
    /// Per template, where marks were put: (line, column in the original, length added).
    shifts: HashMap<String, Vec<(usize, usize, usize)>>,
}

impl Marks {
    pub fn place(&self, mark: usize) -> Option<&(PathBuf, usize, usize)> {
        self.places.get(mark / BLOCK)?.get(mark % BLOCK)
    }

    /// The column in template `name`'s own text of a 0-based column Tera reports in its
    /// marked text, on a 1-based line.
    pub fn original_col(&self, name: &str, line: usize, marked_col: usize) -> usize {
        let mut added = 0;
        for &(_, col, len) in self
            .shifts
            .get(name)
            .into_iter()
            .flatten()
            .filter(|s| s.0 == line)
        {
            // Both are 0-based here: the mark went in after column `col - 1` (1-based).
            if marked_col >= col - 1 + added + len {
                added += len;
            } else {
                break;
            }
        }
        marked_col.saturating_sub(added)
    }

    /// `text`, the template `name` at `shown`, with a mark after the name of every start
    /// tag outside Tera tags, comments, scripts and styles.
    pub fn mark(&mut self, name: &str, shown: &Path, text: &str) -> String {
        let block = self.places.len() * BLOCK;
        let mut places = Vec::new();
        let lines = LineIndex::new(text);
        let mut out = String::with_capacity(text.len() + text.len() / 8);
        let bytes = text.as_bytes();
        let (mut i, mut copied) = (0, 0);
        while i < bytes.len() {
            let rest = &text[i..];
            let skip_to = if rest.starts_with("{{") {
                Some("}}")
            } else if rest.starts_with("{%") {
                Some("%}")
            } else if rest.starts_with("{#") {
                Some("#}")
            } else if rest.starts_with("<!--") {
                Some("-->")
            } else {
                None
            };
            if let Some(end) = skip_to {
                i += rest[2..]
                    .find(end)
                    .map_or(rest.len(), |e| e + 2 + end.len());
                continue;
            }
            if bytes[i] == b'<' && bytes.get(i + 1).is_some_and(u8::is_ascii_alphabetic) {
                let name_len = rest[1..]
                    .find(|c: char| !(c.is_ascii_alphanumeric() || c == '-' || c == ':'))
                    .unwrap_or(rest.len() - 1);
                let name_end = i + 1 + name_len;
                let (line, col) = lines.position(i);
                out.push_str(&text[copied..name_end]);
                let mark = format!(" {ATTRIBUTE}=\"{}\"", block + places.len().min(BLOCK - 1));
                let (_, name_col) = lines.position(name_end);
                (self.shifts.entry(name.to_string()).or_default()).push((
                    line,
                    name_col,
                    mark.len(),
                ));
                out.push_str(&mark);
                places.push((shown.to_path_buf(), line, col));
                copied = name_end;
                i = name_end;
                let name = text[i - name_len..i].to_ascii_lowercase();
                // Raw text: nothing inside a script or a style is a tag.
                if name == "script" || name == "style" {
                    let close = format!("</{name}");
                    i += text[i..]
                        .to_ascii_lowercase()
                        .find(&close)
                        .unwrap_or(text.len() - i);
                }
                continue;
            }
            i += rest.chars().next().map_or(1, char::len_utf8);
        }
        out.push_str(&text[copied..]);
        self.places.push(places);
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn start_tags_are_marked_and_tera_and_comments_are_not() {
        let mut marks = Marks::default();
        let text = "<p class=\"x\">{{ '<b>' }}\n{% set a = '<i>' %}<!-- <u> --><a href=\"{{ u }}\"{% if x %} hidden{% endif %}>y</a>\n<script src=\"s.js\">if (a<b) {}</script><br></p>";
        let marked = marks.mark("t.html", &PathBuf::from("templates/t.html"), text);
        assert_eq!(
            marked,
            "<p data-sb-at=\"0\" class=\"x\">{{ '<b>' }}\n{% set a = '<i>' %}<!-- <u> --><a data-sb-at=\"1\" href=\"{{ u }}\"{% if x %} hidden{% endif %}>y</a>\n<script data-sb-at=\"2\" src=\"s.js\">if (a<b) {}</script><br data-sb-at=\"3\"></p>"
        );
        assert_eq!(
            marks.place(1),
            Some(&(PathBuf::from("templates/t.html"), 2, 32))
        );
        assert_eq!(marks.place(3).map(|p| p.1), Some(3));
        // Tera's columns in the marked text map back to the template as written.
        let marked_line = marked.lines().nth(1).unwrap();
        let in_marked = marked_line.find("{{ u }}").unwrap();
        assert_eq!(in_marked, 40 + " data-sb-at=\"1\"".len());
        assert_eq!(marks.original_col("t.html", 2, in_marked), 40);
        assert_eq!(text.lines().nth(1).unwrap().find("{{ u }}"), Some(40));
        assert_eq!(marks.original_col("t.html", 2, 5), 5);
    }
}
