//! The self-check's size budget: its JS and wasm together at most 20 KB brotli. The engine
//! module (wasm-bindgen's glue, the embedded wasm and its loader) may take 15.5 KB of that,
//! leaving the rest for the page's own script.
//!
//! The module is built through site-builder's own path, as `build` makes it, and
//! compressed in-process at brotli's highest quality, as `brotli -q 11` would. Sizes are
//! deterministic, so the figures it prints are the ones to report:
//! `cargo test -p site-builder --test selfcheck_budget -- --nocapture`.

use std::io::Write;
use std::path::Path;

use site_builder::selfcheck::build_engine;

/// The engine module's share of the budget, in bytes of brotli.
const ENGINE_BUDGET: usize = 15_500;
/// The whole self-check: the engine module and the page's script.
const TOTAL_BUDGET: usize = 20_000;

fn brotli(bytes: &[u8]) -> usize {
    let mut compressed = Vec::new();
    {
        let mut writer = brotli::CompressorWriter::new(&mut compressed, 4096, 11, 24);
        writer.write_all(bytes).expect("compress in memory");
    }
    compressed.len()
}

#[test]
fn the_self_check_fits_its_brotli_budget() {
    let built = build_engine().expect("the engine builds");
    let page_script =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../templates/assets/selfcheck.js");
    let page_script = std::fs::read(&page_script).expect("the page's self-check script");

    let module = brotli(built.module.as_bytes());
    let total = module + brotli(&page_script);
    let row = |name: &str, raw: usize, compressed: usize| {
        println!("{name:<28} {raw:>7} B raw {compressed:>7} B brotli");
    };
    row(
        "wasm (after wasm-bindgen)",
        built.wasm.len(),
        brotli(&built.wasm),
    );
    row("glue", built.glue.len(), brotli(built.glue.as_bytes()));
    row("engine module", built.module.len(), module);
    row("page script", page_script.len(), brotli(&page_script));
    println!(
        "self-check total {total} B brotli (budget {TOTAL_BUDGET}; engine budget {ENGINE_BUDGET})"
    );

    assert!(
        module <= ENGINE_BUDGET,
        "the engine module is {module} B brotli, over its budget of {ENGINE_BUDGET} B"
    );
    assert!(
        total <= TOTAL_BUDGET,
        "the self-check's JS and wasm are {total} B brotli, over the budget of {TOTAL_BUDGET} B"
    );
}
