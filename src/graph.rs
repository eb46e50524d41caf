//! The petgraph view of a map, shared by the rules, evaluation and the
//! renderers.
//!
//! Nodes are claims, arguments (inference nodes for linked premises) and
//! sources. Edges point the way the reasoning flows: premise -> conclusion,
//! attacker -> attacked, qualifier -> qualified, claim -> argument for each
//! premise, argument -> conclusion, and source -> claim for each citation. Only references that
//! resolve become edges; the `unknown-reference` rule reports the others.

use petgraph::graph::{DiGraph, NodeIndex};

use crate::diag::Span;
use crate::model::Map;
use crate::resolved::{ResolvedMap, Target};

/// What a node stands for: an index into one of the map's lists.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Node {
    /// `map.claims[i]`
    Claim(usize),
    /// `map.arguments[i]`
    Argument(usize),
    /// `map.sources[i]`
    Source(usize),
}

/// What an edge means.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum EdgeKind {
    /// Claim -> claim: convergent support (`supports`).
    Support,
    /// Claim -> claim: rebuttal or undermining (`attacks` on a claim).
    Attack,
    /// Claim -> argument: undercut (`attacks` on an argument).
    Undercut,
    /// Claim -> argument: one of the argument's premises.
    Premise,
    /// Argument -> claim: the argument's conclusion.
    Conclusion,
    /// Source -> claim: a citation.
    Cites,
    /// Claim -> claim or argument: a qualification (`qualifies`), granted
    /// by the map's author; it limits its target without attacking it.
    Qualifies,
}

impl EdgeKind {
    /// Whether the edge carries support towards a conclusion.
    pub fn is_support(self) -> bool {
        matches!(
            self,
            EdgeKind::Support | EdgeKind::Premise | EdgeKind::Conclusion
        )
    }

    /// Whether the edge is an attack of any kind.
    pub fn is_attack(self) -> bool {
        matches!(self, EdgeKind::Attack | EdgeKind::Undercut)
    }
}

/// An edge and the span of the reference that made it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Edge {
    /// What the edge means.
    pub kind: EdgeKind,
    /// Where the reference was written.
    pub span: Span,
}

/// The graph of a map, with the resolution of its references it is built
/// from.
#[derive(Clone, Debug)]
pub struct MapGraph {
    /// The graph itself.
    pub graph: DiGraph<Node, Edge>,
    /// Every reference of the map, resolved once.
    pub resolved: ResolvedMap,
    claims: Vec<NodeIndex>,
    arguments: Vec<NodeIndex>,
    sources: Vec<NodeIndex>,
}

impl MapGraph {
    /// Resolves the references of `map` and builds its graph, in one pass
    /// over them.
    pub fn new(map: &Map) -> Self {
        Self::from_resolved(map, ResolvedMap::new(map))
    }

    /// Builds the graph of `map` from its references as `resolved`
    /// resolves them.
    pub fn from_resolved(map: &Map, resolved: ResolvedMap) -> Self {
        let nodes = map.claims.len() + map.arguments.len() + map.sources.len();
        let mut graph = DiGraph::with_capacity(nodes, nodes * 2);
        let claims: Vec<_> = (0..map.claims.len())
            .map(|i| graph.add_node(Node::Claim(i)))
            .collect();
        let arguments: Vec<_> = (0..map.arguments.len())
            .map(|i| graph.add_node(Node::Argument(i)))
            .collect();
        let sources: Vec<_> = (0..map.sources.len())
            .map(|i| graph.add_node(Node::Source(i)))
            .collect();
        let mut g = MapGraph {
            graph,
            resolved,
            claims,
            arguments,
            sources,
        };
        let r = std::mem::take(&mut g.resolved);
        let target_node = |g: &MapGraph, t: Target| match t {
            Target::Claim(j) => g.claim_node(j),
            Target::Argument(j) => g.argument_node(j),
        };
        for (i, claim) in map.claims.iter().enumerate() {
            let Some(from) = g.claim_node(i) else {
                continue;
            };
            for (entry, to) in claim.supports.iter().zip(r.supports.of(i)) {
                if let Some(to) = to.and_then(|j| g.claim_node(j)) {
                    g.add(from, to, EdgeKind::Support, entry.span.clone());
                }
            }
            for (entry, t) in claim.attacks.iter().zip(r.attacks.of(i)) {
                let Some(t) = *t else { continue };
                let kind = match t {
                    Target::Claim(_) => EdgeKind::Attack,
                    Target::Argument(_) => EdgeKind::Undercut,
                };
                if let Some(to) = target_node(&g, t) {
                    g.add(from, to, kind, entry.span.clone());
                }
            }
            for (entry, t) in claim.qualifies.iter().zip(r.qualifies.of(i)) {
                if let Some(to) = t.and_then(|t| target_node(&g, t)) {
                    g.add(from, to, EdgeKind::Qualifies, entry.span.clone());
                }
            }
            for (cite, s) in claim.cites.iter().zip(r.cites.of(i)) {
                if let Some(source) = s.and_then(|s| g.source_node(s)) {
                    g.add(source, from, EdgeKind::Cites, cite.source.span.clone());
                }
            }
        }
        for (i, arg) in map.arguments.iter().enumerate() {
            let Some(node) = g.argument_node(i) else {
                continue;
            };
            for (p, c) in arg.premises.iter().zip(r.premises.of(i)) {
                if let Some(premise) = c.and_then(|c| g.claim_node(c)) {
                    g.add(premise, node, EdgeKind::Premise, p.span.clone());
                }
            }
            if let (Some(c), Some(to)) = (
                &arg.conclusion,
                r.conclusion
                    .get(i)
                    .copied()
                    .flatten()
                    .and_then(|j| g.claim_node(j)),
            ) {
                g.add(node, to, EdgeKind::Conclusion, c.span.clone());
            }
        }
        g.resolved = r;
        g
    }

    fn add(&mut self, from: NodeIndex, to: NodeIndex, kind: EdgeKind, span: Span) {
        self.graph.add_edge(from, to, Edge { kind, span });
    }

    /// The node of claim `i`.
    pub fn claim_node(&self, i: usize) -> Option<NodeIndex> {
        self.claims.get(i).copied()
    }

    /// The node of argument `i`.
    pub fn argument_node(&self, i: usize) -> Option<NodeIndex> {
        self.arguments.get(i).copied()
    }

    /// The node of source `i`.
    pub fn source_node(&self, i: usize) -> Option<NodeIndex> {
        self.sources.get(i).copied()
    }

    /// What node `n` stands for.
    pub fn node(&self, n: NodeIndex) -> Option<Node> {
        self.graph.node_weight(n).copied()
    }

    /// Whether claim `i` only answers objections: it attacks something, and
    /// everything it attacks is a claim that itself attacks something (a
    /// counterpoint). Such a claim is an answer, not an objection.
    pub fn is_answer(&self, map: &Map, i: usize) -> bool {
        let Some(node) = self.claim_node(i) else {
            return false;
        };
        let mut targets = self
            .graph
            .edges_directed(node, petgraph::Direction::Outgoing)
            .filter(|e| e.weight().kind.is_attack())
            .map(|e| self.node(petgraph::visit::EdgeRef::target(&e)))
            .peekable();
        targets.peek().is_some()
            && targets.all(|t| match t {
                // A counterpoint: a claim that attacks something that exists.
                Some(Node::Claim(j)) => map.claims.get(j).is_some() && self.attacks_anything(j),
                _ => false,
            })
    }

    /// Whether claim `i` is a counterpoint: an objection, which attacks a
    /// claim or argument of the map and is not only an answer to others.
    /// Attacks on ids that name nothing do not count.
    pub fn is_counterpoint(&self, map: &Map, i: usize) -> bool {
        self.attacks_anything(i) && !self.is_answer(map, i)
    }

    /// Whether claim `i` attacks a claim or an argument of the map.
    pub(crate) fn attacks_anything(&self, i: usize) -> bool {
        self.claim_node(i).is_some_and(|n| {
            self.graph
                .edges_directed(n, petgraph::Direction::Outgoing)
                .any(|e| e.weight().kind.is_attack())
        })
    }

    /// The claims that attack claim `i` (rebut or undermine it), in file
    /// order, each once.
    pub fn attackers(&self, i: usize) -> Vec<usize> {
        let Some(node) = self.claim_node(i) else {
            return Vec::new();
        };
        let mut by: Vec<usize> = self
            .graph
            .edges_directed(node, petgraph::Direction::Incoming)
            .filter(|e| e.weight().kind == EdgeKind::Attack)
            .filter_map(|e| match self.node(petgraph::visit::EdgeRef::source(&e)) {
                Some(Node::Claim(j)) => Some(j),
                _ => None,
            })
            .collect();
        by.sort_unstable();
        by.dedup();
        by
    }

    /// The claims that qualify claim or argument node `n`, in file order,
    /// each once.
    pub fn qualifiers(&self, n: NodeIndex) -> Vec<usize> {
        let mut by: Vec<usize> = self
            .graph
            .edges_directed(n, petgraph::Direction::Incoming)
            .filter(|e| e.weight().kind == EdgeKind::Qualifies)
            .filter_map(|e| match self.node(petgraph::visit::EdgeRef::source(&e)) {
                Some(Node::Claim(j)) => Some(j),
                _ => None,
            })
            .collect();
        by.sort_unstable();
        by.dedup();
        by
    }

    /// Whether claim `i` qualifies a claim or an argument of the map.
    pub fn qualifies_anything(&self, i: usize) -> bool {
        self.claim_node(i).is_some_and(|n| {
            self.graph
                .edges_directed(n, petgraph::Direction::Outgoing)
                .any(|e| e.weight().kind == EdgeKind::Qualifies)
        })
    }

    /// The id of node `n` in `map`.
    pub fn node_id<'m>(&self, map: &'m Map, n: NodeIndex) -> &'m str {
        let id = match self.node(n) {
            Some(Node::Claim(i)) => map.claims.get(i).map(|c| &c.id),
            Some(Node::Argument(i)) => map.arguments.get(i).map(|a| &a.id),
            Some(Node::Source(i)) => map.sources.get(i).map(|s| &s.id),
            None => None,
        };
        id.map_or("", |s| s.value.as_str())
    }
}
