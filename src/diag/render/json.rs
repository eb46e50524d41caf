//! The JSON report of `check --format json`: every finding with all that
//! the terminal shows of it (label, notes, help, related locations), the
//! fixes a tool can apply, and the closest passage of a quote that is not in
//! its text, as data. docs/map-format.md ("Machine-readable output")
//! documents the shape; [`VERSION`] versions it.

use std::borrow::Cow;

use serde::Serialize;

use crate::diag::{
    Closest, Diagnostic, DocumentCoverage, FileReport, Side, Span, Summary, TextSummary, summarize,
};

/// The value of `"version"`. It changes only when a key changes meaning or
/// goes away; keys may be added within a version.
pub const VERSION: u32 = 1;

#[derive(Serialize)]
struct Report<'a> {
    version: u32,
    summary: Summary,
    diagnostics: Vec<Item<'a>>,
    /// What each map reproduces of each source text read (absent when no
    /// text was read).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    texts: Vec<Text<'a>>,
    /// How much of each map's document its anchors cover (absent when no
    /// document's text was read).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    coverage: Vec<Coverage<'a>>,
}

#[derive(Serialize)]
struct Coverage<'a> {
    file: &'a str,
    #[serde(flatten)]
    figures: &'a DocumentCoverage,
}

#[derive(Serialize)]
struct Text<'a> {
    file: &'a str,
    #[serde(flatten)]
    figures: &'a TextSummary,
}

#[derive(Serialize)]
struct Item<'a> {
    code: &'a str,
    severity: &'a str,
    message: &'a str,
    #[serde(flatten)]
    at: Place<'a>,
    /// The id of the map section the finding is in, when it is in one.
    #[serde(skip_serializing_if = "Option::is_none")]
    section: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    label: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    help: Option<&'a str>,
    notes: Vec<Cow<'a, str>>,
    related: Vec<Related<'a>>,
    suggestions: Vec<Fix<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    closest: Option<Passage<'a>>,
}

/// A span of a map file, or of a file it names: where it starts and ends,
/// as line and column (1-based, columns in characters) and as byte offsets
/// in the file.
#[derive(Serialize)]
struct Place<'a> {
    file: &'a str,
    /// The map, when `file` is another file (a bibliography file it names).
    #[serde(skip_serializing_if = "Option::is_none")]
    map: Option<&'a str>,
    line: usize,
    column: usize,
    end_line: usize,
    end_column: usize,
    offset: usize,
    end_offset: usize,
}

impl<'a> Place<'a> {
    fn of(report: &'a FileReport, span: &Span) -> Self {
        let (file, span) = report.locate(span);
        let start = file.clamp(span.start);
        let end = file.clamp(span.end.max(span.start));
        let (line, column) = file.line_col(start);
        let (end_line, end_column) = file.line_col(end);
        Place {
            file: &file.name,
            map: (!std::ptr::eq(file, &report.file)).then_some(report.file.name.as_str()),
            line,
            column,
            end_line,
            end_column,
            offset: file.file_offset(start),
            end_offset: file.file_offset(end),
        }
    }
}

#[derive(Serialize)]
struct Related<'a> {
    message: &'a str,
    #[serde(flatten)]
    at: Place<'a>,
}

#[derive(Serialize)]
struct Fix<'a> {
    replacement: &'a str,
    #[serde(flatten)]
    at: Place<'a>,
}

/// The closest passage to a quote, as data (SARIF's results carry it too).
#[derive(Serialize)]
pub(crate) struct Passage<'a> {
    file: &'a str,
    line: usize,
    passage: &'a str,
    passage_truncated: bool,
    words_agree: bool,
    diff: Vec<Word<'a>>,
    diff_truncated: bool,
}

#[derive(Serialize)]
pub(crate) struct Word<'a> {
    word: &'a str,
    #[serde(rename = "in")]
    side: &'static str,
}

impl<'a> Passage<'a> {
    pub(crate) fn of(c: &'a Closest) -> Self {
        Passage {
            file: &c.path,
            line: c.line,
            passage: &c.passage,
            passage_truncated: c.passage_truncated,
            words_agree: c.words_agree,
            diff: c
                .diff
                .iter()
                .map(|w| Word {
                    word: &w.word,
                    side: match w.side {
                        Side::Both => "both",
                        Side::Quote => "quote",
                        Side::Text => "text",
                    },
                })
                .collect(),
            diff_truncated: c.diff_truncated,
        }
    }
}

fn item<'a>(report: &'a FileReport, d: &'a Diagnostic) -> Item<'a> {
    let file = report;
    Item {
        code: d.code.as_str(),
        severity: d.severity.as_str(),
        message: &d.message,
        at: Place::of(file, &d.span),
        section: d
            .section
            .and_then(|s| report.sections.get(s))
            .and_then(|s| s.id.as_deref()),
        label: d.label.as_deref(),
        help: d.help.as_deref(),
        notes: d.shown_notes(),
        related: d
            .secondary
            .iter()
            .map(|l| Related {
                message: &l.message,
                at: Place::of(file, &l.span),
            })
            .collect(),
        suggestions: d
            .suggestions
            .iter()
            .map(|s| Fix {
                replacement: &s.replacement,
                at: Place::of(file, &s.span),
            })
            .collect(),
        closest: d.closest.as_deref().map(Passage::of),
    }
}

/// The whole report as one pretty-printed JSON object.
pub fn render(reports: &[FileReport]) -> String {
    let diagnostics = reports
        .iter()
        .flat_map(|r| r.diagnostics.iter().map(move |d| item(r, d)))
        .collect();
    let texts = reports
        .iter()
        .flat_map(|r| {
            r.texts.iter().map(|t| Text {
                file: &r.file.name,
                figures: t,
            })
        })
        .collect();
    let coverage = reports
        .iter()
        .filter_map(|r| {
            r.coverage.as_ref().map(|c| Coverage {
                file: &r.file.name,
                figures: c,
            })
        })
        .collect();
    let report = Report {
        version: VERSION,
        summary: summarize(reports),
        diagnostics,
        texts,
        coverage,
    };
    // Serializing plain structs of strings and integers cannot fail.
    serde_json::to_string_pretty(&report).unwrap_or_default() + "\n"
}
