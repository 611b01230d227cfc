//! `plans new`: the next plan of an action area, in canonical form; unknown departments,
//! titles already used, action areas not in the outline and missing values refused with one
//! sentence (exit 2); the counts to raise said, or raised; and the questions on a terminal.

mod common;

use std::io::{Read, Write};
use std::process::{Command, Stdio};

use common::Fixture;

fn sample() -> Fixture {
    Fixture::copy_of("sample")
}

const ADD: &[&str] = &[
    "new",
    "--area",
    "1-3",
    "--title",
    "架空の新計画",
    "--department",
    "試験市民課",
    "--department",
    "DX試験課",
    "--and-others",
    "--subproject",
    "架空の事業",
];

#[test]
fn a_plan_is_added_as_the_next_of_its_action_area() {
    let mut shown = String::new();
    for lang in ["ja", "en"] {
        let f = sample();
        let mut args = ADD.to_vec();
        args.extend(["--lang", lang]);
        let run = f.run(&args);
        shown.push_str(&format!(
            "--- {lang}: exit code {}\n{}{}",
            run.code, run.stdout, run.stderr
        ));
        assert_eq!(
            f.read("plans/goal-1/1-3-4.json"),
            "{\n  \"id\": \"1-3-4\",\n  \"title\": \"架空の新計画\",\n  \"departments\": [\n    \"試験市民課\",\n    \"DX試験課\"\n  ],\n  \"and_others\": true,\n  \"subprojects\": [\n    {\n      \"title\": \"架空の事業\"\n    }\n  ]\n}\n"
        );
        // The plan itself passes; only the counts it names are left to raise.
        let check = f.check_json(&[]);
        let rules: Vec<String> = check
            .diagnostics()
            .iter()
            .map(|d| d["rule"].as_str().unwrap_or_default().to_string())
            .collect();
        assert_eq!(rules, ["counts"], "{}", check.stdout);
    }
    insta::assert_snapshot!(shown);
}

#[test]
fn update_counts_raises_them_and_check_passes() {
    let f = sample();
    let mut args = ADD.to_vec();
    args.push("--update-counts");
    // `--item`, the option's first name, is still accepted.
    args[1] = "--item";
    let run = f.run(&args);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(
        run.stdout,
        "wrote plan 1-3-4 to plans/goal-1/1-3-4.json\nset goal 1's \"expected_plans\" to 9 and \"expected_total\" to 17 in plans/outline.json\n"
    );
    let check = f.run(&["check", "--deny-warnings"]);
    assert_eq!(check.code, 0, "{}", check.stdout);
    assert_eq!(check.stdout, "OK: 17 plans in 3 goals\n");
    // The outline is rewritten in canonical form, with nothing else changed.
    assert_eq!(f.run(&["fmt", "--check", "plans/outline.json"]).code, 0);
}

#[test]
fn what_cannot_be_added_is_refused() {
    let f = sample();
    let before = common::listing(f.dir.path());
    let mut shown = String::new();
    let cases: &[&[&str]] = &[
        &["new"],
        &["new", "--area", "1-3", "--title", "架空の新計画"],
        &[
            "new",
            "--area",
            "1_3",
            "--title",
            "架空",
            "--department",
            "試験市民課",
        ],
        &[
            "new",
            "--area",
            "1-9",
            "--title",
            "架空",
            "--department",
            "試験市民課",
        ],
        &[
            "new",
            "--area",
            "1-3",
            "--title",
            "架空組織の見直し",
            "--department",
            "試験市民課",
        ],
        &[
            "new",
            "--area",
            "1-3",
            "--title",
            "架空",
            "--department",
            "試験市民科",
        ],
        &[
            "new",
            "--area",
            "1-3",
            "--title",
            "架空",
            "--department",
            "架空課",
        ],
        &[
            "new",
            "--area",
            "1-3",
            "--title",
            "架空",
            "--department",
            "試験市民課",
            "--department",
            "試験市民課",
        ],
        &[
            "new",
            "--area",
            "1-3",
            "--title",
            "架空",
            "--department",
            "試験市民課",
            "--subproject",
            "",
        ],
        &[
            "new",
            "--area",
            "1-3",
            "--title",
            "架空\tの計画",
            "--department",
            "試験市民課",
        ],
    ];
    for lang in ["ja", "en"] {
        for args in cases {
            let mut all = args.to_vec();
            all.extend(["--lang", lang]);
            let run = f.run(&all);
            shown.push_str(&format!(
                "$ plans {}\nexit code: {}\n{}{}\n",
                all.join(" "),
                run.code,
                run.stdout,
                run.stderr
            ));
        }
    }
    assert_eq!(common::listing(f.dir.path()), before, "nothing is written");
    insta::assert_snapshot!(shown);
}

/// On a terminal (made with `script`), `new` asks for each value, asks again for one it
/// cannot use, and offers the registered departments by number.
/// Runs `plans new --lang ja` on a terminal made with `script`, giving it `answers`.
fn on_a_terminal(f: &Fixture, answers: &str) -> std::process::Output {
    // Without the terminal's echo: the answers go in at once, and an echo could come before
    // or after the first question depending on how busy the machine is.
    let command = format!(
        "stty -echo; {} -C {} new --lang ja",
        env!("CARGO_BIN_EXE_plans"),
        f.dir.path().display()
    );
    let mut child = Command::new("script")
        .args(["-qec", &command, "/dev/null"])
        .env("LANG", "C")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("this test needs `script` (util-linux) to give plans a terminal");
    // The answers go in at once, and `script`'s input stays open until plans has ended: an
    // input closed early makes `script` end the session, on a busy machine before plans has
    // read every answer.
    let mut input = child.stdin.take().unwrap();
    input.write_all(answers.as_bytes()).unwrap();
    let mut stdout = Vec::new();
    child
        .stdout
        .take()
        .unwrap()
        .read_to_end(&mut stdout)
        .unwrap();
    let status = child.wait().unwrap();
    drop(input);
    std::process::Output {
        status,
        stdout,
        stderr: Vec::new(),
    }
}

/// The questions on a terminal, with a register whose names try to act (fictional): the
/// list of departments and every answer said back are inert in a CI log.
#[test]
fn on_a_terminal_hostile_names_stay_text() {
    let f = common::hostile();
    // A department that is not registered first: the question is asked again, naming it.
    let answers = "1-1\n##[error]対話の架空計画\n##[error]不明課\n::warning::架空課\nn\n\n";
    let output = on_a_terminal(&f, answers);
    let shown = String::from_utf8_lossy(&output.stdout);
    assert!(output.status.success(), "{shown}");
    assert!(shown.contains("::warning::架空課"), "{shown}");
    assert!(shown.contains("#<U+0023>[error]不明課"), "{shown}");
    // The terminal may echo the answers themselves before `stty -echo` takes hold: those are
    // what was typed, not what plans wrote.
    for line in shown
        .split(['\n', '\r'])
        .filter(|l| !answers.lines().any(|a| a == *l))
    {
        assert!(
            !line.contains("##[") && !line.trim_start().starts_with("::"),
            "a runner command: {line}"
        );
    }
}

#[test]
fn on_a_terminal_it_asks_for_each_value() {
    let f = sample();
    let answers = "9-9\n1-2\n架空の対話計画\n1,試験人事課\nたぶん\ny\n架空の事業\n\n";
    let output = on_a_terminal(&f, answers);
    let shown = String::from_utf8_lossy(&output.stdout);
    assert!(output.status.success(), "{shown}");
    for expected in [
        "取組事項の番号（重点推進目標-取組事項。例: 1-3）: この値は使えません: 取組事項 9-9 は体系にありません。",
        "   1. 試験企画課",
        "   8. 試験監査室",
        "この値は使えません: y か n で答えてください。",
        "計画 1-2-3 を plans/goal-1/1-2-3.json に書きました。",
    ] {
        assert!(shown.contains(expected), "{expected}\n---\n{shown}");
    }
    assert_eq!(
        f.read("plans/goal-1/1-2-3.json"),
        "{\n  \"id\": \"1-2-3\",\n  \"title\": \"架空の対話計画\",\n  \"departments\": [\n    \"試験企画課\",\n    \"試験人事課\"\n  ],\n  \"and_others\": true,\n  \"subprojects\": [\n    {\n      \"title\": \"架空の事業\"\n    }\n  ]\n}\n"
    );
}

/// An entry already at the next number (a file that is not a plan yet) is never replaced, nor
/// stepped over: it is named as the file to fix first, and nothing is written.
#[test]
fn an_entry_at_the_next_number_is_never_replaced() {
    let f = sample();
    f.write("plans/goal-1/1-3-4.json", "not a plan yet");
    let before = common::listing(f.dir.path());
    let run = f.run(ADD);
    assert_eq!(
        (run.code, run.stdout.as_str(), run.stderr.as_str()),
        (
            2,
            "",
            "plans: no plan is added (nothing was written): fix plans/goal-1/1-3-4.json:1:1 first: the file is not valid JSON: a value is missing or misspelled here\n  = hint: values are \"text\" in straight double quotes, numbers, true, false, [lists] or {objects}; then run plans new again (while the file is like this, the plans cannot be counted and numbered right)\n"
        )
    );
    assert_eq!(common::listing(f.dir.path()), before);
}

/// A misnamed file that already holds the next id: the plan is not written, and the file is
/// named, with what to do with it.
#[test]
fn an_id_another_file_holds_is_refused() {
    let f = sample();
    let copy = f
        .read("plans/goal-1/1-3-3.json")
        .replace("1-3-3", "1-3-4")
        .replace("架空電子申請の推進", "架空の写し");
    f.write("plans/goal-1/1-3-4 のコピー.json", copy);
    let run = f.run(ADD);
    assert_eq!(run.code, 2);
    assert_eq!(
        run.stderr,
        "plans: no plan is added (nothing was written): fix plans/goal-1/1-3-4 のコピー.json first: plan 1-3-4 must be in a file named 1-3-4.json\n  = hint: rename this file to plans/goal-1/1-3-4.json; then run plans new again (while the file is like this, the plans cannot be counted and numbered right)\n"
    );
    assert!(!f.path("plans/goal-1/1-3-4.json").exists());
}

/// A repository with a file that cannot be read as what it is: a plan that does not parse
/// (its goal's plans would be counted one short), or a goal folder that is a link to a folder
/// elsewhere (its plans would not be counted, and the new plan would be written through it).
/// `new` adds nothing, names the file to fix first, and writes nothing anywhere.
#[test]
fn a_repository_with_a_file_it_cannot_read_gets_no_plan() {
    let mut shown = String::new();
    let add = [
        "new",
        "--area",
        "2-1",
        "--title",
        "架空の新計画",
        "--department",
        "試験財務課",
        "--update-counts",
    ];
    let broken = sample();
    broken.edit("plans/goal-2/2-2-1.json", "\"id\"", "\"id\" ");
    broken.edit("plans/goal-2/2-2-1.json", ",", "");
    let linked = sample();
    let elsewhere = tempfile::tempdir().unwrap();
    std::fs::rename(linked.path("plans/goal-2"), elsewhere.path().join("goal-2")).unwrap();
    #[cfg(unix)]
    std::os::unix::fs::symlink(elsewhere.path().join("goal-2"), linked.path("plans/goal-2"))
        .unwrap();
    for (what, f) in [
        ("a plan that does not parse", &broken),
        ("a linked goal folder", &linked),
    ] {
        let before = (
            common::listing(f.dir.path()),
            common::listing(elsewhere.path()),
        );
        for lang in ["ja", "en"] {
            let mut args = add.to_vec();
            args.extend(["--lang", lang]);
            let run = f.run(&args);
            shown.push_str(&format!(
                "--- {what} ({lang}): exit code {}\n{}{}",
                run.code, run.stdout, run.stderr
            ));
        }
        assert_eq!(
            (
                common::listing(f.dir.path()),
                common::listing(elsewhere.path())
            ),
            before,
            "{what}: something was written"
        );
    }
    // A broken plan of another goal does not bear on goal 2: the plan is added, counted right.
    let other = sample();
    other.edit("plans/goal-3/3-1-1.json", ",", "");
    let run = other.run(&add);
    shown.push_str(&format!(
        "--- a plan of another goal that does not parse: exit code {}\n{}{}",
        run.code, run.stdout, run.stderr
    ));
    assert!(other.path("plans/goal-2/2-1-3.json").exists());
    insta::assert_snapshot!(shown);
}
