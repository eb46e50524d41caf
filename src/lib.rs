//! argmap: argument mapping and claim verification.
//!
//! An argument map is a TOML file of claims, the premises that support them
//! (alone or jointly, through arguments), the counterpoints that attack them
//! and the sources they cite. This library reads such a map into a model
//! with the span of every value ([`load`], [`model`]), builds one graph of it
//! ([`graph`]), checks it with a registry of rules ([`rules`]) and reports
//! what it finds as [`diag::Diagnostic`] values, rendered for people or
//! tools by [`diag::render`]. [`render`] turns a map into Graphviz diagrams.
//!
//! The library never prints and never exits; the `argmap` binary does both.
//!
//! ```
//! let map = br#"
//! [map]
//! title = "Bridge"
//! [claims.rebuild]
//! text = "The bridge should be rebuilt"
//! "#;
//! let checked = argmap::check::check("bridge.toml", map, &Default::default());
//! let codes: Vec<_> = checked.report.diagnostics.iter().map(|d| d.code).collect();
//! assert_eq!(codes, [argmap::diag::Code::UncitedClaim]);
//! ```

#[macro_use]
pub mod rules;

pub mod aif;
pub mod app;
pub mod bibliography;
pub mod check;
pub mod copy;
pub mod coverage;
pub mod csp;
pub mod diag;
pub mod document;
pub mod draft;
pub mod english;
pub mod eval;
pub mod export;
pub mod fmt;
pub mod folder;
pub mod format;
pub mod graph;
pub mod hanzi;
pub mod import;
pub mod kialo;
pub mod load;
pub mod lsp;
pub mod migrate;
pub mod model;
pub mod quote;
pub mod render;
pub mod report;
pub mod resolved;
pub mod schema;
pub mod skeleton;
pub mod starter;
pub mod suggest;
pub mod texts;
pub mod verify;
pub mod viewer;
pub mod wrap;
