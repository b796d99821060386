//! `site-builder serve`: a local preview that rebuilds when an editor saves a file and
//! reloads the pages they have open.
//!
//! The pieces, in the order a change travels through them:
//! - `watcher` — notices saves in `content/`, `templates/` and `static/`, and waits for a
//!   quiet moment;
//! - the rebuild loop ([`Preview::run`]) — builds with previews on, in memory, with the
//!   last build kept ([`Live`]): only the files that changed are read again and only the
//!   pages they change are made again; the pages are served as soon as they are made,
//!   and the search index (most of a large site's build) follows; a failed build leaves
//!   the site being served as it was; with `--write`, each good build is also written to
//!   the output folder;
//! - `reload` — tells open pages about each build (Server-Sent Events), or shows the
//!   problems over them;
//! - `http` — serves the last good site from memory, with the reload script added to its
//!   pages, to requests `request` has read and found to be for this machine.

mod http;
mod reload;
mod request;
mod watcher;

use std::net::{SocketAddr, TcpListener, TcpStream};
use std::path::PathBuf;
use std::sync::mpsc::{self, Receiver, Sender};
use std::sync::Arc;
use std::time::{Duration, Instant};

use crate::build::{Live, Options, Report};
use crate::date::{Clock, Date};
use crate::diagnostic::{Color, Form, Printer};
use crate::error::Error;

/// How to run the preview.
#[derive(Debug, Clone)]
pub struct Settings {
    /// The site: the folder holding `content/` and `templates/`.
    pub root: PathBuf,
    /// Where to listen, such as `127.0.0.1:1111`.
    pub address: SocketAddr,
    /// Build as of this day; `None` means the real today, at every rebuild.
    pub today: Option<Date>,
    /// Also write each good build to this folder (`serve --write`), as `build` does.
    pub write: Option<PathBuf>,
}

fn port_busy(address: SocketAddr) -> Error {
    let port = address.port().checked_add(1).unwrap_or(1112);
    Error::refused(
        format!("{address} is already in use, perhaps by another `site-builder serve`"),
        format!("stop the other preview, or use another port: site-builder serve --port {port}"),
    )
}

fn cannot_listen(address: SocketAddr, source: &std::io::Error) -> Error {
    Error::Refused {
        message: format!("cannot listen on {address}: {source}"),
        help: None,
    }
}

/// What happened, for the terminal.
#[derive(Debug)]
#[non_exhaustive]
pub enum Event<'a> {
    /// The first build is done and pages can be opened at `url`.
    Serving {
        url: String,
    },
    /// Files changed; a rebuild starts.
    Changed {
        paths: &'a [PathBuf],
    },
    Built {
        report: &'a Report,
    },
    /// A good build was written to the output folder (`--write`).
    Written {
        out: &'a std::path::Path,
    },
    /// The build failed; the last good site, if there is one, is still served.
    Failed {
        error: &'a Error,
        /// Whether an earlier build worked, so its site is what the preview shows.
        still_serving: bool,
    },
}

/// Tells a running preview to stop. Cheap to clone; safe to call from a signal handler.
#[derive(Clone)]
pub struct Stopper(Sender<watcher::Signal>);

impl Stopper {
    pub fn stop(&self) {
        let _ = self.0.send(watcher::Signal::Stop);
    }
}

/// A preview server that has claimed its port and is ready to [`run`](Preview::run).
pub struct Preview {
    settings: Settings,
    listener: TcpListener,
    status: Arc<reload::Status>,
    signals: (Sender<watcher::Signal>, Receiver<watcher::Signal>),
}

impl Preview {
    /// Claims the address. A busy port is refused, with the port to try instead.
    pub fn bind(mut settings: Settings) -> Result<Preview, Error> {
        // Watch events name absolute paths; an absolute root lets them be shown short.
        if let Ok(root) = settings.root.canonicalize() {
            settings.root = root;
        }
        let listener = TcpListener::bind(settings.address).map_err(|source| {
            if source.kind() == std::io::ErrorKind::AddrInUse {
                port_busy(settings.address)
            } else {
                cannot_listen(settings.address, &source)
            }
        })?;
        if let Some(out) = &settings.write {
            crate::output::Target::check(&settings.root, out)?;
        }
        Ok(Preview {
            settings,
            listener,
            status: Arc::new(reload::Status::default()),
            signals: mpsc::channel(),
        })
    }

    /// The address actually listened on (useful with port 0).
    pub fn local_addr(&self) -> SocketAddr {
        self.listener.local_addr().unwrap_or(self.settings.address)
    }

    pub fn stopper(&self) -> Stopper {
        Stopper(self.signals.0.clone())
    }

    /// Builds, serves and rebuilds on every change until stopped.
    pub fn run(self, mut log: impl FnMut(Event<'_>)) -> Result<(), Error> {
        let address = self.local_addr();
        let watched = [
            self.settings.root.join("content"),
            self.settings.root.join("templates"),
            self.settings.root.join("static"),
        ];
        let mut live = Live::new(Options {
            root: self.settings.root.clone(),
            out: None,
            drafts: true,
            now: self.settings.today,
            clock: Clock::System,
            previews: true,
        });
        let _watcher = watcher::watch(&watched, self.signals.0.clone(), live.stopper())?;
        let mut builds = 0u64;
        self.rebuild(&mut live, &mut builds, &mut log);
        let listener = self
            .listener
            .try_clone()
            .map_err(|source| cannot_listen(address, &source))?;
        let server = http::start(listener, Arc::clone(&self.status));
        log(Event::Serving {
            url: format!("http://{}/", local_address(address)),
        });

        while let Some(change) = watcher::next_change(&self.signals.1) {
            match change {
                watcher::Change::Files(paths) => {
                    live.changed(&paths);
                    let shown: Vec<PathBuf> = (paths.iter())
                        .map(|p| crate::diagnostic::display_path(&self.settings.root, p))
                        .collect();
                    log(Event::Changed { paths: &shown });
                }
                // Changes were missed: everything is read again.
                watcher::Change::Unknown => live.reread(),
            }
            self.rebuild(&mut live, &mut builds, &mut log);
        }

        // Stop: end the reload streams, then wake the listener so its thread can finish.
        self.status.close();
        let _ = TcpStream::connect_timeout(&local_address(address), Duration::from_secs(1));
        let _ = server.join();
        Ok(())
    }

    /// One build, in memory. A good one is served at once, then its search index is
    /// made and served with it (the pages already open stay as they are: they are of the
    /// same build), then it is written, with `--write`; a failed one leaves the site being
    /// served as it was.
    fn rebuild(&self, live: &mut Live, builds: &mut u64, log: &mut impl FnMut(Event<'_>)) {
        let started = Instant::now();
        let first = self.status.last_asked();
        let mut early = false;
        let mut first_ready = |files, waiting| {
            early = true;
            self.status
                .built_first(*builds + 1, Arc::new(files), waiting);
        };
        let built = live.build_pages_first(&first, &mut first_ready);
        // Pages served first carry this build's number, even if the rest then fails.
        if early {
            *builds += 1;
        }
        let built = built.and_then(|(mut report, files)| {
            report.elapsed = started.elapsed();
            *builds += u64::from(!early);
            self.status.built(*builds, Arc::new(files));
            log(Event::Built { report: &report });
            match live.build_index() {
                None => Ok(()),
                Some(indexed) => indexed.map(|indexed| {
                    self.status.built(*builds, Arc::new(indexed.files));
                }),
            }
        });
        match built {
            Ok(()) => {
                let files = self.status.now().site.map(|(_, files)| files);
                if let (Some(out), Some(files)) = (&self.settings.write, files) {
                    match files.write(&self.settings.root, out) {
                        Ok(()) => log(Event::Written { out }),
                        Err(error) => log(Event::Failed {
                            error: &error,
                            still_serving: true,
                        }),
                    }
                }
            }
            // A newer save is waiting: its build follows at once.
            Err(Error::Superseded) => {}
            Err(error) => {
                // The overlay shows the rich form: the line, with a caret under the place.
                let printer = Printer::new(&self.settings.root, Form::Rich, Color::Never);
                let text = error.text(&printer);
                if early {
                    // Its first pages were served: the last good site is served again.
                    *builds += 1;
                    let last = Arc::new(live.last_site());
                    self.status.fell_back(*builds, last, text);
                } else {
                    self.status.failed(text);
                }
                log(Event::Failed {
                    error: &error,
                    still_serving: *builds > 0,
                });
            }
        }
    }
}

/// Where this machine reaches the server: `0.0.0.0:1111` cannot be opened in a browser.
fn local_address(address: SocketAddr) -> SocketAddr {
    let mut local = address;
    if address.ip().is_unspecified() {
        local.set_ip(match address {
            SocketAddr::V4(_) => std::net::Ipv4Addr::LOCALHOST.into(),
            SocketAddr::V6(_) => std::net::Ipv6Addr::LOCALHOST.into(),
        });
    }
    local
}
