//! `check` as a library call: load a map, run every rule, apply levels.

use crate::diag::{FileReport, Levels};
use crate::graph::MapGraph;
use crate::load;
use crate::model::Map;
use crate::rules::{self, Context};

/// A checked map: the report, and the model and graph when the file was TOML.
#[derive(Debug)]
pub struct Checked {
    /// Findings after levels were applied.
    pub report: FileReport,
    /// The model (absent when the file is not TOML).
    pub map: Option<Map>,
    /// The graph of the model.
    pub graph: Option<MapGraph>,
}

/// Loads and checks the map in `bytes`, shown as `name`. `cli` holds the
/// command line's level overrides, which win over the map's `[lints]`.
pub fn check(name: &str, bytes: &[u8], cli: &Levels) -> Checked {
    let loaded = load::load(name, bytes);
    let mut diagnostics = loaded.diagnostics;
    let Some(map) = loaded.map else {
        let mut report = FileReport {
            file: loaded.file,
            diagnostics,
            claims: 0,
            sources: 0,
        };
        cli.apply(&mut report.diagnostics);
        return Checked {
            report,
            map: None,
            graph: None,
        };
    };
    let graph = MapGraph::new(&map);
    diagnostics.extend(rules::run_all(&Context {
        map: &map,
        graph: &graph,
    }));
    let mut levels = Levels::default();
    for setting in &map.lints {
        // Unknown codes were reported by the loader and not kept.
        levels.set(&setting.code.value, setting.level.value).ok();
    }
    let levels = levels.then(cli);
    levels.apply(&mut diagnostics);
    diagnostics.sort_by(|a, b| {
        (a.span.start, a.span.end, a.code).cmp(&(b.span.start, b.span.end, b.code))
    });
    Checked {
        report: FileReport {
            file: loaded.file,
            diagnostics,
            claims: map.claims.len(),
            sources: map.sources.len(),
        },
        map: Some(map),
        graph: Some(graph),
    }
}
