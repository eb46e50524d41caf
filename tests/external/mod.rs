//! Tests that need what this repository does not hold: the chapter text
//! (copyrighted, beside the repository in `../shared/`), `copycheck.py`
//! with Python 3, and Graphviz. libtest can only pass or fail a test, and
//! hides what a passing test prints, so such tests live in their own test
//! targets (`harness = false` in Cargo.toml), run by libtest-mimic: a test
//! whose input is missing is reported as `ignored (why)` and counted in the
//! summary line, or, under `ARGMAP_CI=1` (`.ci/run` exports it), fails.
//!
//! A target says `mod external;` and ends in
//! `fn main() -> ExitCode { external::run(vec![external::test(...), ...]) }`.
#![allow(dead_code, clippy::unwrap_used, clippy::expect_used)]

use std::path::Path;
use std::process::{Command, ExitCode, Stdio};

use libtest_mimic::{Arguments, Completion, Failed, Trial};

/// Set to `1` (by `.ci/run`), a test whose input is missing fails instead
/// of being ignored.
pub const CI: &str = "ARGMAP_CI";
/// Where the chapter text is, when not at [`CHAPTER_TEXT`].
pub const CHAPTER_TEXT_VAR: &str = "ARGMAP_CHAPTER_TEXT";
/// Where CI keeps the chapter text (`shared/` beside the clone).
pub const CHAPTER_TEXT: &str = "../shared/chapter/cpc-and-sovereignty.txt";
/// The independent copy measure, which comes with the chapter text.
pub const COPYCHECK: &str = "../shared/tools/copycheck.py";

/// Something a test needs from outside the repository.
#[derive(Clone, Copy, Debug)]
pub enum Need {
    /// The chapter text, at `ARGMAP_CHAPTER_TEXT` or [`CHAPTER_TEXT`].
    ChapterText,
    /// [`COPYCHECK`], and `python3` to run it.
    Copycheck,
    /// Graphviz: `dot` on `PATH`.
    Graphviz,
    /// Headless Chromium ([`CHROMIUM_VAR`], else [`CHROMIUM`]), Node.js,
    /// and `puppeteer-core` installed in [`BROWSER_TESTS`] (`npm ci`).
    Chromium,
    /// groff, which typesets man pages (`groff-base` on Debian).
    Groff,
}

/// Where Chromium is, when not at [`CHROMIUM`].
pub const CHROMIUM_VAR: &str = "ARGMAP_CHROMIUM";
/// Debian's Chromium (`apt-get install chromium`).
pub const CHROMIUM: &str = "/usr/bin/chromium";
/// The Node.js script that drives Chromium, and its `node_modules/`.
pub const BROWSER_TESTS: &str = "tests/browser";

/// The path of Chromium: `ARGMAP_CHROMIUM`, else [`CHROMIUM`].
pub fn chromium() -> String {
    std::env::var(CHROMIUM_VAR).unwrap_or_else(|_| CHROMIUM.to_owned())
}

impl Need {
    /// Why it is missing here, or `None` when it is here.
    pub fn missing(self) -> Option<String> {
        match self {
            Need::ChapterText => {
                let path = chapter_text();
                (!Path::new(&path).is_file()).then(|| {
                    format!("the chapter text is not at {path}; {CHAPTER_TEXT_VAR}=PATH names another place")
                })
            }
            Need::Copycheck => {
                if !Path::new(COPYCHECK).is_file() {
                    Some(format!("{COPYCHECK} is not there"))
                } else if !runs("python3", "--version") {
                    Some("`python3` does not run".to_owned())
                } else {
                    None
                }
            }
            Need::Graphviz => {
                (!runs("dot", "-V")).then(|| "Graphviz `dot` is not on PATH".to_owned())
            }
            Need::Groff => {
                (!runs("groff", "--version")).then(|| "`groff` is not on PATH".to_owned())
            }
            Need::Chromium => {
                let path = chromium();
                if !runs(&path, "--version") {
                    Some(format!(
                        "Chromium does not run at {path}; {CHROMIUM_VAR}=PATH names another"
                    ))
                } else if !runs("node", "--version") {
                    Some("`node` does not run".to_owned())
                } else if !Path::new(BROWSER_TESTS)
                    .join("node_modules/puppeteer-core/package.json")
                    .is_file()
                {
                    Some(format!(
                        "puppeteer-core is not installed: run `npm ci` in {BROWSER_TESTS}"
                    ))
                } else {
                    None
                }
            }
        }
    }
}

/// Whether `program arg` runs and succeeds.
fn runs(program: &str, arg: &str) -> bool {
    Command::new(program)
        .arg(arg)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}

/// The path of the chapter text: `ARGMAP_CHAPTER_TEXT`, else
/// [`CHAPTER_TEXT`]. A test that declares [`Need::ChapterText`] runs only
/// when a file is there.
pub fn chapter_text() -> String {
    std::env::var(CHAPTER_TEXT_VAR).unwrap_or_else(|_| CHAPTER_TEXT.to_owned())
}

/// Whether this is CI's run: `ARGMAP_CI` is set, and neither empty nor `0`.
pub fn in_ci() -> bool {
    std::env::var_os(CI).is_some_and(|v| !v.is_empty() && v != "0")
}

/// What becomes of a test whose inputs are missing as `missing` says.
#[derive(Debug, PartialEq)]
pub enum Verdict {
    /// Everything is here.
    Run,
    /// Not here, and this is not CI: reported as ignored, with the reason.
    Ignore(String),
    /// Not here, and CI must have it: the test fails with this message.
    Fail(String),
}

/// The verdict on a test whose missing inputs are `missing`, in CI or not.
pub fn verdict(missing: &[String], ci: bool) -> Verdict {
    if missing.is_empty() {
        Verdict::Run
    } else if ci {
        Verdict::Fail(format!(
            "{}; {CI}=1 requires every input of the tests (.ci/run provides them)",
            missing.join("; ")
        ))
    } else {
        Verdict::Ignore(missing.join("; "))
    }
}

/// A test that needs nothing from outside: it passes unless `f` panics.
pub fn test(name: &str, f: fn()) -> Trial {
    Trial::test(name, move || {
        f();
        Ok(())
    })
}

/// A test that runs `f` when every one of `needs` is here; otherwise see
/// [`verdict`]. The needs are looked at when the test runs, so a test
/// left out by a filter looks for nothing.
pub fn needs(name: &str, needs: &[Need], f: fn()) -> Trial {
    let needs = needs.to_vec();
    Trial::ignorable_test(name, move || {
        let missing: Vec<String> = needs.iter().filter_map(|n| n.missing()).collect();
        match verdict(&missing, in_ci()) {
            Verdict::Run => {
                f();
                Ok(Completion::Completed)
            }
            Verdict::Ignore(why) => Ok(Completion::ignored_with(why)),
            Verdict::Fail(why) => Err(Failed::from(why)),
        }
    })
}

/// Runs `trials` as libtest would, with this process's arguments
/// (`cargo test NAME`, `-- --exact`, `--test-threads`, `--list` ...).
pub fn run(trials: Vec<Trial>) -> ExitCode {
    libtest_mimic::run(&Arguments::from_args(), trials).exit_code()
}

/// A run of this test binary for one test, as [`rerun`] gives it.
pub struct Rerun {
    /// The exit code: 0 when nothing failed, 101 when a test did.
    pub code: i32,
    /// What the harness printed: the test's line and the summary line.
    pub stdout: String,
}

/// Runs this test binary again for the one test `name` (exactly), with
/// `env` set over this process's environment (`None` removes a variable):
/// how a test of the mechanism sees what a person or CI sees.
pub fn rerun(name: &str, env: &[(&str, Option<&str>)]) -> Rerun {
    let exe = std::env::current_exe().unwrap();
    let mut cmd = Command::new(&exe);
    cmd.args(["--exact", name, "--test-threads", "1", "--color", "never"]);
    for (key, value) in env {
        match value {
            Some(v) => cmd.env(key, v),
            None => cmd.env_remove(key),
        };
    }
    let out = cmd
        .stdin(Stdio::null())
        .output()
        .unwrap_or_else(|e| panic!("cannot run {}: {e}", exe.display()));
    Rerun {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
    }
}

/// Holds the mechanism to account on the test `name`, which needs an input
/// that `hide` (variables set over this environment) makes missing, as
/// `why` says: run alone with `ARGMAP_CI` unset, empty or `0`, it is
/// reported ignored with `why` and the run passes; with `ARGMAP_CI=1` it
/// fails, saying `why`, and so does the run.
pub fn assert_missing_input_is_loud(name: &str, hide: &[(&str, Option<&str>)], why: &str) {
    let with_ci = |ci: Option<&'static str>| {
        let mut env = hide.to_vec();
        env.push((CI, ci));
        rerun(name, &env)
    };
    for ci in [None, Some(""), Some("0")] {
        let here = with_ci(ci);
        assert_eq!(
            here.code, 0,
            "{CI}={ci:?}: ignored, not failed:\n{}",
            here.stdout
        );
        assert!(
            here.stdout
                .contains(&format!("test {name} ... ignored ({why}")),
            "the test's line says it is ignored, and why:\n{}",
            here.stdout
        );
        assert!(
            here.stdout
                .contains("test result: ok. 0 passed; 0 failed; 1 ignored;"),
            "the summary line counts it ignored:\n{}",
            here.stdout
        );
    }

    let ci = with_ci(Some("1"));
    assert_eq!(ci.code, 101, "failed in CI:\n{}", ci.stdout);
    assert!(
        ci.stdout.contains(&format!("test {name} ... FAILED")),
        "{}",
        ci.stdout
    );
    assert!(
        ci.stdout.contains(why) && ci.stdout.contains("ARGMAP_CI=1 requires"),
        "the failure says what is missing, and why it fails:\n{}",
        ci.stdout
    );
    assert!(
        ci.stdout
            .contains("test result: FAILED. 0 passed; 1 failed; 0 ignored;"),
        "{}",
        ci.stdout
    );
}

/// `trial!(f)`: the test `f`, named as its function;
/// `trial!(f, needs Graphviz, ...)`: the same, needing what it names.
macro_rules! trial {
    ($f:ident) => {
        $crate::external::test(stringify!($f), $f)
    };
    ($f:ident, needs $($need:ident),+) => {
        $crate::external::needs(stringify!($f), &[$($crate::external::Need::$need),+], $f)
    };
}
pub(crate) use trial;
