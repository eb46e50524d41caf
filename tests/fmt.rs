//! `argmap fmt`: the layout of each fixture under `tests/fixtures/fmt/`
//! (snapshots), the same with CRLF line breaks and a byte-order mark, the
//! committed maps formatted, the runs that write in place (in a temporary
//! folder: the read-only runs are cases in `tests/cmd/`), and a property on
//! random maps laid out at random: formatting keeps the model, every
//! comment and the line breaks, groups the tables by kind, and formatting
//! twice changes nothing more.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

mod common;

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use proptest::prelude::*;
use proptest::test_runner::{Config, FileFailurePersistence};

/// `bytes`, formatted by the library.
fn fmt(bytes: &[u8]) -> Vec<u8> {
    argmap::fmt::format("m.toml", bytes).unwrap_or_else(|e| {
        panic!(
            "cannot format:\n{}\n---\n{e:?}",
            String::from_utf8_lossy(bytes)
        )
    })
}

/// The model of `bytes` as argmap's JSON export writes it: every item in
/// file order with every key, no spans.
fn model(bytes: &[u8]) -> String {
    let loaded = argmap::load::load("m.toml", bytes);
    argmap::export::json::to_json(&loaded.map.expect("a map"))
}

fn fixtures() -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir("tests/fixtures/fmt")
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .collect();
    files.sort();
    assert!(files.len() >= 8, "the fixtures are missing");
    files
}

fn stem(path: &Path) -> String {
    path.file_stem()
        .unwrap()
        .to_string_lossy()
        .replace('-', "_")
}

#[test]
fn fixtures_are_formatted_as_their_snapshots() {
    for path in fixtures() {
        let before = std::fs::read(&path).unwrap();
        let after = fmt(&before);
        let text = String::from_utf8(after.clone()).unwrap();
        insta::assert_snapshot!(stem(&path), text);
        assert_eq!(fmt(&after), after, "{}: formatting twice", path.display());
        if !before.is_empty() {
            assert_eq!(model(&before), model(&after), "{}", path.display());
        }
    }
}

#[test]
fn crlf_line_breaks_and_a_byte_order_mark_are_kept() {
    for path in fixtures() {
        let lf = std::fs::read_to_string(&path).unwrap();
        assert!(
            !lf.contains('\r'),
            "{}: write fixtures with LF",
            path.display()
        );
        let formatted = String::from_utf8(fmt(lf.as_bytes())).unwrap();
        let crlf = lf.replace('\n', "\r\n");
        assert_eq!(
            String::from_utf8(fmt(crlf.as_bytes())).unwrap(),
            formatted.replace('\n', "\r\n"),
            "{}",
            path.display()
        );
        let bom = format!("\u{feff}{lf}");
        assert_eq!(
            String::from_utf8(fmt(bom.as_bytes())).unwrap(),
            format!("\u{feff}{formatted}"),
            "{}",
            path.display()
        );
    }
}

/// CI holds the committed maps, those of `maps/`, formatted: run `argmap
/// fmt maps/*.toml` after editing one.
#[test]
fn the_committed_maps_are_formatted() {
    let mut maps: Vec<PathBuf> = std::fs::read_dir("maps")
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .collect();
    maps.sort();
    assert!(!maps.is_empty(), "no map in maps/");
    for path in maps {
        let bytes = std::fs::read(&path).unwrap();
        assert!(
            fmt(&bytes) == bytes,
            "{0} is not formatted: run `argmap fmt {0}`",
            path.display()
        );
    }
}

/// docs/map-format.md's example formats to exactly the map it shows.
#[test]
fn the_reference_example_is_what_fmt_writes() {
    let doc = std::fs::read_to_string("docs/map-format.md").unwrap();
    let block = |caption: &str| common::between(&doc, caption, "```\n").replace("\n```toml\n", "");
    let before = block("A map, `messy.toml`:\n");
    let after = block("What `argmap fmt messy.toml` writes:\n");
    assert_ne!(before, after);
    assert_eq!(
        String::from_utf8(fmt(before.as_bytes())).unwrap(),
        after,
        "docs/map-format.md shows a stale formatting"
    );
}

// ---------------------------------------------------------------------------
// Runs that write

const MESSY: &str = "tests/fixtures/fmt/messy-order.toml";

/// A temporary folder holding `files`: (name, contents).
fn folder(files: &[(&str, &[u8])]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (name, bytes) in files {
        std::fs::write(dir.path().join(name), bytes).unwrap();
    }
    dir
}

fn transcript(dir: &Path, args: &[&str]) -> String {
    common::argmap(args)
        .current_dir(dir)
        .run()
        .transcript(&format!("argmap {}", args.join(" ")))
}

#[test]
fn fmt_rewrites_a_map_in_place_and_then_has_nothing_to_do() {
    let messy = std::fs::read(MESSY).unwrap();
    let dir = folder(&[("m.toml", &messy)]);
    let first = transcript(dir.path(), &["fmt", "m.toml"]);
    let written = std::fs::read(dir.path().join("m.toml")).unwrap();
    assert_eq!(written, fmt(&messy));
    let second = transcript(dir.path(), &["fmt", "m.toml"]);
    assert_eq!(std::fs::read(dir.path().join("m.toml")).unwrap(), written);
    let check = transcript(dir.path(), &["fmt", "--check", "m.toml"]);
    // Nothing but the map: no temporary file is left behind.
    let names: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(names, ["m.toml"]);
    insta::assert_snapshot!(format!("{first}\n{second}\n{check}"));
}

#[test]
fn several_maps_are_each_formatted_and_a_broken_one_is_left_alone() {
    let messy = std::fs::read(MESSY).unwrap();
    let tidy = fmt(&messy);
    let broken = b"[map]\ntitle = \"t\n";
    let dir = folder(&[("a.toml", &messy), ("b.toml", &tidy), ("c.toml", broken)]);
    let check = transcript(dir.path(), &["fmt", "--check", "a.toml", "b.toml"]);
    assert_eq!(std::fs::read(dir.path().join("a.toml")).unwrap(), messy);
    let all = transcript(dir.path(), &["fmt", "a.toml", "b.toml", "c.toml"]);
    assert_eq!(std::fs::read(dir.path().join("a.toml")).unwrap(), tidy);
    assert_eq!(std::fs::read(dir.path().join("b.toml")).unwrap(), tidy);
    assert_eq!(std::fs::read(dir.path().join("c.toml")).unwrap(), broken);
    std::fs::write(dir.path().join("a.toml"), &messy).unwrap();
    let two = transcript(dir.path(), &["fmt", "a.toml", "b.toml"]);
    let formatted = transcript(dir.path(), &["fmt", "a.toml", "b.toml"]);
    let checked = transcript(dir.path(), &["fmt", "--check", "a.toml", "b.toml"]);
    insta::assert_snapshot!(format!("{check}\n{all}\n{two}\n{formatted}\n{checked}"));
}

#[cfg(unix)]
#[test]
fn through_a_symbolic_link_the_file_is_rewritten_with_its_permissions() {
    use std::os::unix::fs::PermissionsExt;
    let messy = std::fs::read(MESSY).unwrap();
    let dir = folder(&[("real.toml", &messy)]);
    let real = dir.path().join("real.toml");
    std::fs::set_permissions(&real, std::fs::Permissions::from_mode(0o640)).unwrap();
    std::os::unix::fs::symlink("real.toml", dir.path().join("link.toml")).unwrap();
    let run = common::argmap(["fmt", "link.toml"])
        .current_dir(dir.path())
        .run();
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(run.stderr, "formatted `link.toml`\n");
    let link = std::fs::symlink_metadata(dir.path().join("link.toml")).unwrap();
    assert!(link.file_type().is_symlink(), "the link was replaced");
    assert_eq!(std::fs::read(&real).unwrap(), fmt(&messy));
    let mode = std::fs::metadata(&real).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o640);
}

#[test]
fn a_map_that_is_not_toml_is_not_written() {
    let broken = b"[claims.a]\ntext = \"x\"\n[claims.a]\n";
    let dir = folder(&[("m.toml", broken)]);
    let run = common::argmap(["fmt", "m.toml"])
        .current_dir(dir.path())
        .run();
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(run.stderr.contains("m.toml:3:"), "{}", run.stderr);
    assert_eq!(std::fs::read(dir.path().join("m.toml")).unwrap(), broken);
}

// ---------------------------------------------------------------------------
// Random maps, laid out at random

fn config() -> Config {
    Config {
        failure_persistence: Some(Box::new(FileFailurePersistence::Off)),
        ..Config::default()
    }
}

/// Words for values and comments: quotes, `#`, backslashes, CJK, emoji.
const WORDS: &[&str] = &[
    "bridge",
    "piers",
    "#3",
    "\"quoted\"",
    "it's",
    "a\\b",
    "网络主权",
    "習近平",
    "🌐",
    "x = 1",
    "[claims.x]",
    "'''",
    "\"\"\"",
    "# not a comment",
    "\t",
    "",
];

fn words() -> impl Strategy<Value = String> {
    proptest::collection::vec(proptest::sample::select(WORDS), 0..5).prop_map(|w| w.join(" "))
}

/// A map to lay out: each table's keys and values as TOML source.
#[derive(Clone, Debug)]
struct Random {
    title: String,
    thesis: bool,
    lints: bool,
    limits: bool,
    sections: Vec<String>,
    sources: Vec<(String, i64)>,
    claims: Vec<RandomClaim>,
    arguments: Vec<(Vec<usize>, usize, String)>,
}

#[derive(Clone, Debug)]
struct RandomClaim {
    text: String,
    section: Option<usize>,
    anchor: Option<(String, i64)>,
    cites: Vec<(usize, Option<String>)>,
    supports: Vec<usize>,
    odd: Option<String>,
}

fn random() -> impl Strategy<Value = Random> {
    let claim = (
        words(),
        proptest::option::of(0usize..3),
        proptest::option::of((words(), 1i64..9)),
        proptest::collection::vec((0usize..3, proptest::option::of(words())), 0..3),
        proptest::collection::vec(0usize..6, 0..3),
        proptest::option::weighted(0.2, words()),
    )
        .prop_map(
            |(text, section, anchor, cites, supports, odd)| RandomClaim {
                text,
                section,
                anchor,
                cites,
                supports,
                odd,
            },
        );
    (
        words(),
        any::<(bool, bool, bool)>(),
        proptest::collection::vec(words(), 0..3),
        proptest::collection::vec((words(), 1900i64..2030), 0..3),
        proptest::collection::vec(claim, 1..6),
        proptest::collection::vec(
            (
                proptest::collection::vec(0usize..6, 1..3),
                0usize..6,
                words(),
            ),
            0..3,
        ),
    )
        .prop_map(
            |(title, (thesis, lints, limits), sections, sources, claims, arguments)| Random {
                title,
                thesis,
                lints,
                limits,
                sections,
                sources,
                claims,
                arguments,
            },
        )
}

/// Layout decisions, drawn from a seed (xorshift).
struct Dice(u64);

impl Dice {
    fn roll(&mut self, n: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % n.max(1) as u64) as usize
    }

    fn one_in(&mut self, n: usize) -> bool {
        self.roll(n) == 0
    }

    fn shuffle<T>(&mut self, v: &mut [T]) {
        for i in (1..v.len()).rev() {
            let j = self.roll(i + 1);
            v.swap(i, j);
        }
    }
}

/// A string value: basic, literal when it can be, at times multi-line.
fn string(s: &str, dice: &mut Dice) -> String {
    let literal = !s.contains('\'') && !s.contains('\n') && !s.contains('\t');
    match dice.roll(4) {
        0 if literal => format!("'{s}'"),
        1 if !s.contains("\"\"\"") && !s.ends_with('"') && !s.ends_with('\\') => {
            // No line of it starts with `[`, which would look like a header.
            let body = s.replace('\\', "\\\\");
            format!("\"\"\"\n· {body}\nmore\"\"\"")
        }
        _ => {
            let mut out = String::from("\"");
            for c in s.chars() {
                match c {
                    '"' => out.push_str("\\\""),
                    '\\' => out.push_str("\\\\"),
                    '\t' => out.push_str("\\t"),
                    c => out.push(c),
                }
            }
            out.push('"');
            out
        }
    }
}

/// Comment lines (each with a unique token), blank lines, or nothing.
fn above(dice: &mut Dice, n: &mut usize, indent: &str) -> String {
    let mut out = String::new();
    for _ in 0..dice.roll(3) {
        if dice.one_in(3) {
            out.push('\n');
        }
        *n += 1;
        let _ = writeln!(
            out,
            "{indent}# c{n}: {} 注 \"#\" ",
            WORDS[dice.roll(WORDS.len())]
        );
    }
    out
}

/// One table as source: a header (none for the root) and its lines.
struct Block {
    header: Option<String>,
    lines: Vec<(String, String)>,
}

fn lay_out(map: &Random, seed: u64) -> (String, usize) {
    let mut dice = Dice(seed | 1);
    let mut blocks: Vec<Block> = Vec::new();
    let claim_id = |i: usize| format!("c{}", i % map.claims.len());
    let mut meta = vec![("title".to_owned(), string(&map.title, &mut dice))];
    if map.thesis {
        meta.push(("thesis".into(), "\"c0\"".into()));
    }
    meta.push(("version".into(), "2".into()));
    blocks.push(Block {
        header: Some("map".into()),
        lines: meta,
    });
    if map.lints {
        blocks.push(Block {
            header: Some("lints".into()),
            lines: vec![
                ("uncited-claim".into(), "\"warn\"".into()),
                ("orphan-claim".into(), "\"allow\"".into()),
            ],
        });
    }
    if map.limits {
        blocks.push(Block {
            header: Some("limits".into()),
            lines: vec![
                ("quote-words".into(), "12".into()),
                ("copy-run".into(), "8".into()),
            ],
        });
    }
    for (i, title) in map.sections.iter().enumerate() {
        blocks.push(Block {
            header: Some(format!("sections.s{i}")),
            lines: vec![("title".into(), string(title, &mut dice))],
        });
    }
    for (i, (title, year)) in map.sources.iter().enumerate() {
        blocks.push(Block {
            header: Some(format!("sources.src{i}")),
            lines: vec![
                ("title".into(), string(title, &mut dice)),
                ("year".into(), year.to_string()),
                ("authors".into(), "[ \"Lee, John\",\"李\" ]".into()),
            ],
        });
    }
    // Arrays of tables keep their order: they are laid out after the rest.
    let mut arrays: Vec<Block> = Vec::new();
    for (i, c) in map.claims.iter().enumerate() {
        let mut lines = vec![("text".to_owned(), string(&c.text, &mut dice))];
        if let Some(s) = c.section.filter(|s| *s < map.sections.len()) {
            lines.push(("section".into(), format!("\"s{s}\"")));
        }
        if let Some((quote, para)) = &c.anchor {
            let q = string(quote, &mut dice);
            match dice.roll(3) {
                0 => lines.push(("anchor".into(), format!("{{quote={q},para = {para}}}"))),
                1 => {
                    lines.push(("anchor.quote".into(), q));
                    lines.push(("anchor.para".into(), para.to_string()));
                }
                _ => blocks.push(Block {
                    header: Some(format!("claims.c{i}.anchor")),
                    lines: vec![("quote".into(), q), ("para".into(), para.to_string())],
                }),
            }
        }
        let cites: Vec<(String, Option<String>)> = c
            .cites
            .iter()
            .filter(|(s, _)| *s < map.sources.len())
            .map(|(s, at)| (format!("src{s}"), at.as_ref().map(|a| string(a, &mut dice))))
            .collect();
        if !cites.is_empty() {
            if dice.one_in(3) {
                for (source, at) in &cites {
                    let mut lines = vec![("source".to_owned(), format!("\"{source}\""))];
                    if let Some(at) = at {
                        lines.insert(0, ("at".into(), at.clone()));
                    }
                    arrays.push(Block {
                        header: Some(format!("[claims.c{i}.cites]")),
                        lines,
                    });
                }
            } else {
                let entries: Vec<String> = cites
                    .iter()
                    .map(|(source, at)| match at {
                        Some(at) => format!("{{ at = {at}, source = \"{source}\" }}"),
                        None => format!("\"{source}\""),
                    })
                    .collect();
                let value = if dice.one_in(2) {
                    format!("[\n  {},\n]", entries.join(",\n  "))
                } else {
                    format!("[{}]", entries.join(","))
                };
                lines.push(("cites".into(), value));
            }
        }
        if !c.supports.is_empty() {
            let ids: Vec<String> = c
                .supports
                .iter()
                .map(|s| format!("\"{}\"", claim_id(*s)))
                .collect();
            lines.push(("supports".into(), format!("[{}]", ids.join(", "))));
        }
        if let Some(odd) = &c.odd {
            lines.push(("colour".into(), string(odd, &mut dice)));
        }
        blocks.push(Block {
            header: Some(format!("claims.c{i}")),
            lines,
        });
    }
    for (i, (premises, conclusion, label)) in map.arguments.iter().enumerate() {
        let ids: Vec<String> = premises
            .iter()
            .map(|p| format!("'{}'", claim_id(*p)))
            .collect();
        blocks.push(Block {
            header: Some(format!("arguments.g{i}")),
            lines: vec![
                ("label".into(), string(label, &mut dice)),
                (
                    "conclusion".into(),
                    format!("\"{}\"", claim_id(*conclusion)),
                ),
                ("premises".into(), format!("[{}]", ids.join(","))),
            ],
        });
    }
    dice.shuffle(&mut blocks);
    blocks.extend(arrays);
    let mut n = 0;
    let mut out = String::new();
    for mut block in blocks {
        dice.shuffle(&mut block.lines);
        out.push_str(&above(&mut dice, &mut n, ""));
        if let Some(h) = &block.header {
            let _ = write!(out, "[{h}]");
            if dice.one_in(4) {
                n += 1;
                let _ = write!(out, "  # c{n} on the header");
            }
            out.push('\n');
        }
        for (k, v) in &block.lines {
            let indent = if dice.one_in(4) { "  " } else { "" };
            out.push_str(&above(&mut dice, &mut n, indent));
            let eq = if dice.one_in(3) { "=" } else { " = " };
            let _ = write!(out, "{indent}{k}{eq}{v}");
            if dice.one_in(4) {
                n += 1;
                let _ = write!(out, " # c{n} at the end");
            }
            out.push('\n');
        }
        if dice.one_in(2) {
            out.push('\n');
        }
    }
    out.push_str(&above(&mut dice, &mut n, ""));
    (out, n)
}

/// The kinds of table, in the order `fmt` groups them.
const KINDS: &[&str] = &[
    "map",
    "lints",
    "limits",
    "sections",
    "actors",
    "sources",
    "claims",
    "arguments",
];

proptest! {
    #![proptest_config(config())]

    /// Formatting keeps the model, the loader's findings, every comment and
    /// the line breaks, groups tables by kind, and is idempotent.
    #[test]
    fn formatting_random_layouts_keeps_the_map(map in random(), seed in any::<u64>(), crlf in any::<bool>(), bom in any::<bool>()) {
        let (mut text, comments) = lay_out(&map, seed);
        if crlf {
            text = text.replace('\n', "\r\n");
        }
        if bom {
            text.insert(0, '\u{feff}');
        }
        let before = argmap::load::load("m.toml", text.as_bytes());
        prop_assert!(before.map.is_some(), "not TOML:\n{text}\n{:?}", before.diagnostics);
        let out = match argmap::fmt::format("m.toml", text.as_bytes()) {
            Ok(out) => String::from_utf8(out).unwrap(),
            Err(e) => return Err(TestCaseError::fail(format!("{e:?}\n{text}"))),
        };
        let after = argmap::load::load("m.toml", out.as_bytes());
        prop_assert_eq!(model(text.as_bytes()), model(out.as_bytes()), "{}\n---\n{}", text, out);
        let findings = |l: &argmap::load::Loaded| {
            let mut f: Vec<String> = l.diagnostics.iter().map(|d| d.message.clone()).collect();
            f.sort();
            f
        };
        prop_assert_eq!(findings(&before), findings(&after));
        for i in 1..=comments {
            let token = format!("# c{i}:");
            let end = format!("# c{i} ");
            let found = out.matches(&token).count() + out.matches(&end).count();
            prop_assert_eq!(found, 1, "comment {} in\n{}\n---\n{}", i, text, out);
        }
        prop_assert_eq!(out.starts_with('\u{feff}'), bom);
        let breaks = out.matches('\n').count();
        prop_assert_eq!(out.matches("\r\n").count(), if crlf { breaks } else { 0 }, "{}", out);
        let mut last = 0;
        for line in out.lines() {
            let Some(header) = line.trim_start_matches('\u{feff}').strip_prefix('[') else { continue };
            let name = header.trim_start_matches('[');
            let kind = name.split(['.', ']']).next().unwrap_or("");
            let rank = KINDS.iter().position(|k| *k == kind).unwrap_or(KINDS.len());
            prop_assert!(rank >= last, "`{}` after a later kind:\n{}", line, out);
            last = rank;
        }
        let again = String::from_utf8(fmt(out.as_bytes())).unwrap();
        prop_assert_eq!(again, out);
    }
}
