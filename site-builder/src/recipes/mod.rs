//! CI recipes for a site's own repository: a GitHub Actions workflow and a
//! `.gitlab-ci.yml` that build and check the site on every push, rebuild it every day just
//! after midnight in the site's time zone, look two weeks ahead, and publish it.
//! `site-builder ci-recipes` writes them into a site; `init` writes them into a new one.

use std::fs::OpenOptions;
use std::io::Write;
use std::path::{Path, PathBuf};

use crate::date::{Date, Zone};
use crate::error::Error;

const GITHUB: &str = include_str!("github.yml");
const GITLAB: &str = include_str!("gitlab-ci.yml");

/// Where site-builder's source is, for `cargo install --git`.
const SOURCE: &str = match option_env!("CARGO_PKG_REPOSITORY") {
    Some(url) if !url.is_empty() => url,
    _ => "https://github.com/your-organisation/site-builder",
};

/// The time zone named in the site's `content/site.yaml`, for the recipes' schedule.
pub fn timezone_of(root: &Path) -> Result<String, Error> {
    let loaded = crate::config::load(&root.join("content"), Path::new("content"))
        .map_err(Error::Problems)?;
    Ok(loaded.config.timezone)
}

/// The recipes for a site kept in the time zone `timezone` (an IANA name), as (path inside
/// the site, text). An unknown name falls back to London, as the build does.
pub fn recipes(timezone: &str) -> Vec<(PathBuf, String)> {
    let zone = Zone::named(timezone)
        .or_else(|| Zone::named(crate::date::DEFAULT_ZONE))
        .expect("the built-in time-zone database has London");
    let times = midnights(&zone);
    let fill = |template: &str, cron: String, note: String| {
        template
            .replace("@CRON@", &cron)
            .replace("@CRON_NOTE@", &note)
            .replace("@ZONE@", zone.name())
            .replace("@SOURCE@", SOURCE)
            .replace("@VERSION@", env!("CARGO_PKG_VERSION"))
    };
    let cron = (times.iter())
        .map(|(h, m)| format!("    - cron: \"{m} {h} * * *\""))
        .collect::<Vec<_>>()
        .join("\n");
    vec![
        (
            PathBuf::from(".github/workflows/site.yml"),
            fill(GITHUB, cron, explain(&zone, &times, "    # ")),
        ),
        (
            PathBuf::from(".gitlab-ci.yml"),
            fill(GITLAB, String::new(), gitlab_note(&zone, &times)),
        ),
    ]
}

/// Five minutes past midnight in `zone`, in UTC, in winter and in summer: one time, or
/// two when the zone keeps summer time.
fn midnights(zone: &Zone) -> Vec<(i8, i8)> {
    let day = |text: &str| text.parse::<Date>().expect("a date");
    let mut times: Vec<(i8, i8)> = ["2027-01-15", "2027-07-15"]
        .into_iter()
        .map(|d| {
            let (hour, minute) = zone.midnight_utc(day(d));
            let minutes = (i32::from(hour) * 60 + i32::from(minute) + 5).rem_euclid(24 * 60);
            ((minutes / 60) as i8, (minutes % 60) as i8)
        })
        .collect();
    times.sort();
    times.dedup();
    times
}

/// Why the schedule says what it says, as comment lines starting with `lead`.
fn explain(zone: &Zone, times: &[(i8, i8)], lead: &str) -> String {
    let utc = |(h, m): &(i8, i8)| format!("{h:02}:{m:02} UTC");
    let name = zone.name();
    let lines = match times {
        [one] => vec![format!(
            "Every day at five past midnight in {name}, which is {} all year.",
            utc(one)
        )],
        [first, second] => vec![
            format!("Every day just after midnight in {name}. Cron reads UTC, and midnight in"),
            format!("{name} moves with summer time (in London, British Summer Time runs from the"),
            "last Sunday of March to the last Sunday of October), so the site is rebuilt at".into(),
            format!(
                "{} and at {}: whichever is just after midnight that season brings the",
                utc(first),
                utc(second)
            ),
            "new day, and the other rebuilds the same day, which changes nothing. Scheduled".into(),
            "runs can start some minutes late when the service is busy.".into(),
        ],
        _ => Vec::new(),
    };
    (lines.iter())
        .map(|l| format!("{lead}{l}"))
        .collect::<Vec<_>>()
        .join("\n")
}

/// For a GitLab schedule kept in UTC: the patterns, and why.
fn gitlab_note(zone: &Zone, times: &[(i8, i8)]) -> String {
    let patterns: Vec<String> = (times.iter())
        .map(|(h, m)| format!("{m} {h} * * *"))
        .collect();
    let intro = format!(
        "# With the cron timezone set to UTC instead, make one schedule for each of: {}.",
        patterns.join(", ")
    );
    format!("{intro}\n{}", explain(zone, times, "# "))
}

/// Writes the recipes into the site at `root`, refusing to replace a file that is there.
/// Returns the paths written.
pub fn write(root: &Path, timezone: &str) -> Result<Vec<PathBuf>, Error> {
    let recipes = recipes(timezone);
    if let Some((path, _)) = recipes.iter().find(|(path, _)| root.join(path).exists()) {
        return Err(Error::refused(
            format!(
                "{} already exists, and ci-recipes never replaces a file",
                path.display()
            ),
            "remove or rename it first if you want the recipe written again",
        ));
    }
    for (path, text) in &recipes {
        let file = root.join(path);
        if let Some(folder) = file.parent() {
            std::fs::create_dir_all(folder).map_err(Error::io(folder))?;
        }
        let mut out = (OpenOptions::new().write(true).create_new(true).open(&file))
            .map_err(Error::io(&file))?;
        out.write_all(text.as_bytes()).map_err(Error::io(&file))?;
    }
    Ok(recipes.into_iter().map(|(path, _)| path).collect())
}
