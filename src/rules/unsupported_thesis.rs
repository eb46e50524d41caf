//! `unsupported-thesis`: a thesis that nothing supports.

use petgraph::Direction;

use super::Context;
use crate::diag::{Code, Diagnostic, Level};

declare_rule! {
    /// ## What it finds
    /// A map whose `thesis` (its main conclusion) no claim supports and no
    /// argument concludes.
    ///
    /// ## Why it matters
    /// The thesis is what the map argues for. With no support it is a bare
    /// assertion, whatever else the map contains.
    ///
    /// ## Example
    /// ```toml
    /// [map]
    /// title = "Why the bridge should be rebuilt"
    /// thesis = "rebuild"
    ///
    /// [claims.rebuild]
    /// text = "The bridge should be rebuilt"
    /// cites = ["council2024"]
    /// ```
    ///
    /// ## Fix
    /// Add the premises that support it (`supports = ["rebuild"]` on them,
    /// or an argument with `conclusion = "rebuild"`), or name as `thesis`
    /// the claim the map really concludes.
    pub static RULE = Rule {
        code: Code::UnsupportedThesis,
        default_level: Level::Warn,
        summary: "a thesis that nothing supports",
        check: Some(check),
    };
}

/// Whether the thesis is a claim that nothing supports.
pub(super) fn thesis_unsupported(cx: &Context<'_>) -> bool {
    cx.graph
        .resolved
        .thesis
        .and_then(|i| cx.graph.claim_node(i))
        .is_some_and(|node| {
            !cx.graph
                .graph
                .edges_directed(node, Direction::Incoming)
                .any(|e| e.weight().kind.is_support())
        })
}

/// Whether `id`, a `supports` or `conclusion` reference that names
/// nothing, may be a slip for the thesis: then the thesis lacks support
/// because of it, and `unknown-reference` says so.
pub(super) fn may_mean_thesis(cx: &Context<'_>, id: &str) -> bool {
    cx.map
        .meta
        .thesis
        .as_ref()
        .is_some_and(|t| crate::suggest::closest(id, [t.as_str()]).is_some())
}

/// The unresolved `supports` and `conclusion` references of the map.
fn dangling_support<'m>(cx: &Context<'m>) -> impl Iterator<Item = &'m str> {
    let r = &cx.graph.resolved;
    let supports = cx.map.claims.iter().enumerate().flat_map(move |(i, c)| {
        c.supports
            .iter()
            .zip(r.supports.of(i))
            .filter(|(_, to)| to.is_none())
            .map(|(s, _)| s.as_str())
    });
    let conclusions = cx
        .map
        .arguments
        .iter()
        .enumerate()
        .filter_map(move |(i, a)| {
            let resolved = r.conclusion.get(i).copied().flatten();
            a.conclusion
                .as_ref()
                .filter(|_| resolved.is_none())
                .map(|c| c.as_str())
        });
    supports.chain(conclusions)
}

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let Some(thesis) = &cx.map.meta.thesis else {
        return;
    };
    if !thesis_unsupported(cx) {
        return;
    }
    // A slip in the id of its only support: `unknown-reference` reports it.
    if (cx.reported)(Code::UnknownReference)
        && dangling_support(cx).any(|id| may_mean_thesis(cx, id))
    {
        return;
    }
    {
        out.push(
            Diagnostic::new(
                Code::UnsupportedThesis,
                thesis.span.clone(),
                format!("thesis `{}` has no support", thesis.value),
            )
            .with_label("no claim supports it and no argument concludes it")
            .with_help(format!(
                "add premises with `supports = [\"{}\"]`, or an argument with `conclusion = \"{}\"`",
                thesis.value, thesis.value
            )),
        );
    }
}
