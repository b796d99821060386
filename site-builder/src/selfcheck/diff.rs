//! `selfcheck diff`: two versions of the definition, read from files or from git, compared
//! answer set by answer set, for an editor to sign off a change before publishing.

use std::path::{Path, PathBuf};
use std::process::Command;

use pulldown_cmark::{Event, Parser};
use serde::Serialize;
use serde_json::{Map, Value};

use selfcheck_engine::{Change, Definition, Diff, Kind, Problem};

use super::file::DefinitionFile;
use super::locate::Locator;
use crate::diagnostic::Diagnostic;
use crate::error::Error;
use crate::yaml::{self, Origin, Positions};

/// One version of the definition, parsed and type-checked. Its examples and reachability
/// are not required, so that a draft can be compared.
pub struct Version {
    /// Where it was read, as the editor named it: `content/self-check/questions.yaml`,
    /// `HEAD~1:content/self-check/questions.yaml`.
    pub shown: PathBuf,
    file: DefinitionFile,
    definition: Definition,
}

/// Two versions and how every answer set fares under each.
pub struct Comparison {
    pub old: Version,
    pub new: Version,
    pub diff: Diff,
}

/// Compares `old` with `new` (the site's own definition if `None`), each given as a file,
/// a git revision (`HEAD~1`, `main`: the site's definition in it) or `REV:path`.
pub fn compare(root: &Path, old: &str, new: Option<&str>) -> Result<Comparison, Error> {
    let (old, new) = (read(root, Some(old)), read(root, new));
    let (old, new) = match (old, new) {
        (Ok(old), Ok(new)) => (old, new),
        (old, new) => {
            let problems = [old.err(), new.err()].into_iter().flatten().flatten();
            return Err(Error::Problems(problems.collect()));
        }
    };
    let diff = (old.definition.diff(&new.definition))
        .map_err(|problem| vec![whole_file(&new.shown, &problem)])?;
    Ok(Comparison { old, new, diff })
}

/// A problem about a definition as a whole, at the start of its file.
fn whole_file(path: &Path, problem: &Problem) -> Diagnostic {
    let diagnostic = Diagnostic::file(path, problem.message.clone());
    match &problem.help {
        Some(help) => diagnostic.with_help(help.clone()),
        None => diagnostic,
    }
}

/// Reads and type-checks one version, given as on the command line.
fn read(root: &Path, given: Option<&str>) -> Result<Version, Vec<Diagnostic>> {
    let (shown, text) = match given {
        None => {
            let relative = super::site_definition(root)?;
            let text = std::fs::read_to_string(root.join("content").join(&relative));
            let shown = Path::new("content").join(relative);
            let text = text.map_err(|e| {
                let message = format!("cannot read the self-check definition: {e}");
                vec![Diagnostic::file(&shown, message)]
            })?;
            (shown, text)
        }
        Some(path) if Path::new(path).is_file() => {
            let text = std::fs::read_to_string(path).map_err(|e| {
                vec![Diagnostic::file(
                    path,
                    format!("cannot read the definition: {e}"),
                )]
            })?;
            (PathBuf::from(path), text)
        }
        Some(spec) => from_git(root, spec)?,
    };
    let file: DefinitionFile = yaml::parse(&text, &shown, Origin::FILE).map_err(|d| vec![d])?;
    let positions = Positions::of(&text, Origin::FILE);
    let locator = Locator {
        file: &file,
        positions: &positions,
        path: &shown,
    };
    let definition =
        Definition::from_spec(&super::spec(&file)).map_err(|problems| locator.all(&problems))?;
    Ok(Version {
        shown,
        file,
        definition,
    })
}

/// Reads `REV:path` with `git show` in the site's folder (so the path is from the top of
/// its repository, as git reads it), or for a bare revision the site's definition in it.
fn from_git(root: &Path, spec: &str) -> Result<(PathBuf, String), Vec<Diagnostic>> {
    let (shown, object) = match spec.split_once(':') {
        Some(_) => (spec.to_string(), spec.to_string()),
        None => {
            let relative = Path::new("content").join(super::site_definition(root)?);
            let relative = relative.to_string_lossy().replace('\\', "/");
            (format!("{spec}:{relative}"), format!("{spec}:./{relative}"))
        }
    };
    let mut git = Command::new("git");
    git.arg("-C").arg(root);
    let problem =
        |message: String, help: &str| vec![Diagnostic::file(&shown, message).with_help(help)];
    let output = git.arg("show").arg(&object).output().map_err(|e| {
        let message = format!(
            "`{spec}` is not a file, and git cannot be run to read it from a revision: {e}"
        );
        problem(message, "install git, or give the old version as a file")
    })?;
    if !output.status.success() {
        let said = String::from_utf8_lossy(&output.stderr);
        let said = said.lines().next().unwrap_or("").trim();
        let message = format!("`{spec}` is not a file, and git cannot read it: {said}");
        let help = "give a file, a git revision such as `HEAD~1` or `main`, or `REVISION:path`";
        return Err(problem(message, help));
    }
    let text = String::from_utf8(output.stdout)
        .map_err(|_| problem(format!("`{shown}` is not UTF-8 text"), "give a YAML file"))?;
    Ok((PathBuf::from(shown), text))
}

impl Comparison {
    /// The report an editor reads: the versions, a summary line per change, then each
    /// change with example answer sets in words and the reasons that appear or disappear.
    pub fn report(&self) -> String {
        let mut out = format!(
            "Old: {}\nNew: {}\n\n",
            self.old.shown.display(),
            self.new.shown.display()
        );
        if self.diff.changes.is_empty() {
            out += "No answer set changes its outcome or reasons.\n";
        }
        for change in &self.diff.changes {
            out += &format!("{}\n", summary(change));
        }
        out += &format!("Unchanged: {}\n", answer_sets(self.diff.unchanged));
        for change in &self.diff.changes {
            out += &format!("\n{}\n", summary(change));
            for (number, example) in change.examples.iter().enumerate() {
                out += &format!("  Example {}:\n", number + 1);
                for (question, options) in example {
                    out += &format!("    {}\n", self.in_words(question, options));
                }
                let ids: Vec<String> = (example.iter())
                    .map(|(question, options)| self.in_ids(question, options))
                    .collect();
                out += &format!("    ({})\n", ids.join(", "));
            }
            out += &reasons("Reasons that appear", &change.reasons_added);
            out += &reasons("Reasons that disappear", &change.reasons_removed);
        }
        out
    }

    /// The comparison as JSON: `{"changes": [{"from", "to", "count", "examples",
    /// "reasons_added", "reasons_removed"}], "unchanged"}`. An outcome is `null` where a
    /// version cannot take the answers.
    pub fn json(&self) -> String {
        let changes = (self.diff.changes.iter())
            .map(|change| JsonChange {
                from: change.from.as_deref(),
                to: change.to.as_deref(),
                count: change.count,
                examples: (change.examples.iter())
                    .map(|example| {
                        (example.iter())
                            .map(|(q, options)| (q.clone(), self.json_answer(q, options)))
                            .collect()
                    })
                    .collect(),
                reasons_added: change
                    .reasons_added
                    .iter()
                    .map(|(id, _)| id.as_str())
                    .collect(),
                reasons_removed: (change.reasons_removed.iter())
                    .map(|(id, _)| id.as_str())
                    .collect(),
            })
            .collect();
        let json = JsonDiff {
            changes,
            unchanged: self.diff.unchanged,
        };
        serde_json::to_string_pretty(&json).expect("plain data serialises")
    }

    /// The version that describes a question: the new one, or the old if it was removed.
    fn versions(&self) -> [&Version; 2] {
        [&self.new, &self.old]
    }

    /// "Prompt? Label; Label", with Markdown reduced to its text.
    fn in_words(&self, question: &str, options: &[String]) -> String {
        let entries = self.versions().map(|v| {
            let q = v.file.questions.iter().find(|q| q.id == question);
            q.map(|q| (q, v))
        });
        let Some((entry, _)) = entries.iter().flatten().next() else {
            return question.to_string();
        };
        let labels: Vec<String> = (options.iter())
            .map(|id| {
                let label = (entries.iter().flatten())
                    .find_map(|(q, _)| q.options.iter().find(|o| &o.id == id))
                    .map_or(id.as_str(), |o| o.label.as_str());
                plain(label)
            })
            .collect();
        format!("{} {}", plain(&entry.prompt), labels.join("; "))
    }

    fn in_ids(&self, question: &str, options: &[String]) -> String {
        match self.kind(question) {
            Kind::One => format!("{question} = {}", options.join(", ")),
            Kind::Many => format!("{question} = [{}]", options.join(", ")),
        }
    }

    fn json_answer(&self, question: &str, options: &[String]) -> Value {
        match (self.kind(question), options) {
            (Kind::One, [one]) => Value::String(one.clone()),
            _ => Value::Array(options.iter().cloned().map(Value::String).collect()),
        }
    }

    /// A question's kind in the newest version that has it.
    fn kind(&self, question: &str) -> Kind {
        (self.versions().iter())
            .find_map(|v| {
                let index = v.definition.question_index(question)?;
                Some(v.definition.questions()[index].kind)
            })
            .unwrap_or(Kind::Many)
    }
}

#[derive(Serialize)]
struct JsonDiff<'a> {
    changes: Vec<JsonChange<'a>>,
    unchanged: u128,
}

#[derive(Serialize)]
struct JsonChange<'a> {
    from: Option<&'a str>,
    to: Option<&'a str>,
    count: u128,
    examples: Vec<Map<String, Value>>,
    reasons_added: Vec<&'a str>,
    reasons_removed: Vec<&'a str>,
}

/// `unsure → serious-risk: 1,234 answer sets`.
fn summary(change: &Change) -> String {
    let outcome = |id: &Option<String>, missing: &str| id.clone().unwrap_or(missing.into());
    let from = outcome(&change.from, "(not possible before)");
    let to = outcome(&change.to, "(no longer possible)");
    let same = if change.from == change.to {
        " (reasons change)"
    } else {
        ""
    };
    format!("{from} → {to}{same}: {}", answer_sets(change.count))
}

fn reasons(title: &str, reasons: &[(String, u128)]) -> String {
    if reasons.is_empty() {
        return String::new();
    }
    let listed: Vec<String> = (reasons.iter())
        .map(|(id, count)| format!("{id} ({})", answer_sets(*count)))
        .collect();
    format!("  {title}: {}\n", listed.join(", "))
}

/// `1 answer set`, `1,234 answer sets`.
fn answer_sets(count: u128) -> String {
    let plural = if count == 1 { "" } else { "s" };
    format!("{} answer set{plural}", selfcheck_engine::thousands(count))
}

/// Markdown reduced to its text: `Has someone kept **contacting** you?` reads
/// `Has someone kept contacting you?`.
fn plain(markdown: &str) -> String {
    let mut text = String::new();
    for event in Parser::new(markdown) {
        match event {
            Event::Text(t) | Event::Code(t) => text.push_str(&t),
            Event::SoftBreak | Event::HardBreak => text.push(' '),
            _ => {}
        }
    }
    text.trim().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_is_read_as_plain_text() {
        assert_eq!(
            plain("Has someone kept **contacting** you,\nor [posted](https://x.example) `things`?"),
            "Has someone kept contacting you, or posted things?"
        );
    }

    #[test]
    fn counts_are_written_with_thousands_separators() {
        assert_eq!(answer_sets(1), "1 answer set");
        assert_eq!(answer_sets(1234), "1,234 answer sets");
        assert_eq!(answer_sets(1_000_000), "1,000,000 answer sets");
    }
}
