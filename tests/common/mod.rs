//! The one way the tests run the `argmap` binary: the environment is set
//! here once (no colour, a fixed day for `accessed-date`, no `ARGMAP_DOT`,
//! no backtraces), a run takes arguments and optionally a working folder,
//! more environment, standard input and a time limit, and gives back the
//! exit code, stdout and stderr. Runs go through snapbox's `cmd::Command`.
//!
//! Each test file that runs the binary says `mod common;` and calls
//! [`argmap`]; `tests/cmd.rs` runs the cases of `tests/cmd/` with it.
#![allow(dead_code, clippy::unwrap_used, clippy::expect_used)]

use std::ffi::{OsStr, OsString};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// The day the snapshots were taken: `ARGMAP_TODAY`, the date
/// `accessed-date` compares with.
pub const TODAY: &str = "2026-11-26";

/// The environment every run starts from: each name with its value, or
/// `None` to remove it from what the test inherited.
pub const ENV: &[(&str, Option<&str>)] = &[
    ("NO_COLOR", Some("1")),
    ("ARGMAP_TODAY", Some(TODAY)),
    ("CLICOLOR_FORCE", None),
    ("ARGMAP_DOT", None),
    ("RUST_BACKTRACE", None),
];

/// Writes an executable shell script (`#!/bin/sh` and `body`) at `path`.
///
/// A `sh` child writes it: this process never holds the file open for
/// writing, so no process that another test starts meanwhile can inherit
/// it open (between its fork and its exec), which would make running the
/// script fail with "text file busy". Runs need no lock against scripts.
pub fn write_script(path: &Path, body: &str) {
    use std::io::Write;
    let mut sh = std::process::Command::new("/bin/sh")
        .args(["-c", "cat > \"$1\" && chmod 755 \"$1\"", "sh"])
        .arg(path)
        .stdin(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    sh.stdin
        .take()
        .unwrap()
        .write_all(format!("#!/bin/sh\n{body}\n").as_bytes())
        .unwrap();
    let status = sh.wait().unwrap();
    assert!(status.success(), "cannot write {}", path.display());
}

/// A run of the binary to be: `argmap(["check", "map.toml"]).run()`.
pub fn argmap<I, S>(args: I) -> Argmap
where
    I: IntoIterator<Item = S>,
    S: AsRef<OsStr>,
{
    Argmap {
        args: args.into_iter().map(|a| a.as_ref().to_owned()).collect(),
        cwd: None,
        env: Vec::new(),
        stdin: Vec::new(),
        time_limit: None,
    }
}

/// Runs argmap with `args` from the repository root.
pub fn run(args: &[&str]) -> Run {
    argmap(args).run()
}

/// Runs argmap in `dir` with `args` and `env` set over [`ENV`].
pub fn run_in(dir: &Path, args: &[&str], env: &[(&str, &str)]) -> Run {
    argmap(args).current_dir(dir).envs(env).run()
}

/// `$ argmap ARGS`, the exit code, stdout and stderr of a run from the
/// repository root: the transcript the CLI snapshots show.
pub fn transcript(args: &[&str]) -> String {
    argmap(args)
        .run()
        .transcript(&format!("argmap {}", args.join(" ")))
}

/// What to run: see [`argmap`].
#[must_use]
pub struct Argmap {
    args: Vec<OsString>,
    cwd: Option<PathBuf>,
    env: Vec<(OsString, Option<OsString>)>,
    stdin: Vec<u8>,
    time_limit: Option<Duration>,
}

impl Argmap {
    /// One more argument.
    pub fn arg(mut self, arg: impl AsRef<OsStr>) -> Self {
        self.args.push(arg.as_ref().to_owned());
        self
    }

    /// More arguments.
    pub fn args<I, S>(mut self, args: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: AsRef<OsStr>,
    {
        self.args
            .extend(args.into_iter().map(|a| a.as_ref().to_owned()));
        self
    }

    /// Runs in `dir` (by default the test's own, the repository root).
    pub fn current_dir(mut self, dir: impl AsRef<Path>) -> Self {
        self.cwd = Some(dir.as_ref().to_owned());
        self
    }

    /// Sets `key` to `value`, over [`ENV`].
    pub fn env(mut self, key: impl AsRef<OsStr>, value: impl AsRef<OsStr>) -> Self {
        self.env
            .push((key.as_ref().to_owned(), Some(value.as_ref().to_owned())));
        self
    }

    /// Sets each `(key, value)` of `env`.
    pub fn envs(self, env: &[(&str, &str)]) -> Self {
        env.iter().fold(self, |cmd, (k, v)| cmd.env(k, v))
    }

    /// Removes `key`, which [`ENV`] or the test's own environment set.
    pub fn env_remove(mut self, key: impl AsRef<OsStr>) -> Self {
        self.env.push((key.as_ref().to_owned(), None));
        self
    }

    /// What the binary reads on standard input (by default nothing: it
    /// reads end of file at once).
    pub fn stdin(mut self, bytes: impl Into<Vec<u8>>) -> Self {
        self.stdin = bytes.into();
        self
    }

    /// Kills the binary, and fails the test, when it runs longer than
    /// `limit`.
    pub fn time_limit(mut self, limit: Duration) -> Self {
        self.time_limit = Some(limit);
        self
    }

    /// The command line, for messages: `argmap check map.toml`.
    pub fn shown(&self) -> String {
        let args: Vec<_> = self.args.iter().map(|a| a.to_string_lossy()).collect();
        format!("argmap {}", args.join(" "))
    }

    /// The `std` command with the arguments, folder and environment set,
    /// for what snapbox cannot do (reading part of stdout, then closing
    /// it). Standard input, a time limit and output capture are the
    /// caller's.
    pub fn std_command(&self) -> std::process::Command {
        let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_argmap"));
        cmd.args(&self.args);
        if let Some(dir) = &self.cwd {
            cmd.current_dir(dir);
        }
        for (key, value) in ENV {
            match value {
                Some(v) => cmd.env(key, v),
                None => cmd.env_remove(key),
            };
        }
        for (key, value) in &self.env {
            match value {
                Some(v) => cmd.env(key, v),
                None => cmd.env_remove(key),
            };
        }
        cmd
    }

    /// Runs the binary to its end and captures what it did.
    pub fn run(self) -> Run {
        let shown = self.shown();
        let mut cmd = snapbox::cmd::Command::from_std(self.std_command()).stdin(self.stdin);
        if let Some(limit) = self.time_limit {
            cmd = cmd.timeout(limit);
        }
        let start = Instant::now();
        let output = cmd
            .output()
            .unwrap_or_else(|e| panic!("cannot run `{shown}`: {e}"));
        let took = start.elapsed();
        if let Some(limit) = self.time_limit {
            // snapbox kills the binary at the limit: no exit code.
            if output.status.code().is_none() && took >= limit {
                panic!("`{shown}` ran longer than {limit:?}");
            }
        }
        Run {
            code: output.status.code().unwrap_or(-1),
            stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
            raw_stdout: output.stdout,
            took,
        }
    }
}

/// What a run of the binary did.
pub struct Run {
    /// The exit code; -1 when a signal ended it.
    pub code: i32,
    /// Stdout, not-UTF-8 bytes replaced (see [`Run::stdout_utf8`]).
    pub stdout: String,
    /// Stderr, not-UTF-8 bytes replaced.
    pub stderr: String,
    /// How long it ran.
    pub took: Duration,
    raw_stdout: Vec<u8>,
}

impl Run {
    /// Stdout, which must be UTF-8.
    pub fn stdout_utf8(&self) -> &str {
        std::str::from_utf8(&self.raw_stdout).expect("stdout is UTF-8")
    }

    /// `$ COMMAND`, `exit: N`, then stdout and stderr, each after a
    /// `--- ` line: how the CLI snapshots show a run.
    pub fn transcript(&self, command: &str) -> String {
        format!(
            "$ {command}\nexit: {}\n--- stdout\n{}--- stderr\n{}",
            self.code, self.stdout, self.stderr
        )
    }
}

/// The text of `s` between `start` and the next `end` (a README's or a
/// doc's block); fails the test when either is missing.
pub fn between<'a>(s: &'a str, start: &str, end: &str) -> &'a str {
    let from = s
        .find(start)
        .unwrap_or_else(|| panic!("no `{start}` in the text"))
        + start.len();
    let to = s[from..]
        .find(end)
        .unwrap_or_else(|| panic!("no `{end}` after `{start}`"))
        + from;
    &s[from..to]
}
