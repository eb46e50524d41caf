//! Hayagriva YAML files (Typst's bibliography format), read by `hayagriva`
//! itself. Its reader (serde_yaml) keeps no places: each entry is located
//! by its key, written at the start of a line, and findings about an entry
//! point at its key. Each entry is read on its own, so that one malformed
//! entry leaves the others readable.

use std::collections::HashMap;

use hayagriva::Entry;
use hayagriva::types::EntryType;

use super::{Entries, date_or_year, person, source_id};
use crate::diag::{Code, Diagnostic, Span};
use crate::model::{Source, SourceKind, Sp};

/// Reads a Hayagriva YAML file.
pub(super) fn read(text: &str) -> Entries {
    let mut out = Entries::default();
    let doc: serde_yaml::Value = match serde_yaml::from_str(text) {
        Ok(v) => v,
        Err(e) => {
            let at = e.location().map_or(0, |l| l.index()).min(text.len());
            let why = e.to_string();
            let why = why.split(" at line ").next().unwrap_or(&why).to_owned();
            out.diagnostics.push(
                Diagnostic::new(
                    Code::UnreadableBibliography,
                    at..at,
                    format!("the YAML file cannot be read: {why}"),
                )
                .with_label("not read past here"),
            );
            return out;
        }
    };
    let serde_yaml::Value::Mapping(entries) = doc else {
        if !matches!(doc, serde_yaml::Value::Null) {
            out.diagnostics.push(
                Diagnostic::new(
                    Code::UnreadableBibliography,
                    0..0,
                    "the YAML file is not a Hayagriva bibliography: it is not a mapping of keys to entries",
                )
                .with_label("expected `key:` lines, each with its entry"),
            );
        }
        return out;
    };
    let keys = key_spans(text);
    for (key, value) in entries {
        let name = match &key {
            serde_yaml::Value::String(s) => s.clone(),
            serde_yaml::Value::Number(n) => n.to_string(),
            _ => continue,
        };
        let at = keys.get(name.as_str()).cloned().unwrap_or(0..0);
        let mut one = serde_yaml::Mapping::new();
        one.insert(key, value);
        let library: hayagriva::Library =
            match serde_yaml::from_value(serde_yaml::Value::Mapping(one)) {
                Ok(l) => l,
                Err(e) => {
                    out.left_out.push(name.clone());
                    out.diagnostics.push(
                        Diagnostic::new(
                            Code::InvalidValue,
                            at,
                            format!("entry `{name}` cannot be read: {e}"),
                        )
                        .with_label("this entry is left out")
                        .with_help("the Hayagriva documentation lists the fields and their forms"),
                    );
                    continue;
                }
            };
        for entry in library.iter() {
            if let Some(s) = source(entry, at.clone(), &mut out.diagnostics) {
                out.sources.push((s, at.clone()));
            }
        }
    }
    out
}

/// Where each top-level key is written: a line that starts with it and a
/// colon (quoted or not).
fn key_spans(text: &str) -> HashMap<String, Span> {
    let mut out = HashMap::new();
    let mut start = 0;
    for line in text.split_inclusive('\n') {
        let first = line.chars().next();
        if first.is_some_and(|c| !c.is_whitespace() && c != '#' && c != '-')
            && let Some((key, _)) = line
                .split_once(": ")
                .or_else(|| line.trim_end().strip_suffix(':').map(|k| (k, "")))
        {
            let bare = key
                .trim()
                .trim_matches(|c| c == '"' || c == '\'')
                .to_owned();
            out.entry(bare)
                .or_insert(start..start + key.trim_end().len());
        }
        start += line.len();
    }
    out
}

/// An entry as a source, every value located at its key `at`.
fn source(entry: &Entry, at: Span, out: &mut Vec<Diagnostic>) -> Option<Source> {
    let id = source_id(entry.key(), at.clone(), out)?;
    let mut s = Source::new(id);
    let sp = |v: String| {
        let v = v.split_whitespace().collect::<Vec<_>>().join(" ");
        (!v.is_empty()).then(|| Sp::new(v, at.clone()))
    };
    s.title = entry.title().and_then(|t| sp(t.value.to_str().into()));
    if let Some(people) = entry.authors() {
        let names = people
            .iter()
            .map(|p| {
                person(
                    p.prefix.as_deref().unwrap_or(""),
                    &p.name,
                    p.suffix.as_deref().unwrap_or(""),
                    p.given_name.as_deref().unwrap_or(""),
                )
            })
            .map(|n| Sp::new(n, at.clone()))
            .collect();
        s.authors = Some(Sp::new(names, at.clone()));
    }
    if let Some(d) = entry.date() {
        date_or_year(
            i64::from(d.year),
            d.month.map(|m| i64::from(m) + 1),
            d.day.map(|d| i64::from(d) + 1),
            at.clone(),
            &mut s,
        );
    }
    s.kind = Some(Sp::new(kind(entry.entry_type()), at.clone()));
    s.container = entry
        .parents()
        .first()
        .and_then(|p| p.title())
        .and_then(|t| sp(t.value.to_str().into()));
    s.volume = entry.volume().and_then(|v| sp(v.to_string()));
    s.issue = entry.issue().and_then(|v| sp(v.to_string()));
    s.pages = entry.page_range().and_then(|v| sp(v.to_string()));
    s.publisher = entry
        .publisher()
        .and_then(|p| p.name())
        .and_then(|n| sp(n.value.to_str().into()));
    if let Some(url) = entry.url() {
        s.url = sp(url.value.to_string());
        if let Some(d) = url.visit_date
            && let (Some(m), Some(day)) = (d.month, d.day)
            && let Ok(y) = i16::try_from(d.year)
            && let Ok(date) = jiff::civil::Date::new(y, m as i8 + 1, day as i8 + 1)
        {
            s.accessed = Some(Sp::new(date, at.clone()));
        }
    }
    s.doi = entry.doi().and_then(|d| sp(d.to_owned()));
    s.isbn = entry.isbn().and_then(|d| sp(d.to_owned()));
    s.note = entry.note().and_then(|n| sp(n.value.to_str().into()));
    Some(s)
}

/// The kind of source of a Hayagriva entry type.
fn kind(t: &EntryType) -> SourceKind {
    match t {
        EntryType::Book | EntryType::Anthology | EntryType::Proceedings => SourceKind::Book,
        EntryType::Chapter | EntryType::Anthos | EntryType::Entry => SourceKind::Chapter,
        EntryType::Article => SourceKind::Article,
        EntryType::Newspaper => SourceKind::News,
        EntryType::Report => SourceKind::Report,
        EntryType::Web | EntryType::Blog | EntryType::Post | EntryType::Thread => SourceKind::Web,
        EntryType::Legislation | EntryType::Case => SourceKind::Law,
        _ => SourceKind::Other,
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::indexing_slicing)]

    use super::*;

    #[test]
    fn entries_are_read_and_located_by_their_keys() {
        let yaml = "# refs\nlee:2023:\n  type: book\n  title: The CPC\n  author: [\"Lee, Ann\"]\n  date: 2023-06-01\n\"bad\":\n  type: book\n  date: not a date\nwang2021:\n  type: article\n  title: Data\n  date: 2021\n  parent:\n    type: periodical\n    title: Journal of Data\n";
        let read = read(yaml);
        let ids: Vec<&str> = read.sources.iter().map(|(s, _)| s.id.as_str()).collect();
        assert_eq!(ids, ["lee:2023", "wang2021"]);
        let (lee, at) = &read.sources[0];
        assert_eq!(&yaml[at.clone()], "lee:2023");
        assert_eq!(
            lee.date.as_ref().unwrap().value,
            jiff::civil::date(2023, 6, 1)
        );
        let (wang, _) = &read.sources[1];
        assert_eq!(wang.container.as_ref().unwrap().value, "Journal of Data");
        assert_eq!(wang.year.as_ref().unwrap().value, 2021);
        assert_eq!(read.diagnostics.len(), 1);
        assert_eq!(&yaml[read.diagnostics[0].span.clone()], "\"bad\"");
    }
}
