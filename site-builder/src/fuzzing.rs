//! Entry points for the fuzz targets in `fuzz/` (not an API for anything else): the parts
//! of the build that read what editors write, one at a time, with what must always hold
//! checked here so that every target asks the same.

use std::path::Path;

use crate::content::front_matter;
use crate::postprocess::{process, Reader, Rules};

/// Splits a Markdown file into front matter and body: never a panic, and a problem
/// names a line inside the file.
pub fn split_front_matter(text: &str) {
    if let Err(problem) = front_matter::split(text, Path::new("content/page.md")) {
        let lines = text.lines().count().max(1) + 1;
        assert!(
            problem.line <= lines,
            "{problem} in a file of {lines} lines"
        );
    }
}

/// Runs the page pass over `html`: never a panic; every finding and link points inside
/// the page; and the page written out holds no script of its own unless one was found.
pub fn check_page(html: &str) {
    let reader = Reader::new("https://site.example").expect("a valid address");
    let rules = Rules {
        reader: &reader,
        policy: crate::security::CONTENT_SECURITY_POLICY,
        exit_url: "https://www.bbc.co.uk/weather",
        exit_script: Some("/assets/quick-exit.js"),
    };
    let processed = process(html, "/page/", &rules);
    for finding in &processed.findings {
        assert!(
            finding.at.start <= html.len(),
            "{} outside the page",
            finding.message
        );
    }
    for link in &processed.links {
        assert!(link.at.start <= html.len(), "a link outside the page");
    }
    if processed.findings.is_empty() {
        // What passes the checks must pass them again as written: rewriting made nothing new.
        let again = process(&processed.html, "/page/", &rules);
        assert!(
            again.findings.is_empty(),
            "{:?} after rewriting",
            again.findings
        );
    }
}
