//! What a command needs before it presents anything: reading a map file,
//! checking it into a usable model, and the one error type that every
//! command fails with. The binary maps an [`Error`] to its exit code in one
//! place and prints it; nothing here prints.

use std::io::Read;
use std::path::{Path, PathBuf};

use crate::check::{self, Options};
use crate::diag::{Diagnostic, FileReport};
use crate::graph::MapGraph;
use crate::load::MAX_MAP_BYTES;
use crate::load::project::{self, Project};
use crate::model::{Kind, Map};
use crate::texts::Texts;

/// Why a command stopped without doing its work.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// It could not run: bad arguments, an unreadable or unwritable file.
    /// Exit code 2.
    #[error("{message}")]
    Failed {
        /// One line, lowercase, no final period.
        message: String,
        /// `= note:` lines.
        notes: Vec<String>,
        /// A `= help:` line.
        help: Option<String>,
    },
    /// The map is not TOML: its findings, rendered for people, say where.
    /// Exit code 1, as for any error-level finding.
    #[error("the map is not valid TOML")]
    NotToml {
        /// The findings as `check` prints them.
        findings: String,
    },
    /// The project file has problems, and is not used: its findings,
    /// rendered for people, say where. Exit code 2: no map was checked.
    #[error("the project file is not valid")]
    Project {
        /// The findings, then a line that says what to do.
        findings: String,
    },
}

impl Error {
    /// A failure with `message`.
    pub fn failed(message: impl Into<String>) -> Error {
        Error::Failed {
            message: message.into(),
            notes: Vec::new(),
            help: None,
        }
    }

    /// The same failure with a `help` line.
    pub fn with_help(mut self, text: impl Into<String>) -> Error {
        if let Error::Failed { help, .. } = &mut self {
            *help = Some(text.into());
        }
        self
    }

    /// The same failure with one more `note` line.
    pub fn with_note(mut self, text: impl Into<String>) -> Error {
        if let Error::Failed { notes, .. } = &mut self {
            notes.push(text.into());
        }
        self
    }

    /// The exit code the command ends with.
    pub fn exit_code(&self) -> u8 {
        match self {
            Error::Failed { .. } | Error::Project { .. } => 2,
            Error::NotToml { .. } => 1,
        }
    }
}

/// An I/O error in the house style: lowercase, no OS error number.
pub fn io_reason(e: &std::io::Error) -> String {
    use std::io::ErrorKind;
    match e.kind() {
        ErrorKind::NotFound => "no such file".to_owned(),
        ErrorKind::PermissionDenied => "permission denied".to_owned(),
        ErrorKind::IsADirectory => "it is a directory".to_owned(),
        _ => {
            let s = e.to_string();
            let s = s.split(" (os error").next().unwrap_or(&s).to_owned();
            let mut c = s.chars();
            c.next().map_or(s.clone(), |f| {
                f.to_lowercase().collect::<String>() + c.as_str()
            })
        }
    }
}

/// A map file's bytes.
pub fn read_map(path: &Path) -> Result<Vec<u8>, Error> {
    let shown = path.display();
    let meta = std::fs::metadata(path)
        .map_err(|e| Error::failed(format!("cannot read `{shown}`: {}", io_reason(&e))))?;
    if meta.is_dir() {
        return Err(
            Error::failed(format!("`{shown}` is a directory, not a map file")).with_help(format!(
                "to check every map in it, run `argmap check {}/*.toml`",
                shown.to_string().trim_end_matches('/')
            )),
        );
    }
    if !meta.is_file() {
        return Err(Error::failed(format!("`{shown}` is not a regular file"))
            .with_help("give the path of a map file"));
    }
    if meta.len() > MAX_MAP_BYTES as u64 {
        return Err(Error::failed(format!(
            "`{shown}` is {} MiB; argmap reads map files of at most {} MiB",
            meta.len() / (1024 * 1024),
            MAX_MAP_BYTES / (1024 * 1024)
        ))
        .with_help("split the map into several files"));
    }
    // Sized from the metadata: the buffer becomes the map's text.
    let mut bytes = Vec::with_capacity(usize::try_from(meta.len()).unwrap_or(0).saturating_add(1));
    std::fs::File::open(path)
        .and_then(|f| f.take(MAX_MAP_BYTES as u64 + 1).read_to_end(&mut bytes))
        .map_err(|e| Error::failed(format!("cannot read `{shown}`: {}", io_reason(&e))))?;
    if bytes.len() > MAX_MAP_BYTES {
        return Err(Error::failed(format!(
            "`{shown}` is larger than {} MiB",
            MAX_MAP_BYTES / (1024 * 1024)
        )));
    }
    Ok(bytes)
}

/// A checked map that has a model, for commands that need one.
pub struct Usable {
    /// The findings.
    pub report: FileReport,
    /// The model.
    pub map: Map,
    /// Its graph, with its resolved references.
    pub graph: MapGraph,
    /// The source texts read for quote checks.
    pub texts: Texts,
    /// The number of error-level findings: commands other than `check` go
    /// on with a map that has some, and say so.
    pub errors: usize,
}

/// Reads and checks the map at `path`. A map that is not TOML is
/// [`Error::NotToml`], with its findings rendered (in colour when `color`).
pub fn load_usable(path: &Path, options: &Options, color: bool) -> Result<Usable, Error> {
    let bytes = read_map(path)?;
    let name = path.display().to_string();
    let checked = check::check_owned(&name, bytes, options);
    let (Some(map), Some(graph)) = (checked.map, checked.graph) else {
        return Err(Error::NotToml {
            findings: crate::diag::render::human::render(&[checked.report], color, false),
        });
    };
    if let Some(e) = unused_text_id(&options.texts.overrides, std::iter::once(&map)) {
        return Err(e);
    }
    let errors = checked.report.errors();
    Ok(Usable {
        report: checked.report,
        map,
        graph,
        texts: checked.texts,
        errors,
    })
}

/// The failure for a `--text ID=PATH` whose id names no source in any of
/// `maps`, if there is one.
pub fn unused_text_id<'m>(
    overrides: &[(String, std::path::PathBuf)],
    maps: impl Iterator<Item = &'m Map> + Clone,
) -> Option<Error> {
    for (id, path) in overrides {
        if maps.clone().any(|m| m.source(id).is_some()) {
            continue;
        }
        let ids: Vec<&str> = maps.clone().flat_map(|m| m.ids_of(Kind::Source)).collect();
        // A typo, or the start of ids (`lee` for `lee-chapter`).
        let starting: Vec<&str> = ids
            .iter()
            .copied()
            .filter(|s| s.starts_with(id.as_str()))
            .take(6)
            .collect();
        let hint = match (
            crate::suggest::closest(id, ids.iter().copied()),
            &starting[..],
        ) {
            (Some(s), _) | (None, &[s]) => format!("; did you mean `{s}`?"),
            (None, []) => String::new(),
            (None, many) => {
                let shown: Vec<String> = many.iter().take(5).map(|s| format!("`{s}`")).collect();
                let more = if many.len() > 5 { ", ..." } else { "" };
                format!("; sources starting with `{id}`: {}{more}", shown.join(", "))
            }
        };
        return Some(
            Error::failed(format!(
                "`--text {id}={}`: no map has a source `{id}`{hint}",
                path.display()
            ))
            .with_help("`--text` takes the id of a source, as in `[sources.<id>]`"),
        );
    }
    None
}

/// A project file found for a map, and read.
#[derive(Clone, Debug)]
pub struct FoundProject {
    /// Its path, as shown: relative to the working folder when the map's
    /// path is relative and the file is under the working folder.
    pub path: PathBuf,
    /// What it says.
    pub project: Project,
}

impl FoundProject {
    /// Its texts, each path joined to the project file's folder.
    pub fn text_paths(&self) -> Vec<(String, PathBuf)> {
        let dir = self
            .path
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .unwrap_or(Path::new("."));
        self.project.text_paths(dir)
    }

    /// The ids of its `[texts]` that name no source of any of `maps`, each
    /// with the closest source id of theirs, if one is close.
    pub fn unknown_ids<'m>(
        &self,
        maps: impl Iterator<Item = &'m Map> + Clone,
    ) -> Vec<(&str, Option<&'m str>)> {
        let mut out = Vec::new();
        for t in &self.project.texts {
            let id = t.id.value.as_str();
            if maps.clone().any(|m| m.source(id).is_some()) {
                continue;
            }
            let ids = maps.clone().flat_map(|m| m.ids_of(Kind::Source));
            out.push((id, crate::suggest::closest(id, ids)));
        }
        out
    }
}

/// The project file that applies to the map at `map`: `argmap-project.toml`
/// in the map's folder, else in the nearest folder above it. The search
/// stops at the first one found, and at a folder that holds `.git` (the
/// root of a repository), which is searched but not left.
pub fn find_project(map: &Path) -> Option<PathBuf> {
    let dir = map
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let start = std::path::absolute(dir).ok()?;
    let mut dir = start.as_path();
    loop {
        let candidate = dir.join(project::FILE_NAME);
        if candidate.is_file() {
            return Some(shown_project_path(map, candidate));
        }
        if dir.join(".git").exists() {
            return None;
        }
        dir = dir.parent()?;
    }
}

/// `found` as the user reads it: relative to the working folder when the
/// map's path is relative and the file is under the working folder.
fn shown_project_path(map: &Path, found: PathBuf) -> PathBuf {
    if map.is_absolute() {
        return found;
    }
    match std::env::current_dir() {
        Ok(cwd) => found
            .strip_prefix(&cwd)
            .map_or_else(|_| found.clone(), Path::to_path_buf),
        Err(_) => found,
    }
}

/// Reads and parses the project file at `path`: the project and its
/// findings (it is usable only without any), or why it could not be read.
pub fn read_project(path: &Path) -> Result<(Project, Vec<Diagnostic>), Error> {
    let shown = path.display();
    let cannot = |why: String| {
        Error::failed(format!("cannot read the project file `{shown}`: {why}"))
            .with_help("fix it, or run with `--no-project`")
    };
    let meta = std::fs::metadata(path).map_err(|e| cannot(io_reason(&e)))?;
    if !meta.is_file() {
        return Err(cannot("it is not a regular file".to_owned()));
    }
    if meta.len() > project::MAX_PROJECT_BYTES {
        return Err(cannot(format!(
            "it is larger than {} KiB",
            project::MAX_PROJECT_BYTES / 1024
        )));
    }
    let bytes = std::fs::read(path).map_err(|e| cannot(io_reason(&e)))?;
    Ok(project::parse(&shown.to_string(), &bytes))
}

/// The project file that applies to the map at `map`, read; `None` when
/// there is none. A project file with findings is [`Error::Project`], with
/// its findings rendered (in colour when `color`).
pub fn project_for(map: &Path, color: bool) -> Result<Option<FoundProject>, Error> {
    let Some(path) = find_project(map) else {
        return Ok(None);
    };
    let (project, findings) = read_project(&path)?;
    if findings.is_empty() {
        return Ok(Some(FoundProject { path, project }));
    }
    let renderer = crate::diag::render::human::renderer(color);
    // The project file's findings point into it alone.
    let report = crate::diag::FileReport::unread(project.file.clone(), Vec::new());
    let mut text = String::new();
    for d in &findings {
        text.push_str(&crate::diag::render::human::render_one(
            &renderer, &report, d,
        ));
        text.push_str("\n\n");
    }
    let style = if color {
        anstyle::Style::new()
            .bold()
            .fg_color(Some(anstyle::AnsiColor::Red.into()))
    } else {
        anstyle::Style::new()
    };
    text.push_str(&format!(
        "{style}error{style:#}: the project file `{}` is not used while it has {}; fix {}, or run with `--no-project`\n",
        path.display(),
        crate::english::count(findings.len(), "problem"),
        crate::english::either(findings.len(), "it", "them"),
    ));
    Err(Error::Project { findings: text })
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::indexing_slicing)]

    use super::*;

    #[test]
    fn the_nearest_project_file_applies_and_the_search_stops_at_git() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::create_dir_all(root.join("repo/.git")).unwrap();
        std::fs::create_dir_all(root.join("repo/maps/deep")).unwrap();
        // Above the repository: never found from inside it.
        std::fs::write(root.join(project::FILE_NAME), "").unwrap();
        let map = root.join("repo/maps/deep/m.toml");
        assert_eq!(find_project(&map), None);
        std::fs::write(root.join("repo").join(project::FILE_NAME), "").unwrap();
        assert_eq!(
            find_project(&map),
            Some(root.join("repo").join(project::FILE_NAME))
        );
        std::fs::write(root.join("repo/maps").join(project::FILE_NAME), "").unwrap();
        assert_eq!(
            find_project(&map),
            Some(root.join("repo/maps").join(project::FILE_NAME))
        );
    }

    #[test]
    fn ids_no_map_has_are_given_with_the_closest_source() {
        let (project, found) = project::parse(
            "p.toml",
            b"[texts]\nlee-chapte = \"a.txt\"\nkim = \"b.txt\"\nlee = \"c.txt\"\n",
        );
        assert!(found.is_empty());
        let loaded = crate::load::load(
            "m.toml",
            b"[map]\ntitle = \"t\"\n[sources.lee-chapter]\n[sources.lee]\n",
        );
        let map = loaded.map.unwrap();
        let found = FoundProject {
            path: PathBuf::from("maps").join(project::FILE_NAME),
            project,
        };
        assert_eq!(
            found.unknown_ids(std::iter::once(&map)),
            [("lee-chapte", Some("lee-chapter")), ("kim", None)]
        );
        assert_eq!(
            found.text_paths()[0],
            ("lee-chapte".to_owned(), PathBuf::from("maps/a.txt"))
        );
    }
}
