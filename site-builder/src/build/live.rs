//! The live preview's build: the same stages as a build, with the site kept in memory
//! between builds. A build reads again only the files that changed, proves the
//! self-check again only when its definition changed, and makes again only the pages
//! whose inputs changed (see `memo`); the site it gives is in memory, byte for byte the
//! site a build would write.

use std::collections::HashSet;
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::Instant;

use crate::diagnostic::Diagnostic;
use crate::error::Error;
use crate::output::{Body, Files};

use super::early::Early;
use super::memo::Pages;
use super::render::Out;
use super::{check, index, load, plan, render, schedule, sort, write, Options, Report, Shipped};

/// A build kept in memory, to be built again after each change.
pub struct Live {
    options: Options,
    kept: load::Kept,
    pages: Pages,
    index: index::Kept,
    /// The pages built, waiting for their search index.
    pending: Option<Pending>,
    /// The last search index and search page made, served until the next are.
    search_files: Vec<(String, Arc<[u8]>)>,
    /// Every file of the last site built: a page still being made while the pages made
    /// first are shown is served from it only to a request that waited too long.
    last: Files,
    /// Set when a newer change is waiting, which stops the build of the pages.
    stop: Arc<AtomicBool>,
}

impl Live {
    /// `options.out` is not used: the site stays in memory.
    pub fn new(options: Options) -> Live {
        let mut live = Live {
            options,
            kept: load::Kept::default(),
            pages: Pages::default(),
            index: index::Kept::default(),
            pending: None,
            search_files: Vec::new(),
            last: Files::default(),
            stop: Arc::default(),
        };
        live.index.stop = Arc::clone(&live.stop);
        live
    }

    /// What to set when a newer change is waiting: the build of the pages in progress
    /// stops, with [`Error::Superseded`], and keeps the pages it made for the next one; so
    /// does the making of a search index. The next build clears it.
    pub fn stopper(&self) -> Arc<AtomicBool> {
        Arc::clone(&self.stop)
    }

    /// Every file of the last site built whole.
    pub fn last_site(&self) -> Files {
        self.last.clone()
    }

    /// Files that changed since the last build, or folders holding them: they are read
    /// again by the next build.
    pub fn changed(&mut self, paths: &[PathBuf]) {
        self.kept.content.forget(paths);
    }

    /// Forgets everything read: the next build reads every file.
    pub fn reread(&mut self) {
        self.kept = load::Kept::default();
    }

    /// Builds the site, from what changed since the last build: the pages, then the
    /// search index and its page.
    pub fn build(&mut self) -> Result<(Report, Files), Error> {
        let (mut report, files) = self.build_pages()?;
        match self.build_index() {
            Some(Ok(indexed)) => {
                report.made += indexed.made;
                report.search = indexed.search;
                Ok((report, indexed.files))
            }
            Some(Err(error)) => Err(error),
            None => Ok((report, files)),
        }
    }

    /// Builds the pages, from what changed since the last build, leaving the search
    /// index and its page for [`Live::build_index`]: on a large site the index is most
    /// of a build, and an editor's page need not wait for it. Until then the files hold
    /// the last index and search page made.
    pub fn build_pages(&mut self) -> Result<(Report, Files), Error> {
        self.build_pages_first(&HashSet::new(), |_, _| {})
    }

    /// Builds the pages as [`Live::build_pages`] does, making the pages whose output
    /// files are in `first` (the pages open in the preview) before the others, when an
    /// edit changed more than those. If they are made and good, `early` gets the last
    /// site with them in it, and the files still being made, before the rest are made.
    pub fn build_pages_first(
        &mut self,
        first: &HashSet<String>,
        mut early: impl FnMut(Files, HashSet<String>),
    ) -> Result<(Report, Files), Error> {
        let started = Instant::now();
        self.pending = None;
        self.stop.store(false, Ordering::Relaxed);
        let options = &self.options;
        let mut problems: Vec<Diagnostic> = Vec::new();
        let site = load::load(options, &mut problems, &mut self.kept)?;
        let today = (options.now).unwrap_or_else(|| options.clock.today_in(&site.config.zone));
        let plan = plan::plan(&site, &schedule(options, today), &mut problems);
        let renderer = render::Renderer::new(&site, &plan, Out::Memory);
        let site_files = write::files(&site, &plan);
        let (last, search_files) = (&self.last, &self.search_files[..]);
        let mut ready = |pages: Vec<&render::Built>, waiting: HashSet<String>| {
            let shown = Shown { last, search_files };
            early(shown.so_far(&site_files, pages, &waiting), waiting);
        };
        let first = Early {
            first,
            ready: &mut ready,
            stop: &self.stop,
        };
        let rendered = renderer.documents(Some(&mut self.pages), Some(first), &mut problems);

        drop(renderer);
        if rendered.stopped {
            std::thread::spawn(move || drop((site, plan, rendered)));
            return Err(Error::Superseded);
        }
        check::check(&site, &plan, &rendered, &mut problems);
        let (warnings, errors) = sort(problems);
        if !errors.is_empty() {
            return Err(Error::Problems(errors));
        }
        let mut files = Files::default();
        for (path, body) in site_files {
            files.insert(path, body);
        }
        for page in rendered.pages.iter().filter_map(|made| made.page.as_ref()) {
            if let Some(html) = &page.html {
                files.insert(page.file.clone(), Body::Bytes(Arc::clone(html)));
            }
        }
        let report = Report::of(&site, &plan, rendered.made, warnings, Vec::new(), started);
        if site.search {
            let mut served = files.clone();
            for (path, bytes) in &self.search_files {
                served.insert(path.clone(), Body::Bytes(Arc::clone(bytes)));
            }
            self.pending = Some(Pending {
                site,
                plan,
                rendered,
                files,
            });
            self.last = served.clone();
            return Ok((report, served));
        }
        self.search_files.clear();
        self.last = files.clone();
        // Freeing a whole site takes a while: the preview need not wait for it.
        std::thread::spawn(move || drop((site, plan, rendered)));
        Ok((report, files))
    }

    /// The search index and its page for the pages [`Live::build_pages`] last built, with
    /// every file of the site; `None` when there is nothing to do (the site has no search
    /// page, or the pages failed). The problems are a full build's, the search page's
    /// included.
    /// With the index, how many pages were made (the search page, or none when its
    /// inputs are unchanged).
    pub fn build_index(&mut self) -> Option<Result<Indexed, Error>> {
        let Pending {
            site,
            plan,
            mut rendered,
            mut files,
        } = self.pending.take()?;
        let mut problems = Vec::new();
        let (before, pages_before) = (rendered.made, rendered.pages.len());
        let renderer = render::Renderer::new(&site, &plan, Out::Memory);
        let search = index::index(
            &renderer,
            &mut rendered,
            Some(&mut self.index),
            &mut problems,
        );
        drop(renderer);
        let search = match search {
            Ok(search) => search,
            Err(error) => return Some(Err(error)),
        };
        check::check(&site, &plan, &rendered, &mut problems);
        let (_, errors) = sort(problems);
        if !errors.is_empty() {
            return Some(Err(Error::Problems(errors)));
        }
        self.search_files.clear();
        let search_pages = (rendered.pages[pages_before..].iter())
            .filter_map(|made| made.page.as_ref())
            .filter_map(|p| Some((p.file.clone(), Arc::clone(p.html.as_ref()?))));
        let made = (rendered.added.iter())
            .filter_map(|(file, bytes)| Some((file.clone(), Arc::clone(bytes.as_ref()?))))
            .chain(search_pages);
        for (path, bytes) in made {
            files.insert(path.clone(), Body::Bytes(Arc::clone(&bytes)));
            self.search_files.push((path, bytes));
        }
        let made = rendered.made - before;
        self.last = files.clone();
        std::thread::spawn(move || drop((site, plan, rendered)));
        Some(Ok(Indexed {
            search,
            files,
            made,
        }))
    }
}

/// What the last build left to show while the next is being made: its site, and its
/// search index and search page.
struct Shown<'a> {
    last: &'a Files,
    search_files: &'a [(String, Arc<[u8]>)],
}

impl Shown<'_> {
    /// A build's site as far as it is made: its files, its pages made so far, the last
    /// search index, and the last version of each page still to make (sent only to a
    /// request that waited a minute for it).
    fn so_far(
        &self,
        site_files: &[(String, Body)],
        pages: Vec<&render::Built>,
        waiting: &HashSet<String>,
    ) -> Files {
        let mut files = Files::default();
        for file in waiting {
            if let Some(body) = self.last.get(file) {
                files.insert(file.clone(), body.clone());
            }
        }
        for (path, bytes) in self.search_files {
            files.insert(path.clone(), Body::Bytes(Arc::clone(bytes)));
        }
        for (path, body) in site_files {
            files.insert(path.clone(), body.clone());
        }
        for page in pages {
            if let Some(html) = &page.html {
                files.insert(page.file.clone(), Body::Bytes(Arc::clone(html)));
            }
        }
        files
    }
}

/// The search index made for the pages built, and every file of the site with it.
pub struct Indexed {
    pub search: Vec<Shipped>,
    pub files: Files,
    /// Pages made: the search pages whose inputs changed.
    pub made: usize,
}

/// A build whose pages are made and whose search index is still to make.
struct Pending {
    site: load::Site,
    plan: plan::Plan,
    rendered: render::Rendered,
    /// Every file of the site but the index and the search page.
    files: Files,
}
