//! Japanese first, English second: how the language is chosen, and the whole output of the
//! command line in both languages (help, mistakes on the command line, a folder that is not a
//! repository, diagnostics in every format). Rule ids, message codes, JSON field names and
//! exit codes are the same in both.

mod common;

use std::path::Path;
use std::process::Command;

use common::{Fixture, Run};

/// Runs `plans <args>` in `dir` with exactly the locale variables given.
fn run_env(dir: &Path, args: &[&str], env: &[(&str, &str)]) -> Run {
    let mut command = Command::new(env!("CARGO_BIN_EXE_plans"));
    command
        .current_dir(dir)
        .args(args)
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("LANG")
        .env_remove("NO_COLOR");
    for (key, value) in env {
        command.env(key, value);
    }
    Run::of(command.output().expect("run plans"))
}

/// Everything a run printed, with its exit code, for a snapshot.
fn shown(args: &[&str], run: &Run) -> String {
    let mut out = format!("$ plans {}\nexit code: {}\n", args.join(" "), run.code);
    if !run.stdout.is_empty() {
        out.push_str(&format!("--- stdout\n{}", run.stdout));
    }
    if !run.stderr.is_empty() {
        out.push_str(&format!("--- stderr\n{}", run.stderr));
    }
    out
}

/// Each command line run under `LANG` set to `locale`, one after the other.
fn transcript(dir: &Path, locale: &str, lines: &[&[&str]]) -> String {
    lines
        .iter()
        .map(|args| shown(args, &run_env(dir, args, &[("LANG", locale)])))
        .collect::<Vec<_>>()
        .join("\n")
}

fn broken() -> Fixture {
    let f = Fixture::copy_of("sample");
    f.edit("plans/goal-1/1-1-1.json", "試験企画課", "試験企面課");
    f.edit(
        "plans/goal-2/2-1-1.json",
        "\"id\": \"2-1-1\",",
        "\"id\": \"2-1-1\"",
    );
    f
}

#[test]
fn the_environment_chooses_the_language_and_lang_overrides_it() {
    let f = Fixture::copy_of("sample");
    let dir = f.dir.path();
    let summary = |args: &[&str], env: &[(&str, &str)]| run_env(dir, args, env).stdout;
    let ja = summary(&["check", "--lang", "ja"], &[]);
    let en = summary(&["check", "--lang", "en"], &[]);
    assert_ne!(ja, en);
    assert_eq!(summary(&["check"], &[]), en, "no locale: English");
    assert_eq!(summary(&["check"], &[("LANG", "ja_JP.UTF-8")]), ja);
    assert_eq!(summary(&["check"], &[("LANG", "ja")]), ja);
    assert_eq!(summary(&["check"], &[("LANG", "C")]), en);
    assert_eq!(summary(&["check"], &[("LANG", "en_US.UTF-8")]), en);
    // The first of LC_ALL, LC_MESSAGES and LANG that is set and not empty decides.
    let both = [("LC_ALL", "C"), ("LANG", "ja_JP.UTF-8")];
    assert_eq!(summary(&["check"], &both), en);
    let both = [("LC_MESSAGES", "ja_JP.UTF-8"), ("LANG", "C")];
    assert_eq!(summary(&["check"], &both), ja);
    let empty = [("LC_ALL", ""), ("LANG", "ja_JP.UTF-8")];
    assert_eq!(summary(&["check"], &empty), ja);
    // --lang wins, wherever it is written.
    let japanese = [("LANG", "ja_JP.UTF-8")];
    assert_eq!(summary(&["check", "--lang", "en"], &japanese), en);
    assert_eq!(summary(&["--lang=en", "check"], &japanese), en);
    assert_eq!(summary(&["--lang", "ja", "check"], &[("LANG", "C")]), ja);
}

#[test]
fn help_in_both_languages() {
    let f = Fixture::copy_of("sample");
    let lines: &[&[&str]] = &[
        &["--help"],
        &["check", "--help"],
        &["build", "-h"],
        &["fmt", "--help"],
        &["diff", "--help"],
        &["new", "--help"],
        &["export", "--help"],
        &["report", "--help"],
        &["site", "--help"],
        &["progress", "--help"],
        &["sheet", "--help"],
        &["import", "--help"],
        &["department", "--help"],
        &["department", "rename", "--help"],
        &["department", "merge", "--help"],
        &["rules", "--help"],
        &["completions", "--help"],
        &["man", "--help"],
        &["--version"],
    ];
    insta::assert_snapshot!("help_ja", transcript(f.dir.path(), "ja_JP.UTF-8", lines));
    insta::assert_snapshot!("help_en", transcript(f.dir.path(), "C", lines));
}

/// `plans rules` prints the registry whole: each rule's id, severity, summary and fix, and in
/// Markdown the guide's section.
#[test]
fn the_rule_reference_in_both_languages() {
    let f = Fixture::copy_of("sample");
    let lines: &[&[&str]] = &[&["rules"], &["rules", "--format", "markdown"]];
    insta::assert_snapshot!("rules_ja", transcript(f.dir.path(), "ja_JP.UTF-8", lines));
    insta::assert_snapshot!("rules_en", transcript(f.dir.path(), "C", lines));
}

#[test]
fn mistakes_on_the_command_line_in_both_languages() {
    let f = Fixture::copy_of("sample");
    let lines: &[&[&str]] = &[
        &[],
        &["chek"],
        // Two commands are alike ("export", "import"): the closer one is offered.
        &["exprt"],
        &["imprt"],
        &["help"],
        &["check", "--fromat", "json"],
        &["check", "--format", "xml"],
        &["check", "--format"],
        &["check", "extra"],
        &["check", "--timings", "--timings"],
        &["check", "--timings=yes"],
        &["build", "--scale", "9"],
        &["build", "--scale", "-1"],
        &["build", "--scale", "two"],
        &["--lang", "fr", "check"],
        &["fmt", "--check", "README.md"],
        &["fmt", "--chek"],
        &["diff"],
        &["diff", "main", "--format", "html"],
        &["completions", "tcsh"],
        &["export"],
        &["export", "--format", "xls"],
        &["report", "--stdout=yes"],
        &["site", "-o"],
        &["site", "extra"],
        &["progress", "--year", "1999"],
        &["progress", "--format", "xlsx"],
        &["completions"],
    ];
    insta::assert_snapshot!("usage_ja", transcript(f.dir.path(), "ja_JP.UTF-8", lines));
    insta::assert_snapshot!("usage_en", transcript(f.dir.path(), "C", lines));
}

/// A mistaken or missing command is answered with every command `plans --help` lists, in its
/// order: both come from the parser's one definition of the commands.
#[test]
fn a_mistaken_command_is_answered_with_every_command() {
    let f = Fixture::copy_of("sample");
    let dir = f.dir.path();
    for (locale, heading) in [("C", "Commands:\n"), ("ja_JP.UTF-8", "コマンド:\n")] {
        let help = run_env(dir, &["--help"], &[("LANG", locale)]).stdout;
        let listed: Vec<String> = help
            .split(heading)
            .nth(1)
            .expect("a list of commands")
            .lines()
            .take_while(|line| !line.is_empty())
            .filter_map(|line| line.split_whitespace().next().map(str::to_string))
            .collect();
        assert!(listed.len() > 1, "{help}");
        let (rest, last) = listed.split_at(listed.len() - 1);
        let (and, or) = if locale == "C" {
            let commas = rest.join(", ");
            (
                format!("the commands are {commas} and {}", last[0]),
                format!("{commas} or {}", last[0]),
            )
        } else {
            let all = listed.join("、");
            (
                format!("コマンドは {all} です"),
                format!("（{all} のいずれか"),
            )
        };
        for args in [&["chek"][..], &["help"]] {
            let run = run_env(dir, args, &[("LANG", locale)]);
            assert!(run.stderr.contains(&and), "{args:?}: {}", run.stderr);
        }
        let run = run_env(dir, &[], &[("LANG", locale)]);
        assert!(run.stderr.contains(&or), "{}", run.stderr);
    }
}

/// The completion scripts and the manual page, whole, in both languages: they are made from
/// the same definitions as `--help`, with the same words.
#[test]
fn completions_and_the_manual_page_in_both_languages() {
    let f = Fixture::copy_of("sample");
    let lines: &[&[&str]] = &[
        &["completions", "bash"],
        &["completions", "zsh"],
        &["completions", "fish"],
        &["completions", "powershell"],
        &["man"],
    ];
    insta::assert_snapshot!(
        "completions_ja",
        transcript(f.dir.path(), "ja_JP.UTF-8", lines)
    );
    insta::assert_snapshot!("completions_en", transcript(f.dir.path(), "C", lines));
}

#[test]
fn a_folder_that_is_not_a_repository_in_both_languages() {
    let empty = tempfile::tempdir().unwrap();
    let lines: &[&[&str]] = &[
        &["check"],
        &["check", "--format", "json"],
        &["check", "--format", "github"],
        &["build"],
        &["fmt", "--check"],
        &["-C", "no-such-folder", "build", "--check"],
    ];
    insta::assert_snapshot!(
        "no_repository_ja",
        transcript(empty.path(), "ja_JP.UTF-8", lines)
    );
    insta::assert_snapshot!("no_repository_en", transcript(empty.path(), "C", lines));
}

#[test]
fn diagnostics_in_every_format_in_both_languages() {
    let f = broken();
    let lines: &[&[&str]] = &[
        &["check"],
        &["check", "--format", "github"],
        &["check", "--format", "json"],
        &["build"],
        &["build", "--check"],
    ];
    insta::assert_snapshot!(
        "diagnostics_ja",
        transcript(f.dir.path(), "ja_JP.UTF-8", lines)
    );
    insta::assert_snapshot!("diagnostics_en", transcript(f.dir.path(), "C", lines));
}

#[test]
fn the_guide_on_ci_messages_shows_the_real_japanese_output() {
    let run = run_env(broken().dir.path(), &["check", "--lang", "ja"], &[]);
    let guide =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/ci-messages.md"))
            .unwrap();
    let block = format!("```text\n{}```\n", run.stdout);
    assert!(
        guide.contains(&block),
        "docs/ci-messages.md's example must be the real output:\n{block}"
    );
}

#[test]
fn build_and_its_check_in_both_languages() {
    let f = Fixture::copy_of("sample");
    let lines: &[&[&str]] = &[&["build", "--check"], &["build"], &["build", "--check"]];
    insta::assert_snapshot!("build_ja", transcript(f.dir.path(), "ja_JP.UTF-8", lines));
    let f = Fixture::copy_of("sample");
    insta::assert_snapshot!("build_en", transcript(f.dir.path(), "C", lines));
}

#[test]
fn the_json_output_differs_only_in_words() {
    let f = broken();
    let json = |lang: &str| {
        let run = run_env(
            f.dir.path(),
            &["check", "--format", "json", "--lang", lang],
            &[],
        );
        let mut items: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
        for item in items.as_array_mut().unwrap() {
            let item = item.as_object_mut().unwrap();
            assert!(item.remove("message").is_some());
            assert!(item.remove("hint").is_some());
        }
        (run.code, items)
    };
    assert_eq!(json("ja"), json("en"));
}
