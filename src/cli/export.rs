//! `argmap export`: write a map as argmap JSON, Argdown, AIF, Mermaid,
//! GraphML or Kialo's plain text, or its sources as BibTeX, BibLaTeX,
//! CSL-JSON or RIS.

use std::path::PathBuf;

use clap::{Args, ValueEnum};

use super::{IgnoredTextArgs, Outcome, SUCCESS, fail, input, output};
use argmap::export::{self, Format};

pub const EXAMPLES: &str = "\
Examples:
  argmap export examples/bridge.toml --to json             the model as JSON, on stdout
  argmap export examples/bridge.toml --to argdown -o bridge.argdown
  argmap export examples/bridge.toml --to aif -o bridge.json   for OVA and AIFdb
  argmap export examples/bridge.toml --to mermaid          paste into a ```mermaid block
  argmap export examples/bridge.toml --to graphml -o bridge.graphml   for yEd and Gephi
  argmap export examples/bridge.toml --to kialo -o bridge.txt   a discussion to import into Kialo
  argmap export examples/bridge.toml --to bibtex -o bridge.bib   the sources, for LaTeX
  argmap export examples/bridge.toml --to csl-json         the sources, for Zotero and pandoc

json keeps everything; the other formats keep the structure and lose what they
have no place for (docs/interchange.md lists it). bibtex, biblatex, csl-json
and ris write the sources alone. A map with errors is
exported anyway, with a warning; references that name nothing are left out.
Kialo's text is a tree below the thesis: what it cannot hold is counted on
stderr, and a map without a thesis is not exported (exit 2).";

/// `--to`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum ToArg {
    /// argmap JSON: the whole model, versioned
    Json,
    /// an Argdown document
    Argdown,
    /// AIF JSON, for OVA and AIFdb
    Aif,
    /// a Mermaid flowchart, as GitHub renders it
    Mermaid,
    /// GraphML, for yEd and Gephi
    Graphml,
    /// Kialo's plain-text export, the tree below the thesis
    Kialo,
    /// the sources as BibTeX
    Bibtex,
    /// the sources as BibLaTeX
    Biblatex,
    /// the sources as CSL-JSON, for Zotero and pandoc
    #[value(name = "csl-json")]
    CslJson,
    /// the sources as RIS, for reference managers
    Ris,
}

impl From<ToArg> for Format {
    fn from(t: ToArg) -> Self {
        match t {
            ToArg::Json => Format::Json,
            ToArg::Argdown => Format::Argdown,
            ToArg::Aif => Format::Aif,
            ToArg::Mermaid => Format::Mermaid,
            ToArg::Graphml => Format::Graphml,
            ToArg::Kialo => Format::Kialo,
            ToArg::Bibtex => Format::Bibtex,
            ToArg::Biblatex => Format::Biblatex,
            ToArg::CslJson => Format::CslJson,
            ToArg::Ris => Format::Ris,
        }
    }
}

/// Arguments of `argmap export`.
#[derive(Args, Debug)]
pub struct ExportArgs {
    /// The map to export.
    #[arg(value_name = "MAP")]
    map: PathBuf,

    /// The format to write.
    #[arg(long, value_enum, value_name = "FORMAT")]
    to: ToArg,

    /// Where to write it (`-` for stdout, the default).
    #[arg(short, long, value_name = "OUT", default_value = "-")]
    output: PathBuf,

    #[command(flatten)]
    texts: IgnoredTextArgs,
}

/// Runs `export`; returns the exit code.
pub fn run(args: &ExportArgs) -> Outcome {
    let usable = input::load_usable(&args.map, None)?;
    args.texts.note("export");
    let format = Format::from(args.to);
    let (text, left_out, notes) = if format == Format::Kialo {
        if usable.graph.resolved.thesis.is_none() {
            return Err(fail(
                &format!(
                    "cannot export `{}` to Kialo: the map has no thesis",
                    args.map.display()
                ),
                Some("a Kialo discussion grows from one claim: name it in `[map] thesis`"),
            ));
        }
        let k = export::kialo::write(&usable.map, &usable.graph.resolved);
        (k.text, k.left_out, k.notes)
    } else {
        let text = export::export(&usable.map, &usable.graph.resolved, format);
        (text, Vec::new(), Vec::new())
    };
    output::emit(
        &args.output,
        &output::inputs(&args.map, &usable),
        text.as_bytes(),
    )?;
    for note in &notes {
        output::eprint(&format!("note: {note}\n"));
    }
    if !left_out.is_empty() {
        let mut text = "note: left out what Kialo has no place for:\n".to_owned();
        for what in &left_out {
            text.push_str(&format!("  - {what}\n"));
        }
        output::eprint(&text);
    }
    Ok(SUCCESS)
}
