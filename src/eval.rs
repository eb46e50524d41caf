//! Evaluation of a map under grounded semantics: which claims and arguments
//! stand, which fall, and which the map leaves open.
//!
//! Every claim and every argument gets a [`Label`]. Attacks are defeats and
//! only claims attack, so the claim labels are the grounded labelling (Dung
//! 1995) of the graph whose nodes are claims and whose edges are
//! [`EdgeKind::Attack`] edges:
//!
//! - a claim is [`Label::Rejected`] when an accepted claim attacks it;
//! - a claim is [`Label::Accepted`] when every claim that attacks it is
//!   rejected (so a claim that nothing attacks is accepted);
//! - every other claim is [`Label::Undecided`].
//!
//! A qualification (`qualifies`) is not an attack: the map's author grants
//! it, and it limits its target without denying it, so it changes no
//! label. [`Evaluation::reasons`] lists it beside the reasons of a label.
//!
//! Argument labels follow from the claim labels: an argument is rejected
//! when one of its premises is rejected or an accepted claim undercuts it
//! ([`EdgeKind::Undercut`]), accepted when it has premises, all accepted,
//! and every undercutter is rejected, and undecided otherwise (so an
//! argument without a premise that names a claim, an error of the map, is
//! never accepted). Support (claim
//! `supports`, argument conclusions) never creates an attack, so it never
//! changes a label. Only references that resolve are edges of the
//! [`MapGraph`], so a premise or attack that names nothing is ignored (the
//! `unknown-reference` rule reports it).
//!
//! [`evaluate`] runs in time linear in the size of the map and without
//! recursion, so it suits maps of 100,000 claims and attack chains of any
//! length.
//!
//! ```
//! let map = br#"
//! [map]
//! title = "Bridge"
//! [claims.rebuild]
//! text = "The bridge should be rebuilt"
//! [claims.cost]
//! text = "Rebuilding costs too much"
//! attacks = ["rebuild"]
//! [claims.grant]
//! text = "A grant covers the cost"
//! attacks = ["cost"]
//! "#;
//! let checked = argmap::check::check("bridge.toml", map, &Default::default());
//! let (Some(map), Some(graph)) = (&checked.map, &checked.graph) else { unreachable!() };
//! let eval = argmap::eval::evaluate(map, graph);
//! use argmap::eval::Label;
//! assert_eq!(eval.label_of(map, "grant"), Some(Label::Accepted));
//! assert_eq!(eval.label_of(map, "cost"), Some(Label::Rejected));
//! assert_eq!(eval.label_of(map, "rebuild"), Some(Label::Accepted)); // reinstated
//! assert_eq!(eval.counts().to_string(), "2 accepted, 1 rejected, 0 undecided");
//! ```

use petgraph::Direction;
use petgraph::graph::NodeIndex;
use petgraph::visit::EdgeRef;
use serde::{Deserialize, Serialize};

use crate::graph::{EdgeKind, MapGraph, Node};
use crate::model::{Kind, Map};
use crate::resolved::ResolvedMap;

pub mod evidence;

pub use evidence::Evidence;

/// Which semantics labels the claims.
#[derive(
    Clone,
    Copy,
    Debug,
    Default,
    PartialEq,
    Eq,
    Hash,
    Serialize,
    Deserialize,
    strum::IntoStaticStr,
    strum::VariantArray,
)]
#[serde(rename_all = "lowercase")]
#[strum(serialize_all = "lowercase")]
pub enum Semantics {
    /// Grounded semantics: a claim stands unless an objection stands
    /// (support has no force).
    #[default]
    Grounded,
    /// Evidence-aware: a claim stands only when verified evidence, an
    /// accepted supporter or an accepted argument grounds it, and every
    /// objection falls.
    Evidence,
}

impl Semantics {
    /// The lowercase name: `grounded`, `evidence`.
    pub fn as_str(self) -> &'static str {
        self.into()
    }
}

impl std::fmt::Display for Semantics {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.pad(self.as_str())
    }
}

/// What grounds a claim under [`Semantics::Evidence`]: the first ground
/// the evaluation found, or why it found none.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Ground {
    /// Verified evidence: the claim's citation at this index of its `cites`.
    Evidence(usize),
    /// An accepted claim (index into `map.claims`) supports it.
    Supporter(usize),
    /// An accepted argument (index into `map.arguments`) concludes it.
    Argument(usize),
    /// Nothing grounds it.
    Missing {
        /// No claim it rests on (itself, what supports it, the premises of
        /// arguments concluding it, and so on up) cites a source: it rests
        /// only on bare assertions.
        bare: bool,
        /// Its first citation that is not verified evidence, with why: an
        /// index into its `cites`.
        unverified: Option<(usize, evidence::Status)>,
    },
}

/// The status of a claim or an argument under grounded semantics.
#[derive(
    Clone,
    Copy,
    Debug,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    Serialize,
    Deserialize,
    strum::IntoStaticStr,
    strum::VariantArray,
)]
#[serde(rename_all = "lowercase")]
#[strum(serialize_all = "lowercase")]
pub enum Label {
    /// It stands: nothing that stands defeats it.
    Accepted,
    /// It falls: something that stands defeats it.
    Rejected,
    /// The map does not settle it (a cycle of attacks, or something that
    /// depends on one).
    Undecided,
}

impl Label {
    /// Every label, in display order.
    pub const ALL: &[Label] = <Label as strum::VariantArray>::VARIANTS;

    /// The lowercase name: `accepted`, `rejected`, `undecided`.
    pub fn as_str(self) -> &'static str {
        self.into()
    }
}

impl std::fmt::Display for Label {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.pad(self.as_str())
    }
}

/// How many items have each label.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Counts {
    /// Accepted items.
    pub accepted: usize,
    /// Rejected items.
    pub rejected: usize,
    /// Undecided items.
    pub undecided: usize,
}

impl Counts {
    /// Counts the labels of `labels`.
    pub fn of(labels: &[Label]) -> Counts {
        let mut c = Counts::default();
        for &l in labels {
            c.add(l);
        }
        c
    }

    /// Counts one more item labelled `label`.
    pub fn add(&mut self, label: Label) {
        match label {
            Label::Accepted => self.accepted += 1,
            Label::Rejected => self.rejected += 1,
            Label::Undecided => self.undecided += 1,
        }
    }

    /// The count of `label`.
    pub fn get(&self, label: Label) -> usize {
        match label {
            Label::Accepted => self.accepted,
            Label::Rejected => self.rejected,
            Label::Undecided => self.undecided,
        }
    }

    /// Every item counted.
    pub fn total(&self) -> usize {
        self.accepted + self.rejected + self.undecided
    }
}

impl std::ops::Add for Counts {
    type Output = Counts;

    fn add(self, o: Counts) -> Counts {
        Counts {
            accepted: self.accepted + o.accepted,
            rejected: self.rejected + o.rejected,
            undecided: self.undecided + o.undecided,
        }
    }
}

impl std::fmt::Display for Counts {
    /// `12 accepted, 3 rejected, 2 undecided`
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} accepted, {} rejected, {} undecided",
            self.accepted, self.rejected, self.undecided
        )
    }
}

/// How an item bears on the label of the item it is a reason for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Role {
    /// A premise of the argument.
    Premise,
    /// A claim that attacks the claim (rebuttal or undermining).
    Attacker,
    /// A claim that undercuts the argument.
    Undercutter,
    /// A claim that qualifies the claim or argument: listed, but it never
    /// changes a label.
    Qualifier,
}

/// One item that an item's label rests on: see [`Evaluation::reasons`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Reason {
    /// How it bears on the item.
    pub role: Role,
    /// The claim it is (premises, attackers and undercutters are claims):
    /// an index into `map.claims`.
    pub claim: usize,
    /// Its label.
    pub label: Label,
}

/// The labels of a map's claims and arguments.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Evaluation {
    /// The semantics that labelled them.
    pub semantics: Semantics,
    /// The label of each claim, indexed like `map.claims`.
    pub claims: Vec<Label>,
    /// The label of each argument, indexed like `map.arguments`.
    pub arguments: Vec<Label>,
    /// Under [`Semantics::Evidence`], what grounds each claim, indexed like
    /// `map.claims`; empty under grounded semantics.
    pub grounds: Vec<Ground>,
}

impl Evaluation {
    /// What grounds claim `i` (under [`Semantics::Evidence`] only).
    pub fn ground(&self, i: usize) -> Option<Ground> {
        self.grounds.get(i).copied()
    }

    /// The label of claim `i`.
    pub fn claim(&self, i: usize) -> Option<Label> {
        self.claims.get(i).copied()
    }

    /// The label of argument `i`.
    pub fn argument(&self, i: usize) -> Option<Label> {
        self.arguments.get(i).copied()
    }

    /// The label of a graph node; `None` for sources, which are not
    /// evaluated.
    pub fn node(&self, node: Node) -> Option<Label> {
        match node {
            Node::Claim(i) => self.claim(i),
            Node::Argument(i) => self.argument(i),
            Node::Source(_) => None,
        }
    }

    /// The label of the claim or argument named `id` (resolved with
    /// [`Map::lookup`]); `None` when `id` names neither.
    pub fn label_of(&self, map: &Map, id: &str) -> Option<Label> {
        let r = map.lookup(id)?;
        match r.kind {
            Kind::Claim => self.claim(r.index),
            Kind::Argument => self.argument(r.index),
            _ => None,
        }
    }

    /// The label of the thesis (`map.thesis`), with its id, when the map
    /// names one; the label is `None` when the id names no claim.
    pub fn thesis<'m>(
        &self,
        map: &'m Map,
        resolved: &ResolvedMap,
    ) -> Option<(&'m str, Option<Label>)> {
        let id = map.meta.thesis.as_ref()?.as_str();
        Some((id, resolved.thesis.and_then(|i| self.claim(i))))
    }

    /// Label counts over the claims.
    pub fn claim_counts(&self) -> Counts {
        Counts::of(&self.claims)
    }

    /// Label counts over the arguments.
    pub fn argument_counts(&self) -> Counts {
        Counts::of(&self.arguments)
    }

    /// Label counts over claims and arguments together.
    pub fn counts(&self) -> Counts {
        self.claim_counts() + self.argument_counts()
    }

    /// The items that `node`'s label rests on, in file order, each once:
    ///
    /// - accepted claim: its attackers (all rejected; none when nothing
    ///   attacks it);
    /// - rejected claim: its accepted attackers;
    /// - undecided claim: its undecided attackers;
    /// - accepted argument: its premises and undercutters (rejected);
    /// - rejected argument: its rejected premises and accepted undercutters;
    /// - undecided argument: its undecided premises and undercutters;
    ///
    /// and, for any label, the claims that qualify it (`qualifies`), which
    /// limit it without changing its label.
    ///
    /// Empty for sources and for nodes that are not in `graph`.
    pub fn reasons(&self, graph: &MapGraph, node: Node) -> Vec<Reason> {
        let (Some(label), Some(n)) = (self.node(node), node_index(graph, node)) else {
            return Vec::new();
        };
        let mut out: Vec<Reason> = graph
            .graph
            .edges_directed(n, Direction::Incoming)
            .filter_map(|e| {
                let role = match e.weight().kind {
                    EdgeKind::Attack => Role::Attacker,
                    EdgeKind::Undercut => Role::Undercutter,
                    EdgeKind::Premise => Role::Premise,
                    EdgeKind::Qualifies => Role::Qualifier,
                    _ => return None,
                };
                let Some(Node::Claim(claim)) = graph.node(e.source()) else {
                    return None;
                };
                let of = self.claim(claim)?;
                let relevant = match (label, role) {
                    (_, Role::Qualifier) | (Label::Accepted, _) => true,
                    (Label::Rejected, Role::Premise) => of == Label::Rejected,
                    (Label::Rejected, _) => of == Label::Accepted,
                    (Label::Undecided, _) => of == Label::Undecided,
                };
                relevant.then_some(Reason {
                    role,
                    claim,
                    label: of,
                })
            })
            .collect();
        out.sort_by_key(|r| (r.role, r.claim));
        out.dedup();
        out
    }
}

/// The graph node of a claim or argument.
fn node_index(graph: &MapGraph, node: Node) -> Option<NodeIndex> {
    match node {
        Node::Claim(i) => graph.claim_node(i),
        Node::Argument(i) => graph.argument_node(i),
        Node::Source(i) => graph.source_node(i),
    }
}

/// Labels every claim and argument of `map` under grounded semantics.
/// `graph` must be the [`MapGraph`] of `map`.
///
/// The claims are labelled by the usual linear algorithm: each claim keeps
/// a count of its attackers not yet rejected; claims whose count is zero
/// are accepted; accepting a claim rejects every claim it attacks;
/// rejecting a claim decrements the count of every claim it attacks, and a
/// count that reaches zero accepts that claim. What is never labelled is
/// undecided. Each claim and each attack is handled once, with an explicit
/// worklist.
pub fn evaluate(map: &Map, graph: &MapGraph) -> Evaluation {
    let claims = label_claims(map.claims.len(), graph);
    let arguments = (0..map.arguments.len())
        .map(|i| label_argument(&claims, graph, i))
        .collect();
    Evaluation {
        semantics: Semantics::Grounded,
        claims,
        arguments,
        grounds: Vec::new(),
    }
}

/// Labels every claim and argument of `map` under `semantics`: [`evaluate`]
/// for grounded semantics, [`evaluate_evidence`] with `evidence` for the
/// evidence-aware one.
pub fn evaluate_with(
    map: &Map,
    graph: &MapGraph,
    semantics: Semantics,
    evidence: &Evidence,
) -> Evaluation {
    match semantics {
        Semantics::Grounded => evaluate(map, graph),
        Semantics::Evidence => evaluate_evidence(map, graph, evidence),
    }
}

/// Labels every claim and argument of `map` under evidence-aware
/// semantics: the least fixpoint of
///
/// - a claim is accepted when something grounds it (a verified citation in
///   `evidence`, an accepted claim that supports it, an accepted argument
///   that concludes it) and every claim that attacks it is rejected;
/// - a claim is rejected when an accepted claim attacks it;
///
/// every other claim is undecided; arguments are labelled from the claims
/// as under [`evaluate`]. Starting from nothing labelled, a worklist
/// labels a claim only once what its label rests on is labelled, so a
/// cycle of support with no evidence grounds nothing. Each claim, argument
/// and edge is handled a bounded number of times, without recursion.
pub fn evaluate_evidence(map: &Map, graph: &MapGraph, evidence: &Evidence) -> Evaluation {
    let n = map.claims.len();
    let m = map.arguments.len();
    let mut labels: Vec<Option<Label>> = vec![None; n];
    let mut grounds: Vec<Option<Ground>> = (0..n)
        .map(|i| evidence.verified(i).map(Ground::Evidence))
        .collect();
    // Attackers of each claim not yet rejected, counting each edge.
    let mut live = vec![0usize; n];
    for i in 0..n {
        for j in attacked(graph, i) {
            if let Some(c) = live.get_mut(j) {
                *c += 1;
            }
        }
    }
    // Per argument: premise edges not yet accepted, undercut edges not yet
    // rejected, whether it has a premise, whether it is accepted.
    let mut pending = vec![0usize; m];
    let mut undercut = vec![0usize; m];
    let mut accepted_argument = vec![false; m];
    for a in 0..m {
        let Some(node) = graph.argument_node(a) else {
            continue;
        };
        for e in graph.graph.edges_directed(node, Direction::Incoming) {
            match e.weight().kind {
                EdgeKind::Premise => {
                    if let Some(p) = pending.get_mut(a) {
                        *p += 1;
                    }
                }
                EdgeKind::Undercut => {
                    if let Some(u) = undercut.get_mut(a) {
                        *u += 1;
                    }
                }
                _ => {}
            }
        }
    }
    let premised: Vec<bool> = pending.iter().map(|&p| p > 0).collect();
    enum Event {
        Accepted(usize),
        Rejected(usize),
        ArgumentAccepted(usize),
    }
    let mut work: Vec<Event> = Vec::new();
    // Accepts claim `t` when it is unlabelled, grounded and unattacked.
    let try_accept = |t: usize,
                      labels: &mut Vec<Option<Label>>,
                      live: &[usize],
                      grounds: &[Option<Ground>],
                      work: &mut Vec<Event>| {
        if live.get(t) == Some(&0)
            && grounds.get(t).is_some_and(Option::is_some)
            && let Some(slot @ None) = labels.get_mut(t)
        {
            *slot = Some(Label::Accepted);
            work.push(Event::Accepted(t));
        }
    };
    let try_accept_argument = |a: usize,
                               pending: &[usize],
                               undercut: &[usize],
                               accepted: &mut Vec<bool>,
                               work: &mut Vec<Event>| {
        if premised.get(a) == Some(&true)
            && pending.get(a) == Some(&0)
            && undercut.get(a) == Some(&0)
            && let Some(slot @ false) = accepted.get_mut(a)
        {
            *slot = true;
            work.push(Event::ArgumentAccepted(a));
        }
    };
    for i in (0..n).rev() {
        try_accept(i, &mut labels, &live, &grounds, &mut work);
    }
    while let Some(event) = work.pop() {
        match event {
            Event::Accepted(c) => {
                let Some(node) = graph.claim_node(c) else {
                    continue;
                };
                for e in graph.graph.edges_directed(node, Direction::Outgoing) {
                    let target = graph.node(e.target());
                    match (e.weight().kind, target) {
                        (EdgeKind::Attack, Some(Node::Claim(t))) => {
                            if let Some(slot @ None) = labels.get_mut(t) {
                                *slot = Some(Label::Rejected);
                                work.push(Event::Rejected(t));
                            }
                        }
                        (EdgeKind::Support, Some(Node::Claim(t))) => {
                            if let Some(slot @ None) = grounds.get_mut(t) {
                                *slot = Some(Ground::Supporter(c));
                            }
                            try_accept(t, &mut labels, &live, &grounds, &mut work);
                        }
                        (EdgeKind::Premise, Some(Node::Argument(a))) => {
                            if let Some(p) = pending.get_mut(a) {
                                *p = p.saturating_sub(1);
                            }
                            try_accept_argument(
                                a,
                                &pending,
                                &undercut,
                                &mut accepted_argument,
                                &mut work,
                            );
                        }
                        _ => {}
                    }
                }
            }
            Event::Rejected(c) => {
                let Some(node) = graph.claim_node(c) else {
                    continue;
                };
                for e in graph.graph.edges_directed(node, Direction::Outgoing) {
                    let target = graph.node(e.target());
                    match (e.weight().kind, target) {
                        (EdgeKind::Attack, Some(Node::Claim(t))) => {
                            if let Some(l) = live.get_mut(t) {
                                *l = l.saturating_sub(1);
                            }
                            try_accept(t, &mut labels, &live, &grounds, &mut work);
                        }
                        (EdgeKind::Undercut, Some(Node::Argument(a))) => {
                            if let Some(u) = undercut.get_mut(a) {
                                *u = u.saturating_sub(1);
                            }
                            try_accept_argument(
                                a,
                                &pending,
                                &undercut,
                                &mut accepted_argument,
                                &mut work,
                            );
                        }
                        _ => {}
                    }
                }
            }
            Event::ArgumentAccepted(a) => {
                let Some(t) = graph.resolved.conclusion.get(a).copied().flatten() else {
                    continue;
                };
                if let Some(slot @ None) = grounds.get_mut(t) {
                    *slot = Some(Ground::Argument(a));
                }
                try_accept(t, &mut labels, &live, &grounds, &mut work);
            }
        }
    }
    let claims: Vec<Label> = labels
        .into_iter()
        .map(|l| l.unwrap_or(Label::Undecided))
        .collect();
    let arguments = (0..m).map(|i| label_argument(&claims, graph, i)).collect();
    let bare = bare_assertions(map, graph);
    let grounds = grounds
        .into_iter()
        .enumerate()
        .map(|(i, g)| {
            g.unwrap_or_else(|| Ground::Missing {
                bare: bare.get(i).copied().unwrap_or(true),
                unverified: evidence
                    .citations(i)
                    .iter()
                    .copied()
                    .enumerate()
                    .find(|(_, s)| *s != evidence::Status::Verified),
            })
        })
        .collect();
    Evaluation {
        semantics: Semantics::Evidence,
        claims,
        arguments,
        grounds,
    }
}

/// Which claims rest only on bare assertions: no claim they rest on
/// (themselves, their supporters, the premises of arguments concluding
/// them, and so on up) cites a source. A breadth-first walk down the
/// support from every cited claim; what it never reaches is bare.
fn bare_assertions(map: &Map, graph: &MapGraph) -> Vec<bool> {
    let n = map.claims.len();
    let mut reached = vec![false; n];
    let mut reached_argument = vec![false; map.arguments.len()];
    let mut queue: std::collections::VecDeque<usize> =
        (0..n).filter(|&i| graph.resolved.is_cited(i)).collect();
    for &i in &queue {
        if let Some(r) = reached.get_mut(i) {
            *r = true;
        }
    }
    while let Some(c) = queue.pop_front() {
        let Some(node) = graph.claim_node(c) else {
            continue;
        };
        for e in graph.graph.edges_directed(node, Direction::Outgoing) {
            let target = match (e.weight().kind, graph.node(e.target())) {
                (EdgeKind::Support, Some(Node::Claim(t))) => Some(t),
                (EdgeKind::Premise, Some(Node::Argument(a))) => match reached_argument.get_mut(a) {
                    Some(r @ false) => {
                        *r = true;
                        graph.resolved.conclusion.get(a).copied().flatten()
                    }
                    _ => None,
                },
                _ => None,
            };
            if let Some(t) = target
                && let Some(r @ false) = reached.get_mut(t)
            {
                *r = true;
                queue.push_back(t);
            }
        }
    }
    reached.into_iter().map(|r| !r).collect()
}

/// The claims that claim `i` attacks, once per `attacks` entry.
fn attacked(graph: &MapGraph, i: usize) -> impl Iterator<Item = usize> + '_ {
    graph
        .claim_node(i)
        .into_iter()
        .flat_map(|n| graph.graph.edges_directed(n, Direction::Outgoing))
        .filter(|e| e.weight().kind == EdgeKind::Attack)
        .filter_map(|e| match graph.node(e.target()) {
            Some(Node::Claim(j)) => Some(j),
            _ => None,
        })
}

/// The grounded labelling of the claim-attack graph.
fn label_claims(n: usize, graph: &MapGraph) -> Vec<Label> {
    let mut labels: Vec<Option<Label>> = vec![None; n];
    // Attackers of each claim not (yet) rejected, counting each edge.
    let mut live = vec![0usize; n];
    for i in 0..n {
        for j in attacked(graph, i) {
            if let Some(c) = live.get_mut(j) {
                *c += 1;
            }
        }
    }
    let mut accept: Vec<usize> = (0..n).filter(|&i| live.get(i) == Some(&0)).rev().collect();
    let mut reject: Vec<usize> = Vec::new();
    loop {
        if let Some(r) = reject.pop() {
            // `r` was labelled rejected when it was queued.
            for t in attacked(graph, r) {
                let Some(c) = live.get_mut(t) else { continue };
                *c = c.saturating_sub(1);
                if *c == 0 && labels.get(t) == Some(&None) {
                    accept.push(t);
                }
            }
        } else if let Some(a) = accept.pop() {
            let Some(slot @ None) = labels.get_mut(a) else {
                continue;
            };
            *slot = Some(Label::Accepted);
            for t in attacked(graph, a) {
                if let Some(slot @ None) = labels.get_mut(t) {
                    *slot = Some(Label::Rejected);
                    reject.push(t);
                }
            }
        } else {
            break;
        }
    }
    labels
        .into_iter()
        .map(|l| l.unwrap_or(Label::Undecided))
        .collect()
}

/// The label of argument `i`, given the claim labels.
fn label_argument(claims: &[Label], graph: &MapGraph, i: usize) -> Label {
    let Some(n) = graph.argument_node(i) else {
        return Label::Undecided;
    };
    let mut settled = true;
    let mut premised = false;
    for e in graph.graph.edges_directed(n, Direction::Incoming) {
        let kind = e.weight().kind;
        let Some(Node::Claim(c)) = graph.node(e.source()) else {
            continue;
        };
        premised |= kind == EdgeKind::Premise;
        let label = claims.get(c).copied().unwrap_or(Label::Undecided);
        match (kind, label) {
            (EdgeKind::Premise, Label::Rejected) | (EdgeKind::Undercut, Label::Accepted) => {
                return Label::Rejected;
            }
            (EdgeKind::Premise, Label::Accepted) | (EdgeKind::Undercut, Label::Rejected) => {}
            (EdgeKind::Premise | EdgeKind::Undercut, Label::Undecided) => settled = false,
            _ => {}
        }
    }
    // An argument with no premise (`premises = []`, or premises that name
    // nothing: errors `check` reports) stands on nothing: never accepted.
    if settled && premised {
        Label::Accepted
    } else {
        Label::Undecided
    }
}
