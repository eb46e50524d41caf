//! The command line: clap definitions, and one module per subcommand.
//!
//! Commands print; the library they call does not. Every command returns
//! its exit code: [`SUCCESS`], [`FINDINGS`] or [`FAILURE`].

mod check;
mod explain;
mod input;

use clap::{ArgMatches, Args, CommandFactory, FromArgMatches, Parser, Subcommand, ValueEnum};

use argmap::diag::{Level, Levels};

/// No error-level finding.
pub const SUCCESS: u8 = 0;
/// At least one error-level finding.
pub const FINDINGS: u8 = 1;
/// The command could not run: bad arguments, unreadable file.
pub const FAILURE: u8 = 2;

const EXAMPLES: &str = "\
Examples:
  argmap check maps/bridge.toml               check a map
  argmap check --format json maps/*.toml      findings as JSON, for tools
  argmap check -A orphan-claim -D unused-source maps/bridge.toml
  argmap explain                              list every diagnostic code
  argmap explain uncited-claim                what a code means and how to fix it

Exit codes: 0 no error-level finding, 1 error-level findings, 2 the command could not run.";

/// Argument mapping and claim verification.
///
/// argmap reads argument maps written in TOML (claims, the premises that
/// support them, the counterpoints that attack them, and the sources they
/// cite), checks that every claim is cited and the structure is sound, and
/// explains every finding.
#[derive(Parser, Debug)]
#[command(name = "argmap", version, after_help = EXAMPLES)]
struct Cli {
    /// When to colour output: auto (on a terminal, unless NO_COLOR is set), always, never.
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto, global = true)]
    color: ColorChoice,

    #[command(subcommand)]
    command: Command,
}

#[derive(Clone, Copy, Debug, ValueEnum)]
enum ColorChoice {
    Auto,
    Always,
    Never,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Check maps: citations, references, structure.
    #[command(after_help = check::EXAMPLES)]
    Check(check::CheckArgs),
    /// Explain a diagnostic code, or list them all.
    #[command(after_help = explain::EXAMPLES)]
    Explain(explain::ExplainArgs),
}

/// Output format of findings.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// rustc-style text on stderr
    Human,
    /// one JSON object on stdout
    Json,
}

/// `-A/-W/-D`: level overrides, applied in command-line order.
#[derive(Args, Debug, Default)]
pub struct LevelArgs {
    /// Allow (silence) the findings of CODE. Repeatable.
    #[arg(short = 'A', long = "allow", value_name = "CODE", action = clap::ArgAction::Append)]
    allow: Vec<String>,
    /// Report the findings of CODE as warnings. Repeatable.
    #[arg(short = 'W', long = "warn", value_name = "CODE", action = clap::ArgAction::Append)]
    warn: Vec<String>,
    /// Report the findings of CODE as errors (deny). Repeatable.
    #[arg(short = 'D', long = "deny", value_name = "CODE", action = clap::ArgAction::Append)]
    deny: Vec<String>,
}

impl LevelArgs {
    /// The overrides in the order they were given, the last one winning.
    pub fn levels(matches: &ArgMatches) -> Result<Levels, String> {
        let mut given: Vec<(usize, Level, String)> = Vec::new();
        for (id, level) in [
            ("allow", Level::Allow),
            ("warn", Level::Warn),
            ("deny", Level::Error),
        ] {
            let (Some(values), Some(indices)) =
                (matches.get_many::<String>(id), matches.indices_of(id))
            else {
                continue;
            };
            given.extend(values.zip(indices).map(|(v, i)| (i, level, v.clone())));
        }
        given.sort_by_key(|(i, _, _)| *i);
        let mut levels = Levels::default();
        for (_, level, code) in given {
            levels.set(&code, level).map_err(|e| e.to_string())?;
        }
        Ok(levels)
    }
}

/// Prints a command failure in the house style and returns [`FAILURE`].
pub fn fail(message: &str, help: Option<&str>) -> u8 {
    let style = anstyle::Style::new()
        .bold()
        .fg_color(Some(anstyle::AnsiColor::Red.into()));
    anstream::eprintln!("{style}error{style:#}: {message}");
    if let Some(help) = help {
        anstream::eprintln!("  = help: {help}");
    }
    FAILURE
}

/// Parses the command line and runs the command.
pub fn run() -> u8 {
    let matches = Cli::command().get_matches();
    let cli = match Cli::from_arg_matches(&matches) {
        Ok(cli) => cli,
        Err(e) => e.exit(),
    };
    match cli.color {
        ColorChoice::Auto => {}
        ColorChoice::Always => anstream::ColorChoice::Always.write_global(),
        ColorChoice::Never => anstream::ColorChoice::Never.write_global(),
    }
    let sub = matches.subcommand().map(|(_, m)| m);
    match (cli.command, sub) {
        (Command::Check(args), Some(m)) => check::run(&args, m),
        (Command::Explain(args), _) => explain::run(&args),
        (Command::Check(_), None) => FAILURE,
    }
}
