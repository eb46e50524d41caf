//! Bibliography files a map names (`[map] bibliography`): BibTeX and
//! BibLaTeX (`.bib`, read by the `biblatex` crate), CSL-JSON (`.json`, read
//! with serde_json) and Hayagriva YAML (`.yaml`, `.yml`, read by
//! `hayagriva`). Each entry becomes a source whose id is its citation key;
//! a `[sources.<key>]` table of the map adds fields to it, and a field set
//! in both places is a `source-field-conflict`.
//!
//! A file's spans are placed after the map's text (see
//! [`crate::model::Bibliography`]), so that the rules read a source from a
//! file as they read one from the map, and a finding in the file points at
//! its line and column: for BibTeX, at the very field; for CSL-JSON, at the
//! field's value; for YAML, whose reader keeps no places, at the entry's
//! key.

mod bibtex;
pub mod csl_json;
mod yaml;

use std::collections::HashMap;
use std::path::Path;

use crate::diag::{Code, Diagnostic, OtherFile, SourceFile, Span};
use crate::folder;
use crate::model::{BibFormat, Bibliography, FromFile, Map, Source, Sp, Spans};

/// Largest bibliography file read, in bytes.
pub const MAX_BIBLIOGRAPHY_BYTES: u64 = 64 * 1024 * 1024;

/// What a reader found in one file: its entries, each a source with its
/// whole entry's span, and its findings, spans in the file's own bytes.
#[derive(Default)]
struct Entries {
    sources: Vec<(Source, Span)>,
    diagnostics: Vec<Diagnostic>,
    /// The keys of entries that could not be read, left out.
    left_out: Vec<String>,
}

/// Reads the bibliography files `map` names (its file is `map_path`, whose
/// text ends at `base`), adds their entries to its sources and merges the
/// `[sources.<key>]` tables that add to them. Problems become findings in
/// `out`. Returns the files read, for the report to show findings in them.
pub fn read(
    map: &mut Map,
    map_path: &Path,
    base: usize,
    out: &mut Vec<Diagnostic>,
) -> Vec<OtherFile> {
    let dir = folder::map_dir(map_path);
    let mut files: Vec<OtherFile> = Vec::new();
    let mut sources = Vec::new();
    let mut next = base;
    let mut seen: HashMap<std::path::PathBuf, Span> = HashMap::new();
    for named in map.meta.bibliography.clone() {
        let rel = named.as_str();
        let refuse = |why: String, label: &str| {
            Diagnostic::new(
                Code::UnreadableBibliography,
                named.span.clone(),
                format!("bibliography `{rel}` is not read: {why}"),
            )
            .with_label(label.to_owned())
        };
        let Some(format) = BibFormat::of(rel) else {
            out.push(
                refuse(
                    "argmap reads `.bib`, `.json` and `.yaml` files".to_owned(),
                    "not a bibliography format",
                )
                .with_help(
                    "name a BibTeX or BibLaTeX file (`.bib`), a CSL-JSON file (`.json`) or a Hayagriva YAML file (`.yaml`, `.yml`)",
                ),
            );
            continue;
        };
        let path = match folder::locate(dir, rel, false, "bibliography files") {
            Ok(p) => p,
            Err(why) => {
                out.push(refuse(why, "path refused").with_help(
                    "keep bibliography files in the map's folder, as every command reads them",
                ));
                continue;
            }
        };
        let same = path.canonicalize().unwrap_or_else(|_| path.clone());
        if let Some(first) = seen.get(&same) {
            out.push(
                refuse("it is named twice".to_owned(), "named again here")
                    .with_secondary(first.clone(), "first named here")
                    .with_help("name each file once"),
            );
            continue;
        }
        seen.insert(same, named.span.clone());
        let bytes = match folder::read_bytes(&path, MAX_BIBLIOGRAPHY_BYTES) {
            Ok(b) => b,
            Err(why) => {
                out.push(refuse(why, "sources from it are missing"));
                continue;
            }
        };
        let bom = bytes.starts_with(b"\xEF\xBB\xBF");
        let text =
            match String::from_utf8(bytes.get(if bom { 3 } else { 0 }..).unwrap_or(&[]).to_vec()) {
                Ok(t) => t,
                Err(e) => {
                    out.push(refuse(
                        format!(
                            "it is not UTF-8 (invalid byte at offset {})",
                            e.utf8_error().valid_up_to() + if bom { 3 } else { 0 }
                        ),
                        "sources from it are missing",
                    ));
                    continue;
                }
            };
        let read = match format {
            BibFormat::Bibtex => bibtex::read(&text),
            BibFormat::CslJson => csl_json::read(&text),
            BibFormat::Hayagriva => yaml::read(&text),
        };
        let index = map.bibliographies.len();
        map.bibliographies.push(Bibliography {
            path: path.display().to_string(),
            format,
            base: next,
            len: text.len(),
            left_out: read.left_out,
        });
        for mut d in read.diagnostics {
            d.span = d.span.start + next..d.span.end + next;
            for l in &mut d.secondary {
                l.span = l.span.start + next..l.span.end + next;
            }
            // A fix is written as TOML; none is offered in another file.
            d.suggestions.clear();
            out.push(d);
        }
        for (mut source, entry) in read.sources {
            source.shift_spans(next);
            source.from = Some(FromFile {
                file: index,
                entry: entry.start + next..entry.end + next,
                table: None,
            });
            sources.push(source);
        }
        let mut file = SourceFile::new(path.display().to_string(), text);
        file.text_start = if bom { 3 } else { 0 };
        let len = file.text.len();
        files.push(OtherFile { base: next, file });
        // One byte apart, so that a span at the end of one file is not at
        // the start of the next.
        next += len + 1;
    }
    if !sources.is_empty() {
        merge(map, sources, out);
        map.reindex();
    }
    files
}

/// Adds `from_files` to the map's sources, each `[sources.<key>]` table of
/// the map merged into the first entry of its key: the table's fields fill
/// in what the entry lacks, and one that the entry sets too is a
/// `source-field-conflict`, the entry's value kept.
fn merge(map: &mut Map, from_files: Vec<Source>, out: &mut Vec<Diagnostic>) {
    let mut tables: HashMap<String, usize> = HashMap::new();
    for (i, s) in map.sources.iter().enumerate() {
        tables.entry(s.id.value.clone()).or_insert(i);
    }
    let mut merged: Vec<Option<usize>> = vec![None; map.sources.len()];
    let mut added = Vec::with_capacity(from_files.len());
    for mut entry in from_files {
        if let Some(&t) = tables.get(&entry.id.value)
            && merged.get(t).is_some_and(Option::is_none)
            && let Some(table) = map.sources.get(t)
        {
            fill(&mut entry, table, out);
            if let Some(slot) = merged.get_mut(t) {
                *slot = Some(added.len());
            }
        }
        added.push(entry);
    }
    let mut i = 0;
    map.sources.retain(|_| {
        let keep = merged.get(i).is_some_and(Option::is_none);
        i += 1;
        keep
    });
    map.sources.extend(added);
}

/// The fields of `table` (a `[sources.<key>]` table of the map) added to
/// `entry` (read from a file): each one the entry lacks, and a conflict
/// for each one it has.
fn fill(entry: &mut Source, table: &Source, out: &mut Vec<Diagnostic>) {
    if let Some(from) = &mut entry.from {
        from.table = Some(table.id.span.clone());
    }
    let id = entry.id.value.clone();
    let mut conflict = |key: &str, theirs: &Span, ours: &Span| {
        out.push(
            Diagnostic::new(
                Code::SourceFieldConflict,
                theirs.clone(),
                format!("`{key}` of source `{id}` is set both here and in its bibliography file"),
            )
            .with_label("this value is not used")
            .with_secondary(ours.clone(), "the bibliography file's value, which is used")
            .with_help(format!(
                "remove `{key}` from `[sources.{id}]`, or from the entry in the bibliography file"
            )),
        );
    };
    macro_rules! field {
        ($key:literal, $field:ident) => {
            match (&entry.$field, &table.$field) {
                (Some(ours), Some(theirs)) => conflict($key, &theirs.span, &ours.span),
                (None, Some(theirs)) => entry.$field = Some(theirs.clone()),
                _ => {}
            }
        };
    }
    field!("title", title);
    field!("authors", authors);
    field!("year", year);
    field!("date", date);
    field!("kind", kind);
    field!("container", container);
    field!("volume", volume);
    field!("issue", issue);
    field!("pages", pages);
    field!("publisher", publisher);
    field!("url", url);
    field!("doi", doi);
    field!("isbn", isbn);
    field!("accessed", accessed);
    field!("cited-as", cited_as);
    field!("printed", printed);
    field!("text", text);
    field!("note", note);
    // A year in one place and a date in the other say the same thing twice.
    if let (Some(y), Some(d)) = (&table.year, &entry.date)
        && entry.year.as_ref().is_none_or(|e| e.span == y.span)
    {
        conflict("year", &y.span, &d.span);
        entry.year = None;
    }
    if let (Some(d), Some(y)) = (&table.date, &entry.year)
        && entry.date.as_ref().is_none_or(|e| e.span == d.span)
    {
        conflict("date", &d.span, &y.span);
        entry.date = None;
    }
    entry.miswritten.extend(table.miswritten.iter().copied());
}

/// The text of a person's name as argmap writes it: `Family, Given`, with
/// a particle before the family name (`von Neumann, John`) and a suffix
/// after it (`Ford, Jr., Henry`); an organisation's name whole.
fn person(prefix: &str, family: &str, suffix: &str, given: &str) -> String {
    let mut out = String::new();
    if !prefix.trim().is_empty() {
        out.push_str(prefix.trim());
        out.push(' ');
    }
    out.push_str(family.trim());
    if !suffix.trim().is_empty() {
        out.push_str(", ");
        out.push_str(suffix.trim());
    }
    if !given.trim().is_empty() {
        out.push_str(", ");
        out.push_str(given.trim());
    }
    out
}

/// A source `id` read from a file, when it is a usable source id; else
/// an `invalid-value` finding at `span`.
fn source_id(id: &str, span: Span, out: &mut Vec<Diagnostic>) -> Option<Sp<String>> {
    if crate::format::is_source_id(id) {
        return Some(Sp::new(id.to_owned(), span));
    }
    out.push(
        Diagnostic::new(
            Code::InvalidValue,
            span,
            format!(
                "citation key `{id}` is not a source id: source ids may use only ASCII letters, digits, `-`, `_`, `:`, `.`, `/` and `+`"
            ),
        )
        .with_label("not a valid id")
        .with_help("rename the key in the bibliography file; the entry is left out"),
    );
    None
}

/// A date from its year, month and day (from 1), as the model keeps it:
/// a `date` when all three are known, else a `year`.
fn date_or_year(year: i64, month: Option<i64>, day: Option<i64>, span: Span, source: &mut Source) {
    let date = match (month, day) {
        (Some(m), Some(d)) => i16::try_from(year)
            .ok()
            .zip(i8::try_from(m).ok())
            .zip(i8::try_from(d).ok())
            .and_then(|((y, m), d)| jiff::civil::Date::new(y, m, d).ok()),
        _ => None,
    };
    match date {
        Some(d) => source.date = Some(Sp::new(d, span)),
        None if (-9999..=9999).contains(&year) => source.year = Some(Sp::new(year, span)),
        None => {}
    }
}
