//! The map against its document, resolved once: which paragraph of the
//! document each claim's anchor locates, which source of the map each
//! in-text citation names, and which source each entry of the reference
//! list is. The rules that compare a map with its document
//! (`unmatched-citation`, `citation-not-at-anchor`, the bibliography's
//! consistency...) read what [`against`] finds.
//!
//! Matching is by the source's `cited-as` when it has one (compared by
//! words, `&` as `and`, a bracketed gloss aside), else by its first
//! author's family name (or organisation) and its year. A reference entry
//! is the source with its first author (a same-author dash is the author
//! of the entry above) and year, or else with its title (when the authors
//! agree, or the entry prints a dash).

use std::collections::HashMap;

use crate::diag::Span;
use crate::document::references::family_name;
use crate::document::{Document, Entry, InText, Year};
use crate::model::{Map, Source};
use crate::resolved::ResolvedMap;
use crate::texts::{SourceText, Texts};

/// The map against its document.
#[derive(Clone, Debug, Default)]
pub struct Against {
    /// The index of the document's source, when its text was read.
    pub document: Option<usize>,
    /// For each claim (as `map.claims`), the index in the document's
    /// paragraphs of the paragraph its anchor locates.
    pub claim_paragraph: Vec<Option<usize>>,
    /// For each in-text citation (as `Document::citations`), the source it
    /// names.
    pub citation_source: Vec<Option<usize>>,
    /// For each reference entry (as `Document::entries`), the source it is.
    pub entry_source: Vec<Option<usize>>,
    /// For each reference entry, its first author's name as a citation
    /// gives it, a same-author dash resolved (`Creemers`).
    pub entry_author: Vec<String>,
    /// The reference list as printed: the document's entries when its text
    /// was read (in the same order as `Document::entries`), else the
    /// `printed` entries of the map's sources, in source order.
    pub list: Vec<Listed>,
    /// For each in-text citation, the reference entry it points to.
    pub citation_entry: Vec<Option<usize>>,
    /// For each paragraph of the document, the claims anchored in it.
    pub paragraph_claims: Vec<Vec<usize>>,
    /// For each paragraph, its citations (indices into
    /// `Document::citations`, each form once) whose source no claim
    /// anchored in the paragraph cites: evidence the map left out there.
    pub paragraph_missed: Vec<Vec<usize>>,
}

/// An entry of the reference list as printed.
#[derive(Clone, Debug)]
pub struct Listed {
    /// What it prints.
    pub entry: Entry,
    /// The source of the map it is.
    pub source: Option<usize>,
    /// Its first author's name as a citation gives it, a same-author dash
    /// resolved.
    pub author: String,
    /// Where it is printed: `None` in the document's reference list, or
    /// the span of a source's `printed` value.
    pub printed: Option<Span>,
}

impl Listed {
    /// The entry as a finding names it: `Creemers 2021a`.
    pub fn name(&self) -> String {
        let year = self.entry.year.map_or("n.d.".to_owned(), |y| y.to_string());
        let who = match self.author.trim() {
            "" => "(no author)",
            a => a,
        };
        crate::wrap::clean(&format!("{who} {year}"))
    }

    /// Where it is, for a message: `the reference list's entry `Creemers
    /// 2021a` (line 86)`, or `the printed entry of source `creemers2021a``.
    pub fn place(&self, map: &Map) -> String {
        match (
            &self.printed,
            self.source.and_then(|si| map.sources.get(si)),
        ) {
            (Some(_), Some(s)) => format!("the printed entry of source `{}`", s.id.value),
            _ => format!(
                "the reference list's entry `{}` (text line {})",
                self.name(),
                self.entry.line
            ),
        }
    }

    /// Where a finding about it points: the part `inner` of its `printed`
    /// value (the whole value when the string has escapes, so that offsets
    /// in the value are not offsets in the file), else the matched source's
    /// `field` (or id), else `[map] document`.
    pub fn span(
        &self,
        map: &Map,
        inner: Option<&std::ops::Range<usize>>,
        field: impl Fn(&Source) -> Option<&Span>,
    ) -> Span {
        if let Some(p) = &self.printed {
            let value_len = self
                .source
                .and_then(|si| map.sources.get(si))
                .and_then(|s| s.printed.as_ref())
                .map_or(0, |v| v.value.len());
            // A one-line string without escapes: its quotes and its value.
            return match inner {
                Some(r) if p.len() == value_len + 2 && r.end <= value_len => {
                    p.start + 1 + r.start..p.start + 1 + r.end
                }
                _ => p.clone(),
            };
        }
        match self.source.and_then(|si| map.sources.get(si)) {
            Some(s) => field(s).cloned().unwrap_or_else(|| s.id.span.clone()),
            None => map.meta.document.as_ref().map_or(0..0, |d| d.span.clone()),
        }
    }
}

impl Against {
    /// The note a finding about the reference list carries: where the list
    /// is.
    pub fn list_note(&self, texts: &Texts) -> Option<String> {
        self.text(texts).map(|t| format!("in {}", t.path))
    }

    /// The document's text and structure, when it was read.
    pub fn text<'t>(&self, texts: &'t Texts) -> Option<&'t SourceText> {
        self.document.and_then(|i| texts.get(i))
    }

    /// Where in the map a finding about paragraph `p` of the document
    /// points: the anchor of the first claim anchored there, else `[map]
    /// document`.
    pub fn span_at(&self, map: &Map, p: usize) -> Span {
        self.paragraph_claims
            .get(p)
            .and_then(|cs| cs.first())
            .and_then(|&c| map.claims.get(c))
            .and_then(|c| c.anchor.as_ref())
            .map(|a| a.span.clone())
            .or_else(|| map.meta.document.as_ref().map(|d| d.span.clone()))
            .unwrap_or(0..0)
    }

    /// Where in the map a finding about source `si` points: its `field`
    /// value when it has one, else its id.
    pub fn source_span(map: &Map, si: usize, field: Option<&Span>) -> Span {
        field
            .cloned()
            .unwrap_or_else(|| map.sources.get(si).map_or(0..0, |s| s.id.span.clone()))
    }
}

/// Words compared: lower case, letters and digits, `&` as `and`, a
/// bracketed gloss aside.
pub fn key(s: &str) -> String {
    let mut out = String::new();
    let mut depth = 0usize;
    for w in s.split_whitespace() {
        let mut kept = String::new();
        for c in w.chars() {
            match c {
                '[' => depth += 1,
                ']' => depth = depth.saturating_sub(1),
                _ if depth > 0 => {}
                '&' => kept.push_str("and"),
                c if c.is_alphanumeric() => kept.extend(c.to_lowercase()),
                _ => {}
            }
        }
        if !kept.is_empty() {
            if !out.is_empty() {
                out.push(' ');
            }
            out.push_str(&kept);
        }
    }
    out
}

/// The name a citation gives a source's first author.
pub fn source_name(s: &Source) -> Option<String> {
    let first = s.authors.as_ref()?.value.first()?;
    Some(family_name(&first.value))
}

/// Resolves the map against its document.
pub fn against(map: &Map, resolved: &ResolvedMap, texts: &Texts) -> Against {
    let mut out = Against {
        claim_paragraph: vec![None; map.claims.len()],
        ..Against::default()
    };
    let Some((di, text)) = resolved
        .document
        .and_then(|di| texts.get(di).map(|t| (di, t)))
    else {
        out.list = printed_list(map);
        return out;
    };
    out.document = Some(di);
    let doc = &text.structure;
    // Claims' paragraphs.
    let headings: Vec<Option<usize>> = map
        .sections
        .iter()
        .map(|s| {
            s.document_heading()
                .and_then(|t| doc.find_heading(t.as_str()))
        })
        .collect();
    for (i, c) in map.claims.iter().enumerate() {
        let Some(anchor) = &c.anchor else { continue };
        let para = match &anchor.para {
            Some(p) => {
                let section = match &anchor.section {
                    Some(_) => resolved.anchor_section.get(i).copied().flatten(),
                    None => resolved.section_of_claim(i),
                };
                let paragraphs = match section {
                    Some(si) => match headings.get(si).copied().flatten() {
                        Some(h) => doc.section_paragraphs(Some(h)),
                        None => continue, // `locator-not-found`
                    },
                    None => doc.body_paragraphs(),
                };
                paragraphs
                    .get(p.value.wrapping_sub(1))
                    .and_then(|q| index_of(doc, q.span.start))
            }
            None => anchor.quote.as_ref().and_then(|q| {
                let at = *text.index.find_all(&q.value, 1).first()?;
                index_of(doc, at)
            }),
        };
        if let Some(slot) = out.claim_paragraph.get_mut(i) {
            *slot = para;
        }
    }
    let mut by_title: HashMap<String, usize> = HashMap::new();
    for (si, s) in map.sources.iter().enumerate() {
        if let Some(t) = &s.title {
            by_title.entry(title_key(&t.value)).or_insert(si);
        }
    }
    let index = SourceIndex::new(map.sources.iter().map(|s| {
        (
            s.cited_as.as_ref().map(|c| c.value.as_str()),
            source_name(s),
            s.year(),
        )
    }));
    out.citation_source = doc.citations.iter().map(|c| index.source_of(c)).collect();
    // Reference entries.
    let mut last_author = String::new();
    for e in &doc.entries {
        let author = if e.same_author {
            last_author.clone()
        } else {
            e.first_name.clone()
        };
        last_author.clone_from(&author);
        let by_t = e
            .title
            .as_ref()
            .and_then(|t| by_title.get(&title_key(t)).copied());
        // By author and year; else by title, when the authors agree too (two
        // works may share a title such as *Annual Report*), or when the
        // entry prints a dash: the title says whose work it is.
        let by_t = by_t.filter(|&si| {
            e.same_author
                || map
                    .sources
                    .get(si)
                    .and_then(source_name)
                    .is_none_or(|n| key(&n) == key(&author))
        });
        out.entry_source
            .push(index.of_entry(&author, e.year).or(by_t));
        out.entry_author.push(author);
    }
    // Citations to entries: by first name and year (with its letter);
    // an entry without a year by name alone.
    let mut entries_by: HashMap<(String, Option<Year>), Vec<usize>> = HashMap::new();
    // An organisation cited by the first words of its name (`Zhongyang`
    // for `Zhongyang wangxin ...`) or by its abbreviation (`IISS`): the
    // entries indexed by the first word of their author and by their gloss.
    let mut by_first_word: HashMap<(String, Option<Year>), Vec<usize>> = HashMap::new();
    let mut by_gloss: HashMap<(String, Option<Year>), Vec<usize>> = HashMap::new();
    for (k, e) in doc.entries.iter().enumerate() {
        let author = key(out.entry_author.get(k).map_or("", String::as_str));
        entries_by
            .entry((author.clone(), e.year))
            .or_default()
            .push(k);
        if let Some((first, _)) = author.split_once(' ') {
            by_first_word
                .entry((first.to_owned(), e.year))
                .or_default()
                .push(k);
        }
        if let Some(g) = &e.gloss {
            by_gloss.entry((key(g), e.year)).or_default().push(k);
        }
    }
    let shortened = |name: &str, year: Option<Year>| -> Option<usize> {
        let first = name.split(' ').next().unwrap_or(name).to_owned();
        let prefix = format!("{name} ");
        let found: Vec<usize> = by_first_word
            .get(&(first, year))
            .into_iter()
            .flatten()
            .copied()
            .filter(|&k| {
                key(out.entry_author.get(k).map_or("", String::as_str)).starts_with(&prefix)
            })
            .collect();
        match found.as_slice() {
            [one] => Some(*one),
            [] => unique(by_gloss.get(&(name.to_owned(), year))),
            _ => None,
        }
    };
    out.citation_entry = doc
        .citations
        .iter()
        .map(|c| {
            let name = key(c.names.first()?);
            unique(entries_by.get(&(name.clone(), c.year)))
                .or_else(|| unique(entries_by.get(&(name.clone(), None))))
                .or_else(|| shortened(&name, c.year))
        })
        .collect();
    out.list = doc
        .entries
        .iter()
        .enumerate()
        .map(|(k, e)| Listed {
            entry: e.clone(),
            source: out.entry_source.get(k).copied().flatten(),
            author: out.entry_author.get(k).cloned().unwrap_or_default(),
            printed: None,
        })
        .collect();
    out.paragraph_claims = vec![Vec::new(); doc.paragraphs.len()];
    for (c, p) in out.claim_paragraph.iter().enumerate() {
        if let Some(list) = p.and_then(|p| out.paragraph_claims.get_mut(p)) {
            list.push(c);
        }
    }
    out.paragraph_missed = vec![Vec::new(); doc.paragraphs.len()];
    for (p, claims) in out.paragraph_claims.iter().enumerate() {
        if claims.is_empty() {
            continue;
        }
        // The sources the paragraph's claims cite.
        let cited: std::collections::HashSet<usize> = claims
            .iter()
            .flat_map(|&c| resolved.cites.of(c).iter().flatten().copied())
            .collect();
        let from = doc.citations.partition_point(|x| x.paragraph < p);
        let mut forms = std::collections::HashSet::new();
        let missed: Vec<usize> = (from..from + doc.citations_of(p).len())
            .filter(|&k| {
                let si = out.citation_source.get(k).copied().flatten();
                !si.is_some_and(|si| cited.contains(&si))
                    && doc
                        .citations
                        .get(k)
                        .is_some_and(|c| forms.insert(c.written.as_str()))
            })
            .collect();
        if let Some(slot) = out.paragraph_missed.get_mut(p) {
            *slot = missed;
        }
    }
    out
}

impl Against {
    /// The citations of its anchored paragraph that claim `ci` leaves out,
    /// when it cites nothing (`missed-citation`).
    pub fn missed_by(&self, map: &Map, ci: usize) -> &[usize] {
        let uncited = map.claims.get(ci).is_some_and(|c| c.cites.is_empty());
        match self.claim_paragraph.get(ci).copied().flatten() {
            Some(p) if uncited => self.paragraph_missed.get(p).map_or(&[], Vec::as_slice),
            _ => &[],
        }
    }
}

/// Sources indexed as citations name them: by their citation form
/// (`cited-as`), and by their first author's name and year.
pub struct SourceIndex {
    by_cited: HashMap<String, usize>,
    by_name_year: HashMap<(String, Option<i64>), Vec<usize>>,
    by_name: HashMap<String, Vec<usize>>,
    yearless: Vec<bool>,
}

fn unique(v: Option<&Vec<usize>>) -> Option<usize> {
    match v.map(Vec::as_slice) {
        Some([one]) => Some(*one),
        _ => None,
    }
}

impl SourceIndex {
    /// Indexes sources given as (`cited-as`, first author's name as a
    /// citation gives it, year), in order.
    pub fn new<'s>(
        sources: impl Iterator<Item = (Option<&'s str>, Option<String>, Option<i64>)>,
    ) -> Self {
        let mut ix = SourceIndex {
            by_cited: HashMap::new(),
            by_name_year: HashMap::new(),
            by_name: HashMap::new(),
            yearless: Vec::new(),
        };
        for (si, (cited, name, year)) in sources.enumerate() {
            if let Some(c) = cited {
                ix.by_cited.entry(key(c)).or_insert(si);
            }
            if let Some(name) = name {
                ix.by_name_year
                    .entry((key(&name), year))
                    .or_default()
                    .push(si);
                ix.by_name.entry(key(&name)).or_default().push(si);
            }
            ix.yearless.push(year.is_none());
        }
        ix
    }

    /// The source an in-text citation names: by its `cited-as`, else by
    /// first author and year when one source has them (a year with a
    /// letter, `2021a`, needs `cited-as` unless only one work has that
    /// year), else by first author alone for a source without a year.
    pub fn source_of(&self, c: &InText) -> Option<usize> {
        self.by_cited.get(&key(&c.written)).copied().or_else(|| {
            let name = key(c.names.first()?);
            let year = c.year.map(|y| i64::from(y.year));
            unique(self.by_name_year.get(&(name.clone(), year))).or_else(|| {
                unique(self.by_name.get(&name))
                    .filter(|&si| self.yearless.get(si).copied().unwrap_or(false))
            })
        })
    }

    /// The source of a reference entry by `author` of `year`.
    pub fn of_entry(&self, author: &str, year: Option<Year>) -> Option<usize> {
        let shown = year.map(|y| y.to_string()).unwrap_or_default();
        self.by_cited
            .get(&key(&format!("{author} {shown}")))
            .copied()
            .or_else(|| {
                unique(
                    self.by_name_year
                        .get(&(key(author), year.map(|y| i64::from(y.year)))),
                )
            })
    }
}

/// The `printed` entries of the map's sources, in source order.
fn printed_list(map: &Map) -> Vec<Listed> {
    let mut out: Vec<Listed> = Vec::new();
    for (si, s) in map.sources.iter().enumerate() {
        let Some(p) = &s.printed else { continue };
        let entry = crate::document::references::read(&p.value, 0..p.value.len(), 1);
        let author = if entry.same_author {
            out.last().map(|l| l.author.clone()).unwrap_or_default()
        } else {
            entry.first_name.clone()
        };
        out.push(Listed {
            entry,
            source: Some(si),
            author,
            printed: Some(p.span.clone()),
        });
    }
    out
}

/// A title as compared with an entry's: its first words, lower case,
/// without marks (a map's title may add the characters and a gloss).
fn title_key(t: &str) -> String {
    key(t).split(' ').take(6).collect::<Vec<_>>().join(" ")
}

/// The index in `doc.paragraphs` of the paragraph at byte `at`.
fn index_of(doc: &Document, at: usize) -> Option<usize> {
    let i = doc.paragraphs.partition_point(|p| p.span.end <= at);
    doc.paragraphs
        .get(i)
        .filter(|p| p.span.start <= at)
        .map(|_| i)
}

/// The citations of `doc` grouped by the sentence they stand in: the
/// first of each group, and the indices into `doc.citations` of all of
/// them, in order.
pub fn by_sentence(doc: &Document) -> Vec<(&InText, std::ops::Range<usize>)> {
    let mut out: Vec<(&InText, std::ops::Range<usize>)> = Vec::new();
    for (k, c) in doc.citations.iter().enumerate() {
        match out.last_mut() {
            Some((first, r)) if first.sentence == c.sentence => r.end = k + 1,
            _ => out.push((c, k..k + 1)),
        }
    }
    out
}

/// The citations of paragraph `p` that name source `si`.
pub fn cites_in<'d>(
    doc: &'d Document,
    a: &'d Against,
    p: usize,
    si: usize,
) -> impl Iterator<Item = &'d InText> {
    let from = doc.citations.partition_point(|c| c.paragraph < p);
    doc.citations_of(p)
        .iter()
        .enumerate()
        .filter(move |(k, _)| a.citation_source.get(from + k).copied().flatten() == Some(si))
        .map(|(_, c)| c)
}
