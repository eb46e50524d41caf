//! `format-version`: a map in an older version of the format that would
//! gain from migrating, or that uses newer keys without saying so.

use super::Context;
use crate::diag::{Code, Diagnostic, Level};
use crate::migrate;
use crate::model::FORMAT_VERSION;

declare_rule! {
    /// ## What it finds
    /// A map without `version = 2` in `[map]` (so written in version 1 of
    /// the format) that either
    /// - locates passages in free text that version 2 can verify: anchors
    ///   whose `at` names a section of the map and a paragraph
    ///   (`at = "Findings ¶2"`); or
    /// - uses keys that version 2 added (`[limits]`, `qualifies`, a
    ///   section's `heading`, an anchor's `section` and `para`).
    ///
    /// A version-1 map that does neither is read exactly as before and is
    /// not reported.
    ///
    /// ## Why it matters
    /// A free-text locator is never checked: when the document changes, or
    /// the paragraph was miscounted, nothing says so. And a map that uses
    /// version-2 keys without declaring the version may be misread by a
    /// tool that reads only version 1.
    ///
    /// ## Example
    /// ```toml
    /// [claims.cracks]
    /// text = "Two piers are cracked"
    /// section = "findings"
    /// anchor = { at = "Findings ¶2", quote = "two of the four piers" }
    /// ```
    ///
    /// ## Fix
    /// Run `argmap migrate MAP --write`: it adds `version = 2` and rewrites
    /// such anchors as `anchor = { para = 2, quote = "..." }`, keeping every
    /// comment and everything else as it was. Without `--write` it prints
    /// the migrated map.
    pub static RULE = Rule {
        code: Code::FormatVersion,
        default_level: Level::Warn,
        summary: "a map in format version 1 with locators to verify or version-2 keys",
        check: Some(check),
    };
}

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let map = cx.map;
    let plan = migrate::plan(map);
    if plan.is_current() {
        return;
    }
    let at = map.meta.span.clone();
    if let Some(first) = plan.locators.first() {
        let n = plan.locators.len();
        let anchors = crate::english::count_as(
            n,
            "anchor locates its paragraph",
            "anchors locate their paragraphs",
        );
        out.push(
            Diagnostic::new(
                Code::FormatVersion,
                first.span.clone(),
                format!(
                    "this map is in format version 1, where {anchors} in free text that version {FORMAT_VERSION} verifies"
                ),
            )
            .with_label(crate::english::first_of(n))
            .with_secondary(at.clone(), "no `version` here")
            .with_help(
                "run `argmap migrate MAP --write`: it adds `version = 2` and rewrites them as `para = N`",
            ),
        );
        return;
    }
    if let Some((_, span)) = plan.newer_keys.first() {
        let mut keys: Vec<&str> = plan.newer_keys.iter().map(|(k, _)| *k).collect();
        keys.sort_unstable();
        keys.dedup();
        let keys: Vec<String> = keys.iter().map(|k| format!("`{k}`")).collect();
        out.push(
            Diagnostic::new(
                Code::FormatVersion,
                span.clone(),
                format!(
                    "this map uses {} of format version {FORMAT_VERSION} but does not declare the version",
                    keys.join(", ")
                ),
            )
            .with_label(format!("new in version {FORMAT_VERSION}"))
            .with_help(format!("add `version = {FORMAT_VERSION}` to `[map]`")),
        );
    }
}
