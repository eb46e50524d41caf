//! The tests that run Graphviz for real: any map text laid out as SVG
//! without markup from the map, `render -o map.svg`, and the diagram the
//! HTML report embeds. Without `dot` on PATH each is reported ignored, and
//! fails under `ARGMAP_CI=1` (see `tests/external/mod.rs`); the tests of
//! the command line around Graphviz, with scripts standing in for it, are
//! in `tests/render.rs`, `tests/split.rs` and `tests/robustness.rs`.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use std::path::Path;
use std::process::{Command, ExitCode, Stdio};

use argmap::diag::Levels;
use argmap::render::text::WORD_JOINER;
use argmap::render::{Options, to_dot};
use base64::Engine;

mod common;
mod external;
mod markup;

use external::trial;
use markup::HOSTILE;

fn main() -> ExitCode {
    external::run(vec![
        trial!(any_text_renders_as_svg_without_markup_from_the_map, needs Graphviz),
        trial!(render_writes_svg_with_real_dot, needs Graphviz),
        trial!(svg_has_no_script_or_handler_from_the_map, needs Graphviz),
        trial!(html_report_embeds_the_diagram_without_markup_from_the_map, needs Graphviz),
        trial!(a_missing_graphviz_is_ignored_here_and_fails_in_ci),
    ])
}

/// A map whose every text tries to break DOT, HTML labels or SVG.
const NASTY: &str = include_str!("fixtures/render/nasty.toml");

fn any_text_renders_as_svg_without_markup_from_the_map() {
    let checked = argmap::check::check("map.toml", NASTY.as_bytes(), &Levels::default());
    let (map, graph) = (checked.map.unwrap(), checked.graph.unwrap());
    let dot = to_dot(&map, &graph, &Options::default()).unwrap();
    let out = Command::new("dot")
        .arg("-Tsvg")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .and_then(|mut child| {
            use std::io::Write;
            child.stdin.take().unwrap().write_all(dot.as_bytes())?;
            child.wait_with_output()
        })
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "dot failed: {stderr}");
    assert!(!stderr.contains("Error"), "{stderr}");
    let svg = String::from_utf8(out.stdout).unwrap();
    assert!(svg.contains("</svg>"));
    // Every tag is Graphviz's own: no element or attribute from map text.
    for segment in svg.split('<').skip(1) {
        let tag = &segment[..segment.find('>').expect("tag closed")];
        let name = tag.split_whitespace().next().unwrap_or("");
        assert!(
            !["script", "b", "img", "i", "br"].contains(&name),
            "<{tag}>"
        );
        // Attribute names, with the (escaped) attribute values left out.
        let names: String = tag.split('"').step_by(2).collect();
        assert!(
            !names.contains(" onload") && !names.contains(" onclick"),
            "<{tag}>"
        );
    }
    assert!(!svg.contains("<script"));
    // The texts are there, escaped for XML; the invisible word joiners
    // keep backslashes from starting escape sequences.
    let svg = svg.replace(WORD_JOINER, "");
    assert!(svg.contains("&lt;b&gt;bold&lt;/b&gt; &amp;amp;"));
    assert!(svg.contains("She said &quot;stop&quot; \\ then left \\"));
    assert!(svg.contains("\\N \\G \\E \\T \\H \\L \\l \\n \\r \\\\ \\&quot;"));
    assert!(svg.contains("国家网络空间安全战略"));
}

/// `argmap render map.toml -o map.svg` runs Graphviz and writes the SVG,
/// and nothing else, silently.
fn render_writes_svg_with_real_dot() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(
        "tests/fixtures/render/everything.toml",
        dir.path().join("map.toml"),
    )
    .unwrap();
    let out = common::argmap(["render", "map.toml", "-o", "map.svg", "--sources"])
        .current_dir(dir.path())
        .run();
    assert_eq!(
        (out.code, out.stdout.as_str(), out.stderr.as_str()),
        (0, "", "")
    );
    let svg = std::fs::read_to_string(dir.path().join("map.svg")).unwrap();
    assert!(svg.starts_with("<?xml"));
    assert!(svg.contains("<svg"));
    assert!(svg.trim_end().ends_with("</svg>"));
    assert!(svg.contains("The bridge should be rebuilt"));
    assert!(svg.contains("xlink:title="));
    let mut files: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    files.sort();
    assert_eq!(files, ["map.svg", "map.toml"]);
}

fn svg_has_no_script_or_handler_from_the_map() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("h.svg");
    let run = common::argmap([
        "render",
        HOSTILE,
        "-o",
        out.to_str().unwrap(),
        "--sources",
        "--status",
    ])
    .run();
    assert_eq!(run.code, 0, "{}", run.stderr);
    markup::assert_svg_has_no_markup_from_the_map(&std::fs::read_to_string(&out).unwrap());
}

/// The HTML report embeds the whole-map diagram as a `data:` URL, and that
/// SVG holds no markup from the map either.
fn html_report_embeds_the_diagram_without_markup_from_the_map() {
    let run = common::argmap(["report", HOSTILE, "--format", "html"]).run();
    assert_eq!(run.code, 0, "{}", run.stderr);
    let prefix = "src=\"data:image/svg+xml;base64,";
    let start = run.stdout.find(prefix).expect("the diagram is embedded") + prefix.len();
    let end = start + run.stdout[start..].find('"').unwrap();
    let svg = base64::engine::general_purpose::STANDARD
        .decode(&run.stdout[start..end])
        .unwrap();
    markup::assert_svg_has_no_markup_from_the_map(std::str::from_utf8(&svg).unwrap());
}

/// The mechanism itself: with a `PATH` on which there is no `dot`, a test
/// that needs Graphviz is reported ignored here and fails under
/// `ARGMAP_CI=1`.
fn a_missing_graphviz_is_ignored_here_and_fails_in_ci() {
    let empty = tempfile::tempdir().unwrap();
    assert!(!Path::new(&empty.path().join("dot")).exists());
    external::assert_missing_input_is_loud(
        "svg_has_no_script_or_handler_from_the_map",
        &[("PATH", Some(empty.path().to_str().unwrap()))],
        "Graphviz `dot` is not on PATH",
    );
}
