//! The map as the viewer's script reads it: one JSON value, every string
//! of the map as it was written (the script inserts them as text).

use serde::Serialize;

use crate::diag::FileReport;
use crate::eval::Evaluation;
use crate::graph::MapGraph;
use crate::model::{Anchor, Map};

/// The viewer's data.
#[derive(Debug, Serialize)]
pub struct Data {
    /// The map's title (its file's `[map] title`, else `argmap`).
    pub title: String,
    /// The thesis's id.
    pub thesis: Option<String>,
    /// The semantics of the claims' and arguments' `status`: `grounded` or
    /// `evidence`.
    pub semantics: &'static str,
    /// The sections, in file order.
    pub sections: Vec<Named>,
    /// The actors, in file order.
    pub actors: Vec<Named>,
    /// Every tag, in order of first use.
    pub tags: Vec<String>,
    /// The claims, in file order.
    pub claims: Vec<Item>,
    /// The arguments, in file order.
    pub arguments: Vec<Item>,
    /// The sources, in file order.
    pub sources: Vec<Item>,
    /// The findings in no claim, argument or source.
    pub findings: Vec<Finding>,
    /// For a map laid out in parts, each section's id and SVG (the
    /// page shows the overview first).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub split: Option<Vec<(String, String)>>,
}

/// A section or an actor.
#[derive(Debug, Serialize)]
pub struct Named {
    /// Its id.
    pub id: String,
    /// Its title or name, else its id.
    pub name: String,
}

/// A claim, an argument or a source.
#[derive(Debug, Default, Serialize)]
pub struct Item {
    /// `claim`, `argument` or `source`.
    pub kind: &'static str,
    /// Its id.
    pub id: String,
    /// Its node in the diagram: `c3`, `a0`, `s2`.
    pub node: String,
    /// Its text (a claim), label (an argument) or title (a source).
    pub text: String,
    /// Its section's id.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub section: Option<String>,
    /// The ids of the actors who hold it.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub by: Vec<String>,
    /// Its tags.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
    /// Its citations.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub cites: Vec<Cite>,
    /// Where the analysed document states it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub anchor: Option<String>,
    /// Its label in `argmap eval` (claims and arguments).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<&'static str>,
    /// What it supports (a claim), or its conclusion (an argument).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub supports: Vec<String>,
    /// What it attacks.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub attacks: Vec<String>,
    /// What it qualifies.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub qualifies: Vec<String>,
    /// An argument's premises.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub premises: Vec<String>,
    /// A source's authors, year and the rest of its entry, in one line.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub entry: Option<String>,
    /// The findings of `check` located in its entry.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub findings: Vec<Finding>,
}

/// A claim's citation.
#[derive(Debug, Serialize)]
pub struct Cite {
    /// The source's id.
    pub source: String,
    /// Its short label (`Creemers 2021a`), or the id of a source the map
    /// does not have.
    pub label: String,
    /// The locator.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub at: Option<String>,
    /// The quote.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub quote: Option<String>,
}

/// A finding of `check`.
#[derive(Debug, Serialize)]
pub struct Finding {
    /// `error` or `warning`.
    pub level: &'static str,
    /// Its code.
    pub code: &'static str,
    /// Its message.
    pub message: String,
}

fn strings(values: &[crate::model::Sp<String>]) -> Vec<String> {
    values.iter().map(|v| v.value.clone()).collect()
}

fn anchor_text(anchor: &Anchor) -> String {
    let mut parts = Vec::new();
    if let Some(at) = &anchor.at {
        parts.push(at.value.clone());
    }
    if let Some(s) = &anchor.section {
        parts.push(format!("section {}", s.value));
    }
    if let Some(p) = &anchor.para {
        parts.push(format!("paragraph {}", p.value));
    }
    if let Some(q) = &anchor.quote {
        parts.push(format!("“{}”", q.value));
    }
    parts.join(", ")
}

impl Data {
    /// The data of `map`.
    pub fn new(map: &Map, _graph: &MapGraph, report: &FileReport, eval: &Evaluation) -> Data {
        let label = |l: Option<crate::eval::Label>| l.map(crate::eval::Label::as_str);
        // Lookups by id, made once: a map may have 100,000 claims.
        let source_labels: std::collections::HashMap<&str, String> = map
            .sources
            .iter()
            .map(|s| (s.id.value.as_str(), s.short_label()))
            .collect();
        let claim_sections: std::collections::HashMap<&str, &str> = map
            .claims
            .iter()
            .filter_map(|c| Some((c.id.value.as_str(), c.section.as_ref()?.value.as_str())))
            .collect();
        let mut tags: Vec<String> = Vec::new();
        let mut seen_tags = std::collections::HashSet::new();
        let claims: Vec<Item> = map
            .claims
            .iter()
            .enumerate()
            .map(|(i, c)| {
                for t in &c.tags {
                    if seen_tags.insert(t.value.as_str()) {
                        tags.push(t.value.clone());
                    }
                }
                Item {
                    kind: "claim",
                    id: c.id.value.clone(),
                    node: format!("c{i}"),
                    text: c.display_text().to_owned(),
                    section: c.section.as_ref().map(|s| s.value.clone()),
                    by: strings(&c.by),
                    tags: strings(&c.tags),
                    cites: c
                        .cites
                        .iter()
                        .map(|ct| Cite {
                            source: ct.source.value.clone(),
                            label: source_labels
                                .get(ct.source.value.as_str())
                                .map_or_else(|| ct.source.value.clone(), Clone::clone),
                            at: ct.at.as_ref().map(|a| a.value.clone()),
                            quote: ct.quote.as_ref().map(|q| q.value.clone()),
                        })
                        .collect(),
                    anchor: c.anchor.as_ref().map(anchor_text),
                    status: label(eval.claim(i)),
                    supports: strings(&c.supports),
                    attacks: strings(&c.attacks),
                    qualifies: strings(&c.qualifies),
                    ..Item::default()
                }
            })
            .collect();
        let section_of = |id: &str| claim_sections.get(id).map(|s| (*s).to_owned());
        let arguments = map
            .arguments
            .iter()
            .enumerate()
            .map(|(i, a)| Item {
                kind: "argument",
                id: a.id.value.clone(),
                node: format!("a{i}"),
                text: a
                    .label
                    .as_ref()
                    .map_or_else(|| a.id.value.clone(), |l| l.value.clone()),
                section: a
                    .section
                    .as_ref()
                    .map(|s| s.value.clone())
                    .or_else(|| a.conclusion.as_ref().and_then(|c| section_of(&c.value))),
                status: label(eval.argument(i)),
                supports: a.conclusion.iter().map(|c| c.value.clone()).collect(),
                premises: strings(&a.premises),
                ..Item::default()
            })
            .collect();
        let sources = map
            .sources
            .iter()
            .enumerate()
            .map(|(i, s)| {
                let mut entry = Vec::new();
                if let Some(a) = &s.authors {
                    entry.push(strings(&a.value).join("; "));
                }
                if let Some(y) = s.year() {
                    entry.push(y.to_string());
                }
                for part in [&s.container, &s.publisher, &s.url, &s.doi]
                    .into_iter()
                    .flatten()
                {
                    entry.push(part.value.clone());
                }
                Item {
                    kind: "source",
                    id: s.id.value.clone(),
                    node: format!("s{i}"),
                    text: s
                        .title
                        .as_ref()
                        .map_or_else(|| s.short_label(), |t| t.value.clone()),
                    entry: (!entry.is_empty()).then(|| entry.join(". ")),
                    ..Item::default()
                }
            })
            .collect();
        let mut data = Data {
            semantics: eval.semantics.as_str(),
            title: map
                .meta
                .title
                .as_ref()
                .map_or_else(|| "argmap".to_owned(), |t| t.value.clone()),
            thesis: map.meta.thesis.as_ref().map(|t| t.value.clone()),
            sections: map
                .sections
                .iter()
                .map(|s| Named {
                    id: s.id.value.clone(),
                    name: s
                        .title
                        .as_ref()
                        .map_or_else(|| s.id.value.clone(), |t| t.value.clone()),
                })
                .collect(),
            actors: map
                .actors
                .iter()
                .map(|a| Named {
                    id: a.id.value.clone(),
                    name: a
                        .name
                        .as_ref()
                        .map_or_else(|| a.id.value.clone(), |n| n.value.clone()),
                })
                .collect(),
            tags,
            claims,
            arguments,
            sources,
            findings: Vec::new(),
            split: None,
        };
        data.place_findings(map, report);
        data
    }

    /// Gives each finding to the claim, argument or source whose entry it
    /// is located in: the last one whose id is written before it, unless a
    /// section's or an actor's id comes between.
    fn place_findings(&mut self, map: &Map, report: &FileReport) {
        // (where the entry's id is written, which list, index); list 3 is
        // an entry of no item.
        let mut starts: Vec<(usize, usize, usize)> = Vec::new();
        starts.extend(
            map.claims
                .iter()
                .enumerate()
                .map(|(i, c)| (c.id.span.start, 0, i)),
        );
        starts.extend(
            map.arguments
                .iter()
                .enumerate()
                .map(|(i, a)| (a.id.span.start, 1, i)),
        );
        starts.extend(
            map.sources
                .iter()
                .enumerate()
                .map(|(i, s)| (s.id.span.start, 2, i)),
        );
        starts.extend(map.sections.iter().map(|s| (s.id.span.start, 3, 0)));
        starts.extend(map.actors.iter().map(|a| (a.id.span.start, 3, 0)));
        starts.push((map.meta.span.start, 3, 0));
        // A finding in a bibliography file before its first entry.
        starts.extend(map.bibliographies.iter().map(|b| (b.base, 3, 0)));
        starts.sort_unstable();
        for d in &report.diagnostics {
            let finding = Finding {
                level: d.severity.as_str(),
                code: d.code.as_str(),
                message: d.message.clone(),
            };
            let at = starts.partition_point(|s| s.0 <= d.span.start);
            let owner = at.checked_sub(1).and_then(|k| starts.get(k).copied());
            let list = match owner {
                Some((_, 0, i)) => self.claims.get_mut(i),
                Some((_, 1, i)) => self.arguments.get_mut(i),
                Some((_, 2, i)) => self.sources.get_mut(i),
                _ => None,
            };
            match list {
                Some(item) => item.findings.push(finding),
                None => self.findings.push(finding),
            }
        }
    }
}
