//! `--watch` (of `check` and `render`): run the command, then again each
//! time a file it read is saved, until ctrl-c.
//!
//! The folders of those files are watched, not the files, so that a save
//! by rename (write a new file, rename it over the old one, as many editors
//! do) is seen. Only the changes to the files the run read count (not their
//! being read, which the next run does), and a run waits for them to be
//! quiet for [`QUIET`], since one save is often several writes. Waiting
//! blocks on a channel: nothing runs between saves.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::Duration;

use notify::event::{AccessKind, AccessMode};
use notify::{EventKind, RecursiveMode, Watcher};

use super::{Error, Outcome, output};

/// How long the files must be quiet before a run: an editor's save is
/// often several writes.
const QUIET: Duration = Duration::from_millis(200);

/// The exit code after ctrl-c (SIGINT): 128 + 2, as a shell reports a
/// program that ctrl-c stopped.
pub const INTERRUPTED: u8 = 130;

/// What the loop waits for.
enum Event {
    /// Something happened in a watched folder (or the watcher failed).
    Files(notify::Result<notify::Event>),
    /// A signal asked to stop: its exit code.
    Stop(u8),
}

/// Runs `run`, and again each time one of the files it read changes,
/// until ctrl-c. `run` adds the paths of the files it read, or meant to
/// read, to the list it is given; `first` are those known before the first
/// run (the maps named), watched from the start. A failed run is printed,
/// and the watch goes on: the next save may mend it; but a first run that
/// fails before reading anything (it added no path) failed on the command
/// line, and the watch does not start.
///
/// Returns [`INTERRUPTED`] after ctrl-c (143 after SIGTERM); a watch that
/// cannot start is an error (exit 2).
pub fn watch(first: &[PathBuf], mut run: impl FnMut(&mut Vec<PathBuf>) -> Outcome) -> Outcome {
    let (tx, rx) = mpsc::channel::<Event>();
    let files_tx = tx.clone();
    let mut watcher = notify::recommended_watcher(move |result| {
        files_tx.send(Event::Files(result)).ok();
    })
    .map_err(|e| Error::failed(format!("cannot watch files: {}", reason(&e))))?;
    stop_on_signals(tx)?;

    let mut watched = Watched::default();
    watched.set(first, |dir| watcher.watch(dir, RecursiveMode::NonRecursive))?;
    let mut runs = 0u64;
    loop {
        let mut read = Vec::new();
        if let Err(e) = run(&mut read) {
            // Before reading anything, only the command line can be wrong:
            // no save will mend it.
            if runs == 0 && read.is_empty() {
                return Err(e);
            }
            super::report(&e);
        }
        runs += 1;
        read.extend(first.iter().cloned());
        let (added, removed) = watched.update(&read);
        for dir in &removed {
            // A folder gone or unwatchable: no events from it either way.
            watcher.unwatch(dir).ok();
        }
        for dir in &added {
            if let Err(e) = watcher.watch(dir, RecursiveMode::NonRecursive) {
                super::warn(&format!("cannot watch `{}`: {}", dir.display(), reason(&e)));
            }
        }
        if runs == 1 || !added.is_empty() || !removed.is_empty() {
            output::eprint(&format!(
                "{} watching {}; ctrl-c stops\n",
                stamp(),
                watched.describe()
            ));
        }
        // Until a file the run read changes, or a signal.
        let changed = loop {
            match rx.recv() {
                Ok(Event::Stop(code)) => return Ok(code),
                Ok(Event::Files(Ok(event))) => {
                    if let Some(path) = watched.changed(&event) {
                        break watched.shown(path);
                    }
                }
                Ok(Event::Files(Err(e))) => {
                    super::warn(&format!("watching files: {}", reason(&e)));
                }
                // Every sender is gone: the watcher stopped.
                Err(_) => return Err(Error::failed("the file watcher stopped")),
            }
        };
        // Then until they are quiet: one save is often several writes.
        loop {
            match rx.recv_timeout(QUIET) {
                Err(mpsc::RecvTimeoutError::Timeout) => break,
                Ok(Event::Stop(code)) => return Ok(code),
                Ok(Event::Files(_)) => {}
                Err(mpsc::RecvTimeoutError::Disconnected) => {
                    return Err(Error::failed("the file watcher stopped"));
                }
            }
        }
        output::eprint(&format!("\n{} `{changed}` changed\n", stamp()));
    }
}

/// The files a run read and the folders watched for them.
#[derive(Default)]
struct Watched {
    /// Each file's absolute path, its folder canonical, as events name it.
    files: BTreeSet<PathBuf>,
    /// Each file as the user named it, for messages, by the path above.
    names: std::collections::BTreeMap<PathBuf, String>,
    /// The folders watched.
    dirs: BTreeSet<PathBuf>,
}

impl Watched {
    /// Watches the folders of `paths` before the first run; a folder that
    /// cannot be watched (it does not exist) is an error.
    fn set(
        &mut self,
        paths: &[PathBuf],
        mut watch: impl FnMut(&Path) -> notify::Result<()>,
    ) -> Result<(), Error> {
        let (added, _) = self.update(paths);
        for dir in added {
            if let Err(e) = watch(&dir) {
                // Said of the path as the user gave it.
                let named = paths
                    .iter()
                    .find(|p| locate(p).is_some_and(|(d, _)| d == dir))
                    .map_or_else(|| dir.display().to_string(), |p| p.display().to_string());
                let why = match &e.kind {
                    notify::ErrorKind::PathNotFound => "its folder does not exist".to_owned(),
                    notify::ErrorKind::Io(io) if io.kind() == std::io::ErrorKind::NotFound => {
                        "its folder does not exist".to_owned()
                    }
                    _ => reason(&e),
                };
                return Err(Error::failed(format!("cannot watch `{named}`: {why}")));
            }
        }
        Ok(())
    }

    /// Makes `paths` the files watched; gives the folders to watch that
    /// were not, and those no longer needed.
    fn update(&mut self, paths: &[PathBuf]) -> (Vec<PathBuf>, Vec<PathBuf>) {
        self.files.clear();
        self.names.clear();
        let mut dirs = BTreeSet::new();
        for path in paths {
            let Some((dir, file)) = locate(path) else {
                continue;
            };
            dirs.insert(dir);
            self.names
                .entry(file.clone())
                .or_insert_with(|| path.display().to_string());
            self.files.insert(file);
        }
        let added = dirs.difference(&self.dirs).cloned().collect();
        let removed = self.dirs.difference(&dirs).cloned().collect();
        self.dirs = dirs;
        (added, removed)
    }

    /// The watched file that `event` changed, if any: created, written,
    /// renamed, removed; not read.
    fn changed<'e>(&self, event: &'e notify::Event) -> Option<&'e Path> {
        let changes = match event.kind {
            EventKind::Create(_) | EventKind::Modify(_) | EventKind::Remove(_) => true,
            EventKind::Access(AccessKind::Close(AccessMode::Write)) => true,
            // A platform that cannot tell: better a run too many.
            EventKind::Any => true,
            EventKind::Access(_) | EventKind::Other => false,
        };
        if !changes {
            return None;
        }
        event
            .paths
            .iter()
            .map(PathBuf::as_path)
            .find(|p| self.files.contains(*p))
    }

    /// How the user named the file at `path`.
    fn shown(&self, path: &Path) -> String {
        self.names
            .get(path)
            .cloned()
            .unwrap_or_else(|| path.display().to_string())
    }

    /// The files watched, for the line after a run: each named, up to
    /// three, else the first and a count.
    fn describe(&self) -> String {
        let mut names: Vec<&str> = self.names.values().map(String::as_str).collect();
        names.sort_unstable();
        names.dedup();
        let quoted: Vec<String> = names.iter().map(|n| format!("`{n}`")).collect();
        match quoted.as_slice() {
            [] => "nothing".to_owned(),
            [one] => one.clone(),
            [a, b] => format!("{a} and {b}"),
            [a, b, c] => format!("{a}, {b} and {c}"),
            [a, rest @ ..] => format!(
                "{a} and {}",
                argmap::english::count(rest.len(), "other file")
            ),
        }
    }
}

/// The folder to watch for `path` (canonical, as events name what is in
/// it) and the path events give for the file; `None` for a path with no
/// file name.
fn locate(path: &Path) -> Option<(PathBuf, PathBuf)> {
    let absolute = std::path::absolute(path).ok()?;
    let name = absolute.file_name()?.to_owned();
    let parent = absolute.parent()?;
    let dir = parent
        .canonicalize()
        .unwrap_or_else(|_| parent.to_path_buf());
    let file = dir.join(name);
    Some((dir, file))
}

/// The local time, dimmed, as each watch line begins: `[14:03:07]`.
fn stamp() -> String {
    let time = jiff::ZonedDateTime::now().strftime("%H:%M:%S").to_string();
    let dim = anstyle::Style::new().dimmed();
    format!("{dim}[{time}]{dim:#}")
}

/// A watcher's error in the house style.
fn reason(e: &notify::Error) -> String {
    use notify::ErrorKind;
    match &e.kind {
        ErrorKind::Io(io) => argmap::app::io_reason(io),
        ErrorKind::PathNotFound => "no such folder".to_owned(),
        ErrorKind::MaxFilesWatch => {
            "the system's limit of watched folders is reached (fs.inotify.max_user_watches)"
                .to_owned()
        }
        _ => {
            let s = e.to_string();
            let mut c = s.chars();
            c.next().map_or(s.clone(), |f| {
                f.to_lowercase().collect::<String>() + c.as_str()
            })
        }
    }
}

/// Sends [`Event::Stop`] on ctrl-c (SIGINT) or SIGTERM, so that the run
/// under way ends before the watch does; a second one stops at once.
#[cfg(unix)]
fn stop_on_signals(tx: mpsc::Sender<Event>) -> Result<(), Error> {
    use signal_hook::consts::{SIGINT, SIGTERM};
    let mut signals = signal_hook::iterator::Signals::new([SIGINT, SIGTERM]).map_err(|e| {
        Error::failed(format!(
            "cannot watch for ctrl-c: {}",
            argmap::app::io_reason(&e)
        ))
    })?;
    std::thread::spawn(move || {
        let mut pending = signals.forever();
        if let Some(signal) = pending.next() {
            let code = u8::try_from(128 + signal).unwrap_or(INTERRUPTED);
            tx.send(Event::Stop(code)).ok();
        }
        // A run that takes long (Graphviz on a large map): the second
        // ctrl-c does what the first would have without a watch.
        if let Some(signal) = pending.next() {
            signal_hook::low_level::emulate_default_handler(signal).ok();
        }
    });
    Ok(())
}

/// Elsewhere, ctrl-c ends the process as it does any program.
#[cfg(not(unix))]
fn stop_on_signals(_tx: mpsc::Sender<Event>) -> Result<(), Error> {
    Ok(())
}
