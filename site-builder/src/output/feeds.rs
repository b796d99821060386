//! Files for machines: `sitemap.xml`, the Atom feed, `robots.txt` and `_redirects`.

use crate::config::Config;
use crate::content::{Document, Forward};
use crate::render::context::permalink;

fn xml(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// Every published document.
pub fn sitemap<'a>(config: &Config, documents: impl Iterator<Item = &'a Document>) -> String {
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
    for doc in documents {
        out.push_str(&format!(
            "  <url>\n    <loc>{}</loc>\n",
            xml(&permalink(&config.base_url, &doc.url))
        ));
        if let Some(date) = doc.front.updated.or(doc.front.date) {
            out.push_str(&format!("    <lastmod>{date}</lastmod>\n"));
        }
        out.push_str("  </url>\n");
    }
    out.push_str("</urlset>\n");
    out
}

/// An Atom feed of `entries`, newest first.
pub fn atom(config: &Config, entries: &[&Document]) -> String {
    let site = config.base_url.trim_end_matches('/');
    let updated = entries
        .iter()
        .filter_map(|d| d.front.updated.or(d.front.date))
        .max();
    let mut out = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\"",
    );
    out.push_str(&format!(" xml:lang=\"{}\">\n", xml(&config.language)));
    out.push_str(&format!("  <title>{}</title>\n", xml(&config.title)));
    out.push_str(&format!(
        "  <subtitle>{}</subtitle>\n",
        xml(&config.description)
    ));
    out.push_str(&format!(
        "  <link href=\"{site}/atom.xml\" rel=\"self\" type=\"application/atom+xml\"/>\n"
    ));
    out.push_str(&format!("  <link href=\"{site}/\"/>\n  <id>{site}/</id>\n"));
    if let Some(date) = updated {
        out.push_str(&format!("  <updated>{}</updated>\n", date.rfc3339()));
    }
    out.push_str(&format!(
        "  <author><name>{}</name></author>\n",
        xml(&config.organisation)
    ));
    for doc in entries {
        let link = permalink(&config.base_url, &doc.url);
        out.push_str("  <entry>\n");
        out.push_str(&format!("    <title>{}</title>\n", xml(&doc.front.title)));
        out.push_str(&format!(
            "    <link href=\"{}\"/>\n    <id>{}</id>\n",
            xml(&link),
            xml(&link)
        ));
        if let Some(date) = doc.front.date {
            out.push_str(&format!("    <published>{}</published>\n", date.rfc3339()));
        }
        if let Some(date) = doc.front.updated.or(doc.front.date) {
            out.push_str(&format!("    <updated>{}</updated>\n", date.rfc3339()));
        }
        if let Some(description) = &doc.front.description {
            out.push_str(&format!("    <summary>{}</summary>\n", xml(description)));
        }
        out.push_str("  </entry>\n");
    }
    out.push_str("</feed>\n");
    out
}

pub fn robots(config: &Config) -> String {
    format!(
        "User-agent: *\nAllow: /\n\nSitemap: {}/sitemap.xml\n",
        config.base_url.trim_end_matches('/')
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
