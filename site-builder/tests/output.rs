//! The output folder, through the real command: a build refuses any `--out` that would
//! replace a source or a folder it did not make, and then touches nothing; it replaces its
//! own output in one step, even when killed; it removes what killed builds left; and one
//! build at a time writes to an output.

mod sites;

use std::collections::BTreeMap;
use std::fs::File;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::time::Duration;

fn base() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/base")
}

/// A copy of the base site in `root`, inside a folder of its own (`folder`), already
/// built once into `root/public`.
struct Site {
    _temp: tempfile::TempDir,
    folder: PathBuf,
    root: PathBuf,
}

impl Site {
    fn new() -> Site {
        let temp = tempfile::tempdir().unwrap();
        let folder = temp.path().to_path_buf();
        let root = folder.join("site");
        sites::copy_tree(&base(), &root);
        let site = Site {
            _temp: temp,
            folder,
            root,
        };
        site.build_ok(&[]);
        site
    }

    fn command(&self, extra: &[&str]) -> Command {
        let mut command = Command::new(env!("CARGO_BIN_EXE_site-builder"));
        // Run in the site's folder, as an editor does, so messages show short paths.
        command
            .current_dir(&self.root)
            .args(["build", "--root", ".", "--now", "2026-11-28"])
            .args(extra);
        command
    }

    fn build(&self, extra: &[&str]) -> Output {
        self.command(extra).output().unwrap()
    }

    fn build_ok(&self, extra: &[&str]) {
        let output = self.build(extra);
        assert!(output.status.success(), "{}", text(&output.stderr));
    }

    /// The names in the site's folder that start with a dot: staging folders and locks.
    fn dot_files(&self) -> Vec<String> {
        let mut names: Vec<String> = std::fs::read_dir(&self.root)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|n| n.starts_with('.'))
            .collect();
        names.sort();
        names
    }
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// Every folder, link and file under `dir`, each file with a hash of its bytes.
fn snapshot(dir: &Path) -> BTreeMap<PathBuf, String> {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .map(Result::unwrap)
        .map(|entry| {
            let kind = entry.file_type();
            let what = if kind.is_symlink() {
                format!(
                    "link to {}",
                    std::fs::read_link(entry.path()).unwrap().display()
                )
            } else if kind.is_dir() {
                "folder".to_string()
            } else {
                blake3::hash(&std::fs::read(entry.path()).unwrap()).to_string()
            };
            (entry.path().strip_prefix(dir).unwrap().to_path_buf(), what)
        })
        .collect()
}

/// A build into `out` fails with exactly `message` (its first line, after the path),
/// and every byte around the site is as it was.
fn assert_refused(site: &Site, out: &str, message: &str, help: &str) {
    let before = snapshot(&site.folder);
    let output = site.build(&["--out", out]);
    assert_eq!(output.status.code(), Some(1), "--out {out}");
    assert_eq!(
        text(&output.stderr),
        format!(
            "{out}:1:1: error: {message}\n  help: {help}\n\nThe site was not built: 1 problem to fix.\n"
        ),
        "--out {out}"
    );
    assert_eq!(text(&output.stdout), "", "--out {out}");
    assert!(
        snapshot(&site.folder) == before,
        "--out {out} changed files around the site"
    );
}

const OWN_FOLDER: &str =
    "build into a folder of its own, such as public/ in the site's folder (the default)";

#[test]
fn an_output_that_would_replace_the_sources_is_refused_untouched() {
    let site = Site::new();
    std::fs::create_dir(site.root.join("static")).unwrap();
    std::fs::write(site.root.join("static/logo.svg"), "<svg/>").unwrap();
    let is = |name: &str| {
        format!("the output folder is the site's {name}/ folder: a build would replace it")
    };
    let holds = "the output folder holds the site: a build would replace content/ and templates/";
    let cases = [
        (
            ".",
            "the output folder is the site's own folder: a build would replace content/ and templates/".to_string(),
        ),
        ("..", holds.to_string()),
        // The file-system root holds every site.
        ("/", holds.to_string()),
        ("content", is("content")),
        ("templates", is("templates")),
        ("static", is("static")),
        ("public/../content", is("content")),
        ("public/../../site/templates/", is("templates")),
        (
            "content/site.yaml",
            "the output folder is inside the site's content/ folder: the built site would be mixed into its sources".to_string(),
        ),
        (
            "templates/public",
            "the output folder is inside the site's templates/ folder: the built site would be mixed into its sources".to_string(),
        ),
    ];
    for (out, message) in &cases {
        assert_refused(&site, out, message, OWN_FOLDER);
    }
}

#[test]
fn a_bad_output_is_refused_before_the_build_looks_at_the_pages() {
    let site = Site::new();
    let first = site.root.join("content/guides/first.md");
    let page = std::fs::read_to_string(&first).unwrap();
    std::fs::write(&first, page.replacen("title:", "titel:", 1)).unwrap();
    assert_refused(
        &site,
        "content",
        "the output folder is the site's content/ folder: a build would replace it",
        OWN_FOLDER,
    );
}

#[cfg(unix)]
#[test]
fn an_output_through_a_link_is_refused_where_the_link_leads() {
    let site = Site::new();
    std::os::unix::fs::symlink(site.root.join("content"), site.folder.join("to-content")).unwrap();
    std::os::unix::fs::symlink("..", site.root.join("up")).unwrap();
    assert_refused(
        &site,
        "../to-content",
        "the output folder is the site's content/ folder: a build would replace it",
        OWN_FOLDER,
    );
    assert_refused(
        &site,
        "../to-content/news",
        "the output folder is inside the site's content/ folder: the built site would be mixed into its sources",
        OWN_FOLDER,
    );
    // `up/..` is the site's folder's parent's parent, not the site's folder.
    assert_refused(
        &site,
        "up/..",
        "the output folder holds the site: a build would replace content/ and templates/",
        OWN_FOLDER,
    );
}

#[test]
fn a_file_or_a_folder_no_build_made_is_refused_untouched() {
    let site = Site::new();
    std::fs::write(site.folder.join("notes.txt"), "my notes").unwrap();
    assert_refused(
        &site,
        "../notes.txt",
        "the output folder is a file: a build would replace it",
        "choose a folder for the built site, such as public/ in the site's folder (the default)",
    );

    let unmarked = "the output folder is not empty, and no build made it: a build would replace everything in it";
    let delete = "builds leave a `.site-builder-output` file in their folder and this one has none (nor do folders built before site-builder began to mark them): delete the folder yourself or choose another --out";
    std::fs::create_dir(site.folder.join("photos")).unwrap();
    std::fs::write(site.folder.join("photos/holiday.jpg"), "jpeg").unwrap();
    assert_refused(&site, "../photos", unmarked, delete);

    // An output built before builds were marked is refused too, also when it is the
    // default `public/`.
    std::fs::remove_file(site.root.join("public/.site-builder-output")).unwrap();
    assert_refused(&site, "public", unmarked, delete);
    let before = snapshot(&site.folder);
    let output = site.build(&[]);
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(
        text(&output.stderr),
        format!("./public:1:1: error: {unmarked}\n  help: {delete}\n\nThe site was not built: 1 problem to fix.\n")
    );
    assert!(snapshot(&site.folder) == before);
}

#[test]
fn a_build_replaces_its_own_output_and_an_empty_folder() {
    let site = Site::new();
    let marker = std::fs::read_to_string(site.root.join("public/.site-builder-output")).unwrap();
    assert!(marker.starts_with("This folder is a site built by site-builder."));

    let first = site.root.join("content/guides/first.md");
    let page = std::fs::read_to_string(&first).unwrap();
    std::fs::write(&first, page.replace("Keep a record", "Keep a diary")).unwrap();
    site.build_ok(&[]);
    let built = std::fs::read_to_string(site.root.join("public/guides/first/index.html")).unwrap();
    assert!(built.contains("Keep a diary"), "{built}");
    assert!(site.root.join("public/.site-builder-output").is_file());
    // The site it replaced is moved aside, whole, for the next build to remove.
    assert_eq!(site.dot_files(), vec![".public.old".to_string()]);
    let old = std::fs::read_to_string(site.root.join(".public.old/guides/first/index.html"));
    assert!(old.unwrap().contains("Keep a record"));
    site.build_ok(&[]);
    let old = std::fs::read_to_string(site.root.join(".public.old/guides/first/index.html"));
    assert!(old.unwrap().contains("Keep a diary"));

    std::fs::create_dir(site.folder.join("empty")).unwrap();
    site.build_ok(&["--out", "../empty"]);
    assert!(site.folder.join("empty/guides/first/index.html").is_file());
    site.build_ok(&["--out", "../new/deeper"]);
    assert!(site.folder.join("new/deeper/index.html").is_file());
}

#[test]
fn the_next_build_removes_what_killed_builds_left() {
    let site = Site::new();
    for stale in [".public.building-4242/guides", ".public.building-17.old"] {
        std::fs::create_dir_all(site.root.join(stale)).unwrap();
    }
    std::fs::write(site.root.join(".public.building-4242/index.html"), "half").unwrap();
    std::fs::write(site.root.join(".public.building-99"), "").unwrap();
    // Not a staging folder of this output: left alone.
    std::fs::create_dir(site.root.join(".public.building-notes")).unwrap();
    File::create(site.root.join(".public.lock")).unwrap();
    site.build_ok(&[]);
    assert_eq!(site.dot_files(), [".public.building-notes", ".public.old"]);
}

#[test]
fn a_second_build_into_the_same_output_stops_at_once() {
    let site = Site::new();
    // Hold the lock as a running build would.
    let lock = File::create(site.root.join(".public.lock")).unwrap();
    lock.try_lock().unwrap();
    let before = snapshot(&site.folder);
    let output = site.build(&[]);
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(
        text(&output.stderr),
        "./public:1:1: error: another build is writing to this output folder right now\n  \
         help: wait for that build to finish, then build again\n\n\
         The site was not built: 1 problem to fix.\n"
    );
    assert!(snapshot(&site.folder) == before);

    drop(lock);
    site.build_ok(&[]);
    assert_eq!(site.dot_files(), [".public.old"]);
}

/// Adds `pages` small pages to the site, so a build takes long enough to be killed.
fn grow(root: &Path, pages: usize) {
    let folder = root.join("content/many");
    std::fs::create_dir(&folder).unwrap();
    std::fs::write(
        folder.join("_index.md"),
        "---\ntitle: Many\n---\nMany pages.\n",
    )
    .unwrap();
    for n in 0..pages {
        std::fs::write(
            folder.join(format!("page-{n}.md")),
            format!("---\ntitle: Page {n}\n---\nPage number {n} has a few words.\n"),
        )
        .unwrap();
    }
}

fn kill(mut child: Child) {
    // The build may have finished already; then there is nothing to kill.
    let _ = child.kill();
    child.wait().unwrap();
}

/// kill -9 at many moments of a build: `public/` is always either the old site or the
/// whole new one, byte for byte, and the next build leaves no staging folder behind.
#[test]
fn a_killed_build_leaves_the_old_site_or_the_new_one() {
    let site = Site::new();
    grow(&site.root, 2_000);
    let settings = site.root.join("content/site.yaml");
    let yaml = std::fs::read_to_string(&settings).unwrap();
    let version = |name: &str| {
        let titled = yaml.replace("title: Test Awareness Site", &format!("title: {name}"));
        assert_ne!(titled, yaml);
        std::fs::write(&settings, titled).unwrap();
    };
    version("Version B");
    site.build_ok(&[]);
    let b = snapshot(&site.root.join("public"));
    version("Version A");
    site.build_ok(&[]);
    let a = snapshot(&site.root.join("public"));
    assert!(a != b && a.len() > 2_000);

    let mut current = 'A';
    let mut left_staging = 0;
    for delay in [20, 50, 100, 200, 350, 500, 700, 1_000, 1_400, 2_000] {
        let next = if current == 'A' { 'B' } else { 'A' };
        version(&format!("Version {next}"));
        let child = site.command(&[]).stdout(Stdio::null()).spawn().unwrap();
        std::thread::sleep(Duration::from_millis(delay));
        kill(child);
        let public = snapshot(&site.root.join("public"));
        if public == b {
            current = 'B';
        } else if public == a {
            current = 'A';
        } else {
            panic!("killed after {delay} ms, public/ is neither the old site nor the new one");
        }
        if site
            .dot_files()
            .iter()
            .any(|n| n.starts_with(".public.building-"))
        {
            left_staging += 1;
        }
    }
    assert!(
        left_staging > 0,
        "no kill landed during a build, so nothing was tested"
    );

    let next = if current == 'A' { 'B' } else { 'A' };
    version(&format!("Version {next}"));
    site.build_ok(&[]);
    assert!(snapshot(&site.root.join("public")) == if next == 'A' { a } else { b });
    assert_eq!(site.dot_files(), [".public.old"]);
}
