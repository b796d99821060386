//! The search pages' size budget: every script one loads (the quick exit, the page's own
//! script, the search engine) and the example site's index in its language together at
//! most 30 KB brotli, for the English page and the Welsh one (whose index also holds the
//! English pages with no Welsh translation). Compressed in-process at brotli's highest quality, as `brotli -q 11` would;
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

/// The scripts every search page loads and `index`, each with its brotli size, and the
/// total.
fn page_weight(repository: &Path, index: &str, name: &str) -> usize {
    let asset = |name: &str| {
        std::fs::read(repository.join("templates/assets").join(name))
            .unwrap_or_else(|e| panic!("{name}: {e}"))
    };
    let parts: [(&str, Vec<u8>); 4] = [
        ("quick-exit.js", asset("quick-exit.js")),
        ("search.js (the page)", asset("search.js")),
        ("search-engine.js", ENGINE_MODULE.as_bytes().to_vec()),
        (name, index.as_bytes().to_vec()),
    ];
    let mut total = 0;
    for (name, bytes) in &parts {
        let compressed = brotli(bytes);
        total += compressed;
        println!(
            "{name:<36} {:>7} B raw {compressed:>7} B brotli",
            bytes.len()
        );
    }
    total
}

#[test]
fn the_search_page_fits_its_brotli_budget() {
    let repository = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let mut options = Options::new(&repository);
    options.out = None;
    options.now = Some("2027-05-01".parse::<Date>().unwrap());
    let report = site_builder::build(&options).unwrap_or_else(|e| panic!("{}", e.lines()));
    let index = |code: &str| {
        (report.search.iter())
            .find(|s| s.code == code)
            .unwrap_or_else(|| panic!("no search page in {code}"))
    };
    let mut totals = Vec::new();
    for (code, name) in [
        ("en-GB", "search-index.js (English)"),
        ("cy", "search-index.js (Welsh, with fallbacks)"),
    ] {
        let search = index(code);
        let total = page_weight(&repository, &search.module, name);
        println!(
            "{} total {total} B brotli (budget {TOTAL_BUDGET}); index of {} pages ({} of them fallbacks in English) in {} sections\n",
            search.page, search.pages, search.fallbacks, search.sections
        );
        totals.push((search.page.clone(), total));
    }
    for (page, total) in totals {
        assert!(
            total <= TOTAL_BUDGET,
            "{page}: its scripts and index are {total} B brotli, over the budget of {TOTAL_BUDGET} B"
        );
    }
}
