//! `argmap document`: what the document reader reads in a text (headings,
//! paragraphs, in-text citations, the reference list's entries), as a
//! short human listing or as JSON for inspection. The JSON shape is
//! documented in `docs/map-format.md` ("The document reader").

use serde::Serialize;

use crate::document::references::{MonthStyle, TitleMark, UrlStyle};
use crate::document::{Document, Year};
use crate::english::count;

/// Line and column (1-based, in characters) of byte offsets in a text.
pub struct Lines<'a> {
    text: &'a str,
    starts: Vec<usize>,
}

impl<'a> Lines<'a> {
    /// Indexes the line starts of `text`.
    pub fn new(text: &'a str) -> Self {
        let mut starts = vec![0];
        starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        Lines { text, starts }
    }

    /// The line and column of byte `at`.
    pub fn at(&self, at: usize) -> (usize, usize) {
        let line = self.starts.partition_point(|&s| s <= at).max(1);
        let start = self.starts.get(line - 1).copied().unwrap_or(0);
        let col = self
            .text
            .get(start..at)
            .map_or(1, |s| s.chars().count() + 1);
        (line, col)
    }
}

#[derive(Serialize)]
struct JsonDocument<'a> {
    version: u32,
    file: &'a str,
    headings: Vec<JsonHeading<'a>>,
    references_heading: Option<usize>,
    paragraphs: Vec<JsonParagraph>,
    citations: Vec<JsonCitation<'a>>,
    entries: Vec<JsonEntry<'a>>,
}

#[derive(Serialize)]
struct JsonHeading<'a> {
    text: &'a str,
    line: usize,
}

#[derive(Serialize)]
struct JsonParagraph {
    line: usize,
    section: Option<usize>,
    number: usize,
    words: usize,
    part: &'static str,
}

#[derive(Serialize)]
struct JsonCitation<'a> {
    written: &'a str,
    names: &'a [String],
    #[serde(skip_serializing_if = "Option::is_none")]
    gloss: Option<&'a str>,
    et_al: bool,
    year: Option<&'a Year>,
    #[serde(skip_serializing_if = "Option::is_none")]
    locator: Option<&'a str>,
    narrative: bool,
    paragraph: usize,
    line: usize,
    column: usize,
}

#[derive(Serialize)]
struct JsonDate<'a> {
    written: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    year: Option<i32>,
    month: u8,
    day: u8,
    style: MonthStyle,
}

#[derive(Serialize)]
struct JsonEntry<'a> {
    line: usize,
    authors: &'a [String],
    first_name: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    gloss: Option<&'a str>,
    same_author: bool,
    et_al: bool,
    year: Option<&'a Year>,
    title: Option<&'a str>,
    title_mark: Option<TitleMark>,
    date: Option<JsonDate<'a>>,
    url: Option<&'a str>,
    url_style: Option<UrlStyle>,
    accessed: Option<JsonDate<'a>>,
}

fn date(d: Option<&crate::document::references::PrintedDate>) -> Option<JsonDate<'_>> {
    d.map(|d| JsonDate {
        written: &d.written,
        year: d.year,
        month: d.month,
        day: d.day,
        style: d.style,
    })
}

/// The structure of `text` (read as `doc`) as JSON, named `file`.
pub fn to_json(file: &str, text: &str, doc: &Document) -> String {
    let lines = Lines::new(text);
    let json = JsonDocument {
        version: 1,
        file,
        headings: doc
            .headings
            .iter()
            .map(|h| JsonHeading {
                text: &h.text,
                line: h.line,
            })
            .collect(),
        references_heading: doc.references,
        paragraphs: doc
            .paragraphs
            .iter()
            .map(|p| JsonParagraph {
                line: p.line,
                section: p.section,
                number: p.number,
                words: text
                    .get(p.span.clone())
                    .map_or(0, |s| s.split_whitespace().count()),
                part: if p.span.start < doc.body_end {
                    "body"
                } else {
                    "references"
                },
            })
            .collect(),
        citations: doc
            .citations
            .iter()
            .map(|c| {
                let (line, column) = lines.at(c.span.start);
                JsonCitation {
                    written: &c.written,
                    names: &c.names,
                    gloss: c.gloss.as_deref(),
                    et_al: c.et_al,
                    year: c.year.as_ref(),
                    locator: c.locator.as_deref(),
                    narrative: c.narrative,
                    paragraph: c.paragraph,
                    line,
                    column,
                }
            })
            .collect(),
        entries: doc
            .entries
            .iter()
            .map(|e| JsonEntry {
                line: e.line,
                authors: &e.authors,
                first_name: &e.first_name,
                gloss: e.gloss.as_deref(),
                same_author: e.same_author,
                et_al: e.et_al,
                year: e.year.as_ref(),
                title: e.title.as_deref(),
                title_mark: e.title_mark,
                date: date(e.date.as_ref()),
                url: e.url.as_deref(),
                url_style: e.url_style,
                accessed: date(e.accessed.as_ref()),
            })
            .collect(),
    };
    let mut s = serde_json::to_string_pretty(&json).unwrap_or_default();
    s.push('\n');
    s
}

/// The structure of `text` as a short listing: sections with their
/// paragraphs and citations, then the reference list's entries.
pub fn to_human(file: &str, text: &str, doc: &Document) -> String {
    use std::fmt::Write;
    let lines = Lines::new(text);
    let body = doc.body_paragraphs().len();
    let mut out = format!(
        "{file}: {}, {} ({body} in the body), {}, {}\n",
        count(doc.headings.len(), "heading"),
        count(doc.paragraphs.len(), "paragraph"),
        count(doc.citations.len(), "in-text citation"),
        crate::english::count_as(doc.entries.len(), "reference entry", "reference entries"),
    );
    if doc.headings.is_empty() {
        out.push_str("no headings: paragraphs are counted from the start of the text\n");
    }
    if doc.references.is_none() {
        out.push_str(
            "no reference list: no heading named References, Bibliography or Works Cited\n",
        );
    }
    out.push_str("\nsections\n");
    let sections = std::iter::once(None).chain((0..doc.headings.len()).map(Some));
    for h in sections {
        let paras = doc.section_paragraphs(h);
        if h.is_none() && paras.is_empty() {
            continue;
        }
        let first = paras.first().map_or(0, |p| {
            doc.paragraphs
                .iter()
                .position(|q| q.span == p.span)
                .unwrap_or(0)
        });
        let cites = (first..first + paras.len())
            .map(|i| doc.citations_of(i).len())
            .sum::<usize>();
        let (title, line) = match h.and_then(|h| doc.headings.get(h)) {
            Some(h) => (crate::wrap::clean(&h.text), h.line),
            None => ("(before the first heading)".to_owned(), 1),
        };
        let _ = writeln!(
            out,
            "  line {line:<5} {title}: {}, {}",
            count(paras.len(), "paragraph"),
            count(cites, "citation")
        );
    }
    if !doc.citations.is_empty() {
        out.push_str("\ncitations\n");
        for c in &doc.citations {
            let (line, col) = lines.at(c.span.start);
            let mut s = crate::wrap::clean(&c.written);
            if let Some(l) = &c.locator {
                let _ = write!(s, ", {}", crate::wrap::clean(l));
            }
            if c.narrative {
                s.push_str(" (narrative)");
            }
            let _ = writeln!(out, "  {:<10} {s}", format!("{line}:{col}"));
        }
    }
    if !doc.entries.is_empty() {
        out.push_str("\nreference list\n");
        for e in &doc.entries {
            let who = if e.same_author {
                "(same author)".to_owned()
            } else if e.first_name.trim().is_empty() {
                "(no author)".to_owned()
            } else {
                crate::wrap::clean(&e.first_name)
            };
            let year = e.year.map_or("no year".to_owned(), |y| y.to_string());
            let mut extras = Vec::new();
            if e.et_al {
                extras.push("et al.".to_owned());
            }
            if let Some(style) = e.url_style {
                extras.push(
                    match style {
                        UrlStyle::Angle => "url in <>",
                        UrlStyle::Bare => "bare url",
                        UrlStyle::NoScheme => "url without scheme",
                    }
                    .to_owned(),
                );
            }
            if let Some(a) = &e.accessed {
                extras.push(format!("accessed {}", crate::wrap::clean(&a.written)));
            }
            let extras = if extras.is_empty() {
                String::new()
            } else {
                format!(" ({})", extras.join(", "))
            };
            let _ = writeln!(out, "  line {:<5} {who} {year}{extras}", e.line);
        }
    }
    out
}
