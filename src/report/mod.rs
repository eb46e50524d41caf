//! The audit report: a reviewer's summary of a checked map, per section
//! (claims, cited and uncited, counterpoints answered and unanswered), the
//! bare assertions, the bibliography findings, the quote checks, the map
//! against its document (coverage and [`DOCUMENT_CODES`]) and the
//! evaluation of the thesis (under grounded semantics, and under evidence
//! semantics when given), each actor's positions. [`Audit`] gathers the facts; [`markdown`] and
//! [`html`] present them. All map text is escaped by the presenters.
//! [`labels`] presents an evaluation's labels, as `argmap eval` prints them.

pub mod escape;
pub mod html;
pub mod labels;
pub mod markdown;
pub mod references;
pub mod structure;

use crate::diag::{Code, Diagnostic, FileReport, Severity};
use crate::eval::{Evaluation, Label, Reason, Role};
use crate::graph::{MapGraph, Node};
use crate::model::Map;
use crate::texts::Texts;

/// Codes whose findings are about the bibliography.
pub const BIBLIOGRAPHY_CODES: &[Code] = &[
    Code::SourceMissingField,
    Code::InvalidUrl,
    Code::TextFragmentUrl,
    Code::InvalidDoi,
    Code::InvalidIsbn,
    Code::SourceFieldConflict,
    Code::UnreadableBibliography,
    Code::AccessedDate,
    Code::DuplicateSource,
    Code::CitedAsMismatch,
    Code::RomanisationMismatch,
    Code::TraditionalCharacter,
    Code::UnusedSource,
    Code::UrlDateMismatch,
    Code::UrlStyle,
    Code::DateStyle,
    Code::MisplacedDash,
    Code::EtAlInEntry,
    Code::PrintedMismatch,
];

/// Codes whose findings are about the map against its document's text:
/// the report's "Document" section presents them, grouped by code.
pub const DOCUMENT_CODES: &[Code] = &[
    Code::DocumentUnread,
    Code::UnmatchedCitation,
    Code::SourceNotInText,
    Code::CitationNotAtAnchor,
    Code::MissedCitation,
    Code::YearBeforeSource,
    Code::TitleMismatch,
    Code::ShortFormInconsistent,
    Code::UncoveredParagraph,
    Code::SectionMismatch,
];

/// Codes whose findings are about quotes, locators, copying and source texts.
pub const QUOTE_CODES: &[Code] = &[
    Code::QuoteNotFound,
    Code::LocatorNotFound,
    Code::UncheckedQuotes,
    Code::UnreadableText,
    Code::QuoteTooLong,
    Code::QuoteBudget,
    Code::CopiedText,
];

/// Codes already presented by the per-section tables.
const SECTION_CODES: &[Code] = &[Code::UncitedClaim, Code::UnansweredCounterpoint];

/// A counterpoint and the claims that answer it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Counterpoint {
    /// The counterpoint (index into `map.claims`).
    pub claim: usize,
    /// The claims that attack it, in file order.
    pub answered_by: Vec<usize>,
}

/// The audit of one section (or of the claims in no section).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SectionAudit {
    /// The section id, `None` for claims without a section.
    pub id: Option<String>,
    /// Its title.
    pub title: String,
    /// Its claims, in file order.
    pub claims: Vec<usize>,
    /// Its claims with no citation.
    pub uncited: Vec<usize>,
    /// Its counterpoints: claims with `attacks` that raise an objection
    /// (claims that only attack counterpoints are answers, listed with the
    /// counterpoint they answer).
    pub counterpoints: Vec<Counterpoint>,
    /// Its qualifications: claims that qualify something (`qualifies`),
    /// each with the ids it qualifies.
    pub qualifications: Vec<(usize, Vec<String>)>,
    /// Its linked arguments.
    pub arguments: usize,
}

impl SectionAudit {
    /// Claims with at least one citation.
    pub fn cited(&self) -> usize {
        self.claims.len() - self.uncited.len()
    }

    /// Counterpoints that some claim answers.
    pub fn answered(&self) -> usize {
        self.counterpoints
            .iter()
            .filter(|c| !c.answered_by.is_empty())
            .count()
    }

    /// Counterpoints that nothing answers.
    pub fn unanswered(&self) -> usize {
        self.counterpoints.len() - self.answered()
    }

    /// The figures of a row of the section table, in the order of
    /// [`COLUMNS`].
    pub fn figures(&self) -> [usize; 8] {
        [
            self.claims.len(),
            self.cited(),
            self.uncited.len(),
            self.counterpoints.len(),
            self.answered(),
            self.unanswered(),
            self.qualifications.len(),
            self.arguments,
        ]
    }
}

/// The columns of the section table after the section's title.
pub const COLUMNS: [&str; 8] = [
    "Claims",
    "Cited",
    "Uncited",
    "Counterpoints",
    "Answered",
    "Unanswered",
    "Qualifications",
    "Arguments",
];

/// Why a claim nothing attacks is accepted under grounded semantics.
const NOTHING_ATTACKS: &str = "nothing attacks it";

/// A claim or argument with its label in the evaluation, and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Standing {
    /// Its id.
    pub id: String,
    /// Whether it is an argument (else a claim).
    pub argument: bool,
    /// Its text (a claim) or label (an argument).
    pub text: String,
    /// Its label.
    pub label: Label,
    /// Why, in words: "undercut by accepted `bypass`".
    pub why: String,
}

impl Standing {
    fn of(map: &Map, graph: &MapGraph, evaluation: &Evaluation, node: Node) -> Option<Standing> {
        let label = evaluation.node(node)?;
        let (id, text, argument) = match node {
            Node::Claim(i) => {
                let c = map.claims.get(i)?;
                (c.id.value.clone(), c.display_text().to_owned(), false)
            }
            Node::Argument(i) => {
                let a = map.arguments.get(i)?;
                let text = a
                    .label
                    .as_ref()
                    .map_or_else(String::new, |l| l.value.clone());
                (a.id.value.clone(), text, true)
            }
            Node::Source(_) => return None,
        };
        let all = evaluation.reasons(graph, node);
        let (qualifiers, grounds): (Vec<&Reason>, Vec<&Reason>) =
            all.iter().partition(|r| r.role == Role::Qualifier);
        let reasons: Vec<String> = grounds
            .iter()
            .chain(&qualifiers)
            .map(|r: &&Reason| {
                let who = map.claims.get(r.claim).map_or("", |c| c.id.value.as_str());
                match r.role {
                    Role::Premise => format!("premise `{who}` is {}", r.label),
                    Role::Attacker => format!("attacked by {} `{who}`", r.label),
                    Role::Undercutter => format!("undercut by {} `{who}`", r.label),
                    Role::Qualifier => format!("qualified by {} `{who}`", r.label),
                }
            })
            .collect();
        let base = match (label, argument) {
            _ if !grounds.is_empty() => None,
            (Label::Accepted, false) => Some(NOTHING_ATTACKS),
            (Label::Accepted, true) => Some("its premises stand and nothing undercuts it"),
            _ => None,
        };
        let why = base
            .map(str::to_owned)
            .into_iter()
            .chain(reasons)
            .collect::<Vec<_>>()
            .join("; ");
        Some(Standing {
            id,
            argument,
            text,
            label,
            why,
        })
    }
}

/// A claim an actor holds (`by`), with what it attacks and what attacks
/// it, under grounded semantics.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Held {
    /// The claim (index into `map.claims`).
    pub claim: usize,
    /// Its label under grounded semantics.
    pub label: Label,
    /// The claims and arguments it attacks, with their labels, in the
    /// order written.
    pub attacks: Vec<(String, Label)>,
    /// The claims that attack it (indexes into `map.claims`), with their
    /// labels, in file order.
    pub attacked_by: Vec<(usize, Label)>,
}

/// An actor's positions: the claims whose `by` names it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Position {
    /// The actor (index into `map.actors`).
    pub actor: usize,
    /// Its id.
    pub id: String,
    /// Its name, when the map gives one.
    pub name: Option<String>,
    /// The claims it holds, in file order.
    pub claims: Vec<Held>,
}

impl Position {
    /// How many of its claims `evaluation` accepts.
    pub fn accepted(&self, evaluation: &Evaluation) -> usize {
        self.claims
            .iter()
            .filter(|h| evaluation.claim(h.claim) == Some(Label::Accepted))
            .count()
    }
}

/// Every actor's positions, in the order of `[actors]`.
fn positions(map: &Map, graph: &MapGraph, evaluation: &Evaluation) -> Vec<Position> {
    let r = &graph.resolved;
    let mut out: Vec<Position> = map
        .actors
        .iter()
        .enumerate()
        .map(|(i, a)| Position {
            actor: i,
            id: a.id.value.clone(),
            name: a.name.as_ref().map(|n| n.value.clone()),
            claims: Vec::new(),
        })
        .collect();
    for (i, c) in map.claims.iter().enumerate() {
        let mut actors = r.by.distinct(i);
        actors.sort_unstable();
        if actors.is_empty() {
            continue;
        }
        let label = evaluation.claim(i).unwrap_or(Label::Undecided);
        let attacks: Vec<(String, Label)> = c
            .attacks
            .iter()
            .zip(r.attacks.of(i))
            .filter_map(|(written, t)| {
                let node = match (*t)? {
                    crate::resolved::Target::Claim(j) => Node::Claim(j),
                    crate::resolved::Target::Argument(j) => Node::Argument(j),
                };
                Some((written.value.clone(), evaluation.node(node)?))
            })
            .collect();
        let attacked_by: Vec<(usize, Label)> = graph
            .attackers(i)
            .into_iter()
            .filter_map(|j| Some((j, evaluation.claim(j)?)))
            .collect();
        for a in actors {
            if let Some(p) = out.get_mut(a) {
                p.claims.push(Held {
                    claim: i,
                    label,
                    attacks: attacks.clone(),
                    attacked_by: attacked_by.clone(),
                });
            }
        }
    }
    out
}

/// What the report says when the thesis stands only on bare assertions.
pub const ONLY_ASSERTED: &str = "The thesis stands only on bare assertions: grounded semantics accepts it because nothing that stands attacks it, but no chain of accepted support reaches it from verified evidence.";

/// The sentence that opens the positions section.
pub fn positions_intro(evidence: bool) -> &'static str {
    if evidence {
        "The claims each actor holds (`by`), what they attack and what attacks them, with their labels under grounded semantics; each held claim also under evidence semantics."
    } else {
        "The claims each actor holds (`by`), what they attack and what attacks them, with their labels under grounded semantics."
    }
}

/// `3 claims: 2 accepted under grounded semantics, 1 under evidence
/// semantics.`, or that the actor holds none.
pub fn position_summary(p: &Position, a: &Audit<'_>) -> String {
    if p.claims.is_empty() {
        return "Holds no claim of the map.".to_owned();
    }
    let mut s = format!(
        "{}: {} accepted under grounded semantics",
        crate::english::count(p.claims.len(), "claim"),
        p.accepted(a.evaluation)
    );
    if let Some(e) = a.evidence {
        s.push_str(&format!(", {} under evidence semantics", p.accepted(e)));
    }
    s.push('.');
    s
}

/// A finding with its line and column.
#[derive(Clone, Debug)]
pub struct Finding<'r> {
    /// The finding.
    pub diagnostic: &'r Diagnostic,
    /// 1-based line.
    pub line: usize,
    /// 1-based column.
    pub column: usize,
    /// The file it is in, when it is not the map (a bibliography file the
    /// map names).
    pub file: Option<&'r str>,
}

impl Finding<'_> {
    /// Where it is, for a reader: `line 12`, or `line 3 of refs.bib` in
    /// another file than the map.
    pub fn place(&self) -> String {
        match self.file {
            Some(file) => format!("line {} of {file}", self.line),
            None => format!("line {}", self.line),
        }
    }
}

/// Everything the report says about one map.
#[derive(Debug)]
pub struct Audit<'a> {
    /// The map file as the user named it.
    pub file: &'a str,
    /// The map.
    pub map: &'a Map,
    /// Sections in file order, then the claims in no section (if any).
    pub sections: Vec<SectionAudit>,
    /// The labels of the evaluation.
    pub evaluation: &'a Evaluation,
    /// Bibliography findings.
    pub bibliography: Vec<Finding<'a>>,
    /// Every source, formatted in [`Audit::style`], with the claims that
    /// cite it and the findings about it.
    pub references: Vec<references::Reference<'a>>,
    /// The citation style of `references`.
    pub style: references::CitationStyle,
    /// Quote findings.
    pub quotes: Vec<Finding<'a>>,
    /// Findings about the map against its document ([`DOCUMENT_CODES`]).
    pub document: Vec<Finding<'a>>,
    /// How much of the document the claims' anchors cover, when its text
    /// was read.
    pub coverage: Option<&'a crate::diag::DocumentCoverage>,
    /// Every other finding, except those the sections already present.
    pub other: Vec<Finding<'a>>,
    /// Quotes in the map (anchor quotes and citation quotes).
    pub quote_count: usize,
    /// Of those, the ones whose source had a text to check them against.
    pub quotes_checked: usize,
    /// Anchors that locate a paragraph (`para`).
    pub locator_count: usize,
    /// Of those, the ones checked against the document's text.
    pub locators_checked: usize,
    /// What the map reproduces of each source text read.
    pub texts: &'a [crate::diag::TextSummary],
    /// The claim `[map] thesis` names, when it names one.
    pub thesis_claim: Option<usize>,
    /// The thesis, with its label and why.
    pub thesis_standing: Option<Standing>,
    /// What directly supports the thesis (claims and arguments), with their
    /// labels.
    pub thesis_support: Vec<Standing>,
    /// Claims and arguments the evaluation rejects, in file order.
    pub rejected: Vec<Standing>,
    /// Claims and arguments it leaves undecided, in file order.
    pub undecided: Vec<Standing>,
    /// The labels under evidence semantics, when the report has them
    /// ([`Audit::with_evidence`]).
    pub evidence: Option<&'a Evaluation>,
    /// The thesis under evidence semantics, with its label and why.
    pub evidence_thesis: Option<Standing>,
    /// Each actor's positions, in the order of `[actors]`.
    pub positions: Vec<Position>,
    /// Errors in all.
    pub errors: usize,
    /// Warnings in all.
    pub warnings: usize,
}

impl<'a> Audit<'a> {
    /// Gathers the audit of a checked map.
    pub fn new(
        report: &'a FileReport,
        map: &'a Map,
        graph: &MapGraph,
        evaluation: &'a Evaluation,
        texts: &Texts,
    ) -> Self {
        let mut sections: Vec<SectionAudit> = map
            .sections
            .iter()
            .map(|s| SectionAudit {
                id: Some(s.id.value.clone()),
                title: s
                    .title
                    .as_ref()
                    .map_or_else(|| s.id.value.clone(), |t| t.value.clone()),
                claims: Vec::new(),
                uncited: Vec::new(),
                counterpoints: Vec::new(),
                qualifications: Vec::new(),
                arguments: 0,
            })
            .collect();
        let mut loose = SectionAudit {
            id: None,
            title: "Claims in no section".to_owned(),
            claims: Vec::new(),
            uncited: Vec::new(),
            counterpoints: Vec::new(),
            qualifications: Vec::new(),
            arguments: 0,
        };
        let r = &graph.resolved;
        for (i, c) in map.claims.iter().enumerate() {
            let target = match r.section_of_claim(i) {
                Some(s) => sections.get_mut(s),
                None => Some(&mut loose),
            };
            let Some(sec) = target else { continue };
            sec.claims.push(i);
            if !r.is_cited(i) {
                sec.uncited.push(i);
            }
            if graph.is_counterpoint(map, i) {
                sec.counterpoints.push(Counterpoint {
                    claim: i,
                    answered_by: graph.attackers(i),
                });
            }
            if graph.qualifies_anything(i) {
                let targets = c
                    .qualifies
                    .iter()
                    .zip(r.qualifies.of(i))
                    .filter(|(_, t)| t.is_some())
                    .map(|(written, _)| written.value.clone())
                    .collect();
                sec.qualifications.push((i, targets));
            }
        }
        for a in 0..map.arguments.len() {
            match r.section_of_argument(a).and_then(|s| sections.get_mut(s)) {
                Some(sec) => sec.arguments += 1,
                None => loose.arguments += 1,
            }
        }
        if !loose.claims.is_empty() || loose.arguments > 0 {
            sections.push(loose);
        }
        let finding = |d: &'a Diagnostic| {
            let (file, span) = report.locate(&d.span);
            let (line, column) = file.line_col(span.start);
            Finding {
                diagnostic: d,
                line,
                column,
                file: (!std::ptr::eq(file, &report.file)).then_some(file.name.as_str()),
            }
        };
        let pick = |codes: &[Code]| -> Vec<Finding<'a>> {
            report
                .diagnostics
                .iter()
                .filter(|d| codes.contains(&d.code))
                .map(finding)
                .collect()
        };
        let other = report
            .diagnostics
            .iter()
            .filter(|d| {
                !BIBLIOGRAPHY_CODES.contains(&d.code)
                    && !QUOTE_CODES.contains(&d.code)
                    && !DOCUMENT_CODES.contains(&d.code)
                    && !SECTION_CODES.contains(&d.code)
            })
            .map(finding)
            .collect();
        let has_text = |s: Option<usize>| s.and_then(|i| texts.get(i)).is_some();
        let document_text = has_text(r.document);
        let (mut quote_count, mut quotes_checked) = (0, 0);
        let (mut locator_count, mut locators_checked) = (0, 0);
        for (i, c) in map.claims.iter().enumerate() {
            if c.anchor.as_ref().is_some_and(|a| a.para.is_some()) {
                locator_count += 1;
                locators_checked += usize::from(document_text);
            }
            if c.anchor.as_ref().is_some_and(|a| a.quote.is_some()) {
                quote_count += 1;
                quotes_checked += usize::from(document_text);
            }
            for (q, s) in c.cites.iter().zip(r.cites.of(i)) {
                if q.quote.is_some() {
                    quote_count += 1;
                    quotes_checked += usize::from(has_text(*s));
                }
            }
        }
        let standing = |n: Node| Standing::of(map, graph, evaluation, n);
        let nodes = || {
            (0..map.claims.len())
                .map(Node::Claim)
                .chain((0..map.arguments.len()).map(Node::Argument))
        };
        let with = |label: Label| -> Vec<Standing> {
            nodes()
                .filter(|&n| evaluation.node(n) == Some(label))
                .filter_map(standing)
                .collect()
        };
        let thesis_support = r
            .thesis
            .and_then(|i| graph.claim_node(i))
            .map(|n| {
                let mut support: Vec<Node> = graph
                    .graph
                    .edges_directed(n, petgraph::Direction::Incoming)
                    .filter(|e| e.weight().kind.is_support())
                    .filter_map(|e| graph.node(petgraph::visit::EdgeRef::source(&e)))
                    .collect();
                support.sort_by_key(|n| match n {
                    Node::Claim(i) => (0, *i),
                    Node::Argument(i) => (1, *i),
                    Node::Source(i) => (2, *i),
                });
                support.dedup();
                support.into_iter().filter_map(standing).collect()
            })
            .unwrap_or_default();
        let thesis_standing = r.thesis.and_then(|i| standing(Node::Claim(i)));
        Audit {
            evidence: None,
            evidence_thesis: None,
            positions: positions(map, graph, evaluation),
            thesis_claim: r.thesis,
            thesis_standing,
            thesis_support,
            rejected: with(Label::Rejected),
            undecided: with(Label::Undecided),
            file: &report.file.name,
            map,
            sections,
            evaluation,
            bibliography: pick(BIBLIOGRAPHY_CODES),
            references: references::references(
                map,
                graph,
                report,
                references::CitationStyle::default(),
            ),
            style: references::CitationStyle::default(),
            quotes: pick(QUOTE_CODES),
            document: pick(DOCUMENT_CODES),
            coverage: report.coverage.as_ref(),
            other,
            quote_count,
            quotes_checked,
            locator_count,
            locators_checked,
            texts: &report.texts,
            errors: report
                .diagnostics
                .iter()
                .filter(|d| d.severity == Severity::Error)
                .count(),
            warnings: report
                .diagnostics
                .iter()
                .filter(|d| d.severity == Severity::Warning)
                .count(),
        }
    }

    /// The same audit with its references formatted in `style`.
    pub fn with_style(
        mut self,
        report: &'a FileReport,
        graph: &MapGraph,
        style: references::CitationStyle,
    ) -> Self {
        if style != self.style {
            self.references = references::references(self.map, graph, report, style);
            self.style = style;
        }
        self
    }

    /// The same audit, with the labels of `evidence`, an evaluation under
    /// evidence semantics of the same map: the thesis's label under it, and
    /// the positions' labels.
    pub fn with_evidence(mut self, graph: &MapGraph, evidence: &'a Evaluation) -> Self {
        self.evidence_thesis = self.thesis_claim.and_then(|t| {
            let mut st = Standing::of(self.map, graph, evidence, Node::Claim(t))?;
            let ground = evidence
                .ground(t)
                .filter(|_| st.label != Label::Rejected)
                .and_then(|g| labels::ground_reason(self.map, graph, t, g));
            if let Some(g) = ground {
                st.why = if st.why.is_empty() || st.why == NOTHING_ATTACKS {
                    g
                } else {
                    format!("{g}; {}", st.why)
                };
            }
            Some(st)
        });
        self.evidence = Some(evidence);
        self
    }

    /// Whether the thesis stands only on bare assertions: accepted under
    /// grounded semantics, and not under evidence semantics.
    pub fn thesis_only_asserted(&self) -> bool {
        let Some(t) = self.thesis_claim else {
            return false;
        };
        self.evaluation.claim(t) == Some(Label::Accepted)
            && self
                .evidence
                .is_some_and(|e| e.claim(t) != Some(Label::Accepted))
    }

    /// Why the map was not checked against its document, if it was not:
    /// `None` when the document's text was read.
    pub fn document_unchecked(&self) -> Option<&'static str> {
        match (&self.map.meta.document, self.coverage) {
            (_, Some(_)) => None,
            (None, None) => Some("Not checked: the map names no `document`."),
            (Some(_), None) => Some("Not checked: the document's text was not supplied."),
        }
    }

    /// The findings about the map against its document, grouped by code
    /// in the order of [`DOCUMENT_CODES`], each code with its summary.
    pub fn document_groups(&self) -> Vec<(Code, &'static str, Vec<&Finding<'a>>)> {
        DOCUMENT_CODES
            .iter()
            .filter_map(|&code| {
                let found: Vec<&Finding<'a>> = self
                    .document
                    .iter()
                    .filter(|f| f.diagnostic.code == code)
                    .collect();
                let summary = crate::rules::find(code).map_or("", |r| r.summary);
                (!found.is_empty()).then_some((code, summary, found))
            })
            .collect()
    }

    /// The map's title (its file name when it has none).
    pub fn title(&self) -> &str {
        self.map
            .meta
            .title
            .as_ref()
            .map_or(self.file, |t| t.value.as_str())
    }

    /// Totals over all sections, in the order of [`COLUMNS`].
    pub fn totals(&self) -> [usize; 8] {
        let mut t = [0; 8];
        for s in &self.sections {
            for (slot, v) in t.iter_mut().zip(s.figures()) {
                *slot += v;
            }
        }
        t
    }

    /// A claim's id and text.
    pub fn claim(&self, i: usize) -> (&str, &str) {
        self.map
            .claims
            .get(i)
            .map_or(("", ""), |c| (c.id.value.as_str(), c.display_text()))
    }

    /// The thesis: id, text and label.
    pub fn thesis(&self) -> Option<(&str, &str, Option<Label>)> {
        let id = self.map.meta.thesis.as_ref()?.as_str();
        let claim = self.thesis_claim.and_then(|i| self.map.claims.get(i));
        let label = self.thesis_claim.and_then(|i| self.evaluation.claim(i));
        Some((id, claim.map_or("", |c| c.display_text()), label))
    }
}
