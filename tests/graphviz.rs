//! The tests that run Graphviz for real: any map text laid out as SVG
//! without markup from the map, `render -o map.svg`, and the diagram the
//! HTML report embeds. Without `dot` on PATH each is reported ignored, and
//! fails under `ARGMAP_CI=1` (see `tests/external/mod.rs`); the tests of
//! the command line around Graphviz, with scripts standing in for it, are
//! in `tests/render.rs`, `tests/split.rs` and `tests/robustness.rs`.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use std::path::Path;
use std::process::{Command, ExitCode, Stdio};

use argmap::diag::Levels;
use argmap::render::page::Page;
use argmap::render::pdf::{PageFacts, Sheet, booklet, measure};
use argmap::render::text::WORD_JOINER;
use argmap::render::{Options, to_dot};

mod common;
mod external;
mod markup;

use external::trial;
use markup::HOSTILE;

fn main() -> ExitCode {
    external::run(vec![
        trial!(any_text_renders_as_svg_without_markup_from_the_map, needs Graphviz),
        trial!(render_writes_svg_with_real_dot, needs Graphviz),
        trial!(the_starter_map_of_init_draws_as_svg, needs Graphviz),
        trial!(svg_has_no_script_or_handler_from_the_map, needs Graphviz),
        trial!(html_report_embeds_the_diagram_without_markup_from_the_map, needs Graphviz),
        trial!(a_missing_graphviz_is_ignored_here_and_fails_in_ci),
        trial!(measure_reads_the_font_sizes_dot_set, needs Graphviz),
        trial!(a_small_diagram_is_one_page_at_most_natural_size, needs Graphviz),
        trial!(a_huge_diagram_is_tiled_on_a4_with_no_text_below_7_pt, needs Graphviz),
        trial!(several_sheets_make_one_pdf_in_order_with_footers_and_bookmarks, needs Graphviz),
        trial!(render_page_prints_on_pages_of_that_size_and_no_smaller_text, needs Graphviz),
        trial!(render_page_options_orient_and_size_the_pages, needs Graphviz),
        trial!(the_whole_chapter_on_a4_is_a_booklet_of_its_sections, needs Graphviz),
        trial!(split_as_pdf_writes_a_booklet_beside_the_diagrams, needs Graphviz),
        trial!(chinese_titles_print_in_a_cjk_font_from_the_theme_s_list, needs Graphviz),
    ])
}

/// A map whose every text tries to break DOT, HTML labels or SVG.
const NASTY: &str = include_str!("fixtures/render/nasty.toml");

fn any_text_renders_as_svg_without_markup_from_the_map() {
    let checked = argmap::check::check("map.toml", NASTY.as_bytes(), &Levels::default());
    let (map, graph) = (checked.map.unwrap(), checked.graph.unwrap());
    let dot = to_dot(&map, &graph, &Options::default()).unwrap();
    let out = Command::new("dot")
        .arg("-Tsvg")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .and_then(|mut child| {
            use std::io::Write;
            child.stdin.take().unwrap().write_all(dot.as_bytes())?;
            child.wait_with_output()
        })
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "dot failed: {stderr}");
    assert!(!stderr.contains("Error"), "{stderr}");
    let svg = String::from_utf8(out.stdout).unwrap();
    assert!(svg.contains("</svg>"));
    // Every tag is Graphviz's own: no element or attribute from map text.
    for segment in svg.split('<').skip(1) {
        let tag = &segment[..segment.find('>').expect("tag closed")];
        let name = tag.split_whitespace().next().unwrap_or("");
        assert!(
            !["script", "b", "img", "i", "br"].contains(&name),
            "<{tag}>"
        );
        // Attribute names, with the (escaped) attribute values left out.
        let names: String = tag.split('"').step_by(2).collect();
        assert!(
            !names.contains(" onload") && !names.contains(" onclick"),
            "<{tag}>"
        );
    }
    assert!(!svg.contains("<script"));
    // The texts are there, escaped for XML; the invisible word joiners
    // keep backslashes from starting escape sequences.
    let svg = svg.replace(WORD_JOINER, "");
    assert!(svg.contains("&lt;b&gt;bold&lt;/b&gt; &amp;amp;"));
    assert!(svg.contains("She said &quot;stop&quot; \\ then left \\"));
    assert!(svg.contains("\\N \\G \\E \\T \\H \\L \\l \\n \\r \\\\ \\&quot;"));
    assert!(svg.contains("国家网络空间安全战略"));
}

/// `argmap render map.toml -o map.svg` runs Graphviz and writes the SVG,
/// and nothing else, silently.
fn render_writes_svg_with_real_dot() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(
        "tests/fixtures/render/everything.toml",
        dir.path().join("map.toml"),
    )
    .unwrap();
    let out = common::argmap(["render", "map.toml", "-o", "map.svg", "--sources"])
        .current_dir(dir.path())
        .run();
    assert_eq!(
        (out.code, out.stdout.as_str(), out.stderr.as_str()),
        (0, "", "")
    );
    let svg = std::fs::read_to_string(dir.path().join("map.svg")).unwrap();
    assert!(svg.starts_with("<?xml"));
    assert!(svg.contains("<svg"));
    assert!(svg.trim_end().ends_with("</svg>"));
    assert!(svg.contains("The bridge should be rebuilt"));
    assert!(svg.contains("xlink:title="));
    let mut files: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    files.sort();
    assert_eq!(files, ["map.svg", "map.toml"]);
}

/// `argmap init`, then `argmap render`: the starter map draws, every
/// claim and the argument's label in it, with no warning from Graphviz.
fn the_starter_map_of_init_draws_as_svg() {
    let dir = tempfile::tempdir().unwrap();
    let init = common::argmap(["init"]).current_dir(dir.path()).run();
    assert_eq!(init.code, 0, "{}", init.stderr);
    let out = common::argmap(["render", "map.toml", "-o", "map.svg"])
        .current_dir(dir.path())
        .run();
    assert_eq!(
        (out.code, out.stdout.as_str(), out.stderr.as_str()),
        (0, "", "")
    );
    let svg = std::fs::read_to_string(dir.path().join("map.svg")).unwrap();
    assert!(svg.trim_end().ends_with("</svg>"));
    let checked = argmap::check::check(
        "map.toml",
        argmap::starter::TEMPLATE.as_bytes(),
        &Levels::default(),
    );
    let map = checked.map.unwrap();
    for claim in &map.claims {
        let text = claim.text.as_ref().unwrap();
        // Labels are wrapped: each word is drawn.
        for word in text.value.split_whitespace() {
            assert!(
                svg.contains(word),
                "`{word}` of `{}` not drawn",
                claim.id.value
            );
        }
    }
    assert!(svg.contains("Readers can only come when they"));
}

fn svg_has_no_script_or_handler_from_the_map() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("h.svg");
    let run = common::argmap([
        "render",
        HOSTILE,
        "-o",
        out.to_str().unwrap(),
        "--sources",
        "--status",
    ])
    .run();
    assert_eq!(run.code, 0, "{}", run.stderr);
    markup::assert_svg_has_no_markup_from_the_map(&std::fs::read_to_string(&out).unwrap());
}

/// The HTML report embeds the viewer as the `srcdoc` of a sandboxed frame:
/// the page in it has no markup from the map either, in its diagram or
/// anywhere else, and runs only the viewer's script.
fn html_report_embeds_the_diagram_without_markup_from_the_map() {
    let run = common::argmap(["report", HOSTILE, "--format", "html"]).run();
    assert_eq!(run.code, 0, "{}", run.stderr);
    let prefix = "sandbox=\"allow-scripts\"";
    let at = run.stdout.find(prefix).expect("the viewer is embedded");
    let key = "srcdoc=\"";
    let start = at + run.stdout[at..].find(key).unwrap() + key.len();
    let end = start + run.stdout[start..].find('"').unwrap();
    // An attribute value as maud escapes it.
    let page = run.stdout[start..end]
        .replace("&quot;", "\"")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&");
    assert_eq!(
        page.matches("<script").count(),
        2,
        "the data and the viewer"
    );
    assert!(page.contains(argmap::viewer::SCRIPT), "the viewer's script");
    let svg_at = page.find("<svg").expect("the diagram");
    let svg_end = svg_at + page[svg_at..].find("</svg>").unwrap() + "</svg>".len();
    markup::assert_svg_has_no_markup_from_the_map(&page[svg_at..svg_end]);
}

/// The mechanism itself: with a `PATH` on which there is no `dot`, a test
/// that needs Graphviz is reported ignored here and fails under
/// `ARGMAP_CI=1`.
fn a_missing_graphviz_is_ignored_here_and_fails_in_ci() {
    let empty = tempfile::tempdir().unwrap();
    assert!(!Path::new(&empty.path().join("dot")).exists());
    external::assert_missing_input_is_loud(
        "svg_has_no_script_or_handler_from_the_map",
        &[("PATH", Some(empty.path().to_str().unwrap()))],
        "Graphviz `dot` is not on PATH",
    );
}

/// The one-page PDF `dot -Tpdf` makes of `dot`.
fn dot_pdf(dot: &str) -> Vec<u8> {
    let out = Command::new("dot")
        .arg("-Tpdf")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .and_then(|mut child| {
            use std::io::Write;
            child.stdin.take().unwrap().write_all(dot.as_bytes())?;
            child.wait_with_output()
        })
        .unwrap();
    assert!(
        out.status.success(),
        "dot failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out.stdout
}

/// Nodes in 9 pt and 11 pt text, natural size a few inches.
const NINE_AND_ELEVEN: &str = r#"digraph {
    node [shape=box fontsize=9];
    a [label="nine point"]; b [label="also nine"];
    c [label="eleven point" fontsize=11];
    a -> c; b -> c;
}"#;

/// A wide tree of 150 nodes in 9 pt text: far larger than a page.
fn huge_dot() -> String {
    let mut dot = String::from("digraph {\n  node [shape=box fontsize=9];\n");
    for i in 1..150 {
        dot.push_str(&format!("  n{} -> n{i};\n", (i - 1) / 4));
    }
    dot.push_str("  n0 [label=\"root of a wide tree\"];\n}\n");
    dot
}

fn a4() -> Page {
    "a4".parse().unwrap()
}

/// The runs of a page but its footer (the last run, which says `page`).
fn drawing_runs(facts: &PageFacts) -> &[argmap::render::pdf::TextRun] {
    let (footer, drawing) = facts.runs.split_last().unwrap();
    assert!(footer.text.contains(" page "), "{}", footer.text);
    drawing
}

fn measure_reads_the_font_sizes_dot_set() {
    let facts = measure(&dot_pdf(NINE_AND_ELEVEN)).unwrap();
    assert_eq!(facts.len(), 1);
    let sizes: Vec<f64> = facts[0].runs.iter().map(|r| r.size).collect();
    assert!(
        (facts[0].min_text().unwrap() - 9.0).abs() < 0.1,
        "{sizes:?}"
    );
    assert!(sizes.iter().any(|s| (s - 11.0).abs() < 0.1), "{sizes:?}");
    assert!(
        sizes
            .iter()
            .all(|s| (s - 9.0).abs() < 0.1 || (s - 11.0).abs() < 0.1),
        "{sizes:?}"
    );
}

/// The diagram of `examples/bridge.toml` fits A3 in landscape, shrunk,
/// with its 9 pt text above 6 pt; the 9 and 11 pt diagram fits A4 at
/// natural size.
fn a_small_diagram_is_one_page_at_most_natural_size() {
    let checked = argmap::check::check(
        "bridge.toml",
        include_bytes!("../examples/bridge.toml"),
        &Levels::default(),
    );
    let (map, graph) = (checked.map.unwrap(), checked.graph.unwrap());
    let bridge = dot_pdf(&to_dot(&map, &graph, &Options::default()).unwrap());
    let a3: Page = "a3".parse().unwrap();
    let cases = [
        (bridge, a3.landscape(), 6.0, false),
        (dot_pdf(NINE_AND_ELEVEN), a4(), 7.0, true),
    ];
    for (dot_pdf, page, min_text, natural) in cases {
        let raw = measure(&dot_pdf).unwrap();
        let min_font = raw[0].min_text().unwrap();
        assert!((min_font - 9.0).abs() < 0.1, "{min_font}");
        let sheet = Sheet {
            pdf: dot_pdf,
            min_font,
            title: "small".to_owned(),
        };
        let booklet = booklet(&[sheet], &page, min_text).unwrap();
        assert_eq!(booklet.pages.len(), 1, "{:?}", booklet.pages);
        let placement = &booklet.pages[0];
        assert!(!placement.tiled(), "{placement:?}");
        assert_eq!(placement.scale == 1.0, natural, "{placement:?}");
        assert!(placement.scale <= 1.0);
        assert_eq!(
            (placement.drawing.0, placement.drawing.1),
            (raw[0].width, raw[0].height)
        );
        let facts = measure(&booklet.pdf).unwrap();
        assert_eq!(facts.len(), 1);
        assert!(
            (facts[0].width - page.width).abs() < 0.01
                && (facts[0].height - page.height).abs() < 0.01
        );
        let drawing = drawing_runs(&facts[0]);
        assert_eq!(
            drawing.len(),
            raw[0].runs.len(),
            "every text of the drawing, once"
        );
        let smallest = drawing.iter().map(|r| r.size).fold(f64::INFINITY, f64::min);
        assert!(
            smallest >= min_font * placement.scale - 0.01,
            "{smallest} {placement:?}"
        );
        assert!(smallest >= min_text - 0.01);
    }
}

fn a_huge_diagram_is_tiled_on_a4_with_no_text_below_7_pt() {
    let pdf = dot_pdf(&huge_dot());
    let raw = measure(&pdf).unwrap();
    let (w, h) = (raw[0].width, raw[0].height);
    assert!(w > 2000.0, "the drawing is {w} × {h} pt");
    let min_font = raw[0].min_text().unwrap();
    let sheet = Sheet {
        pdf,
        min_font,
        title: "huge".to_owned(),
    };
    let booklet = booklet(&[sheet], &a4(), 7.0).unwrap();
    let pages = &booklet.pages;
    assert!(pages.len() > 1, "{pages:?}");
    let facts = measure(&booklet.pdf).unwrap();
    assert_eq!(facts.len(), pages.len());
    for (facts, placement) in facts.iter().zip(pages) {
        assert!((facts.width - 595.276).abs() < 0.01 && (facts.height - 841.890).abs() < 0.01);
        assert!(
            facts.min_text().unwrap() >= 7.0 - 0.01,
            "{:?}",
            facts.min_text()
        );
        assert!(
            (placement.scale * min_font - 7.0).abs() < 0.01,
            "never shrunk below 7 pt"
        );
        assert_eq!(placement.parts(), pages.len());
    }
    // The tiles cover the drawing: every point of a fine grid is on a page.
    for i in 0..=100 {
        for j in 0..=100 {
            let (x, y) = (w * f64::from(i) / 100.0, h * f64::from(j) / 100.0);
            assert!(
                pages.iter().any(|p| {
                    let v = p.visible;
                    (v.left - 1e-6..=v.left + v.width + 1e-6).contains(&x)
                        && (v.bottom - 1e-6..=v.bottom + v.height + 1e-6).contains(&y)
                }),
                "({x}, {y}) is on no page"
            );
        }
    }
}

fn several_sheets_make_one_pdf_in_order_with_footers_and_bookmarks() {
    let small = dot_pdf(NINE_AND_ELEVEN);
    let huge = dot_pdf(&huge_dot());
    let sheets: Vec<Sheet> = [
        ("first", &small),
        ("second, huge", &huge),
        ("third", &small),
    ]
    .into_iter()
    .map(|(title, pdf)| Sheet {
        pdf: pdf.clone(),
        min_font: 9.0,
        title: title.to_owned(),
    })
    .collect();
    let page = a4().landscape();
    let booklet = booklet(&sheets, &page, 7.0).unwrap();
    let order: Vec<usize> = booklet.pages.iter().map(|p| p.sheet).collect();
    let tiles = order.iter().filter(|s| **s == 1).count();
    assert!(tiles > 1);
    let mut expected = vec![0];
    expected.extend(std::iter::repeat_n(1, tiles));
    expected.push(2);
    assert_eq!(order, expected);

    let facts = measure(&booklet.pdf).unwrap();
    let n = facts.len();
    let footers: Vec<String> = facts
        .iter()
        .map(|f| {
            assert!((f.width - 841.890).abs() < 0.01 && (f.height - 595.276).abs() < 0.01);
            f.runs.last().unwrap().text.clone()
        })
        .collect();
    assert_eq!(footers[0], format!("first  \u{b7}  page 1 of {n}"));
    assert_eq!(
        footers[1],
        format!("second, huge  \u{b7}  part 1 of {tiles} (column 1, row 1)  \u{b7}  page 2 of {n}")
    );
    assert_eq!(footers[n - 1], format!("third  \u{b7}  page {n} of {n}"));
    for (i, footer) in footers.iter().enumerate() {
        assert!(
            footer.ends_with(&format!("page {} of {n}", i + 1)),
            "{footer}"
        );
    }

    // One bookmark per sheet, each to the sheet's first page.
    let doc = lopdf::Document::load_mem(&booklet.pdf).unwrap();
    let page_ids: Vec<lopdf::ObjectId> = doc.page_iter().collect();
    let outlines = doc
        .catalog()
        .unwrap()
        .get(b"Outlines")
        .unwrap()
        .as_reference()
        .unwrap();
    let mut item = doc
        .get_dictionary(outlines)
        .unwrap()
        .get(b"First")
        .unwrap()
        .as_reference()
        .ok();
    let mut bookmarks = Vec::new();
    while let Some(id) = item {
        let entry = doc.get_dictionary(id).unwrap();
        let title =
            String::from_utf8(entry.get(b"Title").unwrap().as_str().unwrap().to_vec()).unwrap();
        let action = doc
            .get_dictionary(entry.get(b"A").unwrap().as_reference().unwrap())
            .unwrap();
        let target = action.get(b"D").unwrap().as_array().unwrap()[0]
            .as_reference()
            .unwrap();
        let page = page_ids.iter().position(|p| *p == target).unwrap();
        bookmarks.push((title, page));
        item = entry
            .get(b"Next")
            .and_then(lopdf::Object::as_reference)
            .ok();
    }
    assert_eq!(
        bookmarks,
        [
            ("first".to_owned(), 0),
            ("second, huge".to_owned(), 1),
            ("third".to_owned(), n - 1)
        ]
    );
}

// ---------------------------------------------------------------------------
// `render --page`: through the binary, measured from the PDF it writes.

/// Every page of `pdf` is `width` × `height` points (in either
/// orientation when `either`), and no text on it (footers included) is
/// smaller than `min` points. Returns the number of pages.
fn assert_pages(pdf: &Path, (width, height): (f64, f64), either: bool, min: f64) -> usize {
    let bytes = std::fs::read(pdf).unwrap();
    let pages = measure(&bytes).unwrap();
    assert!(!pages.is_empty(), "{}: no pages", pdf.display());
    for (i, p) in pages.iter().enumerate() {
        let same = (p.width - width).abs() < 0.01 && (p.height - height).abs() < 0.01;
        let turned = (p.width - height).abs() < 0.01 && (p.height - width).abs() < 0.01;
        assert!(
            same || (either && turned),
            "{} page {}: {} x {} pt, not {width} x {height}",
            pdf.display(),
            i + 1,
            p.width,
            p.height
        );
        let smallest = p.min_text().unwrap();
        assert!(
            smallest >= min - 0.01,
            "{} page {}: text at {smallest} pt, below {min}",
            pdf.display(),
            i + 1
        );
    }
    pages.len()
}

const A4: (f64, f64) = (595.276, 841.89);

fn render_page_prints_on_pages_of_that_size_and_no_smaller_text() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("bridge.pdf");
    let run = common::run(&[
        "render",
        "examples/bridge.toml",
        "--page",
        "a4",
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let n = assert_pages(&out, A4, true, 7.0);
    let shown = run.stderr.replace(out.to_str().unwrap(), "bridge.pdf");
    assert!(shown.contains(&format!("{n} a4 page")), "{shown}");
    insta::assert_snapshot!("page_a4_bridge", shown);
}

fn render_page_options_orient_and_size_the_pages() {
    let dir = tempfile::tempdir().unwrap();
    /// A name, the options, the page's size, the smallest text.
    type Case<'a> = (&'a str, &'a [&'a str], (f64, f64), f64);
    let cases: [Case; 4] = [
        (
            "landscape",
            &["--page", "a4", "--landscape"],
            (841.89, 595.276),
            7.0,
        ),
        (
            "portrait",
            &["--page", "letter", "--portrait"],
            (612.0, 792.0),
            7.0,
        ),
        (
            "custom",
            &["--page", "300x200mm", "--margin", "0.5in", "--landscape"],
            (850.394, 566.929),
            7.0,
        ),
        (
            "min-text",
            &["--page", "a3", "--min-text", "9"],
            (841.89, 1190.551),
            9.0,
        ),
    ];
    let mut shown = String::new();
    for (name, options, size, min) in cases {
        let out = dir.path().join(format!("{name}.pdf"));
        let mut args = vec![
            "render",
            "examples/phones.toml",
            "-o",
            out.to_str().unwrap(),
        ];
        args.extend(options);
        let run = common::run(&args);
        assert_eq!(run.code, 0, "{name}: {}", run.stderr);
        assert_pages(&out, size, name == "min-text", min);
        shown.push_str(&format!(
            "$ argmap {}\n{}",
            args.join(" ")
                .replace(out.to_str().unwrap(), &format!("{name}.pdf")),
            run.stderr
                .replace(out.to_str().unwrap(), &format!("{name}.pdf"))
        ));
    }
    insta::assert_snapshot!("page_options", shown);
}

fn the_whole_chapter_on_a4_is_a_booklet_of_its_sections() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("chapter.pdf");
    let run = common::run(&[
        "render",
        "maps/cpc-and-sovereignty.toml",
        "--page",
        "a4",
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_pages(&out, A4, true, 7.0);
    let bytes = std::fs::read(&out).unwrap();
    let pages = measure(&bytes).unwrap();
    // The overview first, then every section, in the map's order.
    assert!(pages[0].text().contains("Overview of the sections"));
    let texts: Vec<String> = pages.iter().map(|p| p.text()).collect();
    let mut at = 0;
    for section in [
        "Security in a Digitised World",
        "Visibility of Cyberspace",
        "Conclusion",
    ] {
        let found = texts[at..]
            .iter()
            .position(|t| t.contains("Section: ") && t.contains(section))
            .unwrap_or_else(|| panic!("no page of {section} after page {at}"));
        at += found;
    }
    insta::assert_snapshot!(
        "page_a4_chapter",
        run.stderr.replace(out.to_str().unwrap(), "chapter.pdf")
    );
}

fn split_as_pdf_writes_a_booklet_beside_the_diagrams() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("parts");
    let run = common::run(&[
        "render",
        "examples/phones.toml",
        "--split",
        "--format",
        "pdf",
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let pages = assert_pages(&out.join("booklet.pdf"), A4, true, 7.0);
    assert!(pages >= 3, "the overview and two sections");
    let index = std::fs::read_to_string(out.join("index.html")).unwrap();
    assert!(index.contains("href=\"booklet.pdf\""), "{index}");
    insta::assert_snapshot!(
        "split_pdf_booklet",
        run.stderr.replace(out.to_str().unwrap(), "parts")
    );
}

/// A source title in Chinese prints in one of the CJK families the themes
/// name after the Latin ones (`.ci/run` installs WenQuanYi Micro Hei):
/// cairo embeds the fonts it drew with, so the PDF names it.
fn chinese_titles_print_in_a_cjk_font_from_the_theme_s_list() {
    let dir = tempfile::tempdir().unwrap();
    let map = dir.path().join("cjk.toml");
    std::fs::write(
        &map,
        "[map]\ntitle = \"Sources in Chinese\"\n\
         [sources.zy]\nauthors = [\"Zhongyang\"]\nyear = 2017\ntitle = \"中央网络安全和信息化委员会\"\n\
         [claims.a]\ntext = \"The Party leads cyberspace work\"\ncites = [\"zy\"]\n",
    )
    .unwrap();
    let out = dir.path().join("cjk.pdf");
    let run = common::run(&[
        "render",
        map.to_str().unwrap(),
        "--sources",
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let pdf = String::from_utf8_lossy(&std::fs::read(&out).unwrap()).into_owned();
    let fonts: Vec<&str> = pdf
        .split("/BaseFont /")
        .skip(1)
        .map(|rest| {
            rest.split(|c: char| c.is_whitespace() || c == '/' || c == '>')
                .next()
                .unwrap()
        })
        .collect();
    let cjk = ["NotoSansCJK", "WenQuanYi", "SourceHanSans"];
    assert!(
        fonts.iter().any(|f| cjk.iter().any(|c| f.contains(c))),
        "no CJK font embedded (install fonts-wqy-microhei or fonts-noto-cjk): {fonts:?}"
    );
}
