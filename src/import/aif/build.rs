//! The map's items, from the classified graph and its ids: actors from
//! participants and speakers; claims from I nodes, with the relations each
//! claim is the subject of (`by`, `supports`, `attacks`, `qualifies`);
//! arguments from the RA nodes that become them; and the thesis. Each
//! relation is made once, however often the AIF repeats it, and counted in
//! the [`Summary`].
//!
//! The thesis is the I node that `export --to aif` marked (`argmap_thesis`).
//! In AIF that argmap did not write (no node or participant has an
//! `argmap_id`), it is the map's one root, when it has exactly one: a claim
//! that something supports (an inference concludes it) and that supports,
//! attacks and qualifies nothing (it is no inference's premise and no
//! conflict's attacker). A claim that only attacks is an objection, not a
//! root; a claim that nothing supports would be an `unsupported-thesis`.

use std::collections::{HashMap, HashSet};

use super::classify::Relations;
use super::ids::Assigned;
use super::read::{Aif, Type};
use super::speakers::{Origin, Speakers};
use crate::import::{Summary, Thesis};

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

/// Everything the map file holds besides its `[lints]`, in the order of the
/// input.
pub(super) struct Items {
    /// The claim `[map] thesis` names.
    pub(super) thesis: Option<String>,
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
#[derive(Default)]
pub(super) struct Anchoring {
    /// L nodes that gave a claim its speaker.
    pub(super) l_used: HashSet<usize>,
    /// YA nodes that gave a claim its speaker.
    pub(super) ya_used: HashSet<usize>,
    /// YA nodes that link a speaker's L node to a claim the speaker asked
    /// about or challenged, and so does not hold.
    pub(super) ya_uncommitted: HashSet<usize>,
    /// L nodes used whose words are not the text of a claim they anchor.
    pub(super) l_words_left: usize,
}

/// The items, and the anchoring the summary needs; every relation made,
/// and every item, counted in `summary`.
pub(super) fn items(
    aif: &Aif,
    relations: &Relations,
    who: &Speakers,
    ids: &Assigned,
    summary: &mut Summary,
) -> (Items, Anchoring) {
    let mut links = Links::default();
    supports(aif, relations, ids, &mut links, summary);
    attacks(aif, relations, ids, &mut links, summary);
    let anchoring = speakers(aif, who, ids, &mut links, summary);
    summary.thesis = thesis(aif, relations, ids);
    let items = Items {
        thesis: summary.thesis.id().map(str::to_owned),
        actors: actors(aif, who, ids),
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
/// actor in the claim's `by`, unless the YA node says the speaker only
/// asked about the claim or challenged it.
fn speakers(
    aif: &Aif,
    who: &Speakers,
    ids: &Assigned,
    links: &mut Links,
    summary: &mut Summary,
) -> Anchoring {
    let mut anchoring = Anchoring::default();
    // L node -> whether its words are the text of a claim it anchors.
    let mut words_kept: HashMap<usize, bool> = HashMap::new();
    for (n, node) in aif.nodes_of(Type::Ya) {
        let uncommitted = crate::aif::is_uncommitted_illocution(node.scheme_or_text());
        for &l in aif.inc(n) {
            let Some(actor) = who.of.get(&l).and_then(|&a| ids.actors.get(a)) else {
                continue;
            };
            for &i in aif.out(n).iter().filter(|&&i| aif.kind(i) == Some(Type::I)) {
                if uncommitted {
                    anchoring.ya_uncommitted.insert(n);
                    continue;
                }
                anchoring.ya_used.insert(n);
                anchoring.l_used.insert(l);
                let kept = words_kept.entry(l).or_default();
                *kept = *kept || same_words(aif, l, i);
                if links.add(i, Key::By, actor.clone()) {
                    summary.by += 1;
                }
            }
        }
    }
    anchoring.l_words_left = words_kept.values().filter(|&&kept| !kept).count();
    anchoring
}

/// Whether the words of L node `l` (its text, less the speaker) are the
/// text of I node `i`, white space and case aside: then the claim keeps
/// them.
fn same_words(aif: &Aif, l: usize, i: usize) -> bool {
    let fold = |s: &str| {
        s.split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase()
    };
    match (aif.nodes.get(l), aif.nodes.get(i)) {
        (Some(l), Some(i)) => {
            let words = super::speakers::split(&l.text).map_or(l.text.as_str(), |(_, w)| w);
            fold(words) == fold(&i.text)
        }
        _ => false,
    }
}

/// The thesis: the I node `export --to aif` marked; else, in AIF that
/// argmap did not write, the one root, if there is exactly one.
fn thesis(aif: &Aif, relations: &Relations, ids: &Assigned) -> Thesis {
    if let Some((n, _)) = aif.nodes_of(Type::I).find(|(_, x)| x.argmap_thesis) {
        return Thesis::Marked(ids.of(n));
    }
    let by_argmap = aif.nodes.iter().any(|x| x.argmap_id.is_some())
        || aif.participants.iter().any(|p| p.argmap_id.is_some());
    if by_argmap {
        return Thesis::None;
    }
    let mut leads: HashSet<usize> = HashSet::new();
    let mut supported: HashSet<usize> = HashSet::new();
    for inf in relations.inferences.values() {
        leads.extend(&inf.premises);
        supported.insert(inf.conclusion);
    }
    for c in &relations.conflicts {
        leads.extend(&c.attackers);
    }
    let roots: Vec<String> = aif
        .nodes_of(Type::I)
        .filter(|(n, _)| supported.contains(n) && !leads.contains(n))
        .map(|(n, _)| ids.of(n))
        .collect();
    match <[String; 1]>::try_from(roots) {
        Ok([root]) => Thesis::Root(root),
        Err(roots) if roots.is_empty() => Thesis::None,
        Err(roots) => Thesis::Roots(roots),
    }
}

/// An actor for each participant and each speaker named only in L text.
fn actors(aif: &Aif, who: &Speakers, ids: &Assigned) -> Vec<Actor> {
    who.actors
        .iter()
        .zip(&ids.actors)
        .map(|(origin, id)| Actor {
            id: id.clone(),
            name: match origin {
                Origin::Participant(p) => aif
                    .participants
                    .get(*p)
                    .map_or_else(String::new, |p| p.name.clone()),
                Origin::Named { name, .. } => name.clone(),
            },
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
/// argmap exported, else the name of the scheme the node applies (its
/// `scheme`, else its `text`), unless that names no scheme ("Default
/// Inference", "RA", ...): then it has none.
fn arguments(aif: &Aif, relations: &Relations, ids: &Assigned) -> Vec<Argument> {
    aif.nodes_of(Type::Ra)
        .filter(|&(n, _)| relations.becomes_argument(aif, n))
        .filter_map(|(n, node)| {
            let inf = relations.inferences.get(&n)?;
            Some(Argument {
                id: ids.of(n),
                premises: inf.premises.iter().map(|&p| ids.of(p)).collect(),
                conclusion: ids.of(inf.conclusion),
                label: node.label().map(str::to_owned),
            })
        })
        .collect()
}
