//! `romanisation-mismatch`: a romanised title or name that the Chinese
//! characters printed beside it cannot read as.

use super::Context;
use crate::diag::{Code, Diagnostic, Level};
use crate::english;
use crate::hanzi::{self, Misfit};

declare_rule! {
    /// ## What it finds
    /// A source's `title`, author, `container`, `publisher` or `cited-as`
    /// that gives a romanised (pinyin) name or title with the Chinese
    /// characters printed right after it, where the romanisation is not a
    /// reading the characters can have: `Xie Ruikun 谢瑞鹄` (`鹄` reads
    /// `hu` or `gu`, never `kun`).
    ///
    /// The romanisation is compared letter by letter with every reading of
    /// each character (the `pinyin` crate's, all of them for a character
    /// with several), ignoring tones, case, spaces, hyphens and apostrophes;
    /// `ü`, `v` and `u` are alike. Digits and Latin letters among the
    /// characters (`如果6G运用于`) must be in the romanisation as they are;
    /// punctuation is skipped. The finding names the first character whose
    /// readings cannot fit.
    ///
    /// What is paired: a run of characters and the romanised words right
    /// before it, back to the first word that is not pinyin (nor digits or
    /// an acronym), a bracket or other characters. A translation after the
    /// characters (`[National Cybersecurity Strategy]`) is not read. When
    /// it is unclear what romanises what, nothing is reported: when no more
    /// than half of the characters, or fewer than two, line up from either
    /// end (so a name in another romanisation or a brand, `Ming Pao 明报`,
    /// `Sina Weibo 新浪微博`, is left alone), when the romanisation stops
    /// before the characters do or starts after them (`Xi Jinping
    /// 习近平谈治国理政`), when it comes after the characters, when a
    /// character has no known reading, for a run of more than 256
    /// characters, and in a Japanese or Korean string (one with kana or
    /// hangul).
    ///
    /// ## Why it matters
    /// A reader who cannot read the characters finds the work by its
    /// romanisation: a wrong syllable sends them to another name or title.
    /// It often marks a character that was miscopied, or a romanisation
    /// copied from another entry.
    ///
    /// ## Example
    /// ```toml
    /// [sources.xie2020]
    /// title = "Ruguo 6G yunyongyu weilai zuozhan 如果6G运用于未来作战"
    /// authors = ["Xie Ruikun 谢瑞鹄"]
    /// ```
    ///
    /// ## Fix
    /// Correct whichever is wrong: the romanisation (`Xie Ruihu 谢瑞鹄`),
    /// or the characters (`Xie Ruikun 谢瑞坤`).
    pub static RULE = Rule {
        code: Code::RomanisationMismatch,
        default_level: Level::Warn,
        summary: "a romanised name or title that its Chinese characters cannot read as",
        check: Some(check),
    };
}

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for s in &cx.map.sources {
        for (key, value) in s.names() {
            for m in hanzi::misreadings(&value.value) {
                let text = |r: std::ops::Range<usize>| value.value.get(r).unwrap_or_default();
                let (roman, han, at) = (text(m.roman.clone()), text(m.han), text(m.at));
                let label = match &m.misfit {
                    Misfit::Reads(readings) => {
                        let readings: Vec<String> =
                            readings.iter().map(|r| format!("`{r}`")).collect();
                        format!("`{at}` reads {}", english::or_list(&readings))
                    }
                    Misfit::Literal => format!("the characters have `{at}` here"),
                    Misfit::LeftOver(letters) => {
                        format!("`{letters}` reads none of the characters")
                    }
                };
                out.push(
                    Diagnostic::new(
                        Code::RomanisationMismatch,
                        value.span_of(m.roman),
                        format!(
                            "`{key}` of source `{}` romanises `{han}` as `{roman}`, \
                             a reading the characters cannot have",
                            s.id.value
                        ),
                    )
                    .with_label(label)
                    .with_help(format!(
                        "`{han}` can be read `{}`: correct the romanisation, \
                         or the characters if they are the slip",
                        m.reading
                    )),
                );
            }
        }
    }
}
