//! The plan as a table (CSV, one row per plan), as an Excel workbook (the plans, each year's
//! progress and the indicators, a sheet each) and as one JSON document (the outline, the
//! register and every plan, in id order, keys sorted), for spreadsheets and other systems.

use std::collections::BTreeMap;

use rustc_hash::FxHashMap;
use serde::Serialize;

use crate::model::{CommentBy, EndReason, Model, Plan, PlanId};
use crate::output::csv::{Cell, Csv};
use crate::output::xlsx::{self, Workbook};

/// The `$id` of `schema/export.schema.json`, carried in the document's `$schema`.
pub const SCHEMA_ID: &str = "urn:plans:koriyama-2026:export:1";

/// The column names of the CSV, in Japanese and in English.
pub const HEADER_JA: [&str; 10] = [
    "計画番号",
    "重点推進目標",
    "重点推進目標名",
    "取組事項",
    "取組事項名",
    "計画の番号",
    "計画名",
    "担当課",
    "等",
    "個別事業",
];
pub const HEADER_EN: [&str; 10] = [
    "id",
    "goal",
    "goal_title",
    "item",
    "item_title",
    "number",
    "title",
    "departments",
    "and_others",
    "subprojects",
];

/// The titles of each goal and action area by number (the first, should a number repeat):
/// looked up for each plan's row in constant time.
struct Titles<'a> {
    goals: FxHashMap<u64, &'a str>,
    items: FxHashMap<(u64, u64), &'a str>,
}

impl<'a> Titles<'a> {
    fn new(model: &'a Model) -> Titles<'a> {
        let mut titles = Titles {
            goals: FxHashMap::default(),
            items: FxHashMap::default(),
        };
        for g in model.outline.iter().flat_map(|o| o.goals.iter()) {
            if titles.goals.contains_key(&g.number) {
                continue;
            }
            titles.goals.insert(g.number, &g.title);
            for i in &g.items {
                titles.items.entry((g.number, i.number)).or_insert(&i.title);
            }
        }
        titles
    }

    /// The titles of a plan's goal and action area ("" where the outline has none).
    fn of(&self, id: PlanId) -> (&'a str, &'a str) {
        let (goal, item) = (u64::from(id.goal), u64::from(id.area));
        (
            self.goals.get(&goal).copied().unwrap_or_default(),
            self.items.get(&(goal, item)).copied().unwrap_or_default(),
        )
    }
}

/// A plan's sub-projects in one cell: one per line, each with its departments in 「（）」
/// where the document pairs them.
fn subprojects(plan: &Plan) -> String {
    plan.subprojects
        .iter()
        .map(|s| match &s.departments {
            Some(d) => format!("{}（{}）", s.title, d.join("、")),
            None => s.title.clone(),
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// A plan's status in each of `years` ("" where it has none).
fn statuses<'a>(plan: &'a Plan, years: &[i64]) -> Vec<&'a str> {
    years
        .iter()
        .map(|y| {
            plan.progress
                .iter()
                .find(|e| e.year() == Some(*y))
                .and_then(|e| e.status.as_deref())
                .unwrap_or_default()
        })
        .collect()
}

/// The CSV: a header row (Japanese, or English with `english`), then one row per plan in id
/// order; UTF-8, with a BOM when `bom` (so that Excel reads the Japanese). Every text cell is
/// made safe to open in a spreadsheet ([`crate::output::csv`]).
pub fn csv(model: &Model, english: bool, bom: bool) -> Vec<u8> {
    let mut out = Csv::new(bom);
    // One column per fiscal year with any progress: each plan's status that year.
    let years = crate::progress::years(model);
    let mut header: Vec<String> = if english { HEADER_EN } else { HEADER_JA }
        .iter()
        .map(|h| h.to_string())
        .collect();
    header.extend(years.iter().map(|y| {
        if english {
            format!("status_{y}")
        } else {
            format!("{y}年度の評価")
        }
    }));
    out.texts(header.iter().map(String::as_str));
    let titles = Titles::new(model);
    for (id, plan) in &model.plans {
        let (goal_title, item_title) = titles.of(*id);
        // 「等」 or nothing under the Japanese header; a truth value under the English one.
        let and_others = match (plan.and_others, english) {
            (true, false) => Cell::Text("等"),
            (false, false) => Cell::Text(""),
            (others, true) => Cell::Bool(others),
        };
        let (id_text, departments, subprojects) = (
            id.to_string(),
            plan.departments.join("、"),
            subprojects(plan),
        );
        let statuses = statuses(plan, &years);
        let mut row = vec![
            Cell::Text(&id_text),
            Cell::Number(u64::from(id.goal)),
            Cell::Text(goal_title),
            Cell::Number(u64::from(id.area)),
            Cell::Text(item_title),
            Cell::Number(u64::from(id.number)),
            Cell::Text(&plan.title),
            Cell::Text(&departments),
            and_others,
            Cell::Text(&subprojects),
        ];
        row.extend(statuses.into_iter().map(Cell::Text));
        out.row(row);
    }
    out.finish()
}

/// The workbook's sheets: the plans, each year's progress, the indicators (the city's
/// document: named in Japanese whatever the header's language).
pub const SHEETS: [&str; 3] = ["計画", "進捗", "指標"];

/// The columns the plans' sheet has after the CSV's: the plan's life. The years' statuses
/// follow them, as in the CSV.
const LIFE_JA: [&str; 5] = ["追加年度", "終了年度", "終了の理由", "統合先", "終了の説明"];
const LIFE_EN: [&str; 5] = [
    "added_in",
    "ended_year",
    "ended_reason",
    "ended_into",
    "ended_note",
];
/// The progress sheet's columns: one row per plan and year with an entry.
const PROGRESS_JA: [&str; 11] = [
    "計画番号",
    "計画名",
    "年度",
    "評価の記号",
    "評価",
    "結果",
    "課題と今後の方向性",
    "財政効果額",
    "財政効果額の単位",
    "コメントの主体",
    "コメント",
];
const PROGRESS_EN: [&str; 11] = [
    "id",
    "title",
    "year",
    "status",
    "status_label",
    "summary",
    "next_steps",
    "fiscal_effect",
    "fiscal_effect_unit",
    "comment_by",
    "comment",
];
/// The indicators' sheet's columns: one row per indicator.
const INDICATORS_JA: [&str; 7] = [
    "計画番号",
    "計画名",
    "年度",
    "指標",
    "単位",
    "目標値",
    "実績値",
];
const INDICATORS_EN: [&str; 7] = ["id", "title", "year", "name", "unit", "target", "actual"];

/// The workbook (xlsx): the plans' sheet (the CSV's columns, the plan's life, each year's
/// status), the progress sheet (one row per plan and year with an entry, plans in id order,
/// then years) and the indicators' sheet, each with a header row in Japanese (or English with
/// `english`), every cell written by [`crate::output::xlsx`]. Without progress set up, the
/// progress and indicators' sheets have their header only. Under the Japanese header a
/// status shows with its label (「A 順調」), whose comment it is, why a plan ended and 「等」
/// in words; under the English one as the JSON export writes them.
pub fn xlsx(model: &Model, english: bool) -> Result<Vec<u8>, xlsx::Error> {
    use xlsx::Cell as X;
    let outline = model.outline.as_ref();
    let mut book = Workbook::new(outline.map_or("", |o| o.title.as_str()));
    let years = crate::progress::years(model);
    let pick = |ja: &[&'static str], en: &[&'static str]| -> Vec<String> {
        if english { en } else { ja }
            .iter()
            .map(|h| h.to_string())
            .collect()
    };

    let mut header = pick(&HEADER_JA, &HEADER_EN);
    header.extend(pick(&LIFE_JA, &LIFE_EN));
    header.extend(years.iter().map(|y| {
        if english {
            format!("status_{y}")
        } else {
            format!("{y}年度の評価")
        }
    }));
    let titles = Titles::new(model);
    let plans = model.plans.iter().map(|(id, plan)| {
        let (goal_title, item_title) = titles.of(*id);
        let and_others = match (plan.and_others, english) {
            (true, false) => X::text("等"),
            (false, false) => X::Empty,
            (others, true) => X::Bool(others),
        };
        let ended = plan.ended.as_ref();
        let mut row = vec![
            X::text(id.to_string()),
            X::Number(f64::from(id.goal)),
            X::text(goal_title),
            X::Number(f64::from(id.area)),
            X::text(item_title),
            X::Number(f64::from(id.number)),
            X::text(plan.title.as_str()),
            X::text(plan.departments.join("、")),
            and_others,
            X::text(subprojects(plan)),
            X::number(plan.added_in.map(|y| y as f64)),
            X::number(ended.map(|e| e.year as f64)),
            ended.map_or(X::Empty, |e| X::text(end_reason(e.reason, english))),
            X::text(ended.and_then(|e| e.into.as_deref()).unwrap_or_default()),
            X::text(ended.and_then(|e| e.note.as_deref()).unwrap_or_default()),
        ];
        row.extend(statuses(plan, &years).into_iter().map(X::text));
        row
    });
    book.sheet(SHEETS[0], &as_strs(&header), plans)?;

    let scale: FxHashMap<&str, &str> = outline
        .and_then(|o| o.setup())
        .iter()
        .flat_map(|s| s.scale.iter())
        .map(|l| (l.code.as_str(), l.label.as_str()))
        .collect();
    let owner = outline.and_then(|o| o.owner.as_deref());
    let entries = || {
        model
            .plans
            .iter()
            .flat_map(|(id, plan)| plan.progress.iter().map(move |e| (id, plan, e)))
    };
    let year = |key: &str, year: Option<i64>| {
        year.map_or_else(|| X::text(key.to_string()), |y| X::Number(y as f64))
    };
    let progress = entries().map(|(id, plan, entry)| {
        let status = entry.status.as_deref().unwrap_or_default();
        let label = scale
            .get(status)
            .map_or_else(String::new, |label| format!("{status} {label}"));
        let effect = entry.fiscal_effect.as_ref();
        let comment = entry.comment.as_ref();
        vec![
            X::text(id.to_string()),
            X::text(plan.title.as_str()),
            year(&entry.year, entry.year()),
            X::text(status),
            X::text(label),
            X::text(entry.summary.as_str()),
            X::text(entry.next_steps.as_deref().unwrap_or_default()),
            X::number(effect.and_then(|f| f.amount.as_f64())),
            X::text(effect.map_or("", |f| f.unit.as_str())),
            comment.map_or(X::Empty, |c| X::text(comment_by(c.by, owner, english))),
            X::text(comment.map_or("", |c| c.text.as_str())),
        ]
    });
    book.sheet(
        SHEETS[1],
        &as_strs(&pick(&PROGRESS_JA, &PROGRESS_EN)),
        progress,
    )?;

    let indicators = entries().flat_map(|(id, plan, entry)| {
        entry.indicators.iter().map(move |i| {
            vec![
                X::text(id.to_string()),
                X::text(plan.title.as_str()),
                year(&entry.year, entry.year()),
                X::text(i.name.as_str()),
                X::text(i.unit.as_deref().unwrap_or_default()),
                X::number(i.target),
                X::number(i.actual),
            ]
        })
    });
    book.sheet(
        SHEETS[2],
        &as_strs(&pick(&INDICATORS_JA, &INDICATORS_EN)),
        indicators,
    )?;
    book.finish()
}

fn as_strs(names: &[String]) -> Vec<&str> {
    names.iter().map(String::as_str).collect()
}

/// Why a plan ended, in the workbook: in Japanese, or as the JSON export writes it.
fn end_reason(reason: EndReason, english: bool) -> &'static str {
    match (reason, english) {
        (EndReason::Completed, false) => "完了",
        (EndReason::Abolished, false) => "廃止",
        (EndReason::Merged, false) => "統合",
        (EndReason::Completed, true) => "completed",
        (EndReason::Abolished, true) => "abolished",
        (EndReason::Merged, true) => "merged",
    }
}

/// Whose comment it is, in the workbook: the section that owns the plan (by name, when the
/// outline gives it) or the reform committee, in Japanese; or as the JSON export writes it.
fn comment_by(by: CommentBy, owner: Option<&str>, english: bool) -> &str {
    match (by, english) {
        (CommentBy::Section, false) => owner.unwrap_or("所管課"),
        (CommentBy::Committee, false) => "推進委員会",
        (CommentBy::Section, true) => "section",
        (CommentBy::Committee, true) => "committee",
    }
}

/// The JSON document: the outline, the register and every plan, keys sorted, plans in id
/// order, with `$schema` naming its schema. Written straight from the model through serde (each
/// struct below lists its keys in sorted order, as a `serde_json::Map` would print them): no
/// tree of `serde_json::Value`s is built, which at 100,000 plans took ten times the memory of
/// the text it printed.
pub fn json(model: &Model, layout: JsonLayout) -> Vec<u8> {
    let outline = model.outline.as_ref();
    let document = Document {
        schema: SCHEMA_ID,
        departments: model
            .register
            .iter()
            .flat_map(|r| r.departments.iter())
            .map(|d| d.name.as_str())
            .collect(),
        expected_total: outline.map_or(0, |o| o.expected_total),
        goals: outline
            .iter()
            .flat_map(|o| o.goals.iter())
            .map(|g| GoalOut {
                expected_plans: g.expected_plans,
                items: g
                    .items
                    .iter()
                    .map(|i| AreaOut {
                        number: i.number,
                        title: &i.title,
                    })
                    .collect(),
                number: g.number,
                title: &g.title,
            })
            .collect(),
        plans: PlansOut(&model.plans),
        progress: outline.and_then(|o| o.setup()).map(|setup| SetupOut {
            period: PeriodOut {
                from: setup.period.from,
                to: setup.period.to,
            },
            reporting_year: setup.reporting_year,
            scale: setup
                .scale
                .iter()
                .map(|l| LevelOut {
                    code: &l.code,
                    label: &l.label,
                })
                .collect(),
        }),
        title: outline.map_or("", |o| o.title.as_str()),
    };
    let mut out = Vec::new();
    // Writing into memory fails only if serialising fails, and nothing here can.
    let _ = match layout {
        JsonLayout::Indented => serde_json::to_writer_pretty(&mut out, &document),
        JsonLayout::Compact => serde_json::to_writer(&mut out, &document),
    };
    out.push(b'\n');
    // serde_json writes UTF-8; the text is moved, not copied, unless the CI guard changes it.
    match String::from_utf8(out) {
        Ok(text) => crate::output::ci::json_owned(text).into_bytes(),
        Err(e) => e.into_bytes(),
    }
}

/// How the JSON document is laid out: indented for people (`export`), or on one line for a
/// file only programs read (the site's `plans.json`, a quarter smaller).
#[derive(Clone, Copy)]
pub enum JsonLayout {
    Indented,
    Compact,
}

#[derive(Serialize)]
struct Document<'a> {
    #[serde(rename = "$schema")]
    schema: &'static str,
    departments: Vec<&'a str>,
    expected_total: u64,
    goals: Vec<GoalOut<'a>>,
    plans: PlansOut<'a>,
    #[serde(skip_serializing_if = "Option::is_none")]
    progress: Option<SetupOut<'a>>,
    title: &'a str,
}

#[derive(Serialize)]
struct GoalOut<'a> {
    expected_plans: u64,
    items: Vec<AreaOut<'a>>,
    number: u64,
    title: &'a str,
}

#[derive(Serialize)]
struct AreaOut<'a> {
    number: u64,
    title: &'a str,
}

#[derive(Serialize)]
struct SetupOut<'a> {
    period: PeriodOut,
    reporting_year: i64,
    scale: Vec<LevelOut<'a>>,
}

#[derive(Serialize)]
struct PeriodOut {
    from: i64,
    to: i64,
}

#[derive(Serialize)]
struct LevelOut<'a> {
    code: &'a str,
    label: &'a str,
}

/// Every plan, each made into its document's form only while it is written.
struct PlansOut<'a>(&'a [(PlanId, Plan)]);

impl Serialize for PlansOut<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.0.iter().map(|(id, p)| {
            PlanOut {
                added_in: p.added_in,
                and_others: p.and_others,
                departments: &p.departments,
                ended: p.ended.as_ref().map(|e| EndedOut {
                    into: e.into.as_deref(),
                    note: e.note.as_deref(),
                    reason: e.reason,
                    year: e.year,
                }),
                goal: id.goal,
                id: id.to_string(),
                item: id.area,
                number: id.number,
                progress: (!p.progress.is_empty()).then(|| progress_of(p)),
                subprojects: p
                    .subprojects
                    .iter()
                    .map(|s| SubprojectOut {
                        departments: s.departments.as_deref(),
                        title: &s.title,
                    })
                    .collect(),
                title: &p.title,
            }
        }))
    }
}

#[derive(Serialize)]
struct PlanOut<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    added_in: Option<i64>,
    and_others: bool,
    departments: &'a [String],
    #[serde(skip_serializing_if = "Option::is_none")]
    ended: Option<EndedOut<'a>>,
    goal: u32,
    id: String,
    item: u32,
    number: u32,
    #[serde(skip_serializing_if = "Option::is_none")]
    progress: Option<BTreeMap<&'a str, YearOut<'a>>>,
    subprojects: Vec<SubprojectOut<'a>>,
    title: &'a str,
}

/// A plan's end, its keys in sorted order as every object of the export.
#[derive(Serialize)]
struct EndedOut<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    into: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    note: Option<&'a str>,
    reason: crate::model::EndReason,
    year: i64,
}

#[derive(Serialize)]
struct SubprojectOut<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    departments: Option<&'a [String]>,
    title: &'a str,
}

#[derive(Serialize)]
struct YearOut<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    comment: Option<&'a crate::model::Comment>,
    #[serde(skip_serializing_if = "Option::is_none")]
    fiscal_effect: Option<&'a crate::model::FiscalEffect>,
    indicators: Vec<IndicatorOut<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    next_steps: Option<&'a str>,
    status: &'a str,
    summary: &'a str,
}

#[derive(Serialize)]
struct IndicatorOut<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    actual: Option<Number>,
    name: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    target: Option<Number>,
    unit: &'a str,
}

/// A plan's progress in the document: each year's status, summary and indicators (a number
/// that was not given is left out), by year (a year written twice keeps its last entry, as a
/// JSON object read into a map does).
fn progress_of(plan: &Plan) -> BTreeMap<&str, YearOut<'_>> {
    plan.progress
        .iter()
        .map(|entry| {
            let year = YearOut {
                comment: entry.comment.as_ref(),
                fiscal_effect: entry.fiscal_effect.as_ref(),
                next_steps: entry.next_steps.as_deref(),
                indicators: entry
                    .indicators
                    .iter()
                    .map(|i| IndicatorOut {
                        actual: i.actual.map(Number),
                        name: &i.name,
                        target: i.target.map(Number),
                        unit: i.unit.as_deref().unwrap_or_default(),
                    })
                    .collect(),
                status: entry.status.as_deref().unwrap_or_default(),
                summary: &entry.summary,
            };
            (entry.year.as_str(), year)
        })
        .collect()
}

/// A number as the data wrote it: a whole number without a fraction.
struct Number(f64);

impl Serialize for Number {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let n = self.0;
        if n.fract() == 0.0 && n.abs() < 9_007_199_254_740_992.0 {
            serializer.serialize_i64(n as i64)
        } else {
            serializer.serialize_f64(n)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Outline, Register};
    use serde_json::{Value, json};

    /// A fictional plan with progress set up: plans with and without sub-projects, progress
    /// and indicators (whole, fractional and missing numbers, a unit left out).
    fn model() -> Model {
        let outline: Outline = serde_json::from_value(json!({
            "title": "架空の実施計画", "expected_total": 3,
            "goals": [
                {"number": 1, "title": "架空の目標一", "expected_plans": 2,
                 "items": [{"number": 1, "title": "架空の取組一"}, {"number": 2, "title": "架空の取組二"}]},
                {"number": 2, "title": "架空の目標二", "expected_plans": 1,
                 "items": [{"number": 1, "title": "架空の取組三"}]}
            ],
            "progress": {"period": {"from": 2026, "to": 2029}, "reporting_year": 2026,
                         "scale": [{"code": "A", "label": "架空の段階一"}, {"code": "B", "label": "架空の段階二"}]}
        }))
        .unwrap();
        let register: Register = serde_json::from_value(json!({"departments": [
            {"name": "架空甲課"}, {"name": "架空乙課"}
        ]}))
        .unwrap();
        let plans = [
            json!({"id": "1-1-1", "title": "架空の計画「一」\"引用\"", "departments": ["架空甲課", "架空乙課"],
                   "and_others": true,
                   "subprojects": [{"title": "架空の事業一", "departments": ["架空乙課"]}, {"title": "架空の事業二"}],
                   "progress": {
                       "2027": {"status": "B", "summary": "架空の結果二。", "indicators": [
                           {"name": "架空の指標", "unit": "件", "target": 120, "actual": 96.5},
                           {"name": "単位なし", "target": 1e300}]},
                       "2026": {"status": "A", "summary": "架空の結果一。"}}}),
            json!({"id": "1-2-1", "title": "架空の計画二 ##[error] 風", "departments": ["架空乙課"]}),
            json!({"id": "2-1-1", "title": "架空の計画三", "departments": ["架空甲課"],
                   "progress": {"2026": {"summary": "評価なし。", "indicators": [{"name": "数なし", "unit": "%"}]}}}),
        ]
        .map(|p| {
            let id = PlanId::parse(p["id"].as_str().unwrap()).unwrap();
            (id, Plan::lenient(p).unwrap())
        });
        Model {
            outline: Some(outline),
            register: Some(register),
            plans: plans.into(),
        }
    }

    /// The document as a tree of `serde_json::Value`s (whose maps print their keys sorted)
    /// would print it: what `json` wrote before it wrote straight through serde.
    fn through_values(model: &Model) -> Vec<u8> {
        let number = |n: f64| {
            if n.fract() == 0.0 && n.abs() < 9_007_199_254_740_992.0 {
                json!(n as i64)
            } else {
                json!(n)
            }
        };
        let outline = model.outline.as_ref().unwrap();
        let plans: Vec<Value> = model
            .plans
            .iter()
            .map(|(id, p)| {
                let subprojects: Vec<Value> = p
                    .subprojects
                    .iter()
                    .map(|s| match &s.departments {
                        Some(d) => json!({"title": s.title, "departments": d}),
                        None => json!({"title": s.title}),
                    })
                    .collect();
                let mut plan = json!({
                    "id": id.to_string(), "goal": id.goal, "item": id.area, "number": id.number,
                    "title": p.title, "departments": p.departments, "and_others": p.and_others,
                    "subprojects": subprojects,
                });
                if !p.progress.is_empty() {
                    let mut years = serde_json::Map::new();
                    for e in &p.progress {
                        let indicators: Vec<Value> = e
                            .indicators
                            .iter()
                            .map(|i| {
                                let mut v = json!({"name": i.name, "unit": i.unit.clone().unwrap_or_default()});
                                if let Some(t) = i.target {
                                    v["target"] = number(t);
                                }
                                if let Some(a) = i.actual {
                                    v["actual"] = number(a);
                                }
                                v
                            })
                            .collect();
                        years.insert(
                            e.year.clone(),
                            json!({"status": e.status.clone().unwrap_or_default(),
                                   "summary": e.summary, "indicators": indicators}),
                        );
                    }
                    plan["progress"] = Value::Object(years);
                }
                plan
            })
            .collect();
        let setup = outline.setup().unwrap();
        let document = json!({
            "$schema": SCHEMA_ID,
            "title": outline.title,
            "expected_total": outline.expected_total,
            "goals": outline.goals.iter().map(|g| json!({
                "number": g.number, "title": g.title, "expected_plans": g.expected_plans,
                "items": g.items.iter().map(|i| json!({"number": i.number, "title": i.title})).collect::<Vec<_>>(),
            })).collect::<Vec<_>>(),
            "departments": model.register.iter().flat_map(|r| r.departments.iter()).map(|d| d.name.clone()).collect::<Vec<_>>(),
            "plans": plans,
            "progress": {
                "period": {"from": setup.period.from, "to": setup.period.to},
                "reporting_year": setup.reporting_year,
                "scale": setup.scale.iter().map(|l| json!({"code": l.code, "label": l.label})).collect::<Vec<_>>(),
            },
        });
        let mut text = serde_json::to_string_pretty(&document).unwrap();
        text.push('\n');
        crate::output::ci::json_owned(text).into_bytes()
    }

    #[test]
    fn the_document_is_the_sorted_tree_of_values_byte_for_byte() {
        let m = model();
        let written = String::from_utf8(json(&m, JsonLayout::Indented)).unwrap();
        assert_eq!(written, String::from_utf8(through_values(&m)).unwrap());
        // Keys sorted, years in order, a whole number without a fraction.
        assert!(written.starts_with(
            "{\n  \"$schema\": \"urn:plans:koriyama-2026:export:1\",\n  \"departments\": [\n"
        ));
        assert!(written.find("\"2026\"").unwrap() < written.find("\"2027\"").unwrap());
        assert!(written.contains("\"target\": 120,") && written.contains("\"actual\": 96.5,"));
        // What a CI runner would read as a command is written as the same string otherwise.
        assert!(written.contains("架空の計画二 #\\u0023[error] 風") && !written.contains("##["));
    }

    #[test]
    fn without_an_outline_or_progress_the_document_keeps_its_shape() {
        let written = String::from_utf8(json(&Model::default(), JsonLayout::Indented)).unwrap();
        assert_eq!(
            written,
            "{\n  \"$schema\": \"urn:plans:koriyama-2026:export:1\",\n  \"departments\": [],\n  \"expected_total\": 0,\n  \"goals\": [],\n  \"plans\": [],\n  \"title\": \"\"\n}\n"
        );
    }
}
