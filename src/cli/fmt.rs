//! `argmap fmt`: rewrite maps in place in one layout (the library's
//! [`argmap::fmt`] makes the text), or with `--check`/`--diff` say which
//! would change. The one command that writes over its input map, on
//! purpose and atomically.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};

use clap::Args;

use super::{FAILURE, FINDINGS, Outcome, SUCCESS, fail, input, output};
use argmap::english;

pub const EXAMPLES: &str = "\
Examples:
  argmap fmt maps/*.toml                           format maps in place
  argmap fmt --check maps/*.toml                   exit 1 if a map is not formatted (for CI)
  argmap fmt --diff maps/*.toml                    what formatting would change, as a diff
  argmap fmt - < examples/bridge.toml > tidy.toml  stdin to stdout

Tables are grouped by kind ([map], [lints], [limits], sections, actors,
sources, claims, arguments), each kind in the order written, and keys are
put in the order of docs/map-format.md; comments move with the table or key
below them. Values, key names, comments and the order of items are all
kept: the result is read back and compared with the map before anything is
written, and the file is replaced atomically.

Exit codes: 0 formatted (or, with --check, nothing to change), 1 with
--check or --diff: a map would change, 2 a map could not be formatted.";

/// Arguments of `argmap fmt`.
#[derive(Args, Debug)]
pub struct FmtArgs {
    /// The maps to format, each rewritten in place (`-`: read stdin, write stdout).
    #[arg(value_name = "MAP", required = true)]
    maps: Vec<PathBuf>,

    /// Write nothing; name each map that is not formatted, and exit 1 if there is one.
    #[arg(long)]
    check: bool,

    /// Like --check, and print what would change as a unified diff on stdout.
    #[arg(long)]
    diff: bool,
}

/// What formatting one map did.
enum Done {
    /// It was formatted already.
    Same,
    /// It changed (or, with `--check`, would change).
    Changed,
}

/// Runs `fmt`; returns the exit code.
pub fn run(args: &FmtArgs) -> Outcome {
    let stdin = Path::new("-");
    if args.maps.iter().filter(|m| *m == stdin).count() > 1 {
        return Err(fail("`-` (stdin) can be given only once", None));
    }
    let check = args.check || args.diff;
    let (mut same, mut changed, mut failed) = (Vec::new(), Vec::new(), 0);
    for map in &args.maps {
        // Formatting stdin to stdout, as editors do, is said on stdout only.
        let quiet = !check && map == stdin;
        match one(map, check, args.diff) {
            Ok(_) if quiet => {}
            Ok(Done::Same) => same.push((shown(map), map.as_path())),
            Ok(Done::Changed) => changed.push((shown(map), map.as_path())),
            Err(e) => {
                super::report(&e);
                failed += 1;
            }
        }
    }
    if let Some(summary) = summary(check, &changed, &same) {
        output::eprint(&format!("{summary}\n"));
    }
    Ok(if failed > 0 {
        FAILURE
    } else if check && !changed.is_empty() {
        FINDINGS
    } else {
        SUCCESS
    })
}

/// The last line of a run: what was formatted already, or what to run
/// after `--check`; `changed` and `same` are the maps formatted without
/// error, as [`shown`] names them.
fn summary(check: bool, changed: &[(String, &Path)], same: &[(String, &Path)]) -> Option<String> {
    let (n, m) = (changed.len(), changed.len() + same.len());
    if n == 0 {
        let already = if check { "" } else { " already" };
        return match same {
            [] => None,
            [(one, _)] => Some(format!("{one} is formatted{already}")),
            _ => Some(format!("{} formatted{already}", maps_are(m))),
        };
    }
    if !check {
        return match same.len() {
            0 => None,
            1 => Some("the other map is formatted already".to_owned()),
            k => Some(format!("the {k} other maps are formatted already")),
        };
    }
    match changed {
        [(_, path)] if m == 1 => Some(format!("run `argmap fmt {}` to format it", path.display())),
        _ => Some(format!(
            "{n} of {} would be reformatted; run `argmap fmt` on {} to format {}",
            english::count(m, "map"),
            english::either(n, "it", "them"),
            english::either(n, "it", "them"),
        )),
    }
}

/// `3 maps are`, `1 map is`.
fn maps_are(n: usize) -> String {
    format!(
        "{} {}",
        english::count(n, "map"),
        english::either(n, "is", "are")
    )
}

/// A map as messages name it: `` `path` ``, or `stdin`.
fn shown(map: &Path) -> String {
    if map == Path::new("-") {
        "stdin".to_owned()
    } else {
        format!("`{}`", map.display())
    }
}

/// Formats one map: in place, to stdout for `-`, or, with `check`, only
/// says whether it would change (and with `diff`, how).
fn one(map: &Path, check: bool, diff: bool) -> Result<Done, super::Error> {
    let from_stdin = map == Path::new("-");
    let name = if from_stdin {
        "stdin".to_owned()
    } else {
        map.display().to_string()
    };
    let who = shown(map);
    let bytes = if from_stdin {
        read_stdin()?
    } else {
        input::read_map(map)?
    };
    let formatted = match argmap::fmt::format(&name, &bytes) {
        Ok(f) => f,
        Err(argmap::fmt::Error::NotToml(report)) => {
            // The findings alone: errors only, without `check`'s summary line.
            output::eprint(&argmap::diag::render::human::render(&[*report], true, true));
            return Err(fail(
                &format!("{who} is not valid TOML, so it cannot be formatted"),
                None,
            ));
        }
        Err(e @ argmap::fmt::Error::Unreadable { .. }) => {
            let path = if from_stdin {
                "-".to_owned()
            } else {
                name.clone()
            };
            return Err(fail(
                &format!("cannot format {who}: {e}"),
                Some(&format!(
                    "fix what `argmap check {path}` reports there first; nothing was written"
                )),
            ));
        }
        Err(e @ argmap::fmt::Error::Changed(_)) => {
            return Err(super::fail_with_notes(
                &format!("cannot format {who}: {e}"),
                &["nothing was written".to_owned()],
                Some("this is a bug in `argmap fmt`; please report it with the map"),
            ));
        }
    };
    let done = if formatted == bytes {
        Done::Same
    } else {
        Done::Changed
    };
    if check {
        if let Done::Changed = done {
            output::eprint(&format!("would reformat {who}\n"));
            if diff {
                let (old, new) = (
                    String::from_utf8_lossy(&bytes),
                    String::from_utf8_lossy(&formatted),
                );
                let patch = similar::TextDiff::from_lines(old.as_ref(), new.as_ref())
                    .unified_diff()
                    .context_radius(3)
                    .header(&name, &name)
                    .to_string();
                output::print(&patch, "the diff")?;
            }
        }
        return Ok(done);
    }
    if from_stdin {
        let mut stdout = std::io::stdout().lock();
        stdout
            .write_all(&formatted)
            .and_then(|()| stdout.flush())
            .or_else(output::closed_pipe)
            .map_err(|e| {
                fail(
                    &format!("cannot write to stdout: {}", input::io_reason(&e)),
                    None,
                )
            })?;
        return Ok(done);
    }
    if let Done::Changed = done {
        output::rewrite_atomically(map, &formatted).map_err(|e| {
            fail(
                &format!(
                    "cannot write {who}: {}; it is unchanged",
                    output::write_reason(map, &e)
                ),
                None,
            )
        })?;
        output::eprint(&format!("formatted {who}\n"));
    }
    Ok(done)
}

/// Standard input, at most as many bytes as a map file may have.
fn read_stdin() -> Result<Vec<u8>, super::Error> {
    let limit = argmap::load::MAX_MAP_BYTES;
    let mut bytes = Vec::new();
    std::io::stdin()
        .lock()
        .take(limit as u64 + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| {
            fail(
                &format!("cannot read stdin: {}", input::io_reason(&e)),
                None,
            )
        })?;
    if bytes.len() > limit {
        return Err(fail(
            &format!("stdin is larger than {} MiB", limit / (1024 * 1024)),
            None,
        ));
    }
    Ok(bytes)
}
