//! Stage 1, load (continued): the files a build copies as they are, from the bundles in
//! `content/` and from `static/` (at the same paths: leaflets, images,
//! `.well-known/security.txt`). Pages, drawings and stylesheets among them are read for
//! the checks; programs are refused; images are read and their metadata removed.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use walkdir::WalkDir;

use crate::content::{Asset, Sources};
use crate::diagnostic::{read_text, Diagnostic};
use crate::output::{is_image, without_metadata};

/// File types that the page checks read.
const CHECKED: [&str; 6] = ["html", "htm", "xhtml", "svg", "xml", "css"];
/// File types that would run as code, which only the theme may ship.
const PROGRAMS: [&str; 5] = ["js", "mjs", "cjs", "wasm", "swf"];

/// The copied files, read as much as the checks and the output need, on any day: each
/// day's plan takes the files of the bundles that are live, and `static/`.
#[derive(Default)]
pub struct Copied {
    /// Every file under `static/`, to be copied to the same path.
    pub statics: Vec<Asset>,
    /// The text of copied files that a browser would read as a page, a drawing or a
    /// stylesheet, by the path they are read from.
    pub texts: HashMap<PathBuf, String>,
    /// Images without their metadata, by the path they are read from: written instead.
    pub cleaned: HashMap<PathBuf, Vec<u8>>,
}

/// Reads `static/` under `root` and every bundle file of `content/`.
pub fn load(root: &Path, sources: &Sources, problems: &mut Vec<Diagnostic>) -> Copied {
    let mut copied = Copied {
        statics: statics(&root.join("static"), problems),
        ..Copied::default()
    };
    let bundles = sources.copied().map(|(from, shown)| Asset {
        from,
        shown,
        to: String::new(),
    });
    let files: Vec<Asset> = bundles.chain(copied.statics.iter().cloned()).collect();
    for asset in files {
        let extension = (asset.from.extension())
            .map(|e| e.to_string_lossy().to_ascii_lowercase())
            .unwrap_or_default();
        if PROGRAMS.contains(&extension.as_str()) {
            let folder = asset
                .shown
                .iter()
                .next()
                .map_or("".into(), |f| f.to_string_lossy());
            problems.push(
                Diagnostic::file(&asset.shown, format!("a `.{extension}` file would run as code, and only the theme's own scripts may run"))
                    .with_help(format!("remove it from {folder}/; behaviour belongs in templates/assets/")),
            );
        } else if CHECKED.contains(&extension.as_str()) {
            match read_text(&asset.from, &asset.shown) {
                Ok(text) => {
                    copied.texts.insert(asset.from, text);
                }
                Err(problem) => problems.push(problem),
            }
        } else if let Some(problem) = clean(&asset, &extension, &mut copied.cleaned) {
            problems.push(problem);
        }
    }
    copied
}

/// Removes an image's metadata, keeping the result; a problem if it cannot be done.
fn clean(
    asset: &Asset,
    extension: &str,
    cleaned: &mut HashMap<PathBuf, Vec<u8>>,
) -> Option<Diagnostic> {
    if !is_image(extension) {
        return None; // copied as it is, unread
    }
    let bytes = match std::fs::read(&asset.from) {
        Ok(bytes) => bytes,
        Err(e) => {
            return Some(Diagnostic::file(
                &asset.shown,
                format!("cannot read the file: {e}"),
            ))
        }
    };
    match without_metadata(extension, &bytes) {
        Ok(Some(stripped)) => {
            cleaned.insert(asset.from.clone(), stripped);
            None
        }
        Ok(None) => None,
        Err(refusal) => {
            Some(Diagnostic::file(&asset.shown, refusal.message).with_help(refusal.help))
        }
    }
}

/// Every file under `static/`, hidden ones included (`.well-known/`), in name order.
fn statics(dir: &Path, problems: &mut Vec<Diagnostic>) -> Vec<Asset> {
    let mut files = Vec::new();
    if !dir.is_dir() {
        return files;
    }
    for entry in WalkDir::new(dir).sort_by_file_name() {
        let entry = match entry {
            Ok(entry) => entry,
            Err(e) => {
                problems.push(Diagnostic::file(
                    "static",
                    format!("cannot read the static folder: {e}"),
                ));
                continue;
            }
        };
        if !entry.file_type().is_file() {
            continue;
        }
        let rel = entry.path().strip_prefix(dir).unwrap_or(entry.path());
        let parts: Vec<_> = rel.iter().map(|p| p.to_string_lossy()).collect();
        files.push(Asset {
            from: entry.path().to_path_buf(),
            shown: Path::new("static").join(rel),
            to: parts.join("/"),
        });
    }
    files
}
