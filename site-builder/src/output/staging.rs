//! Atomic output: build into a hidden folder beside the target, then swap it in.

use std::collections::BTreeSet;
use std::io;
use std::path::{Path, PathBuf};

/// A folder being filled. Dropped without `commit`, it is removed and the old output stays.
pub struct Staging {
    dir: PathBuf,
    target: PathBuf,
    committed: bool,
}

impl Staging {
    /// Creates an empty staging folder beside `target`.
    pub fn new(target: &Path) -> io::Result<Staging> {
        let name = target
            .file_name()
            .map_or_else(|| "public".into(), |n| n.to_string_lossy().into_owned());
        let parent = match target.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
            _ => PathBuf::from("."),
        };
        std::fs::create_dir_all(&parent)?;
        let dir = parent.join(format!(".{name}.building-{}", std::process::id()));
        if dir.exists() {
            std::fs::remove_dir_all(&dir)?;
        }
        std::fs::create_dir(&dir)?;
        Ok(Staging {
            dir,
            target: target.to_path_buf(),
            committed: false,
        })
    }

    pub fn path(&self) -> &Path {
        &self.dir
    }

    /// Creates every folder the files need, once, parents first.
    pub fn make_dirs<'a>(&self, files: impl IntoIterator<Item = &'a str>) -> io::Result<()> {
        let mut dirs = BTreeSet::new();
        for file in files {
            let mut dir = file;
            while let Some((parent, _)) = dir.rsplit_once('/') {
                if !dirs.insert(parent.to_string()) {
                    break;
                }
                dir = parent;
            }
        }
        for dir in dirs {
            match std::fs::create_dir(self.dir.join(dir)) {
                Err(e) if e.kind() != io::ErrorKind::AlreadyExists => return Err(e),
                _ => {}
            }
        }
        Ok(())
    }

    /// Writes one file; its folder must exist (see `make_dirs`).
    pub fn write(&self, rel: &str, bytes: &[u8]) -> io::Result<()> {
        std::fs::write(self.dir.join(rel), bytes)
    }

    /// Swaps the staging folder in place of the target.
    pub fn commit(mut self) -> io::Result<()> {
        let old = self.dir.with_file_name(format!(
            "{}.old",
            self.dir
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default()
        ));
        let had_old = self.target.exists();
        if had_old {
            std::fs::rename(&self.target, &old)?;
        }
        if let Err(e) = std::fs::rename(&self.dir, &self.target) {
            if had_old {
                std::fs::rename(&old, &self.target)?;
            }
            return Err(e);
        }
        self.committed = true;
        if had_old {
            std::fs::remove_dir_all(&old)?;
        }
        Ok(())
    }
}

impl Drop for Staging {
    fn drop(&mut self) {
        if !self.committed {
            let _ = std::fs::remove_dir_all(&self.dir);
        }
    }
}
