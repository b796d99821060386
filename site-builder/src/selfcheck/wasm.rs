//! Compiling the engine to WebAssembly and wrapping it in a same-origin ES module.
//!
//! The engine crate is built with its size-tuned `wasm-release` profile, then
//! wasm-bindgen's glue is generated in-process (no CLI to install). The wasm bytes are
//! embedded in the module, so the page never fetches anything: it runs under
//! `connect-src 'none'`.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::error::Error;

const TARGET: &str = "wasm32-unknown-unknown";

/// The workspace that holds the engine crate, as seen when site-builder was compiled.
fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().map(Path::to_path_buf).unwrap_or_default()
}

/// Builds the engine and returns the ES module that exports `Engine` and `load()`.
pub fn engine_module() -> Result<String, Error> {
    ensure_target()?;
    let workspace = workspace();
    let target_dir = workspace.join("target").join("selfcheck-wasm");
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let output = Command::new(cargo)
        .current_dir(&workspace)
        .args(["build", "--quiet", "--locked", "-p", "selfcheck-engine", "--lib", "--target", TARGET])
        .args(["--profile", "wasm-release", "--target-dir"])
        .arg(&target_dir)
        .env_remove("RUSTFLAGS")
        .env_remove("CARGO_ENCODED_RUSTFLAGS")
        .output()
        .map_err(|e| Error::Wasm(format!("could not run cargo: {e}")))?;
    if !output.status.success() {
        return Err(Error::Wasm(String::from_utf8_lossy(&output.stderr).into_owned()));
    }
    let wasm = target_dir.join(TARGET).join("wasm-release").join("selfcheck_engine.wasm");
    let mut bindgen = wasm_bindgen_cli_support::Bindgen::new();
    bindgen
        .input_path(&wasm)
        .web(true)
        .map_err(|e| Error::Wasm(e.to_string()))?
        .typescript(false)
        .debug(false)
        .keep_debug(false)
        // Dropping the name section here, not with `strip`, keeps the glue small.
        .remove_name_section(true)
        .remove_producers_section(true)
        .omit_default_module_path(true);
    let mut generated = bindgen.generate_output().map_err(|e| Error::Wasm(e.to_string()))?;
    let bytes = generated.wasm_mut().emit_wasm();
    Ok(bundle(generated.js(), &bytes))
}

/// The glue, plus the wasm bytes and a `load()` that instantiates them synchronously.
fn bundle(glue: &str, wasm: &[u8]) -> String {
    let mut js = String::with_capacity(glue.len() + wasm.len() * 4 / 3 + 256);
    js.push_str(glue);
    js.push_str("\nconst WASM_BASE64 = \"");
    js.push_str(&base64(wasm));
    js.push_str("\";\n");
    js.push_str(
        "/** Instantiates the embedded engine; call once before using Engine. */\n\
         export function load() {\n\
         \x20 const text = atob(WASM_BASE64);\n\
         \x20 const bytes = new Uint8Array(text.length);\n\
         \x20 for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);\n\
         \x20 initSync({ module: bytes });\n\
         }\n",
    );
    js
}

fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let n = chunk.iter().enumerate().fold(0u32, |n, (i, b)| n | u32::from(*b) << (16 - 8 * i));
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(char::from(ALPHABET[(n >> (18 - 6 * i) & 63) as usize]));
            } else {
                out.push('=');
            }
        }
    }
    out
}

/// Adds the wasm32 target with rustup when it is missing, saying so.
fn ensure_target() -> Result<(), Error> {
    let installed = Command::new("rustup").args(["target", "list", "--installed"]).output();
    let fix = format!("run `rustup target add {TARGET}`, then build again");
    let installed = match installed {
        Ok(out) if out.status.success() => String::from_utf8_lossy(&out.stdout).into_owned(),
        _ => return Err(Error::Wasm(format!("rustup is not available to check for the {TARGET} target: {fix}"))),
    };
    if installed.lines().any(|l| l.trim() == TARGET) {
        return Ok(());
    }
    eprintln!("The self-check needs the {TARGET} target; installing it with rustup...");
    let status = Command::new("rustup").args(["target", "add", TARGET]).status();
    match status {
        Ok(s) if s.success() => Ok(()),
        _ => Err(Error::Wasm(format!("could not install the {TARGET} target: {fix}"))),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn base64_matches_the_standard_alphabet() {
        assert_eq!(super::base64(b""), "");
        assert_eq!(super::base64(b"f"), "Zg==");
        assert_eq!(super::base64(b"fo"), "Zm8=");
        assert_eq!(super::base64(b"foo"), "Zm9v");
        assert_eq!(super::base64(b"foobar"), "Zm9vYmFy");
    }
}
