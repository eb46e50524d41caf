//! Kialo's plain-text export into an argmap map:
//!
//! - the `Discussion Title:` becomes `[map] title` (unless `--title` gives
//!   one), the thesis `1.` becomes `[map] thesis`;
//! - every claim written in full becomes a `[claims.<id>]`, its id a slug
//!   of its first words (`trucks-cross-it-every-day`; `-2`, `-3`, ... when
//!   taken), its text with Kialo's backslash escapes read, its lines kept;
//! - a `Pro:` claim `supports` the claim above it, a `Con:` claim `attacks`
//!   it; a `-> See N` link gives the claim numbered N that relation to the
//!   claim above the link, so a claim used in two places is one claim.
//!
//! Nothing of a Kialo export is left out but a link that repeats a
//! relation already made. Malformed input (no title, a number out of
//! order, a claim whose parent is missing, a link to nothing or to a claim
//! it is under, ...) is an [`ImportError`] naming its line and column.
//!
//! The claims are written in an order from which `argmap export --to
//! kialo`, which numbers the claims below each claim in the order of the
//! map's claims, gives back the same numbers: the discussion's order, except
//! that a linked claim may move below a claim it has to follow. Each claim
//! table has its Kialo number in a comment above it.

mod read;
mod write;

use std::collections::{BinaryHeap, HashSet};

use super::{ImportError, Imported, Summary, Thesis};
use crate::kialo::Stance;
use read::{Body, Discussion};

/// How to import.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Options {
    /// The map's `title`; `None` keeps the discussion's title.
    pub title: Option<String>,
}

/// A claim of the map to write.
pub(super) struct Claim {
    pub(super) id: String,
    pub(super) text: String,
    /// Its Kialo number, as written.
    pub(super) number: String,
    pub(super) supports: Vec<String>,
    pub(super) attacks: Vec<String>,
}

/// Imports the Kialo export in `bytes`.
pub fn import(bytes: &[u8], options: &Options) -> Result<Imported, ImportError> {
    let discussion = read::read(bytes)?;
    let mut summary = Summary::default();
    let claims = claims(&discussion, &mut summary);
    let title = options
        .title
        .clone()
        .unwrap_or_else(|| discussion.title.clone());
    let thesis = claims.first().map(|c| c.id.clone());
    if let Some(id) = &thesis {
        summary.thesis = Thesis::Numbered(id.clone());
    }
    let ordered = order(&discussion, claims, &mut summary.notes);
    if discussion.markup > 0 {
        let n = discussion.markup;
        let (claims, their) = if n == 1 {
            ("1 claim holds", "its")
        } else {
            (&*format!("{n} claims hold"), "their")
        };
        summary.notes.push(format!(
            "{claims} Markdown that Kialo did not escape (a link, emphasis), kept as written in {their} text; `argmap export --to kialo` escapes it"
        ));
    }
    let toml = write::document(&title, thesis.as_deref(), &ordered).to_string();
    Ok(Imported { toml, summary })
}

/// The claim of each entry written in full (by entry index), ids given in
/// the order written; the relations of every entry.
fn claims(d: &Discussion, summary: &mut Summary) -> Vec<Claim> {
    let mut taken = HashSet::new();
    let mut claim_of = vec![usize::MAX; d.entries.len()];
    let mut claims: Vec<Claim> = Vec::new();
    for (i, e) in d.entries.iter().enumerate() {
        if let Body::Text(text) = &e.body {
            if let Some(slot) = claim_of.get_mut(i) {
                *slot = claims.len();
            }
            claims.push(Claim {
                id: id_for(text, &mut taken),
                text: text.clone(),
                number: crate::kialo::number(&e.number),
                supports: Vec::new(),
                attacks: Vec::new(),
            });
        }
    }
    let mut repeated = 0;
    let mut made = HashSet::new();
    for (i, e) in d.entries.iter().enumerate() {
        let (Some(parent), Some(stance)) = (e.parent, e.stance) else {
            continue;
        };
        let child = match e.body {
            Body::Text(_) => i,
            Body::See(t) => t,
        };
        let (Some(&c), Some(&p)) = (claim_of.get(child), claim_of.get(parent)) else {
            continue;
        };
        if !made.insert((c, p, stance)) {
            repeated += 1;
            continue;
        }
        let Some(parent_id) = claims.get(p).map(|c| c.id.clone()) else {
            continue;
        };
        let Some(claim) = claims.get_mut(c) else {
            continue;
        };
        let list = match stance {
            Stance::Pro => &mut claim.supports,
            Stance::Con => &mut claim.attacks,
        };
        list.push(parent_id);
        match stance {
            Stance::Pro => summary.supports += 1,
            Stance::Con => summary.attacks += 1,
        }
    }
    summary.claims = claims.len();
    if repeated > 0 {
        summary.skipped.push(super::count(
            repeated,
            "`-> See` link that repeats a relation already made",
            "`-> See` links that repeat relations already made",
        ));
    }
    claims
}

/// The longest id made from a text, in bytes.
const MAX_ID_BYTES: usize = 40;

/// A readable id for `text`: its slug, cut at a word before
/// [`MAX_ID_BYTES`]; `claim` for a text with no letter or digit; `-2`,
/// `-3`, ... when taken.
fn id_for(text: &str, taken: &mut HashSet<String>) -> String {
    let slug = slug::slugify(text);
    let mut base = String::new();
    for word in slug.split('-') {
        if !base.is_empty() && base.len() + 1 + word.len() > MAX_ID_BYTES {
            break;
        }
        if !base.is_empty() {
            base.push('-');
        }
        base.push_str(word);
    }
    base.truncate(MAX_ID_BYTES);
    if base.is_empty() {
        base = "claim".to_owned();
    }
    let mut id = base.clone();
    let mut n = 2;
    while !taken.insert(id.clone()) {
        id = format!("{base}-{n}");
        n += 1;
    }
    id
}

/// The claims in the order to write them: the order written, except that
/// where a link puts a claim among the claims below another, the claims
/// there must be in the map's order as they are in the discussion (an
/// export numbers them by it). A topological sort from the end, ties to
/// the latest claim written, so that a claim that must come earlier moves
/// up alone; where the links ask for a cycle, the order written, and a
/// note.
fn order(d: &Discussion, claims: Vec<Claim>, notes: &mut Vec<String>) -> Vec<Claim> {
    // The claim (index into `claims`) of each entry.
    let mut claim_of = Vec::with_capacity(d.entries.len());
    let mut next = 0;
    for e in &d.entries {
        if matches!(e.body, Body::Text(_)) {
            claim_of.push(next);
            next += 1;
        } else {
            claim_of.push(usize::MAX);
        }
    }
    for (i, e) in d.entries.iter().enumerate() {
        if let Body::See(t) = e.body {
            let to = claim_of.get(t).copied().unwrap_or(usize::MAX);
            if let Some(slot) = claim_of.get_mut(i) {
                *slot = to;
            }
        }
    }
    let n = claims.len();
    // `must_follow[b]`: the claims that must come before claim `b`;
    // `followers[a]`: how many claims must come after claim `a`.
    let mut must_follow: Vec<Vec<usize>> = vec![Vec::new(); n];
    let mut followers = vec![0usize; n];
    let mut last_child: Vec<Option<usize>> = vec![None; d.entries.len()];
    let mut forward = 0;
    for (i, e) in d.entries.iter().enumerate() {
        if let Body::See(t) = e.body
            && t > i
        {
            forward += 1;
        }
        let Some(p) = e.parent else { continue };
        let c = claim_of.get(i).copied().unwrap_or(usize::MAX);
        if let Some(slot) = last_child.get_mut(p)
            && let Some(prev) = slot.replace(c)
            && prev != c
            && prev < n
            && c < n
            && let (Some(m), Some(f)) = (must_follow.get_mut(c), followers.get_mut(prev))
        {
            m.push(prev);
            *f += 1;
        }
    }
    // From the end: the latest claim free to go last, so that a claim that
    // must come earlier moves up rather than its followers down.
    let mut heap: BinaryHeap<usize> = (0..n).filter(|&c| followers.get(c) == Some(&0)).collect();
    let mut order = Vec::with_capacity(n);
    while let Some(c) = heap.pop() {
        order.push(c);
        for &prev in must_follow.get(c).map_or(&[][..], Vec::as_slice) {
            if let Some(f) = followers.get_mut(prev) {
                *f -= 1;
                if *f == 0 {
                    heap.push(prev);
                }
            }
        }
    }
    order.reverse();
    if order.len() < n {
        let stuck = n - order.len();
        order = (0..n).collect();
        notes.push(format!(
            "the `-> See` links order {} in a cycle, so `argmap export --to kialo` numbers some of them differently",
            super::count(stuck, "claim", "claims")
        ));
    }
    if forward > 0 {
        notes.push(format!(
            "{} a claim written in full further down; `argmap export --to kialo` writes each claim in full where it first appears, and links to it after",
            super::count(forward, "`-> See` link names", "`-> See` links name")
        ));
    }
    let mut slots: Vec<Option<Claim>> = claims.into_iter().map(Some).collect();
    order
        .into_iter()
        .filter_map(|c| slots.get_mut(c).and_then(Option::take))
        .collect()
}
