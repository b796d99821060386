//! Rendering documents through Tera templates.

pub mod context;
pub mod forward;
pub mod marks;
pub mod templates;
mod tera_errors;

pub use context::{Shared, Summaries};
pub use templates::Templates;
