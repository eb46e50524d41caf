//! `url-date-mismatch`: a source whose URL is dated otherwise than the
//! source.

use super::Context;
use crate::diag::{Code, Diagnostic, Level};

declare_rule! {
    /// ## What it finds
    /// A source whose `url` carries a date that contradicts its `date`, or
    /// its `year` when it has no `date`. The two are compared as far as the
    /// URL goes: a URL that gives a year and a month is compared by year
    /// and month, and with a source that has only a `year`, by year.
    ///
    /// The date is read from the URL's path (not its host, query or
    /// fragment), from the first of these forms, with each month and day
    /// checked to be a date (years 1900 to 2099):
    /// - a segment `2020-04-28`, or a slug that begins with one
    ///   (`/2020-04-28-title`);
    /// - a segment `2016-12`, with a day in the next segment
    ///   (`/2016-12/27/`) or not (`/2016-12/`);
    /// - segments `2021/10/11`, `2021/06` or `2017/0301`;
    /// - a segment `20170301`, or `t20170301_599869` (as Chinese government
    ///   sites write it); a segment `201703`, made a full date by such a
    ///   segment after it (`/201703/t20170301_599869.html`).
    ///
    /// A year alone (`/2019/`) is not read, nor numbers that are not one of
    /// these forms (ids such as `/1036582/` or `c_1126680390`), months
    /// written as words (`dec-2021`), nor anything under an `uploads`
    /// folder (`/wp-content/uploads/2021/06/`), which dates the upload of a
    /// file rather than the work.
    ///
    /// ## Why it matters
    /// Sites that date their URLs date them when they publish. A URL dated
    /// a month after the entry's date means that one of the two was
    /// copied wrong, or that the URL is another document's (a later
    /// reprint, a translation), and a reader following the reference finds
    /// a date that does not match.
    ///
    /// ## Example
    /// ```toml
    /// [sources.zhongyang2017]
    /// title = "Speeding up the promotion of cyber development"
    /// date = 2017-08-15
    /// url = "http://www.qstheory.cn/dukan/qs/2017-09/15/c_1121647633.htm"
    /// ```
    ///
    /// ## Fix
    /// Look at the page: correct the `date` (or `year`) when the entry is
    /// wrong, or the `url` when it names another document.
    pub static RULE = Rule {
        code: Code::UrlDateMismatch,
        default_level: Level::Warn,
        summary: "a date in a source's URL that contradicts its `date` or `year`",
        check: Some(check),
    };
}

/// A date read from a URL, as far as the URL gives it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct UrlDate {
    year: i16,
    month: i8,
    day: Option<i8>,
}

impl std::fmt::Display for UrlDate {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:04}-{:02}", self.year, self.month)?;
        if let Some(d) = self.day {
            write!(f, "-{d:02}")?;
        }
        Ok(())
    }
}

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for s in &cx.map.sources {
        let Some(url) = &s.url else { continue };
        let Some(dated) = url_date(&url.value) else {
            continue;
        };
        // The source's date as far as the URL goes, and whether they agree.
        let (key, span, stated, agrees) = match (&s.date, &s.year) {
            (Some(d), _) => {
                let v = d.value;
                let agrees = (v.year(), v.month()) == (dated.year, dated.month)
                    && dated.day.is_none_or(|day| v.day() == day);
                ("date", d.span.clone(), v.to_string(), agrees)
            }
            (None, Some(y)) => (
                "year",
                y.span.clone(),
                y.value.to_string(),
                y.value == i64::from(dated.year),
            ),
            (None, None) => continue, // `source-missing-field`
        };
        if agrees {
            continue;
        }
        out.push(
            Diagnostic::new(
                Code::UrlDateMismatch,
                url.span.clone(),
                format!(
                    "`url` of source `{}` is dated {dated}, but its `{key}` is {stated}",
                    s.id.value
                ),
            )
            .with_label(format!("dated {dated} by its path"))
            .with_secondary(span, format!("the source's `{key}`"))
            .with_help(format!(
                "look at the page: correct the `{key}` if the entry is wrong, or the `url` if it names another document"
            )),
        );
    }
}

/// The date a URL's path carries, in the forms the rule's documentation
/// lists; `None` when it carries none.
fn url_date(url: &str) -> Option<UrlDate> {
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    let rest = rest.split(['?', '#']).next().unwrap_or("");
    let path = rest.split_once('/').map_or("", |(_, p)| p);
    let segments: Vec<&str> = path
        .split('/')
        .take_while(|s| !s.eq_ignore_ascii_case("uploads"))
        .collect();
    let mut k = 0;
    while k < segments.len() {
        if let Some((date, used)) = read_at(&segments, k) {
            // A month made a full date by the segment after it.
            if date.day.is_none()
                && let Some((finer, _)) = read_at(&segments, k + used)
                && finer.day.is_some()
                && (finer.year, finer.month) == (date.year, date.month)
            {
                return Some(finer);
            }
            return Some(date);
        }
        k += 1;
    }
    None
}

/// The date that begins at segment `k`, and how many segments it takes.
fn read_at(segments: &[&str], k: usize) -> Option<(UrlDate, usize)> {
    let seg = stem(segments.get(k)?);
    let next = segments.get(k + 1).map(|s| stem(s));
    let b = seg.as_bytes();
    let digits = |from: usize, n: usize| -> Option<i32> {
        let part = seg.get(from..from + n)?;
        part.bytes()
            .all(|c| c.is_ascii_digit())
            .then(|| part.parse().ok())
            .flatten()
    };
    let day_of = |s: Option<&str>| -> Option<i8> {
        let s = s?;
        (s.len() == 2 && s.bytes().all(|c| c.is_ascii_digit()))
            .then(|| s.parse().ok())
            .flatten()
    };
    // `2020-04-28`, alone or beginning a slug.
    if b.len() >= 10 && b.get(4) == Some(&b'-') && b.get(7) == Some(&b'-') {
        let (y, m, d) = (digits(0, 4)?, digits(5, 2)?, digits(8, 2)?);
        let end_ok = b.len() == 10 || matches!(b.get(10), Some(b'-' | b'_'));
        return end_ok
            .then(|| date(y, m, Some(d)))
            .flatten()
            .map(|x| (x, 1));
    }
    // `2016-12`, with a day in the next segment or not.
    if b.len() == 7 && b.get(4) == Some(&b'-') {
        let (y, m) = (digits(0, 4)?, digits(5, 2)?);
        if let Some(d) = day_of(next).and_then(|d| date(y, m, Some(i32::from(d)))) {
            return Some((d, 2));
        }
        return date(y, m, None).map(|x| (x, 1));
    }
    // `2021/10/11`, `2021/06`, `2017/0301`.
    if b.len() == 4 && digits(0, 4).is_some() {
        let y = digits(0, 4)?;
        let next = next?;
        let month = |s: &str| {
            (s.len() == 2 && s.bytes().all(|c| c.is_ascii_digit()))
                .then(|| s.parse::<i32>().ok())
                .flatten()
        };
        if next.len() == 4 && next.bytes().all(|c| c.is_ascii_digit()) {
            let m = next.get(..2)?.parse().ok()?;
            let d = next.get(2..)?.parse().ok()?;
            return date(y, m, Some(d)).map(|x| (x, 2));
        }
        let m = month(next)?;
        let after = segments.get(k + 2).map(|s| stem(s));
        if let Some(d) = day_of(after).and_then(|d| date(y, m, Some(i32::from(d)))) {
            return Some((d, 3));
        }
        return date(y, m, None).map(|x| (x, 2));
    }
    // `20170301`, `t20170301_599869`.
    let compact = seg
        .strip_prefix('t')
        .filter(|r| r.len() > 9 && r.as_bytes().get(8) == Some(&b'_') && r.get(..8).is_some());
    let compact = match compact {
        Some(r) => r.get(..8)?,
        None => seg,
    };
    if compact.len() == 8 && compact.bytes().all(|c| c.is_ascii_digit()) {
        let y = compact.get(..4)?.parse().ok()?;
        let m = compact.get(4..6)?.parse().ok()?;
        let d = compact.get(6..)?.parse().ok()?;
        return date(y, m, Some(d)).map(|x| (x, 1));
    }
    // `201703`.
    if seg.len() == 6 && seg.bytes().all(|c| c.is_ascii_digit()) {
        let y = digits(0, 4)?;
        let m = digits(4, 2)?;
        return date(y, m, None).map(|x| (x, 1));
    }
    None
}

/// A path segment without its extension (`c_1126680390.htm`).
fn stem(s: &str) -> &str {
    s.split('.').next().unwrap_or(s)
}

/// The date of year `y`, month `m` and day `d`, if it is one (years 1900
/// to 2099).
fn date(y: i32, m: i32, d: Option<i32>) -> Option<UrlDate> {
    if !(1900..=2099).contains(&y) || !(1..=12).contains(&m) {
        return None;
    }
    let (year, month) = (i16::try_from(y).ok()?, i8::try_from(m).ok()?);
    let day = match d {
        Some(d) => {
            let d = i8::try_from(d).ok()?;
            jiff::civil::Date::new(year, month, d).ok()?;
            Some(d)
        }
        None => None,
    };
    Some(UrlDate { year, month, day })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(url: &str) -> Option<String> {
        url_date(url).map(|d| d.to_string())
    }

    #[test]
    fn reads_the_dated_forms() {
        for (url, want) in [
            (
                "http://www.qstheory.cn/dukan/qs/2017-09/15/c_1121647633.htm",
                "2017-09-15",
            ),
            (
                "https://www.technologyreview.com/2021/10/11/1036582/darren-byler/",
                "2021-10-11",
            ),
            (
                "https://www.fmprc.gov.cn/mfa_eng/qtwt_665250/201703/t20170301_599869.html#:~:text=x",
                "2017-03-01",
            ),
            (
                "http://www.cac.gov.cn/2016-12/27/c_1120195926.htm",
                "2016-12-27",
            ),
            (
                "https://www.iiss.org/blogs/research-paper/2021/06/cyber-capabilities",
                "2021-06",
            ),
            (
                "http://www.81.cn/gfbmap/content/2020-04/14/content_258839.htm",
                "2020-04-14",
            ),
            ("http://example.org/news/2016-12/", "2016-12"),
            ("http://example.org/2020-04-28-a-title", "2020-04-28"),
            (
                "http://example.org/n1/2017/0301/c1001-29.html",
                "2017-03-01",
            ),
            ("http://example.org/a/20170301.html", "2017-03-01"),
            ("http://example.org/a/201703/", "2017-03"),
            ("example.org/2019/12/31/", "2019-12-31"),
        ] {
            assert_eq!(read(url).as_deref(), Some(want), "{url}");
        }
    }

    #[test]
    fn numbers_that_are_not_dates_are_not_read() {
        for url in [
            "https://muse.jhu.edu/article/563560",
            "https://example.org/search?d=2020-01-01",
            "https://ssrn.com/abstract=3964684",
            "https://digichina.stanford.edu/work/translation-14th-five-year-plan-dec-2021/",
            "https://example.org/report/2019/",
            "https://example.org/wp-content/uploads/2021/06/report.pdf",
            "https://example.org/budget/2016-17/",
            "https://example.org/items/2017/13/",
            "https://example.org/2021-02-30/",
            "https://example.org/ids/1036582/",
            "https://2021.example.org/06/",
            "https://example.org/a#/2021/06/01",
            "https://example.org/a/1850/06/",
        ] {
            assert_eq!(read(url), None, "{url}");
        }
        // A month alone when the day segment is not a day.
        assert_eq!(
            read("http://www.qstheory.cn/dukan/qs/2020-10/c_1126680390.htm").as_deref(),
            Some("2020-10")
        );
    }
}
