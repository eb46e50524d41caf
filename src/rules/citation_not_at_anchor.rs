//! `citation-not-at-anchor`: a claim cites a source that the document does
//! not cite in the paragraph where the claim's anchor points.

use super::Context;
use crate::diag::{Code, Diagnostic, Level};

declare_rule! {
    /// ## What it finds
    /// A claim whose `cites` names a source that the document's text does
    /// not cite in the paragraph its `anchor` locates (by `para`, or by
    /// where its `quote` is found). The map's `document` itself, and
    /// sources that the text never cites at all (`source-not-in-text`),
    /// are left aside.
    ///
    /// It runs when the document's text is supplied (`text =` or `--text`).
    ///
    /// ## Why it matters
    /// The map says the text rests this claim on that source. When the
    /// text cites it elsewhere, the claim was filed against the wrong
    /// paragraph, or credited with evidence the text gives for another
    /// claim.
    ///
    /// ## Example
    /// ```toml
    /// [claims.decline]
    /// text = "Container ports drew the trade away"
    /// section = "decline"
    /// anchor = { para = 1 }      # the paragraph cites Van Leeuwen et al. 2017
    /// cites = ["marsh2018"]      # cited only in the first section
    /// ```
    ///
    /// ## Fix
    /// Cite the source the paragraph cites, or correct the anchor to the
    /// paragraph that cites this one (the finding says where it is).
    pub static RULE = Rule {
        code: Code::CitationNotAtAnchor,
        default_level: Level::Warn,
        summary: "a claim cites a source that the text does not cite at the claim's anchor",
        check: Some(check),
        reads: super::Reads::Texts,
    };
}

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let a = cx.against;
    let Some((_, doc)) = cx.document() else {
        return;
    };
    // Where each source is cited: the first paragraph, and whether anywhere.
    let mut first_at: Vec<Option<usize>> = vec![None; cx.map.sources.len()];
    for (k, c) in doc.citations.iter().enumerate() {
        if let Some(slot) = a
            .citation_source
            .get(k)
            .copied()
            .flatten()
            .and_then(|si| first_at.get_mut(si))
        {
            slot.get_or_insert(c.paragraph);
        }
    }
    let r = &cx.graph.resolved;
    for (ci, c) in cx.map.claims.iter().enumerate() {
        let Some(p) = a.claim_paragraph.get(ci).copied().flatten() else {
            continue;
        };
        for (cite, si) in c.cites.iter().zip(r.cites.of(ci)) {
            let Some(si) = *si else { continue };
            if Some(si) == a.document {
                continue;
            }
            let Some(elsewhere) = first_at.get(si).copied().flatten() else {
                continue; // `source-not-in-text`
            };
            if crate::verify::cites_in(doc, a, p, si).next().is_some() {
                continue;
            }
            let para = doc.paragraphs.get(p);
            let there = doc.paragraphs.get(elsewhere);
            let place = |q: Option<&crate::document::Paragraph>| match q {
                Some(q) => match q.section.and_then(|h| doc.headings.get(h)) {
                    Some(h) => format!(
                        "paragraph {} under \u{201c}{}\u{201d} (line {})",
                        q.number,
                        crate::wrap::clean(&h.text),
                        q.line
                    ),
                    None => format!("paragraph {} (line {})", q.number, q.line),
                },
                None => "the document".to_owned(),
            };
            let sid = cx.map.sources.get(si).map_or("", |s| s.id.value.as_str());
            out.push(
                Diagnostic::new(
                    Code::CitationNotAtAnchor,
                    cite.span.clone(),
                    format!(
                        "claim `{}` cites `{sid}`, but the text does not cite it in {}",
                        c.id.value,
                        place(para)
                    ),
                )
                .with_label("not cited at the claim's anchor")
                .with_note(format!("the text cites it in {}", place(there)))
                .with_help("cite what the anchored paragraph cites, or move the anchor to the paragraph that cites this source"),
            );
        }
    }
}
