//! `misplaced-dash`: a same-author dash in the reference list that does
//! not follow an entry by the same author.

use super::Context;
use crate::diag::{Code, Diagnostic, Level};
use crate::verify::{key, source_name};

declare_rule! {
    /// ## What it finds
    /// An entry of the document's reference list whose authors are a
    /// same-author dash (`_____.`, `———.`), where
    /// - it is the first entry, or follows a blank author, or
    /// - the map's source for the entry (matched by its title) has a first
    ///   author other than the entry above's.
    ///
    /// The list is the document's, when its text is supplied (`text =` or
    /// `--text`), else the `printed` entries of the map's sources (in the
    /// order the sources are written).
    ///
    /// ## Why it matters
    /// The dash says "the same author as above". When the entries were
    /// re-sorted or one was inserted, the dash silently credits the work to
    /// the wrong author, and in-text citations of it lead nowhere.
    ///
    /// ## Example
    /// ```text
    /// - Lind, Per. 2020. *Harbour Ledgers*. ...
    /// - _____. 2018. *Calm Water*. ...        (by Marsh, Ellen)
    /// ```
    ///
    /// ## Fix
    /// Write the author's name in full where the entry above is by someone
    /// else.
    pub static RULE = Rule {
        code: Code::MisplacedDash,
        default_level: Level::Warn,
        summary: "a same-author dash that does not follow an entry by the same author",
        check: Some(check),
        reads: super::Reads::Texts,
    };
}

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let a = cx.against;
    for l in a.list.iter().filter(|l| l.entry.same_author) {
        let above = l.author.as_str();
        let source = l.source.and_then(|si| cx.map.sources.get(si));
        let real = source.and_then(source_name);
        let problem = match (&real, above.is_empty()) {
            (_, true) => "has no entry above it to repeat the author of".to_owned(),
            (Some(r), false) if key(r) != key(above) => format!(
                "repeats `{}` from the entry above, but the work is by `{}`",
                crate::wrap::clean(above),
                crate::wrap::clean(r)
            ),
            _ => continue,
        };
        let title = l.entry.title.as_deref().map_or(String::new(), |t| {
            format!(" (\u{201c}{}\u{201d})", crate::wrap::clean(t))
        });
        let place = match &l.printed {
            Some(_) => l.place(cx.map),
            None => format!("the reference list's entry at text line {}", l.entry.line),
        };
        let mut d = Diagnostic::new(
            Code::MisplacedDash,
            l.span(cx.map, l.entry.authors_span.as_ref(), |s| {
                s.authors.as_ref().map(|x| &x.span)
            }),
            format!("the same-author dash of {place}{title} {problem}"),
        )
        .with_label("the work's authors");
        if let Some(n) = a.list_note(cx.texts) {
            d = d.with_note(n);
        }
        out.push(
            d.with_help("write the author's name in full where the entry above is by someone else"),
        );
    }
}
