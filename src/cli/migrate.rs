//! `argmap migrate`: rewrite a map in the current version of the format,
//! keeping its comments and layout.

use std::path::PathBuf;

use clap::Args;

use super::{FINDINGS, Outcome, SUCCESS, fail, input, output};
use argmap::migrate;
use argmap::model::FORMAT_VERSION;

pub const EXAMPLES: &str = "\
Examples:
  argmap migrate examples/bridge-v1.toml             the migrated map, on stdout
  argmap migrate examples/bridge-v1.toml -o bridge-v2.toml   into another file (--write: in place)
  argmap migrate examples/bridge-v1.toml --check     exit 1 if it needs migrating

Version 2 of the format adds `version`, `[limits]`, `qualifies`, a section's
`heading`, and anchors that locate a paragraph (`para`), which argmap checks
against the document. Migrating adds `version = 2` and rewrites each anchor
whose free `at` names a section of the map and a paragraph (`at = \"Findings
¶2\"`) as `para = 2`. Comments, key order and everything else stay as they
were. The file is written only with --write, and then atomically.";

/// Arguments of `argmap migrate`.
#[derive(Args, Debug)]
pub struct MigrateArgs {
    /// The map to migrate.
    #[arg(value_name = "MAP")]
    map: PathBuf,

    /// Rewrite MAP in place (atomically) instead of printing the result.
    #[arg(long, conflicts_with_all = ["output", "check"])]
    write: bool,

    /// Where to write the migrated map (`-` for stdout, the default).
    #[arg(short, long, value_name = "OUT", default_value = "-")]
    output: PathBuf,

    /// Write nothing; exit 1 if the map is not in the current version.
    #[arg(long)]
    check: bool,
}

/// Runs `migrate`; returns the exit code.
pub fn run(args: &MigrateArgs) -> Outcome {
    let shown = args.map.display().to_string();
    let bytes = input::read_map(&args.map)?;
    let Ok(text) = String::from_utf8(bytes) else {
        return Err(fail(
            &format!("`{shown}` is not UTF-8"),
            Some("run `argmap check` on it"),
        ));
    };
    let loaded = argmap::load::load(&shown, text.as_bytes());
    let Some(map) = loaded.map else {
        return Err(fail(
            &format!("`{shown}` is not valid TOML, so it cannot be migrated"),
            Some(&format!("run `argmap check {shown}` to see where")),
        ));
    };
    let plan = migrate::plan(&map);
    if plan.is_current() {
        eprintln!("`{shown}` is in format version {FORMAT_VERSION} already: nothing to change");
        return Ok(SUCCESS);
    }
    let rewritten = match migrate::rewrite(&text, &map, &plan) {
        Ok(t) => t,
        Err(e) => return Err(fail(&e.to_string(), None)),
    };
    // The result must read as the current version, with nothing left to do.
    let again = argmap::load::load(&shown, rewritten.as_bytes());
    if again
        .map
        .as_ref()
        .is_none_or(|m| !migrate::plan(m).is_current())
    {
        return Err(fail(
            &format!("migrating `{shown}` did not give a map of format version {FORMAT_VERSION}"),
            Some("nothing was written; please report this with the map"),
        ));
    }
    let n = plan.locators.len();
    let summary = format!(
        "`{shown}`: format version {} to {FORMAT_VERSION}; `version = {FORMAT_VERSION}` added; {} rewritten as paragraph locators",
        plan.from,
        match n {
            1 => "1 anchor".to_owned(),
            n => format!("{n} anchors"),
        }
    );
    if args.check {
        eprintln!("{summary} (not written: --check)");
        return Ok(FINDINGS);
    }
    if args.write {
        if let Err(e) = output::write_atomically(&args.map, rewritten.as_bytes()) {
            return Err(fail(
                &format!(
                    "cannot write `{shown}`: {}",
                    output::write_reason(&args.map, &e)
                ),
                None,
            ));
        }
        eprintln!("{summary}");
        return Ok(SUCCESS);
    }
    output::emit(
        &args.output,
        &[(args.map.as_path(), "input map")],
        rewritten.as_bytes(),
    )
    .map_err(|e| e.with_help("to rewrite the map itself, use `--write`"))?;
    eprintln!("{summary}");
    Ok(SUCCESS)
}
