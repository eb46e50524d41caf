//! `unanswered-counterpoint`: an objection that nothing answers.

use super::Context;
use crate::diag::{Code, Diagnostic, Level};

declare_rule! {
    /// ## What it finds
    /// A counterpoint (a claim with `attacks`) that raises an objection and
    /// that no claim attacks in turn. A claim whose attacks all target other
    /// counterpoints is an answer, not an objection, and is not reported:
    /// in a chain `cost` attacks `rebuild`, `grant` attacks `cost`, only an
    /// unanswered `cost` would be.
    ///
    /// ## Why it matters
    /// An objection the text never answers is where a reviewer or a debater
    /// should look first: unless it is weak, it defeats what it attacks.
    ///
    /// ## Example
    /// ```toml
    /// [claims.cost]
    /// text = "Rebuilding costs more than the annual budget"
    /// attacks = ["rebuild"]
    /// cites = ["council2024"]
    /// ```
    ///
    /// ## Fix
    /// Answer it: add a claim with `attacks = ["cost"]`. Or, if it stands,
    /// keep it; the finding records that the objection is open. In an audit
    /// map this is a finding about the text, and a warning by default.
    pub static RULE = Rule {
        code: Code::UnansweredCounterpoint,
        default_level: Level::Warn,
        summary: "a counterpoint that nothing attacks",
        check: Some(check),
    };
}

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for (i, c) in cx.map.claims.iter().enumerate() {
        if !cx.graph.is_counterpoint(cx.map, i) || !cx.graph.attackers(i).is_empty() {
            continue;
        }
        // Only what the claim really attacks: a target that names nothing
        // is `unknown-reference`'s finding, not an objection.
        let mut what: Vec<String> = Vec::new();
        for (t, resolved) in c.attacks.iter().zip(cx.graph.resolved.attacks.of(i)) {
            let real = resolved.is_some();
            let named = format!("`{}`", t.value);
            if real && !what.contains(&named) {
                what.push(named);
            }
        }
        if what.is_empty() {
            continue;
        }
        out.push(
            Diagnostic::new(
                Code::UnansweredCounterpoint,
                c.id.span.clone(),
                format!("counterpoint `{}` against {} is never answered", c.id.value, what.join(", ")),
            )
            .with_label("no claim attacks this objection")
            .with_help(format!(
                "answer it with a claim that has `attacks = [\"{}\"]`, or keep it as an open objection",
                c.id.value
            )),
        );
    }
}
