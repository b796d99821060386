//! `content/site.yaml`: the site's settings.

pub mod brand;
pub mod languages;
mod translated;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::date::{Date, Zone};
use crate::diagnostic::Diagnostic;
use crate::yaml::{self, Origin, Positions};

pub use brand::Brand;
pub use languages::{Dir, Language, LanguageEntry, Languages};
pub use translated::{BannerText, LinkText, ServiceText, SiteText};

/// The settings an editor keeps in `content/site.yaml`.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    pub title: String,
    #[serde(default)]
    pub description: String,
    pub base_url: String,
    /// The default language: its pages are at the site's root.
    #[serde(default = "default_language")]
    pub language: String,
    /// Every language of the site, the default one included; the others are served under
    /// `/<code>/`.
    #[serde(default)]
    pub languages: Vec<LanguageEntry>,
    /// The title, description and organisation in the other languages, by code.
    #[serde(default)]
    pub translations: BTreeMap<String, SiteText>,
    /// The IANA time zone whose calendar says which day it is for the site: when pages
    /// publish and expire, and when banners start and end.
    #[serde(default = "default_timezone")]
    pub timezone: String,
    #[serde(default)]
    pub organisation: String,
    /// Where the quick exit goes: a neutral site.
    #[serde(default = "default_exit_url")]
    pub exit_url: String,
    /// Whether the site has a search page (`/search/`, linked from every page's header):
    /// on unless set to `false`.
    #[serde(default = "default_search")]
    pub search: bool,
    /// Sections whose pages make up the Atom feed.
    #[serde(default)]
    pub news_sections: Vec<String>,
    /// The self-check definition, relative to `content/`.
    #[serde(default)]
    pub selfcheck: Option<PathBuf>,
    #[serde(default)]
    pub support: Vec<SupportService>,
    /// One banner: a shorthand for a `banners` list of one, shown before the list's.
    #[serde(default)]
    pub banner: Option<Banner>,
    /// Campaign banners, each shown on every page between its dates, in list order.
    #[serde(default)]
    pub banners: Vec<Banner>,
    /// Colours, logo and footer links, checked for contrast.
    #[serde(default)]
    pub brand: Option<Brand>,
    #[serde(default)]
    pub extra: serde_yaml::Mapping,
    /// In another language's settings, the fields shown in the default language because
    /// they have no translation (`title`, `description`, `organisation`).
    #[serde(skip_deserializing, default)]
    pub fallback: Vec<&'static str>,
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
    /// The day someone last confirmed the number and hours with the service itself.
    pub checked: Date,
    /// A number that takes text messages (SMS).
    #[serde(default)]
    pub text: String,
    /// A text-relay number, for people who are deaf or cannot speak on the phone.
    #[serde(default)]
    pub relay: String,
    /// A web chat.
    #[serde(default)]
    pub chat_url: String,
    /// A British Sign Language video service.
    #[serde(default)]
    pub bsl_url: String,
    /// The name, hours and description in the other languages, by code. Numbers and
    /// addresses are the same in every language, so they are written once.
    #[serde(default)]
    pub translations: BTreeMap<String, ServiceText>,
    /// The fields shown in the default language on a page in another language, because
    /// they have no translation: templates mark them with the default language's `lang`.
    #[serde(skip_deserializing, default)]
    pub fallback: Vec<&'static str>,
}

/// How long a helpline's details may go unchecked before the build warns.
pub const CHECK_EVERY_MONTHS: u32 = 6;

/// A message shown on every page between two dates, for a campaign.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Banner {
    pub text: String,
    #[serde(default)]
    pub link: Option<String>,
    pub from: Date,
    pub until: Date,
    /// The text in the other languages, by code.
    #[serde(default)]
    pub translations: BTreeMap<String, BannerText>,
    /// Shown in the default language on a page in another language (no translation).
    #[serde(skip_deserializing, default)]
    pub fallback: bool,
}

impl Banner {
    pub fn is_live(&self, today: Date) -> bool {
        self.from <= today && today <= self.until
    }
}

impl Config {
    /// Every banner, in the order they are shown, with the key path each is written at
    /// (`banner` or `banners.2`), to place problems.
    pub fn all_banners(&self) -> Vec<(String, &Banner)> {
        let one = self.banner.iter().map(|b| ("banner".to_string(), b));
        let list = (self.banners.iter().enumerate()).map(|(i, b)| (format!("banners.{i}"), b));
        one.chain(list).collect()
    }
}

fn default_language() -> String {
    "en-GB".into()
}

fn default_timezone() -> String {
    crate::date::DEFAULT_ZONE.into()
}

fn default_search() -> bool {
    true
}

fn default_exit_url() -> String {
    "https://www.bbc.co.uk/weather".into()
}

/// The parsed settings, with where each value sits in the file for later problems.
pub struct LoadedConfig {
    pub config: Config,
    /// `config.timezone`, looked up.
    pub zone: Zone,
    pub path: PathBuf,
    pub positions: Positions,
    /// `languages:`, read: the default language first.
    pub languages: Languages,
}

impl LoadedConfig {
    /// A diagnostic pointing at the value at `key_path` (such as `banner.link`).
    pub fn problem_at(&self, key_path: &str, message: impl Into<String>) -> Diagnostic {
        let place = self.positions.nearest(key_path);
        Diagnostic::new(&self.path, place.line, place.col, message)
    }

    /// Warnings for support services whose details have not been confirmed for more than
    /// [`CHECK_EVERY_MONTHS`] months on `today`: a wrong number on a safety site is worse
    /// than none.
    pub fn stale_support(&self, today: Date) -> Vec<Diagnostic> {
        let mut warnings = Vec::new();
        for (i, service) in self.config.support.iter().enumerate() {
            let at = format!("support.{i}.checked");
            let checked = service.checked;
            if checked > today {
                warnings.push(
                    self.problem_at(
                        &at,
                        format!(
                            "`{}` was checked on {checked}, which is after today ({today})",
                            service.key
                        ),
                    )
                    .with_help("write the day the details were last confirmed, as YYYY-MM-DD")
                    .warning(),
                );
            } else if checked.add_months(CHECK_EVERY_MONTHS) < today {
                warnings.push(
                    self.problem_at(
                        &at,
                        format!(
                            "the details of `{}` were last checked on {checked}, more than {CHECK_EVERY_MONTHS} months ago",
                            service.key
                        ),
                    )
                    .with_help("confirm the number and opening times on the service's own website, then set `checked` to today's date")
                    .warning(),
                );
            }
        }
        warnings
    }
}

/// `text` as an http(s) address with a host, if it is one.
fn web_address(text: &str) -> Option<url::Url> {
    let url = url::Url::parse(text).ok()?;
    (matches!(url.scheme(), "http" | "https") && url.host().is_some()).then_some(url)
}

/// The quick exit must leave the site for good: an `https://` page on another host. An
/// empty address, a page of the site itself or a `data:` page would keep the visitor here.
fn exit_problem(loaded: &LoadedConfig, base: Option<&url::Url>) -> Option<Diagnostic> {
    let text = &loaded.config.exit_url;
    let url = url::Url::parse(text).ok();
    let message = match &url {
        None => format!("the quick exit goes to `{text}`, which is not a web address"),
        Some(url) if url.scheme() != "https" || url.host().is_none() => {
            format!("the quick exit goes to `{text}`, which is not an https:// web page")
        }
        Some(url) if base.is_some_and(|b| b.host() == url.host()) => {
            format!("the quick exit goes to `{text}`, a page of this site: it must leave the site")
        }
        Some(_) => return None,
    };
    Some(
        loaded.problem_at("exit_url", message).with_help(
            "use a neutral site on another host, for example https://www.bbc.co.uk/weather",
        ),
    )
}

/// The site's time zone, for commands that do not build (`new`): London when site.yaml
/// cannot be read, since the build will report why.
pub fn zone_of(content_dir: &Path) -> Zone {
    load(content_dir, Path::new("content")).map_or_else(|_| london(), |c| c.zone)
}

fn london() -> Zone {
    Zone::named(crate::date::DEFAULT_ZONE).expect("the built-in time-zone database has London")
}

/// A `timezone` the database does not know, with the closest name it does.
fn zone_problem(loaded: &LoadedConfig) -> Diagnostic {
    let name = &loaded.config.timezone;
    let names = Zone::names();
    let problem = loaded.problem_at(
        "timezone",
        format!("`{name}` is not a time zone site-builder knows"),
    );
    match crate::diagnostic::closest(name, names.iter().map(String::as_str)) {
        Some(best) => problem.with_help(format!("did you mean `{best}`?")),
        None => problem.with_help(
            "write an IANA time-zone name such as Europe/London (the default, for England and Wales)",
        ),
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
    let mut problems = Vec::new();
    let zone = Zone::named(&config.timezone);
    let mut loaded = LoadedConfig {
        zone: zone.clone().unwrap_or_else(london),
        languages: Languages::single(&config.language),
        config,
        path,
        positions: Positions::of(&text, Origin::FILE),
    };
    let (languages, language_problems) = languages::read(&loaded);
    loaded.languages = languages;
    problems.extend(language_problems);
    if zone.is_none() {
        problems.push(zone_problem(&loaded));
    }
    let mut keys = std::collections::HashMap::new();
    for (i, service) in loaded.config.support.iter().enumerate() {
        if let Some(first) = keys.insert(service.key.as_str(), i) {
            problems.push(
                loaded
                    .problem_at(
                        &format!("support.{i}.key"),
                        format!("two support services have the key `{}`", service.key),
                    )
                    .with_help(format!(
                        "the first is service {} in the list; give each service its own key",
                        first + 1
                    )),
            );
        }
    }
    for (at, banner) in loaded.config.all_banners() {
        if banner.until < banner.from {
            problems.push(
                loaded.problem_at(&format!("{at}.until"), "the banner ends before it starts"),
            );
        }
    }
    let base = web_address(&loaded.config.base_url);
    if base.is_none() {
        let url = &loaded.config.base_url;
        problems.push(
            loaded
                .problem_at("base_url", format!("`{url}` is not a web address"))
                .with_help("write the full address, for example https://stalking-help.example.org"),
        );
    }
    problems.extend(exit_problem(&loaded, base.as_ref()));
    problems.extend(brand::problems(&loaded));
    if problems.is_empty() {
        Ok(loaded)
    } else {
        Err(problems)
    }
}
