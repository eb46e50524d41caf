//! Imports argument maps from other tools' formats into argmap's TOML.
//! One format so far: AIF JSON ([`aif`]), as AIFdb and OVA write it.
//!
//! An import returns the text of a map file ([`Imported::toml`]) and what it
//! did ([`Summary`]): what it made, and every part of the input it had no
//! place for, counted, so that nothing is dropped silently. Malformed input
//! is an [`ImportError`] naming what is wrong and where.

pub mod aif;

use std::fmt;
use std::fmt::Write as _;

/// What an import made.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Imported {
    /// The map, as the text of a TOML file.
    pub toml: String,
    /// What was imported and what was left out.
    pub summary: Summary,
}

/// Counts of what an import made and of what it left out.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Summary {
    /// Claims made.
    pub claims: usize,
    /// Linked arguments made.
    pub arguments: usize,
    /// Actors made.
    pub actors: usize,
    /// Convergent supports (`supports` entries) made.
    pub supports: usize,
    /// Attacks on claims made.
    pub attacks: usize,
    /// Attacks on arguments (undercuts) made.
    pub undercuts: usize,
    /// Qualifications made (from argmap's own `Qualification` CA nodes).
    pub qualifications: usize,
    /// `by` entries made (a claim held by an actor).
    pub by: usize,
    /// What was left out: (what, how many), in a fixed order.
    pub skipped: Vec<(String, usize)>,
    /// Other remarks: ids that could not be kept, and the like.
    pub notes: Vec<String>,
}

impl Summary {
    /// One line of what was made: "7 claims, 1 argument, 2 actors".
    pub fn made(&self) -> String {
        let mut parts = vec![count(self.claims, "claim", "claims")];
        parts.push(count(self.arguments, "argument", "arguments"));
        parts.push(count(self.actors, "actor", "actors"));
        let mut s = parts.join(", ");
        let _ = write!(
            s,
            " ({}, {}, {}",
            count(self.supports, "support", "supports"),
            count(self.attacks, "attack", "attacks"),
            count(self.undercuts, "undercut", "undercuts")
        );
        if self.qualifications > 0 {
            let _ = write!(
                s,
                ", {}",
                count(self.qualifications, "qualification", "qualifications")
            );
        }
        s.push(')');
        s
    }

    /// One line of what was left out ("12 TA nodes, 3 MA nodes"), or
    /// `None` when nothing was.
    pub fn left_out(&self) -> Option<String> {
        let parts: Vec<String> = self
            .skipped
            .iter()
            .filter(|(_, n)| *n > 0)
            .map(|(what, n)| format!("{n} {what}"))
            .collect();
        (!parts.is_empty()).then(|| parts.join(", "))
    }
}

/// `1 claim`, `2 claims`.
pub(crate) fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// Input that cannot be imported.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ImportError {
    /// What is wrong, naming the node, edge or position.
    pub message: String,
    /// How to fix it, where there is something to say.
    pub help: Option<String>,
}

impl ImportError {
    pub(crate) fn new(message: impl Into<String>) -> ImportError {
        ImportError {
            message: message.into(),
            help: None,
        }
    }

    pub(crate) fn with_help(mut self, help: impl Into<String>) -> ImportError {
        self.help = Some(help.into());
        self
    }
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for ImportError {}

/// Whether `id` is a valid map id: ASCII letters, digits, `-` and `_`.
pub fn is_valid_id(id: &str) -> bool {
    !id.is_empty()
        && id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}
