//! Diagnostics: what a check found, where it is, and how serious it is.
//!
//! The library produces [`Diagnostic`] values and never prints them; the
//! renderers in [`render`] turn them into text (human or JSON) for the CLI.

pub mod code;
pub mod level;
pub mod render;
pub mod source;

use serde::Serialize;

use crate::quote;
pub use crate::quote::{DiffWord, Side};
pub use code::Code;
pub use level::{Level, LevelError, Levels};
pub use source::SourceFile;

/// A byte range in a map file, or in one of the other files its findings
/// point into ([`FileReport::others`]), which are placed after it.
pub type Span = std::ops::Range<usize>;

/// How serious a reported finding is. `allow` findings are never reported, so
/// they have no severity.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, strum::IntoStaticStr,
)]
#[serde(rename_all = "lowercase")]
#[strum(serialize_all = "lowercase")]
pub enum Severity {
    /// Reported, but does not fail the check.
    Warning,
    /// Fails the check (exit code 1).
    Error,
}

impl Severity {
    /// The lowercase name used in output (`error`, `warning`).
    pub fn as_str(self) -> &'static str {
        self.into()
    }
}

/// A secondary location that explains the primary one.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Label {
    /// Where.
    pub span: Span,
    /// What is there.
    pub message: String,
}

/// `value` as a TOML string, quoted and escaped: the replacement text of a
/// suggestion that writes a string.
pub fn toml_string(value: &str) -> String {
    toml::Value::String(value.to_owned()).to_string()
}

/// A fix that a tool can apply: the text at `span` replaced by
/// `replacement` (an empty span inserts it). The finding's `help` says it in
/// words.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Suggestion {
    /// What to replace.
    pub span: Span,
    /// The text to put there, as it is to be written in the file.
    pub replacement: String,
}

/// The passage of a source text closest to a quote that is not in it, as
/// shown: cut after the map's `quote-words` limit, as every excerpt of a
/// text argmap shows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Closest {
    /// The text's path, as shown to users.
    pub path: String,
    /// 1-based line of the text where the passage starts.
    pub line: usize,
    /// The passage as the text writes it, whitespace folded.
    pub passage: String,
    /// Whether the passage was cut (shown with `…` after it).
    pub passage_truncated: bool,
    /// The quote against the passage, word by word.
    pub diff: Vec<DiffWord>,
    /// Whether the diff was cut (shown with `…` after it).
    pub diff_truncated: bool,
    /// Whether the words agree, and only punctuation or spacing differs.
    pub words_agree: bool,
}

impl Closest {
    /// The two `note:` lines that show it: the passage, then the words
    /// that differ.
    pub fn notes(&self) -> [String; 2] {
        let cut = |truncated: bool| if truncated { " …" } else { "" };
        let passage = format!(
            "closest passage, line {} of {}: \"{}{}\"",
            self.line,
            self.path,
            self.passage,
            cut(self.passage_truncated)
        );
        let differences = if self.words_agree {
            "the words agree; punctuation differs".to_owned()
        } else {
            format!(
                "differences: {}{}",
                quote::index::marked(&self.diff),
                cut(self.diff_truncated)
            )
        };
        [passage, differences]
    }
}

/// One finding in one map file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    /// What kind of finding it is.
    pub code: Code,
    /// The severity after levels were applied ([`Severity::Error`] until
    /// then: [`Levels::apply`] sets it from the code's level).
    pub severity: Severity,
    /// One line, lowercase, no final period, ids in backticks.
    pub message: String,
    /// The primary location.
    pub span: Span,
    /// Text shown under the primary caret.
    pub label: Option<String>,
    /// Other locations that explain this one.
    pub secondary: Vec<Label>,
    /// `= note:` lines.
    pub notes: Vec<String>,
    /// A `= help:` line: how to fix it.
    pub help: Option<String>,
    /// Fixes a tool can apply, which `help` describes.
    pub suggestions: Vec<Suggestion>,
    /// For a quote that is not in its text, the closest passage (shown as
    /// notes before `notes`).
    pub closest: Option<Box<Closest>>,
    /// The section of the map it is in: an index into its
    /// [`FileReport::sections`], set by the check once every rule ran;
    /// `None` for a finding outside any section's claims and arguments
    /// (`[map]`, `[sources]`, ...).
    pub section: Option<usize>,
}

impl Diagnostic {
    /// A finding with `code` at `span`; an error until [`Levels::apply`]
    /// gives it the severity of its code's level.
    pub fn new(code: Code, span: Span, message: impl Into<String>) -> Self {
        Diagnostic {
            code,
            severity: Severity::Error,
            message: message.into(),
            span,
            label: None,
            secondary: Vec::new(),
            notes: Vec::new(),
            help: None,
            suggestions: Vec::new(),
            closest: None,
            section: None,
        }
    }

    /// Sets the label under the primary caret.
    pub fn with_label(mut self, label: impl Into<String>) -> Self {
        self.label = Some(label.into());
        self
    }

    /// Adds a secondary location.
    pub fn with_secondary(mut self, span: Span, message: impl Into<String>) -> Self {
        self.secondary.push(Label {
            span,
            message: message.into(),
        });
        self
    }

    /// Adds a `note:` line.
    pub fn with_note(mut self, note: impl Into<String>) -> Self {
        self.notes.push(note.into());
        self
    }

    /// Sets the `help:` line.
    pub fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    /// Adds a fix: `replacement` written over `span`. The `help:` line
    /// says it in words.
    pub fn with_suggestion(mut self, span: Span, replacement: impl Into<String>) -> Self {
        self.suggestions.push(Suggestion {
            span,
            replacement: replacement.into(),
        });
        self
    }

    /// Sets the closest passage to a quote that is not in its text.
    pub fn with_closest(mut self, closest: Closest) -> Self {
        self.closest = Some(Box::new(closest));
        self
    }

    /// Every `note:` line as shown: the closest passage's, then `notes`.
    pub fn shown_notes(&self) -> Vec<std::borrow::Cow<'_, str>> {
        let from_closest = if self.closest.is_some() { 2 } else { 0 };
        let mut out: Vec<std::borrow::Cow<'_, str>> =
            Vec::with_capacity(self.notes.len() + from_closest);
        if let Some(c) = &self.closest {
            out.extend(c.notes().map(std::borrow::Cow::Owned));
        }
        out.extend(
            self.notes
                .iter()
                .map(|n| std::borrow::Cow::Borrowed(n.as_str())),
        );
        out
    }
}

/// Counts for the closing summary of a check.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Summary {
    /// Map files read.
    pub maps: usize,
    /// Claims in them.
    pub claims: usize,
    /// Sources in them.
    pub sources: usize,
    /// Error-level findings.
    pub errors: usize,
    /// Warning-level findings.
    pub warnings: usize,
}

/// The findings for one map file, with the files they point into.
#[derive(Clone, Debug)]
pub struct FileReport {
    /// The file as read (with its line index).
    pub file: SourceFile,
    /// The other files that findings point into (the map's bibliography
    /// files), in order; a span at or after one's `base` is in it. Read
    /// spans through [`FileReport::locate`].
    pub others: Vec<OtherFile>,
    /// Findings, in file order.
    pub diagnostics: Vec<Diagnostic>,
    /// Claims in the map (0 when it could not be read).
    pub claims: usize,
    /// Sources in the map.
    pub sources: usize,
    /// What the map reproduces of each source text that was read.
    pub texts: Vec<TextSummary>,
    /// The map's sections, in file order, then the claims in no section
    /// (when there are any): what the summary of `check` counts by.
    pub sections: Vec<SectionFacts>,
    /// How much of the map's document its claims' anchors cover, when the
    /// document's text was read.
    pub coverage: Option<DocumentCoverage>,
}

/// One section of a map, as the summary of `check` shows it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct SectionFacts {
    /// The section's id; `None` for the claims in no section.
    pub id: Option<String>,
    /// Its title (its id when it has none).
    pub title: String,
    /// Claims in it.
    pub claims: usize,
    /// Its claims that `uncited-claim` reports, in file order.
    pub uncited: Vec<String>,
}

/// What a map reproduces of one source text: the figures of the copy
/// rules, for the summary.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct TextSummary {
    /// The source's id.
    pub source: String,
    /// The text's path, as shown to users.
    pub path: String,
    /// Words in the text's body (before its reference list).
    pub words: usize,
    /// Quotes from the text.
    pub quotes: usize,
    /// Words in those quotes.
    pub quoted_words: usize,
    /// Quoted words as a percentage of the body's words.
    pub quoted_percent: f64,
    /// The map's limit on that percentage.
    pub quoted_limit_percent: f64,
    /// The percentage of the body covered by runs of 8 or more words
    /// shared with the map's strings.
    pub covered_8_percent: f64,
    /// The same for runs of 6 or more words.
    pub covered_6_percent: f64,
    /// The longest shared run, in words (0: none of 6 or more).
    pub longest_run: usize,
    /// The field it is in: `claims.x.text`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub longest_in: Option<String>,
}

/// How much of the map's document its claims' anchors cover: the body
/// paragraphs that some claim's anchor locates, for the summary of `check`
/// and the report.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct DocumentCoverage {
    /// The document's source id.
    pub source: String,
    /// Its text's path, as shown to users.
    pub path: String,
    /// Body paragraphs counted: those under the body's headings, or every
    /// paragraph of a body without headings.
    pub paragraphs: usize,
    /// Of those, the ones some claim's anchor locates.
    pub anchored: usize,
    /// `anchored` as a percentage of `paragraphs` (0 when there are none).
    pub anchored_percent: f64,
    /// Paragraphs before the first heading, not counted (front matter).
    pub front_matter: usize,
    /// Each heading of the body that has paragraphs, in the document's
    /// order (one without a heading for a body that has none).
    pub headings: Vec<HeadingCoverage>,
}

/// The coverage of the paragraphs under one heading of the document.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct HeadingCoverage {
    /// The heading, as the document writes it; absent for a body without
    /// headings.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub heading: Option<String>,
    /// The id of the map section that maps to it, if one does.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub section: Option<String>,
    /// Its paragraphs.
    pub paragraphs: usize,
    /// The numbers (from 1, under the heading) of those that no claim's
    /// anchor locates.
    pub uncovered: Vec<usize>,
}

/// A file other than the map that findings point into, and where its
/// bytes begin in their spans: its byte `k` is at `base + k`.
#[derive(Clone, Debug)]
pub struct OtherFile {
    /// Where its first byte is in spans: after the map's text and the
    /// other files before it.
    pub base: usize,
    /// The file as read.
    pub file: SourceFile,
}

impl FileReport {
    /// The report of a file that is not a map (not TOML): its findings
    /// alone, nothing counted.
    pub fn unread(file: SourceFile, diagnostics: Vec<Diagnostic>) -> FileReport {
        FileReport {
            file,
            others: Vec::new(),
            diagnostics,
            claims: 0,
            sources: 0,
            texts: Vec::new(),
            sections: Vec::new(),
            coverage: None,
        }
    }

    /// The file that `span` is in, and the span within that file: the map
    /// file, or the last of [`FileReport::others`] that begins at or before
    /// it.
    pub fn locate(&self, span: &Span) -> (&SourceFile, Span) {
        let after = self.others.partition_point(|o| o.base <= span.start);
        match after.checked_sub(1).and_then(|i| self.others.get(i)) {
            Some(o) => (
                &o.file,
                span.start - o.base..span.end.max(span.start) - o.base,
            ),
            None => (&self.file, span.clone()),
        }
    }

    /// Error-level findings.
    pub fn errors(&self) -> usize {
        self.diagnostics
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .count()
    }

    /// Warning-level findings.
    pub fn warnings(&self) -> usize {
        self.diagnostics
            .iter()
            .filter(|d| d.severity == Severity::Warning)
            .count()
    }
}

/// Adds up the counts of several file reports.
pub fn summarize(reports: &[FileReport]) -> Summary {
    let mut s = Summary {
        maps: reports.len(),
        ..Summary::default()
    };
    for r in reports {
        s.claims += r.claims;
        s.sources += r.sources;
        s.errors += r.errors();
        s.warnings += r.warnings();
    }
    s
}
