//! How much of its sources' texts a map reproduces: the runs of words each
//! of its strings shares with each text, the words it quotes from each, and
//! the figures that the summary and the report show. The copy rules
//! (`copied-text`, `quote-budget`) read what [`measure`] finds.
//!
//! A text's **body** is what comes before its reference list (see
//! [`crate::document`]); runs are looked for, and shares counted, in the
//! body only, as `shared/tools/copycheck.py` does. The strings are those of
//! [`Map::text_fields`]: every string but ids, references and `[sources]`.

use std::collections::HashSet;
use std::sync::{Arc, Mutex};

use rayon::prelude::*;

use crate::diag::Span;
use crate::document::heading_key;
use crate::model::{Field, Map, Owner};
use crate::quote::normalize::normalize;
use crate::quote::shared::{Run, SharedIndex, count_words, covered, words};
use crate::resolved::ResolvedMap;
use crate::texts::{SourceText, Texts};

/// The run length of the stricter copy figure.
pub const LONG_RUN: usize = 8;
/// The run length of the looser copy figure.
pub const SHORT_RUN: usize = 6;

/// How many of a text's longest quotes [`TextCopy`] keeps.
pub const LONGEST_QUOTES: usize = 3;

/// Maps with at least this many fields are measured on every core.
const PARALLEL_FIELDS: usize = 4_000;

/// What a map reproduces of each of its texts.
#[derive(Clone, Debug, Default)]
pub struct Copying {
    /// One per source that has a text, in source order.
    pub texts: Vec<TextCopy>,
}

/// What a map reproduces of one text.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct TextCopy {
    /// The source whose text it is (index into `map.sources`).
    pub source: usize,
    /// Words in the text's body.
    pub words: usize,
    /// Quotes from the text (anchor quotes of the map's document, and
    /// citation quotes of the source).
    pub quotes: usize,
    /// Words in those quotes.
    pub quoted: usize,
    /// The longest quotes: (words, where), longest first, at most
    /// [`LONGEST_QUOTES`].
    pub longest_quotes: Vec<(usize, Span)>,
    /// Words of the body covered by runs of [`LONG_RUN`] or more words
    /// shared with any of the map's strings.
    pub covered_long: usize,
    /// The same for runs of [`SHORT_RUN`] or more words.
    pub covered_short: usize,
    /// The longest shared run (at least the shorter of [`SHORT_RUN`] and
    /// the map's `copy-run`): its length and the field's path.
    pub longest: Option<(usize, String)>,
    /// Fields other than quotes that share a run of `copy-run` or more
    /// words with the text and are not exempt, each once, with its longest
    /// run.
    pub copied: Vec<Copied>,
}

impl TextCopy {
    /// `part` as a percentage of the body's words.
    pub fn percent(&self, part: usize) -> f64 {
        if self.words == 0 {
            0.0
        } else {
            part as f64 * 100.0 / self.words as f64
        }
    }
}

/// A field that copies a run of words from a text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Copied {
    /// The field, named for messages: "the text of claim `x`".
    pub what: String,
    /// Where the field's value is in the map.
    pub span: Span,
    /// The run's length in words.
    pub words: usize,
    /// The 1-based line of the text where the run starts.
    pub line: usize,
    /// The run as the field writes it, at most `quote-words` words of it.
    pub shown: String,
}

/// The index of the texts of the last measure, kept for the next one
/// while they are the same texts (the same shared values, which a
/// [`crate::texts::TextCache`] keeps while their files are unchanged).
#[derive(Debug, Default)]
pub struct IndexCache {
    last: Mutex<Option<IndexOf>>,
    /// The runs each string of the last measure shares with the texts of
    /// the index in `last`: after an edit, only the strings it changed are
    /// looked up again.
    runs: Mutex<std::collections::HashMap<String, Vec<Run>>>,
}

/// An index, and what it was built of.
#[derive(Debug)]
struct IndexOf {
    texts: Vec<Arc<SourceText>>,
    gram: usize,
    index: Arc<SharedIndex>,
}

/// Measures what `map` reproduces of each text in `texts`: one index of
/// every text (from `cache` when it holds the index of the same texts),
/// and each string of the map looked up in it once.
pub fn measure(
    map: &Map,
    resolved: &ResolvedMap,
    texts: &Texts,
    cache: Option<&IndexCache>,
) -> Copying {
    let read: Vec<(usize, &SourceText)> = (0..map.sources.len())
        .filter_map(|i| Some((i, texts.get(i)?)))
        .collect();
    if read.is_empty() {
        return Copying::default();
    }
    let build = || {
        Arc::new(SharedIndex::many(
            read.iter()
                .map(|(_, t)| (t.index.normalized(), t.structure.body_end)),
            gram(map),
        ))
    };
    let shared: Vec<Arc<SourceText>> = read
        .iter()
        .filter_map(|(i, _)| texts.shared(*i).cloned())
        .collect();
    let index = match cache.and_then(|c| c.last.lock().ok()) {
        Some(mut last) => {
            let same = last.as_ref().is_some_and(|l| {
                l.gram == gram(map)
                    && l.texts.len() == shared.len()
                    && l.texts.iter().zip(&shared).all(|(a, b)| Arc::ptr_eq(a, b))
            });
            match last.as_ref().filter(|_| same) {
                Some(l) => Arc::clone(&l.index),
                None => {
                    if let Some(c) = cache
                        && let Ok(mut runs) = c.runs.lock()
                    {
                        runs.clear();
                    }
                    let index = build();
                    *last = Some(IndexOf {
                        texts: shared,
                        gram: gram(map),
                        index: Arc::clone(&index),
                    });
                    index
                }
            }
        }
        None => build(),
    };
    let quotes = quotes_by_source(map, resolved);
    let fields = map.text_fields();
    let g = gram(map);
    let find = |f: &Field<'_>| {
        // Most locators (`p. 3`) are too short to hold a run: not
        // normalised at all.
        if at_most_words(&f.value.value) < g {
            return Vec::new();
        }
        index.runs(&index.encode(&f.value.value), 1)
    };
    // The runs of the strings the last measure looked up, from the cache.
    let known: Vec<Option<Vec<Run>>> = match cache.and_then(|c| c.runs.lock().ok()) {
        Some(runs) => fields
            .iter()
            .map(|f| runs.get(f.value.value.as_str()).cloned())
            .collect(),
        None => vec![None; fields.len()],
    };
    let look = |(f, known): (&Field<'_>, Option<Vec<Run>>)| known.unwrap_or_else(|| find(f));
    let runs: Vec<Vec<Run>> = if fields.len() < PARALLEL_FIELDS {
        fields.iter().zip(known).map(look).collect()
    } else {
        fields.par_iter().zip(known).map(look).collect()
    };
    if let Some(c) = cache
        && let Ok(mut cached) = c.runs.lock()
    {
        *cached = fields
            .iter()
            .zip(&runs)
            .map(|(f, r)| (f.value.value.clone(), r.clone()))
            .collect();
    }
    // The runs as (text, field, run), grouped by text, fields in order.
    let mut found: Vec<(usize, usize, Run)> = runs
        .into_iter()
        .enumerate()
        .flat_map(|(f, rs)| rs.into_iter().map(move |r| (f, r)))
        .map(|(f, r)| (index.text_of(r.text_word), f, r))
        .collect();
    found.sort_by_key(|&(k, f, _)| (k, f));
    let texts = read
        .iter()
        .enumerate()
        .map(|(k, &(source, text))| {
            let from = found.partition_point(|&(t, _, _)| t < k);
            let to = found.partition_point(|&(t, _, _)| t <= k);
            let title = map
                .sources
                .get(source)
                .and_then(|s| s.title.as_ref())
                .map(|t| t.as_str());
            let place = Place {
                index: &index,
                k,
                source,
                text,
                title,
            };
            let runs: Vec<(usize, Run)> = found
                .get(from..to)
                .unwrap_or(&[])
                .iter()
                .map(|&(_, f, r)| (f, r))
                .collect();
            let of_source = quotes.get(source).map_or(&[][..], Vec::as_slice);
            measure_text(map, &fields, &runs, &place, of_source)
        })
        .collect();
    Copying { texts }
}

/// Runs of at least this many words are found.
fn gram(map: &Map) -> usize {
    map.limits.copy_run().min(SHORT_RUN)
}

/// One text of the index.
struct Place<'a> {
    index: &'a SharedIndex,
    /// Its number in the index.
    k: usize,
    /// Its source (index into `map.sources`).
    source: usize,
    text: &'a SourceText,
    /// The source's title.
    title: Option<&'a str>,
}

/// What `map` reproduces of one text, from `runs`: (field, run) pairs of
/// that text, in field order.
fn measure_text(
    map: &Map,
    fields: &[Field<'_>],
    runs: &[(usize, Run)],
    p: &Place<'_>,
    quotes: &[(usize, Span)],
) -> TextCopy {
    let (index, text) = (p.index, p.text);
    let span_of = |r: &Run| (r.text_word, r.len);
    let all = || runs.iter().map(|(_, r)| r);
    let covered_long = covered(all().filter(|r| r.len >= LONG_RUN).map(span_of));
    let covered_short = covered(all().filter(|r| r.len >= SHORT_RUN).map(span_of));
    let longest = runs
        .iter()
        .fold(None::<(usize, usize)>, |best, &(f, r)| match best {
            Some((b, _)) if b >= r.len => best,
            _ => Some((r.len, f)),
        })
        .and_then(|(len, f)| Some((len, map.field_path(fields.get(f)?))));

    // Naming the text's parts is not copying them.
    let mut names: HashSet<Vec<String>> = text
        .structure
        .headings
        .iter()
        .map(|h| heading_key(&h.text))
        .collect();
    names.extend(p.title.map(heading_key));
    // The words of each heading, as ranges of the index's words: a run
    // within one names a part of the text (`at = "Findings ¶2"`).
    let heading_words: Vec<(usize, usize)> = text
        .structure
        .headings
        .iter()
        .filter(|h| h.span.start < text.structure.body_end)
        .map(|h| {
            (
                index.word_at(p.k, h.span.start),
                index.word_at(p.k, h.span.end),
            )
        })
        .collect();
    let within_heading = |r: &&Run| {
        heading_words
            .iter()
            .any(|&(a, b)| a <= r.text_word && r.text_word + r.len <= b)
    };
    let min = map.limits.copy_run();
    let shown_words = map.limits.quote_words();
    let mut copied = Vec::new();
    let mut k = 0;
    while let Some(&(fi, _)) = runs.get(k) {
        // The runs of field `fi`: runs[k..end].
        let end = k + runs
            .get(k..)
            .map_or(0, |rest| rest.iter().take_while(|(g, _)| *g == fi).count());
        let of_field = runs.get(k..end).unwrap_or(&[]);
        k = end;
        let Some(f) = fields.get(fi) else { continue };
        if f.is_quote() {
            continue;
        }
        let Some(run) = of_field
            .iter()
            .map(|(_, r)| r)
            .filter(|r| r.len >= min && !within_heading(r))
            .max_by_key(|r| r.len)
        else {
            continue;
        };
        let names_a_part = matches!(
            (f.owner, f.key),
            (Owner::Map, "title") | (Owner::Section(_), "title" | "heading")
        ) && names.contains(&heading_key(&f.value.value));
        if names_a_part {
            continue;
        }
        copied.push(Copied {
            what: map.field_what(f),
            span: f.value.span.clone(),
            words: run.len,
            line: text.index.line(index.word_start(run.text_word)),
            shown: shown(&f.value.value, run, shown_words),
        });
    }

    let mut longest_quotes: Vec<(usize, Span)> = quotes.to_vec();
    longest_quotes.sort_by_key(|(n, span)| (std::cmp::Reverse(*n), span.start));
    longest_quotes.truncate(LONGEST_QUOTES);
    TextCopy {
        source: p.source,
        words: index.len_of(p.k),
        quotes: quotes.len(),
        quoted: quotes.iter().map(|(n, _)| n).sum(),
        longest_quotes,
        covered_long,
        covered_short,
        longest,
        copied,
    }
}

/// At least as many words as ASCII `s` has once normalised: its runs of
/// letters and digits (normalising ASCII joins words and never splits
/// one). Any other string may have more words: `usize::MAX`.
fn at_most_words(s: &str) -> usize {
    if !s.is_ascii() {
        return usize::MAX;
    }
    let mut n = 0;
    let mut in_word = false;
    for b in s.bytes() {
        let w = b.is_ascii_alphanumeric();
        n += usize::from(w && !in_word);
        in_word = w;
    }
    n
}

/// Per source (index into `map.sources`), the length in words and the
/// place of each of its quotes: the anchor quotes for the map's document,
/// and the quotes of the citations of it. One pass over the claims.
fn quotes_by_source(map: &Map, r: &ResolvedMap) -> Vec<Vec<(usize, Span)>> {
    let mut out = vec![Vec::new(); map.sources.len()];
    let document = r.document;
    let mut add = |source: Option<usize>, q: &crate::model::Sp<String>| {
        if let Some(list) = source.and_then(|s| out.get_mut(s)) {
            list.push((count_words(&q.value), q.span.clone()));
        }
    };
    for (i, c) in map.claims.iter().enumerate() {
        if let Some(q) = c.anchor.as_ref().and_then(|a| a.quote.as_ref()) {
            add(document, q);
        }
        for (cite, s) in c.cites.iter().zip(r.cites.of(i)) {
            if let Some(q) = &cite.quote {
                add(*s, q);
            }
        }
    }
    out
}

/// The words of `run` as `field` writes them, at most `max` of them.
fn shown(field: &str, run: &Run, max: usize) -> String {
    let n = normalize(field);
    let w = words(&n);
    let take = run.len.min(max.max(1));
    let (Some(first), Some(last)) = (w.get(run.at), w.get(run.at + take - 1)) else {
        return String::new();
    };
    let s = field.get(first.orig.start..last.orig.end).unwrap_or("");
    let s = s.split_whitespace().collect::<Vec<_>>().join(" ");
    if take < run.len {
        format!("{s} …")
    } else {
        s
    }
}
