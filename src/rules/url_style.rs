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
    /// The list is the document's, when its text is supplied (`text =` or
    /// `--text`), else the `printed` entries of the map's sources.
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
    let angled = |s: UrlStyle| s == UrlStyle::Angle;
    let styles: Vec<(usize, bool)> = a
        .list
        .iter()
        .enumerate()
        .filter_map(|(k, l)| l.entry.url_style.map(|s| (k, angled(s))))
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
    let note = a.list_note(cx.texts);
    for (k, is_angle) in styles {
        if is_angle != odd_is_angle {
            continue;
        }
        let Some(l) = a.list.get(k) else { continue };
        let mut d = Diagnostic::new(
            Code::UrlStyle,
            l.span(cx.map, l.entry.url_span.as_ref(), |s| {
                s.url.as_ref().map(|u| &u.span)
            }),
            format!(
                "{} writes its URL {odd}, where {} {usual}",
                l.place(cx.map),
                crate::english::count_as(
                    usual_n,
                    "other entry writes its",
                    "other entries write theirs"
                )
            ),
        )
        .with_label("printed in the other style");
        if let Some(n) = &note {
            d = d.with_note(n.clone());
        }
        out.push(d.with_help("write every URL of the reference list in one style"));
    }
}
