//! Renderers for diagnostics, one per output format.

pub mod github;
pub mod human;
pub mod json;
pub mod sarif;
pub mod summary;
