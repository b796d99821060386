//! The error for bad input at run time: answers, or an encoded definition.

use alloc::string::String;
use core::fmt;

use crate::wire::push_number;

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

impl Error {
    /// The message that `Display` shows. It is built by hand, not with `write!`, so that the
    /// browser's wasm, which shows the same messages, carries no `core::fmt`.
    pub(crate) fn message(&self) -> String {
        let mut out = String::new();
        let mut push = |parts: &[&str]| parts.iter().for_each(|part| out.push_str(part));
        match self {
            Error::UnknownQuestion { question } => push(&["unknown question `", question, "`"]),
            Error::UnknownOption { question, option } => push(&[
                "unknown option `",
                option,
                "` for question `",
                question,
                "`",
            ]),
            Error::SeveralAnswers { question } => push(&[
                "question `",
                question,
                "` takes one answer, but several were given",
            ]),
            Error::AnsweredTwice { question } => {
                push(&["question `", question, "` is answered twice"])
            }
            Error::MalformedAnswer { entry } => {
                push(&["`", entry, "` is not of the form `question=option,option`"])
            }
            Error::Wire { line, reason } => {
                out.push_str("encoded definition, line ");
                push_number(&mut out, *line);
                out.push_str(": ");
                out.push_str(reason);
            }
        }
        out
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message())
    }
}

impl core::error::Error for Error {}
