//! What a build says about its languages: for each language other than the default, the
//! pages that have no translation yet (shown in the default language), and the
//! translations still marked `translation: needs-review`; and which languages offer the
//! self-check, all with one logic.

use crate::content::Library;

use super::load::Site;

/// One language's translations on the day of a build.
#[derive(Debug, Clone)]
pub struct Translations {
    pub code: String,
    pub name: String,
    /// Published pages and sections of the default language.
    pub total: usize,
    /// The sources of those with no translation into this language, which its pages
    /// link to in the default language.
    pub untranslated: Vec<String>,
    /// The sources of its translations marked `translation: needs-review`.
    pub needs_review: Vec<String>,
}

impl Translations {
    pub fn translated(&self) -> usize {
        self.total - self.untranslated.len()
    }
}

/// The report for every language but the default.
pub fn report(site: &Site, library: &Library) -> Vec<Translations> {
    let originals: Vec<usize> = (library.documents.iter().enumerate())
        .filter(|(_, d)| d.translation_of.is_none() && !d.preview)
        .map(|(i, _)| i)
        .collect();
    (site.languages().others())
        .map(|(lang, language)| Translations {
            code: language.code.clone(),
            name: language.name.clone(),
            total: originals.len(),
            untranslated: (originals.iter())
                .filter(|&&i| library.in_language(i, lang) == i)
                .map(|&i| library.documents[i].source.clone())
                .collect(),
            needs_review: (library.documents.iter())
                .filter(|d| d.lang == lang && d.needs_review())
                .map(|d| d.source.clone())
                .collect(),
        })
        .collect()
}

/// The names of the languages whose pages offer the self-check, the default first.
pub fn selfcheck_languages(site: &Site) -> Vec<String> {
    let Some(loaded) = &site.selfcheck else {
        return Vec::new();
    };
    (loaded.languages().into_iter())
        .map(|lang| site.languages().get(lang).name.clone())
        .collect()
}
