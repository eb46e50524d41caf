//! Findings as the editor shows them, and the quick fixes for them: every
//! fix a finding carries ([`crate::diag::Suggestion`]: "did you mean",
//! a string written where a list is taken, ...), and a stub for the item an
//! unknown reference names.

use std::collections::HashMap;

use lsp_types::{
    CodeAction, CodeActionKind, CodeActionOrCommand, CodeActionParams,
    DiagnosticRelatedInformation, DiagnosticSeverity, Location, NumberOrString, Range, TextEdit,
    Uri, WorkspaceEdit,
};

use super::analysis::{Analysis, Role};
use crate::diag::{Code, Diagnostic, Severity, Span};
use crate::model::Kind;

/// A finding as an LSP diagnostic, `range` giving the range of a span:
/// the code, the message with the notes and the help under it, as `check`
/// prints them, and the label under the caret and every secondary place
/// as related information.
pub fn to_lsp(d: &Diagnostic, uri: &Uri, range: &dyn Fn(&Span) -> Range) -> lsp_types::Diagnostic {
    let mut message = d.message.clone();
    for note in d.shown_notes() {
        message.push_str("\nnote: ");
        message.push_str(&note);
    }
    if let Some(help) = &d.help {
        message.push_str("\nhelp: ");
        message.push_str(help);
    }
    let mut related = Vec::with_capacity(d.secondary.len() + 1);
    if let Some(label) = &d.label {
        related.push(DiagnosticRelatedInformation {
            location: Location::new(uri.clone(), range(&d.span)),
            message: label.clone(),
        });
    }
    related.extend(d.secondary.iter().map(|l| DiagnosticRelatedInformation {
        location: Location::new(uri.clone(), range(&l.span)),
        message: l.message.clone(),
    }));
    lsp_types::Diagnostic {
        range: range(&d.span),
        severity: Some(match d.severity {
            Severity::Error => DiagnosticSeverity::ERROR,
            Severity::Warning => DiagnosticSeverity::WARNING,
        }),
        code: Some(NumberOrString::String(d.code.as_str().to_owned())),
        source: Some("argmap".to_owned()),
        message,
        related_information: (!related.is_empty()).then_some(related),
        ..Default::default()
    }
}

/// The findings of an analysis, for `publishDiagnostics`.
pub fn diagnostics(a: &Analysis, uri: &Uri) -> Vec<lsp_types::Diagnostic> {
    a.checked
        .report
        .diagnostics
        .iter()
        .map(|d| {
            let report = &a.checked.report;
            let (file, span) = report.locate(&d.span);
            if std::ptr::eq(file, &report.file) {
                return to_lsp(d, uri, &|s| a.range(s));
            }
            // A finding in a bibliography file the map names: shown at the
            // top of the map, saying where in that file it is.
            let (line, col) = file.line_col(span.start);
            let mut shown = to_lsp(d, uri, &|_| Range::default());
            shown.message = format!("{}:{line}:{col}: {}", file.name, shown.message);
            shown.related_information = None;
            shown
        })
        .collect()
}

/// The quick fixes for the findings in `params.range`.
pub fn code_actions(
    a: &Analysis,
    params: &CodeActionParams,
    uri: &Uri,
) -> Option<Vec<CodeActionOrCommand>> {
    let want = a.offset(params.range.start)..a.offset(params.range.end);
    let mut out = Vec::new();
    for d in &a.checked.report.diagnostics {
        if d.span.start > want.end || want.start > d.span.end {
            continue;
        }
        let shown = to_lsp(d, uri, &|s| a.range(s));
        for s in &d.suggestions {
            let edit = TextEdit::new(a.range(&s.span), s.replacement.clone());
            let title =
                suggestion_title(a.source().get(s.span.clone()).unwrap_or(""), &s.replacement);
            out.push(action(
                title,
                uri,
                vec![edit],
                &shown,
                d.suggestions.len() == 1,
            ));
        }
        if d.code == Code::UnknownReference
            && let Some((title, edit)) = stub(a, &d.span)
        {
            out.push(action(title, uri, vec![edit], &shown, false));
        }
    }
    Some(out)
}

fn action(
    title: String,
    uri: &Uri,
    edits: Vec<TextEdit>,
    diagnostic: &lsp_types::Diagnostic,
    preferred: bool,
) -> CodeActionOrCommand {
    CodeActionOrCommand::CodeAction(CodeAction {
        title,
        kind: Some(CodeActionKind::QUICKFIX),
        diagnostics: Some(vec![diagnostic.clone()]),
        edit: Some(WorkspaceEdit {
            changes: Some(HashMap::from([(uri.clone(), edits)])),
            ..Default::default()
        }),
        is_preferred: preferred.then_some(true),
        ..Default::default()
    })
}

/// `replace `old` with `new``, each cut to a readable length.
fn suggestion_title(old: &str, new: &str) -> String {
    let cut = |s: &str| {
        let s = crate::diag::render::human::one_line(s);
        if s.chars().count() > 40 {
            format!("{}…", s.chars().take(39).collect::<String>())
        } else {
            s.into_owned()
        }
    };
    if old.is_empty() {
        format!("insert `{}`", cut(new))
    } else {
        format!("replace `{}` with `{}`", cut(old), cut(new))
    }
}

/// For the unknown reference written at `span`, an edit that adds a stub
/// of the item it names: a claim for `supports`, `attacks`, ...; a source
/// for `cites`; a section; an actor. The stub goes after the last item of
/// its kind (above the comments of the table that follows it), else at the
/// end of the file.
fn stub(a: &Analysis, span: &Span) -> Option<(String, TextEdit)> {
    let ids = a.ids();
    let o = ids.at(span.start).filter(|o| o.span == *span)?;
    let kind = *o.role.kinds().first()?;
    let Role::Reference(_) = o.role else {
        return None;
    };
    let valid = !o.id.is_empty()
        && o.id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
    if !valid || ids.defined(&o.id) {
        return None;
    }
    let id = &o.id;
    let body = match kind {
        Kind::Claim => format!("[claims.{id}]\ntext = \"TODO: what `{id}` claims\"\n"),
        Kind::Source => format!("[sources.{id}]\ntitle = \"TODO: the title of `{id}`\"\n"),
        Kind::Section => format!("[sections.{id}]\ntitle = \"TODO: the title of `{id}`\"\n"),
        Kind::Actor => format!("[actors.{id}]\nname = \"TODO: who `{id}` is\"\n"),
        Kind::Argument => return None,
    };
    let text = a.source();
    let at = after_last_of(a, kind);
    let insert = match at {
        Some(_) => format!("{body}\n"),
        None if text.is_empty() || text.ends_with("\n\n") => body,
        None if text.ends_with('\n') => format!("\n{body}"),
        None => format!("\n\n{body}"),
    };
    let at = at.unwrap_or(text.len());
    Some((
        format!("add {} `{id}` (a stub)", kind.noun()),
        TextEdit::new(a.range(&(at..at)), insert),
    ))
}

/// Where a new table of `kind` goes: the start of the table that follows
/// the last one of its kind (with the comments above that table's header),
/// when the following item is written as a `[table]`.
fn after_last_of(a: &Analysis, kind: Kind) -> Option<usize> {
    let ids = a.ids();
    let last = ids.defined_of(kind).last()?;
    let next = ids
        .all
        .iter()
        .filter(|o| matches!(o.role, Role::Definition(_)) && o.span.start > last.span.end)
        .min_by_key(|o| o.span.start)?;
    let text = a.source();
    let mut line = text
        .get(..next.span.start)?
        .rfind('\n')
        .map_or(0, |i| i + 1);
    if !text.get(line..)?.trim_start().starts_with('[') {
        return None;
    }
    // Comments right above the header belong to it.
    while line > 0 {
        let before = text.get(..line - 1)?;
        let start = before.rfind('\n').map_or(0, |i| i + 1);
        if !before.get(start..)?.trim_start().starts_with('#') {
            break;
        }
        line = start;
    }
    Some(line)
}
