//! Stage 4, check: what the page pass found becomes diagnostics at the place in the
//! sources that made it; links are checked against everything the site will hold; every
//! page must keep its safety furniture; copied pages and stylesheets pass the same checks.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::diagnostic::{Diagnostic, LineIndex};
use crate::postprocess::{self, Broken, Finding, LinkChecker, OutputIndex};
use crate::render::Templates;

use super::load::Site;
use super::plan::Plan;
use super::render::{rules, Built, Rendered};

pub fn check(site: &Site, plan: &Plan, rendered: &Rendered, problems: &mut Vec<Diagnostic>) {
    let pages = &rendered.pages;
    let mut index = OutputIndex {
        files: plan.link_targets.clone(),
        ..OutputIndex::default()
    };
    index.files.extend(rendered.made.iter().cloned());
    for page in pages {
        index.ids.insert(page.url.clone(), page.ids.clone());
    }
    let checker = LinkChecker { index: &index };
    let placer = Placer {
        site,
        plan,
        fragments: (plan.selfcheck.iter())
            .map(|s| s.as_ref().map(|s| &s.fragments))
            .collect(),
    };
    let mut in_templates: Vec<(Diagnostic, String)> = rendered.template_problems.clone();
    // A missing logo is reported at its line in site.yaml, not on every page.
    let missing_logo = brand_logo(site, plan);
    let logo = site
        .config
        .config
        .brand
        .as_ref()
        .and_then(|b| b.logo.as_deref());
    let reported =
        |link: &postprocess::Link| missing_logo.is_some() && Some(link.written.as_str()) == logo;
    for page in pages {
        let findings = page.findings.iter().cloned();
        let broken = (page.links.iter())
            .filter(|link| !reported(link))
            .filter_map(|link| checker.check(link).err().map(|b| broken_link(link, &b)));
        for finding in findings.chain(broken) {
            match placer.finding(&finding, page) {
                Placed::Source(problem) => problems.push(problem),
                Placed::Template(problem) => in_templates.push((problem, page.url.clone())),
            }
        }
    }
    problems.extend(once_per_place(in_templates));
    problems.extend(furniture(
        pages,
        &site.templates,
        plan.assets.contains_key("quick-exit.js"),
    ));
    problems.extend(copied_files(site, plan));
    problems.extend(missing_logo);
}

/// The brand's logo must be one of the site's files.
fn brand_logo(site: &Site, plan: &Plan) -> Option<Diagnostic> {
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

fn broken_link(link: &postprocess::Link, broken: &Broken) -> Finding {
    Finding {
        at: link.at.clone(),
        message: broken.to_string(),
        needle: match broken {
            Broken::NoAnchor { anchor, .. } => format!("#{anchor}"),
            Broken::NoPage(_) => link.written.clone(),
        },
        help: Some("check the address; link to pages as @/section/page.md#heading so the build can check them".into()),
        mark: link.mark,
    }
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

/// Where a finding came from.
enum Placed {
    /// A content file: a Markdown body, or the self-check's text.
    Source(Diagnostic),
    /// A template, which many pages share.
    Template(Diagnostic),
}

/// Places findings back in the files they came from.
struct Placer<'a> {
    site: &'a Site,
    plan: &'a Plan,
    /// The self-check's texts in each language, where it has them.
    fragments: Vec<Option<&'a crate::selfcheck::Fragments>>,
}

impl Placer<'_> {
    /// A finding in a source fragment (a Markdown body, a self-check text) is placed
    /// through that fragment's source map; one on an element a template wrote, at the
    /// template tag its mark names.
    fn finding(&self, finding: &Finding, page: &Built) -> Placed {
        let doc = page.doc.map(|i| &self.plan.library.documents[i]);
        let region = (page.regions.iter())
            .find(|r| r.within.start <= finding.at.start && finding.at.start <= r.within.end);
        let in_source = region.and_then(|region| {
            let offset = finding.at.start - region.within.start;
            match (region.fragment, doc) {
                (0, Some(doc)) => {
                    let start = page.body_map.source_offset(offset);
                    let source = refine(&doc.body, start, &finding.needle);
                    let (line, col) = LineIndex::new(&doc.body).position(source);
                    Some(Diagnostic::new(
                        &doc.shown,
                        line + doc.body_line - 1,
                        col,
                        "",
                    ))
                }
                (0, None) => None,
                (id, doc) => {
                    let lang = doc.map_or(0, |d| d.lang);
                    let fragments = self.fragments.get(lang).copied().flatten()?;
                    let (path, line, col) = fragments.position(id, offset)?;
                    Some(Diagnostic::new(path, line, col, ""))
                }
            }
        });
        let with = |problem: Diagnostic| {
            let problem = problem.message(finding.message.clone());
            match &finding.help {
                Some(help) => problem.with_help(help.clone()),
                None => problem,
            }
        };
        if let Some(problem) = in_source {
            return Placed::Source(with(problem));
        }
        let marked = finding
            .mark
            .and_then(|m| self.site.templates.marks.place(m));
        let problem = match marked {
            Some((shown, line, col)) => Diagnostic::new(shown, *line, *col, ""),
            // An element with no mark was written by a Tera expression (such as a string
            // set in a `{% set %}`): the page's template is as near as can be said.
            None => {
                let template = page.template.as_str();
                let shown = self
                    .site
                    .templates
                    .sources
                    .get(template)
                    .map(|(s, _)| s.clone());
                Diagnostic::file(
                    shown.unwrap_or_else(|| PathBuf::from("templates").join(template)),
                    "",
                )
            }
        };
        Placed::Template(with(problem))
    }
}

/// Markdown such as `[text](address)` starts where the map points, and the part a finding
/// is about (the address, an attribute) a little further on, within the same paragraph.
fn refine(body: &str, start: usize, needle: &str) -> usize {
    let rest = body.get(start..).unwrap_or_default();
    let paragraph = rest.find("\n\n").map_or(rest, |end| &rest[..end]);
    match paragraph.find(needle).filter(|_| !needle.is_empty()) {
        Some(i) => start + i,
        None => start,
    }
}

/// Every rendered page must carry the security policy, the quick exit and a language. A
/// template that leaves one out is reported once, with the number of pages it affects.
fn furniture(pages: &[Built], templates: &Templates, has_exit_script: bool) -> Vec<Diagnostic> {
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
