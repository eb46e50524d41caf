//! Writing command output: to stdout or atomically to a file, and never over
//! one of the command's input maps.

use std::io::Write;
use std::path::Path;

use argmap::app::{Error, io_reason};

/// Whether `out` exists and is the same file as `input`.
pub fn same_file(input: &Path, out: &Path) -> bool {
    match (input.canonicalize(), out.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    }
}

/// Writes `bytes` to a temporary file next to `path`, then renames it over
/// `path`: readers see the old file or the whole new one, never a part, and
/// a failure leaves no partial file behind.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    write_atomically_as(path, bytes, None)
}

/// Rewrites the existing file at `path` as [`write_atomically`] does,
/// keeping its permissions; through a symbolic link, the file it names is
/// rewritten and the link stays. `argmap fmt` writes over its maps so.
pub fn rewrite_atomically(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let target = path.canonicalize()?;
    let permissions = std::fs::metadata(&target)?.permissions();
    write_atomically_as(&target, bytes, Some(permissions))
}

/// A new temporary file in `path`'s folder (`.argmap-*.tmp`), to be
/// renamed over `path` when written: made as any new file is (0o666 less
/// the umask), not with tempfile's 0o600.
fn temp_beside(path: &Path) -> std::io::Result<tempfile::NamedTempFile> {
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let mut builder = tempfile::Builder::new();
    builder.prefix(".argmap-").suffix(".tmp");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(std::fs::Permissions::from_mode(0o666));
    }
    builder.tempfile_in(dir)
}

/// [`write_atomically`], the new file with `permissions` when given.
fn write_atomically_as(
    path: &Path,
    bytes: &[u8],
    permissions: Option<std::fs::Permissions>,
) -> std::io::Result<()> {
    let mut file = temp_beside(path)?;
    if let Some(p) = permissions {
        // Set on the open file, so that the umask does not narrow them.
        file.as_file().set_permissions(p)?;
    }
    file.write_all(bytes)?;
    file.as_file().sync_all()?;
    file.persist(path).map_err(|e| e.error)?;
    Ok(())
}

/// Writes a file by handing `write` a buffered writer to a temporary file
/// next to `path`, then renaming it over `path`, as [`write_atomically`]
/// does, so that large output is written as it is made, never held whole.
/// An error from `write` leaves no file behind.
pub fn write_atomically_with<E: From<std::io::Error>>(
    path: &Path,
    write: impl FnOnce(&mut dyn Write) -> Result<(), E>,
) -> Result<(), E> {
    let file = temp_beside(path)?;
    let mut buffered = std::io::BufWriter::with_capacity(1 << 20, file);
    write(&mut buffered)?;
    let file = buffered.into_inner().map_err(|e| e.into_error())?;
    file.as_file().sync_all()?;
    file.persist(path).map_err(|e| e.error)?;
    Ok(())
}

/// Writes `bytes` to `out` (`-` for stdout), refusing to overwrite any of
/// the command's `inputs`: (path, what it is), such as the map and the
/// source texts it read.
pub fn emit(out: &Path, inputs: &[(&Path, &str)], bytes: &[u8]) -> Result<(), Error> {
    if out == Path::new("-") {
        let mut stdout = std::io::stdout().lock();
        return stdout
            .write_all(bytes)
            .and_then(|()| stdout.flush())
            .or_else(closed_pipe)
            .map_err(|e| Error::failed(format!("cannot write to stdout: {}", io_reason(&e))));
    }
    if let Some((input, what)) = inputs.iter().find(|(i, _)| same_file(i, out)) {
        return Err(Error::failed(format!(
            "refusing to write over the {what} `{}`",
            input.display()
        )));
    }
    write_atomically(out, bytes).map_err(|e| {
        Error::failed(format!(
            "cannot write `{}`: {}",
            out.display(),
            write_reason(out, &e)
        ))
    })
}

/// Why `path` could not be written, said concretely: when it is missing,
/// the folder that does not exist.
pub fn write_reason(path: &Path, e: &std::io::Error) -> String {
    if e.kind() == std::io::ErrorKind::NotFound
        && let Some(dir) = path
            .parent()
            .filter(|d| !d.as_os_str().is_empty() && !d.is_dir())
    {
        return format!("the folder `{}` does not exist", dir.display());
    }
    io_reason(e)
}

/// Success for a closed pipe: `argmap check --format json big.toml | head`
/// has given its reader what it wanted.
pub fn closed_pipe(e: std::io::Error) -> std::io::Result<()> {
    if e.kind() == std::io::ErrorKind::BrokenPipe {
        Ok(())
    } else {
        Err(e)
    }
}

/// Prints `text`, which may hold ANSI styles, on stdout (see
/// [`write_styled`]); a closed pipe is no error.
pub fn print(text: &str, what: &str) -> Result<(), Error> {
    write_styled(std::io::stdout().lock(), text)
        .or_else(closed_pipe)
        .map_err(|e| Error::failed(format!("cannot write {what}: {}", io_reason(&e))))
}

/// Prints `text` on stderr, styled as [`write_styled`] decides. A closed or
/// failing stderr leaves nobody to tell, so its errors are dropped.
pub fn eprint(text: &str) {
    write_styled(std::io::stderr().lock(), text).ok();
}

/// The files a command read: the map and the source texts of `usable`.
pub fn inputs<'a>(
    map: &'a Path,
    usable: &'a super::input::Usable,
) -> Vec<(&'a Path, &'static str)> {
    std::iter::once((map, "input map"))
        .chain(usable.texts.paths().map(|p| (Path::new(p), "source text")))
        .collect()
}

/// Writes `text`, which may hold ANSI styles, to `raw` in one write, its
/// styles kept or stripped as `anstream` decides for that stream
/// (`--color`, `NO_COLOR`, a terminal or not). `anstream`'s own streams
/// write each run of text between two styles separately, and stderr is not
/// buffered: the findings of a large map took 270,000 system calls.
pub fn write_styled<S>(mut raw: S, text: &str) -> std::io::Result<()>
where
    S: anstream::stream::RawStream + anstream::stream::AsLockedWrite,
{
    match anstream::AutoStream::choice(&raw) {
        anstream::ColorChoice::Never => {
            let plain = anstream::adapter::strip_str(text).to_string();
            raw.write_all(plain.as_bytes())?;
            raw.flush()
        }
        anstream::ColorChoice::AlwaysAnsi => {
            raw.write_all(text.as_bytes())?;
            raw.flush()
        }
        // A console that needs its own colour calls (old Windows consoles).
        choice => {
            let mut stream = anstream::AutoStream::new(raw, choice);
            stream.write_all(text.as_bytes())?;
            stream.flush()
        }
    }
}

/// Writes `bytes` to a new file at `path`, atomically, as
/// [`write_atomically`] does, but never over a file: when `path` exists
/// (even if made while writing), nothing is written and the error is
/// `AlreadyExists`.
pub fn write_new(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let mut file = temp_beside(path)?;
    file.write_all(bytes)?;
    file.as_file().sync_all()?;
    file.persist_noclobber(path).map_err(|e| e.error)?;
    Ok(())
}
