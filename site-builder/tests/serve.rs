//! `site-builder serve`, run for real on a copy of `tests/preview-site`: pages served with
//! the reload script, rebuilt on save, problems shown over open pages while the last good
//! site is still served, and a clean stop.

mod common;
mod serve_support;

use std::net::TcpListener;
use std::path::Path;
use std::process::Command;

use serve_support::{Event, Server};

fn preview_site() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/preview-site"))
}

fn build_number(server: &Server) -> u64 {
    let event = server.event().expect("the reload channel answers");
    assert_eq!(event.name, "built", "{event:?}");
    event.data.parse().unwrap()
}

/// The problems as `site-builder check` prints them, without its closing count.
fn problems_from_check(root: &Path) -> String {
    let output = Command::new(env!("CARGO_BIN_EXE_site-builder"))
        .arg("check")
        .arg("--root")
        .arg(root)
        .output()
        .unwrap();
    assert!(!output.status.success());
    let stderr = String::from_utf8(output.stderr).unwrap();
    stderr
        .split("\n\nThe site was not built")
        .next()
        .unwrap()
        .to_string()
}

#[test]
fn serves_rebuilds_shows_problems_and_stops() {
    let mut server = Server::start(preview_site(), &[]);

    // A page, with the reload script and the header policy instead of the <meta> one.
    let page = server.get("/hello/");
    assert_eq!(page.status, 200);
    assert!(page.body.contains("Call the helpline."), "{}", page.body);
    assert!(page
        .body
        .contains(r#"<script src="/__livereload.js" data-build="1" defer></script></head>"#));
    assert!(!page.body.contains("http-equiv=\"Content-Security-Policy\""));
    let policy = page.header("Content-Security-Policy").unwrap();
    assert!(policy.contains("script-src 'self'") && policy.ends_with("connect-src 'self'"));
    assert_eq!(page.header("Referrer-Policy"), Some("no-referrer"));
    assert_eq!(page.header("Cache-Control"), Some("no-store"));

    let script = server.get("/__livereload.js");
    assert_eq!(
        script.header("Content-Type"),
        Some("text/javascript; charset=utf-8")
    );
    assert!(script.body.contains("new EventSource(\"/__livereload\")"));
    assert!(!script.body.contains("innerHTML"));

    // Drafts are shown, marked; published pages are not.
    assert!(server
        .get("/draft/")
        .body
        .contains(r#"<p class="preview-marker">"#));
    assert!(!page.body.contains("preview-marker"));
    assert_eq!(server.get("/news").header("Location"), Some("/news/"));
    assert_eq!(server.get("/no-such-page/").status, 404);
    assert_eq!(build_number(&server), 1);

    // A saved change is served.
    server.edit(
        "content/hello.md",
        "Call the helpline.",
        "Call the new helpline.",
    );
    server.wait_for("the change to be served", |s| {
        s.get("/hello/")
            .body
            .contains("Call the new helpline.")
            .then_some(())
    });
    // (A save can reach the watcher in more than one burst, so count at least one build.)
    let built = build_number(&server);
    assert!(built >= 2, "{built}");
    assert!(!server.get("/hello/").body.contains(r#"data-build="1""#));

    // A mistake: open pages are told the problems, exactly as `check` words them, and
    // the last good page is still served.
    server.edit("content/hello.md", "title:", "titel:");
    let expected = problems_from_check(&server.root);
    let problems = server.wait_for("the problems", |s| {
        s.event()
            .filter(|e| e.name == "problems" && e.data == expected)
            .map(|e| e.data)
    });
    assert!(
        problems.starts_with("content/hello.md:2:1: error: "),
        "{problems}"
    );
    assert!(server
        .get("/hello/")
        .body
        .contains("Call the new helpline."));
    assert!(server.output().contains(&problems), "{}", server.output());

    // Fixed: the next good build replaces the problems.
    server.edit("content/hello.md", "titel:", "title:");
    server.wait_for("the fixed build", |s| {
        s.event()
            .filter(|e| e.name == "built" && e.data.parse::<u64>().unwrap() > built)
    });

    let (status, output) = server.interrupt();
    assert!(status.success(), "{status}\n{output}");
    assert!(output.ends_with("Stopped.\n"), "{output}");
}

#[test]
fn open_pages_hear_each_build_as_it_happens() {
    let server = Server::start(preview_site(), &[]);
    let mut events = server.listen();
    assert_eq!(events.next().unwrap().data, "1");
    server.edit("content/hello.md", "It is free.", "It is free and private.");
    // The same connection is told, without asking again.
    let next = events.next().unwrap();
    assert!(next.name == "built" || next.name == "problems", "{next:?}");
    assert_ne!(
        next,
        Event {
            name: "built".into(),
            data: "1".into()
        }
    );
}

#[test]
fn a_site_that_never_built_shows_its_problems_until_fixed() {
    let folder = tempfile::tempdir().unwrap();
    common::copy_tree(preview_site(), folder.path());
    let hello = folder.path().join("content/hello.md");
    let good = std::fs::read_to_string(&hello).unwrap();
    std::fs::write(&hello, good.replace("title:", "titel:")).unwrap();

    let mut server = Server::start(folder.path(), &[]);
    let page = server.get("/hello/");
    assert_eq!(page.status, 503);
    assert!(page.body.contains("/__livereload.js"));
    let event = server.event().unwrap();
    assert_eq!(event.name, "problems");

    std::fs::write(server.root.join("content/hello.md"), good).unwrap();
    server.wait_for("the first good build", |s| {
        (s.get("/hello/").status == 200).then_some(())
    });
}

#[test]
fn a_busy_port_suggests_another() {
    let taken = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = taken.local_addr().unwrap().port();
    let output = Command::new(env!("CARGO_BIN_EXE_site-builder"))
        .args(["serve", "--port", &port.to_string(), "--root"])
        .arg(preview_site())
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(
        String::from_utf8(output.stderr).unwrap(),
        format!(
            "error: 127.0.0.1:{port} is already in use, perhaps by another `site-builder serve`\n  \
             help: stop the other preview, or use another port: site-builder serve --port {}\n",
            port + 1
        )
    );
}
