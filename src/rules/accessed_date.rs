//! `accessed-date`: an `accessed` date in the future or before the source
//! was published.

use super::Context;
use crate::diag::{Code, Diagnostic, Level};
use crate::model::Date;

declare_rule! {
    /// ## What it finds
    /// A source whose `accessed` date is later than today, or earlier than
    /// the source's publication (its `date`, or else the start of its
    /// `year`).
    ///
    /// ## Why it matters
    /// Nobody can read a page before it exists or on a day still to come:
    /// the date, or the year of the entry, is wrong.
    ///
    /// ## Example
    /// ```toml
    /// [sources.report]
    /// title = "Inspection report"
    /// authors = ["County Council"]
    /// year = 2024
    /// accessed = 2023-05-02
    /// ```
    ///
    /// ## Fix
    /// Correct whichever date is wrong: `accessed` or the publication
    /// `year`/`date`.
    pub static RULE = Rule {
        code: Code::AccessedDate,
        default_level: Level::Warn,
        summary: "an `accessed` date in the future or before publication",
        check: Some(check),
    };
}

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let today = cx.today.unwrap_or_else(today);
    for s in &cx.map.sources {
        let Some(accessed) = &s.accessed else {
            continue;
        };
        let id = &s.id.value;
        if accessed.value > today {
            out.push(
                Diagnostic::new(
                    Code::AccessedDate,
                    accessed.span.clone(),
                    format!(
                        "source `{id}` was accessed on {}, which is in the future",
                        accessed.value
                    ),
                )
                .with_label(format!("after today, {today}")),
            );
            continue;
        }
        let (published, how) = match (&s.date, &s.year) {
            (Some(d), _) => (d.value, format!("its `date` is {}", d.value)),
            (None, Some(y)) => (
                Date::new(i16::try_from(y.value).unwrap_or(0), 1, 1).unwrap_or_default(),
                format!("its `year` is {}", y.value),
            ),
            (None, None) => continue,
        };
        let before = match (&s.date, &s.year) {
            (Some(_), _) => accessed.value < published,
            _ => i64::from(accessed.value.year()) < s.year.as_ref().map_or(0, |y| y.value),
        };
        if before {
            out.push(
                Diagnostic::new(
                    Code::AccessedDate,
                    accessed.span.clone(),
                    format!(
                        "source `{id}` was accessed on {}, before it was published",
                        accessed.value
                    ),
                )
                .with_label(how)
                .with_help("correct the `accessed` date or the publication year"),
            );
        }
    }
}

/// Today's date (UTC) from the system clock.
fn today() -> Date {
    jiff::tz::TimeZone::UTC
        .to_datetime(jiff::Timestamp::now())
        .date()
}
