//! `argmap report`: the audit in Markdown and HTML, and that no markup from
//! a map reaches the page.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

/// `argmap report ARGS`, with no Graphviz (`ARGMAP_DOT` names none): exit
/// code, stdout and stderr.
fn report(args: &[&str]) -> (i32, String, String) {
    let run = common::argmap(["report"])
        .args(args)
        .env("ARGMAP_DOT", "/nonexistent/dot")
        .run();
    (run.code, run.stdout, run.stderr)
}

#[test]
fn markdown_audit_of_a_small_map() {
    let (code, md, stderr) = report(&["tests/fixtures/report/bridge.toml"]);
    assert_eq!(code, 0, "{stderr}");
    insta::assert_snapshot!(md);
}

#[test]
fn html_audit_of_a_small_map() {
    let (code, html, _) = report(&[
        "tests/fixtures/report/bridge.toml",
        "--format",
        "html",
        "--no-diagram",
    ]);
    assert_eq!(code, 0);
    insta::assert_snapshot!(html);
}

#[test]
fn heading_level_shifts_every_heading() {
    let (_, md, _) = report(&["tests/fixtures/report/bridge.toml", "--heading-level", "3"]);
    assert!(md.starts_with("### Audit: "));
    assert!(md.contains("\n#### Bibliography\n"));
    assert!(md.contains("\n##### Safety\n"));
    assert!(
        !md.lines()
            .any(|l| l.starts_with("# ") || l.starts_with("## "))
    );
}

#[test]
fn html_has_no_markup_from_the_map() {
    let (code, html, _) = report(&["tests/fixtures/report/hostile.toml", "--format", "html"]);
    assert_eq!(code, 0);
    assert!(!html.contains("<script"), "{html}");
    assert!(!html.contains("<img src=x"), "{html}");
    assert!(!html.contains("<b>bold"), "{html}");
    assert!(!html.contains("<i>title"), "{html}");
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(html.contains("Content-Security-Policy"));
}

#[test]
fn markdown_has_no_markup_from_the_map() {
    let (code, md, _) = report(&["tests/fixtures/report/hostile.toml"]);
    assert_eq!(code, 0);
    assert!(!md.contains("<script"), "{md}");
    assert!(!md.contains("<img"), "{md}");
    assert!(!md.contains("](javascript"), "{md}");
    assert!(md.contains("\\[click\\]\\(javascript:alert\\(1\\)\\)"));
    // The newline in claim `b` stays inside its list item.
    assert!(!md.lines().any(|l| l.starts_with("second line")));
    insta::assert_snapshot!(md);
}

#[test]
fn report_writes_a_file_atomically_and_never_over_the_map() {
    let dir = std::env::temp_dir().join(format!("argmap-report-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let map = dir.join("m.toml");
    std::fs::copy("tests/fixtures/report/hostile.toml", &map).unwrap();
    let before = std::fs::read(&map).unwrap();
    let (code, _, stderr) = report(&[map.to_str().unwrap(), "-o", map.to_str().unwrap()]);
    assert_eq!(code, 2);
    assert!(
        stderr.contains("refusing to write over the input map"),
        "{stderr}"
    );
    assert_eq!(std::fs::read(&map).unwrap(), before, "the map is unchanged");
    let out = dir.join("audit.md");
    let (code, _, _) = report(&[map.to_str().unwrap(), "-o", out.to_str().unwrap()]);
    assert_eq!(code, 0);
    assert!(std::fs::read_to_string(&out).unwrap().contains("Audit: "));
    let leftovers: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().ends_with(".tmp"))
        .collect();
    assert!(leftovers.is_empty());
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn report_never_writes_over_a_source_text_it_read() {
    let dir = std::env::temp_dir().join(format!("argmap-report-text-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::copy("tests/fixtures/report/bridge.toml", dir.join("bridge.toml")).unwrap();
    std::fs::copy(
        "tests/fixtures/report/inspection.txt",
        dir.join("inspection.txt"),
    )
    .unwrap();
    let before = std::fs::read(dir.join("inspection.txt")).unwrap();
    let map = dir.join("bridge.toml");
    // Through the map's `text` key, and through `--text`.
    for extra in [
        vec![],
        vec![
            "--text".to_owned(),
            format!("council2024={}", dir.join("inspection.txt").display()),
        ],
    ] {
        let mut args = vec![
            map.to_str().unwrap().to_owned(),
            "-o".into(),
            dir.join("inspection.txt").display().to_string(),
        ];
        args.extend(extra);
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let (code, _, stderr) = report(&args);
        assert_eq!(code, 2, "{stderr}");
        assert!(
            stderr.contains("refusing to write over the source text"),
            "{stderr}"
        );
    }
    assert_eq!(std::fs::read(dir.join("inspection.txt")).unwrap(), before);
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn the_extension_of_the_output_picks_the_format_unless_format_is_given() {
    let dir = tempfile::tempdir().unwrap();
    let out = |name: &str| dir.path().join(name).to_str().unwrap().to_owned();
    let map = "tests/fixtures/report/bridge.toml";
    for (file, extra, html) in [
        ("a.html", &[][..], true),
        ("b.HTM", &[][..], true),
        ("c.md", &[][..], false),
        ("d.txt", &[][..], false),
        ("e.html", &["--format", "md"][..], false),
        ("f.md", &["--format", "html"][..], true),
    ] {
        let path = out(file);
        let mut args = vec![map, "--no-diagram", "-o", &path];
        args.extend_from_slice(extra);
        let (code, _, stderr) = report(&args);
        assert_eq!(code, 0, "{stderr}");
        let page = std::fs::read_to_string(&path).unwrap();
        assert_eq!(
            page.starts_with("<!DOCTYPE html>"),
            html,
            "{file} {extra:?}"
        );
        assert_eq!(page.starts_with("# Audit"), !html, "{file} {extra:?}");
    }
}

/// The part of `page` from `start` to the next `end` after it.
fn part<'p>(page: &'p str, start: &str, end: &str) -> &'p str {
    let from = page
        .find(start)
        .unwrap_or_else(|| panic!("no {start:?} in {page}"));
    let rest = &page[from + start.len()..];
    let to = rest
        .find(end)
        .map_or(page.len(), |i| from + start.len() + i);
    &page[from..to]
}

/// The "Document" section: the share of the body's paragraphs anchored,
/// the uncovered ones heading by heading, then the findings of each
/// document code under its summary, in Markdown and in HTML.
#[test]
fn document_section_shows_coverage_and_findings_by_code() {
    let (code, md, stderr) = report(&["tests/fixtures/report/harbour.toml"]);
    assert_eq!(code, 0, "{stderr}");
    let md = part(&md, "## Document\n", "\n## ");
    assert!(md.contains("| Findings | `findings` | 3 | 1 |"), "{md}");
    insta::assert_snapshot!("document_section_markdown", md);
    let (code, html, stderr) = report(&[
        "tests/fixtures/report/harbour.toml",
        "--format",
        "html",
        "--no-diagram",
    ]);
    assert_eq!(code, 0, "{stderr}");
    let html = part(&html, "<h2>Document</h2>", "<h2>");
    assert!(html.contains("<code>section-mismatch</code>"), "{html}");
    insta::assert_snapshot!("document_section_html", html);
}

/// Without the document's text, or without a `document`, the section
/// says that the map was not checked against it, and why.
#[test]
fn document_section_says_why_it_was_not_checked() {
    for (map, why) in [
        (
            "tests/fixtures/rules/unchecked-quotes.toml",
            "Not checked: the document's text was not supplied.",
        ),
        (
            "tests/fixtures/report/hostile.toml",
            "Not checked: the map names no `document`.",
        ),
    ] {
        let (_, md, stderr) = report(&[map]);
        let section = part(&md, "## Document\n", "\n## ");
        assert_eq!(section, format!("## Document\n\n{why}\n"), "{stderr}");
        let (_, html, _) = report(&[map, "--format", "html", "--no-diagram"]);
        let section = part(&html, "<h2>Document</h2>", "<h2>");
        assert!(section.contains("Not checked: "), "{section}");
        assert!(!section.contains("<table>"), "{section}");
    }
}
