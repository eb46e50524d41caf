//! Positions: argmap's spans are byte offsets, LSP positions are a line and
//! a column counted in the code units of the encoding the client and the
//! server agreed on (UTF-8 bytes, or UTF-16 units, the protocol's default).
//! [`LineIndex`] converts both ways, for any offset and any position, in
//! the bounds of the text: a position past the end of its line is the
//! line's end, one past the last line is the end of the text.

use lsp_types::{Position, Range};

use crate::diag::Span;

/// How columns are counted.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Encoding {
    /// In bytes of UTF-8.
    Utf8,
    /// In UTF-16 code units (a character outside the Basic Multilingual
    /// Plane, such as most emoji, counts 2).
    Utf16,
}

impl Encoding {
    /// The units of `c`.
    fn units(self, c: char) -> usize {
        match self {
            Encoding::Utf8 => c.len_utf8(),
            Encoding::Utf16 => c.len_utf16(),
        }
    }
}

/// The start of each line of a text, for converting offsets to positions.
#[derive(Clone, Debug)]
pub struct LineIndex {
    line_starts: Vec<usize>,
    len: usize,
    encoding: Encoding,
}

impl LineIndex {
    /// Indexes `text` for `encoding`.
    pub fn new(text: &str, encoding: Encoding) -> Self {
        let mut line_starts = Vec::with_capacity(text.len() / 40 + 1);
        line_starts.push(0);
        line_starts.extend(memchr::memchr_iter(b'\n', text.as_bytes()).map(|i| i + 1));
        LineIndex {
            line_starts,
            len: text.len(),
            encoding,
        }
    }

    /// The encoding positions are counted in.
    pub fn encoding(&self) -> Encoding {
        self.encoding
    }

    /// The position of byte `offset` of `text` (the text indexed), moved
    /// back onto a character boundary and into the text.
    pub fn position(&self, text: &str, offset: usize) -> Position {
        let mut offset = offset.min(self.len).min(text.len());
        while !text.is_char_boundary(offset) {
            offset -= 1;
        }
        let line = match self.line_starts.binary_search(&offset) {
            Ok(i) => i,
            Err(i) => i.saturating_sub(1),
        };
        let start = self.line_starts.get(line).copied().unwrap_or(0).min(offset);
        let column: usize = match self.encoding {
            Encoding::Utf8 => offset - start,
            Encoding::Utf16 => text
                .get(start..offset)
                .map_or(0, |s| s.chars().map(char::len_utf16).sum()),
        };
        Position::new(saturate(line), saturate(column))
    }

    /// The range of bytes `span` of `text`.
    pub fn range(&self, text: &str, span: &Span) -> Range {
        Range::new(
            self.position(text, span.start),
            self.position(text, span.end.max(span.start)),
        )
    }

    /// The byte offset of `position` in `text`: a column past the end of
    /// its line is the end of the line (before its line break), a column
    /// inside a character is that character's start, a line past the last
    /// is the end of the text.
    pub fn offset(&self, text: &str, position: Position) -> usize {
        let Some(&start) = self.line_starts.get(position.line as usize) else {
            return text.len();
        };
        let end = self
            .line_starts
            .get(position.line as usize + 1)
            .copied()
            .unwrap_or(text.len());
        let line = text.get(start..end).unwrap_or("");
        let line = line.strip_suffix('\n').unwrap_or(line);
        let line = line.strip_suffix('\r').unwrap_or(line);
        let want = position.character as usize;
        let mut units = 0;
        for (at, c) in line.char_indices() {
            let next = units + self.encoding.units(c);
            if next > want {
                return start + at;
            }
            units = next;
        }
        start + line.len()
    }

    /// The byte range of `range` in `text`, its ends in order.
    pub fn span(&self, text: &str, range: Range) -> Span {
        let a = self.offset(text, range.start);
        let b = self.offset(text, range.end);
        a.min(b)..a.max(b)
    }
}

fn saturate(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::indexing_slicing)]

    use super::*;

    /// CJK (3 bytes, 1 UTF-16 unit), an emoji (4 bytes, 2 units) and a
    /// combining sequence, on the second line of a CRLF text.
    const TEXT: &str = "a = 1\r\ntext = \"谢瑞鹄 😀 é\"\nend";

    #[test]
    fn offsets_and_positions_agree_in_both_encodings() {
        for encoding in [Encoding::Utf8, Encoding::Utf16] {
            let index = LineIndex::new(TEXT, encoding);
            for (offset, _) in TEXT.char_indices() {
                // Between `\r` and `\n` is no place in a line.
                if TEXT.get(..offset).is_some_and(|b| b.ends_with('\r')) {
                    continue;
                }
                let p = index.position(TEXT, offset);
                assert_eq!(index.offset(TEXT, p), offset, "{encoding:?} at {offset}");
            }
        }
    }

    #[test]
    fn columns_count_the_units_of_the_encoding() {
        let emoji = TEXT.find('😀').unwrap_or(0);
        let after = emoji + '😀'.len_utf8();
        let utf16 = LineIndex::new(TEXT, Encoding::Utf16);
        let utf8 = LineIndex::new(TEXT, Encoding::Utf8);
        // `text = "` is 8 units; 3 Han characters and a space: 4 in UTF-16,
        // 10 bytes in UTF-8.
        assert_eq!(utf16.position(TEXT, emoji), Position::new(1, 12));
        assert_eq!(utf16.position(TEXT, after), Position::new(1, 14));
        assert_eq!(utf8.position(TEXT, emoji), Position::new(1, 18));
        assert_eq!(utf8.position(TEXT, after), Position::new(1, 22));
        // Inside the emoji's surrogate pair: its start.
        assert_eq!(utf16.offset(TEXT, Position::new(1, 13)), emoji);
    }

    #[test]
    fn positions_out_of_the_text_are_clamped() {
        let index = LineIndex::new(TEXT, Encoding::Utf16);
        // Past the end of the first line: before its CRLF.
        assert_eq!(index.offset(TEXT, Position::new(0, 99)), 5);
        assert_eq!(index.offset(TEXT, Position::new(9, 0)), TEXT.len());
        assert_eq!(
            index.offset(TEXT, Position::new(u32::MAX, u32::MAX)),
            TEXT.len()
        );
        assert_eq!(index.position(TEXT, usize::MAX), Position::new(2, 3));
        // Inside a character: its start.
        let han = TEXT.find('瑞').unwrap_or(0);
        assert_eq!(index.position(TEXT, han + 1), index.position(TEXT, han));
    }
}
