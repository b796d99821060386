//! `site-builder build` and `site-builder check`.

use std::path::PathBuf;

use site_builder::search::PAGE_BUDGET;
use site_builder::{Error, Options, Outlook, Printer, Report, Target};

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
    /// Also check the site as it will be on every day it changes in the next DAYS days
    /// (pages publishing or expiring, banners, helpline checks), and say when to rebuild
    #[arg(long, value_name = "DAYS")]
    ahead: Option<u32>,
    /// List every page with no translation into each language, and every translation
    /// awaiting review
    #[arg(long)]
    translations: bool,
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
    options.now = site.now;
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
    print_languages(&report, false);
    Ok(())
}

pub fn check(args: CheckArgs, printer: &Printer) -> Result<bool, Error> {
    if let Some(days) = args.ahead {
        let outlook = site_builder::look_ahead(&options(&args.site, None), days)?;
        print_outlook(&outlook, printer);
        return Ok(!outlook.has_errors());
    }
    let report = site_builder::build(&options(&args.site, None))?;
    print_left_out(&report);
    println!("{} (checked, nothing written)", summary(&report));
    print_languages(&report, args.translations);
    Ok(true)
}

/// The timeline: each day that changes, what it brings, and the problems it brings.
fn print_outlook(outlook: &Outlook, printer: &Printer) {
    let (today, last) = (outlook.today, outlook.last);
    println!("Looking ahead from {today} to {last}:");
    if !outlook.errors_today.is_empty() {
        println!("{today} (today):");
        print!("{}", indented(&printer.text(&outlook.errors_today)));
    }
    for change in &outlook.changes {
        println!("{}: {}", change.date, change.events.join("; "));
        let problems: Vec<_> = change
            .errors
            .iter()
            .chain(&change.warnings)
            .cloned()
            .collect();
        if !problems.is_empty() {
            print!("{}", indented(&printer.text(&problems)));
        }
    }
    let count: usize = outlook.errors_today.len()
        + outlook
            .changes
            .iter()
            .map(|c| c.errors.len())
            .sum::<usize>();
    match count {
        0 => println!("No problems on any of these days."),
        1 => println!("1 problem to fix before its day."),
        n => println!("{n} problems to fix before their days."),
    }
    match outlook.next_rebuild() {
        Some(date) => println!("Next rebuild needed: {date}"),
        None => println!("Next rebuild needed: none before {last} (nothing changes until then)"),
    }
}

fn indented(text: &str) -> String {
    text.lines().map(|line| format!("  {line}\n")).collect()
}

fn print_left_out(report: &Report) {
    for left in &report.left_out {
        println!("left out: {} ({})", left.source, left.why);
    }
    for warning in &report.warnings {
        eprintln!("{warning}");
    }
    for search in &report.search {
        println!("{}", search_line(search));
    }
}

/// The index's size. Compressing takes about a second a megabyte, so an index over 1 MB
/// is not compressed for the report: that alone is many times the search page's budget.
fn search_line(search: &site_builder::Shipped) -> String {
    let raw = search.module.len();
    let compressed = match raw <= 1_000_000 {
        true => {
            let brotli = search.compressed();
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
    let fallbacks = match search.fallbacks {
        0 => String::new(),
        n => format!(" ({n} of them in the default language)"),
    };
    format!(
        "search index ({}, {}): {} pages{fallbacks} in {} sections, {} ({compressed})",
        search.code,
        search.page,
        search.pages,
        search.sections,
        kilobytes(raw)
    )
}

fn kilobytes(bytes: usize) -> String {
    format!("{:.1} KB", bytes as f64 / 1000.0)
}

/// How many names a build lists before it says how many more there are.
const LISTED: usize = 5;

/// Each language's untranslated pages and translations awaiting review (all of them when
/// `full`), and the self-check's languages with the proofs that hold for all of them.
fn print_languages(report: &Report, full: bool) {
    let default = &report.default_language;
    for t in &report.translations {
        let shown = t.untranslated.len();
        print!(
            "{} ({}): {} of {} pages translated",
            t.name,
            t.code,
            t.translated(),
            t.total
        );
        match (shown, full) {
            (0, _) => println!("."),
            (_, true) => println!(
                "; {shown} shown in {default} instead:\n{}",
                column(&t.untranslated)
            ),
            _ => println!(
                "; {shown} shown in {default} instead: {}",
                some(&t.untranslated)
            ),
        }
        match (t.needs_review.len(), full) {
            (0, _) => {}
            (n, true) => println!(
                "{} ({}): {n} awaiting review (translation: needs-review):\n{}",
                t.name,
                t.code,
                column(&t.needs_review)
            ),
            (n, false) => println!(
                "{} ({}): {n} awaiting review (translation: needs-review): {}",
                t.name,
                t.code,
                some(&t.needs_review)
            ),
        }
    }
    if let (Some((definition, examples)), [_, _, ..]) =
        (&report.selfcheck, report.selfcheck_languages.as_slice())
    {
        let names = report.selfcheck_languages.join(" and ");
        println!(
            "Self-check in {names}: one logic, {}, so its proofs hold for every language: every outcome reachable, one outcome for every answer path, {examples} examples as expected; same engine, same outcome ids.",
            definition.display()
        );
    }
}

/// The first few names, and how many more.
fn some(names: &[String]) -> String {
    match names.len() {
        n if n <= LISTED => names.join(", "),
        n => format!(
            "{} and {} more (check --translations lists them all)",
            names[..LISTED].join(", "),
            n - LISTED
        ),
    }
}

fn column(names: &[String]) -> String {
    names
        .iter()
        .map(|n| format!("  {n}"))
        .collect::<Vec<_>>()
        .join("\n")
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
