//! Stage 1, load: the settings, the content, the templates and the theme's assets (the
//! site's own over the built-in theme), the self-check and the copied files, read once. Every later stage works from this; none goes back to disk.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::config::{self, LoadedConfig};
use crate::content::{library, Library};
use crate::date::Date;
use crate::diagnostic::Diagnostic;
use crate::error::Error;
use crate::markdown;
use crate::postprocess::Reader;
use crate::render::Templates;
use crate::selfcheck::{self, Prepared};
use crate::theme;

use super::copied::{self, Copied};
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
    /// The theme's assets: the built-in ones, each replaced by the site's own file of the
    /// same name in `templates/assets/`, and the site's other files there.
    pub theme_assets: Vec<ThemeAsset>,
    /// The files copied as they are, from content/ bundles and static/.
    pub copied: Copied,
    /// Reads addresses relative to the site's own origin.
    pub reader: Reader,
    pub warnings: Vec<Diagnostic>,
    pub today: Date,
}

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
    let templates = Templates::load(
        &options.root.join("templates"),
        Path::new("templates"),
        library.documents.iter().map(|d| d.template()),
    );
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
    problems.extend(check_footer_links(&config, &library));
    let (selfcheck, selfcheck_failed) = match selfcheck::prepare(&config, &content_dir, &library) {
        Ok(prepared) => (prepared, false),
        Err(Error::Problems(found)) => {
            problems.extend(found);
            (None, true)
        }
        Err(other) => return Err(other),
    };
    let theme_assets = theme_assets(&options.root.join("templates"))?;
    let copied = copied::load(&options.root, &library, problems);
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
        copied,
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

/// The brand's footer links may link with `@/page.md`, like Markdown.
fn check_footer_links(config: &LoadedConfig, library: &Library) -> Vec<Diagnostic> {
    let links = config.config.brand.iter().flat_map(|b| &b.footer_links);
    (links.enumerate())
        .filter_map(|(i, link)| {
            let broken = markdown::resolve_link(&link.url, library).err()?;
            let at = format!("brand.footer_links.{i}.url");
            Some(config.problem_at(&at, broken.to_string()))
        })
        .collect()
}

/// One of the theme's assets.
pub struct ThemeAsset {
    /// As templates ask for it: `site.css`.
    pub name: String,
    /// As problems name it: `theme:assets/site.css`, or `templates/assets/site.css`.
    pub shown: PathBuf,
    pub bytes: Vec<u8>,
}

/// The theme's assets, in name order: every file under the site's `templates/assets/`,
/// and each built-in asset the site does not replace.
fn theme_assets(templates_dir: &Path) -> Result<Vec<ThemeAsset>, Error> {
    let assets_dir = templates_dir.join("assets");
    let mut assets = BTreeMap::new();
    for (name, bytes) in theme::assets() {
        let shown = theme::shown(&format!("assets/{name}"));
        assets.insert(name.to_string(), (shown, bytes.to_vec()));
    }
    for entry in walkdir::WalkDir::new(&assets_dir)
        .sort_by_file_name()
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
    {
        let rel = (entry.path().strip_prefix(&assets_dir)).unwrap_or(entry.path());
        let name = rel.to_string_lossy().replace('\\', "/");
        let bytes = std::fs::read(entry.path()).map_err(Error::io(entry.path()))?;
        let shown = Path::new("templates/assets").join(rel);
        assets.insert(name, (shown, bytes));
    }
    Ok((assets.into_iter())
        .map(|(name, (shown, bytes))| ThemeAsset { name, shown, bytes })
        .collect())
}
