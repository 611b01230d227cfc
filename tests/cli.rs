//! The command line: output formats, exit codes, errors that stop a run (in every format),
//! output that cannot be written, and that `check` writes nothing.

mod common;

#[cfg(unix)]
use std::process::{Command, Stdio};

use common::{Fixture, Run, run_in};

fn broken() -> Fixture {
    let f = Fixture::minimal();
    f.edit("plans/goal-1/1-1-1.json", "試験企画課", "試験企面課");
    f.edit(
        "plans/goal-2/2-1-1.json",
        "架空経費の削減",
        "架空経費の 削減",
    );
    f
}

#[test]
fn human_format_shows_place_source_line_marker_hint_and_summary() {
    let run = broken().run(&["check"]);
    assert_eq!(run.code, 1);
    let expected = "\
plans/goal-1/1-1-1.json:5:5: error[known-departments]: unknown department 「試験企面課」
  |
5 |     \"試験企面課\"
  |     ^^^^^^^^^^^^
  = hint: did you mean 「試験企画課」? department names must match plans/departments.json exactly

plans/goal-2/2-1-1.json:3:12: warning[line-wrap-space]: a space between 「の」 and 「削」 looks like a line break copied from the PDF
  |
3 |   \"title\": \"架空経費の 削減\",
  |            ^^^^^^^^^^^^^^^^^
  = hint: remove it: 「架空経費の削減」

1 error, 1 warning in 2 files
";
    assert_eq!(run.stdout, expected);
    assert_eq!(run.stderr, "");
}

#[test]
fn colour_can_be_forced() {
    let run = broken().run(&["check", "--color", "always"]);
    assert!(
        run.stdout
            .contains("\x1b[1;31merror[known-departments]\x1b[0m")
    );
}

#[test]
fn json_format_gives_every_field_with_the_message_code() {
    let run = broken().run(&["check", "--format", "json"]);
    assert_eq!(run.code, 1);
    let expected = r#"[
  {
    "severity": "error",
    "rule": "known-departments",
    "code": "unknown-department",
    "file": "plans/goal-1/1-1-1.json",
    "pointer": "/departments/0",
    "line": 5,
    "column": 5,
    "message": "unknown department 「試験企面課」",
    "hint": "did you mean 「試験企画課」? department names must match plans/departments.json exactly"
  },
  {
    "severity": "warning",
    "rule": "line-wrap-space",
    "code": "line-wrap-space",
    "file": "plans/goal-2/2-1-1.json",
    "pointer": "/title",
    "line": 3,
    "column": 12,
    "message": "a space between 「の」 and 「削」 looks like a line break copied from the PDF",
    "hint": "remove it: 「架空経費の削減」"
  }
]
"#;
    assert_eq!(run.stdout, expected);
}

#[test]
fn github_format_writes_escaped_workflow_commands() {
    let run = broken().run(&["check", "--format", "github"]);
    let expected = "\
::error file=plans/goal-1/1-1-1.json,line=5,col=5,title=plans check%3A known-departments::unknown department 「試験企面課」%0Ahint: did you mean 「試験企画課」? department names must match plans/departments.json exactly
::warning file=plans/goal-2/2-1-1.json,line=3,col=12,title=plans check%3A line-wrap-space::a space between 「の」 and 「削」 looks like a line break copied from the PDF%0Ahint: remove it: 「架空経費の削減」
1 error, 1 warning in 2 files
";
    assert_eq!(run.stdout, expected);
}

#[test]
fn diagnostics_are_sorted_by_file_line_and_column() {
    let f = Fixture::minimal();
    f.edit("plans/goal-2/2-1-1.json", "試験財務課", "試験財務 課");
    f.edit(
        "plans/goal-1/1-1-2.json",
        "\"試験人事課\",",
        "\"試験人事 課\",",
    );
    f.edit("plans/goal-1/1-1-2.json", "架空業務委託", " 架空業務委託");
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

/// Runs `plans <args>` with `-C` naming `dir` exactly as given.
fn run_with_dir(dir: &str, args: &[&str]) -> Run {
    run_in(std::path::Path::new(dir), args)
}

#[test]
fn a_missing_folder_stops_the_run_in_every_format() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("nowhere");
    let missing = missing.to_str().unwrap();
    let human = run_with_dir(missing, &["check"]);
    assert_eq!(human.code, 2);
    assert_eq!(human.stdout, "");
    assert_eq!(
        human.stderr,
        format!(
            "plans: the folder {missing} does not exist\n  = hint: name the top folder of the plan repository with -C DIR, or run the command there\n"
        )
    );
    let json = run_with_dir(missing, &["check", "--format", "json"]);
    assert_eq!(json.code, 2);
    let expected = format!(
        r#"[
  {{
    "severity": "error",
    "rule": null,
    "code": "root-missing",
    "file": null,
    "pointer": null,
    "line": null,
    "column": null,
    "message": "the folder {missing} does not exist",
    "hint": "name the top folder of the plan repository with -C DIR, or run the command there"
  }}
]
"#
    );
    assert_eq!(json.stdout, expected);
    let github = run_with_dir(missing, &["check", "--format", "github"]);
    assert_eq!(github.code, 2);
    assert_eq!(
        github.stdout,
        format!(
            "::error title=plans::the folder {missing} does not exist%0Ahint: name the top folder of the plan repository with -C DIR, or run the command there\n"
        )
    );
}

#[test]
fn each_reason_a_repository_cannot_be_checked_is_said() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().to_str().unwrap().to_string();
    let first_line = |run: &Run| {
        assert_eq!(run.code, 2, "{}", run.stderr);
        run.stderr.lines().next().unwrap_or_default().to_string()
    };
    assert_eq!(
        first_line(&run_with_dir(&root, &["check"])),
        format!("plans: there is no plans/ folder in {root}")
    );
    std::fs::write(dir.path().join("file"), "").unwrap();
    assert_eq!(
        first_line(&run_with_dir(&format!("{root}/file"), &["check"])),
        format!("plans: {root}/file is a file, not a folder")
    );
    std::fs::write(dir.path().join("plans"), "").unwrap();
    assert_eq!(
        first_line(&run_with_dir(&root, &["build"])),
        format!("plans: plans in {root} is a file, not a folder")
    );
    #[cfg(unix)]
    {
        std::fs::remove_file(dir.path().join("plans")).unwrap();
        std::fs::create_dir(dir.path().join("real")).unwrap();
        std::os::unix::fs::symlink(dir.path().join("real"), dir.path().join("plans")).unwrap();
        assert_eq!(
            first_line(&run_with_dir(&root, &["check"])),
            format!("plans: plans/ in {root} is a symbolic link; links are not followed")
        );
    }
}

#[test]
fn bad_arguments_exit_2() {
    let f = Fixture::minimal();
    assert_eq!(f.run(&["check", "--format", "xml"]).code, 2);
    assert_eq!(f.run(&["chekc"]).code, 2);
    assert_eq!(f.run(&["build", "--scale", "9"]).code, 2);
    let help = f.run(&["--help"]);
    assert_eq!(help.code, 0);
    assert!(help.stdout.contains("check"), "{}", help.stdout);
}

/// Runs `plans -C <fixture> <args>` with standard output sent to `stdout`.
#[cfg(unix)]
fn run_into(f: &Fixture, args: &[&str], stdout: Stdio) -> Run {
    let output = common::plans()
        .arg("-C")
        .arg(f.dir.path())
        .args(args)
        .stdout(stdout)
        .stderr(Stdio::piped())
        .output()
        .expect("run plans");
    Run::of(output)
}

#[cfg(target_os = "linux")]
#[test]
fn output_that_cannot_be_written_exits_2_without_a_panic() {
    let f = broken();
    for args in [
        &["check"][..],
        &["check", "--format", "json"],
        &["build"],
        &["build", "--check"],
        &["--help"],
    ] {
        let full = std::fs::File::create("/dev/full").unwrap();
        let run = run_into(&f, args, Stdio::from(full));
        assert_eq!(run.code, 2, "{args:?}: {}", run.stderr);
        assert!(!run.stderr.contains("panicked"), "{args:?}: {}", run.stderr);
        if args[0] != "--help" {
            assert!(
                run.stderr
                    .contains("the output could not be written: the disk is full"),
                "{args:?}: {}",
                run.stderr
            );
        }
    }
}

#[cfg(unix)]
#[test]
fn a_closed_pipe_exits_2_without_a_panic() {
    let f = Fixture::minimal();
    for args in [&["check"][..], &["build"]] {
        // The reading end is closed before the command starts, so its first write fails.
        let (reader, writer) = std::io::pipe().unwrap();
        drop(reader);
        let output = common::plans()
            .arg("-C")
            .arg(f.dir.path())
            .args(args)
            .stdout(Stdio::from(writer))
            .stderr(Stdio::piped())
            .output()
            .unwrap();
        let run = Run::of(output);
        assert_eq!(run.code, 2, "{args:?}: {}", run.stderr);
        assert_eq!(
            run.stderr,
            "plans: the output could not be written: the program reading the output has stopped\n",
            "{args:?}"
        );
    }
}

#[test]
fn check_writes_nothing() {
    let f = broken();
    let before = common::listing(f.dir.path());
    for format in ["human", "json", "github"] {
        f.run(&["check", "--format", format]);
    }
    assert_eq!(common::listing(f.dir.path()), before);
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
    let output = Command::new("sh")
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
    assert_eq!(run.of_rule("file-location").len(), 300);
}

/// `completions` prints a script that knows every command, for each shell; `man` a manual
/// page in the chosen language.
#[test]
fn completions_and_the_manual_page() {
    let f = Fixture::minimal();
    for shell in ["bash", "zsh", "fish", "powershell"] {
        let run = f.run(&["completions", shell]);
        assert_eq!(run.code, 0, "{shell}: {}", run.stderr);
        for command in ["check", "build", "diff", "fmt", "lang"] {
            assert!(run.stdout.contains(command), "{shell} lacks {command}");
        }
    }
    let ja = f.run(&["man", "--lang", "ja"]);
    assert_eq!(ja.code, 0);
    assert!(
        ja.stdout.starts_with(".ie \\n(.g .ds Aq \\(aq\n"),
        "{}",
        ja.stdout
    );
    assert!(ja.stdout.contains("計画のファイルを検査し、図を作ります。"));
    // Every section heading in Japanese.
    let headings: Vec<&str> = ja
        .stdout
        .lines()
        .filter(|l| l.starts_with(".SH "))
        .collect();
    assert_eq!(
        headings,
        [
            ".SH 名前",
            ".SH 書式",
            ".SH 説明",
            ".SH オプション",
            ".SH コマンド",
            ".SH バージョン"
        ]
    );
    let en = f.run(&["man", "--lang", "en"]);
    assert!(
        en.stdout
            .contains("checks the plan files and draws the charts.")
    );
}
