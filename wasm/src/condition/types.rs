//! Type checking: every name resolves, and every operator fits its question's kind.

use super::parser::{Name, Operator, Syntax};
use super::{Check, Expr, Scope, Test};
use crate::definition::{Kind, Question};
use crate::option_set::OptionSet;
use crate::problem::{Problem, Site};
use crate::suggest::did_you_mean;

/// Resolves a syntax tree into an [`Expr`], collecting every problem rather than the first.
pub(super) fn check(
    syntax: &Syntax<'_>,
    scope: Scope<'_>,
    site: Site,
) -> Result<Expr, Vec<Problem>> {
    let mut checker = Checker {
        scope,
        site,
        problems: Vec::new(),
    };
    let expr = checker.expr(syntax);
    match expr {
        Some(expr) if checker.problems.is_empty() => Ok(expr),
        _ => Err(checker.problems),
    }
}

struct Checker<'a> {
    scope: Scope<'a>,
    site: Site,
    problems: Vec<Problem>,
}

impl Checker<'_> {
    fn expr(&mut self, syntax: &Syntax<'_>) -> Option<Expr> {
        Some(match syntax {
            Syntax::Test {
                question,
                operator_at,
                operator,
            } => Expr::Test(self.test(*question, *operator_at, operator)?),
            Syntax::Not(inner) => Expr::Not(Box::new(self.expr(inner)?)),
            Syntax::And(a, b) => {
                let (a, b) = (self.expr(a), self.expr(b));
                Expr::And(Box::new(a?), Box::new(b?))
            }
            Syntax::Or(a, b) => {
                let (a, b) = (self.expr(a), self.expr(b));
                Expr::Or(Box::new(a?), Box::new(b?))
            }
        })
    }

    fn test(
        &mut self,
        name: Name<'_>,
        operator_at: usize,
        operator: &Operator<'_>,
    ) -> Option<Test> {
        let index = self.question(name)?;
        let question = &self.scope.questions[index];
        let check = match (question.kind, operator) {
            (Kind::One, Operator::Is(option)) => Check::Is(self.option(question, *option)?),
            (Kind::One, Operator::IsNot(option)) => Check::IsNot(self.option(question, *option)?),
            (Kind::One, Operator::In(options)) => Check::In(self.options(question, options)?),
            (Kind::Many, Operator::Has(option)) => Check::Has(self.option(question, *option)?),
            (Kind::Many, Operator::HasAny) => Check::HasAny,
            (Kind::Many, Operator::HasAnyOf(options)) => {
                Check::HasAnyOf(self.options(question, options)?)
            }
            (Kind::Many, Operator::HasAllOf(options)) => {
                Check::HasAllOf(self.options(question, options)?)
            }
            (kind, operator) => {
                let problem = mismatch(question, kind, operator);
                self.problems.push(Problem {
                    at: self.site,
                    offset: Some(operator_at),
                    ..problem
                });
                return None;
            }
        };
        Some(Test {
            question: index,
            check,
        })
    }

    fn question(&mut self, name: Name<'_>) -> Option<usize> {
        let questions = self.scope.questions;
        let Some(index) = questions.iter().position(|q| q.id == name.text) else {
            let reachable = &questions[..self.scope.before.unwrap_or(questions.len())];
            let help = did_you_mean(name.text, reachable.iter().map(|q| q.id.as_str()));
            self.report(name, format!("unknown question `{}`", name.text), help);
            return None;
        };
        match self.scope.before {
            Some(current) if index == current => {
                let message = format!("`show_if` of `{}` cannot look at its own answer", name.text);
                self.report(name, message, None);
                None
            }
            Some(current) if index > current => {
                let message = format!(
                    "`show_if` can only look at earlier questions, but `{}` comes after `{}`",
                    name.text, questions[current].id
                );
                let help = Some("move the question earlier, or change the condition".into());
                self.report(name, message, help);
                None
            }
            _ => Some(index),
        }
    }

    fn option(&mut self, question: &Question, name: Name<'_>) -> Option<usize> {
        let index = question.option_index(name.text);
        if index.is_none() {
            let message = format!(
                "unknown option `{}` for question `{}`",
                name.text, question.id
            );
            let help = did_you_mean(name.text, question.options.iter().map(|o| o.id.as_str()));
            self.report(name, message, help);
        }
        index
    }

    fn options(&mut self, question: &Question, names: &[Name<'_>]) -> Option<OptionSet> {
        let mut set = Some(OptionSet::EMPTY);
        for name in names {
            let index = self.option(question, *name);
            if let (Some(i), Some(s)) = (index, set) {
                if s.contains(i) {
                    let message = format!("`{}` is listed twice", name.text);
                    self.report(*name, message, Some("remove one of them".into()));
                }
            }
            set = set.zip(index).map(|(s, i)| s.with(i));
        }
        set
    }

    fn report(&mut self, name: Name<'_>, message: String, help: Option<String>) {
        let problem = Problem::new(self.site, message)
            .offset(name.offset)
            .maybe_help(help);
        self.problems.push(problem);
    }
}

/// The problem for an operator that does not fit the question, with the operator to use.
fn mismatch(question: &Question, kind: Kind, operator: &Operator<'_>) -> Problem {
    let id = &question.id;
    let list = |names: &[Name<'_>]| names.iter().map(|n| n.text).collect::<Vec<_>>().join(", ");
    let (used, help) = match (kind, operator) {
        (Kind::Many, Operator::Is(o)) => ("=", format!("use `{id} has {}`", o.text)),
        (Kind::Many, Operator::IsNot(o)) => ("!=", format!("use `not {id} has {}`", o.text)),
        (Kind::Many, Operator::In(os)) => ("in", format!("use `{id} has any of [{}]`", list(os))),
        (Kind::One, Operator::Has(o)) => ("has", format!("use `{id} = {}`", o.text)),
        (Kind::One, Operator::HasAnyOf(os)) => {
            ("has any of", format!("use `{id} in [{}]`", list(os)))
        }
        (Kind::One, Operator::HasAny) => (
            "has any",
            format!("to test the answer, use `{id} = an-option` or `{id} in [..]`"),
        ),
        (_, _) => (
            "has all of",
            format!("`{id}` holds a single option: use `{id} = an-option`"),
        ),
    };
    let takes = match kind {
        Kind::One => "takes one answer",
        Kind::Many => "allows many answers",
    };
    Problem::new(
        Site::Definition,
        format!("`{id}` {takes}, so `{used}` does not apply to it"),
    )
    .help(help)
}

#[cfg(test)]
mod tests {
    use crate::condition::{compile, Scope};
    use crate::definition::{Choice, Kind, Question};
    use crate::problem::Site;

    fn question(id: &str, kind: Kind, options: &[&str]) -> Question {
        Question {
            id: id.into(),
            kind,
            options: options
                .iter()
                .map(|o| Choice {
                    id: o.to_string(),
                    exclusive: *o == "none",
                })
                .collect(),
            show_if: None,
        }
    }

    fn questions() -> Vec<Question> {
        vec![
            question("danger", Kind::One, &["yes", "no"]),
            question("behaviours", Kind::Many, &["following", "contact", "none"]),
            question(
                "occasions",
                Kind::One,
                &["once", "twice-or-more", "not-sure"],
            ),
        ]
    }

    /// Each problem as `offset: message (help)`.
    fn problems(source: &str, before: Option<usize>) -> Vec<String> {
        let questions = questions();
        let scope = Scope {
            questions: &questions,
            before,
        };
        let problems = compile(source, scope, Site::Definition).unwrap_err();
        problems
            .iter()
            .map(|p| {
                format!(
                    "{}: {} ({})",
                    p.offset.unwrap(),
                    p.message,
                    p.help.as_deref().unwrap_or("")
                )
            })
            .collect()
    }

    #[test]
    fn well_typed_conditions_compile() {
        let questions = questions();
        let scope = Scope {
            questions: &questions,
            before: None,
        };
        for source in [
            "danger = no and behaviours has any and occasions in [once, not-sure]",
            "not behaviours has none or behaviours has all of [following, contact]",
            "occasions != once",
        ] {
            compile(source, scope, Site::Definition).unwrap();
        }
    }

    #[test]
    fn unknown_names_suggest_the_closest_id() {
        assert_eq!(
            problems("occasions = twice and dangr = yes", None),
            [
                "12: unknown option `twice` for question `occasions` (did you mean `twice-or-more`?)",
                "22: unknown question `dangr` (did you mean `danger`?)",
            ]
        );
    }

    #[test]
    fn operators_must_fit_the_question() {
        assert_eq!(
            problems("behaviours = following", None),
            ["11: `behaviours` allows many answers, so `=` does not apply to it (use `behaviours has following`)"]
        );
        assert_eq!(
            problems("danger has any of [yes]", None),
            ["7: `danger` takes one answer, so `has any of` does not apply to it (use `danger in [yes]`)"]
        );
        assert_eq!(
            problems("behaviours in [none]", None),
            ["11: `behaviours` allows many answers, so `in` does not apply to it (use `behaviours has any of [none]`)"]
        );
    }

    #[test]
    fn show_if_looks_only_at_earlier_questions() {
        assert_eq!(
            problems("occasions = once or behaviours has any", Some(1)),
            [
                "0: `show_if` can only look at earlier questions, but `occasions` comes after `behaviours` (move the question earlier, or change the condition)",
                "20: `show_if` of `behaviours` cannot look at its own answer ()",
            ]
        );
    }

    #[test]
    fn options_listed_twice_are_reported() {
        assert_eq!(
            problems("occasions in [once, once]", None),
            ["20: `once` is listed twice (remove one of them)"]
        );
    }
}
