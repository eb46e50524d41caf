//! The text of a Kialo export, read line by line into its numbered entries,
//! checked as it is read: the title line first, then the thesis `1.`, then
//! claims numbered in order, each under a claim already read, each with
//! `Pro:` or `Con:`; lines without a number continue the claim above. A
//! `-> See` link must name a claim that is written in full, not itself nor
//! one of the claims it is under. Every error names its line and column.

use std::collections::HashMap;

use crate::import::ImportError;
use crate::kialo::{self, Stance};

/// The discussion, as read.
pub(super) struct Discussion {
    /// The title, its escapes read.
    pub(super) title: String,
    /// The entries, in the order written (the thesis first).
    pub(super) entries: Vec<Entry>,
    /// Entries whose text holds Markdown that is not escaped.
    pub(super) markup: usize,
}

/// One numbered entry: a claim written in full, or a link to one.
pub(super) struct Entry {
    /// The number's parts (`[1, 2, 1]`).
    pub(super) number: Vec<u32>,
    /// The line it starts on (1-based).
    pub(super) line: usize,
    /// The entry it is under (`None` for the thesis).
    pub(super) parent: Option<usize>,
    /// Its stance (`None` for the thesis).
    pub(super) stance: Option<Stance>,
    /// Its text, or the entry it links to.
    pub(super) body: Body,
}

/// What an entry holds.
pub(super) enum Body {
    /// A claim's text, its escapes read.
    Text(String),
    /// `-> See N`: the entry written in full that it names.
    See(usize),
}

/// An error at `line` and `column` (both 1-based).
fn at(line: usize, column: usize, message: impl std::fmt::Display) -> ImportError {
    ImportError::new(format!("line {line}, column {column}: {message}"))
}

/// The column (1-based, in characters) of byte `byte` of `line`.
fn column(line: &str, byte: usize) -> usize {
    line.get(..byte).map_or(1, |s| s.chars().count() + 1)
}

/// An entry while its lines are read.
struct Open {
    number: Vec<u32>,
    line: usize,
    parent: Option<usize>,
    stance: Option<Stance>,
    /// The first line's text, then each line that continues it.
    lines: Vec<String>,
    /// Where the text starts on its first line (column).
    text_column: usize,
}

/// Reads `bytes` as a Kialo export.
pub(super) fn read(bytes: &[u8]) -> Result<Discussion, ImportError> {
    let text = std::str::from_utf8(bytes).map_err(|e| {
        let valid = bytes.get(..e.valid_up_to()).unwrap_or_default();
        let line = valid.iter().filter(|&&b| b == b'\n').count() + 1;
        let last = valid.iter().rposition(|&b| b == b'\n').map_or(0, |p| p + 1);
        let col = String::from_utf8_lossy(valid.get(last..).unwrap_or_default())
            .chars()
            .count()
            + 1;
        at(line, col, "not UTF-8 text")
            .with_help("Kialo exports UTF-8 text; save the file as UTF-8")
    })?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(ImportError::new("the file is empty")
            .with_help(format!("a Kialo export starts with `{}`", kialo::TITLE)));
    }
    let mut lines = text.split('\n').map(|l| l.strip_suffix('\r').unwrap_or(l));
    let first = lines.next().unwrap_or_default();
    let Some(title) = first.trim_start().strip_prefix(kialo::TITLE) else {
        return Err(at(1, 1, format!("expected `{}`", kialo::TITLE))
            .with_help("a Kialo export starts with the discussion's title: export the discussion from Kialo as text"));
    };
    let (title, _) = kialo::unescape(title.trim());
    let mut reader = Reader::default();
    for (n, line) in lines.enumerate() {
        reader.line(n + 2, line)?;
    }
    reader.close()?;
    if reader.entries.is_empty() {
        return Err(ImportError::new("the discussion has no thesis `1.`")
            .with_help("a Kialo export has its thesis on the line `1. ...` after the title"));
    }
    reader.resolve()?;
    let markup = reader.markup;
    let entries = reader.entries.into_iter().map(|(entry, _)| entry).collect();
    Ok(Discussion {
        title,
        entries,
        markup,
    })
}

/// A link's target as written, to resolve once every entry is read.
struct Link {
    number: Vec<u32>,
    line: usize,
    column: usize,
    shown: String,
}

#[derive(Default)]
struct Reader {
    /// Each entry, with its link's target when it is one.
    entries: Vec<(Entry, Option<Link>)>,
    /// The entry of each number.
    by_number: HashMap<Vec<u32>, usize>,
    open: Option<Open>,
    markup: usize,
}

impl Reader {
    fn line(&mut self, n: usize, line: &str) -> Result<(), ImportError> {
        let Some((end, parts)) = kialo::leading_number(line) else {
            return match &mut self.open {
                Some(open) => {
                    open.lines.push(line.to_owned());
                    Ok(())
                }
                None if line.trim().is_empty() => Ok(()),
                None => Err(at(
                    n,
                    column(line, line.len() - line.trim_start().len()),
                    "expected the thesis, numbered `1.`",
                )),
            };
        };
        self.close()?;
        let start = line.len() - line.trim_start_matches([' ', '\t']).len();
        let shown = line.get(start..end).unwrap_or_default();
        let number = parse_number(&parts).ok_or_else(|| {
            at(
                n,
                column(line, start),
                format!("`{shown}` is not a claim number: each part counts from 1"),
            )
        })?;
        let parent = self.place(n, column(line, start), &number, shown)?;
        let rest = line.get(end..).unwrap_or_default();
        let mut text_start = end + (rest.len() - rest.trim_start_matches([' ', '\t']).len());
        let mut stance = None;
        if parent.is_some() {
            let after = line.get(text_start..).unwrap_or_default();
            let found = [Stance::Pro, Stance::Con]
                .into_iter()
                .find(|s| after.starts_with(s.marker()));
            let Some(s) = found else {
                return Err(at(
                    n,
                    column(line, text_start),
                    format!("expected `Pro:` or `Con:` after `{shown}`"),
                )
                .with_help(
                    "every claim below the thesis is a Pro or a Con of the claim above it",
                ));
            };
            stance = Some(s);
            text_start += s.marker().len();
            let rest = line.get(text_start..).unwrap_or_default();
            text_start += rest.len() - rest.trim_start_matches([' ', '\t']).len();
        }
        self.open = Some(Open {
            number,
            line: n,
            parent,
            stance,
            lines: vec![line.get(text_start..).unwrap_or_default().to_owned()],
            text_column: column(line, text_start),
        });
        Ok(())
    }

    /// The parent of a new entry numbered `number`, after checking that
    /// the number is new, in order, and under a claim written in full.
    fn place(
        &mut self,
        n: usize,
        col: usize,
        number: &[u32],
        shown: &str,
    ) -> Result<Option<usize>, ImportError> {
        if let Some(&other) = self.by_number.get(number) {
            let line = self.entries.get(other).map_or(0, |(e, _)| e.line);
            return Err(at(
                n,
                col,
                format!("`{shown}` again: line {line} is numbered `{shown}` already"),
            ));
        }
        let parent = match number {
            [1] => None,
            [_] => {
                return Err(at(
                    n,
                    col,
                    format!(
                        "`{shown}` is a second thesis: the claims of a Kialo export are all under `1.`"
                    ),
                ));
            }
            [.., _] => {
                let above = number.get(..number.len() - 1).unwrap_or_default();
                let Some(&p) = self.by_number.get(above) else {
                    return Err(at(
                        n,
                        col,
                        format!(
                            "`{shown}` has no parent: no claim above it is numbered `{}`",
                            kialo::number(above)
                        ),
                    ));
                };
                if let Some((_, Some(_))) = self.entries.get(p) {
                    return Err(at(
                        n,
                        col,
                        format!(
                            "`{shown}` is under `{}`, a `-> See` link: a link has no claims of its own",
                            kialo::number(above)
                        ),
                    ));
                }
                Some(p)
            }
            [] => None,
        };
        if let Some((last, _)) = self.entries.last()
            && number < last.number.as_slice()
        {
            return Err(at(
                n,
                col,
                format!(
                    "`{shown}` comes after `{}`: a Kialo export numbers its claims in order",
                    kialo::number(&last.number)
                ),
            ));
        }
        Ok(parent)
    }

    /// Ends the open entry: its text, or its link.
    fn close(&mut self) -> Result<(), ImportError> {
        let Some(open) = self.open.take() else {
            return Ok(());
        };
        let mut lines = open.lines;
        while lines.len() > 1 && lines.last().is_some_and(|l| l.trim().is_empty()) {
            lines.pop();
        }
        let first = lines.first().map_or("", String::as_str);
        let mut link = None;
        let body = if let Some(target) = first.strip_prefix(kialo::SEE) {
            let target = target.trim_end();
            let col = open.text_column + kialo::SEE.len();
            let parts: Option<Vec<&str>> = target
                .strip_suffix('.')
                .unwrap_or(target)
                .split('.')
                .map(|p| (!p.is_empty() && p.bytes().all(|b| b.is_ascii_digit())).then_some(p))
                .collect();
            let Some(number) = parts.as_deref().and_then(parse_number) else {
                return Err(at(
                    open.line,
                    col,
                    format!("expected a claim number after `-> See`, found `{target}`"),
                ));
            };
            if let Some(extra) = lines
                .get(1..)
                .and_then(|l| l.iter().position(|l| !l.trim().is_empty()))
            {
                return Err(at(
                    open.line + 1 + extra,
                    1,
                    "a `-> See` link has no text of its own",
                ));
            }
            link = Some(Link {
                shown: kialo::number(&number),
                number,
                line: open.line,
                column: col,
            });
            Body::See(usize::MAX)
        } else {
            let (text, markup) = kialo::unescape(&lines.join("\n"));
            if markup {
                self.markup += 1;
            }
            Body::Text(text)
        };
        let index = self.entries.len();
        self.by_number.insert(open.number.clone(), index);
        self.entries.push((
            Entry {
                number: open.number,
                line: open.line,
                parent: open.parent,
                stance: open.stance,
                body,
            },
            link,
        ));
        Ok(())
    }

    /// Points every link at its entry: one written in full, neither the
    /// link's parent nor above it.
    fn resolve(&mut self) -> Result<(), ImportError> {
        // The entries are in preorder, so the entries below entry `e` are
        // those from `e + 1` up to `end[e]`.
        let mut end = vec![self.entries.len(); self.entries.len()];
        let mut open: Vec<usize> = Vec::new();
        for (j, (entry, _)) in self.entries.iter().enumerate() {
            while let Some(&top) = open.last() {
                if Some(top) == entry.parent {
                    break;
                }
                if let Some(e) = end.get_mut(top) {
                    *e = j;
                }
                open.pop();
            }
            open.push(j);
        }
        let mut targets = Vec::new();
        for (i, (entry, link)) in self.entries.iter().enumerate() {
            let Some(link) = link else { continue };
            let shown = &link.shown;
            let err = |m: String| at(link.line, link.column, m);
            let Some(&t) = self.by_number.get(&link.number) else {
                return Err(err(format!(
                    "`-> See {shown}` names no claim: no claim is numbered `{shown}`"
                )));
            };
            if let Some((_, Some(_))) = self.entries.get(t) {
                return Err(err(format!(
                    "`-> See {shown}` names a link: `{shown}` is a `-> See` link itself"
                ))
                .with_help("name the claim that is written in full"));
            }
            if t < i && end.get(t).is_some_and(|&e| i < e) {
                let own = kialo::number(&entry.number);
                return Err(err(format!(
                    "`-> See {shown}` makes a cycle: `{own}` is under `{shown}`, so `{shown}` would be a reason for itself"
                )));
            }
            targets.push((i, t));
        }
        for (i, t) in targets {
            if let Some((entry, _)) = self.entries.get_mut(i) {
                entry.body = Body::See(t);
            }
        }
        Ok(())
    }
}

/// The parts of a number, each at least 1; `None` for a 0 or a part too
/// large.
fn parse_number(parts: &[&str]) -> Option<Vec<u32>> {
    parts
        .iter()
        .map(|p| p.parse::<u32>().ok().filter(|&n| n > 0))
        .collect()
}
