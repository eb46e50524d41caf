//! `invalid-value`: a value of the wrong type or form (reported by the loader).

use crate::diag::{Code, Level};

declare_rule! {
    /// ## What it finds
    /// A value of the wrong type or form: a number where text is expected,
    /// a single string where a list is expected, a quoted date, an unknown
    /// source `kind`, an id with characters other than ASCII letters,
    /// digits, `-` and `_`, an argument with no premises.
    ///
    /// ## Why it matters
    /// argmap cannot use such a value; the item is kept without it, so other
    /// findings about the item may follow from this one.
    ///
    /// ## Example
    /// ```toml
    /// [claims.cracks]
    /// text = "Two piers are cracked"
    /// supports = "rebuild"
    /// ```
    ///
    /// ## Fix
    /// Write the value in the form the finding names:
    /// `supports = ["rebuild"]`.
    pub static RULE = Rule {
        code: Code::InvalidValue,
        default_level: Level::Error,
        summary: "a value of the wrong type or form",
        check: None,
    };
}
