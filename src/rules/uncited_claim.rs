//! `uncited-claim`: a claim with no citation.

use super::Context;
use crate::diag::{Code, Diagnostic, Level};

declare_rule! {
    /// ## What it finds
    /// A claim whose `cites` names no source: it has no `cites`, an empty
    /// one, or one whose ids all name nothing. An `anchor` records where
    /// the analysed text states the claim; it is not evidence and does not
    /// count as a citation. A claim whose anchored paragraph cites a work
    /// that the claim could cite is reported as `missed-citation` instead
    /// (while that code is reported).
    ///
    /// ## Why it matters
    /// An uncited claim is a bare assertion. In a map of your own reasoning
    /// it is a gap to fill; in a map that audits someone else's text it is
    /// a finding about that text.
    ///
    /// ## Example
    /// ```toml
    /// [claims.cost]
    /// text = "Rebuilding costs more than the annual budget"
    /// attacks = ["rebuild"]
    /// ```
    ///
    /// ## Fix
    /// Cite the evidence: `cites = [{ source = "council2024", at = "p. 3" }]`.
    /// A map that records bare assertions on purpose (an audit) can lower
    /// the level in the map: `[lints]` `uncited-claim = "warn"`.
    pub static RULE = Rule {
        code: Code::UncitedClaim,
        default_level: Level::Error,
        summary: "a claim with no citation",
        check: Some(check),
    };
}

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for (i, c) in cx.map.claims.iter().enumerate() {
        // `cites` written wrongly was reported by the loader already.
        if c.miswritten.contains(&"cites") {
            continue;
        }
        if cx.graph.resolved.is_cited(i) {
            continue;
        }
        // Citations of ids that name no source: `unknown-reference` reports
        // each, and says the claim is uncited.
        if !c.cites.is_empty() && (cx.reported)(Code::UnknownReference) {
            continue;
        }
        // The text cites something where the claim is anchored:
        // `missed-citation` reports it, naming what the claim leaves out.
        if !cx.against.missed_by(cx.map, i).is_empty() && (cx.reported)(Code::MissedCitation) {
            continue;
        }
        let mut d = Diagnostic::new(
            Code::UncitedClaim,
            c.id.span.clone(),
            format!("claim `{}` has no citation", c.id.value),
        )
        .with_label("nothing in `cites` backs this claim");
        if !c.cites.is_empty() {
            d = d.with_note("every id in its `cites` names no source");
        }
        out.push(d.with_help("add `cites = [\"source-id\"]` naming the evidence for it"));
    }
}
