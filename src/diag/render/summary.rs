//! The short form of `check`'s human output: errors in full, warnings
//! counted by code and by section, the uncited claims of each section, and
//! what was not checked and why; and the statistics alone
//! (`check --statistics`).

use std::collections::BTreeMap;
use std::fmt::Write as _;

use super::human::{coverage_lines, footer, plural, render_one, renderer, summary_line};
use crate::diag::{Code, Diagnostic, FileReport, Severity, TextSummary, summarize};

/// Warnings from which `check` summarises them instead of showing each in
/// full: a page of findings is as many as a reader takes in.
pub const SUMMARISE_FROM: usize = 11;

/// A code with at most this many warnings has each listed on one line in
/// the summary; more are only counted.
pub const LIST_UP_TO: usize = 3;

/// Texts whose copy figures the summary shows one a line; more are folded
/// into one line.
const TEXTS_SHOWN: usize = 5;

/// Columns the line of a section's uncited claims fills before "and N
/// more".
const WIDTH: usize = 100;

/// Where a section's title starts in the table, and its uncited claims
/// under it.
const INDENT: usize = 29;

/// Codes that say something was not checked: the summary shows them,
/// with their note and help, under "not checked".
const NOT_CHECKED: &[Code] = &[Code::UncheckedQuotes];

/// How much of the findings `check` shows.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Show {
    /// Everything in full when there are few warnings, else
    /// [`Show::Summary`].
    #[default]
    Auto,
    /// Every finding in full.
    All,
    /// Errors in full; warnings counted by code and section.
    Summary,
    /// Only the counts, by code and by section.
    Statistics,
    /// Only the errors, in full, with no summary line.
    Errors,
}

impl Show {
    /// What `Auto` means for `reports`.
    pub fn resolve(self, reports: &[FileReport]) -> Show {
        match self {
            Show::Auto if summarize(reports).warnings >= SUMMARISE_FROM => Show::Summary,
            Show::Auto => Show::All,
            other => other,
        }
    }
}

/// Errors in full, then the warnings summarised, then the summary line.
pub fn render(reports: &[FileReport], color: bool) -> String {
    let renderer = renderer(color);
    let mut out = String::new();
    for r in reports {
        for d in r
            .diagnostics
            .iter()
            .filter(|d| d.severity == Severity::Error)
        {
            out.push_str(&render_one(&renderer, r, d));
            out.push_str("\n\n");
        }
    }
    let warnings = summarize(reports).warnings;
    if warnings > 0 {
        let _ = writeln!(
            out,
            "{}, summarised (`--all` shows each in full):\n",
            plural(warnings, "warning")
        );
        by_code(&mut out, reports, Severity::Warning, true);
        out.push('\n');
    }
    for r in reports {
        by_section(&mut out, r, reports.len() > 1, true);
    }
    not_checked(&mut out, reports);
    closing(&mut out, reports);
    out
}

/// The counts alone: findings of every level by code, then by section.
pub fn statistics(reports: &[FileReport]) -> String {
    let mut out = String::new();
    by_code(&mut out, reports, Severity::Error, false);
    by_code(&mut out, reports, Severity::Warning, false);
    if reports.iter().any(|r| !r.diagnostics.is_empty()) {
        out.push('\n');
    }
    for r in reports {
        by_section(&mut out, r, reports.len() > 1, false);
    }
    closing(&mut out, reports);
    out
}

/// `  74 uncited-claim warnings`, most frequent first; with `list`, the few
/// findings of a rare code each on a line of its own instead.
fn by_code(out: &mut String, reports: &[FileReport], severity: Severity, list: bool) {
    // Each finding with its report and the report's position.
    let mut codes: BTreeMap<Code, Vec<(usize, &FileReport, &Diagnostic)>> = BTreeMap::new();
    for (ri, r) in reports.iter().enumerate() {
        for d in r.diagnostics.iter().filter(|d| d.severity == severity) {
            codes.entry(d.code).or_default().push((ri, r, d));
        }
    }
    let mut codes: Vec<_> = codes.into_iter().collect();
    codes.sort_by(|a, b| {
        b.1.len()
            .cmp(&a.1.len())
            .then(a.0.as_str().cmp(b.0.as_str()))
    });
    for (code, found) in codes {
        let n = found.len();
        let name = code.as_str();
        let level = crate::english::noun_s(n, severity.as_str());
        if !list || NOT_CHECKED.contains(&code) {
            let tail = if list {
                "  (below, under not checked)"
            } else {
                ""
            };
            let _ = writeln!(out, "{n:>6} {name} {level}{tail}");
        } else if n <= LIST_UP_TO {
            for (_, r, d) in found {
                let (file, span) = r.locate(&d.span);
                let (line, column) = file.line_col(span.start);
                let _ = writeln!(
                    out,
                    "{:>6} {name} {}: {}:{line}:{column}: {}",
                    1,
                    severity.as_str(),
                    file.name,
                    one_line(&d.message)
                );
            }
        } else {
            let sections: std::collections::BTreeSet<(usize, usize)> = found
                .iter()
                .filter_map(|(ri, r, d)| {
                    let s = d.section?;
                    r.sections.get(s)?.id.as_ref()?;
                    Some((*ri, s))
                })
                .collect();
            let elsewhere = found.iter().any(|(_, r, d)| {
                d.section
                    .and_then(|s| r.sections.get(s))
                    .is_none_or(|s| s.id.is_none())
            });
            let place = match (sections.len(), elsewhere) {
                (0, _) => String::new(),
                (i, false) => format!(": in {}, listed by section below", plural(i, "section")),
                (i, true) => format!(
                    ": in {} and outside them, listed by section below",
                    plural(i, "section")
                ),
            };
            let _ = writeln!(out, "{n:>6} {name} {level}{place}");
        }
    }
}

/// A table of the map's sections: claims, uncited claims, warnings and
/// errors in each; with `ids`, the uncited claims' ids under each row.
fn by_section(out: &mut String, r: &FileReport, name: bool, ids: bool) {
    if r.sections.is_empty() {
        return;
    }
    if r.sections.iter().all(|s| s.id.is_none()) {
        // No sections: no table, only the uncited claims.
        let uncited = r.sections.iter().flat_map(|s| &s.uncited);
        let uncited: Vec<String> = uncited.cloned().collect();
        if ids && !uncited.is_empty() {
            if name {
                let _ = writeln!(out, "{}:", r.file.name);
            }
            let _ = writeln!(out, "{}\n", uncited_line(&uncited, 0));
        }
        return;
    }
    let mut warnings = vec![0usize; r.sections.len() + 1];
    let mut errors = vec![0usize; r.sections.len() + 1];
    let outside = r.sections.len();
    for d in &r.diagnostics {
        let row = d.section.filter(|s| *s < outside).unwrap_or(outside);
        let counts = match d.severity {
            Severity::Error => &mut errors,
            Severity::Warning => &mut warnings,
        };
        if let Some(c) = counts.get_mut(row) {
            *c += 1;
        }
    }
    if name {
        let _ = writeln!(out, "{}:", r.file.name);
    }
    let _ = writeln!(out, "claims uncited warnings errors  section");
    for (row, s) in r.sections.iter().enumerate() {
        let (w, e) = (
            warnings.get(row).copied().unwrap_or_default(),
            errors.get(row).copied().unwrap_or_default(),
        );
        let _ = writeln!(
            out,
            "{:>6} {:>7} {w:>8} {e:>6}  {}",
            s.claims,
            s.uncited.len(),
            one_line(&s.title)
        );
        if ids && !s.uncited.is_empty() {
            let _ = writeln!(out, "{:INDENT$}{}", "", uncited_line(&s.uncited, INDENT));
        }
    }
    let (w, e) = (
        warnings.get(outside).copied().unwrap_or_default(),
        errors.get(outside).copied().unwrap_or_default(),
    );
    if w + e > 0 {
        let _ = writeln!(
            out,
            "{:>6} {:>7} {w:>8} {e:>6}  outside the sections ([map], [sources], ...)",
            "", ""
        );
    }
    out.push('\n');
}

/// `uncited: `a`, `b` and 5 more`, as many ids as fit in [`WIDTH`].
fn uncited_line(ids: &[String], indent: usize) -> String {
    let mut line = "uncited: ".to_owned();
    for (shown, id) in ids.iter().enumerate() {
        let left = ids.len() - shown - 1;
        let more = if left > 0 {
            format!(" and {left} more")
        } else {
            String::new()
        };
        let sep = if shown == 0 { "" } else { ", " };
        let item = format!("{sep}`{}`", one_line(id));
        if shown > 0 && indent + line.len() + item.len() + more.len() > WIDTH {
            let _ = write!(line, " and {} more", ids.len() - shown);
            return line;
        }
        line.push_str(&item);
    }
    line
}

/// What was not checked, and why: the findings of [`NOT_CHECKED`] codes,
/// each with its notes and help.
fn not_checked(out: &mut String, reports: &[FileReport]) {
    let found: Vec<(&FileReport, &Diagnostic)> = reports
        .iter()
        .flat_map(|r| r.diagnostics.iter().map(move |d| (r, d)))
        .filter(|(_, d)| NOT_CHECKED.contains(&d.code) && d.severity == Severity::Warning)
        .collect();
    if found.is_empty() {
        return;
    }
    let _ = writeln!(out, "not checked:");
    for (r, d) in found {
        let (file, span) = r.locate(&d.span);
        let (line, column) = file.line_col(span.start);
        let _ = writeln!(
            out,
            "  {}:{line}:{column}: {}",
            file.name,
            one_line(&d.message)
        );
        for note in d.shown_notes() {
            let _ = writeln!(out, "    note: {}", one_line(&note));
        }
        if let Some(help) = &d.help {
            let _ = writeln!(out, "    help: {}", one_line(help));
        }
    }
    out.push('\n');
}

/// The copy figures of each text, then the closing count.
/// With more than [`TEXTS_SHOWN`] texts, one line names the most quoted and
/// the most copied of them instead of a line for each.
fn closing(out: &mut String, reports: &[FileReport]) {
    let texts: Vec<&TextSummary> = reports.iter().flat_map(|r| &r.texts).collect();
    let most = |key: fn(&TextSummary) -> f64| {
        texts
            .iter()
            .copied()
            // The first of the highest.
            .min_by(|a, b| key(b).total_cmp(&key(a)))
    };
    match (most(|t| t.quoted_percent), most(|t| t.covered_8_percent)) {
        (Some(quoted), Some(copied)) if texts.len() > TEXTS_SHOWN => {
            let copying = if copied.covered_8_percent > 0.0 {
                format!(
                    "the most copied `{}` (runs of 8+ words cover {:.1}% of it)",
                    one_line(&copied.source),
                    copied.covered_8_percent
                )
            } else {
                "none shares a run of 8+ words with the map".to_owned()
            };
            let _ = writeln!(
                out,
                "{} read: the most quoted is `{}` ({:.1}% of its words, limit {}%), {copying}; `--all` shows each",
                plural(texts.len(), "text"),
                one_line(&quoted.source),
                quoted.quoted_percent,
                quoted.quoted_limit_percent,
            );
            coverage_lines(out, reports);
            out.push_str(&summary_line(&summarize(reports)));
            out.push('\n');
        }
        _ => out.push_str(&footer(reports, false)),
    }
}

/// `text` on one line: control characters made visible, line breaks as
/// spaces.
fn one_line(text: &str) -> String {
    crate::wrap::clean(text).replace('\n', " ")
}
