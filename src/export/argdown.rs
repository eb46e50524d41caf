//! Argdown (<https://argdown.org>): every claim as a titled statement
//! (`[id]: text`) with its outgoing relations below it (`+>` support, `->`
//! attack, `_>` undercut of an argument; a qualification, which Argdown
//! has no relation for, as a `// qualifies [id]` comment), and every linked
//! argument as an
//! argument with a premise-conclusion structure:
//!
//! ```text
//! <traffic>: Unrestricted heavy load
//!
//! (1) [load]
//! (2) [no-limit]
//! ----
//! (3) [rebuild]
//! ```
//!
//! Claims and arguments without a section come first; each section follows
//! as a `#` heading with its claims, then its arguments. The map's title is
//! the front matter's `title` (and a heading, in a map with nothing else:
//! Argdown rejects a document without any element).
//!
//! Text is written on one line (line breaks become spaces) and every
//! character that Argdown's lexer would read as markup is escaped with a
//! backslash: brackets and angle brackets (references, mentions, links,
//! HTML comments), `#` (tags), `*` and `_` (emphasis), `{` and `}` (data),
//! `=` (front matter), `@`, the backslash itself, a `/` that would open a
//! comment, and a `.` or `:` that would open a shortcode (`:smile:`).

use std::collections::HashSet;
use std::fmt::Write as _;

use super::{
    Group, Resolved, Target, argument_id, argument_label, claim_id, claim_text, one_line,
    section_title, yaml_string,
};
use crate::model::Map;

/// Escapes `text` for the text of a statement, an argument or a heading.
pub fn escape(text: &str) -> String {
    let line = one_line(text);
    let chars: Vec<char> = line.chars().collect();
    let mut out = String::with_capacity(line.len() + 8);
    for (i, &c) in chars.iter().enumerate() {
        let rest = chars.get(i + 1..).unwrap_or(&[]);
        let escape = match c {
            '\\' | '[' | ']' | '<' | '>' | '#' | '*' | '_' | '{' | '}' | '=' | '@' => true,
            '/' => matches!(rest.first(), Some('/' | '*')),
            // `.name.` and `:name:` are shortcodes when no space is inside.
            '.' | ':' => rest
                .iter()
                .take_while(|r| !r.is_whitespace())
                .skip(1)
                .any(|&r| r == c),
            _ => false,
        };
        if escape {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// Argdown titles: the map's ids, except that a reference cannot start with
/// `-`, so such an id gets a leading `_` (more, if that id is taken).
struct Titles {
    taken: HashSet<String>,
}

impl Titles {
    fn new(map: &Map) -> Titles {
        Titles {
            taken: map.items().map(|(_, id)| id.value.clone()).collect(),
        }
    }

    fn of(&self, id: &str) -> String {
        if !id.starts_with('-') {
            return id.to_owned();
        }
        let mut t = format!("_{id}");
        while self.taken.contains(&t) {
            t.insert(0, '_');
        }
        t
    }
}

struct Writer<'a> {
    map: &'a Map,
    r: &'a Resolved,
    titles: Titles,
    out: String,
}

impl Writer<'_> {
    fn claim(&mut self, i: usize) {
        let title = self.titles.of(claim_id(self.map, i));
        let text = escape(claim_text(self.map, i));
        if text.is_empty() {
            // A definition needs text; a bare reference declares the statement.
            let _ = writeln!(self.out, "\n[{title}]");
        } else {
            let _ = writeln!(self.out, "\n[{title}]: {text}");
        }
        for &t in self.r.supports_of(i) {
            let _ = writeln!(self.out, "  +> [{}]", self.titles.of(claim_id(self.map, t)));
        }
        for &t in self.r.attacks_of(i) {
            let _ = match t {
                Target::Claim(j) => {
                    writeln!(self.out, "  -> [{}]", self.titles.of(claim_id(self.map, j)))
                }
                Target::Argument(j) => writeln!(
                    self.out,
                    "  _> <{}>",
                    self.titles.of(argument_id(self.map, j))
                ),
            };
        }
        // Argdown has no relation for a concession: kept as a comment, so
        // that Argdown draws nothing that would read as support or attack.
        for &t in self.r.qualifies_of(i) {
            let target = match t {
                Target::Claim(j) => format!("[{}]", self.titles.of(claim_id(self.map, j))),
                Target::Argument(j) => format!("<{}>", self.titles.of(argument_id(self.map, j))),
            };
            let _ = writeln!(self.out, "  // qualifies {target} (a concession)");
        }
    }

    fn argument(&mut self, slot: usize) {
        let Some(a) = self.r.arguments.get(slot) else {
            return;
        };
        let title = self.titles.of(argument_id(self.map, a.index));
        match argument_label(self.map, a.index).map(escape) {
            Some(label) if !label.is_empty() => {
                let _ = writeln!(self.out, "\n<{title}>: {label}\n");
            }
            _ => {
                let _ = writeln!(self.out, "\n<{title}>\n");
            }
        }
        for (n, &p) in a.premises.iter().enumerate() {
            let _ = writeln!(
                self.out,
                "({}) [{}]",
                n + 1,
                self.titles.of(claim_id(self.map, p))
            );
        }
        let _ = writeln!(
            self.out,
            "----\n({}) [{}]",
            a.premises.len() + 1,
            self.titles.of(claim_id(self.map, a.conclusion))
        );
    }

    /// The claims, then the arguments, of one section.
    fn group(&mut self, group: &Group) {
        for &i in &group.claims {
            self.claim(i);
        }
        for &slot in &group.arguments {
            self.argument(slot);
        }
    }
}

/// The map as an Argdown document, ending with a newline.
pub fn to_argdown(map: &Map, resolved: &crate::resolved::ResolvedMap) -> String {
    let r = Resolved::new(map, resolved);
    let mut w = Writer {
        map,
        r: &r,
        titles: Titles::new(map),
        out: String::new(),
    };
    if let Some(title) = &map.meta.title {
        let _ = writeln!(w.out, "===\ntitle: {}\n===", yaml_string(title.as_str()));
    }
    let groups = r.grouped(map);
    if let Some(g) = groups.first() {
        w.group(g);
    }
    for &s in &r.sections {
        let _ = writeln!(w.out, "\n# {}", escape(section_title(map, s)));
        if let Some(g) = groups.get(s + 1) {
            w.group(g);
        }
    }
    if r.claims.is_empty() && r.arguments.is_empty() && r.sections.is_empty() {
        // Argdown reads a document of front matter alone as an error.
        let title = map.meta.title.as_ref().map_or("Empty map", |t| t.as_str());
        let _ = writeln!(w.out, "\n# {}", escape(title));
    }
    let trimmed = w.out.trim_start_matches('\n');
    let mut out = trimmed.to_owned();
    if !out.ends_with('\n') {
        out.push('\n');
    }
    out
}
