//! `plans progress`: one fiscal year's progress on a fixture repository with progress
//! switched on (fictional summaries): every format, in both languages where it has words,
//! snapshotted whole; the default year; `--require-complete`; a year outside the period; data
//! without a progress set-up; data with errors.

mod common;

use common::{Fixture, give_progress, open_year, with_progress};

/// The fixture with progress reported by three plans in 2026 (one of them also in 2027, the
/// year being reported).
fn reported() -> Fixture {
    let f = with_progress();
    open_year(&f, 2027);
    give_progress(
        &f,
        "plans/goal-1/1-1-1.json",
        "    \"2026\": { \"status\": \"A\", \"summary\": \"架空の結果です。\" }",
    );
    give_progress(
        &f,
        "plans/goal-1/1-1-2.json",
        "    \"2026\": { \"status\": \"B\", \"summary\": \"架空の結果です。\", \"indicators\": [{ \"name\": \"架空の件数\", \"unit\": \"件\", \"target\": 120, \"actual\": 96 }] },\n    \"2027\": { \"status\": \"A\", \"summary\": \"架空の結果その二です。\" }",
    );
    give_progress(
        &f,
        "plans/goal-3/3-1-1.json",
        "    \"2026\": { \"status\": \"D\", \"summary\": \"架空の結果です。\" }",
    );
    f
}

/// Every run's exit code, standard output and standard error.
fn transcript(f: &Fixture, lines: &[&[&str]]) -> String {
    let mut out = String::new();
    for args in lines {
        let run = f.run(args);
        out.push_str(&format!(
            "$ plans {}\nexit code: {}\n",
            args.join(" "),
            run.code
        ));
        if !run.stdout.is_empty() {
            out.push_str(&format!("--- stdout\n{}", run.stdout));
        }
        if !run.stderr.is_empty() {
            out.push_str(&format!("--- stderr\n{}", run.stderr));
        }
        out.push('\n');
    }
    out
}

#[test]
fn every_format_of_one_year() {
    let f = reported();
    insta::assert_snapshot!(
        "year_in_every_format",
        transcript(
            &f,
            &[
                &["--lang", "ja", "progress", "--year", "2026"],
                &["--lang", "en", "progress", "--year", "2026"],
                &[
                    "--lang", "ja", "progress", "--year", "2026", "--format", "markdown"
                ],
                &[
                    "--lang", "en", "progress", "--year", "2026", "--format", "markdown"
                ],
                &["progress", "--year", "2026", "--format", "json"],
                &[
                    "--lang", "ja", "progress", "--year", "2026", "--format", "csv"
                ],
            ]
        )
    );
}

#[test]
fn the_json_and_csv_agree_with_the_data() {
    let f = reported();
    let run = f.run(&["progress", "--year", "2026", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(v["year"], 2026);
    assert_eq!(v["total"]["plans"], 16);
    assert_eq!(v["total"]["unreported"], 13);
    let levels: Vec<u64> = v["total"]["levels"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l["plans"].as_u64().unwrap())
        .collect();
    assert_eq!(levels, [1, 1, 0, 1]);
    // Every plan not reported is listed once, under the department that reports it (its first).
    let listed: usize = v["unreported"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["plans"].as_array().unwrap().len())
        .sum();
    assert_eq!(listed, 13);
    let csv = f.run(&["progress", "--year", "2026", "--format", "csv"]);
    let mut reader = csv::Reader::from_reader(csv.stdout.trim_start_matches('\u{feff}').as_bytes());
    let records: Vec<Vec<String>> = reader
        .records()
        .map(|r| r.unwrap().iter().map(str::to_string).collect())
        .collect();
    let total = records.iter().find(|r| r[0] == "total").unwrap();
    assert_eq!(total, &["total", "", "", "1", "1", "0", "1", "13", "16"]);
    // Then every plan not reported, once, under the department that reports it.
    let unreported = records.iter().filter(|r| r[0] == "unreported_plan").count();
    assert_eq!(unreported, 13);
}

#[test]
fn the_year_by_default_and_the_day_reports_are_due() {
    let f = reported();
    insta::assert_snapshot!(
        "default_year_and_require_complete",
        transcript(
            &f,
            &[
                // The year being reported: 2027.
                &["--lang", "ja", "progress", "--format", "csv"],
                &[
                    "--lang",
                    "ja",
                    "progress",
                    "--year",
                    "2027",
                    "--require-complete",
                    "--format",
                    "csv"
                ],
                &[
                    "--lang",
                    "en",
                    "progress",
                    "--year",
                    "2029",
                    "--require-complete",
                    "--format",
                    "csv"
                ],
                &["--lang", "ja", "progress", "--year", "2031"],
                &["--lang", "en", "progress", "--year", "1999"],
            ]
        )
    );
    // Every plan reported: --require-complete passes.
    let all = with_progress();
    for entry in std::fs::read_dir(all.path("plans")).unwrap() {
        let folder = entry.unwrap().path();
        if !folder.is_dir() {
            continue;
        }
        for file in std::fs::read_dir(&folder).unwrap() {
            let path = file.unwrap().path();
            let rel = path
                .strip_prefix(all.dir.path())
                .unwrap()
                .to_string_lossy()
                .into_owned();
            give_progress(
                &all,
                &rel,
                "    \"2026\": { \"status\": \"C\", \"summary\": \"架空の結果です。\" }",
            );
        }
    }
    let run = all.run(&["progress", "--require-complete", "--format", "json"]);
    assert_eq!((run.code, run.stderr.as_str()), (0, ""));
}

#[test]
fn without_a_set_up_or_with_errors_nothing_is_counted() {
    let plain = Fixture::copy_of("sample");
    let broken = reported();
    broken.edit(
        "plans/goal-1/1-1-1.json",
        "\"status\": \"A\"",
        "\"status\": \"a\"",
    );
    let mut out = transcript(
        &plain,
        &[&["--lang", "ja", "progress"], &["--lang", "en", "progress"]],
    );
    out.push_str(&transcript(&broken, &[&["--lang", "ja", "progress"]]));
    insta::assert_snapshot!("nothing_counted", out);
}

/// `-o FILE` writes the output to a file (atomically; on Windows a redirect would re-encode it)
/// and says so; a folder that is not there is refused before anything is counted.
#[test]
fn the_output_can_be_written_to_a_file() {
    let f = reported();
    let file = f.path("progress.csv").display().to_string();
    let run = f.run(&["progress", "--format", "csv", "-o", &file, "--lang", "ja"]);
    assert_eq!(
        (run.code, run.stdout.clone(), run.stderr.as_str()),
        (0, format!("{file} に書き出しました。\n"), "")
    );
    let printed = f
        .run(&["progress", "--format", "csv", "--lang", "ja"])
        .stdout;
    assert_eq!(f.read("progress.csv"), printed);
    let missing = f.path("no-such-folder/progress.txt").display().to_string();
    let run = f.run(&["progress", "-o", &missing, "--lang", "en"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(!f.path("no-such-folder").exists());
}
