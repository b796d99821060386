//! `site-builder init`: a new site in an empty folder, ready to build, or a copy of this
//! repository's example site.
//!
//! The new site holds only what is the organisation's own (its content, settings and
//! self-check); the theme is built in. [`STARTER`] is the one list of the files it gets,
//! and the CI [`recipes`](crate::recipes) are written beside them, scheduled in the time
//! zone the new `site.yaml` names.

use std::path::{Path, PathBuf};

use crate::embedded::EXAMPLE;
use crate::error::Error;

/// Every file of a new site but its CI recipes: its path in the site, and its text. To
/// give new sites another file, add it here.
pub const STARTER: &[(&str, &str)] = &[
    (".gitignore", include_str!("../starter/gitignore")),
    ("README.md", include_str!("../starter/README.md")),
    (
        "content/site.yaml",
        include_str!("../starter/content/site.yaml"),
    ),
    (
        "content/_index.md",
        include_str!("../starter/content/_index.md"),
    ),
    (
        "content/get-help/_index.md",
        include_str!("../starter/content/get-help/_index.md"),
    ),
    (
        "content/get-help/support-services.md",
        include_str!("../starter/content/get-help/support-services.md"),
    ),
    (
        "content/privacy.md",
        include_str!("../starter/content/privacy.md"),
    ),
    (
        "content/accessibility.md",
        include_str!("../starter/content/accessibility.md"),
    ),
    (
        "content/cover-your-tracks.md",
        include_str!("../starter/content/cover-your-tracks.md"),
    ),
    (
        "content/self-check/_index.md",
        include_str!("../starter/content/self-check/_index.md"),
    ),
    (
        "content/self-check/questions.md",
        include_str!("../starter/content/self-check/questions.md"),
    ),
    (
        "content/self-check/questions.yaml",
        include_str!("../starter/content/self-check/questions.yaml"),
    ),
];

/// What to start from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Start {
    /// The small starter site.
    Starter,
    /// This repository's full example site about stalking.
    Stalking,
}

/// The files a new site gets: the starter's, or the example's `content/` with the
/// starter's `.gitignore` and README.
fn files(start: Start) -> Vec<(String, &'static [u8])> {
    let outside_content = STARTER
        .iter()
        .filter(|(path, _)| !path.starts_with("content/"));
    let mut files: Vec<(String, &[u8])> = match start {
        Start::Starter => (STARTER.iter())
            .map(|(path, text)| (path.to_string(), text.as_bytes()))
            .collect(),
        Start::Stalking => (EXAMPLE.iter())
            .map(|(path, bytes)| (format!("content/{path}"), *bytes))
            .chain(outside_content.map(|(path, text)| (path.to_string(), text.as_bytes())))
            .collect(),
    };
    files.sort();
    files
}

/// Writes a new site into `dir`, which must be empty or not exist yet. Returns the files
/// written, relative to `dir`.
pub fn init(dir: &Path, start: Start) -> Result<Vec<PathBuf>, Error> {
    if dir.exists() {
        let mut entries = std::fs::read_dir(dir).map_err(Error::io(dir))?;
        if entries.next().is_some() {
            return Err(Error::refused(
                format!("{} is not empty", dir.display()),
                "start the site in a new or empty folder, such as `site-builder init my-site`",
            ));
        }
    }
    let mut written = Vec::new();
    for (path, bytes) in files(start) {
        let file = dir.join(&path);
        if let Some(parent) = file.parent() {
            std::fs::create_dir_all(parent).map_err(Error::io(parent))?;
        }
        std::fs::write(&file, bytes).map_err(Error::io(&file))?;
        written.push(PathBuf::from(path));
    }
    let timezone = crate::recipes::timezone_of(dir)?;
    written.extend(crate::recipes::write(dir, &timezone)?);
    Ok(written)
}
