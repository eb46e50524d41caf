//! The README and the format reference (`docs/map-format.md`) stay true:
//! their examples are what argmap reads and prints, their tables are the
//! format's declaration and the rule registry, and CI runs the README's
//! test command. The README's block that needs the chapter text is tested
//! in `tests/chapter.rs`.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

mod common;

use common::between;

use std::path::Path;

use argmap::diag::Code;

fn readme() -> String {
    std::fs::read_to_string("README.md").unwrap()
}

#[test]
fn example_transcript_is_what_argmap_prints() {
    let run = common::argmap(["check", "bridge.toml"])
        .current_dir("tests/fixtures/readme")
        .run();
    let readme = readme();
    let shown = between(&readme, "$ argmap check bridge.toml\n", "```");
    assert_eq!(shown, run.stderr, "README transcript is stale");
    let example = between(&readme, "## A short example\n\n```toml\n", "```");
    assert_eq!(
        example,
        std::fs::read_to_string("tests/fixtures/readme/bridge.toml").unwrap(),
        "README example differs from tests/fixtures/readme/bridge.toml"
    );
}

#[test]
fn eval_example_is_what_argmap_prints() {
    let run = common::argmap(["eval", "debate.toml"])
        .current_dir("tests/fixtures/readme")
        .run();
    let readme = readme();
    let shown = between(&readme, "$ argmap eval debate.toml\n", "```");
    assert_eq!(shown, run.stdout, "README eval example is stale");
}

#[test]
fn code_table_lists_every_rule_with_its_level_and_summary() {
    let mut table = String::from("\n| code | default | finds |\n|---|---|---|\n");
    for r in argmap::rules::RULES {
        table.push_str(&format!(
            "| `{}` | {} | {} |\n",
            r.code, r.default_level, r.summary
        ));
    }
    let readme = readme();
    assert_eq!(
        between(&readme, "<!-- codes:start -->", "<!-- codes:end -->"),
        table
    );
}

/// The README's main command works on a fresh clone: no chapter text, no
/// Graphviz; it exits 0 and says what it could not check.
#[test]
fn main_command_runs_without_the_chapter_text() {
    let readme = readme();
    let command = between(&readme, "```sh\ncargo run --release -- ", "\n```");
    let args: Vec<&str> = command.split_whitespace().collect();
    assert_eq!(args, ["check", "maps/cpc-and-sovereignty.toml"]);
    let run = common::argmap(&args).env("PATH", "").run();
    let stderr = run.stderr;
    assert_eq!(run.code, 0, "{stderr}");
    assert!(
        stderr.contains(
            "93 paragraph locators in source `lee-chapter` (the map's document) not checked"
        ),
        "{stderr}"
    );
    assert!(
        stderr
            .lines()
            .last()
            .unwrap()
            .starts_with("checked 1 map (93 claims")
    );
    // A summary that fits on one screen, and says per section which claims
    // are uncited.
    let lines = stderr.lines().count();
    assert!(lines <= 40, "{lines} lines:\n{stderr}");
    assert!(stderr.contains("uncited: `s-info-society`"), "{stderr}");
    let shown = between(
        &readme,
        "$ argmap check maps/cpc-and-sovereignty.toml\n",
        "```",
    );
    assert_eq!(
        shown, stderr,
        "README transcript of the main command is stale"
    );
}

/// The quick start runs as written, after `cargo install`: each `argmap`
/// line, from the repository root, with the installed command being the
/// one under test; the files it names exist.
#[test]
fn quick_start_runs_as_written() {
    let readme = readme();
    let block = between(&readme, "## Install and first steps", "\n## ");
    let block = between(block, "```sh\n", "```");
    let mut lines = block.lines();
    assert_eq!(lines.next(), Some("cargo install --path . --locked"));
    let dir = tempfile::tempdir().unwrap();
    let mut ran = 0;
    for line in lines {
        let args: Vec<String> = line
            .strip_prefix("argmap ")
            .unwrap_or_else(|| panic!("not an argmap command: {line}"))
            .split_whitespace()
            .map(|a| match a {
                // Written into a temporary folder, not the repository.
                "bridge.dot" | "audit.md" => dir.path().join(a).display().to_string(),
                _ => a.to_owned(),
            })
            .collect();
        let run = common::argmap(&args).run();
        assert_eq!(run.code, 0, "`{line}`:\n{}{}", run.stdout, run.stderr);
        ran += 1;
    }
    assert_eq!(ran, 6);
    let dot = std::fs::read_to_string(dir.path().join("bridge.dot")).unwrap();
    assert!(dot.starts_with("digraph argmap {"), "{dot}");
    let audit = std::fs::read_to_string(dir.path().join("audit.md")).unwrap();
    assert!(
        audit.starts_with("# Audit: Should the Mill Lane bridge be rebuilt?"),
        "{audit}"
    );
}

// ---- docs/map-format.md ---------------------------------------------------

fn reference() -> String {
    std::fs::read_to_string("docs/map-format.md").unwrap()
}

/// The body of the first ```` ```lang ```` block after `caption`.
fn block_after<'a>(doc: &'a str, caption: &str, lang: &str) -> &'a str {
    let from = doc
        .find(caption)
        .unwrap_or_else(|| panic!("no `{caption}` in docs/map-format.md"))
        + caption.len();
    let fence = format!("```{lang}\n");
    let start = doc[from..]
        .find(&fence)
        .unwrap_or_else(|| panic!("no {lang} block after `{caption}`"))
        + from
        + fence.len();
    let end = doc[start..].find("```").unwrap() + start;
    &doc[start..end]
}

/// The text from the heading `heading` (a whole line) to the next heading.
fn section<'a>(doc: &'a str, heading: &str) -> &'a str {
    let start = doc
        .find(&format!("\n{heading}\n"))
        .unwrap_or_else(|| panic!("no heading `{heading}` in docs/map-format.md"))
        + heading.len()
        + 2;
    let end = doc[start..].find("\n#").map_or(doc.len(), |i| i + start);
    &doc[start..end]
}

/// The first cell of each row of the Markdown tables in `text`, when it is
/// one `code` span: the keys (or codes) the rows describe.
fn first_cells(text: &str) -> Vec<(&str, Vec<&str>)> {
    text.lines()
        .filter_map(|line| {
            let cells: Vec<&str> = line
                .strip_prefix('|')?
                .split(" | ")
                .map(str::trim)
                .collect();
            let first = cells.first()?.strip_prefix('`')?.strip_suffix('`')?;
            Some((first, cells))
        })
        .collect()
}

/// The complete example's folder: the map as `bridge.toml`, with `edit`
/// applied, and the report as `texts/inspection.txt`.
fn example_folder(edit: impl Fn(&str) -> String) -> tempfile::TempDir {
    let doc = reference();
    let dir = tempfile::tempdir().unwrap();
    let map = block_after(&doc, "The map, `bridge.toml`:", "toml");
    std::fs::write(dir.path().join("bridge.toml"), edit(map)).unwrap();
    write_report(&doc, dir.path());
    dir
}

fn write_report(doc: &str, dir: &Path) {
    let text = block_after(doc, "The report, `texts/inspection.txt`:", "text");
    std::fs::create_dir(dir.join("texts")).unwrap();
    std::fs::write(dir.join("texts/inspection.txt"), text).unwrap();
}

/// `argmap check --format json FILE` in `dir`: the exit code, the codes
/// found and the JSON.
fn check_json(dir: &Path, file: &str) -> (i32, Vec<String>, serde_json::Value) {
    check_json_with(dir, file, &[])
}

/// [`check_json`] with more arguments.
fn check_json_with(
    dir: &Path,
    file: &str,
    extra: &[&str],
) -> (i32, Vec<String>, serde_json::Value) {
    let run = common::argmap(["check", "--format", "json", file])
        .args(extra)
        .current_dir(dir)
        .run();
    let v: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    let codes = v["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["code"].as_str().unwrap().to_owned())
        .collect();
    (run.code, codes, v)
}

/// The complete example checks clean, with the figures the page gives, and
/// its thesis is accepted.
#[test]
fn the_reference_example_checks_clean() {
    let dir = example_folder(str::to_owned);
    let (code, codes, v) = check_json(dir.path(), "bridge.toml");
    assert_eq!((code, codes), (0, Vec::new()), "{v:#}");
    let text = &v["texts"][0];
    assert_eq!(
        (&text["quoted_words"], &text["words"]),
        (&20.into(), &226.into())
    );
    let doc = reference();
    assert!(doc.contains("the map quotes 20 of the report's 226 words"));

    let human = common::argmap(["check", "bridge.toml"])
        .current_dir(dir.path())
        .run();
    let figures = block_after(&doc, "For the complete example:", "text");
    assert!(
        human.stderr.contains(figures),
        "docs/map-format.md shows stale copy figures; argmap prints:\n{}",
        human.stderr
    );
    let coverage = "6 of 7 body paragraphs anchored (85.7%)";
    assert!(
        doc.contains(coverage),
        "docs/map-format.md shows no coverage"
    );
    assert!(
        human
            .stderr
            .contains(&format!("(./texts/inspection.txt): {coverage}")),
        "docs/map-format.md shows a stale coverage; argmap prints:\n{}",
        human.stderr
    );

    let eval = common::argmap(["eval", "--format", "json", "bridge.toml"])
        .current_dir(dir.path())
        .run();
    let labels: serde_json::Value = serde_json::from_str(&eval.stdout).unwrap();
    assert_eq!(labels["thesis"]["label"], "accepted", "{labels:#}");
}

/// The finding shown under "Diagnostic codes" is what `check` prints for
/// the typo it describes.
#[test]
fn the_reference_finding_is_what_check_prints() {
    let dir = example_folder(|map| {
        assert_eq!(map.matches("supports = [\"rebuild\"]").count(), 1);
        map.replace("supports = [\"rebuild\"]", "supports = [\"rebuld\"]")
    });
    let run = common::argmap(["check", "bridge.toml"])
        .current_dir(dir.path())
        .run();
    let doc = reference();
    let shown = block_after(&doc, "`argmap check bridge.toml` would print:", "text");
    assert_eq!(run.code, 1);
    assert!(
        run.stderr.starts_with(&format!("{shown}\n")),
        "docs/map-format.md shows a stale finding; argmap prints:\n{}",
        run.stderr
    );
}

/// The version-1 example migrates to exactly the map shown, which checks
/// clean; before, only `format-version` is reported. The example maps two
/// paragraphs of the report, so `uncovered-paragraph` is allowed.
#[test]
fn the_reference_migration_is_what_migrate_prints() {
    let doc = reference();
    let dir = tempfile::tempdir().unwrap();
    write_report(&doc, dir.path());
    let old = block_after(&doc, "A version-1 map, `old.toml`", "toml");
    std::fs::write(dir.path().join("old.toml"), old).unwrap();
    let allow = ["-A", "uncovered-paragraph"];
    let (_, codes, _) = check_json_with(dir.path(), "old.toml", &allow);
    assert_eq!(codes, ["format-version"]);

    let run = common::argmap(["migrate", "old.toml"])
        .current_dir(dir.path())
        .run();
    assert_eq!(run.code, 0, "{}", run.stderr);
    let shown = block_after(&doc, "What `argmap migrate old.toml` prints:", "toml");
    assert_eq!(
        run.stdout, shown,
        "docs/map-format.md shows a stale migration"
    );

    std::fs::write(dir.path().join("new.toml"), shown).unwrap();
    let (code, codes, _) = check_json_with(dir.path(), "new.toml", &allow);
    assert_eq!((code, codes), (0, Vec::<String>::new()));
}

/// Every TOML block of the page is written in the format: its keys exist
/// and its values have their forms. A block without `[map]` is read after
/// a `[map]` table (what its references name is not its concern).
#[test]
fn every_reference_toml_block_is_in_the_format() {
    let doc = reference();
    let blocks: Vec<&str> = doc
        .split("```toml\n")
        .skip(1)
        .map(|b| b.split("```").next().unwrap())
        .collect();
    assert!(blocks.len() > 10, "found only {} TOML blocks", blocks.len());
    for block in blocks {
        // The project file's example: held to its own format.
        if block.starts_with("# argmap-project.toml\n") {
            let (_, found) = argmap::load::project::parse("argmap-project.toml", block.as_bytes());
            assert!(
                found.is_empty(),
                "in docs/map-format.md:\n{block}\n{found:#?}"
            );
            continue;
        }
        let map = if block.lines().any(|l| l.trim() == "[map]") {
            block.to_owned()
        } else {
            format!("[map]\ntitle = \"t\"\nversion = 2\n\n{block}")
        };
        let loaded = argmap::load::load("block.toml", map.as_bytes());
        let form: Vec<String> = loaded
            .diagnostics
            .iter()
            .filter(|d| {
                matches!(
                    d.code,
                    Code::TomlSyntax | Code::UnknownField | Code::InvalidValue | Code::MissingField
                )
            })
            .map(|d| format!("{}: {}", d.code, d.message))
            .collect();
        assert!(
            form.is_empty(),
            "in docs/map-format.md:\n{block}\n{form:#?}"
        );
    }
}

/// Each table's section lists exactly the keys the format declares, in
/// their order, and every top-level table has its section.
#[test]
fn the_reference_documents_every_key() {
    let doc = reference();
    let heading = |table: &str| match table {
        "`[map]`" => "## The `[map]` table".to_owned(),
        "`[limits]`" => "## The `[limits]` table".to_owned(),
        "citation" => "### Citations: `cites`".to_owned(),
        "anchor" => "### Anchors: `anchor`".to_owned(),
        item => format!("## The `[{item}s]` table"),
    };
    for (table, keys) in argmap::format::TABLES {
        if *table == "the map" {
            for key in *keys {
                section(&doc, &format!("## The `[{key}]` table"));
            }
            continue;
        }
        let rows = first_cells(section(&doc, &heading(table)));
        let documented: Vec<&str> = rows.iter().map(|(k, _)| *k).collect();
        assert_eq!(documented, *keys, "keys of {table} in docs/map-format.md");
        for (key, cells) in rows {
            assert_eq!(
                cells.len(),
                4,
                "row of `{key}` in {table}: key, type, default, meaning"
            );
        }
    }
}

/// The project file's section lists the keys the format declares for it.
#[test]
fn the_reference_documents_the_project_file() {
    let doc = reference();
    let rows = first_cells(section(&doc, "## The project file"));
    let documented: Vec<&str> = rows.iter().map(|(k, _)| *k).collect();
    assert_eq!(documented, argmap::format::ProjectFile::KEYS);
}

/// The table of codes lists every rule, in the registry's order, with its
/// default level.
#[test]
fn the_reference_lists_every_code_with_its_level() {
    let doc = reference();
    let rows = first_cells(section(&doc, "## Diagnostic codes"));
    let documented: Vec<(&str, &str)> = rows.iter().map(|(c, cells)| (*c, cells[1])).collect();
    let registry: Vec<(&str, String)> = argmap::rules::RULES
        .iter()
        .map(|r| (r.code.as_str(), r.default_level.to_string()))
        .collect();
    let registry: Vec<(&str, &str)> = registry.iter().map(|(c, l)| (*c, l.as_str())).collect();
    assert_eq!(documented, registry);
}

/// Every link to a heading of the page names one, as GitHub spells its
/// anchors.
#[test]
fn the_reference_links_name_its_headings() {
    let doc = reference();
    let slug = |heading: &str| -> String {
        heading
            .trim_start_matches('#')
            .trim()
            .to_lowercase()
            .chars()
            .filter_map(|c| match c {
                ' ' => Some('-'),
                c if c.is_alphanumeric() || c == '-' || c == '_' => Some(c),
                _ => None,
            })
            .collect()
    };
    let anchors: Vec<String> = doc
        .lines()
        .filter(|l| l.starts_with('#'))
        .map(slug)
        .collect();
    let links: Vec<&str> = doc
        .split("](#")
        .skip(1)
        .map(|s| s.split(')').next().unwrap())
        .collect();
    assert!(links.len() > 20, "found only {} links", links.len());
    for link in links {
        assert!(
            anchors.iter().any(|a| a == link),
            "no heading for `#{link}`"
        );
    }
}

/// CI runs the README's test command as written, after exporting
/// `ARGMAP_CI=1`, under which a test whose input is missing fails.
#[test]
fn ci_runs_the_test_command_of_the_readme() {
    let readme = readme();
    let blocks: Vec<&str> = readme
        .split("```sh\n")
        .skip(1)
        .filter_map(|b| b.split("\n```").next())
        .filter(|b| b.contains("cargo test"))
        .collect();
    let [command] = blocks[..] else {
        panic!("one test command in the README: {blocks:?}")
    };
    let ci = std::fs::read_to_string(".ci/run").unwrap();
    let lines: Vec<&str> = ci
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .collect();
    assert_eq!(
        lines.last(),
        Some(&command),
        ".ci/run ends with the README's test command"
    );
    let export = lines.iter().position(|l| *l == "export ARGMAP_CI=1");
    assert!(
        export.is_some_and(|i| i + 1 < lines.len()),
        ".ci/run exports ARGMAP_CI=1 before the test command"
    );
}
