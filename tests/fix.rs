//! `plans fix`: the slips that have one meaning are mended in one run, each said with its
//! line, the file written in its canonical form; the wording of a text never changes; what is
//! left is `check`'s. Fictional fixtures only.

mod common;

use common::{Fixture, with_progress};

const P111: &str = "plans/goal-1/1-1-1.json";
const P112: &str = "plans/goal-1/1-1-2.json";
const P113: &str = "plans/goal-1/1-1-3.json";

/// `plans <args>` in Japanese and in English on copies of the fixture as it is now: the exit
/// codes and everything printed, then the files as the Japanese run left them.
fn both(f: &Fixture, args: &[&str]) -> String {
    let mut shown = String::new();
    let en = Fixture::copy_from(f);
    for (lang, fixture) in [("ja", f), ("en", &en)] {
        let mut a: Vec<&str> = args.to_vec();
        a.extend(["--lang", lang]);
        let run = fixture.run(&a);
        shown.push_str(&format!(
            "--- {lang} (exit code {})\n{}{}",
            run.code, run.stdout, run.stderr
        ));
    }
    shown
}

/// The guide's example of a year's entry (docs/report-progress.md), as a word processor gives
/// it back: typographic quotes, full-width commas at the ends of lines, full-width digits, a
/// thousands separator, a unit typed after a figure.
fn guide_example_from_word() -> String {
    let guide = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/docs/report-progress.md"
    ))
    .unwrap();
    let block = guide
        .split("```json\n")
        .nth(1)
        .and_then(|b| b.split("```").next())
        .expect("the guide's example");
    assert!(block.contains("\"progress\""), "{block}");
    let mut open = true;
    let word: String = block
        .chars()
        .map(|c| match c {
            '"' => {
                open = !open;
                if open { '”' } else { '“' }
            }
            c => c,
        })
        .collect();
    word.replace(",\n", "，\n")
        .replace("12000", "12,000")
        .replace("120，", "１２０，")
        .replace("96", "96件")
}

#[test]
fn the_guides_example_pasted_from_word_is_found_whole_and_mended_in_one_run() {
    let f = with_progress();
    common::append_field(&f, P111, &guide_example_from_word());
    // Every slip in one run.
    let check = f.run(&["check", "--lang", "ja"]);
    assert_eq!(check.code, 1);
    // One run of fix, then the file passes but for what only a person can write: the guide's
    // placeholders are left as they are.
    let fixed = both(&f, &["fix"]);
    let after = f.run(&["check", "--lang", "ja"]);
    insta::assert_snapshot!(format!(
        "$ plans check\n{}\n$ plans fix\n{fixed}\n$ plans check\nexit code {}\n{}\n--- {P111}\n{}",
        check.stdout,
        after.code,
        after.stdout,
        f.read(P111)
    ));
    // What is left is what only a person can write: the guide's placeholders.
    assert_eq!(after.code, 1, "{}", after.stdout);
    assert!(
        after
            .stdout
            .lines()
            .filter(|l| l.contains("エラー["))
            .all(|l| l.contains("エラー[progress-placeholders]")),
        "{}",
        after.stdout
    );
    // A second run has nothing to mend, and changes nothing.
    let before = f.read(P111);
    let again = f.run(&["fix", "--lang", "ja"]);
    assert_eq!(again.code, 0);
    assert_eq!(f.read(P111), before);
    assert_eq!(
        again.stdout,
        "直したファイルはありません。残りの誤りは `plans check` で確かめてください。\n"
    );
}

/// Statuses typed as a label or a near miss are made their code; one that could be two
/// levels, or none, is left for check.
#[test]
fn a_status_typed_as_its_label_or_a_near_miss_is_made_its_code() {
    let f = with_progress();
    let entry = |status: &str| {
        format!("    \"2026\": {{ \"status\": \"{status}\", \"summary\": \"架空の結果です。\" }}")
    };
    common::give_progress(&f, P111, &entry("Ａ"));
    common::give_progress(&f, P112, &entry("B（架空の段階その二）"));
    common::give_progress(&f, P113, &entry("架空の段階その三"));
    common::give_progress(&f, "plans/goal-1/1-2-1.json", &entry("D: 架空の段階その四"));
    common::give_progress(&f, "plans/goal-1/1-2-2.json", &entry("架空の段階"));
    insta::assert_snapshot!(both(&f, &["fix"]));
    let check = f.run(&["check", "--lang", "ja"]);
    assert_eq!(check.code, 1, "the status that is no level's is check's");
    assert_eq!(check.stdout.matches("エラー[progress-status]").count(), 1);
}

/// A year's block pasted at the top of the plan or in a sub-project, and a year's fields
/// pasted without their year, are moved into "progress" (the fields under the year being
/// reported); windows line breaks and no-break indentation are mended; nothing else moves.
#[test]
fn a_years_progress_pasted_outside_progress_is_moved_into_it() {
    let f = with_progress();
    common::append_field(
        &f,
        P111,
        "  \"2026\": { \"status\": \"A\", \"summary\": \"架空の結果です。\" }\n",
    );
    common::append_field(
        &f,
        P112,
        "  \"status\": \"B\",\n  \"summary\": \"架空の結果です。\"\n",
    );
    let text = f
        .read(P113)
        .replace("  ", "\u{A0}\u{A0}")
        .replace('\n', "\r\n");
    f.write(P113, text);
    insta::assert_snapshot!(format!(
        "{}\n--- {P111}\n{}--- {P112}\n{}--- {P113}\n{}",
        both(&f, &["fix"]),
        f.read(P111),
        f.read(P112),
        f.read(P113)
    ));
    assert_eq!(f.run(&["check"]).code, 0);
}

/// A file named on the command line is the only one mended; the others stay byte for byte.
#[test]
fn only_the_files_named_are_mended() {
    let f = with_progress();
    common::give_progress(
        &f,
        P111,
        "    \"2026\": { \"status\": \"A\"， \"summary\": \"架空の結果です。\" }",
    );
    common::give_progress(
        &f,
        P112,
        "    \"2026\": { \"status\": \"A\"， \"summary\": \"架空の結果です。\" }",
    );
    let untouched = f.read(P112);
    let run = f.run(&["fix", P111, "--lang", "ja"]);
    assert_eq!(run.code, 0);
    assert_eq!(f.read(P112), untouched);
    insta::assert_snapshot!(run.stdout);
}

/// The filter `.github/workflows/pr-comment.yml` runs over the suggestions before posting
/// them (the `jq -c '…'` program), as a command line.
fn suggestion_filter() -> String {
    let workflow = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(".github/workflows/pr-comment.yml"),
    )
    .unwrap();
    let start = workflow.find("jq -c '").expect("the suggestions' jq");
    let rest = &workflow[start + "jq -c '".len()..];
    let end = rest
        .find("' plan-diff/suggestions.json")
        .expect("the end of the suggestions' filter");
    rest[..end].to_string()
}

/// `jq -c <filter>` over `input`: the suggestions that would be posted, one a line.
fn posted(input: &str) -> Vec<String> {
    use std::io::Write as _;
    let jq = std::env::var_os("JQ").unwrap_or_else(|| "jq".into());
    let mut child = std::process::Command::new(&jq)
        .arg("-c")
        .arg(suggestion_filter())
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| {
            panic!(
                "jq cannot be run ({e}): the pull request's suggestions are filtered by it. Install \
                 it (Debian: `apt-get install -y jq`; `.ci/run` does this) or set JQ"
            )
        });
    child
        .stdin
        .take()
        .unwrap()
        .write_all(input.as_bytes())
        .unwrap();
    let output = child.wait_with_output().unwrap();
    assert!(output.status.success(), "jq failed on {input}");
    String::from_utf8(output.stdout)
        .unwrap()
        .lines()
        .map(str::to_string)
        .collect()
}

/// On a pull request, `fix --suggest` gives the Word paste's mends as suggestions of whole
/// lines; the workflow posts them as they are, and nothing else: a path outside plans/, a
/// line that is not a number, a code fence in a line, more than 20.
#[test]
fn suggestions_for_the_pull_request_and_the_filter_that_posts_them() {
    let f = with_progress();
    common::append_field(&f, P111, &guide_example_from_word());
    let before = f.read(P111);
    let run = f.run(&["fix", "--suggest"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(f.read(P111), before, "--suggest writes nothing");
    insta::assert_snapshot!(run.stdout);
    // Applied to the file, the suggestions give what fix's first pass gives.
    let suggestions: Vec<serde_json::Value> = serde_json::from_str(&run.stdout).unwrap();
    let mut lines: Vec<String> = before.lines().map(str::to_string).collect();
    for s in suggestions.iter().rev() {
        let (start, end) = (
            s["start_line"].as_u64().unwrap() as usize,
            s["line"].as_u64().unwrap() as usize,
        );
        let new: Vec<String> = s["lines"]
            .as_array()
            .unwrap()
            .iter()
            .map(|l| l.as_str().unwrap().to_string())
            .collect();
        lines.splice(start - 1..end, new);
    }
    f.write(P111, format!("{}\n", lines.join("\n")));
    let check = f.run(&["check", "--lang", "ja"]);
    assert!(
        check
            .stdout
            .lines()
            .filter(|l| l.contains("エラー["))
            .all(|l| l.contains("エラー[progress-placeholders]")),
        "{}",
        check.stdout
    );
    // Every suggestion of the tool passes the filter as it is.
    let passed: Vec<serde_json::Value> = posted(&run.stdout)
        .iter()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(passed, suggestions);
    // What a changed workflow in a fork could write instead.
    let ok = r#"{"path":"plans/goal-1/1-1-1.json","start_line":2,"line":2,"lines":["  \"id\": \"1-1-1\","]}"#;
    let hostile = [
        r#"{"path":"../.github/workflows/ci.json","start_line":1,"line":1,"lines":["x"]}"#,
        r#"{"path":"plans/../README.json","start_line":1,"line":1,"lines":["x"]}"#,
        r#"{"path":"plans/a.md","start_line":1,"line":1,"lines":["x"]}"#,
        r#"{"path":"plans/a.json","start_line":"1","line":1,"lines":["x"]}"#,
        r#"{"path":"plans/a.json","start_line":3,"line":2,"lines":["x"]}"#,
        r#"{"path":"plans/a.json","start_line":1,"line":1,"lines":["```\n@team [x](https://example.invalid/)"]}"#,
        r#"{"path":"plans/a.json","start_line":1,"line":1,"lines":[1]}"#,
    ];
    let mut input: Vec<&str> = hostile.to_vec();
    input.push(ok);
    assert_eq!(
        posted(&format!("[{}]", input.join(","))),
        vec![ok.to_string()]
    );
    assert_eq!(posted(&format!("[{}]", vec![ok; 25].join(","))).len(), 20);
    assert!(posted(r#"{"path":"plans/a.json"}"#).is_empty());
}

/// As a department's staff member pasted them (found by a tester acting as one): a year's
/// entry from Excel indented with no-break spaces from mail, with Windows line breaks, figures
/// with separators and units, and 「概ね順調」; and a year's block pasted after the file's last
/// `}` with 「Ｂ」. check finds every slip of the first in one run; one run of fix mends both,
/// leaving only what has no one meaning (a target typed as 「未定」).
#[test]
fn an_excel_paste_and_a_block_after_the_end_are_mended_in_one_run() {
    let f = with_progress();
    common::append_field(
        &f,
        P111,
        concat!(
            "  \"progress\": {\n",
            "    \"2026\": {\n",
            "      \"status\": \"概ね順調\",\n",
            "      \"summary\": \"（架空）説明会を開きました。\",\n",
            "      \"indicators\": [\n",
            "        {\n",
            "          \"name\": \"（架空）参加者数\",\n",
            "          \"unit\": \"人\",\n",
            "          \"target\": \"未定\",\n",
            "          \"actual\": 1,200\n",
            "        },\n",
            "        {\n",
            "          \"name\": \"（架空）進み具合\",\n",
            "          \"target\": 100%,\n",
            "          \"actual\": 80%\n",
            "        }\n",
            "      ]\n",
            "    }\n",
            "  }\n"
        ),
    );
    let text = f
        .read(P111)
        .replace("  ", "\u{A0}\u{A0}")
        .replace('\n', "\r\n");
    f.write(P111, text);
    let text = f.read(P112);
    f.write(
        P112,
        format!(
            "{}\n  \"2026\": {{\n    \"status\": \"Ｂ\",\n    \"summary\": \"（架空）検討しました。\"\n  }}\n",
            text.trim_end()
        ),
    );
    let check = f.run(&["check", "--lang", "ja"]);
    let fixed = both(&f, &["fix"]);
    let after = f.run(&["check", "--lang", "ja"]);
    insta::assert_snapshot!(format!(
        "$ plans check\n{}\n$ plans fix\n{fixed}\n$ plans check\nexit code {}\n{}\n--- {P111}\n{}--- {P112}\n{}",
        check.stdout,
        after.code,
        after.stdout,
        f.read(P111),
        f.read(P112)
    ));
}

/// What has no one meaning is never guessed (found by a review; `tests/fixtures/fix-cases/`,
/// fictional): a line break in a one-line text, a year written twice, a text left open before
/// the next field, a unit after a year, a unit in a file that is not JSON otherwise, are left
/// byte for byte as they were; a quote half corrected and a unit whose object has none are
/// mended. Each case's output and whether the file changed, in Japanese.
#[test]
fn what_has_no_one_meaning_is_never_guessed() {
    let cases = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/fix-cases");
    let mut names: Vec<String> = std::fs::read_dir(&cases)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    let mut shown = String::new();
    for name in names {
        let f = with_progress();
        let text = std::fs::read_to_string(cases.join(&name)).unwrap();
        f.write(P111, &text);
        let run = f.run(&["fix", "--lang", "ja"]);
        assert_eq!(run.code, 0, "{name}: {}", run.stderr);
        let after = f.read(P111);
        let check = f.run(&["check"]);
        shown.push_str(&format!(
            "=== {name}: {}; check exit code {}\n{}",
            if after == text { "unchanged" } else { "mended" },
            check.code,
            run.stdout
        ));
    }
    insta::assert_snapshot!(shown);
}
