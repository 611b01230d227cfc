//! `plans sheet` and `plans import` on fictional fixtures, with spreadsheet software nobody
//! here wrote: each workbook is read back by openpyxl (`tests/sheet_xlsx.py`), which checks the
//! locked and unlocked cells, the drop-down list, the validations, the protection, the print
//! setup and the hidden identification; it is filled by openpyxl the way a person fills it in
//! (with the slips people make), saved, once also through LibreOffice's own xlsx writer, and
//! imported. Whole outputs and the plan files' diffs are snapshots.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

use common::{Fixture, commit_all, git, give_progress, listing, open_year, with_progress};
use serde_json::{Value, json};

/// The workbook at `path` as openpyxl reads it.
fn read(path: &Path) -> Value {
    common::openpyxl_read("sheet_xlsx.py", &["read"], path)
}

/// Fills the workbook at `from` with `edits` as a person would, saved by openpyxl at `to`.
fn fill(from: &Path, edits: &Value, to: &Path) {
    let dir = tempfile::tempdir().unwrap();
    let edits_path = dir.path().join("edits.json");
    std::fs::write(&edits_path, edits.to_string()).unwrap();
    common::openpyxl_run(
        "sheet_xlsx.py",
        &[
            "fill".as_ref(),
            from.as_os_str(),
            edits_path.as_os_str(),
            to.as_os_str(),
        ],
        &format!("fill {}", from.display()),
    );
}

/// The fixture with progress, fiscal year 2027 being reported, and plan 2-1-1 (試験財務課's)
/// reported for 2026 with an indicator and a fiscal effect, committed.
fn fixture() -> Fixture {
    let f = with_progress();
    give_progress(
        &f,
        "plans/goal-2/2-1-1.json",
        r#"    "2026": {
      "status": "B",
      "summary": "架空の経費を見直しました。",
      "indicators": [
        { "name": "架空の見直し件数", "unit": "件", "target": 120, "actual": 80 }
      ],
      "fiscal_effect": { "amount": 3000, "unit": "千円" }
    }"#,
    );
    open_year(&f, 2027);
    // The files in canonical form, as `fmt --check` keeps them in a repository.
    assert_eq!(f.run(&["fmt"]).code, 0);
    commit_all(&f);
    f
}

/// Runs `plans -C <fixture> --lang <lang> <args>`.
fn run(f: &Fixture, lang: &str, args: &[&str]) -> common::Run {
    let mut all = vec!["--lang", lang];
    all.extend_from_slice(args);
    f.run(&all)
}

/// Makes the workbooks of `args` into a new folder (its path in the output shown as `OUT`).
fn sheets(f: &Fixture, args: &[&str]) -> (tempfile::TempDir, String) {
    let out = tempfile::tempdir().unwrap();
    let mut all = vec!["sheet", "-o", out.path().to_str().unwrap()];
    all.extend_from_slice(args);
    let ran = run(f, "ja", &all);
    let shown = format!(
        "exit code: {}\n{}{}",
        ran.code,
        ran.stdout.replace(out.path().to_str().unwrap(), "OUT"),
        ran.stderr
    );
    (out, shown)
}

/// A workbook as text: each sheet's settings and validations, then its rows, each cell its
/// value (`·` when empty) with `🔒` when locked.
fn shown(book: &Value) -> String {
    let mut out = String::new();
    for sheet in book["sheets"].as_array().unwrap() {
        out.push_str(&format!(
            "\n== {} ({}; protected {}, password {}, insert rows {}, delete rows {}, format cells {}; \
             frozen {}; {} {}; titles {})\n",
            sheet["name"].as_str().unwrap(),
            sheet["state"].as_str().unwrap(),
            sheet["protected"],
            sheet["password"],
            sheet["may_insert_rows"],
            sheet["may_delete_rows"],
            sheet["may_format_cells"],
            sheet["freeze"].as_str().unwrap_or("nowhere"),
            sheet["orientation"].as_str().unwrap_or("-"),
            sheet["paper"],
            sheet["print_titles"].as_str().unwrap_or("-"),
        ));
        let widths: Vec<String> = sheet["widths"]
            .as_object()
            .unwrap()
            .iter()
            .map(|(col, w)| format!("{col} {w}"))
            .collect();
        out.push_str(&format!("widths: {}\n", widths.join(", ")));
        for v in sheet["validations"].as_array().unwrap() {
            out.push_str(&format!(
                "validation {}: {} {} {} {} (stops: {}, says {})\n",
                v["range"].as_str().unwrap(),
                v["type"].as_str().unwrap(),
                v["operator"].as_str().unwrap_or("-"),
                v["formula1"].as_str().unwrap_or("-"),
                v["formula2"].as_str().unwrap_or("-"),
                v["show_error"],
                v["error"].as_str().unwrap_or("-"),
            ));
        }
        for row in sheet["rows"].as_array().unwrap() {
            let cells: Vec<String> = row
                .as_array()
                .unwrap()
                .iter()
                .map(|c| {
                    let value = match &c["value"] {
                        Value::Null => "·".to_string(),
                        Value::String(s) => format!("{s:?}"),
                        other => other.to_string(),
                    };
                    let lock = if c["locked"] == true { "🔒" } else { "" };
                    format!("{value}{lock}")
                })
                .collect();
            out.push_str(&format!("{}\n", cells.join(" | ")));
        }
    }
    out
}

#[test]
fn a_department_workbook_as_an_independent_reader_sees_it() {
    let f = fixture();
    // The year being reported (2027): the indicator carried over from 2026, nothing filled.
    let (out, said) = sheets(&f, &["--department", "試験財務課"]);
    let book = out.path().join("試験財務課-2027.xlsx");
    let new_year = format!("{said}{}", shown(&read(&book)));
    // The year before, sent again for corrections: filled from the plan file; the section
    // that owns the plan named, where the outline names it.
    f.edit(
        "plans/outline.json",
        "\"expected_total\": 16,",
        "\"owner\": \"試験企画課\",\n  \"expected_total\": 16,",
    );
    let (again, said) = sheets(&f, &["--year", "2026", "--department", "試験財務課"]);
    let corrections = format!(
        "{said}{}",
        shown(&read(&again.path().join("試験財務課-2026.xlsx")))
    );
    insta::assert_snapshot!(format!(
        "--- 2027\n{new_year}\n--- 2026, for corrections\n{corrections}"
    ));
}

/// A4's long side, in inches.
const A4_LONG: f64 = 297.0 / 25.4;

#[test]
fn each_form_prints_on_a4_landscape_at_full_size() {
    let f = fixture();
    let (out, _) = sheets(&f, &["--department", "試験財務課"]);
    let book = read(&out.path().join("試験財務課-2027.xlsx"));
    let mut printed = Vec::new();
    for sheet in book["sheets"].as_array().unwrap() {
        if sheet["state"] != "visible" {
            continue;
        }
        // A column's width as stored is in the default font's digits (Calibri 11: 7 pixels,
        // its padding included); a printed inch is 96 pixels.
        let pixels: f64 = sheet["widths"]
            .as_object()
            .unwrap()
            .values()
            .map(|w| (w.as_f64().unwrap() * 7.0).round())
            .sum();
        let margins = sheet["margins"].as_array().unwrap();
        let room = (A4_LONG - margins[0].as_f64().unwrap() - margins[1].as_f64().unwrap()) * 96.0;
        // Paper 9 is A4. Fitted to one page wide, a sheet wider than the room would be
        // printed smaller.
        printed.push(format!(
            "{}: {} on paper {}, {} page(s) wide, {pixels} of {} pixels: {}; first row {} points \
             high; page header {}",
            sheet["name"].as_str().unwrap(),
            sheet["orientation"].as_str().unwrap_or("-"),
            sheet["paper"],
            // Not written: 1, the file format's default.
            sheet["fit_width"].as_u64().unwrap_or(1),
            room.floor(),
            if pixels <= room {
                "full size"
            } else {
                "made smaller"
            },
            sheet["first_row_height"],
            sheet["page_header"]
        ));
    }
    insta::assert_snapshot!(printed.join("\n"));
}

#[test]
fn every_department_that_reports_gets_one_workbook_and_the_same_data_the_same_bytes() {
    let f = fixture();
    let (first, said) = sheets(&f, &[]);
    let (second, _) = sheets(&f, &[]);
    let names = |dir: &Path| -> Vec<(String, Vec<u8>)> {
        listing(dir)
            .into_iter()
            .map(|(p, b)| (p.file_name().unwrap().to_string_lossy().into_owned(), b))
            .collect()
    };
    assert_eq!(names(first.path()), names(second.path()));
    insta::assert_snapshot!(said);
}

#[test]
fn a_year_or_department_that_cannot_have_a_workbook_is_refused() {
    let f = fixture();
    let mut out = String::new();
    for args in [
        &["--year", "2031"][..],
        &["--year", "2028"],
        &["--department", "架空の無い課"],
        &["--department", "試験財務"],
        &["--department", "試験環境課"],
    ] {
        let (dir, said) = sheets(&f, args);
        assert!(listing(dir.path()).is_empty(), "{args:?}");
        out.push_str(&format!("$ plans sheet {}\n{said}\n", args.join(" ")));
    }
    // -o naming a file, and import without a workbook.
    f.write("notes.txt", "架空のメモです。");
    let file = f.path("notes.txt");
    let fixture = f.dir.path().to_str().unwrap();
    for args in [&["sheet", "-o", file.to_str().unwrap()][..], &["import"]] {
        let ran = run(&f, "ja", args);
        out.push_str(&format!(
            "$ plans {}\nexit code: {}\n{}{}\n",
            args.join(" ").replace(fixture, "FIXTURE"),
            ran.code,
            ran.stdout,
            ran.stderr.replace(fixture, "FIXTURE")
        ));
    }
    insta::assert_snapshot!(out);
}

/// What a person types into 試験財務課's 2027 workbook, slips included: the status chosen from
/// the list, typed full-width, or as its label alone; paragraphs with Alt+Enter (`\r\n`) and
/// stray spaces; a fiscal effect typed as text with a thousands separator; the carried
/// indicator's actual in full-width digits with its unit; a new indicator; one plan's row
/// moved above another's; one plan left empty.
fn person() -> Value {
    json!([
        {"sheet": "進捗", "cell": "D2", "value": "A 架空の段階その一"},
        {"sheet": "進捗", "cell": "E2", "value": " 架空の経費を見直しました。\r\n\r\n　二段落目も架空です。 "},
        {"sheet": "進捗", "cell": "F2", "value": "架空の課題です。\n架空の方向性です。"},
        {"sheet": "進捗", "cell": "G2", "value": "1,200"},
        {"sheet": "進捗", "cell": "D4", "value": "Ｃ"},
        {"sheet": "進捗", "cell": "E4", "value": "架空の公用車を減らしました。"},
        {"sheet": "指標", "cell": "E2", "value": "９６件"},
        {"sheet": "指標", "cell": "B3", "value": "架空の新しい指標"},
        {"sheet": "指標", "cell": "C3", "value": "%"},
        {"sheet": "指標", "cell": "D3", "value": 50},
        {"sheet": "指標", "cell": "E3", "value": 42.5},
        {"sheet": "進捗", "move_row": [3, 4]},
    ])
}

/// Imports `books` into the fixture: the command, its exit code and output, and the diff of the
/// plan files it made.
fn import(f: &Fixture, lang: &str, books: &[&Path], extra: &[&str]) -> String {
    let mut args = vec!["import"];
    args.extend_from_slice(extra);
    let names: Vec<String> = books.iter().map(|b| b.display().to_string()).collect();
    args.extend(names.iter().map(String::as_str));
    // What the test changed is staged: the diff shown is what the import changed.
    git(f.dir.path(), &["add", "-A"]);
    let ran = run(f, lang, &args);
    let diff = Command::new("git")
        .arg("-C")
        .arg(f.dir.path())
        .args(["diff", "--no-color", "--", "plans"])
        .output()
        .expect("git diff");
    let shown: Vec<String> = books
        .iter()
        .map(|b| b.file_name().unwrap().to_string_lossy().into_owned())
        .collect();
    let mut out = format!(
        "$ plans import {}{}\nexit code: {}\n{}{}",
        extra.iter().map(|e| format!("{e} ")).collect::<String>(),
        shown.join(" "),
        ran.code,
        ran.stdout,
        ran.stderr
    );
    for b in books {
        let dir = b.parent().unwrap().display().to_string();
        out = out.replace(&dir, "DIR");
    }
    out.push_str(&format!(
        "--- git diff\n{}",
        String::from_utf8_lossy(&diff.stdout)
    ));
    out
}

#[test]
fn a_workbook_filled_like_a_person_fills_it_is_imported_once() {
    let f = fixture();
    let (out, _) = sheets(&f, &["--department", "試験財務課"]);
    let filled = out.path().join("filled").with_extension("xlsx");
    let back = out.path().join("試験財務課-2027-back.xlsx");
    std::fs::rename(out.path().join("試験財務課-2027.xlsx"), &filled).unwrap();
    // 「42.5%」 typed in Excel: stored as 0.425 in a cell shown as a percentage, read as 42.5.
    let mut edits = person();
    edits
        .as_array_mut()
        .unwrap()
        .push(json!({"sheet": "指標", "cell": "E3", "value": 0.425, "number_format": "0.0%"}));
    fill(&filled, &edits, &back);
    let first = import(&f, "ja", &[&back], &[]);
    assert_eq!(run(&f, "ja", &["check"]).code, 0);
    let files = listing(&f.path("plans"));
    // The same workbook again changes nothing.
    let second = import(&f, "ja", &[&back], &[]);
    assert_eq!(files, listing(&f.path("plans")));
    let english = import(&f, "en", &[&back], &[]);
    insta::assert_snapshot!(format!("{first}\n{second}\n{english}"));
}

/// `filled` saved through LibreOffice's own writer as `format` (xlsx, ods or xls), in a new
/// folder kept as long as the returned one.
fn through_calc(filled: &Path, format: &str) -> (tempfile::TempDir, PathBuf) {
    let soffice = common::soffice();
    let converted = tempfile::tempdir().unwrap();
    let profile = tempfile::tempdir().unwrap();
    let ran = Command::new(&soffice)
        .arg(format!(
            "-env:UserInstallation=file://{}",
            profile.path().display()
        ))
        .args([
            "--headless",
            "--norestore",
            "--convert-to",
            format,
            "--outdir",
        ])
        .arg(converted.path())
        .arg(filled)
        .output()
        .unwrap_or_else(|e| {
            panic!(
                "LibreOffice ({}) is needed: `apt-get install libreoffice-calc-nogui`, or \
                 set SOFFICE: {e}",
                soffice.display()
            )
        });
    assert!(
        ran.status.success(),
        "{}",
        String::from_utf8_lossy(&ran.stderr)
    );
    let stem = filled.file_stem().unwrap().to_string_lossy();
    let saved = converted.path().join(format!("{stem}.{format}"));
    (converted, saved)
}

#[test]
fn a_workbook_saved_by_libreoffice_as_xlsx_ods_or_xls_is_imported_the_same() {
    let f = fixture();
    let (out, _) = sheets(&f, &["--department", "試験財務課"]);
    // What a person types, with 「42.5%」 typed for the new indicator counted in %: stored as
    // 0.425 in a cell shown as a percentage.
    let mut edits = person();
    edits
        .as_array_mut()
        .unwrap()
        .push(json!({"sheet": "指標", "cell": "E3", "value": 0.425, "number_format": "0.0%"}));
    let filled = out.path().join("filled.xlsx");
    fill(&out.path().join("試験財務課-2027.xlsx"), &edits, &filled);
    let direct = import(&fixture(), "ja", &[&filled], &[]);
    let without_command = |text: &str| text.split_once('\n').unwrap().1.to_string();
    // Through LibreOffice's own writers: xlsx, and the ods a department may save, which says
    // which cells are percentages as xlsx does.
    for format in ["xlsx", "ods"] {
        let (_kept, saved) = through_calc(&filled, format);
        let g = fixture();
        let imported = import(&g, "ja", &[&saved], &[]);
        assert_eq!(
            without_command(&imported),
            without_command(&direct),
            "{format}"
        );
        assert_eq!(run(&g, "ja", &["check"]).code, 0, "{format}");
    }
    // An xls workbook does not say how a number is shown: a figure in a column counted in %
    // is refused (the target 50 and the actual 0.425) rather than read as it is, 0.425 %;
    // with the new indicator counted in 件, the rest comes in the same.
    let (_kept, saved) = through_calc(&filled, "xls");
    let g = fixture();
    let refused = import(&g, "ja", &[&saved], &[]);
    let plain = out.path().join("plain.xlsx");
    let mut counted = person();
    counted
        .as_array_mut()
        .unwrap()
        .push(json!({"sheet": "指標", "cell": "C3", "value": "件"}));
    fill(&out.path().join("試験財務課-2027.xlsx"), &counted, &plain);
    let (_kept, saved_plain) = through_calc(&plain, "xls");
    let h = fixture();
    assert_eq!(
        without_command(&import(&h, "ja", &[&saved_plain], &[])),
        without_command(&import(&fixture(), "ja", &[&plain], &[])),
    );
    assert_eq!(run(&h, "ja", &["check"]).code, 0);
    let english = import(&g, "en", &[&saved], &[]);
    insta::assert_snapshot!(format!("{refused}\n{english}"));
}

#[test]
fn an_xls_workbook_keeps_the_figures_it_was_written_with_in_percent() {
    let f = fixture();
    // 2-1-1's indicator counted in %, with a target of 0.5 % carried into 2027's workbook.
    f.edit(
        "plans/goal-2/2-1-1.json",
        "\"unit\": \"件\"",
        "\"unit\": \"%\"",
    );
    f.edit(
        "plans/goal-2/2-1-1.json",
        "\"target\": 120",
        "\"target\": 0.5",
    );
    commit_all(&f);
    let (out, _) = sheets(&f, &["--department", "試験財務課"]);
    let filled = out.path().join("carried.xlsx");
    fill(
        &out.path().join("試験財務課-2027.xlsx"),
        &json!([
            {"sheet": "進捗", "cell": "D2", "value": "B"},
            {"sheet": "進捗", "cell": "E2", "value": "架空の結果です。"},
        ]),
        &filled,
    );
    // Saved as .xls: the target as written is taken, though .xls says nothing of formats.
    let (_kept, saved) = through_calc(&filled, "xls");
    let said = import(&f, "ja", &[&saved], &[]);
    assert_eq!(run(&f, "ja", &["check"]).code, 0);
    insta::assert_snapshot!(said);
}

#[test]
fn slips_that_cannot_be_read_are_each_one_message_at_their_cell_and_nothing_is_written() {
    let f = fixture();
    let (out, _) = sheets(&f, &["--department", "試験財務課"]);
    let book = out.path().join("試験財務課-2027.xlsx");
    let back = out.path().join("returned").join("試験財務課-2027.xlsx");
    std::fs::create_dir(back.parent().unwrap()).unwrap();
    fill(
        &book,
        &json!([
            {"sheet": "進捗", "cell": "D2", "value": "E"},
            {"sheet": "進捗", "cell": "E2", "value": "架空の結果です。"},
            {"sheet": "進捗", "cell": "E3", "value": "評価を選び忘れました。"},
            {"sheet": "進捗", "cell": "D4", "value": "A"},
            {"sheet": "進捗", "cell": "G4", "value": "約百"},
            {"sheet": "進捗", "cell": "A5", "value": null},
            {"sheet": "進捗", "cell": "E6", "value": "行を足しました。"},
            {"sheet": "指標", "cell": "E2", "value": "96人"},
            {"sheet": "指標", "cell": "D3", "value": 5},
            // 「96%」 typed for an indicator counted in 件: not its unit.
            {"sheet": "指標", "cell": "D2", "value": 0.96, "number_format": "0%"},
            // Formulas: only values typed in are taken.
            {"sheet": "進捗", "cell": "G2", "value": "=SUM(100,200)"},
            {"sheet": "指標", "cell": "B4", "value": "=HYPERLINK(\"https://example.invalid/架空\",\"架空の指標\")"},
        ]),
        &back,
    );
    let not_a_book = out.path().join("returned").join("メモ.xlsx");
    std::fs::write(&not_a_book, "架空のメモです。").unwrap();
    let before = listing(&f.path("plans"));
    let ja = import(&f, "ja", &[&back, &not_a_book], &[]);
    let en = import(&f, "en", &[&back, &not_a_book], &[]);
    assert_eq!(before, listing(&f.path("plans")));
    let missing = run(&f, "ja", &["import", "架空の無いファイル.xlsx"]);
    insta::assert_snapshot!(format!(
        "{ja}\n{en}\n$ plans import 架空の無いファイル.xlsx\nexit code: {}\n{}{}",
        missing.code, missing.stdout, missing.stderr
    ));
}

/// Formulas are said one by one up to twenty a sheet, then how many more; a formula beyond the
/// columns import reads is not said (nothing there is taken); a figure in a percentage cell
/// whose indicator's unit column is empty is told to put its unit there.
#[test]
fn many_formulas_are_said_up_to_twenty_and_a_unit_without_its_column_is_named() {
    let f = fixture();
    let (out, _) = sheets(&f, &["--department", "試験財務課"]);
    let book = out.path().join("試験財務課-2027.xlsx");
    let back = out.path().join("返送.xlsx");
    let mut edits: Vec<Value> = (2..=26)
        .map(
            |row| json!({"sheet": "指標", "cell": format!("D{row}"), "value": format!("={row}*2")}),
        )
        .collect();
    edits.push(json!({"sheet": "指標", "cell": "J2", "value": "=1+1"}));
    edits.push(json!({"sheet": "進捗", "cell": "H2", "value": null}));
    edits.push(json!({"sheet": "進捗", "cell": "G2", "value": "1,200円"}));
    fill(&book, &Value::Array(edits), &back);
    let before = listing(&f.path("plans"));
    let said = import(&f, "ja", &[&back], &[]);
    assert_eq!(before, listing(&f.path("plans")));
    insta::assert_snapshot!(said);
}

#[test]
fn a_workbook_for_another_year_department_or_scale_or_changed_since_is_refused() {
    let f = fixture();
    let (out, _) = sheets(&f, &["--year", "2026", "--department", "試験財務課"]);
    let book = out.path().join("試験財務課-2026.xlsx");
    let filled = out.path().join("filled.xlsx");
    fill(
        &book,
        &json!([
            {"sheet": "進捗", "cell": "D2", "value": "架空の段階その一"},
            {"sheet": "進捗", "cell": "E2", "value": "架空の訂正です。"},
        ]),
        &filled,
    );
    let mut said = String::new();
    // A workbook correcting 2026 while 2027 is reported: taken only when asked for.
    said.push_str(&import(&f, "ja", &[&filled], &[]));
    said.push_str(&import(&f, "en", &[&filled], &[]));
    let corrections = ["--year", "2026"];
    // A year not open yet cannot be asked for.
    said.push_str(&import(&f, "ja", &[&filled], &["--year", "2028"]));
    // The entry was changed in the plan file after the workbook was made.
    f.edit(
        "plans/goal-2/2-1-1.json",
        "架空の経費を見直しました。",
        "架空の経費をGitHubで見直しました。",
    );
    git(f.dir.path(), &["commit", "-qam", "edited on GitHub"]);
    said.push_str(&import(&f, "ja", &[&filled], &corrections));
    said.push_str(&import(
        &f,
        "ja",
        &[&filled],
        &["--replace", "--year", "2026"],
    ));
    git(f.dir.path(), &["reset", "-q", "--hard"]);
    // Another scale.
    f.edit("plans/outline.json", "\"code\": \"D\"", "\"code\": \"E\"");
    said.push_str(&import(&f, "ja", &[&filled], &corrections));
    git(f.dir.path(), &["reset", "-q", "--hard"]);
    // Another plan's repository (its outline has another title).
    let title = f.read("plans/outline.json");
    let at = title.find("\"title\": \"").expect("the outline's title") + "\"title\": \"".len();
    let mut other = title.clone();
    other.insert_str(at, "別の");
    f.write("plans/outline.json", other);
    said.push_str(&import(&f, "ja", &[&filled], &corrections));
    git(f.dir.path(), &["reset", "-q", "--hard"]);
    // A department renamed since.
    common::rename_department(&f, "試験財務課", "架空財政課");
    said.push_str(&import(&f, "ja", &[&filled], &corrections));
    git(f.dir.path(), &["reset", "-q", "--hard"]);
    // A year not open (the reporting year set back after the workbook was made).
    let (later, _) = sheets(&f, &["--department", "試験財務課"]);
    let next = later.path().join("filled-2027.xlsx");
    fill(
        &later.path().join("試験財務課-2027.xlsx"),
        &json!([
            {"sheet": "進捗", "cell": "D2", "value": "A"},
            {"sheet": "進捗", "cell": "E2", "value": "架空の結果です。"},
        ]),
        &next,
    );
    // The year being reported asked for, with a workbook of each year: the other is refused.
    said.push_str(&import(&f, "ja", &[&next, &filled], &["--year", "2027"]));
    said.push_str(&import(&f, "en", &[&next, &filled], &["--year", "2027"]));
    f.edit(
        "plans/outline.json",
        "\"reporting_year\": 2027,",
        "\"reporting_year\": 2026,",
    );
    said.push_str(&import(&f, "ja", &[&next], &[]));
    insta::assert_snapshot!(said);
}

#[test]
fn a_plan_twice_two_workbooks_for_one_plan_and_data_check_refuses_write_nothing() {
    let f = fixture();
    let (out, _) = sheets(&f, &["--department", "試験財務課"]);
    let book = out.path().join("試験財務課-2027.xlsx");
    let entry = json!([
        {"sheet": "進捗", "cell": "D2", "value": "A"},
        {"sheet": "進捗", "cell": "E2", "value": "架空の結果です。"},
    ]);
    // The same workbook returned twice under two names.
    let first = out.path().join("一回目.xlsx");
    let second = out.path().join("二回目.xlsx");
    fill(&book, &entry, &first);
    fill(&book, &entry, &second);
    // A plan's row copied over another's.
    let twice = out.path().join("行を写した.xlsx");
    fill(
        &book,
        &json!([
            {"sheet": "進捗", "cell": "A3", "value": "2-1-1"},
            {"sheet": "進捗", "cell": "D3", "value": "B"},
            {"sheet": "進捗", "cell": "E3", "value": "写した行です。"},
        ]),
        &twice,
    );
    // A result and an indicator's name the check refuses (a tab typed inside each): each said at
    // its cell.
    let tab = out.path().join("タブ.xlsx");
    fill(
        &book,
        &json!([
            {"sheet": "進捗", "cell": "D2", "value": "A"},
            {"sheet": "進捗", "cell": "E2", "value": "架空の\t結果です。"},
            {"sheet": "指標", "cell": "B2", "value": "架空の\t指標"},
        ]),
        &tab,
    );
    let before = listing(&f.path("plans"));
    let mut said = import(&f, "ja", &[&first, &second], &[]);
    said.push_str(&import(&f, "ja", &[&twice], &[]));
    said.push_str(&import(&f, "ja", &[&tab], &[]));
    assert_eq!(before, listing(&f.path("plans")));
    // A plan file not in canonical form: writing the entry would change more than it.
    f.edit(
        "plans/goal-2/2-1-1.json",
        "  \"and_others\": true",
        "    \"and_others\":   true",
    );
    let before = listing(&f.path("plans"));
    said.push_str(&import(&f, "ja", &[&first], &[]));
    assert_eq!(before, listing(&f.path("plans")));
    insta::assert_snapshot!(said);
}

/// From a review: a workbook naming a cell far outside its table (a few bytes in the file, a
/// grid of billions of cells if read whole) is one message and nothing else, at once; a row the
/// department left as it was neither blocks the import nor overwrites what was written in
/// GitHub's editor since the workbook was made.
#[test]
fn a_far_cell_is_refused_and_an_untouched_row_is_left_to_its_file() {
    let f = fixture();
    let (out, _) = sheets(&f, &["--year", "2026", "--department", "試験財務課"]);
    let book = out.path().join("試験財務課-2026.xlsx");
    let far = out.path().join("far.xlsx");
    fill(
        &book,
        &json!([
            {"sheet": "進捗", "cell": "E2", "value": "架空の訂正です。"},
            {"sheet": "進捗", "cell": "XFD1048576", "value": "架空"},
        ]),
        &far,
    );
    let mut said = import(&f, "ja", &[&far], &[]);
    // Plan 2-1-1 edited in GitHub's editor after the workbook was made; the department fills
    // another plan's row only.
    f.edit(
        "plans/goal-2/2-1-1.json",
        "架空の経費を見直しました。",
        "架空の経費をGitHubで見直しました。",
    );
    git(f.dir.path(), &["commit", "-qam", "edited on GitHub"]);
    let other = out.path().join("other-row.xlsx");
    fill(
        &book,
        &json!([
            {"sheet": "進捗", "cell": "D4", "value": "C"},
            {"sheet": "進捗", "cell": "E4", "value": "架空の公用車を減らしました。"},
        ]),
        &other,
    );
    said.push_str(&import(&f, "ja", &[&other], &["--year", "2026"]));
    assert!(
        f.read("plans/goal-2/2-1-1.json")
            .contains("GitHubで見直しました")
    );
    insta::assert_snapshot!(said);
}

/// From a review: indicators typed for a plan whose progress row is left empty are not dropped
/// without a word: the row is said to lack its status and results, and nothing is written.
#[test]
fn a_row_left_as_sent_leaves_an_entry_written_in_the_plan_file_since() {
    let f = fixture();
    // The workbook is made while 2-1-1 has no 2027 entry: its 2026 indicator is carried.
    let (out, _) = sheets(&f, &["--department", "試験財務課"]);
    // Then the department writes 2-1-1's 2027 entry in GitHub's editor.
    let rel = "plans/goal-2/2-1-1.json";
    let mut plan: Value = serde_json::from_str(&f.read(rel)).unwrap();
    plan["progress"]["2027"] = json!({
        "status": "A",
        "summary": "架空の見直しを GitHub で書きました。",
        "indicators": [{ "name": "架空の見直し件数", "unit": "件", "target": 120, "actual": 130 }]
    });
    std::fs::write(
        f.path(rel),
        serde_json::to_string_pretty(&plan).unwrap() + "\n",
    )
    .unwrap();
    assert_eq!(f.run(&["fmt"]).code, 0);
    commit_all(&f);
    let written = f.read(rel);
    // The workbook comes back with another plan's row filled and 2-1-1's left as it was sent.
    let back = out.path().join("試験財務課-2027-back.xlsx");
    fill(
        &out.path().join("試験財務課-2027.xlsx"),
        &json!([
            {"sheet": "進捗", "cell": "D3", "value": "B 架空の段階その二"},
            {"sheet": "進捗", "cell": "E3", "value": "架空の取組を進めました。"},
        ]),
        &back,
    );
    let imported = import(&f, "ja", &[&back], &[]);
    assert_eq!(f.read(rel), written);
    assert_eq!(run(&f, "ja", &["check"]).code, 0);
    insta::assert_snapshot!(imported);
}

#[test]
fn a_row_whose_title_is_another_plan_s_is_said_not_imported() {
    let f = fixture();
    let (out, _) = sheets(&f, &["--department", "試験財務課"]);
    let book = out.path().join("試験財務課-2027.xlsx");
    // The plan numbers sorted without their titles: each row names the other plan.
    let rows = &read(&book)["sheets"][0]["rows"];
    let title = |row: usize| rows[row][1]["value"].clone();
    let back = out.path().join("sorted.xlsx");
    fill(
        &book,
        &json!([
            {"sheet": "進捗", "cell": "B2", "value": title(2)},
            {"sheet": "進捗", "cell": "B3", "value": title(1)},
            {"sheet": "進捗", "cell": "D2", "value": "A"},
            {"sheet": "進捗", "cell": "E2", "value": "架空の結果です。"},
            {"sheet": "進捗", "cell": "D3", "value": "B"},
            {"sheet": "進捗", "cell": "E3", "value": "架空の別の結果です。"},
        ]),
        &back,
    );
    let ja = import(&f, "ja", &[&back], &[]);
    let en = import(&f, "en", &[&back], &[]);
    insta::assert_snapshot!(format!("{ja}\n{en}"));
}

#[test]
fn a_workbook_s_slips_and_what_check_refuses_are_said_in_one_round() {
    let f = fixture();
    let (out, _) = sheets(&f, &["--department", "試験財務課"]);
    let back = out.path().join("slips.xlsx");
    // A status that is not on the scale for 2-1-1, whose indicator's actual is also not a
    // figure; a tab pasted into 2-1-2's results, which only the data's check refuses.
    fill(
        &out.path().join("試験財務課-2027.xlsx"),
        &json!([
            {"sheet": "進捗", "cell": "D2", "value": "E"},
            {"sheet": "進捗", "cell": "E2", "value": "架空の結果です。"},
            {"sheet": "指標", "cell": "E2", "value": "たくさん"},
            {"sheet": "進捗", "cell": "D3", "value": "A"},
            {"sheet": "進捗", "cell": "E3", "value": "架空の\t結果です。"},
        ]),
        &back,
    );
    let ja = import(&f, "ja", &[&back], &[]);
    insta::assert_snapshot!(ja);
}

#[test]
fn a_workbook_made_before_its_department_was_renamed_is_the_new_name_s() {
    let f = fixture();
    let (out, _) = sheets(&f, &["--department", "試験財務課"]);
    let back = out.path().join("renamed.xlsx");
    fill(
        &out.path().join("試験財務課-2027.xlsx"),
        &json!([
            {"sheet": "進捗", "cell": "D3", "value": "A"},
            {"sheet": "進捗", "cell": "E3", "value": "架空の結果です。"},
        ]),
        &back,
    );
    // 機構改革: the department is renamed from 2027, after the workbooks went out.
    let renamed = run(
        &f,
        "ja",
        &[
            "department",
            "rename",
            "試験財務課",
            "架空財政課",
            "--from",
            "2027",
        ],
    );
    assert_eq!(renamed.code, 0, "{}{}", renamed.stdout, renamed.stderr);
    commit_all(&f);
    let imported = import(&f, "ja", &[&back], &[]);
    assert_eq!(run(&f, "ja", &["check"]).code, 0);
    insta::assert_snapshot!(imported);
}

#[test]
fn a_folder_named_in_place_of_the_workbooks_is_said_so() {
    let f = fixture();
    let (out, _) = sheets(&f, &["--department", "試験財務課"]);
    let ran = run(&f, "ja", &["import", out.path().to_str().unwrap()]);
    let shown = format!("exit code: {}\n{}{}", ran.code, ran.stdout, ran.stderr)
        .replace(out.path().to_str().unwrap(), "OUT");
    insta::assert_snapshot!(shown);
}

#[test]
fn a_formula_in_a_workbook_saved_as_ods_is_shown_as_typed() {
    let f = fixture();
    let (out, _) = sheets(&f, &["--department", "試験財務課"]);
    let filled = out.path().join("formula.xlsx");
    fill(
        &out.path().join("試験財務課-2027.xlsx"),
        &json!([
            {"sheet": "進捗", "cell": "D3", "value": "A"},
            {"sheet": "進捗", "cell": "E3", "value": "架空の結果です。"},
            {"sheet": "進捗", "cell": "G3", "value": "=SUM(100,200)"},
        ]),
        &filled,
    );
    let (_kept, saved) = through_calc(&filled, "ods");
    insta::assert_snapshot!(import(&f, "ja", &[&saved], &[]));
}

#[test]
fn a_workbook_sent_back_as_it_was_does_not_hide_another_that_was_filled() {
    let f = fixture();
    // 2026 sent again for corrections: 2-1-1's row is filled from its entry.
    let (out, _) = sheets(&f, &["--year", "2026", "--department", "試験財務課"]);
    let sent = out.path().join("試験財務課-2026.xlsx");
    let unchanged = out.path().join("unchanged.xlsx");
    fill(&sent, &json!([]), &unchanged);
    let corrected = out.path().join("corrected.xlsx");
    fill(
        &sent,
        &json!([{"sheet": "進捗", "cell": "E2", "value": "架空の経費を見直しました（訂正）。"}]),
        &corrected,
    );
    // The copy sent back as it was comes first: the corrected one's row is still taken.
    let said = import(&f, "ja", &[&unchanged, &corrected], &["--year", "2026"]);
    assert!(f.read("plans/goal-2/2-1-1.json").contains("（訂正）"));
    insta::assert_snapshot!(said);
}

#[test]
fn indicators_typed_for_an_empty_row_are_said_not_dropped() {
    let f = fixture();
    let (out, _) = sheets(&f, &["--department", "試験財務課"]);
    let book = out.path().join("試験財務課-2027.xlsx");
    let filled = out.path().join("indicators-only.xlsx");
    fill(
        &book,
        &json!([
            {"sheet": "指標", "cell": "B3", "value": "架空の新しい指標"},
            {"sheet": "指標", "cell": "C3", "value": "件"},
            {"sheet": "指標", "cell": "D3", "value": 5},
        ]),
        &filled,
    );
    let said = import(&f, "ja", &[&filled], &[]);
    assert!(said.contains("exit code: 1"), "{said}");
    insta::assert_snapshot!(said);
}
