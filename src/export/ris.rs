//! A map's sources as RIS (`--to ris`), the tagged format that Zotero,
//! EndNote, Mendeley and reference databases import: one `TAG  - value`
//! line per field, each entry from `TY` to `ER`, lines ended by CR LF as
//! the format's specification has them.
//!
//! Hand-written: no Rust crate writes RIS (`biblib` reads it only), and
//! the format is a line per field. The types are those Zotero writes for
//! the CSL types of argmap's kinds: `BOOK`, `CHAP`, `JOUR`, `NEWS`,
//! `RPRT`, `ELEC`, `SLIDE` (a speech), `STAT` (a law), `DATA` and `GEN`.
//! Dates are `YYYY/MM/DD/`; pages `SP` and `EP`; argmap's own fields (`cited-as`, `printed`,
//! `text`) are left out.

use super::{Resolved, one_line};
use crate::model::{Date, Map, Source, SourceKind};
use crate::resolved::ResolvedMap;

/// The sources of `map` that own their id, in file order, as RIS.
pub fn to_ris(map: &Map, resolved: &ResolvedMap) -> String {
    let r = Resolved::new(map, resolved);
    let mut out = String::new();
    for &i in &r.sources {
        if let Some(s) = map.sources.get(i) {
            entry(&mut out, s);
        }
    }
    out
}

/// The RIS type of a kind of source.
fn ris_type(kind: Option<SourceKind>) -> &'static str {
    match kind {
        Some(SourceKind::Book) => "BOOK",
        Some(SourceKind::Chapter) => "CHAP",
        Some(SourceKind::Article) => "JOUR",
        Some(SourceKind::News) => "NEWS",
        Some(SourceKind::Report) => "RPRT",
        Some(SourceKind::Web) => "ELEC",
        Some(SourceKind::Speech) => "SLIDE",
        Some(SourceKind::Law) => "STAT",
        Some(SourceKind::Dataset) => "DATA",
        Some(SourceKind::Other) | None => "GEN",
    }
}

fn ris_date(d: Date) -> String {
    format!("{:04}/{:02}/{:02}/", d.year(), d.month(), d.day())
}

fn entry(out: &mut String, s: &Source) {
    let mut line = |tag: &str, value: &str| {
        let value = one_line(value);
        if !value.is_empty() {
            out.push_str(tag);
            out.push_str("  - ");
            out.push_str(&value);
            out.push_str("\r\n");
        }
    };
    line("TY", ris_type(s.kind.as_ref().map(|k| k.value)));
    line("ID", &s.id.value);
    if let Some(t) = &s.title {
        line("TI", &t.value);
    }
    for a in s.authors.iter().flat_map(|a| &a.value) {
        line("AU", &a.value);
    }
    match (&s.date, &s.year) {
        (Some(d), _) => {
            line("PY", &d.value.year().to_string());
            line("DA", &ris_date(d.value));
        }
        (None, Some(y)) => line("PY", &y.value.to_string()),
        (None, None) => {}
    }
    if let Some(c) = &s.container {
        line("T2", &c.value);
    }
    if let Some(v) = &s.volume {
        line("VL", &v.value);
    }
    if let Some(i) = &s.issue {
        line("IS", &i.value);
    }
    if let Some(p) = &s.pages {
        // A range is its start page and its end page.
        match p.value.split_once(['-', '\u{2013}']) {
            Some((start, end)) => {
                line("SP", start.trim());
                line("EP", end.trim_start_matches('-').trim());
            }
            None => line("SP", &p.value),
        }
    }
    if let Some(p) = &s.publisher {
        line("PB", &p.value);
    }
    if let Some(u) = &s.url {
        line("UR", &u.value);
    }
    if let Some(d) = &s.doi {
        line("DO", &d.value);
    }
    if let Some(i) = &s.isbn {
        line("SN", &i.value);
    }
    if let Some(a) = &s.accessed {
        line("Y2", &ris_date(a.value));
    }
    if let Some(n) = &s.note {
        line("N1", &n.value);
    }
    out.push_str("ER  - \r\n");
}
