//! `argmap import --from aif`: AIFdb's form and OVA's xAIF (string and
//! numeric ids) with linked and convergent support, rebuttal, undermining,
//! undercut and locutions; AIFdb's dialogical form (speakers from
//! participants and from L-node text, labels from schemes, the thesis, what
//! is left out); malformed AIF (one error snapshot each); and the round trip
//! `export --to aif` then `import`, on the fixtures and the chapter map.
//! The written TOML and the note of the dialogue fixtures are snapshotted
//! as CLI cases in `tests/cmd/import-*.toml`.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use std::fmt::Write as _;

use argmap::export::{Format, Resolved, Target};
use argmap::import::Thesis;
use argmap::import::aif::{self, Options};
use argmap::model::Map;

mod common;

use common::{Run, run};

const FIXTURES: &str = "tests/fixtures/import";

fn options() -> Options {
    Options {
        title: "Imported".to_owned(),
    }
}

fn import_file(path: &str) -> argmap::import::Imported {
    aif::import(&std::fs::read(path).unwrap(), &options()).unwrap()
}

/// Checks a map's TOML; returns the model and the codes found, with their
/// severities.
fn check(toml: &str) -> (Map, Vec<String>) {
    let checked = argmap::check::check("map.toml", toml.as_bytes(), &Default::default());
    let codes = checked
        .report
        .diagnostics
        .iter()
        .map(|d| format!("{:?} {}", d.severity, d.code))
        .collect();
    (checked.map.unwrap(), codes)
}

/// The structure of a map in words, one line per fact, in file order: the
/// thesis, actors, claims and their texts, supports, attacks, undercuts,
/// qualifications, holders, and arguments with their premises, conclusion
/// and label.
fn structure(map: &Map) -> String {
    let r = Resolved::new(map, &argmap::resolved::ResolvedMap::new(map));
    let claim = |i: usize| map.claims[i].id.value.clone();
    let mut s = String::new();
    if let Some(t) = &map.meta.thesis {
        writeln!(s, "thesis {}", t.value).unwrap();
    }
    for &a in &r.actors {
        let actor = &map.actors[a];
        let name = actor
            .name
            .as_ref()
            .map_or(actor.id.as_str(), |n| n.as_str());
        writeln!(s, "actor {}: {name}", actor.id.value).unwrap();
    }
    for &i in &r.claims {
        writeln!(s, "claim {}: {}", claim(i), map.claims[i].display_text()).unwrap();
        for &t in r.supports_of(i) {
            writeln!(s, "  supports {}", claim(t)).unwrap();
        }
        for &t in r.attacks_of(i) {
            match t {
                Target::Claim(j) => writeln!(s, "  attacks {}", claim(j)).unwrap(),
                Target::Argument(j) => {
                    writeln!(s, "  undercuts {}", map.arguments[j].id.value).unwrap();
                }
            }
        }
        for &t in r.qualifies_of(i) {
            match t {
                Target::Claim(j) => writeln!(s, "  qualifies {}", claim(j)).unwrap(),
                Target::Argument(j) => {
                    writeln!(s, "  qualifies {}", map.arguments[j].id.value).unwrap();
                }
            }
        }
        for &a in r.by_of(i) {
            writeln!(s, "  by {}", map.actors[a].id.value).unwrap();
        }
    }
    for a in &r.arguments {
        let arg = &map.arguments[a.index];
        let premises: Vec<String> = a.premises.iter().map(|&p| claim(p)).collect();
        writeln!(
            s,
            "argument {}: {} -> {} ({})",
            arg.id.value,
            premises.join(" + "),
            claim(a.conclusion),
            arg.label.as_ref().map_or("", |l| l.as_str())
        )
        .unwrap();
    }
    s
}

/// Export to AIF, import, and compare.
fn round_trip(path: &str) {
    let bytes = std::fs::read(path).unwrap();
    let checked = argmap::check::check(path, &bytes, &Default::default());
    let map = checked.map.unwrap();
    let aif = export_of(&map, Format::Aif);
    let imported = aif::import(aif.as_bytes(), &options()).unwrap();
    let (back, codes) = check(&imported.toml);
    assert_eq!(structure(&back), structure(&map), "{path}");
    assert!(
        !codes.iter().any(|c| c.starts_with("Error")),
        "{path}: the imported map has errors: {codes:?}\n{}",
        imported.toml
    );
    assert_eq!(imported.summary.skipped, Vec::<String>::new(), "{path}");
    assert!(
        imported.summary.notes.is_empty(),
        "{path}: {:?}",
        imported.summary.notes
    );
}

// ---- the two forms ---------------------------------------------------------

#[test]
fn aifdb_form_with_string_ids() {
    let imported = import_file(&format!("{FIXTURES}/aifdb.json"));
    insta::assert_snapshot!("aifdb_toml", imported.toml);
    insta::assert_debug_snapshot!("aifdb_summary", imported.summary);
    let (map, codes) = check(&imported.toml);
    assert!(!codes.iter().any(|c| c.starts_with("Error")), "{codes:?}");
    assert!(codes.iter().any(|c| c == "Warning uncited-claim"));
    insta::assert_snapshot!("aifdb_structure", structure(&map));
}

#[test]
fn xaif_form_with_numeric_ids() {
    let imported = import_file(&format!("{FIXTURES}/xaif.json"));
    insta::assert_snapshot!("xaif_toml", imported.toml);
    insta::assert_debug_snapshot!("xaif_summary", imported.summary);
    let (map, codes) = check(&imported.toml);
    assert!(!codes.iter().any(|c| c.starts_with("Error")), "{codes:?}");
    insta::assert_snapshot!("xaif_structure", structure(&map));
}

#[test]
fn an_undercut_inference_becomes_an_argument_even_with_one_premise() {
    let imported = import_file(&format!("{FIXTURES}/aifdb.json"));
    let (map, _) = check(&imported.toml);
    let ra5 = &map.arguments[map.argument("ra5").unwrap()];
    assert_eq!(ra5.premises.len(), 1);
    let undercutter = &map.claims[map.claim("i13").unwrap()];
    assert_eq!(undercutter.attacks[0].value, "ra5");
}

#[test]
fn locutions_give_claims_their_speakers() {
    let imported = import_file(&format!("{FIXTURES}/aifdb.json"));
    let (map, _) = check(&imported.toml);
    let by = |id: &str| -> Vec<String> {
        map.claims[map.claim(id).unwrap()]
            .by
            .iter()
            .map(|b| b.value.clone())
            .collect()
    };
    assert_eq!(by("i1"), ["p1"]);
    assert_eq!(by("i11"), ["p2"]);
    assert!(by("i2").is_empty());
    assert_eq!(imported.summary.by, 2);
}

#[test]
fn ids_come_from_argmap_id_when_usable() {
    let json = r#"{"nodes": [
        {"nodeID": "1", "text": "A", "type": "I", "argmap_id": "alpha"},
        {"nodeID": "2", "text": "B", "type": "I", "argmap_id": "not an id"},
        {"nodeID": "3", "text": "C", "type": "I", "argmap_id": "alpha"},
        {"nodeID": "4", "text": "D", "type": "I", "argmap_id": "i5"},
        {"nodeID": "5", "text": "E", "type": "I"},
        {"nodeID": "x.y", "text": "F", "type": "I"},
        {"nodeID": "6", "text": "Default Inference", "type": "RA", "argmap_id": "link", "argmap_label": "L"}
    ], "edges": [
        {"edgeID": "1", "fromID": "1", "toID": "6"},
        {"edgeID": "2", "fromID": "6", "toID": "2"}
    ]}"#;
    let imported = aif::import(json.as_bytes(), &options()).unwrap();
    let (map, _) = check(&imported.toml);
    let ids: Vec<&str> = map.claims.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(ids, ["alpha", "i2", "i3", "i5", "i5-2", "ix-y"]);
    assert_eq!(map.arguments[0].id.value, "link");
    assert_eq!(map.arguments[0].label.as_ref().unwrap().value, "L");
    insta::assert_debug_snapshot!(imported.summary.notes);
}

#[test]
fn duplicate_relations_are_kept_once() {
    let json = r#"{"nodes": [
        {"nodeID": 1, "text": "A", "type": "I"}, {"nodeID": 2, "text": "B", "type": "I"},
        {"nodeID": 3, "text": "", "type": "RA"}, {"nodeID": 4, "text": "", "type": "RA"},
        {"nodeID": 5, "text": "", "type": "CA"}, {"nodeID": 6, "text": "", "type": "CA"}
    ], "edges": [
        {"edgeID": 1, "fromID": 1, "toID": 3}, {"edgeID": 2, "fromID": 3, "toID": 2},
        {"edgeID": 3, "fromID": 1, "toID": 4}, {"edgeID": 4, "fromID": 4, "toID": 2},
        {"edgeID": 5, "fromID": 2, "toID": 5}, {"edgeID": 6, "fromID": 5, "toID": 1},
        {"edgeID": 7, "fromID": 2, "toID": 6}, {"edgeID": 8, "fromID": 6, "toID": 1}
    ]}"#;
    let imported = aif::import(json.as_bytes(), &options()).unwrap();
    assert!(imported.toml.contains("supports = [\"i2\"]\n"));
    assert!(imported.toml.contains("attacks = [\"i1\"]\n"));
    assert_eq!(
        (imported.summary.supports, imported.summary.attacks),
        (1, 1)
    );
}

#[test]
fn hostile_text_is_escaped_in_the_toml() {
    let json = r#"{"nodes": [
        {"nodeID": "1", "text": "quote \" backslash \\ newline \n tab \t ''' \"\"\" [x] # c 🎉 \u0001", "type": "I"}
    ], "edges": []}"#;
    let options = Options {
        title: "title with \"quotes\"\nand a newline".to_owned(),
    };
    let imported = aif::import(json.as_bytes(), &options).unwrap();
    let (map, _) = check(&imported.toml);
    assert_eq!(
        map.claims[0].text.as_ref().unwrap().value,
        "quote \" backslash \\ newline \n tab \t ''' \"\"\" [x] # c 🎉 \u{1}"
    );
    assert_eq!(map.meta.title.as_ref().unwrap().value, options.title);
}

// ---- AIFdb's dialogical form ---------------------------------------------------

/// The ids in a claim's `by`.
fn by(map: &Map, claim: &str) -> Vec<String> {
    map.claims[map.claim(claim).unwrap()]
        .by
        .iter()
        .map(|b| b.value.clone())
        .collect()
}

/// An argument's label, if any.
fn label(map: &Map, argument: &str) -> Option<String> {
    let a = &map.arguments[map.argument(argument).unwrap()];
    a.label.as_ref().map(|l| l.value.clone())
}

#[test]
fn dialogue_form_passes_check_with_speakers_schemes_and_thesis() {
    let imported = import_file(&format!("{FIXTURES}/dialogue.json"));
    let (map, codes) = check(&imported.toml);
    assert!(!codes.iter().any(|c| c.starts_with("Error")), "{codes:?}");
    insta::assert_snapshot!("dialogue_structure", structure(&map));
    insta::assert_debug_snapshot!("dialogue_summary", imported.summary);
    assert_eq!(map.meta.thesis.as_ref().unwrap().value, "i10");
    assert_eq!(imported.summary.thesis, Thesis::Root("i10".to_owned()));
    // A named scheme is the label; "Default Inference" gives none.
    assert_eq!(
        label(&map, "ra30").as_deref(),
        Some("Argument From Expert Opinion")
    );
    assert_eq!(label(&map, "ra31"), None);
    // Ana, Tom and the moderator are participants; the caller is named only
    // in the text of an L node that no locution names.
    let actors: Vec<(&str, &str)> = map
        .actors
        .iter()
        .map(|a| (a.id.as_str(), a.name.as_ref().unwrap().as_str()))
        .collect();
    assert_eq!(
        actors,
        [
            ("p1", "Ana Ruiz"),
            ("p2", "Tom Hale"),
            ("p3", "Moderator"),
            ("caller-jo", "Caller Jo")
        ]
    );
    assert_eq!(by(&map, "i16"), ["caller-jo"]);
    // The moderator only asked whether hospitals would close.
    assert_eq!(by(&map, "i14"), ["p2"]);
    // MA and PA nodes are counted by kind.
    let skipped = &imported.summary.skipped;
    assert!(skipped.contains(&"1 MA node (a rephrase)".to_owned()));
    assert!(skipped.contains(&"1 PA node (a preference)".to_owned()));
}

#[test]
fn speakers_named_only_in_l_text_become_actors_once_each() {
    let imported = import_file(&format!("{FIXTURES}/speakers-in-text.json"));
    let (map, codes) = check(&imported.toml);
    assert!(!codes.iter().any(|c| c.starts_with("Error")), "{codes:?}");
    // "PRIYA SHAH" and "Priya Shah" are one speaker, under her name as
    // first written; "Zoë Müller" gets an ASCII id.
    let actors: Vec<(&str, &str)> = map
        .actors
        .iter()
        .map(|a| (a.id.as_str(), a.name.as_ref().unwrap().as_str()))
        .collect();
    assert_eq!(
        actors,
        [("priya-shah", "PRIYA SHAH"), ("zoe-muller", "Zoë Müller")]
    );
    assert_eq!(by(&map, "i1"), ["priya-shah"]);
    assert_eq!(by(&map, "i4"), ["priya-shah"]);
    assert_eq!(by(&map, "i3"), ["zoe-muller"]);
    assert_eq!(
        label(&map, "ra5").as_deref(),
        Some("Argument From Consequences")
    );
}

#[test]
fn speaker_ids_are_slugs_that_take_no_claim_s_id() {
    let json = r#"{"nodes": [
        {"nodeID": "1", "text": "A", "type": "I"},
        {"nodeID": "2", "text": "I1 : a", "type": "L"}, {"nodeID": "3", "text": "Asserting", "type": "YA"},
        {"nodeID": "4", "text": "!!! : a", "type": "L"}, {"nodeID": "5", "text": "Asserting", "type": "YA"},
        {"nodeID": "6", "text": "李雷 : a", "type": "L"}, {"nodeID": "7", "text": "Asserting", "type": "YA"},
        {"nodeID": "8", "text": "ANN LEE : a", "type": "L"}, {"nodeID": "9", "text": "Asserting", "type": "YA"}
    ], "edges": [
        {"fromID": "2", "toID": "3"}, {"fromID": "3", "toID": "1"},
        {"fromID": "4", "toID": "5"}, {"fromID": "5", "toID": "1"},
        {"fromID": "6", "toID": "7"}, {"fromID": "7", "toID": "1"},
        {"fromID": "8", "toID": "9"}, {"fromID": "9", "toID": "1"}
    ], "participants": [{"participantID": "7", "firstname": "Ann", "surname": "Lee"}]}"#;
    let imported = aif::import(json.as_bytes(), &options()).unwrap();
    let (map, _) = check(&imported.toml);
    assert_eq!(map.claims[0].id.value, "i1");
    // Ann Lee is the participant of that name, though no locution says so.
    assert_eq!(by(&map, "i1"), ["i1-2", "speaker", "li-lei", "p7"]);
    assert_eq!(imported.summary.actors, 4);
}

#[test]
fn generic_scheme_names_give_no_label() {
    let generic = [
        "RA",
        "Default Inference",
        "default inference-rev",
        "",
        "Inference",
    ];
    let mut nodes = String::new();
    let mut edges = String::new();
    for (n, text) in generic.iter().enumerate() {
        let (p, c, ra) = (100 + 3 * n, 101 + 3 * n, 102 + 3 * n);
        write!(
            nodes,
            r#"{{"nodeID": "{p}", "text": "P{n}", "type": "I"}}, {{"nodeID": "{c}", "text": "C{n}", "type": "I"}}, {{"nodeID": "{ra}", "text": "{text}", "type": "RA"}},"#
        )
        .unwrap();
        write!(
            edges,
            r#"{{"fromID": "{p}", "toID": "{ra}"}}, {{"fromID": "{ra}", "toID": "{c}"}},"#
        )
        .unwrap();
    }
    let json = format!(
        r#"{{"nodes": [{nodes}
        {{"nodeID": "1", "text": "A", "type": "I"}}, {{"nodeID": "2", "text": "B", "type": "I"}},
        {{"nodeID": "3", "text": "C", "type": "I"}},
        {{"nodeID": "4", "text": "RA", "type": "RA"}},
        {{"nodeID": "5", "text": "Default Inference", "type": "RA", "scheme": "Argument From Analogy"}},
        {{"nodeID": "6", "text": "Argument From Sign", "type": "RA", "scheme": "Default Inference"}}
    ], "edges": [{edges}
        {{"fromID": "1", "toID": "4"}}, {{"fromID": "2", "toID": "4"}}, {{"fromID": "4", "toID": "3"}},
        {{"fromID": "1", "toID": "5"}}, {{"fromID": "5", "toID": "3"}},
        {{"fromID": "2", "toID": "6"}}, {{"fromID": "6", "toID": "3"}}
    ]}}"#
    );
    let imported = aif::import(json.as_bytes(), &options()).unwrap();
    let (map, _) = check(&imported.toml);
    // Each generic single-premise inference is a plain `supports` entry.
    assert_eq!(imported.summary.supports, generic.len());
    // A linked argument of scheme "RA" has no label; a named scheme, in
    // `scheme` or in `text`, makes even one premise an argument, labelled.
    let args: Vec<(&str, Option<String>)> = map
        .arguments
        .iter()
        .map(|a| (a.id.as_str(), a.label.as_ref().map(|l| l.value.clone())))
        .collect();
    assert_eq!(
        args,
        [
            ("ra4", None),
            ("ra5", Some("Argument From Analogy".to_owned())),
            ("ra6", Some("Argument From Sign".to_owned())),
        ]
    );
}

/// The thesis of the AIF `json`.
fn thesis_of(json: &str) -> Thesis {
    aif::import(json.as_bytes(), &options())
        .unwrap()
        .summary
        .thesis
}

#[test]
fn the_thesis_is_the_one_supported_claim_that_leads_nowhere() {
    // A is supported by S; B attacks A and is supported by T: B is an
    // objection, not a root.
    let objection = r#"{"nodes": [
        {"nodeID": "1", "text": "A", "type": "I"}, {"nodeID": "2", "text": "S", "type": "I"},
        {"nodeID": "3", "text": "B", "type": "I"}, {"nodeID": "4", "text": "T", "type": "I"},
        {"nodeID": "5", "text": "", "type": "RA"}, {"nodeID": "6", "text": "", "type": "CA"},
        {"nodeID": "7", "text": "", "type": "RA"}
    ], "edges": [
        {"fromID": "2", "toID": "5"}, {"fromID": "5", "toID": "1"},
        {"fromID": "3", "toID": "6"}, {"fromID": "6", "toID": "1"},
        {"fromID": "4", "toID": "7"}, {"fromID": "7", "toID": "3"}
    ]}"#;
    assert_eq!(thesis_of(objection), Thesis::Root("i1".to_owned()));
    // A claim that is only attacked is no root: nothing supports it.
    let attacked = r#"{"nodes": [
        {"nodeID": "1", "text": "A", "type": "I"}, {"nodeID": "2", "text": "B", "type": "I"},
        {"nodeID": "3", "text": "", "type": "CA"}
    ], "edges": [{"fromID": "2", "toID": "3"}, {"fromID": "3", "toID": "1"}]}"#;
    assert_eq!(thesis_of(attacked), Thesis::None);
    // A claim that qualifies another leads somewhere.
    let qualified = r#"{"nodes": [
        {"nodeID": "1", "text": "A", "type": "I"}, {"nodeID": "2", "text": "S", "type": "I"},
        {"nodeID": "3", "text": "Q", "type": "I"}, {"nodeID": "4", "text": "", "type": "RA"},
        {"nodeID": "5", "text": "", "type": "RA"}, {"nodeID": "6", "text": "Qualification", "type": "CA"}
    ], "edges": [
        {"fromID": "2", "toID": "4"}, {"fromID": "4", "toID": "1"},
        {"fromID": "2", "toID": "5"}, {"fromID": "5", "toID": "3"},
        {"fromID": "3", "toID": "6"}, {"fromID": "6", "toID": "1"}
    ]}"#;
    assert_eq!(thesis_of(qualified), Thesis::Root("i1".to_owned()));
    // AIF written by argmap says its thesis itself: none here.
    let by_argmap = r#"{"nodes": [
        {"nodeID": "1", "text": "A", "type": "I", "argmap_id": "a"},
        {"nodeID": "2", "text": "S", "type": "I", "argmap_id": "s"},
        {"nodeID": "3", "text": "Default Inference", "type": "RA"}
    ], "edges": [{"fromID": "2", "toID": "3"}, {"fromID": "3", "toID": "1"}]}"#;
    assert_eq!(thesis_of(by_argmap), Thesis::None);
    let marked = by_argmap.replace(
        r#""argmap_id": "s""#,
        r#""argmap_id": "s", "argmap_thesis": true"#,
    );
    assert_eq!(thesis_of(&marked), Thesis::Marked("s".to_owned()));
}

// ---- malformed AIF ---------------------------------------------------------

#[test]
fn malformed_aif_is_an_error_naming_the_node() {
    let mut names: Vec<String> = std::fs::read_dir(format!("{FIXTURES}/malformed"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert!(names.len() >= 10);
    for name in names {
        let path = format!("{FIXTURES}/malformed/{name}");
        let Run {
            code,
            stdout,
            stderr,
            ..
        } = run(&["import", &path, "--from", "aif"]);
        assert_eq!(code, 2, "{name}");
        assert!(stdout.is_empty(), "{name}");
        insta::assert_snapshot!(
            format!("malformed_{}", name.trim_end_matches(".json")),
            stderr
        );
    }
}

#[test]
fn other_malformed_shapes() {
    let cases = [
        ("[1, 2]", "expected a JSON object"),
        (r#"{"AIF": []}"#, "`AIF` must be an object"),
        (r#"{"nodes": {}}"#, "`nodes` must be a list, not an object"),
        (r#"{"nodes": [3]}"#, "node 1 of `nodes` is a number"),
        (
            r#"{"nodes": [{"text": "A", "type": "I"}]}"#,
            "node 1 of `nodes` has no `nodeID`",
        ),
        (
            r#"{"nodes": [{"nodeID": true, "type": "I"}]}"#,
            "`nodeID` must be a string or a number",
        ),
        (
            r#"{"nodes": [{"nodeID": 1, "text": "A"}]}"#,
            "node `1` has no `type`",
        ),
        (
            r#"{"nodes": [{"nodeID": 1, "text": 2, "type": "I"}]}"#,
            "`text` must be a string",
        ),
        (
            r#"{"nodes": [], "edges": [{"edgeID": 1, "toID": 2}]}"#,
            "edge `1` has no `fromID`",
        ),
        (
            r#"{"nodes": [{"nodeID": 1, "text": "A", "type": "I"}], "edges": [{"fromID": 1, "toID": 7}]}"#,
            "edge 1 of `edges` goes to node `7`",
        ),
        (
            r#"{"nodes": [], "participants": [{"participantID": 1}, {"participantID": "1"}]}"#,
            "two participants have the id `1`",
        ),
        (
            "",
            "invalid JSON at line 1, column 0: EOF while parsing a value",
        ),
    ];
    for (json, expected) in cases {
        let err = aif::import(json.as_bytes(), &options()).unwrap_err();
        assert!(err.message.contains(expected), "{json}: {}", err.message);
    }
}

#[test]
fn a_byte_order_mark_and_null_lists_are_accepted() {
    let json = b"\xEF\xBB\xBF{\"AIF\": {\"nodes\": [{\"nodeID\": 1, \"text\": \"A\", \"type\": \"I\"}], \"edges\": null, \"locutions\": null, \"participants\": null}}";
    let imported = aif::import(json, &options()).unwrap();
    assert_eq!(imported.summary.claims, 1);
}

// ---- round trips ------------------------------------------------------------

#[test]
fn round_trip_keeps_the_export_fixture() {
    round_trip("tests/fixtures/export/everything.toml");
}

#[test]
fn round_trip_keeps_the_edge_cases() {
    round_trip("tests/fixtures/export/edge-cases.toml");
}

#[test]
fn round_trip_keeps_other_fixtures() {
    for path in [
        "tests/fixtures/rules/clean.toml",
        "tests/fixtures/render/everything.toml",
        "tests/fixtures/eval/bridge.toml",
        "tests/fixtures/rules/unanswered-counterpoint.toml",
    ] {
        round_trip(path);
    }
}

#[test]
fn round_trip_keeps_the_chapter_map() {
    round_trip("maps/cpc-and-sovereignty.toml");
}

// ---- command line ------------------------------------------------------------

#[test]
fn cli_writes_a_map_that_passes_check() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("debate.toml");
    let Run {
        code,
        stdout,
        stderr,
        ..
    } = run(&[
        "import",
        &format!("{FIXTURES}/aifdb.json"),
        "--from",
        "aif",
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.is_empty());
    insta::assert_snapshot!(stderr);
    let Run { code, stderr, .. } = run(&["check", out.to_str().unwrap()]);
    assert_eq!(code, 0, "{stderr}");
    assert!(stderr.contains("uncited-claim"));
}

#[test]
fn cli_reads_stdin_and_round_trips() {
    let aif = run(&["export", "tests/fixtures/rules/clean.toml", "--to", "aif"]).stdout;
    let Run {
        code,
        stdout: toml,
        stderr,
        ..
    } = common::argmap(["import", "-", "--from", "aif", "--title", "Clean"])
        .stdin(aif)
        .run();
    assert_eq!(code, 0, "{stderr}");
    assert!(toml.contains("title = \"Clean\""));
    assert!(toml.contains("[claims.rebuild]"));
    insta::assert_snapshot!(stderr);
}

#[test]
fn cli_warns_when_the_aif_makes_an_unsound_map() {
    let json = r#"{"nodes": [
        {"nodeID": "1", "text": "A", "type": "I"}, {"nodeID": "2", "text": "Default Inference", "type": "RA"}
    ], "edges": [{"edgeID": "1", "fromID": "1", "toID": "2"}, {"edgeID": "2", "fromID": "2", "toID": "1"}]}"#;
    let Run { code, stderr, .. } = common::argmap(["import", "-"]).stdin(json).run();
    assert_eq!(code, 0);
    insta::assert_snapshot!(stderr);
}

#[test]
fn cli_refuses_to_write_over_its_input() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in.json");
    std::fs::copy(format!("{FIXTURES}/xaif.json"), &input).unwrap();
    let Run { code, stderr, .. } = run(&[
        "import",
        input.to_str().unwrap(),
        "-o",
        input.to_str().unwrap(),
    ]);
    assert_eq!(code, 2);
    assert!(
        stderr.contains("refusing to write over the input"),
        "{stderr}"
    );
    assert_eq!(
        std::fs::read(&input).unwrap(),
        std::fs::read(format!("{FIXTURES}/xaif.json")).unwrap()
    );
}

#[test]
fn cli_missing_file_and_directory_exit_2() {
    let Run { code, stderr, .. } = run(&["import", "no/such.json"]);
    assert_eq!(code, 2);
    assert_eq!(stderr, "error: cannot read `no/such.json`: no such file\n");
    let Run { code, stderr, .. } = run(&["import", FIXTURES]);
    assert_eq!(code, 2);
    assert!(stderr.contains("is a directory"), "{stderr}");
}

#[test]
fn cli_help() {
    let Run { code, stdout, .. } = run(&["import", "--help"]);
    assert_eq!(code, 0);
    insta::assert_snapshot!(stdout);
}

/// `map` in `format`, its references resolved as `check` resolves them.
fn export_of(map: &argmap::model::Map, format: argmap::export::Format) -> String {
    argmap::export::export(map, &argmap::resolved::ResolvedMap::new(map), format)
}

/// `import -o MAP` never writes over an existing map unless `--force`; the
/// map is left byte for byte as it was.
#[test]
fn import_replaces_a_map_only_with_force() {
    let dir = tempfile::tempdir().unwrap();
    let map = dir.path().join("mine.toml");
    let mine = "[map]\ntitle = \"Mine\" # written by hand\n";
    std::fs::write(&map, mine).unwrap();
    let input = std::fs::canonicalize("examples/bridge-debate.kialo.txt").unwrap();
    let args = ["import", input.to_str().unwrap(), "-o", "mine.toml"];
    let refused = common::run_in(dir.path(), &args, &[]);
    assert_eq!(refused.code, 2, "{}", refused.stderr);
    assert!(
        refused.stderr.contains("`mine.toml` exists"),
        "{}",
        refused.stderr
    );
    assert_eq!(std::fs::read_to_string(&map).unwrap(), mine);
    let mut forced = args.to_vec();
    forced.push("--force");
    let replaced = common::run_in(dir.path(), &forced, &[]);
    assert_eq!(replaced.code, 0, "{}", replaced.stderr);
    assert!(std::fs::read_to_string(&map).unwrap().contains("[claims."));
}
