//! Where each document and file of `content/` goes in the site: URLs from folders,
//! `_index.md`/`index.md` files and slugs.

use std::collections::HashMap;

use crate::content::front_matter::Split;

/// The folder part of a `content/` path: `get-help` for `get-help/reporting.md`.
pub fn parent_dir(rel: &str) -> String {
    rel.rsplit_once('/')
        .map(|(dir, _)| dir.to_string())
        .unwrap_or_default()
}

/// Works out URLs from folders, `_index.md`/`index.md` files and slugs.
#[derive(Debug, Clone)]
pub struct Placer {
    /// Slug overrides for folders, set by the folder's `_index.md` or `index.md`.
    dir_slugs: HashMap<String, String>,
    bundles: Vec<String>,
    /// Where the language's addresses start: empty for the default language, `/cy`.
    prefix: String,
}

impl Placer {
    pub fn new<'a>(splits: impl Iterator<Item = (&'a str, &'a Split)>) -> Placer {
        let mut dir_slugs = HashMap::new();
        let mut bundles = Vec::new();
        for (rel, split) in splits {
            let name = rel.rsplit('/').next().unwrap_or(rel);
            if name == "index.md" {
                bundles.push(parent_dir(rel));
            }
            if name == "_index.md" || name == "index.md" {
                if let Some(slug) = &split.front.slug {
                    dir_slugs.insert(parent_dir(rel), slug.clone());
                }
            }
        }
        Placer {
            dir_slugs,
            bundles,
            prefix: String::new(),
        }
    }

    /// The same places for a language served under `prefix`, with the folders that its
    /// translated `_index.md` or `index.md` files give slugs of their own (`slugs` holds
    /// each translated file's original and its slug).
    pub fn in_language<'a>(
        &self,
        prefix: &str,
        slugs: impl Iterator<Item = (&'a str, &'a str)>,
    ) -> Placer {
        let mut placer = self.clone();
        placer.prefix = prefix.to_string();
        for (rel, slug) in slugs {
            let name = rel.rsplit('/').next().unwrap_or(rel);
            if name == "_index.md" || name == "index.md" {
                placer.dir_slugs.insert(parent_dir(rel), slug.to_string());
            }
        }
        placer
    }

    pub fn dir_url(&self, dir: &str) -> String {
        let mut url = format!("{}/", self.prefix);
        if dir.is_empty() {
            return url;
        }
        let mut so_far = String::new();
        for part in dir.split('/') {
            if !so_far.is_empty() {
                so_far.push('/');
            }
            so_far.push_str(part);
            url.push_str(self.dir_slugs.get(&so_far).map_or(part, String::as_str));
            url.push('/');
        }
        url
    }

    /// The URL of the document at `rel`, with the slug its front matter sets, if any.
    pub fn url_of(&self, rel: &str, slug: Option<&str>) -> String {
        let dir = parent_dir(rel);
        let name = rel.rsplit('/').next().unwrap_or(rel);
        if name == "_index.md" || name == "index.md" {
            return self.dir_url(&dir);
        }
        let stem = name.trim_end_matches(".md");
        format!("{}{}/", self.dir_url(&dir), slug.unwrap_or(stem))
    }

    /// The output path of a file that is copied: beside its page, in its folder's URL.
    pub fn file_path(&self, rel: &str) -> String {
        let dir = parent_dir(rel);
        let name = rel.rsplit('/').next().unwrap_or(rel);
        format!("{}{name}", self.dir_url(&dir).trim_start_matches('/'))
    }

    /// The bundle page a file belongs to, if it sits in a bundle folder.
    pub fn owner_of_asset(&self, rel: &str) -> Option<String> {
        let dir = parent_dir(rel);
        self.bundles
            .iter()
            .find(|b| **b == dir)
            .map(|b| format!("{b}/index.md"))
    }
}
