//! CSL-JSON files (what Zotero, Mendeley and pandoc export: an array of
//! items), read with serde_json. serde keeps no places, but a
//! [`RawValue`] borrows its bytes from the file, so each item's and each
//! field's value is located exactly: findings point at the value.
//!
//! The item types here are also what `argmap export --to csl-json` writes,
//! so that what argmap writes it reads back.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;

use super::{Entries, date_or_year, person, source_id};
use crate::diag::{Code, Diagnostic, Span};
use crate::model::{Source, SourceKind, Sp};

/// A name: a person's parts, or an organisation's `literal`.
#[derive(Clone, Debug, Default, Deserialize, Serialize, PartialEq, Eq)]
pub struct Name {
    /// The family name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub family: Option<String>,
    /// The given names.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub given: Option<String>,
    /// A particle kept with the family name (`van`).
    #[serde(
        rename = "non-dropping-particle",
        skip_serializing_if = "Option::is_none"
    )]
    pub non_dropping_particle: Option<String>,
    /// A particle dropped when sorting (`von`).
    #[serde(rename = "dropping-particle", skip_serializing_if = "Option::is_none")]
    pub dropping_particle: Option<String>,
    /// `Jr.`, `III`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub suffix: Option<String>,
    /// A name not split into parts: an organisation.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub literal: Option<String>,
}

impl Name {
    /// The name as argmap writes it: `Family, Given`, or the literal.
    pub fn text(&self) -> String {
        if let Some(l) = &self.literal {
            return l.trim().to_owned();
        }
        let prefix = [&self.dropping_particle, &self.non_dropping_particle]
            .into_iter()
            .flatten()
            .map(|s| s.trim())
            .collect::<Vec<_>>()
            .join(" ");
        person(
            &prefix,
            self.family.as_deref().unwrap_or(""),
            self.suffix.as_deref().unwrap_or(""),
            self.given.as_deref().unwrap_or(""),
        )
    }
}

/// A number, or a number written as a string (both appear in exports).
#[derive(Clone, Debug, Deserialize, Serialize, PartialEq, Eq)]
#[serde(untagged)]
pub enum Part {
    /// `2024`.
    Number(i64),
    /// `"2024"`.
    Text(String),
}

impl Part {
    fn number(&self) -> Option<i64> {
        match self {
            Part::Number(n) => Some(*n),
            Part::Text(s) => s.trim().parse().ok(),
        }
    }
}

/// A date: `{"date-parts": [[2024, 3, 1]]}`, or a `raw` or `literal` one.
#[derive(Clone, Debug, Default, Deserialize, Serialize, PartialEq, Eq)]
pub struct DateVariable {
    /// Year, month and day (the first list; a second is a range's end).
    #[serde(rename = "date-parts", skip_serializing_if = "Option::is_none")]
    pub date_parts: Option<Vec<Vec<Part>>>,
    /// A date as text: `2024-03-01`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub raw: Option<String>,
    /// A date not to be parsed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub literal: Option<String>,
}

impl DateVariable {
    /// A date of `year`, and `month` and `day` when known.
    pub fn of(year: i64, month_day: Option<(i64, i64)>) -> DateVariable {
        let mut parts = vec![Part::Number(year)];
        if let Some((m, d)) = month_day {
            parts.extend([Part::Number(m), Part::Number(d)]);
        }
        DateVariable {
            date_parts: Some(vec![parts]),
            ..DateVariable::default()
        }
    }

    /// Year, month and day, as far as they are known.
    fn parts(&self) -> Option<(i64, Option<i64>, Option<i64>)> {
        if let Some(first) = self.date_parts.as_ref().and_then(|p| p.first()) {
            let mut it = first.iter().map(Part::number);
            let year = it.next().flatten()?;
            let month = it.next().flatten();
            let day = it.next().flatten();
            return Some((year, month, day));
        }
        let raw = self.raw.as_deref()?.trim();
        let mut it = raw.splitn(3, '-').map(|p| p.trim().parse::<i64>().ok());
        let year = it.next().flatten()?;
        Some((year, it.next().flatten(), it.next().flatten()))
    }
}

/// One item, as `export --to csl-json` writes it: the CSL variables argmap
/// keeps, in the order CSL-JSON files usually give them.
#[derive(Clone, Debug, Default, Serialize)]
pub struct Item {
    /// The citation key.
    pub id: String,
    /// The CSL item type.
    #[serde(rename = "type")]
    pub kind: String,
    /// Title.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// Authors.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub author: Option<Vec<Name>>,
    /// Date of publication.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub issued: Option<DateVariable>,
    /// The journal, book or site.
    #[serde(rename = "container-title", skip_serializing_if = "Option::is_none")]
    pub container_title: Option<String>,
    /// The volume.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub volume: Option<String>,
    /// The issue.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub issue: Option<String>,
    /// The pages.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub page: Option<String>,
    /// Publisher.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub publisher: Option<String>,
    /// DOI.
    #[serde(rename = "DOI", skip_serializing_if = "Option::is_none")]
    pub doi: Option<String>,
    /// ISBN.
    #[serde(rename = "ISBN", skip_serializing_if = "Option::is_none")]
    pub isbn: Option<String>,
    /// URL.
    #[serde(rename = "URL", skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// When the URL was read.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub accessed: Option<DateVariable>,
    /// A note.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// The CSL item type of a kind of source.
pub fn csl_type(kind: Option<SourceKind>) -> &'static str {
    match kind {
        Some(SourceKind::Book) => "book",
        Some(SourceKind::Chapter) => "chapter",
        Some(SourceKind::Article) => "article-journal",
        Some(SourceKind::News) => "article-newspaper",
        Some(SourceKind::Report) => "report",
        Some(SourceKind::Web) => "webpage",
        Some(SourceKind::Speech) => "speech",
        Some(SourceKind::Law) => "legislation",
        Some(SourceKind::Dataset) => "dataset",
        Some(SourceKind::Other) | None => "document",
    }
}

/// The kind of source of a CSL item type.
fn kind(csl: &str) -> SourceKind {
    match csl {
        "book" | "classic" => SourceKind::Book,
        "chapter" | "entry" | "entry-dictionary" | "entry-encyclopedia" | "paper-conference" => {
            SourceKind::Chapter
        }
        "article" | "article-journal" | "article-magazine" | "review" | "review-book" => {
            SourceKind::Article
        }
        "article-newspaper" => SourceKind::News,
        "report" => SourceKind::Report,
        "webpage" | "post" | "post-weblog" => SourceKind::Web,
        "speech" => SourceKind::Speech,
        "legislation" | "bill" | "legal_case" | "regulation" | "treaty" => SourceKind::Law,
        "dataset" => SourceKind::Dataset,
        _ => SourceKind::Other,
    }
}

/// Where `part` (a slice of `text`) begins in it.
fn offset(text: &str, part: &str) -> usize {
    (part.as_ptr() as usize).saturating_sub(text.as_ptr() as usize)
}

/// The span of a raw value of `text`.
fn span(text: &str, raw: &RawValue) -> Span {
    let start = offset(text, raw.get());
    start..start + raw.get().len()
}

/// The byte of `text` at 1-based `line` and `column` (serde_json's error
/// places count columns in bytes).
fn at_line(text: &str, line: usize, column: usize) -> usize {
    let start: usize = text
        .split_inclusive('\n')
        .take(line.saturating_sub(1))
        .map(str::len)
        .sum();
    (start + column.saturating_sub(1)).min(text.len())
}

/// Reads a CSL-JSON file.
pub(super) fn read(text: &str) -> Entries {
    let mut out = Entries::default();
    let items: Vec<&RawValue> = match serde_json::from_str(text) {
        Ok(items) => items,
        Err(e) => {
            let at = at_line(text, e.line(), e.column());
            let why = e.to_string();
            let why = why.split(" at line ").next().unwrap_or(&why).to_owned();
            out.diagnostics.push(
                Diagnostic::new(
                    Code::UnreadableBibliography,
                    at..at,
                    format!("the CSL-JSON file cannot be read: {why}"),
                )
                .with_label("not read past here")
                .with_help(
                    "a CSL-JSON file is an array of items, `[{\"id\": ..., \"type\": ...}, ...]`",
                ),
            );
            return out;
        }
    };
    for (n, raw) in items.iter().enumerate() {
        let whole = span(text, raw);
        let fields: BTreeMap<String, &RawValue> = match serde_json::from_str(raw.get()) {
            Ok(f) => f,
            Err(_) => {
                out.diagnostics.push(
                    Diagnostic::new(
                        Code::InvalidValue,
                        whole,
                        format!("item {} of the CSL-JSON file is not an object", n + 1),
                    )
                    .with_label("expected `{\"id\": ..., \"type\": ...}`"),
                );
                continue;
            }
        };
        if let Some(s) = item(text, &fields, whole.clone(), n, &mut out.diagnostics) {
            out.sources.push((s, whole));
        }
    }
    out
}

/// One item as a source.
fn item(
    text: &str,
    fields: &BTreeMap<String, &RawValue>,
    whole: Span,
    n: usize,
    out: &mut Vec<Diagnostic>,
) -> Option<Source> {
    // The citation key, where the export has one, is what documents cite.
    let key = fields
        .get("citation-key")
        .map(|r| ("citation-key", r))
        .or_else(|| fields.get("id").map(|r| ("id", r)));
    let Some((key_name, raw_id)) = key else {
        out.push(
            Diagnostic::new(
                Code::MissingField,
                whole.start..whole.start + 1,
                format!("item {} of the CSL-JSON file has no `id`", n + 1),
            )
            .with_label("`id` is required: the source's id"),
        );
        return None;
    };
    let id = match serde_json::from_str::<Part>(raw_id.get()) {
        Ok(Part::Text(s)) => s,
        Ok(Part::Number(n)) => n.to_string(),
        Err(_) => {
            out.push(
                Diagnostic::new(
                    Code::InvalidValue,
                    span(text, raw_id),
                    format!(
                        "`{key_name}` of item {} must be a string or a number",
                        n + 1
                    ),
                )
                .with_label("not an id"),
            );
            return None;
        }
    };
    let id = source_id(&id, span(text, raw_id), out)?;
    let what = format!("source `{}`", id.value);
    let mut s = Source::new(id);
    // A field's value, read as `T`; a value of another type is a finding.
    fn get<T: for<'de> Deserialize<'de>>(
        text: &str,
        fields: &BTreeMap<String, &RawValue>,
        key: &str,
        what: &str,
        expected: &str,
        out: &mut Vec<Diagnostic>,
    ) -> Option<(T, Span)> {
        let raw = fields.get(key)?;
        let at = span(text, raw);
        match serde_json::from_str::<T>(raw.get()) {
            Ok(v) => Some((v, at)),
            Err(_) => {
                out.push(
                    Diagnostic::new(
                        Code::InvalidValue,
                        at,
                        format!("`{key}` of {what} must be {expected}"),
                    )
                    .with_label("not read"),
                );
                None
            }
        }
    }
    let string = |key: &str, out: &mut Vec<Diagnostic>| -> Option<Sp<String>> {
        let (v, at) = get::<Part>(text, fields, key, &what, "a string", out)?;
        let v = match v {
            Part::Text(s) => s,
            Part::Number(n) => n.to_string(),
        };
        let v = v.split_whitespace().collect::<Vec<_>>().join(" ");
        (!v.is_empty()).then(|| Sp::new(v, at))
    };
    s.title = string("title", out);
    s.container = string("container-title", out);
    s.volume = string("volume", out);
    s.issue = string("issue", out);
    s.pages = string("page", out);
    s.publisher = string("publisher", out);
    s.url = string("URL", out);
    s.doi = string("DOI", out);
    s.isbn = string("ISBN", out);
    s.note = string("note", out);
    if let Some((names, at)) =
        get::<Vec<Name>>(text, fields, "author", &what, "a list of names", out)
    {
        let list = names
            .iter()
            .map(Name::text)
            .filter(|n| !n.is_empty())
            .map(|n| Sp::new(n, at.clone()))
            .collect();
        s.authors = Some(Sp::new(list, at));
    }
    if let Some((date, at)) = get::<DateVariable>(text, fields, "issued", &what, "a date", out) {
        match date.parts() {
            Some((y, m, d)) => date_or_year(y, m, d, at, &mut s),
            None => {
                s.miswritten.push("date");
                out.push(
                    Diagnostic::new(
                        Code::InvalidValue,
                        at,
                        format!("`issued` of {what} is not a date argmap reads"),
                    )
                    .with_label("expected `{\"date-parts\": [[2024, 3, 1]]}`"),
                );
            }
        }
    }
    if let Some((date, at)) = get::<DateVariable>(text, fields, "accessed", &what, "a date", out)
        && let Some((y, Some(m), Some(d))) = date.parts()
    {
        let date = i16::try_from(y)
            .ok()
            .zip(i8::try_from(m).ok())
            .zip(i8::try_from(d).ok())
            .and_then(|((y, m), d)| jiff::civil::Date::new(y, m, d).ok());
        if let Some(date) = date {
            s.accessed = Some(Sp::new(date, at));
        }
    }
    if let Some((t, at)) = get::<String>(text, fields, "type", &what, "a string", out) {
        s.kind = Some(Sp::new(kind(&t), at));
    }
    Some(s)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::indexing_slicing)]

    use super::*;

    #[test]
    fn items_and_their_values_are_located() {
        let json = r#"[
  {"id": "lee:2023", "type": "book", "title": "The CPC",
   "author": [{"family": "Lee", "given": "Ann"}, {"literal": "Xinhua"}],
   "issued": {"date-parts": [["2023", 6, 1]]}},
  {"id": 7, "type": "article-newspaper", "title": 12, "issued": {"raw": "2019"}},
  "nonsense"
]"#;
        let read = read(json);
        let ids: Vec<&str> = read.sources.iter().map(|(s, _)| s.id.as_str()).collect();
        assert_eq!(ids, ["lee:2023", "7"]);
        let (lee, entry) = &read.sources[0];
        assert!(json[entry.clone()].starts_with("{\"id\": \"lee:2023\""));
        assert_eq!(
            &json[lee.title.as_ref().unwrap().span.clone()],
            "\"The CPC\""
        );
        let authors: Vec<&str> = lee
            .authors
            .as_ref()
            .unwrap()
            .value
            .iter()
            .map(|a| a.as_str())
            .collect();
        assert_eq!(authors, ["Lee, Ann", "Xinhua"]);
        assert_eq!(
            lee.date.as_ref().unwrap().value,
            jiff::civil::date(2023, 6, 1)
        );
        let (seven, _) = &read.sources[1];
        assert_eq!(seven.kind.as_ref().unwrap().value, SourceKind::News);
        assert_eq!(seven.year.as_ref().unwrap().value, 2019);
        assert_eq!(seven.title.as_ref().unwrap().value, "12");
        assert_eq!(read.diagnostics.len(), 1);
        assert_eq!(&json[read.diagnostics[0].span.clone()], "\"nonsense\"");
    }

    #[test]
    fn a_file_that_is_not_json_is_one_finding_where_it_breaks() {
        let json = "[\n  {\"id\": \"a\",}\n]";
        let read = read(json);
        assert!(read.sources.is_empty());
        assert_eq!(read.diagnostics.len(), 1);
        let at = read.diagnostics[0].span.start;
        assert_eq!(&json[at..at + 1], "}");
    }
}
