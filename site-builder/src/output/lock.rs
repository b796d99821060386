//! One build at a time into each output folder: a lock file beside it, `.public.lock`.
//!
//! The system releases the lock when its holder ends, even by `kill -9`, so a lock can
//! never be left behind by a build that did not finish.

use std::fs::{File, OpenOptions, TryLockError};
use std::io;
use std::path::{Path, PathBuf};

use super::target::Target;
use crate::diagnostic::Diagnostic;
use crate::error::Error;

/// Held while a build writes beside and into its output folder.
#[derive(Debug)]
pub struct OutputLock {
    /// Closing it releases the lock.
    _file: File,
    path: PathBuf,
}

impl OutputLock {
    /// Takes the lock, or fails at once when another build holds it.
    pub fn take(target: &Target) -> Result<OutputLock, Error> {
        let path = target.beside("lock");
        loop {
            let file = OpenOptions::new()
                .write(true)
                .create(true)
                .truncate(false)
                .open(&path)
                .map_err(Error::io(&path))?;
            match file.try_lock() {
                Ok(()) => {}
                Err(TryLockError::WouldBlock) => {
                    return Err(Error::Problems(vec![Diagnostic::file(
                        target.shown(),
                        "another build is writing to this output folder right now",
                    )
                    .with_help("wait for that build to finish, then build again")]))
                }
                Err(TryLockError::Error(e)) => return Err(Error::io(&path)(e)),
            }
            // The build before may have removed the file as it let go, after this one
            // opened it: the lock is then on a file no other build can find. Take the
            // one that is there now.
            if still_at(&file, &path).map_err(Error::io(&path))? {
                return Ok(OutputLock { _file: file, path });
            }
        }
    }
}

impl Drop for OutputLock {
    /// Removes the file while still holding it (the file is closed after), so no dot
    /// file stays beside the output.
    fn drop(&mut self) {
        if cfg!(unix) {
            let _ = std::fs::remove_file(&self.path);
        }
    }
}

/// Whether `path` still names the open `file`.
#[cfg(unix)]
fn still_at(file: &File, path: &Path) -> io::Result<bool> {
    use std::os::unix::fs::MetadataExt;
    let open = file.metadata()?;
    match std::fs::metadata(path) {
        Ok(now) => Ok(now.dev() == open.dev() && now.ino() == open.ino()),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(false),
        Err(e) => Err(e),
    }
}

/// Elsewhere a file's identity cannot be read, so the lock file is never removed (see
/// `drop`) and the path always names the file that was opened.
#[cfg(not(unix))]
fn still_at(_: &File, _: &Path) -> io::Result<bool> {
    Ok(true)
}
