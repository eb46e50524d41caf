//! The starter map `argmap init` writes: a small map that passes `check`,
//! each of its tables an example with a comment saying what it is for.
//!
//! The map is a template (`starter.toml`, beside this file), read as it is
//! written; a title given for it goes in through toml_edit, which quotes it
//! as TOML needs and keeps every comment.

use toml_edit::{DocumentMut, Item, Value};

/// The starter map, as `argmap init` writes it without `--title`.
pub const TEMPLATE: &str = include_str!("starter.toml");

/// The starter map, its `[map]` title `title` when one is given (else the
/// template's own). Every comment and the order of the tables are kept.
pub fn starter(title: Option<&str>) -> String {
    let Some(title) = title else {
        return TEMPLATE.to_owned();
    };
    // The template is TOML (a unit test holds it so); were it not, the
    // title would be the only loss, never the map.
    let Ok(mut doc) = TEMPLATE.parse::<DocumentMut>() else {
        return TEMPLATE.to_owned();
    };
    if let Some(Item::Value(old)) = doc.get_mut("map").and_then(|m| m.get_mut("title")) {
        let mut new = Value::from(title);
        *new.decor_mut() = old.decor().clone();
        *old = new;
    }
    doc.to_string()
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn the_template_is_toml_with_a_title() {
        let doc: DocumentMut = TEMPLATE.parse().unwrap();
        let title = doc.get("map").and_then(|m| m.get("title"));
        assert!(title.and_then(Item::as_str).is_some());
    }

    #[test]
    fn a_title_is_quoted_and_the_rest_kept() {
        let title = "A \"quoted\" title\\ with a backslash";
        let map = starter(Some(title));
        let doc: DocumentMut = map.parse().unwrap();
        let read = doc
            .get("map")
            .and_then(|m| m.get("title"))
            .and_then(Item::as_str);
        assert_eq!(read, Some(title));
        // Only the title's line differs from the template.
        let differing: Vec<_> = TEMPLATE
            .lines()
            .zip(map.lines())
            .filter(|(a, b)| a != b)
            .collect();
        assert_eq!(differing.len(), 1, "{differing:?}");
        assert_eq!(TEMPLATE.lines().count(), map.lines().count());
    }
}
