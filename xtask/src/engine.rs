//! Compiling the engine to WebAssembly and wrapping it in a same-origin ES module.
//!
//! The engine crate is built with its size-tuned `wasm-release` profile, in a target folder
//! of its own, then wasm-bindgen's glue is generated in-process (no CLI to install). The wasm
//! bytes are embedded in the module, so the page never fetches anything: it runs under
//! `connect-src 'none'`. The self-check's JS and wasm have a budget of 20 KB brotli, which
//! `site-builder/tests/selfcheck_budget.rs` checks: hence the bundler target's glue, which
//! has no loaders to fetch the wasm, and the bytes as a one-byte-per-character string, not
//! base64.
//!
//! The module must be the same bytes whoever builds it, so this refuses a compiler other
//! than the one `rust-toolchain.toml` pins, and keeps local paths out of the wasm.

use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::process::Command;

const TARGET: &str = "wasm32-unknown-unknown";

/// Builds the engine: checks the compiler, compiles the crate to wasm, binds it, and
/// bundles one ES module that exports `Engine` and `load()`.
pub fn build(workspace: &Path) -> Result<String, String> {
    check_compiler(workspace)?;
    ensure_target(workspace)?;
    let target_dir = workspace.join("target").join("selfcheck-wasm");
    eprintln!("Compiling the self-check engine for {TARGET}...");
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let status = Command::new(cargo)
        .current_dir(workspace)
        .args(["build", "--locked", "-p", "selfcheck-engine", "--lib"])
        .args([
            "--target",
            TARGET,
            "--profile",
            "wasm-release",
            "--target-dir",
        ])
        .arg(&target_dir)
        // Only these flags, whatever the shell has: they keep the bytes reproducible.
        .env("CARGO_ENCODED_RUSTFLAGS", remap_flags(workspace))
        .env_remove("RUSTFLAGS")
        .status()
        .map_err(|e| format!("could not run cargo: {e}"))?;
    if !status.success() {
        return Err("compiling the engine failed (cargo's messages are above)".into());
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
        .map_err(|e| e.to_string())?
        .typescript(false)
        .debug(false)
        .keep_debug(false)
        // Every browser the site supports has `TextEncoder.encodeInto`.
        .encode_into(wasm_bindgen_cli_support::EncodeInto::Always)
        // Dropping the name section here, not with `strip`, keeps the glue small.
        .remove_name_section(true)
        .remove_producers_section(true)
        .omit_default_module_path(true);
    let mut generated = bindgen.generate_output().map_err(|e| e.to_string())?;
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
    bundle(&glue, &wasm, &imports, start)
}

/// Paths the compiler would write into panic messages, mapped to fixed names: the
/// workspace (wherever it is checked out) and cargo's home (where registry crates live).
/// The standard library's paths are `/rustc/<commit>/` already.
fn remap_flags(workspace: &Path) -> OsString {
    let mut prefixes = vec![(workspace.to_path_buf(), "/workspace")];
    if let Some(home) = cargo_home() {
        prefixes.push((home, "/cargo"));
    }
    let mut flags = OsString::new();
    for (i, (from, to)) in prefixes.iter().enumerate() {
        if i > 0 {
            // CARGO_ENCODED_RUSTFLAGS separates flags with the unit separator.
            flags.push("\u{1f}");
        }
        flags.push("--remap-path-prefix=");
        flags.push(from);
        flags.push("=");
        flags.push(to);
    }
    flags
}

fn cargo_home() -> Option<PathBuf> {
    std::env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|home| Path::new(&home).join(".cargo")))
}

/// The compiler must be the one `rust-toolchain.toml` pins: another makes other bytes,
/// and the freshness check would fail for everyone else.
fn check_compiler(workspace: &Path) -> Result<(), String> {
    let file = workspace.join("rust-toolchain.toml");
    let pinned = std::fs::read_to_string(&file)
        .map_err(|e| format!("cannot read rust-toolchain.toml: {e}"))?;
    let channel = channel(&pinned)
        .ok_or("rust-toolchain.toml has no `channel = \"...\"` line under [toolchain]")?;
    // The compiler the nested cargo will use.
    let rustc = std::env::var_os("RUSTC").unwrap_or_else(|| "rustc".into());
    let output = Command::new(&rustc)
        .current_dir(workspace)
        .arg("-vV")
        .output()
        .map_err(|e| format!("could not run rustc: {e}"))?;
    let version = String::from_utf8_lossy(&output.stdout);
    let release = version
        .lines()
        .find_map(|l| l.strip_prefix("release: "))
        .unwrap_or("unknown");
    if release == channel {
        Ok(())
    } else {
        Err(format!(
            "the engine is built with Rust {channel}, as rust-toolchain.toml pins it, so that \
             its bytes are the same whoever builds it; this rustc is {release}.\n  Run it \
             with nothing overriding the pinned toolchain (no `cargo +toolchain`, \
             RUSTUP_TOOLCHAIN or RUSTC), after `rustup toolchain install {channel}` if \
             rustup does not have it."
        ))
    }
}

/// The `channel` of a toolchain file: `channel = "1.95.0"`.
fn channel(toml: &str) -> Option<&str> {
    toml.lines().find_map(|line| {
        let value = line.trim().strip_prefix("channel")?.trim_start();
        let value = value.strip_prefix('=')?.trim();
        value.strip_prefix('"')?.strip_suffix('"')
    })
}

/// What the wasm imports: functions of one JS module, which the glue defines and exports.
struct Imports {
    module: String,
    names: Vec<String>,
}

impl Imports {
    fn of(generated: &wasm_bindgen_cli_support::Output) -> Result<Imports, String> {
        let mut imports = Imports {
            module: String::new(),
            names: Vec::new(),
        };
        for import in generated.wasm().imports.iter() {
            if imports.names.is_empty() {
                imports.module.clone_from(&import.module);
            } else if imports.module != import.module {
                return Err(format!(
                    "the engine's wasm imports from `{}` and `{}`; its bundle has one glue",
                    imports.module, import.module
                ));
            }
            imports.names.push(import.name.clone());
        }
        Ok(imports)
    }
}

/// The glue, the wasm bytes, and a `load()` that instantiates them synchronously and hands
/// the instance to the glue, as the bundler target's entry module would.
fn bundle(glue: &str, wasm: &[u8], imports: &Imports, start: bool) -> Result<String, String> {
    // `load()` relies on these; fail here, not on the page, if wasm-bindgen changes them.
    let needed = imports
        .names
        .iter()
        .map(String::as_str)
        .chain(["__wbg_set_wasm"]);
    for name in needed {
        if !glue.contains(&format!("export function {name}(")) {
            return Err(format!(
                "wasm-bindgen's glue does not define `{name}`, which the engine module needs"
            ));
        }
    }
    let module = serde_json::to_string(&imports.module).map_err(|e| e.to_string())?;
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

/// Adds the wasm32 target with rustup when it is missing, saying so. (With
/// RUSTUP_AUTO_INSTALL=0, listing it in rust-toolchain.toml does not add it.)
fn ensure_target(workspace: &Path) -> Result<(), String> {
    let installed = Command::new("rustup")
        .current_dir(workspace)
        .args(["target", "list", "--installed"])
        .output();
    let fix = format!("run `rustup target add {TARGET}`, then run this again");
    let installed = match installed {
        Ok(out) if out.status.success() => String::from_utf8_lossy(&out.stdout).into_owned(),
        _ => {
            return Err(format!(
                "rustup is not available to check for the {TARGET} target: {fix}"
            ))
        }
    };
    if installed.lines().any(|l| l.trim() == TARGET) {
        return Ok(());
    }
    eprintln!("The engine needs the {TARGET} target; installing it with rustup...");
    let status = Command::new("rustup")
        .current_dir(workspace)
        .args(["target", "add", TARGET])
        .status();
    match status {
        Ok(s) if s.success() => Ok(()),
        _ => Err(format!("could not install the {TARGET} target: {fix}")),
    }
}

#[cfg(test)]
mod tests {
    use super::{channel, push_byte_string};

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

    #[test]
    fn the_pinned_channel_is_read_from_the_toolchain_file() {
        let file = "# a comment\n[toolchain]\nchannel = \"1.95.0\"\ntargets = [\"x\"]\n";
        assert_eq!(channel(file), Some("1.95.0"));
        assert_eq!(
            channel("[toolchain]\n  channel=\"nightly\"\n"),
            Some("nightly")
        );
        assert_eq!(channel("[toolchain]\ntargets = []\n"), None);
        assert_eq!(channel("channel = 1.95\n"), None);
    }

    #[test]
    fn the_repositorys_toolchain_file_pins_a_channel() {
        let file = include_str!("../../rust-toolchain.toml");
        assert!(channel(file).is_some_and(|c| !c.is_empty()), "{file}");
    }
}
