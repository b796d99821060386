//! `site-builder ci-recipes`: write the CI recipes into an existing site.

use std::path::PathBuf;

use site_builder::{recipes, Error};

#[derive(clap::Args)]
pub struct Args {
    /// The folder holding content/ (the site's repository)
    #[arg(long, default_value = ".")]
    root: PathBuf,
}

impl Args {
    pub fn root(&self) -> PathBuf {
        self.root.clone()
    }
}

pub fn run(args: Args) -> Result<(), Error> {
    let timezone = recipes::timezone_of(&args.root)?;
    for path in recipes::write(&args.root, &timezone)? {
        println!("Wrote {}", path.display());
    }
    println!(
        "The daily rebuild runs just after midnight in {}; see the comments in each file.",
        timezone
    );
    Ok(())
}
