//! `check --ahead DAYS`: the site as it will be on every day something changes in the
//! next DAYS days. The site is loaded once; each day is planned, rendered and checked
//! with that day's schedule by the same stages a build runs, writing nothing.

use std::collections::{BTreeMap, HashSet};

use crate::config::CHECK_EVERY_MONTHS;
use crate::date::Date;
use crate::diagnostic::Diagnostic;
use crate::error::Error;

use super::load::{self, Site};
use super::{check, index, plan, render, schedule, sort, Options};

/// One day on which the site changes, and what it brings.
#[derive(Debug)]
pub struct Change {
    pub date: Date,
    /// What changes, in words: `publishes news/week.md`, `banner "…" starts`.
    pub events: Vec<String>,
    /// Problems this day brings that the day before did not have.
    pub errors: Vec<Diagnostic>,
    pub warnings: Vec<Diagnostic>,
}

/// The days ahead.
#[derive(Debug)]
pub struct Outlook {
    pub today: Date,
    pub last: Date,
    /// Problems today already has.
    pub errors_today: Vec<Diagnostic>,
    pub changes: Vec<Change>,
}

impl Outlook {
    /// The first day after today on which the site must be rebuilt to change.
    pub fn next_rebuild(&self) -> Option<Date> {
        self.changes.first().map(|c| c.date)
    }

    pub fn has_errors(&self) -> bool {
        !self.errors_today.is_empty() || self.changes.iter().any(|c| !c.errors.is_empty())
    }
}

/// Builds the site in memory for today and for each day in the next `days` on which
/// something changes.
pub fn look_ahead(options: &Options, days: u32) -> Result<Outlook, Error> {
    let mut loading = Vec::new();
    let site = load::load(options, &mut loading, &mut load::Kept::default())?;
    let today = options
        .now
        .unwrap_or_else(|| options.clock.today_in(&site.config.zone));
    let last = today.add_days(i64::from(days));
    let (mut seen, errors_today) = {
        let (warnings, errors) = sort(day(&site, options, today, loading.clone())?);
        let seen: HashSet<String> = warnings
            .iter()
            .chain(&errors)
            .map(|p| p.to_string())
            .collect();
        (seen, errors)
    };
    let mut changes = Vec::new();
    for (date, events) in events(&site, today, last) {
        let (warnings, errors) = sort(day(&site, options, date, loading.clone())?);
        let new = |found: Vec<Diagnostic>, seen: &HashSet<String>| {
            (found.into_iter())
                .filter(|p| !seen.contains(&p.to_string()))
                .collect::<Vec<_>>()
        };
        let (warnings, errors) = (new(warnings, &seen), new(errors, &seen));
        seen.extend(warnings.iter().chain(&errors).map(|p| p.to_string()));
        changes.push(Change {
            date,
            events,
            errors,
            warnings,
        });
    }
    Ok(Outlook {
        today,
        last,
        errors_today,
        changes,
    })
}

/// Every problem of the site on `date`: those found when loading, and the day's own.
fn day(
    site: &Site,
    options: &Options,
    date: Date,
    mut problems: Vec<Diagnostic>,
) -> Result<Vec<Diagnostic>, Error> {
    let plan = plan::plan(site, &schedule(options, date), &mut problems);
    let renderer = render::Renderer::new(site, &plan, render::Out::Nowhere);
    let mut rendered = renderer.documents(None, None, &mut problems);
    index::index(&renderer, &mut rendered, None, &mut problems)?;
    drop(renderer);
    check::check(site, &plan, &rendered, &mut problems);
    Ok(problems)
}

/// What changes on each day after `today` up to `last`, by day.
fn events(site: &Site, today: Date, last: Date) -> BTreeMap<Date, Vec<String>> {
    let mut events: BTreeMap<Date, Vec<String>> = BTreeMap::new();
    let mut add = |date: Date, what: String| {
        if today < date && date <= last {
            events.entry(date).or_default().push(what);
        }
    };
    for (source, front) in site.sources.fronts() {
        if front.draft {
            continue;
        }
        if let Some(from) = front.publish_date {
            add(from, format!("publishes {source}"));
        }
        if let Some(until) = front.expiry_date {
            add(
                until.add_days(1),
                format!("expires {source} (its last day was {until})"),
            );
        }
    }
    let config = &site.config.config;
    for banner in config.banner.iter().chain(&config.banners) {
        let text = short(&banner.text);
        add(banner.from, format!("banner \"{text}\" starts"));
        add(banner.until.add_days(1), format!("banner \"{text}\" ends"));
    }
    let mut due: BTreeMap<Date, Vec<&str>> = BTreeMap::new();
    for service in &config.support {
        let stale = service.checked.add_months(CHECK_EVERY_MONTHS).add_days(1);
        due.entry(stale).or_default().push(&service.key);
    }
    for (day, keys) in due {
        add(day, due_for_a_check(&keys));
    }
    events
}

/// One line for the services whose details fall due on the same day.
fn due_for_a_check(keys: &[&str]) -> String {
    let named: Vec<String> = keys.iter().map(|key| format!("`{key}`")).collect();
    match named.as_slice() {
        [one] => format!("the details of {one} are due for a check"),
        [rest @ .., last] => format!(
            "the details of {} services are due for a check: {} and {last}",
            named.len(),
            rest.join(", ")
        ),
        [] => String::new(),
    }
}

/// The start of a banner's text, for the timeline.
fn short(text: &str) -> String {
    let words: Vec<&str> = text.split_whitespace().collect();
    match words.len() {
        0..=8 => words.join(" "),
        _ => format!("{}…", words[..8].join(" ")),
    }
}
