//! The ids of the map's items: each actor from a participant, claim (an I
//! node) and argument (an RA node that becomes one) gets its `argmap_id`
//! when that is a valid id no earlier item took, else one made from its AIF
//! id (`p<participantID>`, `i<nodeID>`, `ra<nodeID>`); a speaker named only
//! in L text gets its name's slug (`alice-smith`; `speaker` for a name
//! with no letter or digit). Every usable `argmap_id` is taken first, in
//! input order, so that a generated id never takes one that `export --to
//! aif` wrote; then the ids made from AIF ids, then the slugs, so that a
//! speaker's name never moves a claim from its `i<nodeID>`. An id already
//! taken gets `-2`, `-3`, ...; an `argmap_id` that cannot be kept is a note
//! in the summary.

use std::collections::{HashMap, HashSet};

use super::classify::Relations;
use super::read::{Aif, Node, Participant, Type};
use super::speakers::{Origin, Speakers};
use crate::import::is_valid_id;

/// The ids given out.
pub(super) struct Assigned {
    /// The id of each actor, by its index in [`Speakers::actors`].
    pub(super) actors: Vec<String>,
    /// The id of each I node and each RA node that becomes an argument.
    items: HashMap<usize, String>,
}

impl Assigned {
    /// The id of the claim or argument of node `n` (empty if it has none).
    pub(super) fn of(&self, n: usize) -> String {
        self.items.get(&n).cloned().unwrap_or_default()
    }
}

/// Gives every participant, I node and argument RA node its id; a note in
/// `notes` for each `argmap_id` that could not be kept.
pub(super) fn assign(
    aif: &Aif,
    relations: &Relations,
    speakers: &Speakers,
    notes: &mut Vec<String>,
) -> Assigned {
    let mut ids = Ids::default();
    let named = named_nodes(aif, relations);
    // Every usable `argmap_id` first, the actors' then the items', so that
    // no generated id takes one.
    let actors_kept: Vec<Option<String>> = aif
        .participants
        .iter()
        .map(|p| ids.claim(p.argmap_id.as_deref()))
        .collect();
    let items_kept: Vec<Option<String>> = named
        .iter()
        .map(|(_, node, _)| ids.claim(node.argmap_id.as_deref()))
        .collect();
    let mut actors = actor_ids(&mut ids, &aif.participants, actors_kept, notes);
    let items = item_ids(&mut ids, named, items_kept, notes);
    for origin in &speakers.actors {
        if let Origin::Named { slug, .. } = origin {
            let base = if slug.is_empty() { "speaker" } else { slug };
            actors.push(ids.generate("", base));
        }
    }
    Assigned { actors, items }
}

/// Each participant's actor id: the `argmap_id` kept for it, else `p<id>`.
fn actor_ids(
    ids: &mut Ids,
    participants: &[Participant],
    kept: Vec<Option<String>>,
    notes: &mut Vec<String>,
) -> Vec<String> {
    (participants.iter().zip(kept))
        .map(|(p, kept)| {
            kept.unwrap_or_else(|| {
                let id = ids.generate("p", &p.id);
                if let Some(wanted) = &p.argmap_id {
                    let why = not_kept(wanted);
                    notes.push(format!(
                        "participant `{}`: {why}; the actor is `{id}`",
                        p.id
                    ));
                }
                id
            })
        })
        .collect()
}

/// Each named node's id: the `argmap_id` kept for it, else its prefix and
/// its `nodeID`.
fn item_ids(
    ids: &mut Ids,
    named: Vec<(usize, &Node, &'static str)>,
    kept: Vec<Option<String>>,
    notes: &mut Vec<String>,
) -> HashMap<usize, String> {
    (named.into_iter().zip(kept))
        .map(|((n, node, prefix), kept)| {
            let id = kept.unwrap_or_else(|| {
                let id = ids.generate(prefix, &node.id);
                if let Some(wanted) = &node.argmap_id {
                    let why = not_kept(wanted);
                    notes.push(format!("node `{}`: {why}; it is `{id}`", node.id));
                }
                id
            });
            (n, id)
        })
        .collect()
}

/// The nodes that name an item, in input order, with the prefix of a
/// generated id: I nodes (claims, `i`) and RA nodes that become arguments
/// (`ra`).
fn named_nodes<'a>(aif: &'a Aif, relations: &Relations) -> Vec<(usize, &'a Node, &'static str)> {
    (aif.nodes.iter().enumerate())
        .filter_map(|(n, node)| match node.kind {
            Type::I => Some((n, node, "i")),
            Type::Ra if relations.becomes_argument(aif, n) => Some((n, node, "ra")),
            _ => None,
        })
        .collect()
}

/// Why the `argmap_id` `wanted` was not kept.
fn not_kept(wanted: &str) -> String {
    if is_valid_id(wanted) {
        format!("`argmap_id` `{wanted}` names another item already")
    } else {
        format!("`argmap_id` {wanted:?} is not a valid id")
    }
}

/// Hands out unique ids: wanted ones first, then generated ones.
#[derive(Default)]
struct Ids {
    taken: HashSet<String>,
}

impl Ids {
    /// `wanted` if it is a valid id not yet taken.
    fn claim(&mut self, wanted: Option<&str>) -> Option<String> {
        let w = wanted?;
        (is_valid_id(w) && self.taken.insert(w.to_owned())).then(|| w.to_owned())
    }

    /// `<prefix><raw id>`, made valid and unique.
    fn generate(&mut self, prefix: &str, raw: &str) -> String {
        let cleaned: String = raw
            .chars()
            .map(|c| {
                if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
                    c
                } else {
                    '-'
                }
            })
            .collect();
        let base = format!("{prefix}{cleaned}");
        let mut id = base.clone();
        let mut n = 2;
        while !self.taken.insert(id.clone()) {
            id = format!("{base}-{n}");
            n += 1;
        }
        id
    }
}
