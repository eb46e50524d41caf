//! GraphML (<http://graphml.graphdrawing.org/>), for yEd, Gephi, Cytoscape
//! and graph libraries: one node per claim, linked argument and source, one
//! edge per relation, every property a declared `<key>`.
//!
//! Node ids are the map's ids (an id is a valid XML name token); node data:
//! `kind` (`claim`, `argument`, `source`), `label` (what to show: a claim's
//! text, an argument's label or id, a source's short citation), `text` (a
//! claim's text, a source's title), `section` and `section_title`, `by`
//! (the names of the actors, joined with `; `) and `thesis`. Edge data:
//! `kind` (`support`, `attack`, `undercut`, `qualifies`, `premise`, `conclusion`,
//! `cites`), and on `cites` edges the citation's `at` and `quote`.
//!
//! The document is written as quick-xml events, which escape every text and
//! attribute value (`&`, `<`, `>`, `"`, `'`, and a carriage return as
//! `&#13;`, since a raw one would be read back as a newline); characters XML
//! 1.0 cannot hold (C0 control characters other than tab, newline and
//! carriage return; U+FFFE, U+FFFF) first become U+FFFD. The layout (one
//! element a line, two spaces an indent level) is written as whitespace
//! text between the elements.

use std::borrow::Cow;
use std::io;

use quick_xml::events::{BytesDecl, BytesEnd, BytesStart, BytesText, Event};

use super::{
    Resolved, Target, actor_name, argument_id, argument_label, claim_id, claim_text, section_title,
};
use crate::model::Map;

/// Whether XML 1.0 cannot hold `c`: a C0 control character other than tab,
/// newline and carriage return, U+FFFE or U+FFFF.
fn xml_cannot_hold(c: char) -> bool {
    matches!(
        c,
        '\u{0}'..='\u{8}' | '\u{b}' | '\u{c}' | '\u{e}'..='\u{1f}' | '\u{fffe}' | '\u{ffff}'
    )
}

/// `text` with every character XML 1.0 cannot hold replaced by U+FFFD,
/// ready for quick-xml to escape.
fn xml_chars(text: &str) -> Cow<'_, str> {
    if text.contains(xml_cannot_hold) {
        Cow::Owned(
            text.chars()
                .map(|c| if xml_cannot_hold(c) { '\u{fffd}' } else { c })
                .collect(),
        )
    } else {
        Cow::Borrowed(text)
    }
}

/// The `<key>` declarations: (id, for, attr.name, attr.type).
const KEYS: [(&str, &str, &str, &str); 12] = [
    ("title", "graph", "title", "string"),
    ("description", "graph", "description", "string"),
    ("kind", "node", "kind", "string"),
    ("label", "node", "label", "string"),
    ("text", "node", "text", "string"),
    ("section", "node", "section", "string"),
    ("section_title", "node", "section_title", "string"),
    ("by", "node", "by", "string"),
    ("thesis", "node", "thesis", "boolean"),
    ("edge_kind", "edge", "kind", "string"),
    ("at", "edge", "at", "string"),
    ("quote", "edge", "quote", "string"),
];

/// The GraphML namespace and schema, as attributes of `<graphml>`.
const ROOT: [(&str, &str); 3] = [
    ("xmlns", "http://graphml.graphdrawing.org/xmlns"),
    ("xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance"),
    (
        "xsi:schemaLocation",
        "http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd",
    ),
];

/// quick-xml's writer, with the layout and the edge numbering.
struct Writer {
    xml: quick_xml::Writer<Vec<u8>>,
    edges: usize,
}

impl Writer {
    /// Whitespace between elements (a line break, an indent).
    fn layout(&mut self, space: &str) -> io::Result<()> {
        self.xml.write_event(Event::Text(BytesText::new(space)))
    }

    /// `<name attributes>`, indented by `indent`, ending its line.
    fn open(&mut self, indent: &str, start: BytesStart<'_>) -> io::Result<()> {
        self.layout(indent)?;
        self.xml.write_event(Event::Start(start))?;
        self.layout("\n")
    }

    /// `</name>`, indented by `indent`, ending its line.
    fn close(&mut self, indent: &str, name: &str) -> io::Result<()> {
        self.layout(indent)?;
        self.xml.write_event(Event::End(BytesEnd::new(name)))?;
        self.layout("\n")
    }

    /// `<data key="key">value</data>` on a line of its own.
    fn data(&mut self, indent: &str, key: &str, value: &str) -> io::Result<()> {
        self.layout(indent)?;
        self.xml
            .create_element("data")
            .with_attribute(("key", key))
            .write_text_content(BytesText::new(&xml_chars(value)))?;
        self.layout("\n")
    }

    fn node(&mut self, id: &str, data: &[(&str, &str)]) -> io::Result<()> {
        self.open(
            "    ",
            BytesStart::new("node").with_attributes([("id", &*xml_chars(id))]),
        )?;
        for (k, v) in data {
            self.data("      ", k, v)?;
        }
        self.close("    ", "node")
    }

    fn edge(&mut self, from: &str, to: &str, kind: &str, extra: &[(&str, &str)]) -> io::Result<()> {
        let id = format!("e{}", self.edges);
        self.edges += 1;
        self.open(
            "    ",
            BytesStart::new("edge").with_attributes([
                ("id", id.as_str()),
                ("source", &*xml_chars(from)),
                ("target", &*xml_chars(to)),
            ]),
        )?;
        self.data("      ", "edge_kind", kind)?;
        for (k, v) in extra {
            self.data("      ", k, v)?;
        }
        self.close("    ", "edge")
    }
}

/// The map as GraphML, ending with a newline.
pub fn to_graphml(map: &Map, resolved: &crate::resolved::ResolvedMap) -> String {
    let mut w = Writer {
        xml: quick_xml::Writer::new(Vec::new()),
        edges: 0,
    };
    // Writing to a Vec cannot fail.
    let _ = write(&mut w, map, resolved);
    // quick-xml writes the UTF-8 it is given, and only that.
    match String::from_utf8(w.xml.into_inner()) {
        Ok(s) => s,
        Err(e) => String::from_utf8_lossy(e.as_bytes()).into_owned(),
    }
}

fn write(w: &mut Writer, map: &Map, resolved: &crate::resolved::ResolvedMap) -> io::Result<()> {
    let r = Resolved::new(map, resolved);
    w.xml
        .write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))?;
    w.layout("\n")?;
    w.open("", BytesStart::new("graphml").with_attributes(ROOT))?;
    for (id, target, name, ty) in KEYS {
        let key = BytesStart::new("key").with_attributes([
            ("id", id),
            ("for", target),
            ("attr.name", name),
            ("attr.type", ty),
        ]);
        w.layout("  ")?;
        if id == "thesis" {
            w.xml.write_event(Event::Start(key))?;
            w.xml
                .create_element("default")
                .write_text_content(BytesText::new("false"))?;
            w.xml.write_event(Event::End(BytesEnd::new("key")))?;
        } else {
            w.xml.write_event(Event::Empty(key))?;
        }
        w.layout("\n")?;
    }
    w.open(
        "  ",
        BytesStart::new("graph").with_attributes([("id", "argmap"), ("edgedefault", "directed")]),
    )?;
    if let Some(t) = &map.meta.title {
        w.data("    ", "title", t.as_str())?;
    }
    if let Some(d) = &map.meta.description {
        w.data("    ", "description", d.as_str())?;
    }

    for &i in &r.claims {
        let text = claim_text(map, i);
        let by: Vec<&str> = r.by_of(i).iter().map(|&a| actor_name(map, a)).collect();
        let by = by.join("; ");
        let mut data: Vec<(&str, &str)> = vec![("kind", "claim"), ("label", text), ("text", text)];
        let section = r.section_of_claim(i);
        let (sid, stitle) = section.map_or(("", ""), |s| {
            (
                map.sections.get(s).map_or("", |x| x.id.as_str()),
                section_title(map, s),
            )
        });
        if section.is_some() {
            data.push(("section", sid));
            data.push(("section_title", stitle));
        }
        if !by.is_empty() {
            data.push(("by", &by));
        }
        if r.thesis == Some(i) {
            data.push(("thesis", "true"));
        }
        w.node(claim_id(map, i), &data)?;
    }
    for a in &r.arguments {
        let id = argument_id(map, a.index);
        let mut data: Vec<(&str, &str)> = vec![
            ("kind", "argument"),
            ("label", argument_label(map, a.index).unwrap_or(id)),
        ];
        let section = r.section_of_argument(a.index);
        let (sid, stitle) = section.map_or(("", ""), |s| {
            (
                map.sections.get(s).map_or("", |x| x.id.as_str()),
                section_title(map, s),
            )
        });
        if section.is_some() {
            data.push(("section", sid));
            data.push(("section_title", stitle));
        }
        w.node(id, &data)?;
    }
    let labels: Vec<(usize, String)> = r
        .sources
        .iter()
        .filter_map(|&s| map.sources.get(s).map(|src| (s, src.short_label())))
        .collect();
    for (s, short) in &labels {
        let Some(src) = map.sources.get(*s) else {
            continue;
        };
        let mut data: Vec<(&str, &str)> = vec![("kind", "source"), ("label", short)];
        if let Some(t) = &src.title {
            data.push(("text", t.as_str()));
        }
        w.node(src.id.as_str(), &data)?;
    }

    for a in &r.arguments {
        let id = argument_id(map, a.index);
        for &p in &a.premises {
            w.edge(claim_id(map, p), id, "premise", &[])?;
        }
        w.edge(id, claim_id(map, a.conclusion), "conclusion", &[])?;
    }
    for &i in &r.claims {
        let from = claim_id(map, i);
        for &t in r.supports_of(i) {
            w.edge(from, claim_id(map, t), "support", &[])?;
        }
        for &t in r.attacks_of(i) {
            match t {
                Target::Claim(j) => w.edge(from, claim_id(map, j), "attack", &[])?,
                Target::Argument(j) => w.edge(from, argument_id(map, j), "undercut", &[])?,
            }
        }
        for &t in r.qualifies_of(i) {
            match t {
                Target::Claim(j) => w.edge(from, claim_id(map, j), "qualifies", &[])?,
                Target::Argument(j) => w.edge(from, argument_id(map, j), "qualifies", &[])?,
            }
        }
    }
    for &i in &r.claims {
        let Some(claim) = map.claims.get(i) else {
            continue;
        };
        for (cite, s) in claim.cites.iter().zip(resolved.cites.of(i)) {
            let Some(s) = *s else {
                continue;
            };
            let source = map.sources.get(s).map_or("", |x| x.id.as_str());
            let mut extra: Vec<(&str, &str)> = Vec::new();
            if let Some(at) = &cite.at {
                extra.push(("at", at.as_str()));
            }
            if let Some(q) = &cite.quote {
                extra.push(("quote", q.as_str()));
            }
            w.edge(source, claim.id.as_str(), "cites", &extra)?;
        }
    }
    w.close("  ", "graph")?;
    w.close("", "graphml")
}
