//! `site-builder ci-recipes`: write the CI recipes into an existing site.

use std::path::{Path, PathBuf};

use site_builder::{config, recipes, Error};

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
    let loaded = config::load(&args.root.join("content"), Path::new("content"))?;
    for path in recipes::write(&args.root, &loaded.config)? {
        println!("Wrote {}", path.display());
    }
    println!(
        "The daily rebuild runs just after midnight in {}; see the comments in each file.",
        loaded.config.timezone
    );
    Ok(())
}
