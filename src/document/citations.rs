//! In-text author–year citations: `(Smith 2020)`, `(Smith and Jones
//! 2020, 4)`, `(Smith & Jones, 2020, p. 4)`, `(Smith et al. 2021a; Lee
//! 2019)`, `(Creemers 2018, 2021a)`, narrative `Smith (2020)`, corporate and
//! romanised authors with a gloss (`(Guojia hulianwang xinxi bangongshi
//! [Cyberspace Administration of China] 2016)`).
//!
//! The reader looks at each parenthesis of a body paragraph once. A part of
//! a parenthesis (parts are separated by `;`) is a citation when it ends in
//! a year (four digits, an optional letter: `2021a`; or `n.d.`), then an
//! optional page locator, and what comes before the year reads as names:
//! each starts with a capital letter (or a particle such as `von`, `de`),
//! has no digit, and none is a word that ends a name (`in`, `since`,
//! `from`...). A parenthesis holding only a year cites the names written
//! just before it (`Smith and Jones (2020)`). Everything else in
//! parentheses (`(ICT)`, `(in 2016)`) is not a citation.

use std::ops::Range;

/// Longest parenthesis read, in bytes: a longer one is prose.
const MAX_PAREN: usize = 600;

/// Most words in a citation's names.
const MAX_NAME_WORDS: usize = 14;

/// Words that never occur in an author's name (compared in lower case):
/// a parenthesis such as `(founded in 2014)` is not a citation.
const NOT_NAMES: &[&str] = &[
    "in", "since", "from", "to", "until", "by", "at", "after", "before", "during", "around",
    "about", "between", "was", "were", "is", "are", "this", "that", "which", "with", "c.", "ca.",
    "circa", "late", "early", "mid", "as", "than", "over", "per", "cent", "percent",
];

/// Capitalised words that begin a sentence, not a name: a narrative
/// citation's names are read back from its parenthesis and stop at them.
const NOT_NAME_STARTS: &[&str] = &[
    "as",
    "in",
    "the",
    "see",
    "according",
    "while",
    "when",
    "following",
    "unlike",
    "like",
    "both",
    "but",
    "and",
    "for",
    "however",
    "thus",
    "also",
    "since",
    "by",
    "a",
    "an",
    "of",
    "to",
    "whereas",
    "after",
    "before",
    "here",
    "this",
    "that",
    "these",
    "those",
    "then",
    "yet",
];

/// Particles that may begin an author's name in lower case.
const PARTICLES: &[&str] = &[
    "von", "van", "de", "der", "den", "di", "da", "du", "la", "le", "del", "della", "dos", "das",
    "ter", "ten", "bin", "al", "el", "zu",
];

/// Words before a citation that are not part of it (`see`, `e.g.`).
const LEADS: &[&str] = &[
    "see also", "see", "e.g.,", "e.g.", "cf.", "i.e.,", "i.e.", "also",
];

/// A year as a citation writes it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
pub struct Year {
    /// The year (`2021` of `2021a`).
    pub year: i32,
    /// The letter that tells works of one author and year apart (`a`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub suffix: Option<char>,
}

impl std::fmt::Display for Year {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.year)?;
        if let Some(s) = self.suffix {
            write!(f, "{s}")?;
        }
        Ok(())
    }
}

/// One in-text citation.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct InText {
    /// Byte range in the document: the names through the year (and the
    /// locator) as written.
    pub span: Range<usize>,
    /// The citation as written, whitespace folded (`Von Carnap et al.
    /// 2020`), without a gloss.
    pub written: String,
    /// The names, in order, without `et al.` (`["Xie", "Xie", "Zhang"]`).
    pub names: Vec<String>,
    /// A bracketed gloss after the names (`Cyberspace Administration of
    /// China`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub gloss: Option<String>,
    /// Whether it says `et al.`.
    pub et_al: bool,
    /// The year; `None` for `n.d.`.
    pub year: Option<Year>,
    /// A page or other locator after the year (`p. 4`, `72–93`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub locator: Option<String>,
    /// Whether the names stand outside the parenthesis (`Smith (2020)`).
    pub narrative: bool,
    /// The index in [`super::Document::paragraphs`] of its paragraph.
    pub paragraph: usize,
    /// Byte range of the sentence it is in.
    pub sentence: Range<usize>,
}

impl InText {
    /// The names as a citation writes them: `Xie, Xie and Zhang`, `Von
    /// Carnap et al.`.
    pub fn names_written(&self) -> String {
        let mut s = match self.names.as_slice() {
            [] => String::new(),
            [one] => one.clone(),
            [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
        };
        if self.et_al {
            s.push_str(" et al.");
        }
        s
    }
}

/// The citations of a paragraph at `span` of `text`, in order.
pub fn read(text: &str, span: Range<usize>, paragraph: usize) -> Vec<InText> {
    let Some(para) = text.get(span.clone()) else {
        return Vec::new();
    };
    let sentences = sentences(para);
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(open) = para.get(from..).and_then(|r| r.find('(')).map(|i| i + from) {
        let Some(close) = matching(para, open) else {
            from = open + 1;
            continue;
        };
        let inner_start = open + 1;
        let inner = para.get(inner_start..close).unwrap_or("");
        let before = out.len();
        let mut part_start = inner_start;
        for part in inner.split(';') {
            parse_part(para, part_start..part_start + part.len(), open, &mut out);
            part_start += part.len() + 1;
        }
        for c in out.iter_mut().skip(before) {
            c.paragraph = paragraph;
        }
        from = close + 1;
    }
    for c in &mut out {
        let at = c.span.start;
        // Sentences are in order: the last one starting at or before `at`.
        let k = sentences.partition_point(|s| s.start <= at);
        let s = k
            .checked_sub(1)
            .and_then(|k| sentences.get(k))
            .filter(|s| at < s.end)
            .cloned()
            .unwrap_or(0..para.len());
        c.sentence = span.start + s.start..span.start + s.end;
        c.span = span.start + c.span.start..span.start + c.span.end;
    }
    out
}

/// The closing parenthesis of the one at `open`, if it is near.
fn matching(para: &str, open: usize) -> Option<usize> {
    let mut depth = 0usize;
    for (i, ch) in para.get(open..)?.char_indices() {
        if i > MAX_PAREN {
            return None;
        }
        match ch {
            '(' => depth += 1,
            ')' => {
                depth = depth.saturating_sub(1);
                if depth == 0 {
                    return Some(open + i);
                }
            }
            _ => {}
        }
    }
    None
}

/// The sentences of a paragraph, as byte ranges.
pub fn sentences(para: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    let chars: Vec<(usize, char)> = para.char_indices().collect();
    for (k, &(i, ch)) in chars.iter().enumerate() {
        if !matches!(ch, '.' | '!' | '?') {
            continue;
        }
        // After the mark: closing quotes or brackets, then a space, then a
        // capital letter or an opening quote.
        let mut j = k + 1;
        while chars
            .get(j)
            .is_some_and(|&(_, c)| matches!(c, '"' | '\'' | '\u{201D}' | '\u{2019}' | ')' | ']'))
        {
            j += 1;
        }
        if chars.get(j).is_none_or(|&(_, c)| c != ' ') {
            continue;
        }
        let next = chars.get(j + 1).map(|&(_, c)| c);
        if !next.is_some_and(|c| c.is_uppercase() || matches!(c, '"' | '\u{201C}' | '*')) {
            continue;
        }
        // Not after an abbreviation: a single capital (`U.S.`), `al.`,
        // `e.g.`, `p.`, `Mr.`, `Dr.`, `St.`, `No.`.
        let word_start = chars
            .get(..k)
            .and_then(|cs| cs.iter().rposition(|&(_, c)| c.is_whitespace()))
            .map_or(0, |p| p + 1);
        let word: String = chars
            .get(word_start..k)
            .map(|cs| cs.iter().map(|&(_, c)| c).collect())
            .unwrap_or_default();
        let abbrev = word.chars().count() == 1 && word.chars().all(char::is_uppercase)
            || word.contains('.')
            || matches!(
                word.as_str(),
                "al" | "p"
                    | "pp"
                    | "Mr"
                    | "Mrs"
                    | "Ms"
                    | "Dr"
                    | "St"
                    | "No"
                    | "vol"
                    | "Vol"
                    | "eds"
                    | "ed"
                    | "cf"
                    | "ch"
                    | "chap"
            );
        if abbrev {
            continue;
        }
        let end = i + ch.len_utf8();
        out.push(start..end);
        start = chars.get(j + 1).map_or(para.len(), |&(p, _)| p);
    }
    if start < para.len() {
        out.push(start..para.len());
    }
    out
}

/// A token of a citation part and its byte range in the paragraph.
struct Token<'a> {
    text: &'a str,
    at: Range<usize>,
}

fn tokens(para: &str, range: Range<usize>) -> Vec<Token<'_>> {
    let mut out = Vec::new();
    let s = para.get(range.clone()).unwrap_or("");
    let mut start = None;
    for (i, ch) in s.char_indices() {
        if ch.is_whitespace() {
            if let Some(b) = start.take() {
                out.push(Token {
                    text: s.get(b..i).unwrap_or(""),
                    at: range.start + b..range.start + i,
                });
            }
        } else if start.is_none() {
            start = Some(i);
        }
    }
    if let Some(b) = start {
        out.push(Token {
            text: s.get(b..).unwrap_or(""),
            at: range.start + b..range.end,
        });
    }
    out
}

/// A year token (`2020`, `2021a`, `2020,`, `n.d.`): the year, `Some(None)`
/// for `n.d.`.
fn year_of(token: &str) -> Option<Option<Year>> {
    let t = token.trim_end_matches([',', ':', ')', '.']);
    if token.trim_end_matches(',') == "n.d." || t == "n.d" {
        return Some(None);
    }
    let digits: String = t.chars().take_while(char::is_ascii_digit).collect();
    if digits.len() != 4 {
        return None;
    }
    let rest: Vec<char> = t.chars().skip(4).collect();
    let suffix = match rest.as_slice() {
        [] => None,
        [c] if c.is_ascii_lowercase() => Some(*c),
        _ => return None,
    };
    let year: i32 = digits.parse().ok()?;
    (1000..=2199)
        .contains(&year)
        .then_some(Some(Year { year, suffix }))
}

/// Reads one `;`-separated part of the parenthesis at `open`.
fn parse_part(para: &str, range: Range<usize>, open: usize, out: &mut Vec<InText>) {
    let toks = tokens(para, range);
    let Some(first_year) = toks.iter().position(|t| year_of(t.text).is_some()) else {
        return;
    };
    // The years: the first, and more after commas (`2018, 2021a`).
    let mut years: Vec<(Option<Year>, Range<usize>)> = Vec::new();
    let mut k = first_year;
    while let Some(t) = toks.get(k) {
        let Some(y) = year_of(t.text) else { break };
        years.push((y, t.at.clone()));
        k += 1;
        if !t.text.ends_with(',') {
            break;
        }
    }
    let locator_toks = toks.get(k..).unwrap_or(&[]);
    let locator = (!locator_toks.is_empty()).then(|| {
        locator_toks
            .iter()
            .map(|t| t.text)
            .collect::<Vec<_>>()
            .join(" ")
            .trim_start_matches([',', ':'])
            .trim()
            .to_owned()
    });
    // A locator is short and holds a digit or a roman numeral.
    if let Some(l) = &locator
        && (l.split_whitespace().count() > 4
            || !l
                .chars()
                .any(|c| c.is_ascii_digit() || matches!(c, 'i' | 'v' | 'x')))
    {
        return;
    }
    let name_toks = toks.get(..first_year).unwrap_or(&[]);
    let (names_range, narrative) = if name_toks.is_empty() {
        match narrative_names(para, open) {
            Some(r) => (r, true),
            None => return,
        }
    } else {
        let a = name_toks.first().map_or(0, |t| t.at.start);
        let b = name_toks.last().map_or(0, |t| t.at.end);
        (a..b, false)
    };
    let Some(names_text) = para.get(names_range.clone()) else {
        return;
    };
    let mut names_text = names_text.trim();
    let lead_len = names_text.len();
    for lead in LEADS {
        if names_text.len() > lead.len()
            && names_text
                .get(..lead.len())
                .is_some_and(|s| s.eq_ignore_ascii_case(lead))
            && names_text
                .get(lead.len()..)
                .is_some_and(|r| r.starts_with(' '))
        {
            names_text = names_text.get(lead.len()..).unwrap_or("").trim_start();
            break;
        }
    }
    let names_start = names_range.start + (lead_len - names_text.len());
    let Some(parsed) = names(names_text) else {
        return;
    };
    let end = match &locator {
        Some(_) => locator_toks.last().map_or(0, |t| t.at.end),
        None => years.last().map_or(0, |y| y.1.end),
    };
    for (year, at) in years {
        let shown = year.map_or("n.d.".to_owned(), |y| y.to_string());
        let written = format!("{} {shown}", parsed.written);
        let start = if narrative {
            names_start
        } else {
            names_start.min(at.start)
        };
        out.push(InText {
            span: start..end.max(at.end),
            written,
            names: parsed.names.clone(),
            gloss: parsed.gloss.clone(),
            et_al: parsed.et_al,
            year,
            locator: locator.clone(),
            narrative,
            paragraph: 0,
            sentence: 0..0,
        });
    }
}

/// Names as read from a citation.
struct Names {
    names: Vec<String>,
    gloss: Option<String>,
    et_al: bool,
    written: String,
}

/// Reads `text` as a citation's names, or `None` when it does not read as
/// names.
fn names(text: &str) -> Option<Names> {
    let folded = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let text = folded.trim_end_matches(',').trim();
    if text.is_empty() {
        return None;
    }
    // A bracketed gloss: `Guojia ... [Cyberspace Administration of China]`.
    let (bare, gloss) = match (text.find('['), text.rfind(']')) {
        (Some(a), Some(b)) if a < b => {
            let gloss = text.get(a + 1..b).unwrap_or("").trim().to_owned();
            let bare = format!(
                "{} {}",
                text.get(..a).unwrap_or("").trim(),
                text.get(b + 1..).unwrap_or("").trim()
            );
            (bare.trim().to_owned(), Some(gloss))
        }
        _ => (text.to_owned(), None),
    };
    let mut bare = bare.trim_end_matches(',').trim().to_owned();
    let mut et_al = false;
    for tail in [" et al.", " et al", " et al.,"] {
        if let Some(stripped) = bare.strip_suffix(tail) {
            bare = stripped.trim_end_matches(',').trim().to_owned();
            et_al = true;
            break;
        }
    }
    if bare.is_empty()
        || bare.split_whitespace().count() > MAX_NAME_WORDS
        || bare
            .chars()
            .any(|c| c.is_ascii_digit() || matches!(c, '(' | ')' | '"' | '\u{201C}'))
    {
        return None;
    }
    let mut list: Vec<String> = Vec::new();
    for piece in bare.split(',') {
        for name in split_and(piece) {
            let name = name.trim();
            if !name.is_empty() {
                list.push(name.to_owned());
            }
        }
    }
    if list.is_empty() || !list.iter().all(|n| is_name(n)) {
        return None;
    }
    let written = {
        let mut w = match list.as_slice() {
            [] => String::new(),
            [one] => one.clone(),
            [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
        };
        if et_al {
            w.push_str(" et al.");
        }
        w
    };
    Some(Names {
        names: list,
        gloss,
        et_al,
        written,
    })
}

/// `A and B`, `A & B`, `and B` split into names.
fn split_and(piece: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = piece.trim();
    for lead in ["and ", "& "] {
        if let Some(r) = rest.strip_prefix(lead) {
            rest = r;
        }
    }
    loop {
        let cut = [" and ", " & "]
            .iter()
            .filter_map(|sep| rest.find(sep).map(|i| (i, sep.len())))
            .min();
        match cut {
            Some((i, len)) => {
                out.push(rest.get(..i).unwrap_or(""));
                rest = rest.get(i + len..).unwrap_or("");
            }
            None => {
                out.push(rest);
                break;
            }
        }
    }
    out
}

/// Whether `name` reads as an author's name.
fn is_name(name: &str) -> bool {
    let words: Vec<&str> = name.split_whitespace().collect();
    let Some(first) = words.first() else {
        return false;
    };
    let lower_first = first.to_lowercase();
    let capital = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
    // `van der Berg`: particles, then a capitalised word.
    let after_particles = words
        .iter()
        .find(|w| !PARTICLES.contains(&w.to_lowercase().as_str()));
    let starts_well = capital(first)
        || (PARTICLES.contains(&lower_first.as_str())
            && after_particles.is_some_and(|w| capital(w)));
    starts_well
        && words.iter().all(|w| {
            let l = w.to_lowercase();
            !NOT_NAMES.contains(&l.as_str())
        })
}

/// The names written just before the parenthesis at `open` (`Smith and
/// Jones (2020)`), as a byte range of the paragraph.
fn narrative_names(para: &str, open: usize) -> Option<Range<usize>> {
    let before = para.get(..open)?;
    let end = before.trim_end().len();
    let mut start = end;
    // Walk back word by word while the words can be part of names.
    let back = before
        .get(..end)?
        .rsplit([' ', '\n', '\t'])
        .scan(end, |pos, w| {
            *pos = pos.saturating_sub(w.len());
            let at = *pos;
            *pos = pos.saturating_sub(1);
            Some((at, w))
        });
    for (words, (i, w)) in back.enumerate() {
        let bare = w
            .trim_end_matches(',')
            .trim_end_matches("\u{2019}s")
            .trim_end_matches("'s");
        let l = bare.to_lowercase();
        let capital = bare.chars().next().is_some_and(char::is_uppercase);
        let joiner = matches!(l.as_str(), "and" | "&" | "et" | "al." | "al");
        let particle = PARTICLES.contains(&l.as_str());
        if bare.is_empty()
            || words >= MAX_NAME_WORDS
            || !(capital || joiner || particle)
            || (capital && NOT_NAME_STARTS.contains(&l.as_str()))
            || NOT_NAMES.contains(&l.as_str())
        {
            break;
        }
        start = i;
    }
    // Names begin with a capital, not with a joiner.
    let mut r = para.get(start..end)?;
    while let Some(rest) = ["and ", "& ", "et al. ", "al. "]
        .iter()
        .find_map(|j| r.strip_prefix(j))
    {
        r = rest;
    }
    let start = end - r.len();
    let r = r
        .trim_end_matches("\u{2019}s")
        .trim_end_matches("'s")
        .trim_end();
    let first_word = r.split(' ').next().unwrap_or("").to_lowercase();
    let starts_well = r.chars().next().is_some_and(char::is_uppercase)
        || (PARTICLES.contains(&first_word.as_str()) && r.chars().any(char::is_uppercase));
    (!r.is_empty() && starts_well).then(|| start..start + r.len())
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

    use super::*;

    fn cites(p: &str) -> Vec<(String, Option<String>, bool)> {
        read(p, 0..p.len(), 0)
            .into_iter()
            .map(|c| {
                let first = c.names[0].split_whitespace().next().unwrap();
                assert!(
                    p[c.span.clone()].starts_with(first),
                    "{:?} starts at its first name in {p:?}",
                    c.written
                );
                (c.written, c.locator, c.narrative)
            })
            .collect()
    }

    fn w(s: &str) -> (String, Option<String>, bool) {
        (s.to_owned(), None, false)
    }

    #[test]
    fn chicago_author_date() {
        let p = "Data moved fast (Creemers 2021a). It was seen (Von Carnap et al. 2020; Byler 2021) \
                 and judged (Xie, Xie and Zhang 2020, 72\u{2013}93). One (Galloway and He 2014).";
        assert_eq!(
            cites(p),
            [
                w("Creemers 2021a"),
                w("Von Carnap et al. 2020"),
                w("Byler 2021"),
                (
                    "Xie, Xie and Zhang 2020".into(),
                    Some("72\u{2013}93".into()),
                    false
                ),
                w("Galloway and He 2014"),
            ]
        );
    }

    #[test]
    fn apa_with_ampersands_commas_and_pages() {
        let p = "As shown before (Smith & Jones, 2020, p. 4; see also Lee, Park, & Kim, 2019a), \
                 the effect holds (World Health Organization, n.d.).";
        assert_eq!(
            cites(p),
            [
                ("Smith and Jones 2020".into(), Some("p. 4".into()), false),
                w("Lee, Park and Kim 2019a"),
                w("World Health Organization n.d."),
            ]
        );
    }

    #[test]
    fn harvard_narrative_and_several_years() {
        let p = "As Smith and Jones (2020: 45) argue, and as van der Berg (2018) showed, \
                 the earlier work (Creemers 2018, 2021b) agrees. Okafor\u{2019}s (2017) study too.";
        let got = cites(p);
        assert_eq!(
            got,
            [
                ("Smith and Jones 2020".into(), Some("45".into()), true),
                ("van der Berg 2018".into(), None, true),
                w("Creemers 2018"),
                w("Creemers 2021b"),
                ("Okafor 2017".into(), None, true),
            ]
        );
    }

    #[test]
    fn corporate_and_romanised_names_with_a_gloss() {
        let p = "A strategy (Guojia hulianwang xinxi bangongshi [Cyberspace Administration of China] 2016) \
                 and a study (International Institute for Strategic Studies 2021).";
        let c = read(p, 0..p.len(), 3);
        assert_eq!(c.len(), 2);
        assert_eq!(c[0].names, ["Guojia hulianwang xinxi bangongshi"]);
        assert_eq!(
            c[0].gloss.as_deref(),
            Some("Cyberspace Administration of China")
        );
        assert_eq!(c[0].paragraph, 3);
        assert_eq!(
            c[1].written,
            "International Institute for Strategic Studies 2021"
        );
    }

    #[test]
    fn parentheses_that_are_not_citations() {
        let p = "The commission (CCCI) and 6G (in 2016) grew (founded in 2014) as planned \
                 (see chapter 3) and (2020) alone, with (alongside land, labour and capital).";
        assert_eq!(cites(p), []);
    }

    #[test]
    fn the_citing_sentence() {
        let p = "Nothing here in 2000. In 2016, Xi said so (Creemers 2018). The U.S. agreed.";
        let c = read(p, 0..p.len(), 0);
        assert_eq!(
            &p[c[0].sentence.clone()],
            "In 2016, Xi said so (Creemers 2018)."
        );
    }

    #[test]
    fn odd_text_never_panics() {
        for p in [
            "(",
            ")",
            "((((",
            "(\u{301} 2020)",
            "(\u{1F600} 2020)",
            "x (2020",
            "(;;;)",
            "( 2020 )",
            "É (1999)",
        ] {
            let _ = read(p, 0..p.len(), 0);
        }
        let long = format!("({} 2020)", "Name ".repeat(2000));
        assert_eq!(read(&long, 0..long.len(), 0), []);
    }
}
