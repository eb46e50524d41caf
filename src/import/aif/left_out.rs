//! What the import had no place for, counted for the [`Summary`]'s
//! `skipped`, so that nothing is dropped silently: TA, MA and PA nodes; L
//! and YA nodes that gave no claim its speaker; RA and CA nodes on another
//! relation; and locutions that name no L node or participant.
//!
//! [`Summary`]: crate::import::Summary

use std::collections::HashMap;

use super::build::Anchoring;
use super::classify::Relations;
use super::read::{Aif, Type};

/// (what, how many) for each kind of thing left out, in a fixed order;
/// kinds of which nothing was left out are not listed.
pub(super) fn left_out(
    aif: &Aif,
    relations: &Relations,
    anchoring: &Anchoring,
) -> Vec<(String, usize)> {
    let mut of_type: HashMap<Type, usize> = HashMap::new();
    for node in &aif.nodes {
        *of_type.entry(node.kind).or_default() += 1;
    }
    let count = |t: Type| of_type.get(&t).copied().unwrap_or(0);
    let mut skipped = Vec::new();
    for (t, n) in [
        (Type::Ta, count(Type::Ta)),
        (Type::Ma, count(Type::Ma)),
        (Type::Pa, count(Type::Pa)),
        (Type::L, count(Type::L).saturating_sub(anchoring.l_used)),
        (Type::Ya, count(Type::Ya).saturating_sub(anchoring.ya_used)),
    ] {
        let noun = if n == 1 { "node" } else { "nodes" };
        push(&mut skipped, format!("{} {noun}", t.name()), n);
    }
    for (t, n) in [
        (Type::Ra, relations.ra_left_out),
        (Type::Ca, relations.ca_left_out),
    ] {
        let noun = if n == 1 {
            "node on a relation"
        } else {
            "nodes on relations"
        };
        push(&mut skipped, format!("{} {noun}", t.name()), n);
    }
    let n = aif.stray_locutions;
    let noun = if n == 1 { "locution" } else { "locutions" };
    push(
        &mut skipped,
        format!("{noun} naming no L node or participant"),
        n,
    );
    skipped
}

/// Lists `what` with its count `n`, unless `n` is 0.
fn push(skipped: &mut Vec<(String, usize)>, what: String, n: usize) {
    if n > 0 {
        skipped.push((what, n));
    }
}
