//! The cells an OpenDocument spreadsheet (`.ods`) shows as percentages.
//!
//! calamine reads an `.ods` cell's value but not how it is shown: 「96%」 typed in LibreOffice
//! Calc comes as 0.96, like Excel's. The file says it itself: such a cell is written
//! `office:value-type="percentage"` in `content.xml`. This reads that one attribute, placing
//! each cell as calamine places it (rows and cells counted with their repeats, covered cells
//! too), and keeps its value, so that a cell is taken for a percentage only where calamine read
//! the same value at the same place.

use std::collections::HashMap;
use std::io::{BufReader, Read as _};

use quick_xml::events::{BytesStart, Event};

/// The percentage cells of one sheet: (row, column) from 0, and the value stored.
pub type Percentages = HashMap<(u32, u32), f64>;

/// The most of `content.xml` read: far beyond any returned workbook (the sheets themselves are
/// bounded by the rows and columns import reads).
const CONTENT_LIMIT: u64 = 64 * 1024 * 1024;

/// The percentage cells of each sheet named in `sheets`, within `rows` rows and `columns`
/// columns; `None` where the file cannot be read this way (calamine then says what is wrong).
pub fn percentages(
    bytes: &[u8],
    sheets: &[&str],
    rows: u32,
    columns: u32,
) -> Option<Vec<Percentages>> {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).ok()?;
    let content = zip.by_name("content.xml").ok()?;
    let mut reader = quick_xml::Reader::from_reader(BufReader::new(content.take(CONTENT_LIMIT)));
    let mut found = vec![Percentages::new(); sheets.len()];
    // The sheet being read (its index in `sheets`), the row, the rows it repeats, the column.
    let mut sheet: Option<usize> = None;
    let mut row: u32 = 0;
    let mut row_repeats: u32 = 1;
    let mut column: u32 = 0;
    let mut buf = Vec::new();
    loop {
        let event = reader.read_event_into(&mut buf).ok()?;
        match &event {
            Event::Start(e) | Event::Empty(e) => match e.name().as_ref() {
                "table:table" => {
                    let name = attribute(e, "table:name")?;
                    sheet = sheets.iter().position(|s| *s == name);
                    row = 0;
                }
                // A row written `<…/>` is a row too (calamine reads with empty elements
                // expanded): it counts with its repeats, and holds no cell.
                "table:table-row" => {
                    row_repeats = repeats(e, "table:number-rows-repeated")?;
                    column = 0;
                    if matches!(event, Event::Empty(_)) {
                        row = row.saturating_add(row_repeats);
                    }
                }
                "table:table-cell" | "table:covered-table-cell" => {
                    let across = repeats(e, "table:number-columns-repeated")?;
                    if let Some(index) = sheet
                        && attribute(e, "office:value-type").as_deref() == Some("percentage")
                    {
                        let value: f64 = attribute(e, "office:value")?.trim().parse().ok()?;
                        for r in row..row.saturating_add(row_repeats).min(rows) {
                            for c in column..column.saturating_add(across).min(columns) {
                                found[index].insert((r, c), value);
                            }
                        }
                    }
                    column = column.saturating_add(across);
                }
                _ => {}
            },
            Event::End(e) => match e.name().as_ref() {
                "table:table" => sheet = None,
                "table:table-row" => row = row.saturating_add(row_repeats),
                _ => {}
            },
            Event::Eof => return Some(found),
            _ => {}
        }
        buf.clear();
    }
}

/// An attribute's value, unescaped; `None` if it is missing or cannot be read.
fn attribute(e: &BytesStart<'_>, name: &str) -> Option<String> {
    let attr = e.try_get_attribute(name).ok()??;
    attr.normalized_value(quick_xml::XmlVersion::Implicit1_0)
        .ok()
        .map(|v| v.into_owned())
}

/// How many times a row or cell repeats (1 when not said); `None` if it is not a count.
fn repeats(e: &BytesStart<'_>, name: &str) -> Option<u32> {
    match e.try_get_attribute(name).ok()? {
        None => Some(1),
        Some(attr) => attr.value.trim().parse().ok(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write as _;

    /// An .ods file (a zip) holding `content` as its content.xml, with the parts calamine
    /// asks for.
    fn ods(content: &str) -> Vec<u8> {
        let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
        let stored = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Stored);
        for (name, text) in [
            ("mimetype", "application/vnd.oasis.opendocument.spreadsheet"),
            (
                "META-INF/manifest.xml",
                "<manifest:manifest></manifest:manifest>",
            ),
            ("content.xml", content),
        ] {
            zip.start_file(name, stored).unwrap();
            zip.write_all(text.as_bytes()).unwrap();
        }
        zip.finish().unwrap().into_inner()
    }

    /// Where calamine reads a number in sheet `sheet` of `bytes`: (row, column) and value.
    fn calamine_numbers(bytes: &[u8], sheet: &str) -> Vec<((u32, u32), f64)> {
        use calamine::Reader;
        let mut book = calamine::open_workbook_auto_from_rs(std::io::Cursor::new(bytes)).unwrap();
        let range = book.worksheet_range(sheet).unwrap();
        let (top, left) = range.start().unwrap();
        let mut found: Vec<((u32, u32), f64)> = range
            .used_cells()
            .filter_map(|(r, c, v)| match v {
                calamine::Data::Float(f) => Some(((top + r as u32, left + c as u32), *f)),
                _ => None,
            })
            .collect();
        found.sort_by_key(|(place, _)| *place);
        found
    }

    #[test]
    fn percentage_cells_are_placed_where_calamine_reads_them() {
        // Rows and cells repeated, a covered cell, header rows, rows written `<…/>` (with a
        // repeat), and another sheet before; each percentage a value of its own, so that each
        // is known by it.
        let content = concat!(
            r#"<office:document-content><office:body><office:spreadsheet>"#,
            r#"<table:table table:name="他"><table:table-row><table:table-cell office:value-type="percentage" office:value="0.5"/></table:table-row></table:table>"#,
            r#"<table:table table:name="指標">"#,
            r#"<table:table-header-rows><table:table-row><table:table-cell office:value-type="string"><text:p>計画番号</text:p></table:table-cell></table:table-row></table:table-header-rows>"#,
            r#"<table:table-row/>"#,
            r#"<table:table-row table:number-rows-repeated="2"><table:table-cell table:number-columns-repeated="3"/><table:covered-table-cell/><table:table-cell office:value-type="percentage" office:value="0.96" calcext:value-type="percentage"><text:p>96%</text:p></table:table-cell></table:table-row>"#,
            r#"<table:table-row table:number-rows-repeated="3"/>"#,
            r#"<table:table-row><table:table-cell office:value-type="float" office:value="0.97"/><table:table-cell office:value-type="percentage" office:value="1.25" table:number-columns-repeated="2"/></table:table-row>"#,
            r#"</table:table></office:spreadsheet></office:body></office:document-content>"#,
        );
        let bytes = ods(content);
        let found = percentages(&bytes, &["進捗", "指標"], 100, 8).unwrap();
        assert_eq!(found[0], Percentages::new());
        let mut cells: Vec<((u32, u32), f64)> = found[1].iter().map(|(k, v)| (*k, *v)).collect();
        cells.sort_by_key(|(place, _)| *place);
        // calamine reads the same values at the same places (and the plain 0.97 beside them).
        let read = calamine_numbers(&bytes, "指標");
        let expected: Vec<((u32, u32), f64)> =
            read.iter().filter(|(_, v)| *v != 0.97).copied().collect();
        assert_eq!(cells, expected);
        assert_eq!(
            cells,
            [
                ((2, 4), 0.96),
                ((3, 4), 0.96),
                ((7, 1), 1.25),
                ((7, 2), 1.25)
            ]
        );
        // Within the bounds given.
        let found = percentages(&bytes, &["指標"], 3, 8).unwrap();
        assert_eq!(found[0].len(), 1);
    }

    #[test]
    fn a_file_that_is_not_an_ods_gives_nothing() {
        assert_eq!(percentages(b"not a zip", &["指標"], 10, 8), None);
        assert_eq!(percentages(&ods("<a><b></a>"), &["指標"], 10, 8), None);
    }
}
