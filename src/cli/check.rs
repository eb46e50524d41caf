//! `argmap check`: load maps, run every rule, print the findings.

use std::path::PathBuf;

use clap::{ArgMatches, Args};

use super::{FINDINGS, Format, LevelArgs, Outcome, SUCCESS, TextArgs, fail, input, output};
use argmap::diag::render::{github, human, json, sarif};

pub const EXAMPLES: &str = "\
Examples:
  argmap check maps/bridge.toml
  argmap check --format json maps/*.toml > findings.json
  argmap check -A orphan-claim -D unused-source maps/bridge.toml
  argmap check --quiet maps/bridge.toml && echo sound
  argmap check maps/chapter.toml --text chapter=../texts/chapter.txt

Levels: each code has a default level; a map's [lints] table overrides it, and
-A (allow), -W (warn) and -D (deny: error) override both, the last one given
winning. `argmap explain` lists the codes.

Environment: NO_COLOR turns colour off; ARGMAP_TODAY=YYYY-MM-DD is the date
`accessed-date` takes as today (default: the system clock's date, UTC), for
output that must not change from one day to the next.";

/// Arguments of `argmap check`.
#[derive(Args, Debug)]
pub struct CheckArgs {
    /// Map files to check.
    #[arg(value_name = "MAP", required = true)]
    maps: Vec<PathBuf>,

    /// Output format: human (rustc-style, on stderr), or json, sarif or
    /// github (on stdout).
    #[arg(long, value_enum, default_value_t = Format::Human)]
    format: Format,

    /// Print only error-level findings, without the summary line (human
    /// and github).
    #[arg(short, long)]
    quiet: bool,

    #[command(flatten)]
    levels: LevelArgs,

    #[command(flatten)]
    texts: TextArgs,
}

/// Runs `check`; returns the exit code.
pub fn run(args: &CheckArgs, matches: &ArgMatches) -> Outcome {
    let cli_levels = LevelArgs::levels(matches).map_err(|e| fail(&e, None))?;
    let mut inputs = Vec::with_capacity(args.maps.len());
    for path in &args.maps {
        inputs.push((path.display().to_string(), input::read_map(path)?));
    }
    let opts = argmap::check::Options {
        levels: cli_levels,
        texts: args.texts.options()?,
        today: super::today()?,
        scope: argmap::check::Scope::Everything,
    };
    let checked: Vec<_> = inputs
        .into_iter()
        .map(|(name, bytes)| argmap::check::check_owned(&name, bytes, &opts))
        .collect();
    if let Some(e) = args
        .texts
        .unused_id(checked.iter().filter_map(|c| c.map.as_ref()))
    {
        return Err(e);
    }
    let (reports, models): (Vec<_>, Vec<_>) = checked
        .into_iter()
        .map(|c| (c.report, (c.map, c.graph, c.texts)))
        .unzip();
    // Freeing the models, graphs and texts takes a tenth of a second for a
    // map of 100,000 claims, and the process is about to exit, which returns
    // the memory at once.
    std::mem::forget(models);
    match args.format {
        Format::Human => output::eprint(&human::render(&reports, true, args.quiet)),
        Format::Json => output::print(&json::render(&reports), "the findings")?,
        Format::Sarif => output::print(
            &sarif::render(
                &reports,
                &argmap::rules::sarif_rules(),
                sarif::ToolInfo::argmap(),
            ),
            "the findings",
        )?,
        Format::Github => output::print(&github::render(&reports, args.quiet), "the findings")?,
    }
    let errors: usize = reports.iter().map(|r| r.errors()).sum();
    Ok(if errors > 0 { FINDINGS } else { SUCCESS })
}
