//! Format versions: what a map written in version 1 of the format gains
//! from version 2, and the rewrite that migrates it, keeping every comment
//! and the layout of everything it does not change.
//!
//! Version 2 adds `version` in `[map]`, `[limits]`, `qualifies`, a
//! section's `heading`, and anchors that locate a paragraph (`section`,
//! `para`), which argmap verifies against the document. A version-1 map is
//! read as it always was. Migrating it:
//!
//! - adds `version = 2` to `[map]`;
//! - rewrites each anchor whose free `at` names a section of the map and a
//!   paragraph (`"Data Governance ¶2"`, `"Data Governance, para 2"`) as
//!   `para = 2`, with `section = "..."` when the section named is not the
//!   claim's own. Other locators (`"p. 3"`) stay as they are.

use toml_edit::{DocumentMut, InlineTable, Item, Value};

use crate::diag::Span;
use crate::document::heading_key;
use crate::model::{FORMAT_VERSION, Map};

/// What migrating a map to the current version changes.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Plan {
    /// The version the map is written in.
    pub from: i64,
    /// Anchors whose `at` becomes a paragraph locator.
    pub locators: Vec<Locator>,
    /// Keys of version 2 that the map uses without declaring it.
    pub newer_keys: Vec<(&'static str, Span)>,
}

impl Plan {
    /// Whether the map is already in the current version.
    pub fn is_current(&self) -> bool {
        self.from >= FORMAT_VERSION
    }
}

/// An anchor's free locator that names a section and a paragraph.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Locator {
    /// The claim (index into `map.claims`).
    pub claim: usize,
    /// The section, when it is not the claim's own.
    pub section: Option<String>,
    /// The paragraph.
    pub para: usize,
    /// Where the `at` value is.
    pub span: Span,
}

/// Splits a free locator into a section title and a paragraph number:
/// `"Title ¶3"`, `"Title, ¶ 3"`, `"Title, para 3"`, `"Title paragraph 3"`.
pub fn parse_locator(at: &str) -> Option<(&str, usize)> {
    let at = at.trim();
    let digits = at.len() - at.trim_end_matches(|c: char| c.is_ascii_digit()).len();
    let (rest, number) = at.split_at(at.len() - digits);
    let number: usize = number.parse().ok().filter(|&n| n > 0)?;
    let rest = rest.trim_end();
    let lower = rest.to_lowercase();
    let marker = ["¶", "paragraph", "para.", "para", "par."]
        .iter()
        .find(|m| lower.ends_with(*m))?;
    let title = rest
        .get(..rest.len() - marker.len())?
        .trim_end()
        .trim_end_matches([',', ';', ':', '-', '\u{2013}', '\u{2014}'])
        .trim_end();
    Some((title, number))
}

/// What migrating `map` would change.
pub fn plan(map: &Map) -> Plan {
    let from = map.meta.version.as_ref().map_or(1, |v| v.value);
    let mut plan = Plan {
        from,
        ..Plan::default()
    };
    if plan.is_current() {
        return plan;
    }
    let titles: Vec<(Vec<String>, &str)> = map
        .sections
        .iter()
        .flat_map(|s| {
            [s.title.as_ref(), s.heading.as_ref()]
                .into_iter()
                .flatten()
                .map(move |t| (heading_key(t.as_str()), s.id.as_str()))
        })
        .collect();
    for (i, c) in map.claims.iter().enumerate() {
        let Some(anchor) = &c.anchor else { continue };
        let Some(at) = &anchor.at else { continue };
        if anchor.para.is_some() {
            continue;
        }
        let Some((title, para)) = parse_locator(at.as_str()) else {
            continue;
        };
        let key = heading_key(title);
        let Some(&(_, section)) = titles.iter().find(|(k, _)| !k.is_empty() && *k == key) else {
            continue;
        };
        let own = c.section.as_ref().map(|s| s.as_str()) == Some(section);
        plan.locators.push(Locator {
            claim: i,
            section: (!own).then(|| section.to_owned()),
            para,
            span: at.span.clone(),
        });
    }
    if map.limits.span != (0..0) {
        plan.newer_keys.push(("[limits]", map.limits.span.clone()));
    }
    for s in &map.sections {
        if let Some(h) = &s.heading {
            plan.newer_keys.push(("heading", h.span.clone()));
        }
    }
    for c in &map.claims {
        if let Some(q) = c.qualifies.first() {
            plan.newer_keys.push(("qualifies", q.span.clone()));
        }
        if let Some(a) = &c.anchor {
            if let Some(p) = &a.para {
                plan.newer_keys.push(("para", p.span.clone()));
            }
            if let Some(s) = &a.section {
                plan.newer_keys.push(("section", s.span.clone()));
            }
        }
    }
    plan.newer_keys.sort_by_key(|(_, span)| span.start);
    plan
}

/// Why a map could not be rewritten.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Error {
    /// The text is not TOML that `toml_edit` reads.
    Toml(String),
    /// An anchor to rewrite was not where the model says.
    Anchor(String),
}

impl std::fmt::Display for Error {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Error::Toml(e) => write!(f, "the map cannot be rewritten: {e}"),
            Error::Anchor(id) => write!(
                f,
                "the anchor of claim `{id}` is not a table that can be rewritten"
            ),
        }
    }
}

/// `source`, the text of `map`, migrated as `plan` says.
pub fn rewrite(source: &str, map: &Map, plan: &Plan) -> Result<String, Error> {
    let mut doc: DocumentMut = source
        .parse()
        .map_err(|e: toml_edit::TomlError| Error::Toml(e.message().to_owned()))?;
    if let Some(meta) = doc.get_mut("map").and_then(Item::as_table_like_mut) {
        meta.insert("version", toml_edit::value(FORMAT_VERSION));
    } else {
        let mut meta = toml_edit::Table::new();
        meta.insert("version", toml_edit::value(FORMAT_VERSION));
        doc.insert("map", Item::Table(meta));
    }
    for l in &plan.locators {
        let id = map
            .claims
            .get(l.claim)
            .map_or("", |c| c.id.as_str())
            .to_owned();
        let anchor = doc
            .get_mut("claims")
            .and_then(|c| c.get_mut(&id))
            .and_then(|c| c.get_mut("anchor"))
            .ok_or_else(|| Error::Anchor(id.clone()))?;
        match anchor {
            Item::Value(Value::InlineTable(t)) => {
                let mut new = InlineTable::new();
                if let Some(s) = &l.section {
                    new.insert("section", s.as_str().into());
                }
                new.insert("para", i64::try_from(l.para).unwrap_or(i64::MAX).into());
                for (k, v) in t.iter() {
                    if k != "at" {
                        new.insert(k, v.clone());
                    }
                }
                new.fmt();
                // The spacing and comment around the table stay.
                *new.decor_mut() = t.decor().clone();
                *t = new;
            }
            Item::Table(t) => {
                t.remove("at");
                if let Some(s) = &l.section {
                    t.insert("section", toml_edit::value(s.as_str()));
                }
                t.insert(
                    "para",
                    toml_edit::value(i64::try_from(l.para).unwrap_or(i64::MAX)),
                );
            }
            _ => return Err(Error::Anchor(id)),
        }
    }
    Ok(doc.to_string())
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

    use super::*;

    #[test]
    fn parses_section_and_paragraph_locators() {
        assert_eq!(
            parse_locator("Data Governance ¶2"),
            Some(("Data Governance", 2))
        );
        assert_eq!(
            parse_locator("Data Governance, ¶ 12"),
            Some(("Data Governance", 12))
        );
        assert_eq!(parse_locator("Findings, para 3"), Some(("Findings", 3)));
        assert_eq!(parse_locator("Findings paragraph 1"), Some(("Findings", 1)));
        assert_eq!(parse_locator("¶4"), Some(("", 4)));
        assert_eq!(parse_locator("p. 3"), None);
        assert_eq!(parse_locator("Findings ¶0"), None);
        assert_eq!(parse_locator("Chapter 3"), None);
    }
}
