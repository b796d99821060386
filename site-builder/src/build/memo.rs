//! What a build kept in memory keeps of the one before, so the live preview makes again
//! only what an edit changed: each page with the fingerprint of everything it was made
//! from. A page whose fingerprint is unchanged is taken as it was; being made from the
//! same inputs, it would come out the same, byte for byte.
//!
//! What a page is made from:
//! - everything every page sees (Tera's global context: the settings, the menu, every
//!   address, the banners, the assets, the self-check), how the library is laid out
//!   (which source has which address, what is left out or forwarded), the files links
//!   may reach, and the self-check's state;
//! - its templates: the one it names and every one that extends, includes or imports;
//! - its own file; the files of the pages and sections it lists (their titles, dates,
//!   descriptions) and of the sections above it (its breadcrumbs).

use std::collections::{HashMap, HashSet};
use std::fmt::Write as _;
use std::sync::Arc;

use blake3::{Hash, Hasher};

use crate::content::{Document, Forward, Library};
use crate::render::forward;

use super::load::Site;
use super::plan::Plan;
use super::render::Made;

/// The pages of the last build, by output file, each with the fingerprint of its inputs.
#[derive(Default)]
pub struct Pages {
    made: HashMap<String, (Hash, Arc<Made>)>,
}

impl Pages {
    /// The page kept for `file`, if it was made from the inputs `key` stands for.
    pub fn get(&self, file: &str, key: Hash) -> Option<Arc<Made>> {
        let (kept, made) = self.made.get(file)?;
        (*kept == key).then(|| Arc::clone(made))
    }

    /// The ids on each page kept, by its address.
    pub fn ids(&self) -> HashMap<&str, &HashSet<String>> {
        (self.made.values())
            .filter_map(|(_, made)| made.page.as_ref())
            .map(|page| (page.url.as_str(), &page.ids))
            .collect()
    }

    /// Keeps this build's pages in place of the last build's.
    pub fn keep(&mut self, pages: Vec<(String, Option<Hash>, Arc<Made>)>) {
        self.made = (pages.into_iter())
            .filter_map(|(file, key, made)| Some((file, (key?, made))))
            .collect();
    }
}

/// The fingerprints of one build's inputs, from which each page's is made.
pub struct Keys<'a> {
    site: &'a Site,
    library: &'a Library,
    /// What every page of each language sees, by language.
    globals: Vec<Hash>,
    /// Each template's, by name.
    templates: HashMap<&'a str, Hash>,
    /// Each document's own file, address and kind.
    documents: Vec<Hash>,
    /// What lists and breadcrumbs show of each document: its front matter, address and
    /// kind.
    summaries: Vec<Hash>,
}

impl Keys<'_> {
    /// `languages` are the fingerprints of each language's shared values (Tera's global
    /// context, the strings).
    pub fn new<'a>(site: &'a Site, plan: &'a Plan, languages: Vec<Hash>) -> Keys<'a> {
        let library = &plan.library;
        let mut global = Hasher::new();
        for failed in &plan.selfcheck_failed {
            global.update(&[u8::from(*failed)]);
        }
        global.update(&[u8::from(site.search)]);
        layout(&mut global, library);
        for file in &plan.files {
            global.update(file.as_bytes()).update(b"\n");
        }
        let global = global.finalize();
        let globals = (languages.iter())
            .map(|language| {
                let mut hash = Hasher::new();
                hash.update(global.as_bytes()).update(language.as_bytes());
                hash.finalize()
            })
            .collect();
        let templates = &site.templates;
        Keys {
            site,
            library,
            globals,
            templates: (templates.sources.keys())
                .map(|name| (name.as_str(), templates.fingerprint(name)))
                .collect(),
            documents: (library.documents.iter())
                .map(|d| document(d, d.fingerprints.file))
                .collect(),
            summaries: (library.documents.iter())
                .map(|d| document(d, d.fingerprints.front))
                .collect(),
        }
    }

    /// What the page of document `index` is made from.
    pub fn document(&self, index: usize) -> Hash {
        let doc = &self.library.documents[index];
        let mut key = Hasher::new();
        key.update(self.globals[doc.lang].as_bytes());
        match self.templates.get(doc.template()) {
            Some(template) => key.update(template.as_bytes()),
            None => key.update(doc.template().as_bytes()),
        };
        key.update(self.documents[index].as_bytes());
        let mut listed = |indexes: &[usize]| {
            for &i in indexes {
                key.update(self.summaries[i].as_bytes());
            }
            key.update(b"|");
        };
        listed(&doc.pages);
        listed(&doc.subsections);
        let mut parent = doc.parent;
        while let Some(p) = parent {
            key.update(self.summaries[p].as_bytes());
            parent = self.library.documents[p].parent;
        }
        key.finalize()
    }

    /// What the forwarding page left at an expired page's address is made from.
    pub fn forward(&self, to: &Forward) -> Hash {
        let mut key = Hasher::new();
        key.update(self.globals[to.lang].as_bytes());
        key.update(forward::fingerprint(&self.site.templates).as_bytes());
        let mut text = format!("{to:?}");
        text.push_str(forward::to_title(to, self.library));
        key.update(text.as_bytes());
        key.finalize()
    }

    /// What a page the build makes itself with `template` is made from, its own values
    /// being `values`.
    pub fn generated(&self, lang: usize, template: &str, values: &[u8]) -> Hash {
        let mut key = Hasher::new();
        key.update(self.globals[lang].as_bytes());
        key.update(self.site.templates.fingerprint(template).as_bytes());
        key.update(values);
        key.finalize()
    }
}

/// Which source has which address, and what is left out, forwarded or unreadable: what
/// `@/` links resolve against.
fn layout(hash: &mut Hasher, library: &Library) {
    let mut text = String::new();
    for doc in &library.documents {
        let _ = writeln!(text, "{} {}", doc.source, doc.url);
    }
    for left in &library.left_out {
        let _ = writeln!(text, "left out {} {} {}", left.source, left.why, left.url);
    }
    for to in &library.forwards {
        let _ = writeln!(text, "{to:?}");
    }
    let mut unreadable: Vec<_> = library.unreadable.iter().collect();
    unreadable.sort();
    for (source, url) in unreadable {
        let _ = writeln!(text, "unreadable {source} {url}");
    }
    hash.update(text.as_bytes());
}

/// A document's inputs: its file (or front matter), where it is shown from, its address
/// and kind.
fn document(doc: &Document, fingerprint: Hash) -> Hash {
    let mut hash = Hasher::new();
    hash.update(fingerprint.as_bytes());
    let text = format!(
        "{}\n{}\n{}\n{:?}\n{}",
        doc.source,
        doc.shown.display(),
        doc.url,
        doc.kind,
        doc.preview
    );
    hash.update(text.as_bytes());
    hash.finalize()
}
