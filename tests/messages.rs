//! Plain English in everything argmap prints: every snapshot (the human
//! and JSON findings, the summaries, the reports, the diagrams' labels, the
//! help texts and the import notes, `tests/snapshots/`, `tests/cmd/` and
//! the library's own) is read for a count whose noun disagrees with it
//! ("1 claims", "2 source"), and for "a" before a vowel ("a unknown").
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use std::path::{Path, PathBuf};

/// Nouns that messages count, singular and plural; a compound noun before
/// its head (`paragraph locator` before `locator`).
const NOUNS: &[(&str, &str)] = &[
    ("linked argument", "linked arguments"),
    ("paragraph locator", "paragraph locators"),
    ("body paragraph", "body paragraphs"),
    ("more problem", "more problems"),
    ("actor", "actors"),
    ("anchor", "anchors"),
    ("argument", "arguments"),
    ("citation", "citations"),
    ("claim", "claims"),
    ("counterpoint", "counterpoints"),
    ("diagram", "diagrams"),
    ("edge", "edges"),
    ("error", "errors"),
    ("file", "files"),
    ("finding", "findings"),
    ("heading", "headings"),
    ("locator", "locators"),
    ("locution", "locutions"),
    ("map", "maps"),
    ("node", "nodes"),
    ("paragraph", "paragraphs"),
    ("premise", "premises"),
    ("qualification", "qualifications"),
    ("quote", "quotes"),
    ("relation", "relations"),
    ("section", "sections"),
    ("source", "sources"),
    ("step", "steps"),
    ("text", "texts"),
    ("warning", "warnings"),
    ("word", "words"),
];

/// Every snapshot file under `dir`, which must be there.
fn snapshots(dir: &Path, out: &mut Vec<PathBuf>) {
    let entries = std::fs::read_dir(dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
    for entry in entries {
        let path = entry.unwrap().path();
        if path.is_dir() {
            snapshots(&path, out);
        } else if path.extension().is_some_and(|e| e == "snap") {
            out.push(path);
        }
    }
}

/// The body of a snapshot: what the program printed, after insta's header.
fn body(text: &str) -> &str {
    text.strip_prefix("---")
        .and_then(|rest| rest.split_once("\n---\n"))
        .map_or(text, |(_, body)| body)
}

/// Counts whose noun disagrees with them, in `text`: `(count, noun)`.
fn disagreements(text: &str) -> Vec<String> {
    let bytes = text.as_bytes();
    let mut found = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if !bytes[i].is_ascii_digit()
            || (i > 0
                && (bytes[i - 1].is_ascii_alphanumeric()
                    || matches!(bytes[i - 1], b'.' | b'-' | b'_')))
        {
            i += 1;
            continue;
        }
        let start = i;
        while i < bytes.len() && (bytes[i].is_ascii_digit() || bytes[i] == b',') {
            i += 1;
        }
        let digits: String = text[start..i]
            .chars()
            .filter(char::is_ascii_digit)
            .collect();
        // A decimal ("2.5 words") or a number glued to what follows.
        if bytes.get(i) != Some(&b' ') || text[start..i].ends_with(',') {
            continue;
        }
        let n: u64 = digits.parse().unwrap_or(u64::MAX);
        let rest = &text[i + 1..];
        for (one, many) in NOUNS {
            // Longest first: the plural, then the singular, each as a word.
            let matched = [(*many, false), (*one, true)]
                .into_iter()
                .find(|(form, _)| {
                    rest.starts_with(form)
                        && !rest[form.len()..]
                            .chars()
                            .next()
                            .is_some_and(|c| c.is_alphanumeric() || c == '-' || c == '_')
                });
            if let Some((form, singular)) = matched {
                if singular != (n == 1) {
                    found.push(format!("{} {form}", &text[start..i]));
                }
                break;
            }
        }
    }
    found
}

/// `a` before a word that starts with a vowel sound argmap writes
/// (`a unknown`, `a error`).
fn wrong_articles(text: &str) -> Vec<String> {
    let words: Vec<&str> = text.split([' ', '\n']).collect();
    words
        .windows(2)
        .filter(|w| {
            matches!(w[0], "a" | "A")
                && ["unknown", "error", "argument", "answer", "objection", "id "]
                    .iter()
                    .any(|v| w[1].starts_with(v.trim_end()) && w[1].len() >= v.trim_end().len())
        })
        .map(|w| format!("{} {}", w[0], w[1]))
        .collect()
}

#[test]
fn every_count_agrees_with_its_noun_in_every_snapshot() {
    let mut files = Vec::new();
    for dir in ["tests/snapshots", "tests/cmd", "src"] {
        snapshots(Path::new(dir), &mut files);
    }
    assert!(
        files.len() > 200,
        "only {} snapshots found: run from the repository root",
        files.len()
    );
    let mut wrong = Vec::new();
    for file in &files {
        let text = std::fs::read_to_string(file).unwrap();
        for found in disagreements(body(&text))
            .into_iter()
            .chain(wrong_articles(body(&text)))
        {
            wrong.push(format!("{}: {found}", file.display()));
        }
    }
    assert!(wrong.is_empty(), "not English:\n{}", wrong.join("\n"));
}

#[test]
fn the_reader_finds_what_it_should() {
    assert_eq!(
        disagreements("1 linked arguments, 2 source; 0 claims, 1 claim, 12,572 warnings"),
        ["1 linked arguments", "2 source"]
    );
    assert_eq!(
        disagreements("2.1 claims x1 claims section-1 claims"),
        Vec::<String>::new()
    );
    assert_eq!(
        disagreements("1 paragraph locators"),
        ["1 paragraph locators"]
    );
    assert_eq!(disagreements("3 claim-ids"), Vec::<String>::new());
    assert_eq!(
        wrong_articles("a unknown key, an unknown key"),
        ["a unknown"]
    );
}
