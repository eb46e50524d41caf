//! Themes: the colours and fonts of a diagram (`render --theme`).
//!
//! Shape, border and line style carry every distinction of the diagram, so
//! that it reads in greyscale; a theme only chooses the colours that repeat
//! them, and the fonts. `color` is the default; `mono` prints on a
//! black-and-white printer (black lines, white and grey fills, no colour
//! anywhere); `colorblind` takes the Okabe–Ito palette, whose colours stay
//! apart under the common colour-vision deficiencies (support blue, attack
//! vermilion, never red against green).

/// A theme's name, as `--theme` takes it.
#[derive(
    Clone,
    Copy,
    Debug,
    Default,
    PartialEq,
    Eq,
    strum::EnumString,
    strum::IntoStaticStr,
    strum::EnumIter,
)]
#[strum(serialize_all = "lowercase")]
pub enum ThemeName {
    /// Colour for the screen and colour printing.
    #[default]
    Color,
    /// Greyscale for black-and-white printing: shapes and line styles carry
    /// every distinction.
    Mono,
    /// Colours told apart under colour-vision deficiencies (Okabe–Ito).
    Colorblind,
}

impl ThemeName {
    /// The theme's colours and fonts.
    pub fn theme(self) -> &'static Theme {
        match self {
            ThemeName::Color => &COLOR,
            ThemeName::Mono => &MONO,
            ThemeName::Colorblind => &COLORBLIND,
        }
    }

    /// The name `--theme` takes.
    pub fn name(self) -> &'static str {
        self.into()
    }
}

/// The fonts of every theme, best first: Graphviz hands the list to
/// Pango, which takes the first installed family that has each character
/// (Chinese characters in source titles fall through to a CJK family), and
/// SVG viewers read it as a CSS `font-family` list.
pub const FONT: &str = "Helvetica,Arial,Liberation Sans,DejaVu Sans,\
Noto Sans CJK SC,WenQuanYi Micro Hei,Source Han Sans SC,sans-serif";

/// The colours of a diagram.
#[derive(Debug)]
pub struct Theme {
    /// Support: arrows, inference nodes.
    pub support: &'static str,
    /// Attack: lines ending in a bar.
    pub attack: &'static str,
    /// Text.
    pub ink: &'static str,
    /// Secondary text: citations, actors.
    pub muted: &'static str,
    /// Context nodes and citation lines (dark enough to print).
    pub faint: &'static str,
    /// The border and tag of answers and premises.
    pub answer: &'static str,
    /// Qualifications: the lines and the tag of concessions.
    pub qualify: &'static str,
    /// The tag of positions a text reports (`by`).
    pub position: &'static str,
    /// The thesis: fill and border.
    pub thesis: (&'static str, &'static str),
    /// Fills of counterpoints, answers, concessions, premises, plain claims.
    pub counter_fill: &'static str,
    /// Fill of answers.
    pub answer_fill: &'static str,
    /// Fill of concessions.
    pub concession_fill: &'static str,
    /// Fill of premises.
    pub premise_fill: &'static str,
    /// Border of plain claims.
    pub claim_border: &'static str,
    /// Fill of inference nodes.
    pub argument_fill: &'static str,
    /// Fill of context nodes.
    pub context_fill: &'static str,
    /// Sources: fill and border.
    pub source: (&'static str, &'static str),
    /// Section boxes: fill and border.
    pub cluster: (&'static str, &'static str),
    /// Fills of the labels of an evaluation: accepted, rejected, undecided.
    /// None is the thesis's fill.
    pub status: [&'static str; 3],
    /// Fills for `--color-by`, one per value in order of first appearance,
    /// cycled; light enough for black text.
    pub palette: &'static [&'static str],
}

/// The default theme.
pub static COLOR: Theme = Theme {
    support: "#1B7837",
    attack: "#B2182B",
    ink: "#1A1A1A",
    muted: "#4D4D4D",
    faint: "#6E6E6E",
    answer: "#2B5C8A",
    qualify: "#A6540A",
    position: "#5E3C99",
    thesis: ("#FFF1C2", "#7A5C00"),
    counter_fill: "#FBE3E3",
    answer_fill: "#E4EEF8",
    concession_fill: "#FCEEDD",
    premise_fill: "#E4EEF8",
    claim_border: "#333333",
    argument_fill: "#E3F1E3",
    context_fill: "#F5F5F5",
    source: ("#F6F1E4", "#8A7650"),
    cluster: ("#F4F4F4", "#B4B4B4"),
    status: ["#D5EFD5", "#E0E0E0", "#E7DDF3"],
    // ColorBrewer Pastel1 and Set3, without the yellow of the thesis, the
    // red of objections and the green of support coming first.
    palette: &[
        "#B3CDE3", "#DECBE4", "#FED9A6", "#8DD3C7", "#FCCDE5", "#BEBADA", "#D9D9D9", "#FDB462",
        "#CCEBC5", "#BC80BD", "#B3DE69", "#FBB4AE",
    ],
};

/// Black and white, for printing.
pub static MONO: Theme = Theme {
    support: "#000000",
    attack: "#000000",
    ink: "#000000",
    muted: "#333333",
    faint: "#555555",
    answer: "#000000",
    qualify: "#000000",
    position: "#000000",
    thesis: ("#FFFFFF", "#000000"),
    counter_fill: "#E6E6E6",
    answer_fill: "#FFFFFF",
    concession_fill: "#F2F2F2",
    premise_fill: "#FFFFFF",
    claim_border: "#000000",
    argument_fill: "#FFFFFF",
    context_fill: "#FFFFFF",
    source: ("#FFFFFF", "#333333"),
    cluster: ("#FFFFFF", "#777777"),
    status: ["#FFFFFF", "#C8C8C8", "#EBEBEB"],
    palette: &["#FFFFFF", "#E0E0E0", "#C4C4C4", "#F0F0F0"],
};

/// Okabe–Ito, for readers with colour-vision deficiencies.
pub static COLORBLIND: Theme = Theme {
    support: "#0072B2",
    attack: "#D55E00",
    ink: "#1A1A1A",
    muted: "#4D4D4D",
    faint: "#6E6E6E",
    answer: "#0072B2",
    qualify: "#9E6A00",
    position: "#A6437D",
    thesis: ("#FFF3B0", "#6B5900"),
    counter_fill: "#F9DCC8",
    answer_fill: "#D6EAF6",
    concession_fill: "#FBEBCB",
    premise_fill: "#D6EAF6",
    claim_border: "#333333",
    argument_fill: "#D6EAF6",
    context_fill: "#F5F5F5",
    source: ("#F2F2F2", "#666666"),
    cluster: ("#F4F4F4", "#B4B4B4"),
    status: ["#C9EBE0", "#DDDDDD", "#F9DCC8"],
    // Okabe–Ito's colours, lightened for black text, the most distinct
    // first.
    palette: &[
        "#BFE4F7", "#FBDDA6", "#E8C4D8", "#A6DCCB", "#D9D9D9", "#F7F1A5", "#A6CCE6", "#F2C9A6",
    ],
};

#[cfg(test)]
mod tests {
    use super::*;
    use strum::IntoEnumIterator;

    /// Every colour a theme names is a `#RRGGBB` colour, and `mono` names
    /// only greys.
    #[test]
    fn themes_name_colours_and_mono_only_greys() {
        for name in ThemeName::iter() {
            let t = name.theme();
            let mut colours = vec![
                t.support,
                t.attack,
                t.ink,
                t.muted,
                t.faint,
                t.answer,
                t.qualify,
                t.position,
                t.thesis.0,
                t.thesis.1,
                t.counter_fill,
                t.answer_fill,
                t.concession_fill,
                t.premise_fill,
                t.claim_border,
                t.argument_fill,
                t.context_fill,
                t.source.0,
                t.source.1,
                t.cluster.0,
                t.cluster.1,
            ];
            colours.extend(t.status);
            colours.extend(t.palette);
            for c in colours {
                assert!(
                    c.len() == 7 && c.starts_with('#') && u32::from_str_radix(&c[1..], 16).is_ok(),
                    "{}: {c}",
                    name.name()
                );
                if name == ThemeName::Mono {
                    assert!(c[1..3] == c[3..5] && c[3..5] == c[5..7], "mono: {c}");
                }
            }
            // Status and the thesis never share a fill.
            assert!(!t.status.contains(&t.thesis.0) || name == ThemeName::Mono);
            let [accepted, rejected, undecided] = t.status;
            assert!(accepted != rejected && rejected != undecided && accepted != undecided);
        }
    }
}
