//! The labels of an evaluation, as `argmap eval` prints them: a listing
//! for people (the thesis, then claims and arguments grouped by label, each
//! with what its label rests on, then the counts) and one JSON object for
//! tools. Both return text; nothing here prints.

use std::collections::HashSet;
use std::fmt::Write as _;

use anstyle::{AnsiColor, Style};
use serde::Serialize;
use serde::ser::Serializer;

use crate::eval::evidence::Status;
use crate::eval::{Counts, Evaluation, Ground, Label, Reason, Role, Semantics};
use crate::graph::{EdgeKind, MapGraph, Node};
use crate::model::{Argument, Map};

/// Texts longer than this are cut in human output.
const TEXT_WIDTH: usize = 60;
/// Ids wider than this do not widen the id column.
const MAX_ID_WIDTH: usize = 24;
/// Ids named in one reason before "and N more".
const MAX_NAMED: usize = 3;

/// The JSON object: `semantics`, `thesis` (when the map names one),
/// `counts`, `labels` (id to label, every claim then every argument in file
/// order) and `items` (the same, each with its kind, its text and what its
/// label rests on, as the human listing gives it; under evidence semantics,
/// each claim's `ground`).
pub fn json(map: &Map, graph: &MapGraph, evaluation: &Evaluation) -> String {
    json_for(map, graph, evaluation, None)
}

/// [`json`] of the claims of actor `actor` (an index into `map.actors`)
/// only: `actor` (its id and name) in place of `thesis`, and no arguments.
pub fn json_by(map: &Map, graph: &MapGraph, evaluation: &Evaluation, actor: usize) -> String {
    json_for(map, graph, evaluation, Some(actor))
}

/// Whether claim `i` is held by `actor` (every claim when `None`).
fn held(graph: &MapGraph, actor: Option<usize>, i: usize) -> bool {
    actor.is_none_or(|a| graph.resolved.by.of(i).contains(&Some(a)))
}

fn json_for(map: &Map, graph: &MapGraph, evaluation: &Evaluation, actor: Option<usize>) -> String {
    #[derive(Serialize)]
    struct Thesis<'a> {
        id: &'a str,
        label: Option<Label>,
    }
    #[derive(Serialize)]
    struct Actor<'a> {
        id: &'a str,
        name: Option<&'a str>,
    }
    /// What grounds a claim under evidence semantics.
    #[derive(Serialize)]
    struct GroundOut<'a> {
        /// `evidence`, `supporter`, `argument` or `none`.
        kind: &'static str,
        #[serde(skip_serializing_if = "Option::is_none")]
        source: Option<&'a str>,
        #[serde(skip_serializing_if = "Option::is_none")]
        claim: Option<&'a str>,
        #[serde(skip_serializing_if = "Option::is_none")]
        argument: Option<&'a str>,
        #[serde(skip_serializing_if = "Option::is_none")]
        bare: Option<bool>,
        #[serde(skip_serializing_if = "Option::is_none")]
        why: Option<&'static str>,
    }
    #[derive(Serialize)]
    struct Because<'a> {
        /// `premise`, `attacker`, `undercutter` or `qualifier`.
        role: &'static str,
        claim: &'a str,
        label: Label,
    }
    #[derive(Serialize)]
    struct Item<'a> {
        id: &'a str,
        kind: &'static str,
        label: Label,
        text: String,
        because: Vec<Because<'a>>,
        #[serde(skip_serializing_if = "Option::is_none")]
        ground: Option<GroundOut<'a>>,
    }
    #[derive(Serialize)]
    struct Output<'a> {
        semantics: Semantics,
        #[serde(skip_serializing_if = "Option::is_none")]
        actor: Option<Actor<'a>>,
        #[serde(skip_serializing_if = "Option::is_none")]
        thesis: Option<Thesis<'a>>,
        counts: Counts,
        labels: Labels<'a>,
        items: Vec<Item<'a>>,
    }
    let because = |node: Node| -> Vec<Because<'_>> {
        evaluation
            .reasons(graph, node)
            .into_iter()
            .filter_map(|r| {
                Some(Because {
                    role: match r.role {
                        Role::Premise => "premise",
                        Role::Attacker => "attacker",
                        Role::Undercutter => "undercutter",
                        Role::Qualifier => "qualifier",
                    },
                    claim: map.claims.get(r.claim)?.id.as_str(),
                    label: r.label,
                })
            })
            .collect()
    };
    let ground = |i: usize| -> Option<GroundOut<'_>> {
        let claim = map.claims.get(i)?;
        let source = |k: usize| claim.cites.get(k).map(|c| c.source.as_str());
        let none = GroundOut {
            kind: "none",
            source: None,
            claim: None,
            argument: None,
            bare: None,
            why: None,
        };
        Some(match evaluation.ground(i)? {
            Ground::Evidence(k) => GroundOut {
                kind: "evidence",
                source: source(k),
                ..none
            },
            Ground::Supporter(c) => GroundOut {
                kind: "supporter",
                claim: map.claims.get(c).map(|c| c.id.as_str()),
                ..none
            },
            Ground::Argument(a) => GroundOut {
                kind: "argument",
                argument: map.arguments.get(a).map(|a| a.id.as_str()),
                ..none
            },
            Ground::Missing { bare, unverified } => GroundOut {
                bare: Some(bare),
                source: unverified.and_then(|(k, _)| source(k)),
                why: unverified.map(|(_, s)| match s {
                    Status::Verified => "verified",
                    Status::Unresolved => "unresolved",
                    Status::Unchecked => "unchecked",
                    Status::Impeached { code, .. } => code.as_str(),
                }),
                ..none
            },
        })
    };
    let claim_items = map.claims.iter().enumerate().filter_map(|(i, c)| {
        if !held(graph, actor, i) {
            return None;
        }
        Some(Item {
            id: c.id.as_str(),
            kind: "claim",
            label: evaluation.claim(i)?,
            text: c.display_text().to_owned(),
            because: because(Node::Claim(i)),
            ground: ground(i),
        })
    });
    let argument_items = map.arguments.iter().enumerate().filter_map(|(i, a)| {
        if actor.is_some() {
            return None;
        }
        Some(Item {
            id: a.id.as_str(),
            kind: "argument",
            label: evaluation.argument(i)?,
            text: argument_text(a),
            because: because(Node::Argument(i)),
            ground: None,
        })
    });
    let items: Vec<Item<'_>> = claim_items.chain(argument_items).collect();
    /// An ordered JSON object (serde_json's own map sorts its keys).
    struct Labels<'a>(Vec<(&'a str, Label)>);
    impl Serialize for Labels<'_> {
        fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            s.collect_map(self.0.iter().map(|(id, l)| (id, l)))
        }
    }

    let claims = map
        .claims
        .iter()
        .enumerate()
        .map(|(i, c)| (c.id.as_str(), held(graph, actor, i)));
    let arguments = map
        .arguments
        .iter()
        .map(|a| (a.id.as_str(), actor.is_none()));
    let labels = evaluation.claims.iter().chain(&evaluation.arguments);
    // An id that names a claim and an argument (a `duplicate-id` error)
    // appears once, with the claim's label: JSON keys must be unique.
    let mut seen = HashSet::new();
    let mut counts = Counts::default();
    let labels = claims
        .chain(arguments)
        .zip(labels)
        .filter(|((_, shown), _)| *shown)
        .inspect(|(_, l)| counts.add(**l))
        .map(|((id, _), l)| (id, *l))
        .filter(|(id, _)| seen.insert(*id))
        .collect();
    let output = Output {
        semantics: evaluation.semantics,
        actor: actor.and_then(|a| map.actors.get(a)).map(|a| Actor {
            id: a.id.as_str(),
            name: a.name.as_ref().map(|n| n.as_str()),
        }),
        thesis: evaluation
            .thesis(map, &graph.resolved)
            .filter(|_| actor.is_none())
            .map(|(id, label)| Thesis { id, label }),
        counts,
        labels: Labels(labels),
        items,
    };
    // Strings, integers and unit enums always serialize.
    serde_json::to_string_pretty(&output).unwrap_or_default() + "\n"
}

/// One line of the human listing.
struct Row<'a> {
    kind: &'static str,
    id: &'a str,
    text: String,
    reason: Option<String>,
}

/// The human listing: the semantics, the thesis, then one group per label,
/// then counts.
pub fn human(map: &Map, graph: &MapGraph, evaluation: &Evaluation) -> String {
    human_for(map, graph, evaluation, None)
}

/// [`human`] of the claims of actor `actor` (an index into `map.actors`)
/// only, under a header that names the actor, in place of the thesis.
pub fn human_by(map: &Map, graph: &MapGraph, evaluation: &Evaluation, actor: usize) -> String {
    human_for(map, graph, evaluation, Some(actor))
}

fn human_for(map: &Map, graph: &MapGraph, evaluation: &Evaluation, actor: Option<usize>) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "semantics: {}", evaluation.semantics);
    if let Some(a) = actor.and_then(|a| map.actors.get(a)) {
        let held = (0..map.claims.len())
            .filter(|&i| held(graph, actor, i))
            .count();
        let name = a.name.as_ref().map_or_else(String::new, |n| {
            format!(" ({})", cut(n.as_str(), usize::MAX))
        });
        let _ = writeln!(
            out,
            "positions of `{}`{name}: {}\n",
            cut(a.id.as_str(), usize::MAX),
            crate::english::count(held, "claim")
        );
    } else if let Some((id, label)) = evaluation.thesis(map, &graph.resolved) {
        match label {
            Some(label) => {
                let s = label_style(label);
                let text = graph
                    .resolved
                    .thesis
                    .and_then(|i| map.claims.get(i))
                    .map_or("", |c| c.display_text());
                let _ = writeln!(
                    out,
                    "thesis `{}` is {s}{label}{s:#}: {}\n",
                    cut(id, usize::MAX),
                    cut(text, usize::MAX)
                );
            }
            None => {
                let id = cut(id, usize::MAX);
                let _ = writeln!(out, "thesis `{id}` names no claim of this map\n");
            }
        }
    }

    let mut groups: [Vec<Row<'_>>; 3] = [Vec::new(), Vec::new(), Vec::new()];
    let mut counts = Counts::default();
    for (i, claim) in map.claims.iter().enumerate() {
        let Some(label) = evaluation.claim(i).filter(|_| held(graph, actor, i)) else {
            continue;
        };
        counts.add(label);
        let reasons = evaluation.reasons(graph, Node::Claim(i));
        push(
            &mut groups,
            label,
            Row {
                kind: "claim",
                id: claim.id.as_str(),
                text: cut(claim.display_text(), TEXT_WIDTH),
                reason: claim_reason(map, graph, evaluation, i, label, &reasons),
            },
        );
    }
    for (i, argument) in map.arguments.iter().enumerate().filter(|_| actor.is_none()) {
        let Some(label) = evaluation.argument(i) else {
            continue;
        };
        counts.add(label);
        let reasons = evaluation.reasons(graph, Node::Argument(i));
        push(
            &mut groups,
            label,
            Row {
                kind: "argument",
                id: argument.id.as_str(),
                text: cut(&argument_text(argument), TEXT_WIDTH),
                reason: argument_reason(map, label, &reasons, premised(graph, i)),
            },
        );
    }

    let id_width = groups
        .iter()
        .flatten()
        .map(|r| r.id.chars().count())
        .filter(|&w| w <= MAX_ID_WIDTH)
        .max()
        .unwrap_or(0);
    let kind_width = groups
        .iter()
        .flatten()
        .map(|r| r.kind.len())
        .max()
        .unwrap_or(0);
    let indent = " ".repeat(2 + kind_width + 2 + id_width + 2);
    let dim = Style::new().dimmed();
    for (label, rows) in Label::ALL.iter().copied().zip(&groups) {
        if rows.is_empty() {
            continue;
        }
        let s = label_style(label);
        let _ = writeln!(out, "{s}{label}{s:#} ({})", rows.len());
        for row in rows {
            let _ = writeln!(
                out,
                "  {:kind_width$}  {:id_width$}  {}",
                row.kind, row.id, row.text
            );
            if let Some(reason) = &row.reason {
                let _ = writeln!(out, "{indent}{dim}{reason}{dim:#}");
            }
        }
        out.push('\n');
    }
    let _ = writeln!(out, "{counts}");
    out
}

fn push<'a>(groups: &mut [Vec<Row<'a>>; 3], label: Label, row: Row<'a>) {
    let group = match label {
        Label::Accepted => &mut groups[0],
        Label::Rejected => &mut groups[1],
        Label::Undecided => &mut groups[2],
    };
    group.push(row);
}

fn label_style(label: Label) -> Style {
    let colour = match label {
        Label::Accepted => AnsiColor::Green,
        Label::Rejected => AnsiColor::Red,
        Label::Undecided => AnsiColor::Yellow,
    };
    Style::new().bold().fg_color(Some(colour.into()))
}

/// An argument's label, else `premise + premise -> conclusion`.
fn argument_text(a: &Argument) -> String {
    if let Some(label) = &a.label {
        return label.value.clone();
    }
    let premises: Vec<&str> = a.premises.iter().map(|p| p.as_str()).collect();
    let conclusion = a.conclusion.as_ref().map_or("?", |c| c.as_str());
    format!("{} -> {conclusion}", premises.join(" + "))
}

/// `text` on one line, cut to `width` characters with an ellipsis; control
/// characters (a terminal escape sequence in map text) shown as symbols.
fn cut(text: &str, width: usize) -> String {
    let cleaned = crate::wrap::clean(text);
    let one_line = cleaned.split_whitespace().collect::<Vec<_>>().join(" ");
    if one_line.chars().count() <= width {
        return one_line;
    }
    let mut s: String = one_line.chars().take(width.saturating_sub(1)).collect();
    s.truncate(s.trim_end().len());
    s.push('…');
    s
}

/// `` `a`, `b`, `c` and 2 more ``
fn names(map: &Map, claims: &[usize]) -> String {
    let mut s = String::new();
    for (n, &i) in claims.iter().take(MAX_NAMED).enumerate() {
        if n > 0 {
            s.push_str(if n + 1 == claims.len() { " and " } else { ", " });
        }
        let id = map.claims.get(i).map_or("", |c| c.id.as_str());
        let _ = write!(s, "`{id}`");
    }
    if claims.len() > MAX_NAMED {
        let _ = write!(s, " and {} more", claims.len() - MAX_NAMED);
    }
    s
}

/// The claims of `reasons` with `role`.
fn with_role(reasons: &[Reason], role: Role) -> Vec<usize> {
    reasons
        .iter()
        .filter(|r| r.role == role)
        .map(|r| r.claim)
        .collect()
}

/// `why`, and the claims that qualify the item, in words.
fn with_qualifiers(map: &Map, why: Option<String>, reasons: &[Reason]) -> Option<String> {
    let qualifiers = with_role(reasons, Role::Qualifier);
    if qualifiers.is_empty() {
        return why;
    }
    let q = format!("qualified by {}", names(map, &qualifiers));
    Some(match why {
        Some(w) => format!("{w}; {q}"),
        None => q,
    })
}

/// Why claim `i` has `label`, in words; `None` for a claim nothing attacks
/// or qualifies (under grounded semantics).
fn claim_reason(
    map: &Map,
    graph: &MapGraph,
    evaluation: &Evaluation,
    i: usize,
    label: Label,
    reasons: &[Reason],
) -> Option<String> {
    let attack = attack_reason(map, i, label, reasons);
    let ground = match (label, evaluation.ground(i)) {
        (Label::Rejected, _) | (_, None) => None,
        (_, Some(g)) => ground_reason(map, graph, i, g),
    };
    let why = match (ground, attack) {
        (Some(g), Some(a)) => Some(format!("{g}; {a}")),
        (g, a) => g.or(a),
    };
    with_qualifiers(map, why, reasons)
}

/// What grounds claim `i` under evidence semantics, or why nothing does,
/// in words.
pub fn ground_reason(map: &Map, graph: &MapGraph, i: usize, ground: Ground) -> Option<String> {
    let claim = map.claims.get(i)?;
    let source = |k: usize| {
        claim
            .cites
            .get(k)
            .map_or_else(String::new, |c| cut(c.source.as_str(), usize::MAX))
    };
    let id = |s: &str| cut(s, usize::MAX);
    Some(match ground {
        Ground::Evidence(k) => format!("verified evidence: cites `{}`", source(k)),
        Ground::Supporter(c) => format!(
            "supported by accepted `{}`",
            map.claims
                .get(c)
                .map_or(String::new(), |c| id(c.id.as_str()))
        ),
        Ground::Argument(a) => format!(
            "concluded by accepted argument `{}`",
            map.arguments
                .get(a)
                .map_or(String::new(), |a| id(a.id.as_str()))
        ),
        Ground::Missing { bare, unverified } => {
            let supported = supported(graph, i);
            let citation = unverified.map(|(k, status)| {
                let s = source(k);
                match status {
                    Status::Verified => String::new(),
                    Status::Unresolved => format!("its citation `{s}` names no source"),
                    Status::Unchecked => {
                        format!("its quote from `{s}` was not checked (no text of `{s}` was read)")
                    }
                    Status::Impeached {
                        code,
                        on_source: false,
                    } => format!("its citation of `{s}` is impeached by `{code}`"),
                    Status::Impeached {
                        code,
                        on_source: true,
                    } => format!("its source `{s}` is impeached by `{code}`"),
                }
            });
            let rest = match (citation, supported, bare) {
                (Some(c), true, _) => format!("{c}, and nothing accepted supports it"),
                (Some(c), false, _) => c,
                (None, false, _) => {
                    "a bare assertion (it cites no source, and nothing supports it)".to_owned()
                }
                (None, true, true) => {
                    "it rests only on bare assertions (nothing it rests on cites a source)"
                        .to_owned()
                }
                (None, true, false) => {
                    "it cites no source, and nothing accepted supports it".to_owned()
                }
            };
            format!("no verified evidence: {rest}")
        }
    })
}

/// Whether a claim or an argument supports claim `i` (`supports`, or an
/// argument's conclusion).
fn supported(graph: &MapGraph, i: usize) -> bool {
    graph.claim_node(i).is_some_and(|n| {
        graph
            .graph
            .edges_directed(n, petgraph::Direction::Incoming)
            .any(|e| matches!(e.weight().kind, EdgeKind::Support | EdgeKind::Conclusion))
    })
}

/// Why claim `i` has `label` by its attackers; `None` for a claim nothing
/// attacks.
fn attack_reason(map: &Map, i: usize, label: Label, reasons: &[Reason]) -> Option<String> {
    let attackers = with_role(reasons, Role::Attacker);
    if attackers.is_empty() {
        return None;
    }
    let itself = if attackers.contains(&i) {
        " (it attacks itself)"
    } else {
        ""
    };
    let (one, many) = match label {
        Label::Accepted => ("its attacker", "every attacker is rejected:"),
        Label::Rejected => ("attacked by accepted", "attacked by accepted"),
        Label::Undecided => ("attacked by undecided", "attacked by undecided"),
    };
    let list = names(map, &attackers);
    Some(match (label, attackers.len()) {
        (Label::Accepted, 1) => format!("{one} {list} is rejected{itself}"),
        (_, 1) => format!("{one} {list}{itself}"),
        _ => format!("{many} {list}{itself}"),
    })
}

/// Why an argument has `label`, in words; `None` for an accepted argument
/// that nothing undercuts or qualifies.
fn argument_reason(map: &Map, label: Label, reasons: &[Reason], premised: bool) -> Option<String> {
    with_qualifiers(map, undercut_reason(map, label, reasons, premised), reasons)
}

/// Why an argument has `label` by its premises and undercutters.
fn undercut_reason(map: &Map, label: Label, reasons: &[Reason], premised: bool) -> Option<String> {
    let premises = with_role(reasons, Role::Premise);
    let undercutters = with_role(reasons, Role::Undercutter);
    let mut parts = Vec::new();
    match label {
        Label::Accepted => {
            if !undercutters.is_empty() {
                parts.push(format!(
                    "premises accepted; undercut only by rejected {}",
                    names(map, &undercutters)
                ));
            }
        }
        Label::Rejected | Label::Undecided => {
            let word = label.as_str();
            match premises.len() {
                0 if !premised => parts.push("it has no premise that names a claim".to_owned()),
                0 => {}
                1 => parts.push(format!("premise {} is {word}", names(map, &premises))),
                _ => parts.push(format!("premises {} are {word}", names(map, &premises))),
            }
            let by = if label == Label::Rejected {
                "accepted"
            } else {
                "undecided"
            };
            if !undercutters.is_empty() {
                parts.push(format!("undercut by {by} {}", names(map, &undercutters)));
            }
        }
    }
    (!parts.is_empty()).then(|| parts.join("; "))
}

/// Whether argument `i` has a premise that names a claim.
fn premised(graph: &MapGraph, i: usize) -> bool {
    graph.resolved.premises.of(i).iter().any(Option::is_some)
}
