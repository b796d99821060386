//! A built site in memory: every file it holds, by its path inside `public/`, as the
//! live preview serves it (and writes it, when asked to).

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::Staging;
use crate::error::Error;

/// What one file holds.
#[derive(Debug, Clone)]
pub enum Body {
    Bytes(Arc<[u8]>),
    /// A file copied as it is: the file it is copied from.
    Copy(PathBuf),
}

impl Body {
    /// The bytes, reading a copied file from where it is copied from.
    pub fn read(&self) -> std::io::Result<Arc<[u8]>> {
        match self {
            Body::Bytes(bytes) => Ok(Arc::clone(bytes)),
            Body::Copy(from) => std::fs::read(from).map(Arc::from),
        }
    }
}

/// Every file of a built site, by its path inside `public/` (`get-help/index.html`).
#[derive(Debug, Default, Clone)]
pub struct Files {
    files: HashMap<String, Body>,
}

impl Files {
    pub fn insert(&mut self, path: String, body: Body) {
        self.files.insert(path, body);
    }

    pub fn get(&self, path: &str) -> Option<&Body> {
        self.files.get(path)
    }

    pub fn len(&self) -> usize {
        self.files.len()
    }

    pub fn is_empty(&self) -> bool {
        self.files.is_empty()
    }

    /// The paths, in no order.
    pub fn paths(&self) -> impl Iterator<Item = &str> {
        self.files.keys().map(String::as_str)
    }

    /// Writes the site to `out`, staged and swapped in as a build writes it.
    pub fn write(&self, root: &Path, out: &Path) -> Result<(), Error> {
        let staging = Staging::new(root, out)?;
        staging.make_dirs(self.paths())?;
        for (path, body) in &self.files {
            let written = match body {
                Body::Bytes(bytes) if path.ends_with("index.html") => {
                    staging.write_page(path, bytes)
                }
                Body::Bytes(bytes) => staging.write(path, bytes),
                Body::Copy(from) => staging.copy(from, path),
            };
            written.map_err(Error::io(staging.shown(path)))?;
        }
        staging.commit()
    }
}
