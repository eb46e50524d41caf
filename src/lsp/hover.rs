//! Hover: what the id under the cursor names (a claim's text, its label
//! under grounded semantics and its citations; a source's entry; an
//! argument, a section, an actor), and what a diagnostic code means (in
//! `[lints]`, or over a finding), from the rule's documentation that
//! `argmap explain` prints.

use lsp_types::{Hover, HoverContents, MarkupContent, MarkupKind, TextDocumentPositionParams};

use super::analysis::{Analysis, Role};
use crate::diag::Code;
use crate::model::{ItemRef, Kind, Map};

/// Markdown for the position, if there is something to say.
pub fn hover(a: &Analysis, p: &TextDocumentPositionParams) -> Option<Hover> {
    let offset = a.offset(p.position);
    let map = a.map()?;
    let (text, span) = if let Some(o) = a.ids().at(offset) {
        let shown = match a.ids().definition(&o.id).and_then(|d| d.item) {
            Some(item) => item_text(a, map, item)?,
            None => format!(
                "`{}`: no {} of this map has this id",
                o.id,
                kinds_noun(o.role)
            ),
        };
        (shown, o.span.clone())
    } else if let Some(l) = map
        .lints
        .iter()
        .find(|l| l.code.span.start <= offset && offset <= l.code.span.end)
    {
        (explain(l.code.value), l.code.span.clone())
    } else {
        let findings: Vec<_> = a
            .checked
            .report
            .diagnostics
            .iter()
            .filter(|d| d.span.start <= offset && offset <= d.span.end)
            .collect();
        let first = findings.first()?;
        let mut codes: Vec<Code> = findings.iter().map(|d| d.code).collect();
        codes.dedup();
        let text: Vec<String> = codes.into_iter().map(explain).collect();
        (text.join("\n\n---\n\n"), first.span.clone())
    };
    Some(Hover {
        contents: HoverContents::Markup(MarkupContent {
            kind: MarkupKind::Markdown,
            value: text,
        }),
        range: Some(a.range(&span)),
    })
}

fn kinds_noun(role: Role) -> &'static str {
    match role.kinds() {
        [kind] => kind.noun(),
        [_, _] => "claim or argument",
        _ => "item",
    }
}

/// A code's documentation, as `argmap explain CODE` prints it.
fn explain(code: Code) -> String {
    match crate::rules::find(code) {
        Some(rule) => format!(
            "**`{code}`** (default level: {})\n\n{}",
            rule.default_level,
            rule.explanation()
        ),
        None => format!("**`{code}`**"),
    }
}

/// Markdown that shows `s` as text: the characters Markdown reads escaped.
fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if matches!(
            c,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|' | '~' | '!' | '(' | ')'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

fn item_text(a: &Analysis, map: &Map, item: ItemRef) -> Option<String> {
    let ids = a.ids();
    let id = map.id_of(item);
    let referenced = |key: &str| {
        ids.of_id(id)
            .filter(|o| matches!(o.role, Role::Reference(k) if k == key))
            .count()
    };
    let resolved = a.checked.graph.as_ref().map(|g| &g.resolved);
    let mut lines: Vec<String> = Vec::new();
    match item.kind {
        Kind::Claim => {
            let c = map.claims.get(item.index)?;
            lines.push(format!("**claim** `{id}`"));
            lines.push(escape(c.display_text()));
            let mut facts = Vec::new();
            if let Some(label) = a.evaluation().and_then(|e| e.claim(item.index)) {
                facts.push(format!("status: **{label}** (grounded semantics)"));
            }
            if let Some(s) = resolved
                .and_then(|r| r.section_of_claim(item.index))
                .and_then(|s| map.sections.get(s))
            {
                facts.push(format!("section: {}", escape(s.display_title())));
            }
            if !c.by.is_empty() {
                let by: Vec<String> = c.by.iter().map(|b| format!("`{}`", b.value)).collect();
                facts.push(format!("by: {}", by.join(", ")));
            }
            lines.push(facts.join("  \n"));
            if c.cites.is_empty() {
                lines.push("cites nothing".to_owned());
            } else {
                let sources = resolved.map(|r| r.cites.of(item.index)).unwrap_or(&[]);
                let mut cites = vec!["cites:".to_owned()];
                for (k, q) in c.cites.iter().enumerate() {
                    let source = sources
                        .get(k)
                        .copied()
                        .flatten()
                        .and_then(|s| map.sources.get(s));
                    let mut line = format!("- `{}`", q.source.value);
                    match source {
                        Some(s) => line.push_str(&format!(" ({})", escape(&s.short_label()))),
                        None => line.push_str(" (no such source)"),
                    }
                    if let Some(at) = &q.at {
                        line.push_str(&format!(", {}", escape(&at.value)));
                    }
                    if let Some(quote) = &q.quote {
                        line.push_str(&format!(": “{}”", escape(&quote.value)));
                    }
                    cites.push(line);
                }
                lines.push(cites.join("\n"));
            }
        }
        Kind::Argument => {
            let x = map.arguments.get(item.index)?;
            lines.push(format!("**argument** `{id}`"));
            if let Some(l) = &x.label {
                lines.push(escape(&l.value));
            }
            let premises: Vec<String> = x
                .premises
                .iter()
                .map(|p| format!("`{}`", p.value))
                .collect();
            let mut facts = vec![format!("premises: {}", premises.join(", "))];
            if let Some(c) = &x.conclusion {
                facts.push(format!("conclusion: `{}`", c.value));
            }
            if let Some(label) = a.evaluation().and_then(|e| e.argument(item.index)) {
                facts.push(format!("status: **{label}** (grounded semantics)"));
            }
            lines.push(facts.join("  \n"));
        }
        Kind::Source => {
            let s = map.sources.get(item.index)?;
            let kind = s.kind.as_ref().map_or("source", |k| k.value.name());
            lines.push(format!("**{kind}** `{id}`: {}", escape(&s.short_label())));
            let mut facts = Vec::new();
            let mut fact = |key: &str, value: Option<String>| {
                if let Some(v) = value {
                    facts.push(format!("{key}: {}", escape(&v)));
                }
            };
            fact("title", s.title.as_ref().map(|t| t.value.clone()));
            fact(
                "authors",
                s.authors.as_ref().map(|a| {
                    a.value
                        .iter()
                        .map(|x| x.value.as_str())
                        .collect::<Vec<_>>()
                        .join("; ")
                }),
            );
            fact(
                "date",
                s.date
                    .as_ref()
                    .map(|d| d.value.to_string())
                    .or_else(|| s.year.as_ref().map(|y| y.value.to_string())),
            );
            fact("in", s.container.as_ref().map(|c| c.value.clone()));
            fact("publisher", s.publisher.as_ref().map(|p| p.value.clone()));
            fact("url", s.url.as_ref().map(|u| u.value.clone()));
            fact("doi", s.doi.as_ref().map(|d| d.value.clone()));
            fact("printed", s.printed.as_ref().map(|p| p.value.clone()));
            lines.push(facts.join("  \n"));
            let text = match a.checked.texts.get(item.index) {
                Some(t) => format!("text: `{}`, read", t.path),
                None if a.checked.texts.failed(item.index) => "text: cannot be read".to_owned(),
                None => "text: none, so its quotes are not checked".to_owned(),
            };
            lines.push(format!(
                "{text}  \ncited by {}",
                crate::english::count(referenced("cites"), "claim")
            ));
        }
        Kind::Section => {
            let s = map.sections.get(item.index)?;
            lines.push(format!("**section** `{id}`: {}", escape(s.display_title())));
            if let Some(d) = &s.description {
                lines.push(escape(&d.value));
            }
            let claims = resolved.map_or(0, |r| {
                (0..map.claims.len())
                    .filter(|&i| r.section_of_claim(i) == Some(item.index))
                    .count()
            });
            lines.push(crate::english::count(claims, "claim"));
        }
        Kind::Actor => {
            let x = map.actors.get(item.index)?;
            lines.push(format!("**actor** `{id}`: {}", escape(x.display_name())));
            lines.push(format!(
                "holds {}",
                crate::english::count(referenced("by"), "claim")
            ));
        }
    }
    Some(lines.join("\n\n"))
}
