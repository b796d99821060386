//! `site-builder serve`, run for real on a copy of `tests/preview-site`: pages served with
//! the reload script, rebuilt on save, problems shown over open pages while the last good
//! site is still served, and a clean stop.

mod serve_support;
mod sites;
#[path = "../benches/synthetic/mod.rs"]
#[allow(dead_code)] // the benchmarks use the rest
mod synthetic;

use std::io::{ErrorKind, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::Path;
use std::process::Command;
use std::sync::mpsc;
use std::time::Duration;

use serve_support::{Event, Server};

fn preview_site() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/preview-site"))
}

fn build_number(server: &Server) -> u64 {
    let event = server.event().expect("the reload channel answers");
    assert_eq!(event.name, "built", "{event:?}");
    event.data.parse().unwrap()
}

/// The problems as `site-builder check --messages FORM` prints them, without its count.
fn problems_from_check(root: &Path, form: &str) -> String {
    let output = Command::new(env!("CARGO_BIN_EXE_site-builder"))
        .args(["check", "--messages", form, "--color", "never", "--root"])
        .arg(root)
        .output()
        .unwrap();
    assert!(!output.status.success());
    let stderr = String::from_utf8(output.stderr).unwrap();
    stderr
        .split("\n\nThe site was not built")
        .next()
        .unwrap()
        .trim_end()
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
    // A path, never `//news/`, which a browser reads as the site http://news/.
    assert_eq!(server.get("//news").header("Location"), Some("/news/"));
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

    // A mistake: open pages are told the problems in the rich form, exactly as `check`
    // draws them (the line, with a caret under the place), and the last good page is
    // still served. The terminal, not one here, gets the short form.
    server.edit("content/hello.md", "title:", "titel:");
    let expected = problems_from_check(&server.root, "rich");
    let problems = server.wait_for("the problems", |s| {
        s.event()
            .filter(|e| e.name == "problems" && e.data == expected)
            .map(|e| e.data)
    });
    assert!(
        problems.starts_with("error: unknown field `titel`"),
        "{problems}"
    );
    assert!(problems.contains("content/hello.md:2:1"), "{problems}");
    assert!(problems.contains("│ titel:"), "{problems}");
    assert!(server
        .get("/hello/")
        .body
        .contains("Call the new helpline."));
    let short = problems_from_check(&server.root, "short");
    assert!(
        short.starts_with("content/hello.md:2:1: error: "),
        "{short}"
    );
    assert!(server.output().contains(&short), "{}", server.output());
    server.wait_for("the note on what is shown", |s| {
        s.output()
            .contains("\nThe preview still shows the last version that worked. Fix the problem and save: it rebuilds by itself.\n")
            .then_some(())
    });

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
fn hostile_markup_saved_under_serve_is_a_problem_not_a_crash() {
    // Reliability review R5: `<select><xmp>` made lol_html fail, the tool panicked and
    // `serve` died. Now the preview reports it at its place, keeps serving the last good
    // page, and goes on rebuilding.
    let mut server = Server::start(preview_site(), &[]);
    assert_eq!(build_number(&server), 1);
    server.edit(
        "content/hello.md",
        "Call the helpline.",
        "Call the helpline.\n\n<select><xmp><script>alert(1)</script></xmp></select>",
    );
    let problems = server.wait_for("the problem with the markup", |s| {
        s.event().filter(|e| e.name == "problems").map(|e| e.data)
    });
    assert!(
        problems.contains("this HTML cannot be read safely")
            && problems.contains("content/hello.md:8:9"),
        "{problems}"
    );
    let page = server.get("/hello/");
    assert_eq!(page.status, 200);
    assert!(!page.body.contains("alert(1)"), "{}", page.body);
    assert!(page.body.contains("Call the helpline."));

    // Still alive: the next good save is built and served.
    server.edit(
        "content/hello.md",
        "<select><xmp><script>alert(1)</script></xmp></select>",
        "It is open now.",
    );
    server.wait_for("the fixed page", |s| {
        s.get("/hello/")
            .body
            .contains("It is open now.")
            .then_some(())
    });
    let (status, output) = server.interrupt();
    assert!(status.success(), "{status}\n{output}");
    assert!(!output.contains("panicked"), "{output}");
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
fn the_preview_writes_to_disk_only_when_asked() {
    let mut server = Server::start(preview_site(), &[]);
    server.edit("content/hello.md", "Call the helpline.", "Call us.");
    server.wait_for("the change", |s| {
        s.get("/hello/").body.contains("Call us.").then_some(())
    });
    assert!(!server.root.join("public").exists());

    let mut server = Server::start(preview_site(), &["--write"]);
    let page = server.root.join("public/hello/index.html");
    server.wait_for("the site written", |s| {
        (s.output().contains("Written to ") && page.is_file()).then_some(())
    });
    assert!(server.root.join("public/.site-builder-output").is_file());
    server.edit("content/hello.md", "Call the helpline.", "Call us.");
    server.wait_for("the change written", |_| {
        let text = std::fs::read_to_string(&page).ok()?;
        text.contains("Call us.").then_some(())
    });
    // As `build` writes it: the page's own <meta> policy is kept, no reload script.
    let text = std::fs::read_to_string(&page).unwrap();
    assert!(
        text.contains("http-equiv=\"Content-Security-Policy\"") && !text.contains("livereload")
    );
}

#[test]
fn a_site_that_never_built_shows_its_problems_until_fixed() {
    let folder = tempfile::tempdir().unwrap();
    sites::copy_tree(preview_site(), folder.path());
    let hello = folder.path().join("content/hello.md");
    let good = std::fs::read_to_string(&hello).unwrap();
    std::fs::write(&hello, good.replace("title:", "titel:")).unwrap();

    let mut server = Server::start(folder.path(), &[]);
    let page = server.get("/hello/");
    assert_eq!(page.status, 503);
    assert!(page.body.contains("/__livereload.js"));
    let event = server.event().unwrap();
    assert_eq!(event.name, "problems");
    server.wait_for("the note on what is shown", |s| {
        s.output()
            .contains("\nNothing has been built yet, so the preview shows these problems instead of the site. Fix the problem and save: it rebuilds by itself.\n")
            .then_some(())
    });
    assert!(!server.output().contains("last version that worked"));

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

#[test]
fn only_this_machines_names_are_answered() {
    let server = Server::start(preview_site(), &[]);
    let port = server.address.rsplit(':').next().unwrap().to_string();
    for host in [
        "localhost".to_string(),
        format!("localhost:{port}"),
        "127.0.0.1".to_string(),
        format!("127.0.0.1:{port}"),
    ] {
        assert_eq!(server.get_from("/hello/", &host).status, 200, "{host}");
    }
    // What a page of another site sends after pointing its name at 127.0.0.1.
    for host in [
        "evil.example".to_string(),
        format!("evil.example:{port}"),
        "localhost:1".to_string(),
    ] {
        let refused = server.get_from("/hello/", &host);
        assert_eq!(refused.status, 421, "{host}");
        assert_eq!(
            refused.body,
            format!("This preview answers only at this machine's own addresses, such as http://localhost:{port}/"),
            "{host}"
        );
        assert_eq!(refused.header("X-Frame-Options"), Some("DENY"));
    }
    let no_host = server.send(b"GET /hello/ HTTP/1.1\r\n\r\n");
    assert_eq!(no_host.status, 400);
    let events = server.send(b"GET /__livereload HTTP/1.1\r\nHost: evil.example\r\n\r\n");
    assert_eq!(events.status, 421);
}

#[test]
fn requests_that_are_not_text_or_hide_line_breaks_get_400() {
    let server = Server::start(preview_site(), &[]);
    let host = &server.address;
    let injected = server.get("/news%0d%0aX-Injected:%201");
    assert_eq!(injected.status, 400);
    assert_eq!(injected.header("X-Injected"), None);
    assert_eq!(server.get("/news%00").status, 400);
    let mut not_utf8 = b"GET /\xff\xfe HTTP/1.1\r\nHost: ".to_vec();
    not_utf8.extend_from_slice(format!("{host}\r\n\r\n").as_bytes());
    assert_eq!(server.send(&not_utf8).status, 400);
    let mut bad_header = format!("GET /hello/ HTTP/1.1\r\nHost: {host}\r\n").into_bytes();
    bad_header.extend_from_slice(b"\xc3\x28: \xff\r\n\r\n");
    assert_eq!(server.send(&bad_header).status, 400);
    // The server is still fine.
    assert_eq!(server.get("/hello/").status, 200);
}

#[test]
fn a_slow_client_is_cut_off_while_others_are_answered() {
    let server = Server::start(preview_site(), &[]);
    let mut slow = TcpStream::connect(&server.address).unwrap();
    write!(slow, "GET /hello/ HTTP/1.1\r\nHost: {}\r\n", server.address).unwrap();
    // A header line every 3 seconds and never the blank line that ends the head. Every
    // line comes well within a read's timeout: only a deadline for the whole head ends it.
    slow.set_read_timeout(Some(Duration::from_secs(3))).unwrap();
    let mut answer = Vec::new();
    for line in 0..8 {
        match slow.read_to_end(&mut answer) {
            Ok(_) => break,
            Err(e) if matches!(e.kind(), ErrorKind::WouldBlock | ErrorKind::TimedOut) => {}
            Err(e) => panic!("after {line} lines: {e}"),
        }
        assert_eq!(server.get("/hello/").status, 200);
        write!(slow, "X-Slow-{line}: still coming\r\n").unwrap();
    }
    let answer = String::from_utf8_lossy(&answer);
    assert!(
        answer.starts_with("HTTP/1.1 408 Request Timeout\r\n"),
        "{answer:?}"
    );
}

/// The server's thread count, from the kernel.
fn threads(pid: u32) -> usize {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap();
    let line = status.lines().find(|l| l.starts_with("Threads:")).unwrap();
    line["Threads:".len()..].trim().parse().unwrap()
}

#[test]
fn connections_beyond_the_cap_are_turned_away() {
    let mut server = Server::start(preview_site(), &[]);
    let before = threads(server.pid());
    // Connections that send nothing hold their place until the deadline for the head.
    let (told, answers) = mpsc::channel();
    let idle: Vec<_> = (0..40)
        .map(|_| {
            let mut stream = TcpStream::connect(&server.address).unwrap();
            let told = told.clone();
            // 0 stands for a connection closed with no answer, which a cut-off one may get.
            std::thread::spawn(move || {
                let mut raw = Vec::new();
                let _ = std::io::Read::read_to_end(&mut stream, &mut raw);
                let status = String::from_utf8_lossy(&raw)
                    .split(' ')
                    .nth(1)
                    .and_then(|s| s.parse().ok())
                    .unwrap_or(0u16);
                told.send(status).unwrap()
            })
        })
        .collect();
    drop(told);
    // The ones beyond the 32 served at once are told so, without a thread each.
    let first: Vec<u16> = answers.iter().take(8).collect();
    assert_eq!(first, [503; 8]);
    let during = threads(server.pid());
    // The 32 served, plus the one thread that tells the others they must wait.
    assert!(during <= before + 33, "{before} threads, then {during}");
    assert_eq!(server.get("/hello/").status, 503);

    // The others are cut off at the deadline, and then the preview answers again.
    for thread in idle {
        thread.join().unwrap();
    }
    let rest: Vec<u16> = answers.iter().collect();
    assert_eq!(rest.len(), 32);
    assert!(
        rest.iter().all(|&s| s == 408 || s == 503 || s == 0),
        "{rest:?}"
    );
    assert!(
        rest.iter().any(|&s| s == 408 || s == 0),
        "none was cut off: {rest:?}"
    );
    server.wait_for("the preview to answer again", |s| {
        (s.get("/hello/").status == 200).then_some(())
    });
}

#[test]
fn a_burst_of_requests_is_served_in_full() {
    let server = Server::start(preview_site(), &[]);
    let statuses: Vec<u16> = std::thread::scope(|scope| {
        let requests: Vec<_> = (0..200)
            .map(|_| scope.spawn(|| server.get("/hello/").status))
            .collect();
        requests.into_iter().map(|r| r.join().unwrap()).collect()
    });
    // More than the 32 served at once: the rest wait for a place as the first finish.
    assert_eq!(statuses, [200; 200]);
}

#[test]
fn a_page_asked_for_while_the_rest_of_a_template_edit_is_made_waits_for_it() {
    // A template every page uses: the page the editor has open is made and served first,
    // and any other page asked for meanwhile is sent only once it is made again too.
    let folder = tempfile::tempdir().unwrap();
    synthetic::generate(folder.path(), 1_500).unwrap();
    let mut server = Server::start(folder.path(), &["--now", "2027-01-01"]);
    let (open, other) = ("/section-3/page-753/", "/section-7/page-107/");
    assert_eq!(server.get(open).status, 200);
    server.edit(
        "templates/page.html",
        "</article>",
        "<p>Edited page</p></article>",
    );
    server.wait_for("the open page to show the edit", |server| {
        server.get(open).body.contains("Edited page").then_some(())
    });
    let answer = server.get(other);
    assert_eq!(answer.status, 200);
    assert!(
        answer.body.contains("Edited page"),
        "{other} was sent as it was before the edit"
    );
}

#[test]
fn a_template_edit_that_fails_after_the_open_page_was_shown_goes_back_to_the_last_good_site() {
    let folder = tempfile::tempdir().unwrap();
    synthetic::generate(folder.path(), 1_500).unwrap();
    let server = Server::start(folder.path(), &["--now", "2027-01-01"]);
    let (open, other) = ("/section-3/page-753/", "/section-7/page-107/");
    assert_eq!(server.get(open).status, 200);
    let events = server.listen();
    // The open page is made first and is good; another page breaks the rules.
    server.edit(
        "templates/page.html",
        "</article>",
        "<p>Edited page</p>{% if page.title == \"Guide number 107\" %}<p style=\"color: red\">Odd</p>{% endif %}</article>",
    );
    let mut events = events;
    // The open page's build is told first (its page shown before the rest is made), then
    // the problems.
    let told: Vec<Event> = (events.by_ref())
        .take_while(|event| event.name != "problems")
        .collect();
    assert!(
        told.iter().any(|e| e.name == "built" && e.data != "1"),
        "the open page was not shown first: {told:?}"
    );
    let problems = server.event().expect("the problems are told");
    assert!(problems.data.contains("style"), "{problems:?}");
    for page in [open, other] {
        let answer = server.get(page);
        assert!(
            !answer.body.contains("Edited page"),
            "{page} shows the failed edit"
        );
    }
}
