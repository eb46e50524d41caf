//! Print-ready PDF: Graphviz's drawings placed, scaled, on pages of a fixed
//! size ([`booklet`]), and what a PDF prints, measured ([`measure`]).
//!
//! Why by hand: Graphviz writes PDF through cairo, whose page is the size
//! of the drawing (the chapter's map is 69 × 66 in). Graphviz's `size`
//! scales the drawing and `page` paginates only for PostScript; neither
//! gives a fixed paper size for PDF. So argmap lets Graphviz lay out at
//! natural size (`dot -Tpdf`, one page, points) and places that page here:
//! imported as a Form XObject (its content stream, its resources copied
//! with new object numbers, its media box as the form's bounding box),
//! drawn scaled to fit inside the margins and centred, never enlarged to
//! fit. A drawing whose smallest text would print below the legible size
//! is drawn at the scale that keeps it legible instead, and tiled across as
//! many pages as it needs, each clipped to its tile, neighbouring tiles
//! overlapping so that nothing falls in a seam. Every page has a footer in
//! Helvetica (a standard font, not embedded): the sheet's title, the part
//! of a tiled sheet, the page number. Each sheet has a bookmark.

use std::collections::{HashMap, HashSet};
use std::fmt::Write as _;

use lopdf::content::{Content, Operation};
use lopdf::{Bookmark, Dictionary, Document, LoadOptions, Object, ObjectId, Stream};
use thiserror::Error;

use super::page::{Area, Page, Points};

/// The most pages one booklet may have.
pub const MAX_PAGES: usize = 2000;

/// How far neighbouring tiles overlap, at least, in points on the page.
pub const OVERLAP: f64 = 12.0;

/// The size of the footer's text, in points (larger when the smallest text
/// asked for is larger).
pub const FOOTER_SIZE: f64 = 8.0;

/// The most bytes a page's content may decompress to.
const MAX_CONTENT: usize = 256 * 1024 * 1024;

/// How deep forms drawn inside forms are followed by [`measure`].
const MAX_FORM_DEPTH: usize = 16;

/// The most content operations [`measure`] walks in one PDF, forms drawn
/// many times counted each time.
const MAX_OPERATIONS: usize = 20_000_000;

/// One drawing to print: the one-page PDF Graphviz writes (`dot -Tpdf`).
#[derive(Clone, Debug)]
pub struct Sheet {
    /// The PDF, one page the size of the drawing.
    pub pdf: Vec<u8>,
    /// The smallest text size in the drawing at natural size, in points;
    /// zero (or anything not positive) when the drawing has no text.
    pub min_font: f64,
    /// The title, in the footer and the bookmark.
    pub title: String,
}

/// The printed PDF and where each sheet went.
#[derive(Clone, Debug)]
pub struct Booklet {
    /// The PDF.
    pub pdf: Vec<u8>,
    /// One placement per page, in page order.
    pub pages: Vec<Placement>,
}

/// What one page of a [`Booklet`] shows.
#[derive(Clone, Debug, PartialEq)]
pub struct Placement {
    /// The index of the sheet in the slice given to [`booklet`].
    pub sheet: usize,
    /// Page points per drawing point.
    pub scale: f64,
    /// This page's tile, `(column, row)` from the top left, from 0; `(0, 0)`
    /// when the sheet is on one page.
    pub tile: (usize, usize),
    /// The sheet's tiles, `(columns, rows)`; `(1, 1)` when it is on one page.
    pub tiles: (usize, usize),
    /// The drawing's natural size, `(width, height)` in points.
    pub drawing: (f64, f64),
    /// The part of the drawing this page shows, in the drawing's points
    /// from its lower left corner.
    pub visible: Area,
}

impl Placement {
    /// Whether the sheet is cut into tiles.
    pub fn tiled(&self) -> bool {
        self.tiles != (1, 1)
    }

    /// The number of this part, from 1, counted row by row.
    pub fn part(&self) -> usize {
        self.tile.1 * self.tiles.0 + self.tile.0 + 1
    }

    /// How many parts the sheet has.
    pub fn parts(&self) -> usize {
        self.tiles.0 * self.tiles.1
    }
}

/// What [`measure`] finds on one page.
#[derive(Clone, Debug, PartialEq)]
pub struct PageFacts {
    /// The media box's width, in points.
    pub width: f64,
    /// The media box's height, in points.
    pub height: f64,
    /// Every text-showing operator, in the order drawn (forms included).
    pub runs: Vec<TextRun>,
}

/// One text-showing operator (`Tj`, `TJ`, `'`, `"`) as printed.
#[derive(Clone, Debug, PartialEq)]
pub struct TextRun {
    /// Its size on the page, in points.
    pub size: f64,
    /// The bytes of its strings, read as Latin-1 (what Helvetica's
    /// WinAnsiEncoding and Graphviz's subset fonts show for ASCII).
    pub text: String,
}

impl PageFacts {
    /// The smallest text on the page, in points; `None` without text.
    pub fn min_text(&self) -> Option<f64> {
        self.runs.iter().map(|r| r.size).reduce(f64::min)
    }

    /// Every run's text, one line each.
    pub fn text(&self) -> String {
        self.runs.iter().fold(String::new(), |mut all, run| {
            all.push_str(&run.text);
            all.push('\n');
            all
        })
    }
}

/// Why a booklet cannot be made or a PDF measured.
#[derive(Debug, Error)]
pub enum PdfError {
    /// [`booklet`] was given no sheet.
    #[error("no sheet to print")]
    NoSheets,
    /// No bytes.
    #[error("{what} is empty")]
    Empty {
        /// `sheet `title`` or `the input`.
        what: String,
    },
    /// Bytes that do not start as a PDF does.
    #[error("{what} is not a pdf: it has no `%PDF-` header")]
    NotPdf {
        /// `sheet `title`` or `the input`.
        what: String,
    },
    /// A PDF that cannot be read.
    #[error("cannot read {what}: {reason}")]
    Unreadable {
        /// `sheet `title`` or `the input`.
        what: String,
        /// What went wrong, in lower case.
        reason: String,
    },
    /// A PDF without a page.
    #[error("{what} has no page")]
    NoPage {
        /// `sheet `title`` or `the input`.
        what: String,
    },
    /// A page without four numbers for its media box.
    #[error("page {page} of {what} has no usable media box")]
    NoMediaBox {
        /// `sheet `title`` or `the input`.
        what: String,
        /// The page's number, from 1.
        page: usize,
    },
    /// A smallest text size that is not a positive number.
    #[error("the smallest text size must be a positive number of points, not {given}")]
    MinText {
        /// What was given.
        given: f64,
    },
    /// Tiles beyond [`MAX_PAGES`].
    #[error(
        "sheet `{title}` needs {pages} pages to keep its {min_font} pt text at {min_text} pt, more than {max}: print it on larger paper or split the map"
    )]
    TooManyPages {
        /// The sheet's title.
        title: String,
        /// The pages it would need (at least).
        pages: usize,
        /// The smallest text in the drawing.
        min_font: Points,
        /// The smallest text asked for.
        min_text: Points,
        /// [`MAX_PAGES`].
        max: usize,
    },
    /// lopdf could not write the result.
    #[error("cannot write the pdf: {reason}")]
    Write {
        /// What went wrong, in lower case.
        reason: String,
    },
}

/// Places `sheets` on pages of `page`, in order, as one PDF: each sheet
/// scaled to fit inside the margins and centred, never enlarged, unless its
/// smallest text (`Sheet::min_font`) would then print below `min_text`
/// points: such a sheet is drawn with that text at `min_text` and tiled
/// across as many pages as it needs.
pub fn booklet(sheets: &[Sheet], page: &Page, min_text: f64) -> Result<Booklet, PdfError> {
    let pages = vec![*page; sheets.len()];
    booklet_on(sheets, &pages, min_text)
}

/// The drawing area of `page` above its footer band, and the area inside
/// its margins.
fn areas(page: &Page, footer_size: f64) -> (Area, Area) {
    let available = page.available();
    let band = footer_size * 2.0;
    let area = Area {
        left: available.left,
        bottom: available.bottom + band,
        width: available.width,
        height: available.height - band,
    };
    (area, available)
}

/// The scale at which `size` (a drawing's width and height, in points)
/// fits on `page` above the footer, never enlarged; a caller choosing a
/// page's orientation compares it.
pub fn fit_scale(size: (f64, f64), page: &Page, min_text: f64) -> f64 {
    let (area, _) = areas(page, FOOTER_SIZE.max(min_text));
    let (w, h) = size;
    if w <= 0.0 || h <= 0.0 {
        return 1.0;
    }
    (area.width / w).min(area.height / h).min(1.0)
}

/// The width and height a page leaves to draw on, inside its margins and
/// above the footer of a booklet printing no text below `min_text`.
pub fn area_size(page: &Page, min_text: f64) -> (f64, f64) {
    let (area, _) = areas(page, FOOTER_SIZE.max(min_text));
    (area.width, area.height)
}

/// [`booklet`], each sheet on pages of its own size: `pages[i]` for
/// `sheets[i]` (a booklet may mix portrait and landscape pages).
pub fn booklet_on(sheets: &[Sheet], pages: &[Page], min_text: f64) -> Result<Booklet, PdfError> {
    if sheets.is_empty() {
        return Err(PdfError::NoSheets);
    }
    if !min_text.is_finite() || min_text <= 0.0 {
        return Err(PdfError::MinText { given: min_text });
    }
    let footer_size = FOOTER_SIZE.max(min_text);

    let mut out = Document::with_version("1.5");
    let pages_id = new_id(&mut out)?;
    let font_id = new_id(&mut out)?;
    out.objects.insert(
        font_id,
        Object::Dictionary(Dictionary::from_iter([
            ("Type", Object::Name(b"Font".to_vec())),
            ("Subtype", Object::Name(b"Type1".to_vec())),
            ("BaseFont", Object::Name(b"Helvetica".to_vec())),
            ("Encoding", Object::Name(b"WinAnsiEncoding".to_vec())),
        ])),
    );

    // Import every sheet and lay it out first, to know the page count.
    let mut placed: Vec<(Form, Vec<Placement>, Layout, Page)> = Vec::with_capacity(sheets.len());
    let mut total = 0usize;
    for (index, sheet) in sheets.iter().enumerate() {
        let what = format!("sheet `{}`", sheet.title);
        let page = pages.get(index).copied().unwrap_or_else(|| {
            pages.first().copied().unwrap_or(Page {
                width: 595.276,
                height: 841.89,
                margin: super::page::DEFAULT_MARGIN,
            })
        });
        let (area, _) = areas(&page, footer_size);
        let form = import(&mut out, &sheet.pdf, &what)?;
        let layout = Layout::new(form.size, sheet.min_font, &area, min_text);
        let count = layout.tiles.0 * layout.tiles.1;
        total = total.saturating_add(count);
        if layout.pages_f64 > MAX_PAGES as f64 || total > MAX_PAGES {
            return Err(PdfError::TooManyPages {
                title: sheet.title.clone(),
                pages: (layout.pages_f64.min(usize::MAX as f64) as usize).max(total),
                min_font: Points(sheet.min_font),
                min_text: Points(min_text),
                max: MAX_PAGES,
            });
        }
        let placements = layout.placements(index, form.size);
        placed.push((form, placements, layout, page));
    }

    let mut kids = Vec::with_capacity(total);
    let mut pages = Vec::with_capacity(total);
    let mut number = 0usize;
    for (index, (form, placements, layout, page)) in placed.into_iter().enumerate() {
        let title = sheets.get(index).map_or("", |s| s.title.as_str());
        let (area, available) = areas(&page, footer_size);
        let mut first = None;
        for placement in placements {
            number += 1;
            let mut footer = title.to_owned();
            if placement.tiled() {
                let _ = write!(
                    footer,
                    "  \u{b7}  part {} of {} (column {}, row {})",
                    placement.part(),
                    placement.parts(),
                    placement.tile.0 + 1,
                    placement.tile.1 + 1
                );
            }
            let _ = write!(footer, "  \u{b7}  page {number} of {total}");
            let ops = page_operations(
                &layout,
                &placement,
                &form,
                &area,
                &available,
                footer_size,
                &footer,
            );
            let content = Content { operations: ops }
                .encode()
                .map_err(|e| write_error(&e))?;
            let mut stream = Stream::new(Dictionary::new(), content);
            stream.compress().map_err(|e| write_error(&e))?;
            let content_id = add(&mut out, Object::Stream(stream))?;
            let resources = Dictionary::from_iter([
                (
                    "Font",
                    Object::Dictionary(Dictionary::from_iter([("F0", Object::Reference(font_id))])),
                ),
                (
                    "XObject",
                    Object::Dictionary(Dictionary::from_iter([("X0", Object::Reference(form.id))])),
                ),
            ]);
            let page_id = add(
                &mut out,
                Object::Dictionary(Dictionary::from_iter([
                    ("Type", Object::Name(b"Page".to_vec())),
                    ("Parent", Object::Reference(pages_id)),
                    ("MediaBox", rect(0.0, 0.0, page.width, page.height)),
                    ("Contents", Object::Reference(content_id)),
                    ("Resources", Object::Dictionary(resources)),
                ])),
            )?;
            first.get_or_insert(page_id);
            kids.push(Object::Reference(page_id));
            pages.push(placement);
        }
        if let Some(page_id) = first {
            out.add_bookmark(Bookmark::new(title.to_owned(), [0.0; 3], 0, page_id), None);
        }
    }

    out.objects.insert(
        pages_id,
        Object::Dictionary(Dictionary::from_iter([
            ("Type", Object::Name(b"Pages".to_vec())),
            (
                "Count",
                Object::Integer(i64::try_from(total).unwrap_or(i64::MAX)),
            ),
            ("Kids", Object::Array(kids)),
        ])),
    );
    let mut catalog = Dictionary::from_iter([
        ("Type", Object::Name(b"Catalog".to_vec())),
        ("Pages", Object::Reference(pages_id)),
    ]);
    if let Some(outline) = out.build_outline() {
        catalog.set("Outlines", Object::Reference(outline));
        catalog.set("PageMode", Object::Name(b"UseOutlines".to_vec()));
    }
    let catalog_id = add(&mut out, Object::Dictionary(catalog))?;
    out.trailer.set("Root", Object::Reference(catalog_id));

    let mut pdf = Vec::new();
    out.save_to(&mut pdf).map_err(|e| PdfError::Write {
        reason: lower_first(&e.to_string()),
    })?;
    Ok(Booklet { pdf, pages })
}

/// How one sheet goes on the pages.
#[derive(Clone, Copy, Debug, PartialEq)]
struct Layout {
    /// Page points per drawing point.
    scale: f64,
    /// `(columns, rows)`.
    tiles: (usize, usize),
    /// How far one tile is from the next, in page points, `(x, y)`.
    step: (f64, f64),
    /// Where the drawing's lower left corner goes on a page showing tile
    /// (0, 0), relative to the drawing area's lower left corner.
    origin: (f64, f64),
    /// The drawing area's `(width, height)`, in page points.
    room: (f64, f64),
    /// The pages needed, before capping (to refuse without counting far).
    pages_f64: f64,
}

impl Layout {
    fn new(size: (f64, f64), min_font: f64, area: &Area, min_text: f64) -> Layout {
        let (w, h) = size;
        let fit = (area.width / w).min(area.height / h);
        let mut scale = fit.min(1.0);
        let has_text = min_font.is_finite() && min_font > 0.0;
        // A hair of tolerance, so that text exactly at the limit stays.
        if has_text && scale * min_font < min_text * (1.0 - 1e-9) {
            scale = min_text / min_font;
        }
        let (ws, hs) = (w * scale, h * scale);
        let (cols, step_x) = cut(ws, area.width);
        let (rows, step_y) = cut(hs, area.height);
        // One tile in a direction: centred; several: from the top left.
        let ox = if cols.1 { 0.0 } else { (area.width - ws) / 2.0 };
        let oy = if rows.1 {
            area.height - hs
        } else {
            (area.height - hs) / 2.0
        };
        Layout {
            scale,
            tiles: (cols.0, rows.0),
            step: (step_x, step_y),
            origin: (ox, oy),
            room: (area.width, area.height),
            pages_f64: cols.2 * rows.2,
        }
    }

    /// The page of each tile, row by row.
    fn placements(&self, sheet: usize, size: (f64, f64)) -> Vec<Placement> {
        let (w, h) = size;
        let (cols, rows) = self.tiles;
        let mut out = Vec::with_capacity(cols * rows);
        for row in 0..rows {
            for col in 0..cols {
                let visible = if self.tiles == (1, 1) {
                    Area {
                        left: 0.0,
                        bottom: 0.0,
                        width: w,
                        height: h,
                    }
                } else {
                    self.visible(col, row, size)
                };
                out.push(Placement {
                    sheet,
                    scale: self.scale,
                    tile: (col, row),
                    tiles: self.tiles,
                    drawing: (w, h),
                    visible,
                });
            }
        }
        out
    }

    /// Where, on the page of tile `(col, row)`, the drawing's lower left
    /// corner goes, relative to the drawing area's lower left corner.
    fn offset(&self, col: usize, row: usize) -> (f64, f64) {
        (
            self.origin.0 - col as f64 * self.step.0,
            self.origin.1 + row as f64 * self.step.1,
        )
    }

    /// The part of the drawing tile `(col, row)` shows, in drawing points,
    /// clipped to the drawing.
    fn visible(&self, col: usize, row: usize, size: (f64, f64)) -> Area {
        let (w, h) = size;
        let (area_w, area_h) = self.room;
        let (dx, dy) = self.offset(col, row);
        let left = (-dx / self.scale).clamp(0.0, w);
        let right = ((area_w - dx) / self.scale).clamp(0.0, w);
        let bottom = (-dy / self.scale).clamp(0.0, h);
        let top = ((area_h - dy) / self.scale).clamp(0.0, h);
        Area {
            left,
            bottom,
            width: right - left,
            height: top - bottom,
        }
    }
}

/// How many tiles of `room` points cover `length` points, and the step
/// between them: `(count, several, count as f64)`, step. Tiles overlap by
/// at least [`OVERLAP`] (a quarter of the room on tiny pages), the slack
/// shared out so that the last tile ends at the drawing's edge.
fn cut(length: f64, room: f64) -> ((usize, bool, f64), f64) {
    if length <= room {
        return ((1, false, 1.0), 0.0);
    }
    let overlap = OVERLAP.min(room / 4.0);
    let count = ((length - overlap) / (room - overlap)).ceil().max(2.0);
    let step = (length - room) / (count - 1.0);
    let capped = count.min(MAX_PAGES as f64 + 1.0) as usize;
    ((capped, true, count), step)
}

/// A sheet's page, imported into the booklet as a Form XObject.
struct Form {
    /// The form's object.
    id: ObjectId,
    /// The drawing's size, in points.
    size: (f64, f64),
    /// The media box's lower left corner, in the drawing's points.
    corner: (f64, f64),
}

/// The operations of one booklet page: the form, clipped to the drawing
/// area and placed for its tile, then the footer.
fn page_operations(
    layout: &Layout,
    placement: &Placement,
    form: &Form,
    area: &Area,
    available: &Area,
    footer_size: f64,
    footer: &str,
) -> Vec<Operation> {
    let (dx, dy) = layout.offset(placement.tile.0, placement.tile.1);
    let s = layout.scale;
    let tx = area.left + dx - form.corner.0 * s;
    let ty = area.bottom + dy - form.corner.1 * s;
    let op = |name: &str, operands: Vec<Object>| Operation::new(name, operands);
    vec![
        op("q", vec![]),
        op(
            "re",
            reals(&[area.left, area.bottom, area.width, area.height]),
        ),
        op("W", vec![]),
        op("n", vec![]),
        op("cm", reals(&[s, 0.0, 0.0, s, tx, ty])),
        op("Do", vec![Object::Name(b"X0".to_vec())]),
        op("Q", vec![]),
        op("BT", vec![]),
        op("g", reals(&[0.0])),
        op(
            "Tf",
            vec![
                Object::Name(b"F0".to_vec()),
                Object::Real(footer_size as f32),
            ],
        ),
        op(
            "Tm",
            reals(&[
                1.0,
                0.0,
                0.0,
                1.0,
                available.left,
                available.bottom + footer_size * 0.5,
            ]),
        ),
        op(
            "Tj",
            vec![Object::String(
                win_ansi(footer),
                lopdf::StringFormat::Literal,
            )],
        ),
        op("ET", vec![]),
    ]
}

fn reals(values: &[f64]) -> Vec<Object> {
    values.iter().map(|v| Object::Real(*v as f32)).collect()
}

/// `[left bottom right top]`.
fn rect(left: f64, bottom: f64, width: f64, height: f64) -> Object {
    Object::Array(reals(&[left, bottom, left + width, bottom + height]))
}

/// `text` in WinAnsiEncoding, as Helvetica shows it without embedding;
/// what it cannot encode becomes `?`.
fn win_ansi(text: &str) -> Vec<u8> {
    text.chars()
        .map(|c| match c {
            ' '..='~' => c as u8,
            '\u{a0}'..='\u{ff}' => c as u32 as u8,
            '\u{2026}' => 0x85,
            '\u{2018}' => 0x91,
            '\u{2019}' => 0x92,
            '\u{201c}' => 0x93,
            '\u{201d}' => 0x94,
            '\u{2022}' => 0x95,
            '\u{2013}' => 0x96,
            '\u{2014}' => 0x97,
            _ => b'?',
        })
        .collect()
}

fn new_id(out: &mut Document) -> Result<ObjectId, PdfError> {
    out.try_new_object_id().map_err(|e| write_error(&e))
}

fn add(out: &mut Document, object: Object) -> Result<ObjectId, PdfError> {
    out.try_add_object(object).map_err(|e| write_error(&e))
}

fn write_error(e: &lopdf::Error) -> PdfError {
    PdfError::Write {
        reason: lower_first(&e.to_string()),
    }
}

fn unreadable(what: &str, reason: &str) -> PdfError {
    PdfError::Unreadable {
        what: what.to_owned(),
        reason: lower_first(reason),
    }
}

/// lopdf's messages start with a capital; ours do not.
fn lower_first(s: &str) -> String {
    let mut chars = s.chars();
    chars.next().map_or_else(String::new, |c| {
        c.to_lowercase().chain(chars).collect::<String>()
    })
}

/// Reads `bytes` as a PDF, after looking at its header.
fn load(bytes: &[u8], what: &str) -> Result<Document, PdfError> {
    if bytes.is_empty() {
        return Err(PdfError::Empty {
            what: what.to_owned(),
        });
    }
    let head = bytes.get(..bytes.len().min(1024)).unwrap_or(bytes);
    if memchr::memmem::find(head, b"%PDF-").is_none() {
        return Err(PdfError::NotPdf {
            what: what.to_owned(),
        });
    }
    let options = LoadOptions {
        max_decompressed_size: Some(MAX_CONTENT),
        ..LoadOptions::default()
    };
    Document::load_mem_with_options(bytes, options).map_err(|e| unreadable(what, &e.to_string()))
}

/// A page's entry, or the nearest ancestor's (`MediaBox`, `Resources` are
/// inherited through the page tree).
fn inherited<'a>(doc: &'a Document, page: &'a Dictionary, key: &[u8]) -> Option<&'a Object> {
    let mut node = page;
    for _ in 0..64 {
        if let Ok(value) = node.get(key) {
            return Some(value);
        }
        node = node.get(b"Parent").ok().and_then(|p| dict(doc, p))?;
    }
    None
}

/// `object` as a dictionary, through a reference.
fn dict<'a>(doc: &'a Document, object: &'a Object) -> Option<&'a Dictionary> {
    doc.dereference(object)
        .ok()
        .and_then(|(_, o)| o.as_dict().ok())
}

fn number(object: &Object) -> Option<f64> {
    match object {
        Object::Integer(i) => Some(*i as f64),
        Object::Real(r) => Some(f64::from(*r)),
        _ => None,
    }
}

/// The media box as `[left, bottom, right, top]`, with a positive size.
fn media_box(doc: &Document, page: &Dictionary) -> Option<[f64; 4]> {
    let object = inherited(doc, page, b"MediaBox")?;
    let array = doc.dereference(object).ok()?.1.as_array().ok()?;
    let n: Vec<f64> = array
        .iter()
        .filter_map(|o| doc.dereference(o).ok().and_then(|(_, o)| number(o)))
        .collect();
    let [a, b, c, d] = <[f64; 4]>::try_from(n).ok()?;
    let bx = [a.min(c), b.min(d), a.max(c), b.max(d)];
    let ok = bx.iter().all(|v| v.is_finite()) && bx[2] > bx[0] && bx[3] > bx[1];
    ok.then_some(bx)
}

/// A page's content streams, decompressed and joined.
fn page_content(doc: &Document, page_id: ObjectId, what: &str) -> Result<Vec<u8>, PdfError> {
    let mut content = Vec::new();
    for id in doc.get_page_contents(page_id) {
        let stream = doc
            .get_object(id)
            .and_then(Object::as_stream)
            .map_err(|e| unreadable(what, &format!("page content: {e}")))?;
        let room = MAX_CONTENT.saturating_sub(content.len());
        let bytes = stream
            .get_plain_content_with_limit(room)
            .map_err(|e| unreadable(what, &format!("page content: {e}")))?;
        content.extend_from_slice(&bytes);
        content.push(b'\n');
    }
    Ok(content)
}

/// Imports the first page of `bytes` into `out` as a Form XObject.
fn import(out: &mut Document, bytes: &[u8], what: &str) -> Result<Form, PdfError> {
    let doc = load(bytes, what)?;
    let page_id = doc.page_iter().next().ok_or_else(|| PdfError::NoPage {
        what: what.to_owned(),
    })?;
    let page = doc
        .get_dictionary(page_id)
        .map_err(|e| unreadable(what, &e.to_string()))?;
    let [x0, y0, x1, y1] = media_box(&doc, page).ok_or_else(|| PdfError::NoMediaBox {
        what: what.to_owned(),
        page: 1,
    })?;
    let content = page_content(&doc, page_id, what)?;
    let resources = inherited(&doc, page, b"Resources")
        .cloned()
        .unwrap_or_else(|| Object::Dictionary(Dictionary::new()));
    let mut copier = Copier {
        from: &doc,
        ids: HashMap::new(),
        queue: Vec::new(),
        what,
    };
    let resources = copier.copy(out, resources)?;
    let (width, height) = (x1 - x0, y1 - y0);
    let form = Dictionary::from_iter([
        ("Type", Object::Name(b"XObject".to_vec())),
        ("Subtype", Object::Name(b"Form".to_vec())),
        ("BBox", rect(x0, y0, width, height)),
        ("Resources", resources),
    ]);
    let mut stream = Stream::new(form, content);
    stream.compress().map_err(|e| write_error(&e))?;
    let id = add(out, Object::Stream(stream))?;
    Ok(Form {
        id,
        size: (width, height),
        corner: (x0, y0),
    })
}

/// Copies objects from one document into another, each once, under new
/// numbers: what a page's resources refer to (fonts, images, graphics
/// states, their streams as they are, still compressed), never the page
/// tree.
struct Copier<'a> {
    from: &'a Document,
    /// Old number to new.
    ids: HashMap<ObjectId, ObjectId>,
    /// Old numbers given a new one, not yet copied.
    queue: Vec<ObjectId>,
    what: &'a str,
}

impl Copier<'_> {
    /// `root` with its references renumbered, everything they reach copied.
    fn copy(&mut self, out: &mut Document, mut root: Object) -> Result<Object, PdfError> {
        self.renumber(out, &mut root, 0)?;
        while let Some(old) = self.queue.pop() {
            let Some(&new) = self.ids.get(&old) else {
                continue;
            };
            let mut object = match self.from.get_object(old) {
                Ok(o) if !is_page_tree(o) => o.clone(),
                _ => Object::Null,
            };
            self.renumber(out, &mut object, 0)?;
            out.objects.insert(new, object);
        }
        Ok(root)
    }

    fn renumber(
        &mut self,
        out: &mut Document,
        object: &mut Object,
        depth: usize,
    ) -> Result<(), PdfError> {
        if depth > 64 {
            return Err(unreadable(self.what, "objects nested more than 64 deep"));
        }
        match object {
            Object::Reference(id) => {
                let new = match self.ids.get(id) {
                    Some(new) => *new,
                    None => {
                        let new = new_id(out)?;
                        self.ids.insert(*id, new);
                        self.queue.push(*id);
                        new
                    }
                };
                *id = new;
            }
            Object::Array(items) => {
                for item in items {
                    self.renumber(out, item, depth + 1)?;
                }
            }
            Object::Dictionary(d) => {
                for (_, value) in d.iter_mut() {
                    self.renumber(out, value, depth + 1)?;
                }
            }
            Object::Stream(s) => {
                for (_, value) in s.dict.iter_mut() {
                    self.renumber(out, value, depth + 1)?;
                }
            }
            _ => {}
        }
        Ok(())
    }
}

/// A page or a node of the page tree, which resources must not drag along.
fn is_page_tree(object: &Object) -> bool {
    object
        .as_dict()
        .is_ok_and(|d| d.has_type(b"Page") || d.has_type(b"Pages"))
}

/// Per page: its media box's size, the smallest text as printed, and the
/// text shown. Text size is the font size (`Tf`) times the scale of the
/// text matrix (`Tm`) times the scale of the current transformation
/// (`cm`, and the `/Matrix` of each form drawn with `Do`), a matrix's
/// scale being the square root of its determinant's magnitude; `q` and `Q`
/// save and restore the graphics state, font size and leading with it.
pub fn measure(pdf: &[u8]) -> Result<Vec<PageFacts>, PdfError> {
    let what = "the input";
    let doc = load(pdf, what)?;
    let mut facts = Vec::new();
    let mut walker = Walker {
        doc: &doc,
        budget: MAX_OPERATIONS,
        runs: Vec::new(),
        path: HashSet::new(),
    };
    for (index, page_id) in doc.page_iter().enumerate() {
        let page = doc
            .get_dictionary(page_id)
            .map_err(|e| unreadable(what, &e.to_string()))?;
        let [x0, y0, x1, y1] = media_box(&doc, page).ok_or_else(|| PdfError::NoMediaBox {
            what: what.to_owned(),
            page: index + 1,
        })?;
        let content = page_content(&doc, page_id, what)?;
        let resources = inherited(&doc, page, b"Resources").and_then(|o| dict(&doc, o));
        walker.walk(&content, resources, IDENTITY, 0)?;
        facts.push(PageFacts {
            width: x1 - x0,
            height: y1 - y0,
            runs: std::mem::take(&mut walker.runs),
        });
    }
    if facts.is_empty() {
        return Err(PdfError::NoPage {
            what: what.to_owned(),
        });
    }
    Ok(facts)
}

/// `[a b c d e f]`, as PDF writes a matrix.
type Matrix = [f64; 6];

const IDENTITY: Matrix = [1.0, 0.0, 0.0, 1.0, 0.0, 0.0];

/// `m × n`: `m` applied first, then `n`.
fn mul(m: Matrix, n: Matrix) -> Matrix {
    let [a, b, c, d, e, f] = m;
    let [na, nb, nc, nd, ne, nf] = n;
    [
        a * na + b * nc,
        a * nb + b * nd,
        c * na + d * nc,
        c * nb + d * nd,
        e * na + f * nc + ne,
        e * nb + f * nd + nf,
    ]
}

/// How much `m` scales an area's side: `sqrt(|ad - bc|)`.
fn scale_of(m: &Matrix) -> f64 {
    (m[0] * m[3] - m[1] * m[2]).abs().sqrt()
}

fn matrix(operands: &[Object]) -> Option<Matrix> {
    let n: Vec<f64> = operands.iter().filter_map(number).collect();
    <[f64; 6]>::try_from(n).ok()
}

/// What is saved by `q` and restored by `Q` that text size depends on.
#[derive(Clone, Copy)]
struct State {
    ctm: Matrix,
    font_size: f64,
    leading: f64,
}

struct Walker<'d> {
    doc: &'d Document,
    budget: usize,
    runs: Vec<TextRun>,
    /// The forms being walked, to refuse a form that draws itself.
    path: HashSet<ObjectId>,
}

impl<'d> Walker<'d> {
    fn walk(
        &mut self,
        content: &[u8],
        resources: Option<&'d Dictionary>,
        ctm: Matrix,
        depth: usize,
    ) -> Result<(), PdfError> {
        let what = "the input";
        let operations = Content::decode(content)
            .map_err(|e| unreadable(what, &format!("page content: {e}")))?
            .operations;
        let mut state = State {
            ctm,
            font_size: 0.0,
            leading: 0.0,
        };
        let mut saved: Vec<State> = Vec::new();
        let (mut tm, mut tlm) = (IDENTITY, IDENTITY);
        for op in &operations {
            self.budget = self
                .budget
                .checked_sub(1)
                .ok_or_else(|| unreadable(what, "more than 20,000,000 drawing operations"))?;
            let arg = |i: usize| op.operands.get(i).and_then(number);
            match op.operator.as_str() {
                "q" => saved.push(state),
                "Q" => {
                    if let Some(s) = saved.pop() {
                        state = s;
                    }
                }
                "cm" => {
                    if let Some(m) = matrix(&op.operands) {
                        state.ctm = mul(m, state.ctm);
                    }
                }
                "BT" => (tm, tlm) = (IDENTITY, IDENTITY),
                "Tf" => state.font_size = arg(1).unwrap_or(state.font_size),
                "TL" => state.leading = arg(0).unwrap_or(state.leading),
                "Tm" => {
                    if let Some(m) = matrix(&op.operands) {
                        (tm, tlm) = (m, m);
                    }
                }
                "Td" | "TD" => {
                    if let (Some(x), Some(y)) = (arg(0), arg(1)) {
                        if op.operator == "TD" {
                            state.leading = -y;
                        }
                        tlm = mul([1.0, 0.0, 0.0, 1.0, x, y], tlm);
                        tm = tlm;
                    }
                }
                "T*" => {
                    tlm = mul([1.0, 0.0, 0.0, 1.0, 0.0, -state.leading], tlm);
                    tm = tlm;
                }
                "Tj" | "TJ" => self.shown(&state, &tm, &op.operands),
                "'" | "\"" => {
                    tlm = mul([1.0, 0.0, 0.0, 1.0, 0.0, -state.leading], tlm);
                    tm = tlm;
                    self.shown(&state, &tm, &op.operands);
                }
                "Do" => self.form(op, resources, state.ctm, depth)?,
                _ => {}
            }
        }
        Ok(())
    }

    /// Records a text-showing operator's strings and size.
    fn shown(&mut self, state: &State, tm: &Matrix, operands: &[Object]) {
        let mut bytes: Vec<u8> = Vec::new();
        for operand in operands {
            match operand {
                Object::String(s, _) => bytes.extend_from_slice(s),
                Object::Array(items) => {
                    for item in items {
                        if let Object::String(s, _) = item {
                            bytes.extend_from_slice(s);
                        }
                    }
                }
                _ => {}
            }
        }
        if bytes.is_empty() {
            return;
        }
        let size = state.font_size.abs() * scale_of(tm) * scale_of(&state.ctm);
        self.runs.push(TextRun {
            size,
            text: bytes.iter().map(|b| char::from(*b)).collect(),
        });
    }

    /// Walks the form XObject a `Do` draws; images and unknown names are
    /// passed over.
    fn form(
        &mut self,
        op: &Operation,
        resources: Option<&'d Dictionary>,
        ctm: Matrix,
        depth: usize,
    ) -> Result<(), PdfError> {
        let doc = self.doc;
        let Some(name) = op.operands.first().and_then(|o| o.as_name().ok()) else {
            return Ok(());
        };
        let Some(reference) = resources
            .and_then(|r| r.get(b"XObject").ok())
            .and_then(|x| dict(doc, x))
            .and_then(|x| x.get(name).ok())
        else {
            return Ok(());
        };
        let Ok((id, object)) = doc.dereference(reference) else {
            return Ok(());
        };
        let Ok(stream) = object.as_stream() else {
            return Ok(());
        };
        let is_form = stream
            .dict
            .get(b"Subtype")
            .and_then(Object::as_name)
            .is_ok_and(|s| s == b"Form");
        if !is_form || depth >= MAX_FORM_DEPTH {
            return Ok(());
        }
        if let Some(id) = id
            && !self.path.insert(id)
        {
            return Ok(());
        }
        let matrix = stream
            .dict
            .get(b"Matrix")
            .ok()
            .and_then(|m| doc.dereference(m).ok())
            .and_then(|(_, m)| m.as_array().ok())
            .and_then(|m| matrix(m))
            .unwrap_or(IDENTITY);
        let content = stream
            .get_plain_content_with_limit(MAX_CONTENT)
            .map_err(|e| unreadable("the input", &format!("form content: {e}")))?;
        let inner = stream
            .dict
            .get(b"Resources")
            .ok()
            .and_then(|r| dict(doc, r))
            .or(resources);
        let walked = self.walk(&content, inner, mul(matrix, ctm), depth + 1);
        if let Some(id) = id {
            self.path.remove(&id);
        }
        walked
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]
    use super::*;

    /// A one-page PDF of `width` × `height` points whose page draws
    /// `content`, with the font `/F` and the form `/Fm` (drawing
    /// `form_content`, scaled by `form_matrix`).
    fn pdf(
        width: f64,
        height: f64,
        content: &str,
        form_content: &str,
        form_matrix: [f64; 6],
    ) -> Vec<u8> {
        let mut doc = Document::with_version("1.5");
        let font = doc.add_object(Dictionary::from_iter([
            ("Type", Object::Name(b"Font".to_vec())),
            ("Subtype", Object::Name(b"Type1".to_vec())),
            ("BaseFont", Object::Name(b"Helvetica".to_vec())),
        ]));
        let fonts = doc.add_object(Dictionary::from_iter([("F", Object::Reference(font))]));
        let mut form = Stream::new(
            Dictionary::from_iter([
                ("Type", Object::Name(b"XObject".to_vec())),
                ("Subtype", Object::Name(b"Form".to_vec())),
                ("BBox", rect(0.0, 0.0, width, height)),
                ("Matrix", Object::Array(reals(&form_matrix))),
                (
                    "Resources",
                    Object::Dictionary(Dictionary::from_iter([("Font", Object::Reference(fonts))])),
                ),
            ]),
            form_content.as_bytes().to_vec(),
        );
        form.compress().unwrap();
        let form = doc.add_object(form);
        let resources = doc.add_object(Dictionary::from_iter([
            ("Font", Object::Reference(fonts)),
            (
                "XObject",
                Object::Dictionary(Dictionary::from_iter([("Fm", Object::Reference(form))])),
            ),
        ]));
        let mut stream = Stream::new(Dictionary::new(), content.as_bytes().to_vec());
        stream.compress().unwrap();
        let contents = doc.add_object(stream);
        let pages = doc.new_object_id();
        let page = doc.add_object(Dictionary::from_iter([
            ("Type", Object::Name(b"Page".to_vec())),
            ("Parent", Object::Reference(pages)),
            ("Contents", Object::Reference(contents)),
            ("Resources", Object::Reference(resources)),
        ]));
        doc.objects.insert(
            pages,
            Object::Dictionary(Dictionary::from_iter([
                ("Type", Object::Name(b"Pages".to_vec())),
                ("Kids", Object::Array(vec![Object::Reference(page)])),
                ("Count", Object::Integer(1)),
                // Inherited by the page.
                ("MediaBox", rect(0.0, 0.0, width, height)),
            ])),
        );
        let catalog = doc.add_object(Dictionary::from_iter([
            ("Type", Object::Name(b"Catalog".to_vec())),
            ("Pages", Object::Reference(pages)),
        ]));
        doc.trailer.set("Root", Object::Reference(catalog));
        let mut bytes = Vec::new();
        doc.save_to(&mut bytes).unwrap();
        bytes
    }

    /// Text as cairo writes it: a unit font size, the size in `Tm`, under
    /// a flipped CTM.
    const CAIRO: &str = "1 0 0 -1 0 200 cm q BT 9 0 0 -9 10 20 Tm /F 1 Tf (nine) Tj ET \
                         BT 11 0 0 -11 10 40 Tm /F 1 Tf [(ele)-20(ven)] TJ ET Q";

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 0.01
    }

    #[test]
    fn measure_reads_text_as_cairo_writes_it() {
        let facts = measure(&pdf(300.0, 200.0, CAIRO, "", IDENTITY)).unwrap();
        assert_eq!(facts.len(), 1);
        let page = &facts[0];
        assert!(close(page.width, 300.0) && close(page.height, 200.0));
        assert_eq!(page.runs.len(), 2);
        assert!(close(page.runs[0].size, 9.0) && close(page.runs[1].size, 11.0));
        assert_eq!(page.text(), "nine\neleven\n");
        assert!(close(page.min_text().unwrap(), 9.0));
    }

    #[test]
    fn measure_follows_the_graphics_state_and_forms() {
        // q/Q restore the CTM and the font size; a form's /Matrix and the
        // CTM at `Do` scale what it draws; Td, TD, T* and ' move without
        // scaling; Tz does not change the size.
        let content = "q 2 0 0 2 0 0 cm /F 30 Tf Q \
                       BT /F 10 Tf 14 TL (ten) Tj 5 5 Td (ten) Tj 0 -12 TD T* (ten) ' 50 Tz (ten) Tj ET \
                       q 3 0 0 3 0 0 cm /Fm Do Q";
        let form = "BT /F 12 Tf 0.5 0 0 0.5 0 0 Tm (form) Tj ET";
        let facts = measure(&pdf(
            300.0,
            200.0,
            content,
            form,
            [0.5, 0.0, 0.0, 0.5, 0.0, 0.0],
        ))
        .unwrap();
        let sizes: Vec<f64> = facts[0].runs.iter().map(|r| r.size).collect();
        // 12 × 0.5 (Tm) × 0.5 (Matrix) × 3 (CTM) = 9.
        assert_eq!(sizes.len(), 5, "{sizes:?}");
        assert!(sizes[..4].iter().all(|s| close(*s, 10.0)), "{sizes:?}");
        assert!(close(sizes[4], 9.0), "{sizes:?}");
        assert!(facts[0].text().ends_with("form\n"));
    }

    #[test]
    fn a_form_that_draws_itself_is_walked_once() {
        let form = "BT /F 12 Tf (self) Tj ET /Fm Do";
        let facts = measure(&pdf(300.0, 200.0, "/Fm Do", form, IDENTITY)).unwrap();
        // The form's own /Fm is its parent's resources: drawn once, not again.
        assert_eq!(facts[0].text(), "self\n");
    }

    fn area(width: f64, height: f64) -> Area {
        Area {
            left: 20.0,
            bottom: 30.0,
            width,
            height,
        }
    }

    #[test]
    fn a_drawing_that_fits_is_centred_at_natural_size() {
        let layout = Layout::new((400.0, 300.0), 9.0, &area(500.0, 700.0), 7.0);
        assert_eq!(layout.scale, 1.0, "never enlarged");
        assert_eq!(layout.tiles, (1, 1));
        assert_eq!(layout.offset(0, 0), (50.0, 200.0));
    }

    #[test]
    fn a_drawing_shrunk_within_legibility_stays_on_one_page() {
        // Fits at 0.8; 9 pt becomes 7.2 pt, above 7.
        let layout = Layout::new((625.0, 300.0), 9.0, &area(500.0, 700.0), 7.0);
        assert!(close(layout.scale, 0.8));
        assert_eq!(layout.tiles, (1, 1));
        assert!(close(layout.offset(0, 0).1, (700.0 - 240.0) / 2.0));
    }

    #[test]
    fn a_drawing_too_large_to_read_is_tiled_at_the_legible_scale() {
        let size = (2000.0, 1000.0);
        let layout = Layout::new(size, 9.0, &area(500.0, 700.0), 7.0);
        assert!(close(layout.scale * 9.0, 7.0), "never shrunk below 7 pt");
        // 1555.6 pt wide in tiles of 500 overlapping by 12: 4; 777.8 high: 2.
        assert_eq!(layout.tiles, (4, 2));
        let pages = layout.placements(3, size);
        assert_eq!(pages.len(), 8);
        assert_eq!(
            pages.iter().map(Placement::part).collect::<Vec<_>>(),
            (1..=8).collect::<Vec<_>>()
        );
        assert!(
            pages
                .iter()
                .all(|p| p.sheet == 3 && p.parts() == 8 && p.tiled())
        );
        // Each row's tiles cover the width from edge to edge, neighbours
        // overlapping by at least 12 pt on the page; the rows likewise.
        let overlap = OVERLAP / layout.scale - 1e-9;
        for row in 0..2 {
            let tiles: Vec<&Placement> = pages.iter().filter(|p| p.tile.1 == row).collect();
            assert!(close(tiles[0].visible.left, 0.0));
            let last = tiles[3].visible;
            assert!(close(last.left + last.width, size.0));
            for pair in tiles.windows(2) {
                let (a, b) = (pair[0].visible, pair[1].visible);
                assert!(a.left + a.width - b.left >= overlap, "{a:?} {b:?}");
            }
        }
        let (top, bottom) = (pages[0].visible, pages[4].visible);
        assert!(close(top.bottom + top.height, size.1), "row 0 is the top");
        assert!(close(bottom.bottom, 0.0));
        assert!(bottom.bottom + bottom.height - top.bottom >= overlap);
    }

    #[test]
    fn a_drawing_without_text_is_only_fitted() {
        let layout = Layout::new((5000.0, 5000.0), 0.0, &area(500.0, 700.0), 7.0);
        assert_eq!(layout.tiles, (1, 1));
        assert!(close(layout.scale, 0.1));
    }

    #[test]
    fn a_booklet_of_made_up_sheets_has_footers_and_bookmarks() {
        let page: Page = "a5".parse().unwrap();
        let sheet = |title: &str, w: f64| Sheet {
            pdf: pdf(w, 200.0, CAIRO, "", IDENTITY),
            min_font: 9.0,
            title: title.to_owned(),
        };
        let sheets = [sheet("one (small)", 300.0), sheet("two", 2000.0)];
        let booklet = booklet(&sheets, &page, 7.0).unwrap();
        let facts = measure(&booklet.pdf).unwrap();
        assert_eq!(facts.len(), booklet.pages.len());
        assert_eq!(booklet.pages[0].tiles, (1, 1));
        assert!(booklet.pages[1..].iter().all(|p| p.sheet == 1 && p.tiled()));
        let n = facts.len();
        for (i, (facts, placement)) in facts.iter().zip(&booklet.pages).enumerate() {
            assert!(close(facts.width, page.width) && close(facts.height, page.height));
            assert!(facts.min_text().unwrap() >= 7.0 - 1e-3);
            let footer = &facts.runs.last().unwrap().text;
            assert!(
                footer.contains(&format!("page {} of {n}", i + 1)),
                "{footer}"
            );
            assert!(
                footer.starts_with(&sheets[placement.sheet].title),
                "{footer}"
            );
            if placement.tiled() {
                assert!(footer.contains(&format!(
                    "part {} of {}",
                    placement.part(),
                    placement.parts()
                )));
            }
        }
        // One bookmark per sheet, to its first page.
        let doc = Document::load_mem(&booklet.pdf).unwrap();
        let outlines = doc
            .catalog()
            .unwrap()
            .get(b"Outlines")
            .unwrap()
            .as_reference()
            .unwrap();
        let outlines = doc.get_dictionary(outlines).unwrap();
        assert_eq!(outlines.get(b"Count").unwrap().as_i64().unwrap(), 2);
        let first = doc
            .get_dictionary(outlines.get(b"First").unwrap().as_reference().unwrap())
            .unwrap();
        assert_eq!(
            first.get(b"Title").unwrap().as_str().unwrap(),
            b"one (small)"
        );
    }

    /// Every byte of a small PDF changed in turn, and the PDF cut at every
    /// length: an error or a result, never a panic.
    #[test]
    fn corrupted_pdfs_never_panic() {
        let page: Page = "a4".parse().unwrap();
        let good = pdf(300.0, 200.0, CAIRO, "BT /F 12 Tf (f) Tj ET", IDENTITY);
        let mut outcomes = [0usize; 2];
        for i in 0..good.len() {
            for bytes in [
                {
                    let mut b = good.clone();
                    b[i] = b[i].wrapping_add(0x2b);
                    b
                },
                good[..i].to_vec(),
            ] {
                let sheet = Sheet {
                    pdf: bytes.clone(),
                    min_font: 9.0,
                    title: "map".to_owned(),
                };
                let ok = booklet(&[sheet], &page, 7.0).is_ok() & measure(&bytes).is_ok();
                outcomes[usize::from(ok)] += 1;
            }
        }
        assert!(outcomes[0] > 0 && outcomes[1] > 0, "{outcomes:?}");
    }

    #[test]
    fn hostile_inputs_are_refused_clearly() {
        let page: Page = "a4".parse().unwrap();
        let sheet = |pdf: Vec<u8>| Sheet {
            pdf,
            min_font: 9.0,
            title: "map".to_owned(),
        };
        let mut no_pages = Document::with_version("1.5");
        let pages = no_pages.add_object(Dictionary::from_iter([
            ("Type", Object::Name(b"Pages".to_vec())),
            ("Kids", Object::Array(vec![])),
            ("Count", Object::Integer(0)),
        ]));
        let catalog = no_pages.add_object(Dictionary::from_iter([
            ("Type", Object::Name(b"Catalog".to_vec())),
            ("Pages", Object::Reference(pages)),
        ]));
        no_pages.trailer.set("Root", Object::Reference(catalog));
        let mut no_pages_bytes = Vec::new();
        no_pages.save_to(&mut no_pages_bytes).unwrap();
        let good = pdf(300.0, 200.0, CAIRO, "", IDENTITY);
        let inputs: Vec<(&str, Vec<u8>)> = vec![
            ("empty", Vec::new()),
            ("not a pdf", b"digraph { a -> b }".to_vec()),
            ("a header and nothing else", b"%PDF-1.5\n".to_vec()),
            ("no pages", no_pages_bytes),
            ("cut in half", good[..good.len() / 2].to_vec()),
        ];
        let mut messages = Vec::new();
        for (name, bytes) in &inputs {
            let printed = booklet(&[sheet(bytes.clone())], &page, 7.0).map(|_| ());
            let measured = measure(bytes).map(|_| ());
            messages.push(format!("{name}:"));
            match printed {
                Ok(()) => messages.push("  booklet: printed".to_owned()),
                Err(e) => messages.push(format!("  booklet: {e}")),
            }
            match measured {
                Ok(()) => messages.push("  measure: read".to_owned()),
                Err(e) => messages.push(format!("  measure: {e}")),
            }
        }
        messages.push(booklet(&[], &page, 7.0).unwrap_err().to_string());
        messages.push(
            booklet(&[sheet(good.clone())], &page, 0.0)
                .unwrap_err()
                .to_string(),
        );
        messages.push(
            booklet(&[sheet(good.clone())], &page, f64::NAN)
                .unwrap_err()
                .to_string(),
        );
        let tiny = Sheet {
            min_font: 0.01,
            ..sheet(good)
        };
        messages.push(booklet(&[tiny], &page, 7.0).unwrap_err().to_string());
        insta::assert_snapshot!(messages.join("\n"));
    }
}
