//! The JSON Schema of the map format, for editors: completion, hover
//! documentation and validation of map files as they are written (Taplo,
//! Even Better TOML, and any editor that reads JSON Schema for TOML).
//!
//! The tables and keys are the format's one declaration, in
//! [`crate::format`]; [`schema`] derives the schema from it (schemars, JSON
//! Schema draft-07, which the TOML tools read) and fills in the codes of
//! `[lints]` from the rule registry. Every table is closed (`additionalProperties: false`),
//! ids carry their pattern, `kind` and the levels of `[lints]` are enums,
//! and the codes of `[lints]` come from the rule registry. TOML dates
//! (`date`, `accessed`) are strings of `"format": "date"`, as TOML tools
//! present them to a JSON Schema.
//!
//! The schema checks the form of a map, not its meaning: references that
//! name nothing, uncited claims and the other findings of `argmap check`
//! are for `argmap check`. A copy is committed at
//! `schema/argmap.schema.json`; `argmap schema` prints it.

use schemars::Schema;
use schemars::generate::SchemaSettings;

pub use crate::format::{
    Actor, Anchor, Argument, Citation, CitationEntry, Claim, Date, ID_PATTERN, Id, Limits, MapFile,
    MapTable, SOURCE_ID_PATTERN, Section, Source, SourceId, SourceKind,
};

/// `[lints]`: every rule code of the registry, each a level, in place of
/// the declaration's empty object.
fn fill_lints(root: &mut serde_json::Value) {
    let Some(serde_json::Value::Object(lints)) =
        root.get_mut("properties").and_then(|p| p.get_mut("lints"))
    else {
        return;
    };
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
    // Before `additionalProperties`, as a reader expects.
    let additional = lints.remove("additionalProperties");
    lints.insert("properties".to_owned(), properties.into());
    if let Some(a) = additional {
        lints.insert("additionalProperties".to_owned(), a);
    }
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
    fill_lints(&mut value);
    strip_null(&mut value);
    Schema::try_from(value).unwrap_or_default()
}

/// The schema as pretty-printed JSON, ending with a newline.
pub fn to_json() -> String {
    serde_json::to_string_pretty(&schema()).unwrap_or_default() + "\n"
}
