//! Reading the map a command names: the library's [`argmap::app`] does the
//! work; this adds the command line's options and says, on stderr, when a
//! usable map has errors.

use std::path::Path;

use argmap::app::Error;
pub use argmap::app::{Usable, io_reason, read_map};

/// Reads and checks the map at `path` with the command line's `--text`
/// options and `ARGMAP_TODAY`. A usable map with error-level findings is
/// returned, after a one-line warning.
pub fn load_usable(path: &Path, texts: &super::TextArgs) -> Result<Usable, Error> {
    let opts = argmap::check::Options {
        levels: argmap::diag::Levels::default(),
        texts: texts.options()?,
        today: super::today()?,
    };
    // Styled; printing strips the styles where the stream wants none.
    let usable = argmap::app::load_usable(path, &opts, true)?;
    let errors = usable.errors;
    if errors > 0 {
        let name = path.display();
        super::warn(&format!(
            "`{name}` has {errors} error{}; `argmap check {name}` shows {}",
            if errors == 1 { "" } else { "s" },
            if errors == 1 { "it" } else { "them" }
        ));
    }
    Ok(usable)
}
