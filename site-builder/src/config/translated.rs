//! The words of site.yaml in the other languages, written beside the default language's
//! (`translations: {cy: {...}}`), and the settings as a page in one language sees them.
//! Phone numbers, addresses and dates are written once: they are the same in every
//! language, so a translation cannot change them.

use serde::{Deserialize, Serialize};

use super::{Config, Language};

/// The site's own words in another language.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct SiteText {
    #[serde(default)]
    pub title: Option<String>,
    #[serde(default)]
    pub description: Option<String>,
    #[serde(default)]
    pub organisation: Option<String>,
}

/// A support service's words in another language.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct ServiceText {
    /// The service's own name in the language, where it has one (Live Fear Free is Byw
    /// Heb Ofn in Welsh); left out, the default language's name is shown.
    #[serde(default)]
    pub name: Option<String>,
    #[serde(default)]
    pub hours: Option<String>,
    #[serde(default)]
    pub description: Option<String>,
}

/// A banner's words in another language.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct BannerText {
    pub text: String,
}

/// A footer link's words in another language.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct LinkText {
    pub text: String,
}

impl Config {
    /// The settings as pages in `language` see them: each text in that language where
    /// site.yaml has it, else in the default language, with the fields that fell back
    /// noted so templates can mark them. `language` becomes the language's code.
    pub fn in_language(&self, language: &Language) -> Config {
        let mut config = self.clone();
        config.language = language.code.clone();
        if language.default {
            return config;
        }
        let code = language.code.as_str();
        let text = self.translations.get(code).cloned().unwrap_or_default();
        for (name, field, translated) in [
            ("title", &mut config.title, &text.title),
            ("description", &mut config.description, &text.description),
            ("organisation", &mut config.organisation, &text.organisation),
        ] {
            match translated {
                Some(words) => *field = words.clone(),
                None if !field.is_empty() => config.fallback.push(name),
                None => {}
            }
        }
        for service in &mut config.support {
            let text = service.translations.get(code).cloned().unwrap_or_default();
            for (name, field, translated) in [
                ("name", &mut service.name, text.name),
                ("hours", &mut service.hours, text.hours),
                ("description", &mut service.description, text.description),
            ] {
                match translated {
                    Some(words) => *field = words,
                    None if !field.is_empty() => service.fallback.push(name),
                    None => {}
                }
            }
        }
        for banner in config.banner.iter_mut().chain(&mut config.banners) {
            match banner.translations.get(code) {
                Some(text) => banner.text = text.text.clone(),
                None => banner.fallback = true,
            }
        }
        for link in config.brand.iter_mut().flat_map(|b| &mut b.footer_links) {
            if let Some(text) = link.translations.get(code) {
                link.text = text.text.clone();
            }
        }
        config
    }
}
