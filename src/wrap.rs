//! Display text shared by the presenters: control characters made visible
//! ([`clean`]) and text wrapped to a width in display columns ([`wrap`]).
//!
//! Written here rather than taken from `textwrap`: `textwrap` breaks an
//! emoji joined by zero-width joiners across lines and keeps runs of
//! spaces, where a diagram's label must keep such a sequence whole and fold
//! whitespace.

use std::borrow::Cow;

use unicode_width::UnicodeWidthChar;

/// Replaces characters that XML (and so Graphviz's HTML-like labels) cannot
/// hold or that would be invisible, keeping the text's meaning visible:
/// C0 control characters become their Unicode control pictures (NUL shows
/// as `␀`), DEL as `␡`, tabs as a space, CR LF and CR as a newline, C1
/// controls and the non-characters U+FFFE and U+FFFF as `�`.
pub fn clean(text: &str) -> String {
    cleaned(text).into_owned()
}

/// [`clean`], without a copy of text that is clean already.
pub(crate) fn cleaned(text: &str) -> Cow<'_, str> {
    if is_clean(text) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\n' => out.push('\n'),
            '\r' => {
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                out.push('\n');
            }
            '\t' => out.push(' '),
            '\u{0}'..='\u{1f}' => {
                out.push(char::from_u32(0x2400 + u32::from(c)).unwrap_or('\u{fffd}'));
            }
            '\u{7f}' => out.push('\u{2421}'),
            '\u{80}'..='\u{9f}' | '\u{fffe}' | '\u{ffff}' => out.push('\u{fffd}'),
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

/// Whether [`clean`] would leave `text` as it is: no C0 control but the
/// newline, no DEL, no C1 control (UTF-8 `C2 80` to `C2 9F`), no U+FFFE or
/// U+FFFF (`EF BF BE`, `EF BF BF`). Checked on bytes, since almost every
/// text is clean and this is on the path of every label of a diagram.
fn is_clean(text: &str) -> bool {
    let b = text.as_bytes();
    if b.is_ascii() {
        return !b.iter().any(|&x| (x < 0x20 && x != b'\n') || x == 0x7f);
    }
    b.iter().enumerate().all(|(i, &x)| match x {
        b'\n' | 0x20..=0x7e => true,
        0xc2 => !b.get(i + 1).is_some_and(|y| (0x80..=0x9f).contains(y)),
        0xef => !(b.get(i + 1) == Some(&0xbf) && b.get(i + 2).is_some_and(|y| *y >= 0xbe)),
        0x80..=0xff => true,
        _ => false,
    })
}

/// The display width of `c` in columns: 2 for wide East Asian characters
/// and most emoji, 0 for combining marks, 1 otherwise.
fn width_of(c: char) -> usize {
    c.width().unwrap_or(0)
}

/// Wraps `text` into lines of at most `width` columns.
///
/// Lines break at spaces; runs of whitespace collapse to one space. Newlines
/// in the text are kept as line breaks. A word wider than `width` (a long
/// URL, or a sentence in a script written without spaces, such as Chinese)
/// is broken between characters. Widths are display columns, so a CJK
/// character counts as two and a line of CJK text is as wide as a line of
/// Latin text; a combining mark or a character after a zero-width joiner is
/// never separated from the character before it.
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    let width = width.max(1);
    let cleaned = cleaned(text);
    let mut lines = Vec::new();
    for paragraph in cleaned.split('\n') {
        let mut line = String::new();
        let mut line_width = 0;
        for word in paragraph.split_whitespace() {
            // Cleaned ASCII words hold only printable characters, one column each.
            let word_width: usize = if word.is_ascii() {
                word.len()
            } else {
                word.chars().map(width_of).sum()
            };
            if line_width > 0 && line_width + 1 + word_width <= width {
                line.push(' ');
                line.push_str(word);
                line_width += 1 + word_width;
                continue;
            }
            if line_width > 0 {
                lines.push(std::mem::take(&mut line));
                line_width = 0;
            }
            if word_width <= width {
                line.push_str(word);
                line_width = word_width;
                continue;
            }
            let mut prev = None;
            for c in word.chars() {
                let w = width_of(c);
                let joined = w == 0 || prev == Some('\u{200d}');
                if line_width + w > width && line_width > 0 && !joined {
                    lines.push(std::mem::take(&mut line));
                    line_width = 0;
                }
                line.push(c);
                line_width += w;
                prev = Some(c);
            }
        }
        lines.push(line);
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wraps_at_word_boundaries() {
        assert_eq!(
            wrap("The bridge should be rebuilt soon", 12),
            ["The bridge", "should be", "rebuilt soon"]
        );
        assert_eq!(wrap("  spaced   out  ", 40), ["spaced out"]);
        assert_eq!(wrap("", 40), [""]);
    }

    #[test]
    fn breaks_only_words_longer_than_the_width() {
        assert_eq!(wrap("a abcdefghij b", 4), ["a", "abcd", "efgh", "ij b"]);
    }

    #[test]
    fn counts_columns_not_bytes() {
        // Ten CJK characters are twenty columns wide.
        let lines = wrap("国家网络空间安全战略", 8);
        assert_eq!(lines, ["国家网络", "空间安全", "战略"]);
        assert_eq!(wrap("héllo wörld", 11), ["héllo wörld"]);
    }

    #[test]
    fn keeps_combining_marks_and_newlines() {
        assert_eq!(wrap("abe\u{301}", 3), ["abe\u{301}"]);
        assert_eq!(wrap("one\ntwo", 40), ["one", "two"]);
    }

    #[test]
    fn clean_text_is_recognised_on_bytes() {
        for s in [
            "plain",
            "caf\u{e9} \u{201c}q\u{201d}\n",
            "\u{ff}\u{fffd}\u{feff}",
        ] {
            assert!(is_clean(s), "{s:?}");
        }
        for s in [
            "\t",
            "a\rb",
            "\u{7f}",
            "\u{85}",
            "x\u{fffe}",
            "\u{ffff}",
            "\0",
        ] {
            assert!(!is_clean(s), "{s:?}");
            assert_ne!(clean(s), s);
        }
    }
}
