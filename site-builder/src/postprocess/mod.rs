//! Post-processing every rendered page with lol_html: heading ids and anchors, safe
//! external links, and the checks that keep the site's safety promises (no inline code,
//! nothing loaded from elsewhere, images with alt text, links that resolve).

mod links;
mod rewrite;

pub use links::{LinkChecker, OutputIndex};
pub use rewrite::{process, Finding, Processed};
