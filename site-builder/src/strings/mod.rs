//! Interface strings: every word the theme's templates and scripts show, in Fluent
//! (`.ftl`), one file per language in the theme's `strings/`, each replaceable by a file
//! of the same name in the site's `templates/strings/`. Plurals follow each language's
//! CLDR rules through fluent-bundle (Welsh has six forms: zero, one, two, few, many and
//! other), never rules written here.
//!
//! A message missing from a language falls back to the default language's file, then to
//! the theme's English, and the build warns at the template line that asks for it.

mod files;
mod function;
mod uses;

use std::path::{Path, PathBuf};
use std::sync::Arc;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource};

use crate::config::Languages;
use crate::date::Date;
use crate::diagnostic::Diagnostic;

pub use function::install;
pub use uses::check;

type Bundle = FluentBundle<FluentResource>;

/// One `.ftl` file, read.
struct File {
    /// As problems name it: `theme:strings/cy.ftl` or `templates/strings/cy.ftl`.
    shown: PathBuf,
    bundle: Bundle,
}

/// The interface strings of every language of the site.
pub struct Strings {
    files: Vec<File>,
    /// For each site language, the files to look in, in order: its own, the default
    /// language's, the theme's English.
    chains: Vec<Vec<usize>>,
    /// For each site language, the file written for it, if there is one.
    own: Vec<Option<usize>>,
    /// The theme's English file, which has every message the theme uses.
    english: usize,
    /// Of every file's text and of the chains: two loads with one fingerprint give the
    /// same words.
    fingerprint: blake3::Hash,
}

impl Strings {
    /// Reads the strings of every language in `languages`, the site's own files in
    /// `templates_dir` over the theme's.
    pub fn load(templates_dir: &Path, languages: &Languages) -> (Arc<Strings>, Vec<Diagnostic>) {
        files::load(templates_dir, languages)
    }

    /// The message `key` in language `lang`, with `args`, falling back along its chain;
    /// `None` when no file has it.
    pub fn text(&self, lang: usize, key: &str, args: Option<&FluentArgs>) -> Option<String> {
        let chain = self.chains.get(lang)?;
        chain.iter().find_map(|&file| {
            let bundle = &self.files[file].bundle;
            let pattern = bundle.get_message(key)?.value()?;
            let mut errors = Vec::new();
            Some(
                bundle
                    .format_pattern(pattern, args, &mut errors)
                    .into_owned(),
            )
        })
    }

    /// The message `key` in language `lang`, or the key itself when no file has it (a
    /// problem the build reports at the template that asks for it).
    pub fn word(&self, lang: usize, key: &str) -> String {
        self.text(lang, key, None)
            .unwrap_or_else(|| key.to_string())
    }

    /// Of every file's text and where each language looks.
    pub fn fingerprint(&self) -> blake3::Hash {
        self.fingerprint
    }

    /// Whether language `lang`'s own file has `key`.
    fn has_own(&self, lang: usize, key: &str) -> bool {
        self.own_file(lang)
            .is_some_and(|f| self.files[f].bundle.has_message(key))
    }

    /// The file written for language `lang` itself, if there is one.
    fn own_file(&self, lang: usize) -> Option<usize> {
        self.own.get(lang).copied().flatten()
    }

    /// `date` written out in language `lang`: "19 April 2027", "19 Ebrill 2027".
    pub fn date_long(&self, lang: usize, date: Date) -> String {
        let (year, month, day) = date.parts();
        let mut args = FluentArgs::new();
        args.set("day", day);
        args.set("month", self.word(lang, &format!("month-{month}")));
        args.set("year", year);
        (self.text(lang, "date-long", Some(&args))).unwrap_or_else(|| date.long())
    }
}
