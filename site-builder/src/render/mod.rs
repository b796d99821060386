//! Rendering documents through Tera templates.

pub mod context;
pub mod templates;

pub use context::{MenuItem, Shared, Summaries};
pub use templates::Templates;
