//! Diagnostic codes: one variant per finding argmap reports. The stable
//! kebab-case names (`uncited-claim`) are derived from the variants, and a
//! name is parsed into a [`Code`] only at the edges (`[lints]`, `-A/-W/-D`,
//! `argmap explain`). What each code finds, its default level and its
//! documentation are declared once, in its rule file (`src/rules/`).

use strum::{EnumString, IntoStaticStr, VariantArray};

/// A diagnostic code.
#[derive(
    Clone,
    Copy,
    Debug,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    EnumString,
    IntoStaticStr,
    VariantArray,
)]
#[strum(serialize_all = "kebab-case")]
#[allow(missing_docs)]
pub enum Code {
    TomlSyntax,
    UnknownField,
    InvalidValue,
    MissingField,
    DuplicateId,
    UnknownReference,
    SelfReference,
    CircularSupport,
    SupportsAndAttacks,
    QuoteNotFound,
    LocatorNotFound,
    UncheckedQuotes,
    UnreadableText,
    UnreadableBibliography,
    QuoteTooLong,
    QuoteBudget,
    CopiedText,
    UncoveredParagraph,
    SectionMismatch,
    UncitedClaim,
    PlaceholderText,
    OrphanClaim,
    UnsupportedThesis,
    UnansweredCounterpoint,
    UnusedSource,
    SourceMissingField,
    SourceFieldConflict,
    InvalidUrl,
    TextFragmentUrl,
    InvalidDoi,
    InvalidIsbn,
    AccessedDate,
    UrlDateMismatch,
    DuplicateSource,
    CitedAsMismatch,
    DocumentUnread,
    UnmatchedCitation,
    SourceNotInText,
    CitationNotAtAnchor,
    MissedCitation,
    YearBeforeSource,
    TitleMismatch,
    UrlStyle,
    DateStyle,
    MisplacedDash,
    EtAlInEntry,
    ShortFormInconsistent,
    PrintedMismatch,
    RomanisationMismatch,
    TraditionalCharacter,
    FormatVersion,
}

impl Code {
    /// Every code, in the order `argmap explain` lists them.
    pub const ALL: &'static [Code] = Code::VARIANTS;

    /// The stable kebab-case name: `uncited-claim`.
    pub fn as_str(self) -> &'static str {
        self.into()
    }

    /// The code named `name`, if there is one.
    pub fn parse(name: &str) -> Option<Code> {
        name.parse().ok()
    }

    /// Whether a level can be set for the code. A file that is not TOML
    /// cannot be checked at all, so `toml-syntax` is always an error.
    pub fn is_fixed(self) -> bool {
        self == Code::TomlSyntax
    }

    /// The code closest to a misspelt one, or else the only code whose
    /// name contains it (`uncited` -> `uncited-claim`).
    pub fn suggest(name: &str) -> Option<Code> {
        let names = Code::ALL.iter().map(|c| c.as_str());
        crate::suggest::closest(name, names)
            .and_then(Code::parse)
            .or_else(|| {
                let mut containing = Code::ALL
                    .iter()
                    .filter(|c| !name.is_empty() && c.as_str().contains(name));
                match (containing.next(), containing.next()) {
                    (Some(&only), None) => Some(only),
                    _ => None,
                }
            })
    }
}

impl std::fmt::Display for Code {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A code equals its name: `d.code == "uncited-claim"`.
impl PartialEq<&str> for Code {
    fn eq(&self, name: &&str) -> bool {
        self.as_str() == *name
    }
}

impl serde::Serialize for Code {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_kebab_case_and_parse_back() {
        assert_eq!(Code::UncitedClaim.as_str(), "uncited-claim");
        assert_eq!(
            Code::parse("supports-and-attacks"),
            Some(Code::SupportsAndAttacks)
        );
        assert_eq!(Code::parse("nope"), None);
        for &c in Code::ALL {
            assert_eq!(Code::parse(c.as_str()), Some(c));
        }
    }

    #[test]
    fn suggests_close_and_partial_names() {
        assert_eq!(Code::suggest("unused-sorce"), Some(Code::UnusedSource));
        assert_eq!(Code::suggest("uncited"), Some(Code::UncitedClaim));
        assert_eq!(Code::suggest("quote"), None);
    }
}
