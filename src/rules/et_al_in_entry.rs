//! `et-al-in-entry`: an entry of the reference list that shortens its
//! authors to `et al.`.

use super::Context;
use super::url_style::entry_name;
use crate::diag::{Code, Diagnostic, Level};

declare_rule! {
    /// ## What it finds
    /// An entry of the document's reference list whose authors end in
    /// `et al.`, and a source of the map whose `authors` do.
    ///
    /// The entries are read when the document's text is supplied (`text
    /// =` or `--text`); the map's sources are read always.
    ///
    /// ## Why it matters
    /// `et al.` belongs in in-text citations. Author–date styles (Chicago,
    /// APA, Harvard) name every author in the reference list, up to ten or
    /// twenty, so that the work can be found and its authors credited.
    ///
    /// ## Example
    /// `- Van Leeuwen, Kees et al. 2017. *After the Box*. ...`
    ///
    /// ## Fix
    /// List every author of the work, in the entry and in `authors`.
    pub static RULE = Rule {
        code: Code::EtAlInEntry,
        default_level: Level::Warn,
        summary: "a reference entry or a source shortens its authors to `et al.`",
        check: Some(check),
        reads: super::Reads::Texts,
    };
}

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let a = cx.against;
    let mut reported = vec![false; cx.map.sources.len()];
    if let Some(text) = a.text(cx.texts) {
        let doc = &text.structure;
        for (k, e) in doc.entries.iter().enumerate() {
            if !e.et_al {
                continue;
            }
            let si = a.entry_source.get(k).copied().flatten();
            let source = si.and_then(|si| cx.map.sources.get(si));
            if let Some(r) = si.and_then(|si| reported.get_mut(si)) {
                *r = true;
            }
            let span = source
                .and_then(|s| s.authors.as_ref().map(|x| x.span.clone()))
                .or_else(|| cx.map.meta.document.as_ref().map(|d| d.span.clone()))
                .unwrap_or(0..0);
            out.push(
                Diagnostic::new(
                    Code::EtAlInEntry,
                    span,
                    format!(
                        "the reference list's entry `{}` (line {}) shortens its authors to `et al.`",
                        entry_name(a, k, e),
                        e.line
                    ),
                )
                .with_label("the work's authors")
                .with_note(format!("in {}", text.path))
                .with_help("name every author in the reference list; `et al.` belongs in in-text citations"),
            );
        }
    }
    for (si, s) in cx.map.sources.iter().enumerate() {
        if reported.get(si).copied().unwrap_or(true) {
            continue;
        }
        let Some(authors) = &s.authors else { continue };
        let Some(x) = authors.value.iter().find(|x| {
            let t = x.value.trim_end_matches('.').to_lowercase();
            t == "et al" || t.ends_with(" et al")
        }) else {
            continue;
        };
        out.push(
            Diagnostic::new(
                Code::EtAlInEntry,
                x.span.clone(),
                format!("the `authors` of source `{}` end in `et al.`", s.id.value),
            )
            .with_label("shortened")
            .with_help("name every author; give the short form the text cites in `cited-as`"),
        );
    }
}
