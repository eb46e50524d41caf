//! `toml-syntax`: the file is not valid TOML (reported by the loader).

use crate::diag::{Code, Level};

declare_rule! {
    /// ## What it finds
    /// A map file that is not valid TOML: a missing quote or bracket, a
    /// key defined twice in one table, bytes that are not UTF-8.
    ///
    /// ## Why it matters
    /// A file that does not parse cannot be checked at all, so this finding
    /// is always an error and its level cannot be changed.
    ///
    /// ## Example
    /// ```toml
    /// [claims.rebuild]
    /// text = "The bridge should be rebuilt
    /// ```
    ///
    /// ## Fix
    /// Correct the syntax at the reported line and column (here: close the
    /// string with `"`). Every syntax error of the file is reported at once.
    pub static RULE = Rule {
        code: Code::TomlSyntax,
        default_level: Level::Error,
        summary: "the file is not valid TOML",
        check: None,
    };
}
