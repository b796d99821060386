//! A small HTTP/1.1 server on std: GET and HEAD for the built files, one thread per
//! connection, each connection closed after its answer. Enough for one editor's browser,
//! and nothing to configure.
//!
//! It is reachable from every page the editor's browser opens, so it is strict: the whole
//! request head must arrive within a deadline, only so many connections are served at
//! once, and only requests for this machine's own names are answered (see `request`).

use std::io::{self, BufReader, BufWriter, Write};
use std::net::{Shutdown, TcpListener, TcpStream};
use std::path::{Component, Path};
use std::sync::{mpsc, Arc, Condvar, Mutex, PoisonError};
use std::thread::JoinHandle;
use std::time::Duration;

use percent_encoding::{utf8_percent_encode, AsciiSet, NON_ALPHANUMERIC};

use super::reload::{self, Now, Status};
use super::request::{self, Deadline, Refusal};
use crate::output::{Body, Files};
use crate::security::{self, Connect};

/// How long a client has to send a whole request head, from the moment it connects.
const HEAD_DEADLINE: Duration = Duration::from_secs(10);
/// How long one write may wait for a client that does not read.
const WRITE_TIMEOUT: Duration = Duration::from_secs(10);
/// How long a connection is kept open after its answer, or a turned-away one at all.
const LINGER: Duration = Duration::from_millis(500);
/// The most connections served at once, reload streams included. A browser opens at most
/// six to one site; the cap stops a flood of slow connections from growing threads
/// without bound.
const MAX_CONNECTIONS: usize = 32;
/// How long a connection beyond the cap waits for a place before it is told 503. A
/// burst of page requests frees places within milliseconds; slow clients hold them.
const PLACE_WAIT: Duration = Duration::from_millis(250);

/// What a redirect's path segments keep as they are; everything else is `%XX`-escaped.
const SEGMENT: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'.')
    .remove(b'_')
    .remove(b'~');

/// Serves every connection on its own thread, until the status is closed.
pub fn start(listener: TcpListener, status: Arc<Status>) -> JoinHandle<()> {
    std::thread::spawn(move || {
        let places = Arc::new(Places::default());
        // Connections beyond the cap are told so by one thread of their own, so that
        // answering them never holds up the connections being served.
        let (turn_away, turned) = mpsc::sync_channel::<TcpStream>(MAX_CONNECTIONS);
        std::thread::spawn(move || {
            for stream in turned {
                let _ = busy(&stream);
                let _ = linger(&stream);
            }
        });
        for stream in listener.incoming() {
            if status.is_closed() {
                break;
            }
            let Ok(stream) = stream else { continue };
            let Some(place) = places.take() else {
                // In a flood even that queue fills up; those connections are just closed.
                let _ = turn_away.try_send(stream);
                continue;
            };
            let status = Arc::clone(&status);
            // Without a thread to be had, the connection is closed and the browser retries.
            let _ = std::thread::Builder::new().spawn(move || {
                // A browser that goes away mid-answer is not worth reporting.
                let _ = handle(&stream, &status);
                let _ = linger(&stream);
                drop(stream);
                drop(place);
            });
        }
    })
}

/// Ends a connection cleanly: the end of the answer is signalled, then whatever the
/// client still sends is read, briefly, until it closes too. Closing with bytes unread
/// would reset the connection, and the browser could lose the answer.
fn linger(stream: &TcpStream) -> io::Result<()> {
    stream.shutdown(Shutdown::Write)?;
    io::copy(&mut Deadline::new(stream, LINGER), &mut io::sink()).map(drop)
}

/// The connections being served, counted, so that the accept loop can wait for a place.
#[derive(Default)]
struct Places {
    open: Mutex<usize>,
    freed: Condvar,
}

impl Places {
    /// A place, as soon as one is free, waiting up to `PLACE_WAIT`.
    fn take(self: &Arc<Places>) -> Option<Place> {
        let open = self.open.lock().unwrap_or_else(PoisonError::into_inner);
        let (mut open, _) = self
            .freed
            .wait_timeout_while(open, PLACE_WAIT, |open| *open >= MAX_CONNECTIONS)
            .unwrap_or_else(PoisonError::into_inner);
        if *open >= MAX_CONNECTIONS {
            return None;
        }
        *open += 1;
        Some(Place(Arc::clone(self)))
    }
}

/// A place among the connections being served, given back when its thread ends.
struct Place(Arc<Places>);

impl Drop for Place {
    fn drop(&mut self) {
        *self.0.open.lock().unwrap_or_else(PoisonError::into_inner) -= 1;
        self.0.freed.notify_one();
    }
}

fn busy(stream: &TcpStream) -> io::Result<()> {
    stream.set_write_timeout(Some(LINGER))?;
    let response = Response::text(
        503,
        "The preview is busy: too many connections are open. Try again in a moment.",
    );
    send(&mut BufWriter::new(stream), &response, false)
}

fn handle(stream: &TcpStream, status: &Status) -> io::Result<()> {
    stream.set_write_timeout(Some(WRITE_TIMEOUT))?;
    let local = stream.local_addr()?;
    let mut reader = BufReader::new(Deadline::new(stream, HEAD_DEADLINE));
    let mut out = BufWriter::new(stream);
    let request = match request::read(&mut reader, local) {
        Ok(request) => request,
        Err(refusal) => {
            let response = match refusal {
                Refusal::Malformed => Response::text(400, "Bad Request"),
                Refusal::TooSlow => Response::text(408, "Request Timeout"),
                Refusal::OtherHost => Response::text(
                    421,
                    &format!(
                        "This preview answers only at this machine's own addresses, such as http://localhost:{}/",
                        local.port()
                    ),
                ),
                Refusal::Gone => return Ok(()),
            };
            return send(&mut out, &response, false);
        }
    };
    let head = request.method == "HEAD";
    if request.method != "GET" && !head {
        return send(&mut out, &Response::text(405, "Method Not Allowed"), false);
    }
    let path = request.path;
    if path == reload::EVENTS_URL {
        write_head(&mut out, 200, "text/event-stream", &[])?;
        out.write_all(b"retry: 500\n\n")?;
        out.flush()?;
        return if head {
            Ok(())
        } else {
            status.stream(&mut out)
        };
    }
    let response = if path == reload::SCRIPT_URL {
        Response::new(200, "text/javascript; charset=utf-8", reload::SCRIPT.into())
    } else {
        site_file(status, &path)
    };
    send(&mut out, &response, head)
}

/// A file of the last good site, or its 404 page. While a build's first pages are
/// served and the rest are being made, a page still to make, an address the site does
/// not have yet and the 404 page wait for the rest.
fn site_file(status: &Status, path: &str) -> Response {
    let now = status.now();
    let now = match waits(&now, path) {
        true => status.ready(|now| waits(now, path)),
        false => now,
    };
    let Some((build, files)) = now.site else {
        return Response::html(503, &not_built_yet(), 0);
    };
    match locate(&files, path) {
        Found::File(file) => match files.get(&file).map(Body::read) {
            Some(Ok(bytes)) if is_html(&file) => {
                status.asked(&file);
                Response::html(200, &String::from_utf8_lossy(&bytes), build)
            }
            Some(Ok(bytes)) => Response::new(200, content_type(&file), bytes.to_vec()),
            _ => not_found(&files, build),
        },
        Found::Folder(location) => Response::redirect(location),
        Found::Nothing => not_found(&files, build),
    }
}

/// Whether a request for `path` waits for the rest of the build being served.
fn waits(now: &Now, path: &str) -> bool {
    let (Some(waiting), Some((_, files))) = (&now.waiting, &now.site) else {
        return false;
    };
    match locate(files, path) {
        Found::File(file) => waiting.contains(&file),
        Found::Folder(_) | Found::Nothing => true,
    }
}

enum Found {
    /// The file's path inside the site.
    File(String),
    /// A folder asked for without its `/`: relative links need it.
    Folder(String),
    Nothing,
}

fn locate(files: &Files, path: &str) -> Found {
    let relative = Path::new(path.trim_start_matches('/'));
    // Only plain names: no `..`, no absolute paths, nothing outside the site.
    if !relative
        .components()
        .all(|c| matches!(c, Component::Normal(_)))
    {
        return Found::Nothing;
    }
    let names: Vec<_> = (relative.components())
        .map(|c| c.as_os_str().to_string_lossy())
        .collect();
    let file = names.join("/");
    let index = match file.as_str() {
        "" => "index.html".to_string(),
        folder => format!("{folder}/index.html"),
    };
    if !path.ends_with('/') && files.get(&file).is_some() {
        Found::File(file)
    } else if files.get(&index).is_some() {
        if path.ends_with('/') {
            Found::File(index)
        } else {
            Found::Folder(folder_address(relative))
        }
    } else {
        Found::Nothing
    }
}

/// `/a/b/` for the folder `a/b`, escaped: rebuilt from its names, so `//news` goes to
/// `/news/` and not to the host `news`, and no character can end the `Location` line.
fn folder_address(relative: &Path) -> String {
    let mut address = String::from("/");
    for name in relative.components() {
        let name = name.as_os_str().to_string_lossy();
        address.extend(utf8_percent_encode(&name, SEGMENT));
        address.push('/');
    }
    address
}

fn not_found(files: &Files, build: u64) -> Response {
    match files.get("404.html").map(Body::read) {
        Some(Ok(page)) => Response::html(404, &String::from_utf8_lossy(&page), build),
        _ => Response::text(404, "Not Found"),
    }
}

/// Shown until the first good build: the reload script then shows the problems over it.
fn not_built_yet() -> String {
    "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">\
     <title>Not built yet</title></head><body><h1>The site has not been built yet</h1>\
     <p>The problems are listed in the window where site-builder is running.</p></body></html>"
        .to_string()
}

fn is_html(file: &str) -> bool {
    file.ends_with(".html")
}

fn content_type(file: &str) -> &'static str {
    let name = file.rsplit('/').next().unwrap_or(file);
    let extension = (name.rsplit_once('.'))
        .map(|(_, e)| e.to_ascii_lowercase())
        .unwrap_or_default();
    match extension.as_str() {
        "html" => "text/html; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "json" => "application/json",
        "xml" => "application/xml",
        "txt" => "text/plain; charset=utf-8",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "gif" => "image/gif",
        "webp" => "image/webp",
        "avif" => "image/avif",
        "ico" => "image/x-icon",
        "wasm" => "application/wasm",
        "pdf" => "application/pdf",
        "woff2" => "font/woff2",
        "woff" => "font/woff",
        _ => "application/octet-stream",
    }
}

struct Response {
    status: u16,
    content_type: &'static str,
    location: Option<String>,
    body: Vec<u8>,
}

impl Response {
    fn new(status: u16, content_type: &'static str, body: Vec<u8>) -> Response {
        Response {
            status,
            content_type,
            location: None,
            body,
        }
    }

    fn html(status: u16, page: &str, build: u64) -> Response {
        let page = reload::prepare_page(page, build);
        Response::new(status, "text/html; charset=utf-8", page.into_bytes())
    }

    fn text(status: u16, text: &str) -> Response {
        Response::new(status, "text/plain; charset=utf-8", text.into())
    }

    fn redirect(location: String) -> Response {
        Response {
            location: Some(location),
            ..Response::text(301, "Moved Permanently")
        }
    }
}

fn send(out: &mut impl Write, response: &Response, head: bool) -> io::Result<()> {
    let length = response.body.len().to_string();
    let mut extra = vec![("Content-Length", length.as_str())];
    if let Some(location) = &response.location {
        extra.push(("Location", location));
    }
    write_head(out, response.status, response.content_type, &extra)?;
    if !head {
        out.write_all(&response.body)?;
    }
    out.flush()
}

/// The status line and headers: the site's security headers, with the reload channel
/// allowed, and no caching so every reload shows the latest build.
fn write_head(
    out: &mut impl Write,
    status: u16,
    content_type: &str,
    extra: &[(&str, &str)],
) -> io::Result<()> {
    write!(out, "HTTP/1.1 {status} {}\r\n", reason(status))?;
    write!(out, "Content-Type: {content_type}\r\n")?;
    write!(out, "Cache-Control: no-store\r\nConnection: close\r\n")?;
    for (name, value) in security::headers(Connect::SameOrigin) {
        write!(out, "{name}: {value}\r\n")?;
    }
    for (name, value) in extra {
        write!(out, "{name}: {value}\r\n")?;
    }
    out.write_all(b"\r\n")
}

fn reason(status: u16) -> &'static str {
    match status {
        200 => "OK",
        301 => "Moved Permanently",
        400 => "Bad Request",
        404 => "Not Found",
        405 => "Method Not Allowed",
        408 => "Request Timeout",
        421 => "Misdirected Request",
        503 => "Service Unavailable",
        _ => "",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn site(paths: &[&str]) -> Files {
        let mut files = Files::default();
        for path in paths {
            files.insert(
                path.to_string(),
                Body::Bytes(std::sync::Arc::from(&b""[..])),
            );
        }
        files
    }

    #[test]
    fn paths_are_kept_inside_the_site() {
        let site = site(&["news/index.html", "index.html", "site.css"]);
        assert!(matches!(locate(&site, "/news"), Found::Folder(l) if l == "/news/"));
        assert!(matches!(locate(&site, "//news"), Found::Folder(l) if l == "/news/"));
        assert!(matches!(locate(&site, "/news/"), Found::File(f) if f == "news/index.html"));
        assert!(matches!(locate(&site, "/"), Found::File(f) if f == "index.html"));
        assert!(matches!(locate(&site, "/site.css"), Found::File(f) if f == "site.css"));
        assert!(matches!(locate(&site, "/site.css/"), Found::Nothing));
        assert!(matches!(
            locate(&site, "/news/../../etc/passwd"),
            Found::Nothing
        ));
    }

    #[test]
    fn while_the_rest_of_a_build_is_made_its_pages_and_unknown_addresses_wait() {
        let mut now = Now::default();
        now.site = Some((2, Arc::new(site(&["made/index.html", "coming/index.html"]))));
        assert!(!waits(&now, "/coming/"), "nothing is waiting");
        now.waiting = Some(Arc::new(["coming/index.html".to_string()].into()));
        assert!(waits(&now, "/coming/"));
        assert!(!waits(&now, "/made/"));
        // A page this build adds, or a folder asked for without its `/`.
        assert!(waits(&now, "/new/"));
        assert!(waits(&now, "/made"));
    }

    #[test]
    fn redirects_are_escaped() {
        let odd = "a\r\nX-Injected: 1";
        let site = site(&[&format!("{odd}/café/index.html")]);
        let path = format!("/{odd}/café");
        assert!(matches!(
            locate(&site, &path),
            Found::Folder(l) if l == "/a%0D%0AX-Injected%3A%201/caf%C3%A9/"
        ));
    }
}
