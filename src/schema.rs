//! The JSON Schema of the map format, for editors: completion, hover
//! documentation and validation of map files as they are written (Taplo,
//! Even Better TOML, and any editor that reads JSON Schema for TOML).
//!
//! The types below exist only to be described: they mirror
//! `docs/map-format.md` table by table and key by key, and [`schema`]
//! derives the schema from them (schemars, JSON Schema draft-07, which the
//! TOML tools read). Every table is closed (`additionalProperties: false`),
//! ids carry their pattern, `kind` and the levels of `[lints]` are enums,
//! and the codes of `[lints]` come from the rule registry. TOML dates
//! (`date`, `accessed`) are strings of `"format": "date"`, as TOML tools
//! present them to a JSON Schema.
//!
//! The schema checks the form of a map, not its meaning: references that
//! name nothing, uncited claims and the other findings of `argmap check`
//! are for `argmap check`. A copy is committed at
//! `schema/argmap.schema.json`; `argmap schema` prints it.

use std::collections::BTreeMap;

use schemars::generate::SchemaSettings;
use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde::Deserialize;

/// The pattern of every id.
pub const ID_PATTERN: &str = "^[A-Za-z0-9_-]+$";

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

/// An argument map: one TOML file.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(
    title = "argmap map",
    description = "An argument map for argmap: claims, the premises that support them (alone or jointly, through arguments), the counterpoints that attack them and the sources they cite. See docs/map-format.md."
)]
pub struct MapFile {
    /// The map's own metadata.
    pub map: MapTable,
    /// Per-map rule levels: `code = "allow" | "warn" | "error"`. The command line's `-A/-W/-D` win over them.
    #[serde(default)]
    #[schemars(schema_with = "lints_schema")]
    pub lints: Option<BTreeMap<String, String>>,
    /// How much of its sources' texts the map may reproduce (format version 2).
    pub limits: Option<Limits>,
    /// Sections: `[sections.<id>]`. File order is display order.
    pub sections: Option<BTreeMap<Id, Section>>,
    /// Actors: who holds a claim (`by`).
    pub actors: Option<BTreeMap<Id, Actor>>,
    /// Sources: the bibliography that claims cite.
    pub sources: Option<BTreeMap<Id, Source>>,
    /// Claims: every statement of the map. A claim with `supports` is a premise, one with `attacks` a counterpoint.
    pub claims: Option<BTreeMap<Id, Claim>>,
    /// Arguments: linked premises, which support their conclusion only jointly.
    pub arguments: Option<BTreeMap<Id, Argument>>,
}

/// `[map]`: the map's own metadata.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct MapTable {
    /// The map's title.
    pub title: String,
    /// What the map is about.
    pub description: Option<String>,
    /// The id of the main conclusion: a claim.
    pub thesis: Option<Id>,
    /// The id of the source this map analyses; anchors are checked against its text.
    pub document: Option<Id>,
    /// The format version the map is written in: 2 (absent: 1). `argmap migrate` updates a map.
    #[schemars(range(min = 1, max = 2))]
    pub version: Option<i64>,
}

/// `[limits]`: how much of its sources' texts the map may reproduce.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Limits {
    /// Longest quote, in words (default 12): `quote-too-long`.
    #[schemars(range(min = 1, max = 10000))]
    pub quote_words: Option<i64>,
    /// Most words quoted from one text, as a percentage of the words of its body (default 10): `quote-budget`.
    #[schemars(range(min = 0, max = 100))]
    pub quote_share: Option<f64>,
    /// Shortest run of words shared with a text that `copied-text` reports (default 8).
    #[schemars(range(min = 4, max = 10000))]
    pub copy_run: Option<i64>,
}

/// `[sections.<id>]`: a part of the map, drawn as a cluster.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Section {
    /// Display title; the id is shown when absent.
    pub title: Option<String>,
    /// What the section covers.
    pub description: Option<String>,
    /// The heading of the map's document that the section follows, when it is not the title: anchors in the section count paragraphs under it (format version 2).
    pub heading: Option<String>,
}

/// `[actors.<id>]`: someone who holds claims.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Actor {
    /// Display name; the id is shown when absent.
    pub name: Option<String>,
}

/// The kind of a source.
#[derive(Clone, Copy, Debug, Deserialize, JsonSchema, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum SourceKind {
    Book,
    Chapter,
    Article,
    News,
    Report,
    Web,
    Speech,
    Law,
    Dataset,
    Other,
}

/// `[sources.<id>]`: a bibliography entry. `title`, `authors` and `year` (or `date`) are expected: argmap reports a source without them as `source-missing-field` (a warning).
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Source {
    /// Title.
    pub title: Option<String>,
    /// People or organisations; a person as `Family, Given`.
    pub authors: Option<Vec<String>>,
    /// Year of publication.
    #[schemars(range(min = -9999, max = 9999))]
    pub year: Option<i64>,
    /// Date of publication, a TOML date (`2024-03-01`, unquoted).
    pub date: Option<Date>,
    /// Kind of publication.
    pub kind: Option<SourceKind>,
    /// The journal, book or site it appeared in.
    pub container: Option<String>,
    /// Publisher.
    pub publisher: Option<String>,
    /// Where it can be read: an absolute http(s) URL.
    pub url: Option<String>,
    /// Digital Object Identifier, `10.NNNN/suffix`.
    pub doi: Option<String>,
    /// When the URL was read, a TOML date (`2024-05-02`, unquoted).
    pub accessed: Option<Date>,
    /// How the analysed text cites it (`County Council 2024`).
    pub cited_as: Option<String>,
    /// A local plain-text copy, relative to the map file, against which quotes are checked.
    pub text: Option<String>,
    /// Free text.
    pub note: Option<String>,
}

/// Where the analysed document (`map.document`) states a claim. Provenance, not evidence: it does not count as a citation.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Anchor {
    /// A free locator: page, section, paragraph. Not checked.
    pub at: Option<String>,
    /// The id of the map section whose heading in the document `para` is counted under; absent: the claim's own section (format version 2).
    pub section: Option<Id>,
    /// The paragraph, counted from 1 under the section's heading in the document (from the start of the document when there is no section); checked against the document's text (format version 2).
    #[schemars(range(min = 1))]
    pub para: Option<i64>,
    /// A few distinctive words of the document, checked against its text (and, with `para`, against that paragraph).
    pub quote: Option<String>,
}

/// A citation with a locator or a quote.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Citation {
    /// The id of the cited source.
    pub source: Id,
    /// A free locator: page, section, paragraph.
    pub at: Option<String>,
    /// A short verbatim excerpt of the source, checked against its text.
    pub quote: Option<String>,
}

/// One entry of `cites`: a source id, or `{ source, at, quote }`.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(untagged)]
pub enum CitationEntry {
    /// A bare source id: a citation without locator.
    Source(Id),
    /// A source with a locator or a quote.
    Full(Citation),
}

/// `[claims.<id>]`: a statement of the map.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Claim {
    /// The claim, in the map author's words.
    pub text: String,
    /// The id of the section it belongs to.
    pub section: Option<Id>,
    /// The ids of the actors who hold it.
    pub by: Option<Vec<Id>>,
    /// Where the analysed document states it.
    pub anchor: Option<Anchor>,
    /// The evidence: sources, each a bare id or `{ source, at, quote }`. Every claim must be cited (`uncited-claim`).
    pub cites: Option<Vec<CitationEntry>>,
    /// Claims this claim supports on its own (convergent support).
    pub supports: Option<Vec<Id>>,
    /// Claims this claim rebuts (or undermines, when they are premises), or arguments whose inference it undercuts.
    pub attacks: Option<Vec<Id>>,
    /// Claims or arguments this claim qualifies: a concession or limitation that the map's author grants, which limits them without refuting them (format version 2).
    pub qualifies: Option<Vec<Id>>,
}

/// `[arguments.<id>]`: premises that support the conclusion only jointly (linked support).
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Argument {
    /// The ids of the premises: claims, at least one.
    #[schemars(length(min = 1))]
    pub premises: Vec<Id>,
    /// The id of the conclusion: a claim.
    pub conclusion: Id,
    /// A short name for the argument.
    pub label: Option<String>,
    /// The id of the section it is drawn in (else its conclusion's).
    pub section: Option<Id>,
}

/// `[lints]`: every rule code of the registry, each a level.
fn lints_schema(_: &mut SchemaGenerator) -> Schema {
    let mut properties = serde_json::Map::new();
    for rule in crate::rules::RULES {
        let fixed = if rule.code.is_fixed() {
            " It is always an error: a level here has no effect.".to_owned()
        } else {
            String::new()
        };
        properties.insert(
            rule.code.as_str().to_owned(),
            serde_json::json!({
                "type": "string",
                "enum": ["allow", "warn", "error"],
                "description": format!(
                    "{} (default level: {}).{fixed}",
                    capitalized(rule.summary),
                    rule.default_level
                )
            }),
        );
    }
    json_schema!({
        "type": "object",
        "properties": properties,
        "additionalProperties": false
    })
}

/// `s` with its first letter in upper case.
fn capitalized(s: &str) -> String {
    let mut chars = s.chars();
    chars.next().map_or_else(String::new, |f| {
        f.to_uppercase().collect::<String>() + chars.as_str()
    })
}

/// TOML has no null: an optional key is absent, never `null`. Removes the
/// `null` that schemars allows for every `Option`, everywhere in `v`.
fn strip_null(v: &mut serde_json::Value) {
    use serde_json::Value;
    match v {
        Value::Object(obj) => {
            if obj.get("default") == Some(&Value::Null) {
                obj.remove("default");
            }
            if let Some(Value::Array(types)) = obj.get_mut("type") {
                types.retain(|t| t != "null");
                if let [only] = types.as_slice() {
                    let only = only.clone();
                    obj.insert("type".to_owned(), only);
                }
            }
            if let Some(Value::Array(options)) = obj.get_mut("anyOf") {
                options.retain(|o| o != &serde_json::json!({ "type": "null" }));
                if options.len() == 1 {
                    let options = std::mem::take(options);
                    obj.remove("anyOf");
                    obj.insert("allOf".to_owned(), Value::Array(options));
                }
            }
            obj.values_mut().for_each(strip_null);
        }
        Value::Array(items) => items.iter_mut().for_each(strip_null),
        _ => {}
    }
}

/// The JSON Schema of a map file.
pub fn schema() -> Schema {
    let mut generator = SchemaSettings::draft07().into_generator();
    let schema = generator.root_schema_for::<MapFile>();
    let mut value = schema.to_value();
    strip_null(&mut value);
    Schema::try_from(value).unwrap_or_default()
}

/// The schema as pretty-printed JSON, ending with a newline.
pub fn to_json() -> String {
    serde_json::to_string_pretty(&schema()).unwrap_or_default() + "\n"
}
