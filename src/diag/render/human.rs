//! rustc-style human output: the message, the offending lines with a caret
//! under the exact span, labels, notes, help, and a closing summary line.

use annotate_snippets::{AnnotationKind, Group, Level, Origin, Renderer, Snippet};

use crate::diag::{
    Diagnostic, DocumentCoverage, FileReport, Severity, SourceFile, Span, Summary, TextSummary,
    summarize,
};

/// Lines between two locations of one finding shown in a single excerpt.
const CLUSTER_GAP: usize = 4;
/// Longest span shown whole; longer spans are shown by their first line.
const MAX_SPAN_LINES: usize = 6;
/// Longest excerpt, in bytes, shown as it is. A longer one (a generated or
/// minified line) is cut around each mark, so that showing many findings on
/// one long line takes time in proportion to their number only.
const MAX_EXCERPT: usize = 4096;
/// Bytes kept on each side of a mark, and of a long mark, in a cut excerpt.
const CUT_CONTEXT: usize = 256;

/// Renders every finding of `reports`, then (unless `quiet`) the summary.
/// With `color`, the text carries ANSI styles; strip them with anstream
/// where the terminal does not want them.
pub fn render(reports: &[FileReport], color: bool, quiet: bool) -> String {
    let renderer = renderer(color);
    let mut out = String::new();
    for r in reports {
        for d in &r.diagnostics {
            if quiet && d.severity != Severity::Error {
                continue;
            }
            out.push_str(&render_one(&renderer, r, d));
            out.push_str("\n\n");
        }
    }
    if !quiet {
        out.push_str(&footer(reports, true));
    }
    out
}

/// The renderer of excerpts: styled with ANSI colours, or plain.
pub(crate) fn renderer(color: bool) -> Renderer {
    if color {
        Renderer::styled()
    } else {
        Renderer::plain()
    }
}

/// The lines after the findings: each text's copy figures, each
/// document's coverage, the count per code (with `by_code`, when there are
/// many findings) and the summary line.
pub(crate) fn footer(reports: &[FileReport], by_code: bool) -> String {
    let mut out = String::new();
    for t in reports.iter().flat_map(|r| &r.texts) {
        out.push_str(&text_line(t));
        out.push('\n');
    }
    coverage_lines(&mut out, reports);
    if let Some(line) = by_code.then(|| by_code_line(reports)).flatten() {
        out.push_str(&line);
        out.push('\n');
    }
    out.push_str(&summary_line(&summarize(reports)));
    out.push('\n');
    out
}

/// Findings from which a long run gets a count per code before its summary.
pub const BY_CODE_FROM: usize = 10;

/// `by code: 81 uncited-claim, 4 unanswered-counterpoint, 1 invalid-url`,
/// most frequent first, when there are at least [`BY_CODE_FROM`] findings:
/// a long run scrolls off the screen, and this line says what it held.
pub fn by_code_line(reports: &[FileReport]) -> Option<String> {
    let mut counts: std::collections::BTreeMap<&str, usize> = std::collections::BTreeMap::new();
    let mut total = 0;
    for d in reports.iter().flat_map(|r| &r.diagnostics) {
        *counts.entry(d.code.as_str()).or_default() += 1;
        total += 1;
    }
    if total < BY_CODE_FROM {
        return None;
    }
    let mut counts: Vec<(&str, usize)> = counts.into_iter().collect();
    counts.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    let parts: Vec<String> = counts.iter().map(|(c, n)| format!("{n} {c}")).collect();
    Some(format!("by code: {}", parts.join(", ")))
}

/// What a map reproduces of one text: `text `doc` (doc.txt, 2208
/// words): quoted 151 words (6.8%, limit 10%); shared runs of 8+ words
/// cover 0.0% of it, of 6+ words 2.4%; longest run 6 words, in
/// `claims.x.anchor.quote``.
pub fn text_line(t: &TextSummary) -> String {
    let longest = match &t.longest_in {
        Some(field) => format!("longest run {} words, in `{field}`", t.longest_run),
        None => "no run of 6+ words".to_owned(),
    };
    format!(
        "text `{}` ({}, {}): quoted {} ({:.1}%, limit {}%); shared runs of 8+ words cover {:.1}% of it, of 6+ words {:.1}%; {longest}",
        t.source,
        t.path,
        plural(t.words, "word"),
        plural(t.quoted_words, "word"),
        t.quoted_percent,
        t.quoted_limit_percent,
        t.covered_8_percent,
        t.covered_6_percent,
    )
}

/// A line per map whose document's text was read: `document `doc`
/// (doc.txt): 20 of 23 body paragraphs anchored (87.0%)`.
pub(crate) fn coverage_lines(out: &mut String, reports: &[FileReport]) {
    for c in reports.iter().filter_map(|r| r.coverage.as_ref()) {
        out.push_str(&coverage_line(c));
        out.push('\n');
    }
}

/// What a map's claims' anchors cover of its document: `document `doc`
/// (doc.txt): 20 of 23 body paragraphs anchored (87.0%)`.
pub fn coverage_line(c: &DocumentCoverage) -> String {
    let front = match c.front_matter {
        0 => String::new(),
        n => format!(
            "; {} before the first heading not counted",
            plural(n, "paragraph")
        ),
    };
    match c.paragraphs {
        0 => format!(
            "document `{}` ({}): no body paragraph to anchor{front}",
            c.source, c.path
        ),
        n => format!(
            "document `{}` ({}): {} of {} anchored ({:.1}%){front}",
            c.source,
            c.path,
            c.anchored,
            plural(n, "body paragraph"),
            c.anchored_percent
        ),
    }
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

pub(crate) use crate::english::count as plural;

struct Mark<'a> {
    span: Span,
    primary: bool,
    label: Option<&'a str>,
}

/// One finding of `report` as text: excerpts of each file its marks are
/// in (the map, or a bibliography file it names), the primary's first.
pub fn render_one(renderer: &Renderer, report: &FileReport, d: &Diagnostic) -> String {
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
    let mut group = Group::with_title(
        level
            .primary_title(one_line(&d.message))
            .id(d.code.as_str()),
    );
    let mut by_file: Vec<(&SourceFile, Vec<Mark<'_>>)> = Vec::new();
    for m in marks {
        let (file, span) = report.locate(&m.span);
        let m = Mark { span, ..m };
        match by_file.iter_mut().find(|(f, _)| std::ptr::eq(*f, file)) {
            Some((_, ms)) => ms.push(m),
            None => by_file.push((file, vec![m])),
        }
    }
    by_file.sort_by_key(|(_, ms)| !ms.iter().any(|m| m.primary));
    let mut cut = false;
    for (file, marks) in by_file {
        if file.text.is_empty() {
            group = group.element(Origin::path(&file.name).line(1).char_column(1));
            continue;
        }
        for cluster in clusters(file, marks) {
            if excerpt(file, &cluster).len() <= MAX_EXCERPT {
                group = group.element(snippet(file, cluster));
            } else {
                for m in cluster {
                    let (origin, excerpt) = cut_snippet(file, m);
                    group = group.element(origin).element(excerpt);
                    cut = true;
                }
            }
        }
    }
    let notes = d.shown_notes();
    for note in &notes {
        group = group.element(Level::NOTE.message(one_line(note)));
    }
    if let Some(help) = &d.help {
        group = group.element(Level::HELP.message(one_line(help)));
    }
    let report: [Group<'_>; 1] = [group];
    let out = renderer.render(&report);
    if !cut {
        return out;
    }
    // A cut excerpt has no path of its own (its location comes first, from
    // an `Origin`), for which the renderer draws an empty ` ::: ` line.
    out.lines()
        .filter(|l| strip_styles(l).trim() != ":::")
        .collect::<Vec<_>>()
        .join("\n")
}

/// `text` on one line: line breaks from map text (an id or a value
/// quoted in a message) shown as `\n` and `\r`, so that a message cannot
/// pose as another line of output.
pub fn one_line(text: &str) -> std::borrow::Cow<'_, str> {
    if text.contains(['\n', '\r']) {
        text.replace('\n', "\\n").replace('\r', "\\r").into()
    } else {
        text.into()
    }
}

/// `line` without ANSI escape sequences.
fn strip_styles(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    let mut chars = line.chars();
    while let Some(c) = chars.next() {
        if c == '\u{1b}' {
            // CSI: ESC [ parameters, ended by a letter.
            for c in chars.by_ref() {
                if c.is_ascii_alphabetic() {
                    break;
                }
            }
        } else {
            out.push(c);
        }
    }
    out
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
    for c in &mut out {
        c.sort_by_key(|m| !m.primary);
    }
    out
}

/// The whole lines a cluster of marks covers.
fn excerpt(file: &SourceFile, cluster: &[Mark<'_>]) -> Span {
    let first = cluster.iter().map(|m| m.span.start).min().unwrap_or(0);
    let last = cluster.iter().map(|m| m.span.end).max().unwrap_or(0);
    file.line_range(file.line_index(first)).start..file.line_range(file.line_index(last)).end
}

/// One mark on a long line: its location, and an excerpt of the line cut
/// to [`CUT_CONTEXT`] bytes around it.
fn cut_snippet<'a>(
    file: &'a SourceFile,
    m: Mark<'a>,
) -> (Origin<'a>, Snippet<'a, annotate_snippets::Annotation<'a>>) {
    let (line, column) = file.line_col(m.span.start);
    let range = file.line_range(line.saturating_sub(1));
    let start = m.span.start.clamp(range.start, range.end);
    let end = file.clamp(
        m.span
            .end
            .min(range.end)
            .min(start + CUT_CONTEXT)
            .max(start),
    );
    let lo = file.clamp(start.saturating_sub(CUT_CONTEXT).max(range.start));
    let hi = file.clamp(end.saturating_add(CUT_CONTEXT).min(range.end));
    let text = file.text.get(lo..hi).unwrap_or("");
    let kind = if m.primary {
        AnnotationKind::Primary
    } else {
        AnnotationKind::Context
    };
    let mut a = kind.span(start - lo..end - lo);
    if let Some(label) = m.label {
        a = a.label(one_line(label));
    }
    let origin = Origin::path(file.name.as_str())
        .line(line)
        .char_column(column);
    (origin, Snippet::source(text).line_start(line).annotation(a))
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
            a = a.label(one_line(label));
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
