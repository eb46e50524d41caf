//! `placeholder-text`: a claim whose text is still the placeholder that
//! `argmap draft` writes.

use super::Context;
use crate::diag::{Code, Diagnostic, Level};

/// What a placeholder text starts with: `argmap draft` writes every claim's
/// text as `TODO: ...`.
pub const PLACEHOLDER: &str = "TODO:";

/// Whether a claim's `text` is a placeholder: it starts with
/// [`PLACEHOLDER`] (`TODO:`, in capitals, with its colon), leading spaces
/// aside.
pub fn is_placeholder(text: &str) -> bool {
    text.trim_start().starts_with(PLACEHOLDER)
}

declare_rule! {
    /// ## What it finds
    /// A claim whose `text` is a placeholder: it starts with `TODO:` (in
    /// capitals, with the colon; spaces before it aside). `argmap draft`
    /// writes such a text for every paragraph of the document, for the map's
    /// author to replace. `TODO` elsewhere in a text is not a placeholder.
    ///
    /// ## Why it matters
    /// A placeholder says nothing: a map that keeps it maps a paragraph
    /// without saying what the paragraph claims, and every diagram, export
    /// and report shows the placeholder as if it were a claim.
    ///
    /// ## Example
    /// ```toml
    /// [claims.origins-1]
    /// text = "TODO: state this paragraph's claim in your own words"
    /// section = "origins"
    /// anchor = { para = 1 }
    /// cites = ["marsh2018"]
    /// ```
    ///
    /// ## Fix
    /// Write the claim that the paragraph makes, in your own words (not the
    /// document's: `copied-text` reports copied runs of words). Where the
    /// paragraph makes several claims, make one claim for each, with the
    /// same anchor; where it makes none, delete the claim.
    pub static RULE = Rule {
        code: Code::PlaceholderText,
        default_level: Level::Error,
        summary: "a claim whose text is still a `TODO:` placeholder",
        check: Some(check),
    };
}

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for c in &cx.map.claims {
        let Some(text) = &c.text else { continue };
        if !is_placeholder(&text.value) {
            continue;
        }
        out.push(
            Diagnostic::new(
                Code::PlaceholderText,
                text.span.clone(),
                format!("claim `{}` still has a placeholder text", c.id.value),
            )
            .with_label(format!("starts with `{PLACEHOLDER}`"))
            .with_help("write the claim its passage makes, in your own words"),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholders_start_with_todo_and_a_colon() {
        assert!(is_placeholder("TODO: state the claim"));
        assert!(is_placeholder("  TODO:"));
        assert!(!is_placeholder("TODO state the claim"));
        assert!(!is_placeholder("todo: state the claim"));
        assert!(!is_placeholder("Nothing is left TODO: the bridge stands"));
        assert!(!is_placeholder(""));
    }
}
