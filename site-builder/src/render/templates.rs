//! Loading the Tera templates. Each is kept as written, to place problems, and rendered
//! from a marked copy whose tags say where they were written (see `marks`).

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use tera::{ErrorKind, Tera};
use walkdir::WalkDir;

use super::marks::Marks;
use super::tera_errors::from_tera;
use crate::diagnostic::{closest, Diagnostic, LineIndex};

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
    /// Renders the marked templates.
    pub tera: Tera,
    /// Template name to (shown path, source text as written).
    pub sources: HashMap<String, (PathBuf, String)>,
    /// Where each mark in a rendered page was written.
    pub marks: Marks,
}

impl Templates {
    /// Loads every `.html` file under `dir` (except `assets/`).
    pub fn load(dir: &Path, shown_root: &Path) -> Result<Templates, Vec<Diagnostic>> {
        let (sources, mut problems) = read_sources(dir, shown_root);
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
        let mut marks = Marks::default();
        // Parse each template alone first, so every syntax error is reported, not just one.
        let mut names: Vec<&String> = sources.keys().collect();
        names.sort();
        for name in &names {
            let mut alone = Tera::new();
            if let Err(e) = alone.add_raw_template(name, &sources[*name].1) {
                if matches!(e.kind(), ErrorKind::SyntaxError(_)) {
                    problems.push(from_tera(&e, &sources, &marks, None));
                }
            }
        }
        if !problems.is_empty() {
            return Err(problems);
        }
        let marked: Vec<(String, String)> = names
            .iter()
            .map(|name| {
                let (shown, text) = &sources[*name];
                ((*name).clone(), marks.mark(name, shown, text))
            })
            .collect();
        let mut tera = Tera::new();
        tera.autoescape_on([".html"]);
        tera.add_raw_templates(marked.iter().map(|(n, text)| (n.as_str(), text.as_str())))
            .map_err(|e| vec![from_tera(&e, &sources, &marks, None)])?;
        Ok(Templates {
            tera,
            sources,
            marks,
        })
    }

    pub fn has(&self, name: &str) -> bool {
        self.sources.contains_key(name)
    }

    /// A Tera error at its place in the templates; `rendering` names the document.
    pub fn problem(&self, error: &tera::Error, rendering: Option<&Path>) -> Diagnostic {
        from_tera(error, &self.sources, &self.marks, rendering)
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
                let message = format!("the template `{}` does not exist", d.template());
                let problem = Diagnostic::new(&d.shown, line, col, message);
                match closest(d.template(), known.iter().copied()) {
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
            let parent = self
                .sources
                .get(current)
                .and_then(|(_, text)| extends(text));
            match parent {
                Some(parent) if self.sources.contains_key(parent) => current = parent,
                _ => break,
            }
        }
        match self.sources.get(current) {
            Some((shown, text)) => {
                let (line, col) = LineIndex::new(text).find("<head").unwrap_or((1, 1));
                (shown.clone(), line, col)
            }
            None => (PathBuf::from("templates").join(current), 1, 1),
        }
    }
}

/// Every template's text, by name (`partials/help-now.html`).
fn read_sources(
    dir: &Path,
    shown_root: &Path,
) -> (HashMap<String, (PathBuf, String)>, Vec<Diagnostic>) {
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
        if !entry.file_type().is_file() || !name.ends_with(".html") || name.starts_with("assets/") {
            continue;
        }
        let shown = shown_root.join(rel);
        match crate::diagnostic::read_text(path, &shown) {
            Ok(text) => {
                sources.insert(name, (shown, text));
            }
            Err(problem) => problems.push(problem),
        }
    }
    (sources, problems)
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
    quoted(&text[at + "{% extends".len()..])
}
