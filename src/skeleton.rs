//! The pieces of a map file that `argmap import` and `argmap draft` both
//! write with toml_edit: the implicit parent table of items, and `[lints]`
//! with uncited claims reported as warnings.

use toml_edit::{Item, Key, Table, value};

use crate::diag::Code;

/// `[lints]` with `uncited-claim = "warn"`, its key preceded by `comment`
/// (comment lines, each starting with `#`, ending in a line break).
pub fn uncited_as_warnings(comment: &str) -> Table {
    let mut key = Key::new(Code::UncitedClaim.as_str());
    key.leaf_decor_mut().set_prefix(comment);
    let mut t = Table::new();
    t.insert_formatted(&key, value("warn"));
    t
}

/// An implicit table (no header of its own) holding `tables` under their
/// ids: `[claims.a]`, `[claims.b]`, ... without a `[claims]`.
pub fn parent(tables: Vec<(String, Table)>) -> Table {
    let mut t = Table::new();
    t.set_implicit(true);
    for (id, table) in tables {
        t.insert(&id, Item::Table(table));
    }
    t
}
