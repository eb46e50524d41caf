//! Rule levels (`allow`, `warn`, `error`) and how they combine: the rule's
//! default, then the map's `[lints]` table, then `-A/-W/-D` on the command
//! line, the last word winning.

use std::collections::HashMap;
use std::fmt;

use super::{Code, Diagnostic, Severity};

/// What to do with a rule's findings.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, strum::IntoStaticStr, strum::EnumString)]
#[strum(serialize_all = "lowercase")]
pub enum Level {
    /// Not reported.
    Allow,
    /// Reported as a warning.
    Warn,
    /// Reported as an error; the check fails.
    Error,
}

impl Level {
    /// Parses the spelling used in `[lints]`.
    pub fn parse(s: &str) -> Option<Level> {
        s.parse().ok()
    }

    /// The spelling used in `[lints]` and `explain`.
    pub fn as_str(self) -> &'static str {
        self.into()
    }

    fn severity(self) -> Option<Severity> {
        match self {
            Level::Allow => None,
            Level::Warn => Some(Severity::Warning),
            Level::Error => Some(Severity::Error),
        }
    }
}

impl fmt::Display for Level {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A level override naming a code that does not exist.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LevelError {
    /// The code as given.
    pub code: String,
    /// A close existing code, if any.
    pub suggestion: Option<Code>,
}

impl fmt::Display for LevelError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "no rule named `{}`", self.code)?;
        if let Some(s) = self.suggestion {
            write!(f, "; did you mean `{s}`?")?;
        }
        write!(f, " (`argmap explain` lists every code)")
    }
}

/// Level overrides: a map's `[lints]`, then the command line. The level in
/// force for a code is its override, else its default, which the rules
/// declare and the caller passes in: this module knows no rule.
#[derive(Clone, Debug, Default)]
pub struct Levels {
    overrides: HashMap<Code, Level>,
}

impl Levels {
    /// Overrides the level of `code`. Later calls win over earlier ones.
    pub fn set(&mut self, code: Code, level: Level) {
        self.overrides.insert(code, level);
    }

    /// Overrides the level of the code named `name` (as `-A/-W/-D` and
    /// `[lints]` write it).
    pub fn set_named(&mut self, name: &str, level: Level) -> Result<(), LevelError> {
        match Code::parse(name) {
            Some(code) => {
                self.set(code, level);
                Ok(())
            }
            None => Err(LevelError {
                code: name.to_owned(),
                suggestion: Code::suggest(name),
            }),
        }
    }

    /// `self` with `later`'s overrides on top.
    pub fn then(&self, later: &Levels) -> Levels {
        let mut merged = self.clone();
        merged
            .overrides
            .extend(later.overrides.iter().map(|(k, v)| (*k, *v)));
        merged
    }

    /// The level in force for `code`, whose default is `default`.
    pub fn level(&self, code: Code, default: Level) -> Level {
        if code.is_fixed() {
            return default;
        }
        self.overrides.get(&code).copied().unwrap_or(default)
    }

    /// Sets each finding's severity from its level (`default` gives each
    /// code's default) and drops allowed ones.
    pub fn apply(&self, diagnostics: &mut Vec<Diagnostic>, default: impl Fn(Code) -> Level) {
        diagnostics.retain_mut(|d| match self.level(d.code, default(d.code)).severity() {
            Some(s) => {
                d.severity = s;
                true
            }
            None => false,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn later_overrides_win_and_unknown_codes_are_refused() {
        let mut map = Levels::default();
        map.set(Code::UnusedSource, Level::Error);
        let mut cli = Levels::default();
        cli.set(Code::UnusedSource, Level::Allow);
        assert_eq!(map.level(Code::UnusedSource, Level::Warn), Level::Error);
        assert_eq!(
            map.then(&cli).level(Code::UnusedSource, Level::Warn),
            Level::Allow
        );
        assert_eq!(
            Levels::default().level(Code::UnusedSource, Level::Warn),
            Level::Warn
        );
        let err = cli.set_named("unused-sorce", Level::Warn).err();
        assert_eq!(
            err.map(|e| e.suggestion),
            Some(Some(Code::UnusedSource)),
            "a misspelt code is refused with a suggestion"
        );
    }

    #[test]
    fn toml_syntax_cannot_be_lowered() {
        let mut l = Levels::default();
        l.set(Code::TomlSyntax, Level::Allow);
        assert_eq!(l.level(Code::TomlSyntax, Level::Error), Level::Error);
    }
}
