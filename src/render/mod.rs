//! Graphviz diagrams of a map.
//!
//! [`to_graph`] builds the diagram as a graphviz-rust DOT syntax tree and
//! [`to_dot`] prints it; [`exec::run_dot`] turns DOT into SVG, PNG or PDF
//! through the Graphviz `dot` program. The DOT depends only on the map and
//! the [`Options`]: everything is emitted in file order, so the same map
//! always gives byte-identical DOT.
//!
//! The visual language (the legend on every diagram spells it out):
//!
//! - claims are boxes, the text wrapped to about 40 columns, with the
//!   sources they cite in small type beneath (`Creemers 2021a, p. 3`) and
//!   the actors who hold them (`held by: Xi Jinping`);
//! - the thesis has a double border and bold text; premises (claims that support)
//!   are rounded and pale blue; counterpoints (claims that attack) have
//!   square corners and a pale red fill; other claims are rounded and white
//!   with a darker border;
//! - a claim without citation has a dashed border and says `no citation`;
//! - support is a solid green arrow; an attack is a dashed red line ending
//!   in a bar (`tee`); linked premises meet in a small oval inference node
//!   for their argument, which an undercut attacks;
//! - sections are labelled clusters; with [`Options::sources`], sources are
//!   note-shaped nodes with dotted lines to the claims that cite them.
//!
//! Shape, border and line style carry every distinction, so the diagram
//! reads in greyscale; colour only repeats them.

mod build;
pub mod exec;
pub mod page;
pub mod pdf;
mod print;
pub mod printed;
pub mod split;
pub mod text;
pub mod theme;
mod view;

use std::path::Path;

use graphviz_rust::dot_structures::{Graph, Id};
use graphviz_rust::printer::{DotPrinter, PrinterContext};

use crate::graph::MapGraph;
use crate::model::Map;

pub use theme::ThemeName;
pub use view::{Context, Filter, MAX_NEAR_CONTEXT, View, ViewError};

/// Width, in columns, to which claim texts are wrapped.
pub const TEXT_WIDTH: usize = 40;

/// Diagrams of more claims than this read left to right by default.
pub const LARGE_VIEW: usize = 20;

/// The way the diagram reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Direction {
    /// Top to bottom: premises above the claims they support.
    TopBottom,
    /// Bottom to top: evidence at the bottom, conclusions and the thesis at
    /// the top, as argument maps are usually drawn.
    BottomTop,
    /// Left to right: evidence on the left, conclusions on the right.
    LeftRight,
    /// Right to left: the thesis and conclusions on the left, where a
    /// reader starts, and their reasons to the right of them. Sections
    /// stack top to bottom, which keeps a large map's diagram closer to a
    /// page's proportions.
    RightLeft,
}

impl Direction {
    /// The default for the diagrams of a map of `claims` claims (every view
    /// of one map reads the same way): bottom to top, the thesis at the
    /// top, or right to left above [`LARGE_VIEW`] claims, the thesis on the
    /// left.
    pub fn auto(claims: usize) -> Direction {
        if claims > LARGE_VIEW {
            Direction::RightLeft
        } else {
            Direction::BottomTop
        }
    }

    /// Whether the conclusions are on the left or right of their reasons.
    pub fn is_horizontal(self) -> bool {
        matches!(self, Direction::LeftRight | Direction::RightLeft)
    }

    /// The Graphviz `rankdir` value.
    pub fn rankdir(self) -> &'static str {
        match self {
            Direction::TopBottom => "TB",
            Direction::BottomTop => "BT",
            Direction::LeftRight => "LR",
            Direction::RightLeft => "RL",
        }
    }
}

/// What to draw and how.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Options {
    /// The part of the map to draw.
    pub view: View,
    /// The way the diagram reads; `None` picks [`Direction::auto`].
    pub direction: Option<Direction>,
    /// Whether to draw the legend.
    pub legend: bool,
    /// Whether to draw a node for each cited source.
    pub sources: bool,
    /// When set, each claim and argument is marked and filled by its label
    /// in this evaluation (`render --status`, `--color-by status`).
    pub status: Option<crate::eval::Evaluation>,
    /// The colours and fonts.
    pub theme: ThemeName,
    /// What is drawn faded around a section's or a focus's view.
    pub context: Context,
    /// Which claims are drawn: by actor, by tag.
    pub filter: Filter,
    /// What the fill of a claim says; [`ColorBy::Status`] needs
    /// [`Options::status`].
    pub color_by: ColorBy,
    /// What the boxes around claims gather.
    pub group_by: GroupBy,
    /// Whether claims without a citation are marked.
    pub mark_uncited: bool,
    /// Laid out for print (`render --page`): claim texts wrapped narrower
    /// and nodes set closer, so that a diagram fits a page at a legible
    /// size.
    pub compact: bool,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            view: View::Whole,
            direction: None,
            legend: true,
            sources: false,
            status: None,
            theme: ThemeName::Color,
            context: Context::Near,
            filter: Filter::default(),
            color_by: ColorBy::Role,
            group_by: GroupBy::Section,
            mark_uncited: true,
            compact: false,
        }
    }
}

/// What the fill of a claim says (`render --color-by`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, strum::EnumString, strum::IntoStaticStr)]
#[strum(serialize_all = "lowercase")]
pub enum ColorBy {
    /// Its role: thesis, premise, objection, answer, qualification.
    #[default]
    Role,
    /// Its section.
    Section,
    /// The first actor who holds it.
    Actor,
    /// Its first tag.
    Tag,
    /// Its label in the evaluation (`--status`).
    Status,
}

/// What the boxes around claims gather (`render --group-by`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, strum::EnumString, strum::IntoStaticStr)]
#[strum(serialize_all = "lowercase")]
pub enum GroupBy {
    /// A box per section.
    #[default]
    Section,
    /// A box per actor, holding the claims whose first holder it is.
    Actor,
    /// No boxes.
    None,
}

/// An output format.
#[derive(Clone, Copy, Debug, PartialEq, Eq, strum::IntoStaticStr, strum::EnumString)]
#[strum(serialize_all = "lowercase")]
pub enum Format {
    /// Graphviz DOT source; needs no Graphviz.
    Dot,
    /// Scalable Vector Graphics, with tooltips.
    Svg,
    /// A PNG bitmap.
    Png,
    /// PDF.
    Pdf,
}

impl Format {
    /// The format a file name's extension names (`.dot`, `.gv`, `.svg`,
    /// `.png`, `.pdf`, in any case).
    pub fn from_path(path: &Path) -> Option<Format> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        if ext == "gv" {
            return Some(Format::Dot);
        }
        ext.parse().ok()
    }

    /// The format's name, which is also its extension and its `dot -T` value.
    pub fn name(self) -> &'static str {
        self.into()
    }

    /// Whether producing it needs the Graphviz `dot` program.
    pub fn needs_graphviz(self) -> bool {
        self != Format::Dot
    }

    /// Whether the output is binary (not fit for a terminal).
    pub fn is_binary(self) -> bool {
        matches!(self, Format::Png | Format::Pdf)
    }
}

/// The diagram of `map` as a DOT syntax tree.
pub fn to_graph(map: &Map, graph: &MapGraph, options: &Options) -> Result<Graph, ViewError> {
    let selection = select(map, graph, options)?;
    Ok(build::build(map, graph, options, &selection))
}

/// The selection of `options`: its view, filtered, with its context.
fn select(map: &Map, graph: &MapGraph, options: &Options) -> Result<view::Selection, ViewError> {
    view::select(map, graph, &options.view, options.context, &options.filter)
}

/// The diagram of `map` as DOT source.
pub fn to_dot(map: &Map, graph: &MapGraph, options: &Options) -> Result<String, ViewError> {
    Ok(print_dot(&to_graph(map, graph, options)?))
}

/// Writes the diagram of `map` as DOT source to `out`, a statement at a
/// time as it is made: the bytes of [`to_dot`], without the whole diagram
/// ever in memory (for a map of 100,000 claims the tree and its text took
/// several hundred megabytes).
pub fn write_dot(
    map: &Map,
    graph: &MapGraph,
    options: &Options,
    out: &mut dyn std::io::Write,
) -> Result<(), WriteError> {
    let selection = select(map, graph, options)?;
    let ix = build::Index::new(map, graph, options.theme.theme());
    out.write_all(b"digraph argmap {\n")?;
    let mut first = true;
    let mut failed = None;
    build::build_into(&ix, options, &selection, &mut |stmt| {
        if failed.is_some() {
            return;
        }
        let text = print::print_statement(&stmt).unwrap_or_else(|| {
            // Never made by argmap's diagrams: printed as graphviz-rust
            // prints it inside a graph of its own.
            let alone = print_dot(&Graph::DiGraph {
                id: Id::Plain("argmap".to_owned()),
                strict: false,
                stmts: vec![stmt],
            });
            let body = alone.strip_suffix("\n}\n").unwrap_or(&alone);
            body.split_once('\n')
                .map_or("", |(_, stmt)| stmt)
                .to_owned()
        });
        let sep: &[u8] = if first { b"" } else { b"\n" };
        first = false;
        if let Err(e) = out
            .write_all(sep)
            .and_then(|()| out.write_all(text.as_bytes()))
        {
            failed = Some(e);
        }
    });
    if let Some(e) = failed {
        return Err(WriteError::Io(e));
    }
    out.write_all(b"\n}\n")?;
    Ok(())
}

/// Why [`write_dot`] could not write a diagram.
#[derive(Debug)]
pub enum WriteError {
    /// The view names nothing drawable.
    View(ViewError),
    /// Writing failed.
    Io(std::io::Error),
}

impl From<ViewError> for WriteError {
    fn from(e: ViewError) -> Self {
        WriteError::View(e)
    }
}

impl From<std::io::Error> for WriteError {
    fn from(e: std::io::Error) -> Self {
        WriteError::Io(e)
    }
}

/// A DOT syntax tree as DOT source, ending with a newline: what graphviz-rust
/// prints, written faster.
pub fn print_dot(tree: &Graph) -> String {
    let mut dot = print::print(tree).unwrap_or_else(|| tree.print(&mut PrinterContext::default()));
    dot.push('\n');
    dot
}
