//! `et-al-in-entry`: an entry of the reference list that shortens its
//! authors to `et al.`.

use super::Context;
use crate::diag::{Code, Diagnostic, Level};

declare_rule! {
    /// ## What it finds
    /// An entry of the document's reference list whose authors end in
    /// `et al.`, and a source of the map whose `authors` do.
    ///
    /// The list is the document's, when its text is supplied (`text =` or
    /// `--text`), else the `printed` entries of the map's sources; the
    /// map's `authors` are read always (once per source).
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
    for l in a.list.iter().filter(|l| l.entry.et_al) {
        if let Some(r) = l.source.and_then(|si| reported.get_mut(si)) {
            *r = true;
        }
        let mut d = Diagnostic::new(
            Code::EtAlInEntry,
            l.span(cx.map, l.entry.authors_span.as_ref(), |s| {
                s.authors.as_ref().map(|x| &x.span)
            }),
            format!("{} shortens its authors to `et al.`", l.place(cx.map)),
        )
        .with_label("the work's authors");
        if let Some(n) = a.list_note(cx.texts) {
            d = d.with_note(n);
        }
        out.push(d.with_help(
            "name every author in the reference list; `et al.` belongs in in-text citations",
        ));
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
