//! `argmap import`: turn another tool's argument map (AIF JSON, from AIFdb
//! or OVA) into an argmap map file.

use std::io::Read;
use std::path::{Path, PathBuf};

use clap::{Args, ValueEnum};

use super::{Outcome, SUCCESS, fail, input, output, warn};
use argmap::import::aif;

pub const EXAMPLES: &str = "\
Examples:
  argmap import examples/debate.json --from aif -o debate.toml   AIFdb JSON or OVA's xAIF
  argmap import examples/debate.json --from aif --title \"The debate\" > debate.toml
  argmap export examples/bridge.toml --to aif | argmap import - --from aif   a round trip

I nodes become claims, RA nodes supports or linked arguments, CA nodes attacks
(an attack on an RA node undercuts its argument), participants actors, and a
locution linked to an I node gives that claim its `by`. What argmap has no place
for (TA, MA and PA nodes, for one) is counted on stderr. Exit codes: 0 imported,
2 the file cannot be read or is not AIF (the error names the node or edge).";

/// `--from`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum FromArg {
    /// AIF JSON: AIFdb's form or OVA's xAIF
    Aif,
}

/// Arguments of `argmap import`.
#[derive(Args, Debug)]
pub struct ImportArgs {
    /// The file to import (`-` for stdin).
    #[arg(value_name = "FILE")]
    file: PathBuf,

    /// The format of FILE.
    #[arg(long, value_enum, value_name = "FORMAT", default_value_t = FromArg::Aif)]
    from: FromArg,

    /// Where to write the map (`-` for stdout, the default).
    #[arg(short, long, value_name = "MAP", default_value = "-")]
    output: PathBuf,

    /// The map's title. Default: "Imported from FILE".
    #[arg(long)]
    title: Option<String>,
}

/// The largest file `import` reads: AIF JSON takes about four times the
/// bytes of the same map in TOML, so four times the largest map.
const MAX_IMPORT_BYTES: usize = 4 * argmap::load::MAX_MAP_BYTES;

/// The bytes of `path` (`-`: stdin), at most [`MAX_IMPORT_BYTES`].
fn read(path: &Path) -> Result<Vec<u8>, String> {
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
            return Err(format!("`{shown}` is a directory, not an AIF file"));
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
    let bytes = read(&args.file).map_err(|e| fail(&e, None))?;
    let shown = if args.file == Path::new("-") {
        "stdin".to_owned()
    } else {
        format!("`{}`", args.file.display())
    };
    let name = args
        .file
        .file_name()
        .map_or_else(|| "stdin".to_owned(), |n| n.to_string_lossy().into_owned());
    let options = aif::Options {
        title: args
            .title
            .clone()
            .unwrap_or_else(|| format!("Imported from {name}")),
    };
    let imported = match args.from {
        FromArg::Aif => aif::import(&bytes, &options),
    };
    let imported = match imported {
        Ok(i) => i,
        Err(e) => {
            return Err(fail(
                &format!("cannot import {shown}: {e}"),
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
    if let Some(left_out) = s.left_out() {
        anstream::eprintln!("note: left out {left_out}: argmap has no place for them");
    }
    for note in &s.notes {
        anstream::eprintln!("note: {note}");
    }
    if s.claims > 0 {
        anstream::eprintln!(
            "note: AIF has no sources, so no claim is cited; the map's `[lints]` reports uncited claims as warnings"
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
            "the imported map has {} ({}) from the structure of the AIF; {show}",
            count(errors, "error", "errors"),
            codes.join(", "),
        ));
    }
    Ok(SUCCESS)
}
