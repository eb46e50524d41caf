//! AIF JSON into an argmap map: AIFdb's form (top-level `nodes`, `edges`,
//! `locutions`, `participants`) and OVA's xAIF (the same lists inside a
//! top-level `AIF` object). Ids may be strings or numbers.
//!
//! - an I node becomes a claim, named by its `argmap_id` when it has a
//!   usable one (as `argmap export --to aif` writes), else `i<nodeID>`;
//! - an RA node with one premise becomes a `supports` entry of that premise;
//!   an RA node with several premises, or one that a CA node attacks, or one
//!   with an `argmap_id`, becomes an `[arguments.<id>]` (`ra<nodeID>`);
//! - a CA node becomes an `attacks` entry of each claim attacking through
//!   it: on the claim of an I node (a rebuttal, or an undermining of a
//!   premise), or on the argument of an RA node (an undercut);
//! - an argument's label is the scheme its RA node names (`scheme`, else
//!   `text`), unless that is a generic one such as "Default Inference";
//! - a participant becomes an actor (`p<participantID>`), and so does a
//!   speaker named only in an L node's text (`Speaker : words`, AIFdb's
//!   dialogical form), under its name's slug; an L node that a YA node
//!   links to an I node (`L -> YA -> I`) makes its speaker one of that
//!   claim's `by`, unless the YA node is a question or a challenge;
//! - the thesis is the claim argmap's export marked, else the one root
//!   (see `build`).
//!
//! Everything else (TA, MA and PA nodes, YA and L nodes that link no
//! speaker to a claim, relations between relations, fields argmap does not
//! read, such as timestamps and scheme ids) is counted in the [`Summary`],
//! never dropped silently. Malformed AIF (invalid JSON, a
//! dangling edge, an unknown node type, an RA node with no or two
//! conclusions, a CA node with no target, ...) is an [`ImportError`] that
//! names the node or edge.
//!
//! The map is written in the order of the input's nodes, so importing what
//! `argmap export --to aif` wrote gives back the map's claims, arguments,
//! relations and actors in their order, under their ids.
//!
//! The import runs in steps, one private module each: `read` the JSON into
//! a graph; `classify` its RA and CA nodes; find who said each L node
//! (`speakers`); give every item its id (`ids`); `build` the actors, claims
//! (with their relations), arguments and thesis; count what was
//! `left_out`; and `write` the map file as a `toml_edit` document.

mod build;
mod classify;
mod ids;
mod left_out;
mod read;
mod speakers;
mod write;

use super::{ImportError, Imported, Summary};

/// How to import.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Options {
    /// The map's `title` (AIF has no title).
    pub title: String,
}

/// Imports the AIF JSON in `bytes`.
pub fn import(bytes: &[u8], options: &Options) -> Result<Imported, ImportError> {
    let aif = read::read(bytes)?;
    let relations = classify::classify(&aif)?;
    let speakers = speakers::speakers(&aif);
    let mut summary = Summary::default();
    let ids = ids::assign(&aif, &relations, &speakers, &mut summary.notes);
    let (items, anchoring) = build::items(&aif, &relations, &speakers, &ids, &mut summary);
    summary.skipped = left_out::left_out(&aif, &relations, &anchoring);
    let toml = write::document(&options.title, &items).to_string();
    Ok(Imported { toml, summary })
}
