//! `date-style`: the reference list writes its dates in two styles.

use super::Context;
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
    /// The list is the document's, when its text is supplied (`text =` or
    /// `--text`), else the `printed` entries of the map's sources.
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
    let mut dates = Vec::new();
    for (k, l) in a.list.iter().enumerate() {
        let e = &l.entry;
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
    for (k, date, accessed, s) in dates {
        if s == usual {
            continue;
        }
        let Some(l) = a.list.get(k) else { continue };
        let span = if accessed {
            l.span(cx.map, Some(&date.span), |x| {
                x.accessed.as_ref().map(|v| &v.span)
            })
        } else {
            l.span(cx.map, Some(&date.span), |x| {
                x.date.as_ref().map(|v| &v.span)
            })
        };
        let mut d = Diagnostic::new(
            Code::DateStyle,
            span,
            format!(
                "{} writes {} date \u{201c}{}\u{201d} {}, where {} written {}",
                l.place(cx.map),
                if accessed { "its access" } else { "its" },
                crate::wrap::clean(&date.written),
                s.describe(),
                crate::english::count_as(usual_n, "other date is", "other dates are"),
                usual.describe()
            ),
        )
        .with_label("printed in another style");
        if let Some(n) = a.list_note(cx.texts) {
            d = d.with_note(n);
        }
        out.push(d.with_help("write every date of the reference list in one style"));
    }
}
