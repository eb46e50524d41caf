//! Reading the map a command names: the library's [`argmap::app`] does the
//! work; this adds the command line's options and says, on stderr, when a
//! usable map has errors.

use argmap::english;
use std::path::Path;

use argmap::app::Error;
pub use argmap::app::{Usable, io_reason, read_map};
use argmap::check::Scope;

/// Reads and checks the map at `path` with `ARGMAP_TODAY`, and with the
/// command line's `--text` options when `texts` is given; without them,
/// only the map itself is checked and no source text is read (for
/// commands whose output does not depend on the texts). A usable map with
/// error-level findings is returned, after a one-line warning.
pub fn load_usable(path: &Path, texts: Option<&super::TextArgs>) -> Result<Usable, Error> {
    let usable = load_checked(path, texts)?;
    let errors = usable.errors;
    if errors > 0 {
        let name = path.display();
        super::warn(&format!(
            "`{name}` has {}; `argmap check {name}` shows {}",
            english::count(errors, "error"),
            english::either(errors, "it", "them")
        ));
    }
    Ok(usable)
}

/// [`load_usable`], saying nothing of the errors: for a caller that
/// prints them.
pub fn load_checked(path: &Path, texts: Option<&super::TextArgs>) -> Result<Usable, Error> {
    let (texts, scope) = match texts {
        Some(t) => (t.options()?, Scope::Everything),
        None => (Default::default(), Scope::Structure),
    };
    let opts = argmap::check::Options {
        levels: argmap::diag::Levels::default(),
        texts,
        today: super::today()?,
        scope,
    };
    // Styled; printing strips the styles where the stream wants none.
    argmap::app::load_usable(path, &opts, true)
}
