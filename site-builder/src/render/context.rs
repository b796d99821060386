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

/// Summaries of every document, built once and shared by the section pages that list them.
pub struct Summaries(Vec<Value>);

impl Summaries {
    pub fn build(library: &Library, base_url: &str) -> Summaries {
        Summaries(
            library
                .documents
                .iter()
                .map(|d| Value::from(summary(d, base_url)))
                .collect(),
        )
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
    pub selfcheck: Option<Value>,
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

    pub fn install(&self, global: &mut Context) {
        let config = self.config;
        global.insert("site", config);
        global.insert("support", &config.support);
        global.insert("menu", &menu(self.library));
        let banners = self.banners();
        // `banner`, the first of them, for themes written when there could be only one.
        global.insert("banner", &banners.first());
        global.insert("banners", &banners);
        global.insert("footer_links", &self.footer_links());
        // Every page's address, so the theme links only to pages the site has.
        let urls: Vec<&str> = self
            .library
            .documents
            .iter()
            .map(|d| d.url.as_str())
            .collect();
        global.insert("urls", &urls);
        global.insert("assets", self.assets);
        global.insert("csp", self.csp);
        global.insert("today", &self.today.to_string());
        if let Some(selfcheck) = &self.selfcheck {
            global.insert_value("selfcheck", selfcheck.clone());
        }
    }
}

/// The context for one document.
pub fn for_document(
    doc: &Document,
    rendered: &Rendered,
    library: &Library,
    summaries: &Summaries,
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
            Value::from(
                indexes
                    .iter()
                    .map(|&i| summaries.0[i].clone())
                    .collect::<Vec<_>>(),
            )
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
