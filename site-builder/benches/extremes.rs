//! Pages shaped to make a builder do quadratic or unbounded work, timed beside an ordinary
//! page of the same size: the reliability review's 20,000 equal headings (14.5 s before
//! the fix) and YAML nested 100,000 deep (23 s). Each is one page of a small site, checked
//! by the built binary; the figure is the median of five runs. A benchmark, not a test: it
//! reports figures and asserts only that each case ends as it should (built, or refused).
//!
//! `cargo bench -p site-builder --bench extremes`

use std::path::Path;
use std::process::Command;
use std::time::Instant;

const RUNS: usize = 5;

/// Without the search page: its index of 20,000 sections, and the build report's brotli
/// of it, are the search benchmark's business, not this one's.
const SETTINGS: &str = "title: Extremes\nbase_url: https://extremes.example.org\nsearch: false\nsupport:\n  - key: emergency\n    name: Police emergency\n    phone: \"999\"\n    checked: 2026-11-20\n";

fn main() {
    let cases: [(&str, String, bool); 5] = [
        ("20,000 paragraphs", "Words here.\n\n".repeat(20_000), true),
        ("20,000 headings `# h`", "# h\n".repeat(20_000), true),
        (
            "20,000 headings `## Same`",
            "## Same\n\n".repeat(20_000),
            true,
        ),
        ("50,000 headings `# h`", "# h\n".repeat(50_000), true),
        (
            "front matter nested 100,000 deep",
            String::new(),
            false, // refused, at its place
        ),
    ];
    println!("{:<36} {:>10}", "page", "check (s)");
    for (name, body, builds) in cases {
        let site = tempfile::tempdir().expect("a temp folder");
        let root = site.path();
        std::fs::create_dir_all(root.join("content")).expect("content/");
        std::fs::write(root.join("content/site.yaml"), SETTINGS).expect("site.yaml");
        std::fs::write(
            root.join("content/_index.md"),
            "---\ntitle: Home\n---\nHello.\n",
        )
        .expect("the home page");
        let front = match builds {
            true => "title: The page".to_string(),
            false => format!(
                "title: x\nextra: {}1{}",
                "[".repeat(100_000),
                "]".repeat(100_000)
            ),
        };
        std::fs::write(
            root.join("content/page.md"),
            format!("---\n{front}\n---\n{body}"),
        )
        .expect("the page");
        let mut times: Vec<f64> = (0..RUNS).map(|_| check(root, builds)).collect();
        times.sort_by(f64::total_cmp);
        println!("{name:<36} {:>10.3}", times[RUNS / 2]);
    }
}

/// Runs `site-builder check` on the site at `root`: its wall time.
fn check(root: &Path, builds: bool) -> f64 {
    let started = Instant::now();
    let output = Command::new(env!("CARGO_BIN_EXE_site-builder"))
        .args(["check", "--now", "2026-12-01", "--root"])
        .arg(root)
        .output()
        .expect("site-builder runs");
    let wall = started.elapsed().as_secs_f64();
    assert_eq!(
        output.status.success(),
        builds,
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    wall
}
