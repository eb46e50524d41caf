//! Printing a DOT syntax tree: byte for byte what graphviz-rust's
//! `DotPrinter` prints with its default `PrinterContext`, but written into
//! one buffer. graphviz-rust builds a string for every node, attribute and
//! list and joins them, which for a map of 100,000 claims took longer than
//! building the tree.
//!
//! Edges between subgraphs are printed by graphviz-rust in a way that
//! depends on their printed length; argmap draws none, and [`print`]
//! returns `None` for a tree that has them (or a port without a name and
//! direction), so that the caller falls back to graphviz-rust.

use graphviz_rust::dot_structures::{
    Attribute, Edge, EdgeTy, Graph, GraphAttributes, Id, NodeId, Port, Stmt, Subgraph, Vertex,
};

/// Columns each level of nesting is indented by.
const INDENT: usize = 2;

/// The DOT text of `graph` (without a final newline), or `None` when it
/// holds something this printer leaves to graphviz-rust.
pub(crate) fn print(graph: &Graph) -> Option<String> {
    let (keyword, strict, id, stmts, arrow) = match graph {
        Graph::Graph { id, strict, stmts } => ("graph", *strict, id, stmts, "--"),
        Graph::DiGraph { id, strict, stmts } => ("digraph", *strict, id, stmts, "->"),
    };
    let mut p = Printer {
        out: String::with_capacity(stmts.len().saturating_mul(160).max(256)),
        arrow,
    };
    if strict {
        p.out.push_str("strict ");
    }
    p.out.push_str(keyword);
    p.out.push(' ');
    p.id(id);
    p.out.push_str(" {\n");
    p.stmts(stmts, INDENT)?;
    p.out.push_str("\n}");
    Some(p.out)
}

/// The DOT text of one top-level statement of a directed graph, indented
/// as [`print`] indents it (without a line break), or `None` when it holds
/// something this printer leaves to graphviz-rust.
pub(crate) fn print_statement(stmt: &Stmt) -> Option<String> {
    let mut p = Printer {
        out: String::new(),
        arrow: "->",
    };
    p.stmts(std::slice::from_ref(stmt), INDENT)?;
    Some(p.out)
}

struct Printer {
    out: String,
    arrow: &'static str,
}

impl Printer {
    fn id(&mut self, id: &Id) {
        match id {
            Id::Html(v) | Id::Escaped(v) | Id::Plain(v) => self.out.push_str(v),
            Id::Anonymous(_) => {}
        }
    }

    fn indent(&mut self, n: usize) {
        self.out.extend(std::iter::repeat_n(' ', n));
    }

    /// Statements at `indent`, one a line, without a final newline.
    fn stmts(&mut self, stmts: &[Stmt], indent: usize) -> Option<()> {
        for (i, stmt) in stmts.iter().enumerate() {
            if i > 0 {
                self.out.push('\n');
            }
            self.indent(indent);
            match stmt {
                Stmt::Node(n) => {
                    self.node_id(&n.id)?;
                    self.attributes(&n.attributes);
                }
                Stmt::Subgraph(s) => self.subgraph(s, indent)?,
                Stmt::Attribute(a) => self.attribute(a),
                Stmt::GAttribute(g) => {
                    let (word, attrs) = match g {
                        GraphAttributes::Graph(a) => ("graph", a),
                        GraphAttributes::Node(a) => ("node", a),
                        GraphAttributes::Edge(a) => ("edge", a),
                    };
                    self.out.push_str(word);
                    self.attributes(attrs);
                }
                Stmt::Edge(e) => self.edge(e)?,
            }
        }
        Some(())
    }

    /// A subgraph whose first line is already indented by `indent`.
    fn subgraph(&mut self, s: &Subgraph, indent: usize) -> Option<()> {
        self.out.push_str("subgraph ");
        self.id(&s.id);
        self.out.push_str(" {\n");
        self.stmts(&s.stmts, indent + INDENT)?;
        self.out.push('\n');
        self.indent(indent);
        self.out.push('}');
        Some(())
    }

    fn attribute(&mut self, Attribute(key, value): &Attribute) {
        self.id(key);
        self.out.push('=');
        self.id(value);
    }

    fn attributes(&mut self, attrs: &[Attribute]) {
        if attrs.is_empty() {
            return;
        }
        self.out.push('[');
        for (i, a) in attrs.iter().enumerate() {
            if i > 0 {
                self.out.push(' ');
            }
            self.attribute(a);
        }
        self.out.push(']');
    }

    fn node_id(&mut self, NodeId(id, port): &NodeId) -> Option<()> {
        self.id(id);
        match port {
            None => {}
            Some(Port(Some(name), Some(dir))) => {
                self.out.push(':');
                self.id(name);
                self.out.push(':');
                self.out.push_str(dir);
            }
            Some(Port(None, Some(dir))) => {
                self.out.push(':');
                self.out.push_str(dir);
            }
            Some(Port(Some(name), None)) => {
                self.out.push(':');
                self.id(name);
            }
            Some(Port(None, None)) => return None,
        }
        Some(())
    }

    fn vertex(&mut self, v: &Vertex) -> Option<()> {
        match v {
            Vertex::N(n) => self.node_id(n),
            Vertex::S(_) => None,
        }
    }

    fn edge(&mut self, e: &Edge) -> Option<()> {
        match &e.ty {
            EdgeTy::Pair(from, to) => {
                self.vertex(from)?;
                self.out.push(' ');
                self.out.push_str(self.arrow);
                self.out.push(' ');
                self.vertex(to)?;
                if !e.attributes.is_empty() {
                    self.out.push(' ');
                    self.attributes(&e.attributes);
                }
            }
            EdgeTy::Chain(vertices) => {
                if vertices.is_empty() {
                    return None;
                }
                for (i, v) in vertices.iter().enumerate() {
                    if i > 0 {
                        self.out.push(' ');
                        self.out.push_str(self.arrow);
                        self.out.push(' ');
                    }
                    self.vertex(v)?;
                }
                self.attributes(&e.attributes);
            }
        }
        Some(())
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use graphviz_rust::printer::{DotPrinter, PrinterContext};

    use super::*;

    fn plain(s: &str) -> Id {
        Id::Plain(s.to_owned())
    }

    fn vertex(s: &str, port: Option<Port>) -> Vertex {
        Vertex::N(NodeId(plain(s), port))
    }

    #[test]
    fn prints_what_graphviz_rust_prints() {
        let attrs = vec![
            Attribute(plain("label"), Id::Html("<<b>x</b>>".into())),
            Attribute(plain("tooltip"), Id::Escaped("\"a \\\"b\\\"\"".into())),
        ];
        let inner = Subgraph {
            id: plain("cluster_1"),
            stmts: vec![
                Stmt::GAttribute(GraphAttributes::Graph(attrs.clone())),
                Stmt::Node(graphviz_rust::dot_structures::Node::new(
                    NodeId(plain("c1"), None),
                    attrs.clone(),
                )),
                Stmt::Node(graphviz_rust::dot_structures::Node::new(
                    NodeId(plain("c2"), Some(Port(Some(plain("p")), Some("n".into())))),
                    vec![],
                )),
            ],
        };
        let stmts = vec![
            Stmt::GAttribute(GraphAttributes::Node(attrs.clone())),
            Stmt::GAttribute(GraphAttributes::Edge(vec![])),
            Stmt::Attribute(Attribute(plain("rankdir"), plain("LR"))),
            Stmt::Subgraph(Subgraph {
                id: plain("cluster_0"),
                stmts: vec![Stmt::Subgraph(inner)],
            }),
            Stmt::Edge(Edge {
                ty: EdgeTy::Pair(vertex("c1", None), vertex("c2", None)),
                attributes: attrs.clone(),
            }),
            Stmt::Edge(Edge {
                ty: EdgeTy::Pair(vertex("c1", None), vertex("c2", None)),
                attributes: vec![],
            }),
            Stmt::Edge(Edge {
                ty: EdgeTy::Chain(vec![
                    vertex("a", None),
                    vertex("b", Some(Port(None, Some("s".into())))),
                    vertex("c", Some(Port(Some(plain("q")), None))),
                ]),
                attributes: attrs,
            }),
        ];
        for (strict, directed) in [(false, true), (true, true), (false, false), (true, false)] {
            let g = if directed {
                Graph::DiGraph {
                    id: plain("argmap"),
                    strict,
                    stmts: stmts.clone(),
                }
            } else {
                Graph::Graph {
                    id: plain("argmap"),
                    strict,
                    stmts: stmts.clone(),
                }
            };
            assert_eq!(print(&g).unwrap(), g.print(&mut PrinterContext::default()));
        }
    }

    #[test]
    fn leaves_subgraph_edges_to_graphviz_rust() {
        let g = Graph::DiGraph {
            id: plain("g"),
            strict: false,
            stmts: vec![Stmt::Edge(Edge {
                ty: EdgeTy::Pair(
                    Vertex::S(Subgraph {
                        id: plain("s"),
                        stmts: vec![],
                    }),
                    vertex("b", None),
                ),
                attributes: vec![],
            })],
        };
        assert_eq!(print(&g), None);
    }
}
