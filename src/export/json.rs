//! argmap's own JSON: the loaded model in a documented, versioned shape
//! (`"format": "argmap-json"`, `"version": 1`), for scripts and other tools.
//!
//! Every item is kept in file order with every key of the format: an absent
//! optional value is `null`, an absent list `[]`. Keys are spelled as in the
//! TOML (`cited-as`). References are kept as written, resolved or not;
//! dates are `"YYYY-MM-DD"` strings. A bare citation (`cites = ["src"]`) is
//! written as an object with `at` and `quote` null.

use serde::Serialize;
use serde::ser::Serializer;

use crate::model::{Anchor, Argument, Citation, Claim, Map, Source, Sp};

/// The value of `"format"`.
pub const FORMAT: &str = "argmap-json";
/// The value of `"version"`; it changes when a key changes meaning or goes.
pub const VERSION: u32 = 1;

#[derive(Serialize)]
struct Document<'a> {
    format: &'static str,
    version: u32,
    map: MetaOut<'a>,
    lints: Lints<'a>,
    limits: LimitsOut,
    sections: Vec<SectionOut<'a>>,
    actors: Vec<ActorOut<'a>>,
    sources: Vec<SourceOut<'a>>,
    claims: Vec<ClaimOut<'a>>,
    arguments: Vec<ArgumentOut<'a>>,
}

#[derive(Serialize)]
struct MetaOut<'a> {
    title: Option<&'a str>,
    description: Option<&'a str>,
    thesis: Option<&'a str>,
    document: Option<&'a str>,
    /// The map format's version as written (`null`: version 1).
    version: Option<i64>,
    /// The bibliography files named, as written; their entries are among
    /// `sources`.
    bibliography: Vec<&'a str>,
}

/// `[limits]`: the values written, `null` where the default applies.
#[derive(Serialize)]
#[serde(rename_all = "kebab-case")]
struct LimitsOut {
    quote_words: Option<usize>,
    quote_share: Option<f64>,
    copy_run: Option<usize>,
}

/// `[lints]` as an object in file order (serde_json's own map sorts keys).
struct Lints<'a>(Vec<(&'a str, &'static str)>);

impl Serialize for Lints<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_map(self.0.iter().map(|(k, v)| (k, v)))
    }
}

#[derive(Serialize)]
struct SectionOut<'a> {
    id: &'a str,
    title: Option<&'a str>,
    description: Option<&'a str>,
    heading: Option<&'a str>,
}

#[derive(Serialize)]
struct ActorOut<'a> {
    id: &'a str,
    name: Option<&'a str>,
}

#[derive(Serialize)]
#[serde(rename_all = "kebab-case")]
struct SourceOut<'a> {
    id: &'a str,
    title: Option<&'a str>,
    authors: Option<Vec<&'a str>>,
    year: Option<i64>,
    date: Option<String>,
    kind: Option<&'static str>,
    container: Option<&'a str>,
    volume: Option<&'a str>,
    issue: Option<&'a str>,
    pages: Option<&'a str>,
    publisher: Option<&'a str>,
    url: Option<&'a str>,
    doi: Option<&'a str>,
    isbn: Option<&'a str>,
    accessed: Option<String>,
    cited_as: Option<&'a str>,
    printed: Option<&'a str>,
    text: Option<&'a str>,
    note: Option<&'a str>,
}

#[derive(Serialize)]
struct AnchorOut<'a> {
    at: Option<&'a str>,
    section: Option<&'a str>,
    para: Option<usize>,
    quote: Option<&'a str>,
}

#[derive(Serialize)]
struct CitationOut<'a> {
    source: &'a str,
    at: Option<&'a str>,
    quote: Option<&'a str>,
}

#[derive(Serialize)]
struct ClaimOut<'a> {
    id: &'a str,
    text: Option<&'a str>,
    section: Option<&'a str>,
    by: Vec<&'a str>,
    anchor: Option<AnchorOut<'a>>,
    cites: Vec<CitationOut<'a>>,
    supports: Vec<&'a str>,
    attacks: Vec<&'a str>,
    qualifies: Vec<&'a str>,
    tags: Vec<&'a str>,
}

#[derive(Serialize)]
struct ArgumentOut<'a> {
    id: &'a str,
    premises: Vec<&'a str>,
    conclusion: Option<&'a str>,
    label: Option<&'a str>,
    section: Option<&'a str>,
}

fn opt(v: &Option<Sp<String>>) -> Option<&str> {
    v.as_ref().map(|s| s.as_str())
}

fn ids(v: &[Sp<String>]) -> Vec<&str> {
    v.iter().map(|s| s.as_str()).collect()
}

fn source_kind_name(kind: crate::model::SourceKind) -> &'static str {
    kind.name()
}

fn source(s: &Source) -> SourceOut<'_> {
    SourceOut {
        id: s.id.as_str(),
        title: opt(&s.title),
        authors: s.authors.as_ref().map(|a| ids(&a.value)),
        year: s.year.as_ref().map(|y| y.value),
        date: s.date.as_ref().map(|d| d.value.to_string()),
        kind: s.kind.as_ref().map(|k| source_kind_name(k.value)),
        container: opt(&s.container),
        volume: opt(&s.volume),
        issue: opt(&s.issue),
        pages: opt(&s.pages),
        publisher: opt(&s.publisher),
        url: opt(&s.url),
        doi: opt(&s.doi),
        isbn: opt(&s.isbn),
        accessed: s.accessed.as_ref().map(|d| d.value.to_string()),
        cited_as: opt(&s.cited_as),
        printed: opt(&s.printed),
        text: opt(&s.text),
        note: opt(&s.note),
    }
}

fn anchor(a: &Anchor) -> AnchorOut<'_> {
    AnchorOut {
        at: opt(&a.at),
        section: opt(&a.section),
        para: a.para.as_ref().map(|p| p.value),
        quote: opt(&a.quote),
    }
}

fn citation(c: &Citation) -> CitationOut<'_> {
    CitationOut {
        source: c.source.as_str(),
        at: opt(&c.at),
        quote: opt(&c.quote),
    }
}

fn claim(c: &Claim) -> ClaimOut<'_> {
    ClaimOut {
        id: c.id.as_str(),
        text: opt(&c.text),
        section: opt(&c.section),
        by: ids(&c.by),
        anchor: c.anchor.as_ref().map(anchor),
        cites: c.cites.iter().map(citation).collect(),
        supports: ids(&c.supports),
        attacks: ids(&c.attacks),
        qualifies: ids(&c.qualifies),
        tags: ids(&c.tags),
    }
}

fn argument(a: &Argument) -> ArgumentOut<'_> {
    ArgumentOut {
        id: a.id.as_str(),
        premises: ids(&a.premises),
        conclusion: opt(&a.conclusion),
        label: opt(&a.label),
        section: opt(&a.section),
    }
}

/// The map as argmap JSON, pretty-printed, ending with a newline.
pub fn to_json(map: &Map) -> String {
    let doc = Document {
        format: FORMAT,
        version: VERSION,
        map: MetaOut {
            title: opt(&map.meta.title),
            description: opt(&map.meta.description),
            thesis: opt(&map.meta.thesis),
            document: opt(&map.meta.document),
            version: map.meta.version.as_ref().map(|v| v.value),
            bibliography: map.meta.bibliography.iter().map(|b| b.as_str()).collect(),
        },
        limits: LimitsOut {
            quote_words: map.limits.quote_words.as_ref().map(|v| v.value),
            quote_share: map.limits.quote_share.as_ref().map(|v| v.value),
            copy_run: map.limits.copy_run.as_ref().map(|v| v.value),
        },
        lints: Lints(
            map.lints
                .iter()
                .map(|l| (l.code.value.as_str(), l.level.value.as_str()))
                .collect(),
        ),
        sections: map
            .sections
            .iter()
            .map(|s| SectionOut {
                id: s.id.as_str(),
                title: opt(&s.title),
                description: opt(&s.description),
                heading: opt(&s.heading),
            })
            .collect(),
        actors: map
            .actors
            .iter()
            .map(|a| ActorOut {
                id: a.id.as_str(),
                name: opt(&a.name),
            })
            .collect(),
        sources: map.sources.iter().map(source).collect(),
        claims: map.claims.iter().map(claim).collect(),
        arguments: map.arguments.iter().map(argument).collect(),
    };
    // Strings, integers and lists of them always serialize.
    serde_json::to_string_pretty(&doc).unwrap_or_default() + "\n"
}
