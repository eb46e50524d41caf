//! `self-reference`: a claim that supports, attacks or qualifies itself, or an argument
//! that concludes one of its own premises.

use super::Context;
use crate::diag::{Code, Diagnostic, Level};

declare_rule! {
    /// ## What it finds
    /// A claim that lists its own id in `supports`, `attacks` or `qualifies`, and an
    /// argument whose `conclusion` is also one of its `premises`.
    ///
    /// ## Why it matters
    /// A claim cannot be evidence for itself (that is begging the question),
    /// and a claim that attacks itself makes the evaluation of the map
    /// undecidable for it. Either is almost always a copy-and-paste slip.
    ///
    /// ## Example
    /// ```toml
    /// [claims.rebuild]
    /// text = "The bridge should be rebuilt"
    /// supports = ["rebuild"]
    /// ```
    ///
    /// ## Fix
    /// Point the relation at the claim that was meant, or remove it.
    pub static RULE = Rule {
        code: Code::SelfReference,
        default_level: Level::Error,
        summary: "a claim that supports, attacks or qualifies itself",
        check: Some(check),
    };
}

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for c in &cx.map.claims {
        let id = &c.id.value;
        for (key, list, verb) in [
            ("supports", &c.supports, "supports"),
            ("attacks", &c.attacks, "attacks"),
            ("qualifies", &c.qualifies, "qualifies"),
        ] {
            for r in list.iter().filter(|r| &r.value == id) {
                out.push(
                    Diagnostic::new(
                        Code::SelfReference,
                        r.span.clone(),
                        format!("claim `{id}` {verb} itself"),
                    )
                    .with_label(format!("`{key}` names the claim's own id"))
                    .with_secondary(c.id.span.clone(), "the claim is defined here")
                    .with_help(format!(
                        "remove `{id}` from `{key}` or name the claim you meant"
                    )),
                );
            }
        }
    }
    for a in &cx.map.arguments {
        let Some(conclusion) = &a.conclusion else {
            continue;
        };
        for p in a.premises.iter().filter(|p| p.value == conclusion.value) {
            out.push(
                Diagnostic::new(
                    Code::SelfReference,
                    p.span.clone(),
                    format!(
                        "argument `{}` has its conclusion `{}` among its premises",
                        a.id.value, conclusion.value
                    ),
                )
                .with_label("this premise is the conclusion")
                .with_secondary(conclusion.span.clone(), "the conclusion")
                .with_help("a claim cannot support itself; remove it from `premises`"),
            );
        }
    }
}
