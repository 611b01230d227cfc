//! Every CSV the tool writes (`export --format csv`, the page's `plans.csv`, `progress
//! --format csv`), opened in a real spreadsheet: LibreOffice Calc (headless `soffice`), set to
//! read a CSV as Excel does (formulas evaluated, dates and numbers recognised, Japanese
//! locale). With hostile data (`common::hostile`, fictional) no cell becomes a formula, a date
//! or a number it was not written as: every cell shows exactly the text the CSV holds, and the
//! values that would act or turn into dates are kept as text by a leading `'`.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

use common::hostile;

/// One cell as the spreadsheet holds it.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Cell {
    /// `string`, `float`, `date`, `time`, `percentage`, … (ODF's value types).
    kind: String,
    formula: bool,
    shown: String,
}

/// Opens each CSV as Excel would and returns its cells, row by row: converted to a flat ODF
/// spreadsheet (comma-separated, `"`-quoted, UTF-8, Japanese locale, special numbers
/// detected, formulas evaluated) and read back with roxmltree.
fn open_in_calc(files: &[&Path]) -> Vec<Vec<Vec<Cell>>> {
    let out = tempfile::tempdir().unwrap();
    let profile = tempfile::tempdir().unwrap();
    let mut command = Command::new(common::soffice());
    command
        .arg(format!(
            "-env:UserInstallation=file://{}",
            profile.path().display()
        ))
        .args(["--headless", "--norestore"])
        .arg("--infilter=CSV:44,34,76,1,,1041,false,true")
        .args(["--convert-to", "fods", "--outdir"])
        .arg(out.path())
        .args(files);
    let run = command.output().expect("soffice");
    assert!(
        run.status.success(),
        "soffice: {}",
        String::from_utf8_lossy(&run.stderr)
    );
    files
        .iter()
        .map(|file| {
            let name = file.file_stem().unwrap().to_string_lossy();
            let fods = std::fs::read_to_string(out.path().join(format!("{name}.fods")))
                .unwrap_or_else(|e| panic!("{name}.fods: {e}"));
            cells(&fods)
        })
        .collect()
}

fn cells(fods: &str) -> Vec<Vec<Cell>> {
    let document = roxmltree::Document::parse(fods).unwrap();
    let table = "urn:oasis:names:tc:opendocument:xmlns:table:1.0";
    let office = "urn:oasis:names:tc:opendocument:xmlns:office:1.0";
    let text = "urn:oasis:names:tc:opendocument:xmlns:text:1.0";
    document
        .descendants()
        .filter(|n| n.has_tag_name((table, "table-row")))
        .map(|row| {
            let mut cells = Vec::new();
            for cell in row
                .children()
                .filter(|n| n.has_tag_name((table, "table-cell")))
            {
                let repeated: usize = cell
                    .attribute((table, "number-columns-repeated"))
                    .map_or(1, |n| n.parse().unwrap());
                let shown = cell
                    .children()
                    .filter(|n| n.has_tag_name((text, "p")))
                    .map(|p| {
                        p.descendants()
                            .filter(|n| n.is_text())
                            .map(|n| n.text().unwrap_or_default())
                            .collect::<String>()
                    })
                    .collect::<Vec<_>>()
                    .join("\n");
                let value = Cell {
                    kind: cell
                        .attribute((office, "value-type"))
                        .unwrap_or_default()
                        .to_string(),
                    formula: cell.attribute((table, "formula")).is_some(),
                    shown,
                };
                // Empty cells at the end of a row are repeated up to the sheet's last column.
                cells.extend(std::iter::repeat_n(value, repeated.min(64)));
            }
            while cells.last().is_some_and(|c| c.kind.is_empty()) {
                cells.pop();
            }
            cells
        })
        .filter(|row| !row.is_empty())
        .collect()
}

/// The rows of a CSV file as the csv crate reads them (the BOM left out).
fn records(path: &Path) -> Vec<Vec<String>> {
    let bytes = std::fs::read(path).unwrap();
    let body = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&bytes);
    csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(body)
        .records()
        .map(|r| r.unwrap().iter().map(str::to_string).collect())
        .collect()
}

#[test]
fn every_csv_opens_as_the_text_it_holds() {
    let f = hostile();
    let dir = tempfile::tempdir().unwrap();
    let path = |name: &str| dir.path().join(name);
    let export = path("export.csv");
    let english = path("export-en.csv");
    assert_eq!(
        f.run(&[
            "export",
            "--format",
            "csv",
            "-o",
            &export.display().to_string()
        ])
        .code,
        0
    );
    assert_eq!(
        f.run(&[
            "export",
            "--format",
            "csv",
            "--header",
            "en",
            "-o",
            &english.display().to_string()
        ])
        .code,
        0
    );
    let site = path("site");
    assert_eq!(f.run(&["site", "-o", &site.display().to_string()]).code, 0);
    let page = path("page.csv");
    std::fs::copy(site.join("plans.csv"), &page).unwrap();
    let progress = path("progress.csv");
    let run = f.run(&[
        "--lang", "ja", "progress", "--year", "2026", "--format", "csv",
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    std::fs::write(&progress, &run.stdout).unwrap();

    let files = [&export, &english, &page, &progress];
    let opened = open_in_calc(&files.map(PathBuf::as_path));
    for (file, sheet) in files.iter().zip(&opened) {
        let written = records(file);
        assert_eq!(sheet.len(), written.len(), "{}", file.display());
        for (row, (cells, fields)) in sheet.iter().zip(&written).enumerate() {
            // A spreadsheet keeps no empty cells at the end of a row.
            let last = fields
                .iter()
                .rposition(|f| !f.is_empty())
                .map_or(0, |i| i + 1);
            let fields = &fields[..last];
            let fields: Vec<String> = fields
                .iter()
                .map(|f| match f.as_str() {
                    "true" | "false" => f.to_uppercase(),
                    _ => f.clone(),
                })
                .collect();
            let shown: Vec<&str> = cells.iter().map(|c| c.shown.as_str()).collect();
            assert_eq!(shown, fields, "{} row {}", file.display(), row + 1);
            for (cell, field) in cells.iter().zip(&fields) {
                assert!(!cell.formula, "{}: a formula {field:?}", file.display());
                // A number only where the CSV wrote a plain whole number, a truth value where
                // it wrote true or false (the English header's and_others); text otherwise.
                let number = !field.is_empty() && field.bytes().all(|b| b.is_ascii_digit());
                let expected = match field.as_str() {
                    "" => "",
                    "TRUE" | "FALSE" => "boolean",
                    _ if number => "float",
                    _ => "string",
                };
                assert_eq!(cell.kind, expected, "{}: {field:?}", file.display());
            }
        }
    }
    // The values that would act or become dates are there, kept as text by a leading '.
    let plans = records(&export);
    let kept: Vec<&str> = plans
        .iter()
        .flatten()
        .filter(|f| f.starts_with('\''))
        .map(String::as_str)
        .collect();
    insta::assert_snapshot!("kept_as_text", kept.join("\n"));
    assert_eq!(
        records(&export),
        records(&page),
        "the page's CSV is the export"
    );
}
