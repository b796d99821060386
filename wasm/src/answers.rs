//! A visitor's answers, and the rule for exclusive options.

use alloc::vec;
use alloc::vec::Vec;

use crate::definition::{Definition, Kind, Question};
use crate::error::Error;
use crate::option_set::OptionSet;

/// The answers given so far: for each question, the chosen options. A question with no
/// chosen option is unanswered (there is no separate "answered with nothing").
///
/// They are raw: answers to questions that are now hidden are kept (a visitor may go back
/// and change an earlier answer, then change it back) and ignored by
/// [`Answers::evaluate`].
///
/// Every way in keeps two rules: a one-answer question holds at most one option, and an
/// exclusive option ("none of these") is never held together with another option.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Answers<'d> {
    pub(crate) definition: &'d Definition,
    pub(crate) chosen: Vec<OptionSet>,
}

impl<'d> Answers<'d> {
    /// No answers.
    pub fn new(definition: &'d Definition) -> Self {
        Answers {
            definition,
            chosen: vec![OptionSet::EMPTY; definition.questions.len()],
        }
    }

    /// Replaces a question's answer. An empty list clears it.
    ///
    /// For a many-answer question, a list that holds an exclusive option together with
    /// others keeps only the exclusive option (see [`Answers::toggle`] for why).
    pub fn set<S: AsRef<str>>(&mut self, question: &str, options: &[S]) -> Result<(), Error> {
        let (q, slot) = self.slot(question)?;
        let mut chosen = OptionSet::EMPTY;
        for option in options {
            chosen = chosen.with(option_index(q, option.as_ref())?);
        }
        if q.kind == Kind::One && chosen.len() > 1 {
            return Err(Error::SeveralAnswers {
                question: question.into(),
            });
        }
        *slot = q.normalise(chosen);
        Ok(())
    }

    /// Ticks (`on`) or unticks one option, as a radio button or checkbox would.
    ///
    /// On a one-answer question, ticking replaces the answer. On a many-answer question,
    /// ticking an exclusive option clears the others, and ticking any other option clears
    /// the exclusive ones. A raw list that holds both (only [`Answers::set`] and the answers
    /// text can say that) keeps the exclusive option: "none of these" is the safe reading,
    /// and a fixed rule keeps the result deterministic.
    pub fn toggle(&mut self, question: &str, option: &str, on: bool) -> Result<(), Error> {
        let (q, slot) = self.slot(question)?;
        let option = option_index(q, option)?;
        *slot = match (on, q.kind) {
            (false, _) => slot.without(OptionSet::single(option)),
            (true, Kind::One) => OptionSet::single(option),
            (true, Kind::Many) if q.exclusive_options().contains(option) => {
                OptionSet::single(option)
            }
            (true, Kind::Many) => slot.without(q.exclusive_options()).with(option),
        };
        Ok(())
    }

    /// The options chosen for a question, in option order; empty when unanswered.
    pub fn chosen(&self, question: &str) -> Result<Vec<&'d str>, Error> {
        let questions = self.definition.questions.iter();
        let (q, chosen) = (questions.zip(&self.chosen))
            .find(|(q, _)| q.id == question)
            .ok_or_else(|| unknown_question(question))?;
        Ok(q.option_ids(*chosen).collect())
    }

    /// The question with this id, and its answer. Found by walking both lists together
    /// rather than by index, so the browser's wasm has no panic path here.
    fn slot(&mut self, id: &str) -> Result<(&'d Question, &mut OptionSet), Error> {
        let questions = self.definition.questions.iter();
        (questions.zip(&mut self.chosen))
            .find(|(q, _)| q.id == id)
            .ok_or_else(|| unknown_question(id))
    }
}

fn unknown_question(id: &str) -> Error {
    Error::UnknownQuestion {
        question: id.into(),
    }
}

fn option_index(question: &Question, option: &str) -> Result<usize, Error> {
    question
        .option_index(option)
        .ok_or_else(|| Error::UnknownOption {
            question: question.id.clone(),
            option: option.into(),
        })
}

/// Answers for messages: `danger=no, behaviours=[following, contact]`, skipping unanswered.
#[cfg(not(all(target_arch = "wasm32", target_os = "unknown")))]
pub(crate) fn describe(definition: &Definition, answers: &[OptionSet]) -> String {
    let described: Vec<String> = (definition.questions.iter().zip(answers))
        .filter(|(_, chosen)| !chosen.is_empty())
        .map(|(q, chosen)| {
            let ids: Vec<&str> = chosen.iter().map(|i| q.options[i].id.as_str()).collect();
            match q.kind {
                Kind::One => format!("{}={}", q.id, ids.join(",")),
                Kind::Many => format!("{}=[{}]", q.id, ids.join(", ")),
            }
        })
        .collect();
    if described.is_empty() {
        "none".into()
    } else {
        described.join(", ")
    }
}
