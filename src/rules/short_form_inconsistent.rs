//! `short-form-inconsistent`: works of the same kind cited in two short
//! forms in the text.

use super::Context;
use crate::diag::{Code, Diagnostic, Level};
use crate::verify::key;

declare_rule! {
    /// ## What it finds
    /// In-text citations that shorten works of the same kind in two ways:
    /// - works with the same number of authors (three or more), cited with
    ///   `et al.` for some and with every name for others
    ///   (`Von Carnap et al. 2020`, `Xie, Xie and Zhang 2020`);
    /// - works by organisations, cited by their whole name for some and by
    ///   the first words of it for others (`Zhongyang 2017` for
    ///   *Zhongyang wangxin ... zhongxinzu*, where others are cited in
    ///   full).
    ///
    /// The number of authors and the organisation's name come from the
    /// reference list's entry the citation points to. Each citation of the
    /// smaller group is a finding (on a tie, those with `et al.`, and the
    /// shortened names).
    ///
    /// It runs when the document's text is supplied (`text =` or `--text`).
    ///
    /// ## Why it matters
    /// An author–date style fixes when to write `et al.` (Chicago: four
    /// authors or more; APA: three or more) and how an organisation is
    /// cited. Mixed forms are a copy-editor's mark, and a shortened
    /// organisation's name may not be findable in the list.
    ///
    /// ## Example
    /// `(Van Leeuwen et al. 2017)` and `(Zhou, Li and Ma 2016)`, both works
    /// of three authors.
    ///
    /// ## Fix
    /// Cite works of the same kind in one form, as the text's style says.
    pub static RULE = Rule {
        code: Code::ShortFormInconsistent,
        default_level: Level::Warn,
        summary: "works of the same kind cited in two short forms",
        check: Some(check),
        reads: super::Reads::Texts,
    };
}

/// How a citation shortens its work.
struct Form {
    citation: usize,
    /// The kind of work: its number of authors, or 0 for an organisation.
    kind: usize,
    /// Whether it is shortened (`et al.`, or the first words of a name).
    short: bool,
}

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let a = cx.against;
    let Some((text, doc)) = cx.document() else {
        return;
    };
    let mut forms: Vec<Form> = Vec::new();
    // Each work once: its first citation.
    let mut seen = std::collections::HashSet::new();
    for (k, c) in doc.citations.iter().enumerate() {
        let Some(ei) = a.citation_entry.get(k).copied().flatten() else {
            continue;
        };
        if !seen.insert(ei) {
            continue;
        }
        let Some(e) = doc.entries.get(ei) else {
            continue;
        };
        let author = a.entry_author.get(ei).map_or("", String::as_str);
        let organisation = !e.same_author
            && e.authors.len() == 1
            && !author.contains(',')
            && key(author).split(' ').count() >= 3;
        let (first_key, author_key) = (
            c.names.first().map(|n| key(n)).unwrap_or_default(),
            key(author),
        );
        if organisation && c.names.len() == 1 {
            let short = first_key != author_key && author_key.starts_with(&format!("{first_key} "));
            forms.push(Form {
                citation: k,
                kind: 0,
                short,
            });
        } else {
            // The number of authors: the map's source's, else the entry's
            // (unless it says `et al.` itself).
            let source = a
                .citation_source
                .get(k)
                .copied()
                .flatten()
                .and_then(|si| cx.map.sources.get(si))
                .and_then(|s| s.authors.as_ref())
                .map(|x| x.value.len());
            let n = source
                .or((!e.et_al).then_some(e.authors.len()))
                .unwrap_or(0);
            if n >= 3 {
                forms.push(Form {
                    citation: k,
                    kind: n,
                    short: c.et_al,
                });
            }
        }
    }
    let mut kinds: Vec<usize> = forms.iter().map(|f| f.kind).collect();
    kinds.sort_unstable();
    kinds.dedup();
    for kind in kinds {
        let group: Vec<&Form> = forms.iter().filter(|f| f.kind == kind).collect();
        let n_short = group.iter().filter(|f| f.short).count();
        let n_full = group.len() - n_short;
        if n_short == 0 || n_full == 0 {
            continue;
        }
        let odd_short = n_short <= n_full;
        let other = group
            .iter()
            .find(|f| f.short != odd_short)
            .and_then(|f| doc.citations.get(f.citation))
            .map(|c| crate::wrap::clean(&c.written))
            .unwrap_or_default();
        for f in group.iter().filter(|f| f.short == odd_short) {
            let Some(c) = doc.citations.get(f.citation) else {
                continue;
            };
            let si = a.citation_source.get(f.citation).copied().flatten();
            let span = si
                .and_then(|si| cx.map.sources.get(si))
                .and_then(|s| s.cited_as.as_ref().map(|x| x.span.clone()))
                .unwrap_or_else(|| a.span_at(cx.map, c.paragraph));
            let what = if kind == 0 {
                if odd_short {
                    "cites an organisation by the first words of its name".to_owned()
                } else {
                    "cites an organisation by its whole name".to_owned()
                }
            } else if odd_short {
                format!("cites a work of {kind} authors with `et al.`")
            } else {
                format!("cites a work of {kind} authors by every name")
            };
            let line = text.index.line(c.span.start);
            out.push(
                Diagnostic::new(
                    Code::ShortFormInconsistent,
                    span,
                    format!(
                        "`{}` (text line {line}) {what}, where `{other}` is cited the other way",
                        crate::wrap::clean(&c.written)
                    ),
                )
                .with_label("the text's short form")
                .with_note(format!("in {}", text.path))
                .with_help("cite works of the same kind in one form, as the text's style says"),
            );
        }
    }
}
