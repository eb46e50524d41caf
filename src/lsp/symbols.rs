//! The outline: each section with its claims and arguments, in file order,
//! then the claims and arguments in no section, the sources and the actors.
//! A section's range covers its own table and its items', so that the
//! editor finds the section of the item under the cursor.

use lsp_types::{DocumentSymbol, DocumentSymbolResponse, SymbolKind};

use super::analysis::Analysis;
use crate::diag::Span;
use crate::model::{Kind, Map};

/// The outline of the map.
pub fn symbols(a: &Analysis) -> Option<DocumentSymbolResponse> {
    let map = a.map()?;
    let resolved = &a.checked.graph.as_ref()?.resolved;
    let extents = Extents::new(a, map);
    let leaf = |kind: Kind, id: &crate::model::Sp<String>, detail: String| {
        #[allow(deprecated)]
        DocumentSymbol {
            name: id.value.clone(),
            detail: Some(detail),
            kind: symbol_kind(kind),
            tags: None,
            deprecated: None,
            range: a.range(&extents.of(&id.span)),
            selection_range: a.range(&id.span),
            children: None,
        }
    };
    let cut = |s: &str| {
        let s = crate::diag::render::human::one_line(s);
        let cut: String = s.chars().take(80).collect();
        if cut.len() < s.len() {
            format!("{cut}…")
        } else {
            cut
        }
    };
    let mut sections: Vec<(Span, Vec<DocumentSymbol>)> = map
        .sections
        .iter()
        .map(|s| (extents.of(&s.id.span), Vec::new()))
        .collect();
    let mut loose = Vec::new();
    for (i, c) in map.claims.iter().enumerate() {
        let symbol = leaf(Kind::Claim, &c.id, cut(c.display_text()));
        match resolved
            .section_of_claim(i)
            .and_then(|s| sections.get_mut(s))
        {
            Some((span, children)) => {
                let own = extents.of(&c.id.span);
                *span = span.start.min(own.start)..span.end.max(own.end);
                children.push(symbol);
            }
            None => loose.push(symbol),
        }
    }
    for (i, x) in map.arguments.iter().enumerate() {
        let label = x.label.as_ref().map_or("argument", |l| l.value.as_str());
        let symbol = leaf(Kind::Argument, &x.id, cut(label));
        match resolved
            .section_of_argument(i)
            .and_then(|s| sections.get_mut(s))
        {
            Some((span, children)) => {
                let own = extents.of(&x.id.span);
                *span = span.start.min(own.start)..span.end.max(own.end);
                children.push(symbol);
            }
            None => loose.push(symbol),
        }
    }
    let mut out: Vec<DocumentSymbol> = Vec::new();
    for (s, (span, mut children)) in map.sections.iter().zip(sections) {
        children.sort_by_key(|c| (c.range.start.line, c.range.start.character));
        #[allow(deprecated)]
        out.push(DocumentSymbol {
            name: s.display_title().to_owned(),
            detail: Some(format!("section `{}`", s.id.value)),
            kind: SymbolKind::NAMESPACE,
            tags: None,
            deprecated: None,
            range: a.range(&span),
            selection_range: a.range(&s.id.span),
            children: Some(children),
        });
    }
    loose.sort_by_key(|c| (c.range.start.line, c.range.start.character));
    out.extend(loose);
    for s in &map.sources {
        out.push(leaf(Kind::Source, &s.id, cut(&s.short_label())));
    }
    for x in &map.actors {
        out.push(leaf(Kind::Actor, &x.id, cut(x.display_name())));
    }
    Some(DocumentSymbolResponse::Nested(out))
}

fn symbol_kind(kind: Kind) -> SymbolKind {
    match kind {
        Kind::Claim => SymbolKind::STRING,
        Kind::Argument => SymbolKind::FUNCTION,
        Kind::Source => SymbolKind::FILE,
        Kind::Section => SymbolKind::NAMESPACE,
        Kind::Actor => SymbolKind::CLASS,
    }
}

/// Where each item's table is: from the start of the line of its id to
/// the end of the line before the next item's.
struct Extents {
    /// The start of each item's line, sorted.
    starts: Vec<usize>,
    len: usize,
}

impl Extents {
    fn new(a: &Analysis, map: &Map) -> Extents {
        let text = a.source();
        let line_of = |at: usize| {
            text.get(..at)
                .and_then(|t| t.rfind('\n'))
                .map_or(0, |i| i + 1)
        };
        let mut starts: Vec<usize> = map.items().map(|(_, id)| line_of(id.span.start)).collect();
        starts.sort_unstable();
        starts.dedup();
        Extents {
            starts,
            len: text.len(),
        }
    }

    /// The extent of the item whose id is at `id`.
    fn of(&self, id: &Span) -> Span {
        let after = self.starts.partition_point(|&s| s <= id.start);
        let start = after
            .checked_sub(1)
            .and_then(|i| self.starts.get(i))
            .copied()
            .unwrap_or(id.start)
            .min(id.start);
        let end = self
            .starts
            .get(after)
            .map_or(self.len, |&next| next.saturating_sub(1))
            .max(id.end);
        start..end
    }
}
