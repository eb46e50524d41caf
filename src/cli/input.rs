//! Reading the map a command names: the library's [`argmap::app`] does the
//! work; this adds the command line's options and says, on stderr, when a
//! usable map has errors.

use argmap::english;
use std::path::Path;

use argmap::app::Error;
pub use argmap::app::{Usable, io_reason, read_map};
use argmap::check::Scope;

/// Reads and checks the map at `path` with `ARGMAP_TODAY`, and with the
/// command line's `--text` options and the project file (see
/// [`with_project`]) when `texts` is given; without them,
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
    let (texts, project_levels, scope) = match texts {
        Some(t) => {
            let (texts, levels, _) = with_project(path, t)?;
            (texts, levels, Scope::Everything)
        }
        None => (Default::default(), Default::default(), Scope::Structure),
    };
    let opts = argmap::check::Options {
        levels: argmap::diag::Levels::default(),
        project_levels,
        texts,
        today: super::today()?,
        scope,
        cache: None,
    };
    // Styled; printing strips the styles where the stream wants none.
    argmap::app::load_usable(path, &opts, true)
}

/// The texts and levels for checking the map at `path`: the command line's
/// `--text` over the project file's `[texts]`, the project file's
/// `[lints]`, and the project file itself, when one applies (unless
/// `--no-project`).
pub fn with_project(
    path: &Path,
    texts: &super::TextArgs,
) -> Result<
    (
        argmap::texts::TextOptions,
        argmap::diag::Levels,
        Option<argmap::app::FoundProject>,
    ),
    Error,
> {
    let mut options = texts.options()?;
    let project = texts.project(path)?;
    let levels = match &project {
        Some(p) => {
            options.project = p.text_paths();
            p.project.levels()
        }
        None => argmap::diag::Levels::default(),
    };
    Ok((options, levels, project))
}
