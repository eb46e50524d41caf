//! Reading a map: bytes -> TOML with spans -> the validated [`Map`] model,
//! with a diagnostic for every problem found on the way.
//!
//! Loading never stops at the first problem. A file that is not TOML yields
//! `toml-syntax` findings and no model; otherwise every key is checked
//! (`unknown-field`, `invalid-value`, `missing-field`) and every item whose id
//! is usable is kept, even when some of its values are not, so that the rules
//! can run on the rest of the map.

mod chunked;
pub mod project;
mod synonyms;
mod walk;

pub use chunked::LoadCache;
pub use walk::MAX_LOAD_FINDINGS;

use toml::Spanned;
use toml::de::{DeTable, DeValue};

use crate::diag::{Code, Diagnostic, SourceFile, Span};
use crate::model::Map;

/// Largest map file argmap reads, in bytes.
pub const MAX_MAP_BYTES: usize = 64 * 1024 * 1024;

/// The result of loading one file.
#[derive(Debug)]
pub struct Loaded {
    /// The file as read.
    pub file: SourceFile,
    /// The model, unless the file is not TOML at all.
    pub map: Option<Map>,
    /// What loading found.
    pub diagnostics: Vec<Diagnostic>,
}

/// Loads the map in `bytes`, shown to users as `name`.
pub fn load(name: &str, bytes: &[u8]) -> Loaded {
    load_owned(name, bytes.to_vec())
}

/// [`load`], taking the bytes: the text of a file that is UTF-8 (every
/// map) is the buffer it was read into, not a copy of it.
pub fn load_owned(name: &str, bytes: Vec<u8>) -> Loaded {
    load_cached(name, bytes, None)
}

/// [`load_owned`], with the parts of a large file kept in `cache` between
/// loads: only the parts an edit changed are parsed again.
pub fn load_cached(name: &str, mut bytes: Vec<u8>, cache: Option<&LoadCache>) -> Loaded {
    let bom = bytes.starts_with(b"\xEF\xBB\xBF");
    if bom {
        bytes.drain(..3);
    }
    let text_start = if bom { 3 } else { 0 };
    let text = match String::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => {
            let bytes = e.as_bytes();
            let mut file = SourceFile::new(name, String::from_utf8_lossy(bytes).into_owned());
            file.text_start = text_start;
            // The lossy text has the same bytes up to the first invalid one.
            let at = e.utf8_error().valid_up_to();
            let bad = bytes.get(at).copied().unwrap_or(0);
            let d = Diagnostic::new(
                Code::TomlSyntax,
                at..at + 1,
                format!("the file is not UTF-8: byte 0x{bad:02x} is not valid UTF-8"),
            )
            .with_label("invalid byte")
            .with_help("TOML files must be UTF-8; re-save the file as UTF-8");
            return Loaded {
                file,
                map: None,
                diagnostics: vec![d],
            };
        }
    };
    let mut file = SourceFile::new(name, text);
    file.text_start = text_start;
    if let Some((map, diagnostics)) = chunked::load(&file.text, cache) {
        return Loaded {
            map: Some(map),
            file,
            diagnostics,
        };
    }
    let doc = match parse(&file.text) {
        Ok(doc) => doc,
        Err((errors, searched)) => {
            let mut diagnostics = syntax_diagnostics(&file, &errors);
            if let (Some(end), Some(last)) = (searched, diagnostics.last_mut()) {
                last.notes.push(format!(
                    "argmap looked for syntax errors up to line {} of {}; fix these first",
                    file.line_col(end.saturating_sub(1)).0,
                    file.line_col(file.text.len()).0,
                ));
            }
            return Loaded {
                file,
                map: None,
                diagnostics,
            };
        }
    };
    let mut walker = walk::Walker::default();
    let map = walker.map(doc.get_ref());
    let (mut diagnostics, dropped) = walker.into_diagnostics();
    drop(doc);
    diagnostics.sort_by_key(|d| d.span.start);
    if dropped > 0
        && let Some(last) = diagnostics.last_mut()
    {
        last.notes.push(format!(
            "{} in the file not shown",
            crate::english::count_as(dropped, "more problem", "more problems")
        ));
    }
    Loaded {
        map: Some(map),
        file,
        diagnostics,
    }
}

/// Bytes after the first syntax error of a large file in which more are
/// looked for. Recovering from every error of a large file of garbage
/// would cost hundreds of bytes of memory per byte of the file.
const RECOVERY_WINDOW: usize = 256 * 1024;

/// The document, or its syntax errors and, when only a part of the file
/// was searched for them, where that part ends.
type Parsed<'i> = Result<Spanned<DeTable<'i>>, (Vec<toml::de::Error>, Option<usize>)>;

/// Parses `text`. A file that is not TOML is searched for errors up to
/// [`RECOVERY_WINDOW`] bytes after its first error (at a line end).
fn parse(text: &str) -> Parsed<'_> {
    let recover = |text| {
        let (doc, errors) = DeTable::parse_recoverable(text);
        if errors.is_empty() {
            Ok(doc)
        } else {
            Err(errors)
        }
    };
    if text.len() <= RECOVERY_WINDOW {
        return recover(text).map_err(|e| (e, None));
    }
    let first = match DeTable::parse(text) {
        Ok(doc) => return Ok(doc),
        Err(e) => e,
    };
    let from = first.span().map_or(0, |s| s.end);
    let end = from.saturating_add(RECOVERY_WINDOW);
    if end >= text.len() {
        return recover(text).map_err(|e| (e, None));
    }
    let window = text.as_bytes().get(from..end).unwrap_or(&[]);
    let cut = match memchr::memrchr(b'\n', window) {
        Some(newline) => from + newline + 1,
        None => (0..=end)
            .rev()
            .find(|&i| text.is_char_boundary(i))
            .unwrap_or(0),
    };
    let mut errors = match recover(text.get(..cut).unwrap_or("")) {
        Ok(_) => Vec::new(),
        // Errors at the cut come from the cut (an array or string left open).
        Err(errors) => errors
            .into_iter()
            .filter(|e| e.span().is_none_or(|s| s.start < cut))
            .collect(),
    };
    if errors.is_empty() {
        errors.push(first);
    }
    Err((errors, Some(cut)))
}

/// Most `toml-syntax` findings reported for one file: after the first
/// ones, a parser's errors are mostly echoes of them.
pub const MAX_SYNTAX_FINDINGS: usize = 100;

/// The parser's errors as findings, in file order, one per position, at most
/// [`MAX_SYNTAX_FINDINGS`] of them.
fn syntax_diagnostics(file: &SourceFile, errors: &[toml::de::Error]) -> Vec<Diagnostic> {
    let mut diagnostics: Vec<Diagnostic> =
        errors.iter().map(|e| syntax_diagnostic(file, e)).collect();
    // One finding per position: the parser's later errors at a place it
    // already reported (an unclosed array inside an unclosed table at the
    // end of a truncated file) are echoes of the first.
    diagnostics.sort_by_key(|d| d.span.start);
    diagnostics.dedup_by(|a, b| a.span.start == b.span.start);
    let more = diagnostics.len().saturating_sub(MAX_SYNTAX_FINDINGS);
    if more > 0 {
        diagnostics.truncate(MAX_SYNTAX_FINDINGS);
        if let Some(last) = diagnostics.last_mut() {
            last.notes.push(format!(
                "{} after this one not shown",
                crate::english::count_as(more, "more TOML syntax error", "more TOML syntax errors")
            ));
        }
    }
    diagnostics
}

/// Where a key with too many dotted parts starts (the parser's "recursion
/// limit" comes without a location): the first line with 80 dots outside
/// quotes and numbers, at its first non-blank character.
fn deep_key(text: &str) -> Option<usize> {
    let mut start = 0;
    for line in text.split_inclusive('\n') {
        let (mut dots, mut quote, mut prev) = (0, None, ' ');
        let mut chars = line.chars().peekable();
        while let Some(c) = chars.next() {
            match (quote, c) {
                (Some(q), c) if c == q => quote = None,
                (Some(_), _) => {}
                (None, '"' | '\'') => quote = Some(c),
                (None, '#') => break,
                (None, '.') => {
                    let float =
                        prev.is_ascii_digit() && chars.peek().is_some_and(char::is_ascii_digit);
                    dots += usize::from(!float);
                }
                _ => {}
            }
            prev = c;
        }
        if dots >= 80 {
            return Some(start + (line.len() - line.trim_start().len()));
        }
        start += line.len();
    }
    None
}

fn syntax_diagnostic(file: &SourceFile, e: &toml::de::Error) -> Diagnostic {
    if e.span().is_none() && e.message().trim() == "recursion limit" {
        let at = deep_key(&file.text).unwrap_or(0);
        return Diagnostic::new(
            Code::TomlSyntax,
            at..at,
            "invalid TOML: a key of more than 80 dotted parts is nested too deeply to read",
        )
        .with_label("this key, or a table header, has too many parts")
        .with_help("a map needs only `[claims.<id>]`-deep keys; shorten the key");
    }
    let span: Span = e.span().unwrap_or(0..0);
    let span = file.clamp(span.start)..file.clamp(span.end.max(span.start));
    let mut lines = e.message().lines().map(str::trim).filter(|l| !l.is_empty());
    let head = lines.next().unwrap_or("invalid TOML").to_owned();
    let rest: Vec<String> = lines.map(str::to_owned).collect();
    let mut d = if head == "duplicate key" {
        let key = file.text.get(span.clone()).unwrap_or("").trim();
        Diagnostic::new(
            Code::TomlSyntax,
            span,
            format!("key `{key}` is defined twice in the same table"),
        )
        .with_label("defined again here")
        .with_help("each table key may appear once; rename or merge the two")
    } else if head.starts_with("cannot recurse further") {
        Diagnostic::new(
            Code::TomlSyntax,
            span,
            "invalid TOML: arrays or inline tables nested more than 80 deep",
        )
        .with_label("nested too deeply to read")
        .with_help("a map nests values at most a few levels deep; remove the extra nesting")
    } else {
        Diagnostic::new(Code::TomlSyntax, span, format!("invalid TOML: {head}"))
    };
    if let Some(label) = rest.first() {
        d = d.with_label(label.clone());
    }
    for note in rest.iter().skip(1) {
        d = d.with_note(note.clone());
    }
    d
}

/// A TOML value's type, as named in messages.
fn type_name(v: &DeValue<'_>) -> &'static str {
    match v {
        DeValue::String(_) => "a string",
        DeValue::Integer(_) => "an integer",
        DeValue::Float(_) => "a float",
        DeValue::Boolean(_) => "a boolean",
        DeValue::Datetime(_) => "a date-time",
        DeValue::Array(_) => "an array",
        DeValue::Table(_) => "a table",
    }
}
