//! What templates see. Data shared by every page (site, menu, support, banner, assets) is
//! built once into Tera's global context; each page adds only its own values.

use std::collections::BTreeMap;

use serde::Serialize;
use tera::{Context, Value};

use crate::config::Config;
use crate::content::{Document, Kind, Library};
use crate::date::Date;
use crate::markdown::{resolve_link, Heading, Rendered};

/// One menu item, with the items under it.
#[derive(Serialize, Clone)]
pub struct MenuItem {
    pub name: String,
    pub url: String,
    pub weight: i64,
    pub children: Vec<MenuItem>,
}

#[derive(Serialize)]
struct Crumb<'a> {
    title: &'a str,
    url: &'a str,
}

/// Summaries of the documents, as the section pages that list them see them: each is
/// made when a section lists it (once per document in a build; none when the live
/// preview makes no section again).
pub struct Summaries<'a> {
    library: &'a Library,
    base_url: &'a str,
}

impl Summaries<'_> {
    pub fn build<'a>(library: &'a Library, base_url: &'a str) -> Summaries<'a> {
        Summaries { library, base_url }
    }

    fn of(&self, index: usize) -> Value {
        Value::from(summary(&self.library.documents[index], self.base_url))
    }
}

/// A document as templates see it in lists: everything but the body.
fn summary(doc: &Document, base_url: &str) -> BTreeMap<&'static str, Value> {
    let front = &doc.front;
    let date = |d: Option<Date>| Value::from(d.map(|d| d.to_string()));
    let long = |d: Option<Date>| Value::from(d.map(|d| d.long()));
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

/// The main menu, from the `menu` entries in front matter.
pub fn menu(library: &Library) -> Vec<MenuItem> {
    let mut top: Vec<(Option<String>, MenuItem)> = library
        .documents
        .iter()
        .filter_map(|d| {
            let entry = d.front.menu.as_ref()?;
            let item = MenuItem {
                name: entry.name.clone().unwrap_or_else(|| d.front.title.clone()),
                url: d.url.clone(),
                weight: entry.weight,
                children: Vec::new(),
            };
            Some((entry.parent.clone(), item))
        })
        .collect();
    top.sort_by(|a, b| {
        a.1.weight
            .cmp(&b.1.weight)
            .then_with(|| a.1.name.cmp(&b.1.name))
    });
    let (children, mut roots): (Vec<_>, Vec<_>) =
        top.into_iter().partition(|(parent, _)| parent.is_some());
    for (parent, child) in children {
        let parent = parent.unwrap_or_default();
        if let Some((_, root)) = roots.iter_mut().find(|(_, r)| r.name == parent) {
            root.children.push(child);
        } else {
            roots.push((None, child));
        }
    }
    roots.into_iter().map(|(_, item)| item).collect()
}

/// Values every template can use, put once into Tera's global context.
pub struct Shared<'a> {
    pub config: &'a Config,
    pub library: &'a Library,
    pub today: Date,
    pub assets: &'a BTreeMap<String, String>,
    pub csp: &'a str,
    /// The self-check's text, with the fingerprint of what it was made from (a `Value`'s
    /// maps have no fixed order to fingerprint it by).
    pub selfcheck: Option<(Value, blake3::Hash)>,
}

/// A banner showing today, with its link resolved to a URL.
#[derive(Serialize)]
struct LiveBanner<'a> {
    text: &'a str,
    url: Option<String>,
}

/// A footer link with its address resolved.
#[derive(Serialize)]
struct Link<'a> {
    text: &'a str,
    url: String,
}

impl Shared<'_> {
    /// The brand's footer links, with `@/page.md` resolved; a link that does not resolve
    /// is reported while loading, and left out here.
    fn footer_links(&self) -> Vec<Link<'_>> {
        let links = self.config.brand.iter().flat_map(|b| &b.footer_links);
        links
            .filter_map(|link| {
                let url = match resolve_link(&link.url, self.library) {
                    Ok(resolved) => resolved.unwrap_or_else(|| link.url.clone()),
                    Err(_) => return None,
                };
                Some(Link {
                    text: &link.text,
                    url,
                })
            })
            .collect()
    }

    /// The banners showing today, in order. A banner's link is checked for its whole
    /// window when the site loads, so it resolves on every day it shows.
    fn banners(&self) -> Vec<LiveBanner<'_>> {
        let resolve = |link: &str| match resolve_link(link, self.library) {
            Ok(resolved) => Some(resolved.unwrap_or_else(|| link.to_string())),
            Err(_) => None,
        };
        (crate::banners::live(self.config, self.today).into_iter())
            .map(|banner| LiveBanner {
                text: &banner.text,
                url: banner.link.as_deref().and_then(resolve),
            })
            .collect()
    }

    /// Puts the shared values into `global`, and gives the fingerprint of them all: two
    /// builds whose shared values have one fingerprint give every template the same.
    pub fn install(&self, global: &mut Context) -> blake3::Hash {
        let mut put = Globals {
            context: global,
            hasher: blake3::Hasher::new(),
        };
        let config = self.config;
        put.value("site", config);
        put.value("support", &config.support);
        put.value("menu", &menu(self.library));
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

/// The context for one document.
pub fn for_document(
    doc: &Document,
    rendered: &Rendered,
    library: &Library,
    summaries: &Summaries<'_>,
    base_url: &str,
) -> Context {
    let mut context = Context::new();
    let mut value = summary(doc, base_url);
    // Marked, so that problems the page checks find in it are placed in the Markdown.
    let content = format!(
        "{}{}{}",
        crate::postprocess::fragment_open(0),
        rendered.html,
        crate::postprocess::fragment_close()
    );
    value.insert("content", Value::safe_string(&content));
    value.insert(
        "toc",
        Value::from_serializable::<Vec<Heading>>(&rendered.toc),
    );
    value.insert("word_count", Value::from(rendered.word_count));
    value.insert(
        "reading_time",
        Value::from(rendered.word_count.div_ceil(200).max(1)),
    );
    value.insert("preview", Value::from(doc.preview));
    if doc.kind == Kind::Section {
        let list = |indexes: &[usize]| {
            Value::from(indexes.iter().map(|&i| summaries.of(i)).collect::<Vec<_>>())
        };
        value.insert("pages", list(&doc.pages));
        value.insert("subsections", list(&doc.subsections));
    }
    let name = match doc.kind {
        Kind::Page => "page",
        Kind::Section => "section",
    };
    context.insert_value(name, Value::from(value));
    context.insert("current_url", &doc.url);
    context.insert("breadcrumbs", &breadcrumbs(doc, library));
    context
}

fn breadcrumbs<'a>(doc: &'a Document, library: &'a Library) -> Vec<Crumb<'a>> {
    let mut crumbs = Vec::new();
    let mut parent = doc.parent;
    while let Some(p) = parent {
        let d = &library.documents[p];
        crumbs.push(Crumb {
            title: &d.front.title,
            url: &d.url,
        });
        parent = d.parent;
    }
    crumbs.reverse();
    crumbs
}
