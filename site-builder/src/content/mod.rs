//! The content model: front matter, documents, schedules, and the library that holds them.

pub mod document;
pub mod family;
pub mod forward;
pub mod front_matter;
pub mod library;
pub mod link;
pub mod placement;
pub mod reads;
pub mod schedule;
pub mod slug;
pub mod translation;

pub use document::{Document, Kind};
pub use forward::Forward;
pub use front_matter::FrontMatter;
pub use library::{Asset, LeftOut, Library, Sources};
pub use reads::Reads;
pub use schedule::{Absence, Schedule};
