//! `invalid-url`: a source URL that is not an absolute http(s) URL.

use super::Context;
use crate::diag::{Code, Diagnostic, Level};

declare_rule! {
    /// ## What it finds
    /// A source `url` that is not an absolute `http://` or `https://` URL:
    /// one without a scheme (`muse.jhu.edu/article/563560`), with another
    /// scheme, with spaces, or that does not parse as a URL at all.
    ///
    /// ## Why it matters
    /// Readers and link checkers cannot follow it; a URL without a scheme is
    /// taken as a relative path by browsers.
    ///
    /// ## Example
    /// ```toml
    /// [sources.galloway2014]
    /// title = "China and Technical Global Internet Governance"
    /// url = "muse.jhu.edu/article/563560"
    /// ```
    ///
    /// ## Fix
    /// Write the full URL: `url = "https://muse.jhu.edu/article/563560"`.
    pub static RULE = Rule {
        code: Code::InvalidUrl,
        default_level: Level::Warn,
        summary: "a URL that is not an absolute http(s) URL",
        check: Some(check),
    };
}

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for s in &cx.map.sources {
        let Some(url) = &s.url else { continue };
        if let Some(problem) = problem(&url.value) {
            let mut d = Diagnostic::new(
                Code::InvalidUrl,
                url.span.clone(),
                format!("`url` of source `{}` {}", s.id.value, problem.0),
            )
            .with_label(problem.1);
            if let Some(help) = problem.2 {
                d = d.with_help(help);
            }
            out.push(d);
        }
    }
}

/// What is wrong with `raw`: message tail, label, help.
fn problem(raw: &str) -> Option<(String, String, Option<String>)> {
    if raw.trim().is_empty() {
        return Some(("is empty".into(), "no URL here".into(), None));
    }
    if raw.chars().any(char::is_whitespace) {
        return Some((
            "contains whitespace".into(),
            "spaces are not allowed in a URL".into(),
            Some("remove the spaces or encode them as `%20`".into()),
        ));
    }
    match url::Url::parse(raw) {
        Err(url::ParseError::RelativeUrlWithoutBase) => Some((
            "has no scheme".into(),
            "not an absolute URL".into(),
            Some(format!("write `https://{raw}`")),
        )),
        Err(e) => Some((
            format!("is not a valid URL: {e}"),
            "does not parse as a URL".into(),
            None,
        )),
        Ok(u) if !matches!(u.scheme(), "http" | "https") => Some((
            format!("uses the scheme `{}`, not http(s)", u.scheme()),
            "not an http(s) URL".into(),
            None,
        )),
        Ok(u) if u.host_str().is_none_or(str::is_empty) => {
            Some(("has no host".into(), "no host name".into(), None))
        }
        Ok(_) => None,
    }
}

#[cfg(test)]
mod tests {
    use super::problem;

    #[test]
    fn accepts_http_and_https_only() {
        assert!(problem("https://example.org/a?b=c#d").is_none());
        assert!(problem("http://www.81.cn/x.htm").is_none());
        assert!(problem("muse.jhu.edu/article/563560").is_some());
        assert!(problem("ftp://example.org").is_some());
        assert!(problem("https://exa mple.org").is_some());
        assert!(problem("https://").is_some());
    }
}
