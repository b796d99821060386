//! The Markdown files of `content/` as they were read and split, kept between the builds
//! of the live preview, so a build reads again only the files that changed (the preview's
//! watcher says which). A one-off build starts with none kept, and reads every file.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::front_matter::Split;
use crate::diagnostic::Diagnostic;

/// One file, split, or the problem that stopped it being read.
pub type Read = Result<Arc<Split>, Diagnostic>;

/// Files as they were read, by path, and the folder's files as they were last listed.
#[derive(Default)]
pub struct Reads {
    files: HashMap<PathBuf, Read>,
    listed: Option<Arc<Listing>>,
}

/// The files of `content/`: its Markdown files and the others, by path inside it, in name
/// order, with the problems met listing them.
pub struct Listing {
    pub markdown: Vec<String>,
    pub others: Vec<String>,
    pub problems: Vec<Diagnostic>,
    /// Every file seen, ignored ones included.
    pub seen: HashSet<PathBuf>,
}

impl Reads {
    pub fn get(&self, path: &Path) -> Option<&Read> {
        self.files.get(path)
    }

    pub fn keep(&mut self, path: PathBuf, read: Read) {
        self.files.insert(path, read);
    }

    /// The listing, unless a file may have been added or removed since.
    pub fn listing(&self) -> Option<Arc<Listing>> {
        self.listed.clone()
    }

    pub fn keep_listing(&mut self, listing: Arc<Listing>) {
        self.listed = Some(listing);
    }

    /// Forgets every file that is, or is inside, one of `changed`: each is read again.
    /// Unless each was a file listed before and is one still, the folder is listed again.
    pub fn forget(&mut self, changed: &[PathBuf]) {
        self.files
            .retain(|path, _| !changed.iter().any(|c| path.starts_with(c)));
        let listed = self.listed.as_ref();
        let same = |path: &PathBuf| listed.is_some_and(|l| l.seen.contains(path)) && path.is_file();
        if !changed.iter().all(same) {
            self.listed = None;
        }
    }

    /// Forgets the files that are no longer there.
    pub fn only(&mut self, present: &HashSet<PathBuf>) {
        self.files.retain(|path, _| present.contains(path));
    }
}
