//! The search page's size budget: every script it loads (the quick exit, the page's own
//! script, the search engine) and the example site's index together at most 30 KB
//! brotli. Compressed in-process at brotli's highest quality, as `brotli -q 11` would;
//! the figures it prints are the ones to report:
//! `cargo test -p site-builder --test search_budget -- --nocapture`.

use std::io::Write;
use std::path::Path;

use site_builder::search::{ENGINE_MODULE, PAGE_BUDGET as TOTAL_BUDGET};
use site_builder::{Date, Options};

fn brotli(bytes: &[u8]) -> usize {
    let mut compressed = Vec::new();
    {
        let mut writer = brotli::CompressorWriter::new(&mut compressed, 4096, 11, 24);
        writer.write_all(bytes).expect("compress in memory");
    }
    compressed.len()
}

#[test]
fn the_search_page_fits_its_brotli_budget() {
    let repository = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let mut options = Options::new(&repository);
    options.out = None;
    options.now = Some("2027-05-01".parse::<Date>().unwrap());
    let report = site_builder::build(&options).unwrap_or_else(|e| panic!("{}", e.lines()));
    let search = report.search.expect("the theme has a search page");
    let asset = |name: &str| {
        std::fs::read(repository.join("templates/assets").join(name))
            .unwrap_or_else(|e| panic!("{name}: {e}"))
    };
    let parts: [(&str, Vec<u8>); 4] = [
        ("quick-exit.js", asset("quick-exit.js")),
        ("search.js (the page)", asset("search.js")),
        ("search-engine.js", ENGINE_MODULE.as_bytes().to_vec()),
        ("search-index.js (example site)", search.module.into_bytes()),
    ];
    let mut total = 0;
    for (name, bytes) in &parts {
        let compressed = brotli(bytes);
        total += compressed;
        println!(
            "{name:<32} {:>7} B raw {compressed:>7} B brotli",
            bytes.len()
        );
    }
    println!(
        "search page total {total} B brotli (budget {TOTAL_BUDGET}); index of {} pages in {} sections",
        search.pages, search.sections
    );
    assert!(
        total <= TOTAL_BUDGET,
        "the search page's scripts and index are {total} B brotli, over the budget of {TOTAL_BUDGET} B"
    );
}
