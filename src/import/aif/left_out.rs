//! What the import had no place for, counted for the [`Summary`]'s
//! `skipped`, so that nothing is dropped silently: MA, PA and TA nodes, by
//! kind; L and YA nodes that gave no claim its speaker, and YA nodes of a
//! question or challenge; RA and CA nodes on another relation; locutions
//! that name no L node or participant; the wording of L nodes that differs
//! from their claim's text; the schemes of CA nodes; and every field of
//! the records kept (nodes that became something, edges, participants,
//! locutions) and of the top level that the import does not read, such as
//! `timestamp` and `schemeID`, by key. A node left out whole is counted
//! once, as a node, not again by its fields (nor by those of its
//! locution).
//!
//! [`Summary`]: crate::import::Summary

use std::collections::HashMap;

use indexmap::IndexMap;

use super::build::Anchoring;
use super::classify::Relations;
use super::read::{Aif, Tally, Type, count_keys};
use crate::import::{and_list, count};

/// How many keys of unread fields are named one by one; the rest are
/// counted together.
const MAX_KEYS_NAMED: usize = 10;

/// The longest key shown, in characters.
const MAX_KEY_CHARS: usize = 40;

/// What was left out, each with its count, in a fixed order; kinds of which
/// nothing was left out are not listed.
pub(super) fn left_out(aif: &Aif, relations: &Relations, anchoring: &Anchoring) -> Vec<String> {
    let mut of_type: HashMap<Type, usize> = HashMap::new();
    for node in &aif.nodes {
        *of_type.entry(node.kind).or_default() += 1;
    }
    let nodes = |t: Type| of_type.get(&t).copied().unwrap_or(0);
    let ya_unused = nodes(Type::Ya)
        .saturating_sub(anchoring.ya_used.len())
        .saturating_sub(anchoring.ya_uncommitted.len());
    let mut skipped = Vec::new();
    let mut push = |n: usize, one: &str, many: &str| {
        if n > 0 {
            skipped.push(count(n, one, many));
        }
    };
    push(
        nodes(Type::Ma),
        "MA node (a rephrase)",
        "MA nodes (rephrases)",
    );
    push(
        nodes(Type::Pa),
        "PA node (a preference)",
        "PA nodes (preferences)",
    );
    push(
        nodes(Type::Ta),
        "TA node (a transition between locutions)",
        "TA nodes (transitions between locutions)",
    );
    push(
        nodes(Type::L).saturating_sub(anchoring.l_used.len()),
        "L node that gives no claim its speaker",
        "L nodes that give no claim its speaker",
    );
    push(
        ya_unused,
        "YA node that gives no claim its speaker",
        "YA nodes that give no claim its speaker",
    );
    push(
        anchoring.ya_uncommitted.len(),
        "YA node of a question or challenge (its speaker does not hold the claim)",
        "YA nodes of questions or challenges (their speakers do not hold the claims)",
    );
    push(
        relations.ra_left_out,
        "RA node on a relation",
        "RA nodes on relations",
    );
    push(
        relations.ca_left_out,
        "CA node on a relation",
        "CA nodes on relations",
    );
    push(
        aif.stray_locutions,
        "locution naming no L node or participant",
        "locutions naming no L node or participant",
    );
    let n = anchoring.l_words_left;
    if n > 0 {
        let (nodes, claims) = if n == 1 {
            ("1 L node", "the claim keeps its I node's text")
        } else {
            (
                &*format!("{n} L nodes"),
                "the claims keep their I nodes' text",
            )
        };
        skipped.push(format!("the wording of {nodes} ({claims})"));
    }
    let schemes = (relations.conflicts.iter())
        .filter(|c| !c.qualification)
        .filter(|c| {
            aif.nodes
                .get(c.node)
                .and_then(|x| x.scheme_name())
                .is_some()
        })
        .count();
    if schemes > 0 {
        let (what, nodes) = if schemes == 1 {
            ("scheme", "1 CA node")
        } else {
            ("schemes", &*format!("{schemes} CA nodes"))
        };
        skipped.push(format!(
            "the {what} of {nodes} (argmap's attacks name no scheme)"
        ));
    }
    skipped.extend(fields(aif, relations, anchoring));
    if !aif.unread_top.is_empty() {
        skipped.push(format!("the top-level {}", keys(&aif.unread_top)));
    }
    skipped
}

/// "the `timestamp` of 23 nodes and 3 locutions", for each key of the
/// unread fields of the records kept, the keys with most values first;
/// after [`MAX_KEYS_NAMED`] keys, one line for the rest.
fn fields(aif: &Aif, relations: &Relations, anchoring: &Anchoring) -> Vec<String> {
    let mut of_nodes = Tally::new();
    for (n, node) in aif.nodes.iter().enumerate() {
        let kept = match node.kind {
            Type::I => true,
            Type::Ra | Type::Ca => relations.keeps(n),
            Type::L => anchoring.l_used.contains(&n),
            Type::Ya => anchoring.ya_used.contains(&n),
            Type::Ma | Type::Pa | Type::Ta => false,
        };
        if kept {
            count_keys(&mut of_nodes, &node.unread);
        }
    }
    let mut of_locutions = Tally::new();
    for (l, keys) in &aif.unread_locutions {
        if anchoring.l_used.contains(l) {
            count_keys(&mut of_locutions, keys);
        }
    }
    // key -> ("23 nodes", "3 locutions", ...), and how many values in all.
    let mut by_key: IndexMap<&str, (Vec<String>, usize)> = IndexMap::new();
    for (tally, one, many) in [
        (&of_nodes, "node", "nodes"),
        (&aif.unread_edges, "edge", "edges"),
        (&aif.unread_participants, "participant", "participants"),
        (&of_locutions, "locution", "locutions"),
    ] {
        for (key, &n) in tally {
            let (records, values) = by_key.entry(key).or_default();
            records.push(count(n, one, many));
            *values += n;
        }
    }
    let mut by_key: Vec<(&str, Vec<String>, usize)> = by_key
        .into_iter()
        .map(|(key, (records, values))| (key, records, values))
        .collect();
    // The most frequent first (a file's timestamps before a tool's stray
    // key), then by key.
    by_key.sort_by(|(a, _, m), (b, _, n)| n.cmp(m).then(a.cmp(b)));
    let mut lines: Vec<String> = (by_key.iter().take(MAX_KEYS_NAMED))
        .map(|(key, records, _)| format!("the {} of {}", shown(key), and_list(records)))
        .collect();
    let rest = by_key.get(MAX_KEYS_NAMED..).unwrap_or_default();
    if !rest.is_empty() {
        let values: usize = rest.iter().map(|(_, _, n)| n).sum();
        lines.push(format!(
            "the values of {} ({values} in all)",
            count(rest.len(), "more key", "more keys"),
        ));
    }
    lines
}

/// `` `a`, `b` and `c` ``, naming at most [`MAX_KEYS_NAMED`] keys.
fn keys(keys: &[String]) -> String {
    let mut named: Vec<String> = keys.iter().take(MAX_KEYS_NAMED).map(|k| shown(k)).collect();
    if keys.len() > MAX_KEYS_NAMED {
        named.push(format!("{} more", keys.len() - MAX_KEYS_NAMED));
    }
    and_list(&named)
}

/// A key as the note shows it: in backticks, control characters escaped,
/// cut at [`MAX_KEY_CHARS`] characters.
fn shown(key: &str) -> String {
    let mut s: String = key
        .chars()
        .take(MAX_KEY_CHARS)
        .flat_map(|c| {
            let escaped: Vec<char> = if c.is_control() || c == '`' {
                c.escape_unicode().collect()
            } else {
                vec![c]
            };
            escaped
        })
        .collect();
    if key.chars().count() > MAX_KEY_CHARS {
        s.push('…');
    }
    format!("`{s}`")
}
