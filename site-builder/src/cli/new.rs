//! `site-builder new`: start a page or a campaign with its front matter filled in.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Subcommand;
use site_builder::scaffold::{self, Campaign};
use site_builder::{Date, Error};

#[derive(clap::Args)]
pub struct Args {
    #[command(subcommand)]
    what: What,
    /// The folder holding content/
    #[arg(long, default_value = ".", global = true)]
    root: PathBuf,
}

#[derive(Subcommand)]
enum What {
    /// A new page, as a draft: `new page understanding-stalking/online.md --title "Online stalking"`;
    /// or, with `--lang cy`, a translation of the page at PATH, beside it
    Page {
        /// Where the page goes inside content/, ending in .md (with --lang, the page to translate)
        path: String,
        /// The page's title, as readers see it
        #[arg(long, required_unless_present = "lang")]
        title: Option<String>,
        /// Start a translation of the page at PATH into this language of the site (`cy`)
        #[arg(long, value_name = "CODE")]
        lang: Option<String>,
    },
    /// A campaign: a news page shown between two dates, and the banner that goes with it
    Campaign {
        /// The campaign's web address, such as awareness-week-2027
        slug: String,
        #[arg(long)]
        title: String,
        /// The first day (YYYY-MM-DD)
        #[arg(long, value_name = "DATE", value_parser = super::parse_date)]
        from: Date,
        /// The last day (YYYY-MM-DD)
        #[arg(long, value_name = "DATE", value_parser = super::parse_date)]
        until: Date,
        /// The banner's words (default: the title)
        #[arg(long)]
        banner: Option<String>,
    },
}

pub fn run(args: Args, messages: super::Messages) -> ExitCode {
    let result = match &args.what {
        What::Page {
            path,
            lang: Some(code),
            ..
        } => scaffold::new_translation(&args.root, path, code).map(|file| {
            println!(
                "Created {}, to translate (a draft marked translation: needs-review: only the preview shows it).",
                file.display()
            );
        }),
        What::Page { path, title, .. } => {
            let title = title.as_deref().unwrap_or_default();
            scaffold::new_page(&args.root, path, title, scaffold::today(&args.root)).map(|file| {
                println!(
                    "Created {} (a draft: only the preview shows it).",
                    file.display()
                );
            })
        }
        What::Campaign {
            slug,
            title,
            from,
            until,
            banner,
        } => {
            let campaign = Campaign {
                slug,
                title,
                from: *from,
                until: *until,
                banner: banner.as_deref(),
            };
            scaffold::new_campaign(&args.root, &campaign).map(|file| {
                println!("Created {}, shown from {from} to {until}.", file.display());
                println!("Added a banner for it to the banners in content/site.yaml.");
            })
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            error.eprint(&messages.printer(&args.root));
            if matches!(error, Error::Refused { .. }) {
                eprintln!("Nothing was written.");
            }
            ExitCode::FAILURE
        }
    }
}
