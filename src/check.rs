//! `check` as a library call: load a map, run every rule, apply levels.

use std::path::Path;
use std::sync::Arc;

use crate::bibliography;
use crate::copy::{self, Copying};
use crate::coverage::Coverage;
use crate::diag::{Code, Diagnostic, FileReport, Level, Levels, SectionFacts, TextSummary};
use crate::graph::MapGraph;
use crate::load;
use crate::model::{Date, Map};
use crate::resolved::ResolvedMap;
use crate::rules::{self, Context, Reads};
use crate::texts::{self, TextCache, TextOptions, Texts};
use crate::verify::{self, Against};

/// A checked map: the report, and the model and graph when the file was TOML.
#[derive(Debug)]
pub struct Checked {
    /// Findings after levels were applied.
    pub report: FileReport,
    /// The model (absent when the file is not TOML).
    pub map: Option<Map>,
    /// The graph of the model.
    pub graph: Option<MapGraph>,
    /// The source texts that were read for quote checks.
    pub texts: Texts,
    /// What the map reproduces of each text.
    pub copying: Copying,
    /// The map against its document's text.
    pub against: Against,
    /// How much of the document the claims' anchors cover (empty without
    /// the document's text).
    pub coverage: Coverage,
}

/// How to check: the command line's level overrides and where source texts
/// come from.
#[derive(Clone, Debug, Default)]
pub struct Options {
    /// `-A/-W/-D`: win over the map's `[lints]`.
    pub levels: Levels,
    /// A project file's `[lints]`: the map's own `[lints]` win over them.
    pub project_levels: Levels,
    /// `--text` and `--allow-outside-texts`.
    pub texts: TextOptions,
    /// The date `accessed-date` takes as today; `None`: today's date (UTC)
    /// from the system clock. Set it for output that must not change from
    /// one day to the next (snapshots, reproducible reports).
    pub today: Option<Date>,
    /// What to check: everything, or the map alone (no source texts).
    pub scope: Scope,
    /// What the last check of the same map kept for this one (the
    /// language server checks a map again after every edit).
    pub cache: Option<Arc<Cache>>,
}

/// What a check keeps for the next check of the same map: the parts of
/// the file it parsed (only the parts an edit changed are parsed again),
/// the texts it read and indexed (read again only when their files
/// change), and the index of the texts' words that the copy measure looks
/// every string up in (built again only when a text changes).
#[derive(Debug, Default)]
pub struct Cache {
    load: load::LoadCache,
    texts: TextCache,
    copy: copy::IndexCache,
}

impl Cache {
    /// How many source texts it holds.
    pub fn texts(&self) -> usize {
        self.texts.len()
    }
}

/// What a check covers.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Scope {
    /// The map and its source texts: every rule.
    #[default]
    Everything,
    /// The map alone, for commands whose output does not depend on the
    /// source texts (diagrams, labels, exports): no text is read, and the
    /// rules that read texts or the copy measure do not run.
    Structure,
}

/// Loads and checks the map in `bytes`, shown as `name`, with level
/// overrides `cli` and no texts but those the map's `text` keys name.
pub fn check(name: &str, bytes: &[u8], cli: &Levels) -> Checked {
    check_with(
        name,
        bytes,
        &Options {
            levels: cli.clone(),
            ..Options::default()
        },
    )
}

/// Loads and checks the map in `bytes`. `name` is its path: `text` keys are
/// relative to its folder.
pub fn check_with(name: &str, bytes: &[u8], opts: &Options) -> Checked {
    check_owned(name, bytes.to_vec(), opts)
}

/// [`check_with`], taking the bytes, which then are not copied: for a large
/// map, that is as much memory as the file's size.
pub fn check_owned(name: &str, bytes: Vec<u8>, opts: &Options) -> Checked {
    check_loaded(
        name,
        load::load_cached(name, bytes, opts.cache.as_deref().map(|c| &c.load)),
        opts,
    )
}

fn check_loaded(name: &str, loaded: load::Loaded, opts: &Options) -> Checked {
    let cli = &opts.levels;
    let mut diagnostics = loaded.diagnostics;
    let Some(mut map) = loaded.map else {
        let mut report = FileReport::unread(loaded.file, diagnostics);
        cli.apply(&mut report.diagnostics, rules::default_level);
        return Checked {
            report,
            map: None,
            graph: None,
            texts: Texts::default(),
            copying: Copying::default(),
            against: Against::default(),
            coverage: Coverage::default(),
        };
    };
    // The sources in bibliography files, placed after the map's text.
    let bibliographies = if map.meta.bibliography.is_empty() {
        Vec::new()
    } else {
        let base = loaded.file.text.len() + 1;
        bibliography::read(&mut map, Path::new(name), base, &mut diagnostics)
    };
    // Reading and indexing the source texts does not need the graph: on a
    // large map, it runs alongside the building of the graph.
    let structure_only = opts.scope == Scope::Structure;
    let read_texts = || {
        let mut found = Vec::new();
        if structure_only {
            return (Texts::default(), found);
        }
        let cache = opts.cache.as_deref().map(|c| &c.texts);
        let texts = texts::resolve(&map, Path::new(name), &opts.texts, cache, &mut found);
        (texts, found)
    };
    let (graph, (texts, found)) = if map.claims.len() < rules::PARALLEL_CLAIMS {
        (MapGraph::new(&map), read_texts())
    } else {
        rayon::join(|| MapGraph::new(&map), read_texts)
    };
    diagnostics.extend(found);
    let mut levels = opts.project_levels.clone();
    for setting in &map.lints {
        // Unknown codes were reported by the loader and not kept.
        levels.set(setting.code.value, setting.level.value);
    }
    let levels = levels.then(cli);
    // Rules skip fields the loader found miswritten, since its finding says
    // so; when that finding is allowed away, they report what they find.
    let allowed = |code| levels.level(code, rules::default_level(code)) == Level::Allow;
    if allowed(Code::UnknownField) || allowed(Code::InvalidValue) {
        for s in &mut map.sources {
            s.miswritten.clear();
        }
        for c in &mut map.claims {
            c.miswritten.clear();
        }
    }
    let reported = |code| !allowed(code);
    let against = if structure_only {
        Against::default()
    } else {
        verify::against(&map, &graph.resolved, &texts)
    };
    let coverage = against.text(&texts).map_or_else(Coverage::default, |t| {
        Coverage::of(&map, &t.structure, &against.claim_paragraph)
    });
    let context = |copying| Context {
        map: &map,
        graph: &graph,
        texts: &texts,
        copying,
        against: &against,
        coverage: &coverage,
        today: opts.today,
        reported: &reported,
    };
    // The copy measure and the rules that do not read it are independent:
    // on a large map they run side by side.
    let none = Copying::default();
    let others = || {
        rules::run_where(&context(&none), |r| match r.reads {
            Reads::Map => true,
            Reads::Texts => !structure_only,
            Reads::Copying => false,
        })
    };
    let measure = || {
        if structure_only {
            Copying::default()
        } else {
            copy::measure(
                &map,
                &graph.resolved,
                &texts,
                opts.cache.as_deref().map(|c| &c.copy),
            )
        }
    };
    let (copying, found) = if map.claims.len() < rules::PARALLEL_CLAIMS {
        (measure(), others())
    } else {
        rayon::join(measure, others)
    };
    diagnostics.extend(found);
    if !structure_only {
        diagnostics.extend(rules::run_where(&context(&copying), rules::reads_copying));
    }
    levels.apply(&mut diagnostics, rules::default_level);
    // A fix is TOML written over the map file: none is offered in a
    // bibliography file.
    for d in &mut diagnostics {
        d.suggestions.retain(|s| map.in_map_file(&s.span));
    }
    diagnostics.sort_by(|a, b| {
        (a.span.start, a.span.end, a.code.as_str()).cmp(&(
            b.span.start,
            b.span.end,
            b.code.as_str(),
        ))
    });
    let sections = place_findings(&map, &graph.resolved, &mut diagnostics);
    let document_coverage = against.document.and_then(|di| {
        let text = texts.get(di)?;
        let source = map.sources.get(di)?;
        Some(coverage.summary(&map, &text.structure, &source.id.value, &text.path))
    });
    Checked {
        report: FileReport {
            file: loaded.file,
            others: bibliographies,
            diagnostics,
            claims: map.claims.len(),
            sources: map.sources.len(),
            texts: summarize_texts(&map, &texts, &copying),
            sections,
            coverage: document_coverage,
        },
        map: Some(map),
        graph: Some(graph),
        texts,
        copying,
        against,
        coverage,
    }
}

/// What a place in the map file belongs to.
#[derive(Clone, Copy)]
enum Item {
    /// A table outside the sections: a section's own, an actor, a source.
    Outside,
    /// Claim `i`.
    Claim(usize),
    /// Argument `i`.
    Argument(usize),
}

/// Gives every finding the section it is in (the section of the claim or
/// argument whose table holds its span), and gathers the map's sections
/// with their uncited claims, for the summary of `check`.
///
/// A finding belongs to the last item whose id is written at or before
/// its span: one sort of the items and a binary search per finding.
fn place_findings(
    map: &Map,
    resolved: &ResolvedMap,
    diagnostics: &mut [Diagnostic],
) -> Vec<SectionFacts> {
    let unsectioned = map.sections.len();
    let mut sections: Vec<SectionFacts> = map
        .sections
        .iter()
        .map(|s| SectionFacts {
            id: Some(s.id.value.clone()),
            title: s.title.as_ref().unwrap_or(&s.id).value.clone(),
            claims: 0,
            uncited: Vec::new(),
        })
        .collect();
    sections.push(SectionFacts {
        id: None,
        title: "claims in no section".to_owned(),
        claims: 0,
        uncited: Vec::new(),
    });
    let section_of = |item: Item| match item {
        Item::Outside => None,
        Item::Claim(i) => Some(resolved.section_of_claim(i).unwrap_or(unsectioned)),
        Item::Argument(i) => resolved.section_of_argument(i),
    };
    for i in 0..map.claims.len() {
        if let Some(s) = section_of(Item::Claim(i)).and_then(|s| sections.get_mut(s)) {
            s.claims += 1;
        }
    }
    let mut starts: Vec<(usize, Item)> = Vec::with_capacity(
        map.sections.len()
            + map.actors.len()
            + map.sources.len()
            + map.claims.len()
            + map.arguments.len(),
    );
    starts.extend(
        map.sections
            .iter()
            .map(|s| (s.id.span.start, Item::Outside)),
    );
    starts.extend(map.actors.iter().map(|a| (a.id.span.start, Item::Outside)));
    starts.extend(map.sources.iter().map(|s| (s.id.span.start, Item::Outside)));
    starts.extend(map.bibliographies.iter().map(|b| (b.base, Item::Outside)));
    starts.extend(
        map.claims
            .iter()
            .enumerate()
            .map(|(i, c)| (c.id.span.start, Item::Claim(i))),
    );
    starts.extend(
        map.arguments
            .iter()
            .enumerate()
            .map(|(i, a)| (a.id.span.start, Item::Argument(i))),
    );
    starts.sort_unstable_by_key(|(start, _)| *start);
    for d in diagnostics.iter_mut() {
        let before = starts.partition_point(|(start, _)| *start <= d.span.start);
        let item = before
            .checked_sub(1)
            .and_then(|i| starts.get(i))
            .map_or(Item::Outside, |(_, item)| *item);
        d.section = section_of(item);
        if let (Code::UncitedClaim, Item::Claim(i), Some(s)) = (d.code, item, d.section)
            && let (Some(facts), Some(claim)) = (sections.get_mut(s), map.claims.get(i))
        {
            facts.uncited.push(claim.id.value.clone());
        }
    }
    if sections.last().is_some_and(|s| s.claims == 0) {
        sections.pop();
    }
    sections
}

/// The copy figures of each text, for the summary.
fn summarize_texts(map: &Map, texts: &Texts, copying: &Copying) -> Vec<TextSummary> {
    let round = |x: f64| (x * 10.0).round() / 10.0;
    copying
        .texts
        .iter()
        .map(|t| {
            let longest = t.longest.as_ref().filter(|(n, _)| *n >= copy::SHORT_RUN);
            TextSummary {
                source: map
                    .sources
                    .get(t.source)
                    .map_or_else(String::new, |s| s.id.value.clone()),
                path: texts
                    .get(t.source)
                    .map_or_else(String::new, |x| x.path.clone()),
                words: t.words,
                quotes: t.quotes,
                quoted_words: t.quoted,
                quoted_percent: round(t.percent(t.quoted)),
                quoted_limit_percent: map.limits.quote_share(),
                covered_8_percent: round(t.percent(t.covered_long)),
                covered_6_percent: round(t.percent(t.covered_short)),
                longest_run: longest.map_or(0, |(n, _)| *n),
                longest_in: longest.map(|(_, f)| f.clone()),
            }
        })
        .collect()
}
