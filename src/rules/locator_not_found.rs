//! `locator-not-found`: an anchor that locates a paragraph that the
//! document does not have, or whose quoted words are not in it.

use std::collections::HashSet;

use super::Context;
use crate::diag::{Code, Diagnostic, Level, toml_string};
use crate::document::{Document, Paragraph};
use crate::model::{Claim, Map};
use crate::texts::SourceText;

declare_rule! {
    /// ## What it finds
    /// An `anchor` that locates its passage by paragraph (`para`), where
    /// the map's `document` text does not fit it:
    /// - the section's heading is not among the document's headings (the
    ///   anchor's `section`, or else the claim's, is looked up by its
    ///   `heading`, or else its `title`);
    /// - the section has fewer paragraphs than `para` says;
    /// - the anchor's `quote` is not in that paragraph (it is elsewhere in
    ///   the document: the finding says where).
    ///
    /// An anchor without a section counts paragraphs from the start of the
    /// document. Headings, paragraphs and the reference list are read as
    /// `docs/map-format.md` describes. It runs when the document's text is
    /// supplied (`text =` or `--text`); a quote found nowhere in the text is
    /// `quote-not-found`.
    ///
    /// ## Why it matters
    /// A locator is how a reader finds the passage a claim comes from, with
    /// no need to reproduce it. When the text is revised, or the locator
    /// was miscounted, it points at the wrong passage, and the map's
    /// provenance is wrong without anyone noticing.
    ///
    /// ## Example
    /// ```toml
    /// [sections.findings]
    /// title = "Findings"
    ///
    /// [claims.cracks]
    /// text = "Two piers are cracked"
    /// section = "findings"
    /// anchor = { para = 4, quote = "two of the four piers" }
    /// ```
    /// where the document's "Findings" section has three paragraphs.
    ///
    /// ## Fix
    /// Count again (the finding says how many paragraphs the section has,
    /// and where the quoted words are), or set the section's `heading` to
    /// the document's heading when its `title` differs.
    pub static RULE = Rule {
        code: Code::LocatorNotFound,
        default_level: Level::Error,
        summary: "an anchor's paragraph is not in the document, or its quote is not in that paragraph",
        check: Some(check),
        reads: super::Reads::Texts,
    };
}

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let map = cx.map;
    let r = &cx.graph.resolved;
    let located: Vec<(usize, &Claim)> = map
        .claims
        .iter()
        .enumerate()
        .filter(|(_, c)| c.anchor.as_ref().is_some_and(|a| a.para.is_some()))
        .collect();
    let Some((_, first)) = located.first() else {
        return;
    };
    let Some(document) = &map.meta.document else {
        let span = first
            .anchor
            .as_ref()
            .and_then(|a| a.para.as_ref())
            .map_or(0..0, |p| p.span.clone());
        out.push(
            Diagnostic::new(
                Code::LocatorNotFound,
                span,
                format!(
                    "{} paragraphs, but `[map]` names no `document` to count them in",
                    crate::english::count_as(located.len(), "anchor locates", "anchors locate")
                ),
            )
            .with_label(crate::english::first_of(located.len()))
            .with_help("set `document = \"source-id\"` in `[map]` and give that source a text"),
        );
        return;
    };
    let Some(text) = r.document.and_then(|i| cx.texts.get(i)) else {
        return; // no text (`unchecked-quotes`) or no such source (`unknown-reference`)
    };
    let doc = &text.structure;
    // Sections whose heading the document lacks, reported once each.
    let mut seen: HashSet<usize> = HashSet::new();
    for (i, c) in located {
        let Some(anchor) = &c.anchor else { continue };
        let Some(para) = &anchor.para else { continue };
        // The anchor's own section, else the claim's.
        let (section_ref, resolved) = match &anchor.section {
            Some(s) => (Some(s), r.anchor_section.get(i).copied().flatten()),
            None => (c.section.as_ref(), r.section_of_claim(i)),
        };
        let heading = match section_ref {
            None => None,
            Some(_) => {
                let Some(si) = resolved else {
                    continue; // `unknown-reference`
                };
                match find_heading(map, si, doc) {
                    Ok(h) => Some(h),
                    Err(why) => {
                        if seen.insert(si) {
                            out.push(unplaced(map, si, why, &text.path, document.as_str()));
                        }
                        continue;
                    }
                }
            }
        };
        let paragraphs = match heading {
            Some(h) => doc.section_paragraphs(Some(h)),
            None => doc.body_paragraphs(),
        };
        let place = match (heading.and_then(|h| doc.headings.get(h)), section_ref) {
            (Some(h), Some(s)) => format!("section `{}` (\u{201c}{}\u{201d})", s.value, h.text),
            _ => "the document".to_owned(),
        };
        let Some(p) = paragraphs.get(para.value - 1) else {
            let has = match paragraphs.len() {
                0 => "which has no paragraphs".to_owned(),
                n => format!("which has {}", plural(n, "paragraph")),
            };
            let mut d = Diagnostic::new(
                Code::LocatorNotFound,
                para.span.clone(),
                format!(
                    "the anchor of claim `{}` points at paragraph {} of {place}, {has} in `{}`",
                    c.id.value,
                    para.value,
                    document.as_str()
                ),
            )
            .with_label("no such paragraph");
            if let Some(h) = heading.and_then(|h| doc.headings.get(h)) {
                d = d.with_note(format!(
                    "the heading is at line {} of {}",
                    h.line, text.path
                ));
            }
            out.push(d.with_help(
                "count the section's paragraphs again: blank lines separate them, and headings are not paragraphs",
            ));
            continue;
        };
        if let Some(quote) = &anchor.quote
            && let Some(d) = misplaced_quote(map, c, quote, p, para.value, &place, text)
        {
            out.push(d);
        }
    }
}

/// Why a map section's paragraphs cannot be counted.
enum Unplaced {
    /// It has neither `title` nor `heading`.
    NoTitle,
    /// Its `heading` (or `title`) is not a heading of the document.
    NotAHeading {
        /// The key that names it.
        key: &'static str,
        /// What it says.
        wanted: String,
        /// Where.
        span: crate::diag::Span,
        /// The closest heading of the document.
        suggestion: Option<String>,
    },
}

/// The document heading of map section `si`.
fn find_heading(map: &Map, si: usize, doc: &Document) -> Result<usize, Unplaced> {
    let title = map
        .sections
        .get(si)
        .and_then(|s| Some((s.document_heading()?, s.heading.is_some())));
    let Some((title, explicit)) = title else {
        return Err(Unplaced::NoTitle);
    };
    doc.find_heading(title.as_str())
        .ok_or_else(|| Unplaced::NotAHeading {
            key: if explicit { "heading" } else { "title" },
            wanted: title.value.clone(),
            span: title.span.clone(),
            suggestion: crate::suggest::closest(
                &title.value,
                doc.headings.iter().map(|h| h.text.as_str()),
            )
            .map(str::to_owned),
        })
}

/// The finding for map section `si`, whose paragraphs cannot be counted.
fn unplaced(map: &Map, si: usize, why: Unplaced, path: &str, document: &str) -> Diagnostic {
    let (id, id_span) = map
        .sections
        .get(si)
        .map_or(("", 0..0), |s| (s.id.as_str(), s.id.span.clone()));
    match why {
        Unplaced::NoTitle => Diagnostic::new(
            Code::LocatorNotFound,
            id_span,
            format!(
                "section `{id}` has no `title` or `heading` to find among the headings of `{document}`"
            ),
        )
        .with_label("anchors in this section count paragraphs under a heading")
        .with_help("set `heading = \"...\"` to the document's heading for this section"),
        Unplaced::NotAHeading {
            key,
            wanted,
            span,
            suggestion,
        } => {
            let d = Diagnostic::new(
                Code::LocatorNotFound,
                span.clone(),
                format!(
                    "section `{id}`: \u{201c}{wanted}\u{201d} is not a heading of `{document}`, so its anchors' paragraphs cannot be counted"
                ),
            )
            .with_label(format!("no heading of {path} reads so"));
            match suggestion {
                Some(s) => d
                    .with_help(format!("did you mean \u{201c}{s}\u{201d}?"))
                    .with_suggestion(span, toml_string(&s)),
                None if key == "heading" => {
                    d.with_help("set `heading` to the heading as the document writes it")
                }
                None => d.with_help(
                    "set `heading = \"...\"` to the document's heading when the section's title differs",
                ),
            }
        }
    }
}

/// The finding for an anchor quote that is not in its paragraph `p`, if
/// it is elsewhere in the text.
fn misplaced_quote(
    map: &Map,
    c: &Claim,
    quote: &crate::model::Sp<String>,
    p: &Paragraph,
    para: usize,
    place: &str,
    text: &SourceText,
) -> Option<Diagnostic> {
    let found = text.index.find_all(&quote.value, 64);
    if found.is_empty() || found.iter().any(|&at| p.span.contains(&at)) {
        return None; // in its paragraph, or nowhere (`quote-not-found`)
    }
    let doc = &text.structure;
    let at = *found.first()?;
    let line = text.index.line(at);
    let mut d = Diagnostic::new(
        Code::LocatorNotFound,
        quote.span.clone(),
        format!(
            "the anchor quote of claim `{}` is not in paragraph {para} of {place}",
            c.id.value
        ),
    )
    .with_label(format!("found at line {line} of {}", text.path));
    if let Some(q) = doc.paragraph_at(at) {
        let heading = q.section.and_then(|h| doc.headings.get(h));
        let same = q.section == p.section;
        let section_id = map
            .sections
            .iter()
            .find(|s| {
                q.section.is_some()
                    && s.document_heading()
                        .is_some_and(|t| doc.find_heading(t.as_str()) == q.section)
            })
            .map(|s| s.id.value.clone());
        let where_ = match heading {
            Some(h) => format!("paragraph {} under \u{201c}{}\u{201d}", q.number, h.text),
            None => format!("paragraph {} of the document", q.number),
        };
        d = d.with_note(format!("the words are in {where_}"));
        d = match (same, section_id) {
            (true, _) => d.with_help(format!("write `para = {}`", q.number)),
            (false, Some(s)) => d.with_help(format!(
                "write `section = \"{s}\", para = {}` in the anchor",
                q.number
            )),
            (false, None) => {
                d.with_help("point the anchor at the section and paragraph that hold the words")
            }
        };
    }
    Some(d)
}

use crate::english::count as plural;
