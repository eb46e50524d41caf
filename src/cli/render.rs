//! `argmap render`: draw a map as a Graphviz diagram (DOT, SVG, PNG, PDF).

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::time::Duration;

use clap::{Args, ValueEnum};

mod draw;
mod print;
mod split;

pub(super) use draw::DrawArgs;
use draw::{ColorByArg, SemanticsArg};

use super::{Outcome, SUCCESS, TextArgs, input, output, warn, watch};
use argmap::render::exec::{self, DotError};
use argmap::render::{Format, Options, View, WriteError};

pub const EXAMPLES: &str = "\
Examples:
  argmap render examples/bridge.toml -o bridge.svg      the whole map, as SVG
  argmap render examples/bridge.toml -o bridge.dot      DOT, no Graphviz needed
  argmap render examples/bridge.toml -o - | dot -Tpng > bridge.png
  argmap render examples/bridge.toml -o rebuild.png --focus rebuild --depth 1
  argmap render examples/bridge.toml -o safety.pdf --section safety --sources
  argmap render maps/cpc-and-sovereignty.toml --split -o diagrams/   DOT, one file per section
  argmap render maps/cpc-and-sovereignty.toml --page a4 -o chapter.pdf   print-ready A4 booklet
  argmap render examples/phones.toml --color-by actor --theme colorblind -o phones.svg

The extension of OUT picks the format: .dot needs nothing else; .svg, .png and
.pdf run the Graphviz `dot` program (set ARGMAP_DOT to use another one).

Views: --focus ID draws the claims and arguments within --depth steps of ID
along any relation, both ways; a linked argument counts as one step and is
always drawn with all its premises and its conclusion. --section ID draws that
section's claims and arguments (an argument belongs to its `section`, else to
its conclusion's) and, faded and outside the section's box, what --context
says: by default (near) the objections to it and a few other claims one
relation away, and a note saying how many more. --actor and --tag keep only the
claims an actor holds or that carry a tag, and combine with both views.

Print: --page SIZE (a4, letter, 210x297mm, ...) writes a PDF on pages of that
size, no text below --min-text (7 pt): scaled to fit, else the overview and
one page per section, else tiled across pages. See docs/diagrams.md.

Watch: `argmap render map.toml -o map.svg --watch` draws again each time the
map is saved, and says when it wrote OUT; a map with error-level findings is
not drawn: OUT stays as it was, and the errors are printed. ctrl-c ends it
(exit code 130).

Big maps: Graphviz takes minutes on diagrams of a few thousand nodes, so SVG,
PNG and PDF of more than 2,000 nodes are refused (exit 2) unless --force is
given; draw them in parts with --split, --section or --focus. DOT of any size
is always written.

The legend lists what the diagram draws: the thesis has a double border,
premises are rounded, objections square and tagged OBJECTION, a claim without
citation has a dashed border and a small badge; support is a solid arrow, an
attack a dashed line ending in a bar; linked premises meet in an oval
inference node.";

/// `--format`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum FormatArg {
    Dot,
    Svg,
    Png,
    Pdf,
}

impl From<FormatArg> for Format {
    fn from(f: FormatArg) -> Self {
        match f {
            FormatArg::Dot => Format::Dot,
            FormatArg::Svg => Format::Svg,
            FormatArg::Png => Format::Png,
            FormatArg::Pdf => Format::Pdf,
        }
    }
}

/// Arguments of `argmap render`.
#[derive(Args, Debug)]
pub struct RenderArgs {
    /// The map file to draw.
    #[arg(value_name = "MAP")]
    map: PathBuf,

    /// Where to write the diagram; its extension (.dot, .svg, .png, .pdf)
    /// picks the format. `-` writes to stdout (DOT unless --format says
    /// otherwise). With --split, a folder.
    #[arg(short, long, value_name = "OUT")]
    output: PathBuf,

    /// Draw the map in parts, into the folder OUT (created if needed):
    /// `overview.EXT` (the sections, and the support and attacks between
    /// them) and `SECTION-ID.EXT` for each section, as --section draws it,
    /// in --format (default: dot).
    #[arg(long, conflicts_with_all = ["focus", "section", "depth"])]
    split: bool,

    /// Run Graphviz even on a diagram of more than 2,000 nodes, which it
    /// may take many minutes to lay out, or fail to.
    #[arg(long)]
    force: bool,

    /// The output format, whatever the extension of OUT.
    #[arg(long, value_enum)]
    format: Option<FormatArg>,

    /// Draw only the claims and arguments within --depth steps of this
    /// claim or argument.
    #[arg(long, value_name = "ID")]
    focus: Option<String>,

    /// How many steps --focus follows.
    #[arg(long, value_name = "N", requires = "focus", default_value_t = 2)]
    depth: usize,

    /// Draw only this section, with what it connects to faded around it.
    #[arg(long, value_name = "ID", conflicts_with = "focus")]
    section: Option<String>,

    #[command(flatten)]
    draw: DrawArgs,

    /// Print a PDF on pages of this size: a4, a3, a5, letter, legal,
    /// tabloid, or WIDTHxHEIGHT with a unit (210x297mm, 8.5x11in, 20x30cm,
    /// 600x800pt). The diagram is scaled to fit; when its text would print
    /// smaller than --min-text, the whole map becomes a booklet (the
    /// overview and one page per section), and what still does not fit is
    /// tiled across pages
    #[arg(long, value_name = "SIZE")]
    page: Option<String>,

    /// Landscape pages (default: whichever way prints each diagram larger)
    #[arg(long, requires = "page", conflicts_with = "portrait")]
    landscape: bool,

    /// Portrait pages
    #[arg(long, requires = "page")]
    portrait: bool,

    /// The margin on each side of a page: 10mm, 0.5in, 12pt [default: 10mm]
    #[arg(long, value_name = "LENGTH", requires = "page")]
    margin: Option<String>,

    /// The smallest size text may print at on a page, in points
    #[arg(long, value_name = "PT", requires = "page", default_value_t = argmap::render::printed::MIN_TEXT,
          value_parser = min_text)]
    min_text: f64,

    #[command(flatten)]
    texts: TextArgs,

    /// Draw again each time the map is saved, until ctrl-c (exit code 130).
    /// A map with error-level findings is not drawn: OUT stays as it was.
    #[arg(long)]
    watch: bool,

    /// Stop Graphviz `dot` after this many seconds; nothing is written then.
    #[arg(long, value_name = "SECS", default_value_t = 60,
          value_parser = clap::value_parser!(u64).range(1..))]
    timeout: u64,
}

/// `--min-text`: a size from 4 to 72 points.
fn min_text(s: &str) -> Result<f64, String> {
    let v: f64 = s
        .trim_end_matches("pt")
        .parse()
        .map_err(|_| format!("`{s}` is not a size in points, such as `7`"))?;
    if (4.0..=72.0).contains(&v) {
        Ok(v)
    } else {
        Err(format!("{v} pt is not between 4 and 72"))
    }
}

fn fail(message: &str, notes: &[String], help: Option<&str>) -> super::Error {
    super::fail_with_notes(message, notes, help)
}

/// The output is standard output.
fn is_stdout(path: &Path) -> bool {
    path.as_os_str() == "-"
}

/// Runs `render`; returns the exit code.
pub fn run(args: &RenderArgs) -> Outcome {
    if !args.watch {
        return once(args, &mut Vec::new());
    }
    let out = args.output.display();
    watch::watch(std::slice::from_ref(&args.map), |read| {
        match once(args, read) {
            Ok(code) => {
                if !args.split && args.page.is_none() && !is_stdout(&args.output) {
                    output::eprint(&format!("note: wrote `{out}`\n"));
                }
                Ok(code)
            }
            // Before the map was read: the command line's fault, which ends
            // the watch.
            Err(e) if read.is_empty() => Err(e),
            Err(e) => {
                super::report(&e);
                if !is_stdout(&args.output) {
                    output::eprint(&if args.split {
                        format!("note: the diagrams in `{out}` are left as they were\n")
                    } else {
                        format!("note: `{out}` is left as it was\n")
                    });
                }
                Ok(super::FINDINGS)
            }
        }
    })
}

/// Frees `value`, unless the process is about to exit: freeing the model
/// of a large map takes a tenth of a second, and exiting returns the
/// memory at once. A watch draws again, and frees it.
fn release<T>(value: T, args: &RenderArgs) {
    if args.watch {
        drop(value);
    } else {
        std::mem::forget(value);
    }
}

/// Draws the map once; adds the files it read, or meant to, to `read`.
fn once(args: &RenderArgs, read: &mut Vec<PathBuf>) -> Outcome {
    if args.split {
        return split::run(args, read);
    }
    let out = &args.output;
    let shown = out.display();
    let format = match (args.format, is_stdout(out)) {
        (Some(f), _) => Format::from(f),
        (None, true) => Format::Dot,
        (None, false) => match Format::from_path(out) {
            Some(f) => f,
            None => {
                return Err(fail(
                    &format!("cannot tell the format of `{shown}` from its extension"),
                    &[],
                    Some("name a file ending in .dot, .svg, .png or .pdf, or give `--format`"),
                ));
            }
        },
    };
    let paper = match paper(args)? {
        Some(_) if format != Format::Pdf => {
            return Err(fail(
                &format!(
                    "`--page` prints on paper, as PDF, and `{shown}` is {}",
                    format.name().to_uppercase()
                ),
                &[],
                Some(&format!(
                    "write a PDF: `-o {}`",
                    if is_stdout(out) {
                        std::path::PathBuf::from("map.pdf")
                    } else {
                        out.with_extension("pdf")
                    }
                    .display()
                )),
            ));
        }
        paper => paper,
    };
    if is_stdout(out) && format.is_binary() && std::io::stdout().is_terminal() {
        return Err(fail(
            &format!(
                "refusing to write {} to a terminal",
                format.name().to_uppercase()
            ),
            &[],
            Some("redirect stdout to a file, or give `-o FILE`"),
        ));
    }
    if !is_stdout(out) {
        if out.is_dir() {
            return Err(fail(
                &format!("`{shown}` is a directory"),
                &[],
                Some("give a file name, such as `-o map.svg`"),
            ));
        }
        if output::same_file(&args.map, out) {
            return Err(fail(
                &format!(
                    "refusing to write the diagram over the map `{}`",
                    args.map.display()
                ),
                &[],
                Some(&format!(
                    "give another output file, such as `-o {}`",
                    args.map.with_extension("svg").display()
                )),
            ));
        }
    }
    let usable = load(args, read)?;
    let (map, graph) = (&usable.map, &usable.graph);

    let view = match (&args.focus, &args.section) {
        (Some(id), _) => View::Focus {
            id: id.clone(),
            depth: args.depth,
        },
        (None, Some(id)) => View::Section(id.clone()),
        (None, None) => View::Whole,
    };
    let options = args.draw.options(&usable, view, args.page.is_some());
    if format.needs_graphviz()
        && !args.force
        && let Some(refusal) = split::refuse_if_too_large(map, graph, &options, format)
    {
        return Err(refusal);
    }
    if !format.needs_graphviz() {
        // DOT is written as it is made: a large map's diagram is never
        // held whole in memory.
        let written = if is_stdout(out) {
            let mut stdout = std::io::BufWriter::new(std::io::stdout().lock());
            argmap::render::write_dot(map, graph, &options, &mut stdout)
                .and_then(|()| stdout.flush().map_err(WriteError::Io))
        } else {
            output::write_atomically_with(out, |w| {
                argmap::render::write_dot(map, graph, &options, w)
            })
        };
        release(usable, args);
        return match written {
            Ok(()) => Ok(SUCCESS),
            Err(WriteError::View(e)) => Err(fail(&e.to_string(), &[], e.help().as_deref())),
            Err(WriteError::Io(e))
                if is_stdout(out) && e.kind() == std::io::ErrorKind::BrokenPipe =>
            {
                Ok(SUCCESS)
            }
            Err(WriteError::Io(e)) => Err(fail(
                &format!("cannot write `{shown}`: {}", output::write_reason(out, &e)),
                &[],
                None,
            )),
        };
    }
    if let Some(paper) = paper {
        let done = print::run(map, graph, &options, &paper, args, out);
        release(usable, args);
        return done;
    }
    let dot = match argmap::render::to_graph(map, graph, &options) {
        Ok(tree) => {
            let dot = argmap::render::print_dot(&tree);
            release(tree, args);
            dot
        }
        Err(e) => return Err(fail(&e.to_string(), &[], e.help().as_deref())),
    };

    let program = exec::dot_program();
    let limit = Duration::from_secs(args.timeout);
    let output = match exec::run_dot(&program, &dot, format, limit) {
        Ok(rendered) => {
            for line in rendered.warnings.lines().filter(|l| !l.trim().is_empty()) {
                warn(&format!("Graphviz: {}", line.trim()));
            }
            rendered.output
        }
        Err(e) => return Err(dot_failure(&e, &program, out, format)),
    };

    let written = if is_stdout(out) {
        let mut stdout = std::io::stdout().lock();
        stdout
            .write_all(&output)
            .and_then(|()| stdout.flush())
            .or_else(output::closed_pipe)
    } else {
        output::write_atomically(out, &output)
    };
    release(usable, args);
    written.map_err(|e| {
        fail(
            &format!("cannot write `{shown}`: {}", output::write_reason(out, &e)),
            &[],
            None,
        )
    })?;
    Ok(SUCCESS)
}

/// The paper of `--page`, `--landscape`, `--portrait`, `--margin` and
/// `--min-text`; `None` without `--page`.
fn paper(args: &RenderArgs) -> Result<Option<argmap::render::printed::Paper>, super::Error> {
    use argmap::render::page::Page;
    use argmap::render::printed::{Orientation, Paper};
    let Some(spec) = &args.page else {
        return Ok(None);
    };
    let bad = |e: argmap::render::page::PageError| fail(&e.to_string(), &[], None);
    let mut page: Page = spec.parse().map_err(bad)?;
    if let Some(m) = &args.margin {
        page = page.with_margin_str(m).map_err(bad)?;
    }
    let orientation = if args.landscape {
        Some(Orientation::Landscape)
    } else if args.portrait {
        Some(Orientation::Portrait)
    } else {
        None
    };
    Ok(Some(Paper {
        page,
        orientation,
        min_text: args.min_text,
    }))
}

/// The map, checked: with its source texts when `--semantics evidence`
/// needs them, else without (and a note when `--text` was given). The
/// files it reads, or means to, are added to `read`. Under `--watch`, a
/// map with error-level findings is not drawn: they are printed, and the
/// output stays as it was.
fn load(args: &RenderArgs, read: &mut Vec<PathBuf>) -> Result<input::Usable, super::Error> {
    let evidence = args.draw.semantics == SemanticsArg::Evidence;
    if evidence && !args.draw.status && args.draw.color_by != ColorByArg::Status {
        return Err(fail(
            "`--semantics` chooses how `--status` labels claims, and no `--status` was given",
            &[],
            Some("add `--status` (or `--color-by status`)"),
        ));
    }
    read.push(args.map.clone());
    let texts = evidence.then_some(&args.texts);
    let usable = if args.watch {
        input::load_checked(&args.map, texts)?
    } else {
        input::load_usable(&args.map, texts)?
    };
    if evidence {
        read.extend(argmap::texts::wanted(
            &usable.map,
            &args.map,
            &args.texts.options()?,
        ));
    } else if args.texts.given() {
        output::eprint(
            "note: `argmap render` reads no source texts unless `--status --semantics evidence`: \
             `--text` and `--allow-outside-texts` are ignored\n",
        );
    }
    if args.watch && usable.errors > 0 {
        output::eprint(&argmap::diag::render::human::render(
            std::slice::from_ref(&usable.report),
            true,
            true,
        ));
        return Err(fail(
            &format!(
                "`{}` has {}: it is drawn again once {} fixed",
                args.map.display(),
                argmap::english::count(usable.errors, "error"),
                argmap::english::either(usable.errors, "it is", "they are")
            ),
            &[],
            None,
        ));
    }
    Ok(usable)
}

/// Reports a `dot` failure; nothing has been written.
fn dot_failure(
    e: &DotError,
    program: &std::ffi::OsStr,
    out: &Path,
    format: Format,
) -> super::Error {
    let dot_name = if is_stdout(out) {
        "-o map.dot".to_owned()
    } else {
        format!("-o {}", out.with_extension("dot").display())
    };
    let nothing = if is_stdout(out) {
        "nothing was written".to_owned()
    } else {
        format!("`{}` was not written", out.display())
    };
    match e {
        DotError::NotFound { .. } => {
            let from_env = std::env::var_os(exec::DOT_ENV).is_some_and(|v| !v.is_empty());
            let message = if from_env {
                format!(
                    "cannot draw {}: the Graphviz program `{}` (from {}) does not exist",
                    format.name().to_uppercase(),
                    program.to_string_lossy(),
                    exec::DOT_ENV
                )
            } else {
                format!(
                    "cannot draw {}: Graphviz is not installed (its `dot` program is not on PATH)",
                    format.name().to_uppercase()
                )
            };
            let also = if from_env {
                " and set ARGMAP_DOT to its `dot` or unset it"
            } else {
                ""
            };
            fail(
                &message,
                &[nothing],
                Some(&format!(
                    "install Graphviz (`apt-get install graphviz`, `brew install graphviz`){also}, \
                     or write DOT, which needs no Graphviz: `{dot_name}`"
                )),
            )
        }
        DotError::TimedOut { .. } => fail(
            &e.to_string(),
            &[nothing],
            Some(&format!(
                "draw part of the map with `--focus ID` or `--section ID`, allow more time \
                 with `--timeout SECS`, or write DOT: `{dot_name}`"
            )),
        ),
        _ => {
            let mut notes: Vec<String> = e
                .stderr()
                .map(|s| {
                    s.lines()
                        .map(|l| format!("dot: {}", l.trim_end()))
                        .collect()
                })
                .unwrap_or_default();
            notes.push(nothing);
            fail(&e.to_string(), &notes, None)
        }
    }
}
