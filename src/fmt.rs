//! `argmap fmt`: a map file in one layout, with every comment and value
//! kept. The library returns the new text; `cli/fmt.rs` reads and writes.
//!
//! What formatting changes (docs/map-format.md, "Formatting", says the same
//! to users):
//!
//! - **Tables are grouped by kind**, in the order [`format::MapFile`]
//!   declares them: `[map]`, `[lints]`, `[limits]`, sections, actors,
//!   sources, claims, arguments, then any table the format does not know.
//!   Within a kind, items keep the order written (the order of sections is
//!   their display order). A table's own sub-tables (`[claims.x.anchor]`,
//!   `[[claims.x.cites]]`) follow it.
//! - **Keys are in the order the format declares them** (each `table!` of
//!   [`format`]), in tables, in dotted keys and in inline tables written on
//!   one line; keys the format does not know (which `check` reports) follow,
//!   in the order written. `[lints]` keeps its order. Keys are written bare
//!   when they can be (`"text"` becomes `text`).
//! - **Whitespace:** `key = value`, no indentation, one blank line before
//!   each table header, none inside a table; arrays and inline tables
//!   written on one line are spaced `["a", "b"]` and `{ k = v }` (written
//!   over several lines, they keep their layout); the file ends with one
//!   line break, and every line break is the file's first one (LF or CRLF),
//!   except inside multi-line strings, whose line breaks are content. A
//!   byte-order mark stays.
//! - **Comments move with what they belong to:** comment lines above a table
//!   header belong to that table, above a key to that key; a comment at the
//!   end of a line stays on it. The file's opening comments, up to the first
//!   blank line after them, stay at the top, and the comments after the
//!   last table stay at the end. Blank lines between comments are kept (one
//!   for several), except within a table.
//!
//! Nothing else changes: values keep how they are written (string quotes,
//! number forms), a table keeps its form (a `[header]`, dotted keys or an
//! inline table), and no key is renamed: a word the format does not read
//! (`page` for `at`) is another key, whose value may need rewriting too, so
//! it is left for `check` to report.
//!
//! Before it returns, [`format`] reads the result back and compares it with
//! the input: the same TOML values, the same model (the same items in the
//! same order, spans aside), the same loader findings and the same
//! comments. A difference is an [`Error::Changed`], and the caller writes
//! nothing.

use std::fmt::Debug;
use std::ops::Range;

use toml_edit::{DocumentMut, InlineTable, Item, KeyMut, Table, Value};

use crate::diag::{FileReport, Levels};
use crate::format;
use crate::load;
use crate::model::Map;

/// Why a map was not formatted.
#[derive(Debug)]
pub enum Error {
    /// The file is not TOML: the loader's findings (`toml-syntax`), as
    /// `check` reports them.
    NotToml(Box<FileReport>),
    /// TOML that the loader reads but `toml_edit` does not (an integer
    /// too large for 64 bits, which `check` reports): where and why.
    Unreadable {
        /// 1-based line.
        line: usize,
        /// 1-based column, in characters.
        column: usize,
        /// The editor's message.
        message: String,
    },
    /// The formatted text would not read as the same map.
    Changed(Change),
}

impl std::fmt::Display for Error {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Error::NotToml(_) => write!(f, "it is not valid TOML"),
            Error::Unreadable {
                line,
                column,
                message,
            } => write!(
                f,
                "line {line}, column {column} cannot be written back as it is: {}",
                lowercase_first(message.trim().trim_end_matches('.'))
            ),
            Error::Changed(c) => write!(f, "{c}"),
        }
    }
}

/// What reading the formatted text back found different from the input.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Change {
    /// The result is not TOML.
    NotToml,
    /// A TOML value differs or is missing: its dotted path.
    Value(String),
    /// A table of the model (`` `[map]` ``, `` `[lints]` ``) reads differently.
    Table(&'static str),
    /// The items of a kind (`claims`) are not the same, in the same order.
    Order(&'static str),
    /// An item reads differently: its kind and id.
    Item(&'static str, String),
    /// The loader reports other findings.
    Findings,
    /// A comment of the input is missing.
    LostComment(String),
    /// A comment that the input does not have.
    NewComment(String),
}

impl std::fmt::Display for Change {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Change::NotToml => write!(f, "the result would not be valid TOML"),
            Change::Value(path) => write!(f, "the value of `{path}` would change"),
            Change::Table(t) => write!(f, "{t} would read differently"),
            Change::Order(kind) => write!(f, "the {kind} would not be the same, in the same order"),
            Change::Item(kind, id) => write!(f, "{kind} `{id}` would read differently"),
            Change::Findings => write!(f, "`argmap check` would report other findings"),
            Change::LostComment(c) => write!(f, "the comment `{c}` would be lost"),
            Change::NewComment(c) => {
                write!(f, "a comment the map does not have would appear: `{c}`")
            }
        }
    }
}

fn lowercase_first(s: &str) -> String {
    let mut c = s.chars();
    c.next().map_or_else(String::new, |f| {
        f.to_lowercase().collect::<String>() + c.as_str()
    })
}

/// The map file `bytes`, shown as `name`, in the layout the module
/// documentation describes. The result equals `bytes` when the file is
/// formatted already.
pub fn format(name: &str, bytes: &[u8]) -> Result<Vec<u8>, Error> {
    let loaded = load::load(name, bytes);
    let Some(map) = loaded.map else {
        let mut diagnostics = loaded.diagnostics;
        Levels::default().apply(&mut diagnostics, crate::rules::default_level);
        return Err(Error::NotToml(Box::new(FileReport::unread(
            loaded.file,
            diagnostics,
        ))));
    };
    let text = loaded.file.text.as_str();
    let laid = layout(text).map_err(|e| {
        let (line, column) = e.span().map_or((1, 1), |s| loaded.file.line_col(s.start));
        Error::Unreadable {
            line,
            column,
            message: e.message().to_owned(),
        }
    })?;
    if laid != text {
        let before = Read {
            text,
            map: &map,
            findings: &loaded.diagnostics,
        };
        compare(name, &before, &laid).map_err(Error::Changed)?;
    }
    let bom = loaded.file.text_start > 0;
    let mut out = Vec::with_capacity(laid.len() + 3);
    if bom {
        out.extend_from_slice(b"\xEF\xBB\xBF");
    }
    out.extend_from_slice(laid.as_bytes());
    Ok(out)
}

// ---------------------------------------------------------------------------
// The layout

/// What a table holds, for the order of its keys.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Shape {
    /// The whole file.
    File,
    /// `[map]`.
    Meta,
    /// `[lints]`: codes, in the order written.
    Lints,
    /// `[limits]`.
    Limits,
    /// `[claims]`, ...: items by id, in the order written.
    Items(ItemKind),
    /// One item.
    Item(ItemKind),
    /// A claim's `anchor`.
    Anchor,
    /// A claim's `cites`.
    Cites,
    /// One entry of `cites`.
    Citation,
    /// What the format does not describe: kept as written.
    Free,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum ItemKind {
    Section,
    Actor,
    Source,
    Claim,
    Argument,
}

impl Shape {
    /// The keys in the order the format declares them, when it does.
    fn keys(self) -> Option<&'static [&'static str]> {
        Some(match self {
            Shape::File => format::MapFile::KEYS,
            Shape::Meta => format::MapTable::KEYS,
            Shape::Limits => format::Limits::KEYS,
            Shape::Item(ItemKind::Section) => format::Section::KEYS,
            Shape::Item(ItemKind::Actor) => format::Actor::KEYS,
            Shape::Item(ItemKind::Source) => format::Source::KEYS,
            Shape::Item(ItemKind::Claim) => format::Claim::KEYS,
            Shape::Item(ItemKind::Argument) => format::Argument::KEYS,
            Shape::Anchor => format::Anchor::KEYS,
            Shape::Citation => format::Citation::KEYS,
            Shape::Lints | Shape::Items(_) | Shape::Cites | Shape::Free => return None,
        })
    }

    /// The shape of the value of `key`.
    fn child(self, key: &str) -> Shape {
        match (self, key) {
            (Shape::File, "map") => Shape::Meta,
            (Shape::File, "lints") => Shape::Lints,
            (Shape::File, "limits") => Shape::Limits,
            (Shape::File, "sections") => Shape::Items(ItemKind::Section),
            (Shape::File, "actors") => Shape::Items(ItemKind::Actor),
            (Shape::File, "sources") => Shape::Items(ItemKind::Source),
            (Shape::File, "claims") => Shape::Items(ItemKind::Claim),
            (Shape::File, "arguments") => Shape::Items(ItemKind::Argument),
            (Shape::Items(kind), _) => Shape::Item(kind),
            (Shape::Item(ItemKind::Claim), "anchor") => Shape::Anchor,
            (Shape::Item(ItemKind::Claim), "cites") => Shape::Cites,
            _ => Shape::Free,
        }
    }

    /// The shape of an element of an array of this shape.
    fn element(self) -> Shape {
        match self {
            Shape::Cites => Shape::Citation,
            _ => Shape::Free,
        }
    }
}

/// `text`, a TOML document, in the layout. An error when `toml_edit`
/// cannot read it.
fn layout(text: &str) -> Result<String, toml_edit::TomlError> {
    let crlf = text
        .find('\n')
        .is_some_and(|i| i > 0 && text.as_bytes().get(i - 1) == Some(&b'\r'));
    let mut doc: DocumentMut = text.parse()?;
    let head = take_head(&mut doc);
    let end = format!(
        "{}{}",
        raw(doc.decor().suffix()),
        doc.trailing().as_str().unwrap_or("")
    );
    tidy_table(doc.as_table_mut(), Shape::File);
    let mut next = 1;
    number(doc.as_table_mut(), &mut next);
    let root_lines = !doc.as_table().get_values().is_empty();
    let headers = headers(doc.as_table());
    for (i, path) in headers.iter().enumerate() {
        let Some(t) = table_at(doc.as_table_mut(), path) else {
            continue;
        };
        let lead = lead_block(raw(t.decor().prefix()));
        let first = i == 0 && !root_lines;
        let prefix = if first { lead } else { format!("\n{lead}") };
        let suffix = line_end(raw(t.decor().suffix())).to_owned();
        t.decor_mut().set_prefix(prefix);
        t.decor_mut().set_suffix(suffix);
    }
    doc.decor_mut().set_prefix(head);
    doc.decor_mut().set_suffix("");
    let content = root_lines || !headers.is_empty();
    doc.set_trailing(end_block(&end, content));
    let out = doc.to_string();
    Ok(line_breaks(&out, crlf))
}

/// The text of a decor's prefix or suffix (empty when it has none).
fn raw(part: Option<&toml_edit::RawString>) -> &str {
    part.and_then(toml_edit::RawString::as_str).unwrap_or("")
}

/// One line of a stretch of whitespace and comments.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Line<'a> {
    Blank,
    Comment(&'a str),
}

/// The lines of `raw`, whitespace and comments before a key or a header:
/// each comment without the whitespace around it. What follows the last
/// line break is the indentation of the key, not a line.
fn lines(raw: &str) -> Vec<Line<'_>> {
    let mut out = Vec::new();
    let mut parts = raw.split('\n').peekable();
    while let Some(part) = parts.next() {
        let last = parts.peek().is_none();
        let comment = comment_text(part.trim_start_matches([' ', '\t']));
        if !comment.is_empty() {
            out.push(Line::Comment(comment));
        } else if !last {
            out.push(Line::Blank);
        }
    }
    out
}

/// A comment as it is compared and written: without trailing whitespace.
fn comment_text(s: &str) -> &str {
    s.trim_end_matches([' ', '\t', '\r'])
}

/// Comment lines only, one per line: what stands above a key.
fn key_block(raw: &str) -> String {
    let mut out = String::new();
    for line in lines(raw) {
        if let Line::Comment(c) = line {
            out.push_str(c);
            out.push('\n');
        }
    }
    out
}

/// Comment lines with one blank line for each run of them, none first:
/// what stands above a table header.
fn lead_block(raw: &str) -> String {
    render_lines(&lines(raw), false)
}

/// `lines` written out: each run of blank lines as one, none at the start,
/// and none at the end when `drop_last_blank`.
fn render_lines(lines: &[Line<'_>], drop_last_blank: bool) -> String {
    let mut out = String::new();
    let mut blank = false;
    for line in lines {
        match line {
            Line::Blank => blank = !out.is_empty(),
            Line::Comment(c) => {
                if blank {
                    out.push('\n');
                    blank = false;
                }
                out.push_str(c);
                out.push('\n');
            }
        }
    }
    if blank && !drop_last_blank {
        out.push('\n');
    }
    out
}

/// The comments after the last table: a blank line before them if there
/// was one and anything comes before them, none after them.
fn end_block(raw: &str, after_content: bool) -> String {
    let lines = lines(raw);
    let body = render_lines(&lines, true);
    if body.is_empty() {
        return body;
    }
    if after_content && lines.first() == Some(&Line::Blank) {
        format!("\n{body}")
    } else {
        body
    }
}

/// Splits the comments above the first line of the file into the file's
/// head (its first comments, up to the first blank line after them) and
/// the rest.
fn split_head(raw: &str) -> (String, String) {
    let lines = lines(raw);
    let mut seen = false;
    let cut = lines.iter().position(|l| match l {
        Line::Comment(_) => {
            seen = true;
            false
        }
        Line::Blank => seen,
    });
    match cut {
        Some(at) => {
            let (head, rest) = lines.split_at(at + 1);
            (render_lines(head, false), render_lines(rest, false))
        }
        None => (String::new(), render_lines(&lines, false)),
    }
}

/// A header's or a value's line end: a comment as written, or nothing.
fn line_end(raw: &str) -> &str {
    let t = comment_text(raw);
    if t.trim_start_matches([' ', '\t']).is_empty() {
        ""
    } else {
        t
    }
}

/// Takes the head from the first line of the document (a value of the
/// root table, else the first header) and returns it.
fn take_head(doc: &mut DocumentMut) -> String {
    let before = raw(doc.decor().prefix()).to_owned();
    let first_value: Option<Vec<String>> = doc
        .as_table()
        .get_values()
        .first()
        .map(|(path, _)| path.iter().map(|k| k.get().to_owned()).collect());
    let root = doc.as_table_mut();
    if let Some(path) = first_value {
        let Some((leaf, parents)) = path.split_last() else {
            return String::new();
        };
        let mut t = root;
        for p in parents {
            match t.get_mut(p) {
                Some(Item::Table(sub)) => t = sub,
                _ => return String::new(),
            }
        }
        let Some(mut key) = t.key_mut(leaf) else {
            return String::new();
        };
        let (head, rest) = split_head(&format!("{before}{}", raw(key.leaf_decor().prefix())));
        key.leaf_decor_mut().set_prefix(rest);
        return head;
    }
    let Some(path) = headers(root).into_iter().next() else {
        return String::new();
    };
    let Some(t) = table_at(root, &path) else {
        return String::new();
    };
    let (head, rest) = split_head(&format!("{before}{}", raw(t.decor().prefix())));
    t.decor_mut().set_prefix(rest);
    head
}

/// Orders the keys of `t` as `shape` declares them and tidies every key
/// and value in it, and its tables, recursively.
fn tidy_table(t: &mut Table, shape: Shape) {
    if let Some(order) = shape.keys() {
        let written: Vec<String> = t.iter().map(|(k, _)| k.to_owned()).collect();
        let sorted = sorted_keys(&written, order);
        if sorted != written {
            let entries: Vec<_> = sorted.iter().filter_map(|k| t.remove_entry(k)).collect();
            for (key, item) in entries {
                t.insert_formatted(&key, item);
            }
        }
    }
    for (mut key, item) in t.iter_mut() {
        let child = shape.child(key.get());
        let above = key_block(raw(key.leaf_decor().prefix()));
        tidy_key(&mut key);
        match item {
            Item::Value(v) => {
                key.leaf_decor_mut().set_prefix(above);
                key.leaf_decor_mut().set_suffix(" ");
                tidy_value(v, child);
                let end = line_end(raw(v.decor().suffix())).to_owned();
                v.decor_mut().set_prefix(" ");
                v.decor_mut().set_suffix(end);
            }
            Item::Table(sub) => tidy_table(sub, child),
            Item::ArrayOfTables(tables) => {
                for sub in tables.iter_mut() {
                    tidy_table(sub, child.element());
                }
            }
            Item::None => {}
        }
    }
}

/// `written`, reordered: the keys of `order` first, in its order, then the
/// others as written.
fn sorted_keys(written: &[String], order: &[&str]) -> Vec<String> {
    let rank = |k: &String| order.iter().position(|o| o == k).unwrap_or(order.len());
    let mut sorted = written.to_vec();
    sorted.sort_by_key(rank);
    sorted
}

/// A key written bare when it can be, with no space around it.
fn tidy_key(key: &mut KeyMut<'_>) {
    let bare = !key.get().is_empty()
        && key
            .get()
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
    if bare {
        key.fmt();
    }
    key.leaf_decor_mut().clear();
    key.dotted_decor_mut().clear();
}

/// Whether `v`, its own spacing aside, is written on one line.
fn one_line(v: &Value) -> bool {
    let mut v = v.clone();
    v.decor_mut().clear();
    !v.to_string().contains('\n')
}

/// Tidies what is inside `v` (not the space around it): arrays and inline
/// tables on one line spaced as `["a", "b"]` and `{ k = v }`, an inline
/// table's keys in the order `shape` declares.
fn tidy_value(v: &mut Value, shape: Shape) {
    if !matches!(v, Value::Array(_) | Value::InlineTable(_)) {
        return;
    }
    let flat = one_line(v);
    match v {
        Value::Array(a) => {
            for e in a.iter_mut() {
                tidy_value(e, shape.element());
            }
            if flat {
                a.fmt();
            }
        }
        Value::InlineTable(t) => {
            if flat {
                if let Some(order) = shape.keys() {
                    reorder_inline(t, order);
                }
                for (mut key, value) in t.iter_mut() {
                    let child = shape.child(key.get());
                    tidy_key(&mut key);
                    tidy_value(value, child);
                }
                t.fmt();
                t.set_trailing("");
                t.set_trailing_comma(false);
            } else {
                for (key, value) in t.iter_mut() {
                    tidy_value(value, shape.child(key.get()));
                }
            }
        }
        _ => {}
    }
}

fn reorder_inline(t: &mut InlineTable, order: &[&str]) {
    let written: Vec<String> = t.iter().map(|(k, _)| k.to_owned()).collect();
    let sorted = sorted_keys(&written, order);
    if sorted != written {
        let entries: Vec<_> = sorted.iter().filter_map(|k| t.remove_entry(k)).collect();
        for (key, value) in entries {
            t.insert_formatted(&key, value);
        }
    }
}

/// Numbers the tables with headers in the order of the tree, so that they
/// are written in it.
fn number(t: &mut Table, next: &mut isize) {
    for (_, item) in t.iter_mut() {
        match item {
            Item::Table(sub) => {
                if !sub.is_dotted() {
                    sub.set_position(Some(*next));
                    *next += 1;
                }
                number(sub, next);
            }
            Item::ArrayOfTables(tables) => {
                for sub in tables.iter_mut() {
                    sub.set_position(Some(*next));
                    *next += 1;
                    number(sub, next);
                }
            }
            _ => {}
        }
    }
}

/// One step of the path to a table: a key, or the index of a table in an
/// array of tables.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Step {
    Key(String),
    Index(usize),
}

/// The tables written with a header, in the order `toml_edit` writes them:
/// by position, a table without one after the table before it.
fn headers(root: &Table) -> Vec<Vec<Step>> {
    fn walk(
        t: &Table,
        path: &mut Vec<Step>,
        array: bool,
        last: &mut isize,
        found: &mut Vec<(isize, Vec<Step>)>,
    ) {
        if !t.is_dotted() {
            if let Some(p) = t.position() {
                *last = p;
            }
            let shown = array || !(t.is_implicit() && t.get_values().is_empty());
            if !path.is_empty() && shown {
                found.push((*last, path.clone()));
            }
        }
        for (key, item) in t.iter() {
            match item {
                Item::Table(sub) => {
                    path.push(Step::Key(key.to_owned()));
                    walk(sub, path, false, last, found);
                    path.pop();
                }
                Item::ArrayOfTables(tables) => {
                    for (i, sub) in tables.iter().enumerate() {
                        path.push(Step::Key(key.to_owned()));
                        path.push(Step::Index(i));
                        walk(sub, path, true, last, found);
                        path.pop();
                        path.pop();
                    }
                }
                _ => {}
            }
        }
    }
    let mut found = Vec::new();
    walk(root, &mut Vec::new(), false, &mut 0, &mut found);
    found.sort_by_key(|(position, _)| *position);
    found.into_iter().map(|(_, path)| path).collect()
}

/// The table at `path`.
fn table_at<'t>(root: &'t mut Table, path: &[Step]) -> Option<&'t mut Table> {
    let mut t = root;
    let mut steps = path.iter().peekable();
    while let Some(step) = steps.next() {
        let Step::Key(key) = step else { return None };
        t = match t.get_mut(key)? {
            Item::Table(sub) => sub,
            Item::ArrayOfTables(tables) => match steps.next() {
                Some(Step::Index(i)) => tables.get_mut(*i)?,
                _ => return None,
            },
            _ => return None,
        };
    }
    Some(t)
}

// ---------------------------------------------------------------------------
// Comments and line breaks

/// Where the comments and the multi-line strings of a TOML text are.
#[derive(Debug, Default)]
struct Scan {
    comments: Vec<Range<usize>>,
    multiline: Vec<Range<usize>>,
}

/// Finds the comments and multi-line strings of `text`, TOML that parses:
/// a `#` outside strings starts a comment.
fn scan(text: &str) -> Scan {
    let b = text.as_bytes();
    let at = |i: usize| b.get(i).copied();
    let mut out = Scan::default();
    let mut i = 0;
    while let Some(c) = at(i) {
        match c {
            b'#' => {
                let end =
                    memchr::memchr(b'\n', b.get(i..).unwrap_or(&[])).map_or(b.len(), |n| i + n);
                out.comments.push(i..end);
                i = end;
            }
            b'"' | b'\'' if at(i + 1) == Some(c) && at(i + 2) == Some(c) => {
                let start = i;
                i += 3;
                while let Some(d) = at(i) {
                    if c == b'"' && d == b'\\' {
                        i += 2;
                    } else if d == c {
                        let run = b
                            .get(i..)
                            .unwrap_or(&[])
                            .iter()
                            .take_while(|&&x| x == c)
                            .count();
                        i += run;
                        if run >= 3 {
                            break;
                        }
                    } else {
                        i += 1;
                    }
                }
                out.multiline.push(start..i.min(b.len()));
            }
            b'"' | b'\'' => {
                i += 1;
                while let Some(d) = at(i) {
                    if d == c || d == b'\n' {
                        break;
                    }
                    i += if c == b'"' && d == b'\\' { 2 } else { 1 };
                }
                i += 1;
            }
            _ => i += 1,
        }
    }
    out
}

/// The comments of `text`, sorted, each without trailing whitespace.
fn comments(text: &str) -> Vec<&str> {
    let mut found: Vec<&str> = scan(text)
        .comments
        .into_iter()
        .filter_map(|r| text.get(r))
        .map(comment_text)
        .collect();
    found.sort_unstable();
    found
}

/// `text` with every line break outside multi-line strings written as LF,
/// or CRLF when `crlf`.
fn line_breaks(text: &str, crlf: bool) -> String {
    let mut out = String::with_capacity(text.len());
    let mut from = 0;
    for r in scan(text).multiline {
        out.push_str(&convert(text.get(from..r.start).unwrap_or(""), crlf));
        out.push_str(text.get(r.clone()).unwrap_or(""));
        from = r.end;
    }
    out.push_str(&convert(text.get(from..).unwrap_or(""), crlf));
    out
}

/// Every line break of `s` as LF, or CRLF when `crlf`.
fn convert(s: &str, crlf: bool) -> String {
    let lf = s.replace("\r\n", "\n");
    if crlf { lf.replace('\n', "\r\n") } else { lf }
}

// ---------------------------------------------------------------------------
// Reading the result back

/// The input, as read.
struct Read<'a> {
    text: &'a str,
    map: &'a Map,
    findings: &'a [crate::diag::Diagnostic],
}

/// Reads `after` back and compares it with `before`: the TOML values, the
/// model, the loader's findings, the comments.
fn compare(name: &str, before: &Read<'_>, after: &str) -> Result<(), Change> {
    let loaded = load::load(name, after.as_bytes());
    let Some(map) = loaded.map else {
        return Err(Change::NotToml);
    };
    let old: toml::Table = before.text.parse().map_err(|_| Change::NotToml)?;
    let new: toml::Table = after.parse().map_err(|_| Change::NotToml)?;
    same_table(&old, &new, &mut Vec::new())?;
    same_map(before.map, &map)?;
    let findings = |ds: &[crate::diag::Diagnostic]| {
        let mut v: Vec<(crate::diag::Code, String)> =
            ds.iter().map(|d| (d.code, d.message.clone())).collect();
        v.sort();
        v
    };
    if findings(before.findings) != findings(&loaded.diagnostics) {
        return Err(Change::Findings);
    }
    let (old, new) = (comments(before.text), comments(after));
    if old != new {
        if let Some(c) = missing(&old, &new) {
            return Err(Change::LostComment(c.to_owned()));
        }
        if let Some(c) = missing(&new, &old) {
            return Err(Change::NewComment(c.to_owned()));
        }
    }
    Ok(())
}

/// The first of `a` (sorted) that `b` (sorted) has fewer of.
fn missing<'a>(a: &[&'a str], b: &[&str]) -> Option<&'a str> {
    let mut j = 0;
    for x in a {
        while b.get(j).is_some_and(|y| y < x) {
            j += 1;
        }
        if b.get(j) == Some(x) {
            j += 1;
        } else {
            return Some(x);
        }
    }
    None
}

fn same_table(a: &toml::Table, b: &toml::Table, path: &mut Vec<String>) -> Result<(), Change> {
    let at = |path: &[String], key: &str| {
        let mut p = path.to_vec();
        p.push(key.to_owned());
        p.join(".")
    };
    for (k, va) in a {
        let Some(vb) = b.get(k) else {
            return Err(Change::Value(at(path, k)));
        };
        path.push(k.clone());
        same_value(va, vb, path)?;
        path.pop();
    }
    if let Some(k) = b.keys().find(|k| !a.contains_key(*k)) {
        return Err(Change::Value(at(path, k)));
    }
    Ok(())
}

fn same_value(a: &toml::Value, b: &toml::Value, path: &mut Vec<String>) -> Result<(), Change> {
    use toml::Value as V;
    let same = match (a, b) {
        (V::Table(x), V::Table(y)) => return same_table(x, y, path),
        (V::Array(x), V::Array(y)) if x.len() == y.len() => {
            for (i, (x, y)) in x.iter().zip(y).enumerate() {
                path.push(i.to_string());
                same_value(x, y, path)?;
                path.pop();
            }
            return Ok(());
        }
        (V::Float(x), V::Float(y)) => x.to_bits() == y.to_bits() || (x.is_nan() && y.is_nan()),
        _ => a == b,
    };
    if same {
        Ok(())
    } else {
        Err(Change::Value(path.join(".")))
    }
}

/// `v` printed without its spans: what the model says, not where.
fn unspanned(v: &impl Debug) -> String {
    let s = format!("{v:?}");
    let mut out = String::with_capacity(s.len());
    let mut rest = s.as_str();
    while let Some(at) = rest.find("span: ") {
        let (before, after) = rest.split_at(at);
        out.push_str(before);
        let tail = after.get("span: ".len()..).unwrap_or("");
        let digits = |t: &str| t.len() - t.trim_start_matches(|c: char| c.is_ascii_digit()).len();
        let n = digits(tail);
        let range = tail
            .get(n..)
            .and_then(|t| t.strip_prefix(".."))
            .filter(|_| n > 0)
            .map(|t| n + 2 + digits(t))
            .filter(|&m| m > n + 2);
        match range {
            Some(m) => rest = tail.get(m..).unwrap_or(""),
            None => {
                out.push_str("span: ");
                rest = tail;
            }
        }
    }
    out.push_str(rest);
    out
}

fn same_map(a: &Map, b: &Map) -> Result<(), Change> {
    if unspanned(&a.meta) != unspanned(&b.meta) {
        return Err(Change::Table("`[map]`"));
    }
    if unspanned(&a.lints) != unspanned(&b.lints) {
        return Err(Change::Table("`[lints]`"));
    }
    if unspanned(&a.limits) != unspanned(&b.limits) {
        return Err(Change::Table("`[limits]`"));
    }
    same_items("sections", "section", &a.sections, &b.sections, |s| {
        &s.id.value
    })?;
    same_items("actors", "actor", &a.actors, &b.actors, |s| &s.id.value)?;
    same_items("sources", "source", &a.sources, &b.sources, |s| &s.id.value)?;
    same_items("claims", "claim", &a.claims, &b.claims, |s| &s.id.value)?;
    same_items("arguments", "argument", &a.arguments, &b.arguments, |s| {
        &s.id.value
    })
}

fn same_items<T: Debug>(
    kinds: &'static str,
    kind: &'static str,
    a: &[T],
    b: &[T],
    id: impl Fn(&T) -> &String,
) -> Result<(), Change> {
    if a.len() != b.len() || a.iter().zip(b).any(|(x, y)| id(x) != id(y)) {
        return Err(Change::Order(kinds));
    }
    for (x, y) in a.iter().zip(b) {
        if unspanned(x) != unspanned(y) {
            return Err(Change::Item(kind, id(x).clone()));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

    use super::*;

    fn fmt(text: &str) -> String {
        String::from_utf8(format("m.toml", text.as_bytes()).unwrap()).unwrap()
    }

    #[test]
    fn finds_comments_outside_strings_only() {
        let text =
            "a = \"# not\" # one\nb = '#' #two\nc = \"\"\"\n# not\n\"\"\"\nd = '''x'''\n# three\n";
        assert_eq!(comments(text), ["# one", "# three", "#two"]);
        let s = scan(text);
        let multi: Vec<&str> = s.multiline.iter().map(|r| &text[r.clone()]).collect();
        assert_eq!(multi, ["\"\"\"\n# not\n\"\"\"", "'''x'''"]);
        // Quotes before the closing delimiter belong to the string.
        let text = "a = \"\"\"x\"\"\"\"\" # c\n";
        assert_eq!(comments(text), ["# c"]);
        assert_eq!(&text[scan(text).multiline[0].clone()], "\"\"\"x\"\"\"\"\"");
        // An escaped quote does not end a string.
        assert_eq!(comments("a = \"\\\"# no\" # yes\n"), ["# yes"]);
    }

    #[test]
    fn line_breaks_follow_the_file_outside_multi_line_strings() {
        let text = "a = 1\r\nb = \"\"\"x\ny\r\nz\"\"\"\nc = 2\n";
        assert_eq!(
            line_breaks(text, true),
            "a = 1\r\nb = \"\"\"x\ny\r\nz\"\"\"\r\nc = 2\r\n"
        );
        assert_eq!(
            line_breaks(text, false),
            "a = 1\nb = \"\"\"x\ny\r\nz\"\"\"\nc = 2\n"
        );
    }

    #[test]
    fn the_head_is_the_first_block_of_comments() {
        assert_eq!(
            split_head("# a\n# b\n\n\n# c\n\n"),
            ("# a\n# b\n\n".to_owned(), "# c\n\n".to_owned())
        );
        assert_eq!(split_head("# a\n"), (String::new(), "# a\n".to_owned()));
        assert_eq!(split_head("\n\n"), (String::new(), String::new()));
    }

    #[test]
    fn spans_are_left_out_of_the_comparison() {
        let a = crate::model::Sp::new("x".to_owned(), 3..14);
        let b = crate::model::Sp::new("x".to_owned(), 20..29);
        assert_eq!(unspanned(&a), unspanned(&b));
        assert_eq!(unspanned(&a), "Sp { value: \"x\",  }");
        let c = crate::model::Sp::new("y".to_owned(), 3..14);
        assert_ne!(unspanned(&a), unspanned(&c));
    }

    #[test]
    fn a_comment_missing_is_found() {
        assert_eq!(
            missing(&["# a", "# b", "# b"], &["# a", "# b"]),
            Some("# b")
        );
        assert_eq!(missing(&["# a", "# b"], &["# a", "# b", "# c"]), None);
        assert_eq!(missing(&["# z"], &["# a"]), Some("# z"));
    }

    /// Reads `before` and compares `after` with it, as `format` does.
    fn changed(before: &str, after: &str) -> Result<(), Change> {
        let loaded = load::load("m.toml", before.as_bytes());
        let map = loaded.map.unwrap();
        let read = Read {
            text: before,
            map: &map,
            findings: &loaded.diagnostics,
        };
        compare("m.toml", &read, after)
    }

    #[test]
    fn the_comparison_finds_every_kind_of_change() {
        let base = "[map]\ntitle = \"t\"\n# note\n[claims.a]\ntext = \"x\"\n[claims.b]\ntext = \"y\"\nodd = 1\n";
        assert_eq!(changed(base, base), Ok(()));
        let cases = [
            (base.replace("# note\n", ""), Change::LostComment("# note".into())),
            (base.replace("# note", "# other"), Change::LostComment("# note".into())),
            (format!("{base}# new\n"), Change::NewComment("# new".into())),
            (base.replace("odd = 1", "odd = 2"), Change::Value("claims.b.odd".into())),
            (base.replace("odd = 1", ""), Change::Value("claims.b.odd".into())),
            (
                "[map]\ntitle = \"t\"\n# note\n[claims.b]\ntext = \"y\"\nodd = 1\n[claims.a]\ntext = \"x\"\n".into(),
                Change::Order("claims"),
            ),
            (base.replace("]\n", "\n"), Change::NotToml),
        ];
        for (after, expected) in cases {
            assert_eq!(changed(base, &after), Err(expected), "{after}");
        }
    }

    #[test]
    fn the_model_and_the_findings_are_compared() {
        let a = Map::default();
        let mut b = Map::default();
        b.meta.title = Some(crate::model::Sp::new("t".into(), 0..1));
        assert_eq!(same_map(&a, &b), Err(Change::Table("`[map]`")));
        // A value that the TOML comparison finds equal but the loader reads
        // apart cannot be written; the findings are compared on their own.
        let before = "[map]\ntitle = \"t\"\nx = 1\n";
        let loaded = load::load("m.toml", before.as_bytes());
        let map = loaded.map.unwrap();
        let read = Read {
            text: before,
            map: &map,
            findings: &[],
        };
        assert_eq!(compare("m.toml", &read, before), Err(Change::Findings));
    }

    #[test]
    fn every_change_says_what_would_change() {
        let all = [
            Change::NotToml,
            Change::Value("claims.a.text".into()),
            Change::Table("`[map]`"),
            Change::Order("claims"),
            Change::Item("claim", "a".into()),
            Change::Findings,
            Change::LostComment("# note".into()),
            Change::NewComment("# new".into()),
        ];
        let mut text: Vec<String> = all.iter().map(Change::to_string).collect();
        text.push(
            Error::Unreadable {
                line: 3,
                column: 7,
                message: "Invalid key.".into(),
            }
            .to_string(),
        );
        insta::assert_snapshot!(text.join("\n"));
    }

    #[test]
    fn formats_and_is_idempotent_on_a_small_map() {
        let text = "[claims.a]\ncites=[ \"s\" ]\ntext='A'\n[map]\ntitle=\"t\"\n";
        let once = fmt(text);
        assert_eq!(
            once,
            "[map]\ntitle = \"t\"\n\n[claims.a]\ntext = 'A'\ncites = [\"s\"]\n"
        );
        assert_eq!(fmt(&once), once);
    }

    #[test]
    fn not_toml_is_refused_with_the_loaders_findings() {
        let Err(Error::NotToml(report)) = format("m.toml", b"[map\n") else {
            panic!("expected NotToml");
        };
        assert_eq!(report.diagnostics.len(), 1);
        assert_eq!(report.diagnostics[0].code, crate::diag::Code::TomlSyntax);
    }

    /// The keys of each table are the format's, so that the order `fmt`
    /// writes is the one docs/map-format.md documents.
    #[test]
    fn every_declared_table_has_a_shape() {
        let shapes = [
            (Shape::File, format::MapFile::KEYS),
            (Shape::File.child("map"), format::MapTable::KEYS),
            (Shape::File.child("limits"), format::Limits::KEYS),
            (
                Shape::File.child("sections").child("x"),
                format::Section::KEYS,
            ),
            (Shape::File.child("actors").child("x"), format::Actor::KEYS),
            (
                Shape::File.child("sources").child("x"),
                format::Source::KEYS,
            ),
            (Shape::File.child("claims").child("x"), format::Claim::KEYS),
            (
                Shape::File.child("claims").child("x").child("anchor"),
                format::Anchor::KEYS,
            ),
            (
                Shape::File
                    .child("claims")
                    .child("x")
                    .child("cites")
                    .element(),
                format::Citation::KEYS,
            ),
            (
                Shape::File.child("arguments").child("x"),
                format::Argument::KEYS,
            ),
        ];
        for (shape, keys) in shapes {
            assert_eq!(shape.keys(), Some(keys), "{shape:?}");
        }
        // Every table the loader names is among them (the map and `[lints]`,
        // whose keys are codes, aside).
        assert_eq!(format::TABLES.len(), shapes.len());
    }
}
