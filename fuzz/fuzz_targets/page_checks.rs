//! A page's HTML, as raw HTML in Markdown or a template might make it: the page pass
//! (the allow-list, addresses, ids, links) never panics, places what it finds inside the
//! page, and what it lets through passes again after its own rewriting.

#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(html) = std::str::from_utf8(data) {
        site_builder::fuzzing::check_page(html);
    }
});
