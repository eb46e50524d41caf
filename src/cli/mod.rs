//! The command line: clap definitions, and one module per subcommand.
//!
//! Commands print; the library they call does not. Every command returns
//! its exit code: [`SUCCESS`], [`FINDINGS`] or [`FAILURE`].

mod check;
mod completions;
mod document;
mod draft;
mod eval;
mod explain;
mod export;
mod fmt;
mod import;
mod init;
mod input;
mod lsp;
mod man;
mod migrate;
mod output;
mod render;
mod report;
mod schema;
mod view;
mod watch;

use clap::{ArgMatches, Args, CommandFactory, FromArgMatches, Parser, Subcommand, ValueEnum};

pub use argmap::app::Error;
use argmap::app::io_reason;
use argmap::diag::{Level, Levels};

/// What a command returns: its exit code when it ran (0 or 1), or why it
/// could not.
pub type Outcome = Result<u8, Error>;

/// No error-level finding.
pub const SUCCESS: u8 = 0;
/// At least one error-level finding.
pub const FINDINGS: u8 = 1;
/// The command could not run: bad arguments, unreadable file.
pub const FAILURE: u8 = 2;

const EXAMPLES: &str = "\
Examples:
  argmap init                                 start a map: a commented example, map.toml
  argmap check examples/bridge.toml           check a map
  argmap check --format json examples/*.toml  findings as JSON, for tools
  argmap check -A orphan-claim -D unused-source examples/bridge.toml
  argmap explain                              list every diagnostic code
  argmap explain uncited-claim                what a code means and how to fix it
  argmap render examples/bridge.toml -o bridge.svg   draw it (.dot needs no Graphviz)
  argmap eval examples/bridge.toml            what survives the objections
  argmap report examples/bridge.toml -o audit.md   the reviewer's audit
  argmap check examples/bridge.toml --text inspection=examples/bridge-inspection.txt   quotes too

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
    /// Evaluate a map: label each claim and argument accepted, rejected or undecided.
    #[command(after_help = eval::EXAMPLES)]
    Eval(eval::EvalArgs),
    /// Draw a map as a Graphviz diagram: DOT, SVG, PNG or PDF.
    #[command(after_help = render::EXAMPLES)]
    Render(render::RenderArgs),
    /// Write the audit report of a map: per section, bibliography, quotes, evaluation.
    #[command(after_help = report::EXAMPLES)]
    Report(report::ReportArgs),
    /// Export a map as argmap JSON, Argdown, AIF, Mermaid, GraphML or Kialo's text.
    #[command(after_help = export::EXAMPLES)]
    Export(export::ExportArgs),
    /// Import a map from AIF JSON (AIFdb, OVA) or a Kialo text export into an argmap map file.
    #[command(after_help = import::EXAMPLES)]
    Import(import::ImportArgs),
    /// Show what argmap reads in a text: sections, in-text citations, reference entries.
    #[command(after_help = document::EXAMPLES)]
    Document(document::DocumentArgs),
    /// Draft a starting map from a document: sections, sources, a claim stub per paragraph.
    #[command(after_help = draft::EXAMPLES)]
    Draft(draft::DraftArgs),
    /// Print the JSON Schema of the map format, for editors.
    #[command(after_help = schema::EXAMPLES)]
    Schema(schema::SchemaArgs),
    /// Rewrite a map in the current version of the format (comments kept).
    #[command(after_help = migrate::EXAMPLES)]
    Migrate(migrate::MigrateArgs),
    /// Write an interactive viewer of a map: one offline HTML file, with search and details.
    #[command(after_help = view::EXAMPLES)]
    View(view::ViewArgs),
    /// Format maps in place: tables grouped by kind, keys in the documented order.
    #[command(after_help = fmt::EXAMPLES)]
    Fmt(fmt::FmtArgs),
    /// Start a map: write a commented starter map that passes `check`.
    #[command(after_help = init::EXAMPLES)]
    Init(init::InitArgs),
    /// Print the completion script of a shell: bash, zsh, fish, elvish or powershell.
    #[command(after_help = completions::EXAMPLES)]
    Completions(completions::CompletionsArgs),
    /// Print argmap's manual pages (roff), or write them all into a folder.
    #[command(after_help = man::EXAMPLES)]
    Man(man::ManArgs),
    /// Run the language server for editors: diagnostics, completion, rename and more, over stdio.
    #[command(after_help = lsp::EXAMPLES)]
    Lsp(lsp::LspArgs),
}

/// Output format of findings.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// rustc-style text on stderr
    Human,
    /// one JSON object on stdout
    Json,
    /// a SARIF 2.1.0 log on stdout, for code scanning
    Sarif,
    /// GitHub Actions annotations (workflow commands) on stdout
    Github,
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
            levels.set_named(&code, level).map_err(|e| e.to_string())?;
        }
        Ok(levels)
    }
}

/// `--text ID=PATH` and `--allow-outside-texts`, on every command that reads maps.
#[derive(Args, Debug, Default)]
pub struct TextArgs {
    /// Check quotes from source ID against the plain text at PATH (repeatable); wins over the
    /// source's `text` key. Use it for texts that cannot ship with the map.
    #[arg(long = "text", value_name = "ID=PATH", value_parser = parse_text_arg, action = clap::ArgAction::Append)]
    texts: Vec<(String, std::path::PathBuf)>,
    /// Let `text` keys in maps point outside the map's folder (absolute paths, `..`, symbolic links).
    #[arg(long)]
    allow_outside_texts: bool,
    /// Read no project file (`argmap-project.toml`, beside the map or in a folder above it).
    #[arg(long)]
    no_project: bool,
}

/// `--text` and `--allow-outside-texts` on the commands that read no
/// source text (`render`, `eval`, `export`): accepted, since every command
/// that reads maps once took them, and ignored, with a note.
#[derive(Args, Debug, Default)]
pub struct IgnoredTextArgs {
    #[arg(long = "text", value_name = "ID=PATH", hide = true, action = clap::ArgAction::Append)]
    texts: Vec<String>,
    #[arg(long, hide = true)]
    allow_outside_texts: bool,
}

impl IgnoredTextArgs {
    /// Says, once, that `command` ignores them, when any was given.
    pub fn note(&self, command: &str) {
        if !self.texts.is_empty() || self.allow_outside_texts {
            output::eprint(&format!(
                "note: `argmap {command}` reads no source texts: `--text` and \
                 `--allow-outside-texts` are ignored; `argmap check` and `argmap report` check quotes\n"
            ));
        }
    }
}

fn parse_text_arg(s: &str) -> Result<(String, std::path::PathBuf), String> {
    match s.split_once('=') {
        Some((id, path)) if !id.is_empty() && !path.is_empty() => Ok((id.to_owned(), path.into())),
        _ => Err("expected ID=PATH, for example `--text lee-chapter=chapter.txt`".to_owned()),
    }
}

impl TextArgs {
    /// Whether any `--text` or `--allow-outside-texts` was given.
    pub fn given(&self) -> bool {
        !self.texts.is_empty() || self.allow_outside_texts
    }

    /// The options, once every `--text` file is known to be readable.
    pub fn options(&self) -> Result<argmap::texts::TextOptions, Error> {
        for (id, path) in &self.texts {
            match std::fs::metadata(path) {
                Ok(m) if m.is_file() => {}
                Ok(_) => {
                    return Err(fail(
                        &format!("`--text {id}={}`: not a file", path.display()),
                        None,
                    ));
                }
                Err(e) => {
                    return Err(fail(
                        &format!("`--text {id}={}`: {}", path.display(), io_reason(&e)),
                        None,
                    ));
                }
            }
        }
        Ok(argmap::texts::TextOptions {
            overrides: self.texts.clone(),
            allow_outside: self.allow_outside_texts,
            ..Default::default()
        })
    }

    /// The project file that applies to the map at `map`, unless
    /// `--no-project`.
    pub fn project(
        &self,
        map: &std::path::Path,
    ) -> Result<Option<argmap::app::FoundProject>, Error> {
        if self.no_project {
            return Ok(None);
        }
        argmap::app::project_for(map, true)
    }

    /// The failure for a `--text` id that names no source in any of `maps`.
    pub fn unused_id<'m>(
        &self,
        maps: impl Iterator<Item = &'m argmap::model::Map> + Clone,
    ) -> Option<Error> {
        argmap::app::unused_text_id(&self.texts, maps)
    }
}

/// The date in `ARGMAP_TODAY` (`YYYY-MM-DD`), which `accessed-date` takes as
/// today instead of the system clock's date; unset or empty: `None`. An
/// unreadable value is a usage error (exit 2).
pub fn today() -> Result<Option<argmap::model::Date>, Error> {
    let Some(value) = std::env::var_os("ARGMAP_TODAY") else {
        return Ok(None);
    };
    let text = value.to_string_lossy();
    if text.is_empty() {
        return Ok(None);
    }
    match argmap::model::Date::strptime("%Y-%m-%d", text.trim()) {
        Ok(date) => Ok(Some(date)),
        Err(_) => Err(fail(
            &format!("`ARGMAP_TODAY` is `{}`, not a date", text.escape_debug()),
            Some("give a date as YYYY-MM-DD, such as `ARGMAP_TODAY=2026-11-26`, or unset it"),
        )),
    }
}

/// A command failure (exit 2) with `message` and maybe a `help` line.
pub fn fail(message: &str, help: Option<&str>) -> Error {
    fail_with_notes(message, &[], help)
}

/// A command failure (exit 2) with `= note:` lines.
pub fn fail_with_notes(message: &str, notes: &[String], help: Option<&str>) -> Error {
    let mut e = Error::failed(message);
    for n in notes {
        e = e.with_note(n.clone());
    }
    match help {
        Some(h) => e.with_help(h),
        None => e,
    }
}

/// Prints why a command stopped, in the house style, and returns its exit
/// code: the one place an error becomes an exit code.
fn report(e: &Error) -> u8 {
    match e {
        Error::Failed {
            message,
            notes,
            help,
        } => {
            let style = anstyle::Style::new()
                .bold()
                .fg_color(Some(anstyle::AnsiColor::Red.into()));
            let mut text = format!("{style}error{style:#}: {message}\n");
            for note in notes {
                text.push_str(&format!("  = note: {note}\n"));
            }
            if let Some(help) = help {
                text.push_str(&format!("  = help: {help}\n"));
            }
            // A closed stderr leaves nothing to tell.
            output::write_styled(std::io::stderr().lock(), &text).ok();
        }
        Error::NotToml { findings } | Error::Project { findings } => {
            output::write_styled(std::io::stderr().lock(), findings).ok();
        }
    }
    e.exit_code()
}

/// Prints a warning in the house style.
pub fn warn(message: &str) {
    let style = anstyle::Style::new()
        .bold()
        .fg_color(Some(anstyle::AnsiColor::Yellow.into()));
    anstream::eprintln!("{style}warning{style:#}: {message}");
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
    let done = match (cli.command, sub) {
        (Command::Check(args), Some(m)) => check::run(&args, m),
        (Command::Explain(args), _) => explain::run(&args),
        (Command::Report(args), _) => report::run(&args),
        (Command::Eval(args), _) => eval::run(&args),
        (Command::Render(args), _) => render::run(&args),
        (Command::Export(args), _) => export::run(&args),
        (Command::Import(args), _) => import::run(&args),
        (Command::Schema(args), _) => schema::run(&args),
        (Command::Document(args), _) => document::run(&args),
        (Command::Draft(args), _) => draft::run(&args),
        (Command::Migrate(args), _) => migrate::run(&args),
        (Command::View(args), _) => view::run(&args),
        (Command::Fmt(args), _) => fmt::run(&args),
        (Command::Init(args), _) => init::run(&args),
        (Command::Completions(args), _) => completions::run(&args),
        (Command::Man(args), _) => man::run(&args),
        (Command::Lsp(args), _) => lsp::run(&args),
        (Command::Check(_), None) => Ok(FAILURE),
    };
    match done {
        Ok(code) => code,
        Err(e) => report(&e),
    }
}
