//! `unmatched-citation`: an in-text citation of the document that no
//! reference entry, or no source of the map, answers to.

use super::Context;
use crate::diag::{Code, Diagnostic, Level};

declare_rule! {
    /// ## What it finds
    /// An author–year citation in the body of the map's `document` text
    /// (`(Smith 2020)`, `Smith and Jones (2020)`) that
    /// - no entry of the text's reference list answers to (the same first
    ///   name and year; an organisation may be cited by the first words of
    ///   its name or by its bracketed abbreviation), or
    /// - no source of the map answers to (by its `cited-as`, else by its
    ///   first author's family name and its year).
    ///
    /// It runs when the document's text is supplied (`text =` or `--text`).
    /// `argmap document TEXT` shows the citations argmap reads.
    ///
    /// ## Why it matters
    /// A citation that leads nowhere cannot be followed by a reader; one
    /// that the map lacks leaves the claims it backs looking unsupported
    /// in the map, when the text gives their evidence.
    ///
    /// ## Example
    /// The text says `... grew where rivers met calm water (Brandt 2015).`,
    /// and neither the reference list nor the map has a Brandt 2015.
    ///
    /// ## Fix
    /// Add the source to the map (with `cited-as = "Brandt 2015"` when the
    /// text cites it in another form than its authors and year), or, when
    /// the reference list lacks it too, mark the text's missing reference.
    pub static RULE = Rule {
        code: Code::UnmatchedCitation,
        default_level: Level::Warn,
        summary: "an in-text citation with no reference entry or no source of the map",
        check: Some(check),
        reads: super::Reads::Texts,
    };
}

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let a = cx.against;
    let Some((text, doc)) = cx.document() else {
        return;
    };
    let has_list = !doc.entries.is_empty();
    // Each citation form once, at its first occurrence, with the count.
    let mut times: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    for c in &doc.citations {
        *times.entry(c.written.as_str()).or_default() += 1;
    }
    let mut seen = std::collections::HashSet::new();
    for (k, c) in doc.citations.iter().enumerate() {
        if !seen.insert(c.written.as_str()) {
            continue;
        }
        let more = match times.get(c.written.as_str()).copied().unwrap_or(1) {
            1 => String::new(),
            n => format!(
                " (and {} more)",
                crate::english::count_as(n - 1, "time", "times")
            ),
        };
        let entry = a.citation_entry.get(k).copied().flatten();
        let source = a.citation_source.get(k).copied().flatten();
        if source.is_some() && (entry.is_some() || !has_list) {
            continue;
        }
        let line = text.index.line(c.span.start);
        let written = crate::wrap::clean(&c.written);
        let span = a.span_at(cx.map, c.paragraph);
        let d = match (entry, source) {
            (None, _) if has_list => Diagnostic::new(
                Code::UnmatchedCitation,
                span,
                format!(
                    "the text cites `{written}` at text line {line}{more}, but its reference list has no entry for it"
                ),
            )
            .with_label("cited in the paragraph anchored here")
            .with_note(format!("in {}", text.path))
            .with_help("the text's reference list is incomplete, or the citation's name or year is wrong"),
            _ => {
                let candidates = cx
                    .map
                    .sources
                    .iter()
                    .filter_map(|s| s.cited_as.as_ref().map(|x| x.value.as_str()));
                let mut d = Diagnostic::new(
                    Code::UnmatchedCitation,
                    span,
                    format!(
                        "the text cites `{written}` at text line {line}{more}, but no source of the map answers to it"
                    ),
                )
                .with_label("cited in the paragraph anchored here")
                .with_note(format!("in {}", text.path));
                d = match crate::suggest::closest(&c.written, candidates) {
                    Some(s) => d.with_help(format!(
                        "the closest `cited-as` is `{s}`: correct it, or add the source with `cited-as = \"{written}\"`"
                    )),
                    None => d.with_help(format!(
                        "add the source to `[sources]` with `cited-as = \"{written}\"`"
                    )),
                };
                d
            }
        };
        out.push(d);
    }
}
