//! `argmap check`: load maps, run every rule, print the findings.

use std::path::PathBuf;

use clap::{ArgMatches, Args};

use super::{FINDINGS, Format, LevelArgs, Outcome, SUCCESS, TextArgs, fail, input, output, watch};
use argmap::app::FoundProject;
use argmap::diag::render::summary::{self, Show};
use argmap::diag::render::{github, human, json, sarif};

pub const EXAMPLES: &str = "\
Examples:
  argmap check examples/bridge.toml
  argmap check --format json examples/*.toml > findings.json
  argmap check -A orphan-claim -D unused-source examples/bridge.toml
  argmap check --quiet examples/bridge.toml && echo sound
  argmap check --statistics maps/cpc-and-sovereignty.toml
  argmap check examples/bridge.toml --text inspection=examples/bridge-inspection.txt

Levels: each code has a default level; a project file's [lints] overrides it,
a map's [lints] table overrides both, and -A (allow), -W (warn) and -D (deny:
error) override all of them, the last one given winning. `argmap explain`
lists the codes.

Project file: argmap-project.toml in the map's folder or a folder above it
(up to the repository's root) names source texts and levels for the maps
there; --text wins over its texts, --no-project ignores it.

Environment: NO_COLOR turns colour off; ARGMAP_TODAY=YYYY-MM-DD is the date
`accessed-date` takes as today (default: the system clock's date, UTC), for
output that must not change from one day to the next.

Watch: `argmap check --watch map.toml` checks again each time the map or a
source text it reads is saved, 200 ms after the last write, with a line
giving the time; ctrl-c ends it (exit code 130).";

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
    #[arg(short, long, conflicts_with_all = ["all", "statistics"])]
    quiet: bool,

    /// Print every finding in full. Without it, when there are more than
    /// ten warnings, errors are printed in full and warnings counted by
    /// code and section, with the uncited claims of each section and what
    /// was not checked.
    #[arg(long, conflicts_with = "statistics")]
    all: bool,

    /// Print only the counts: findings by code, and by section.
    #[arg(long)]
    statistics: bool,

    /// Check again each time a map or a source text it reads is saved,
    /// until ctrl-c (exit code 130).
    #[arg(long)]
    watch: bool,

    #[command(flatten)]
    levels: LevelArgs,

    #[command(flatten)]
    texts: TextArgs,
}

impl CheckArgs {
    /// How much of the findings to print.
    fn show(&self) -> Show {
        if self.quiet {
            Show::Errors
        } else if self.all {
            Show::All
        } else if self.statistics {
            Show::Statistics
        } else {
            Show::Auto
        }
    }
}

/// Runs `check`; returns the exit code.
pub fn run(args: &CheckArgs, matches: &ArgMatches) -> Outcome {
    let cli_levels = LevelArgs::levels(matches).map_err(|e| fail(&e, None))?;
    if args.watch {
        return watch::watch(&args.maps, |read| once(args, &cli_levels, read));
    }
    once(args, &cli_levels, &mut Vec::new())
}

/// Checks the maps once and prints the findings; adds the files it read,
/// or meant to, to `read` (the maps, their texts and project files).
fn once(args: &CheckArgs, cli_levels: &argmap::diag::Levels, read: &mut Vec<PathBuf>) -> Outcome {
    read.extend(args.maps.iter().cloned());
    let today = super::today()?;
    let mut inputs = Vec::with_capacity(args.maps.len());
    // The project files used, each once, and which maps used each.
    let mut projects: Vec<(FoundProject, Vec<usize>)> = Vec::new();
    for (i, path) in args.maps.iter().enumerate() {
        let bytes = input::read_map(path)?;
        let (texts, project_levels, project) = input::with_project(path, &args.texts)?;
        if let Some(p) = project {
            match projects.iter_mut().find(|(q, _)| q.path == p.path) {
                Some((_, maps)) => maps.push(i),
                None => projects.push((p, vec![i])),
            }
        }
        let opts = argmap::check::Options {
            levels: cli_levels.clone(),
            project_levels,
            texts,
            today,
            scope: argmap::check::Scope::Everything,
            cache: None,
        };
        inputs.push((path.display().to_string(), bytes, opts));
    }
    read.extend(projects.iter().map(|(p, _)| p.path.clone()));
    let checked: Vec<_> = inputs
        .into_iter()
        .zip(&args.maps)
        .map(|((name, bytes, opts), path)| {
            let checked = argmap::check::check_owned(&name, bytes, &opts);
            if let Some(map) = &checked.map {
                read.extend(argmap::texts::wanted(map, path, &opts.texts));
            }
            checked
        })
        .collect();
    if let Some(e) = args
        .texts
        .unused_id(checked.iter().filter_map(|c| c.map.as_ref()))
    {
        return Err(e);
    }
    if !args.quiet {
        for (project, maps) in &projects {
            let used = maps
                .iter()
                .filter_map(|&i| checked.get(i).and_then(|c| c.map.as_ref()));
            output::eprint(&project_line(project, used, maps.len()));
        }
    }
    let (reports, models): (Vec<_>, Vec<_>) = checked
        .into_iter()
        .map(|c| (c.report, (c.map, c.graph, c.texts)))
        .unzip();
    // Freeing the models, graphs and texts takes a tenth of a second for a
    // map of 100,000 claims, and the process is about to exit, which returns
    // the memory at once; a watch checks again, and frees them.
    if args.watch {
        drop(models);
    } else {
        std::mem::forget(models);
    }
    match args.format {
        Format::Human => output::eprint(&match args.show().resolve(&reports) {
            Show::Auto | Show::All => human::render(&reports, true, false),
            Show::Errors => human::render(&reports, true, true),
            Show::Summary => summary::render(&reports, true),
            Show::Statistics => summary::statistics(&reports),
        }),
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

/// The line that says which project file was used, and a note for each
/// text it names for a source that none of the `maps` (there are `count`)
/// has: one project file may serve several maps, so this is not an error.
fn project_line<'m>(
    project: &FoundProject,
    maps: impl Iterator<Item = &'m argmap::model::Map> + Clone,
    count: usize,
) -> String {
    let mut out = format!("using the project file `{}`\n", project.path.display());
    let whose = if count == 1 { "the map" } else { "these maps" };
    for (id, closest) in project.unknown_ids(maps) {
        let hint = closest.map_or_else(String::new, |s| format!("; did you mean `{s}`?"));
        out.push_str(&format!(
            "  note: its text for `{id}` is not used: {whose} {} no source `{id}`{hint}\n",
            if count == 1 { "has" } else { "have" }
        ));
    }
    out
}
