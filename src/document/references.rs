//! The entries of a reference list, read as author–date styles print them
//! (Chicago, Harvard, APA):
//!
//! ```text
//! Creemers, Rogier. 2018. “Title”, *Container*, 22 Apr. Available at <https://...> (accessed 8 Aug. 2022).
//! _____. 2021a. *A Book*. Leiden: A Press.
//! Smith, J., & Jones, K. (2020). Title. *Journal*, 4(2), 1–9. https://doi.org/...
//! ```
//!
//! Each entry is read for what it shows: its authors (or a same-author dash
//! such as `_____` or `———`), `et al.`, its year, its title (quoted or in
//! `*italics*`), a day and month of publication, its URL (in angle brackets
//! or bare), and its access date, with the style each is written in, so
//! that rules can compare entries with each other and with a map's sources.
//! What cannot be read stays `None`: the reader never guesses.

use std::ops::Range;

use super::citations::Year;

/// How a title is marked.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum TitleMark {
    /// In quotation marks.
    Quoted,
    /// In `*italics*` or `_italics_`.
    Italic,
    /// Not marked: the words up to the next full stop.
    Plain,
}

/// How a URL is written.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum UrlStyle {
    /// `<https://...>`.
    Angle,
    /// `https://...`.
    Bare,
    /// `example.org/...`: no scheme.
    NoScheme,
}

/// How the month of a date is written.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum MonthStyle {
    /// `Aug.`, `Aug`.
    Short,
    /// `August`.
    Full,
    /// A month whose name is as short written in full (`May`, `June`,
    /// `July`): either style.
    Either,
    /// `2022-08-08`.
    Iso,
}

/// A date as an entry prints it.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct PrintedDate {
    /// As written (`8 Aug. 2022`).
    pub written: String,
    /// Byte range in the document.
    #[serde(skip)]
    pub span: Range<usize>,
    /// The year, when the date gives one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub year: Option<i32>,
    /// The month, 1 to 12.
    pub month: u8,
    /// The day.
    pub day: u8,
    /// How the month is written.
    pub style: MonthStyle,
    /// Whether the day comes after the month (`August 8, 2022`).
    pub month_first: bool,
}

/// An entry of the reference list.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct Entry {
    /// Byte range in the document.
    pub span: Range<usize>,
    /// 1-based line.
    pub line: usize,
    /// The authors as printed (`Creemers, Rogier`), empty for a dash.
    pub authors_written: String,
    /// The authors' names, each as printed (`Von Carnap, Kai`, `Katja
    /// Drinhausen`), without `et al.` and without a bracketed gloss.
    pub authors: Vec<String>,
    /// The first author's family name, or the organisation's name, as a
    /// citation would give it (`Creemers`, `Von Carnap`, `Xi`).
    pub first_name: String,
    /// A bracketed gloss or abbreviation after the authors (`IISS`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub gloss: Option<String>,
    /// Whether the authors are a same-author dash (`_____`, `———`).
    pub same_author: bool,
    /// Whether the authors end in `et al.`.
    pub et_al: bool,
    /// The year.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub year: Option<Year>,
    /// The title, without its marks.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// How the title is marked.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title_mark: Option<TitleMark>,
    /// A day and month of publication after the title (`22 Apr.`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<PrintedDate>,
    /// The URL, without angle brackets.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// How the URL is written.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url_style: Option<UrlStyle>,
    /// Byte range of the URL as written (with its angle brackets).
    #[serde(skip)]
    pub url_span: Option<Range<usize>>,
    /// Byte range of the authors as written (or of the dash).
    #[serde(skip)]
    pub authors_span: Option<Range<usize>>,
    /// The access date (`accessed 8 Aug. 2022`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub accessed: Option<PrintedDate>,
}

impl Entry {
    /// Every date the entry prints.
    pub fn dates(&self) -> impl Iterator<Item = &PrintedDate> {
        self.date.iter().chain(self.accessed.iter())
    }
}

/// Whether the authors part is a same-author dash.
fn is_dash(s: &str) -> bool {
    let t = s.trim().trim_end_matches(['.', ',']);
    t.chars().count() >= 2
        && t.chars()
            .all(|c| matches!(c, '_' | '-' | '\u{2014}' | '\u{2013}'))
}

const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// The month a word names, and how it is written.
fn month(word: &str) -> Option<(u8, MonthStyle)> {
    let w = word.trim_end_matches([',', '.']).to_lowercase();
    if w.len() < 3 {
        return None;
    }
    let dotted = word.trim_end_matches(',').ends_with('.');
    for (i, m) in MONTHS.iter().enumerate() {
        let n = u8::try_from(i + 1).ok()?;
        if w == *m {
            let style = if m.len() <= 4 {
                MonthStyle::Either
            } else {
                MonthStyle::Full
            };
            return Some((n, style));
        }
        if m.starts_with(&w) && (w.len() == 3 || (w == "sept")) {
            let _ = dotted;
            return Some((n, MonthStyle::Short));
        }
    }
    None
}

/// Reads the dates in `s` (at `base` in the document): `8 Aug. 2022`,
/// `22 Apr.`, `August 8, 2022`, `2022-08-08`.
fn dates(s: &str, base: usize) -> Vec<PrintedDate> {
    let mut out = Vec::new();
    let words: Vec<(usize, &str)> = s
        .split(' ')
        .scan(0usize, |pos, w| {
            let at = *pos;
            *pos += w.len() + 1;
            Some((at, w))
        })
        .filter(|(_, w)| !w.is_empty())
        .collect();
    let day = |w: &str| -> Option<u8> {
        let t = w.trim_end_matches([',', '.', ')']);
        (t.len() <= 2 && !t.is_empty() && t.chars().all(|c| c.is_ascii_digit()))
            .then(|| t.parse().ok())
            .flatten()
            .filter(|d| (1..=31).contains(d))
    };
    let year = |w: Option<&&str>| -> Option<i32> {
        let t = w?.trim_end_matches([',', '.', ')', ';']);
        (t.len() == 4 && t.chars().all(|c| c.is_ascii_digit()))
            .then(|| t.parse().ok())
            .flatten()
    };
    let mut k = 0;
    while k < words.len() {
        let (at, w) = words.get(k).copied().unwrap_or((0, ""));
        let next = words.get(k + 1).map(|x| x.1);
        // Day Month [Year]
        if let (Some(d), Some((m, style))) = (day(w), next.and_then(month)) {
            let y = year(words.get(k + 2).map(|x| &x.1));
            let last = if y.is_some() { k + 2 } else { k + 1 };
            let (end_at, end_w) = words.get(last).copied().unwrap_or((at, w));
            let end = if y.is_some() {
                end_at + 4
            } else {
                end_at + end_w.trim_end_matches([',', ')', ';']).len()
            };
            out.push(PrintedDate {
                written: s.get(at..end).unwrap_or("").to_owned(),
                span: base + at..base + end,
                year: y,
                month: m,
                day: d,
                style,
                month_first: false,
            });
            k = last + 1;
            continue;
        }
        // Month Day, Year
        if let (Some((m, style)), Some(d)) = (month(w), next.and_then(day))
            && next.is_some_and(|n| n.ends_with(','))
            && let Some(y) = year(words.get(k + 2).map(|x| &x.1))
        {
            let end_at = words.get(k + 2).map_or(at, |x| x.0);
            let end = end_at + 4;
            out.push(PrintedDate {
                written: s.get(at..end).unwrap_or("").to_owned(),
                span: base + at..base + end,
                year: Some(y),
                month: m,
                day: d,
                style,
                month_first: true,
            });
            k += 3;
            continue;
        }
        // 2022-08-08
        let t = w
            .trim_end_matches([',', '.', ')', ';'])
            .trim_start_matches('(');
        let parts: Vec<&str> = t.split('-').collect();
        if let [y, m, d] = parts.as_slice()
            && y.len() == 4
            && m.len() == 2
            && d.len() == 2
            && let (Ok(y), Ok(m), Ok(d)) = (y.parse::<i32>(), m.parse::<u8>(), d.parse::<u8>())
            && (1..=12).contains(&m)
            && (1..=31).contains(&d)
        {
            let start = at + (w.len() - w.trim_start_matches('(').len());
            out.push(PrintedDate {
                written: t.to_owned(),
                span: base + start..base + start + t.len(),
                year: Some(y),
                month: m,
                day: d,
                style: MonthStyle::Iso,
                month_first: false,
            });
        }
        k += 1;
    }
    out
}

/// The year that follows the authors: `. 2021a.` or `(2020).`, at byte
/// `at` of `s`; returns the year and where the rest begins.
fn year_at(s: &str) -> Option<(Option<Year>, usize)> {
    let t = s.trim_start();
    let lead = s.len() - t.len();
    let (inner, paren) = match t.strip_prefix('(') {
        Some(r) => (r, 1),
        None => (t, 0),
    };
    if let Some(r) = inner.strip_prefix("n.d.") {
        let r2 = if paren == 1 {
            r.strip_prefix(')').unwrap_or(r)
        } else {
            r
        };
        let used = t.len() - r2.len();
        return Some((None, lead + used));
    }
    let digits: String = inner.chars().take_while(char::is_ascii_digit).collect();
    if digits.len() != 4 {
        return None;
    }
    let y: i32 = digits.parse().ok()?;
    let after = inner.get(4..)?;
    let suffix = after.chars().next().filter(char::is_ascii_lowercase);
    let mut rest = after.get(suffix.map_or(0, char::len_utf8)..)?;
    if paren == 1 {
        rest = rest.strip_prefix(')')?;
    }
    if !(rest.is_empty() || rest.starts_with(['.', ',', ' '])) {
        return None;
    }
    Some((
        Some(Year { year: y, suffix }),
        lead + (t.len() - rest.len()),
    ))
}

/// The entries of a reference-list paragraph at `span` (starting at
/// `line`): lists written one entry per line, without blank lines between
/// them, are one paragraph; a line starts a new entry when the line before
/// it ends as an entry does (`.`, `)`, a URL) and it starts as one does (a
/// capital letter, a same-author dash, a list marker, a particle such as
/// `van`).
pub fn entries(text: &str, span: Range<usize>, line: usize) -> Vec<(Range<usize>, usize)> {
    let mut out: Vec<(Range<usize>, usize)> = Vec::new();
    let Some(para) = text.get(span.clone()) else {
        return out;
    };
    let mut at = span.start;
    let mut prev_ends = false;
    for (k, l) in para.split_inclusive('\n').enumerate() {
        let content = l.trim_end();
        let t = content.trim_start();
        let first = t.split_whitespace().next().unwrap_or("");
        let starts = t.chars().next().is_some_and(char::is_uppercase)
            || is_dash(first)
            || t.starts_with("- ")
            || t.starts_with("* ")
            || ["van", "von", "de", "du", "da", "di", "le", "la", "der"]
                .contains(&first.to_lowercase().as_str());
        let start = at + (content.len() - t.len());
        let end = at + content.len();
        match out.last_mut() {
            Some(last) if !(prev_ends && starts && l.get(..1) != Some(" ")) => last.0.end = end,
            _ if t.is_empty() => {}
            _ => out.push((start..end, line + k)),
        }
        if !t.is_empty() {
            prev_ends = t.ends_with(['.', ')', '>'])
                || t.split_whitespace()
                    .last()
                    .is_some_and(|w| w.contains("://") || w.starts_with("doi:"));
        }
        at += l.len();
    }
    out
}

/// Reads one entry: the text of a reference-list paragraph at `span`.
pub fn read(text: &str, span: Range<usize>, line: usize) -> Entry {
    let raw = text.get(span.clone()).unwrap_or("");
    // The list marker is not part of the entry.
    let body = raw
        .strip_prefix("- ")
        .or_else(|| raw.strip_prefix("* "))
        .or_else(|| raw.strip_prefix("+ "))
        .unwrap_or(raw);
    let base = span.start + (raw.len() - body.len());
    let mut e = Entry {
        span: span.clone(),
        line,
        authors_written: String::new(),
        authors: Vec::new(),
        first_name: String::new(),
        gloss: None,
        same_author: false,
        et_al: false,
        year: None,
        title: None,
        title_mark: None,
        date: None,
        url: None,
        url_style: None,
        url_span: None,
        authors_span: None,
        accessed: None,
    };
    // The authors end at the first `. ` (or ` (`) followed by the year,
    // else before the first marked title.
    let mut authors_end = None;
    let mut rest_at = 0;
    for (i, _) in body.match_indices(['.', ' ']) {
        let Some(after) = body.get(i + 1..) else {
            continue;
        };
        if let Some((y, used)) = year_at(after) {
            let ok = body.get(..i).is_some_and(|a| !a.trim().is_empty())
                && (body.get(i..i + 1) == Some(".") || after.trim_start().starts_with('('));
            if ok {
                authors_end = Some(i);
                e.year = y;
                rest_at = i + 1 + used;
                break;
            }
        }
    }
    if authors_end.is_none() {
        // No year: the authors end at the `. ` before a marked title.
        if let Some(i) = body
            .find(". *")
            .or_else(|| body.find(". \u{201C}"))
            .or_else(|| body.find(". \""))
        {
            authors_end = Some(i);
            rest_at = i + 1;
        }
    }
    // The full stop after an initial (`Dunne, M. (2021)`) is the initial's.
    let authors_end = authors_end.map(|i| {
        let initial =
            body.get(i..i + 1) == Some(".") && ends_in_initial(body.get(..i).unwrap_or(""));
        i + usize::from(initial)
    });
    let authors_raw = authors_end.and_then(|i| body.get(..i)).unwrap_or("").trim();
    if let Some(i) = authors_end {
        let lead = body.len() - body.trim_start().len();
        e.authors_span = Some(base + lead..base + i);
    }
    e.same_author = is_dash(authors_raw);
    if !e.same_author {
        read_authors(authors_raw, &mut e);
    }
    let rest = body.get(rest_at..).unwrap_or("");
    let rest_base = base + rest_at;
    let rest_trim = rest.trim_start_matches(['.', ' ']);
    let title_at = rest_base + (rest.len() - rest_trim.len());
    read_title(rest_trim, &mut e);
    // URL: after `Available at`, or the first `http`.
    let (url_at, url_text) = match rest_trim.find("Available at ") {
        Some(i) => (
            i + "Available at ".len(),
            rest_trim.get(i + "Available at ".len()..),
        ),
        None => match rest_trim.find("http") {
            Some(i) => (i, rest_trim.get(i..)),
            None => (0, None),
        },
    };
    if let Some(u) = url_text {
        let (url, style) = if let Some(r) = u.strip_prefix('<') {
            (r.split('>').next().unwrap_or(""), UrlStyle::Angle)
        } else {
            let w = u.split_whitespace().next().unwrap_or("");
            let w = w.trim_end_matches(['.', ',', ';']);
            let style = if w.starts_with("http://") || w.starts_with("https://") {
                UrlStyle::Bare
            } else {
                UrlStyle::NoScheme
            };
            (w, style)
        };
        if !url.is_empty() && (url.contains('.') || url.contains('/')) {
            let start = title_at + url_at;
            let len = url.len() + if style == UrlStyle::Angle { 2 } else { 0 };
            e.url = Some(url.to_owned());
            e.url_style = Some(style);
            e.url_span = Some(start..start + len);
        }
    }
    // Dates outside the URL: the publication date before it, the access
    // date after `accessed`.
    let before_url = match url_text {
        Some(_) => rest_trim.get(..url_at).unwrap_or(""),
        None => rest_trim,
    };
    let accessed_at = ["accessed ", "Accessed ", "Retrieved ", "retrieved "]
        .iter()
        .filter_map(|w| rest_trim.find(w).map(|i| (i, w.len())))
        .min();
    let pub_part = match accessed_at {
        Some((a, _)) if a < before_url.len() => rest_trim.get(..a).unwrap_or(""),
        _ => before_url,
    };
    // The publication date follows the title.
    let title_end = e
        .title
        .as_ref()
        .and_then(|t| pub_part.find(t.as_str()).map(|i| i + t.len()))
        .unwrap_or(0);
    e.date = dates(
        pub_part.get(title_end..).unwrap_or(""),
        title_at + title_end,
    )
    .into_iter()
    .find(|d| d.year.is_none() || Some(d.year) == Some(e.year.map(|y| y.year)));
    if let Some((a, len)) = accessed_at {
        let from = a + len;
        e.accessed = dates(rest_trim.get(from..).unwrap_or(""), title_at + from)
            .into_iter()
            .next();
    }
    e
}

/// Reads the authors part of an entry.
fn read_authors(raw: &str, e: &mut Entry) {
    e.authors_written = raw.to_owned();
    let mut s = raw.to_owned();
    if let (Some(a), Some(b)) = (s.find('['), s.rfind(']'))
        && a < b
    {
        e.gloss = Some(s.get(a + 1..b).unwrap_or("").trim().to_owned());
        s = format!(
            "{}{}",
            s.get(..a).unwrap_or(""),
            s.get(b + 1..).unwrap_or("")
        );
    }
    let mut s = s.trim().to_owned();
    for tail in [" et al.", " et al", ", et al."] {
        if let Some(r) = s.strip_suffix(tail) {
            s = r.trim_end_matches(',').trim().to_owned();
            e.et_al = true;
            break;
        }
    }
    // `A, B and C` / `A, B, & C` / `Surname, Given, Given Surname and ...`.
    let pieces: Vec<String> = s
        .replace(", and ", " and ")
        .replace(", & ", " and ")
        .replace(" & ", " and ")
        .split(" and ")
        .map(|p| p.trim().to_owned())
        .collect();
    let mut authors: Vec<String> = Vec::new();
    for (k, p) in pieces.iter().enumerate() {
        let mut commas: Vec<&str> = p.split(", ").collect();
        // The first author of `Surname, Given, Given Surname and ...`.
        if k == 0
            && let [family, given, ..] = commas.as_slice()
            && !family.chars().any(is_han)
            && !given.chars().any(is_han)
            && (given.split_whitespace().count() == 1 || family.split_whitespace().count() == 1)
        {
            authors.push(format!("{family}, {given}"));
            commas.drain(..2);
        }
        // `Jones, K.`: a family name and initials.
        let mut i = 0;
        while let Some(part) = commas.get(i) {
            match commas.get(i + 1) {
                Some(next) if is_initials(next) => {
                    authors.push(format!("{part}, {next}"));
                    i += 2;
                }
                _ => {
                    authors.push((*part).to_owned());
                    i += 1;
                }
            }
        }
    }
    authors.retain(|a| !a.trim().is_empty());
    e.first_name = authors.first().map_or(String::new(), |a| family_name(a));
    e.authors = authors;
}

/// The name a citation gives an author: the family name of `Surname,
/// Given`; the first word of a name in Chinese order (`Xi Jinping 习近平`);
/// the whole name of an organisation.
pub fn family_name(author: &str) -> String {
    let latin: String = author
        .chars()
        .take_while(|c| !is_han(*c) && *c != '[')
        .collect();
    let latin = latin.trim();
    if let Some((family, _)) = latin.split_once(", ") {
        return family.trim().to_owned();
    }
    let words: Vec<&str> = latin.split_whitespace().collect();
    let has_han = author.chars().any(is_han);
    match words.as_slice() {
        [one] => (*one).to_owned(),
        // A romanised Chinese name, family name first.
        [family, _given] if has_han => (*family).to_owned(),
        // `Given Surname`; longer names are organisations'.
        [.., last]
            if words.len() == 2
                && words
                    .iter()
                    .all(|w| w.chars().next().is_some_and(char::is_uppercase))
                && !looks_corporate(latin) =>
        {
            (*last).to_owned()
        }
        _ => latin.to_owned(),
    }
}

/// Whether `s` ends in a capital letter standing alone, an initial whose
/// full stop follows (`Dunne, M`, `Smith, J.-P`).
fn ends_in_initial(s: &str) -> bool {
    let mut rev = s.chars().rev();
    rev.next().is_some_and(char::is_uppercase) && !rev.next().is_some_and(char::is_alphanumeric)
}

/// Whether `s` is initials (`K.`, `J. R.`, `J.-P.`).
fn is_initials(s: &str) -> bool {
    !s.is_empty()
        && s.split_whitespace().all(|w| {
            w.ends_with('.')
                && w.chars().count() <= 5
                && w.chars().next().is_some_and(char::is_uppercase)
        })
}

fn looks_corporate(s: &str) -> bool {
    s.split_whitespace().any(|w| {
        matches!(
            w.to_lowercase().as_str(),
            "of" | "for"
                | "the"
                | "institute"
                | "ministry"
                | "university"
                | "organization"
                | "organisation"
                | "association"
                | "office"
                | "bureau"
                | "agency"
                | "council"
                | "centre"
                | "center"
                | "group"
                | "press"
                | "foundation"
                | "society"
        )
    })
}

/// Whether `c` is a Han character.
pub fn is_han(c: char) -> bool {
    matches!(c as u32, 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x2FA1F)
}

/// Reads the title after the year.
fn read_title(rest: &str, e: &mut Entry) {
    let pairs: [(char, char, TitleMark); 4] = [
        ('\u{201C}', '\u{201D}', TitleMark::Quoted),
        ('"', '"', TitleMark::Quoted),
        ('*', '*', TitleMark::Italic),
        ('_', '_', TitleMark::Italic),
    ];
    for (open, close, mark) in pairs {
        if let Some(r) = rest.strip_prefix(open)
            && let Some(end) = r.find(close)
        {
            let t = r.get(..end).unwrap_or("").trim();
            let t = t.trim_end_matches([',', '.']);
            e.title = Some(t.to_owned());
            e.title_mark = Some(mark);
            return;
        }
    }
    let end = rest.find(". ").unwrap_or(rest.len());
    let t = rest.get(..end).unwrap_or("").trim();
    if !t.is_empty() && !t.starts_with("Available") {
        e.title = Some(t.to_owned());
        e.title_mark = Some(TitleMark::Plain);
    }
}

/// What an entry prints after its title: where the work appeared and who
/// published it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Publication {
    /// The journal, site or book it appeared in: the part in `*italics*`
    /// after a quoted or plain title (`“Title”, *Sea Notes*`; `In *Book*`),
    /// or the plain words after a quoted title up to a comma, a full stop
    /// or a digit (`“Title”, SSRN, 14 Dec.`). A gloss in brackets and
    /// words in Chinese characters after the title are passed over.
    pub container: Option<String>,
    /// The place of `Place: Publisher` (`Leeds`).
    pub place: Option<String>,
    /// The publisher of `Place: Publisher` (`Northern Press`).
    pub publisher: Option<String>,
}

/// Reads the container and the publisher of entry `e` of `text`, from what
/// it prints between its title and its URL or access date. What does not
/// read as either stays `None`.
pub fn publication(text: &str, e: &Entry) -> Publication {
    let mut out = Publication::default();
    let (Some(title), Some(mark)) = (e.title.as_deref(), e.title_mark) else {
        return out;
    };
    let Some(raw) = text.get(e.span.clone()) else {
        return out;
    };
    let Some(at) = raw.find(title) else {
        return out;
    };
    let mut rest = raw.get(at + title.len()..).unwrap_or("");
    let end = [
        "Available at",
        "http://",
        "https://",
        "doi:",
        "accessed ",
        "Accessed ",
        "Retrieved ",
        "retrieved ",
    ]
    .iter()
    .filter_map(|w| rest.find(w))
    .min()
    .unwrap_or(rest.len());
    rest = rest.get(..end).unwrap_or("");
    // Past the title's closing mark (a comma or full stop inside it was
    // not part of the title).
    rest = rest.trim_start_matches([',', '.']);
    rest = match mark {
        TitleMark::Quoted => rest.strip_prefix(['\u{201D}', '"']).unwrap_or(rest),
        TitleMark::Italic => rest.strip_prefix(['*', '_']).unwrap_or(rest),
        TitleMark::Plain => rest,
    };
    if mark != TitleMark::Italic {
        let c = pass_glosses(rest);
        let c = c
            .strip_prefix("In ")
            .or_else(|| c.strip_prefix("in "))
            .unwrap_or(c);
        if let Some((name, tail)) = italic_part(c) {
            out.container = Some(name.to_owned());
            rest = tail;
        } else if mark == TitleMark::Quoted {
            let cut = c
                .find(|ch: char| matches!(ch, ',' | '.' | '(' | '[') || ch.is_ascii_digit())
                .unwrap_or(c.len());
            let name = c.get(..cut).unwrap_or("").trim();
            let words = name.split_whitespace().count();
            if name.chars().next().is_some_and(char::is_uppercase)
                && (1..=12).contains(&words)
                && !name.contains([':', '*', '_'])
                && !name.chars().any(is_han)
                && month(name.split_whitespace().next().unwrap_or("")).is_none()
            {
                out.container = Some(name.to_owned());
                rest = c.get(cut..).unwrap_or("");
            }
        }
    }
    // `Place: Publisher`, one sentence of what follows.
    for sentence in rest.split(". ") {
        let s = sentence.trim().trim_end_matches('.').trim();
        let Some((place, publisher)) = s.split_once(": ") else {
            continue;
        };
        let (place, publisher) = (place.trim(), publisher.trim());
        let capitalised = |p: &str, most: usize| {
            let words: Vec<&str> = p.split_whitespace().collect();
            !words.is_empty()
                && words.len() <= most
                && p.chars().next().is_some_and(char::is_uppercase)
                && !p
                    .chars()
                    .any(|c| c.is_ascii_digit() || is_han(c) || matches!(c, '*' | '_' | '[' | '('))
        };
        if capitalised(place, 4)
            && place
                .split_whitespace()
                .all(|w| w.chars().next().is_some_and(char::is_uppercase))
            && capitalised(publisher, 12)
        {
            out.place = Some(place.to_owned());
            out.publisher = Some(publisher.to_owned());
            break;
        }
    }
    out
}

/// `s` without what may stand between a title and its container: spaces,
/// commas and full stops, glosses in brackets, words in Chinese characters.
fn pass_glosses(mut s: &str) -> &str {
    loop {
        s = s.trim_start_matches(|c: char| c.is_whitespace() || matches!(c, ',' | '.'));
        if let Some(r) = s.strip_prefix('[') {
            match r.find(']') {
                Some(i) => s = r.get(i + 1..).unwrap_or(""),
                None => return s,
            }
        } else {
            let word = s.split_whitespace().next().unwrap_or("");
            let word = word.trim_end_matches([',', '.']);
            if word.is_empty() || !word.chars().any(is_han) {
                return s;
            }
            s = s.get(word.len()..).unwrap_or("");
        }
    }
}

/// The words of an italic part at the start of `s` (`*Sea Notes*, ...`),
/// and what follows it.
fn italic_part(s: &str) -> Option<(&str, &str)> {
    let mark = s.chars().next().filter(|c| matches!(c, '*' | '_'))?;
    let inner = s.get(1..)?;
    let end = inner.find(mark)?;
    let name = inner.get(..end)?.trim().trim_end_matches([',', '.']).trim();
    (!name.is_empty()).then(|| (name, inner.get(end + 1..).unwrap_or("")))
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

    use super::*;

    fn entry(s: &str) -> Entry {
        read(s, 0..s.len(), 1)
    }

    #[test]
    fn chicago_entries() {
        let e = entry(
            "- Roe, Jane. 2018. \u{201C}A Speech at a Conference\u{201D}, *A Journal*, 22 Apr. \
             Available at <https://example.org/work/a-speech/> (accessed 8 Aug. 2022).",
        );
        assert_eq!(e.authors, ["Roe, Jane"]);
        assert_eq!(e.first_name, "Roe");
        assert_eq!(
            e.year,
            Some(Year {
                year: 2018,
                suffix: None
            })
        );
        assert_eq!(e.title.as_deref(), Some("A Speech at a Conference"));
        assert_eq!(e.title_mark, Some(TitleMark::Quoted));
        let d = e.date.unwrap();
        assert_eq!(
            (d.day, d.month, d.year, d.style),
            (22, 4, None, MonthStyle::Short)
        );
        assert_eq!(e.url.as_deref(), Some("https://example.org/work/a-speech/"));
        assert_eq!(e.url_style, Some(UrlStyle::Angle));
        let a = e.accessed.unwrap();
        assert_eq!(
            (a.day, a.month, a.year, a.written.as_str()),
            (8, 8, Some(2022), "8 Aug. 2022")
        );
    }

    #[test]
    fn dashes_et_al_glosses_and_no_year() {
        let e = entry("- _____. 2021a. *A Book*. Leiden: A Press.");
        assert!(e.same_author);
        assert_eq!(
            e.year,
            Some(Year {
                year: 2021,
                suffix: Some('a')
            })
        );
        assert_eq!(e.title_mark, Some(TitleMark::Italic));
        let e = entry("- Doe, Sam et al. 2022. \u{201C}A Plan\u{201D}. *Site*, 24 Jan.");
        assert!(e.et_al);
        assert_eq!(e.authors, ["Doe, Sam"]);
        let e = entry("- Institute for Things [IFT]. 2021. *Power*. London: IFT.");
        assert_eq!(e.gloss.as_deref(), Some("IFT"));
        assert_eq!(e.first_name, "Institute for Things");
        let e = entry(
            "- Von Berg, Kai, Ann Lee and Bo Wu. *A Report*. Berlin: A Press. Available at example.org/x (accessed 9 June 2022).",
        );
        assert_eq!(e.year, None);
        assert_eq!(e.authors, ["Von Berg, Kai", "Ann Lee", "Bo Wu"]);
        assert_eq!(e.first_name, "Von Berg");
        assert_eq!(e.title.as_deref(), Some("A Report"));
        assert_eq!(e.url_style, Some(UrlStyle::NoScheme));
        assert_eq!(e.accessed.unwrap().style, MonthStyle::Either);
    }

    #[test]
    fn chinese_names_and_bare_urls() {
        let e = entry(
            "- Li Ming \u{674E}\u{660E} and Wang Fang \u{738B}\u{82B3}. 2020. \u{201C}Ruguo\u{201D} \
             \u{5982}\u{679C} [If], 14 Apr. Available at http://example.cn/2020-04/14/c_1.htm (accessed 8 August 2022).",
        );
        assert_eq!(e.first_name, "Li");
        assert_eq!(e.url_style, Some(UrlStyle::Bare));
        assert_eq!(e.accessed.as_ref().unwrap().style, MonthStyle::Full);
        assert_eq!(e.date.as_ref().unwrap().month, 4);
    }

    #[test]
    fn apa_entries() {
        let e = entry(
            "Smith, J., & Jones, K. (2020). Title of the work. *Journal*, 4(2), 1\u{2013}9. https://doi.org/10.1/x",
        );
        assert_eq!(
            e.year,
            Some(Year {
                year: 2020,
                suffix: None
            })
        );
        assert_eq!(e.first_name, "Smith");
        assert_eq!(e.authors, ["Smith, J.", "Jones, K."]);
        assert_eq!(e.title.as_deref(), Some("Title of the work"));
        assert_eq!(e.url_style, Some(UrlStyle::Bare));
        // The full stop after the last initial ends the authors too.
        let e = entry("Abara, T. and Kim, S. (2014) Counting river borders. London: Riverside.");
        assert_eq!(e.authors, ["Abara, T.", "Kim, S."]);
        let e = entry("Dunne, M. (2021). *A home sleep protocol*. Cork University Press.");
        assert_eq!(e.authors, ["Dunne, M."]);
        let e = entry("Marsh, Ellen. 2018. *Calm Water*. Leeds: Northern Press.");
        assert_eq!(e.authors, ["Marsh, Ellen"]);
    }

    fn publication_of(s: &str) -> (Option<String>, Option<String>, Option<String>) {
        let p = publication(s, &entry(s));
        (p.container, p.place, p.publisher)
    }

    fn some(s: &str) -> Option<String> {
        Some(s.to_owned())
    }

    #[test]
    fn containers_and_publishers() {
        assert_eq!(
            publication_of("- Marsh, Ellen. 2018. *Calm Water*. Leeds: Northern Press."),
            (None, some("Leeds"), some("Northern Press"))
        );
        assert_eq!(
            publication_of(
                "- _____. 2021a. \u{201C}Salt and Settlement\u{201D}, *Coastal History* 12, 3: 40\u{2013}58."
            ),
            (some("Coastal History"), None, None)
        );
        assert_eq!(
            publication_of(
                "- Roe, Jane. 2021. \u{201C}A Framework\u{201D}, SSRN, 14 Dec. Available at <https://example.org/1> (accessed 9 June 2022)."
            ),
            (some("SSRN"), None, None)
        );
        assert_eq!(
            publication_of(
                "- Roe, Jane. 2020. \u{201C}Will It Rain?\u{201D} *The Weather Story*, 28 Apr."
            ),
            (some("The Weather Story"), None, None)
        );
        assert_eq!(
            publication_of(
                "- Zhou Lan \u{5468}\u{5C9A}. 2016. \u{201C}Gangkou\u{201D} \u{6E2F}\u{53E3} [Harbours], *Haiyang* \u{6D77}\u{6D0B}, 9 Sept."
            ),
            (some("Haiyang"), None, None)
        );
        assert_eq!(
            publication_of("Smith, J. (2020). Title of the work. *Journal*, 4(2), 1\u{2013}9."),
            (some("Journal"), None, None)
        );
        assert_eq!(
            publication_of(
                "- Roe, Jane. 2019. \u{201C}A Chapter\u{201D}. In *A Book*, edited by Sam Doe, 1\u{2013}20. London: A Press."
            ),
            (some("A Book"), some("London"), some("A Press"))
        );
        // A date after a quoted title is not a container.
        assert_eq!(
            publication_of(
                "- Xi Jinping \u{4E60}\u{8FD1}\u{5E73}. 2020. \u{201C}Ruogan\u{201D} \u{82E5}\u{5E72} [Several], 31 Oct."
            ),
            (None, None, None)
        );
        // Nor is a plain title's next sentence.
        assert_eq!(
            publication_of("- Roe, Jane. 2020. A Plain Title. Some Words Here."),
            (None, None, None)
        );
        assert_eq!(publication_of(""), (None, None, None));
    }

    #[test]
    fn odd_entries_never_panic() {
        for s in [
            "",
            "-",
            "- .",
            "- _____.",
            "- A. 2020",
            "(2020)",
            "- \u{201C}",
            "- A. 2020. *",
            "Available at <",
            "accessed 99 Foo 2022",
            "- X. 2020. \u{301}",
        ] {
            let _ = publication(s, &entry(s));
        }
    }
}
