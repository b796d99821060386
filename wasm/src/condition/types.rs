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
            (Kind::Many, Operator::HasAtLeast(count, None)) => {
                let counted = question.all_options().without(question.exclusive_options());
                let most = counted.len();
                let what = || {
                    let excluded = question.options.iter().find(|o| o.exclusive);
                    let not = excluded.map_or(String::new(), |o| {
                        format!(" (exclusive options such as `{}` do not count)", o.id)
                    });
                    format!("`{}` has {most} options that count{not}", question.id)
                };
                Check::HasAtLeast(self.count(*count, most, what)?)
            }
            (Kind::Many, Operator::HasAtLeast(count, Some(options))) => {
                let set = self.options(question, options)?;
                let most = most_chosen_together(question, set);
                let what = || format!("{most} of the listed options can be chosen together");
                Check::HasAtLeastOf(self.count(*count, most, what)?, set)
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

    /// A count for `has at least`: 1 or more, and at most `most`, the number of options it
    /// can count at once (`what` says that number in words), so that the test can hold.
    fn count(&mut self, count: Name<'_>, most: usize, what: impl Fn() -> String) -> Option<usize> {
        // Digits only (the parser saw to that); too many of them is simply too large.
        let value = count.text.parse::<usize>().unwrap_or(usize::MAX);
        if value == 0 {
            let help = Some("`has at least 1` means the same as `has any`".into());
            self.report(count, "the count must be 1 or more".into(), help);
            return None;
        }
        if value > most {
            let message = format!(
                "{}, so `has at least {}` can never hold",
                what(),
                count.text
            );
            let help = (most > 0).then(|| format!("count to {most} at most"));
            self.report(count, message, help);
            return None;
        }
        Some(value)
    }

    fn report(&mut self, name: Name<'_>, message: String, help: Option<String>) {
        let problem = Problem::new(self.site, message)
            .offset(name.offset)
            .maybe_help(help);
        self.problems.push(problem);
    }
}

/// The most options of `set` one answer can hold: an exclusive option stands alone.
fn most_chosen_together(question: &Question, set: OptionSet) -> usize {
    let exclusive = question.exclusive_options();
    let others = set.without(exclusive).len();
    if others == 0 && set.intersects(exclusive) {
        1
    } else {
        others
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
        (_, Operator::HasAtLeast(..)) => (
            "has at least",
            format!("`{id}` holds a single option: use `{id} = an-option` or `{id} in [..]`"),
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
            "behaviours has at least 2 or behaviours has at least 1 of [none]",
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
    fn counts_apply_to_many_answer_questions_and_must_be_able_to_hold() {
        assert_eq!(
            problems("danger has at least 1", None),
            ["7: `danger` takes one answer, so `has at least` does not apply to it (`danger` holds a single option: use `danger = an-option` or `danger in [..]`)"]
        );
        assert_eq!(
            problems("behaviours has at least 0", None),
            ["24: the count must be 1 or more (`has at least 1` means the same as `has any`)"]
        );
        assert_eq!(
            problems("behaviours has at least 3", None),
            ["24: `behaviours` has 2 options that count (exclusive options such as `none` do not count), so `has at least 3` can never hold (count to 2 at most)"]
        );
        assert_eq!(
            problems("behaviours has at least 99999999999999999999999", None)[0],
            "24: `behaviours` has 2 options that count (exclusive options such as `none` do not count), so `has at least 99999999999999999999999` can never hold (count to 2 at most)"
        );
        assert_eq!(
            problems("behaviours has at least 2 of [following, none]", None),
            ["24: 1 of the listed options can be chosen together, so `has at least 2` can never hold (count to 1 at most)"]
        );
        assert_eq!(
            problems("behaviours has at least 1 of [following, contat]", None),
            ["41: unknown option `contat` for question `behaviours` (did you mean `contact`?)"]
        );
        assert_eq!(
            problems("behaviours has at least 2 of [following, following]", None),
            [
                "41: `following` is listed twice (remove one of them)",
                "24: 1 of the listed options can be chosen together, so `has at least 2` can never hold (count to 1 at most)",
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
