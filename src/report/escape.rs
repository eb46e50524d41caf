//! Escaping map text for Markdown and HTML, so that no markup written in a
//! map reaches a page. For HTML, [`Html`] and [`HtmlMessage`] are maud
//! `Render` values: a template splices map text in through them.

use maud::{Render, html};

/// Map text in a maud template, escaped by [`html`]. maud's own escaping
/// (`&`, `<`, `>`, `"`) would do for the page as it is; this one also
/// escapes `'` and replaces control characters, as the report always has.
#[derive(Clone, Copy, Debug)]
pub struct Html<'a>(pub &'a str);

impl Render for Html<'_> {
    fn render_to(&self, buffer: &mut String) {
        html_to(self.0, buffer);
    }
}

/// A diagnostic message in a maud template: the text between backticks
/// becomes a `<code>` element; all of it is escaped as [`Html`].
#[derive(Clone, Copy, Debug)]
pub struct HtmlMessage<'a>(pub &'a str);

impl Render for HtmlMessage<'_> {
    fn render_to(&self, buffer: &mut String) {
        for (code, part) in split_code(self.0) {
            if code {
                html! { code { (Html(part)) } }.render_to(buffer);
            } else {
                html_to(part, buffer);
            }
        }
    }
}

/// Escapes `s` for HTML text and attribute values.
pub fn html(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    html_to(s, &mut out);
    out
}

/// Appends `s` to `out`, escaped for HTML text and attribute values.
fn html_to(s: &str, out: &mut String) {
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c if c.is_control() && c != '\n' && c != '\t' => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
}

/// Escapes `s` for inline Markdown (GitHub flavour): HTML is neutralised,
/// emphasis, links, code, tables and strike-through are backslash-escaped,
/// and line breaks become spaces so the text stays in its list item or
/// table cell.
pub fn markdown(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '\\' | '`' | '*' | '_' | '[' | ']' | '|' | '~' | '!' | '#' | '{' | '}' | '(' | ')' => {
                out.push('\\');
                out.push(c);
            }
            '\n' | '\r' | '\t' => out.push(' '),
            c if c.is_control() => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
    out
}

/// A diagnostic message (whose `` `ids` `` are code spans) for Markdown: the
/// text between backticks becomes a code span, the rest is escaped.
pub fn markdown_message(msg: &str) -> String {
    split_code(msg)
        .map(|(code, part)| {
            if code {
                markdown_code(part)
            } else {
                markdown(part)
            }
        })
        .collect()
}

/// A Markdown code span that holds `s` literally, whatever backticks it has.
pub fn markdown_code(s: &str) -> String {
    let s = s.replace(['\n', '\r'], " ");
    let longest = s.split(|c| c != '`').map(str::len).max().unwrap_or(0);
    let fence = "`".repeat(longest + 1);
    let pad = if s.starts_with('`') || s.ends_with('`') {
        " "
    } else {
        ""
    };
    format!("{fence}{pad}{s}{pad}{fence}")
}

/// Splits a message at backticks: (inside a code span, text).
fn split_code(msg: &str) -> impl Iterator<Item = (bool, &str)> {
    msg.split('`')
        .enumerate()
        .map(|(i, part)| (i % 2 == 1, part))
        .filter(|(_, p)| !p.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_escapes_markup() {
        assert_eq!(
            html("<script>alert('x')</script> & \"q\""),
            "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;"
        );
    }

    #[test]
    fn markdown_neutralises_html_links_and_tables() {
        assert_eq!(
            markdown("<img src=x onerror=alert(1)>"),
            "&lt;img src=x onerror=alert\\(1\\)&gt;"
        );
        assert_eq!(
            markdown("[click](javascript:x) | *b*"),
            "\\[click\\]\\(javascript:x\\) \\| \\*b\\*"
        );
        assert_eq!(markdown("line\nbreak"), "line break");
    }

    #[test]
    fn messages_keep_their_code_spans() {
        assert_eq!(
            markdown_message("claim `a` has no *citation*"),
            "claim `a` has no \\*citation\\*"
        );
        assert_eq!(
            HtmlMessage("claim `<b>` x").render().into_string(),
            "claim <code>&lt;b&gt;</code> x"
        );
        assert_eq!(markdown_code("a`b"), "``a`b``");
    }
}
