//! Stage 1, load: the settings, the content, the templates and the theme's assets (the
//! site's own over the built-in theme), the self-check and the copied files, read once,
//! and every check that does not depend on the day. Every later stage works from this;
//! none goes back to disk. `check --ahead` loads once and plans, renders and checks each
//! day from the same load.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::config::{self, Config, Languages, LoadedConfig};
use crate::content::{library, Library, Reads, Sources};
use crate::diagnostic::Diagnostic;
use crate::error::Error;
use crate::markdown;
use crate::postprocess::Reader;
use crate::render::Templates;
use crate::strings::{self, Strings};
use crate::{banners, selfcheck, theme};

use super::copied::{self, Copied};
use super::plan::SEARCH_TEMPLATE;
use super::Options;

/// Everything the site is made from, on any day.
pub struct Site {
    pub config: LoadedConfig,
    /// `content/`, read but not yet placed for a day.
    pub sources: Sources,
    pub templates: Templates,
    /// Whether the build makes the search page: the settings want one (the default) and
    /// the templates have it.
    pub search: bool,
    /// The self-check definition, checked; `None` when the site has none or it failed.
    pub selfcheck: Option<Arc<selfcheck::Loaded>>,
    /// The self-check definition has problems of its own: pages that show it are not
    /// rendered, so its problems are not repeated as template errors.
    pub selfcheck_failed: bool,
    /// The theme's assets: the built-in ones, each replaced by the site's own file of the
    /// same name in `templates/assets/`, and the site's other files there.
    pub theme_assets: Vec<ThemeAsset>,
    /// The files copied as they are, from content/ bundles and static/, read as much as
    /// the checks and the output need.
    pub copied: Copied,
    /// Reads addresses relative to the site's own origin.
    pub reader: Reader,
    /// The interface strings of every language.
    pub strings: Arc<Strings>,
    /// The settings as each language's pages see them, by language index.
    pub configs: Vec<Config>,
    /// Said after a link to a page shown in the default language, in each language.
    pub fallback_notes: Vec<String>,
}

impl Site {
    pub fn languages(&self) -> &Languages {
        &self.config.languages
    }

    /// What Markdown in language `lang` is rendered against, on a day's `library`.
    pub fn markdown<'a>(&'a self, library: &'a Library, lang: usize) -> markdown::Context<'a> {
        markdown::Context {
            library,
            support: &self.configs[lang].support,
            lang,
            default_code: &self.languages().default_language().code,
            fallback_note: &self.fallback_notes[lang],
            rtl: self.languages().get(lang).dir == crate::config::Dir::Rtl,
        }
    }
}

/// What loading keeps between the builds of the live preview: the content files as read,
/// and the self-check as checked, by its text, so that a build proves the questionnaire
/// again only when its definition changed. A one-off build keeps nothing from before.
#[derive(Default)]
pub struct Kept {
    pub content: Reads,
    selfcheck: Option<(blake3::Hash, Checked)>,
}

type Checked = Result<Arc<selfcheck::Loaded>, Vec<Diagnostic>>;

impl Kept {
    /// The definition at `relative` in `content/`, checked, or as it was checked when its
    /// text was the same.
    fn selfcheck(&mut self, content_dir: &Path, relative: &Path) -> Checked {
        let text = selfcheck::read(content_dir, relative)?;
        let key = blake3::hash(format!("{}\n{text}", relative.display()).as_bytes());
        match &self.selfcheck {
            Some((kept, checked)) if *kept == key => checked.clone(),
            _ => {
                let checked = selfcheck::check(&text, relative).map(Arc::new);
                self.selfcheck = Some((key, checked.clone()));
                checked
            }
        }
    }
}

impl Kept {
    /// The site's self-check, if it has one: the definition as checked (or as it was
    /// checked when its text was the same), with its texts in the other languages, which
    /// prove nothing and are read again.
    fn selfcheck_of(
        &mut self,
        content_dir: &Path,
        config: &LoadedConfig,
        problems: &mut Vec<Diagnostic>,
    ) -> Result<Option<Arc<selfcheck::Loaded>>, Vec<Diagnostic>> {
        let Some(relative) = &config.config.selfcheck else {
            return Ok(None);
        };
        let checked = self.selfcheck(content_dir, relative)?;
        let mut loaded = selfcheck::Loaded::clone(&checked);
        problems.extend(loaded.read_texts(content_dir, relative, &config.languages));
        Ok(Some(Arc::new(loaded)))
    }
}

/// Loads the site, taking from `kept` what has not changed. Problems are added to
/// `problems`; the error is returned only when the settings or the templates fail, since
/// then nothing can be rendered.
pub fn load(
    options: &Options,
    problems: &mut Vec<Diagnostic>,
    kept: &mut Kept,
) -> Result<Site, Error> {
    let content_dir = options.root.join("content");
    // Settings, content and templates are independent, so all their problems are reported
    // together.
    let config = config::load(&content_dir, Path::new("content"));
    // The languages say which files are translations; when the settings fail, the build
    // stops after loading, so reading the rest as one language reports nothing wrongly.
    let languages = (config.as_ref()).map_or_else(
        |_| crate::config::Languages::unknown(),
        |c| c.languages.clone(),
    );
    let (sources, content_problems) = library::read(
        &content_dir,
        Path::new("content"),
        &languages,
        &mut kept.content,
    );
    problems.extend(content_problems);
    problems.extend(sources.check_redirects());
    // The templates pages ask for, on any day, and the ones every site renders with
    // (the search page's too, unless the settings switch it off).
    let asked = (sources.fronts()).filter_map(|(_, front)| front.template.as_deref());
    let used = asked.chain(["index.html", "section.html", "page.html"]);
    let wants_search = config.as_ref().map_or(true, |c| c.config.search);
    let used = used.chain(wants_search.then_some(SEARCH_TEMPLATE));
    let templates = Templates::load(
        &options.root.join("templates"),
        Path::new("templates"),
        used,
    );
    let (config, templates) = match (config, templates) {
        (Ok(c), Ok(t)) => (c, t),
        (c, t) => {
            problems.extend(c.err().unwrap_or_default());
            problems.extend(t.err().unwrap_or_default());
            return Err(Error::Problems(std::mem::take(problems)));
        }
    };
    problems.extend(banners::check(&config, &sources));
    let (strings, found) = Strings::load(&options.root.join("templates"), &config.languages);
    problems.extend(found);
    problems.extend(strings::check(&strings, &templates, &config));
    let selfcheck = kept.selfcheck_of(&content_dir, &config, problems);
    let selfcheck_failed = selfcheck.is_err();
    let selfcheck = selfcheck.unwrap_or_else(|found| {
        problems.extend(found);
        None
    });
    let theme_assets = theme_assets(&options.root.join("templates"))?;
    let copied = copied::load(&options.root, &sources, problems);
    let reader = Reader::new(&config.config.base_url).ok_or_else(|| {
        Error::Problems(vec![
            config.problem_at("base_url", "the base address cannot be read")
        ])
    })?;
    let configs = (config.languages.all().iter())
        .map(|language| config.config.in_language(language))
        .collect();
    let fallback_notes = (0..config.languages.len())
        .map(|lang| strings.word(lang, "in-english-link"))
        .collect();
    let search = config.config.search && templates.has(SEARCH_TEMPLATE);
    Ok(Site {
        fallback_notes,
        configs,
        strings,
        config,
        sources,
        templates,
        search,
        selfcheck,
        selfcheck_failed,
        theme_assets,
        copied,
        reader,
    })
}

/// The brand's footer links may link with `@/page.md`, like Markdown.
pub(super) fn check_footer_links(config: &LoadedConfig, library: &Library) -> Vec<Diagnostic> {
    let links = config.config.brand.iter().flat_map(|b| &b.footer_links);
    (links.enumerate())
        .filter_map(|(i, link)| {
            let broken = markdown::resolve_link(&link.url, library).err()?;
            let at = format!("brand.footer_links.{i}.url");
            Some(broken.diagnostic(config.problem_at(&at, String::new())))
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
