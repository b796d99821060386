//! What templates see of one document: its own values, the lists a section shows, its
//! breadcrumbs and its versions in the other languages. Data shared by every page of a
//! language is in [`super::shared`], built once.

use std::collections::BTreeMap;

use serde::Serialize;
use tera::{Context, Value};

use crate::config::languages::Language;
use crate::config::Languages;
use crate::content::{Document, Kind, Library};
use crate::date::Date;
use crate::markdown::{Heading, Rendered};
use crate::strings::Strings;

#[derive(Serialize)]
struct Crumb<'a> {
    title: &'a str,
    url: &'a str,
    /// The crumb's language, when it is not the page's (a fallback).
    lang: Option<&'a str>,
}

/// One version of a page, for the language switcher and the `hreflang` alternates.
#[derive(Serialize)]
pub struct Version<'a> {
    code: &'a str,
    name: &'a str,
    url: String,
    /// The full address, as `hreflang` alternates and sitemaps want it.
    permalink: String,
    /// Whether the page has this version: when not, the switcher leads to that
    /// language's home page, and no alternate is written.
    translated: bool,
}

impl<'a> Version<'a> {
    /// The version in `language` of a page the build makes in every language, such as
    /// the search page, at `url`.
    pub fn generated(language: &'a Language, base_url: &str, url: String) -> Version<'a> {
        Version {
            code: &language.code,
            name: &language.name,
            permalink: permalink(base_url, &url),
            url,
            translated: true,
        }
    }
}

/// Summaries of the documents, as the section pages that list them see them: each is
/// made when a section lists it (none when the live preview makes no section again).
pub struct Summaries<'a> {
    library: &'a Library,
    base_url: &'a str,
    strings: &'a Strings,
    languages: &'a Languages,
}

impl Summaries<'_> {
    pub fn build<'a>(
        library: &'a Library,
        base_url: &'a str,
        strings: &'a Strings,
        languages: &'a Languages,
    ) -> Summaries<'a> {
        Summaries {
            library,
            base_url,
            strings,
            languages,
        }
    }

    fn of(&self, index: usize) -> BTreeMap<&'static str, Value> {
        let doc = &self.library.documents[index];
        summary(doc, self.base_url, self.strings, self.languages)
    }
}

/// A document as templates see it in lists: everything but the body, its dates written
/// out in its own language.
fn summary(
    doc: &Document,
    base_url: &str,
    strings: &Strings,
    languages: &Languages,
) -> BTreeMap<&'static str, Value> {
    let front = &doc.front;
    let date = |d: Option<Date>| Value::from(d.map(|d| d.to_string()));
    let long = |d: Option<Date>| Value::from(d.map(|d| strings.date_long(doc.lang, d)));
    BTreeMap::from([
        ("title", Value::from(front.title.as_str())),
        (
            "description",
            Value::from(front.description.as_deref().unwrap_or("")),
        ),
        ("url", Value::from(doc.url.as_str())),
        ("permalink", Value::from(permalink(base_url, &doc.url))),
        ("date", date(front.date)),
        ("date_long", long(front.date)),
        ("updated", date(front.updated)),
        ("updated_long", long(front.updated)),
        ("weight", Value::from(front.weight)),
        ("lang", Value::from(languages.get(doc.lang).code.as_str())),
        ("needs_review", Value::from(doc.needs_review())),
        (
            "kind",
            Value::from(match doc.kind {
                Kind::Page => "page",
                Kind::Section => "section",
            }),
        ),
        ("extra", Value::from_serializable(&front.extra)),
    ])
}

pub fn permalink(base_url: &str, url: &str) -> String {
    crate::output::address(base_url, url)
}

/// What one document is rendered with.
pub struct Page<'a> {
    pub doc: &'a Document,
    pub rendered: &'a Rendered,
    pub library: &'a Library,
    pub summaries: &'a Summaries<'a>,
    pub base_url: &'a str,
    pub languages: &'a Languages,
}

/// The context for one document.
pub fn for_document(page: &Page<'_>) -> Context {
    let (doc, rendered, summaries) = (page.doc, page.rendered, page.summaries);
    let mut context = Context::new();
    let mut value: tera::Map = (summaries.of(page.library.by_source[&doc.source]))
        .into_iter()
        .map(|(k, v)| (k.into(), v))
        .collect();
    let mut set = |key: &'static str, v: Value| {
        value.insert(key.into(), v);
    };
    // Marked, so that problems the page checks find in it are placed in the Markdown.
    let content = format!(
        "{}{}{}",
        crate::postprocess::fragment_open(0),
        rendered.html,
        crate::postprocess::fragment_close()
    );
    set("content", Value::safe_string(&content));
    set(
        "toc",
        Value::from_serializable::<Vec<Heading>>(&rendered.toc),
    );
    set("word_count", Value::from(rendered.word_count));
    set(
        "reading_time",
        Value::from(rendered.word_count.div_ceil(200).max(1)),
    );
    set("preview", Value::from(doc.preview));
    if doc.kind == Kind::Section {
        let list = |indexes: &[usize]| {
            Value::from(
                (indexes.iter())
                    .map(|&i| Value::from(summaries.of(i)))
                    .collect::<Vec<_>>(),
            )
        };
        set("pages", list(&doc.pages));
        set("subsections", list(&doc.subsections));
    }
    let name = match doc.kind {
        Kind::Page => "page",
        Kind::Section => "section",
    };
    context.insert_value(name, Value::from(value));
    context.insert("current_url", &doc.url);
    context.insert(
        "breadcrumbs",
        &breadcrumbs(doc, page.library, page.languages),
    );
    context.insert("versions", &versions(page));
    context
}

fn breadcrumbs<'a>(
    doc: &'a Document,
    library: &'a Library,
    languages: &'a Languages,
) -> Vec<Crumb<'a>> {
    let mut crumbs = Vec::new();
    let mut parent = doc.parent;
    while let Some(p) = parent {
        let d = &library.documents[p];
        crumbs.push(Crumb {
            title: &d.front.title,
            url: &d.url,
            lang: (d.lang != doc.lang).then(|| languages.get(d.lang).code.as_str()),
        });
        parent = d.parent;
    }
    crumbs.reverse();
    crumbs
}

/// The page in every language of the site, its own included: the translation where it
/// has one, else that language's home page.
fn versions<'a>(page: &Page<'a>) -> Vec<Version<'a>> {
    let library = page.library;
    let index = library.by_source[&page.doc.source];
    let home = library.by_source.get("_index.md").copied();
    (page.languages.all().iter().enumerate())
        .filter_map(|(lang, language)| {
            let version = library.in_language(index, lang);
            let translated = library.documents[version].lang == lang;
            let shown = if translated {
                version
            } else {
                library.in_language(home?, lang)
            };
            let url = library.documents[shown].url.clone();
            Some(Version {
                code: &language.code,
                name: &language.name,
                permalink: permalink(page.base_url, &url),
                url,
                translated,
            })
        })
        .collect()
}
