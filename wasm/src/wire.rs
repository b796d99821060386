//! The compact text forms that cross to the browser: the definition
//! ([`Definition::encode`]), answers ([`Answers::parse`]) and results
//! ([`Evaluation::encode`]). Each is documented on its function.

use alloc::boxed::Box;
use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;
use core::fmt::{self, Write};

use crate::answers::Answers;
use crate::condition::{Check, Expr, Test};
use crate::definition::{Choice, Definition, Kind, Outcome, Question, Reason};
use crate::error::Error;
use crate::evaluation::Evaluation;
use crate::option_set::OptionSet;

/// Bounds the decoder's recursion, like the parser's limits bound a condition's depth.
const MAX_DEPTH: usize = 200;

impl Definition {
    /// The definition in the compact line format that [`Definition::decode`] reads.
    ///
    /// One line per entry, questions first, then outcomes, then reasons:
    /// ```text
    /// q <id> <1|*> <option>,<!exclusive-option>,...[ <condition>]
    /// o <id>[ <condition>]
    /// r <id> <condition>
    /// ```
    /// `1` marks a one-answer question and `*` a many-answer one. A condition is in prefix
    /// form, tokens separated by spaces: `&` (and), `|` (or), `!` (not), each followed by its
    /// operands, or a test `<question><op><argument>`, where question and option are indices
    /// and a list is a hexadecimal bit set of option indices: `=o` is, `~o` is not, `i<set>`
    /// in, `ho` has, `a` has any, `y<set>` has any of, `l<set>` has all of, `n<count>` has
    /// at least (in decimal) and `n<count>.<set>` has at least of. For example `& 1a ! 0=0`
    /// is `behaviours has any and not danger = yes`, and `1n2.3` is `behaviours has at
    /// least 2 of` its first two options.
    pub fn encode(&self) -> String {
        let mut out = String::new();
        for question in &self.questions {
            let kind = match question.kind {
                Kind::One => '1',
                Kind::Many => '*',
            };
            let options: Vec<String> = (question.options.iter())
                .map(|o| format!("{}{}", if o.exclusive { "!" } else { "" }, o.id))
                .collect();
            out += &format!("q {} {kind} {}", question.id, options.join(","));
            line_end(&mut out, question.show_if.as_ref());
        }
        for outcome in &self.outcomes {
            out += &format!("o {}", outcome.id);
            line_end(&mut out, outcome.when.as_ref());
        }
        for reason in &self.reasons {
            out += &format!("r {}", reason.id);
            line_end(&mut out, Some(&reason.when));
        }
        out
    }

    /// Reads [`Definition::encode`]'s format, checking everything evaluation relies on.
    pub fn decode(text: &str) -> Result<Definition, Error> {
        let mut definition = Definition {
            questions: Vec::new(),
            outcomes: Vec::new(),
            reasons: Vec::new(),
        };
        let lines = text.split_terminator(is('\n'));
        for (number, line) in lines.map(|l| l.strip_suffix('\r').unwrap_or(l)).enumerate() {
            let fail = |reason| Error::Wire {
                line: number + 1,
                reason,
            };
            definition.decode_line(line).map_err(fail)?;
        }
        let last = definition.outcomes.len().checked_sub(1);
        let misplaced = (definition.outcomes.iter().enumerate())
            .any(|(i, o)| o.when.is_none() != (Some(i) == last));
        if last.is_none() || misplaced {
            let reason = "outcomes must end with exactly one outcome without a condition";
            return Err(Error::Wire { line: 0, reason });
        }
        Ok(definition)
    }

    fn decode_line(&mut self, line: &str) -> Result<(), &'static str> {
        let mut fields = line.splitn(3, is(' '));
        let (tag, id) = (fields.next(), fields.next().unwrap_or_default());
        if !valid_id(id) {
            return Err("bad id");
        }
        let id = String::from(id);
        let rest = fields.next();
        match tag {
            Some("q") if self.outcomes.is_empty() && self.reasons.is_empty() => {
                let mut rest = rest.ok_or("missing options")?.splitn(3, is(' '));
                let kind = match rest.next() {
                    Some("1") => Kind::One,
                    Some("*") => Kind::Many,
                    _ => return Err("bad question kind"),
                };
                let options = decode_options(rest.next().unwrap_or_default())?;
                let show_if = rest.next().map(|c| self.decode_condition(c)).transpose()?;
                self.questions.push(Question {
                    id,
                    kind,
                    options,
                    show_if,
                });
            }
            Some("o") if self.reasons.is_empty() => {
                let when = rest.map(|c| self.decode_condition(c)).transpose()?;
                self.outcomes.push(Outcome { id, when });
            }
            Some("r") => {
                let when = self.decode_condition(rest.ok_or("missing condition")?)?;
                self.reasons.push(Reason { id, when });
            }
            _ => return Err("expected q, o and r lines, in that order"),
        }
        Ok(())
    }

    /// Decodes a condition over the questions decoded so far, which for `show_if` are
    /// exactly the earlier ones.
    fn decode_condition(&self, text: &str) -> Result<Expr, &'static str> {
        let mut tokens = text.split(is(' '));
        let expr = decode_expr(&mut tokens, &self.questions, 0)?;
        match tokens.next() {
            None => Ok(expr),
            Some(_) => Err("trailing condition tokens"),
        }
    }
}

fn decode_options(text: &str) -> Result<Vec<Choice>, &'static str> {
    let options: Vec<Choice> = (text.split(is(',')))
        .map(|o| Choice {
            exclusive: o.starts_with('!'),
            id: o.trim_start_matches(is('!')).into(),
        })
        .collect();
    if !options.iter().all(|o| valid_id(&o.id)) || options.len() > OptionSet::CAPACITY {
        return Err("bad options");
    }
    Ok(options)
}

/// `c` as a pattern that `str`'s methods match by calling a closure. Given a plain `char`,
/// they search with `memchr` and check slice bounds, which costs the browser's wasm most of
/// a kilobyte; the closure form needs neither.
fn is(c: char) -> impl Fn(char) -> bool {
    move |found| found == c
}

/// Ids that the line and answers formats can carry unescaped.
fn valid_id(id: &str) -> bool {
    let valid = |b| matches!(b, b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_');
    !id.is_empty() && id.bytes().all(valid)
}

fn decode_expr<'t>(
    tokens: &mut impl Iterator<Item = &'t str>,
    questions: &[Question],
    depth: usize,
) -> Result<Expr, &'static str> {
    if depth > MAX_DEPTH {
        return Err("condition too deep");
    }
    let token = tokens.next().ok_or("condition ends early")?;
    let mut operand = || decode_expr(tokens, questions, depth + 1).map(Box::new);
    Ok(match token {
        "!" => Expr::Not(operand()?),
        "&" => Expr::And(operand()?, operand()?),
        "|" => Expr::Or(operand()?, operand()?),
        test => Expr::Test(decode_test(test, questions)?),
    })
}

fn decode_test(token: &str, questions: &[Question]) -> Result<Test, &'static str> {
    const BAD: &str = "bad test";
    let split = token.find(|c: char| !c.is_ascii_digit()).ok_or(BAD)?;
    // `split_at_checked`, not `split_at`: a panic path would pull panic formatting (and
    // kilobytes of Unicode tables) into the wasm.
    let (number, rest) = token.split_at_checked(split).ok_or(BAD)?;
    let question = number.parse::<usize>().map_err(|_| BAD)?;
    let q = questions.get(question).ok_or(BAD)?;
    let mut chars = rest.chars();
    let op = chars.next();
    let argument = chars.as_str();
    let all = q.all_options();
    let index = |text: &str| match text.parse::<usize>() {
        Ok(i) if i < q.options.len() => Ok(i),
        _ => Err(BAD),
    };
    let set = |text: &str| match u64::from_str_radix(text, 16).map(OptionSet::from_bits) {
        Ok(set) if !set.is_empty() && all.contains_all(set) => Ok(set),
        _ => Err(BAD),
    };
    // A count of 0 would hold for an unanswered question, which no test may.
    let count = |text: &str| match text.parse::<usize>() {
        Ok(n) if n > 0 => Ok(n),
        _ => Err(BAD),
    };
    let check = match (q.kind, op) {
        (Kind::One, Some('=')) => Check::Is(index(argument)?),
        (Kind::One, Some('~')) => Check::IsNot(index(argument)?),
        (Kind::One, Some('i')) => Check::In(set(argument)?),
        (Kind::Many, Some('h')) => Check::Has(index(argument)?),
        (Kind::Many, Some('a')) if argument.is_empty() => Check::HasAny,
        (Kind::Many, Some('y')) => Check::HasAnyOf(set(argument)?),
        (Kind::Many, Some('l')) => Check::HasAllOf(set(argument)?),
        (Kind::Many, Some('n')) => match argument.split_once(is('.')) {
            Some((n, options)) => Check::HasAtLeastOf(count(n)?, set(options)?),
            None => Check::HasAtLeast(count(argument)?),
        },
        _ => return Err(BAD),
    };
    Ok(Test { question, check })
}

fn line_end(out: &mut String, condition: Option<&Expr>) {
    if let Some(expr) = condition {
        encode_expr(out, expr);
    }
    out.push('\n');
}

fn encode_expr(out: &mut String, expr: &Expr) {
    match expr {
        Expr::Not(inner) => {
            out.push_str(" !");
            encode_expr(out, inner);
        }
        Expr::And(a, b) | Expr::Or(a, b) => {
            out.push_str(if matches!(expr, Expr::And(..)) {
                " &"
            } else {
                " |"
            });
            encode_expr(out, a);
            encode_expr(out, b);
        }
        Expr::Test(Test { question, check }) => {
            // Writing to a String cannot fail.
            let _ = match *check {
                Check::Is(o) => write!(out, " {question}={o}"),
                Check::IsNot(o) => write!(out, " {question}~{o}"),
                Check::In(set) => write!(out, " {question}i{:x}", set.bits()),
                Check::Has(o) => write!(out, " {question}h{o}"),
                Check::HasAny => write!(out, " {question}a"),
                Check::HasAnyOf(set) => write!(out, " {question}y{:x}", set.bits()),
                Check::HasAllOf(set) => write!(out, " {question}l{:x}", set.bits()),
                Check::HasAtLeast(n) => write!(out, " {question}n{n}"),
                Check::HasAtLeastOf(n, set) => write!(out, " {question}n{n}.{:x}", set.bits()),
            };
        }
    }
}

impl<'d> Answers<'d> {
    /// Reads answers text such as `danger=no;behaviours=following,contact`: entries
    /// `question=option,option` joined by `;`, in any order. An empty option list leaves the
    /// question unanswered. Options are normalised as [`Answers::set`] does.
    pub fn parse(definition: &'d Definition, text: &str) -> Result<Self, Error> {
        let mut answers = Answers::new(definition);
        let mut seen = Vec::new();
        for entry in text.split(is(';')).filter(|e| !e.is_empty()) {
            let (question, options) =
                entry
                    .split_once(is('='))
                    .ok_or_else(|| Error::MalformedAnswer {
                        entry: entry.into(),
                    })?;
            if seen.contains(&question) {
                return Err(Error::AnsweredTwice {
                    question: question.into(),
                });
            }
            seen.push(question);
            let options: Vec<&str> = options.split(is(',')).filter(|o| !o.is_empty()).collect();
            answers.set(question, &options)?;
        }
        Ok(answers)
    }
}

impl Answers<'_> {
    /// The answers text that [`Answers::parse`] reads, in flow order, skipping unanswered
    /// questions. Answers to hidden questions are kept. `Display` shows the same text.
    pub fn encode(&self) -> String {
        let questions = &self.definition.questions;
        let mut out = String::new();
        for (q, chosen) in questions.iter().zip(&self.chosen) {
            if chosen.is_empty() {
                continue;
            }
            if !out.is_empty() {
                out.push(';');
            }
            out.push_str(&q.id);
            out.push('=');
            push_list(&mut out, q.option_ids(*chosen));
        }
        out
    }
}

impl fmt::Display for Answers<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.encode())
    }
}

impl Evaluation<'_> {
    /// The evaluation as text the browser splits on `;`, `=` and `,`, always with these six
    /// keys in this order, e.g.
    /// `visible=danger,behaviours;next=behaviours;answered=1;complete=0;outcome=;reasons=`.
    pub fn encode(&self) -> String {
        let mut out = String::from("visible=");
        push_list(&mut out, self.visible.iter().copied());
        out.push_str(";next=");
        out.push_str(self.next.unwrap_or_default());
        out.push_str(";answered=");
        push_number(&mut out, self.answered);
        out.push_str(if self.is_complete() {
            ";complete=1"
        } else {
            ";complete=0"
        });
        out.push_str(";outcome=");
        out.push_str(self.outcome.unwrap_or_default());
        out.push_str(";reasons=");
        push_list(&mut out, self.reasons.iter().copied());
        out
    }
}

/// Writes ids separated by commas. Hand-written rather than `join`, which costs the browser
/// over a kilobyte of wasm.
fn push_list<'a>(out: &mut String, ids: impl Iterator<Item = &'a str>) {
    for (i, id) in ids.enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push_str(id);
    }
}

/// Writes a number in decimal. Hand-written rather than `to_string`, which would bring
/// `core::fmt` into the browser's wasm.
pub(crate) fn push_number(out: &mut String, n: usize) {
    if n >= 10 {
        push_number(out, n / 10);
    }
    out.push(char::from(b'0' + (n % 10) as u8));
}
