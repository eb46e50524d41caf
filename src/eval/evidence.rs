//! What counts as verified evidence, for evidence-aware evaluation: each
//! claim's citations, each either verified or with the reason it does not
//! count, derived from the findings of a full `check` (texts read).
//!
//! A citation is verified evidence when
//!
//! 1. its `source` names a source of the map;
//! 2. no reported finding (error or warning) of a code in [`IMPEACHING`]
//!    lies on the citation (its inline table) or on its source (the
//!    source's table): a misquote, a citation the document does not make
//!    at the claim's anchor, a source the document never cites, a source
//!    whose printed entry, title or short form disagrees, a source without
//!    authors, title or year;
//! 3. its quote, if it has one, was checked: the source's text was read
//!    (and, by 2, the quote occurs in it). A quote that could not be
//!    checked does not count.
//!
//! Findings are placed as `check` places them: a finding is on a source
//! when the last item id written at or before its span is that source's,
//! and on a citation when its span lies inside the citation. One sort and
//! a binary search per finding.

use crate::diag::{Code, Diagnostic};
use crate::model::Map;
use crate::resolved::ResolvedMap;
use crate::texts::Texts;

/// The codes whose findings impeach a citation or its source: a citation
/// they lie on, or whose source they lie on, is not verified evidence.
/// Findings of other codes (style of the reference list, URLs, quote
/// length, copying) say nothing about whether the source says what the
/// claim cites it for; nor do `year-before-source` (a later work may well
/// report an earlier event) and `url-date-mismatch` (a URL's date may be
/// its posting's), which ask for a look rather than doubt the work.
pub const IMPEACHING: &[Code] = &[
    // On the citation.
    Code::QuoteNotFound,
    Code::CitationNotAtAnchor,
    // On the source.
    Code::SourceMissingField,
    Code::SourceNotInText,
    Code::PrintedMismatch,
    Code::CitedAsMismatch,
    Code::TitleMismatch,
];

/// Whether one citation is verified evidence, and if not, why.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Status {
    /// It counts.
    Verified,
    /// Its `source` names no source of the map.
    Unresolved,
    /// A finding of `code` lies on the citation (`on_source` false) or on
    /// its source.
    Impeached {
        /// The first such finding's code.
        code: Code,
        /// Whether the finding is on the source rather than the citation.
        on_source: bool,
    },
    /// It quotes a source whose text was not read: the quote is unchecked.
    Unchecked,
}

/// The status of every citation of a map.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Evidence {
    /// Claim `i`'s citations are `statuses[starts[i]..starts[i + 1]]`.
    statuses: Vec<Status>,
    starts: Vec<usize>,
    /// Sources with a quoted citation whose text was not read, in source
    /// order.
    pub unchecked_sources: Vec<usize>,
    /// Quoted citations that could not be checked.
    pub unchecked_quotes: usize,
}

impl Evidence {
    /// The evidence of `map`, from the findings of a full check of it
    /// (`diagnostics`, after levels: allowed findings are not among them)
    /// and the texts it read.
    pub fn of(
        map: &Map,
        resolved: &ResolvedMap,
        diagnostics: &[Diagnostic],
        texts: &Texts,
    ) -> Evidence {
        // Which item each place of the file belongs to, as `check` places
        // findings: the last id written at or before it.
        let mut starts: Vec<(usize, Option<usize>)> = Vec::with_capacity(
            map.sections.len()
                + map.actors.len()
                + map.sources.len()
                + map.claims.len()
                + map.arguments.len(),
        );
        starts.extend(map.sections.iter().map(|s| (s.id.span.start, None)));
        starts.extend(map.actors.iter().map(|a| (a.id.span.start, None)));
        starts.extend(
            map.sources
                .iter()
                .enumerate()
                .map(|(i, s)| (s.id.span.start, Some(i))),
        );
        starts.extend(map.claims.iter().map(|c| (c.id.span.start, None)));
        starts.extend(map.arguments.iter().map(|a| (a.id.span.start, None)));
        starts.sort_unstable_by_key(|(start, _)| *start);
        // Every citation's span, with its flat index.
        let mut cite_starts = Vec::with_capacity(map.claims.len() + 1);
        let mut spans: Vec<(usize, usize, usize)> = Vec::new();
        for c in &map.claims {
            cite_starts.push(spans.len());
            for cite in &c.cites {
                spans.push((cite.span.start, cite.span.end, spans.len()));
            }
        }
        cite_starts.push(spans.len());
        let total = spans.len();
        spans.sort_unstable();

        let mut source_code: Vec<Option<Code>> = vec![None; map.sources.len()];
        let mut cite_code: Vec<Option<Code>> = vec![None; total];
        for d in diagnostics.iter().filter(|d| IMPEACHING.contains(&d.code)) {
            let at = d.span.start;
            let before = starts.partition_point(|(start, _)| *start <= at);
            if let Some(&(_, Some(s))) = before.checked_sub(1).and_then(|i| starts.get(i))
                && let Some(slot @ None) = source_code.get_mut(s)
            {
                *slot = Some(d.code);
            }
            let before = spans.partition_point(|(start, _, _)| *start <= at);
            if let Some(&(_, end, k)) = before.checked_sub(1).and_then(|i| spans.get(i))
                && d.span.end <= end
                && let Some(slot @ None) = cite_code.get_mut(k)
            {
                *slot = Some(d.code);
            }
        }

        let mut statuses = Vec::with_capacity(total);
        let mut unchecked = vec![false; map.sources.len()];
        let mut unchecked_quotes = 0;
        for (i, c) in map.claims.iter().enumerate() {
            for (k, (cite, s)) in c.cites.iter().zip(resolved.cites.of(i)).enumerate() {
                let flat = cite_starts.get(i).map_or(0, |s| s + k);
                let status = match (s, cite_code.get(flat).copied().flatten()) {
                    (None, _) => Status::Unresolved,
                    (_, Some(code)) => Status::Impeached {
                        code,
                        on_source: false,
                    },
                    (Some(s), None) => match source_code.get(*s).copied().flatten() {
                        Some(code) => Status::Impeached {
                            code,
                            on_source: true,
                        },
                        None if cite.quote.is_some() && texts.get(*s).is_none() => {
                            if let Some(u) = unchecked.get_mut(*s) {
                                *u = true;
                            }
                            unchecked_quotes += 1;
                            Status::Unchecked
                        }
                        None => Status::Verified,
                    },
                };
                statuses.push(status);
            }
        }
        Evidence {
            statuses,
            starts: cite_starts,
            unchecked_sources: (0..map.sources.len())
                .filter(|&s| unchecked.get(s) == Some(&true))
                .collect(),
            unchecked_quotes,
        }
    }

    /// The status of each citation of claim `i`, in the order written.
    pub fn citations(&self, i: usize) -> &[Status] {
        let (Some(&a), Some(&b)) = (self.starts.get(i), self.starts.get(i + 1)) else {
            return &[];
        };
        self.statuses.get(a..b).unwrap_or(&[])
    }

    /// The first verified citation of claim `i`, by its index in the
    /// claim's `cites`.
    pub fn verified(&self, i: usize) -> Option<usize> {
        self.citations(i)
            .iter()
            .position(|s| *s == Status::Verified)
    }
}
