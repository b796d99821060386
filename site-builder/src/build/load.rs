//! Stage 1, load: the settings, the content, the templates, the self-check and the
//! theme's assets, read once. Every later stage works from this; none goes back to disk.

use std::path::Path;

use crate::config::{self, LoadedConfig};
use crate::content::{library, Library};
use crate::date::Date;
use crate::diagnostic::{read_text, Diagnostic};
use crate::error::Error;
use crate::markdown;
use crate::postprocess::Reader;
use crate::render::Templates;
use crate::selfcheck::{self, Prepared};

use super::Options;

/// Everything the site is made from.
pub struct Site {
    pub config: LoadedConfig,
    pub library: Library,
    pub templates: Templates,
    pub selfcheck: Option<Prepared>,
    /// The self-check definition has problems of its own: pages that show it are not
    /// rendered, so its problems are not repeated as template errors.
    pub selfcheck_failed: bool,
    /// The theme's files in `templates/assets/`, by name.
    pub theme_assets: Vec<(String, Vec<u8>)>,
    /// The text of copied content files that a browser would read as a page or a
    /// stylesheet, with the index of their entry in `library.assets`.
    pub copied_texts: Vec<(usize, String)>,
    /// Reads addresses relative to the site's own origin.
    pub reader: Reader,
    pub warnings: Vec<Diagnostic>,
    pub today: Date,
}

/// File types copied from `content/` that the page checks read.
const CHECKED: [&str; 6] = ["html", "htm", "xhtml", "svg", "xml", "css"];
/// File types that would run as code, which only the theme may ship.
const PROGRAMS: [&str; 5] = ["js", "mjs", "cjs", "wasm", "swf"];

/// Loads the site. Problems are added to `problems`; the error is returned only when
/// the settings or the templates fail, since then nothing can be rendered.
pub fn load(options: &Options, problems: &mut Vec<Diagnostic>) -> Result<Site, Error> {
    let content_dir = options.root.join("content");
    let schedule = crate::content::Schedule {
        today: options.today,
        include_drafts: options.drafts || options.previews,
        include_unpublished: options.previews,
    };
    // Settings, content and templates are independent, so all their problems are reported
    // together.
    let config = config::load(&content_dir, Path::new("content"));
    let (library, content_problems) = library::load(&content_dir, Path::new("content"), &schedule);
    problems.extend(content_problems);
    let templates = Templates::load(&options.root.join("templates"), Path::new("templates"));
    let (config, templates) = match (config, templates) {
        (Ok(c), Ok(t)) => (c, t),
        (c, t) => {
            problems.extend(c.err().unwrap_or_default());
            problems.extend(t.err().unwrap_or_default());
            return Err(Error::Problems(std::mem::take(problems)));
        }
    };
    problems.extend(templates.check_documents(&library));
    problems.extend(check_banner_link(&config, &library));
    let (selfcheck, selfcheck_failed) = match selfcheck::prepare(&config, &content_dir, &library) {
        Ok(prepared) => (prepared, false),
        Err(Error::Problems(found)) => {
            problems.extend(found);
            (None, true)
        }
        Err(other) => return Err(other),
    };
    let theme_assets = theme_assets(&options.root.join("templates"))?;
    let copied_texts = copied_texts(&library, problems);
    let reader = Reader::new(&config.config.base_url).ok_or_else(|| {
        Error::Problems(vec![
            config.problem_at("base_url", "the base address cannot be read")
        ])
    })?;
    Ok(Site {
        warnings: config.stale_support(options.today),
        config,
        library,
        templates,
        selfcheck,
        selfcheck_failed,
        theme_assets,
        copied_texts,
        reader,
        today: options.today,
    })
}

/// The banner may link with `@/page.md`, like Markdown.
fn check_banner_link(config: &LoadedConfig, library: &Library) -> Option<Diagnostic> {
    let link = config
        .config
        .banner
        .as_ref()
        .and_then(|b| b.link.as_deref())?;
    // A banner may point at its campaign before the page is published: the banner only
    // shows from its own start date.
    match markdown::resolve_link(link, library) {
        Err(broken @ markdown::BrokenLink::Missing { .. }) => {
            Some(config.problem_at("banner.link", broken.to_string()))
        }
        _ => None,
    }
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
fn copied_texts(library: &Library, problems: &mut Vec<Diagnostic>) -> Vec<(usize, String)> {
    let mut texts = Vec::new();
    for (index, asset) in library.assets.iter().enumerate() {
        let extension = asset
            .from
            .extension()
            .map(|e| e.to_string_lossy().to_ascii_lowercase())
            .unwrap_or_default();
        if PROGRAMS.contains(&extension.as_str()) {
            problems.push(
                Diagnostic::file(&asset.shown, format!("a `.{extension}` file would run as code, and only the theme's own scripts may run"))
                    .with_help("remove it from content/; behaviour belongs in templates/assets/"),
            );
        } else if CHECKED.contains(&extension.as_str()) {
            match read_text(&asset.from, &asset.shown) {
                Ok(text) => texts.push((index, text)),
                Err(problem) => problems.push(problem),
            }
        }
    }
    texts
}
