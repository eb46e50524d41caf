//! The keys the format defines for each table, for `unknown-field` checks
//! and suggestions.

pub(super) const TOP: &[&str] = &[
    "map",
    "lints",
    "limits",
    "sections",
    "actors",
    "sources",
    "claims",
    "arguments",
];
pub(super) const MAP: &[&str] = &["title", "description", "thesis", "document", "version"];
pub(super) const LIMITS: &[&str] = &["quote-words", "quote-share", "copy-run"];
pub(super) const SECTION: &[&str] = &["title", "description", "heading"];
pub(super) const ACTOR: &[&str] = &["name"];
pub(super) const SOURCE: &[&str] = &[
    "title",
    "authors",
    "year",
    "date",
    "kind",
    "container",
    "publisher",
    "url",
    "doi",
    "accessed",
    "cited-as",
    "text",
    "note",
];
pub(super) const CLAIM: &[&str] = &[
    "text",
    "section",
    "by",
    "anchor",
    "cites",
    "supports",
    "attacks",
    "qualifies",
];
pub(super) const CITATION: &[&str] = &["source", "at", "quote"];
pub(super) const ANCHOR: &[&str] = &["at", "section", "para", "quote"];
pub(super) const ARGUMENT: &[&str] = &["premises", "conclusion", "label", "section"];

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
