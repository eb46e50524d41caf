//! Robustness and safety of the `argmap` binary against broken and hostile
//! maps: the corpus under `tests/corpus/` and larger or deeper inputs made
//! at test time, run through `check`, `eval`, `render` and `report` under a
//! time limit; injection into DOT, SVG, HTML and Markdown; outputs that
//! never replace an input map; source texts kept inside the map's folder;
//! size limits. The SVG that Graphviz itself writes is checked in
//! `tests/graphviz.rs`.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Duration;

mod common;
mod markup;

use common::{Run, write_script};
use markup::{HOSTILE, attribute_names, hostile_strings, tags};

/// How long one command may take on any input of this file, in a debug
/// build on a loaded two-core machine; the slowest takes about 4 s.
const TIME_LIMIT: Duration = Duration::from_secs(30);

/// Runs argmap in `dir` with `args` and `env`; kills it and fails the test
/// when it runs past [`TIME_LIMIT`].
fn argmap_in(dir: &Path, args: &[&str], env: &[(&str, &str)]) -> Run {
    common::argmap(args)
        .current_dir(dir)
        .envs(env)
        .time_limit(TIME_LIMIT)
        .run()
}

/// Runs argmap from the repository root.
fn argmap(args: &[&str]) -> Run {
    argmap_in(Path::new(env!("CARGO_MANIFEST_DIR")), args, &[])
}

/// What every run on any input must satisfy: exit 0, 1 or 2; no panic or
/// overflow; exit 1 shows at least one coded finding with its location.
fn assert_sound(run: &Run, what: &str) {
    assert!(
        matches!(run.code, 0..=2),
        "{what}: exit {}\n{}",
        run.code,
        run.stderr
    );
    for bad in ["panicked", "RUST_BACKTRACE", "stack overflow", "overflowed"] {
        assert!(!run.stderr.contains(bad), "{what}: {bad}\n{}", run.stderr);
    }
    if run.code == 1 {
        assert!(has_located_finding(&run.stderr), "{what}:\n{}", run.stderr);
    }
    if run.code == 2 {
        assert!(run.stderr.starts_with("error: "), "{what}:\n{}", run.stderr);
    }
}

/// Whether `stderr` holds `error[code]: ...` or `warning[code]: ...`
/// followed by ` --> file:line:col`.
fn has_located_finding(stderr: &str) -> bool {
    let lines: Vec<&str> = stderr.lines().collect();
    lines.windows(2).any(|w| {
        let coded =
            (w[0].starts_with("error[") || w[0].starts_with("warning[")) && w[0].contains("]: ");
        let at = w[1].trim_start().strip_prefix("--> ").is_some_and(|loc| {
            let mut parts = loc.rsplitn(3, ':');
            let col = parts.next().and_then(|c| c.parse::<usize>().ok());
            let line = parts.next().and_then(|l| l.parse::<usize>().ok());
            col.is_some_and(|c| c > 0) && line.is_some_and(|l| l > 0) && parts.next().is_some()
        });
        coded && at
    })
}

/// The four commands every input goes through: `check`, `eval`, `render`
/// to DOT (written to `dot`) and `report`.
fn commands<'a>(map: &'a str, dot: &'a str) -> [Vec<&'a str>; 4] {
    [
        vec!["check", map],
        vec!["eval", map],
        vec!["render", map, "-o", dot],
        vec!["report", map],
    ]
}

/// Runs one of [`commands`] in `dir` and checks the run (and the DOT it
/// wrote).
fn run_checked(dir: &Path, args: &[&str]) -> (String, Run) {
    let run = argmap_in(dir, args, &[]);
    let what = format!("argmap {}", args.join(" "));
    assert_sound(&run, &what);
    if args[0] == "render" && run.code == 0 {
        let text = std::fs::read_to_string(args[3]).unwrap();
        graphviz_rust::parse(&text).unwrap_or_else(|e| panic!("{what}: bad DOT: {e}"));
    }
    (what, run)
}

/// Runs every command on every map of `maps` (paths relative to `dir`),
/// four at a time; returns the runs, in order, by map.
fn every_command(dir: &Path, maps: &[String]) -> Vec<Vec<(String, Run)>> {
    let out = tempfile::tempdir().unwrap();
    let dots: Vec<String> = (0..maps.len())
        .map(|i| {
            out.path()
                .join(format!("{i}.dot"))
                .to_str()
                .unwrap()
                .to_owned()
        })
        .collect();
    let jobs: Vec<(usize, Vec<&str>)> = maps
        .iter()
        .zip(&dots)
        .enumerate()
        .flat_map(|(i, (m, d))| commands(m, d).into_iter().map(move |c| (i, c)))
        .collect();
    let next = std::sync::atomic::AtomicUsize::new(0);
    let done = std::sync::Mutex::new(Vec::new());
    std::thread::scope(|s| {
        for _ in 0..4 {
            s.spawn(|| {
                while let Some((i, args)) =
                    jobs.get(next.fetch_add(1, std::sync::atomic::Ordering::Relaxed))
                {
                    let (what, run) = run_checked(dir, args);
                    done.lock().unwrap().push((*i, args[0], what, run));
                }
            });
        }
    });
    let mut done = done.into_inner().unwrap();
    let order = |c: &str| {
        ["check", "eval", "render", "report"]
            .iter()
            .position(|x| *x == c)
    };
    done.sort_by_key(|(i, c, _, _)| (*i, order(c)));
    let mut by_map: Vec<Vec<(String, Run)>> = maps.iter().map(|_| Vec::new()).collect();
    for (i, _, what, run) in done {
        by_map[i].push((what, run));
    }
    by_map
}

/// The committed corpus: every file directly under `tests/corpus/`, then
/// the minimal inputs of past bugs under `tests/corpus/regressions/` (its
/// README aside). Both folders must be there.
fn corpus() -> Vec<String> {
    let mut files = Vec::new();
    for dir in ["tests/corpus", "tests/corpus/regressions"] {
        let entries = std::fs::read_dir(dir).unwrap_or_else(|e| panic!("{dir}: {e}"));
        let mut names: Vec<String> = entries
            .filter_map(Result::ok)
            .filter(|e| e.file_type().is_ok_and(|t| t.is_file()) && e.file_name() != "README.md")
            .map(|e| format!("{dir}/{}", e.file_name().to_string_lossy()))
            .collect();
        assert!(!names.is_empty(), "{dir} holds no input");
        names.sort();
        files.extend(names);
    }
    files
}

#[test]
fn corpus_has_forty_files_or_more() {
    let n = corpus()
        .iter()
        .filter(|f| !f.contains("/regressions/"))
        .count();
    assert!(n >= 40, "only {n} corpus files");
}

#[test]
fn every_command_survives_the_corpus() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    for runs in every_command(root, &corpus()) {
        for (what, run) in runs {
            // Every corpus file is a file: findings (exit 0 or 1), never a
            // failure to run.
            assert_ne!(run.code, 2, "{what}:\n{}", run.stderr);
        }
    }
}

/// The snapshot name for a corpus file: its name with `.` as `-`.
fn snapshot_name(file: &str) -> String {
    let name = Path::new(file).file_name().unwrap().to_string_lossy();
    format!("check-{}", name.replace('.', "-"))
}

/// The human `check` output of every committed corpus file, reviewed: the
/// finding's message, line and column.
#[test]
fn corpus_check_output() {
    for file in corpus() {
        let run = argmap(&["check", &file]);
        let transcript = format!("$ argmap check {file}\nexit: {}\n{}", run.code, run.stderr);
        insta::assert_snapshot!(snapshot_name(&file), transcript);
    }
}

// ---------------------------------------------------------------------------
// Inputs made at test time: large, deep, or not files at all.

/// Writes `bytes` as `name` in `dir`; returns the name.
fn put(dir: &Path, name: &str, bytes: impl AsRef<[u8]>) -> String {
    std::fs::write(dir.join(name), bytes).unwrap();
    name.to_owned()
}

/// A map: a `[map]` table with a title, then `rest`.
fn map_with(rest: &str) -> String {
    format!("[map]\ntitle = \"Generated\"\n\n{rest}")
}

/// Runs every command on each generated file; returns `check`'s run by
/// file.
fn check_generated(dir: &Path, files: &[String]) -> Vec<(String, Run)> {
    files
        .iter()
        .cloned()
        .zip(every_command(dir, files))
        .map(|(f, mut runs)| (f, runs.remove(0).1))
        .collect()
}

fn stderr_of<'a>(checks: &'a [(String, Run)], file: &str) -> &'a Run {
    &checks.iter().find(|(f, _)| f == file).unwrap().1
}

#[test]
fn deep_nesting_is_a_finding_not_a_stack_overflow() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let n = 20_000;
    let files = [
        put(
            d,
            "arrays.toml",
            map_with(&format!("x = {}{}\n", "[".repeat(n), "]".repeat(n))),
        ),
        put(
            d,
            "arrays-unclosed.toml",
            map_with(&format!("x = {}\n", "[".repeat(n))),
        ),
        put(
            d,
            "inline-tables.toml",
            map_with(&format!("x = {}1{}\n", "{a = ".repeat(n), "}".repeat(n))),
        ),
        put(
            d,
            "in-a-claim.toml",
            map_with(&format!(
                "[claims.a]\ntext = \"A\"\ncites = [{}1{}]\n",
                "{ source = [".repeat(n),
                "] }".repeat(n)
            )),
        ),
        put(
            d,
            "dotted-key.toml",
            map_with(&format!("{}b = 1\n", "a.".repeat(n))),
        ),
        put(
            d,
            "table-header.toml",
            map_with(&format!("[{}]\n", vec!["claims"; n].join("."))),
        ),
    ];
    let checks = check_generated(d, &files);
    for (file, run) in &checks {
        assert_eq!(run.code, 1, "{file}: {}", run.stderr);
        assert!(run.stderr.contains("error[toml-syntax]"), "{file}");
    }
    let nested = stderr_of(&checks, "arrays.toml");
    assert!(nested.stderr.contains("nested more than 80 deep"));
    assert!(
        nested.stderr.contains("arrays.toml:4:85"),
        "{}",
        nested.stderr
    );
    let dotted = stderr_of(&checks, "dotted-key.toml");
    assert!(dotted.stderr.contains("more than 80 dotted parts"));
    assert!(
        dotted.stderr.contains("dotted-key.toml:4:1"),
        "{}",
        dotted.stderr
    );
    let header = stderr_of(&checks, "table-header.toml");
    assert!(
        header.stderr.contains("table-header.toml:4:1"),
        "{}",
        header.stderr
    );
}

#[test]
fn huge_strings_and_long_lines_give_their_findings() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let mib2 = 2 * 1024 * 1024;
    let long_word = "x".repeat(mib2);
    let many_words = "word <&> \\\" ".repeat(mib2 / 12);
    let files = [
        // A single 2 MB line: an unterminated string, then a valid title.
        put(
            d,
            "line-unterminated.toml",
            format!("[map]\ntitle = \"{long_word}\n"),
        ),
        put(
            d,
            "line-title.toml",
            format!("[map]\ntitle = \"{long_word}\"\n[claims.a]\ntext = \"A\"\n"),
        ),
        // One 2 MB line holding half a million wrong values: every finding
        // shows an excerpt of the line, not the line.
        put(
            d,
            "line-of-findings.toml",
            map_with(&format!(
                "[claims.a]\ntext = \"A\"\nsupports = [{}]\n",
                vec!["1"; mib2 / 4].join(",")
            )),
        ),
        // 4 MB of claim text, a 1 MB quote, a 2 MB id and a reference one
        // character away from it.
        put(
            d,
            "huge-values.toml",
            map_with(&format!(
                "thesis = \"a\"\n[sources.s]\ntitle = \"S\"\nauthors = [\"A\"]\nyear = 2000\n\
                 [claims.a]\ntext = \"{}\"\ncites = [{{ source = \"s\", quote = \"{}\" }}]\n\
                 [claims.b]\ntext = \"{many_words}\"\nattacks = [\"a\"]\ncites = [\"s\"]\n\
                 [claims.{long_word}]\ntext = \"long id\"\nsupports = [\"{}y\"]\n",
                "y".repeat(2 * mib2),
                "q".repeat(mib2 / 2),
                &long_word[1..],
            )),
        ),
        // A key of 2 MB, and a `[lints]` code of 2 MB: suggestions stay cheap.
        put(
            d,
            "huge-keys.toml",
            map_with(&format!(
                "{long_word} = 1\n[lints]\n{long_word} = \"warn\"\n"
            )),
        ),
    ];
    let checks = check_generated(d, &files);
    let findings = stderr_of(&checks, "line-of-findings.toml");
    assert_eq!(findings.code, 1);
    assert!(
        findings
            .stderr
            .contains("514288 more problems in the file not shown"),
        "{}",
        findings.stderr.len()
    );
    let unterminated = stderr_of(&checks, "line-unterminated.toml");
    assert!(
        unterminated
            .stderr
            .contains("line-unterminated.toml:2:2097162"),
        "{}",
        unterminated.stderr
    );
    // How long these take is measured in `cargo bench -- huge_values`,
    // not here: every run only has to finish within the time limit.
}

#[test]
fn files_of_garbage_are_syntax_findings() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    // Deterministic noise (xorshift), so a failure can be reproduced.
    let mut state = 0x2545_f491_4f6c_dd1d_u64;
    let noise: Vec<u8> = (0..1 << 20)
        .map(|_| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            (state >> 24) as u8
        })
        .collect();
    let files = [
        put(d, "binary.toml", &noise),
        put(d, "nuls.toml", vec![0u8; 1 << 20]),
        put(
            d,
            "carriage-returns.toml",
            [b"[map]\ntitle = \"t\"\n".to_vec(), vec![b'\r'; 1 << 21]].concat(),
        ),
        // Four syntax errors every eight bytes, for 4 MB.
        put(d, "error-dense.toml", "= ] } ,\n".repeat(1 << 19)),
        put(
            d,
            "ascii-noise.toml",
            noise.iter().map(|b| b' ' + b % 95).collect::<Vec<u8>>(),
        ),
        put(d, "bom-only.toml", b"\xEF\xBB\xBF"),
    ];
    let checks = check_generated(d, &files);
    for (file, run) in &checks {
        assert_eq!(run.code, 1, "{file}");
    }
    let dense = stderr_of(&checks, "error-dense.toml");
    assert!(
        dense
            .stderr
            .contains("more TOML syntax errors after this one not shown")
    );
    assert!(
        dense
            .stderr
            .contains("argmap looked for syntax errors up to line")
    );
    assert!(
        dense
            .stderr
            .ends_with("checked 1 map (0 claims, 0 sources): 100 errors\n")
    );
}

#[test]
fn what_is_not_a_map_file_exits_2() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    // 65 MiB, sparse: the size is refused before anything is read.
    let big = d.join("65mib.toml");
    std::fs::File::create(&big)
        .unwrap()
        .set_len(65 << 20)
        .unwrap();
    std::fs::create_dir(d.join("folder.toml")).unwrap();
    let mut cases = vec![
        (
            "65mib.toml",
            "is 65 MiB; argmap reads map files of at most 64 MiB",
        ),
        ("folder.toml", "is a directory, not a map file"),
        ("missing.toml", "no such file"),
    ];
    #[cfg(unix)]
    {
        // A device that never ends, and a named pipe that would block: not
        // regular files, so never opened.
        std::os::unix::fs::symlink("/dev/zero", d.join("zero.toml")).unwrap();
        cases.push(("zero.toml", "is not a regular file"));
        let fifo = Command::new("mkfifo").arg(d.join("pipe.toml")).status();
        if fifo.is_ok_and(|s| s.success()) {
            cases.push(("pipe.toml", "is not a regular file"));
        }
        std::os::unix::fs::symlink("loop.toml", d.join("loop.toml")).unwrap();
        cases.push(("loop.toml", "cannot read `loop.toml`"));
    }
    for (file, message) in cases {
        for cmd in ["check", "eval", "report"] {
            let run = argmap_in(d, &[cmd, file], &[]);
            assert_eq!(run.code, 2, "{cmd} {file}: {}", run.stderr);
            assert_sound(&run, file);
            assert!(run.stderr.contains(message), "{cmd} {file}: {}", run.stderr);
        }
        let run = argmap_in(d, &["render", file, "-o", "out.dot"], &[]);
        assert_eq!(run.code, 2, "render {file}: {}", run.stderr);
        assert!(!d.join("out.dot").exists());
    }
}

// ---------------------------------------------------------------------------
// Injection: no map text becomes markup in DOT, SVG, HTML or Markdown.

/// The DOT of the hostile map, through the binary.
fn hostile_dot(extra: &[&str]) -> String {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("h.dot");
    let mut args = vec!["render", HOSTILE, "-o", out.to_str().unwrap()];
    args.extend(extra);
    let run = argmap(&args);
    assert_eq!(run.code, 0, "{}", run.stderr);
    std::fs::read_to_string(out).unwrap()
}

#[test]
fn dot_labels_hold_no_markup_and_no_statements_from_the_map() {
    use graphviz_rust::dot_structures::{Attribute, Graph, Id, Stmt};
    // Tooltips are quoted DOT strings: map text is plain text there, and
    // a quote that ended one early would show as a statement or attribute.
    let hostile = hostile_strings();
    for extra in [
        &[][..],
        &["--sources", "--status"],
        &["--focus", "a", "--depth", "1"],
        &["--section", "s"],
    ] {
        let dot = hostile_dot(extra);
        let graph = graphviz_rust::parse(&dot).unwrap();
        let Graph::DiGraph { stmts, .. } = graph else {
            panic!("not a digraph")
        };
        let mut stack: Vec<Stmt> = stmts;
        let mut labels = 0;
        while let Some(stmt) = stack.pop() {
            let attrs: Vec<Attribute> = match stmt {
                Stmt::Subgraph(s) => {
                    stack.extend(s.stmts);
                    continue;
                }
                Stmt::Node(n) => {
                    let Id::Plain(id) = &n.id.0 else {
                        panic!("node id {:?}", n.id)
                    };
                    let generated = id == "legend"
                        || id == "more_context"
                        || ["c", "a", "s"].iter().any(|p| {
                            id.strip_prefix(p)
                                .is_some_and(|n| n.parse::<usize>().is_ok())
                        });
                    assert!(generated, "node `{id}` from the map");
                    n.attributes
                }
                Stmt::Edge(e) => e.attributes,
                Stmt::GAttribute(g) => match g {
                    graphviz_rust::dot_structures::GraphAttributes::Graph(a)
                    | graphviz_rust::dot_structures::GraphAttributes::Node(a)
                    | graphviz_rust::dot_structures::GraphAttributes::Edge(a) => a,
                },
                Stmt::Attribute(a) => vec![a],
            };
            for Attribute(key, value) in attrs {
                let Id::Plain(key) = key else {
                    panic!("key {key:?}")
                };
                assert!(
                    !["href", "url", "target", "image", "shapefile"]
                        .contains(&key.to_ascii_lowercase().as_str()),
                    "attribute `{key}`"
                );
                if key == "label"
                    && let Id::Html(html) = &value
                {
                    labels += 1;
                    let inner = &html[1..html.len() - 1];
                    for s in &hostile {
                        assert!(!inner.contains(s.as_str()), "raw map text in a label: {s}");
                    }
                    for tag in tags(inner) {
                        assert!(
                            ["table", "tr", "td", "br", "b", "i", "font", "hr"]
                                .contains(&tag.as_str()),
                            "<{tag}> in a label: {html}"
                        );
                    }
                }
            }
        }
        assert!(labels > 3);
    }
}

/// The tags the HTML report writes itself.
const HTML_ELEMENTS: &[&str] = &[
    "!DOCTYPE", "html", "head", "meta", "title", "style", "body", "h1", "h2", "h3", "p", "code",
    "strong", "em", "br", "span", "table", "tr", "th", "td", "details", "summary", "ul", "li",
    "iframe",
];

#[test]
fn html_report_has_no_markup_from_the_map() {
    // With Graphviz on PATH the viewer is embedded too, as the `srcdoc` of
    // a frame (`tests/graphviz.rs` checks the page in it); without it, it
    // is left out.
    for extra in [&["--no-diagram"][..], &[]] {
        let mut args = vec!["report", HOSTILE, "--format", "html"];
        args.extend(extra);
        let run = argmap(&args);
        assert_eq!(run.code, 0, "{}", run.stderr);
        let html = run.stdout;
        for tag in tags(&html) {
            assert!(HTML_ELEMENTS.contains(&tag.as_str()), "<{tag}> in HTML");
        }
        for name in attribute_names(&html) {
            assert!(!name.starts_with("on"), "handler `{name}` in HTML");
        }
        for s in hostile_strings() {
            assert!(!html.contains(&s), "raw map text in HTML: {s}");
        }
        assert!(html.contains("Content-Security-Policy"));
        assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    }
}

#[test]
fn markdown_report_has_no_markup_from_the_map() {
    let run = argmap(&[
        "report",
        HOSTILE,
        "--diagram",
        "x.svg\"><script>alert(1)</script>",
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    // Code spans show their text literally, markup included.
    let md = strip_code_spans(&run.stdout);
    for tag in tags(&md) {
        assert!(
            ["details", "summary"].contains(&tag.as_str()),
            "<{tag}> in Markdown:\n{md}"
        );
    }
    for s in hostile_strings() {
        assert!(!md.contains(&s), "raw map text in Markdown: {s}");
    }
    assert!(!md.contains("](javascript"), "{md}");
    // Map text stays inside its line: no heading, list item or table row
    // starts from it.
    for line in md.lines() {
        assert!(!line.starts_with("# heading"), "{line}");
        assert!(!line.starts_with("<style"), "{line}");
    }
}

/// `md` without its code spans: a run of backticks up to the next run of
/// as many.
fn strip_code_spans(md: &str) -> String {
    let mut out = String::new();
    let mut rest = md;
    while let Some(start) = rest.find('`') {
        out.push_str(&rest[..start]);
        let after = &rest[start..];
        let fence_len = after.len() - after.trim_start_matches('`').len();
        let body = &after[fence_len..];
        let fence = &after[..fence_len];
        // The closing fence: as many backticks, not part of a longer run.
        let mut search = 0;
        let close = loop {
            let Some(i) = body[search..].find(fence) else {
                break None;
            };
            let at = search + i;
            let run = body[at..].len() - body[at..].trim_start_matches('`').len();
            if run == fence_len && !body[..at].ends_with('`') {
                break Some(at);
            }
            search = at + run;
        };
        match close {
            Some(at) => {
                out.push_str("CODE");
                rest = &body[at + fence_len..];
            }
            None => {
                out.push_str(fence);
                rest = body;
            }
        }
    }
    out.push_str(rest);
    out
}

#[test]
fn terminal_escapes_in_map_text_are_shown_not_sent() {
    let dir = tempfile::tempdir().unwrap();
    let map = "[map]\ntitle = \"T\"\nthesis = \"x\\u001b[2J\"\n\n[claims.a]\n\
               text = \"A \\u001b]0;pwned\\u0007 \\u001b[2J \\u009b31m end\"\n\
               supports = [\"\\u001b]8;;http://x\\u0007\"]\n";
    put(dir.path(), "m.toml", map);
    for cmd in ["check", "eval"] {
        let run = argmap_in(dir.path(), &[cmd, "--color", "always", "m.toml"], &[]);
        assert!(matches!(run.code, 0 | 1), "{cmd}: {}", run.stderr);
        let all = format!("{}{}", run.stdout, run.stderr);
        assert!(all.contains('\u{241b}'), "{cmd}: no ␛ shown:\n{all}");
        for bad in ["\u{1b}]", "\u{1b}[2J", "\u{7}", "\u{9b}"] {
            assert!(
                !all.contains(bad),
                "{cmd}: {bad:?} reached the terminal:\n{all}"
            );
        }
    }
}

// ---------------------------------------------------------------------------
// Files: outputs never replace an input map; texts stay in the map's folder.

/// A folder holding `maps/map.toml` (the README example, valid) and a link
/// to it, `maps/link.toml`.
fn map_folder() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("maps")).unwrap();
    std::fs::copy(
        "tests/fixtures/readme/bridge.toml",
        dir.path().join("maps/map.toml"),
    )
    .unwrap();
    #[cfg(unix)]
    std::os::unix::fs::symlink("map.toml", dir.path().join("maps/link.toml")).unwrap();
    dir
}

fn files_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn outputs_never_replace_the_map() {
    let dir = map_folder();
    let d = dir.path();
    let before = std::fs::read(d.join("maps/map.toml")).unwrap();
    let absolute = d.join("maps/map.toml");
    let mut same = vec![
        "maps/map.toml".to_owned(),
        "./maps/../maps/map.toml".to_owned(),
        "maps//map.toml".to_owned(),
        absolute.to_str().unwrap().to_owned(),
    ];
    if cfg!(unix) {
        same.push("maps/link.toml".to_owned());
    }
    let pairs = same
        .iter()
        .flat_map(|o| [(o, "maps/map.toml"), (o, "./maps/map.toml")]);
    for (out, input) in pairs {
        for args in [
            vec!["render", input, "-o", out, "--format", "dot"],
            vec!["report", input, "-o", out],
            vec![
                "report",
                input,
                "--format",
                "html",
                "--no-diagram",
                "-o",
                out,
            ],
        ] {
            let run = argmap_in(d, &args, &[]);
            assert_eq!(run.code, 2, "{args:?}: {}", run.stderr);
            assert!(run.stderr.contains("refusing to write"), "{}", run.stderr);
            assert_eq!(std::fs::read(d.join("maps/map.toml")).unwrap(), before);
        }
    }
    // Given through the link, the map is not written over either.
    if cfg!(unix) {
        let run = argmap_in(d, &["report", "maps/link.toml", "-o", "maps/map.toml"], &[]);
        assert_eq!(run.code, 2, "{}", run.stderr);
        assert_eq!(std::fs::read(d.join("maps/map.toml")).unwrap(), before);
        assert!(
            std::fs::symlink_metadata(d.join("maps/link.toml"))
                .unwrap()
                .file_type()
                .is_symlink()
        );
    }
    assert_eq!(
        files_in(&d.join("maps")).len(),
        if cfg!(unix) { 2 } else { 1 }
    );
}

#[cfg(unix)]
#[test]
fn writing_over_a_hard_link_to_the_map_leaves_the_map() {
    let dir = map_folder();
    let d = dir.path();
    let before = std::fs::read(d.join("maps/map.toml")).unwrap();
    // Not the same path, nor a link to it: the same file under another name.
    std::fs::hard_link(d.join("maps/map.toml"), d.join("out.md")).unwrap();
    let run = argmap_in(d, &["report", "maps/map.toml", "-o", "out.md"], &[]);
    assert_sound(&run, "report -o hard link");
    // Written to a new file and renamed: the map's own file is untouched.
    assert_eq!(std::fs::read(d.join("maps/map.toml")).unwrap(), before);
}

#[test]
fn outputs_are_replaced_whole_or_not_at_all() {
    let dir = map_folder();
    let d = dir.path();
    std::fs::write(d.join("out.md"), "old report").unwrap();
    let run = argmap_in(d, &["report", "maps/map.toml", "-o", "out.md"], &[]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let new = std::fs::read_to_string(d.join("out.md")).unwrap();
    assert!(new.starts_with("# Audit: ") && !new.contains("old report"));
    // A Graphviz that writes half a diagram and fails leaves the old file.
    std::fs::write(d.join("out.svg"), "old diagram").unwrap();
    let script = d.join("fail.sh");
    write_script(&script, "cat >/dev/null\nprintf '<svg partial'\nexit 3");
    let run = argmap_in(
        d,
        &["render", "maps/map.toml", "-o", "out.svg"],
        &[("ARGMAP_DOT", script.to_str().unwrap())],
    );
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert_eq!(
        std::fs::read_to_string(d.join("out.svg")).unwrap(),
        "old diagram"
    );
    assert_eq!(files_in(d), ["fail.sh", "maps", "out.md", "out.svg"]);
}

#[cfg(unix)]
#[test]
fn graphviz_is_stopped_at_the_time_limit_even_with_children() {
    let dir = map_folder();
    let d = dir.path();
    // The script's child keeps the pipes open after the script is killed.
    let script = d.join("slow.sh");
    write_script(&script, "(sleep 5) &\ncat >/dev/null\nsleep 30");
    let run = argmap_in(
        d,
        &["render", "maps/map.toml", "-o", "out.svg", "--timeout", "1"],
        &[("ARGMAP_DOT", script.to_str().unwrap())],
    );
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(
        run.stderr.contains("did not finish within 1 s"),
        "{}",
        run.stderr
    );
    assert!(run.took < Duration::from_secs(10), "{:?}", run.took);
    assert!(!d.join("out.svg").exists());
}

/// A folder with `maps/m.toml` whose source `s` has `text = TEXT`, a file
/// `maps/inside.txt` and, outside the map's folder, `secret.txt`.
fn texts_folder(text: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::create_dir_all(d.join("maps/inside")).unwrap();
    std::fs::write(d.join("secret.txt"), "the secret words").unwrap();
    std::fs::write(d.join("maps/inside.txt"), "the secret words").unwrap();
    let map = format!(
        "[map]\ntitle = \"T\"\n\n[sources.s]\ntitle = \"S\"\nauthors = [\"A\"]\nyear = 2000\n\
         text = \"{text}\"\n\n[claims.a]\ntext = \"A\"\ncites = [{{ source = \"s\", quote = \"the secret words\" }}]\n"
    );
    std::fs::write(d.join("maps/m.toml"), map).unwrap();
    dir
}

#[test]
fn source_texts_stay_in_the_map_folder() {
    let secret = std::env::temp_dir().join(format!("argmap-secret-{}.txt", std::process::id()));
    std::fs::write(&secret, "the secret words").unwrap();
    let absolute = secret.to_str().unwrap().to_owned();
    let mut refused = vec![
        ("../secret.txt", "leaves the map's folder through `..`"),
        (
            "inside/../../secret.txt",
            "leaves the map's folder through `..`",
        ),
        (absolute.as_str(), "is an absolute path"),
    ];
    if cfg!(unix) {
        refused.push(("link.txt", "resolves through a symbolic link"));
        refused.push(("dirlink/secret.txt", "resolves through a symbolic link"));
    }
    for (text, why) in refused {
        let dir = texts_folder(text);
        let d = dir.path();
        #[cfg(unix)]
        {
            std::os::unix::fs::symlink(d.join("secret.txt"), d.join("maps/link.txt")).unwrap();
            std::os::unix::fs::symlink(d, d.join("maps/dirlink")).unwrap();
        }
        let check = argmap_in(d, &["check", "maps/m.toml"], &[]);
        assert_sound(&check, text);
        assert_eq!(check.code, 1, "{text}: {}", check.stderr);
        assert!(
            check.stderr.contains("error[unreadable-text]"),
            "{}",
            check.stderr
        );
        assert!(check.stderr.contains(why), "{text}: {}", check.stderr);
        // The text was not read: the quote is neither found nor missed.
        assert!(!check.stderr.contains("quote-not-found"));
        let report = argmap_in(d, &["report", "maps/m.toml"], &[]);
        assert_sound(&report, text);
        assert!(
            report.stdout.contains("0 of 1 quotes were checked"),
            "{}",
            report.stdout
        );
        // `--allow-outside-texts` lets the map read it.
        let run = argmap_in(d, &["check", "--allow-outside-texts", "maps/m.toml"], &[]);
        assert_eq!(run.code, 0, "{text}: {}", run.stderr);
    }
    std::fs::remove_file(&secret).ok();
    // A link inside the folder to a file inside it is fine.
    #[cfg(unix)]
    {
        let dir = texts_folder("inner-link.txt");
        let d = dir.path();
        std::os::unix::fs::symlink("inside.txt", d.join("maps/inner-link.txt")).unwrap();
        let run = argmap_in(d, &["check", "maps/m.toml"], &[]);
        assert_eq!(run.code, 0, "{}", run.stderr);
    }
}

#[test]
fn source_texts_that_are_not_plain_files_or_too_large_are_findings() {
    let dir = texts_folder("big.txt");
    let d = dir.path();
    // Sparse: 256 MiB and one byte, refused by its size before reading.
    std::fs::File::create(d.join("maps/big.txt"))
        .unwrap()
        .set_len((256 << 20) + 1)
        .unwrap();
    let run = argmap_in(d, &["check", "maps/m.toml"], &[]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(run.stderr.contains("error[unreadable-text]"));
    assert!(
        run.stderr.contains("it is larger than 256 MiB"),
        "{}",
        run.stderr
    );
    // A device is never read, even when texts may leave the folder.
    if cfg!(unix) {
        let dir = texts_folder("/dev/zero");
        let run = argmap_in(
            dir.path(),
            &["check", "--allow-outside-texts", "maps/m.toml"],
            &[],
        );
        assert_eq!(run.code, 1, "{}", run.stderr);
        assert!(
            run.stderr.contains("it is not a regular file"),
            "{}",
            run.stderr
        );
        let dir = texts_folder("inside.txt");
        let run = argmap_in(
            dir.path(),
            &["check", "maps/m.toml", "--text", "s=/dev/zero"],
            &[],
        );
        assert_eq!(run.code, 2, "{}", run.stderr);
        assert!(run.stderr.contains("not a file"), "{}", run.stderr);
    }
    let dir = texts_folder("");
    let run = argmap_in(dir.path(), &["check", "maps/m.toml"], &[]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(run.stderr.contains("it is a directory"), "{}", run.stderr);
}

/// A map of `n` claims, each citing one source, none sound enough to be
/// silent: `check` finds something in each.
fn many_claims(n: usize) -> String {
    let mut s = map_with("[sources.s]\ntitle = \"S\"\nkind = \"book\"\n\n");
    for i in 0..n {
        s.push_str(&format!(
            "[claims.c{i}]\ntext = \"Claim number {i}, which nothing supports\"\n\n"
        ));
    }
    s
}

#[test]
fn a_closed_stdout_is_no_panic() {
    // `argmap check --format json big.toml | head -1`: the reader stops
    // reading, and the next write fails with a broken pipe. The output of
    // each command is far larger than a pipe's buffer.
    let dir = tempfile::tempdir().unwrap();
    put(dir.path(), "big.toml", many_claims(3000));
    let aif = common::run_in(
        dir.path(),
        &["export", "big.toml", "--to", "aif", "-o", "big.json"],
        &[],
    );
    assert_eq!(aif.code, 0, "{}", aif.stderr);
    let cases: [&[&str]; 17] = [
        &["check", "--format", "json", "big.toml"],
        &["check", "--format", "sarif", "big.toml"],
        &["check", "--format", "github", "big.toml"],
        &["eval", "big.toml"],
        &["eval", "--format", "json", "big.toml"],
        &["export", "big.toml", "--to", "json"],
        &["export", "big.toml", "--to", "argdown"],
        &["export", "big.toml", "--to", "aif"],
        &["export", "big.toml", "--to", "mermaid"],
        &["export", "big.toml", "--to", "graphml"],
        &["render", "big.toml", "-o", "-"],
        &["report", "big.toml"],
        &["report", "--format", "html", "--no-diagram", "big.toml"],
        &["import", "big.json", "--from", "aif"],
        &["migrate", "big.toml"],
        &["schema"],
        &["explain"],
    ];
    for args in cases {
        // snapbox reads stdout to its end: this test closes it early, so
        // it starts the `std` command the harness sets up.
        let mut cmd = common::argmap(args).current_dir(dir.path()).std_command();
        cmd.stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        let mut child = cmd.spawn().unwrap();
        // Read a little, then close the pipe, as `head -c 100` would.
        {
            use std::io::Read;
            let mut stdout = child.stdout.take().unwrap();
            let mut first = [0u8; 100];
            stdout.read_exact(&mut first).unwrap();
        }
        let output = child.wait_with_output().unwrap();
        let stderr = String::from_utf8_lossy(&output.stderr);
        let what = format!("`argmap {}`", args.join(" "));
        assert!(!stderr.contains("panicked"), "{what} panicked: {stderr}");
        assert!(
            !stderr.lines().any(|l| l.starts_with("error")),
            "{what} reported the closed pipe as an error: {stderr}"
        );
        // `check` exits as its findings say; the rest succeed.
        assert!(
            matches!(output.status.code(), Some(0 | 1)),
            "{what} exited with {:?}: {stderr}",
            output.status.code()
        );
    }
}
