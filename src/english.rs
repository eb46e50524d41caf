//! Counting in English, for every message that counts something: `1 claim`,
//! `2 claims`, `1 linked argument`; and listing (`a, b and c`, paragraphs
//! `1–3 and 5`; alternatives, `a, b or c`). One place, so that no message says "1 claims"
//! (`tests/messages.rs` reads every snapshot for that).

/// `n` with its thousands set apart by commas: `12,345`.
pub fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

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

/// The label under the first of `n` places a finding stands for: `here`
/// when it is the only one.
pub fn first_of(n: usize) -> &'static str {
    either(n, "here", "the first of them")
}

/// Items as English lists them: `a`, `a and b`, `a, b and c`.
pub fn list<S: AsRef<str>>(items: &[S]) -> String {
    match items {
        [] => String::new(),
        [one] => one.as_ref().to_owned(),
        [init @ .., last] => {
            let init: Vec<&str> = init.iter().map(AsRef::as_ref).collect();
            format!("{} and {}", init.join(", "), last.as_ref())
        }
    }
}

/// Items as alternatives: `a`, `a or b`, `a, b or c`.
pub fn or_list<S: AsRef<str>>(items: &[S]) -> String {
    match items {
        [] => String::new(),
        [one] => one.as_ref().to_owned(),
        [init @ .., last] => {
            let init: Vec<&str> = init.iter().map(AsRef::as_ref).collect();
            format!("{} or {}", init.join(", "), last.as_ref())
        }
    }
}

/// Numbers, in increasing order, as a list whose runs of three or more
/// are ranges: `numbers(&[1, 2, 3, 5, 7])` is `1–3, 5 and 7`.
pub fn numbers(ns: &[usize]) -> String {
    let mut parts: Vec<String> = Vec::new();
    let mut i = 0;
    while let Some(&first) = ns.get(i) {
        let mut j = i;
        while ns
            .get(j + 1)
            .is_some_and(|&n| Some(n) == ns.get(j).map(|m| m + 1))
        {
            j += 1;
        }
        let last = ns.get(j).copied().unwrap_or(first);
        match j - i {
            0 => parts.push(first.to_string()),
            1 => parts.extend([first.to_string(), last.to_string()]),
            _ => parts.push(format!("{first}\u{2013}{last}")),
        }
        i = j + 1;
    }
    list(&parts)
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
        assert_eq!(or_list(&items(&[])), "");
        assert_eq!(or_list(&items(&["`hu`"])), "`hu`");
        assert_eq!(or_list(&items(&["`hu`", "`gu`"])), "`hu` or `gu`");
        assert_eq!(list(&items(&["a", "b", "c"])), "a, b and c");
    }

    #[test]
    fn lists_join_with_commas_and_a_final_and() {
        assert_eq!(list::<&str>(&[]), "");
        assert_eq!(list(&["a"]), "a");
        assert_eq!(list(&["a", "b"]), "a and b");
        assert_eq!(list(&["a", "b", "c"]), "a, b and c");
        assert_eq!(numbers(&[4]), "4");
        assert_eq!(numbers(&[2, 4]), "2 and 4");
        assert_eq!(numbers(&[1, 2]), "1 and 2");
        assert_eq!(numbers(&[1, 2, 3, 5, 7, 8]), "1–3, 5, 7 and 8");
        assert_eq!(numbers(&[1, 2, 3, 4]), "1–4");
    }
}
