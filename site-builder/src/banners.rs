//! Campaign banners: messages shown on every page between two dates, each with an
//! optional link. Several may run at once; each is checked against the page it links to
//! for its whole window, so no day of it can show a broken link.

use crate::config::{Banner, LoadedConfig};
use crate::content::{FrontMatter, Sources};
use crate::date::Date;
use crate::diagnostic::{closest_page, Diagnostic};

/// Problems with the banners that hold whatever the day: a link to no page, or to one
/// that is not live on every day the banner shows.
pub fn check(config: &LoadedConfig, sources: &Sources) -> Vec<Diagnostic> {
    let mut problems = Vec::new();
    for (at, banner) in config.config.all_banners() {
        let Some(link) = banner.link.as_deref() else {
            continue;
        };
        let Some(target) = link.strip_prefix("@/") else {
            continue;
        };
        let source = target.split('#').next().unwrap_or(target);
        if sources.is_unreadable(source) {
            continue;
        }
        let front = sources.fronts().find(|(rel, _)| *rel == source);
        let place = format!("{at}.link");
        problems.push(match front {
            None => missing(source, sources, config.problem_at(&place, String::new())),
            Some((_, front)) => match outside_window(banner, front) {
                Some(message) => config
                    .problem_at(&place, format!("this banner links to `{link}`, {message}"))
                    .with_help("give the banner dates inside the page's publish_date and expiry_date, or link to another page"),
                None => continue,
            },
        });
    }
    problems
}

fn missing(source: &str, sources: &Sources, at: Diagnostic) -> Diagnostic {
    let known = sources.fronts().map(|(rel, _)| rel);
    let problem = at.message(format!(
        "this links to `@/{source}`, but there is no such page in content/"
    ));
    match closest_page(source, known) {
        Some(best) => problem.with_help(format!("did you mean `@/{best}`?")),
        None => problem
            .with_help("link with the page's path inside content/, such as `@/news/campaign.md`"),
    }
}

/// Why the page is not live on some day of the banner's window, if it is not.
fn outside_window(banner: &Banner, front: &FrontMatter) -> Option<String> {
    if front.draft {
        return Some("which is a draft, so the banner would link to nothing".into());
    }
    let (from, until) = (banner.from, banner.until);
    if let Some(publish) = front.publish_date.filter(|d| *d > from) {
        return Some(format!(
            "which publishes on {publish}, after the banner starts on {from}"
        ));
    }
    front
        .expiry_date
        .filter(|d| *d < until)
        .map(|expiry| format!("which expires on {expiry}, before the banner ends on {until}"))
}

/// The banners showing on `today`, in order.
pub fn live(config: &crate::config::Config, today: Date) -> Vec<&Banner> {
    let all = config.banner.iter().chain(&config.banners);
    all.filter(|b| b.is_live(today)).collect()
}
