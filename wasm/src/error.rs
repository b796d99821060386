//! The error for bad input at run time: answers, or an encoded definition.

use std::fmt;

/// Input that the engine refuses. Problems in a definition are [`crate::Problem`]s instead.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Error {
    UnknownQuestion {
        question: String,
    },
    UnknownOption {
        question: String,
        option: String,
    },
    /// Several options for a question that takes one answer.
    SeveralAnswers {
        question: String,
    },
    /// The same question twice in one answers text.
    AnsweredTwice {
        question: String,
    },
    /// An answers text entry that is not `question=option,option`.
    MalformedAnswer {
        entry: String,
    },
    /// An encoded definition that [`crate::Definition::decode`] cannot read, by line (from 1).
    Wire {
        line: usize,
        reason: &'static str,
    },
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::UnknownQuestion { question } => write!(f, "unknown question `{question}`"),
            Error::UnknownOption { question, option } => {
                write!(f, "unknown option `{option}` for question `{question}`")
            }
            Error::SeveralAnswers { question } => write!(
                f,
                "question `{question}` takes one answer, but several were given"
            ),
            Error::AnsweredTwice { question } => {
                write!(f, "question `{question}` is answered twice")
            }
            Error::MalformedAnswer { entry } => {
                write!(f, "`{entry}` is not of the form `question=option,option`")
            }
            Error::Wire { line, reason } => {
                write!(f, "encoded definition, line {line}: {reason}")
            }
        }
    }
}

impl std::error::Error for Error {}
