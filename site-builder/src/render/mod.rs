//! Rendering documents through Tera templates.

pub mod context;
pub mod forward;
pub mod marks;
pub mod menu;
pub mod shared;
pub mod templates;
mod tera_errors;

pub use context::Summaries;
pub use shared::Shared;
pub use templates::Templates;
