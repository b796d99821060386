//! The output folder, checked before a build touches anything: a build replaces the whole
//! folder, so it must never be one of the site's sources, nor a folder someone else made.

use std::ffi::OsString;
use std::io;
use std::path::{Component, Path, PathBuf};

use crate::diagnostic::Diagnostic;
use crate::error::Error;

/// The file every build leaves in its folder: a folder holding it is one a build made, so
/// the next build may replace it.
pub const MARKER: &str = ".site-builder-output";

/// What the marker says to someone who opens it.
pub const MARKER_TEXT: &str = "This folder is a site built by site-builder. Every build replaces \
the whole folder, so keep nothing else in it.\nThis file tells the next build that it may.\n";

/// The folders of a site that a build reads and must never replace.
const SOURCES: [&str; 3] = ["content", "templates", "static"];

/// Linux gives up after as many links in one path.
const MAX_LINKS: usize = 40;

const HELP_OWN_FOLDER: &str =
    "build into a folder of its own, such as public/ in the site's folder (the default)";
const HOLDS_SITE: &str =
    "the output folder holds the site: a build would replace content/ and templates/";

/// An output folder that a build may replace.
#[derive(Debug)]
pub struct Target {
    /// Where the files really go: absolute, with `..` and symbolic links resolved.
    path: PathBuf,
    parent: PathBuf,
    name: OsString,
    /// The folder as the editor named it, for messages.
    shown: PathBuf,
}

impl Target {
    /// Checks `out` against the site in `root`, touching nothing.
    pub fn check(root: &Path, out: &Path) -> Result<Target, Error> {
        let refuse = |message: String, help: &str| {
            Err(Error::Problems(vec![
                Diagnostic::file(out, message).with_help(help)
            ]))
        };
        let path = resolve(out).map_err(Error::io(out))?;
        let site = resolve(root).map_err(Error::io(root))?;
        if path == site {
            return refuse(
                "the output folder is the site's own folder: a build would replace content/ and templates/".into(),
                HELP_OWN_FOLDER,
            );
        }
        let (Some(parent), Some(name)) = (path.parent(), path.file_name()) else {
            // Only a file system's root has no name, and it holds every site.
            return refuse(HOLDS_SITE.into(), HELP_OWN_FOLDER);
        };
        if site.starts_with(&path) {
            return refuse(HOLDS_SITE.into(), HELP_OWN_FOLDER);
        }
        for source in SOURCES {
            let folder = resolve(&root.join(source)).map_err(Error::io(root.join(source)))?;
            let relation = if path == folder {
                "is"
            } else if folder.starts_with(&path) {
                "holds"
            } else if path.starts_with(&folder) {
                return refuse(
                    format!("the output folder is inside the site's {source}/ folder: the built site would be mixed into its sources"),
                    HELP_OWN_FOLDER,
                );
            } else {
                continue;
            };
            return refuse(
                format!("the output folder {relation} the site's {source}/ folder: a build would replace it"),
                HELP_OWN_FOLDER,
            );
        }
        match std::fs::metadata(&path) {
            Err(e) if e.kind() == io::ErrorKind::NotFound => {}
            Err(e) => return Err(Error::io(out)(e)),
            Ok(meta) if !meta.is_dir() => {
                return refuse(
                    "the output folder is a file: a build would replace it".into(),
                    "choose a folder for the built site, such as public/ in the site's folder (the default)",
                )
            }
            Ok(_) => {
                let empty = std::fs::read_dir(&path)
                    .map_err(Error::io(out))?
                    .next()
                    .is_none();
                if !empty && !path.join(MARKER).is_file() {
                    return refuse(
                        "the output folder is not empty, and no build made it: a build would replace everything in it".into(),
                        &format!("builds leave a `{MARKER}` file in their folder and this one has none (nor do folders built before site-builder began to mark them): delete the folder yourself or choose another --out"),
                    );
                }
            }
        }
        Ok(Target {
            parent: parent.to_path_buf(),
            name: name.to_os_string(),
            path,
            shown: out.to_path_buf(),
        })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The folder that holds the output, where the lock and staging folders go.
    pub fn parent(&self) -> &Path {
        &self.parent
    }

    pub fn shown(&self) -> &Path {
        &self.shown
    }

    /// A hidden name beside the output, `.NAME.SUFFIX`, such as `.public.lock`.
    pub fn beside(&self, suffix: &str) -> PathBuf {
        let mut file = OsString::from(".");
        file.push(&self.name);
        file.push(".");
        file.push(suffix);
        self.parent.join(file)
    }
}

/// One step of a path being resolved.
enum Step {
    Root(PathBuf),
    Up,
    Name(OsString),
}

fn steps(path: &Path) -> Vec<Step> {
    let mut steps = Vec::new();
    for component in path.components() {
        match component {
            // On Windows a root is a prefix (`C:`) and a separator: keep them together.
            Component::Prefix(_) | Component::RootDir => match steps.last_mut() {
                Some(Step::Root(root)) => root.push(component),
                _ => steps.push(Step::Root(PathBuf::from(component.as_os_str()))),
            },
            Component::CurDir => {}
            Component::ParentDir => steps.push(Step::Up),
            Component::Normal(name) => steps.push(Step::Name(name.to_os_string())),
        }
    }
    steps
}

/// `path` made absolute, with `.`, `..` and symbolic links resolved the way the system
/// resolves them, as far as the path exists; the rest is taken as written. `..` after a
/// link goes up from where the link points, so the path cannot be cleaned up as text.
fn resolve(path: &Path) -> io::Result<PathBuf> {
    let mut pending = steps(&std::path::absolute(path)?);
    pending.reverse();
    let mut resolved = PathBuf::new();
    let mut links = 0;
    while let Some(step) = pending.pop() {
        match step {
            Step::Root(root) => resolved = root,
            Step::Up => {
                resolved.pop();
            }
            Step::Name(name) => {
                let next = resolved.join(&name);
                match std::fs::symlink_metadata(&next) {
                    Ok(meta) if meta.file_type().is_symlink() => {
                        links += 1;
                        if links > MAX_LINKS {
                            return Err(io::Error::other(
                                "too many symbolic links (do some of them point at each other?)",
                            ));
                        }
                        // A relative link goes on from the folder holding it, `resolved`.
                        let link = std::fs::read_link(&next)?;
                        pending.extend(steps(&link).into_iter().rev());
                    }
                    // Missing, or not a link: either way the name is taken as it is.
                    _ => resolved = next,
                }
            }
        }
    }
    Ok(resolved)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_resolve_through_dots_and_links() {
        let dir = tempfile::tempdir().unwrap();
        let base = resolve(dir.path()).unwrap();
        std::fs::create_dir_all(base.join("site/content")).unwrap();
        assert_eq!(
            resolve(&base.join("site/missing/../content")).unwrap(),
            base.join("site/content")
        );
        #[cfg(unix)]
        {
            std::fs::create_dir(base.join("elsewhere")).unwrap();
            std::os::unix::fs::symlink("site/content", base.join("link")).unwrap();
            // `..` after a link goes up from the folder it points to.
            std::os::unix::fs::symlink("../../elsewhere", base.join("site/content/up")).unwrap();
            assert_eq!(
                resolve(&base.join("link/new")).unwrap(),
                base.join("site/content/new")
            );
            assert_eq!(resolve(&base.join("link/up/../x")).unwrap(), base.join("x"));
            std::os::unix::fs::symlink("loop", base.join("loop")).unwrap();
            assert!(resolve(&base.join("loop")).is_err());
        }
    }
}
