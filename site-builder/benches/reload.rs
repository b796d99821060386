//! Edit to served: the time from a file being written until `site-builder serve` serves
//! the page with the change (asked for every 2 ms, as a reloading page would), on the
//! example site and on synthetic sites of 1,000 and 10,000 pages. With `--hugo`, `hugo
//! server` serves the same synthetic pages side by side, and each save is made to both,
//! alternating which goes first. A benchmark, not a test: it reports figures and asserts
//! nothing about them.
//!
//! ```text
//! cargo bench -p site-builder --bench reload                     # example site, 1,000 and 10,000 pages
//! cargo bench -p site-builder --bench reload -- 10000 --hugo     # beside hugo server
//! cargo bench -p site-builder --bench reload -- 10000 --saves 20 --no-example
//! cargo bench -p site-builder --bench reload -- 10000 --hugo --settle 2000  # saves 2 s apart
//! ```

mod measure;
#[path = "../tests/serve_support/mod.rs"]
mod serve_support;
#[path = "../tests/sites/mod.rs"]
mod sites;
mod synthetic;

use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use measure::median;
use serve_support::Server;

/// Time to let a rebuild settle between saves, as between an editor's saves, unless
/// `--settle MS` says otherwise.
const SETTLE: Duration = Duration::from_millis(300);

struct Args {
    sizes: Vec<usize>,
    saves: usize,
    /// The wait before each save.
    settle: Duration,
    hugo: bool,
    example: bool,
}

fn main() {
    let args = parse(
        std::env::args()
            .skip(1)
            .filter(|a| a != "--bench")
            .collect(),
    );
    if args.hugo && !measure::installed("hugo") {
        eprintln!("--hugo: hugo is not installed; `bash scripts/install-hugo` installs it");
        std::process::exit(2);
    }
    println!("load average {} at the start", measure::load_average());
    if args.example {
        example(args.saves.max(20), args.settle);
    }
    for &pages in &args.sizes {
        synthetic_site(pages, &args);
    }
}

fn parse(args: Vec<String>) -> Args {
    let mut parsed = Args {
        sizes: Vec::new(),
        saves: 10,
        settle: SETTLE,
        hugo: false,
        example: true,
    };
    let mut args = args.into_iter();
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--hugo" => parsed.hugo = true,
            "--no-example" => parsed.example = false,
            "--settle" => {
                let ms = args
                    .next()
                    .and_then(|n| n.parse().ok())
                    .expect("--settle MS");
                parsed.settle = Duration::from_millis(ms)
            }
            "--saves" => {
                parsed.saves = args.next().and_then(|n| n.parse().ok()).expect("--saves N")
            }
            size => parsed.sizes.push(size.parse().expect("a number of pages")),
        }
    }
    if parsed.sizes.is_empty() {
        parsed.sizes = vec![1_000, 10_000];
    }
    parsed
}

/// The example site (this repository's `content/` and `templates/`).
fn example(saves: usize, settle: Duration) {
    let workspace = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let site = tempfile::tempdir().expect("a temp folder");
    for folder in ["content", "templates"] {
        sites::copy_tree(&workspace.join(folder), &site.path().join(folder));
    }
    let server = Server::start(site.path(), &[]);
    let ours = Tool::Ours(&server);
    println!("\nexample site, {saves} saves of each file, edit to served (ms):");
    header();
    for (file, url) in [
        ("content/privacy.md", "/privacy/"),
        ("templates/base.html", "/privacy/"),
    ] {
        let times: Vec<f64> = (0..saves)
            .map(|save| ours.save(file, url, save, settle))
            .collect();
        row(file, "site-builder", &times);
    }
}

/// A synthetic site, with Hugo beside it when asked.
fn synthetic_site(pages: usize, args: &Args) {
    let folder = tempfile::tempdir().expect("a temp folder");
    let ours_root = folder.path().join("ours");
    synthetic::generate(&ours_root, pages).expect("the synthetic site");
    let server = Server::start(&ours_root, &["--now", "2027-01-01"]);
    let hugo = args.hugo.then(|| {
        let root = folder.path().join("hugo");
        synthetic::hugo::generate(&root, pages).expect("the Hugo site");
        HugoServer::start(&root)
    });
    let mut tools = vec![("site-builder", Tool::Ours(&server))];
    if let Some(hugo) = &hugo {
        tools.push(("hugo server", Tool::Hugo(hugo)));
    }
    println!(
        "\n{pages} pages, {} saves of each file, edit to served (ms):",
        args.saves
    );
    header();
    let page = format!("section-3/page-{}", 3 + 10 * (pages / 20));
    for (what, ours_file, hugo_file) in [
        (
            "a page's body",
            format!("content/{page}.md"),
            format!("content/{page}.md"),
        ),
        (
            "the page template",
            "templates/page.html".into(),
            "layouts/_default/single.html".into(),
        ),
    ] {
        let url = format!("/{page}/");
        let mut times: Vec<Vec<f64>> = vec![Vec::new(); tools.len()];
        for save in 0..args.saves {
            for turn in 0..tools.len() {
                // Alternate which tool is saved to first.
                let i = (turn + save) % tools.len();
                let file = if i == 0 { &ours_file } else { &hugo_file };
                times[i].push(tools[i].1.save(file, &url, save, args.settle));
            }
        }
        for ((name, _), times) in tools.iter().zip(&times) {
            row(what, name, times);
        }
        if let [ours, theirs] = times.as_slice() {
            let ratios: Vec<f64> = ours.iter().zip(theirs).map(|(o, t)| t / o).collect();
            println!(
                "{:24} hugo server / site-builder, save by save: median {:.1} ({:.1} to {:.1})",
                "",
                median(&ratios),
                ratios.iter().copied().fold(f64::MAX, f64::min),
                ratios.iter().copied().fold(0.0, f64::max)
            );
        }
    }
}

fn header() {
    println!(
        "{:<24} {:<13} {:>7} {:>7} {:>7}",
        "file saved", "tool", "median", "p90", "max"
    );
}

fn row(what: &str, tool: &str, times: &[f64]) {
    let mut sorted = times.to_vec();
    sorted.sort_by(f64::total_cmp);
    let p90 = sorted[(sorted.len() * 9 / 10).min(sorted.len() - 1)];
    let max = sorted[sorted.len() - 1];
    println!(
        "{what:<24} {tool:<13} {:>7.0} {p90:>7.0} {max:>7.0}",
        median(times)
    );
}

/// A preview server whose pages can be asked for.
enum Tool<'a> {
    Ours(&'a Server),
    Hugo(&'a HugoServer),
}

impl Tool<'_> {
    fn root(&self) -> &Path {
        match self {
            Tool::Ours(server) => &server.root,
            Tool::Hugo(hugo) => &hugo.root,
        }
    }

    fn address(&self) -> &str {
        match self {
            Tool::Ours(server) => &server.address,
            Tool::Hugo(hugo) => &hugo.address,
        }
    }

    /// Saves `file` with a mark in it, and gives the milliseconds until `url` shows it.
    fn save(&self, file: &str, url: &str, save: usize, settle: Duration) -> f64 {
        std::thread::sleep(settle);
        let path = self.root().join(file);
        let text = std::fs::read_to_string(&path).expect("the file");
        let nanos = std::time::UNIX_EPOCH.elapsed().map_or(0, |t| t.as_nanos());
        let mark = format!("saved {save} at {nanos}");
        std::fs::write(&path, edit(&text, &mark)).expect("the save");
        let saved = Instant::now();
        while !fetch(self.address(), url).contains(&mark) {
            assert!(
                saved.elapsed() < Duration::from_secs(120),
                "{url} never showed {file}'s change"
            );
            std::thread::sleep(Duration::from_millis(2));
        }
        saved.elapsed().as_secs_f64() * 1000.0
    }
}

/// The text with `mark` added where it shows in the built page: a paragraph at the end
/// of a page's body, or before the end of a template's `<article>` or `<body>`.
fn edit(text: &str, mark: &str) -> String {
    let end = ["</article>", "</body>"]
        .iter()
        .find_map(|tag| text.rfind(tag));
    match end {
        Some(at) => format!("{}<p>{mark}</p>{}", &text[..at], &text[at..]),
        None => format!("{text}\nParagraph {mark}.\n"),
    }
}

/// `GET url` over a connection of its own, closed after the answer.
fn fetch(address: &str, url: &str) -> String {
    let Ok(mut stream) = TcpStream::connect(address) else {
        return String::new();
    };
    let request = format!("GET {url} HTTP/1.1\r\nHost: {address}\r\nConnection: close\r\n\r\n");
    let mut answer = Vec::new();
    let _ = stream.write_all(request.as_bytes());
    let _ = stream.read_to_end(&mut answer);
    String::from_utf8_lossy(&answer).into_owned()
}

/// `hugo server` on a site, serving from memory, stopped when dropped.
struct HugoServer {
    child: Child,
    root: PathBuf,
    address: String,
}

impl HugoServer {
    fn start(root: &Path) -> HugoServer {
        let port = TcpListener::bind("127.0.0.1:0")
            .and_then(|l| l.local_addr())
            .expect("a free port")
            .port();
        let child = Command::new("hugo")
            .args(["server", "--bind", "127.0.0.1", "--port", &port.to_string()])
            .arg("--source")
            .arg(root)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("hugo server runs");
        let server = HugoServer {
            child,
            root: root.to_path_buf(),
            address: format!("127.0.0.1:{port}"),
        };
        let started = Instant::now();
        while !fetch(&server.address, "/").starts_with("HTTP/1.1 200") {
            assert!(
                started.elapsed() < Duration::from_secs(300),
                "hugo server did not start"
            );
            std::thread::sleep(Duration::from_millis(100));
        }
        server
    }
}

impl Drop for HugoServer {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
