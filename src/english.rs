//! Counting in English, for every message that counts something: `1 claim`,
//! `2 claims`, `1 linked argument`; and lists, `a, b or c`. One place, so
//! that no message says "1 claims" (`tests/messages.rs` reads every
//! snapshot for that).

/// `n` and the noun, `s` added unless `n` is 1: `count(2, "claim")` is
/// `2 claims`.
pub fn count(n: usize, noun: &str) -> String {
    format!("{n} {}", noun_s(n, noun))
}

/// `n` and `one` or `many`, for a noun whose plural is not regular:
/// `count_as(2, "premise is", "premises are")`.
pub fn count_as(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", either(n, one, many))
}

/// The noun alone, with `s` unless `n` is 1.
pub fn noun_s(n: usize, noun: &str) -> String {
    if n == 1 {
        noun.to_owned()
    } else {
        format!("{noun}s")
    }
}

/// `one` when `n` is 1, else `many`.
pub fn either<'a>(n: usize, one: &'a str, many: &'a str) -> &'a str {
    if n == 1 { one } else { many }
}

/// `items` in a sentence, the last two joined by `last`: `a`, `a or b`,
/// `a, b or c`.
pub fn list(items: &[String], last: &str) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., end] => format!("{} {last} {end}", init.join(", ")),
    }
}

/// The label under the first of `n` places a finding stands for: `here`
/// when it is the only one.
pub fn first_of(n: usize) -> &'static str {
    either(n, "here", "the first of them")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_is_singular_and_every_other_count_plural() {
        assert_eq!(count(0, "claim"), "0 claims");
        assert_eq!(count(1, "claim"), "1 claim");
        assert_eq!(count(2, "linked argument"), "2 linked arguments");
        assert_eq!(count_as(1, "premise is", "premises are"), "1 premise is");
        assert_eq!(count_as(3, "premise is", "premises are"), "3 premises are");
        assert_eq!(noun_s(1, "source"), "source");
        assert_eq!(either(11, "was", "were"), "were");
        assert_eq!(first_of(1), "here");
        assert_eq!(first_of(2), "the first of them");
        let items = |xs: &[&str]| xs.iter().map(|x| (*x).to_owned()).collect::<Vec<_>>();
        assert_eq!(list(&items(&[]), "or"), "");
        assert_eq!(list(&items(&["`hu`"]), "or"), "`hu`");
        assert_eq!(list(&items(&["`hu`", "`gu`"]), "or"), "`hu` or `gu`");
        assert_eq!(list(&items(&["a", "b", "c"]), "and"), "a, b and c");
    }
}
