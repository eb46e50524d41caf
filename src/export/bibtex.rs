//! A map's sources as BibTeX (`--to bibtex`) or BibLaTeX (`--to
//! biblatex`), written by the `biblatex` crate, which escapes what TeX
//! reads as commands and braces.
//!
//! The kind of each source is its entry type: `book` `@book`, `chapter`
//! `@incollection`, `article` `@article`, `news` `@article` with
//! `entrysubtype = {newspaper}`, `report` `@report` (BibTeX `@techreport`),
//! `web` `@online`, `dataset` `@dataset`, and `@misc` for the rest
//! (BibTeX, which has no `@online` or `@dataset`, writes those as
//! `@misc`). A name without a comma (an organisation) is braced, so that
//! BibTeX does not split it into given and family names. argmap's own
//! fields (`cited-as`, `printed`, `text`) have no place in the format.

use biblatex::{Bibliography, Chunk, Date, DateValue, Datetime, Entry, EntryType, Spanned};

use super::Resolved;
use crate::model::{Map, Source, SourceKind};
use crate::resolved::ResolvedMap;

/// Which dialect to write.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Dialect {
    /// BibTeX: `year`, `month` and `day`, `journal`, `@techreport`.
    Bibtex,
    /// BibLaTeX: `date`, `journaltitle`, `@report`, `@online`.
    Biblatex,
}

/// The sources of `map` that own their id, in file order, as a `.bib`
/// file.
pub fn to_bib(map: &Map, resolved: &ResolvedMap, dialect: Dialect) -> String {
    let r = Resolved::new(map, resolved);
    let mut out = String::new();
    for &i in &r.sources {
        let Some(s) = map.sources.get(i) else {
            continue;
        };
        let mut bib = Bibliography::new();
        bib.insert(entry(s, dialect));
        let text = match dialect {
            Dialect::Biblatex => bib.to_biblatex_string(),
            Dialect::Bibtex => bib.to_bibtex_string(),
        };
        if !out.is_empty() {
            out.push('\n');
        }
        // The crate writes each field on a line of its own, values on one
        // line: indented, as reference managers write them.
        for line in text.trim_end().lines() {
            if line.starts_with('@') || line == "}" {
                out.push_str(line);
            } else {
                out.push_str("  ");
                out.push_str(line);
            }
            out.push('\n');
        }
    }
    out
}

/// A plain value.
fn normal(text: &str) -> Vec<Spanned<Chunk>> {
    vec![Spanned::detached(Chunk::Normal(
        text.split_whitespace().collect::<Vec<_>>().join(" "),
    ))]
}

/// A date, from its year and, when known, month and day.
fn date(year: i64, month_day: Option<(i8, i8)>) -> Date {
    let (month, day) = match month_day {
        Some((m, d)) => (u8::try_from(m - 1).ok(), u8::try_from(d - 1).ok()),
        None => (None, None),
    };
    Date {
        value: DateValue::At(Datetime {
            year: i32::try_from(year).unwrap_or_default(),
            month,
            day,
            time: None,
        }),
        uncertain: false,
        approximate: false,
    }
}

/// One source as an entry.
fn entry(s: &Source, dialect: Dialect) -> Entry {
    let kind = s.kind.as_ref().map(|k| k.value);
    let ty = match (kind, dialect) {
        (Some(SourceKind::Book), _) => EntryType::Book,
        (Some(SourceKind::Chapter), _) => EntryType::InCollection,
        (Some(SourceKind::Article | SourceKind::News), _) => EntryType::Article,
        (Some(SourceKind::Report), Dialect::Biblatex) => EntryType::Report,
        (Some(SourceKind::Report), Dialect::Bibtex) => EntryType::TechReport,
        (Some(SourceKind::Web), Dialect::Biblatex) => EntryType::Online,
        (Some(SourceKind::Dataset), Dialect::Biblatex) => EntryType::Dataset,
        _ => EntryType::Misc,
    };
    let mut e = Entry::new(s.id.value.clone(), ty);
    if kind == Some(SourceKind::News) {
        e.set("entrysubtype", normal("newspaper"));
    }
    if let Some(t) = &s.title {
        e.set("title", normal(&t.value));
    }
    if let Some(authors) = s.authors.as_ref().filter(|a| !a.value.is_empty()) {
        let mut chunks = Vec::new();
        for (k, a) in authors.value.iter().enumerate() {
            if k > 0 {
                chunks.push(Spanned::detached(Chunk::Normal(" and ".to_owned())));
            }
            // `Family, Given` is a person; anything else is a name whole.
            let name = a.value.split_whitespace().collect::<Vec<_>>().join(" ");
            chunks.push(Spanned::detached(if name.contains(',') {
                Chunk::Normal(name)
            } else {
                Chunk::Verbatim(name)
            }));
        }
        e.set("author", chunks);
    }
    match (&s.date, &s.year) {
        (Some(d), _) => {
            let d = d.value;
            e.set_as(
                "date",
                &date(i64::from(d.year()), Some((d.month(), d.day()))),
            );
        }
        (None, Some(y)) => e.set_as("date", &date(y.value, None)),
        (None, None) => {}
    }
    if let Some(c) = &s.container {
        let key = match kind {
            Some(SourceKind::Article | SourceKind::News) => "journaltitle",
            _ => "booktitle",
        };
        e.set(key, normal(&c.value));
    }
    for (key, value) in [
        ("volume", &s.volume),
        ("number", &s.issue),
        ("pages", &s.pages),
    ] {
        if let Some(v) = value {
            e.set(key, normal(&v.value));
        }
    }
    if let Some(p) = &s.publisher {
        let key = if kind == Some(SourceKind::Report) {
            "institution"
        } else {
            "publisher"
        };
        e.set(key, normal(&p.value));
    }
    for (key, value) in [
        ("url", &s.url),
        ("doi", &s.doi),
        ("isbn", &s.isbn),
        ("note", &s.note),
    ] {
        if let Some(v) = value {
            e.set(key, normal(&v.value));
        }
    }
    if let Some(a) = &s.accessed {
        let a = a.value;
        e.set_as(
            "urldate",
            &date(i64::from(a.year()), Some((a.month(), a.day()))),
        );
    }
    e
}
