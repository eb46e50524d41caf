//! `duplicate-id`: one id names two things.

use std::collections::HashMap;

use super::Context;
use crate::diag::{Code, Diagnostic, Level};

declare_rule! {
    /// ## What it finds
    /// One id given to two things of the map: a claim and an argument, a
    /// claim and a source, a section and an actor. Ids are the table keys
    /// (`[claims.<id>]`, `[sources.<id>]`, ...) and one id names one thing
    /// across the whole map. (The same key twice in one table, such as two
    /// `[claims.rebuild]` tables, is already a TOML error: `toml-syntax`.)
    ///
    /// ## Why it matters
    /// References such as `attacks = ["traffic"]` must name exactly one
    /// thing; with two candidates the map is ambiguous. argmap resolves the
    /// id to the first definition in the file.
    ///
    /// ## Example
    /// ```toml
    /// [claims.traffic]
    /// text = "Heavy trucks use the bridge daily"
    ///
    /// [arguments.traffic]
    /// premises = ["load", "no-limit"]
    /// conclusion = "rebuild"
    /// ```
    ///
    /// ## Fix
    /// Rename one of them, for example the argument to `traffic-arg`, and
    /// update the references to it.
    pub static RULE = Rule {
        code: Code::DuplicateId,
        default_level: Level::Error,
        summary: "one id names two things",
        check: Some(check),
    };
}

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let mut items: Vec<_> = cx.map.items().collect();
    items.sort_by_key(|(_, id)| id.span.start);
    let mut first = HashMap::with_capacity(items.len());
    for (item, id) in items {
        match first.get(id.value.as_str()) {
            None => {
                first.insert(id.value.as_str(), (item, id));
            }
            Some(&(prev, prev_id)) => out.push(
                Diagnostic::new(
                    Code::DuplicateId,
                    id.span.clone(),
                    if prev.kind == item.kind {
                        format!("id `{}` names two {}s", id.value, item.kind.noun())
                    } else {
                        format!(
                            "id `{}` names both {} and {}",
                            id.value,
                            prev.kind.a(),
                            item.kind.a()
                        )
                    },
                )
                .with_label(format!("this {} reuses the id", item.kind.noun()))
                .with_secondary(
                    prev_id.span.clone(),
                    format!("first defined here as a {}", prev.kind.noun()),
                )
                .with_help(format!(
                    "rename one of them; references to `{}` resolve to the {}",
                    id.value,
                    prev.kind.noun()
                )),
            ),
        }
    }
}
