//! Rule levels (`allow`, `warn`, `error`) and how they combine: the rule's
//! default, then the map's `[lints]` table, then `-A/-W/-D` on the command
//! line, the last word winning.

use std::collections::HashMap;
use std::fmt;

use super::{Diagnostic, Severity};
use crate::rules;

/// What to do with a rule's findings.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
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
        match s {
            "allow" => Some(Level::Allow),
            "warn" => Some(Level::Warn),
            "error" => Some(Level::Error),
            _ => None,
        }
    }

    /// The spelling used in `[lints]` and `explain`.
    pub fn as_str(self) -> &'static str {
        match self {
            Level::Allow => "allow",
            Level::Warn => "warn",
            Level::Error => "error",
        }
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
    pub suggestion: Option<&'static str>,
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

/// Levels for every code: defaults overridden by a map's `[lints]` and then
/// by the command line.
#[derive(Clone, Debug, Default)]
pub struct Levels {
    overrides: HashMap<&'static str, Level>,
}

impl Levels {
    /// Overrides the level of `code`. Later calls win over earlier ones.
    pub fn set(&mut self, code: &str, level: Level) -> Result<(), LevelError> {
        match rules::find(code) {
            Some(rule) => {
                self.overrides.insert(rule.code, level);
                Ok(())
            }
            None => Err(LevelError {
                code: code.to_owned(),
                suggestion: rules::suggest(code),
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

    /// The level in force for `code`.
    pub fn level(&self, code: &str) -> Level {
        if !rules::overridable(code) {
            return rules::default_level(code);
        }
        self.overrides
            .get(code)
            .copied()
            .unwrap_or_else(|| rules::default_level(code))
    }

    /// Sets each finding's severity from its level and drops allowed ones.
    pub fn apply(&self, diagnostics: &mut Vec<Diagnostic>) {
        diagnostics.retain_mut(|d| match self.level(d.code).severity() {
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
        map.set("unused-source", Level::Error).ok();
        let mut cli = Levels::default();
        cli.set("unused-source", Level::Allow).ok();
        assert_eq!(map.level("unused-source"), Level::Error);
        assert_eq!(map.then(&cli).level("unused-source"), Level::Allow);
        let err = cli.set("unused-sorce", Level::Warn).err();
        assert_eq!(
            err.map(|e| e.suggestion),
            Some(Some("unused-source")),
            "a misspelt code is refused with a suggestion"
        );
    }

    #[test]
    fn toml_syntax_cannot_be_lowered() {
        let mut l = Levels::default();
        l.set("toml-syntax", Level::Allow).ok();
        assert_eq!(l.level("toml-syntax"), Level::Error);
    }
}
