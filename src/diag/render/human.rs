//! rustc-style human output: the message, the offending lines with a caret
//! under the exact span, labels, notes, help, and a closing summary line.

use annotate_snippets::{AnnotationKind, Group, Level, Origin, Renderer, Snippet};

use crate::diag::{Diagnostic, FileReport, Severity, SourceFile, Span, Summary, summarize};

/// Lines between two locations of one finding shown in a single excerpt.
const CLUSTER_GAP: usize = 4;
/// Longest span shown whole; longer spans are shown by their first line.
const MAX_SPAN_LINES: usize = 6;

/// Renders every finding of `reports`, then (unless `quiet`) the summary.
/// With `color`, the text carries ANSI styles; strip them with anstream
/// where the terminal does not want them.
pub fn render(reports: &[FileReport], color: bool, quiet: bool) -> String {
    let renderer = if color {
        Renderer::styled()
    } else {
        Renderer::plain()
    };
    let mut out = String::new();
    for r in reports {
        for d in &r.diagnostics {
            if quiet && d.severity != Severity::Error {
                continue;
            }
            out.push_str(&render_one(&renderer, &r.file, d));
            out.push_str("\n\n");
        }
    }
    if !quiet {
        out.push_str(&summary_line(&summarize(reports)));
        out.push('\n');
    }
    out
}

/// The closing line: `checked 1 map (7 claims, 1 source): 2 errors, 1 warning`.
pub fn summary_line(s: &Summary) -> String {
    let found = match (s.errors, s.warnings) {
        (0, 0) => "no problems found".to_owned(),
        (e, 0) => plural(e, "error"),
        (0, w) => plural(w, "warning"),
        (e, w) => format!("{}, {}", plural(e, "error"), plural(w, "warning")),
    };
    format!(
        "checked {} ({}, {}): {found}",
        plural(s.maps, "map"),
        plural(s.claims, "claim"),
        plural(s.sources, "source"),
    )
}

fn plural(n: usize, noun: &str) -> String {
    format!("{n} {noun}{}", if n == 1 { "" } else { "s" })
}

struct Mark<'a> {
    span: Span,
    primary: bool,
    label: Option<&'a str>,
}

/// One finding as text.
pub fn render_one(renderer: &Renderer, file: &SourceFile, d: &Diagnostic) -> String {
    let level = match d.severity {
        Severity::Error => Level::ERROR,
        Severity::Warning => Level::WARNING,
    };
    let mut marks = vec![Mark {
        span: d.span.clone(),
        primary: true,
        label: d.label.as_deref(),
    }];
    marks.extend(d.secondary.iter().map(|l| Mark {
        span: l.span.clone(),
        primary: false,
        label: Some(&l.message),
    }));
    let mut group = Group::with_title(level.primary_title(&d.message).id(d.code));
    if file.text.is_empty() {
        group = group.element(Origin::path(&file.name).line(1).char_column(1));
    } else {
        for cluster in clusters(file, marks) {
            group = group.element(snippet(file, cluster));
        }
    }
    for note in &d.notes {
        group = group.element(Level::NOTE.message(note));
    }
    if let Some(help) = &d.help {
        group = group.element(Level::HELP.message(help));
    }
    let report: [Group<'_>; 1] = [group];
    renderer.render(&report)
}

/// Marks grouped into excerpts of nearby lines; the primary's excerpt first.
fn clusters<'a>(file: &SourceFile, marks: Vec<Mark<'a>>) -> Vec<Vec<Mark<'a>>> {
    let mut marks: Vec<Mark<'a>> = marks
        .into_iter()
        .map(|mut m| {
            let start = file.clamp(m.span.start);
            let mut end = file.clamp(m.span.end.max(start));
            let first = file.line_index(start);
            if file.line_index(end) >= first + MAX_SPAN_LINES {
                end = file.line_range(first).end.max(start);
            }
            m.span = start..end;
            m
        })
        .collect();
    marks.sort_by_key(|m| m.span.start);
    let mut out: Vec<Vec<Mark<'a>>> = Vec::new();
    let mut last_line = 0;
    for m in marks {
        let first = file.line_index(m.span.start);
        let end_line = file.line_index(m.span.end);
        match out.last_mut() {
            Some(c) if first <= last_line + CLUSTER_GAP => c.push(m),
            _ => out.push(vec![m]),
        }
        last_line = last_line.max(end_line);
        if out.last().is_some_and(|c| c.len() == 1) {
            last_line = end_line;
        }
    }
    out.sort_by_key(|c| !c.iter().any(|m| m.primary));
    out
}

fn snippet<'a>(
    file: &'a SourceFile,
    cluster: Vec<Mark<'a>>,
) -> Snippet<'a, annotate_snippets::Annotation<'a>> {
    let first = cluster.iter().map(|m| m.span.start).min().unwrap_or(0);
    let last = cluster.iter().map(|m| m.span.end).max().unwrap_or(0);
    let first_line = file.line_index(first);
    let window = file.line_range(first_line).start..file.line_range(file.line_index(last)).end;
    let text = file.text.get(window.clone()).unwrap_or("");
    let mut s = Snippet::source(text)
        .line_start(first_line + 1)
        .path(file.name.as_str());
    for m in cluster {
        let start = m.span.start.saturating_sub(window.start).min(text.len());
        let end = m
            .span
            .end
            .saturating_sub(window.start)
            .clamp(start, text.len());
        let kind = if m.primary {
            AnnotationKind::Primary
        } else {
            AnnotationKind::Context
        };
        let mut a = kind.span(start..end);
        if let Some(label) = m.label {
            a = a.label(label);
        }
        s = s.annotation(a);
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn summary_counts_agree_in_number() {
        let s = Summary {
            maps: 1,
            claims: 1,
            sources: 2,
            errors: 0,
            warnings: 1,
        };
        assert_eq!(
            summary_line(&s),
            "checked 1 map (1 claim, 2 sources): 1 warning"
        );
    }
}
