//! Reading the structure of a plain-text document: its headings, the
//! sections they open, their paragraphs, and where the reference list
//! begins, so that a map can locate a passage by section and paragraph
//! without reproducing it.
//!
//! The reader knows plain text as publishers and converters write it:
//!
//! - blocks are separated by blank lines;
//! - a **heading** is a Markdown heading (`# Title`), or a block of at most
//!   three lines and [`MAX_HEADING_WORDS`] words that starts with a capital
//!   letter or a digit and does not end as a sentence does (`.`, `,`, `;`,
//!   `:`, `!`, `?`);
//! - every other block is a **paragraph**, and each item of a list block
//!   (`- `, `* `, `+ `, `1. `) is one paragraph;
//! - a paragraph that ends without closing punctuation, followed by one that
//!   begins with a lower-case letter, is one paragraph cut by a page break,
//!   and is read as one;
//! - the **reference list** begins at a heading named `References`,
//!   `Bibliography`, `Works Cited`, `Literature Cited` or `Reference List`.
//!   What comes before it is the **body**.
//!
//! Paragraphs are numbered from 1 within their section; paragraphs before
//! the first heading belong to no section.
//!
//! The body's paragraphs are then read for in-text citations
//! ([`citations`]) and the reference list's for its entries
//! ([`references`]). Every step is one pass over the text.

pub mod citations;
pub mod references;

use std::ops::Range;

pub use citations::{InText, Year};
pub use references::Entry;

use crate::quote::normalize::normalize;

/// Longest heading, in words.
pub const MAX_HEADING_WORDS: usize = 15;

/// Longest heading block, in lines.
const MAX_HEADING_LINES: usize = 3;

/// Headings that open a reference list (compared in lower case).
const REFERENCE_HEADINGS: [&str; 5] = [
    "references",
    "bibliography",
    "works cited",
    "literature cited",
    "reference list",
];

/// A heading of the document.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct Heading {
    /// The heading's text, without Markdown marks, whitespace folded.
    pub text: String,
    /// Byte range in the document.
    pub span: Range<usize>,
    /// 1-based line where it starts.
    pub line: usize,
}

/// A paragraph of the document.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct Paragraph {
    /// Byte range in the document (from its first to its last character;
    /// a paragraph joined across a page break spans the break).
    pub span: Range<usize>,
    /// 1-based line where it starts.
    pub line: usize,
    /// The index in [`Document::headings`] of the heading it follows.
    pub section: Option<usize>,
    /// Its number within its section, from 1.
    pub number: usize,
}

/// The structure of a document.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize)]
pub struct Document {
    /// Headings, in order.
    pub headings: Vec<Heading>,
    /// Paragraphs, in order.
    pub paragraphs: Vec<Paragraph>,
    /// The heading that opens the reference list, if any.
    pub references: Option<usize>,
    /// Where the body ends: the start of the reference list's heading, or
    /// the end of the text.
    pub body_end: usize,
    /// The in-text citations of the body, in order.
    pub citations: Vec<InText>,
    /// The entries of the reference list, in order.
    pub entries: Vec<Entry>,
    /// Each heading's words (as [`heading_key`] gives them), to the first
    /// heading with them: [`Document::find_heading`] looks up, not scans.
    #[serde(skip)]
    heading_index: std::collections::HashMap<Vec<String>, usize>,
}

/// A block of non-blank lines.
struct Block {
    /// (start, end) byte offsets of each line, without its line break.
    lines: Vec<(usize, usize)>,
    /// 1-based line number of the first line.
    line: usize,
}

impl Document {
    /// Reads the structure of `text`.
    pub fn read(text: &str) -> Document {
        let mut doc = Document {
            body_end: text.len(),
            ..Document::default()
        };
        let mut counts: Vec<usize> = Vec::new(); // paragraphs per heading
        let mut before_headings = 0usize;
        for block in blocks(text) {
            let first = block.lines.first().map_or("", |&(a, b)| slice(text, a, b));
            if let Some(title) = markdown_heading(first).filter(|_| block.lines.len() == 1) {
                doc.push_heading(title, &block, &mut counts);
                continue;
            }
            if is_heading(text, &block) {
                let joined = block
                    .lines
                    .iter()
                    .map(|&(a, b)| slice(text, a, b).trim())
                    .collect::<Vec<_>>()
                    .join(" ");
                doc.push_heading(&joined, &block, &mut counts);
                continue;
            }
            // A "heading" that a lower-case block goes on from was the
            // start of a paragraph cut by a page break, when it ends as a
            // broken sentence does, in a lower-case word (`... dependencies
            // on`); a heading ending in a capitalised word (`Origins`) stays
            // one before `de la Cruz (2021) argues ...`.
            let lower = first
                .trim_start()
                .chars()
                .next()
                .is_some_and(char::is_lowercase);
            let broken = doc.headings.last().is_some_and(|h| {
                h.text
                    .split_whitespace()
                    .last()
                    .and_then(|w| w.chars().next())
                    .is_some_and(char::is_lowercase)
            });
            if lower && broken && doc.last_is_heading() {
                doc.unheading(&mut counts, &mut before_headings, text.len());
            }
            for (span, line) in items(text, &block) {
                // A page break inside a sentence: the paragraph goes on.
                if let Some(last) = doc.paragraphs.last_mut()
                    && last.section == doc.headings.len().checked_sub(1)
                    && continues(text, last.span.end, span.start)
                {
                    last.span.end = span.end;
                    continue;
                }
                let section = doc.headings.len().checked_sub(1);
                let count = match section.and_then(|s| counts.get_mut(s)) {
                    Some(c) => c,
                    None => &mut before_headings,
                };
                *count += 1;
                doc.paragraphs.push(Paragraph {
                    span,
                    line,
                    section,
                    number: *count,
                });
            }
        }
        for (i, h) in doc.headings.iter().enumerate() {
            doc.heading_index.entry(heading_key(&h.text)).or_insert(i);
        }
        for (i, p) in doc.paragraphs.iter().enumerate() {
            if p.span.start < doc.body_end {
                doc.citations
                    .extend(citations::read(text, p.span.clone(), i));
            } else {
                for (span, line) in references::entries(text, p.span.clone(), p.line) {
                    doc.entries.push(references::read(text, span, line));
                }
            }
        }
        doc
    }

    /// The citations of paragraph `p` (an index into `paragraphs`).
    pub fn citations_of(&self, p: usize) -> &[InText] {
        let from = self.citations.partition_point(|c| c.paragraph < p);
        let to = self.citations.partition_point(|c| c.paragraph <= p);
        self.citations.get(from..to).unwrap_or(&[])
    }

    fn push_heading(&mut self, title: &str, block: &Block, counts: &mut Vec<usize>) {
        let start = block.lines.first().map_or(0, |l| l.0);
        let end = block.lines.last().map_or(start, |l| l.1);
        let title = title.split_whitespace().collect::<Vec<_>>().join(" ");
        if self.references.is_none()
            && REFERENCE_HEADINGS.contains(&title.to_lowercase().trim_end_matches(':'))
        {
            self.references = Some(self.headings.len());
            self.body_end = start;
        }
        self.headings.push(Heading {
            text: title,
            span: start..end,
            line: block.line,
        });
        counts.push(0);
    }

    /// Whether the last block read was a heading.
    fn last_is_heading(&self) -> bool {
        let last_heading = self.headings.last().map(|h| h.span.start);
        let last_paragraph = self.paragraphs.last().map(|p| p.span.start);
        match (last_heading, last_paragraph) {
            (Some(h), Some(p)) => h > p,
            (Some(_), None) => true,
            _ => false,
        }
    }

    /// Makes the last heading a paragraph of the section before it.
    fn unheading(&mut self, counts: &mut Vec<usize>, before_headings: &mut usize, len: usize) {
        let Some(h) = self.headings.pop() else { return };
        counts.pop();
        if self.references == Some(self.headings.len()) {
            self.references = None;
            self.body_end = len;
        }
        let section = self.headings.len().checked_sub(1);
        let count = match section.and_then(|s| counts.get_mut(s)) {
            Some(c) => c,
            None => before_headings,
        };
        *count += 1;
        self.paragraphs.push(Paragraph {
            span: h.span,
            line: h.line,
            section,
            number: *count,
        });
    }

    /// The paragraphs of the section that heading `h` opens (`None`: the
    /// paragraphs before the first heading).
    pub fn section_paragraphs(&self, h: Option<usize>) -> &[Paragraph] {
        // Paragraphs are in order, and so are their sections.
        let key = |p: &Paragraph| p.section.map_or(0, |s| s + 1);
        let want = h.map_or(0, |s| s + 1);
        let from = self.paragraphs.partition_point(|p| key(p) < want);
        let to = self.paragraphs.partition_point(|p| key(p) <= want);
        self.paragraphs.get(from..to).unwrap_or(&[])
    }

    /// The paragraphs of the body, in order.
    pub fn body_paragraphs(&self) -> &[Paragraph] {
        let end = self
            .paragraphs
            .partition_point(|p| p.span.start < self.body_end);
        self.paragraphs.get(..end).unwrap_or(&[])
    }

    /// The heading whose words are those of `title` (case, punctuation,
    /// quotes and dashes aside), the first if several are.
    pub fn find_heading(&self, title: &str) -> Option<usize> {
        let want = heading_key(title);
        if want.is_empty() {
            return None;
        }
        self.heading_index.get(&want).copied()
    }

    /// The paragraph that contains byte `at`, if any.
    pub fn paragraph_at(&self, at: usize) -> Option<&Paragraph> {
        let i = self.paragraphs.partition_point(|p| p.span.end <= at);
        self.paragraphs.get(i).filter(|p| p.span.start <= at)
    }
}

/// The words of a heading as compared: normalised as quotes are, without
/// punctuation.
pub fn heading_key(title: &str) -> Vec<String> {
    let n = normalize(title);
    n.words.iter().map(|w| w.of(&n).to_owned()).collect()
}

fn slice(text: &str, a: usize, b: usize) -> &str {
    text.get(a..b).unwrap_or("")
}

/// The blocks of `text`: runs of non-blank lines.
fn blocks(text: &str) -> Vec<Block> {
    let mut out = Vec::new();
    let mut current: Option<Block> = None;
    let mut start = 0;
    for (n, raw) in text.split_inclusive('\n').enumerate() {
        // A byte-order mark is not part of the first line.
        let bom = if n == 0 && raw.starts_with('\u{feff}') {
            3
        } else {
            0
        };
        let raw = raw.get(bom..).unwrap_or("");
        start += bom;
        let line = raw.trim_end_matches(['\n', '\r']);
        let end = start + line.len();
        if line.trim().is_empty() {
            out.extend(current.take());
        } else {
            current
                .get_or_insert_with(|| Block {
                    lines: Vec::new(),
                    line: n + 1,
                })
                .lines
                .push((start, end));
        }
        start += raw.len();
    }
    out.extend(current);
    out
}

/// The title of a Markdown heading line (`## Title`).
fn markdown_heading(line: &str) -> Option<&str> {
    let t = line.trim_start();
    let hashes = t.len() - t.trim_start_matches('#').len();
    if !(1..=6).contains(&hashes) {
        return None;
    }
    let rest = t.get(hashes..)?;
    rest.starts_with([' ', '\t'])
        .then(|| rest.trim().trim_end_matches('#').trim())
        .filter(|s| !s.is_empty())
}

/// Whether a list item starts this line: `- `, `* `, `+ `, `1. `, `1) `.
fn list_marker(line: &str) -> bool {
    let t = line.trim_start();
    if t.starts_with("- ") || t.starts_with("* ") || t.starts_with("+ ") {
        return true;
    }
    let digits = t.len() - t.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    digits > 0
        && digits < 4
        && (t
            .get(digits..)
            .is_some_and(|r| r.starts_with(". ") || r.starts_with(") ")))
}

/// Whether a block reads as a heading (see the module docs).
fn is_heading(text: &str, block: &Block) -> bool {
    if block.lines.len() > MAX_HEADING_LINES {
        return false;
    }
    let lines: Vec<&str> = block
        .lines
        .iter()
        .map(|&(a, b)| slice(text, a, b).trim())
        .collect();
    if lines.iter().any(|l| list_marker(l)) {
        return false;
    }
    let words: usize = lines.iter().map(|l| l.split_whitespace().count()).sum();
    if words == 0 || words > MAX_HEADING_WORDS {
        return false;
    }
    let first = lines.first().and_then(|l| l.chars().next());
    if !first.is_some_and(|c| c.is_uppercase() || c.is_ascii_digit() || c == '*' || c == '_') {
        return false;
    }
    let last = lines.last().map_or("", |l| {
        l.trim_end_matches(['*', '_', '"', '\'', '\u{201D}', '\u{2019}', ')', ']'])
    });
    !last.ends_with(['.', ',', ';', ':', '!', '?'])
}

/// The paragraphs of a block: the whole block, or each list item.
fn items(text: &str, block: &Block) -> Vec<(Range<usize>, usize)> {
    let mut out: Vec<(Range<usize>, usize)> = Vec::new();
    for (k, &(a, b)) in block.lines.iter().enumerate() {
        let is_item = list_marker(slice(text, a, b));
        match out.last_mut() {
            Some(last) if !is_item => last.0.end = b,
            _ => out.push((a..b, block.line + k)),
        }
    }
    // Leading spaces are not part of a paragraph.
    for (span, _) in &mut out {
        let lead = slice(text, span.start, span.end).len()
            - slice(text, span.start, span.end).trim_start().len();
        span.start += lead;
    }
    out
}

/// Whether a paragraph ending at `end` goes on in the block at `next`: it
/// ends without closing punctuation and the next begins in lower case.
fn continues(text: &str, end: usize, next: usize) -> bool {
    let before = slice(text, 0, end).trim_end();
    let open = !before.ends_with([
        '.', '!', '?', ':', ';', '"', '\'', '\u{201D}', '\u{2019}', ')', ']',
    ]);
    let starts_lower = slice(text, next, text.len())
        .chars()
        .next()
        .is_some_and(char::is_lowercase);
    open && starts_lower
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

    use super::*;

    const TEXT: &str = "\
Front Matter

A Study of Things

Jane Roe

Introduction

The first paragraph of the introduction. It says a few
things over two lines.

The second paragraph breaks across a page and goes on
\u{20}
after the break. It ends here.

## Findings

- One finding, in a list.
- Another finding
  over two lines.

Sources

Roe, Jane. 2020. An Earlier Study. Somewhere: A Press.
";

    #[test]
    fn reads_headings_paragraphs_and_the_reference_list() {
        let d = Document::read(TEXT);
        let headings: Vec<&str> = d.headings.iter().map(|h| h.text.as_str()).collect();
        assert_eq!(
            headings,
            [
                "Front Matter",
                "A Study of Things",
                "Jane Roe",
                "Introduction",
                "Findings",
                "Sources"
            ]
        );
        let intro = d.find_heading("introduction");
        assert_eq!(intro, Some(3));
        let paras = d.section_paragraphs(intro);
        assert_eq!(paras.len(), 2, "a page break does not start a paragraph");
        assert!(TEXT[paras[1].span.clone()].ends_with("It ends here."));
        assert_eq!(paras[1].number, 2);
        let findings = d.section_paragraphs(d.find_heading("Findings"));
        assert_eq!(findings.len(), 2, "each list item is a paragraph");
        assert!(TEXT[findings[1].span.clone()].ends_with("over two lines."));
        assert_eq!(d.references, None, "`Sources` is not a reference heading");
        assert_eq!(d.body_end, TEXT.len());
    }

    #[test]
    fn the_body_ends_at_the_reference_list() {
        let text = "Intro\n\nA paragraph.\n\nReferences\n\n- Roe, Jane. 2020. A Book.\n";
        let d = Document::read(text);
        assert_eq!(d.references, Some(1));
        assert_eq!(&text[d.body_end..d.body_end + 10], "References");
        assert_eq!(d.body_paragraphs().len(), 1);
        assert_eq!(d.paragraphs.len(), 2);
    }

    #[test]
    fn headings_compare_by_their_words() {
        let d = Document::read("The Party\u{2019}s View\n\nText.\n");
        assert_eq!(d.find_heading("the party's view"), Some(0));
        assert_eq!(d.find_heading("The Party View"), None);
    }

    #[test]
    fn a_heading_stays_one_before_a_lower_case_paragraph() {
        let text = "Origins\n\nde la Cruz (2021) argues that ports grew.\n\nDecline\n\niPhones came later.\n";
        let d = Document::read(text);
        let headings: Vec<&str> = d.headings.iter().map(|h| h.text.as_str()).collect();
        assert_eq!(headings, ["Origins", "Decline"]);
        // A fragment cut by a page break still joins its paragraph.
        let text = "Intro\n\nFirms came to rely on\n\nforeign suppliers for chips.\n";
        let d = Document::read(text);
        assert_eq!(d.headings.len(), 1);
        assert_eq!(d.paragraphs.len(), 1);
    }

    #[test]
    fn a_byte_order_mark_is_not_read() {
        let text = "\u{feff}Origins\r\n\r\nA paragraph (Roe 2020).\r\n\r\nReferences\r\n\r\n- Roe, Jane. 2020. *A Book*.\r\n";
        let d = Document::read(text);
        assert_eq!(d.headings.first().map(|h| h.text.as_str()), Some("Origins"));
        assert_eq!(d.find_heading("origins"), Some(0));
        assert_eq!(d.citations.len(), 1);
        assert_eq!(d.entries.len(), 1);
        assert_eq!(&text[d.headings[0].span.clone()], "Origins");
    }

    #[test]
    fn sentences_are_not_headings() {
        let d = Document::read("This is short.\n\nlowercase start\n\nA Heading\n");
        assert_eq!(d.headings.len(), 1);
        assert_eq!(d.paragraphs.len(), 2);
    }
}
