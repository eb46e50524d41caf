//! A diagram printed on pages (`render --page`): laid out by Graphviz at
//! natural size, then placed on paper by [`super::pdf`].
//!
//! The plan, for a diagram that must stay legible (no text below
//! [`Paper::min_text`] points once printed):
//!
//! 1. the diagram alone, on one page, scaled down to fit if need be, in the
//!    orientation asked for, else in whichever of portrait and landscape
//!    prints it larger, and (unless a direction is asked for) laid out
//!    both bottom to top and right to left, keeping the one whose text
//!    prints larger;
//! 2. when it would print too small and it is the whole map of a map with
//!    sections, a booklet: the overview of the sections, then one diagram
//!    per section (as `render --section` draws it), each on its own page,
//!    each oriented as in 1;
//! 3. whatever still cannot fit legibly on one page is tiled across pages
//!    at the legible size, never shrunk below it.
//!
//! Graphviz is run through the caller's `lay_out` (DOT in, PDF out), so
//! that this module stays a library module: it never spawns a program
//! itself, and tests can stand in for Graphviz.

use rayon::prelude::*;

use super::page::Page;
use super::pdf::{self, PdfError, Placement, Sheet};
use super::split;
use super::{Direction, Options, View, ViewError};
use crate::graph::MapGraph;
use crate::model::Map;

/// The smallest text printed by default, in points.
pub const MIN_TEXT: f64 = 7.0;

/// Which way up the pages are.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Orientation {
    /// Taller than wide.
    Portrait,
    /// Wider than tall.
    Landscape,
}

/// What to print on.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Paper {
    /// The page size and margins (its orientation as given is ignored
    /// when [`Paper::orientation`] says one).
    pub page: Page,
    /// Portrait or landscape for every page; `None` chooses per diagram.
    pub orientation: Option<Orientation>,
    /// The smallest text size printed, in points.
    pub min_text: f64,
}

impl Paper {
    /// The page for a drawing of `size` (points): the orientation given,
    /// else the one at which it prints larger (portrait on a tie).
    ///
    /// A drawing whose smallest text (`min_font`) cannot print legibly on
    /// one page either way is tiled: then the orientation that needs fewer
    /// pages.
    fn page_for(&self, size: (f64, f64), min_font: f64) -> Page {
        match self.orientation {
            Some(Orientation::Portrait) => self.page.portrait(),
            Some(Orientation::Landscape) => self.page.landscape(),
            None => {
                let (p, l) = (self.page.portrait(), self.page.landscape());
                let (fp, fl) = (
                    pdf::fit_scale(size, &p, self.min_text),
                    pdf::fit_scale(size, &l, self.min_text),
                );
                let legible = |f: f64| min_font <= 0.0 || f * min_font >= self.min_text - 1e-9;
                if !legible(fp) && !legible(fl) {
                    let scale = self.min_text / min_font;
                    let (tp, tl) = (
                        tiles(size, &p, scale, self.min_text),
                        tiles(size, &l, scale, self.min_text),
                    );
                    return if tl < tp { l } else { p };
                }
                if fl > fp + 1e-9 { l } else { p }
            }
        }
    }
}

/// About how many pages a drawing of `size` takes on `page` at `scale`,
/// tiles overlapping by [`pdf::OVERLAP`].
fn tiles(size: (f64, f64), page: &Page, scale: f64, min_text: f64) -> usize {
    // The drawing area: what fits at scale 1 of a drawing that size.
    let (aw, ah) = pdf::area_size(page, min_text);
    let count = |length: f64, available: f64| -> usize {
        let step = (available - pdf::OVERLAP).max(1.0);
        let need = (length * scale - pdf::OVERLAP).max(0.0) / step;
        (need.ceil() as usize).max(1)
    };
    count(size.0, aw) * count(size.1, ah)
}

/// A printed diagram.
#[derive(Debug)]
pub struct Printed {
    /// The PDF.
    pub pdf: Vec<u8>,
    /// The title of each diagram printed, in order.
    pub sheets: Vec<String>,
    /// Where each page's drawing went: its sheet, its scale, its tile.
    pub pages: Vec<Placement>,
    /// Whether the whole map was split into its overview and sections.
    pub split: bool,
    /// The smallest text of the drawings as printed, in points.
    pub smallest: f64,
}

/// Why a diagram could not be printed.
#[derive(Debug)]
pub enum PrintError<E> {
    /// The view names nothing drawable.
    View(ViewError),
    /// Graphviz failed (the caller's error).
    LayOut(E),
    /// Graphviz's PDF could not be read, or the pages not written.
    Pdf(PdfError),
}

/// A diagram laid out and placed: its sheet, its page, the size its
/// smallest text prints at on one page.
struct Fitted {
    sheet: Sheet,
    page: Page,
    printed: f64,
    /// About how many pages it takes.
    pages: usize,
}

/// Lays out each of `dots` (one diagram, one DOT per direction tried) and
/// keeps the one that prints largest on `paper`.
fn best<E: Send>(
    title: &str,
    dots: Vec<String>,
    paper: &Paper,
    lay_out: &(dyn Fn(&str) -> Result<Vec<u8>, E> + Sync),
) -> Result<Fitted, PrintError<E>> {
    let mut best: Option<Fitted> = None;
    for dot in dots {
        let pdf = lay_out(&dot).map_err(PrintError::LayOut)?;
        let (sheet, size) = sheet_of(pdf, title.to_owned()).map_err(PrintError::Pdf)?;
        let page = paper.page_for(size, sheet.min_font);
        let scale = pdf::fit_scale(size, &page, paper.min_text);
        let printed = if sheet.min_font > 0.0 {
            scale * sheet.min_font
        } else {
            f64::INFINITY
        };
        // Legible on one page, and then larger; else fewer tiles.
        let pages = if printed >= paper.min_text - 1e-9 {
            1
        } else {
            tiles(size, &page, paper.min_text / sheet.min_font, paper.min_text)
        };
        let better = best
            .as_ref()
            .is_none_or(|b| pages < b.pages || (pages == b.pages && printed > b.printed + 1e-9));
        if better {
            best = Some(Fitted {
                sheet,
                page,
                printed,
                pages,
            });
        }
    }
    best.ok_or(PrintError::Pdf(PdfError::NoSheets))
}

/// Prints the diagram of `options` on `paper`; see the module docs.
/// `lay_out` turns DOT into a one-page PDF at natural size (`dot -Tpdf`);
/// it is called once per diagram and direction tried, several at once for
/// a booklet. Unless `options` names a direction, each diagram is laid out
/// both bottom to top and right to left, and printed the way its text
/// prints larger.
pub fn print<E: Send>(
    map: &Map,
    graph: &MapGraph,
    options: &Options,
    paper: &Paper,
    lay_out: &(dyn Fn(&str) -> Result<Vec<u8>, E> + Sync),
) -> Result<Printed, PrintError<E>> {
    let directions: Vec<Direction> = match options.direction {
        Some(d) => vec![d],
        None => vec![Direction::BottomTop, Direction::RightLeft],
    };
    let with = |d: Direction| Options {
        direction: Some(d),
        ..options.clone()
    };
    let title = diagram_title(map, &options.view);
    let dots = directions
        .iter()
        .map(|&d| super::to_dot(map, graph, &with(d)))
        .collect::<Result<Vec<_>, _>>()
        .map_err(PrintError::View)?;
    let whole = best(&title, dots, paper, lay_out)?;
    let legible = whole.printed >= paper.min_text - 1e-9;
    // A filtered map is printed as one drawing, tiled if need be: the
    // overview and the sections' diagrams would show what it leaves out.
    let splittable =
        options.view == View::Whole && options.filter.is_empty() && map.sections.len() >= 2;
    let (fitted, split) = if legible || !splittable {
        (vec![whole], false)
    } else {
        // Per diagram (the overview, then each section), its DOT in each
        // direction.
        let mut diagrams: Vec<(String, Vec<String>)> = vec![(
            "Overview of the sections".to_owned(),
            directions
                .iter()
                .map(|&d| split::overview_dot(map, graph, &with(d), &|_| None))
                .collect(),
        )];
        let per_direction: Vec<Vec<split::SectionDiagram>> = directions
            .iter()
            .map(|&d| split::section_diagrams(map, graph, &with(d)))
            .collect();
        if let Some(first) = per_direction.first() {
            for (k, d) in first.iter().enumerate() {
                let title = map
                    .sections
                    .get(d.section)
                    .map(crate::model::Section::display_title)
                    .unwrap_or(d.id.as_str());
                let dots = per_direction
                    .iter()
                    .filter_map(|ds| ds.get(k).map(|x| x.dot.clone()))
                    .collect();
                diagrams.push((format!("Section: {title}"), dots));
            }
        }
        let laid: Vec<Result<Fitted, PrintError<E>>> = diagrams
            .into_par_iter()
            .map(|(title, dots)| best(&title, dots, paper, lay_out))
            .collect();
        (laid.into_iter().collect::<Result<Vec<_>, _>>()?, true)
    };
    let pages: Vec<Page> = fitted.iter().map(|f| f.page).collect();
    let sheets: Vec<Sheet> = fitted.into_iter().map(|f| f.sheet).collect();
    bind(sheets, &pages, paper, split).map_err(PrintError::Pdf)
}

/// The booklet of `sheets`, each on its page of `pages`.
fn bind(
    sheets: Vec<Sheet>,
    pages: &[Page],
    paper: &Paper,
    split: bool,
) -> Result<Printed, PdfError> {
    let booklet = pdf::booklet_on(&sheets, pages, paper.min_text)?;
    let smallest = booklet
        .pages
        .iter()
        .filter_map(|p| {
            let s = sheets.get(p.sheet)?;
            (s.min_font > 0.0).then_some(s.min_font * p.scale)
        })
        .fold(f64::INFINITY, f64::min);
    Ok(Printed {
        pdf: booklet.pdf,
        sheets: sheets.into_iter().map(|s| s.title).collect(),
        pages: booklet.pages,
        split,
        smallest,
    })
}

/// A laid-out diagram as a sheet, with its size: its page and smallest
/// text measured from the PDF, in one walk of it.
fn sheet_of(pdf: Vec<u8>, title: String) -> Result<(Sheet, (f64, f64)), PdfError> {
    let facts = pdf::measure(&pdf)?;
    let first = facts.first().ok_or_else(|| PdfError::NoPage {
        what: format!("sheet `{title}`"),
    })?;
    let size = (first.width, first.height);
    let min_font = first.min_text().unwrap_or(0.0);
    Ok((
        Sheet {
            pdf,
            min_font,
            title,
        },
        size,
    ))
}

/// The footer's and bookmark's title of a diagram: the map's title and
/// what the view shows.
fn diagram_title(map: &Map, view: &View) -> String {
    let title = map
        .meta
        .title
        .as_ref()
        .map_or("Argument map", |t| t.as_str())
        .to_owned();
    match view {
        View::Whole => title,
        View::Focus { id, depth } => format!(
            "{title}: within {} of {id}",
            crate::english::count(*depth, "step")
        ),
        View::Section(id) => {
            let name = map
                .section(id)
                .and_then(|i| map.sections.get(i))
                .map_or(id.as_str(), crate::model::Section::display_title);
            format!("{title}: {name}")
        }
    }
}

/// Joins diagrams already laid out (`(title, one-page PDF)`, in order) into
/// one booklet on `paper`, each oriented and fitted as [`print`] does
/// (`render --split --format pdf` writes it beside the diagrams).
pub fn join(diagrams: Vec<(String, Vec<u8>)>, paper: &Paper) -> Result<Printed, PdfError> {
    let mut sheets = Vec::with_capacity(diagrams.len());
    let mut pages = Vec::with_capacity(diagrams.len());
    for (title, pdf) in diagrams {
        let (sheet, size) = sheet_of(pdf, title)?;
        pages.push(paper.page_for(size, sheet.min_font));
        sheets.push(sheet);
    }
    bind(sheets, &pages, paper, true)
}
