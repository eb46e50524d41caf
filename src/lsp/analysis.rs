//! One check of an open map, and what the editor's requests read of it:
//! the findings, the model, and (built on the first request that needs
//! them) every id written in the map with its place and role, and the
//! evaluation.

use std::collections::HashMap;
use std::sync::OnceLock;

use crate::check::Checked;
use crate::diag::Span;
use crate::eval::Evaluation;
use crate::model::{ItemRef, Kind, Map, Sp};

use super::position::{Encoding, LineIndex};

/// What an occurrence of an id is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Role {
    /// The table key that defines an item: `[claims.<id>]`.
    Definition(Kind),
    /// A reference, under its key (`supports`, `cites`, `thesis`, ...).
    Reference(&'static str),
}

impl Role {
    /// The kinds of item a reference under `key` may name (the kinds of
    /// `unknown-reference`); a definition names its own.
    pub fn kinds(self) -> &'static [Kind] {
        match self {
            Role::Definition(Kind::Claim)
            | Role::Reference("supports" | "premises" | "conclusion" | "thesis") => &[Kind::Claim],
            Role::Reference("attacks" | "qualifies") => &[Kind::Claim, Kind::Argument],
            Role::Definition(Kind::Source) | Role::Reference("cites" | "document") => {
                &[Kind::Source]
            }
            Role::Definition(Kind::Section) | Role::Reference("section") => &[Kind::Section],
            Role::Definition(Kind::Actor) | Role::Reference("by") => &[Kind::Actor],
            Role::Definition(Kind::Argument) => &[Kind::Argument],
            Role::Reference(_) => &[],
        }
    }
}

/// One id written in the map.
#[derive(Clone, Debug)]
pub struct Occurrence {
    /// The id.
    pub id: String,
    /// Where it is written: the key, or the string with its quotes.
    pub span: Span,
    /// What it is.
    pub role: Role,
    /// The item it defines (definitions only).
    pub item: Option<ItemRef>,
}

/// Every id written in a map, by place and by id.
#[derive(Debug, Default)]
pub struct Ids {
    /// In file order.
    pub all: Vec<Occurrence>,
    /// Each id's occurrences, as indexes into `all`, in file order.
    by_id: HashMap<String, Vec<usize>>,
}

impl Ids {
    /// Gathers the ids of `map`.
    pub fn of(map: &Map) -> Ids {
        let mut all = Vec::with_capacity(map.claims.len() * 4 + map.sources.len());
        let mut add = |id: &Sp<String>, role, item| {
            all.push(Occurrence {
                id: id.value.clone(),
                span: id.span.clone(),
                role,
                item,
            });
        };
        for (r, id) in map.items() {
            add(id, Role::Definition(r.kind), Some(r));
        }
        let mut add = |id: &Sp<String>, key| add(id, Role::Reference(key), None);
        if let Some(t) = &map.meta.thesis {
            add(t, "thesis");
        }
        if let Some(d) = &map.meta.document {
            add(d, "document");
        }
        for c in &map.claims {
            if let Some(s) = &c.section {
                add(s, "section");
            }
            for a in &c.by {
                add(a, "by");
            }
            if let Some(s) = c.anchor.as_ref().and_then(|a| a.section.as_ref()) {
                add(s, "section");
            }
            for q in &c.cites {
                add(&q.source, "cites");
            }
            for s in &c.supports {
                add(s, "supports");
            }
            for s in &c.attacks {
                add(s, "attacks");
            }
            for s in &c.qualifies {
                add(s, "qualifies");
            }
        }
        for a in &map.arguments {
            for p in &a.premises {
                add(p, "premises");
            }
            if let Some(c) = &a.conclusion {
                add(c, "conclusion");
            }
            if let Some(s) = &a.section {
                add(s, "section");
            }
        }
        all.sort_by_key(|o| (o.span.start, o.span.end));
        let mut by_id: HashMap<String, Vec<usize>> = HashMap::new();
        for (i, o) in all.iter().enumerate() {
            by_id.entry(o.id.clone()).or_default().push(i);
        }
        Ids { all, by_id }
    }

    /// The occurrence written over byte `offset` (its end included, so
    /// that a cursor just after an id is on it).
    pub fn at(&self, offset: usize) -> Option<&Occurrence> {
        let after = self.all.partition_point(|o| o.span.start <= offset);
        self.all
            .get(..after)?
            .iter()
            .rev()
            .take(4)
            .find(|o| o.span.start <= offset && offset <= o.span.end)
    }

    /// Every occurrence of `id`, in file order.
    pub fn of_id<'a>(&'a self, id: &str) -> impl Iterator<Item = &'a Occurrence> + 'a {
        self.by_id
            .get(id)
            .into_iter()
            .flatten()
            .filter_map(|&i| self.all.get(i))
    }

    /// The definition that owns `id`: the first written (a later one is a
    /// `duplicate-id`).
    pub fn definition(&self, id: &str) -> Option<&Occurrence> {
        self.of_id(id)
            .find(|o| matches!(o.role, Role::Definition(_)))
    }

    /// Whether `id` is defined.
    pub fn defined(&self, id: &str) -> bool {
        self.definition(id).is_some()
    }

    /// The ids defined with `kind`, each once, in file order.
    pub fn defined_of(&self, kind: Kind) -> impl Iterator<Item = &Occurrence> {
        self.all
            .iter()
            .filter(move |o| o.role == Role::Definition(kind))
    }
}

/// An open map, checked.
pub struct Analysis {
    /// The document's text, as the editor has it.
    pub text: String,
    /// Bytes of the text before the map's own (a byte-order mark): spans
    /// count from after them.
    pub start: usize,
    /// Its lines.
    pub lines: LineIndex,
    /// The check.
    pub checked: Checked,
    ids: OnceLock<Ids>,
    evaluation: OnceLock<Option<Evaluation>>,
}

impl Analysis {
    /// The analysis of `text`, checked as `checked`.
    pub fn new(text: String, checked: Checked, encoding: Encoding) -> Analysis {
        let lines = LineIndex::new(&text, encoding);
        Analysis {
            start: checked.report.file.text_start,
            lines,
            text,
            checked,
            ids: OnceLock::new(),
            evaluation: OnceLock::new(),
        }
    }

    /// The model, when the text is TOML.
    pub fn map(&self) -> Option<&Map> {
        self.checked.map.as_ref()
    }

    /// The ids of the map.
    pub fn ids(&self) -> &Ids {
        self.ids
            .get_or_init(|| self.map().map(Ids::of).unwrap_or_default())
    }

    /// The grounded evaluation of the map.
    pub fn evaluation(&self) -> Option<&Evaluation> {
        self.evaluation
            .get_or_init(|| {
                let (map, graph) = (self.checked.map.as_ref()?, self.checked.graph.as_ref()?);
                Some(crate::eval::evaluate(map, graph))
            })
            .as_ref()
    }

    /// Where `span` is: in the map (at `uri`), or in a bibliography file
    /// the map names (at that file's URI, its range counted in it).
    pub fn location(&self, span: &Span, uri: &lsp_types::Uri) -> Option<lsp_types::Location> {
        let report = &self.checked.report;
        let (file, inner) = report.locate(span);
        if std::ptr::eq(file, &report.file) {
            return Some(lsp_types::Location::new(uri.clone(), self.range(span)));
        }
        let other = super::file_uri(std::path::Path::new(&file.name))?;
        // Spans index the file's text, its byte-order mark left out; an
        // editor counts no position for the mark.
        let lines = LineIndex::new(&file.text, self.lines.encoding());
        Some(lsp_types::Location::new(
            other,
            lines.range(&file.text, &inner),
        ))
    }

    /// The range of map bytes `span`.
    pub fn range(&self, span: &Span) -> lsp_types::Range {
        self.lines.range(
            &self.text,
            &(span.start + self.start..span.end + self.start),
        )
    }

    /// The map byte at `position` (before the map's text: its start).
    pub fn offset(&self, position: lsp_types::Position) -> usize {
        self.lines
            .offset(&self.text, position)
            .saturating_sub(self.start)
    }

    /// The map's text (without a byte-order mark), which spans index.
    pub fn source(&self) -> &str {
        &self.checked.report.file.text
    }

    /// The part of `span` that an id is written in: inside its quotes,
    /// when it is a string written as it is; `None` for a string with
    /// escapes, which is rewritten whole.
    pub fn id_inside(&self, span: &Span, id: &str) -> Option<Span> {
        let written = self.source().get(span.clone())?;
        if written == id {
            return Some(span.clone());
        }
        let quoted = written.len() == id.len() + 2
            && (written.starts_with('"') || written.starts_with('\''))
            && written.get(1..written.len() - 1) == Some(id);
        quoted.then(|| span.start + 1..span.end - 1)
    }
}
