//! `argmap man`: the manual pages, in roff, from the command line's own
//! definitions: one page on stdout, or every page into a folder.

use std::path::{Path, PathBuf};

use clap::{Args, Command, CommandFactory};

use super::{Cli, Error, Outcome, SUCCESS, output};
use argmap::english::count;

pub const EXAMPLES: &str = "\
Examples:
  argmap man > argmap.1                      the main page
  argmap man check > argmap-check.1          the page of one command
  argmap man --out man/                      every page: argmap.1, argmap-check.1, ...

Read a page with `man -l argmap.1`; install them all for `man argmap` and
`man argmap-check` with `argmap man --out ~/.local/share/man/man1`. Each
page holds the command's options and its examples, as `--help` does.";

/// Arguments of `argmap man`.
#[derive(Args, Debug)]
pub struct ManArgs {
    /// The command whose page to print (default: the main page, argmap(1)).
    #[arg(value_name = "COMMAND", conflicts_with = "out")]
    command: Option<String>,

    /// Write every page into this folder (created if needed): argmap.1,
    /// and argmap-COMMAND.1 for each command.
    #[arg(long, value_name = "DIR")]
    out: Option<PathBuf>,
}

/// Runs `man`; returns the exit code.
pub fn run(args: &ManArgs) -> Outcome {
    let mut root = Cli::command().disable_help_subcommand(true);
    // Names each subcommand `argmap-NAME`, as its page is called.
    root.build();
    let pages: Vec<&Command> = std::iter::once(&root)
        .chain(root.get_subcommands().filter(|s| !s.is_hide_set()))
        .collect();
    let Some(dir) = &args.out else {
        let page = match &args.command {
            None => &root,
            Some(name) => pages
                .iter()
                .skip(1)
                .find(|c| c.get_name() == name)
                .copied()
                .ok_or_else(|| unknown(name, &pages))?,
        };
        output::emit(Path::new("-"), &[], &render(page)?)?;
        return Ok(SUCCESS);
    };
    std::fs::create_dir_all(dir).map_err(|e| {
        Error::failed(format!(
            "cannot make the folder `{}`: {}",
            dir.display(),
            output::write_reason(dir, &e)
        ))
    })?;
    for page in &pages {
        let path = dir.join(file_name(page));
        output::write_atomically(&path, &render(page)?).map_err(|e| {
            Error::failed(format!(
                "cannot write `{}`: {}",
                path.display(),
                output::write_reason(&path, &e)
            ))
        })?;
    }
    output::eprint(&format!(
        "note: wrote {} into `{}`: argmap.1 and argmap-COMMAND.1 for each command\n",
        count(pages.len(), "page"),
        dir.display()
    ));
    Ok(SUCCESS)
}

/// The page's file name: `argmap.1`, `argmap-check.1`.
fn file_name(page: &Command) -> String {
    clap_mangen::Man::new(page.clone()).get_filename()
}

/// The page of `command`, in roff: clap_mangen's, with the text after the
/// options (`after_help`: examples and notes) set as a man page sets it.
fn render(command: &Command) -> Result<Vec<u8>, Error> {
    let after = command.get_after_help().map(|h| h.to_string());
    let man = clap_mangen::Man::new(command.clone().after_help(None::<&str>))
        .source(format!("argmap {}", env!("CARGO_PKG_VERSION")));
    let mut page = Vec::new();
    man.render(&mut page).map_err(|e| {
        Error::failed(format!(
            "cannot write the page: {}",
            argmap::app::io_reason(&e)
        ))
    })?;
    let mut page = String::from_utf8_lossy(&page).into_owned();
    let extra = extra_sections(after.as_deref().unwrap_or(""), command);
    // Before clap_mangen's VERSION, which ends the main page.
    match page.find("\n.SH VERSION") {
        Some(at) => page.insert_str(at + 1, &extra),
        None => page.push_str(&extra),
    }
    Ok(ascii(&page).into_bytes())
}

/// EXAMPLES (the lines of `Examples:`, as they are), NOTES (the
/// paragraphs after them, filled) and SEE ALSO, in roff.
fn extra_sections(after_help: &str, command: &Command) -> String {
    use roff::{Roff, bold, roman};
    let mut roff = Roff::new();
    let mut notes = Vec::new();
    for block in after_help.split("\n\n") {
        match block.strip_prefix("Examples:\n") {
            Some(lines) => {
                roff.control("SH", ["EXAMPLES"]).control("nf", []);
                for line in lines.lines() {
                    roff.text([roman(line.trim_end())]);
                }
                roff.control("fi", []);
            }
            None if !block.trim().is_empty() => notes.push(block),
            None => {}
        }
    }
    if !notes.is_empty() {
        roff.control("SH", ["NOTES"]);
        for (i, note) in notes.iter().enumerate() {
            if i > 0 {
                roff.control("PP", []);
            }
            roff.text([roman(note.split_whitespace().collect::<Vec<_>>().join(" "))]);
        }
    }
    if command.get_name() != "argmap" {
        roff.control("SH", ["SEE ALSO"])
            .text([bold("argmap"), roman("(1)")]);
    }
    // Without the preamble that defines `Aq`: the page has it already.
    let preamble = Roff::new().render();
    let text = roff.render();
    text.strip_prefix(&preamble).unwrap_or(&text).to_owned()
}

/// `roff` with every character beyond ASCII written as a groff escape
/// (`\[u2013]` for `–`), which groff and mandoc read whatever the input
/// encoding they assume.
fn ascii(roff: &str) -> String {
    let mut out = String::with_capacity(roff.len());
    for c in roff.chars() {
        if c.is_ascii() {
            out.push(c);
        } else {
            out.push_str(&format!("\\[u{:04X}]", u32::from(c)));
        }
    }
    out
}

/// The failure for a COMMAND that names none.
fn unknown(name: &str, pages: &[&Command]) -> Error {
    let names: Vec<&str> = pages.iter().skip(1).map(|c| c.get_name()).collect();
    let hint = argmap::suggest::closest(name, names.iter().copied())
        .map(|s| format!("; did you mean `{s}`?"))
        .unwrap_or_default();
    Error::failed(format!("argmap has no command `{name}`{hint}"))
        .with_help("`argmap --help` lists the commands")
}
