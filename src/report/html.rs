//! The audit report as one self-contained HTML page, written with maud's
//! `html!` templates. Every piece of map text is spliced in as
//! [`Html`]/[`HtmlMessage`], which escape it. The diagram, when given, is
//! the interactive viewer (`argmap view`'s page, made by the caller) in a
//! sandboxed `<iframe srcdoc>`: its document is an attribute value, escaped,
//! and it inherits this page's Content-Security-Policy, which allows no
//! script but the viewer's own, named by its hash, and loads nothing from
//! anywhere. maud writes no whitespace of its own: the line breaks
//! between elements are the `"\n"` literals in the templates.

use crate::english::count;
use maud::{DOCTYPE, Markup, PreEscaped, html};

use super::escape::{Html, HtmlMessage};
use super::{Audit, COLUMNS, Finding, Standing};
use crate::eval::Label;

const STYLE: &str = "body{font-family:system-ui,-apple-system,'Segoe UI',sans-serif;max-width:62rem;margin:2rem auto;padding:0 1rem;color:#1b1b1b;line-height:1.45}\
table{border-collapse:collapse;margin:1rem 0}th,td{border:1px solid #c8c8c8;padding:.25rem .6rem}td.n{text-align:right}\
tr.total{font-weight:bold}code{background:#f1f1f1;padding:0 .2rem;border-radius:3px}.warning{color:#8a5a00}.error{color:#b00020}\
.unanswered{font-weight:bold;color:#b00020}.label{font-weight:bold}\
iframe.viewer{display:block;width:calc(100vw - 2rem);max-width:110rem;height:85vh;min-height:30rem;border:1px solid #c8c8c8;position:relative;left:50%;transform:translateX(-50%)}\
@media print{iframe.viewer{width:100%;left:0;transform:none;height:60rem}}";

/// The interactive diagram a report embeds: a complete HTML page (the
/// viewer), and the policy sources of the inline scripts and style sheets it
/// runs (`'sha256-…'`), which the report's own policy must allow, since the
/// frame's document inherits it.
#[derive(Clone, Debug)]
pub struct Frame {
    /// The page shown in the frame.
    pub page: String,
    /// The sources its scripts need.
    pub scripts: Vec<String>,
    /// The sources its style sheets need.
    pub styles: Vec<String>,
}

/// Renders `audit` as a page, with `frame` as its diagram, if any.
pub fn render(audit: &Audit<'_>, frame: Option<&Frame>) -> String {
    page(audit, frame).into_string()
}

/// The report's Content-Security-Policy: nothing from anywhere, its style
/// sheet and the frame's scripts and style sheets by their hashes, images
/// from `data:`.
pub fn csp(frame: Option<&Frame>) -> String {
    let mut styles = vec![crate::csp::hash_source(STYLE)];
    let mut scripts = Vec::new();
    if let Some(f) = frame {
        styles.extend(f.styles.iter().cloned());
        scripts.extend(f.scripts.iter().cloned());
    }
    let scripts = if scripts.is_empty() {
        String::new()
    } else {
        format!(" script-src {};", scripts.join(" "))
    };
    format!(
        "default-src 'none';{scripts} style-src {}; img-src data:; base-uri 'none'; form-action 'none'",
        styles.join(" ")
    )
}

fn page(a: &Audit<'_>, frame: Option<&Frame>) -> Markup {
    html! {
        (DOCTYPE) "\n"
        html lang="en" {
            "\n"
            head {
                "\n"
                meta charset="utf-8";
                "\n"
                meta http-equiv="Content-Security-Policy" content=(csp(frame));
                "\n"
                title { "Audit: " (Html(a.title())) }
                "\n"
                style { (PreEscaped(STYLE)) }
                "\n"
            }
            "\n"
            body {
                "\n"
                (summary(a))
                (sections(a))
                (quotes(a))
                (document(a))
                (evaluation(a))
                @if let Some(frame) = frame {
                    (diagram(a, frame))
                }
            }
            "\n"
        }
        "\n"
    }
}

/// The title, the map's figures, the thesis and what supports it.
fn summary(a: &Audit<'_>) -> Markup {
    let [
        claims,
        cited,
        uncited,
        counterpoints,
        answered,
        unanswered,
        qualifications,
        arguments,
    ] = a.totals();
    html! {
        h1 { "Audit: " (Html(a.title())) } "\n"
        p {
            "Map " code { (Html(a.file)) } ": "
            (count(claims, "claim")) " in " (count(a.map.sections.len(), "section")) ", "
            (count(arguments, "linked argument")) ", " (count(a.map.sources.len(), "source")) "; "
            (count(a.quote_count, "quote")) ", " (a.quotes_checked) " checked against a source text."
        } "\n"
        @if let Some((id, text, label)) = a.thesis() {
            p {
                strong { "Thesis" } " " code { (Html(id)) } ": " (Html(text)) br;
                "Evaluation (grounded semantics): "
                span class="label" { (label.map_or("not a claim", Label::as_str)) }
                @if let Some(st) = a.thesis_standing.as_ref().filter(|st| !st.why.is_empty()) {
                    ": " (HtmlMessage(&st.why))
                }
                "."
                @if let Some(st) = &a.evidence_thesis {
                    br;
                    "Evaluation (evidence semantics): "
                    span class="label" { (st.label.as_str()) }
                    @if !st.why.is_empty() {
                        ": " (HtmlMessage(&st.why))
                    }
                    "."
                }
            } "\n"
            @if a.thesis_only_asserted() {
                p { (super::ONLY_ASSERTED) } "\n"
            }
        }
        @if !a.thesis_support.is_empty() {
            p { "What supports the thesis directly:" } "\n"
            (standings(&a.thesis_support))
        }
        p {
            "Claims: " (cited) " of " (claims) " cited, " (uncited) " uncited (bare assertions). "
            "Counterpoints: " (answered) " of " (counterpoints) " answered, " (unanswered) " unanswered. "
            "Qualifications (points granted, which limit without refuting): " (qualifications) "."
        } "\n"
    }
}

/// The section table, then each section's bare assertions,
/// qualifications and counterpoints.
fn sections(a: &Audit<'_>) -> Markup {
    html! {
        h2 { "Claims and counterpoints by section" } "\n"
        table {
            "\n"
            tr { th { "Section" } @for c in COLUMNS { th { (c) } } } "\n"
            @for s in &a.sections {
                tr { td { (Html(&s.title)) } (cells(s.figures())) } "\n"
            }
            tr class="total" { td { "Total" } (cells(a.totals())) } "\n"
        } "\n"
        @for s in &a.sections {
            h3 { (Html(&s.title)) } "\n"
            p {
                (count(s.claims.len(), "claim")) ": " (s.cited()) " cited, " (s.uncited.len()) " uncited. "
                (count(s.counterpoints.len(), "counterpoint")) ": " (s.answered()) " answered, "
                (s.unanswered()) " unanswered. " (count(s.qualifications.len(), "qualification")) "."
            } "\n"
            @if !s.uncited.is_empty() {
                details {
                    summary { "Bare assertions (" (s.uncited.len()) ")" } "\n"
                    ul {
                        "\n"
                        @for &i in &s.uncited {
                            @let (id, text) = a.claim(i);
                            li { code { (Html(id)) } ": " (Html(text)) } "\n"
                        }
                    } "\n"
                } "\n"
            }
            @if !s.qualifications.is_empty() {
                p { "Qualifications (granted, limiting without refuting):" } "\n"
                ul {
                    "\n"
                    @for (i, targets) in &s.qualifications {
                        @let (id, text) = a.claim(*i);
                        li {
                            code { (Html(id)) } ": " (Html(text)) " (qualifies "
                            @for (n, t) in targets.iter().enumerate() {
                                @if n > 0 { ", " }
                                code { (Html(t)) }
                            }
                            ")"
                        } "\n"
                    }
                } "\n"
            }
            @if !s.counterpoints.is_empty() {
                p { "Counterpoints:" } "\n"
                ul {
                    "\n"
                    @for c in &s.counterpoints {
                        @let (id, text) = a.claim(c.claim);
                        li {
                            code { (Html(id)) } ": " (Html(text)) " ("
                            @if c.answered_by.is_empty() {
                                span class="unanswered" { "unanswered" }
                            } @else {
                                "answered by "
                                @for (n, &j) in c.answered_by.iter().enumerate() {
                                    @if n > 0 { ", " }
                                    code { (Html(a.claim(j).0)) }
                                }
                            }
                            ")"
                        } "\n"
                    }
                } "\n"
            }
        }
        h2 { "Bibliography" } "\n"
        (references(a))
        (findings(&a.bibliography, "No bibliography findings."))
    }
}

/// Quotes, locators and what the map reproduces of each text.
fn quotes(a: &Audit<'_>) -> Markup {
    html! {
        h2 { "Quotes, locators and copying" } "\n"
        p { (a.quotes_checked) " of " (a.quote_count) " quotes were checked against their source's text." } "\n"
        @if a.locator_count > 0 {
            p { (a.locators_checked) " of " (a.locator_count) " paragraph locators were checked against the document." } "\n"
        }
        @if !a.texts.is_empty() {
            p { "What the map reproduces of each text (its body, before the reference list), over all of the map's strings:" } "\n"
            table {
                "\n"
                tr {
                    th { "Text" } th { "Words" } th { "Quoted words" } th { "Quoted share (limit)" }
                    th { "Runs of 8+ words" } th { "Runs of 6+ words" } th { "Longest run" }
                } "\n"
                @for t in a.texts {
                    tr {
                        td { code { (Html(&t.source)) } }
                        td { (t.words) }
                        td { (t.quoted_words) }
                        td { (format_args!("{:.1}% ({}%)", t.quoted_percent, t.quoted_limit_percent)) }
                        td { (format_args!("{:.1}%", t.covered_8_percent)) }
                        td { (format_args!("{:.1}%", t.covered_6_percent)) }
                        td {
                            @match &t.longest_in {
                                Some(f) => { (t.longest_run) " words, " code { (Html(f)) } }
                                None => "none of 6+ words",
                            }
                        }
                    } "\n"
                }
            } "\n"
        }
        (findings(&a.quotes, "Every checked quote occurs verbatim (after normalisation) in its source."))
    }
}

/// The map against its document: how much of it the claims' anchors
/// cover, heading by heading, then the findings of each document code.
fn document(a: &Audit<'_>) -> Markup {
    let groups = a.document_groups();
    html! {
        h2 { "Document" } "\n"
        @if let Some(why) = a.document_unchecked() {
            p { (HtmlMessage(why)) } "\n"
        }
        @if let Some(c) = a.coverage {
            @if c.paragraphs == 0 {
                p { "The body of " code { (Html(&c.source)) } " has no paragraph to anchor." } "\n"
            } @else {
                p {
                    "Body paragraphs of " code { (Html(&c.source)) } " anchored by a claim: "
                    (c.anchored) " of " (c.paragraphs) (format_args!(" ({:.1}%).", c.anchored_percent))
                    @if c.front_matter > 0 {
                        " " (count(c.front_matter, "paragraph")) " before the first heading "
                        (crate::english::either(c.front_matter, "is", "are")) " not counted."
                    }
                } "\n"
                table {
                    "\n"
                    tr { th { "Heading" } th { "Section" } th { "Paragraphs" } th { "Uncovered" } } "\n"
                    @for h in &c.headings {
                        tr {
                            td {
                                @match &h.heading {
                                    Some(t) => (Html(t)),
                                    None => "(no headings)",
                                }
                            }
                            td {
                                @match &h.section {
                                    Some(s) => code { (Html(s)) },
                                    None => "none",
                                }
                            }
                            td class="n" { (h.paragraphs) }
                            td {
                                @if h.uncovered.is_empty() {
                                    "none"
                                } @else {
                                    (crate::english::numbers(&h.uncovered))
                                }
                            }
                        } "\n"
                    }
                } "\n"
            }
        }
        @if groups.is_empty() && a.coverage.is_some() {
            p { "No findings about the map against its document." } "\n"
        }
        @for (c, summary, found) in &groups {
            p { code { (c.as_str()) } ": " (HtmlMessage(summary)) } "\n"
            ul {
                "\n"
                @for f in found {
                    @let d = f.diagnostic;
                    li {
                        span class=(d.severity.as_str()) { (d.severity.as_str()) }
                        " (" (f.place()) "): " (HtmlMessage(&d.message))
                    } "\n"
                }
            } "\n"
        }
    }
}

/// The evaluation's counts, what it rejects and leaves undecided, and the
/// other findings.
fn evaluation(a: &Audit<'_>) -> Markup {
    html! {
        h2 { "Evaluation" } "\n"
        p { "Claims: " (a.evaluation.claim_counts()) ". Arguments: " (a.evaluation.argument_counts()) "." } "\n"
        @for (title, list) in [("Rejected", &a.rejected), ("Undecided", &a.undecided)] {
            @if !list.is_empty() {
                p { (title) ":" } "\n"
                (standings(list))
            }
        }
        (positions(a))
        @if !a.other.is_empty() {
            h2 { "Other findings" } "\n"
            (findings(&a.other, ""))
        }
    }
}

/// Each actor's positions: the claims it holds, what they attack, what
/// attacks them, and which stand.
fn positions(a: &Audit<'_>) -> Markup {
    html! {
        @if !a.positions.is_empty() {
            h2 { "Positions" } "\n"
            p { (HtmlMessage(super::positions_intro(a.evidence.is_some()))) } "\n"
            @for p in &a.positions {
                h3 {
                    @if let Some(name) = &p.name {
                        (Html(name)) " (" code { (Html(&p.id)) } ")"
                    } @else {
                        code { (Html(&p.id)) }
                    }
                } "\n"
                p { (super::position_summary(p, a)) } "\n"
                @if !p.claims.is_empty() {
                    ul {
                        "\n"
                        @for h in &p.claims {
                            @let (id, text) = a.claim(h.claim);
                            li {
                                code { (Html(id)) } " (" (Html(text)) "): "
                                @if let Some(l) = a.evidence.and_then(|e| e.claim(h.claim)) {
                                    "grounded " span class="label" { (h.label.as_str()) }
                                    ", evidence " span class="label" { (l.as_str()) }
                                } @else {
                                    span class="label" { (h.label.as_str()) }
                                }
                                @if !h.attacks.is_empty() {
                                    "; attacks "
                                    @for (n, (t, l)) in h.attacks.iter().enumerate() {
                                        @if n > 0 { ", " }
                                        code { (Html(t)) } " (" (l.as_str()) ")"
                                    }
                                }
                                @if !h.attacked_by.is_empty() {
                                    "; attacked by "
                                    @for (n, (j, l)) in h.attacked_by.iter().enumerate() {
                                        @if n > 0 { ", " }
                                        code { (Html(a.claim(*j).0)) } " (" (l.as_str()) ")"
                                    }
                                }
                            } "\n"
                        }
                    } "\n"
                }
            }
        }
    }
}

/// The diagram: the viewer, in a frame that may run its script and nothing
/// else (no same origin, no forms, no pop-ups, no navigation of this page).
fn diagram(a: &Audit<'_>, frame: &Frame) -> Markup {
    html! {
        h2 { "Diagram" } "\n"
        p {
            "Drag to move the diagram, scroll or press + and − to zoom, 0 to fit; "
            "click a claim, or reach it with Tab and press Enter, for its text, "
            "citations, status and findings. "
            code { "argmap view" } " writes the same viewer as a page of its own."
        } "\n"
        iframe class="viewer" sandbox="allow-scripts" title={ "Interactive diagram of " (Html(a.title())) } srcdoc=(frame.page) {}
        "\n"
    }
}

/// A list of claims and arguments with their labels and why.
fn standings(list: &[Standing]) -> Markup {
    html! {
        ul {
            "\n"
            @for st in list {
                li { (standing(st)) } "\n"
            }
        } "\n"
    }
}

/// A claim or argument with its label and why, as list-item content.
fn standing(st: &Standing) -> Markup {
    html! {
        (if st.argument { "argument" } else { "claim" })
        " " code { (Html(&st.id)) }
        @if !st.text.is_empty() {
            " (" (Html(&st.text)) ")"
        }
        " is " span class="label" { (st.label.as_str()) }
        @if !st.why.is_empty() {
            ": " (HtmlMessage(&st.why))
        }
    }
}

/// A row's figures, one right-aligned cell each.
fn cells(figures: [usize; 8]) -> Markup {
    html! {
        @for n in figures {
            td class="n" { (n) }
        }
    }
}

/// Findings as a list, or `none` as a paragraph when there are none (and
/// nothing when `none` is empty).
/// Every source formatted in the report's citation style, with its id, the
/// claims that cite it and the codes of the findings about it. A link of
/// the style (a DOI's, a URL) is shown as its text: the page links
/// nowhere.
fn references(a: &Audit<'_>) -> Markup {
    html! {
        @if !a.references.is_empty() {
            p { (count(a.references.len(), "source")) ", as " (Html(&a.style.title())) " formats them:" } "\n"
            ul class="references" {
                "\n"
                @for r in &a.references {
                    li {
                        @for run in &r.runs {
                            @if run.italic && run.bold { em { strong { (Html(&run.text)) } } }
                            @else if run.italic { em { (Html(&run.text)) } }
                            @else if run.bold { strong { (Html(&run.text)) } }
                            @else { (Html(&run.text)) }
                        }
                        " — " code { (Html(r.id)) } ", "
                        @if r.cited_by.is_empty() {
                            "not cited"
                        } @else {
                            "cited by "
                            @for (n, c) in r.cited_by.iter().enumerate() {
                                @if n > 0 { ", " }
                                code { (Html(c)) }
                            }
                        }
                        @if !r.findings.is_empty() {
                            "; findings: "
                            @for (n, code) in r.codes().iter().enumerate() {
                                @if n > 0 { ", " }
                                code { (code) }
                            }
                        }
                    } "\n"
                }
            } "\n"
        }
    }
}

fn findings(list: &[Finding<'_>], none: &str) -> Markup {
    html! {
        @if list.is_empty() {
            @if !none.is_empty() {
                p { (Html(none)) } "\n"
            }
        } @else {
            ul {
                "\n"
                @for f in list {
                    @let d = f.diagnostic;
                    li {
                        span class=(d.severity.as_str()) { (d.severity.as_str()) }
                        " " code { (d.code.as_str()) } " (" (f.place()) "): "
                        (HtmlMessage(&d.message))
                    } "\n"
                }
            } "\n"
        }
    }
}
