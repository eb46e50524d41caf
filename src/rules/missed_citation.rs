//! `missed-citation`: a claim left uncited whose anchored paragraph carries
//! an in-text citation that no claim anchored there cites.

use super::Context;
use crate::diag::{Code, Diagnostic, Level};

declare_rule! {
    /// ## What it finds
    /// A claim with no `cites` whose anchor locates a paragraph of the
    /// document that carries an in-text citation, when no claim anchored in
    /// that paragraph cites the citation's source. (When another claim of
    /// the paragraph cites it, the citation is taken to back that claim.)
    ///
    /// It runs when the document's text is supplied (`text =` or `--text`),
    /// and is reported instead of `uncited-claim` for the claim.
    ///
    /// ## Why it matters
    /// `uncited-claim` reports a bare assertion of the map. This says that
    /// the text did give evidence there, and the map dropped it: the
    /// reviewer would count the claim as unsupported when it is not.
    ///
    /// ## Example
    /// ```toml
    /// [claims.founders]
    /// text = "The first settlers fished and traded salt"
    /// section = "origins"
    /// anchor = { para = 1 }      # the paragraph cites Okafor, Lind and Brandt 2019
    /// ```
    ///
    /// ## Fix
    /// Add the source to the claim's `cites` (the finding names it), or
    /// anchor the claim where the text states it.
    pub static RULE = Rule {
        code: Code::MissedCitation,
        default_level: Level::Warn,
        summary: "an uncited claim whose anchored paragraph carries a citation no claim there cites",
        check: Some(check),
        reads: super::Reads::Texts,
    };
}

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let a = cx.against;
    let Some((text, doc)) = cx.document() else {
        return;
    };
    for (ci, c) in cx.map.claims.iter().enumerate() {
        let missed: Vec<String> = a
            .missed_by(cx.map, ci)
            .iter()
            .filter_map(|&k| {
                let x = doc.citations.get(k)?;
                let si = a.citation_source.get(k).copied().flatten();
                Some(match si.and_then(|si| cx.map.sources.get(si)) {
                    Some(s) => format!(
                        "`{}` (source `{}`)",
                        crate::wrap::clean(&x.written),
                        s.id.value
                    ),
                    None => format!("`{}`", crate::wrap::clean(&x.written)),
                })
            })
            .collect();
        let Some(p) = a.claim_paragraph.get(ci).copied().flatten() else {
            continue;
        };
        if missed.is_empty() {
            continue;
        }
        let Some(anchor) = &c.anchor else { continue };
        let line = doc.paragraphs.get(p).map_or(0, |q| q.line);
        out.push(
            Diagnostic::new(
                Code::MissedCitation,
                anchor.span.clone(),
                format!(
                    "claim `{}` cites nothing, but the text cites {} in the paragraph its anchor locates",
                    c.id.value,
                    crate::english::list(&missed)
                ),
            )
            .with_label(format!("the paragraph at line {line} of {}", text.path))
            .with_help("add the source to the claim's `cites` if the citation backs it"),
        );
    }
}
