//! `title-mismatch`: a title that the text marks beside a citation differs
//! from the cited work's title.

use super::Context;
use crate::diag::{Code, Diagnostic, Level};
use crate::verify::key;

declare_rule! {
    /// ## What it finds
    /// In a sentence that cites a work, a title the text marks (in
    /// `*italics*` or `_italics_`, or in quotation marks when four words or
    /// longer, since quotation marks also set off terms such as the
    /// “Great Firewall”) that is not the title
    /// of any work the sentence cites: neither the title of the cited
    /// source of the map nor that of its reference entry, nor their
    /// bracketed translations. A shortened title (the first words, the
    /// words before a colon, or any run of the title's words) is the
    /// title. Only marked words that read as a
    /// title are compared: at least two words, most of the longer ones
    /// capitalised, so that a quotation (`"without cybersecurity, there is
    /// no..."`) is not taken for one.
    ///
    /// It runs when the document's text is supplied (`text =` or `--text`).
    ///
    /// ## Why it matters
    /// A reader looks for the title the text gives. When the reference list
    /// gives another, the reader cannot tell whether the text misnames the
    /// work or cites the wrong one.
    ///
    /// ## Example
    /// `The report, *Forty Harbors Listed*, named each one (Coastal Heritage
    /// Office 2020).`, where the entry's title is *Forty Harbours Counted*.
    ///
    /// ## Fix
    /// Give the work's title as its entry does, or correct the entry.
    pub static RULE = Rule {
        code: Code::TitleMismatch,
        default_level: Level::Warn,
        summary: "a title the text marks beside a citation differs from the cited work's title",
        check: Some(check),
        reads: super::Reads::Texts,
    };
}

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let a = cx.against;
    let Some((text, doc)) = cx.document() else {
        return;
    };
    let body = text.index.original();
    for (c, same) in crate::verify::by_sentence(doc) {
        let same: Vec<usize> = same.collect();
        let Some(sentence) = body.get(c.sentence.clone()) else {
            continue;
        };
        // The titles of the works cited, as compared.
        let mut titles: Vec<String> = Vec::new();
        for &j in &same {
            if let Some(t) = a
                .citation_source
                .get(j)
                .copied()
                .flatten()
                .and_then(|si| cx.map.sources.get(si))
                .and_then(|s| s.title.as_ref())
            {
                titles.extend(title_forms(&t.value));
            }
            if let Some(t) = a
                .citation_entry
                .get(j)
                .copied()
                .flatten()
                .and_then(|ei| doc.entries.get(ei))
                .and_then(|e| e.title.as_ref())
            {
                titles.extend(title_forms(t));
            }
        }
        if titles.is_empty() {
            continue;
        }
        for (marked, at, quoted) in marked_runs(sentence) {
            // Quotation marks also set off terms (`the “Great Firewall”`):
            // a quoted run is a title only when it is as long as one.
            if !reads_as_title(&marked) || (quoted && marked.split_whitespace().count() < 4) {
                continue;
            }
            let m = key(&marked);
            // The title, a shortened title, or words of the title.
            let padded = format!(" {m} ");
            if titles.iter().any(|t| {
                *t == m || format!(" {t} ").contains(&padded) || m.starts_with(&format!("{t} "))
            }) {
                continue;
            }
            let Some(&first) = same.first() else { continue };
            let Some(x) = doc.citations.get(first) else {
                continue;
            };
            let si = a.citation_source.get(first).copied().flatten();
            let source = si.and_then(|si| cx.map.sources.get(si));
            let span = source
                .and_then(|s| s.title.as_ref().map(|t| t.span.clone()))
                .unwrap_or_else(|| a.span_at(cx.map, x.paragraph));
            let entry_title = source
                .and_then(|s| s.title.as_ref().map(|t| t.value.clone()))
                .or_else(|| {
                    a.citation_entry
                        .get(first)
                        .copied()
                        .flatten()
                        .and_then(|ei| doc.entries.get(ei))
                        .and_then(|e| e.title.clone())
                })
                .unwrap_or_default();
            let line = text.index.line(c.sentence.start + at);
            out.push(
                Diagnostic::new(
                    Code::TitleMismatch,
                    span,
                    format!(
                        "at text line {line} the text calls `{}` \u{201c}{}\u{201d}, but the work's title is \u{201c}{}\u{201d}",
                        crate::wrap::clean(&x.written),
                        crate::wrap::clean(&marked),
                        crate::wrap::clean(&entry_title)
                    ),
                )
                .with_label("the cited work's title")
                .with_note(format!("in {}", text.path))
                .with_help("give the title as the entry does, or correct the entry"),
            );
        }
    }
}

/// A title and its shorter forms, as compared: the whole, the words
/// before a colon, the translation in brackets.
fn title_forms(t: &str) -> Vec<String> {
    let mut out = vec![key(t)];
    if let Some((main, _)) = t.split_once(':') {
        out.push(key(main));
    }
    if let (Some(a), Some(b)) = (t.find('['), t.rfind(']'))
        && a < b
    {
        out.push(key(t.get(a + 1..b).unwrap_or("")));
    }
    // Without the characters and gloss a map's title may add.
    let latin: String = t
        .chars()
        .take_while(|c| !crate::document::references::is_han(*c) && *c != '[')
        .collect();
    out.push(key(&latin));
    out.retain(|s| !s.is_empty());
    out
}

/// The runs of a sentence marked as italics or quoted, with their offset
/// and whether they are quoted.
fn marked_runs(s: &str) -> Vec<(String, usize, bool)> {
    let mut out = Vec::new();
    for (open, close) in [('*', '*'), ('_', '_'), ('\u{201C}', '\u{201D}'), ('"', '"')] {
        let quoted = !matches!(open, '*' | '_');
        let mut from = 0;
        while let Some(i) = s.get(from..).and_then(|r| r.find(open)).map(|i| i + from) {
            let start = i + open.len_utf8();
            let Some(j) = s
                .get(start..)
                .and_then(|r| r.find(close))
                .map(|j| j + start)
            else {
                break;
            };
            if let Some(run) = s.get(start..j) {
                out.push((
                    run.split_whitespace().collect::<Vec<_>>().join(" "),
                    start,
                    quoted,
                ));
            }
            from = j + close.len_utf8();
        }
    }
    out
}

/// Whether marked words read as a title: two words or more, and most words
/// of four letters or more capitalised.
fn reads_as_title(s: &str) -> bool {
    let words: Vec<&str> = s.split_whitespace().collect();
    let long: Vec<&&str> = words
        .iter()
        .filter(|w| w.chars().filter(|c| c.is_alphabetic()).count() >= 4)
        .collect();
    let capital = long
        .iter()
        .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
        .count();
    words.len() >= 2
        && words
            .first()
            .is_some_and(|w| w.chars().next().is_some_and(char::is_uppercase))
        && !long.is_empty()
        && capital * 3 >= long.len() * 2
}
