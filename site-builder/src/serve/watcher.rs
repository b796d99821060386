//! Noticing saves. Editors' programs often write a file in several steps (a temporary
//! file, a rename, a change of times), so changes are gathered until the folder has been
//! quiet for a moment, and then the site is rebuilt once, reading again the files named.
//! When the system says changes were missed (its queue overflowed), every file is read
//! again.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, RecvTimeoutError, Sender};
use std::sync::Arc;
use std::time::{Duration, Instant};

use notify::{EventKind, RecommendedWatcher, RecursiveMode, Watcher};

use crate::error::Error;

/// How long the folders must be quiet before a rebuild starts.
const QUIET: Duration = Duration::from_millis(30);
/// A rebuild starts after this long even if changes keep coming.
const MOST: Duration = Duration::from_millis(500);

/// What the rebuild loop waits for.
#[derive(Debug)]
pub enum Signal {
    Changed(Vec<PathBuf>),
    /// Changes were missed.
    Missed,
    Stop,
}

/// What changed in a burst.
#[derive(Debug, PartialEq, Eq)]
pub enum Change {
    /// These files or folders, sorted, without repeats.
    Files(Vec<PathBuf>),
    /// Something, but it is not known what.
    Unknown,
}

/// Watches each folder that exists, recursively, sending [`Signal::Changed`] and setting
/// `newer`, which stops a build in progress: it is of files older than these.
pub fn watch(
    folders: &[PathBuf],
    signals: Sender<Signal>,
    newer: Arc<AtomicBool>,
) -> Result<RecommendedWatcher, Error> {
    let mut watcher = notify::recommended_watcher(move |event: notify::Result<notify::Event>| {
        let signal = match event {
            Ok(event) if event.need_rescan() => Signal::Missed,
            // Reading a file (as the build does) is not a change.
            Ok(event) if matches!(event.kind, EventKind::Access(_)) => return,
            Ok(event) => Signal::Changed(event.paths),
            Err(_) => Signal::Missed,
        };
        // An editor's swap or backup file is no reason to stop a build.
        if !matches!(&signal, Signal::Changed(paths) if paths.iter().all(|p| is_scratch(p))) {
            newer.store(true, Ordering::Relaxed);
        }
        let _ = signals.send(signal);
    })
    .map_err(|source| watch_error(Path::new("."), source))?;
    for folder in folders.iter().filter(|f| f.is_dir()) {
        watcher
            .watch(folder, RecursiveMode::Recursive)
            .map_err(|source| watch_error(folder, source))?;
    }
    Ok(watcher)
}

/// A file editors' programs keep beside the one being edited, which no build reads: a
/// hidden swap file (`.page.md.swp`) or a backup (`page.md~`).
fn is_scratch(path: &Path) -> bool {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy())
        .unwrap_or_default();
    name.starts_with('.') || name.ends_with('~')
}

fn watch_error(path: &Path, source: notify::Error) -> Error {
    Error::Refused {
        message: format!("cannot watch {}: {source}", path.display()),
        help: None,
    }
}

/// Waits for the next burst of changes and says what changed. `None` means stop.
pub fn next_change(signals: &Receiver<Signal>) -> Option<Change> {
    let mut missed = false;
    let mut paths = match signals.recv().ok()? {
        Signal::Changed(paths) => paths,
        Signal::Missed => {
            missed = true;
            Vec::new()
        }
        Signal::Stop => return None,
    };
    let started = Instant::now();
    while started.elapsed() < MOST {
        match signals.recv_timeout(QUIET) {
            Ok(Signal::Changed(more)) => paths.extend(more),
            Ok(Signal::Missed) => missed = true,
            Ok(Signal::Stop) | Err(RecvTimeoutError::Disconnected) => return None,
            Err(RecvTimeoutError::Timeout) => break,
        }
    }
    if missed {
        return Some(Change::Unknown);
    }
    paths.sort();
    paths.dedup();
    Some(Change::Files(paths))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::mpsc;

    #[test]
    fn a_burst_of_changes_is_one_rebuild() {
        let (tx, rx) = mpsc::channel();
        for name in ["b.md", "a.md", "b.md"] {
            tx.send(Signal::Changed(vec![PathBuf::from(name)])).unwrap();
        }
        assert_eq!(
            next_change(&rx),
            Some(Change::Files(vec![
                PathBuf::from("a.md"),
                PathBuf::from("b.md")
            ]))
        );
        tx.send(Signal::Changed(vec![PathBuf::from("a.md")]))
            .unwrap();
        tx.send(Signal::Missed).unwrap();
        assert_eq!(next_change(&rx), Some(Change::Unknown));
        tx.send(Signal::Stop).unwrap();
        assert_eq!(next_change(&rx), None);
    }
}
