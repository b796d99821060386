//! The default theme, built into site-builder: the repository's `templates/` (templates,
//! partials and `assets/`), embedded when site-builder is compiled.
//!
//! A site needs no `templates/` of its own. A file it keeps there replaces the built-in
//! file of the same name, one by one, as Hugo's lookup order does (the layering is done
//! where templates and assets are loaded); every other file comes from here, so a new
//! release brings its fixes to every site. Problems in a built-in file are placed at its
//! `theme:` name, such as `theme:base.html:12:3`.

use std::path::{Path, PathBuf};

use crate::diagnostic::closest;
use crate::embedded::THEME;
use crate::error::Error;

/// How a built-in file is named in problems: `theme:partials/help-now.html`.
pub const PREFIX: &str = "theme:";

/// Every built-in file, by its path in the theme (`base.html`, `assets/site.css`).
pub fn files() -> impl Iterator<Item = (&'static str, &'static [u8])> {
    THEME.iter().copied()
}

/// The built-in file called `name`.
pub fn get(name: &str) -> Option<&'static [u8]> {
    THEME
        .binary_search_by(|(n, _)| (*n).cmp(name))
        .ok()
        .map(|i| THEME[i].1)
}

/// The built-in templates: `.html` files outside `assets/`, with their text.
pub fn templates() -> impl Iterator<Item = (&'static str, &'static str)> {
    files()
        .filter(|(name, _)| name.ends_with(".html") && !name.starts_with("assets/"))
        .filter_map(|(name, bytes)| Some((name, std::str::from_utf8(bytes).ok()?)))
}

/// The built-in assets, named as templates ask for them (`site.css` for `assets/site.css`).
pub fn assets() -> impl Iterator<Item = (&'static str, &'static [u8])> {
    files().filter_map(|(name, bytes)| Some((name.strip_prefix("assets/")?, bytes)))
}

/// How the built-in file `name` is shown in problems.
pub fn shown(name: &str) -> PathBuf {
    PathBuf::from(format!("{PREFIX}{name}"))
}

/// The text of a built-in file named as problems name it (`theme:base.html`), so the
/// rich form of a problem can show its line.
pub fn source_of(shown: &Path) -> Option<&'static [u8]> {
    get(shown.to_str()?.strip_prefix(PREFIX)?)
}

/// Copies the built-in files `names` (or every file, when `names` is empty) into the
/// site's `templates/`, to be edited there. Refuses, writing nothing, an unknown name or
/// a file the site already has. Returns the files written, as shown to the editor.
pub fn eject(root: &Path, names: &[String]) -> Result<Vec<PathBuf>, Error> {
    let wanted: Vec<&str> = if names.is_empty() {
        files().map(|(name, _)| name).collect()
    } else {
        names.iter().map(|n| plain_name(n)).collect()
    };
    for name in &wanted {
        if get(name).is_none() {
            let help = match closest(name, files().map(|(n, _)| n)) {
                Some(best) => {
                    format!("did you mean `{best}`? `site-builder theme list` shows every file")
                }
                None => "`site-builder theme list` shows every file".to_string(),
            };
            return Err(Error::refused(
                format!("the built-in theme has no file `{name}`"),
                help,
            ));
        }
    }
    let existing: Vec<String> = (wanted.iter())
        .filter(|name| root.join("templates").join(name).exists())
        .map(|name| format!("templates/{name}"))
        .collect();
    if !existing.is_empty() {
        return Err(Error::refused(
            format!("the site already has {}", existing.join(", ")),
            "it is the site's own copy, and ejecting would replace it: move it away first if you want the built-in file again",
        ));
    }
    let mut written = Vec::new();
    for name in wanted {
        let path = root.join("templates").join(name);
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).map_err(Error::io(dir))?;
        }
        std::fs::write(&path, get(name).unwrap_or_default()).map_err(Error::io(&path))?;
        written.push(Path::new("templates").join(name));
    }
    Ok(written)
}

/// A name as an editor may write it: `base.html`, `templates/base.html` or
/// `theme:base.html`.
fn plain_name(name: &str) -> &str {
    let name = name.strip_prefix(PREFIX).unwrap_or(name);
    name.strip_prefix("templates/").unwrap_or(name)
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_theme_has_every_template_a_site_needs() {
        for name in [
            "base.html",
            "index.html",
            "section.html",
            "page.html",
            "404.html",
        ] {
            assert!(super::get(name).is_some(), "{name}");
        }
        assert!(super::get("assets/quick-exit.js").is_some());
        assert_eq!(
            super::source_of(std::path::Path::new("theme:base.html")),
            super::get("base.html")
        );
    }
}
