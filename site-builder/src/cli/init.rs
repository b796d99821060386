//! `site-builder init`: start a new site in its own folder.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::ValueEnum;
use site_builder::init::{self, Start};

#[derive(clap::Args)]
pub struct Args {
    /// The new site's folder: it must be empty, or not exist yet
    dir: PathBuf,
    /// Copy a full example site instead of the small starter
    #[arg(long, value_enum, value_name = "SITE")]
    example: Option<Example>,
}

#[derive(Clone, Copy, ValueEnum)]
enum Example {
    /// This project's site about stalking, for England and Wales
    Stalking,
}

pub fn run(args: Args, messages: super::Messages) -> ExitCode {
    let start = match args.example {
        None => Start::Starter,
        Some(Example::Stalking) => Start::Stalking,
    };
    match init::init(&args.dir, start) {
        Ok(files) => {
            println!(
                "Created a new site in {} ({} files).",
                args.dir.display(),
                files.len()
            );
            println!(
                "Next: cd {} && site-builder serve, then read README.md there.",
                args.dir.display()
            );
            ExitCode::SUCCESS
        }
        Err(error) => {
            error.eprint(&messages.printer(&args.dir));
            eprintln!("Nothing was written.");
            ExitCode::FAILURE
        }
    }
}
