//! The live preview's build, kept in memory and built again after each change, gives
//! exactly what a fresh build writes: after every step of a sequence of edits to pages
//! (in English, which the search index holds, and in Welsh), templates, interface
//! strings, the settings, the self-check and static files, every file is compared, byte
//! for byte, with a full build of the same sources (and a failed step's problems with the
//! full build's).

mod sites;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use site_builder::{Date, Files, Live, Options};

fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn options(root: &Path) -> Options {
    let mut options = Options::new(root);
    options.drafts = true;
    options.previews = true;
    options.now = Some("2026-12-01".parse::<Date>().unwrap());
    options
}

/// A site being edited, its live build, and a folder for the full builds.
struct Preview {
    _temp: tempfile::TempDir,
    root: PathBuf,
    full: PathBuf,
    live: Live,
    steps: usize,
    /// How many pages the last live build made again.
    made: usize,
}

impl Preview {
    fn new(site: &[(&Path, &str)]) -> Preview {
        let temp = tempfile::tempdir().unwrap();
        let root = temp.path().join("site");
        for (from, to) in site {
            sites::copy_tree(from, &root.join(to));
        }
        let live = Live::new(options(&root));
        let mut preview = Preview {
            full: temp.path().join("full"),
            _temp: temp,
            root,
            live,
            steps: 0,
            made: 0,
        };
        preview.step("the first build", &[]);
        preview
    }

    fn path(&self, file: &str) -> PathBuf {
        self.root.join(file)
    }

    fn write(&mut self, file: &str, text: &str) {
        let path = self.path(file);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }

    fn edit(&mut self, file: &str, old: &str, new: &str) {
        let text = std::fs::read_to_string(self.path(file)).unwrap();
        assert!(text.contains(old), "{file} has no {old:?}");
        self.write(file, &text.replacen(old, new, 1));
        self.step(&format!("{file}: {old:?} -> {new:?}"), &[file]);
    }

    /// Builds again after `changed`, and compares with a full build.
    fn step(&mut self, what: &str, changed: &[&str]) {
        self.steps += 1;
        let changed: Vec<PathBuf> = changed.iter().map(|f| self.path(f)).collect();
        self.live.changed(&changed);
        let live = self.live.build();
        let mut options = options(&self.root);
        options.out = Some(self.full.clone());
        let full = site_builder::build(&options);
        match (live, full) {
            (Ok((report, files)), Ok(_)) => {
                same_files(what, &files, &self.full);
                self.made = report.made;
                eprintln!("{what}: {} pages made", report.made);
            }
            (Err(live), Err(full)) => assert_eq!(live.lines(), full.lines(), "{what}"),
            (live, full) => panic!(
                "{what}: the live build {} and the full build {}",
                outcome(live.map(drop)),
                outcome(full.map(drop))
            ),
        }
    }
}

fn outcome(result: Result<(), site_builder::Error>) -> String {
    match result {
        Ok(()) => "worked".into(),
        Err(e) => format!("failed:\n{}", e.lines()),
    }
}

/// Every file of the folder a build wrote, but the marker a build leaves in it.
fn written(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .map(Result::unwrap)
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            let rel = e.path().strip_prefix(dir).unwrap();
            let rel = rel.to_string_lossy().replace('\\', "/");
            (rel, std::fs::read(e.path()).unwrap())
        })
        .filter(|(rel, _)| rel != ".site-builder-output")
        .collect()
}

fn same_files(what: &str, files: &Files, dir: &Path) {
    let on_disk = written(dir);
    let in_memory: BTreeMap<String, Vec<u8>> = files
        .paths()
        .map(|p| {
            (
                p.to_string(),
                files.get(p).unwrap().read().unwrap().to_vec(),
            )
        })
        .collect();
    let names = |files: &BTreeMap<String, Vec<u8>>| files.keys().cloned().collect::<Vec<_>>();
    assert_eq!(
        names(&in_memory),
        names(&on_disk),
        "{what}: the files differ"
    );
    for (path, bytes) in &on_disk {
        if &in_memory[path] != bytes {
            panic!(
                "{what}: {path} differs:\n--- live\n{}\n--- full build\n{}",
                String::from_utf8_lossy(&in_memory[path]),
                String::from_utf8_lossy(bytes)
            );
        }
    }
}

#[test]
fn the_example_site_edited_step_by_step_is_built_as_a_full_build_builds_it() {
    let mut site = Preview::new(&[(&workspace().join("content"), "content")]);
    let theme = |name: &str| String::from_utf8(site_builder::theme::get(name).unwrap().to_vec());
    // A page's body, then its title and description (its section lists them).
    let page = "content/get-help/reporting.md";
    site.edit(
        page,
        "You can report stalking even if",
        "You can report it even if",
    );
    // Only the page itself is made again, and the search pages that name an index the
    // page's words are in: English, and Urdu, where the page has no translation and is
    // searched as a fallback (it has a Welsh translation).
    assert_eq!(site.made, 3);
    site.edit(
        page,
        "title: Reporting stalking to the police",
        "title: Reporting it",
    );
    site.edit(page, "weight: 3", "weight: 30");
    // Its Welsh translation: its body (the page, and the Welsh search page, whose index
    // changed), its title (the Welsh section lists it), and a Welsh interface string.
    let welsh = "content/get-help/reporting.cy.md";
    site.edit(
        welsh,
        "Gallwch chi ddod ymlaen unrhyw bryd.",
        "Gallwch chi ddod ymlaen.",
    );
    assert_eq!(site.made, 2);
    site.edit(
        welsh,
        "title: Rhoi gwybod i'r heddlu am stelcio",
        "title: Rhoi gwybod",
    );
    let strings = theme("strings/cy.ftl").unwrap();
    site.write("templates/strings/cy.ftl", &format!("{strings}\n"));
    site.step("templates/strings/cy.ftl added", &["templates"]);
    let first = strings
        .lines()
        .find(|l| l.contains(" = ") && !l.starts_with('#'))
        .unwrap();
    site.edit(
        "templates/strings/cy.ftl",
        first,
        &format!("{first} (newydd)"),
    );
    std::fs::remove_dir_all(site.path("templates")).unwrap();
    site.step("templates/strings removed", &["templates"]);
    // A page out of the search index, and back in.
    site.edit(page, "weight: 30", "weight: 30\nsearch: false");
    site.edit(page, "weight: 30\nsearch: false", "weight: 30");
    // A heading other pages link to: those links break, and are fixed again.
    site.edit(page, "## How to report", "## Ways to report");
    site.edit(page, "## Ways to report", "## How to report");
    // A section's title, in its pages' breadcrumbs.
    let section = "content/understanding-stalking/_index.md";
    let text = std::fs::read_to_string(site.path(section)).unwrap();
    let title = text
        .lines()
        .find(|l| l.starts_with("title:"))
        .unwrap()
        .to_string();
    site.edit(section, &title, "title: What stalking is");
    // A template of the theme replaced, then a partial it includes, then both removed.
    let page_html = theme("page.html").unwrap();
    site.write(
        "templates/page.html",
        &page_html.replace("</article>", "<p>Checked.</p></article>"),
    );
    site.step(
        "templates/page.html added",
        &["templates/page.html", "templates"],
    );
    let help = theme("partials/help-now.html").unwrap();
    site.write(
        "templates/partials/help-now.html",
        &format!("<p>Help is here.</p>{help}"),
    );
    site.step("a partial added", &["templates/partials"]);
    site.edit(
        "templates/partials/help-now.html",
        "Help is here.",
        "Help is near.",
    );
    std::fs::remove_dir_all(site.path("templates")).unwrap();
    site.step("templates/ removed", &["templates"]);
    // The settings: every page.
    site.edit(
        "content/site.yaml",
        "organisation: Example",
        "organisation: An Example",
    );
    // A new page, linked from another, then gone again (and the link with it).
    site.write(
        "content/get-help/new.md",
        "---\ntitle: New\n---\nA new page.\n",
    );
    site.step("a page added", &["content/get-help/new.md"]);
    site.edit(
        page,
        "You can report it even if",
        "You can report it ([new](@/get-help/new.md)) even if",
    );
    std::fs::remove_file(site.path("content/get-help/new.md")).unwrap();
    site.step("a linked page removed", &["content/get-help/new.md"]);
    site.edit(page, " ([new](@/get-help/new.md))", "");
    // The self-check's text, then its logic: an example that fails, and fixed.
    let questions = "content/self-check/questions.yaml";
    site.edit(
        questions,
        "label: \"Yes, I am in danger now\"",
        "label: \"Yes, I am in danger\"",
    );
    site.edit(questions, "expect: ", "expect: no-such-outcome-");
    site.edit(questions, "expect: no-such-outcome-", "expect: ");
    // A file in static/, changed, then removed.
    site.write("static/leaflet.txt", "Ask for help.\n");
    site.step("static/ added", &["static"]);
    site.edit("static/leaflet.txt", "Ask", "Always ask");
    std::fs::remove_file(site.path("static/leaflet.txt")).unwrap();
    site.step("static/leaflet.txt removed", &["static/leaflet.txt"]);
    // A page's front matter broken and mended.
    site.edit(page, "title: Reporting it", "titel: Reporting it");
    site.edit(page, "titel: Reporting it", "title: Reporting it");
}

#[test]
fn a_site_with_its_own_templates_edited_step_by_step_is_built_as_a_full_build_builds_it() {
    let base = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/base");
    let mut site = Preview::new(&[(&base, "")]);
    site.edit("templates/base.html", "<main", "<p>Top.</p>\n<main");
    site.edit(
        "templates/page.html",
        "{{ page.title }}",
        "{{ page.title }}!",
    );
    site.edit("content/guides/first.md", "Keep a record", "Keep a diary");
    site.edit(
        "templates/section.html",
        "{{ section.title }}",
        "{{ section.title | upper }}",
    );
    site.edit(
        "templates/page.html",
        "{{ page.title }}!",
        "{{ page.title }",
    );
    site.edit("templates/page.html", "{{ page.title }", "{{ page.title }}");
    site.edit(
        "content/site.yaml",
        "title: Test Awareness Site",
        "title: Another Site",
    );
}

#[test]
fn the_pages_are_served_before_their_search_index_with_the_last_index_whole() {
    let mut site = Preview::new(&[(&workspace().join("content"), "content")]);
    let page = "content/get-help/reporting.md";
    let text = std::fs::read_to_string(site.path(page)).unwrap();
    site.write(
        page,
        &text.replacen("You can report stalking", "You may report stalking", 1),
    );
    site.live.changed(&[site.path(page)]);
    let (_, served) = site.live.build_pages().unwrap();
    // The page has its change; the search page still names the last index, which is
    // served beside it.
    let reporting = text_of(&served, "get-help/reporting/index.html");
    assert!(reporting.contains("You may report stalking"));
    let search = text_of(&served, "search/index.html");
    let named = search.split("/assets/search-index.").nth(1).unwrap();
    let index = format!("assets/search-index.{}", &named[..named.find('"').unwrap()]);
    assert!(served.get(&index).is_some(), "{index} is not served");
    // Then the index: every file is what a full build writes.
    let indexed = site.live.build_index().unwrap().unwrap();
    assert!(
        indexed.files.get(&index).is_none(),
        "the old index is still there"
    );
    as_a_full_build(&site, "the index made after the pages", &indexed.files);
    assert!(site.live.build_index().is_none(), "the index is made once");
}

/// The pages an edit changes, with the file the editor has open made first: what the
/// preview is handed early, and the files it is told are still to come.
fn first_pages(site: &mut Preview, open: &str) -> Option<(Files, Vec<String>)> {
    let first = std::collections::HashSet::from([open.to_string()]);
    let mut early = None;
    let built = site.live.build_pages_first(&first, |files, waiting| {
        assert!(early.is_none(), "the first pages are handed over once");
        let mut waiting: Vec<String> = waiting.into_iter().collect();
        waiting.sort();
        early = Some((files, waiting));
    });
    built.map(|_| ()).unwrap_or_else(|e| panic!("{e}"));
    early
}

fn text_of(files: &Files, file: &str) -> String {
    String::from_utf8_lossy(&files.get(file).unwrap().read().unwrap()).into_owned()
}

/// The example site with the theme's templates beside it, to edit them.
fn with_templates() -> Preview {
    Preview::new(&[
        (&workspace().join("content"), "content"),
        (&workspace().join("templates"), "templates"),
    ])
}

/// Saves `base.html` with `words` at the end of every page's main part, and says so.
fn save_base(site: &mut Preview, base: &str, words: &str) {
    site.write(
        "templates/base.html",
        &base.replacen("</main>", &format!("<p>{words}</p></main>"), 1),
    );
    site.live.changed(&[site.path("templates/base.html")]);
}

/// Compares `files` with a fresh full build of the site.
fn as_a_full_build(site: &Preview, what: &str, files: &Files) {
    let mut options = options(&site.root);
    options.out = Some(site.full.clone());
    site_builder::build(&options).unwrap();
    same_files(what, files, &site.full);
}

#[test]
fn a_template_edit_serves_the_open_page_first_then_the_site_a_full_build_writes() {
    let mut site = with_templates();
    let open = "get-help/reporting/index.html";
    let base = std::fs::read_to_string(site.path("templates/base.html")).unwrap();
    save_base(&mut site, &base, "Edited base");
    let (files, waiting) = first_pages(&mut site, open).expect("the open page comes first");
    assert!(text_of(&files, open).contains("Edited base"));
    // Every other page is still to come, and meanwhile is as it was.
    assert!(!waiting.iter().any(|f| f == open), "{waiting:?}");
    for other in ["index.html", "get-help/index.html", "404.html"] {
        assert!(waiting.iter().any(|f| f == other), "{other} is not waiting");
        assert!(!text_of(&files, other).contains("Edited base"), "{other}");
    }
    // The rest, then the index: every file is what a full build writes.
    let indexed = site.live.build_index().unwrap().unwrap();
    as_a_full_build(&site, "after the open page first", &indexed.files);

    // An edit to the open page alone has nothing to make after it.
    let page = "content/get-help/reporting.md";
    let text = std::fs::read_to_string(site.path(page)).unwrap();
    site.write(page, &(text + "\nOne more line.\n"));
    site.live.changed(&[site.path(page)]);
    assert!(first_pages(&mut site, open).is_none());
    let indexed = site.live.build_index().unwrap().unwrap();
    as_a_full_build(&site, "after the open page's own edit", &indexed.files);
}

#[test]
fn an_open_page_with_problems_is_not_served_before_the_build_ends() {
    let mut site = with_templates();
    let open = "get-help/reporting/index.html";
    let base = std::fs::read_to_string(site.path("templates/base.html")).unwrap();
    // Without the quick exit's skip link, every page fails its checks.
    let start = base
        .find("<a class=\"skip-link\" href=\"{{ site.exit_url }}\"")
        .unwrap();
    let end = start + base[start..].find("</a>").unwrap() + "</a>".len();
    site.write(
        "templates/base.html",
        &format!("{}{}", &base[..start], &base[end..]),
    );
    site.live.changed(&[site.path("templates/base.html")]);
    let first = std::collections::HashSet::from([open.to_string()]);
    let mut early = false;
    let built = site.live.build_pages_first(&first, |_, _| early = true);
    assert!(built.is_err(), "the build fails");
    assert!(!early, "the open page was handed over with its problem");
}

#[test]
fn a_build_stopped_for_a_newer_save_keeps_what_it_made_and_the_next_is_whole() {
    let mut site = with_templates();
    let all = site.made;
    let open = "get-help/reporting/index.html";
    let base = std::fs::read_to_string(site.path("templates/base.html")).unwrap();
    save_base(&mut site, &base, "First save");
    // The newer save comes while the open page is being shown.
    let stop = site.live.stopper();
    let first = std::collections::HashSet::from([open.to_string()]);
    let mut shown = None;
    let built = site.live.build_pages_first(&first, |files, _| {
        shown = Some(text_of(&files, open));
        stop.store(true, std::sync::atomic::Ordering::Relaxed);
    });
    assert!(
        matches!(built, Err(site_builder::Error::Superseded)),
        "the build went on"
    );
    assert!(shown.unwrap().contains("First save"));
    // What it made is kept: the next build makes the rest, not the open page again.
    site.step("the rest of the first save", &[]);
    assert!(site.made < all, "{} of {all} pages made again", site.made);
    save_base(&mut site, &base, "Second save");
    site.step("the newer save", &["templates/base.html"]);
}

#[test]
fn a_search_index_stopped_for_a_newer_save_is_made_by_the_next_build() {
    let mut site = Preview::new(&[(&workspace().join("content"), "content")]);
    let page = "content/get-help/reporting.md";
    let text = std::fs::read_to_string(site.path(page)).unwrap();
    site.write(page, &text.replacen("You can report", "You may report", 1));
    site.live.changed(&[site.path(page)]);
    site.live.build_pages().unwrap();
    site.live
        .stopper()
        .store(true, std::sync::atomic::Ordering::Relaxed);
    let indexed = site.live.build_index().expect("an index to make");
    assert!(matches!(indexed, Err(site_builder::Error::Superseded)));
    site.write(
        page,
        &text.replacen("You can report", "You might report", 1),
    );
    site.step("the newer save", &[page]);
}

#[test]
fn pages_kept_from_a_stopped_build_are_shown_as_it_made_them() {
    let mut site = with_templates();
    let (edited, other) = ("get-help/reporting/index.html", "privacy/index.html");
    let open = std::collections::HashSet::from([edited.to_string(), other.to_string()]);
    let base = std::fs::read_to_string(site.path("templates/base.html")).unwrap();
    save_base(&mut site, &base, "Edited base");
    // Both open pages are made first; then a newer save stops the rest.
    let stop = site.live.stopper();
    let built = site.live.build_pages_first(&open, |_, _| {
        stop.store(true, std::sync::atomic::Ordering::Relaxed)
    });
    assert!(matches!(built, Err(site_builder::Error::Superseded)));
    // The newer save changes one open page; the other is kept as the stopped build made
    // it, and is shown so, not as the build before it made it.
    let page = "content/get-help/reporting.md";
    let text = std::fs::read_to_string(site.path(page)).unwrap();
    site.write(page, &(text + "\nOne more line.\n"));
    site.live.changed(&[site.path(page)]);
    let mut early = None;
    site.live
        .build_pages_first(&open, |files, _| early = Some(text_of(&files, other)))
        .unwrap();
    assert!(early.expect("the open page first").contains("Edited base"));
    let indexed = site.live.build_index().unwrap().unwrap();
    as_a_full_build(&site, "after the stopped build", &indexed.files);
}
