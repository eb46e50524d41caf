//! `accessed-date`: an `accessed` date in the future or before the source
//! was published.

use std::time::{SystemTime, UNIX_EPOCH};

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
                Date {
                    year: u16::try_from(y.value).unwrap_or(0),
                    month: 1,
                    day: 1,
                },
                format!("its `year` is {}", y.value),
            ),
            (None, None) => continue,
        };
        let before = match (&s.date, &s.year) {
            (Some(_), _) => accessed.value < published,
            _ => i64::from(accessed.value.year) < s.year.as_ref().map_or(0, |y| y.value),
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
    let secs = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    civil_from_days(i64::try_from(secs / 86_400).unwrap_or(0))
}

/// The proleptic Gregorian date of a day count since 1970-01-01
/// (Howard Hinnant's algorithm).
fn civil_from_days(z: i64) -> Date {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    Date {
        year: u16::try_from(year).unwrap_or(0),
        month: u8::try_from(month).unwrap_or(1),
        day: u8::try_from(day).unwrap_or(1),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn day_counts_become_dates() {
        let d = |y, m, dd| Date {
            year: y,
            month: m,
            day: dd,
        };
        assert_eq!(civil_from_days(0), d(1970, 1, 1));
        assert_eq!(civil_from_days(19_358), d(2023, 1, 1));
        assert_eq!(civil_from_days(11_016), d(2000, 2, 29));
    }
}
