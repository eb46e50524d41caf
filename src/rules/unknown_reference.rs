//! `unknown-reference`: an id that names nothing (or names the wrong kind of
//! thing).

use std::collections::HashMap;

use super::Context;
use crate::diag::{Code, Diagnostic, Level, toml_string};
use crate::model::{Kind, Map, Sp};
use crate::suggest::IdIndex;

declare_rule! {
    /// ## What it finds
    /// A reference to an id that the map does not define, or that names the
    /// wrong kind of thing: `supports`, `attacks`, `qualifies`, `cites`,
    /// `premises`, `conclusion`, `section` (of a claim, an argument or an
    /// anchor), `by`, `map.thesis` and `map.document`.
    /// Where a defined id of the right kind is one typo away, the finding
    /// names it.
    ///
    /// ## Why it matters
    /// A dangling reference silently drops a relation from the map: the
    /// support, attack or citation it was meant to record does not exist.
    ///
    /// ## Example
    /// ```toml
    /// [claims.cracks]
    /// text = "Two piers are cracked"
    /// supports = ["rebuld"]
    /// ```
    ///
    /// ## Fix
    /// Correct the id (`rebuild`), or define the thing it names. What each
    /// key takes: `supports`, `premises`, `conclusion` and `thesis` take
    /// claims; `attacks` and `qualifies` take claims or arguments; `cites` and `document`
    /// take sources; `section` takes a section; `by` takes actors.
    pub static RULE = Rule {
        code: Code::UnknownReference,
        default_level: Level::Error,
        summary: "an id that names nothing",
        check: Some(check),
    };
}

/// What a reference may name.
#[derive(Clone, Copy)]
enum Expect {
    One(Kind),
    ClaimOrArgument,
}

impl Expect {
    fn accepts(self, kind: Kind) -> bool {
        match self {
            Expect::One(k) => k == kind,
            Expect::ClaimOrArgument => matches!(kind, Kind::Claim | Kind::Argument),
        }
    }

    fn noun(self) -> &'static str {
        match self {
            Expect::One(k) => k.noun(),
            Expect::ClaimOrArgument => "claim or argument",
        }
    }

    fn kinds(self) -> &'static [Kind] {
        match self {
            Expect::One(Kind::Claim) => &[Kind::Claim],
            Expect::One(Kind::Argument) => &[Kind::Argument],
            Expect::One(Kind::Source) => &[Kind::Source],
            Expect::One(Kind::Section) => &[Kind::Section],
            Expect::One(Kind::Actor) => &[Kind::Actor],
            Expect::ClaimOrArgument => &[Kind::Claim, Kind::Argument],
        }
    }
}

/// Suggestion indexes, built only for kinds that have a dangling reference.
struct Suggester<'m> {
    map: &'m Map,
    indexes: HashMap<Kind, IdIndex>,
}

impl Suggester<'_> {
    fn closest(&mut self, id: &str, expect: Expect) -> Option<(Kind, String)> {
        let mut best: Option<(usize, Kind, String)> = None;
        for &kind in expect.kinds() {
            let map = self.map;
            let index = self
                .indexes
                .entry(kind)
                .or_insert_with(|| IdIndex::new(map.ids_of(kind)));
            if let Some(s) = index.closest(id) {
                let d = strsim::damerau_levenshtein(id, s);
                if best.as_ref().is_none_or(|(bd, _, _)| d < *bd) {
                    best = Some((d, kind, s.to_owned()));
                }
            }
        }
        best.map(|(_, k, s)| (k, s))
    }
}

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let map = cx.map;
    let r = &cx.graph.resolved;
    let mut sug = Suggester {
        map,
        indexes: HashMap::new(),
    };
    // Only references the resolved map could not resolve are looked at,
    // and looked up again only to say what they name instead.
    // Follow-on findings that other rules leave to this one.
    let unsupported_thesis = super::unsupported_thesis::thesis_unsupported(cx);
    let thesis_note = |id: &str| {
        (unsupported_thesis && super::unsupported_thesis::may_mean_thesis(cx, id)).then(|| {
            format!(
                "the thesis `{}` has no other support (`unsupported-thesis` is not reported while this names nothing)",
                map.meta.thesis.as_ref().map_or("", |t| t.as_str())
            )
        })
    };
    let mut refer = |written: &Sp<String>,
                     resolved: bool,
                     expect,
                     key: &str,
                     owner: &str,
                     note: Option<String>| {
        if resolved {
            return;
        }
        if let Some(d) = verify(map, &mut sug, written, expect, key, owner) {
            out.push(match note {
                Some(n) => d.with_note(n),
                None => d,
            });
        }
    };
    if let Some(t) = &map.meta.thesis {
        refer(
            t,
            r.thesis.is_some(),
            Expect::One(Kind::Claim),
            "thesis",
            "`[map]`",
            None,
        );
    }
    if let Some(d) = &map.meta.document {
        refer(
            d,
            r.document.is_some(),
            Expect::One(Kind::Source),
            "document",
            "`[map]`",
            None,
        );
    }
    for (i, c) in map.claims.iter().enumerate() {
        let owner = format!("claim `{}`", c.id.value);
        if let Some(s) = &c.section {
            let ok = r.section_of_claim(i).is_some();
            refer(s, ok, Expect::One(Kind::Section), "section", &owner, None);
        }
        for (a, ok) in c.by.iter().zip(r.by.of(i)) {
            refer(
                a,
                ok.is_some(),
                Expect::One(Kind::Actor),
                "by",
                &owner,
                None,
            );
        }
        for (s, ok) in c.supports.iter().zip(r.supports.of(i)) {
            refer(
                s,
                ok.is_some(),
                Expect::One(Kind::Claim),
                "supports",
                &owner,
                thesis_note(s.as_str()),
            );
        }
        for (a, ok) in c.attacks.iter().zip(r.attacks.of(i)) {
            refer(
                a,
                ok.is_some(),
                Expect::ClaimOrArgument,
                "attacks",
                &owner,
                None,
            );
        }
        for (q, ok) in c.qualifies.iter().zip(r.qualifies.of(i)) {
            refer(
                q,
                ok.is_some(),
                Expect::ClaimOrArgument,
                "qualifies",
                &owner,
                None,
            );
        }
        if let Some(s) = c.anchor.as_ref().and_then(|a| a.section.as_ref()) {
            let ok = r.anchor_section.get(i).copied().flatten().is_some();
            let of = format!("the anchor of {owner}");
            refer(s, ok, Expect::One(Kind::Section), "section", &of, None);
        }
        // A claim all of whose citations name nothing is uncited: said here,
        // where the slip is, and not again by `uncited-claim`.
        let uncited = !r.is_cited(i);
        for (cite, ok) in c.cites.iter().zip(r.cites.of(i)) {
            let note = uncited.then(|| {
                format!("{owner} has no other citation: it is uncited until this names a source")
            });
            refer(
                &cite.source,
                ok.is_some(),
                Expect::One(Kind::Source),
                "cites",
                &owner,
                note,
            );
        }
    }
    for (i, a) in map.arguments.iter().enumerate() {
        let owner = format!("argument `{}`", a.id.value);
        if let Some(s) = &a.section {
            let ok = r.section_of_argument(i).is_some();
            refer(s, ok, Expect::One(Kind::Section), "section", &owner, None);
        }
        for (p, ok) in a.premises.iter().zip(r.premises.of(i)) {
            refer(
                p,
                ok.is_some(),
                Expect::One(Kind::Claim),
                "premises",
                &owner,
                None,
            );
        }
        if let Some(c) = &a.conclusion {
            let ok = r.conclusion.get(i).copied().flatten().is_some();
            let note = thesis_note(c.as_str());
            refer(c, ok, Expect::One(Kind::Claim), "conclusion", &owner, note);
        }
    }
}

fn verify(
    map: &Map,
    sug: &mut Suggester<'_>,
    r: &Sp<String>,
    expect: Expect,
    key: &str,
    owner: &str,
) -> Option<Diagnostic> {
    let id = r.value.as_str();
    match map.lookup(id) {
        Some(found) if expect.accepts(found.kind) => None,
        Some(found) => {
            let mut d = Diagnostic::new(
                Code::UnknownReference,
                r.span.clone(),
                format!(
                    "`{key}` of {owner} names {} `{id}`, but `{key}` takes {} ids",
                    found.kind.a(),
                    expect.noun()
                ),
            )
            .with_label(format!("`{id}` is {}", found.kind.a()));
            if key == "supports" && found.kind == Kind::Argument {
                d = d.with_help(format!(
                    "to make this claim a premise of argument `{id}`, list it in that argument's `premises`"
                ));
            } else if key == "cites" {
                d = d.with_help("`cites` names sources; to relate two claims use `supports`");
            }
            Some(d)
        }
        None => {
            let missing = format!("no {} named `{id}`", expect.noun());
            let unread = map
                .bibliographies
                .iter()
                .find(|b| b.left_out.iter().any(|k| k == id));
            if let (Some(b), true) = (unread, expect.accepts(Kind::Source)) {
                return Some(
                    Diagnostic::new(
                        Code::UnknownReference,
                        r.span.clone(),
                        format!("{missing}: its entry in `{}` cannot be read", b.path),
                    )
                    .with_label(format!("`{key}` of {owner} names an entry left out"))
                    .with_help(
                        "fix that entry of the bibliography file, which another finding points at",
                    ),
                );
            }
            Some(match sug.closest(id, expect) {
                Some((kind, s)) => Diagnostic::new(
                    Code::UnknownReference,
                    r.span.clone(),
                    format!("{missing}; {} `{s}` exists", kind.a()),
                )
                .with_label(format!("did you mean `{s}`?"))
                .with_suggestion(r.span.clone(), toml_string(&s)),
                None => Diagnostic::new(Code::UnknownReference, r.span.clone(), missing)
                    .with_label(format!("`{key}` of {owner} names nothing")),
            })
        }
    }
}
