//! Noticing saves. Editors' programs often write a file in several steps (a temporary
//! file, a rename, a change of times), so changes are gathered until the folder has been
//! quiet for a moment, and then the site is rebuilt once.

use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, RecvTimeoutError, Sender};
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
    Stop,
}

/// Watches each folder that exists, recursively, sending [`Signal::Changed`].
pub fn watch(folders: &[PathBuf], signals: Sender<Signal>) -> Result<RecommendedWatcher, Error> {
    let mut watcher = notify::recommended_watcher(move |event: notify::Result<notify::Event>| {
        if let Ok(event) = event {
            // Reading a file (as the build does) is not a change.
            if !matches!(event.kind, EventKind::Access(_)) {
                let _ = signals.send(Signal::Changed(event.paths));
            }
        }
    })
    .map_err(|source| watch_error(Path::new("."), source))?;
    for folder in folders.iter().filter(|f| f.is_dir()) {
        watcher
            .watch(folder, RecursiveMode::Recursive)
            .map_err(|source| watch_error(folder, source))?;
    }
    Ok(watcher)
}

fn watch_error(path: &Path, source: notify::Error) -> Error {
    Error::Refused {
        message: format!("cannot watch {}: {source}", path.display()),
        help: None,
    }
}

/// Waits for the next burst of changes and returns the files in it, sorted and without
/// repeats. `None` means stop.
pub fn next_change(signals: &Receiver<Signal>) -> Option<Vec<PathBuf>> {
    let mut paths = match signals.recv().ok()? {
        Signal::Changed(paths) => paths,
        Signal::Stop => return None,
    };
    let started = Instant::now();
    while started.elapsed() < MOST {
        match signals.recv_timeout(QUIET) {
            Ok(Signal::Changed(more)) => paths.extend(more),
            Ok(Signal::Stop) | Err(RecvTimeoutError::Disconnected) => return None,
            Err(RecvTimeoutError::Timeout) => break,
        }
    }
    paths.sort();
    paths.dedup();
    Some(paths)
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
            Some(vec![PathBuf::from("a.md"), PathBuf::from("b.md")])
        );
        tx.send(Signal::Stop).unwrap();
        assert_eq!(next_change(&rx), None);
    }
}
