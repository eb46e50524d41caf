//! `argmap draft`: the drafts of the teaching text and of the test texts
//! in three citation styles check with no error but one `placeholder-text`
//! per claim, and agree with what `check` reads in their documents; the
//! document's path is written relative to the map's folder; the draft is
//! never written over its document. (The drafts as printed, and bad input,
//! are CLI cases in `tests/cmd/draft-*`; the chapter's draft is in
//! `tests/chapter.rs`.)
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use std::collections::BTreeMap;
use std::path::Path;

mod common;
mod drafting;

use drafting::{assert_agrees_with_check, codes, draft_beside, errors};

const TEACHING_TEXT: &str = "examples/harbour-towns.txt";

fn counted(items: &[(&str, &str, usize)]) -> BTreeMap<(String, String), usize> {
    items
        .iter()
        .map(|&(c, s, n)| ((c.to_owned(), s.to_owned()), n))
        .collect()
}

#[test]
fn the_teaching_text_drafts_to_a_map_with_placeholders_only() {
    let d = draft_beside(Path::new(TEACHING_TEXT));
    // Three paragraphs: three stubs, each cited; every source cited; the
    // one URL printed without a scheme; the document without its authors.
    assert_eq!(
        codes(&d.map, &[]),
        counted(&[
            ("invalid-url", "warning", 1),
            ("orphan-claim", "warning", 3),
            ("placeholder-text", "error", 3),
            ("source-missing-field", "warning", 1),
        ])
    );
    assert_eq!(assert_agrees_with_check(&d.map), 3);
    assert!(
        d.toml.contains("text = \"harbour-towns.txt\""),
        "{}",
        d.toml
    );
}

#[test]
fn the_three_citation_styles_draft_to_maps_with_placeholders_only() {
    // Besides the stubs: the document's own authors and year, an APA entry
    // printed without a date, a Chicago URL without a scheme. Every
    // `cited-as` agrees with its entry (APA and Harvard initials included).
    for (style, claims, more) in [
        ("apa", 2, &[("source-missing-field", "warning", 2)][..]),
        // The Chicago text keeps the faults its reference list was
        // written with, which `check` reads in the draft as in the text.
        (
            "chicago",
            3,
            &[
                ("date-style", "warning", 2),
                ("et-al-in-entry", "warning", 1),
                ("invalid-url", "warning", 1),
                ("source-missing-field", "warning", 1),
                ("title-mismatch", "warning", 1),
                ("url-style", "warning", 1),
                ("year-before-source", "warning", 1),
            ][..],
        ),
        ("harvard", 2, &[("source-missing-field", "warning", 1)][..]),
    ] {
        let text = format!("tests/fixtures/documents/{style}.txt");
        let d = draft_beside(Path::new(&text));
        let mut expected = counted(more);
        expected.extend(counted(&[
            ("orphan-claim", "warning", claims),
            ("placeholder-text", "error", claims),
        ]));
        assert_eq!(codes(&d.map, &[]), expected, "{style}");
        assert_eq!(assert_agrees_with_check(&d.map), claims, "{style}");
    }
}

#[test]
fn odd_documents_draft_to_maps_with_placeholders_only() {
    // No headings, no reference list, and odd entries: a dash with no
    // author above it, two entries one citation cannot tell apart, dates
    // that are not dates, a heading written twice.
    for (name, claims, anchored) in [
        ("no-headings", 2, 2),
        ("no-reference-list", 2, 2),
        ("odd-entries", 4, 3),
    ] {
        let d = draft_beside(Path::new(&format!("tests/fixtures/draft/{name}.txt")));
        let found = codes(&d.map, &[]);
        assert_eq!(
            errors(&found),
            BTreeMap::from([("placeholder-text", claims)]),
            "{name}: {found:?}"
        );
        assert_eq!(assert_agrees_with_check(&d.map), anchored, "{name}");
        assert!(d.stderr.contains("warning: "), "{name}: {}", d.stderr);
    }
}

/// The map's `text` key, as the draft at `map` writes it.
fn text_key(map: &Path) -> String {
    let toml = std::fs::read_to_string(map).unwrap();
    let v: toml::Table = toml.parse().unwrap();
    let document = v["map"]["document"].as_str().unwrap();
    v["sources"][document]["text"].as_str().unwrap().to_owned()
}

#[test]
fn the_text_is_written_relative_to_the_maps_folder() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::create_dir_all(d.join("texts")).unwrap();
    std::fs::create_dir_all(d.join("maps/audit")).unwrap();
    std::fs::copy(TEACHING_TEXT, d.join("texts/harbour.txt")).unwrap();
    let draft = |out: &str| {
        let run = common::argmap(["draft", "texts/harbour.txt", "-o", out])
            .current_dir(d)
            .run();
        assert_eq!(run.code, 0, "{}", run.stderr);
        run
    };
    // Beside the map's folder: inside it, no flag needed.
    draft("harbour.toml");
    assert_eq!(text_key(&d.join("harbour.toml")), "texts/harbour.txt");
    assert_eq!(
        drafting::errors(&codes(&d.join("harbour.toml"), &[])),
        BTreeMap::from([("placeholder-text", 3)])
    );
    // Below it: the text is outside, and the draft says how to check it.
    let run = draft("maps/audit/harbour.toml");
    let map = d.join("maps/audit/harbour.toml");
    assert_eq!(text_key(&map), "../../texts/harbour.txt");
    assert!(
        run.stderr.contains("--allow-outside-texts"),
        "{}",
        run.stderr
    );
    let toml = std::fs::read_to_string(&map).unwrap();
    assert!(
        toml.contains("#     argmap check maps/audit/harbour.toml --allow-outside-texts\n"),
        "{toml}"
    );
    assert_eq!(
        drafting::errors(&codes(&map, &["--allow-outside-texts"])),
        BTreeMap::from([("placeholder-text", 3)])
    );
    assert_agrees_with_check_outside(&map, &d.join("texts/harbour.txt"));
    // To stdout, the path as given, from the current folder.
    let run = common::argmap(["draft", "texts/harbour.txt"])
        .current_dir(d)
        .run();
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stdout.contains("text = \"texts/harbour.txt\"\n"),
        "{}",
        run.stdout
    );
    // An absolute path, to stdout: relative to the current folder.
    let absolute = d.join("texts/harbour.txt").canonicalize().unwrap();
    let run = common::argmap(["draft".as_ref(), absolute.as_os_str()])
        .current_dir(d.join("maps"))
        .run();
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stdout.contains("text = \"../texts/harbour.txt\"\n"),
        "{}",
        run.stdout
    );
}

/// [`assert_agrees_with_check`] for a map whose text is outside its folder:
/// the text given to `check` as `--text` would give it.
fn assert_agrees_with_check_outside(map: &Path, text: &Path) {
    let dir = tempfile::tempdir().unwrap();
    let copy = dir.path().join("map.toml");
    let toml = std::fs::read_to_string(map).unwrap();
    let name = text.file_name().unwrap().to_str().unwrap();
    std::fs::copy(text, dir.path().join(name)).unwrap();
    std::fs::write(&copy, toml.replace("../../texts/", "")).unwrap();
    assert_eq!(assert_agrees_with_check(&copy), 3);
}

#[test]
fn the_draft_is_never_written_over_its_document() {
    let dir = tempfile::tempdir().unwrap();
    let text = dir.path().join("harbour.txt");
    std::fs::copy(TEACHING_TEXT, &text).unwrap();
    let before = std::fs::read(&text).unwrap();
    let run = common::argmap(["draft", "harbour.txt", "-o", "./harbour.txt"])
        .current_dir(dir.path())
        .run();
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert_eq!(
        run.stderr,
        "error: refusing to write over the input document `harbour.txt`\n"
    );
    assert_eq!(std::fs::read(&text).unwrap(), before);
    // A folder that does not exist: nothing written, and said.
    let run = common::argmap(["draft", "harbour.txt", "-o", "no/such/map.toml"])
        .current_dir(dir.path())
        .run();
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(
        run.stderr
            .contains("cannot write `no/such/map.toml`: the folder `no/such` does not exist"),
        "{}",
        run.stderr
    );
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
}

/// The README's "Start a map from a document" runs as written, from a copy
/// of `examples/`: the draft is written, and `check` fails on its
/// placeholders alone.
#[test]
fn the_readme_section_runs_as_written() {
    let readme = std::fs::read_to_string("README.md").unwrap();
    let section = common::between(&readme, "## Start a map from a document", "\n## ");
    let block = common::between(section, "```sh\n", "```");
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("examples")).unwrap();
    std::fs::copy(TEACHING_TEXT, dir.path().join(TEACHING_TEXT)).unwrap();
    let mut codes = Vec::new();
    for line in block.lines() {
        let args: Vec<&str> = line
            .strip_prefix("argmap ")
            .unwrap_or_else(|| panic!("not an argmap command: {line}"))
            .split_whitespace()
            .collect();
        let run = common::argmap(&args).current_dir(dir.path()).run();
        if args[0] == "check" {
            assert!(
                run.stderr
                    .ends_with("checked 1 map (3 claims, 8 sources): 3 errors, 5 warnings\n"),
                "{}",
                run.stderr
            );
            assert_eq!(run.stderr.matches("error[").count(), 3, "{}", run.stderr);
            assert_eq!(
                run.stderr.matches("error[placeholder-text]").count(),
                3,
                "{}",
                run.stderr
            );
        }
        codes.push(run.code);
    }
    assert_eq!(codes, [0, 1]);
}
