//! Turning the engine's problems into `file:line:col` in the YAML.

use std::path::Path;

use selfcheck_engine::{Field, Problem, Site};

use crate::diagnostic::Diagnostic;
use crate::selfcheck::DefinitionFile;
use crate::yaml::Positions;

pub struct Locator<'a> {
    pub file: &'a DefinitionFile,
    pub positions: &'a Positions,
    pub path: &'a Path,
}

impl Locator<'_> {
    pub fn all(&self, problems: &[Problem]) -> Vec<Diagnostic> {
        problems.iter().map(|p| self.one(p)).collect()
    }

    fn one(&self, problem: &Problem) -> Diagnostic {
        let (key_path, text) = self.key_path(problem.at);
        let place = self.positions.nearest(&key_path);
        let (line, col) = match (problem.offset, text) {
            (Some(offset), Some(text)) => place.inside(text, offset),
            _ => (place.line, place.col),
        };
        let diagnostic = Diagnostic::new(self.path, line, col, problem.message.clone());
        match &problem.help {
            Some(help) => diagnostic.with_help(help.clone()),
            None => diagnostic,
        }
    }

    /// The YAML path of a site, and the condition text when the site is a condition.
    fn key_path(&self, site: Site) -> (String, Option<&str>) {
        let f = self.file;
        match site {
            Site::Definition => (String::new(), None),
            Site::Question { index, field } => {
                let q = f.questions.get(index);
                match field {
                    Field::ShowIf => (
                        format!("questions.{index}.show_if"),
                        q.and_then(|q| q.show_if.as_deref()),
                    ),
                    Field::Option(j) => (format!("questions.{index}.options.{j}.id"), None),
                    Field::Options => (format!("questions.{index}.options"), None),
                    _ => (format!("questions.{index}.id"), None),
                }
            }
            Site::Outcome { index, field } => match field {
                Field::When => (
                    format!("outcomes.{index}.when"),
                    f.outcomes.get(index).and_then(|o| o.when.as_deref()),
                ),
                _ => (format!("outcomes.{index}.id"), None),
            },
            Site::Reason { index, field } => match field {
                Field::When => (
                    format!("reasons.{index}.when"),
                    f.reasons.get(index).map(|r| r.when.as_str()),
                ),
                _ => (format!("reasons.{index}.id"), None),
            },
            Site::Example { index, field } => {
                let example = f.examples.get(index);
                let path = match field {
                    Field::Answer(k) => {
                        let key = example
                            .and_then(|e| e.answers.iter().nth(k))
                            .map(|(q, _)| super::scalar(q));
                        format!("examples.{index}.answers.{}", key.unwrap_or_default())
                    }
                    Field::Expect => format!("examples.{index}.expect"),
                    Field::ExpectReasons => format!("examples.{index}.expect_reasons"),
                    Field::ExpectReason(j) => format!("examples.{index}.expect_reasons.{j}"),
                    _ => format!("examples.{index}.answers"),
                };
                (path, None)
            }
        }
    }
}
