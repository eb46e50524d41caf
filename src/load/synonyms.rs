//! Words users write for a key the format names otherwise, for the
//! suggestions of `unknown-field`. The keys themselves are declared in
//! [`crate::format`].

/// Words users write for a key the format names otherwise, for suggestions
/// that spelling alone cannot find (`page = 3` for `at = "p. 3"`). A synonym
/// is suggested only where its key is allowed.
pub(super) const SYNONYMS: &[(&str, &str)] = &[
    ("page", "at"),
    ("pages", "at"),
    ("pp", "at"),
    ("locator", "at"),
    ("location", "at"),
    ("loc", "at"),
    ("paragraph", "para"),
    ("paragraph", "at"),
    ("para", "at"),
    ("par", "para"),
    ("excerpt", "quote"),
    ("citation", "quote"),
    ("author", "authors"),
    ("creator", "authors"),
    ("creators", "authors"),
    ("editors", "authors"),
    ("published", "date"),
    ("journal", "container"),
    ("book", "container"),
    ("booktitle", "container"),
    ("link", "url"),
    ("href", "url"),
    ("retrieved", "accessed"),
    ("label", "cited-as"),
    ("file", "text"),
    ("statement", "text"),
    ("claim", "text"),
    ("content", "text"),
    ("sources", "cites"),
    ("citations", "cites"),
    ("evidence", "cites"),
    ("source", "cites"),
    ("rebuts", "attacks"),
    ("refutes", "attacks"),
    ("undercuts", "attacks"),
    ("concedes", "qualifies"),
    ("concession", "qualifies"),
    ("limits", "qualifies"),
    ("qualify", "qualifies"),
    ("keywords", "tags"),
    ("topics", "tags"),
    ("categories", "tags"),
    ("objects", "attacks"),
    ("against", "attacks"),
    ("for", "supports"),
    ("backs", "supports"),
    ("actor", "by"),
    ("actors", "by"),
    ("speaker", "by"),
    ("held-by", "by"),
    ("reasons", "premises"),
    ("target", "conclusion"),
    ("claim-id", "conclusion"),
    ("name", "title"),
    ("summary", "description"),
];

/// The key `fields` has for `word` by [`SYNONYMS`], if any.
pub(super) fn synonym(word: &str, fields: &[&str]) -> Option<&'static str> {
    let lower = word.to_ascii_lowercase();
    SYNONYMS
        .iter()
        .find(|(w, key)| *w == lower && fields.contains(key))
        .map(|(_, key)| *key)
}

/// The synonym `word` is a misspelling of, and its key in `fields`: for
/// `soruces`, (`sources`, `cites`).
pub(super) fn misspelt(word: &str, fields: &[&str]) -> Option<(&'static str, &'static str)> {
    let allowed = SYNONYMS.iter().filter(|(_, key)| fields.contains(key));
    let found = crate::suggest::closest(word, allowed.clone().map(|(w, _)| *w))?;
    allowed.clone().find(|(w, _)| *w == found).copied()
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    /// `docs/map-format.md` lists every synonym with its key, and no other.
    #[test]
    fn the_format_reference_lists_the_synonyms() {
        let doc = include_str!("../../docs/map-format.md");
        let start = doc
            .find("\n## Other words for keys\n")
            .unwrap_or_else(|| panic!("no section `Other words for keys`"));
        let section = doc.get(start + 1..).unwrap_or_default();
        let end = section.find("\n#").unwrap_or(section.len());
        let mut documented = BTreeSet::new();
        for line in section.get(..end).unwrap_or_default().lines() {
            let cells: Vec<&str> = line
                .split(" | ")
                .map(|c| c.trim_matches(['|', ' ']))
                .collect();
            let [key, words] = cells.as_slice() else {
                continue;
            };
            let Some(key) = key.strip_prefix('`').and_then(|k| k.strip_suffix('`')) else {
                continue;
            };
            for word in words.split(", ") {
                let word = word.trim_matches('`');
                documented.insert((word.to_owned(), key.to_owned()));
            }
        }
        let declared: BTreeSet<(String, String)> = super::SYNONYMS
            .iter()
            .map(|(w, k)| ((*w).to_owned(), (*k).to_owned()))
            .collect();
        assert_eq!(
            documented, declared,
            "docs/map-format.md's table of other words for keys"
        );
    }
}
