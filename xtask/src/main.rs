//! Maintainers' tasks, run as `cargo xtask <task>` (an alias in `.cargo/config.toml`).
//!
//! - `cargo xtask engine` builds the self-check engine for the browser and writes the ES
//!   module that site-builder embeds, `site-builder/engine/selfcheck-engine.js`.
//! - `cargo xtask engine --check` builds it in memory and fails when the committed file
//!   differs, so CI catches a change to `wasm/` that was not regenerated.
//!
//! Building a site never runs this: site-builder ships the committed module, so it needs no
//! cargo, rustup or wasm32 target, and the module's bytes (and its hashed file name) are
//! the same whoever builds the site.

mod engine;

use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// The committed module, relative to the workspace.
const ENGINE_FILE: &str = "site-builder/engine/selfcheck-engine.js";
/// The command that regenerates it, for messages.
const REGENERATE: &str = "cargo xtask engine";

const USAGE: &str = "usage: cargo xtask engine [--check]

  engine          build the self-check engine and write site-builder/engine/selfcheck-engine.js
  engine --check  build it and fail if the committed file differs (CI runs this)";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let check = match args.as_slice() {
        ["engine"] => false,
        ["engine", "--check"] => true,
        ["-h" | "--help" | "help"] => {
            println!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        _ => {
            eprintln!("{USAGE}");
            return ExitCode::FAILURE;
        }
    };
    match run_engine(&workspace(), check) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("error: {message}");
            ExitCode::FAILURE
        }
    }
}

/// The workspace root: this crate's parent folder.
fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .map(Path::to_path_buf)
        .unwrap_or_default()
}

fn run_engine(workspace: &Path, check: bool) -> Result<(), String> {
    let built = engine::build(workspace)?;
    let path = workspace.join(ENGINE_FILE);
    let committed = match std::fs::read(&path) {
        Ok(bytes) => Some(bytes),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
        Err(e) => return Err(format!("cannot read {ENGINE_FILE}: {e}")),
    };
    let fresh = committed.as_deref() == Some(built.as_bytes());
    if check {
        return match committed {
            _ if fresh => {
                println!("{ENGINE_FILE} is fresh ({} bytes)", built.len());
                Ok(())
            }
            None => Err(format!(
                "{ENGINE_FILE} is missing.\n  Generate it with `{REGENERATE}` and commit it."
            )),
            Some(committed) => Err(format!(
                "{ENGINE_FILE} is stale: the engine built from wasm/ now is {} bytes, the \
                 committed file {} bytes, and they differ.\n  Regenerate it with \
                 `{REGENERATE}` and commit it.",
                built.len(),
                committed.len()
            )),
        };
    }
    if fresh {
        println!("{ENGINE_FILE} is unchanged ({} bytes)", built.len());
        return Ok(());
    }
    write(&path, built.as_bytes()).map_err(|e| format!("cannot write {ENGINE_FILE}: {e}"))?;
    match committed {
        Some(old) => println!(
            "wrote {ENGINE_FILE}: {} bytes (was {} bytes)",
            built.len(),
            old.len()
        ),
        None => println!("wrote {ENGINE_FILE}: {} bytes", built.len()),
    }
    Ok(())
}

/// Writes beside the file, then renames over it, so a build reading the file meanwhile
/// sees the old module or the new one, never half of one.
fn write(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    if let Some(folder) = path.parent() {
        std::fs::create_dir_all(folder)?;
    }
    let partial = path.with_extension("js.partial");
    std::fs::write(&partial, bytes)?;
    std::fs::rename(&partial, path)
}
