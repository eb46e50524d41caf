//! The map file, built as a `toml_edit` document: toml_edit quotes every
//! string and lays out tables and arrays. The file opens with a comment
//! naming where it came from, then `[map]`, then `[lints]` (with a comment
//! on its one line), then `[actors.<id>]`, `[claims.<id>]` and
//! `[arguments.<id>]` tables in the input's order, a blank line before each
//! table. Both comments are decor: the file's prefix and the prefix of the
//! lint's key.

use toml_edit::{Array, DocumentMut, Item, Table, value};

use super::build::{Actor, Argument, Claim, Items};

/// The comment that opens the file, with the blank line after it.
const HEADER: &str = "# Imported from AIF by `argmap import`.\n\n";

/// The comment on the `uncited-claim` lint.
const UNCITED_COMMENT: &str = concat!(
    "# AIF has no sources, so no imported claim is cited: report that as a\n",
    "# warning. Add `[sources.<id>]` and `cites`, then remove this line.\n",
);

/// The map file of `items`, titled `title`.
pub(super) fn document(title: &str, items: &Items) -> DocumentMut {
    let mut doc = DocumentMut::new();
    doc.decor_mut().set_prefix(HEADER);
    doc.insert(
        "map",
        Item::Table(map(
            title,
            items.thesis.as_deref(),
            items.has_qualifications(),
        )),
    );
    doc.insert(
        "lints",
        Item::Table(crate::skeleton::uncited_as_warnings(UNCITED_COMMENT)),
    );
    for (key, tables) in [
        ("actors", items.actors.iter().map(actor).collect::<Vec<_>>()),
        ("claims", items.claims.iter().map(claim).collect()),
        ("arguments", items.arguments.iter().map(argument).collect()),
    ] {
        if !tables.is_empty() {
            doc.insert(key, Item::Table(crate::skeleton::parent(tables)));
        }
    }
    doc
}

/// `[map]`: the title, the thesis if any, and format version 2 when a
/// claim qualifies another (`qualifies` is a version-2 key).
fn map(title: &str, thesis: Option<&str>, qualified: bool) -> Table {
    let mut t = Table::new();
    t.insert("title", value(title));
    if let Some(thesis) = thesis {
        t.insert("thesis", value(thesis));
    }
    if qualified {
        t.insert("version", value(crate::model::FORMAT_VERSION));
    }
    t
}

/// `[actors.<id>]`: the name, if the participant has one.
fn actor(a: &Actor) -> (String, Table) {
    let mut t = Table::new();
    if !a.name.is_empty() {
        t.insert("name", value(a.name.as_str()));
    }
    (a.id.clone(), t)
}

/// `[claims.<id>]`: the text, then each non-empty list.
fn claim(c: &Claim) -> (String, Table) {
    let mut t = Table::new();
    t.insert("text", value(c.text.as_str()));
    for (key, list) in [
        ("by", &c.by),
        ("supports", &c.supports),
        ("attacks", &c.attacks),
        ("qualifies", &c.qualifies),
    ] {
        if !list.is_empty() {
            t.insert(key, value(ids(list)));
        }
    }
    (c.id.clone(), t)
}

/// `[arguments.<id>]`: premises, conclusion, and the label if any.
fn argument(a: &Argument) -> (String, Table) {
    let mut t = Table::new();
    t.insert("premises", value(ids(&a.premises)));
    t.insert("conclusion", value(a.conclusion.as_str()));
    if let Some(label) = &a.label {
        t.insert("label", value(label.as_str()));
    }
    (a.id.clone(), t)
}

/// An array of ids, on one line.
fn ids(list: &[String]) -> Array {
    list.iter().map(String::as_str).collect()
}
