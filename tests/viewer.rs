//! `argmap view`: the page as written (its Content-Security-Policy, its
//! data escaped, the fallback without Graphviz), and the page at work in a
//! real headless Chromium, driven by `tests/browser/viewer.mjs` (Node.js
//! and puppeteer-core): selecting by click and by keyboard, the details
//! panel, search, filters, deep links and history, no console error, and
//! a hostile map that runs no script. Without Graphviz or Chromium a test
//! is reported ignored, and fails under `ARGMAP_CI=1` (`.ci/run` installs
//! both; see `tests/external/mod.rs`).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode, Stdio};

use base64::Engine;
use sha2::{Digest, Sha256};

mod common;
mod external;

use external::trial;

fn main() -> ExitCode {
    external::run(vec![
        trial!(the_page_allows_only_its_own_script_and_style),
        trial!(map_text_cannot_close_the_data_script, needs Graphviz),
        trial!(without_graphviz_the_page_says_so_and_keeps_the_lists),
        trial!(the_committed_chapter_viewer_is_current_and_under_a_megabyte),
        trial!(the_chapter_viewer_works_in_chromium, needs Graphviz, Chromium),
        trial!(hostile_maps_run_no_script_in_chromium, needs Graphviz, Chromium),
        trial!(the_viewer_without_a_diagram_works_in_chromium, needs Chromium),
        trial!(a_map_past_the_node_cap_is_laid_out_in_parts_in_chromium, needs Graphviz, Chromium),
        trial!(a_filtered_view_says_what_it_does_not_draw_in_chromium, needs Graphviz, Chromium),
        trial!(the_report_policy_allows_the_viewer_and_nothing_else, needs Graphviz),
        trial!(the_report_shows_the_viewer_in_chromium, needs Graphviz, Chromium),
        trial!(a_missing_chromium_is_ignored_here_and_fails_in_ci),
    ])
}

/// The repository's path of `rel`, absolute.
fn repo(rel: &str) -> PathBuf {
    std::env::current_dir().unwrap().join(rel)
}

/// Writes the viewer of `map` into `dir` as `name`, with `env`; returns
/// its path and the run's stderr.
fn view(dir: &Path, map: &str, name: &str, env: &[(&str, &str)]) -> (PathBuf, String) {
    run_into(dir, &["view"], map, name, env)
}

/// Runs `argmap ARGS MAP -o DIR/NAME` with `env`; returns the output's path
/// and the run's stderr.
fn run_into(
    dir: &Path,
    args: &[&str],
    map: &str,
    name: &str,
    env: &[(&str, &str)],
) -> (PathBuf, String) {
    let out = dir.join(name);
    let mut argv: Vec<&std::ffi::OsStr> = args.iter().map(|a| a.as_ref()).collect();
    let map = repo(map);
    argv.extend([map.as_os_str(), "-o".as_ref(), out.as_os_str()]);
    let run = common::argmap(argv).current_dir(dir).envs(env).run();
    assert_eq!(run.code, 0, "{}", run.stderr);
    (out, run.stderr)
}

/// The contents of every `<script ...>` element of `html`, with its
/// opening tag.
fn scripts(html: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut rest = html;
    while let Some(at) = rest.find("<script") {
        let open_end = at + rest[at..].find('>').unwrap() + 1;
        let close = open_end + rest[open_end..].find("</script>").unwrap();
        out.push((
            rest[at..open_end].to_owned(),
            rest[open_end..close].to_owned(),
        ));
        rest = &rest[close..];
    }
    out
}

fn sha256(text: &str) -> String {
    base64::engine::general_purpose::STANDARD.encode(Sha256::digest(text.as_bytes()))
}

/// The policy in the page's `<meta http-equiv>`.
fn policy(html: &str) -> String {
    let key = "http-equiv=\"Content-Security-Policy\" content=\"";
    let at = html.find(key).expect("the page has a CSP") + key.len();
    html[at..at + html[at..].find('"').unwrap()].to_owned()
}

fn the_page_allows_only_its_own_script_and_style() {
    let dir = tempfile::tempdir().unwrap();
    // No Graphviz needed: the page without its diagram has the same policy.
    let (out, _) = view(
        dir.path(),
        "examples/phones.toml",
        "phones.html",
        &[("ARGMAP_DOT", "/no/such/dot")],
    );
    let html = std::fs::read_to_string(out).unwrap();
    let csp = policy(&html);
    assert!(csp.starts_with("default-src 'none';"), "{csp}");
    assert!(!csp.contains("unsafe") && !csp.contains("http"), "{csp}");
    let scripts = scripts(&html);
    assert_eq!(scripts.len(), 2, "the data and the script, nothing else");
    assert_eq!(
        scripts[0].0,
        "<script id=\"argmap-data\" type=\"application/json\">"
    );
    assert_eq!(scripts[1].0, "<script>");
    assert_eq!(
        csp.split("script-src ")
            .nth(1)
            .unwrap()
            .split(';')
            .next()
            .unwrap(),
        format!("'sha256-{}'", sha256(&scripts[1].1)),
        "the policy names the script by its hash"
    );
    let style_at = html.find("<style>").unwrap() + "<style>".len();
    let style = &html[style_at..style_at + html[style_at..].find("</style>").unwrap()];
    assert!(
        csp.contains(&format!("style-src 'sha256-{}'", sha256(style))),
        "{csp}"
    );
    for remote in [
        "src=\"http",
        "href=\"http",
        "src=\"//",
        "@import",
        "url(http",
    ] {
        assert!(!html.contains(remote), "a remote load: {remote}");
    }
}

fn map_text_cannot_close_the_data_script() {
    let dir = tempfile::tempdir().unwrap();
    let (out, _) = view(
        dir.path(),
        "tests/fixtures/viewer/hostile.toml",
        "hostile.html",
        &[],
    );
    let html = std::fs::read_to_string(out).unwrap();
    let scripts = scripts(&html);
    assert_eq!(scripts.len(), 2, "no script from the map");
    let json = &scripts[0].1;
    assert!(
        !json.contains('<') && !json.contains('>'),
        "no markup in the data"
    );
    let data: serde_json::Value = serde_json::from_str(json).unwrap();
    let text = data["claims"][0]["text"].as_str().unwrap();
    assert!(
        text.starts_with("<script>window.__pwned='claim'</script>"),
        "the text as written: {text}"
    );
    assert!(
        data["title"]
            .as_str()
            .unwrap()
            .starts_with("</title><script>")
    );
    // The SVG escapes the map's text: none of its tags is in the page.
    for tag in [
        "<script>window",
        "<img src=x",
        "<iframe",
        "<b onmouseover",
        "<p onclick",
        "<svg onload",
    ] {
        assert!(!html.contains(tag), "{tag} is in the page");
    }
}

fn without_graphviz_the_page_says_so_and_keeps_the_lists() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(repo("examples/phones.toml"), dir.path().join("phones.toml")).unwrap();
    let run = common::argmap(["view", "phones.toml", "-o", "phones.html"])
        .current_dir(dir.path())
        .env("ARGMAP_DOT", "/no/such/dot")
        .run();
    assert_eq!(run.code, 0, "{}", run.stderr);
    insta::assert_snapshot!("view_without_graphviz", run.stderr);
    let html = std::fs::read_to_string(dir.path().join("phones.html")).unwrap();
    assert!(!html.contains("<svg"), "no diagram");
    assert!(
        html.contains("<p id=\"no-diagram\" role=\"alert\">No diagram: the Graphviz program `/no/such/dot` was not found</p>"),
        "the page says why"
    );
    assert!(html.contains("\"id\":\"ban\""), "the data is there");
}

fn the_committed_chapter_viewer_is_current_and_under_a_megabyte() {
    let path = "rendered/cpc-and-sovereignty-viewer.html";
    let html = std::fs::read_to_string(path).expect("scripts/regenerate.sh writes it");
    assert!(html.len() < 1_000_000, "{path} is {} bytes", html.len());
    assert!(html.contains("<svg"), "{path} has the diagram");
    let scripts = scripts(&html);
    assert!(
        scripts[1].1 == argmap::viewer::SCRIPT,
        "{path} has another script than viewer.js: run scripts/regenerate.sh"
    );
    assert_eq!(
        policy(&html),
        argmap::viewer::csp(),
        "run scripts/regenerate.sh"
    );
}

/// Runs `viewer.mjs MODE FILE` and fails with its lines unless every
/// check passed.
fn chromium(mode: &str, file: &Path) {
    let out = Command::new("node")
        .arg("viewer.mjs")
        .arg(mode)
        .arg(file)
        .current_dir(external::BROWSER_TESTS)
        .env("CHROMIUM", external::chromium())
        .stdin(Stdio::null())
        .output()
        .expect("node runs");
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        out.status.success() && !stdout.contains("FAIL") && stdout.lines().count() >= 5,
        "{mode} {}:\n{stdout}\n{stderr}",
        file.display()
    );
}

fn the_chapter_viewer_works_in_chromium() {
    let dir = tempfile::tempdir().unwrap();
    let (out, _) = view(
        dir.path(),
        "maps/cpc-and-sovereignty.toml",
        "chapter.html",
        &[],
    );
    chromium("interact", &out);
}

fn hostile_maps_run_no_script_in_chromium() {
    let dir = tempfile::tempdir().unwrap();
    for (i, map) in [
        "tests/fixtures/viewer/hostile.toml",
        "tests/fixtures/render/nasty.toml",
        "tests/corpus/hostile-markup.toml",
    ]
    .iter()
    .enumerate()
    {
        let (out, _) = view(dir.path(), map, &format!("hostile-{i}.html"), &[]);
        chromium("hostile", &out);
    }
}

fn the_viewer_without_a_diagram_works_in_chromium() {
    let dir = tempfile::tempdir().unwrap();
    let (out, _) = view(
        dir.path(),
        "tests/fixtures/viewer/hostile.toml",
        "no-diagram.html",
        &[("ARGMAP_DOT", "/no/such/dot")],
    );
    chromium("hostile", &out);
}

/// A map of `n` claims in `sections` sections, each claim supporting an
/// earlier one of its section (every seventh attacking it), each citing
/// the one source.
fn big_map(n: usize, sections: usize) -> String {
    let mut out = String::from("[map]\ntitle = \"Big\"\nthesis = \"c0\"\n\n");
    for s in 0..sections {
        out.push_str(&format!("[sections.s{s}]\ntitle = \"Part {s}\"\n\n"));
    }
    out.push_str("[sources.src]\ntitle = \"A source\"\nauthors = [\"Doe, Jane\"]\nyear = 2020\n\n");
    let per = n / sections;
    for i in 0..n {
        let s = i / per;
        out.push_str(&format!(
            "[claims.c{i}]\ntext = \"Claim {i} about topic {}\"\nsection = \"s{s}\"\n",
            i % 97
        ));
        if i % 3 != 0 {
            out.push_str(&format!(
                "cites = [{{ source = \"src\", at = \"p. {}\" }}]\n",
                i % 300 + 1
            ));
        }
        if i % per != 0 {
            let to = s * per + (i % per) / 2;
            let rel = if i % 7 == 0 { "attacks" } else { "supports" };
            out.push_str(&format!("{rel} = [\"c{to}\"]\n"));
        }
        out.push('\n');
    }
    out
}

fn a_map_past_the_node_cap_is_laid_out_in_parts_in_chromium() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("big.toml"), big_map(2_100, 3)).unwrap();
    let run = common::argmap(["view", "big.toml", "-o", "big.html"])
        .current_dir(dir.path())
        .run();
    assert_eq!(run.code, 0, "{}", run.stderr);
    insta::assert_snapshot!("view_in_parts", run.stderr);
    chromium("split", &dir.path().join("big.html"));
}

fn a_filtered_view_says_what_it_does_not_draw_in_chromium() {
    let dir = tempfile::tempdir().unwrap();
    let (out, _) = run_into(
        dir.path(),
        &["view", "--actor", "engineer", "--direction", "LR"],
        "examples/bridge.toml",
        "engineer.html",
        &[],
    );
    let html = std::fs::read_to_string(&out).unwrap();
    assert!(
        html.contains("held by County engineer"),
        "the diagram says whose claims it draws"
    );
    assert!(
        html.contains("rankdir") || html.contains("<svg"),
        "a diagram"
    );
    chromium("filtered", &out);
}

/// The report's frame and the policy that lets the viewer run in it.
fn the_report_policy_allows_the_viewer_and_nothing_else() {
    let dir = tempfile::tempdir().unwrap();
    let (out, _) = run_into(
        dir.path(),
        &["report"],
        "examples/bridge.toml",
        "audit.html",
        &[],
    );
    let html = std::fs::read_to_string(out).unwrap();
    let csp = policy(&html);
    assert!(csp.starts_with("default-src 'none';"), "{csp}");
    assert!(!csp.contains("unsafe") && !csp.contains("http"), "{csp}");
    let style_at = html.find("<style>").unwrap() + "<style>".len();
    let style = &html[style_at..style_at + html[style_at..].find("</style>").unwrap()];
    assert!(
        csp.contains(&format!("script-src {};", argmap::viewer::script_source())),
        "only the viewer's script: {csp}"
    );
    assert!(
        csp.contains(&format!(
            "style-src 'sha256-{}' {};",
            sha256(style),
            argmap::viewer::style_source()
        )),
        "the report's and the viewer's style sheets: {csp}"
    );
    assert!(scripts(&html).is_empty(), "the report itself has no script");
    assert_eq!(html.matches("<iframe").count(), 1, "one frame");
    assert!(
        html.contains("<iframe class=\"viewer\" sandbox=\"allow-scripts\" title=\"Interactive diagram of Should the Mill Lane bridge be rebuilt?\" srcdoc=\"&lt;!DOCTYPE html&gt;"),
        "a sandboxed frame that may run scripts and nothing more, its page escaped"
    );
    let no_diagram = run_into(
        dir.path(),
        &["report", "--no-diagram"],
        "examples/bridge.toml",
        "plain.html",
        &[],
    );
    let plain = std::fs::read_to_string(no_diagram.0).unwrap();
    assert!(!plain.contains("<iframe") && !policy(&plain).contains("script-src"));
}

fn the_report_shows_the_viewer_in_chromium() {
    let dir = tempfile::tempdir().unwrap();
    for (i, map) in ["examples/bridge.toml", "tests/fixtures/viewer/hostile.toml"]
        .iter()
        .enumerate()
    {
        let (out, _) = run_into(
            dir.path(),
            &["report"],
            map,
            &format!("report-{i}.html"),
            &[],
        );
        chromium("report", &out);
    }
}

fn a_missing_chromium_is_ignored_here_and_fails_in_ci() {
    external::assert_missing_input_is_loud(
        "the_viewer_without_a_diagram_works_in_chromium",
        &[(external::CHROMIUM_VAR, Some("/no/such/chromium"))],
        "Chromium does not run at /no/such/chromium",
    );
}
