//! The map's items, from the classified graph and its ids: actors from
//! participants; claims from I nodes, with the relations each claim is the
//! subject of (`by`, `supports`, `attacks`, `qualifies`); and arguments
//! from the RA nodes that become them. Each relation is made once, however
//! often the AIF repeats it, and counted in the [`Summary`].

use std::collections::{HashMap, HashSet};

use super::classify::Relations;
use super::ids::Assigned;
use super::read::{Aif, Type};
use crate::import::Summary;

/// An actor to write.
pub(super) struct Actor {
    pub(super) id: String,
    /// The participant's name; not written when empty.
    pub(super) name: String,
}

/// A claim to write, its lists in input order.
pub(super) struct Claim {
    pub(super) id: String,
    pub(super) text: String,
    pub(super) by: Vec<String>,
    pub(super) supports: Vec<String>,
    pub(super) attacks: Vec<String>,
    pub(super) qualifies: Vec<String>,
}

/// An argument to write.
pub(super) struct Argument {
    pub(super) id: String,
    pub(super) premises: Vec<String>,
    pub(super) conclusion: String,
    pub(super) label: Option<String>,
}

/// Everything the map file holds besides its `[map]` and `[lints]`, in the
/// order of the input.
pub(super) struct Items {
    pub(super) actors: Vec<Actor>,
    pub(super) claims: Vec<Claim>,
    pub(super) arguments: Vec<Argument>,
}

impl Items {
    /// Whether a claim qualifies another (which needs format version 2).
    pub(super) fn has_qualifications(&self) -> bool {
        self.claims.iter().any(|c| !c.qualifies.is_empty())
    }
}

/// Which nodes of the dialogue linked a speaker to a claim.
pub(super) struct Anchoring {
    /// L nodes that gave a claim its speaker.
    pub(super) l_used: usize,
    /// YA nodes that gave a claim its speaker.
    pub(super) ya_used: usize,
}

/// The items, and the anchoring the summary needs; every relation made,
/// and every item, counted in `summary`.
pub(super) fn items(
    aif: &Aif,
    relations: &Relations,
    ids: &Assigned,
    summary: &mut Summary,
) -> (Items, Anchoring) {
    let mut links = Links::default();
    supports(aif, relations, ids, &mut links, summary);
    attacks(aif, relations, ids, &mut links, summary);
    let anchoring = speakers(aif, ids, &mut links, summary);
    let items = Items {
        actors: actors(aif, ids),
        claims: claims(aif, ids, &mut links),
        arguments: arguments(aif, relations, ids),
    };
    summary.actors = items.actors.len();
    summary.claims = items.claims.len();
    summary.arguments = items.arguments.len();
    (items, anchoring)
}

/// A key of a claim that lists references.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
enum Key {
    By,
    Supports,
    Attacks,
    Qualifies,
}

/// The references of each claim, per key, each once.
#[derive(Default)]
struct Links {
    /// (claim's node index, key) -> references, in the order made.
    lists: HashMap<(usize, Key), Vec<String>>,
    /// Each (claim, key, reference) made so far.
    seen: HashSet<(usize, Key, String)>,
}

impl Links {
    /// Adds `reference` under `key` of the claim of node `claim`, unless it
    /// is there already; whether it was added.
    fn add(&mut self, claim: usize, key: Key, reference: String) -> bool {
        let new = self.seen.insert((claim, key, reference.clone()));
        if new {
            self.lists.entry((claim, key)).or_default().push(reference);
        }
        new
    }

    /// The references under `key` of the claim of node `claim`.
    fn take(&mut self, claim: usize, key: Key) -> Vec<String> {
        self.lists.remove(&(claim, key)).unwrap_or_default()
    }
}

/// Each RA node that does not become an argument: a `supports` entry of its
/// premise, naming its conclusion.
fn supports(
    aif: &Aif,
    relations: &Relations,
    ids: &Assigned,
    links: &mut Links,
    summary: &mut Summary,
) {
    for (n, _) in aif.nodes_of(Type::Ra) {
        let Some(inf) = relations.inferences.get(&n) else {
            continue;
        };
        if relations.becomes_argument(aif, n) {
            continue;
        }
        if let Some(&p) = inf.premises.first()
            && links.add(p, Key::Supports, ids.of(inf.conclusion))
        {
            summary.supports += 1;
        }
    }
}

/// Each conflict: an `attacks` entry (or, for argmap's `Qualification`, a
/// `qualifies` entry) of each attacker, naming the target's claim or
/// argument.
fn attacks(
    aif: &Aif,
    relations: &Relations,
    ids: &Assigned,
    links: &mut Links,
    summary: &mut Summary,
) {
    for c in &relations.conflicts {
        for &a in &c.attackers {
            if c.qualification {
                if links.add(a, Key::Qualifies, ids.of(c.target)) {
                    summary.qualifications += 1;
                }
            } else if links.add(a, Key::Attacks, ids.of(c.target)) {
                if aif.kind(c.target) == Some(Type::Ra) {
                    summary.undercuts += 1;
                } else {
                    summary.attacks += 1;
                }
            }
        }
    }
}

/// Each `L -> YA -> I` path whose L node has a speaker: that speaker's
/// actor in the claim's `by`.
fn speakers(aif: &Aif, ids: &Assigned, links: &mut Links, summary: &mut Summary) -> Anchoring {
    let mut l_used: HashSet<usize> = HashSet::new();
    let mut ya_used = 0;
    for (n, _) in aif.nodes_of(Type::Ya) {
        let mut used = false;
        for &l in aif.inc(n) {
            let Some(actor) = aif.speaker.get(&l).and_then(|&p| ids.actors.get(p)) else {
                continue;
            };
            for &i in aif.out(n).iter().filter(|&&i| aif.kind(i) == Some(Type::I)) {
                used = true;
                l_used.insert(l);
                if links.add(i, Key::By, actor.clone()) {
                    summary.by += 1;
                }
            }
        }
        if used {
            ya_used += 1;
        }
    }
    Anchoring {
        l_used: l_used.len(),
        ya_used,
    }
}

/// An actor for each participant.
fn actors(aif: &Aif, ids: &Assigned) -> Vec<Actor> {
    aif.participants
        .iter()
        .zip(&ids.actors)
        .map(|(p, id)| Actor {
            id: id.clone(),
            name: p.name.clone(),
        })
        .collect()
}

/// A claim for each I node, with its relations.
fn claims(aif: &Aif, ids: &Assigned, links: &mut Links) -> Vec<Claim> {
    aif.nodes_of(Type::I)
        .map(|(n, node)| Claim {
            id: ids.of(n),
            text: node.text.clone(),
            by: links.take(n, Key::By),
            supports: links.take(n, Key::Supports),
            attacks: links.take(n, Key::Attacks),
            qualifies: links.take(n, Key::Qualifies),
        })
        .collect()
}

/// An argument for each RA node that becomes one. Its label is the one
/// argmap exported, else the node's text unless that is empty or argmap's
/// default.
fn arguments(aif: &Aif, relations: &Relations, ids: &Assigned) -> Vec<Argument> {
    aif.nodes_of(Type::Ra)
        .filter(|&(n, _)| relations.becomes_argument(aif, n))
        .filter_map(|(n, node)| {
            let inf = relations.inferences.get(&n)?;
            let label = node.argmap_label.clone().or_else(|| {
                let text = node.text.trim();
                (!text.is_empty() && text != crate::aif::INFERENCE).then(|| text.to_owned())
            });
            Some(Argument {
                id: ids.of(n),
                premises: inf.premises.iter().map(|&p| ids.of(p)).collect(),
                conclusion: ids.of(inf.conclusion),
                label,
            })
        })
        .collect()
}
