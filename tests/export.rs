//! `argmap export`: one snapshot per format of a map that uses every
//! element; escaping of hostile text, checked by reading each format back;
//! the structure each format draws; maps with errors; the command line.
//! One test, ignored unless asked for (`-- --ignored argdown_cli`), runs
//! `scripts/argdown-check.sh` (npm, the real Argdown parser).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use std::collections::BTreeMap;
use std::process::Command;

use argmap::export::Format;
use argmap::model::Map;
use serde_json::Value;

mod common;

use common::{Run, run};

const EVERYTHING: &str = "tests/fixtures/export/everything.toml";

fn load(path: &str) -> Map {
    let bytes = std::fs::read(path).unwrap();
    argmap::check::check(path, &bytes, &Default::default())
        .map
        .unwrap()
}

fn load_str(toml: &str) -> Map {
    argmap::check::check("map.toml", toml.as_bytes(), &Default::default())
        .map
        .unwrap()
}

fn everything(format: Format) -> String {
    export_of(&load(EVERYTHING), format)
}

/// A claim's text as the one-line formats show it.
fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn hostile_text() -> String {
    let map = load(EVERYTHING);
    let i = map.claim("hostile").unwrap();
    map.claims[i].text.as_ref().unwrap().value.clone()
}

// ---- snapshots -----------------------------------------------------------

#[test]
fn everything_json() {
    insta::assert_snapshot!(everything(Format::Json));
}

#[test]
fn everything_argdown() {
    insta::assert_snapshot!(everything(Format::Argdown));
}

#[test]
fn everything_aif() {
    insta::assert_snapshot!(everything(Format::Aif));
}

#[test]
fn everything_mermaid() {
    insta::assert_snapshot!(everything(Format::Mermaid));
}

#[test]
fn everything_graphml() {
    insta::assert_snapshot!(everything(Format::Graphml));
}

// ---- JSON ----------------------------------------------------------------

#[test]
fn json_is_versioned_and_keeps_every_key_in_file_order() {
    let json: Value = serde_json::from_str(&everything(Format::Json)).unwrap();
    assert_eq!(json["format"], "argmap-json");
    assert_eq!(json["version"], 1);
    let keys: Vec<&str> = json
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    let mut sorted = vec![
        "actors",
        "arguments",
        "claims",
        "format",
        "limits",
        "lints",
        "map",
        "sections",
        "sources",
        "version",
    ];
    sorted.sort_unstable();
    assert_eq!(keys, sorted);
    let ids: Vec<&str> = json["claims"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["id"].as_str().unwrap())
        .collect();
    let map = load(EVERYTHING);
    let file_order: Vec<&str> = map.claims.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(ids, file_order);
    // Every key of every item, present even when absent from the TOML.
    let source = &json["sources"][0];
    for key in [
        "id",
        "title",
        "authors",
        "year",
        "date",
        "kind",
        "container",
        "publisher",
        "url",
        "doi",
        "accessed",
        "cited-as",
        "text",
        "note",
    ] {
        assert!(source.get(key).is_some(), "sources[0] lacks `{key}`");
    }
    assert_eq!(source["date"], "2024-03-01");
    assert_eq!(json["sources"][1]["date"], Value::Null);
    assert_eq!(
        json["claims"][0]["cites"][0]["quote"],
        "rebuild the \"bridge\""
    );
    assert_eq!(json["claims"][1]["cites"][1]["source"], "smith2023");
    assert_eq!(json["claims"][1]["cites"][1]["at"], Value::Null);
    assert_eq!(json["lints"]["uncited-claim"], "warn");
    let hostile = json["claims"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["id"] == "hostile")
        .unwrap();
    assert_eq!(hostile["text"].as_str().unwrap(), hostile_text());
}

#[test]
fn json_keeps_references_as_written() {
    let map = load("tests/fixtures/rules/unknown-reference.toml");
    let json: Value = serde_json::from_str(&export_of(&map, Format::Json)).unwrap();
    let text = json.to_string();
    for claim in &map.claims {
        for s in &claim.supports {
            assert!(text.contains(&format!("\"{}\"", s.value)));
        }
    }
}

// ---- Argdown -------------------------------------------------------------

/// Undoes Argdown's backslash escapes.
fn argdown_unescape(s: &str) -> String {
    let mut out = String::new();
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        if c == '\\' {
            if let Some(n) = chars.next() {
                out.push(n);
            }
        } else {
            out.push(c);
        }
    }
    out
}

#[test]
fn argdown_escapes_every_markup_character() {
    let doc = everything(Format::Argdown);
    let line = doc.lines().find(|l| l.starts_with("[hostile]: ")).unwrap();
    let text = line.strip_prefix("[hostile]: ").unwrap();
    assert_eq!(argdown_unescape(text), one_line(&hostile_text()));
    for raw in ["[", "]", "<", ">", "#", "*", "_", "{", "}", "=", "@"] {
        let unescaped = text
            .match_indices(raw)
            .filter(|(i, _)| !text[..*i].ends_with('\\'))
            .count();
        assert_eq!(unescaped, 0, "an unescaped `{raw}` in {text}");
    }
    assert!(
        text.contains(r"\// c \/\* d \*/"),
        "comments are escaped: {text}"
    );
    assert!(
        text.contains(r"e\.g. "),
        "a shortcode-like `.g.` is escaped"
    );
    assert!(text.contains(r"\:smile:"), "a shortcode is escaped");
}

#[test]
fn argdown_escape_keeps_plain_text_readable() {
    let e = argmap::export::argdown::escape;
    assert_eq!(
        e("Two piers are cracked, 7.5 t, see p. 3: fine"),
        "Two piers are cracked, 7.5 t, see p. 3: fine"
    );
    assert_eq!(e("https://example.org/a"), r"https:\//example.org/a");
    assert_eq!(e("a\nb\r\nc\u{1}d"), "a b c d");
}

#[test]
fn argdown_draws_relations_and_premise_conclusion_structures() {
    let doc = everything(Format::Argdown);
    assert!(doc.starts_with("===\ntitle: \"Why the bridge"));
    assert!(
        doc.contains("\\u003D\\u003D\\u003D"),
        "`===` would end the front matter"
    );
    assert!(doc.contains("[cracks]: Two piers are cracked\n  +> [rebuild]\n"));
    assert!(doc.contains("[cost]: Rebuilding costs more than the annual budget\n  -> [rebuild]\n"));
    assert!(doc.contains("[trucks-rerouted]: Trucks will be rerouted next year\n  _> <traffic>\n"));
    assert!(doc.contains("[weight-signs]: Signs limit trucks to 7.5 t\n  -> [no-limit]\n"));
    assert!(doc.contains("(1) [load]\n(2) [no-limit]\n----\n(3) [rebuild]\n"));
    assert!(doc.contains("# Safety \\<first\\> & \"foremost\"\n"));
    // Claims of no section come before the first heading.
    assert!(doc.find("[outside]").unwrap() < doc.find("\n# ").unwrap());
}

#[test]
fn argdown_titles_never_start_with_a_hyphen() {
    let map = load_str(
        r#"
[map]
title = "t"
[claims.-dash]
text = "A"
[claims.b]
text = "B"
supports = ["-dash"]
[claims._-dash]
text = "C"
"#,
    );
    let doc = export_of(&map, Format::Argdown);
    assert!(doc.contains("[__-dash]: A\n"), "{doc}");
    assert!(doc.contains("+> [__-dash]"), "{doc}");
    assert!(doc.contains("[_-dash]: C\n"), "{doc}");
}

// ---- AIF -----------------------------------------------------------------

fn aif_nodes_of(aif: &Value, kind: &str) -> Vec<Value> {
    aif["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|n| n["type"] == kind)
        .cloned()
        .collect()
}

#[test]
fn aif_has_one_ra_per_support_one_per_argument_and_ca_per_attack() {
    let aif: Value = serde_json::from_str(&everything(Format::Aif)).unwrap();
    let map = load(EVERYTHING);
    let supports: usize = map.claims.iter().map(|c| c.supports.len()).sum();
    let attacks: usize = map.claims.iter().map(|c| c.attacks.len()).sum();
    let qualifies: usize = map.claims.iter().map(|c| c.qualifies.len()).sum();
    let by: usize = map.claims.iter().map(|c| c.by.len()).sum();
    assert_eq!(aif_nodes_of(&aif, "I").len(), map.claims.len());
    // A qualification is a CA node of its own scheme.
    let ca = aif_nodes_of(&aif, "CA");
    assert_eq!(
        ca.iter().filter(|n| n["text"] == "Qualification").count(),
        qualifies
    );
    assert!(qualifies > 0);
    assert_eq!(
        aif_nodes_of(&aif, "RA").len(),
        supports + map.arguments.len()
    );
    assert_eq!(ca.len(), attacks + qualifies);
    assert_eq!(aif_nodes_of(&aif, "L").len(), by);
    assert_eq!(aif_nodes_of(&aif, "YA").len(), by);
    assert_eq!(aif["locutions"].as_array().unwrap().len(), by);
    assert_eq!(
        aif["participants"].as_array().unwrap().len(),
        map.actors.len()
    );
    // Every id is a string; every edge joins two nodes.
    let ids: Vec<&str> = aif["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n["nodeID"].as_str().unwrap())
        .collect();
    for e in aif["edges"].as_array().unwrap() {
        assert!(ids.contains(&e["fromID"].as_str().unwrap()));
        assert!(ids.contains(&e["toID"].as_str().unwrap()));
        assert!(e["edgeID"].is_string());
    }
    // The undercut: trucks-rerouted -> CA -> the RA of `traffic`.
    let node = |pred: &dyn Fn(&Value) -> bool| -> String {
        aif["nodes"]
            .as_array()
            .unwrap()
            .iter()
            .find(|n| pred(n))
            .unwrap()["nodeID"]
            .as_str()
            .unwrap()
            .to_owned()
    };
    let ra = node(&|n| n["type"] == "RA" && n["argmap_id"] == "traffic");
    let trucks = node(&|n| n["argmap_id"] == "trucks-rerouted");
    let edges: Vec<(String, String)> = aif["edges"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            (
                e["fromID"].as_str().unwrap().to_owned(),
                e["toID"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    let ca: Vec<&String> = edges
        .iter()
        .filter(|(f, _)| *f == trucks)
        .map(|(_, t)| t)
        .collect();
    assert_eq!(ca.len(), 1);
    assert!(edges.contains(&(ca[0].clone(), ra.clone())));
    // The linked argument: one RA node, two premise edges, and the CA nodes
    // of an undercut and a qualification.
    assert_eq!(edges.iter().filter(|(_, t)| *t == ra).count(), 4);
}

// ---- Mermaid -------------------------------------------------------------

/// What Mermaid shows for a label: its entity codes decoded (as Mermaid
/// does, then the browser), line breaks as spaces.
fn mermaid_decode(label: &str) -> String {
    let named: BTreeMap<&str, char> = [("quot", '"'), ("lt", '<'), ("gt", '>'), ("amp", '&')]
        .into_iter()
        .collect();
    let label = label.replace("<br>", " ");
    let mut out = String::new();
    let mut rest = label.as_str();
    while let Some(i) = rest.find('#') {
        out.push_str(&rest[..i]);
        let after = &rest[i + 1..];
        let end = after.find(';').unwrap();
        let code = &after[..end];
        let c = match code.parse::<u32>() {
            Ok(n) => char::from_u32(n).unwrap(),
            Err(_) => named[code],
        };
        out.push(c);
        rest = &after[end + 1..];
    }
    out.push_str(rest);
    out
}

#[test]
fn mermaid_labels_hold_no_syntax_and_show_the_text() {
    let chart = everything(Format::Mermaid);
    let map = load(EVERYTHING);
    let i = map.claim("hostile").unwrap();
    let line = chart
        .lines()
        .find(|l| l.trim_start().starts_with(&format!("c{i}[")))
        .unwrap();
    let label = line
        .trim_start()
        .strip_prefix(&format!("c{i}[\""))
        .unwrap()
        .strip_suffix("\"]")
        .unwrap();
    // Outside entity codes (`#name;`) and line breaks, no character that
    // Mermaid or HTML reads.
    let mut bare = label.replace("<br>", " ");
    while let Some(i) = bare.find('#') {
        let end = i + bare[i..].find(';').unwrap();
        bare.replace_range(i..=end, " ");
    }
    for raw in ['"', '<', '>', '&', '`', ':', ';', '#'] {
        assert!(!bare.contains(raw), "a raw `{raw}` in {label}");
    }
    assert_eq!(
        one_line(&mermaid_decode(label)),
        one_line(&hostile_text().replace('\t', " "))
    );
    // No map text outside labels: every line is a keyword, a node, an edge
    // between generated ids, or a style.
    for line in chart.lines().map(str::trim) {
        let ok = line.starts_with("---")
            || line.starts_with("title: ")
            || line == "flowchart BT"
            || line == "end"
            || line.starts_with("classDef ")
            || line.starts_with("class ")
            || line.starts_with("linkStyle ")
            || line.starts_with("subgraph s")
            || line.contains("[\"")
            || line.split(' ').count() == 3;
        assert!(ok, "unexpected line: {line}");
    }
}

#[test]
fn mermaid_styles_attacks_red_and_support_green() {
    let chart = everything(Format::Mermaid);
    let edges: Vec<&str> = chart
        .lines()
        .map(str::trim)
        .filter(|l| l.contains(" --> ") || l.contains(" -.-x "))
        .collect();
    let attacks: Vec<String> = edges
        .iter()
        .enumerate()
        .filter(|(_, l)| l.contains("-.-x"))
        .map(|(i, _)| i.to_string())
        .collect();
    assert!(chart.contains(&format!(
        "linkStyle {} stroke:#c0392b,stroke-width:2px",
        attacks.join(",")
    )));
    assert!(chart.contains("subgraph s0 [\"Safety #lt;first#gt; #amp; #quot;foremost#quot;\"]"));
    assert!(
        !chart.contains("subgraph s2"),
        "an empty section is not drawn"
    );
}

// ---- GraphML -------------------------------------------------------------

/// The nodes and edges of a GraphML document: id -> data key -> text.
type Items = BTreeMap<String, BTreeMap<String, String>>;
/// The edges of a GraphML document: (source, target, data key -> text).
type Edges = Vec<(String, String, BTreeMap<String, String>)>;

fn parse_graphml(xml: &str) -> (Items, Edges) {
    use quick_xml::XmlVersion;
    use quick_xml::events::Event;
    let mut reader = quick_xml::Reader::from_str(xml);
    let mut nodes = Items::new();
    let mut edges = Vec::new();
    let mut current: Option<(String, Option<(String, String)>)> = None;
    let mut key: Option<String> = None;
    let mut data: BTreeMap<String, String> = BTreeMap::new();
    loop {
        match reader.read_event().unwrap() {
            Event::Start(e) => {
                let attr = |name: &str| {
                    e.attributes()
                        .map(|a| a.unwrap())
                        .find(|a| a.key.as_ref() == name)
                        .map(|a| {
                            a.normalized_value(XmlVersion::Implicit1_0)
                                .unwrap()
                                .into_owned()
                        })
                };
                match e.name().as_ref() {
                    "node" => current = Some((attr("id").unwrap(), None)),
                    "edge" => {
                        current = Some((
                            attr("id").unwrap(),
                            Some((attr("source").unwrap(), attr("target").unwrap())),
                        ));
                    }
                    "data" => key = attr("key"),
                    _ => {}
                }
            }
            Event::Text(t) => {
                if let Some(k) = &key {
                    data.entry(k.clone())
                        .or_default()
                        .push_str(&t.xml10_content());
                }
            }
            Event::GeneralRef(r) => {
                if let Some(k) = &key {
                    let c: String = match r.resolve_char_ref().unwrap() {
                        Some(c) => c.to_string(),
                        None => match r.xml10_content().as_ref() {
                            "amp" => "&".into(),
                            "lt" => "<".into(),
                            "gt" => ">".into(),
                            "quot" => "\"".into(),
                            "apos" => "'".into(),
                            other => panic!("unknown entity {other}"),
                        },
                    };
                    data.entry(k.clone()).or_default().push_str(&c);
                }
            }
            Event::End(e) => match e.name().as_ref() {
                "data" => key = None,
                "node" | "edge" => {
                    let (id, ends) = current.take().unwrap();
                    let d = std::mem::take(&mut data);
                    match ends {
                        None => {
                            nodes.insert(id, d);
                        }
                        Some((s, t)) => edges.push((s, t, d)),
                    }
                }
                _ => {}
            },
            Event::Eof => break,
            _ => {}
        }
    }
    (nodes, edges)
}

#[test]
fn graphml_is_well_formed_and_keeps_every_text() {
    let xml = everything(Format::Graphml);
    let (nodes, edges) = parse_graphml(&xml);
    let map = load(EVERYTHING);
    assert_eq!(nodes["hostile"]["text"], hostile_text());
    assert_eq!(nodes["hostile"]["kind"], "claim");
    assert_eq!(nodes["hostile"]["section"], "money");
    assert_eq!(nodes["rebuild"]["thesis"], "true");
    assert_eq!(nodes["traffic"]["kind"], "argument");
    assert_eq!(nodes["council2024"]["kind"], "source");
    assert_eq!(nodes["council2024"]["label"], "Council 2024");
    assert_eq!(
        nodes["trucks-rerouted"]["by"],
        "O'Brien <treasurer> & \"friends\"; nameless"
    );
    assert_eq!(
        nodes.len(),
        map.claims.len() + map.arguments.len() + map.sources.len()
    );
    let kinds: Vec<&str> = edges
        .iter()
        .map(|(_, _, d)| d["edge_kind"].as_str())
        .collect();
    for k in [
        "support",
        "attack",
        "undercut",
        "premise",
        "conclusion",
        "cites",
    ] {
        assert!(kinds.contains(&k), "no `{k}` edge");
    }
    let quoted = edges
        .iter()
        .find(|(s, t, _)| s == "council2024" && t == "rebuild")
        .unwrap();
    assert_eq!(quoted.2["quote"], "rebuild the \"bridge\"");
    assert_eq!(quoted.2["at"], "p. 3");
    // Every `<data key>` is declared.
    for k in [
        "kind",
        "label",
        "text",
        "section",
        "section_title",
        "by",
        "thesis",
        "edge_kind",
        "at",
        "quote",
        "title",
    ] {
        assert!(xml.contains(&format!("<key id=\"{k}\"")), "no key `{k}`");
    }
}

#[test]
fn graphml_replaces_characters_xml_cannot_hold() {
    let map =
        load_str("[map]\ntitle = \"a\\u0001b\\rc\"\n[claims.x]\ntext = \"nul\\u0000 \\ufffe\"\n");
    let xml = export_of(&map, Format::Graphml);
    assert!(xml.contains("a\u{fffd}b&#13;c"));
    let (nodes, _) = parse_graphml(&xml);
    assert_eq!(nodes["x"]["text"], "nul\u{fffd} \u{fffd}");
}

// ---- every format --------------------------------------------------------

#[test]
fn maps_with_errors_export_what_resolves() {
    for fixture in [
        "duplicate-id",
        "unknown-reference",
        "missing-field",
        "self-reference",
        "circular-support",
    ] {
        let map = load(&format!("tests/fixtures/rules/{fixture}.toml"));
        for &format in Format::ALL {
            let out = export_of(&map, format);
            assert!(out.ends_with('\n'), "{fixture} as {format:?}");
        }
        let (nodes, _) = parse_graphml(&export_of(&map, Format::Graphml));
        let ids: std::collections::BTreeSet<&str> =
            map.items().map(|(_, id)| id.value.as_str()).collect();
        assert!(nodes.keys().all(|k| ids.contains(k.as_str())));
    }
}

#[test]
fn an_empty_map_exports() {
    let map = load_str("[map]\ntitle = \"Nothing yet\"\n");
    insta::assert_snapshot!(
        Format::ALL
            .iter()
            .map(|f| format!("--- {}\n{}", f.name(), export_of(&map, *f)))
            .collect::<String>()
    );
}

// ---- command line --------------------------------------------------------

#[test]
fn cli_writes_each_format_to_stdout_or_a_file() {
    let dir = tempfile::tempdir().unwrap();
    for &format in Format::ALL {
        let Run {
            code,
            stdout,
            stderr,
            ..
        } = run(&["export", EVERYTHING, "--to", format.name()]);
        assert_eq!(code, 0, "{stderr}");
        assert_eq!(stdout, everything(format));
        let out = dir.path().join(format!("map.{}", format.extension()));
        let Run { code, stdout, .. } = run(&[
            "export",
            EVERYTHING,
            "--to",
            format.name(),
            "-o",
            out.to_str().unwrap(),
        ]);
        assert_eq!(code, 0);
        assert!(stdout.is_empty());
        assert_eq!(std::fs::read_to_string(&out).unwrap(), everything(format));
    }
}

#[test]
fn cli_refuses_to_write_over_the_map() {
    let Run { code, stderr, .. } = run(&["export", EVERYTHING, "--to", "json", "-o", EVERYTHING]);
    assert_eq!(code, 2);
    insta::assert_snapshot!(stderr);
}

#[test]
fn cli_errors() {
    let Run { code, stderr, .. } = run(&["export", EVERYTHING, "--to", "dot"]);
    assert_eq!(code, 2);
    assert!(stderr.contains("invalid value 'dot'"), "{stderr}");
    let Run { code, stderr, .. } = run(&["export", "no/such.toml", "--to", "json"]);
    assert_eq!(code, 2);
    insta::assert_snapshot!("cli_missing_map", stderr);
    let Run {
        code,
        stdout,
        stderr,
        ..
    } = run(&[
        "export",
        "tests/fixtures/eval/not-toml.toml",
        "--to",
        "json",
    ]);
    assert_eq!(code, 1);
    assert!(stdout.is_empty());
    assert!(stderr.contains("toml-syntax"));
}

#[test]
fn cli_warns_about_a_map_with_errors() {
    let Run {
        code,
        stdout,
        stderr,
        ..
    } = run(&[
        "export",
        "tests/fixtures/rules/unknown-reference.toml",
        "--to",
        "argdown",
    ]);
    assert_eq!(code, 0);
    assert!(!stdout.is_empty());
    insta::assert_snapshot!(stderr);
}

#[test]
fn cli_help_lists_the_formats() {
    let Run { code, stdout, .. } = run(&["export", "--help"]);
    assert_eq!(code, 0);
    insta::assert_snapshot!(stdout);
}

/// The real Argdown parser reads every export: `cargo test --test export
/// -- --ignored argdown_cli` (needs node and npm, installs @argdown/cli).
#[test]
#[ignore = "needs node and npm: cargo test --test export -- --ignored argdown_cli"]
fn argdown_cli_accepts_every_export() {
    let status = Command::new("bash")
        .arg("scripts/argdown-check.sh")
        .env("ARGMAP_BIN", env!("CARGO_BIN_EXE_argmap"))
        .status()
        .unwrap();
    assert!(status.success(), "scripts/argdown-check.sh failed");
}

/// `map` in `format`, its references resolved as `check` resolves them.
fn export_of(map: &argmap::model::Map, format: argmap::export::Format) -> String {
    argmap::export::export(map, &argmap::resolved::ResolvedMap::new(map), format)
}
