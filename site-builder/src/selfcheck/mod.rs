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
mod view;

use std::path::{Path, PathBuf};

use tera::Value;

use selfcheck_engine::{
    Choice, Definition, Example, Kind, OutcomeSpec, QuestionSpec, ReasonSpec, Spec,
};

use crate::config::SupportService;
use crate::content::Library;
use crate::diagnostic::Diagnostic;
use crate::yaml::{self, Origin, Positions};

pub use answers::read_answers;
pub use diff::{compare, Comparison, Version};
pub use file::{DefinitionFile, KindEntry};
pub use text::Fragments;

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
pub struct Loaded {
    pub file: DefinitionFile,
    pub definition: Definition,
    pub path: PathBuf,
    pub positions: Positions,
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

/// Renders the self-check's text for a build, its links resolved against `library`.
/// Nothing comes back when the text has errors; warnings come back either way.
pub fn prepare(
    loaded: &Loaded,
    library: &Library,
    support: &[SupportService],
) -> (Option<Prepared>, Vec<Diagnostic>) {
    let (rendered, problems) = view::render(loaded, library, support);
    let prepared = rendered.map(|(view, fragments)| Prepared {
        context: Value::from_serializable(&view),
        fingerprint: blake3::hash(&serde_json::to_vec(&view).unwrap_or_default()),
        fragments,
    });
    (prepared, problems)
}
