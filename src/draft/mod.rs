//! `argmap draft`: a starting map made from a document. The document
//! reader ([`crate::document`]) gives its headings, paragraphs, in-text
//! citations and reference list; the draft turns them into a map that
//! `argmap check` accepts apart from its placeholders:
//!
//! - `[map]`: the document's first heading as the title (else its file
//!   name), format version 2, the document as a source with its `text`, and
//!   `[lints] uncited-claim = "warn"` (most paragraphs cite nothing);
//! - a section for each heading that has paragraphs before the reference
//!   list, titled with the heading;
//! - a source for each entry of the reference list: authors (a same-author
//!   dash is the author of the entry above), year, title, container,
//!   publisher, date, URL, access date, and `cited-as`: the first in-text
//!   citation of the entry's first author (or its bracketed abbreviation)
//!   and year, else the author and year;
//! - a claim for each paragraph, anchored to it (`para`, counted under its
//!   section's heading), citing the sources its in-text citations name, as
//!   [`crate::verify`] matches them, with a placeholder text
//!   ([`CLAIM_TEXT`]) that the writer replaces. The draft never copies the
//!   document's sentences.
//!
//! What cannot be read is said in comments in the file and in
//! [`Summary::unread`]; nothing is guessed. The work is linear in the text.

mod write;

use std::collections::{HashMap, HashSet};

use crate::document::references::{Entry, PrintedDate, family_name, publication};
use crate::document::{Document, Year, heading_key};
use crate::model::Date;
use crate::verify::key;

/// The text of every drafted claim: a placeholder, which
/// `placeholder-text` reports until the writer replaces it.
pub const CLAIM_TEXT: &str = "TODO: state this paragraph's claim in your own words";

/// What a draft needs besides the text.
#[derive(Clone, Debug, Default)]
pub struct Options {
    /// The document's path as the map's `text` key gives it: relative to
    /// the folder the map is written in.
    pub text_path: String,
    /// The document's file name: the title when it has no heading, and the
    /// document's source id.
    pub name: String,
    /// The map's file as `argmap check` would be given it, for the header's
    /// advice; `None`: the map goes to stdout.
    pub map_name: Option<String>,
    /// Whether `text_path` leaves the map's folder, so that `check` needs
    /// `--allow-outside-texts` to read it.
    pub outside: bool,
}

/// A drafted map.
#[derive(Clone, Debug)]
pub struct Drafted {
    /// The map, as the text of a TOML file.
    pub toml: String,
    /// What it holds, and what could not be read.
    pub summary: Summary,
}

/// What a draft holds.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Summary {
    /// Sections made.
    pub sections: usize,
    /// Claims made: one per paragraph of the body.
    pub claims: usize,
    /// Claims with at least one citation.
    pub cited_claims: usize,
    /// Sources made from the reference list (the document aside).
    pub sources: usize,
    /// What the draft could not read, one line each (also in the file's
    /// header).
    pub unread: Vec<String>,
}

/// A section of the draft.
struct SectionPlan {
    id: String,
    title: String,
    /// Whether `check` finds its heading as this one (not an earlier
    /// heading with the same words), so that its paragraphs can be located.
    locatable: bool,
}

/// A source of the draft, from one reference entry.
#[derive(Default)]
struct SourcePlan {
    id: String,
    title: Option<String>,
    authors: Vec<String>,
    year: Option<i32>,
    date: Option<Date>,
    container: Option<String>,
    publisher: Option<String>,
    url: Option<String>,
    accessed: Option<Date>,
    cited_as: Option<String>,
    note: Option<String>,
    /// Comments for the writer, one line each.
    comments: Vec<String>,
    /// Whether part of the entry could not be read (its comments say
    /// which).
    missing: bool,
    /// The first author's name as a citation gives it, as `verify` reads
    /// it from `authors`.
    name: Option<String>,
}

/// A claim of the draft, for one paragraph.
struct ClaimPlan {
    id: String,
    section: Option<String>,
    para: Option<usize>,
    cites: Vec<String>,
    comments: Vec<String>,
}

/// The whole draft, before it is written.
struct Plan {
    title: String,
    document_id: String,
    sections: Vec<SectionPlan>,
    sources: Vec<SourcePlan>,
    claims: Vec<ClaimPlan>,
    unread: Vec<String>,
}

/// Drafts a map from the document `text`.
pub fn draft(text: &str, options: &Options) -> Drafted {
    let doc = Document::read(text);
    let plan = plan(text, &doc, options);
    let summary = Summary {
        sections: plan.sections.len(),
        claims: plan.claims.len(),
        cited_claims: plan.claims.iter().filter(|c| !c.cites.is_empty()).count(),
        sources: plan.sources.len(),
        unread: plan.unread.clone(),
    };
    Drafted {
        toml: write::document(&plan, options).to_string(),
        summary,
    }
}

/// Ids handed out once each across the map (one id names one thing).
#[derive(Default)]
struct Ids {
    used: HashSet<String>,
    /// The next number to try after each base that was taken.
    next: HashMap<String, usize>,
}

impl Ids {
    /// `base`, or `base-2`, `base-3`... when it is taken.
    fn take(&mut self, base: &str) -> String {
        if self.used.insert(base.to_owned()) {
            return base.to_owned();
        }
        let n = self.next.entry(base.to_owned()).or_insert(2);
        loop {
            let id = format!("{base}-{n}");
            *n += 1;
            if self.used.insert(id.clone()) {
                return id;
            }
        }
    }
}

/// Words left out of ids made from titles.
const SMALL_WORDS: &[&str] = &[
    "a", "an", "the", "of", "and", "in", "on", "for", "to", "with", "at", "by", "its", "their",
];

/// An id from a title: its first three words that are not small ones,
/// slugged (`The Party's View of Security` is `partys-view-security`), or
/// `fallback`.
fn title_id(title: &str, fallback: &str) -> String {
    let words: Vec<String> = slug_words(title)
        .into_iter()
        .filter(|w| !SMALL_WORDS.contains(&w.as_str()))
        .take(3)
        .collect();
    if words.is_empty() {
        fallback.to_owned()
    } else {
        words.join("-")
    }
}

/// The words of `s` as a slug has them: ASCII, lower case, apostrophes
/// dropped (`Party's` is `partys`).
fn slug_words(s: &str) -> Vec<String> {
    let s: String = s
        .chars()
        .filter(|c| !matches!(c, '\'' | '\u{2019}'))
        .collect();
    slug::slugify(s)
        .split('-')
        .filter(|w| !w.is_empty())
        .map(str::to_owned)
        .collect()
}

fn plan(text: &str, doc: &Document, options: &Options) -> Plan {
    let mut ids = Ids::default();
    let mut unread = Vec::new();
    let title = doc
        .headings
        .first()
        .map_or_else(|| options.name.clone(), |h| h.text.clone());
    let stem = options
        .name
        .rsplit_once('.')
        .map_or(options.name.as_str(), |(s, _)| s);
    let stem_id = slug_words(stem).join("-");
    let document_id = ids.take(if stem_id.is_empty() {
        "document"
    } else {
        &stem_id
    });

    if doc.headings.is_empty() {
        unread.push(
            "no headings: the claims have no sections, and their paragraphs are counted from the start of the document".to_owned(),
        );
    }
    // Sections: the headings with paragraphs in the body.
    let body = doc.body_paragraphs();
    let mut section_of_heading: HashMap<usize, usize> = HashMap::new();
    let mut sections = Vec::new();
    // The first heading of each wording: where `check` counts a section's
    // paragraphs (as `Document::find_heading` finds it, in one pass).
    let mut first_of_words: HashMap<Vec<String>, usize> = HashMap::new();
    for (h, heading) in doc.headings.iter().enumerate() {
        first_of_words
            .entry(heading_key(&heading.text))
            .or_insert(h);
    }
    for p in body {
        let Some(h) = p.section else { continue };
        if section_of_heading.contains_key(&h) {
            continue;
        }
        let Some(heading) = doc.headings.get(h) else {
            continue;
        };
        let words = heading_key(&heading.text);
        let locatable = !words.is_empty() && first_of_words.get(&words) == Some(&h);
        if !locatable {
            unread.push(format!(
                "the heading \u{201c}{}\u{201d} (line {}) has the words of an earlier heading, under which `check` would count its paragraphs: its claims have no anchor",
                heading.text, heading.line
            ));
        }
        section_of_heading.insert(h, sections.len());
        sections.push(SectionPlan {
            id: ids.take(&title_id(&heading.text, "section")),
            title: heading.text.clone(),
            locatable,
        });
    }

    // Sources.
    match doc.references.and_then(|h| doc.headings.get(h)) {
        None => unread.push(
            "no reference list (a heading such as `References` or `Bibliography`): add the sources by hand".to_owned(),
        ),
        Some(h) if doc.entries.is_empty() => unread.push(format!(
            "the reference list (line {}) has no entries argmap could read",
            h.line
        )),
        Some(_) => {}
    }
    let sources = sources(text, doc, &mut ids);
    let incomplete = sources.iter().filter(|s| s.missing).count();
    if incomplete > 0 {
        unread.push(format!(
            "{} of the reference list could not be read in full: the comments on {} say what is missing",
            crate::english::count_as(incomplete, "entry", "entries"),
            crate::english::either(incomplete, "its source", "their sources"),
        ));
    }
    // Each citation's source, as `verify` will match it.
    // Citations name the draft's sources as `check` will match them.
    let matcher = crate::verify::SourceIndex::new(
        sources
            .iter()
            .map(|s| (s.cited_as.as_deref(), s.name.clone(), s.year.map(i64::from))),
    );
    let citation_source: Vec<Option<usize>> =
        doc.citations.iter().map(|c| matcher.source_of(c)).collect();

    // Claims.
    if body.is_empty() {
        unread
            .push("no paragraphs before the reference list: there is no claim to draft".to_owned());
    }
    let mut claims = Vec::with_capacity(body.len());
    let mut unmatched_total = 0usize;
    let first_citation = |p: usize| doc.citations.partition_point(|c| c.paragraph < p);
    for (pi, p) in body.iter().enumerate() {
        let section = p
            .section
            .and_then(|h| section_of_heading.get(&h))
            .and_then(|&s| sections.get(s));
        let base = match section {
            Some(s) => format!("{}-{}", s.id, p.number),
            None => format!("para-{}", p.number),
        };
        let mut comments = vec![match p.section.and_then(|h| doc.headings.get(h)) {
            Some(h) => format!("{}, paragraph {} (line {})", h.text, p.number, p.line),
            None => format!(
                "paragraph {} before the first heading (line {})",
                p.number, p.line
            ),
        }];
        let locatable = section.is_none_or(|s| s.locatable);
        if !locatable {
            comments
                .push("no anchor: an earlier heading has the words of this section's".to_owned());
        }
        let mut cites: Vec<String> = Vec::new();
        let mut unmatched: Vec<&str> = Vec::new();
        let from = first_citation(pi);
        for (k, c) in doc.citations_of(pi).iter().enumerate() {
            match citation_source.get(from + k).copied().flatten() {
                Some(si) => {
                    if let Some(s) = sources.get(si)
                        && !cites.contains(&s.id)
                    {
                        cites.push(s.id.clone());
                    }
                }
                None => {
                    unmatched_total += 1;
                    if !unmatched.contains(&c.written.as_str()) {
                        unmatched.push(&c.written);
                    }
                }
            }
        }
        for w in unmatched {
            comments.push(format!(
                "the text cites `{w}` here, which matches no entry of the reference list"
            ));
        }
        claims.push(ClaimPlan {
            id: ids.take(&base),
            section: section.map(|s| s.id.clone()),
            para: locatable.then_some(p.number),
            cites,
            comments,
        });
    }
    if unmatched_total > 0 {
        unread.push(format!(
            "{} no entry of the reference list: {}",
            crate::english::count_as(
                unmatched_total,
                "in-text citation matches",
                "in-text citations match"
            ),
            crate::english::either(
                unmatched_total,
                "the comment on its claim names it",
                "the comments on their claims name them"
            )
        ));
    }
    Plan {
        title,
        document_id,
        sections,
        sources,
        claims,
        unread,
    }
}

/// The authors of an entry, a same-author dash resolved.
#[derive(Clone, Copy)]
struct Named<'e> {
    authors: &'e [String],
    first_name: &'e str,
    gloss: Option<&'e str>,
    et_al: bool,
}

/// The sources of the reference list, with their `cited-as`.
fn sources(text: &str, doc: &Document, ids: &mut Ids) -> Vec<SourcePlan> {
    // In-text citations by the key of their first name and their year, and
    // by name alone, in order.
    let mut by_name_year: HashMap<(String, Option<Year>), Vec<usize>> = HashMap::new();
    let mut by_name: HashMap<String, Vec<usize>> = HashMap::new();
    // Each list keeps one citation per wording, so that looking for one
    // not yet taken stays short.
    let mut seen: HashSet<(String, Option<Year>, String)> = HashSet::new();
    for (i, c) in doc.citations.iter().enumerate() {
        let Some(n) = c.names.first() else { continue };
        if !seen.insert((key(n), c.year, key(&c.written))) {
            continue;
        }
        by_name_year.entry((key(n), c.year)).or_default().push(i);
        by_name.entry(key(n)).or_default().push(i);
    }
    // Each entry's authors, dashes resolved.
    let mut named: Vec<Option<Named<'_>>> = Vec::with_capacity(doc.entries.len());
    let mut last: Option<&Entry> = None;
    for e in &doc.entries {
        if !e.same_author {
            last = Some(e);
        }
        named.push(last.filter(|l| !l.authors.is_empty()).map(|l| Named {
            authors: &l.authors,
            first_name: &l.first_name,
            gloss: l.gloss.as_deref(),
            et_al: l.et_al,
        }));
    }
    let mut entries_by_name: HashMap<String, usize> = HashMap::new();
    for n in named.iter().flatten() {
        *entries_by_name.entry(key(n.first_name)).or_default() += 1;
    }
    let mut taken: HashSet<String> = HashSet::new();
    let mut out = Vec::with_capacity(doc.entries.len());
    for (e, &n) in doc.entries.iter().zip(&named) {
        let mut s = SourcePlan {
            title: e.title.clone(),
            url: e.url.clone(),
            year: e.year.map(|y| y.year),
            ..SourcePlan::default()
        };
        let line = e.line;
        if e.same_author {
            s.comments.push(match n {
                Some(_) => format!(
                    "line {line}: a same-author dash, read as the authors of the entry above"
                ),
                None => format!(
                    "line {line}: a same-author dash with no named entry above it: add the authors"
                ),
            });
            s.missing |= n.is_none();
        } else if n.is_none() {
            s.comments
                .push(format!("line {line}: no authors could be read: add them"));
            s.missing = true;
        }
        if e.year.is_none() {
            s.comments
                .push(format!("line {line}: no year could be read: add `year`"));
            s.missing = true;
        }
        if e.title.is_none() {
            s.comments
                .push(format!("line {line}: no title could be read: add `title`"));
            s.missing = true;
        }
        if let Some(n) = n {
            s.authors = n.authors.to_vec();
            s.name = s.authors.first().map(|a| family_name(a));
            // `Webster, Graham et al.`, as printed.
            if n.et_al
                && let Some(last) = s.authors.last_mut()
            {
                last.push_str(" et al.");
            }
        }
        let p = publication(text, e);
        s.container = p.container;
        s.publisher = p.publisher;
        s.note = p
            .place
            .map(|place| format!("Place of publication as printed: {place}."));
        if let Some(d) = &e.date {
            match (e.year, date_of(d, e.year.map(|y| y.year))) {
                (Some(_), Some(date)) => s.date = Some(date),
                (Some(y), None) => {
                    s.comments.push(format!(
                        "line {line}: `{}` is not a date of {}: add `date` by hand",
                        d.written, y.year
                    ));
                    s.missing = true;
                }
                (None, _) => {}
            }
        }
        if let Some(d) = &e.accessed {
            match date_of(d, None) {
                Some(date) => s.accessed = Some(date),
                None => {
                    s.comments.push(format!(
                        "line {line}: the access date `{}` is not a full date: add `accessed` by hand",
                        d.written
                    ));
                    s.missing = true;
                }
            }
        }
        // `cited-as`: the first citation of this author and year.
        let found = n.and_then(|n| {
            let mut names = vec![key(n.first_name)];
            names.extend(n.gloss.map(key));
            // `Zhongyang` for `Zhongyang wangxin ... zongxinzu`.
            let full = key(n.first_name);
            let mut cut = full.as_str();
            while let Some((shorter, _)) = cut.rsplit_once(' ') {
                names.push(shorter.to_owned());
                cut = shorter;
            }
            let unique_name = entries_by_name.get(&full).copied() == Some(1);
            names.iter().find_map(|k| {
                let list = match e.year {
                    Some(y) => by_name_year.get(&(k.clone(), Some(y))),
                    None if unique_name => by_name.get(k),
                    None => None,
                }?;
                list.iter()
                    .filter_map(|&i| doc.citations.get(i))
                    .find(|c| !taken.contains(&key(&c.written)))
                    .map(|c| c.written.clone())
            })
        });
        let cited_as = match found {
            Some(w) => Some(w),
            None => {
                let name = n.map_or("", |n| n.first_name);
                let fallback = match e.year {
                    Some(y) => format!("{name} {y}"),
                    None => name.to_owned(),
                };
                if name.is_empty() {
                    None
                } else if taken.contains(&key(&fallback)) {
                    s.comments.push(format!(
                        "line {line}: no `cited-as`: the text's `{fallback}` is another source's"
                    ));
                    None
                } else {
                    s.comments.push(format!(
                        "line {line}: the text never cites this entry by its first author and year"
                    ));
                    Some(fallback)
                }
            }
        };
        if let Some(c) = &cited_as {
            taken.insert(key(c));
        }
        s.cited_as = cited_as;
        // Ids: `marsh2021a`, `cho2020` (a bracketed abbreviation),
        // `guojia2016` (the first word of a longer name).
        let base = n.map_or_else(
            || "source".to_owned(),
            |n| {
                // A one-word gloss is an abbreviation (`IISS`); a longer
                // one, a translation.
                let short = n.gloss.filter(|g| g.split_whitespace().count() == 1);
                let words = slug_words(short.unwrap_or(n.first_name));
                match words.as_slice() {
                    [] => "source".to_owned(),
                    [one] => one.clone(),
                    [a, b] => format!("{a}-{b}"),
                    [first, ..] => first.clone(),
                }
            },
        );
        let year = e.year.map(|y| y.to_string()).unwrap_or_default();
        s.id = ids.take(&format!("{base}{year}"));
        out.push(s);
    }
    out
}

/// A printed date as a TOML date, in `year` when it prints none; `None`
/// when it is not a date of the calendar.
fn date_of(d: &PrintedDate, year: Option<i32>) -> Option<Date> {
    let y = d.year.or(year)?;
    let y = i16::try_from(y).ok().filter(|y| (1..=9999).contains(y))?;
    let month = i8::try_from(d.month).ok()?;
    let day = i8::try_from(d.day).ok()?;
    Date::new(y, month, day).ok()
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

    use super::*;

    #[test]
    fn the_claim_text_is_a_placeholder() {
        assert!(crate::rules::is_placeholder(CLAIM_TEXT));
    }

    #[test]
    fn ids_from_titles() {
        assert_eq!(
            title_id(
                "The Party\u{2019}s View of Security in a Digitised World",
                "s"
            ),
            "partys-view-security"
        );
        assert_eq!(title_id("Of the", "section"), "section");
        assert_eq!(title_id("1. Introduction", "section"), "1-introduction");
        let mut ids = Ids::default();
        assert_eq!(ids.take("a"), "a");
        assert_eq!(ids.take("a"), "a-2");
        assert_eq!(ids.take("a"), "a-3");
    }
}
