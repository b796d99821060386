//! The words of the self-check in one language, apart from its logic: the definition's
//! own (in `questions.yaml`), or a text file's (`questions.cy.yaml`), which holds words
//! only, keyed by the same ids. Each text comes with the key path it is written at, so a
//! problem found in it is placed in its own file.

use std::path::Path;

use super::file::DefinitionFile;
use crate::yaml::Positions;

/// A text and where it is written: `questions.2.prompt`, or `questions.danger.prompt`.
pub type Placed<'a> = (&'a str, String);

/// The words of a definition, by the index of each question, option, outcome and reason
/// in the definition.
pub trait Wording {
    /// The file the words are in, and where each value sits in it.
    fn file(&self) -> (&Path, &Positions);
    /// How many options each question has, and how many outcomes and reasons there are.
    fn counts(&self) -> (Vec<usize>, usize, usize);
    fn opening(&self) -> Option<Placed<'_>>;
    fn closing(&self) -> Option<Placed<'_>>;
    fn prompt(&self, question: usize) -> Placed<'_>;
    fn hint(&self, question: usize) -> Option<Placed<'_>>;
    fn label(&self, question: usize, option: usize) -> Placed<'_>;
    fn option_hint(&self, question: usize, option: usize) -> Option<Placed<'_>>;
    fn title(&self, outcome: usize) -> Placed<'_>;
    fn body(&self, outcome: usize) -> Placed<'_>;
    fn reason(&self, reason: usize) -> Placed<'_>;
}

/// The default language's words, in the definition itself.
pub struct Own<'a> {
    pub file: &'a DefinitionFile,
    pub path: &'a Path,
    pub positions: &'a Positions,
}

impl Wording for Own<'_> {
    fn file(&self) -> (&Path, &Positions) {
        (self.path, self.positions)
    }

    fn counts(&self) -> (Vec<usize>, usize, usize) {
        let questions = self
            .file
            .questions
            .iter()
            .map(|q| q.options.len())
            .collect();
        (questions, self.file.outcomes.len(), self.file.reasons.len())
    }

    fn opening(&self) -> Option<Placed<'_>> {
        Some((self.file.opening.as_deref()?, "opening".into()))
    }

    fn closing(&self) -> Option<Placed<'_>> {
        Some((self.file.closing.as_deref()?, "closing".into()))
    }

    fn prompt(&self, q: usize) -> Placed<'_> {
        (
            &self.file.questions[q].prompt,
            format!("questions.{q}.prompt"),
        )
    }

    fn hint(&self, q: usize) -> Option<Placed<'_>> {
        Some((
            self.file.questions[q].hint.as_deref()?,
            format!("questions.{q}.hint"),
        ))
    }

    fn label(&self, q: usize, o: usize) -> Placed<'_> {
        let option = &self.file.questions[q].options[o];
        (&option.label, format!("questions.{q}.options.{o}.label"))
    }

    fn option_hint(&self, q: usize, o: usize) -> Option<Placed<'_>> {
        let option = &self.file.questions[q].options[o];
        Some((
            option.hint.as_deref()?,
            format!("questions.{q}.options.{o}.hint"),
        ))
    }

    fn title(&self, o: usize) -> Placed<'_> {
        (&self.file.outcomes[o].title, format!("outcomes.{o}.title"))
    }

    fn body(&self, o: usize) -> Placed<'_> {
        (&self.file.outcomes[o].body, format!("outcomes.{o}.body"))
    }

    fn reason(&self, r: usize) -> Placed<'_> {
        (&self.file.reasons[r].text, format!("reasons.{r}.text"))
    }
}
