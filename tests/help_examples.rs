//! Every example in `argmap --help` and in each command's `--help` runs as
//! written from the repository root: each in a fresh copy of the files a
//! clone has (`examples/`, `maps/`, `schema/`), with `argmap` on the
//! `PATH`, through `bash -o pipefail`. It must exit as its description
//! says (0, or 1 for `migrate --check` of a version-1 map) and write the
//! files it names. The examples that draw (SVG, PNG, PDF, or `| dot`)
//! need Graphviz: where it is missing their test is reported ignored, and
//! fails under `ARGMAP_CI=1` (`tests/external/mod.rs`).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

mod common;
mod external;

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use external::trial;

fn main() -> ExitCode {
    external::run(vec![
        trial!(every_help_example_runs_from_the_repository_root),
        trial!(every_help_example_that_draws_runs, needs Graphviz),
        trial!(examples_are_read_from_help_texts),
    ])
}

/// The commands with examples in their help.
const COMMANDS: &[&[&str]] = &[
    &["--help"],
    &["check", "--help"],
    &["eval", "--help"],
    &["render", "--help"],
    &["report", "--help"],
    &["export", "--help"],
    &["import", "--help"],
    &["migrate", "--help"],
    &["explain", "--help"],
    &["schema", "--help"],
    &["document", "--help"],
    &["draft", "--help"],
    &["fmt", "--help"],
    &["init", "--help"],
    &["completions", "--help"],
    &["man", "--help"],
];

/// The folders of the repository the examples read.
const COPIED: &[&str] = &["examples", "maps", "schema"];

/// The example lines of a help text: after `Examples:`, each line that
/// starts with `  argmap `, up to its description (two spaces or more).
fn examples(help: &str) -> Vec<String> {
    let Some((_, after)) = help.split_once("Examples:\n") else {
        return Vec::new();
    };
    after
        .lines()
        .take_while(|l| !l.trim().is_empty())
        .filter_map(|l| l.strip_prefix("  "))
        .filter(|l| l.starts_with("argmap "))
        .map(|l| {
            let command = l.split("   ").next().unwrap_or(l);
            // A description after exactly two spaces, as in the main help.
            let command = match command.find("  ") {
                Some(i) => &command[..i],
                None => command,
            };
            command.trim_end().to_owned()
        })
        .collect()
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).unwrap();
        }
    }
}

/// The files an example writes: after `-o` (unless `-`) or `>`.
fn outputs(command: &str) -> Vec<String> {
    let words: Vec<&str> = command.split_whitespace().collect();
    words
        .windows(2)
        .filter(|w| matches!(w[0], "-o" | ">") && w[1] != "-")
        .map(|w| w[1].to_owned())
        .collect()
}

/// Whether an example needs Graphviz: a picture format, or `dot` itself.
fn needs_graphviz(command: &str) -> bool {
    command.contains("| dot ")
        || outputs(command).iter().any(|o| {
            [".svg", ".png", ".pdf", "diagrams/"]
                .iter()
                .any(|ext| o.ends_with(ext))
        })
}

/// The examples that need no Graphviz; the main help alone has nine.
fn every_help_example_runs_from_the_repository_root() {
    let ran = run_examples(false);
    assert!(ran >= 30, "only {ran} examples ran");
}

/// The examples that draw, with Graphviz.
fn every_help_example_that_draws_runs() {
    let ran = run_examples(true);
    assert!(ran >= 5, "only {ran} examples that draw ran");
}

/// Runs every example of every help text that draws (`draws`) or does not,
/// and gives how many ran.
fn run_examples(draws: bool) -> usize {
    let bin = PathBuf::from(env!("CARGO_BIN_EXE_argmap"));
    let bin_dir = bin.parent().unwrap();
    let path = format!(
        "{}:{}",
        bin_dir.display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let mut ran = 0;
    for args in COMMANDS {
        let help = common::argmap(*args).run();
        assert_eq!(help.code, 0, "{}", help.stderr);
        for command in examples(&help.stdout) {
            if needs_graphviz(&command) != draws {
                continue;
            }
            let dir = tempfile::tempdir().unwrap();
            for folder in COPIED {
                copy_dir(Path::new(folder), &dir.path().join(folder));
            }
            let run = std::process::Command::new("bash")
                .args(["-o", "pipefail", "-c", &command])
                .current_dir(dir.path())
                .env("PATH", &path)
                .env("NO_COLOR", "1")
                .env("ARGMAP_TODAY", common::TODAY)
                .output()
                .unwrap();
            let expected = if command.contains("migrate") && command.contains("--check") {
                1
            } else {
                0
            };
            assert_eq!(
                run.status.code(),
                Some(expected),
                "`{command}` (from `argmap {}`):\n{}{}",
                args.join(" "),
                String::from_utf8_lossy(&run.stdout),
                String::from_utf8_lossy(&run.stderr)
            );
            for out in outputs(&command) {
                let written = dir.path().join(&out);
                let size = if written.is_dir() {
                    std::fs::read_dir(&written).unwrap().count() as u64
                } else {
                    std::fs::metadata(&written).map(|m| m.len()).unwrap_or(0)
                };
                assert!(size > 0, "`{command}` wrote nothing to {out}");
            }
            ran += 1;
        }
    }
    ran
}

fn examples_are_read_from_help_texts() {
    let help = "Usage: x\n\nExamples:\n  argmap check examples/bridge.toml           check a map\n  argmap eval --format json examples/bridge.toml  {\"labels\": 1}\n  argmap export examples/bridge.toml --to aif | argmap import - --from aif   a round trip\n\nExit codes:\n  argmap never\n";
    assert_eq!(
        examples(help),
        [
            "argmap check examples/bridge.toml",
            "argmap eval --format json examples/bridge.toml",
            "argmap export examples/bridge.toml --to aif | argmap import - --from aif",
        ]
    );
}
