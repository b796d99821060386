//! Loading the Tera templates, and turning Tera's errors into editors' diagnostics.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use tera::{ErrorKind, Tera};
use walkdir::WalkDir;

use crate::diagnostic::Diagnostic;

/// The templates an editor must provide.
pub const REQUIRED: [&str; 5] = [
    "base.html",
    "index.html",
    "section.html",
    "page.html",
    "404.html",
];

/// The site's templates, with their sources kept to place problems.
pub struct Templates {
    pub tera: Tera,
    /// Template name to (shown path, source text).
    pub sources: HashMap<String, (PathBuf, String)>,
}

impl Templates {
    /// Loads every `.html` and `.xml` file under `dir` (except `assets/`).
    pub fn load(dir: &Path, shown_root: &Path) -> Result<Templates, Vec<Diagnostic>> {
        let mut sources = HashMap::new();
        let mut problems = Vec::new();
        for entry in WalkDir::new(dir)
            .sort_by_file_name()
            .into_iter()
            .filter_map(Result::ok)
        {
            let path = entry.path();
            let rel = path.strip_prefix(dir).unwrap_or(path);
            let name = rel
                .components()
                .map(|c| c.as_os_str().to_string_lossy())
                .collect::<Vec<_>>()
                .join("/");
            let is_template = name.ends_with(".html") || name.ends_with(".xml");
            if !entry.file_type().is_file() || !is_template || name.starts_with("assets/") {
                continue;
            }
            let shown = shown_root.join(rel);
            match std::fs::read_to_string(path) {
                Ok(text) => {
                    sources.insert(name, (shown, text));
                }
                Err(e) => problems.push(Diagnostic::file(
                    shown,
                    format!("cannot read the template: {e}"),
                )),
            }
        }
        for name in REQUIRED {
            if !sources.contains_key(name) {
                problems.push(
                    Diagnostic::file(
                        shown_root.join(name),
                        format!("the template `{name}` is missing"),
                    )
                    .with_help(format!("every site needs templates/{name}")),
                );
            }
        }
        // Parse each template alone first, so every syntax error is reported, not just one.
        let mut names: Vec<&String> = sources.keys().collect();
        names.sort();
        for name in names {
            let mut alone = Tera::new();
            match alone.add_raw_template(name, &sources[name].1) {
                Err(e) if matches!(e.kind(), ErrorKind::SyntaxError(_)) => {
                    problems.push(from_tera(&e, &sources, None))
                }
                _ => {}
            }
        }
        if !problems.is_empty() {
            return Err(problems);
        }
        let mut tera = Tera::new();
        tera.autoescape_on([".html", ".xml"]);
        tera.add_raw_templates(
            sources
                .iter()
                .map(|(n, (_, text))| (n.as_str(), text.as_str())),
        )
        .map_err(|e| vec![from_tera(&e, &sources, None)])?;
        Ok(Templates { tera, sources })
    }

    pub fn has(&self, name: &str) -> bool {
        self.sources.contains_key(name)
    }

    /// Every document's template must exist: a missing one is reported at the document's
    /// `template:` line, with the closest name.
    pub fn check_documents(&self, library: &crate::content::Library) -> Vec<Diagnostic> {
        let mut known: Vec<&str> = self.sources.keys().map(String::as_str).collect();
        known.sort();
        library
            .documents
            .iter()
            .filter(|d| !self.has(d.template()))
            .map(|d| {
                let (line, col) = d.template_at.unwrap_or((1, 1));
                let problem = Diagnostic::new(
                    &d.shown,
                    line,
                    col,
                    format!("the template `{}` does not exist", d.template()),
                );
                match crate::diagnostic::closest(d.template(), known.iter().copied()) {
                    Some(best) => problem.with_help(format!("did you mean `{best}`?")),
                    None => problem.with_help(format!("the templates are: {}", known.join(", "))),
                }
            })
            .collect()
    }

    /// Whether `name`, or a template it extends or includes, mentions `word`.
    pub fn mentions(&self, name: &str, word: &str) -> bool {
        let mut seen = std::collections::HashSet::new();
        let mut stack = vec![name.to_string()];
        while let Some(current) = stack.pop() {
            if !seen.insert(current.clone()) {
                continue;
            }
            let Some((_, text)) = self.sources.get(&current) else {
                continue;
            };
            if text.contains(word) {
                return true;
            }
            stack.extend(referenced(text).map(str::to_string));
        }
        false
    }

    /// The template at the root of `name`'s `{% extends %}` chain, which writes the page's
    /// `<html>` and `<head>`, with the position of its `<head>` (or its start).
    pub fn root_of(&self, name: &str) -> (PathBuf, usize, usize) {
        let mut current = name;
        for _ in 0..self.sources.len() {
            let Some(parent) = self
                .sources
                .get(current)
                .and_then(|(_, text)| extends(text))
            else {
                break;
            };
            if !self.sources.contains_key(parent) {
                break;
            }
            current = parent;
        }
        match self.sources.get(current) {
            Some((shown, text)) => {
                let (line, col) = crate::diagnostic::LineIndex::new(text)
                    .find("<head")
                    .unwrap_or((1, 1));
                (shown.clone(), line, col)
            }
            None => (PathBuf::from("templates").join(current), 1, 1),
        }
    }

    /// Where `needle` first appears in the templates, for problems found in rendered HTML.
    pub fn find(&self, needle: &str) -> Option<Diagnostic> {
        let mut names: Vec<&String> = self.sources.keys().collect();
        names.sort();
        names.into_iter().find_map(|name| {
            let (shown, text) = &self.sources[name];
            let (line, col) = crate::diagnostic::LineIndex::new(text).find(needle)?;
            Some(Diagnostic::new(shown, line, col, String::new()))
        })
    }
}

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

/// The templates a template extends or includes.
fn referenced(text: &str) -> impl Iterator<Item = &str> {
    ["{% extends", "{% include"]
        .into_iter()
        .flat_map(move |tag| {
            text.match_indices(tag)
                .filter_map(move |(at, _)| quoted(&text[at + tag.len()..]))
        })
}

/// The first quoted name in `rest`.
fn quoted(rest: &str) -> Option<&str> {
    let quote = rest.find(['"', '\''])?;
    let close = rest[quote + 1..].find(['"', '\''])?;
    Some(&rest[quote + 1..quote + 1 + close])
}

/// The parent a template extends, from its `{% extends "name" %}` tag.
fn extends(text: &str) -> Option<&str> {
    let at = text.find("{% extends")?;
    let rest = &text[at + "{% extends".len()..];
    let quote = rest.find(['"', '\''])?;
    let close = rest[quote + 1..].find(['"', '\''])?;
    Some(&rest[quote + 1..quote + 1 + close])
}

/// A Tera error as `templates/x.html:line:col`. `rendering` names the document being
/// rendered, for errors that have no template position.
pub fn from_tera(
    error: &tera::Error,
    sources: &HashMap<String, (PathBuf, String)>,
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
            let mut message = report.message().to_string();
            if let Some(doc) = rendering {
                message = format!("{message} (while rendering {})", doc.display());
            }
            let problem = Diagnostic::new(
                shown(report.filename()),
                span.start_line,
                span.start_col + 1,
                message,
            );
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
