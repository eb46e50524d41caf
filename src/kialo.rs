//! The vocabulary of Kialo's plain-text export, which `import` reads and
//! `export` writes: the title line, claim numbers (`1.2.1.`), the stances
//! (`Pro:`, `Con:`), the `-> See 1.1.` link, and the backslash escapes of
//! claim text. Hand-written: no crate reads or writes Kialo's export.
//!
//! ```text
//! Discussion Title: Should the town rebuild the old bridge?
//!
//! 1. The town should rebuild the old bridge.
//! 1.1. Pro: Trucks cross it every day.
//! 1.2. Con: Rebuilding costs more than the town's yearly budget.
//! 1.2.1. Pro: -> See 1.1.
//! ```

/// What the first line starts with.
pub const TITLE: &str = "Discussion Title:";

/// What a link's text starts with: the claim it names is written in full
/// elsewhere.
pub const SEE: &str = "-> See ";

/// The characters an export escapes with a backslash anywhere in a text:
/// those Kialo reads as Markdown.
pub const ESCAPED: &[char] = &['\\', '`', '*', '_', '[', ']', '(', ')', '~'];

/// A claim's relation to the claim above it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Stance {
    /// `Pro:`, a support.
    Pro,
    /// `Con:`, an attack.
    Con,
}

impl Stance {
    /// `Pro:` or `Con:`.
    pub fn marker(self) -> &'static str {
        match self {
            Stance::Pro => "Pro:",
            Stance::Con => "Con:",
        }
    }
}

/// `1.2.1.`, from the parts `[1, 2, 1]`.
pub fn number(parts: &[u32]) -> String {
    parts.iter().map(|p| format!("{p}.")).collect()
}

/// The claim number that `line` starts with, after any spaces or tabs: its
/// byte length (spaces included) and its digit runs, each as written (`1.`,
/// `1.2.1.`). A number is runs of digits, each followed by a dot, then the
/// end of the line or a space; `1.5 million` is no number.
pub fn leading_number(line: &str) -> Option<(usize, Vec<&str>)> {
    let start = line.len() - line.trim_start_matches([' ', '\t']).len();
    let bytes = line.as_bytes();
    let mut at = start;
    let mut parts = Vec::new();
    loop {
        let digits = bytes
            .get(at..)?
            .iter()
            .take_while(|b| b.is_ascii_digit())
            .count();
        if digits == 0 || bytes.get(at + digits) != Some(&b'.') {
            break;
        }
        parts.push(line.get(at..at + digits)?);
        at += digits + 1;
    }
    let ends = matches!(bytes.get(at), None | Some(b' ' | b'\t'));
    (!parts.is_empty() && ends).then_some((at, parts))
}

/// `text` as an export writes it after a claim's number and stance: each
/// character of [`ESCAPED`] escaped; a line that would read as a claim
/// number escaped at its last dot (`1\.`); a text that would read as a
/// link escaped at its start (`\-> See`). Control characters become
/// spaces, each line loses its trailing space, and the text its trailing
/// blank lines.
pub fn escape(text: &str) -> String {
    let clean: String = text
        .chars()
        .map(|c| if c.is_control() && c != '\n' { ' ' } else { c })
        .collect();
    let lines: Vec<&str> = clean.lines().map(str::trim_end).collect();
    let kept = lines.len() - lines.iter().rev().take_while(|l| l.is_empty()).count();
    let mut out = String::with_capacity(text.len() + 8);
    for (n, line) in lines.iter().take(kept).enumerate() {
        if n > 0 {
            out.push('\n');
        }
        let mut escaped = escape_line(line);
        if n > 0 {
            if let Some((end, _)) = leading_number(&escaped) {
                // `end` is just past the number's last dot.
                escaped.insert(end - 1, '\\');
            }
        } else if escaped.starts_with(SEE.trim_end()) {
            escaped.insert(0, '\\');
        }
        out.push_str(&escaped);
    }
    out
}

/// One line, each character of [`ESCAPED`] escaped.
fn escape_line(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    for c in line.chars() {
        if ESCAPED.contains(&c) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// `text` with its backslash escapes read: a backslash before ASCII
/// punctuation stands for that character (as in Markdown); any other
/// backslash is itself. Also says whether the text holds a character of
/// [`ESCAPED`] that is not escaped (Markdown, such as a link, which the
/// text keeps as written and an export escapes).
pub fn unescape(text: &str) -> (String, bool) {
    let mut out = String::with_capacity(text.len());
    let mut markup = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\\' {
            if let Some(&next) = chars.peek()
                && next.is_ascii_punctuation()
            {
                out.push(next);
                chars.next();
                continue;
            }
            markup = true;
        } else if ESCAPED.contains(&c) {
            markup = true;
        }
        out.push(c);
    }
    (out, markup)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_read_only_when_whole() {
        assert_eq!(leading_number("1. A"), Some((2, vec!["1"])));
        assert_eq!(
            leading_number("  1.2.10. Pro: x"),
            Some((9, vec!["1", "2", "10"]))
        );
        assert_eq!(leading_number("1.2."), Some((4, vec!["1", "2"])));
        assert_eq!(leading_number("1.5 million"), None);
        assert_eq!(leading_number("1.2"), None);
        assert_eq!(leading_number("x 1."), None);
        assert_eq!(leading_number(""), None);
    }

    #[test]
    fn escaping_reads_back() {
        for text in [
            "The bridge (since 1911) is *listed*",
            "a\\b [c](d) _e_ `f` ~g~",
            "Reasons:\n1. cost\n2.1. time",
            "-> See 1.1.",
            "two\n\nparagraphs",
            "城市 ☃ naïve",
        ] {
            let escaped = escape(text);
            assert_eq!(unescape(&escaped), (text.to_owned(), false), "{escaped}");
        }
        assert_eq!(escape("Reasons:\n1. cost"), "Reasons:\n1\\. cost");
        assert_eq!(escape("-> See 1."), "\\-> See 1.");
        assert_eq!(escape("a  \n\n\n"), "a");
    }

    #[test]
    fn unescaped_markup_is_kept_and_told() {
        assert_eq!(unescape("[a](b)"), ("[a](b)".to_owned(), true));
        assert_eq!(unescape("a \\ b"), ("a \\ b".to_owned(), true));
        assert_eq!(unescape("a \\é"), ("a \\é".to_owned(), true));
        assert_eq!(unescape("a.b"), ("a.b".to_owned(), false));
    }
}
