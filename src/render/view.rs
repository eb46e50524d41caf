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
    /// `--actor` names nothing.
    UnknownActor {
        /// The id as given.
        id: String,
        /// The closest actor id.
        suggestion: Option<String>,
    },
    /// `--actor` names something other than an actor.
    ActorKind {
        /// The id as given.
        id: String,
        /// What it names.
        kind: Kind,
    },
    /// `--actor` and `--tag` together leave no claim of the view.
    NothingLeft {
        /// The filter.
        filter: Filter,
    },
    /// `--tag` names a tag no claim has.
    UnknownTag {
        /// The tag as given.
        id: String,
        /// The closest tag of the map.
        suggestion: Option<String>,
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
            ViewError::UnknownActor { id, .. } => write!(f, "the map has no actor `{id}`"),
            ViewError::ActorKind { id, kind } => {
                write!(f, "`{id}` is {}, not an actor", kind.a())
            }
            ViewError::UnknownTag { id, .. } => write!(f, "no claim of the map has the tag `{id}`"),
            ViewError::NothingLeft { filter } => {
                let mut what = Vec::new();
                if !filter.actors.is_empty() {
                    let ids: Vec<String> = filter.actors.iter().map(|a| format!("`{a}`")).collect();
                    what.push(format!("held by {}", crate::english::or_list(&ids)));
                }
                if !filter.tags.is_empty() {
                    let ids: Vec<String> = filter.tags.iter().map(|t| format!("`{t}`")).collect();
                    what.push(format!("tagged {}", crate::english::or_list(&ids)));
                }
                write!(f, "no claim of the view is {}", what.join(" and "))
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
            }
            | ViewError::UnknownActor {
                suggestion: Some(s),
                ..
            }
            | ViewError::UnknownTag {
                suggestion: Some(s),
                ..
            } => Some(format!("did you mean `{s}`?")),
            ViewError::UnknownActor { .. } => {
                Some("actor ids are the keys of `[actors.<id>]`".to_owned())
            }
            ViewError::UnknownTag { .. } => {
                Some("tags are the strings of claims' `tags` lists".to_owned())
            }
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
            ViewError::NothingLeft { .. } => Some(
                "`--actor` and `--tag` keep the claims that pass both; drop one, or draw the whole map"
                    .to_owned(),
            ),
            ViewError::FocusKind { .. }
            | ViewError::SectionKind { .. }
            | ViewError::ActorKind { .. } => None,
        }
    }
}

/// How much of what surrounds a section's or a focus's view is drawn,
/// faded (`render --context`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, strum::EnumString, strum::IntoStaticStr)]
#[strum(serialize_all = "lowercase")]
pub enum Context {
    /// Nothing outside the view.
    None,
    /// Direct neighbours: the claims and inferences one relation away from
    /// the view (an inference's other premises are not pulled in): the
    /// objections to the view, and at most a third as many other claims as
    /// the view draws (between [`MIN_NEAR_CONTEXT`] and
    /// [`MAX_NEAR_OTHERS`]), [`MAX_NEAR_CONTEXT`] in all.
    #[default]
    Near,
    /// Everything one step away, an inference with all its premises and
    /// its conclusion, at most [`MAX_SECTION_CONTEXT`] claims.
    All,
}

/// Which claims a diagram draws: those of the given actors and with the
/// given tags (`render --actor`, `--tag`); empty lists filter nothing.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Filter {
    /// Actor ids: a claim one of them holds (`by`) is drawn.
    pub actors: Vec<String>,
    /// Tags: a claim with one of them is drawn.
    pub tags: Vec<String>,
}

impl Filter {
    /// Whether the filter lets every claim through.
    pub fn is_empty(&self) -> bool {
        self.actors.is_empty() && self.tags.is_empty()
    }
}

/// The most claims drawn faded around a view with [`Context::Near`]:
/// objections to the view first, then, of the other neighbours, at most a
/// third as many as the view draws in full, between [`MIN_NEAR_CONTEXT`]
/// and [`MAX_NEAR_OTHERS`], so that the context never swamps the view.
pub const MAX_NEAR_CONTEXT: usize = 8;

/// The most neighbours that do not object to the view [`Context::Near`]
/// draws.
pub const MAX_NEAR_OTHERS: usize = 5;

/// The fewest neighbours that do not object to the view [`Context::Near`]
/// draws, when there are that many.
pub const MIN_NEAR_CONTEXT: usize = 2;

/// Chooses the nodes of `view`, filtered by `filter`, with `context`
/// around them. The ids a view names (`--focus`, `--section`, `--actor`)
/// are the user's, looked up here; the map's own references come resolved
/// with `graph`.
pub(crate) fn select(
    map: &Map,
    graph: &MapGraph,
    view: &View,
    context: Context,
    filter: &Filter,
) -> Result<Selection, ViewError> {
    let keep = keeper(map, graph, filter)?;
    let r = &graph.resolved;
    let (claims, mut arguments, focus, context) = match view {
        View::Whole => {
            let claims: Vec<bool> = (0..map.claims.len()).map(&keep).collect();
            // An inference is drawn with its conclusion.
            let arguments: Vec<bool> = (0..map.arguments.len())
                .map(|a| {
                    filter.is_empty()
                        || r.conclusion
                            .get(a)
                            .copied()
                            .flatten()
                            .is_some_and(|c| claims.get(c) == Some(&true))
                })
                .collect();
            // The whole map has no context, unless a filter leaves some out.
            let context = if filter.is_empty() {
                Context::None
            } else {
                context
            };
            (claims, arguments, None, context)
        }
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
            let dist = distances(graph, start.into_iter(), *depth, true);
            let within = |n: Option<NodeIndex>| {
                n.and_then(|n| dist.get(n.index()))
                    .is_some_and(|d| *d <= *depth)
            };
            let claims = (0..map.claims.len())
                .map(|i| within(graph.claim_node(i)) && (keep(i) || node == Node::Claim(i)))
                .collect();
            let arguments = (0..map.arguments.len())
                .map(|a| within(graph.argument_node(a)))
                .collect();
            (claims, arguments, Some(node), context)
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
            let claims = (0..map.claims.len())
                .map(|i| r.section_of_claim(i) == Some(section) && keep(i))
                .collect();
            let arguments = (0..map.arguments.len())
                .map(|a| r.section_of_argument(a) == Some(section))
                .collect();
            (claims, arguments, None, context)
        }
    };
    // An inference none of whose claims is drawn stands alone: left out.
    for (a, drawn) in arguments.iter_mut().enumerate() {
        if *drawn && !filter.is_empty() {
            let conclusion = r.conclusion.get(a).copied().flatten();
            let any = conclusion
                .into_iter()
                .chain(r.premises.of(a).iter().flatten().copied())
                .any(|c| claims.get(c) == Some(&true));
            *drawn = any;
        }
    }
    if !filter.is_empty() && !claims.iter().any(|&c| c) {
        return Err(ViewError::NothingLeft {
            filter: filter.clone(),
        });
    }
    let mut shown_claims: Vec<Shown> = claims
        .iter()
        .map(|&f| if f { Shown::Full } else { Shown::Hidden })
        .collect();
    let mut shown_arguments: Vec<Shown> = arguments
        .iter()
        .map(|&f| if f { Shown::Full } else { Shown::Hidden })
        .collect();
    let hidden_context = surround(graph, &mut shown_claims, &mut shown_arguments, context);
    // An inference drawn in full is drawn with every premise and its
    // conclusion: those the view leaves out, faded. (One drawn as context
    // is only a pointer to what lies outside the view.)
    for (a, shown) in shown_arguments.iter().enumerate() {
        if *shown != Shown::Full {
            continue;
        }
        let conclusion = r.conclusion.get(a).copied().flatten();
        for c in r.premises.of(a).iter().flatten().copied().chain(conclusion) {
            if let Some(s) = shown_claims.get_mut(c)
                && *s == Shown::Hidden
            {
                *s = Shown::Context;
            }
        }
    }
    Ok(Selection {
        claims: shown_claims,
        arguments: shown_arguments,
        focus,
        hidden_context,
    })
}

/// Whether claim `i` passes `filter`; unknown actors and tags are errors.
fn keeper<'a>(
    map: &'a Map,
    graph: &'a MapGraph,
    filter: &'a Filter,
) -> Result<impl Fn(usize) -> bool + 'a, ViewError> {
    let mut actors = vec![false; map.actors.len()];
    for id in &filter.actors {
        match map.lookup(id) {
            Some(r) if r.kind == Kind::Actor => {
                if let Some(a) = actors.get_mut(r.index) {
                    *a = true;
                }
            }
            Some(r) => {
                return Err(ViewError::ActorKind {
                    id: id.clone(),
                    kind: r.kind,
                });
            }
            None => {
                return Err(ViewError::UnknownActor {
                    id: id.clone(),
                    suggestion: suggest::closest(id, map.ids_of(Kind::Actor)).map(str::to_owned),
                });
            }
        }
    }
    if let Some(tag) = filter.tags.iter().find(|t| {
        !map.claims
            .iter()
            .any(|c| c.tags.iter().any(|x| &x.value == *t))
    }) {
        let mut known: Vec<&str> = map
            .claims
            .iter()
            .flat_map(|c| c.tags.iter().map(|t| t.as_str()))
            .collect();
        known.sort_unstable();
        known.dedup();
        return Err(ViewError::UnknownTag {
            id: tag.clone(),
            suggestion: suggest::closest(tag, known).map(str::to_owned),
        });
    }
    let r = &graph.resolved;
    Ok(move |i: usize| {
        let by_actor = filter.actors.is_empty()
            || r.by
                .of(i)
                .iter()
                .flatten()
                .any(|a| actors.get(*a) == Some(&true));
        let by_tag = filter.tags.is_empty()
            || map
                .claims
                .get(i)
                .is_some_and(|c| c.tags.iter().any(|t| filter.tags.contains(&t.value)));
        by_actor && by_tag
    })
}

/// Marks as [`Shown::Context`] what surrounds the nodes drawn in full, as
/// much as `context` asks for, whatever the filter (what attacks an
/// actor's claims is drawn, whoever holds it). Returns how many context
/// claims were left out past the cap.
fn surround(
    graph: &MapGraph,
    claims: &mut [Shown],
    arguments: &mut [Shown],
    context: Context,
) -> usize {
    let full = |s: &Shown| *s == Shown::Full;
    let (free, cap) = match context {
        Context::None => return 0,
        Context::Near => {
            let drawn = claims.iter().filter(|s| full(s)).count();
            let others = (drawn / 3).clamp(MIN_NEAR_CONTEXT, MAX_NEAR_OTHERS);
            (
                false,
                Cap {
                    objections: MAX_NEAR_CONTEXT,
                    others,
                },
            )
        }
        Context::All => (
            true,
            Cap {
                objections: MAX_SECTION_CONTEXT,
                others: MAX_SECTION_CONTEXT,
            },
        ),
    };
    let starts: Vec<NodeIndex> = claims
        .iter()
        .enumerate()
        .filter(|(_, s)| full(s))
        .filter_map(|(i, _)| graph.claim_node(i))
        .chain(
            arguments
                .iter()
                .enumerate()
                .filter(|(_, s)| full(s))
                .filter_map(|(a, _)| graph.argument_node(a)),
        )
        .collect();
    let dist = distances(graph, starts.into_iter(), 1, free);
    let near = |n: Option<NodeIndex>| n.and_then(|n| dist.get(n.index())).is_some_and(|d| *d == 1);
    for (i, s) in claims.iter_mut().enumerate() {
        if *s == Shown::Hidden && near(graph.claim_node(i)) {
            *s = Shown::Context;
        }
    }
    for (a, s) in arguments.iter_mut().enumerate() {
        if *s == Shown::Hidden && near(graph.argument_node(a)) {
            *s = Shown::Context;
        }
    }
    cap_context(graph, claims, cap)
}

/// How many context claims a view draws: at most `objections` in all,
/// objections to the view first, and of the other claims at most `others`.
#[derive(Clone, Copy)]
struct Cap {
    objections: usize,
    others: usize,
}

/// Hides the context claims past `cap`, objections to what is drawn in
/// full kept first; returns how many it hid.
fn cap_context(graph: &MapGraph, claims: &mut [Shown], cap: Cap) -> usize {
    let context: Vec<usize> = (0..claims.len())
        .filter(|&i| claims.get(i) == Some(&Shown::Context))
        .collect();
    let r = &graph.resolved;
    let objects = |i: usize| {
        r.attacks.of(i).iter().flatten().any(|t| match *t {
            Target::Claim(j) => claims.get(j) == Some(&Shown::Full),
            // An undercut: objections to the view's inferences count too.
            Target::Argument(_) => true,
        })
    };
    let (objections, others): (Vec<usize>, Vec<usize>) = context.iter().partition(|&&i| objects(i));
    let kept_objections = objections.len().min(cap.objections);
    let kept_others = others
        .len()
        .min(cap.others)
        .min(cap.objections - kept_objections);
    let mut hidden = 0;
    for &i in objections
        .iter()
        .skip(kept_objections)
        .chain(others.iter().skip(kept_others))
    {
        if let Some(s) = claims.get_mut(i) {
            *s = Shown::Hidden;
            hidden += 1;
        }
    }
    hidden
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
    free_arguments: bool,
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
            let free = free_arguments
                && from_argument
                && matches!(kind, EdgeKind::Premise | EdgeKind::Conclusion);
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
