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
//! Every text is escaped for XML; characters XML 1.0 cannot hold (C0 control
//! characters other than tab, newline and carriage return; U+FFFE, U+FFFF)
//! become U+FFFD.

use std::fmt::Write as _;

use super::{
    Resolved, Target, actor_name, argument_id, argument_label, claim_id, claim_text, section_title,
};
use crate::model::Map;

/// Escapes text for XML content and attribute values.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            // A raw CR would be read back as a newline.
            '\r' => out.push_str("&#13;"),
            '\u{0}'..='\u{8}'
            | '\u{b}'
            | '\u{c}'
            | '\u{e}'..='\u{1f}'
            | '\u{fffe}'
            | '\u{ffff}' => {
                out.push('\u{fffd}');
            }
            c => out.push(c),
        }
    }
    out
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

struct Writer {
    out: String,
    edges: usize,
}

impl Writer {
    fn data(&mut self, key: &str, value: &str) {
        let _ = writeln!(
            self.out,
            "      <data key=\"{key}\">{}</data>",
            escape(value)
        );
    }

    fn node(&mut self, id: &str, data: &[(&str, &str)]) {
        let _ = writeln!(self.out, "    <node id=\"{}\">", escape(id));
        for (k, v) in data {
            self.data(k, v);
        }
        self.out.push_str("    </node>\n");
    }

    fn edge(&mut self, from: &str, to: &str, kind: &str, extra: &[(&str, &str)]) {
        let _ = writeln!(
            self.out,
            "    <edge id=\"e{}\" source=\"{}\" target=\"{}\">",
            self.edges,
            escape(from),
            escape(to)
        );
        self.edges += 1;
        self.data("edge_kind", kind);
        for (k, v) in extra {
            self.data(k, v);
        }
        self.out.push_str("    </edge>\n");
    }
}

/// The map as GraphML, ending with a newline.
pub fn to_graphml(map: &Map, resolved: &crate::resolved::ResolvedMap) -> String {
    let r = Resolved::new(map, resolved);
    let mut w = Writer {
        out: String::new(),
        edges: 0,
    };
    w.out.push_str(concat!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n",
        "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\"",
        " xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"",
        " xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns",
        " http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n"
    ));
    for (id, target, name, ty) in KEYS {
        if id == "thesis" {
            let _ = writeln!(
                w.out,
                "  <key id=\"{id}\" for=\"{target}\" attr.name=\"{name}\" attr.type=\"{ty}\"><default>false</default></key>"
            );
        } else {
            let _ = writeln!(
                w.out,
                "  <key id=\"{id}\" for=\"{target}\" attr.name=\"{name}\" attr.type=\"{ty}\"/>"
            );
        }
    }
    w.out
        .push_str("  <graph id=\"argmap\" edgedefault=\"directed\">\n");
    if let Some(t) = &map.meta.title {
        let _ = writeln!(
            w.out,
            "    <data key=\"title\">{}</data>",
            escape(t.as_str())
        );
    }
    if let Some(d) = &map.meta.description {
        let _ = writeln!(
            w.out,
            "    <data key=\"description\">{}</data>",
            escape(d.as_str())
        );
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
        w.node(claim_id(map, i), &data);
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
        w.node(id, &data);
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
        w.node(src.id.as_str(), &data);
    }

    for a in &r.arguments {
        let id = argument_id(map, a.index);
        for &p in &a.premises {
            w.edge(claim_id(map, p), id, "premise", &[]);
        }
        w.edge(id, claim_id(map, a.conclusion), "conclusion", &[]);
    }
    for &i in &r.claims {
        let from = claim_id(map, i);
        for &t in r.supports_of(i) {
            w.edge(from, claim_id(map, t), "support", &[]);
        }
        for &t in r.attacks_of(i) {
            match t {
                Target::Claim(j) => w.edge(from, claim_id(map, j), "attack", &[]),
                Target::Argument(j) => w.edge(from, argument_id(map, j), "undercut", &[]),
            }
        }
        for &t in r.qualifies_of(i) {
            match t {
                Target::Claim(j) => w.edge(from, claim_id(map, j), "qualifies", &[]),
                Target::Argument(j) => w.edge(from, argument_id(map, j), "qualifies", &[]),
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
            w.edge(source, claim.id.as_str(), "cites", &extra);
        }
    }
    w.out.push_str("  </graph>\n</graphml>\n");
    w.out
}
