//! The map format, declared once: every table, its keys in the order the
//! format documents them, their types and their documentation.
//!
//! The loader reads a map by hand, so that one run reports every problem
//! and keeps every usable item (serde would stop at the first); the types
//! here say what it must read. From this one declaration come:
//!
//! - the keys each table takes (`Claim::KEYS`, ...), which the loader checks
//!   every key against, lists in its `unknown-field` notes and suggests
//!   from;
//! - the JSON Schema (the `schema` module, through schemars), with each key's
//!   documentation;
//! - the spellings of a source's `kind` ([`SourceKind`], which the model
//!   uses as it is).
//!
//! A test in the loader reads a map that sets every declared key, and fails
//! when the loader asks for a key not declared here or leaves one unread.

use std::collections::BTreeMap;

use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde::Deserialize;
use strum::{EnumString, IntoStaticStr, VariantArray};

/// Declares one table of the format: a struct for the schema, whose fields
/// are the table's keys, and its `KEYS` in the order written.
macro_rules! table {
    (
        $(#[$meta:meta])*
        pub struct $name:ident {
            $(
                $(#[$fmeta:meta])*
                $key:literal $field:ident : $ty:ty,
            )*
        }
    ) => {
        #[derive(Debug, Deserialize, JsonSchema)]
        #[serde(deny_unknown_fields)]
        $(#[$meta])*
        pub struct $name {
            $(
                $(#[$fmeta])*
                #[serde(rename = $key)]
                pub $field: $ty,
            )*
        }

        impl $name {
            /// The keys of this table, in the order the format documents them.
            pub const KEYS: &'static [&'static str] = &[$($key),*];
        }
    };
}

/// The pattern of every id but a source's.
pub const ID_PATTERN: &str = "^[A-Za-z0-9_-]+$";

/// The pattern of a source's id: an id, or a citation key as bibliography
/// files write them (`lee:2023.cpc`, `DBLP:journals/cpc/Lee23`).
pub const SOURCE_ID_PATTERN: &str = "^[A-Za-z0-9_:./+-]+$";

/// Whether `id` is an id ([`ID_PATTERN`]).
pub fn is_id(id: &str) -> bool {
    !id.is_empty()
        && id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

/// Whether `id` is a source's id ([`SOURCE_ID_PATTERN`]).
pub fn is_source_id(id: &str) -> bool {
    !id.is_empty()
        && id.bytes().all(|b| {
            b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b':' | b'.' | b'/' | b'+')
        })
}

/// An id: a table key such as `[claims.<id>]`, or a reference to one.
#[derive(Clone, Debug, Deserialize, PartialEq, Eq, PartialOrd, Ord)]
pub struct Id(pub String);

impl JsonSchema for Id {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Id".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "type": "string",
            "pattern": ID_PATTERN,
            "description": "An id: ASCII letters, digits, `-` and `_`. One id names one thing across the whole map (claims, arguments, sources, sections and actors share one namespace)."
        })
    }
}

/// A source's id: an [`Id`], or a citation key with `:`, `.`, `/` or `+`.
#[derive(Clone, Debug, Deserialize, PartialEq, Eq, PartialOrd, Ord)]
pub struct SourceId(pub String);

impl JsonSchema for SourceId {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "SourceId".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "type": "string",
            "pattern": SOURCE_ID_PATTERN,
            "description": "A source's id: ASCII letters, digits, `-` and `_`, and also `:`, `.`, `/` and `+`, as citation keys of bibliography files have them (`lee:2023.cpc`). It shares the one namespace of ids."
        })
    }
}

/// A number as bibliographies write it: an integer (`14`), or a string
/// (`"14"`, `"3–4"`, `"Spring"`, `"160–175"`).
#[derive(Clone, Debug, Deserialize, PartialEq, Eq)]
pub struct Numbering(pub String);

impl JsonSchema for Numbering {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Numbering".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "type": ["string", "integer"],
            "description": "An integer (`14`), or a string (`\"3-4\"`, `\"Spring\"`)."
        })
    }
}

/// A TOML date without time, such as `2024-03-01` (unquoted in the TOML).
#[derive(Clone, Debug, Deserialize, PartialEq, Eq)]
pub struct Date(pub String);

impl JsonSchema for Date {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Date".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "type": "string",
            "format": "date",
            "pattern": "^-?[0-9]{4}-[0-9]{2}-[0-9]{2}$",
            "description": "A TOML date without time, written unquoted: `2024-03-01`."
        })
    }
}

table! {
/// An argument map: one TOML file.
#[schemars(
    title = "argmap map",
    description = "An argument map for argmap: claims, the premises that support them (alone or jointly, through arguments), the counterpoints that attack them and the sources they cite. See docs/map-format.md."
)]
pub struct MapFile {
    /// The map's own metadata.
    "map" map: MapTable,
    /// Per-map rule levels: `code = "allow" | "warn" | "error"`. The command line's `-A/-W/-D` win over them.
    #[serde(default)]
    #[schemars(schema_with = "lints_schema")]
    "lints" lints: Option<BTreeMap<String, String>>,
    /// How much of its sources' texts the map may reproduce (format version 2).
    "limits" limits: Option<Limits>,
    /// Sections: `[sections.<id>]`. File order is display order.
    "sections" sections: Option<BTreeMap<Id, Section>>,
    /// Actors: who holds a claim (`by`).
    "actors" actors: Option<BTreeMap<Id, Actor>>,
    /// Sources: the bibliography that claims cite. A table whose id is the key of an entry of a `bibliography` file adds to that entry.
    "sources" sources: Option<BTreeMap<SourceId, Source>>,
    /// Claims: every statement of the map. A claim with `supports` is a premise, one with `attacks` a counterpoint.
    "claims" claims: Option<BTreeMap<Id, Claim>>,
    /// Arguments: linked premises, which support their conclusion only jointly.
    "arguments" arguments: Option<BTreeMap<Id, Argument>>,
}
}

table! {
/// `[map]`: the map's own metadata.
pub struct MapTable {
    /// The map's title.
    "title" title: String,
    /// What the map is about.
    "description" description: Option<String>,
    /// The id of the main conclusion: a claim.
    "thesis" thesis: Option<Id>,
    /// The id of the source this map analyses; anchors are checked against its text.
    "document" document: Option<SourceId>,
    /// The format version the map is written in: 2 (absent: 1). `argmap migrate` updates a map.
    #[schemars(range(min = 1, max = 2))]
    "version" version: Option<i64>,
    /// Bibliography files whose entries are sources of the map, keyed by their citation keys: BibTeX or BibLaTeX (`.bib`), CSL-JSON (`.json`) or Hayagriva YAML (`.yaml`, `.yml`); paths relative to the map file, inside its folder.
    "bibliography" bibliography: Option<Vec<String>>,
}
}

table! {
/// `[limits]`: how much of its sources' texts the map may reproduce.
pub struct Limits {
    /// Longest quote, in words (default 12): `quote-too-long`.
    #[schemars(range(min = 1, max = 10000))]
    "quote-words" quote_words: Option<i64>,
    /// Most words quoted from one text, as a percentage of the words of its body (default 10): `quote-budget`.
    #[schemars(range(min = 0, max = 100))]
    "quote-share" quote_share: Option<f64>,
    /// Shortest run of words shared with a text that `copied-text` reports (default 8).
    #[schemars(range(min = 4, max = 10000))]
    "copy-run" copy_run: Option<i64>,
}
}

table! {
/// `[sections.<id>]`: a part of the map, drawn as a cluster.
pub struct Section {
    /// Display title; the id is shown when absent.
    "title" title: Option<String>,
    /// What the section covers.
    "description" description: Option<String>,
    /// The heading of the map's document that the section follows, when it is not the title: anchors in the section count paragraphs under it (format version 2).
    "heading" heading: Option<String>,
}
}

table! {
/// `[actors.<id>]`: someone who holds claims.
pub struct Actor {
    /// Display name; the id is shown when absent.
    "name" name: Option<String>,
}
}

/// The kind of a source (`kind = "..."`).
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, Hash, Deserialize, IntoStaticStr, EnumString, VariantArray,
)]
#[serde(rename_all = "lowercase")]
#[strum(serialize_all = "lowercase")]
pub enum SourceKind {
    /// A book.
    Book,
    /// A chapter in an edited book.
    Chapter,
    /// A journal or magazine article.
    Article,
    /// A news item.
    News,
    /// A report.
    Report,
    /// A web page.
    Web,
    /// A speech.
    Speech,
    /// A law or regulation.
    Law,
    /// A data set.
    Dataset,
    /// Anything else.
    Other,
}

impl SourceKind {
    /// How a map writes it: `book`, `chapter`, ...
    pub fn name(self) -> &'static str {
        self.into()
    }

    /// Parses a spelling.
    pub fn parse(s: &str) -> Option<SourceKind> {
        s.parse().ok()
    }

    /// Every spelling, in the order of the format's documentation.
    pub fn names() -> impl Iterator<Item = &'static str> + Clone {
        Self::VARIANTS.iter().map(|k| k.name())
    }
}

impl JsonSchema for SourceKind {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "SourceKind".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        let names: Vec<&str> = Self::names().collect();
        json_schema!({
            "description": "The kind of a source.",
            "type": "string",
            "enum": names
        })
    }
}

table! {
/// `[sources.<id>]`: a bibliography entry. `title`, `authors` and `year` (or `date`) are expected: argmap reports a source without them as `source-missing-field` (a warning).
pub struct Source {
    /// Title.
    "title" title: Option<String>,
    /// People or organisations; a person as `Family, Given`.
    "authors" authors: Option<Vec<String>>,
    /// Year of publication.
    #[schemars(range(min = -9999, max = 9999))]
    "year" year: Option<i64>,
    /// Date of publication, a TOML date (`2024-03-01`, unquoted).
    "date" date: Option<Date>,
    /// Kind of publication.
    "kind" kind: Option<SourceKind>,
    /// The journal, book or site it appeared in.
    "container" container: Option<String>,
    /// The volume of the journal or of the work it is part of.
    "volume" volume: Option<Numbering>,
    /// The issue (number) of the journal.
    "issue" issue: Option<Numbering>,
    /// The pages it occupies in its container: `160-175`.
    "pages" pages: Option<Numbering>,
    /// Publisher.
    "publisher" publisher: Option<String>,
    /// Where it can be read: an absolute http(s) URL.
    "url" url: Option<String>,
    /// Digital Object Identifier, `10.NNNN/suffix`.
    "doi" doi: Option<String>,
    /// International Standard Book Number: ISBN-10 or ISBN-13, hyphens and spaces allowed.
    "isbn" isbn: Option<String>,
    /// When the URL was read, a TOML date (`2024-05-02`, unquoted).
    "accessed" accessed: Option<Date>,
    /// How the analysed text cites it (`County Council 2024`).
    "cited-as" cited_as: Option<String>,
    /// The entry as the analysed text's reference list prints it, to check the list when the text is not at hand and to compare with the fields above.
    "printed" printed: Option<String>,
    /// A local plain-text copy, relative to the map file, against which quotes are checked.
    "text" text: Option<String>,
    /// Free text.
    "note" note: Option<String>,
}
}

table! {
/// Where the analysed document (`map.document`) states a claim. Provenance, not evidence: it does not count as a citation.
pub struct Anchor {
    /// A free locator: page, section, paragraph. Not checked.
    "at" at: Option<String>,
    /// The id of the map section whose heading in the document `para` is counted under; absent: the claim's own section (format version 2).
    "section" section: Option<Id>,
    /// The paragraph, counted from 1 under the section's heading in the document (from the start of the document when there is no section); checked against the document's text (format version 2).
    #[schemars(range(min = 1))]
    "para" para: Option<i64>,
    /// A few distinctive words of the document, checked against its text (and, with `para`, against that paragraph).
    "quote" quote: Option<String>,
}
}

table! {
/// A citation with a locator or a quote.
pub struct Citation {
    /// The id of the cited source.
    "source" source: SourceId,
    /// A free locator: page, section, paragraph.
    "at" at: Option<String>,
    /// A short verbatim excerpt of the source, checked against its text.
    "quote" quote: Option<String>,
}
}

/// One entry of `cites`: a source id, or `{ source, at, quote }`.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(untagged)]
pub enum CitationEntry {
    /// A bare source id: a citation without locator.
    Source(SourceId),
    /// A source with a locator or a quote.
    Full(Citation),
}

table! {
/// `[claims.<id>]`: a statement of the map.
pub struct Claim {
    /// The claim, in the map author's words.
    "text" text: String,
    /// The id of the section it belongs to.
    "section" section: Option<Id>,
    /// The ids of the actors who hold it.
    "by" by: Option<Vec<Id>>,
    /// Where the analysed document states it.
    "anchor" anchor: Option<Anchor>,
    /// The evidence: sources, each a bare id or `{ source, at, quote }`. Every claim must be cited (`uncited-claim`).
    "cites" cites: Option<Vec<CitationEntry>>,
    /// Claims this claim supports on its own (convergent support).
    "supports" supports: Option<Vec<Id>>,
    /// Claims this claim rebuts (or undermines, when they are premises), or arguments whose inference it undercuts.
    "attacks" attacks: Option<Vec<Id>>,
    /// Claims or arguments this claim qualifies: a concession or limitation that the map's author grants, which limits them without refuting them (format version 2).
    "qualifies" qualifies: Option<Vec<Id>>,
    /// Free labels for grouping, colouring and filtering diagrams (`render --color-by tag`, `--tag`), such as `economy` or `disputed`.
    "tags" tags: Option<Vec<String>>,
}
}

table! {
/// `[arguments.<id>]`: premises that support the conclusion only jointly (linked support).
pub struct Argument {
    /// The ids of the premises: claims, at least one.
    #[schemars(length(min = 1))]
    "premises" premises: Vec<Id>,
    /// The id of the conclusion: a claim.
    "conclusion" conclusion: Id,
    /// A short name for the argument.
    "label" label: Option<String>,
    /// The id of the section it is drawn in (else its conclusion's).
    "section" section: Option<Id>,
}
}

table! {
/// `argmap-project.toml`: what the maps of a folder share (see the `load::project` module).
pub struct ProjectFile {
    /// The plain text of a source, by source id: `id = "PATH"`, relative to the project file; wins over the source's `text` key, and `--text` wins over it.
    "texts" texts: Option<BTreeMap<Id, String>>,
    /// Rule levels, `code = "allow" | "warn" | "error"`, under each map's own `[lints]`.
    #[serde(default)]
    #[schemars(schema_with = "lints_schema")]
    "lints" lints: Option<BTreeMap<String, String>>,
}
}

/// `[lints]`: a level per rule code. The codes and their documentation are
/// the rule registry's, which the `schema` module fills in.
fn lints_schema(_: &mut SchemaGenerator) -> Schema {
    json_schema!({
        "type": "object",
        "additionalProperties": false
    })
}

/// Every table and its keys, by the name the loader gives it in messages.
pub const TABLES: &[(&str, &[&str])] = &[
    ("the map", MapFile::KEYS),
    ("`[map]`", MapTable::KEYS),
    ("`[limits]`", Limits::KEYS),
    ("section", Section::KEYS),
    ("actor", Actor::KEYS),
    ("source", Source::KEYS),
    ("claim", Claim::KEYS),
    ("citation", Citation::KEYS),
    ("anchor", Anchor::KEYS),
    ("argument", Argument::KEYS),
];
