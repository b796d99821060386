//! The self-check engine: the questionnaire's logic, shared by site-builder (natively) and
//! the browser (as wasm). It sees only ids and conditions, never text.
//!
//! Entry points:
//! - build: [`Definition::from_spec`] checks a [`Spec`] (what the YAML says, conditions as
//!   text) and compiles its conditions, returning every [`Problem`] found;
//! - prove: [`Definition::validate`] enumerates the answer paths conditions can tell apart:
//!   every outcome and reason is reachable and every path gives an outcome;
//! - test: [`Definition::check_examples`] runs the editors' [`Example`]s;
//! - compare: [`Definition::diff`] lists every answer set whose outcome or reasons differ
//!   between two versions, for sign-off;
//! - ship: [`Definition::encode`] writes the compact form the browser's [`Engine`] reads;
//! - run: [`Answers`] (with the exclusive-option rule) and [`Answers::evaluate`], giving an
//!   [`Evaluation`]: visible questions, next question, progress, outcome and reasons.
//!
//! The condition language and its meaning (an unanswered question is never "no") are
//! described on [`Expr`]; the text formats on [`Definition::encode`], [`Answers::parse`]
//! and [`Evaluation::encode`].

// In the browser (wasm32-unknown-unknown) the engine runs without std: std's panic and
// allocation-failure paths format their messages, which would pull `core::fmt` and its
// tables into the wasm. `browser` holds the panic handler and allocator that replace them.
#![cfg_attr(all(target_arch = "wasm32", target_os = "unknown"), no_std)]

extern crate alloc;

/// Items for checking a definition, which happens at build time, natively: the browser's
/// wasm is only the run-time half (decode, answers, evaluation), so it leaves them out.
macro_rules! build_time {
    ($($item:item)*) => {
        $(#[cfg(not(all(target_arch = "wasm32", target_os = "unknown")))] $item)*
    };
}

mod answers;
mod browser;
mod condition;
mod definition;
mod error;
mod evaluation;
mod option_set;
mod wire;

// Random small definitions for the property tests.
#[cfg(test)]
mod arbitrary;

build_time! {
    mod coverage;
    mod diff;
    mod example;
    mod problem;
    mod spec;
    mod suggest;
}

// The definition and how it is written.
pub use definition::{Choice, Definition, Kind, Outcome, Question, Reason};
build_time! {
    pub use spec::{OutcomeSpec, QuestionSpec, ReasonSpec, Spec};
}

// Conditions.
pub use condition::{Check, Expr, Test};
pub use option_set::OptionSet;
build_time! {
    pub use condition::ExprDisplay;
}

// Checking a definition.
build_time! {
    pub use coverage::{thousands, WORK_BUDGET};
    pub use example::Example;
    pub use problem::{Field, Problem, Site};
    pub use suggest::closest;
}

// Comparing two versions.
build_time! {
    pub use diff::{Change, Diff, EXAMPLES};
}

// Running it.
pub use answers::Answers;
pub use error::Error;
pub use evaluation::Evaluation;

// The browser's API.
pub use browser::Engine;
