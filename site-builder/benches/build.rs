//! Builds synthetic sites of 1,000 and 10,000 pages and reports wall time, pages per
//! second and peak memory, with the output on tmpfs (`/dev/shm`, the tool's own work) and
//! on disk. A benchmark, not a test: it reports figures and asserts nothing about them.
//!
//! `cargo bench -p site-builder --bench build` (add `-- 1000` for one size only), or
//! `cargo bench -p site-builder --bench build -- generate DIR 10000` to write a site and stop.

mod synthetic;

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Instant;

const RUNS: usize = 3;

fn main() {
    // cargo passes `--bench` to benchmarks without the standard harness.
    let args: Vec<String> = std::env::args().filter(|a| a != "--bench").collect();
    if let [_, command, dir, pages] = args.as_slice() {
        if command == "generate" {
            let pages = pages.parse().expect("a number of pages");
            synthetic::generate(Path::new(dir), pages).expect("the synthetic site");
            println!("wrote a {pages}-page site to {dir}");
            return;
        }
    }
    let sizes: Vec<usize> = args.iter().skip(1).filter_map(|a| a.parse().ok()).collect();
    let sizes = if sizes.is_empty() {
        vec![1_000, 10_000]
    } else {
        sizes
    };
    let binary = Path::new(env!("CARGO_BIN_EXE_site-builder"));
    let disk =
        std::env::var("BENCH_DISK_DIR").unwrap_or_else(|_| env!("CARGO_TARGET_TMPDIR").to_string());
    println!(
        "{:>7} {:>6} {:>9} {:>11} {:>12}",
        "pages", "output", "wall (s)", "pages/s", "peak (MiB)"
    );
    for &pages in &sizes {
        let site = tempfile::Builder::new()
            .prefix("synthetic-")
            .tempdir_in(&disk)
            .expect("a temp folder");
        synthetic::generate(site.path(), pages).expect("the synthetic site");
        for (label, out_parent) in [("tmpfs", "/dev/shm"), ("disk", disk.as_str())] {
            let out = tempfile::Builder::new()
                .prefix("bench-out-")
                .tempdir_in(out_parent)
                .expect("an output folder");
            let public = out.path().join("public");
            let mut best = f64::MAX;
            let mut peak = 0;
            for _ in 0..RUNS {
                let started = Instant::now();
                let (ok, max_rss_kib) = run(binary, site.path(), &public);
                let wall = started.elapsed().as_secs_f64();
                assert!(ok, "the synthetic site must build");
                best = best.min(wall);
                peak = peak.max(max_rss_kib);
            }
            let total = pages + 11 + 1; // pages, sections and home, 404
            println!(
                "{pages:>7} {label:>6} {best:>9.2} {:>11.0} {:>12.1}",
                total as f64 / best,
                peak as f64 / 1024.0
            );
        }
    }
}

/// Runs one build in a child process; returns success and its peak RSS in KiB, read from
/// the kernel's high-water mark (`VmHWM` in `/proc/PID/status`) while the child runs.
fn run(binary: &Path, root: &Path, out: &Path) -> (bool, u64) {
    let mut child = Command::new(binary)
        .args(["build", "--root"])
        .arg(root)
        .arg("--out")
        .arg(out)
        .args(["--now", "2027-01-01"])
        .stdout(Stdio::null())
        .spawn()
        .expect("site-builder runs");
    let status_file = format!("/proc/{}/status", child.id());
    let mut peak = 0;
    loop {
        if let Some(kib) = std::fs::read_to_string(&status_file)
            .ok()
            .as_deref()
            .and_then(high_water_mark)
        {
            peak = peak.max(kib);
        }
        match child.try_wait().expect("the build can be waited for") {
            Some(status) => return (status.success(), peak),
            None => std::thread::sleep(std::time::Duration::from_millis(2)),
        }
    }
}

fn high_water_mark(status: &str) -> Option<u64> {
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}
