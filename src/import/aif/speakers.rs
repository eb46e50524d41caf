//! Who said each L node, and so the map's actors. An L node's speaker is
//! the participant its locution names; else the speaker its text names in
//! AIFdb's dialogical form, `Speaker : words` (a colon with white space on
//! each side), which is the participant of that name when there is one
//! (names compared as [`slug`]s: case, accents and punctuation aside),
//! else a speaker of its own. The actors are the participants, in input
//! order, then the speakers named only in L text, in the order of their
//! first L node, each name once.

use std::collections::HashMap;

use super::read::{Aif, Type};

/// Where an actor comes from.
pub(super) enum Origin {
    /// The participant of this index.
    Participant(usize),
    /// A speaker named only in L text: the name as first written, and its
    /// slug (empty when the name has no letter or digit).
    Named { name: String, slug: String },
}

/// The actors, and which one said each L node.
pub(super) struct Speakers {
    /// The actors to make, participants first.
    pub(super) actors: Vec<Origin>,
    /// L node index -> actor index.
    pub(super) of: HashMap<usize, usize>,
}

/// Who said each L node of `aif`.
pub(super) fn speakers(aif: &Aif) -> Speakers {
    let mut actors: Vec<Origin> = (0..aif.participants.len())
        .map(Origin::Participant)
        .collect();
    // Each name's key -> actor index: the participants' names first.
    let mut by_key: HashMap<String, usize> = HashMap::new();
    for (i, p) in aif.participants.iter().enumerate() {
        if !p.name.is_empty() {
            by_key.entry(key(&p.name)).or_insert(i);
        }
    }
    let mut of = HashMap::new();
    for (n, node) in aif.nodes_of(Type::L) {
        if let Some(&p) = aif.speaker.get(&n) {
            of.insert(n, p);
            continue;
        }
        let Some((name, _)) = split(&node.text) else {
            continue;
        };
        let actor = *by_key.entry(key(name)).or_insert_with(|| {
            actors.push(Origin::Named {
                name: name.to_owned(),
                slug: slug::slugify(name),
            });
            actors.len() - 1
        });
        of.insert(n, actor);
    }
    Speakers { actors, of }
}

/// The longest name read as a speaker's, in characters: a longer text
/// before ` : ` is not a name.
const MAX_NAME_CHARS: usize = 80;

/// The speaker and the words of an L node's text in AIFdb's form
/// `Speaker : words`, split at the first colon with white space on each
/// side; `None` when the text has no such colon, or nothing on one side of
/// it, or more than [`MAX_NAME_CHARS`] before it.
pub(super) fn split(text: &str) -> Option<(&str, &str)> {
    let (at, _) = text.char_indices().find(|&(i, c)| {
        c == ':'
            && text
                .get(..i)
                .and_then(|before| before.chars().next_back())
                .is_some_and(char::is_whitespace)
            && text
                .get(i + 1..)
                .and_then(|after| after.chars().next())
                .is_some_and(char::is_whitespace)
    })?;
    let name = text.get(..at)?.trim();
    let words = text.get(at + 1..)?.trim();
    (!name.is_empty() && !words.is_empty() && name.chars().count() <= MAX_NAME_CHARS)
        .then_some((name, words))
}

/// What makes two names one speaker's: their slug, or, for a name with no
/// letter or digit, the name itself.
fn key(name: &str) -> String {
    let slug = slug::slugify(name);
    if slug.is_empty() {
        name.trim().to_owned()
    } else {
        slug
    }
}

#[cfg(test)]
mod tests {
    use super::split;

    #[test]
    fn a_speaker_is_what_comes_before_a_spaced_colon() {
        assert_eq!(split("Bob : it is 3:1"), Some(("Bob", "it is 3:1")));
        assert_eq!(
            split("Alice Smith :\tcosts : too high"),
            Some(("Alice Smith", "costs : too high"))
        );
        assert_eq!(split("note: no space before"), None);
        assert_eq!(split(" : no speaker"), None);
        assert_eq!(split("Carol : "), None);
        assert_eq!(split("no colon at all"), None);
        assert_eq!(split(&format!("{} : long", "x".repeat(81))), None);
        assert_eq!(split("Zoë : héllo"), Some(("Zoë", "héllo")));
    }
}
