//! Going from an id to its definition and its references, and renaming an
//! id everywhere it is written. An id names one thing across the map
//! (claims, arguments, sources, sections and actors share one namespace),
//! so every place it is written is the same id.

use std::collections::HashMap;

use lsp_types::{
    GotoDefinitionResponse, Location, PrepareRenameResponse, ReferenceParams, RenameParams,
    TextDocumentPositionParams, TextEdit, Uri, WorkspaceEdit,
};

use super::analysis::{Analysis, Occurrence, Role};

/// The occurrence of an id at the request's position.
fn at<'a>(a: &'a Analysis, p: &TextDocumentPositionParams) -> Option<&'a Occurrence> {
    a.ids().at(a.offset(p.position))
}

/// Where the id at the position is defined.
pub fn definition(
    a: &Analysis,
    p: &TextDocumentPositionParams,
    uri: &Uri,
) -> Option<GotoDefinitionResponse> {
    let o = at(a, p)?;
    let d = a.ids().definition(&o.id)?;
    Some(GotoDefinitionResponse::Scalar(a.location(&d.span, uri)?))
}

/// Every place the id at the position is written: its references, and its
/// definitions when the client asks for them.
pub fn references(a: &Analysis, p: &ReferenceParams, uri: &Uri) -> Option<Vec<Location>> {
    let o = at(a, &p.text_document_position)?;
    let with_definitions = p.context.include_declaration;
    Some(
        a.ids()
            .of_id(&o.id)
            .filter(|x| with_definitions || matches!(x.role, Role::Reference(_)))
            .filter_map(|x| a.location(&x.span, uri))
            .collect(),
    )
}

/// The id at the position, when it can be renamed: its range (inside its
/// quotes) and the id itself.
pub fn prepare_rename(
    a: &Analysis,
    p: &TextDocumentPositionParams,
) -> Option<PrepareRenameResponse> {
    let o = at(a, p)?;
    let span = a
        .id_inside(&o.span, &o.id)
        .unwrap_or_else(|| o.span.clone());
    Some(PrepareRenameResponse::RangeWithPlaceholder {
        range: a.range(&span),
        placeholder: o.id.clone(),
    })
}

/// Renames the id at the position everywhere it is written. Refused, with
/// the reason, for a new name that is not an id or that names something
/// else already.
pub fn rename(a: &Analysis, p: &RenameParams, uri: &Uri) -> Result<Option<WorkspaceEdit>, String> {
    let Some(o) = at(a, &p.text_document_position) else {
        return Ok(None);
    };
    let new = p.new_name.trim();
    let valid = !new.is_empty()
        && new
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
    if !valid {
        return Err(format!(
            "`{new}` is not an id: ids use only ASCII letters, digits, `-` and `_`"
        ));
    }
    if new == o.id {
        return Ok(None);
    }
    if let Some(d) = a.ids().definition(&o.id)
        && a.location(&d.span, uri).is_some_and(|l| &l.uri != uri)
    {
        return Err(format!(
            "`{}` is a key of a bibliography file: rename it there, and then in the map",
            o.id
        ));
    }
    if let Some(other) = a.ids().definition(new) {
        let what = match other.role {
            Role::Definition(kind) => kind.a(),
            Role::Reference(_) => "something",
        };
        return Err(format!("`{new}` already names {what} of the map"));
    }
    let edits: Vec<TextEdit> = a
        .ids()
        .of_id(&o.id)
        .map(|x| match a.id_inside(&x.span, &x.id) {
            Some(inside) => TextEdit::new(a.range(&inside), new.to_owned()),
            // A string with escapes: written again whole.
            None => TextEdit::new(a.range(&x.span), format!("\"{new}\"")),
        })
        .collect();
    Ok(Some(WorkspaceEdit {
        changes: Some(HashMap::from([(uri.clone(), edits)])),
        ..Default::default()
    }))
}
