//! Finding and reading the plain-text copies of sources that quotes are
//! checked against: a source's `text` key (relative to the map, and confined
//! to the map's folder unless allowed otherwise), the project file's
//! `[texts]`, which wins over it, or `--text ID=PATH` from the command line,
//! which wins over both. A [`TextCache`] keeps texts read and indexed
//! between checks (the language server's), while their files are unchanged.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::SystemTime;

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
    /// The texts a project file names (`[texts]`, each path joined to the
    /// project file's folder): over the `text` key, under `overrides`. A
    /// path where no file is is as if it were not named (the source's
    /// `text` key, if any, is read instead), so that a project can name a
    /// text that only some clones have beside them; a file that is there
    /// but cannot be read is `unreadable-text`, as for `overrides`.
    pub project: Vec<(String, PathBuf)>,
}

/// Texts read and indexed, by path, kept between checks: indexing a text
/// is most of the cost of checking a map against it, and an editor checks
/// the map again after every edit while its texts stay the same. A text is
/// reused while its file's size and modification time are unchanged.
#[derive(Debug, Default)]
pub struct TextCache {
    texts: Mutex<HashMap<PathBuf, Cached>>,
}

#[derive(Debug)]
struct Cached {
    len: u64,
    modified: Option<SystemTime>,
    text: Arc<SourceText>,
}

/// What identifies a file's version for the cache.
fn stamp(path: &Path) -> Option<(u64, Option<SystemTime>)> {
    let meta = std::fs::metadata(path).ok()?;
    Some((meta.len(), meta.modified().ok()))
}

impl TextCache {
    /// The text at `path`, when it was read before and its file is unchanged.
    fn get(&self, path: &Path) -> Option<Arc<SourceText>> {
        let (len, modified) = stamp(path)?;
        let texts = self.texts.lock().ok()?;
        let c = texts.get(path)?;
        (c.len == len && c.modified == modified).then(|| Arc::clone(&c.text))
    }

    /// Keeps `text`, read from `path`.
    fn put(&self, path: PathBuf, text: Arc<SourceText>) {
        let Some((len, modified)) = stamp(&path) else {
            return;
        };
        if let Ok(mut texts) = self.texts.lock() {
            texts.insert(
                path,
                Cached {
                    len,
                    modified,
                    text,
                },
            );
        }
    }

    /// How many texts it holds.
    pub fn len(&self) -> usize {
        self.texts.lock().map_or(0, |t| t.len())
    }

    /// Whether it holds none.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
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
    by_source: Vec<Option<Arc<SourceText>>>,
    /// Sources whose text could not be read (so their quotes are not
    /// reported as unchecked a second time).
    failed: Vec<bool>,
    /// Per source, the path of the project file's text for it when no
    /// file is there.
    absent: Vec<Option<String>>,
}

impl Texts {
    /// The text of source `i`, if it has one.
    pub fn get(&self, i: usize) -> Option<&SourceText> {
        self.by_source.get(i).and_then(Option::as_deref)
    }

    /// The text of source `i`, shared: the same value for as long as the
    /// text's file is unchanged, when a [`TextCache`] keeps it.
    pub fn shared(&self, i: usize) -> Option<&Arc<SourceText>> {
        self.by_source.get(i).and_then(Option::as_ref)
    }

    /// The path the project file gives for source `i`'s text, when no file
    /// is there.
    pub fn absent_project_text(&self, i: usize) -> Option<&str> {
        self.absent.get(i).and_then(Option::as_deref)
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

/// Reads the texts of `map`, whose file is `map_path` (those in `cache`
/// from it, while their files are unchanged). Problems become
/// `unreadable-text` findings.
pub fn resolve(
    map: &Map,
    map_path: &Path,
    opts: &TextOptions,
    cache: Option<&TextCache>,
    out: &mut Vec<Diagnostic>,
) -> Texts {
    let map_dir = folder::map_dir(map_path);
    let mut texts = Texts {
        by_source: Vec::with_capacity(map.sources.len()),
        failed: vec![false; map.sources.len()],
        absent: vec![None; map.sources.len()],
    };
    let mut unindexed = Vec::new();
    for (i, source) in map.sources.iter().enumerate() {
        let id = &source.id.value;
        let cli = opts.overrides.iter().rev().find(|(sid, _)| sid == id);
        let project = opts.project.iter().rev().find(|(sid, _)| sid == id);
        let project = match project {
            Some((_, p)) if cli.is_none() && !exists(p) => {
                if let Some(a) = texts.absent.get_mut(i) {
                    *a = Some(p.display().to_string());
                }
                None
            }
            other => other,
        };
        let (path, span): (PathBuf, Span) = match (cli.or(project), &source.text) {
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
        if let Some(text) = cache.and_then(|c| c.get(&path)) {
            texts.by_source.push(Some(text));
            continue;
        }
        match read(&path) {
            Ok(text) => {
                // Indexed below, with the others.
                unindexed.push((i, path, text));
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
    for (i, path, text) in index_all(unindexed) {
        let text = Arc::new(text);
        if let Some(cache) = cache {
            cache.put(path, Arc::clone(&text));
        }
        if let Some(slot) = texts.by_source.get_mut(i) {
            *slot = Some(text);
        }
    }
    texts
}

/// The text files a check of `map`, whose file is `map_path`, reads or
/// tries to: for each source, its `--text` override, else the project
/// file's text, else its `text` key in the map's folder. `--watch` watches
/// them.
pub fn wanted(map: &Map, map_path: &Path, opts: &TextOptions) -> Vec<PathBuf> {
    // `texts/a.txt` beside `map.toml`, not `./texts/a.txt`.
    let map_dir = map_path.parent().filter(|p| !p.as_os_str().is_empty());
    map.sources
        .iter()
        .filter_map(|source| {
            let id = &source.id.value;
            let given = opts.overrides.iter().rev().find(|(sid, _)| sid == id);
            let project = opts.project.iter().rev().find(|(sid, _)| sid == id);
            match given.or(project) {
                Some((_, path)) => Some(path.clone()),
                None => source.text.as_ref().map(|t| match map_dir {
                    Some(dir) => dir.join(&t.value),
                    None => PathBuf::from(&t.value),
                }),
            }
        })
        .collect()
}

/// Whether a file (or anything) is at `path`: a path where nothing is is
/// the one problem that a project's text may have without a finding.
fn exists(path: &Path) -> bool {
    !matches!(std::fs::metadata(path), Err(e) if e.kind() == std::io::ErrorKind::NotFound)
}

/// Below this many bytes of text in all, texts are indexed on one thread.
const PARALLEL_TEXT_BYTES: usize = 1 << 20;

/// Indexes texts `(source, path, text)`: normalising and indexing is most of
/// the work of reading texts, so with more than [`PARALLEL_TEXT_BYTES`] it
/// runs on every core, largest texts first.
fn index_all(mut texts: Vec<(usize, PathBuf, String)>) -> Vec<(usize, PathBuf, SourceText)> {
    let index = |(i, path, text): (usize, PathBuf, String)| {
        let structure = Document::read(&text);
        let shown = path.display().to_string();
        (
            i,
            path,
            SourceText {
                path: shown,
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
