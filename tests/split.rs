//! `argmap render --split` and the refusal of diagrams too large for
//! Graphviz: the overview's DOT (snapshot), the files a split writes, and
//! what happens above `MAX_GRAPHVIZ_NODES` (with a stub `dot`, through
//! `ARGMAP_DOT`, so that no test needs Graphviz).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use argmap::diag::Levels;
use argmap::render::split::{self, MAX_GRAPHVIZ_NODES};
use argmap::render::{Options, View};

mod common;

use common::run_in;

const DEBATE: &str = "tests/fixtures/split/debate.toml";

fn checked(bytes: &[u8]) -> argmap::check::Checked {
    argmap::check::check("map.toml", bytes, &Levels::default())
}

#[test]
fn overview_dot() {
    let c = checked(&std::fs::read(DEBATE).unwrap());
    let (map, graph) = (c.map.unwrap(), c.graph.unwrap());
    let link = |i: usize| map.sections.get(i).map(|s| format!("{}.svg", s.id.value));
    let dot = split::overview_dot(&map, &graph, &Options::default(), &link);
    insta::assert_snapshot!(dot);
}

#[test]
fn overview_counts_and_crossings() {
    let c = checked(&std::fs::read(DEBATE).unwrap());
    let (map, graph) = (c.map.unwrap(), c.graph.unwrap());
    let dot = split::overview_dot(&map, &graph, &Options::default(), &|_| None);
    // Three sections and the claims in none; five edges, whose labels
    // Graphviz lays out as nodes.
    assert_eq!(split::overview_nodes(&map, &graph), 9);
    assert!(dot.contains("2 claims · 2 cited · 1 counterpoint"), "{dot}");
    assert!(
        dot.contains("4 claims · 4 cited · 0 counterpoints"),
        "{dot}"
    );
    assert!(dot.contains("1 claim · 0 cited · 1 counterpoint"), "{dot}");
    // safety -> case: `cracks` supports, and two linked premises.
    assert!(dot.contains("s1 -> s0 [color=\"#1B7837\""), "{dot}");
    assert!(dot.contains("label=\" 3 supports\""), "{dot}");
    // costs -> case (rebuttal) and costs -> safety (undercut).
    assert!(dot.contains("s2 -> s0 [color=\"#B2182B\""), "{dot}");
    assert!(dot.contains("s2 -> s1 [color=\"#B2182B\""), "{dot}");
    // Map text is escaped.
    assert!(dot.contains("Costs &amp; funding &lt;2024&gt;"), "{dot}");
    // Without links, no URL.
    assert!(!dot.contains("URL="), "{dot}");
}

#[test]
fn drawn_nodes_counts_what_a_view_draws() {
    let c = checked(&std::fs::read(DEBATE).unwrap());
    let (map, graph) = (c.map.unwrap(), c.graph.unwrap());
    let nodes = |view: View, sources: bool| {
        let options = Options {
            view,
            sources,
            context: argmap::render::Context::All,
            ..Options::default()
        };
        split::drawn_nodes(&map, &graph, &options).unwrap()
    };
    // Ten claims and one argument; and the two sources they cite.
    assert_eq!(nodes(View::Whole, false), 11);
    assert_eq!(nodes(View::Whole, true), 13);
    // `costs`: its three claims; around it `rebuild`, and `traffic` with
    // its two premises.
    assert_eq!(nodes(View::Section("costs".into()), false), 7);
    // With the default context, near: `rebuild` and the inference
    // `traffic`, faded, without its premises.
    let near = Options {
        view: View::Section("costs".into()),
        ..Options::default()
    };
    assert_eq!(split::drawn_nodes(&map, &graph, &near).unwrap(), 5);
}

/// A temporary folder holding the fixture as `map.toml`.
fn workdir() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(DEBATE, dir.path().join("map.toml")).unwrap();
    dir
}

/// A stand-in for Graphviz `dot` that logs each call to `calls.log` and
/// prints a tiny SVG.
fn stub_dot(dir: &Path) -> PathBuf {
    let path = dir.join("dot.sh");
    let log = dir.join("calls.log");
    common::write_script(
        &path,
        &format!(
            "echo \"$1\" >> '{}'\ncat > /dev/null\necho '<svg/>'",
            log.display()
        ),
    );
    path
}

fn calls(dir: &Path) -> usize {
    std::fs::read_to_string(dir.join("calls.log")).map_or(0, |s| s.lines().count())
}

fn files(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn split_writes_an_overview_and_one_diagram_per_section() {
    let dir = workdir();
    let out = run_in(
        dir.path(),
        &["render", "map.toml", "--split", "-o", "out/diagrams/"],
        &[],
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    insta::assert_snapshot!("split_summary", &out.stderr);
    let outdir = dir.path().join("out/diagrams");
    assert_eq!(
        files(&outdir),
        [
            "case.dot",
            "costs.dot",
            "index.html",
            "overview.dot",
            "safety.dot"
        ]
    );
    // The index links every diagram, by its section's title.
    let index = std::fs::read_to_string(outdir.join("index.html")).unwrap();
    for file in ["overview.dot", "case.dot", "costs.dot", "safety.dot"] {
        assert!(
            index.contains(&format!("href=\"{file}\"")),
            "{file}: {index}"
        );
    }
    assert!(!index.contains("<img"), "DOT is linked, not shown: {index}");
    assert!(!index.contains("<script"));
    // Each section's diagram is `render --section`'s.
    for id in ["case", "safety", "costs"] {
        let single = run_in(
            dir.path(),
            &[
                "render",
                "map.toml",
                "--section",
                id,
                "-o",
                &format!("{id}.dot"),
            ],
            &[],
        );
        assert_eq!(single.code, 0);
        assert_eq!(
            std::fs::read_to_string(outdir.join(format!("{id}.dot"))).unwrap(),
            std::fs::read_to_string(dir.path().join(format!("{id}.dot"))).unwrap(),
            "{id}"
        );
    }
    let overview = std::fs::read_to_string(outdir.join("overview.dot")).unwrap();
    assert!(overview.contains("URL=\"safety.dot\""), "{overview}");
    // Again into the same folder: files are replaced.
    let again = run_in(
        dir.path(),
        &["render", "map.toml", "--split", "-o", "out/diagrams"],
        &[],
    );
    assert_eq!(again.code, 0);
    assert_eq!(files(&outdir).len(), 5);
}

#[test]
fn split_runs_graphviz_for_each_diagram_in_the_format_asked() {
    let dir = workdir();
    let dot = stub_dot(dir.path());
    let out = run_in(
        dir.path(),
        &[
            "render", "map.toml", "--split", "--format", "svg", "-o", "svg",
        ],
        &[("ARGMAP_DOT", dot.to_str().unwrap())],
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_eq!(
        files(&dir.path().join("svg")),
        [
            "case.svg",
            "costs.svg",
            "index.html",
            "overview.svg",
            "safety.svg"
        ]
    );
    assert_eq!(calls(dir.path()), 4);
    // SVG is shown on the index page, each image linking to its file.
    let index = std::fs::read_to_string(dir.path().join("svg/index.html")).unwrap();
    assert!(index.contains("<img src=\"costs.svg\""), "{index}");
}

#[test]
fn split_refuses_a_file_stdout_and_a_section_named_overview() {
    let dir = workdir();
    std::fs::write(dir.path().join("taken"), "x").unwrap();
    let out = run_in(
        dir.path(),
        &["render", "map.toml", "--split", "-o", "taken"],
        &[],
    );
    assert_eq!(out.code, 2);
    insta::assert_snapshot!("split_into_a_file", &out.stderr);
    assert_eq!(
        std::fs::read_to_string(dir.path().join("taken")).unwrap(),
        "x"
    );

    let out = run_in(
        dir.path(),
        &["render", "map.toml", "--split", "-o", "-"],
        &[],
    );
    assert_eq!(out.code, 2);
    insta::assert_snapshot!("split_to_stdout", &out.stderr);

    let map = std::fs::read_to_string(DEBATE)
        .unwrap()
        .replace("[sections.costs]", "[sections.Overview]")
        .replace("\"costs\"", "\"Overview\"");
    std::fs::write(dir.path().join("clash.toml"), map).unwrap();
    let out = run_in(
        dir.path(),
        &["render", "clash.toml", "--split", "-o", "d"],
        &[],
    );
    assert_eq!(out.code, 2, "{}", out.stderr);
    insta::assert_snapshot!("split_section_named_overview", &out.stderr);
    assert!(!dir.path().join("d").exists());

    let out = run_in(
        dir.path(),
        &[
            "render",
            "map.toml",
            "--split",
            "--section",
            "case",
            "-o",
            "d",
        ],
        &[],
    );
    assert_eq!(out.code, 2);
    insta::assert_snapshot!("split_with_a_view", &out.stderr);
}

/// A valid map of `n` claims in one section, each supporting the one
/// before it.
fn chain_map(n: usize) -> String {
    let mut s = String::from(
        "[map]\ntitle = \"A long chain\"\nthesis = \"c0\"\n\n\
         [sections.all]\ntitle = \"Everything\"\n\n\
         [sources.s]\ntitle = \"S\"\nauthors = [\"A\"]\nyear = 2020\n\n",
    );
    for i in 0..n {
        let _ = write!(
            s,
            "[claims.c{i}]\ntext = \"Claim {i}\"\nsection = \"all\"\ncites = [\"s\"]\n"
        );
        if i > 0 {
            let _ = writeln!(s, "supports = [\"c{}\"]", i - 1);
        }
        s.push('\n');
    }
    s
}

#[test]
fn too_large_for_graphviz_is_refused_unless_forced() {
    let dir = tempfile::tempdir().unwrap();
    let n = MAX_GRAPHVIZ_NODES + 1;
    std::fs::write(dir.path().join("big.toml"), chain_map(n)).unwrap();
    let dot = stub_dot(dir.path());
    let env = [("ARGMAP_DOT", dot.to_str().unwrap())];

    let out = run_in(dir.path(), &["render", "big.toml", "-o", "big.svg"], &env);
    assert_eq!(out.code, 2, "{}", out.stderr);
    let err = out.stderr.clone();
    insta::assert_snapshot!("too_large_for_graphviz", err);
    assert!(err.contains("would draw 2,001 nodes"), "{err}");
    assert!(err.contains("--split") && err.contains("--focus") && err.contains("--force"));
    assert_eq!(calls(dir.path()), 0, "Graphviz was not run");
    assert!(!dir.path().join("big.svg").exists());

    // DOT of any size is written.
    let out = run_in(dir.path(), &["render", "big.toml", "-o", "big.dot"], &env);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(dir.path().join("big.dot").exists());

    // A focus is small enough.
    let out = run_in(
        dir.path(),
        &[
            "render",
            "big.toml",
            "-o",
            "focus.svg",
            "--focus",
            "c5",
            "--depth",
            "2",
        ],
        &env,
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_eq!(calls(dir.path()), 1);

    let out = run_in(
        dir.path(),
        &["render", "big.toml", "-o", "big.svg", "--force"],
        &env,
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_eq!(calls(dir.path()), 2);
    assert_eq!(
        std::fs::read_to_string(dir.path().join("big.svg")).unwrap(),
        "<svg/>\n"
    );
}

#[test]
fn a_section_too_large_for_graphviz_is_split_out_as_dot() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("big.toml"),
        chain_map(MAX_GRAPHVIZ_NODES + 1),
    )
    .unwrap();
    let dot = stub_dot(dir.path());
    let out = run_in(
        dir.path(),
        &[
            "render", "big.toml", "--split", "--format", "svg", "-o", "out",
        ],
        &[("ARGMAP_DOT", dot.to_str().unwrap())],
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    let err = out.stderr.clone();
    insta::assert_snapshot!("section_too_large_for_graphviz", err);
    assert!(
        err.contains("section `all` would have Graphviz lay out 2,001 nodes")
            && err.contains("`all.dot`"),
        "{err}"
    );
    assert_eq!(
        files(&dir.path().join("out")),
        ["all.dot", "index.html", "overview.svg"]
    );
    assert_eq!(calls(dir.path()), 1);
}

#[test]
fn split_never_writes_over_the_map() {
    let dir = workdir();
    std::fs::create_dir(dir.path().join("m")).unwrap();
    // A map whose name is that of a diagram `--split` would write.
    std::fs::copy(DEBATE, dir.path().join("m/case.dot")).unwrap();
    let out = run_in(
        dir.path(),
        &["render", "m/case.dot", "--split", "-o", "m"],
        &[],
    );
    assert_eq!(out.code, 2);
    insta::assert_snapshot!("split_over_the_map", &out.stderr);
    assert_eq!(
        std::fs::read_to_string(dir.path().join("m/case.dot")).unwrap(),
        std::fs::read_to_string(DEBATE).unwrap()
    );
    assert_eq!(files(&dir.path().join("m")), ["case.dot"]);
}

#[test]
fn a_failed_split_leaves_the_folder_as_it_was() {
    let dir = workdir();
    let out_dir = dir.path().join("out");
    std::fs::create_dir(&out_dir).unwrap();
    std::fs::write(out_dir.join("case.svg"), "old").unwrap();
    // A `dot` that fails on the third diagram.
    let dot = dir.path().join("dot.sh");
    let count = dir.path().join("count");
    common::write_script(
        &dot,
        &format!(
            "echo x >> '{c}'\ncat > /dev/null\n\
             if [ \"$(wc -l < '{c}')\" -ge 3 ]; then echo 'Error: syntax error' >&2; exit 1; fi\n\
             echo '<svg/>'",
            c = count.display()
        ),
    );
    let out = run_in(
        dir.path(),
        &[
            "render", "map.toml", "--split", "--format", "svg", "-o", "out",
        ],
        &[("ARGMAP_DOT", dot.to_str().unwrap())],
    );
    assert_eq!(out.code, 2, "{}", out.stderr);
    // Nothing new, nothing changed, no staging folder left behind.
    let left: Vec<String> = std::fs::read_dir(&out_dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(left, ["case.svg"]);
    assert_eq!(
        std::fs::read_to_string(out_dir.join("case.svg")).unwrap(),
        "old"
    );
}

#[test]
fn split_refuses_a_file_name_and_a_section_id_too_long_for_one() {
    let dir = workdir();
    let out = run_in(
        dir.path(),
        &["render", "map.toml", "--split", "-o", "out.svg"],
        &[],
    );
    assert_eq!(out.code, 2);
    insta::assert_snapshot!("split_into_a_file_name", &out.stderr);
    assert!(!dir.path().join("out.svg").exists());

    let long = "s".repeat(300);
    let map = std::fs::read_to_string(DEBATE)
        .unwrap()
        .replace("[sections.costs]", &format!("[sections.{long}]"))
        .replace("\"costs\"", &format!("\"{long}\""));
    std::fs::write(dir.path().join("long.toml"), map).unwrap();
    let out = run_in(
        dir.path(),
        &["render", "long.toml", "--split", "-o", "d"],
        &[],
    );
    assert_eq!(out.code, 2);
    insta::assert_snapshot!("split_section_id_too_long", &out.stderr);
    assert!(!dir.path().join("d").exists());
}

#[test]
fn split_refuses_a_folder_where_a_diagram_goes_before_writing_anything() {
    let dir = workdir();
    let out_dir = dir.path().join("out");
    std::fs::create_dir_all(out_dir.join("safety.dot")).unwrap();
    std::fs::write(out_dir.join("safety.dot/keep"), "x").unwrap();
    let out = run_in(
        dir.path(),
        &["render", "map.toml", "--split", "-o", "out"],
        &[],
    );
    assert_eq!(out.code, 2);
    insta::assert_snapshot!("split_folder_in_the_way", &out.stderr);
    // Nothing written: only the folder that was there.
    assert_eq!(files(&out_dir), ["safety.dot"]);
}
