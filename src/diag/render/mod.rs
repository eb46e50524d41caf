//! Renderers for diagnostics, one per output format.

pub mod human;
pub mod json;
pub mod summary;
