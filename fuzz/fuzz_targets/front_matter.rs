//! A Markdown file's front matter, as an editor might write it: splitting it from the body
//! and parsing its YAML never panic, and a problem names a line inside the file.

#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        site_builder::fuzzing::split_front_matter(text);
    }
});
