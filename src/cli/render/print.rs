//! `argmap render --page SIZE -o OUT.pdf`: a diagram printed on pages (see
//! `argmap::render::printed`), Graphviz run for each diagram with the time
//! limit, the PDF written atomically, and a line saying what was printed.

use std::io::Write;
use std::path::Path;
use std::time::Duration;

use super::{RenderArgs, dot_failure, fail, is_stdout};
use crate::cli::{Outcome, SUCCESS, output, warn};
use argmap::graph::MapGraph;
use argmap::model::Map;
use argmap::render::exec::{self, DotError};
use argmap::render::printed::{self, Paper, PrintError};
use argmap::render::{Format, Options};

/// Prints the diagram of `options` on `paper` into `out`.
pub(super) fn run(
    map: &Map,
    graph: &MapGraph,
    options: &Options,
    paper: &Paper,
    args: &RenderArgs,
    out: &Path,
) -> Outcome {
    let program = exec::dot_program();
    let limit = Duration::from_secs(args.timeout);
    let lay_out = |dot: &str| -> Result<Vec<u8>, DotError> {
        let rendered = exec::run_dot(&program, dot, Format::Pdf, limit)?;
        for line in rendered.warnings.lines().filter(|l| !l.trim().is_empty()) {
            warn(&format!("Graphviz: {}", line.trim()));
        }
        Ok(rendered.output)
    };
    let printed = match printed::print(map, graph, options, paper, &lay_out) {
        Ok(p) => p,
        Err(PrintError::View(e)) => return Err(fail(&e.to_string(), &[], e.help().as_deref())),
        Err(PrintError::LayOut(e)) => return Err(dot_failure(&e, &program, out, Format::Pdf)),
        Err(PrintError::Pdf(e)) => {
            return Err(fail(
                &format!("cannot print the diagram: {e}"),
                &[format!("`{}` was not written", out.display())],
                None,
            ));
        }
    };
    let written = if is_stdout(out) {
        let mut stdout = std::io::stdout().lock();
        stdout
            .write_all(&printed.pdf)
            .and_then(|()| stdout.flush())
            .or_else(output::closed_pipe)
    } else {
        output::write_atomically(out, &printed.pdf)
    };
    written.map_err(|e| {
        fail(
            &format!(
                "cannot write `{}`: {}",
                out.display(),
                output::write_reason(out, &e)
            ),
            &[],
            None,
        )
    })?;
    anstream::eprintln!("{}", summary(&printed, paper, args, out));
    Ok(SUCCESS)
}

/// `wrote `chapter.pdf`: 11 a4 pages, the overview and 7 sections …`.
fn summary(printed: &printed::Printed, paper: &Paper, args: &RenderArgs, out: &Path) -> String {
    use argmap::english::{count, noun_s};
    let pages = printed.pages.len();
    let size = args.page.as_deref().unwrap_or("").to_ascii_lowercase();
    let mut line = format!(
        "wrote `{}`: {} {size} {}",
        out.display(),
        pages,
        noun_s(pages, "page")
    );
    if printed.split {
        let sections = printed.sheets.len().saturating_sub(1);
        line.push_str(&format!(
            ", the overview and {}, because the whole map would print its text below {} pt",
            count(sections, "section"),
            fmt_pt(paper.min_text)
        ));
    }
    let tiled: Vec<String> = printed
        .sheets
        .iter()
        .enumerate()
        .filter_map(|(i, title)| {
            let parts = printed
                .pages
                .iter()
                .find(|p| p.sheet == i && p.tiled())?
                .parts();
            let name = title.strip_prefix("Section: ").unwrap_or(title);
            Some(format!("{name} ({parts})"))
        })
        .collect();
    if !tiled.is_empty() {
        line.push_str(&format!(
            "; tiled across pages to stay legible: {}",
            tiled.join(", ")
        ));
    }
    if printed.smallest.is_finite() {
        line.push_str(&format!("; smallest text {} pt", fmt_pt(printed.smallest)));
    }
    line
}

/// A size in points to a tenth.
fn fmt_pt(v: f64) -> String {
    let s = format!("{v:.1}");
    s.strip_suffix(".0").map_or(s.clone(), str::to_owned)
}
