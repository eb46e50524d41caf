//! `date-style`: the reference list writes its dates in two styles.

use super::Context;
use super::url_style::entry_name;
use crate::diag::{Code, Diagnostic, Level};
use crate::document::references::MonthStyle;

declare_rule! {
    /// ## What it finds
    /// Dates of the document's reference list (of publication, and of
    /// access) written in the less common of two styles: the month
    /// abbreviated (`8 Aug. 2022`) or in full (`8 August 2022`), month
    /// first (`August 8, 2022`) or day first, in words or as numbers
    /// (`2022-08-08`). Months as short in full as abbreviated (`May`,
    /// `June`, `July`) fit either style. Each date of the smaller group is
    /// a finding; on a tie, the later style met is.
    ///
    /// It runs when the document's text is supplied (`text =` or `--text`).
    ///
    /// ## Why it matters
    /// The same date written two ways in one list (`8 Aug. 2022` and `8
    /// August 2022`) is the kind of inconsistency a copy-editor marks on
    /// every page proof.
    ///
    /// ## Example
    /// `(accessed 3 Mar. 2023)` where the other entries write `(accessed 3
    /// March 2023)`.
    ///
    /// ## Fix
    /// Write every date of the reference list in one style.
    pub static RULE = Rule {
        code: Code::DateStyle,
        default_level: Level::Warn,
        summary: "the reference list writes its dates in two styles",
        check: Some(check),
        reads: super::Reads::Texts,
    };
}

/// A date's style as compared.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Debug)]
enum Style {
    Short,
    Full,
    MonthFirst,
    Numbers,
}

impl Style {
    fn describe(self) -> &'static str {
        match self {
            Style::Short => "with the month abbreviated",
            Style::Full => "with the month in full",
            Style::MonthFirst => "month first",
            Style::Numbers => "in numbers",
        }
    }
}

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let a = cx.against;
    let Some(text) = a.text(cx.texts) else { return };
    let doc = &text.structure;
    let mut dates = Vec::new();
    for (k, e) in doc.entries.iter().enumerate() {
        for (d, accessed) in e
            .date
            .iter()
            .map(|d| (d, false))
            .chain(e.accessed.iter().map(|d| (d, true)))
        {
            let style = match (d.style, d.month_first) {
                (MonthStyle::Iso, _) => Some(Style::Numbers),
                (_, true) => Some(Style::MonthFirst),
                (MonthStyle::Short, _) => Some(Style::Short),
                (MonthStyle::Full, _) => Some(Style::Full),
                (MonthStyle::Either, _) => None,
            };
            if let Some(s) = style {
                dates.push((k, d, accessed, s));
            }
        }
    }
    let mut counts: Vec<(Style, usize, usize)> = Vec::new(); // style, count, first seen
    for (i, (_, _, _, s)) in dates.iter().enumerate() {
        match counts.iter_mut().find(|c| c.0 == *s) {
            Some(c) => c.1 += 1,
            None => counts.push((*s, 1, i)),
        }
    }
    if counts.len() < 2 {
        return;
    }
    // The usual style: the most common, the first met on a tie.
    let Some(&(usual, usual_n, _)) = counts
        .iter()
        .max_by(|x, y| x.1.cmp(&y.1).then(y.2.cmp(&x.2)))
    else {
        return;
    };
    for (k, d, accessed, s) in dates {
        if s == usual {
            continue;
        }
        let Some(e) = doc.entries.get(k) else {
            continue;
        };
        let si = a.entry_source.get(k).copied().flatten();
        let span = match si.and_then(|si| cx.map.sources.get(si)) {
            Some(src) if accessed => src
                .accessed
                .as_ref()
                .map_or(src.id.span.clone(), |x| x.span.clone()),
            Some(src) => src
                .date
                .as_ref()
                .map_or(src.id.span.clone(), |x| x.span.clone()),
            None => cx
                .map
                .meta
                .document
                .as_ref()
                .map_or(0..0, |x| x.span.clone()),
        };
        out.push(
            Diagnostic::new(
                Code::DateStyle,
                span,
                format!(
                    "the reference list's entry `{}` (line {}) writes {} date \u{201c}{}\u{201d} {}, where {} are written {}",
                    entry_name(a, k, e),
                    e.line,
                    if accessed { "its access" } else { "its" },
                    crate::wrap::clean(&d.written),
                    s.describe(),
                    crate::english::count_as(usual_n, "other date", "other dates"),
                    usual.describe()
                ),
            )
            .with_label("printed in another style")
            .with_note(format!("in {}", text.path))
            .with_help("write every date of the reference list in one style"),
        );
    }
}
