//! `circular-support`: claims that support each other in a loop.

use std::collections::VecDeque;

use petgraph::Direction;
use petgraph::algo::kosaraju_scc;
use petgraph::graph::{EdgeIndex, NodeIndex};
use petgraph::visit::{EdgeFiltered, EdgeRef};

use super::Context;
use crate::diag::{Code, Diagnostic, Level};
use crate::graph::{EdgeKind, MapGraph, Node};

declare_rule! {
    /// ## What it finds
    /// Claims that support each other in a loop, directly (`supports`) or
    /// through linked arguments (`premises` and `conclusion`). Each loop is
    /// reported once, spelled out from its first claim in the file:
    /// `alpha -> beta -> gamma -> alpha`.
    ///
    /// ## Why it matters
    /// Circular support is circular reasoning: each claim in the loop is
    /// ultimately offered as evidence for itself, so none of them rests on
    /// anything outside the loop.
    ///
    /// ## Example
    /// ```toml
    /// [claims.alpha]
    /// text = "The plan is safe"
    /// supports = ["beta"]
    ///
    /// [claims.beta]
    /// text = "The experts approved the plan"
    /// supports = ["alpha"]
    /// ```
    ///
    /// ## Fix
    /// Decide which way the support really runs and remove the relation
    /// that closes the loop, or give the claims independent evidence and
    /// record that instead. (A claim supporting itself directly is
    /// `self-reference`.)
    pub static RULE = Rule {
        code: Code::CircularSupport,
        default_level: Level::Error,
        summary: "claims that support each other in a loop",
        check: Some(check),
    };
}

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let g = cx.graph;
    let support = EdgeFiltered::from_fn(&g.graph, |e| e.weight().kind.is_support());
    let mut component = vec![usize::MAX; g.graph.node_count()];
    let mut sccs: Vec<Vec<NodeIndex>> = kosaraju_scc(&support)
        .into_iter()
        .filter(|scc| scc.len() > 1)
        .collect();
    for scc in &mut sccs {
        scc.sort();
    }
    sccs.sort();
    for (i, scc) in sccs.iter().enumerate() {
        for n in scc {
            if let Some(c) = component.get_mut(n.index()) {
                *c = i;
            }
        }
    }
    for (i, scc) in sccs.iter().enumerate() {
        if is_argument_self_loop(g, scc) {
            continue; // reported by `self-reference`
        }
        let Some(&start) = scc.first() else { continue };
        let Some(cycle) = shortest_cycle(g, start, |n| component.get(n.index()) == Some(&i)) else {
            continue;
        };
        out.push(diagnostic(cx, scc.len(), &cycle));
    }
}

/// An argument whose conclusion is one of its own premises forms a loop of
/// two nodes that `self-reference` already reports.
fn is_argument_self_loop(g: &MapGraph, scc: &[NodeIndex]) -> bool {
    scc.len() == 2
        && scc
            .iter()
            .filter(|n| matches!(g.node(**n), Some(Node::Argument(_))))
            .count()
            == 1
}

/// The shortest loop of support edges from `start` back to itself, inside
/// the component (breadth-first, iterative). Returns its edges in order.
fn shortest_cycle(
    g: &MapGraph,
    start: NodeIndex,
    inside: impl Fn(NodeIndex) -> bool,
) -> Option<Vec<EdgeIndex>> {
    let mut via: Vec<Option<EdgeIndex>> = vec![None; g.graph.node_count()];
    let mut queue = VecDeque::from([start]);
    while let Some(n) = queue.pop_front() {
        for e in g.graph.edges_directed(n, Direction::Outgoing) {
            if !e.weight().kind.is_support() || !inside(e.target()) {
                continue;
            }
            if e.target() == start {
                let mut path = vec![e.id()];
                let mut at = n;
                while at != start {
                    let edge = via.get(at.index()).copied().flatten()?;
                    path.push(edge);
                    at = g.graph.edge_endpoints(edge)?.0;
                }
                path.reverse();
                return Some(path);
            }
            let slot = via.get_mut(e.target().index())?;
            if slot.is_none() {
                *slot = Some(e.id());
                queue.push_back(e.target());
            }
        }
    }
    None
}

fn diagnostic(cx: &Context<'_>, members: usize, cycle: &[EdgeIndex]) -> Diagnostic {
    let g = cx.graph;
    let mut names = Vec::with_capacity(cycle.len() + 1);
    let mut steps = Vec::with_capacity(cycle.len());
    for &e in cycle {
        if let (Some((from, to)), Some(w)) = (g.graph.edge_endpoints(e), g.graph.edge_weight(e)) {
            let (from, to) = (g.node_id(cx.map, from), g.node_id(cx.map, to));
            names.push(from);
            let what = match w.kind {
                EdgeKind::Premise => format!("`{from}` is a premise of `{to}`"),
                EdgeKind::Conclusion => format!("`{from}` concludes `{to}`"),
                _ => format!("`{from}` supports `{to}`"),
            };
            steps.push((w.span.clone(), what));
        }
    }
    let start = names.first().copied().unwrap_or("");
    names.push(start);
    let chain = names.join(" -> ");
    let mut steps = steps.into_iter();
    let (span, label) = steps.next().unwrap_or((0..0, String::new()));
    let mut d = Diagnostic::new(
        Code::CircularSupport,
        span,
        format!("circular support: `{chain}`"),
    )
    .with_label(label);
    for (span, label) in steps {
        d = d.with_secondary(span, label);
    }
    if members > cycle.len() {
        d = d.with_note(format!(
            "{members} claims and arguments support each other in this tangle; this is its shortest loop through `{start}`"
        ));
    }
    d.with_help("a claim cannot rest on itself; remove the support that closes the loop")
}
