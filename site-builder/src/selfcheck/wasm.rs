//! Compiling the engine to WebAssembly and wrapping it in a same-origin ES module.
//!
//! The engine crate is built with its size-tuned `wasm-release` profile, then
//! wasm-bindgen's glue is generated in-process (no CLI to install). The wasm bytes are
//! embedded in the module, so the page never fetches anything: it runs under
//! `connect-src 'none'`. The self-check's JS and wasm have a budget of 20 KB brotli, which
//! `tests/selfcheck_budget.rs` checks: hence the bundler target's glue, which has no
//! loaders to fetch the wasm, and the bytes as a one-byte-per-character string, not base64.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::error::Error;

const TARGET: &str = "wasm32-unknown-unknown";

/// The workspace that holds the engine crate, as seen when site-builder was compiled.
fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .map(Path::to_path_buf)
        .unwrap_or_default()
}

/// The engine module, and the parts it is made of, for measuring.
pub struct EngineModule {
    /// The ES module: wasm-bindgen's glue, the wasm bytes and `load()`.
    pub module: String,
    /// The wasm as wasm-bindgen leaves it.
    pub wasm: Vec<u8>,
    /// wasm-bindgen's glue.
    pub glue: String,
}

/// Builds the engine and returns the ES module that exports `Engine` and `load()`.
pub fn engine_module() -> Result<String, Error> {
    build_engine().map(|built| built.module)
}

/// Builds the engine: compiles the crate to wasm, binds it, and bundles one ES module.
pub fn build_engine() -> Result<EngineModule, Error> {
    ensure_target()?;
    let workspace = workspace();
    let target_dir = workspace.join("target").join("selfcheck-wasm");
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let output = Command::new(cargo)
        .current_dir(&workspace)
        .args([
            "build",
            "--quiet",
            "--locked",
            "-p",
            "selfcheck-engine",
            "--lib",
        ])
        .args([
            "--target",
            TARGET,
            "--profile",
            "wasm-release",
            "--target-dir",
        ])
        .arg(&target_dir)
        .env_remove("RUSTFLAGS")
        .env_remove("CARGO_ENCODED_RUSTFLAGS")
        .output()
        .map_err(|e| Error::Wasm(format!("could not run cargo: {e}")))?;
    if !output.status.success() {
        return Err(Error::Wasm(
            String::from_utf8_lossy(&output.stderr).into_owned(),
        ));
    }
    let wasm = target_dir
        .join(TARGET)
        .join("wasm-release")
        .join("selfcheck_engine.wasm");
    let mut bindgen = wasm_bindgen_cli_support::Bindgen::new();
    bindgen
        .input_path(&wasm)
        // The bundler target's glue is the web target's without the loaders for fetching
        // the wasm: `load()` below instantiates the embedded bytes itself.
        .bundler(true)
        .map_err(|e| Error::Wasm(e.to_string()))?
        .typescript(false)
        .debug(false)
        .keep_debug(false)
        // Every browser the site supports has `TextEncoder.encodeInto`.
        .encode_into(wasm_bindgen_cli_support::EncodeInto::Always)
        // Dropping the name section here, not with `strip`, keeps the glue small.
        .remove_name_section(true)
        .remove_producers_section(true)
        .omit_default_module_path(true);
    let mut generated = bindgen
        .generate_output()
        .map_err(|e| Error::Wasm(e.to_string()))?;
    let imports = Imports::of(&generated)?;
    let start = generated
        .wasm()
        .exports
        .iter()
        .any(|e| e.name == "__wbindgen_start");
    // Only tools read this section; browsers ignore it.
    generated.wasm_mut().customs.remove_raw("target_features");
    let wasm = generated.wasm_mut().emit_wasm();
    // The bundler target writes the glue as the JS module that the wasm imports from
    // (`start`), and in `js` a few lines that wire the two together, which `load()` does.
    let glue = generated.start().cloned().unwrap_or_default();
    let module = bundle(&glue, &wasm, &imports, start)?;
    Ok(EngineModule { module, wasm, glue })
}

/// What the wasm imports: functions of one JS module, which the glue defines and exports.
struct Imports {
    module: String,
    names: Vec<String>,
}

impl Imports {
    fn of(generated: &wasm_bindgen_cli_support::Output) -> Result<Imports, Error> {
        let mut imports = Imports {
            module: String::new(),
            names: Vec::new(),
        };
        for import in generated.wasm().imports.iter() {
            if imports.names.is_empty() {
                imports.module.clone_from(&import.module);
            } else if imports.module != import.module {
                return Err(Error::Wasm(format!(
                    "the engine's wasm imports from `{}` and `{}`; its bundle has one glue",
                    imports.module, import.module
                )));
            }
            imports.names.push(import.name.clone());
        }
        Ok(imports)
    }
}

/// The glue, the wasm bytes, and a `load()` that instantiates them synchronously and hands
/// the instance to the glue, as the bundler target's entry module would.
fn bundle(glue: &str, wasm: &[u8], imports: &Imports, start: bool) -> Result<String, Error> {
    // `load()` relies on these; fail the build, not the page, if wasm-bindgen changes them.
    let needed = imports
        .names
        .iter()
        .map(String::as_str)
        .chain(["__wbg_set_wasm"]);
    for name in needed {
        if !glue.contains(&format!("export function {name}(")) {
            return Err(Error::Wasm(format!(
                "wasm-bindgen's glue does not define `{name}`, which the engine module needs"
            )));
        }
    }
    let module = serde_json::to_string(&imports.module).map_err(|e| Error::Wasm(e.to_string()))?;
    let mut js = String::with_capacity(glue.len() + wasm.len() * 3 / 2 + 512);
    js.push_str(glue);
    js.push_str("\nconst ENGINE_WASM = ");
    push_byte_string(&mut js, wasm);
    js.push_str(";\nlet engineLoaded = false;\n");
    js.push_str("/** Instantiates the embedded engine; call before using Engine. */\n");
    js.push_str("export function load() {\n  if (engineLoaded) return;\n");
    js.push_str("  const bytes = new Uint8Array(ENGINE_WASM.length);\n");
    js.push_str("  for (let i = 0; i < bytes.length; i++) bytes[i] = ENGINE_WASM.charCodeAt(i);\n");
    js.push_str("  const imports = { ");
    js.push_str(&module);
    js.push_str(": { ");
    js.push_str(&imports.names.join(", "));
    js.push_str(" } };\n");
    js.push_str(
        "  const { exports } = new WebAssembly.Instance(new WebAssembly.Module(bytes), imports);\n",
    );
    js.push_str("  __wbg_set_wasm(exports);\n");
    if start {
        js.push_str("  exports.__wbindgen_start();\n");
    }
    js.push_str("  engineLoaded = true;\n}\n");
    Ok(js)
}

/// Writes bytes as a JS string literal with one character per byte (U+0000 to U+00FF),
/// which `charCodeAt` reads back. Under brotli this costs a few hundred bytes over the raw
/// wasm, where base64 costs kilobytes. Only what a string literal cannot hold is escaped:
/// the quote, the backslash and the line terminators; U+2028 and U+2029 cannot occur.
/// Other control characters, NUL included, are valid in JS source as they are.
fn push_byte_string(js: &mut String, bytes: &[u8]) {
    js.push('"');
    for &byte in bytes {
        match byte {
            b'"' => js.push_str("\\\""),
            b'\\' => js.push_str("\\\\"),
            b'\n' => js.push_str("\\n"),
            b'\r' => js.push_str("\\r"),
            _ => js.push(char::from(byte)),
        }
    }
    js.push('"');
}

/// Adds the wasm32 target with rustup when it is missing, saying so.
fn ensure_target() -> Result<(), Error> {
    let installed = Command::new("rustup")
        .args(["target", "list", "--installed"])
        .output();
    let fix = format!("run `rustup target add {TARGET}`, then build again");
    let installed = match installed {
        Ok(out) if out.status.success() => String::from_utf8_lossy(&out.stdout).into_owned(),
        _ => {
            return Err(Error::Wasm(format!(
                "rustup is not available to check for the {TARGET} target: {fix}"
            )))
        }
    };
    if installed.lines().any(|l| l.trim() == TARGET) {
        return Ok(());
    }
    eprintln!("The self-check needs the {TARGET} target; installing it with rustup...");
    let status = Command::new("rustup")
        .args(["target", "add", TARGET])
        .status();
    match status {
        Ok(s) if s.success() => Ok(()),
        _ => Err(Error::Wasm(format!(
            "could not install the {TARGET} target: {fix}"
        ))),
    }
}

#[cfg(test)]
mod tests {
    use super::push_byte_string;

    fn literal(bytes: &[u8]) -> String {
        let mut js = String::new();
        push_byte_string(&mut js, bytes);
        js
    }

    #[test]
    fn bytes_become_one_character_each_escaping_only_what_a_literal_cannot_hold() {
        assert_eq!(literal(b""), "\"\"");
        assert_eq!(literal(b"a\"b\\c\nd\re"), r#""a\"b\\c\nd\re""#);
        assert_eq!(
            literal(&[0, 9, 0x7f, 0x80, 0xff]),
            "\"\u{0}\t\u{7f}\u{80}\u{ff}\""
        );
    }

    #[test]
    fn every_byte_reads_back_with_char_codes() {
        let bytes: Vec<u8> = (0..=255).collect();
        let js = literal(&bytes);
        // What a JS engine reads from the literal: unescape, then one byte per character.
        let mut read = Vec::new();
        let mut chars = js[1..js.len() - 1].chars();
        while let Some(c) = chars.next() {
            let c = match c {
                '\\' => match chars.next() {
                    Some('n') => '\n',
                    Some('r') => '\r',
                    Some(other) => other,
                    None => panic!("dangling backslash"),
                },
                '"' | '\n' | '\r' | '\u{2028}' | '\u{2029}' => panic!("{c:?} unescaped"),
                c => c,
            };
            read.push(u8::try_from(u32::from(c)).expect("a byte"));
        }
        assert_eq!(read, bytes);
    }
}
