//! Finding and reading the `.ftl` files: for each language, the site's own file in
//! `templates/strings/` if it has one, else the theme's, by the language's code and then
//! by its language alone (`en-GB`, then `en`).

use std::path::{Path, PathBuf};
use std::sync::Arc;

use fluent_bundle::FluentResource;
use unic_langid::LanguageIdentifier;

use super::{Bundle, File, Strings};
use crate::config::{Language, Languages};
use crate::diagnostic::{Diagnostic, LineIndex};
use crate::theme;

/// The folder of the strings, in the theme and in a site's `templates/`.
pub const FOLDER: &str = "strings";

pub fn load(templates_dir: &Path, languages: &Languages) -> (Arc<Strings>, Vec<Diagnostic>) {
    let mut problems = Vec::new();
    let mut files: Vec<File> = Vec::new();
    let mut fingerprint = blake3::Hasher::new();
    let english_text = theme::get(&format!("{FOLDER}/en.ftl")).unwrap_or_default();
    fingerprint.update(english_text).update(b"\0");
    let english_id: LanguageIdentifier = "en".parse().unwrap_or_default();
    let shown = theme::shown(&format!("{FOLDER}/en.ftl"));
    files.push(read(
        &String::from_utf8_lossy(english_text),
        shown,
        english_id,
        &mut problems,
    ));
    let english = 0;
    let mut own: Vec<Option<usize>> = Vec::new();
    for language in languages.all() {
        let found = find(templates_dir, language);
        let index = found.map(
            |(shown, text)| match files.iter().position(|f| f.shown == shown) {
                Some(i) => i,
                None => {
                    fingerprint.update(language.id.to_string().as_bytes());
                    fingerprint
                        .update(b"\0")
                        .update(text.as_bytes())
                        .update(b"\0");
                    files.push(read(&text, shown, language.id.clone(), &mut problems));
                    files.len() - 1
                }
            },
        );
        own.push(index);
    }
    let chains = (0..languages.len())
        .map(|lang| {
            let mut chain: Vec<usize> = Vec::new();
            for file in [own[lang], own[0], Some(english)].into_iter().flatten() {
                if !chain.contains(&file) {
                    chain.push(file);
                }
            }
            chain
        })
        .collect::<Vec<Vec<usize>>>();
    fingerprint.update(format!("{chains:?} {own:?}").as_bytes());
    (
        Arc::new(Strings {
            files,
            chains,
            own,
            english,
            fingerprint: fingerprint.finalize(),
        }),
        problems,
    )
}

/// The file for `language`, as shown and as text: the site's own first.
fn find(templates_dir: &Path, language: &Language) -> Option<(PathBuf, String)> {
    let names = [
        language.code.clone(),
        language.id.language.as_str().to_string(),
    ];
    for name in &names {
        let rel = format!("{FOLDER}/{name}.ftl");
        let path = templates_dir.join(&rel);
        if let Ok(text) = std::fs::read_to_string(&path) {
            return Some((Path::new("templates").join(rel), text));
        }
    }
    names.iter().find_map(|name| {
        let rel = format!("{FOLDER}/{name}.ftl");
        let bytes = theme::get(&rel)?;
        Some((
            theme::shown(&rel),
            String::from_utf8_lossy(bytes).into_owned(),
        ))
    })
}

/// One file, parsed into a bundle for `id`'s plural rules; what cannot be read is a
/// problem at its line.
fn read(
    text: &str,
    shown: PathBuf,
    id: LanguageIdentifier,
    problems: &mut Vec<Diagnostic>,
) -> File {
    let lines = LineIndex::new(text);
    let resource = match FluentResource::try_new(text.to_string()) {
        Ok(resource) => resource,
        Err((resource, errors)) => {
            for error in errors {
                let (line, col) = lines.position(error.pos.start);
                problems.push(
                    Diagnostic::new(&shown, line, col, format!("this Fluent text cannot be read: {}", error.kind))
                        .with_help("write each message as `name = text` at the start of a line; indent the lines that carry on"),
                );
            }
            resource
        }
    };
    let keys = keys(text);
    let mut bundle = Bundle::new_concurrent(vec![id]);
    // Bidi isolation marks would go into attributes and announcements as stray characters;
    // each page sets its own direction instead.
    bundle.set_use_isolating(false);
    if bundle.add_resource(resource).is_err() {
        let mut seen = std::collections::HashSet::new();
        for (key, line, col) in &keys {
            if !seen.insert(key) {
                problems.push(
                    Diagnostic::new(
                        &shown,
                        *line,
                        *col,
                        format!("`{key}` is written twice in this file"),
                    )
                    .with_help("keep one of them: the first would be shown"),
                );
            }
        }
    }
    File { shown, bundle }
}

/// The messages of a file, in order, each with its line and column: a line that starts
/// with a name followed by `=` (continuation lines are indented, comments start `#`).
fn keys(text: &str) -> Vec<(String, usize, usize)> {
    (text.lines().enumerate())
        .filter_map(|(i, line)| {
            let (name, _) = line.split_once('=')?;
            let name = name.trim_end();
            let first = name.chars().next()?;
            let valid = first.is_ascii_alphabetic()
                && name
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
            valid.then(|| (name.to_string(), i + 1, 1))
        })
        .collect()
}
