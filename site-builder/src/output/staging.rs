//! Atomic output: build into a hidden folder beside the target, then swap it in.
//!
//! The target is checked first (see [`Target`]), and the build holds the output's lock
//! (see [`OutputLock`]) from the moment the staging folder is made until the new site is
//! in place. The site it replaces is moved aside as `.NAME.old`, and removed by the next
//! build while that build renders, so removing a whole site is never waited for. Staging
//! folders found beside the output by the lock's holder are left by killed builds, and
//! are removed the same way.

use std::collections::BTreeSet;
use std::io;
use std::path::{Component, Path, PathBuf};
use std::thread::JoinHandle;

use super::lock::OutputLock;
use super::target::{Target, MARKER, MARKER_TEXT};
use crate::error::Error;

/// A folder being filled. Dropped without `commit`, it is removed and the old output stays.
pub struct Staging {
    dir: PathBuf,
    target: Target,
    committed: bool,
    /// Removes what earlier builds left beside the output, while this one is made.
    clearing: Option<JoinHandle<Result<(), Error>>>,
    /// Released after `drop` has removed the folder.
    _lock: OutputLock,
}

impl Staging {
    /// Checks that `out` may be replaced by a build of the site in `root`, takes its lock,
    /// removes what killed builds left, and creates an empty staging folder beside it.
    pub fn new(root: &Path, out: &Path) -> Result<Staging, Error> {
        let target = Target::check(root, out)?;
        std::fs::create_dir_all(target.parent()).map_err(Error::io(target.parent()))?;
        let lock = OutputLock::take(&target)?;
        let stale = stale(&target)?;
        let dir = target.beside(&format!("building-{}", std::process::id()));
        std::fs::create_dir(&dir).map_err(Error::io(&dir))?;
        let clearing = (!stale.is_empty()).then(|| std::thread::spawn(move || remove(stale)));
        Ok(Staging {
            dir,
            target,
            committed: false,
            clearing,
            _lock: lock,
        })
    }

    /// Where the file `rel` will be once the build is in place, for messages: the staging
    /// folder's name means nothing to an editor.
    pub fn shown(&self, rel: &str) -> PathBuf {
        self.target.shown().join(rel)
    }

    /// Creates the folders the files need, once, parents first. A folder that holds only
    /// a page (`NAME/index.html`) is left to [`write_page`](Staging::write_page), so the
    /// pages' folders are made beside the pages, in parallel.
    pub fn make_dirs<'a>(&self, files: impl IntoIterator<Item = &'a str>) -> Result<(), Error> {
        // Every folder here has all the folders above it here too.
        let mut dirs: BTreeSet<&str> = BTreeSet::new();
        for file in files {
            let Some((dir, name)) = file.rsplit_once('/') else {
                continue;
            };
            let mut above = dir;
            while let Some((parent, _)) = above.rsplit_once('/') {
                if !dirs.insert(parent) {
                    break;
                }
                above = parent;
            }
            if name != "index.html" {
                dirs.insert(dir);
            }
        }
        for dir in dirs {
            let made = self.inside(dir).and_then(|path| make_dir(&path));
            made.map_err(Error::io(self.shown(dir)))?;
        }
        Ok(())
    }

    /// Writes one file, in a folder `make_dirs` made (or makes it, for a file that is
    /// named like a page but is not one).
    pub fn write(&self, rel: &str, bytes: &[u8]) -> io::Result<()> {
        let path = self.inside(rel)?;
        in_folder(&path, |path| std::fs::write(path, bytes))
    }

    /// Writes a page, making its folder first if need be (see `make_dirs`).
    pub fn write_page(&self, rel: &str, bytes: &[u8]) -> io::Result<()> {
        let path = self.inside(rel)?;
        if rel.contains('/') {
            make_dir(path.parent().unwrap_or(&self.dir))?;
        }
        std::fs::write(path, bytes)
    }

    /// Copies the file `from` to `rel`, as `write` writes.
    pub fn copy(&self, from: &Path, rel: &str) -> io::Result<()> {
        let path = self.inside(rel)?;
        in_folder(&path, |path| std::fs::copy(from, path).map(drop))
    }

    /// `rel` inside the staging folder. Only plain names are allowed, so nothing can be
    /// written outside it, whatever a slug or file name holds. (The folder is new and
    /// only this type fills it, so it holds no links to follow out either.)
    fn inside(&self, rel: &str) -> io::Result<PathBuf> {
        let plain = |part: &str| {
            !matches!(part, "" | "." | "..")
                && matches!(
                    Path::new(part).components().collect::<Vec<_>>()[..],
                    [Component::Normal(_)]
                )
        };
        if rel.split('/').all(plain) {
            Ok(self.dir.join(rel))
        } else {
            Err(io::Error::new(
                io::ErrorKind::InvalidInput,
                format!("`{rel}` is not a plain path inside the output folder"),
            ))
        }
    }

    /// Marks the folder as a build and swaps it in place of the target; the site it
    /// replaces is moved aside, for the next build to remove.
    pub fn commit(mut self) -> Result<(), Error> {
        self.write(MARKER, MARKER_TEXT.as_bytes())
            .map_err(Error::io(self.shown(MARKER)))?;
        self.finish_clearing()?;
        let old = swap(&self.dir, self.target.path()).map_err(Error::io(self.target.shown()))?;
        self.committed = true;
        if let Some(old) = old {
            // The new site is in place. Under the name of the previous site, the old one
            // is removed by the next build; under its staging name, it is removed as a
            // killed build's would be.
            let _ = std::fs::rename(old, self.target.beside("old"));
        }
        Ok(())
    }

    /// Waits for what earlier builds left to be removed.
    fn finish_clearing(&mut self) -> Result<(), Error> {
        match self.clearing.take().map(JoinHandle::join) {
            Some(Ok(removed)) => removed,
            Some(Err(_)) => Err(Error::Io {
                path: self.target.parent().to_path_buf(),
                source: io::Error::other("removing an earlier site failed"),
            }),
            None => Ok(()),
        }
    }
}

impl Drop for Staging {
    fn drop(&mut self) {
        if !self.committed {
            let _ = std::fs::remove_dir_all(&self.dir);
        }
        let _ = self.finish_clearing();
    }
}

/// Runs `write` on `path`, making its folders first when they are missing.
fn in_folder(path: &Path, write: impl Fn(&Path) -> io::Result<()>) -> io::Result<()> {
    match write(path) {
        Err(e) if e.kind() == io::ErrorKind::NotFound => {
            std::fs::create_dir_all(path.parent().unwrap_or(path))?;
            write(path)
        }
        other => other,
    }
}

/// Makes a folder, unless it is there already.
fn make_dir(path: &Path) -> io::Result<()> {
    match std::fs::create_dir(path) {
        Err(e) if e.kind() == io::ErrorKind::AlreadyExists => Ok(()),
        other => other,
    }
}

/// What earlier builds left beside the target: the site the last build replaced
/// (`.NAME.old`), and the `.NAME.building-PID` folders (and the `….old` ones that earlier
/// versions moved the old site to) of builds that were killed. Only the lock's holder
/// makes them, so while it is held, none of them belongs to a running build.
fn stale(target: &Target) -> Result<Vec<PathBuf>, Error> {
    let prefix = target.beside("building-");
    let previous = target.beside("old");
    let Some(prefix) = prefix.file_name().map(|p| p.as_encoded_bytes().to_vec()) else {
        return Ok(Vec::new());
    };
    let mut found = Vec::new();
    let entries = std::fs::read_dir(target.parent()).map_err(Error::io(target.parent()))?;
    for entry in entries {
        let entry = entry.map_err(Error::io(target.parent()))?;
        let name = entry.file_name();
        if entry.path() == previous {
            found.push(entry.path());
            continue;
        }
        let Some(rest) = name.as_encoded_bytes().strip_prefix(prefix.as_slice()) else {
            continue;
        };
        let pid = rest.strip_suffix(b".old").unwrap_or(rest);
        if !pid.is_empty() && pid.iter().all(u8::is_ascii_digit) {
            found.push(entry.path());
        }
    }
    Ok(found)
}

/// Removes each folder (or file) whole.
fn remove(paths: Vec<PathBuf>) -> Result<(), Error> {
    for path in paths {
        let removed = match std::fs::symlink_metadata(&path) {
            Ok(meta) if meta.is_dir() => std::fs::remove_dir_all(&path),
            _ => std::fs::remove_file(&path),
        };
        removed.map_err(Error::io(&path))?;
    }
    Ok(())
}

/// Puts `new` in place of `target`, and returns where the old target went, if there was
/// one.
fn swap(new: &Path, target: &Path) -> io::Result<Option<PathBuf>> {
    if std::fs::symlink_metadata(target).is_err() {
        return std::fs::rename(new, target).map(|()| None);
    }
    #[cfg(target_os = "linux")]
    {
        use rustix::fs::{renameat_with, RenameFlags, CWD};
        use rustix::io::Errno;
        // One step: at every moment the target is either the old site or the new one.
        match renameat_with(CWD, new, CWD, target, RenameFlags::EXCHANGE) {
            Ok(()) => return Ok(Some(new.to_path_buf())),
            // Kernels before 3.15 and some file systems cannot exchange.
            Err(Errno::INVAL | Errno::NOSYS | Errno::OPNOTSUPP) => {}
            Err(e) => return Err(e.into()),
        }
    }
    swap_by_renames(new, target).map(Some)
}

/// Two renames, where one cannot exchange: the old site is moved aside, then the new one
/// takes its place. Only a crash between the two leaves no site at `target`.
fn swap_by_renames(new: &Path, target: &Path) -> io::Result<PathBuf> {
    let mut old = new.as_os_str().to_os_string();
    old.push(".old");
    let old = PathBuf::from(old);
    std::fs::rename(target, &old)?;
    if let Err(e) = std::fs::rename(new, target) {
        std::fs::rename(&old, target)?;
        return Err(e);
    }
    Ok(old)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn site() -> (tempfile::TempDir, PathBuf) {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("site");
        std::fs::create_dir_all(root.join("content")).unwrap();
        (dir, root)
    }

    #[test]
    fn only_plain_paths_are_written() {
        let (_dir, root) = site();
        let staging = Staging::new(&root, &root.join("public")).unwrap();
        staging.make_dirs(["a/b/page.html"]).unwrap();
        staging.write("a/b/page.html", b"ok").unwrap();
        for bad in [
            "../escape.html",
            "a/../../escape.html",
            "/etc/passwd",
            "a/./b.html",
            "a//b.html",
            "",
            "a/",
            "..",
        ] {
            let error = staging.write(bad, b"x").unwrap_err();
            assert_eq!(error.kind(), io::ErrorKind::InvalidInput, "{bad}");
            assert!(staging.make_dirs([format!("{bad}/x").as_str()]).is_err());
        }
        assert!(!root.join("escape.html").exists());
        assert!(!root.parent().unwrap().join("escape.html").exists());

        // Problems name a file where it is going, not in the hidden staging folder.
        assert_eq!(staging.shown("a/b.html"), root.join("public/a/b.html"));
        match staging.make_dirs(["../up/x.html"]) {
            Err(Error::Io { path, .. }) => assert_eq!(path, root.join("public/..")),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn renames_swap_when_the_system_cannot_exchange() {
        let dir = tempfile::tempdir().unwrap();
        let (new, target) = (dir.path().join("new"), dir.path().join("target"));
        std::fs::create_dir(&new).unwrap();
        std::fs::write(new.join("page"), "new").unwrap();
        std::fs::create_dir(&target).unwrap();
        std::fs::write(target.join("page"), "old").unwrap();
        let old = swap_by_renames(&new, &target).unwrap();
        assert_eq!(std::fs::read_to_string(target.join("page")).unwrap(), "new");
        assert_eq!(std::fs::read_to_string(old.join("page")).unwrap(), "old");
        assert!(!new.exists());
    }
}
