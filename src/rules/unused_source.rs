//! `unused-source`: a source no claim cites.

use petgraph::Direction;

use super::Context;
use crate::diag::{Code, Diagnostic, Level};

declare_rule! {
    /// ## What it finds
    /// A source in `[sources]` that no claim's `cites` names and that is not
    /// the map's `document`.
    ///
    /// ## Why it matters
    /// A bibliography entry that nothing relies on is either a citation that
    /// was forgotten or an entry to remove. In an audit of a text, it is a
    /// reference-list entry the text never cites.
    ///
    /// ## Example
    /// ```toml
    /// [sources.old-report]
    /// title = "Inspection report 2010"
    /// authors = ["County Council"]
    /// year = 2010
    /// ```
    ///
    /// ## Fix
    /// Cite it from the claims it supports (`cites = ["old-report"]`), or
    /// remove it.
    pub static RULE = Rule {
        code: Code::UnusedSource,
        default_level: Level::Warn,
        summary: "a source no claim cites",
        check: Some(check),
    };
}

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let document = cx.map.meta.document.as_ref().map(|d| d.value.as_str());
    for (i, s) in cx.map.sources.iter().enumerate() {
        if document == Some(&s.id.value) {
            continue;
        }
        let Some(node) = cx.graph.source_node(i) else {
            continue;
        };
        let cited = cx
            .graph
            .graph
            .edges_directed(node, Direction::Outgoing)
            .next()
            .is_some();
        if !cited {
            out.push(
                Diagnostic::new(
                    Code::UnusedSource,
                    s.id.span.clone(),
                    format!("source `{}` is never cited", s.id.value),
                )
                .with_label("no claim cites this source")
                .with_help(format!(
                    "cite it from a claim with `cites = [\"{}\"]`, or remove it",
                    s.id.value
                )),
            );
        }
    }
}
