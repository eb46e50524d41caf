//! A Mermaid flowchart (`flowchart BT`, evidence at the bottom), as GitHub
//! renders it in Markdown: claims as boxes, linked arguments as small
//! rounded nodes, sections as subgraphs; support `-->`, attacks and
//! undercuts `-.-x`, drawn red by a `linkStyle`, and qualifications `-.-o`,
//! drawn amber.
//!
//! Node ids are generated (`c0`, `a0`, `s0`) and never carry map text.
//! Every label is a quoted string (`["..."]`) wrapped at
//! [`LABEL_WIDTH`] columns with `<br>`, and every character that Mermaid or
//! the HTML it renders into would read is written as a Mermaid entity
//! code: `"` `#quot;`, `#` `#35;`, `<` `#lt;`, `>` `#gt;`, `&` `#amp;`,
//! `` ` `` `#96;`, `:` `#58;` and `;` `#59;` (Mermaid rewrites a line that
//! holds `style`, a colon, `#` and `;` before it parses it). Mermaid turns
//! `#name;` into the HTML entity `&name;`, so a label shows its text and
//! never becomes markup.

use std::fmt::Write as _;

use super::{
    Group, Resolved, Target, argument_id, argument_label, claim_text, section_title, yaml_string,
};
use crate::model::Map;
use crate::wrap::wrap;

/// Labels are wrapped to this many columns.
pub const LABEL_WIDTH: usize = 40;

/// The colour of attack and undercut edges.
const ATTACK_COLOUR: &str = "#c0392b";
/// The colour of support edges.
const SUPPORT_COLOUR: &str = "#2e7d32";
/// The colour of qualification edges.
const QUALIFY_COLOUR: &str = "#a6540a";

/// Escapes one line of a label.
fn escape_line(line: &str) -> String {
    let mut out = String::with_capacity(line.len() + 8);
    for c in line.chars() {
        match c {
            '"' => out.push_str("#quot;"),
            '#' => out.push_str("#35;"),
            '<' => out.push_str("#lt;"),
            '>' => out.push_str("#gt;"),
            '&' => out.push_str("#amp;"),
            '`' => out.push_str("#96;"),
            ':' => out.push_str("#58;"),
            ';' => out.push_str("#59;"),
            c => out.push(c),
        }
    }
    out
}

/// A label: `text` wrapped, each line escaped, lines joined with `<br>`,
/// in double quotes.
pub fn label(text: &str) -> String {
    let lines: Vec<String> = wrap(text, LABEL_WIDTH)
        .iter()
        .map(|l| escape_line(l.trim()))
        .filter(|l| !l.is_empty())
        .collect();
    if lines.is_empty() {
        // An empty string is not a label.
        return "\" \"".to_owned();
    }
    format!("\"{}\"", lines.join("<br>"))
}

struct Writer<'a> {
    map: &'a Map,
    r: &'a Resolved,
    out: String,
}

impl Writer<'_> {
    fn nodes(&mut self, group: &Group, indent: &str) {
        for &i in &group.claims {
            let _ = writeln!(self.out, "{indent}c{i}[{}]", label(claim_text(self.map, i)));
        }
        for &slot in &group.arguments {
            let Some(a) = self.r.arguments.get(slot) else {
                continue;
            };
            let text =
                argument_label(self.map, a.index).unwrap_or_else(|| argument_id(self.map, a.index));
            let _ = writeln!(self.out, "{indent}a{}([{}])", a.index, label(text));
        }
    }
}

/// The map as a Mermaid flowchart, ending with a newline.
pub fn to_mermaid(map: &Map, resolved: &crate::resolved::ResolvedMap) -> String {
    let r = Resolved::new(map, resolved);
    let mut w = Writer {
        map,
        r: &r,
        out: String::new(),
    };
    if let Some(title) = &map.meta.title {
        let _ = writeln!(w.out, "---\ntitle: {}\n---", yaml_string(title.as_str()));
    }
    w.out.push_str("flowchart BT\n");
    w.out
        .push_str("  classDef claim fill:#ffffff,stroke:#555555,color:#222222\n");
    w.out
        .push_str("  classDef thesis fill:#ffffff,stroke:#222222,stroke-width:3px,color:#222222\n");
    w.out
        .push_str("  classDef argument fill:#eeeeee,stroke:#888888,color:#444444,font-size:12px\n");

    let groups = r.grouped(map);
    if let Some(g) = groups.first() {
        w.nodes(g, "  ");
    }
    for &s in &r.sections {
        let Some(g) = groups.get(s + 1) else {
            continue;
        };
        if g.claims.is_empty() && g.arguments.is_empty() {
            continue;
        }
        let _ = writeln!(w.out, "  subgraph s{s} [{}]", label(section_title(map, s)));
        w.nodes(g, "    ");
        w.out.push_str("  end\n");
    }

    let mut edge = 0usize;
    let mut support = Vec::new();
    let mut attack = Vec::new();
    let mut qualify = Vec::new();
    for a in &r.arguments {
        for &p in &a.premises {
            let _ = writeln!(w.out, "  c{p} --> a{}", a.index);
            support.push(edge);
            edge += 1;
        }
        let _ = writeln!(w.out, "  a{} --> c{}", a.index, a.conclusion);
        support.push(edge);
        edge += 1;
    }
    for &i in &r.claims {
        for &t in r.supports_of(i) {
            let _ = writeln!(w.out, "  c{i} --> c{t}");
            support.push(edge);
            edge += 1;
        }
        for &t in r.attacks_of(i) {
            let _ = match t {
                Target::Claim(j) => writeln!(w.out, "  c{i} -.-x c{j}"),
                Target::Argument(j) => writeln!(w.out, "  c{i} -.-x a{j}"),
            };
            attack.push(edge);
            edge += 1;
        }
        for &t in r.qualifies_of(i) {
            let _ = match t {
                Target::Claim(j) => writeln!(w.out, "  c{i} -.-o c{j}"),
                Target::Argument(j) => writeln!(w.out, "  c{i} -.-o a{j}"),
            };
            qualify.push(edge);
            edge += 1;
        }
    }

    let claims: Vec<String> = r
        .claims
        .iter()
        .filter(|&&i| Some(i) != r.thesis)
        .map(|i| format!("c{i}"))
        .collect();
    if !claims.is_empty() {
        let _ = writeln!(w.out, "  class {} claim", claims.join(","));
    }
    if let Some(t) = r.thesis {
        let _ = writeln!(w.out, "  class c{t} thesis");
    }
    let arguments: Vec<String> = r
        .arguments
        .iter()
        .map(|a| format!("a{}", a.index))
        .collect();
    if !arguments.is_empty() {
        let _ = writeln!(w.out, "  class {} argument", arguments.join(","));
    }
    for (edges, colour) in [
        (&support, SUPPORT_COLOUR),
        (&attack, ATTACK_COLOUR),
        (&qualify, QUALIFY_COLOUR),
    ] {
        if edges.is_empty() {
            continue;
        }
        let list: Vec<String> = edges.iter().map(usize::to_string).collect();
        let _ = writeln!(
            w.out,
            "  linkStyle {} stroke:{colour},stroke-width:2px",
            list.join(",")
        );
    }
    w.out
}
