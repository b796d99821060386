//! Files for machines: `sitemap.xml`, the Atom feed, `robots.txt` and `_redirects`. The
//! XML is written with quick-xml, which escapes every text and attribute, so a title with
//! `&` or `<` cannot break the feed; addresses are written by the URL parser, encoded.

use std::io;

use quick_xml::events::{BytesDecl, BytesText, Event};
use quick_xml::Writer;

use crate::config::Config;
use crate::content::{Document, Forward};

/// The full address of a page: `https://site.example/get-help/`, percent-encoded.
pub fn address(base_url: &str, path: &str) -> String {
    match url::Url::parse(base_url).and_then(|base| base.join(path)) {
        Ok(url) => url.to_string(),
        Err(_) => format!("{}{path}", base_url.trim_end_matches('/')),
    }
}

/// XML with its declaration, indented by two spaces.
fn xml(write: impl FnOnce(&mut Writer<Vec<u8>>) -> io::Result<()>) -> String {
    let mut writer = Writer::new_with_indent(Vec::new(), b' ', 2);
    let written = writer
        .write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))
        .and_then(|()| write(&mut writer));
    // Writing into memory cannot fail.
    debug_assert!(written.is_ok());
    let mut text = String::from_utf8(writer.into_inner()).unwrap_or_default();
    text.push('\n');
    text
}

fn element<W: io::Write>(writer: &mut Writer<W>, name: &str, text: &str) -> io::Result<()> {
    writer
        .create_element(name)
        .write_text_content(BytesText::new(text))
        .map(drop)
}

/// One page in the sitemap, with its versions in the site's languages.
pub struct SitemapEntry<'a> {
    pub doc: &'a Document,
    /// Every version of the page, its own included, as (language code, address path),
    /// and the default language's again as `x-default`; empty when it has no translation.
    pub alternates: Vec<(&'a str, &'a str)>,
}

/// Every published document, each with `xhtml:link` alternates to its translations.
pub fn sitemap(config: &Config, entries: &[SitemapEntry<'_>]) -> String {
    xml(|writer| {
        writer
            .create_element("urlset")
            .with_attribute(("xmlns", "http://www.sitemaps.org/schemas/sitemap/0.9"))
            .with_attribute(("xmlns:xhtml", "http://www.w3.org/1999/xhtml"))
            .write_inner_content(|writer| {
                for entry in entries {
                    let doc = entry.doc;
                    writer.create_element("url").write_inner_content(|writer| {
                        element(writer, "loc", &address(&config.base_url, &doc.url))?;
                        if let Some(date) = doc.front.updated.or(doc.front.date) {
                            element(writer, "lastmod", &date.to_string())?;
                        }
                        for (code, url) in &entry.alternates {
                            let href = address(&config.base_url, url);
                            writer
                                .create_element("xhtml:link")
                                .with_attributes([
                                    ("rel", "alternate"),
                                    ("hreflang", code),
                                    ("href", href.as_str()),
                                ])
                                .write_empty()?;
                        }
                        Ok(())
                    })?;
                }
                Ok(())
            })
            .map(drop)
    })
}

/// An Atom feed of `entries`, newest first, at `path` (`/atom.xml`, `/cy/atom.xml`), for
/// the language of `config` (the settings in that language), whose home page is `home`.
/// Its `updated` is the newest entry's, or the build day when no entry has a date (the
/// element is required).
pub fn atom(
    config: &Config,
    (path, home): (&str, &str),
    entries: &[&Document],
    today: crate::date::Date,
) -> String {
    let site = address(&config.base_url, home);
    let updated = (entries.iter())
        .filter_map(|d| d.front.updated.or(d.front.date))
        .max()
        .unwrap_or(today);
    xml(|writer| {
        writer
            .create_element("feed")
            .with_attribute(("xmlns", "http://www.w3.org/2005/Atom"))
            .with_attribute(("xml:lang", config.language.as_str()))
            .write_inner_content(|writer| {
                element(writer, "title", &config.title)?;
                element(writer, "subtitle", &config.description)?;
                let feed = address(&config.base_url, path);
                let link = writer
                    .create_element("link")
                    .with_attribute(("href", feed.as_str()));
                link.with_attributes([("rel", "self"), ("type", "application/atom+xml")])
                    .write_empty()?;
                writer
                    .create_element("link")
                    .with_attribute(("href", site.as_str()))
                    .write_empty()?;
                element(writer, "id", &site)?;
                element(writer, "updated", &updated.rfc3339())?;
                writer
                    .create_element("author")
                    .write_inner_content(|w| element(w, "name", &config.organisation))?;
                for doc in entries {
                    entry(writer, config, doc, today)?;
                }
                Ok(())
            })
            .map(drop)
    })
}

fn entry(
    writer: &mut Writer<Vec<u8>>,
    config: &Config,
    doc: &Document,
    today: crate::date::Date,
) -> io::Result<()> {
    let link = address(&config.base_url, &doc.url);
    writer
        .create_element("entry")
        .write_inner_content(|writer| {
            element(writer, "title", &doc.front.title)?;
            writer
                .create_element("link")
                .with_attribute(("href", link.as_str()))
                .write_empty()?;
            element(writer, "id", &link)?;
            if let Some(date) = doc.front.date {
                element(writer, "published", &date.rfc3339())?;
            }
            let updated = doc.front.updated.or(doc.front.date).unwrap_or(today);
            element(writer, "updated", &updated.rfc3339())?;
            if let Some(description) = &doc.front.description {
                element(writer, "summary", description)?;
            }
            Ok(())
        })?;
    Ok(())
}

pub fn robots(config: &Config) -> String {
    format!(
        "User-agent: *\nAllow: /\n\nSitemap: {}\n",
        address(&config.base_url, "/sitemap.xml")
    )
}

/// The `_redirects` file read by Netlify and Cloudflare Pages: each expired page's old
/// address to where it now leads, permanently. Netlify serves the forwarding page at the
/// old address instead (a file there wins over a rule), which forwards the visitor too.
pub fn redirects(forwards: &[Forward]) -> String {
    let mut out =
        String::from("# Expired pages, to where they lead now. Written by site-builder.\n");
    for forward in forwards {
        out.push_str(&format!("{} {} 301\n", forward.from, forward.to));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses_are_encoded_and_text_is_escaped() {
        assert_eq!(
            address("https://site.example/", "/my page/café/"),
            "https://site.example/my%20page/caf%C3%A9/"
        );
        let mut out = Vec::new();
        let mut writer = Writer::new(&mut out);
        element(&mut writer, "title", "Stalking & harassment <2027>").unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "<title>Stalking &amp; harassment &lt;2027&gt;</title>"
        );
    }
}
