//! Chinese script: the pinyin readings of characters (the `pinyin` crate,
//! every reading of a character that has several), traditional and
//! simplified forms (OpenCC's character tables, as the `hanconv` crate ships
//! them), and the check of a romanisation against the characters printed
//! right after it (`Xie Ruipeng 谢瑞鹏`).
//!
//! The check pairs each run of Han characters with the romanised words
//! before it, and aligns the two syllable by syllable over the letters
//! (tones, case, spaces, hyphens and apostrophes ignored; `ü`, `v` and `u`
//! alike): each character consumes one of its readings, each digit or
//! Latin letter among the characters itself. A small dynamic programme
//! keeps the letter positions each prefix of the characters can reach, so
//! the work is linear in the length of the string; a pair whose alignment
//! would need more than [`MAX_STATES`] positions at once, or whose
//! characters are more than [`MAX_UNITS`], is not checked.

use std::collections::{HashMap, HashSet};
use std::ops::Range;
use std::sync::OnceLock;

use pinyin::ToPinyinMulti;
use unicode_normalization::char::{decompose_compatible, is_combining_mark};

/// Whether `c` is a Han character: a CJK unified or compatibility
/// ideograph, or `〇`.
pub fn is_han(c: char) -> bool {
    matches!(
        u32::from(c),
        0x3007 | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x323AF
    )
}

/// Whether `s` has kana or hangul: it is Japanese or Korean, whose
/// characters are neither read in pinyin nor written in the scripts of
/// China (`東アジアの国際関係` mixes `東` and `国` as Japanese does).
fn japanese_or_korean(s: &str) -> bool {
    s.chars().any(|c| {
        matches!(
            u32::from(c),
            0x1100..=0x11FF
                | 0x3040..=0x30FF
                | 0x3130..=0x318F
                | 0x31F0..=0x31FF
                | 0xAC00..=0xD7AF
                | 0xFF66..=0xFF9F
        )
    })
}

/// The readings of `c` as the `pinyin` crate gives them, without tones
/// (`lüe`), the most common first; `None` for a character it has none for.
fn raw_readings(c: char) -> Option<Vec<&'static str>> {
    let multi = c.to_pinyin_multi()?;
    Some(multi.into_iter().map(|p| p.plain()).collect())
}

/// The letter a character of a reading or a romanisation stands for:
/// lowercase ASCII letters and digits, with `ü` and `v` read as `u` and
/// `ê` as `e`; `None` for anything else.
fn fold(c: char) -> Option<u8> {
    match c {
        'ü' | 'Ü' | 'v' | 'V' => Some(b'u'),
        'ê' | 'Ê' => Some(b'e'),
        c if c.is_ascii_alphanumeric() => u8::try_from(c.to_ascii_lowercase()).ok(),
        _ => None,
    }
}

/// `reading` folded: `lüe` is `lue`.
fn folded(reading: &str) -> String {
    reading.chars().filter_map(fold).map(char::from).collect()
}

/// The readings of `c`, folded (`lüe` is `lue`), each once, the most common
/// first; `None` for a character the `pinyin` crate has no reading for.
pub fn readings(c: char) -> Option<Vec<String>> {
    let mut out: Vec<String> = Vec::new();
    for r in raw_readings(c)? {
        let r = folded(r);
        if !out.contains(&r) {
            out.push(r);
        }
    }
    Some(out)
}

/// Every pinyin syllable with a vowel, folded, from the readings of the
/// characters of the main CJK block: what a romanised word is made of. Its
/// 20,992 characters have every syllable in use (the rarer blocks would
/// add lookups, not syllables); made once, in about 6 ms, by the first
/// string with characters.
fn syllables() -> &'static HashSet<Box<[u8]>> {
    static SYLLABLES: OnceLock<HashSet<Box<[u8]>>> = OnceLock::new();
    SYLLABLES.get_or_init(|| {
        let mut set = HashSet::new();
        for c in (0x4E00..=0x9FFF).filter_map(char::from_u32) {
            for r in raw_readings(c).unwrap_or_default() {
                let r = folded(r);
                if r.bytes().any(|b| b"aeiou".contains(&b)) {
                    set.insert(r.into_bytes().into_boxed_slice());
                }
            }
        }
        set
    })
}

/// The longest pinyin syllable (`zhuang`).
const LONGEST_SYLLABLE: usize = 6;

/// Whether `letters` can be cut into pinyin syllables.
fn is_pinyin(letters: &[u8]) -> bool {
    if letters.is_empty() || !letters.iter().all(u8::is_ascii_lowercase) {
        return false;
    }
    let set = syllables();
    let mut ends = vec![false; letters.len() + 1];
    if let Some(first) = ends.first_mut() {
        *first = true;
    }
    for i in 0..letters.len() {
        if !ends.get(i).copied().unwrap_or(false) {
            continue;
        }
        for len in 1..=LONGEST_SYLLABLE {
            if let Some(piece) = letters.get(i..i + len)
                && set.contains(piece)
                && let Some(end) = ends.get_mut(i + len)
            {
                *end = true;
            }
        }
    }
    ends.last().copied().unwrap_or(false)
}

/// OpenCC's character tables: which characters are traditional (and their
/// simplified forms), which simplified.
struct Tables {
    traditional: HashMap<char, Vec<char>>,
    simplified: HashSet<char>,
}

/// Each one-character key of `dict` whose forms do not include itself,
/// with those forms.
fn converted(dict: hanconv::RawDictionary) -> HashMap<char, Vec<char>> {
    let one = |s: &str| {
        let mut cs = s.chars();
        match (cs.next(), cs.next()) {
            (Some(c), None) => Some(c),
            _ => None,
        }
    };
    dict.var_iter()
        .filter_map(|(key, values)| {
            let key = one(key)?;
            let forms: Vec<char> = values.iter().filter_map(|v| one(v)).collect();
            (!forms.is_empty() && !forms.contains(&key)).then_some((key, forms))
        })
        .collect()
}

fn tables() -> &'static Tables {
    static TABLES: OnceLock<Tables> = OnceLock::new();
    TABLES.get_or_init(|| {
        let simplified: HashSet<char> = converted(hanconv::RawDictionary::STCharacters)
            .into_keys()
            .collect();
        let mut traditional = converted(hanconv::RawDictionary::TSCharacters);
        // A character both tables convert is written in both scripts.
        traditional.retain(|c, _| !simplified.contains(c));
        Tables {
            traditional,
            simplified,
        }
    })
}

/// The simplified forms of `c` when it is a traditional character: one that
/// converting to simplified script changes (OpenCC's `TSCharacters`), and
/// converting to traditional does not.
pub fn simplified_forms(c: char) -> Option<&'static [char]> {
    if !is_han(c) {
        return None;
    }
    tables().traditional.get(&c).map(Vec::as_slice)
}

/// Whether `c` is a simplified character: one that converting to
/// traditional script changes (OpenCC's `STCharacters`).
pub fn is_simplified(c: char) -> bool {
    is_han(c) && tables().simplified.contains(&c)
}

/// The traditional characters of `s` (their byte ranges and simplified
/// forms) when `s` also has a simplified one; else nothing, as for a
/// Japanese or Korean string (one with kana or hangul).
pub fn traditional_among_simplified(s: &str) -> Vec<(Range<usize>, &'static [char])> {
    if !s.chars().any(is_simplified) || japanese_or_korean(s) {
        return Vec::new();
    }
    s.char_indices()
        .filter_map(|(at, c)| Some((at..at + c.len_utf8(), simplified_forms(c)?)))
        .collect()
}

/// At most this many characters (and digits or letters among them) in one
/// run are aligned; a longer run is not checked.
pub const MAX_UNITS: usize = 256;

/// At most this many letter positions are kept after a character; an
/// alignment that needs more is not checked.
pub const MAX_STATES: usize = 256;

/// What a romanisation does not fit.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Misfit {
    /// The character at [`Misreading::at`] has none of these readings where
    /// the romanisation reaches it.
    Reads(Vec<String>),
    /// The digit or Latin letter at [`Misreading::at`], among the
    /// characters, is not where the romanisation reaches it.
    Literal,
    /// The romanised word ends with these letters after the last character.
    LeftOver(String),
}

/// A romanisation that the characters printed after it cannot read as.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Misreading {
    /// The romanised words shown, as bytes of the string.
    pub roman: Range<usize>,
    /// The characters shown, as bytes of the string.
    pub han: Range<usize>,
    /// The character, digit or letter that does not fit, or the letters
    /// left over (for [`Misfit::LeftOver`]), as bytes of the string.
    pub at: Range<usize>,
    /// What does not fit.
    pub misfit: Misfit,
    /// A reading of the characters shown: the most common reading of each,
    /// spaced.
    pub reading: String,
}

/// A piece of a string, as the check reads it.
#[derive(Debug)]
enum Token {
    /// Letters, digits, apostrophes and combining marks.
    Word(Word),
    /// A Han character.
    Han(char, Range<usize>),
    /// Whitespace or punctuation that separates words.
    Sep,
    /// Anything else (brackets, symbols, other scripts): no pair crosses it.
    Stop,
}

#[derive(Debug)]
struct Word {
    bytes: Range<usize>,
    /// Its letters and digits, folded, each with the bytes of the character
    /// it comes from.
    letters: Vec<(u8, Range<usize>)>,
    /// A letter that folds to nothing (`ß`, Cyrillic): not a romanisation.
    foreign: bool,
    /// Has a lowercase letter.
    lower: bool,
    /// Has a digit.
    digit: bool,
}

impl Word {
    /// A digit, an acronym or a code (`6G`, `APEC`): written the same in
    /// a romanisation and among the characters.
    fn literal(&self) -> bool {
        !self.foreign && (self.digit || !self.lower)
    }

    fn folded(&self) -> Vec<u8> {
        self.letters.iter().map(|(b, _)| *b).collect()
    }
}

/// Punctuation between words, in Latin and Chinese text; whitespace too.
const SEPARATORS: &str = ":,;.!?\"/()&-·‐‑‒–—‘“”，。、：；！？《》〈〉「」『』（）・…～";

fn is_separator(c: char) -> bool {
    c.is_whitespace() || SEPARATORS.contains(c)
}

/// Cuts `s` into tokens, in one pass.
fn tokens(s: &str) -> Vec<Token> {
    let mut out = Vec::new();
    let mut word: Option<Word> = None;
    for (at, c) in s.char_indices() {
        let bytes = at..at + c.len_utf8();
        let mut letters = Vec::new();
        let mut foreign = false;
        let word_char = if is_han(c) || is_separator(c) {
            false
        } else if matches!(c, '\'' | '’' | 'ʼ') || is_combining_mark(c) {
            true
        } else if c.is_alphanumeric() {
            decompose_compatible(c, |d| match fold(d) {
                Some(b) => letters.push((b, bytes.clone())),
                None => foreign |= !is_combining_mark(d),
            });
            true
        } else {
            false
        };
        if word_char {
            let w = word.get_or_insert_with(|| Word {
                bytes: bytes.clone(),
                letters: Vec::new(),
                foreign: false,
                lower: false,
                digit: false,
            });
            w.bytes.end = bytes.end;
            w.foreign |= foreign;
            w.lower |= c.is_lowercase();
            w.digit |= c.is_numeric();
            w.letters.append(&mut letters);
            continue;
        }
        if let Some(w) = word.take() {
            out.push(Token::Word(w));
        }
        out.push(if is_han(c) {
            Token::Han(c, bytes)
        } else if is_separator(c) {
            Token::Sep
        } else {
            Token::Stop
        });
    }
    if let Some(w) = word.take() {
        out.push(Token::Word(w));
    }
    out
}

/// A character, digit or letter of a run of characters, as aligned.
struct Unit {
    bytes: Range<usize>,
    /// The readings of a Han character, folded, each once, the most common
    /// first; `None` for a digit or letter.
    readings: Option<Vec<Vec<u8>>>,
    /// The digit or letter, folded.
    literal: u8,
}

impl Unit {
    /// What does not fit when the romanisation cannot read this unit.
    fn misfit(&self) -> Misfit {
        match &self.readings {
            Some(rs) => Misfit::Reads(
                rs.iter()
                    .map(|r| String::from_utf8_lossy(r).into_owned())
                    .collect(),
            ),
            None => Misfit::Literal,
        }
    }
}

/// A romanised word of a pair: its letters in the pair's letter string.
struct RomanWord {
    letters: Range<usize>,
    bytes: Range<usize>,
}

/// A letter position reached after some characters: where the alignment
/// started (a word's first letter) and the state before it.
#[derive(Clone, Copy, Debug)]
struct State {
    pos: usize,
    origin: usize,
    prev: usize,
}

/// Every romanisation in `s` that the characters printed after it cannot
/// read as: at most one per run of characters, the first place it fails.
/// A pair is checked only when it is clear what romanises what: the words
/// right before the characters are pinyin (or digits and acronyms that the
/// characters also have), and more than half of the characters, and two
/// at least, align from one end or the other (`Ming Pao 明报`, a name in
/// Cantonese, and `Sina Weibo 新浪微博`, a brand, are left alone). A
/// romanisation that stops before the characters end, or begins after they
/// begin, is not a finding, and a Japanese or Korean string (one with kana
/// or hangul) is not read.
pub fn misreadings(s: &str) -> Vec<Misreading> {
    if !s.chars().any(is_han) || japanese_or_korean(s) {
        return Vec::new();
    }
    let tokens = tokens(s);
    let mut out = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        if !matches!(tokens.get(i), Some(Token::Han(..))) {
            i += 1;
            continue;
        }
        let (start, end) = (i, run_end(&tokens, i));
        if let Some(m) = check_run(&tokens, start, end) {
            out.push(m);
        }
        i = end + 1;
    }
    out
}

/// The index of the last Han token of the run that starts at `start`: the
/// run goes on over separators, digits and acronyms between characters.
fn run_end(tokens: &[Token], start: usize) -> usize {
    let mut last = start;
    let mut k = start + 1;
    while let Some(t) = tokens.get(k) {
        match t {
            Token::Han(..) => last = k,
            Token::Sep => {}
            Token::Word(w) if w.literal() => {}
            Token::Word(_) | Token::Stop => break,
        }
        k += 1;
    }
    last
}

/// The check of the run of tokens `start..=end` against the words before it.
fn check_run(tokens: &[Token], start: usize, end: usize) -> Option<Misreading> {
    let mut units = Vec::new();
    for t in tokens.get(start..=end)? {
        match t {
            Token::Han(c, bytes) => units.push(Unit {
                bytes: bytes.clone(),
                readings: Some(readings(*c)?.into_iter().map(String::into_bytes).collect()),
                literal: 0,
            }),
            Token::Word(w) => units.extend(w.letters.iter().map(|(b, bytes)| Unit {
                bytes: bytes.clone(),
                readings: None,
                literal: *b,
            })),
            Token::Sep | Token::Stop => {}
        }
        if units.len() > MAX_UNITS {
            return None;
        }
    }
    let han = units.iter().filter(|u| u.readings.is_some()).count();
    let literals = units.len() - han;
    // No romanisation of these characters is longer than this.
    let most = han * LONGEST_SYLLABLE + literals;

    // The romanised words: back from the characters to the first word that
    // is neither pinyin nor a literal, or anything else.
    let mut words: Vec<&Word> = Vec::new();
    let mut count = 0;
    for t in tokens.get(..start)?.iter().rev() {
        match t {
            Token::Sep => continue,
            Token::Word(w) if !w.foreign && (w.literal() || is_pinyin(&w.folded())) => {
                count += w.letters.len();
                if count > most {
                    break;
                }
                words.push(w);
            }
            _ => break,
        }
    }
    words.reverse();
    let mut letters: Vec<u8> = Vec::new();
    let mut roman: Vec<RomanWord> = Vec::new();
    let mut byte_of: Vec<Range<usize>> = Vec::new();
    for w in words {
        let from = letters.len();
        for (b, bytes) in &w.letters {
            letters.push(*b);
            byte_of.push(bytes.clone());
        }
        if letters.len() > from {
            roman.push(RomanWord {
                letters: from..letters.len(),
                bytes: w.bytes.clone(),
            });
        }
    }
    if letters.is_empty() || han == 0 {
        return None;
    }
    let len = letters.len();
    let starts: Vec<usize> = roman.iter().map(|w| w.letters.start).collect();

    // Forward, from every word: the positions after each prefix of units.
    let mut forward: Vec<Vec<State>> = vec![
        starts
            .iter()
            .map(|&pos| State {
                pos,
                origin: pos,
                prev: usize::MAX,
            })
            .collect(),
    ];
    for unit in &units {
        let before = forward.last()?;
        let next = step(before, unit, |pos, r| advance(&letters, pos, r));
        if next.len() > MAX_STATES {
            return None;
        }
        if next.is_empty() {
            break;
        }
        forward.push(next);
    }
    let reached = forward.len() - 1;
    let last = forward.last()?;
    if reached == units.len() && last.iter().any(|s| s.pos == len) {
        return None;
    }

    // Backward, from the end of the words: the positions before each suffix.
    let mut backward: Vec<Vec<State>> = vec![vec![State {
        pos: len,
        origin: len,
        prev: usize::MAX,
    }]];
    for unit in units.iter().rev() {
        let before = backward.last()?;
        let next = step(before, unit, |pos, r| retreat(&letters, pos, r));
        if next.len() > MAX_STATES {
            return None;
        }
        if next.is_empty() {
            break;
        }
        backward.push(next);
    }
    let suffix = backward.len() - 1;
    let from = units.len() - suffix;
    // The words romanise only the end of the characters.
    if suffix < units.len() && backward.iter().flatten().any(|s| s.pos == 0) {
        return None;
    }
    let han_in = |r: Range<usize>| {
        units
            .get(r)
            .map_or(0, |us| us.iter().filter(|u| u.readings.is_some()).count())
    };
    let aligned = han_in(0..reached) + han_in(from..units.len());
    if aligned < 2 || aligned * 2 <= han {
        return None;
    }

    let word_at = |pos: usize| roman.iter().position(|w| w.letters.contains(&pos));
    let ranges = |steps: &[Vec<State>], at: usize| -> Vec<Range<usize>> {
        // The letters of each unit on the path that ends at state `at` of
        // the last step, in the order the steps were taken.
        let mut out = Vec::new();
        let mut k = steps.len() - 1;
        let mut idx = at;
        while k > 0 {
            let Some(state) = steps.get(k).and_then(|s| s.get(idx)) else {
                break;
            };
            let Some(prev) = steps.get(k - 1).and_then(|s| s.get(state.prev)) else {
                break;
            };
            out.push(prev.pos.min(state.pos)..prev.pos.max(state.pos));
            idx = state.prev;
            k -= 1;
        }
        out.reverse();
        out
    };
    let best = |states: &[State]| {
        (0..states.len()).min_by_key(|&k| states.get(k).map(|s| (s.origin, s.pos)))
    };

    if reached == units.len() {
        // Every character read, letters left over: a finding only when they
        // end a word the characters began (`Xinhuashe 新华`).
        if last.iter().any(|s| starts.contains(&s.pos)) {
            return None;
        }
        let chosen = best(last)?;
        let pos = last.get(chosen)?.pos;
        let word = roman.get(word_at(pos)?)?;
        let path = ranges(&forward, chosen);
        let first = path
            .iter()
            .position(|r| r.end > word.letters.start)
            .unwrap_or(units.len() - 1);
        let extra: String = letters
            .get(pos..word.letters.end)?
            .iter()
            .map(|&b| char::from(b))
            .collect();
        let at = byte_of.get(pos)?.start..byte_of.get(word.letters.end - 1)?.end;
        return Some(Misreading {
            roman: word.bytes.clone(),
            han: units.get(first)?.bytes.start..units.last()?.bytes.end,
            at,
            misfit: Misfit::LeftOver(extra),
            reading: reading_of(units.get(first..)?),
        });
    }

    // The words run out before the characters: they may romanise only the
    // start of them.
    if last.iter().any(|s| s.pos == len) {
        return None;
    }
    let ends = backward.last()?;
    // With no character read forward, the words that romanise them begin
    // at the last word before those the characters' end reads.
    let read_back = ends.iter().map(|s| s.pos).max().unwrap_or(len);
    let latest = (0..last.len())
        .filter(|&k| last.get(k).is_some_and(|s| s.pos < read_back))
        .max_by_key(|&k| last.get(k).map(|s| s.pos));
    let chosen = match latest {
        Some(k) if reached == 0 => k,
        _ => best(last)?,
    };
    let p = last.get(chosen)?.pos;
    let prefix = ranges(&forward, chosen);
    let (suffix_path, q) = match (0..ends.len())
        .filter(|&k| ends.get(k).is_some_and(|s| s.pos > p))
        .min_by_key(|&k| ends.get(k).map(|s| s.pos))
    {
        Some(k) => {
            // Backward paths run from the last unit down; in unit order:
            let mut path = ranges(&backward, k);
            path.reverse();
            (path, ends.get(k)?.pos)
        }
        None => (Vec::new(), p + 1),
    };
    let lo_word = roman.get(word_at(p)?)?;
    let hi_word = roman.get(word_at(q.min(len).max(p + 1) - 1)?)?;
    let shown = lo_word.letters.start..hi_word.letters.end;
    let overlaps = |r: &Range<usize>| r.start < shown.end && shown.start < r.end;
    let failed_back = from.checked_sub(1).unwrap_or(reached);
    let mut lo = reached.min(failed_back);
    let mut hi = reached.max(failed_back);
    if let Some(k) = prefix.iter().position(overlaps) {
        lo = lo.min(k);
    }
    if let Some(k) = suffix_path.iter().rposition(overlaps) {
        hi = hi.max(from + k);
    }
    let failing = units.get(reached)?;
    Some(Misreading {
        roman: lo_word.bytes.start..hi_word.bytes.end,
        han: units.get(lo)?.bytes.start..units.get(hi)?.bytes.end,
        at: failing.bytes.clone(),
        misfit: failing.misfit(),
        reading: reading_of(units.get(lo..=hi)?),
    })
}

/// The states after `unit` from `before`: each position `advance` reaches
/// with one of the unit's readings, each once, from the earliest origin.
fn step(
    before: &[State],
    unit: &Unit,
    advance: impl Fn(usize, &[u8]) -> Option<usize>,
) -> Vec<State> {
    let mut next: Vec<State> = Vec::new();
    let literal = [unit.literal];
    for (k, state) in before.iter().enumerate() {
        let mut go = |pos: Option<usize>| {
            if let Some(pos) = pos {
                next.push(State {
                    pos,
                    origin: state.origin,
                    prev: k,
                });
            }
        };
        match &unit.readings {
            Some(rs) => {
                for r in rs {
                    go(advance(state.pos, r));
                }
            }
            None => go(advance(state.pos, &literal)),
        }
    }
    next.sort_by_key(|s| (s.pos, s.origin));
    next.dedup_by_key(|s| s.pos);
    next
}

/// The position after `reading` read at `pos`, if the letters there are it.
fn advance(letters: &[u8], pos: usize, reading: &[u8]) -> Option<usize> {
    let end = pos.checked_add(reading.len())?;
    (!reading.is_empty() && letters.get(pos..end)? == reading).then_some(end)
}

/// The position before `reading` read backward from `pos`.
fn retreat(letters: &[u8], pos: usize, reading: &[u8]) -> Option<usize> {
    let start = pos.checked_sub(reading.len())?;
    (!reading.is_empty() && letters.get(start..pos)? == reading).then_some(start)
}

/// The most common reading of each unit, spaced; digits and letters as
/// they are, together (`ru guo 6g yun`).
fn reading_of(units: &[Unit]) -> String {
    let mut out = String::new();
    let mut literal_before = false;
    for u in units {
        let literal = u.readings.is_none();
        let together = literal && literal_before;
        if !out.is_empty() && !together {
            out.push(' ');
        }
        match &u.readings {
            Some(rs) => out.push_str(
                &rs.first()
                    .map(|r| String::from_utf8_lossy(r))
                    .unwrap_or_default(),
            ),
            None => out.push(char::from(u.literal)),
        }
        literal_before = literal;
    }
    out
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::indexing_slicing)]
    use super::*;

    /// Each misreading of `s` as (romanised words, characters, the failing
    /// character or left-over letters, what it reads, a reading).
    fn found(s: &str) -> Vec<(String, String, String, String, String)> {
        misreadings(s)
            .into_iter()
            .map(|m| {
                let reads = match &m.misfit {
                    Misfit::Reads(rs) => rs.join(" "),
                    Misfit::Literal => "digit or letter".to_owned(),
                    Misfit::LeftOver(l) => format!("left over: {l}"),
                };
                (
                    s[m.roman].to_owned(),
                    s[m.han].to_owned(),
                    s[m.at].to_owned(),
                    reads,
                    m.reading,
                )
            })
            .collect()
    }

    /// The reference-list entries of the chapter map whose romanisation
    /// the characters cannot read as: the first character that fails, and
    /// the words and characters around it.
    #[test]
    fn finds_the_misread_entries() {
        let cases = [
            (
                "Xie Ruikun 谢瑞鵠",
                ("Ruikun", "瑞鵠", "鵠", "hu gu he", "rui hu"),
            ),
            (
                "Zhongguo wangluo kongjian anquan zhan lüe 国家网络空间安全战略 [National Cybersecurity Strategy]",
                ("Zhongguo", "国家", "国", "guo", "guo jia"),
            ),
            (
                "Zhongyang wangxin banli lunxue xuexi zongxinzu 中央网信办理论学习中心组 [Central Network Information Office Theory Learning Center Group]",
                ("xuexi zongxinzu", "习中心组", "习", "xi", "xi zhong xin zu"),
            ),
            (
                "Shenru Guanche Xi Jinping zongshuji wangluo qiangguo zhanlüe sixiang tashi tuijin wangluo anquan he xinxihua gongzuo 深入贯彻习近平总书记网络强国战略思想 扎实推进网络安全和信息化工作 [Deepening the implementation]",
                ("tashi", "扎实", "扎", "zha za", "zha shi"),
            ),
        ];
        for (s, (roman, han, at, reads, reading)) in cases {
            let want = vec![(
                roman.to_owned(),
                han.to_owned(),
                at.to_owned(),
                reads.to_owned(),
                reading.to_owned(),
            )];
            assert_eq!(found(s), want, "{s}");
        }
    }

    /// Every other romanised entry of the chapter map, and the fields that
    /// carry characters.
    #[test]
    fn passes_the_correct_entries() {
        for s in [
            "Xi Jinping 习近平",
            "Xinhua 新华",
            "Xie Ruipeng 谢瑞鹏",
            "Zhang Qingliang 张清亮",
            "Zhongguo junwang 中国军网 [China Military Network]",
            "Guojia hulianwang xinxi bangongshi 国家互联网信息办公室 [Cyberspace Administration of China]",
            "Ruguo 6G yunyongyu weilai zuozhan 如果6G运用于未来作战 [What if 6G were used in future operations]",
            "Xi Jinping: ba woguo cong wangluo daguo jianshe chengwei wangluo qiangguo 习近平: 把我国从网络大国建设成为网络强国 [Xi Jinping: Build our country from a big network country to a network superpower]",
            "Xi Jinping jiu gongtong goujian wangluo kongjian mingyun gongtongti tichu 5 dian zhuzhang 习近平就共同构建网络空间命运共同体提出5点主张 [Xi Jinping Puts Forward “Five Propositions” for Building a Community of Common Destiny in Cyberspace]",
            "Guojia zhong-changqi jingji shehui fazhan zhanlüe ruogan zhongda wenti 国家中长期经济社会发展战略若干重大问题 [Several major issues in the national medium- and long-term economic and social development strategy]",
            "Guojia hulianwang xinxi bangongshi [Cyberspace Administration of China] 2016",
        ] {
            assert_eq!(found(s), vec![], "{s}");
        }
    }

    /// Tones, case, word splits, hyphens, apostrophes; `ü` as `ü`, `u` or
    /// `v`; fullwidth digits; acronyms and punctuation among the characters.
    #[test]
    fn reads_past_spelling() {
        for s in [
            "Zhōngguó wǎngluò 中国网络",
            "ZHONGGUO WANGLUO 中国网络",
            "Zhong-guo wang'luo 中国网络",
            "Xi'an 西安",
            "zhanlüe 战略",
            "zhanlue 战略",
            "zhanlve 战略",
            "Nüren 女人",
            "Ruguo 6G 如果６Ｇ",
            "Yatai jinghe zuzhi APEC huiyi 亚太经合组织APEC会议",
            "Zhongguo (Shanghai) ziyou maoyi shiyanqu 中国（上海）自由贸易试验区",
            "“Wangluo qiangguo” zhanlüe 网络强国战略",
            "Renmin ribao 《人民日报》",
        ] {
            assert_eq!(found(s), vec![], "{s}");
        }
    }

    /// When it is unclear what romanises what, nothing is found.
    #[test]
    fn leaves_unclear_pairs_alone() {
        for s in [
            // The romanisation stops before the characters do.
            "Xi Jinping 习近平谈治国理政",
            "Xinhua 新华社",
            // It romanises only the end of them.
            "Ziyou maoyi shiyanqu 中国上海自由贸易试验区",
            // English before the characters, or nothing at all.
            "China Daily 中国日报",
            "On the China Dream 中国梦",
            "New China 新中国",
            "中国网络",
            "[Translation] 中国",
            // A single character; extra words before a romanisation.
            "Li 王",
            "China Xinhua 新华",
            // Names in other romanisations.
            "Ming Pao 明报",
            "Sina Weibo 新浪微博",
            "Lee Teng-hui 李登辉",
            "Sun Yat-sen 孙中山",
            "Mao Tse-tung 毛泽东",
            "Xi Jinping jianghua 习近平",
            // After the characters, not before.
            "中国 (Zhongguo)",
            // Family name last.
            "Ruikun Xie 谢瑞鵠",
            // Japanese.
            "Nihon to Chugoku kankei 日本と中国関係",
        ] {
            assert_eq!(found(s), vec![], "{s}");
        }
    }

    #[test]
    fn finds_digits_and_left_over_letters() {
        assert_eq!(
            found("Ruguo 5G yunyongyu 如果6G运用于"),
            vec![(
                "5G".to_owned(),
                "6G".to_owned(),
                "6".to_owned(),
                "digit or letter".to_owned(),
                "6g".to_owned()
            )]
        );
        assert_eq!(
            found("Renmin chubanshe 人民出版"),
            vec![(
                "chubanshe".to_owned(),
                "出版".to_owned(),
                "she".to_owned(),
                "left over: she".to_owned(),
                "chu ban".to_owned()
            )]
        );
        // English before a romanisation is not part of it.
        assert_eq!(
            found("China Zhongguo wangluo kongjian 国家网络空间")
                .into_iter()
                .map(|f| (f.0, f.1))
                .collect::<Vec<_>>(),
            [("Zhongguo".to_owned(), "国家".to_owned())]
        );
        // Two characters: one read from each end, a slip between them.
        assert_eq!(
            found("Xinghua 新华")
                .into_iter()
                .map(|f| (f.0, f.1, f.2))
                .collect::<Vec<_>>(),
            [("Xinghua".to_owned(), "新华".to_owned(), "华".to_owned())]
        );
        // Each run of characters is paired with the words before it.
        assert_eq!(
            found("Xinhua 新华, Zhongguo wangluo anquan 国家网络安全")
                .into_iter()
                .map(|f| f.0)
                .collect::<Vec<_>>(),
            ["Zhongguo"]
        );
    }

    /// Odd strings: nothing panics, and every range is inside the string.
    #[test]
    fn odd_strings() {
        let long_latin = "zhongguo ".repeat(20_000);
        let long_han = "中国".repeat(20_000);
        let long_pair = format!("{} {}", "zhongguo ".repeat(300), "国家".repeat(300));
        let alternating = "a 阿 ".repeat(20_000);
        let odd = [
            "",
            "\u{301}",
            "\u{301}\u{301} 中国",
            "zhong\u{301}guo 中国",
            "😀 中国 😀",
            "Zhongguo😀中国",
            "中国",
            "Zhongguo",
            "Zhongguo 𠀀𪛖",
            "Zhongguo \u{2FF0}中国",
            "'''' ’’ 中国",
            "ß 中国",
            "Ｚｈｏｎｇｇｕｏ 中国",
            "- - - 中国 - - -",
            "6 6 6 6",
            "6 中",
            "a 阿",
            "e 阿",
            long_latin.as_str(),
            long_han.as_str(),
            long_pair.as_str(),
            alternating.as_str(),
        ];
        for s in odd {
            for m in misreadings(s) {
                for r in [&m.roman, &m.han, &m.at] {
                    assert!(s.get(r.clone()).is_some(), "{r:?} of {s:?}");
                }
                assert!(m.roman.end <= m.han.start, "{m:?} of {s:?}");
            }
            for (r, forms) in traditional_among_simplified(s) {
                assert!(s.get(r).is_some() && !forms.is_empty());
            }
        }
        assert_eq!(found("😀 中国 😀"), vec![]);
        assert_eq!(found("zhong\u{301}guo 中国"), vec![]);
        assert_eq!(found("Ｚｈｏｎｇｇｕｏ 中国"), vec![]);
        // A run of characters too long to align is not checked.
        assert_eq!(found(&long_pair), vec![]);
        assert_eq!(found(&alternating), vec![]);
    }

    #[test]
    fn traditional_characters_among_simplified_ones() {
        let found = |s: &str| -> Vec<(String, String)> {
            traditional_among_simplified(s)
                .into_iter()
                .map(|(r, forms)| (s[r].to_owned(), forms.iter().collect()))
                .collect()
        };
        let pair = |a: &str, b: &str| (a.to_owned(), b.to_owned());
        assert_eq!(found("Xie Ruikun 谢瑞鵠"), [pair("鵠", "鹄")]);
        assert_eq!(found("中国網絡安全"), [pair("網", "网"), pair("絡", "络")]);
        // All traditional, all simplified, or written alike in both.
        assert_eq!(found("中華民國"), []);
        assert_eq!(found("谢瑞鹄"), []);
        assert_eq!(found("中文"), []);
        assert_eq!(found("Zhongguo"), []);
        // `乾` is traditional for `干` but also a character of its own.
        assert_eq!(found("乾隆时期"), []);
        // Japanese writes `東` beside `国`; Korean, hanja beside hangul.
        assert_eq!(found("東アジアの国際関係"), []);
        assert_eq!(found("東亞 한국 国"), []);
        assert!(is_simplified('谢') && !is_simplified('謝') && !is_simplified('瑞'));
        assert_eq!(simplified_forms('後'), Some(&['后'][..]));
        assert_eq!(simplified_forms('后'), None);
    }

    #[test]
    fn readings_are_folded_and_heteronyms_kept() {
        assert_eq!(readings('略'), Some(vec!["lue".to_owned()]));
        assert!(readings('长').unwrap().contains(&"chang".to_owned()));
        assert!(readings('长').unwrap().contains(&"zhang".to_owned()));
        assert_eq!(readings('a'), None);
        assert!(is_pinyin(b"zhongguo") && is_pinyin(b"xian") && !is_pinyin(b"the"));
        assert!(!is_pinyin(b"") && !is_pinyin(b"n"));
    }
}
