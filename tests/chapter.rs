//! The chapter's map (`maps/cpc-and-sovereignty.toml`): its key counts are
//! pinned so they cannot drop silently, it checks clean with the chapter
//! text, and the committed diagrams, audit and README block are up to date
//! (regenerate them with `scripts/regenerate.sh`).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use std::path::Path;
use std::process::Command;

use argmap::diag::Levels;

const MAP: &str = "maps/cpc-and-sovereignty.toml";
const TEXT: &str = "../shared/chapter/cpc-and-sovereignty.txt";

fn argmap(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_argmap"))
        .args(args)
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// The chapter text, when it is where CI keeps it; tests that need it say
/// so and pass without it on machines that do not have it.
fn chapter_text() -> Option<&'static str> {
    if Path::new(TEXT).is_file() {
        Some(TEXT)
    } else {
        eprintln!("note: {TEXT} is not here; skipping the checks that need the chapter text");
        None
    }
}

#[test]
fn key_counts_are_pinned() {
    let bytes = std::fs::read(MAP).unwrap();
    let checked = argmap::check::check(MAP, &bytes, &Levels::default());
    let map = checked.map.unwrap();
    let graph = checked.graph.unwrap();
    let mut per_section = Vec::new();
    for s in &map.sections {
        let claims: Vec<_> = map
            .claims
            .iter()
            .filter(|c| c.section.as_ref().map(|x| x.as_str()) == Some(s.id.as_str()))
            .collect();
        let cited = claims
            .iter()
            .filter(|c| {
                c.cites
                    .iter()
                    .any(|q| map.source(q.source.as_str()).is_some())
            })
            .count();
        let counterpoints = claims.iter().filter(|c| !c.attacks.is_empty()).count();
        per_section.push(format!(
            "{}: {} claims, {} cited, {} counterpoints",
            s.id.as_str(),
            claims.len(),
            cited,
            counterpoints
        ));
    }
    assert!(
        map.claims.iter().all(|c| c.section.is_some()),
        "every claim has a section"
    );
    assert!(
        map.claims
            .iter()
            .all(|c| c.anchor.as_ref().is_some_and(|a| a.quote.is_some())),
        "every claim has an anchor quote"
    );
    let summary = format!(
        "sections: {}\nclaims: {}\narguments: {}\nsources: {}\nactors: {}\nedges: {}\n{}",
        map.sections.len(),
        map.claims.len(),
        map.arguments.len(),
        map.sources.len(),
        map.actors.len(),
        graph.graph.edge_count(),
        per_section.join("\n")
    );
    insta::assert_snapshot!(summary);
}

#[test]
fn map_checks_clean_with_the_chapter_text() {
    let Some(text) = chapter_text() else { return };
    let (code, _, stderr) = argmap(&[
        "check",
        "--quiet",
        MAP,
        "--text",
        &format!("lee-chapter={text}"),
    ]);
    assert_eq!(code, 0, "{stderr}");
    // Every anchor quote was checked and found.
    let (_, json, _) = argmap(&[
        "check",
        "--format",
        "json",
        MAP,
        "--text",
        &format!("lee-chapter={text}"),
    ]);
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    for d in v["diagnostics"].as_array().unwrap() {
        assert_ne!(d["code"], "quote-not-found", "{d}");
        assert_ne!(d["code"], "unreadable-text", "{d}");
        let msg = d["message"].as_str().unwrap();
        assert!(
            !(d["code"] == "unchecked-quotes" && msg.contains("lee-chapter")),
            "{d}"
        );
    }
}

/// The views `scripts/regenerate.sh` draws: (file stem suffix, extra args).
fn views() -> Vec<(String, Vec<String>)> {
    let bytes = std::fs::read(MAP).unwrap();
    let map = argmap::check::check(MAP, &bytes, &Levels::default())
        .map
        .unwrap();
    let mut v = vec![
        (String::new(), vec![]),
        (
            "--thesis".to_owned(),
            vec![
                "--focus".into(),
                "party-has-tools".into(),
                "--depth".into(),
                "2".into(),
            ],
        ),
    ];
    for s in &map.sections {
        v.push((
            format!("--{}", s.id.as_str()),
            vec!["--section".into(), s.id.value.clone()],
        ));
    }
    v
}

#[test]
fn committed_diagrams_are_up_to_date() {
    let mut expected = Vec::new();
    for (suffix, extra) in views() {
        let file = format!("rendered/cpc-and-sovereignty{suffix}.dot");
        let mut args = vec!["render", MAP, "-o", "-"];
        args.extend(extra.iter().map(String::as_str));
        let (code, dot, stderr) = argmap(&args);
        assert_eq!(code, 0, "{stderr}");
        let committed = std::fs::read_to_string(&file)
            .unwrap_or_else(|_| panic!("{file} is missing: run scripts/regenerate.sh"));
        assert!(
            committed == dot,
            "{file} is stale: run scripts/regenerate.sh"
        );
        expected.push(file);
    }
    // The overview comes from `--split`, whose section files must be the
    // `--section` views committed above.
    let dir = tempfile::tempdir().unwrap();
    let split = dir.path().join("parts");
    let (code, _, stderr) = argmap(&["render", MAP, "--split", "-o", split.to_str().unwrap()]);
    assert_eq!(code, 0, "{stderr}");
    for entry in std::fs::read_dir(&split).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let file = format!("rendered/cpc-and-sovereignty--{name}");
        let committed = std::fs::read_to_string(&file)
            .unwrap_or_else(|_| panic!("{file} is missing: run scripts/regenerate.sh"));
        assert!(
            committed == std::fs::read_to_string(&path).unwrap(),
            "{file} differs from `render --split`: run scripts/regenerate.sh"
        );
    }
    expected.push("rendered/cpc-and-sovereignty--overview.dot".to_owned());
    let mut present: Vec<String> = std::fs::read_dir("rendered")
        .unwrap()
        .filter_map(|e| e.ok())
        .map(|e| format!("rendered/{}", e.file_name().to_string_lossy()))
        .filter(|f| f.ends_with(".dot"))
        .collect();
    present.sort();
    expected.sort();
    assert_eq!(
        present, expected,
        "rendered/ holds DOT files no view produces"
    );
}

#[test]
fn committed_audit_and_readme_block_are_up_to_date() {
    let Some(text) = chapter_text() else { return };
    let text_arg = format!("lee-chapter={text}");
    let (code, audit, stderr) = argmap(&[
        "report",
        MAP,
        "--text",
        &text_arg,
        "--diagram",
        "cpc-and-sovereignty.svg",
    ]);
    assert_eq!(code, 0, "{stderr}");
    let committed = std::fs::read_to_string("rendered/cpc-and-sovereignty-audit.md").unwrap();
    assert!(
        committed == audit,
        "rendered/cpc-and-sovereignty-audit.md is stale: run scripts/regenerate.sh"
    );
    let (_, block, _) = argmap(&[
        "report",
        MAP,
        "--text",
        &text_arg,
        "--heading-level",
        "3",
        "--diagram",
        "rendered/cpc-and-sovereignty.svg",
    ]);
    let readme = std::fs::read_to_string("README.md").unwrap();
    let start = readme.find("<!-- audit:start -->\n").unwrap() + "<!-- audit:start -->\n".len();
    let end = readme.find("<!-- audit:end -->").unwrap();
    assert!(
        readme[start..end] == block,
        "the README's audit block is stale: run scripts/regenerate.sh"
    );
}
