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
    let mut bytes = Vec::new();
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
