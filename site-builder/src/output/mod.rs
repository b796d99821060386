//! Writing the site: a staging folder beside `public/` that is swapped in only when the
//! whole build has succeeded, plus the files every site needs (sitemap, feed, robots,
//! headers) and content-hashed assets.

mod assets;
mod feeds;
mod staging;

pub use assets::{hashed_name, shipped, AssetMap};
pub use feeds::{atom, robots, sitemap};
pub use staging::Staging;
