//! The JSON report of `check --format json`, as the format spec defines it.

use serde::Serialize;

use crate::diag::{FileReport, Summary, TextSummary, summarize};

#[derive(Serialize)]
struct Report<'a> {
    summary: Summary,
    diagnostics: Vec<Item<'a>>,
    /// What each map reproduces of each source text read (absent when no
    /// text was read).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    texts: Vec<Text<'a>>,
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
    file: &'a str,
    line: usize,
    column: usize,
    end_line: usize,
    end_column: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    help: Option<&'a str>,
}

/// The whole report as one pretty-printed JSON object.
pub fn render(reports: &[FileReport]) -> String {
    let mut diagnostics = Vec::new();
    for r in reports {
        for d in &r.diagnostics {
            let (line, column) = r.file.line_col(d.span.start);
            let (end_line, end_column) = r.file.line_col(d.span.end.max(d.span.start));
            diagnostics.push(Item {
                code: d.code.as_str(),
                severity: d.severity.as_str(),
                message: &d.message,
                file: &r.file.name,
                line,
                column,
                end_line,
                end_column,
                help: d.help.as_deref(),
            });
        }
    }
    let texts = reports
        .iter()
        .flat_map(|r| {
            r.texts.iter().map(|t| Text {
                file: &r.file.name,
                figures: t,
            })
        })
        .collect();
    let report = Report {
        summary: summarize(reports),
        diagnostics,
        texts,
    };
    // Serializing plain structs of strings and integers cannot fail.
    serde_json::to_string_pretty(&report).unwrap_or_default() + "\n"
}
