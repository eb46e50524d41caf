//! A map file's text with a line index, for turning byte offsets into
//! 1-based line and column numbers.

/// A file's display name and text.
#[derive(Clone, Debug)]
pub struct SourceFile {
    /// The path as the user gave it (used in every message).
    pub name: String,
    /// The text (lossily decoded when the file was not UTF-8).
    pub text: String,
    /// Bytes of the file before the text: 3 for a UTF-8 byte-order mark,
    /// which the text leaves out. Byte offsets shown to tools count from
    /// the start of the file.
    pub text_start: usize,
    line_starts: Vec<usize>,
    /// Characters before byte `k * CHAR_BLOCK`, for each `k`: a column is
    /// counted from the nearest block, not from the start of its line, so
    /// that many findings on one very long line cost no more than elsewhere.
    block_chars: Vec<usize>,
}

/// Bytes per entry of [`SourceFile::block_chars`].
const CHAR_BLOCK: usize = 256;

/// Characters that start in `bytes` (UTF-8 bytes that are not continuations).
fn chars_in(bytes: &[u8]) -> usize {
    bytes.iter().filter(|&&b| b & 0xC0 != 0x80).count()
}

impl SourceFile {
    /// Indexes `text` for line lookups.
    pub fn new(name: impl Into<String>, text: impl Into<String>) -> Self {
        let text = text.into();
        // Sized first: a 100,000-claim map has 1.4 million lines, and the
        // buffers that growing would free cost memory for the whole run.
        let newlines = || memchr::memchr_iter(b'\n', text.as_bytes());
        let mut line_starts = Vec::with_capacity(newlines().count() + 1);
        line_starts.push(0);
        line_starts.extend(newlines().map(|i| i + 1));
        let mut block_chars = Vec::with_capacity(text.len() / CHAR_BLOCK + 2);
        block_chars.push(0);
        let mut total = 0;
        for block in text.as_bytes().chunks(CHAR_BLOCK) {
            total += chars_in(block);
            block_chars.push(total);
        }
        SourceFile {
            name: name.into(),
            text,
            text_start: 0,
            line_starts,
            block_chars,
        }
    }

    /// The byte of the file at byte `offset` of the text.
    pub fn file_offset(&self, offset: usize) -> usize {
        self.text_start + offset
    }

    /// Characters before byte `offset` (a character boundary).
    fn chars_before(&self, offset: usize) -> usize {
        let block = offset / CHAR_BLOCK;
        let from = block * CHAR_BLOCK;
        self.block_chars.get(block).copied().unwrap_or(0)
            + self.text.as_bytes().get(from..offset).map_or(0, chars_in)
    }

    /// The 0-based line that holds byte `offset`.
    pub fn line_index(&self, offset: usize) -> usize {
        match self.line_starts.binary_search(&offset) {
            Ok(i) => i,
            Err(i) => i.saturating_sub(1),
        }
    }

    /// 1-based line and column (in characters) of byte `offset`.
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        let offset = self.clamp(offset);
        let line = self.line_index(offset);
        let start = self.line_starts.get(line).copied().unwrap_or(0).min(offset);
        let col = self
            .chars_before(offset)
            .saturating_sub(self.chars_before(start));
        (line + 1, col + 1)
    }

    /// Byte range of 0-based line `line`, without its line ending.
    pub fn line_range(&self, line: usize) -> std::ops::Range<usize> {
        let start = self
            .line_starts
            .get(line)
            .copied()
            .unwrap_or(self.text.len());
        let mut end = self
            .line_starts
            .get(line + 1)
            .copied()
            .unwrap_or(self.text.len());
        // Only the line ending: a lone carriage return is part of the line
        // (and a syntax error to point at).
        let bytes = self.text.as_bytes();
        if end > start && bytes.get(end - 1) == Some(&b'\n') {
            end -= 1;
            if end > start && bytes.get(end - 1) == Some(&b'\r') {
                end -= 1;
            }
        }
        start..end
    }

    /// `offset` moved back onto a character boundary inside the text.
    pub fn clamp(&self, offset: usize) -> usize {
        let mut o = offset.min(self.text.len());
        while !self.text.is_char_boundary(o) {
            o -= 1;
        }
        o
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_and_columns_are_one_based_and_count_characters() {
        let f = SourceFile::new("m.toml", "a = 1\r\nbé = \"x\"\n");
        assert_eq!(f.line_col(0), (1, 1));
        assert_eq!(f.line_col(7), (2, 1));
        // `=` after `bé ` is the 4th character although the 5th byte.
        assert_eq!(f.line_col(11), (2, 4));
        assert_eq!(f.line_range(0), 0..5);
        assert_eq!(f.line_col(1000), (3, 1));
    }

    #[test]
    fn columns_on_long_lines_count_characters_across_blocks() {
        let line = "é".repeat(5000) + "x" + &"国".repeat(3000);
        let text = format!("a\n{line}\nb");
        let f = SourceFile::new("m.toml", text.clone());
        for offset in [0, 2, 3, 4098, 10_002, 10_003, 10_005, 19_003, text.len()] {
            let offset = f.clamp(offset);
            let start = text[..offset].rfind('\n').map_or(0, |i| i + 1);
            let expected = (
                text[..offset].matches('\n').count() + 1,
                text[start..offset].chars().count() + 1,
            );
            assert_eq!(f.line_col(offset), expected, "at {offset}");
        }
    }
}
