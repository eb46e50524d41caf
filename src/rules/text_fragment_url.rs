//! `text-fragment-url`: a source URL carrying a browser text fragment.

use super::Context;
use crate::diag::{Code, Diagnostic, Level, toml_string};

declare_rule! {
    /// ## What it finds
    /// A source `url` that carries a browser text fragment, `#:~:text=...`:
    /// the highlight a browser adds when a link is copied from a search
    /// result or a "copy link to highlight" menu.
    ///
    /// ## Why it matters
    /// The fragment is not part of the document's address. It makes the URL
    /// long and fragile, and it often carries a chunk of the page's text
    /// into the bibliography.
    ///
    /// ## Example
    /// ```toml
    /// [sources.strategy]
    /// title = "International Strategy of Cooperation on Cyberspace"
    /// url = "https://www.fmprc.gov.cn/t20170301.html#:~:text=International%20Strategy"
    /// ```
    ///
    /// ## Fix
    /// Cut the URL at `#:~:text=`: `url = "https://www.fmprc.gov.cn/t20170301.html"`.
    pub static RULE = Rule {
        code: Code::TextFragmentUrl,
        default_level: Level::Warn,
        summary: "a URL carrying a browser text fragment (`#:~:text=`)",
        check: Some(check),
    };
}

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for s in &cx.map.sources {
        let Some(url) = &s.url else { continue };
        let Some(at) = url.value.find(":~:") else {
            continue;
        };
        let base = url.value.get(..at).unwrap_or("").trim_end_matches('#');
        out.push(
            Diagnostic::new(
                Code::TextFragmentUrl,
                url.span.clone(),
                format!(
                    "`url` of source `{}` carries a browser text fragment",
                    s.id.value
                ),
            )
            .with_label("`#:~:text=` is a highlight, not part of the address")
            .with_help(format!("cut it: `{base}`"))
            .with_suggestion(url.span.clone(), toml_string(base)),
        );
    }
}
