//! `argmap schema`: print the JSON Schema of the map format, for editors.

use std::path::PathBuf;

use clap::Args;

use super::{Outcome, SUCCESS, output};

pub const EXAMPLES: &str = "\
Examples:
  argmap schema                              the schema, on stdout
  argmap schema -o schema/argmap.schema.json

Editors that read JSON Schema for TOML (Taplo, Even Better TOML) validate and
complete map files with it: begin a map with `#:schema PATH-OR-URL`, or
associate `*.toml` files with it in `.taplo.toml`. The schema checks the form
of a map (tables, keys, types, ids); `argmap check` checks its meaning.";

/// Arguments of `argmap schema`.
#[derive(Args, Debug)]
pub struct SchemaArgs {
    /// Where to write the schema (`-` for stdout, the default).
    #[arg(short, long, value_name = "OUT", default_value = "-")]
    output: PathBuf,
}

/// Runs `schema`; returns the exit code.
pub fn run(args: &SchemaArgs) -> Outcome {
    let json = argmap::schema::to_json();
    // No input map to protect: the output path is compared with itself.
    output::emit(&args.output, &[], json.as_bytes())?;
    Ok(SUCCESS)
}
