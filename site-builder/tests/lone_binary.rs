//! The lone binary (issue 12): site-builder copied on its own into an empty folder, with
//! only the system's programs on `PATH` (no cargo, no rustup) and a home folder that holds
//! no Rust toolchain, starts a new site with `init` and builds it, and builds this
//! repository's `content/` alone, with the theme built in. Both self-check pages load the
//! engine embedded in the binary.

use std::path::Path;
use std::process::Command;

mod sites;
use sites::copy_tree;

/// Runs the copied binary in `dir` with nothing of Rust around it.
fn lone(binary: &Path, dir: &Path, args: &[&str], home: &Path) {
    let output = Command::new(binary)
        .current_dir(dir)
        .args(args)
        .env_clear()
        .env("PATH", "/usr/bin:/bin")
        .env("HOME", home)
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{args:?}: {}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
}

/// The site's self-check page names its engine module, which is the committed one.
fn assert_self_check_works(site: &Path) {
    let public = site.join("public");
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
    let script = page.contains("<script type=\"module\" src=\"/assets/selfcheck.");
    assert!(script, "the page loads the self-check's script");
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

#[test]
fn a_copied_binary_starts_a_site_and_builds_the_example_with_no_rust_toolchain() {
    let repository = Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap();
    let bin = tempfile::tempdir().unwrap();
    let binary = bin.path().join("site-builder");
    std::fs::copy(env!("CARGO_BIN_EXE_site-builder"), &binary).unwrap();
    let home = tempfile::tempdir().unwrap();

    // A new site, in its own folder.
    let work = tempfile::tempdir().unwrap();
    lone(&binary, work.path(), &["init", "new-site"], home.path());
    let new_site = work.path().join("new-site");
    lone(
        &binary,
        &new_site,
        &["build", "--now", "2026-12-01"],
        home.path(),
    );
    assert_self_check_works(&new_site);

    // This repository's content/ alone: no templates/, no Cargo.toml, no wasm/.
    let site = tempfile::tempdir().unwrap();
    copy_tree(&repository.join("content"), &site.path().join("content"));
    lone(
        &binary,
        site.path(),
        &["build", "--now", "2026-11-28"],
        home.path(),
    );
    assert!(!site.path().join("templates").exists());
    assert_self_check_works(site.path());
}
