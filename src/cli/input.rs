//! Reading map files named on the command line, with the errors that make a
//! command fail (exit 2) rather than report findings.

use std::io::Read;
use std::path::Path;

use argmap::load::MAX_MAP_BYTES;

/// A map file's bytes, or why it cannot be read: (message, help).
pub fn read_map(path: &Path) -> Result<Vec<u8>, (String, Option<String>)> {
    let shown = path.display();
    let meta = std::fs::metadata(path)
        .map_err(|e| (format!("cannot read `{shown}`: {}", io_reason(&e)), None))?;
    if meta.is_dir() {
        return Err((
            format!("`{shown}` is a directory, not a map file"),
            Some(format!(
                "to check every map in it, run `argmap check {}/*.toml`",
                shown.to_string().trim_end_matches('/')
            )),
        ));
    }
    if !meta.is_file() {
        return Err((
            format!("`{shown}` is not a regular file"),
            Some("give the path of a map file".to_owned()),
        ));
    }
    if meta.len() > MAX_MAP_BYTES as u64 {
        return Err((
            format!(
                "`{shown}` is {} MiB; argmap reads map files of at most {} MiB",
                meta.len() / (1024 * 1024),
                MAX_MAP_BYTES / (1024 * 1024)
            ),
            Some("split the map into several files".to_owned()),
        ));
    }
    // Sized from the metadata: the buffer becomes the map's text.
    let mut bytes = Vec::with_capacity(usize::try_from(meta.len()).unwrap_or(0).saturating_add(1));
    std::fs::File::open(path)
        .and_then(|f| f.take(MAX_MAP_BYTES as u64 + 1).read_to_end(&mut bytes))
        .map_err(|e| (format!("cannot read `{shown}`: {}", io_reason(&e)), None))?;
    if bytes.len() > MAX_MAP_BYTES {
        return Err((
            format!(
                "`{shown}` is larger than {} MiB",
                MAX_MAP_BYTES / (1024 * 1024)
            ),
            None,
        ));
    }
    Ok(bytes)
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

/// A checked map that has a model, for commands that need one (`eval`,
/// `render`, `report`).
pub struct Usable {
    /// The findings.
    pub report: argmap::diag::FileReport,
    /// The model.
    pub map: argmap::model::Map,
    /// Its graph.
    pub graph: argmap::graph::MapGraph,
    /// The source texts read for quote checks.
    pub texts: argmap::texts::Texts,
}

/// Reads and checks the map at `path` with `texts`. On failure prints why
/// and returns the exit code: 2 when the file or a `--text` cannot be read,
/// 1 (with the findings) when the map is not TOML. A usable map with
/// error-level findings is returned, after a one-line warning.
pub fn load_usable(path: &Path, texts: &super::TextArgs) -> Result<Usable, u8> {
    let bytes = read_map(path).map_err(|(msg, help)| super::fail(&msg, help.as_deref()))?;
    let opts = argmap::check::Options {
        levels: argmap::diag::Levels::default(),
        texts: texts.options().map_err(|e| super::fail(&e, None))?,
        today: super::today()?,
    };
    let name = path.display().to_string();
    let checked = argmap::check::check_owned(&name, bytes, &opts);
    let (Some(map), Some(graph)) = (checked.map, checked.graph) else {
        anstream::eprint!(
            "{}",
            argmap::diag::render::human::render(&[checked.report], true, false)
        );
        return Err(super::FINDINGS);
    };
    let (report, source_texts) = (checked.report, checked.texts);
    if let Some(e) = texts.unused_id(std::iter::once(&map)) {
        return Err(super::fail(
            &e,
            Some("`--text` takes the id of a source, as in `[sources.<id>]`"),
        ));
    }
    let errors = report.errors();
    if errors > 0 {
        super::warn(&format!(
            "`{name}` has {errors} error{}; `argmap check {name}` shows {}",
            if errors == 1 { "" } else { "s" },
            if errors == 1 { "it" } else { "them" }
        ));
    }
    Ok(Usable {
        report,
        map,
        graph,
        texts: source_texts,
    })
}
