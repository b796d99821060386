//! Writes an [`Expr`] back in the condition language, for messages about examples.

use std::fmt;

use super::{Check, Expr, Test};
use crate::definition::{Definition, Question};
use crate::option_set::OptionSet;

/// An [`Expr`] shown with its definition's ids; made by [`Expr::display`].
pub struct ExprDisplay<'a> {
    expr: &'a Expr,
    questions: &'a [Question],
}

impl Expr {
    /// The condition as an editor would write it, with only the parentheses it needs to
    /// read back the same.
    pub fn display<'a>(&'a self, definition: &'a Definition) -> ExprDisplay<'a> {
        ExprDisplay {
            expr: self,
            questions: &definition.questions,
        }
    }

    /// Binding strength: a sub-expression weaker than its parent needs parentheses.
    fn precedence(&self) -> u8 {
        match self {
            Expr::Or(..) => 0,
            Expr::And(..) => 1,
            Expr::Not(_) | Expr::Test(_) => 2,
        }
    }
}

impl fmt::Display for ExprDisplay<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let part = |expr: &'_ Expr, at_least: u8, f: &mut fmt::Formatter<'_>| {
            let shown = ExprDisplay {
                expr,
                questions: self.questions,
            };
            if expr.precedence() < at_least {
                write!(f, "({shown})")
            } else {
                write!(f, "{shown}")
            }
        };
        match self.expr {
            Expr::Test(test) => self.test(test, f),
            Expr::Not(inner) => {
                f.write_str("not ")?;
                part(inner, 2, f)
            }
            // `and` and `or` group to the left, so a right operand of the same kind keeps
            // its parentheses: the text then reads back as the same tree.
            Expr::And(a, b) => {
                part(a, 1, f)?;
                f.write_str(" and ")?;
                part(b, 2, f)
            }
            Expr::Or(a, b) => {
                part(a, 0, f)?;
                f.write_str(" or ")?;
                part(b, 1, f)
            }
        }
    }
}

impl ExprDisplay<'_> {
    fn test(&self, test: &Test, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let Some(question) = self.questions.get(test.question) else {
            return f.write_str("?");
        };
        let option = |i: usize| question.options.get(i).map_or("?", |o| o.id.as_str());
        let list = |set: OptionSet| set.iter().map(option).collect::<Vec<_>>().join(", ");
        let id = &question.id;
        match test.check {
            Check::Is(o) => write!(f, "{id} = {}", option(o)),
            Check::IsNot(o) => write!(f, "{id} != {}", option(o)),
            Check::In(set) => write!(f, "{id} in [{}]", list(set)),
            Check::Has(o) => write!(f, "{id} has {}", option(o)),
            Check::HasAny => write!(f, "{id} has any"),
            Check::HasAnyOf(set) => write!(f, "{id} has any of [{}]", list(set)),
            Check::HasAllOf(set) => write!(f, "{id} has all of [{}]", list(set)),
            Check::HasAtLeast(n) => write!(f, "{id} has at least {n}"),
            Check::HasAtLeastOf(n, set) => write!(f, "{id} has at least {n} of [{}]", list(set)),
        }
    }
}
