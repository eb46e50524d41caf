//! `argmap schema`: the JSON Schema of the map format. The committed copy
//! is current; every map that loads without a form-level finding is valid
//! under it, and the fixtures of the form-level codes are not; its tables
//! and keys are the format's (as the JSON export writes them), its `[lints]`
//! are the registry's codes and its `kind` enum the loader's.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use serde_json::Value;

mod common;

const COMMITTED: &str = "schema/argmap.schema.json";
const CHAPTER: &str = "maps/cpc-and-sovereignty.toml";

/// Codes whose findings are about the form of the file, which the schema
/// also checks (in the map file itself).
const FORM_CODES: [&str; 4] = [
    "toml-syntax",
    "unknown-field",
    "invalid-value",
    "missing-field",
];

fn schema() -> Value {
    serde_json::from_str(&argmap::schema::to_json()).unwrap()
}

fn validator() -> jsonschema::Validator {
    jsonschema::options()
        .should_validate_formats(true)
        .build(&schema())
        .unwrap()
}

/// TOML as the JSON a TOML tool shows a schema: dates become strings.
fn to_json(v: &toml::Value) -> Value {
    match v {
        toml::Value::String(s) => Value::String(s.clone()),
        toml::Value::Integer(i) => Value::from(*i),
        toml::Value::Float(f) => Value::from(*f),
        toml::Value::Boolean(b) => Value::Bool(*b),
        toml::Value::Datetime(d) => Value::String(d.to_string()),
        toml::Value::Array(a) => Value::Array(a.iter().map(to_json).collect()),
        toml::Value::Table(t) => {
            Value::Object(t.iter().map(|(k, v)| (k.clone(), to_json(v))).collect())
        }
    }
}

/// Every `.toml` file under `dir`, sorted.
fn toml_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            toml_files(&p, out);
        } else if p.extension().is_some_and(|e| e == "toml") {
            out.push(p);
        }
    }
}

/// The schema's errors for the map file at `path`, or `None` when the file
/// is not TOML.
fn schema_errors(validator: &jsonschema::Validator, path: &Path) -> Option<Vec<String>> {
    let text = std::fs::read_to_string(path).ok()?;
    let value: toml::Value = toml::from_str::<toml::Table>(&text)
        .ok()
        .map(toml::Value::Table)?;
    let json = to_json(&value);
    Some(
        validator
            .iter_errors(&json)
            .map(|e| format!("{}: {e}", e.instance_path()))
            .collect(),
    )
}

/// The form-level codes `argmap check` finds in the map at `path`.
fn form_findings(path: &Path) -> BTreeSet<&'static str> {
    let bytes = std::fs::read(path).unwrap();
    let checked = argmap::check::check(&path.display().to_string(), &bytes, &Default::default());
    let report = &checked.report;
    // Findings in the map's bibliography files are about those files, not
    // about the form of the map.
    report
        .diagnostics
        .iter()
        .filter(|d| std::ptr::eq(report.locate(&d.span).0, &report.file))
        .map(|d| d.code.as_str())
        .filter(|c| FORM_CODES.contains(c))
        .collect()
}

#[test]
fn committed_schema_is_current() {
    let committed = std::fs::read_to_string(COMMITTED).unwrap_or_default();
    assert!(
        committed == argmap::schema::to_json(),
        "{COMMITTED} is stale: run `cargo run -- schema -o {COMMITTED}`"
    );
}

#[test]
fn schema_command_prints_the_schema() {
    let run = common::run(&["schema"]);
    assert_eq!(run.code, 0);
    assert_eq!(run.stdout_utf8(), argmap::schema::to_json());
}

#[test]
fn schema_is_a_draft_07_schema() {
    let s = schema();
    assert_eq!(s["$schema"], "http://json-schema.org/draft-07/schema#");
    assert!(jsonschema::meta::is_valid(&s));
    assert!(
        !argmap::schema::to_json().contains("null"),
        "TOML has no null"
    );
}

#[test]
fn the_chapter_map_is_valid() {
    let errors = schema_errors(&validator(), Path::new(CHAPTER)).unwrap();
    assert!(errors.is_empty(), "{errors:#?}");
}

/// Every map that loads without a form-level finding is valid, and every
/// map with one is not: the schema and the loader agree on the form.
#[test]
fn schema_and_loader_agree_on_every_fixture() {
    let validator = validator();
    let mut files = vec![PathBuf::from(CHAPTER)];
    toml_files(Path::new("tests/fixtures"), &mut files);
    let mut disagreements = Vec::new();
    let mut valid = 0;
    for path in &files {
        let Some(errors) = schema_errors(&validator, path) else {
            continue; // not TOML: toml-syntax, for the editor's parser
        };
        let findings = form_findings(path);
        match (findings.is_empty(), errors.is_empty()) {
            (true, true) => valid += 1,
            (false, false) => {}
            (true, false) => disagreements.push(format!(
                "{}: argmap loads it, the schema rejects it: {errors:?}",
                path.display()
            )),
            (false, true) => disagreements.push(format!(
                "{}: argmap finds {findings:?}, the schema accepts it",
                path.display()
            )),
        }
    }
    assert!(disagreements.is_empty(), "{disagreements:#?}");
    assert!(valid >= 10, "only {valid} valid maps were checked");
}

#[test]
fn the_fixtures_of_form_codes_fail_the_schema() {
    let validator = validator();
    for code in ["unknown-field", "missing-field", "invalid-value"] {
        let path = PathBuf::from(format!("tests/fixtures/rules/{code}.toml"));
        let errors = schema_errors(&validator, &path).unwrap();
        assert!(!errors.is_empty(), "{code}: the schema accepts its fixture");
    }
}

/// The schema-only types read every valid map too.
#[test]
fn schema_types_deserialize_the_chapter_map() {
    let text = std::fs::read_to_string(CHAPTER).unwrap();
    let value = to_json(&toml::Value::Table(toml::from_str(&text).unwrap()));
    let map: argmap::schema::MapFile = serde_json::from_value(value).unwrap();
    assert!(map.claims.is_some_and(|c| c.len() > 10));
}

#[test]
fn lints_name_every_rule_with_its_levels() {
    let s = schema();
    let lints = &s["properties"]["lints"];
    assert_eq!(lints["additionalProperties"], false);
    let codes: BTreeSet<&str> = lints["properties"]
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    let rules: BTreeSet<&str> = argmap::rules::RULES
        .iter()
        .map(|r| r.code.as_str())
        .collect();
    assert_eq!(codes, rules);
    for (code, p) in lints["properties"].as_object().unwrap() {
        assert_eq!(
            p["enum"],
            serde_json::json!(["allow", "warn", "error"]),
            "{code}"
        );
        assert!(p["description"].as_str().unwrap().contains("default level"));
    }
}

#[test]
fn kind_is_the_loaders_enum() {
    let s = schema();
    let kinds: Vec<&str> = s["definitions"]["SourceKind"]["enum"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap())
        .collect();
    let loader: Vec<&str> = argmap::model::SourceKind::names().collect();
    assert_eq!(kinds, loader);
}

/// The keys of each table are the format's: those the JSON export writes
/// for the item (less its `id`), which a test of the export shows to be
/// every key the loader reads.
#[test]
fn tables_have_the_formats_keys() {
    let s = schema();
    let keys = |def: &str| -> BTreeSet<String> {
        s["definitions"][def]["properties"]
            .as_object()
            .unwrap()
            .keys()
            .cloned()
            .collect()
    };
    let bytes = std::fs::read("tests/fixtures/export/everything.toml").unwrap();
    let checked = argmap::check::check("map.toml", &bytes, &Default::default());
    let json: Value =
        serde_json::from_str(&argmap::export::json::to_json(&checked.map.unwrap())).unwrap();
    let exported = |list: &str| -> BTreeSet<String> {
        json[list][0]
            .as_object()
            .unwrap()
            .keys()
            .filter(|k| *k != "id")
            .cloned()
            .collect()
    };
    let top = |v: &Value| -> BTreeSet<String> { v.as_object().unwrap().keys().cloned().collect() };
    assert_eq!(keys("MapTable"), top(&json["map"]));
    assert_eq!(keys("Section"), exported("sections"));
    assert_eq!(keys("Actor"), exported("actors"));
    assert_eq!(keys("Source"), exported("sources"));
    assert_eq!(keys("Claim"), exported("claims"));
    assert_eq!(keys("Argument"), exported("arguments"));
    assert_eq!(keys("Anchor"), top(&json["claims"][0]["anchor"]));
    assert_eq!(keys("Citation"), top(&json["claims"][0]["cites"][0]));
    let tables: BTreeSet<String> = top(&s["properties"]);
    let mut exported_tables = top(&json);
    exported_tables.remove("format");
    exported_tables.remove("version");
    assert_eq!(tables, exported_tables);
}

#[test]
fn ids_dates_and_years_are_constrained() {
    let v = validator();
    let base = r#"
[map]
title = "t"
"#;
    let check = |extra: &str| {
        let table: toml::Table = toml::from_str(&format!("{base}{extra}")).unwrap();
        v.is_valid(&to_json(&toml::Value::Table(table)))
    };
    assert!(check("[claims.ok-id_1]\ntext = \"x\"\n"));
    assert!(!check("[claims.\"not an id\"]\ntext = \"x\"\n"));
    assert!(!check("[claims.a]\ntext = \"x\"\nsupports = [\"b c\"]\n"));
    assert!(check("[sources.s]\ndate = 2024-03-01\n"));
    assert!(!check("[sources.s]\ndate = \"March 2024\"\n"));
    assert!(!check("[sources.s]\nyear = 10000\n"));
    assert!(!check("[sources.s]\nkind = \"blog\"\n"));
    assert!(!check("[arguments.a]\npremises = []\nconclusion = \"c\"\n"));
    assert!(check(
        "[claims.a]\ntext = \"x\"\ncites = [\"s\", { source = \"s\", at = \"p. 1\" }]\n"
    ));
    assert!(!check(
        "[claims.a]\ntext = \"x\"\ncites = [{ source = \"s\", page = 1 }]\n"
    ));
    assert!(!check("[lints]\nno-such-code = \"warn\"\n"));
    assert!(!check("[lints]\nuncited-claim = \"loud\"\n"));
}
