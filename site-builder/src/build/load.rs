//! Stage 1, load: the settings, the content, the templates, the self-check and the
//! theme's assets, read once, and every check that does not depend on the day. Every
//! later stage works from this; none goes back to disk. `check --ahead` loads once and
//! plans, renders and checks each day from the same load.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use crate::config::{self, LoadedConfig};
use crate::content::{library, Sources};
use crate::diagnostic::{read_text, Diagnostic};
use crate::error::Error;
use crate::postprocess::Reader;
use crate::render::Templates;
use crate::{banners, selfcheck};

use super::Options;

/// Everything the site is made from, on any day.
pub struct Site {
    pub config: LoadedConfig,
    /// `content/`, read but not yet placed for a day.
    pub sources: Sources,
    pub templates: Templates,
    /// The self-check definition, checked; `None` when the site has none or it failed.
    pub selfcheck: Option<selfcheck::Loaded>,
    /// The self-check definition has problems of its own: pages that show it are not
    /// rendered, so its problems are not repeated as template errors.
    pub selfcheck_failed: bool,
    /// The theme's files in `templates/assets/`, by name.
    pub theme_assets: Vec<(String, Vec<u8>)>,
    /// The text of copied content files that a browser would read as a page or a
    /// stylesheet, by the path they are read from.
    pub copied_texts: HashMap<PathBuf, String>,
    /// Reads addresses relative to the site's own origin.
    pub reader: Reader,
}

/// File types copied from `content/` that the page checks read.
const CHECKED: [&str; 6] = ["html", "htm", "xhtml", "svg", "xml", "css"];
/// File types that would run as code, which only the theme may ship.
const PROGRAMS: [&str; 5] = ["js", "mjs", "cjs", "wasm", "swf"];

/// Loads the site. Problems are added to `problems`; the error is returned only when
/// the settings or the templates fail, since then nothing can be rendered.
pub fn load(options: &Options, problems: &mut Vec<Diagnostic>) -> Result<Site, Error> {
    let content_dir = options.root.join("content");
    // Settings, content and templates are independent, so all their problems are reported
    // together.
    let config = config::load(&content_dir, Path::new("content"));
    let (sources, content_problems) = library::read(&content_dir, Path::new("content"));
    problems.extend(content_problems);
    problems.extend(sources.check_redirects());
    let templates = Templates::load(&options.root.join("templates"), Path::new("templates"));
    let (config, templates) = match (config, templates) {
        (Ok(c), Ok(t)) => (c, t),
        (c, t) => {
            problems.extend(c.err().unwrap_or_default());
            problems.extend(t.err().unwrap_or_default());
            return Err(Error::Problems(std::mem::take(problems)));
        }
    };
    problems.extend(banners::check(&config, &sources));
    let selfcheck = match &config.config.selfcheck {
        Some(relative) => selfcheck::load(&content_dir, relative).map(Some),
        None => Ok(None),
    };
    let selfcheck_failed = selfcheck.is_err();
    let selfcheck = selfcheck.unwrap_or_else(|found| {
        problems.extend(found);
        None
    });
    let theme_assets = theme_assets(&options.root.join("templates"))?;
    let copied_texts = copied_texts(&sources, problems);
    let reader = Reader::new(&config.config.base_url).ok_or_else(|| {
        Error::Problems(vec![
            config.problem_at("base_url", "the base address cannot be read")
        ])
    })?;
    Ok(Site {
        config,
        sources,
        templates,
        selfcheck,
        selfcheck_failed,
        theme_assets,
        copied_texts,
        reader,
    })
}

/// The theme's assets: every file under `templates/assets/`.
fn theme_assets(templates_dir: &Path) -> Result<Vec<(String, Vec<u8>)>, Error> {
    let assets_dir = templates_dir.join("assets");
    let mut assets = Vec::new();
    if !assets_dir.is_dir() {
        return Ok(assets);
    }
    for entry in walkdir::WalkDir::new(&assets_dir)
        .sort_by_file_name()
        .into_iter()
        .filter_map(Result::ok)
    {
        if entry.file_type().is_file() {
            let rel = entry
                .path()
                .strip_prefix(&assets_dir)
                .unwrap_or(entry.path());
            let name = rel.to_string_lossy().replace('\\', "/");
            let bytes = std::fs::read(entry.path()).map_err(Error::io(entry.path()))?;
            assets.push((name, bytes));
        }
    }
    Ok(assets)
}

/// Reads the copied files the checks must see, and refuses programs.
fn copied_texts(sources: &Sources, problems: &mut Vec<Diagnostic>) -> HashMap<PathBuf, String> {
    let mut texts = HashMap::new();
    for (from, shown) in sources.copied() {
        let extension = from
            .extension()
            .map(|e| e.to_string_lossy().to_ascii_lowercase())
            .unwrap_or_default();
        if PROGRAMS.contains(&extension.as_str()) {
            problems.push(
                Diagnostic::file(&shown, format!("a `.{extension}` file would run as code, and only the theme's own scripts may run"))
                    .with_help("remove it from content/; behaviour belongs in templates/assets/"),
            );
        } else if CHECKED.contains(&extension.as_str()) {
            match read_text(&from, &shown) {
                Ok(text) => {
                    texts.insert(from, text);
                }
                Err(problem) => problems.push(problem),
            }
        }
    }
    texts
}
