//! The map file, built as a `toml_edit` document, as the AIF import writes
//! it: a comment naming where it came from, `[map]`, `[lints]` (uncited
//! claims as warnings), then a `[claims.<id>]` table per claim, each with
//! its Kialo number in a comment above it (decor, read by nobody).

use toml_edit::{Array, DocumentMut, Item, Table, value};

use super::Claim;

/// The comment that opens the file, with the blank line after it.
const HEADER: &str = "# Imported from Kialo by `argmap import`.\n\n";

/// The comment on the `uncited-claim` lint.
const UNCITED_COMMENT: &str = concat!(
    "# Kialo's export has no sources, so no imported claim is cited: report\n",
    "# that as a warning. Add `[sources.<id>]` and `cites`, then remove this line.\n",
);

/// The map file of `claims`, titled `title`.
pub(super) fn document(title: &str, thesis: Option<&str>, claims: &[Claim]) -> DocumentMut {
    let mut doc = DocumentMut::new();
    doc.decor_mut().set_prefix(HEADER);
    let mut map = Table::new();
    map.insert("title", value(title));
    if let Some(thesis) = thesis {
        map.insert("thesis", value(thesis));
    }
    doc.insert("map", Item::Table(map));
    doc.insert(
        "lints",
        Item::Table(crate::skeleton::uncited_as_warnings(UNCITED_COMMENT)),
    );
    if !claims.is_empty() {
        let tables = claims.iter().map(claim).collect();
        doc.insert("claims", Item::Table(crate::skeleton::parent(tables)));
    }
    doc
}

/// `[claims.<id>]`: the text, then `supports` and `attacks` when not
/// empty; the Kialo number in a comment above.
fn claim(c: &Claim) -> (String, Table) {
    let mut t = Table::new();
    t.decor_mut()
        .set_prefix(format!("\n# Kialo {}\n", c.number));
    t.insert("text", value(c.text.as_str()));
    for (key, list) in [("supports", &c.supports), ("attacks", &c.attacks)] {
        if !list.is_empty() {
            let ids: Array = list.iter().map(String::as_str).collect();
            t.insert(key, value(ids));
        }
    }
    (c.id.clone(), t)
}
