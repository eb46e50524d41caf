//! Reading a map: bytes -> TOML with spans -> the validated [`Map`] model,
//! with a diagnostic for every problem found on the way.
//!
//! Loading never stops at the first problem. A file that is not TOML yields
//! `toml-syntax` findings and no model; otherwise every key is checked
//! (`unknown-field`, `invalid-value`, `missing-field`) and every item whose id
//! is usable is kept, even when some of its values are not, so that the rules
//! can run on the rest of the map.

mod fields;
mod walk;

use toml::de::{DeTable, DeValue};

use crate::diag::{Diagnostic, SourceFile, Span};
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
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let text = match std::str::from_utf8(bytes) {
        Ok(t) => t.to_owned(),
        Err(e) => {
            let file = SourceFile::new(name, String::from_utf8_lossy(bytes).into_owned());
            // The lossy text has the same bytes up to the first invalid one.
            let at = e.valid_up_to();
            let bad = bytes.get(at).copied().unwrap_or(0);
            let d = Diagnostic::new(
                "toml-syntax",
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
    let file = SourceFile::new(name, text);
    let (doc, errors) = DeTable::parse_recoverable(&file.text);
    if !errors.is_empty() {
        let diagnostics = errors.iter().map(|e| syntax_diagnostic(&file, e)).collect();
        return Loaded {
            file,
            map: None,
            diagnostics,
        };
    }
    let mut walker = walk::Walker::default();
    let map = walker.map(doc.get_ref());
    let mut diagnostics = walker.into_diagnostics();
    drop(doc);
    diagnostics.sort_by_key(|d| d.span.start);
    Loaded {
        map: Some(map),
        file,
        diagnostics,
    }
}

fn syntax_diagnostic(file: &SourceFile, e: &toml::de::Error) -> Diagnostic {
    let span: Span = e.span().unwrap_or(0..0);
    let span = file.clamp(span.start)..file.clamp(span.end.max(span.start));
    let mut lines = e.message().lines().map(str::trim).filter(|l| !l.is_empty());
    let head = lines.next().unwrap_or("invalid TOML").to_owned();
    let rest: Vec<String> = lines.map(str::to_owned).collect();
    let mut d = if head == "duplicate key" {
        let key = file.text.get(span.clone()).unwrap_or("").trim();
        Diagnostic::new(
            "toml-syntax",
            span,
            format!("key `{key}` is defined twice in the same table"),
        )
        .with_label("defined again here")
        .with_help("each table key may appear once; rename or merge the two")
    } else {
        Diagnostic::new("toml-syntax", span, format!("invalid TOML: {head}"))
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
