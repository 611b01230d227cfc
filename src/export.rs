//! The plan as a table (CSV, one row per plan) and as one JSON document (the outline, the
//! register and every plan, in id order, keys sorted), for spreadsheets and other systems.

use serde_json::{Value, json};

use crate::model::{Model, Plan, PlanId};
use crate::output::csv::{Cell, Csv};

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

fn titles(model: &Model, id: PlanId) -> (String, String) {
    let goal = model
        .outline
        .iter()
        .flat_map(|o| o.goals.iter())
        .find(|g| g.number == u64::from(id.goal));
    let item = goal
        .and_then(|g| g.items.iter().find(|i| i.number == u64::from(id.item)))
        .map(|i| i.title.clone())
        .unwrap_or_default();
    (goal.map(|g| g.title.clone()).unwrap_or_default(), item)
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
    for (id, plan) in &model.plans {
        let (goal_title, item_title) = titles(model, *id);
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
        let statuses: Vec<&str> = years
            .iter()
            .map(|y| {
                plan.progress
                    .iter()
                    .find(|e| e.year() == Some(*y))
                    .and_then(|e| e.status.as_deref())
                    .unwrap_or_default()
            })
            .collect();
        let mut row = vec![
            Cell::Text(&id_text),
            Cell::Number(u64::from(id.goal)),
            Cell::Text(&goal_title),
            Cell::Number(u64::from(id.item)),
            Cell::Text(&item_title),
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

/// The JSON document: the outline, the register and every plan, keys sorted (serde_json's
/// maps are ordered by key), plans in id order, with `$schema` naming its schema.
pub fn json(model: &Model) -> Vec<u8> {
    let goals: Vec<Value> = model
        .outline
        .iter()
        .flat_map(|o| o.goals.iter())
        .map(|g| {
            json!({
                "number": g.number,
                "title": g.title,
                "expected_plans": g.expected_plans,
                "items": g.items.iter().map(|i| json!({"number": i.number, "title": i.title})).collect::<Vec<_>>(),
            })
        })
        .collect();
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
                "id": id.to_string(),
                "goal": id.goal,
                "item": id.item,
                "number": id.number,
                "title": p.title,
                "departments": p.departments,
                "and_others": p.and_others,
                "subprojects": subprojects,
            });
            if !p.progress.is_empty() {
                plan["progress"] = progress_of(p);
            }
            plan
        })
        .collect();
    let outline = model.outline.as_ref();
    let document = json!({
        "$schema": SCHEMA_ID,
        "title": outline.map(|o| o.title.clone()).unwrap_or_default(),
        "expected_total": outline.map_or(0, |o| o.expected_total),
        "goals": goals,
        "departments": model.register.iter().flat_map(|r| r.departments.iter()).map(|d| d.name.clone()).collect::<Vec<_>>(),
        "plans": plans,
    });
    let mut document = document;
    if let Some(setup) = outline.and_then(|o| o.setup()) {
        document["progress"] = json!({
            "period": {"from": setup.period.from, "to": setup.period.to},
            "scale": setup.scale.iter().map(|l| json!({"code": l.code, "label": l.label})).collect::<Vec<_>>(),
        });
    }
    let mut text = serde_json::to_string_pretty(&document).unwrap_or_default();
    text.push('\n');
    crate::output::ci::json_owned(text).into_bytes()
}

/// A plan's progress in the document: each year's status, summary and indicators (a number
/// that was not given is left out).
fn progress_of(plan: &Plan) -> Value {
    let mut years = serde_json::Map::new();
    for entry in &plan.progress {
        let indicators: Vec<Value> = entry
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
            entry.year.clone(),
            json!({
                "status": entry.status.clone().unwrap_or_default(),
                "summary": entry.summary,
                "indicators": indicators,
            }),
        );
    }
    Value::Object(years)
}

/// A number as the data wrote it: a whole number without a fraction.
fn number(n: f64) -> Value {
    if n.fract() == 0.0 && n.abs() < 9_007_199_254_740_992.0 {
        json!(n as i64)
    } else {
        json!(n)
    }
}
