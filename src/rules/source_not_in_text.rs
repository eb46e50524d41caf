//! `source-not-in-text`: a source of the map, or an entry of the
//! document's reference list, that the document's text never cites.

use super::Context;
use crate::diag::{Code, Diagnostic, Level};

declare_rule! {
    /// ## What it finds
    /// - A source of the map (other than the `document` itself) that no
    ///   in-text citation of the document answers to (by its `cited-as`,
    ///   else by its first author's family name and its year);
    /// - an entry of the document's reference list that no in-text
    ///   citation points to and that is no source of the map.
    ///
    /// A source that no claim cites either is `unused-source`, and not
    /// reported again here (while that code is reported).
    ///
    /// It runs when the document's text is supplied (`text =` or `--text`)
    /// and the document has in-text citations: a report or a speech that
    /// cites nothing is not expected to cite the map's sources.
    ///
    /// ## Why it matters
    /// A map of a text should rest on what the text cites. A source the
    /// text never cites was added by the map's author (say so in its
    /// `note`), or its `cited-as` does not match the text; a reference the
    /// text never cites is padding in its bibliography.
    ///
    /// ## Example
    /// ```toml
    /// [sources.lind2020]
    /// title = "Harbour Ledgers"
    /// authors = ["Lind, Per"]
    /// year = 2020                 # the text cites Lind 2019
    /// ```
    ///
    /// ## Fix
    /// Correct the source's `year` or `cited-as` to the form the text
    /// cites, or remove it; allow the code for a map that adds sources of
    /// its own on purpose.
    pub static RULE = Rule {
        code: Code::SourceNotInText,
        default_level: Level::Warn,
        summary: "a source of the map, or a reference entry, that the document never cites",
        check: Some(check),
        reads: super::Reads::Texts,
    };
}

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let a = cx.against;
    let Some((text, doc)) = cx.document() else {
        return;
    };
    // A document that cites nothing (a report, a speech) is not expected
    // to cite the map's sources.
    if doc.citations.is_empty() {
        return;
    }
    let mut cited = vec![false; cx.map.sources.len()];
    for si in a.citation_source.iter().flatten() {
        if let Some(c) = cited.get_mut(*si) {
            *c = true;
        }
    }
    // Sources no claim cites are `unused-source`: one finding is enough.
    let mut used = vec![false; cx.map.sources.len()];
    let r = &cx.graph.resolved;
    for ci in 0..cx.map.claims.len() {
        for si in r.cites.of(ci).iter().flatten() {
            if let Some(u) = used.get_mut(*si) {
                *u = true;
            }
        }
    }
    let unused_reported = (cx.reported)(Code::UnusedSource);
    for (si, s) in cx.map.sources.iter().enumerate() {
        if Some(si) == a.document || cited.get(si).copied().unwrap_or(true) {
            continue;
        }
        if unused_reported && !used.get(si).copied().unwrap_or(true) {
            continue;
        }
        let how = match &s.cited_as {
            Some(c) => format!("as `{}`", crate::wrap::clean(&c.value)),
            None => "by its first author and year".to_owned(),
        };
        out.push(
            Diagnostic::new(
                Code::SourceNotInText,
                s.cited_as.as_ref().map_or(s.id.span.clone(), |c| c.span.clone()),
                format!("source `{}` is never cited in the text {how}", s.id.value),
            )
            .with_label("no in-text citation answers to this")
            .with_note(format!("in {}", text.path))
            .with_help("correct `cited-as` (or `year`) to the form the text cites, or say in `note` why the map adds it"),
        );
    }
    let mut entry_cited = vec![false; doc.entries.len()];
    for k in a.citation_entry.iter().flatten() {
        if let Some(c) = entry_cited.get_mut(*k) {
            *c = true;
        }
    }
    for (k, e) in doc.entries.iter().enumerate() {
        if entry_cited.get(k).copied().unwrap_or(true)
            || a.entry_source.get(k).copied().flatten().is_some()
        {
            continue;
        }
        let who = a.entry_author.get(k).map_or("", String::as_str);
        let year = e.year.map_or("n.d.".to_owned(), |y| y.to_string());
        out.push(
            Diagnostic::new(
                Code::SourceNotInText,
                cx.map.meta.document.as_ref().map_or(0..0, |d| d.span.clone()),
                format!(
                    "the reference list's entry `{} {year}` at text line {} is never cited in the text",
                    crate::wrap::clean(who),
                    e.line
                ),
            )
            .with_label("in this document")
            .with_note(format!("in {}", text.path))
            .with_help("the text cites it under another name or year, or its reference list carries a work it does not use"),
        );
    }
}
