//! The command line: output formats, exit codes, and that `check` writes nothing.

mod common;

use common::{Fixture, Run, run_in};

#[test]
fn human_format_shows_place_source_line_marker_hint_and_summary() {
    let f = Fixture::minimal();
    f.edit(
        "plans/goal-1/1-1-1.json",
        "行政マネジメント課",
        "行政マネジメト課",
    );
    f.edit(
        "plans/goal-2/2-1-1.json",
        "経常経費の削減",
        "経常経費の 削減",
    );
    let run = f.run(&["check"]);
    assert_eq!(run.code, 1);
    let expected = "\
plans/goal-1/1-1-1.json:5:5: error[known-departments]: unknown department 「行政マネジメト課」
  |
5 |     \"行政マネジメト課\"
  |     ^^^^^^^^^^^^^^^^^^
  = hint: did you mean 「行政マネジメント課」? department names must match plans/departments.json exactly

plans/goal-2/2-1-1.json:3:12: warning[line-wrap-space]: a space between 「の」 and 「削」 looks like a line break copied from the PDF
  |
3 |   \"title\": \"経常経費の 削減\",
  |            ^^^^^^^^^^^^^^^^^
  = hint: remove it: 「経常経費の削減」

1 error, 1 warning in 2 files
";
    assert_eq!(run.stdout, expected);
    assert!(
        !run.stdout.contains('\x1b'),
        "no colour when not a terminal"
    );
}

#[test]
fn colour_can_be_forced() {
    let f = Fixture::minimal();
    f.edit(
        "plans/goal-1/1-1-1.json",
        "行政マネジメント課",
        "行政マネジメト課",
    );
    let run = f.run(&["check", "--color", "always"]);
    assert!(
        run.stdout
            .contains("\x1b[1;31merror[known-departments]\x1b[0m")
    );
}

#[test]
fn json_format_has_every_field() {
    let f = Fixture::minimal();
    f.edit(
        "plans/goal-1/1-1-1.json",
        "行政マネジメント課",
        "行政マネジメト課",
    );
    let run = f.check_json(&[]);
    let d = &run.diagnostics()[0];
    for key in [
        "severity", "rule", "file", "pointer", "line", "column", "message", "hint",
    ] {
        assert!(d.get(key).is_some(), "missing {key}: {d}");
    }
    assert_eq!(d["pointer"], "/departments/0");
    assert_eq!(d["severity"], "error");
}

#[test]
fn github_format_writes_escaped_workflow_commands() {
    let f = Fixture::minimal();
    f.edit(
        "plans/goal-1/1-1-1.json",
        "行政マネジメント課",
        "行政マネジメト課",
    );
    f.edit(
        "plans/goal-2/2-1-1.json",
        "経常経費の削減",
        "経常経費の 削減",
    );
    let run = f.run(&["check", "--format", "github"]);
    let lines: Vec<&str> = run.stdout.lines().collect();
    assert_eq!(
        lines[0],
        "::error file=plans/goal-1/1-1-1.json,line=5,col=5,title=plans check%3A known-departments::unknown department 「行政マネジメト課」%0Ahint: did you mean 「行政マネジメント課」? department names must match plans/departments.json exactly"
    );
    assert!(lines[1].starts_with("::warning file=plans/goal-2/2-1-1.json,line=3,col=12,"));
    assert_eq!(lines[2], "1 error, 1 warning in 2 files");
}

#[test]
fn diagnostics_are_sorted_by_file_line_and_column() {
    let f = Fixture::minimal();
    f.edit("plans/goal-2/2-1-1.json", "財政課", "財政 課");
    f.edit("plans/goal-1/1-1-2.json", "\"人事課\",", "\"人事 課\",");
    f.edit("plans/goal-1/1-1-2.json", "業務委託", " 業務委託");
    let run = f.check_json(&[]);
    let places: Vec<(String, u64, u64)> = run
        .diagnostics()
        .iter()
        .map(|d| {
            (
                d["file"].as_str().unwrap().to_string(),
                d["line"].as_u64().unwrap_or(0),
                d["column"].as_u64().unwrap_or(0),
            )
        })
        .collect();
    let mut sorted = places.clone();
    sorted.sort();
    assert_eq!(places, sorted);
    assert!(places.len() >= 3);
}

#[test]
fn no_plans_folder_exits_2() {
    let dir = tempfile::tempdir().unwrap();
    let run = run_in(dir.path(), &["check"]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("no plans/ folder"), "{}", run.stderr);
}

#[test]
fn bad_arguments_exit_2() {
    let f = Fixture::minimal();
    assert_eq!(f.run(&["check", "--format", "xml"]).code, 2);
    assert_eq!(f.run(&["chekc"]).code, 2);
}

#[test]
fn check_writes_nothing() {
    let f = Fixture::minimal();
    f.edit(
        "plans/goal-1/1-1-1.json",
        "行政マネジメント課",
        "行政マネジメト課",
    );
    let before = listing(f.dir.path());
    for format in ["human", "json", "github"] {
        f.run(&["check", "--format", format]);
    }
    assert_eq!(listing(f.dir.path()), before);
}

fn listing(dir: &std::path::Path) -> Vec<(std::path::PathBuf, Vec<u8>)> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap().filter_map(Result::ok) {
            if e.path().is_dir() {
                stack.push(e.path());
            } else {
                out.push((e.path(), std::fs::read(e.path()).unwrap()));
            }
        }
    }
    out.sort();
    out
}

/// Only the folders being worked on are open at a time, so a repository with many more
/// folders than the limit of open files (often 1,024) is checked in full.
#[cfg(unix)]
#[test]
fn many_folders_fit_a_small_open_file_limit() {
    let f = Fixture::minimal();
    for i in 0..300 {
        f.write(&format!("plans/goal-1/extra-{i:03}/broken.json"), "{");
    }
    let output = std::process::Command::new("sh")
        .arg("-c")
        .arg(r#"ulimit -n 48 && exec "$0" "$@""#)
        .arg(env!("CARGO_BIN_EXE_plans"))
        .arg("-C")
        .arg(f.dir.path())
        .args(["check", "--format", "json"])
        .output()
        .unwrap();
    let run = Run::of(output);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert_eq!(run.of_rule("file-read"), Vec::<serde_json::Value>::new());
    assert_eq!(run.of_rule("json-syntax").len(), 300);
}
