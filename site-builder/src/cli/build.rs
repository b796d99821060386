//! `site-builder build` and `site-builder check`.

use std::path::PathBuf;

use site_builder::output::Target;
use site_builder::search::PAGE_BUDGET;
use site_builder::{Date, Error, Options, Report};

use super::SiteArgs;

#[derive(clap::Args)]
pub struct Args {
    #[command(flatten)]
    site: SiteArgs,
    /// Where to write the site (default: public/ inside --root); each build replaces it whole
    #[arg(long, value_name = "DIR")]
    out: Option<PathBuf>,
}

#[derive(clap::Args)]
pub struct CheckArgs {
    #[command(flatten)]
    site: SiteArgs,
}

impl Args {
    pub fn root(&self) -> PathBuf {
        self.site.root.clone()
    }
}

impl CheckArgs {
    pub fn root(&self) -> PathBuf {
        self.site.root.clone()
    }
}

pub fn options(site: &SiteArgs, out: Option<PathBuf>) -> Options {
    let mut options = Options::new(&site.root);
    options.out = out;
    options.drafts = site.drafts;
    options.today = site.now.unwrap_or_else(Date::today);
    options
}

pub fn build(args: Args) -> Result<(), Error> {
    let out = args
        .out
        .clone()
        .unwrap_or_else(|| args.site.root.join("public"));
    // The build checks the folder again when it starts writing; this answers at once,
    // before all the work of a build.
    Target::check(&args.site.root, &out)?;
    let report = site_builder::build(&options(&args.site, Some(out.clone())))?;
    print_left_out(&report);
    println!("{} into {}", summary(&report), out.display());
    Ok(())
}

pub fn check(args: CheckArgs) -> Result<(), Error> {
    let report = site_builder::build(&options(&args.site, None))?;
    print_left_out(&report);
    println!("{} (checked, nothing written)", summary(&report));
    Ok(())
}

fn print_left_out(report: &Report) {
    for left in &report.left_out {
        println!("left out: {} ({})", left.source, left.why);
    }
    for warning in &report.warnings {
        eprintln!("{warning}");
    }
    if let Some(search) = &report.search {
        println!("{}", search_line(search));
    }
}

/// The index's size. Compressing takes about a second a megabyte, so an index over 1 MB
/// is not compressed for the report: that alone is many times the search page's budget.
fn search_line(search: &site_builder::Shipped) -> String {
    let raw = search.module.len();
    let compressed = match raw <= 1_000_000 {
        true => {
            let brotli = site_builder::output::brotli_size(search.module.as_bytes());
            let over = match brotli > PAGE_BUDGET {
                true => format!(
                    ", over the search page's budget of {}",
                    kilobytes(PAGE_BUDGET)
                ),
                false => String::new(),
            };
            format!("{} with brotli{over}", kilobytes(brotli))
        }
        false => format!(
            "many times the search page's budget of {} with brotli",
            kilobytes(PAGE_BUDGET)
        ),
    };
    format!(
        "search index: {} pages in {} sections, {} ({compressed})",
        search.pages,
        search.sections,
        kilobytes(raw)
    )
}

fn kilobytes(bytes: usize) -> String {
    format!("{:.1} KB", bytes as f64 / 1000.0)
}

fn summary(report: &Report) -> String {
    format!(
        "Built {} pages and {} sections, {} left out, in {:.2} s",
        report.pages,
        report.sections,
        report.left_out.len(),
        report.elapsed.as_secs_f64()
    )
}
