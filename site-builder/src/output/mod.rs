//! Writing the site: a staging folder beside `public/` that is swapped in only when the
//! whole build has succeeded, plus the files every site needs (sitemap, feed, robots,
//! headers), content-hashed assets, and images without their metadata.
//!
//! Before anything is written, the output folder is checked ([`target`]): a build may
//! replace only a folder an earlier build made, never the site's sources. One build at a
//! time writes to it ([`lock`]).

mod assets;
mod feeds;
mod files;
mod images;
mod lock;
mod staging;
mod target;

pub use assets::{brotli_size, hashed_name, shipped, AssetMap};
pub use feeds::{address, atom, redirects, robots, sitemap, SitemapEntry};
pub use files::{Body, Files};
pub use images::{is_image, without_metadata};
pub use staging::Staging;
pub use target::{Target, MARKER};
