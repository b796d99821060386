//! `site-builder theme`: the built-in theme's files, and copying them into a site.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Subcommand;
use site_builder::theme;

#[derive(clap::Args)]
pub struct Args {
    #[command(subcommand)]
    what: What,
    /// The folder holding content/ (and templates/, if the site has its own)
    #[arg(long, default_value = ".", global = true)]
    root: PathBuf,
}

#[derive(Subcommand)]
enum What {
    /// List the built-in files, marking those the site replaces with its own
    List,
    /// Copy built-in files into the site's templates/ to edit them there
    Eject {
        /// The files, as `theme list` names them (such as base.html or assets/site.css)
        #[arg(required_unless_present = "all")]
        files: Vec<String>,
        /// Copy every file of the theme
        #[arg(long, conflicts_with = "files")]
        all: bool,
    },
}

pub fn run(args: Args, messages: super::Messages) -> ExitCode {
    match args.what {
        What::List => {
            for (name, _) in theme::files() {
                let own = args.root.join("templates").join(name).is_file();
                println!("{name}{}", if own { "  (the site's own)" } else { "" });
            }
            ExitCode::SUCCESS
        }
        What::Eject { files, .. } => match theme::eject(&args.root, &files) {
            Ok(written) => {
                for file in written {
                    println!("Copied {}", file.display());
                }
                println!("The site's own copies now replace the built-in files: edit them there.");
                ExitCode::SUCCESS
            }
            Err(error) => {
                error.eprint(&messages.printer(&args.root));
                eprintln!("Nothing was written.");
                ExitCode::FAILURE
            }
        },
    }
}
