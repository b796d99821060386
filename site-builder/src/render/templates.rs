//! Loading the Tera templates: the site's own `templates/` laid over the built-in theme,
//! file by file. Each is kept as written, to place problems, and rendered from a marked
//! copy whose tags say where they were written (see `marks`).

use std::collections::{BTreeSet, HashMap, HashSet};
use std::path::{Path, PathBuf};

use tera::{ErrorKind, Tera};
use walkdir::WalkDir;

use super::marks::Marks;
use super::tera_errors::from_tera;
use crate::diagnostic::{closest, Diagnostic, LineIndex};
use crate::theme;

/// The site's templates, with their sources kept to place problems.
pub struct Templates {
    /// Renders the marked templates.
    pub tera: Tera,
    /// Template name to (shown path, source text as written).
    pub sources: HashMap<String, (PathBuf, String)>,
    /// Where each mark in a rendered page was written.
    pub marks: Marks,
    /// The site's templates that replace no built-in one, by name.
    pub own: Vec<String>,
    /// The hash of each compiled template as Tera was given it (marked), with its path.
    marked: HashMap<String, blake3::Hash>,
}

impl Templates {
    /// Loads every `.html` file under `dir` (except `assets/`) over the built-in theme,
    /// and compiles those a build needs: the site's own, the ones named in `used` (the
    /// pages' templates) and `404.html`, and every template they extend, include or
    /// import. A built-in template no page uses is left out, so a site's own `base.html`
    /// need not have the blocks that only such a template fills.
    pub fn load<'a>(
        dir: &Path,
        shown_root: &Path,
        used: impl IntoIterator<Item = &'a str>,
    ) -> Result<Templates, Vec<Diagnostic>> {
        let (mut sources, mut problems) = read_sources(dir, shown_root);
        let mut own: Vec<String> = (sources.keys())
            .filter(|name| theme::get(name).is_none())
            .cloned()
            .collect();
        own.sort();
        let site_names: Vec<String> = sources.keys().cloned().collect();
        for (name, text) in theme::templates() {
            (sources.entry(name.to_string())).or_insert_with(|| (theme::shown(name), text.into()));
        }
        let mut roots: Vec<String> = used.into_iter().map(str::to_string).collect();
        roots.extend(site_names.into_iter().chain(["404.html".to_string()]));
        let names = needed(&sources, roots);
        let mut marks = Marks::default();
        // Parse each template alone first, so every syntax error is reported, not just one.
        for name in &names {
            let mut alone = Tera::new();
            declare_functions(&mut alone);
            if let Err(e) = alone.add_raw_template(name, &sources[name].1) {
                if matches!(e.kind(), ErrorKind::SyntaxError(_)) {
                    problems.push(from_tera(&e, &sources, &marks, None));
                }
            }
        }
        problems.extend(blocks_without_parent(&sources, &names));
        if !problems.is_empty() {
            return Err(problems);
        }
        let marked: Vec<(&str, String)> = (names.iter())
            .map(|name| {
                let (shown, text) = &sources[name];
                (name.as_str(), marks.mark(name, shown, text))
            })
            .collect();
        let mut tera = Tera::new();
        declare_functions(&mut tera);
        tera.autoescape_on([".html"]);
        tera.add_raw_templates(marked.iter().map(|(n, text)| (*n, text.as_str())))
            .map_err(|e| vec![from_tera(&e, &sources, &marks, None)])?;
        let marked = (marked.iter())
            .map(|(name, text)| {
                let mut hash = blake3::Hasher::new();
                hash.update(sources[*name].0.as_os_str().as_encoded_bytes());
                hash.update(text.as_bytes());
                (name.to_string(), hash.finalize())
            })
            .collect();
        Ok(Templates {
            tera,
            sources,
            marks,
            own,
            marked,
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
    /// `template:` line, with the closest name. And every template of the site's own must
    /// replace a built-in one or be used: one that does neither is most likely an override
    /// with a mistyped name, which would otherwise be silently ignored.
    pub fn check_documents(&self, library: &crate::content::Library) -> Vec<Diagnostic> {
        let mut known: Vec<&str> = self.sources.keys().map(String::as_str).collect();
        known.sort();
        let mut problems: Vec<Diagnostic> = library
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
            .collect();
        let used: HashSet<&str> = (library.documents.iter())
            .map(|d| d.template())
            .chain(self.sources.values().flat_map(|(_, text)| referenced(text)))
            .collect();
        for name in self.own.iter().filter(|n| !used.contains(n.as_str())) {
            let message = format!("`{name}` replaces no template of the built-in theme, and no page or template uses it");
            let problem = Diagnostic::file(&self.sources[name].0, message);
            problems.push(match closest(name, theme::templates().map(|(n, _)| n)) {
                Some(best) => problem.with_help(format!("did you mean `{best}`? A file replaces the built-in one of the same name (`site-builder theme list` shows them)")),
                None => problem.with_help("name it after the built-in file it replaces (`site-builder theme list` shows them), or use it from a page's `template:`"),
            });
        }
        problems
    }

    /// What a page rendered with `name` depends on, of the templates: the compiled text
    /// of `name` and of every template it extends, includes or imports.
    pub fn fingerprint(&self, name: &str) -> blake3::Hash {
        let mut hash = blake3::Hasher::new();
        for name in needed(&self.sources, vec![name.to_string()]) {
            hash.update(name.as_bytes());
            let marked = self.marked.get(&name).map(blake3::Hash::as_bytes);
            hash.update(marked.unwrap_or(&[0; 32]));
        }
        hash.finalize()
    }

    /// Whether `name`, or a template it extends or includes, mentions `word`.
    pub fn mentions(&self, name: &str, word: &str) -> bool {
        let mut seen = HashSet::new();
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

/// Declares the functions each language's Tera defines (`t`, the interface strings, and
/// `link`, a page in the page's language), so templates that call them compile once, for
/// every language: each language's copy replaces them with its own.
fn declare_functions(tera: &mut Tera) {
    for name in ["t", "link"] {
        tera.register_function(name, |_: tera::Kwargs, _: &tera::State| tera::Value::none());
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

/// `roots` and every template they extend, include or import, in name order: the
/// templates a build compiles. Names with no source are left to Tera to report.
fn needed(sources: &HashMap<String, (PathBuf, String)>, roots: Vec<String>) -> BTreeSet<String> {
    let mut names = BTreeSet::new();
    let mut stack = roots;
    while let Some(name) = stack.pop() {
        let Some((_, text)) = sources.get(&name) else {
            continue;
        };
        if names.insert(name.clone()) {
            stack.extend(referenced(text).map(str::to_string));
        }
    }
    names
}

/// A block that a template fills but no template it extends has: Tera refuses it. It
/// happens when a site's own `base.html` drops a block that a built-in template fills,
/// so it is reported at the block, naming the parent to add it to.
fn blocks_without_parent(
    sources: &HashMap<String, (PathBuf, String)>,
    names: &BTreeSet<String>,
) -> Vec<Diagnostic> {
    let mut problems = Vec::new();
    for name in names {
        let (shown, text) = &sources[name];
        let mut parents = Vec::new();
        let mut current = text;
        while let Some((parent, (_, parent_text))) =
            extends(current).and_then(|p| Some((p, sources.get(p)?)))
        {
            if parents.contains(&parent) || parents.len() > sources.len() {
                break;
            }
            parents.push(parent);
            current = parent_text;
        }
        let Some(&top) = parents.last() else {
            continue;
        };
        for (at, block) in blocks(text) {
            if parents
                .iter()
                .any(|p| blocks(&sources[*p].1).any(|(_, b)| b == block))
            {
                continue;
            }
            let (line, col) = LineIndex::new(text).position(at);
            let parent_shown = sources[top].0.display();
            problems.push(
                Diagnostic::new(shown, line, col, format!("`{name}` fills the block `{block}`, which `{top}` ({parent_shown}) does not have"))
                    .with_help(format!("add {{% block {block} %}}{{% endblock {block} %}} to {parent_shown}, where the built-in {top} has it (`site-builder theme eject {top}` writes the built-in file)")),
            );
        }
    }
    problems
}

/// The blocks a template defines, with where each tag starts (`{% block x %}`, or
/// `{%- block x %}`).
fn blocks(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.match_indices("{%").filter_map(move |(at, _)| {
        let rest = text[at + 2..].trim_start_matches('-').trim_start();
        let rest = rest
            .strip_prefix("block")?
            .strip_prefix(char::is_whitespace)?
            .trim_start();
        let end = rest.find(|c: char| !(c.is_alphanumeric() || c == '_'))?;
        Some((at, &rest[..end]))
    })
}

/// The templates a template extends, includes or imports.
fn referenced(text: &str) -> impl Iterator<Item = &str> {
    ["{% extends", "{% include", "{% import"]
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
