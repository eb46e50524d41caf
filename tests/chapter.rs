//! The chapter's map (`maps/cpc-and-sovereignty.toml`): its key counts are
//! pinned so they cannot drop silently, it checks clean with the chapter
//! text, the committed diagrams, audit and README block are up to date
//! (regenerate them with `scripts/regenerate.sh`), and the README's full
//! audit runs as written. The chapter text is
//! copyrighted and not in this repository: a test that reads it is ignored
//! where it is missing, and fails under `ARGMAP_CI=1` (`tests/external`).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use std::process::ExitCode;

use argmap::english::count;

use argmap::diag::Levels;

mod common;
mod drafting;
mod external;

use common::{Run, between, run};
use external::trial;

fn main() -> ExitCode {
    external::run(vec![
        trial!(key_counts_are_pinned),
        trial!(url_dates_are_read_from_every_dated_url),
        trial!(map_checks_clean_with_the_chapter_text, needs ChapterText),
        trial!(committed_diagrams_are_up_to_date),
        trial!(committed_audit_and_readme_block_are_up_to_date, needs ChapterText),
        trial!(full_audit_block_runs_with_the_chapter_text, needs ChapterText),
        trial!(the_map_reproduces_no_more_of_the_chapter_than_it_may, needs ChapterText),
        trial!(argmap_figures_agree_with_copycheck, needs ChapterText, Copycheck),
        trial!(no_tracked_file_carries_more_of_the_chapter_than_a_map_may, needs ChapterText),
        trial!(the_copy_editors_faults_are_found_and_nothing_else, needs ChapterText),
        trial!(the_chapters_draft_checks_with_placeholders_only, needs ChapterText),
        trial!(a_missing_chapter_text_is_ignored_here_and_fails_in_ci),
    ])
}

const MAP: &str = "maps/cpc-and-sovereignty.toml";

fn key_counts_are_pinned() {
    let bytes = std::fs::read(MAP).unwrap();
    let checked = argmap::check::check(MAP, &bytes, &Levels::default());
    let map = checked.map.unwrap();
    let graph = checked.graph.unwrap();
    let mut per_section = Vec::new();
    for s in &map.sections {
        let claims: Vec<_> = map
            .claims
            .iter()
            .filter(|c| c.section.as_ref().map(|x| x.as_str()) == Some(s.id.as_str()))
            .collect();
        let cited = claims
            .iter()
            .filter(|c| {
                c.cites
                    .iter()
                    .any(|q| map.source(q.source.as_str()).is_some())
            })
            .count();
        let counterpoints = claims.iter().filter(|c| !c.attacks.is_empty()).count();
        let qualifications = claims.iter().filter(|c| !c.qualifies.is_empty()).count();
        let positions = claims.iter().filter(|c| !c.by.is_empty()).count();
        per_section.push(format!(
            "{}: {}, {cited} cited, {}, {}, {}",
            s.id.as_str(),
            count(claims.len(), "claim"),
            count(counterpoints, "counterpoint"),
            count(qualifications, "qualification"),
            count(positions, "reported position"),
        ));
    }
    assert!(
        map.claims.iter().all(|c| c.section.is_some()),
        "every claim has a section"
    );
    assert!(
        map.claims
            .iter()
            .all(|c| c.anchor.as_ref().is_some_and(|a| a.para.is_some())),
        "every claim locates its paragraph"
    );
    assert!(
        map.claims.iter().all(|c| c.attacks.is_empty()),
        "the chapter rebuts nothing: its counterpoints are concessions (`qualifies`)"
    );
    let summary = format!(
        "sections: {}\nclaims: {}\narguments: {}\nsources: {}\nactors: {}\nedges: {}\n{}",
        map.sections.len(),
        map.claims.len(),
        map.arguments.len(),
        map.sources.len(),
        map.actors.len(),
        graph.graph.edge_count(),
        per_section.join("\n")
    );
    insta::assert_snapshot!(summary);
}

fn map_checks_clean_with_the_chapter_text() {
    let text = external::chapter_text();
    let text = text.as_str();
    let Run { code, stderr, .. } = run(&[
        "check",
        "--quiet",
        MAP,
        "--text",
        &format!("lee-chapter={text}"),
    ]);
    assert_eq!(code, 0, "{stderr}");
    // Every anchor quote was checked and found.
    let json = run(&[
        "check",
        "--format",
        "json",
        MAP,
        "--text",
        &format!("lee-chapter={text}"),
    ])
    .stdout;
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    for d in v["diagnostics"].as_array().unwrap() {
        assert_ne!(d["code"], "quote-not-found", "{d}");
        assert_ne!(d["code"], "unreadable-text", "{d}");
        // Every body paragraph is anchored, each claim under its heading.
        assert_ne!(d["code"], "uncovered-paragraph", "{d}");
        assert_ne!(d["code"], "section-mismatch", "{d}");
        let msg = d["message"].as_str().unwrap();
        assert!(
            !(d["code"] == "unchecked-quotes" && msg.contains("lee-chapter")),
            "{d}"
        );
    }
    let coverage = &v["coverage"][0];
    assert_eq!(coverage["source"], "lee-chapter", "{coverage}");
    assert!(coverage["paragraphs"].as_u64().unwrap() > 0, "{coverage}");
    assert_eq!(coverage["anchored"], coverage["paragraphs"], "{coverage}");
}

/// The sources of `bytes` (the chapter's map, maybe changed) that
/// `url-date-mismatch` reports.
fn url_date_findings(bytes: &[u8]) -> Vec<String> {
    let checked = argmap::check::check(MAP, bytes, &Levels::default());
    let map = checked.map.unwrap();
    let mut found: Vec<String> = checked
        .report
        .diagnostics
        .iter()
        .filter(|d| d.code == "url-date-mismatch")
        .map(|d| {
            map.sources
                .iter()
                .find(|s| s.url.as_ref().is_some_and(|u| u.span == d.span))
                .map(|s| s.id.value.clone())
                .unwrap_or_else(|| panic!("not at a source's url: {d:?}"))
        })
        .collect();
    found.sort();
    found
}

/// `url-date-mismatch` on the chapter's sources: only `zhongyang2017`'s
/// URL contradicts its date (2017-09-15 against 2017-08-15). With every
/// `year` and `date` moved a year on, exactly the sources whose URLs carry
/// a date are reported, so the rule read each of them and found no date in
/// the others (ids such as `1036582` or `c_1126680390` are not dates).
fn url_dates_are_read_from_every_dated_url() {
    let text = std::fs::read_to_string(MAP).unwrap();
    assert_eq!(url_date_findings(text.as_bytes()), ["zhongyang2017"]);
    let moved: String = text
        .lines()
        .map(|line| {
            for key in ["year = ", "date = "] {
                if let Some(rest) = line.strip_prefix(key) {
                    let year: i64 = rest[..4].parse().unwrap();
                    return format!("{key}{}{}\n", year + 1, &rest[4..]);
                }
            }
            format!("{line}\n")
        })
        .collect();
    assert_ne!(moved, text);
    let dated = [
        "byler2021",
        "cac2016",
        "iiss2021",
        "mfa2017",
        "xi2020",
        "xie2020",
        "xinhua2014",
        "xinhua2015",
        "zhongyang2017",
    ];
    assert_eq!(url_date_findings(moved.as_bytes()), dated);
}

/// The views `scripts/regenerate.sh` draws: (file stem suffix, extra args).
fn views() -> Vec<(String, Vec<String>)> {
    let bytes = std::fs::read(MAP).unwrap();
    let map = argmap::check::check(MAP, &bytes, &Levels::default())
        .map
        .unwrap();
    let mut v = vec![
        (String::new(), vec![]),
        (
            "--thesis".to_owned(),
            vec![
                "--focus".into(),
                "thesis".into(),
                "--depth".into(),
                "2".into(),
            ],
        ),
        (
            "--by-actor".to_owned(),
            vec!["--color-by".into(), "actor".into()],
        ),
    ];
    for s in &map.sections {
        v.push((
            format!("--{}", s.id.as_str()),
            vec!["--section".into(), s.id.value.clone()],
        ));
    }
    v
}

fn committed_diagrams_are_up_to_date() {
    let mut expected = Vec::new();
    for (suffix, extra) in views() {
        let file = format!("rendered/cpc-and-sovereignty{suffix}.dot");
        let mut args = vec!["render", MAP, "-o", "-"];
        args.extend(extra.iter().map(String::as_str));
        let Run {
            code,
            stdout: dot,
            stderr,
            ..
        } = run(&args);
        assert_eq!(code, 0, "{stderr}");
        let committed = std::fs::read_to_string(&file)
            .unwrap_or_else(|_| panic!("{file} is missing: run scripts/regenerate.sh"));
        assert!(
            committed == dot,
            "{file} is stale: run scripts/regenerate.sh"
        );
        expected.push(file);
    }
    // The overview comes from `--split`, whose section files must be the
    // `--section` views committed above.
    let dir = tempfile::tempdir().unwrap();
    let split = dir.path().join("parts");
    let Run { code, stderr, .. } = run(&["render", MAP, "--split", "-o", split.to_str().unwrap()]);
    assert_eq!(code, 0, "{stderr}");
    for entry in std::fs::read_dir(&split).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        if name == "index.html" {
            // Links the split's own file names: not committed.
            continue;
        }
        let file = format!("rendered/cpc-and-sovereignty--{name}");
        let committed = std::fs::read_to_string(&file)
            .unwrap_or_else(|_| panic!("{file} is missing: run scripts/regenerate.sh"));
        assert!(
            committed == std::fs::read_to_string(&path).unwrap(),
            "{file} differs from `render --split`: run scripts/regenerate.sh"
        );
    }
    expected.push("rendered/cpc-and-sovereignty--overview.dot".to_owned());
    let mut present: Vec<String> = std::fs::read_dir("rendered")
        .unwrap()
        .filter_map(|e| e.ok())
        .map(|e| format!("rendered/{}", e.file_name().to_string_lossy()))
        .filter(|f| f.ends_with(".dot"))
        .collect();
    present.sort();
    expected.sort();
    assert_eq!(
        present, expected,
        "rendered/ holds DOT files no view produces"
    );
}

fn committed_audit_and_readme_block_are_up_to_date() {
    let text = external::chapter_text();
    let text_arg = format!("lee-chapter={text}");
    let Run {
        code,
        stdout: audit,
        stderr,
        ..
    } = run(&[
        "report",
        MAP,
        "--text",
        &text_arg,
        "--diagram",
        "cpc-and-sovereignty.svg",
    ]);
    assert_eq!(code, 0, "{stderr}");
    let committed = std::fs::read_to_string("rendered/cpc-and-sovereignty-audit.md").unwrap();
    assert!(
        committed == audit,
        "rendered/cpc-and-sovereignty-audit.md is stale: run scripts/regenerate.sh"
    );
    let block = run(&[
        "report",
        MAP,
        "--text",
        &text_arg,
        "--heading-level",
        "3",
        "--diagram",
        "rendered/cpc-and-sovereignty.svg",
    ])
    .stdout;
    let readme = std::fs::read_to_string("README.md").unwrap();
    let start = readme.find("<!-- audit:start -->\n").unwrap() + "<!-- audit:start -->\n".len();
    let end = readme.find("<!-- audit:end -->").unwrap();
    assert!(
        readme[start..end] == block,
        "the README's audit block is stale: run scripts/regenerate.sh"
    );
}

/// The README's second block, the full audit with the chapter's text, runs
/// as written (the report into a temporary folder instead of `audit.md`,
/// the chapter text from `ARGMAP_CHAPTER_TEXT` when that is set).
fn full_audit_block_runs_with_the_chapter_text() {
    let readme = std::fs::read_to_string("README.md").unwrap();
    let block = between(
        &readme,
        "```sh\ncargo run --release -- check maps/cpc-and-sovereignty.toml --all",
        "```",
    );
    let block = format!("cargo run --release -- check maps/cpc-and-sovereignty.toml --all{block}");
    let commands: Vec<Vec<String>> = block
        .replace("\\\n", " ")
        .lines()
        .map(|l| {
            l.strip_prefix("cargo run --release -- ")
                .unwrap_or_else(|| panic!("not a `cargo run` line: {l}"))
                .split_whitespace()
                .map(str::to_owned)
                .collect()
        })
        .collect();
    assert_eq!(commands.len(), 2, "{block}");
    // The README names the chapter text where CI keeps it.
    let text = external::chapter_text();
    let commands: Vec<Vec<String>> = commands
        .into_iter()
        .map(|args| {
            args.into_iter()
                .map(|a| a.replace(external::CHAPTER_TEXT, &text))
                .collect()
        })
        .collect();
    assert!(
        commands[0].iter().any(|a| a.ends_with(&format!("={text}"))),
        "the README's check names the chapter text: {:?}",
        commands[0]
    );
    let check = common::argmap(&commands[0]).run();
    assert_eq!(check.code, 0, "{}", check.stderr);
    assert!(
        check
            .stderr
            .contains(&format!("text `lee-chapter` ({text}")),
        "{}",
        check.stderr
    );
    assert!(
        check.stderr.contains("warning[uncited-claim]"),
        "--all prints each finding"
    );
    let dir = tempfile::tempdir().unwrap();
    let audit = dir.path().join("audit.md");
    let report: Vec<String> = commands[1]
        .iter()
        .map(|a| {
            if a == "audit.md" {
                audit.display().to_string()
            } else {
                a.clone()
            }
        })
        .collect();
    assert!(report.contains(&audit.display().to_string()), "{report:?}");
    let run = common::argmap(&report).run();
    assert_eq!(run.code, 0, "{}", run.stderr);
    let written = std::fs::read_to_string(&audit).unwrap();
    assert!(
        written.starts_with("# Audit: The CPC and Sovereignty"),
        "{written}"
    );
}

/// The chapter's copy figures as `argmap check --format json` prints them.
fn figures(text: &str) -> serde_json::Value {
    let Run {
        stdout: json,
        stderr,
        ..
    } = run(&[
        "check",
        "--format",
        "json",
        MAP,
        "--text",
        &format!("lee-chapter={text}"),
    ]);
    let v: serde_json::Value =
        serde_json::from_str(&json).unwrap_or_else(|e| panic!("{e}\n{stderr}"));
    let texts = v["texts"].as_array().unwrap();
    assert_eq!(texts.len(), 1, "one text read: {texts:?}");
    texts[0].clone()
}

/// The map stands in its own words: argmap's own figures, with the limits
/// the issue set (quotes of at most 6 words and under 10% of the body; runs
/// of 8+ words shared with the body under 2% of it, of 6+ under 10%; no
/// `copied-text`), and the map's `[limits]` say so too, so that `check`
/// itself fails when the map drifts.
fn the_map_reproduces_no_more_of_the_chapter_than_it_may() {
    let text = external::chapter_text();
    let f = figures(&text);
    assert!(f["quoted_percent"].as_f64().unwrap() < 10.0, "{f}");
    assert!(f["covered_8_percent"].as_f64().unwrap() < 2.0, "{f}");
    assert!(f["covered_6_percent"].as_f64().unwrap() < 10.0, "{f}");
    let bytes = std::fs::read(MAP).unwrap();
    let map = argmap::check::check(MAP, &bytes, &Levels::default())
        .map
        .unwrap();
    assert_eq!(map.limits.quote_words(), 6, "the map's own quote limit");
    assert!(map.limits.quote_share() <= 10.0);
    for c in &map.claims {
        for q in c
            .anchor
            .iter()
            .filter_map(|a| a.quote.as_ref())
            .chain(c.cites.iter().filter_map(|q| q.quote.as_ref()))
        {
            let n = argmap::quote::shared::count_words(&q.value);
            assert!(n <= 6, "{}: a quote of {n} words", c.id.value);
        }
    }
}

/// `copycheck.py` percentages: "covered by verbatim runs >= N words: W (P%)".
fn copycheck(text: &str, n: usize) -> (usize, f64) {
    let out = std::process::Command::new("python3")
        .args([external::COPYCHECK, MAP, text, &n.to_string()])
        .output()
        .expect("python3 runs copycheck.py");
    let line = String::from_utf8_lossy(&out.stdout).into_owned();
    assert!(out.status.success(), "{line}");
    let quote_words = line
        .strip_prefix("quote words ")
        .and_then(|r| r.split(';').next())
        .and_then(|n| n.trim().parse().ok())
        .unwrap_or_else(|| panic!("unreadable: {line}"));
    let pct = line
        .split('(')
        .nth(1)
        .and_then(|r| r.split('%').next())
        .and_then(|p| p.parse().ok())
        .unwrap_or_else(|| panic!("unreadable: {line}"));
    (quote_words, pct)
}

/// `shared/tools/copycheck.py` is the referee: argmap's figures on the
/// chapter agree with it within one percentage point.
fn argmap_figures_agree_with_copycheck() {
    let text = external::chapter_text();
    let f = figures(&text);
    let words = f["words"].as_f64().unwrap();
    let (quote_words, p8) = copycheck(&text, 8);
    let (_, p6) = copycheck(&text, 6);
    let ours = |k: &str| f[k].as_f64().unwrap();
    assert!(
        (ours("covered_8_percent") - p8).abs() <= 1.0,
        "8+: {f} vs {p8}%"
    );
    assert!(
        (ours("covered_6_percent") - p6).abs() <= 1.0,
        "6+: {f} vs {p6}%"
    );
    let their_share = quote_words as f64 * 100.0 / words;
    assert!(
        (ours("quoted_percent") - their_share).abs() <= 1.0,
        "quoted: {f} vs {quote_words} words"
    );
}

/// No tracked file carries more of the chapter than the map may: every
/// text file in git (the README, `rendered/`, `docs/`, tests, fixtures and
/// snapshots, the map with its comments) is measured as one string against
/// the chapter's body, as `copycheck.py` measures a map.
fn no_tracked_file_carries_more_of_the_chapter_than_a_map_may() {
    use argmap::quote::normalize::normalize_long;
    use argmap::quote::shared::{SharedIndex, covered};
    let text = external::chapter_text();
    let chapter = std::fs::read_to_string(&text).unwrap();
    let doc = argmap::document::Document::read(&chapter);
    let index = SharedIndex::new(&normalize_long(&chapter), doc.body_end, 6);
    let out = std::process::Command::new("git")
        .args(["ls-files", "-z"])
        .output()
        .expect("git ls-files");
    assert!(
        out.status.success(),
        "git ls-files failed: run the tests in a git checkout"
    );
    let files: Vec<String> = String::from_utf8_lossy(&out.stdout)
        .split('\0')
        .filter(|f| !f.is_empty())
        .map(str::to_owned)
        .collect();
    assert!(files.len() > 100, "git lists only {} files", files.len());
    let mut measured = 0;
    let mut worst = Vec::new();
    for f in &files {
        let Ok(content) = std::fs::read_to_string(f) else {
            continue; // binary (PNG, a fuzz corpus file) or removed in the work tree
        };
        measured += 1;
        let runs = index.runs(&index.encode(&content), 6);
        let share = |min: usize| {
            let c = covered(
                runs.iter()
                    .filter(|r| r.len >= min)
                    .map(|r| (r.text_word, r.len)),
            );
            c as f64 * 100.0 / index.len() as f64
        };
        let (p8, p6) = (share(8), share(6));
        if p8 >= 2.0 || p6 >= 10.0 {
            worst.push(format!("{f}: runs of 8+ cover {p8:.1}%, of 6+ {p6:.1}%"));
        }
    }
    assert!(measured > 100);
    assert!(
        worst.is_empty(),
        "files that copy the chapter:\n{}",
        worst.join("\n")
    );
}

/// `argmap draft` on the chapter, checked with its text: no error but one
/// `placeholder-text` per claim, every paragraph of the body anchored once,
/// each claim citing what its paragraph cites. Only counts and codes are
/// pinned: the draft holds the chapter's headings and reference list,
/// which stay out of the repository.
fn the_chapters_draft_checks_with_placeholders_only() {
    let text = external::chapter_text();
    let d = drafting::draft_beside(std::path::Path::new(&text));
    let found = drafting::codes(&d.map, &[]);
    let v: toml::Table = d.toml.parse().unwrap();
    let claims = v["claims"].as_table().unwrap();
    assert_eq!(
        drafting::errors(&found),
        std::collections::BTreeMap::from([("placeholder-text", claims.len())])
    );
    assert_eq!(drafting::assert_agrees_with_check(&d.map), claims.len());
    let cited = claims.values().filter(|c| c.get("cites").is_some()).count();
    let mut summary = format!(
        "sections: {}\nsources: {} and the document\nclaims: {}, {cited} citing a source\nfindings:\n",
        v["sections"].as_table().unwrap().len(),
        v["sources"].as_table().unwrap().len() - 1,
        claims.len(),
    );
    for ((code, severity), n) in &found {
        summary.push_str(&format!("  {code} ({severity}): {n}\n"));
    }
    insta::assert_snapshot!(summary);
}

/// The mechanism itself: the chapter text hidden (`ARGMAP_CHAPTER_TEXT`
/// names a file that is not there), a test that needs it is reported
/// ignored here and fails under `ARGMAP_CI=1`.
fn a_missing_chapter_text_is_ignored_here_and_fails_in_ci() {
    let dir = tempfile::tempdir().unwrap();
    let gone = dir.path().join("no-chapter.txt");
    let gone = gone.to_str().unwrap();
    external::assert_missing_input_is_loud(
        "map_checks_clean_with_the_chapter_text",
        &[(external::CHAPTER_TEXT_VAR, Some(gone))],
        &format!("the chapter text is not at {gone}"),
    );
}

/// A fault a copy-editor marks in the chapter's citations and reference
/// list, and the findings that show it (code, words of the message).
struct Fault {
    what: &'static str,
    findings: &'static [(&'static str, &'static str)],
}

/// The oracle: the faults found by a close reading of the chapter's
/// reference list against its text (December 2026). Each must be found;
/// no other finding of the codes below may appear (every other entry,
/// citation, date, dash, title and romanisation was read and is right).
///
/// Faults a copy-editor would also mark that argmap does not look for:
/// the period after Webster's title where the other entries have a comma;
/// double quotation marks nested in the Xinhua 2015 translation; *SSRN*
/// not in italics; `zhan lüe` split where `zhanlüe` is written elsewhere;
/// the capitals of `Shenru Guanche` in an otherwise lower-case romanised
/// title; the stray blank line inside the list; `[IISS]` defined in the
/// list but never used in the text.
const FAULTS: &[Fault] = &[
    Fault {
        what: "Von Carnap et al.: the entry has no year, the text cites 2020",
        findings: &[
            ("source-missing-field", "`von-carnap2020`"),
            ("cited-as-mismatch", "`von-carnap2020`"),
        ],
    },
    Fault {
        what: "China MFA 2017: the URL carries a browser text fragment",
        findings: &[("text-fragment-url", "`mfa2017`")],
    },
    Fault {
        what: "Galloway and He 2014: the URL has no scheme",
        findings: &[("invalid-url", "`galloway2014`")],
    },
    Fault {
        what: "Zhongyang 2017: dated 15 Aug., but its URL is dated 2017-09-15",
        findings: &[("url-date-mismatch", "`zhongyang2017`")],
    },
    Fault {
        what: "Xie Ruikun 谢瑞鵠: 鵠 cannot be read `kun`, and it is a traditional character among simplified ones",
        findings: &[
            ("romanisation-mismatch", "`xie2020`"),
            ("traditional-character", "`xie2020`"),
        ],
    },
    Fault {
        what: "the 2016 strategy's title: 国家 is `guojia`, romanised `Zhongguo`",
        findings: &[("romanisation-mismatch", "`cac2016`")],
    },
    Fault {
        what: "Zhongyang 2017's author: `lunxue xuexi zongxinzu` for 理论学习中心组 (an extra `xue`, `zong` for 中)",
        findings: &[(
            "romanisation-mismatch",
            "`authors` of source `zhongyang2017`",
        )],
    },
    Fault {
        what: "Zhongyang 2017's title: 扎实 is `zhashi`, romanised `tashi`",
        findings: &[("romanisation-mismatch", "`title` of source `zhongyang2017`")],
    },
    Fault {
        what: "Creemers 2018 cited for what Xi said in 2016",
        findings: &[("year-before-source", "`Creemers 2018`")],
    },
    Fault {
        what: "the text's title of the 2017 strategy differs from the entry's",
        findings: &[("title-mismatch", "`China Ministry of Foreign Affairs 2017`")],
    },
    Fault {
        what: "URLs in two styles: eight bare, the rest in angle brackets",
        findings: &[
            ("url-style", "`China Ministry of Foreign Affairs 2017`"),
            ("url-style", "`Galloway 2014`"),
            ("url-style", "`Guojia hulianwang xinxi bangongshi 2016`"),
            ("url-style", "`Xi 2020`"),
            ("url-style", "`Xie 2020`"),
            ("url-style", "`Xinhua 2014`"),
            ("url-style", "`Xinhua 2015`"),
            (
                "url-style",
                "`Zhongyang wangxin banli lunxue xuexi zongxinzu 2017`",
            ),
        ],
    },
    Fault {
        what: "the access date 8 August 2022 also written 8 Aug. 2022",
        findings: &[
            ("date-style", "`China Ministry of Foreign Affairs 2017`"),
            ("date-style", "`Guojia hulianwang xinxi bangongshi 2016`"),
            ("date-style", "`Lee 2020`"),
            ("date-style", "`Xinhua 2014`"),
            ("date-style", "`Xinhua 2015`"),
        ],
    },
    Fault {
        what: "Webster et al. 2022: `et al.` in a reference entry",
        findings: &[("et-al-in-entry", "`Webster 2022`")],
    },
    Fault {
        what: "three-author works cited two ways (Von Carnap et al.; Xie, Xie and Zhang)",
        findings: &[("short-form-inconsistent", "`Von Carnap et al. 2020`")],
    },
    Fault {
        what: "an organisation cited by the first word of its name (Zhongyang)",
        findings: &[("short-form-inconsistent", "`Zhongyang 2017`")],
    },
];

/// The codes the oracle covers: those of the report's bibliography and
/// document sections (findings about citations, the reference list and
/// the map against its document).
fn oracle_codes() -> Vec<&'static str> {
    argmap::report::BIBLIOGRAPHY_CODES
        .iter()
        .chain(argmap::report::DOCUMENT_CODES)
        .map(|c| c.as_str())
        .collect()
}

fn the_copy_editors_faults_are_found_and_nothing_else() {
    let text = external::chapter_text();
    let json = run(&[
        "check",
        "--format",
        "json",
        MAP,
        "--text",
        &format!("lee-chapter={text}"),
    ])
    .stdout;
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    let mut found: Vec<(String, String)> = v["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            (
                d["code"].as_str().unwrap().to_owned(),
                d["message"].as_str().unwrap().to_owned(),
            )
        })
        .filter(|(code, _)| oracle_codes().contains(&code.as_str()))
        .collect();
    for fault in FAULTS {
        for (code, needle) in fault.findings {
            let at = found
                .iter()
                .position(|(c, m)| c == code && m.contains(needle));
            let Some(at) = at else {
                panic!("not found: {} ({code} naming {needle})", fault.what);
            };
            found.remove(at);
        }
    }
    assert!(
        found.is_empty(),
        "findings no copy-editor marked (false alarms): {found:#?}"
    );
}
