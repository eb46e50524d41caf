//! Imports argument maps from other tools' formats into argmap's TOML:
//! AIF JSON ([`aif`]), as AIFdb and OVA write it, and Kialo's plain-text
//! export ([`kialo`]).
//!
//! An import returns the text of a map file ([`Imported::toml`]) and what it
//! did ([`Summary`]): what it made, and every part of the input it had no
//! place for, counted, so that nothing is dropped silently. Malformed input
//! is an [`ImportError`] naming what is wrong and where.

pub mod aif;
pub mod kialo;

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
    /// The thesis, and how it was found.
    pub thesis: Thesis,
    /// What was left out, each with its count, in a fixed order ("1 MA
    /// node (a rephrase)", "the `timestamp` of 23 nodes").
    pub skipped: Vec<String>,
    /// Other remarks: ids that could not be kept, and the like.
    pub notes: Vec<String>,
}

/// The thesis of an imported map.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum Thesis {
    /// None: no claim is a root, or the AIF was written by argmap from a
    /// map without a thesis.
    #[default]
    None,
    /// The claim `argmap export --to aif` marked as the thesis.
    Marked(String),
    /// The map's one root: a claim that something supports and that
    /// supports, attacks and qualifies nothing.
    Root(String),
    /// None, because the map has several roots: these claims.
    Roots(Vec<String>),
    /// The claim a Kialo discussion numbers `1.`.
    Numbered(String),
}

/// The most roots [`Thesis::note`] names.
const MAX_ROOTS_NAMED: usize = 5;

impl Thesis {
    /// The id of the thesis, if one was set.
    pub fn id(&self) -> Option<&str> {
        match self {
            Thesis::Marked(id) | Thesis::Root(id) | Thesis::Numbered(id) => Some(id),
            Thesis::None | Thesis::Roots(_) => None,
        }
    }

    /// What an import's note says of the thesis, if anything.
    pub fn note(&self) -> Option<String> {
        match self {
            Thesis::None => None,
            Thesis::Marked(id) => Some(format!(
                "the thesis is `{id}`, as `argmap export` marked it"
            )),
            Thesis::Numbered(id) => {
                Some(format!("the thesis is `{id}`, the discussion's claim `1.`"))
            }
            Thesis::Root(id) => Some(format!(
                "the thesis is `{id}`, the one claim that is supported and supports, attacks and qualifies nothing"
            )),
            Thesis::Roots(ids) => {
                let mut named: Vec<String> = (ids.iter().take(MAX_ROOTS_NAMED))
                    .map(|id| format!("`{id}`"))
                    .collect();
                if ids.len() > MAX_ROOTS_NAMED {
                    named.push(format!("{} more", ids.len() - MAX_ROOTS_NAMED));
                }
                Some(format!(
                    "no thesis set: {} claims are supported and support, attack and qualify nothing ({}); name the main one in `[map] thesis`",
                    ids.len(),
                    and_list(&named)
                ))
            }
        }
    }
}

impl Summary {
    /// One line of what was made: "7 claims, 1 argument and 2 actors (3
    /// supports, 1 attack, 2 `by` entries)"; arguments, actors and
    /// relations only when there are some.
    pub fn made(&self) -> String {
        let mut items = vec![count(self.claims, "claim", "claims")];
        if self.arguments > 0 {
            items.push(count(self.arguments, "argument", "arguments"));
        }
        if self.actors > 0 {
            items.push(count(self.actors, "actor", "actors"));
        }
        let mut s = and_list(&items);
        let relations: Vec<String> = [
            (self.supports, "support", "supports"),
            (self.attacks, "attack", "attacks"),
            (self.undercuts, "undercut", "undercuts"),
            (self.qualifications, "qualification", "qualifications"),
            (self.by, "`by` entry", "`by` entries"),
        ]
        .into_iter()
        .filter(|&(n, _, _)| n > 0)
        .map(|(n, one, many)| count(n, one, many))
        .collect();
        if !relations.is_empty() {
            let _ = write!(s, " ({})", relations.join(", "));
        }
        s
    }
}

/// `1 claim`, `2 claims`.
pub(crate) fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// `a`, `a and b`, `a, b and c`.
pub(crate) fn and_list<S: AsRef<str>>(items: &[S]) -> String {
    match items {
        [] => String::new(),
        [one] => one.as_ref().to_owned(),
        [rest @ .., last] => {
            let rest: Vec<&str> = rest.iter().map(AsRef::as_ref).collect();
            format!("{} and {}", rest.join(", "), last.as_ref())
        }
    }
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
