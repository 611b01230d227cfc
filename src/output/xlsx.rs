//! Excel workbooks (xlsx), through the `rust_xlsxwriter` crate: every sheet a header row and
//! rows of cells, every cell written by [`Workbook::sheet`] and by nothing else.
//!
//! What a workbook's cells could otherwise do, and how they are kept from it:
//! - a text that starts with `=`, `+`, `-` or `@` would be a formula if typed: a text cell is
//!   always written as a string (`write_string` never makes a formula, whatever the text), and
//!   with Excel's quote prefix, so that editing the cell in Excel keeps it text too;
//! - a text that looks like a date or a number (plan number `1-1-1`, `1E5`) would become one
//!   if typed: it is a string for the same reasons, so ids stay text;
//! - control and invisible characters, which XML 1.0 does not allow or which hide in a cell,
//!   are written as `<U+XXXX>`, as the tool writes them everywhere; a line break stays a line
//!   break, in a cell that wraps, so that paragraphs show as lines;
//! - `_x0041_`, which Excel reads as an escaped character, is kept as written (the crate
//!   escapes its `_`).
//!
//! Numbers are written as numbers, truth values as truth values. The header row is bold,
//! frozen and filtered; each column is as wide as its widest line (Japanese characters count
//! two), within limits. The workbook's creation time is fixed, so that the same data gives the
//! same bytes.

use std::borrow::Cow;

use rust_xlsxwriter::{
    ColNum, DataValidation, DataValidationRule, DocProperties, ExcelDateTime, Format, FormatAlign,
    FormatBorder, ProtectionOptions, RowNum, Worksheet, XlsxError,
};
use unicode_width::UnicodeWidthStr;

use crate::chars::{hidden, is_invisible};

/// One cell of a row.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell<'a> {
    /// Text, always a string ([`shown`]).
    Text(Cow<'a, str>),
    /// A number (a JSON number is always finite; one that is not is written as text).
    Number(f64),
    /// A truth value (Excel shows TRUE or FALSE).
    Bool(bool),
    /// Nothing.
    Empty,
}

impl<'a> Cell<'a> {
    /// A text cell.
    pub fn text(text: impl Into<Cow<'a, str>>) -> Cell<'a> {
        Cell::Text(text.into())
    }

    /// A number, or nothing.
    pub fn number(n: Option<f64>) -> Cell<'a> {
        n.map_or(Cell::Empty, Cell::Number)
    }
}

/// Why a workbook could not be made.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Error {
    /// A text longer than a cell holds (32,767 characters), at `cell` (`F12`) of `sheet`.
    CellTooLong { sheet: String, cell: String },
    /// More rows than a sheet holds (1,048,576 with the header).
    TooManyRows { sheet: String },
    /// The library failed otherwise (a bug, not a data problem).
    Failed,
}

/// The narrowest and widest a column is made, in Excel's units (about one digit each).
const MIN_WIDTH: f64 = 6.0;
const MAX_WIDTH: f64 = 60.0;

/// When every workbook says it was made: fixed, so that the same data gives the same bytes.
const CREATED: (u16, u8, u8) = (2000, 1, 1);

/// A workbook being written, sheet by sheet, into memory.
pub struct Workbook {
    book: rust_xlsxwriter::Workbook,
    /// Its title, printed at the top of each page of a form.
    title: String,
    header: Format,
    text: Format,
    wrapped: Format,
    other: Format,
}

impl Workbook {
    /// A new workbook titled `title` (its document properties).
    pub fn new(title: &str) -> Workbook {
        let mut book = rust_xlsxwriter::Workbook::new();
        let (y, m, d) = CREATED;
        let mut properties = DocProperties::new().set_title(shown(title, false));
        if let Ok(created) = ExcelDateTime::from_ymd(y, m, d) {
            properties = properties.set_creation_datetime(&created);
        }
        book.set_properties(&properties);
        let top = Format::new().set_align(FormatAlign::Top);
        Workbook {
            book,
            title: title.to_string(),
            header: Format::new().set_bold(),
            text: top.clone().set_quote_prefix(),
            wrapped: top.clone().set_quote_prefix().set_text_wrap(),
            other: top,
        }
    }

    /// Adds a sheet named `name` with a header row (bold, frozen, filtered) and `rows`.
    pub fn sheet<'c>(
        &mut self,
        name: &str,
        header: &[&str],
        rows: impl IntoIterator<Item = Vec<Cell<'c>>>,
    ) -> Result<(), Error> {
        let sheet_name = name.to_string();
        let failed = |e: XlsxError, row: RowNum, col: ColNum| match e {
            XlsxError::MaxStringLengthExceeded => Error::CellTooLong {
                sheet: sheet_name.clone(),
                cell: rust_xlsxwriter::utility::row_col_to_cell(row, col),
            },
            XlsxError::RowColumnLimitError => Error::TooManyRows {
                sheet: sheet_name.clone(),
            },
            _ => Error::Failed,
        };
        let formats = Formats {
            text: &self.text,
            wrapped: &self.wrapped,
            other: &self.other,
        };
        let sheet = self.book.add_worksheet();
        sheet.set_name(name).map_err(|e| failed(e, 0, 0))?;
        // The filter's button takes about two characters beside each name.
        let mut widths: Vec<f64> = header.iter().map(|h| width(h) + 2.0).collect();
        for (col, name) in (0..).zip(header) {
            sheet
                .write_string_with_format(0, col, shown(name, false), &self.header)
                .map_err(|e| failed(e, 0, col))?;
        }
        let mut last: RowNum = 0;
        for (row, cells) in (1..).zip(rows) {
            last = row;
            for (col, cell) in (0..).zip(cells) {
                let w = write(sheet, row, col, &cell, &formats).map_err(|e| failed(e, row, col))?;
                match widths.get_mut(usize::from(col)) {
                    Some(slot) => *slot = slot.max(w),
                    None => widths.push(w),
                }
            }
        }
        for (col, w) in (0..).zip(&widths) {
            sheet
                .set_column_width(col, (w + 1.0).clamp(MIN_WIDTH, MAX_WIDTH))
                .map_err(|e| failed(e, 0, col))?;
        }
        sheet.set_freeze_panes(1, 0).map_err(|e| failed(e, 0, 0))?;
        if let Some(right) = widths.len().checked_sub(1) {
            let right = ColNum::try_from(right).unwrap_or(ColNum::MAX);
            sheet
                .autofilter(0, 0, last, right)
                .map_err(|e| failed(e, last, right))?;
        }
        Ok(())
    }

    /// Adds a form to fill in (`plans sheet`): a bold header row, frozen and repeated on every
    /// printed page, then `rows`; a column with an [`Input`] is unlocked and validated as it
    /// says, every other cell locked, and the sheet protected without a password (rows and
    /// columns may be resized, none inserted or deleted). Printed on A4 landscape, one page
    /// wide.
    pub fn form<'c>(
        &mut self,
        name: &str,
        columns: &[Column],
        rows: impl IntoIterator<Item = Vec<Cell<'c>>>,
    ) -> Result<(), Error> {
        let failed = failure(name);
        let locked = self
            .text
            .clone()
            .set_text_wrap()
            .set_border(FormatBorder::Thin);
        let open = |f: &Format| {
            f.clone()
                .set_unlocked()
                .set_border(FormatBorder::Thin)
                .set_background_color(INPUT_COLOR)
        };
        let open_text = open(&self.wrapped);
        let open_number = open(&self.other);
        let header = self
            .header
            .clone()
            .set_text_wrap()
            .set_border(FormatBorder::Thin);
        let sheet = self.book.add_worksheet();
        sheet.set_name(name).map_err(|e| failed(e, 0, 0))?;
        for (col, column) in (0..).zip(columns) {
            sheet
                .write_string_with_format(0, col, shown(column.header, false), &header)
                .map_err(|e| failed(e, 0, col))?;
            sheet
                .set_column_width(col, column.width)
                .map_err(|e| failed(e, 0, col))?;
        }
        // The header row as high as its most wrapped header (Excel fits the other rows to what
        // is typed in them; this row is locked, and LibreOffice fits no row as it opens one).
        let lines = columns
            .iter()
            .map(|c| lines_in(c.header, c.width))
            .fold(1.0, f64::max);
        sheet
            .set_row_height(0, lines * LINE_HEIGHT)
            .map_err(|e| failed(e, 0, 0))?;
        let mut last: RowNum = 0;
        for (row, cells) in (1..).zip(rows) {
            last = row;
            for (col, column) in (0..).zip(columns) {
                let cell = cells.get(usize::from(col)).unwrap_or(&Cell::Empty);
                let format = match column.input {
                    None => &locked,
                    Some(Input::Number { .. }) => &open_number,
                    Some(_) => &open_text,
                };
                let written = match cell {
                    Cell::Text(text) => sheet
                        .write_string_with_format(row, col, shown(text, true).as_ref(), format)
                        .map(|_| ()),
                    Cell::Number(n) if n.is_finite() => sheet
                        .write_number_with_format(row, col, *n, format)
                        .map(|_| ()),
                    Cell::Number(n) => sheet
                        .write_string_with_format(row, col, n.to_string(), format)
                        .map(|_| ()),
                    Cell::Bool(b) => sheet
                        .write_boolean_with_format(row, col, *b, format)
                        .map(|_| ()),
                    Cell::Empty => sheet.write_blank(row, col, format).map(|_| ()),
                };
                written.map_err(|e| failed(e, row, col))?;
            }
        }
        if last > 0 {
            for (col, column) in (0..).zip(columns) {
                let Some(input) = &column.input else {
                    continue;
                };
                let validation = input.validation().map_err(|e| failed(e, 1, col))?;
                sheet
                    .add_data_validation(1, col, last, col, &validation)
                    .map_err(|e| failed(e, 1, col))?;
            }
        }
        sheet.set_freeze_panes(1, 0).map_err(|e| failed(e, 0, 0))?;
        sheet.set_repeat_rows(0, 0).map_err(|e| failed(e, 0, 0))?;
        print_setup(sheet);
        // Each printed page says whose and which year's it is, and its page number.
        sheet.set_header(page_header(&self.title));
        // Cells may be formatted: a figure a spreadsheet turned into a date is mended by
        // setting its cell back to 「標準」 (General).
        let options = ProtectionOptions {
            format_cells: true,
            format_columns: true,
            format_rows: true,
            ..ProtectionOptions::new()
        };
        sheet.protect_with_options(&options);
        Ok(())
    }

    /// Adds a sheet of text to read (the instructions): one paragraph a row, in one wide
    /// column that wraps, the first bold; protected.
    pub fn notes(&mut self, name: &str, paragraphs: &[&str]) -> Result<(), Error> {
        let failed = failure(name);
        let first = self.header.clone().set_font_size(14);
        let text = self.wrapped.clone();
        let sheet = self.book.add_worksheet();
        sheet.set_name(name).map_err(|e| failed(e, 0, 0))?;
        sheet
            .set_column_width(0, NOTES_WIDTH)
            .map_err(|e| failed(e, 0, 0))?;
        for (row, paragraph) in (0..).zip(paragraphs) {
            let format = if row == 0 { &first } else { &text };
            sheet
                .write_string_with_format(row, 0, shown(paragraph, true).as_ref(), format)
                .map_err(|e| failed(e, row, 0))?;
            // As high as its wrapped lines (the sheet is locked; LibreOffice fits no row as it
            // opens a workbook), the title's line taller for its larger type.
            let line = if row == 0 {
                TITLE_LINE_HEIGHT
            } else {
                LINE_HEIGHT
            };
            sheet
                .set_row_height(row, lines_in(paragraph, NOTES_WIDTH) * line)
                .map_err(|e| failed(e, row, 0))?;
        }
        print_setup(sheet);
        sheet.protect();
        Ok(())
    }

    /// Adds a hidden, protected sheet of `rows` (what identifies a form), every text a string.
    pub fn hidden<'c>(
        &mut self,
        name: &str,
        rows: impl IntoIterator<Item = Vec<Cell<'c>>>,
    ) -> Result<(), Error> {
        let failed = failure(name);
        let formats = Formats {
            text: &self.text,
            wrapped: &self.wrapped,
            other: &self.other,
        };
        let sheet = self.book.add_worksheet();
        sheet.set_name(name).map_err(|e| failed(e, 0, 0))?;
        for (row, cells) in (0..).zip(rows) {
            for (col, cell) in (0..).zip(cells) {
                write(sheet, row, col, &cell, &formats).map_err(|e| failed(e, row, col))?;
            }
        }
        sheet.set_hidden(true);
        sheet.protect();
        Ok(())
    }

    /// The workbook's bytes.
    pub fn finish(mut self) -> Result<Vec<u8>, Error> {
        self.book.save_to_buffer().map_err(|_| Error::Failed)
    }
}

/// The height of a line of text in 11-point type, Japanese included, in points.
const LINE_HEIGHT: f64 = 16.0;

/// The height of a line of the notes' title (14-point type), in points.
const TITLE_LINE_HEIGHT: f64 = 20.0;

/// The background of a cell to fill in (a pale yellow).
const INPUT_COLOR: u32 = 0xFFF2CC;

/// The width of the column of a sheet of notes.
const NOTES_WIDTH: f64 = 100.0;

/// A4 paper, in Excel's numbering of paper sizes.
const A4: u8 = 9;

/// A4 landscape, one page wide, narrow margins, the header row on every page.
fn print_setup(sheet: &mut Worksheet) {
    sheet
        .set_paper_size(A4)
        .set_landscape()
        .set_print_fit_to_pages(1, 0)
        .set_margins(0.4, 0.4, 0.5, 0.5, 0.3, 0.3);
}

/// The header printed on each page of a form: its title on the left, 「1 / 3」 on the right.
/// A title's `&` is written twice (Excel reads `&` as a code), and the title cut so that the
/// header stays within Excel's 255 characters.
fn page_header(title: &str) -> String {
    let title: String = shown(title, false).chars().take(HEADER_TITLE).collect();
    format!("&L{}&R&P / &N", title.replace('&', "&&"))
}

/// The most characters of a title a page's header holds (Excel's limit is 255 in all).
const HEADER_TITLE: usize = 100;

/// How a failure of the library at a cell of sheet `name` is said.
fn failure(name: &str) -> impl Fn(XlsxError, RowNum, ColNum) -> Error + '_ {
    move |e, row, col| match e {
        XlsxError::MaxStringLengthExceeded => Error::CellTooLong {
            sheet: name.to_string(),
            cell: rust_xlsxwriter::utility::row_col_to_cell(row, col),
        },
        XlsxError::RowColumnLimitError => Error::TooManyRows {
            sheet: name.to_string(),
        },
        _ => Error::Failed,
    }
}

/// A column of a form: its header, its width (in Excel's units) and, for a column to fill in,
/// what it takes.
#[derive(Debug, Clone, PartialEq)]
pub struct Column<'a> {
    pub header: &'a str,
    pub width: f64,
    pub input: Option<Input<'a>>,
}

/// What a column to fill in takes, checked by Excel as it is typed.
#[derive(Debug, Clone, PartialEq)]
pub enum Input<'a> {
    /// Text of at most this many characters.
    Text {
        max: u32,
        title: &'a str,
        message: &'a str,
    },
    /// A number (a decimal).
    Number { title: &'a str, message: &'a str },
    /// One of these choices, from a drop-down list.
    Choice {
        choices: &'a [String],
        title: &'a str,
        message: &'a str,
    },
}

impl Input<'_> {
    fn validation(&self) -> Result<DataValidation, XlsxError> {
        let (validation, title, message) = match self {
            Input::Text {
                max,
                title,
                message,
            } => (
                DataValidation::new()
                    .allow_text_length(DataValidationRule::LessThanOrEqualTo(*max)),
                title,
                message,
            ),
            Input::Number { title, message } => (
                DataValidation::new()
                    .allow_decimal_number(DataValidationRule::Between(-MAX_FIGURE, MAX_FIGURE)),
                title,
                message,
            ),
            Input::Choice {
                choices,
                title,
                message,
            } => (
                DataValidation::new().allow_list_strings(choices)?,
                title,
                message,
            ),
        };
        validation
            .set_error_title(*title)?
            .set_error_message(*message)
    }
}

/// The largest figure a number cell takes (Excel keeps 15 digits).
const MAX_FIGURE: f64 = 999_999_999_999_999.0;

/// The formats of the data's cells: text on one line, text that wraps, anything else.
struct Formats<'f> {
    text: &'f Format,
    wrapped: &'f Format,
    other: &'f Format,
}

/// Writes one cell; how wide it is (its longest line, Japanese characters counting two).
fn write(
    sheet: &mut Worksheet,
    row: RowNum,
    col: ColNum,
    cell: &Cell,
    formats: &Formats,
) -> Result<f64, XlsxError> {
    match cell {
        Cell::Text(text) => {
            let text = shown(text, true);
            let w = width(&text);
            let format = if text.contains('\n') || w + 1.0 > MAX_WIDTH {
                formats.wrapped
            } else {
                formats.text
            };
            sheet.write_string_with_format(row, col, text.as_ref(), format)?;
            Ok(w)
        }
        Cell::Number(n) if n.is_finite() => {
            sheet.write_number_with_format(row, col, *n, formats.other)?;
            Ok(n.to_string().len() as f64)
        }
        Cell::Number(n) => write(sheet, row, col, &Cell::text(n.to_string()), formats),
        Cell::Bool(b) => {
            sheet.write_boolean_with_format(row, col, *b, formats.other)?;
            Ok(5.0)
        }
        Cell::Empty => Ok(0.0),
    }
}

/// How many lines `text` takes in a column `column` wide (Excel's units, about one digit
/// each): each of its lines wrapped at that width.
fn lines_in(text: &str, column: f64) -> f64 {
    text.lines()
        .map(|line| (width(line) / column.max(1.0)).ceil().max(1.0))
        .sum::<f64>()
        .max(1.0)
}

/// The width of a text's longest line, Japanese (wide) characters counting two.
fn width(text: &str) -> f64 {
    text.lines().map(UnicodeWidthStr::width).max().unwrap_or(0) as f64
}

/// `text` as a cell shows it: every control or invisible character written as `<U+XXXX>`,
/// except a line break where `lines` (a cell that wraps shows it as a new line).
pub fn shown(text: &str, lines: bool) -> Cow<'_, str> {
    let hide = |c: char| is_invisible(c) && !(lines && c == '\n');
    if !text.chars().any(hide) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if hide(c) {
            out.push_str(&hidden(c));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn controls_are_shown_and_line_breaks_kept_where_asked() {
        assert_eq!(shown("a\u{7}b\u{200B}c", true), "a<U+0007>b<U+200B>c");
        assert_eq!(shown("一段落。\n二段落。", true), "一段落。\n二段落。");
        assert_eq!(shown("一\n二", false), "一<U+000A>二");
        assert_eq!(shown("改\r\n行\t", true), "改<U+000D>\n行<U+0009>");
        assert!(matches!(shown("架空の計画", true), Cow::Borrowed(_)));
    }

    #[test]
    fn a_page_header_holds_the_title_with_its_ampersands_doubled() {
        assert_eq!(
            page_header("2027 年度 進捗管理シート（A&B課）"),
            "&L2027 年度 進捗管理シート（A&&B課）&R&P / &N"
        );
        assert_eq!(page_header(&"長".repeat(300)).chars().count(), 100 + 11);
    }

    #[test]
    fn lines_are_counted_wrapped_at_the_column_s_width() {
        assert_eq!(lines_in("", 10.0), 1.0);
        assert_eq!(lines_in("財政効果額", 10.0), 1.0);
        assert_eq!(lines_in("財政効果額の単位", 8.0), 2.0);
        assert_eq!(lines_in("短い\n\nもっと長い行です", 10.0), 4.0);
    }

    #[test]
    fn widths_count_japanese_characters_twice_and_take_the_longest_line() {
        assert_eq!(width("1-1-1"), 5.0);
        assert_eq!(width("架空の計画"), 10.0);
        assert_eq!(width("短い\nもっと長い行"), 12.0);
        assert_eq!(width(""), 0.0);
    }

    #[test]
    fn the_same_sheets_give_the_same_bytes() {
        let make = || {
            let mut book = Workbook::new("架空の実施計画");
            book.sheet(
                "計画",
                &["計画番号", "数"],
                [vec![Cell::text("=1+1"), Cell::Number(3.0)]],
            )
            .unwrap();
            book.finish().unwrap()
        };
        let first = make();
        assert!(first.starts_with(b"PK"));
        assert_eq!(first, make());
    }

    #[test]
    fn a_text_too_long_for_a_cell_is_said_with_its_place() {
        let long = "架".repeat(32_768);
        let mut book = Workbook::new("");
        let refused = book.sheet(
            "進捗",
            &["計画番号", "結果"],
            [
                vec![Cell::text("1-1-1"), Cell::text("短い")],
                vec![Cell::text("1-1-2"), Cell::text(long.as_str())],
            ],
        );
        assert_eq!(
            refused,
            Err(Error::CellTooLong {
                sheet: "進捗".into(),
                cell: "B3".into()
            })
        );
    }

    #[test]
    fn a_number_that_is_not_finite_is_text_and_nothing_panics() {
        let mut book = Workbook::new("");
        book.sheet(
            "指標",
            &["値"],
            [
                vec![Cell::Number(f64::NAN)],
                vec![Cell::Number(f64::INFINITY)],
                vec![Cell::Bool(true), Cell::Empty, Cell::text("")],
            ],
        )
        .unwrap();
        assert!(book.finish().is_ok());
    }
}
