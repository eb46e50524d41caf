//! `check --format sarif`: the findings as a SARIF 2.1.0 log, for code
//! scanning tools. One run; its driver lists every rule of the registry;
//! each result has its location, its secondary labels as related
//! locations, its suggestions as fixes, and its notes and help after its
//! message (the closest passage of a quote, as data, in its properties).
//! Written as `#[derive(Serialize)]` structs of the parts argmap fills:
//! `serde-sarif`, the crate of the whole schema, does not build with the
//! current serde and took 80 s of build to find out (ARCHITECTURE.md).

use std::collections::HashMap;

use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, utf8_percent_encode};
use serde::Serialize;

use super::json::Passage;
use crate::diag::{Code, Diagnostic, FileReport, Level, Severity, SourceFile, Span};

/// The schema of the logs written, as the log names it.
pub const SCHEMA: &str =
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";

/// What the log says of one rule, from the registry.
#[derive(Clone, Debug)]
pub struct RuleInfo {
    /// Its code: the rule's id.
    pub code: Code,
    /// Its level unless configured otherwise.
    pub default_level: Level,
    /// One line.
    pub summary: &'static str,
    /// Its documentation, Markdown (the text of `argmap explain CODE`).
    pub docs: String,
}

/// The tool that made the log.
#[derive(Clone, Copy, Debug)]
pub struct ToolInfo<'a> {
    /// Its name.
    pub name: &'a str,
    /// Its version.
    pub version: &'a str,
    /// Where to read about it (none: the log says nothing).
    pub information_uri: Option<&'a str>,
}

impl ToolInfo<'static> {
    /// argmap itself, with its repository as the place to read about it
    /// when the package names one.
    pub fn argmap() -> Self {
        let repository = env!("CARGO_PKG_REPOSITORY");
        ToolInfo {
            name: env!("CARGO_PKG_NAME"),
            version: env!("CARGO_PKG_VERSION"),
            information_uri: (!repository.is_empty()).then_some(repository),
        }
    }
}

#[derive(Serialize)]
struct Log<'a> {
    #[serde(rename = "$schema")]
    schema: &'static str,
    version: &'static str,
    runs: [Run<'a>; 1],
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Run<'a> {
    tool: Tool<'a>,
    /// Columns count characters (Unicode scalar values), as argmap's do.
    column_kind: &'static str,
    results: Vec<SarifResult<'a>>,
}

#[derive(Serialize)]
struct Tool<'a> {
    driver: Driver<'a>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Driver<'a> {
    name: &'a str,
    version: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    information_uri: Option<&'a str>,
    rules: Vec<Descriptor<'a>>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Descriptor<'a> {
    id: &'static str,
    short_description: Message<'a>,
    full_description: Message<'a>,
    help: Markdown<'a>,
    #[serde(skip_serializing_if = "Option::is_none")]
    help_uri: Option<String>,
    default_configuration: Configuration,
}

#[derive(Serialize)]
struct Configuration {
    /// Absent: the rule is on.
    #[serde(skip_serializing_if = "Option::is_none")]
    enabled: Option<bool>,
    level: &'static str,
}

#[derive(Serialize)]
struct Message<'a> {
    text: std::borrow::Cow<'a, str>,
}

#[derive(Serialize)]
struct Markdown<'a> {
    text: &'a str,
    markdown: &'a str,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SarifResult<'a> {
    rule_id: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    rule_index: Option<usize>,
    level: &'static str,
    message: Message<'a>,
    locations: [Location<'a>; 1],
    #[serde(skip_serializing_if = "Vec::is_empty")]
    related_locations: Vec<Location<'a>>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    fixes: Vec<Fix<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    properties: Option<Properties<'a>>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Location<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    id: Option<usize>,
    physical_location: PhysicalLocation,
    #[serde(skip_serializing_if = "Option::is_none")]
    message: Option<Message<'a>>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct PhysicalLocation {
    artifact_location: ArtifactLocation,
    region: Region,
}

#[derive(Clone, Serialize)]
struct ArtifactLocation {
    uri: String,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Region {
    start_line: usize,
    start_column: usize,
    end_line: usize,
    end_column: usize,
    byte_offset: usize,
    byte_length: usize,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Fix<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    description: Option<Message<'a>>,
    artifact_changes: [ArtifactChange<'a>; 1],
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct ArtifactChange<'a> {
    artifact_location: ArtifactLocation,
    replacements: [Replacement<'a>; 1],
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Replacement<'a> {
    deleted_region: Region,
    inserted_content: Content<'a>,
}

#[derive(Serialize)]
struct Content<'a> {
    text: &'a str,
}

/// What the terminal shows that SARIF has no place for, as data.
#[derive(Serialize)]
struct Properties<'a> {
    /// The closest passage, as `check --format json` writes it.
    closest: Passage<'a>,
}

/// Characters kept as they are in a path made a URI reference: letters,
/// digits, `-._~` and the `/` between segments.
const PATH: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'.')
    .remove(b'_')
    .remove(b'~')
    .remove(b'/');

/// A map's path as the log's URI: a relative reference for a relative
/// path (tools resolve it against the folder they ran in), with `\`
/// written `/` and other characters percent-encoded.
fn uri(name: &str) -> String {
    let path = name.replace('\\', "/");
    utf8_percent_encode(&path, PATH).to_string()
}

fn region(file: &SourceFile, span: &Span) -> Region {
    let start = file.clamp(span.start);
    let end = file.clamp(span.end.max(span.start));
    let (start_line, start_column) = file.line_col(start);
    let (end_line, end_column) = file.line_col(end);
    Region {
        start_line,
        start_column,
        end_line,
        end_column,
        byte_offset: file.file_offset(start),
        byte_length: end - start,
    }
}

fn level(level: Level) -> (Option<bool>, &'static str) {
    match level {
        Level::Error => (None, "error"),
        Level::Warn => (None, "warning"),
        // Off unless turned on, and then a warning (`-W`) at the least.
        Level::Allow => (Some(false), "warning"),
    }
}

/// The first paragraph under `## What it finds`, on one line.
fn what_it_finds(docs: &str) -> String {
    let mut lines = docs.lines().skip_while(|l| l.trim() != "## What it finds");
    lines.next();
    let words: Vec<&str> = lines
        .skip_while(|l| l.trim().is_empty())
        .take_while(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .flat_map(str::split_whitespace)
        .collect();
    words.join(" ")
}

/// Where a rule's documentation is read in the repository at
/// `repository`: the doc comment that opens its file.
pub fn help_uri(repository: &str, code: Code) -> String {
    format!(
        "{}/blob/HEAD/{}",
        repository.trim_end_matches('/'),
        rule_file(code)
    )
}

/// The file that declares the rule of `code`, and documents it.
pub fn rule_file(code: Code) -> String {
    format!("src/rules/{}.rs", code.as_str().replace('-', "_"))
}

fn descriptor<'a>(rule: &'a RuleInfo, tool: &ToolInfo<'_>) -> Descriptor<'a> {
    let (enabled, level) = level(rule.default_level);
    let full = what_it_finds(&rule.docs);
    Descriptor {
        id: rule.code.as_str(),
        short_description: Message {
            text: rule.summary.into(),
        },
        full_description: Message {
            text: if full.is_empty() {
                rule.summary.into()
            } else {
                full.into()
            },
        },
        help: Markdown {
            text: &rule.docs,
            markdown: &rule.docs,
        },
        help_uri: tool.information_uri.map(|u| help_uri(u, rule.code)),
        default_configuration: Configuration { enabled, level },
    }
}

/// The message, then each note and the help on lines of their own, as the
/// terminal shows them.
fn message(d: &Diagnostic) -> String {
    let mut text = d.message.clone();
    for note in d.shown_notes() {
        text.push_str("\nnote: ");
        text.push_str(&note);
    }
    if let Some(help) = &d.help {
        text.push_str("\nhelp: ");
        text.push_str(help);
    }
    text
}

fn result<'a>(
    report: &'a FileReport,
    d: &'a Diagnostic,
    index: &HashMap<Code, usize>,
) -> SarifResult<'a> {
    // A span is in the map file or in a file it names (a bibliography).
    let artifact = |span: &Span| ArtifactLocation {
        uri: uri(&report.locate(span).0.name),
    };
    let at = |span: &Span| {
        let (file, local) = report.locate(span);
        PhysicalLocation {
            artifact_location: artifact(span),
            region: region(file, &local),
        }
    };
    SarifResult {
        rule_id: d.code.as_str(),
        rule_index: index.get(&d.code).copied(),
        level: match d.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        },
        message: Message {
            text: message(d).into(),
        },
        locations: [Location {
            id: None,
            physical_location: at(&d.span),
            message: d.label.as_deref().map(|l| Message { text: l.into() }),
        }],
        related_locations: d
            .secondary
            .iter()
            .enumerate()
            .map(|(i, l)| Location {
                id: Some(i),
                physical_location: at(&l.span),
                message: Some(Message {
                    text: l.message.as_str().into(),
                }),
            })
            .collect(),
        fixes: d
            .suggestions
            .iter()
            .map(|s| Fix {
                description: d.help.as_deref().map(|h| Message { text: h.into() }),
                artifact_changes: [ArtifactChange {
                    artifact_location: artifact(&s.span),
                    replacements: [Replacement {
                        deleted_region: at(&s.span).region,
                        inserted_content: Content {
                            text: &s.replacement,
                        },
                    }],
                }],
            })
            .collect(),
        properties: d.closest.as_deref().map(|c| Properties {
            closest: Passage::of(c),
        }),
    }
}

/// The log of every finding of `reports`, with `rules` (the registry) as
/// the driver's rules.
pub fn render(reports: &[FileReport], rules: &[RuleInfo], tool: ToolInfo<'_>) -> String {
    let index: HashMap<Code, usize> = rules.iter().enumerate().map(|(i, r)| (r.code, i)).collect();
    let results = reports
        .iter()
        .flat_map(|r| r.diagnostics.iter().map(|d| result(r, d, &index)))
        .collect();
    let log = Log {
        schema: SCHEMA,
        version: "2.1.0",
        runs: [Run {
            tool: Tool {
                driver: Driver {
                    name: tool.name,
                    version: tool.version,
                    information_uri: tool.information_uri,
                    rules: rules.iter().map(|r| descriptor(r, &tool)).collect(),
                },
            },
            column_kind: "unicodeCodePoints",
            results,
        }],
    };
    // Serializing plain structs of strings and integers cannot fail.
    serde_json::to_string_pretty(&log).unwrap_or_default() + "\n"
}
