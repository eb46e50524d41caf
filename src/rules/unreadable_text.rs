//! `unreadable-text`: a source text that cannot be used (reported when the
//! texts are read, before the rules run).

use crate::diag::{Code, Level};

declare_rule! {
    /// ## What it finds
    /// A source text that argmap cannot use for quote checks: the file of a
    /// source's `text` key, or of `--text ID=PATH`, is missing, unreadable,
    /// not UTF-8, or too large; or a `text` key points outside the map's
    /// folder (an absolute path, a path through `..`, or a symbolic link
    /// that leads out), which argmap refuses unless `--allow-outside-texts`
    /// is given.
    ///
    /// ## Why it matters
    /// The quotes from that source go unchecked. The folder rule keeps a map
    /// from a pull request from making argmap read files elsewhere on the
    /// machine that checks it.
    ///
    /// ## Example
    /// ```toml
    /// [sources.report]
    /// title = "Inspection report"
    /// authors = ["County Council"]
    /// year = 2024
    /// text = "../../secrets/report.txt"
    /// ```
    ///
    /// ## Fix
    /// Put the text beside the map (`text = "texts/report.txt"`), or give it
    /// on the command line: `--text report=PATH`.
    pub static RULE = Rule {
        code: Code::UnreadableText,
        default_level: Level::Error,
        summary: "a source text that cannot be read or leaves the map's folder",
        check: None,
    };
}
