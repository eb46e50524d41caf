//! Text normalisation for quote matching: NFKC, case folding, straight
//! quotes, one kind of dash, single spaces, and words hyphenated across line
//! breaks joined again.
//!
//! The same function normalises a quote and the text it is looked up in, so
//! they compare as equals exactly when they differ only in these ways. Words
//! are runs of letters and digits in the normalised text; each keeps the
//! byte range it came from in the original, to show passages to users.

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::canonical_combining_class;

/// A normalised text and its words.
#[derive(Debug, Default)]
pub struct Normalized {
    /// The normalised text.
    pub text: String,
    /// Words, in order.
    pub words: Vec<Word>,
}

/// One word of a normalised text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Word {
    /// Byte range in [`Normalized::text`].
    pub start: u32,
    /// End of that range.
    pub end: u32,
    /// Byte offset in the original text where the word starts.
    pub orig_start: u32,
    /// Byte offset in the original text where the word ends.
    pub orig_end: u32,
}

impl Word {
    /// The word's text in the normalised string.
    pub fn of<'a>(&self, n: &'a Normalized) -> &'a str {
        n.text
            .get(self.start as usize..self.end as usize)
            .unwrap_or("")
    }
}

fn fold(c: char) -> Option<char> {
    Some(match c {
        '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{2032}' | '\u{02BC}' | '`' => '\'',
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{2033}' | '\u{00AB}'
        | '\u{00BB}' => '"',
        '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' | '\u{2014}' | '\u{2015}'
        | '\u{2212}' | '\u{FE58}' | '\u{FE63}' | '\u{FF0D}' => '-',
        '\u{00AD}' | '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{FEFF}' => return None,
        c => c,
    })
}

/// Normalises `original`.
pub fn normalize(original: &str) -> Normalized {
    // Pass 1: NFKC per base character with its combining marks, folding,
    // lowercase; remember the original byte offset of every output char.
    let mut chars: Vec<(char, u32)> = Vec::with_capacity(original.len());
    let mut iter = original.char_indices().peekable();
    while let Some((i, c)) = iter.next() {
        // Fast path: NFKC leaves ASCII alone, and an ASCII character not
        // followed by a (non-ASCII) combining mark is a segment of its own.
        if c.is_ascii() && iter.peek().is_none_or(|&(_, next)| next.is_ascii()) {
            let c = if c == '`' {
                '\''
            } else {
                c.to_ascii_lowercase()
            };
            chars.push((c, u32::try_from(i).unwrap_or(u32::MAX)));
            continue;
        }
        let mut end = original.len();
        while let Some(&(j, c)) = iter.peek() {
            if canonical_combining_class(c) == 0 {
                end = j;
                break;
            }
            iter.next();
        }
        let segment = original.get(i..end).unwrap_or("");
        let at = u32::try_from(i).unwrap_or(u32::MAX);
        for c in segment.nfkc() {
            let Some(c) = fold(c) else { continue };
            for l in c.to_lowercase() {
                chars.push((l, at));
            }
        }
    }
    // Pass 2: collapse whitespace, join hyphenated words, record words.
    let mut out = Normalized {
        text: String::with_capacity(chars.len()),
        words: Vec::new(),
    };
    let mut k = 0;
    let mut in_word: Option<(u32, u32)> = None; // (norm start, orig start)
    // Where the last character of the current word came from; its length in
    // the original is looked up once the word ends.
    let mut last_at = 0u32;
    let n = chars.len();
    while k < n {
        let Some(&(c, at)) = chars.get(k) else { break };
        if c.is_alphanumeric() {
            if in_word.is_none() {
                in_word = Some((len32(&out.text), at));
            }
            out.text.push(c);
            last_at = at;
            k += 1;
            continue;
        }
        // A hyphen between letters (`cyber-industrial`, or `infor-` at a line
        // end followed by `mation`) is dropped, so both spellings compare equal.
        let after_letter = k > 0 && chars.get(k - 1).is_some_and(|(c, _)| c.is_alphabetic());
        if c == '-' && after_letter && in_word.is_some() {
            let mut j = k + 1;
            while chars.get(j).is_some_and(|(c, _)| c.is_whitespace()) {
                j += 1;
            }
            let broke_line = chars
                .get(k + 1..j)
                .is_some_and(|ws| ws.iter().any(|(c, _)| *c == '\n'));
            let next_is_letter = chars.get(j).is_some_and(|(c, _)| c.is_alphabetic());
            if next_is_letter && (j == k + 1 || broke_line) {
                k = j;
                continue;
            }
        }
        if let Some((start, orig_start)) = in_word.take() {
            out.words.push(Word {
                start,
                end: len32(&out.text),
                orig_start,
                orig_end: last_at + len32_char(original, last_at),
            });
        }
        if c.is_whitespace() {
            while chars.get(k).is_some_and(|(c, _)| c.is_whitespace()) {
                k += 1;
            }
            if !out.text.is_empty() && k < n {
                out.text.push(' ');
            }
            continue;
        }
        out.text.push(c);
        k += 1;
    }
    if let Some((start, orig_start)) = in_word {
        out.words.push(Word {
            start,
            end: len32(&out.text),
            orig_start,
            orig_end: last_at + len32_char(original, last_at),
        });
    }
    out
}

/// Bytes per piece of [`normalize_long`].
const PIECE_BYTES: usize = 64 * 1024;

/// [`normalize`] of a long text, exactly, a piece at a time: normalising
/// keeps eight bytes per character of its input until the end, 23 MB for a
/// 3 MB text, where pieces of 64 KiB keep half a megabyte.
pub fn normalize_long(original: &str) -> Normalized {
    normalize_pieces(original, PIECE_BYTES)
}

/// [`normalize`], a piece of about `piece` bytes at a time. A piece ends
/// only where nothing before it changes what follows: at a line start with
/// an ASCII letter or digit, after a run of ASCII whitespace that follows
/// an ASCII character other than `-` (so no hyphenated word is cut, and no
/// combining mark is parted from its base). Then the whole text's whitespace
/// run becomes one space between the pieces, as it would in one piece.
fn normalize_pieces(original: &str, piece: usize) -> Normalized {
    if original.len() <= piece.saturating_mul(2) {
        return normalize(original);
    }
    let mut out = Normalized {
        text: String::with_capacity(original.len()),
        words: Vec::new(),
    };
    let mut start = 0;
    while start < original.len() {
        let end = next_cut(original.as_bytes(), start + piece.max(1)).unwrap_or(original.len());
        let part = normalize(original.get(start..end).unwrap_or(""));
        if !part.text.is_empty() {
            if !out.text.is_empty() {
                out.text.push(' ');
            }
            let shift = len32(&out.text);
            let orig = u32::try_from(start).unwrap_or(u32::MAX);
            out.words.extend(part.words.iter().map(|w| Word {
                start: w.start + shift,
                end: w.end + shift,
                orig_start: w.orig_start + orig,
                orig_end: w.orig_end + orig,
            }));
            out.text.push_str(&part.text);
        }
        start = end;
    }
    out
}

/// The first place at or after `from` where [`normalize_pieces`] may cut.
fn next_cut(bytes: &[u8], from: usize) -> Option<usize> {
    // What `char::is_whitespace` says of ASCII.
    let space = |b: u8| matches!(b, b' ' | b'\t' | b'\n' | b'\x0b' | b'\x0c' | b'\r');
    let mut at = from;
    loop {
        let newline = at + memchr::memchr(b'\n', bytes.get(at..)?)?;
        let cut = newline + 1;
        if bytes.get(cut).is_some_and(u8::is_ascii_alphanumeric) {
            let before = bytes
                .get(..newline)
                .and_then(|b| b.iter().rev().find(|&&b| !space(b)));
            if before.is_some_and(|&b| b.is_ascii() && b != b'-') {
                return Some(cut);
            }
        }
        at = cut;
    }
}

fn len32(s: &str) -> u32 {
    u32::try_from(s.len()).unwrap_or(u32::MAX)
}

/// Byte length of the character of `original` at byte `at`.
fn len32_char(original: &str, at: u32) -> u32 {
    original
        .get(at as usize..)
        .and_then(|s| s.chars().next())
        .map_or(0, |c| u32::try_from(c.len_utf8()).unwrap_or(0))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn norm(s: &str) -> String {
        normalize(s).text
    }

    #[test]
    fn folds_quotes_dashes_space_case_and_compatibility_forms() {
        assert_eq!(
            norm("China’s  “advanced\n information society”"),
            "china's \"advanced information society\""
        );
        assert_eq!(norm("2016–17 — now"), "2016-17 - now");
        assert_eq!(norm("ﬁne Ｆｕｌｌ"), "fine full");
        assert_eq!(norm("  leading and trailing  "), "leading and trailing");
    }

    #[test]
    fn joins_words_hyphenated_across_lines_and_inside_words() {
        assert_eq!(norm("infor-\nmation flows"), "information flows");
        assert_eq!(norm("cyber-industrial"), norm("cyber-\n  industrial"));
        assert_eq!(norm("word - word"), "word - word");
    }

    #[test]
    fn composes_combining_marks() {
        assert_eq!(norm("vis-a\u{300}-vis"), norm("vis-à-vis"));
    }

    #[test]
    fn long_texts_normalise_the_same_in_pieces() {
        let texts = [
            "Line one ends here.\nLine two begins; infor-\nmation flows.\n\nA new para-\n\ngraph.\n",
            "a \u{b}\nb -\u{b}\nc infor-\u{b}\nmation\n\u{301}d\ne\u{301}\r\nf\u{a0}\ng\u{2014}\nh",
            "  \n\n x\n\n\n  y  \n",
            "The goal of China becoming an \u{201c}advanced information society\u{201d} was endorsed\n\
             by the Politburo in 2000. Over 2016\u{2013}17, the CCCI approved a thorough restruc-\n\
             turing of China's system.\n1999 ended.\n",
        ];
        for text in texts {
            let whole = normalize(text);
            for piece in [1, 2, 5, 17] {
                let pieces = normalize_pieces(text, piece);
                assert_eq!(pieces.text, whole.text, "{text:?} in pieces of {piece}");
                assert_eq!(pieces.words, whole.words, "{text:?} in pieces of {piece}");
            }
        }
        assert_eq!(next_cut(b"a-\nb c\nd", 0), Some(7));
        assert_eq!(next_cut(b"a-\n b", 0), None);
    }

    #[test]
    fn words_map_back_to_the_original() {
        let original = "The  Party’s view";
        let n = normalize(original);
        let spans: Vec<&str> = n
            .words
            .iter()
            .map(|w| &original[w.orig_start as usize..w.orig_end as usize])
            .collect();
        assert_eq!(spans, ["The", "Party", "s", "view"]);
    }
}
