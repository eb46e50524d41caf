//! Running the Graphviz `dot` program: DOT on its standard input, the
//! rendered diagram from its standard output, with a time limit.
//!
//! graphviz-rust has its own `exec`, but it waits for `dot` without any
//! time limit, and a large map can keep `dot` busy for hours; this module
//! spawns `dot` itself and kills it when the limit passes.

use std::ffi::{OsStr, OsString};
use std::fmt;
use std::io::{ErrorKind, Read, Write};
use std::process::{Command, ExitStatus, Stdio};
use std::thread;
use std::time::Duration;

use wait_timeout::ChildExt;

use super::Format;

/// The environment variable that names the `dot` program to run instead of
/// the one on `PATH`.
pub const DOT_ENV: &str = "ARGMAP_DOT";

/// The `dot` program to run: `$ARGMAP_DOT` when set and not empty, else
/// `dot` (looked up on `PATH`).
pub fn dot_program() -> OsString {
    std::env::var_os(DOT_ENV)
        .filter(|v| !v.is_empty())
        .unwrap_or_else(|| OsString::from("dot"))
}

/// What `dot` produced.
#[derive(Debug)]
pub struct Rendered {
    /// The diagram in the requested format.
    pub output: Vec<u8>,
    /// What `dot` wrote on its standard error (warnings), trimmed.
    pub warnings: String,
}

/// Why `dot` gave no diagram.
#[derive(Debug)]
pub enum DotError {
    /// The program does not exist.
    NotFound {
        /// The program as given.
        program: OsString,
    },
    /// The program exists but could not be started.
    Spawn {
        /// The program as given.
        program: OsString,
        /// The I/O error.
        error: std::io::Error,
    },
    /// `dot` exited with a failure status.
    Failed {
        /// Its exit status.
        status: ExitStatus,
        /// What it wrote on its standard error, trimmed.
        stderr: String,
    },
    /// `dot` exited successfully but wrote nothing.
    Empty {
        /// What it wrote on its standard error, trimmed.
        stderr: String,
    },
    /// `dot` ran longer than the time limit and was killed.
    TimedOut {
        /// The limit.
        limit: Duration,
    },
    /// Waiting for `dot` or reading its output failed.
    Io(std::io::Error),
}

impl fmt::Display for DotError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DotError::NotFound { program } => write!(
                f,
                "Graphviz is not installed: its `{}` program was not found",
                program.to_string_lossy()
            ),
            DotError::Spawn { program, error } => write!(
                f,
                "cannot run Graphviz `{}`: {}",
                program.to_string_lossy(),
                lowercase_reason(error)
            ),
            DotError::Failed { status, .. } => match status.code() {
                Some(code) => write!(f, "Graphviz `dot` failed with exit status {code}"),
                None => write!(f, "Graphviz `dot` was stopped by a signal"),
            },
            DotError::Empty { .. } => write!(f, "Graphviz `dot` produced no output"),
            DotError::TimedOut { limit } => write!(
                f,
                "Graphviz `dot` did not finish within {} s and was stopped",
                limit.as_secs_f64()
            ),
            DotError::Io(e) => write!(f, "cannot run Graphviz `dot`: {}", lowercase_reason(e)),
        }
    }
}

impl std::error::Error for DotError {}

impl DotError {
    /// What `dot` wrote on its standard error, when it wrote anything.
    pub fn stderr(&self) -> Option<&str> {
        match self {
            DotError::Failed { stderr, .. } | DotError::Empty { stderr } if !stderr.is_empty() => {
                Some(stderr)
            }
            _ => None,
        }
    }
}

fn lowercase_reason(e: &std::io::Error) -> String {
    let s = e.to_string();
    let s = s.split(" (os error").next().unwrap_or(&s);
    let mut c = s.chars();
    c.next().map_or_else(String::new, |f| {
        f.to_lowercase().collect::<String>() + c.as_str()
    })
}

/// At most this many bytes of `dot`'s standard error are kept.
const STDERR_LIMIT: usize = 4000;

/// `dot`'s standard error, trimmed: surrounding whitespace removed and, when
/// long, only the last lines kept.
fn trim_stderr(bytes: &[u8]) -> String {
    let text = String::from_utf8_lossy(bytes);
    let text = text.trim();
    if text.len() <= STDERR_LIMIT {
        return text.to_owned();
    }
    let mut start = text.len() - STDERR_LIMIT;
    while !text.is_char_boundary(start) {
        start += 1;
    }
    let tail = text.get(start..).unwrap_or("");
    let tail = tail.split_once('\n').map_or(tail, |(_, rest)| rest);
    format!("...\n{tail}")
}

/// Renders `dot_source` to `format` with the Graphviz program `program`,
/// killing it after `limit`.
///
/// The DOT is written on a thread while two more read `dot`'s output and
/// errors, so that no pipe fills up and blocks `dot`. On time-out the
/// process is killed and reaped but the threads are left to finish on
/// their own: a wrapper script's own children may hold the pipes open.
pub fn run_dot(
    program: &OsStr,
    dot_source: &str,
    format: Format,
    limit: Duration,
) -> Result<Rendered, DotError> {
    let mut child = Command::new(program)
        .arg(format!("-T{}", format.name()))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|error| match error.kind() {
            ErrorKind::NotFound => DotError::NotFound {
                program: program.to_owned(),
            },
            _ => DotError::Spawn {
                program: program.to_owned(),
                error,
            },
        })?;
    let input = dot_source.as_bytes().to_vec();
    let stdin = child.stdin.take();
    // A broken pipe (dot exited without reading everything) shows up as
    // dot's own failure; the write error itself adds nothing.
    let writer = thread::spawn(move || {
        if let Some(mut stdin) = stdin {
            stdin.write_all(&input).ok();
        }
    });
    let stdout = child.stdout.take();
    let out_reader = thread::spawn(move || {
        let mut buf = Vec::new();
        if let Some(mut s) = stdout {
            s.read_to_end(&mut buf).map(|_| buf)
        } else {
            Ok(buf)
        }
    });
    let stderr = child.stderr.take();
    let err_reader = thread::spawn(move || {
        let mut buf = Vec::new();
        if let Some(mut s) = stderr {
            s.read_to_end(&mut buf).ok();
        }
        buf
    });
    let status = match child.wait_timeout(limit) {
        Ok(Some(status)) => status,
        Ok(None) => {
            child.kill().ok();
            child.wait().ok();
            return Err(DotError::TimedOut { limit });
        }
        Err(e) => {
            child.kill().ok();
            child.wait().ok();
            return Err(DotError::Io(e));
        }
    };
    writer.join().ok();
    let errors = trim_stderr(&err_reader.join().unwrap_or_default());
    let output = match out_reader.join() {
        Ok(Ok(output)) => output,
        Ok(Err(e)) => return Err(DotError::Io(e)),
        Err(_) => {
            return Err(DotError::Io(std::io::Error::other(
                "reading dot's output failed",
            )));
        }
    };
    if !status.success() {
        return Err(DotError::Failed {
            status,
            stderr: errors,
        });
    }
    if output.is_empty() {
        return Err(DotError::Empty { stderr: errors });
    }
    Ok(Rendered {
        output,
        warnings: errors,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trims_long_stderr_to_its_last_lines() {
        let long = "line\n".repeat(2000);
        let t = trim_stderr(long.as_bytes());
        assert!(t.starts_with("...\nline"));
        assert!(t.len() <= STDERR_LIMIT + 4);
        assert_eq!(trim_stderr(b"  Error: x\n"), "Error: x");
    }
}
