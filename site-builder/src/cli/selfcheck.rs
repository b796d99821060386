//! `site-builder selfcheck --answers JSON`: try an answer set against the self-check, as
//! the browser would, and print the result as JSON.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use serde_json::{json, Value};
use site_builder::{config, selfcheck, Diagnostic, Error};

use selfcheck_engine::Answers;

#[derive(clap::Args)]
pub struct Args {
    /// The folder holding content/ and templates/
    #[arg(long, default_value = ".")]
    root: PathBuf,
    /// The answers, as JSON: {"danger": "no", "behaviours": ["following", "contact"]}
    #[arg(long, value_name = "JSON")]
    answers: String,
}

pub fn run(args: Args, messages: super::Messages) -> ExitCode {
    match evaluate(&args) {
        Ok(result) => {
            println!("{result}");
            ExitCode::SUCCESS
        }
        Err(error) => {
            error.eprint(&messages.printer(&args.root));
            ExitCode::FAILURE
        }
    }
}

fn evaluate(args: &Args) -> Result<Value, Error> {
    let content = args.root.join("content");
    let settings = config::load(&content, Path::new("content"))?;
    let Some(relative) = &settings.config.selfcheck else {
        let problem = settings
            .problem_at("selfcheck", "this site has no self-check")
            .with_help("add `selfcheck: self-check/questions.yaml` to content/site.yaml");
        return Err(Error::Problems(vec![problem]));
    };
    let loaded = selfcheck::load(&content, relative)?;
    let input = answer_problem(&args.answers);
    let answers: serde_json::Map<String, Value> = serde_json::from_str(&args.answers)
        .map_err(|e| input(format!("the answers are not a JSON object: {e}")))?;
    let mut set = Answers::new(&loaded.definition);
    for (question, chosen) in &answers {
        let options: Vec<&str> = match chosen {
            Value::String(one) => vec![one.as_str()],
            Value::Array(many) => many.iter().filter_map(Value::as_str).collect(),
            _ => {
                return Err(input(format!(
                    "the answer to `{question}` must be an option id or a list of them"
                )))
            }
        };
        set.set(question, &options)
            .map_err(|e| input(e.to_string()))?;
    }
    let evaluation = set.evaluate();
    let result = match evaluation.outcome {
        Some(outcome) if evaluation.is_complete() => json!({
            "complete": true,
            "outcome": outcome,
            "reasons": evaluation.reasons,
        }),
        _ => json!({
            "complete": false,
            "next": evaluation.next,
            "answered": evaluation.answered,
            "visible": evaluation.visible,
        }),
    };
    Ok(result)
}

/// Problems with the `--answers` text itself, which is not a file.
fn answer_problem(text: &str) -> impl Fn(String) -> Error + '_ {
    move |message| {
        let shown = format!("--answers '{text}'");
        Error::Problems(vec![Diagnostic::new(shown, 1, 1, message)])
    }
}
