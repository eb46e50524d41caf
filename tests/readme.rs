//! The README stays true: its example transcript is what argmap prints, and
//! its table of codes is the registry.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

mod common;

fn readme() -> String {
    std::fs::read_to_string("README.md").unwrap()
}

fn between<'a>(s: &'a str, start: &str, end: &str) -> &'a str {
    let from = s
        .find(start)
        .unwrap_or_else(|| panic!("no `{start}` in README"))
        + start.len();
    let to = s[from..]
        .find(end)
        .unwrap_or_else(|| panic!("no `{end}` after `{start}`"))
        + from;
    &s[from..to]
}

#[test]
fn example_transcript_is_what_argmap_prints() {
    let run = common::argmap(["check", "bridge.toml"])
        .current_dir("tests/fixtures/readme")
        .run();
    let readme = readme();
    let shown = between(&readme, "$ argmap check bridge.toml\n", "```");
    assert_eq!(shown, run.stderr, "README transcript is stale");
    let example = between(&readme, "## A short example\n\n```toml\n", "```");
    assert_eq!(
        example,
        std::fs::read_to_string("tests/fixtures/readme/bridge.toml").unwrap(),
        "README example differs from tests/fixtures/readme/bridge.toml"
    );
}

#[test]
fn eval_example_is_what_argmap_prints() {
    let run = common::argmap(["eval", "debate.toml"])
        .current_dir("tests/fixtures/readme")
        .run();
    let readme = readme();
    let shown = between(&readme, "$ argmap eval debate.toml\n", "```");
    assert_eq!(shown, run.stdout, "README eval example is stale");
}

#[test]
fn code_table_lists_every_rule_with_its_level_and_summary() {
    let mut table = String::from("\n| code | default | finds |\n|---|---|---|\n");
    for r in argmap::rules::RULES {
        table.push_str(&format!(
            "| `{}` | {} | {} |\n",
            r.code, r.default_level, r.summary
        ));
    }
    let readme = readme();
    assert_eq!(
        between(&readme, "<!-- codes:start -->", "<!-- codes:end -->"),
        table
    );
}

/// The README's main command works on a fresh clone: no chapter text, no
/// Graphviz; it exits 0 and says what it could not check.
#[test]
fn main_command_runs_without_the_chapter_text() {
    let readme = readme();
    let command = between(&readme, "```sh\ncargo run --release -- ", "\n```");
    let args: Vec<&str> = command.split_whitespace().collect();
    assert_eq!(args, ["check", "maps/cpc-and-sovereignty.toml"]);
    let run = common::argmap(&args).env("PATH", "").run();
    let stderr = run.stderr;
    assert_eq!(run.code, 0, "{stderr}");
    assert!(
        stderr.contains(
            "93 paragraph locators in source `lee-chapter` (the map's document) not checked"
        ),
        "{stderr}"
    );
    assert!(
        stderr
            .lines()
            .last()
            .unwrap()
            .starts_with("checked 1 map (93 claims")
    );
    // A summary that fits on one screen, and says per section which claims
    // are uncited.
    let lines = stderr.lines().count();
    assert!(lines <= 40, "{lines} lines:\n{stderr}");
    assert!(stderr.contains("uncited: `s-info-society`"), "{stderr}");
    let shown = between(
        &readme,
        "$ argmap check maps/cpc-and-sovereignty.toml\n",
        "```",
    );
    assert_eq!(
        shown, stderr,
        "README transcript of the main command is stale"
    );
}

/// The README's second block, the full audit with the chapter's text, runs
/// as written (the report into a temporary folder instead of `audit.md`).
#[test]
fn full_audit_block_runs_with_the_chapter_text() {
    let readme = readme();
    let block = between(
        &readme,
        "```sh\ncargo run --release -- check maps/cpc-and-sovereignty.toml --all",
        "```",
    );
    let block = format!("cargo run --release -- check maps/cpc-and-sovereignty.toml --all{block}");
    let commands: Vec<Vec<String>> = block
        .replace("\\\n", " ")
        .lines()
        .map(|l| {
            l.strip_prefix("cargo run --release -- ")
                .unwrap_or_else(|| panic!("not a `cargo run` line: {l}"))
                .split_whitespace()
                .map(str::to_owned)
                .collect()
        })
        .collect();
    assert_eq!(commands.len(), 2, "{block}");
    let text = "../shared/chapter/cpc-and-sovereignty.txt";
    if !std::path::Path::new(text).exists() {
        assert!(
            std::env::var("ARGMAP_SKIP_CHAPTER").is_ok_and(|v| v == "1"),
            "the chapter text is not at {text}"
        );
        return;
    }
    let check = common::argmap(&commands[0]).run();
    assert_eq!(check.code, 0, "{}", check.stderr);
    assert!(
        check
            .stderr
            .contains("text `lee-chapter` (../shared/chapter/cpc-and-sovereignty.txt"),
        "{}",
        check.stderr
    );
    assert!(
        check.stderr.contains("warning[uncited-claim]"),
        "--all prints each finding"
    );
    let dir = tempfile::tempdir().unwrap();
    let audit = dir.path().join("audit.md");
    let report: Vec<String> = commands[1]
        .iter()
        .map(|a| {
            if a == "audit.md" {
                audit.display().to_string()
            } else {
                a.clone()
            }
        })
        .collect();
    assert!(report.contains(&audit.display().to_string()), "{report:?}");
    let run = common::argmap(&report).run();
    assert_eq!(run.code, 0, "{}", run.stderr);
    let written = std::fs::read_to_string(&audit).unwrap();
    assert!(
        written.starts_with("# Audit: The CPC and Sovereignty"),
        "{written}"
    );
}

/// The quick start runs as written, after `cargo install`: each `argmap`
/// line, from the repository root, with the installed command being the
/// one under test; the files it names exist.
#[test]
fn quick_start_runs_as_written() {
    let readme = readme();
    let block = between(&readme, "## Install and first steps", "\n## ");
    let block = between(block, "```sh\n", "```");
    let mut lines = block.lines();
    assert_eq!(lines.next(), Some("cargo install --path . --locked"));
    let dir = tempfile::tempdir().unwrap();
    let mut ran = 0;
    for line in lines {
        let args: Vec<String> = line
            .strip_prefix("argmap ")
            .unwrap_or_else(|| panic!("not an argmap command: {line}"))
            .split_whitespace()
            .map(|a| match a {
                // Written into a temporary folder, not the repository.
                "bridge.dot" | "audit.md" => dir.path().join(a).display().to_string(),
                _ => a.to_owned(),
            })
            .collect();
        let run = common::argmap(&args).run();
        assert_eq!(run.code, 0, "`{line}`:\n{}{}", run.stdout, run.stderr);
        ran += 1;
    }
    assert_eq!(ran, 6);
    let dot = std::fs::read_to_string(dir.path().join("bridge.dot")).unwrap();
    assert!(dot.starts_with("digraph argmap {"), "{dot}");
    let audit = std::fs::read_to_string(dir.path().join("audit.md")).unwrap();
    assert!(
        audit.starts_with("# Audit: Should the Mill Lane bridge be rebuilt?"),
        "{audit}"
    );
}
