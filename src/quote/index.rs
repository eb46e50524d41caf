//! An index of a source text for quote lookups: the normalised text and the
//! positions of every word, so that a quote is found by checking only the
//! places where its rarest word occurs, never by scanning the whole text.

use std::collections::HashMap;
use std::hash::BuildHasher;

use hashbrown::{DefaultHashBuilder, HashTable};

use super::normalize::{Normalized, normalize, normalize_long};

/// Words that occur more often than this are not used to locate the closest
/// passage of a quote that was not found (they carry little information).
const MAX_VOTES_PER_WORD: usize = 2_000;
/// Words of context shown around the closest passage on each side.
const CONTEXT_WORDS: usize = 2;

/// A source text, normalised and indexed.
#[derive(Debug)]
pub struct TextIndex {
    original: String,
    norm: Normalized,
    /// Distinct words, each by its id: an index into `first`. The table
    /// holds only ids; words are compared in `norm`, so that the index
    /// costs about ten bytes per distinct word and four per word, not a
    /// string and a list for every distinct word.
    table: HashTable<u32>,
    /// foldhash, seeded per process: fast, and not open to crafted
    /// collisions.
    hasher: DefaultHashBuilder,
    /// Per word id, the index in `norm.words` of its first occurrence.
    first: Vec<u32>,
    /// Per word id, where its occurrences start in `grouped`; one more
    /// entry at the end.
    starts: Vec<u32>,
    /// The indices in `norm.words` of every word, grouped by word id, each
    /// group in text order.
    grouped: Vec<u32>,
    line_starts: Vec<usize>,
}

/// Where a found quote is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Found {
    /// 1-based line in the text where it starts.
    pub line: usize,
}

/// The passage of the text closest to a quote that was not found.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Closest {
    /// 1-based line in the text where the passage starts.
    pub line: usize,
    /// The passage as written in the text, whitespace folded.
    pub passage: String,
    /// Word-level differences, word by word: the words of the quote and
    /// of the passage, each marked as in both, in the quote only or in the
    /// text only ([`marked`] writes them as `the bridge [-should-] {+must+}
    /// be rebuilt`).
    pub diff: Vec<DiffWord>,
    /// Whether the words agree and only punctuation or spacing differs.
    pub words_agree: bool,
}

/// Which side of a word diff a word is on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Side {
    /// In the quote and the text.
    Both,
    /// In the quote only: the text lacks it.
    Quote,
    /// In the text only: the quote lacks it.
    Text,
}

/// One word of a word diff, as written in the quote (or, for a word of the
/// text only, in the text).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DiffWord {
    /// Where the word is.
    pub side: Side,
    /// The word.
    pub word: String,
}

impl DiffWord {
    /// The word with its mark: `word`, `[-word-]` (quote only) or
    /// `{+word+}` (text only).
    pub fn marked(&self) -> String {
        match self.side {
            Side::Both => self.word.clone(),
            Side::Quote => format!("[-{}-]", self.word),
            Side::Text => format!("{{+{}+}}", self.word),
        }
    }
}

/// A word diff as one line: `the bridge [-should-] {+must+} be rebuilt`.
pub fn marked(diff: &[DiffWord]) -> String {
    let words: Vec<String> = diff.iter().map(DiffWord::marked).collect();
    words.join(" ")
}

impl TextIndex {
    /// Normalises and indexes `text`.
    pub fn new(mut text: String) -> Self {
        // Kept for the life of the index: no spare capacity.
        text.shrink_to_fit();
        let mut norm = normalize_long(&text);
        norm.words.shrink_to_fit();
        let hasher = DefaultHashBuilder::default();
        let word = |i: u32| norm.words.get(i as usize).map_or("", |w| w.of(&norm));
        let mut table: HashTable<u32> = HashTable::new();
        let mut first: Vec<u32> = Vec::new();
        let mut counts: Vec<u32> = Vec::new();
        let mut ids: Vec<u32> = Vec::with_capacity(norm.words.len());
        for i in 0..u32::try_from(norm.words.len()).unwrap_or(u32::MAX) {
            let w = word(i);
            let h = hasher.hash_one(w);
            let id = match table.find(h, |&id| {
                first.get(id as usize).is_some_and(|&f| word(f) == w)
            }) {
                Some(&id) => id,
                None => {
                    let id = u32::try_from(first.len()).unwrap_or(u32::MAX);
                    first.push(i);
                    counts.push(0);
                    table.insert_unique(h, id, |&id| {
                        hasher.hash_one(first.get(id as usize).map_or("", |&f| word(f)))
                    });
                    id
                }
            };
            if let Some(c) = counts.get_mut(id as usize) {
                *c += 1;
            }
            ids.push(id);
        }
        // Counts to start offsets, then each word into its group.
        let mut starts = Vec::with_capacity(counts.len() + 1);
        let mut total = 0u32;
        for c in &counts {
            starts.push(total);
            total += c;
        }
        starts.push(total);
        let mut next = starts.clone();
        let mut grouped = vec![0u32; ids.len()];
        for (i, &id) in ids.iter().enumerate() {
            if let Some(at) = next.get_mut(id as usize)
                && let Some(slot) = grouped.get_mut(*at as usize)
            {
                *slot = u32::try_from(i).unwrap_or(u32::MAX);
                *at += 1;
            }
        }
        first.shrink_to_fit();
        let mut line_starts = vec![0];
        line_starts.extend(memchr::memchr_iter(b'\n', text.as_bytes()).map(|i| i + 1));
        TextIndex {
            original: text,
            norm,
            table,
            hasher,
            first,
            starts,
            grouped,
            line_starts,
        }
    }

    fn line_of(&self, orig: u32) -> usize {
        match self.line_starts.binary_search(&(orig as usize)) {
            Ok(i) => i + 1,
            Err(i) => i,
        }
    }

    fn occurrences(&self, word: &str) -> &[u32] {
        let of = |i: u32| {
            self.norm
                .words
                .get(i as usize)
                .map_or("", |w| w.of(&self.norm))
        };
        let found = self.table.find(self.hasher.hash_one(word), |&id| {
            self.first.get(id as usize).is_some_and(|&f| of(f) == word)
        });
        let Some(&id) = found else {
            return &[];
        };
        let id = id as usize;
        match (self.starts.get(id), self.starts.get(id + 1)) {
            (Some(&a), Some(&b)) => self.grouped.get(a as usize..b as usize).unwrap_or(&[]),
            _ => &[],
        }
    }

    /// Looks `quote` up. `Ok` when its normalised form occurs in the
    /// normalised text; otherwise the closest passage, if any word is shared.
    pub fn find(&self, quote: &str) -> Result<Found, Option<Closest>> {
        let q = normalize(quote);
        if q.text.is_empty() {
            return Err(None);
        }
        if let Some(start) = self.locate(&q) {
            let line = self
                .norm
                .words
                .partition_point(|w| (w.end as usize) <= start)
                .min(self.norm.words.len().saturating_sub(1));
            let orig = self.norm.words.get(line).map_or(0, |w| w.orig_start);
            return Ok(Found {
                line: self.line_of(orig),
            });
        }
        Err(self.closest(quote, &q))
    }

    /// Byte offset in the normalised text where `q` first occurs.
    fn locate(&self, q: &Normalized) -> Option<usize> {
        let mut first = None;
        self.locate_each(q, &mut |start| {
            first = Some(start);
            false
        });
        first
    }

    /// Calls `found` with each byte offset in the normalised text where `q`
    /// occurs, in text order, until it returns `false`.
    fn locate_each(&self, q: &Normalized, found: &mut dyn FnMut(usize) -> bool) {
        let text = self.norm.text.as_str();
        let needle = q.text.as_str();
        if needle.is_empty() {
            return;
        }
        // Interior words are whole words in the text too; the first and last
        // may be cut. Anchor on the rarest interior word.
        let interior = q
            .words
            .get(1..q.words.len().saturating_sub(1))
            .unwrap_or(&[]);
        let Some(anchor) = interior
            .iter()
            .min_by_key(|w| self.occurrences(w.of(q)).len())
        else {
            // One or two words: a direct search is cheap enough.
            for start in memchr::memmem::find_iter(text.as_bytes(), needle.as_bytes()) {
                if !found(start) {
                    return;
                }
            }
            return;
        };
        let offset = anchor.start as usize;
        for &pos in self.occurrences(anchor.of(q)) {
            let Some(w) = self.norm.words.get(pos as usize) else {
                continue;
            };
            let Some(start) = (w.start as usize).checked_sub(offset) else {
                continue;
            };
            if text.get(start..start + needle.len()) == Some(needle) && !found(start) {
                return;
            }
        }
    }

    /// Where `quote` occurs in the original text, as byte offsets of the
    /// start of each occurrence, in text order (at most `max`).
    pub fn find_all(&self, quote: &str, max: usize) -> Vec<usize> {
        let q = normalize(quote);
        let mut out = Vec::new();
        self.locate_each(&q, &mut |start| {
            let w = self
                .norm
                .words
                .partition_point(|w| (w.end as usize) <= start);
            if let Some(w) = self.norm.words.get(w) {
                out.push(w.orig_start as usize);
            }
            out.len() < max
        });
        out
    }

    /// The original text.
    pub fn original(&self) -> &str {
        &self.original
    }

    /// The normalised text and its words.
    pub fn normalized(&self) -> &Normalized {
        &self.norm
    }

    /// The 1-based line of byte `at` of the original text.
    pub fn line(&self, at: usize) -> usize {
        self.line_of(u32::try_from(at).unwrap_or(u32::MAX))
    }

    /// The passage sharing the most words with `q` in the same order: every
    /// occurrence of each quote word votes for the alignment it implies.
    fn closest(&self, quote: &str, q: &Normalized) -> Option<Closest> {
        let mut votes: HashMap<i64, u32> = HashMap::new();
        for (qi, w) in q.words.iter().enumerate() {
            let occ = self.occurrences(w.of(q));
            if occ.len() > MAX_VOTES_PER_WORD {
                continue;
            }
            for &ti in occ {
                *votes.entry(i64::from(ti) - qi as i64).or_default() += 1;
            }
        }
        let (&align, _) = votes
            .iter()
            .max_by_key(|(align, n)| (**n, std::cmp::Reverse(**align)))?;
        let nwords = self.norm.words.len() as i64;
        let from = (align - CONTEXT_WORDS as i64).clamp(0, nwords) as usize;
        let to = (align + q.words.len() as i64 + CONTEXT_WORDS as i64).clamp(0, nwords) as usize;
        let text_words = self.norm.words.get(from..to)?;
        let qw: Vec<&str> = q.words.iter().map(|w| w.of(q)).collect();
        let tw: Vec<&str> = text_words.iter().map(|w| w.of(&self.norm)).collect();
        let ops = similar::capture_diff_slices(similar::Algorithm::Myers, &qw, &tw);
        // Drop context words that only surround the quote.
        let mut changes: Vec<(similar::ChangeTag, usize, usize)> = Vec::new();
        for op in &ops {
            for (tag, old, new) in op_changes(op) {
                changes.push((tag, old, new));
            }
        }
        while changes
            .first()
            .is_some_and(|c| c.0 == similar::ChangeTag::Insert)
        {
            changes.remove(0);
        }
        // Trailing text words are context, except those that replace quote
        // words deleted just before them (`in [-2001-] {+2000+}`).
        let is = |tag| move |c: &&(similar::ChangeTag, usize, usize)| c.0 == tag;
        let trailing = changes
            .iter()
            .rev()
            .take_while(is(similar::ChangeTag::Insert))
            .count();
        let replaced = changes
            .iter()
            .rev()
            .skip(trailing)
            .take_while(is(similar::ChangeTag::Delete))
            .count();
        changes.truncate(changes.len() - trailing + trailing.min(replaced));
        let shown_text: Vec<usize> = changes
            .iter()
            .filter(|c| c.0 != similar::ChangeTag::Delete)
            .map(|c| c.2)
            .collect();
        let (first, last) = (
            shown_text.first().and_then(|&i| text_words.get(i))?,
            shown_text.last().and_then(|&i| text_words.get(i))?,
        );
        let passage = self
            .original
            .get(first.orig_start as usize..last.orig_end as usize)
            .map(|s| s.split_whitespace().collect::<Vec<_>>().join(" "))?;
        let mut diff = Vec::new();
        let mut words_agree = true;
        let quote_word = |i: usize| {
            q.words.get(i).map_or("", |w| {
                quote
                    .get(w.orig_start as usize..w.orig_end as usize)
                    .unwrap_or("")
            })
        };
        for (tag, old, new) in &changes {
            let (side, word) = match tag {
                similar::ChangeTag::Equal => (Side::Both, quote_word(*old)),
                similar::ChangeTag::Delete => (Side::Quote, quote_word(*old)),
                similar::ChangeTag::Insert => (
                    Side::Text,
                    text_words.get(*new).map_or("", |w| {
                        self.original
                            .get(w.orig_start as usize..w.orig_end as usize)
                            .unwrap_or("")
                    }),
                ),
            };
            words_agree &= side == Side::Both;
            diff.push(DiffWord {
                side,
                word: word.to_owned(),
            });
        }
        Some(Closest {
            line: self.line_of(first.orig_start),
            passage,
            diff,
            words_agree,
        })
    }
}

/// The single-word changes of a diff op: (tag, quote index, text index).
fn op_changes(op: &similar::DiffOp) -> Vec<(similar::ChangeTag, usize, usize)> {
    use similar::ChangeTag::{Delete, Equal, Insert};
    match *op {
        similar::DiffOp::Equal {
            old_index,
            new_index,
            len,
        } => (0..len)
            .map(|k| (Equal, old_index + k, new_index + k))
            .collect(),
        similar::DiffOp::Delete {
            old_index,
            old_len,
            new_index,
        } => (0..old_len)
            .map(|k| (Delete, old_index + k, new_index))
            .collect(),
        similar::DiffOp::Insert {
            old_index,
            new_index,
            new_len,
        } => (0..new_len)
            .map(|k| (Insert, old_index, new_index + k))
            .collect(),
        similar::DiffOp::Replace {
            old_index,
            old_len,
            new_index,
            new_len,
        } => (0..old_len)
            .map(|k| (Delete, old_index + k, new_index))
            .chain((0..new_len).map(|k| (Insert, old_index + old_len, new_index + k)))
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "The goal of China becoming an “advanced information society” was endorsed\n\
        by the Politburo in 2000. Chinese networks in general appear to remain highly\n\
        vulnerable to exploitation. Over 2016–17, the CCCI approved a thorough restruc-\n\
        turing of China's system.";

    fn idx() -> TextIndex {
        TextIndex::new(TEXT.to_owned())
    }

    #[test]
    fn finds_verbatim_and_normalised_quotes_with_their_line() {
        let i = idx();
        assert_eq!(
            i.find("endorsed by the Politburo in 2000"),
            Ok(Found { line: 1 })
        );
        assert_eq!(
            i.find("\"advanced information society\""),
            Ok(Found { line: 1 })
        );
        assert_eq!(
            i.find("Over 2016-17, the CCCI approved"),
            Ok(Found { line: 3 })
        );
        assert_eq!(
            i.find("a thorough restructuring of China’s system"),
            Ok(Found { line: 3 })
        );
        assert_eq!(i.find("politburo"), Ok(Found { line: 2 }));
    }

    fn miss(quote: &str) -> Closest {
        match idx().find(quote) {
            Err(Some(c)) => c,
            other => panic!("expected a near miss for {quote:?}, got {other:?}"),
        }
    }

    #[test]
    fn a_changed_word_is_a_mismatch_with_the_word_marked() {
        let c = miss("endorsed by the Central Committee in 2000");
        assert_eq!(
            marked(&c.diff),
            "endorsed by the [-Central-] [-Committee-] {+Politburo+} in 2000"
        );
        assert_eq!(c.passage, "endorsed by the Politburo in 2000");
        assert_eq!(c.line, 1);
    }

    #[test]
    fn a_dropped_hedge_is_a_mismatch() {
        let c = miss("Chinese networks in general remain highly vulnerable");
        assert_eq!(
            marked(&c.diff),
            "Chinese networks in general {+appear+} {+to+} remain highly vulnerable"
        );
    }

    #[test]
    fn a_changed_number_added_word_and_dropped_word_are_mismatches() {
        assert_eq!(
            marked(&miss("endorsed by the Politburo in 2001").diff),
            "endorsed by the Politburo in [-2001-] {+2000+}"
        );
        assert_eq!(
            marked(&miss("endorsed by the whole Politburo in 2000").diff),
            "endorsed by the [-whole-] Politburo in 2000"
        );
        assert_eq!(
            marked(&miss("endorsed by Politburo in 2000").diff),
            "endorsed by {+the+} Politburo in 2000"
        );
    }

    #[test]
    fn punctuation_only_differences_are_reported_as_such() {
        let c = miss("endorsed by the Politburo, in 2000");
        assert!(c.words_agree);
    }

    #[test]
    fn unrelated_quotes_have_no_closest_passage() {
        assert_eq!(idx().find("zebras quietly graze"), Err(None));
    }
}
