//! The `argmap` binary as a user runs it: exit codes, messages, help. The
//! runs that are only a transcript are cases in `tests/cmd/`; these have
//! more to say than a snapshot.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

mod common;

use common::{Run, run, transcript};

#[test]
fn clean_map_exits_0() {
    let Run { code, stderr, .. } = run(&["check", "tests/fixtures/rules/clean.toml"]);
    assert_eq!(code, 0);
    insta::assert_snapshot!(stderr, @"checked 1 map (4 claims, 1 source): no problems found");
}

#[test]
fn error_findings_exit_1_and_warnings_alone_exit_0() {
    assert_eq!(
        run(&["check", "tests/fixtures/rules/uncited-claim.toml"]).code,
        1
    );
    assert_eq!(
        run(&["check", "tests/fixtures/rules/orphan-claim.toml"]).code,
        0
    );
}

#[test]
fn json_goes_to_stdout() {
    let Run {
        code,
        stdout,
        stderr,
        ..
    } = run(&[
        "check",
        "--format",
        "json",
        "tests/fixtures/rules/uncited-claim.toml",
    ]);
    assert_eq!(code, 1);
    assert_eq!(stderr, "");
    let v: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(v["summary"]["errors"], 1);
    let uncited = v["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["code"] == "uncited-claim")
        .unwrap();
    assert_eq!(uncited["severity"], "error");
    assert_eq!(uncited["file"], "tests/fixtures/rules/uncited-claim.toml");
    assert_eq!(uncited["line"], 13);
    assert_eq!(uncited["column"], 9);
}

#[test]
fn level_flags_override_the_map_and_the_last_one_wins() {
    let f = "tests/fixtures/rules/uncited-claim.toml";
    assert_eq!(run(&["check", "-A", "uncited-claim", f]).code, 0);
    assert_eq!(run(&["check", "-W", "uncited-claim", f]).code, 0);
    assert_eq!(
        run(&["check", "-A", "uncited-claim", "-D", "uncited-claim", f]).code,
        1
    );
    assert_eq!(
        run(&[
            "check",
            "-D",
            "uncited-claim",
            "--allow",
            "uncited-claim",
            f
        ])
        .code,
        0
    );
    let o = "tests/fixtures/rules/orphan-claim.toml";
    assert_eq!(run(&["check", "-D", "orphan-claim", o]).code, 1);
}

#[test]
fn quiet_prints_only_errors() {
    let Run { code, stderr, .. } =
        run(&["check", "--quiet", "tests/fixtures/rules/orphan-claim.toml"]);
    assert_eq!((code, stderr.as_str()), (0, ""));
    let Run { code, stderr, .. } = run(&["check", "-q", "tests/fixtures/rules/uncited-claim.toml"]);
    assert_eq!(code, 1);
    assert!(stderr.starts_with("error[uncited-claim]"));
    assert!(!stderr.contains("checked 1 map"));
}

#[test]
fn unknown_key_gets_a_suggestion() {
    let Run { code, stderr, .. } = run(&["check", "tests/fixtures/rules/unknown-field.toml"]);
    assert_eq!(code, 1);
    assert!(stderr.contains("unknown field `suports` in claim `cracks`"));
    assert!(stderr.contains("did you mean `supports`?"));
}

#[test]
fn keys_named_as_other_tools_name_them_get_the_format_s_key() {
    let Run { code, stderr, .. } = run(&["check", "tests/fixtures/cli/synonyms.toml"]);
    assert_eq!(code, 1);
    insta::assert_snapshot!(stderr);
    // With the loader's findings allowed away, the rules say what is missing.
    let Run { stderr, .. } = run(&[
        "check",
        "-A",
        "unknown-field",
        "tests/fixtures/cli/synonyms.toml",
    ]);
    assert!(
        stderr.contains("source `report` lacks `authors`"),
        "{stderr}"
    );
    assert!(
        stderr.contains("claim `rebuild` has no citation"),
        "{stderr}"
    );
}

#[test]
fn explain_every_code_succeeds() {
    for rule in argmap::rules::RULES {
        let Run { code, stdout, .. } = run(&["explain", rule.code.as_str()]);
        assert_eq!(code, 0);
        assert!(stdout.contains("## Fix"), "{}", rule.code);
    }
}

#[test]
fn argmap_today_sets_the_date_accessed_date_compares_with() {
    let map = "tests/fixtures/rules/accessed-date.toml";
    let with = |today: &str| {
        let run = common::argmap(["check", map])
            .env("ARGMAP_TODAY", today)
            .run();
        (run.code, run.stderr)
    };
    let (code, stderr) = with("2026-11-26");
    assert_eq!(code, 0, "{stderr}");
    assert!(stderr.contains("after today, 2026-11-26"), "{stderr}");
    // Years later, the same `accessed` date is no longer in the future.
    let (_, later) = with("2999-01-01");
    assert!(!later.contains("in the future"), "{later}");
    let (code, stderr) = with("26/11/2026");
    assert_eq!(code, 2);
    insta::assert_snapshot!(stderr);
    let (code, _) = with("2026-02-30");
    assert_eq!(code, 2, "not a day of the calendar");
}

#[test]
fn no_arguments_is_a_usage_error() {
    let Run { code, stderr, .. } = run(&[]);
    assert_eq!(code, 2);
    assert!(stderr.contains("Usage: argmap"));
    assert_eq!(run(&["check"]).code, 2);
}

#[test]
fn text_flag_supplies_a_source_text() {
    let map = "tests/fixtures/rules/unchecked-quotes.toml";
    let Run { code, stderr, .. } = run(&[
        "check",
        map,
        "--text",
        "council2024=tests/fixtures/rules/texts/inspection.txt",
        // Three quotes of a text of 56 words are more than its tenth.
        "-A",
        "quote-budget",
    ]);
    // Both anchors and the citation are now checked; "cracks in two piers" is verbatim,
    // "the bridge should be rebuilt" too.
    assert_eq!(code, 0, "{stderr}");
    assert!(!stderr.contains("unchecked-quotes"), "{stderr}");
}

#[cfg(unix)]
#[test]
fn text_paths_may_not_escape_through_symlinks() {
    let dir = std::env::temp_dir().join(format!("argmap-symlink-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("maps")).unwrap();
    std::fs::write(dir.join("secret.txt"), "the bridge should be rebuilt").unwrap();
    std::os::unix::fs::symlink(dir.join("secret.txt"), dir.join("maps/link.txt")).unwrap();
    let map = dir.join("maps/m.toml");
    std::fs::write(
        &map,
        "[map]\ntitle = \"t\"\nthesis = \"a\"\n[sources.s]\ntitle = \"S\"\nauthors = [\"A\"]\nyear = 2000\ntext = \"link.txt\"\n[claims.a]\ntext = \"A\"\ncites = [{ source = \"s\", quote = \"the bridge should be rebuilt\" }]\n",
    )
    .unwrap();
    let map = map.to_str().unwrap();
    let Run { code, stderr, .. } = run(&["check", map]);
    assert_eq!(code, 1);
    assert!(
        stderr.contains("resolves through a symbolic link"),
        "{stderr}"
    );
    assert!(stderr.contains("outside the map's folder"), "{stderr}");
    let Run { code, stderr, .. } = run(&["check", "--allow-outside-texts", map]);
    assert_eq!(code, 0, "{stderr}");
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn text_flag_with_the_start_of_source_ids_lists_them() {
    let Run { code, stderr, .. } = run(&[
        "check",
        "maps/cpc-and-sovereignty.toml",
        "--text",
        "lee=Cargo.toml",
    ]);
    assert_eq!(code, 2);
    insta::assert_snapshot!(stderr);
}

// ---- migrate -------------------------------------------------------------

const V1: &str = "tests/fixtures/migrate/v1.toml";

#[test]
fn migrate_prints_the_map_in_version_2_and_changes_nothing_else() {
    let before = std::fs::read_to_string(V1).unwrap();
    insta::assert_snapshot!(transcript(&["migrate", V1]));
    assert_eq!(
        std::fs::read_to_string(V1).unwrap(),
        before,
        "the input is untouched"
    );
    let migrated = run(&["migrate", V1]).stdout;
    // Everything but the migrated lines is kept byte for byte.
    let changed: Vec<(&str, &str)> = before
        .lines()
        .zip(migrated.lines().filter(|l| *l != "version = 2"))
        .filter(|(a, b)| a != b)
        .collect();
    assert_eq!(changed.len(), 3, "{changed:#?}");
    assert!(
        changed
            .iter()
            .all(|(a, _)| a.contains('¶') || a.contains("para"))
    );
    assert_eq!(migrated.lines().count(), before.lines().count() + 1);
}

#[test]
fn migrate_write_rewrites_in_place_and_is_idempotent() {
    let dir = tempfile::tempdir().unwrap();
    let map = dir.path().join("map.toml");
    std::fs::copy(V1, &map).unwrap();
    std::fs::copy(
        "tests/fixtures/migrate/survey.txt",
        dir.path().join("survey.txt"),
    )
    .unwrap();
    let map = map.to_str().unwrap();
    let Run { code, .. } = run(&["migrate", map, "--check"]);
    assert_eq!(code, 1, "--check: the map needs migrating");
    let Run {
        code,
        stdout,
        stderr,
        ..
    } = run(&["migrate", map, "--write"]);
    assert_eq!((code, stdout.as_str()), (0, ""), "{stderr}");
    let Run {
        code: expected_code,
        stdout: expected,
        ..
    } = run(&["migrate", V1]);
    assert_eq!(expected_code, 0);
    assert_eq!(std::fs::read_to_string(map).unwrap(), expected);
    // Now current: nothing to do, and the locators verify.
    let Run { code, stderr, .. } = run(&["migrate", map, "--check"]);
    assert_eq!(code, 0, "{stderr}");
    assert!(stderr.contains("nothing to change"), "{stderr}");
    let Run { code, stderr, .. } = run(&["check", map]);
    assert_eq!(code, 0, "{stderr}");
    assert!(!stderr.contains("format-version"), "{stderr}");
    assert!(!stderr.contains("[locator-not-found]"), "{stderr}");
    // Leftover temporary files: none.
    let files: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
    assert_eq!(files.len(), 2);
}

#[test]
fn an_empty_or_binary_text_is_unreadable_never_a_panic() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("empty.txt"), "  \n\n").unwrap();
    std::fs::write(dir.path().join("utf16.txt"), b"\xff\xfeA\x00B\x00").unwrap();
    std::fs::write(dir.path().join("dots.txt"), "... --- !!!\n").unwrap();
    let map = "tests/fixtures/rules/locator-not-found.toml";
    for (file, why) in [
        ("empty.txt", "it is empty"),
        ("utf16.txt", "it is not UTF-8"),
        ("dots.txt", "it holds no words"),
    ] {
        let text = format!("survey={}", dir.path().join(file).display());
        let Run { code, stderr, .. } = run(&["check", map, "--text", &text]);
        assert_eq!(code, 1, "{stderr}");
        assert!(stderr.contains("error[unreadable-text]"), "{stderr}");
        assert!(stderr.contains(why), "{file}: {stderr}");
        assert!(!stderr.contains("panicked"), "{stderr}");
        assert!(!stderr.contains("[locator-not-found]"), "{stderr}");
    }
}
