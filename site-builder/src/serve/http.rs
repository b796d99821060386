//! A small HTTP/1.1 server on std: GET and HEAD for the built files, one thread per
//! connection, each connection closed after its answer. Enough for one editor's browser,
//! and nothing to configure.

use std::io::{self, BufRead, BufReader, BufWriter, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Component, Path, PathBuf};
use std::sync::Arc;
use std::thread::JoinHandle;
use std::time::Duration;

use super::reload::{self, Status};
use crate::security::{self, Connect};

/// The longest request line or header line read; anything longer is refused.
const MAX_LINE: u64 = 8 * 1024;
const MAX_HEADERS: usize = 100;

/// Serves every connection on its own thread, until the status is closed.
pub fn start(listener: TcpListener, status: Arc<Status>) -> JoinHandle<()> {
    std::thread::spawn(move || {
        for stream in listener.incoming() {
            if status.is_closed() {
                break;
            }
            let Ok(stream) = stream else { continue };
            let status = Arc::clone(&status);
            std::thread::spawn(move || {
                // A browser that goes away mid-answer is not worth reporting.
                let _ = handle(stream, &status);
            });
        }
    })
}

fn handle(stream: TcpStream, status: &Status) -> io::Result<()> {
    stream.set_read_timeout(Some(Duration::from_secs(10)))?;
    let mut reader = BufReader::new(&stream);
    let mut out = BufWriter::new(&stream);
    let Some((method, target)) = read_request(&mut reader)? else {
        return send(&mut out, &Response::text(400, "Bad Request"), false);
    };
    let head = method == "HEAD";
    if method != "GET" && !head {
        return send(&mut out, &Response::text(405, "Method Not Allowed"), false);
    }
    let path = decode_path(&target);
    if path == reload::EVENTS_URL {
        stream.set_read_timeout(None)?;
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

/// Reads the request line and skips the headers. `None` for a malformed request.
fn read_request(reader: &mut impl BufRead) -> io::Result<Option<(String, String)>> {
    let Some(request_line) = read_line(reader)? else {
        return Ok(None);
    };
    let mut parts = request_line.split_whitespace();
    let (Some(method), Some(target)) = (parts.next(), parts.next()) else {
        return Ok(None);
    };
    for _ in 0..MAX_HEADERS {
        match read_line(reader)? {
            Some(line) if line.is_empty() => {
                return Ok(Some((method.to_string(), target.to_string())))
            }
            Some(_) => {}
            None => return Ok(None),
        }
    }
    Ok(None)
}

fn read_line(reader: &mut impl BufRead) -> io::Result<Option<String>> {
    let mut line = String::new();
    let n = reader.take(MAX_LINE).read_line(&mut line)?;
    if n == 0 || !line.ends_with('\n') {
        return Ok(None);
    }
    Ok(Some(line.trim_end_matches(['\r', '\n']).to_string()))
}

/// The path part of a request target, with `%XX` escapes decoded.
fn decode_path(target: &str) -> String {
    let path = target.split(['?', '#']).next().unwrap_or_default();
    let bytes = path.as_bytes();
    let mut decoded = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = bytes
            .get(i + 1..i + 3)
            .and_then(|h| std::str::from_utf8(h).ok())
            .and_then(|h| u8::from_str_radix(h, 16).ok());
        match (bytes[i], hex) {
            (b'%', Some(byte)) => {
                decoded.push(byte);
                i += 3;
            }
            (byte, _) => {
                decoded.push(byte);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&decoded).into_owned()
}

/// A file of the last good site, or its 404 page.
fn site_file(status: &Status, path: &str) -> Response {
    let now = status.now();
    let Some((build, folder)) = now.site else {
        return Response::html(503, &not_built_yet(), 0);
    };
    match locate(&folder, path) {
        Found::File(file) => match std::fs::read(&file) {
            Ok(bytes) if is_html(&file) => {
                Response::html(200, &String::from_utf8_lossy(&bytes), build)
            }
            Ok(bytes) => Response::new(200, content_type(&file), bytes),
            Err(_) => not_found(&folder, build),
        },
        Found::Folder(location) => Response::redirect(location),
        Found::Nothing => not_found(&folder, build),
    }
}

enum Found {
    File(PathBuf),
    /// A folder asked for without its `/`: relative links need it.
    Folder(String),
    Nothing,
}

fn locate(folder: &Path, path: &str) -> Found {
    let relative = Path::new(path.trim_start_matches('/'));
    // Only plain names: no `..`, no absolute paths, nothing outside the site.
    if !relative
        .components()
        .all(|c| matches!(c, Component::Normal(_)))
    {
        return Found::Nothing;
    }
    let full = folder.join(relative);
    if full.is_file() {
        Found::File(full)
    } else if full.join("index.html").is_file() {
        if path.ends_with('/') {
            Found::File(full.join("index.html"))
        } else {
            Found::Folder(format!("{path}/"))
        }
    } else {
        Found::Nothing
    }
}

fn not_found(folder: &Path, build: u64) -> Response {
    match std::fs::read_to_string(folder.join("404.html")) {
        Ok(page) => Response::html(404, &page, build),
        Err(_) => Response::text(404, "Not Found"),
    }
}

/// Shown until the first good build: the reload script then shows the problems over it.
fn not_built_yet() -> String {
    "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">\
     <title>Not built yet</title></head><body><h1>The site has not been built yet</h1>\
     <p>The problems are listed in the window where site-builder is running.</p></body></html>"
        .to_string()
}

fn is_html(file: &Path) -> bool {
    file.extension().is_some_and(|e| e == "html")
}

fn content_type(file: &Path) -> &'static str {
    let extension = file
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or_default()
        .to_ascii_lowercase();
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
        503 => "Service Unavailable",
        _ => "",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_are_decoded_and_kept_inside_the_site() {
        assert_eq!(decode_path("/get%20help/?q=1#top"), "/get help/");
        assert_eq!(decode_path("/100%"), "/100%");
        let site = tempfile::tempdir().unwrap();
        std::fs::create_dir(site.path().join("news")).unwrap();
        std::fs::write(site.path().join("news/index.html"), "").unwrap();
        assert!(matches!(locate(site.path(), "/news"), Found::Folder(l) if l == "/news/"));
        assert!(matches!(locate(site.path(), "/news/"), Found::File(_)));
        assert!(matches!(
            locate(site.path(), "/news/../../etc/passwd"),
            Found::Nothing
        ));
    }

    #[test]
    fn requests_are_read_up_to_the_blank_line() {
        let mut request = "GET /a/ HTTP/1.1\r\nHost: x\r\n\r\n".as_bytes();
        assert_eq!(
            read_request(&mut request).unwrap(),
            Some(("GET".into(), "/a/".into()))
        );
        assert_eq!(
            read_request(&mut "GET /a/ HTTP/1.1\r\n".as_bytes()).unwrap(),
            None
        );
    }
}
