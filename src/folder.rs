//! Files a map names (source texts, bibliography files): their paths, kept
//! inside the map's folder unless the user allows otherwise, and reading
//! them with a limit on their size.

use std::path::{Component, Path, PathBuf};

/// The folder of the map at `map_path`, against which the paths it names
/// are read: `.` for a map named without a folder.
pub fn map_dir(map_path: &Path) -> &Path {
    map_path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."))
}

/// The path `rel`, which a map in `map_dir` names, checked to stay inside
/// `map_dir` unless `allow_outside`; `what` names such files in the reason
/// for a refusal (`texts`).
pub fn locate(
    map_dir: &Path,
    rel: &str,
    allow_outside: bool,
    what: &str,
) -> Result<PathBuf, String> {
    let p = Path::new(rel);
    if allow_outside {
        return Ok(map_dir.join(p));
    }
    if p.is_absolute() {
        return Err(format!(
            "`{rel}` is an absolute path, and {what} must stay inside the map's folder"
        ));
    }
    if p.components().any(|c| c == Component::ParentDir) {
        return Err(format!("`{rel}` leaves the map's folder through `..`"));
    }
    let full = map_dir.join(p);
    let (Ok(base), Ok(target)) = (map_dir.canonicalize(), full.canonicalize()) else {
        // Not there: reading it will report that.
        return Ok(full);
    };
    if !target.starts_with(&base) {
        return Err(format!(
            "`{rel}` resolves through a symbolic link to `{}`, outside the map's folder",
            target.display()
        ));
    }
    Ok(full)
}

/// The bytes of a regular file of at most `max` bytes; the error says why
/// not.
pub fn read_bytes(path: &Path, max: u64) -> Result<Vec<u8>, String> {
    use std::io::Read;
    let too_large = || format!("it is larger than {} MiB", max / (1024 * 1024));
    let meta = std::fs::metadata(path).map_err(|e| reason(&e))?;
    if meta.is_dir() {
        return Err("it is a directory".into());
    }
    // A device or a named pipe (`/dev/zero`, `/dev/stdin`) could be read
    // forever or block forever.
    if !meta.is_file() {
        return Err("it is not a regular file".into());
    }
    if meta.len() > max {
        return Err(too_large());
    }
    // The file may grow between the two calls: read at most one byte more.
    let mut bytes = Vec::new();
    std::fs::File::open(path)
        .and_then(|f| f.take(max + 1).read_to_end(&mut bytes))
        .map_err(|e| reason(&e))?;
    if bytes.len() as u64 > max {
        return Err(too_large());
    }
    Ok(bytes)
}

/// An I/O error as a reason in a message: lowercase, no OS error number.
fn reason(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file".into(),
        std::io::ErrorKind::PermissionDenied => "permission denied".into(),
        _ => e
            .to_string()
            .split(" (os error")
            .next()
            .unwrap_or("")
            .to_lowercase(),
    }
}
