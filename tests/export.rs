//! `plans export`: the CSV read back with the csv crate, and the JSON validated against
//! `schema/export.schema.json` and read back, give the plans of `plans/` as the files say
//! them (read here with serde_json, not with the code under test); the options; data with
//! errors is not exported.

mod common;

use std::path::Path;

use common::{Fixture, listing, run_in};
use serde_json::Value;

/// The plans of a repository, read straight from the files: (id, title, departments,
/// and_others, sub-projects as (title, departments)).
type Row = (
    String,
    String,
    Vec<String>,
    bool,
    Vec<(String, Option<Vec<String>>)>,
);

fn plans_of(root: &Path) -> Vec<Row> {
    let mut rows = Vec::new();
    for goal in std::fs::read_dir(root.join("plans"))
        .unwrap()
        .filter_map(Result::ok)
    {
        if !goal.path().is_dir() {
            continue;
        }
        for file in std::fs::read_dir(goal.path())
            .unwrap()
            .filter_map(Result::ok)
        {
            let v: Value =
                serde_json::from_str(&std::fs::read_to_string(file.path()).unwrap()).unwrap();
            let names = |v: &Value| -> Vec<String> {
                v.as_array()
                    .map(|a| a.iter().map(|s| s.as_str().unwrap().to_string()).collect())
                    .unwrap_or_default()
            };
            let subprojects = v["subprojects"]
                .as_array()
                .map(|a| {
                    a.iter()
                        .map(|s| {
                            let d = s.get("departments").map(names);
                            (s["title"].as_str().unwrap().to_string(), d)
                        })
                        .collect()
                })
                .unwrap_or_default();
            rows.push((
                v["id"].as_str().unwrap().to_string(),
                v["title"].as_str().unwrap().to_string(),
                names(&v["departments"]),
                v["and_others"].as_bool().unwrap_or(false),
                subprojects,
            ));
        }
    }
    let key = |id: &str| -> Vec<u32> { id.split('-').map(|n| n.parse().unwrap()).collect() };
    rows.sort_by_key(|r| key(&r.0));
    rows
}

/// How many plan files `root` has (`plans/goal-N/*.json`).
fn plan_files(root: &Path) -> usize {
    std::fs::read_dir(root.join("plans"))
        .unwrap()
        .filter_map(Result::ok)
        .filter(|e| e.path().is_dir())
        .flat_map(|d| std::fs::read_dir(d.path()).unwrap().filter_map(Result::ok))
        .filter(|e| e.path().extension().is_some_and(|x| x == "json"))
        .count()
}

fn real() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn the_csv_reads_back_as_the_plans() {
    let run = run_in(real(), &["export", "--format", "csv"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stdout.starts_with('\u{FEFF}'), "a BOM for Excel");
    let body = run.stdout.trim_start_matches('\u{FEFF}');
    let mut reader = csv::Reader::from_reader(body.as_bytes());
    let header: Vec<String> = reader
        .headers()
        .unwrap()
        .iter()
        .map(str::to_string)
        .collect();
    assert_eq!(
        header,
        [
            "計画番号",
            "重点推進目標",
            "重点推進目標名",
            "取組事項",
            "取組事項名",
            "計画の番号",
            "計画名",
            "担当課",
            "等",
            "個別事業"
        ]
    );
    let mut rows = Vec::new();
    for record in reader.records() {
        let r = record.unwrap();
        let subprojects = if r[9].is_empty() {
            Vec::new()
        } else {
            r[9].split('\n')
                .map(|s| match s.split_once('（') {
                    Some((title, departments)) => (
                        title.to_string(),
                        Some(
                            departments
                                .trim_end_matches('）')
                                .split('、')
                                .map(str::to_string)
                                .collect(),
                        ),
                    ),
                    None => (s.to_string(), None),
                })
                .collect()
        };
        // The id is written with a leading ' so that a spreadsheet keeps it as text, not a date.
        let id = r[0].strip_prefix('\'').expect("the id kept as text");
        rows.push((
            id.to_string(),
            r[6].to_string(),
            r[7].split('、').map(str::to_string).collect(),
            &r[8] == "等",
            subprojects,
        ));
    }
    assert_eq!(rows, plans_of(real()));
    assert_eq!(rows.len(), plan_files(real()), "one row for each plan file");
}

#[test]
fn the_json_validates_against_its_schema_and_reads_back_as_the_plans() {
    let run = run_in(real(), &["export", "--format", "json"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let document: Value = serde_json::from_str(&run.stdout).unwrap();
    let schema: Value = serde_json::from_str(
        &std::fs::read_to_string(real().join("schema/export.schema.json")).unwrap(),
    )
    .unwrap();
    assert_eq!(document["$schema"], schema["$id"]);
    let validator = jsonschema::validator_for(&schema).unwrap();
    let errors: Vec<String> = validator
        .iter_errors(&document)
        .map(|e| e.to_string())
        .collect();
    assert!(errors.is_empty(), "{errors:?}");
    let rows: Vec<Row> = document["plans"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            let names = |v: &Value| -> Vec<String> {
                v.as_array()
                    .unwrap()
                    .iter()
                    .map(|s| s.as_str().unwrap().to_string())
                    .collect()
            };
            (
                p["id"].as_str().unwrap().to_string(),
                p["title"].as_str().unwrap().to_string(),
                names(&p["departments"]),
                p["and_others"].as_bool().unwrap(),
                p["subprojects"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|s| {
                        (
                            s["title"].as_str().unwrap().to_string(),
                            s.get("departments").map(names),
                        )
                    })
                    .collect(),
            )
        })
        .collect();
    assert_eq!(rows, plans_of(real()));
    // Reproducible, byte for byte.
    assert_eq!(
        run_in(real(), &["export", "--format", "json"]).stdout,
        run.stdout
    );
}

#[test]
fn options_and_refusal() {
    let f = Fixture::copy_of("sample");
    let plain = f.run(&["export", "--format", "csv", "--no-bom", "--header", "en"]);
    assert!(
        plain.stdout.starts_with(
            "id,goal,goal_title,item,item_title,number,title,departments,and_others,subprojects\r\n"
        ),
        "{}",
        plain.stdout
    );
    std::fs::create_dir(f.path("out")).unwrap();
    let written = f.run(&[
        "export",
        "--format",
        "json",
        "-o",
        &f.path("out/plans.json").display().to_string(),
        "--lang",
        "ja",
    ]);
    assert_eq!(written.code, 0, "{}", written.stderr);
    assert!(
        written
            .stdout
            .ends_with("/out/plans.json に書き出しました。\n"),
        "{}",
        written.stdout
    );
    assert!(f.read("out/plans.json").starts_with("{\n  \"$schema\""));
    // A folder that does not exist, and a folder named instead of a file: exit 2, one
    // message, nothing written.
    let missing = f.path("nowhere/plans.csv").display().to_string();
    let run = f.run(&["export", "--format", "csv", "-o", &missing]);
    assert_eq!(
        (run.code, run.stdout.as_str(), run.stderr),
        (
            2,
            "",
            format!(
                "plans: the folder {} does not exist\n  = hint: write into a folder that exists; check the folder's name for a typo\n",
                f.path("nowhere").display()
            )
        )
    );
    let folder = f.path("out").display().to_string();
    let run = f.run(&["--lang", "ja", "export", "--format", "csv", "-o", &folder]);
    assert_eq!(
        (run.code, run.stdout.as_str(), run.stderr),
        (
            2,
            "",
            format!(
                "plans: {folder} はフォルダーです。\n  = 直し方: 書き出すファイルの名前まで指定してください（例: -o {folder}/plans.csv）。\n"
            )
        )
    );
    assert!(!f.path("nowhere").exists());
    assert_eq!(listing(&f.path("out")).len(), 1);
    f.edit("plans/goal-1/1-1-1.json", "試験企画課", "試験企面課");
    let refused = f.run(&["export", "--format", "csv"]);
    assert_eq!(refused.code, 1);
    assert_eq!(refused.stdout, "");
    assert!(refused.stderr.ends_with("plans: the data has errors, so nothing was written; fix them and run the command again\n"), "{}", refused.stderr);
}

/// With progress switched on (a fictional fixture): the CSV has one column per fiscal year
/// with any entry, holding each plan's status; the JSON carries the set-up and every entry,
/// as the files say them, and validates against its schema.
#[test]
fn progress_in_the_csv_and_the_json() {
    let f = common::with_progress();
    common::open_year(&f, 2027);
    common::give_progress(
        &f,
        "plans/goal-1/1-1-1.json",
        "    \"2026\": { \"status\": \"A\", \"summary\": \"架空の結果です。\", \"indicators\": [{ \"name\": \"架空の件数\", \"unit\": \"件\", \"target\": 120, \"actual\": 96.5 }] },\n    \"2027\": { \"status\": \"B\", \"summary\": \"架空の結果その二です。\" }",
    );
    common::give_progress(
        &f,
        "plans/goal-3/3-1-1.json",
        "    \"2027\": { \"status\": \"D\", \"summary\": \"架空の結果です。\" }",
    );
    let csv = f.run(&["export", "--format", "csv", "--no-bom"]);
    let mut reader = ::csv::Reader::from_reader(csv.stdout.as_bytes());
    let header: Vec<String> = reader
        .headers()
        .unwrap()
        .iter()
        .map(str::to_string)
        .collect();
    assert_eq!(header[10..], ["2026年度の評価", "2027年度の評価"]);
    let statuses: Vec<(String, String, String)> = reader
        .records()
        .map(|r| {
            let r = r.unwrap();
            (r[0].to_string(), r[10].to_string(), r[11].to_string())
        })
        .filter(|(_, a, b)| !a.is_empty() || !b.is_empty())
        .collect();
    assert_eq!(
        statuses,
        [
            ("'1-1-1".into(), "A".into(), "B".into()),
            ("'3-1-1".into(), String::new(), "D".into())
        ]
    );
    let english = f.run(&["export", "--format", "csv", "--no-bom", "--header", "en"]);
    assert!(
        english
            .stdout
            .lines()
            .next()
            .unwrap()
            .ends_with(",status_2026,status_2027")
    );

    let run = f.run(&["export", "--format", "json"]);
    let document: Value = serde_json::from_str(&run.stdout).unwrap();
    let errors = common::export_schema_errors(&document);
    assert!(errors.is_empty(), "{errors:?}");
    assert_eq!(
        document["progress"],
        serde_json::json!({"period": {"from": 2026, "to": 2029}, "reporting_year": 2027, "scale": [
            {"code": "A", "label": "架空の段階その一"},
            {"code": "B", "label": "架空の段階その二"},
            {"code": "C", "label": "架空の段階その三"},
            {"code": "D", "label": "架空の段階その四"}
        ]})
    );
    let plan = &document["plans"][0];
    assert_eq!(plan["id"], "1-1-1");
    assert_eq!(
        plan["progress"],
        serde_json::json!({
            "2026": {"status": "A", "summary": "架空の結果です。", "indicators": [
                {"name": "架空の件数", "unit": "件", "target": 120, "actual": 96.5}
            ]},
            "2027": {"status": "B", "summary": "架空の結果その二です。", "indicators": []}
        })
    );
    assert!(document["plans"][1].get("progress").is_none());
}
