//! Command-line interface: one file per subcommand.

mod build;
mod new;
mod selfcheck;
mod serve;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use site_builder::{Date, Error};

/// Builds a static awareness site from Markdown, YAML and templates.
///
/// Run it in the folder that holds content/ and templates/ (or point --root at it).
#[derive(Parser)]
#[command(name = "site-builder", version, about, long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Build the site into public/ (the old public/ stays if anything fails)
    Build(build::Args),
    /// Check everything a build checks, without writing anything
    Check(build::CheckArgs),
    /// Preview the site at http://127.0.0.1:1111, rebuilding whenever a file is saved
    Serve(serve::Args),
    /// Start a new page or campaign, with its front matter filled in
    New(new::Args),
    /// Try an answer set against the self-check and print the outcome as JSON
    Selfcheck(selfcheck::Args),
}

/// Options every command that reads the site shares.
#[derive(clap::Args, Clone)]
struct SiteArgs {
    /// The folder holding content/ and templates/
    #[arg(long, default_value = ".")]
    root: PathBuf,
    /// Include pages marked `draft: true`
    #[arg(long)]
    drafts: bool,
    /// Build as if today were this date (YYYY-MM-DD), to preview a schedule
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    now: Option<Date>,
}

fn parse_date(text: &str) -> Result<Date, String> {
    text.parse::<Date>().map_err(|e| e.to_string())
}

pub fn run() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(error) => {
            // clap prints the help, the version or the mistake. A mistake exits with 1,
            // like every other failure, rather than clap's 2: scripts and CI test for 1.
            let _ = error.print();
            return if error.exit_code() == 0 {
                ExitCode::SUCCESS
            } else {
                ExitCode::FAILURE
            };
        }
    };
    let result = match cli.command {
        Command::Build(args) => build::build(args),
        Command::Check(args) => build::check(args),
        // These print their own problems: they are not builds.
        Command::Serve(args) => return serve::run(args),
        Command::New(args) => return new::run(args),
        Command::Selfcheck(args) => return selfcheck::run(args),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            report(&error);
            ExitCode::FAILURE
        }
    }
}

/// Prints problems the way editors read them, then a count.
fn report(error: &Error) {
    eprintln!("{}", error.lines());
    if let Error::Problems(problems) = error {
        let n = problems.len();
        eprintln!(
            "\nThe site was not built: {n} problem{} to fix.",
            if n == 1 { "" } else { "s" }
        );
    }
}
