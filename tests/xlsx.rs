//! `plans export --format xlsx`: the workbook read back by openpyxl (Python), a reader
//! independent of the code that wrote it (`tests/read_xlsx.py`), on fictional fixtures. Every
//! cell of every sheet is asserted as a snapshot, with its type (a text in quotes, a number
//! bare), and the frozen header, the filter, the widths, the bold header and the wrapped cells;
//! hostile text stays text; the same data gives the same bytes; a terminal is refused; data
//! with errors is not exported.

mod common;

use std::path::Path;
use std::process::Command;

use common::{Fixture, append_field, give_progress, hostile, open_year, plans, with_progress};
use serde_json::Value;

/// The workbook at `path` as openpyxl reads it (see `tests/read_xlsx.py`).
fn read(path: &Path) -> Value {
    common::openpyxl_read("read_xlsx.py", &[], path)
}

/// Runs `plans -C <fixture> <args>` and returns its exit code, standard output as bytes and
/// standard error.
fn run_bytes(f: &Fixture, args: &[&str]) -> (i32, Vec<u8>, String) {
    let out = plans()
        .arg("-C")
        .arg(f.dir.path())
        .args(args)
        .output()
        .expect("run plans");
    (
        out.status.code().unwrap_or(-1),
        out.stdout,
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// Exports the fixture's workbook (with `extra` options) through standard output into a file,
/// and reads it back.
fn export(f: &Fixture, extra: &[&str]) -> Value {
    let mut args = vec!["export", "--format", "xlsx"];
    args.extend_from_slice(extra);
    let (code, bytes, stderr) = run_bytes(f, &args);
    assert_eq!(code, 0, "{stderr}");
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plans.xlsx");
    std::fs::write(&path, bytes).unwrap();
    read(&path)
}

/// The cells of a workbook as text, sheet by sheet: a line saying the frozen pane, the filter
/// and whether the header row (and only it) is bold; the column widths; then one line per row,
/// each cell a text in quotes (escaped as Rust does, `¶` after it when the cell wraps), a number
/// bare, TRUE or FALSE, or `·` when empty. No cell may be a formula.
fn shown(book: &Value) -> String {
    let mut out = format!(
        "title {:?}, created {}\n",
        book["title"].as_str().unwrap_or_default(),
        book["created"]
    );
    for sheet in book["sheets"].as_array().unwrap() {
        let rows = sheet["rows"].as_array().unwrap();
        let bold_header = rows
            .first()
            .is_some_and(|header| header.as_array().unwrap().iter().all(|c| c["bold"] == true))
            && rows[1..]
                .iter()
                .flat_map(|r| r.as_array().unwrap())
                .all(|c| c["bold"] == false);
        out.push_str(&format!(
            "\n== {} (frozen at {}, filter {}, {})\n",
            sheet["name"].as_str().unwrap(),
            sheet["freeze"].as_str().unwrap_or("nowhere"),
            sheet["filter"].as_str().unwrap_or("none"),
            if bold_header {
                "header bold"
            } else {
                "BOLD NOT ONLY THE HEADER"
            }
        ));
        let widths: Vec<String> = sheet["widths"]
            .as_object()
            .unwrap()
            .iter()
            .map(|(col, w)| format!("{col} {w}"))
            .collect();
        out.push_str(&format!("widths: {}\n", widths.join(", ")));
        for (n, row) in rows.iter().enumerate() {
            let cells: Vec<String> = row
                .as_array()
                .unwrap()
                .iter()
                .map(|c| {
                    assert_ne!(c["type"], "f", "a formula: {c}");
                    match (&c["value"], c["type"].as_str().unwrap()) {
                        (Value::Null, _) => "·".to_string(),
                        (Value::String(s), "s") => {
                            let wrap = if c["wrap"] == true { "¶" } else { "" };
                            format!("{s:?}{wrap}")
                        }
                        (Value::Number(x), "n") => x.to_string(),
                        (Value::Bool(b), "b") => if *b { "TRUE" } else { "FALSE" }.to_string(),
                        (v, t) => panic!("a cell of type {t}: {v}"),
                    }
                })
                .collect();
            out.push_str(&format!("{}: {}\n", n + 1, cells.join(" | ")));
        }
    }
    out
}

/// Every text cell of every data row (not the headers), with whether Excel's quote prefix
/// keeps it text when edited.
fn text_cells(book: &Value) -> Vec<(String, bool)> {
    book["sheets"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|s| s["rows"].as_array().unwrap().iter().skip(1))
        .flat_map(|r| r.as_array().unwrap())
        .filter(|c| c["type"] == "s" && c["value"].is_string())
        .map(|c| (c["value"].as_str().unwrap().to_string(), c["quote"] == true))
        .collect()
}

/// Two fiscal years of fictional progress (2027 open): plan 1-1-1 reports both years, with
/// indicators (a fraction, a target without an actual), next steps, a fiscal effect and the
/// section's comment; 3-1-1 reports 2027 with the committee's comment; 1-3-3 completed in
/// 2026; 2-2-3 merged into 2-2-2 in 2027; 1-3-4 added in 2027; the outline names its owner.
fn two_years() -> Fixture {
    let f = with_progress();
    open_year(&f, 2027);
    f.edit(
        "plans/outline.json",
        "\"expected_total\": 16,",
        "\"owner\": \"試験企画課\",\n  \"expected_total\": 16,",
    );
    give_progress(
        &f,
        "plans/goal-1/1-1-1.json",
        "    \"2026\": { \"status\": \"A\", \"summary\": \"架空の結果です。\", \"indicators\": [{ \"name\": \"架空の件数\", \"unit\": \"件\", \"target\": 120, \"actual\": 96.5 }, { \"name\": \"架空の率\", \"unit\": \"%\", \"target\": 50 }], \"next_steps\": \"架空の課題です。\", \"fiscal_effect\": { \"amount\": 12000, \"unit\": \"千円\" }, \"comment\": { \"by\": \"section\", \"text\": \"架空の所管課のコメントです。\" } },\n    \"2027\": { \"status\": \"B\", \"summary\": \"架空の結果その二です。\", \"indicators\": [{ \"name\": \"架空の件数\", \"unit\": \"件\", \"target\": 120, \"actual\": 130 }] }",
    );
    give_progress(
        &f,
        "plans/goal-3/3-1-1.json",
        "    \"2027\": { \"status\": \"D\", \"summary\": \"架空の結果です。\", \"comment\": { \"by\": \"committee\", \"text\": \"架空の委員会のコメントです。\" } }",
    );
    give_progress(
        &f,
        "plans/goal-1/1-3-3.json",
        "    \"2026\": { \"status\": \"A\", \"summary\": \"架空の結果です。\" }",
    );
    append_field(
        &f,
        "plans/goal-1/1-3-3.json",
        "  \"ended\": { \"year\": 2026, \"reason\": \"completed\" }\n",
    );
    give_progress(
        &f,
        "plans/goal-2/2-2-3.json",
        "    \"2026\": { \"status\": \"C\", \"summary\": \"架空の結果です。\" },\n    \"2027\": { \"status\": \"B\", \"summary\": \"架空の結果その二です。\" }",
    );
    append_field(
        &f,
        "plans/goal-2/2-2-3.json",
        "  \"ended\": { \"year\": 2027, \"reason\": \"merged\", \"into\": \"2-2-2\", \"note\": \"架空の統合です。\" }\n",
    );
    f.write(
        "plans/goal-1/1-3-4.json",
        "{\n  \"id\": \"1-3-4\",\n  \"title\": \"架空の追加計画\",\n  \"departments\": [\n    \"試験市民課\"\n  ],\n  \"added_in\": 2027\n}\n",
    );
    let check = f.run(&["check", "--deny-warnings"]);
    assert_eq!(check.code, 0, "{}{}", check.stdout, check.stderr);
    f
}

#[test]
fn the_workbook_reads_back_cell_by_cell() {
    let f = two_years();
    let book = export(&f, &[]);
    insta::assert_snapshot!("workbook_ja", shown(&book));
    // Every text cell keeps its text when edited in Excel.
    assert!(text_cells(&book).iter().all(|(_, quoted)| *quoted));
}

#[test]
fn the_english_header_names_the_columns_as_the_json_does() {
    let f = two_years();
    insta::assert_snapshot!("workbook_en", shown(&export(&f, &["--header", "en"])));
}

/// Without progress set up, the progress and indicators' sheets are there with their header
/// only, so that whatever reads the workbook finds the same sheets and columns.
#[test]
fn without_progress_the_sheets_keep_their_headers() {
    let f = Fixture::copy_of("sample");
    let book = export(&f, &[]);
    let sheets = book["sheets"].as_array().unwrap();
    let names: Vec<&str> = sheets.iter().map(|s| s["name"].as_str().unwrap()).collect();
    assert_eq!(names, ["計画", "進捗", "指標"]);
    let rows = |i: usize| sheets[i]["rows"].as_array().unwrap().len();
    assert_eq!((rows(1), rows(2)), (1, 1));
    assert_eq!(rows(0), 17, "a header and the sample's 16 plans");
    for sheet in sheets {
        assert_eq!(sheet["freeze"], "A2", "{}", sheet["name"]);
    }
}

/// Hostile data (`common::hostile`): every value that would act in a spreadsheet, or turn into
/// a date or a number, is in a string cell as the data has it (a cell of its own, a line of the
/// sub-projects, a scale's label after its code), with the quote prefix that keeps it text when
/// edited; no cell is a formula.
#[test]
fn hostile_text_stays_text() {
    let f = hostile();
    let book = export(&f, &[]);
    // `shown` fails on any formula cell.
    let _ = shown(&book);
    let texts = text_cells(&book);
    for (_, _, value) in common::HOSTILE {
        let found: Vec<&(String, bool)> = texts
            .iter()
            .filter(|(text, _)| text.contains(value))
            .collect();
        assert!(!found.is_empty(), "{value:?} is not a text cell");
        assert!(found.iter().all(|(_, quoted)| *quoted), "{value:?}");
    }
    let summary = "=1+1 ##[error]架空の結果です。";
    assert!(texts.iter().any(|(text, _)| text == summary));
}

/// The same data gives the same bytes, on standard output and with `-o` (written atomically,
/// and said).
#[test]
fn the_same_data_gives_the_same_bytes() {
    let f = two_years();
    let (_, first, _) = run_bytes(&f, &["export", "--format", "xlsx"]);
    let (_, second, _) = run_bytes(&f, &["export", "--format", "xlsx"]);
    assert!(first.starts_with(b"PK\x03\x04"), "a zip");
    assert!(first == second, "two runs differ");
    let out = f.path("plans.xlsx").display().to_string();
    let written = f.run(&["export", "--format", "xlsx", "-o", &out, "--lang", "ja"]);
    assert_eq!(
        (written.code, written.stdout, written.stderr),
        (0, format!("{out} に書き出しました。\n"), String::new())
    );
    assert!(
        std::fs::read(&out).unwrap() == first,
        "-o wrote other bytes"
    );
}

/// A workbook is binary: without -o, on a terminal, it is refused in the chosen language
/// (exit 2), before the data is read. The terminal is made by util-linux's `script`.
#[test]
fn a_terminal_is_refused() {
    let f = Fixture::copy_of("sample");
    let binary = env!("CARGO_BIN_EXE_plans");
    let mut said = String::new();
    for lang in ["ja", "en"] {
        let command = format!(
            "'{binary}' -C '{}' --lang {lang} export --format xlsx",
            f.dir.path().display()
        );
        let run = Command::new("script")
            .args(["-qec", &command, "/dev/null"])
            .env("LANG", "C")
            .output()
            .expect("script (util-linux) makes the terminal of this test");
        assert_eq!(run.status.code(), Some(2), "{lang}");
        said.push_str(&String::from_utf8_lossy(&run.stdout).replace("\r\n", "\n"));
    }
    assert_eq!(
        said,
        "plans: Excel のブック（xlsx）は画面（端末）には出せません。\n  = 直し方: -o で書き出すファイルの名前を指定してください（例: -o plans.xlsx）。出力をファイルにリダイレクトすることもできます（例: > plans.xlsx）。\n\
         plans: an Excel workbook (xlsx) is binary and is not printed on a terminal\n  = hint: give the file to write with -o (for example -o plans.xlsx), or redirect standard output to a file (> plans.xlsx)\n"
    );
}

#[test]
fn data_with_errors_is_not_exported() {
    let f = two_years();
    f.edit("plans/goal-1/1-1-1.json", "試験企画課", "試験企面課");
    let out = f.path("plans.xlsx").display().to_string();
    for args in [
        &["export", "--format", "xlsx"][..],
        &["export", "--format", "xlsx", "-o", &out],
    ] {
        let (code, stdout, stderr) = run_bytes(&f, args);
        assert_eq!((code, stdout.len()), (1, 0), "{stderr}");
        assert!(stderr.ends_with("plans: the data has errors, so nothing was written; fix them and run the command again\n"), "{stderr}");
    }
    assert!(!f.path("plans.xlsx").exists());
}

/// A year's result, issues and comment may have paragraphs (`\n` between them): each shows
/// as a line of a cell that wraps. Made from a model, through the library, so that it does not
/// wait on the check's rules for paragraphs; `_x0041_`, which Excel would read as "A", is
/// kept as written, and a control character is shown as `<U+XXXX>`.
#[test]
fn paragraphs_are_lines_of_a_cell_that_wraps() {
    use plans::model::{Model, Outline, Plan, PlanId};
    let outline: Outline = serde_json::from_value(serde_json::json!({
        "title": "架空の実施計画", "expected_total": 1,
        "goals": [{"number": 1, "title": "架空の目標", "expected_plans": 1,
                   "items": [{"number": 1, "title": "架空の取組"}]}],
        "progress": {"period": {"from": 2026, "to": 2029}, "reporting_year": 2026,
                     "scale": [{"code": "A", "label": "架空の段階一"}, {"code": "B", "label": "架空の段階二"}]}
    }))
    .unwrap();
    let plan = Plan::lenient(serde_json::json!({
        "id": "1-1-1", "title": "架空の計画 _x0041_", "departments": ["架空課"],
        "progress": {"2026": {"status": "A", "summary": "架空の一段落目です。\n架空の二段落目です。",
                              "next_steps": "架空の課題です。\n架空の方向性です。",
                              "comment": {"by": "committee", "text": "架空の\u{7}コメントです。"}}}
    }))
    .unwrap();
    let model = Model {
        outline: Some(outline),
        register: None,
        plans: vec![(PlanId::parse("1-1-1").unwrap(), plan)],
    };
    let bytes = plans::export::xlsx(&model, false).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plans.xlsx");
    std::fs::write(&path, bytes).unwrap();
    let book = read(&path);
    let progress = shown(&book)
        .split("\n== ")
        .find(|sheet| sheet.starts_with("進捗"))
        .unwrap()
        .to_string();
    insta::assert_snapshot!("paragraphs", progress);
    // openpyxl reads `_x0041_` as written either way; the file has Excel's escape of its `_`.
    let strings = Command::new(common::python())
        .args([
            "-c",
            "import sys, zipfile; print(zipfile.ZipFile(sys.argv[1]).read('xl/sharedStrings.xml').decode())",
        ])
        .arg(&path)
        .output()
        .unwrap();
    let strings = String::from_utf8_lossy(&strings.stdout);
    assert!(strings.contains("架空の計画 _x005F_x0041_"), "{strings}");
}
