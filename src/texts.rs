//! Finding and reading the plain-text copies of sources that quotes are
//! checked against: a source's `text` key (relative to the map, and confined
//! to the map's folder unless allowed otherwise) or `--text ID=PATH` from the
//! command line, which wins.

use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::diag::{Code, Diagnostic, Span};
use crate::document::Document;
use crate::folder;
use crate::model::Map;
use crate::quote::TextIndex;

/// Largest source text read, in bytes.
pub const MAX_TEXT_BYTES: u64 = 256 * 1024 * 1024;

/// Where texts come from besides the map itself.
#[derive(Clone, Debug, Default)]
pub struct TextOptions {
    /// `--text ID=PATH`: the text of source `ID` is at `PATH` (relative to
    /// the working directory), over any `text` key.
    pub overrides: Vec<(String, PathBuf)>,
    /// `--allow-outside-texts`: let `text` keys point outside the map's folder.
    pub allow_outside: bool,
}

/// A source's text, indexed for quote lookups, with its structure.
#[derive(Debug)]
pub struct SourceText {
    /// The path, as shown to users.
    pub path: String,
    /// The index.
    pub index: TextIndex,
    /// Its headings, paragraphs and reference list.
    pub structure: Document,
}

/// The texts of a map's sources, by source index.
#[derive(Debug, Default)]
pub struct Texts {
    by_source: Vec<Option<SourceText>>,
    /// Sources whose text could not be read (so their quotes are not
    /// reported as unchecked a second time).
    failed: Vec<bool>,
}

impl Texts {
    /// The text of source `i`, if it has one.
    pub fn get(&self, i: usize) -> Option<&SourceText> {
        self.by_source.get(i).and_then(Option::as_ref)
    }

    /// The paths of the texts that were read, as shown to users.
    pub fn paths(&self) -> impl Iterator<Item = &str> {
        self.by_source.iter().flatten().map(|t| t.path.as_str())
    }

    /// Whether source `i` named a text that could not be read.
    pub fn failed(&self, i: usize) -> bool {
        self.failed.get(i).copied().unwrap_or(false)
    }
}

/// Reads the texts of `map`, whose file is `map_path`. Problems become
/// `unreadable-text` findings.
pub fn resolve(map: &Map, map_path: &Path, opts: &TextOptions, out: &mut Vec<Diagnostic>) -> Texts {
    let map_dir = folder::map_dir(map_path);
    let mut texts = Texts {
        by_source: Vec::with_capacity(map.sources.len()),
        failed: vec![false; map.sources.len()],
    };
    let mut unindexed = Vec::new();
    for (i, source) in map.sources.iter().enumerate() {
        let id = &source.id.value;
        let cli = opts.overrides.iter().rev().find(|(sid, _)| sid == id);
        let (path, span): (PathBuf, Span) = match (cli, &source.text) {
            (Some((_, p)), _) => (p.clone(), source.id.span.clone()),
            (None, Some(t)) => match folder::locate(map_dir, &t.value, opts.allow_outside, "texts")
            {
                Ok(p) => (p, t.span.clone()),
                Err(why) => {
                    out.push(
                        Diagnostic::new(
                            Code::UnreadableText,
                            t.span.clone(),
                            format!("the `text` of source `{id}` is not used: {why}"),
                        )
                        .with_label("text path refused")
                        .with_help(
                            "keep source texts in the map's folder, or pass --allow-outside-texts, or give the text with --text ID=PATH",
                        ),
                    );
                    if let Some(f) = texts.failed.get_mut(i) {
                        *f = true;
                    }
                    texts.by_source.push(None);
                    continue;
                }
            },
            (None, None) => {
                texts.by_source.push(None);
                continue;
            }
        };
        match read(&path) {
            Ok(text) => {
                // Indexed below, with the others.
                unindexed.push((i, path.display().to_string(), text));
                texts.by_source.push(None);
            }
            Err(why) => {
                out.push(
                    Diagnostic::new(
                        Code::UnreadableText,
                        span,
                        format!(
                            "the text of source `{id}` cannot be read: `{}`: {why}",
                            path.display()
                        ),
                    )
                    .with_label("quotes from this source are not checked"),
                );
                if let Some(f) = texts.failed.get_mut(i) {
                    *f = true;
                }
                texts.by_source.push(None);
            }
        }
    }
    for (i, text) in index_all(unindexed) {
        if let Some(slot) = texts.by_source.get_mut(i) {
            *slot = Some(text);
        }
    }
    texts
}

/// Below this many bytes of text in all, texts are indexed on one thread.
const PARALLEL_TEXT_BYTES: usize = 1 << 20;

/// Indexes texts `(source, path, text)`: normalising and indexing is most of
/// the work of reading texts, so with more than [`PARALLEL_TEXT_BYTES`] it
/// runs on every core, largest texts first.
fn index_all(mut texts: Vec<(usize, String, String)>) -> Vec<(usize, SourceText)> {
    let index = |(i, path, text): (usize, String, String)| {
        let structure = Document::read(&text);
        (
            i,
            SourceText {
                path,
                index: TextIndex::new(text),
                structure,
            },
        )
    };
    let bytes: usize = texts.iter().map(|(_, _, t)| t.len()).sum();
    if bytes < PARALLEL_TEXT_BYTES {
        return texts.into_iter().map(index).collect();
    }
    // Largest first, so that no core is left with a big text at the end.
    texts.sort_by_key(|(_, _, t)| std::cmp::Reverse(t.len()));
    texts.into_par_iter().map(index).collect()
}

/// Reads a text file: a regular file, UTF-8, at most [`MAX_TEXT_BYTES`],
/// with words in it; the error says why not.
pub fn read(path: &Path) -> Result<String, String> {
    let bytes = folder::read_bytes(path, MAX_TEXT_BYTES)?;
    let text = String::from_utf8(bytes).map_err(|e| {
        format!(
            "it is not UTF-8 (invalid byte at offset {})",
            e.utf8_error().valid_up_to()
        )
    })?;
    if !text.chars().any(char::is_alphanumeric) {
        return Err(if text.trim().is_empty() {
            "it is empty".into()
        } else {
            "it holds no words".into()
        });
    }
    Ok(text)
}
