//! The rule registry: every diagnostic code, its default level, its
//! documentation (the text of `argmap explain CODE`) and, for rules that
//! look at a loaded map, its check.
//!
//! One file per code. A rule's doc comment is its documentation: the
//! [`declare_rule!`] macro keeps the `///` lines both as rustdoc and as the
//! `docs` string that `explain` prints. Codes reported while loading
//! (`toml-syntax`, `unknown-field`, ...) have files too, for their docs, but
//! no check: the loader reports them.

use rayon::prelude::*;

use crate::diag::{Code, Diagnostic, Level};
use crate::graph::MapGraph;
use crate::model::Map;
use crate::texts::Texts;

/// What a rule's check sees.
pub struct Context<'a> {
    /// The loaded map.
    pub map: &'a Map,
    /// Its graph.
    pub graph: &'a MapGraph,
    /// The texts of its sources, for quote checks.
    pub texts: &'a Texts,
    /// What the map reproduces of each text.
    pub copying: &'a crate::copy::Copying,
    /// The map against its document (empty without the document's text).
    pub against: &'a crate::verify::Against,
    /// How much of the document the claims' anchors cover (empty without
    /// the document's text).
    pub coverage: &'a crate::coverage::Coverage,
    /// Today, for `accessed-date`; `None`: the system clock's date (UTC).
    pub today: Option<crate::model::Date>,
    /// Whether the findings of `code` are reported at the map's levels. A
    /// rule leaves a follow-on of another rule's finding to that finding
    /// (one slip, one finding) only while that finding is reported.
    pub reported: &'a (dyn Fn(Code) -> bool + Sync),
}

impl<'a> Context<'a> {
    /// The text of the map's `document` and its structure, when the text
    /// was read: what the rules that compare a map with its document read.
    pub fn document(
        &self,
    ) -> Option<(&'a crate::texts::SourceText, &'a crate::document::Document)> {
        let text = self.against.text(self.texts)?;
        Some((text, &text.structure))
    }
}

/// A rule's check: appends its findings.
pub type CheckFn = fn(&Context<'_>, &mut Vec<Diagnostic>);

/// A diagnostic code and what argmap knows about it.
#[derive(Debug)]
pub struct Rule {
    /// Its code.
    pub code: Code,
    /// Level unless `[lints]` or the command line says otherwise.
    pub default_level: Level,
    /// One line for `argmap explain` without a code.
    pub summary: &'static str,
    /// The full documentation: what it finds, why, an example, the fix.
    pub docs: &'static str,
    /// The check, for rules that run on a loaded map.
    pub check: Option<CheckFn>,
    /// What the check reads beyond the map and its graph.
    pub reads: Reads,
}

/// What a rule's check reads beyond the map and its graph.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Reads {
    /// The map and its graph only.
    Map,
    /// The source texts ([`Context::texts`]) too.
    Texts,
    /// The copy measure ([`Context::copying`]) too, which reads the texts.
    Copying,
}

impl Rule {
    /// The documentation with rustdoc's leading space removed from each line.
    pub fn explanation(&self) -> String {
        let mut out = String::new();
        for line in self.docs.lines() {
            out.push_str(line.strip_prefix(' ').unwrap_or(line));
            out.push('\n');
        }
        out.trim_end().to_owned()
    }
}

/// The registry as a SARIF log describes it: each rule's code, default
/// level, summary and documentation.
pub fn sarif_rules() -> Vec<crate::diag::render::sarif::RuleInfo> {
    RULES
        .iter()
        .map(|r| crate::diag::render::sarif::RuleInfo {
            code: r.code,
            default_level: r.default_level,
            summary: r.summary,
            docs: r.explanation(),
        })
        .collect()
}

/// Declares a rule: its doc comment becomes both rustdoc and `Rule::docs`.
macro_rules! declare_rule {
    (
        $(#[doc = $doc:literal])*
        pub static $name:ident = Rule {
            code: $code:expr,
            default_level: $level:expr,
            summary: $summary:literal,
            check: $check:expr
            $(, reads: $reads:expr)? $(,)?
        };
    ) => {
        $(#[doc = $doc])*
        pub static $name: $crate::rules::Rule = $crate::rules::Rule {
            code: $code,
            default_level: $level,
            summary: $summary,
            docs: concat!($($doc, "\n"),*),
            check: $check,
            reads: declare_rule!(@reads $($reads)?),
        };
    };
    (@reads) => { $crate::rules::Reads::Map };
    (@reads $reads:expr) => { $reads };
}

mod accessed_date;
mod circular_support;
mod citation_not_at_anchor;
mod cited_as_mismatch;
mod copied_text;
mod date_style;
mod document_unread;
mod duplicate_id;
mod duplicate_source;
mod et_al_in_entry;
mod format_version;
mod invalid_doi;
mod invalid_isbn;
mod invalid_url;
mod invalid_value;
mod locator_not_found;
mod misplaced_dash;
mod missed_citation;
mod missing_field;
mod orphan_claim;
mod placeholder_text;
mod printed_mismatch;
mod quote_budget;
mod quote_not_found;
mod quote_too_long;
mod romanisation_mismatch;
mod section_mismatch;
mod self_reference;
mod short_form_inconsistent;
mod source_field_conflict;
mod source_missing_field;
mod source_not_in_text;
mod supports_and_attacks;
mod text_fragment_url;
mod title_mismatch;
mod toml_syntax;
mod traditional_character;
mod unanswered_counterpoint;
mod unchecked_quotes;
mod uncited_claim;
mod uncovered_paragraph;
mod unknown_field;
mod unknown_reference;
mod unmatched_citation;
mod unreadable_bibliography;
mod unreadable_text;
mod unsupported_thesis;
mod unused_source;
mod url_date_mismatch;
mod url_style;
mod year_before_source;

pub use placeholder_text::{PLACEHOLDER, is_placeholder};

/// Every rule, loader codes first, then map rules in the order they run.
pub static RULES: &[&Rule] = &[
    &toml_syntax::RULE,
    &unknown_field::RULE,
    &invalid_value::RULE,
    &missing_field::RULE,
    &duplicate_id::RULE,
    &unknown_reference::RULE,
    &self_reference::RULE,
    &circular_support::RULE,
    &supports_and_attacks::RULE,
    &quote_not_found::RULE,
    &locator_not_found::RULE,
    &unchecked_quotes::RULE,
    &unreadable_text::RULE,
    &unreadable_bibliography::RULE,
    &quote_too_long::RULE,
    &quote_budget::RULE,
    &copied_text::RULE,
    &uncovered_paragraph::RULE,
    &section_mismatch::RULE,
    &uncited_claim::RULE,
    &placeholder_text::RULE,
    &orphan_claim::RULE,
    &unsupported_thesis::RULE,
    &unanswered_counterpoint::RULE,
    &unused_source::RULE,
    &source_missing_field::RULE,
    &source_field_conflict::RULE,
    &invalid_url::RULE,
    &text_fragment_url::RULE,
    &invalid_doi::RULE,
    &invalid_isbn::RULE,
    &accessed_date::RULE,
    &url_date_mismatch::RULE,
    &duplicate_source::RULE,
    &cited_as_mismatch::RULE,
    &document_unread::RULE,
    &unmatched_citation::RULE,
    &source_not_in_text::RULE,
    &citation_not_at_anchor::RULE,
    &missed_citation::RULE,
    &year_before_source::RULE,
    &title_mismatch::RULE,
    &url_style::RULE,
    &date_style::RULE,
    &misplaced_dash::RULE,
    &et_al_in_entry::RULE,
    &short_form_inconsistent::RULE,
    &printed_mismatch::RULE,
    &romanisation_mismatch::RULE,
    &traditional_character::RULE,
    &format_version::RULE,
];

/// The rule of `code`. Every code has one (a test holds [`RULES`] to
/// [`Code::ALL`]).
pub fn find(code: Code) -> Option<&'static Rule> {
    RULES.iter().copied().find(|r| r.code == code)
}

/// The default level of `code`.
pub fn default_level(code: Code) -> Level {
    find(code).map_or(Level::Error, |r| r.default_level)
}

/// Maps of at least this many claims are checked on every core.
pub const PARALLEL_CLAIMS: usize = 2_000;

/// Runs every rule with a check on a loaded map. The findings are those of
/// running the rules one after another in registry order; on a large map
/// ([`PARALLEL_CLAIMS`]) the rules run on every core, and their findings
/// are put back in that order.
pub fn run_all(cx: &Context<'_>) -> Vec<Diagnostic> {
    run_where(cx, |_| true)
}

/// Whether `rule` reads [`Context::copying`]: the rules that may run only
/// once the copy measure is done.
pub fn reads_copying(rule: &Rule) -> bool {
    rule.reads == Reads::Copying
}

/// [`run_all`] for the rules that `keep` keeps.
pub fn run_where(cx: &Context<'_>, keep: impl Fn(&Rule) -> bool) -> Vec<Diagnostic> {
    let run = |check: &CheckFn| {
        let mut out = Vec::new();
        check(cx, &mut out);
        out
    };
    let checks: Vec<CheckFn> = RULES
        .iter()
        .filter(|r| keep(r))
        .filter_map(|r| r.check)
        .collect();
    let found: Vec<Vec<Diagnostic>> = if cx.map.claims.len() < PARALLEL_CLAIMS {
        checks.iter().map(run).collect()
    } else {
        checks.par_iter().map(run).collect()
    };
    found.concat()
}

/// The table of codes `argmap explain` prints: each code, its default
/// level and what it finds.
pub fn table() -> String {
    let width = RULES
        .iter()
        .map(|r| r.code.as_str().len())
        .max()
        .unwrap_or(0);
    let mut out = format!("{:width$}  {:5}  {}\n", "code", "level", "finds");
    for r in RULES {
        out.push_str(&format!(
            "{:width$}  {:5}  {}\n",
            r.code.as_str(),
            r.default_level.as_str(),
            r.summary
        ));
    }
    out.push_str("\nrun `argmap explain CODE` for what a code finds, why it matters, an example and the fix\n");
    out
}
