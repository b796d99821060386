//! The pages of a build, in the order they are made: in a build, all at once, in
//! parallel; in the live preview, the pages the editor has open first, when an edit
//! changes many pages (a template every page uses), so the page they are looking at does
//! not wait for the ten thousand they are not. Once the open pages are made and pass
//! their own checks, the preview serves them ([`Early`]), and the rest follow.

use std::collections::{HashMap, HashSet};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

use rayon::prelude::*;

use crate::content::Forward;
use crate::diagnostic::{Diagnostic, Severity};

use super::findings::PageProblem;
use super::memo::{Keys, Pages};
use super::render::{Built, Found, Made, Rendered, Renderer};

/// What the preview asks of a build: the output files to make first (the pages open or
/// last asked for), and what to do with them when they are made and good, while the
/// files named second are still being made.
pub struct Early<'e> {
    pub first: &'e HashSet<String>,
    /// Gets every page of the build made so far (the first ones, and those unchanged
    /// since the last build), and the files still to make.
    pub ready: &'e mut dyn FnMut(Vec<&Built>, HashSet<String>),
    /// Set when a newer change is waiting: the pages not yet made are left unmade.
    pub stop: &'e AtomicBool,
}

/// One page to make.
enum Job<'a> {
    Document(usize),
    Forward(&'a Forward),
    NotFound,
}

/// A page's place in the build: its output file, the fingerprint of its inputs (when
/// the build is kept), and the page once made or taken from the memo, with whether this
/// build made it.
struct Slot {
    file: String,
    key: Option<blake3::Hash>,
    made: Option<(Arc<Made>, bool)>,
}

impl Renderer<'_> {
    /// Renders every document and forwarding page, in parallel, and the 404 page. With
    /// `memo`, a page whose inputs have not changed since the build the memo kept is
    /// taken from it, and the memo then keeps this build's pages. With `early`, the pages
    /// it names are made first and handed to it, when other pages are still to make.
    pub fn documents(
        &self,
        memo: Option<&mut Pages>,
        early: Option<Early<'_>>,
        problems: &mut Vec<Diagnostic>,
    ) -> Rendered {
        let plan = self.plan();
        let keys = memo.is_some().then(|| self.keys());
        let jobs: Vec<Job> = (0..plan.library.documents.len())
            .map(Job::Document)
            .chain(plan.library.forwards.iter().map(Job::Forward))
            .chain(std::iter::once(Job::NotFound))
            .collect();
        let kept = memo.as_deref();
        let mut slots: Vec<Slot> = (jobs.par_iter())
            .map(|job| {
                let (file, key) = self.file_and_key(job, keys);
                let made = key
                    .and_then(|key| kept?.get(&file, key))
                    .map(|kept| (kept, false));
                Slot { file, key, made }
            })
            .collect();
        let stop = early.as_ref().map(|early| early.stop);
        if let Some(early) = early {
            let clean = !problems.iter().any(|p| p.severity == Severity::Error);
            self.first(&jobs, &mut slots, early, clean, kept);
        }
        let stopped = || stop.is_some_and(|stop| stop.load(Ordering::Relaxed));
        let skipped = AtomicBool::new(false);
        (slots.par_iter_mut().zip(&jobs))
            .filter(|(slot, _)| slot.made.is_none())
            .for_each(|(slot, job)| match stopped() {
                true => skipped.store(true, Ordering::Relaxed),
                false => slot.made = Some((Arc::new(self.make(job)), true)),
            });
        let stopped = skipped.into_inner();
        let results: Vec<(String, Option<blake3::Hash>, Arc<Made>, bool)> = (slots.into_iter())
            .filter_map(|slot| {
                let (made, fresh) = slot.made?;
                Some((slot.file, slot.key, made, fresh))
            })
            .collect();
        let mut rendered = Rendered::new(results.len() + 1, self.missing_logo());
        rendered.stopped = stopped;
        let mut kept = Vec::with_capacity(results.len());
        for (file, key, made, fresh) in results {
            kept.push((file, key, Arc::clone(&made)));
            rendered.add(made, fresh, problems);
        }
        if let Some(memo) = memo {
            memo.keep(kept);
        }
        rendered
    }

    /// Makes the pages `early` names that are to be made, when others are too, and hands
    /// them to it if they are good and the build has met no error so far (`clean`). Their
    /// links to anchors are checked against the pages of the last build (`kept`).
    fn first(
        &self,
        jobs: &[Job],
        slots: &mut [Slot],
        early: Early,
        clean: bool,
        kept: Option<&Pages>,
    ) {
        let (first, rest): (Vec<usize>, Vec<usize>) = (0..slots.len())
            .filter(|&i| slots[i].made.is_none())
            .partition(|&i| early.first.contains(&slots[i].file));
        if first.is_empty() || rest.is_empty() {
            return;
        }
        let made: Vec<(usize, Arc<Made>)> = (first.par_iter())
            .map(|&i| (i, Arc::new(self.make(&jobs[i]))))
            .collect();
        for (i, made) in &made {
            slots[*i].made = Some((Arc::clone(made), true));
        }
        let pages: Vec<&Built> = (made.iter())
            .filter_map(|(_, made)| made.page.as_ref())
            .collect();
        let anchored = pages
            .iter()
            .any(|p| p.problems.iter().any(|p| p.unless.is_some()));
        let ids = match (clean, anchored, kept) {
            (true, true, Some(kept)) => kept.ids(),
            _ => HashMap::new(),
        };
        let good = clean
            && pages.len() == made.len()
            && made.iter().all(|(_, made)| good(made, &ids))
            && super::check::furnished(self.site(), self.plan(), &pages);
        if good && !early.stop.load(Ordering::Relaxed) {
            let waiting = rest.iter().map(|&i| slots[i].file.clone()).collect();
            let made = (slots.iter())
                .filter_map(|slot| slot.made.as_ref()?.0.page.as_ref())
                .collect();
            (early.ready)(made, waiting);
        }
    }

    fn file_and_key(&self, job: &Job, keys: Option<&Keys>) -> (String, Option<blake3::Hash>) {
        match job {
            Job::Document(index) => {
                let doc = &self.plan().library.documents[*index];
                (doc.output_path(), keys.map(|k| k.document(*index)))
            }
            Job::Forward(to) => (super::plan::forward_path(to), keys.map(|k| k.forward(to))),
            Job::NotFound => {
                let key = keys.map(|k| k.generated(0, "404.html", &[]));
                ("404.html".into(), key)
            }
        }
    }

    fn make(&self, job: &Job) -> Made {
        match job {
            Job::Document(index) => self.document(*index, &self.plan().library.documents[*index]),
            Job::Forward(to) => self.forward(to),
            Job::NotFound => self.not_found(),
        }
    }
}

/// A page that can be shown before the build ends: nothing was found on it, and the
/// anchors it links to are on the pages they lead to, as the last build made them (`ids`,
/// by address).
fn good(made: &Made, ids: &HashMap<&str, &HashSet<String>>) -> bool {
    let found = made.found.iter().any(|found| match found {
        Found::Source(problem) => problem.severity == Severity::Error,
        Found::Template(..) => true,
    });
    let waits_for_an_anchor =
        |problem: &PageProblem| problem.unless.is_some() && !problem.stands(ids);
    !found && (made.page.as_ref()).is_some_and(|page| page.problems.iter().all(waits_for_an_anchor))
}
