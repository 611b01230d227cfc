//! `plans diff`: what changed in the plan between two versions, on temporary git repositories
//! made here from the fictional sample fixture. Every kind of change in one comparison, in
//! text (both languages), Markdown and JSON; the fields of a year's progress; no change; and
//! each reason a comparison cannot be made.

mod common;

use common::{Fixture, Run, commit_all, git};

/// The sample fixture in a new git repository, committed once (on branch `main`).
fn repository() -> Fixture {
    let f = Fixture::copy_of("sample");
    commit_all(&f);
    f
}

fn diff(f: &Fixture, args: &[&str], lang: &str) -> Run {
    let mut all = vec!["diff", "--lang", lang];
    all.extend_from_slice(args);
    f.run(&all)
}

/// One change of every kind.
fn changed() -> Fixture {
    let f = repository();
    // The outline: a goal's and an action area's title.
    f.edit(
        "plans/outline.json",
        "架空目標その三",
        "架空目標その三（改）",
    );
    f.edit(
        "plans/outline.json",
        "架空取組その一の二",
        "架空取組その一の二（改）",
    );
    // A plan retitled, one with a department more and one less, 「等」 both ways.
    f.edit(
        "plans/goal-1/1-1-1.json",
        "架空組織の見直し",
        "架空組織の再編",
    );
    f.edit(
        "plans/goal-1/1-1-2.json",
        "\"試験人事課\"",
        "\"試験人事課\",\n    \"試験企画課\"",
    );
    f.edit(
        "plans/goal-1/1-1-3.json",
        "\"試験企画課\",\n    \"試験人事課\"",
        "\"試験企画課\"",
    );
    f.edit("plans/goal-2/2-1-1.json", ",\n  \"and_others\": true", "");
    f.edit(
        "plans/goal-2/2-1-2.json",
        "\"試験財務課\"\n  ]",
        "\"試験財務課\"\n  ],\n  \"and_others\": true",
    );
    // Sub-projects: one added, one removed, one with another department.
    f.edit(
        "plans/goal-1/1-3-1.json",
        "架空オンライン相談",
        "架空出張窓口",
    );
    f.edit(
        "plans/goal-2/2-2-2.json",
        "\"試験環境課\"\n      ]\n    }",
        "\"試験施設課\"\n      ]\n    }",
    );
    // A plan moved to another action area (same title), one removed, one added.
    let moved = f.read("plans/goal-3/3-2-2.json").replace("3-2-2", "3-1-2");
    std::fs::remove_file(f.path("plans/goal-3/3-2-2.json")).unwrap();
    f.write("plans/goal-3/3-1-2.json", moved);
    std::fs::remove_file(f.path("plans/goal-2/2-2-3.json")).unwrap();
    f.write(
        "plans/goal-1/1-3-4.json",
        "{\n  \"id\": \"1-3-4\",\n  \"title\": \"架空窓口の案内\",\n  \"departments\": [\n    \"試験市民課\"\n  ]\n}\n",
    );
    f
}

#[test]
fn every_kind_of_change_against_the_working_tree() {
    let f = changed();
    let ja = diff(&f, &["main"], "ja");
    let en = diff(&f, &["main"], "en");
    assert_eq!((ja.code, en.code), (0, 0), "{}{}", ja.stderr, en.stderr);
    insta::assert_snapshot!(
        "every_change_text",
        format!("--- ja\n{}--- en\n{}", ja.stdout, en.stdout)
    );
    let markdown = diff(&f, &["main", "--format", "markdown"], "ja");
    insta::assert_snapshot!("every_change_markdown", markdown.stdout);
    let json = diff(&f, &["main", "--format", "json"], "ja");
    insta::assert_snapshot!("every_change_json", json.stdout);
    // JSON is the same in both languages.
    assert_eq!(
        json.stdout,
        diff(&f, &["main", "--format", "json"], "en").stdout
    );
}

#[test]
fn two_revisions_are_compared_and_the_working_tree_is_not_read() {
    let f = changed();
    let dir = f.dir.path();
    git(dir, &["add", "-A"]);
    git(dir, &["commit", "-q", "-m", "changes"]);
    // A change left in the working tree is not part of main~1..main.
    f.edit(
        "plans/goal-3/3-1-1.json",
        "架空協働の推進",
        "架空協働の拡大",
    );
    let between = diff(&f, &["main~1", "main"], "en");
    assert_eq!(between.code, 0, "{}", between.stderr);
    assert!(
        !between.stdout.contains("架空協働の拡大"),
        "{}",
        between.stdout
    );
    let working = diff(&f, &["main~1"], "en");
    assert_eq!(
        working.stdout.replace(
            "plan 3-1-1 retitled: 「架空協働の推進」 → 「架空協働の拡大」\n- ",
            ""
        ),
        between
            .stdout
            .replace("main~1 → main", "main~1 → the working tree")
    );
}

#[test]
fn nothing_changed() {
    let f = repository();
    f.write(
        "plans/goal-1/1-1-1.json",
        "{\"departments\":[\"試験企画課\"],\"title\":\"架空組織の見直し\",\"id\":\"1-1-1\"}",
    );
    let ja = diff(&f, &["main"], "ja");
    let en = diff(&f, &["main", "--format", "markdown"], "en");
    assert_eq!(
        format!("{}{}", ja.stdout, en.stdout),
        "計画の変更（main → 作業中のファイル）\n\n計画の内容に変更はありません。\n\
         ## Changes in the plan: main → the working tree\n\nNothing the plan says has changed.\n"
    );
}

#[test]
fn each_reason_a_comparison_cannot_be_made() {
    let mut shown = String::new();
    let mut say = |what: &str, run: Run| {
        shown.push_str(&format!(
            "--- {what}: exit code {}\n{}{}",
            run.code, run.stdout, run.stderr
        ));
    };
    // Not a git repository.
    let plain = Fixture::copy_of("sample");
    let here = |lang: &str| common::run_from(plain.dir.path(), &["diff", "--lang", lang, "main"]);
    say("not a repository", here("ja"));
    say("not a repository", here("en"));
    // A repository with no commits.
    let empty = Fixture::copy_of("sample");
    git(empty.dir.path(), &["init", "-q", "-b", "main"]);
    say("no commits", diff(&empty, &["main"], "ja"));
    // A revision that does not exist.
    let f = repository();
    say("unknown revision", diff(&f, &["v9.9"], "ja"));
    say("unknown revision", diff(&f, &["v9.9"], "en"));
    // A base whose data does not parse.
    f.write("plans/goal-1/1-1-1.json", "{\"id\": \"1-1-1\",}\n");
    git(f.dir.path(), &["commit", "-q", "-a", "-m", "broken"]);
    say("base not JSON", diff(&f, &["main"], "ja"));
    say("base not JSON", diff(&f, &["main"], "en"));
    // As a pull request's summary, in Markdown on standard output (what the name holds inert).
    let named = "[x](https://example.invalid/)@team";
    say(
        "unknown revision, Markdown",
        diff(&f, &["--format", "markdown", named], "ja"),
    );
    say(
        "base not JSON, Markdown",
        diff(&f, &["--format", "markdown", "main"], "en"),
    );
    // A shallow clone without the base.
    let clone = tempfile::tempdir().unwrap();
    let url = format!("file://{}", f.dir.path().display());
    git(clone.path(), &["clone", "-q", "--depth", "1", &url, "c"]);
    let run = common::run_in(&clone.path().join("c"), &["diff", "--lang", "ja", "main~1"]);
    say("shallow clone", run);
    let run = common::run_in(&clone.path().join("c"), &["diff", "--lang", "en", "main~1"]);
    say("shallow clone", run);
    // Missing argument.
    say("no base", f.run(&["diff", "--lang", "ja"]));
    // A revision where a plan file is a link, a goal folder a submodule, or a plan file is
    // larger than any the working tree reads: each is named, never taken for a removed plan.
    let g = repository();
    let dir = g.dir.path();
    g.remove("plans/goal-1/1-1-1.json");
    #[cfg(unix)]
    std::os::unix::fs::symlink("1-1-2.json", g.path("plans/goal-1/1-1-1.json")).unwrap();
    git(dir, &["add", "-A"]);
    git(dir, &["commit", "-q", "-m", "a link"]);
    say(
        "a plan file that is a link",
        diff(&g, &["main~1", "main"], "ja"),
    );
    say(
        "a plan file that is a link",
        diff(&g, &["main~1", "main"], "en"),
    );
    let s = repository();
    let dir = s.dir.path();
    git(dir, &["rm", "-q", "-r", "plans/goal-3"]);
    let base = String::from_utf8(
        std::process::Command::new("git")
            .current_dir(dir)
            .args(["rev-parse", "main"])
            .output()
            .unwrap()
            .stdout,
    )
    .unwrap();
    git(
        dir,
        &[
            "update-index",
            "--add",
            "--cacheinfo",
            &format!("160000,{},plans/goal-3", base.trim()),
        ],
    );
    git(dir, &["commit", "-q", "-m", "a submodule"]);
    say(
        "a goal folder that is a submodule",
        diff(&s, &["main~1", "main"], "ja"),
    );
    let h = repository();
    let large = format!(
        "{{\"id\": \"1-1-1\", \"title\": \"{}\", \"departments\": [\"試験企画課\"]}}\n",
        "架".repeat(3 * 1024 * 1024)
    );
    h.write("plans/goal-1/1-1-1.json", large);
    git(h.dir.path(), &["commit", "-q", "-a", "-m", "large"]);
    say(
        "a plan file over 8 MiB",
        diff(&h, &["main~1", "main"], "en"),
    );
    insta::assert_snapshot!(shown);
}

/// Plans swapped, one inserted before others (which shift by one), the outline's counts, the
/// register, and data that would break a summary's lines or mention someone.
#[test]
fn shifted_plans_counts_the_register_and_unsafe_text() {
    let f = repository();
    let read = |p: &str| f.read(p);
    let (p111, p112) = (
        read("plans/goal-1/1-1-1.json"),
        read("plans/goal-1/1-1-2.json"),
    );
    // 1-1-1 and 1-1-2 swap places.
    f.write("plans/goal-1/1-1-1.json", p112.replace("1-1-2", "1-1-1"));
    f.write("plans/goal-1/1-1-2.json", p111.replace("1-1-1", "1-1-2"));
    // A plan inserted at 1-2-1: the old 1-2-1 and 1-2-2 become 1-2-2 and 1-2-3.
    let (p121, p122) = (
        read("plans/goal-1/1-2-1.json"),
        read("plans/goal-1/1-2-2.json"),
    );
    f.write("plans/goal-1/1-2-3.json", p122.replace("1-2-2", "1-2-3"));
    f.write("plans/goal-1/1-2-2.json", p121.replace("1-2-1", "1-2-2"));
    f.write(
        "plans/goal-1/1-2-1.json",
        "{\"id\": \"1-2-1\", \"title\": \"架空の\\n- 偽の行 @someone\", \"departments\": [\"試験企画課\"]}",
    );
    f.edit(
        "plans/outline.json",
        "\"expected_total\": 16",
        "\"expected_total\": 17",
    );
    f.edit(
        "plans/outline.json",
        "\"expected_plans\": 8",
        "\"expected_plans\": 9",
    );
    f.edit(
        "plans/departments.json",
        "{ \"name\": \"試験監査室\" }",
        "{ \"name\": \"試験監査室\" },\n    { \"name\": \"試験新設課\" }",
    );
    let text = diff(&f, &["main"], "ja");
    let markdown = diff(&f, &["main", "--format", "markdown"], "en");
    assert_eq!(
        (text.code, markdown.code),
        (0, 0),
        "{}{}",
        text.stderr,
        markdown.stderr
    );
    insta::assert_snapshot!(format!("{}--- markdown\n{}", text.stdout, markdown.stdout));
}

#[test]
fn an_outline_that_cannot_be_read_stops_the_comparison() {
    let f = repository();
    f.edit(
        "plans/outline.json",
        "\"expected_total\": 16",
        "\"expected_total\": \"16\"",
    );
    let run = diff(&f, &["main"], "ja");
    assert_eq!(run.code, 2);
    assert_eq!(
        run.stderr,
        "plans: 「作業中のファイル」の plans/outline.json を計画のデータとして読めないため、二つの版を比べられません。\"expected_total\" には整数を書きますが、ダブルクォート（\"）で囲んだ文字列が書かれています。\n  = 直し方: その版のファイルを先に直してください（その版で plans check を実行すると、どこが誤りかが分かります）。\n"
    );
}

/// Progress (fictional): the set-up switched on, a year added, a status changed, a result
/// rewritten, an indicator's figures changed, one taken away and one added, and a year taken
/// away, each one line; in Markdown and JSON too.
#[test]
fn progress_changes() {
    let f = repository();
    let dir = f.dir.path().to_path_buf();
    let progress = common::with_progress();
    std::fs::copy(
        progress.path("plans/outline.json"),
        f.path("plans/outline.json"),
    )
    .unwrap();
    common::give_progress(
        &f,
        "plans/goal-1/1-1-1.json",
        "    \"2026\": { \"status\": \"B\", \"summary\": \"架空の結果です。\", \"indicators\": [{ \"name\": \"架空の件数\", \"unit\": \"件\", \"target\": 120, \"actual\": 8 }, { \"name\": \"架空の割合\", \"unit\": \"%\", \"actual\": 50 }] },\n    \"2027\": { \"status\": \"C\", \"summary\": \"架空の結果その二です。\" }",
    );
    git(&dir, &["commit", "-qam", "progress switched on"]);
    f.edit(
        "plans/goal-1/1-1-1.json",
        "\"actual\": 8 }, { \"name\": \"架空の割合\", \"unit\": \"%\", \"actual\": 50 }",
        "\"actual\": 80 }, { \"name\": \"架空の回数\", \"unit\": \"回\", \"target\": 4.5 }",
    );
    f.edit(
        "plans/goal-1/1-1-1.json",
        "\"status\": \"B\"",
        "\"status\": \"A\"",
    );
    f.edit(
        "plans/goal-1/1-1-1.json",
        "架空の結果です。",
        "架空の結果を書き直しました。",
    );
    f.edit(
        "plans/goal-1/1-1-1.json",
        ",\n    \"2027\": { \"status\": \"C\", \"summary\": \"架空の結果その二です。\" }",
        "",
    );
    common::give_progress(
        &f,
        "plans/goal-3/3-1-1.json",
        "    \"2026\": { \"status\": \"D\", \"summary\": \"架空の結果です。\" }",
    );
    let mut out = String::new();
    for (args, lang) in [
        (vec!["main~1", "main"], "ja"),
        (vec!["main"], "ja"),
        (vec!["main"], "en"),
        (vec!["--format", "markdown", "main"], "ja"),
        (vec!["--format", "json", "main"], "en"),
    ] {
        let run = diff(&f, &args, lang);
        out.push_str(&format!(
            "$ plans diff --lang {lang} {}\nexit code: {}\n{}{}\n",
            args.join(" "),
            run.code,
            run.stdout,
            run.stderr
        ));
    }
    insta::assert_snapshot!(out);
}

// ---- the fields of a year's entry (every name, text and figure is fictional)

/// The fixture with progress set up and the outline naming the section that owns the plan,
/// plan 1-1-1 reporting `base` (fiscal year 2026's entry; no progress when `None`), committed.
fn reported(base: Option<serde_json::Value>) -> Fixture {
    let f = common::with_progress();
    f.edit(
        "plans/outline.json",
        "\"expected_total\": 16,",
        "\"owner\": \"試験企画課\",\n  \"expected_total\": 16,",
    );
    if let Some(entry) = base {
        report(&f, entry);
    }
    commit_all(&f);
    f
}

/// Plan 1-1-1 as the fixture has it, with fiscal year 2026's entry `entry`.
fn report(f: &Fixture, entry: serde_json::Value) {
    let plan = "plans/goal-1/1-1-1.json";
    f.write(
        plan,
        std::fs::read(common::fixtures().join("sample").join(plan)).unwrap(),
    );
    common::give_progress(f, plan, &format!("    \"2026\": {entry}"));
}

/// `plans diff main` as text in both languages and as the pull request's summary; in JSON too
/// when `json`.
fn against_main(f: &Fixture, json: bool) -> String {
    let mut runs: Vec<&[&str]> = vec![
        &["diff", "--lang", "ja", "main"],
        &["diff", "--lang", "en", "main"],
        &["diff", "--lang", "ja", "--format", "markdown", "main"],
    ];
    if json {
        runs.push(&["diff", "--lang", "ja", "--format", "json", "main"]);
    }
    common::transcript(f, &runs)
}

/// A new entry with every field: its result, indicators (thousands grouped), next steps,
/// fiscal effect and the section's comment, named as the outline names the section.
#[test]
fn a_new_entry_with_every_field() {
    let f = reported(None);
    report(
        &f,
        serde_json::json!({
            "status": "B",
            "summary": "架空の窓口を二か所に増やしました。",
            "indicators": [
                { "name": "架空の相談件数", "unit": "件", "target": 12000, "actual": 9600 }
            ],
            "next_steps": "架空の予約を始めます。",
            "fiscal_effect": { "amount": 12000, "unit": "千円" },
            "comment": { "by": "section", "text": "架空の所見です。" }
        }),
    );
    insta::assert_snapshot!(against_main(&f, true));
}

/// Next steps rewritten: the sentences rewritten or added, not the whole text; an indicator's
/// figures in the same entry, grouped.
#[test]
fn changed_next_steps() {
    let entry = |next_steps: &str, actual: u32| {
        serde_json::json!({
            "status": "B",
            "summary": "架空の結果です。",
            "indicators": [{ "name": "架空の利用者数", "unit": "人", "target": 15000, "actual": actual }],
            "next_steps": next_steps
        })
    };
    let f = reported(Some(entry(
        "架空の課題その一です。架空の課題その二です。",
        9800,
    )));
    report(
        &f,
        entry(
            "架空の課題その一です。架空の課題その二を改めました。架空の方向性です。",
            12500,
        ),
    );
    insta::assert_snapshot!(against_main(&f, false));
}

/// A fiscal effect given another amount, and one written into an entry that had none.
#[test]
fn changed_fiscal_effect() {
    let entry = |amount: Option<u32>| {
        let mut e = serde_json::json!({ "status": "A", "summary": "架空の結果です。" });
        if let Some(amount) = amount {
            e["fiscal_effect"] = serde_json::json!({ "amount": amount, "unit": "千円" });
        }
        e
    };
    let f = reported(Some(entry(Some(10000))));
    common::give_progress(
        &f,
        "plans/goal-1/1-1-2.json",
        &format!("    \"2026\": {}", entry(None)),
    );
    git(f.dir.path(), &["commit", "-qam", "1-1-2 reports"]);
    report(&f, entry(Some(12000)));
    f.edit(
        "plans/goal-1/1-1-2.json",
        "\"summary\":\"架空の結果です。\"",
        "\"summary\":\"架空の結果です。\",\"fiscal_effect\":{\"amount\":1234567.0,\"unit\":\"千円\"}",
    );
    insta::assert_snapshot!(against_main(&f, true));
}

/// The committee comments on an entry, and a section's comment is replaced by the
/// committee's: the one taken away, the other written whole.
#[test]
fn a_comment_added_by_the_committee() {
    let entry = |comment: Option<serde_json::Value>| {
        let mut e = serde_json::json!({ "status": "A", "summary": "架空の結果です。" });
        if let Some(c) = comment {
            e["comment"] = c;
        }
        e
    };
    let f = reported(Some(entry(None)));
    common::give_progress(
        &f,
        "plans/goal-1/1-1-2.json",
        &format!(
            "    \"2026\": {}",
            entry(Some(
                serde_json::json!({ "by": "section", "text": "架空の所見です。" })
            ))
        ),
    );
    git(f.dir.path(), &["commit", "-qam", "1-1-2 reports"]);
    report(
        &f,
        entry(Some(
            serde_json::json!({ "by": "committee", "text": "架空の講評です。" }),
        )),
    );
    f.edit(
        "plans/goal-1/1-1-2.json",
        "{\"by\":\"section\",\"text\":\"架空の所見です。\"}",
        "{\"by\":\"committee\",\"text\":\"架空の委員会の講評です。\"}",
    );
    insta::assert_snapshot!(against_main(&f, true));
}

/// Next steps, the fiscal effect and the comment taken out of an entry.
#[test]
fn fields_removed() {
    let f = reported(Some(serde_json::json!({
        "status": "A",
        "summary": "架空の結果です。",
        "next_steps": "架空の課題です。",
        "fiscal_effect": { "amount": 12000, "unit": "千円" },
        "comment": { "by": "committee", "text": "架空の講評です。" }
    })));
    report(
        &f,
        serde_json::json!({ "status": "A", "summary": "架空の結果です。" }),
    );
    insta::assert_snapshot!(against_main(&f, true));
}

/// Texts with paragraphs: a new entry's whole, paragraph by paragraph (one without 。, blank
/// lines and a CRLF); a rewrite's changed sentences; paragraphs only broken differently; and
/// a paragraph that would start a Markdown list or heading stays inside its item.
#[test]
fn texts_with_paragraphs() {
    let entry = |summary: &str, next_steps: &str| serde_json::json!({ "status": "A", "summary": summary, "next_steps": next_steps });
    let f = reported(Some(entry(
        "架空の第一段落です。\n架空の第二段落です。",
        "架空の課題です。架空の方向性です。",
    )));
    report(
        &f,
        entry(
            "架空の第一段落です。架空の第二段落です。",
            "架空の課題です。\n\n- 架空の見出し\r\n# 架空の方向性です。",
        ),
    );
    common::give_progress(
        &f,
        "plans/goal-1/1-1-2.json",
        &format!(
            "    \"2026\": {}",
            entry(
                "架空の成果\n架空の第一段落です。架空の二文目です。\n\n架空の第二段落です。",
                "1. 架空の番号付きの段落です。\n> 架空の引用に見える段落です。"
            )
        ),
    );
    let runs: [&[&str]; 5] = [
        &["diff", "--lang", "ja", "main"],
        &["diff", "--lang", "en", "main"],
        &["diff", "--lang", "ja", "--format", "markdown", "main"],
        &["diff", "--lang", "en", "--format", "markdown", "main"],
        &["diff", "--lang", "ja", "--format", "json", "main"],
    ];
    insta::assert_snapshot!(common::transcript(&f, &runs));
}
