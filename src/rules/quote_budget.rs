//! `quote-budget`: the quotes from one text add up to more than the map's
//! share of it.

use super::Context;
use crate::diag::{Code, Diagnostic, Level};

declare_rule! {
    /// ## What it finds
    /// A source whose text the map quotes too much: the words of all its
    /// quotes (the anchor quotes, when the source is the map's `document`,
    /// and the quotes of its citations) come to more than a share of the
    /// words of the text's body (before its reference list): 10% unless
    /// the map's `[limits]` table sets `quote-share`, and never less than
    /// one quote of the longest length allowed (`quote-words`), so that a
    /// very short text may still be quoted once. It runs when the text is
    /// supplied (`text =` or `--text`). Every quote counts, even a passage
    /// quoted twice.
    ///
    /// ## Why it matters
    /// Each quote may be short and the quotes together still reproduce much
    /// of a text. A map of a copyrighted text is a commentary: it must
    /// locate and discuss the text, not stand in for it.
    ///
    /// ## Example
    /// ```toml
    /// [limits]
    /// quote-share = 10   # percent of the text's words
    /// ```
    /// A 2,000-word chapter then allows 200 quoted words in all.
    ///
    /// ## Fix
    /// Drop quotes that a paragraph locator (`anchor = { para = 3 }`)
    /// already makes unambiguous, and shorten the rest to their most
    /// distinctive words.
    pub static RULE = Rule {
        code: Code::QuoteBudget,
        default_level: Level::Error,
        summary: "the quotes from one text add up to more than the map's share of it",
        check: Some(check),
        reads: super::Reads::Copying,
    };
}

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let map = cx.map;
    let share = map.limits.quote_share();
    for t in &cx.copying.texts {
        // One quote of the longest length allowed is always allowed: a
        // share of a very short text may be less than a word.
        let allowed =
            ((t.words as f64 * share / 100.0).floor() as usize).max(map.limits.quote_words());
        if t.quoted <= allowed {
            continue;
        }
        let Some(source) = map.sources.get(t.source) else {
            continue;
        };
        let id = source.id.as_str();
        let mut d = Diagnostic::new(
            Code::QuoteBudget,
            source.id.span.clone(),
            format!(
                "the quotes from `{id}` come to {} words, {:.1}% of its {} words, over the limit of {}%",
                t.quoted,
                t.percent(t.quoted),
                t.words,
                fmt_share(share)
            ),
        )
        .with_label(format!(
            "{} quotes; at most {allowed} words may be quoted",
            t.quotes
        ));
        for (n, span) in &t.longest_quotes {
            d = d.with_secondary(span.clone(), format!("{n} words"));
        }
        d = match &map.limits.quote_share {
            Some(set) => d.with_secondary(set.span.clone(), "the map's limit"),
            None => d.with_note(format!(
                "the default limit is {}% of a text's words; `[limits]` `quote-share` sets another",
                fmt_share(share)
            )),
        };
        out.push(d.with_help(format!(
            "cut {} quoted words: locate passages by paragraph (`anchor = {{ para = N }}`) and keep only distinctive words",
            t.quoted - allowed
        )));
    }
}

/// A share as written: `10`, `2.5`.
fn fmt_share(share: f64) -> String {
    if share.fract() == 0.0 {
        format!("{share:.0}")
    } else {
        format!("{share}")
    }
}
