//! Tera's errors as editors' diagnostics, at `templates/x.html:line:col`.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use tera::ErrorKind;

use super::marks::Marks;
use crate::diagnostic::Diagnostic;

/// Where `tag` first appears in template `name`, for problems with no span of their own.
fn at_tag(sources: &HashMap<String, (PathBuf, String)>, name: &str, tag: &str) -> Diagnostic {
    let (shown, text) = sources
        .get(name)
        .cloned()
        .unwrap_or_else(|| (PathBuf::from("templates").join(name), String::new()));
    let (line, col) = crate::diagnostic::LineIndex::new(&text)
        .find(tag)
        .unwrap_or((1, 1));
    Diagnostic::new(shown, line, col, "")
}

fn chain(names: &[String]) -> String {
    names
        .iter()
        .map(|n| format!("`{n}`"))
        .collect::<Vec<_>>()
        .join(" → ")
}

/// A Tera error as `templates/x.html:line:col`. `rendering` names the document being
/// rendered, for errors that have no template position.
pub fn from_tera(
    error: &tera::Error,
    sources: &HashMap<String, (PathBuf, String)>,
    marks: &Marks,
    rendering: Option<&Path>,
) -> Diagnostic {
    let shown = |name: &str| {
        sources
            .get(name)
            .map_or_else(|| PathBuf::from("templates").join(name), |(p, _)| p.clone())
    };
    match error.kind() {
        ErrorKind::SyntaxError(report) | ErrorKind::RenderingError(report) => {
            let span = report.span();
            let message = report.message().to_string();
            // Rendering runs the marked templates, whose columns are shifted by the marks.
            let col = match error.kind() {
                ErrorKind::RenderingError(_) => {
                    marks.original_col(report.filename(), span.start_line, span.start_col)
                }
                _ => span.start_col,
            };
            let problem = Diagnostic::new(shown(report.filename()), span.start_line, col + 1, message);
            match error.kind() {
                ErrorKind::SyntaxError(_) => problem.with_help(
                    "every {% if %}, {% for %} and {% block %} needs its {% endif %}, {% endfor %} or {% endblock %}",
                ),
                _ => problem,
            }
        }
        ErrorKind::MissingParent { current, parent } => {
            let (shown_path, text) = sources.get(current).cloned().unwrap_or_default();
            let (line, col) = crate::diagnostic::LineIndex::new(&text)
                .find(parent.as_str())
                .unwrap_or((1, 1));
            Diagnostic::new(
                shown_path,
                line,
                col,
                format!("`{current}` extends `{parent}`, which does not exist"),
            )
            .with_help("check the name in `{% extends %}` against the files in templates/")
        }
        ErrorKind::CircularInclude { tpl, include_chain } => {
            at_tag(sources, tpl, "{% include")
                .message(format!(
                    "`{tpl}` includes itself through {}",
                    chain(include_chain)
                ))
                .with_help("remove one of the {% include %} tags so that the templates stop including each other")
        }
        ErrorKind::CircularExtend {
            tpl,
            inheritance_chain,
        } => at_tag(sources, tpl, "{% extends")
            .message(format!(
                "`{tpl}` extends itself through {}",
                chain(inheritance_chain)
            ))
            .with_help("a template cannot extend one that extends it"),
        ErrorKind::TemplateNotFound(name) => Diagnostic::file(
            rendering.map_or_else(|| PathBuf::from("templates"), Path::to_path_buf),
            format!("the template `{name}` does not exist"),
        ),
        _ => {
            let mut message = error.to_string();
            let mut source = std::error::Error::source(error);
            while let Some(cause) = source {
                message.push_str(&format!(": {cause}"));
                source = cause.source();
            }
            Diagnostic::file(
                rendering.map_or_else(|| PathBuf::from("templates"), Path::to_path_buf),
                message,
            )
        }
    }
}
