//! The map as a value: claims, arguments, sources, sections and actors, each
//! value with the span it came from. No I/O happens here.
//!
//! The loader builds a [`Map`] from TOML; references between items are kept
//! as written (an id and its span) and resolved through [`Map::lookup`], so
//! that rules can report the ones that name nothing.

use std::collections::HashMap;

use crate::diag::{Level, Span};

/// A value and the byte range of the map file it came from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Sp<T> {
    /// The value.
    pub value: T,
    /// Where it was written.
    pub span: Span,
}

impl<T> Sp<T> {
    /// Wraps `value` with its `span`.
    pub fn new(value: T, span: Span) -> Self {
        Sp { value, span }
    }
}

impl Sp<String> {
    /// The string value.
    pub fn as_str(&self) -> &str {
        &self.value
    }
}

/// A TOML date (`2024-03-01`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Date {
    /// Year.
    pub year: u16,
    /// Month, 1 to 12.
    pub month: u8,
    /// Day, 1 to 31.
    pub day: u8,
}

impl std::fmt::Display for Date {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// The kinds of item that have ids.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Kind {
    /// `[claims.<id>]`
    Claim,
    /// `[arguments.<id>]`
    Argument,
    /// `[sources.<id>]`
    Source,
    /// `[sections.<id>]`
    Section,
    /// `[actors.<id>]`
    Actor,
}

impl Kind {
    /// The singular noun used in messages.
    pub fn noun(self) -> &'static str {
        match self {
            Kind::Claim => "claim",
            Kind::Argument => "argument",
            Kind::Source => "source",
            Kind::Section => "section",
            Kind::Actor => "actor",
        }
    }

    /// The noun with its indefinite article: "a claim", "an argument".
    pub fn a(self) -> &'static str {
        match self {
            Kind::Claim => "a claim",
            Kind::Argument => "an argument",
            Kind::Source => "a source",
            Kind::Section => "a section",
            Kind::Actor => "an actor",
        }
    }

    /// The top-level table that holds items of this kind.
    pub fn table(self) -> &'static str {
        match self {
            Kind::Claim => "claims",
            Kind::Argument => "arguments",
            Kind::Source => "sources",
            Kind::Section => "sections",
            Kind::Actor => "actors",
        }
    }
}

/// An item of the map by kind and index into its list.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct ItemRef {
    /// Which list.
    pub kind: Kind,
    /// Index into [`Map::claims`], [`Map::arguments`], ...
    pub index: usize,
}

/// `[map]`: the map's own metadata.
#[derive(Clone, Debug, Default)]
pub struct Meta {
    /// Span of the `[map]` table (its header), or 0..0 when absent.
    pub span: Span,
    /// Required title.
    pub title: Option<Sp<String>>,
    /// Optional description.
    pub description: Option<Sp<String>>,
    /// The id of the main conclusion.
    pub thesis: Option<Sp<String>>,
    /// The id of the source this map analyses.
    pub document: Option<Sp<String>>,
}

/// `[sections.<id>]`
#[derive(Clone, Debug)]
pub struct Section {
    /// The id (the table key) and where it was written.
    pub id: Sp<String>,
    /// Display title (the id when absent).
    pub title: Option<Sp<String>>,
    /// Optional description.
    pub description: Option<Sp<String>>,
}

/// `[actors.<id>]`
#[derive(Clone, Debug)]
pub struct Actor {
    /// The id.
    pub id: Sp<String>,
    /// Display name (the id when absent).
    pub name: Option<Sp<String>>,
}

/// The kind of a source (`kind = "..."`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SourceKind {
    /// A book.
    Book,
    /// A chapter in an edited book.
    Chapter,
    /// A journal or magazine article.
    Article,
    /// A news item.
    News,
    /// A report.
    Report,
    /// A web page.
    Web,
    /// A speech.
    Speech,
    /// A law or regulation.
    Law,
    /// A data set.
    Dataset,
    /// Anything else.
    Other,
}

impl SourceKind {
    /// Every kind with its spelling.
    pub const ALL: [(&'static str, SourceKind); 10] = [
        ("book", SourceKind::Book),
        ("chapter", SourceKind::Chapter),
        ("article", SourceKind::Article),
        ("news", SourceKind::News),
        ("report", SourceKind::Report),
        ("web", SourceKind::Web),
        ("speech", SourceKind::Speech),
        ("law", SourceKind::Law),
        ("dataset", SourceKind::Dataset),
        ("other", SourceKind::Other),
    ];

    /// Parses a spelling.
    pub fn parse(s: &str) -> Option<SourceKind> {
        Self::ALL.iter().find(|(n, _)| *n == s).map(|(_, k)| *k)
    }
}

/// `[sources.<id>]`: a bibliography entry.
#[derive(Clone, Debug)]
pub struct Source {
    /// The id.
    pub id: Sp<String>,
    /// Title.
    pub title: Option<Sp<String>>,
    /// People or organisations; `None` when the key is absent.
    pub authors: Option<Sp<Vec<Sp<String>>>>,
    /// Year of publication.
    pub year: Option<Sp<i64>>,
    /// Date of publication.
    pub date: Option<Sp<Date>>,
    /// Kind of publication.
    pub kind: Option<Sp<SourceKind>>,
    /// Journal, book or site.
    pub container: Option<Sp<String>>,
    /// Publisher.
    pub publisher: Option<Sp<String>>,
    /// Where it can be read.
    pub url: Option<Sp<String>>,
    /// Digital Object Identifier.
    pub doi: Option<Sp<String>>,
    /// When the URL was read.
    pub accessed: Option<Sp<Date>>,
    /// How the analysed text cites it (`Xinhua 2014`).
    pub cited_as: Option<Sp<String>>,
    /// A local plain-text copy, relative to the map file.
    pub text: Option<Sp<String>>,
    /// Free text.
    pub note: Option<Sp<String>>,
    /// Fields written but not read, for a wrong type or a misspelled key
    /// (`author` for `authors`), already reported by the loader: rules that
    /// would find them missing skip them, so one slip gives one finding.
    pub miswritten: Vec<&'static str>,
}

impl Source {
    /// The year, from `year` or else `date`.
    pub fn year(&self) -> Option<i64> {
        self.year
            .as_ref()
            .map(|y| y.value)
            .or_else(|| self.date.as_ref().map(|d| i64::from(d.value.year)))
    }

    /// A short label: `cited-as`, else first author's family name and year,
    /// else the title, else the id.
    pub fn short_label(&self) -> String {
        if let Some(c) = &self.cited_as {
            return c.value.clone();
        }
        let first_author = self
            .authors
            .as_ref()
            .and_then(|a| a.value.first())
            .map(|a| family_name(&a.value));
        match (first_author, self.year()) {
            (Some(a), Some(y)) => {
                let many = self.authors.as_ref().is_some_and(|a| a.value.len() > 1);
                format!("{a}{} {y}", if many { " et al." } else { "" })
            }
            (Some(a), None) => a,
            (None, _) => self
                .title
                .as_ref()
                .map_or_else(|| self.id.value.clone(), |t| t.value.clone()),
        }
    }
}

/// The name to cite an author by: the family name of a person written
/// `Family, Given`; any other name (an organisation, or a person written in
/// natural order, which cannot be told apart) whole.
fn family_name(author: &str) -> String {
    match author.split_once(',') {
        Some((family, _)) => family.trim().to_owned(),
        None => author.trim().to_owned(),
    }
}

/// One entry of a claim's `cites`.
#[derive(Clone, Debug)]
pub struct Citation {
    /// The source id.
    pub source: Sp<String>,
    /// Free locator (page, section, paragraph).
    pub at: Option<Sp<String>>,
    /// A short verbatim excerpt of the source.
    pub quote: Option<Sp<String>>,
    /// The whole entry.
    pub span: Span,
}

/// A claim's `anchor`: where the analysed document states it.
#[derive(Clone, Debug)]
pub struct Anchor {
    /// Free locator.
    pub at: Option<Sp<String>>,
    /// A short verbatim excerpt of the document.
    pub quote: Option<Sp<String>>,
    /// The whole entry.
    pub span: Span,
}

/// `[claims.<id>]`: a statement of the map.
#[derive(Clone, Debug)]
pub struct Claim {
    /// The id.
    pub id: Sp<String>,
    /// The claim in the map author's words (required).
    pub text: Option<Sp<String>>,
    /// The section it belongs to.
    pub section: Option<Sp<String>>,
    /// Actors who hold it.
    pub by: Vec<Sp<String>>,
    /// Where the analysed document states it.
    pub anchor: Option<Anchor>,
    /// Evidence.
    pub cites: Vec<Citation>,
    /// Claims this one supports on its own.
    pub supports: Vec<Sp<String>>,
    /// Claims (rebut/undermine) or arguments (undercut) this one attacks.
    pub attacks: Vec<Sp<String>>,
    /// Fields written but not read (see [`Source::miswritten`]).
    pub miswritten: Vec<&'static str>,
}

impl Claim {
    /// The text, or the id when the text is missing.
    pub fn display_text(&self) -> &str {
        self.text.as_ref().map_or(&self.id.value, |t| &t.value)
    }
}

/// `[arguments.<id>]`: premises that support a conclusion only jointly.
#[derive(Clone, Debug)]
pub struct Argument {
    /// The id.
    pub id: Sp<String>,
    /// The premises (claim ids), at least one.
    pub premises: Vec<Sp<String>>,
    /// The conclusion (a claim id).
    pub conclusion: Option<Sp<String>>,
    /// Optional label.
    pub label: Option<Sp<String>>,
    /// Optional section (an extension of the format).
    pub section: Option<Sp<String>>,
}

/// A `[lints]` entry: `code = "level"`.
#[derive(Clone, Debug)]
pub struct LintSetting {
    /// The code as written.
    pub code: Sp<String>,
    /// The level.
    pub level: Sp<Level>,
}

/// A whole argument map.
#[derive(Clone, Debug, Default)]
pub struct Map {
    /// `[map]`.
    pub meta: Meta,
    /// `[lints]`, in file order.
    pub lints: Vec<LintSetting>,
    /// Sections, in file order (display order).
    pub sections: Vec<Section>,
    /// Actors.
    pub actors: Vec<Actor>,
    /// Sources.
    pub sources: Vec<Source>,
    /// Claims.
    pub claims: Vec<Claim>,
    /// Arguments.
    pub arguments: Vec<Argument>,
    /// foldhash: ids are looked up for every reference, by every rule and
    /// renderer, and SipHash took 7% of `check` on a map of 100,000 claims.
    index: HashMap<String, ItemRef, hashbrown::DefaultHashBuilder>,
}

impl Map {
    /// Builds the id index. Where one id names two things the first one
    /// written keeps it (the `duplicate-id` rule reports the others).
    pub fn reindex(&mut self) {
        let mut index = HashMap::with_capacity_and_hasher(
            self.claims.len() + self.arguments.len() + self.sources.len(),
            hashbrown::DefaultHashBuilder::default(),
        );
        let ids = self.items().map(|(r, id)| (r, id.span.start, &id.value));
        let mut all: Vec<_> = ids.collect();
        all.sort_by_key(|(_, start, _)| *start);
        for (r, _, id) in all {
            index.entry(id.clone()).or_insert(r);
        }
        self.index = index;
    }

    /// Every item with its id, kind by kind.
    pub fn items(&self) -> impl Iterator<Item = (ItemRef, &Sp<String>)> {
        fn each<T>(
            kind: Kind,
            list: &[T],
            id: fn(&T) -> &Sp<String>,
        ) -> impl Iterator<Item = (ItemRef, &Sp<String>)> {
            list.iter()
                .enumerate()
                .map(move |(index, x)| (ItemRef { kind, index }, id(x)))
        }
        each(Kind::Section, &self.sections, |x| &x.id)
            .chain(each(Kind::Actor, &self.actors, |x| &x.id))
            .chain(each(Kind::Source, &self.sources, |x| &x.id))
            .chain(each(Kind::Claim, &self.claims, |x| &x.id))
            .chain(each(Kind::Argument, &self.arguments, |x| &x.id))
    }

    /// The item an id names, whatever its kind.
    pub fn lookup(&self, id: &str) -> Option<ItemRef> {
        self.index.get(id).copied()
    }

    /// The index of the claim named `id`.
    pub fn claim(&self, id: &str) -> Option<usize> {
        self.lookup_kind(id, Kind::Claim)
    }

    /// The index of the argument named `id`.
    pub fn argument(&self, id: &str) -> Option<usize> {
        self.lookup_kind(id, Kind::Argument)
    }

    /// The index of the source named `id`.
    pub fn source(&self, id: &str) -> Option<usize> {
        self.lookup_kind(id, Kind::Source)
    }

    /// Whether `claim` cites a source of this map: citations of sources
    /// that do not exist back nothing.
    pub fn is_cited(&self, claim: &Claim) -> bool {
        claim
            .cites
            .iter()
            .any(|c| self.source(c.source.as_str()).is_some())
    }

    /// The index of the section named `id`.
    pub fn section(&self, id: &str) -> Option<usize> {
        self.lookup_kind(id, Kind::Section)
    }

    /// The index of the item of `kind` named `id`.
    pub fn lookup_kind(&self, id: &str, kind: Kind) -> Option<usize> {
        self.lookup(id).filter(|r| r.kind == kind).map(|r| r.index)
    }

    /// The id of an item.
    pub fn id_of(&self, r: ItemRef) -> &str {
        let id = match r.kind {
            Kind::Claim => self.claims.get(r.index).map(|x| &x.id),
            Kind::Argument => self.arguments.get(r.index).map(|x| &x.id),
            Kind::Source => self.sources.get(r.index).map(|x| &x.id),
            Kind::Section => self.sections.get(r.index).map(|x| &x.id),
            Kind::Actor => self.actors.get(r.index).map(|x| &x.id),
        };
        id.map_or("", |s| s.value.as_str())
    }

    /// Every id of `kind`.
    pub fn ids_of(&self, kind: Kind) -> impl Iterator<Item = &str> {
        self.items()
            .filter(move |(r, _)| r.kind == kind)
            .map(|(_, id)| id.value.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn source(authors: &[&str], year: Option<i64>) -> Source {
        Source {
            id: Sp::new("s".into(), 0..0),
            title: None,
            authors: Some(Sp::new(
                authors.iter().map(|a| Sp::new((*a).into(), 0..0)).collect(),
                0..0,
            )),
            year: year.map(|y| Sp::new(y, 0..0)),
            date: None,
            kind: None,
            container: None,
            publisher: None,
            url: None,
            doi: None,
            accessed: None,
            cited_as: None,
            text: None,
            note: None,
            miswritten: Vec::new(),
        }
    }

    #[test]
    fn short_label_uses_family_names() {
        assert_eq!(
            source(&["Broeders, Dennis"], Some(2015)).short_label(),
            "Broeders 2015"
        );
        assert_eq!(
            source(&["Smith, Ann", "Bo Li"], Some(2020)).short_label(),
            "Smith et al. 2020"
        );
        assert_eq!(source(&["Xinhua"], None).short_label(), "Xinhua");
        assert_eq!(
            source(&["Ministry of Transport"], Some(2022)).short_label(),
            "Ministry of Transport 2022"
        );
    }
}
