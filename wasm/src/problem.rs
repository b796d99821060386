//! Problems in a definition, located precisely enough for site-builder to point at the YAML.

use std::fmt;

/// One mistake in a definition or its examples, for an editor to fix.
///
/// `at` names the field; when the field is a condition, `offset` is the byte offset inside
/// that condition's text, so site-builder can turn `at` + `offset` into `file:line:col`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    pub at: Site,
    pub offset: Option<usize>,
    pub message: String,
    pub help: Option<String>,
}

/// Where in the definition a problem is: the list, the entry's index in it, and the field.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Site {
    /// The definition as a whole, e.g. "there are no outcomes".
    Definition,
    Question {
        index: usize,
        field: Field,
    },
    Outcome {
        index: usize,
        field: Field,
    },
    Reason {
        index: usize,
        field: Field,
    },
    Example {
        index: usize,
        field: Field,
    },
}

/// A field of a question, outcome, reason or example.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Field {
    Id,
    /// A question's option list as a whole.
    Options,
    /// The id of a question's option, by index.
    Option(usize),
    ShowIf,
    When,
    /// An example's answers as a whole.
    Answers,
    /// One of an example's answers, by its index in the example.
    Answer(usize),
    Expect,
    ExpectReasons,
    /// One of an example's expected reasons, by index.
    ExpectReason(usize),
}

impl Problem {
    pub(crate) fn new(at: Site, message: impl Into<String>) -> Self {
        Problem {
            at,
            offset: None,
            message: message.into(),
            help: None,
        }
    }

    pub(crate) fn offset(mut self, offset: usize) -> Self {
        self.offset = Some(offset);
        self
    }

    pub(crate) fn help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    pub(crate) fn maybe_help(mut self, help: Option<String>) -> Self {
        self.help = help;
        self
    }
}

/// A terse, path-like form (`questions[2].show_if@14: ...`) for logs and tests; editors see
/// site-builder's `file:line:col` form instead.
impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.at)?;
        if let Some(offset) = self.offset {
            write!(f, "@{offset}")?;
        }
        write!(f, ": {}", self.message)?;
        if let Some(help) = &self.help {
            write!(f, " (help: {help})")?;
        }
        Ok(())
    }
}

impl fmt::Display for Site {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (list, index, field) = match *self {
            Site::Definition => return f.write_str("definition"),
            Site::Question { index, field } => ("questions", index, field),
            Site::Outcome { index, field } => ("outcomes", index, field),
            Site::Reason { index, field } => ("reasons", index, field),
            Site::Example { index, field } => ("examples", index, field),
        };
        write!(f, "{list}[{index}].")?;
        match field {
            Field::Id => f.write_str("id"),
            Field::Options => f.write_str("options"),
            Field::Option(i) => write!(f, "options[{i}]"),
            Field::ShowIf => f.write_str("show_if"),
            Field::When => f.write_str("when"),
            Field::Answers => f.write_str("answers"),
            Field::Answer(i) => write!(f, "answers[{i}]"),
            Field::Expect => f.write_str("expect"),
            Field::ExpectReasons => f.write_str("expect_reasons"),
            Field::ExpectReason(i) => write!(f, "expect_reasons[{i}]"),
        }
    }
}
