//! `quote-too-long`: a quote longer than the map's limit.

use super::Context;
use crate::diag::{Code, Diagnostic, Level};
use crate::quote::shared::count_words;

declare_rule! {
    /// ## What it finds
    /// A quote, in a claim's `anchor` or in one of its `cites`, of more
    /// words than the map allows: 12 unless the map's `[limits]` table sets
    /// `quote-words`. Words are counted as quote matching reads them
    /// (`China's` and `state-run` are one word each, `2016-17` two). This
    /// rule needs no source text: a quote's length is plain to see.
    ///
    /// ## Why it matters
    /// A quote locates a passage and shows the exact wording a claim rests
    /// on; a few words do both. Long quotes add up to a copy of the text,
    /// and a map of a copyrighted text may reproduce only a little of it.
    ///
    /// ## Example
    /// ```toml
    /// [limits]
    /// quote-words = 6
    ///
    /// [claims.cracks]
    /// text = "Two piers are cracked"
    /// anchor = { para = 2, quote = "cracks in two of the four piers have widened since the last inspection" }
    /// ```
    ///
    /// ## Fix
    /// Keep the few words that are distinctive (`cracks in two of the four
    /// piers`), or drop the quote and locate the passage by its paragraph
    /// alone (`anchor = { para = 2 }`). Say what the passage means in the
    /// claim's own words.
    pub static RULE = Rule {
        code: Code::QuoteTooLong,
        default_level: Level::Error,
        summary: "a quote longer than the map's word limit",
        check: Some(check),
    };
}

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let map = cx.map;
    let limit = map.limits.quote_words();
    for c in &map.claims {
        let anchor = c
            .anchor
            .as_ref()
            .and_then(|a| a.quote.as_ref())
            .map(|q| (q, format!("the anchor quote of claim `{}`", c.id.value)));
        let cites = c.cites.iter().filter_map(|q| {
            let quote = q.quote.as_ref()?;
            Some((
                quote,
                format!(
                    "the quote from `{}` in claim `{}`",
                    q.source.value, c.id.value
                ),
            ))
        });
        for (quote, what) in anchor.into_iter().chain(cites) {
            let n = count_words(&quote.value);
            if n <= limit {
                continue;
            }
            let mut d = Diagnostic::new(
                Code::QuoteTooLong,
                quote.span.clone(),
                format!("{what} is {n} words long, over the limit of {limit}"),
            )
            .with_label(format!("{} words too many", n - limit))
            .with_help(format!(
                "quote at most {limit} distinctive words, or locate the passage by its paragraph alone"
            ));
            d = match &map.limits.quote_words {
                Some(set) => d.with_secondary(set.span.clone(), "the map's limit"),
                None => d.with_note(format!(
                    "the default limit is {limit} words; `[limits]` `quote-words` sets another"
                )),
            };
            out.push(d);
        }
    }
}
