//! The error type at the library's edge.

use std::path::PathBuf;

use crate::diagnostic::Diagnostic;

/// Why a build or check did not succeed.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// Problems in the editors' files: content, templates, settings.
    #[error("{} problem(s) found", .0.len())]
    Problems(Vec<Diagnostic>),
    /// The machine let us down: a disk, a permission.
    #[error("{}: {source}", path.display())]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
}

impl Error {
    /// The problems, one `path:line:col: error:` entry each, exactly as editors read them.
    pub fn lines(&self) -> String {
        match self {
            Error::Problems(problems) => problems
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join("\n"),
            other => format!("error: {other}"),
        }
    }

    pub fn io(path: impl Into<PathBuf>) -> impl FnOnce(std::io::Error) -> Error {
        let path = path.into();
        move |source| Error::Io { path, source }
    }
}

impl From<Vec<Diagnostic>> for Error {
    fn from(problems: Vec<Diagnostic>) -> Error {
        Error::Problems(problems)
    }
}
