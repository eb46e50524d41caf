//! `section-mismatch`: a claim filed under one section of the map whose
//! anchor locates a paragraph under another heading of the document.

use super::Context;
use crate::diag::{Code, Diagnostic, Level, toml_string};

declare_rule! {
    /// ## What it finds
    /// A claim whose `section` is not the section of the document that its
    /// anchor's paragraph sits under: the anchor names another `section`
    /// to count its `para` in, or its `quote` is found only under another
    /// heading. A map section stands for the document heading that is its
    /// `heading` (or else its `title`). It reports:
    /// - a claim whose section has a heading in the document, anchored
    ///   under another heading or before the first one;
    /// - a claim in a section that is not a heading of the document,
    ///   anchored under a heading that another section of the map stands
    ///   for.
    ///
    /// It runs when the document's text is supplied (`text =` or
    /// `--text`). A claim in no section (a thesis that sums up the whole
    /// document, say) is not reported, wherever its anchor is, nor is a
    /// quote found under the claim's own heading as well as elsewhere.
    ///
    /// ## Why it matters
    /// The map's sections follow the document's. A claim filed under the
    /// wrong one is counted, drawn and audited with a part of the argument
    /// it does not belong to, and the section it belongs to looks thinner
    /// than the document is.
    ///
    /// ## Example
    /// ```toml
    /// [sections.findings]
    /// title = "Findings"
    ///
    /// [sections.summary]
    /// title = "Summary"
    ///
    /// [claims.cracks]
    /// text = "Cracks in half of the piers have grown since the last survey"
    /// section = "findings"
    /// anchor = { section = "summary", para = 2 }
    /// ```
    ///
    /// ## Fix
    /// File the claim under the section its anchor is in (the finding
    /// names it: `section = "summary"`), or correct the anchor when it is
    /// the anchor that is wrong.
    pub static RULE = Rule {
        code: Code::SectionMismatch,
        default_level: Level::Warn,
        summary: "a claim filed under a section other than the one its anchor is in",
        check: Some(check),
        reads: super::Reads::Texts,
    };
}

/// Occurrences of an anchor quote looked at for one under the claim's own
/// heading.
const QUOTE_PLACES: usize = 64;

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let Some((text, doc)) = cx.document() else {
        return;
    };
    let Some(document) = &cx.map.meta.document else {
        return;
    };
    let (map, r, cov) = (cx.map, &cx.graph.resolved, cx.coverage);
    for (i, c) in map.claims.iter().enumerate() {
        let Some(p) = cx.against.claim_paragraph.get(i).copied().flatten() else {
            continue;
        };
        let (Some(anchor), Some(para)) = (&c.anchor, doc.paragraphs.get(p)) else {
            continue;
        };
        if para.span.start >= doc.body_end {
            continue; // in the reference list
        }
        let Some(section) = &c.section else {
            continue; // in no section: nothing to file it under
        };
        let Some(own) = r.section_of_claim(i) else {
            continue; // `unknown-reference`
        };
        let own_heading = cov.section_heading.get(own).copied().flatten();
        let there = para.section;
        let there_section = there.and_then(|h| cov.heading_section.get(h).copied().flatten());
        let mismatch = match own_heading {
            Some(h) => there != Some(h),
            None => there_section.is_some(),
        };
        if !mismatch {
            continue;
        }
        // A quote found under the claim's own heading too is in its place.
        if let (None, Some(q), Some(h)) = (&anchor.para, &anchor.quote, own_heading)
            && text
                .index
                .find_all(&q.value, QUOTE_PLACES)
                .iter()
                .any(|&at| doc.paragraph_at(at).is_some_and(|q| q.section == Some(h)))
        {
            continue;
        }
        let where_ = match there.and_then(|h| doc.headings.get(h)) {
            Some(h) => format!("paragraph {} under \u{201c}{}\u{201d}", para.number, h.text),
            None => format!(
                "paragraph {} before the first heading of `{}`",
                para.number, document.value
            ),
        };
        let filed = match own_heading.and_then(|h| doc.headings.get(h)) {
            Some(h) => format!(
                "is in section `{}` (\u{201c}{}\u{201d})",
                section.value, h.text
            ),
            None => format!(
                "is in section `{}`, which is not a heading of `{}`",
                section.value, document.value
            ),
        };
        let message = format!(
            "claim `{}` {filed}, but its anchor locates {where_}",
            c.id.value
        );
        let (pointer, pointed) = match (&anchor.section, &anchor.para, &anchor.quote) {
            (Some(s), _, _) => (s.span.clone(), "the anchor counts its paragraph here"),
            (None, Some(n), _) => (n.span.clone(), "the anchor's paragraph"),
            (None, None, Some(q)) => (q.span.clone(), "the anchor's words are there"),
            (None, None, None) => (anchor.span.clone(), "the anchor"),
        };
        let mut d = Diagnostic::new(Code::SectionMismatch, section.span.clone(), message)
            .with_label("the claim's section")
            .with_secondary(pointer, pointed);
        if let Some(h) = there.and_then(|h| doc.headings.get(h)) {
            d = d.with_note(format!(
                "\u{201c}{}\u{201d} is at line {} of {}",
                h.text, h.line, text.path
            ));
        }
        let target = there_section.and_then(|s| map.sections.get(s));
        d = match (target, there.and_then(|h| doc.headings.get(h))) {
            (Some(t), _) => d
                .with_help(format!(
                    "file it under section `{}`: `section = \"{}\"`",
                    t.id.value, t.id.value
                ))
                .with_suggestion(section.span.clone(), toml_string(&t.id.value)),
            (None, Some(h)) => d.with_help(format!(
                "no section of the map has the heading \u{201c}{}\u{201d}: add one with that `title` (or `heading`) and file the claim under it, or correct the anchor",
                h.text
            )),
            (None, None) => d.with_help(
                "correct the anchor, or file the claim under a section for the text before the first heading",
            ),
        };
        out.push(d);
    }
}
