//! Drafting a map from a text and checking the draft, shared by
//! `tests/draft.rs` and `tests/chapter.rs`: a draft written beside a copy
//! of its text in a temporary folder, the codes `argmap check` reports on
//! it, and the agreement between what the draft wrote (each claim's anchor
//! and `cites`) and what `check` reads in the document (the paragraph each
//! anchor locates, the source each in-text citation names).
#![allow(
    dead_code,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing
)]

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use crate::common;

/// A draft in a temporary folder.
pub struct Draft {
    /// The folder: the map and a copy of its text.
    pub dir: tempfile::TempDir,
    /// The map's path.
    pub map: PathBuf,
    /// The map.
    pub toml: String,
    /// What `argmap draft` said on stderr.
    pub stderr: String,
}

/// Runs `argmap draft` on a copy of `text` in a new temporary folder,
/// writing `map.toml` beside it, from that folder.
pub fn draft_beside(text: &Path) -> Draft {
    let dir = tempfile::tempdir().unwrap();
    let name = text.file_name().unwrap();
    std::fs::copy(text, dir.path().join(name)).unwrap();
    let run = common::argmap(["draft".as_ref(), name, "-o".as_ref(), "map.toml".as_ref()])
        .current_dir(dir.path())
        .run();
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stdout.is_empty(), "{}", run.stdout);
    let map = dir.path().join("map.toml");
    let toml = std::fs::read_to_string(&map).unwrap();
    Draft {
        dir,
        map,
        toml,
        stderr: run.stderr,
    }
}

/// What `argmap check --format json MAP ARGS...` reports, counted by code
/// and severity (`("placeholder-text", "error")`).
pub fn codes(map: &Path, args: &[&str]) -> BTreeMap<(String, String), usize> {
    let run = common::argmap(["check", "--format", "json"])
        .arg(map)
        .args(args)
        .run();
    assert!(run.code <= 1, "{}", run.stderr);
    let v: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    let mut out = BTreeMap::new();
    for d in v["diagnostics"].as_array().unwrap() {
        let key = (
            d["code"].as_str().unwrap().to_owned(),
            d["severity"].as_str().unwrap().to_owned(),
        );
        *out.entry(key).or_insert(0) += 1;
    }
    out
}

/// The error-level codes of `codes`, with their counts.
pub fn errors(codes: &BTreeMap<(String, String), usize>) -> BTreeMap<&str, usize> {
    codes
        .iter()
        .filter(|((_, severity), _)| severity == "error")
        .map(|((code, _), n)| (code.as_str(), *n))
        .collect()
}

/// Holds the draft at `map` (its text readable from there) to what `check`
/// reads in its document: every claim with an anchor locates a paragraph
/// of the body, each paragraph is located once, and each claim cites
/// exactly the sources that its paragraph's in-text citations name.
/// Returns how many claims have an anchor.
pub fn assert_agrees_with_check(map: &Path) -> usize {
    let bytes = std::fs::read(map).unwrap();
    let checked = argmap::check::check_with(
        &map.display().to_string(),
        &bytes,
        &argmap::check::Options::default(),
    );
    let m = checked.map.as_ref().unwrap();
    let text = checked
        .against
        .text(&checked.texts)
        .expect("the draft's document text is read");
    let doc = &text.structure;
    let mut located = BTreeSet::new();
    let mut anchored = 0;
    for (i, c) in m.claims.iter().enumerate() {
        let id = &c.id.value;
        let para = checked.against.claim_paragraph[i];
        if c.anchor.is_none() {
            assert_eq!(para, None, "claim `{id}`");
            continue;
        }
        anchored += 1;
        let p = para.unwrap_or_else(|| panic!("claim `{id}` locates no paragraph"));
        assert!(
            doc.paragraphs[p].span.start < doc.body_end,
            "claim `{id}` is after the body"
        );
        assert!(located.insert(p), "claim `{id}`: paragraph {p} twice");
        let from = doc.citations.partition_point(|x| x.paragraph < p);
        let named: BTreeSet<&str> = (from..from + doc.citations_of(p).len())
            .filter_map(|k| checked.against.citation_source[k])
            .map(|si| m.sources[si].id.value.as_str())
            .collect();
        let cites: BTreeSet<&str> = c.cites.iter().map(|q| q.source.value.as_str()).collect();
        assert_eq!(cites, named, "claim `{id}`");
    }
    anchored
}
