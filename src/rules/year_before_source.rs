//! `year-before-source`: the sentence that cites a source states a year
//! more than a year before the source's own.

use super::Context;
use crate::diag::{Code, Diagnostic, Level};

declare_rule! {
    /// ## What it finds
    /// An in-text citation whose sentence states a year (`In 2016, ...`)
    /// more than one year before the year of the work it cites (`(Roe
    /// 2018)`). Years inside citations, and years after `since`, `until`,
    /// `by`, `before`, `from` or `to` (which look forward or span a
    /// range), are not read as the sentence's year.
    ///
    /// It runs when the document's text is supplied (`text =` or `--text`).
    ///
    /// ## Why it matters
    /// A statement made in 2016 is rarely best evidenced by a work of 2018:
    /// the citation may name a later speech or report than the one the
    /// sentence describes, which a reader following it will not find the
    /// statement in. A history or a later report of the event can be
    /// right: then the finding is a prompt to check, and can be allowed.
    ///
    /// ## Example
    /// `In 1998, a survey counted forty towns (Coastal Heritage Office
    /// 2020).`
    ///
    /// ## Fix
    /// Cite the work of the year the sentence describes, or correct the
    /// year; allow the code where a later work is the right source.
    pub static RULE = Rule {
        code: Code::YearBeforeSource,
        default_level: Level::Warn,
        summary: "a citing sentence states a year more than a year before the cited work's",
        check: Some(check),
        reads: super::Reads::Texts,
    };
}

/// Words after which a year is not the time the sentence speaks of.
const NOT_THEN: &[&str] = &[
    "since", "until", "till", "by", "before", "from", "to", "through", "after",
];

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let a = cx.against;
    let Some(text) = a.text(cx.texts) else { return };
    let doc = &text.structure;
    let body = text.index.original();
    for group in crate::verify::by_sentence(doc) {
        let same: Vec<usize> = group.collect();
        let Some(c) = same.first().and_then(|&k| doc.citations.get(k)) else {
            continue;
        };
        let years = stated_years(
            body,
            c.sentence.clone(),
            same.iter()
                .filter_map(|&j| doc.citations.get(j))
                .map(|x| x.span.clone())
                .collect(),
        );
        let Some(&(stated, _)) = years.iter().min() else {
            continue;
        };
        for j in same {
            let Some(x) = doc.citations.get(j) else {
                continue;
            };
            let Some(y) = x.year else { continue };
            if stated >= y.year - 1 {
                continue;
            }
            let si = a.citation_source.get(j).copied().flatten();
            let span = match si.and_then(|si| cx.map.sources.get(si)) {
                Some(s) => s
                    .date
                    .as_ref()
                    .map(|d| d.span.clone())
                    .or_else(|| s.year.as_ref().map(|y| y.span.clone()))
                    .unwrap_or_else(|| s.id.span.clone()),
                None => a.span_at(cx.map, x.paragraph),
            };
            let line = text.index.line(x.span.start);
            let gap = y.year - stated;
            out.push(
                Diagnostic::new(
                    Code::YearBeforeSource,
                    span,
                    format!(
                        "the text speaks of {stated} where it cites `{}` (text line {line}), a work from {gap} years later",
                        crate::wrap::clean(&x.written)
                    ),
                )
                .with_label(match si {
                    Some(_) => "the cited work's date".to_owned(),
                    None => "cited in the paragraph anchored here".to_owned(),
                })
                .with_note(format!("in {}", text.path))
                .with_help(format!(
                    "check that the citation names the work of {stated} the sentence describes; allow the code if a later work is the right source"
                )),
            );
        }
    }
}

/// The years a sentence states outside its citations: each year and where
/// it is.
fn stated_years(
    body: &str,
    sentence: std::ops::Range<usize>,
    cites: Vec<std::ops::Range<usize>>,
) -> Vec<(i32, usize)> {
    let Some(s) = body.get(sentence.clone()) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    let mut prev = "";
    let mut pos = 0;
    for w in s.split([' ', '\n']) {
        let at = sentence.start + pos;
        pos += w.len() + 1;
        let digits: String = w
            .trim_start_matches(|c: char| !c.is_ascii_digit())
            .chars()
            .take_while(char::is_ascii_digit)
            .collect();
        let previous = prev.to_lowercase();
        prev = w;
        if digits.len() != 4 || cites.iter().any(|r| r.contains(&at)) {
            continue;
        }
        if NOT_THEN.contains(&previous.trim_matches(|c: char| !c.is_alphanumeric())) {
            continue;
        }
        if let Ok(y) = digits.parse::<i32>()
            && (1000..=2199).contains(&y)
        {
            out.push((y, at));
        }
    }
    out
}
