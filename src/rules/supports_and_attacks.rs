//! `supports-and-attacks`: one claim both supports and attacks the same
//! target.

use std::collections::HashSet;

use super::Context;
use crate::diag::{Code, Diagnostic, Level};

declare_rule! {
    /// ## What it finds
    /// A claim that both supports and attacks the same claim: it lists the
    /// claim in both `supports` and `attacks`, or it is a premise of an
    /// argument whose conclusion it attacks, or it undercuts an argument it
    /// is a premise of.
    ///
    /// ## Why it matters
    /// A claim cannot count for and against the same conclusion at once;
    /// one of the two relations is a slip, or the claim says two things and
    /// should be split.
    ///
    /// ## Example
    /// ```toml
    /// [claims.cost]
    /// text = "Rebuilding costs more than the annual budget"
    /// supports = ["rebuild"]
    /// attacks = ["rebuild"]
    /// ```
    ///
    /// ## Fix
    /// Remove the relation that is wrong, or split the claim into the part
    /// that supports and the part that attacks.
    pub static RULE = Rule {
        code: Code::SupportsAndAttacks,
        default_level: Level::Error,
        summary: "one claim both supports and attacks the same target",
        check: Some(check),
    };
}

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let map = cx.map;
    for c in &map.claims {
        let supported: HashSet<&str> = c.supports.iter().map(|s| s.value.as_str()).collect();
        for a in c
            .attacks
            .iter()
            .filter(|a| supported.contains(a.value.as_str()) && a.value != c.id.value)
        {
            out.push(
                Diagnostic::new(
                    Code::SupportsAndAttacks,
                    a.span.clone(),
                    format!(
                        "claim `{}` both supports and attacks `{}`",
                        c.id.value, a.value
                    ),
                )
                .with_label("attacked here")
                .with_secondary(
                    c.supports
                        .iter()
                        .find(|s| s.value == a.value)
                        .map_or(c.id.span.clone(), |s| s.span.clone()),
                    "supported here",
                )
                .with_help("remove the wrong relation, or split the claim in two"),
            );
        }
    }
    for (ai, arg) in map.arguments.iter().enumerate() {
        let Some(conclusion) = &arg.conclusion else {
            continue;
        };
        for (p, j) in arg.premises.iter().zip(cx.graph.resolved.premises.of(ai)) {
            let Some(claim) = j.and_then(|j| map.claims.get(j)) else {
                continue;
            };
            for a in &claim.attacks {
                let what = if a.value == conclusion.value {
                    format!("its conclusion `{}`", conclusion.value)
                } else if a.value == arg.id.value {
                    "the argument itself".to_owned()
                } else {
                    continue;
                };
                out.push(
                    Diagnostic::new(
                        Code::SupportsAndAttacks,
                        a.span.clone(),
                        format!(
                            "claim `{}` is a premise of argument `{}` but attacks {what}",
                            p.value, arg.id.value
                        ),
                    )
                    .with_label("attacked here")
                    .with_secondary(p.span.clone(), "a premise here")
                    .with_help("remove the wrong relation, or split the claim in two"),
                );
            }
        }
    }
}
