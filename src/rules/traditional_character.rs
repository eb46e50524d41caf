//! `traditional-character`: a traditional Chinese character in a name or
//! title otherwise written in simplified characters.

use super::Context;
use crate::diag::{Code, Diagnostic, Level, toml_string};
use crate::english;
use crate::hanzi;

declare_rule! {
    /// ## What it finds
    /// A traditional Chinese character in a source's `title`, author,
    /// `container`, `publisher` or `cited-as` whose other characters are
    /// simplified: `谢瑞鵠`, where `谢` is simplified and `鵠` is the
    /// traditional form of `鹄`.
    ///
    /// Each string is judged alone: a character is traditional when
    /// converting it to simplified script changes it and converting to
    /// traditional does not, and it is reported only when the same string
    /// has a simplified character (one that converting to traditional
    /// changes). The conversion data are OpenCC's character tables. A
    /// string all in traditional characters, as a work from Taiwan or
    /// Hong Kong is cited, is not a finding, nor is a character that both
    /// scripts write alike; a Japanese or Korean string (one with kana or
    /// hangul) is not judged.
    ///
    /// ## Why it matters
    /// A name or title is printed in one script. A character of the other
    /// script is a slip of the input method or of copying, and it breaks a
    /// search for the work in catalogues and databases.
    ///
    /// ## Example
    /// ```toml
    /// [sources.xie2020]
    /// title = "Ruguo 6G yunyongyu weilai zuozhan 如果6G运用于未来作战"
    /// authors = ["Xie Ruihu 谢瑞鵠"]
    /// ```
    ///
    /// ## Fix
    /// Write the simplified form: `谢瑞鹄`.
    pub static RULE = Rule {
        code: Code::TraditionalCharacter,
        default_level: Level::Warn,
        summary: "a traditional Chinese character among simplified ones",
        check: Some(check),
    };
}

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for s in &cx.map.sources {
        for (key, value) in s.names() {
            let found = hanzi::traditional_among_simplified(&value.value);
            let Some((first, forms)) = found.first() else {
                continue;
            };
            let text = |r: &std::ops::Range<usize>| value.value.get(r.clone()).unwrap_or_default();
            let mut chars: Vec<&str> = Vec::new();
            let mut fixes: Vec<String> = Vec::new();
            for (at, forms) in &found {
                if !chars.contains(&text(at)) {
                    chars.push(text(at));
                    fixes.push(format!("{} for `{}`", quoted(forms), text(at)));
                }
            }
            let named: Vec<String> = chars.iter().map(|c| format!("`{c}`")).collect();
            let mut d = Diagnostic::new(
                Code::TraditionalCharacter,
                value.span_of(first.clone()),
                format!(
                    "`{key}` of source `{}` writes the traditional {} among simplified characters",
                    s.id.value,
                    english::list(&named)
                ),
            )
            .with_label(format!("traditional: simplified {}", quoted(forms)));
            for (at, _) in found.iter().skip(1) {
                let span = value.span_of(at.clone());
                if span != value.span {
                    d = d.with_secondary(span, "traditional too");
                }
            }
            // A character whose romanisation does not fit it either may be
            // the wrong character altogether (`鵠` romanised `kun` was
            // likely `鹍`): its simplified form is no fix.
            let misread = hanzi::misreadings(&value.value);
            let doubtful = found.iter().any(|(at, _)| {
                misread
                    .iter()
                    .any(|m| m.at.start <= at.start && at.end <= m.at.end)
            });
            d = if doubtful {
                d.with_note(format!(
                    "its romanisation does not fit it either (`{}`): the name may have another character",
                    Code::RomanisationMismatch
                ))
                .with_help("check which character the name has, and write its simplified form")
            } else {
                d.with_help(format!("write {}", fixes.join(", ")))
            };
            // The fix, when each character has one simplified form.
            if !doubtful && found.iter().all(|(_, forms)| forms.len() == 1) {
                let mut fixed = String::with_capacity(value.value.len());
                let mut from = 0;
                for (at, forms) in &found {
                    fixed.push_str(value.value.get(from..at.start).unwrap_or_default());
                    fixed.extend(forms.first());
                    from = at.end;
                }
                fixed.push_str(value.value.get(from..).unwrap_or_default());
                d = d.with_suggestion(value.span.clone(), toml_string(&fixed));
            }
            out.push(d);
        }
    }
}

/// The simplified forms, quoted: `` `鹄` ``, `` `干` or `幹` ``.
fn quoted(forms: &[char]) -> String {
    let forms: Vec<String> = forms.iter().map(|c| format!("`{c}`")).collect();
    english::or_list(&forms)
}
