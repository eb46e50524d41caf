//! `invalid-doi`: a DOI that is not of the form `10.NNNN/suffix`.

use super::Context;
use crate::diag::{Code, Diagnostic, Level, toml_string};

declare_rule! {
    /// ## What it finds
    /// A source `doi` that is not a bare DOI: `10.`, a registrant code of
    /// four to nine digits (optionally with dotted sub-codes), `/`, and a
    /// suffix without spaces. A DOI written as a URL (`https://doi.org/...`)
    /// or with a `doi:` prefix is reported with the bare form to use. A DOI
    /// from a bibliography file (its `doi` field, CSL-JSON's `DOI`) is
    /// checked as one written in `[sources]`, and the finding points into
    /// the file.
    ///
    /// ## Why it matters
    /// Tools resolve and compare DOIs in their bare form; a malformed one
    /// leads nowhere.
    ///
    /// ## Example
    /// ```toml
    /// [sources.study]
    /// title = "A study"
    /// doi = "https://doi.org/10.1234/abcd"
    /// ```
    ///
    /// ## Fix
    /// Write the bare DOI: `doi = "10.1234/abcd"`.
    pub static RULE = Rule {
        code: Code::InvalidDoi,
        default_level: Level::Warn,
        summary: "a DOI that is not of the form `10.NNNN/suffix`",
        check: Some(check),
    };
}

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for s in &cx.map.sources {
        let Some(doi) = &s.doi else { continue };
        let raw = doi.value.trim();
        let bare = crate::model::doi_without_prefix(raw);
        let (shown, msg) = match bare {
            Some(b) if is_doi(b) => (b, "is written as a link; use the bare DOI".to_owned()),
            _ if is_doi(raw) => continue,
            _ => (raw, "is not a DOI of the form `10.NNNN/suffix`".to_owned()),
        };
        let mut d = Diagnostic::new(
            Code::InvalidDoi,
            doi.span.clone(),
            format!("`doi` of source `{}` {msg}", s.id.value),
        )
        .with_label("malformed DOI");
        if bare.is_some_and(is_doi) {
            d = if cx.map.in_map_file(&doi.span) {
                d.with_help(format!("write `doi = \"{shown}\"`"))
                    .with_suggestion(doi.span.clone(), toml_string(shown))
            } else {
                d.with_help(format!(
                    "write the bare DOI `{shown}` in the bibliography file"
                ))
            };
        }
        out.push(d);
    }
}

/// `10.` + 4-9 digits (+ `.digits` sub-codes) + `/` + a non-empty suffix
/// without whitespace.
fn is_doi(s: &str) -> bool {
    let Some(rest) = s.strip_prefix("10.") else {
        return false;
    };
    let Some((registrant, suffix)) = rest.split_once('/') else {
        return false;
    };
    let mut parts = registrant.split('.');
    let first_ok = parts
        .next()
        .is_some_and(|p| (4..=9).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_digit()));
    first_ok
        && parts.all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()))
        && !suffix.is_empty()
        && !suffix.chars().any(char::is_whitespace)
}

#[cfg(test)]
mod tests {
    use super::is_doi;

    #[test]
    fn recognises_dois() {
        assert!(is_doi("10.1234/abcd"));
        assert!(is_doi("10.1000.10/xyz(1)"));
        assert!(!is_doi("10.12/abcd"));
        assert!(!is_doi("10.1234/"));
        assert!(!is_doi("10.1234/ab cd"));
        assert!(!is_doi("doi:10.1234/abcd"));
    }
}
