//! How much of its document a map covers: which body paragraphs its claims'
//! anchors locate, heading by heading, and which map section stands for
//! each heading. Computed once per check, from the paragraph each claim's
//! anchor locates (`verify::Against::claim_paragraph`), for
//! `uncovered-paragraph`, `section-mismatch`, the summary of `check` and
//! the report.
//!
//! What counts: the paragraphs of the body (before the reference list).
//! When the body has headings, the paragraphs before the first of them
//! (front matter: a title page, an abstract, the author's name) are not
//! counted; a body without headings counts every paragraph.

use std::collections::HashMap;

use crate::diag::{DocumentCoverage, HeadingCoverage};
use crate::document::{Document, heading_key};
use crate::model::Map;

/// The map's coverage of its document.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Coverage {
    /// For each map section (as `map.sections`), the index in
    /// `doc.headings` of its document heading (its `heading`, else its
    /// `title`), when the document has it.
    pub section_heading: Vec<Option<usize>>,
    /// For each heading of the document, the first map section whose
    /// document heading it is.
    pub heading_section: Vec<Option<usize>>,
    /// Body paragraphs counted.
    pub counted: usize,
    /// Of those, the ones some claim's anchor locates.
    pub anchored: usize,
    /// Body paragraphs before the first heading, not counted.
    pub front_matter: usize,
    /// The counted paragraphs by heading, in the document's order: each
    /// heading of the body with paragraphs, or one unit without a heading
    /// for a body that has none.
    pub units: Vec<Unit>,
}

/// The counted paragraphs under one heading.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Unit {
    /// The heading (an index into `doc.headings`); `None` for a body
    /// without headings.
    pub heading: Option<usize>,
    /// The map section that stands for it.
    pub section: Option<usize>,
    /// Its paragraphs.
    pub paragraphs: usize,
    /// Those that no claim's anchor locates (indices into
    /// `doc.paragraphs`), in order.
    pub uncovered: Vec<usize>,
}

impl Coverage {
    /// The coverage of `doc` by `map`, whose claims' anchors locate the
    /// paragraphs `claim_paragraph` (indices into `doc.paragraphs`, per
    /// claim). One pass over the headings, the sections, the claims and
    /// the paragraphs.
    pub fn of(map: &Map, doc: &Document, claim_paragraph: &[Option<usize>]) -> Coverage {
        // Headings by their words, the first of equal ones.
        let mut by_key: HashMap<Vec<String>, usize> = HashMap::new();
        for (i, h) in doc.headings.iter().enumerate() {
            by_key.entry(heading_key(&h.text)).or_insert(i);
        }
        let section_heading: Vec<Option<usize>> = map
            .sections
            .iter()
            .map(|s| {
                let key = heading_key(s.document_heading()?.as_str());
                by_key.get(&key).copied()
            })
            .collect();
        let mut heading_section = vec![None; doc.headings.len()];
        for (si, h) in section_heading.iter().enumerate() {
            if let Some(slot) = h.and_then(|h| heading_section.get_mut(h))
                && slot.is_none()
            {
                *slot = Some(si);
            }
        }
        let mut covered = vec![false; doc.paragraphs.len()];
        for p in claim_paragraph.iter().flatten() {
            if let Some(c) = covered.get_mut(*p) {
                *c = true;
            }
        }
        let body = doc.body_paragraphs();
        let has_headings = doc.headings.iter().any(|h| h.span.start < doc.body_end);
        let mut out = Coverage {
            section_heading,
            heading_section,
            ..Coverage::default()
        };
        for (i, p) in body.iter().enumerate() {
            if has_headings && p.section.is_none() {
                out.front_matter += 1;
                continue;
            }
            let heading = p.section;
            let unit = match out.units.last_mut() {
                Some(u) if u.heading == heading => u,
                _ => {
                    out.units.push(Unit {
                        heading,
                        section: heading
                            .and_then(|h| out.heading_section.get(h).copied().flatten()),
                        paragraphs: 0,
                        uncovered: Vec::new(),
                    });
                    let Some(u) = out.units.last_mut() else { break };
                    u
                }
            };
            unit.paragraphs += 1;
            out.counted += 1;
            if covered.get(i).copied().unwrap_or(false) {
                out.anchored += 1;
            } else {
                unit.uncovered.push(i);
            }
        }
        out
    }

    /// `anchored` as a percentage of `counted`, to one decimal (0 when
    /// nothing is counted).
    pub fn percent(&self) -> f64 {
        if self.counted == 0 {
            return 0.0;
        }
        (self.anchored as f64 * 1000.0 / self.counted as f64).round() / 10.0
    }

    /// The figures the summary of `check` and the report show, for the
    /// document `source` read from `path`.
    pub fn summary(&self, map: &Map, doc: &Document, source: &str, path: &str) -> DocumentCoverage {
        DocumentCoverage {
            source: source.to_owned(),
            path: path.to_owned(),
            paragraphs: self.counted,
            anchored: self.anchored,
            anchored_percent: self.percent(),
            front_matter: self.front_matter,
            headings: self
                .units
                .iter()
                .map(|u| HeadingCoverage {
                    heading: u
                        .heading
                        .and_then(|h| doc.headings.get(h))
                        .map(|h| h.text.clone()),
                    section: u
                        .section
                        .and_then(|s| map.sections.get(s))
                        .map(|s| s.id.value.clone()),
                    paragraphs: u.paragraphs,
                    uncovered: u
                        .uncovered
                        .iter()
                        .filter_map(|&p| doc.paragraphs.get(p).map(|p| p.number))
                        .collect(),
                })
                .collect(),
        }
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

    use super::*;

    const MAP: &str = r#"
[map]
title = "t"
[sections.a]
title = "Alpha"
[sections.b]
title = "Bee"
heading = "Beta"
[sections.again]
title = "Alpha"
[sections.nowhere]
title = "Gamma"
"#;

    const TEXT: &str = "\
A byline before any heading.

Alpha

One.

Two.

Beta

Three.

Delta

Four.

References

- Roe, Jane. 2020. A Book.
";

    fn map() -> Map {
        crate::load::load("m.toml", MAP.as_bytes()).map.unwrap()
    }

    #[test]
    fn counts_the_paragraphs_under_headings_and_maps_sections_to_them() {
        let doc = Document::read(TEXT);
        // Paragraphs: byline 0, One 1, Two 2, Three 3, Four 4, the entry 5.
        let c = Coverage::of(&map(), &doc, &[Some(2), None, Some(0)]);
        assert_eq!(c.section_heading, [Some(0), Some(1), Some(0), None]);
        assert_eq!(c.heading_section[..3], [Some(0), Some(1), None]);
        assert_eq!((c.counted, c.anchored, c.front_matter), (4, 1, 1));
        let units: Vec<_> = c
            .units
            .iter()
            .map(|u| (u.heading, u.section, u.paragraphs, u.uncovered.clone()))
            .collect();
        assert_eq!(
            units,
            [
                (Some(0), Some(0), 2, vec![1]),
                (Some(1), Some(1), 1, vec![3]),
                (Some(2), None, 1, vec![4]),
            ]
        );
        assert_eq!(c.percent(), 25.0);
        let s = c.summary(&map(), &doc, "doc", "doc.txt");
        assert_eq!(s.headings[0].heading.as_deref(), Some("Alpha"));
        assert_eq!(s.headings[0].section.as_deref(), Some("a"));
        assert_eq!(s.headings[0].uncovered, [1]);
        assert_eq!(s.headings[2].section, None);
        assert_eq!(s.headings[2].uncovered, [1], "numbered under its heading");
    }

    #[test]
    fn a_body_without_headings_counts_every_paragraph() {
        let doc = Document::read("One.\n\nTwo.\n\nThree.\n");
        let c = Coverage::of(&map(), &doc, &[Some(1)]);
        assert_eq!((c.counted, c.anchored, c.front_matter), (3, 1, 0));
        assert_eq!(c.units.len(), 1);
        assert_eq!(c.units[0].heading, None);
        assert_eq!(c.units[0].uncovered, [0, 2]);
        // Nothing to count: no share.
        let empty = Coverage::of(&map(), &Document::read(""), &[]);
        assert_eq!((empty.counted, empty.percent()), (0, 0.0));
    }
}
