//! Exports a map to the formats of other tools: argmap's own JSON, Argdown,
//! AIF (AIFdb and OVA), Mermaid, GraphML and Kialo's plain text; and its
//! sources to the bibliography formats BibTeX, BibLaTeX, CSL-JSON and RIS.
//! `docs/interchange.md` says what
//! each format keeps and what it loses.
//!
//! [`json`] writes the model as it was loaded, references as written. The
//! other formats draw the map's structure, so they follow only references
//! that resolve ([`Resolved`], a view of the map's [`ResolvedMap`]): a `supports` or `attacks` entry that names
//! nothing, an argument without a usable conclusion or premise, and the
//! second item of a duplicated id are left out. A map with such errors
//! fails `argmap check`; the command line says so before it exports.
//!
//! ```
//! let map = br#"
//! [map]
//! title = "Bridge"
//! [claims.rebuild]
//! text = "The bridge should be rebuilt"
//! [claims.cracks]
//! text = "Two piers are cracked"
//! supports = ["rebuild"]
//! "#;
//! let checked = argmap::check::check("bridge.toml", map, &Default::default());
//! let (Some(map), Some(graph)) = (&checked.map, &checked.graph) else { unreachable!() };
//! let argdown = argmap::export::export(map, &graph.resolved, argmap::export::Format::Argdown);
//! assert!(argdown.contains("[cracks]: Two piers are cracked\n  +> [rebuild]"));
//! ```

pub mod aif;
pub mod argdown;
pub mod bibtex;
pub mod csl_json;
pub mod graphml;
pub mod json;
pub mod kialo;
pub mod mermaid;
pub mod ris;

use crate::model::{Kind, Map};
use crate::resolved::ResolvedMap;

/// An export format.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, strum::IntoStaticStr, strum::VariantArray)]
#[strum(serialize_all = "lowercase")]
pub enum Format {
    /// argmap's JSON: the whole model, versioned (`argmap-json`, version 1).
    Json,
    /// An Argdown document.
    Argdown,
    /// AIF JSON, as AIFdb and OVA read it.
    Aif,
    /// A Mermaid flowchart.
    Mermaid,
    /// GraphML, for yEd and Gephi.
    Graphml,
    /// Kialo's plain-text export of a discussion.
    Kialo,
    /// The sources, as BibTeX.
    Bibtex,
    /// The sources, as BibLaTeX.
    Biblatex,
    /// The sources, as CSL-JSON.
    #[strum(serialize = "csl-json")]
    CslJson,
    /// The sources, as RIS.
    Ris,
}

impl Format {
    /// Every format, in the order the documentation lists them.
    pub const ALL: &[Format] = <Format as strum::VariantArray>::VARIANTS;

    /// The name used on the command line.
    pub fn name(self) -> &'static str {
        self.into()
    }

    /// The usual file extension, without the dot.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Json => "json",
            Format::Argdown => "argdown",
            Format::Aif => "json",
            Format::Mermaid => "mmd",
            Format::Graphml => "graphml",
            Format::Kialo => "txt",
            Format::Bibtex | Format::Biblatex => "bib",
            Format::CslJson => "json",
            Format::Ris => "ris",
        }
    }
}

/// `map`, whose references `resolved` resolves, in `format`. Every format
/// ends with a newline.
pub fn export(map: &Map, resolved: &ResolvedMap, format: Format) -> String {
    match format {
        Format::Json => json::to_json(map),
        Format::Argdown => argdown::to_argdown(map, resolved),
        Format::Aif => aif::to_aif(map, resolved),
        Format::Mermaid => mermaid::to_mermaid(map, resolved),
        Format::Graphml => graphml::to_graphml(map, resolved),
        Format::Kialo => kialo::to_kialo(map, resolved),
        Format::Bibtex => bibtex::to_bib(map, resolved, bibtex::Dialect::Bibtex),
        Format::Biblatex => bibtex::to_bib(map, resolved, bibtex::Dialect::Biblatex),
        Format::CslJson => csl_json::to_csl_json(map, resolved),
        Format::Ris => ris::to_ris(map, resolved),
    }
}

pub use crate::resolved::Target;

/// A linked argument whose premises and conclusion resolve.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ResolvedArgument {
    /// Index into `map.arguments`.
    pub index: usize,
    /// Claim indices, each once, in the order written.
    pub premises: Vec<usize>,
    /// Claim index.
    pub conclusion: usize,
}

/// The structure of a map as the diagram formats draw it: only items that
/// own their id (the first of a duplicated id), and only references that
/// resolve, each once, in file order.
#[derive(Clone, Debug, Default)]
pub struct Resolved {
    /// Claim indices that own their id, in file order.
    pub claims: Vec<usize>,
    /// For each claim (by index into `map.claims`): the claims it supports.
    pub supports: Vec<Vec<usize>>,
    /// For each claim: what it attacks.
    pub attacks: Vec<Vec<Target>>,
    /// For each claim: what it qualifies.
    pub qualifies: Vec<Vec<Target>>,
    /// For each claim: the actors (indices) that hold it.
    pub by: Vec<Vec<usize>>,
    /// For each claim: its section (index), when it names one.
    pub claim_section: Vec<Option<usize>>,
    /// Arguments that own their id and whose premises and conclusion
    /// resolve, in file order.
    pub arguments: Vec<ResolvedArgument>,
    /// For each argument (by index into `map.arguments`): its position in
    /// [`Resolved::arguments`], when it is there.
    pub argument_slot: Vec<Option<usize>>,
    /// For each argument: its own section, else its conclusion's.
    pub argument_section: Vec<Option<usize>>,
    /// Source indices that own their id.
    pub sources: Vec<usize>,
    /// Actor indices that own their id.
    pub actors: Vec<usize>,
    /// Section indices that own their id.
    pub sections: Vec<usize>,
    /// The thesis, when it names a claim.
    pub thesis: Option<usize>,
}

/// The claims and arguments of one section.
#[derive(Clone, Debug, Default)]
pub struct Group {
    /// Claim indices, in file order.
    pub claims: Vec<usize>,
    /// Positions in [`Resolved::arguments`], in file order.
    pub arguments: Vec<usize>,
}

impl Resolved {
    /// What the diagram formats draw of `map`, from its references as
    /// `resolved` resolves them: items that own their id, arguments whose
    /// premises and conclusion resolve, each relation once.
    pub fn new(map: &Map, resolved: &ResolvedMap) -> Resolved {
        let owned = |kind: Kind, n: usize| -> Vec<usize> {
            (0..n).filter(|&i| resolved.owns(kind, i)).collect()
        };
        let mut r = Resolved {
            claims: owned(Kind::Claim, map.claims.len()),
            sources: owned(Kind::Source, map.sources.len()),
            actors: owned(Kind::Actor, map.actors.len()),
            sections: owned(Kind::Section, map.sections.len()),
            supports: vec![Vec::new(); map.claims.len()],
            attacks: vec![Vec::new(); map.claims.len()],
            qualifies: vec![Vec::new(); map.claims.len()],
            by: vec![Vec::new(); map.claims.len()],
            claim_section: resolved.claim_section.clone(),
            argument_section: resolved.argument_section.clone(),
            argument_slot: vec![None; map.arguments.len()],
            thesis: resolved.thesis,
            arguments: Vec::new(),
        };
        for i in owned(Kind::Argument, map.arguments.len()) {
            let premises = resolved.premises.distinct(i);
            let conclusion = resolved.conclusion.get(i).copied().flatten();
            if let (Some(conclusion), false) = (conclusion, premises.is_empty()) {
                if let Some(slot) = r.argument_slot.get_mut(i) {
                    *slot = Some(r.arguments.len());
                }
                r.arguments.push(ResolvedArgument {
                    index: i,
                    premises,
                    conclusion,
                });
            }
        }
        let drawn = |t: &Target| match *t {
            Target::Claim(_) => true,
            Target::Argument(j) => r.argument_slot.get(j).copied().flatten().is_some(),
        };
        for &i in &r.claims {
            let attacks: Vec<Target> = resolved
                .attacks
                .distinct(i)
                .into_iter()
                .filter(drawn)
                .collect();
            let qualifies: Vec<Target> = resolved
                .qualifies
                .distinct(i)
                .into_iter()
                .filter(drawn)
                .collect();
            if let Some(s) = r.supports.get_mut(i) {
                *s = resolved.supports.distinct(i);
            }
            if let Some(s) = r.attacks.get_mut(i) {
                *s = attacks;
            }
            if let Some(s) = r.qualifies.get_mut(i) {
                *s = qualifies;
            }
            if let Some(s) = r.by.get_mut(i) {
                *s = resolved.by.distinct(i);
            }
        }
        r
    }

    /// The claims claim `i` supports.
    pub fn supports_of(&self, i: usize) -> &[usize] {
        self.supports.get(i).map_or(&[], Vec::as_slice)
    }

    /// What claim `i` attacks.
    pub fn attacks_of(&self, i: usize) -> &[Target] {
        self.attacks.get(i).map_or(&[], Vec::as_slice)
    }

    /// What claim `i` qualifies.
    pub fn qualifies_of(&self, i: usize) -> &[Target] {
        self.qualifies.get(i).map_or(&[], Vec::as_slice)
    }

    /// The actors holding claim `i`.
    pub fn by_of(&self, i: usize) -> &[usize] {
        self.by.get(i).map_or(&[], Vec::as_slice)
    }

    /// The section of claim `i`.
    pub fn section_of_claim(&self, i: usize) -> Option<usize> {
        self.claim_section.get(i).copied().flatten()
    }

    /// The section of argument `i` (index into `map.arguments`).
    pub fn section_of_argument(&self, i: usize) -> Option<usize> {
        self.argument_section.get(i).copied().flatten()
    }

    /// The claims and arguments (positions in [`Resolved::arguments`]) of
    /// each section: `[0]` holds those of no section, `[s + 1]` those of
    /// section `s`.
    pub fn grouped(&self, map: &Map) -> Vec<Group> {
        let mut groups = vec![Group::default(); map.sections.len() + 1];
        for &i in &self.claims {
            let g = self.section_of_claim(i).map_or(0, |s| s + 1);
            if let Some(g) = groups.get_mut(g) {
                g.claims.push(i);
            }
        }
        for (slot, a) in self.arguments.iter().enumerate() {
            let g = self.section_of_argument(a.index).map_or(0, |s| s + 1);
            if let Some(g) = groups.get_mut(g) {
                g.arguments.push(slot);
            }
        }
        groups
    }

    /// Whether argument `i` (index into `map.arguments`) is exported.
    pub fn has_argument(&self, i: usize) -> bool {
        self.argument_slot.get(i).copied().flatten().is_some()
    }
}

/// Whether `c` cannot appear in XML 1.0 or is a C0/C1 control character
/// other than tab, newline and carriage return.
pub(crate) fn is_control(c: char) -> bool {
    matches!(c, '\u{0}'..='\u{8}' | '\u{b}' | '\u{c}' | '\u{e}'..='\u{1f}' | '\u{7f}'..='\u{9f}' | '\u{fffe}' | '\u{ffff}')
}

/// `text` on one line: every run of whitespace (newlines too) and every
/// control character becomes one space; leading and trailing space go.
pub(crate) fn one_line(text: &str) -> String {
    let replaced: String = text
        .chars()
        .map(|c| if is_control(c) { ' ' } else { c })
        .collect();
    replaced.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The text of claim `i`: its `text`, or its id when the text is missing.
pub(crate) fn claim_text(map: &Map, i: usize) -> &str {
    map.claims.get(i).map_or("", |c| c.display_text())
}

/// The id of claim `i`.
pub(crate) fn claim_id(map: &Map, i: usize) -> &str {
    map.claims.get(i).map_or("", |c| c.id.as_str())
}

/// The id of argument `i`.
pub(crate) fn argument_id(map: &Map, i: usize) -> &str {
    map.arguments.get(i).map_or("", |a| a.id.as_str())
}

/// The display name of actor `i`: its `name`, else its id.
pub(crate) fn actor_name(map: &Map, i: usize) -> &str {
    map.actors
        .get(i)
        .map_or("", crate::model::Actor::display_name)
}

/// The display title of section `i`: its `title`, else its id.
pub(crate) fn section_title(map: &Map, i: usize) -> &str {
    map.sections
        .get(i)
        .map_or("", crate::model::Section::display_title)
}

/// The label of argument `i`, when it has one.
pub(crate) fn argument_label(map: &Map, i: usize) -> Option<&str> {
    map.arguments
        .get(i)
        .and_then(|a| a.label.as_ref())
        .map(|l| l.as_str())
}

/// A YAML double-quoted scalar, for front matter (Argdown's, Mermaid's):
/// JSON's escaping, plus `=` (Argdown ends front matter at any `===`) and
/// the characters YAML may read as line breaks. Without a raw line break,
/// no `---` can end Mermaid's front matter.
pub(crate) fn yaml_string(text: &str) -> String {
    let json = serde_json::Value::String(text.to_owned()).to_string();
    let mut out = String::with_capacity(json.len());
    for c in json.chars() {
        match c {
            '=' => out.push_str("\\u003D"),
            '\u{85}' => out.push_str("\\u0085"),
            '\u{2028}' => out.push_str("\\u2028"),
            '\u{2029}' => out.push_str("\\u2029"),
            c => out.push(c),
        }
    }
    out
}
