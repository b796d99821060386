//! Command-line interface: one file per subcommand.

mod build;
mod hosting;
mod init;
mod new;
mod recipes;
mod search;
mod selfcheck;
mod serve;
mod theme;

use std::path::PathBuf;
use std::process::ExitCode;

use std::path::Path;

use clap::{Parser, Subcommand, ValueEnum};
use site_builder::{Color, Form, Printer};
use site_builder::{Date, Error};

/// Builds a static awareness site from Markdown, YAML and templates.
///
/// Run it in the folder that holds content/ (or point --root at it). The theme is built
/// in; a site's own templates/ replaces its files one by one.
#[derive(Parser)]
#[command(name = "site-builder", version, about, long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Command,
    /// How problems are shown: `rich` with the line and a caret under the place,
    /// `short` as one `file:line:col` line each (default: rich in a terminal, else short)
    #[arg(long, global = true, value_enum, value_name = "FORM")]
    messages: Option<MessagesArg>,
    /// Colour in rich messages
    #[arg(
        long,
        global = true,
        value_enum,
        default_value = "auto",
        value_name = "WHEN"
    )]
    color: ColorArg,
}

#[derive(Clone, Copy, ValueEnum)]
enum MessagesArg {
    Short,
    Rich,
}

#[derive(Clone, Copy, ValueEnum)]
enum ColorArg {
    Auto,
    Always,
    Never,
}

/// How this run shows problems; each command knows its site's folder.
#[derive(Clone, Copy)]
pub struct Messages {
    form: Option<Form>,
    color: Color,
}

impl Messages {
    pub fn printer(&self, root: &Path) -> Printer {
        Printer::for_stderr(root, self.form, self.color)
    }
}

#[derive(Subcommand)]
enum Command {
    /// Build the site into public/ (the old public/ stays if anything fails)
    Build(build::Args),
    /// Check everything a build checks, without writing anything
    Check(build::CheckArgs),
    /// Preview the site at http://127.0.0.1:1111, rebuilding whenever a file is saved
    Serve(serve::Args),
    /// Start a new site in an empty folder, ready to build
    Init(init::Args),
    /// Start a new page or campaign, with its front matter filled in
    New(new::Args),
    /// Try an answer set against the self-check and print the outcome as JSON
    Selfcheck(selfcheck::Args),
    /// The built-in theme: list its files, or copy some into the site to change them
    Theme(theme::Args),
    /// Print the site's security headers, cache rules, redirects and 404 page for a server
    Hosting(hosting::Args),
    /// Write CI that builds the site on every push and every day (GitHub Actions, GitLab CI)
    CiRecipes(recipes::Args),
    /// Search the site as a visitor would on its search page
    Search(search::Args),
}

/// Options every command that reads the site shares.
#[derive(clap::Args, Clone)]
struct SiteArgs {
    /// The folder holding content/ (and static/ and templates/, if the site has them)
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
    let messages = Messages {
        form: cli.messages.map(|m| match m {
            MessagesArg::Short => Form::Short,
            MessagesArg::Rich => Form::Rich,
        }),
        color: match cli.color {
            ColorArg::Auto => Color::Auto,
            ColorArg::Always => Color::Always,
            ColorArg::Never => Color::Never,
        },
    };
    let (root, result) = match cli.command {
        Command::Build(args) => (args.root(), build::build(args)),
        Command::Hosting(args) => (args.root(), hosting::run(args)),
        Command::CiRecipes(args) => (args.root(), recipes::run(args)),
        Command::Check(args) => {
            let root = args.root();
            match build::check(args, &messages.printer(&root)) {
                Ok(true) => return ExitCode::SUCCESS,
                // Problems on days ahead: printed on their days.
                Ok(false) => return ExitCode::FAILURE,
                Err(error) => (root, Err(error)),
            }
        }
        // These print their own problems: they are not builds.
        Command::Serve(args) => return serve::run(args, messages),
        Command::Init(args) => return init::run(args, messages),
        Command::New(args) => return new::run(args, messages),
        Command::Selfcheck(args) => return selfcheck::run(args, messages),
        Command::Theme(args) => return theme::run(args, messages),
        Command::Search(args) => return search::run(args, messages),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            report(&error, &messages.printer(&root));
            ExitCode::FAILURE
        }
    }
}

/// Prints problems the way editors read them, then a count.
pub fn report(error: &Error, printer: &Printer) {
    error.eprint(printer);
    if let Error::Problems(problems) = error {
        let n = problems.len();
        // The rich form already ends with a blank line.
        if printer.form == Form::Short {
            eprintln!();
        }
        eprintln!(
            "The site was not built: {n} problem{} to fix.",
            if n == 1 { "" } else { "s" }
        );
    }
}
