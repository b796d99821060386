//! `site-builder search "query"...`: what a visitor typing each query on the search page
//! finds. The site is checked as `check` does it, and its index searched as the browser
//! searches it: the same index text, read back, with the same reading and ranking.

use std::path::PathBuf;
use std::process::ExitCode;

use serde_json::json;
use site_builder::search::{bracketed, wire, Found, Searcher, SHOWN};
use site_builder::Error;

use super::SiteArgs;

#[derive(clap::Args)]
pub struct Args {
    /// What to search for, as a visitor would type it; several queries are searched in turn
    #[arg(required = true, value_name = "QUERY")]
    queries: Vec<String>,
    #[command(flatten)]
    site: SiteArgs,
    /// How many results to show (the count says how many there are)
    #[arg(long, default_value_t = SHOWN, value_name = "N")]
    shown: usize,
    /// Print how each query was read and its results as JSON, one line per query
    #[arg(long)]
    json: bool,
    /// Search this language's index, by its code in site.yaml (`cy`), as its search page
    /// does; the default language's when left out
    #[arg(long, value_name = "CODE")]
    lang: Option<String>,
}

impl Args {
    pub fn root(&self) -> PathBuf {
        self.site.root.clone()
    }
}

pub fn run(args: Args, messages: super::Messages) -> ExitCode {
    match search(&args) {
        Ok(text) => {
            println!("{}", text.trim_end());
            ExitCode::SUCCESS
        }
        Err(error) => {
            super::report(&error, &messages.printer(&args.root()));
            ExitCode::FAILURE
        }
    }
}

fn search(args: &Args) -> Result<String, Error> {
    let report = site_builder::build(&super::build::options(&args.site, None))?;
    if report.search.is_empty() {
        return Err(Error::refused(
            "this site has no search page, so there is nothing to search",
            "`search: false` in content/site.yaml switches the search page off",
        ));
    }
    let shipped = match &args.lang {
        None => &report.search[0],
        Some(code) => (report.search.iter())
            .find(|s| s.code.eq_ignore_ascii_case(code))
            .ok_or_else(|| {
                let codes: Vec<&str> = report.search.iter().map(|s| s.code.as_str()).collect();
                Error::refused(
                    format!("this site has no language `{code}`"),
                    format!("its languages are {}", codes.join(", ")),
                )
            })?,
    };
    // The index was made by this same site-builder a moment ago.
    let index = wire::decode(&shipped.module).map_err(|e| {
        Error::refused(
            format!("the search index cannot be read: {e}"),
            "report this as a bug",
        )
    })?;
    let searcher = Searcher::new(&index);
    let mut out = String::new();
    for (i, query) in args.queries.iter().enumerate() {
        let found = searcher.search(query, args.shown);
        if args.json {
            out.push_str(&json!({ "query": query, "found": found }).to_string());
            out.push('\n');
        } else {
            if args.queries.len() > 1 {
                let gap = if i == 0 { "" } else { "\n" };
                out.push_str(&format!("{gap}Query: {query}\n"));
            }
            out.push_str(&human(&found));
        }
    }
    Ok(out)
}

fn human(found: &Found) -> String {
    let read: Vec<String> = (found.words.iter())
        .map(|w| match w.prefix {
            true => format!("{} (and words starting with it)", w.word),
            false => format!("{} (stem {})", w.word, w.stem),
        })
        .collect();
    let mut out = match read.is_empty() {
        true => "No words to search for: every word is too short or too common.\n".to_string(),
        false => format!("Searched for: {}\n", read.join(", ")),
    };
    out.push_str(&match found.count {
        1 => "1 page found\n".to_string(),
        n => format!("{n} pages found\n"),
    });
    for (i, hit) in found.results.iter().enumerate() {
        out.push_str(&format!("\n{}. {}", i + 1, bracketed(&hit.title)));
        if hit.fallback {
            out.push_str(" (in the default language)");
        }
        if !hit.heading.is_empty() {
            out.push_str(&format!(": {}", bracketed(&hit.heading)));
        }
        out.push_str(&format!("\n   {}\n", hit.url));
        if !hit.excerpt.is_empty() {
            out.push_str(&format!("   {}\n", bracketed(&hit.excerpt)));
        }
    }
    out
}
