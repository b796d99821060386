//! Stage 5, write: the staging folder beside the output, the files for machines (sitemap,
//! feed, robots, headers), the assets and the copied files (images without their
//! metadata), then the swap that puts the
//! new site in place. Pages are written by the render stage into the same staging folder.

use std::sync::Arc;

use crate::config::Config;
use crate::content::{Document, Kind};
use crate::error::Error;
use crate::output::{self, Body, Staging};
use crate::security;

use super::load::Site;
use super::plan::Plan;
use super::Options;

/// The staging folder, with the folders of every planned file made, when the build
/// writes files; `None` for `check`.
pub fn open(options: &Options, plan: &Plan) -> Result<Option<Staging>, Error> {
    let Some(out) = &options.out else {
        return Ok(None);
    };
    let staging = Staging::new(&options.root, out)?;
    staging.make_dirs(plan.files.iter().map(String::as_str))?;
    Ok(Some(staging))
}

/// Writes everything but the pages, and swaps the new site in.
pub fn finish(staging: Staging, site: &Site, plan: &Plan) -> Result<(), Error> {
    for (rel, body) in files(site, plan) {
        let written = match &body {
            Body::Bytes(bytes) => staging.write(&rel, bytes),
            Body::Copy(from) => staging.copy(from, &rel),
        };
        written.map_err(|e| match body {
            Body::Copy(from) => Error::io(from)(e),
            Body::Bytes(_) => Error::io(staging.shown(&rel))(e),
        })?;
    }
    staging.commit()
}

/// Every file of the site but the pages: the files for machines (sitemap, feed, robots,
/// headers, redirects), the assets, and the copied files (images without their metadata).
pub fn files(site: &Site, plan: &Plan) -> Vec<(String, Body)> {
    let config = &site.config.config;
    let live: Vec<&Document> = (plan.library.documents.iter())
        .filter(|d| !d.preview)
        .collect();
    let text = |text: String| Body::Bytes(Arc::from(text.into_bytes()));
    let mut files = vec![(
        "sitemap.xml".to_string(),
        text(output::sitemap(config, &sitemap(site, plan, &live))),
    )];
    for (lang, language) in site.languages().all().iter().enumerate() {
        let in_language: Vec<&Document> = live.iter().copied().filter(|d| d.lang == lang).collect();
        let feed = feed_path(language);
        let home = (in_language.iter())
            .find(|d| d.is_home())
            .map_or("/", |d| d.url.as_str());
        let entries = news(config, &in_language);
        let xml = output::atom(&site.configs[lang], (&feed, home), &entries, plan.today);
        files.push((feed.trim_start_matches('/').to_string(), text(xml)));
    }
    files.push(("robots.txt".into(), text(output::robots(config))));
    files.push(("_headers".into(), text(security::headers_file())));
    files.push((
        "_redirects".into(),
        text(output::redirects(&plan.library.forwards)),
    ));
    for (name, bytes) in &plan.asset_bytes {
        let path = plan.assets[name].trim_start_matches('/').to_string();
        files.push((path, Body::Bytes(Arc::from(bytes.as_slice()))));
    }
    for asset in &plan.copied {
        let body = match site.copied.cleaned.get(&asset.from) {
            Some(cleaned) => Body::Bytes(Arc::from(cleaned.as_slice())),
            None => Body::Copy(asset.from.clone()),
        };
        files.push((asset.to.clone(), body));
    }
    files
}

/// Where a language's feed is: `/atom.xml`, `/cy/atom.xml`.
pub fn feed_path(language: &crate::config::Language) -> String {
    format!("{}/atom.xml", language.prefix)
}

/// The sitemap's entries: each live page, with its live versions in the other languages.
fn sitemap<'a>(
    site: &'a Site,
    plan: &'a Plan,
    live: &[&'a Document],
) -> Vec<output::SitemapEntry<'a>> {
    let library = &plan.library;
    let codes: Vec<&str> = site
        .languages()
        .all()
        .iter()
        .map(|l| l.code.as_str())
        .collect();
    (live.iter())
        .map(|&doc| {
            let versions: Vec<&Document> =
                (library.versions(library.by_source[&doc.source]).into_iter())
                    .map(|i| &library.documents[i])
                    .filter(|d| !d.preview)
                    .collect();
            let mut alternates: Vec<(&str, &str)> = Vec::new();
            if versions.len() > 1 {
                alternates.extend(versions.iter().map(|d| (codes[d.lang], d.url.as_str())));
                alternates.push(("x-default", versions[0].url.as_str()));
            }
            output::SitemapEntry { doc, alternates }
        })
        .collect()
}

/// Pages in the news sections, newest first.
fn news<'a>(config: &Config, live: &[&'a Document]) -> Vec<&'a Document> {
    let mut entries: Vec<&Document> = live
        .iter()
        .copied()
        .filter(|d| d.kind == Kind::Page)
        .filter(|d| {
            config
                .news_sections
                .iter()
                .any(|s| d.source.starts_with(&format!("{}/", s.trim_matches('/'))))
        })
        .collect();
    entries.sort_by(|a, b| {
        b.front
            .date
            .cmp(&a.front.date)
            .then_with(|| a.front.title.cmp(&b.front.title))
    });
    entries.truncate(50);
    entries
}
