//! The self-check: its definition, checked at build time, and the script that runs it.
//!
//! Editors write `content/self-check/questions.yaml` (the path is `selfcheck` in
//! site.yaml). This module reads it, hands the logic to the engine to check (ids,
//! conditions, reachability by enumeration, the editors' examples), renders its text as
//! HTML for the `selfcheck.html` template, and ships the engine for the browser: an ES
//! module built once from `wasm/` and embedded in site-builder (see [`ENGINE_MODULE`]).

mod answers;
mod diff;
mod file;
mod locate;
mod text;
mod translation;
mod view;
mod wording;

use std::path::{Path, PathBuf};

use tera::Value;

use selfcheck_engine::{
    Choice, Definition, Example, Kind, OutcomeSpec, QuestionSpec, ReasonSpec, Spec,
};

use crate::config::languages::{Languages, DEFAULT};
use crate::diagnostic::Diagnostic;
use crate::markdown;
use crate::yaml::{self, Origin, Positions};

pub use answers::read_answers;
pub use diff::{compare, Comparison, Version};
pub use file::{DefinitionFile, KindEntry};
pub use text::Fragments;
pub use translation::Texts;
use wording::{Own, Wording};

/// The generated ES module holding the engine, as named in `assets`.
pub const ENGINE_SCRIPT: &str = "selfcheck-engine.js";

/// The engine for the browser: wasm-bindgen's glue, the wasm bytes and `load()`, in one ES
/// module. It is generated from `wasm/` by `cargo xtask engine` and committed, so building
/// a site needs no Rust toolchain and ships the same bytes whoever builds it; CI's
/// `cargo xtask engine --check` fails when the file is stale.
pub const ENGINE_MODULE: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/engine/selfcheck-engine.js"
));

/// What the build needs from the self-check.
pub struct Prepared {
    /// The `selfcheck` value templates see: questions, outcomes and reasons as HTML.
    pub context: Value,
    /// The hash of what `context` was made from.
    pub fingerprint: blake3::Hash,
    /// Where each rendered text sits in the definition file.
    pub fragments: Fragments,
}

/// A definition read and checked, with its text.
#[derive(Clone)]
pub struct Loaded {
    pub file: DefinitionFile,
    pub definition: Definition,
    pub path: PathBuf,
    pub positions: Positions,
    /// Its words in the other languages that offer the self-check, each checked against
    /// the definition.
    pub texts: Vec<Texts>,
    /// The languages whose text file has problems (reported where they are).
    pub failed_texts: Vec<usize>,
}

impl Loaded {
    /// The default language's words, in the definition itself.
    fn own(&self) -> Own<'_> {
        Own {
            file: &self.file,
            path: &self.path,
            positions: &self.positions,
        }
    }

    /// The languages that offer the self-check, by index: the default one, then those
    /// with a text file.
    pub fn languages(&self) -> Vec<usize> {
        std::iter::once(DEFAULT)
            .chain(self.texts.iter().map(|t| t.lang))
            .collect()
    }

    /// Reads the text file of every other language beside the definition; `relative` is
    /// the definition's path inside `content_dir`.
    pub fn read_texts(
        &mut self,
        content_dir: &Path,
        relative: &Path,
        languages: &Languages,
    ) -> Vec<Diagnostic> {
        let mut problems = Vec::new();
        for (lang, language) in languages.others() {
            match translation::read(content_dir, relative, (lang, language), &self.own()) {
                Some(Ok(texts)) => self.texts.push(texts),
                Some(Err(found)) => {
                    self.failed_texts.push(lang);
                    problems.extend(found);
                }
                None => {}
            }
        }
        problems
    }
}

/// The path of the site's definition inside `content/`, from site.yaml.
pub fn site_definition(root: &Path) -> Result<PathBuf, Vec<Diagnostic>> {
    let settings = crate::config::load(&root.join("content"), Path::new("content"))?;
    settings.config.selfcheck.clone().ok_or_else(|| {
        let problem = settings
            .problem_at("selfcheck", "this site has no self-check")
            .with_help("add `selfcheck: self-check/questions.yaml` to content/site.yaml");
        vec![problem]
    })
}

/// Reads and checks the definition of the site at `root`.
pub fn load_site(root: &Path) -> Result<Loaded, Vec<Diagnostic>> {
    let content = root.join("content");
    load(&content, &site_definition(root)?)
}

/// Reads and checks the definition named in site.yaml.
pub fn load(content_dir: &Path, relative: &Path) -> Result<Loaded, Vec<Diagnostic>> {
    check(&read(content_dir, relative)?, relative)
}

/// The text of the definition named in site.yaml.
pub fn read(content_dir: &Path, relative: &Path) -> Result<String, Vec<Diagnostic>> {
    let shown = Path::new("content").join(relative);
    std::fs::read_to_string(content_dir.join(relative)).map_err(|e| {
        vec![Diagnostic::file(
            &shown,
            format!("cannot read the self-check definition: {e}"),
        )]
    })
}

/// Checks the definition `text`, read from `relative` inside `content/`: its logic, the
/// proofs over every answer path, and the editors' examples.
pub fn check(text: &str, relative: &Path) -> Result<Loaded, Vec<Diagnostic>> {
    let shown = Path::new("content").join(relative);
    let file: DefinitionFile = yaml::parse(text, &shown, Origin::FILE).map_err(|d| vec![d])?;
    let positions = Positions::of(text, Origin::FILE);
    let locator = locate::Locator {
        file: &file,
        positions: &positions,
        path: &shown,
    };
    let definition =
        Definition::from_spec(&spec(&file)).map_err(|problems| locator.all(&problems))?;
    let mut problems = definition.validate();
    problems.extend(definition.check_examples(&examples(&file)));
    if !problems.is_empty() {
        return Err(locator.all(&problems));
    }
    Ok(Loaded {
        file,
        definition,
        path: shown,
        positions,
        texts: Vec::new(),
        failed_texts: Vec::new(),
    })
}

fn spec(file: &DefinitionFile) -> Spec {
    Spec {
        questions: file
            .questions
            .iter()
            .map(|q| QuestionSpec {
                id: q.id.clone(),
                kind: match q.kind {
                    KindEntry::One => Kind::One,
                    KindEntry::Many => Kind::Many,
                },
                options: q
                    .options
                    .iter()
                    .map(|o| Choice {
                        id: o.id.clone(),
                        exclusive: o.exclusive,
                    })
                    .collect(),
                show_if: q.show_if.clone(),
            })
            .collect(),
        outcomes: file
            .outcomes
            .iter()
            .map(|o| OutcomeSpec {
                id: o.id.clone(),
                when: o.when.clone(),
            })
            .collect(),
        reasons: file
            .reasons
            .iter()
            .map(|r| ReasonSpec {
                id: r.id.clone(),
                when: r.when.clone(),
            })
            .collect(),
    }
}

fn examples(file: &DefinitionFile) -> Vec<Example> {
    file.examples
        .iter()
        .map(|e| Example {
            answers: e
                .answers
                .iter()
                .map(|(question, chosen)| (scalar(question), options(chosen)))
                .collect(),
            expect: e.expect.clone(),
            expect_reasons: e.expect_reasons.clone(),
        })
        .collect()
}

fn scalar(value: &serde_yaml::Value) -> String {
    match value {
        serde_yaml::Value::String(s) => s.clone(),
        serde_yaml::Value::Bool(b) => b.to_string(),
        serde_yaml::Value::Number(n) => n.to_string(),
        other => serde_yaml::to_string(other)
            .unwrap_or_default()
            .trim()
            .to_string(),
    }
}

fn options(value: &serde_yaml::Value) -> Vec<String> {
    match value {
        serde_yaml::Value::Sequence(items) => items.iter().map(scalar).collect(),
        other => vec![scalar(other)],
    }
}

/// Renders the self-check's text in `context`'s language for a build, its links resolved
/// against the library in that language. Nothing comes back when the text has errors, or
/// when the language does not offer the self-check; warnings come back either way.
pub fn prepare(
    loaded: &Loaded,
    context: markdown::Context<'_>,
) -> (Option<Prepared>, Vec<Diagnostic>) {
    let own = loaded.own();
    let words: &dyn Wording = match context.lang {
        DEFAULT => &own,
        lang => match loaded.texts.iter().find(|t| t.lang == lang) {
            Some(texts) => texts,
            None => return (None, Vec::new()),
        },
    };
    let (rendered, problems) = view::render(loaded, words, context);
    let prepared = rendered.map(|(view, fragments)| Prepared {
        context: Value::from_serializable(&view),
        fingerprint: blake3::hash(&serde_json::to_vec(&view).unwrap_or_default()),
        fragments,
    });
    (prepared, problems)
}
