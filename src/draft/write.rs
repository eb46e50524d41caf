//! The drafted map as a `toml_edit` document: toml_edit quotes every
//! string and lays out tables, arrays and inline tables; the comments that
//! guide the writer are decor (the file's prefix, a table's prefix, a key's
//! prefix). The file opens with what to do next and what could not be
//! read, then `[map]`, `[lints]`, `[sections.<id>]`, `[sources.<id>]` (the
//! document first) and `[claims.<id>]`, in the document's order.

use toml_edit::{Array, DocumentMut, InlineTable, Item, Key, Table, value};

use super::{ClaimPlan, Options, Plan, SectionPlan, SourcePlan};

/// Width of comment lines, `# ` included.
const WIDTH: usize = 76;

/// `text` as comment lines, wrapped: `# ` before each line.
fn comment(text: &str) -> String {
    hanging(text, "# ", "# ")
}

/// `text` as comment lines, wrapped, with `first` before the first line and
/// `rest` before the others (`# - ` and `#   ` for a list item).
fn hanging(text: &str, first: &str, rest: &str) -> String {
    let mut out = String::new();
    for (i, line) in crate::wrap::wrap(text, WIDTH - first.len())
        .iter()
        .enumerate()
    {
        out.push_str(if i == 0 { first } else { rest });
        out.push_str(line);
        out.push('\n');
    }
    out
}

/// The comment that opens the file.
fn header(plan: &Plan, options: &Options) -> String {
    let mut h = comment(&format!(
        "A starting map of `{}`, drafted by `argmap draft`.",
        options.text_path
    ));
    h.push_str("#\n");
    h.push_str(&comment(
        "Each claim below stands for one paragraph of the document: its anchor locates the paragraph, and its `cites` are the sources that the paragraph's in-text citations name. What to do next:"
    ));
    h.push_str("#\n");
    for (n, step) in [
        "Write each claim's `text` in your own words. A text that starts with `TODO:` is a placeholder, which `argmap check` reports (`placeholder-text`); so is a text that copies a run of the document's words (`copied-text`).",
        "Where a paragraph makes several claims, give each its own claim with the same anchor; delete the claims of paragraphs that make none.",
        "Connect the claims (`supports`, `attacks`, `qualifies`) and name the main one in `[map]` as `thesis`.",
        "Compare the sources with the reference list: argmap wrote what it read, and a comment says what it could not.",
    ]
    .iter()
    .enumerate()
    {
        h.push_str(&hanging(step, &format!("# {}. ", n + 1), "#    "));
    }
    h.push_str(match options.map_name {
        Some(_) => "#\n# Then check it:\n#\n",
        None => "#\n# Then check it, MAP being the file you saved it in:\n#\n",
    });
    let map = options.map_name.as_deref().unwrap_or("MAP");
    let allow = if options.outside {
        " --allow-outside-texts"
    } else {
        ""
    };
    h.push_str(&format!("#     argmap check {map}{allow}\n"));
    if options.outside {
        h.push_str("#\n");
        h.push_str(&comment(
            &format!(
                "The document lies outside the map's folder, which `check` reads only with `--allow-outside-texts` (or give its text with `--text {}=PATH`).",
                plan.document_id
            )
        ));
    }
    if !plan.unread.is_empty() {
        h.push_str("#\n# What argmap could not read:\n");
        for line in &plan.unread {
            h.push_str(&hanging(line, "# - ", "#   "));
        }
    }
    h.push('\n');
    h
}

/// The map file of `plan`.
pub(super) fn document(plan: &Plan, options: &Options) -> DocumentMut {
    let mut doc = DocumentMut::new();
    doc.decor_mut().set_prefix(header(plan, options));
    doc.insert("map", Item::Table(map(plan)));
    doc.insert("lints", Item::Table(crate::skeleton::uncited_as_warnings(&comment(
        "A claim without a citation is reported as a warning: where a paragraph cites nothing, its claim is a bare assertion of the document, which the audit lists.",
    ))));
    let mut sections: Vec<(String, Table)> = plan.sections.iter().map(section).collect();
    if let Some((_, t)) = sections.first_mut() {
        t.decor_mut().set_prefix(format!(
            "\n{}",
            comment(
                "Sections: the document's headings that have paragraphs, in its order. Each anchor counts paragraphs under its section's heading."
            )
        ));
    }
    let mut sources = vec![(plan.document_id.clone(), the_document(plan, options))];
    sources.extend(plan.sources.iter().map(source));
    if let Some((_, t)) = sources.first_mut() {
        t.decor_mut().set_prefix(format!(
            "\n{}",
            comment(
                "Sources: the document, then the entries of its reference list as argmap read them."
            )
        ));
    }
    let mut claims: Vec<(String, Table)> = plan.claims.iter().map(claim).collect();
    if let Some((_, t)) = claims.first_mut() {
        t.decor_mut().set_prefix(format!(
            "\n{}",
            comment(
                "Claims: one for each paragraph before the reference list, each with a placeholder text to replace."
            )
        ));
    }
    for (key, tables) in [
        ("sections", sections),
        ("sources", sources),
        ("claims", claims),
    ] {
        if !tables.is_empty() {
            doc.insert(key, Item::Table(crate::skeleton::parent(tables)));
        }
    }
    doc
}

/// `[map]`: the title, the version, the document.
fn map(plan: &Plan) -> Table {
    let mut t = Table::new();
    t.insert("title", value(plan.title.as_str()));
    t.insert("version", value(crate::model::FORMAT_VERSION));
    t.insert("document", value(plan.document_id.as_str()));
    t
}

/// Inserts `key = item` into `t`, with `comments` above the key.
fn insert_commented(t: &mut Table, key: &str, item: Item, comments: &[String]) {
    let mut k = Key::new(key);
    let text: String = comments.iter().map(|c| comment(c)).collect();
    k.leaf_decor_mut().set_prefix(text);
    t.insert_formatted(&k, item);
}

fn section(s: &SectionPlan) -> (String, Table) {
    let mut t = Table::new();
    t.insert("title", value(s.title.as_str()));
    (s.id.clone(), t)
}

/// `[sources.<document>]`: the document itself, with its text.
fn the_document(plan: &Plan, options: &Options) -> Table {
    let mut t = Table::new();
    insert_commented(
        &mut t,
        "title",
        value(plan.title.as_str()),
        &["The document itself: add its authors and year.".to_owned()],
    );
    t.insert("text", value(options.text_path.as_str()));
    t
}

fn source(s: &SourcePlan) -> (String, Table) {
    let mut t = Table::new();
    let mut items: Vec<(&str, Item)> = Vec::new();
    if let Some(v) = &s.title {
        items.push(("title", value(v.as_str())));
    }
    if !s.authors.is_empty() {
        let authors: Array = s.authors.iter().map(String::as_str).collect();
        items.push(("authors", value(authors)));
    }
    if let Some(y) = s.year {
        items.push(("year", value(i64::from(y))));
    }
    if let Some(d) = s.date {
        items.push(("date", value(toml_date(d))));
    }
    for (k, v) in [
        ("container", &s.container),
        ("publisher", &s.publisher),
        ("url", &s.url),
    ] {
        if let Some(v) = v {
            items.push((k, value(v.as_str())));
        }
    }
    if let Some(d) = s.accessed {
        items.push(("accessed", value(toml_date(d))));
    }
    if let Some(v) = &s.cited_as {
        items.push(("cited-as", value(v.as_str())));
    }
    if let Some(v) = &s.note {
        items.push(("note", value(v.as_str())));
    }
    for (i, (k, item)) in items.into_iter().enumerate() {
        let comments: &[String] = if i == 0 { &s.comments } else { &[] };
        insert_commented(&mut t, k, item, comments);
    }
    if t.is_empty() {
        // Nothing read: the comments stand above the table.
        let text: String = s.comments.iter().map(|c| comment(c)).collect();
        t.decor_mut().set_prefix(format!("\n{text}"));
    }
    (s.id.clone(), t)
}

fn claim(c: &ClaimPlan) -> (String, Table) {
    let mut t = Table::new();
    insert_commented(&mut t, "text", value(super::CLAIM_TEXT), &c.comments);
    if let Some(s) = &c.section {
        t.insert("section", value(s.as_str()));
    }
    if let Some(p) = c.para {
        let mut anchor = InlineTable::new();
        anchor.insert("para", i64::try_from(p).unwrap_or(i64::MAX).into());
        t.insert("anchor", value(anchor));
    }
    if !c.cites.is_empty() {
        let cites: Array = c.cites.iter().map(String::as_str).collect();
        t.insert("cites", value(cites));
    }
    (c.id.clone(), t)
}

/// A date as TOML writes it (`2023-03-03`, unquoted).
fn toml_date(d: crate::model::Date) -> toml_edit::Datetime {
    toml_edit::Datetime {
        date: Some(toml_edit::Date {
            year: u16::try_from(d.year()).unwrap_or(0),
            month: u8::try_from(d.month()).unwrap_or(1),
            day: u8::try_from(d.day()).unwrap_or(1),
        }),
        time: None,
        offset: None,
    }
}
