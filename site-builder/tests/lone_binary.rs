//! The lone binary (issue 12): site-builder copied on its own into an empty folder builds
//! this repository's site with only the system's programs on `PATH` (no cargo, no rustup)
//! and a home folder that holds no Rust toolchain. Its self-check page loads the engine
//! embedded in the binary.

use std::path::Path;
use std::process::Command;

mod common;
use common::copy_tree;

#[test]
fn a_copied_binary_builds_the_site_with_its_engine_and_no_rust_toolchain() {
    let repository = Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap();
    let bin = tempfile::tempdir().unwrap();
    let binary = bin.path().join("site-builder");
    std::fs::copy(env!("CARGO_BIN_EXE_site-builder"), &binary).unwrap();
    // The site on its own: content/ and the theme, no Cargo.toml, no wasm/, no target/.
    let site = tempfile::tempdir().unwrap();
    copy_tree(&repository.join("content"), &site.path().join("content"));
    copy_tree(
        &repository.join("templates"),
        &site.path().join("templates"),
    );
    let home = tempfile::tempdir().unwrap();

    let output = Command::new(&binary)
        .current_dir(site.path())
        .args(["build", "--now", "2026-11-28"])
        .env_clear()
        .env("PATH", "/usr/bin:/bin")
        .env("HOME", home.path())
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );

    let public = site.path().join("public");
    let page = std::fs::read_to_string(public.join("self-check/questions/index.html")).unwrap();
    let engine = page
        .split("data-engine=\"/")
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .expect("the self-check page names its engine module");
    assert!(
        engine.starts_with("assets/selfcheck-engine.") && engine.ends_with(".js"),
        "{engine}"
    );
    let shipped = std::fs::read(public.join(engine)).unwrap();
    let committed =
        std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join("engine/selfcheck-engine.js"))
            .unwrap();
    assert!(
        shipped == committed,
        "{engine} ({} B) is not the committed engine module ({} B)",
        shipped.len(),
        committed.len()
    );
}
