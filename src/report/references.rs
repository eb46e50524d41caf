//! The report's list of references: every source of the map formatted in a
//! citation style by hayagriva's CSL processor (Chicago author-date unless
//! the user names another of the styles it bundles), each with the claims
//! that cite it and the findings about it.
//!
//! The formatted text comes back as runs of text with their formatting
//! ([`Run`]); the Markdown and HTML presenters escape each run, so no
//! markup from a map (or from a style) reaches the page as markup.

use hayagriva::archive::{ArchivedStyle, locales};
use hayagriva::citationberg::{FontStyle, FontWeight, Style};
use hayagriva::types::{Date, EntryType, FormatString, Person, Publisher, QualifiedUrl};
use hayagriva::{
    BibliographyDriver, BibliographyRequest, CitationItem, CitationRequest, ElemChild, Entry,
};

use crate::diag::{Diagnostic, FileReport, Span};
use crate::graph::MapGraph;
use crate::model::{Map, Source, SourceKind};

/// The style used when none is named: Chicago author-date, as the
/// analysed texts of argmap's users mostly cite.
pub const DEFAULT_STYLE: &str = "chicago-author-date";

/// A citation style of those hayagriva bundles, by name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CitationStyle {
    style: ArchivedStyle,
}

impl CitationStyle {
    /// The style named `name` (`apa`, `chicago-author-date`, `ieee`,
    /// `mla`, ...).
    pub fn by_name(name: &str) -> Option<CitationStyle> {
        ArchivedStyle::by_name(name).map(|style| CitationStyle { style })
    }

    /// Every name a style can be given, sorted.
    pub fn names() -> Vec<&'static str> {
        let mut names: Vec<&'static str> = ArchivedStyle::all()
            .iter()
            .flat_map(|s| s.names().iter().copied())
            .collect();
        names.sort_unstable();
        names
    }

    /// The style's title, for the report: `Chicago Manual of Style 17th
    /// edition (author-date)`.
    pub fn title(self) -> String {
        match self.style.get() {
            Style::Independent(s) => s.info.title.value.clone(),
            Style::Dependent(s) => s.info.title.value.clone(),
        }
    }
}

impl Default for CitationStyle {
    fn default() -> Self {
        CitationStyle {
            style: ArchivedStyle::ChicagoAuthorDate,
        }
    }
}

/// A run of formatted text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Run {
    /// The text, as it is to be shown (escaped by the presenter).
    pub text: String,
    /// In italics.
    pub italic: bool,
    /// In bold.
    pub bold: bool,
    /// A link's target.
    pub link: Option<String>,
}

/// One source as the list of references shows it.
#[derive(Clone, Debug)]
pub struct Reference<'a> {
    /// Index into `map.sources`.
    pub source: usize,
    /// Its id.
    pub id: &'a str,
    /// The formatted reference.
    pub runs: Vec<Run>,
    /// The ids of the claims that cite it, in file order.
    pub cited_by: Vec<&'a str>,
    /// The findings about it (whose span is in its table or its entry), in
    /// file order.
    pub findings: Vec<&'a Diagnostic>,
}

impl Reference<'_> {
    /// The codes of the findings about it, each once, in the order of the
    /// findings.
    pub fn codes(&self) -> Vec<&'static str> {
        let mut codes: Vec<&'static str> = Vec::new();
        for d in &self.findings {
            if !codes.contains(&d.code.as_str()) {
                codes.push(d.code.as_str());
            }
        }
        codes
    }
}

/// Every source of `map` that owns its id, formatted in `style` and in the
/// order the style sorts its bibliography, with the claims that cite it
/// and the findings of `report` about it.
pub fn references<'a>(
    map: &'a Map,
    graph: &MapGraph,
    report: &'a FileReport,
    style: CitationStyle,
) -> Vec<Reference<'a>> {
    let r = &graph.resolved;
    let owned: Vec<usize> = (0..map.sources.len())
        .filter(|&i| r.owns(crate::model::Kind::Source, i))
        .collect();
    let entries: Vec<Entry> = owned
        .iter()
        .filter_map(|&i| map.sources.get(i))
        .map(entry)
        .collect();
    let mut cited_by: Vec<Vec<&'a str>> = vec![Vec::new(); map.sources.len()];
    for (i, c) in map.claims.iter().enumerate() {
        for s in r.cites.of(i).iter().flatten() {
            if let Some(list) = cited_by.get_mut(*s)
                && list.last() != Some(&c.id.as_str())
            {
                list.push(c.id.as_str());
            }
        }
    }
    let findings = findings_by_source(map, report);
    let Style::Independent(independent) = style.style.get() else {
        return Vec::new();
    };
    let locales = locales();
    let mut driver = BibliographyDriver::new();
    for e in &entries {
        driver.citation(CitationRequest::from_items(
            vec![CitationItem::with_entry(e)],
            &independent,
            &locales,
        ));
    }
    let rendered = driver.finish(BibliographyRequest::new(&independent, None, &locales));
    let by_key: std::collections::HashMap<&str, usize> = owned
        .iter()
        .filter_map(|&i| map.sources.get(i).map(|s| (s.id.as_str(), i)))
        .collect();
    let mut out = Vec::with_capacity(owned.len());
    for item in rendered.bibliography.map(|b| b.items).unwrap_or_default() {
        let Some(&i) = by_key.get(item.key.as_str()) else {
            continue;
        };
        let mut runs = Vec::new();
        for child in &item.content.0 {
            flatten(child, &mut runs);
        }
        out.push(Reference {
            source: i,
            id: map.sources.get(i).map_or("", |s| s.id.as_str()),
            runs: tidy(runs),
            cited_by: cited_by.get(i).cloned().unwrap_or_default(),
            findings: findings.get(i).cloned().unwrap_or_default(),
        });
    }
    out
}

/// The findings of `report` about each source: those whose span is in the
/// source's table of the map or its entry of a bibliography file.
fn findings_by_source<'a>(map: &Map, report: &'a FileReport) -> Vec<Vec<&'a Diagnostic>> {
    // Where each item's table (or entry) starts; a finding belongs to the
    // last one starting at or before it.
    let mut starts: Vec<(usize, Option<usize>)> = Vec::new();
    for (i, s) in map.sources.iter().enumerate() {
        starts.push((s.id.span.start, Some(i)));
        if let Some(from) = &s.from {
            // An entry of a file ends where it ends: a finding after it (an
            // entry left out) is about no source.
            starts.push((from.entry.start, Some(i)));
            starts.push((from.entry.end, None));
            if let Some(t) = &from.table {
                starts.push((t.start, Some(i)));
            }
        }
    }
    let others = map
        .claims
        .iter()
        .map(|c| &c.id)
        .chain(map.arguments.iter().map(|a| &a.id))
        .chain(map.sections.iter().map(|s| &s.id))
        .chain(map.actors.iter().map(|a| &a.id));
    starts.extend(others.map(|id| (id.span.start, None)));
    starts.extend(map.bibliographies.iter().map(|b| (b.base, None)));
    starts.push((map.meta.span.start, None));
    starts.sort_unstable();
    let mut out = vec![Vec::new(); map.sources.len()];
    let owner = |span: &Span| {
        let at = starts.partition_point(|(s, _)| *s <= span.start);
        at.checked_sub(1)
            .and_then(|k| starts.get(k))
            .and_then(|(_, o)| *o)
    };
    for d in &report.diagnostics {
        if let Some(list) = owner(&d.span).and_then(|i| out.get_mut(i)) {
            list.push(d);
        }
    }
    out
}

/// Adjacent runs of the same formatting joined, and the punctuation that
/// hayagriva doubles where a group of the style is empty made single: a
/// period after a quoted title that ends in one (`“Guidance.”.`, a web
/// page without a site), a comma before a period (`*Journal*,.`, an
/// article without volume or pages).
fn tidy(runs: Vec<Run>) -> Vec<Run> {
    let mut out: Vec<Run> = Vec::with_capacity(runs.len());
    for mut r in runs {
        let ends_closed = out
            .iter()
            .rev()
            .find(|p| !p.text.is_empty())
            .is_some_and(|p| p.text.ends_with(".\u{201d}") || p.text.ends_with(".\""));
        if ends_closed && r.text.starts_with('.') {
            r.text.remove(0);
        }
        // `*Journal*,.`: an article without volume or pages.
        if r.text.starts_with('.')
            && let Some(p) = out.iter_mut().rev().find(|p| !p.text.is_empty())
            && p.text.ends_with(',')
        {
            p.text.pop();
        }
        match out.last_mut() {
            Some(last) if last.italic == r.italic && last.bold == r.bold && last.link == r.link => {
                last.text.push_str(&r.text);
            }
            _ => out.push(r),
        }
    }
    for r in &mut out {
        if r.text.contains(".\u{201d}.") || r.text.contains(",.") {
            r.text = r.text.replace(".\u{201d}.", ".\u{201d}").replace(",.", ".");
        }
    }
    out
}

/// The runs of text of a rendered element.
fn flatten(child: &ElemChild, out: &mut Vec<Run>) {
    let run = |f: &hayagriva::Formatted, link: Option<String>| Run {
        text: f.text.clone(),
        italic: f.formatting.font_style == FontStyle::Italic,
        bold: f.formatting.font_weight == FontWeight::Bold,
        link,
    };
    match child {
        ElemChild::Text(f) => out.push(run(f, None)),
        ElemChild::Link { text, url } => out.push(run(text, Some(url.clone()))),
        ElemChild::Elem(e) => {
            for c in &e.children.0 {
                flatten(c, out);
            }
        }
        ElemChild::Markup(m) => out.push(Run {
            text: m.clone(),
            italic: false,
            bold: false,
            link: None,
        }),
        ElemChild::Transparent { .. } => {}
    }
}

/// A name as hayagriva takes it: `Family, Given` in its parts, any other
/// name whole (an organisation).
fn person(name: &str) -> Person {
    let parts: Vec<&str> = name.split(',').collect();
    if parts.len() > 1
        && let Ok(p) = Person::from_strings(parts)
    {
        return p;
    }
    Person {
        name: name.trim().to_owned(),
        given_name: None,
        prefix: None,
        suffix: None,
        comma_suffix: false,
        alias: None,
    }
}

/// A date as hayagriva keeps it (months and days from 0).
fn date(year: i64, month_day: Option<(i8, i8)>) -> Date {
    Date {
        year: i32::try_from(year).unwrap_or_default(),
        month: month_day.and_then(|(m, _)| u8::try_from(m - 1).ok()),
        day: month_day.and_then(|(_, d)| u8::try_from(d - 1).ok()),
        approximate: false,
        season: None,
    }
}

/// A source as a hayagriva entry: its container as the parent a style
/// expects for its kind (a periodical for an article, an anthology for a
/// chapter).
fn entry(s: &Source) -> Entry {
    let kind = s.kind.as_ref().map(|k| k.value);
    let (ty, parent) = match kind {
        Some(SourceKind::Book) => (EntryType::Book, EntryType::Book),
        Some(SourceKind::Chapter) => (EntryType::Chapter, EntryType::Anthology),
        Some(SourceKind::Article) => (EntryType::Article, EntryType::Periodical),
        Some(SourceKind::News) => (EntryType::Article, EntryType::Newspaper),
        Some(SourceKind::Report) => (EntryType::Report, EntryType::Misc),
        Some(SourceKind::Web) => (EntryType::Web, EntryType::Web),
        Some(SourceKind::Law) => (EntryType::Legislation, EntryType::Misc),
        Some(SourceKind::Speech | SourceKind::Dataset | SourceKind::Other) | None => {
            (EntryType::Misc, EntryType::Misc)
        }
    };
    let mut e = Entry::new(s.id.as_str(), ty);
    if let Some(t) = &s.title {
        e.set_title(FormatString::with_value(t.value.clone()));
    }
    if let Some(a) = &s.authors {
        e.set_authors(a.value.iter().map(|n| person(&n.value)).collect());
    }
    match (&s.date, &s.year) {
        (Some(d), _) => e.set_date(date(
            i64::from(d.value.year()),
            Some((d.value.month(), d.value.day())),
        )),
        (None, Some(y)) => e.set_date(date(y.value, None)),
        (None, None) => {}
    }
    if let Some(p) = &s.publisher {
        e.set_publisher(Publisher::new(
            Some(FormatString::with_value(p.value.clone())),
            None,
        ));
    }
    if let Some(u) = &s.url
        && let Ok(url) = url::Url::parse(&u.value)
    {
        let visited = s.accessed.as_ref().map(|a| {
            date(
                i64::from(a.value.year()),
                Some((a.value.month(), a.value.day())),
            )
        });
        e.set_url(QualifiedUrl::new(url, visited));
    }
    if let Some(v) = &s.volume
        && let Ok(v) = v.value.parse()
    {
        e.set_volume(v);
    }
    if let Some(i) = &s.issue
        && let Ok(i) = i.value.parse()
    {
        e.set_issue(i);
    }
    if let Some(p) = &s.pages
        && let Ok(p) = p.value.parse()
    {
        e.set_page_range(p);
    }
    if let Some(d) = &s.doi {
        // The style writes the link: a DOI written as one (which
        // `invalid-doi` reports) is given bare.
        let raw = d.value.trim();
        let bare = crate::model::doi_without_prefix(raw).unwrap_or(raw);
        e.set_doi(bare.to_owned());
    }
    if let Some(i) = &s.isbn {
        e.set_isbn(i.value.clone());
    }
    if let Some(c) = &s.container {
        let mut p = Entry::new(s.id.as_str(), parent);
        p.set_title(FormatString::with_value(c.value.clone()));
        e.set_parents(vec![p]);
    }
    e
}
