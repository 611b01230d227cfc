//! Data and file names that try to act where the tool's outputs go stay text: no line of any
//! output, in any format and either language, is a command a CI runner acts on (GitHub
//! Actions reads `::` at the start of a line, after white space, and `##[` anywhere; it splits
//! lines at `\n` and `\r`), except the GitHub format's own annotations. Every value is
//! fictional (`common::hostile`).

mod common;

use common::{Fixture, Run, commit_all, hostile, make_hostile, with_progress};

/// The lines of `s` that GitHub Actions' runner would act on, by its own rules (independent of
/// the tool's code).
fn runner_commands(s: &str) -> Vec<&str> {
    s.split(['\n', '\r'])
        .filter(|line| line.contains("##[") || line.trim_start().starts_with("::"))
        .collect()
}

/// The lines of a `--format github` output that the runner reads: each is one of the tool's
/// own annotations (the runner takes it as that command and reads nothing else in it), with
/// the tool's properties only.
fn assert_only_annotations(what: &str, s: &str) {
    for line in runner_commands(s) {
        let body = ["::error ", "::warning ", "::notice "]
            .iter()
            .find_map(|p| line.strip_prefix(p))
            .unwrap_or_else(|| panic!("{what}: not an annotation of the tool's: {line}"));
        let (properties, _text) = body
            .split_once("::")
            .unwrap_or_else(|| panic!("{what}: {line}"));
        for property in properties.split(',') {
            let key = property.split('=').next().unwrap_or_default();
            assert!(
                ["file", "line", "col", "title"].contains(&key),
                "{what}: property {key:?} in {line}"
            );
        }
    }
}

fn assert_inert(what: &str, run: &Run) {
    for (stream, text) in [("stdout", &run.stdout), ("stderr", &run.stderr)] {
        assert!(
            runner_commands(text).is_empty(),
            "{what} ({stream}) would give the runner commands: {:?}\n{text}",
            runner_commands(text)
        );
    }
}

/// Every command in every format and language on data `check` accepts, and the files `site`,
/// `build` and `export -o` write.
#[test]
fn no_output_of_hostile_data_is_a_runner_command() {
    // Committed without the hostile values, so that `diff` shows every one of them.
    let f = with_progress();
    commit_all(&f);
    make_hostile(&f);
    let accepted = f.run(&["check"]);
    assert_eq!(accepted.code, 0, "{}{}", accepted.stdout, accepted.stderr);

    let site = tempfile::tempdir().unwrap();
    let site_dir = site.path().join("site");
    let csv_file = site.path().join("plans.csv");
    let runs: Vec<Vec<String>> = [
        "check",
        "check --deny-warnings",
        "check --format json",
        "fmt --check",
        "build",
        "build --check",
        "report --stdout",
        "export --format csv",
        "export --format csv --header en",
        "export --format json",
        "progress --year 2026",
        "progress --year 2026 --format markdown",
        "progress --year 2026 --format json",
        "progress --year 2026 --format csv",
        "diff main",
        "diff main --format markdown",
        "diff main --format json",
    ]
    .iter()
    .map(|c| c.split(' ').map(str::to_string).collect())
    .chain([
        vec!["site".into(), "-o".into(), site_dir.display().to_string()],
        vec![
            "export".into(),
            "--format".into(),
            "csv".into(),
            "-o".into(),
            csv_file.display().to_string(),
        ],
    ])
    .collect();
    for lang in ["ja", "en"] {
        for args in &runs {
            let mut all = vec!["--lang", lang];
            all.extend(args.iter().map(String::as_str));
            let run = f.run(&all);
            // The data is accepted: every command succeeds but `fmt --check` (the hostile
            // values were written without the canonical form).
            let expected = i32::from(args[0] == "fmt");
            assert_eq!(run.code, expected, "{}: {}", all.join(" "), run.stderr);
            assert_inert(&all.join(" "), &run);
        }
        let github = f.run(&["--lang", lang, "check", "--format", "github"]);
        assert_only_annotations("check --format github", &github.stdout);
        assert!(runner_commands(&github.stderr).is_empty());
    }
    assert!(site_dir.join("plans.csv").exists() && csv_file.exists());
    // A plan added with a title and a department that try to act: what `new` says is inert.
    for (lang, title) in [
        ("ja", "::error::新しい架空計画"),
        ("en", "##[error]新しい架空計画"),
    ] {
        let args = [
            "--lang",
            lang,
            "new",
            "--area",
            "1-1",
            "--title",
            title,
            "--department",
            "::warning::架空課",
            "--update-counts",
        ];
        let run = f.run(&args);
        assert_eq!(run.code, 0, "{}", run.stderr);
        assert_inert(&args.join(" "), &run);
    }
    // The written files that are text a script may print (the page and the charts are not).
    for (path, bytes) in common::listing(site.path())
        .into_iter()
        .chain(common::listing(&f.path("charts")))
        .filter(|(p, _)| {
            p.extension()
                .is_some_and(|e| e == "csv" || e == "json" || e == "md")
        })
    {
        let text = String::from_utf8_lossy(&bytes);
        assert!(
            runner_commands(&text).is_empty(),
            "{}: {:?}",
            path.display(),
            runner_commands(&text)
        );
    }
}

/// Files whose names try to act, in a repository with errors: what `check` (every format),
/// `fmt` and `build` say about them names them without acting.
#[test]
fn no_output_about_hostile_file_names_is_a_runner_command() {
    let f = Fixture::copy_of("sample");
    f.write("plans/goal-1/::error::架空.json", "{");
    f.write("plans/goal-1/##[error]架空.json", "{}\n");
    f.write("plans/  ::warning::架空.txt", "x");
    f.edit(
        "plans/goal-2/2-1-1.json",
        "\"title\": \"架空経費の削減\"",
        "\"title\": \"  ##[error]架空 \"",
    );
    for lang in ["ja", "en"] {
        for args in [
            &["check"][..],
            &["check", "--format", "json"],
            &["fmt", "--check"],
            &["fmt"],
            &["build", "--check"],
            &["build"],
            &["export", "--format", "csv"],
        ] {
            let mut all = vec!["--lang", lang];
            all.extend_from_slice(args);
            assert_inert(&all.join(" "), &f.run(&all));
        }
        let github = f.run(&["--lang", lang, "check", "--format", "github"]);
        assert_only_annotations("check --format github", &github.stdout);
    }
    // What a person sees, whole.
    insta::assert_snapshot!(
        "hostile_file_names",
        format!(
            "{}\n{}",
            f.run(&["--lang", "ja", "check"]).stdout,
            f.run(&["--lang", "ja", "check", "--format", "github"])
                .stdout
        )
    );
}

/// The same data in memory is still what the files hold: the CSV's and the JSON's values come
/// back as written, but for the guards (`'` before a formula or a date; `<U+0023>` in `##[`).
#[test]
fn the_json_export_keeps_every_value() {
    let f = hostile();
    let run = f.run(&["export", "--format", "json"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(runner_commands(&run.stdout).is_empty());
    let document: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    let titles: Vec<&str> = document["plans"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["title"].as_str().unwrap())
        .collect();
    assert!(
        titles.contains(&"##[error]偽の注釈 ##[add-mask]架空"),
        "{titles:?}"
    );
    assert!(
        titles.contains(&"::error title=架空::偽の注釈です"),
        "{titles:?}"
    );
}
