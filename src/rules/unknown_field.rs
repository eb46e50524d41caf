//! `unknown-field`: a key the format does not define (reported by the loader).

use crate::diag::{Code, Level};

declare_rule! {
    /// ## What it finds
    /// A key that the map format does not define: a misspelt field in a
    /// claim, source, argument, section, actor or `[map]`, an unknown
    /// top-level table, or a `[lints]` entry that names no rule. Where a
    /// defined key is close, the finding suggests it.
    ///
    /// ## Why it matters
    /// A misspelt key is silently meaningless: `suports = ["rebuild"]`
    /// would otherwise leave the claim unconnected without a word.
    ///
    /// ## Example
    /// ```toml
    /// [claims.cracks]
    /// text = "Two piers are cracked"
    /// suports = ["rebuild"]
    /// ```
    ///
    /// ## Fix
    /// Rename the key to the one the format defines (`supports`), or remove
    /// it. The note of each finding lists the keys that table takes.
    pub static RULE = Rule {
        code: Code::UnknownField,
        default_level: Level::Error,
        summary: "a key the format does not define",
        check: None,
    };
}
