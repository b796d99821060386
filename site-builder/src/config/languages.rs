//! `languages:` in site.yaml: the languages a site is written in, each with its BCP 47
//! code, its name in itself and its direction. The default language is `language:`; every
//! other one is served under `/<code>/`.
//!
//! Codes are read by `unic-langid`, the Fluent project's own parser of language tags, so
//! `cy`, `ur` and `en-GB` are accepted and `welsh` or `en_GB` are refused at their line.

use std::str::FromStr;

use serde::{Deserialize, Serialize};
use unic_langid::LanguageIdentifier;

use crate::diagnostic::{closest, Diagnostic};

use super::LoadedConfig;

/// One entry of `languages:`, as an editor writes it.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct LanguageEntry {
    /// A BCP 47 tag: `cy`, `ur`, `en-GB`.
    pub code: String,
    /// The language's name in itself, as its readers look for it: `Cymraeg`.
    pub name: String,
    #[serde(default)]
    pub dir: Dir,
}

/// Which way a language's text runs.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Dir {
    #[default]
    Ltr,
    Rtl,
}

/// A language of the site, as a build uses it.
#[derive(Debug, Clone, Serialize)]
pub struct Language {
    pub code: String,
    pub name: String,
    pub dir: Dir,
    /// Where its pages live: `` for the default language, `/cy` for Welsh.
    pub prefix: String,
    /// Whether it is the default language (`language:` in site.yaml).
    pub default: bool,
    #[serde(skip)]
    pub id: LanguageIdentifier,
}

/// The site's languages, the default one first.
#[derive(Debug, Clone)]
pub struct Languages(Vec<Language>, Known);

/// Whether the languages were read from the settings: when site.yaml cannot be read, the
/// build stops after loading, and no file is judged by a language it may have.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Known {
    Yes,
    No,
}

/// The index of the default language in [`Languages`].
pub const DEFAULT: usize = 0;

impl Languages {
    pub fn all(&self) -> &[Language] {
        &self.0
    }

    pub fn get(&self, index: usize) -> &Language {
        &self.0[index]
    }

    pub fn default_language(&self) -> &Language {
        &self.0[DEFAULT]
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// The index of the language written `code` (compared without case), if the site has it.
    pub fn index_of(&self, code: &str) -> Option<usize> {
        self.0
            .iter()
            .position(|l| l.code.eq_ignore_ascii_case(code))
    }

    /// The languages other than the default, with their indexes.
    pub fn others(&self) -> impl Iterator<Item = (usize, &Language)> {
        self.0.iter().enumerate().skip(1)
    }

    /// Whether `code` names one of the other languages: the ones a translation or a
    /// `translations:` entry may be in.
    pub fn is_other(&self, code: &str) -> bool {
        self.index_of(code).is_some_and(|i| i != DEFAULT)
    }

    /// Whether these are the site's languages, rather than a stand-in while site.yaml
    /// has problems.
    pub fn known(&self) -> bool {
        self.1 == Known::Yes
    }

    /// A stand-in for the languages of a site whose settings cannot be read.
    pub fn unknown() -> Languages {
        Languages(Languages::single("en-GB").0, Known::No)
    }

    /// The one language of a site without `languages:`.
    pub fn single(code: &str) -> Languages {
        Languages(
            vec![Language {
                code: code.to_string(),
                name: code.to_string(),
                dir: Dir::Ltr,
                prefix: String::new(),
                default: true,
                id: LanguageIdentifier::from_str(code).unwrap_or_default(),
            }],
            Known::Yes,
        )
    }
}

/// The site's languages from its settings, and the problems with them.
pub fn read(loaded: &LoadedConfig) -> (Languages, Vec<Diagnostic>) {
    let config = &loaded.config;
    let mut problems = Vec::new();
    if let Err(problem) = tag(&config.language, loaded, "language") {
        problems.push(problem);
    }
    if config.languages.is_empty() {
        return (Languages::single(&config.language), problems);
    }
    let mut languages: Vec<Language> = Vec::new();
    for (i, entry) in config.languages.iter().enumerate() {
        let at = format!("languages.{i}.code");
        let id = match tag(&entry.code, loaded, &at) {
            Ok(id) => id,
            Err(problem) => {
                problems.push(problem);
                continue;
            }
        };
        if languages
            .iter()
            .any(|l| l.code.eq_ignore_ascii_case(&entry.code))
        {
            problems.push(loaded.problem_at(
                &at,
                format!("the language `{}` is listed twice", entry.code),
            ));
            continue;
        }
        let default = entry.code.eq_ignore_ascii_case(&config.language);
        languages.push(Language {
            code: entry.code.clone(),
            name: entry.name.clone(),
            dir: entry.dir,
            prefix: if default {
                String::new()
            } else {
                format!("/{}", entry.code.to_lowercase())
            },
            default,
            id,
        });
    }
    let Some(default) = languages.iter().position(|l| l.default) else {
        let language = &config.language;
        problems.push(
            loaded
                .problem_at("languages", format!("the default language `{language}` (`language:`) is not in `languages:`"))
                .with_help(format!("add it to the list, for example `- {{code: {language}, name: English, dir: ltr}}`")),
        );
        return (Languages::single(language), problems);
    };
    let first = languages.remove(default);
    languages.insert(DEFAULT, first);
    let languages = Languages(languages, Known::Yes);
    problems.extend(translation_keys(loaded, &languages));
    (languages, problems)
}

/// `code` read as a BCP 47 tag, or the problem at `key_path`.
fn tag(
    code: &str,
    loaded: &LoadedConfig,
    key_path: &str,
) -> Result<LanguageIdentifier, Diagnostic> {
    LanguageIdentifier::from_str(code)
        .ok()
        .filter(|_| !code.contains('_'))
        .ok_or_else(|| {
            loaded
                .problem_at(key_path, format!("`{code}` is not a language tag (BCP 47)"))
                .with_help("write a tag such as `cy` (Welsh), `ur` (Urdu) or `en-GB` (English, as used in the UK)")
        })
}

/// Every `translations:` entry must be in one of the other languages.
fn translation_keys(loaded: &LoadedConfig, languages: &Languages) -> Vec<Diagnostic> {
    let config = &loaded.config;
    let mut places: Vec<(String, &String)> = Vec::new();
    places.extend(
        config
            .translations
            .keys()
            .map(|k| ("translations".to_string(), k)),
    );
    for (i, service) in config.support.iter().enumerate() {
        places.extend(
            service
                .translations
                .keys()
                .map(|k| (format!("support.{i}.translations"), k)),
        );
    }
    for (at, banner) in config.all_banners() {
        places.extend(
            banner
                .translations
                .keys()
                .map(|k| (format!("{at}.translations"), k)),
        );
    }
    let links = config
        .brand
        .iter()
        .flat_map(|b| b.footer_links.iter().enumerate());
    for (i, link) in links {
        places.extend(
            link.translations
                .keys()
                .map(|k| (format!("brand.footer_links.{i}.translations"), k)),
        );
    }
    let others: Vec<&str> = languages.others().map(|(_, l)| l.code.as_str()).collect();
    places
        .into_iter()
        .filter(|(_, code)| !languages.is_other(code))
        .map(|(at, code)| {
            let message = if languages.index_of(code).is_some() {
                format!("`{code}` is the default language: its text is the one written above")
            } else {
                format!("`{code}` is not one of the site's languages")
            };
            let problem = loaded.problem_at(&format!("{at}.{code}"), message);
            match closest(code, others.iter().copied()) {
                Some(best) => problem.with_help(format!("did you mean `{best}`?")),
                None => {
                    problem.with_help("list the language under `languages:` in site.yaml first")
                }
            }
        })
        .collect()
}
