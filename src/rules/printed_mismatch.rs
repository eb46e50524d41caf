//! `printed-mismatch`: a source's `printed` entry that disagrees with its
//! fields.

use super::Context;
use crate::diag::{Code, Diagnostic, Level};
use crate::document::references;
use crate::verify::{key, source_name};

declare_rule! {
    /// ## What it finds
    /// A source whose `printed` entry (the entry as the analysed text's
    /// reference list prints it) disagrees with its structured fields: the
    /// first author's name (unless the entry prints a same-author dash),
    /// the year, the title (the printed title may be the first words of
    /// `title`, which may add characters and a translation), the day and
    /// month of publication against `date`, the URL, or the access date
    /// against `accessed`. What cannot be read from the printed entry is not
    /// compared; `argmap document` shows how entries are read.
    ///
    /// ## Why it matters
    /// The fields are what argmap checks and exports; the printed entry is
    /// what the reader sees. When they differ, one of them was copied
    /// wrongly, and the checks run on an entry nobody printed.
    ///
    /// ## Example
    /// ```toml
    /// [sources.marsh2018]
    /// title = "Calm Water"
    /// authors = ["Marsh, Ellen"]
    /// year = 2019
    /// printed = "Marsh, Ellen. 2018. *Calm Water*. Leeds: Northern Press."
    /// ```
    ///
    /// ## Fix
    /// Correct whichever is wrong: the field, or the `printed` entry as the
    /// text prints it.
    pub static RULE = Rule {
        code: Code::PrintedMismatch,
        default_level: Level::Warn,
        summary: "a source's `printed` entry that disagrees with its fields",
        check: Some(check),
        reads: super::Reads::Map,
    };
}

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for s in &cx.map.sources {
        let Some(p) = &s.printed else { continue };
        let e = references::read(&p.value, 0..p.value.len(), 1);
        let mut problems: Vec<(String, Option<crate::diag::Span>, Option<crate::diag::Span>)> =
            Vec::new();
        if !e.same_author
            && !e.first_name.is_empty()
            && let Some(name) = source_name(s)
            && key(&name) != key(&e.first_name)
        {
            problems.push((
                format!(
                    "prints the first author as `{}`, but `authors` begins with `{}`",
                    crate::wrap::clean(&e.first_name),
                    crate::wrap::clean(&name)
                ),
                s.authors.as_ref().map(|a| a.span.clone()),
                e.authors_span.clone(),
            ));
        }
        let year_written = s.year.is_some() || s.date.is_some();
        match (e.year.map(|y| i64::from(y.year)), s.year()) {
            (Some(a), Some(b)) if a != b => problems.push((
                format!("prints the year {a}, but the source's year is {b}"),
                s.year.as_ref().map(|y| y.span.clone()),
                None,
            )),
            (None, Some(b)) => problems.push((
                format!("prints no year, but the source's year is {b}"),
                s.year.as_ref().map(|y| y.span.clone()),
                None,
            )),
            (Some(a), None) if !year_written => problems.push((
                format!("prints the year {a}, but the source has no `year`"),
                None,
                None,
            )),
            _ => {}
        }
        if let (Some(t), Some(title)) = (&e.title, &s.title) {
            let printed = key(t);
            let latin: String = title
                .value
                .chars()
                .take_while(|c| !references::is_han(*c) && *c != '[')
                .collect();
            let forms = [key(&title.value), key(&latin)];
            let fits = forms.iter().any(|f| {
                !f.is_empty()
                    && (*f == printed
                        || f.starts_with(&format!("{printed} "))
                        || printed.starts_with(&format!("{f} ")))
            });
            if !printed.is_empty() && !fits {
                problems.push((
                    format!(
                        "prints the title \u{201c}{}\u{201d}, but `title` is \u{201c}{}\u{201d}",
                        crate::wrap::clean(t),
                        crate::wrap::clean(&title.value)
                    ),
                    Some(title.span.clone()),
                    None,
                ));
            }
        }
        if let (Some(d), Some(date)) = (&e.date, &s.date) {
            let (m, day) = (date.value.month(), date.value.day());
            if i8::try_from(d.month).ok() != Some(m) || i8::try_from(d.day).ok() != Some(day) {
                problems.push((
                    format!(
                        "prints the date \u{201c}{}\u{201d}, but `date` is {}",
                        crate::wrap::clean(&d.written),
                        date.value
                    ),
                    Some(date.span.clone()),
                    Some(d.span.clone()),
                ));
            }
        }
        if let (Some(u), Some(url)) = (&e.url, &s.url)
            && u.trim() != url.value.trim()
        {
            problems.push((
                format!(
                    "prints the URL `{}`, but `url` is `{}`",
                    crate::wrap::clean(u),
                    crate::wrap::clean(&url.value)
                ),
                Some(url.span.clone()),
                e.url_span.clone(),
            ));
        }
        if let (Some(d), Some(acc)) = (&e.accessed, &s.accessed) {
            let v = acc.value;
            let same = d.year.is_none_or(|y| i32::from(v.year()) == y)
                && i8::try_from(d.month).ok() == Some(v.month())
                && i8::try_from(d.day).ok() == Some(v.day());
            if !same {
                problems.push((
                    format!(
                        "prints the access date \u{201c}{}\u{201d}, but `accessed` is {}",
                        crate::wrap::clean(&d.written),
                        v
                    ),
                    Some(acc.span.clone()),
                    Some(d.span.clone()),
                ));
            }
        }
        for (problem, field, inner) in problems {
            // Within the value when the string has no escapes.
            let span = match inner {
                Some(r) if p.span.len() == p.value.len() + 2 && r.end <= p.value.len() => {
                    p.span.start + 1 + r.start..p.span.start + 1 + r.end
                }
                _ => p.span.clone(),
            };
            let mut d = Diagnostic::new(
                Code::PrintedMismatch,
                span,
                format!("the printed entry of source `{}` {problem}", s.id.value),
            )
            .with_label("as printed");
            if let Some(f) = field {
                d = d.with_secondary(f, "the field");
            }
            out.push(
                d.with_help("correct the field, or the `printed` entry to what the text prints"),
            );
        }
    }
}
