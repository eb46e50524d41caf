//! `argmap report`: the reviewer's audit of a map, as Markdown or HTML.

use std::path::PathBuf;
use std::time::Duration;

use clap::{Args, ValueEnum};

use super::{Outcome, SUCCESS, TextArgs, fail, fail_with_notes, input, output};
use argmap::report::references::CitationStyle;
use argmap::report::{Audit, html, markdown};

pub const EXAMPLES: &str = "\
Examples:
  argmap report examples/bridge.toml                  Markdown on stdout
  argmap report examples/bridge.toml -o audit.html     HTML, from the extension
  argmap report examples/bridge.toml -o audit.md --diagram bridge.svg   links the diagram
  argmap report examples/bridge.toml --style apa       the references in APA style

The format is --format, else the extension of OUT (.html or .htm: HTML),
else Markdown. The HTML page embeds the interactive viewer of the whole map
(as `argmap view` writes it) when Graphviz (`dot`) is installed.";

/// Report formats.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ReportFormat {
    /// GitHub-flavoured Markdown
    Md,
    /// one self-contained HTML page
    Html,
}

/// Arguments of `argmap report`.
#[derive(Args, Debug)]
pub struct ReportArgs {
    /// The map to audit.
    #[arg(value_name = "MAP")]
    map: PathBuf,

    /// Report format [default: from the extension of OUT (`.html`, `.htm`:
    /// html), else md].
    #[arg(long, value_enum)]
    format: Option<ReportFormat>,

    /// Where to write the report (`-` for stdout, the default).
    #[arg(short, long, value_name = "OUT", default_value = "-")]
    output: PathBuf,

    /// Markdown: a path or URL of the map's diagram to show in the report.
    #[arg(long, value_name = "PATH")]
    diagram: Option<String>,

    /// Markdown: the level of the report's title heading (1 to 4), for
    /// embedding the report in another document.
    #[arg(long, value_name = "N", default_value_t = 1, value_parser = clap::value_parser!(u8).range(1..=4))]
    heading_level: u8,

    /// HTML: do not embed the interactive diagram, even when Graphviz is
    /// installed.
    #[arg(long)]
    no_diagram: bool,

    /// The citation style of the references: `chicago-author-date`, `apa`,
    /// `mla`, `ieee`, `harvard-cite-them-right`, or another CSL style
    /// that hayagriva bundles.
    #[arg(long, value_name = "STYLE", default_value = "chicago-author-date")]
    style: String,

    #[command(flatten)]
    texts: TextArgs,
}

/// Runs `report`; returns the exit code.
pub fn run(args: &ReportArgs) -> Outcome {
    let style = CitationStyle::by_name(&args.style).ok_or_else(|| {
        let names = CitationStyle::names();
        let like: Vec<String> = names
            .iter()
            .filter(|n| !args.style.is_empty() && n.contains(&args.style.to_lowercase()))
            .map(|n| format!("`{n}`"))
            .collect();
        let message = format!("no citation style `{}`", args.style);
        match argmap::suggest::closest(&args.style, names.iter().copied()) {
            Some(s) => fail(&message, Some(&format!("did you mean `{s}`?"))),
            None if !like.is_empty() => fail(
                &message,
                Some(&format!("styles named like it: {}", like.join(", "))),
            ),
            None => fail_with_notes(
                &message,
                &[format!("the styles are: {}", names.join(", "))],
                Some("for example `apa`, `chicago-author-date`, `ieee` or `mla`"),
            ),
        }
    })?;
    let usable = input::load_usable(&args.map, Some(&args.texts))?;
    let (map, graph) = (&usable.map, &usable.graph);
    let evaluation = argmap::eval::evaluate(map, graph);
    let evidence = argmap::eval::Evidence::of(
        map,
        &graph.resolved,
        &usable.report.diagnostics,
        &usable.texts,
    );
    let on_evidence = argmap::eval::evaluate_evidence(map, graph, &evidence);
    let audit = Audit::new(&usable.report, map, graph, &evaluation, &usable.texts)
        .with_evidence(graph, &on_evidence)
        .with_style(&usable.report, graph, style);
    let format = args.format.unwrap_or_else(|| {
        let ext = args.output.extension().and_then(|e| e.to_str());
        match ext.map(str::to_ascii_lowercase).as_deref() {
            Some("html" | "htm") => ReportFormat::Html,
            _ => ReportFormat::Md,
        }
    });
    let page = match format {
        ReportFormat::Md => markdown::render(
            &audit,
            args.diagram.as_deref(),
            usize::from(args.heading_level),
        ),
        ReportFormat::Html => {
            let frame = if args.no_diagram {
                None
            } else {
                viewer(&usable, &evaluation)?
            };
            html::render(&audit, frame.as_ref())
        }
    };
    output::emit(
        &args.output,
        &output::inputs(&args.map, &usable),
        page.as_bytes(),
    )?;
    Ok(SUCCESS)
}

/// The interactive viewer of the whole map (`argmap view`'s page), when
/// Graphviz is installed and lays the map out in time (in parts past
/// 2,000 nodes); otherwise the report goes without it, and says why on
/// stderr.
fn viewer(
    usable: &super::input::Usable,
    evaluation: &argmap::eval::Evaluation,
) -> Result<Option<html::Frame>, super::Error> {
    use argmap::viewer::{self, Diagram};
    let (map, graph) = (&usable.map, &usable.graph);
    let options = argmap::render::Options::default();
    let diagram = super::view::diagram(map, graph, &options, None, Duration::from_secs(60))?;
    if let Diagram::Missing(why) = &diagram {
        anstream::eprintln!("note: the report has no diagram: {why}");
        return Ok(None);
    }
    let page = viewer::page(&viewer::Input {
        map,
        graph,
        report: &usable.report,
        evaluation,
        diagram,
    });
    Ok(Some(html::Frame {
        page,
        scripts: vec![viewer::script_source()],
        styles: vec![viewer::style_source()],
    }))
}
