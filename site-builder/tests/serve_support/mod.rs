//! Drives a real `site-builder serve`: starts it on a copy of a site, fetches pages, and
//! listens to the reload channel as an open page would. Shared by the tests and the
//! reload benchmark.

#![allow(dead_code)] // each user takes what it needs

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, ExitStatus, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// Long enough for a loaded machine; polling returns as soon as the condition holds.
pub const PATIENCE: Duration = Duration::from_secs(90);

/// A `site-builder serve` running on a copy of a site.
pub struct Server {
    child: Child,
    pub address: String,
    /// The copy being served; tests edit files in it.
    pub root: PathBuf,
    _folder: tempfile::TempDir,
    output: Arc<Mutex<String>>,
}

/// One response, read whole.
pub struct Response {
    pub status: u16,
    pub headers: String,
    pub body: String,
}

impl Response {
    /// Reads a response to its end (the server closes each connection).
    pub fn read(stream: &mut impl Read) -> Response {
        let mut raw = Vec::new();
        stream.read_to_end(&mut raw).unwrap();
        let raw = String::from_utf8_lossy(&raw);
        let (head, body) = raw.split_once("\r\n\r\n").unwrap();
        let (status_line, headers) = head.split_once("\r\n").unwrap_or((head, ""));
        Response {
            status: status_line.split(' ').nth(1).unwrap().parse().unwrap(),
            headers: headers.replace("\r\n", "\n"),
            body: body.to_string(),
        }
    }

    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.lines().find_map(|line| {
            let (n, v) = line.split_once(':')?;
            n.eq_ignore_ascii_case(name).then(|| v.trim())
        })
    }
}

/// A message on the reload channel: `built` (data: the build number) or `problems`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Event {
    pub name: String,
    pub data: String,
}

impl Server {
    /// Copies `site` to a temporary folder and serves it on a free port, once the first
    /// build is done. `extra` is passed to `serve`.
    pub fn start(site: &Path, extra: &[&str]) -> Server {
        let folder = tempfile::tempdir().unwrap();
        let root = folder.path().join("site");
        crate::sites::copy_tree(site, &root);
        let mut child = Command::new(env!("CARGO_BIN_EXE_site-builder"))
            .args(["serve", "--port", "0", "--root"])
            .arg(&root)
            .args(extra)
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let output = Arc::new(Mutex::new(String::new()));
        collect(child.stdout.take().unwrap(), &output);
        collect(child.stderr.take().unwrap(), &output);
        let mut server = Server {
            child,
            address: String::new(),
            root,
            _folder: folder,
            output,
        };
        let prefix = "Previewing the site at http://";
        server.address = server.wait_for("the first build", |s| {
            let out = s.output();
            let at = out.find(prefix)? + prefix.len();
            Some(out[at..].split('/').next()?.to_string())
        });
        server
    }

    /// Everything the server printed so far, stdout and stderr together.
    pub fn output(&self) -> String {
        self.output.lock().unwrap().clone()
    }

    /// Polls `check` until it gives a value, panicking with the output after `PATIENCE`.
    pub fn wait_for<T>(&mut self, what: &str, mut check: impl FnMut(&Self) -> Option<T>) -> T {
        let started = Instant::now();
        loop {
            if let Some(value) = check(self) {
                return value;
            }
            if let Ok(Some(status)) = self.child.try_wait() {
                panic!(
                    "serve exited ({status}) waiting for {what}:\n{}",
                    self.output()
                );
            }
            if started.elapsed() > PATIENCE {
                panic!(
                    "gave up waiting for {what}; serve printed:\n{}",
                    self.output()
                );
            }
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    pub fn get(&self, path: &str) -> Response {
        self.get_from(path, &self.address)
    }

    /// `GET path` with `Host: host`.
    pub fn get_from(&self, path: &str, host: &str) -> Response {
        self.send(format!("GET {path} HTTP/1.1\r\nHost: {host}\r\n\r\n").as_bytes())
    }

    /// Sends `request` as it is, and reads the whole response.
    pub fn send(&self, request: &[u8]) -> Response {
        let mut stream = TcpStream::connect(&self.address).unwrap();
        stream.write_all(request).unwrap();
        Response::read(&mut stream)
    }

    /// The process id, to look at its threads.
    pub fn pid(&self) -> u32 {
        self.child.id()
    }

    /// What the reload channel tells a page that opens now.
    pub fn event(&self) -> Option<Event> {
        let mut events = self.listen();
        events.next()
    }

    /// Connects to the reload channel and reads its events as they come.
    pub fn listen(&self) -> impl Iterator<Item = Event> {
        let mut stream = TcpStream::connect(&self.address).unwrap();
        stream.set_read_timeout(Some(PATIENCE)).unwrap();
        write!(
            stream,
            "GET /__livereload HTTP/1.1\r\nHost: {}\r\n\r\n",
            self.address
        )
        .unwrap();
        let mut lines = BufReader::new(stream).lines().map_while(Result::ok);
        // The response head ends at the first blank line.
        for line in lines.by_ref() {
            if line.is_empty() {
                break;
            }
        }
        std::iter::from_fn(move || {
            let mut name = String::from("message");
            let mut data: Vec<String> = Vec::new();
            loop {
                // `None` when the stream ends.
                let line = lines.next()?;
                if line.is_empty() {
                    // A blank line ends an event; `retry:` and comments carry none.
                    if !data.is_empty() {
                        return Some(Event {
                            name,
                            data: data.join("\n"),
                        });
                    }
                    name = String::from("message");
                } else if let Some(value) = line.strip_prefix("event:") {
                    name = value.trim().to_string();
                } else if let Some(value) = line.strip_prefix("data:") {
                    data.push(value.strip_prefix(' ').unwrap_or(value).to_string());
                }
            }
        })
    }

    /// Replaces `old` with `new` in a file of the served site.
    pub fn edit(&self, file: &str, old: &str, new: &str) {
        let path = self.root.join(file);
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(text.contains(old), "{file} has no {old:?}");
        std::fs::write(&path, text.replacen(old, new, 1)).unwrap();
    }

    /// Stops the server as Ctrl-C does, and returns how it exited and what it printed.
    pub fn interrupt(mut self) -> (ExitStatus, String) {
        let status = self.stop().expect("serve to stop on Ctrl-C");
        // Let the readers take the last lines.
        std::thread::sleep(Duration::from_millis(100));
        (status, self.output())
    }

    /// Sends Ctrl-C (SIGINT) and waits for the exit.
    fn stop(&mut self) -> Option<ExitStatus> {
        let pid = self.child.id().to_string();
        Command::new("kill").args(["-INT", &pid]).status().ok()?;
        let started = Instant::now();
        while started.elapsed() < PATIENCE {
            if let Some(status) = self.child.try_wait().ok()? {
                return Some(status);
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        None
    }
}

impl Drop for Server {
    /// Stops as an editor would, so the server removes its folder; kills it if it hangs.
    fn drop(&mut self) {
        if matches!(self.child.try_wait(), Ok(None)) && self.stop().is_none() {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}

fn collect(stream: impl Read + Send + 'static, into: &Arc<Mutex<String>>) {
    let into = Arc::clone(into);
    std::thread::spawn(move || {
        for line in BufReader::new(stream).lines().map_while(Result::ok) {
            let mut out = into.lock().unwrap();
            out.push_str(&line);
            out.push('\n');
        }
    });
}
