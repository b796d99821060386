//! Post-processing every rendered page with lol_html: heading ids and anchors, safe
//! external links, and the checks that keep the site's safety promises: only allowed
//! elements and attributes, addresses read as a browser reads them, nothing loaded from
//! elsewhere, the safety furniture on every page, images with alt text, links that resolve.

mod address;
mod inspect;
mod links;
mod policy;
mod rewrite;
mod selectors;
mod stylesheet;

pub use address::Reader;
pub use links::{Broken, LinkChecker, Target};
pub use rewrite::{
    fragment_close, fragment_open, process, Finding, Furniture, Link, Processed, Region, Rules,
};
pub use stylesheet::check as check_stylesheet;
