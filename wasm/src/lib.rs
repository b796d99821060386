//! The self-check engine (filled in by the self-check work).
