//! The audit report as one self-contained HTML page, written with maud's
//! `html!` templates. Every piece of map text is spliced in as
//! [`Html`]/[`HtmlMessage`], which escape it; the diagram, when given, is
//! embedded as an `<img>` with a `data:` URL, so nothing in it can run as
//! script in the page. maud writes no whitespace of its own: the line breaks
//! between elements are the `"\n"` literals in the templates.

use crate::english::count;
use base64::Engine;
use maud::{DOCTYPE, Markup, PreEscaped, html};

use super::escape::{Html, HtmlMessage};
use super::{Audit, COLUMNS, Finding, Standing};
use crate::eval::Label;

const STYLE: &str = "body{font-family:system-ui,-apple-system,'Segoe UI',sans-serif;max-width:62rem;margin:2rem auto;padding:0 1rem;color:#1b1b1b;line-height:1.45}\
table{border-collapse:collapse;margin:1rem 0}th,td{border:1px solid #c8c8c8;padding:.25rem .6rem}td.n{text-align:right}\
tr.total{font-weight:bold}code{background:#f1f1f1;padding:0 .2rem;border-radius:3px}.warning{color:#8a5a00}.error{color:#b00020}\
.unanswered{font-weight:bold;color:#b00020}.label{font-weight:bold}img.diagram{max-width:100%;border:1px solid #ddd}";

/// Renders `audit` as a page. `svg` is the diagram to embed, if any.
pub fn render(audit: &Audit<'_>, svg: Option<&[u8]>) -> String {
    page(audit, svg).into_string()
}

fn page(a: &Audit<'_>, svg: Option<&[u8]>) -> Markup {
    html! {
        (DOCTYPE) "\n"
        html lang="en" {
            "\n"
            head {
                "\n"
                meta charset="utf-8";
                "\n"
                meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src data:; style-src 'unsafe-inline'";
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
                @if let Some(svg) = svg {
                    (diagram(svg))
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
                        " (line " (f.line) "): " (HtmlMessage(&d.message))
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

/// The diagram, as an image whose source is a `data:` URL.
fn diagram(svg: &[u8]) -> Markup {
    let data = base64::engine::general_purpose::STANDARD.encode(svg);
    html! {
        h2 { "Diagram" } "\n"
        img class="diagram" alt="argument map diagram" src={ "data:image/svg+xml;base64," (data) };
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
                        " " code { (d.code.as_str()) } " (line " (f.line) "): "
                        (HtmlMessage(&d.message))
                    } "\n"
                }
            } "\n"
        }
    }
}
