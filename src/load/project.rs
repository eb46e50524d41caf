//! The project file, `argmap-project.toml`: the texts and rule levels that
//! the maps of a folder share, read by the command line and the language
//! server alike. Parsing only: finding the file and reading it is the
//! commands' (`app`), as for map files.
//!
//! ```toml
//! [texts]
//! lee-chapter = "../../shared/chapter/cpc-and-sovereignty.txt"
//!
//! [lints]
//! uncited-claim = "warn"
//! ```
//!
//! A text's path is relative to the project file and may lead outside the
//! map's folder, as `--text` may. Levels: a rule's default, then the
//! project's `[lints]`, then the map's own `[lints]`, then `-A/-W/-D`.
//! Texts: a source's `text` key, then the project's `[texts]`, then
//! `--text`. The file is held to its format as a map is: every problem is
//! a finding with its span (`toml-syntax`, `unknown-field`,
//! `invalid-value`), and a project with any finding is not used.

use std::path::{Path, PathBuf};

use toml::de::DeValue;

use super::walk::{Walker, describe};
use crate::diag::{Code, Diagnostic, Levels, SourceFile};
use crate::format;
use crate::model::{LintSetting, Sp};

/// The project file's name.
pub const FILE_NAME: &str = "argmap-project.toml";

/// Largest project file read, in bytes: it names a few texts and levels.
pub const MAX_PROJECT_BYTES: u64 = 1024 * 1024;

/// One entry of `[texts]`: the text of source `id` is at `path`.
#[derive(Clone, Debug)]
pub struct ProjectText {
    /// The source's id, as written.
    pub id: Sp<String>,
    /// The path, as written (relative to the project file).
    pub path: Sp<String>,
}

/// A project file, parsed.
#[derive(Clone, Debug)]
pub struct Project {
    /// The file as read, for showing its findings.
    pub file: SourceFile,
    /// `[texts]`, in file order.
    pub texts: Vec<ProjectText>,
    /// `[lints]`, in file order.
    pub lints: Vec<LintSetting>,
}

impl Project {
    /// The levels of `[lints]`, later entries winning.
    pub fn levels(&self) -> Levels {
        let mut levels = Levels::default();
        for setting in &self.lints {
            levels.set(setting.code.value, setting.level.value);
        }
        levels
    }

    /// The texts, each path joined to `dir`, the project file's folder.
    pub fn text_paths(&self, dir: &Path) -> Vec<(String, PathBuf)> {
        self.texts
            .iter()
            .map(|t| (t.id.value.clone(), dir.join(&t.path.value)))
            .collect()
    }

    /// The entry of `[texts]` for source `id`, if any (the last one written).
    pub fn text(&self, id: &str) -> Option<&ProjectText> {
        self.texts.iter().rev().find(|t| t.id.value == id)
    }
}

/// Parses the project file in `bytes`, shown to users as `name`. The
/// project is usable only when the findings are empty.
pub fn parse(name: &str, bytes: &[u8]) -> (Project, Vec<Diagnostic>) {
    let text = match std::str::from_utf8(bytes) {
        Ok(t) => t.strip_prefix('\u{feff}').unwrap_or(t),
        Err(e) => {
            let at = e.valid_up_to();
            let file = SourceFile::new(name, String::from_utf8_lossy(bytes).into_owned());
            let d = Diagnostic::new(
                Code::TomlSyntax,
                at..at + 1,
                format!(
                    "the file is not UTF-8: byte 0x{:02x} is not valid UTF-8",
                    bytes.get(at).copied().unwrap_or(0)
                ),
            )
            .with_label("invalid byte")
            .with_help("TOML files must be UTF-8; re-save the file as UTF-8");
            return (empty(file), vec![d]);
        }
    };
    let mut file = SourceFile::new(name, text);
    if bytes.starts_with(b"\xEF\xBB\xBF") {
        file.text_start = 3;
    }
    let doc = match super::parse(&file.text) {
        Ok(doc) => doc,
        Err((errors, _)) => {
            let diagnostics = super::syntax_diagnostics(&file, &errors);
            return (empty(file), diagnostics);
        }
    };
    let mut walker = Walker::default();
    let mut texts = Vec::new();
    let mut lints = Vec::new();
    for (key, value) in doc.get_ref() {
        let name: &str = key.get_ref();
        match name {
            "texts" => {
                if let Some(t) = walker.table(value, "`[texts]`") {
                    for (id, path) in t {
                        let Some(id) = walker.id(id, "texts") else {
                            continue;
                        };
                        match path.get_ref() {
                            DeValue::String(p) if !p.trim().is_empty() => texts.push(ProjectText {
                                id,
                                path: Sp::new(p.to_string(), path.span()),
                            }),
                            DeValue::String(_) => walker.push(
                                Diagnostic::new(
                                    Code::InvalidValue,
                                    path.span(),
                                    format!("the text of `{}` is an empty path", id.value),
                                )
                                .with_label("no path")
                                .with_help("give the path of the source's plain text, relative to this file"),
                            ),
                            _ => walker.push(
                                Diagnostic::new(
                                    Code::InvalidValue,
                                    path.span(),
                                    format!(
                                        "the text of `{}` must be a path, written as a string",
                                        id.value
                                    ),
                                )
                                .with_label(describe(path))
                                .with_help(format!(
                                    "write `{} = \"PATH\"`, the path relative to this file",
                                    id.value
                                )),
                            ),
                        }
                    }
                }
            }
            "lints" => {
                if let Some(t) = walker.table(value, "`[lints]`") {
                    lints = walker.lints(t);
                }
            }
            _ => walker.unknown(key, format::ProjectFile::KEYS, "the project file", "table"),
        }
    }
    let (mut diagnostics, _) = walker.into_diagnostics();
    diagnostics.sort_by_key(|d| d.span.start);
    (Project { file, texts, lints }, diagnostics)
}

fn empty(file: SourceFile) -> Project {
    Project {
        file,
        texts: Vec::new(),
        lints: Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::indexing_slicing)]

    use super::*;
    use crate::diag::Level;

    #[test]
    fn reads_texts_and_levels_with_their_spans() {
        let text = "[texts]\nlee = \"../chapter.txt\"\n[lints]\nuncited-claim = \"allow\"\n";
        let (p, found) = parse(FILE_NAME, text.as_bytes());
        assert!(found.is_empty(), "{found:?}");
        assert_eq!(p.texts[0].id.value, "lee");
        assert_eq!(&text[p.texts[0].path.span.clone()], "\"../chapter.txt\"");
        assert_eq!(
            p.text_paths(Path::new("maps")),
            [("lee".to_owned(), PathBuf::from("maps/../chapter.txt"))]
        );
        assert_eq!(
            p.levels().level(Code::UncitedClaim, Level::Error),
            Level::Allow
        );
    }

    #[test]
    fn every_problem_is_a_finding_at_its_place() {
        let text = "[text]\na = 1\n[texts]\n\"b c\" = \"x\"\nd = 3\ne = \"\"\n[lints]\nuncited-clam = \"warn\"\norphan-claim = \"loud\"\n";
        let (_, found) = parse(FILE_NAME, text.as_bytes());
        let shown: Vec<(Code, &str)> = found
            .iter()
            .map(|d| (d.code, &text[d.span.clone()]))
            .collect();
        assert_eq!(
            shown,
            [
                (Code::UnknownField, "text"),
                (Code::InvalidValue, "\"b c\""),
                (Code::InvalidValue, "3"),
                (Code::InvalidValue, "\"\""),
                (Code::UnknownField, "uncited-clam"),
                (Code::InvalidValue, "\"loud\""),
            ]
        );
        assert_eq!(found[0].label.as_deref(), Some("did you mean `texts`?"));
        assert_eq!(
            found[4].help.as_deref(),
            Some("did you mean `uncited-claim`?")
        );
    }

    #[test]
    fn a_file_that_is_not_toml_gives_syntax_findings() {
        let (_, found) = parse(FILE_NAME, b"[texts\n");
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].code, Code::TomlSyntax);
        let (_, found) = parse(FILE_NAME, b"a = \"\xff\"\n");
        assert_eq!(found[0].code, Code::TomlSyntax);
        assert_eq!(found[0].span, 5..6);
    }
}
