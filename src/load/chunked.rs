//! Loading a large map in chunks, on every core, in bounded memory.
//!
//! Parsing a whole file into a spanned TOML tree costs about 20 bytes of
//! memory per byte of the file (tokens, events, then the tree), and a
//! 100,000-claim map is 26 MB. So a large file is cut at table headers
//! (`[claims.x]` at the start of a line) into chunks of about
//! [`CHUNK_BYTES`]; each chunk is parsed and walked into a part of the model
//! on its own, in parallel, and its tree is dropped at once. The parts are
//! joined in file order.
//!
//! The result must be exactly that of parsing the whole file, so chunks are
//! used only when that is certain, and otherwise the caller parses the whole
//! file ([`load`] returns `None`):
//!
//! - every chunk parses without error. A cut inside a multi-line string,
//!   array or inline table leaves the chunk before it unterminated, so a
//!   cut in the wrong place always shows up here;
//! - a top-level key found in several chunks is one of the item tables
//!   (`claims`, `sources`, ...), created in each chunk only by headers such
//!   as `[claims.x]` (not `[claims]`, an inline table or dotted keys), and
//!   no item id is in two chunks. Then no key is defined twice across
//!   chunks, so the whole file has no error that the chunks lack, and its
//!   tree is the union of theirs;
//! - the loader's findings stay under its limit, so none is dropped in an
//!   order that would differ.
//!
//! Spans within a chunk are shifted by the chunk's offset in the file.
//!
//! A [`LoadCache`] keeps the chunks of the last load, each walked with its
//! own spans: loading the file again after an edit (the language server's
//! check) parses only the chunks whose bytes changed, and takes the others
//! from the cache, moved to their new place. An edit moves the chunk
//! boundaries after it only when it changes which header ends its own
//! chunk; every later chunk then starts at the same header as before.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasher, Hash, Hasher};
use std::ops::Range;
use std::sync::{Arc, Mutex};

use rayon::prelude::*;
use toml::de::{DeTable, DeValue};

use super::walk::{MAX_LOAD_FINDINGS, Walker};
use crate::diag::{Diagnostic, Label, Span, Suggestion};
use crate::model::{Map, Spans};

/// About this many bytes per chunk. Smaller chunks leave less garbage
/// between the model's allocations: 64 KiB gave the lowest peak memory.
pub(super) const CHUNK_BYTES: usize = 64 * 1024;

/// Files smaller than this (about 4,000 claims) are parsed whole.
pub(super) const MIN_CHUNKED_BYTES: usize = 1024 * 1024;

/// The tables whose items may be spread over several chunks.
const ITEM_TABLES: [&str; 5] = ["sections", "actors", "sources", "claims", "arguments"];

/// The chunks of the last load of a file, by the hash of their bytes.
#[derive(Debug, Default)]
pub struct LoadCache {
    parts: Mutex<HashMap<u64, Arc<Cached>>>,
    /// One hasher for every load through the cache (a new one would hash
    /// the same bytes differently).
    hasher: hashbrown::DefaultHashBuilder,
}

/// A chunk's bytes, and what they parse and walk into, with the chunk's
/// own spans.
#[derive(Debug)]
struct Cached {
    text: String,
    part: Part,
}

/// The model and sorted findings of `text`, loaded in chunks; `None` when
/// the file is small or chunks cannot be used (see the module docs). Chunks
/// in `cache` are not parsed again, and the cache is left holding this
/// load's chunks.
pub(super) fn load(text: &str, cache: Option<&LoadCache>) -> Option<(Map, Vec<Diagnostic>)> {
    if text.len() < MIN_CHUNKED_BYTES {
        return None;
    }
    load_with(text, CHUNK_BYTES, cache)
}

/// [`load`] with chunks of about `chunk_bytes` (at least 1), whatever the
/// size of `text`.
pub(super) fn load_with(
    text: &str,
    chunk_bytes: usize,
    cache: Option<&LoadCache>,
) -> Option<(Map, Vec<Diagnostic>)> {
    let starts = boundaries(text, chunk_bytes.max(1));
    let ranges: Vec<Range<usize>> = starts
        .iter()
        .zip(starts.iter().skip(1).chain([&text.len()]))
        .map(|(&a, &b)| a..b)
        .collect();
    let parts = match cache {
        Some(cache) => parse_cached(text, &ranges, cache)?,
        None => parse_all(text, &ranges)?,
    };
    join(parts)
}

/// [`parse_all`], taking the chunks found in `cache` from it.
fn parse_cached(text: &str, ranges: &[Range<usize>], cache: &LoadCache) -> Option<Vec<Part>> {
    let hasher = &cache.hasher;
    let keyed: Vec<(u64, &str, usize)> = ranges
        .iter()
        .map(|r| {
            let chunk = text.get(r.clone()).unwrap_or("");
            (hasher.hash_one(chunk), chunk, r.start)
        })
        .collect();
    let found: Vec<Option<Arc<Cached>>> = match cache.parts.lock() {
        Ok(old) => keyed
            .iter()
            .map(|(h, chunk, _)| old.get(h).filter(|c| c.text == *chunk).cloned())
            .collect(),
        Err(_) => vec![None; keyed.len()],
    };
    let parts: Vec<(u64, Arc<Cached>, usize)> = keyed
        .par_iter()
        .zip(found)
        .map(|(&(h, chunk, offset), hit)| {
            let cached = match hit {
                Some(c) => c,
                None => Arc::new(Cached {
                    text: chunk.to_owned(),
                    part: part(chunk, 0..chunk.len())?,
                }),
            };
            Some((h, cached, offset))
        })
        .collect::<Option<_>>()?;
    // The cache keeps this load's chunks (a failed load left it as it was,
    // for the edit that mends the file).
    if let Ok(mut p) = cache.parts.lock() {
        *p = parts.iter().map(|(h, c, _)| (*h, Arc::clone(c))).collect();
    }
    Some(
        parts
            .into_par_iter()
            .map(|(_, c, offset)| {
                let mut part = c.part.clone();
                if offset > 0 {
                    part.map.shift_spans(offset);
                    for d in &mut part.diagnostics {
                        shift_diagnostic(d, offset);
                    }
                }
                part
            })
            .collect(),
    )
}

/// Where chunks start: 0, then the first table header (a line starting
/// with `[` but not `[[`) at least `chunk_bytes` after the previous start.
fn boundaries(text: &str, chunk_bytes: usize) -> Vec<usize> {
    let bytes = text.as_bytes();
    let mut starts = vec![0];
    let mut from = chunk_bytes;
    while from < bytes.len() {
        // A header at `from` itself is preceded by the newline at `from - 1`.
        let Some(found) = bytes
            .get(from - 1..)
            .and_then(|rest| memchr::memmem::find(rest, b"\n["))
        else {
            break;
        };
        let at = from + found; // the `[`
        if bytes.get(at + 1) == Some(&b'[') {
            from = at + 1;
            continue;
        }
        starts.push(at);
        from = at + chunk_bytes;
    }
    starts
}

/// A top-level key of a chunk.
#[derive(Clone, Debug)]
struct TopKey {
    name: String,
    /// Created only by a table header of more than one part
    /// (`[claims.x]`), so other chunks may add to it.
    plain: bool,
    /// A hash of each of its keys, when it is an item table. Two ids with
    /// the same hash only make the chunks refused, never wrongly used.
    ids: Vec<u64>,
}

/// One chunk, parsed and walked.
#[derive(Clone, Debug)]
struct Part {
    map: Map,
    diagnostics: Vec<Diagnostic>,
    dropped: usize,
    saw_map: bool,
    keys: Vec<TopKey>,
}

/// Parses and walks every chunk, on every core; `None` if a chunk is not
/// valid TOML.
fn parse_all(text: &str, ranges: &[Range<usize>]) -> Option<Vec<Part>> {
    ranges.par_iter().map(|r| part(text, r.clone())).collect()
}

/// Parses and walks the chunk `range` of `text`.
fn part(text: &str, range: Range<usize>) -> Option<Part> {
    let offset = range.start;
    let src = text.get(range)?;
    let (doc, errors) = DeTable::parse_recoverable(src);
    if !errors.is_empty() {
        return None;
    }
    let doc = doc.get_ref();
    let mut keys = Vec::with_capacity(doc.len());
    for (k, v) in doc {
        let name: &str = k.get_ref();
        let before = src.get(..k.span().start).unwrap_or("");
        let plain = v.span() == k.span() && before.trim_end_matches([' ', '\t']).ends_with('[');
        let ids = match v.get_ref() {
            DeValue::Table(t) if ITEM_TABLES.contains(&name) => t
                .keys()
                .map(|id| {
                    let mut h = std::hash::DefaultHasher::new();
                    (name, id.get_ref().as_ref()).hash(&mut h);
                    h.finish()
                })
                .collect(),
            _ => Vec::new(),
        };
        keys.push(TopKey {
            name: name.to_owned(),
            plain,
            ids,
        });
    }
    let mut walker = Walker::default();
    let mut map = Map::default();
    let saw_map = walker.tables(doc, &mut map);
    let (mut diagnostics, dropped) = walker.into_diagnostics();
    if offset > 0 {
        map.shift_spans(offset);
        for d in &mut diagnostics {
            shift_diagnostic(d, offset);
        }
    }
    Some(Part {
        map,
        diagnostics,
        dropped,
        saw_map,
        keys,
    })
}

/// Joins the parts in order, or `None` when they may differ from the whole
/// file (see the module docs).
fn join(parts: Vec<Part>) -> Option<(Map, Vec<Diagnostic>)> {
    let mut chunks_of: HashMap<&str, (usize, bool)> = HashMap::new();
    for key in parts.iter().flat_map(|p| &p.keys) {
        let e = chunks_of.entry(key.name.as_str()).or_insert((0, true));
        e.0 += 1;
        e.1 &= key.plain;
    }
    for (name, (chunks, plain)) in &chunks_of {
        if *chunks > 1 && !(*plain && ITEM_TABLES.contains(name)) {
            return None;
        }
    }
    let mut ids: HashSet<u64> = HashSet::new();
    for key in parts.iter().flat_map(|p| &p.keys) {
        if chunks_of.get(key.name.as_str()).is_some_and(|c| c.0 > 1) {
            for id in &key.ids {
                if !ids.insert(*id) {
                    return None;
                }
            }
        }
    }
    drop(ids);
    let findings: usize = parts.iter().map(|p| p.diagnostics.len() + p.dropped).sum();
    if findings > MAX_LOAD_FINDINGS {
        return None;
    }

    let mut map = Map::default();
    let total = |f: fn(&Map) -> usize| parts.iter().map(|p| f(&p.map)).sum::<usize>();
    map.sections.reserve_exact(total(|m| m.sections.len()));
    map.actors.reserve_exact(total(|m| m.actors.len()));
    map.sources.reserve_exact(total(|m| m.sources.len()));
    map.claims.reserve_exact(total(|m| m.claims.len()));
    map.arguments.reserve_exact(total(|m| m.arguments.len()));
    let mut diagnostics = Vec::with_capacity(findings + 1);
    let mut saw_map = false;
    for part in parts {
        let Part {
            map: m,
            diagnostics: d,
            saw_map: saw,
            ..
        } = part;
        // `[map]` and `[lints]` are each in one chunk at most (checked above).
        if saw {
            map.meta = m.meta;
        }
        if !m.lints.is_empty() {
            map.lints = m.lints;
        }
        if m.limits.span != (0..0) {
            map.limits = m.limits;
        }
        saw_map |= saw;
        map.sections.extend(m.sections);
        map.actors.extend(m.actors);
        map.sources.extend(m.sources);
        map.claims.extend(m.claims);
        map.arguments.extend(m.arguments);
        diagnostics.extend(d);
    }
    let mut walker = Walker::default();
    walker.finish(&mut map, saw_map);
    diagnostics.extend(walker.into_diagnostics().0);
    diagnostics.sort_by_key(|d| d.span.start);
    Some((map, diagnostics))
}

fn shift(span: &mut Span, by: usize) {
    span.start += by;
    span.end += by;
}

/// Shifts every span of a finding.
fn shift_diagnostic(d: &mut Diagnostic, by: usize) {
    let Diagnostic {
        code: _,
        severity: _,
        message: _,
        span,
        label: _,
        secondary,
        notes: _,
        help: _,
        section: _,
        suggestions,
        closest: _,
    } = d;
    shift(span, by);
    for Label { span, message: _ } in secondary {
        shift(span, by);
    }
    for Suggestion {
        span,
        replacement: _,
    } in suggestions
    {
        shift(span, by);
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

    use super::*;

    /// The model and findings of parsing `text` whole, as `load` does.
    fn whole(text: &str) -> Option<(Map, Vec<Diagnostic>)> {
        let (doc, errors) = DeTable::parse_recoverable(text);
        if !errors.is_empty() {
            return None;
        }
        let mut walker = Walker::default();
        let map = walker.map(doc.get_ref());
        let (mut diagnostics, _) = walker.into_diagnostics();
        diagnostics.sort_by_key(|d| d.span.start);
        Some((map, diagnostics))
    }

    fn same(a: &(Map, Vec<Diagnostic>), b: &(Map, Vec<Diagnostic>)) -> bool {
        let view = |m: &Map| {
            format!(
                "{:?}",
                (
                    &m.meta,
                    &m.lints,
                    &m.limits,
                    &m.sections,
                    &m.actors,
                    &m.sources,
                    &m.claims,
                    &m.arguments,
                    m.items()
                        .map(|(r, id)| (m.lookup(&id.value) == Some(r), r))
                        .collect::<Vec<_>>()
                )
            )
        };
        view(&a.0) == view(&b.0) && a.1 == b.1
    }

    /// Chunked at every header, `text` loads as it does whole, or chunks
    /// are refused; returns whether they were used.
    fn check(text: &str) -> bool {
        let chunked = load_with(text, 1, None);
        if let Some(c) = &chunked {
            let w = whole(text).expect("chunks parsed, so the whole file must");
            assert!(same(c, &w), "chunked and whole differ for:\n{text}");
        }
        chunked.is_some()
    }

    /// Loading again through a cache after each edit gives what a load
    /// without it gives, whether the edit moves chunk boundaries or not.
    #[test]
    fn a_cache_gives_what_a_fresh_load_gives_after_every_edit() {
        let mut text = String::from("[map]\ntitle = \"t\"\n");
        for i in 0..60 {
            text.push_str(&format!(
                "\n[claims.c{i}]\ntext = \"claim {i}\"\nsupports = [\"c{}\"]\n",
                i + 1
            ));
        }
        let edits: [&dyn Fn(&str) -> String; 5] = [
            &|t| t.replacen("claim 10", "claim ten", 1),
            &|t| t.replacen("supports = [\"c31\"]\n", "", 1),
            &|t| {
                t.replacen(
                    "[claims.c20]",
                    "[claims.new]\ntext = \"new\"\n\n[claims.c20]",
                    1,
                )
            },
            &|t| t.replacen("[claims.c40]", "[claims.c41]", 1),
            &|t| t.replacen("claim 50\"", "claim 50", 1),
        ];
        for chunk in [1, 150] {
            let cache = LoadCache::default();
            let mut current = text.clone();
            load_with(&current, chunk, Some(&cache));
            for edit in edits {
                current = edit(&current);
                let cached = load_with(&current, chunk, Some(&cache));
                let fresh = load_with(&current, chunk, None);
                match (&cached, &fresh) {
                    (Some(c), Some(f)) => assert!(same(c, f), "chunks of {chunk}:\n{current}"),
                    (None, None) => {}
                    _ => panic!("the cache changed whether chunks are used"),
                }
            }
            assert!(!cache.parts.lock().unwrap().is_empty());
        }
    }

    #[test]
    fn every_fixture_loads_the_same_in_chunks() {
        let mut dirs = vec![std::path::PathBuf::from("tests"), "maps".into()];
        let mut used = 0;
        while let Some(dir) = dirs.pop() {
            let Ok(entries) = std::fs::read_dir(&dir) else {
                continue;
            };
            for entry in entries.flatten() {
                let path = entry.path();
                if path.is_dir() {
                    dirs.push(path);
                } else if path.extension().is_some_and(|e| e == "toml")
                    && let Ok(text) = std::fs::read_to_string(&path)
                {
                    used += usize::from(check(&text));
                }
            }
        }
        assert!(used > 20, "chunks were used for only {used} fixtures");
    }

    #[test]
    fn a_large_map_with_problems_loads_the_same_in_chunks() {
        use std::fmt::Write as _;
        let mut text = String::from("[map]\ntitle = \"Big\"\nthesis = \"c0\"\n\n");
        for i in 0..3000 {
            let _ = write!(
                text,
                "[claims.c{i}]\ntext = \"Claim {i} \u{2014} \u{201c}quoted\u{201d}\"\n\
                 section = \"s{}\"\ncites = [\"src{}\", {{ source = \"src0\", at = \"p. {i}\" }}]\n",
                i % 7,
                i % 11
            );
            if i > 0 {
                let _ = writeln!(text, "supports = [\"c{}\"]", i - 1);
            }
            match i % 97 {
                0 => text.push_str("colour = \"red\"\n"),
                1 => text.push_str("by = \"not-a-list\"\n"),
                2 => text.push_str("anchor = { at = 3, quote = \"q\" }\n"),
                _ => {}
            }
            if i % 500 == 0 {
                let _ = write!(
                    text,
                    "\n[sources.src{}]\ntitle = \"Source\"\nyear = 2020\n",
                    i / 500
                );
                let _ = write!(
                    text,
                    "\n[arguments.a{i}]\npremises = [\"c{i}\"]\nconclusion = \"c0\"\n"
                );
            }
            text.push('\n');
        }
        for chunk in [1, 4096, 65536] {
            assert!(check(&text) && load_with(&text, chunk, None).is_some());
            let c = load_with(&text, chunk, None).unwrap();
            let w = whole(&text).unwrap();
            assert!(same(&c, &w), "chunks of {chunk}");
            assert!(w.1.len() > 50, "the map has problems to compare");
        }
    }

    #[test]
    fn spans_and_findings_are_shifted() {
        let text = "[map]\ntitle = \"t\"\n[claims.a]\ntext = \"A\"\nsupports = [\"b\"]\n\
                    [sources.s]\ntitle = 3\n[claims.b]\ntext = \"B\"\ncolour = 1\n\
                    [arguments.x]\npremises = [\"a\"]\nconclusion = \"b\"\n";
        assert!(check(text));
        let (map, diags) = load_with(text, 1, None).unwrap();
        let b = &map.claims[1];
        assert_eq!(&text[b.id.span.clone()], "b");
        assert_eq!(diags.len(), 2);
        assert_eq!(&text[diags[0].span.clone()], "3");
        assert_eq!(&text[diags[1].span.clone()], "colour");
        assert_eq!(map.lookup("x").map(|r| r.index), Some(0));
    }

    #[test]
    fn refuses_what_only_the_whole_file_would_catch() {
        for text in [
            // Defined twice across chunks.
            "[map]\ntitle = \"t\"\n[claims.a]\ntext = \"A\"\n[claims.a]\ntext = \"B\"\n",
            // An inline table extended by a header.
            "claims = { a = { text = \"A\" } }\n[claims.b]\ntext = \"B\"\n",
            // An explicit `[claims]` twice.
            "[claims]\n[sources.s]\ntitle = \"S\"\n[claims]\n",
            // A dotted key redefined by a header.
            "[map]\ntitle = \"t\"\n[claims.a]\ntext = \"A\"\n[claims.a.extra]\nx = 1\n",
            // `[map]` spread over chunks.
            "[map]\ntitle = \"t\"\n[map.more]\nx = 1\n",
            // A cut inside a multi-line string.
            "[map]\ntitle = \"\"\"\n[claims.a]\n\"\"\"\n[claims.b]\ntext = \"B\"\n",
            // A cut inside a multi-line array.
            "[map]\ntitle = \"t\"\nx = [\n[1],\n]\n[claims.b]\ntext = \"B\"\n",
        ] {
            assert!(!check(text), "chunks used for:\n{text}");
        }
    }

    #[test]
    fn cuts_only_at_headers() {
        let text = "[map]\ntitle = \"t\"\n[[x]]\n[claims.a]\ntext = \"[not]\"\n[claims.b]\n";
        let starts = boundaries(text, 1);
        let lines: Vec<&str> = starts
            .iter()
            .map(|&s| text[s..].lines().next().unwrap())
            .collect();
        assert_eq!(lines, ["[map]", "[claims.a]", "[claims.b]"]);
        assert_eq!(boundaries(text, 10_000), [0]);
    }
}
