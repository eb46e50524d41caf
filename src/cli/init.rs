//! `argmap init`: write a starter map to begin from, never over a file
//! that exists.

use std::path::{Path, PathBuf};

use clap::Args;

use super::{Error, Outcome, SUCCESS, output};

pub const EXAMPLES: &str = "\
Examples:
  argmap init                          a starter map in map.toml
  argmap init bridge.toml --title \"Should the bridge be rebuilt?\"
  argmap init maps                     maps/map.toml, in the folder maps
  argmap init - > starter.toml         the same map on stdout
  argmap init && argmap check map.toml

The map has a thesis, a claim supporting it, a counterpoint and its answer,
a linked argument, two sections, an actor, two sources and a [lints] table,
each with a comment saying what it is for. It passes `argmap check` as it
is: rewrite each claim in your own words, and check again as you go
(`argmap check --watch`). docs/map-format.md describes every key.

FILE is the map's file; a name without an extension gets `.toml`, and a
folder gets `map.toml` in it. argmap never writes over a file: when FILE
exists, nothing is written (exit 2). Exit codes: 0 written, 2 not written.";

/// The file written when none is named, or in a folder.
const DEFAULT_NAME: &str = "map.toml";

/// Arguments of `argmap init`.
#[derive(Args, Debug)]
pub struct InitArgs {
    /// The map file to write (`-` for stdout): `.toml` is added to a name
    /// without an extension, and a folder gets `map.toml` in it.
    #[arg(value_name = "FILE", default_value = DEFAULT_NAME)]
    file: PathBuf,

    /// The map's title, in its `[map]` table (default: the example's own).
    #[arg(long, value_name = "TEXT")]
    title: Option<String>,
}

/// Runs `init`; returns the exit code.
pub fn run(args: &InitArgs) -> Outcome {
    if let Some(title) = &args.title
        && title.trim().is_empty()
    {
        return Err(Error::failed("`--title` is empty").with_help(
            "give the map's title, such as `--title \"Should the bridge be rebuilt?\"`",
        ));
    }
    let text = argmap::starter::starter(args.title.as_deref());
    if args.file == Path::new("-") {
        output::print(&text, "the map")?;
        return Ok(SUCCESS);
    }
    let path = target(&args.file);
    let shown = path.display();
    let exists = || {
        Error::failed(format!(
            "`{shown}` exists: `argmap init` never writes over a file"
        ))
        .with_help(format!(
            "name another file, such as `argmap init {}`",
            quoted(&free_name(&path))
        ))
    };
    if path.symlink_metadata().is_ok() {
        return Err(exists());
    }
    match output::write_new(&path, text.as_bytes()) {
        Ok(()) => {}
        // Made meanwhile, by someone else: still not written over.
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => return Err(exists()),
        Err(e) => {
            return Err(Error::failed(format!(
                "cannot write `{shown}`: {}",
                output::write_reason(&path, &e)
            )));
        }
    }
    let name = quoted(&path);
    output::eprint(&format!(
        "note: wrote the starter map `{shown}`: each of its tables is an example to rewrite \
         in your own words or delete\n\
         note: `argmap check {name}` checks it, `argmap render {name} -o {}` draws it\n",
        quoted(&path.with_extension("svg"))
    ));
    Ok(SUCCESS)
}

/// The file FILE names: itself, with `.toml` when it has no extension, or
/// `map.toml` in it when it is a folder.
fn target(file: &Path) -> PathBuf {
    if file.is_dir() {
        file.join(DEFAULT_NAME)
    } else if file.extension().is_none() {
        file.with_extension("toml")
    } else {
        file.to_path_buf()
    }
}

/// A name beside `path` that is free: `map-2.toml`, `map-3.toml`, ...
fn free_name(path: &Path) -> PathBuf {
    let stem = path
        .file_stem()
        .map_or_else(|| "map".into(), |s| s.to_string_lossy());
    let ext = path
        .extension()
        .map_or_else(|| "toml".into(), |e| e.to_string_lossy());
    (2..)
        .map(|n| path.with_file_name(format!("{stem}-{n}.{ext}")))
        .find(|p| p.symlink_metadata().is_err())
        .unwrap_or_else(|| path.to_path_buf())
}

/// `path` as a shell reads it: in single quotes when it holds anything but
/// letters, digits and `._/-`.
fn quoted(path: &Path) -> String {
    let s = path.display().to_string();
    if !s.is_empty()
        && s.chars()
            .all(|c| c.is_ascii_alphanumeric() || "._/-".contains(c))
    {
        s
    } else {
        format!("'{}'", s.replace('\'', r"'\''"))
    }
}
