//! `site-builder selfcheck`: try an answer set against the self-check, as the browser
//! would (`--answers JSON`), or compare two versions of it for sign-off (`diff OLD [NEW]`).

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use serde_json::{json, Value};
use site_builder::{selfcheck, Error};

#[derive(clap::Args)]
#[command(args_conflicts_with_subcommands = true, subcommand_negates_reqs = true)]
pub struct Args {
    #[command(subcommand)]
    command: Option<Command>,
    /// The folder holding content/ and templates/
    #[arg(long, default_value = ".")]
    root: PathBuf,
    /// The answers, as JSON: {"danger": "no", "behaviours": ["following", "contact"]}
    #[arg(long, value_name = "JSON", required = true)]
    answers: Option<String>,
}

#[derive(clap::Subcommand)]
enum Command {
    /// List every answer set whose outcome or reasons differ between two versions
    ///
    /// Both versions are parsed and type-checked; examples and reachability are not
    /// required, so a draft can be compared. Exits with 0 whenever both are valid.
    Diff(DiffArgs),
}

#[derive(clap::Args)]
struct DiffArgs {
    /// The version before: a file, a git revision (`HEAD~1`, `main`) of the site's
    /// definition, or `REVISION:path`
    old: String,
    /// The version after, given the same ways [default: the site's definition]
    new: Option<String>,
    /// The folder holding content/
    #[arg(long, default_value = ".")]
    root: PathBuf,
    /// Print the changes as JSON
    #[arg(long)]
    json: bool,
}

pub fn run(args: Args, messages: super::Messages) -> ExitCode {
    let printed = match (&args.command, &args.answers) {
        (Some(Command::Diff(diff)), _) => compare(diff),
        (None, Some(answers)) => evaluate(&args.root, answers).map(|result| result.to_string()),
        (None, None) => unreachable!("clap requires --answers"),
    };
    match printed {
        Ok(text) => {
            println!("{}", text.trim_end());
            ExitCode::SUCCESS
        }
        Err(error) => {
            error.eprint(&messages.printer(&args.root));
            ExitCode::FAILURE
        }
    }
}

fn compare(args: &DiffArgs) -> Result<String, Error> {
    let comparison = selfcheck::compare(&args.root, &args.old, args.new.as_deref())?;
    Ok(if args.json {
        comparison.json()
    } else {
        comparison.report()
    })
}

fn evaluate(root: &Path, answers_text: &str) -> Result<Value, Error> {
    let loaded = selfcheck::load_site(root)?;
    let set = selfcheck::read_answers(&loaded.definition, answers_text).map_err(|d| vec![d])?;
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
