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

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let Some(thesis) = &cx.map.meta.thesis else {
        return;
    };
    let Some(node) = cx
        .graph
        .resolved
        .thesis
        .and_then(|i| cx.graph.claim_node(i))
    else {
        return;
    };
    let supported = cx
        .graph
        .graph
        .edges_directed(node, Direction::Incoming)
        .any(|e| e.weight().kind.is_support());
    if !supported {
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
