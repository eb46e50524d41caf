//! Fuzzing on stable Rust with proptest: arbitrary bytes, corpus files with
//! random edits, and random but well-formed maps (odd ids, references to
//! ids that exist and ids that do not, hostile text) go through the whole
//! library: load, check, both renderings of the findings, evaluation, DOT
//! in four views, and the Markdown and HTML reports. Nothing may panic, the
//! DOT must parse back, and no markup from the map may reach a label or a
//! page.
//!
//! Each property runs 256 cases (`PROPTEST_CASES` sets another number).
//! Every input that made one fail is kept, minimised, under
//! `tests/corpus/regressions/` and replayed by [`regressions_replay`] (and
//! through the binary by `tests/robustness.rs`).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use std::fmt::Write as _;

use argmap::diag::Levels;
use argmap::diag::render::{human, json};
use argmap::render::{Options, View};
use argmap::report::{Audit, html, markdown};
use graphviz_rust::dot_structures::{Attribute, Graph, GraphAttributes, Id, Stmt};
use proptest::prelude::*;
use proptest::test_runner::{Config, FileFailurePersistence};

/// 256 cases per property unless `PROPTEST_CASES` says otherwise; failures
/// are minimised and printed, not written to a file (they are committed
/// by hand under `tests/corpus/regressions/`).
fn config() -> Config {
    Config {
        failure_persistence: Some(Box::new(FileFailurePersistence::Off)),
        ..Config::default()
    }
}

// ---------------------------------------------------------------------------
// The pipeline and what it must guarantee

/// Tags the HTML report writes.
const HTML_TAGS: &[&str] = &[
    "!DOCTYPE", "html", "head", "meta", "title", "style", "body", "h1", "h2", "h3", "p", "code",
    "strong", "em", "br", "span", "table", "tr", "th", "td", "details", "summary", "ul", "li",
    "img",
];
/// Tags the DOT labels use.
const LABEL_TAGS: &[&str] = &["table", "tr", "td", "br", "b", "i", "font", "hr"];
/// Tags the Markdown report writes.
const MARKDOWN_TAGS: &[&str] = &["details", "summary"];

/// The names of the tags in `text` (`</b>` and `<br/>` give `b` and `br`).
fn tags(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split('<').skip(1).map(|rest| {
        rest.trim_start_matches('/')
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '!')
            .collect()
    })
}

/// `md` without its code spans, whose text Markdown shows literally: a
/// run of backticks up to the next run of as many, on one line.
fn strip_code_spans(md: &str) -> String {
    let mut out = Vec::new();
    for line in md.lines() {
        let b = line.as_bytes();
        let run = |i: usize| b[i..].iter().take_while(|&&c| c == b'`').count();
        let mut i = 0;
        while i < b.len() {
            if b[i] != b'`' {
                out.push(b[i]);
                i += 1;
                continue;
            }
            let n = run(i);
            let mut j = i + n;
            let close = loop {
                match b[j..].iter().position(|&c| c == b'`') {
                    None => break None,
                    Some(k) if run(j + k) == n => break Some(j + k),
                    Some(k) => j += k + run(j + k),
                }
            };
            match close {
                Some(c) => i = c + n,
                None => {
                    out.extend_from_slice(&b[i..i + n]);
                    i += n;
                }
            }
        }
        out.push(b'\n');
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Every node id, attribute and HTML-like label of a DOT graph.
fn visit_dot(
    stmts: &[Stmt],
    f: &mut impl FnMut(Option<&str>, &[Attribute]) -> Result<(), TestCaseError>,
) -> Result<(), TestCaseError> {
    for s in stmts {
        match s {
            Stmt::Subgraph(sub) => visit_dot(&sub.stmts, f)?,
            Stmt::Node(n) => {
                let Id::Plain(id) = &n.id.0 else {
                    return Err(TestCaseError::fail(format!("node id {:?}", n.id)));
                };
                f(Some(id), &n.attributes)?;
            }
            Stmt::Edge(e) => f(None, &e.attributes)?,
            Stmt::GAttribute(
                GraphAttributes::Graph(a) | GraphAttributes::Node(a) | GraphAttributes::Edge(a),
            ) => f(None, a)?,
            Stmt::Attribute(a) => f(None, std::slice::from_ref(a))?,
        }
    }
    Ok(())
}

/// Checks a diagram's DOT: it parses back, every node id is generated, and
/// labels hold only argmap's own tags.
fn check_dot(dot: &str) -> Result<(), TestCaseError> {
    let graph = graphviz_rust::parse(dot)
        .map_err(|e| TestCaseError::fail(format!("DOT does not parse: {e}\n{dot}")))?;
    let Graph::DiGraph { stmts, .. } = graph else {
        return Err(TestCaseError::fail("not a digraph"));
    };
    visit_dot(&stmts, &mut |id, attrs| {
        if let Some(id) = id {
            let generated = id == "legend"
                || id.starts_with("legend_")
                || id == "more_context"
                || ["c", "a", "s"].iter().any(|p| {
                    id.strip_prefix(p)
                        .is_some_and(|n| n.parse::<usize>().is_ok())
                });
            prop_assert!(generated, "node id `{}` from the map", id);
        }
        for Attribute(key, value) in attrs {
            prop_assert!(matches!(key, Id::Plain(_)), "attribute key {:?}", key);
            if let Id::Html(label) = value {
                let inner = &label[1..label.len() - 1];
                for tag in tags(inner) {
                    prop_assert!(LABEL_TAGS.contains(&tag.as_str()), "<{}> in {}", tag, label);
                }
            }
        }
        Ok(())
    })
}

/// Runs `bytes` through the whole library and checks its guarantees.
fn pipeline(bytes: &[u8]) -> Result<(), TestCaseError> {
    let checked = argmap::check::check("fuzz.toml", bytes, &Levels::default());
    let reports = std::slice::from_ref(&checked.report);
    let text = human::render(reports, false, false);
    prop_assert!(text.ends_with('\n'));
    let plain_lines = text
        .lines()
        .filter(|l| l.starts_with("error[") || l.starts_with("warning["));
    prop_assert_eq!(plain_lines.count(), checked.report.diagnostics.len());
    serde_json::from_str::<serde_json::Value>(&json::render(reports))
        .map_err(|e| TestCaseError::fail(format!("JSON: {e}")))?;
    for d in &checked.report.diagnostics {
        prop_assert!(
            !d.message.is_empty() && d.span.start <= d.span.end,
            "{:?}",
            d
        );
        prop_assert!(d.span.end <= checked.report.file.text.len(), "{:?}", d);
    }
    let (Some(map), Some(graph)) = (&checked.map, &checked.graph) else {
        prop_assert!(
            checked
                .report
                .diagnostics
                .iter()
                .all(|d| d.code == "toml-syntax"),
            "a file that is not TOML has only syntax findings"
        );
        return Ok(());
    };
    let evaluation = argmap::eval::evaluate(map, graph);
    prop_assert_eq!(evaluation.claims.len(), map.claims.len());
    prop_assert_eq!(evaluation.arguments.len(), map.arguments.len());

    let mut views = vec![Options::default()];
    views.push(Options {
        sources: true,
        legend: false,
        status: Some(evaluation.clone()),
        ..Options::default()
    });
    if let Some(c) = map.claims.first() {
        views.push(Options {
            view: View::Focus {
                id: c.id.value.clone(),
                depth: 2,
            },
            ..Options::default()
        });
    }
    if let Some(s) = map.sections.first() {
        views.push(Options {
            view: View::Section(s.id.value.clone()),
            ..Options::default()
        });
    }
    for (i, options) in views.iter().enumerate() {
        match argmap::render::to_dot(map, graph, options) {
            Ok(dot) => check_dot(&dot)?,
            // A focus or section id may name something else first (an id
            // used twice): a usage error, not a failure to draw.
            Err(e) => prop_assert!(i >= 2, "{:?}: {}", options, e),
        }
    }

    let audit = Audit::new(&checked.report, map, graph, &evaluation, &checked.texts);
    let page = html::render(&audit, None);
    for tag in tags(&page) {
        prop_assert!(HTML_TAGS.contains(&tag.as_str()), "<{}> in HTML", tag);
    }
    prop_assert!(!page.to_ascii_lowercase().contains("<script"));
    let md = markdown::render(&audit, Some("diagram.svg"), 1);
    for tag in tags(&strip_code_spans(&md)) {
        prop_assert!(
            MARKDOWN_TAGS.contains(&tag.as_str()),
            "<{}> in Markdown:\n{}",
            tag,
            md
        );
    }
    Ok(())
}

// ---------------------------------------------------------------------------
// Random maps

/// Characters that have broken parsers, escapers and renderers before.
const NASTY: &[char] = &[
    'a',
    'b',
    'z',
    'A',
    '0',
    '9',
    '-',
    '_',
    ' ',
    ' ',
    '.',
    ',',
    '"',
    '\'',
    '\\',
    '\n',
    '\r',
    '\t',
    '<',
    '>',
    '&',
    '`',
    '*',
    '[',
    ']',
    '(',
    ')',
    '|',
    '#',
    '{',
    '}',
    '=',
    '!',
    '~',
    ':',
    '/',
    '%',
    ';',
    '\0',
    '\u{7}',
    '\u{1b}',
    '\u{7f}',
    '\u{85}',
    '\u{a0}',
    '\u{ad}',
    'é',
    'ß',
    '\u{301}',
    '国',
    '家',
    '😀',
    '\u{200b}',
    '\u{200d}',
    '\u{202e}',
    '\u{2028}',
    '\u{2060}',
    '\u{feff}',
    '\u{fffd}',
    '\u{fffe}',
    '\u{10ffff}',
    'N',
    'G',
    'E',
    'L',
];

/// Strings written to hurt: markup, escape sequences, Graphviz escapes.
const ATTACKS: &[&str] = &[
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "\"><svg onload=alert(1)>",
    "]]><!--",
    "</td></tr></table>> ]; x [label=<y>",
    "\\N \\G \\L \\\\ \\",
    "[x](javascript:alert(1))",
    "| a | b |\n# heading",
    "\u{1b}[2J\u{1b}]0;t\u{7}",
    "{{{{",
    "",
    " ",
];

fn nasty_string() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => proptest::collection::vec(proptest::sample::select(NASTY), 0..24)
            .prop_map(|cs| cs.into_iter().collect()),
        1 => proptest::sample::select(ATTACKS).prop_map(str::to_owned),
    ]
}

/// An id: mostly valid ones from a small pool (so that references hit),
/// sometimes an odd one.
fn id() -> impl Strategy<Value = String> {
    prop_oneof![
        6 => proptest::sample::select(&["a", "b", "c", "d", "e", "s1", "s2", "sec", "p", "arg"][..])
            .prop_map(str::to_owned),
        1 => nasty_string(),
    ]
}

/// A TOML value, as source text.
#[derive(Clone, Debug)]
enum Val {
    Str(String),
    Int(i64),
    Float(f64),
    Bool(bool),
    Date(u16, u8, u8),
    Arr(Vec<Val>),
    Inline(Vec<(String, Val)>),
}

fn any_val() -> impl Strategy<Value = Val> {
    let leaf = prop_oneof![
        4 => nasty_string().prop_map(Val::Str),
        1 => any::<i64>().prop_map(Val::Int),
        1 => prop_oneof![Just(f64::NAN), Just(f64::INFINITY), Just(-0.0), any::<f64>()].prop_map(Val::Float),
        1 => any::<bool>().prop_map(Val::Bool),
        1 => (0u16..=9999, 1u8..=12, 1u8..=28).prop_map(|(y, m, d)| Val::Date(y, m, d)),
    ];
    leaf.prop_recursive(3, 16, 4, |inner| {
        prop_oneof![
            proptest::collection::vec(inner.clone(), 0..4).prop_map(Val::Arr),
            proptest::collection::vec((id(), inner), 0..3).prop_map(Val::Inline),
        ]
    })
}

/// A TOML basic string holding `s` exactly.
fn quoted(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if c.is_control() => {
                let _ = write!(out, "\\u{:04X}", u32::from(c));
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

impl Val {
    fn toml(&self) -> String {
        match self {
            Val::Str(s) => quoted(s),
            Val::Int(i) => i.to_string(),
            Val::Float(f) if f.is_nan() => "nan".to_owned(),
            Val::Float(f) if f.is_infinite() => if *f > 0.0 { "inf" } else { "-inf" }.to_owned(),
            Val::Float(f) => format!("{f:?}"),
            Val::Bool(b) => b.to_string(),
            Val::Date(y, m, d) => format!("{y:04}-{m:02}-{d:02}"),
            Val::Arr(items) => {
                let items: Vec<String> = items.iter().map(Val::toml).collect();
                format!("[{}]", items.join(", "))
            }
            Val::Inline(pairs) => {
                let mut seen = Vec::new();
                let pairs: Vec<String> = pairs
                    .iter()
                    .filter(|(k, _)| {
                        let new = !seen.contains(k);
                        seen.push(k.clone());
                        new
                    })
                    .map(|(k, v)| format!("{} = {}", quoted(k), v.toml()))
                    .collect();
                format!("{{ {} }}", pairs.join(", "))
            }
        }
    }
}

/// A value for `key`: mostly of the right shape, sometimes anything.
fn value_for(key: &'static str) -> BoxedStrategy<Val> {
    let refs = || proptest::collection::vec(id().prop_map(Val::Str), 0..4).prop_map(Val::Arr);
    let right: BoxedStrategy<Val> = match key {
        "supports" | "attacks" | "premises" | "by" | "authors" => refs().boxed(),
        "cites" => proptest::collection::vec(
            prop_oneof![
                id().prop_map(Val::Str),
                (id(), nasty_string(), nasty_string()).prop_map(|(s, at, q)| Val::Inline(vec![
                    ("source".into(), Val::Str(s)),
                    ("at".into(), Val::Str(at)),
                    ("quote".into(), Val::Str(q)),
                ])),
            ],
            0..3,
        )
        .prop_map(Val::Arr)
        .boxed(),
        "anchor" => (nasty_string(), nasty_string())
            .prop_map(|(at, q)| {
                Val::Inline(vec![
                    ("at".into(), Val::Str(at)),
                    ("quote".into(), Val::Str(q)),
                ])
            })
            .boxed(),
        "year" => (-10_000i64..=10_000).prop_map(Val::Int).boxed(),
        "date" | "accessed" => (0u16..=9999, 1u8..=12, 1u8..=28)
            .prop_map(|(y, m, d)| Val::Date(y, m, d))
            .boxed(),
        "kind" => proptest::sample::select(&["book", "report", "web", "pamphlet"][..])
            .prop_map(|k| Val::Str(k.to_owned()))
            .boxed(),
        "url" => prop_oneof![
            Just("https://example.org/a".to_owned()),
            Just("javascript:alert(1)".to_owned()),
            Just("https://example.org/#:~:text=<b>".to_owned()),
            nasty_string(),
        ]
        .prop_map(Val::Str)
        .boxed(),
        "thesis" | "document" | "conclusion" | "section" => id().prop_map(Val::Str).boxed(),
        _ => nasty_string().prop_map(Val::Str).boxed(),
    };
    prop_oneof![6 => right, 1 => any_val()].boxed()
}

/// The fields of one table of a random map, each present or not, plus at
/// times a field the format does not define.
fn fields(keys: &'static [&'static str]) -> BoxedStrategy<Vec<(String, Val)>> {
    let each: Vec<BoxedStrategy<Option<(String, Val)>>> = keys
        .iter()
        .map(|k| {
            proptest::option::weighted(0.6, value_for(k).prop_map(move |v| ((*k).to_owned(), v)))
                .boxed()
        })
        .collect();
    let unknown = proptest::option::weighted(0.1, (nasty_string(), any_val()));
    (each, unknown)
        .prop_map(|(each, unknown)| each.into_iter().flatten().chain(unknown).collect())
        .boxed()
}

/// One table: its header and its fields.
type Table = (String, Vec<(String, Val)>);

fn items(
    kind: &'static str,
    keys: &'static [&'static str],
    max: usize,
) -> BoxedStrategy<Vec<Table>> {
    proptest::collection::vec(
        (id(), fields(keys)).prop_map(move |(id, f)| {
            let key = if id
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
                && !id.is_empty()
            {
                id
            } else {
                quoted(&id)
            };
            (format!("{kind}.{key}"), f)
        }),
        0..max,
    )
    .boxed()
}

/// A random map as TOML source: `[map]` (usually), `[lints]`, sections,
/// actors, sources, claims and arguments, in a random order of kinds.
fn random_map() -> impl Strategy<Value = String> {
    let lints = proptest::collection::vec(
        (
            proptest::sample::select(
                &[
                    "uncited-claim",
                    "orphan-claim",
                    "toml-syntax",
                    "no-such-code",
                ][..],
            ),
            proptest::sample::select(&["allow", "warn", "error", "deny"][..]),
        ),
        0..3,
    );
    (
        proptest::option::weighted(0.9, fields(&["title", "description", "thesis", "document"])),
        lints,
        items("sections", &["title", "description"], 3),
        items("actors", &["name"], 2),
        items(
            "sources",
            &[
                "title", "authors", "year", "date", "kind", "url", "doi", "accessed", "cited-as",
                "note",
            ],
            4,
        ),
        items(
            "claims",
            &[
                "text", "section", "by", "anchor", "cites", "supports", "attacks",
            ],
            8,
        ),
        items(
            "arguments",
            &["premises", "conclusion", "label", "section"],
            3,
        ),
        any::<bool>(),
    )
        .prop_map(
            |(meta, lints, sections, actors, sources, claims, arguments, reverse)| {
                let mut out = String::new();
                if let Some(meta) = meta {
                    out.push_str("[map]\n");
                    for (k, v) in meta {
                        let _ = writeln!(out, "{} = {}", quoted(&k), v.toml());
                    }
                }
                if !lints.is_empty() {
                    out.push_str("\n[lints]\n");
                    let mut seen = Vec::new();
                    for (code, level) in lints {
                        if !seen.contains(&code) {
                            seen.push(code);
                            let _ = writeln!(out, "{code} = \"{level}\"");
                        }
                    }
                }
                let mut groups = [sections, actors, sources, claims, arguments];
                if reverse {
                    groups.reverse();
                }
                let mut headers = Vec::new();
                for (header, fields) in groups.into_iter().flatten() {
                    // A table defined twice is a syntax error; keep the first.
                    if headers.contains(&header) {
                        continue;
                    }
                    let _ = writeln!(out, "\n[{header}]");
                    let mut seen = Vec::new();
                    for (k, v) in fields {
                        if !seen.contains(&k) {
                            let _ = writeln!(out, "{} = {}", quoted(&k), v.toml());
                            seen.push(k);
                        }
                    }
                    headers.push(header);
                }
                out
            },
        )
}

/// The small committed corpus files, as seeds for random edits.
fn seeds() -> Vec<Vec<u8>> {
    let mut files: Vec<_> = std::fs::read_dir("tests/corpus")
        .unwrap()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_ok_and(|t| t.is_file()))
        .map(|e| e.path())
        .collect();
    files.sort();
    files
        .into_iter()
        .map(|p| std::fs::read(p).unwrap())
        .collect()
}

/// An edit of a byte string: at a position (a fraction of its length),
/// delete, insert or overwrite bytes.
#[derive(Clone, Debug)]
enum Edit {
    Delete(f64, usize),
    Insert(f64, Vec<u8>),
    Overwrite(f64, u8),
    Truncate(f64),
    Duplicate(f64, f64),
}

fn edit() -> impl Strategy<Value = Edit> {
    let interesting = proptest::sample::select(
        &[
            b'"', b'\'', b'[', b']', b'{', b'}', b'=', b'.', b',', b'\n', b'\r', b'\\', 0, 0xff,
            0xc3, b'#',
        ][..],
    );
    prop_oneof![
        (0.0..1.0, 1usize..8).prop_map(|(p, n)| Edit::Delete(p, n)),
        (
            0.0..1.0,
            proptest::collection::vec(prop_oneof![any::<u8>(), interesting.clone()], 1..6)
        )
            .prop_map(|(p, b)| Edit::Insert(p, b)),
        (0.0..1.0, prop_oneof![any::<u8>(), interesting]).prop_map(|(p, b)| Edit::Overwrite(p, b)),
        (0.0..1.0).prop_map(Edit::Truncate),
        (0.0..1.0, 0.0..1.0).prop_map(|(a, b)| Edit::Duplicate(a, b)),
    ]
}

fn apply(mut bytes: Vec<u8>, edits: &[Edit]) -> Vec<u8> {
    let at = |p: f64, len: usize| ((p * len as f64) as usize).min(len);
    for e in edits {
        let len = bytes.len();
        match e {
            Edit::Delete(p, n) => {
                let i = at(*p, len);
                bytes.drain(i..(i + n).min(len));
            }
            Edit::Insert(p, b) => {
                let i = at(*p, len);
                bytes.splice(i..i, b.iter().copied());
            }
            Edit::Overwrite(p, b) => {
                if len > 0 {
                    let i = at(*p, len - 1);
                    bytes[i] = *b;
                }
            }
            Edit::Truncate(p) => bytes.truncate(at(*p, len)),
            Edit::Duplicate(a, b) => {
                let (i, j) = (at(*a, len), at(*b, len));
                let (i, j) = (i.min(j), i.max(j));
                let copy = bytes[i..j].to_vec();
                bytes.splice(j..j, copy);
            }
        }
    }
    bytes
}

/// Words for source texts: plain, accented, CJK, hyphenated, quoted.
const WORDS: &[&str] = &[
    "the",
    "bridge",
    "should",
    "be",
    "rebuilt",
    "cyber-industrial",
    "infor-\nmation",
    "Party’s",
    "“advanced",
    "society”",
    "2016–17",
    "国家",
    "网络",
    "é\u{301}",
    "ﬁne",
    "—",
    "...",
    "(p.",
    "3)",
];

proptest! {
    #![proptest_config(config())]

    /// Quote lookups never panic, and a run of whole words of a text is
    /// always found in it.
    #[test]
    fn quotes_against_texts(
        words in proptest::collection::vec(proptest::sample::select(WORDS), 1..120),
        noise in proptest::collection::vec((any::<proptest::sample::Index>(), nasty_string()), 0..6),
        from in any::<proptest::sample::Index>(),
        len in 1usize..12,
        quote in nasty_string(),
    ) {
        let mut text_words: Vec<String> = words.iter().map(|w| (*w).to_owned()).collect();
        let mut start = from.index(text_words.len());
        let mut end = (start + len).min(text_words.len());
        let verbatim = text_words[start..end].join(" ");
        // Noise goes anywhere but between the quoted words.
        for (at, n) in noise {
            let i = at.index(text_words.len() + 1);
            if i <= start {
                start += 1;
                end += 1;
            } else if i < end {
                continue;
            }
            text_words.insert(i, format!(" {n} "));
        }
        let index = argmap::quote::TextIndex::new(text_words.join(" "));
        let _ = index.find(&quote);
        let _ = index.find(&format!("{verbatim} {quote}"));
        prop_assert!(index.find(&verbatim).is_ok(), "{:?} not found", verbatim);
    }

    #[test]
    fn arbitrary_bytes(bytes in proptest::collection::vec(any::<u8>(), 0..2048)) {
        pipeline(&bytes)?;
    }

    #[test]
    fn corpus_files_with_random_edits(
        seed in any::<proptest::sample::Index>(),
        edits in proptest::collection::vec(edit(), 1..6),
    ) {
        let seeds = seeds();
        let bytes = apply(seed.get(&seeds).clone(), &edits);
        pipeline(&bytes)?;
    }

    #[test]
    fn random_maps(map in random_map()) {
        pipeline(map.as_bytes())?;
    }
}

/// A text of a few lines, one of them long enough (5,000 bytes or more)
/// that findings on it are shown as cut excerpts.
fn text_with_a_long_line() -> impl Strategy<Value = String> {
    (
        proptest::collection::vec(nasty_string(), 1..6),
        any::<proptest::sample::Index>(),
        nasty_string(),
        300usize..600,
    )
        .prop_map(|(mut lines, at, pad, n)| {
            let pad = if pad.is_empty() { "x".to_owned() } else { pad };
            let long = pad.replace(['\n', '\r'], " ").repeat(n);
            lines.insert(at.index(lines.len() + 1), long);
            lines.join("\n")
        })
}

/// A span anywhere in or just past a text of `len` bytes, perhaps
/// reversed or inside a character: the renderers must cope with any.
fn span(len: usize) -> impl Strategy<Value = std::ops::Range<usize>> {
    (0..=len + 8, 0..=len + 8).prop_map(|(a, b)| if a % 7 == 0 { b..a } else { a.min(b)..a.max(b) })
}

proptest! {
    #![proptest_config(config())]

    /// The human and JSON renderings of findings never panic, whatever
    /// their spans, labels and notes, on short lines and on long ones.
    #[test]
    fn findings_render_with_any_span(
        (text, spans) in text_with_a_long_line().prop_flat_map(|t| {
            let n = t.len();
            (Just(t), proptest::collection::vec((span(n), nasty_string()), 1..6))
        }),
    ) {
        let file = argmap::diag::SourceFile::new("m.toml", text);
        let mut diagnostics = Vec::new();
        for (i, (span, words)) in spans.iter().enumerate() {
            let mut d = argmap::diag::Diagnostic::new(argmap::diag::Code::InvalidValue, span.clone(), words.clone())
                .with_label(words.clone())
                .with_note(words.clone())
                .with_help(words.clone());
            for (other, label) in spans.iter().skip(i + 1) {
                d = d.with_secondary(other.clone(), label.clone());
            }
            diagnostics.push(d);
        }
        let reports = [argmap::diag::FileReport { file, others: Vec::new(), diagnostics, claims: 0, sources: 0, texts: Vec::new(), sections: Vec::new(), coverage: None }];
        let shown = human::render(&reports, false, false);
        prop_assert_eq!(shown.matches("error[invalid-value]").count(), spans.len());
        prop_assert!(shown.lines().filter(|l| l.trim_start().starts_with("--> ")).count() >= spans.len());
        let _ = human::render(&reports, true, false);
        serde_json::from_str::<serde_json::Value>(&json::render(&reports))
            .map_err(|e| TestCaseError::fail(format!("JSON: {e}")))?;
    }
}

// ---------------------------------------------------------------------------
// Drafts of documents

/// A document: blocks that read as headings, paragraphs with in-text
/// citations, a reference list, entries (some with a same-author dash,
/// dates that are not dates), and hostile strings, in any order.
fn document_text() -> impl Strategy<Value = String> {
    let block = prop_oneof![
        2 => "[A-Z][a-z]{2,8}( [A-Z][a-z]{2,8}){0,3}",
        1 => "## [A-Za-z' ]{1,20}",
        3 => "[A-Z][a-z]{2,9}( [a-z]{2,9}){3,12} \\(([A-Z][a-z]{2,6}( et al\\.)? (19|20)[0-9]{2}[ab]?(, [0-9]{1,3})?; ){0,2}[A-Z][a-z]{2,6} (19|20)[0-9]{2}[ab]?\\)\\.",
        1 => Just("References".to_owned()),
        3 => "- (_____|[A-Z][a-z]{2,6}, [A-Z][a-z]{2,6}( et al\\.)?)\\. ((19|20)[0-9]{2}[ab]?\\. )?(\\*[A-Z][a-z ]{3,20}\\*|\u{201C}[A-Z][a-z ]{3,20}\u{201D}, \\*[A-Z][a-z]{3,9}\\*)(, [0-9]{1,2} (Jan|Feb|June|Sept)\\.)?(\\. [A-Z][a-z]{2,6}: [A-Z][a-z]{2,8} Press)?\\.( Available at (<https://example\\.org/[a-z]{1,5}>|example\\.org/[a-z]{1,5}) \\(accessed [0-9]{1,2} (Jan|Feb|March|Sept)\\.? 20[0-9]{2}\\)\\.)?",
        1 => nasty_string(),
    ];
    proptest::collection::vec(block, 0..24).prop_map(|blocks| blocks.join("\n\n"))
}

proptest! {
    #![proptest_config(config())]

    /// A draft of any readable document is a map that `check`, reading the
    /// document, finds no error in but one `placeholder-text` per claim.
    #[test]
    fn drafts_check_with_placeholders_only(text in document_text()) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("doc.txt");
        std::fs::write(&path, &text).unwrap();
        // `argmap draft` refuses what `texts::read` refuses (an empty text).
        prop_assume!(argmap::texts::read(&path).is_ok());
        let options = argmap::draft::Options {
            text_path: "doc.txt".to_owned(),
            name: "doc.txt".to_owned(),
            map_name: Some("map.toml".to_owned()),
            outside: false,
        };
        let drafted = argmap::draft::draft(&text, &options);
        let map = dir.path().join("map.toml");
        let checked = argmap::check::check_with(
            &map.display().to_string(),
            drafted.toml.as_bytes(),
            &argmap::check::Options::default(),
        );
        let errors: Vec<String> = checked
            .report
            .diagnostics
            .iter()
            .filter(|d| d.severity == argmap::diag::Severity::Error)
            .filter(|d| d.code != argmap::diag::Code::PlaceholderText)
            .map(|d| format!("{}: {}", d.code, d.message))
            .collect();
        prop_assert!(errors.is_empty(), "{:?}\n{}", errors, drafted.toml);
        let placeholders = checked
            .report
            .diagnostics
            .iter()
            .filter(|d| d.code == argmap::diag::Code::PlaceholderText)
            .count();
        prop_assert_eq!(placeholders, drafted.summary.claims);
    }
}

/// The generator of random maps makes maps that load (it escapes its
/// strings), so that most cases reach the rules and the presenters.
#[test]
fn random_maps_mostly_load() {
    use proptest::strategy::ValueTree;
    let mut runner = proptest::test_runner::TestRunner::deterministic();
    let strategy = random_map();
    let mut loaded = 0;
    for _ in 0..100 {
        let map = strategy.new_tree(&mut runner).unwrap().current();
        let checked = argmap::check::check("m.toml", map.as_bytes(), &Levels::default());
        loaded += usize::from(checked.map.is_some());
    }
    assert!(loaded >= 90, "{loaded} of 100 random maps load");
}

/// Inputs that once failed a property, minimised: each must now pass. The
/// folder is committed with its README; a run that finds it missing or
/// without an input fails rather than replaying nothing.
#[test]
fn regressions_replay() {
    let dir = "tests/corpus/regressions";
    let entries = std::fs::read_dir(dir).unwrap_or_else(|e| panic!("{dir}: {e}"));
    let mut replayed = 0;
    for entry in entries {
        let path = entry.unwrap().path();
        if path.file_name().is_some_and(|n| n == "README.md") {
            continue;
        }
        let bytes = std::fs::read(&path).unwrap();
        pipeline(&bytes).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        replayed += 1;
    }
    assert!(replayed > 0, "{dir} holds no input");
}

/// Pieces of romanised names and titles: pinyin, characters of both
/// scripts, digits, acronyms, brackets, marks, emoji.
const HAN_PIECES: &[&str] = &[
    "zhong", "guo", "Xi", "Jinping", "lüe", "lv", "6G", "APEC", "the", " ", " ", "-", "'", ":",
    "[", "]", "(", "，", "中", "国", "家", "網", "习", "鵠", "谢", "长", "行", "6", "Ｇ",
    "\u{301}", "😀", "〇", "𠀀", "ß", "\u{2FF0}",
];

/// Characters with one reading or several (`长`, `行`, `重`, `乐`).
const HAN_CHARS: &[char] = &[
    '中', '国', '家', '网', '络', '空', '间', '安', '全', '战', '略', '长', '行', '重', '乐', '女',
    '绿', '西', '安', '谢', '瑞', '鹏', '扎', '实', '习', '近', '平', '〇',
];

proptest! {
    #![proptest_config(config())]

    /// The romanisation checks never panic, and what they report lies
    /// inside the string: the romanised words before their characters.
    #[test]
    fn romanisations_and_scripts_of_any_string(
        pieces in proptest::collection::vec(proptest::sample::select(HAN_PIECES), 0..48),
    ) {
        let s: String = pieces.concat();
        for m in argmap::hanzi::misreadings(&s) {
            for r in [&m.roman, &m.han, &m.at] {
                prop_assert!(s.get(r.clone()).is_some(), "{:?} of {:?}", r, s);
            }
            prop_assert!(m.roman.end <= m.han.start, "{:?} of {:?}", m, s);
        }
        for (r, forms) in argmap::hanzi::traditional_among_simplified(&s) {
            let c = s.get(r).and_then(|c| c.chars().next());
            prop_assert!(c.is_some_and(|c| argmap::hanzi::simplified_forms(c).is_some()));
            prop_assert!(!forms.is_empty());
        }
    }

    /// A romanisation made of readings of the characters, however it is
    /// cased and split, is never a finding.
    #[test]
    fn a_romanisation_the_characters_read_as_is_no_finding(
        chars in proptest::collection::vec(
            (proptest::sample::select(HAN_CHARS), any::<proptest::sample::Index>(), 0u8..4),
            1..40,
        ),
    ) {
        let mut roman = String::new();
        let mut han = String::new();
        for (c, which, split) in &chars {
            let readings = argmap::hanzi::readings(*c).unwrap();
            let reading = which.get(&readings);
            match split {
                0 if !roman.is_empty() => roman.push(' '),
                1 if !roman.is_empty() => roman.push('-'),
                2 => roman.push_str(&reading[..1].to_uppercase()),
                _ => {}
            }
            roman.push_str(if *split == 2 { &reading[1..] } else { reading });
            han.push(*c);
        }
        let s = format!("{roman} {han} [a translation]");
        prop_assert_eq!(argmap::hanzi::misreadings(&s), vec![], "{}", s);
    }
}
