//! The browser's API, bound with wasm-bindgen. Everything crosses as short strings in the
//! formats of [`Definition::encode`], [`Answers::parse`] and `Evaluation::encode`, so the
//! page needs no JSON and the wasm no serde.

use wasm_bindgen::prelude::*;

use crate::answers::Answers;
use crate::definition::Definition;

/// The self-check engine for one encoded definition.
#[wasm_bindgen]
pub struct Engine {
    definition: Definition,
}

#[wasm_bindgen]
impl Engine {
    /// Reads a definition made by `Definition::encode`.
    #[wasm_bindgen(constructor)]
    pub fn new(definition: &str) -> Result<Engine, JsError> {
        Ok(Engine {
            definition: Definition::decode(definition)?,
        })
    }

    /// Evaluates answers text (`danger=no;behaviours=following`) and returns
    /// `visible=..;next=..;answered=..;complete=0|1;outcome=..;reasons=..`.
    pub fn evaluate(&self, answers: &str) -> Result<String, JsError> {
        Ok(Answers::parse(&self.definition, answers)?
            .evaluate()
            .encode())
    }

    /// Ticks or unticks one option and returns the new answers text, with the exclusive
    /// rule applied: the page redraws its checkboxes from it.
    pub fn toggle(
        &self,
        answers: &str,
        question: &str,
        option: &str,
        on: bool,
    ) -> Result<String, JsError> {
        let mut answers = Answers::parse(&self.definition, answers)?;
        answers.toggle(question, option, on)?;
        Ok(answers.to_string())
    }
}
