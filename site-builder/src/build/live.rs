//! The live preview's build: the same stages as a build, with the site kept in memory
//! between builds. A build reads again only the files that changed, proves the
//! self-check again only when its definition changed, and makes again only the pages
//! whose inputs changed (see `memo`); the site it gives is in memory, byte for byte the
//! site a build would write.

use std::path::PathBuf;
use std::sync::Arc;
use std::time::Instant;

use crate::diagnostic::Diagnostic;
use crate::error::Error;
use crate::output::{Body, Files};

use super::memo::Pages;
use super::render::Out;
use super::{
    check, index, load, plan, render, schedule, sort, translations, write, Options, Report,
};

/// A build kept in memory, to be built again after each change.
pub struct Live {
    options: Options,
    kept: load::Kept,
    pages: Pages,
    index: index::Kept,
}

impl Live {
    /// `options.out` is not used: the site stays in memory.
    pub fn new(options: Options) -> Live {
        Live {
            options,
            kept: load::Kept::default(),
            pages: Pages::default(),
            index: index::Kept::default(),
        }
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

    /// Builds the site, from what changed since the last build.
    pub fn build(&mut self) -> Result<(Report, Files), Error> {
        let started = Instant::now();
        let options = &self.options;
        let mut problems: Vec<Diagnostic> = Vec::new();
        let site = load::load(options, &mut problems, &mut self.kept)?;
        let today = (options.now).unwrap_or_else(|| options.clock.today_in(&site.config.zone));
        let plan = plan::plan(&site, &schedule(options, today), &mut problems);
        let renderer = render::Renderer::new(&site, &plan, Out::Memory);
        let mut rendered = renderer.documents(Some(&mut self.pages), &mut problems);
        let search = index::index(
            &renderer,
            &mut rendered,
            Some(&mut self.index),
            &mut problems,
        )?;
        drop(renderer);
        check::check(&site, &plan, &rendered, &mut problems);
        let (warnings, errors) = sort(problems);
        if !errors.is_empty() {
            return Err(Error::Problems(errors));
        }
        let mut files = Files::default();
        for (path, body) in write::files(&site, &plan) {
            files.insert(path, body);
        }
        for (file, bytes) in &rendered.added {
            if let Some(bytes) = bytes {
                files.insert(file.clone(), Body::Bytes(Arc::clone(bytes)));
            }
        }
        for page in rendered.pages.iter().filter_map(|made| made.page.as_ref()) {
            if let Some(html) = &page.html {
                files.insert(page.file.clone(), Body::Bytes(Arc::clone(html)));
            }
        }
        let report = Report {
            made: rendered.made,
            pages: (plan.library.pages())
                .filter(|d| d.translation_of.is_none())
                .count(),
            sections: (plan.library.sections())
                .filter(|d| d.translation_of.is_none())
                .count(),
            default_language: site.languages().default_language().name.clone(),
            translations: translations::report(&site, &plan.library),
            selfcheck_languages: translations::selfcheck_languages(&site),
            selfcheck: (site.selfcheck.as_ref()).map(|s| (s.path.clone(), s.file.examples.len())),
            left_out: plan.library.left_out.clone(),
            warnings,
            search,
            elapsed: started.elapsed(),
        };
        // Freeing a whole site takes a while: the preview need not wait for it.
        std::thread::spawn(move || drop((site, plan, rendered)));
        Ok((report, files))
    }
}
