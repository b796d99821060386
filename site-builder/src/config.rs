//! `content/site.yaml`: the site's settings.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::date::Date;
use crate::diagnostic::Diagnostic;
use crate::yaml::{self, Origin, Positions};

/// The settings an editor keeps in `content/site.yaml`.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    pub title: String,
    #[serde(default)]
    pub description: String,
    pub base_url: String,
    #[serde(default = "default_language")]
    pub language: String,
    #[serde(default)]
    pub organisation: String,
    /// Where the quick exit goes: a neutral site.
    #[serde(default = "default_exit_url")]
    pub exit_url: String,
    /// Sections whose pages make up the Atom feed.
    #[serde(default)]
    pub news_sections: Vec<String>,
    /// The self-check definition, relative to `content/`.
    #[serde(default)]
    pub selfcheck: Option<PathBuf>,
    #[serde(default)]
    pub support: Vec<SupportService>,
    #[serde(default)]
    pub banner: Option<Banner>,
    #[serde(default)]
    pub extra: serde_yaml::Mapping,
}

/// A helpline or service that visitors can contact.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct SupportService {
    pub key: String,
    pub name: String,
    pub phone: String,
    #[serde(default)]
    pub hours: String,
    #[serde(default)]
    pub url: String,
    #[serde(default)]
    pub description: String,
}

/// A message shown on every page between two dates, for a campaign.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Banner {
    pub text: String,
    #[serde(default)]
    pub link: Option<String>,
    pub from: Date,
    pub until: Date,
}

impl Banner {
    pub fn is_live(&self, today: Date) -> bool {
        self.from <= today && today <= self.until
    }
}

fn default_language() -> String {
    "en-GB".into()
}

fn default_exit_url() -> String {
    "https://www.bbc.co.uk/weather".into()
}

/// The parsed settings, with where each value sits in the file for later problems.
pub struct LoadedConfig {
    pub config: Config,
    pub path: PathBuf,
    pub positions: Positions,
}

impl LoadedConfig {
    /// A diagnostic pointing at the value at `key_path` (such as `banner.link`).
    pub fn problem_at(&self, key_path: &str, message: impl Into<String>) -> Diagnostic {
        let place = self.positions.nearest(key_path);
        Diagnostic::new(&self.path, place.line, place.col, message)
    }
}

/// Reads `site.yaml` from the content folder. `shown` is how the path is printed.
pub fn load(content_dir: &Path, shown: &Path) -> Result<LoadedConfig, Vec<Diagnostic>> {
    let file = content_dir.join("site.yaml");
    let path = shown.join("site.yaml");
    let text = std::fs::read_to_string(&file).map_err(|e| {
        vec![
            Diagnostic::file(&path, format!("cannot read the site settings: {e}")).with_help(
                "every site needs a content/site.yaml with at least `title` and `base_url`",
            ),
        ]
    })?;
    let config: Config = yaml::parse(&text, &path, Origin::FILE).map_err(|d| vec![d])?;
    let loaded = LoadedConfig {
        config,
        path,
        positions: Positions::of(&text, Origin::FILE),
    };
    let mut problems = Vec::new();
    if let Some(b) = &loaded.config.banner {
        if b.until < b.from {
            problems.push(loaded.problem_at("banner.until", "the banner ends before it starts"));
        }
    }
    let url = &loaded.config.base_url;
    if !(url.starts_with("https://") || url.starts_with("http://")) {
        problems.push(
            loaded
                .problem_at("base_url", format!("`{url}` is not a web address"))
                .with_help("write the full address, for example https://stalking-help.example.org"),
        );
    }
    if problems.is_empty() {
        Ok(loaded)
    } else {
        Err(problems)
    }
}
