//! What each command reads: `check` and `report` check a map against its
//! source texts; `render`, `eval` (under grounded semantics) and `export`, whose output does not depend
//! on the texts, read none, and their warning about errors counts the map's
//! own. They accept `--text` and ignore it, with a note.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

mod common;

/// A map whose only errors are its misquotes and the copying they make
/// (`quote-not-found`, `copied-text`): four, all about its source text.
const MISQUOTED: &str = "tests/fixtures/rules/quote-not-found.toml";

fn run(args: &[&str]) -> (i32, String, String) {
    let r = common::run(args);
    (r.code, r.stdout, r.stderr)
}

#[test]
fn the_fixture_has_quote_errors() {
    assert!(
        std::fs::metadata(MISQUOTED).is_ok(),
        "{MISQUOTED} is missing"
    );
    let (code, _, stderr) = run(&["check", MISQUOTED]);
    assert_eq!(code, 1, "{stderr}");
    assert!(stderr.contains("error[quote-not-found]"), "{stderr}");
    assert!(stderr.contains(": 4 errors,"), "{stderr}");
}

#[test]
fn drawing_labelling_and_exporting_read_no_texts() {
    let dir = tempfile::tempdir().unwrap();
    let dot = dir.path().join("map.dot");
    let dot = dot.to_str().unwrap();
    for args in [
        vec!["render", MISQUOTED, "-o", dot],
        vec!["eval", MISQUOTED],
        vec!["export", MISQUOTED, "--to", "json"],
    ] {
        let (code, stdout, stderr) = run(&args);
        assert_eq!(code, 0, "{args:?}: {stderr}");
        assert!(
            !stderr.contains("error"),
            "{args:?} counted the quote errors: {stderr}"
        );
        assert!(stderr.is_empty(), "{args:?}: {stderr}");
        assert!(
            args[0] == "render" || !stdout.is_empty(),
            "{args:?} wrote nothing"
        );
    }
    // `report` presents the quote checks, so it reads the texts.
    let (code, stdout, stderr) = run(&["report", MISQUOTED]);
    assert_eq!(code, 0, "{stderr}");
    assert!(stderr.contains("has 4 errors"), "{stderr}");
    assert!(stdout.contains("quote-not-found"), "{stdout}");
}

#[test]
fn text_options_are_ignored_with_a_note_where_no_text_is_read() {
    let (code, stdout, stderr) = run(&[
        "eval",
        MISQUOTED,
        "--text",
        "nowhere=missing.txt",
        "--allow-outside-texts",
    ]);
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.contains("accepted"), "{stdout}");
    insta::assert_snapshot!(stderr, @"note: `argmap eval` reads no source texts under grounded semantics: `--text` and `--allow-outside-texts` are ignored; `--semantics evidence` reads them");
}
