//! Embeds the repository's `templates/` (the default theme) and `content/` (the example
//! site) in site-builder, so that the binary alone builds a site and `init --example`
//! needs no checkout.
//!
//! Each folder becomes a sorted table of `(path, include_bytes!(...))` in `OUT_DIR`. A
//! table written here, rather than a proc macro such as `include_dir!`, lets Cargo watch
//! the folders themselves: adding or removing a file rebuilds the table.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

fn main() {
    let manifest = PathBuf::from(std::env::var_os("CARGO_MANIFEST_DIR").expect("set by cargo"));
    let repository = manifest
        .parent()
        .expect("site-builder sits in the workspace");
    let mut out = String::new();
    for (table, folder) in [("THEME", "templates"), ("EXAMPLE", "content")] {
        let root = repository.join(folder);
        println!("cargo:rerun-if-changed={}", root.display());
        let mut files = Vec::new();
        collect(&root, &root, &mut files);
        files.sort();
        writeln!(out, "pub static {table}: &[(&str, &[u8])] = &[").unwrap();
        for (name, path) in files {
            writeln!(out, "    ({name:?}, include_bytes!({:?})),", path.display()).unwrap();
        }
        writeln!(out, "];").unwrap();
    }
    let target = PathBuf::from(std::env::var_os("OUT_DIR").expect("set by cargo"));
    std::fs::write(target.join("embedded.rs"), out).expect("OUT_DIR is writable");
}

/// Every file under `dir`, named by its path from `root` with `/` between parts. Hidden
/// files and editors' backups (`name~`) are not part of a site.
fn collect(root: &Path, dir: &Path, files: &mut Vec<(String, PathBuf)>) {
    let entries = std::fs::read_dir(dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
    for entry in entries {
        let entry = entry.expect("a readable folder");
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.starts_with('.') || name.ends_with('~') {
            continue;
        }
        let path = entry.path();
        if path.is_dir() {
            collect(root, &path, files);
        } else {
            let rel = path.strip_prefix(root).expect("inside root");
            let parts: Vec<_> = rel.iter().map(|p| p.to_string_lossy()).collect();
            files.push((parts.join("/"), path));
        }
    }
}
