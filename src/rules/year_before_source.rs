//! `year-before-source`: the sentence that cites a source states a year
//! more than a year before the source's own.

use super::Context;
use crate::diag::{Code, Diagnostic, Level};

declare_rule! {
    /// ## What it finds
    /// An in-text citation whose sentence states the time it speaks of as
    /// a year (`In 2016, ...`, `during 2015`, `at ... in 2014`) more than
    /// one year before the year of the work it cites (`(Roe 2018)`). Only a
    /// year after `in`, `during`, `on` or `at` is read as the sentence's
    /// time: decades (`the 1980s`), ranges (`between 2001 and 2019`,
    /// `2016–17`), years after `since` or `by`, years that qualify a noun
    /// (`a 1990 survey`) and years inside citations are not. Each work is
    /// reported once per sentence.
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

/// Words before a year that say the sentence speaks of that time: `In
/// 2016, ...`, `during 2015`.
const THEN: &[&str] = &["in", "during", "on", "at"];

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let a = cx.against;
    let Some((text, doc)) = cx.document() else {
        return;
    };
    let body = text.index.original();
    for (c, same) in crate::verify::by_sentence(doc) {
        let same: Vec<usize> = same.collect();
        let cites: Vec<std::ops::Range<usize>> = same
            .iter()
            .filter_map(|&j| doc.citations.get(j))
            .map(|x| x.span.clone())
            .collect();
        let years = stated_years(body, c.sentence.clone(), &cites);
        let Some(&(stated, _)) = years.iter().min() else {
            continue;
        };
        // Each work once per sentence.
        let mut seen = std::collections::HashSet::new();
        for j in same {
            let Some(x) = doc.citations.get(j) else {
                continue;
            };
            if !seen.insert(&x.written) {
                continue;
            }
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

/// The years a sentence states outside its citations, as the time it
/// speaks of: a year after `in`, `during`, `on` or `at` (`In 2016, ...`),
/// not a decade (`1980s`), a range (`2001–2019`) or a number (`1200
/// boats`); each year and where it is. `cites`, in order, are the byte
/// ranges of the sentence's citations.
fn stated_years(
    body: &str,
    sentence: std::ops::Range<usize>,
    cites: &[std::ops::Range<usize>],
) -> Vec<(i32, usize)> {
    let Some(s) = body.get(sentence.clone()) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    let mut prev = "";
    let mut pos = 0;
    // Citations and words are both in order: one pointer walks the former.
    let mut next_cite = 0;
    for w in s.split([' ', '\n']) {
        let at = sentence.start + pos;
        pos += w.len() + 1;
        let previous = prev.to_lowercase();
        prev = w;
        while cites.get(next_cite).is_some_and(|r| r.end <= at) {
            next_cite += 1;
        }
        if cites.get(next_cite).is_some_and(|r| r.contains(&at)) {
            continue;
        }
        if !THEN.contains(&previous.trim_matches(|c: char| !c.is_alphanumeric())) {
            continue;
        }
        // The word is the year, and what follows it is punctuation.
        let bare = w.trim_start_matches(['(', '\u{201C}', '"']);
        let digits: String = bare.chars().take_while(char::is_ascii_digit).collect();
        let after = bare.get(digits.len()..).unwrap_or("");
        let plain_end = after.chars().all(|c| {
            matches!(
                c,
                ',' | '.' | ';' | ':' | ')' | '\u{201D}' | '"' | '!' | '?'
            )
        });
        if digits.len() != 4 || !plain_end {
            continue;
        }
        // Years of works argmap reads: from 1500 (a number such as `in 1200
        // boats` is not taken for one).
        if let Ok(y) = digits.parse::<i32>()
            && (1500..=2199).contains(&y)
        {
            out.push((y, at));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::indexing_slicing)]

    use super::*;

    fn years(s: &str) -> Vec<i32> {
        let cites: Vec<std::ops::Range<usize>> = s
            .match_indices("(Jones 2020)")
            .map(|(i, m)| i + 1..i + m.len() - 1)
            .collect();
        stated_years(s, 0..s.len(), &cites)
            .into_iter()
            .map(|(y, _)| y)
            .collect()
    }

    #[test]
    fn only_the_time_a_sentence_speaks_of_is_read() {
        assert_eq!(years("In 2016, the port shut (Jones 2020)."), [2016]);
        assert_eq!(years("It shut during 2015 (Jones 2020)."), [2015]);
        assert_eq!(
            years("Since the 1980s, towns shrank (Jones 2020)."),
            Vec::<i32>::new()
        );
        assert_eq!(
            years("In the 1980s, towns shrank (Jones 2020)."),
            Vec::<i32>::new()
        );
        assert_eq!(
            years("Between 2001 and 2019 ten closed (Jones 2020)."),
            Vec::<i32>::new()
        );
        assert_eq!(
            years("A 1990 survey counted them (Jones 2020)."),
            Vec::<i32>::new()
        );
        assert_eq!(
            years("In 1200 boats they sailed (Jones 2020)."),
            Vec::<i32>::new()
        );
        assert_eq!(
            years("Over 2016\u{2013}17 it fell (Jones 2020)."),
            Vec::<i32>::new()
        );
        assert_eq!(
            years("By 2030 it will close (Jones 2020)."),
            Vec::<i32>::new()
        );
        assert_eq!(years("It was cited (Jones 2020)."), Vec::<i32>::new());
    }
}
