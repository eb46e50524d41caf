//! Reading AIF JSON into a graph: its nodes (typed), its edges (by node
//! index, both ways), its participants, and which participant said which L
//! node; and every field of the file that the import does not read, so
//! that what it leaves out can be counted.
//!
//! The JSON is parsed whole first, so that a syntax error anywhere is
//! reported with its line and column before anything else. The envelope
//! (AIFdb's top-level lists, or OVA's `AIF` object holding them) and the
//! lists are then taken apart by hand, and each element that is an object
//! is read into a `#[derive(Deserialize)]` record. The records keep the
//! fields whose type the import checks as JSON values, so that a wrong type
//! is an [`ImportError`] in the import's own words, naming the node, edge,
//! participant or locution, and so that every check runs in input order:
//! the first thing wrong in the file is the one reported. The other fields
//! of a record are kept aside (`#[serde(flatten)]`); the few the import
//! reads are taken out of them by name, and the names of the rest, those
//! with a value (not null, not empty), are its unread fields.

use std::collections::HashMap;

use indexmap::IndexMap;
use serde::Deserialize;
use serde::de::DeserializeOwned;
use serde_json::{Map, Value};

use crate::import::ImportError;

/// The node types of AIF and its dialogical extension.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(super) enum Type {
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
    /// The type AIF names `s`, if it is one.
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

    /// The type's name in AIF, for the summary.
    pub(super) fn name(self) -> &'static str {
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

/// A node, checked.
pub(super) struct Node {
    /// Its `nodeID`, a number written as a string.
    pub(super) id: String,
    /// Its `type`.
    pub(super) kind: Type,
    /// Its `text`; empty when a node other than an I node has none.
    pub(super) text: String,
    /// The id argmap gave it, if `export --to aif` wrote it.
    pub(super) argmap_id: Option<String>,
    /// The label of argmap's argument, if `export --to aif` wrote it.
    pub(super) argmap_label: Option<String>,
    /// Whether `export --to aif` marked this I node as the map's thesis.
    pub(super) argmap_thesis: bool,
    /// The `scheme` of a scheme node (AIFdb names the scheme there as well
    /// as in `text`).
    pub(super) scheme: Option<String>,
    /// The fields the import does not read that have a value, by key,
    /// sorted.
    pub(super) unread: Vec<String>,
}

impl Node {
    /// The name of the scheme a scheme node applies: its `scheme`, else its
    /// `text`, unless that names no scheme ("Default Inference", "RA", ...).
    pub(super) fn scheme_name(&self) -> Option<&str> {
        [self.scheme.as_deref(), Some(self.text.as_str())]
            .into_iter()
            .flatten()
            .map(str::trim)
            .find(|name| !crate::aif::is_generic_scheme(name))
    }

    /// The label of the argument an RA node becomes: the one argmap
    /// exported, else the name of its scheme.
    pub(super) fn label(&self) -> Option<&str> {
        self.argmap_label.as_deref().or_else(|| self.scheme_name())
    }

    /// The name of the scheme, or the text, as written, whether generic or
    /// not: what a YA node says the speaker did ("Asserting").
    pub(super) fn scheme_or_text(&self) -> &str {
        self.scheme.as_deref().unwrap_or(&self.text).trim()
    }
}

/// A participant, checked.
pub(super) struct Participant {
    /// Its `participantID`, a number written as a string.
    pub(super) id: String,
    /// First name and surname, trimmed; may be empty.
    pub(super) name: String,
    /// The id argmap gave the actor, if `export --to aif` wrote it.
    pub(super) argmap_id: Option<String>,
}

/// Unread fields of a list's records: key -> how many records, in the
/// order first met.
pub(super) type Tally = IndexMap<String, usize>;

/// For each node (by index), the nodes at the other end of some of its
/// edges, in input order.
type Adjacency = Vec<Vec<usize>>;

/// The input as a graph: nodes, the edges between them as node indices, and
/// who said which L node.
pub(super) struct Aif {
    /// The nodes, in input order.
    pub(super) nodes: Vec<Node>,
    /// Edges leaving each node: targets, in input order.
    out: Adjacency,
    /// Edges reaching each node: sources, in input order.
    inc: Adjacency,
    /// The participants, in input order.
    pub(super) participants: Vec<Participant>,
    /// L node index -> participant index.
    pub(super) speaker: HashMap<usize, usize>,
    /// Locutions that name no L node or no participant.
    pub(super) stray_locutions: usize,
    /// The unread fields of the edges, and of the participants.
    pub(super) unread_edges: Tally,
    pub(super) unread_participants: Tally,
    /// The unread fields of each locution that names an L node and a
    /// participant, with its L node's index.
    pub(super) unread_locutions: Vec<(usize, Vec<String>)>,
    /// The keys of the top level (and of OVA's `AIF` object, as
    /// `AIF.<key>`) that hold something the import does not read, sorted.
    pub(super) unread_top: Vec<String>,
}

impl Aif {
    /// The type of node `n`.
    pub(super) fn kind(&self, n: usize) -> Option<Type> {
        self.nodes.get(n).map(|x| x.kind)
    }

    /// The nodes the edges leaving node `n` reach, in input order.
    pub(super) fn out(&self, n: usize) -> &[usize] {
        self.out.get(n).map_or(&[], Vec::as_slice)
    }

    /// The nodes the edges reaching node `n` come from, in input order.
    pub(super) fn inc(&self, n: usize) -> &[usize] {
        self.inc.get(n).map_or(&[], Vec::as_slice)
    }

    /// The nodes of type `kind`, with their indices, in input order.
    pub(super) fn nodes_of(&self, kind: Type) -> impl Iterator<Item = (usize, &Node)> {
        self.nodes
            .iter()
            .enumerate()
            .filter(move |(_, node)| node.kind == kind)
    }
}

/// An element of `nodes`, as written.
#[derive(Deserialize)]
struct RawNode {
    #[serde(rename = "nodeID")]
    id: Option<Value>,
    #[serde(rename = "type")]
    kind: Option<Value>,
    text: Option<Value>,
    #[serde(flatten)]
    rest: Map<String, Value>,
}

/// An element of `edges`, as written.
#[derive(Deserialize)]
struct RawEdge {
    #[serde(rename = "edgeID")]
    id: Option<Value>,
    #[serde(rename = "fromID")]
    from: Option<Value>,
    #[serde(rename = "toID")]
    to: Option<Value>,
    #[serde(flatten)]
    rest: Map<String, Value>,
}

/// An element of `participants`, as written.
#[derive(Deserialize)]
struct RawParticipant {
    #[serde(rename = "participantID")]
    id: Option<Value>,
    #[serde(flatten)]
    rest: Map<String, Value>,
}

/// An element of `locutions`, as written.
#[derive(Deserialize)]
struct RawLocution {
    #[serde(rename = "nodeID")]
    node: Option<Value>,
    #[serde(rename = "personID")]
    person: Option<Value>,
    #[serde(flatten)]
    rest: Map<String, Value>,
}

/// Takes the string under `key` out of `rest`; a value of another type
/// stays there, unread.
fn take_string(rest: &mut Map<String, Value>, key: &str) -> Option<String> {
    match rest.get(key) {
        Some(Value::String(_)) => match rest.remove(key) {
            Some(Value::String(s)) => Some(s),
            _ => None,
        },
        _ => None,
    }
}

/// Takes the boolean under `key` out of `rest` (false when absent); a
/// value of another type stays there, unread.
fn take_bool(rest: &mut Map<String, Value>, key: &str) -> bool {
    match rest.get(key) {
        Some(&Value::Bool(b)) => {
            rest.remove(key);
            b
        }
        _ => false,
    }
}

/// The keys of `rest` whose value says something: not null, not an empty
/// string, list or object. Sorted, whatever order the JSON map keeps.
fn unread(rest: &Map<String, Value>) -> Vec<String> {
    let mut keys: Vec<String> = rest
        .iter()
        .filter(|(_, v)| has_value(v))
        .map(|(k, _)| k.clone())
        .collect();
    keys.sort_unstable();
    keys
}

/// Whether `v` holds something: not null, not an empty string, list or
/// object.
fn has_value(v: &Value) -> bool {
    match v {
        Value::Null => false,
        Value::String(s) => !s.trim().is_empty(),
        Value::Array(a) => !a.is_empty(),
        Value::Object(o) => !o.is_empty(),
        Value::Bool(_) | Value::Number(_) => true,
    }
}

/// Adds the `keys` of one record to `tally`.
pub(super) fn count_keys(tally: &mut Tally, keys: &[String]) {
    for key in keys {
        *tally.entry(key.clone()).or_default() += 1;
    }
}

/// Reads the AIF JSON in `bytes` (a byte order mark is skipped).
pub(super) fn read(bytes: &[u8]) -> Result<Aif, ImportError> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let root: Value = serde_json::from_slice(bytes).map_err(|e| json_error(&e))?;
    let Envelope { mut lists, outer } = envelope(root)?;
    let (nodes, index) = read_nodes(take_list(&mut lists, "nodes")?)?;
    let (out, inc, unread_edges) = read_edges(take_list(&mut lists, "edges")?, &nodes, &index)?;
    let participants = read_participants(take_list(&mut lists, "participants")?)?;
    let locutions = read_locutions(
        take_list(&mut lists, "locutions")?,
        &nodes,
        &index,
        &participants.index,
    )?;
    let inner = unread(&lists).into_iter();
    let mut unread_top: Vec<String> = match outer {
        Some(outer) => outer
            .into_iter()
            .chain(inner.map(|k| format!("AIF.{k}")))
            .collect(),
        None => inner.collect(),
    };
    unread_top.sort_unstable();
    Ok(Aif {
        nodes,
        out,
        inc,
        participants: participants.list,
        speaker: locutions.speaker,
        stray_locutions: locutions.stray,
        unread_edges,
        unread_participants: participants.unread,
        unread_locutions: locutions.unread,
        unread_top,
    })
}

/// The object holding the lists: the top level (AIFdb) or its `AIF` object
/// (OVA's xAIF), which must have a `nodes` key; and, for xAIF, the other
/// top-level keys that hold something.
fn envelope(root: Value) -> Result<Envelope, ImportError> {
    let Value::Object(mut root) = root else {
        return Err(ImportError::new(format!(
            "expected a JSON object holding `nodes` and `edges`, found {}",
            type_name(&root)
        )));
    };
    let (lists, others) = match root.remove("AIF") {
        Some(Value::Object(inner)) => (inner, Some(unread(&root))),
        Some(other) => {
            return Err(ImportError::new(format!(
                "`AIF` must be an object holding `nodes` and `edges`, not {}",
                type_name(&other)
            )));
        }
        None => (root, None),
    };
    if !lists.contains_key("nodes") {
        return Err(ImportError::new("no `nodes` list: this is not AIF JSON").with_help(
            "AIFdb's JSON has top-level `nodes` and `edges`; OVA's xAIF has them in a top-level `AIF` object",
        ));
    }
    Ok(Envelope {
        lists,
        outer: others,
    })
}

/// The object holding the lists, and, for OVA's xAIF, the keys beside its
/// `AIF` object that hold something.
struct Envelope {
    lists: Map<String, Value>,
    outer: Option<Vec<String>>,
}

/// The nodes, checked, and the index of each `nodeID`.
fn read_nodes(list: Vec<Value>) -> Result<(Vec<Node>, HashMap<String, usize>), ImportError> {
    let mut nodes = Vec::new();
    let mut index: HashMap<String, usize> = HashMap::new();
    for record in records::<RawNode>(list, "node", "nodes") {
        let (n, raw) = record?;
        let node = node(n, raw)?;
        if index.insert(node.id.clone(), nodes.len()).is_some() {
            return Err(
                ImportError::new(format!("two nodes have the id `{}`", node.id))
                    .with_help("every `nodeID` must be unique"),
            );
        }
        nodes.push(node);
    }
    Ok((nodes, index))
}

/// Node `n` (counted from 1) checked: an id, a known type, and a text if it
/// is an I node.
fn node(n: usize, raw: RawNode) -> Result<Node, ImportError> {
    let id = required_id(raw.id, "nodeID", &format!("node {n} of `nodes`"))?;
    let kind = match raw.kind {
        Some(Value::String(t)) => Type::parse(&t).ok_or_else(|| {
            ImportError::new(format!("node `{id}` has an unknown type `{t}`"))
                .with_help("AIF node types are I, RA, CA, MA, PA, L, TA and YA")
        })?,
        None | Some(Value::Null) => {
            return Err(ImportError::new(format!("node `{id}` has no `type`")));
        }
        Some(other) => {
            return Err(ImportError::new(format!(
                "node `{id}`: `type` must be a string, not {}",
                type_name(&other)
            )));
        }
    };
    let text = match raw.text {
        Some(Value::String(s)) => s,
        None | Some(Value::Null) if kind != Type::I => String::new(),
        None | Some(Value::Null) => {
            return Err(ImportError::new(format!("I node `{id}` has no `text`")));
        }
        Some(other) => {
            return Err(ImportError::new(format!(
                "node `{id}`: `text` must be a string, not {}",
                type_name(&other)
            )));
        }
    };
    // The fields read beyond these three: the ids and label argmap writes,
    // on the nodes it writes them on, and the scheme of a scheme node.
    let mut rest = raw.rest;
    let argmap_id = matches!(kind, Type::I | Type::Ra)
        .then(|| take_string(&mut rest, "argmap_id"))
        .flatten();
    let argmap_label = (kind == Type::Ra)
        .then(|| take_string(&mut rest, "argmap_label"))
        .flatten();
    let argmap_thesis = kind == Type::I && take_bool(&mut rest, "argmap_thesis");
    let scheme = (!matches!(kind, Type::I | Type::L))
        .then(|| take_string(&mut rest, "scheme"))
        .flatten();
    Ok(Node {
        id,
        kind,
        text,
        argmap_id,
        argmap_label,
        argmap_thesis,
        scheme,
        unread: unread(&rest),
    })
}

/// The edges, checked, as the targets leaving and the sources reaching each
/// node.
fn read_edges(
    list: Vec<Value>,
    nodes: &[Node],
    index: &HashMap<String, usize>,
) -> Result<(Adjacency, Adjacency, Tally), ImportError> {
    let mut out = vec![Vec::new(); nodes.len()];
    let mut inc = vec![Vec::new(); nodes.len()];
    let mut tally = Tally::new();
    for record in records::<RawEdge>(list, "edge", "edges") {
        let (n, raw) = record?;
        count_keys(&mut tally, &unread(&raw.rest));
        let (f, t) = edge(n, raw, nodes, index)?;
        if let Some(o) = out.get_mut(f) {
            o.push(t);
        }
        if let Some(i) = inc.get_mut(t) {
            i.push(f);
        }
    }
    Ok((out, inc, tally))
}

/// Edge `n` (counted from 1) checked, as (from, to) node indices: both ends
/// exist, and it does not link two I nodes.
fn edge(
    n: usize,
    raw: RawEdge,
    nodes: &[Node],
    index: &HashMap<String, usize>,
) -> Result<(usize, usize), ImportError> {
    let name = match raw.id.as_ref().and_then(id_value) {
        Some(id) => format!("edge `{id}`"),
        None => format!("edge {n} of `edges`"),
    };
    let from = required_id(raw.from, "fromID", &name)?;
    let to = required_id(raw.to, "toID", &name)?;
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
    Ok((f, t))
}

/// The participants, checked, the index of each `participantID`, and
/// their unread fields.
struct Participants {
    list: Vec<Participant>,
    index: HashMap<String, usize>,
    unread: Tally,
}

/// Reads the participants.
fn read_participants(list: Vec<Value>) -> Result<Participants, ImportError> {
    let mut participants = Vec::new();
    let mut person: HashMap<String, usize> = HashMap::new();
    let mut tally = Tally::new();
    for record in records::<RawParticipant>(list, "participant", "participants") {
        let (n, raw) = record?;
        let id = required_id(
            raw.id,
            "participantID",
            &format!("participant {n} of `participants`"),
        )?;
        let mut rest = raw.rest;
        let first = take_string(&mut rest, "firstname").unwrap_or_default();
        let last = take_string(&mut rest, "surname").unwrap_or_default();
        let argmap_id = take_string(&mut rest, "argmap_id");
        count_keys(&mut tally, &unread(&rest));
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
            argmap_id,
        });
    }
    Ok(Participants {
        list: participants,
        index: person,
        unread: tally,
    })
}

/// What the locutions say.
struct Locutions {
    /// Who said which L node (L node index -> participant index).
    speaker: HashMap<usize, usize>,
    /// How many locutions name no L node or no participant.
    stray: usize,
    /// The unread fields of the others, with their L node's index.
    unread: Vec<(usize, Vec<String>)>,
}

/// Reads the locutions: each one that names an L node and a participant
/// says who said that node.
fn read_locutions(
    list: Vec<Value>,
    nodes: &[Node],
    index: &HashMap<String, usize>,
    person: &HashMap<String, usize>,
) -> Result<Locutions, ImportError> {
    let mut locutions = Locutions {
        speaker: HashMap::new(),
        stray: 0,
        unread: Vec::new(),
    };
    for record in records::<RawLocution>(list, "locution", "locutions") {
        let (n, raw) = record?;
        let node = required_id(raw.node, "nodeID", &format!("locution {n} of `locutions`"))?;
        let who = raw.person.as_ref().and_then(id_value);
        match (index.get(&node), who.and_then(|w| person.get(&w))) {
            (Some(&l), Some(&p)) if nodes.get(l).is_some_and(|x| x.kind == Type::L) => {
                locutions.speaker.insert(l, p);
                locutions.unread.push((l, unread(&raw.rest)));
            }
            _ => locutions.stray += 1,
        }
    }
    Ok(locutions)
}

/// The list under `key`, taken out of `lists`; absent or null is empty.
fn take_list(lists: &mut Map<String, Value>, key: &str) -> Result<Vec<Value>, ImportError> {
    match lists.remove(key) {
        None | Some(Value::Null) => Ok(Vec::new()),
        Some(Value::Array(a)) => Ok(a),
        Some(other) => Err(ImportError::new(format!(
            "`{key}` must be a list, not {}",
            type_name(&other)
        ))),
    }
}

/// The elements of the list `key`, each read as a `T` with its number
/// (counted from 1), one at a time, so that the caller checks each before
/// the next is read. An element that is not an object is an error naming it
/// as `what` ("node 3 of `nodes` is a string, not an object").
fn records<T: DeserializeOwned>(
    list: Vec<Value>,
    what: &'static str,
    key: &'static str,
) -> impl Iterator<Item = Result<(usize, T), ImportError>> {
    list.into_iter().enumerate().map(move |(i, v)| {
        let n = i + 1;
        let Value::Object(obj) = v else {
            return Err(ImportError::new(format!(
                "{what} {n} of `{key}` is {}, not an object",
                type_name(&v)
            )));
        };
        // Every field of a record reads any JSON value, so this cannot fail
        // on an object; should it, the error still names the element.
        serde_json::from_value(Value::Object(obj))
            .map(|record| (n, record))
            .map_err(|e| ImportError::new(format!("{what} {n} of `{key}`: {e}")))
    })
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

/// The id a record gives under `key`, required; `what` names the record in
/// messages.
fn required_id(value: Option<Value>, key: &str, what: &str) -> Result<String, ImportError> {
    match value {
        None | Some(Value::Null) => Err(ImportError::new(format!("{what} has no `{key}`"))),
        Some(v) => id_value(&v).ok_or_else(|| {
            ImportError::new(format!(
                "{what}: `{key}` must be a string or a number, not {}",
                type_name(&v)
            ))
        }),
    }
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
