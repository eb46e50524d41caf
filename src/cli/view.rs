//! `argmap view MAP -o map.html`: the interactive viewer (see
//! `argmap::viewer`), its diagram laid out here by Graphviz `dot` under the
//! time limit; without Graphviz, or for a map too large to lay out, the
//! page without the diagram, said on stderr and in the page.

use std::path::{Path, PathBuf};
use std::time::Duration;

use clap::Args;

use super::render::DrawArgs;
use super::{Outcome, SUCCESS, TextArgs, fail, input, output, warn};
use argmap::english::count;
use argmap::render::exec::{self, DotError};
use argmap::render::split::{self, MAX_GRAPHVIZ_NODES};
use argmap::render::{Format, Options, View};
use argmap::viewer::{self, Diagram};

pub const EXAMPLES: &str = "\
Examples:
  argmap view examples/phones.toml -o phones.html     open phones.html in a browser
  argmap view maps/cpc-and-sovereignty.toml --theme colorblind -o chapter.html
  argmap view examples/bridge.toml --actor engineer --color-by status -o engineer.html

One HTML file that works offline: the diagram (pan with the mouse or the
arrow keys, zoom with the wheel, a pinch or + and -, 0 fits it to the
screen), search by id or words, filters by section, actor, tag, status and
citation, and a panel with the selected claim's text, citations, anchor,
status and findings. `#ID` at the end of its address selects a claim.
Past 2,000 nodes, the overview of the sections, each opened on demand.
Without Graphviz the page has no diagram and says so. The diagram takes
`render`'s drawing options; claims --actor or --tag leave out of it stay in
the lists and the panel. See docs/viewer.md.";

/// Arguments of `argmap view`.
#[derive(Args, Debug)]
pub struct ViewArgs {
    /// The map file to view.
    #[arg(value_name = "MAP")]
    map: PathBuf,

    /// The HTML file to write; `-` writes to stdout.
    #[arg(short, long, value_name = "OUT")]
    output: PathBuf,

    #[command(flatten)]
    draw: DrawArgs,

    /// Run Graphviz even on a diagram of more than 2,000 nodes.
    #[arg(long)]
    force: bool,

    /// Stop Graphviz `dot` after this many seconds; the page is then
    /// written without its diagram.
    #[arg(long, value_name = "SECS", default_value_t = 60,
          value_parser = clap::value_parser!(u64).range(1..))]
    timeout: u64,

    #[command(flatten)]
    texts: TextArgs,
}

fn is_stdout(path: &Path) -> bool {
    path.as_os_str() == "-"
}

/// Runs `view`; returns the exit code.
pub fn run(args: &ViewArgs) -> Outcome {
    let out = &args.output;
    let shown = out.display();
    if !is_stdout(out) {
        if out.is_dir() {
            return Err(fail(
                &format!("`{shown}` is a directory"),
                Some("give a file name, such as `-o map.html`"),
            ));
        }
        if output::same_file(&args.map, out) {
            return Err(fail(
                &format!(
                    "refusing to write the viewer over the map `{}`",
                    args.map.display()
                ),
                Some(&format!(
                    "give another output file, such as `-o {}`",
                    args.map.with_extension("html").display()
                )),
            ));
        }
    }
    let usable = input::load_usable(&args.map, Some(&args.texts))?;
    let (map, graph) = (&usable.map, &usable.graph);
    let options = args.draw.options(&usable, View::Whole, false);
    let limit = Duration::from_secs(args.timeout);
    let diagram = diagram(map, graph, &options, Some(args.force), limit)?;
    if let Diagram::Missing(why) = &diagram {
        warn(&format!(
            "no diagram: {why}; `{shown}` has the lists and the details panel without it"
        ));
    }
    let evaluation = args.draw.evaluation(&usable);
    let page = viewer::page(&viewer::Input {
        map,
        graph,
        report: &usable.report,
        evaluation: &evaluation,
        diagram,
    });
    let written = if is_stdout(out) {
        use std::io::Write;
        let mut stdout = std::io::stdout().lock();
        stdout
            .write_all(page.as_bytes())
            .and_then(|()| stdout.flush())
            .or_else(output::closed_pipe)
    } else {
        output::write_atomically(out, page.as_bytes())
    };
    written.map_err(|e| {
        fail(
            &format!("cannot write `{shown}`: {}", output::write_reason(out, &e)),
            None,
        )
    })?;
    if !is_stdout(out) {
        anstream::eprintln!(
            "wrote `{shown}`: {}, {} and {}",
            count(map.claims.len(), "claim"),
            count(map.arguments.len(), "argument"),
            count(map.sources.len(), "source")
        );
    }
    Ok(SUCCESS)
}

/// The diagram as Graphviz lays it out, or why there is none. Past
/// [`MAX_GRAPHVIZ_NODES`], a map with sections is laid out in parts: the
/// overview and each section, which the page opens on demand. `force`:
/// `Some(true)` lays out a diagram of any size whole (`--force`),
/// `Some(false)` offers `--force` when it is too large, and `None`, for a
/// command without that option, does neither.
pub(super) fn diagram(
    map: &argmap::model::Map,
    graph: &argmap::graph::MapGraph,
    options: &Options,
    force: Option<bool>,
    limit: Duration,
) -> Result<Diagram, super::Error> {
    let nodes = split::drawn_nodes(map, graph, options)
        .map_err(|e| fail(&e.to_string(), e.help().as_deref()))?;
    let too_many = format!(
        "the diagram would draw {} nodes, too many for Graphviz to lay out in \
         reasonable time (at most {}{})",
        argmap::english::thousands(nodes),
        argmap::english::thousands(MAX_GRAPHVIZ_NODES),
        if force.is_some() {
            "; `--force` tries anyway"
        } else {
            ""
        }
    );
    if nodes > MAX_GRAPHVIZ_NODES && force != Some(true) {
        let sections = split::section_diagrams(map, graph, options);
        if map.sections.is_empty()
            || split::overview_nodes(map, graph) > MAX_GRAPHVIZ_NODES
            || sections.iter().any(|s| s.nodes > MAX_GRAPHVIZ_NODES)
        {
            return Ok(Diagram::Missing(too_many));
        }
        let overview = split::overview_dot(map, graph, options, &|_| None);
        let overview = match lay_out(&overview, limit)? {
            Ok(svg) => svg,
            Err(why) => return Ok(Diagram::Missing(why)),
        };
        let mut laid = Vec::with_capacity(sections.len());
        for s in &sections {
            match lay_out(&s.dot, limit)? {
                Ok(svg) => laid.push((s.id.clone(), svg)),
                Err(why) => return Ok(Diagram::Missing(why)),
            }
        }
        anstream::eprintln!(
            "note: {too_many}: the page shows the overview of the sections, and opens \
             each of the {} on demand",
            count(laid.len(), "section")
        );
        return Ok(Diagram::Split {
            overview,
            sections: laid,
        });
    }
    let dot = argmap::render::to_dot(map, graph, options)
        .map_err(|e| fail(&e.to_string(), e.help().as_deref()))?;
    Ok(match lay_out(&dot, limit)? {
        Ok(svg) => Diagram::Svg(svg),
        Err(why) => Diagram::Missing(why),
    })
}

/// `dot -Tsvg`: the SVG, or why there is none (Graphviz missing, or too
/// slow); any other failure of `dot` is an error.
fn lay_out(dot: &str, limit: Duration) -> Result<Result<String, String>, super::Error> {
    let program = exec::dot_program();
    match exec::run_dot(&program, dot, Format::Svg, limit) {
        Ok(rendered) => {
            for line in rendered.warnings.lines().filter(|l| !l.trim().is_empty()) {
                warn(&format!("Graphviz: {}", line.trim()));
            }
            Ok(Ok(String::from_utf8_lossy(&rendered.output).into_owned()))
        }
        Err(DotError::NotFound { .. }) => Ok(Err(format!(
            "the Graphviz program `{}` was not found",
            program.to_string_lossy()
        ))),
        Err(e @ DotError::TimedOut { .. }) => Ok(Err(e.to_string())),
        Err(e) => {
            let notes: Vec<String> = e
                .stderr()
                .map(|s| {
                    s.lines()
                        .map(|l| format!("dot: {}", l.trim_end()))
                        .collect()
                })
                .unwrap_or_default();
            Err(super::fail_with_notes(
                &e.to_string(),
                &notes,
                Some("`argmap render MAP -o map.dot` writes the DOT that failed"),
            ))
        }
    }
}
