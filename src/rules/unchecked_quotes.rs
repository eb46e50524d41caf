//! `unchecked-quotes`: quotes that cannot be checked because their source has
//! no text; said once per source.

use std::collections::HashMap;

use super::Context;
use crate::diag::{Code, Diagnostic, Level, Span};

declare_rule! {
    /// ## What it finds
    /// Quotes and locators that cannot be checked because their source has
    /// no text: no `text` key and no `--text ID=PATH`. Anchors count as
    /// quotes or paragraph locators in the map's `document`; when the map
    /// names no `document`, its anchor quotes cannot be checked either.
    /// Reported once per source, at its first quote, with the number left
    /// unchecked. A map's `document` without a text is reported even when
    /// nothing quotes it, since the copy rules (`copied-text`,
    /// `quote-budget`) cannot run without it either.
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
        code: Code::UncheckedQuotes,
        default_level: Level::Warn,
        summary: "quotes, locators or copying that cannot be checked: the source has no text",
        check: Some(check),
        reads: super::Reads::Texts,
    };
}

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let map = cx.map;
    // Source index (or None for "no document") -> (first span, quotes, locators).
    let mut unchecked: HashMap<Option<usize>, (Span, usize, usize)> = HashMap::new();
    let mut note = |key: Option<usize>, span: &Span, locator: bool| {
        let entry = unchecked.entry(key).or_insert((span.clone(), 0, 0));
        if locator {
            entry.2 += 1;
        } else {
            entry.1 += 1;
        }
    };
    let r = &cx.graph.resolved;
    let document = r.document;
    let has_text = |i: usize| cx.texts.get(i).is_some() || cx.texts.failed(i);
    for (ci, c) in map.claims.iter().enumerate() {
        if let Some(a) = &c.anchor {
            let quote = a.quote.as_ref().map(|q| (&q.span, false));
            let para = a.para.as_ref().map(|p| (&p.span, true));
            // An anchor is one locator: by paragraph, or else by its quote.
            if let Some((span, locator)) = para.or(quote) {
                match document {
                    Some(i) if has_text(i) => {}
                    Some(i) => note(Some(i), span, locator),
                    // `locator-not-found` reports paragraphs without a document.
                    None if map.meta.document.is_none() && !locator => note(None, span, false),
                    None => {} // `document` names nothing: unknown-reference says so
                }
            }
        }
        for (cite, s) in c.cites.iter().zip(r.cites.of(ci)) {
            let (Some(q), Some(i)) = (&cite.quote, *s) else {
                continue;
            };
            if !has_text(i) {
                note(Some(i), &q.span, false);
            }
        }
    }
    // The document is said to be unchecked even when nothing quotes it: the
    // map is not checked for copying from it either.
    if let (Some(i), Some(d)) = (document, &map.meta.document)
        && !has_text(i)
    {
        unchecked.entry(Some(i)).or_insert((d.span.clone(), 0, 0));
    }
    let mut found: Vec<_> = unchecked.into_iter().collect();
    found.sort_by_key(|(_, (span, _, _))| span.start);
    for (key, (span, quotes, locators)) in found {
        let mut what = Vec::new();
        if quotes > 0 {
            what.push(count(quotes, "quote"));
        }
        if locators > 0 {
            what.push(count(locators, "paragraph locator"));
        }
        let what = what.join(" and ");
        let d = match key.and_then(|i| map.sources.get(i).map(|s| (i, s))) {
            Some((i, s)) => {
                let id = &s.id.value;
                let is_document = key == document;
                let message = match (is_document, what.is_empty()) {
                    (true, true) => format!(
                        "the map is not checked against its document `{id}`: it has no text"
                    ),
                    (true, false) => format!(
                        "{what} {} source `{id}` (the map's document) not checked: it has no text",
                        if quotes > 0 { "from" } else { "in" }
                    ),
                    (false, _) => format!("{what} from source `{id}` not checked: it has no text"),
                };
                let label = if what.is_empty() {
                    "this source has no text"
                } else {
                    crate::english::first_of(quotes + locators)
                };
                let d = Diagnostic::new(Code::UncheckedQuotes, span, message)
                    .with_label(label)
                    .with_note(format!(
                        "nor is the map checked for text copied from `{id}` (`copied-text`, `quote-budget`)"
                    ));
                match cx.texts.absent_project_text(i) {
                    Some(path) => d
                        .with_note(format!(
                            "the project file names `{path}` as its text, and no file is there"
                        ))
                        .with_help(format!(
                            "put the text there, or run with `--text {id}=PATH`"
                        )),
                    None => d.with_help(format!(
                        "give the source `text = \"PATH\"` beside the map, or run with `--text {id}=PATH`"
                    )),
                }
            }
            None => Diagnostic::new(
                Code::UncheckedQuotes,
                span,
                format!("{what} in anchors not checked: `[map]` names no `document`"),
            )
            .with_label(crate::english::first_of(quotes + locators))
            .with_help("set `document = \"source-id\"` in `[map]` and give that source a text"),
        };
        out.push(d);
    }
}

use crate::english::count;
