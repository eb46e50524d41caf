//! The CLI cases of `tests/cmd/`: each `NAME.toml` there is one run of the
//! binary (its arguments, and optionally a working folder, environment and
//! standard input), and `NAME.snap` beside it is the insta snapshot of its
//! exit code, stdout and stderr. A case whose input files are missing
//! fails; so does a snapshot with no case. `tests/cmd/README.md` says how
//! to add one.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

mod common;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// The folder of the cases, from the repository root.
const CASES: &str = "tests/cmd";

/// One case file.
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct Case {
    /// The arguments, after `argmap`.
    args: Vec<String>,
    /// The working folder, from the repository root (by default the root).
    /// The arguments' paths are read from there.
    cwd: Option<String>,
    /// Environment set over the harness's (`common::ENV`).
    #[serde(default)]
    env: BTreeMap<String, String>,
    /// Standard input, as text.
    stdin: Option<String>,
    /// Standard input, the bytes of this file (from the repository root).
    #[serde(rename = "stdin-file")]
    stdin_file: Option<String>,
    /// Files the run reads that no argument names (a map's source text),
    /// from the repository root: each must exist.
    #[serde(default)]
    fixtures: Vec<String>,
    /// Paths among the arguments that must not exist: the case is about
    /// what argmap says of a missing file.
    #[serde(default)]
    absent: Vec<String>,
}

/// Every case file, sorted by name.
fn cases() -> Vec<PathBuf> {
    let mut cases: Vec<PathBuf> = std::fs::read_dir(CASES)
        .unwrap_or_else(|e| panic!("{CASES}: {e}"))
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .collect();
    cases.sort();
    cases
}

/// The path an argument names, if it names one: the argument, or what
/// follows its last `=` (`--text id=PATH`), when that holds a `/` or ends
/// in an extension of letters. Options (`-o`, `--help`) are not paths.
fn path_in(arg: &str) -> Option<&str> {
    let value = arg.rsplit('=').next().unwrap_or(arg);
    if value.is_empty() || value.starts_with('-') {
        return None;
    }
    let has_extension = Path::new(value)
        .extension()
        .and_then(|x| x.to_str())
        .is_some_and(|x| !x.is_empty() && x.chars().all(|c| c.is_ascii_alphabetic()));
    (value.contains('/') || has_extension).then_some(value)
}

/// The command line as the transcript shows it, in shell: `[cd DIR && ][K=V
/// ]argmap ARGS`, then ` < FILE`, or inline standard input as a here
/// document.
fn command_line(case: &Case) -> String {
    let mut line = String::new();
    if let Some(dir) = &case.cwd {
        line.push_str(&format!("cd {dir} && "));
    }
    for (k, v) in &case.env {
        line.push_str(&format!("{k}={v} "));
    }
    line.push_str(&format!("argmap {}", case.args.join(" ")));
    if let Some(file) = &case.stdin_file {
        line.push_str(&format!(" < {file}"));
    }
    if let Some(text) = &case.stdin {
        line.push_str(&format!(" <<'EOF'\n{text}"));
        if !text.ends_with('\n') {
            line.push('\n');
        }
        line.push_str("EOF");
    }
    line
}

/// Runs one case; returns its transcript, or why the case cannot run.
fn run(path: &Path) -> Result<String, String> {
    let text = std::fs::read_to_string(path).map_err(|e| e.to_string())?;
    let case: Case = toml::from_str(&text).map_err(|e| e.to_string())?;
    if case.stdin.is_some() && case.stdin_file.is_some() {
        return Err("give `stdin` or `stdin-file`, not both".into());
    }
    // Paths are read from `cwd`; without it, from the repository root
    // (the test's own folder), as the arguments give them.
    let cwd = PathBuf::from(case.cwd.as_deref().unwrap_or(""));
    if case.cwd.is_some() && !cwd.is_dir() {
        return Err(format!("`cwd`: no folder `{}`", cwd.display()));
    }

    // Every input must be there: a missing fixture fails the case instead
    // of turning into a snapshot of argmap saying that it is missing.
    let mut inputs: Vec<PathBuf> = Vec::new();
    let mut missing = Vec::new();
    for arg in &case.args {
        let Some(p) = path_in(arg) else { continue };
        let at = cwd.join(p);
        if case.absent.iter().any(|a| a == p) {
            if at.exists() {
                return Err(format!("`{p}` is listed in `absent` but exists"));
            }
        } else if at.exists() {
            inputs.push(at);
        } else {
            missing.push(p.to_owned());
        }
    }
    for a in &case.absent {
        if !case.args.iter().any(|arg| path_in(arg) == Some(a.as_str())) {
            return Err(format!("`absent` lists `{a}`, which no argument names"));
        }
    }
    for f in case.fixtures.iter().chain(&case.stdin_file) {
        if Path::new(f).exists() {
            inputs.push(PathBuf::from(f));
        } else {
            missing.push(f.clone());
        }
    }
    if !missing.is_empty() {
        return Err(format!(
            "missing input files: {} (list a path argmap should not find in `absent`)",
            missing.join(", ")
        ));
    }

    // A case only reads: its input files are the same after it ran.
    let before: Vec<(PathBuf, Vec<u8>)> = inputs
        .iter()
        .filter(|p| p.is_file())
        .map(|p| (p.clone(), std::fs::read(p).unwrap()))
        .collect();

    let stdin = match (&case.stdin, &case.stdin_file) {
        (Some(text), _) => text.clone().into_bytes(),
        (_, Some(file)) => std::fs::read(file).map_err(|e| format!("{file}: {e}"))?,
        _ => Vec::new(),
    };
    let mut cmd = common::argmap(&case.args).stdin(stdin);
    if case.cwd.is_some() {
        cmd = cmd.current_dir(&cwd);
    }
    for (k, v) in &case.env {
        cmd = cmd.env(k, v);
    }
    let transcript = cmd.run().transcript(&command_line(&case));

    for (p, bytes) in before {
        if std::fs::read(&p).ok().as_ref() != Some(&bytes) {
            std::fs::write(&p, &bytes).unwrap();
            return Err(format!(
                "the run changed its input `{}` (now restored): a case may only read",
                p.display()
            ));
        }
    }
    Ok(transcript)
}

#[test]
fn every_case_matches_its_snapshot() {
    let cases = cases();
    assert!(!cases.is_empty(), "no cases in {CASES}");
    let mut failed = Vec::new();
    for path in &cases {
        let name = path.file_stem().unwrap().to_string_lossy().into_owned();
        let outcome = match run(path) {
            Err(why) => {
                eprintln!("{}: {why}", path.display());
                Err(())
            }
            Ok(transcript) => {
                let mut settings = insta::Settings::clone_current();
                settings.set_snapshot_path(Path::new("cmd"));
                settings.set_prepend_module_to_snapshot(false);
                settings.set_input_file(path);
                settings.set_omit_expression(true);
                // Every case is checked, and the failures are listed at the
                // end: an assertion that fails panics.
                std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                    settings.bind(|| insta::assert_snapshot!(name.as_str(), transcript));
                }))
                .map_err(|_| ())
            }
        };
        if outcome.is_err() {
            failed.push(path.display().to_string());
        }
    }
    assert!(
        failed.is_empty(),
        "{} of {} cases failed (see above):\n{}",
        failed.len(),
        cases.len(),
        failed.join("\n")
    );
}

/// Every snapshot in `tests/cmd/` belongs to a case, and nothing else is
/// there: a case removed or renamed takes its snapshot with it.
#[test]
fn every_snapshot_has_its_case() {
    let mut strays = Vec::new();
    for entry in std::fs::read_dir(CASES).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        if name == "README.md"
            || name.ends_with(".toml")
            || name.ends_with(".snap.new")
            || name.ends_with(".pending-snap")
        {
            continue;
        }
        let case = path.with_extension("toml");
        if !(name.ends_with(".snap") && case.is_file()) {
            strays.push(name);
        }
    }
    strays.sort();
    assert!(
        strays.is_empty(),
        "files in {CASES} that are not a case or a case's snapshot: {strays:?}"
    );
}
