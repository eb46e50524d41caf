//! AIF JSON, as AIFdb and OVA exchange it: `nodes`, `edges`, `locutions`
//! and `participants`, every id a string.
//!
//! - each claim is an I node;
//! - each (premise, conclusion) pair of `supports` is one RA node
//!   (convergent support: one inference per premise);
//! - each linked argument is one RA node with an edge from every premise;
//! - each attack is a CA node, `attacker -> CA -> target`; the target of an
//!   undercut is the RA node of the argument;
//! - each qualification (`qualifies`) is a CA node too, whose text is
//!   `Qualification` rather than `Default Conflict`: AIF has no relation
//!   for a concession, and `argmap import` reads this one back;
//! - each actor is a participant, and each (claim, actor) pair of `by` is a
//!   locution: an L node of that participant, `L -> YA -> I`, the YA node
//!   saying "Asserting".
//!
//! I nodes, argument RA nodes and participants carry the map's ids in an
//! extra `argmap_id` field (argument RA nodes their label in
//! `argmap_label`, and the thesis's I node `argmap_thesis: true`), which AIF
//! tools ignore and `argmap import` reads back, so that a round trip keeps
//! ids and the thesis.

use serde::Serialize;

use super::{Resolved, Target, actor_name, argument_id, argument_label, claim_id, claim_text};
use crate::model::Map;

pub use crate::aif::{ASSERTING, CONFLICT, INFERENCE, QUALIFICATION};

#[derive(Serialize)]
struct Document {
    nodes: Vec<Node>,
    edges: Vec<Edge>,
    locutions: Vec<Locution>,
    participants: Vec<Participant>,
}

#[derive(Serialize)]
struct Node {
    #[serde(rename = "nodeID")]
    node_id: String,
    text: String,
    #[serde(rename = "type")]
    kind: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    argmap_id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    argmap_label: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    argmap_thesis: Option<bool>,
}

#[derive(Serialize)]
struct Edge {
    #[serde(rename = "edgeID")]
    edge_id: String,
    #[serde(rename = "fromID")]
    from_id: String,
    #[serde(rename = "toID")]
    to_id: String,
}

#[derive(Serialize)]
struct Locution {
    #[serde(rename = "nodeID")]
    node_id: String,
    #[serde(rename = "personID")]
    person_id: String,
}

#[derive(Serialize)]
struct Participant {
    #[serde(rename = "participantID")]
    participant_id: String,
    firstname: String,
    surname: String,
    argmap_id: String,
}

/// Numbers nodes and edges as they are added.
#[derive(Default)]
struct Builder {
    nodes: Vec<Node>,
    edges: Vec<Edge>,
}

impl Builder {
    fn node(&mut self, kind: &'static str, text: &str) -> String {
        let id = (self.nodes.len() + 1).to_string();
        self.nodes.push(Node {
            node_id: id.clone(),
            text: text.to_owned(),
            kind,
            argmap_id: None,
            argmap_label: None,
            argmap_thesis: None,
        });
        id
    }

    fn edge(&mut self, from: &str, to: &str) {
        let id = (self.edges.len() + 1).to_string();
        self.edges.push(Edge {
            edge_id: id,
            from_id: from.to_owned(),
            to_id: to.to_owned(),
        });
    }

    fn tag(&mut self, argmap_id: &str, label: Option<&str>) {
        if let Some(n) = self.nodes.last_mut() {
            n.argmap_id = Some(argmap_id.to_owned());
            n.argmap_label = label.map(str::to_owned);
        }
    }
}

/// The map as AIF JSON, pretty-printed, ending with a newline.
pub fn to_aif(map: &Map, resolved: &crate::resolved::ResolvedMap) -> String {
    let r = Resolved::new(map, resolved);
    let mut b = Builder::default();

    let mut i_node = vec![String::new(); map.claims.len()];
    for &i in &r.claims {
        let id = b.node("I", claim_text(map, i));
        b.tag(claim_id(map, i), None);
        if r.thesis == Some(i)
            && let Some(n) = b.nodes.last_mut()
        {
            n.argmap_thesis = Some(true);
        }
        if let Some(slot) = i_node.get_mut(i) {
            *slot = id;
        }
    }
    let node_of = |i: usize| i_node.get(i).cloned().unwrap_or_default();

    let mut ra_node = vec![String::new(); map.arguments.len()];
    for a in &r.arguments {
        let ra = b.node("RA", INFERENCE);
        b.tag(argument_id(map, a.index), argument_label(map, a.index));
        for &p in &a.premises {
            b.edge(&node_of(p), &ra);
        }
        b.edge(&ra, &node_of(a.conclusion));
        if let Some(slot) = ra_node.get_mut(a.index) {
            *slot = ra;
        }
    }

    for &i in &r.claims {
        for &target in r.supports_of(i) {
            let ra = b.node("RA", INFERENCE);
            b.edge(&node_of(i), &ra);
            b.edge(&ra, &node_of(target));
        }
        for &target in r.attacks_of(i) {
            let to = match target {
                Target::Claim(j) => node_of(j),
                Target::Argument(j) => ra_node.get(j).cloned().unwrap_or_default(),
            };
            let ca = b.node("CA", CONFLICT);
            b.edge(&node_of(i), &ca);
            b.edge(&ca, &to);
        }
        for &target in r.qualifies_of(i) {
            let to = match target {
                Target::Claim(j) => node_of(j),
                Target::Argument(j) => ra_node.get(j).cloned().unwrap_or_default(),
            };
            let ca = b.node("CA", QUALIFICATION);
            b.edge(&node_of(i), &ca);
            b.edge(&ca, &to);
        }
    }

    let mut participant = vec![String::new(); map.actors.len()];
    let participants: Vec<Participant> = r
        .actors
        .iter()
        .enumerate()
        .map(|(n, &a)| {
            let id = (n + 1).to_string();
            if let Some(slot) = participant.get_mut(a) {
                *slot = id.clone();
            }
            Participant {
                participant_id: id,
                firstname: actor_name(map, a).to_owned(),
                surname: String::new(),
                argmap_id: map.actors.get(a).map_or("", |x| x.id.as_str()).to_owned(),
            }
        })
        .collect();

    let mut locutions = Vec::new();
    for &i in &r.claims {
        for &a in r.by_of(i) {
            let text = format!("{} : {}", actor_name(map, a), claim_text(map, i));
            let l = b.node("L", &text);
            let ya = b.node("YA", ASSERTING);
            b.edge(&l, &ya);
            b.edge(&ya, &node_of(i));
            locutions.push(Locution {
                node_id: l,
                person_id: participant.get(a).cloned().unwrap_or_default(),
            });
        }
    }

    let doc = Document {
        nodes: b.nodes,
        edges: b.edges,
        locutions,
        participants,
    };
    // Strings and lists of them always serialize.
    serde_json::to_string_pretty(&doc).unwrap_or_default() + "\n"
}
