//! The plan's life over its four years, on the fictional sample fixture with progress on: a
//! plan ended (完了・廃止・統合) keeps its file, id and past progress and reports up to the year
//! it ended; a plan added by an amendment (`added_in`) is not counted against the document's
//! counts and reports from the year it was added; the commands and `diff` say so. Every
//! output is asserted whole, in both languages where it has words.

mod common;

use common::{
    Fixture, append_field, commit_all, give_progress, open_year, transcript, with_progress,
};

const ENTRY_2026: &str = "    \"2026\": { \"status\": \"A\", \"summary\": \"架空の結果です。\" }";
const ENTRIES_2026_2027: &str = "    \"2026\": { \"status\": \"A\", \"summary\": \"架空の結果です。\" },\n    \"2027\": { \"status\": \"B\", \"summary\": \"架空の結果その二です。\" }";

/// A new plan 1-3-4, added by the amendment of fiscal year 2027.
const ADDED: &str = "{\n  \"id\": \"1-3-4\",\n  \"title\": \"架空の追加計画\",\n  \"departments\": [\n    \"試験市民課\"\n  ],\n  \"added_in\": 2027\n}\n";

/// 2027 open; plan 1-3-3 completed in 2026 (it reported 2026), plan 2-2-3 merged into 2-2-2
/// in 2027, plan 1-3-4 added in 2027.
fn lived() -> Fixture {
    let f = with_progress();
    open_year(&f, 2027);
    give_progress(&f, "plans/goal-1/1-3-3.json", ENTRY_2026);
    append_field(
        &f,
        "plans/goal-1/1-3-3.json",
        "  \"ended\": { \"year\": 2026, \"reason\": \"completed\" }\n",
    );
    give_progress(&f, "plans/goal-2/2-2-3.json", ENTRIES_2026_2027);
    append_field(
        &f,
        "plans/goal-2/2-2-3.json",
        "  \"ended\": { \"year\": 2027, \"reason\": \"merged\", \"into\": \"2-2-2\", \"note\": \"架空の統合です。\" }\n",
    );
    f.write("plans/goal-1/1-3-4.json", ADDED);
    f
}

#[test]
fn ended_and_added_plans_pass_and_report_only_their_years() {
    let f = lived();
    insta::assert_snapshot!(transcript(
        &f,
        &[
            &["check", "--deny-warnings"],
            // 2026: 1-3-4 is not yet a plan; 1-3-3 and 2-2-3 reported.
            &["progress", "--year", "2026", "--lang", "ja"],
            // 2027: 1-3-3 has ended; 1-3-4 is expected to report.
            &["progress", "--lang", "en"],
        ]
    ));
}

#[test]
fn the_report_and_the_page_show_ended_and_added_plans() {
    let f = lived();
    let report = f.run(&["report", "--stdout"]);
    assert_eq!(report.code, 0, "{}", report.stderr);
    let rows: Vec<&str> = report
        .stdout
        .lines()
        .filter(|l| {
            l.starts_with("| 1-3-")
                || l.starts_with("| 2-2-")
                || l.ends_with("の課・機関が担当します。")
        })
        .collect();
    insta::assert_snapshot!(rows.join("\n"));
    let out = tempfile::tempdir().unwrap();
    let run = f.run(&["site", "-o", &out.path().display().to_string()]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    // Each year with progress keeps a page, and every page links to every year's.
    let earlier = std::fs::read_to_string(out.path().join("year-2026.html")).unwrap();
    let page = std::fs::read_to_string(out.path().join("index.html")).unwrap();
    let nav = |page: &str| -> String {
        page.lines()
            .filter(|l| l.contains("class=\"years\"") || l.contains("id=\"progress-h\""))
            .collect::<Vec<_>>()
            .join("\n")
    };
    insta::assert_snapshot!(format!(
        "--- index.html\n{}\n--- year-2026.html\n{}",
        nav(&page),
        nav(&earlier)
    ));
    let rows: Vec<&str> = page
        .lines()
        .filter(|l| {
            l.contains("id=\"plan-1-3-")
                || l.contains("id=\"plan-2-2-3\"")
                || l.contains("class=\"totals\"")
        })
        .collect();
    insta::assert_snapshot!(rows.join("\n"));
}

/// Progress in a year the plan was not active; a merge without the plan it went into, and into
/// a plan that does not exist; a plan that ends before it was added.
#[test]
fn a_plans_life_written_wrong_is_named() {
    let mut out = String::new();
    for lang in ["ja", "en"] {
        let f = lived();
        f.edit(
            "plans/goal-1/1-3-4.json",
            "\"added_in\": 2027",
            "\"added_in\": 2027,\n  \"progress\": {\n    \"2026\": { \"status\": \"A\", \"summary\": \"架空の結果です。\" }\n  }",
        );
        f.edit(
            "plans/goal-1/1-3-3.json",
            "\"2026\": { \"status\": \"A\", \"summary\": \"架空の結果です。\" }",
            "\"2026\": { \"status\": \"A\", \"summary\": \"架空の結果です。\" },\n    \"2027\": { \"status\": \"A\", \"summary\": \"架空の結果その二です。\" }",
        );
        f.edit("plans/goal-2/2-2-3.json", "\"into\": \"2-2-2\", ", "");
        append_field(
            &f,
            "plans/goal-2/2-2-2.json",
            "  \"ended\": { \"year\": 2027, \"reason\": \"merged\", \"into\": \"2-2-9\" }\n",
        );
        append_field(
            &f,
            "plans/goal-1/1-3-4.json",
            "  \"ended\": { \"year\": 2026, \"reason\": \"abolished\", \"into\": \"1-3-1\" }\n",
        );
        out.push_str(&f.run(&["check", "--lang", lang]).stdout);
    }
    insta::assert_snapshot!(out);
}

/// `diff` says a plan was added by an amendment, ended, or deleted with its progress (then
/// with a warning that suggests ending it instead); deleting leaves a gap that `numbering`
/// says to mend by bringing the file back.
#[test]
fn diff_says_added_ended_and_deleted_with_progress() {
    let f = with_progress();
    open_year(&f, 2027);
    give_progress(&f, "plans/goal-2/2-2-3.json", ENTRIES_2026_2027);
    give_progress(&f, "plans/goal-1/1-3-2.json", ENTRY_2026);
    commit_all(&f);
    append_field(
        &f,
        "plans/goal-2/2-2-3.json",
        "  \"ended\": { \"year\": 2027, \"reason\": \"abolished\" }\n",
    );
    f.write("plans/goal-1/1-3-4.json", ADDED);
    f.remove("plans/goal-1/1-3-2.json");
    let mut out = String::new();
    for lang in ["ja", "en"] {
        out.push_str(&f.run(&["diff", "main", "--lang", lang]).stdout);
        out.push_str(&f.run(&["check", "--lang", lang]).stdout);
    }
    insta::assert_snapshot!(out);
}

/// The JSON export says when plans were added and ended, and still validates against its
/// schema.
#[test]
fn the_export_says_when_plans_were_added_and_ended() {
    let f = lived();
    let run = f.run(&["export", "--format", "json"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let document: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    let errors = common::export_schema_errors(&document);
    assert!(errors.is_empty(), "{errors:?}");
    let life: Vec<String> = document["plans"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|p| p.get("added_in").is_some() || p.get("ended").is_some())
        .map(|p| {
            format!(
                "{} added_in={} ended={}",
                p["id"].as_str().unwrap(),
                p["added_in"],
                p["ended"]
            )
        })
        .collect();
    assert_eq!(
        life,
        [
            "1-3-3 added_in=null ended={\"reason\":\"completed\",\"year\":2026}",
            "1-3-4 added_in=2027 ended=null",
            "2-2-3 added_in=null ended={\"into\":\"2-2-2\",\"note\":\"架空の統合です。\",\"reason\":\"merged\",\"year\":2027}",
        ]
    );
}

/// `plans new --added-in` writes a plan added by an amendment: the counts stay the
/// document's, and check passes at once.
#[test]
fn new_adds_a_plan_of_an_amendment_without_touching_the_counts() {
    let f = with_progress();
    open_year(&f, 2027);
    let out = transcript(
        &f,
        &[
            &[
                "new",
                "--area",
                "1-3",
                "--title",
                "架空の見直し計画",
                "--department",
                "試験市民課",
                "--added-in",
                "2027",
                "--lang",
                "ja",
            ],
            &["check", "--deny-warnings"],
            &["fmt", "--check", "plans/goal-1/1-3-4.json"],
            &[
                "new",
                "--area",
                "1-3",
                "--title",
                "架空",
                "--department",
                "試験市民課",
                "--added-in",
                "2027",
                "--update-counts",
                "--lang",
                "en",
            ],
        ],
    );
    insta::assert_snapshot!(format!(
        "{out}--- plans/goal-1/1-3-4.json\n{}",
        f.read("plans/goal-1/1-3-4.json")
    ));
}

/// Opening a year is one line in `diff`.
#[test]
fn diff_says_a_year_was_opened() {
    let f = with_progress();
    commit_all(&f);
    open_year(&f, 2027);
    let mut out = String::new();
    for lang in ["ja", "en"] {
        out.push_str(&f.run(&["diff", "main", "--lang", lang]).stdout);
    }
    insta::assert_snapshot!(out);
}

/// A year's entry may hold the annual report's fields: next steps, the fiscal effect and a
/// comment marked as the section's or the committee's; they pass check and reach the JSON
/// export; a comment not marked as the section's or the committee's is named.
#[test]
fn a_years_entry_holds_next_steps_the_fiscal_effect_and_a_comment() {
    let f = with_progress();
    give_progress(
        &f,
        "plans/goal-1/1-1-1.json",
        "    \"2026\": { \"status\": \"A\", \"summary\": \"架空の結果です。\", \"next_steps\": \"架空の課題です。\", \"fiscal_effect\": { \"amount\": 12000, \"unit\": \"千円\" }, \"comment\": { \"by\": \"committee\", \"text\": \"架空の委員会のコメントです。\" } }",
    );
    assert_eq!(f.run(&["check", "--deny-warnings"]).code, 0);
    let run = f.run(&["export", "--format", "json"]);
    let document: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(
        document["plans"][0]["progress"]["2026"],
        serde_json::json!({
            "comment": {"by": "committee", "text": "架空の委員会のコメントです。"},
            "fiscal_effect": {"amount": 12000, "unit": "千円"},
            "indicators": [],
            "next_steps": "架空の課題です。",
            "status": "A",
            "summary": "架空の結果です。"
        })
    );
    f.edit("plans/goal-1/1-1-1.json", "\"committee\"", "\"department\"");
    let mut out = String::new();
    for lang in ["ja", "en"] {
        out.push_str(&f.run(&["check", "--lang", lang]).stdout);
    }
    insta::assert_snapshot!(out);
}

/// A sentence written a second time is a new sentence, not one taken out; sentences only
/// reordered are said as such.
#[test]
fn diff_tells_a_repeated_sentence_from_a_removed_one() {
    let f = with_progress();
    give_progress(
        &f,
        "plans/goal-1/1-1-1.json",
        "    \"2026\": { \"status\": \"A\", \"summary\": \"架空その一。架空その二。\" }",
    );
    commit_all(&f);
    let mut out = String::new();
    for (from, to) in [
        (
            "架空その一。架空その二。",
            "架空その一。架空その二。架空その二。",
        ),
        (
            "架空その一。架空その二。架空その二。",
            "架空その二。架空その一。",
        ),
        ("架空その二。架空その一。", "架空その一。"),
    ] {
        f.edit("plans/goal-1/1-1-1.json", from, to);
        out.push_str(&f.run(&["diff", "main", "--lang", "ja"]).stdout);
    }
    insta::assert_snapshot!(out);
}
