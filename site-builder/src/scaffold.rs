//! Starting files for editors (`site-builder new`): a page with its front matter filled
//! in, or a campaign page with its schedule and a banner for it added to the site's list.
//!
//! `site.yaml` is edited as text, not read and written back as YAML, so the editors'
//! comments and layout stay as they were.

use std::fs::OpenOptions;
use std::io::Write;
use std::path::{Component, Path, PathBuf};

use crate::date::{Clock, Date};
use crate::error::Error;

/// Today in the site's time zone (London when `content/site.yaml` cannot be read, since
/// the build will say why).
pub fn today(root: &Path) -> Date {
    Clock::System.today_in(&crate::config::zone_of(&root.join("content")))
}

/// A campaign: a news page published between two dates, with a banner on every page.
#[derive(Debug, Clone)]
pub struct Campaign<'a> {
    pub slug: &'a str,
    pub title: &'a str,
    pub from: Date,
    pub until: Date,
    /// The banner's words; the title when `None`.
    pub banner: Option<&'a str>,
}

/// Creates `content/<path>` as a draft dated `today`. Returns the path as editors see it
/// (`content/...`).
pub fn new_page(root: &Path, path: &str, title: &str, today: Date) -> Result<PathBuf, Error> {
    let relative = page_path(path)?;
    let shown = Path::new("content").join(&relative);
    let file = root.join(&shown);
    let folder = file.parent().unwrap_or(root);
    if !folder.is_dir() {
        // `name/index.md` is a page with its pictures beside it: make its folder.
        let bundle = relative.file_name().is_some_and(|n| n == "index.md");
        let outer = folder.parent().unwrap_or(root);
        if bundle && outer.is_dir() {
            std::fs::create_dir(folder).map_err(Error::io(folder))?;
        } else {
            return Err(Error::refused(
                format!(
                    "there is no folder {}",
                    shown.parent().unwrap_or(&shown).display()
                ),
                format!(
                    "put the page in one of the folders that exist: {}",
                    folders(&root.join("content")).join(", ")
                ),
            ));
        }
    }
    let text = format!(
        "---\n\
         title: {title}\n\
         # One sentence for search results and link previews: who the page is for, and\n\
         # what it helps with. Fill it in before you publish.\n\
         description: \"\"\n\
         date: {today}\n\
         # The page is only in the preview until you delete this line.\n\
         draft: true\n\
         ---\n\
         \n\
         Start with what the reader most needs to know, in one or two short sentences.\n\
         \n\
         ## A heading that says what this part is about\n\
         \n\
         Write the page here.\n",
        title = yaml_string(title),
    );
    write_new(&file, &shown, &text)?;
    Ok(shown)
}

/// Starts a translation of the page at `path` into the site's language `code`, beside it
/// (`reporting.cy.md` beside `reporting.md`), as a draft marked `translation:
/// needs-review`, with the page's title and description to translate and its text in a
/// comment to translate from. Returns the new file as editors see it.
pub fn new_translation(root: &Path, path: &str, code: &str) -> Result<PathBuf, Error> {
    let relative = page_path(path)?;
    let original = Path::new("content").join(&relative);
    let languages = crate::config::load(&root.join("content"), Path::new("content"))
        .map(|c| c.languages)
        .map_err(Error::Problems)?;
    let Some(lang) = languages
        .index_of(code)
        .filter(|_| languages.is_other(code))
    else {
        let others: Vec<String> = languages
            .others()
            .map(|(_, l)| format!("{} ({})", l.code, l.name))
            .collect();
        return Err(Error::refused(
            format!("`{code}` is not one of the site's other languages"),
            match others.as_slice() {
                [] => "list the language under `languages:` in content/site.yaml first".to_string(),
                _ => format!("the site's other languages are {}", others.join(", ")),
            },
        ));
    };
    let language = languages.get(lang);
    let text = std::fs::read_to_string(root.join(&original)).map_err(|_| {
        Error::refused(
            format!("there is no page {} to translate", original.display()),
            "give the path of the page in the default language, as for `new page`",
        )
    })?;
    let split = crate::content::front_matter::split(&text, &original)
        .map_err(|d| Error::Problems(vec![d]))?;
    let stem = relative.with_extension("");
    let shown = Path::new("content").join(format!("{}.{}.md", stem.display(), language.code));
    let front = &split.front;
    let text = format!(
        "---\n\
         # A translation into {name} of {original}. It shares that page's dates, weight\n\
         # and place in the menu: set them here only where they differ.\n\
         # Translate the title and the description.\n\
         title: {title}\n\
         description: {description}\n\
         # Until a fluent speaker has checked the translation (see content/README.md).\n\
         translation: needs-review\n\
         # The page is only in the preview until you delete this line.\n\
         draft: true\n\
         ---\n\
         \n\
         Write the translation here, in {name}.\n\
         \n\
         <!--\n\
         The page in the default language, to translate from. Keep every number, every\n\
         {{{{ support... }}}} and every @/ link as it is. The site never shows this note:\n\
         delete it when the translation is done.\n\
         \n\
         {body}\n\
         -->\n",
        name = language.name,
        original = original.display(),
        title = yaml_string(&front.title),
        description = yaml_string(front.description.as_deref().unwrap_or_default()),
        body = split.body.trim().replace("-->", "-- >"),
    );
    write_new(&root.join(&shown), &shown, &text)?;
    Ok(shown)
}

/// Creates `content/news/<slug>.md`, scheduled from `from` to `until`, and adds a banner
/// for it to the `banners` list in `content/site.yaml`. Other banners stay as they are.
pub fn new_campaign(root: &Path, campaign: &Campaign<'_>) -> Result<PathBuf, Error> {
    let slug = campaign.slug.strip_suffix(".md").unwrap_or(campaign.slug);
    if !is_slug(slug) {
        return Err(Error::refused(
            format!("`{slug}` cannot be used as the campaign's web address"),
            "use lower-case letters, numbers and hyphens, for example `awareness-week-2027`",
        ));
    }
    let (from, until) = (campaign.from, campaign.until);
    if until < from {
        return Err(Error::refused(
            format!("the campaign ends ({until}) before it starts ({from})"),
            "swap the dates: --from is the first day, --until the last",
        ));
    }
    let settings = root.join("content/site.yaml");
    let yaml = std::fs::read_to_string(&settings).map_err(Error::io(&settings))?;
    let news = root.join("content/news");
    if !news.is_dir() {
        return Err(Error::refused(
            "there is no folder content/news",
            "campaigns are news pages: create the folder content/news with an _index.md first",
        ));
    }
    let shown = PathBuf::from(format!("content/news/{slug}.md"));
    let text = format!(
        "---\n\
         title: {title}\n\
         # One sentence for search results and link previews. Fill it in.\n\
         description: \"\"\n\
         date: {from}\n\
         # The page appears on the first day and goes on the day after the last.\n\
         publish_date: {from}\n\
         expiry_date: {until}\n\
         template: campaign.html\n\
         extra:\n  \
           # The big numbers at the top of the page. Replace these, or delete\n  \
           # everything from `extra:` down if the campaign has no figures.\n  \
           stats:\n    \
             - figure: \"100\"\n      \
               label: \"what the number counts, in a few words\"\n  \
           source: \"where the figures come from\"\n\
         ---\n\
         \n\
         Say what the campaign is and why it matters, in one or two short sentences.\n\
         \n\
         ## What you can do\n\
         \n\
         Write the page here.\n",
        title = yaml_string(campaign.title),
    );
    let banner = format!(
        "  - text: {text}\n    \
             link: \"@/news/{slug}.md\"\n    \
             from: {from}\n    \
             until: {until}\n",
        text = yaml_string(campaign.banner.unwrap_or(campaign.title)),
    );
    let yaml = add_banner(&yaml, &banner);
    write_new(&root.join(&shown), &shown, &text)?;
    std::fs::write(&settings, yaml).map_err(Error::io(&settings))?;
    Ok(shown)
}

/// `understanding-stalking/online.md`, also accepted with `content/` in front or without
/// `.md`, as a path inside `content/`.
fn page_path(path: &str) -> Result<PathBuf, Error> {
    let path = path.trim().replace('\\', "/");
    let path = path.strip_prefix("content/").unwrap_or(&path);
    let mut relative = PathBuf::from(path);
    if relative.extension().is_none() {
        relative.set_extension("md");
    }
    let plain = relative
        .components()
        .all(|c| matches!(c, Component::Normal(_)));
    if !plain || relative.extension().is_some_and(|e| e != "md") {
        return Err(Error::refused(
            format!("`{path}` is not a page inside content/"),
            "give the page's place inside content/, ending in .md, for example \
             understanding-stalking/online-stalking.md",
        ));
    }
    // Each name becomes part of the page's web address.
    let names: Vec<String> = (relative.with_extension("").components())
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    let plain = |name: &String| {
        name == "index" || name == "_index" || crate::content::slug::problem(name).is_none()
    };
    if !names.iter().all(plain) {
        let suggestion: Vec<String> = (names.iter())
            .map(|n| match plain(n) {
                true => n.clone(),
                false => crate::markdown::slugify(n),
            })
            .collect();
        return Err(Error::refused(
            format!("`{path}` cannot be a page's name: the names of its file and folders become its web address"),
            format!(
                "use lowercase letters, digits and hyphens, for example `{}.md`",
                suggestion.join("/")
            ),
        ));
    }
    Ok(relative)
}

/// Writes a new file, refusing to replace one that is there.
fn write_new(file: &Path, shown: &Path, text: &str) -> Result<(), Error> {
    let mut out = match OpenOptions::new().write(true).create_new(true).open(file) {
        Ok(out) => out,
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
            return Err(Error::refused(
                format!(
                    "{} already exists, and `new` never replaces a file",
                    shown.display()
                ),
                "choose another name, or open the file that is there and edit it",
            ))
        }
        Err(e) => return Err(Error::io(file)(e)),
    };
    out.write_all(text.as_bytes()).map_err(Error::io(file))
}

/// Adds `item` (a list entry, indented by two spaces) at the end of the top-level
/// `banners:` list, or starts the list at the end of the file. Everything else in the text
/// stays as it was.
fn add_banner(yaml: &str, item: &str) -> String {
    let lines: Vec<&str> = yaml.split_inclusive('\n').collect();
    let start = lines.iter().position(|l| {
        let key = l.split('#').next().unwrap_or_default().trim_end();
        key == "banners:" || key == "banners: []"
    });
    let Some(start) = start else {
        let mut out = yaml.to_string();
        if !out.is_empty() && !out.ends_with('\n') {
            out.push('\n');
        }
        if !out.is_empty() {
            out.push('\n');
        }
        return out + "banners:\n" + item;
    };
    let mut end = start + 1;
    while end < lines.len()
        && (lines[end].trim().is_empty() || lines[end].starts_with([' ', '\t', '-']))
    {
        end += 1;
    }
    while end > start + 1 && lines[end - 1].trim().is_empty() {
        end -= 1;
    }
    let mut head = lines[..end].concat();
    if !head.ends_with('\n') {
        head.push('\n');
    }
    if lines[start].contains("[]") {
        head = lines[..start].concat() + "banners:\n";
    }
    head + &indented_like(item, &lines[start + 1..end]) + &lines[end..].concat()
}

/// `item`, written with two spaces before its `-`, moved to the indentation of the list's
/// own entries, so it joins the list rather than the entry above it.
fn indented_like(item: &str, list: &[&str]) -> String {
    let Some(first) = list.iter().find(|l| l.trim_start().starts_with('-')) else {
        return item.to_string();
    };
    let indent = &first[..first.len() - first.trim_start().len()];
    (item.split_inclusive('\n'))
        .map(|line| format!("{indent}{}", line.strip_prefix("  ").unwrap_or(line)))
        .collect()
}

/// A YAML double-quoted string: safe whatever the title holds (`:`, `#`, quotes).
fn yaml_string(text: &str) -> String {
    let mut out = String::from("\"");
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            c if c.is_control() => out.push_str(&format!("\\u{:04x}", u32::from(c))),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

fn is_slug(slug: &str) -> bool {
    crate::content::slug::problem(slug).is_none()
}

fn folders(content: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(content)
        .into_iter()
        .flatten()
        .filter_map(Result::ok)
        .filter(|e| e.path().is_dir())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[cfg(test)]
mod tests {
    use super::*;

    const ITEM: &str = "  - text: \"New\"\n";

    #[test]
    fn a_banner_is_added_after_the_others_and_the_rest_kept() {
        let yaml = "# Settings\ntitle: T\n\nbanners:\n  # old\n  - text: Old\n    from: 2027-01-01\n\n# Help lines\nsupport: []\n";
        assert_eq!(
            add_banner(yaml, ITEM),
            "# Settings\ntitle: T\n\nbanners:\n  # old\n  - text: Old\n    from: 2027-01-01\n  - text: \"New\"\n\n# Help lines\nsupport: []\n"
        );
        // A list written without indentation is a list too.
        assert_eq!(
            add_banner("banners:\n- text: Old\n", ITEM),
            "banners:\n- text: Old\n- text: \"New\"\n"
        );
    }

    #[test]
    fn a_banner_list_is_started_when_there_is_none() {
        let shorthand = "title: T\nbanner:\n  text: Old\n";
        assert_eq!(
            add_banner(shorthand, ITEM),
            "title: T\nbanner:\n  text: Old\n\nbanners:\n  - text: \"New\"\n"
        );
        assert_eq!(
            add_banner("title: T\nbanners: []\n", ITEM),
            "title: T\nbanners:\n  - text: \"New\"\n"
        );
    }

    #[test]
    fn titles_are_quoted_for_yaml() {
        assert_eq!(
            yaml_string(r#"Stalking: "help" \ now"#),
            r#""Stalking: \"help\" \\ now""#
        );
    }

    #[test]
    fn paths_and_slugs_are_checked() {
        assert_eq!(
            page_path("content/news/a").unwrap(),
            PathBuf::from("news/a.md")
        );
        assert!(page_path("../a.md").is_err());
        assert!(page_path("/etc/a.md").is_err());
        assert!(page_path("a.html").is_err());
        assert!(is_slug("awareness-week-2027"));
        assert!(!is_slug("Awareness Week"));
        assert!(!is_slug(".."));
    }
}
