//! Markup from a map, looked for in what argmap writes: the hostile map of
//! the corpus and its strings that hold markup, the tags and attribute
//! names of a page, and the SVG check that `tests/robustness.rs` and
//! `tests/graphviz.rs` share.
#![allow(dead_code, clippy::unwrap_used, clippy::expect_used)]

/// A map whose every text tries to become markup.
pub const HOSTILE: &str = "tests/corpus/hostile-markup.toml";

/// Every string value of the hostile map that holds markup.
pub fn hostile_strings() -> Vec<String> {
    let text = std::fs::read_to_string(HOSTILE).unwrap();
    let doc: toml::Table = toml::from_str(&text).unwrap();
    let mut out = Vec::new();
    collect_strings(&toml::Value::Table(doc), &mut out);
    out.retain(|s| s.contains('<'));
    assert!(out.len() >= 8, "{out:?}");
    out
}

fn collect_strings(v: &toml::Value, out: &mut Vec<String>) {
    match v {
        toml::Value::String(s) => out.push(s.clone()),
        toml::Value::Array(a) => a.iter().for_each(|v| collect_strings(v, out)),
        toml::Value::Table(t) => t.values().for_each(|v| collect_strings(v, out)),
        _ => {}
    }
}

/// The names of the tags in `text`: `<b>`, `</b>` and `<br/>` give `b`, `b`
/// and `br`; `<!DOCTYPE` gives `!DOCTYPE`.
pub fn tags(text: &str) -> Vec<String> {
    text.split('<')
        .skip(1)
        .map(|rest| {
            rest.trim_start_matches('/')
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, '!' | '?' | '-' | ':'))
                .collect()
        })
        .collect()
}

/// The attribute names of every tag of `markup`, quoted values left out.
pub fn attribute_names(markup: &str) -> Vec<String> {
    let mut names = Vec::new();
    for tag in markup.split('<').skip(1) {
        let tag = tag.split('>').next().unwrap_or("");
        let outside: String = tag.split('"').step_by(2).collect::<Vec<_>>().join(" ");
        for word in outside.split_whitespace().skip(1) {
            if let Some((name, _)) = word.split_once('=') {
                names.push(name.to_ascii_lowercase());
            }
        }
    }
    names
}

/// The elements Graphviz writes into an SVG.
pub const SVG_ELEMENTS: &[&str] = &[
    "?xml",
    "!DOCTYPE",
    "!--",
    "svg",
    "g",
    "title",
    "polygon",
    "path",
    "ellipse",
    "text",
    "polyline",
    "a",
    "defs",
    "linearGradient",
    "radialGradient",
    "stop",
    "image",
];

/// `svg`, a diagram of the hostile map, holds Graphviz's elements only: no
/// script, handler or link, and no string of the map as it was written.
pub fn assert_svg_has_no_markup_from_the_map(svg: &str) {
    assert!(svg.trim_end().ends_with("</svg>"));
    for tag in tags(svg) {
        assert!(SVG_ELEMENTS.contains(&tag.as_str()), "<{tag}> in SVG");
    }
    for name in attribute_names(svg) {
        assert!(!name.starts_with("on"), "handler `{name}` in SVG");
    }
    assert!(!svg.to_ascii_lowercase().contains("<script"));
    // Graphviz writes links only for `URL` and `href` attributes, which
    // argmap never sets: map text that looks like a link stays text.
    for name in attribute_names(svg) {
        assert!(!name.contains("href"), "a link in SVG: {name}");
    }
    for s in hostile_strings() {
        assert!(!svg.contains(&s), "raw map text in SVG: {s}");
    }
}
