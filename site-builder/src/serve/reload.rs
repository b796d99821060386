//! The reload channel: what open pages are told after each build, and the small script
//! that listens for it.
//!
//! Pages connect to [`EVENTS_URL`] with Server-Sent Events. They are told the number of
//! each good build (a page from an older build reloads) or the problems of a failed one
//! (shown over the page until the next good build).

use std::collections::HashSet;
use std::io::{self, Write};
use std::sync::{Arc, Condvar, Mutex, MutexGuard};
use std::time::Duration;

use lol_html::html_content::ContentType;
use lol_html::{element, rewrite_str, RewriteStrSettings};

use crate::output::Files;

/// The script added to every page `serve` sends. It is a file, not inline, because the
/// pages' policy allows only same-origin scripts.
pub const SCRIPT_URL: &str = "/__livereload.js";
pub const SCRIPT: &str = include_str!("livereload.js");
/// The event stream the script listens to.
pub const EVENTS_URL: &str = "/__livereload";

/// How often an idle stream is pinged, which also notices pages that were closed.
const PING: Duration = Duration::from_secs(15);

/// Prepares a built page for the preview: adds the reload script, and drops the page's
/// `<meta>` policy, which a browser would apply on top of the header and so block the
/// reload channel. `build` is the number of the build the page comes from.
pub fn prepare_page(html: &str, build: u64) -> String {
    let tag = format!(r#"<script src="{SCRIPT_URL}" data-build="{build}" defer></script>"#);
    let settings = RewriteStrSettings::new()
        .append_element_content_handler(element!("meta[http-equiv]", |el| {
            let policy = el
                .get_attribute("http-equiv")
                .is_some_and(|v| v.eq_ignore_ascii_case("content-security-policy"));
            if policy {
                el.remove();
            }
            Ok(())
        }))
        .append_element_content_handler(element!("head", |el| {
            el.append(&tag, ContentType::Html);
            Ok(())
        }));
    match rewrite_str(html, settings) {
        Ok(page) if page.contains(&tag) => page,
        // Not a page with a <head> (or not HTML lol_html can read): add the script at the end.
        Ok(page) => page + &tag,
        Err(_) => format!("{html}{tag}"),
    }
}

/// What the preview serves now, shared by the rebuild loop and every connection.
#[derive(Default)]
pub struct Status {
    now: Mutex<Now>,
    changed: Condvar,
    /// The pages last asked for, latest first: made first by the next build.
    asked: Mutex<Vec<String>>,
}

/// How many of the pages last asked for are made first.
const ASKED: usize = 8;

/// The longest a request for a page still being made waits for it.
const WAIT: Duration = Duration::from_secs(60);

#[derive(Default, Clone)]
pub struct Now {
    /// The last good build's number and files; `None` before the first good build.
    pub site: Option<(u64, Arc<Files>)>,
    /// The problems of the latest build, when it failed.
    pub problems: Option<String>,
    /// The files of `site` that are still being made: a build served its open pages
    /// first. A request for one waits for the rest of the build.
    pub waiting: Option<Arc<HashSet<String>>>,
    /// Counts every change, so streams know when to send.
    version: u64,
    closed: bool,
}

impl Status {
    pub fn now(&self) -> Now {
        self.lock().clone()
    }

    pub fn built(&self, build: u64, files: Arc<Files>) {
        self.update(|now| {
            now.site = Some((build, files));
            now.problems = None;
            now.waiting = None;
        });
    }

    /// A build's first pages, in the last site: the files `waiting` are still to come,
    /// in the same build.
    pub fn built_first(&self, build: u64, files: Arc<Files>, waiting: HashSet<String>) {
        self.update(|now| {
            now.site = Some((build, files));
            now.problems = None;
            now.waiting = Some(Arc::new(waiting));
        });
    }

    pub fn failed(&self, problems: String) {
        self.update(|now| {
            now.problems = Some(problems);
            now.waiting = None;
        });
    }

    /// What is served now, once `waits` no longer holds (or a minute has gone).
    pub fn ready(&self, waits: impl Fn(&Now) -> bool) -> Now {
        let guard = self.lock();
        let (guard, _) = (self.changed)
            .wait_timeout_while(guard, WAIT, |now| !now.closed && waits(now))
            .unwrap_or_else(|e| e.into_inner());
        guard.clone()
    }

    /// A build that failed after its first pages were served: the last good site is
    /// served again, as build `build`, with the problems shown over it.
    pub fn fell_back(&self, build: u64, files: Arc<Files>, problems: String) {
        self.update(|now| {
            now.site = Some((build, files));
            now.problems = Some(problems);
            now.waiting = None;
        });
    }

    /// Notes that a page was asked for, so the next build makes it first.
    pub fn asked(&self, file: &str) {
        let mut asked = self.asked.lock().unwrap_or_else(|e| e.into_inner());
        asked.retain(|f| f != file);
        asked.insert(0, file.to_string());
        asked.truncate(ASKED);
    }

    /// The pages last asked for.
    pub fn last_asked(&self) -> HashSet<String> {
        let asked = self.asked.lock().unwrap_or_else(|e| e.into_inner());
        asked.iter().cloned().collect()
    }

    pub fn is_closed(&self) -> bool {
        self.lock().closed
    }

    /// Ends every stream: the preview is stopping.
    pub fn close(&self) {
        self.update(|now| now.closed = true);
    }

    fn update(&self, change: impl FnOnce(&mut Now)) {
        let mut now = self.lock();
        change(&mut now);
        now.version += 1;
        self.changed.notify_all();
    }

    fn lock(&self) -> MutexGuard<'_, Now> {
        // A panicking connection cannot leave `Now` half-written: keep serving.
        self.now.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Sends the current state, then every change, until the page goes away or the
    /// preview stops.
    pub fn stream(&self, out: &mut impl Write) -> io::Result<()> {
        let mut sent = None;
        loop {
            let now = {
                let guard = self.lock();
                let (guard, _) = self
                    .changed
                    .wait_timeout_while(guard, PING, |now| Some(now.version) == sent && !now.closed)
                    .unwrap_or_else(|e| e.into_inner());
                guard.clone()
            };
            if now.closed {
                return Ok(());
            }
            if Some(now.version) == sent {
                out.write_all(b": still here\n\n")?;
            } else {
                out.write_all(event(&now).as_bytes())?;
                sent = Some(now.version);
            }
            out.flush()?;
        }
    }
}

/// One Server-Sent Event: `problems` with the text, else `built` with the build number.
fn event(now: &Now) -> String {
    match (&now.problems, &now.site) {
        (Some(problems), _) => {
            let mut event = String::from("event: problems\n");
            for line in problems.lines() {
                event.push_str("data: ");
                event.push_str(line);
                event.push('\n');
            }
            event + "\n"
        }
        (None, Some((build, _))) => format!("event: built\ndata: {build}\n\n"),
        (None, None) => ": not built yet\n\n".into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::Diagnostic;
    use crate::error::Error;

    #[test]
    fn pages_get_the_script_and_lose_the_meta_policy() {
        let page = prepare_page(
            r#"<html><head><meta http-equiv="Content-Security-Policy" content="default-src 'none'"><title>T</title></head><body></body></html>"#,
            7,
        );
        assert_eq!(
            page,
            r#"<html><head><title>T</title><script src="/__livereload.js" data-build="7" defer></script></head><body></body></html>"#
        );
    }

    #[test]
    fn problems_are_sent_line_by_line() {
        let problem = Diagnostic::new("content/a.md", 2, 1, "unknown field `titel`")
            .with_help("did you mean `title`?");
        let status = Status::default();
        status.failed(Error::Problems(vec![problem]).lines());
        assert_eq!(
            event(&status.now()),
            "event: problems\ndata: content/a.md:2:1: error: unknown field `titel`\n\
             data:   help: did you mean `title`?\n\n"
        );
        status.built(3, Arc::new(Files::default()));
        assert_eq!(event(&status.now()), "event: built\ndata: 3\n\n");
    }
}
