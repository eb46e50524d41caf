//! `argmap eval`: label every claim and argument of a map accepted,
//! rejected or undecided under grounded semantics, and print the labels.

use std::path::PathBuf;

use clap::{Args, ValueEnum};

use super::{IgnoredTextArgs, Outcome, SUCCESS, input, output};
use argmap::eval;
use argmap::report::labels;

pub const EXAMPLES: &str = "\
Examples:
  argmap eval examples/bridge.toml              labels grouped: accepted, rejected, undecided
  argmap eval --format json examples/bridge.toml  {\"labels\": {\"<id>\": \"accepted\", ...}}

Semantics (grounded): a claim is rejected when an accepted claim attacks it,
accepted when every claim that attacks it is rejected, undecided otherwise. An
argument is rejected when a premise is rejected or an accepted claim undercuts
it, accepted when it has premises, all accepted, and its undercutters
rejected.
Support never attacks. A map with errors is evaluated anyway, with a warning.";

/// Arguments of `argmap eval`.
#[derive(Args, Debug)]
pub struct EvalArgs {
    /// The map file to evaluate.
    #[arg(value_name = "MAP")]
    map: PathBuf,

    /// Output format of the labels, on stdout.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    format: Format,

    #[command(flatten)]
    texts: IgnoredTextArgs,
}

/// Output format of the labels.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum Format {
    /// the thesis, then claims and arguments grouped by label, then counts
    Human,
    /// one JSON object: {"labels": {"<id>": "<label>", ...}}
    Json,
}

/// Runs `eval`; returns the exit code.
pub fn run(args: &EvalArgs) -> Outcome {
    let usable = input::load_usable(&args.map, None)?;
    args.texts.note("eval");
    let (map, graph) = (&usable.map, &usable.graph);
    let evaluation = eval::evaluate(map, graph);
    let out = match args.format {
        Format::Human => labels::human(map, graph, &evaluation),
        Format::Json => labels::json(map, graph, &evaluation),
    };
    output::print(&out, "the labels")?;
    Ok(SUCCESS)
}
