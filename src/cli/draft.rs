//! `argmap draft`: a starting map made from a document, written to stdout
//! or atomically to a file, never over the document.

use std::path::{Component, Path, PathBuf};

use clap::Args;

use super::{Error, Outcome, SUCCESS, output, warn};
use argmap::diag::Code;
use argmap::english::count;

pub const EXAMPLES: &str = "\
Examples:
  argmap draft examples/harbour-towns.txt -o harbour-towns.toml   a map to start from
  argmap draft examples/harbour-towns.txt > harbour-towns.toml    the same, from stdout
  argmap draft examples/harbour-towns.txt -o d.toml && argmap check d.toml -A placeholder-text

The map has a section for each heading with paragraphs, a source for each
entry of the reference list (with `cited-as` as the text cites it), and a
claim for each paragraph before the reference list: anchored to it, citing
the sources its in-text citations name, and with a placeholder text
(`TODO: ...`) that `check` reports as `placeholder-text` until you write the
claim in your own words (the last example allows them: no error is left).
The document is the map's `document`, its `text` given relative to the
map's folder (the current folder for stdout). What argmap could not read is
said in comments at the top of the map and on stderr. Exit codes: 0
drafted, 2 the text cannot be read or the map cannot be written (or
exists: a draft replaces a map only with `--force`).";

/// Arguments of `argmap draft`.
#[derive(Args, Debug)]
pub struct DraftArgs {
    /// The plain-text document to draft a map from.
    #[arg(value_name = "TEXT")]
    text: PathBuf,

    /// Where to write the map (`-` for stdout, the default).
    #[arg(short, long, value_name = "MAP", default_value = "-")]
    output: PathBuf,

    /// Write over MAP when it exists (a draft never replaces a map
    /// without it).
    #[arg(long)]
    force: bool,
}

/// Runs `draft`; returns the exit code.
pub fn run(args: &DraftArgs) -> Outcome {
    let path = &args.text;
    let text = argmap::texts::read(path)
        .map_err(|why| Error::failed(format!("cannot read `{}`: {why}", path.display())))?;
    let to_file = args.output != Path::new("-");
    // A map is edited by hand: a draft never replaces one unasked.
    // (Over the document itself, `emit` refuses, and says so.)
    if to_file && !args.force && args.output.exists() && !output::same_file(path, &args.output) {
        return Err(Error::failed(format!(
            "`{}` exists: a draft does not write over a map",
            args.output.display()
        ))
        .with_help("choose another file, or pass `--force` to replace it"));
    }
    let (text_path, outside) = text_key(path, &args.output);
    let options = argmap::draft::Options {
        text_path,
        name: path.file_name().map_or_else(
            || "document".to_owned(),
            |n| n.to_string_lossy().into_owned(),
        ),
        map_name: to_file.then(|| args.output.display().to_string()),
        outside,
    };
    let drafted = argmap::draft::draft(&text, &options);
    output::emit(
        &args.output,
        &[(path.as_path(), "input document")],
        drafted.toml.as_bytes(),
    )?;
    let s = &drafted.summary;
    output::eprint(&format!(
        "note: drafted {}, {} ({} citing a source) and {} from `{}`\n",
        count(s.sections, "section"),
        count(s.claims, "claim"),
        s.cited_claims,
        count(s.sources, "source"),
        path.display()
    ));
    if s.claims > 0 {
        output::eprint(&format!(
            "note: each claim's text is a `TODO:` placeholder: `argmap check` reports it (`{}`) until you write the claim in your own words\n",
            Code::PlaceholderText
        ));
    }
    if outside {
        output::eprint(
            "note: the document lies outside the map's folder: check the map with `--allow-outside-texts`\n",
        );
    }
    for line in &s.unread {
        warn(line);
    }
    Ok(SUCCESS)
}

/// The document's path as the map's `text` key writes it: relative to the
/// folder the map is written in (the current folder for stdout), and
/// whether it leaves that folder. A relative path for stdout is kept as
/// given.
fn text_key(text: &Path, out: &Path) -> (String, bool) {
    let shown = |p: &Path| p.to_string_lossy().into_owned();
    let leaves = |p: &Path| p.is_absolute() || p.components().any(|c| c == Component::ParentDir);
    if out == Path::new("-") && text.is_relative() {
        return (shown(text), leaves(text));
    }
    let base = match out.parent() {
        Some(p) if out != Path::new("-") && !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    match (base.canonicalize(), text.canonicalize()) {
        (Ok(base), Ok(target)) => {
            let rel = relative(&target, &base);
            (shown(&rel), leaves(&rel))
        }
        // The folder is missing (writing will say so) or the path cannot
        // be resolved: as given.
        _ => (shown(text), leaves(text)),
    }
}

/// `target` relative to `base`, both absolute: `..` up to their common
/// folder, then down.
fn relative(target: &Path, base: &Path) -> PathBuf {
    let t: Vec<Component<'_>> = target.components().collect();
    let b: Vec<Component<'_>> = base.components().collect();
    let common = t.iter().zip(&b).take_while(|(x, y)| x == y).count();
    let mut out = PathBuf::new();
    for _ in common..b.len() {
        out.push("..");
    }
    for c in t.get(common..).unwrap_or(&[]) {
        out.push(c);
    }
    out
}
