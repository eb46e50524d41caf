//! `document-unread`: parts of the map's document that argmap could not
//! read, so that the checks against it did not run.

use super::Context;
use crate::diag::{Code, Diagnostic, Level};

declare_rule! {
    /// ## What it finds
    /// A document text (the map's `document`, supplied with `text =` or
    /// `--text`) that argmap reads only in part:
    /// - its body cites works in author–year form, but it has no reference
    ///   list argmap recognises (a heading named `References`,
    ///   `Bibliography`, `Works Cited`, `Literature Cited` or `Reference
    ///   List`), so citations are matched against the map's sources only;
    /// - its body cites by number (`[1]`, `[2, 3]`, `[4–6]`) and argmap
    ///   reads no author–year citation in it: numbered citations are not
    ///   read, so the citation checks did not run.
    ///
    /// `argmap document TEXT` shows what argmap reads in a text.
    ///
    /// ## Why it matters
    /// A check that could not run is not a check that passed. This says so,
    /// rather than reporting a clean map.
    ///
    /// ## Example
    /// A report whose sources are listed under `Sources` (not a heading
    /// argmap knows), or a paper citing `[1]`, `[2]`.
    ///
    /// ## Fix
    /// Name the list's heading `References` in the text, or allow the code
    /// for a document in a citation style argmap does not read.
    pub static RULE = Rule {
        code: Code::DocumentUnread,
        default_level: Level::Warn,
        summary: "a document whose citations or reference list argmap cannot read",
        check: Some(check),
        reads: super::Reads::Texts,
    };
}

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let Some((text, doc)) = cx.document() else {
        return;
    };
    let span = cx
        .map
        .meta
        .document
        .as_ref()
        .map_or(0..0, |d| d.span.clone());
    let id = cx
        .map
        .meta
        .document
        .as_ref()
        .map_or("", |d| d.value.as_str());
    if doc.references.is_none() && !doc.citations.is_empty() {
        out.push(
            Diagnostic::new(
                Code::DocumentUnread,
                span.clone(),
                format!(
                    "`{id}` cites works in the text ({}), but argmap finds no reference list in it",
                    crate::english::count(doc.citations.len(), "citation")
                ),
            )
            .with_label("the document")
            .with_note(format!(
                "in {}; a reference list begins at a heading named References, Bibliography, Works Cited, Literature Cited or Reference List",
                text.path
            ))
            .with_help("citations were matched against the map's sources only; run `argmap document` on the text to see what argmap reads"),
        );
    }
    let numbered = if doc.citations.is_empty() {
        numbered_citations(text.index.original().get(..doc.body_end).unwrap_or(""))
    } else {
        0
    };
    if numbered > 0 {
        out.push(
            Diagnostic::new(
                Code::DocumentUnread,
                span,
                format!(
                    "`{id}` cites by number ({}), which argmap does not read",
                    crate::english::count_as(numbered, "one bracketed number", "bracketed numbers")
                ),
            )
            .with_label("the document")
            .with_note(format!(
                "in {}; argmap reads author–year citations, such as (Smith 2020)",
                text.path
            ))
            .with_help("the citation checks did not run; allow `document-unread` for a text in a citation style argmap does not read"),
        );
    }
}

/// How many numbered citations (`[1]`, `[2, 3]`, `[4–6]`) `body` has.
fn numbered_citations(body: &str) -> usize {
    let mut n = 0;
    let mut rest = body;
    while let Some(i) = rest.find('[') {
        let after = rest.get(i + 1..).unwrap_or("");
        let inner: &str = after.split(']').next().unwrap_or("");
        let is_number = after.contains(']')
            && inner.len() <= 24
            && inner.chars().any(|c| c.is_ascii_digit())
            && inner
                .chars()
                .all(|c| c.is_ascii_digit() || matches!(c, ',' | ' ' | '-' | '\u{2013}'));
        if is_number {
            n += 1;
        }
        rest = after;
    }
    n
}
