//! AIF JSON into an argmap map: AIFdb's form (top-level `nodes`, `edges`,
//! `locutions`, `participants`) and OVA's xAIF (the same lists inside a
//! top-level `AIF` object). Ids may be strings or numbers.
//!
//! - an I node becomes a claim, named by its `argmap_id` when it has a
//!   usable one (as `argmap export --to aif` writes), else `i<nodeID>`;
//! - an RA node with one premise becomes a `supports` entry of that premise;
//!   an RA node with several premises, or one that a CA node attacks, or one
//!   with an `argmap_id`, becomes an `[arguments.<id>]` (`ra<nodeID>`);
//! - a CA node becomes an `attacks` entry of each claim attacking through
//!   it: on the claim of an I node (a rebuttal, or an undermining of a
//!   premise), or on the argument of an RA node (an undercut);
//! - a participant becomes an actor (`p<participantID>`), and a locution's
//!   L node that a YA node links to an I node (`L -> YA -> I`) makes its
//!   participant one of that claim's `by`.
//!
//! Everything else (TA, MA and PA nodes, YA and L nodes that link no
//! participant to a claim, relations between relations) is counted in the
//! [`Summary`], never dropped silently. Malformed AIF (invalid JSON, a
//! dangling edge, an unknown node type, an RA node with no or two
//! conclusions, a CA node with no target, ...) is an [`ImportError`] that
//! names the node or edge.
//!
//! The map is written in the order of the input's nodes, so importing what
//! `argmap export --to aif` wrote gives back the map's claims, arguments,
//! relations and actors in their order, under their ids.

use std::collections::{HashMap, HashSet};
use std::fmt::Write as _;

use serde_json::Value;

use super::{ImportError, Imported, Summary, is_valid_id, toml_ids, toml_string};

/// How to import.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Options {
    /// The map's `title` (AIF has no title).
    pub title: String,
}

/// The node types of AIF and its dialogical extension.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
enum Type {
    /// Information: a proposition.
    I,
    /// Rule application: an inference.
    Ra,
    /// Conflict application: an attack.
    Ca,
    /// Rephrase.
    Ma,
    /// Preference.
    Pa,
    /// Locution: something a participant said.
    L,
    /// Transition between locutions.
    Ta,
    /// Illocutionary anchoring: links dialogue to argument.
    Ya,
}

impl Type {
    fn parse(s: &str) -> Option<Type> {
        Some(match s {
            "I" => Type::I,
            "RA" => Type::Ra,
            "CA" => Type::Ca,
            "MA" => Type::Ma,
            "PA" => Type::Pa,
            "L" => Type::L,
            "TA" => Type::Ta,
            "YA" => Type::Ya,
            _ => return None,
        })
    }

    fn name(self) -> &'static str {
        match self {
            Type::I => "I",
            Type::Ra => "RA",
            Type::Ca => "CA",
            Type::Ma => "MA",
            Type::Pa => "PA",
            Type::L => "L",
            Type::Ta => "TA",
            Type::Ya => "YA",
        }
    }
}

struct Node {
    id: String,
    kind: Type,
    text: String,
    argmap_id: Option<String>,
    argmap_label: Option<String>,
}

struct Participant {
    id: String,
    name: String,
    argmap_id: Option<String>,
}

/// The parsed input: nodes, edges as (from, to) node indices, and who said
/// which L node.
struct Aif {
    nodes: Vec<Node>,
    /// Edges leaving each node: (edge name, target), in input order.
    out: Vec<Vec<usize>>,
    /// Edges reaching each node: sources, in input order.
    inc: Vec<Vec<usize>>,
    participants: Vec<Participant>,
    /// L node index -> participant index.
    speaker: HashMap<usize, usize>,
    /// Locutions that name no L node or no participant.
    stray_locutions: usize,
}

/// What a JSON value is, in messages.
fn type_name(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "a list",
        Value::Object(_) => "an object",
    }
}

/// An id given as a string or a number.
fn id_value(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

/// The list under `key` of `obj`; absent or null is empty.
fn list<'v>(
    obj: &'v serde_json::Map<String, Value>,
    key: &str,
) -> Result<&'v [Value], ImportError> {
    match obj.get(key) {
        None | Some(Value::Null) => Ok(&[]),
        Some(Value::Array(a)) => Ok(a),
        Some(other) => Err(ImportError::new(format!(
            "`{key}` must be a list, not {}",
            type_name(other)
        ))),
    }
}

/// The id under `key` of the `what` (for messages); required.
fn required_id(
    obj: &serde_json::Map<String, Value>,
    key: &str,
    what: &str,
) -> Result<String, ImportError> {
    match obj.get(key) {
        None | Some(Value::Null) => Err(ImportError::new(format!("{what} has no `{key}`"))),
        Some(v) => id_value(v).ok_or_else(|| {
            ImportError::new(format!(
                "{what}: `{key}` must be a string or a number, not {}",
                type_name(v)
            ))
        }),
    }
}

/// A string field; absent or null is `None`.
fn string(obj: &serde_json::Map<String, Value>, key: &str) -> Option<String> {
    obj.get(key).and_then(Value::as_str).map(str::to_owned)
}

/// The message of a JSON syntax error, without serde_json's position.
fn json_error(e: &serde_json::Error) -> ImportError {
    let text = e.to_string();
    let message = match text.rfind(" at line ") {
        Some(i) => text.get(..i).unwrap_or(&text).to_owned(),
        None => text,
    };
    ImportError::new(format!(
        "invalid JSON at line {}, column {}: {message}",
        e.line(),
        e.column()
    ))
}

fn parse(bytes: &[u8]) -> Result<Aif, ImportError> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let root: Value = serde_json::from_slice(bytes).map_err(|e| json_error(&e))?;
    let Value::Object(root) = root else {
        return Err(ImportError::new(format!(
            "expected a JSON object holding `nodes` and `edges`, found {}",
            type_name(&root)
        )));
    };
    let aif = match root.get("AIF") {
        Some(Value::Object(inner)) => inner,
        Some(other) => {
            return Err(ImportError::new(format!(
                "`AIF` must be an object holding `nodes` and `edges`, not {}",
                type_name(other)
            )));
        }
        None => &root,
    };
    if !aif.contains_key("nodes") {
        return Err(ImportError::new("no `nodes` list: this is not AIF JSON").with_help(
            "AIFdb's JSON has top-level `nodes` and `edges`; OVA's xAIF has them in a top-level `AIF` object",
        ));
    }

    let mut nodes = Vec::new();
    let mut index: HashMap<String, usize> = HashMap::new();
    for (n, v) in list(aif, "nodes")?.iter().enumerate() {
        let Value::Object(obj) = v else {
            return Err(ImportError::new(format!(
                "node {} of `nodes` is {}, not an object",
                n + 1,
                type_name(v)
            )));
        };
        let id = required_id(obj, "nodeID", &format!("node {} of `nodes`", n + 1))?;
        let kind = match obj.get("type") {
            Some(Value::String(t)) => Type::parse(t).ok_or_else(|| {
                ImportError::new(format!("node `{id}` has an unknown type `{t}`"))
                    .with_help("AIF node types are I, RA, CA, MA, PA, L, TA and YA")
            })?,
            None | Some(Value::Null) => {
                return Err(ImportError::new(format!("node `{id}` has no `type`")));
            }
            Some(other) => {
                return Err(ImportError::new(format!(
                    "node `{id}`: `type` must be a string, not {}",
                    type_name(other)
                )));
            }
        };
        let text = match obj.get("text") {
            Some(Value::String(s)) => s.clone(),
            None | Some(Value::Null) if kind != Type::I => String::new(),
            None | Some(Value::Null) => {
                return Err(ImportError::new(format!("I node `{id}` has no `text`")));
            }
            Some(other) => {
                return Err(ImportError::new(format!(
                    "node `{id}`: `text` must be a string, not {}",
                    type_name(other)
                )));
            }
        };
        if index.insert(id.clone(), nodes.len()).is_some() {
            return Err(ImportError::new(format!("two nodes have the id `{id}`"))
                .with_help("every `nodeID` must be unique"));
        }
        nodes.push(Node {
            id,
            kind,
            text,
            argmap_id: string(obj, "argmap_id"),
            argmap_label: string(obj, "argmap_label"),
        });
    }

    let mut out = vec![Vec::new(); nodes.len()];
    let mut inc = vec![Vec::new(); nodes.len()];
    for (n, v) in list(aif, "edges")?.iter().enumerate() {
        let Value::Object(obj) = v else {
            return Err(ImportError::new(format!(
                "edge {} of `edges` is {}, not an object",
                n + 1,
                type_name(v)
            )));
        };
        let name = match obj.get("edgeID").and_then(id_value) {
            Some(id) => format!("edge `{id}`"),
            None => format!("edge {} of `edges`", n + 1),
        };
        let from = required_id(obj, "fromID", &name)?;
        let to = required_id(obj, "toID", &name)?;
        let Some(&f) = index.get(&from) else {
            return Err(ImportError::new(format!(
                "{name} comes from node `{from}`, which does not exist"
            )));
        };
        let Some(&t) = index.get(&to) else {
            return Err(ImportError::new(format!(
                "{name} goes to node `{to}`, which does not exist"
            )));
        };
        if let (Some(a), Some(b)) = (nodes.get(f), nodes.get(t))
            && a.kind == Type::I
            && b.kind == Type::I
        {
            return Err(ImportError::new(format!(
                "{name} links I node `{from}` directly to I node `{to}`"
            ))
            .with_help(
                "in AIF, I nodes are linked through an RA node (support) or a CA node (attack)",
            ));
        }
        if let Some(o) = out.get_mut(f) {
            o.push(t);
        }
        if let Some(i) = inc.get_mut(t) {
            i.push(f);
        }
    }

    let mut participants = Vec::new();
    let mut person: HashMap<String, usize> = HashMap::new();
    for (n, v) in list(aif, "participants")?.iter().enumerate() {
        let Value::Object(obj) = v else {
            return Err(ImportError::new(format!(
                "participant {} of `participants` is {}, not an object",
                n + 1,
                type_name(v)
            )));
        };
        let id = required_id(
            obj,
            "participantID",
            &format!("participant {} of `participants`", n + 1),
        )?;
        let first = string(obj, "firstname").unwrap_or_default();
        let last = string(obj, "surname").unwrap_or_default();
        let name = format!("{} {}", first.trim(), last.trim())
            .trim()
            .to_owned();
        if person.insert(id.clone(), participants.len()).is_some() {
            return Err(ImportError::new(format!(
                "two participants have the id `{id}`"
            )));
        }
        participants.push(Participant {
            id,
            name,
            argmap_id: string(obj, "argmap_id"),
        });
    }

    let mut speaker = HashMap::new();
    let mut stray_locutions = 0;
    for (n, v) in list(aif, "locutions")?.iter().enumerate() {
        let Value::Object(obj) = v else {
            return Err(ImportError::new(format!(
                "locution {} of `locutions` is {}, not an object",
                n + 1,
                type_name(v)
            )));
        };
        let what = format!("locution {} of `locutions`", n + 1);
        let node = required_id(obj, "nodeID", &what)?;
        let who = obj.get("personID").and_then(id_value);
        match (index.get(&node), who.and_then(|w| person.get(&w))) {
            (Some(&l), Some(&p)) if nodes.get(l).is_some_and(|x| x.kind == Type::L) => {
                speaker.insert(l, p);
            }
            _ => stray_locutions += 1,
        }
    }

    Ok(Aif {
        nodes,
        out,
        inc,
        participants,
        speaker,
        stray_locutions,
    })
}

/// What an RA node becomes.
#[derive(Clone, Debug)]
struct Inference {
    premises: Vec<usize>,
    conclusion: usize,
}

/// `` `a`, `b` `` from node indices.
fn node_list(aif: &Aif, nodes: &[usize]) -> String {
    let ids: Vec<String> = nodes
        .iter()
        .map(|&n| format!("`{}`", aif.nodes.get(n).map_or("", |x| x.id.as_str())))
        .collect();
    ids.join(", ")
}

/// Hands out unique ids: wanted ones first, then generated ones.
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

/// Imports the AIF JSON in `bytes`.
pub fn import(bytes: &[u8], options: &Options) -> Result<Imported, ImportError> {
    let aif = parse(bytes)?;
    let kind = |n: usize| aif.nodes.get(n).map(|x| x.kind);
    let mut summary = Summary::default();

    // RA nodes: premises and one conclusion, all I nodes; or left out.
    let mut inference: HashMap<usize, Inference> = HashMap::new();
    let mut ra_left_out = 0;
    for (n, node) in aif.nodes.iter().enumerate() {
        if node.kind != Type::Ra {
            continue;
        }
        let out = aif.out.get(n).map_or(&[][..], Vec::as_slice);
        let inc = aif.inc.get(n).map_or(&[][..], Vec::as_slice);
        let conclusion = match out {
            [] => {
                return Err(ImportError::new(format!(
                    "RA node `{}` has no conclusion: no edge leaves it",
                    node.id
                ))
                .with_help("an inference needs an edge to the I node it concludes"));
            }
            [one] => *one,
            many => {
                return Err(ImportError::new(format!(
                    "RA node `{}` has {} conclusions (nodes {})",
                    node.id,
                    many.len(),
                    node_list(&aif, many)
                ))
                .with_help("an RA node concludes one I node; make one RA node per conclusion"));
            }
        };
        // Premises are the I nodes that reach it. An edge from another
        // relation node (a CA undercutting it, an RA backing it) is that
        // node's business; YA and TA edges anchor it in a dialogue.
        let mut premises = Vec::new();
        for &p in inc {
            if kind(p) == Some(Type::I) && !premises.contains(&p) {
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
        if kind(conclusion) != Some(Type::I) {
            ra_left_out += 1;
            continue;
        }
        inference.insert(
            n,
            Inference {
                premises,
                conclusion,
            },
        );
    }

    // CA nodes: attackers (I nodes) and one target (an I node or a kept RA
    // node); or left out.
    // (attackers, target, whether it is a qualification)
    let mut conflicts: Vec<(Vec<usize>, usize, bool)> = Vec::new();
    let mut ca_left_out = 0;
    let mut undercut: HashSet<usize> = HashSet::new();
    for (n, node) in aif.nodes.iter().enumerate() {
        if node.kind != Type::Ca {
            continue;
        }
        let out = aif.out.get(n).map_or(&[][..], Vec::as_slice);
        let inc = aif.inc.get(n).map_or(&[][..], Vec::as_slice);
        let target = match out {
            [] => {
                return Err(ImportError::new(format!(
                    "CA node `{}` has no target: no edge leaves it",
                    node.id
                ))
                .with_help("a CA node needs an edge to the node it attacks"));
            }
            [one] => *one,
            many => {
                return Err(ImportError::new(format!(
                    "CA node `{}` has {} targets (nodes {})",
                    node.id,
                    many.len(),
                    node_list(&aif, many)
                ))
                .with_help("a CA node attacks one node; make one CA node per target"));
            }
        };
        let attackers: Vec<usize> = inc
            .iter()
            .copied()
            .filter(|&a| kind(a) == Some(Type::I))
            .collect();
        if attackers.is_empty() {
            return Err(ImportError::new(format!(
                "CA node `{}` has no attacker: no edge from an I node reaches it",
                node.id
            ))
            .with_help("a CA node needs an edge from the I node that attacks"));
        }
        let target_ok = match kind(target) {
            Some(Type::I) => true,
            Some(Type::Ra) => inference.contains_key(&target),
            _ => false,
        };
        if !target_ok {
            ca_left_out += 1;
            continue;
        }
        if kind(target) == Some(Type::Ra) {
            undercut.insert(target);
        }
        let qualification = node.text.trim() == crate::aif::QUALIFICATION;
        conflicts.push((attackers, target, qualification));
    }

    // Ids: every usable `argmap_id` first, in input order, then generated.
    let mut ids = Ids {
        taken: HashSet::new(),
    };
    let mut actor_id = vec![None; aif.participants.len()];
    for (p, slot) in aif.participants.iter().zip(actor_id.iter_mut()) {
        *slot = ids.claim(p.argmap_id.as_deref());
    }
    let becomes_argument = |n: usize| {
        inference.get(&n).is_some_and(|inf| {
            inf.premises.len() > 1
                || undercut.contains(&n)
                || aif.nodes.get(n).is_some_and(|x| x.argmap_id.is_some())
        })
    };
    let mut item_id: HashMap<usize, String> = HashMap::new();
    for (n, node) in aif.nodes.iter().enumerate() {
        let named = node.kind == Type::I || (node.kind == Type::Ra && becomes_argument(n));
        if named && let Some(id) = ids.claim(node.argmap_id.as_deref()) {
            item_id.insert(n, id);
        }
    }
    let why = |wanted: &str| {
        if is_valid_id(wanted) {
            format!("`argmap_id` `{wanted}` names another item already")
        } else {
            format!("`argmap_id` {wanted:?} is not a valid id")
        }
    };
    for (p, slot) in aif.participants.iter().zip(actor_id.iter_mut()) {
        if slot.is_none() {
            let id = ids.generate("p", &p.id);
            if let Some(wanted) = &p.argmap_id {
                summary.notes.push(format!(
                    "participant `{}`: {}; the actor is `{id}`",
                    p.id,
                    why(wanted)
                ));
            }
            *slot = Some(id);
        }
    }
    for (n, node) in aif.nodes.iter().enumerate() {
        let prefix = match node.kind {
            Type::I => "i",
            Type::Ra if becomes_argument(n) => "ra",
            _ => continue,
        };
        if item_id.contains_key(&n) {
            continue;
        }
        let id = ids.generate(prefix, &node.id);
        if let Some(wanted) = &node.argmap_id {
            summary
                .notes
                .push(format!("node `{}`: {}; it is `{id}`", node.id, why(wanted)));
        }
        item_id.insert(n, id);
    }
    let id_of = |n: usize| item_id.get(&n).cloned().unwrap_or_default();

    // Relations, per claim, in input order, each once.
    let claims: Vec<usize> = (0..aif.nodes.len())
        .filter(|&n| kind(n) == Some(Type::I))
        .collect();
    let mut supports: HashMap<usize, Vec<String>> = HashMap::new();
    let mut attacks: HashMap<usize, Vec<String>> = HashMap::new();
    let mut qualifies: HashMap<usize, Vec<String>> = HashMap::new();
    let mut by: HashMap<usize, Vec<String>> = HashMap::new();
    // Each (claim, key, reference) once, however often the AIF repeats it.
    let mut seen: HashSet<(usize, &'static str, String)> = HashSet::new();
    let mut push = |m: &mut HashMap<usize, Vec<String>>, key: &'static str, k: usize, v: String| {
        let new = seen.insert((k, key, v.clone()));
        if new {
            m.entry(k).or_default().push(v);
        }
        new
    };
    let mut arguments: Vec<usize> = Vec::new();
    for (n, node) in aif.nodes.iter().enumerate() {
        let Some(inf) = inference.get(&n).filter(|_| node.kind == Type::Ra) else {
            continue;
        };
        if becomes_argument(n) {
            arguments.push(n);
        } else if let Some(&p) = inf.premises.first()
            && push(&mut supports, "supports", p, id_of(inf.conclusion))
        {
            summary.supports += 1;
        }
    }
    for (attackers, target, qualification) in &conflicts {
        for &a in attackers {
            if *qualification {
                if push(&mut qualifies, "qualifies", a, id_of(*target)) {
                    summary.qualifications += 1;
                }
                continue;
            }
            if push(&mut attacks, "attacks", a, id_of(*target)) {
                if kind(*target) == Some(Type::Ra) {
                    summary.undercuts += 1;
                } else {
                    summary.attacks += 1;
                }
            }
        }
    }

    // Locutions: L -> YA -> I gives the claim its speaker.
    let mut l_used: HashSet<usize> = HashSet::new();
    let mut ya_used = 0;
    for (n, node) in aif.nodes.iter().enumerate() {
        if node.kind != Type::Ya {
            continue;
        }
        let inc = aif.inc.get(n).map_or(&[][..], Vec::as_slice);
        let out = aif.out.get(n).map_or(&[][..], Vec::as_slice);
        let mut used = false;
        for &l in inc {
            let Some(&p) = aif.speaker.get(&l) else {
                continue;
            };
            let Some(Some(actor)) = actor_id.get(p) else {
                continue;
            };
            for &i in out.iter().filter(|&&i| kind(i) == Some(Type::I)) {
                used = true;
                l_used.insert(l);
                if push(&mut by, "by", i, actor.clone()) {
                    summary.by += 1;
                }
            }
        }
        if used {
            ya_used += 1;
        }
    }

    // What was left out, counted.
    let mut of_type: HashMap<Type, usize> = HashMap::new();
    for node in &aif.nodes {
        *of_type.entry(node.kind).or_default() += 1;
    }
    let count = |t: Type| of_type.get(&t).copied().unwrap_or(0);
    let mut skip = |t: Type, n: usize| {
        if n > 0 {
            let noun = if n == 1 { "node" } else { "nodes" };
            summary.skipped.push((format!("{} {noun}", t.name()), n));
        }
    };
    skip(Type::Ta, count(Type::Ta));
    skip(Type::Ma, count(Type::Ma));
    skip(Type::Pa, count(Type::Pa));
    skip(Type::L, count(Type::L).saturating_sub(l_used.len()));
    skip(Type::Ya, count(Type::Ya).saturating_sub(ya_used));
    for (what, n) in [("RA", ra_left_out), ("CA", ca_left_out)] {
        if n > 0 {
            let noun = if n == 1 {
                "node on a relation"
            } else {
                "nodes on relations"
            };
            summary.skipped.push((format!("{what} {noun}"), n));
        }
    }
    if aif.stray_locutions > 0 {
        let noun = if aif.stray_locutions == 1 {
            "locution"
        } else {
            "locutions"
        };
        summary.skipped.push((
            format!("{noun} naming no L node or participant"),
            aif.stray_locutions,
        ));
    }

    // The map file.
    let mut t = String::new();
    t.push_str("# Imported from AIF by `argmap import`.\n\n");
    let _ = writeln!(t, "[map]\ntitle = {}", toml_string(&options.title));
    if !qualifies.is_empty() {
        let _ = writeln!(t, "version = {}", crate::model::FORMAT_VERSION);
    }
    t.push('\n');
    t.push_str(concat!(
        "[lints]\n",
        "# AIF has no sources, so no imported claim is cited: report that as a\n",
        "# warning. Add `[sources.<id>]` and `cites`, then remove this line.\n",
        "uncited-claim = \"warn\"\n",
    ));
    for (p, id) in aif.participants.iter().zip(&actor_id) {
        let Some(id) = id else {
            continue;
        };
        let _ = writeln!(t, "\n[actors.{id}]");
        if !p.name.is_empty() {
            let _ = writeln!(t, "name = {}", toml_string(&p.name));
        }
        summary.actors += 1;
    }
    for &n in &claims {
        let Some(node) = aif.nodes.get(n) else {
            continue;
        };
        let _ = writeln!(t, "\n[claims.{}]", id_of(n));
        let _ = writeln!(t, "text = {}", toml_string(&node.text));
        for (key, m) in [
            ("by", &by),
            ("supports", &supports),
            ("attacks", &attacks),
            ("qualifies", &qualifies),
        ] {
            if let Some(list) = m.get(&n).filter(|l| !l.is_empty()) {
                let _ = writeln!(t, "{key} = {}", toml_ids(list));
            }
        }
        summary.claims += 1;
    }
    for &n in &arguments {
        let (Some(inf), Some(node)) = (inference.get(&n), aif.nodes.get(n)) else {
            continue;
        };
        let _ = writeln!(t, "\n[arguments.{}]", id_of(n));
        let premises: Vec<String> = inf.premises.iter().map(|&p| id_of(p)).collect();
        let _ = writeln!(t, "premises = {}", toml_ids(&premises));
        let _ = writeln!(t, "conclusion = {}", toml_string(&id_of(inf.conclusion)));
        let label = node.argmap_label.clone().or_else(|| {
            let text = node.text.trim();
            (!text.is_empty() && text != crate::aif::INFERENCE).then(|| text.to_owned())
        });
        if let Some(label) = label {
            let _ = writeln!(t, "label = {}", toml_string(&label));
        }
        summary.arguments += 1;
    }
    Ok(Imported { toml: t, summary })
}
