//! The data as adopted: `tests/fixtures/adopted/plans` is the repository's `plans/` as the plan
//! was adopted, byte for byte (its README says so). It passes `plans check` with the counts its
//! own files give, and every plan of it is still in the repository's `plans/` with the same id,
//! title and departments, so that an amendment is seen: a change after adoption is recorded in
//! the repository's files (`"added_in"`, `"ended"`, a reorganisation in the register), and the
//! fixture is never edited to match.
//!
//! The tool's other tests use fictional fixtures or compute what they expect from the
//! repository's files; this is the one place that holds the document's own data.

mod common;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use common::{Fixture, run_in};
use serde_json::Value;

fn adopted() -> PathBuf {
    common::fixtures().join("adopted")
}

fn repository() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn read_json(path: &Path) -> Value {
    let text = std::fs::read_to_string(path)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// One plan file, read with serde_json (not with the code under test).
struct PlanFile {
    /// From the top of its repository: `plans/goal-G/G-I-N.json`.
    path: String,
    title: String,
    departments: Vec<String>,
    json: Value,
}

/// Every plan file of the repository at `root` (`plans/goal-*/*.json`), by id in number order.
fn plans_of(root: &Path) -> BTreeMap<(Vec<u32>, String), PlanFile> {
    let mut plans = BTreeMap::new();
    for dir in std::fs::read_dir(root.join("plans")).unwrap() {
        let dir = dir.unwrap();
        let name = dir.file_name().to_string_lossy().into_owned();
        if !dir.path().is_dir() || !name.starts_with("goal-") {
            continue;
        }
        for file in std::fs::read_dir(dir.path()).unwrap() {
            let file = file.unwrap();
            let file_name = file.file_name().to_string_lossy().into_owned();
            if !file_name.ends_with(".json") {
                continue;
            }
            let json = read_json(&file.path());
            let id = json["id"].as_str().unwrap_or_default().to_string();
            let key: Vec<u32> = id.split('-').filter_map(|n| n.parse().ok()).collect();
            let departments = json["departments"]
                .as_array()
                .map(|a| {
                    a.iter()
                        .map(|d| d.as_str().unwrap_or_default().to_string())
                        .collect()
                })
                .unwrap_or_default();
            let plan = PlanFile {
                path: format!("plans/{name}/{file_name}"),
                title: json["title"].as_str().unwrap_or_default().to_string(),
                departments,
                json,
            };
            plans.insert((key, id), plan);
        }
    }
    plans
}

/// Whether a repository plan file not in the adopted data records that an amendment added it
/// (`"added_in"`). An ended plan keeps its file, id, title and departments, so it is the
/// adopted plan still. A plan's title changed has no field to record the amendment yet, so such
/// a difference always fails here until one exists.
fn added_by_amendment(plan: &Value) -> bool {
    plan.get("added_in").is_some_and(Value::is_u64)
}

/// The reorganisations the register of the repository at `root` records: each former name
/// (`"formerly"`, every name a department had before, as `plans department rename` and `merge`
/// write it) and the name it has now.
fn renamed(root: &Path) -> BTreeMap<String, String> {
    let register = read_json(&root.join("plans/departments.json"));
    let mut names = BTreeMap::new();
    for d in register["departments"].as_array().into_iter().flatten() {
        let now = d["name"].as_str().unwrap_or_default();
        for old in d["formerly"].as_array().into_iter().flatten() {
            names.insert(
                old.as_str().unwrap_or_default().to_string(),
                now.to_string(),
            );
        }
    }
    names
}

/// An adopted plan's departments as the repository's reorganisations name them: each former
/// name replaced by the name it has now, a name given twice (two departments merged) once.
fn as_renamed(departments: &[String], renamed: &BTreeMap<String, String>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for d in departments {
        let now = renamed.get(d).unwrap_or(d);
        if !out.contains(now) {
            out.push(now.clone());
        }
    }
    out
}

/// How the plans of the repository at `now` differ from those of `adopted`: each difference
/// said in English and in Japanese.
fn differences(adopted: &Path, now: &Path) -> Vec<(String, String)> {
    let before = plans_of(adopted);
    let after = plans_of(now);
    let renamed = renamed(now);
    let mut found = Vec::new();
    for ((_, id), plan) in &before {
        let Some(current) = after.iter().find(|((_, i), _)| i == id).map(|(_, p)| p) else {
            found.push((
                format!("plan {id} ({}) is no longer in plans/", plan.path),
                format!("計画 {id}（{}）が plans/ にありません", plan.path),
            ));
            continue;
        };
        if current.title != plan.title {
            found.push((
                format!(
                    "plan {id}: the title is 「{}」 in {}, 「{}」 as adopted",
                    current.title, current.path, plan.title
                ),
                format!(
                    "計画 {id}: 計画名が {} では「{}」、策定時は「{}」です",
                    current.path, current.title, plan.title
                ),
            ));
        }
        if current.departments != as_renamed(&plan.departments, &renamed) {
            let (now, then) = (current.departments.join("、"), plan.departments.join("、"));
            found.push((
                format!(
                    "plan {id}: the departments are 「{now}」 in {}, 「{then}」 as adopted",
                    current.path
                ),
                format!(
                    "計画 {id}: 担当課が {} では「{now}」、策定時は「{then}」です",
                    current.path
                ),
            ));
        }
    }
    for ((_, id), plan) in &after {
        if !before.keys().any(|(_, i)| i == id) && !added_by_amendment(&plan.json) {
            found.push((
                format!(
                    "plan {id} ({}) is not in the adopted data, and has no \"added_in\"",
                    plan.path
                ),
                format!(
                    "計画 {id}（{}）は策定時のデータになく、\"added_in\" もありません",
                    plan.path
                ),
            ));
        }
    }
    found
}

/// The fixture is the document as adopted: `plans check` passes it with no warning, and its
/// counts, taken from its own files, are the outline's (each goal's plan files are its
/// `expected_plans`, all of them `expected_total`).
#[test]
fn the_adopted_data_passes_check_with_the_counts_of_its_files() {
    let root = adopted();
    let run = run_in(&root, &["check", "--deny-warnings"]);
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    let plans = plans_of(&root);
    let outline = read_json(&root.join("plans/outline.json"));
    let goals = outline["goals"].as_array().unwrap();
    assert!(plans.len() > 1 && goals.len() > 1);
    assert_eq!(
        run.stdout,
        format!("OK: {} plans in {} goals\n", plans.len(), goals.len())
    );
    for goal in goals {
        let number = goal["number"].as_u64().unwrap();
        let files = plans
            .values()
            .filter(|p| p.path.starts_with(&format!("plans/goal-{number}/")))
            .count();
        assert_eq!(
            Some(files as u64),
            goal["expected_plans"].as_u64(),
            "goal {number}"
        );
    }
    assert_eq!(Some(plans.len() as u64), outline["expected_total"].as_u64());
}

/// Every plan of the adopted data is still in the repository (ended or not) with the same id,
/// title and departments (under the names the register's reorganisations give them now), and
/// every other plan of the repository records the amendment that added it (`"added_in"`).
#[test]
fn the_repository_holds_the_adopted_plans() {
    let found = differences(&adopted(), repository());
    if found.is_empty() {
        return;
    }
    let list = |ja: bool| -> String {
        found
            .iter()
            .map(|(en, jp)| format!("  - {}\n", if ja { jp } else { en }))
            .collect()
    };
    panic!(
        "The repository's plans differ from the data as adopted (tests/fixtures/adopted/plans):\n{}\
         An amendment of the plan must be recorded in the repository's files (a plan added \
         has \"added_in\"; a plan ended keeps its file and has \"ended\": \
         docs/add-or-end-plan.md; a department renamed or merged is recorded in the register by \
         plans department rename or merge: docs/reorganise.md). Leave tests/fixtures/adopted/ as \
         adopted: never edit it to match.\n\n\
         リポジトリの計画が、策定時のデータ（tests/fixtures/adopted/plans）と違います。\n{}\
         計画の見直しは、リポジトリのファイルに記録してください（追加した計画には \
         \"added_in\" を書き、終えた計画はファイルを残して \"ended\" を書きます。\
         docs/add-or-end-plan.md。担当課の名前の変更や統合は plans department rename か \
         merge で担当課の一覧に記録します。docs/reorganise.md）。tests/fixtures/adopted/ は\
         策定時のままにし、合わせて直さないでください。\n",
        list(false),
        list(true)
    );
}

/// The comparison sees each change: on a copy of the adopted data, a plan renamed, a department
/// renamed in the register and its plans by hand, a plan removed and a plan added without
/// `"added_in"` (fictional changes, made to whichever plans the data has). The amendments the
/// format records pass: a department renamed and two merged by `plans department rename` and
/// `merge`, a plan added with `"added_in"` and a plan ended.
#[test]
fn a_changed_plan_is_seen_and_a_recorded_amendment_passes() {
    let f = Fixture::copy_of("adopted");
    assert_eq!(differences(&adopted(), f.dir.path()), Vec::new());
    let plans = plans_of(f.dir.path());
    let mut files = plans.values();
    let (first, second, third) = (
        files.next().unwrap(),
        files.next().unwrap(),
        files.next().unwrap(),
    );
    let id = |p: &PlanFile| p.json["id"].as_str().unwrap().to_string();

    // Reorganisations recorded as the tool records them, of three departments other than the
    // one renamed by hand below.
    let register: Vec<String> = read_json(&f.path("plans/departments.json"))["departments"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["name"].as_str().unwrap().to_string())
        .filter(|d| *d != second.departments[0])
        .collect();
    let [.., a, b, c] = register.as_slice() else {
        panic!("the register has fewer than four departments: {register:?}");
    };
    for args in [
        vec!["department", "rename", a, "架空の新課", "--from", "2027"],
        vec![
            "department",
            "merge",
            b,
            c,
            "--into",
            "架空の統合課",
            "--from",
            "2027",
        ],
    ] {
        let run = f.run(&args);
        assert_eq!(run.code, 0, "{args:?}: {}{}", run.stdout, run.stderr);
    }
    assert_eq!(f.run(&["check"]).code, 0);
    assert_eq!(differences(&adopted(), f.dir.path()), Vec::new());

    // Changes no field records.
    common::set_text(
        &f,
        &first.path,
        "/title",
        &format!("{}（架空の見直し）", first.title),
    );
    common::rename_department(&f, &second.departments[0], "架空の改称課");
    f.remove(&third.path);
    let (_, last) = plans.iter().next_back().unwrap();
    let added = last.path.replace(".json", "-added.json");
    let mut plan = read_json(&f.path(&last.path));
    plan["id"] = Value::String("9-9-9".to_string());
    f.write(&added, plan.to_string());
    // Amendments recorded in the plan files.
    let mut recorded = plan.clone();
    recorded["id"] = Value::String("9-9-10".to_string());
    recorded["added_in"] = Value::from(2027);
    f.write(
        &last.path.replace(".json", "-recorded.json"),
        recorded.to_string(),
    );
    let mut ended = read_json(&f.path(&last.path));
    ended["ended"] = serde_json::json!({ "year": 2026, "reason": "completed" });
    f.write(&last.path, ended.to_string());

    let found: Vec<String> = differences(&adopted(), f.dir.path())
        .into_iter()
        .map(|(en, _)| en)
        .collect();
    let expect = [
        format!("plan {}: the title is", id(first)),
        format!("plan {}: the departments are", id(second)),
        format!("plan {} ({}) is no longer in plans/", id(third), third.path),
        format!("plan 9-9-9 ({added}) is not in the adopted data"),
    ];
    for e in &expect {
        assert!(
            found.iter().any(|f| f.starts_with(e.as_str())),
            "{e}… is not among {found:#?}"
        );
    }
    let renamed_by_hand = &second.departments[0];
    let seen = |plan: &str| {
        found.iter().any(|f| {
            f.starts_with(&format!("plan {plan} ")) || f.starts_with(&format!("plan {plan}:"))
        })
    };
    assert!(!seen("9-9-10"), "9-9-10 has \"added_in\": {found:#?}");
    if !last.departments.contains(renamed_by_hand) {
        assert!(!seen(&id(last)), "{} has \"ended\": {found:#?}", id(last));
    }
    // Nothing else differs: none of the reorganisations the register records. One line for
    // each plan naming the department renamed by hand, and one each for the title, the plan
    // removed and the plan added.
    let by_hand = plans
        .values()
        .filter(|p| p.path != third.path && p.departments.contains(renamed_by_hand))
        .count();
    assert_eq!(found.len(), by_hand + 3, "{found:#?}");
}
