//! `duplicate-source`: two bibliography entries for one work.

use std::collections::HashMap;

use super::Context;
use crate::diag::{Code, Diagnostic, Level, Span};

declare_rule! {
    /// ## What it finds
    /// Two sources with the same URL, the same DOI, or the same title and
    /// year. URLs are compared without their scheme, `www.`, fragment and
    /// trailing slash; DOIs without case and without a `https://doi.org/`
    /// prefix; titles without case, punctuation and spacing.
    ///
    /// ## Why it matters
    /// One work entered twice splits its citations between two ids, and the
    /// two entries drift apart as they are edited.
    ///
    /// ## Example
    /// ```toml
    /// [sources.report]
    /// title = "Inspection report"
    /// year = 2024
    ///
    /// [sources.report-2]
    /// title = "Inspection Report"
    /// year = 2024
    /// ```
    ///
    /// ## Fix
    /// Keep one entry, point the other's citations at it, and remove it.
    /// Where they really are different works (two editions), make the titles
    /// or years say so.
    pub static RULE = Rule {
        code: Code::DuplicateSource,
        default_level: Level::Warn,
        summary: "two sources with the same URL, DOI, or title and year",
        check: Some(check),
    };
}

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let mut seen: HashMap<(u8, String), (&str, Span)> = HashMap::new();
    for s in &cx.map.sources {
        let mut keys = Vec::new();
        if let Some(u) = &s.url {
            keys.push((0, url_key(&u.value), "URL"));
        }
        if let Some(d) = &s.doi {
            keys.push((1, doi_key(&d.value), "DOI"));
        }
        if let (Some(t), Some(y)) = (&s.title, s.year()) {
            keys.push((2, format!("{} {y}", title_key(&t.value)), "title and year"));
        }
        for (kind, key, what) in keys {
            if key.trim().is_empty() {
                continue;
            }
            match seen.get(&(kind, key.clone())) {
                Some((first, span)) => {
                    out.push(
                        Diagnostic::new(
                            Code::DuplicateSource,
                            s.id.span.clone(),
                            format!(
                                "sources `{first}` and `{}` have the same {what}",
                                s.id.value
                            ),
                        )
                        .with_label("probably the same work")
                        .with_secondary(span.clone(), format!("`{first}` is here"))
                        .with_help(format!(
                            "keep one entry and cite it in place of `{}`",
                            s.id.value
                        )),
                    );
                    break;
                }
                None => {
                    seen.insert((kind, key), (&s.id.value, s.id.span.clone()));
                }
            }
        }
    }
}

fn url_key(url: &str) -> String {
    let u = url.trim().to_lowercase();
    let u = u.split('#').next().unwrap_or("");
    let u = u.split_once("://").map_or(u, |(_, rest)| rest);
    let u = u.strip_prefix("www.").unwrap_or(u);
    u.trim_end_matches('/').to_owned()
}

fn doi_key(doi: &str) -> String {
    let d = doi.trim().to_lowercase();
    let d = d
        .trim_start_matches("https://doi.org/")
        .trim_start_matches("http://doi.org/")
        .trim_start_matches("https://dx.doi.org/")
        .trim_start_matches("doi:");
    d.trim().to_owned()
}

fn title_key(title: &str) -> String {
    title
        .to_lowercase()
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}
