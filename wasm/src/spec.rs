//! The definition as site-builder reads it from YAML (conditions still text), and the checks
//! that turn it into a [`Definition`].

use std::collections::hash_map::{Entry, HashMap};

use crate::condition::{compile, Scope, RESERVED};
use crate::definition::{Choice, Definition, Kind, Outcome, Question, Reason};
use crate::option_set::OptionSet;
use crate::problem::{Field, Problem, Site};

/// A definition as written, with conditions as source text.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Spec {
    pub questions: Vec<QuestionSpec>,
    pub outcomes: Vec<OutcomeSpec>,
    pub reasons: Vec<ReasonSpec>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct QuestionSpec {
    pub id: String,
    pub kind: Kind,
    pub options: Vec<Choice>,
    pub show_if: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OutcomeSpec {
    pub id: String,
    pub when: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReasonSpec {
    pub id: String,
    pub when: String,
}

impl Definition {
    /// Checks a spec and compiles its conditions, reporting every problem found.
    ///
    /// Checks: ids are valid and unique (questions; options within a question; outcomes;
    /// reasons), every question has 1 to 64 options, conditions parse and type-check,
    /// `show_if` looks only at earlier questions, there is at least one question and one
    /// outcome, and only the last outcome has no `when`.
    ///
    /// Whether every outcome can be reached is a separate, costlier check:
    /// [`Definition::validate`].
    pub fn from_spec(spec: &Spec) -> Result<Definition, Vec<Problem>> {
        let mut problems = Vec::new();
        let question = |index, field| Site::Question { index, field };
        let outcome = |index, field| Site::Outcome { index, field };

        if spec.questions.is_empty() {
            problems.push(Problem::new(Site::Definition, "there are no questions"));
        }
        check_ids(
            spec.questions.iter().map(|q| &q.id),
            ("question", ""),
            question,
            true,
            &mut problems,
        );
        for (index, q) in spec.questions.iter().enumerate() {
            check_options(index, q, &mut problems);
        }
        check_ids(
            spec.outcomes.iter().map(|o| &o.id),
            ("outcome", ""),
            outcome,
            false,
            &mut problems,
        );
        let reason = |index, field| Site::Reason { index, field };
        check_ids(
            spec.reasons.iter().map(|r| &r.id),
            ("reason", ""),
            reason,
            false,
            &mut problems,
        );
        check_outcome_order(&spec.outcomes, &mut problems);

        // Conditions are checked against all questions, with `show_if` already empty, so
        // each question's condition problems are found even when another one is broken.
        let mut questions: Vec<Question> = (spec.questions.iter())
            .map(|q| Question {
                id: q.id.clone(),
                kind: q.kind,
                options: q.options.clone(),
                show_if: None,
            })
            .collect();
        let all = Scope {
            questions: &questions,
            before: None,
        };
        let mut compiled = |source: &str, scope, site| {
            compile(source, scope, site)
                .map_err(|found| problems.extend(found))
                .ok()
        };
        let show_ifs: Vec<_> = (spec.questions.iter().enumerate())
            .map(|(index, q)| {
                let scope = Scope {
                    before: Some(index),
                    ..all
                };
                let source = q.show_if.as_deref()?;
                compiled(source, scope, question(index, Field::ShowIf))
            })
            .collect();
        let outcomes: Vec<_> = (spec.outcomes.iter().enumerate())
            .map(|(index, o)| Outcome {
                id: o.id.clone(),
                when: o
                    .when
                    .as_deref()
                    .and_then(|source| compiled(source, all, outcome(index, Field::When))),
            })
            .collect();
        let reasons: Vec<_> = (spec.reasons.iter().enumerate())
            .filter_map(|(index, r)| {
                let when = compiled(&r.when, all, reason(index, Field::When))?;
                Some(Reason {
                    id: r.id.clone(),
                    when,
                })
            })
            .collect();

        if !problems.is_empty() {
            return Err(problems);
        }
        for (question, show_if) in questions.iter_mut().zip(show_ifs) {
            question.show_if = show_if;
        }
        Ok(Definition {
            questions,
            outcomes,
            reasons,
        })
    }
}

/// Ids use `[a-z0-9_-]`, so that conditions, the wire format and HTML attributes can carry
/// them as they are. Question and option ids must also not be condition keywords.
pub(crate) fn id_problem(id: &str, in_conditions: bool) -> Option<(String, Option<String>)> {
    let valid = |c: char| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_';
    if id.is_empty() {
        return Some(("the id is empty".into(), None));
    }
    if !id.chars().all(valid) {
        let fixed: String = id
            .to_lowercase()
            .chars()
            .map(|c| if valid(c) { c } else { '-' })
            .collect();
        let message =
            format!("`{id}` is not a valid id: use lowercase letters, digits, `-` and `_`");
        return Some((message, Some(format!("for example `{fixed}`"))));
    }
    if in_conditions && RESERVED.contains(&id) {
        let message = format!("`{id}` cannot be an id: conditions use it as a keyword");
        return Some((message, None));
    }
    None
}

/// Reports invalid and duplicate ids. `what` names the kind of entry, and what it belongs
/// to (as a phrase such as " of question `q`", or "").
fn check_ids<'a>(
    ids: impl Iterator<Item = &'a String>,
    what: (&str, &str),
    site: impl Fn(usize, Field) -> Site,
    in_conditions: bool,
    problems: &mut Vec<Problem>,
) {
    let mut first: HashMap<&str, usize> = HashMap::new();
    for (index, id) in ids.enumerate() {
        if let Some((message, help)) = id_problem(id, in_conditions) {
            problems.push(Problem::new(site(index, Field::Id), message).maybe_help(help));
        } else if let Entry::Occupied(earlier) = first.entry(id) {
            let earlier = *earlier.get();
            let (kind, owner) = what;
            let message = format!("{kind} `{id}`{owner} is defined twice");
            let help = format!("the first is {kind} {}; give each its own id", earlier + 1);
            problems.push(Problem::new(site(index, Field::Id), message).help(help));
        } else {
            first.insert(id, index);
        }
    }
}

fn check_options(index: usize, question: &QuestionSpec, problems: &mut Vec<Problem>) {
    let site = |field| Site::Question { index, field };
    let count = question.options.len();
    if count == 0 {
        let message = format!("question `{}` has no options", question.id);
        problems.push(Problem::new(site(Field::Options), message));
    } else if count > OptionSet::CAPACITY {
        let message = format!(
            "question `{}` has {count} options; at most {} are supported",
            question.id,
            OptionSet::CAPACITY
        );
        problems.push(Problem::new(site(Field::Options), message));
    }
    let option = |i, field: Field| match field {
        Field::Id => site(Field::Option(i)),
        other => site(other),
    };
    let owner = format!(" of question `{}`", question.id);
    check_ids(
        question.options.iter().map(|o| &o.id),
        ("option", &owner),
        option,
        true,
        problems,
    );
}

fn check_outcome_order(outcomes: &[OutcomeSpec], problems: &mut Vec<Problem>) {
    let Some(last) = outcomes.len().checked_sub(1) else {
        problems.push(Problem::new(Site::Definition, "there are no outcomes"));
        return;
    };
    for (index, outcome) in outcomes.iter().enumerate() {
        match (index == last, outcome.when.is_some()) {
            (true, true) => problems.push(
                Problem::new(
                    Site::Outcome { index, field: Field::When },
                    format!("the last outcome, `{}`, must have no `when`, so that every answer gives an outcome", outcome.id),
                )
                .help("remove its `when`, or add a last outcome without one"),
            ),
            (false, false) => problems.push(
                Problem::new(
                    Site::Outcome { index, field: Field::Id },
                    format!("outcome `{}` has no `when`, but only the last outcome may have none: the outcomes after it could never be given", outcome.id),
                )
                .help("add a `when`, or move this outcome to the end"),
            ),
            _ => {}
        }
    }
}
