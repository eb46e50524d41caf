//! The map as a value: claims, arguments, sources, sections and actors, each
//! value with the span it came from. No I/O happens here.
//!
//! The loader builds a [`Map`] from TOML; references between items are kept
//! as written (an id and its span) and resolved through [`Map::lookup`], so
//! that rules can report the ones that name nothing.

use std::collections::HashMap;

use crate::diag::{Level, Span};

/// Moving every span of a value by `by` bytes: a map walked from a piece of
/// its file is placed in the whole file with one call. Each type's impl
/// names every field (no `..`), beside the type, so that a field added
/// without its shift does not compile.
pub trait Spans {
    /// Adds `by` to every span.
    fn shift_spans(&mut self, by: usize);
}

fn shift(span: &mut Span, by: usize) {
    span.start += by;
    span.end += by;
}

impl<T: Spans> Spans for Option<T> {
    fn shift_spans(&mut self, by: usize) {
        if let Some(v) = self {
            v.shift_spans(by);
        }
    }
}

impl<T: Spans> Spans for Vec<T> {
    fn shift_spans(&mut self, by: usize) {
        for v in self {
            v.shift_spans(by);
        }
    }
}

/// A value and the byte range of the map file it came from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Sp<T> {
    /// The value.
    pub value: T,
    /// Where it was written.
    pub span: Span,
}

impl<T> Spans for Sp<T> {
    fn shift_spans(&mut self, by: usize) {
        shift(&mut self.span, by);
    }
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

    /// Where the bytes `range` of the value are written: exactly, when the
    /// value is written as it is between two quotes (a basic string without
    /// escapes, or a literal string, on one line); else the whole value.
    /// Every escape and every multi-line delimiter makes what is written
    /// longer than the value and its two quotes, so the lengths tell.
    pub fn span_of(&self, range: std::ops::Range<usize>) -> Span {
        let as_is = self.span.len() == self.value.len() + 2
            && self.value.is_char_boundary(range.start)
            && self.value.is_char_boundary(range.end)
            && range.start <= range.end
            && range.end <= self.value.len();
        if as_is {
            self.span.start + 1 + range.start..self.span.start + 1 + range.end
        } else {
            self.span.clone()
        }
    }
}

/// A TOML date (`2024-03-01`): a calendar date, as jiff keeps it.
pub use jiff::civil::Date;

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
    /// The format version the map is written in (`version = 2`); absent
    /// means version 1.
    pub version: Option<Sp<i64>>,
    /// The bibliography files it names, as written.
    pub bibliography: Vec<Sp<String>>,
}

impl Spans for Meta {
    fn shift_spans(&mut self, by: usize) {
        let Meta {
            span,
            title,
            description,
            thesis,
            document,
            version,
            bibliography,
        } = self;
        shift(span, by);
        title.shift_spans(by);
        description.shift_spans(by);
        thesis.shift_spans(by);
        document.shift_spans(by);
        version.shift_spans(by);
        bibliography.shift_spans(by);
    }
}

/// The format version this argmap writes and reads.
pub const FORMAT_VERSION: i64 = 2;

/// `[limits]`: how much of a source's text the map may reproduce.
#[derive(Clone, Debug, Default)]
pub struct Limits {
    /// Span of the `[limits]` header, or 0..0 when absent.
    pub span: Span,
    /// Longest quote, in words (`quote-words`).
    pub quote_words: Option<Sp<usize>>,
    /// Most quoted words from one text, as a percentage of its words
    /// (`quote-share`).
    pub quote_share: Option<Sp<f64>>,
    /// Shortest run of words shared with a text that `copied-text` reports
    /// (`copy-run`).
    pub copy_run: Option<Sp<usize>>,
}

impl Spans for Limits {
    fn shift_spans(&mut self, by: usize) {
        let Limits {
            span,
            quote_words,
            quote_share,
            copy_run,
        } = self;
        // 0..0 is "no `[limits]`".
        if *span != (0..0) {
            shift(span, by);
        }
        quote_words.shift_spans(by);
        quote_share.shift_spans(by);
        copy_run.shift_spans(by);
    }
}

impl Limits {
    /// Default `quote-words`.
    pub const QUOTE_WORDS: usize = 12;
    /// Default `quote-share`, in percent.
    pub const QUOTE_SHARE: f64 = 10.0;
    /// Default `copy-run`.
    pub const COPY_RUN: usize = 8;
    /// Smallest `copy-run` allowed: shorter runs are common phrases.
    pub const MIN_COPY_RUN: usize = 4;

    /// The longest quote allowed, in words.
    pub fn quote_words(&self) -> usize {
        self.quote_words
            .as_ref()
            .map_or(Self::QUOTE_WORDS, |v| v.value)
    }

    /// The share of a text that quotes may take, in percent.
    pub fn quote_share(&self) -> f64 {
        self.quote_share
            .as_ref()
            .map_or(Self::QUOTE_SHARE, |v| v.value)
    }

    /// The shortest shared run that `copied-text` reports.
    pub fn copy_run(&self) -> usize {
        self.copy_run.as_ref().map_or(Self::COPY_RUN, |v| v.value)
    }
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
    /// The heading of the map's document that this section follows, when
    /// it is not the title.
    pub heading: Option<Sp<String>>,
}

impl Spans for Section {
    fn shift_spans(&mut self, by: usize) {
        let Section {
            id,
            title,
            description,
            heading,
        } = self;
        id.shift_spans(by);
        title.shift_spans(by);
        description.shift_spans(by);
        heading.shift_spans(by);
    }
}

impl Section {
    /// How the section is shown: its `title`, else its id.
    pub fn display_title(&self) -> &str {
        self.title.as_ref().map_or(self.id.as_str(), |t| t.as_str())
    }

    /// The heading of the document this section follows: `heading`, else
    /// `title`.
    pub fn document_heading(&self) -> Option<&Sp<String>> {
        self.heading.as_ref().or(self.title.as_ref())
    }
}

/// `[actors.<id>]`
#[derive(Clone, Debug)]
pub struct Actor {
    /// The id.
    pub id: Sp<String>,
    /// Display name (the id when absent).
    pub name: Option<Sp<String>>,
}

impl Actor {
    /// How the actor is shown: its `name`, else its id.
    pub fn display_name(&self) -> &str {
        self.name.as_ref().map_or(self.id.as_str(), |n| n.as_str())
    }
}

impl Spans for Actor {
    fn shift_spans(&mut self, by: usize) {
        let Actor { id, name } = self;
        id.shift_spans(by);
        name.shift_spans(by);
    }
}

pub use crate::format::SourceKind;

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
    /// The volume of the journal or of the work it is part of.
    pub volume: Option<Sp<String>>,
    /// The issue of the journal.
    pub issue: Option<Sp<String>>,
    /// The pages it occupies in its container.
    pub pages: Option<Sp<String>>,
    /// Publisher.
    pub publisher: Option<Sp<String>>,
    /// Where it can be read.
    pub url: Option<Sp<String>>,
    /// Digital Object Identifier.
    pub doi: Option<Sp<String>>,
    /// International Standard Book Number.
    pub isbn: Option<Sp<String>>,
    /// When the URL was read.
    pub accessed: Option<Sp<Date>>,
    /// How the analysed text cites it (`Xinhua 2014`).
    pub cited_as: Option<Sp<String>>,
    /// The entry as the analysed text's reference list prints it.
    pub printed: Option<Sp<String>>,
    /// A local plain-text copy, relative to the map file.
    pub text: Option<Sp<String>>,
    /// Free text.
    pub note: Option<Sp<String>>,
    /// Fields written but not read, for a wrong type or a misspelled key
    /// (`author` for `authors`), already reported by the loader: rules that
    /// would find them missing skip them, so one slip gives one finding.
    pub miswritten: Vec<&'static str>,
    /// Where an entry of a bibliography file was read; `None` for a source
    /// written in `[sources]` alone.
    pub from: Option<FromFile>,
}

/// Where a source read from a bibliography file comes from. Its spans are
/// in the file's place after the map (see [`Bibliography`]), those of the
/// fields a `[sources.<id>]` table added in the map file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FromFile {
    /// Index into [`Map::bibliographies`].
    pub file: usize,
    /// The whole entry.
    pub entry: Span,
    /// The id of the `[sources.<id>]` table that adds to it, when there is
    /// one.
    pub table: Option<Span>,
}

impl Spans for FromFile {
    fn shift_spans(&mut self, by: usize) {
        let FromFile {
            file: _,
            entry,
            table,
        } = self;
        shift(entry, by);
        if let Some(t) = table {
            shift(t, by);
        }
    }
}

/// The format of a bibliography file, by its extension.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum BibFormat {
    /// BibTeX or BibLaTeX: `.bib`.
    Bibtex,
    /// CSL-JSON: `.json`.
    CslJson,
    /// Hayagriva YAML: `.yaml`, `.yml`.
    Hayagriva,
}

impl BibFormat {
    /// The format of a file named `path`, by its extension.
    pub fn of(path: &str) -> Option<BibFormat> {
        let ext = path.rsplit_once('.')?.1.to_ascii_lowercase();
        match ext.as_str() {
            "bib" => Some(BibFormat::Bibtex),
            "json" => Some(BibFormat::CslJson),
            "yaml" | "yml" => Some(BibFormat::Hayagriva),
            _ => None,
        }
    }

    /// Its name in messages.
    pub fn name(self) -> &'static str {
        match self {
            BibFormat::Bibtex => "BibTeX",
            BibFormat::CslJson => "CSL-JSON",
            BibFormat::Hayagriva => "Hayagriva YAML",
        }
    }
}

/// A bibliography file the map names, as it was read. Spans of what was
/// read from it are offsets after the map file's text: the file's byte `k`
/// is at `base + k`, so that one span locates a value in any of a map's
/// files, and every rule reads it as it reads the map's own.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Bibliography {
    /// The path as shown to users.
    pub path: String,
    /// Its format.
    pub format: BibFormat,
    /// Where its first byte is in spans.
    pub base: usize,
    /// The length of its text, in bytes.
    pub len: usize,
    /// The keys of its entries that could not be read, and are not
    /// sources: a reference to one names nothing, for that reason.
    pub left_out: Vec<String>,
}

impl Spans for Source {
    fn shift_spans(&mut self, by: usize) {
        let Source {
            id,
            title,
            authors,
            year,
            date,
            kind,
            container,
            volume,
            issue,
            pages,
            publisher,
            url,
            doi,
            isbn,
            accessed,
            cited_as,
            printed,
            text,
            note,
            miswritten: _,
            from,
        } = self;
        id.shift_spans(by);
        title.shift_spans(by);
        if let Some(authors) = authors {
            authors.shift_spans(by);
            authors.value.shift_spans(by);
        }
        year.shift_spans(by);
        date.shift_spans(by);
        kind.shift_spans(by);
        container.shift_spans(by);
        volume.shift_spans(by);
        issue.shift_spans(by);
        pages.shift_spans(by);
        publisher.shift_spans(by);
        url.shift_spans(by);
        doi.shift_spans(by);
        isbn.shift_spans(by);
        accessed.shift_spans(by);
        cited_as.shift_spans(by);
        printed.shift_spans(by);
        text.shift_spans(by);
        note.shift_spans(by);
        from.shift_spans(by);
    }
}

/// A DOI written as a link or with a `doi:` prefix, without it
/// (`https://doi.org/10.1/x` → `10.1/x`); `None` when `raw` has no such
/// prefix. Whether the rest is a DOI is `invalid-doi`'s to say.
pub fn doi_without_prefix(raw: &str) -> Option<&str> {
    [
        "https://doi.org/",
        "http://doi.org/",
        "https://dx.doi.org/",
        "http://dx.doi.org/",
        "doi:",
        "DOI:",
    ]
    .iter()
    .find_map(|p| raw.trim().strip_prefix(p))
    .map(str::trim)
}

impl Source {
    /// A source with an id and nothing else.
    pub fn new(id: Sp<String>) -> Source {
        Source {
            id,
            title: None,
            authors: None,
            year: None,
            date: None,
            kind: None,
            container: None,
            volume: None,
            issue: None,
            pages: None,
            publisher: None,
            url: None,
            doi: None,
            isbn: None,
            accessed: None,
            cited_as: None,
            printed: None,
            text: None,
            note: None,
            miswritten: Vec::new(),
            from: None,
        }
    }

    /// The fields that name the work and its makers: `title`,
    /// each of `authors`, `container`, `publisher` and `cited-as`, each with
    /// its key.
    pub fn names(&self) -> Vec<(&'static str, &Sp<String>)> {
        let mut out = Vec::new();
        out.extend(self.title.as_ref().map(|t| ("title", t)));
        if let Some(authors) = &self.authors {
            out.extend(authors.value.iter().map(|a| ("authors", a)));
        }
        out.extend(self.container.as_ref().map(|c| ("container", c)));
        out.extend(self.publisher.as_ref().map(|p| ("publisher", p)));
        out.extend(self.cited_as.as_ref().map(|c| ("cited-as", c)));
        out
    }

    /// The year, from `year` or else `date`.
    pub fn year(&self) -> Option<i64> {
        self.year
            .as_ref()
            .map(|y| y.value)
            .or_else(|| self.date.as_ref().map(|d| i64::from(d.value.year())))
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

impl Spans for Citation {
    fn shift_spans(&mut self, by: usize) {
        let Citation {
            source,
            at,
            quote,
            span,
        } = self;
        source.shift_spans(by);
        at.shift_spans(by);
        quote.shift_spans(by);
        shift(span, by);
    }
}

/// A claim's `anchor`: where the analysed document states it.
#[derive(Clone, Debug)]
pub struct Anchor {
    /// Free locator.
    pub at: Option<Sp<String>>,
    /// The section of the map whose heading in the document the paragraph
    /// is counted under; absent: the claim's own section.
    pub section: Option<Sp<String>>,
    /// The paragraph, from 1, within that section of the document.
    pub para: Option<Sp<usize>>,
    /// A short verbatim excerpt of the document.
    pub quote: Option<Sp<String>>,
    /// The whole entry.
    pub span: Span,
}

impl Spans for Anchor {
    fn shift_spans(&mut self, by: usize) {
        let Anchor {
            at,
            section,
            para,
            quote,
            span,
        } = self;
        at.shift_spans(by);
        section.shift_spans(by);
        para.shift_spans(by);
        quote.shift_spans(by);
        shift(span, by);
    }
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
    /// Claims or arguments this one qualifies: a concession or limitation
    /// that the map's author grants without denying the target.
    pub qualifies: Vec<Sp<String>>,
    /// Free labels (`tags`), in the order written.
    pub tags: Vec<Sp<String>>,
    /// Fields written but not read (see [`Source::miswritten`]).
    pub miswritten: Vec<&'static str>,
}

impl Spans for Claim {
    fn shift_spans(&mut self, by: usize) {
        let Claim {
            id,
            text,
            section,
            by: holders,
            anchor,
            cites,
            supports,
            attacks,
            qualifies,
            tags,
            miswritten: _,
        } = self;
        id.shift_spans(by);
        text.shift_spans(by);
        tags.shift_spans(by);
        section.shift_spans(by);
        holders.shift_spans(by);
        anchor.shift_spans(by);
        cites.shift_spans(by);
        supports.shift_spans(by);
        attacks.shift_spans(by);
        qualifies.shift_spans(by);
    }
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

impl Spans for Argument {
    fn shift_spans(&mut self, by: usize) {
        let Argument {
            id,
            premises,
            conclusion,
            label,
            section,
        } = self;
        id.shift_spans(by);
        premises.shift_spans(by);
        conclusion.shift_spans(by);
        label.shift_spans(by);
        section.shift_spans(by);
    }
}

/// A `[lints]` entry: `code = "level"`.
#[derive(Clone, Debug)]
pub struct LintSetting {
    /// The code.
    pub code: Sp<crate::diag::Code>,
    /// The level.
    pub level: Sp<Level>,
}

impl Spans for LintSetting {
    fn shift_spans(&mut self, by: usize) {
        let LintSetting { code, level } = self;
        code.shift_spans(by);
        level.shift_spans(by);
    }
}

/// The item that holds a string field.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Owner {
    /// `[map]`.
    Map,
    /// `map.sections[i]`.
    Section(usize),
    /// `map.actors[i]`.
    Actor(usize),
    /// `map.claims[i]`.
    Claim(usize),
    /// The anchor of `map.claims[i]`.
    Anchor(usize),
    /// Citation `k` of `map.claims[i]`.
    Citation(usize, usize),
    /// `map.arguments[i]`.
    Argument(usize),
}

/// A string the map's author wrote: prose, a quote or a locator.
#[derive(Clone, Copy, Debug)]
pub struct Field<'a> {
    /// Whose it is.
    pub owner: Owner,
    /// Its key.
    pub key: &'static str,
    /// Its value.
    pub value: &'a Sp<String>,
}

impl Field<'_> {
    /// Whether the field is a quote (an anchor's or a citation's).
    pub fn is_quote(&self) -> bool {
        self.key == "quote"
    }
}

/// A whole argument map.
#[derive(Clone, Debug, Default)]
pub struct Map {
    /// `[map]`.
    pub meta: Meta,
    /// `[lints]`, in file order.
    pub lints: Vec<LintSetting>,
    /// `[limits]`.
    pub limits: Limits,
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
    /// The bibliography files that were read, in the order `[map]
    /// bibliography` names them (empty until the check reads them).
    pub bibliographies: Vec<Bibliography>,
    /// foldhash: ids are looked up for every reference, by every rule and
    /// renderer, and SipHash took 7% of `check` on a map of 100,000 claims.
    index: HashMap<String, ItemRef, hashbrown::DefaultHashBuilder>,
}

impl Spans for Map {
    fn shift_spans(&mut self, by: usize) {
        let Map {
            meta,
            lints,
            limits,
            sections,
            actors,
            sources,
            claims,
            arguments,
            // Read after the map's own spans are placed.
            bibliographies: _,
            // Ids to items: no spans.
            index: _,
        } = self;
        meta.shift_spans(by);
        limits.shift_spans(by);
        lints.shift_spans(by);
        sections.shift_spans(by);
        actors.shift_spans(by);
        sources.shift_spans(by);
        claims.shift_spans(by);
        arguments.shift_spans(by);
    }
}

impl Map {
    /// Whether `span` is in the map file, not in one of its bibliography
    /// files.
    pub fn in_map_file(&self, span: &Span) -> bool {
        self.bibliographies
            .first()
            .is_none_or(|b| span.start < b.base)
    }

    /// The bibliography file that `span` is in, when it is in one.
    pub fn bibliography_of(&self, span: &Span) -> Option<&Bibliography> {
        let after = self
            .bibliographies
            .partition_point(|b| b.base <= span.start);
        after
            .checked_sub(1)
            .and_then(|i| self.bibliographies.get(i))
    }

    /// Every string of the map written in words, in file order within each
    /// kind: titles, descriptions, names, claim texts, locators, quotes and
    /// labels. Ids, references and `[sources]` (bibliographic data) are not
    /// among them.
    pub fn text_fields(&self) -> Vec<Field<'_>> {
        fn add<'a>(
            out: &mut Vec<Field<'a>>,
            owner: Owner,
            key: &'static str,
            value: Option<&'a Sp<String>>,
        ) {
            if let Some(value) = value {
                out.push(Field { owner, key, value });
            }
        }
        let mut out: Vec<Field<'_>> =
            Vec::with_capacity(self.claims.len() * 2 + self.arguments.len());
        let mut push = |owner, key, value| add(&mut out, owner, key, value);
        push(Owner::Map, "title", self.meta.title.as_ref());
        push(Owner::Map, "description", self.meta.description.as_ref());
        for (i, s) in self.sections.iter().enumerate() {
            push(Owner::Section(i), "title", s.title.as_ref());
            push(Owner::Section(i), "heading", s.heading.as_ref());
            push(Owner::Section(i), "description", s.description.as_ref());
        }
        for (i, a) in self.actors.iter().enumerate() {
            push(Owner::Actor(i), "name", a.name.as_ref());
        }
        for (i, c) in self.claims.iter().enumerate() {
            push(Owner::Claim(i), "text", c.text.as_ref());
            if let Some(a) = &c.anchor {
                push(Owner::Anchor(i), "at", a.at.as_ref());
                push(Owner::Anchor(i), "quote", a.quote.as_ref());
            }
            for (k, cite) in c.cites.iter().enumerate() {
                push(Owner::Citation(i, k), "at", cite.at.as_ref());
                push(Owner::Citation(i, k), "quote", cite.quote.as_ref());
            }
        }
        for (i, a) in self.arguments.iter().enumerate() {
            push(Owner::Argument(i), "label", a.label.as_ref());
        }
        out
    }

    /// The TOML path of a field: `claims.rebuild.anchor.quote`.
    pub fn field_path(&self, f: &Field<'_>) -> String {
        let id = |r| self.id_of(r).to_owned();
        let item = |kind, index| ItemRef { kind, index };
        match f.owner {
            Owner::Map => format!("map.{}", f.key),
            Owner::Section(i) => format!("sections.{}.{}", id(item(Kind::Section, i)), f.key),
            Owner::Actor(i) => format!("actors.{}.{}", id(item(Kind::Actor, i)), f.key),
            Owner::Claim(i) => format!("claims.{}.{}", id(item(Kind::Claim, i)), f.key),
            Owner::Anchor(i) => format!("claims.{}.anchor.{}", id(item(Kind::Claim, i)), f.key),
            Owner::Citation(i, k) => {
                format!("claims.{}.cites[{k}].{}", id(item(Kind::Claim, i)), f.key)
            }
            Owner::Argument(i) => format!("arguments.{}.{}", id(item(Kind::Argument, i)), f.key),
        }
    }

    /// A field named for messages: "the text of claim `rebuild`", "the
    /// anchor quote of claim `rebuild`".
    pub fn field_what(&self, f: &Field<'_>) -> String {
        let id = |kind, index| self.id_of(ItemRef { kind, index }).to_owned();
        let key = match f.key {
            "text" => "text",
            "at" => "locator",
            k => k,
        };
        match f.owner {
            Owner::Map => format!("the {key} of `[map]`"),
            Owner::Section(i) => format!("the {key} of section `{}`", id(Kind::Section, i)),
            Owner::Actor(i) => format!("the {key} of actor `{}`", id(Kind::Actor, i)),
            Owner::Claim(i) => format!("the {key} of claim `{}`", id(Kind::Claim, i)),
            Owner::Anchor(i) => format!("the anchor {key} of claim `{}`", id(Kind::Claim, i)),
            Owner::Citation(i, k) => {
                let source = self
                    .claims
                    .get(i)
                    .and_then(|c| c.cites.get(k))
                    .map_or("", |c| c.source.as_str());
                format!(
                    "the {key} from `{source}` in claim `{}`",
                    id(Kind::Claim, i)
                )
            }
            Owner::Argument(i) => format!("the {key} of argument `{}`", id(Kind::Argument, i)),
        }
    }

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
            authors: Some(Sp::new(
                authors.iter().map(|a| Sp::new((*a).into(), 0..0)).collect(),
                0..0,
            )),
            year: year.map(|y| Sp::new(y, 0..0)),
            ..Source::new(Sp::new("s".into(), 0..0))
        }
    }

    /// A part of a string is located exactly when the string is written as
    /// it is between two quotes; else the finding points at the string.
    #[test]
    fn span_of_locates_bytes_only_in_strings_written_as_they_are() {
        let file = "a = \"Xie 谢瑞鹄\"\nb = 'Xie 谢瑞鹄'\nc = \"Xie\\t谢瑞鹄\"\nd = \"\"\"Xie 谢瑞鹄\"\"\"\n";
        let cases = [
            ("Xie 谢瑞鹄", "\"Xie 谢瑞鹄\"", true),
            ("Xie 谢瑞鹄", "'Xie 谢瑞鹄'", true),
            ("Xie\t谢瑞鹄", "\"Xie\\t谢瑞鹄\"", false),
            ("Xie 谢瑞鹄", "\"\"\"Xie 谢瑞鹄\"\"\"", false),
        ];
        for (value, written, exact) in cases {
            let start = file.find(written).unwrap_or_default();
            let sp = Sp::new(value.to_owned(), start..start + written.len());
            let at = value.find('瑞').unwrap_or_default();
            let span = sp.span_of(at..at + '瑞'.len_utf8());
            if exact {
                assert_eq!(file.get(span), Some("瑞"), "{written}");
            } else {
                assert_eq!(span, sp.span, "{written}");
            }
            // Out of the value, or inside a character: the whole string.
            assert_eq!(sp.span_of(0..value.len() + 1), sp.span);
            assert_eq!(sp.span_of(at + 1..at + 2), sp.span);
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
