//! Recursive descent from tokens to a syntax tree that keeps every name's byte offset.

use super::lexer::{tokenize, Lexeme, Token};
use crate::problem::{Problem, Site};

/// How deeply `not` and parentheses may nest, and how many tests a condition may have: far
/// beyond what an editor writes, and they bound the tree's depth, so that no input can
/// overflow the stack of the code that walks it.
const MAX_DEPTH: usize = 32;
const MAX_TESTS: usize = 64;

#[derive(Debug, PartialEq, Eq)]
pub(super) enum Syntax<'s> {
    Test {
        question: Name<'s>,
        /// Where the operator starts, for type errors about it.
        operator_at: usize,
        operator: Operator<'s>,
    },
    Not(Box<Syntax<'s>>),
    And(Box<Syntax<'s>>, Box<Syntax<'s>>),
    Or(Box<Syntax<'s>>, Box<Syntax<'s>>),
}

#[derive(Debug, PartialEq, Eq)]
pub(super) enum Operator<'s> {
    Is(Name<'s>),
    IsNot(Name<'s>),
    In(Vec<Name<'s>>),
    Has(Name<'s>),
    HasAny,
    HasAnyOf(Vec<Name<'s>>),
    HasAllOf(Vec<Name<'s>>),
    /// `has at least N`, counting the options in the list if one is given.
    HasAtLeast(Name<'s>, Option<Vec<Name<'s>>>),
}

/// An id as written, with its byte offset in the condition.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Name<'s> {
    pub text: &'s str,
    pub offset: usize,
}

pub(super) fn parse(source: &str, site: Site) -> Result<Syntax<'_>, Problem> {
    let mut parser = Parser {
        lexemes: tokenize(source, site)?,
        position: 0,
        depth: 0,
        tests: 0,
        site,
    };
    let syntax = parser.condition()?;
    match parser.peek() {
        Token::End => Ok(syntax),
        Token::Close => Err(parser.error("found `)` with no `(` before it")),
        found @ Token::Word(_) => Err(parser
            .expected("`and`, `or` or the end of the condition", found)
            .help("join tests with `and` or `or`")),
        found => Err(parser.expected("`and`, `or` or the end of the condition", found)),
    }
}

struct Parser<'s> {
    lexemes: Vec<Lexeme<'s>>,
    position: usize,
    depth: usize,
    tests: usize,
    site: Site,
}

impl<'s> Parser<'s> {
    fn condition(&mut self) -> Result<Syntax<'s>, Problem> {
        let mut left = self.both()?;
        while self.eat_word("or") {
            left = Syntax::Or(Box::new(left), Box::new(self.both()?));
        }
        Ok(left)
    }

    fn both(&mut self) -> Result<Syntax<'s>, Problem> {
        let mut left = self.unary()?;
        while self.eat_word("and") {
            left = Syntax::And(Box::new(left), Box::new(self.unary()?));
        }
        Ok(left)
    }

    fn unary(&mut self) -> Result<Syntax<'s>, Problem> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(self.error("the condition nests too deeply"));
        }
        let syntax = if self.eat_word("not") {
            Syntax::Not(Box::new(self.unary()?))
        } else if self.peek() == Token::Open {
            let open = self.advance().offset;
            let inner = self.condition()?;
            if self.peek() != Token::Close {
                let found = self.peek();
                return Err(self
                    .expected(&format!("`)` to close the `(` at offset {open}"), found)
                    .help("add the missing `)`"));
            }
            self.advance();
            inner
        } else {
            self.test()?
        };
        self.depth -= 1;
        Ok(syntax)
    }

    fn test(&mut self) -> Result<Syntax<'s>, Problem> {
        self.tests += 1;
        if self.tests > MAX_TESTS {
            return Err(self
                .error(&format!("the condition has more than {MAX_TESTS} tests"))
                .help("split it into simpler conditions"));
        }
        let question = self.name("a question id")?;
        let operator_at = self.current().offset;
        let operator = match self.advance().token {
            Token::Equals => Operator::Is(self.name("an option after `=`")?),
            Token::NotEquals => Operator::IsNot(self.name("an option after `!=`")?),
            Token::Word("in") => Operator::In(self.list("in")?),
            Token::Word("has") => self.has()?,
            found => {
                self.position -= 1;
                return Err(self
                    .expected(
                        &format!("`=`, `!=`, `in` or `has` after `{}`", question.text),
                        found,
                    )
                    .help(format!("for example `{} = an-option`", question.text)));
            }
        };
        Ok(Syntax::Test {
            question,
            operator_at,
            operator,
        })
    }

    fn has(&mut self) -> Result<Operator<'s>, Problem> {
        if self.peek() == Token::Word("at") {
            if let Some(count) = self.at_least()? {
                return Ok(count);
            }
        }
        if self.eat_word("any") {
            return Ok(if self.eat_word("of") {
                Operator::HasAnyOf(self.list("has any of")?)
            } else {
                Operator::HasAny
            });
        }
        if self.eat_word("all") {
            if !self.eat_word("of") {
                let found = self.peek();
                return Err(self
                    .expected("`of` after `has all`", found)
                    .help("write `has all of [a, b]`"));
            }
            return Ok(Operator::HasAllOf(self.list("has all of")?));
        }
        Ok(Operator::Has(self.name("an option after `has`")?))
    }

    /// `at least N [of list]` after `has`. `at` and `least` are not keywords, so `q has at`
    /// still tests an option named `at`: `at` is read as the start of a count only when
    /// `least` follows, and anything else after it that cannot end a test is a misspelt
    /// count.
    fn at_least(&mut self) -> Result<Option<Operator<'s>>, Problem> {
        let after = self.lexemes.get(self.position + 1).map(|l| l.token);
        match after {
            Some(Token::Word("least")) => {}
            Some(Token::Word("and" | "or") | Token::Close | Token::End) => return Ok(None),
            _ => {
                self.advance();
                let found = self.peek();
                return Err(self
                    .expected("`least` after `has at`", found)
                    .help("write `has at least 2`"));
            }
        }
        self.advance();
        self.advance();
        let count = match self.peek() {
            Token::Word(text) if text.bytes().all(|b| b.is_ascii_digit()) => {
                let offset = self.advance().offset;
                Name { text, offset }
            }
            found => {
                return Err(self
                    .expected("a number after `has at least`", found)
                    .help("write the number in digits, for example `has at least 2`"))
            }
        };
        let list = if self.eat_word("of") {
            Some(self.list(&format!("has at least {} of", count.text))?)
        } else {
            None
        };
        Ok(Some(Operator::HasAtLeast(count, list)))
    }

    fn list(&mut self, after: &str) -> Result<Vec<Name<'s>>, Problem> {
        if self.peek() != Token::OpenList {
            let found = self.peek();
            return Err(self
                .expected(&format!("`[` after `{after}`"), found)
                .help(format!("write `{after} [a, b]`")));
        }
        self.advance();
        let mut names = vec![self.name("an option in the list")?];
        loop {
            match self.advance().token {
                Token::Comma => names.push(self.name("an option after `,`")?),
                Token::CloseList => return Ok(names),
                found => {
                    self.position -= 1;
                    return Err(self.expected("`,` or `]` in the list", found));
                }
            }
        }
    }

    /// An id, which must not be a keyword.
    fn name(&mut self, what: &str) -> Result<Name<'s>, Problem> {
        match self.peek() {
            Token::Word(text) if !super::RESERVED.contains(&text) => {
                let offset = self.advance().offset;
                Ok(Name { text, offset })
            }
            found => Err(self.expected(what, found)),
        }
    }

    fn eat_word(&mut self, keyword: &str) -> bool {
        let found = self.peek() == Token::Word(keyword);
        if found {
            self.advance();
        }
        found
    }

    fn current(&self) -> Lexeme<'s> {
        // The lexer always ends with `End`, and nothing advances past it.
        self.lexemes[self.position.min(self.lexemes.len() - 1)]
    }

    fn peek(&self) -> Token<'s> {
        self.current().token
    }

    fn advance(&mut self) -> Lexeme<'s> {
        let lexeme = self.current();
        if lexeme.token != Token::End {
            self.position += 1;
        }
        lexeme
    }

    fn error(&self, message: &str) -> Problem {
        Problem::new(self.site, message).offset(self.current().offset)
    }

    fn expected(&self, what: &str, found: Token<'_>) -> Problem {
        self.error(&format!("expected {what} but found {}", found.describe()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parsed(source: &str) -> Syntax<'_> {
        parse(source, Site::Definition).unwrap_or_else(|p| panic!("{source}: {p}"))
    }

    fn error(source: &str) -> (usize, String, Option<String>) {
        let problem = parse(source, Site::Definition).unwrap_err();
        (problem.offset.unwrap(), problem.message, problem.help)
    }

    fn name(text: &str, offset: usize) -> Name<'_> {
        Name { text, offset }
    }

    #[test]
    fn examples_from_the_issue_parse() {
        for source in [
            "occasions = twice-or-more and unwanted = yes and behaviours has any",
            "not danger = yes",
            "behaviours has any of [following, loitering]",
            "(fear = yes or risk has any of [threats, violence]) and not behaviours has none",
            "occasions in [once, not-sure] or risk has all of [threats,violence]",
            "danger != yes",
        ] {
            parsed(source);
        }
    }

    #[test]
    fn not_binds_tighter_than_and_which_binds_tighter_than_or() {
        let Syntax::Or(left, right) = parsed("not a = x and b has y or c has any") else {
            panic!("`or` should be at the root");
        };
        let Syntax::And(not, _) = *left else {
            panic!("`and` should be under `or`");
        };
        assert!(matches!(*not, Syntax::Not(_)));
        assert!(matches!(
            *right,
            Syntax::Test {
                operator: Operator::HasAny,
                ..
            }
        ));
    }

    #[test]
    fn names_keep_their_offsets() {
        assert_eq!(
            parsed("risk has any of [threats, violence]"),
            Syntax::Test {
                question: name("risk", 0),
                operator_at: 5,
                operator: Operator::HasAnyOf(vec![name("threats", 17), name("violence", 26)]),
            }
        );
    }

    #[test]
    fn errors_say_what_was_expected_and_where() {
        assert_eq!(
            error("danger ="),
            (
                8,
                "expected an option after `=` but found end of condition".into(),
                None
            )
        );
        assert_eq!(
            error("danger yes"),
            (
                7,
                "expected `=`, `!=`, `in` or `has` after `danger` but found `yes`".into(),
                Some("for example `danger = an-option`".into())
            )
        );
        assert_eq!(
            error("(a = x or b = y"),
            (
                15,
                "expected `)` to close the `(` at offset 0 but found end of condition".into(),
                Some("add the missing `)`".into())
            )
        );
        assert_eq!(
            error("a = x b = y").1,
            "expected `and`, `or` or the end of the condition but found `b`"
        );
        assert_eq!(error("a in b").0, 5);
        assert_eq!(
            error("a has all [x]").1,
            "expected `of` after `has all` but found `[`"
        );
        assert_eq!(
            error("a in [x,]").1,
            "expected an option after `,` but found `]`"
        );
        assert_eq!(error("a = x)").1, "found `)` with no `(` before it");
        assert_eq!(error("and = x").1, "expected a question id but found `and`");
        assert_eq!(
            error(""),
            (
                0,
                "expected a question id but found end of condition".into(),
                None
            )
        );
    }

    #[test]
    fn counts_parse_with_the_number_and_list_located() {
        assert_eq!(
            parsed("behaviours has at least 2 of [following, contact]"),
            Syntax::Test {
                question: name("behaviours", 0),
                operator_at: 11,
                operator: Operator::HasAtLeast(
                    name("2", 24),
                    Some(vec![name("following", 30), name("contact", 41)])
                ),
            }
        );
        assert!(matches!(
            parsed("behaviours has at least 10"),
            Syntax::Test {
                operator: Operator::HasAtLeast(Name { text: "10", .. }, None),
                ..
            }
        ));
    }

    #[test]
    fn at_and_least_are_still_ids_outside_a_count() {
        for source in ["places has at", "places has at and places has least", "(q has at)"] {
            let Syntax::Test { operator, .. } = first_test(parsed(source)) else {
                unreachable!()
            };
            assert!(matches!(operator, Operator::Has(_)), "{source}");
        }
    }

    fn first_test(syntax: Syntax<'_>) -> Syntax<'_> {
        match syntax {
            Syntax::And(a, _) | Syntax::Or(a, _) => first_test(*a),
            Syntax::Not(a) => first_test(*a),
            test => test,
        }
    }

    #[test]
    fn misspelt_counts_say_what_was_expected() {
        assert_eq!(
            error("q has at lest 2"),
            (
                9,
                "expected `least` after `has at` but found `lest`".into(),
                Some("write `has at least 2`".into())
            )
        );
        assert_eq!(
            error("q has at least two"),
            (
                15,
                "expected a number after `has at least` but found `two`".into(),
                Some("write the number in digits, for example `has at least 2`".into())
            )
        );
        assert_eq!(error("q has at least -1").1, "expected a number after `has at least` but found `-1`");
        assert_eq!(
            error("q has at least 2 of a").1,
            "expected `[` after `has at least 2 of` but found `a`"
        );
        assert_eq!(
            error("q has at least 2 x").1,
            "expected `and`, `or` or the end of the condition but found `x`"
        );
    }

    #[test]
    fn deep_nesting_is_an_error_not_a_stack_overflow() {
        let source = format!("{}a = x", "not ".repeat(10_000));
        assert_eq!(error(&source).1, "the condition nests too deeply");
        let source = format!("{}a = x{}", "(".repeat(10_000), ")".repeat(10_000));
        assert_eq!(error(&source).1, "the condition nests too deeply");
        let source = vec!["a = x"; 1000].join(" and ");
        assert_eq!(error(&source).1, "the condition has more than 64 tests");
    }
}
