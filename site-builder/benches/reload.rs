//! Save-to-reload time of `site-builder serve` on the example site (`content/` and
//! `templates/` of this repository): from a file being saved to an open page hearing of
//! the new build and fetching the rebuilt page, as its reload does. A benchmark, not a
//! test: it reports figures and asserts nothing about them.
//!
//! `cargo bench -p site-builder --bench reload` (add `-- 40` for more saves than 20).

#[path = "../tests/serve_support/mod.rs"]
mod serve_support;
#[path = "../tests/sites/mod.rs"]
mod sites;

use std::path::Path;
use std::time::{Duration, Instant};

use serve_support::Server;

fn main() {
    let saves: usize = std::env::args()
        .skip(1)
        .find_map(|a| a.parse().ok())
        .unwrap_or(20);
    let workspace = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let example = tempfile::tempdir().expect("a temp folder");
    for folder in ["content", "templates"] {
        sites::copy_tree(&workspace.join(folder), &example.path().join(folder));
    }
    let server = Server::start(example.path(), &[]);
    let mut page = server.listen();
    page.next().expect("the first build");

    println!("{saves} saves of each file, example site, release build:");
    println!(
        "{:<22} {:>8} {:>8} {:>8}   of which the build (median)",
        "file saved", "median", "p90", "max"
    );
    for (file, url) in [
        ("content/privacy.md", "/privacy/"),
        ("templates/base.html", "/privacy/"),
    ] {
        let mut times = Vec::with_capacity(saves);
        let mut builds = Vec::with_capacity(saves);
        for save in 0..saves {
            // Let the previous rebuild settle, as between an editor's saves.
            std::thread::sleep(Duration::from_millis(300));
            let path = server.root.join(file);
            let text = std::fs::read_to_string(&path).expect("the file");
            std::fs::write(&path, edit(&text, save)).expect("the save");
            let saved = Instant::now();
            let event = page.next().expect("the reload channel");
            assert_eq!(event.name, "built", "the rebuild failed:\n{}", event.data);
            let body = server.get(url).body;
            times.push(saved.elapsed());
            assert!(
                body.contains(&format!("saved {save}")),
                "the page was not rebuilt"
            );
            builds.push(last_build_ms(&server.output()));
        }
        times.sort();
        builds.sort();
        println!(
            "{:<22} {:>5} ms {:>5} ms {:>5} ms   {} ms",
            file,
            times[times.len() / 2].as_millis(),
            times[times.len() * 9 / 10].as_millis(),
            times[times.len() - 1].as_millis(),
            builds[builds.len() / 2]
        );
    }
}

/// The text with `saved N` added where it shows up in the built page.
fn edit(text: &str, save: usize) -> String {
    match text.rfind("</body>") {
        Some(at) => format!("{}<!-- saved {save} -->{}", &text[..at], &text[at..]),
        None => format!("{text}\nParagraph saved {save}.\n"),
    }
}

/// The build time in serve's last "Built ... in N ms." line.
fn last_build_ms(output: &str) -> u128 {
    output
        .lines()
        .rev()
        .find_map(|line| {
            let (_, rest) = line.strip_prefix("Built ")?.rsplit_once(" in ")?;
            rest.split(' ').next()?.parse().ok()
        })
        .unwrap_or_default()
}
