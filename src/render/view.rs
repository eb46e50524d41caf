//! Which part of a map a diagram shows: the whole map, the neighbourhood of
//! one claim or argument ([`View::Focus`]) or one section ([`View::Section`]).
//!
//! Neighbourhoods are found by a breadth-first search over the map's graph
//! that visits every node and edge at most a constant number of times, so
//! views of maps with 100,000 claims cost time linear in the map's size.

use std::collections::VecDeque;
use std::fmt;

use petgraph::Direction as Dir;
use petgraph::graph::NodeIndex;
use petgraph::visit::EdgeRef;

use crate::graph::{EdgeKind, MapGraph, Node};
use crate::model::{Kind, Map};
use crate::resolved::Target;
use crate::suggest;

/// The part of the map to draw.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum View {
    /// Every claim and argument.
    #[default]
    Whole,
    /// The claims and arguments within `depth` steps of the claim or
    /// argument `id`, along any relation and in both directions. A linked
    /// argument is one step from each of its premises to its conclusion: an
    /// argument is drawn with all its premises and its conclusion.
    Focus {
        /// A claim or argument id.
        id: String,
        /// How many steps to follow.
        depth: usize,
    },
    /// The claims of section `id` and the arguments in it (an argument is in
    /// the section named by its `section` key, else in its conclusion's),
    /// with the claims and arguments one step outside it drawn faded.
    Section(String),
}

/// How a node appears in a view.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Shown {
    /// Not drawn.
    Hidden,
    /// Drawn in full.
    Full,
    /// Drawn faded, as context for the nodes drawn in full.
    Context,
}

impl Shown {
    /// Whether the node is drawn at all.
    pub(crate) fn drawn(self) -> bool {
        self != Shown::Hidden
    }
}

/// The result of choosing a view: how each claim and argument appears.
#[derive(Debug)]
pub(crate) struct Selection {
    /// Per claim, in file order.
    pub claims: Vec<Shown>,
    /// Per argument, in file order.
    pub arguments: Vec<Shown>,
    /// The focused claim or argument.
    pub focus: Option<Node>,
    /// Claims of other sections one step from a section's, left out of its
    /// view past [`MAX_SECTION_CONTEXT`]: the diagram says how many.
    pub hidden_context: usize,
}

/// The most claims of other sections a section's view draws as context.
/// Past it, objections to the section come first, then the rest in file
/// order; in a big map a section can touch hundreds, which would bury it.
pub const MAX_SECTION_CONTEXT: usize = 40;

impl Selection {
    /// How claim `i` appears.
    pub(crate) fn claim(&self, i: usize) -> Shown {
        self.claims.get(i).copied().unwrap_or(Shown::Hidden)
    }

    /// How argument `i` appears.
    pub(crate) fn argument(&self, i: usize) -> Shown {
        self.arguments.get(i).copied().unwrap_or(Shown::Hidden)
    }
}

/// Why a view cannot be drawn.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ViewError {
    /// `--focus` names nothing.
    UnknownFocus {
        /// The id as given.
        id: String,
        /// The closest claim or argument id.
        suggestion: Option<String>,
    },
    /// `--focus` names something other than a claim or argument.
    FocusKind {
        /// The id as given.
        id: String,
        /// What it names.
        kind: Kind,
    },
    /// `--section` names nothing.
    UnknownSection {
        /// The id as given.
        id: String,
        /// The closest section id.
        suggestion: Option<String>,
    },
    /// `--section` names something other than a section.
    SectionKind {
        /// The id as given.
        id: String,
        /// What it names.
        kind: Kind,
    },
}

impl fmt::Display for ViewError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ViewError::UnknownFocus { id, .. } => {
                write!(f, "the map has no claim or argument `{id}` to focus on")
            }
            ViewError::FocusKind { id, kind } => write!(
                f,
                "`{id}` is {}; `--focus` takes a claim or argument id",
                kind.a()
            ),
            ViewError::UnknownSection { id, .. } => write!(f, "the map has no section `{id}`"),
            ViewError::SectionKind { id, kind } => {
                write!(f, "`{id}` is {}, not a section", kind.a())
            }
        }
    }
}

impl std::error::Error for ViewError {}

impl ViewError {
    /// What to do about it.
    pub fn help(&self) -> Option<String> {
        match self {
            ViewError::UnknownFocus {
                suggestion: Some(s),
                ..
            }
            | ViewError::UnknownSection {
                suggestion: Some(s),
                ..
            } => Some(format!("did you mean `{s}`?")),
            ViewError::UnknownFocus { .. } => {
                Some("ids are the keys of `[claims.<id>]` and `[arguments.<id>]`".to_owned())
            }
            ViewError::UnknownSection { .. } => {
                Some("section ids are the keys of `[sections.<id>]`".to_owned())
            }
            ViewError::FocusKind {
                id,
                kind: Kind::Section,
            } => Some(format!("to draw a section, use `--section {id}`")),
            ViewError::SectionKind {
                id,
                kind: Kind::Claim | Kind::Argument,
            } => Some(format!("to draw what surrounds it, use `--focus {id}`")),
            ViewError::FocusKind { .. } | ViewError::SectionKind { .. } => None,
        }
    }
}

/// Chooses the nodes of `view`. The ids a view names (`--focus`,
/// `--section`) are the user's, looked up here; the map's own references
/// come resolved with `graph`.
pub(crate) fn select(map: &Map, graph: &MapGraph, view: &View) -> Result<Selection, ViewError> {
    match view {
        View::Whole => Ok(Selection {
            claims: vec![Shown::Full; map.claims.len()],
            arguments: vec![Shown::Full; map.arguments.len()],
            focus: None,
            hidden_context: 0,
        }),
        View::Focus { id, depth } => {
            let (node, start) = match map.lookup(id) {
                Some(r) if r.kind == Kind::Claim => {
                    (Node::Claim(r.index), graph.claim_node(r.index))
                }
                Some(r) if r.kind == Kind::Argument => {
                    (Node::Argument(r.index), graph.argument_node(r.index))
                }
                Some(r) => {
                    return Err(ViewError::FocusKind {
                        id: id.clone(),
                        kind: r.kind,
                    });
                }
                None => {
                    let ids = map.ids_of(Kind::Claim).chain(map.ids_of(Kind::Argument));
                    return Err(ViewError::UnknownFocus {
                        id: id.clone(),
                        suggestion: suggest::closest(id, ids).map(str::to_owned),
                    });
                }
            };
            let dist = distances(graph, start.into_iter(), *depth);
            let shown = |n: Option<NodeIndex>| match n.and_then(|n| dist.get(n.index())) {
                Some(d) if *d <= *depth => Shown::Full,
                _ => Shown::Hidden,
            };
            Ok(Selection {
                claims: (0..map.claims.len())
                    .map(|i| shown(graph.claim_node(i)))
                    .collect(),
                arguments: (0..map.arguments.len())
                    .map(|i| shown(graph.argument_node(i)))
                    .collect(),
                focus: Some(node),
                hidden_context: 0,
            })
        }
        View::Section(id) => {
            let section = match map.lookup(id) {
                Some(r) if r.kind == Kind::Section => r.index,
                Some(r) => {
                    return Err(ViewError::SectionKind {
                        id: id.clone(),
                        kind: r.kind,
                    });
                }
                None => {
                    return Err(ViewError::UnknownSection {
                        id: id.clone(),
                        suggestion: suggest::closest(id, map.ids_of(Kind::Section))
                            .map(str::to_owned),
                    });
                }
            };
            let claim_sections = graph.resolved.claim_section.as_slice();
            let argument_sections = graph.resolved.argument_section.as_slice();
            let inside = |s: &Option<usize>| *s == Some(section);
            let starts = claim_sections
                .iter()
                .enumerate()
                .filter(|(_, s)| inside(s))
                .filter_map(|(i, _)| graph.claim_node(i))
                .chain(
                    argument_sections
                        .iter()
                        .enumerate()
                        .filter(|(_, s)| inside(s))
                        .filter_map(|(i, _)| graph.argument_node(i)),
                );
            let dist = distances(graph, starts, 1);
            let shown = |own: Option<&Option<usize>>, n: Option<NodeIndex>| {
                if own.is_some_and(inside) {
                    Shown::Full
                } else if n.and_then(|n| dist.get(n.index())).is_some_and(|d| *d <= 1) {
                    Shown::Context
                } else {
                    Shown::Hidden
                }
            };
            let mut claims: Vec<Shown> = (0..map.claims.len())
                .map(|i| shown(claim_sections.get(i), graph.claim_node(i)))
                .collect();
            let hidden_context = cap_context(graph, &mut claims, section);
            Ok(Selection {
                claims,
                arguments: (0..map.arguments.len())
                    .map(|i| shown(argument_sections.get(i), graph.argument_node(i)))
                    .collect(),
                focus: None,
                hidden_context,
            })
        }
    }
}

/// Hides the context claims of a section's view past
/// [`MAX_SECTION_CONTEXT`], objections to the section kept first; returns
/// how many it hid.
fn cap_context(graph: &MapGraph, claims: &mut [Shown], section: usize) -> usize {
    let context: Vec<usize> = (0..claims.len())
        .filter(|&i| claims.get(i) == Some(&Shown::Context))
        .collect();
    if context.len() <= MAX_SECTION_CONTEXT {
        return 0;
    }
    let r = &graph.resolved;
    let inside = |t: &Target| match *t {
        Target::Claim(j) => r.section_of_claim(j) == Some(section),
        Target::Argument(j) => r.section_of_argument(j) == Some(section),
    };
    let objects = |i: usize| r.attacks.of(i).iter().flatten().any(inside);
    let (objections, others): (Vec<usize>, Vec<usize>) = context.iter().partition(|&&i| objects(i));
    for &i in objections.iter().chain(&others).skip(MAX_SECTION_CONTEXT) {
        if let Some(s) = claims.get_mut(i) {
            *s = Shown::Hidden;
        }
    }
    context.len() - MAX_SECTION_CONTEXT
}

/// The distance of every node from the nearest of `starts` (`usize::MAX`
/// when farther than `depth`), following support, attack and argument
/// relations in both directions but not citations.
///
/// Stepping from a claim onto an argument costs one step; stepping from an
/// argument onto one of its premises or its conclusion costs none, so that
/// an argument comes with all of its claims. With edge costs of 0 and 1
/// this is a 0-1 breadth-first search: a deque, free steps pushed at the
/// front, so every node settles at its least distance in linear time.
fn distances(
    graph: &MapGraph,
    starts: impl Iterator<Item = NodeIndex>,
    depth: usize,
) -> Vec<usize> {
    let g = &graph.graph;
    let mut dist = vec![usize::MAX; g.node_count()];
    let mut queue = VecDeque::new();
    for s in starts {
        if let Some(d) = dist.get_mut(s.index()) {
            *d = 0;
            queue.push_back(s);
        }
    }
    while let Some(n) = queue.pop_front() {
        let Some(&d) = dist.get(n.index()) else {
            continue;
        };
        let from_argument = matches!(graph.node(n), Some(Node::Argument(_)));
        let outgoing = g
            .edges_directed(n, Dir::Outgoing)
            .map(|e| (e.target(), e.weight().kind));
        let incoming = g
            .edges_directed(n, Dir::Incoming)
            .map(|e| (e.source(), e.weight().kind));
        for (next, kind) in outgoing.chain(incoming) {
            if kind == EdgeKind::Cites {
                continue;
            }
            let free = from_argument && matches!(kind, EdgeKind::Premise | EdgeKind::Conclusion);
            let nd = if free { d } else { d.saturating_add(1) };
            match dist.get_mut(next.index()) {
                Some(old) if nd <= depth && nd < *old => {
                    *old = nd;
                    if free {
                        queue.push_front(next);
                    } else {
                        queue.push_back(next);
                    }
                }
                _ => {}
            }
        }
    }
    dist
}
