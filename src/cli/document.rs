//! `argmap document`: what argmap reads in a text: headings, paragraphs,
//! in-text citations and the entries of its reference list.

use std::path::PathBuf;

use clap::{Args, ValueEnum};

use super::Error;
use super::{Outcome, SUCCESS, output};

pub const EXAMPLES: &str = "\
Examples:
  argmap document examples/harbour-towns.txt                 sections, citations, reference entries
  argmap document examples/harbour-towns.txt --format json   the whole structure, for inspection

This is what `check` compares a map with when its `document` has a text:
paragraph locators are counted in these sections, claims' citations are
looked for among these citations, and the bibliography is compared with
these entries. A heading argmap missed, or a citation it did not read, shows
here first.";

/// Output format of `argmap document`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum DocumentFormat {
    /// a short listing
    Human,
    /// every heading, paragraph, citation and entry, with lines
    Json,
}

/// Arguments of `argmap document`.
#[derive(Args, Debug)]
pub struct DocumentArgs {
    /// The plain-text document to read.
    text: PathBuf,
    /// Output format.
    #[arg(long, value_enum, default_value_t = DocumentFormat::Human)]
    format: DocumentFormat,
}

/// Runs `document`; returns the exit code.
pub fn run(args: &DocumentArgs) -> Outcome {
    let path = &args.text;
    let text = argmap::texts::read(path)
        .map_err(|why| Error::failed(format!("cannot read `{}`: {why}", path.display())))?;
    let doc = argmap::document::Document::read(&text);
    let name = path.display().to_string();
    let out = match args.format {
        DocumentFormat::Human => argmap::report::structure::to_human(&name, &text, &doc),
        DocumentFormat::Json => argmap::report::structure::to_json(&name, &text, &doc),
    };
    output::print(&out, "the document's structure")?;
    Ok(SUCCESS)
}
