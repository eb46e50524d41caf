//! "Did you mean" suggestions: the closest known name to a misspelt one.
//!
//! For small fixed vocabularies (field names, rule codes) [`closest`] compares
//! against every candidate. For ids, of which a map may have 100,000,
//! [`IdIndex`] answers in time proportional to the id's length, using the
//! single-deletion neighbourhood of every id (a SymSpell index of distance 1):
//! it finds every id one insertion, deletion, substitution or transposition
//! away.

use std::collections::HashMap;

/// The candidate closest to `word`, if one is close enough to be a likely
/// typo (an edit distance of at most a third of the word, at least 1).
pub fn closest<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let lower = word.to_lowercase();
    let len = lower.chars().count();
    let limit = (len / 3).max(1);
    candidates
        .into_iter()
        .filter_map(|c| {
            // Lengths further apart than the limit are further apart in edits
            // too; skipping them keeps a huge word from costing its square.
            let c_len = c.chars().count();
            if c_len.abs_diff(len) > limit {
                return None;
            }
            let d = strsim::damerau_levenshtein(&lower, &c.to_lowercase());
            (d <= limit).then_some((d, c))
        })
        .min_by_key(|(d, c)| (*d, *c))
        .map(|(_, c)| c)
}

/// Longest id, in bytes, that [`IdIndex`] indexes: an id has as many
/// deletion variants as characters, so indexing one costs its length
/// squared. Longer ids get no suggestions and suggest nothing.
pub const MAX_INDEXED_LEN: usize = 64;

/// An index of ids for suggestions among many.
#[derive(Debug, Default)]
pub struct IdIndex {
    /// Deletion variant (including the id itself) -> ids that produce it.
    variants: HashMap<String, Vec<u32>>,
    ids: Vec<String>,
}

impl IdIndex {
    /// Indexes `ids`.
    pub fn new<'a>(ids: impl IntoIterator<Item = &'a str>) -> Self {
        let mut index = IdIndex::default();
        for id in ids {
            let n = u32::try_from(index.ids.len()).unwrap_or(u32::MAX);
            if id.len() > MAX_INDEXED_LEN {
                index.ids.push(id.to_owned());
                continue;
            }
            for v in deletions(id) {
                index.variants.entry(v).or_default().push(n);
            }
            index.ids.push(id.to_owned());
        }
        index
    }

    /// The closest indexed id to `word`, within one edit (a transposition
    /// counts as one); ties go to the smallest id.
    pub fn closest(&self, word: &str) -> Option<&str> {
        // One edit from an indexed id is at most one byte longer than it
        // for ASCII ids; a longer word cannot be a typo of one.
        if word.len() > MAX_INDEXED_LEN + 4 {
            return None;
        }
        let mut best: Option<(usize, &str)> = None;
        for v in deletions(word) {
            for &n in self.variants.get(&v).into_iter().flatten() {
                let Some(id) = self.ids.get(n as usize) else {
                    continue;
                };
                if id == word {
                    continue;
                }
                let d = strsim::damerau_levenshtein(word, id);
                // One character for another is no likely typo (`😀` for `a`).
                let shares = d < word.chars().count().max(id.len());
                if d <= 2 && shares && best.is_none_or(|(bd, bid)| (d, id.as_str()) < (bd, bid)) {
                    best = Some((d, id));
                }
            }
        }
        best.map(|(_, id)| id)
    }
}

/// `s` and every string made by deleting one character of it.
fn deletions(s: &str) -> impl Iterator<Item = String> + '_ {
    let chars: Vec<(usize, char)> = s.char_indices().collect();
    std::iter::once(s.to_owned()).chain(chars.into_iter().map(move |(i, c)| {
        let mut v = String::with_capacity(s.len());
        v.push_str(&s[..i]);
        v.push_str(&s[i + c.len_utf8()..]);
        v
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn closest_finds_typos_and_case() {
        let fields = ["text", "section", "supports", "attacks"];
        assert_eq!(closest("txt", fields), Some("text"));
        assert_eq!(closest("Text", fields), Some("text"));
        assert_eq!(closest("suports", fields), Some("supports"));
        assert_eq!(closest("colour", fields), None);
    }

    #[test]
    fn id_index_finds_one_edit_away() {
        let idx = IdIndex::new(["rebuild", "cracks", "cost", "grant"]);
        assert_eq!(idx.closest("rebuld"), Some("rebuild")); // deletion
        assert_eq!(idx.closest("rebuilds"), Some("rebuild")); // insertion
        assert_eq!(idx.closest("rebiuld"), Some("rebuild")); // transposition
        assert_eq!(idx.closest("cosk"), Some("cost")); // substitution
        assert_eq!(idx.closest("bridge"), None);
    }

    #[test]
    fn long_words_and_ids_cost_no_more_than_their_length() {
        let long = "a".repeat(1_000_000);
        let idx = IdIndex::new([long.as_str(), "rebuild"]);
        assert_eq!(idx.closest(&long[1..]), None);
        assert_eq!(idx.closest("rebuld"), Some("rebuild"));
        assert_eq!(closest(&long, ["supports", "attacks"]), None);
        assert_eq!(
            closest("suports", [long.as_str(), "supports"]),
            Some("supports")
        );
    }
}
