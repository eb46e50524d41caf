//! `source-field-conflict`: a field of a source set both in its
//! bibliography file and in its `[sources.<id>]` table (reported when the
//! files are read, before the rules run).

use crate::diag::{Code, Level};

declare_rule! {
    /// ## What it finds
    /// A `[sources.<id>]` table whose id is the key of an entry of a
    /// bibliography file, and that sets a field the entry sets too:
    /// `title`, `authors`, `doi`, ... A `year` in one place and a `date` in
    /// the other count as the same field.
    ///
    /// ## Why it matters
    /// A table adds to the entry what the file has no place for: argmap's
    /// own fields (`text`, `cited-as`, `printed`, `note`), or a field the
    /// entry lacks. A field in both places is written twice, and the two
    /// may disagree; argmap uses the file's value, and the table's is
    /// dead text that a reader of the map takes for the truth.
    ///
    /// ## Example
    /// ```toml
    /// [map]
    /// title = "Should the Mill Street bridge be rebuilt?"
    /// bibliography = ["refs.bib"]   # its entry `inspection` has a title
    ///
    /// [sources.inspection]
    /// title = "Mill Street bridge inspection"
    /// text = "texts/inspection.txt"
    /// ```
    ///
    /// ## Fix
    /// Remove the field from one of the two places: keep bibliographic
    /// fields in the bibliography file, and argmap's own in the table.
    pub static RULE = Rule {
        code: Code::SourceFieldConflict,
        default_level: Level::Error,
        summary: "a source field set both in a bibliography file and in `[sources]`",
        check: None,
    };
}
