//! `copied-text`: a field other than a quote that reproduces a run of words
//! of a source's text.

use super::Context;
use crate::diag::{Code, Diagnostic, Level};

declare_rule! {
    /// ## What it finds
    /// A string of the map that is not a quote (a claim's `text`, an
    /// argument's `label`, a locator, a title, a description, an actor's
    /// name) and shares a run of 8 or more consecutive words with the body
    /// of a source's text: the words before its reference list. The run's
    /// length is the map's `[limits]` `copy-run` when set. Words are
    /// compared as quotes are: case, curly and straight quotes, dashes and
    /// hyphenation aside. It runs when a text is supplied (`text =` or
    /// `--text`); quotes have their own limits (`quote-too-long`,
    /// `quote-budget`).
    ///
    /// Not reported: a section title (or `heading`) or the map's title that
    /// is exactly one of the text's headings, or the source's own title, and
    /// a run that lies within one of the text's headings (`at = "Findings
    /// ¶2"`): naming a text's parts is not copying them. `[sources]` is not
    /// checked: references are transcribed as printed.
    ///
    /// ## Why it matters
    /// A map is a commentary: its claims are its author's reading of the
    /// text, in the author's words. A claim that copies the text's sentence
    /// reproduces the text (for a copyrighted text, more than a map may),
    /// and hides whether the map's author understood it.
    ///
    /// ## Example
    /// ```toml
    /// [claims.cracks]
    /// text = "Cracks in two of the four piers have widened since the last inspection"
    /// ```
    ///
    /// ## Fix
    /// Say what the passage claims in your own words (`Two piers are
    /// cracked, and the cracks are growing`), and locate it with an
    /// `anchor`: a paragraph, and at most a few quoted words.
    pub static RULE = Rule {
        code: Code::CopiedText,
        default_level: Level::Error,
        summary: "a field other than a quote that copies a run of words from a source's text",
        check: Some(check),
        reads: super::Reads::Copying,
    };
}

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let map = cx.map;
    let min = map.limits.copy_run();
    for t in &cx.copying.texts {
        let (Some(source), Some(text)) = (map.sources.get(t.source), cx.texts.get(t.source)) else {
            continue;
        };
        let id = source.id.as_str();
        for c in &t.copied {
            let mut d = Diagnostic::new(
                Code::CopiedText,
                c.span.clone(),
                format!("{} copies {} words of `{id}`", c.what, c.words),
            )
            .with_label(format!(
                "shares a run of {} words with line {} of {}",
                c.words, c.line, text.path
            ))
            .with_note(format!("the run: \u{201c}{}\u{201d}", c.shown));
            d = match &map.limits.copy_run {
                Some(set) => d.with_secondary(set.span.clone(), "the map's limit"),
                None => d.with_note(format!(
                    "runs of {min} or more shared words are reported; `[limits]` `copy-run` sets another length"
                )),
            };
            out.push(d.with_help(
                "say it in your own words, and locate the passage with an `anchor` (`para`, and a few quoted words if needed)",
            ));
        }
    }
}
