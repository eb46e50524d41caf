//! Paper for printed diagrams: a page size and its margin, in PDF points
//! (1/72 in), parsed from what a person writes (`a4`, `letter`,
//! `210x297mm`, `8.5x11in`; margins `10mm`, `0.5in`, `12pt`).
//!
//! [`crate::render::pdf`] places Graphviz's drawing on such pages: the PDF
//! Graphviz writes through cairo has one page the size of the drawing, and
//! its `page` and `size` attributes give no fixed paper size for PDF.

use std::fmt;
use std::str::FromStr;

use thiserror::Error;

/// Points in a millimetre.
const MM: f64 = 72.0 / 25.4;
/// Points in an inch.
const INCH: f64 = 72.0;

/// The margin a page has unless told otherwise: 10 mm.
pub const DEFAULT_MARGIN: f64 = 10.0 * MM;

/// The smallest side a page may have: 1 in.
pub const MIN_SIDE: f64 = INCH;

/// The largest side a page may have: 200 in, the largest PDF allows
/// (ISO 32000-1, annex C).
pub const MAX_SIDE: f64 = 200.0 * INCH;

/// The named sizes, with their width and height in points (portrait).
pub const NAMED: [(&str, f64, f64); 6] = [
    ("a3", 297.0 * MM, 420.0 * MM),
    ("a4", 210.0 * MM, 297.0 * MM),
    ("a5", 148.0 * MM, 210.0 * MM),
    ("letter", 8.5 * INCH, 11.0 * INCH),
    ("legal", 8.5 * INCH, 14.0 * INCH),
    ("tabloid", 11.0 * INCH, 17.0 * INCH),
];

/// A page: its size and the margin on each of its four sides, in points.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Page {
    /// The width, in points.
    pub width: f64,
    /// The height, in points.
    pub height: f64,
    /// The margin on every side, in points.
    pub margin: f64,
}

/// A page size or a margin that cannot be used.
#[derive(Clone, Debug, PartialEq, Error)]
pub enum PageError {
    /// Neither a named size nor `WxH` with a unit.
    #[error(
        "unknown page size `{given}`: expected a3, a4, a5, letter, legal, tabloid, or a width and height with a unit (210x297mm, 20x30cm, 8.5x11in, 600x800pt)"
    )]
    UnknownSize {
        /// What was written.
        given: String,
    },
    /// Not a number followed by `mm`, `cm`, `in` or `pt`.
    #[error(
        "`{given}` is not a length: expected a number and a unit, mm, cm, in or pt (10mm, 0.5in, 12pt)"
    )]
    NotALength {
        /// What was written.
        given: String,
    },
    /// A side shorter than [`MIN_SIDE`] or longer than [`MAX_SIDE`].
    #[error(
        "a page of {width} × {height} pt cannot be printed: each side must be between 72 pt (1 in) and 14400 pt (200 in)"
    )]
    OutOfRange {
        /// The width, in points, rounded for display.
        width: Points,
        /// The height, in points, rounded for display.
        height: Points,
    },
    /// A negative margin.
    #[error("a margin cannot be negative: `{given}`")]
    NegativeMargin {
        /// What was written.
        given: String,
    },
    /// A margin that leaves less than a quarter of the page to draw on.
    #[error(
        "a margin of {margin} pt leaves less than a quarter of the {width} × {height} pt page to draw on"
    )]
    MarginTooWide {
        /// The margin, in points, rounded for display.
        margin: Points,
        /// The page's width, in points, rounded for display.
        width: Points,
        /// The page's height, in points, rounded for display.
        height: Points,
    },
}

/// A length in points, shown to a hundredth of a point at most
/// (`595.28`, `12`, `0.5`).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Points(pub f64);

impl fmt::Display for Points {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let shown = format!("{:.2}", self.0);
        let shown = if shown.contains('.') {
            shown.trim_end_matches('0').trim_end_matches('.')
        } else {
            &shown
        };
        f.write_str(if shown == "-0" { "0" } else { shown })
    }
}

impl Default for Page {
    /// A4, portrait, with the default margin.
    fn default() -> Self {
        Page {
            width: 210.0 * MM,
            height: 297.0 * MM,
            margin: DEFAULT_MARGIN,
        }
    }
}

impl Page {
    /// A page of `width` × `height` points with the default margin (10 mm),
    /// refused when a side is out of [`MIN_SIDE`]..=[`MAX_SIDE`].
    pub fn new(width: f64, height: f64) -> Result<Page, PageError> {
        let in_range = |side: f64| side.is_finite() && (MIN_SIDE..=MAX_SIDE).contains(&side);
        if !in_range(width) || !in_range(height) {
            return Err(PageError::OutOfRange {
                width: Points(width),
                height: Points(height),
            });
        }
        Page {
            width,
            height,
            margin: 0.0,
        }
        .with_margin(DEFAULT_MARGIN)
    }

    /// The same paper turned so that it is wider than high; a page already
    /// wider than high is unchanged.
    #[must_use]
    pub fn landscape(self) -> Page {
        if self.width >= self.height {
            self
        } else {
            Page {
                width: self.height,
                height: self.width,
                margin: self.margin,
            }
        }
    }

    /// The same paper turned so that it is higher than wide.
    #[must_use]
    pub fn portrait(self) -> Page {
        if self.height >= self.width {
            self
        } else {
            Page {
                width: self.height,
                height: self.width,
                margin: self.margin,
            }
        }
    }

    /// The same paper with a margin of `points` on each side, refused when
    /// negative or when it leaves less than a quarter of the page.
    pub fn with_margin(self, points: f64) -> Result<Page, PageError> {
        if !points.is_finite() || points < 0.0 {
            return Err(PageError::NegativeMargin {
                given: format!("{}pt", Points(points)),
            });
        }
        let (w, h) = (self.width - 2.0 * points, self.height - 2.0 * points);
        if w <= 0.0 || h <= 0.0 || w * h < self.width * self.height / 4.0 {
            return Err(PageError::MarginTooWide {
                margin: Points(points),
                width: Points(self.width),
                height: Points(self.height),
            });
        }
        Ok(Page {
            margin: points,
            ..self
        })
    }

    /// The same paper with the margin written as `margin` (`10mm`, `0.5in`,
    /// `12pt`, `1cm`).
    pub fn with_margin_str(self, margin: &str) -> Result<Page, PageError> {
        let trimmed = margin.trim();
        if trimmed.starts_with('-') {
            return Err(PageError::NegativeMargin {
                given: trimmed.to_owned(),
            });
        }
        self.with_margin(parse_length(trimmed)?)
    }

    /// The area inside the margins: `(left, bottom, width, height)` in
    /// points, from the page's lower left corner as PDF counts.
    pub fn available(&self) -> Area {
        Area {
            left: self.margin,
            bottom: self.margin,
            width: self.width - 2.0 * self.margin,
            height: self.height - 2.0 * self.margin,
        }
    }

    /// Width over height of the whole page.
    pub fn aspect(&self) -> f64 {
        self.width / self.height
    }
}

/// A rectangle on a page, in points, from the page's lower left corner.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Area {
    /// Distance from the page's left edge.
    pub left: f64,
    /// Distance from the page's bottom edge.
    pub bottom: f64,
    /// Width.
    pub width: f64,
    /// Height.
    pub height: f64,
}

impl Area {
    /// Width over height.
    pub fn aspect(&self) -> f64 {
        self.width / self.height
    }
}

impl FromStr for Page {
    type Err = PageError;

    /// A named size (`a4`, `letter`, ...) or `WxH` with a unit after the
    /// height (`210x297mm`, `8.5×11in`) or after each side (`21cmx29.7cm`),
    /// in any case, with the default margin.
    fn from_str(s: &str) -> Result<Page, PageError> {
        let lower = s.trim().to_lowercase();
        let unknown = || PageError::UnknownSize {
            given: s.trim().to_owned(),
        };
        if let Some((_, w, h)) = NAMED.iter().find(|(name, _, _)| *name == lower) {
            return Page::new(*w, *h);
        }
        let normal = lower.replace('×', "x");
        let Some((first, second)) = normal.split_once('x') else {
            return Err(unknown());
        };
        let (second_number, unit) = split_unit(second.trim()).ok_or_else(unknown)?;
        let height = number(second_number).ok_or_else(unknown)? * unit;
        let first = first.trim();
        let width = match split_unit(first) {
            Some((n, u)) => number(n).ok_or_else(unknown)? * u,
            None => number(first).ok_or_else(unknown)? * unit,
        };
        Page::new(width, height)
    }
}

/// A length with its unit (`10mm`, `1cm`, `0.5in`, `12pt`, any case) in
/// points.
pub fn parse_length(s: &str) -> Result<f64, PageError> {
    let lower = s.trim().to_lowercase();
    let not = || PageError::NotALength {
        given: s.trim().to_owned(),
    };
    let (n, unit) = split_unit(&lower).ok_or_else(not)?;
    Ok(number(n).ok_or_else(not)? * unit)
}

/// `12.5mm` as `("12.5", points per mm)`; `None` without a known unit.
fn split_unit(s: &str) -> Option<(&str, f64)> {
    [("mm", MM), ("cm", 10.0 * MM), ("in", INCH), ("pt", 1.0)]
        .iter()
        .find_map(|(unit, factor)| s.strip_suffix(unit).map(|n| (n.trim(), *factor)))
}

/// A finite, non-negative decimal number, digits and at most one point.
fn number(s: &str) -> Option<f64> {
    let plain = !s.is_empty()
        && s.chars().all(|c| c.is_ascii_digit() || c == '.')
        && s.chars().any(|c| c.is_ascii_digit());
    plain.then(|| s.parse::<f64>().ok()).flatten()
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::indexing_slicing)]
    use super::*;

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 0.001
    }

    #[test]
    fn every_named_size_is_exact() {
        let expected = [
            ("a3", 841.890, 1190.551),
            ("a4", 595.276, 841.890),
            ("a5", 419.528, 595.276),
            ("letter", 612.0, 792.0),
            ("legal", 612.0, 1008.0),
            ("tabloid", 792.0, 1224.0),
        ];
        for (name, w, h) in expected {
            for written in [name.to_owned(), name.to_uppercase(), format!(" {name} ")] {
                let page: Page = written.parse().unwrap();
                assert!(
                    close(page.width, w) && close(page.height, h),
                    "{name}: {page:?}"
                );
                assert!(close(page.margin, 28.346), "{name}: default margin 10 mm");
            }
        }
        assert_eq!(NAMED.len(), expected.len());
    }

    #[test]
    fn custom_sizes_in_every_unit() {
        let cases = [
            ("210x297mm", 595.276, 841.890),
            ("210X297MM", 595.276, 841.890),
            ("210×297mm", 595.276, 841.890),
            ("210 x 297 mm", 595.276, 841.890),
            ("21cmx29.7cm", 595.276, 841.890),
            ("8.5x11in", 612.0, 792.0),
            ("20x30cm", 566.929, 850.394),
            ("600x800pt", 600.0, 800.0),
            ("600ptx11in", 600.0, 792.0),
        ];
        for (written, w, h) in cases {
            let page: Page = written.parse().unwrap();
            assert!(
                close(page.width, w) && close(page.height, h),
                "{written}: {page:?}"
            );
        }
    }

    #[test]
    fn landscape_is_wider_than_high_and_keeps_the_margin() {
        let a4: Page = "a4".parse().unwrap();
        let turned = a4.landscape();
        assert!(turned.width > turned.height);
        assert_eq!((turned.width, turned.height), (a4.height, a4.width));
        assert_eq!(turned.landscape(), turned, "already landscape");
        assert_eq!(turned.portrait(), a4);
        assert_eq!(turned.margin, a4.margin);
        assert!(turned.aspect() > 1.0 && a4.aspect() < 1.0);
    }

    #[test]
    fn margins_in_every_unit() {
        let a4: Page = "a4".parse().unwrap();
        for (written, points) in [
            ("10mm", 28.346),
            ("1cm", 28.346),
            ("0.5in", 36.0),
            ("12pt", 12.0),
            ("0pt", 0.0),
            ("12PT", 12.0),
        ] {
            let page = a4.with_margin_str(written).unwrap();
            assert!(close(page.margin, points), "{written}: {page:?}");
        }
        let area = a4.with_margin_str("12pt").unwrap().available();
        assert!(close(area.left, 12.0) && close(area.bottom, 12.0));
        assert!(close(area.width, 595.276 - 24.0) && close(area.height, 841.890 - 24.0));
        assert!(close(area.aspect(), area.width / area.height));
    }

    #[test]
    fn a_margin_must_leave_a_quarter_of_the_page() {
        let a4: Page = "a4".parse().unwrap();
        // A quarter of A4 is 125,315 pt²: (595.3 - 2m)(841.9 - 2m) is
        // 128,135 at m = 170 and 120,663 at m = 175.
        assert!(a4.with_margin(170.0).is_ok());
        assert!(matches!(
            a4.with_margin(175.0),
            Err(PageError::MarginTooWide { .. })
        ));
        assert!(matches!(
            a4.with_margin(400.0),
            Err(PageError::MarginTooWide { .. })
        ));
    }

    #[test]
    fn what_cannot_be_used_is_refused_clearly() {
        let a4: Page = "a4".parse().unwrap();
        let messages: Vec<String> = [
            "b5".parse::<Page>().map(|_| ()),
            "".parse::<Page>().map(|_| ()),
            "210x297".parse::<Page>().map(|_| ()),
            "210x297furlongs".parse::<Page>().map(|_| ()),
            "-210x297mm".parse::<Page>().map(|_| ()),
            "1x1mm".parse::<Page>().map(|_| ()),
            "300x300in".parse::<Page>().map(|_| ()),
            a4.with_margin_str("10").map(|_| ()),
            a4.with_margin_str("ten mm").map(|_| ()),
            a4.with_margin_str("-5mm").map(|_| ()),
            a4.with_margin_str("6in").map(|_| ()),
        ]
        .into_iter()
        .map(|r| r.unwrap_err().to_string())
        .collect();
        insta::assert_snapshot!(messages.join("\n"));
    }
}
