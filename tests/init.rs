//! `argmap init`: the starter map it writes passes `check` with nothing to
//! report (no error, no warning), `eval` accepts its thesis, `fmt` leaves
//! it as it is, and it draws as DOT; it is the library's template, whatever the title; and `init`
//! never writes over a file. (It draws as SVG with Graphviz in
//! `tests/graphviz.rs`.)
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use std::path::Path;

mod common;

use common::argmap;

/// Runs argmap in `dir` and gives the transcript as the CLI snapshots show it.
fn transcript(dir: &Path, args: &[&str]) -> (common::Run, String) {
    let run = argmap(args).current_dir(dir).run();
    let shown = run.transcript(&format!("argmap {}", args.join(" ")));
    (run, shown)
}

#[test]
fn the_starter_map_checks_with_nothing_to_report() {
    let dir = tempfile::tempdir().unwrap();
    let (init, shown) = transcript(dir.path(), &["init"]);
    assert_eq!(init.code, 0, "{}", init.stderr);
    insta::assert_snapshot!("init_writes_map_toml", shown);
    let written = std::fs::read_to_string(dir.path().join("map.toml")).unwrap();
    assert_eq!(written, argmap::starter::TEMPLATE);
    insta::assert_snapshot!("starter_map", written);

    // Every finding in full: there is none, warnings included.
    let (check, shown) = transcript(dir.path(), &["check", "--all", "map.toml"]);
    assert_eq!(check.code, 0, "{}", check.stderr);
    insta::assert_snapshot!("starter_map_checks", shown);
    let json = argmap(["check", "--format", "json", "map.toml"])
        .current_dir(dir.path())
        .run();
    let findings: serde_json::Value = serde_json::from_str(&json.stdout).unwrap();
    assert_eq!(findings["summary"]["maps"], 1);
    assert_eq!(
        findings["diagnostics"],
        serde_json::json!([]),
        "{}",
        json.stdout
    );

    // What it teaches: every table the comments name is there.
    let map = argmap::check::check("map.toml", written.as_bytes(), &Default::default());
    let map = map.map.unwrap();
    assert_eq!(map.sections.len(), 2);
    assert_eq!(map.actors.len(), 1);
    assert_eq!(map.arguments.len(), 1);
    assert!(map.arguments[0].premises.len() >= 2);
    assert!(written.contains("\n[lints]\n"));
    assert!(written.contains("docs/map-format.md"));

    // The objection is answered: the thesis stands.
    let eval = argmap(["eval", "map.toml"]).current_dir(dir.path()).run();
    assert_eq!(eval.code, 0, "{}", eval.stderr);
    assert!(
        eval.stdout.contains("thesis `open-sundays` is accepted"),
        "{}",
        eval.stdout
    );

    // It is laid out as `fmt` lays maps out.
    let fmt = argmap(["fmt", "--check", "map.toml"])
        .current_dir(dir.path())
        .run();
    assert_eq!(fmt.code, 0, "{}", fmt.stderr);

    let render = argmap(["render", "map.toml", "-o", "map.dot"])
        .current_dir(dir.path())
        .run();
    assert_eq!((render.code, render.stderr.as_str()), (0, ""));
    let dot = std::fs::read_to_string(dir.path().join("map.dot")).unwrap();
    assert!(dot.starts_with("digraph"), "{dot}");
    assert!(dot.contains("The town library should open on Sundays"));
}

#[test]
fn every_table_of_the_starter_has_a_comment_line_above_it() {
    let lines: Vec<&str> = argmap::starter::TEMPLATE.lines().collect();
    let mut kinds_seen = std::collections::BTreeSet::new();
    for (i, line) in lines.iter().enumerate() {
        let Some(header) = line.strip_prefix('[') else {
            continue;
        };
        let kind = header.split(['.', ']']).next().unwrap();
        // The first table of each kind says what the kind is for.
        if kinds_seen.insert(kind) {
            assert!(
                i > 0 && lines[i - 1].starts_with("# "),
                "`{line}` has no comment above it"
            );
        }
    }
    let all: std::collections::BTreeSet<&str> = [
        "actors",
        "arguments",
        "claims",
        "lints",
        "map",
        "sections",
        "sources",
    ]
    .into();
    assert_eq!(kinds_seen, all);
}

#[test]
fn init_never_writes_over_a_file() {
    let dir = tempfile::tempdir().unwrap();
    let map = dir.path().join("map.toml");
    std::fs::write(&map, "# mine\n").unwrap();
    let (run, first) = transcript(dir.path(), &["init"]);
    assert_eq!(run.code, 2);
    assert_eq!(std::fs::read_to_string(&map).unwrap(), "# mine\n");
    // The name suggested is free.
    std::fs::write(dir.path().join("map-2.toml"), "").unwrap();
    let (run, second) = transcript(dir.path(), &["init", "map"]);
    assert_eq!(run.code, 2);
    insta::assert_snapshot!(
        "init_refuses_an_existing_file",
        format!("{first}\n{second}")
    );
    let (run, _) = transcript(dir.path(), &["init", "map-3.toml"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    // No temporary file is left behind, whatever happened.
    let mut names: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names, ["map-2.toml", "map-3.toml", "map.toml"]);
}

#[test]
fn file_names_folders_and_stdout() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("debates")).unwrap();
    for (args, written) in [
        (&["init", "bridge"][..], "bridge.toml"),
        (&["init", "debates"][..], "debates/map.toml"),
        (&["init", "notes.txt"][..], "notes.txt"),
    ] {
        let run = argmap(args).current_dir(dir.path()).run();
        assert_eq!(run.code, 0, "{args:?}: {}", run.stderr);
        assert!(
            run.stderr.contains(&format!("`{written}`")),
            "{args:?}: {}",
            run.stderr
        );
        let text = std::fs::read_to_string(dir.path().join(written)).unwrap();
        assert_eq!(text, argmap::starter::TEMPLATE, "{args:?}");
    }
    let stdout = argmap(["init", "-"]).current_dir(dir.path()).run();
    assert_eq!((stdout.code, stdout.stderr.as_str()), (0, ""));
    assert_eq!(stdout.stdout, argmap::starter::TEMPLATE);

    let (missing, shown) = transcript(dir.path(), &["init", "no-such-folder/map.toml"]);
    assert_eq!(missing.code, 2);
    let empty = argmap(["init", "--title", " ", "t.toml"])
        .current_dir(dir.path())
        .run();
    let title = empty.transcript("argmap init --title ' ' t.toml");
    assert_eq!(empty.code, 2);
    assert!(!dir.path().join("t.toml").exists());
    insta::assert_snapshot!("init_cannot_write", format!("{shown}\n{title}"));
}

#[test]
fn a_title_is_written_as_toml_quotes_it_and_the_map_still_checks() {
    let dir = tempfile::tempdir().unwrap();
    let title = r#"Is "Sunday" a day \ like any other?"#;
    let run = argmap(["init", "--title", title, "t.toml"])
        .current_dir(dir.path())
        .run();
    assert_eq!(run.code, 0, "{}", run.stderr);
    let text = std::fs::read_to_string(dir.path().join("t.toml")).unwrap();
    assert_eq!(text, argmap::starter::starter(Some(title)));
    let checked = argmap::check::check("t.toml", text.as_bytes(), &Default::default());
    assert!(checked.report.diagnostics.is_empty());
    assert_eq!(checked.map.unwrap().meta.title.unwrap().value, title);
    let check = argmap(["check", "t.toml"]).current_dir(dir.path()).run();
    assert_eq!(check.code, 0, "{}", check.stderr);
}
