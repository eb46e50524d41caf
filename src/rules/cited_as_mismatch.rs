//! `cited-as-mismatch`: an in-text citation form that disagrees with the
//! entry's authors or year.

use super::Context;
use crate::diag::{Code, Diagnostic, Level};
use crate::model::Source;

declare_rule! {
    /// ## What it finds
    /// A source whose `cited-as` (the form the analysed text cites it by,
    /// such as `Creemers 2021a`) disagrees with the entry: a year other than
    /// the entry's `year` (a trailing letter such as `a` is ignored), a year
    /// where the entry has none, no year where the entry has one, a first
    /// name that is not the entry's first author, a number of authors other
    /// than the entry's, or `et al.` for an entry with one author.
    ///
    /// ## Why it matters
    /// A reader who meets `Smith 2020` in the text looks for that author and
    /// year in the reference list; when they differ, the citation cannot be
    /// followed, or leads to the wrong work.
    ///
    /// ## Example
    /// ```toml
    /// [sources.tracing]
    /// title = "Tracing. Testing. Tweaking"
    /// authors = ["Von Carnap, Kai", "Katja Drinhausen"]
    /// cited-as = "Von Carnap et al. 2020"
    /// ```
    ///
    /// ## Fix
    /// Correct the entry (here: add `year = 2020`) or, if the entry is right,
    /// the in-text citation it is cited by.
    pub static RULE = Rule {
        code: Code::CitedAsMismatch,
        default_level: Level::Warn,
        summary: "a `cited-as` that disagrees with the entry's authors or year",
        check: Some(check),
    };
}

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for s in &cx.map.sources {
        let Some(cited) = &s.cited_as else { continue };
        for problem in problems(&cited.value, s) {
            out.push(
                Diagnostic::new(
                    Code::CitedAsMismatch,
                    cited.span.clone(),
                    format!("`cited-as` of source `{}` {problem}", s.id.value),
                )
                .with_label("disagrees with the entry")
                .with_help("correct the entry, or the citation if the entry is right"),
            );
        }
    }
}

fn words(s: &str) -> Vec<String> {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// Whether `word` is the initials of an organisation's name, `author`, as
/// organisations are cited (`AAP` for the American Academy of Pediatrics,
/// `WHO` for the World Health Organization): of all its words, or of all
/// but the small ones (`of`, `the`, `and`...).
fn is_initialism(word: &str, author: &[String]) -> bool {
    const SMALL: &[&str] = &[
        "of", "the", "and", "for", "on", "in", "to", "a", "an", "de", "du", "des", "la", "le",
        "et", "für", "der", "und",
    ];
    // Organisations have names of three words or more; two-word names are
    // people's (`Ng` is not an initialism of `Nguyen, Gia`).
    if author.len() < 3 || word.chars().count() < 2 {
        return false;
    }
    let initials = |skip_small: bool| -> String {
        author
            .iter()
            .filter(|w| !skip_small || !SMALL.contains(&w.as_str()))
            .filter_map(|w| w.chars().next())
            .collect()
    };
    word == initials(false) || word == initials(true)
}

/// What is wrong with `cited` for source `s`, one sentence tail each.
fn problems(cited: &str, s: &Source) -> Vec<String> {
    let mut out = Vec::new();
    let tokens: Vec<&str> = cited.split_whitespace().collect();
    let year_at = tokens.iter().rposition(|t| {
        let t = t.trim_matches(|c: char| matches!(c, ',' | '(' | ')' | ';'));
        t.len() >= 4 && t.bytes().take(4).all(|b| b.is_ascii_digit()) && t.len() <= 5
    });
    let cited_year = year_at.and_then(|i| tokens.get(i)).and_then(|t| {
        t.trim_matches(|c: char| !c.is_ascii_digit() && !c.is_ascii_lowercase())
            .get(..4)?
            .parse::<i64>()
            .ok()
    });
    match (cited_year, s.year()) {
        (Some(c), Some(y)) if c != y => {
            out.push(format!("gives the year {c}, but the entry's year is {y}"))
        }
        // A `year` or `date` written wrongly was reported by the loader.
        (Some(_), None) if s.miswritten.iter().any(|f| matches!(*f, "year" | "date")) => {}
        (Some(c), None) => out.push(format!(
            "gives the year {c}, but the entry has no `year` or `date`"
        )),
        (None, Some(y)) => out.push(format!("gives no year, but the entry's year is {y}")),
        _ => {}
    }
    let name_part = year_at.map_or(cited.to_owned(), |i| {
        tokens.get(..i).unwrap_or(&[]).join(" ")
    });
    let et_al = name_part.contains("et al");
    let names: Vec<Vec<String>> = name_part
        .replace("et al.", "")
        .replace("et al", "")
        .replace(" and ", ",")
        .replace('&', ",")
        .split(',')
        .map(words)
        .filter(|w| !w.is_empty())
        .collect();
    let authors: Vec<Vec<String>> = s
        .authors
        .as_ref()
        .map(|a| a.value.iter().map(|x| words(&x.value)).collect())
        .unwrap_or_default();
    let (Some(first_name), Some(first_author)) = (names.first(), authors.first()) else {
        return out;
    };
    let matches = |name: &[String], author: &[String]| {
        name.first()
            .is_some_and(|w| author.contains(w) || is_initialism(w, author))
    };
    if !matches(first_name, first_author) {
        let shown = s
            .authors
            .as_ref()
            .and_then(|a| a.value.first())
            .map_or("", |a| a.value.as_str());
        let written = name_part.split_whitespace().next().unwrap_or("");
        out.push(format!(
            "names `{written}`, but the entry's first author is `{shown}`"
        ));
        return out;
    }
    let listed_all = names.len() > 1 && names.iter().zip(&authors).all(|(n, a)| matches(n, a));
    let author_says_et_al = s
        .authors
        .as_ref()
        .is_some_and(|a| a.value.iter().any(|x| x.value.contains("et al")));
    if listed_all && !et_al && names.len() != authors.len() {
        out.push(format!(
            "names {} authors, but the entry lists {}",
            names.len(),
            authors.len()
        ));
    } else if et_al && authors.len() == 1 && !author_says_et_al {
        out.push("uses `et al.`, but the entry lists one author".to_owned());
    }
    out
}
