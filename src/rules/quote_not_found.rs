//! `quote-not-found`: a quote that does not occur in its source's text.

use super::Context;
use crate::diag::{Closest, Code, Diagnostic, DiffWord, Level, Side};
use crate::model::Sp;
use crate::texts::SourceText;

declare_rule! {
    /// ## What it finds
    /// A quote, in a claim's `cites` or in its `anchor`, that does not occur
    /// in the text of its source (for an anchor: the map's `document`).
    /// Before comparing, argmap normalises both sides: Unicode NFKC, case,
    /// curly and straight quotes, dashes, runs of whitespace, and words
    /// hyphenated across line breaks. Anything else is a mismatch: a changed,
    /// added or dropped word, a changed number, a dropped hedge such as
    /// "appear to". The finding shows the closest passage of the text with
    /// the differing words marked: `[-word-]` is in the quote but not the
    /// text, `{+word+}` is in the text but not the quote. What it shows of
    /// the text is no longer than a quote may be (`[limits]` `quote-words`).
    ///
    /// ## Why it matters
    /// A quote is the map's promise that the source says exactly this. A
    /// misquote, even of one word, can change what the source supports.
    ///
    /// ## Example
    /// ```toml
    /// [claims.vulnerable]
    /// text = "China's networks are highly vulnerable"
    /// cites = [{ source = "lee", quote = "Chinese networks in general remain highly vulnerable" }]
    /// ```
    ///
    /// ## Fix
    /// Copy the passage exactly as the text has it (here the text reads
    /// "appear to remain"), or correct the claim if the source does not say
    /// it. Quotes must be one contiguous passage: quote two passages as two
    /// citations rather than joining them with an ellipsis.
    pub static RULE = Rule {
        code: Code::QuoteNotFound,
        default_level: Level::Error,
        summary: "a quote that does not occur in its source's text",
        check: Some(check),
        reads: super::Reads::Texts,
    };
}

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let map = cx.map;
    // What is shown of the text is no longer than a quote may be.
    let limit = map.limits.quote_words();
    let r = &cx.graph.resolved;
    let document = map.meta.document.as_ref().and_then(|d| {
        let i = r.document?;
        Some((d.value.as_str(), cx.texts.get(i)?))
    });
    for (i, c) in map.claims.iter().enumerate() {
        if let (Some(q), Some((doc_id, text))) =
            (c.anchor.as_ref().and_then(|a| a.quote.as_ref()), document)
        {
            verify(out, q, text, doc_id, limit, || {
                format!("the anchor quote of claim `{}`", c.id.value)
            });
        }
        for (cite, s) in c.cites.iter().zip(r.cites.of(i)) {
            let Some(q) = &cite.quote else { continue };
            let Some(text) = s.and_then(|s| cx.texts.get(s)) else {
                continue;
            };
            verify(out, q, text, &cite.source.value, limit, || {
                format!(
                    "the quote from `{}` in claim `{}`",
                    cite.source.value, c.id.value
                )
            });
        }
    }
}

/// Checks one quote; `what` names it, and is only called for a finding.
fn verify(
    out: &mut Vec<Diagnostic>,
    quote: &Sp<String>,
    text: &SourceText,
    source: &str,
    limit: usize,
    what: impl FnOnce() -> String,
) {
    let Err(closest) = text.index.find(&quote.value) else {
        return;
    };
    let what = what();
    let mut d = Diagnostic::new(
        Code::QuoteNotFound,
        quote.span.clone(),
        format!("{what} does not occur in the text of `{source}`"),
    )
    .with_label(format!("not found in {}", text.path));
    d = match closest {
        Some(c) => {
            let (passage, passage_truncated) = first_words(&c.passage, limit);
            let (diff, diff_truncated) = cap_diff(c.diff, limit);
            d.with_closest(Closest {
                path: text.path.clone(),
                line: c.line,
                passage,
                passage_truncated,
                diff,
                diff_truncated,
                words_agree: c.words_agree,
            })
        }
        None => d.with_note("no passage of the text shares a word with this quote"),
    };
    out.push(d.with_help("copy the passage exactly as the text has it"));
}

/// The first `max` words of `s`, and whether there were more.
fn first_words(s: &str, max: usize) -> (String, bool) {
    let words: Vec<&str> = s.split_whitespace().collect();
    match words.get(..max) {
        Some(head) if words.len() > max => (head.join(" "), true),
        _ => (words.join(" "), false),
    }
}

/// A word diff cut after `max` words of the text (words both sides share,
/// and added ones), and whether it was cut: the quote's own words are not
/// counted.
fn cap_diff(diff: Vec<DiffWord>, max: usize) -> (Vec<DiffWord>, bool) {
    let mut shown = Vec::with_capacity(diff.len().min(2 * max));
    let mut text_words = 0;
    for w in diff {
        if w.side != Side::Quote {
            if text_words == max {
                return (shown, true);
            }
            text_words += 1;
        }
        shown.push(w);
    }
    (shown, false)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diag::Closest;

    fn word(side: Side, word: &str) -> DiffWord {
        DiffWord {
            side,
            word: word.to_owned(),
        }
    }

    #[test]
    fn what_is_shown_of_the_text_stops_at_the_limit_and_says_so() {
        assert_eq!(
            first_words("one  two\nthree four", 3),
            ("one two three".to_owned(), true)
        );
        assert_eq!(first_words("one two", 3), ("one two".to_owned(), false));
        // The quote's own words are not counted: three words of the text.
        let diff = vec![
            word(Side::Both, "a"),
            word(Side::Quote, "b"),
            word(Side::Text, "c"),
            word(Side::Both, "d"),
            word(Side::Both, "e"),
        ];
        let (shown, cut) = cap_diff(diff.clone(), 3);
        assert!(cut);
        let (passage, passage_truncated) = first_words("a c d e", 3);
        let c = Closest {
            path: "t.txt".to_owned(),
            line: 2,
            passage,
            passage_truncated,
            diff: shown,
            diff_truncated: cut,
            words_agree: false,
        };
        assert_eq!(
            c.notes(),
            [
                "closest passage, line 2 of t.txt: \"a c d …\"".to_owned(),
                "differences: a [-b-] {+c+} d …".to_owned(),
            ]
        );
        assert_eq!(cap_diff(diff.clone(), 4), (diff, false));
    }
}
