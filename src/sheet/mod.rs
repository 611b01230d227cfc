//! The departments' progress workbooks: `plans sheet` writes one per department that reports
//! plans in a year, `plans import` reads them back.
//!
//! A workbook has four sheets: 「進捗」, a row per plan (number, title and departments locked;
//! the status from a drop-down of the scale, the results, the next steps and the fiscal effect
//! to fill in); 「指標」, a row per indicator (the plan's number locked; name, unit, target and
//! actual to fill in, carried over from the previous year's entry where the plan has one, and
//! two empty rows per plan for new ones); 「説明」, the instructions; and 「識別」, hidden,
//! which identifies the workbook: the format, the year, the department, the scale's codes and
//! each plan with the digest of the entry it started from, so that `import` refuses a
//! workbook for another year, department or scale, and an entry changed in the meantime.
//!
//! Reading is lenient where a person would be: a status chosen or typed as 「A 順調」, 「Ａ」
//! or 「順調」; numbers typed as text, in full-width digits, with thousands separators or the
//! unit (`96件`); paragraphs typed with Alt+Enter; empty rows; rows moved (plans are matched
//! by number). Everything else is one [`SheetProblem`] at its cell.

use std::collections::{BTreeMap, HashMap};

use unicode_normalization::UnicodeNormalization;

use crate::messages::SheetProblem;
use crate::model::{Model, Plan, PlanId, ProgressSetup, YearProgress};
use crate::output::xlsx::{self, Cell, Column, Input, Workbook};

mod ods;

/// The version of the workbook's layout: a workbook of another is refused.
pub const FORMAT: &str = "plans-sheet-1";

/// The sheets' names.
pub const PROGRESS: &str = "進捗";
pub const INDICATORS: &str = "指標";
pub const NOTES: &str = "説明";
pub const IDENTITY: &str = "識別";

/// The longest text of a year's results or next steps (the schema's `maxLength`).
pub const MAX_TEXT: u32 = 2000;
/// The longest indicator name and unit (the schema's).
const MAX_NAME: u32 = 200;
const MAX_UNIT: u32 = 20;

/// Empty rows per plan on 「指標」, for indicators new this year.
const SPARE_INDICATORS: usize = 2;

/// The unit of the fiscal effect offered when the plan has none yet.
const DEFAULT_UNIT: &str = "千円";

/// A department and the plans it reports.
pub type Reporter<'m> = (&'m str, Vec<&'m (PlanId, Plan)>);

/// The plans each department reports in `year`: those active that year whose first
/// department it is, for every registered department that has one (register order), or for
/// `only` alone.
pub fn reporters<'m>(model: &'m Model, year: i64, only: Option<&str>) -> Vec<Reporter<'m>> {
    let mut by: BTreeMap<usize, Reporter<'m>> = BTreeMap::new();
    let register: HashMap<&str, usize> = model
        .register
        .iter()
        .flat_map(|r| r.departments.iter())
        .enumerate()
        .map(|(i, d)| (d.name.as_str(), i))
        .collect();
    for entry @ (_, plan) in &model.plans {
        let Some(first) = plan.departments.first() else {
            continue;
        };
        if !plan.active_in(year) || only.is_some_and(|o| o != first) {
            continue;
        }
        let Some(&at) = register.get(first.as_str()) else {
            continue;
        };
        by.entry(at)
            .or_insert_with(|| (first.as_str(), Vec::new()))
            .1
            .push(entry);
    }
    by.into_values().collect()
}

/// The names a department has had since it was `name`, the latest last: `name`, then each
/// department of the register that was formerly called the one before (renamed or merged
/// since a workbook was made, its workbook is the new department's).
fn now_named(model: &Model, name: &str) -> Vec<String> {
    let mut names = vec![name.to_string()];
    while let Some(next) = model
        .register
        .iter()
        .flat_map(|r| r.departments.iter())
        .find(|d| d.formerly.iter().any(|f| Some(f) == names.last()))
        .filter(|d| !names.contains(&d.name))
    {
        names.push(next.name.clone());
    }
    names
}

/// The workbook's file name: `<department>-<year>.xlsx`, with every character a file name
/// cannot hold on Windows or elsewhere (`/ \ : * ? " < > |`, control characters) as `_`.
pub fn file_name(department: &str, year: i64) -> String {
    let safe: String = department
        .chars()
        .map(|c| match c {
            '/' | '\\' | ':' | '*' | '?' | '"' | '<' | '>' | '|' => '_',
            c if c.is_control() || crate::chars::is_invisible(c) => '_',
            c => c,
        })
        .collect();
    let safe = safe.trim_matches(['.', ' ']);
    format!("{safe}-{year}.xlsx")
}

/// A level of the scale as the drop-down offers it: 「A 順調」.
pub fn choice(code: &str, label: &str) -> String {
    format!("{code} {label}")
}

/// The entry of `year` in `plan`, if any.
pub fn entry_of(plan: &Plan, year: i64) -> Option<&YearProgress> {
    plan.progress.iter().find(|p| p.year() == Some(year))
}

/// A digest of an entry as the sheet shows it (status, results, next steps, fiscal effect,
/// indicators): the same entry always gives the same 16 hexadecimal digits, and no entry
/// `-`. A comment, which departments do not write, is not part of it.
pub fn digest(entry: Option<&YearProgress>) -> String {
    let Some(e) = entry else {
        return "-".to_string();
    };
    let indicators: Vec<serde_json::Value> = e
        .indicators
        .iter()
        .map(|i| serde_json::json!([i.name, i.unit, i.target, i.actual]))
        .collect();
    let value = serde_json::json!([
        e.status,
        e.summary,
        e.next_steps,
        e.fiscal_effect
            .as_ref()
            .map(|f| (f.amount.to_string(), f.unit.clone())),
        indicators
    ]);
    // FNV-1a, 64 bits: stable across versions and platforms.
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for b in value.to_string().bytes() {
        hash ^= u64::from(b);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    format!("{hash:016x}")
}

/// The instructions, one paragraph a row (the first is the title).
/// The 説明 sheet's paragraphs; `owner` is the section the workbook goes back to (the
/// outline's `"owner"`).
fn instructions(department: &str, year: i64, scale: &[String], owner: Option<&str>) -> Vec<String> {
    vec![
        format!("{year} 年度 進捗管理シート（{department}）"),
        "このブックは、担当課が報告する計画の、この年度の進捗を書き込むためのものです。黄色のセルだけに書き込めます。計画番号・計画名・担当課は変えられません。".to_string(),
        format!("「{PROGRESS}」のシート: 計画ごとに 1 行です。「評価」はセルを選ぶと出る一覧から選びます（{}）。「取組内容・実績」は必ず書きます。「課題・今後の方向性」と「財政効果額」は、あるときだけ書きます。財政効果額は数字だけを書き、単位は隣のセルに書きます。", scale.join("、")),
        "段落を分けるときは、セルの中で Alt キーを押しながら Enter キーを押します（Mac では Option キーと Return キー）。文は 1 セル 2,000 字までです。".to_string(),
        "LibreOffice で開いて、文が 1 行分しか見えないときは、行番号を選んで右クリックし、「最適な行の高さ」を選ぶと、すべて見えます。".to_string(),
        format!("「{INDICATORS}」のシート: 指標ごとに 1 行です。前の年度の指標の名前・単位・目標値を写してあります。実績値を書き込んでください。新しい指標は、その計画の空いている行に書きます。"),
        "数値のセルには数字だけを書きます（単位は付けません。単位は隣の列にあります）。まだ分からない数値は空けておきます。0 や「-」は書かないでください。".to_string(),
        "行や列を追加したり削除したりしないでください。行の順番を並べ替えてもかまいません（計画番号で読み取ります）。報告しない計画の行は空けておきます。".to_string(),
        format!(
            "書き終えたら、ファイル名を変えずに保存して、{}へ送ってください。",
            owner.unwrap_or("このブックを送ってきた課")
        ),
    ]
}

/// One department's workbook for `year`: its plans' rows, filled from their entries of the
/// year where they have one.
pub fn workbook(
    title: &str,
    owner: Option<&str>,
    setup: &ProgressSetup,
    year: i64,
    department: &str,
    plans: &[&(PlanId, Plan)],
) -> Result<Vec<u8>, xlsx::Error> {
    let choices: Vec<String> = setup
        .scale
        .iter()
        .map(|l| choice(&l.code, &l.label))
        .collect();
    let text = |title| Input::Text {
        max: MAX_TEXT,
        title,
        message: "2,000 字までで書いてください。",
    };
    let number = Input::Number {
        title: "数値",
        message: "数値だけを書いてください（単位は隣のセルに書きます）。分からないときは空けておきます。",
    };
    // Printed on A4 landscape at full size: the columns' widths add up to 142 (Excel's units,
    // about 7 pixels each and 5 more a column), within the 10.9 inches between the margins;
    // the narrowest header's column holds four Japanese characters a line.
    let progress_columns = [
        Column {
            header: "計画番号",
            width: 8.0,
            input: None,
        },
        Column {
            header: "計画名",
            width: 22.0,
            input: None,
        },
        Column {
            header: "担当課",
            width: 12.0,
            input: None,
        },
        Column {
            header: "評価",
            width: 11.0,
            input: Some(Input::Choice {
                choices: &choices,
                title: "評価",
                message: "一覧から選んでください。",
            }),
        },
        Column {
            header: "取組内容・実績",
            width: 44.0,
            input: Some(text("取組内容・実績")),
        },
        Column {
            header: "課題・今後の方向性",
            width: 26.0,
            input: Some(text("課題・今後の方向性")),
        },
        Column {
            header: "財政効果額",
            width: 10.0,
            input: Some(number.clone()),
        },
        Column {
            header: "財政効果額の単位",
            width: 9.0,
            input: Some(Input::Text {
                max: MAX_UNIT,
                title: "単位",
                message: "単位は 20 字までです（例: 千円）。",
            }),
        },
    ];
    let mut progress_rows = Vec::with_capacity(plans.len());
    let mut indicator_rows = Vec::new();
    let mut identity = vec![
        vec![Cell::text("format"), Cell::text(FORMAT)],
        vec![Cell::text("year"), Cell::text(year.to_string())],
        vec![Cell::text("department"), Cell::text(department)],
        // Which plan repository: the outline's title.
        vec![Cell::text("outline"), Cell::text(title)],
    ];
    let mut scale = vec![Cell::text("scale")];
    scale.extend(setup.scale.iter().map(|l| Cell::text(l.code.as_str())));
    identity.push(scale);
    for (id, plan) in plans {
        let entry = entry_of(plan, year);
        let previous = plan
            .progress
            .iter()
            .filter(|p| p.year().is_some_and(|y| y < year))
            .max_by_key(|p| p.year());
        let status = entry.and_then(|e| e.status.as_deref()).map(|code| {
            setup
                .scale
                .iter()
                .find(|l| l.code == code)
                .map_or_else(|| code.to_string(), |l| choice(&l.code, &l.label))
        });
        let unit = entry
            .or(previous)
            .and_then(|e| e.fiscal_effect.as_ref())
            .map_or(DEFAULT_UNIT, |f| f.unit.as_str());
        progress_rows.push(vec![
            Cell::text(id.to_string()),
            Cell::text(plan.title.as_str()),
            Cell::text(format!(
                "{}{}",
                plan.departments.join("、"),
                if plan.and_others { "等" } else { "" }
            )),
            status.map_or(Cell::Empty, Cell::text),
            entry.map_or(Cell::Empty, |e| Cell::text(e.summary.as_str())),
            entry
                .and_then(|e| e.next_steps.as_deref())
                .map_or(Cell::Empty, Cell::text),
            Cell::number(
                entry
                    .and_then(|e| e.fiscal_effect.as_ref())
                    .and_then(|f| f.amount.as_f64()),
            ),
            Cell::text(unit),
        ]);
        // The year's own indicators with their actuals, or the previous year's without: what
        // `read` takes for the indicators as written.
        let carried =
            written_indicators(plan, year)
                .into_iter()
                .map(|(name, unit, target, actual)| {
                    vec![
                        Cell::text(id.to_string()),
                        Cell::text(name),
                        Cell::text(unit),
                        Cell::number(target),
                        Cell::number(actual),
                    ]
                });
        indicator_rows.extend(carried);
        for _ in 0..SPARE_INDICATORS {
            indicator_rows.push(vec![Cell::text(id.to_string())]);
        }
        identity.push(vec![
            Cell::text("plan"),
            Cell::text(id.to_string()),
            Cell::text(digest(entry)),
        ]);
    }
    let indicator_columns = [
        Column {
            header: "計画番号",
            width: 9.0,
            input: None,
        },
        Column {
            header: "指標名",
            width: 36.0,
            input: Some(Input::Text {
                max: MAX_NAME,
                title: "指標名",
                message: "指標名は 200 字までです。",
            }),
        },
        Column {
            header: "単位",
            width: 10.0,
            input: Some(Input::Text {
                max: MAX_UNIT,
                title: "単位",
                message: "単位は 20 字までです（例: 件、%）。",
            }),
        },
        Column {
            header: "目標値",
            width: 14.0,
            input: Some(number.clone()),
        },
        Column {
            header: "実績値",
            width: 14.0,
            input: Some(number),
        },
    ];
    let mut book = Workbook::new(&format!("{year} 年度 進捗管理シート（{department}）"));
    book.form(PROGRESS, &progress_columns, progress_rows)?;
    book.form(INDICATORS, &indicator_columns, indicator_rows)?;
    let notes = instructions(department, year, &choices, owner);
    let notes: Vec<&str> = notes.iter().map(String::as_str).collect();
    book.notes(NOTES, &notes)?;
    book.hidden(IDENTITY, identity)?;
    book.finish()
}

/// A problem in a returned workbook, at a sheet and cell where it has one.
#[derive(Debug, Clone, PartialEq)]
pub struct Found {
    /// The sheet and the cell (`C7`), when the problem is in one.
    pub at: Option<(&'static str, String)>,
    pub problem: SheetProblem,
}

/// What a returned workbook says: its year, its department, and each plan's new entry with
/// the digest of the entry the workbook started from.
#[derive(Debug, Clone, PartialEq)]
pub struct Returned {
    pub year: i64,
    pub department: String,
    pub entries: Vec<NewEntry>,
}

/// A plan's entry as the workbook has it.
#[derive(Debug, Clone, PartialEq)]
pub struct NewEntry {
    pub id: PlanId,
    /// The digest of the entry the workbook was made from ([`digest`]).
    pub started_from: String,
    /// Where its row is (for a message about the plan).
    pub cell: String,
    pub status: String,
    pub summary: String,
    pub next_steps: Option<String>,
    pub fiscal_effect: Option<(serde_json::Number, String)>,
    pub indicators: Vec<NewIndicator>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct NewIndicator {
    /// Its row on the indicators' sheet (`cell_name(row, 0)` is its plan number's cell).
    pub row: u32,
    pub name: String,
    pub unit: String,
    pub target: Option<serde_json::Number>,
    pub actual: Option<serde_json::Number>,
}

/// An indicator as a workbook holds it: name, unit, target, actual.
type Written = (String, String, Option<f64>, Option<f64>);

/// The indicators a workbook is written with for `plan` in `year`: the year's own, else the
/// previous year's without their actual figure.
fn written_indicators(plan: &Plan, year: i64) -> Vec<Written> {
    match entry_of(plan, year) {
        Some(e) => written(e, true),
        None => carried_indicators(plan, year),
    }
}

/// The previous year's indicators of `plan`, carried into a workbook for `year` without their
/// actual figures (what a workbook made before the year had an entry holds).
fn carried_indicators(plan: &Plan, year: i64) -> Vec<Written> {
    plan.progress
        .iter()
        .filter(|p| p.year().is_some_and(|y| y < year))
        .max_by_key(|p| p.year())
        .map(|p| written(p, false))
        .unwrap_or_default()
}

/// An entry's indicators as a workbook holds them, their actual figures only `with_actual`.
fn written(entry: &YearProgress, with_actual: bool) -> Vec<Written> {
    entry
        .indicators
        .iter()
        .map(|i| {
            (
                i.name.clone(),
                i.unit.clone().unwrap_or_default(),
                i.target,
                i.actual.filter(|_| with_actual),
            )
        })
        .collect()
}

type Range = calamine::Range<calamine::Data>;

/// The value at row `row`, column `col` (from 0), as text: numbers as written, nothing for an
/// empty cell or a text of spaces.
fn raw(range: &Range, row: u32, col: u32) -> Option<&calamine::Data> {
    range
        .get_value((row, col))
        .filter(|d| !matches!(d, calamine::Data::Empty))
}

/// The row (from 0) of a cell named as [`cell_name`] names it (`C7` is row 6).
fn row_of(cell: &str) -> Option<u32> {
    cell.trim_start_matches(|c: char| c.is_ascii_alphabetic())
        .parse::<u32>()
        .ok()?
        .checked_sub(1)
}

fn cell_name(row: u32, col: u32) -> String {
    // Columns as Excel names them: A … Z, AA … AZ, BA …
    let mut letters = Vec::new();
    let mut n = col + 1;
    while n > 0 {
        n -= 1;
        letters.push(char::from(b'A' + (n % 26) as u8));
        n /= 26;
    }
    let letters: String = letters.iter().rev().collect();
    format!("{letters}{}", row + 1)
}

/// A cell as text: trimmed, NFC, `None` when empty.
fn text(range: &Range, row: u32, col: u32) -> Option<String> {
    use calamine::Data;
    let value = match raw(range, row, col)? {
        Data::String(s) | Data::DateTimeIso(s) | Data::DurationIso(s) => s.clone(),
        Data::Float(f) => number_text(*f),
        Data::Int(i) => i.to_string(),
        Data::Bool(b) => if *b { "TRUE" } else { "FALSE" }.to_string(),
        Data::DateTime(d) => number_text(d.as_f64()),
        Data::Error(_) | Data::Empty => return None,
    };
    let value: String = value.nfc().collect();
    let value = value.trim();
    (!value.is_empty()).then(|| value.to_string())
}

fn number_text(f: f64) -> String {
    if f.fract() == 0.0 && f.abs() < 1e15 {
        format!("{}", f as i64)
    } else {
        f.to_string()
    }
}

/// Paragraphs as a person typed them with Alt+Enter (`\r\n`, `\r` or `\n`): each trimmed,
/// empty ones dropped, joined with `\n`.
pub fn paragraphs(typed: &str) -> Option<String> {
    let joined: Vec<&str> = typed
        .split(['\n', '\r'])
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect();
    (!joined.is_empty()).then(|| joined.join("\n"))
}

/// A JSON number for `x`: a whole number without a fraction, as it is typed.
fn json_number(x: f64) -> Option<serde_json::Number> {
    if x.fract() == 0.0 && x.abs() < 9e15 {
        Some(serde_json::Number::from(x as i64))
    } else {
        serde_json::Number::from_f64(x)
    }
}

/// A number as a person types it: full-width digits, thousands separators, 「△」 or 「▲」 for
/// minus, and the unit after it; `Err` with what is wrong.
pub fn figure(typed: &str, unit: &str) -> Result<f64, SheetProblem> {
    let folded: String = typed.nfkc().collect();
    let folded = folded.trim();
    let (negative, body) = match folded.strip_prefix(['△', '▲', '-', '\u{2212}']) {
        Some(rest) => (true, rest.trim_start()),
        None => (false, folded),
    };
    let end = body
        .char_indices()
        .find(|(_, c)| !(c.is_ascii_digit() || *c == '.' || *c == ','))
        .map_or(body.len(), |(i, _)| i);
    let (digits, rest) = body.split_at(end);
    let rest = rest.trim();
    let wanted: String = unit.nfkc().collect();
    // Commas only as thousands separators: 「1,200」, 「12,345.6」; 「1,5」 is no number.
    let whole = digits.split('.').next().unwrap_or_default();
    let grouped = !whole.contains(',')
        || whole.split(',').enumerate().all(|(i, group)| {
            group.chars().all(|c| c.is_ascii_digit())
                && if i == 0 {
                    (1..=3).contains(&group.len())
                } else {
                    group.len() == 3
                }
        });
    let separators_in_fraction = digits.split('.').skip(1).any(|f| f.contains(','));
    let digits = digits.replace(',', "");
    let value: Option<f64> = (grouped && !separators_in_fraction)
        .then(|| digits.parse().ok())
        .flatten()
        .filter(|v: &f64| v.is_finite());
    // 「1.2万」: a place word of Japanese counting, with the unit after it or none.
    let place = [('万', 1e4), ('億', 1e8)]
        .into_iter()
        .find_map(|(word, times)| {
            let after = rest.strip_prefix(word)?.trim();
            (after.is_empty() || after == wanted.trim()).then_some(times)
        });
    match value {
        Some(v) if rest.is_empty() || rest == wanted.trim() => Ok(if negative { -v } else { v }),
        Some(v) if let Some(times) = place => {
            // To a millionth, as 1.2 × 10,000 is 12000.000000000002 in binary.
            let whole = (v * times * 1e6).round() / 1e6;
            Err(SheetProblem::PlaceWord {
                typed: typed.to_string(),
                written: format!("{}{whole}", if negative { "-" } else { "" }),
            })
        }
        Some(_) => Err(SheetProblem::UnitMismatch {
            typed: typed.to_string(),
            unit: unit.to_string(),
        }),
        None => Err(SheetProblem::NotANumber {
            typed: typed.to_string(),
        }),
    }
}

/// The number a cell holds (not a text of digits).
fn number_at(range: &Range, row: u32, col: u32) -> Option<f64> {
    match raw(range, row, col)? {
        calamine::Data::Float(f) => Some(*f),
        calamine::Data::Int(i) => Some(*i as f64),
        _ => None,
    }
}

/// What a workbook says of how a number cell is shown.
#[derive(Debug, Clone, PartialEq)]
enum Shown {
    /// Its number format (xlsx), if it has one.
    Format(Option<String>),
    /// Whether it is a percentage cell holding this value (ods: `office:value-type`).
    Percentage(Option<f64>),
    /// Nothing: the workbook's format (xls, xlsb) is read without its number formats.
    Unknown { format: &'static str },
}

/// A figure of a cell: a number as it is, a text read by [`figure`], a date refused. A number
/// its cell is `shown` as a percentage (Excel and LibreOffice store 「96%」 typed in it as
/// 0.96) is read as that percentage, with its unit 「%」. In a workbook whose number formats
/// cannot be read, a number (other than 0) in a column counted in 「%」 is refused: it may be a
/// percentage so converted (「105%」 is 1.05), and reading it as it is would make it a
/// hundredth.
fn figure_at(
    range: &Range,
    row: u32,
    col: u32,
    unit: &str,
    shown_as: &Shown,
) -> Result<Option<f64>, SheetProblem> {
    use calamine::Data;
    let percent = |v: f64| match shown_as {
        Shown::Format(format) => format.as_deref().is_some_and(|f| shows_percent(f, v)),
        Shown::Percentage(stored) => *stored == Some(v),
        Shown::Unknown { .. } => false,
    };
    // 0.965 × 100 is 96.49999999999999 in binary: the percentage to a billionth.
    let hundredfold = |v: f64| (v * 100.0 * 1e9).round() / 1e9;
    let ambiguous = |v: f64| match shown_as {
        Shown::Unknown { format } if v != 0.0 && counted_in_percent(unit) => {
            Some(SheetProblem::PercentUnknown {
                value: v.to_string(),
                percent: hundredfold(v).to_string(),
                format,
            })
        }
        _ => None,
    };
    let shown = |v: f64| {
        let hundredfold = hundredfold(v);
        if !hundredfold.is_finite() {
            return Err(SheetProblem::NotANumber {
                typed: v.to_string(),
            });
        }
        figure(&format!("{hundredfold}%"), unit).map(Some)
    };
    let number = |v: f64| match ambiguous(v) {
        Some(problem) => Err(problem),
        None if percent(v) => shown(v),
        None => Ok(Some(v)),
    };
    match raw(range, row, col) {
        None => Ok(None),
        Some(Data::Float(f)) => number(*f),
        Some(Data::Int(i)) => number(*i as f64),
        Some(Data::DateTime(_) | Data::DateTimeIso(_) | Data::DurationIso(_)) => {
            Err(SheetProblem::DateNotNumber)
        }
        Some(_) => match text(range, row, col) {
            None => Ok(None),
            Some(t) => figure(&t, unit).map(Some),
        },
    }
}

/// Whether a unit column's `unit` is 「%」 (in either width, with spaces around it).
fn counted_in_percent(unit: &str) -> bool {
    let folded: String = unit.nfkc().collect();
    folded.trim() == "%"
}

/// The level of the scale a typed status names: its code (any width or case), its label, or
/// both as the drop-down offers them.
pub fn level<'s>(typed: &str, setup: &'s ProgressSetup) -> Option<&'s str> {
    let folded: String = typed.nfkc().collect();
    let words: Vec<&str> = folded.split_whitespace().collect();
    let folded = words.join(" ");
    let norm = |s: &str| -> String { s.nfkc().collect() };
    setup
        .scale
        .iter()
        .find_map(|l| {
            let code = norm(&l.code);
            let label = norm(&l.label);
            let same = folded.eq_ignore_ascii_case(&code)
                || folded == label
                || folded == choice(&code, &label)
                || folded == format!("{code}{label}");
            same.then_some(l.code.as_str())
        })
        .or_else(|| {
            // A code chosen with a label the scale has renamed since the workbook was made
            // (「A 旧い名前」): the code, unless the words are another level's label.
            let (first, rest) = folded.split_once(' ')?;
            let level = setup
                .scale
                .iter()
                .find(|l| first.eq_ignore_ascii_case(&norm(&l.code)))?;
            // Nothing of another level: its label, or its code as a word.
            let another = setup.scale.iter().any(|l| {
                l.code != level.code
                    && (rest.contains(&norm(&l.label))
                        || rest
                            .split_whitespace()
                            .any(|w| w.eq_ignore_ascii_case(&norm(&l.code))))
            });
            (!another).then_some(level.code.as_str())
        })
}

/// What a workbook says of how its filled sheets' number cells are shown, those sheets in the
/// order [`read`] names them.
enum Shows {
    Formats([Option<calamine::StyleRange>; 2]),
    Percentages(Vec<ods::Percentages>),
    Nothing { format: &'static str },
}

/// Reads a returned workbook's bytes: the entries of the rows read without a problem, with
/// every problem of its cells; or, when the workbook cannot be taken at all (another year,
/// department, scale or format), why. Only a workbook for the year `asked` (`--year`), or
/// else the year being reported, is taken.
pub fn read(
    bytes: &[u8],
    model: &Model,
    asked: Option<i64>,
) -> Result<(Returned, Vec<Found>), Vec<Found>> {
    use calamine::Reader;
    let whole = |problem| vec![Found { at: None, problem }];
    let mut sheets = calamine::open_workbook_auto_from_rs(std::io::Cursor::new(bytes))
        .map_err(|_| whole(SheetProblem::NotAWorkbook))?;
    let names = sheets.sheet_names();
    let has = |name: &str| names.iter().any(|n| n == name);
    if !has(IDENTITY) {
        return Err(whole(SheetProblem::NotASheet));
    }
    for name in [PROGRESS, INDICATORS] {
        if !has(name) {
            return Err(whole(SheetProblem::SheetMissing { sheet: name }));
        }
    }
    let range =
        |sheets: &mut calamine::Sheets<_>, name: &'static str| match bounded_range(sheets, name) {
            Ok(range) => Ok(range),
            Err(Some(())) => Err(whole(SheetProblem::TooLarge { sheet: name })),
            Err(None) => Err(whole(SheetProblem::NotAWorkbook)),
        };
    let identity = range(&mut sheets, IDENTITY)?;
    let progress = range(&mut sheets, PROGRESS)?;
    let indicators = range(&mut sheets, INDICATORS)?;
    // How the number cells are shown (the cells are within the bounds just measured): an
    // xlsx workbook's number formats, an ods workbook's percentage cells, or nothing.
    let filled = [PROGRESS, INDICATORS];
    let shows = match &mut sheets {
        calamine::Sheets::Xlsx(x) => {
            Shows::Formats(filled.map(|name| x.worksheet_style(name).ok()))
        }
        // An .ods whose content calamine read but this cannot: as if it said nothing.
        calamine::Sheets::Ods(_) => ods::percentages(bytes, &filled, MAX_ROWS, MAX_COLUMNS)
            .map_or(Shows::Nothing { format: ".ods" }, Shows::Percentages),
        calamine::Sheets::Xls(_) => Shows::Nothing { format: ".xls" },
        calamine::Sheets::Xlsb(_) => Shows::Nothing { format: ".xlsb" },
    };
    let format_of = |sheet: &str, row: u32, col: u32| {
        let index = filled.iter().position(|s| *s == sheet);
        match &shows {
            Shows::Formats(styles) => Shown::Format(
                index
                    .and_then(|i| styles[i].as_ref()?.get((row, col)))
                    .and_then(|style| style.number_format.as_ref())
                    .map(|format| format.format_code.clone()),
            ),
            Shows::Percentages(cells) => {
                Shown::Percentage(index.and_then(|i| cells.get(i)?.get(&(row, col))).copied())
            }
            Shows::Nothing { format } => Shown::Unknown { format },
        }
    };
    // The formulas of the sheets a department fills in (their cells are within the bounds
    // just measured): each is said at its cell, as only values typed in are taken.
    let mut formulas = Vec::new();
    // Only in the columns import reads (what is beyond them is not taken anyway), and at most
    // FORMULAS_SAID a sheet, then how many more.
    for (sheet, columns) in [(PROGRESS, 8), (INDICATORS, 5)] {
        let Ok(found) = sheets.worksheet_formula(sheet) else {
            continue;
        };
        let (top, left) = found.start().unwrap_or((0, 0));
        let mut said = 0;
        let mut more = 0;
        for (row, col, formula) in found.used_cells() {
            let (row, col) = (top + row as u32, left + col as u32);
            if formula.trim().is_empty() || col >= columns {
                continue;
            }
            if said == FORMULAS_SAID {
                more += 1;
                continue;
            }
            said += 1;
            // An .ods keeps its formulas as OpenFormula, `of:=10*100`.
            let formula = formula.strip_prefix("of:").unwrap_or(formula);
            let mut shown: String = formula.chars().take(FORMULA_SHOWN).collect();
            if formula.chars().count() > FORMULA_SHOWN {
                shown.push('…');
            }
            // Excel keeps a formula without its `=`.
            if !shown.starts_with('=') {
                shown.insert(0, '=');
            }
            formulas.push(Found {
                at: Some((sheet, cell_name(row, col))),
                problem: SheetProblem::Formula { formula: shown },
            });
        }
        if more > 0 {
            formulas.push(Found {
                at: None,
                problem: SheetProblem::MoreFormulas { sheet, more },
            });
        }
    }
    let Some(setup) = model.outline.as_ref().and_then(|o| o.setup()) else {
        return Err(whole(SheetProblem::ProgressOff));
    };
    // What identifies the workbook.
    let mut format = None;
    let mut year = None;
    let mut department = None;
    let mut outline = None;
    let mut scale = Vec::new();
    let mut started: HashMap<PlanId, String> = HashMap::new();
    let (rows, _) = identity.get_size();
    let identity_start = identity.start().unwrap_or((0, 0)).0;
    for row in identity_start..identity_start + u32::try_from(rows).unwrap_or(0) {
        let key = text(&identity, row, 0);
        match key.as_deref() {
            Some("format") => format = text(&identity, row, 1),
            Some("year") => year = text(&identity, row, 1).and_then(|y| y.parse::<i64>().ok()),
            Some("department") => department = text(&identity, row, 1),
            Some("outline") => outline = Some(text(&identity, row, 1).unwrap_or_default()),
            Some("scale") => {
                scale = (1..)
                    .map_while(|col| text(&identity, row, col))
                    .collect::<Vec<_>>();
            }
            Some("plan") => {
                if let (Some(id), Some(d)) = (
                    text(&identity, row, 1).and_then(|i| PlanId::parse(&i)),
                    text(&identity, row, 2),
                ) {
                    started.insert(id, d);
                }
            }
            _ => {}
        }
    }
    if format.as_deref() != Some(FORMAT) {
        return Err(whole(SheetProblem::OtherFormat {
            found: format.unwrap_or_default(),
        }));
    }
    let (Some(year), Some(department)) = (year, department) else {
        return Err(whole(SheetProblem::NotASheet));
    };
    let title = model.outline.as_ref().map_or("", |o| o.title.as_str());
    if outline.as_deref() != Some(title) {
        return Err(whole(SheetProblem::OtherPlan {
            found: outline.unwrap_or_default(),
            title: title.to_string(),
        }));
    }
    if let Err(e) = crate::progress::chosen_year(setup, Some(year)) {
        return Err(whole(SheetProblem::YearRefused {
            year,
            error: Box::new(e),
        }));
    }
    let taken = asked.unwrap_or(setup.reporting_year);
    if year != taken {
        return Err(whole(SheetProblem::OtherYear {
            year,
            taken,
            asked: asked.is_some(),
        }));
    }
    let codes: Vec<String> = setup.scale.iter().map(|l| l.code.clone()).collect();
    if scale != codes {
        return Err(whole(SheetProblem::OtherScale {
            found: scale,
            scale: codes,
        }));
    }
    let reported = now_named(model, &department)
        .iter()
        .map(|name| reporters(model, year, Some(name)))
        .find(|r| !r.is_empty())
        .unwrap_or_default();
    let Some((_, plans)) = reported.first() else {
        return Err(whole(SheetProblem::NoPlans { department, year }));
    };
    let plan_of: HashMap<PlanId, &Plan> = plans.iter().map(|(id, p)| (*id, p)).collect();
    let mut problems = formulas;
    let mut indicator_problems = Vec::new();
    let at = |sheet: &'static str, row: u32, col: u32, problem| Found {
        at: Some((sheet, cell_name(row, col))),
        problem,
    };
    // The indicators, by plan, in the order of the rows.
    let mut by_plan: HashMap<PlanId, Vec<NewIndicator>> = HashMap::new();
    let mut actual_typed: HashMap<PlanId, bool> = HashMap::new();
    let start = indicators.start().unwrap_or((0, 0)).0.max(1);
    let end = indicators.end().map_or(0, |e| e.0);
    for row in start..=end {
        let name = text(&indicators, row, 1);
        let unit = text(&indicators, row, 2);
        let typed = [3, 4].map(|col| raw(&indicators, row, col).is_some());
        if name.is_none() && unit.is_none() && !typed[0] && !typed[1] {
            continue;
        }
        let id_text = text(&indicators, row, 0);
        let Some(id) = id_text.as_deref().and_then(PlanId::parse_lookalike) else {
            indicator_problems.push(at(INDICATORS, row, 0, SheetProblem::PlanNumberMissing));
            continue;
        };
        if !plan_of.contains_key(&id) {
            indicator_problems.push(at(
                INDICATORS,
                row,
                0,
                SheetProblem::PlanNotInSheet {
                    id: id.to_string(),
                    department: department.clone(),
                },
            ));
            continue;
        }
        let figures = [3, 4].map(|col| {
            let unit = unit.as_deref().unwrap_or("");
            let mut shown = format_of(INDICATORS, row, col);
            // Where the workbook says nothing of how a cell is shown, a figure this indicator
            // was written with is the one written, never a converted one.
            let written = |v: f64| {
                plan_of.get(&id).is_some_and(|plan| {
                    written_indicators(plan, year)
                        .into_iter()
                        .chain(carried_indicators(plan, year))
                        .any(|(n, u, target, actual)| {
                            Some(&n) == name.as_ref()
                                && u == unit
                                && Some(v) == if col == 3 { target } else { actual }
                        })
                })
            };
            if matches!(shown, Shown::Unknown { .. })
                && number_at(&indicators, row, col).is_some_and(written)
            {
                shown = Shown::Format(None);
            }
            figure_at(&indicators, row, col, unit, &shown)
        });
        let mut values = [None, None];
        for (i, (col, f)) in [3u32, 4].into_iter().zip(figures).enumerate() {
            match f {
                Ok(v) => values[i] = v.and_then(json_number),
                Err(p) => indicator_problems.push(at(INDICATORS, row, col, p)),
            }
        }
        let Some(name) = name else {
            indicator_problems.push(at(INDICATORS, row, 1, SheetProblem::IndicatorNameMissing));
            continue;
        };
        for (col, value, max) in [
            (1, &name, MAX_NAME),
            (2, unit.as_ref().unwrap_or(&String::new()), MAX_UNIT),
        ] {
            let length = value.chars().count();
            if length > max as usize {
                indicator_problems.push(at(
                    INDICATORS,
                    row,
                    col,
                    SheetProblem::TooLong { length, max },
                ));
            }
        }
        if typed[1] {
            actual_typed.insert(id, true);
        }
        let [target, actual] = values;
        by_plan.entry(id).or_default().push(NewIndicator {
            row,
            name,
            unit: unit.unwrap_or_default(),
            target,
            actual,
        });
    }
    // The plans' rows.
    let mut entries = Vec::new();
    let mut seen: HashMap<PlanId, String> = HashMap::new();
    let start = progress.start().unwrap_or((0, 0)).0.max(1);
    let end = progress.end().map_or(0, |e| e.0);
    for row in start..=end {
        let status = text(&progress, row, 3);
        let summary = text(&progress, row, 4).and_then(|t| paragraphs(&t));
        let next_steps = text(&progress, row, 5).and_then(|t| paragraphs(&t));
        let amount_typed = raw(&progress, row, 6).is_some();
        let id = text(&progress, row, 0).and_then(|t| PlanId::parse_lookalike(&t));
        let filled = status.is_some() || summary.is_some() || next_steps.is_some() || amount_typed;
        let Some(id) = id else {
            if filled {
                problems.push(at(PROGRESS, row, 0, SheetProblem::PlanNumberMissing));
            }
            continue;
        };
        if !plan_of.contains_key(&id) {
            if filled {
                problems.push(at(
                    PROGRESS,
                    row,
                    0,
                    SheetProblem::PlanNotInSheet {
                        id: id.to_string(),
                        department: department.clone(),
                    },
                ));
            }
            continue;
        };
        if let Some(first) = seen.get(&id) {
            problems.push(at(
                PROGRESS,
                row,
                0,
                SheetProblem::PlanTwice {
                    id: id.to_string(),
                    first: first.clone(),
                },
            ));
            continue;
        }
        seen.insert(id, cell_name(row, 0));
        // The title beside the plan number is the plan's (or one since renamed), never another
        // plan's of the workbook: else the row's columns were sorted apart.
        if let Some(title) = text(&progress, row, 1)
            && plan_of.get(&id).is_some_and(|p| p.title != title)
            && let Some((other, _)) = plans.iter().find(|(o, p)| *o != id && p.title == title)
        {
            problems.push(at(
                PROGRESS,
                row,
                1,
                SheetProblem::RowMixed {
                    id: id.to_string(),
                    title,
                    other: other.to_string(),
                },
            ));
            continue;
        }
        // Indicators typed for a plan whose row is left empty are the department's too: the
        // row is then said to lack its status and results, rather than the indicators dropped.
        // As the workbook was written: with the year's entry, or (made before the year had
        // one, as when the entry was written in the plan file since) the previous year's.
        let indicators_typed = by_plan.get(&id).is_some_and(|typed| {
            let typed: Vec<Written> = typed
                .iter()
                .map(|i| {
                    (
                        i.name.clone(),
                        i.unit.clone(),
                        i.target.as_ref().and_then(serde_json::Number::as_f64),
                        i.actual.as_ref().and_then(serde_json::Number::as_f64),
                    )
                })
                .collect();
            plan_of.get(&id).is_some_and(|plan| {
                typed != written_indicators(plan, year) && typed != carried_indicators(plan, year)
            })
        });
        if !filled && !actual_typed.contains_key(&id) && !indicators_typed {
            continue;
        }
        let before = problems.len();
        let status = match status {
            None => {
                problems.push(at(PROGRESS, row, 3, SheetProblem::StatusMissing));
                None
            }
            Some(typed) => match level(&typed, setup) {
                Some(code) => Some(code.to_string()),
                None => {
                    problems.push(at(
                        PROGRESS,
                        row,
                        3,
                        SheetProblem::UnknownStatus {
                            typed,
                            choices: setup
                                .scale
                                .iter()
                                .map(|l| choice(&l.code, &l.label))
                                .collect(),
                        },
                    ));
                    None
                }
            },
        };
        if summary.is_none() {
            problems.push(at(PROGRESS, row, 4, SheetProblem::SummaryMissing));
        }
        for (col, value) in [(4, &summary), (5, &next_steps)] {
            let length = value.as_ref().map_or(0, |v| v.chars().count());
            if length > MAX_TEXT as usize {
                problems.push(at(
                    PROGRESS,
                    row,
                    col,
                    SheetProblem::TooLong {
                        length,
                        max: MAX_TEXT,
                    },
                ));
            }
        }
        let unit = text(&progress, row, 7);
        let amount = match figure_at(
            &progress,
            row,
            6,
            unit.as_deref().unwrap_or_default(),
            &format_of(PROGRESS, row, 6),
        ) {
            Ok(v) => v.and_then(json_number),
            Err(p) => {
                problems.push(at(PROGRESS, row, 6, p));
                None
            }
        };
        let fiscal_effect = match (amount, unit) {
            (Some(a), Some(u)) if u.chars().count() <= MAX_UNIT as usize => Some((a, u)),
            (Some(_), Some(u)) => {
                problems.push(at(
                    PROGRESS,
                    row,
                    7,
                    SheetProblem::TooLong {
                        length: u.chars().count(),
                        max: MAX_UNIT,
                    },
                ));
                None
            }
            (Some(_), None) => {
                problems.push(at(PROGRESS, row, 7, SheetProblem::UnitMissing));
                None
            }
            (None, _) => None,
        };
        if problems.len() > before {
            continue;
        }
        entries.push(NewEntry {
            id,
            started_from: started.get(&id).cloned().unwrap_or_else(|| "-".to_string()),
            cell: cell_name(row, 0),
            status: status.unwrap_or_default(),
            summary: summary.unwrap_or_default(),
            next_steps,
            fiscal_effect,
            indicators: by_plan.remove(&id).unwrap_or_default(),
        });
    }
    problems.extend(indicator_problems);
    // In the order of the sheets and their rows (a formula among the rest of its row's).
    // (How many more formulas a sheet has: after that sheet's.)
    problems.sort_by_key(|f| match (&f.at, &f.problem) {
        (Some((sheet, cell)), _) => Some((*sheet != PROGRESS, row_of(cell).map_or(0, |r| r + 1))),
        (None, SheetProblem::MoreFormulas { sheet, .. }) => Some((*sheet != PROGRESS, u32::MAX)),
        (None, _) => None,
    });
    // A plan with a problem in any of its cells is left out of what is checked next: what
    // the check would say of it may change once the cell is mended.
    let troubled: Vec<PlanId> = problems
        .iter()
        .filter_map(|f| {
            let (sheet, cell) = f.at.as_ref()?;
            let range = if *sheet == PROGRESS {
                &progress
            } else {
                &indicators
            };
            text(range, row_of(cell)?, 0).and_then(|t| PlanId::parse_lookalike(&t))
        })
        .collect();
    entries.retain(|e| !troubled.contains(&e.id));
    Ok((
        Returned {
            year,
            department,
            entries,
        },
        problems,
    ))
}

/// Whether a number format shows `value` as a percentage: a `%` outside quotes, escapes and
/// the characters `_` and `*` take, in the section that applies to the value (`0%`,
/// `0.0%;-0.0%`; not `0"%"`, `0\%`, `0_%`, nor the zero section of `0;0;0%` for 0.96).
fn shows_percent(format: &str, value: f64) -> bool {
    let mut sections = vec![String::new()];
    let (mut quoted, mut taken) = (false, false);
    for c in format.chars() {
        if taken {
            taken = false;
            continue;
        }
        match c {
            '"' => quoted = !quoted,
            '\\' | '_' | '*' if !quoted => taken = true,
            ';' if !quoted => sections.push(String::new()),
            c if !quoted => {
                if let Some(section) = sections.last_mut() {
                    section.push(c);
                }
            }
            _ => {}
        }
    }
    let section = match sections.len() {
        n if value < 0.0 && n >= 2 => &sections[1],
        n if value == 0.0 && n >= 3 => &sections[2],
        _ => &sections[0],
    };
    section.contains('%')
}

/// The cell of a returned workbook a place in the year's entry it made comes from: `pointer`
/// is inside the entry (`/status`, `/indicators/0/actual`; empty for the entry itself), and
/// the cell is said as `「進捗」E5`, with `true` where it is a row (the entry, or an
/// indicator, as a whole: said at the row's plan number). `None` for what the workbook does
/// not hold (a comment).
pub fn cell_of(entry: &NewEntry, pointer: &str) -> Option<(String, bool)> {
    let row = row_of(&entry.cell)?;
    let mut parts = pointer.trim_start_matches('/').split('/');
    let on = |sheet: &str, row: u32, col: u32| {
        Some((format!("「{sheet}」{}", cell_name(row, col)), col == 0))
    };
    match parts.next().unwrap_or_default() {
        "" => on(PROGRESS, row, 0),
        "status" => on(PROGRESS, row, 3),
        "summary" => on(PROGRESS, row, 4),
        "next_steps" => on(PROGRESS, row, 5),
        "fiscal_effect" => match parts.next() {
            Some("unit") => on(PROGRESS, row, 7),
            _ => on(PROGRESS, row, 6),
        },
        "indicators" => {
            let Some(indicator) = parts
                .next()
                .and_then(|i| i.parse::<usize>().ok())
                .and_then(|i| entry.indicators.get(i))
            else {
                return on(PROGRESS, row, 0);
            };
            let col = match parts.next() {
                Some("name") => 1,
                Some("unit") => 2,
                Some("target") => 3,
                Some("actual") => 4,
                _ => 0,
            };
            on(INDICATORS, indicator.row, col)
        }
        _ => None,
    }
}

/// The new entry as the model reads it (to compare with the entry there).
pub fn as_progress(entry: &NewEntry, year: i64) -> YearProgress {
    YearProgress {
        year: year.to_string(),
        misplaced: false,
        status: Some(entry.status.clone()),
        summary: entry.summary.clone(),
        indicators: entry
            .indicators
            .iter()
            .map(|i| crate::model::Indicator {
                name: i.name.clone(),
                unit: Some(i.unit.clone()),
                target: i.target.as_ref().and_then(serde_json::Number::as_f64),
                actual: i.actual.as_ref().and_then(serde_json::Number::as_f64),
                figures_written: i.target.is_some() || i.actual.is_some(),
            })
            .collect(),
        next_steps: entry.next_steps.clone(),
        fiscal_effect: entry.fiscal_effect.as_ref().map(|(amount, unit)| {
            crate::model::FiscalEffect {
                amount: amount.clone(),
                unit: unit.clone(),
            }
        }),
        comment: None,
    }
}

/// How far a returned sheet may reach: far more rows and columns than `plans sheet` writes,
/// far fewer than a grid that would not fit in memory (a workbook can name a cell at
/// XFD1048576 in a few bytes).
const MAX_ROWS: u32 = 20_000;
/// How many characters of a formula a message shows.
const FORMULA_SHOWN: usize = 40;
/// How many formulas of a sheet are said one by one.
const FORMULAS_SAID: usize = 20;
const MAX_COLUMNS: u32 = 64;

/// A sheet's cells, or `Err(Some(()))` when it reaches beyond [`MAX_ROWS`] or
/// [`MAX_COLUMNS`], `Err(None)` when it cannot be read. An xlsx sheet is read cell by cell, so
/// that a far cell is refused before any grid is made; xls and ods are read whole (an xls sheet
/// is at most 65,536 rows of 256 columns) and then measured.
fn bounded_range<RS: std::io::Read + std::io::Seek>(
    sheets: &mut calamine::Sheets<RS>,
    name: &str,
) -> Result<calamine::Range<calamine::Data>, Option<()>> {
    use calamine::Reader;
    let within = |(row, column): (u32, u32)| row < MAX_ROWS && column < MAX_COLUMNS;
    match sheets {
        calamine::Sheets::Xlsx(x) => {
            let mut reader = x.worksheet_cells_reader(name).map_err(|_| None)?;
            let mut cells = Vec::new();
            while let Some(cell) = reader.next_cell().map_err(|_| None)? {
                if !within(cell.get_position()) {
                    return Err(Some(()));
                }
                if matches!(cell.get_value(), calamine::DataRef::Empty) {
                    continue;
                }
                cells.push(calamine::Cell::new(
                    cell.get_position(),
                    calamine::Data::from(cell.get_value().clone()),
                ));
            }
            Ok(calamine::Range::from_sparse(cells))
        }
        other => {
            let range = other.worksheet_range(name).map_err(|_| None)?;
            match range.end() {
                Some(end) if !within(end) => Err(Some(())),
                _ => Ok(range),
            }
        }
    }
}

/// The entry as the plan file holds it (keys in the schema's order; the canonical writer
/// orders them anyway), keeping `comment` from the entry it replaces.
pub fn as_tree(
    entry: &NewEntry,
    comment: Option<crate::canonical::Tree>,
) -> crate::canonical::Tree {
    use crate::canonical::Tree;
    use serde_json::Value;
    let s = |t: &str| Tree::Scalar(Value::String(t.to_string()));
    let mut fields = vec![
        ("status".to_string(), s(&entry.status)),
        ("summary".to_string(), s(&entry.summary)),
    ];
    if !entry.indicators.is_empty() {
        let items = entry
            .indicators
            .iter()
            .map(|i| {
                let mut f = vec![
                    ("name".to_string(), s(&i.name)),
                    ("unit".to_string(), s(&i.unit)),
                ];
                if let Some(t) = &i.target {
                    f.push(("target".to_string(), Tree::Scalar(Value::Number(t.clone()))));
                }
                if let Some(a) = &i.actual {
                    f.push(("actual".to_string(), Tree::Scalar(Value::Number(a.clone()))));
                }
                Tree::Object(f)
            })
            .collect();
        fields.push(("indicators".to_string(), Tree::Array(items)));
    }
    if let Some(n) = &entry.next_steps {
        fields.push(("next_steps".to_string(), s(n)));
    }
    if let Some((amount, unit)) = &entry.fiscal_effect {
        fields.push((
            "fiscal_effect".to_string(),
            Tree::Object(vec![
                (
                    "amount".to_string(),
                    Tree::Scalar(Value::Number(amount.clone())),
                ),
                ("unit".to_string(), s(unit)),
            ]),
        ));
    }
    if let Some(c) = comment {
        fields.push(("comment".to_string(), c));
    }
    Tree::Object(fields)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_number_counted_in_percent_is_refused_where_formats_are_unknown() {
        let cells = [0.96, 1.0, -0.5, 0.0, 1.25, 96.0];
        let range = Range::from_sparse(
            (0..)
                .zip(cells)
                .map(|(col, v)| calamine::Cell::new((0, col), calamine::Data::Float(v)))
                .collect(),
        );
        let xls = Shown::Unknown { format: ".xls" };
        let read = |unit: &str, shown: &Shown| -> Vec<Result<Option<f64>, SheetProblem>> {
            (0..6)
                .map(|col| figure_at(&range, 0, col, unit, shown))
                .collect()
        };
        let unknown = |value: &str, percent: &str| {
            Err(SheetProblem::PercentUnknown {
                value: value.into(),
                percent: percent.into(),
                format: ".xls",
            })
        };
        assert_eq!(
            read("％ ", &xls),
            [
                unknown("0.96", "96"),
                unknown("1", "100"),
                unknown("-0.5", "-50"),
                Ok(Some(0.0)),
                unknown("1.25", "125"),
                unknown("96", "9600"),
            ]
        );
        // Another unit, or a workbook that says how its cells are shown: read as they are.
        let as_stored: Vec<_> = cells.iter().map(|v| Ok(Some(*v))).collect();
        assert_eq!(read("件", &xls), as_stored);
        assert_eq!(read("%", &Shown::Format(None)), as_stored);
        assert_eq!(read("%", &Shown::Percentage(None)), as_stored);
        // An ods percentage cell holding the same value as calamine read: that percentage.
        assert_eq!(
            figure_at(&range, 0, 0, "%", &Shown::Percentage(Some(0.96))),
            Ok(Some(96.0))
        );
        assert_eq!(
            figure_at(&range, 0, 0, "%", &Shown::Percentage(Some(0.5))),
            Ok(Some(0.96))
        );
    }

    #[test]
    fn figures_are_read_as_people_type_them() {
        assert_eq!(figure("１，２００", "件"), Ok(1200.0));
        assert_eq!(figure("1,200", ""), Ok(1200.0));
        assert_eq!(figure("96件", "件"), Ok(96.0));
        assert_eq!(figure("９６ 件", "件"), Ok(96.0));
        assert_eq!(figure("△500", "千円"), Ok(-500.0));
        assert_eq!(figure("12.5%", "%"), Ok(12.5));
        assert_eq!(figure("\u{2212}500", "千円"), Ok(-500.0));
        assert_eq!(figure("1,234,567.5", ""), Ok(1_234_567.5));
        for not_a_figure in ["1,5", "12,34,5", "1,2345", ",123", "1.2,3"] {
            assert_eq!(
                figure(not_a_figure, ""),
                Err(SheetProblem::NotANumber {
                    typed: not_a_figure.to_string()
                }),
                "{not_a_figure}"
            );
        }
        assert!(matches!(
            figure("96人", "件"),
            Err(SheetProblem::UnitMismatch { .. })
        ));
        assert!(matches!(
            figure("約百", "件"),
            Err(SheetProblem::NotANumber { .. })
        ));
        // A place word: said with the figure in digits; part of the unit, read.
        let place = |typed: &str, written: &str| {
            Err(SheetProblem::PlaceWord {
                typed: typed.into(),
                written: written.into(),
            })
        };
        assert_eq!(figure("1.2万", "件"), place("1.2万", "12000"));
        assert_eq!(figure("１．２万 件", "件"), place("１．２万 件", "12000"));
        assert_eq!(figure("△3億", "千円"), place("△3億", "-300000000"));
        assert_eq!(figure("1.2万円", "万円"), Ok(1.2));
        assert!(matches!(
            figure("1.2万人", "件"),
            Err(SheetProblem::UnitMismatch { .. })
        ));
    }

    #[test]
    fn a_number_format_shows_a_percentage_only_with_a_bare_percent_sign() {
        for (format, value, percent) in [
            ("0%", 0.96, true),
            ("0.0%", 0.96, true),
            ("0.0 %", 0.96, true),
            ("[Red]0%", 0.96, true),
            ("#,##0.00%;[Red]-#,##0.00%", -0.5, true),
            ("0;0%", -0.5, true),
            ("0;0%", 0.5, false),
            ("0;0;0%", 0.96, false),
            ("0;0;0%", 0.0, true),
            ("General", 0.96, false),
            ("0\"%\"", 0.96, false),
            ("0\\%", 0.96, false),
            ("0_%", 0.96, false),
            ("0*%", 0.96, false),
            ("#,##0", 0.96, false),
        ] {
            assert_eq!(
                super::shows_percent(format, value),
                percent,
                "{format} {value}"
            );
        }
    }

    #[test]
    fn cells_are_named_as_excel_names_them() {
        assert_eq!(super::cell_name(0, 0), "A1");
        assert_eq!(super::cell_name(1, 25), "Z2");
        assert_eq!(super::cell_name(2, 26), "AA3");
        assert_eq!(super::cell_name(0, 63), "BL1");
        assert_eq!(super::cell_name(19_999, 701), "ZZ20000");
        assert_eq!(super::cell_name(0, 702), "AAA1");
    }

    #[test]
    fn a_status_is_read_as_chosen_or_typed() {
        let setup: ProgressSetup = serde_json::from_value(serde_json::json!({
            "period": {"from": 2026, "to": 2029},
            "reporting_year": 2026,
            "scale": [{"code": "A", "label": "架空の順調"}, {"code": "B", "label": "架空の遅れ"}]
        }))
        .unwrap();
        for typed in [
            "A 架空の順調",
            "Ａ",
            "a",
            " A ",
            "架空の順調",
            "A　架空の順調",
            "A架空の順調",
        ] {
            assert_eq!(level(typed, &setup), Some("A"), "{typed}");
        }
        assert_eq!(level("Ｂ　架空の遅れ", &setup), Some("B"));
        // Chosen from a workbook made before the scale's label was renamed.
        assert_eq!(level("A 架空の旧い名前", &setup), Some("A"));
        for typed in [
            "C",
            "順調",
            "A 架空の遅れ",
            "C 架空の順調",
            "A B",
            "A または B",
            "A 架空の遅れ（旧）",
            "",
        ] {
            assert_eq!(level(typed, &setup), None, "{typed}");
        }
    }

    #[test]
    fn paragraphs_typed_with_alt_enter_are_kept_and_trimmed() {
        assert_eq!(
            paragraphs(" 一段落。\r\n\r\n　二段落。 \n").as_deref(),
            Some("一段落。\n二段落。")
        );
        assert_eq!(paragraphs(" \n "), None);
    }

    #[test]
    fn file_names_are_safe() {
        assert_eq!(file_name("架空/課:*", 2026), "架空_課__-2026.xlsx");
        assert_eq!(file_name("試験財務課", 2027), "試験財務課-2027.xlsx");
    }

    #[test]
    fn digests_are_stable_and_tell_entries_apart() {
        assert_eq!(digest(None), "-");
        let entry = |s: &str| YearProgress {
            year: "2026".into(),
            misplaced: false,
            status: Some(s.into()),
            summary: "架空".into(),
            indicators: Vec::new(),
            next_steps: None,
            fiscal_effect: None,
            comment: None,
        };
        assert_eq!(digest(Some(&entry("A"))), digest(Some(&entry("A"))));
        assert_ne!(digest(Some(&entry("A"))), digest(Some(&entry("B"))));
        assert_eq!(digest(Some(&entry("A"))).len(), 16);
    }
}
