//! One fixture per diagnostic code: each must produce its code, and its human
//! and JSON output are snapshot-tested. Also checks the registry itself.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use std::collections::HashSet;
use std::path::Path;

use argmap::diag::Levels;
use argmap::diag::render::{human, json};
use argmap::rules::RULES;

fn fixture(code: impl std::fmt::Display) -> String {
    format!("tests/fixtures/rules/{code}.toml")
}

/// The day the snapshots were taken: `accessed-date` compares with it.
const TODAY: argmap::model::Date = jiff::civil::date(2026, 11, 26);

fn check(path: &str) -> argmap::diag::FileReport {
    let bytes = std::fs::read(path).unwrap_or_else(|e| panic!("cannot read {path}: {e}"));
    let options = argmap::check::Options {
        today: Some(TODAY),
        ..Default::default()
    };
    argmap::check::check_with(path, &bytes, &options).report
}

#[test]
fn every_rule_fixture_reports_its_code_and_matches_its_snapshots() {
    for rule in RULES {
        let path = fixture(rule.code);
        let report = check(&path);
        assert!(
            report.diagnostics.iter().any(|d| d.code == rule.code),
            "{path} does not produce `{}`: {:#?}",
            rule.code,
            report.diagnostics
        );
        let reports = [report];
        insta::assert_snapshot!(
            format!("{}-human", rule.code),
            human::render(&reports, false, false)
        );
        insta::assert_snapshot!(format!("{}-json", rule.code), json::render(&reports));
    }
}

/// Rules with a fixture that must not trigger them (`<code>.pass.toml`):
/// the copy rules, the locator rule and the format version, whose limits a
/// careful map stays within, the rules that compare a map with its
/// document and its URLs, the placeholder, which a finished draft has replaced,
/// and the Chinese-script rules, whose fixtures hold what they must leave
/// alone.
const PASS_FIXTURES: [&str; 24] = [
    "copied-text",
    "quote-too-long",
    "quote-budget",
    "locator-not-found",
    "format-version",
    "uncovered-paragraph",
    "section-mismatch",
    "url-date-mismatch",
    "placeholder-text",
    "document-unread",
    "unmatched-citation",
    "source-not-in-text",
    "citation-not-at-anchor",
    "missed-citation",
    "year-before-source",
    "title-mismatch",
    "url-style",
    "date-style",
    "misplaced-dash",
    "et-al-in-entry",
    "short-form-inconsistent",
    "printed-mismatch",
    "romanisation-mismatch",
    "traditional-character",
];

#[test]
fn pass_fixtures_do_not_report_their_code() {
    for code in PASS_FIXTURES {
        let path = format!("tests/fixtures/rules/{code}.pass.toml");
        assert!(Path::new(&path).is_file(), "no pass fixture for `{code}`");
    }
    let mut checked = 0;
    for rule in RULES {
        let path = format!("tests/fixtures/rules/{}.pass.toml", rule.code);
        if !Path::new(&path).is_file() {
            continue;
        }
        let report = check(&path);
        let found: Vec<_> = report
            .diagnostics
            .iter()
            .filter(|d| d.code == rule.code)
            .collect();
        assert!(
            found.is_empty(),
            "{path} reports `{}`: {found:#?}",
            rule.code
        );
        checked += 1;
    }
    assert!(checked >= PASS_FIXTURES.len());
}

/// The chapter map's reference list, checked for its Chinese: exactly the
/// faults a reader of Chinese marks (a romanisation the characters cannot
/// have, a traditional character among simplified ones), and none of its
/// correct romanisations.
#[test]
fn chapter_map_romanisations_are_the_true_faults() {
    use argmap::diag::Code;
    let report = check("maps/cpc-and-sovereignty.toml");
    let found: Vec<(Code, String, Option<String>)> = report
        .diagnostics
        .iter()
        .filter(|d| {
            matches!(
                d.code,
                Code::RomanisationMismatch | Code::TraditionalCharacter
            )
        })
        .map(|d| (d.code, d.message.clone(), d.label.clone()))
        .collect();
    let finding =
        |code, message: &str, label: &str| (code, message.to_owned(), Some(label.to_owned()));
    assert_eq!(
        found,
        [
            finding(
                Code::RomanisationMismatch,
                "`title` of source `cac2016` romanises `国家` as `Zhongguo`, a reading the characters cannot have",
                "`国` reads `guo`",
            ),
            finding(
                Code::RomanisationMismatch,
                "`authors` of source `xie2020` romanises `瑞鵠` as `Ruikun`, a reading the characters cannot have",
                "`鵠` reads `hu`, `gu` or `he`",
            ),
            finding(
                Code::TraditionalCharacter,
                "`authors` of source `xie2020` writes the traditional `鵠` among simplified characters",
                "traditional: simplified `鹄`",
            ),
            finding(
                Code::RomanisationMismatch,
                "`title` of source `zhongyang2017` romanises `扎实` as `tashi`, a reading the characters cannot have",
                "`扎` reads `zha` or `za`",
            ),
            finding(
                Code::RomanisationMismatch,
                "`authors` of source `zhongyang2017` romanises `习中心组` as `xuexi zongxinzu`, a reading the characters cannot have",
                "`习` reads `xi`",
            ),
        ]
    );
}

#[test]
fn clean_fixture_has_no_findings() {
    let report = check("tests/fixtures/rules/clean.toml");
    assert_eq!(report.diagnostics, vec![]);
    assert_eq!(report.claims, 4);
}

#[test]
fn codes_are_unique_kebab_case_documented_and_have_fixtures() {
    let mut seen = HashSet::new();
    for rule in RULES {
        assert!(
            seen.insert(rule.code),
            "`{}` is registered twice",
            rule.code
        );
        assert!(
            rule.code
                .as_str()
                .split('-')
                .all(|w| !w.is_empty() && w.bytes().all(|b| b.is_ascii_lowercase())),
            "`{}` is not kebab-case",
            rule.code
        );
        let doc = rule.explanation();
        for heading in [
            "## What it finds",
            "## Why it matters",
            "## Example",
            "## Fix",
        ] {
            assert!(
                doc.contains(heading),
                "`{}` docs lack `{heading}`",
                rule.code
            );
        }
        assert!(
            !rule.summary.ends_with('.'),
            "`{}` summary ends with a period",
            rule.code
        );
        assert!(
            Path::new(&fixture(rule.code)).is_file(),
            "no fixture for `{}`",
            rule.code
        );
    }
    // The spec's codes (map-format.md) that this version implements.
    for code in [
        "toml-syntax",
        "unknown-field",
        "invalid-value",
        "missing-field",
        "duplicate-id",
        "unknown-reference",
        "uncited-claim",
        "circular-support",
        "unused-source",
        "source-missing-field",
        "invalid-url",
    ] {
        assert!(
            seen.iter().any(|c| *c == code),
            "spec code `{code}` is missing"
        );
    }
}

/// One rule per code, in the order of the codes: the registry and the
/// typed codes cannot drift apart.
#[test]
fn every_code_has_exactly_one_rule() {
    let codes: Vec<argmap::diag::Code> = RULES.iter().map(|r| r.code).collect();
    assert_eq!(codes, argmap::diag::Code::ALL);
}

#[test]
fn messages_follow_the_house_style() {
    for rule in RULES {
        for d in check(&fixture(rule.code)).diagnostics {
            let first = d.message.chars().next().unwrap();
            assert!(
                !first.is_uppercase(),
                "`{}` message starts uppercase: {}",
                d.code,
                d.message
            );
            assert!(
                !d.message.ends_with('.'),
                "`{}` message ends with a period",
                d.code
            );
        }
    }
}

#[test]
fn map_lints_and_command_line_levels_combine() {
    let map = br#"
[map]
title = "t"
[lints]
uncited-claim = "warn"
[claims.a]
text = "A"
[claims.b]
text = "B"
supports = ["a"]
cites = ["s"]
[sources.s]
title = "S"
authors = ["A"]
year = 2000
"#;
    let levels_of = |cli: &Levels| {
        argmap::check::check("m.toml", map, cli)
            .report
            .diagnostics
            .iter()
            .map(|d| (d.code.as_str(), d.severity.as_str()))
            .collect::<Vec<_>>()
    };
    // The map lowers `uncited-claim` to a warning.
    assert_eq!(
        levels_of(&Levels::default()),
        [("uncited-claim", "warning")]
    );
    // The command line wins over the map, in both directions.
    let mut cli = Levels::default();
    cli.set_named("uncited-claim", argmap::diag::Level::Error)
        .unwrap();
    assert_eq!(levels_of(&cli), [("uncited-claim", "error")]);
    cli.set_named("uncited-claim", argmap::diag::Level::Allow)
        .unwrap();
    assert_eq!(levels_of(&cli), []);
}

#[test]
fn a_long_support_chain_does_not_overflow_the_stack() {
    use std::fmt::Write;
    let n = 10_000;
    let mut map = String::from(
        "[map]\ntitle = \"chain\"\n[sources.s]\ntitle = \"S\"\nauthors = [\"A\"]\nyear = 2000\n",
    );
    for i in 0..n {
        let next = if i + 1 == n { 0 } else { i + 1 };
        writeln!(
            map,
            "[claims.c{i}]\ntext = \"claim {i}\"\ncites = [\"s\"]\nsupports = [\"c{next}\"]"
        )
        .unwrap();
    }
    let report = argmap::check::check("chain.toml", map.as_bytes(), &Levels::default()).report;
    let cycles: Vec<_> = report
        .diagnostics
        .iter()
        .filter(|d| d.code == "circular-support")
        .collect();
    assert_eq!(cycles.len(), 1, "one loop, reported once");
    assert!(
        cycles[0]
            .message
            .starts_with("circular support: `c0 -> c1 -> c2")
    );
    assert!(cycles[0].message.ends_with("c9999 -> c0`"));
}

/// Naming a text's parts is not copying them: a section title that is a
/// heading, the map's title that is the text's, and a locator that names a
/// heading; a claim that copies a sentence is.
#[test]
fn copied_text_spares_the_names_of_a_texts_parts() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("report.txt"),
        "A Very Long Report Title of Nine Words in All\n\n\
         The First Part of the Report Has a Long Heading\n\n\
         The bridge was inspected over three weeks in the spring by the team.\n",
    )
    .unwrap();
    let map = r#"
[map]
title = "A Very Long Report Title of Nine Words in All"
document = "r"
[sections.one]
title = "The First Part of the Report Has a Long Heading"
[sources.r]
title = "A Very Long Report Title of Nine Words in All"
authors = ["A"]
year = 2020
text = "report.txt"
[claims.a]
text = "The team inspected the bridge in spring"
section = "one"
anchor = { at = "The First Part of the Report Has a Long Heading, p. 1" }
cites = ["r"]
[claims.b]
text = "The bridge was inspected over three weeks in the spring"
cites = ["r"]
supports = ["a"]
"#;
    let path = dir.path().join("map.toml");
    std::fs::write(&path, map).unwrap();
    let path = path.to_str().unwrap();
    let report = argmap::check::check_with(path, map.as_bytes(), &Default::default()).report;
    let copied: Vec<&str> = report
        .diagnostics
        .iter()
        .filter(|d| d.code == "copied-text")
        .map(|d| d.message.as_str())
        .collect();
    assert_eq!(copied, ["the text of claim `b` copies 10 words of `r`"]);
}
