//! The architecture, as ARCHITECTURE.md states it, held by tests that read
//! the source: the layer order of the library's modules (and so no cycle),
//! a `//!` line opening every file, no printing or exiting outside the
//! binary, no diagnostic code written as a string outside its declaration,
//! and a code map that names every module.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// The library's top-level modules by layer, lowest first. A module may use
/// only modules of lower layers: siblings stay independent, and no cycle
/// can form. ARCHITECTURE.md shows the same table.
const LAYERS: &[(&str, &[&str])] = &[
    (
        "leaves",
        &[
            "suggest", "quote", "aif", "kialo", "wrap", "format", "english", "hanzi", "csp",
            "folder",
        ],
    ),
    ("diagnostics", &["diag"]),
    ("model", &["model", "skeleton"]),
    ("document structure", &["document"]),
    (
        "inputs and the resolved map",
        &["load", "texts", "bibliography", "migrate", "resolved"],
    ),
    ("the graph", &["graph"]),
    ("the map against its texts", &["copy", "verify", "coverage"]),
    ("analyses", &["rules", "eval"]),
    (
        "outputs",
        &[
            "render", "report", "export", "import", "draft", "schema", "viewer", "fmt", "starter",
        ],
    ),
    ("the pipeline", &["check"]),
    ("the commands", &["app"]),
    ("the language server", &["lsp"]),
];

/// Imports against the layer order that are allowed for now, each with its
/// reason. This list may only shrink.
const ALLOWED: &[(&str, &str, &str)] = &[];

fn layer_of(module: &str) -> Option<usize> {
    LAYERS.iter().position(|(_, ms)| ms.contains(&module))
}

/// Every `.rs` file under `dir`.
fn sources(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut dirs = vec![dir.to_path_buf()];
    while let Some(d) = dirs.pop() {
        for e in std::fs::read_dir(&d).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                dirs.push(p);
            } else if p.extension().is_some_and(|x| x == "rs") {
                out.push(p);
            }
        }
    }
    out.sort();
    out
}

/// The top-level module a file of `src/` belongs to (`None` for `lib.rs`,
/// `main.rs` and the binary's `cli/`).
fn module_of(file: &Path) -> Option<String> {
    let rel = file.strip_prefix("src").unwrap();
    let first = rel
        .components()
        .next()?
        .as_os_str()
        .to_string_lossy()
        .into_owned();
    let name = first.trim_end_matches(".rs").to_owned();
    (!matches!(name.as_str(), "lib" | "main" | "cli")).then_some(name)
}

/// The modules named by `crate::x` paths in `text`.
fn crate_uses(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for (i, _) in text.match_indices("crate::") {
        let rest = &text[i + "crate::".len()..];
        let name: String = rest
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
            .collect();
        // `$crate::` inside a macro is the crate itself, not a module use.
        let macro_crate = i > 0 && text.as_bytes()[i - 1] == b'$';
        if !name.is_empty() && !macro_crate {
            out.push(name);
        }
    }
    out
}

#[test]
fn every_module_has_a_layer_and_uses_only_lower_layers() {
    let mut wrong = Vec::new();
    let mut modules = BTreeMap::new();
    for file in sources(Path::new("src")) {
        let Some(module) = module_of(&file) else {
            continue;
        };
        let Some(layer) = layer_of(&module) else {
            panic!(
                "module `{module}` ({}) has no layer in LAYERS",
                file.display()
            );
        };
        modules.insert(module.clone(), layer);
        let text = std::fs::read_to_string(&file).unwrap();
        // Unit tests may build their inputs with any module.
        let code = text.split("#[cfg(test)]").next().unwrap_or("");
        for used in crate_uses(code) {
            if used == module {
                continue;
            }
            let Some(target) = layer_of(&used) else {
                wrong.push(format!("{}: `crate::{used}` has no layer", file.display()));
                continue;
            };
            let allowed = ALLOWED.iter().any(|(a, b, _)| *a == module && *b == used);
            if target >= layer && !allowed {
                let how = if target == layer {
                    "a sibling"
                } else {
                    "a higher layer"
                };
                wrong.push(format!(
                    "{}: `{module}` ({}) uses `{used}`, {how} ({})",
                    file.display(),
                    LAYERS[layer].0,
                    LAYERS[target].0
                ));
            }
        }
    }
    wrong.sort();
    wrong.dedup();
    assert!(
        wrong.is_empty(),
        "imports against the layers:\n{}",
        wrong.join("\n")
    );
    for (_, ms) in LAYERS {
        for m in *ms {
            assert!(
                modules.contains_key(*m),
                "LAYERS names `{m}`, which is not a module"
            );
        }
    }
}

#[test]
fn every_file_opens_with_a_module_doc_line() {
    for file in sources(Path::new("src"))
        .into_iter()
        .chain(sources(Path::new("tests")))
        .chain(sources(Path::new("benches")))
        .chain(sources(Path::new("examples")))
    {
        let text = std::fs::read_to_string(&file).unwrap();
        assert!(
            text.starts_with("//!"),
            "{} does not open with a `//!` line",
            file.display()
        );
    }
}

#[test]
fn only_the_binary_prints_or_exits() {
    let mut wrong = Vec::new();
    for file in sources(Path::new("src")) {
        if module_of(&file).is_none() {
            continue; // lib.rs, main.rs and cli/
        }
        let text = std::fs::read_to_string(&file).unwrap();
        for (n, line) in text.lines().enumerate() {
            let code = line.split("//").next().unwrap_or("");
            for bad in [
                "print!(",
                "println!(",
                "eprint!(",
                "eprintln!(",
                "process::exit",
                "dbg!(",
            ] {
                if code.contains(bad) {
                    wrong.push(format!("{}:{}: {}", file.display(), n + 1, line.trim()));
                }
            }
        }
    }
    assert!(
        wrong.is_empty(),
        "the library prints or exits:\n{}",
        wrong.join("\n")
    );
}

#[test]
fn diagnostic_codes_are_never_strings_in_the_source() {
    let mut wrong = Vec::new();
    for file in sources(Path::new("src")) {
        if file.ends_with("diag/code.rs") {
            continue;
        }
        let text = std::fs::read_to_string(&file).unwrap();
        for code in argmap::diag::Code::ALL {
            if text.contains(&format!("\"{}\"", code.as_str())) {
                wrong.push(format!("{}: \"{code}\"", file.display()));
            }
        }
    }
    assert!(
        wrong.is_empty(),
        "write `Code::...`, not the code's name:\n{}",
        wrong.join("\n")
    );
}

#[test]
fn the_code_map_names_every_module() {
    let doc = std::fs::read_to_string("ARCHITECTURE.md").unwrap();
    for (_, ms) in LAYERS {
        for m in *ms {
            let as_file = format!("`src/{m}.rs`");
            let as_dir = format!("`src/{m}/`");
            assert!(
                doc.contains(&as_file) || doc.contains(&as_dir),
                "ARCHITECTURE.md's code map does not name `{m}`"
            );
        }
    }
    for (name, ms) in LAYERS {
        assert!(
            doc.contains(name) && ms.iter().all(|m| doc.contains(&format!("`{m}`"))),
            "ARCHITECTURE.md's layers do not show `{name}`: {ms:?}"
        );
    }
}

/// Where an id may still be looked up in the map's index, with the reason:
/// every reference of the map is resolved once, in `src/resolved.rs`.
const LOOKUPS: &[(&str, &str)] = &[
    ("src/model/mod.rs", "the index itself"),
    ("src/resolved.rs", "the one resolution of every reference"),
    ("src/load/", "the loader builds the index"),
    (
        "src/render/view.rs",
        "the ids a user gives to --focus, --section and --actor",
    ),
    (
        "src/render/build.rs",
        "the ids a user gives to --section and --actor, for the title",
    ),
    (
        "src/render/printed.rs",
        "the id a user gives to --section, for the footer",
    ),
    (
        "src/eval.rs",
        "`Evaluation::label_of`, for ids a user gives",
    ),
    (
        "src/rules/unknown_reference.rs",
        "what an unresolved id names instead",
    ),
    ("src/cli/", "ids given on the command line"),
];

#[test]
fn references_are_resolved_once() {
    let mut wrong = Vec::new();
    for file in sources(Path::new("src")) {
        let shown = file.display().to_string();
        if LOOKUPS
            .iter()
            .any(|(allowed, _)| shown.starts_with(allowed))
        {
            continue;
        }
        let text = std::fs::read_to_string(&file).unwrap();
        let code = text.split("#[cfg(test)]").next().unwrap_or("");
        // `self.map\n    .claim(id)` is a lookup too.
        let code: String = code.chars().filter(|c| !c.is_whitespace()).collect();
        for call in [
            ".lookup(",
            ".lookup_kind(",
            "map.claim(",
            "map.source(",
            "map.section(",
            "map.argument(",
        ] {
            if code.contains(call) {
                wrong.push(format!("{shown}: `{call}`"));
            }
        }
    }
    assert!(
        wrong.is_empty(),
        "read `ResolvedMap` instead of looking ids up again:\n{}",
        wrong.join("\n")
    );
}

/// A rule that reads the source texts or the copy measure says so in its
/// declaration (`reads: Reads::Texts` or `Reads::Copying`): commands that
/// read no texts (`render`, `eval`, `export`) skip exactly those rules.
#[test]
fn rules_declare_what_they_read() {
    let mut wrong = Vec::new();
    for file in sources(Path::new("src/rules")) {
        if file.ends_with("mod.rs") {
            continue;
        }
        let text = std::fs::read_to_string(&file).unwrap();
        let code = text.split("#[cfg(test)]").next().unwrap_or("");
        let shown = file.display();
        let declared = if code.contains("Reads::Copying") {
            "copying"
        } else if code.contains("Reads::Texts") {
            "texts"
        } else {
            "map"
        };
        let reads = if code.contains("cx.copying") {
            "copying"
        } else if code.contains("cx.texts") || code.contains("cx.document()") {
            // `cx.document()` is the document's text.
            "texts"
        } else {
            "map"
        };
        if declared != reads {
            wrong.push(format!("{shown}: reads {reads}, declares {declared}"));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

/// A test target with `harness = false` in Cargo.toml (those whose tests
/// need the chapter text or Graphviz, see `tests/external/mod.rs`) runs
/// only the trials its `main` lists: a `#[test]` written there would be
/// compiled out and never run, so none may be. And every such target uses
/// the one mechanism that reports a missing input.
#[test]
fn harness_free_test_targets_have_no_test_attributes() {
    let manifest: toml::Table =
        toml::from_str(&std::fs::read_to_string("Cargo.toml").unwrap()).unwrap();
    let targets: Vec<&toml::Table> = manifest
        .get("test")
        .and_then(|t| t.as_array())
        .into_iter()
        .flatten()
        .filter_map(|t| t.as_table())
        .filter(|t| t.get("harness").and_then(toml::Value::as_bool) == Some(false))
        .collect();
    assert!(
        !targets.is_empty(),
        "Cargo.toml declares no harness-free test"
    );
    for target in targets {
        let name = target["name"].as_str().unwrap();
        let path = target
            .get("path")
            .and_then(toml::Value::as_str)
            .map_or_else(|| format!("tests/{name}.rs"), str::to_owned);
        let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
        assert!(
            !text.contains("#[test]"),
            "{path} has `harness = false`: list the test in its `main`, not with #[test]"
        );
        assert!(
            text.contains("mod external;") && text.contains("external::run("),
            "{path} has `harness = false` but does not run its trials with `external::run`"
        );
    }
}
