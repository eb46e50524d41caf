//! `source-missing-field`: a source without authors, title or year.

use super::Context;
use crate::diag::{Code, Diagnostic, Level};

declare_rule! {
    /// ## What it finds
    /// A source without a `title`, without `authors` (absent or empty), or
    /// without a `year` or `date`.
    ///
    /// ## Why it matters
    /// A reader cannot find a source that lacks them, and an in-text
    /// citation such as `Smith 2020` cannot be matched to an entry without
    /// its author and year. In an audited text this is a defect of the
    /// bibliography.
    ///
    /// ## Example
    /// ```toml
    /// [sources.tracing]
    /// title = "Tracing. Testing. Tweaking"
    /// authors = ["Von Carnap, Kai"]
    /// ```
    ///
    /// ## Fix
    /// Add what is missing: `year = 2020` (or `date = 2020-05-01`).
    pub static RULE = Rule {
        code: Code::SourceMissingField,
        default_level: Level::Warn,
        summary: "a source without authors, title or year",
        check: Some(check),
    };
}

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for s in &cx.map.sources {
        // A field written wrongly was reported by the loader already.
        let miswritten = |f: &str| s.miswritten.contains(&f);
        let mut missing = Vec::new();
        if s.title.as_ref().is_none_or(|t| t.value.trim().is_empty()) && !miswritten("title") {
            missing.push("a `title`");
        }
        if s.authors.as_ref().is_none_or(|a| a.value.is_empty()) && !miswritten("authors") {
            missing.push("`authors`");
        }
        if s.year.is_none() && s.date.is_none() && !miswritten("year") && !miswritten("date") {
            missing.push("a `year` or `date`");
        }
        if missing.is_empty() {
            continue;
        }
        let list = match missing.as_slice() {
            [one] => (*one).to_owned(),
            [init @ .., last] => format!("{} and {last}", init.join(", ")),
            [] => String::new(),
        };
        out.push(
            Diagnostic::new(
                Code::SourceMissingField,
                s.id.span.clone(),
                format!("source `{}` lacks {list}", s.id.value),
            )
            .with_label("incomplete bibliography entry")
            .with_help("add the missing fields so readers can find the source"),
        );
    }
}
