//! Runs of words a string shares with a text, verbatim: the measure behind
//! the copy rules (`copied-text`) and the copy figures.
//!
//! Words are those of quote matching ([`super::normalize`]: NFKC, case,
//! quotes, dashes, hyphenation), with a word's inner apostrophe kept in it
//! (`china's` is one word), as `shared/tools/copycheck.py` counts them.
//!
//! The text is indexed once: every word gets an id, and every run of
//! [`SharedIndex::gram`] words a hash, chained to the earlier runs with the
//! same hash. A string is then looked up a window at a time, and only where
//! its window occurs in the text, so a map of any size costs time linear in
//! its words, never a scan of the text per field.

use std::collections::HashMap;
use std::hash::BuildHasher;
use std::ops::Range;

use hashbrown::{DefaultHashBuilder, HashTable};

use super::normalize::{Normalized, normalize};

/// A word of the string that the text does not have.
const ABSENT: u32 = u32::MAX;
/// No earlier occurrence.
const NONE: u32 = u32::MAX;
/// Most occurrences of one window looked at. A text that repeats one
/// phrase thousands of times (a hostile one) would otherwise cost each
/// window of a string that many comparisons.
const MAX_OCCURRENCES: usize = 64;

/// A word of a normalised text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CopyWord {
    /// Byte range in the normalised text.
    pub norm: Range<usize>,
    /// Byte range in the original text.
    pub orig: Range<usize>,
}

/// The words of a normalised text: quote-matching words, joined across an
/// inner apostrophe.
pub fn words(n: &Normalized) -> Vec<CopyWord> {
    let mut out: Vec<CopyWord> = Vec::with_capacity(n.words.len());
    for w in &n.words {
        let (start, end) = (w.start as usize, w.end as usize);
        if let Some(last) = out.last_mut()
            && last.norm.end + 1 == start
            && n.text.as_bytes().get(last.norm.end) == Some(&b'\'')
        {
            last.norm.end = end;
            last.orig.end = w.orig_end as usize;
            continue;
        }
        out.push(CopyWord {
            norm: start..end,
            orig: w.orig_start as usize..w.orig_end as usize,
        });
    }
    out
}

/// How many words `s` has, counted as [`words`] counts them.
pub fn count_words(s: &str) -> usize {
    words(&normalize(s)).len()
}

/// A run of words shared by a string and the text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Run {
    /// Index of its first word in the string.
    pub at: usize,
    /// Index of its first word in the text.
    pub text_word: usize,
    /// Its length in words.
    pub len: usize,
}

/// Texts indexed for shared runs: one index for every text of a map, so
/// that each string is looked up once, whatever the number of texts.
#[derive(Debug)]
pub struct SharedIndex {
    vocab: HashMap<String, u32, DefaultHashBuilder>,
    /// Word ids of the texts, one after the other, with [`BOUNDARY`]
    /// between two texts so that no run crosses from one into the next.
    ids: Vec<u32>,
    /// Byte in its own original text where each word starts.
    starts: Vec<u32>,
    /// The index in `ids` of each text's first word; one more at the end.
    texts: Vec<usize>,
    /// Words per window.
    gram: usize,
    hasher: DefaultHashBuilder,
    /// The last window of each distinct run of `gram` words, found by
    /// the hash of its words and compared in `ids`: four bytes a window.
    last: HashTable<u32>,
    /// Per window, the previous window with the same words.
    prev: Vec<u32>,
}

/// The id between two texts: no string's word has it.
const BOUNDARY: u32 = u32::MAX - 1;

impl SharedIndex {
    /// Indexes the words of `n` that start before byte `end` of the
    /// original, in windows of `gram` words (at least 1): runs shorter than
    /// `gram` are not found.
    pub fn new(n: &Normalized, end: usize, gram: usize) -> Self {
        Self::many([(n, end)], gram)
    }

    /// Indexes several texts, each `(normalised text, end)` as in
    /// [`SharedIndex::new`]; text `k` of the index is the `k`-th given.
    pub fn many<'a>(texts: impl IntoIterator<Item = (&'a Normalized, usize)>, gram: usize) -> Self {
        let gram = gram.max(1);
        let hasher = DefaultHashBuilder::default();
        let mut vocab: HashMap<String, u32, DefaultHashBuilder> = HashMap::default();
        let mut ids = Vec::new();
        let mut starts = Vec::new();
        let mut firsts = Vec::new();
        for (n, end) in texts {
            if !ids.is_empty() {
                ids.push(BOUNDARY);
                starts.push(0);
            }
            firsts.push(ids.len());
            for word in words(n) {
                if word.orig.start >= end {
                    break;
                }
                let w = n.text.get(word.norm).unwrap_or("");
                let next = u32::try_from(vocab.len()).unwrap_or(BOUNDARY - 1);
                let id = *vocab.entry(w.to_owned()).or_insert(next);
                ids.push(id);
                starts.push(u32::try_from(word.orig.start).unwrap_or(u32::MAX));
            }
        }
        firsts.push(ids.len());
        let windows = ids.len().saturating_sub(gram - 1);
        let mut last: HashTable<u32> = HashTable::new();
        let mut prev = Vec::with_capacity(windows);
        let window = |i: u32| ids.get(i as usize..i as usize + gram).unwrap_or(&[]);
        for i in 0..windows {
            let w = ids.get(i..i + gram).unwrap_or(&[]);
            if w.contains(&BOUNDARY) {
                prev.push(NONE);
                continue;
            }
            let h = hasher.hash_one(w);
            let i = u32::try_from(i).unwrap_or(NONE);
            match last.find_mut(h, |&j| window(j) == w) {
                Some(j) => prev.push(std::mem::replace(j, i)),
                None => {
                    prev.push(NONE);
                    last.insert_unique(h, i, |&j| hasher.hash_one(window(j)));
                }
            }
        }
        ids.shrink_to_fit();
        starts.shrink_to_fit();
        SharedIndex {
            vocab,
            ids,
            starts,
            texts: firsts,
            gram,
            hasher,
            last,
            prev,
        }
    }

    /// Words in the indexed part of text `k`.
    pub fn len_of(&self, k: usize) -> usize {
        match (self.texts.get(k), self.texts.get(k + 1)) {
            // The next text's first word follows a boundary.
            (Some(&a), Some(&b)) if k + 2 < self.texts.len() => b - 1 - a,
            (Some(&a), Some(&b)) => b - a,
            _ => 0,
        }
    }

    /// Words in the indexed part of the first (or only) text.
    pub fn len(&self) -> usize {
        self.len_of(0)
    }

    /// Whether the first text has no words.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The text that word `i` of the index is in.
    pub fn text_of(&self, i: usize) -> usize {
        self.texts
            .partition_point(|&first| first <= i)
            .saturating_sub(1)
    }

    /// The index of the first word of text `k` that starts at or after
    /// byte `at` of that text.
    pub fn word_at(&self, k: usize, at: usize) -> usize {
        let from = self.texts.get(k).copied().unwrap_or(0);
        let to = from + self.len_of(k);
        let within = self.starts.get(from..to).unwrap_or(&[]);
        from + within.partition_point(|&s| (s as usize) < at)
    }

    /// Byte in its own original text where word `i` starts.
    pub fn word_start(&self, i: usize) -> usize {
        self.starts.get(i).map_or(0, |&s| s as usize)
    }

    /// The ids of the words of `s`; words no text has get an id no text
    /// word has.
    pub fn encode(&self, s: &str) -> Vec<u32> {
        let n = normalize(s);
        words(&n)
            .into_iter()
            .map(|w| {
                n.text
                    .get(w.norm)
                    .and_then(|w| self.vocab.get(w))
                    .copied()
                    .unwrap_or(ABSENT)
            })
            .collect()
    }

    /// The maximal runs of at least `min` words (and of at least the
    /// index's window) that `field` (from [`SharedIndex::encode`]) shares
    /// with the texts: each run once per place it occurs.
    pub fn runs(&self, field: &[u32], min: usize) -> Vec<Run> {
        let g = self.gram;
        let mut out = Vec::new();
        if field.len() < g || self.ids.len() < g {
            return out;
        }
        for j in 0..=field.len() - g {
            let Some(window) = field.get(j..j + g) else {
                break;
            };
            if window.contains(&ABSENT) {
                continue;
            }
            let h = self.hasher.hash_one(window);
            let of = |j: u32| self.ids.get(j as usize..j as usize + g);
            let mut at = self
                .last
                .find(h, |&j| of(j) == Some(window))
                .copied()
                .unwrap_or(NONE);
            let mut seen = 0;
            while at != NONE && seen < MAX_OCCURRENCES {
                seen += 1;
                let i = at as usize;
                at = self.prev.get(i).copied().unwrap_or(NONE);
                // Not the start of a maximal run: found from its start.
                if j > 0 && i > 0 && field.get(j - 1) == self.ids.get(i - 1) {
                    continue;
                }
                let mut len = g;
                while field.get(j + len).is_some_and(|&w| w != ABSENT)
                    && field.get(j + len) == self.ids.get(i + len)
                {
                    len += 1;
                }
                if len >= min {
                    out.push(Run {
                        at: j,
                        text_word: i,
                        len,
                    });
                }
            }
        }
        out
    }
}

/// How many words of the text the runs cover together.
pub fn covered(runs: impl IntoIterator<Item = (usize, usize)>) -> usize {
    let mut spans: Vec<(usize, usize)> = runs.into_iter().map(|(s, l)| (s, s + l)).collect();
    spans.sort_unstable();
    let mut total = 0;
    let mut reach = 0;
    for (start, end) in spans {
        let start = start.max(reach);
        if end > start {
            total += end - start;
            reach = end;
        }
    }
    total
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

    use super::*;

    const TEXT: &str = "The Party\u{2019}s view of security changed after 2013. \
        The party-state built a comprehensive regulatory system for data transfers and storage. \
        A comprehensive regulatory system for data was the aim.";

    fn index(gram: usize) -> SharedIndex {
        SharedIndex::new(&normalize(TEXT), TEXT.len(), gram)
    }

    #[test]
    fn counts_words_as_copycheck_does() {
        assert_eq!(count_words("China\u{2019}s  view, of “security”"), 4);
        assert_eq!(count_words("state-run 2016–17"), 3);
        assert_eq!(index(1).len(), 29);
    }

    #[test]
    fn finds_maximal_runs_wherever_they_occur() {
        let ix = index(4);
        let f =
            ix.encode("It built a Comprehensive Regulatory System for Data transfers, they say");
        let runs = ix.runs(&f, 4);
        assert_eq!(
            runs,
            [
                Run {
                    at: 1,
                    text_word: 10,
                    len: 8
                },
                Run {
                    at: 2,
                    text_word: 20,
                    len: 6
                }
            ]
        );
        assert!(ix.runs(&f, 6).iter().all(|r| r.len >= 6));
        assert_eq!(ix.runs(&ix.encode("nothing shared here at all"), 4), []);
    }

    #[test]
    fn folds_apostrophes_case_and_dashes() {
        let ix = index(3);
        let f = ix.encode("THE PARTY'S VIEW OF SECURITY");
        assert_eq!(ix.runs(&f, 3).first().map(|r| r.len), Some(5));
    }

    #[test]
    fn several_texts_share_one_index_and_no_run_crosses_between_them() {
        let (a, b) = ("one two three four", "five six seven eight nine");
        let (na, nb) = (normalize(a), normalize(b));
        let ix = SharedIndex::many([(&na, a.len()), (&nb, b.len())], 3);
        assert_eq!((ix.len_of(0), ix.len_of(1)), (4, 5));
        let runs = ix.runs(&ix.encode("three four five six seven"), 3);
        assert_eq!(runs.len(), 1, "{runs:?}");
        let r = runs[0];
        assert_eq!((ix.text_of(r.text_word), r.len), (1, 3));
        assert_eq!(ix.word_start(r.text_word), 0);
        assert_eq!(ix.word_at(1, 5), r.text_word + 1);
    }

    #[test]
    fn coverage_merges_overlapping_runs() {
        assert_eq!(covered([(0, 5), (3, 5), (10, 2)]), 10);
        assert_eq!(covered([]), 0);
    }

    #[test]
    fn a_text_repeating_one_phrase_stays_cheap() {
        let text = "a b c d ".repeat(20_000);
        let ix = SharedIndex::new(&normalize(&text), text.len(), 4);
        let f = ix.encode(&"a b c d ".repeat(50));
        let runs = ix.runs(&f, 4);
        assert!(!runs.is_empty() && runs.len() <= MAX_OCCURRENCES * 200);
    }
}
