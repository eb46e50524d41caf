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
use super::theme::{FONT, Theme};
use super::view::{Selection, Shown};
use super::{ColorBy, Direction, GroupBy, Options, TEXT_WIDTH, View};
use crate::eval::Label;
use crate::graph::{MapGraph, Node};
use crate::model::{Claim, Map, Section};
use crate::resolved::{ResolvedMap, Target};

/// Width of citation and actor lines, in columns.
const NOTE_WIDTH: usize = 46;
/// Width, in columns, of claim texts in a diagram laid out for print
/// ([`Options::compact`]).
const COMPACT_TEXT_WIDTH: usize = 30;
/// Width, in columns, of citation and actor lines laid out for print.
const COMPACT_NOTE_WIDTH: usize = 36;

/// The widths claim texts and notes are wrapped to.
fn widths(options: &Options) -> (usize, usize) {
    if options.compact {
        (COMPACT_TEXT_WIDTH, COMPACT_NOTE_WIDTH)
    } else {
        (TEXT_WIDTH, NOTE_WIDTH)
    }
}
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
fn role_attrs(t: &Theme, role: Role, uncited: bool) -> Vec<Attribute> {
    let (style, fill, border, pen) = match role {
        Role::Thesis => ("rounded,filled", t.thesis.0, t.thesis.1, "1.6"),
        Role::Counterpoint => ("filled", t.counter_fill, t.attack, "1.3"),
        Role::Answer => ("filled", t.answer_fill, t.answer, "1.3"),
        Role::Concession => ("rounded,filled", t.concession_fill, t.qualify, "1.3"),
        Role::Premise => ("rounded,filled", t.premise_fill, t.answer, "1.1"),
        Role::Claim => ("rounded,filled", "#FFFFFF", t.claim_border, "1.8"),
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
fn argument_attrs(t: &Theme) -> Vec<Attribute> {
    vec![
        attr("shape", plain("ellipse")),
        attr("style", quoted("filled")),
        attr("fillcolor", quoted(t.argument_fill)),
        attr("color", quoted(t.support)),
        attr("penwidth", plain("1.3")),
        attr("fontsize", plain("9")),
        attr("margin", quoted("0.05,0.02")),
    ]
}

/// Node attributes for a faded context node.
fn context_attrs(t: &Theme) -> Vec<Attribute> {
    vec![
        attr("style", quoted("rounded,filled,dotted")),
        attr("fillcolor", quoted(t.context_fill)),
        attr("color", quoted(t.faint)),
        attr("fontcolor", quoted(t.faint)),
        attr("penwidth", plain("1.2")),
    ]
}

/// Node attributes for a source.
fn source_attrs(t: &Theme) -> Vec<Attribute> {
    vec![
        attr("shape", plain("note")),
        attr("style", quoted("filled")),
        attr("fillcolor", quoted(t.source.0)),
        attr("color", quoted(t.source.1)),
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

fn line_attrs(t: &Theme, line: Line) -> Vec<Attribute> {
    match line {
        Line::Support => vec![
            attr("color", quoted(t.support)),
            attr("arrowhead", plain("normal")),
        ],
        Line::Attack => vec![
            attr("color", quoted(t.attack)),
            attr("style", plain("dashed")),
            attr("arrowhead", plain("tee")),
            attr("arrowsize", plain("1.3")),
        ],
        Line::Premise => vec![
            attr("color", quoted(t.support)),
            attr("arrowhead", plain("none")),
        ],
        Line::Conclusion => vec![
            attr("color", quoted(t.support)),
            attr("arrowhead", plain("normal")),
            attr("penwidth", plain("2.2")),
        ],
        Line::Qualifies => vec![
            attr("color", quoted(t.qualify)),
            attr("style", plain("dashed")),
            attr("arrowhead", plain("odot")),
            attr("arrowsize", plain("1.1")),
        ],
        Line::Cites => vec![
            attr("color", quoted(t.faint)),
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
    /// The map's tags, in order of first appearance: a tag's colour is
    /// its place here, the same in every diagram of the map.
    tags: Vec<&'m str>,
    /// The colours and fonts.
    pub(crate) t: &'static Theme,
}

impl<'m> Index<'m> {
    pub(crate) fn new(map: &'m Map, graph: &'m MapGraph, t: &'static Theme) -> Self {
        let mut tags: Vec<&str> = Vec::new();
        let mut seen = std::collections::HashSet::new();
        for tag in map.claims.iter().flat_map(|c| &c.tags) {
            if seen.insert(tag.as_str()) {
                tags.push(tag.as_str());
            }
        }
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
            tags,
            t,
        }
    }

    /// What claim `i`'s fill says under `by`: the value's index (a
    /// section, an actor, a tag of [`Index::tags`]) and its name; `None`
    /// for a claim without one (no section, no actor, no tag).
    fn category(&self, by: ColorBy, i: usize) -> Option<(usize, String)> {
        match by {
            ColorBy::Section => {
                let s = self.r.section_of_claim(i)?;
                Some((s, self.section_title(s)?.to_owned()))
            }
            ColorBy::Actor => {
                let a = self.r.by.of(i).iter().flatten().next().copied()?;
                Some((a, self.map.actors.get(a)?.display_name().to_owned()))
            }
            ColorBy::Tag => {
                let tag = self.map.claims.get(i)?.tags.first()?;
                let k = self.tags.iter().position(|t| *t == tag.as_str())?;
                Some((k, format!("#{}", tag.value)))
            }
            ColorBy::Role | ColorBy::Status => None,
        }
    }

    /// The fill of category `k`.
    fn palette(&self, k: usize) -> &'static str {
        let p = self.t.palette;
        p.get(k % p.len().max(1)).copied().unwrap_or("#FFFFFF")
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
        self.map.sections.get(i).map(Section::display_title)
    }
}

/// The fill of a claim or argument labelled `status` (`render --status`).
fn status_fill(t: &Theme, status: Label) -> &'static str {
    let [accepted, rejected, undecided] = t.status;
    match status {
        Label::Accepted => accepted,
        Label::Rejected => rejected,
        Label::Undecided => undecided,
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
fn claim_label(
    ix: &Index,
    options: &Options,
    i: usize,
    claim: &Claim,
    role: Role,
    cites: &[String],
) -> String {
    let t = ix.t;
    let (text_width, note_width) = widths(options);
    let mut rows = String::new();
    let body = html_lines(&wrap(claim.display_text(), text_width));
    let mut tags = Vec::new();
    match role {
        Role::Thesis => tags.push(small("<b>THESIS</b>", t.thesis.1)),
        Role::Counterpoint => tags.push(small("<b>OBJECTION</b>", t.attack)),
        Role::Answer => tags.push(small("<b>ANSWER</b>", t.answer)),
        Role::Concession => tags.push(small("<b>QUALIFICATION</b>", t.qualify)),
        Role::Premise | Role::Claim => {}
    }
    // A position the text reports, not its author's own claim.
    let reported = !claim.by.is_empty();
    if reported {
        let actors = ix.actors(i, claim);
        let holders = html_lines(&wrap(&actors.join("; "), note_width));
        tags.push(small(&format!("<b>POSITION</b> of {holders}"), t.position));
    }
    if !claim.tags.is_empty() {
        let words: Vec<String> = claim.tags.iter().map(|x| format!("#{}", x.value)).collect();
        tags.push(small(
            &html_lines(&wrap(&words.join(" "), note_width)),
            t.muted,
        ));
    }
    if options.color_by == ColorBy::Section
        && options.group_by != GroupBy::Section
        && let Some((_, name)) = ix.category(ColorBy::Section, i)
    {
        tags.push(small(&html_lines(&wrap(&name, note_width)), t.muted));
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
    let notes = if !cites.is_empty() {
        Some(small(
            &html_lines(&wrap(&cites.join("; "), note_width)),
            t.muted,
        ))
    } else if options.mark_uncited {
        Some(small(UNCITED_BADGE, t.muted))
    } else {
        None
    };
    if let Some(notes) = notes {
        rows.push_str("<hr/>");
        rows.push_str(&row(&notes));
    }
    table(&rows)
}

/// The note under a claim without citation: a small grey badge, which
/// the dashed border repeats, rather than a warning that drowns a map of
/// many bare assertions.
const UNCITED_BADGE: &str = "\u{2205} <i>uncited</i>";

/// The label of a claim drawn as context: its text and where it belongs.
fn context_label(ix: &Index, options: &Options, i: usize, claim: &Claim) -> String {
    let (text_width, note_width) = widths(options);
    let mut rows = row(&html_lines(&wrap(claim.display_text(), text_width)));
    let place = match ix.r.section_of_claim(i).and_then(|s| ix.section_title(s)) {
        Some(title) => format!("in: {title}"),
        None => "outside every section".to_owned(),
    };
    rows.push_str(&row(&small(
        &format!("<i>{}</i>", html_lines(&wrap(&place, note_width))),
        ix.t.faint,
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
    options: &Options,
    i: usize,
    claim: &Claim,
    shown: Shown,
    focus: bool,
) -> Stmt {
    let t = ix.t;
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
        let mut a = context_attrs(t);
        a.push(attr("label", markup(&context_label(ix, options, i, claim))));
        a
    } else {
        let role = ix.role(i);
        let mut a = role_attrs(t, role, resolved.is_empty() && options.mark_uncited);
        let mut label = claim_label(ix, options, i, claim, role, &resolved);
        match options.color_by {
            ColorBy::Status => {
                if let Some(status) = options.status.as_ref().and_then(|e| e.claim(i)) {
                    set_fill(&mut a, status_fill(t, status));
                    label = format!(
                        "<table border=\"0\" cellborder=\"0\" cellspacing=\"0\">{}<tr><td>{label}</td></tr></table>",
                        row(&small(&format!("<b>{}</b>", status_tag(status)), t.muted))
                    );
                }
            }
            ColorBy::Role => {}
            by => {
                let fill = ix.category(by, i).map_or("#FFFFFF", |(k, _)| ix.palette(k));
                set_fill(&mut a, fill);
            }
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
    ix: &Index,
    i: usize,
    shown: Shown,
    focus: bool,
    status: Option<Label>,
) -> Option<Stmt> {
    let arg = ix.map.arguments.get(i)?;
    let label = arg.label.as_ref().map_or("jointly", |l| l.as_str());
    let mut attrs = argument_attrs(ix.t);
    if let Some(status) = status {
        set_fill(&mut attrs, status_fill(ix.t, status));
    }
    if shown == Shown::Context {
        attrs.extend(context_attrs(ix.t));
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
    let mut attrs = source_attrs(ix.t);
    attrs.push(attr("label", markup(&label)));
    attrs.push(attr("tooltip", Id::Escaped(text::tooltip(&tip))));
    Some(node(&format!("s{i}"), attrs))
}

/// An edge with its style and a tooltip naming both ends.
fn styled_edge(t: &Theme, from: &str, to: &str, line: Line, tip: &str) -> Stmt {
    let mut attrs = line_attrs(t, line);
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
    let mut parts: Vec<String> = subtitle.into_iter().collect();
    if !options.filter.actors.is_empty() {
        let names: Vec<String> = options
            .filter
            .actors
            .iter()
            .map(|id| {
                map.lookup_kind(id, crate::model::Kind::Actor)
                    .and_then(|a| map.actors.get(a))
                    .map_or_else(|| id.clone(), |a| a.display_name().to_owned())
            })
            .collect();
        parts.push(format!("held by {}", crate::english::or_list(&names)));
    }
    if !options.filter.tags.is_empty() {
        let tags: Vec<String> = options
            .filter
            .tags
            .iter()
            .map(|t| format!("#{t}"))
            .collect();
        parts.push(format!("tagged {}", crate::english::or_list(&tags)));
    }
    let subtitle = (!parts.is_empty()).then(|| parts.join("; "));
    if let Some(sub) = subtitle {
        label.push_str("<br align=\"left\"/>");
        label.push_str(&sized(&html(&sub), 13, ix.t.muted));
        label.push_str("<br align=\"left\"/>");
    }
    label
}

/// What a diagram draws, so that its legend explains that and no more.
#[derive(Clone, Debug, Default)]
struct Features {
    thesis: bool,
    premise: bool,
    plain: bool,
    counterpoint: bool,
    answer: bool,
    concession: bool,
    linked: bool,
    undercut: bool,
    uncited: bool,
    held: bool,
    context: bool,
    support: bool,
    attack: bool,
    qualifies: bool,
    /// The `--color-by` values of the claims drawn in full, in palette
    /// order: (index, name); `none` when some claim has none.
    colors: Vec<(usize, String)>,
    /// The labels of the evaluation on claims and arguments drawn in full.
    labels: Vec<Label>,
    uncoloured: bool,
}

impl Features {
    /// The features of the claims and arguments `sel` draws.
    fn of(ix: &Index<'_>, options: &Options, sel: &Selection) -> Features {
        let map = ix.map;
        let mut f = Features::default();
        let mut colors = std::collections::BTreeMap::new();
        let drawn = |t: &Option<Target>| match *t {
            Some(Target::Claim(j)) => sel.claim(j).drawn(),
            Some(Target::Argument(j)) => sel.argument(j).drawn(),
            None => false,
        };
        for (i, claim) in map.claims.iter().enumerate() {
            match sel.claim(i) {
                Shown::Hidden => continue,
                Shown::Context => {
                    f.context = true;
                }
                Shown::Full => {
                    match ix.role(i) {
                        Role::Thesis => f.thesis = true,
                        Role::Counterpoint => f.counterpoint = true,
                        Role::Answer => f.answer = true,
                        Role::Concession => f.concession = true,
                        Role::Premise => f.premise = true,
                        Role::Claim => f.plain = true,
                    }
                    f.uncited |= !ix.r.is_cited(i) && options.mark_uncited;
                    f.held |= !claim.by.is_empty();
                    match ix.category(options.color_by, i) {
                        Some((k, name)) => {
                            colors.entry(k).or_insert(name);
                        }
                        None => f.uncoloured = true,
                    }
                    if let Some(l) = options.status.as_ref().and_then(|e| e.claim(i))
                        && !f.labels.contains(&l)
                    {
                        f.labels.push(l);
                    }
                }
            }
            let on_argument = |t: &Option<Target>| matches!(t, Some(Target::Argument(j)) if sel.argument(*j).drawn());
            f.undercut |= ix.r.attacks.of(i).iter().any(on_argument);
            f.attack |= ix.r.attacks.of(i).iter().any(drawn);
            f.support |=
                ix.r.supports
                    .of(i)
                    .iter()
                    .any(|t| drawn(&t.map(Target::Claim)));
            f.qualifies |= ix.r.qualifies.of(i).iter().any(drawn);
        }
        f.linked = (0..map.arguments.len()).any(|a| sel.argument(a).drawn());
        for a in (0..map.arguments.len()).filter(|&a| sel.argument(a) == Shown::Full) {
            if let Some(l) = options.status.as_ref().and_then(|e| e.argument(a))
                && !f.labels.contains(&l)
            {
                f.labels.push(l);
            }
        }
        f.context |= (0..map.arguments.len()).any(|a| sel.argument(a) == Shown::Context);
        f.colors = colors.into_iter().collect();
        f
    }
}

/// The legend: one compact table, a sample and a few words for each kind
/// of node, line and colour that `f` says the diagram draws, and nothing
/// else.
fn legend(ix: &Index<'_>, options: &Options, f: &Features) -> Stmt {
    node(
        "legend",
        vec![
            attr("shape", plain("plain")),
            attr("fontsize", plain("9")),
            attr("label", markup(&legend_table(ix, options, f, 1))),
        ],
    )
}

/// The legend as an HTML-like table of `columns` entries a row.
fn legend_table(ix: &Index<'_>, options: &Options, f: &Features, columns: usize) -> String {
    let t = ix.t;
    let mut entries: Vec<(String, String)> = Vec::new();
    // A sample box: `style` (a cell style), its fill and border, its text.
    let sample = |style: &str, fill: &str, border: &str, width: u8, text: &str| {
        format!(
            "<td border=\"{width}\" style=\"{style}\" bgcolor=\"{fill}\" color=\"{border}\" \
             cellpadding=\"3\">{text}</td>"
        )
    };
    let line = |glyph: &str, color: &str| {
        format!(
            "<td align=\"center\"><font point-size=\"12\" color=\"{color}\"><b>{glyph}</b></font></td>"
        )
    };
    let words = |w: &str| format!("<td align=\"left\" balign=\"left\">{w}</td>");
    let mut add = |cell: String, w: &str| entries.push((cell, words(w)));
    let role_coloured = options.color_by == ColorBy::Role;
    let fill = |f: &'static str| if role_coloured { f } else { "#FFFFFF" };
    if f.thesis {
        add(
            format!(
                "<td border=\"0\" cellpadding=\"1\"><table border=\"1\" cellborder=\"1\" cellspacing=\"1\" color=\"{}\" \
                 bgcolor=\"{}\"><tr><td border=\"0\">{}</td></tr></table></td>",
                t.thesis.1,
                fill(t.thesis.0),
                small("<b>THESIS</b>", t.thesis.1)
            ),
            "the main claim (double border)",
        );
    }
    if f.premise {
        add(
            sample("rounded", fill(t.premise_fill), t.answer, 1, "premise"),
            "a reason for the claim it points to",
        );
    }
    if f.plain {
        add(
            sample("rounded", "#FFFFFF", t.claim_border, 2, "claim"),
            "a claim that supports nothing drawn",
        );
    }
    if f.counterpoint {
        add(
            sample(
                "solid",
                fill(t.counter_fill),
                t.attack,
                1,
                &small("<b>OBJECTION</b>", t.attack),
            ),
            "attacks a claim or an inference",
        );
    }
    if f.answer {
        add(
            sample(
                "solid",
                fill(t.answer_fill),
                t.answer,
                1,
                &small("<b>ANSWER</b>", t.answer),
            ),
            "answers an objection",
        );
    }
    if f.concession {
        add(
            sample(
                "rounded",
                fill(t.concession_fill),
                t.qualify,
                1,
                &small("<b>QUALIFICATION</b>", t.qualify),
            ),
            "granted: limits what it points to, does not refute it",
        );
    }
    if f.held {
        add(
            sample(
                "rounded",
                "#FFFFFF",
                t.claim_border,
                1,
                &small("<b>POSITION</b>", t.position),
            ),
            "<i>in italics:</i> a position the text reports, not its author's",
        );
    }
    if f.uncited {
        add(
            sample(
                "dashed",
                "#FFFFFF",
                t.claim_border,
                1,
                &small(UNCITED_BADGE, t.muted),
            ),
            "dashed: cites no source",
        );
    }
    if f.context {
        let place = match options.view {
            View::Section(_) if options.filter.is_empty() => {
                "faded: in another section, drawn for context"
            }
            _ => "faded: outside the view, drawn for context",
        };
        add(
            sample(
                "dotted",
                t.context_fill,
                t.faint,
                1,
                &small("claim", t.faint),
            ),
            place,
        );
    }
    if options.sources {
        add(
            sample(
                "solid",
                t.source.0,
                t.source.1,
                1,
                &small("<b>Source</b>", t.ink),
            ),
            "a cited source",
        );
    }
    if f.linked {
        add(
            sample(
                "rounded",
                t.argument_fill,
                t.support,
                1,
                &small("<i>inference</i>", t.ink),
            ),
            "linked premises support the conclusion only together",
        );
    }
    if f.support {
        add(line("\u{2500}\u{2500}\u{25b6}", t.support), "supports");
    }
    if f.linked {
        add(
            line("\u{2501}\u{2501}\u{25b6}", t.support),
            "jointly supports (from an inference)",
        );
    }
    if f.attack {
        let what = if f.undercut {
            "attacks (on an inference: undercuts)"
        } else {
            "attacks"
        };
        add(line("\u{254c}\u{254c}\u{22a3}", t.attack), what);
    }
    if f.qualifies {
        add(line("\u{254c}\u{254c}\u{25cb}", t.qualify), "qualifies");
    }
    if options.sources {
        add(line("\u{2504}\u{2504}\u{25b7}", t.faint), "is cited by");
    }
    if options.color_by == ColorBy::Status && options.status.is_some() {
        for status in [Label::Accepted, Label::Rejected, Label::Undecided]
            .into_iter()
            .filter(|l| f.labels.contains(l))
        {
            let evidence = options
                .status
                .as_ref()
                .is_some_and(|e| e.semantics == crate::eval::Semantics::Evidence);
            let meaning = match (status, evidence) {
                (Label::Accepted, false) => "stands: every attacker is rejected",
                (Label::Accepted, true) => {
                    "stands on verified evidence or accepted support; every attacker is rejected"
                }
                (Label::Rejected, _) => "falls: an accepted claim attacks it",
                (Label::Undecided, false) => "open: the map does not settle it",
                (Label::Undecided, true) => {
                    "open: no verified evidence or accepted support, or the map does not settle it"
                }
            };
            add(
                sample(
                    "rounded",
                    status_fill(t, status),
                    t.claim_border,
                    1,
                    &small(&format!("<b>{}</b>", status_tag(status)), t.ink),
                ),
                meaning,
            );
        }
    }
    let by = match options.color_by {
        ColorBy::Section => Some("section"),
        ColorBy::Actor => Some("holder"),
        ColorBy::Tag => Some("first tag"),
        ColorBy::Role | ColorBy::Status => None,
    };
    if let Some(by) = by {
        for (k, name) in &f.colors {
            add(
                sample(
                    "rounded",
                    ix.palette(*k),
                    t.claim_border,
                    1,
                    "\u{a0}\u{a0}\u{a0}\u{a0}",
                ),
                &html_lines(&wrap(name, 40)),
            );
        }
        if f.uncoloured {
            add(
                sample(
                    "rounded",
                    "#FFFFFF",
                    t.claim_border,
                    1,
                    "\u{a0}\u{a0}\u{a0}\u{a0}",
                ),
                &format!("no {by}"),
            );
        }
    }
    let columns = columns.max(1);
    let rows: Vec<String> = entries
        .chunks(columns)
        .map(|chunk| {
            let cells: String = chunk.iter().map(|(c, w)| format!("{c}{w}")).collect();
            format!("<tr>{cells}</tr>")
        })
        .collect();
    format!(
        "<table border=\"1\" color=\"#BDBDBD\" cellborder=\"0\" cellspacing=\"3\" cellpadding=\"1\" \
         bgcolor=\"#FFFFFF\"><tr><td colspan=\"{}\" align=\"left\"><b>Legend</b></td></tr>{}</table>",
        2 * columns,
        rows.concat()
    )
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
    build_with(&Index::new(map, graph, options.theme.theme()), options, sel)
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
    // And in a right-to-left one, `labeljust=r` puts them on the left.
    let cluster_labeljust = if direction == Direction::RightLeft {
        "r"
    } else {
        "l"
    };
    // For print, the title and the legend are a caption under the
    // drawing, which takes no room from its ranks.
    let caption = (options.compact && options.legend).then(|| {
        let legend = legend_table(ix, options, &Features::of(ix, options, sel), 3);
        format!(
            "<table border=\"0\" cellspacing=\"4\" cellpadding=\"0\"><tr><td align=\"left\">{}</td></tr>\
             <tr><td align=\"left\"><font point-size=\"9\">{legend}</font></td></tr></table>",
            title(ix, options)
        )
    });
    defaults(ix, options, direction, caption.as_deref())
        .into_iter()
        .for_each(&mut *emit);
    let groups = Groups::of(ix, options.group_by, sel);
    let nodes = NodeWriter { ix, options, sel };
    nodes.write(&groups.top, emit);
    for (i, group) in groups.boxes.iter().enumerate() {
        if let Some(cluster) = nodes.cluster(
            options.group_by,
            i,
            group,
            (cluster_labelloc, cluster_labeljust),
        ) {
            emit(cluster);
        }
    }
    nodes.write(&groups.context, emit);
    if sel.hidden_context > 0 {
        emit(more_context(ix.t, sel.hidden_context));
    }
    if options.sources {
        source_nodes(ix, sel, emit);
    }
    claim_edges(ix, sel, emit);
    argument_edges(ix, sel, emit);
    if options.sources {
        citation_edges(ix, sel, emit);
    }
    if options.legend && !options.compact {
        // Last, on the rank of the evidence (where the diagram ends for a
        // reader who starts at the thesis): it never sits above the thesis.
        let rank = match direction {
            Direction::BottomTop | Direction::RightLeft => "min",
            Direction::TopBottom | Direction::LeftRight => "max",
        };
        emit(Stmt::Subgraph(Subgraph {
            id: plain("legend_rank"),
            stmts: vec![
                Stmt::Attribute(attr("rank", plain(rank))),
                legend(ix, options, &Features::of(ix, options, sel)),
            ],
        }));
    }
}

/// The graph's, nodes' and edges' default attributes.
fn defaults(
    ix: &Index<'_>,
    options: &Options,
    direction: Direction,
    caption: Option<&str>,
) -> [Stmt; 3] {
    [
        Stmt::GAttribute(GraphAttributes::Graph(vec![
            attr("rankdir", plain(direction.rankdir())),
            attr("newrank", plain("true")),
            attr(
                "nodesep",
                plain(if options.compact { "0.2" } else { "0.3" }),
            ),
            attr(
                "ranksep",
                plain(if options.compact { "0.35" } else { "0.5" }),
            ),
            attr("pad", plain("0.3")),
            attr("bgcolor", plain("white")),
            attr("outputorder", plain("edgesfirst")),
            attr("fontname", quoted(FONT)),
            attr("fontsize", plain("20")),
            attr("labelloc", plain(if caption.is_some() { "b" } else { "t" })),
            attr("labeljust", plain("l")),
            attr(
                "label",
                markup(&caption.map_or_else(|| title(ix, options), str::to_owned)),
            ),
        ])),
        Stmt::GAttribute(GraphAttributes::Node(vec![
            attr("shape", plain("box")),
            attr("style", quoted("rounded,filled")),
            attr("fontname", quoted(FONT)),
            attr("fontsize", plain("11")),
            attr("fontcolor", quoted(ix.t.ink)),
            attr("margin", quoted("0.12,0.06")),
        ])),
        Stmt::GAttribute(GraphAttributes::Edge(vec![
            attr("fontname", quoted(FONT)),
            attr("fontsize", plain("9")),
            attr("fontcolor", quoted(ix.t.muted)),
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

/// Where each drawn node goes. Nodes drawn in full go into their box (a
/// section's, or with `--group-by actor` their first holder's); context
/// nodes and nodes without a box stay at the top level. The top-level
/// nodes come first, then the boxes in file order, then the context.
struct Groups {
    top: Group,
    boxes: Vec<Group>,
    context: Group,
}

impl Groups {
    fn of(ix: &Index<'_>, by: GroupBy, sel: &Selection) -> Groups {
        let map = ix.map;
        let r = ix.r;
        let boxes = match by {
            GroupBy::Section => map.sections.len(),
            GroupBy::Actor => map.actors.len(),
            GroupBy::None => 0,
        };
        let claim_box = |i: usize| match by {
            GroupBy::Section => r.section_of_claim(i),
            GroupBy::Actor => r.by.of(i).iter().flatten().next().copied(),
            GroupBy::None => None,
        };
        let mut groups = Groups {
            top: Group::default(),
            boxes: vec![Group::default(); boxes],
            context: Group::default(),
        };
        for i in (0..map.claims.len()).filter(|&i| sel.claim(i).drawn()) {
            if let Some(g) = groups.group(sel.claim(i), claim_box(i)) {
                g.claims.push(i);
            }
        }
        for i in (0..map.arguments.len()).filter(|&i| sel.argument(i).drawn()) {
            let b = match by {
                GroupBy::Section => r.section_of_argument(i),
                // With its conclusion.
                _ => r.conclusion.get(i).copied().flatten().and_then(claim_box),
            };
            if let Some(g) = groups.group(sel.argument(i), b) {
                g.arguments.push(i);
            }
        }
        groups
    }

    fn group(&mut self, shown: Shown, b: Option<usize>) -> Option<&mut Group> {
        match (shown, b) {
            (Shown::Context, _) => Some(&mut self.context),
            (_, Some(s)) if s < self.boxes.len() => self.boxes.get_mut(s),
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
        let status = self
            .options
            .status
            .as_ref()
            .filter(|_| self.options.color_by == ColorBy::Status);
        for batch in group.claims.chunks(NODE_BATCH) {
            let made = in_parallel(batch.len(), |k| {
                let i = *batch.get(k)?;
                let claim = ix.map.claims.get(i)?;
                Some(claim_node(
                    ix,
                    self.options,
                    i,
                    claim,
                    sel.claim(i),
                    focus(Node::Claim(i)),
                ))
            });
            made.into_iter().flatten().for_each(&mut *out);
        }
        for &i in &group.arguments {
            let made = argument_node(
                ix,
                i,
                sel.argument(i),
                focus(Node::Argument(i)),
                status.and_then(|e| e.argument(i)),
            );
            made.into_iter().for_each(&mut *out);
        }
    }

    /// Box `i`'s cluster (section `i`, or actor `i`) with the nodes of
    /// `group`; `None` when it has none.
    fn cluster(
        &self,
        by: GroupBy,
        i: usize,
        group: &Group,
        (labelloc, labeljust): (&str, &str),
    ) -> Option<Stmt> {
        if group.claims.is_empty() && group.arguments.is_empty() {
            return None;
        }
        let (title, id) = match by {
            GroupBy::Actor => {
                let name = self.ix.map.actors.get(i)?.display_name();
                (format!("Held by {name}"), format!("cluster_actor_{i}"))
            }
            _ => (
                self.ix.section_title(i).unwrap_or("").to_owned(),
                format!("cluster_{i}"),
            ),
        };
        let t = self.ix.t;
        let mut body = vec![Stmt::GAttribute(GraphAttributes::Graph(vec![
            attr(
                "label",
                markup(&format!("<b>{}</b>", html_lines(&wrap(&title, 60)))),
            ),
            attr("style", quoted("rounded,filled")),
            attr("fillcolor", quoted(t.cluster.0)),
            attr("color", quoted(t.cluster.1)),
            attr("fontsize", plain("14")),
            attr("labeljust", plain(labeljust)),
            attr("labelloc", plain(labelloc)),
            attr("margin", plain("14")),
        ]))];
        self.write(group, &mut |stmt| body.push(stmt));
        Some(Stmt::Subgraph(Subgraph {
            id: plain(&id),
            stmts: body,
        }))
    }
}

/// The note standing for `n` context claims not drawn.
fn more_context(t: &Theme, n: usize) -> Stmt {
    let what = crate::english::noun_s(n, "claim");
    let mut attrs = context_attrs(t);
    attrs.push(attr(
        "label",
        markup(&table(&row(&format!(
            "<i>and {n} more {what} one step<br/>from those drawn in full,<br/>not drawn</i>"
        )))),
    ));
    attrs.push(attr(
        "tooltip",
        quoted(&format!(
            "{n} more {what} outside the view support, attack or share an argument with it; draw them with --context all, or one with --focus"
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
                emit(styled_edge(ix.t, &from, &to, Line::Support, &tip));
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
            emit(styled_edge(ix.t, &from, &to, Line::Attack, &tip));
        }
        for (target, t) in claim.qualifies.iter().zip(ix.r.qualifies.of(i)) {
            let Some(to) = t.and_then(|t| drawn(sel, t)) else {
                continue;
            };
            let tip = format!(
                "{id} qualifies {} (a concession, not a refutation)",
                target.value
            );
            emit(styled_edge(ix.t, &from, &to, Line::Qualifies, &tip));
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
                emit(styled_edge(ix.t, &from, &node, Line::Premise, &tip));
            }
        }
        let conclusion = ix.r.conclusion.get(i).copied().flatten();
        if let (Some(c), Some(to)) = (
            &arg.conclusion,
            conclusion.and_then(|j| drawn(sel, Target::Claim(j))),
        ) {
            let tip = format!("{id} jointly supports {}", c.value);
            emit(styled_edge(ix.t, &node, &to, Line::Conclusion, &tip));
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
                ix.t,
                &format!("s{s}"),
                &format!("c{i}"),
                Line::Cites,
                &tip,
            ));
        }
    }
}
