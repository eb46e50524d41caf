//! What a command needs before it presents anything: reading a map file,
//! checking it into a usable model, and the one error type that every
//! command fails with. The binary maps an [`Error`] to its exit code in one
//! place and prints it; nothing here prints.

use std::io::Read;
use std::path::Path;

use crate::check::{self, Options};
use crate::diag::FileReport;
use crate::graph::MapGraph;
use crate::load::MAX_MAP_BYTES;
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
            Error::Failed { .. } => 2,
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
