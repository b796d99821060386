//! The browser's API, bound with wasm-bindgen. Everything crosses as short strings in the
//! formats of [`Definition::encode`], [`Answers::parse`] and `Evaluation::encode`, so the
//! page needs no JSON and the wasm no serde.
//!
//! In the browser's wasm the engine has no std (see the crate root), so this module also
//! gives it a panic handler and an allocator. Bad input is an error, never a panic: the
//! handler only stops the instance if a bug ever panics.

use alloc::string::String;

use wasm_bindgen::prelude::*;

use crate::answers::Answers;
use crate::definition::Definition;
use crate::error::Error;

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
            definition: Definition::decode(definition).map_err(js_error)?,
        })
    }

    /// Evaluates answers text (`danger=no;behaviours=following`) and returns
    /// `visible=..;next=..;answered=..;complete=0|1;outcome=..;reasons=..`.
    pub fn evaluate(&self, answers: &str) -> Result<String, JsError> {
        let answers = Answers::parse(&self.definition, answers).map_err(js_error)?;
        Ok(answers.evaluate().encode())
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
        let mut answers = Answers::parse(&self.definition, answers).map_err(js_error)?;
        answers.toggle(question, option, on).map_err(js_error)?;
        Ok(answers.encode())
    }
}

/// The same message as `Display`, without `core::fmt` (which `?` would bring in).
fn js_error(error: Error) -> JsError {
    JsError::new(&error.message())
}

/// A panic would be a bug: stop the instance without formatting a message, which would
/// bring `core::fmt` in. The page then reports that the self-check could not run.
#[cfg(all(target_arch = "wasm32", target_os = "unknown"))]
#[panic_handler]
fn panic(_: &core::panic::PanicInfo<'_>) -> ! {
    core::arch::wasm32::unreachable()
}

#[cfg(all(target_arch = "wasm32", target_os = "unknown"))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();
