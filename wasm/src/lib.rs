//! The self-check engine: the questionnaire's logic, shared by site-builder (natively) and
//! the browser (as wasm). It sees only ids and conditions, never text.
//!
//! Entry points:
//! - build: [`Definition::from_spec`] checks a [`Spec`] (what the YAML says, conditions as
//!   text) and compiles its conditions, returning every [`Problem`] found;
//! - prove: [`Definition::validate`] enumerates the answer paths conditions can tell apart:
//!   every outcome and reason is reachable and every path gives an outcome;
//! - test: [`Definition::check_examples`] runs the editors' [`Example`]s;
//! - ship: [`Definition::encode`] writes the compact form the browser's [`Engine`] reads;
//! - run: [`Answers`] (with the exclusive-option rule) and [`Answers::evaluate`], giving an
//!   [`Evaluation`]: visible questions, next question, progress, outcome and reasons.
//!
//! The condition language and its meaning (an unanswered question is never "no") are
//! described on [`Expr`]; the text formats on [`Definition::encode`], [`Answers::parse`]
//! and [`Evaluation::encode`].

mod answers;
mod browser;
mod condition;
mod coverage;
mod definition;
mod error;
mod evaluation;
mod example;
mod option_set;
mod problem;
mod spec;
mod suggest;
mod wire;

// The definition and how it is written.
pub use definition::{Choice, Definition, Kind, Outcome, Question, Reason};
pub use spec::{OutcomeSpec, QuestionSpec, ReasonSpec, Spec};

// Conditions.
pub use condition::{Check, Expr, ExprDisplay, Test};
pub use option_set::OptionSet;

// Checking a definition.
pub use coverage::PATH_LIMIT;
pub use example::Example;
pub use problem::{Field, Problem, Site};

// Running it.
pub use answers::Answers;
pub use error::Error;
pub use evaluation::Evaluation;

// The browser's API.
pub use browser::Engine;
