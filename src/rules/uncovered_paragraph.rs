//! `uncovered-paragraph`: body paragraphs of the map's document that no
//! claim's anchor locates, one finding per map section (and one for the
//! headings no section maps).

use super::Context;
use crate::coverage::Unit;
use crate::diag::{Code, Diagnostic, Level};
use crate::document::Document;
use crate::english::{count, either, list, numbers};

declare_rule! {
    /// ## What it finds
    /// Paragraphs of the body of the map's `document` (before its reference
    /// list) that no claim's `anchor` locates, by `para` or by a `quote`
    /// found in the paragraph. It runs when the document's text is supplied
    /// (`text =` or `--text`), and reports, without a finding per
    /// paragraph:
    /// - one finding per map section whose heading in the document has
    ///   uncovered paragraphs, at the section's `heading` (or `title`),
    ///   naming their numbers under the heading and the lines where they
    ///   begin;
    /// - one finding, at `[map] document`, for the headings of the body that
    ///   no map section has, naming each with its uncovered paragraphs;
    /// - one finding, at `[map] document`, when no claim's anchor locates
    ///   any paragraph of the body, or for a body without headings.
    ///
    /// When the body has headings, the paragraphs before the first of them
    /// (a title page, an abstract, the author's name) are front matter and
    /// are not counted. `argmap check` prints the share of the body's
    /// paragraphs that are anchored, and the report lists the uncovered
    /// ones heading by heading.
    ///
    /// ## Why it matters
    /// A map is a reading of its document. A paragraph that no claim comes
    /// from is a part of the argument the map leaves out, or a claim whose
    /// anchor was never written: either way, a reader cannot tell from the
    /// map that the document says more.
    ///
    /// ## Example
    /// ```toml
    /// [map]
    /// title = "Why the harbour bridge should be rebuilt"
    /// document = "survey"
    ///
    /// [sections.findings]
    /// title = "Findings"
    ///
    /// [claims.corrosion]
    /// text = "The railings have rusted through"
    /// section = "findings"
    /// anchor = { para = 2 }
    /// ```
    /// where the survey's "Findings" heading has three paragraphs: the
    /// first and the third are anchored by no claim.
    ///
    /// ## Fix
    /// Map what each paragraph states as a claim of the section, anchored
    /// with `anchor = { para = N }`, or add to an existing claim's anchor
    /// the paragraph it comes from. When a paragraph states nothing worth
    /// mapping (a transition, an aside), allow the code for the map
    /// (`[lints] uncovered-paragraph = "allow"`).
    pub static RULE = Rule {
        code: Code::UncoveredParagraph,
        default_level: Level::Warn,
        summary: "body paragraphs of the document that no claim's anchor locates",
        check: Some(check),
        reads: super::Reads::Texts,
    };
}

/// Headings one finding names before "and N more".
const HEADINGS_SHOWN: usize = 5;

/// Lines a note gives before "and N more".
const LINES_SHOWN: usize = 5;

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let Some((text, doc)) = cx.document() else {
        return; // no text: `unchecked-quotes`
    };
    let Some(document) = &cx.map.meta.document else {
        return;
    };
    let cov = cx.coverage;
    if cov.counted == cov.anchored {
        return;
    }
    let id = document.value.as_str();
    let at = document.span.clone();
    if cov.anchored == 0 {
        let message = match cov.counted {
            1 => format!("the one body paragraph of `{id}` is anchored by no claim"),
            n => format!("none of the {n} body paragraphs of `{id}` is anchored by a claim"),
        };
        out.push(
            Diagnostic::new(Code::UncoveredParagraph, at, message)
                .with_label("no claim's anchor locates a paragraph of this document")
                .with_help(
                    "give each claim an `anchor` where the document states it: `anchor = { para = N }` under its section's heading",
                ),
        );
        return;
    }
    let mut unmapped: Vec<&Unit> = Vec::new();
    for unit in cov.units.iter().filter(|u| !u.uncovered.is_empty()) {
        let Some(h) = unit.heading else {
            out.push(headingless(unit, doc, id, &text.path, at.clone()));
            continue;
        };
        let section = unit.section.and_then(|s| cx.map.sections.get(s));
        let (Some(section), Some(heading)) = (section, doc.headings.get(h)) else {
            unmapped.push(unit);
            continue;
        };
        let Some(key) = section.document_heading() else {
            continue;
        };
        let n = unit.uncovered.len();
        let message = if n == unit.paragraphs && n > 1 {
            format!(
                "none of the {n} paragraphs of section `{}` (\u{201c}{}\u{201d}) is anchored by a claim",
                section.id.value, heading.text
            )
        } else {
            format!(
                "{} of section `{}` (\u{201c}{}\u{201d}) {} anchored by no claim",
                paragraphs(&numbers_of(doc, &unit.uncovered)),
                section.id.value,
                heading.text,
                either(n, "is", "are")
            )
        };
        out.push(
            Diagnostic::new(Code::UncoveredParagraph, key.span.clone(), message)
                .with_label(format!(
                    "{} of its {} anchored",
                    unit.paragraphs - n,
                    count(unit.paragraphs, "paragraph")
                ))
                .with_note(lines(doc, &unit.uncovered, &text.path))
                .with_help(format!(
                    "map what each states as a claim of section `{}` with `anchor = {{ para = N }}`",
                    section.id.value
                )),
        );
    }
    if !unmapped.is_empty() {
        out.push(unmapped_headings(&unmapped, doc, id, &text.path, at));
    }
}

/// The finding for a body without headings.
fn headingless(
    unit: &Unit,
    doc: &Document,
    id: &str,
    path: &str,
    at: crate::diag::Span,
) -> Diagnostic {
    let n = unit.uncovered.len();
    Diagnostic::new(
        Code::UncoveredParagraph,
        at,
        format!(
            "{} of `{id}` {} anchored by no claim",
            paragraphs(&numbers_of(doc, &unit.uncovered)),
            either(n, "is", "are")
        ),
    )
    .with_label(format!(
        "{} of its {} anchored",
        unit.paragraphs - n,
        count(unit.paragraphs, "body paragraph")
    ))
    .with_note(format!(
        "`{id}` has no headings: its paragraphs are counted from the start of the text"
    ))
    .with_note(lines(doc, &unit.uncovered, path))
    .with_help("map what each states as a claim with `anchor = { para = N }`")
}

/// The finding for the headings of the body that no map section has.
fn unmapped_headings(
    units: &[&Unit],
    doc: &Document,
    id: &str,
    path: &str,
    at: crate::diag::Span,
) -> Diagnostic {
    let uncovered: usize = units.iter().map(|u| u.uncovered.len()).sum();
    let mut named: Vec<String> = units
        .iter()
        .take(HEADINGS_SHOWN)
        .filter_map(|u| {
            let h = doc.headings.get(u.heading?)?;
            Some(format!(
                "\u{201c}{}\u{201d} ({})",
                h.text,
                paragraphs(&numbers_of(doc, &u.uncovered))
            ))
        })
        .collect();
    if units.len() > HEADINGS_SHOWN {
        named.push(format!("{} more", units.len() - HEADINGS_SHOWN));
    }
    let at_lines: Vec<String> = units
        .iter()
        .take(HEADINGS_SHOWN)
        .filter_map(|u| {
            let h = doc.headings.get(u.heading?)?;
            Some(format!("\u{201c}{}\u{201d} at line {}", h.text, h.line))
        })
        .collect();
    Diagnostic::new(
        Code::UncoveredParagraph,
        at,
        format!(
            "{} of `{id}` that no section maps {} {} anchored by no claim: {}",
            count(units.len(), "heading"),
            either(units.len(), "has", "have"),
            count(uncovered, "paragraph"),
            list(&named)
        ),
    )
    .with_label("no section's `title` or `heading` is one of these headings")
    .with_note(format!("in {path}: {}", list(&at_lines)))
    .with_help(
        "add a section whose `title` (or `heading`) is the document's heading, with claims anchored in its paragraphs",
    )
}

/// The numbers under their heading of paragraphs `ps` (indices into
/// `doc.paragraphs`).
fn numbers_of(doc: &Document, ps: &[usize]) -> Vec<usize> {
    ps.iter()
        .filter_map(|&p| doc.paragraphs.get(p).map(|p| p.number))
        .collect()
}

/// `paragraph 2`, `paragraphs 2 and 4`, `paragraphs 1–3 and 5`.
fn paragraphs(ns: &[usize]) -> String {
    format!(
        "{} {}",
        either(ns.len(), "paragraph", "paragraphs"),
        numbers(ns)
    )
}

/// Where paragraphs `ps` begin in the text: `it begins at line 30 of
/// doc.txt`, `they begin at lines 30 and 34 of doc.txt`.
fn lines(doc: &Document, ps: &[usize], path: &str) -> String {
    let mut at: Vec<String> = ps
        .iter()
        .take(LINES_SHOWN)
        .filter_map(|&p| doc.paragraphs.get(p).map(|p| p.line.to_string()))
        .collect();
    if ps.len() > LINES_SHOWN {
        at.push(format!("{} more", ps.len() - LINES_SHOWN));
    }
    match ps.len() {
        1 => format!("it begins at line {} of {path}", list(&at)),
        _ => format!("they begin at lines {} of {path}", list(&at)),
    }
}
