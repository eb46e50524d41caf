//! A map's sources as CSL-JSON (`--to csl-json`), the array of items that
//! Zotero, pandoc and citeproc processors read. The items are the ones
//! argmap reads (`crate::bibliography`), so what it writes it reads back.
//! argmap's own fields (`cited-as`, `printed`, `text`) have no CSL
//! variable and are left out.

use super::Resolved;
use crate::bibliography::csl_json::{DateVariable, Item, Name, csl_type};
use crate::model::{Map, Source};
use crate::resolved::ResolvedMap;

/// The sources of `map` that own their id, in file order, as a CSL-JSON
/// array.
pub fn to_csl_json(map: &Map, resolved: &ResolvedMap) -> String {
    let r = Resolved::new(map, resolved);
    let items: Vec<Item> = r
        .sources
        .iter()
        .filter_map(|&i| map.sources.get(i))
        .map(item)
        .collect();
    // Plain structs of strings and numbers: serializing cannot fail.
    serde_json::to_string_pretty(&items).unwrap_or_default() + "\n"
}

/// `Family, Given` as a name's parts; any other name whole, as `literal`.
fn name(text: &str) -> Name {
    match text.split_once(',') {
        Some((family, given)) => Name {
            family: Some(family.trim().to_owned()),
            given: Some(given.trim().to_owned()).filter(|g| !g.is_empty()),
            ..Name::default()
        },
        None => Name {
            literal: Some(text.trim().to_owned()),
            ..Name::default()
        },
    }
}

fn item(s: &Source) -> Item {
    let text = |v: &Option<crate::model::Sp<String>>| v.as_ref().map(|v| v.value.clone());
    let issued = match (&s.date, &s.year) {
        (Some(d), _) => Some(DateVariable::of(
            i64::from(d.value.year()),
            Some((i64::from(d.value.month()), i64::from(d.value.day()))),
        )),
        (None, Some(y)) => Some(DateVariable::of(y.value, None)),
        (None, None) => None,
    };
    Item {
        id: s.id.value.clone(),
        kind: csl_type(s.kind.as_ref().map(|k| k.value)).to_owned(),
        title: text(&s.title),
        author: s
            .authors
            .as_ref()
            .map(|a| a.value.iter().map(|n| name(&n.value)).collect()),
        issued,
        container_title: text(&s.container),
        volume: text(&s.volume),
        issue: text(&s.issue),
        page: text(&s.pages),
        publisher: text(&s.publisher),
        doi: text(&s.doi),
        isbn: text(&s.isbn),
        url: text(&s.url),
        accessed: s.accessed.as_ref().map(|a| {
            DateVariable::of(
                i64::from(a.value.year()),
                Some((i64::from(a.value.month()), i64::from(a.value.day()))),
            )
        }),
        note: text(&s.note),
    }
}
