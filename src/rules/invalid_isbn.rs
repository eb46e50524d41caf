//! `invalid-isbn`: an ISBN whose length or check digit is wrong.

use super::Context;
use crate::diag::{Code, Diagnostic, Level};

declare_rule! {
    /// ## What it finds
    /// A source `isbn` that is not an ISBN-10 or an ISBN-13: after
    /// hyphens and spaces (and a leading `ISBN`) are set aside, ten
    /// characters, digits with an `X` allowed last, or thirteen digits
    /// starting with 978 or 979, whose check digit is right. An ISBN from
    /// a bibliography file is checked as one written in `[sources]`.
    ///
    /// ## Why it matters
    /// The check digit catches the usual slips of copying a number: one
    /// digit wrong, or two digits swapped. A wrong ISBN finds another book,
    /// or none.
    ///
    /// ## Example
    /// ```toml
    /// [sources.guide]
    /// title = "A guide to bridges"
    /// isbn = "978-0-306-40615-6"
    /// ```
    ///
    /// ## Fix
    /// Copy the ISBN again from the book or its catalogue record (here
    /// `978-0-306-40615-7`).
    pub static RULE = Rule {
        code: Code::InvalidIsbn,
        default_level: Level::Warn,
        summary: "an ISBN whose length or check digit is wrong",
        check: Some(check),
    };
}

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for s in &cx.map.sources {
        let Some(isbn) = &s.isbn else { continue };
        let why = match check_digit(&isbn.value) {
            Ok(()) => continue,
            Err(why) => why,
        };
        out.push(
            Diagnostic::new(
                Code::InvalidIsbn,
                isbn.span.clone(),
                format!(
                    "`isbn` of source `{}` is not a valid ISBN: {why}",
                    s.id.value
                ),
            )
            .with_label("malformed ISBN")
            .with_help("copy the ISBN again from the book or its catalogue record"),
        );
    }
}

/// Whether `raw` is a valid ISBN-10 or ISBN-13; the error says why not.
///
/// Hand-written: the `isbn` crate generates its tables of registration
/// groups from XML in a build script (codegen, roxmltree), for
/// hyphenation argmap does not need; the checksum is a dozen lines.
fn check_digit(raw: &str) -> Result<(), String> {
    let trimmed = raw.trim();
    let body = trimmed
        .strip_prefix("ISBN-13")
        .or_else(|| trimmed.strip_prefix("ISBN-10"))
        .or_else(|| trimmed.strip_prefix("ISBN"))
        .unwrap_or(trimmed)
        .trim_start_matches([':', ' ']);
    let chars: Vec<char> = body.chars().filter(|c| !matches!(c, '-' | ' ')).collect();
    let digit = |c: char| c.to_digit(10);
    match chars.len() {
        10 => {
            let mut sum = 0;
            for (i, &c) in chars.iter().enumerate() {
                let v = match (digit(c), c) {
                    (Some(d), _) => d,
                    (None, 'X' | 'x') if i == 9 => 10,
                    _ => return Err(format!("`{c}` is not a digit")),
                };
                sum += v * (10 - i as u32);
            }
            if sum % 11 == 0 {
                Ok(())
            } else {
                Err("its check digit is wrong".to_owned())
            }
        }
        13 => {
            let mut sum = 0;
            for (i, &c) in chars.iter().enumerate() {
                let Some(d) = digit(c) else {
                    return Err(format!("`{c}` is not a digit"));
                };
                sum += d * if i % 2 == 0 { 1 } else { 3 };
            }
            let prefix: String = chars.iter().take(3).collect();
            if prefix != "978" && prefix != "979" {
                Err(format!("an ISBN-13 starts with 978 or 979, not {prefix}"))
            } else if sum % 10 == 0 {
                Ok(())
            } else {
                Err("its check digit is wrong".to_owned())
            }
        }
        n => Err(format!(
            "it has {}; an ISBN has 10 or 13",
            crate::english::count(n, "character")
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::check_digit;

    #[test]
    fn checks_isbn_10_and_13() {
        assert_eq!(check_digit("978-0-306-40615-7"), Ok(()));
        assert_eq!(check_digit("ISBN 0-306-40615-2"), Ok(()));
        assert_eq!(check_digit("0-8044-2957-X"), Ok(()));
        assert_eq!(check_digit("9791032305690"), Ok(()));
        assert_eq!(
            check_digit("978-0-306-40615-6"),
            Err("its check digit is wrong".to_owned())
        );
        assert_eq!(
            check_digit("0-306-40615-3"),
            Err("its check digit is wrong".to_owned())
        );
        assert_eq!(
            check_digit("123-0-306-40615-7"),
            Err("an ISBN-13 starts with 978 or 979, not 123".to_owned())
        );
        assert_eq!(
            check_digit("0-306-4061"),
            Err("it has 8 characters; an ISBN has 10 or 13".to_owned())
        );
        assert_eq!(
            check_digit("X-306-40615-2"),
            Err("`X` is not a digit".to_owned())
        );
    }
}
