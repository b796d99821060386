//! Which messages the templates ask for, read from their text (`t(key="skip-link")`), so
//! that a message a language lacks is reported once, at the line that asks for it, before
//! any page is rendered.

use std::collections::BTreeMap;
use std::path::PathBuf;

use super::Strings;
use crate::config::LoadedConfig;
use crate::diagnostic::{Diagnostic, LineIndex};
use crate::render::Templates;

/// Messages site-builder itself asks for, outside the templates: the note after a link to
/// an untranslated page, and dates.
pub const OWN_KEYS: [&str; 14] = [
    "in-english-link",
    "date-long",
    "month-1",
    "month-2",
    "month-3",
    "month-4",
    "month-5",
    "month-6",
    "month-7",
    "month-8",
    "month-9",
    "month-10",
    "month-11",
    "month-12",
];

/// Where each message is first asked for: (template as shown, line, column).
fn uses(templates: &Templates) -> BTreeMap<String, (PathBuf, usize, usize)> {
    let mut names: Vec<&String> = templates.sources.keys().collect();
    names.sort();
    let mut first = BTreeMap::new();
    for name in names {
        let (shown, text) = &templates.sources[name];
        let lines = LineIndex::new(text);
        for opener in ["t(key=\"", "t(key='"] {
            for (at, _) in text.match_indices(opener) {
                let before = text[..at].chars().next_back();
                if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
                    continue;
                }
                let rest = &text[at + opener.len()..];
                let Some(end) = rest.find(['"', '\'']) else {
                    continue;
                };
                let (line, col) = lines.position(at);
                first
                    .entry(rest[..end].to_string())
                    .or_insert((shown.clone(), line, col));
            }
        }
    }
    first
}

/// A message no file has is an error where it is asked for; one the language's own file
/// lacks is a warning there (English is shown); a language with no file at all is one
/// warning, at its entry in site.yaml.
pub fn check(strings: &Strings, templates: &Templates, config: &LoadedConfig) -> Vec<Diagnostic> {
    let asked = uses(templates);
    let mut problems = Vec::new();
    for (key, (shown, line, col)) in &asked {
        if strings.text(0, key, None).is_none() {
            problems.push(Diagnostic::new(shown, *line, *col, format!("no strings file has the message `{key}`"))
                .with_help("add it to templates/strings/en.ftl (and the other languages' files), or check its name against theme:strings/en.ftl"));
        }
    }
    for (lang, language) in config.languages.all().iter().enumerate() {
        let Some(own) = strings.own_file(lang).filter(|&f| f != strings.english) else {
            if !language.default {
                let at = format!(
                    "languages.{}",
                    config
                        .config
                        .languages
                        .iter()
                        .position(|l| l.code == language.code)
                        .unwrap_or(0)
                );
                problems.push(config.problem_at(&at, format!("there are no interface strings in {} (`{}`): the theme's words are shown in English", language.name, language.code))
                    .with_help(format!("write templates/strings/{}.ftl; `site-builder theme eject strings/en.ftl` gives the English to start from", language.code))
                    .warning());
            }
            continue;
        };
        let file = &strings.files[own].shown;
        let missing =
            |key: &str| !strings.has_own(lang, key) && strings.text(0, key, None).is_some();
        for (key, (shown, line, col)) in asked.iter().filter(|(k, _)| missing(k)) {
            problems.push(
                Diagnostic::new(
                    shown,
                    *line,
                    *col,
                    format!(
                        "{} has no `{key}` in {}: English is shown",
                        language.name,
                        file.display()
                    ),
                )
                .with_help(format!("add `{key} = ...` to {}", file.display()))
                .warning(),
            );
        }
        for key in OWN_KEYS.iter().filter(|k| missing(k)) {
            problems.push(
                Diagnostic::file(
                    file,
                    format!(
                        "{} has no `{key}`, which site-builder uses: English is shown",
                        language.name
                    ),
                )
                .with_help(format!(
                    "add `{key} = ...`; theme:strings/en.ftl has the English"
                ))
                .warning(),
            );
        }
    }
    problems
}
