//! Stage 4, check: what the page pass found on each page, placed in the sources that made
//! it as the page was made (see `findings`), with the links to anchors on other pages
//! judged now that every page is made; every page must keep its safety furniture; copied
//! pages and stylesheets pass the same checks.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::Path;

use crate::diagnostic::{Diagnostic, LineIndex};
use crate::postprocess;
use crate::render::Templates;

use super::findings::Placed;
use super::load::Site;
use super::plan::Plan;
use super::render::{rules, Built, Rendered};

pub fn check(site: &Site, plan: &Plan, rendered: &Rendered, problems: &mut Vec<Diagnostic>) {
    let pages: Vec<&Built> = (rendered.pages.iter())
        .filter_map(|made| made.page.as_ref())
        .collect();
    // Only links to anchors on other pages wait for those pages' ids.
    let waiting = (pages.iter()).any(|p| p.problems.iter().any(|p| p.unless.is_some()));
    let ids: HashMap<&str, &HashSet<String>> = match waiting {
        true => (pages.iter()).map(|p| (p.url.as_str(), &p.ids)).collect(),
        false => HashMap::new(),
    };
    let mut in_templates: Vec<(Diagnostic, String)> = rendered.template_problems.clone();
    for page in &pages {
        for problem in &page.problems {
            match (&problem.placed, problem.stands(&ids)) {
                (_, false) => {}
                (Placed::Source(problem), true) => problems.push(problem.clone()),
                (Placed::Template(problem), true) => {
                    in_templates.push((problem.clone(), page.url.clone()))
                }
            }
        }
    }
    problems.extend(once_per_place(in_templates));
    problems.extend(furniture(
        &pages,
        &site.templates,
        plan.assets.contains_key("quick-exit.js"),
    ));
    problems.extend(copied_files(site, plan));
    problems.extend(rendered.missing_logo.clone());
}

/// Whether `pages` carry everything every page must: what `check` asks of a page the
/// preview shows before the rest of its build is made.
pub(super) fn furnished(site: &Site, plan: &Plan, pages: &[&Built]) -> bool {
    let exit_script = plan.assets.contains_key("quick-exit.js");
    furniture(pages, &site.templates, exit_script).is_empty()
}

/// The brand's logo must be one of the site's files.
pub(super) fn brand_logo(site: &Site, plan: &Plan) -> Option<Diagnostic> {
    let logo = site.config.config.brand.as_ref()?.logo.as_deref()?;
    let file = logo.strip_prefix('/')?; // not an address at all: reported with the settings
    if plan.files.iter().any(|f| f == file) {
        return None;
    }
    Some(
        site.config
            .problem_at("brand.logo", format!("the logo `{logo}` is not a file of the site"))
            .with_help("put the file in static/ (static/logo.svg is /logo.svg), or beside a page in content/"),
    )
}

/// A template problem on many pages is one problem: reported once, at its place in the
/// template, with the pages it affects counted.
fn once_per_place(found: Vec<(Diagnostic, String)>) -> Vec<Diagnostic> {
    let mut grouped: Vec<(Diagnostic, Vec<String>)> = Vec::new();
    let mut at: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    for (problem, url) in found {
        let key = problem.to_string();
        match at.get(&key) {
            Some(&i) => grouped[i].1.push(url),
            None => {
                at.insert(key, grouped.len());
                grouped.push((problem, vec![url]));
            }
        }
    }
    grouped
        .into_iter()
        .map(|(mut problem, pages)| {
            problem.message = match pages.as_slice() {
                [one] => format!("{} (on the page {one})", problem.message),
                many => format!(
                    "{} (on {} pages, such as {})",
                    problem.message,
                    many.len(),
                    many[0]
                ),
            };
            problem
        })
        .collect()
}

/// Every rendered page must carry the security policy, the quick exit and a language. A
/// template that leaves one out is reported once, with the number of pages it affects.
fn furniture(pages: &[&Built], templates: &Templates, has_exit_script: bool) -> Vec<Diagnostic> {
    let mut missing: BTreeMap<(&str, &'static str), usize> = BTreeMap::new();
    for page in pages {
        let f = &page.furniture;
        for (present, what) in [
            (
                f.policy,
                "the security-policy tag (<meta http-equiv=\"Content-Security-Policy\">)",
            ),
            (f.exit_button, "the quick exit button"),
            (f.exit_skip_link, "the skip link to the quick exit"),
            (f.exit_script || !has_exit_script, "the quick exit's script"),
            (f.lang, "a language on <html lang>"),
        ] {
            if !present {
                *missing.entry((page.template.as_str(), what)).or_default() += 1;
            }
        }
    }
    missing
        .into_iter()
        .map(|((template, what), pages)| {
            let (shown, line, col) = templates.root_of(template);
            let count = if pages == 1 { "1 page".to_string() } else { format!("{pages} pages") };
            Diagnostic::new(shown, line, col, format!("pages made with `{template}` are missing {what} ({count})"))
                .with_help("every page must extend base.html, or keep its <meta> security policy, quick exit and <html lang> as base.html does")
        })
        .collect()
}

/// Copied pages, drawings and stylesheets (from content/, static/ and the theme) pass the checks
/// that rendered pages pass, except the furniture: they are not the site's own pages.
fn copied_files(site: &Site, plan: &Plan) -> Vec<Diagnostic> {
    let rules = rules(site, plan);
    let mut problems = Vec::new();
    for (index, text) in &plan.copied_texts {
        let asset = &plan.copied[*index];
        let url = format!("/{}", asset.to);
        problems.extend(check_text(text, &asset.shown, &url, &rules));
    }
    for asset in site
        .theme_assets
        .iter()
        .filter(|a| a.name.ends_with(".css"))
    {
        let text = String::from_utf8_lossy(&asset.bytes);
        let url = &plan.assets[&asset.name];
        problems.extend(check_text(&text, &asset.shown, url, &rules));
    }
    problems
}

fn check_text(
    text: &str,
    shown: &Path,
    url: &str,
    rules: &postprocess::Rules<'_>,
) -> Vec<Diagnostic> {
    let lines = LineIndex::new(text);
    if url.ends_with(".css") {
        return postprocess::check_stylesheet(text, rules.reader, url)
            .into_iter()
            .map(|p| Diagnostic::new(shown, p.line, p.col, p.message).with_help(p.help))
            .collect();
    }
    let mut problems = Vec::new();
    if let Some(at) = text.find("<!ENTITY").or_else(|| internal_subset(text)) {
        let (line, col) = lines.position(at);
        problems.push(
            Diagnostic::new(
                shown,
                line,
                col,
                "the file declares its own entities, which could hide markup from the checks",
            )
            .with_help("remove the <!DOCTYPE ...[ ]> declarations; drawings need none"),
        );
    }
    let processed = postprocess::process(text, url, rules);
    for finding in processed.findings {
        let (line, col) = lines.position(finding.at.start);
        let problem = Diagnostic::new(shown, line, col, finding.message);
        problems.push(match finding.help {
            Some(help) => problem.with_help(help),
            None => problem,
        });
    }
    problems
}

/// Where a `<!DOCTYPE ... [` internal subset starts, if the file has one.
fn internal_subset(text: &str) -> Option<usize> {
    let at = text.to_ascii_uppercase().find("<!DOCTYPE")?;
    let end = text[at..].find('>').map_or(text.len(), |e| at + e);
    text[at..end].find('[').map(|_| at)
}
