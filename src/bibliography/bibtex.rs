//! BibTeX and BibLaTeX files, read by the `biblatex` crate, which keeps the
//! place of every entry, key and field: findings point at the field.
//!
//! The crate stops at the first syntax error of a file. To read the rest, a
//! file with one is read again entry by entry ([`by_entry`]): each
//! malformed entry is one `unreadable-bibliography` finding, left out, and
//! the entries around it are read.

use std::collections::HashMap;

use biblatex::{
    Bibliography, ChunksExt, DateValue, EntryType, ParseErrorKind, PermissiveType, RawBibliography,
    RawEntry, Spanned,
};

use super::{Entries, date_or_year, person, source_id};
use crate::diag::{Code, Diagnostic, Span};
use crate::model::{Source, SourceKind, Sp};

/// Most malformed entries reported in one file; the others are counted.
const MAX_ERRORS: usize = 100;

/// Reads a `.bib` file.
pub(super) fn read(text: &str) -> Entries {
    let mut out = Entries::default();
    let whole = too_deep(text)
        .is_none()
        .then(|| RawBibliography::parse(text).ok());
    let mut raw = match whole.flatten() {
        Some(raw) => raw,
        None => by_entry(text, &mut out),
    };
    // Entries that `Bibliography::from_raw` refuses (an unknown
    // abbreviation, a key used twice, a broken cross-reference) are taken
    // out one by one; a second entry of a key is read on its own, so that
    // `duplicate-id` reports it.
    let mut alone: Vec<Spanned<RawEntry<'_>>> = Vec::new();
    let bibliography = loop {
        match Bibliography::from_raw(raw.clone()) {
            Ok(b) => break b,
            Err(e) => {
                let at = raw.entries.iter().position(|en| {
                    en.span.start <= e.span.start
                        && e.span.start < en.span.end.max(en.span.start + 1)
                });
                let Some(i) = at else {
                    malformed(&mut out, text, e.span.start, e.span.clone(), &e.kind);
                    return out;
                };
                let entry = raw.entries.remove(i);
                if matches!(e.kind, ParseErrorKind::DuplicateKey(_)) {
                    alone.push(entry);
                } else {
                    malformed(&mut out, text, entry.span.start, e.span.clone(), &e.kind);
                }
            }
        }
    };
    let spans: HashMap<&str, &Spanned<RawEntry<'_>>> =
        raw.entries.iter().map(|e| (e.v.key.v, e)).collect();
    let mut found: Vec<(Source, Span)> = Vec::new();
    for entry in bibliography.iter() {
        if let Some(r) = spans.get(entry.key.as_str()) {
            found.extend(source(entry, r, &mut out.diagnostics));
        }
    }
    for r in alone {
        let one = RawBibliography {
            preamble: String::new(),
            entries: vec![r.clone()],
            abbreviations: raw.abbreviations.clone(),
        };
        match Bibliography::from_raw(one) {
            Ok(b) => {
                for entry in b.iter() {
                    found.extend(source(entry, &r, &mut out.diagnostics));
                }
            }
            Err(e) => malformed(&mut out, text, r.span.start, e.span.clone(), &e.kind),
        }
    }
    found.sort_by_key(|(_, entry)| entry.start);
    out.sources = found;
    out
}

/// The file read entry by entry, after a syntax error: cut before each
/// line that opens an entry (`@` first on the line), each piece parsed on
/// its own and its places moved back to where it is in the file. A piece
/// that is not valid BibTeX is one finding (at most [`MAX_ERRORS`] shown),
/// and is left out. One pass over the file, whatever the number of
/// errors. (An `@` that opens a line inside a value cuts its entry there:
/// the whole file is read at once first, and this only when that fails.)
fn by_entry<'s>(text: &'s str, out: &mut Entries) -> RawBibliography<'s> {
    let mut all = RawBibliography {
        preamble: String::new(),
        entries: Vec::new(),
        abbreviations: Vec::new(),
    };
    let mut more = 0;
    for (start, piece) in pieces(text) {
        if let Some(at) = too_deep(piece) {
            if out.diagnostics.len() < MAX_ERRORS {
                let key = entry_key(text, start);
                if let Some(k) = &key {
                    out.left_out.push(k.clone());
                }
                out.diagnostics.push(
                    Diagnostic::new(
                        Code::UnreadableBibliography,
                        start + at..start + at + 1,
                        format!(
                            "{} cannot be read: its braces nest more than {MAX_DEPTH} deep",
                            key.map_or_else(|| "an entry".to_owned(), |k| format!("entry `{k}`"))
                        ),
                    )
                    .with_label("nested too deeply")
                    .with_help("a bibliography entry nests braces a few levels deep; remove the extra braces"),
                );
            } else {
                more += 1;
            }
            continue;
        }
        match RawBibliography::parse(piece) {
            Ok(mut r) => {
                for e in &mut r.entries {
                    shift_entry(e, start);
                }
                for p in &mut r.abbreviations {
                    shift_pair(p, start);
                }
                all.entries.append(&mut r.entries);
                all.abbreviations.append(&mut r.abbreviations);
                if !r.preamble.is_empty() {
                    if !all.preamble.is_empty() {
                        all.preamble.push_str(" # ");
                    }
                    all.preamble.push_str(&r.preamble);
                }
            }
            Err(e) if out.diagnostics.len() < MAX_ERRORS => {
                let span = e.span.start + start..e.span.end + start;
                malformed(out, text, start, span, &e.kind);
            }
            Err(_) => more += 1,
        }
    }
    if more > 0
        && let Some(last) = out.diagnostics.last_mut()
    {
        last.notes.push(format!(
            "{} after this one not shown",
            crate::english::count_as(more, "more malformed entry", "more malformed entries")
        ));
    }
    all
}

/// The pieces of `text` that each open with a line whose first character
/// (after blanks) is `@`, with where each starts; the first piece starts
/// at 0.
fn pieces(text: &str) -> Vec<(usize, &str)> {
    let mut starts = vec![0];
    let mut at = 0;
    for line in text.split_inclusive('\n') {
        if at > 0 && line.trim_start().starts_with('@') {
            starts.push(at);
        }
        at += line.len();
    }
    let mut out = Vec::with_capacity(starts.len());
    for (k, &start) in starts.iter().enumerate() {
        let end = starts.get(k + 1).copied().unwrap_or(text.len());
        if let Some(piece) = text.get(start..end) {
            out.push((start, piece));
        }
    }
    out
}

/// Deepest nesting of braces read: `{{The}} {CPC}` is 2 deep, and no
/// bibliography nests much deeper. The BibTeX reader's time grows with the
/// square of the depth.
const MAX_DEPTH: usize = 100;

/// Where the braces of `text` first nest more than [`MAX_DEPTH`] deep.
fn too_deep(text: &str) -> Option<usize> {
    let mut depth = 0usize;
    for (i, b) in text.bytes().enumerate() {
        match b {
            b'{' => {
                depth += 1;
                if depth > MAX_DEPTH {
                    return Some(i);
                }
            }
            b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    None
}

fn shift_span(span: &mut Span, by: usize) {
    *span = span.start + by..span.end + by;
}

fn shift_pair(p: &mut biblatex::Pair<'_>, by: usize) {
    shift_span(&mut p.key.span, by);
    shift_span(&mut p.value.span, by);
    for c in &mut p.value.v {
        shift_span(&mut c.span, by);
    }
}

fn shift_entry(e: &mut Spanned<RawEntry<'_>>, by: usize) {
    shift_span(&mut e.span, by);
    shift_span(&mut e.v.key.span, by);
    shift_span(&mut e.v.kind.span, by);
    for p in &mut e.v.fields {
        shift_pair(p, by);
    }
}

/// The key of the entry that opens at byte `entry` of `text`, as far as it
/// can be read: what follows its first `{`, up to a comma.
fn entry_key(text: &str, entry: usize) -> Option<String> {
    text.get(entry..)
        .and_then(|s| s.split_once('{'))
        .and_then(|(_, rest)| rest.split([',', '\n', '}']).next())
        .map(str::trim)
        .filter(|k| !k.is_empty() && k.len() <= 100)
        .map(str::to_owned)
}

/// The finding for a malformed entry that opens at `entry` (its key read
/// from `text`, when it can be, and kept as a key left out), the parser's
/// error at `span`.
fn malformed(out: &mut Entries, text: &str, entry: usize, span: Span, kind: &ParseErrorKind) {
    let what = match entry_key(text, entry) {
        Some(k) => {
            let what = format!("entry `{k}`");
            out.left_out.push(k);
            what
        }
        None => "an entry".to_owned(),
    };
    let (why, label) = match kind {
        ParseErrorKind::UnexpectedEof => ("the file ends inside it".to_owned(), "unclosed"),
        ParseErrorKind::Unexpected(t) => (format!("an unexpected {t}"), "not expected here"),
        ParseErrorKind::Expected(t) => (format!("a {t} is missing"), "expected here"),
        ParseErrorKind::UnknownAbbreviation(a) => (
            format!("it uses `{a}`, which no `@string` defines"),
            "undefined abbreviation",
        ),
        ParseErrorKind::MalformedCommand => ("a TeX command is malformed".to_owned(), "here"),
        ParseErrorKind::DuplicateKey(k) => (format!("the key `{k}` is used twice"), "here"),
        ParseErrorKind::ResolutionError(e) => (
            format!("its `crossref` or `xdata` cannot be resolved: {e}"),
            "here",
        ),
        _ => ("it is not valid BibTeX".to_owned(), "here"),
    };
    out.diagnostics.push(
        Diagnostic::new(
            Code::UnreadableBibliography,
            span,
            format!("{what} cannot be read: {why}"),
        )
        .with_label(label)
        .with_help("fix the entry; argmap reads the entries around it, and leaves this one out"),
    );
}

/// An entry as a source, with the span of the whole entry; `None` (with a
/// finding) when its key is not a usable id.
fn source(
    entry: &biblatex::Entry,
    raw: &Spanned<RawEntry<'_>>,
    out: &mut Vec<Diagnostic>,
) -> Option<(Source, Span)> {
    let id = source_id(&entry.key, raw.v.key.span.clone(), out)?;
    let field_span = |name: &str| -> Option<Span> {
        raw.v
            .fields
            .iter()
            .find(|p| p.key.v.eq_ignore_ascii_case(name))
            .map(|p| p.value.span.clone())
    };
    // A field by any of its names, with the span of the one written.
    let text = |names: &[&str]| -> Option<Sp<String>> {
        names.iter().find_map(|name| {
            let chunks = entry.get(name)?;
            let value = chunks.format_verbatim();
            let value = value.split_whitespace().collect::<Vec<_>>().join(" ");
            (!value.is_empty())
                .then(|| Sp::new(value, field_span(name).unwrap_or(raw.span.clone())))
        })
    };
    let what = format!("source `{}`", id.value);
    let mut s = Source::new(id);
    s.title = text(&["title"]);
    if let Ok(people) = entry.author() {
        let span = field_span("author").unwrap_or(raw.span.clone());
        let names: Vec<Sp<String>> = people
            .iter()
            .map(|p| {
                Sp::new(
                    person(&p.prefix, &p.name, &p.suffix, &p.given_name),
                    span.clone(),
                )
            })
            .collect();
        s.authors = Some(Sp::new(names, span));
    }
    match entry.date() {
        Ok(PermissiveType::Typed(date)) => {
            let at = match date.value {
                DateValue::At(d) | DateValue::After(d) | DateValue::Before(d) => d,
                DateValue::Between(d, _) => d,
            };
            let span = field_span("date")
                .or_else(|| field_span("year"))
                .unwrap_or(raw.span.clone());
            date_or_year(
                i64::from(at.year),
                at.month.map(|m| i64::from(m) + 1),
                at.day.map(|d| i64::from(d) + 1),
                span,
                &mut s,
            );
        }
        Ok(PermissiveType::Chunks(_)) | Err(biblatex::RetrievalError::TypeError(_)) => {
            let key = if field_span("date").is_some() {
                "date"
            } else {
                "year"
            };
            let span = field_span(key).unwrap_or(raw.span.clone());
            s.miswritten
                .push(if key == "date" { "date" } else { "year" });
            out.push(
                Diagnostic::new(
                    Code::InvalidValue,
                    span,
                    format!("`{key}` of {what} is not a date argmap reads"),
                )
                .with_label("expected a year, or a date such as 2024-03-01")
                .with_help("write `year = {2024}`, or `date = {2024-03-01}` in BibLaTeX"),
            );
        }
        Err(biblatex::RetrievalError::Missing(_)) => {}
    }
    let subtype = entry.get("entrysubtype").map(|c| c.format_verbatim());
    s.kind = Some(Sp::new(
        kind(&entry.entry_type, subtype.as_deref()),
        raw.v.kind.span.clone(),
    ));
    s.container = text(&["journaltitle", "journal", "booktitle"]);
    s.volume = text(&["volume"]);
    s.issue = text(&["number", "issue"]);
    s.pages = text(&["pages"]);
    s.publisher = text(&["publisher", "institution", "school", "organization"]);
    s.url = text(&["url"]);
    s.doi = text(&["doi"]);
    s.isbn = text(&["isbn"]);
    s.note = text(&["note"]);
    match entry.url_date() {
        Ok(PermissiveType::Typed(date)) => {
            if let DateValue::At(d) = date.value
                && let (Some(m), Some(day)) = (d.month, d.day)
            {
                let date = i16::try_from(d.year)
                    .ok()
                    .and_then(|y| jiff::civil::Date::new(y, m as i8 + 1, day as i8 + 1).ok());
                if let (Some(date), Some(span)) = (date, field_span("urldate")) {
                    s.accessed = Some(Sp::new(date, span));
                }
            }
        }
        Ok(PermissiveType::Chunks(_)) | Err(biblatex::RetrievalError::TypeError(_)) => {
            s.miswritten.push("accessed");
            out.push(
                Diagnostic::new(
                    Code::InvalidValue,
                    field_span("urldate").unwrap_or(raw.span.clone()),
                    format!("`urldate` of {what} is not a date argmap reads"),
                )
                .with_label("expected a date such as 2024-03-01"),
            );
        }
        Err(biblatex::RetrievalError::Missing(_)) => {}
    }
    Some((s, raw.span.clone()))
}

/// The kind of source an entry type (and BibLaTeX's `entrysubtype`) is.
fn kind(t: &EntryType, subtype: Option<&str>) -> SourceKind {
    use EntryType as T;
    match t {
        T::Article | T::SuppPeriodical => match subtype.map(str::trim) {
            Some(s) if s.eq_ignore_ascii_case("newspaper") => SourceKind::News,
            _ => SourceKind::Article,
        },
        T::Book
        | T::MvBook
        | T::Booklet
        | T::Collection
        | T::MvCollection
        | T::Proceedings
        | T::MvProceedings
        | T::Reference
        | T::MvReference => SourceKind::Book,
        T::InBook
        | T::InCollection
        | T::InProceedings
        | T::BookInBook
        | T::SuppBook
        | T::SuppCollection
        | T::InReference => SourceKind::Chapter,
        T::Report | T::TechReport => SourceKind::Report,
        T::Online => SourceKind::Web,
        T::Dataset => SourceKind::Dataset,
        T::Unknown(name) => match name.as_str() {
            "newspaper" => SourceKind::News,
            "legislation" | "legal" | "jurisdiction" => SourceKind::Law,
            "webpage" | "web_page" => SourceKind::Web,
            _ => SourceKind::Other,
        },
        _ => SourceKind::Other,
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::indexing_slicing)]

    use super::*;

    const BIB: &str = "@book{lee:2023.cpc,\n  author = {Lee, Ann and {World Health Organization}},\n  title = {The {CPC} Today},\n  date = {2023-06-01},\n  publisher = {Polity},\n}\n\n@article{broken,\n  title = {No comma}\n  year = 2020\n}\n\n@article{smith2020,\n  author = {von Smith, Jr., John},\n  title = \"On Things\",\n  journal = {Journal of Things},\n  year = {2020},\n  doi = {10.1234/abc},\n}\n";

    #[test]
    fn entries_around_a_malformed_one_are_read() {
        let read = read(BIB);
        let ids: Vec<&str> = read.sources.iter().map(|(s, _)| s.id.as_str()).collect();
        assert_eq!(ids, ["lee:2023.cpc", "smith2020"]);
        assert_eq!(read.diagnostics.len(), 1);
        let d = &read.diagnostics[0];
        assert_eq!(
            d.message,
            "entry `broken` cannot be read: a comma is missing"
        );
        assert_eq!(&BIB[d.span.start..d.span.start + 4], "year");
        let (lee, _) = &read.sources[0];
        assert_eq!(lee.title.as_ref().unwrap().value, "The CPC Today");
        assert_eq!(
            &BIB[lee.title.as_ref().unwrap().span.clone()],
            "{The {CPC} Today}"
        );
        let authors: Vec<&str> = lee
            .authors
            .as_ref()
            .unwrap()
            .value
            .iter()
            .map(|a| a.as_str())
            .collect();
        assert_eq!(authors, ["Lee, Ann", "World Health Organization"]);
        assert_eq!(
            lee.date.as_ref().unwrap().value,
            jiff::civil::date(2023, 6, 1)
        );
        assert_eq!(lee.kind.as_ref().unwrap().value, SourceKind::Book);
        let (smith, _) = &read.sources[1];
        assert_eq!(
            smith.authors.as_ref().unwrap().value[0].value,
            "von Smith, Jr., John"
        );
        assert_eq!(smith.year.as_ref().unwrap().value, 2020);
        assert_eq!(smith.container.as_ref().unwrap().value, "Journal of Things");
        assert_eq!(smith.doi.as_ref().unwrap().value, "10.1234/abc");
    }

    #[test]
    fn a_second_entry_of_a_key_is_kept_for_duplicate_id() {
        let bib = "@misc{a, title = {One}}\n@misc{a, title = {Two}}\n@misc{b, title = {Three}}\n";
        let read = read(bib);
        let titles: Vec<&str> = read
            .sources
            .iter()
            .map(|(s, _)| s.title.as_ref().unwrap().as_str())
            .collect();
        assert_eq!(titles, ["One", "Two", "Three"]);
        assert!(read.diagnostics.is_empty());
    }
}
