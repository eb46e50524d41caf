//! The options of `render` and `view` that say what a diagram draws and
//! how: direction, context, filters by actor and tag, colours, groups,
//! marks, the legend, sources, and the labels of `--status`.

use clap::{Args, ValueEnum};

use crate::cli::input;
use argmap::render::{Direction, Options, View};

/// `--theme` (of `render` and `view`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub(in crate::cli) enum ThemeArg {
    /// Colour, for the screen and colour printing.
    Color,
    /// Black and white, for printing: shapes and line styles carry every
    /// distinction.
    Mono,
    /// Colours told apart with colour-vision deficiencies (Okabe–Ito).
    Colorblind,
}

impl ThemeArg {
    /// The theme it names.
    pub(in crate::cli) fn name(self) -> argmap::render::ThemeName {
        use argmap::render::ThemeName;
        match self {
            ThemeArg::Color => ThemeName::Color,
            ThemeArg::Mono => ThemeName::Mono,
            ThemeArg::Colorblind => ThemeName::Colorblind,
        }
    }
}

/// `--context`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub(in crate::cli) enum ContextArg {
    /// Nothing outside the section or the focus.
    None,
    /// Direct neighbours only: objections to the view, and a few others
    /// (a third as many as the view draws, 2 to 5), 8 in all.
    Near,
    /// Everything one step away, inferences with all their premises, at
    /// most 40.
    All,
}

/// `--color-by`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub(in crate::cli) enum ColorByArg {
    /// The claim's role: thesis, premise, objection, answer, qualification.
    Role,
    /// Its section.
    Section,
    /// The first actor who holds it.
    Actor,
    /// Its first tag.
    Tag,
    /// Its label in `argmap eval` (the same as `--status`).
    Status,
}

/// `--group-by`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub(in crate::cli) enum GroupByArg {
    /// A box per section.
    Section,
    /// A box per actor (a claim's first holder).
    Actor,
    /// No boxes.
    None,
}

/// `--semantics`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub(in crate::cli) enum SemanticsArg {
    /// A claim stands unless an objection stands; support has no force.
    Grounded,
    /// A claim stands only on verified evidence or accepted support, and
    /// when every objection falls.
    Evidence,
}

/// `--mark`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub(in crate::cli) enum MarkArg {
    /// Claims without a citation: dashed border and a small badge.
    Uncited,
    /// Nothing.
    None,
}

/// `--direction`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub(in crate::cli) enum DirectionArg {
    /// Top to bottom: premises above their conclusions.
    #[value(name = "TB")]
    Tb,
    /// Bottom to top: evidence at the bottom, the thesis at the top.
    #[value(name = "BT")]
    Bt,
    /// Left to right: evidence on the left.
    #[value(name = "LR")]
    Lr,
    /// Right to left: the thesis on the left, its reasons to the right.
    #[value(name = "RL")]
    Rl,
}

impl From<DirectionArg> for Direction {
    fn from(d: DirectionArg) -> Self {
        match d {
            DirectionArg::Tb => Direction::TopBottom,
            DirectionArg::Bt => Direction::BottomTop,
            DirectionArg::Lr => Direction::LeftRight,
            DirectionArg::Rl => Direction::RightLeft,
        }
    }
}

/// What a diagram draws and how, as `render` and `view` both take it.
#[derive(Args, Debug)]
pub(in crate::cli) struct DrawArgs {
    /// The way the diagram reads. Default: BT (the thesis at the top) for
    /// up to 20 claims, RL (the thesis on the left, sections stacked, closer
    /// to a page's shape) for more
    #[arg(long, value_enum, ignore_case = true)]
    pub(in crate::cli) direction: Option<DirectionArg>,

    /// What is drawn faded around the part a view draws: around --section
    /// or --focus (`render`), and around the claims --actor or --tag keep
    #[arg(long, value_enum, default_value = "near")]
    pub(in crate::cli) context: ContextArg,

    /// Draw only the claims held by this actor (repeatable: any of them);
    /// combines with --tag, and in `render` with --section and --focus
    #[arg(long, value_name = "ID")]
    pub(in crate::cli) actor: Vec<String>,

    /// Draw only the claims with this tag (repeatable: any of them)
    #[arg(long, value_name = "TAG")]
    pub(in crate::cli) tag: Vec<String>,

    /// What a claim's fill says; the legend names each colour
    #[arg(long, value_enum, default_value = "role")]
    pub(in crate::cli) color_by: ColorByArg,

    /// What the boxes around claims gather
    #[arg(long, value_enum, default_value = "section")]
    pub(in crate::cli) group_by: GroupByArg,

    /// Colours and fonts: `mono` for black-and-white printing,
    /// `colorblind` for readers with colour-vision deficiencies
    #[arg(long, value_enum, default_value = "color")]
    pub(in crate::cli) theme: ThemeArg,

    /// What is marked on claims
    #[arg(long, value_enum, default_value = "uncited")]
    pub(in crate::cli) mark: MarkArg,

    /// Leave out the legend.
    #[arg(long)]
    pub(in crate::cli) no_legend: bool,

    /// Draw a node for each cited source, linked to the claims citing it.
    #[arg(long)]
    pub(in crate::cli) sources: bool,

    /// Mark and fill each claim and argument by its label under grounded
    /// semantics (accepted, rejected, undecided), as `argmap eval` computes
    /// it: the same as `--color-by status`
    #[arg(long, conflicts_with = "color_by")]
    pub(in crate::cli) status: bool,

    /// The semantics of the labels --status draws (and `view` shows in its
    /// panel): `grounded` (a claim stands unless an objection stands) or
    /// `evidence` (it stands only on verified evidence or accepted support;
    /// reads the source texts, as `argmap eval --semantics evidence` does)
    #[arg(long, value_enum, default_value = "grounded")]
    pub(in crate::cli) semantics: SemanticsArg,
}

impl DrawArgs {
    /// The labels `--status` draws.
    pub(in crate::cli) fn evaluation(&self, usable: &input::Usable) -> argmap::eval::Evaluation {
        let args = self;
        use argmap::eval::{self, Evidence, Semantics};
        let (map, graph) = (&usable.map, &usable.graph);
        match args.semantics {
            SemanticsArg::Grounded => eval::evaluate(map, graph),
            SemanticsArg::Evidence => {
                let evidence = Evidence::of(
                    map,
                    &graph.resolved,
                    &usable.report.diagnostics,
                    &usable.texts,
                );
                eval::evaluate_with(map, graph, Semantics::Evidence, &evidence)
            }
        }
    }

    /// What to draw, from the command line.
    pub(in crate::cli) fn options(
        &self,
        usable: &input::Usable,
        view: View,
        compact: bool,
    ) -> Options {
        let args = self;
        use argmap::render::{ColorBy, Context, Filter, GroupBy};
        let color_by = match (args.status, args.color_by) {
            (true, _) | (_, ColorByArg::Status) => ColorBy::Status,
            (_, ColorByArg::Role) => ColorBy::Role,
            (_, ColorByArg::Section) => ColorBy::Section,
            (_, ColorByArg::Actor) => ColorBy::Actor,
            (_, ColorByArg::Tag) => ColorBy::Tag,
        };
        Options {
            view,
            direction: args.direction.map(Direction::from),
            legend: !args.no_legend,
            sources: args.sources,
            status: (color_by == ColorBy::Status).then(|| self.evaluation(usable)),
            theme: args.theme.name(),
            context: match args.context {
                ContextArg::None => Context::None,
                ContextArg::Near => Context::Near,
                ContextArg::All => Context::All,
            },
            filter: Filter {
                actors: args.actor.clone(),
                tags: args.tag.clone(),
            },
            color_by,
            group_by: match args.group_by {
                GroupByArg::Section => GroupBy::Section,
                GroupByArg::Actor => GroupBy::Actor,
                GroupByArg::None => GroupBy::None,
            },
            mark_uncited: args.mark == MarkArg::Uncited,
            compact,
        }
    }
}
