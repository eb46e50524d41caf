//! `argmap render`: the DOT it builds (snapshots), escaping of any map
//! text, views, and the command line around Graphviz, with scripts standing
//! in for it (the tests that run Graphviz itself are in `tests/graphviz.rs`).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use argmap::diag::Levels;
use argmap::render::text::{WORD_JOINER, clean, wrap};
use argmap::render::{
    ColorBy, Context, Direction, Filter, GroupBy, Options, TEXT_WIDTH, ThemeName, View, to_dot,
};
use graphviz_rust::dot_structures::{Attribute, Graph, Id, NodeId, Stmt};

mod common;

use common::{Run, run_in};

const EVERYTHING: &str = "tests/fixtures/render/everything.toml";

/// The DOT of the map in `bytes` with `options`.
fn dot_of(bytes: &[u8], options: &Options) -> String {
    let checked = argmap::check::check("map.toml", bytes, &Levels::default());
    let (map, graph) = (checked.map.unwrap(), checked.graph.unwrap());
    to_dot(&map, &graph, options).unwrap()
}

fn everything(options: &Options) -> String {
    dot_of(&std::fs::read(EVERYTHING).unwrap(), options)
}

/// The options of `view`, without context: what the view itself holds.
fn with_view(view: View) -> Options {
    Options {
        view,
        context: Context::None,
        ..Options::default()
    }
}

/// The node ids the DOT declares, legend excepted.
fn node_ids(dot: &str) -> Vec<String> {
    let mut ids = Vec::new();
    collect_nodes(
        &graph_stmts(&graphviz_rust::parse(dot).unwrap()),
        &mut |id, _| {
            if id != "legend" {
                ids.push(id.to_owned());
            }
        },
    );
    ids
}

fn graph_stmts(g: &Graph) -> Vec<Stmt> {
    match g {
        Graph::Graph { stmts, .. } | Graph::DiGraph { stmts, .. } => stmts.clone(),
    }
}

/// Calls `f` with the id and attributes of every node, in clusters too.
fn collect_nodes(stmts: &[Stmt], f: &mut impl FnMut(&str, &[Attribute])) {
    for s in stmts {
        match s {
            Stmt::Node(n) => {
                if let NodeId(Id::Plain(id), _) = &n.id {
                    f(id, &n.attributes);
                }
            }
            Stmt::Subgraph(sub) => collect_nodes(&sub.stmts, f),
            _ => {}
        }
    }
}

fn attr<'a>(attrs: &'a [Attribute], key: &str) -> Option<&'a Id> {
    attrs
        .iter()
        .find(|Attribute(k, _)| *k == Id::Plain(key.to_owned()))
        .map(|Attribute(_, v)| v)
}

#[test]
fn everything_dot() {
    insta::assert_snapshot!(everything(&Options::default()));
}

#[test]
fn everything_without_legend() {
    insta::assert_snapshot!(everything(&Options {
        legend: false,
        ..Options::default()
    }));
}

#[test]
fn everything_left_to_right_with_sources() {
    insta::assert_snapshot!(everything(&Options {
        direction: Some(Direction::LeftRight),
        sources: true,
        legend: false,
        ..Options::default()
    }));
}

#[test]
fn focus_view() {
    let dot = everything(&Options {
        legend: false,
        ..with_view(View::Focus {
            id: "load".into(),
            depth: 1,
        })
    });
    // `load` -> argument `traffic` is one step, and the argument comes with
    // its other premise and its conclusion; the undercut is a second step.
    assert_eq!(node_ids(&dot), ["c0", "c2", "c3", "a0"]);
    insta::assert_snapshot!(dot);
}

#[test]
fn focus_depth_counts_steps() {
    let ids = |depth| {
        node_ids(&everything(&with_view(View::Focus {
            id: "grant".into(),
            depth,
        })))
    };
    assert_eq!(ids(0), ["c6"]);
    // A concession is one step from what it qualifies.
    assert_eq!(ids(1), ["c5", "c6", "c8"]);
    assert_eq!(ids(2), ["c0", "c5", "c6", "c8"]);
    // From `rebuild`, one more step reaches every claim supporting or
    // attacking it, and the argument concluding it with all its premises.
    assert_eq!(
        ids(3),
        ["c7", "c0", "c1", "c2", "c3", "a0", "c5", "c6", "c8"]
    );
    assert_eq!(ids(4).len(), 10);
}

#[test]
fn focus_on_an_argument() {
    let ids = node_ids(&everything(&with_view(View::Focus {
        id: "traffic".into(),
        depth: 0,
    })));
    assert_eq!(ids, ["c0", "c2", "c3", "a0"]);
}

#[test]
fn section_view() {
    let dot = everything(&Options {
        context: Context::Near,
        ..with_view(View::Section("money".into()))
    });
    // `cost`, `grant` and the concession in full; `rebuild`, which `cost`
    // attacks, faded.
    assert_eq!(node_ids(&dot), ["c5", "c6", "c8", "c0"]);
    assert!(dot.contains("in: Safety"));
    insta::assert_snapshot!(dot);
}

#[test]
fn view_errors_suggest_ids() {
    let bytes = std::fs::read(EVERYTHING).unwrap();
    let checked = argmap::check::check("map.toml", &bytes, &Levels::default());
    let (map, graph) = (checked.map.unwrap(), checked.graph.unwrap());
    let err = |view| to_dot(&map, &graph, &with_view(view)).unwrap_err();
    let e = err(View::Focus {
        id: "rebuld".into(),
        depth: 2,
    });
    assert_eq!(
        e.to_string(),
        "the map has no claim or argument `rebuld` to focus on"
    );
    assert_eq!(e.help().as_deref(), Some("did you mean `rebuild`?"));
    let e = err(View::Focus {
        id: "safety".into(),
        depth: 2,
    });
    assert_eq!(
        e.help().as_deref(),
        Some("to draw a section, use `--section safety`")
    );
    let e = err(View::Section("mony".into()));
    assert_eq!(e.help().as_deref(), Some("did you mean `money`?"));
    let e = err(View::Section("cost".into()));
    assert_eq!(e.to_string(), "`cost` is a claim, not a section");
}

#[test]
fn status_marks_every_claim_and_argument_by_its_label() {
    let bytes = std::fs::read(EVERYTHING).unwrap();
    let checked = argmap::check::check("map.toml", &bytes, &Levels::default());
    let (map, graph) = (checked.map.unwrap(), checked.graph.unwrap());
    let evaluation = argmap::eval::evaluate(&map, &graph);
    let options = Options {
        status: Some(evaluation.clone()),
        color_by: ColorBy::Status,
        ..Options::default()
    };
    let dot = to_dot(&map, &graph, &options).unwrap();
    let tags = dot.matches("ACCEPTED").count()
        + dot.matches("REJECTED").count()
        + dot.matches("UNDECIDED").count();
    // One tag per claim, and in the legend one per label drawn.
    let mut drawn: Vec<_> = (0..map.claims.len())
        .filter_map(|i| evaluation.claim(i))
        .chain((0..map.arguments.len()).filter_map(|a| evaluation.argument(a)))
        .collect();
    drawn.sort_by_key(|l| format!("{l:?}"));
    drawn.dedup();
    assert_eq!(tags, map.claims.len() + drawn.len());
    insta::assert_snapshot!(dot);
}

#[test]
fn dot_is_deterministic() {
    let a = everything(&Options::default());
    let b = everything(&Options::default());
    assert_eq!(a, b);
}

#[test]
fn large_maps_read_right_to_left_with_the_thesis_first() {
    let mut toml = String::from("[map]\ntitle = \"Chain\"\n");
    for i in 0..40 {
        toml.push_str(&format!(
            "[claims.c{i}]\ntext = \"Claim {i}\"\ncites = [\"s\"]\nsupports = [\"c{}\"]\n",
            i + 1
        ));
    }
    toml.push_str("[claims.c40]\ntext = \"Last\"\ncites = [\"s\"]\n");
    toml.push_str("[sources.s]\ntitle = \"S\"\nauthors = [\"A\"]\nyear = 2000\n");
    let dot = dot_of(toml.as_bytes(), &Options::default());
    assert!(dot.contains("rankdir=RL"));
    let focus = dot_of(
        toml.as_bytes(),
        &with_view(View::Focus {
            id: "c20".into(),
            depth: 3,
        }),
    );
    // Every view of a map reads the same way as the whole map.
    assert!(focus.contains("rankdir=RL"));
    assert_eq!(node_ids(&focus).len(), 7);
}

#[test]
fn hundred_thousand_claims_render() {
    // A binary tree of 100,000 claims (speed is measured by the benchmarks;
    // this shows the whole map and a focus of it are drawn without trouble).
    let n = 100_000;
    let mut toml = String::with_capacity(n * 80);
    toml.push_str("[map]\ntitle = \"Big\"\nthesis = \"c0\"\n");
    toml.push_str("[sources.s]\ntitle = \"S\"\nauthors = [\"A\"]\nyear = 2000\n");
    for i in 0..n {
        let target = if i == 0 { 0 } else { (i - 1) / 2 };
        toml.push_str(&format!(
            "[claims.c{i}]\ntext = \"Claim number {i}\"\ncites = [\"s\"]\n"
        ));
        if i > 0 {
            toml.push_str(&format!("supports = [\"c{target}\"]\n"));
        }
    }
    let checked = argmap::check::check("big.toml", toml.as_bytes(), &Levels::default());
    let (map, graph) = (checked.map.unwrap(), checked.graph.unwrap());
    let whole = to_dot(&map, &graph, &Options::default()).unwrap();
    assert!(whole.contains("c99999 -> c49999"));
    let focus = to_dot(
        &map,
        &graph,
        &with_view(View::Focus {
            id: "c0".into(),
            depth: 3,
        }),
    )
    .unwrap();
    assert_eq!(node_ids(&focus).len(), 15);
}

// ---------------------------------------------------------------------------
// Escaping

/// A map whose every text tries to break DOT, HTML labels or SVG.
const NASTY: &str = include_str!("fixtures/render/nasty.toml");

/// The text of an HTML-like label's first table cell that is not a role
/// tag (`OBJECTION`, `ANSWER`, `POSITION`), unescaped: what Graphviz shows as the
/// claim's text, one line per line.
fn first_cell_lines(label: &str) -> Vec<String> {
    let open = "<td align=\"left\" balign=\"left\">";
    let cell = label
        .match_indices(open)
        .map(|(i, _)| {
            let rest = &label[i + open.len()..];
            &rest[..rest.find("</td>").unwrap()]
        })
        .find(|c| !c.starts_with("<font"))
        .unwrap();
    // A position the text reports is set in italics.
    let cell = cell
        .strip_prefix("<i>")
        .and_then(|c| c.strip_suffix("</i>"))
        .unwrap_or(cell);
    cell.split("<br align=\"left\"/>")
        .map(|l| {
            assert!(!l.contains('<') && !l.contains('>'), "markup in text: {l}");
            l.replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&quot;", "\"")
                .replace("&amp;", "&")
                .replace(WORD_JOINER, "")
        })
        .collect()
}

/// A quoted DOT string as Graphviz reads a tooltip: DOT quotes, then
/// entities, then backslash escapes.
fn unescape_tooltip(quoted: &str) -> String {
    let inner = &quoted[1..quoted.len() - 1];
    let mut out = String::new();
    let mut chars = inner.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\\' {
            match chars.next() {
                Some('n') => out.push('\n'),
                Some(other) => out.push(other),
                None => panic!("dangling backslash in {quoted}"),
            }
        } else {
            out.push(c);
        }
    }
    out.replace("&amp;", "&").replace(WORD_JOINER, "")
}

#[test]
fn any_text_gives_valid_dot_with_literal_labels() {
    let dot = dot_of(NASTY.as_bytes(), &Options::default());
    let parsed = graphviz_rust::parse(&dot).unwrap_or_else(|e| panic!("{e}\n{dot}"));
    let checked = argmap::check::check("map.toml", NASTY.as_bytes(), &Levels::default());
    let map = checked.map.unwrap();
    let mut seen = 0;
    collect_nodes(&graph_stmts(&parsed), &mut |id, attrs| {
        let Some(i) = id.strip_prefix('c').and_then(|i| i.parse::<usize>().ok()) else {
            return;
        };
        let text = map.claims[i].display_text();
        let Some(Id::Html(label)) = attr(attrs, "label") else {
            panic!("claim label is not HTML-like: {attrs:?}");
        };
        assert_eq!(first_cell_lines(label), wrap(text, TEXT_WIDTH), "{id}");
        let Some(Id::Escaped(tooltip)) = attr(attrs, "tooltip") else {
            panic!("no tooltip: {attrs:?}");
        };
        let shown = unescape_tooltip(tooltip);
        assert!(shown.starts_with(&clean(text)), "{shown:?} vs {text:?}");
        seen += 1;
    });
    assert_eq!(seen, map.claims.len());
    // Text gets wrapped without breaking words or CJK characters.
    let emoji = map.claims.iter().find(|c| c.id.value == "emoji").unwrap();
    for line in wrap(emoji.display_text(), TEXT_WIDTH) {
        assert!(unicode_width::UnicodeWidthStr::width(line.as_str()) <= TEXT_WIDTH);
    }
    // Control characters are shown, not passed on.
    assert!(dot.contains("nul \u{2400} bell \u{2407} esc \u{241b} del \u{2421} tab end"));
    assert!(!dot.contains('\0'));
}

// ---------------------------------------------------------------------------
// The command line

/// A temporary folder holding the fixture as `map.toml`.
fn workdir() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(EVERYTHING, dir.path().join("map.toml")).unwrap();
    dir
}

/// Exit code and stderr, for snapshots.
fn transcript(run: &Run) -> String {
    format!("exit: {}\n{}", run.code, run.stderr)
}

/// A shell script `name` in `dir`, made executable.
fn script(dir: &Path, name: &str, body: &str) -> PathBuf {
    let path = dir.join(name);
    common::write_script(&path, body);
    path
}

/// The files in `dir` other than `map.toml` and the scripts.
fn outputs(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n != "map.toml" && !n.ends_with(".sh"))
        .collect();
    names.sort();
    names
}

#[test]
fn cli_writes_dot_to_a_file() {
    let dir = workdir();
    let out = run_in(dir.path(), &["render", "map.toml", "-o", "map.dot"], &[]);
    assert_eq!(transcript(&out), "exit: 0\n");
    let written = std::fs::read_to_string(dir.path().join("map.dot")).unwrap();
    assert_eq!(written, everything(&Options::default()));
    assert_eq!(outputs(dir.path()), ["map.dot"]);
}

#[test]
fn cli_writes_dot_to_stdout() {
    let dir = workdir();
    let out = run_in(
        dir.path(),
        &[
            "render",
            "map.toml",
            "-o",
            "-",
            "--no-legend",
            "--direction",
            "lr",
        ],
        &[],
    );
    assert_eq!(transcript(&out), "exit: 0\n");
    let stdout = out.stdout_utf8();
    assert!(stdout.starts_with("digraph argmap {"));
    assert!(stdout.contains("rankdir=LR"));
    assert!(!stdout.contains("cluster_legend"));
    assert!(outputs(dir.path()).is_empty());
}

#[test]
fn cli_missing_dot() {
    let dir = workdir();
    let out = run_in(
        dir.path(),
        &["render", "map.toml", "-o", "map.svg"],
        &[("ARGMAP_DOT", "/nonexistent/dot")],
    );
    insta::assert_snapshot!(transcript(&out));
    assert!(outputs(dir.path()).is_empty());
}

#[test]
fn cli_dot_not_on_path() {
    let dir = workdir();
    let out = run_in(
        dir.path(),
        &["render", "map.toml", "-o", "map.pdf"],
        &[("PATH", dir.path().to_str().unwrap())],
    );
    insta::assert_snapshot!(transcript(&out));
    assert!(outputs(dir.path()).is_empty());
}

#[test]
fn cli_failing_dot_writes_nothing() {
    let dir = workdir();
    let dot = script(
        dir.path(),
        "dot.sh",
        "cat >/dev/null\nprintf '<svg partial'\necho 'Error: <stdin>: syntax error in line 1' >&2\nexit 1",
    );
    let out = run_in(
        dir.path(),
        &["render", "map.toml", "-o", "map.svg"],
        &[("ARGMAP_DOT", dot.to_str().unwrap())],
    );
    insta::assert_snapshot!(transcript(&out));
    assert!(outputs(dir.path()).is_empty());
}

#[test]
fn cli_slow_dot_times_out_and_writes_nothing() {
    let dir = workdir();
    let dot = script(dir.path(), "dot.sh", "printf '<svg partial'\nsleep 30");
    let start = Instant::now();
    let out = run_in(
        dir.path(),
        &["render", "map.toml", "-o", "map.png", "--timeout", "1"],
        &[("ARGMAP_DOT", dot.to_str().unwrap())],
    );
    assert!(
        start.elapsed() < Duration::from_secs(15),
        "{:?}",
        start.elapsed()
    );
    insta::assert_snapshot!(transcript(&out));
    assert!(outputs(dir.path()).is_empty());
}

#[test]
fn cli_refuses_to_overwrite_the_map() {
    let dir = workdir();
    let before = std::fs::read(dir.path().join("map.toml")).unwrap();
    let out = run_in(
        dir.path(),
        &["render", "map.toml", "-o", "./map.toml", "--format", "dot"],
        &[],
    );
    insta::assert_snapshot!(transcript(&out));
    assert_eq!(std::fs::read(dir.path().join("map.toml")).unwrap(), before);
}

#[test]
fn cli_unknown_focus_suggests() {
    let dir = workdir();
    let out = run_in(
        dir.path(),
        &["render", "map.toml", "-o", "map.dot", "--focus", "rebuld"],
        &[],
    );
    insta::assert_snapshot!(transcript(&out));
    assert!(outputs(dir.path()).is_empty());
}

#[test]
fn cli_unknown_extension() {
    let dir = workdir();
    let out = run_in(dir.path(), &["render", "map.toml", "-o", "map.jpg"], &[]);
    insta::assert_snapshot!(transcript(&out));
}

#[test]
fn cli_map_that_is_not_toml() {
    let dir = workdir();
    std::fs::write(dir.path().join("bad.toml"), "[map\ntitle = 1\n").unwrap();
    let out = run_in(dir.path(), &["render", "bad.toml", "-o", "bad.dot"], &[]);
    // A file that is not TOML is a finding (exit 1), as for `check`.
    assert_eq!(out.code, 1);
    let stderr = &out.stderr;
    assert!(stderr.contains("toml-syntax"), "{stderr}");
    assert!(!dir.path().join("bad.dot").exists());
}

#[test]
fn cli_map_with_errors_renders_with_a_warning() {
    let dir = workdir();
    std::fs::write(
        dir.path().join("err.toml"),
        "[map]\ntitle = \"T\"\n[claims.a]\ntext = \"A\"\nsupports = [\"b\"]\n[claims.b]\ntext = \"B\"\n",
    )
    .unwrap();
    let out = run_in(dir.path(), &["render", "err.toml", "-o", "err.dot"], &[]);
    insta::assert_snapshot!(transcript(&out));
    assert!(dir.path().join("err.dot").exists());
}

/// A reference to nothing is an `unknown-reference` finding: the diagram
/// neither shows it as a citation nor makes an objection of it.
#[test]
fn dangling_citations_and_attacks_are_not_drawn_as_real_ones() {
    let map = br#"
[map]
title = "Dangling"
thesis = "later"

[sources.aap]
title = "School start times"
authors = ["American Academy of Pediatrics"]
year = 2014

[claims.later]
text = "Schools should start later."
cites = ["aap"]

[claims.bus]
text = "Buses cost more."
cites = ["smth"]
attacks = ["nothing"]

[claims.reply]
text = "Buses are paid for already."
cites = ["aap"]
attacks = ["bus"]
"#;
    let dot = dot_of(map, &Options::default());
    let line = dot.lines().find(|l| l.contains("Buses cost more")).unwrap();
    assert!(line.contains("uncited"), "{line}");
    assert!(line.contains("dashed"), "{line}");
    assert!(!line.contains("OBJECTION"), "{line}");
    assert!(line.contains("cites smth (no such source)"), "{line}");
    // What attacks a claim that attacks nothing answers no objection.
    let reply = dot.lines().find(|l| l.contains("Buses are paid")).unwrap();
    assert!(!reply.contains("ANSWER"), "{reply}");
    assert_edges_join_declared_nodes(&dot, "dangling");
}

/// A section that many claims of other sections bear on draws at most
/// `MAX_SECTION_CONTEXT` of them, objections first, and says how many more.
#[test]
fn a_section_view_draws_a_bounded_context_objections_first() {
    use std::fmt::Write as _;
    let mut map = String::from(
        "[map]\ntitle = \"Crowded\"\nthesis = \"t\"\n\n\
         [sections.a]\ntitle = \"A\"\n\n[sections.b]\ntitle = \"B\"\n\n\
         [sources.s]\ntitle = \"S\"\nauthors = [\"A\"]\nyear = 2020\n\n\
         [claims.t]\ntext = \"The thesis\"\nsection = \"a\"\ncites = [\"s\"]\n\n",
    );
    for i in 0..60 {
        let _ = write!(
            map,
            "[claims.p{i}]\ntext = \"Support {i}\"\nsection = \"b\"\ncites = [\"s\"]\nsupports = [\"t\"]\n\n"
        );
    }
    for i in 0..3 {
        let _ = write!(
            map,
            "[claims.o{i}]\ntext = \"Objection {i}\"\nsection = \"b\"\ncites = [\"s\"]\nattacks = [\"t\"]\n\n"
        );
    }
    let all = Options {
        context: Context::All,
        ..with_view(View::Section("a".into()))
    };
    let dot = dot_of(map.as_bytes(), &all);
    let ids = node_ids(&dot);
    // `t`, 40 context claims and the note.
    assert_eq!(ids.len(), 42, "{ids:?}");
    let texts: Vec<&str> = dot.lines().filter(|l| l.contains("Objection ")).collect();
    assert_eq!(texts.len(), 3, "every objection is drawn");
    assert!(dot.contains("and 23 more claims one step"), "{dot}");
    // Below the cap, no note.
    let all_b = Options {
        context: Context::All,
        ..with_view(View::Section("b".into()))
    };
    let dot = dot_of(map.as_bytes(), &all_b);
    assert!(!dot.contains("more claims one step"));
    // The default, near, draws the objections, and of the others at most
    // a third as many as the view draws, and at least 2: a note for the
    // 58 left.
    let near = Options {
        context: Context::Near,
        ..with_view(View::Section("a".into()))
    };
    let dot = dot_of(map.as_bytes(), &near);
    let ids = node_ids(&dot);
    assert_eq!(ids.len(), 1 + 3 + 2 + 1, "{ids:?}");
    assert_eq!(dot.lines().filter(|l| l.contains("Objection ")).count(), 3);
    assert!(dot.contains("and 58 more claims one step"), "{dot}");
}

/// `--context`: none draws the view alone; near its direct neighbours
/// (an inference without its other premises); all an inference with all
/// of them.
#[test]
fn context_levels_draw_more_and_more_around_a_view() {
    let ids = |context| {
        node_ids(&everything(&Options {
            context,
            ..with_view(View::Section("money".into()))
        }))
    };
    assert_eq!(ids(Context::None), ["c5", "c6", "c8"]);
    assert_eq!(ids(Context::Near), ["c5", "c6", "c8", "c0"]);
    let all = ids(Context::All);
    assert!(all.starts_with(&["c5".to_owned(), "c6".into(), "c8".into()]));
    assert!(all.len() >= ids(Context::Near).len(), "{all:?}");
    // Around a focus: what lies one step past its depth, faded.
    let focus = |context| {
        everything(&Options {
            context,
            ..with_view(View::Focus {
                id: "grant".into(),
                depth: 0,
            })
        })
    };
    let near = focus(Context::Near);
    assert_eq!(node_ids(&near), ["c6", "c5", "c8"]);
    assert!(near.contains("dotted"), "context is drawn faded");
    assert_eq!(node_ids(&focus(Context::None)), ["c6"]);
}

/// `--actor` and `--tag` draw only the claims they name, with what bears
/// on them as context, and combine with each other and with a view.
#[test]
fn filters_by_actor_and_tag() {
    let map = br#"
[map]
title = "Debate"
thesis = "t"
[actors.ana]
name = "Ana"
[actors.ben]
name = "Ben"
[sections.s]
title = "S"
[sources.x]
title = "X"
authors = ["A"]
year = 2020
[claims.t]
text = "Schools should ban phones"
by = ["ana"]
tags = ["policy"]
cites = ["x"]
section = "s"
[claims.focus]
text = "Phones harm focus"
by = ["ana"]
tags = ["evidence"]
supports = ["t"]
cites = ["x"]
[claims.safety]
text = "Parents need to reach children"
by = ["ben"]
tags = ["policy"]
attacks = ["t"]
cites = ["x"]
"#;
    let ids = |filter: Filter, context| {
        node_ids(&dot_of(
            map,
            &Options {
                filter,
                context,
                legend: false,
                ..Options::default()
            },
        ))
    };
    let ana = Filter {
        actors: vec!["ana".into()],
        tags: vec![],
    };
    assert_eq!(ids(ana.clone(), Context::None), ["c1", "c0"]);
    // Ben's objection to Ana's thesis is drawn, faded.
    assert_eq!(ids(ana.clone(), Context::Near), ["c1", "c0", "c2"]);
    let policy = Filter {
        actors: vec![],
        tags: vec!["policy".into()],
    };
    assert_eq!(ids(policy, Context::None), ["c2", "c0"]);
    let both = Filter {
        actors: vec!["ana".into()],
        tags: vec!["policy".into()],
    };
    assert_eq!(ids(both, Context::None), ["c0"]);
    // Unknown names are errors with a suggestion.
    let checked = argmap::check::check("map.toml", map, &Levels::default());
    let (m, g) = (checked.map.unwrap(), checked.graph.unwrap());
    let err = |filter| {
        to_dot(
            &m,
            &g,
            &Options {
                filter,
                ..Options::default()
            },
        )
        .unwrap_err()
    };
    let e = err(Filter {
        actors: vec!["anna".into()],
        tags: vec![],
    });
    assert_eq!(e.to_string(), "the map has no actor `anna`");
    assert_eq!(e.help().as_deref(), Some("did you mean `ana`?"));
    let e = err(Filter {
        actors: vec![],
        tags: vec!["polcy".into()],
    });
    assert_eq!(e.to_string(), "no claim of the map has the tag `polcy`");
    assert_eq!(e.help().as_deref(), Some("did you mean `policy`?"));
    let e = err(Filter {
        actors: vec!["t".into()],
        tags: vec![],
    });
    assert_eq!(e.to_string(), "`t` is a claim, not an actor");
    // A filter that leaves nothing is an error, not an empty diagram.
    let e = err(Filter {
        actors: vec!["ben".into()],
        tags: vec!["evidence".into()],
    });
    assert_eq!(
        e.to_string(),
        "no claim of the view is held by `ben` and tagged `evidence`"
    );
    // Colour by actor and tag: each value its fill, named in the legend;
    // boxes by actor.
    let dot = dot_of(
        map,
        &Options {
            color_by: ColorBy::Actor,
            group_by: GroupBy::Actor,
            ..Options::default()
        },
    );
    assert!(dot.contains("cluster_actor_0") && dot.contains("Held by Ana"));
    assert!(dot.contains("Held by Ben"));
    let legend = dot.lines().find(|l| l.contains("legend[")).unwrap();
    assert!(
        legend.contains(">Ana<") && legend.contains(">Ben<"),
        "{legend}"
    );
    insta::assert_snapshot!("color_by_actor", dot);
    let dot = dot_of(
        map,
        &Options {
            color_by: ColorBy::Tag,
            group_by: GroupBy::None,
            ..Options::default()
        },
    );
    assert!(!dot.contains("cluster_"));
    let legend = dot.lines().find(|l| l.contains("legend[")).unwrap();
    assert!(
        legend.contains("#policy") && legend.contains("#evidence"),
        "{legend}"
    );
    insta::assert_snapshot!("color_by_tag", dot);
}

/// Each theme draws with its own colours; `mono` uses only greys.
#[test]
fn themes() {
    for theme in [ThemeName::Color, ThemeName::Mono, ThemeName::Colorblind] {
        let dot = everything(&Options {
            theme,
            ..Options::default()
        });
        let colours: Vec<&str> = dot.split("\"#").skip(1).map(|rest| &rest[..6]).collect();
        assert!(!colours.is_empty());
        if theme == ThemeName::Mono {
            for c in &colours {
                assert!(c[0..2] == c[2..4] && c[2..4] == c[4..6], "mono draws #{c}");
            }
        }
        insta::assert_snapshot!(format!("theme_{}", theme.name()), dot);
    }
}

/// An inference is drawn with all its premises and its conclusion, even
/// when a filter or a view leaves some of them out: those are faded.
#[test]
fn an_inference_is_never_drawn_without_its_premises() {
    let map = br#"
[map]
title = "Linked"
[actors.ana]
name = "Ana"
[sources.x]
title = "X"
authors = ["A"]
year = 2020
[claims.c]
text = "Conclusion"
by = ["ana"]
cites = ["x"]
[claims.p1]
text = "First premise"
by = ["ana"]
cites = ["x"]
[claims.p2]
text = "Second premise, held by nobody"
cites = ["x"]
[arguments.both]
premises = ["p1", "p2"]
conclusion = "c"
"#;
    let dot = dot_of(
        map,
        &Options {
            filter: Filter {
                actors: vec!["ana".into()],
                tags: vec![],
            },
            context: Context::None,
            legend: false,
            ..Options::default()
        },
    );
    assert_eq!(node_ids(&dot), ["c0", "c1", "a0", "c2"]);
    let p2 = dot.lines().find(|l| l.contains("Second premise")).unwrap();
    assert!(p2.contains("dotted"), "faded: {p2}");
    assert!(dot.contains("c2 -> a0"), "{dot}");
}

/// `--mark none` draws uncited claims like cited ones.
#[test]
fn marking_uncited_claims_can_be_turned_off() {
    let marked = everything(&Options::default());
    assert!(marked.contains("uncited"));
    let plain = everything(&Options {
        mark_uncited: false,
        ..Options::default()
    });
    assert!(!plain.contains("uncited"), "{plain}");
    assert!(!plain.contains(",dashed"));
}

/// The DOT of every rule's fixture: small maps with one flaw each, which
/// between them use every combination of elements the legend adapts to.
#[test]
fn rule_fixtures_dot() {
    for rule in argmap::rules::RULES {
        let path = format!("tests/fixtures/rules/{}.toml", rule.code);
        let bytes = std::fs::read(&path).unwrap();
        let checked = argmap::check::check(&path, &bytes, &Levels::default());
        let (Some(map), Some(graph)) = (checked.map, checked.graph) else {
            // Not TOML (`toml-syntax`): nothing to draw.
            continue;
        };
        let dot = to_dot(&map, &graph, &Options::default()).unwrap();
        graphviz_rust::parse(&dot).unwrap_or_else(|e| panic!("{path}: {e}"));
        assert_edges_join_declared_nodes(&dot, &path);
        insta::assert_snapshot!(format!("rule-{}", rule.code), dot);
    }
}

/// Every edge of `dot` joins nodes it declares: Graphviz would draw an
/// undeclared one as a bare ellipse named by its id.
fn assert_edges_join_declared_nodes(dot: &str, what: &str) {
    let declared: std::collections::HashSet<&str> = dot
        .lines()
        .filter_map(|l| {
            let l = l.trim_start();
            let id = l.split('[').next()?;
            (!id.contains(' ') && l.len() > id.len()).then_some(id)
        })
        .collect();
    for line in dot.lines() {
        let Some((from, rest)) = line.trim_start().split_once(" -> ") else {
            continue;
        };
        let to = rest.split([' ', '[']).next().unwrap_or("");
        for end in [from, to] {
            assert!(
                declared.contains(end),
                "{what}: edge to undeclared `{end}`: {line}"
            );
        }
    }
}

#[test]
fn every_view_and_option_draws_edges_between_declared_nodes() {
    let bytes = std::fs::read(EVERYTHING).unwrap();
    let checked = argmap::check::check("map.toml", &bytes, &Levels::default());
    let (map, graph) = (checked.map.unwrap(), checked.graph.unwrap());
    let evaluation = argmap::eval::evaluate(&map, &graph);
    let mut views = vec![View::Whole];
    views.extend(
        map.sections
            .iter()
            .map(|s| View::Section(s.id.value.clone())),
    );
    views.extend(map.claims.iter().map(|c| View::Focus {
        id: c.id.value.clone(),
        depth: 1,
    }));
    for view in views {
        for (sources, status) in [(false, false), (true, false), (false, true), (true, true)] {
            let options = Options {
                view: view.clone(),
                sources,
                status: status.then(|| evaluation.clone()),
                ..Options::default()
            };
            let dot = to_dot(&map, &graph, &options).unwrap();
            assert_edges_join_declared_nodes(&dot, &format!("{view:?} {sources} {status}"));
        }
    }
}

/// Every PDF in `rendered/` is printed on the paper its name claims
/// (`-a4`), every page of it, and no text on any page, footers included,
/// is smaller than the 7 pt `render --page` keeps to by default: measured
/// from the PDF itself (the text matrices of its content, and of the
/// Graphviz drawings it places).
#[test]
fn rendered_pdfs_have_the_page_size_they_claim_and_no_text_below_7_pt() {
    use argmap::render::page::Page;
    use argmap::render::pdf::measure;
    let mut checked = Vec::new();
    for entry in std::fs::read_dir("rendered").unwrap() {
        let path = entry.unwrap().path();
        if path.extension().and_then(|e| e.to_str()) != Some("pdf") {
            continue;
        }
        let name = path.file_stem().unwrap().to_string_lossy().into_owned();
        let size = ["a3", "a4", "a5", "letter", "legal", "tabloid"]
            .into_iter()
            .find(|s| name.split('-').any(|part| part == *s))
            .unwrap_or_else(|| panic!("{name}.pdf does not say its paper in its name"));
        let page: Page = size.parse().unwrap();
        let pages = measure(&std::fs::read(&path).unwrap()).unwrap();
        assert!(pages.len() > 1, "{name}: the chapter's booklet has pages");
        for (i, p) in pages.iter().enumerate() {
            let portrait =
                (p.width - page.width).abs() < 0.01 && (p.height - page.height).abs() < 0.01;
            let landscape =
                (p.width - page.height).abs() < 0.01 && (p.height - page.width).abs() < 0.01;
            assert!(
                portrait || landscape,
                "{name} page {}: {} x {}",
                i + 1,
                p.width,
                p.height
            );
            let smallest = p.min_text().unwrap();
            assert!(
                smallest >= 7.0 - 0.01,
                "{name} page {}: text at {smallest} pt",
                i + 1
            );
        }
        checked.push(name);
    }
    checked.sort();
    assert_eq!(
        checked,
        ["cpc-and-sovereignty-a4", "cpc-and-sovereignty-a4-mono"],
        "the booklets scripts/regenerate.sh writes"
    );
}
