//! Quote verification: normalising texts, indexing them, and finding quotes
//! (or the closest passage to a quote that is not there).

pub mod index;
pub mod normalize;
pub mod shared;

pub use index::{Closest, DiffWord, Found, Side, TextIndex};
