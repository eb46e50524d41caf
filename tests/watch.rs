//! `--watch`, for real: `argmap check --watch` and `argmap render --watch`
//! run as a person runs them, on a map in a temporary folder that the test
//! then edits as editors save (in place, by rename, by moving the old file
//! aside), reading the output until each run shows, with a generous time
//! limit and no sleep. The render's last good output stays when the map
//! breaks; ctrl-c (SIGINT) ends a watch with 130, SIGTERM with 143. The
//! messages are snapshots, their times normalised.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use std::io::BufRead;
use std::path::{Path, PathBuf};
use std::process::{Child, Stdio};
use std::sync::mpsc::{Receiver, RecvTimeoutError};
use std::time::{Duration, Instant};

mod common;

/// How long a run may take to show: long, for a loaded machine.
const PATIENCE: Duration = Duration::from_secs(90);

/// A watch running in the background, and what it printed on stderr so far.
struct Watching {
    child: Child,
    lines: Receiver<String>,
    shown: String,
}

impl Watching {
    /// Starts `argmap ARGS` in `dir`.
    fn start(dir: &Path, args: &[&str]) -> Watching {
        let shown = format!("argmap {}", args.join(" "));
        let mut child = common::argmap(args)
            .current_dir(dir)
            .std_command()
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let stderr = child.stderr.take().unwrap();
        let (tx, lines) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            for line in std::io::BufReader::new(stderr).lines() {
                let Ok(line) = line else { break };
                if tx.send(line).is_err() {
                    break;
                }
            }
        });
        Watching {
            child,
            lines,
            shown,
        }
    }

    /// The lines printed from now until `done` holds for the lines read so
    /// far (ending at the last line read); fails after [`PATIENCE`].
    fn until(&mut self, what: &str, done: impl Fn(&[String]) -> bool) -> Vec<String> {
        let deadline = Instant::now() + PATIENCE;
        let mut read = Vec::new();
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            match self.lines.recv_timeout(left) {
                Ok(line) => {
                    read.push(line);
                    if done(&read) {
                        return read;
                    }
                }
                Err(RecvTimeoutError::Timeout) => panic!(
                    "`{}`: no {what} within {PATIENCE:?}; read:\n{}",
                    self.shown,
                    read.join("\n")
                ),
                Err(RecvTimeoutError::Disconnected) => panic!(
                    "`{}` ended before {what}: {:?}; read:\n{}",
                    self.shown,
                    self.child.wait(),
                    read.join("\n")
                ),
            }
        }
    }

    /// Sends `signal` (`INT`, `TERM`) and gives the exit code.
    fn stop(mut self, signal: &str) -> Option<i32> {
        let status = std::process::Command::new("kill")
            .arg(format!("-{signal}"))
            .arg(self.child.id().to_string())
            .status()
            .unwrap();
        assert!(status.success());
        let deadline = Instant::now() + PATIENCE;
        while Instant::now() < deadline {
            if let Some(status) = self.child.try_wait().unwrap() {
                return status.code();
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        panic!("`{}` still runs {PATIENCE:?} after SIG{signal}", self.shown);
    }
}

impl Drop for Watching {
    fn drop(&mut self) {
        // A test that failed leaves no watch behind.
        self.child.kill().ok();
        self.child.wait().ok();
    }
}

/// Whether the last line read starts with `prefix` and an earlier one
/// holds `seen`.
fn after(read: &[String], seen: &str, prefix: &str) -> bool {
    read.last().is_some_and(|l| l.starts_with(prefix)) && read.iter().any(|l| l.contains(seen))
}

/// The lines of the last run: from its `changed` line on (a save that the
/// system reported in two parts may have run twice; the last run is the
/// one of the whole file).
fn last_run(lines: &[String]) -> Vec<String> {
    let start = lines
        .iter()
        .rposition(|l| l.ends_with("changed"))
        .unwrap_or(0);
    lines[start..].to_vec()
}

/// `[12:03:59]` as `[HH:MM:SS]`.
fn normalise(line: &str) -> String {
    let bytes = line.as_bytes();
    let is_time = bytes.len() >= 10
        && bytes[0] == b'['
        && bytes[9] == b']'
        && bytes[1..9].iter().enumerate().all(|(i, b)| {
            if i % 3 == 2 {
                *b == b':'
            } else {
                b.is_ascii_digit()
            }
        });
    if is_time {
        format!("[HH:MM:SS]{}", &line[10..])
    } else {
        line.to_owned()
    }
}

/// The steps, each with its lines, as the snapshot shows them.
fn transcript(steps: &[(&str, Vec<String>)]) -> String {
    let mut out = String::new();
    for (step, lines) in steps {
        out.push_str(&format!("### {step}\n"));
        for line in lines {
            out.push_str(&normalise(line));
            out.push('\n');
        }
    }
    out
}

/// Writes `text` to `path` as editors that save by rename do: a new file
/// beside it, renamed over it.
fn save_by_rename(path: &Path, text: &str) {
    let new = path.with_extension("toml.new");
    std::fs::write(&new, text).unwrap();
    std::fs::rename(&new, path).unwrap();
}

fn starter() -> String {
    argmap::starter::TEMPLATE.to_owned()
}

/// A text for the starter's survey, and the map citing a quote of it.
const SURVEY: &str = "What readers want from their library\n\n\
Opening hours\n\n\
The library asked its readers in the spring which hours suit them. Nine \
hundred people answered, on paper at the desk and online, over six weeks. \
Most readers asked for the library to open on Sundays, and many of them \
said that they work on weekdays until the evening. Fewer asked for longer \
hours on Saturdays, and almost nobody wanted the library to open earlier \
in the morning. Families with young children asked for a quiet room on \
weekend afternoons, and students asked for more desks near the windows.\n";

fn with_survey_text(map: &str) -> String {
    map.replace(
        "year = 2025\nkind = \"report\"\n\n[sources.budget]",
        "year = 2025\nkind = \"report\"\ntext = \"texts/survey.txt\"\n\n[sources.budget]",
    )
    .replace(
        "cites = [{ source = \"survey\", at = \"p. 3\" }]",
        "cites = [{ source = \"survey\", at = \"p. 3\", quote = \"asked for the library to open\" }]",
    )
}

#[test]
fn check_watch_checks_again_at_each_save_and_stops_on_ctrl_c() {
    let dir = tempfile::tempdir().unwrap();
    let map: PathBuf = dir.path().join("map.toml");
    std::fs::write(&map, starter()).unwrap();
    let mut watch = Watching::start(dir.path(), &["check", "--watch", "map.toml"]);
    let mut steps = Vec::new();

    let first = watch.until("the first run", |r| after(r, "", "[") && r.len() > 1);
    steps.push(("the first run", first));

    // Saved in place, with a reference to nothing.
    std::fs::write(
        &map,
        starter().replace(
            "supports = [\"open-sundays\"]",
            "supports = [\"open-sunday\"]",
        ),
    )
    .unwrap();
    let lines = watch.until("the run after a save in place", |r| {
        after(r, "`open-sunday`", "checked 1 map")
    });
    steps.push((
        "saved in place, with a reference to nothing",
        last_run(&lines),
    ));

    // Saved by rename, mended.
    save_by_rename(
        &map,
        &starter().replace("Sunday hours\"", "Sunday hours, and soon\""),
    );
    let lines = watch.until("the run after a save by rename", |r| {
        after(
            r,
            "changed",
            "checked 1 map (6 claims, 2 sources): no problems found",
        )
    });
    steps.push(("saved by rename, mended", last_run(&lines)));

    // The old file moved aside, a new one written (not TOML).
    std::fs::rename(&map, dir.path().join("map.toml~")).unwrap();
    std::fs::write(&map, "[map\ntitle = \"Sundays\"\n").unwrap();
    let lines = watch.until("the run after a move and a write", |r| {
        after(r, "toml-syntax", "checked 1 map")
    });
    steps.push(("moved aside and written anew, not TOML", last_run(&lines)));

    // A source text appears: it is watched too.
    std::fs::create_dir(dir.path().join("texts")).unwrap();
    std::fs::write(dir.path().join("texts/survey.txt"), SURVEY).unwrap();
    save_by_rename(&map, &with_survey_text(&starter()));
    let lines = watch.until("the watch of the text", |r| {
        after(r, "checked 1 map", "[") && r.last().unwrap().contains("texts/survey.txt")
    });
    steps.push(("a source text named", last_run(&lines)));

    // The text changes: the quote is gone.
    std::fs::write(
        dir.path().join("texts/survey.txt"),
        SURVEY.replace("asked for the library to open", "wanted longer hours"),
    )
    .unwrap();
    let lines = watch.until("the run after the text changed", |r| {
        after(r, "quote-not-found", "checked 1 map")
    });
    steps.push(("the text changed", last_run(&lines)));

    assert_eq!(watch.stop("INT"), Some(130));
    insta::assert_snapshot!("check_watch", transcript(&steps));
}

#[test]
fn render_watch_keeps_the_last_good_diagram_when_the_map_breaks() {
    let dir = tempfile::tempdir().unwrap();
    let map = dir.path().join("map.toml");
    let out = dir.path().join("map.dot");
    std::fs::write(&map, starter()).unwrap();
    let mut watch = Watching::start(
        dir.path(),
        &["render", "map.toml", "-o", "map.dot", "--watch"],
    );
    let mut steps = Vec::new();
    let first = watch.until("the first drawing", |r| after(r, "wrote `map.dot`", "["));
    steps.push(("the first run", first));
    let good = std::fs::read(&out).unwrap();
    assert!(String::from_utf8_lossy(&good).starts_with("digraph"));

    // An error-level finding: the diagram stays.
    save_by_rename(
        &map,
        &starter().replace("attacks = [\"staff-cost\"]", "attacks = [\"staff-costs\"]"),
    );
    let lines = watch.until("the run of a map with an error", |r| {
        after(r, "`staff-costs`", "note: `map.dot` is left as it was")
    });
    steps.push(("a reference to nothing", last_run(&lines)));
    assert_eq!(std::fs::read(&out).unwrap(), good);

    // Not TOML: the diagram stays.
    save_by_rename(&map, "[claims.a\n");
    let lines = watch.until("the run of a map that is not TOML", |r| {
        after(r, "toml-syntax", "note: `map.dot` is left as it was")
    });
    steps.push(("not TOML", last_run(&lines)));
    assert_eq!(std::fs::read(&out).unwrap(), good);

    // Mended, and changed: drawn again.
    save_by_rename(
        &map,
        &starter().replace(
            "should open on Sundays\"",
            "should open on Sunday afternoons\"",
        ),
    );
    let lines = watch.until("the drawing of the mended map", |r| {
        after(r, "changed", "note: wrote `map.dot`")
    });
    steps.push(("mended", last_run(&lines)));
    let drawn = std::fs::read_to_string(&out).unwrap();
    assert!(drawn.contains("Sunday afternoons"), "{drawn}");

    // No temporary file is left beside the diagram.
    let mut names: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names, ["map.dot", "map.toml"]);

    assert_eq!(watch.stop("TERM"), Some(143));
    insta::assert_snapshot!("render_watch", transcript(&steps));
}

#[test]
fn a_watch_with_a_wrong_command_line_does_not_start() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("map.toml"), starter()).unwrap();
    // Nothing to draw to: no save would mend it, so it ends at once.
    let run = common::argmap(["render", "map.toml", "-o", "map.txt", "--watch"])
        .current_dir(dir.path())
        .time_limit(PATIENCE)
        .run();
    assert_eq!(run.code, 2, "{}", run.stderr);
    let run = common::argmap(["check", "--watch", "-A", "no-such-code", "map.toml"])
        .current_dir(dir.path())
        .time_limit(PATIENCE)
        .run();
    assert_eq!(run.code, 2, "{}", run.stderr);
    let run = common::argmap(["check", "--watch", "missing/map.toml"])
        .current_dir(dir.path())
        .time_limit(PATIENCE)
        .run();
    assert_eq!(run.code, 2, "{}", run.stderr);
    insta::assert_snapshot!("watch_does_not_start", run.stderr);
}
