//! The condition language editors write in `show_if` and `when` (grammar on [`Expr`]).
//!
//! Source text is lexed ([`lexer`]), parsed into a syntax tree with byte offsets ([`parser`]),
//! then type-checked against the questions into an [`Expr`] of indices ([`types`]).

use alloc::boxed::Box;

use crate::definition::Question;
use crate::option_set::OptionSet;

build_time! {
    mod display;
    mod lexer;
    mod parser;
    mod types;

    use crate::problem::{Problem, Site};

    pub use display::ExprDisplay;

    /// Words that cannot be question or option ids, because conditions read them as operators.
    pub(crate) const RESERVED: [&str; 8] = ["and", "or", "not", "in", "has", "any", "all", "of"];
}

/// A type-checked condition over question and option indices.
///
/// # Grammar
/// ```text
/// condition := both ("or" both)*
/// both      := unary ("and" unary)*
/// unary     := "not" unary | "(" condition ")" | test
/// test      := question "=" option | question "!=" option | question "in" list
///            | question "has" option | question "has" "any" ["of" list]
///            | question "has" "all" "of" list
///            | question "has" "at" "least" count ["of" list]
/// list      := "[" option ("," option)* "]"
/// count     := [0-9]+
/// question, option := [a-z0-9_-]+, except the keywords
///                     and, or, not, in, has, any, all, of
/// ```
/// `not` binds tighter than `and`, which binds tighter than `or`: `not a = x and b = y or c
/// has z` is `((not a = x) and b = y) or c has z`. `=`, `!=` and `in` apply to one-answer
/// questions; the `has` forms to many-answer questions. Spaces are free; a condition has
/// at most 64 tests and 32 levels of `not` and parentheses.
///
/// # Counts
/// `q has at least 2` counts the chosen options that are not exclusive; `q has at least 2
/// of [x, y, z]` counts the chosen options among the list. The count is a whole number from
/// 1 up to the number of options that can be chosen together, so that every count can hold.
///
/// `at` and `least` are read in context rather than reserved: after `has`, `at` starts a
/// count only when `least` follows it. So no id that was valid before counts existed became
/// invalid, and `q has at` still tests an option named `at`; `q has at lest 2` is reported
/// as a misspelt count, since nothing else may follow a test there.
///
/// # Unanswered is not "no"
/// A question that is unanswered (or hidden, since hidden answers are ignored) makes every
/// test on it false: `q = x`, `q != x`, `q in [..]` and every `has` form. `not` is plain
/// negation, so `not (q = x)` is true when `q` is unanswered. Hence `q != x` and
/// `not q = x` differ only when `q` is unanswered.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Expr {
    Test(Test),
    Not(Box<Expr>),
    And(Box<Expr>, Box<Expr>),
    Or(Box<Expr>, Box<Expr>),
}

/// A test on one question's answer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Test {
    /// Index of the question in the definition.
    pub question: usize,
    pub check: Check,
}

/// What a test checks. Option numbers are indices into the question's options.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Check {
    /// `q = x` (one-answer): the answer is `x`.
    Is(usize),
    /// `q != x` (one-answer): answered, with something other than `x`.
    IsNot(usize),
    /// `q in [x, y]` (one-answer): the answer is one of these.
    In(OptionSet),
    /// `q has x` (many-answer): `x` is among the answers.
    Has(usize),
    /// `q has any` (many-answer): at least one option that is not exclusive is chosen, so it
    /// is false when only "none of these" is.
    HasAny,
    /// `q has any of [x, y]` (many-answer): at least one of these is chosen.
    HasAnyOf(OptionSet),
    /// `q has all of [x, y]` (many-answer): every one of these is chosen.
    HasAllOf(OptionSet),
    /// `q has at least 2` (many-answer): at least this many options that are not exclusive
    /// are chosen.
    HasAtLeast(usize),
    /// `q has at least 2 of [x, y, z]` (many-answer): at least this many of these are chosen.
    HasAtLeastOf(usize, OptionSet),
}

impl Expr {
    /// Whether the condition holds for effective answers (one set per question, empty when
    /// unanswered or hidden). An index outside the answers reads as unanswered.
    pub fn holds(&self, answers: &[OptionSet], questions: &[Question]) -> bool {
        match self {
            Expr::Test(test) => test.holds(answers, questions),
            Expr::Not(inner) => !inner.holds(answers, questions),
            Expr::And(a, b) => a.holds(answers, questions) && b.holds(answers, questions),
            Expr::Or(a, b) => a.holds(answers, questions) || b.holds(answers, questions),
        }
    }

    /// Every test in the condition, left to right.
    #[cfg(not(all(target_arch = "wasm32", target_os = "unknown")))]
    pub(crate) fn tests(&self) -> Vec<&Test> {
        let mut tests = Vec::new();
        let mut stack = vec![self];
        while let Some(expr) = stack.pop() {
            match expr {
                Expr::Test(test) => tests.push(test),
                Expr::Not(inner) => stack.push(inner),
                Expr::And(a, b) | Expr::Or(a, b) => stack.extend([&**b, &**a]),
            }
        }
        tests
    }
}

impl Test {
    fn holds(&self, answers: &[OptionSet], questions: &[Question]) -> bool {
        let answer = answers.get(self.question).copied().unwrap_or_default();
        match self.check {
            Check::Is(option) | Check::Has(option) => answer.contains(option),
            Check::IsNot(option) => !answer.is_empty() && !answer.contains(option),
            Check::In(options) | Check::HasAnyOf(options) => answer.intersects(options),
            Check::HasAllOf(options) => !answer.is_empty() && answer.contains_all(options),
            Check::HasAny => self.counted(answer, questions) > 0,
            Check::HasAtLeast(count) => self.counted(answer, questions) >= count,
            Check::HasAtLeastOf(count, options) => answer.and(options).len() >= count,
        }
    }

    /// How many options that are not exclusive the answer holds.
    fn counted(&self, answer: OptionSet, questions: &[Question]) -> usize {
        (questions.get(self.question)).map_or(0, |q| answer.without(q.exclusive_options()).len())
    }
}

/// Which questions a condition may look at: `show_if` sees only those before its question.
#[cfg(not(all(target_arch = "wasm32", target_os = "unknown")))]
#[derive(Clone, Copy)]
pub(crate) struct Scope<'a> {
    pub questions: &'a [Question],
    /// Questions at this index and later are out of reach; `None` for outcomes and reasons.
    pub before: Option<usize>,
}

/// Parses and type-checks condition source text, reporting every problem found at `site`.
#[cfg(not(all(target_arch = "wasm32", target_os = "unknown")))]
pub(crate) fn compile(source: &str, scope: Scope<'_>, site: Site) -> Result<Expr, Vec<Problem>> {
    let syntax = parser::parse(source, site).map_err(|problem| vec![problem])?;
    types::check(&syntax, scope, site)
}
