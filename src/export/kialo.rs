//! Kialo's plain-text export format, as `argmap import --from kialo` and
//! Kialo's own importers read it: `Discussion Title:` and the map's title
//! (else the thesis's text), then the thesis as `1.` and the tree below it,
//! depth first:
//!
//! ```text
//! Discussion Title: Bridge
//!
//! 1. The bridge should be rebuilt
//! 1.1. Pro: Two piers are cracked
//! 1.2. Con: Rebuilding costs more than the yearly budget
//! 1.2.1. Pro: -> See 1.1.
//! ```
//!
//! The claims below a claim are those that support it (`Pro:`) or attack it
//! (`Con:`), and the premises of the linked arguments that conclude it, each
//! a `Pro:` (Kialo has no linked premises); they are numbered in the order
//! of the map's claims. A claim reached a second time is written as a
//! `-> See N` link to where it was written in full. Text keeps its lines and
//! is escaped as [`crate::kialo::escape`] says.
//!
//! What Kialo has no place for is left out and counted ([`Kialo::left_out`]):
//! claims not connected to the thesis and their relations, a relation that
//! would put a claim below itself, undercuts, qualifications, sources and
//! citations, sections, actors and `by`, anchors, argument labels, the
//! description. The walk is iterative (no recursion), linear in the map.

use std::fmt::Write as _;

use super::{Resolved, Target, claim_text, one_line};
use crate::english::{count, count_as, either};
use crate::kialo::{self, Stance};
use crate::model::Map;
use crate::resolved::ResolvedMap;

/// A map as a Kialo export, with what it could not hold.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Kialo {
    /// The text, ending with a newline.
    pub text: String,
    /// What was left out, each counted ("2 sources"), in a fixed order.
    pub left_out: Vec<String>,
    /// What was written differently ("1 linked argument written as ...").
    pub notes: Vec<String>,
}

/// `map` as Kialo's text: [`write`]'s text.
pub fn to_kialo(map: &Map, resolved: &ResolvedMap) -> String {
    write(map, resolved).text
}

/// One claim below another: the claim and its stance.
#[derive(Clone, Copy, PartialEq, Eq)]
struct Child {
    claim: usize,
    stance: Stance,
}

/// A claim being written, with the claims below it still to write.
struct Frame {
    claim: usize,
    number: String,
    next: usize,
    written: usize,
}

/// `map` as Kialo's text, and what was left out. Without a thesis the text
/// is the title line alone.
pub fn write(map: &Map, resolved: &ResolvedMap) -> Kialo {
    let r = Resolved::new(map, resolved);
    let n = map.claims.len();
    let mut below: Vec<Vec<Child>> = vec![Vec::new(); n];
    let (mut undercuts, mut qualifications) = (0, 0);
    for &i in &r.claims {
        for &t in r.supports_of(i) {
            if let Some(list) = below.get_mut(t) {
                list.push(Child {
                    claim: i,
                    stance: Stance::Pro,
                });
            }
        }
        for &t in r.attacks_of(i) {
            match t {
                Target::Claim(t) => {
                    if let Some(list) = below.get_mut(t) {
                        list.push(Child {
                            claim: i,
                            stance: Stance::Con,
                        });
                    }
                }
                Target::Argument(_) => undercuts += 1,
            }
        }
        qualifications += r.qualifies_of(i).len();
    }
    for a in &r.arguments {
        if let Some(list) = below.get_mut(a.conclusion) {
            list.extend(a.premises.iter().map(|&p| Child {
                claim: p,
                stance: Stance::Pro,
            }));
        }
    }
    for list in &mut below {
        list.sort_by_key(|c| (c.claim, c.stance == Stance::Con));
        list.dedup();
    }

    let title = map
        .meta
        .title
        .as_ref()
        .map(|t| t.as_str())
        .or_else(|| r.thesis.map(|t| claim_text(map, t)))
        .unwrap_or_default();
    let mut out = format!("{} {}\n", kialo::TITLE, kialo::escape(&one_line(title)));
    let mut reached = vec![false; n];
    let mut on_path = vec![false; n];
    let mut first: Vec<Option<String>> = vec![None; n];
    // The relations left out because they close a cycle: (from, stance, to).
    let mut cycles: Vec<(usize, Stance, usize)> = Vec::new();
    if let Some(thesis) = r.thesis {
        out.push('\n');
        line(
            &mut out,
            "1.",
            None,
            &kialo::escape(claim_text(map, thesis)),
        );
        let mut stack = vec![Frame {
            claim: thesis,
            number: "1.".to_owned(),
            next: 0,
            written: 0,
        }];
        set(&mut reached, thesis);
        set(&mut on_path, thesis);
        set_first(&mut first, thesis, "1.");
        while let Some(top) = stack.last_mut() {
            let Some(&child) = below.get(top.claim).and_then(|l| l.get(top.next)) else {
                let done = top.claim;
                stack.pop();
                if let Some(p) = on_path.get_mut(done) {
                    *p = false;
                }
                continue;
            };
            top.next += 1;
            let c = child.claim;
            if on_path.get(c).copied().unwrap_or(false) {
                cycles.push((c, child.stance, top.claim));
                continue;
            }
            top.written += 1;
            let number = format!("{}{}.", top.number, top.written);
            if let Some(Some(at)) = first.get(c) {
                line(
                    &mut out,
                    &number,
                    Some(child.stance),
                    &format!("{}{at}", kialo::SEE),
                );
                continue;
            }
            line(
                &mut out,
                &number,
                Some(child.stance),
                &kialo::escape(claim_text(map, c)),
            );
            set(&mut reached, c);
            set(&mut on_path, c);
            set_first(&mut first, c, &number);
            stack.push(Frame {
                claim: c,
                number,
                next: 0,
                written: 0,
            });
        }
    }

    let unreached: Vec<usize> = (r.claims.iter().copied())
        .filter(|&i| !reached.get(i).copied().unwrap_or(true))
        .collect();
    let unreached_relations: usize = (unreached.iter())
        .map(|&i| below.get(i).map_or(0, Vec::len))
        .sum();
    let mut left_out = Vec::new();
    if !unreached.is_empty() {
        let m = unreached.len();
        let mut s = if r.thesis.is_none() {
            count_as(
                m,
                "claim (the map has no thesis)",
                "claims (the map has no thesis)",
            )
        } else {
            count_as(
                m,
                "claim not connected to the thesis",
                "claims not connected to the thesis",
            )
        };
        if unreached_relations > 0 {
            let _ = write!(
                s,
                ", and {} {}",
                either(m, "its", "their"),
                count(unreached_relations, "relation")
            );
        }
        left_out.push(s);
    }
    if !cycles.is_empty() {
        // Named, since leaving one out can change what `eval` says.
        let id = |i: usize| map.claims.get(i).map_or("", |c| c.id.as_str());
        let shown: Vec<String> = cycles
            .iter()
            .take(3)
            .map(|&(from, stance, to)| {
                let verb = match stance {
                    Stance::Pro => "supports",
                    Stance::Con => "attacks",
                };
                format!("`{}` {verb} `{}`", id(from), id(to))
            })
            .collect();
        let more = cycles.len().saturating_sub(shown.len());
        let mut s = count_as(
            cycles.len(),
            "relation that would put a claim below itself (a cycle)",
            "relations that would put a claim below itself (cycles)",
        );
        let _ = write!(s, ": {}", shown.join(", "));
        if more > 0 {
            let _ = write!(s, " and {more} more");
        }
        left_out.push(s);
    }
    let mut push = |n: usize, one: &str, many: &str| {
        if n > 0 {
            left_out.push(count_as(n, one, many));
        }
    };
    push(
        undercuts,
        "undercut (an attack on an argument)",
        "undercuts (attacks on arguments)",
    );
    push(qualifications, "qualification", "qualifications");
    push(r.sources.len(), "source", "sources");
    push(
        map.claims.iter().map(|c| c.cites.len()).sum(),
        "citation",
        "citations",
    );
    push(r.sections.len(), "section", "sections");
    push(r.actors.len(), "actor", "actors");
    push(
        map.claims.iter().map(|c| c.by.len()).sum(),
        "`by` entry",
        "`by` entries",
    );
    push(
        map.claims.iter().filter(|c| c.anchor.is_some()).count(),
        "anchor",
        "anchors",
    );
    push(
        (r.arguments.iter())
            .filter(|a| super::argument_label(map, a.index).is_some())
            .count(),
        "argument label",
        "argument labels",
    );
    if map.meta.description.is_some() {
        left_out.push("the map's description".to_owned());
    }
    let mut notes = Vec::new();
    let linked = (r.arguments.iter())
        .filter(|a| reached.get(a.conclusion).copied().unwrap_or(false))
        .count();
    if linked > 0 {
        notes.push(format!(
            "wrote {} as {} premises, each a Pro of its conclusion (Kialo has no linked premises)",
            count(linked, "linked argument"),
            if linked == 1 { "its" } else { "their" }
        ));
    }
    Kialo {
        text: out,
        left_out,
        notes,
    }
}

/// Appends one numbered line: `1.2. Pro: text`, without a trailing space
/// when the text is empty.
fn line(out: &mut String, number: &str, stance: Option<Stance>, text: &str) {
    out.push_str(number);
    if let Some(s) = stance {
        out.push(' ');
        out.push_str(s.marker());
    }
    if !text.is_empty() {
        out.push(' ');
        out.push_str(text);
    }
    out.push('\n');
}

fn set(flags: &mut [bool], i: usize) {
    if let Some(f) = flags.get_mut(i) {
        *f = true;
    }
}

fn set_first(first: &mut [Option<String>], i: usize, number: &str) {
    if let Some(f) = first.get_mut(i) {
        *f = Some(number.to_owned());
    }
}
