//! The interactive viewer: one self-contained HTML file (`argmap view`).
//!
//! [`page`] writes the page: the diagram, laid out by Graphviz when the
//! file is made and given here as SVG (the caller runs `dot`; the library
//! never spawns it), and the map as JSON data inside a
//! `<script type="application/json">` element, read by the viewer's script
//! and inserted into the page as text only. Without a diagram
//! ([`Diagram::Missing`]) the page says why and offers the lists and the
//! details panel alone.
//!
//! Nothing is loaded from elsewhere: the script and the style sheet
//! (`viewer.js`, `viewer.css`) are inlined, and the Content-Security-Policy
//! allows no source but those two, by their SHA-256 hashes. A script a
//! hostile map smuggled into the SVG or the data would not run.

mod data;

use maud::{DOCTYPE, PreEscaped, html};

use crate::diag::FileReport;
use crate::eval::Evaluation;
use crate::graph::MapGraph;
use crate::model::Map;

pub use data::Data;

/// The viewer's script.
pub const SCRIPT: &str = include_str!("viewer.js");
/// The viewer's style sheet (screen and print).
pub const STYLE: &str = include_str!("viewer.css");

/// The diagram the page shows.
#[derive(Clone, Debug)]
pub enum Diagram {
    /// Graphviz's SVG of the map, node ids `c<i>`, `a<i>`, `s<i>` (the
    /// index of the claim, argument or source in the map).
    Svg(String),
    /// A map too large to lay out whole: the overview of its sections
    /// (node `s<i>` is section `i`) and each section's diagram, by section
    /// id, which the page opens on demand.
    Split {
        /// The overview's SVG.
        overview: String,
        /// Each section's id and SVG, in file order.
        sections: Vec<(String, String)>,
    },
    /// No diagram, and why, in a sentence the page shows.
    Missing(String),
}

/// What the page is made of.
pub struct Input<'a> {
    /// The map.
    pub map: &'a Map,
    /// Its graph.
    pub graph: &'a MapGraph,
    /// Its findings, as `check` reports them.
    pub report: &'a FileReport,
    /// Its evaluation (`argmap eval`).
    pub evaluation: &'a Evaluation,
    /// The diagram.
    pub diagram: Diagram,
}

/// The page, a complete HTML document.
pub fn page(input: &Input) -> String {
    let mut data = Data::new(input.map, input.graph, input.report, input.evaluation);
    let (svg, missing) = match &input.diagram {
        Diagram::Svg(svg) => (Some(slim(&strip_prolog(svg))), None),
        Diagram::Split { overview, sections } => {
            data.split = Some(
                sections
                    .iter()
                    .map(|(id, svg)| (id.clone(), slim(&strip_prolog(svg))))
                    .collect(),
            );
            (Some(slim(&strip_prolog(overview))), None)
        }
        Diagram::Missing(why) => (None, Some(why.as_str())),
    };
    let json = script_json(&data);
    let title = data.title.clone();
    let csp = csp();
    html! {
        (DOCTYPE)
        html lang="en" {
            head {
                meta charset="utf-8";
                meta http-equiv="Content-Security-Policy" content=(csp);
                meta name="viewport" content="width=device-width, initial-scale=1";
                meta name="generator" content="argmap";
                title { (title) }
                style { (PreEscaped(STYLE)) }
            }
            body {
                header.bar role="banner" {
                    h1 #title { (title) }
                    form #find role="search" {
                        label for="search" { "Find" }
                        input #search type="search" placeholder="id or words" autocomplete="off";
                    }
                    div.tools role="toolbar" aria-label="Diagram" {
                        button #zoom-in type="button" title="Zoom in (+)" { "+" }
                        button #zoom-out type="button" title="Zoom out (−)" { "−" }
                        button #fit type="button" title="Fit to screen (0)" { "Fit" }
                        @if data.split.is_some() {
                            button #overview type="button" title="The overview of the sections" { "Overview" }
                        }
                    }
                }
                main #layout {
                    nav #side aria-label="Claims" {
                        details #filters open {
                            summary { "Filters" }
                            div #filter-controls {}
                        }
                        p #count aria-live="polite" {}
                        ul #results {}
                    }
                    section #stage aria-label="Diagram" {
                        @if let Some(why) = missing {
                            p #no-diagram role="alert" { "No diagram: " (why) }
                        }
                        @if let Some(svg) = &svg {
                            div #canvas { (PreEscaped(svg)) }
                        }
                    }
                    aside #panel aria-label="Details" aria-live="polite" {
                        p.hint { "Select a claim, argument or source: click it, or reach it with Tab and press Enter." }
                    }
                }
                script #argmap-data type="application/json" { (PreEscaped(json)) }
                script { (PreEscaped(SCRIPT)) }
            }
        }
    }
    .into_string()
}

/// The Content-Security-Policy: nothing from anywhere, but the page's own
/// script and style sheet, named by their hashes, and images from `data:`.
pub fn csp() -> String {
    format!(
        "default-src 'none'; script-src {}; style-src {}; img-src data:; \
         base-uri 'none'; form-action 'none'",
        script_source(),
        style_source()
    )
}

/// The policy source that allows the viewer's script: a page that embeds
/// the viewer in a frame must allow it too, since the frame's document
/// inherits the page's policy.
pub fn script_source() -> String {
    crate::csp::hash_source(SCRIPT)
}

/// The policy source that allows the viewer's style sheet.
pub fn style_source() -> String {
    crate::csp::hash_source(STYLE)
}

/// JSON that can sit inside a `<script>` element: every `<`, `>` and `&`
/// written as a `\u` escape, so no `</script>` or `<!--` can occur in it.
pub fn script_json<T: serde::Serialize>(value: &T) -> String {
    let json = serde_json::to_string(value).unwrap_or_else(|_| "null".to_owned());
    let mut out = String::with_capacity(json.len());
    for ch in json.chars() {
        match ch {
            '<' => out.push_str("\\u003c"),
            '>' => out.push_str("\\u003e"),
            '&' => out.push_str("\\u0026"),
            '\u{2028}' => out.push_str("\\u2028"),
            '\u{2029}' => out.push_str("\\u2029"),
            c => out.push(c),
        }
    }
    out
}

/// The SVG element alone: Graphviz's XML declaration, doctype and leading
/// comments dropped.
fn strip_prolog(svg: &str) -> String {
    match svg.find("<svg") {
        Some(at) => svg[at..].to_owned(),
        None => String::new(),
    }
}

/// The SVG with Graphviz's comments dropped and its font list said once,
/// on the `<svg>` element, which every text inherits, instead of on each
/// text: a quarter of a large diagram's bytes, and of its parsing.
fn slim(svg: &str) -> String {
    let mut out = String::with_capacity(svg.len());
    let mut rest = svg;
    // Graphviz escapes every text, so `<!--` only opens its own comments.
    while let Some(at) = rest.find("<!--") {
        out.push_str(&rest[..at]);
        match rest[at..].find("-->") {
            Some(end) => rest = &rest[at + end + 3..],
            None => {
                rest = "";
            }
        }
    }
    out.push_str(rest);
    let key = " font-family=\"";
    let Some(at) = out.find(key) else {
        return out;
    };
    let Some(len) = out[at + key.len()..].find('"') else {
        return out;
    };
    let attr = out[at..at + key.len() + len + 1].to_owned();
    let slimmed = out.replace(&attr, "");
    match slimmed.strip_prefix("<svg") {
        Some(tail) => format!("<svg{attr}{tail}"),
        None => out,
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn json_in_a_script_cannot_close_it() {
        let s = script_json(&"</script><!-- & \u{2028}");
        assert!(!s.contains('<') && !s.contains('>'), "{s}");
        let back: String = serde_json::from_str(&s).unwrap();
        assert_eq!(back, "</script><!-- & \u{2028}");
    }

    #[test]
    fn the_policy_names_the_script_and_style_by_hash() {
        let csp = csp();
        assert!(csp.starts_with("default-src 'none';"), "{csp}");
        assert_eq!(csp.matches("'sha256-").count(), 2, "{csp}");
        assert!(!csp.contains("unsafe"), "{csp}");
    }

    #[test]
    fn the_font_list_is_said_once_and_comments_dropped() {
        let svg = "<svg width=\"1\">\n<!-- c0 -->\n<text font-family=\"A,B\" x=\"1\">t</text>\
                   <text font-family=\"A,B\">u</text><text font-family=\"C\">v</text></svg>";
        assert_eq!(
            slim(svg),
            "<svg font-family=\"A,B\" width=\"1\">\n\n<text x=\"1\">t</text>\
             <text>u</text><text font-family=\"C\">v</text></svg>"
        );
    }

    #[test]
    fn the_prolog_is_dropped() {
        let svg = "<?xml version=\"1.0\"?>\n<!-- x -->\n<svg width=\"1\"></svg>\n";
        assert_eq!(strip_prolog(svg), "<svg width=\"1\"></svg>\n");
    }
}
