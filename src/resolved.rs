//! Every reference of a map, resolved once: what each id a claim or an
//! argument names stands for, each claim's and argument's section, the
//! thesis and the document. The graph is built from it, and the rules, the
//! evaluation, the diagrams, the report and the exports read it; none of
//! them looks an id up again.
//!
//! A reference resolves to an item of the kind its key takes, or to
//! nothing (`None`): a reference that names nothing, or names an item of
//! another kind, is `None` here, and `unknown-reference` reports it. The
//! resolutions of each claim's and argument's lists are kept in the lists'
//! order, one per entry, so that a consumer reads the entry's span from the
//! model beside its resolution. They are stored flat, one array per key
//! for the whole map, so that a map of 100,000 claims costs a few arrays
//! and not a few small lists per claim.

use crate::model::{Kind, Map, Sp};

/// What an `attacks` or `qualifies` entry names.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Target {
    /// A claim (index into `map.claims`): a rebuttal, or an undermining
    /// when the claim is a premise.
    Claim(usize),
    /// An argument (index into `map.arguments`): an undercut.
    Argument(usize),
}

/// Resolutions of one key for every item, stored flat: item `i`'s entries
/// are `items[starts[i]..starts[i + 1]]`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Lists<T> {
    starts: Vec<u32>,
    items: Vec<Option<T>>,
}

impl<T> Default for Lists<T> {
    fn default() -> Self {
        Lists {
            starts: Vec::new(),
            items: Vec::new(),
        }
    }
}

impl<T: Copy> Lists<T> {
    fn build<I>(count: usize, mut entries: impl FnMut(usize) -> I) -> Self
    where
        I: IntoIterator<Item = Option<T>>,
    {
        let mut starts = Vec::with_capacity(count + 1);
        let mut items = Vec::new();
        for i in 0..count {
            starts.push(u32::try_from(items.len()).unwrap_or(u32::MAX));
            items.extend(entries(i));
        }
        starts.push(u32::try_from(items.len()).unwrap_or(u32::MAX));
        items.shrink_to_fit();
        Lists { starts, items }
    }

    /// The resolutions of item `i`'s entries, in the order written.
    pub fn of(&self, i: usize) -> &[Option<T>] {
        match (self.starts.get(i), self.starts.get(i + 1)) {
            (Some(&a), Some(&b)) => self.items.get(a as usize..b as usize).unwrap_or(&[]),
            _ => &[],
        }
    }

    /// What item `i`'s entries resolve to, each once, in the order
    /// written; entries that name nothing are left out.
    pub fn distinct(&self, i: usize) -> Vec<T>
    where
        T: PartialEq,
    {
        let mut out: Vec<T> = Vec::new();
        for &x in self.of(i).iter().flatten() {
            if !out.contains(&x) {
                out.push(x);
            }
        }
        out
    }
}

/// Every reference of a map, resolved.
#[derive(Clone, Debug, Default)]
pub struct ResolvedMap {
    /// `[map] thesis`, when it names a claim.
    pub thesis: Option<usize>,
    /// `[map] document`, when it names a source.
    pub document: Option<usize>,
    /// Each claim's `section`, when it names a section.
    pub claim_section: Vec<Option<usize>>,
    /// Each argument's section: its own `section`, else its conclusion's.
    pub argument_section: Vec<Option<usize>>,
    /// Each claim's anchor's `section`, when it names one.
    pub anchor_section: Vec<Option<usize>>,
    /// Per claim, its `supports`: claims.
    pub supports: Lists<usize>,
    /// Per claim, its `attacks`.
    pub attacks: Lists<Target>,
    /// Per claim, its `qualifies`.
    pub qualifies: Lists<Target>,
    /// Per claim, its `by`: actors.
    pub by: Lists<usize>,
    /// Per claim, the source of each of its `cites`.
    pub cites: Lists<usize>,
    /// Per argument, its `premises`: claims.
    pub premises: Lists<usize>,
    /// Per argument, its `conclusion`, when it names a claim.
    pub conclusion: Vec<Option<usize>>,
    /// Per claim, whether it is a premise of some argument.
    pub linked_premise: Vec<bool>,
    /// Per item kind, whether each item owns its id (the first item
    /// written with it does; `duplicate-id` reports the others).
    owns: [Vec<bool>; 5],
}

impl ResolvedMap {
    /// Resolves every reference of `map` once.
    pub fn new(map: &Map) -> Self {
        let of_kind = |r: &Sp<String>, kind: Kind| map.lookup_kind(r.as_str(), kind);
        let target = |r: &Sp<String>| match map.lookup(r.as_str()) {
            Some(x) if x.kind == Kind::Claim => Some(Target::Claim(x.index)),
            Some(x) if x.kind == Kind::Argument => Some(Target::Argument(x.index)),
            _ => None,
        };
        let claims = &map.claims;
        let n = claims.len();
        let get = |i: usize| claims.get(i);
        let claim_section: Vec<Option<usize>> = claims
            .iter()
            .map(|c| c.section.as_ref().and_then(|s| of_kind(s, Kind::Section)))
            .collect();
        let conclusion: Vec<Option<usize>> = map
            .arguments
            .iter()
            .map(|a| a.conclusion.as_ref().and_then(|c| of_kind(c, Kind::Claim)))
            .collect();
        let argument_section = map
            .arguments
            .iter()
            .zip(&conclusion)
            .map(|(a, c)| match &a.section {
                Some(s) => of_kind(s, Kind::Section),
                None => c.and_then(|c| claim_section.get(c).copied().flatten()),
            })
            .collect();
        let premises = Lists::build(map.arguments.len(), |i| {
            map.arguments
                .get(i)
                .into_iter()
                .flat_map(|a| &a.premises)
                .map(|p| of_kind(p, Kind::Claim))
        });
        let mut linked_premise = vec![false; n];
        for p in premises.items.iter().flatten() {
            if let Some(flag) = linked_premise.get_mut(*p) {
                *flag = true;
            }
        }
        let mut owns: [Vec<bool>; 5] = [
            Kind::Section,
            Kind::Actor,
            Kind::Source,
            Kind::Claim,
            Kind::Argument,
        ]
        .map(|kind| vec![false; count(map, kind)]);
        for (r, id) in map.items() {
            if map.lookup(id.as_str()) == Some(r)
                && let Some(flag) = owns.get_mut(slot(r.kind)).and_then(|l| l.get_mut(r.index))
            {
                *flag = true;
            }
        }
        ResolvedMap {
            thesis: map
                .meta
                .thesis
                .as_ref()
                .and_then(|t| of_kind(t, Kind::Claim)),
            document: map
                .meta
                .document
                .as_ref()
                .and_then(|d| of_kind(d, Kind::Source)),
            anchor_section: claims
                .iter()
                .map(|c| {
                    let s = c.anchor.as_ref().and_then(|a| a.section.as_ref())?;
                    of_kind(s, Kind::Section)
                })
                .collect(),
            supports: Lists::build(n, |i| {
                get(i)
                    .into_iter()
                    .flat_map(|c| &c.supports)
                    .map(|s| of_kind(s, Kind::Claim))
            }),
            attacks: Lists::build(n, |i| {
                get(i).into_iter().flat_map(|c| &c.attacks).map(target)
            }),
            qualifies: Lists::build(n, |i| {
                get(i).into_iter().flat_map(|c| &c.qualifies).map(target)
            }),
            by: Lists::build(n, |i| {
                get(i)
                    .into_iter()
                    .flat_map(|c| &c.by)
                    .map(|a| of_kind(a, Kind::Actor))
            }),
            cites: Lists::build(n, |i| {
                get(i)
                    .into_iter()
                    .flat_map(|c| &c.cites)
                    .map(|q| of_kind(&q.source, Kind::Source))
            }),
            claim_section,
            argument_section,
            premises,
            conclusion,
            linked_premise,
            owns,
        }
    }

    /// Whether item `index` of `kind` owns its id.
    pub fn owns(&self, kind: Kind, index: usize) -> bool {
        self.owns
            .get(slot(kind))
            .and_then(|l| l.get(index))
            .copied()
            .unwrap_or(false)
    }

    /// The section of claim `i`.
    pub fn section_of_claim(&self, i: usize) -> Option<usize> {
        self.claim_section.get(i).copied().flatten()
    }

    /// The section of argument `i`: its own, else its conclusion's.
    pub fn section_of_argument(&self, i: usize) -> Option<usize> {
        self.argument_section.get(i).copied().flatten()
    }

    /// Whether claim `i` cites a source of the map: citations of sources
    /// that do not exist back nothing.
    pub fn is_cited(&self, i: usize) -> bool {
        self.cites.of(i).iter().any(Option::is_some)
    }
}

fn slot(kind: Kind) -> usize {
    match kind {
        Kind::Section => 0,
        Kind::Actor => 1,
        Kind::Source => 2,
        Kind::Claim => 3,
        Kind::Argument => 4,
    }
}

fn count(map: &Map, kind: Kind) -> usize {
    match kind {
        Kind::Section => map.sections.len(),
        Kind::Actor => map.actors.len(),
        Kind::Source => map.sources.len(),
        Kind::Claim => map.claims.len(),
        Kind::Argument => map.arguments.len(),
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

    use super::*;

    fn map(toml: &str) -> Map {
        crate::load::load("m.toml", toml.as_bytes()).map.unwrap()
    }

    #[test]
    fn resolves_every_reference_once_in_order() {
        let m = map(r#"
[map]
title = "t"
thesis = "a"
[sections.s]
[claims.a]
text = "A"
section = "s"
[claims.b]
text = "B"
supports = ["a", "nothing", "a", "arg"]
attacks = ["arg", "a"]
qualifies = ["s"]
[arguments.arg]
premises = ["a", "b"]
conclusion = "a"
"#);
        let r = ResolvedMap::new(&m);
        assert_eq!(r.thesis, Some(0));
        assert_eq!(r.supports.of(1), [Some(0), None, Some(0), None]);
        assert_eq!(r.supports.distinct(1), [0]);
        assert_eq!(
            r.attacks.of(1),
            [Some(Target::Argument(0)), Some(Target::Claim(0))]
        );
        assert_eq!(
            r.qualifies.of(1),
            [None],
            "a section is not a claim or argument"
        );
        assert_eq!(
            r.section_of_argument(0),
            Some(0),
            "the conclusion's section"
        );
        assert_eq!(r.linked_premise, [true, true]);
        assert!(r.owns(Kind::Claim, 1));
    }
}
