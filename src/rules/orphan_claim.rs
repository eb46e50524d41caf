//! `orphan-claim`: a claim connected to nothing.

use petgraph::Direction;

use super::Context;
use crate::diag::{Code, Diagnostic, Level};
use crate::graph::EdgeKind;

declare_rule! {
    /// ## What it finds
    /// A claim that supports nothing, attacks nothing, is the premise or
    /// conclusion of no argument, is supported and attacked by nothing, and
    /// is not the map's thesis. A map of a single claim is not reported.
    ///
    /// ## Why it matters
    /// An argument map is about how claims bear on each other; a claim
    /// connected to nothing plays no part in the reasoning. Usually a
    /// relation was forgotten.
    ///
    /// ## Example
    /// ```toml
    /// [claims.weather]
    /// text = "It rained all spring"
    /// cites = ["council2024"]
    /// ```
    ///
    /// ## Fix
    /// Connect it (`supports = [...]`, `attacks = [...]`, or list it in an
    /// argument's `premises`), or remove it from the map.
    pub static RULE = Rule {
        code: Code::OrphanClaim,
        default_level: Level::Warn,
        summary: "a claim connected to nothing",
        check: Some(check),
    };
}

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    if cx.map.claims.len() < 2 {
        return; // a lone claim has nothing to be connected to
    }
    let thesis = cx.map.meta.thesis.as_ref().map(|t| t.value.as_str());
    for (i, c) in cx.map.claims.iter().enumerate() {
        if !c.supports.is_empty()
            || !c.attacks.is_empty()
            || thesis == Some(&c.id.value)
            // Relations written wrongly were reported by the loader already.
            || c.miswritten.iter().any(|f| matches!(*f, "supports" | "attacks"))
        {
            continue;
        }
        let Some(node) = cx.graph.claim_node(i) else {
            continue;
        };
        let linked = cx
            .graph
            .graph
            .edges_directed(node, Direction::Incoming)
            .chain(cx.graph.graph.edges_directed(node, Direction::Outgoing))
            .any(|e| e.weight().kind != EdgeKind::Cites);
        if !linked {
            out.push(
                Diagnostic::new(
                    Code::OrphanClaim,
                    c.id.span.clone(),
                    format!("claim `{}` is connected to nothing", c.id.value),
                )
                .with_label("no support, attack, qualification or argument involves this claim")
                .with_help("relate it with `supports`, `attacks`, `qualifies` or an argument's `premises`, or remove it"),
            );
        }
    }
}
