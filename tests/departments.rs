//! Reorganisations (機構改革) on the fictional sample fixture: `plans department rename` and
//! `merge` change the register (keeping the former names and the year) and every plan naming
//! them in one canonical edit; `check` tells a plan still naming an old department which name
//! replaced it and since when; `diff` says a reorganisation once. Whole outputs, both languages.

mod common;

use common::{Fixture, commit_all, open_year, transcript, with_progress};

fn repository() -> Fixture {
    let f = Fixture::copy_of("sample");
    commit_all(&f);
    f
}

#[test]
fn a_rename_and_a_merge_change_the_register_and_every_plan_at_once() {
    let f = repository();
    let out = transcript(
        &f,
        &[
            &[
                "department",
                "rename",
                "試験人事課",
                "試験職員課",
                "--from",
                "2027",
                "--lang",
                "ja",
            ],
            &[
                "department",
                "merge",
                "試験施設課",
                "試験環境課",
                "--into",
                "試験施設環境課",
                "--from",
                "2028",
                "--lang",
                "en",
            ],
            &["check", "--deny-warnings"],
            &[
                "fmt",
                "--check",
                "plans/departments.json",
                "plans/goal-1/1-1-2.json",
                "plans/goal-1/1-1-3.json",
                "plans/goal-2/2-2-1.json",
                "plans/goal-2/2-2-2.json",
            ],
            &["diff", "main", "--lang", "ja"],
            &["diff", "main", "--lang", "en"],
        ],
    );
    let register = f.read("plans/departments.json");
    let merged = f.read("plans/goal-2/2-2-2.json");
    insta::assert_snapshot!(format!(
        "{out}--- plans/departments.json\n{register}--- plans/goal-2/2-2-2.json\n{merged}"
    ));
}

#[test]
fn an_old_name_is_told_the_name_that_replaced_it() {
    let f = repository();
    assert_eq!(
        f.run(&[
            "department",
            "rename",
            "試験人事課",
            "試験職員課",
            "--from",
            "2027"
        ])
        .code,
        0
    );
    // A plan written from an old copy: the old name again.
    f.edit("plans/goal-1/1-1-2.json", "試験職員課", "試験人事課");
    let mut out = String::new();
    for lang in ["ja", "en"] {
        out.push_str(&f.run(&["check", "--lang", lang]).stdout);
    }
    insta::assert_snapshot!(out);
}

#[test]
fn what_cannot_be_reorganised_is_refused_and_nothing_is_written() {
    let f = repository();
    let out = transcript(
        &f,
        &[
            &[
                "department",
                "rename",
                "架空課",
                "試験職員課",
                "--from",
                "2027",
                "--lang",
                "ja",
            ],
            &[
                "department",
                "rename",
                "試験人事課",
                "試験企画課",
                "--from",
                "2027",
                "--lang",
                "en",
            ],
            &[
                "department",
                "merge",
                "試験人事課",
                "試験人事課",
                "--into",
                "試験職員課",
                "--from",
                "2027",
                "--lang",
                "ja",
            ],
            &[
                "department",
                "merge",
                "試験人事課",
                "--into",
                "試験職員課",
                "--from",
                "2027",
                "--lang",
                "en",
            ],
            &[
                "department",
                "rename",
                "試験人事課",
                "試験職員課",
                "--from",
                "1999",
                "--lang",
                "en",
            ],
        ],
    );
    insta::assert_snapshot!(out);
    let status = std::process::Command::new("git")
        .args(["status", "--porcelain"])
        .current_dir(f.dir.path())
        .output()
        .unwrap();
    assert_eq!(String::from_utf8_lossy(&status.stdout), "");
}

/// A past year's tallies and reminders use the names in force that year, with the name now.
#[test]
fn a_past_year_is_counted_under_the_names_in_force_then() {
    let f = with_progress();
    // A year outside the plan's period is refused, nothing written.
    let outside = f.run(&[
        "department",
        "rename",
        "試験人事課",
        "試験職員課",
        "--from",
        "2031",
        "--lang",
        "ja",
    ]);
    assert_eq!(
        (outside.code, outside.stderr.as_str()),
        (
            2,
            "plans: 2031 年度は、計画期間（2026〜2029 年度）の外です。\n  = 直し方: --from には 2026 から 2029 までの年度を指定してください。\n"
        )
    );
    let rename = [
        "department",
        "rename",
        "試験人事課",
        "試験職員課",
        "--from",
        "2027",
    ];
    assert_eq!(f.run(&rename).code, 0);
    open_year(&f, 2027);
    let out = transcript(
        &f,
        &[
            &["progress", "--year", "2026", "--lang", "ja"],
            &[
                "progress", "--year", "2026", "--lang", "en", "--format", "markdown",
            ],
            &["progress", "--lang", "ja"],
        ],
    );
    let departments: Vec<&str> = out
        .lines()
        .filter(|l| l.starts_with("$ ") || l.contains("試験職員課") || l.contains("試験人事課"))
        .collect();
    insta::assert_snapshot!(departments.join("\n"));
}

/// Merging a department into a registered one is a merge (said so), keeps the registered
/// one's place and counts a past year under both names; a department merged into itself, or
/// renamed to its own name, is refused; a plan given the department in the same change is still
/// listed by diff.
#[test]
fn a_merge_into_a_registered_department_and_what_changes_nothing() {
    let f = repository();
    // The register: 試験企画課 first, 試験監査室 last.
    let out = transcript(
        &f,
        &[
            &[
                "department",
                "merge",
                "試験企画課",
                "--into",
                "試験企画課",
                "--from",
                "2027",
                "--lang",
                "ja",
            ],
            &[
                "department",
                "rename",
                "試験企画課",
                "試験企画課",
                "--from",
                "2027",
                "--lang",
                "en",
            ],
            &[
                "department",
                "merge",
                "試験監査室",
                "--into",
                "試験企画課",
                "--from",
                "2027",
                "--lang",
                "ja",
            ],
        ],
    );
    // In the same change, a plan that named neither is given the department merged into.
    f.edit(
        "plans/goal-2/2-1-1.json",
        "\"試験財務課\"",
        "\"試験財務課\",\n    \"試験企画課\"",
    );
    let diff = f.run(&["diff", "main", "--lang", "ja"]).stdout;
    let register = f.read("plans/departments.json");
    insta::assert_snapshot!(format!(
        "{out}$ plans diff main --lang ja\n{diff}--- plans/departments.json\n{register}"
    ));
}
