//! `url-style`: the reference list writes its URLs in two styles.

use super::Context;
use crate::diag::{Code, Diagnostic, Level};
use crate::document::references::UrlStyle;

declare_rule! {
    /// ## What it finds
    /// Entries of the document's reference list whose URL is written in
    /// the less common of two styles: in angle brackets
    /// (`<https://...>`), or bare (`https://...`, or without a scheme,
    /// which `invalid-url` reports on the map's source too). Each entry of
    /// the smaller group is a finding; when the groups are the same size,
    /// the bare ones are.
    ///
    /// It runs when the document's text is supplied (`text =` or `--text`).
    ///
    /// ## Why it matters
    /// A copy-editor makes a reference list consistent: mixed styles look
    /// careless, and in print the brackets tell a reader where a long URL
    /// ends.
    ///
    /// ## Example
    /// `Available at https://example.org/after-the-box`, where the other
    /// entries write `Available at <https://...>`.
    ///
    /// ## Fix
    /// Write every URL of the list in one style.
    pub static RULE = Rule {
        code: Code::UrlStyle,
        default_level: Level::Warn,
        summary: "the reference list writes its URLs in two styles",
        check: Some(check),
        reads: super::Reads::Texts,
    };
}

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let a = cx.against;
    let Some(text) = a.text(cx.texts) else { return };
    let doc = &text.structure;
    let angled = |s: UrlStyle| s == UrlStyle::Angle;
    let styles: Vec<(usize, bool)> = doc
        .entries
        .iter()
        .enumerate()
        .filter_map(|(k, e)| e.url_style.map(|s| (k, angled(s))))
        .collect();
    let n_angle = styles.iter().filter(|(_, x)| *x).count();
    let n_bare = styles.len() - n_angle;
    if n_angle == 0 || n_bare == 0 {
        return;
    }
    // The smaller group differs; on a tie, the bare URLs do.
    let odd_is_angle = n_angle < n_bare;
    let (odd, usual, usual_n) = if odd_is_angle {
        ("in angle brackets", "bare", n_bare)
    } else {
        ("bare", "in angle brackets (`<...>`)", n_angle)
    };
    for (k, is_angle) in styles {
        if is_angle != odd_is_angle {
            continue;
        }
        let Some(e) = doc.entries.get(k) else {
            continue;
        };
        let si = a.entry_source.get(k).copied().flatten();
        let span = match si.and_then(|si| cx.map.sources.get(si)) {
            Some(s) => s.url.as_ref().map_or(s.id.span.clone(), |u| u.span.clone()),
            None => cx
                .map
                .meta
                .document
                .as_ref()
                .map_or(0..0, |d| d.span.clone()),
        };
        let who = entry_name(a, k, e);
        out.push(
            Diagnostic::new(
                Code::UrlStyle,
                span,
                format!(
                    "the reference list's entry `{who}` (line {}) writes its URL {odd}, where {} write theirs {usual}",
                    e.line,
                    crate::english::count_as(usual_n, "other entry", "other entries")
                ),
            )
            .with_label("printed in the other style")
            .with_note(format!("in {}", text.path))
            .with_help("write every URL of the reference list in one style"),
        );
    }
}

/// An entry as a finding names it: `Creemers 2021a`.
pub(super) fn entry_name(
    a: &crate::verify::Against,
    k: usize,
    e: &crate::document::Entry,
) -> String {
    let who = a.entry_author.get(k).map_or("", String::as_str);
    let year = e.year.map_or("n.d.".to_owned(), |y| y.to_string());
    crate::wrap::clean(&format!("{who} {year}"))
}
