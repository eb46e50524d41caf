//! `argmap render --split`, and the refusal of diagrams too large for
//! Graphviz.
//!
//! `--split -o DIR` writes `DIR/overview.EXT` and `DIR/SECTION-ID.EXT` for
//! every section, in `--format` (default: DOT), all or nothing: they are
//! written into a hidden folder inside DIR and moved into DIR only when
//! every one has succeeded, never over the map or a source text. A diagram
//! of more than [`MAX_GRAPHVIZ_NODES`] nodes is written as DOT, with a
//! warning, unless `--force`: DOT of any size always works. Graphviz runs
//! on as many diagrams at once as there are cores.

use std::ffi::OsStr;
use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use rayon::prelude::*;

use super::{Format, Options, RenderArgs, View, dot_failure, fail, is_stdout};
use crate::cli::Outcome;
use crate::cli::{SUCCESS, input, output, warn};
use argmap::graph::MapGraph;
use argmap::model::Map;
use argmap::render::exec::{self, DotError};
use argmap::render::page::Page;
use argmap::render::split::{self, MAX_GRAPHVIZ_NODES, OVERVIEW};

/// `1 diagram`, `2 diagrams`.
fn plural(n: usize, what: &str) -> String {
    format!(
        "{} {}",
        argmap::english::thousands(n),
        argmap::english::noun_s(n, what)
    )
}

/// For a diagram that needs Graphviz: the exit code of a refusal, when it
/// draws more than [`MAX_GRAPHVIZ_NODES`] nodes.
pub(super) fn refuse_if_too_large(
    map: &Map,
    graph: &MapGraph,
    options: &Options,
    format: Format,
) -> Option<crate::cli::Error> {
    // A view that names nothing is reported when the DOT is built.
    let nodes = split::drawn_nodes(map, graph, options).ok()?;
    if nodes <= MAX_GRAPHVIZ_NODES {
        return None;
    }
    Some(fail(
        &format!(
            "the diagram would draw {} nodes, too many for Graphviz to lay out as {} \
             in reasonable time (at most {})",
            argmap::english::thousands(nodes),
            format.name().to_uppercase(),
            argmap::english::thousands(MAX_GRAPHVIZ_NODES)
        ),
        &["Graphviz `dot` takes a second for 2,000 nodes, and a minute for 10,000".to_owned()],
        Some(
            "draw it in parts with `--split -o DIR/` (an overview and one diagram per \
             section), or around one claim with `--focus ID`; DOT of any size needs no \
             Graphviz (`-o map.dot`); `--force` tries anyway",
        ),
    ))
}

/// The index page, which links every diagram.
const INDEX: &str = "index.html";

/// With `--format pdf`, every diagram on printed pages, in one PDF.
const BOOKLET: &str = "booklet.pdf";

/// One file to write.
struct Job {
    /// The file name, in the output folder.
    file: String,
    /// What it shows, for the booklet's footers and bookmarks.
    title: String,
    dot: String,
    format: Format,
}

/// Runs `render --split`; returns the exit code.
pub(super) fn run(args: &RenderArgs, read: &mut Vec<std::path::PathBuf>) -> Outcome {
    let dir = &args.output;
    let shown = dir.display();
    if is_stdout(dir) {
        return Err(fail(
            "`--split` writes a folder of diagrams, not one stream",
            &[],
            Some("give a folder: `-o diagrams/`"),
        ));
    }
    let named_like_a_file = dir
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
        .is_some_and(|e| matches!(e.as_str(), "dot" | "gv" | "svg" | "png" | "pdf"));
    if args.format.is_none() && named_like_a_file && !dir.is_dir() {
        return Err(fail(
            &format!("`{shown}` names a file, and `--split` writes a folder of diagrams"),
            &[],
            Some("give a folder and the format: `-o diagrams/ --format svg`"),
        ));
    }
    if dir.exists() && !dir.is_dir() {
        return Err(fail(
            &format!("`{shown}` is a file, and `--split` writes a folder of diagrams"),
            &[],
            Some("give a folder, new or existing: `-o diagrams/`"),
        ));
    }
    let format = args.format.map_or(Format::Dot, Format::from);
    if args.page.is_some() && format != Format::Pdf {
        return Err(fail(
            &format!(
                "`--page` prints on paper, as PDF, and `--split` writes {}",
                format.name().to_uppercase()
            ),
            &[],
            Some("give `--format pdf`: each diagram, and `booklet.pdf` with all of them on pages"),
        ));
    }
    let usable = super::load(args, read)?;
    let (map, graph) = (&usable.map, &usable.graph);

    // Files are named by section ids: none may be the overview's name, and
    // on a file system that ignores case, no two may differ only in case.
    let mut taken = std::collections::HashMap::new();
    taken.insert(OVERVIEW.to_owned(), "the overview".to_owned());
    for s in &map.sections {
        let id = s.id.as_str();
        // Most file systems take names of at most 255 bytes.
        let longest = 255 - 1 - format.name().len();
        if id.len() > longest {
            return Err(fail(
                &format!(
                    "section `{}…` has an id of {} bytes, too long for a file name",
                    id.get(..24).unwrap_or(id),
                    id.len()
                ),
                &[],
                Some(&format!(
                    "shorten the section's id to at most {longest} bytes"
                )),
            ));
        }
        if let Some(other) = taken.insert(id.to_lowercase(), format!("section `{id}`")) {
            return Err(fail(
                &format!(
                    "section `{id}` and {other} would be written to the same file, \
                     `{}.{}`",
                    id.to_lowercase(),
                    format.name()
                ),
                &[],
                Some("rename the section, or draw it with `--section ID -o FILE`"),
            ));
        }
    }
    // A folder made here and left empty by a failure is removed again.
    let made = !dir.exists();
    if let Err(e) = std::fs::create_dir_all(dir) {
        return Err(fail(
            &format!("cannot create `{shown}`: {}", input::io_reason(&e)),
            &[],
            None,
        ));
    }

    let options = args.draw.options(&usable, View::Whole, args.page.is_some());
    // Too large for Graphviz: written as DOT instead.
    let format_for = |nodes: usize, what: &str, name: &str| {
        if format.needs_graphviz() && !args.force && nodes > MAX_GRAPHVIZ_NODES {
            warn(&format!(
                "{what} would have Graphviz lay out {} nodes (at most {}): \
                 written as `{name}.dot`; `--force` tries anyway",
                argmap::english::thousands(nodes),
                argmap::english::thousands(MAX_GRAPHVIZ_NODES)
            ));
            Format::Dot
        } else {
            format
        }
    };
    let sections = split::section_diagrams(map, graph, &options);
    let mut jobs: Vec<Job> = Vec::with_capacity(sections.len() + 1);
    let mut files: Vec<Option<String>> = vec![None; map.sections.len()];
    for d in sections {
        let f = format_for(d.nodes, &format!("section `{}`", d.id), &d.id);
        let file = format!("{}.{}", d.id, f.name());
        if let Some(slot) = files.get_mut(d.section) {
            *slot = Some(file.clone());
        }
        let title = map
            .sections
            .get(d.section)
            .map(argmap::model::Section::display_title)
            .unwrap_or(d.id.as_str());
        jobs.push(Job {
            file,
            title: format!("Section: {title}"),
            dot: d.dot,
            format: f,
        });
    }
    let link = |i: usize| files.get(i).cloned().flatten();
    let f = format_for(split::overview_nodes(map, graph), "the overview", OVERVIEW);
    jobs.insert(
        0,
        Job {
            file: format!("{OVERVIEW}.{}", f.name()),
            title: "Overview of the sections".to_owned(),
            dot: split::overview_dot(map, graph, &options, &link),
            format: f,
        },
    );
    let overview_file = jobs.first().map_or(String::new(), |j| j.file.clone());
    jobs.push(Job {
        file: INDEX.to_owned(),
        title: String::new(),
        dot: split::index_html(
            map,
            graph,
            &overview_file,
            &files,
            (format == Format::Pdf).then_some(BOOKLET),
        ),
        // Written as it is.
        format: Format::Dot,
    });
    // Never over the map or a source text the command read, and nothing
    // that cannot be replaced by a file.
    let inputs = output::inputs(&args.map, &usable);
    for job in &jobs {
        let path = dir.join(&job.file);
        if path.is_dir() {
            return Err(fail(
                &format!(
                    "`{}` is a folder, where `--split` would write a diagram",
                    path.display()
                ),
                &[],
                Some("move the folder away, or give `-o` another folder"),
            ));
        }
        if let Some((input, what)) = inputs.iter().find(|(i, _)| output::same_file(i, &path)) {
            return Err(fail(
                &format!(
                    "refusing to write over the {what} `{}`: `--split` would write `{}` there",
                    input.display(),
                    job.file
                ),
                &[],
                Some("give `-o` another folder"),
            ));
        }
    }
    let booklet = (format == Format::Pdf).then(|| {
        super::paper(args).map(|p| {
            p.unwrap_or(argmap::render::printed::Paper {
                page: Page::default(),
                orientation: None,
                min_text: args.min_text,
            })
        })
    });
    let booklet = booklet.transpose()?;
    let done = write_all(
        dir,
        &jobs,
        Duration::from_secs(args.timeout),
        booklet.as_ref(),
    );
    if done.is_err() && made {
        // Only if empty: never anything but the folder itself.
        let _ = std::fs::remove_dir(dir);
    }
    super::release(usable, args);
    done
}

/// Renders and writes every job, as many at once as there are cores, into a
/// hidden folder inside `dir`; once every one has succeeded, moves them
/// into `dir`. Once one fails, the jobs not yet started are skipped, the
/// failure of the earliest job is reported, and `dir` is left as it was.
fn write_all(
    dir: &Path,
    jobs: &[Job],
    limit: Duration,
    booklet: Option<&argmap::render::printed::Paper>,
) -> Outcome {
    let program = exec::dot_program();
    let stage = match tempfile::Builder::new()
        .prefix(".argmap-split-")
        .tempdir_in(dir)
    {
        Ok(stage) => stage,
        Err(e) => {
            return Err(fail(
                &format!(
                    "cannot write in `{}`: {}",
                    dir.display(),
                    input::io_reason(&e)
                ),
                &[],
                None,
            ));
        }
    };
    let failed = AtomicBool::new(false);
    // Per job: `None` if skipped, else its Graphviz warnings or its failure.
    let outcomes: Vec<Option<Result<String, Failure>>> = jobs
        .par_iter()
        .map(|job| {
            if failed.load(Ordering::Relaxed) {
                return None;
            }
            let outcome = write_one(stage.path(), job, &program, limit);
            if outcome.is_err() {
                failed.store(true, Ordering::Relaxed);
            }
            Some(outcome)
        })
        .collect();
    let mut warnings = Vec::new();
    let mut failure = None;
    for (i, outcome) in outcomes.into_iter().enumerate() {
        match outcome {
            Some(Ok(w)) if !w.trim().is_empty() => warnings.push((i, w)),
            Some(Err(f)) if failure.is_none() => failure = Some((i, f)),
            _ => {}
        }
    }
    for (i, text) in warnings {
        let file = jobs.get(i).map_or("", |j| j.file.as_str());
        for line in text.lines().filter(|l| !l.trim().is_empty()) {
            warn(&format!("Graphviz, `{file}`: {}", line.trim()));
        }
    }
    let mut extra: Vec<&str> = Vec::new();
    let mut booklet_pages = 0;
    if failure.is_none()
        && let Some(paper) = booklet
    {
        // The diagrams written as PDF (not those too large, written as
        // DOT), in order: the overview first.
        let mut sheets = Vec::new();
        for job in jobs.iter().filter(|j| j.format == Format::Pdf) {
            match std::fs::read(stage.path().join(&job.file)) {
                Ok(pdf) => sheets.push((job.title.clone(), pdf)),
                Err(e) => {
                    return Err(fail(
                        &format!("cannot read `{}`: {}", job.file, input::io_reason(&e)),
                        &[],
                        None,
                    ));
                }
            }
        }
        if !sheets.is_empty() {
            match argmap::render::printed::join(sheets, paper) {
                Ok(printed) => {
                    booklet_pages = printed.pages.len();
                    if let Err(e) = std::fs::write(stage.path().join(BOOKLET), &printed.pdf) {
                        return Err(fail(
                            &format!(
                                "cannot write `{}`: {}",
                                dir.join(BOOKLET).display(),
                                input::io_reason(&e)
                            ),
                            &[],
                            None,
                        ));
                    }
                    extra.push(BOOKLET);
                }
                Err(e) => {
                    return Err(fail(
                        &format!("cannot print the booklet: {e}"),
                        &[format!("nothing was written to `{}`", dir.display())],
                        None,
                    ));
                }
            }
        }
    }
    if failure.is_none() {
        for name in &extra {
            if let Err(e) = std::fs::rename(stage.path().join(name), dir.join(name)) {
                return Err(fail(
                    &format!(
                        "cannot write `{}`: {}",
                        dir.join(name).display(),
                        input::io_reason(&e)
                    ),
                    &[],
                    None,
                ));
            }
        }
        for (i, job) in jobs.iter().enumerate() {
            if let Err(e) = std::fs::rename(stage.path().join(&job.file), dir.join(&job.file)) {
                failure = Some((i, Failure::Write(e)));
                break;
            }
        }
    }
    match failure {
        None => {
            // The overview, the sections, and the index page.
            let diagrams = jobs.iter().filter(|j| j.file != INDEX).count();
            let sections = diagrams.saturating_sub(1);
            let parts = match sections {
                0 => "the overview; the map has no sections".to_owned(),
                1 => "the overview and 1 section".to_owned(),
                n => format!("the overview and {n} sections"),
            };
            let booklet = if booklet_pages > 0 {
                format!(
                    ", `{BOOKLET}` (all of them on {} printed pages)",
                    argmap::english::thousands(booklet_pages)
                )
            } else {
                String::new()
            };
            anstream::eprintln!(
                "wrote {} to `{}`: {parts}{booklet}, and `{INDEX}`, which links them",
                plural(diagrams, "diagram"),
                dir.display()
            );
            Ok(SUCCESS)
        }
        Some((i, failure)) => {
            let file = jobs.get(i).map_or("", |j| j.file.as_str());
            let path = dir.join(file);
            Err(match failure {
                Failure::Dot(e @ DotError::NotFound { .. }) => {
                    let format = jobs.get(i).map_or(Format::Dot, |j| j.format);
                    dot_failure(&e, &program, &path, format).with_help(
                        "install Graphviz (`apt-get install graphviz`, `brew install graphviz`), \
                         or split into DOT, which needs no Graphviz: `--format dot`",
                    )
                }
                Failure::Dot(e) => {
                    let format = jobs.get(i).map_or(Format::Dot, |j| j.format);
                    dot_failure(&e, &program, &path, format)
                }
                Failure::Write(e) => fail(
                    &format!(
                        "cannot write `{}`: {}",
                        path.display(),
                        input::io_reason(&e)
                    ),
                    &[],
                    None,
                ),
            })
        }
    }
}

/// Why a file of the split was not written.
enum Failure {
    Dot(DotError),
    Write(std::io::Error),
}

/// Renders one job (through Graphviz if its format needs it) and writes
/// it into the staging folder `stage`; its Graphviz warnings, if any.
fn write_one(stage: &Path, job: &Job, program: &OsStr, limit: Duration) -> Result<String, Failure> {
    let (bytes, warnings) = if job.format.needs_graphviz() {
        let rendered = exec::run_dot(program, &job.dot, job.format, limit).map_err(Failure::Dot)?;
        (rendered.output, rendered.warnings)
    } else {
        (job.dot.as_bytes().to_vec(), String::new())
    };
    std::fs::write(stage.join(&job.file), &bytes).map_err(Failure::Write)?;
    Ok(warnings)
}
