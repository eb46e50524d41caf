//! Kialo's plain-text export: `argmap import` of it and `argmap export --to
//! kialo`. Round trips both ways (Kialo → argmap → Kialo byte for byte on
//! exports in argmap's normal form; argmap → Kialo → argmap keeps the
//! claims and their pro and con relations), malformed exports (one located
//! error each, snapshotted, never a panic), and a property: any text either
//! fails to import or imports to a map whose export imports and exports
//! to itself. The written TOML and the notes are snapshotted as CLI cases
//! in `tests/cmd/import-kialo-*.toml` and `tests/cmd/export-kialo-*.toml`.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use std::collections::BTreeSet;
use std::fmt::Write as _;

use argmap::export::kialo as export;
use argmap::import::kialo::{Options, import};
use argmap::model::Map;
use proptest::prelude::*;

mod common;

use common::{Run, run};

const FIXTURES: &str = "tests/fixtures/kialo";

/// The checked model of a map's TOML.
fn load(toml: &str) -> (Map, argmap::resolved::ResolvedMap) {
    let checked = argmap::check::check("map.toml", toml.as_bytes(), &Default::default());
    let map = checked.map.expect("a model");
    let resolved = checked.graph.expect("a graph").resolved.clone();
    (map, resolved)
}

/// Kialo's text → argmap's TOML → Kialo's text.
fn round_trip(text: &str) -> String {
    let imported = import(text.as_bytes(), &Options::default()).unwrap();
    let (map, resolved) = load(&imported.toml);
    export::write(&map, &resolved).text
}

#[test]
fn kialo_to_argmap_to_kialo_is_byte_for_byte() {
    for path in [
        "tests/fixtures/kialo/school-uniforms.txt",
        "examples/bridge-debate.kialo.txt",
    ] {
        let text = std::fs::read_to_string(path).unwrap();
        assert_eq!(round_trip(&text), text, "{path}");
    }
}

#[test]
fn the_class_discussion_is_a_debate_of_its_size() {
    let text = std::fs::read_to_string(format!("{FIXTURES}/school-uniforms.txt")).unwrap();
    let imported = import(text.as_bytes(), &Options::default()).unwrap();
    let s = &imported.summary;
    assert!((15..=30).contains(&s.claims), "{} claims", s.claims);
    // Three links: each a relation, none a claim.
    let links = text.matches("-> See ").count();
    assert_eq!(links, 3);
    let entries = text.lines().filter(|l| l.starts_with("1.")).count();
    assert_eq!(s.claims, entries - links);
    assert_eq!(s.supports + s.attacks, entries - 1);
    assert!(s.notes.is_empty() && s.skipped.is_empty(), "{s:?}");
}

/// A linked claim that must come before the claims its parent's earlier
/// children follow moves up alone, so the export numbers it again where
/// the discussion had it.
#[test]
fn a_link_among_siblings_keeps_its_place() {
    let text = "Discussion Title: T\n\n1. T\n1.1. Pro: A\n1.2. Con: B\n1.2.1. Pro: C\n1.2.2. Con: -> See 1.1.\n1.2.3. Pro: D\n";
    assert_eq!(round_trip(text), text);
    let imported = import(text.as_bytes(), &Options::default()).unwrap();
    let order: Vec<&str> = imported
        .toml
        .lines()
        .filter_map(|l| l.strip_prefix("# Kialo "))
        .collect();
    assert_eq!(order, ["1.", "1.2.1.", "1.1.", "1.2.", "1.2.3."]);
}

/// Original relations as (child text, stance, parent text): supports and
/// attacks on claims, and each premise of a linked argument as a Pro of its
/// conclusion.
fn relations(
    map: &Map,
    resolved: &argmap::resolved::ResolvedMap,
) -> BTreeSet<(String, &'static str, String)> {
    let text = |i: usize| map.claims[i].display_text().to_owned();
    let mut out = BTreeSet::new();
    for i in 0..map.claims.len() {
        for t in resolved.supports.distinct(i) {
            out.insert((text(i), "pro", text(t)));
        }
        for t in resolved.attacks.distinct(i) {
            if let argmap::export::Target::Claim(t) = t {
                out.insert((text(i), "con", text(t)));
            }
        }
    }
    for a in 0..map.arguments.len() {
        if let Some(c) = resolved.conclusion[a] {
            for p in resolved.premises.distinct(a) {
                out.insert((text(p), "pro", text(c)));
            }
        }
    }
    out
}

fn texts(map: &Map) -> BTreeSet<String> {
    map.claims
        .iter()
        .map(|c| c.display_text().to_owned())
        .collect()
}

/// The bridge map: every claim connected to the thesis comes back, with
/// every relation between them (a linked argument's premises as Pros); the
/// one claim that only qualifies is counted as left out.
#[test]
fn argmap_to_kialo_to_argmap_keeps_claims_and_relations() {
    let toml = std::fs::read_to_string("examples/bridge.toml").unwrap();
    let (map, resolved) = load(&toml);
    let kialo = export::write(&map, &resolved);
    assert_eq!(kialo.left_out[0], "1 claim not connected to the thesis");
    let back = import(kialo.text.as_bytes(), &Options::default()).unwrap();
    let (again, again_resolved) = load(&back.toml);
    let kept = texts(&again);
    assert!(kept.is_subset(&texts(&map)));
    assert_eq!(kept.len(), texts(&map).len() - 1);
    let between_kept: BTreeSet<_> = relations(&map, &resolved)
        .into_iter()
        .filter(|(a, _, b)| kept.contains(a) && kept.contains(b))
        .collect();
    assert_eq!(relations(&again, &again_resolved), between_kept);
    assert_eq!(
        again.meta.title.as_ref().map(|t| t.as_str().to_owned()),
        map.meta.title.as_ref().map(|t| t.as_str().to_owned())
    );
    let thesis = |m: &Map, r: &argmap::resolved::ResolvedMap| {
        m.claims[r.thesis.unwrap()].display_text().to_owned()
    };
    assert_eq!(thesis(&again, &again_resolved), thesis(&map, &resolved));
}

/// On a map with claims Kialo cannot hold, what comes back is part of the
/// map, and what is left out is counted.
#[test]
fn argmap_to_kialo_to_argmap_keeps_what_it_writes() {
    for path in [
        "tests/fixtures/export/everything.toml",
        "maps/cpc-and-sovereignty.toml",
    ] {
        let toml = std::fs::read_to_string(path).unwrap();
        let (map, resolved) = load(&toml);
        let kialo = export::write(&map, &resolved);
        let back = import(kialo.text.as_bytes(), &Options::default()).unwrap();
        let (again, again_resolved) = load(&back.toml);
        let clean = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
        let original: BTreeSet<String> = texts(&map).iter().map(|t| clean(t)).collect();
        for t in texts(&again) {
            assert!(original.contains(&clean(&t)), "{path}: {t:?}");
        }
        let original: BTreeSet<_> = relations(&map, &resolved)
            .into_iter()
            .map(|(a, s, b)| (clean(&a), s, clean(&b)))
            .collect();
        for (a, s, b) in relations(&again, &again_resolved) {
            assert!(
                original.contains(&(clean(&a), s, clean(&b))),
                "{path}: {a} {s} {b}"
            );
        }
        let left: usize = kialo
            .left_out
            .iter()
            .filter_map(|l| {
                l.strip_suffix(" claims not connected to the thesis")
                    .or_else(|| l.split(" claims not connected").next())
            })
            .filter_map(|n| n.parse::<usize>().ok())
            .sum();
        assert_eq!(
            again.claims.len() + left,
            map.claims.len(),
            "{path}: {:?}",
            kialo.left_out
        );
    }
}

#[test]
fn a_cycle_of_supports_is_cut_once_and_counted() {
    let toml = "[map]\ntitle = \"Loop\"\nthesis = \"a\"\n[claims.a]\ntext = \"A\"\nsupports = [\"b\"]\n[claims.b]\ntext = \"B\"\nsupports = [\"a\"]\n";
    let (map, resolved) = load(toml);
    let kialo = export::write(&map, &resolved);
    assert_eq!(kialo.text, "Discussion Title: Loop\n\n1. A\n1.1. Pro: B\n");
    assert_eq!(
        kialo.left_out,
        ["1 relation that would put a claim below itself (a cycle): `a` supports `b`"]
    );
    // What it writes imports.
    import(kialo.text.as_bytes(), &Options::default()).unwrap();
}

#[test]
fn a_claim_reached_twice_is_written_once_then_linked() {
    let toml = "[map]\ntitle = \"Twice\"\nthesis = \"t\"\n[claims.t]\ntext = \"T\"\n[claims.a]\ntext = \"A\"\nsupports = [\"t\"]\n[claims.b]\ntext = \"B\"\nattacks = [\"t\"]\n[claims.c]\ntext = \"C (shared)\"\nsupports = [\"a\"]\nattacks = [\"b\"]\n";
    let (map, resolved) = load(toml);
    let kialo = export::write(&map, &resolved);
    assert_eq!(
        kialo.text,
        "Discussion Title: Twice\n\n1. T\n1.1. Pro: A\n1.1.1. Pro: C \\(shared\\)\n1.2. Con: B\n1.2.1. Con: -> See 1.1.1.\n"
    );
    assert!(kialo.left_out.is_empty());
}

/// A chain 1,500 claims deep and 5,000 claims side by side, each with a
/// link back to the first: read, ordered and written without recursion
/// and without a pass per claim.
#[test]
fn deep_and_wide_discussions_round_trip() {
    let mut text = String::from("Discussion Title: Big\n\n1. Thesis\n");
    let mut number = String::from("1.");
    for d in 0..1_500 {
        number.push_str("1.");
        let _ = writeln!(text, "{number} Pro: Deep {d}");
    }
    for w in 2..5_002 {
        let _ = writeln!(text, "1.{w}. Con: Wide {w}");
        let _ = writeln!(text, "1.{w}.1. Pro: -> See 1.1.");
    }
    let start = std::time::Instant::now();
    assert_eq!(round_trip(&text), text);
    assert!(start.elapsed().as_secs() < 60, "{:?}", start.elapsed());
}

// ---- malformed exports ----------------------------------------------------

#[test]
fn malformed_exports_are_errors_with_line_and_column() {
    let mut names: Vec<String> = std::fs::read_dir(format!("{FIXTURES}/malformed"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert!(names.len() >= 15);
    for name in names {
        let path = format!("{FIXTURES}/malformed/{name}");
        let Run {
            code,
            stdout,
            stderr,
            ..
        } = run(&["import", &path, "--from", "kialo"]);
        assert_eq!(code, 2, "{name}");
        assert!(stdout.is_empty(), "{name}");
        assert!(!stderr.contains("panicked"), "{name}");
        if !["empty.txt", "title-only.txt"].contains(&name.as_str()) {
            assert!(stderr.contains(": line "), "{name}: {stderr}");
        }
        insta::assert_snapshot!(
            format!("malformed_{}", name.trim_end_matches(".txt")),
            stderr
        );
    }
}

// ---- the command line -------------------------------------------------------

#[test]
fn the_format_is_told_from_the_extension_then_the_first_line() {
    let dir = tempfile::tempdir().unwrap();
    let text = std::fs::read("examples/bridge-debate.kialo.txt").unwrap();
    let named = dir.path().join("debate.kialo");
    std::fs::write(&named, &text).unwrap();
    let json = dir.path().join("debate.json");
    std::fs::write(&json, &text).unwrap();
    // No extension it knows: the first line says Kialo.
    let Run { code, stdout, .. } = run(&["import", named.to_str().unwrap()]);
    assert_eq!(code, 0);
    assert!(stdout.contains("thesis = \"the-town-should-rebuild-the-old-bridge\""));
    // `.json` is AIF, whatever it holds; `--from` says otherwise.
    let Run { code, stderr, .. } = run(&["import", json.to_str().unwrap()]);
    assert_eq!(code, 2);
    assert!(stderr.contains("as AIF"), "{stderr}");
    let Run { code, .. } = run(&["import", json.to_str().unwrap(), "--from", "kialo"]);
    assert_eq!(code, 0);
    // From stdin, by the first line.
    let Run { code, stdout, .. } = common::argmap(["import", "-"]).stdin(text).run();
    assert_eq!(code, 0);
    assert!(stdout.contains("[claims.trucks-cross-it-every-day]"));
}

#[test]
fn the_export_writes_to_a_file_and_imports_back() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("bridge.txt");
    let Run { code, stdout, .. } = run(&[
        "export",
        "examples/bridge.toml",
        "--to",
        "kialo",
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_eq!(code, 0);
    assert!(stdout.is_empty());
    let Run { code, stdout, .. } = run(&["import", out.to_str().unwrap()]);
    assert_eq!(code, 0);
    let (map, _) = load(&stdout);
    assert_eq!(map.claims.len(), 9);
}

// ---- properties -------------------------------------------------------------

/// A line of a Kialo export, well formed or not.
fn line() -> impl Strategy<Value = String> {
    let number = prop::collection::vec(0u32..4, 1..5)
        .prop_map(|parts| parts.iter().map(|p| format!("{p}.")).collect::<String>());
    let stance = prop::sample::select(vec!["Pro: ", "Con: ", "", "Pro:", "Thesis: "]);
    let text = prop::sample::select(vec![
        "A claim.",
        "-> See 1.1.",
        "-> See 1.",
        "-> See 1.2.1.",
        "\\(escaped\\) \\\\ and [raw](markup)",
        "1. a list inside",
        "",
        "  ",
        "日本語 ☃",
        "\\",
    ]);
    prop_oneof![
        (number, stance, text.clone()).prop_map(|(n, s, t)| format!("{n} {s}{t}")),
        text.prop_map(str::to_owned),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    /// Any text imports or fails with an error; what imports exports to a
    /// text that imports, and exports to itself again.
    #[test]
    fn import_never_panics_and_exports_are_fixed_points(lines in prop::collection::vec(line(), 0..14)) {
        let text = format!("Discussion Title: P\n\n1. Thesis\n{}\n", lines.join("\n"));
        let Ok(imported) = import(text.as_bytes(), &Options::default()) else {
            return Ok(());
        };
        let (map, resolved) = load(&imported.toml);
        let first = export::write(&map, &resolved).text;
        let second = round_trip(&first);
        prop_assert_eq!(round_trip(&second), second.clone());
        prop_assert_eq!(second, first);
    }
}
