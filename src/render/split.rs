//! Large maps: how many nodes a diagram draws, and `render --split`, which
//! draws a map as an overview of its sections and one diagram per section.
//!
//! Graphviz's `dot` needs time that grows faster than the square of the
//! number of nodes: on generated maps (`examples/genmap`), 1.3 s for 2,000
//! nodes, 3 s for 3,000, 9 s for 5,000 and a minute for 10,000. Beyond
//! [`MAX_GRAPHVIZ_NODES`] a diagram is too large to lay out in reasonable
//! time; DOT itself has no limit.
//!
//! The overview has one node per section, with its title, and how many
//! claims it holds, how many of them are cited and how many are
//! counterpoints (as the audit counts them); the section that holds the
//! thesis has a double border. Claims in no section share one dashed node.
//! Between two sections, one solid green arrow stands for the support
//! relations from the one to the other (a claim's `supports`, and each
//! premise of a linked argument towards its conclusion) and one dashed red
//! line ending in a bar for the attacks (rebuttals and undercuts), each
//! labelled with its number and drawn heavier the more there are. In SVG,
//! a section's node links to its own diagram.
//!
//! Each section's diagram is the diagram of `render --section ID`. The map's
//! index is built once for all of them, and they are built in parallel, so
//! that splitting a map of 100,000 claims into 2,000 sections takes seconds.

use crate::english::{self, noun_s};
use std::collections::BTreeMap;

use graphviz_rust::dot_structures::{Graph, GraphAttributes, Id, Stmt, Subgraph};
use petgraph::visit::EdgeRef;
use rayon::prelude::*;

use super::build::{self, Index, attr, edge, markup, node, plain, quoted};
use super::text::{html, html_lines, tooltip, wrap};
use super::view::{self, Selection, Shown};
use super::{Direction, Options, View, ViewError};
use crate::graph::{EdgeKind, MapGraph, Node};
use crate::model::Map;

/// The most nodes a diagram may draw for Graphviz to lay it out: about a
/// second and a half on generated maps, where 5,000 nodes take 9 s and
/// 10,000 a minute.
pub const MAX_GRAPHVIZ_NODES: usize = 2_000;

/// The file name of the overview, without its extension.
pub const OVERVIEW: &str = "overview";

const GREEN: &str = "#1B7837";
const RED: &str = "#B2182B";
const INK: &str = "#1A1A1A";
const MUTED: &str = "#4D4D4D";

/// How many nodes the diagram of `options` draws: claims and arguments, the
/// faded ones around a section included, and with [`Options::sources`] the
/// sources they cite.
pub fn drawn_nodes(map: &Map, graph: &MapGraph, options: &Options) -> Result<usize, ViewError> {
    let sel = view::select(map, graph, &options.view, options.context, &options.filter)?;
    Ok(count(map, graph, &sel, options.sources))
}

/// The nodes a selection draws (as `build` draws them).
fn count(map: &Map, graph: &MapGraph, sel: &Selection, sources: bool) -> usize {
    let drawn = |s: &Shown| s.drawn();
    let mut n = sel.claims.iter().filter(|s| drawn(s)).count()
        + sel.arguments.iter().filter(|s| drawn(s)).count();
    if sources {
        let mut cited = vec![false; map.sources.len()];
        for i in 0..map.claims.len() {
            if sel.claim(i) != Shown::Full {
                continue;
            }
            for &s in graph.resolved.cites.of(i).iter().flatten() {
                if let Some(flag) = cited.get_mut(s) {
                    *flag = true;
                }
            }
        }
        n += cited.iter().filter(|c| **c).count();
    }
    n
}

/// One section's diagram.
#[derive(Clone, Debug)]
pub struct SectionDiagram {
    /// The section: an index into `map.sections`.
    pub section: usize,
    /// Its id, which names its file.
    pub id: String,
    /// How many nodes it draws.
    pub nodes: usize,
    /// Its DOT.
    pub dot: String,
}

/// The diagram of every section of `map`, in file order, each as
/// `render --section ID` draws it with `options` (whose view is ignored).
pub fn section_diagrams(map: &Map, graph: &MapGraph, options: &Options) -> Vec<SectionDiagram> {
    let ix = Index::new(map, graph, options.theme.theme());
    let n = map.sections.len();
    // One copy of the options per thread, its view set per section.
    let diagram = |opts: &mut Options, s: usize| section_diagram(&ix, graph, opts, s);
    let diagrams: Vec<Option<SectionDiagram>> = if map.claims.len() < crate::rules::PARALLEL_CLAIMS
    {
        let mut opts = options.clone();
        (0..n).map(|s| diagram(&mut opts, s)).collect()
    } else {
        (0..n)
            .into_par_iter()
            .map_init(|| options.clone(), diagram)
            .collect()
    };
    diagrams.into_iter().flatten().collect()
}

fn section_diagram(
    ix: &Index<'_>,
    graph: &MapGraph,
    opts: &mut Options,
    s: usize,
) -> Option<SectionDiagram> {
    let map = ix.map;
    let id = map.sections.get(s)?.id.value.clone();
    opts.view = View::Section(id.clone());
    let sel = view::select(map, graph, &opts.view, opts.context, &opts.filter).ok()?;
    let tree = build::build_with(ix, opts, &sel);
    Some(SectionDiagram {
        section: s,
        id,
        nodes: count(map, graph, &sel, opts.sources),
        dot: print(&tree),
    })
}

fn print(tree: &Graph) -> String {
    super::print_dot(tree)
}

/// What the overview says about one section (or about the claims in none).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
struct Facts {
    claims: usize,
    cited: usize,
    counterpoints: usize,
    arguments: usize,
    thesis: bool,
}

/// The relations from section to section, by (from, to).
type Crossings = BTreeMap<(usize, usize), Crossing>;

/// Support and attack relations from one section to another.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
struct Crossing {
    supports: usize,
    attacks: usize,
}

/// The overview of `map` as DOT: see the module docs. `link(i)` is the file
/// that section `i`'s node links to, if any. Of `options`, the direction
/// and the legend are used.
pub fn overview_dot(
    map: &Map,
    graph: &MapGraph,
    options: &Options,
    link: &dyn Fn(usize) -> Option<String>,
) -> String {
    print(&overview_graph(map, graph, options, link))
}

/// How large the overview is for Graphviz: one node per section, one for
/// the claims in no section if there are any, and one per edge, since
/// Graphviz lays out each edge's label as a node of its own. (The overview
/// of the 2,000 sections of a 100,000-claim map has 5,065 edges, and `dot`
/// had not finished it after two minutes.)
pub fn overview_nodes(map: &Map, graph: &MapGraph) -> usize {
    let (facts, crossings) = tally(map, graph);
    let nodes = facts
        .iter()
        .enumerate()
        .filter(|(i, f)| *i < map.sections.len() || f.claims + f.arguments > 0)
        .count();
    let edges: usize = crossings
        .values()
        .map(|c| usize::from(c.supports > 0) + usize::from(c.attacks > 0))
        .sum();
    nodes + edges
}

/// The facts of every section (the last entry: the claims in no section),
/// and the relations crossing from one section to another.
fn tally(map: &Map, graph: &MapGraph) -> (Vec<Facts>, Crossings) {
    let r = &graph.resolved;
    // Section `map.sections.len()` stands for "no section".
    let none = map.sections.len();
    let of = |s: Option<usize>| s.unwrap_or(none);
    let claim_of = |i: usize| of(r.section_of_claim(i));
    let argument_of = |i: usize| of(r.section_of_argument(i));

    let mut facts = vec![Facts::default(); none + 1];
    for i in 0..map.claims.len() {
        let Some(f) = facts.get_mut(claim_of(i)) else {
            continue;
        };
        f.claims += 1;
        if r.is_cited(i) {
            f.cited += 1;
        }
        if graph.is_counterpoint(map, i) {
            f.counterpoints += 1;
        }
        f.thesis |= r.thesis == Some(i);
    }
    for i in 0..map.arguments.len() {
        if let Some(f) = facts.get_mut(argument_of(i)) {
            f.arguments += 1;
        }
    }

    let mut crossings = Crossings::new();
    let section_of_node = |n| match graph.node(n) {
        Some(Node::Claim(i)) => Some(claim_of(i)),
        Some(Node::Argument(i)) => Some(argument_of(i)),
        _ => None,
    };
    for e in graph.graph.edge_references() {
        let kind = e.weight().kind;
        let attack = match kind {
            EdgeKind::Support => false,
            EdgeKind::Attack | EdgeKind::Undercut => true,
            _ => continue,
        };
        let (Some(a), Some(b)) = (section_of_node(e.source()), section_of_node(e.target())) else {
            continue;
        };
        if a != b {
            let c = crossings.entry((a, b)).or_default();
            if attack {
                c.attacks += 1;
            } else {
                c.supports += 1;
            }
        }
    }
    // Linked support: each premise towards the argument's conclusion.
    for a in 0..map.arguments.len() {
        let Some(to) = r.conclusion.get(a).copied().flatten() else {
            continue;
        };
        for &p in r.premises.of(a).iter().flatten() {
            let (a, b) = (claim_of(p), claim_of(to));
            if a != b {
                crossings.entry((a, b)).or_default().supports += 1;
            }
        }
    }
    (facts, crossings)
}

/// The overview of `map` as a DOT syntax tree.
pub fn overview_graph(
    map: &Map,
    graph: &MapGraph,
    options: &Options,
    link: &dyn Fn(usize) -> Option<String>,
) -> Graph {
    let (facts, crossings) = tally(map, graph);
    let direction = options
        .direction
        .unwrap_or_else(|| Direction::auto(map.sections.len()));
    let title = map
        .meta
        .title
        .as_ref()
        .map_or("Argument map", |t| t.as_str());
    let sections = map.sections.len();
    let subtitle = format!(
        "overview: {}, {}",
        english::count(sections, "section"),
        english::count(map.claims.len(), "claim"),
    );
    let mut stmts = vec![
        Stmt::GAttribute(GraphAttributes::Graph(vec![
            attr("rankdir", plain(direction.rankdir())),
            attr("newrank", plain("true")),
            attr("nodesep", plain("0.4")),
            attr("ranksep", plain("0.9")),
            attr("pad", plain("0.3")),
            attr("bgcolor", plain("white")),
            attr("fontname", quoted("Helvetica")),
            attr("fontsize", plain("20")),
            attr("labelloc", plain("t")),
            attr(
                "label",
                markup(&format!(
                    "<b>{}</b><br/><font point-size=\"13\" color=\"{MUTED}\">{}</font>",
                    html_lines(&wrap(title, 80)),
                    html(&subtitle)
                )),
            ),
        ])),
        Stmt::GAttribute(GraphAttributes::Node(vec![
            attr("shape", plain("box")),
            attr("style", quoted("rounded,filled")),
            attr("fillcolor", quoted("#F4F4F4")),
            attr("color", quoted("#8C8C8C")),
            attr("penwidth", plain("1.2")),
            attr("fontname", quoted("Helvetica")),
            attr("fontsize", plain("11")),
            attr("fontcolor", quoted(INK)),
            attr("margin", quoted("0.15,0.08")),
        ])),
        Stmt::GAttribute(GraphAttributes::Edge(vec![
            attr("fontname", quoted("Helvetica")),
            attr("fontsize", plain("9")),
            attr("fontcolor", quoted(MUTED)),
            attr("arrowsize", plain("0.8")),
        ])),
    ];
    if options.legend {
        stmts.push(legend());
    }
    for (i, f) in facts.iter().enumerate() {
        let (name, id, description) = match map.sections.get(i) {
            Some(s) => (
                s.title.as_ref().map_or(s.id.as_str(), |t| t.as_str()),
                Some(s.id.as_str()),
                s.description.as_ref().map(|d| d.as_str()),
            ),
            None if f.claims + f.arguments > 0 => ("No section", None, None),
            None => continue,
        };
        stmts.push(section_node(i, name, id, description, f, link(i)));
    }
    for ((a, b), c) in &crossings {
        let (from, to) = (format!("s{a}"), format!("s{b}"));
        let names = |s: usize| {
            map.sections
                .get(s)
                .map_or_else(|| "claims in no section".to_owned(), |x| x.id.value.clone())
        };
        for (n, attack) in [(c.supports, false), (c.attacks, true)] {
            if n == 0 {
                continue;
            }
            let what = match (attack, n) {
                (false, 1) => "support".to_owned(),
                (false, _) => "supports".to_owned(),
                (true, 1) => "attack".to_owned(),
                (true, _) => "attacks".to_owned(),
            };
            let mut attrs = if attack {
                vec![
                    attr("color", quoted(RED)),
                    attr("style", plain("dashed")),
                    attr("arrowhead", plain("tee")),
                ]
            } else {
                vec![
                    attr("color", quoted(GREEN)),
                    attr("arrowhead", plain("normal")),
                ]
            };
            attrs.push(attr("penwidth", plain(&weight(n))));
            attrs.push(attr("weight", plain(&n.to_string())));
            attrs.push(attr("label", quoted(&format!(" {n} {what}"))));
            attrs.push(attr(
                "tooltip",
                Id::Escaped(tooltip(&format!(
                    "{n} {} {} from {} to {}",
                    if attack { "attack" } else { "support" },
                    noun_s(n, "relation"),
                    names(*a),
                    names(*b)
                ))),
            ));
            stmts.push(edge(&from, &to, attrs));
        }
    }
    Graph::DiGraph {
        id: plain("argmap_overview"),
        strict: false,
        stmts,
    }
}

/// Line width for `n` relations: 1.2 for one, heavier (to 6) the more.
fn weight(n: usize) -> String {
    let extra = (n as f64).ln().clamp(0.0, 4.8);
    format!("{:.1}", 1.2 + extra)
}

fn section_node(
    i: usize,
    name: &str,
    id: Option<&str>,
    description: Option<&str>,
    f: &Facts,
    link: Option<String>,
) -> Stmt {
    let counts = format!(
        "{} \u{b7} {} cited \u{b7} {}",
        english::count(f.claims, "claim"),
        f.cited,
        english::count(f.counterpoints, "counterpoint"),
    );
    let mut label = String::new();
    if f.thesis {
        label.push_str("<font point-size=\"9\" color=\"#7A5C00\"><b>THESIS</b></font><br/>");
    }
    let title = html_lines(&wrap(name, 32));
    if id.is_some() {
        label.push_str(&format!("<b>{title}</b>"));
    } else {
        label.push_str(&format!("<i>{title}</i>"));
    }
    label.push_str(&format!(
        "<br/><font point-size=\"9\" color=\"{MUTED}\">{}</font>",
        html(&counts)
    ));
    let mut tip = match id {
        Some(id) => format!("section {id}: {name}"),
        None => "claims in no section".to_owned(),
    };
    if let Some(d) = description {
        tip.push_str(&format!("\n{d}"));
    }
    tip.push_str(&format!(
        "\n{}, {} cited, {}, {}",
        english::count(f.claims, "claim"),
        f.cited,
        english::count(f.counterpoints, "counterpoint"),
        english::count(f.arguments, "linked argument"),
    ));
    let mut attrs = vec![attr("label", markup(&label))];
    if f.thesis {
        attrs.push(attr("fillcolor", quoted("#FFF1C2")));
        attrs.push(attr("color", quoted("#7A5C00")));
        attrs.push(attr("peripheries", plain("2")));
    }
    if id.is_none() {
        attrs.push(attr("style", quoted("rounded,filled,dashed")));
    }
    if let Some(file) = link {
        // Section ids are letters, digits, `-` and `_`: safe in quotes.
        attrs.push(attr("URL", quoted(&file)));
    }
    attrs.push(attr("tooltip", Id::Escaped(tooltip(&tip))));
    node(&format!("s{i}"), attrs)
}

/// The overview's legend: a section and the two kinds of line.
fn legend() -> Stmt {
    let stmts = vec![
        Stmt::GAttribute(GraphAttributes::Graph(vec![
            attr("label", markup("<b>Legend</b>")),
            attr("style", quoted("rounded")),
            attr("color", quoted("#BDBDBD")),
            attr("fontsize", plain("11")),
            attr("labeljust", plain("l")),
            attr("margin", plain("10")),
        ])),
        node(
            "legend_a",
            vec![attr(
                "label",
                markup(&format!(
                    "<b>Section</b><br/><font point-size=\"9\" color=\"{MUTED}\">claims \u{b7} cited \u{b7} counterpoints</font>"
                )),
            )],
        ),
        node(
            "legend_b",
            vec![attr("label", markup("<b>Another section</b>"))],
        ),
        edge(
            "legend_a",
            "legend_b",
            vec![
                attr("color", quoted(GREEN)),
                attr("label", quoted(" N supports")),
            ],
        ),
        edge(
            "legend_b",
            "legend_a",
            vec![
                attr("color", quoted(RED)),
                attr("style", plain("dashed")),
                attr("arrowhead", plain("tee")),
                attr("label", quoted(" N attacks")),
            ],
        ),
    ];
    Stmt::Subgraph(Subgraph {
        id: plain("cluster_legend"),
        stmts,
    })
}
