//! Walks the spanned TOML tree and builds the model, reporting wrong keys,
//! types and forms as it goes.

use toml::Spanned;
use toml::de::{DeString, DeTable, DeValue};

use super::{synonyms, type_name};
use crate::diag::{Code, Diagnostic, Level, Span, toml_string};
use crate::format;
use crate::model::{
    Actor, Anchor, Argument, Citation, Claim, Date, FORMAT_VERSION, Limits, LintSetting, Map, Meta,
    Section, Source, SourceKind, Sp,
};
use crate::suggest;

type Value<'i> = Spanned<DeValue<'i>>;

/// Most findings the loader keeps for one file. A file can hold millions of
/// wrong values; past this many, findings are only counted.
pub const MAX_LOAD_FINDINGS: usize = 10_000;

/// Collects diagnostics while building the model.
#[derive(Default)]
pub(super) struct Walker {
    diags: Vec<Diagnostic>,
    /// Findings past [`MAX_LOAD_FINDINGS`], counted and not kept.
    dropped: usize,
    /// Fields of the item being walked that were written but not read:
    /// see [`Source::miswritten`].
    miswritten: Vec<&'static str>,
}

/// Where a value sits, for messages: `claim `rebuild``, and the key path.
struct Ctx<'a> {
    /// `claim `rebuild`` or `[map]`.
    what: &'a str,
    /// The table's name in [`format::TABLES`].
    #[cfg_attr(not(test), allow(dead_code))]
    table: &'static str,
    /// The keys this table takes, as [`crate::format`] declares them.
    fields: &'static [&'static str],
}

/// The value of `key` in table `t`, which `cx` describes. Every key the
/// walker reads goes through here: in tests, it records which.
fn get<'t, 'i>(t: &'t DeTable<'i>, key: &'static str, cx: &Ctx<'_>) -> Option<&'t Value<'i>> {
    #[cfg(test)]
    asked::record(cx.table, key);
    #[cfg(not(test))]
    let _ = cx;
    t.get(key)
}

impl Walker {
    /// The findings kept, and how many more there were.
    pub(super) fn into_diagnostics(self) -> (Vec<Diagnostic>, usize) {
        (self.diags, self.dropped)
    }

    pub(super) fn push(&mut self, d: Diagnostic) {
        if self.diags.len() < MAX_LOAD_FINDINGS {
            self.diags.push(d);
        } else {
            self.dropped += 1;
        }
    }

    pub(super) fn map(&mut self, doc: &DeTable<'_>) -> Map {
        let mut map = Map::default();
        let saw_map = self.tables(doc, &mut map);
        self.finish(&mut map, saw_map);
        map
    }

    /// Walks the top-level tables of `doc` (the whole file, or a chunk of
    /// it: see `chunked`) into `map`; returns whether `[map]` was among them.
    pub(super) fn tables(&mut self, doc: &DeTable<'_>, map: &mut Map) -> bool {
        let mut saw_map = false;
        for (key, value) in doc {
            let name: &str = key.get_ref();
            let read = match name {
                "map" => {
                    saw_map = true;
                    if let Some(t) = self.table(value, "`[map]`") {
                        map.meta = self.meta(t, key.span());
                    }
                    true
                }
                "lints" => {
                    if let Some(t) = self.table(value, "`[lints]`") {
                        map.lints = self.lints(t);
                    }
                    true
                }
                "limits" => {
                    if let Some(t) = self.table(value, "`[limits]`") {
                        map.limits = self.limits(t, key.span());
                    }
                    true
                }
                "sections" | "actors" | "sources" | "claims" | "arguments" => {
                    if let Some(t) = self.table(value, &format!("`[{name}]`")) {
                        self.items(name, t, map);
                    }
                    true
                }
                _ => false,
            };
            if read {
                #[cfg(test)]
                asked::record("the map", name);
            } else {
                self.unknown(key, format::MapFile::KEYS, "the map", "top-level table");
            }
        }
        saw_map
    }

    /// Walks the items of the top-level table `name` (`claims`, ...).
    fn items(&mut self, name: &str, t: &DeTable<'_>, map: &mut Map) {
        for (id, item) in t {
            let Some(id) = self.id(id, name) else {
                continue;
            };
            let what = format!("{} `{}`", singular(name), id.value);
            let Some(body) = self.table(item, &what) else {
                continue;
            };
            match name {
                "sections" => map.sections.push(self.section(id, body, &what)),
                "actors" => map.actors.push(self.actor(id, body, &what)),
                "sources" => map.sources.push(self.source(id, body, &what)),
                "claims" => map.claims.push(self.claim(id, body, &what)),
                _ => map.arguments.push(self.argument(id, body, &what)),
            }
        }
    }

    /// Completes a map walked by [`Walker::tables`]: the finding for a
    /// missing `[map]`, and the id index.
    pub(super) fn finish(&mut self, map: &mut Map, saw_map: bool) {
        if !saw_map {
            self.diags.push(
                Diagnostic::new(Code::MissingField, 0..0, "the map has no `[map]` table")
                    .with_label("expected `[map]` with a `title`")
                    .with_help("start the file with `[map]` and `title = \"...\"`"),
            );
        }
        map.reindex();
    }

    fn meta(&mut self, t: &DeTable<'_>, span: Span) -> Meta {
        let cx = Ctx {
            what: "`[map]`",
            table: "`[map]`",
            fields: format::MapTable::KEYS,
        };
        self.check_keys(t, &cx);
        let title = self.string(t, "title", &cx);
        if title.is_none() && get(t, "title", &cx).is_none() {
            self.push(
                Diagnostic::new(Code::MissingField, span.clone(), "`[map]` has no `title`")
                    .with_label("this table needs `title = \"...\"`"),
            );
        }
        Meta {
            title,
            description: self.string(t, "description", &cx),
            thesis: self.string(t, "thesis", &cx),
            document: self.string(t, "document", &cx),
            version: self.version(t, &cx),
            bibliography: self.string_list(t, "bibliography", &cx),
            span,
        }
    }

    fn version(&mut self, t: &DeTable<'_>, cx: &Ctx<'_>) -> Option<Sp<i64>> {
        let v = get(t, "version", cx)?;
        let n = self.integer(v, "version", cx)?;
        if (1..=FORMAT_VERSION).contains(&n) {
            return Some(Sp::new(n, v.span()));
        }
        let why = if n > FORMAT_VERSION {
            format!("format version {n} is newer than this argmap reads")
        } else {
            format!("there is no format version {n}")
        };
        self.push(
            Diagnostic::new(Code::InvalidValue, v.span(), why)
                .with_label(format!("this argmap reads versions 1 to {FORMAT_VERSION}"))
                .with_help(if n > FORMAT_VERSION {
                    "upgrade argmap to read this map".to_owned()
                } else {
                    format!("write `version = {FORMAT_VERSION}`")
                }),
        );
        None
    }

    fn limits(&mut self, t: &DeTable<'_>, span: Span) -> Limits {
        let cx = Ctx {
            what: "`[limits]`",
            table: "`[limits]`",
            fields: format::Limits::KEYS,
        };
        self.check_keys(t, &cx);
        let words = |w: &mut Self, key: &'static str, min: usize, why: &str| {
            let v = get(t, key, &cx)?;
            let n = w.integer(v, key, &cx)?;
            match usize::try_from(n) {
                Ok(n) if n >= min && n <= 10_000 => Some(Sp::new(n, v.span())),
                _ => {
                    w.push(
                        Diagnostic::new(
                            Code::InvalidValue,
                            v.span(),
                            format!("`{key}` in `[limits]` must be from {min} to 10000"),
                        )
                        .with_label(why.to_owned()),
                    );
                    None
                }
            }
        };
        let quote_words = words(self, "quote-words", 1, "a number of words");
        let copy_run = words(
            self,
            "copy-run",
            Limits::MIN_COPY_RUN,
            "shorter runs are common phrases, not copying",
        );
        let quote_share = get(t, "quote-share", &cx).and_then(|v| {
            let share = match v.get_ref() {
                DeValue::Integer(i) => i64::from_str_radix(i.as_str(), i.radix())
                    .ok()
                    .map(|n| n as f64),
                DeValue::Float(f) => f.as_str().parse::<f64>().ok(),
                _ => {
                    self.wrong_type(v, "quote-share", &cx, "a number (a percentage)");
                    return None;
                }
            };
            match share {
                Some(x) if x > 0.0 && x <= 100.0 => Some(Sp::new(x, v.span())),
                _ => {
                    self.push(
                        Diagnostic::new(
                            Code::InvalidValue,
                            v.span(),
                            "`quote-share` in `[limits]` must be a percentage above 0 and at most 100",
                        )
                        .with_label("a share of the text's words, in percent"),
                    );
                    None
                }
            }
        });
        Limits {
            span,
            quote_words,
            quote_share,
            copy_run,
        }
    }

    pub(super) fn lints(&mut self, t: &DeTable<'_>) -> Vec<LintSetting> {
        let mut out = Vec::new();
        for (key, value) in t {
            let name: &str = key.get_ref();
            let Some(code) = Code::parse(name) else {
                let mut d = Diagnostic::new(
                    Code::UnknownField,
                    key.span(),
                    format!("`[lints]` names no rule `{name}`"),
                )
                .with_label("not a rule code");
                d = match Code::suggest(name) {
                    Some(s) => d
                        .with_help(format!("did you mean `{s}`?"))
                        .with_suggestion(key.span(), s.as_str()),
                    None => d.with_help("`argmap explain` lists every code"),
                };
                self.push(d);
                continue;
            };
            let level = match value.get_ref() {
                DeValue::String(s) => Level::parse(s),
                _ => None,
            };
            match level {
                Some(level) => out.push(LintSetting {
                    code: Sp::new(code, key.span()),
                    level: Sp::new(level, value.span()),
                }),
                None => self.push(
                    Diagnostic::new(
                        Code::InvalidValue,
                        value.span(),
                        format!("the level of `{code}` must be \"allow\", \"warn\" or \"error\""),
                    )
                    .with_label(describe(value)),
                ),
            }
        }
        out
    }

    fn section(&mut self, id: Sp<String>, t: &DeTable<'_>, what: &str) -> Section {
        let cx = Ctx {
            what,
            table: "section",
            fields: format::Section::KEYS,
        };
        self.check_keys(t, &cx);
        Section {
            title: self.string(t, "title", &cx),
            description: self.string(t, "description", &cx),
            heading: self.string(t, "heading", &cx),
            id,
        }
    }

    fn actor(&mut self, id: Sp<String>, t: &DeTable<'_>, what: &str) -> Actor {
        let cx = Ctx {
            what,
            table: "actor",
            fields: format::Actor::KEYS,
        };
        self.check_keys(t, &cx);
        Actor {
            name: self.string(t, "name", &cx),
            id,
        }
    }

    fn source(&mut self, id: Sp<String>, t: &DeTable<'_>, what: &str) -> Source {
        let cx = Ctx {
            what,
            table: "source",
            fields: format::Source::KEYS,
        };
        self.miswritten.clear();
        self.check_keys(t, &cx);
        let kind = self
            .string(t, "kind", &cx)
            .and_then(|k| match SourceKind::parse(&k.value) {
                Some(kind) => Some(Sp::new(kind, k.span)),
                None => {
                    let names = SourceKind::names();
                    let mut d = Diagnostic::new(
                        Code::InvalidValue,
                        k.span.clone(),
                        format!("{what} has an unknown `kind` \"{}\"", k.value),
                    )
                    .with_label("not a source kind");
                    if let Some(s) = suggest::closest(&k.value, names.clone()) {
                        d = d
                            .with_help(format!("did you mean \"{s}\"?"))
                            .with_suggestion(k.span.clone(), toml_string(s));
                    }
                    let all: Vec<&str> = names.collect();
                    self.push(d.with_note(format!("kinds are: {}", all.join(", "))));
                    None
                }
            });
        let authors = get(t, "authors", &cx).and_then(|v| {
            let list = self.string_list_value(v, "authors", &cx)?;
            Some(Sp::new(list, v.span()))
        });
        Source {
            title: self.string(t, "title", &cx),
            authors,
            year: self.year(t, &cx),
            date: self.date(t, "date", &cx),
            kind,
            container: self.string(t, "container", &cx),
            volume: self.numbering(t, "volume", &cx),
            issue: self.numbering(t, "issue", &cx),
            pages: self.numbering(t, "pages", &cx),
            publisher: self.string(t, "publisher", &cx),
            url: self.string(t, "url", &cx),
            doi: self.string(t, "doi", &cx),
            isbn: self.string(t, "isbn", &cx),
            accessed: self.date(t, "accessed", &cx),
            cited_as: self.string(t, "cited-as", &cx),
            printed: self.string(t, "printed", &cx),
            text: self.string(t, "text", &cx),
            note: self.string(t, "note", &cx),
            miswritten: std::mem::take(&mut self.miswritten),
            from: None,
            id,
        }
    }

    fn claim(&mut self, id: Sp<String>, t: &DeTable<'_>, what: &str) -> Claim {
        let cx = Ctx {
            what,
            table: "claim",
            fields: format::Claim::KEYS,
        };
        self.miswritten.clear();
        self.check_keys(t, &cx);
        let text = self.string(t, "text", &cx);
        // Not also for `txt = ...`, reported as a misspelling of `text`.
        if get(t, "text", &cx).is_none() && !self.miswritten.contains(&"text") {
            self.missing(&id, what, "text", "the claim in your own words");
        }
        let anchor = get(t, "anchor", &cx).and_then(|v| self.anchor(v, what));
        let cites = match get(t, "cites", &cx) {
            None => Vec::new(),
            Some(v) => match v.get_ref() {
                DeValue::Array(items) => {
                    // Sized to the array: `filter_map` would start at four
                    // citations, 400 bytes too many for most claims.
                    let mut cites = Vec::with_capacity(items.len());
                    cites.extend(items.iter().filter_map(|item| self.citation(item, what)));
                    cites
                }
                DeValue::String(id) => {
                    self.miswritten.push("cites");
                    self.push(
                        Diagnostic::new(
                            Code::InvalidValue,
                            v.span(),
                            format!("`cites` of {what} must be an array, not a string"),
                        )
                        .with_label("a single string")
                        .with_help(format!("write `cites = [\"{id}\"]`"))
                        .with_suggestion(v.span(), format!("[{}]", toml_string(id))),
                    );
                    Vec::new()
                }
                _ => {
                    self.wrong_type(v, "cites", &cx, "an array of source ids or tables");
                    Vec::new()
                }
            },
        };
        Claim {
            text,
            section: self.string(t, "section", &cx),
            by: self.string_list(t, "by", &cx),
            anchor,
            cites,
            supports: self.string_list(t, "supports", &cx),
            attacks: self.string_list(t, "attacks", &cx),
            qualifies: self.string_list(t, "qualifies", &cx),
            tags: self.string_list(t, "tags", &cx),
            miswritten: std::mem::take(&mut self.miswritten),
            id,
        }
    }

    fn citation(&mut self, v: &Value<'_>, what: &str) -> Option<Citation> {
        match v.get_ref() {
            DeValue::String(s) => Some(Citation {
                source: Sp::new(s.to_string(), v.span()),
                at: None,
                quote: None,
                span: v.span(),
            }),
            DeValue::Table(t) => {
                let cx = Ctx {
                    what: &format!("a citation of {what}"),
                    table: "citation",
                    fields: format::Citation::KEYS,
                };
                self.check_keys(t, &cx);
                let source = self.string(t, "source", &cx);
                if source.is_none() {
                    // The claim may be left without citations: not a
                    // second finding (`uncited-claim`) for this one.
                    self.miswritten.push("cites");
                }
                if get(t, "source", &cx).is_none() {
                    self.push(
                        Diagnostic::new(
                            Code::MissingField,
                            v.span(),
                            format!("a citation of {what} has no `source`"),
                        )
                        .with_label("this citation names no source")
                        .with_help("write `{ source = \"source-id\", at = \"p. 3\" }`"),
                    );
                }
                Some(Citation {
                    source: source?,
                    at: self.string(t, "at", &cx),
                    quote: self.string(t, "quote", &cx),
                    span: v.span(),
                })
            }
            _ => {
                self.miswritten.push("cites");
                self.push(
                    Diagnostic::new(
                        Code::InvalidValue,
                        v.span(),
                        format!(
                            "a citation of {what} must be a source id or a table, not {}",
                            type_name(v.get_ref())
                        ),
                    )
                    .with_label(describe(v))
                    .with_help(
                        "write `\"source-id\"` or `{ source = \"source-id\", at = \"p. 3\" }`",
                    ),
                );
                None
            }
        }
    }

    fn anchor(&mut self, v: &Value<'_>, what: &str) -> Option<Anchor> {
        let DeValue::Table(t) = v.get_ref() else {
            self.push(
                Diagnostic::new(
                    Code::InvalidValue,
                    v.span(),
                    format!(
                        "the `anchor` of {what} must be a table, not {}",
                        type_name(v.get_ref())
                    ),
                )
                .with_label(describe(v))
                .with_help("write `anchor = { para = 2 }`, or `anchor = { at = \"p. 2\" }`"),
            );
            return None;
        };
        let cx = Ctx {
            what: &format!("the anchor of {what}"),
            table: "anchor",
            fields: format::Anchor::KEYS,
        };
        self.check_keys(t, &cx);
        let para = get(t, "para", &cx).and_then(|p| {
            let n = self.integer(p, "para", &cx)?;
            match usize::try_from(n) {
                Ok(n) if n >= 1 => Some(Sp::new(n, p.span())),
                _ => {
                    self.push(
                        Diagnostic::new(
                            Code::InvalidValue,
                            p.span(),
                            format!("`para` of {} must be 1 or more", cx.what),
                        )
                        .with_label("paragraphs are counted from 1"),
                    );
                    None
                }
            }
        });
        Some(Anchor {
            at: self.string(t, "at", &cx),
            section: self.string(t, "section", &cx),
            para,
            quote: self.string(t, "quote", &cx),
            span: v.span(),
        })
    }

    fn argument(&mut self, id: Sp<String>, t: &DeTable<'_>, what: &str) -> Argument {
        let cx = Ctx {
            what,
            table: "argument",
            fields: format::Argument::KEYS,
        };
        self.check_keys(t, &cx);
        let premises = self.string_list(t, "premises", &cx);
        match get(t, "premises", &cx) {
            None => self.missing(&id, what, "premises", "the claims that jointly support"),
            Some(v) if matches!(v.get_ref(), DeValue::Array(a) if a.is_empty()) => self.push(
                Diagnostic::new(
                    Code::InvalidValue,
                    v.span(),
                    format!("{what} has no premises"),
                )
                .with_label("an argument needs at least one premise"),
            ),
            Some(_) => {}
        }
        let conclusion = self.string(t, "conclusion", &cx);
        if get(t, "conclusion", &cx).is_none() {
            self.missing(&id, what, "conclusion", "the claim the premises support");
        }
        Argument {
            premises,
            conclusion,
            label: self.string(t, "label", &cx),
            section: self.string(t, "section", &cx),
            id,
        }
    }

    // ---- typed getters -------------------------------------------------

    fn check_keys(&mut self, t: &DeTable<'_>, cx: &Ctx<'_>) {
        for key in t.keys() {
            if !cx.fields.contains(&key.get_ref().as_ref()) {
                self.unknown(key, cx.fields, cx.what, "field");
            }
        }
    }

    pub(super) fn unknown(
        &mut self,
        key: &Spanned<DeString<'_>>,
        fields: &[&'static str],
        what: &str,
        noun: &str,
    ) {
        let name: &str = key.get_ref();
        let mut d = Diagnostic::new(
            Code::UnknownField,
            key.span(),
            format!("unknown {noun} `{name}` in {what}"),
        );
        let typo = suggest::closest(name, fields.iter().copied());
        let synonym = typo
            .is_none()
            .then(|| synonyms::synonym(name, fields))
            .flatten();
        // A misspelt synonym: `soruces` for `sources`, which is `cites`.
        let misspelt = (typo.is_none() && synonym.is_none())
            .then(|| synonyms::misspelt(name, fields))
            .flatten();
        self.miswritten
            .extend(typo.or(synonym).or(misspelt.map(|(_, key)| key)));
        d = match (typo, synonym) {
            (Some(s), _) => d
                .with_label(format!("did you mean `{s}`?"))
                .with_help(format!("rename `{name}` to `{s}`"))
                .with_suggestion(key.span(), s),
            // Another word for the key, whose value may be written otherwise
            // too (`page = 3` is `at = "p. 3"`).
            (None, Some(s)) => d
                .with_label(format!("did you mean `{s}`?"))
                .with_help(format!(
                    "the format calls this `{s}`: `argmap schema` and docs/map-format.md show what it takes"
                )),
            (None, None) => match misspelt {
                Some((word, key)) => d
                    .with_label(format!("did you mean `{key}`?"))
                    .with_help(format!(
                        "`{name}` looks like `{word}`, which the format calls `{key}`: `argmap schema` and docs/map-format.md show what it takes"
                    )),
                None => d.with_label("not part of the map format"),
            },
        };
        self.push(d.with_note(format!("{what} takes: {}", fields.join(", "))));
    }

    fn missing(&mut self, id: &Sp<String>, what: &str, field: &str, meaning: &str) {
        self.push(
            Diagnostic::new(
                Code::MissingField,
                id.span.clone(),
                format!("{what} has no `{field}`"),
            )
            .with_label(format!("`{field}` is required: {meaning}")),
        );
    }

    pub(super) fn table<'a, 'i>(
        &mut self,
        v: &'a Value<'i>,
        what: &str,
    ) -> Option<&'a DeTable<'i>> {
        match v.get_ref() {
            DeValue::Table(t) => Some(t),
            other => {
                self.push(
                    Diagnostic::new(
                        Code::InvalidValue,
                        v.span(),
                        format!("{what} must be a table, not {}", type_name(other)),
                    )
                    .with_label(describe(v)),
                );
                None
            }
        }
    }

    pub(super) fn id(&mut self, key: &Spanned<DeString<'_>>, table: &str) -> Option<Sp<String>> {
        let id: &str = key.get_ref();
        let source = table == "sources";
        let ok = if source {
            format::is_source_id(id)
        } else {
            format::is_id(id)
        };
        if !ok {
            let allowed = if source {
                "source ids may use only ASCII letters, digits, `-`, `_`, `:`, `.`, `/` and `+`"
            } else {
                "ids may use only ASCII letters, digits, `-` and `_`"
            };
            self.push(
                Diagnostic::new(
                    Code::InvalidValue,
                    key.span(),
                    format!("`{table}.{id}`: {allowed}"),
                )
                .with_label("not a valid id")
                .with_help("rename it, for example with `-` for spaces"),
            );
            return None;
        }
        Some(Sp::new(id.to_owned(), key.span()))
    }

    fn wrong_type(&mut self, v: &Value<'_>, key: &'static str, cx: &Ctx<'_>, expected: &str) {
        self.miswritten.push(key);
        self.push(
            Diagnostic::new(
                Code::InvalidValue,
                v.span(),
                format!(
                    "`{key}` of {} must be {expected}, not {}",
                    cx.what,
                    type_name(v.get_ref())
                ),
            )
            .with_label(describe(v)),
        );
    }

    fn string(&mut self, t: &DeTable<'_>, key: &'static str, cx: &Ctx<'_>) -> Option<Sp<String>> {
        let v = get(t, key, cx)?;
        match v.get_ref() {
            DeValue::String(s) => Some(Sp::new(s.to_string(), v.span())),
            _ => {
                self.wrong_type(v, key, cx, "a string");
                None
            }
        }
    }

    /// A number as bibliographies write it: a string, or an integer
    /// (`volume = 14`), kept as written.
    fn numbering(
        &mut self,
        t: &DeTable<'_>,
        key: &'static str,
        cx: &Ctx<'_>,
    ) -> Option<Sp<String>> {
        let v = get(t, key, cx)?;
        match v.get_ref() {
            DeValue::String(s) => Some(Sp::new(s.to_string(), v.span())),
            DeValue::Integer(i) => Some(Sp::new(i.as_str().to_owned(), v.span())),
            _ => {
                self.wrong_type(v, key, cx, "a string or an integer");
                None
            }
        }
    }

    fn string_list(&mut self, t: &DeTable<'_>, key: &'static str, cx: &Ctx<'_>) -> Vec<Sp<String>> {
        get(t, key, cx)
            .and_then(|v| self.string_list_value(v, key, cx))
            .unwrap_or_default()
    }

    fn string_list_value(
        &mut self,
        v: &Value<'_>,
        key: &'static str,
        cx: &Ctx<'_>,
    ) -> Option<Vec<Sp<String>>> {
        match v.get_ref() {
            DeValue::Array(items) => {
                let mut out = Vec::with_capacity(items.len());
                for item in items.iter() {
                    match item.get_ref() {
                        DeValue::String(s) => out.push(Sp::new(s.to_string(), item.span())),
                        other => {
                            self.miswritten.push(key);
                            self.push(
                                Diagnostic::new(
                                    Code::InvalidValue,
                                    item.span(),
                                    format!(
                                        "`{key}` of {} must list strings, not {}",
                                        cx.what,
                                        type_name(other)
                                    ),
                                )
                                .with_label(describe(item)),
                            );
                        }
                    }
                }
                Some(out)
            }
            DeValue::String(s) => {
                self.miswritten.push(key);
                self.push(
                    Diagnostic::new(
                        Code::InvalidValue,
                        v.span(),
                        format!("`{key}` of {} must be an array, not a string", cx.what),
                    )
                    .with_label("a single string")
                    .with_help(format!("write `{key} = [\"{s}\"]`"))
                    .with_suggestion(v.span(), format!("[{}]", toml_string(s))),
                );
                None
            }
            _ => {
                self.wrong_type(v, key, cx, "an array of strings");
                None
            }
        }
    }

    /// An integer value; a wrong type is reported.
    fn integer(&mut self, v: &Value<'_>, key: &'static str, cx: &Ctx<'_>) -> Option<i64> {
        match v.get_ref() {
            DeValue::Integer(i) => {
                let n = i64::from_str_radix(i.as_str(), i.radix()).ok();
                if n.is_none() {
                    self.push(
                        Diagnostic::new(
                            Code::InvalidValue,
                            v.span(),
                            format!("`{key}` of {} is too large", cx.what),
                        )
                        .with_label("not a 64-bit integer"),
                    );
                }
                n
            }
            DeValue::String(s) if let Ok(n) = s.trim().parse::<i64>() => {
                self.miswritten.push(key);
                self.push(
                    Diagnostic::new(
                        Code::InvalidValue,
                        v.span(),
                        format!("`{key}` of {} must be an integer, not a string", cx.what),
                    )
                    .with_label("a number in quotes")
                    .with_help(format!("write `{key} = {}`, without quotes", s.trim()))
                    .with_suggestion(v.span(), n.to_string()),
                );
                None
            }
            _ => {
                self.wrong_type(v, key, cx, "an integer");
                None
            }
        }
    }

    fn year(&mut self, t: &DeTable<'_>, cx: &Ctx<'_>) -> Option<Sp<i64>> {
        let v = get(t, "year", cx)?;
        let year = match v.get_ref() {
            DeValue::Integer(i) => i64::from_str_radix(i.as_str(), i.radix()).ok(),
            DeValue::String(s) if let Ok(n) = s.trim().parse::<i16>() => {
                self.miswritten.push("year");
                self.push(
                    Diagnostic::new(
                        Code::InvalidValue,
                        v.span(),
                        format!("`year` of {} must be an integer, not a string", cx.what),
                    )
                    .with_label("a number in quotes")
                    .with_help(format!("write `year = {}`, without quotes", s.trim()))
                    .with_suggestion(v.span(), n.to_string()),
                );
                return None;
            }
            _ => {
                self.wrong_type(v, "year", cx, "an integer");
                return None;
            }
        };
        match year {
            Some(y) if (-9999..=9999).contains(&y) => Some(Sp::new(y, v.span())),
            _ => {
                self.miswritten.push("year");
                self.push(
                    Diagnostic::new(
                        Code::InvalidValue,
                        v.span(),
                        format!("`year` of {} is not a year", cx.what),
                    )
                    .with_label("expected a year between -9999 and 9999"),
                );
                None
            }
        }
    }

    fn date(&mut self, t: &DeTable<'_>, key: &'static str, cx: &Ctx<'_>) -> Option<Sp<Date>> {
        let v = get(t, key, cx)?;
        let date = match v.get_ref() {
            DeValue::Datetime(dt) if dt.time.is_none() && dt.offset.is_none() => {
                dt.date.and_then(|d| {
                    let year = i16::try_from(d.year).ok()?;
                    let month = i8::try_from(d.month).ok()?;
                    let day = i8::try_from(d.day).ok()?;
                    Date::new(year, month, day).ok()
                })
            }
            _ => None,
        };
        match date {
            Some(d) => Some(Sp::new(d, v.span())),
            None => {
                self.miswritten.push(key);
                self.push(
                    Diagnostic::new(
                        Code::InvalidValue,
                        v.span(),
                        format!("`{key}` of {} must be a date", cx.what),
                    )
                    .with_label(describe(v))
                    .with_help(format!(
                        "write a TOML date without quotes: `{key} = 2024-03-01`"
                    )),
                );
                None
            }
        }
    }
}

fn singular(table: &str) -> &'static str {
    match table {
        "sections" => "section",
        "actors" => "actor",
        "sources" => "source",
        "claims" => "claim",
        _ => "argument",
    }
}

/// A short label for a value of the wrong type: "this is an integer".
pub(super) fn describe(v: &Value<'_>) -> String {
    format!("this is {}", type_name(v.get_ref()))
}

/// The keys the walker reads, by table, recorded in tests to compare with
/// the format's declaration.
#[cfg(test)]
mod asked {
    use std::cell::RefCell;
    use std::collections::BTreeSet;

    thread_local! {
        static ASKED: RefCell<BTreeSet<(String, String)>> = const { RefCell::new(BTreeSet::new()) };
    }

    /// Records that the walker read `key` of a `table`.
    pub(super) fn record(table: &str, key: &str) {
        ASKED.with(|a| a.borrow_mut().insert((table.to_owned(), key.to_owned())));
    }

    /// Every (table, key) read on this thread since the last call.
    pub(super) fn take() -> BTreeSet<(String, String)> {
        ASKED.with(|a| std::mem::take(&mut *a.borrow_mut()))
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::indexing_slicing)]

    use std::collections::BTreeSet;

    use crate::format;

    /// A map in which every table appears once, so that the walker reads
    /// each; the values need not be sound.
    const EVERY_TABLE: &str = r#"
[map]
title = "t"
[lints]
[limits]
[sections.s]
[actors.a]
[sources.src]
[claims.c]
text = "c"
anchor = {}
cites = [{ source = "src" }]
[arguments.g]
premises = ["c"]
conclusion = "c"
"#;

    #[test]
    fn the_walker_reads_the_keys_the_format_declares() {
        super::asked::take();
        crate::load::load("m.toml", EVERY_TABLE.as_bytes());
        let read = super::asked::take();
        let declared: BTreeSet<(String, String)> = format::TABLES
            .iter()
            .flat_map(|(t, keys)| keys.iter().map(|k| ((*t).to_owned(), (*k).to_owned())))
            .collect();
        let undeclared: Vec<_> = read.difference(&declared).collect();
        let unread: Vec<_> = declared.difference(&read).collect();
        assert!(
            undeclared.is_empty() && unread.is_empty(),
            "the loader and `crate::format` disagree:\n\
             read but not declared: {undeclared:?}\n\
             declared but never read: {unread:?}"
        );
    }
}
