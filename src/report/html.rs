//! The audit report as one self-contained HTML page. Every piece of map text
//! is escaped; the diagram, when given, is embedded as an `<img>` with a
//! `data:` URL, so nothing in it can run as script in the page.

use std::fmt::Write;

use base64::Engine;

use super::escape::{html as esc, html_message as msg};
use super::{Audit, COLUMNS, Finding, Standing};
use crate::eval::Label;

const STYLE: &str = "body{font-family:system-ui,-apple-system,'Segoe UI',sans-serif;max-width:62rem;margin:2rem auto;padding:0 1rem;color:#1b1b1b;line-height:1.45}\
table{border-collapse:collapse;margin:1rem 0}th,td{border:1px solid #c8c8c8;padding:.25rem .6rem}td.n{text-align:right}\
tr.total{font-weight:bold}code{background:#f1f1f1;padding:0 .2rem;border-radius:3px}.warning{color:#8a5a00}.error{color:#b00020}\
.unanswered{font-weight:bold;color:#b00020}.label{font-weight:bold}img.diagram{max-width:100%;border:1px solid #ddd}";

/// Renders `audit` as a page. `svg` is the diagram to embed, if any.
pub fn render(audit: &Audit<'_>, svg: Option<&[u8]>) -> String {
    let mut o = String::new();
    let _ = write_page(&mut o, audit, svg);
    o
}

fn write_page(o: &mut String, a: &Audit<'_>, svg: Option<&[u8]>) -> std::fmt::Result {
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
    writeln!(
        o,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">"
    )?;
    writeln!(
        o,
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; img-src data:; style-src 'unsafe-inline'\">"
    )?;
    writeln!(
        o,
        "<title>Audit: {}</title>\n<style>{STYLE}</style>\n</head>\n<body>",
        esc(a.title())
    )?;
    writeln!(o, "<h1>Audit: {}</h1>", esc(a.title()))?;
    writeln!(
        o,
        "<p>Map <code>{}</code>: {claims} claims in {} sections, {arguments} linked arguments, {} sources; {} quotes, {} checked against a source text.</p>",
        esc(a.file),
        a.map.sections.len(),
        a.map.sources.len(),
        a.quote_count,
        a.quotes_checked
    )?;
    if let Some((id, text, label)) = a.thesis() {
        writeln!(
            o,
            "<p><strong>Thesis</strong> <code>{}</code>: {}<br>Evaluation (grounded semantics): <span class=\"label\">{}</span>{}.</p>",
            esc(id),
            esc(text),
            label.map_or("not a claim", Label::as_str),
            a.thesis_standing
                .as_ref()
                .filter(|st| !st.why.is_empty())
                .map_or_else(String::new, |st| format!(": {}", msg(&st.why)))
        )?;
    }
    if !a.thesis_support.is_empty() {
        writeln!(o, "<p>What supports the thesis directly:</p>\n<ul>")?;
        for st in &a.thesis_support {
            writeln!(o, "<li>{}</li>", standing(st))?;
        }
        writeln!(o, "</ul>")?;
    }
    writeln!(
        o,
        "<p>Claims: {cited} of {claims} cited, {uncited} uncited (bare assertions). Counterpoints: {answered} of {counterpoints} answered, {unanswered} unanswered. Qualifications (points granted, which limit without refuting): {qualifications}.</p>"
    )?;
    writeln!(o, "<h2>Claims and counterpoints by section</h2>\n<table>")?;
    let heads: String = COLUMNS.iter().map(|c| format!("<th>{c}</th>")).collect();
    writeln!(o, "<tr><th>Section</th>{heads}</tr>")?;
    for s in &a.sections {
        writeln!(
            o,
            "<tr><td>{}</td>{}</tr>",
            esc(&s.title),
            cells(s.figures())
        )?;
    }
    writeln!(
        o,
        "<tr class=\"total\"><td>Total</td>{}</tr>\n</table>",
        cells(a.totals())
    )?;
    for s in &a.sections {
        writeln!(o, "<h3>{}</h3>", esc(&s.title))?;
        writeln!(
            o,
            "<p>{} claims: {} cited, {} uncited. {} counterpoints: {} answered, {} unanswered. {} qualifications.</p>",
            s.claims.len(),
            s.cited(),
            s.uncited.len(),
            s.counterpoints.len(),
            s.answered(),
            s.unanswered(),
            s.qualifications.len()
        )?;
        if !s.uncited.is_empty() {
            writeln!(
                o,
                "<details><summary>Bare assertions ({})</summary>\n<ul>",
                s.uncited.len()
            )?;
            for &i in &s.uncited {
                let (id, text) = a.claim(i);
                writeln!(o, "<li><code>{}</code>: {}</li>", esc(id), esc(text))?;
            }
            writeln!(o, "</ul>\n</details>")?;
        }
        if !s.qualifications.is_empty() {
            writeln!(
                o,
                "<p>Qualifications (granted, limiting without refuting):</p>\n<ul>"
            )?;
            for (i, targets) in &s.qualifications {
                let (id, text) = a.claim(*i);
                let of: Vec<String> = targets
                    .iter()
                    .map(|t| format!("<code>{}</code>", esc(t)))
                    .collect();
                writeln!(
                    o,
                    "<li><code>{}</code>: {} (qualifies {})</li>",
                    esc(id),
                    esc(text),
                    of.join(", ")
                )?;
            }
            writeln!(o, "</ul>")?;
        }
        if !s.counterpoints.is_empty() {
            writeln!(o, "<p>Counterpoints:</p>\n<ul>")?;
            for c in &s.counterpoints {
                let (id, text) = a.claim(c.claim);
                let status = if c.answered_by.is_empty() {
                    "<span class=\"unanswered\">unanswered</span>".to_owned()
                } else {
                    let by: Vec<String> = c
                        .answered_by
                        .iter()
                        .map(|&j| format!("<code>{}</code>", esc(a.claim(j).0)))
                        .collect();
                    format!("answered by {}", by.join(", "))
                };
                writeln!(
                    o,
                    "<li><code>{}</code>: {} ({status})</li>",
                    esc(id),
                    esc(text)
                )?;
            }
            writeln!(o, "</ul>")?;
        }
    }
    writeln!(o, "<h2>Bibliography</h2>")?;
    findings(o, &a.bibliography, "No bibliography findings.")?;
    writeln!(
        o,
        "<h2>Quotes, locators and copying</h2>\n<p>{} of {} quotes were checked against their source's text.</p>",
        a.quotes_checked, a.quote_count
    )?;
    if a.locator_count > 0 {
        writeln!(
            o,
            "<p>{} of {} paragraph locators were checked against the document.</p>",
            a.locators_checked, a.locator_count
        )?;
    }
    if !a.texts.is_empty() {
        writeln!(
            o,
            "<p>What the map reproduces of each text (its body, before the reference list), over all of the map's strings:</p>\n<table>\n<tr><th>Text</th><th>Words</th><th>Quoted words</th><th>Quoted share (limit)</th><th>Runs of 8+ words</th><th>Runs of 6+ words</th><th>Longest run</th></tr>"
        )?;
        for t in a.texts {
            let longest = match &t.longest_in {
                Some(f) => format!("{} words, <code>{}</code>", t.longest_run, esc(f)),
                None => "none of 6+ words".to_owned(),
            };
            writeln!(
                o,
                "<tr><td><code>{}</code></td><td>{}</td><td>{}</td><td>{:.1}% ({}%)</td><td>{:.1}%</td><td>{:.1}%</td><td>{longest}</td></tr>",
                esc(&t.source),
                t.words,
                t.quoted_words,
                t.quoted_percent,
                t.quoted_limit_percent,
                t.covered_8_percent,
                t.covered_6_percent,
            )?;
        }
        writeln!(o, "</table>")?;
    }
    findings(
        o,
        &a.quotes,
        "Every checked quote occurs verbatim (after normalisation) in its source.",
    )?;
    writeln!(o, "<h2>Evaluation</h2>")?;
    writeln!(
        o,
        "<p>Claims: {}. Arguments: {}.</p>",
        a.evaluation.claim_counts(),
        a.evaluation.argument_counts()
    )?;
    for (title, list) in [("Rejected", &a.rejected), ("Undecided", &a.undecided)] {
        if list.is_empty() {
            continue;
        }
        writeln!(o, "<p>{title}:</p>\n<ul>")?;
        for st in list {
            writeln!(o, "<li>{}</li>", standing(st))?;
        }
        writeln!(o, "</ul>")?;
    }
    if !a.other.is_empty() {
        writeln!(o, "<h2>Other findings</h2>")?;
        findings(o, &a.other, "")?;
    }
    if let Some(svg) = svg {
        let data = base64::engine::general_purpose::STANDARD.encode(svg);
        writeln!(
            o,
            "<h2>Diagram</h2>\n<img class=\"diagram\" alt=\"argument map diagram\" src=\"data:image/svg+xml;base64,{data}\">"
        )?;
    }
    writeln!(o, "</body>\n</html>")
}

/// A claim or argument with its label and why, as list-item content.
fn standing(st: &Standing) -> String {
    let what = if st.argument { "argument" } else { "claim" };
    let text = if st.text.is_empty() {
        String::new()
    } else {
        format!(" ({})", esc(&st.text))
    };
    let why = if st.why.is_empty() {
        String::new()
    } else {
        format!(": {}", msg(&st.why))
    };
    format!(
        "{what} <code>{}</code>{text} is <span class=\"label\">{}</span>{why}",
        esc(&st.id),
        st.label
    )
}

fn cells(figures: [usize; 8]) -> String {
    figures
        .iter()
        .map(|n| format!("<td class=\"n\">{n}</td>"))
        .collect()
}

fn findings(o: &mut String, list: &[Finding<'_>], none: &str) -> std::fmt::Result {
    if list.is_empty() {
        if !none.is_empty() {
            writeln!(o, "<p>{}</p>", esc(none))?;
        }
        return Ok(());
    }
    writeln!(o, "<ul>")?;
    for f in list {
        let d = f.diagnostic;
        writeln!(
            o,
            "<li><span class=\"{}\">{}</span> <code>{}</code> (line {}): {}</li>",
            d.severity.as_str(),
            d.severity.as_str(),
            d.code,
            f.line,
            msg(&d.message)
        )?;
    }
    writeln!(o, "</ul>")
}
