//! The error type at the library's edge.

use std::path::PathBuf;

use crate::diagnostic::{Diagnostic, Printer};

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
    /// A request that cannot be carried out as asked (a folder that is not empty, a busy
    /// port); nothing was changed.
    #[error("{message}")]
    Refused {
        message: String,
        help: Option<String>,
    },
    /// The live preview's build was stopped part way: a newer save is to be built.
    #[error("stopped for a newer change")]
    Superseded,
}

impl Error {
    /// The problems in the short form, one `path:line:col: error:` entry each, exactly
    /// as logs and tests read them.
    pub fn lines(&self) -> String {
        match self {
            Error::Problems(problems) => crate::diagnostic::short(problems),
            Error::Refused {
                message,
                help: Some(help),
            } => format!("error: {message}\n  help: {help}"),
            other => format!("error: {other}"),
        }
    }

    /// The problems as `printer` writes them; other errors as one line with their help.
    pub fn text(&self, printer: &Printer) -> String {
        match self {
            Error::Problems(problems) => printer.text(problems),
            other => other.lines(),
        }
    }

    /// Writes the error to standard error, as `printer` writes problems.
    pub fn eprint(&self, printer: &Printer) {
        match self {
            Error::Problems(problems) => printer.eprint(problems),
            other => eprintln!("{}", other.lines()),
        }
    }

    pub fn refused(message: impl Into<String>, help: impl Into<String>) -> Error {
        Error::Refused {
            message: message.into(),
            help: Some(help.into()),
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
