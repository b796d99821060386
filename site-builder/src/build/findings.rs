//! Stage 4, check, for one page: what the page pass found on it and each of its links
//! that leads nowhere, placed at `file:line:col` in the source that made it. A page is
//! checked as soon as it is made, beside the others; only a link to an anchor on another
//! page waits for that page to be made (see [`PageProblem::unless`]).

use std::collections::{HashMap, HashSet};
use std::path::PathBuf;

use crate::diagnostic::{Diagnostic, LineIndex};
use crate::markdown::SourceMap;
use crate::postprocess::{self, Broken, Finding, LinkChecker, Processed, Region, Target};

use super::load::Site;
use super::plan::Plan;

/// Where a problem came from.
#[derive(Debug, Clone)]
pub enum Placed {
    /// A content file: a Markdown body, or the self-check's text.
    Source(Diagnostic),
    /// A template, which many pages share.
    Template(Diagnostic),
}

/// A problem on one page, placed.
#[derive(Debug, Clone)]
pub struct PageProblem {
    pub placed: Placed,
    /// For a link to an anchor on another page: the problem stands only if that page,
    /// once made, turns out not to have the anchor.
    pub unless: Option<Target>,
}

impl PageProblem {
    /// Whether the problem stands, given the ids on each page by address: a link to an
    /// anchor stands only when the page it leads to lacks the anchor.
    pub fn stands(&self, ids: &HashMap<&str, &HashSet<String>>) -> bool {
        (self.unless.as_ref()).is_none_or(|target| {
            target
                .check(ids.get(target.page.as_str()).copied())
                .is_err()
        })
    }
}

/// A page just made, as much as placing its problems needs.
pub struct Made<'a> {
    /// The document, by index in the library; `None` for the 404 and forwarding pages.
    pub doc: Option<usize>,
    pub template: &'a str,
    pub url: &'a str,
    /// Where the page's Markdown body came from.
    pub body_map: &'a SourceMap,
}

/// Places findings back in the files they came from.
pub struct Placer<'a> {
    pub site: &'a Site,
    pub plan: &'a Plan,
    /// The files links may lead to: the plan's, and any made after it.
    pub files: &'a HashSet<String>,
    /// A link written as this (the brand's logo, when it is missing) is reported once, at
    /// its line in site.yaml, not on every page.
    pub reported: Option<&'a str>,
}

impl Placer<'_> {
    /// Everything the page pass found on a page, then each link that leads nowhere, in
    /// the order they are on the page.
    pub fn page(&self, page: &Made<'_>, processed: &Processed) -> Vec<PageProblem> {
        let regions = &processed.regions;
        let mut problems: Vec<PageProblem> = (processed.findings.iter())
            .map(|finding| PageProblem {
                placed: self.finding(finding, page, regions),
                unless: None,
            })
            .collect();
        let checker = LinkChecker { files: self.files };
        for link in &processed.links {
            if Some(link.written.as_str()) == self.reported {
                continue;
            }
            let (broken, unless) = match checker.target(link) {
                Err(broken) => (broken, None),
                Ok(target) if target.page == page.url => match target.check(Some(&processed.ids)) {
                    Err(broken) => (broken, None),
                    Ok(()) => continue,
                },
                Ok(Target {
                    anchor: Some(anchor),
                    page: other,
                }) => {
                    let broken = Broken::NoAnchor {
                        page: other.clone(),
                        anchor: anchor.clone(),
                    };
                    let anchor = Some(anchor);
                    (
                        broken,
                        Some(Target {
                            page: other,
                            anchor,
                        }),
                    )
                }
                Ok(_) => continue,
            };
            let finding = broken_link(link, &broken);
            let placed = self.finding(&finding, page, regions);
            problems.push(PageProblem { placed, unless });
        }
        problems
    }

    /// A finding in a source fragment (a Markdown body, a self-check text) is placed
    /// through that fragment's source map; one on an element a template wrote, at the
    /// template tag its mark names.
    fn finding(&self, finding: &Finding, page: &Made<'_>, regions: &[Region]) -> Placed {
        let in_source = self.in_source(finding, page, regions);
        let with = |problem: Diagnostic| {
            let problem = problem.message(finding.message.clone());
            match &finding.help {
                Some(help) => problem.with_help(help.clone()),
                None => problem,
            }
        };
        if let Some(problem) = in_source {
            return Placed::Source(with(problem));
        }
        let templates = &self.site.templates;
        let marked = finding.mark.and_then(|m| templates.marks.place(m));
        let problem = match marked {
            Some((shown, line, col)) => Diagnostic::new(shown, *line, *col, ""),
            // An element with no mark was written by a Tera expression (such as a string
            // set in a `{% set %}`): the page's template is as near as can be said.
            None => {
                let shown = (templates.sources.get(page.template)).map(|(s, _)| s.clone());
                Diagnostic::file(
                    shown.unwrap_or_else(|| PathBuf::from("templates").join(page.template)),
                    "",
                )
            }
        };
        Placed::Template(with(problem))
    }

    fn in_source(
        &self,
        finding: &Finding,
        page: &Made<'_>,
        regions: &[Region],
    ) -> Option<Diagnostic> {
        let doc = page.doc.map(|i| &self.plan.library.documents[i]);
        let region = (regions.iter())
            .find(|r| r.within.start <= finding.at.start && finding.at.start <= r.within.end)?;
        let offset = finding.at.start - region.within.start;
        match (region.fragment, doc) {
            (0, Some(doc)) => {
                let start = page.body_map.source_offset(offset);
                let source = refine(&doc.body, start, &finding.needle);
                let (line, col) = LineIndex::new(&doc.body).position(source);
                Some(Diagnostic::new(
                    &doc.shown,
                    line + doc.body_line - 1,
                    col,
                    "",
                ))
            }
            (0, None) => None,
            (id, doc) => {
                let lang = doc.map_or(0, |d| d.lang);
                let fragments = &self.plan.selfcheck.get(lang)?.as_ref()?.fragments;
                let (path, line, col) = fragments.position(id, offset)?;
                Some(Diagnostic::new(path, line, col, ""))
            }
        }
    }
}

fn broken_link(link: &postprocess::Link, broken: &Broken) -> Finding {
    Finding {
        at: link.at.clone(),
        message: broken.to_string(),
        needle: match broken {
            Broken::NoAnchor { anchor, .. } => format!("#{anchor}"),
            Broken::NoPage(_) => link.written.clone(),
        },
        help: Some("check the address; link to pages as @/section/page.md#heading so the build can check them".into()),
        mark: link.mark,
    }
}

/// Markdown such as `[text](address)` starts where the map points, and the part a finding
/// is about (the address, an attribute) a little further on, within the same paragraph.
fn refine(body: &str, start: usize, needle: &str) -> usize {
    let rest = body.get(start..).unwrap_or_default();
    let paragraph = rest.find("\n\n").map_or(rest, |end| &rest[..end]);
    match paragraph.find(needle).filter(|_| !needle.is_empty()) {
        Some(i) => start + i,
        None => start,
    }
}
