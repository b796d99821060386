//! The one way problems are shown, to editors in a terminal, in CI logs and in the
//! preview's overlay.
//!
//! - The short form is one `path:line:col: error: message` line, with a `help:` line:
//!   what logs and tests compare.
//! - The rich form, drawn by codespan-reporting, adds the source line with a caret under
//!   the exact place, for people reading in a terminal or in the preview.

use std::collections::HashMap;
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};

use codespan_reporting::diagnostic::{Diagnostic as Report, Label, Severity as Level};
use codespan_reporting::files::SimpleFiles;
use codespan_reporting::term::termcolor::{ColorChoice, StandardStream};
use codespan_reporting::term::{self, Config};

use super::{Diagnostic, LineIndex, Severity};

/// How problems are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Form {
    Short,
    Rich,
}

/// When the rich form is coloured.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Color {
    Auto,
    Always,
    Never,
}

/// Writes problems in one form, reading the files they name from the site's folder (or
/// the built-in theme, for `theme:` names) to show their lines.
#[derive(Debug, Clone)]
pub struct Printer {
    pub form: Form,
    pub color: Color,
    root: PathBuf,
}

impl Printer {
    pub fn new(root: &Path, form: Form, color: Color) -> Printer {
        Printer {
            form,
            color,
            root: root.to_path_buf(),
        }
    }

    /// The rich form where a person reads (a terminal), the short form elsewhere (logs).
    pub fn for_stderr(root: &Path, form: Option<Form>, color: Color) -> Printer {
        let form = form.unwrap_or(if std::io::stderr().is_terminal() {
            Form::Rich
        } else {
            Form::Short
        });
        Printer::new(root, form, color)
    }

    /// The problems as text, without colour: for the preview's overlay and for tests.
    pub fn text(&self, problems: &[Diagnostic]) -> String {
        match self.form {
            Form::Short => short(problems),
            Form::Rich => {
                let (files, reports) = self.reports(problems);
                let mut out = String::new();
                for report in &reports {
                    let _ = term::emit_to_string(&mut out, &config(), &files, report);
                }
                out.trim_end().to_string()
            }
        }
    }

    /// Writes the problems to standard error, coloured as asked.
    pub fn eprint(&self, problems: &[Diagnostic]) {
        if self.form == Form::Short {
            eprintln!("{}", short(problems));
            return;
        }
        let choice = match self.color {
            Color::Always => ColorChoice::Always,
            Color::Never => ColorChoice::Never,
            Color::Auto if std::io::stderr().is_terminal() => ColorChoice::Auto,
            Color::Auto => ColorChoice::Never,
        };
        let stream = StandardStream::stderr(choice);
        let mut lock = stream.lock();
        let (files, reports) = self.reports(problems);
        for report in &reports {
            let _ = term::emit_to_write_style(&mut lock, &config(), &files, report);
        }
        let _ = lock.flush();
    }

    /// Each problem as a codespan report, with a label on its place when the file can be
    /// read; files are read once each.
    fn reports(
        &self,
        problems: &[Diagnostic],
    ) -> (SimpleFiles<String, String>, Vec<Report<usize>>) {
        let mut files = SimpleFiles::new();
        let mut ids: HashMap<&Path, Option<usize>> = HashMap::new();
        let mut reports = Vec::with_capacity(problems.len());
        for problem in problems {
            let id = *ids.entry(&problem.path).or_insert_with(|| {
                let text = match crate::theme::source_of(&problem.path) {
                    Some(built_in) => built_in.to_vec(),
                    None => std::fs::read(self.root.join(&problem.path)).ok()?,
                };
                let text = String::from_utf8_lossy(&text).into_owned();
                Some(files.add(problem.path.display().to_string(), text))
            });
            let level = match problem.severity {
                Severity::Error => Level::Error,
                Severity::Warning => Level::Warning,
            };
            let mut report = Report::new(level).with_message(&problem.message);
            match id.and_then(|id| Some((id, span(files.get(id).ok()?.source(), problem)?))) {
                Some((id, range)) => report = report.with_labels(vec![Label::primary(id, range)]),
                None => {
                    let at = format!(
                        "at {}:{}:{}",
                        problem.path.display(),
                        problem.line,
                        problem.col
                    );
                    report = report.with_notes(vec![at]);
                }
            }
            if let Some(help) = &problem.help {
                report.notes.push(format!("help: {help}"));
            }
            reports.push(report);
        }
        (files, reports)
    }
}

fn config() -> Config {
    Config::default()
}

/// Every problem in the short form, a line each with its help line.
pub fn short(problems: &[Diagnostic]) -> String {
    problems
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join("\n")
}

/// The byte range the caret goes under: from the problem's line and column to the end
/// of the word there, or one character. `None` if the file has no such place.
fn span(text: &str, problem: &Diagnostic) -> Option<std::ops::Range<usize>> {
    let index = LineIndex::new(text);
    let start = index.offset(problem.line, problem.col)?;
    let rest = &text[start..];
    // A quoted value is underlined whole, quotes included.
    if let Some(quote) = rest.chars().next().filter(|c| *c == '"' || *c == '\'') {
        if let Some(close) = rest[1..]
            .find(quote)
            .filter(|&c| !rest[1..1 + c].contains('\n'))
        {
            return Some(start..start + close + 2);
        }
    }
    let end = rest
        .find(|c: char| c.is_whitespace() || "<>\"'`,;()[]{}".contains(c))
        .unwrap_or(rest.len());
    // A YAML key's colon, or a sentence's full stop, is not part of the word.
    let word = rest[..end].trim_end_matches([':', '.']).len();
    let first = rest.chars().next().map_or(0, char::len_utf8);
    Some(start..start + word.max(first))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_rich_form_shows_the_line_and_a_caret_under_the_place() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("content")).unwrap();
        std::fs::write(dir.path().join("content/a.md"), "---\ntitel: Hi\n---\n").unwrap();
        let problem = Diagnostic::new("content/a.md", 2, 1, "unknown field `titel`")
            .with_help("did you mean `title`?");
        let printer = Printer::new(dir.path(), Form::Rich, Color::Never);
        let text = printer.text(std::slice::from_ref(&problem));
        assert!(text.starts_with("error: unknown field `titel`"), "{text}");
        assert!(text.contains("content/a.md:2:1"), "{text}");
        assert!(text.contains("2 │ titel: Hi"), "{text}");
        assert!(text.contains("│ ^^^^^\n"), "{text}");
        assert!(text.contains("= help: did you mean `title`?"), "{text}");
        let short = Printer::new(dir.path(), Form::Short, Color::Never).text(&[problem]);
        assert_eq!(
            short,
            "content/a.md:2:1: error: unknown field `titel`\n  help: did you mean `title`?"
        );
    }

    #[test]
    fn a_problem_in_a_built_in_template_shows_its_line_from_the_binary() {
        let problem = Diagnostic::new("theme:base.html", 2, 1, "something");
        let text = Printer::new(Path::new("/nowhere"), Form::Rich, Color::Never).text(&[problem]);
        assert!(text.contains("theme:base.html:2:1"), "{text}");
        assert!(text.contains("2 │ <html lang="), "{text}");
    }

    #[test]
    fn a_place_outside_any_file_is_named_in_a_note() {
        let problem = Diagnostic::new("--answers", 1, 1, "not JSON");
        let text = Printer::new(Path::new("/nowhere"), Form::Rich, Color::Never).text(&[problem]);
        assert!(text.contains("at --answers:1:1"), "{text}");
    }
}
