//! `unchecked-quotes`: quotes that cannot be checked because their source has
//! no text; said once per source.

use std::collections::HashMap;

use super::Context;
use crate::diag::{Diagnostic, Level, Span};

declare_rule! {
    /// ## What it finds
    /// Quotes from a source that has no text to check them against: no
    /// `text` key and no `--text ID=PATH`. Anchor quotes count as quotes from
    /// the map's `document`; when the map names no `document`, its anchor
    /// quotes cannot be checked either. Reported once per source, at its
    /// first quote, with the number of quotes left unchecked.
    ///
    /// ## Why it matters
    /// An unchecked quote may be a misquote. The report says which evidence
    /// was verified and which was taken on trust.
    ///
    /// ## Example
    /// ```toml
    /// [claims.two-sided]
    /// text = "Xi framed the dilemma in 2014"
    /// cites = [{ source = "xinhua2014", quote = "Without cybersecurity, there is no national security" }]
    /// ```
    ///
    /// ## Fix
    /// Give the source a plain-text copy, `text = "texts/xinhua2014.txt"`
    /// beside the map, or on the command line: `--text xinhua2014=PATH` (for
    /// texts that cannot be shipped with the map). Where no text can be had,
    /// allow the rule for that map: `[lints]` `unchecked-quotes = "allow"`.
    pub static RULE = Rule {
        code: "unchecked-quotes",
        default_level: Level::Warn,
        summary: "quotes whose source has no text to check them against",
        check: Some(check),
    };
}

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let map = cx.map;
    // Source index (or None for "no document") -> (first quote span, count).
    let mut unchecked: HashMap<Option<usize>, (Span, usize)> = HashMap::new();
    let mut note = |key: Option<usize>, span: &Span| {
        let entry = unchecked.entry(key).or_insert((span.clone(), 0));
        entry.1 += 1;
    };
    let document = map
        .meta
        .document
        .as_ref()
        .and_then(|d| map.source(&d.value));
    let has_text = |i: usize| cx.texts.get(i).is_some() || cx.texts.failed(i);
    for c in &map.claims {
        if let Some(q) = c.anchor.as_ref().and_then(|a| a.quote.as_ref()) {
            match document {
                Some(i) if has_text(i) => {}
                Some(i) => note(Some(i), &q.span),
                None if map.meta.document.is_none() => note(None, &q.span),
                None => {} // `document` names nothing: unknown-reference says so
            }
        }
        for cite in &c.cites {
            let (Some(q), Some(i)) = (&cite.quote, map.source(&cite.source.value)) else {
                continue;
            };
            if !has_text(i) {
                note(Some(i), &q.span);
            }
        }
    }
    let mut found: Vec<_> = unchecked.into_iter().collect();
    found.sort_by_key(|(_, (span, _))| span.start);
    for (key, (span, n)) in found {
        let quotes = if n == 1 {
            "1 quote".to_owned()
        } else {
            format!("{n} quotes")
        };
        let d = match key.and_then(|i| map.sources.get(i)) {
            Some(s) => {
                let id = &s.id.value;
                let role = if document
                    .is_some_and(|d| map.sources.get(d).is_some_and(|x| x.id.value == *id))
                {
                    " (the map's document)"
                } else {
                    ""
                };
                Diagnostic::new(
                    "unchecked-quotes",
                    span,
                    format!("{quotes} from source `{id}`{role} not checked: it has no text"),
                )
                .with_label("the first of them")
                .with_help(format!(
                    "give the source `text = \"PATH\"` beside the map, or run with `--text {id}=PATH`"
                ))
            }
            None => Diagnostic::new(
                "unchecked-quotes",
                span,
                format!("{quotes} in anchors not checked: `[map]` names no `document`"),
            )
            .with_label("the first of them")
            .with_help("set `document = \"source-id\"` in `[map]` and give that source a text"),
        };
        out.push(d);
    }
}
