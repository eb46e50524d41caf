//! The audit report as GitHub-flavoured Markdown.

use std::fmt::Write;

use super::escape::{markdown as esc, markdown_code as code, markdown_message as msg};
use super::{Audit, COLUMNS, Finding, SectionAudit, Standing};
use crate::eval::Label;

/// Renders `audit`. `diagram` is a path or URL of a diagram to link, if any;
/// `level` is the level of the report's title heading (1 for `#`; deeper
/// levels suit a report embedded in another document).
pub fn render(audit: &Audit<'_>, diagram: Option<&str>, level: usize) -> String {
    let mut o = String::new();
    // Writing to a String cannot fail.
    let _ = write_report(&mut o, audit, diagram, Headings(level.clamp(1, 4)));
    o
}

/// Heading prefixes relative to the report's title level.
#[derive(Clone, Copy)]
struct Headings(usize);

impl Headings {
    /// The prefix of a heading `depth` levels below the title (0: the title).
    fn h(self, depth: usize) -> String {
        "#".repeat((self.0 + depth).min(6))
    }
}

fn write_report(
    o: &mut String,
    a: &Audit<'_>,
    diagram: Option<&str>,
    hs: Headings,
) -> std::fmt::Result {
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
    writeln!(o, "{} Audit: {}\n", hs.h(0), esc(a.title()))?;
    writeln!(
        o,
        "Map {}: {} in {}, {}, {}; {}, {} checked against a source text.\n",
        code(a.file),
        plural(claims, "claim"),
        plural(a.map.sections.len(), "section"),
        plural(arguments, "linked argument"),
        plural(a.map.sources.len(), "source"),
        plural(a.quote_count, "quote"),
        a.quotes_checked,
    )?;
    if let Some((id, text, label)) = a.thesis() {
        write!(
            o,
            "**Thesis** {}: {}  \nEvaluation (grounded semantics): **{}**{}.",
            code(id),
            esc(text),
            label.map_or("not a claim", Label::as_str),
            thesis_why(a.thesis_standing.as_ref())
        )?;
        if let Some(st) = &a.evidence_thesis {
            write!(
                o,
                "  \nEvaluation (evidence semantics): **{}**{}.",
                st.label,
                thesis_why(Some(st))
            )?;
        }
        writeln!(o, "\n")?;
        if a.thesis_only_asserted() {
            writeln!(o, "{}\n", super::ONLY_ASSERTED)?;
        }
    }
    if !a.thesis_support.is_empty() {
        writeln!(o, "What supports the thesis directly:\n")?;
        for st in &a.thesis_support {
            writeln!(o, "- {}", standing(st))?;
        }
        writeln!(o)?;
    }
    writeln!(
        o,
        "Claims: {cited} of {claims} cited, {uncited} uncited (bare assertions). \
         Counterpoints: {answered} of {counterpoints} answered, {unanswered} unanswered. \
         Qualifications (points granted, which limit without refuting): {qualifications}.\n"
    )?;

    writeln!(o, "{} Claims and counterpoints by section\n", hs.h(1))?;
    writeln!(o, "| Section | {} |", COLUMNS.join(" | "))?;
    writeln!(o, "|---|{}", "--:|".repeat(COLUMNS.len()))?;
    for s in &a.sections {
        writeln!(o, "| {} |{}", esc(&s.title), cells(s.figures(), false))?;
    }
    writeln!(o, "| **Total** |{}\n", cells(a.totals(), true))?;
    for s in &a.sections {
        write_section(o, a, s, hs)?;
    }

    writeln!(o, "{} Bibliography\n", hs.h(1))?;
    write_references(o, a)?;
    write_findings(o, &a.bibliography, "No bibliography findings.")?;

    writeln!(o, "{} Quotes, locators and copying\n", hs.h(1))?;
    writeln!(
        o,
        "{} of {} quotes were checked against their source's text.",
        a.quotes_checked, a.quote_count
    )?;
    if a.locator_count > 0 {
        writeln!(
            o,
            "{} of {} paragraph locators were checked against the document.",
            a.locators_checked, a.locator_count
        )?;
    }
    writeln!(o)?;
    if !a.texts.is_empty() {
        writeln!(
            o,
            "What the map reproduces of each text (its body, before the reference list), over all of the map's strings:\n"
        )?;
        writeln!(
            o,
            "| Text | Words | Quoted words | Quoted share (limit) | Runs of 8+ words | Runs of 6+ words | Longest run |"
        )?;
        writeln!(o, "|---|--:|--:|--:|--:|--:|---|")?;
        for t in a.texts {
            let longest = match &t.longest_in {
                Some(f) => format!("{} words, {}", t.longest_run, code(f)),
                None => "none of 6+ words".to_owned(),
            };
            writeln!(
                o,
                "| {} | {} | {} | {:.1}% ({}%) | {:.1}% | {:.1}% | {longest} |",
                code(&t.source),
                t.words,
                t.quoted_words,
                t.quoted_percent,
                t.quoted_limit_percent,
                t.covered_8_percent,
                t.covered_6_percent,
            )?;
        }
        writeln!(o)?;
    }
    write_findings(
        o,
        &a.quotes,
        "Every checked quote occurs verbatim (after normalisation) in its source.",
    )?;

    write_document(o, a, hs)?;

    writeln!(o, "{} Evaluation\n", hs.h(1))?;
    writeln!(
        o,
        "Grounded semantics: a claim is accepted when every claim attacking it is rejected, \
         rejected when an accepted claim attacks it, and undecided otherwise.\n"
    )?;
    writeln!(o, "- Claims: {}", a.evaluation.claim_counts())?;
    writeln!(o, "- Arguments: {}\n", a.evaluation.argument_counts())?;
    for (title, list) in [("Rejected", &a.rejected), ("Undecided", &a.undecided)] {
        if list.is_empty() {
            continue;
        }
        writeln!(o, "{title}:\n")?;
        for st in list {
            writeln!(o, "- {}", standing(st))?;
        }
        writeln!(o)?;
    }

    write_positions(o, a, hs)?;

    if !a.other.is_empty() {
        writeln!(o, "{} Other findings\n", hs.h(1))?;
        write_findings(o, &a.other, "")?;
    }
    if let Some(d) = diagram {
        writeln!(o, "{} Diagram\n", hs.h(1))?;
        writeln!(
            o,
            "![Argument map of {}]({})\n",
            esc(a.title()),
            link_target(d)
        )?;
    }
    Ok(())
}

fn write_section(
    o: &mut String,
    a: &Audit<'_>,
    s: &SectionAudit,
    hs: Headings,
) -> std::fmt::Result {
    writeln!(o, "{} {}\n", hs.h(2), esc(&s.title))?;
    writeln!(
        o,
        "{}: {} cited, {} uncited. {}: {} answered, {} unanswered. {}.\n",
        plural(s.claims.len(), "claim"),
        s.cited(),
        s.uncited.len(),
        plural(s.counterpoints.len(), "counterpoint"),
        s.answered(),
        s.unanswered(),
        plural(s.qualifications.len(), "qualification")
    )?;
    if !s.uncited.is_empty() {
        writeln!(
            o,
            "<details><summary>Bare assertions ({})</summary>\n",
            s.uncited.len()
        )?;
        for &i in &s.uncited {
            let (id, text) = a.claim(i);
            writeln!(o, "- {}: {}", code(id), esc(text))?;
        }
        writeln!(o, "\n</details>\n")?;
    }
    if !s.qualifications.is_empty() {
        writeln!(o, "Qualifications (granted, limiting without refuting):\n")?;
        for (i, targets) in &s.qualifications {
            let (id, text) = a.claim(*i);
            let of: Vec<String> = targets.iter().map(|t| code(t)).collect();
            writeln!(
                o,
                "- {}: {} (qualifies {})",
                code(id),
                esc(text),
                of.join(", ")
            )?;
        }
        writeln!(o)?;
    }
    if !s.counterpoints.is_empty() {
        writeln!(o, "Counterpoints:\n")?;
        for c in &s.counterpoints {
            let (id, text) = a.claim(c.claim);
            let status = if c.answered_by.is_empty() {
                "**unanswered**".to_owned()
            } else {
                let by: Vec<String> = c.answered_by.iter().map(|&j| code(a.claim(j).0)).collect();
                format!("answered by {}", by.join(", "))
            };
            writeln!(o, "- {}: {} ({status})", code(id), esc(text))?;
        }
        writeln!(o)?;
    }
    Ok(())
}

/// The map against its document: how much of it the claims' anchors
/// cover, heading by heading, then the findings of each document code.
fn write_document(o: &mut String, a: &Audit<'_>, hs: Headings) -> std::fmt::Result {
    writeln!(o, "{} Document\n", hs.h(1))?;
    if let Some(why) = a.document_unchecked() {
        writeln!(o, "{}\n", msg(why))?;
    }
    if let Some(c) = a.coverage {
        if c.paragraphs == 0 {
            writeln!(
                o,
                "The body of {} has no paragraph to anchor.\n",
                code(&c.source)
            )?;
        } else {
            writeln!(
                o,
                "Body paragraphs of {} anchored by a claim: {} of {} ({:.1}%).{}\n",
                code(&c.source),
                c.anchored,
                c.paragraphs,
                c.anchored_percent,
                front_matter(c.front_matter)
            )?;
            writeln!(o, "| Heading | Section | Paragraphs | Uncovered |")?;
            writeln!(o, "|---|---|--:|---|")?;
            for h in &c.headings {
                writeln!(
                    o,
                    "| {} | {} | {} | {} |",
                    h.heading
                        .as_deref()
                        .map_or_else(|| "(no headings)".to_owned(), esc),
                    h.section.as_deref().map_or_else(|| "none".to_owned(), code),
                    h.paragraphs,
                    uncovered(&h.uncovered)
                )?;
            }
            writeln!(o)?;
        }
    }
    let groups = a.document_groups();
    if groups.is_empty() && a.coverage.is_some() {
        writeln!(o, "No findings about the map against its document.\n")?;
    }
    for (c, summary, found) in groups {
        writeln!(o, "{}: {}\n", code(c.as_str()), msg(summary))?;
        for f in found {
            let d = f.diagnostic;
            writeln!(
                o,
                "- {} ({}): {}",
                d.severity.as_str(),
                esc(&f.place()),
                msg(&d.message)
            )?;
        }
        writeln!(o)?;
    }
    Ok(())
}

/// ` N paragraphs before the first heading are not counted.`, or nothing.
fn front_matter(n: usize) -> String {
    match n {
        0 => String::new(),
        n => format!(
            " {} before the first heading {} not counted.",
            plural(n, "paragraph"),
            crate::english::either(n, "is", "are")
        ),
    }
}

/// The numbers of a heading's uncovered paragraphs, or `none`.
fn uncovered(ns: &[usize]) -> String {
    if ns.is_empty() {
        "none".to_owned()
    } else {
        crate::english::numbers(ns)
    }
}

/// Every source formatted in the report's citation style, with its id, the
/// claims that cite it and the codes of the findings about it.
fn write_references(o: &mut String, a: &Audit<'_>) -> std::fmt::Result {
    if a.references.is_empty() {
        return Ok(());
    }
    writeln!(
        o,
        "{}, as {} formats them:\n",
        plural(a.references.len(), "source"),
        esc(&a.style.title())
    )?;
    for r in &a.references {
        let mut text = String::new();
        for run in &r.runs {
            let t = esc(&run.text);
            // Emphasis around the words, the spaces outside, as Markdown
            // reads it.
            let inner = t.trim();
            if inner.is_empty() || !(run.italic || run.bold) {
                text.push_str(&t);
                continue;
            }
            let mark = match (run.italic, run.bold) {
                (true, true) => "***",
                (true, false) => "*",
                _ => "**",
            };
            let lead = &t[..t.len() - t.trim_start().len()];
            let trail = &t[t.trim_end().len()..];
            text.push_str(&format!("{lead}{mark}{inner}{mark}{trail}"));
        }
        let cited = if r.cited_by.is_empty() {
            "not cited".to_owned()
        } else {
            let ids: Vec<String> = r.cited_by.iter().map(|c| code(c)).collect();
            format!("cited by {}", ids.join(", "))
        };
        let codes = r.codes();
        let found = if codes.is_empty() {
            String::new()
        } else {
            let codes: Vec<String> = codes.iter().map(|c| code(c)).collect();
            format!("; findings: {}", codes.join(", "))
        };
        writeln!(o, "- {} — {}, {cited}{found}", text.trim(), code(r.id))?;
    }
    writeln!(o)
}

fn write_findings(o: &mut String, findings: &[Finding<'_>], none: &str) -> std::fmt::Result {
    if findings.is_empty() {
        if !none.is_empty() {
            writeln!(o, "{none}\n")?;
        }
        return Ok(());
    }
    for f in findings {
        let d = f.diagnostic;
        writeln!(
            o,
            "- {} {} ({}): {}",
            d.severity.as_str(),
            code(d.code.as_str()),
            esc(&f.place()),
            msg(&d.message)
        )?;
    }
    writeln!(o)
}

/// `: why` for the thesis's label, or nothing.
fn thesis_why(st: Option<&Standing>) -> String {
    st.filter(|st| !st.why.is_empty())
        .map_or_else(String::new, |st| format!(": {}", msg(&st.why)))
}

/// Each actor's positions: the claims it holds, what they attack, what
/// attacks them, and which stand.
fn write_positions(o: &mut String, a: &Audit<'_>, hs: Headings) -> std::fmt::Result {
    if a.positions.is_empty() {
        return Ok(());
    }
    writeln!(o, "{} Positions\n", hs.h(1))?;
    writeln!(o, "{}\n", super::positions_intro(a.evidence.is_some()))?;
    for p in &a.positions {
        match &p.name {
            Some(name) => writeln!(o, "{} {} ({})\n", hs.h(2), esc(name), code(&p.id))?,
            None => writeln!(o, "{} {}\n", hs.h(2), code(&p.id))?,
        }
        writeln!(o, "{}\n", super::position_summary(p, a))?;
        for h in &p.claims {
            let (id, text) = a.claim(h.claim);
            match a.evidence.and_then(|e| e.claim(h.claim)) {
                Some(l) => write!(
                    o,
                    "- {} ({}): grounded **{}**, evidence **{l}**",
                    code(id),
                    esc(text),
                    h.label
                )?,
                None => write!(o, "- {} ({}): **{}**", code(id), esc(text), h.label)?,
            }
            if !h.attacks.is_empty() {
                let list: Vec<String> = h
                    .attacks
                    .iter()
                    .map(|(t, l)| format!("{} ({l})", code(t)))
                    .collect();
                write!(o, "; attacks {}", list.join(", "))?;
            }
            if !h.attacked_by.is_empty() {
                let list: Vec<String> = h
                    .attacked_by
                    .iter()
                    .map(|&(j, l)| format!("{} ({l})", code(a.claim(j).0)))
                    .collect();
                write!(o, "; attacked by {}", list.join(", "))?;
            }
            writeln!(o)?;
        }
        if !p.claims.is_empty() {
            writeln!(o)?;
        }
    }
    Ok(())
}

/// A claim or argument with its label and why: one list item's text.
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
    format!("{what} {}{text} is **{}**{why}", code(&st.id), st.label)
}

/// Table cells for `figures`, bold when `strong`.
fn cells(figures: [usize; 8], strong: bool) -> String {
    figures
        .iter()
        .map(|n| {
            if strong {
                format!(" **{n}** |")
            } else {
                format!(" {n} |")
            }
        })
        .collect()
}

/// A path or URL as a Markdown link target: the characters that would end
/// the target or start markup (spaces, parentheses, `<`, `>`, `"`, control
/// characters) percent-encoded.
fn link_target(d: &str) -> String {
    let mut out = String::with_capacity(d.len());
    for c in d.chars() {
        if c.is_control() || matches!(c, ' ' | '(' | ')' | '<' | '>' | '"' | '\\' | '`') {
            let mut buf = [0; 4];
            for b in c.encode_utf8(&mut buf).bytes() {
                out.push_str(&format!("%{b:02X}"));
            }
        } else {
            out.push(c);
        }
    }
    out
}

use crate::english::count as plural;
