//! The keys the format defines for each table, for `unknown-field` checks
//! and suggestions.

pub(super) const TOP: &[&str] = &[
    "map",
    "lints",
    "sections",
    "actors",
    "sources",
    "claims",
    "arguments",
];
pub(super) const MAP: &[&str] = &["title", "description", "thesis", "document"];
pub(super) const SECTION: &[&str] = &["title", "description"];
pub(super) const ACTOR: &[&str] = &["name"];
pub(super) const SOURCE: &[&str] = &[
    "title",
    "authors",
    "year",
    "date",
    "kind",
    "container",
    "publisher",
    "url",
    "doi",
    "accessed",
    "cited-as",
    "text",
    "note",
];
pub(super) const CLAIM: &[&str] = &[
    "text", "section", "by", "anchor", "cites", "supports", "attacks",
];
pub(super) const CITATION: &[&str] = &["source", "at", "quote"];
pub(super) const ANCHOR: &[&str] = &["at", "quote"];
pub(super) const ARGUMENT: &[&str] = &["premises", "conclusion", "label", "section"];
