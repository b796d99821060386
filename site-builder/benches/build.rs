//! Builds synthetic sites (1,000 and 10,000 pages by default) and reports wall time, CPU
//! time over wall time, pages per second and peak memory, with the output on tmpfs
//! (`/dev/shm`, the tool's own work) and on disk, where each build is paired with the floor
//! for writing that tree: `cp -r` of the output plus `rm -rf` of the previous copy.
//! A benchmark, not a test: it reports figures and asserts nothing about them.
//!
//! ```text
//! cargo bench -p site-builder --bench build                     # 1,000 and 10,000 pages
//! cargo bench -p site-builder --bench build -- 100000 --runs 3  # other sizes
//! cargo bench -p site-builder --bench build -- 10000 --hugo     # paired with Hugo
//! cargo bench -p site-builder --bench build -- 10000 --no-search # without the search index
//! cargo bench -p site-builder --bench build -- generate DIR 10000 [--hugo]
//! ```
//!
//! `--hugo` builds the same pages with Hugo (`bash scripts/install-hugo` installs Debian's)
//! on tmpfs, alternating the two tools run by run, and gives the ratio of each pair. Set
//! `BENCH_DISK_DIR` to measure on another disk than the target folder's.

mod measure;
mod synthetic;

use std::path::{Path, PathBuf};
use std::process::Command;

use measure::{median, Run};

struct Args {
    sizes: Vec<usize>,
    hugo: bool,
    runs: usize,
    disk: bool,
    /// Whether the site has its search page and index (`--no-search` switches them off).
    search: bool,
}

fn main() {
    // cargo passes `--bench` to benchmarks without the standard harness.
    let args: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| a != "--bench")
        .collect();
    if args.first().map(String::as_str) == Some("generate") {
        return generate(&args[1..]);
    }
    let args = parse(&args);
    if args.hugo && !measure::installed("hugo") {
        eprintln!("--hugo: hugo is not installed; `bash scripts/install-hugo` installs it");
        std::process::exit(2);
    }
    let disk_dir = PathBuf::from(
        std::env::var("BENCH_DISK_DIR").unwrap_or_else(|_| env!("CARGO_TARGET_TMPDIR").into()),
    );
    println!(
        "{} runs each, load average {} at the start",
        args.runs,
        measure::load_average()
    );
    println!(
        "{:>7} {:>6} {:<15} {:>9} {:>9} {:>9} {:>11}",
        "pages", "output", "what", "wall (s)", "cpu/wall", "pages/s", "peak (MiB)"
    );
    for &pages in &args.sizes {
        let sites = Sites::new(&disk_dir, pages, args.hugo, args.search);
        let tmpfs = tempdir_in(Path::new("/dev/shm"), "bench-out-");
        pair(
            &args,
            pages,
            "tmpfs",
            &mut || site_builder(&sites.ours, &tmpfs.path().join("public")),
            args.hugo.then_some(("hugo", &mut || {
                hugo(sites.hugo.as_deref(), &tmpfs.path().join("hugo"))
            })),
        );
        if args.disk {
            let out = tempdir_in(&disk_dir, "bench-out-");
            let public = out.path().join("public");
            let floor = out.path().join("floor");
            pair(
                &args,
                pages,
                "disk",
                &mut || site_builder(&sites.ours, &public),
                Some(("cp -r + rm -rf", &mut || copy_floor(&public, &floor))),
            );
        }
    }
}

fn parse(args: &[String]) -> Args {
    let mut parsed = Args {
        sizes: Vec::new(),
        hugo: false,
        runs: 3,
        disk: true,
        search: true,
    };
    let mut args = args.iter();
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--hugo" => parsed.hugo = true,
            "--no-disk" => parsed.disk = false,
            "--no-search" => parsed.search = false,
            "--runs" => {
                parsed.runs = (args.next())
                    .and_then(|n| n.parse().ok())
                    .expect("--runs N")
            }
            size => parsed.sizes.push(size.parse().expect("a number of pages")),
        }
    }
    if parsed.hugo && parsed.runs < 5 {
        parsed.runs = 5;
    }
    if parsed.sizes.is_empty() {
        parsed.sizes = vec![1_000, 10_000];
    }
    parsed
}

fn generate(args: &[String]) {
    let [dir, pages, rest @ ..] = args else {
        panic!("generate DIR PAGES [--hugo]");
    };
    let pages = pages.parse().expect("a number of pages");
    if rest.iter().any(|a| a == "--hugo") {
        synthetic::hugo::generate(Path::new(dir), pages).expect("the Hugo site");
        println!("wrote a {pages}-page Hugo site to {dir}");
    } else {
        synthetic::generate(Path::new(dir), pages).expect("the synthetic site");
        println!("wrote a {pages}-page site to {dir}");
    }
}

/// The synthetic site, and its Hugo twin when asked for.
struct Sites {
    ours: PathBuf,
    hugo: Option<PathBuf>,
    _folder: tempfile::TempDir,
}

impl Sites {
    fn new(disk: &Path, pages: usize, hugo: bool, search: bool) -> Sites {
        let folder = tempdir_in(disk, "synthetic-");
        let ours = folder.path().join("site");
        synthetic::generate(&ours, pages).expect("the synthetic site");
        if !search {
            synthetic::without_search(&ours).expect("the synthetic site's settings");
        }
        let hugo = hugo.then(|| {
            let dir = folder.path().join("hugo");
            synthetic::hugo::generate(&dir, pages).expect("the Hugo site");
            dir
        });
        Sites {
            ours,
            hugo,
            _folder: folder,
        }
    }
}

fn tempdir_in(dir: &Path, prefix: &str) -> tempfile::TempDir {
    tempfile::Builder::new()
        .prefix(prefix)
        .tempdir_in(dir)
        .expect("a temp folder")
}

type Measured<'a> = &'a mut dyn FnMut() -> Run;

/// Runs `first` (and `second`, alternating which goes first) `args.runs` times after one
/// untimed warm-up of each, and prints both with the ratio second/first of each pair.
fn pair(
    args: &Args,
    pages: usize,
    output: &str,
    first: Measured<'_>,
    mut second: Option<(&str, Measured<'_>)>,
) {
    first();
    if let Some((_, second)) = second.as_mut() {
        second();
    }
    let (mut ours, mut theirs) = (Vec::new(), Vec::new());
    for round in 0..args.runs {
        let other = second.as_mut().map(|(_, s)| s);
        match other {
            Some(other) if round % 2 == 1 => {
                theirs.push(other());
                ours.push(first());
            }
            Some(other) => {
                ours.push(first());
                theirs.push(other());
            }
            None => ours.push(first()),
        }
    }
    let total = pages + 11 + 1; // pages, sections and home, 404
    print_row(pages, output, "site-builder", &ours, total);
    if let Some((name, _)) = second {
        print_row(pages, output, name, &theirs, total);
        let ratios: Vec<f64> = (ours.iter().zip(&theirs))
            .map(|(o, t)| t.wall / o.wall)
            .collect();
        let (low, high) = ratios
            .iter()
            .fold((f64::MAX, 0f64), |(l, h), r| (l.min(*r), h.max(*r)));
        println!(
            "{:>15} {name} / site-builder, run by run: median {:.2} ({low:.2} to {high:.2})",
            "",
            median(&ratios)
        );
    }
}

fn print_row(pages: usize, output: &str, what: &str, runs: &[Run], total: usize) {
    assert!(runs.iter().all(|r| r.ok), "{what} failed at {pages} pages");
    let wall = median(&runs.iter().map(|r| r.wall).collect::<Vec<_>>());
    let cpu = median(&runs.iter().map(|r| r.cpu / r.wall).collect::<Vec<_>>());
    let peak = runs.iter().map(|r| r.peak_mib).fold(0.0, f64::max);
    println!(
        "{pages:>7} {output:>6} {what:<15} {wall:>9.3} {cpu:>9.2} {:>9.0} {peak:>11.1}",
        total as f64 / wall
    );
}

fn site_builder(root: &Path, out: &Path) -> Run {
    measure::run(
        Command::new(env!("CARGO_BIN_EXE_site-builder"))
            .args(["build", "--root"])
            .arg(root)
            .arg("--out")
            .arg(out)
            .args(["--now", "2027-01-01"]),
    )
}

fn hugo(root: Option<&Path>, out: &Path) -> Run {
    measure::run(
        Command::new("hugo")
            .args(["--quiet", "--source"])
            .arg(root.expect("the Hugo site"))
            .arg("--destination")
            .arg(out),
    )
}

/// The floor for writing the output tree on this disk: copying it, and removing the copy
/// before it, as a build writes a new site and removes the old one.
fn copy_floor(public: &Path, floor: &Path) -> Run {
    let (new, old) = (floor.join("new"), floor.join("old"));
    std::fs::create_dir_all(floor).expect("the floor's folder");
    let copy = measure::run(Command::new("cp").arg("-r").arg(public).arg(&new));
    let remove = measure::run(Command::new("rm").arg("-rf").arg(&old));
    std::fs::rename(&new, &old).expect("the copy moved aside");
    Run {
        ok: copy.ok && remove.ok,
        wall: copy.wall + remove.wall,
        cpu: copy.cpu + remove.cpu,
        peak_mib: copy.peak_mib.max(remove.peak_mib),
    }
}
