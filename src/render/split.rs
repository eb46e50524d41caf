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

use graphviz_rust::dot_structures::{Graph, GraphAttributes, Id, Stmt};
use petgraph::visit::EdgeRef;
use rayon::prelude::*;

use super::build::{self, Index, attr, edge, markup, node, plain, quoted};
use super::text::{html, html_lines, tooltip, wrap};
use super::theme::{FONT, Theme};
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

impl Facts {
    /// `3 claims · 2 cited · 1 counterpoint`, as the overview and the
    /// index page show a section.
    fn counts(&self) -> String {
        format!(
            "{} \u{b7} {} cited \u{b7} {}",
            english::count(self.claims, "claim"),
            self.cited,
            english::count(self.counterpoints, "counterpoint"),
        )
    }
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
    let t = options.theme.theme();
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
            attr(
                "nodesep",
                plain(if options.compact { "0.3" } else { "0.4" }),
            ),
            attr(
                "ranksep",
                plain(if options.compact { "0.6" } else { "0.9" }),
            ),
            attr("pad", plain("0.3")),
            attr("bgcolor", plain("white")),
            attr("fontname", quoted(FONT)),
            attr("fontsize", plain("20")),
            attr("labelloc", plain("t")),
            attr(
                "label",
                markup(&format!(
                    "<b>{}</b><br/><font point-size=\"13\" color=\"{}\">{}</font>",
                    html_lines(&wrap(title, 80)),
                    t.muted,
                    html(&subtitle)
                )),
            ),
        ])),
        Stmt::GAttribute(GraphAttributes::Node(vec![
            attr("shape", plain("box")),
            attr("style", quoted("rounded,filled")),
            attr("fillcolor", quoted(t.cluster.0)),
            attr("color", quoted("#8C8C8C")),
            attr("penwidth", plain("1.2")),
            attr("fontname", quoted(FONT)),
            attr("fontsize", plain("11")),
            attr("fontcolor", quoted(t.ink)),
            attr("margin", quoted("0.15,0.08")),
        ])),
        Stmt::GAttribute(GraphAttributes::Edge(vec![
            attr("fontname", quoted(FONT)),
            attr("fontsize", plain("9")),
            attr("fontcolor", quoted(t.muted)),
            attr("arrowsize", plain("0.8")),
        ])),
    ];
    if options.legend {
        let supports = crossings.values().any(|c| c.supports > 0);
        let attacks = crossings.values().any(|c| c.attacks > 0);
        stmts.push(legend(t, supports, attacks));
    }
    for (i, f) in facts.iter().enumerate() {
        let (name, id, description) = match map.sections.get(i) {
            Some(s) => (
                s.display_title(),
                Some(s.id.as_str()),
                s.description.as_ref().map(|d| d.as_str()),
            ),
            None if f.claims + f.arguments > 0 => ("No section", None, None),
            None => continue,
        };
        stmts.push(section_node(t, i, name, id, description, f, link(i)));
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
                    attr("color", quoted(t.attack)),
                    attr("style", plain("dashed")),
                    attr("arrowhead", plain("tee")),
                ]
            } else {
                vec![
                    attr("color", quoted(t.support)),
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
    t: &Theme,
    i: usize,
    name: &str,
    id: Option<&str>,
    description: Option<&str>,
    f: &Facts,
    link: Option<String>,
) -> Stmt {
    let counts = f.counts();
    let mut label = String::new();
    if f.thesis {
        label.push_str(&format!(
            "<font point-size=\"9\" color=\"{}\"><b>THESIS</b></font><br/>",
            t.thesis.1
        ));
    }
    let title = html_lines(&wrap(name, 32));
    if id.is_some() {
        label.push_str(&format!("<b>{title}</b>"));
    } else {
        label.push_str(&format!("<i>{title}</i>"));
    }
    label.push_str(&format!(
        "<br/><font point-size=\"9\" color=\"{}\">{}</font>",
        t.muted,
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
        attrs.push(attr("fillcolor", quoted(t.thesis.0)));
        attrs.push(attr("color", quoted(t.thesis.1)));
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

/// The overview's legend: one compact table, a section and the two kinds
/// of line.
fn legend(t: &Theme, supports: bool, attacks: bool) -> Stmt {
    let line = |glyph: &str, color: &str, words: &str| {
        format!(
            "<tr><td align=\"center\"><font point-size=\"12\" color=\"{color}\"><b>{glyph}</b></font></td>\
             <td align=\"left\">{words}</td></tr>"
        )
    };
    let mut rows = String::new();
    if supports {
        rows.push_str(&line(
            "\u{2500}\u{2500}\u{25b6}",
            t.support,
            "N supports from one section to another",
        ));
    }
    if attacks {
        rows.push_str(&line(
            "\u{254c}\u{254c}\u{22a3}",
            t.attack,
            "N attacks from one section to another",
        ));
    }
    let label = format!(
        "<table border=\"1\" color=\"#BDBDBD\" cellborder=\"0\" cellspacing=\"3\" cellpadding=\"1\" \
         bgcolor=\"#FFFFFF\"><tr><td colspan=\"2\" align=\"left\"><b>Legend</b></td></tr>\
         <tr><td border=\"1\" style=\"rounded\" bgcolor=\"{fill}\" color=\"#8C8C8C\" cellpadding=\"3\"><b>Section</b></td>\
         <td align=\"left\">claims \u{b7} cited \u{b7} counterpoints</td></tr>{rows}</table>",
        fill = t.cluster.0,
    );
    node(
        "legend",
        vec![
            attr("shape", plain("plain")),
            attr("fontsize", plain("9")),
            attr("label", markup(&label)),
        ],
    )
}

/// The index page of `render --split`: the map's title, the overview and
/// every section's diagram with its counts, each linked (and for SVG and
/// PNG, shown), as one HTML page without scripts. `overview` is the
/// overview's file, `files[i]` section `i`'s, `booklet` the PDF booklet's.
pub fn index_html(
    map: &Map,
    graph: &MapGraph,
    overview: &str,
    files: &[Option<String>],
    booklet: Option<&str>,
) -> String {
    use maud::{DOCTYPE, html};
    let (facts, _) = tally(map, graph);
    let title = map
        .meta
        .title
        .as_ref()
        .map_or("Argument map", |t| t.as_str());
    let shown = |file: &str| {
        let lower = file.to_ascii_lowercase();
        lower.ends_with(".svg") || lower.ends_with(".png")
    };
    let page = html! {
        (DOCTYPE)
        html lang="en" {
            head {
                meta charset="utf-8";
                title { (title) " \u{2014} diagrams" }
                style {
                    "body{font-family:Helvetica,Arial,'Liberation Sans',sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#1a1a1a}"
                    "figure{margin:1rem 0 2rem}img{max-width:100%;border:1px solid #ddd}"
                    ".counts{color:#4d4d4d;font-size:.9em}"
                }
            }
            body {
                h1 { (title) }
                p {
                    "The overview, then one diagram per section, as "
                    code { "argmap render --split" }
                    " drew them."
                    @if let Some(b) = booklet {
                        " All of them, on printed pages: "
                        a href=(b) { (b) }
                        "."
                    }
                }
                h2 { a href=(overview) { "Overview" } }
                @if shown(overview) {
                    figure { a href=(overview) { img src=(overview) alt="the sections of the map and what flows between them"; } }
                }
                @for (i, section) in map.sections.iter().enumerate() {
                    @if let Some(Some(file)) = files.get(i) {
                        @let name = section.display_title();
                        h2 { a href=(file) { (name) } }
                        @if let Some(f) = facts.get(i) {
                            p.counts { (f.counts()) }
                        }
                        @if shown(file) {
                            figure { a href=(file) { img src=(file) alt=(format!("the diagram of the section {name}")); } }
                        }
                    }
                }
            }
        }
    };
    page.into_string()
}
