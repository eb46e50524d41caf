//! Text for diagrams: escaping map text for the two places Graphviz shows
//! it (HTML-like labels and tooltips); cleaning and wrapping are in
//! [`crate::wrap`], which the other presenters share.
//!
//! graphviz-rust prints identifiers exactly as given, so every piece of map
//! text that reaches the DOT output goes through [`html`] (labels) or
//! [`tooltip`] (quoted `tooltip` attributes). Node ids are generated
//! (`c0`, `a3`, `s2`) and never carry map text.

use crate::wrap::cleaned;
pub use crate::wrap::{clean, wrap};

/// The invisible character put between a backslash and a character that
/// would make an escape sequence of it.
pub const WORD_JOINER: char = '\u{2060}';

/// Whether Graphviz would read a backslash followed by `next` as an escape
/// sequence: `\N`, `\G`, `\E`, `\H`, `\T` and `\L` expand to names of
/// the node, graph, edge, head, tail and label, even in HTML-like labels
/// and tooltips, and Graphviz versions disagree on what `\\` shows.
fn breaks_escape(next: Option<u8>) -> bool {
    matches!(next, Some(b'G' | b'N' | b'E' | b'H' | b'T' | b'L' | b'\\'))
}

/// Escapes cleaned text for an HTML-like label: `&`, `<`, `>` and `"` become
/// entities, so no map text can open a tag or end the label. A backslash
/// that would start an escape sequence (`\N`, `\\`) is followed by an
/// invisible word joiner (U+2060), so that every Graphviz version shows it
/// as written.
pub fn html(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    push_html(&mut out, text);
    out
}

/// Appends [`html`]`(text)` to `out`.
fn push_html(out: &mut String, text: &str) {
    push_escaped(out, &cleaned(text), |b, next| match b {
        b'&' => Some("&amp;"),
        b'<' => Some("&lt;"),
        b'>' => Some("&gt;"),
        b'"' => Some("&quot;"),
        b'\\' if breaks_escape(next) => Some("\\\u{2060}"),
        _ => None,
    });
}

/// Appends `text` to `out`, each byte for which `escape(byte, next byte)`
/// gives a replacement replaced by it and the runs between copied whole.
/// Every byte replaced is ASCII, so the runs are whole characters.
fn push_escaped(
    out: &mut String,
    text: &str,
    escape: impl Fn(u8, Option<u8>) -> Option<&'static str>,
) {
    let bytes = text.as_bytes();
    let mut from = 0;
    for (i, &b) in bytes.iter().enumerate() {
        if let Some(replacement) = escape(b, bytes.get(i + 1).copied()) {
            out.push_str(text.get(from..i).unwrap_or(""));
            out.push_str(replacement);
            from = i + 1;
        }
    }
    out.push_str(text.get(from..).unwrap_or(""));
}

/// Lines escaped by [`html`] and joined with left-aligned line breaks.
pub fn html_lines(lines: &[String]) -> String {
    const BREAK: &str = "<br align=\"left\"/>";
    let mut out = String::with_capacity(lines.iter().map(|l| l.len() + BREAK.len()).sum());
    for (i, line) in lines.iter().enumerate() {
        if i > 0 {
            out.push_str(BREAK);
        }
        push_html(&mut out, line);
    }
    out
}

/// A quoted DOT string (quotes included) for a `tooltip` attribute that
/// shows `text` literally.
///
/// Graphviz decodes HTML entities in tooltips first, so `&` is written as
/// `&amp;`. It then reads backslash escapes: `\n` for a newline and `\\` for
/// a backslash. Graphviz 2.43 (still the Debian and Ubuntu package) then
/// expands `\N`, `\G`, `\E`, `\H`, `\T` and `\L` and reads `\\` once more,
/// so a backslash before one of those or before another backslash is
/// also followed by an invisible word joiner (U+2060), as in [`html`].
pub fn tooltip(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    out.push('"');
    push_escaped(&mut out, &cleaned(text), |b, next| match b {
        b'&' => Some("&amp;"),
        b'"' => Some("\\\""),
        b'\n' => Some("\\n"),
        b'\\' if breaks_escape(next) => Some("\\\\\u{2060}"),
        b'\\' => Some("\\\\"),
        _ => None,
    });
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_html() {
        assert_eq!(
            html("<b>&amp; \"x\"</b>"),
            "&lt;b&gt;&amp;amp; &quot;x&quot;&lt;/b&gt;"
        );
        assert_eq!(html("nul\0bell\u{7}"), "nul\u{2400}bell\u{2407}");
        assert_eq!(html(r"\N \\ \n \"), "\\\u{2060}N \\\u{2060}\\ \\n \\");
    }

    #[test]
    fn escapes_tooltips() {
        assert_eq!(tooltip(r#"a "b" \ c"#), r#""a \"b\" \\ c""#);
        assert_eq!(tooltip("\\N & x\ny"), "\"\\\\\u{2060}N &amp; x\\ny\"");
    }
}
