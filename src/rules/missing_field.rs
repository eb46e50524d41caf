//! `missing-field`: a required key is absent (reported by the loader).

use crate::diag::{Code, Level};

declare_rule! {
    /// ## What it finds
    /// A required key that is absent: the `[map]` table or its `title`, a
    /// claim's `text`, an argument's `premises` or `conclusion`, a
    /// citation's `source`.
    ///
    /// ## Why it matters
    /// Without them the map cannot say what it claims or how its parts
    /// connect. (A source without title, authors or year is a bibliography
    /// problem, reported as `source-missing-field`.)
    ///
    /// ## Example
    /// ```toml
    /// [arguments.traffic]
    /// premises = ["load", "no-limit"]
    /// ```
    ///
    /// ## Fix
    /// Add the key: `conclusion = "rebuild"`.
    pub static RULE = Rule {
        code: Code::MissingField,
        default_level: Level::Error,
        summary: "a required key is absent",
        check: None,
    };
}
