//! Completion: the keys of the table at the cursor (from `format`, the
//! format declared once, with each key's documentation from the schema
//! derived from it), the tables in a `[header]`, the codes and levels in
//! `[lints]`, a source's `kind`, and ids where a key takes them (`cites`,
//! `supports`, `attacks`, `qualifies`, `premises`, `conclusion`, `by`,
//! `section`, `thesis`, `document`).
//!
//! The map at the cursor is often not TOML yet (`supports = ["re` has an
//! open string), so the place is read from the text with a small scanner
//! of TOML's brackets and strings, and the ids come from the last check in
//! which the map was TOML.

use std::sync::OnceLock;

use lsp_types::{
    CompletionItem, CompletionItemKind, CompletionList, CompletionResponse, CompletionTextEdit,
    Documentation, MarkupContent, MarkupKind, TextDocumentPositionParams, TextEdit,
};
use serde_json::Value;

use super::analysis::Analysis;
use super::position::LineIndex;
use crate::format;
use crate::model::{Kind, Map};

/// Most ids offered at once; past it, the list is marked incomplete and
/// the editor asks again as the user types.
const MAX_IDS: usize = 200;

/// What the cursor is in.
#[derive(Debug, PartialEq, Eq)]
enum Place {
    /// A `[header]`, after `[`.
    Header,
    /// Where a key of `table` goes (`claims`, `sources`, `map`, ...,
    /// `cites` or `anchor` for an inline table); `written` are the keys
    /// already in it.
    Key { table: String, written: Vec<String> },
    /// The value of `key` in `table`; `quoted` when inside its quotes.
    Value {
        table: String,
        key: String,
        quoted: bool,
    },
    /// Nowhere to complete (a comment, a number, a closed string).
    Nothing,
}

/// The completions at the position of `text` (the document as the editor
/// has it, not checked again for this), with the ids of `ids`, the last
/// check in which the map was TOML.
pub fn complete(
    text: &str,
    lines: &LineIndex,
    ids: Option<&Analysis>,
    p: &TextDocumentPositionParams,
) -> Option<CompletionResponse> {
    let offset = lines.offset(text, p.position).min(text.len());
    let before = text.get(..offset)?;
    let partial_len = before
        .bytes()
        .rev()
        .take_while(|b| b.is_ascii_alphanumeric() || *b == b'-' || *b == b'_')
        .count();
    let partial = before.get(offset - partial_len..)?;
    let range = lines.range(text, &(offset - partial_len..offset));
    let edit = |new: String| Some(CompletionTextEdit::Edit(TextEdit::new(range, new)));
    let mut items = Vec::new();
    let mut incomplete = false;
    match place(before) {
        Place::Header => {
            for (name, more) in [
                ("map", ""),
                ("lints", ""),
                ("limits", ""),
                ("sections", "."),
                ("actors", "."),
                ("sources", "."),
                ("claims", "."),
                ("arguments", "."),
            ] {
                items.push(CompletionItem {
                    label: format!("{name}{more}"),
                    kind: Some(CompletionItemKind::MODULE),
                    documentation: key_doc("", name),
                    text_edit: edit(format!("{name}{more}")),
                    ..Default::default()
                });
            }
        }
        Place::Key { table, mut written } if table == "lints" => {
            written.extend(keys_after(text.get(offset..).unwrap_or("")));
            for rule in crate::rules::RULES {
                let code = rule.code.as_str();
                if written.iter().any(|w| w == code) {
                    continue;
                }
                items.push(CompletionItem {
                    label: code.to_owned(),
                    kind: Some(CompletionItemKind::ENUM_MEMBER),
                    detail: Some(format!("default: {}", rule.default_level)),
                    documentation: Some(Documentation::String(rule.summary.to_owned())),
                    text_edit: edit(format!("{code} = ")),
                    ..Default::default()
                });
            }
        }
        Place::Key { table, mut written } => {
            if !matches!(table.as_str(), "cites" | "anchor") {
                written.extend(keys_after(text.get(offset..).unwrap_or("")));
            }
            for key in keys_of(&table) {
                if written.iter().any(|w| w == key) {
                    continue;
                }
                items.push(CompletionItem {
                    label: (*key).to_owned(),
                    kind: Some(CompletionItemKind::FIELD),
                    documentation: key_doc(&table, key),
                    text_edit: edit(format!("{key} = ")),
                    ..Default::default()
                });
            }
        }
        Place::Value { table, key, quoted } => {
            let quote = |s: &str| {
                if quoted {
                    s.to_owned()
                } else {
                    format!("\"{s}\"")
                }
            };
            let words: Vec<&str> = if table == "lints" {
                vec!["allow", "warn", "error"]
            } else if table == "sources" && key == "kind" {
                format::SourceKind::names().collect()
            } else {
                Vec::new()
            };
            for w in words {
                items.push(CompletionItem {
                    label: w.to_owned(),
                    kind: Some(CompletionItemKind::ENUM_MEMBER),
                    text_edit: edit(quote(w)),
                    ..Default::default()
                });
            }
            let kinds: &[Kind] = match key.as_str() {
                "supports" | "premises" | "conclusion" | "thesis" => &[Kind::Claim],
                "attacks" | "qualifies" => &[Kind::Claim, Kind::Argument],
                "cites" | "source" | "document" => &[Kind::Source],
                "by" => &[Kind::Actor],
                "section" => &[Kind::Section],
                _ => &[],
            };
            if let Some((ids, map)) = ids.and_then(|a| Some((a, a.map()?))) {
                let lower = partial.to_lowercase();
                let mut found: Vec<(bool, &str, Kind, usize)> = Vec::new();
                for &kind in kinds {
                    for o in ids.ids().defined_of(kind) {
                        let id = o.id.as_str();
                        let l = id.to_lowercase();
                        if !l.contains(&lower) {
                            continue;
                        }
                        let index = o.item.map_or(0, |r| r.index);
                        found.push((!l.starts_with(&lower), id, kind, index));
                    }
                }
                found.sort_by_key(|(later, _, _, _)| *later);
                incomplete = found.len() > MAX_IDS;
                for (rank, (_, id, kind, index)) in found.into_iter().take(MAX_IDS).enumerate() {
                    items.push(CompletionItem {
                        label: id.to_owned(),
                        kind: Some(CompletionItemKind::REFERENCE),
                        detail: Some(describe(map, kind, index)),
                        sort_text: Some(format!("{rank:06}")),
                        filter_text: Some(id.to_owned()),
                        text_edit: edit(quote(id)),
                        ..Default::default()
                    });
                }
            }
        }
        Place::Nothing => return None,
    }
    Some(CompletionResponse::List(CompletionList {
        is_incomplete: incomplete,
        items,
    }))
}

/// The keys that start the lines of `after` (the text after the cursor)
/// up to the next table header: the rest of the cursor's table.
fn keys_after(after: &str) -> Vec<String> {
    let mut out = Vec::new();
    // The cursor's own line is being written.
    for line in after.lines().skip(1) {
        let l = line.trim_start();
        if is_header(l) {
            break;
        }
        let key: String = l
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_'))
            .collect();
        let rest = l.get(key.len()..).unwrap_or("").trim_start();
        if !key.is_empty() && rest.starts_with('=') {
            out.push(key);
        }
    }
    out
}

/// An item in a line: its kind and its text or name, cut short.
fn describe(map: &Map, kind: Kind, index: usize) -> String {
    let text = match kind {
        Kind::Claim => map.claims.get(index).map(|c| c.display_text().to_owned()),
        Kind::Argument => map
            .arguments
            .get(index)
            .and_then(|a| a.label.as_ref())
            .map(|l| l.value.clone()),
        Kind::Source => map.sources.get(index).map(|s| s.short_label()),
        Kind::Section => map
            .sections
            .get(index)
            .map(|s| s.display_title().to_owned()),
        Kind::Actor => map.actors.get(index).map(|a| a.display_name().to_owned()),
    }
    .unwrap_or_default();
    let text = crate::diag::render::human::one_line(&text).into_owned();
    let cut: String = text.chars().take(80).collect();
    let more = if cut.len() < text.len() { "…" } else { "" };
    format!("{}: {cut}{more}", kind.noun())
}

/// The keys of a table, as `format` declares them.
fn keys_of(table: &str) -> &'static [&'static str] {
    match table {
        "map" => format::MapTable::KEYS,
        "limits" => format::Limits::KEYS,
        "sections" => format::Section::KEYS,
        "actors" => format::Actor::KEYS,
        "sources" => format::Source::KEYS,
        "claims" => format::Claim::KEYS,
        "arguments" => format::Argument::KEYS,
        "cites" => format::Citation::KEYS,
        "anchor" => format::Anchor::KEYS,
        _ => &[],
    }
}

/// A key's documentation, from the JSON Schema that `format` derives.
fn key_doc(table: &str, key: &str) -> Option<Documentation> {
    static SCHEMA: OnceLock<Value> = OnceLock::new();
    let schema = SCHEMA.get_or_init(|| crate::schema::schema().to_value());
    let definition = match table {
        "" => None,
        "map" => Some("MapTable"),
        "limits" => Some("Limits"),
        "sections" => Some("Section"),
        "actors" => Some("Actor"),
        "sources" => Some("Source"),
        "claims" => Some("Claim"),
        "arguments" => Some("Argument"),
        "cites" => Some("Citation"),
        "anchor" => Some("Anchor"),
        _ => return None,
    };
    let properties = match definition {
        Some(d) => schema.pointer(&format!("/definitions/{d}/properties"))?,
        None => schema.get("properties")?,
    };
    let text = properties.get(key)?.get("description")?.as_str()?;
    Some(Documentation::MarkupContent(MarkupContent {
        kind: MarkupKind::Markdown,
        value: text.to_owned(),
    }))
}

/// One open bracket of a value.
struct Frame {
    /// `[` or `{`.
    open: u8,
    /// The key whose value it is (for a table inside an array, the
    /// array's).
    key: Option<String>,
    /// The key being written inside an inline table.
    inner: Option<String>,
    /// The keys written inside an inline table.
    written: Vec<String>,
}

/// Where the end of `before` (the text up to the cursor) is.
fn place(before: &str) -> Place {
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let line = before.get(line_start..).unwrap_or("");
    if line.trim_start().starts_with('[') && !line.contains([']', '=', '"']) {
        return if line.contains('.') {
            Place::Nothing
        } else {
            Place::Header
        };
    }
    // The table: the last header line above the cursor's line.
    let head = before.get(..line_start).unwrap_or("");
    let mut end = head.len();
    let mut table = String::new();
    let mut body_start = 0;
    for l in head.split_inclusive('\n').rev() {
        if is_header(l) {
            table = header_table(l);
            body_start = end;
            break;
        }
        end -= l.len();
    }
    scan(before.get(body_start..).unwrap_or(""), table)
}

fn is_header(line: &str) -> bool {
    let l = line.split('#').next().unwrap_or("").trim();
    l.starts_with('[') && l.ends_with(']') && !l.contains('=') && !l.contains(',')
}

/// `claims` for `[claims.rebuild]`, `lints` for `[lints]`.
fn header_table(line: &str) -> String {
    let l = line.split('#').next().unwrap_or("").trim();
    let inner = l.trim_start_matches('[').trim_end_matches(']').trim();
    inner
        .split('.')
        .next()
        .unwrap_or("")
        .trim()
        .trim_matches(['"', '\''])
        .to_owned()
}

/// Scans a table's body up to the cursor: brackets, strings, comments and
/// `key =`, as TOML writes them.
fn scan(body: &str, table: String) -> Place {
    let bytes = body.as_bytes();
    let mut stack: Vec<Frame> = Vec::new();
    let mut key: Option<String> = None; // the key being given a value, at depth 0
    let mut expecting_key = true;
    let mut written: Vec<String> = Vec::new();
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        match b {
            b'#' => {
                match memchr::memchr(b'\n', bytes.get(i..).unwrap_or(&[])) {
                    Some(n) => i += n,
                    None => return Place::Nothing,
                }
                continue;
            }
            b'\n' if stack.is_empty() => {
                expecting_key = true;
                key = None;
            }
            b'"' | b'\'' => {
                let triple =
                    bytes.get(i..i + 3) == Some(if b == b'"' { b"\"\"\"" } else { b"'''" });
                let open = if triple { 3 } else { 1 };
                let mut j = i + open;
                let mut closed = false;
                while let Some(&c) = bytes.get(j) {
                    if c == b'\\' && b == b'"' {
                        j += 2;
                        continue;
                    }
                    if c == b'\n' && !triple {
                        break;
                    }
                    if c == b && (!triple || bytes.get(j..j + 3) == Some(&[b, b, b])) {
                        closed = true;
                        break;
                    }
                    j += 1;
                }
                if !closed {
                    if triple {
                        // In a multi-line string.
                        return Place::Nothing;
                    }
                    if j < bytes.len() {
                        // Left open on an earlier line (a syntax error):
                        // go on after it.
                        i = j;
                        continue;
                    }
                    // Open at the cursor.
                    if expecting_key {
                        return Place::Nothing;
                    }
                    return value_place(&stack, key, table, true);
                }
                if expecting_key {
                    // A quoted key.
                    let k = body.get(i + open..j).unwrap_or("").to_owned();
                    set_key(&mut stack, &mut key, &mut written, k);
                }
                i = j + open;
                continue;
            }
            b'=' => expecting_key = false,
            b'[' if !expecting_key => {
                let k = current_key(&stack, &key);
                stack.push(Frame {
                    open: b'[',
                    key: k,
                    inner: None,
                    written: Vec::new(),
                });
            }
            b'{' if !expecting_key => {
                let k = current_key(&stack, &key);
                stack.push(Frame {
                    open: b'{',
                    key: k,
                    inner: None,
                    written: Vec::new(),
                });
                expecting_key = true;
            }
            b']' | b'}' => {
                stack.pop();
                expecting_key = false;
            }
            b',' => {
                if let Some(f) = stack.last_mut() {
                    if f.open == b'{' {
                        expecting_key = true;
                        f.inner = None;
                    } else {
                        expecting_key = false;
                    }
                }
            }
            c if expecting_key && (c.is_ascii_alphanumeric() || c == b'-' || c == b'_') => {
                let start = i;
                while bytes
                    .get(i)
                    .is_some_and(|c| c.is_ascii_alphanumeric() || *c == b'-' || *c == b'_')
                {
                    i += 1;
                }
                if i >= bytes.len() {
                    // The cursor is in this key.
                    return key_place(&stack, table, written);
                }
                let k = body.get(start..i).unwrap_or("").to_owned();
                set_key(&mut stack, &mut key, &mut written, k);
                continue;
            }
            _ => {}
        }
        i += 1;
    }
    if expecting_key {
        key_place(&stack, table, written)
    } else {
        match bytes.last() {
            // After a value's last character (a number, a closing quote).
            Some(c) if !matches!(c, b'=' | b'[' | b',' | b' ' | b'\t' | b'\n' | b'{') => {
                Place::Nothing
            }
            _ => value_place(&stack, key, table, false),
        }
    }
}

/// Records key `k`: the inline table's key inside braces, else the
/// table's.
fn set_key(stack: &mut [Frame], key: &mut Option<String>, written: &mut Vec<String>, k: String) {
    match stack.last_mut() {
        Some(f) if f.open == b'{' => {
            f.written.push(k.clone());
            f.inner = Some(k);
        }
        Some(_) => {}
        None => {
            written.push(k.clone());
            *key = Some(k);
        }
    }
}

/// The key whose value a new bracket opens.
fn current_key(stack: &[Frame], key: &Option<String>) -> Option<String> {
    match stack.last() {
        Some(f) if f.open == b'{' => f.inner.clone(),
        Some(f) => f.key.clone(),
        None => key.clone(),
    }
}

fn key_place(stack: &[Frame], table: String, written: Vec<String>) -> Place {
    match stack.last() {
        Some(f) if f.open == b'{' => Place::Key {
            table: f.key.clone().unwrap_or_default(),
            written: f.written.clone(),
        },
        Some(_) => Place::Nothing,
        None => Place::Key { table, written },
    }
}

fn value_place(stack: &[Frame], key: Option<String>, table: String, quoted: bool) -> Place {
    let key = current_key(stack, &key);
    match key {
        Some(key) => Place::Value { table, key, quoted },
        None => Place::Nothing,
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::indexing_slicing)]

    use super::*;

    fn value(table: &str, key: &str, quoted: bool) -> Place {
        Place::Value {
            table: table.into(),
            key: key.into(),
            quoted,
        }
    }

    #[test]
    fn the_scanner_finds_the_key_whose_value_the_cursor_is_in() {
        let cases: &[(&str, Place)] = &[
            (
                "[claims.a]\nsupports = [\"re",
                value("claims", "supports", true),
            ),
            (
                "[claims.a]\nsupports = [\"x\", ",
                value("claims", "supports", false),
            ),
            (
                "[claims.a]\nsupports = [\n  \"x\",\n  \"",
                value("claims", "supports", true),
            ),
            (
                "[claims.a]\ncites = [{ source = \"",
                value("claims", "source", true),
            ),
            (
                "[claims.a]\ncites = [\"lee\", { source = \"x\", at = \"p. 3\" }, \"",
                value("claims", "cites", true),
            ),
            (
                "[claims.a]\nanchor = { section = ",
                value("claims", "section", false),
            ),
            (
                "[arguments.g]\nconclusion = \"",
                value("arguments", "conclusion", true),
            ),
            (
                "[map]\ntitle = \"t\"\nthesis = \"",
                value("map", "thesis", true),
            ),
            ("[sources.s]\nkind = \"bo", value("sources", "kind", true)),
            (
                "[lints]\nuncited-claim = \"",
                value("lints", crate::diag::Code::UncitedClaim.as_str(), true),
            ),
        ];
        for (text, want) in cases {
            assert_eq!(&place(text), want, "{text:?}");
        }
    }

    #[test]
    fn the_scanner_finds_where_keys_go() {
        let key = |table: &str, written: &[&str]| Place::Key {
            table: table.into(),
            written: written.iter().map(|s| (*s).to_owned()).collect(),
        };
        let cases: &[(&str, Place)] = &[
            ("[claims.a]\ntext = \"x\"\nsu", key("claims", &["text"])),
            (
                "[claims.a]\ntext = \"x # not a comment\"\n",
                key("claims", &["text"]),
            ),
            (
                "[claims.a]\ncites = [{ source = \"s\", ",
                key("cites", &["source"]),
            ),
            ("[claims.a]\nanchor = { ", key("anchor", &[])),
            ("# a comment\n[sources.s]\n", key("sources", &[])),
            ("[lints]\n", key("lints", &[])),
            ("", key("", &[])),
            ("[cl", Place::Header),
        ];
        for (text, want) in cases {
            assert_eq!(&place(text), want, "{text:?}");
        }
    }

    #[test]
    fn nothing_is_offered_in_comments_and_closed_values() {
        for text in [
            "[claims.a]\n# supports = [\"",
            "[claims.a]\ntext = \"x\"",
            "[limits]\nquote-words = 12",
            "[claims.a]\ntext = \"\"\"many\nlines",
        ] {
            assert_eq!(place(text), Place::Nothing, "{text:?}");
        }
    }
}
