//! Sources from bibliography files (`[map] bibliography`): a map whose
//! sources live in a `.bib`, a CSL-JSON and a Hayagriva YAML file checks
//! like one with `[sources]`; findings about an entry point into its file
//! in every output format; the four bibliography exports, and round trips
//! through them: a map's sources written out and read back are the same.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use argmap::diag::FileReport;
use argmap::diag::render::{github, human, json};
use argmap::export::Format;
use argmap::model::{Map, Source, SourceKind};

mod common;

const MAP: &str = "tests/fixtures/bibliography/map.toml";
const BROKEN: &str = "tests/fixtures/bibliography/broken.toml";

fn checked(path: &str) -> argmap::check::Checked {
    let bytes = std::fs::read(path).unwrap();
    argmap::check::check_with(path, &bytes, &Default::default())
}

fn source<'m>(map: &'m Map, id: &str) -> &'m Source {
    let i = map.source(id).unwrap_or_else(|| panic!("no source `{id}`"));
    &map.sources[i]
}

fn text(v: &Option<argmap::model::Sp<String>>) -> Option<&str> {
    v.as_ref().map(|s| s.as_str())
}

fn authors(s: &Source) -> Vec<&str> {
    s.authors
        .iter()
        .flat_map(|a| &a.value)
        .map(|a| a.as_str())
        .collect()
}

#[test]
fn a_map_with_three_bibliography_files_checks_clean() {
    let c = checked(MAP);
    assert_eq!(c.report.diagnostics, vec![]);
    let map = c.map.unwrap();
    let ids: Vec<&str> = map.sources.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "iiss2021",
            "lee:2023.cpc",
            "broeders2015",
            "DBLP:books/ox/Segal20",
            "cac2016",
            "http://zotero.org/users/local/kH2bQ7tV/items/8RXJ4Q2M",
            "xinhua2021",
            "zhang2020",
            "osei2019",
        ]
    );
    // BibLaTeX: an `@string`, a braced word, a date; the table's fields
    // added.
    let lee = source(&map, "lee:2023.cpc");
    assert_eq!(text(&lee.title), Some("The CPC and the Digital State"));
    assert_eq!(authors(lee), ["Lee, Ann", "Okafor, Ada"]);
    assert_eq!(text(&lee.publisher), Some("Polity Press"));
    assert_eq!(
        lee.date.as_ref().unwrap().value,
        jiff::civil::date(2023, 6, 1)
    );
    assert_eq!(text(&lee.isbn), Some("978-0-306-40615-7"));
    assert_eq!(text(&lee.cited_as), Some("Lee and Okafor 2023"));
    assert_eq!(text(&lee.note), Some("The book the chapter draws on"));
    let from = lee.from.as_ref().unwrap();
    assert!(from.table.is_some());
    assert_eq!(
        map.bibliographies[from.file].path,
        "tests/fixtures/bibliography/refs.bib"
    );
    let segal = source(&map, "DBLP:books/ox/Segal20");
    assert_eq!(segal.kind.as_ref().unwrap().value, SourceKind::Chapter);
    assert_eq!(
        text(&segal.container),
        Some("The Oxford Handbook of Cyber Security")
    );
    assert_eq!(segal.year.as_ref().unwrap().value, 2020);
    let cac = source(&map, "cac2016");
    assert_eq!(authors(cac), ["Cyberspace Administration of China"]);
    assert_eq!(cac.kind.as_ref().unwrap().value, SourceKind::Web);
    assert_eq!(
        cac.accessed.as_ref().unwrap().value,
        jiff::civil::date(2024, 5, 2)
    );
    // CSL-JSON as Zotero exports it: years as strings, a literal name, the
    // citation key over the item's URI.
    let xinhua = source(&map, "xinhua2021");
    assert_eq!(xinhua.kind.as_ref().unwrap().value, SourceKind::News);
    assert_eq!(authors(xinhua), ["Xinhua"]);
    assert_eq!(
        xinhua.date.as_ref().unwrap().value,
        jiff::civil::date(2021, 6, 10)
    );
    let wang = source(
        &map,
        "http://zotero.org/users/local/kH2bQ7tV/items/8RXJ4Q2M",
    );
    assert_eq!(text(&wang.container), Some("Policy & Internet"));
    assert_eq!(text(&wang.doi), Some("10.5555/poi3.2022.297"));
    assert_eq!(
        (text(&wang.volume), text(&wang.issue), text(&wang.pages)),
        (Some("14"), Some("2"), Some("312-330"))
    );
    let broeders = source(&map, "broeders2015");
    assert_eq!(text(&broeders.pages), Some("160–175"));
    // Hayagriva: a parent as the container, a month without a day.
    let osei = source(&map, "osei2019");
    assert_eq!(text(&osei.container), Some("Governing the Digital Commons"));
    let zhang = source(&map, "zhang2020");
    assert_eq!(zhang.year.as_ref().unwrap().value, 2020);
    assert_eq!(authors(zhang), ["Zhang, Wei", "Müller, Eva"]);
}

/// Every finding's place, as `file:line:column`, in file order.
fn places(report: &FileReport) -> Vec<String> {
    report
        .diagnostics
        .iter()
        .map(|d| {
            let (file, span) = report.locate(&d.span);
            let (line, column) = file.line_col(span.start);
            format!("{}:{line}:{column} {}", file.name, d.code)
        })
        .collect()
}

#[test]
fn findings_about_entries_point_into_their_files() {
    let c = checked(BROKEN);
    let places = places(&c.report);
    for expected in [
        "tests/fixtures/bibliography/broken.bib:5:9 invalid-doi",
        "tests/fixtures/bibliography/broken.bib:6:10 invalid-isbn",
        "tests/fixtures/bibliography/broken.bib:11:3 unreadable-bibliography",
        "tests/fixtures/bibliography/broken.bib:15:7 source-missing-field",
        "tests/fixtures/bibliography/broken.bib:17:10 invalid-value",
        "tests/fixtures/bibliography/broken.bib:20:7 duplicate-id",
        "tests/fixtures/bibliography/broken.json:2:144 invalid-doi",
        "tests/fixtures/bibliography/broken.json:3:3 missing-field",
        "tests/fixtures/bibliography/broken.json:4:47 invalid-value",
        "tests/fixtures/bibliography/broken.yaml:6:1 invalid-value",
        "tests/fixtures/bibliography/broken.toml:6:9 source-field-conflict",
    ] {
        assert!(
            places.contains(&expected.to_owned()),
            "no {expected} in {places:#?}"
        );
    }
    // No fix is offered in a bibliography file: a fix is TOML.
    let in_files = c
        .report
        .diagnostics
        .iter()
        .filter(|d| !std::ptr::eq(c.report.locate(&d.span).0, &c.report.file));
    assert!(in_files.clone().count() > 10);
    assert!(in_files.flat_map(|d| &d.suggestions).next().is_none());
    let reports = [c.report];
    insta::assert_snapshot!("broken-human", human::render(&reports, false, false));
    insta::assert_snapshot!("broken-json", json::render(&reports));
    insta::assert_snapshot!("broken-github", github::render(&reports, true));
}

#[test]
fn sarif_locations_name_the_bibliography_file() {
    let c = checked(BROKEN);
    let log = argmap::diag::render::sarif::render(
        &[c.report],
        &argmap::rules::sarif_rules(),
        argmap::diag::render::sarif::ToolInfo::argmap(),
    );
    let log: serde_json::Value = serde_json::from_str(&log).unwrap();
    let results = log["runs"][0]["results"].as_array().unwrap();
    let conflict = results
        .iter()
        .find(|r| r["ruleId"] == "source-field-conflict")
        .unwrap();
    let uri = |l: &serde_json::Value| {
        l["physicalLocation"]["artifactLocation"]["uri"]
            .as_str()
            .unwrap()
            .to_owned()
    };
    assert_eq!(
        uri(&conflict["locations"][0]),
        "tests/fixtures/bibliography/broken.toml"
    );
    assert_eq!(
        uri(&conflict["relatedLocations"][0]),
        "tests/fixtures/bibliography/broken.bib"
    );
    assert_eq!(
        conflict["relatedLocations"][0]["physicalLocation"]["region"]["startLine"],
        26
    );
}

fn export(path: &str, format: Format) -> String {
    let c = checked(path);
    let (map, graph) = (c.map.unwrap(), c.graph.unwrap());
    argmap::export::export(&map, &graph.resolved, format)
}

#[test]
fn the_sources_of_the_fixture_export_to_each_format() {
    insta::assert_snapshot!("map-bibtex", export(MAP, Format::Bibtex));
    insta::assert_snapshot!("map-biblatex", export(MAP, Format::Biblatex));
    insta::assert_snapshot!("map-csl-json", export(MAP, Format::CslJson));
    insta::assert_snapshot!("map-ris", export(MAP, Format::Ris).replace("\r\n", "\n"));
    let ris = export(MAP, Format::Ris);
    let lines: Vec<&str> = ris.split_inclusive('\n').collect();
    assert!(lines.len() > 40);
    assert!(
        lines.iter().all(|l| l.ends_with("\r\n")),
        "RIS lines end in CR LF"
    );
}

/// A map whose sources cover every kind and every field the formats share.
const SOURCES: &str = r#"[map]
title = "Every kind of source"

[sources.book]
title = "A Book of Bridges"
authors = ["Okafor, Ada", "von Neumann, John", "County Council"]
date = 2020-05-17
kind = "book"
publisher = "Riverside Press"
isbn = "978-0-306-40615-7"
note = "Second printing"

[sources."ch:2019.piers"]
title = "Piers & Spans: 100% of the Load"
authors = ["Li, Bo"]
year = 2019
kind = "chapter"
container = "Handbook of Bridges"
pages = "84-102"
publisher = "Oxford University Press"
doi = "10.5555/hb.2019.3"

[sources.article]
title = "Load limits on rural roads"
authors = ["Smith, Ann"]
year = 2023
kind = "article"
container = "Journal of Roads"
volume = 14
issue = "3"
pages = "312-330"
doi = "10.5555/jr.2023.7"
url = "https://example.org/jr/2023/7"
accessed = 2024-05-02

[sources.news]
title = "Bridge to close in May"
authors = ["Riverside Gazette"]
date = 2024-04-02
kind = "news"
container = "Riverside Gazette"

[sources.report]
title = "Mill Street Bridge: Inspection Report"
authors = ["County Council"]
date = 2024-03-01
kind = "report"
publisher = "County Council"
url = "https://example.org/bridge.pdf"

[sources.web]
title = "River crossings fund"
authors = ["Department for Transport"]
year = 2023
kind = "web"
url = "https://example.org/fund"
accessed = 2024-02-01

[sources.speech]
title = "Opening the new bridge"
authors = ["Mayor, Mo"]
year = 2025
kind = "speech"

[sources.law]
title = "Bridges Act"
authors = ["Parliament"]
year = 1990
kind = "law"

[sources.data]
title = "Traffic counts 2023"
authors = ["County Council"]
year = 2023
kind = "dataset"
url = "https://example.org/counts.csv"

[sources.misc]
title = "A leaflet"
authors = ["Residents of Mill Street"]
year = 2022
kind = "other"

[claims.rebuild]
text = "The bridge should be rebuilt"
cites = ["book", "ch:2019.piers", "article", "news", "report", "web", "speech", "law", "data", "misc"]
"#;

/// Every field of a source that a bibliography format holds, as text.
fn fields(s: &Source) -> Vec<(&'static str, String)> {
    let t = |v: &Option<argmap::model::Sp<String>>| v.as_ref().map(|s| s.value.clone());
    let mut out = vec![
        ("id", Some(s.id.value.clone())),
        ("title", t(&s.title)),
        ("authors", s.authors.as_ref().map(|_| authors(s).join("; "))),
        ("year", s.year().map(|y| y.to_string())),
        ("date", s.date.as_ref().map(|d| d.value.to_string())),
        ("kind", s.kind.as_ref().map(|k| k.value.name().to_owned())),
        ("container", t(&s.container)),
        ("volume", t(&s.volume)),
        ("issue", t(&s.issue)),
        ("pages", t(&s.pages)),
        ("publisher", t(&s.publisher)),
        ("url", t(&s.url)),
        ("doi", t(&s.doi)),
        ("isbn", t(&s.isbn)),
        ("accessed", s.accessed.as_ref().map(|d| d.value.to_string())),
        ("note", t(&s.note)),
    ];
    out.retain(|(_, v)| v.is_some());
    out.into_iter()
        .map(|(k, v)| (k, v.unwrap_or_default()))
        .collect()
}

#[test]
fn sources_written_as_a_bibliography_read_back_the_same() {
    let written = argmap::check::check("m.toml", SOURCES.as_bytes(), &Default::default());
    assert_eq!(written.report.diagnostics, vec![]);
    let (map, graph) = (written.map.unwrap(), written.graph.unwrap());
    for (format, file) in [
        (Format::Biblatex, "sources.bib"),
        (Format::Bibtex, "sources.bib"),
        (Format::CslJson, "sources.json"),
    ] {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join(file),
            argmap::export::export(&map, &graph.resolved, format),
        )
        .unwrap();
        let claims = SOURCES.split("[claims.rebuild]").nth(1).unwrap();
        let reader = format!(
            "[map]\ntitle = \"Every kind of source\"\nbibliography = [\"{file}\"]\n\n[claims.rebuild]{claims}"
        );
        let path = dir.path().join("m.toml");
        std::fs::write(&path, &reader).unwrap();
        let read = checked(path.to_str().unwrap());
        assert_eq!(read.report.diagnostics, vec![], "{format:?}");
        let back = read.map.unwrap();
        assert_eq!(back.sources.len(), map.sources.len(), "{format:?}");
        for s in &map.sources {
            let mut expected = fields(s);
            // What the format has no place for.
            let lost = matches!(
                (format, s.kind.as_ref().map(|k| k.value)),
                (Format::Bibtex, Some(SourceKind::Web | SourceKind::Dataset))
                    | (
                        Format::Bibtex | Format::Biblatex,
                        Some(SourceKind::Speech | SourceKind::Law)
                    )
            );
            if lost {
                for (k, v) in &mut expected {
                    if *k == "kind" {
                        *v = "other".to_owned();
                    }
                }
            }
            assert_eq!(
                fields(source(&back, s.id.as_str())),
                expected,
                "{format:?}, source `{}`",
                s.id.value
            );
        }
    }
}

#[test]
fn a_bibliography_key_with_colons_and_dots_goes_through_every_command() {
    // check, render (with the sources drawn) and export --to json.
    let check = common::run(&["check", MAP]);
    assert_eq!(check.code, 0, "{}", check.stderr);
    let dot = common::run(&["render", MAP, "--sources", "-o", "-"]);
    assert_eq!(dot.code, 0, "{}", dot.stderr);
    assert!(
        dot.stdout.contains("tooltip=\"source lee:2023.cpc: "),
        "{}",
        dot.stdout
    );
    assert!(
        dot.stdout
            .contains("tooltip=\"source DBLP:books/ox/Segal20: ")
    );
    let json = common::run(&["export", MAP, "--to", "json"]);
    assert_eq!(json.code, 0, "{}", json.stderr);
    let v: serde_json::Value = serde_json::from_str(&json.stdout).unwrap();
    let ids: Vec<&str> = v["sources"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["id"].as_str().unwrap())
        .collect();
    assert!(ids.contains(&"lee:2023.cpc"));
    assert_eq!(v["map"]["bibliography"][0], "refs.bib");
    let cites: Vec<&str> = v["claims"][0]["cites"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["source"].as_str().unwrap())
        .collect();
    assert_eq!(cites, ["lee:2023.cpc", "DBLP:books/ox/Segal20"]);
}

#[test]
fn the_report_lists_every_source_formatted_with_its_claims_and_findings() {
    for style in ["chicago-author-date", "apa"] {
        let md = common::run(&["report", MAP, "--style", style]);
        assert_eq!(md.code, 0, "{}", md.stderr);
        let bibliography = md
            .stdout
            .split("## Bibliography")
            .nth(1)
            .unwrap()
            .split("\n## ")
            .next()
            .unwrap()
            .to_owned();
        insta::assert_snapshot!(format!("report-{style}"), bibliography);
    }
    let broken = common::run(&["report", BROKEN]);
    let bibliography = broken.stdout.split("## Bibliography").nth(1).unwrap();
    assert!(
        bibliography
            .contains("— `good2020`, cited by `a`; findings: `invalid-doi`, `invalid-isbn`\n"),
        "{bibliography}"
    );
    let html = common::run(&["report", MAP, "--format", "html", "--no-diagram"]);
    assert_eq!(html.code, 0, "{}", html.stderr);
    assert!(html.stdout.contains(
        "<em>The CPC and the Digital State</em>. Polity Press. — <code>lee:2023.cpc</code>, cited by <code>sovereignty</code>"
    ));
    for (style, shown) in [
        ("chicago", "chicago-like"),
        ("apaa", "apa-typo"),
        ("nope", "none"),
    ] {
        let unknown = common::run(&["report", MAP, "--style", style]);
        assert_eq!(unknown.code, 2);
        insta::assert_snapshot!(format!("report-unknown-style-{shown}"), unknown.stderr);
    }
}

/// Hostile bibliography files: deep nesting, an alias bomb, garbage, a
/// file of malformed entries. Each is read in bounded time, without a
/// panic, and what cannot be read is a finding.
#[test]
fn hostile_bibliography_files_are_findings_in_bounded_time() {
    let dir = tempfile::tempdir().unwrap();
    let many_bad: String = (0..20_000)
        .map(|i| format!("@article{{k{i},\n  title = {{T {i}}}\n  year = {{2020}},\n}}\n"))
        .collect();
    let bomb = "a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]\ne: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]\nf: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e]\ng: &g [*f, *f, *f, *f, *f, *f, *f, *f, *f]\nh: &h [*g, *g, *g, *g, *g, *g, *g, *g, *g]\n";
    let files: [(&str, String); 7] = [
        (
            "braces.bib",
            format!(
                "@book{{a, title = {}x{}}}\n",
                "{".repeat(100_000),
                "}".repeat(100_000)
            ),
        ),
        (
            "unclosed.bib",
            format!("@book{{a, title = {}", "{".repeat(100_000)),
        ),
        ("many.bib", many_bad),
        ("garbage.bib", "@@@ {{ ,,, }} = = @x{".repeat(10_000)),
        (
            "deep.json",
            format!("{}{}", "[".repeat(100_000), "]".repeat(100_000)),
        ),
        ("bomb.yaml", bomb.to_owned()),
        ("scalar.yaml", "just a string\n".to_owned()),
    ];
    for (name, text) in &files {
        std::fs::write(dir.path().join(name), text).unwrap();
        std::fs::write(
            dir.path().join("m.toml"),
            format!("[map]\ntitle = \"t\"\nbibliography = [\"{name}\"]\n"),
        )
        .unwrap();
        let run = common::argmap(["check", "m.toml", "-q"])
            .current_dir(dir.path())
            .time_limit(std::time::Duration::from_secs(20))
            .run();
        assert_eq!(run.code, 1, "{name}: {}", run.stderr);
        assert!(
            run.took < std::time::Duration::from_secs(10),
            "{name}: {:?}",
            run.took
        );
        assert!(!run.stderr.contains("panicked"), "{name}: {}", run.stderr);
        assert!(
            run.stderr.contains("error[unreadable-bibliography]")
                || run.stderr.contains("error[invalid-value]"),
            "{name}: {}",
            run.stderr
        );
    }
}

/// Files another tool wrote: pandoc 2.17's BibLaTeX and BibTeX of the
/// fixture's sources (from argmap's CSL-JSON export), and its CSL-JSON of
/// `refs.bib` (see `pandoc/README.md`). Each reads with no finding but
/// `unused-source` (no claim cites them), and gives back each source's
/// authors (but organisations through pandoc's BibTeX, below) and year,
/// and through BibTeX and BibLaTeX its title.
#[test]
fn bibliography_files_written_by_pandoc_read_back_the_same_sources() {
    let original = checked(MAP);
    let original = original.map.as_ref().unwrap();
    let from_refs_bib = [
        "lee:2023.cpc",
        "broeders2015",
        "DBLP:books/ox/Segal20",
        "cac2016",
    ];
    for (name, ids, titles) in [
        ("biblatex", None, true),
        ("bibtex", None, true),
        ("csl", Some(&from_refs_bib[..]), false),
    ] {
        let path = format!("tests/fixtures/bibliography/pandoc/{name}.toml");
        let c = checked(&path);
        let others: Vec<String> = c
            .report
            .diagnostics
            .iter()
            .filter(|d| d.code.as_str() != "unused-source")
            .map(|d| format!("{}: {}", d.code.as_str(), d.message))
            .collect();
        assert!(others.is_empty(), "{path}: {others:#?}");
        let map = c.map.as_ref().unwrap();
        let wanted: Vec<&str> = match ids {
            Some(ids) => ids.to_vec(),
            None => original.sources.iter().map(|s| s.id.as_str()).collect(),
        };
        assert_eq!(map.sources.len(), wanted.len(), "{path}");
        for id in wanted {
            let (a, b) = (source(original, id), source(map, id));
            // pandoc 2.17 writes an organisation (CSL's `literal` name,
            // which argmap's export gives it) without the braces that keep
            // it whole in BibTeX, and BibTeX reads `International Institute
            // for Strategic Studies` as a person, as argmap does: only
            // persons' names are compared through BibTeX and BibLaTeX.
            let organisation = authors(a)
                .iter()
                .any(|n| !n.contains(',') && n.contains(' '));
            if titles && organisation {
                assert_eq!(
                    authors(a).len(),
                    authors(b).len(),
                    "{path}: authors of `{id}`"
                );
            } else {
                assert_eq!(authors(a), authors(b), "{path}: authors of `{id}`");
            }
            assert_eq!(a.year(), b.year(), "{path}: year of `{id}`");
            if titles {
                // pandoc writes typographic apostrophes.
                let plain = |t: Option<&str>| t.map(|t| t.replace('\u{2019}', "'"));
                assert_eq!(
                    plain(text(&a.title)),
                    plain(text(&b.title)),
                    "{path}: title of `{id}`"
                );
            }
        }
    }
}
