//! The README stays true: its example transcript is what argmap prints, its
//! table of codes is the registry, and CI runs its test command.
#![allow(clippy::unwrap_used, clippy::expect_used)]

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
}

/// CI runs the README's test command as written, after exporting
/// `ARGMAP_CI=1`, under which a test whose input is missing fails.
#[test]
fn ci_runs_the_test_command_of_the_readme() {
    let readme = readme();
    let blocks: Vec<&str> = readme
        .split("```sh\n")
        .skip(1)
        .filter_map(|b| b.split("\n```").next())
        .filter(|b| b.contains("cargo test"))
        .collect();
    let [command] = blocks[..] else {
        panic!("one test command in the README: {blocks:?}")
    };
    let ci = std::fs::read_to_string(".ci/run").unwrap();
    let lines: Vec<&str> = ci
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .collect();
    assert_eq!(
        lines.last(),
        Some(&command),
        ".ci/run ends with the README's test command"
    );
    let export = lines.iter().position(|l| *l == "export ARGMAP_CI=1");
    assert!(
        export.is_some_and(|i| i + 1 < lines.len()),
        ".ci/run exports ARGMAP_CI=1 before the test command"
    );
}
