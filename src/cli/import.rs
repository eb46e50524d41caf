//! `argmap import`: turn another tool's argument map (AIF JSON, from AIFdb
//! or OVA; Kialo's plain-text export) into an argmap map file.

use std::io::Read;
use std::path::{Path, PathBuf};

use clap::{Args, ValueEnum};

use super::{Outcome, SUCCESS, fail, input, output, warn};
use argmap::import::{ImportError, Imported, aif, kialo};

pub const EXAMPLES: &str = "\
Examples:
  argmap import examples/debate.json --from aif -o debate.toml   AIFdb JSON or OVA's xAIF
  argmap import examples/debate.json --from aif --title \"The debate\" > debate.toml
  argmap export examples/bridge.toml --to aif | argmap import - --from aif   a round trip
  argmap import examples/bridge-debate.kialo.txt -o debate.toml   from Kialo

I nodes become claims, RA nodes supports or linked arguments (labelled with their
scheme, unless it is a default one), CA nodes attacks (an attack on an RA node
undercuts its argument). Participants, and speakers named in L nodes
(\"Speaker : words\"), become actors; an L node linked to an I node through a
YA node puts its speaker in that claim's `by`. The one claim that is supported
and leads nowhere becomes the thesis. What argmap has no place for (MA, PA and
TA nodes, timestamps, ...) is counted on stderr.

From Kialo, the thesis `1.` becomes the thesis, each claim a claim, a Pro
supports the claim above it, a Con attacks it, and `-> See N` gives claim N
that relation too. Without --from, a `.json` file is AIF, a `.txt` file or
one that starts with `Discussion Title:` is Kialo, and anything else AIF.
Exit codes: 0 imported, 2 the file cannot be read or is not of its format
(the error names the node or edge, or the line and column).";

/// `--from`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum FromArg {
    /// AIF JSON: AIFdb's form or OVA's xAIF
    Aif,
    /// Kialo's plain-text export of a discussion
    Kialo,
}

impl FromArg {
    /// The format's name in messages.
    fn name(self) -> &'static str {
        match self {
            FromArg::Aif => "AIF",
            FromArg::Kialo => "Kialo",
        }
    }

    /// The format of `path` holding `bytes`, when `--from` names none: by
    /// the extension, then by the first line; AIF otherwise.
    fn detect(path: &Path, bytes: &[u8]) -> FromArg {
        match path.extension().and_then(|e| e.to_str()) {
            Some(e) if e.eq_ignore_ascii_case("json") => return FromArg::Aif,
            Some(e) if e.eq_ignore_ascii_case("txt") => return FromArg::Kialo,
            _ => {}
        }
        let start = bytes.strip_prefix("\u{feff}".as_bytes()).unwrap_or(bytes);
        let start = start.trim_ascii_start();
        if start.starts_with(argmap::kialo::TITLE.as_bytes()) {
            FromArg::Kialo
        } else {
            FromArg::Aif
        }
    }
}

/// Arguments of `argmap import`.
#[derive(Args, Debug)]
pub struct ImportArgs {
    /// The file to import (`-` for stdin).
    #[arg(value_name = "FILE")]
    file: PathBuf,

    /// The format of FILE. Default: told from its extension or first line.
    #[arg(long, value_enum, value_name = "FORMAT")]
    from: Option<FromArg>,

    /// Where to write the map (`-` for stdout, the default).
    #[arg(short, long, value_name = "MAP", default_value = "-")]
    output: PathBuf,

    /// The map's title. Default: the Kialo discussion's title, else
    /// "Imported from FILE".
    #[arg(long)]
    title: Option<String>,

    /// Replace MAP if it exists (an import never writes over a map
    /// without it).
    #[arg(long)]
    force: bool,
}

/// The largest file `import` reads: AIF JSON takes about four times the
/// bytes of the same map in TOML, so four times the largest map.
const MAX_IMPORT_BYTES: usize = 4 * argmap::load::MAX_MAP_BYTES;

/// The bytes of `path` (`-`: stdin), at most [`MAX_IMPORT_BYTES`].
fn read(path: &Path, from: Option<FromArg>) -> Result<Vec<u8>, String> {
    let limit = MAX_IMPORT_BYTES;
    let mut bytes = Vec::new();
    let shown = path.display();
    if path == Path::new("-") {
        std::io::stdin()
            .lock()
            .take(limit as u64 + 1)
            .read_to_end(&mut bytes)
            .map_err(|e| format!("cannot read stdin: {}", input::io_reason(&e)))?;
    } else {
        if path.is_dir() {
            let what = from.map_or("a file to import", |f| match f {
                FromArg::Aif => "an AIF file",
                FromArg::Kialo => "a Kialo export",
            });
            return Err(format!("`{shown}` is a directory, not {what}"));
        }
        std::fs::File::open(path)
            .and_then(|f| f.take(limit as u64 + 1).read_to_end(&mut bytes))
            .map_err(|e| format!("cannot read `{shown}`: {}", input::io_reason(&e)))?;
    }
    if bytes.len() > limit {
        return Err(format!(
            "`{shown}` is larger than {} MiB",
            limit / (1024 * 1024)
        ));
    }
    Ok(bytes)
}

/// `1 claim`, `2 claims`.
fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", argmap::english::either(n, one, many))
}

/// Runs `import`; returns the exit code.
pub fn run(args: &ImportArgs) -> Outcome {
    // A map is edited by hand: an import never replaces one unasked.
    // (Over the input itself, `emit` refuses, and says so.)
    if args.output != Path::new("-")
        && !args.force
        && args.output.exists()
        && !output::same_file(&args.file, &args.output)
    {
        return Err(fail(
            &format!(
                "`{}` exists: an import does not write over a map",
                args.output.display()
            ),
            Some("choose another file, or pass `--force` to replace it"),
        ));
    }
    let bytes = read(&args.file, args.from).map_err(|e| fail(&e, None))?;
    let shown = if args.file == Path::new("-") {
        "stdin".to_owned()
    } else {
        format!("`{}`", args.file.display())
    };
    let name = args
        .file
        .file_name()
        .map_or_else(|| "stdin".to_owned(), |n| n.to_string_lossy().into_owned());
    let from = args
        .from
        .unwrap_or_else(|| FromArg::detect(&args.file, &bytes));
    let imported: Result<Imported, ImportError> = match from {
        FromArg::Aif => aif::import(
            &bytes,
            &aif::Options {
                title: args
                    .title
                    .clone()
                    .unwrap_or_else(|| format!("Imported from {name}")),
            },
        ),
        FromArg::Kialo => kialo::import(
            &bytes,
            &kialo::Options {
                title: args.title.clone(),
            },
        ),
    };
    let imported = match imported {
        Ok(i) => i,
        Err(e) => {
            let format = if args.from.is_none() {
                format!(" as {}", from.name())
            } else {
                String::new()
            };
            return Err(fail(
                &format!("cannot import {shown}{format}: {e}"),
                e.help.as_deref(),
            ));
        }
    };
    output::emit(
        &args.output,
        &[(args.file.as_path(), "input")],
        imported.toml.as_bytes(),
    )?;

    let s = &imported.summary;
    anstream::eprintln!("note: imported {} from {shown}", s.made());
    if let Some(line) = s.thesis.note() {
        anstream::eprintln!("note: {line}");
    }
    if !s.skipped.is_empty() {
        let mut text = "note: left out what argmap has no place for:\n".to_owned();
        for what in &s.skipped {
            text.push_str(&format!("  - {what}\n"));
        }
        anstream::eprint!("{text}");
    }
    for note in &s.notes {
        anstream::eprintln!("note: {note}");
    }
    if s.claims > 0 {
        let what = match from {
            FromArg::Aif => "AIF has",
            FromArg::Kialo => "Kialo's export has",
        };
        anstream::eprintln!(
            "note: {what} no sources, so no claim is cited; the map's `[lints]` reports uncited claims as warnings"
        );
    }
    let to_file = args.output != Path::new("-");
    let out_name = if to_file {
        args.output.display().to_string()
    } else {
        "map.toml".to_owned()
    };
    let checked = argmap::check::check(&out_name, imported.toml.as_bytes(), &Default::default());
    let errors = checked.report.errors();
    if errors > 0 {
        let mut codes: Vec<&str> = checked
            .report
            .diagnostics
            .iter()
            .filter(|d| d.severity == argmap::diag::Severity::Error)
            .map(|d| d.code.as_str())
            .collect();
        codes.sort_unstable();
        codes.dedup();
        let them = if errors == 1 { "it" } else { "them" };
        let show = if to_file {
            format!("`argmap check {out_name}` shows {them}")
        } else {
            format!("`argmap check` on the saved map shows {them}")
        };
        warn(&format!(
            "the imported map has {} ({}) from the structure of the {}; {show}",
            count(errors, "error", "errors"),
            codes.join(", "),
            match from {
                FromArg::Aif => "AIF",
                FromArg::Kialo => "discussion",
            },
        ));
    }
    Ok(SUCCESS)
}
