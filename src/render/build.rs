//! Building the DOT syntax tree of a view of a map, in one pass over its
//! claims, arguments and sources in file order.
//!
//! Node ids are generated: `c<i>` for claim `i`, `a<i>` for argument `i`,
//! `s<i>` for source `i`, `legend_*` for the legend; clusters are
//! `cluster_<i>` for section `i`. Map text appears only in HTML-like labels
//! (escaped by [`text::html`]) and tooltips (escaped by [`text::tooltip`]).

use graphviz_rust::dot_structures::{
    Attribute, Edge, EdgeTy, Graph, GraphAttributes, Id, Node as DotNode, NodeId, Stmt, Subgraph,
    Vertex,
};

use rayon::prelude::*;

use super::text::{self, html, html_lines, wrap};
use super::view::{Selection, Shown};
use super::{Direction, Options, TEXT_WIDTH, View};
use crate::eval::Label;
use crate::graph::{MapGraph, Node};
use crate::model::{Claim, Map};
use crate::resolved::{ResolvedMap, Target};

/// Support: arrows, inference nodes.
const GREEN: &str = "#1B7837";
/// Attack: lines ending in a bar.
const RED: &str = "#B2182B";
/// Text.
const INK: &str = "#1A1A1A";
/// Secondary text: citations, actors.
const MUTED: &str = "#4D4D4D";
/// Context nodes and citation lines (dark enough to print).
const FAINT: &str = "#6E6E6E";
/// The border and tag of answers.
const BLUE: &str = "#2B5C8A";
/// Qualifications: the lines and the tag of concessions.
const AMBER: &str = "#A6540A";
/// The tag of positions a text reports (`by`).
const PURPLE: &str = "#5E3C99";
/// Width of citation and actor lines, in columns.
const NOTE_WIDTH: usize = 46;
/// Width of argument labels, in columns.
const ARGUMENT_WIDTH: usize = 32;
/// Width of source titles, in columns.
const SOURCE_WIDTH: usize = 32;

pub(super) fn plain(s: &str) -> Id {
    Id::Plain(s.to_owned())
}

/// A quoted id for text argmap writes, or ids (never map text).
pub(super) fn quoted(s: &str) -> Id {
    Id::Escaped(format!("\"{s}\""))
}

/// An HTML-like label from markup whose map text is already escaped.
pub(super) fn markup(s: &str) -> Id {
    Id::Html(format!("<{s}>"))
}

pub(super) fn attr(key: &str, value: Id) -> Attribute {
    Attribute(plain(key), value)
}

pub(super) fn node(id: &str, attributes: Vec<Attribute>) -> Stmt {
    Stmt::Node(DotNode::new(NodeId(plain(id), None), attributes))
}

pub(super) fn edge(from: &str, to: &str, attributes: Vec<Attribute>) -> Stmt {
    Stmt::Edge(Edge {
        ty: EdgeTy::Pair(
            Vertex::N(NodeId(plain(from), None)),
            Vertex::N(NodeId(plain(to), None)),
        ),
        attributes,
    })
}

/// A claim's role, which picks its style. A claim that both supports and
/// attacks is drawn by its attack.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Role {
    Thesis,
    /// Attacks something that is not itself a counterpoint: an objection.
    Counterpoint,
    /// Attacks only counterpoints: it answers an objection.
    Answer,
    /// Qualifies a claim or an argument and attacks nothing: a concession.
    Concession,
    Premise,
    Claim,
}

/// Node attributes for a claim of `role`.
fn role_attrs(role: Role, uncited: bool) -> Vec<Attribute> {
    let (style, fill, border, pen) = match role {
        Role::Thesis => ("rounded,filled", "#FFF1C2", "#7A5C00", "1.6"),
        Role::Counterpoint => ("filled", "#FBE3E3", RED, "1.3"),
        Role::Answer => ("filled", "#E4EEF8", BLUE, "1.3"),
        Role::Concession => ("rounded,filled", "#FCEEDD", AMBER, "1.3"),
        Role::Premise => ("rounded,filled", "#E4EEF8", BLUE, "1.1"),
        Role::Claim => ("rounded,filled", "#FFFFFF", "#333333", "1.8"),
    };
    let style = if uncited {
        format!("{style},dashed")
    } else {
        style.to_owned()
    };
    let mut attrs = vec![
        attr("style", quoted(&style)),
        attr("fillcolor", quoted(fill)),
        attr("color", quoted(border)),
        attr("penwidth", plain(pen)),
    ];
    if role == Role::Thesis {
        attrs.push(attr("peripheries", plain("2")));
    }
    attrs
}

/// Node attributes for an inference node.
fn argument_attrs() -> Vec<Attribute> {
    vec![
        attr("shape", plain("ellipse")),
        attr("style", quoted("filled")),
        attr("fillcolor", quoted("#E3F1E3")),
        attr("color", quoted(GREEN)),
        attr("penwidth", plain("1.3")),
        attr("fontsize", plain("9")),
        attr("margin", quoted("0.05,0.02")),
    ]
}

/// Node attributes for a faded context node.
fn context_attrs() -> Vec<Attribute> {
    vec![
        attr("style", quoted("rounded,filled,dotted")),
        attr("fillcolor", quoted("#F5F5F5")),
        attr("color", quoted(FAINT)),
        attr("fontcolor", quoted(FAINT)),
        attr("penwidth", plain("1.2")),
    ]
}

/// Node attributes for a source.
fn source_attrs() -> Vec<Attribute> {
    vec![
        attr("shape", plain("note")),
        attr("style", quoted("filled")),
        attr("fillcolor", quoted("#F6F1E4")),
        attr("color", quoted("#8A7650")),
        attr("penwidth", plain("1")),
        attr("fontsize", plain("9")),
    ]
}

/// What an edge means, for its style.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Line {
    Support,
    Attack,
    Premise,
    Conclusion,
    Cites,
    Qualifies,
}

fn line_attrs(line: Line) -> Vec<Attribute> {
    match line {
        Line::Support => vec![
            attr("color", quoted(GREEN)),
            attr("arrowhead", plain("normal")),
        ],
        Line::Attack => vec![
            attr("color", quoted(RED)),
            attr("style", plain("dashed")),
            attr("arrowhead", plain("tee")),
            attr("arrowsize", plain("1.3")),
        ],
        Line::Premise => vec![
            attr("color", quoted(GREEN)),
            attr("arrowhead", plain("none")),
        ],
        Line::Conclusion => vec![
            attr("color", quoted(GREEN)),
            attr("arrowhead", plain("normal")),
            attr("penwidth", plain("2.2")),
        ],
        Line::Qualifies => vec![
            attr("color", quoted(AMBER)),
            attr("style", plain("dashed")),
            attr("arrowhead", plain("odot")),
            attr("arrowsize", plain("1.1")),
        ],
        Line::Cites => vec![
            attr("color", quoted(FAINT)),
            attr("style", plain("dotted")),
            attr("arrowhead", plain("empty")),
            attr("arrowsize", plain("0.6")),
        ],
    }
}

/// A one-column table row holding `content`.
fn row(content: &str) -> String {
    format!("<tr><td align=\"left\" balign=\"left\">{content}</td></tr>")
}

/// A borderless table of `rows`.
fn table(rows: &str) -> String {
    format!(
        "<table border=\"0\" cellborder=\"0\" cellspacing=\"0\" cellpadding=\"2\">{rows}</table>"
    )
}

/// Text in `color` at `size` points.
fn sized(content: &str, size: u8, color: &str) -> String {
    format!("<font point-size=\"{size}\" color=\"{color}\">{content}</font>")
}

/// Small secondary text.
fn small(content: &str, color: &str) -> String {
    sized(content, 9, color)
}

/// Replaces the `penwidth` in `attrs` by the focus node's.
fn mark_focus(attrs: &mut Vec<Attribute>) {
    attrs.retain(|Attribute(k, _)| *k != plain("penwidth"));
    attrs.push(attr("penwidth", plain("2.8")));
}

/// Facts about the map that every node needs, computed once (and once for
/// all the diagrams of `render --split`), on top of its resolved map.
pub(crate) struct Index<'m> {
    pub(crate) map: &'m Map,
    /// The map's references, resolved.
    pub(crate) r: &'m ResolvedMap,
    /// `short_label()` of every source.
    source_labels: Vec<String>,
    /// Claims that only answer counterpoints.
    answer: Vec<bool>,
    /// Counterpoints: claims that attack something of the map, and not
    /// only counterpoints ([`MapGraph::is_counterpoint`]).
    counterpoint: Vec<bool>,
    /// Claims that qualify something of the map.
    qualifier: Vec<bool>,
}

impl<'m> Index<'m> {
    pub(crate) fn new(map: &'m Map, graph: &'m MapGraph) -> Self {
        let answer: Vec<bool> = (0..map.claims.len())
            .map(|i| graph.is_answer(map, i))
            .collect();
        Index {
            map,
            r: &graph.resolved,
            source_labels: map.sources.iter().map(|s| s.short_label()).collect(),
            counterpoint: answer
                .iter()
                .enumerate()
                .map(|(i, &answers)| !answers && graph.attacks_anything(i))
                .collect(),
            answer,
            qualifier: (0..map.claims.len())
                .map(|i| graph.qualifies_anything(i))
                .collect(),
        }
    }

    fn role(&self, i: usize) -> Role {
        if self.r.thesis == Some(i) {
            Role::Thesis
        } else if self.answer.get(i) == Some(&true) {
            Role::Answer
        } else if self.counterpoint.get(i) == Some(&true) {
            Role::Counterpoint
        } else if self.qualifier.get(i) == Some(&true) {
            Role::Concession
        } else if self.r.supports.of(i).iter().any(Option::is_some)
            || self.r.linked_premise.get(i) == Some(&true)
        {
            Role::Premise
        } else {
            Role::Claim
        }
    }

    /// How a citation of source `s` is shown: `Creemers 2021a, p. 3`.
    fn citation(&self, s: usize, at: Option<&str>) -> String {
        let label = self.source_labels.get(s).map_or("", String::as_str);
        match at {
            Some(at) => format!("{label}, {at}"),
            None => label.to_owned(),
        }
    }

    /// The names of the actors who hold claim `i`, in the order written
    /// (the id of one that names no actor).
    fn actors(&self, i: usize, claim: &Claim) -> Vec<String> {
        claim
            .by
            .iter()
            .zip(self.r.by.of(i))
            .map(|(written, actor)| {
                actor
                    .and_then(|a| self.map.actors.get(a))
                    .and_then(|a| a.name.as_ref())
                    .map_or_else(|| written.value.clone(), |n| n.value.clone())
            })
            .collect()
    }

    fn section_title(&self, i: usize) -> Option<&str> {
        let s = self.map.sections.get(i)?;
        Some(s.title.as_ref().map_or(s.id.as_str(), |t| t.as_str()))
    }
}

/// The fill of a claim or argument labelled `status` (`render --status`).
fn status_fill(status: Label) -> &'static str {
    match status {
        Label::Accepted => "#D5EFD5",
        Label::Rejected => "#E0E0E0",
        Label::Undecided => "#FFF0B3",
    }
}

/// The tag above a claim's text in `render --status`: a sign and a word,
/// so the label reads without colour.
fn status_tag(status: Label) -> &'static str {
    match status {
        Label::Accepted => "\u{2714} ACCEPTED",
        Label::Rejected => "\u{2718} REJECTED",
        Label::Undecided => "? UNDECIDED",
    }
}

/// Replaces the `fillcolor` in `attrs`.
fn set_fill(attrs: &mut Vec<Attribute>, fill: &str) {
    attrs.retain(|a| !matches!(&a.0, Id::Plain(k) if k == "fillcolor"));
    attrs.push(attr("fillcolor", quoted(fill)));
}

/// The label of a claim drawn in full.
/// `cites` holds [`Index::citation`] of each of the claim's citations.
fn claim_label(ix: &Index, i: usize, claim: &Claim, role: Role, cites: &[String]) -> String {
    let mut rows = String::new();
    let body = html_lines(&wrap(claim.display_text(), TEXT_WIDTH));
    let mut tags = Vec::new();
    match role {
        Role::Thesis => tags.push(small("<b>THESIS</b>", "#7A5C00")),
        Role::Counterpoint => tags.push(small("<b>OBJECTION</b>", RED)),
        Role::Answer => tags.push(small("<b>ANSWER</b>", BLUE)),
        Role::Concession => tags.push(small("<b>QUALIFICATION</b>", AMBER)),
        Role::Premise | Role::Claim => {}
    }
    // A position the text reports, not its author's own claim.
    let reported = !claim.by.is_empty();
    if reported {
        let actors = ix.actors(i, claim);
        let holders = html_lines(&wrap(&actors.join("; "), NOTE_WIDTH));
        tags.push(small(&format!("<b>POSITION</b> of {holders}"), PURPLE));
    }
    if !tags.is_empty() {
        rows.push_str(&row(&tags.join(" \u{b7} ")));
    }
    let body = match (role, reported) {
        (Role::Thesis, _) => format!("<b>{body}</b>"),
        (_, true) => format!("<i>{body}</i>"),
        _ => body,
    };
    rows.push_str(&row(&body));
    let notes = if cites.is_empty() {
        small("<i>no citation</i>", RED)
    } else {
        small(&html_lines(&wrap(&cites.join("; "), NOTE_WIDTH)), MUTED)
    };
    rows.push_str("<hr/>");
    rows.push_str(&row(&notes));
    table(&rows)
}

/// The label of a claim drawn as context: its text and where it belongs.
fn context_label(ix: &Index, i: usize, claim: &Claim) -> String {
    let mut rows = row(&html_lines(&wrap(claim.display_text(), TEXT_WIDTH)));
    let place = match ix.r.section_of_claim(i).and_then(|s| ix.section_title(s)) {
        Some(title) => format!("in: {title}"),
        None => "outside every section".to_owned(),
    };
    rows.push_str(&row(&small(
        &format!("<i>{}</i>", html_lines(&wrap(&place, NOTE_WIDTH))),
        FAINT,
    )));
    table(&rows)
}

/// The tooltip of a claim: the full text, its id, every citation with
/// locator and quote, and its anchor.
/// `cites` holds [`Index::citation`] of each of the claim's citations,
/// `None` for one of no known source.
fn claim_tooltip(claim: &Claim, cites: &[Option<String>]) -> Id {
    let mut t = format!("{}\n\nclaim {}", claim.display_text(), claim.id.value);
    if let Some(section) = &claim.section {
        t.push_str(&format!(" (section {})", section.value));
    }
    for (c, shown) in claim.cites.iter().zip(cites) {
        t.push_str("\ncites ");
        match shown {
            Some(shown) => t.push_str(shown),
            None => t.push_str(&format!("{} (no such source)", c.source.value)),
        }
        if let Some(q) = &c.quote {
            t.push_str(&format!(": \u{201c}{}\u{201d}", q.value));
        }
    }
    if claim.cites.is_empty() {
        t.push_str("\nno citation");
    }
    if let Some(anchor) = &claim.anchor {
        t.push_str("\nstated in the analysed document");
        if let Some(at) = &anchor.at {
            t.push_str(&format!(" at {}", at.value));
        }
        if let Some(q) = &anchor.quote {
            t.push_str(&format!(": \u{201c}{}\u{201d}", q.value));
        }
    }
    Id::Escaped(text::tooltip(&t))
}

/// The statements for claim `i`.
fn claim_node(
    ix: &Index,
    i: usize,
    claim: &Claim,
    shown: Shown,
    focus: bool,
    status: Option<Label>,
) -> Stmt {
    // Shown in the label and in the tooltip: made once. A citation of no
    // known source (`unknown-reference`) backs nothing: the claim is drawn
    // uncited, as `uncited-claim` reports it.
    let cites: Vec<Option<String>> = claim
        .cites
        .iter()
        .zip(ix.r.cites.of(i))
        .map(|(c, s)| Some(ix.citation((*s)?, c.at.as_ref().map(|a| a.value.as_str()))))
        .collect();
    let resolved: Vec<String> = cites.iter().flatten().cloned().collect();
    let mut attrs = if shown == Shown::Context {
        let mut a = context_attrs();
        a.push(attr("label", markup(&context_label(ix, i, claim))));
        a
    } else {
        let role = ix.role(i);
        let mut a = role_attrs(role, resolved.is_empty());
        let mut label = claim_label(ix, i, claim, role, &resolved);
        if let Some(status) = status {
            set_fill(&mut a, status_fill(status));
            label = format!(
                "<table border=\"0\" cellborder=\"0\" cellspacing=\"0\">{}<tr><td>{label}</td></tr></table>",
                row(&small(&format!("<b>{}</b>", status_tag(status)), MUTED))
            );
        }
        a.push(attr("label", markup(&label)));
        a
    };
    if focus {
        mark_focus(&mut attrs);
    }
    attrs.push(attr("tooltip", claim_tooltip(claim, &cites)));
    node(&format!("c{i}"), attrs)
}

/// The statement for argument `i`.
fn argument_node(
    map: &Map,
    i: usize,
    shown: Shown,
    focus: bool,
    status: Option<Label>,
) -> Option<Stmt> {
    let arg = map.arguments.get(i)?;
    let label = arg.label.as_ref().map_or("jointly", |l| l.as_str());
    let mut attrs = argument_attrs();
    if let Some(status) = status {
        set_fill(&mut attrs, status_fill(status));
    }
    if shown == Shown::Context {
        attrs.extend(context_attrs());
    }
    if focus {
        mark_focus(&mut attrs);
    }
    attrs.push(attr(
        "label",
        markup(&format!(
            "<i>{}</i>",
            html_lines(&wrap(label, ARGUMENT_WIDTH))
        )),
    ));
    let mut tip = format!("argument {}", arg.id.value);
    if let Some(l) = &arg.label {
        tip.push_str(&format!(": {}", l.value));
    }
    tip.push_str("\nlinked premises: they support the conclusion only together");
    attrs.push(attr("tooltip", Id::Escaped(text::tooltip(&tip))));
    Some(node(&format!("a{i}"), attrs))
}

/// The statement for source `i`.
fn source_node(ix: &Index, i: usize) -> Option<Stmt> {
    let source = ix.map.sources.get(i)?;
    let short = ix.source_labels.get(i).map_or("", String::as_str);
    let mut label = format!("<b>{}</b>", html(short));
    if let Some(title) = &source.title {
        label.push_str("<br/>");
        label.push_str(&format!(
            "<i>{}</i>",
            html_lines(&wrap(title.as_str(), SOURCE_WIDTH))
        ));
    }
    let mut tip = format!("source {}: {short}", source.id.value);
    if let Some(title) = &source.title {
        tip.push_str(&format!("\n{}", title.value));
    }
    if let Some(url) = &source.url {
        tip.push_str(&format!("\n{}", url.value));
    }
    let mut attrs = source_attrs();
    attrs.push(attr("label", markup(&label)));
    attrs.push(attr("tooltip", Id::Escaped(text::tooltip(&tip))));
    Some(node(&format!("s{i}"), attrs))
}

/// An edge with its style and a tooltip naming both ends.
fn styled_edge(from: &str, to: &str, line: Line, tip: &str) -> Stmt {
    let mut attrs = line_attrs(line);
    attrs.push(attr("tooltip", Id::Escaped(text::tooltip(tip))));
    edge(from, to, attrs)
}

/// The diagram's title: the map's title and what the view shows.
fn title(ix: &Index, options: &Options) -> String {
    let map = ix.map;
    let title = map
        .meta
        .title
        .as_ref()
        .map_or("Argument map", |t| t.as_str());
    let mut label = format!("<b>{}</b>", html_lines(&wrap(title, 80)));
    let subtitle = match &options.view {
        View::Whole => None,
        View::Focus { id, depth } => Some(format!(
            "within {} of \u{201c}{id}\u{201d}",
            crate::english::count(*depth, "step")
        )),
        View::Section(id) => {
            let title = map.section(id).and_then(|i| ix.section_title(i));
            Some(format!("section: {}", title.unwrap_or(id)))
        }
    };
    if let Some(sub) = subtitle {
        label.push_str("<br/>");
        label.push_str(&sized(&html(&sub), 13, MUTED));
    }
    label
}

/// What a diagram draws, so that its legend explains that and no more.
#[derive(Clone, Copy, Debug, Default)]
struct Features {
    thesis: bool,
    premise: bool,
    plain: bool,
    counterpoint: bool,
    answer: bool,
    concession: bool,
    qualifies_argument: bool,
    linked: bool,
    undercut: bool,
    uncited: bool,
    held: bool,
    context: bool,
}

impl Features {
    /// The features of the claims and arguments `sel` draws.
    fn of(ix: &Index<'_>, sel: &Selection) -> Features {
        let map = ix.map;
        let mut f = Features::default();
        for (i, claim) in map.claims.iter().enumerate() {
            match sel.claim(i) {
                Shown::Hidden => continue,
                Shown::Context => {
                    f.context = true;
                    continue;
                }
                _ => {}
            }
            match ix.role(i) {
                Role::Thesis => f.thesis = true,
                Role::Counterpoint => f.counterpoint = true,
                Role::Answer => f.answer = true,
                Role::Concession => f.concession = true,
                Role::Premise => f.premise = true,
                Role::Claim => f.plain = true,
            }
            let on_argument = |t: &Option<Target>| matches!(t, Some(Target::Argument(_)));
            f.uncited |= !ix.r.is_cited(i);
            f.held |= !claim.by.is_empty();
            f.undercut |= ix.r.attacks.of(i).iter().any(on_argument);
            f.qualifies_argument |= ix.r.qualifies.of(i).iter().any(on_argument);
        }
        f.linked = (0..map.arguments.len()).any(|a| sel.argument(a).drawn());
        f.context |= (0..map.arguments.len()).any(|a| sel.argument(a) == Shown::Context);
        f
    }
}

/// The legend: a small diagram of the kinds of node and line that `f` says
/// the diagram uses.
fn legend(options: &Options, f: Features, cluster_labelloc: &str) -> Stmt {
    let mut legend = Legend {
        stmts: vec![Stmt::GAttribute(GraphAttributes::Graph(vec![
            attr("label", markup("<b>Legend</b>")),
            attr("style", quoted("rounded")),
            attr("color", quoted("#BDBDBD")),
            attr("fontsize", plain("11")),
            attr("labeljust", plain("l")),
            attr("labelloc", plain(cluster_labelloc)),
            attr("margin", plain("10")),
        ]))],
        edges: Vec::new(),
        cites: small("its citations: Author 2020, p. 3", MUTED),
        uncited: small("<i>no citation</i>", RED),
    };
    // What supports point at: the thesis, or else a plain claim.
    let target = if f.thesis {
        legend.thesis()
    } else {
        "legend_claim"
    };
    legend.claims(&f);
    if f.premise {
        legend.premise(&f, target);
    }
    if f.linked {
        legend.linked(&f, target);
    }
    if f.counterpoint || f.answer {
        legend.objection(&f);
    }
    if f.context {
        legend.context();
    }
    if options.status.is_some() {
        legend.labels();
    }
    if options.sources {
        legend.source(target);
    }
    let Legend {
        mut stmts,
        mut edges,
        ..
    } = legend;
    stmts.append(&mut edges);
    Stmt::Subgraph(Subgraph {
        id: plain("cluster_legend"),
        stmts,
    })
}

/// The legend as it is drawn: its sample nodes, then its edges.
struct Legend {
    stmts: Vec<Stmt>,
    edges: Vec<Stmt>,
    /// The note under a cited sample.
    cites: String,
    /// The note under an uncited sample.
    uncited: String,
}

impl Legend {
    /// A sample node: `text`, and a `note` under a rule.
    fn sample(&mut self, id: &str, text: &str, note: Option<&str>, mut attrs: Vec<Attribute>) {
        let mut rows = row(text);
        if let Some(n) = note {
            rows.push_str("<hr/>");
            rows.push_str(&row(n));
        }
        attrs.push(attr("label", markup(&table(&rows))));
        attrs.push(attr("fontsize", plain("9")));
        self.stmts.push(node(id, attrs));
    }

    fn edge(&mut self, from: &str, to: &str, line: Line, label: Option<&str>) {
        self.edges.push(legend_edge(from, to, line, label));
    }

    /// The thesis sample; its id.
    fn thesis(&mut self) -> &'static str {
        let cites = self.cites.clone();
        self.sample(
            "legend_thesis",
            "<b>Thesis</b>",
            Some(&cites),
            role_attrs(Role::Thesis, false),
        );
        "legend_thesis"
    }

    /// The plain claim (drawn, or needed as what supports or attacks meet),
    /// the position held by someone, and the qualification.
    fn claims(&mut self, f: &Features) {
        // The uncited sample: a linked premise if there are any, else a
        // premise, else the plain claim.
        let uncited_claim = f.uncited && !f.linked && !f.premise;
        // Counterpoints are drawn for answers too: an answer attacks one.
        let counterpoint = f.counterpoint || f.answer;
        // What a concession qualifies: an inference when only those are
        // qualified and inferences are drawn, else a claim.
        let concession_target = if f.qualifies_argument && f.linked {
            "legend_argument"
        } else {
            "legend_claim"
        };
        let claim_needed = f.plain
            || counterpoint
            || f.context
            || !f.thesis
            || uncited_claim
            || (f.concession && concession_target == "legend_claim");
        if claim_needed {
            let (text, note) = if uncited_claim {
                ("Claim, uncited", Some(self.uncited.clone()))
            } else if f.thesis {
                ("Claim that supports nothing", None)
            } else {
                ("Claim", Some(self.cites.clone()))
            };
            self.sample(
                "legend_claim",
                text,
                note.as_deref(),
                role_attrs(Role::Claim, uncited_claim),
            );
        }
        if f.held {
            self.sample(
                "legend_held",
                &format!(
                    "{}<br/><i>A position the text reports,<br/>not its author's own claim</i>",
                    small("<b>POSITION</b> of who holds it", PURPLE)
                ),
                None,
                role_attrs(Role::Claim, false),
            );
        }
        if f.concession {
            self.sample(
                "legend_concession",
                &format!(
                    "{}<br/>Granted: it limits what it points to,<br/>and does not refute it",
                    small("<b>QUALIFICATION</b>", AMBER)
                ),
                None,
                role_attrs(Role::Concession, false),
            );
            self.edge(
                "legend_concession",
                concession_target,
                Line::Qualifies,
                Some("qualifies"),
            );
        }
    }

    /// The premise, supporting `target`.
    fn premise(&mut self, f: &Features, target: &str) {
        let uncited_premise = f.uncited && !f.linked;
        let (text, note) = if uncited_premise {
            ("Premise, uncited", Some(self.uncited.clone()))
        } else {
            ("Premise", None)
        };
        self.sample(
            "legend_premise",
            text,
            note.as_deref(),
            role_attrs(Role::Premise, uncited_premise),
        );
        self.edge("legend_premise", target, Line::Support, Some("supports"));
    }

    /// The inference with its linked premises, concluding `target`, and
    /// its undercut.
    fn linked(&mut self, f: &Features, target: &str) {
        let mut arg = argument_attrs();
        arg.push(attr("label", markup("<i>inference</i>")));
        self.stmts.push(node("legend_argument", arg));
        self.sample(
            "legend_linked1",
            "Linked premise",
            None,
            role_attrs(Role::Premise, false),
        );
        self.edge(
            "legend_argument",
            target,
            Line::Conclusion,
            Some("jointly support"),
        );
        self.edge("legend_linked1", "legend_argument", Line::Premise, None);
        if f.uncited {
            let uncited = self.uncited.clone();
            self.sample(
                "legend_linked2",
                "Linked premise, uncited",
                Some(&uncited),
                role_attrs(Role::Premise, true),
            );
            self.edge("legend_linked2", "legend_argument", Line::Premise, None);
        }
        if f.undercut {
            self.sample(
                "legend_undercut",
                &format!(
                    "{}<br/>Undercut of an inference",
                    small("<b>OBJECTION</b>", RED)
                ),
                None,
                role_attrs(Role::Counterpoint, false),
            );
            self.edge(
                "legend_undercut",
                "legend_argument",
                Line::Attack,
                Some("undercuts"),
            );
        }
    }

    /// The counterpoint attacking the plain claim, and its answer.
    fn objection(&mut self, f: &Features) {
        self.sample(
            "legend_counter",
            &format!("{}<br/>Counterpoint", small("<b>OBJECTION</b>", RED)),
            None,
            role_attrs(Role::Counterpoint, false),
        );
        self.edge(
            "legend_counter",
            "legend_claim",
            Line::Attack,
            Some("attacks"),
        );
        if f.answer {
            self.sample(
                "legend_answer",
                &format!(
                    "{}<br/>Answer to an objection",
                    small("<b>ANSWER</b>", BLUE)
                ),
                None,
                role_attrs(Role::Answer, false),
            );
            self.edge(
                "legend_answer",
                "legend_counter",
                Line::Attack,
                Some("answers"),
            );
        }
    }

    /// A claim of another section, faded.
    fn context(&mut self) {
        self.sample(
            "legend_context",
            "Claim in another section",
            None,
            context_attrs(),
        );
        self.edge("legend_context", "legend_claim", Line::Support, None);
    }

    /// The three labels of the evaluation.
    fn labels(&mut self) {
        for (id, status) in [
            ("legend_accepted", Label::Accepted),
            ("legend_rejected", Label::Rejected),
            ("legend_undecided", Label::Undecided),
        ] {
            let mut attrs = role_attrs(Role::Claim, false);
            set_fill(&mut attrs, status_fill(status));
            self.sample(id, &format!("<b>{}</b>", status_tag(status)), None, attrs);
        }
        self.edge(
            "legend_accepted",
            "legend_rejected",
            Line::Attack,
            Some("defeats"),
        );
    }

    /// A source, cited by `target`.
    fn source(&mut self, target: &str) {
        let mut attrs = source_attrs();
        attrs.push(attr("label", markup("<b>Source</b>")));
        self.stmts.push(node("legend_source", attrs));
        self.edge("legend_source", target, Line::Cites, Some("cited by"));
    }
}

/// An edge of the legend, with an optional label.
fn legend_edge(from: &str, to: &str, line: Line, label: Option<&str>) -> Stmt {
    let mut attrs = line_attrs(line);
    if let Some(l) = label {
        attrs.push(attr("label", quoted(&format!(" {l}"))));
    }
    edge(from, to, attrs)
}

/// `f(i)` for each `i` in `0..n`, in order. For as many as
/// [`crate::rules::PARALLEL_CLAIMS`] (the claims drawn in a diagram of a
/// large map), computed on every core: a claim's node is most of the work
/// of a diagram, and depends on nothing but the claim.
fn in_parallel<T: Send>(n: usize, f: impl Fn(usize) -> Option<T> + Sync) -> Vec<Option<T>> {
    if n < crate::rules::PARALLEL_CLAIMS {
        (0..n).map(f).collect()
    } else {
        (0..n).into_par_iter().map(&f).collect()
    }
}

/// The DOT syntax tree of the selected part of `map`.
pub(crate) fn build(map: &Map, graph: &MapGraph, options: &Options, sel: &Selection) -> Graph {
    build_with(&Index::new(map, graph), options, sel)
}

/// [`build`] with the map's [`Index`] already made.
pub(crate) fn build_with(ix: &Index<'_>, options: &Options, sel: &Selection) -> Graph {
    let mut stmts = Vec::new();
    build_into(ix, options, sel, &mut |stmt| stmts.push(stmt));
    Graph::DiGraph {
        id: plain("argmap"),
        strict: false,
        stmts,
    }
}

/// Claims whose nodes are made together, on every core for a large map,
/// before they are handed on: enough to keep both cores busy, few enough
/// that the nodes of a large map are never all alive at once.
const NODE_BATCH: usize = 4096;

/// The top-level statements of the diagram of [`build_with`], in order,
/// each handed to `emit` as soon as it is made: a section's cluster once
/// its nodes are made, every other node and edge one at a time. Written to
/// a file as they come ([`super::write_dot`]), the statements of a large
/// map are never all in memory.
pub(crate) fn build_into(
    ix: &Index<'_>,
    options: &Options,
    sel: &Selection,
    emit: &mut dyn FnMut(Stmt),
) {
    // One direction for every diagram of a map, so they read alike.
    let direction = options
        .direction
        .unwrap_or_else(|| Direction::auto(ix.map.claims.len()));
    // Graphviz turns cluster labels over with the graph: in a bottom-to-top
    // drawing `labelloc=b` puts them at the top.
    let cluster_labelloc = if direction == Direction::BottomTop {
        "b"
    } else {
        "t"
    };
    defaults(ix, options, direction)
        .into_iter()
        .for_each(&mut *emit);
    if options.legend {
        emit(legend(options, Features::of(ix, sel), cluster_labelloc));
    }
    let groups = Groups::of(ix, sel);
    let nodes = NodeWriter { ix, options, sel };
    nodes.write(&groups.top, emit);
    for (i, group) in groups.sections.iter().enumerate() {
        if let Some(cluster) = nodes.cluster(i, group, cluster_labelloc) {
            emit(cluster);
        }
    }
    nodes.write(&groups.context, emit);
    if sel.hidden_context > 0 {
        emit(more_context(sel.hidden_context));
    }
    if options.sources {
        source_nodes(ix, sel, emit);
    }
    claim_edges(ix, sel, emit);
    argument_edges(ix, sel, emit);
    if options.sources {
        citation_edges(ix, sel, emit);
    }
}

/// The graph's, nodes' and edges' default attributes.
fn defaults(ix: &Index<'_>, options: &Options, direction: Direction) -> [Stmt; 3] {
    [
        Stmt::GAttribute(GraphAttributes::Graph(vec![
            attr("rankdir", plain(direction.rankdir())),
            attr("newrank", plain("true")),
            attr("nodesep", plain("0.3")),
            attr("ranksep", plain("0.5")),
            attr("pad", plain("0.3")),
            attr("bgcolor", plain("white")),
            attr("outputorder", plain("edgesfirst")),
            attr("fontname", quoted("Helvetica")),
            attr("fontsize", plain("20")),
            attr("labelloc", plain("t")),
            attr("label", markup(&title(ix, options))),
        ])),
        Stmt::GAttribute(GraphAttributes::Node(vec![
            attr("shape", plain("box")),
            attr("style", quoted("rounded,filled")),
            attr("fontname", quoted("Helvetica")),
            attr("fontsize", plain("11")),
            attr("fontcolor", quoted(INK)),
            attr("margin", quoted("0.12,0.06")),
        ])),
        Stmt::GAttribute(GraphAttributes::Edge(vec![
            attr("fontname", quoted("Helvetica")),
            attr("fontsize", plain("9")),
            attr("fontcolor", quoted(MUTED)),
            attr("arrowsize", plain("0.8")),
            attr("penwidth", plain("1.3")),
        ])),
    ]
}

/// Claims and arguments (indices, in file order) drawn together.
#[derive(Clone, Default)]
struct Group {
    claims: Vec<usize>,
    arguments: Vec<usize>,
}

/// Where each drawn node goes. Nodes drawn in full go into their section's
/// cluster; context nodes and claims without a section stay at the top
/// level. The top-level nodes come first, then the clusters in section
/// order, then the context.
struct Groups {
    top: Group,
    sections: Vec<Group>,
    context: Group,
}

impl Groups {
    fn of(ix: &Index<'_>, sel: &Selection) -> Groups {
        let map = ix.map;
        let mut groups = Groups {
            top: Group::default(),
            sections: vec![Group::default(); map.sections.len()],
            context: Group::default(),
        };
        for i in (0..map.claims.len()).filter(|&i| sel.claim(i).drawn()) {
            if let Some(g) = groups.group(sel.claim(i), ix.r.section_of_claim(i)) {
                g.claims.push(i);
            }
        }
        for i in (0..map.arguments.len()).filter(|&i| sel.argument(i).drawn()) {
            if let Some(g) = groups.group(sel.argument(i), ix.r.section_of_argument(i)) {
                g.arguments.push(i);
            }
        }
        groups
    }

    fn group(&mut self, shown: Shown, section: Option<usize>) -> Option<&mut Group> {
        match (shown, section) {
            (Shown::Context, _) => Some(&mut self.context),
            (_, Some(s)) if s < self.sections.len() => self.sections.get_mut(s),
            _ => Some(&mut self.top),
        }
    }
}

/// Writes the nodes of groups.
struct NodeWriter<'a> {
    ix: &'a Index<'a>,
    options: &'a Options,
    sel: &'a Selection,
}

impl NodeWriter<'_> {
    /// The nodes of `group`, claims then arguments, handed on a batch at a
    /// time.
    fn write(&self, group: &Group, out: &mut dyn FnMut(Stmt)) {
        let (ix, sel) = (self.ix, self.sel);
        let focus = |n: Node| sel.focus == Some(n);
        let status = self.options.status.as_ref();
        for batch in group.claims.chunks(NODE_BATCH) {
            let made = in_parallel(batch.len(), |k| {
                let i = *batch.get(k)?;
                let claim = ix.map.claims.get(i)?;
                Some(claim_node(
                    ix,
                    i,
                    claim,
                    sel.claim(i),
                    focus(Node::Claim(i)),
                    status.and_then(|e| e.claim(i)),
                ))
            });
            made.into_iter().flatten().for_each(&mut *out);
        }
        for &i in &group.arguments {
            let made = argument_node(
                ix.map,
                i,
                sel.argument(i),
                focus(Node::Argument(i)),
                status.and_then(|e| e.argument(i)),
            );
            made.into_iter().for_each(&mut *out);
        }
    }

    /// Section `i`'s cluster with the nodes of `group`; `None` when it has
    /// none.
    fn cluster(&self, i: usize, group: &Group, labelloc: &str) -> Option<Stmt> {
        if group.claims.is_empty() && group.arguments.is_empty() {
            return None;
        }
        let title = self.ix.section_title(i).unwrap_or("");
        let mut body = vec![Stmt::GAttribute(GraphAttributes::Graph(vec![
            attr(
                "label",
                markup(&format!("<b>{}</b>", html_lines(&wrap(title, 60)))),
            ),
            attr("style", quoted("rounded,filled")),
            attr("fillcolor", quoted("#F4F4F4")),
            attr("color", quoted("#B4B4B4")),
            attr("fontsize", plain("14")),
            attr("labeljust", plain("l")),
            attr("labelloc", plain(labelloc)),
            attr("margin", plain("14")),
        ]))];
        self.write(group, &mut |stmt| body.push(stmt));
        Some(Stmt::Subgraph(Subgraph {
            id: plain(&format!("cluster_{i}")),
            stmts: body,
        }))
    }
}

/// The note standing for `n` context claims not drawn.
fn more_context(n: usize) -> Stmt {
    let what = crate::english::noun_s(n, "claim");
    let mut attrs = context_attrs();
    attrs.push(attr(
        "label",
        markup(&table(&row(&format!(
            "<i>and {n} more {what} of other sections<br/>one step from this one,<br/>not drawn</i>"
        )))),
    ));
    attrs.push(attr(
        "tooltip",
        quoted(&format!(
            "{n} more {what} of other sections support, attack or share an argument with this section; see the overview, or draw one with --focus"
        )),
    ));
    node("more_context", attrs)
}

/// The nodes of the sources cited by the claims drawn in full.
fn source_nodes(ix: &Index<'_>, sel: &Selection, emit: &mut dyn FnMut(Stmt)) {
    let mut cited = vec![false; ix.map.sources.len()];
    for i in 0..ix.map.claims.len() {
        if sel.claim(i) != Shown::Full {
            continue;
        }
        for s in ix.r.cites.of(i).iter().flatten() {
            if let Some(flag) = cited.get_mut(*s) {
                *flag = true;
            }
        }
    }
    for (i, _) in cited.iter().enumerate().filter(|(_, c)| **c) {
        source_node(ix, i).into_iter().for_each(&mut *emit);
    }
}

/// The DOT id of a drawn claim or argument; `None` when it is not drawn.
fn drawn(sel: &Selection, t: Target) -> Option<String> {
    match t {
        Target::Claim(j) => sel.claim(j).drawn().then(|| format!("c{j}")),
        Target::Argument(j) => sel.argument(j).drawn().then(|| format!("a{j}")),
    }
}

/// The support, attack and qualification edges of the claims, in file
/// order.
fn claim_edges(ix: &Index<'_>, sel: &Selection, emit: &mut dyn FnMut(Stmt)) {
    for (i, claim) in ix.map.claims.iter().enumerate() {
        if !sel.claim(i).drawn() {
            continue;
        }
        let from = format!("c{i}");
        let id = claim.id.as_str();
        for (target, j) in claim.supports.iter().zip(ix.r.supports.of(i)) {
            if let Some(to) = j.and_then(|j| drawn(sel, Target::Claim(j))) {
                let tip = format!("{id} supports {}", target.value);
                emit(styled_edge(&from, &to, Line::Support, &tip));
            }
        }
        for (target, t) in claim.attacks.iter().zip(ix.r.attacks.of(i)) {
            let Some(to) = t.and_then(|t| drawn(sel, t)) else {
                continue;
            };
            let verb = if to.starts_with('a') {
                "undercuts"
            } else {
                "attacks"
            };
            let tip = format!("{id} {verb} {}", target.value);
            emit(styled_edge(&from, &to, Line::Attack, &tip));
        }
        for (target, t) in claim.qualifies.iter().zip(ix.r.qualifies.of(i)) {
            let Some(to) = t.and_then(|t| drawn(sel, t)) else {
                continue;
            };
            let tip = format!(
                "{id} qualifies {} (a concession, not a refutation)",
                target.value
            );
            emit(styled_edge(&from, &to, Line::Qualifies, &tip));
        }
    }
}

/// The premise and conclusion edges of the arguments, in file order.
fn argument_edges(ix: &Index<'_>, sel: &Selection, emit: &mut dyn FnMut(Stmt)) {
    for (i, arg) in ix.map.arguments.iter().enumerate() {
        if !sel.argument(i).drawn() {
            continue;
        }
        let node = format!("a{i}");
        let id = arg.id.as_str();
        for (p, j) in arg.premises.iter().zip(ix.r.premises.of(i)) {
            if let Some(from) = j.and_then(|j| drawn(sel, Target::Claim(j))) {
                let tip = format!("{} is a premise of {id}", p.value);
                emit(styled_edge(&from, &node, Line::Premise, &tip));
            }
        }
        let conclusion = ix.r.conclusion.get(i).copied().flatten();
        if let (Some(c), Some(to)) = (
            &arg.conclusion,
            conclusion.and_then(|j| drawn(sel, Target::Claim(j))),
        ) {
            let tip = format!("{id} jointly supports {}", c.value);
            emit(styled_edge(&node, &to, Line::Conclusion, &tip));
        }
    }
}

/// The citation edges from sources to the claims drawn in full: one per
/// source and claim, however often the claim cites it.
fn citation_edges(ix: &Index<'_>, sel: &Selection, emit: &mut dyn FnMut(Stmt)) {
    // The last claim that got an edge from each source.
    let mut last_claim = vec![usize::MAX; ix.map.sources.len()];
    for (i, claim) in ix.map.claims.iter().enumerate() {
        if sel.claim(i) != Shown::Full {
            continue;
        }
        for (c, s) in claim.cites.iter().zip(ix.r.cites.of(i)) {
            let Some(s) = *s else {
                continue;
            };
            match last_claim.get_mut(s) {
                Some(last) if *last != i => *last = i,
                _ => continue,
            }
            let tip = format!("{} cites {}", claim.id.value, c.source.value);
            emit(styled_edge(
                &format!("s{s}"),
                &format!("c{i}"),
                Line::Cites,
                &tip,
            ));
        }
    }
}
