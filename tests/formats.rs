//! `check`'s output for tools: JSON, SARIF and GitHub annotations carry
//! what the terminal shows of each finding (its label, notes, help and
//! related locations), the fixes a tool can apply, and the closest passage
//! of a misquote. SARIF logs are valid under the official SARIF 2.1.0
//! schema (`tests/sarif/`); suggestions, applied, fix what they suggest.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use std::path::{Path, PathBuf};

use argmap::diag::FileReport;
use argmap::diag::render::{github, human, json, sarif};
use argmap::rules::RULES;
use serde_json::Value;

mod common;

/// The day the snapshots were taken: `accessed-date` compares with it.
const TODAY: argmap::model::Date = jiff::civil::date(2026, 11, 26);

/// Fixtures whose findings have notes, help, suggestions, related
/// locations and a closest passage: the formats are snapshot on these.
const SHOWN: [&str; 4] = [
    "tests/fixtures/rules/quote-not-found.toml",
    "tests/fixtures/rules/duplicate-id.toml",
    "tests/fixtures/rules/invalid-value.toml",
    "tests/fixtures/rules/unknown-field.toml",
];

fn check_bytes(name: &str, bytes: &[u8]) -> FileReport {
    let options = argmap::check::Options {
        today: Some(TODAY),
        ..Default::default()
    };
    argmap::check::check_with(name, bytes, &options).report
}

fn check(path: &str) -> FileReport {
    check_bytes(path, &std::fs::read(path).unwrap())
}

/// Every rule's fixture, and the fixtures of the command line.
fn fixtures() -> Vec<String> {
    let mut out: Vec<String> = RULES
        .iter()
        .map(|r| format!("tests/fixtures/rules/{}.toml", r.code))
        .collect();
    let mut cli: Vec<PathBuf> = std::fs::read_dir("tests/fixtures/cli")
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .collect();
    cli.sort();
    out.extend(cli.iter().map(|p| p.display().to_string()));
    out
}

fn sarif_validator() -> jsonschema::Validator {
    let schema: Value = serde_json::from_str(
        &std::fs::read_to_string("tests/sarif/sarif-schema-2.1.0.json").unwrap(),
    )
    .unwrap();
    jsonschema::options()
        .should_validate_formats(true)
        .build(&schema)
        .unwrap()
}

fn assert_valid_sarif(validator: &jsonschema::Validator, log: &str, what: &str) {
    let value: Value = serde_json::from_str(log).unwrap();
    let errors: Vec<String> = validator
        .iter_errors(&value)
        .map(|e| format!("{}: {e}", e.instance_path()))
        .collect();
    assert!(
        errors.is_empty(),
        "the SARIF log of {what} is not valid SARIF 2.1.0:\n{}",
        errors.join("\n")
    );
}

/// A repository address, for the URIs a log names when the package has one.
const REPOSITORY: &str = "https://example.org/argmap";

fn sarif_log(reports: &[FileReport]) -> String {
    let tool = sarif::ToolInfo {
        information_uri: Some(REPOSITORY),
        ..sarif::ToolInfo::argmap()
    };
    sarif::render(reports, &argmap::rules::sarif_rules(), tool)
}

/// The log with argmap's version replaced, so that a release does not
/// change the snapshots.
fn without_version(log: &str) -> String {
    let mut v: Value = serde_json::from_str(log).unwrap();
    v["runs"][0]["tool"]["driver"]["version"] = Value::from("[version]");
    serde_json::to_string_pretty(&v).unwrap() + "\n"
}

#[test]
fn json_carries_every_line_the_terminal_shows() {
    for path in fixtures() {
        let reports = [check(&path)];
        let human = human::render(&reports, false, false);
        let v: Value = serde_json::from_str(&json::render(&reports)).unwrap();
        assert_eq!(v["version"], json::VERSION);
        let findings = v["diagnostics"].as_array().unwrap();
        assert_eq!(findings.len(), reports[0].diagnostics.len(), "{path}");
        let mut notes = 0;
        let mut helps = 0;
        for d in findings {
            let shown = |text: &Value| {
                let text = text.as_str().unwrap();
                assert!(
                    human.contains(&*human::one_line(text)),
                    "{path}: {text:?} is in the JSON but not in the terminal's output:\n{human}"
                );
            };
            shown(&d["message"]);
            if !d["help"].is_null() {
                shown(&d["help"]);
            }
            // An empty file has no line to draw a label under.
            if !d["label"].is_null() && !reports[0].file.text.is_empty() {
                shown(&d["label"]);
            }
            for n in d["notes"].as_array().unwrap() {
                shown(n);
                notes += 1;
            }
            helps += usize::from(!d["help"].is_null());
            for r in d["related"].as_array().unwrap() {
                shown(&r["message"]);
                // In the same map: its file, or a bibliography file it
                // names (`map` names the map then).
                let map_of =
                    |v: &Value| v["map"].as_str().or(v["file"].as_str()).unwrap().to_owned();
                assert_eq!(map_of(r), map_of(d));
                assert!(r["offset"].as_u64() <= r["end_offset"].as_u64());
            }
            for s in d["suggestions"].as_array().unwrap() {
                assert!(s["replacement"].is_string(), "{path}: {s}");
                assert!(s["line"].as_u64() <= s["end_line"].as_u64());
            }
        }
        assert_eq!(
            notes,
            human.matches("= note: ").count(),
            "{path}: the JSON has not every note the terminal shows"
        );
        assert_eq!(
            helps,
            human.matches("= help: ").count(),
            "{path}: the JSON has not every help the terminal shows"
        );
    }
}

#[test]
fn the_closest_passage_is_data_and_its_notes_are_the_terminal_s() {
    let reports = [check("tests/fixtures/rules/quote-not-found.toml")];
    let v: Value = serde_json::from_str(&json::render(&reports)).unwrap();
    let misquotes: Vec<&Value> = v["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["code"] == "quote-not-found")
        .collect();
    let with_passage: Vec<&Value> = misquotes
        .iter()
        .copied()
        .filter(|d| !d["closest"].is_null())
        .collect();
    assert_eq!(with_passage.len(), 3, "{misquotes:#?}");
    for d in with_passage {
        let c = &d["closest"];
        // The diff, word by word, writes the note the terminal shows.
        let marked: Vec<String> = c["diff"]
            .as_array()
            .unwrap()
            .iter()
            .map(|w| {
                let word = w["word"].as_str().unwrap();
                match w["in"].as_str().unwrap() {
                    "both" => word.to_owned(),
                    "quote" => format!("[-{word}-]"),
                    "text" => format!("{{+{word}+}}"),
                    other => panic!("unknown side {other}"),
                }
            })
            .collect();
        assert_eq!(
            d["notes"][1],
            format!("differences: {}", marked.join(" ")),
            "{d:#}"
        );
        assert_eq!(
            d["notes"][0],
            format!(
                "closest passage, line {} of {}: \"{}\"",
                c["line"],
                c["file"].as_str().unwrap(),
                c["passage"].as_str().unwrap()
            )
        );
        assert_eq!(c["words_agree"], false);
    }
}

#[test]
fn suggestions_applied_fix_what_they_suggest() {
    let mut applied = 0;
    for path in fixtures() {
        let bytes = std::fs::read(&path).unwrap();
        let report = check(&path);
        for d in &report.diagnostics {
            let before = report
                .diagnostics
                .iter()
                .filter(|e| e.code == d.code)
                .count();
            for s in &d.suggestions {
                let start = report.file.file_offset(s.span.start);
                let end = report.file.file_offset(s.span.end);
                let mut fixed = bytes[..start].to_vec();
                fixed.extend_from_slice(s.replacement.as_bytes());
                fixed.extend_from_slice(&bytes[end..]);
                // Under the fixture's name: its texts are found beside it.
                let after = check_bytes(&path, &fixed);
                let what = format!(
                    "{path}: `{}` with {:?} over {:?} (`{}`)",
                    d.code, s.replacement, s.span, d.message
                );
                assert!(
                    after
                        .diagnostics
                        .iter()
                        .all(|e| e.code != argmap::diag::Code::TomlSyntax),
                    "{what} is not TOML: {:#?}",
                    after.diagnostics
                );
                let left = after
                    .diagnostics
                    .iter()
                    .filter(|e| e.code == d.code)
                    .count();
                assert!(
                    left < before,
                    "{what} leaves {left} of {before} findings: {:#?}",
                    after.diagnostics
                );
                assert!(
                    after.diagnostics.len() < report.diagnostics.len(),
                    "{what} gives as many findings as before: {:#?}",
                    after.diagnostics
                );
                applied += 1;
            }
        }
    }
    // The fixtures hold the suggestions of the loader (keys, kinds, types)
    // and of the rules (references, DOIs, text fragments).
    assert!(applied >= 10, "only {applied} suggestions were tried");
}

#[test]
fn sarif_logs_are_valid_under_the_schema() {
    let validator = sarif_validator();
    let mut reports = Vec::new();
    for path in fixtures() {
        let report = check(&path);
        assert_valid_sarif(&validator, &sarif_log(std::slice::from_ref(&report)), &path);
        reports.push(report);
    }
    // Every fixture in one log, as `check` writes several maps; and with no
    // repository to name, as this package has none yet.
    assert_valid_sarif(&validator, &sarif_log(&reports), "every fixture");
    let plain = sarif::render(
        &reports,
        &argmap::rules::sarif_rules(),
        sarif::ToolInfo::argmap(),
    );
    assert_valid_sarif(&validator, &plain, "every fixture, as argmap names itself");
    // A path that must be percent-encoded to be a URI.
    let odd = check_bytes(
        "maps/a map, 100%#1.toml",
        b"[map]\ntitle = \"M\"\n[claims.a]\ntext = \"A\"\n",
    );
    let log = sarif_log(&[odd]);
    assert_valid_sarif(&validator, &log, "a map with spaces in its path");
    let v: Value = serde_json::from_str(&log).unwrap();
    assert_eq!(
        v["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
        "maps/a%20map%2C%20100%25%231.toml"
    );
}

#[test]
fn the_binary_writes_a_valid_sarif_log() {
    let validator = sarif_validator();
    let mut args = vec!["check", "--format", "sarif"];
    args.extend(SHOWN);
    let run = common::run(&args);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert_eq!(run.stderr, "");
    assert_valid_sarif(&validator, &run.stdout, "`argmap check --format sarif`");
    let v: Value = serde_json::from_str(&run.stdout).unwrap();
    let driver = &v["runs"][0]["tool"]["driver"];
    assert_eq!(driver["name"], "argmap");
    assert_eq!(driver["version"], env!("CARGO_PKG_VERSION"));
    assert_eq!(driver["rules"].as_array().unwrap().len(), RULES.len());
    let results = v["runs"][0]["results"].as_array().unwrap();
    let findings: usize = SHOWN.iter().map(|p| check(p).diagnostics.len()).sum();
    assert_eq!(results.len(), findings);
}

#[test]
fn sarif_rules_are_the_registry_s() {
    let log: Value = serde_json::from_str(&sarif_log(&[])).unwrap();
    let rules = log["runs"][0]["tool"]["driver"]["rules"]
        .as_array()
        .unwrap();
    assert_eq!(rules.len(), RULES.len());
    for (r, rule) in rules.iter().zip(RULES) {
        assert_eq!(r["id"], rule.code.as_str());
        assert_eq!(r["shortDescription"]["text"], rule.summary);
        assert_eq!(r["help"]["markdown"], rule.explanation());
        let level = match rule.default_level {
            argmap::diag::Level::Error => "error",
            _ => "warning",
        };
        assert_eq!(r["defaultConfiguration"]["level"], level);
        // The full description is the rule's "What it finds", whole.
        let full = r["fullDescription"]["text"].as_str().unwrap();
        assert!(full.len() > rule.summary.len(), "{full}");
        assert!(!full.starts_with('#') && !full.contains('\n'), "{full}");
        // The help page is the rule's file, whose doc comment documents it.
        let file = sarif::rule_file(rule.code);
        assert!(Path::new(&file).is_file(), "{file}");
        assert_eq!(r["helpUri"], format!("{REPOSITORY}/blob/HEAD/{file}"));
    }
}

#[test]
fn sarif_snapshots() {
    for path in SHOWN {
        let name = Path::new(path).file_stem().unwrap().to_str().unwrap();
        let log = without_version(&sarif_log(&[check(path)]));
        // The rules are the registry's, tested above; the results are
        // what each fixture shows.
        let mut v: Value = serde_json::from_str(&log).unwrap();
        v["runs"][0]["tool"]["driver"]["rules"] = Value::from("[the registry]");
        insta::assert_snapshot!(
            format!("sarif-{name}"),
            serde_json::to_string_pretty(&v).unwrap()
        );
    }
}

#[test]
fn github_snapshots() {
    for path in SHOWN {
        let name = Path::new(path).file_stem().unwrap().to_str().unwrap();
        insta::assert_snapshot!(
            format!("github-{name}"),
            github::render(&[check(path)], false)
        );
    }
}

#[test]
fn github_annotations_escape_what_would_end_them() {
    // A path with `,` `:` and `%`, and an id with a line break.
    let report = check_bytes(
        "maps/a,b: 100%.toml",
        b"[map]\ntitle = \"M\"\n[claims.\"x\\ny\"]\ntext = \"A\"\n[claims.b]\ntext = \"B\"\n",
    );
    let out = github::render(&[report], false);
    insta::assert_snapshot!(out);
    for line in out.lines().filter(|l| l.starts_with("::")) {
        let (props, _) = line.trim_start_matches("::").split_once("::").unwrap();
        let (_, props) = props.split_once(' ').unwrap();
        let keys: Vec<&str> = props
            .split(',')
            .map(|p| p.split_once('=').unwrap().0)
            .collect();
        assert_eq!(
            keys,
            ["file", "line", "col", "endLine", "endColumn", "title"],
            "{line}"
        );
        assert!(props.contains("file=maps/a%2Cb%3A 100%25.toml"), "{line}");
    }
}

#[test]
fn github_quiet_shows_errors_only_and_no_summary() {
    let reports = [check("tests/fixtures/rules/quote-not-found.toml")];
    let all = github::render(&reports, false);
    let quiet = github::render(&reports, true);
    assert!(all.lines().any(|l| l.starts_with("::warning ")), "{all}");
    assert!(quiet.lines().all(|l| l.starts_with("::error ")), "{quiet}");
    assert_eq!(quiet.lines().count(), reports[0].errors(), "{quiet}");
}

#[test]
fn hostile_maps_give_valid_logs_and_one_line_per_annotation() {
    let validator = sarif_validator();
    let mut paths: Vec<PathBuf> = std::fs::read_dir("tests/corpus")
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_file())
        .collect();
    paths.sort();
    assert!(paths.len() > 20);
    for path in paths {
        let name = path.display().to_string();
        let report = check(&name);
        let findings = report.diagnostics.len();
        let reports = [report];
        assert_valid_sarif(&validator, &sarif_log(&reports), &name);
        serde_json::from_str::<Value>(&json::render(&reports)).unwrap();
        // Each finding is one command, whatever its messages hold; the
        // summary lines follow.
        let out = github::render(&reports, false);
        let commands = out.lines().filter(|l| l.starts_with("::")).count();
        assert_eq!(commands, findings, "{name}:\n{out}");
        assert!(
            out.lines()
                .skip(commands)
                .all(|l| !l.starts_with("::") && !l.is_empty()),
            "{name}:\n{out}"
        );
    }
}

#[test]
fn offsets_count_the_bytes_of_the_file_after_a_byte_order_mark() {
    let path = "tests/fixtures/cli/bom-crlf.toml";
    let bytes = std::fs::read(path).unwrap();
    assert!(bytes.starts_with(b"\xEF\xBB\xBF"));
    let reports = [check(path)];
    let v: Value = serde_json::from_str(&json::render(&reports)).unwrap();
    let findings = v["diagnostics"].as_array().unwrap();
    assert!(!findings.is_empty());
    for (d, finding) in reports[0].diagnostics.iter().zip(findings) {
        let (start, end) = (
            finding["offset"].as_u64().unwrap() as usize,
            finding["end_offset"].as_u64().unwrap() as usize,
        );
        assert_eq!(start, d.span.start + 3);
        assert_eq!(
            &bytes[start..end],
            reports[0].file.text[d.span.clone()].as_bytes()
        );
    }
}

/// The keys of a JSON object, sorted; of each object in an array, the
/// keys of the first.
fn keys(v: &Value) -> Vec<String> {
    let mut k: Vec<String> = v.as_object().unwrap().keys().cloned().collect();
    k.sort();
    k
}

#[test]
fn the_documented_json_shape_is_the_one_written() {
    let docs = std::fs::read_to_string("docs/map-format.md").unwrap();
    let example = docs
        .split("```json\n")
        .skip(1)
        .filter_map(|b| b.split_once("\n```").map(|(json, _)| json))
        .find(|b| b.contains("\"diagnostics\""))
        .expect("docs/map-format.md shows no JSON report");
    let example: Value = serde_json::from_str(example).unwrap();
    let real: Value = serde_json::from_str(&json::render(&[
        check("tests/fixtures/rules/invalid-value.toml"),
        check("tests/fixtures/rules/quote-not-found.toml"),
    ]))
    .unwrap();
    assert_eq!(example["version"], json::VERSION);
    assert_eq!(keys(&example["summary"]), keys(&real["summary"]));
    let real_findings = real["diagnostics"].as_array().unwrap();
    for shown in example["diagnostics"].as_array().unwrap() {
        let same = real_findings
            .iter()
            .find(|d| d["code"] == shown["code"] && d["message"] == shown["message"])
            .unwrap_or_else(|| panic!("no such finding: {shown:#}"));
        assert_eq!(keys(shown), keys(same), "{shown:#}");
        for list in ["related", "suggestions"] {
            for (a, b) in shown[list]
                .as_array()
                .unwrap()
                .iter()
                .zip(same[list].as_array().unwrap())
            {
                assert_eq!(keys(a), keys(b));
            }
        }
        if !same["closest"].is_null() {
            assert_eq!(keys(&shown["closest"]), keys(&same["closest"]));
            assert_eq!(shown["closest"]["diff"], same["closest"]["diff"]);
        }
    }
}
