//! What the relation nodes of the graph become: each RA node an inference
//! (its premises and one conclusion, all I nodes), each CA node a conflict
//! (its attackers, I nodes, and one target, an I node or a kept RA node).
//! An RA or CA node that stands on another relation is left out, counted;
//! one with no premise, attacker, conclusion or target, or with several
//! conclusions or targets, is an [`ImportError`].
//!
//! Every RA node is classified before any CA node, in input order, so the
//! error reported is the first in that order.

use std::collections::{HashMap, HashSet};

use super::read::{Aif, Node, Type};
use crate::import::ImportError;

/// What an RA node becomes.
#[derive(Clone, Debug)]
pub(super) struct Inference {
    /// The I nodes that reach it, in input order, each once.
    pub(super) premises: Vec<usize>,
    /// The I node it reaches.
    pub(super) conclusion: usize,
}

/// What a CA node becomes.
#[derive(Clone, Debug)]
pub(super) struct Conflict {
    /// The CA node.
    pub(super) node: usize,
    /// The I nodes that reach it, in input order.
    pub(super) attackers: Vec<usize>,
    /// The I node or kept RA node it reaches.
    pub(super) target: usize,
    /// Whether it is argmap's own `Qualification` (a `qualifies`).
    pub(super) qualification: bool,
}

/// The relation nodes, classified.
pub(super) struct Relations {
    /// RA node index -> its inference, for each RA node kept.
    pub(super) inferences: HashMap<usize, Inference>,
    /// The conflicts of the CA nodes kept, in input order.
    pub(super) conflicts: Vec<Conflict>,
    /// The RA nodes a kept CA node attacks.
    undercut: HashSet<usize>,
    /// The CA nodes kept.
    conflict_nodes: HashSet<usize>,
    /// RA nodes left out for concluding a relation, not an I node.
    pub(super) ra_left_out: usize,
    /// CA nodes left out for attacking neither an I node nor a kept RA node.
    pub(super) ca_left_out: usize,
}

impl Relations {
    /// Whether node `n` is a kept RA node that becomes an
    /// `[arguments.<id>]`: one with several premises, one that a CA node
    /// attacks (an undercut needs an argument to point at), one that
    /// argmap exported from an argument (it has an `argmap_id`), or one
    /// with a label (a named scheme, which a `supports` entry has no place
    /// for). Any other kept RA node becomes a `supports` entry of its
    /// premise.
    pub(super) fn becomes_argument(&self, aif: &Aif, n: usize) -> bool {
        self.inferences.get(&n).is_some_and(|inf| {
            inf.premises.len() > 1
                || self.undercut.contains(&n)
                || aif
                    .nodes
                    .get(n)
                    .is_some_and(|x| x.argmap_id.is_some() || x.label().is_some())
        })
    }

    /// Whether node `n` is an RA or CA node that the map keeps.
    pub(super) fn keeps(&self, n: usize) -> bool {
        self.inferences.contains_key(&n) || self.conflict_nodes.contains(&n)
    }
}

/// Classifies the RA nodes, then the CA nodes.
pub(super) fn classify(aif: &Aif) -> Result<Relations, ImportError> {
    let (inferences, ra_left_out) = inferences(aif)?;
    let (conflicts, ca_left_out) = conflicts(aif, &inferences)?;
    let undercut = (conflicts.iter())
        .map(|c| c.target)
        .filter(|&t| aif.kind(t) == Some(Type::Ra))
        .collect();
    let conflict_nodes = conflicts.iter().map(|c| c.node).collect();
    Ok(Relations {
        inferences,
        conflicts,
        undercut,
        conflict_nodes,
        ra_left_out,
        ca_left_out,
    })
}

/// The inference of each RA node kept, and how many were left out.
fn inferences(aif: &Aif) -> Result<(HashMap<usize, Inference>, usize), ImportError> {
    let mut inferences = HashMap::new();
    let mut left_out = 0;
    for (n, node) in aif.nodes_of(Type::Ra) {
        match inference(aif, n, node)? {
            Some(inf) => {
                inferences.insert(n, inf);
            }
            None => left_out += 1,
        }
    }
    Ok((inferences, left_out))
}

/// The conflict of each CA node kept, in input order, and how many were
/// left out.
fn conflicts(
    aif: &Aif,
    inferences: &HashMap<usize, Inference>,
) -> Result<(Vec<Conflict>, usize), ImportError> {
    let mut conflicts = Vec::new();
    let mut left_out = 0;
    for (n, node) in aif.nodes_of(Type::Ca) {
        match conflict(aif, n, node, inferences)? {
            Some(c) => conflicts.push(c),
            None => left_out += 1,
        }
    }
    Ok((conflicts, left_out))
}

/// What RA node `n` becomes: an inference, or `None` when it concludes
/// something other than an I node.
fn inference(aif: &Aif, n: usize, node: &Node) -> Result<Option<Inference>, ImportError> {
    let conclusion = sole_target(
        aif,
        node,
        aif.out(n),
        ["conclusion", "conclusions"],
        "an inference needs an edge to the I node it concludes",
        "an RA node concludes one I node; make one RA node per conclusion",
    )?;
    // Premises are the I nodes that reach it. An edge from another relation
    // node (a CA undercutting it, an RA backing it) is that node's business;
    // YA and TA edges anchor it in a dialogue.
    let mut premises = Vec::new();
    for &p in aif.inc(n) {
        if aif.kind(p) == Some(Type::I) && !premises.contains(&p) {
            premises.push(p);
        }
    }
    if premises.is_empty() {
        return Err(ImportError::new(format!(
            "RA node `{}` has no premise: no edge from an I node reaches it",
            node.id
        ))
        .with_help("an inference needs an edge from each of its premises"));
    }
    Ok(
        (aif.kind(conclusion) == Some(Type::I)).then_some(Inference {
            premises,
            conclusion,
        }),
    )
}

/// What CA node `n` becomes: a conflict, or `None` when it attacks
/// something other than an I node or a kept RA node.
fn conflict(
    aif: &Aif,
    n: usize,
    node: &Node,
    inferences: &HashMap<usize, Inference>,
) -> Result<Option<Conflict>, ImportError> {
    let target = sole_target(
        aif,
        node,
        aif.out(n),
        ["target", "targets"],
        "a CA node needs an edge to the node it attacks",
        "a CA node attacks one node; make one CA node per target",
    )?;
    let attackers: Vec<usize> = aif
        .inc(n)
        .iter()
        .copied()
        .filter(|&a| aif.kind(a) == Some(Type::I))
        .collect();
    if attackers.is_empty() {
        return Err(ImportError::new(format!(
            "CA node `{}` has no attacker: no edge from an I node reaches it",
            node.id
        ))
        .with_help("a CA node needs an edge from the I node that attacks"));
    }
    let target_ok = match aif.kind(target) {
        Some(Type::I) => true,
        Some(Type::Ra) => inferences.contains_key(&target),
        _ => false,
    };
    Ok(target_ok.then(|| Conflict {
        node: n,
        attackers,
        target,
        qualification: node.text.trim() == crate::aif::QUALIFICATION,
    }))
}

/// The one node that the edges leaving the relation node `node` reach
/// (`out`); none or several is an error, naming them as `what` (singular,
/// plural), with the help for each case.
fn sole_target(
    aif: &Aif,
    node: &Node,
    out: &[usize],
    what: [&str; 2],
    help_none: &str,
    help_many: &str,
) -> Result<usize, ImportError> {
    let [one, many] = what;
    let kind = node.kind.name();
    match out {
        [] => Err(ImportError::new(format!(
            "{kind} node `{}` has no {one}: no edge leaves it",
            node.id
        ))
        .with_help(help_none)),
        [target] => Ok(*target),
        targets => Err(ImportError::new(format!(
            "{kind} node `{}` has {} {many} (nodes {})",
            node.id,
            targets.len(),
            node_list(aif, targets)
        ))
        .with_help(help_many)),
    }
}

/// `` `a`, `b` `` from node indices.
fn node_list(aif: &Aif, nodes: &[usize]) -> String {
    let ids: Vec<String> = nodes
        .iter()
        .map(|&n| format!("`{}`", aif.nodes.get(n).map_or("", |x| x.id.as_str())))
        .collect();
    ids.join(", ")
}
