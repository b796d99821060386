//! What every template in one language can use, built once per language into that
//! language's Tera: the settings in the language, the menu, the banners, the footer links,
//! the assets, the language itself, and the functions `t` (interface strings) and `link`
//! (a page of the site in the language, or its fallback).

use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;

use serde::Serialize;
use tera::{Context, Kwargs, State, Tera, TeraResult, Value};

use super::menu::menu;
use crate::config::{Config, Languages};
use crate::content::Library;
use crate::date::Date;
use crate::markdown::resolve_link_in;
use crate::strings::{self, Strings};

/// Values every template of one language can use.
pub struct Shared<'a> {
    /// The settings, in the language.
    pub config: &'a Config,
    pub library: &'a Library,
    pub today: Date,
    pub assets: &'a BTreeMap<String, String>,
    pub csp: &'a str,
    /// The self-check's text, with the fingerprint of what it was made from (a `Value`'s
    /// maps have no fixed order to fingerprint it by).
    pub selfcheck: Option<(Value, blake3::Hash)>,
    pub lang: usize,
    pub languages: &'a Languages,
}

/// A banner showing today, with its link resolved to a URL.
#[derive(Serialize)]
struct LiveBanner<'a> {
    text: &'a str,
    url: Option<String>,
    /// The text's language, when it has no translation into the page's.
    lang: Option<&'a str>,
}

/// A link with its address resolved in the page's language.
#[derive(Serialize)]
struct Link<'a> {
    text: &'a str,
    url: String,
    /// The language of the page it leads to, when that is not the page's (a fallback).
    hreflang: Option<&'a str>,
}

impl Shared<'_> {
    fn codes(&self) -> Vec<&str> {
        self.languages
            .all()
            .iter()
            .map(|l| l.code.as_str())
            .collect()
    }

    fn default_code(&self) -> &str {
        &self.languages.default_language().code
    }

    /// `link` resolved in the page's language: its URL, and the language it leads to
    /// when that is the default (no translation). `None` when it does not resolve: that
    /// is reported where the link is written.
    fn resolve(&self, link: &str) -> Option<(String, Option<&str>)> {
        match resolve_link_in(link, self.library, self.lang) {
            Ok(Some(r)) => Some((r.url, r.fallback.then(|| self.default_code()))),
            Ok(None) => Some((link.to_string(), None)),
            Err(_) => None,
        }
    }

    fn footer_links(&self) -> Vec<Link<'_>> {
        let links = self.config.brand.iter().flat_map(|b| &b.footer_links);
        links
            .filter_map(|link| {
                let (url, hreflang) = self.resolve(&link.url)?;
                Some(Link {
                    text: &link.text,
                    url,
                    hreflang,
                })
            })
            .collect()
    }

    /// The banners showing today, in order. A banner's link is checked for its whole
    /// window when the site loads, so it resolves on every day it shows.
    fn banners(&self) -> Vec<LiveBanner<'_>> {
        (crate::banners::live(self.config, self.today).into_iter())
            .map(|banner| LiveBanner {
                text: &banner.text,
                url: banner
                    .link
                    .as_deref()
                    .and_then(|l| self.resolve(l))
                    .map(|(url, _)| url),
                lang: banner.fallback.then(|| self.default_code()),
            })
            .collect()
    }

    /// Every default-language page by source, as `link(to=...)` finds it in this
    /// language: `url`, `lang` (the page's language) and `fallback`.
    fn pages(&self) -> HashMap<String, Value> {
        let codes = self.codes();
        (self.library.documents.iter().enumerate())
            .filter(|(_, d)| d.translation_of.is_none())
            .map(|(i, d)| {
                let shown = &self.library.documents[self.library.in_language(i, self.lang)];
                let value = serde_json::json!({
                    "url": shown.url,
                    "lang": codes[shown.lang],
                    "fallback": shown.lang != self.lang,
                });
                (d.source.clone(), Value::from_serializable(&value))
            })
            .collect()
    }

    fn home_url(&self) -> String {
        match self.library.by_source.get("_index.md") {
            Some(&home) => self.library.documents[self.library.in_language(home, self.lang)]
                .url
                .clone(),
            None => "/".into(),
        }
    }

    /// Puts the values into `tera`'s global context and registers its functions, and
    /// gives the fingerprint of the values: two builds whose values have one fingerprint
    /// give every template of the language the same (the functions answer from the
    /// library's layout and the strings, which the caller fingerprints).
    pub fn install(&self, tera: &mut Tera, strings: Arc<Strings>) -> blake3::Hash {
        let pages = Arc::new(self.pages());
        tera.register_function(
            "link",
            move |kwargs: Kwargs, _: &State| -> TeraResult<Value> {
                let to = kwargs.must_get::<&str>("to")?;
                let source = to.strip_prefix("@/").unwrap_or(to);
                Ok(pages.get(source).cloned().unwrap_or_else(Value::none))
            },
        );
        strings::install(tera, strings, self.lang);
        self.values(tera.global_context())
    }

    fn values(&self, global: &mut Context) -> blake3::Hash {
        let mut put = Globals {
            context: global,
            hasher: blake3::Hasher::new(),
        };
        put.hash("lang_index", &self.lang);
        let config = self.config;
        let language = self.languages.get(self.lang);
        put.value("site", config);
        put.value("support", &config.support);
        put.value("menu", &menu(self.library, self.lang, &self.codes()));
        let banners = self.banners();
        // `banner`, the first of them, for themes written when there could be only one.
        put.value("banner", &banners.first());
        put.value("banners", &banners);
        put.value("footer_links", &self.footer_links());
        // Every page's address, so the theme links only to pages the site has.
        let urls: Vec<&str> = (self.library.documents.iter())
            .map(|d| d.url.as_str())
            .collect();
        put.value("urls", &urls);
        put.value("assets", self.assets);
        put.value("csp", self.csp);
        put.value("today", &self.today.to_string());
        put.value("lang", language);
        put.value("languages", self.languages.all());
        put.value("default_lang", self.default_code());
        put.value("default_dir", &self.languages.default_language().dir);
        put.value("home_url", &self.home_url());
        put.value("feed_url", &format!("{}/atom.xml", language.prefix));
        if let Some((selfcheck, fingerprint)) = &self.selfcheck {
            put.hash("selfcheck", fingerprint.as_bytes());
            put.context.insert_value("selfcheck", selfcheck.clone());
        }
        put.hasher.finalize()
    }
}

/// Tera's global context being filled, and the fingerprint of what went in.
struct Globals<'a> {
    context: &'a mut Context,
    hasher: blake3::Hasher,
}

impl Globals<'_> {
    fn value<T: Serialize + ?Sized>(&mut self, key: &'static str, value: &T) {
        self.hash(key, value);
        self.context.insert(key, value);
    }

    fn hash<T: Serialize + ?Sized>(&mut self, key: &'static str, value: &T) {
        self.hasher.update(key.as_bytes());
        // Serialising into a hasher cannot fail for these values; a value that could not
        // be serialised would fail `insert` too.
        let _ = serde_json::to_writer(&mut self.hasher, value);
        self.hasher.update(b"\0");
    }
}
