//! `unreadable-bibliography`: a bibliography file, or an entry of one, that
//! cannot be read (reported when the files are read, before the rules run).

use crate::diag::{Code, Level};

declare_rule! {
    /// ## What it finds
    /// A file named in `[map] bibliography` that argmap cannot read: it is
    /// missing, unreadable, not UTF-8, too large, not of a format argmap
    /// reads (`.bib`, `.json`, `.yaml`, `.yml`), named twice, or outside
    /// the map's folder (an absolute path, a path through `..`, or a
    /// symbolic link that leads out); or a part of such a file that is not
    /// valid BibTeX, JSON or YAML. In a `.bib` file, the finding points at
    /// the malformed entry, which is left out, and the entries around it
    /// are read.
    ///
    /// ## Why it matters
    /// The sources in what cannot be read are missing from the map: the
    /// claims that cite them are reported as citing nothing. The folder
    /// rule keeps a map from a pull request from making argmap read, and
    /// show, files elsewhere on the machine that checks it.
    ///
    /// ## Example
    /// ```toml
    /// [map]
    /// title = "Should the Mill Street bridge be rebuilt?"
    /// bibliography = ["../shared/refs.bib"]
    /// ```
    ///
    /// ## Fix
    /// Keep the file beside the map (`bibliography = ["refs.bib"]`), and
    /// fix the entry the finding points at.
    pub static RULE = Rule {
        code: Code::UnreadableBibliography,
        default_level: Level::Error,
        summary: "a bibliography file, or an entry of one, that cannot be read",
        check: None,
    };
}
