//! `check --format github`: each finding as a GitHub Actions workflow
//! command (`::error file=…,line=…,col=…,endLine=…,endColumn=…,title=CODE::…`),
//! which GitHub shows as an annotation on the line. Warnings are
//! `::warning`. The labels, notes and help that the terminal shows under a
//! finding are lines of the annotation's message, after the finding's own.
//! The summary lines follow as plain lines of the log.

use crate::diag::{Diagnostic, FileReport, Severity};

use super::human::{footer, one_line};

/// `value` escaped as GitHub reads a command's property: `%`, line breaks,
/// `:` and `,`.
pub fn escape_property(value: &str) -> String {
    escape_data(value).replace(':', "%3A").replace(',', "%2C")
}

/// `value` escaped as GitHub reads a command's message: `%` and line
/// breaks.
pub fn escape_data(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for c in value.chars() {
        match c {
            '%' => out.push_str("%25"),
            '\r' => out.push_str("%0D"),
            '\n' => out.push_str("%0A"),
            c => out.push(c),
        }
    }
    out
}

/// The message of one annotation: the finding's message, then each label
/// with its place (`--> maps/m.toml:12:9: first defined here`), each
/// note and the help, one a line. Line breaks of map text are shown as
/// `\n`, as in the terminal, so that the lines are argmap's own.
fn message(report: &FileReport, d: &Diagnostic) -> String {
    let mut lines = vec![one_line(&d.message).into_owned()];
    let mut place = |span: &crate::diag::Span, label: &str| {
        let (file, span) = report.locate(span);
        let (line, column) = file.line_col(span.start);
        lines.push(format!(
            "--> {}:{line}:{column}: {}",
            one_line(&file.name),
            one_line(label)
        ));
    };
    if let Some(label) = &d.label {
        place(&d.span, label);
    }
    for l in &d.secondary {
        place(&l.span, &l.message);
    }
    for note in d.shown_notes() {
        lines.push(format!("note: {}", one_line(&note)));
    }
    if let Some(help) = &d.help {
        lines.push(format!("help: {}", one_line(help)));
    }
    lines.join("\n")
}

/// One finding of `report` as one workflow command, on one line, on the
/// file its span is in (the map, or a bibliography file it names).
pub fn command(report: &FileReport, d: &Diagnostic) -> String {
    let kind = match d.severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
    };
    let (file, span) = report.locate(&d.span);
    let (line, column) = file.line_col(span.start);
    let (end_line, end_column) = file.line_col(span.end);
    format!(
        "::{kind} file={},line={line},col={column},endLine={end_line},endColumn={end_column},title={}::{}",
        escape_property(&file.name),
        escape_property(d.code.as_str()),
        escape_data(&message(report, d)),
    )
}

/// Every finding of `reports` as a workflow command, then (unless `quiet`)
/// the summary lines of the human output. With `quiet`, only errors.
pub fn render(reports: &[FileReport], quiet: bool) -> String {
    let mut out = String::new();
    for r in reports {
        for d in &r.diagnostics {
            if quiet && d.severity != Severity::Error {
                continue;
            }
            out.push_str(&command(r, d));
            out.push('\n');
        }
    }
    if !quiet {
        out.push_str(&footer(reports, true));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn properties_escape_what_ends_them_and_data_only_line_breaks() {
        assert_eq!(escape_property("a%b\r\nc:d,e"), "a%25b%0D%0Ac%3Ad%2Ce");
        assert_eq!(escape_data("a%b\r\nc:d,e"), "a%25b%0D%0Ac:d,e");
    }
}
