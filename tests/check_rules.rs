//! Every rule, and every mistake city staff really make, on a fixture shaped like the real data
//! (3 goals with several action areas each, 16 plans, sub-projects paired and unpaired,
//! 「等」): `plans check` is run on a broken copy and its whole output is compared with a
//! snapshot in `tests/snapshots/`, so a knock-on message or a changed word fails the test.
//!
//! To review a change of output: `INSTA_UPDATE=always cargo test --test check_rules`, then
//! read the diff of `tests/snapshots/` before committing it.

mod common;

use common::{Fixture, open_year, report_progress, run_in, with_progress};

const P111: &str = "plans/goal-1/1-1-1.json";
const P112: &str = "plans/goal-1/1-1-2.json";
const P113: &str = "plans/goal-1/1-1-3.json";
const P131: &str = "plans/goal-1/1-3-1.json";
const P134: &str = "plans/goal-1/1-3-4.json";
const P211: &str = "plans/goal-2/2-1-1.json";
const P222: &str = "plans/goal-2/2-2-2.json";
const P322: &str = "plans/goal-3/3-2-2.json";
const OUTLINE: &str = "plans/outline.json";
const REGISTER: &str = "plans/departments.json";

/// `plans check` on the fixture, in Japanese and in English: the exit code and everything
/// each printed. The exit code is the same in both languages.
fn check(f: &Fixture) -> String {
    let mut shown = String::new();
    let mut codes = Vec::new();
    for lang in ["ja", "en"] {
        let run = f.run(&["check", "--lang", lang]);
        codes.push(run.code);
        shown.push_str(&format!("--- {lang}\n{}", run.stdout));
        if !run.stderr.is_empty() {
            shown.push_str(&format!("--- {lang} stderr\n{}", run.stderr));
        }
    }
    assert_eq!(codes[0], codes[1], "the exit code depends on the language");
    format!("exit code: {}\n{shown}", codes[0])
}

fn sample() -> Fixture {
    Fixture::copy_of("sample")
}

#[test]
fn sample_fixture_passes() {
    let f = sample();
    let run = f.run(&["check", "--deny-warnings"]);
    assert_eq!(run.code, 0, "{}", run.stdout);
    assert_eq!(run.stdout, "OK: 16 plans in 3 goals\n");
}

#[test]
fn other_key_order_and_whitespace_pass() {
    let f = sample();
    f.write(
        P111,
        "{\"departments\":[\"試験企画課\"],\"title\":\"架空組織の見直し\",\"id\":\"1-1-1\"}",
    );
    f.write(
        P211,
        "{\r\n\t\"and_others\" : true ,\r\n\t\"departments\" : [ \"試験財務課\" ] ,\r\n\t\"title\" : \"架空経費の削減\" ,\r\n\t\"id\" : \"2-1-1\"\r\n}",
    );
    let run = f.run(&["check", "--deny-warnings"]);
    assert_eq!(run.code, 0, "{}", run.stdout);
}

/// The real repository passes, and the summary counts every plan file on disk and every goal
/// of its outline (counted here, so that an amendment that adds or ends a plan moves both).
#[test]
fn the_real_repository_passes_and_counts_its_plan_files() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let run = run_in(root, &["check", "--deny-warnings"]);
    assert_eq!(run.code, 0, "{}", run.stdout);
    let files = std::fs::read_dir(root.join("plans"))
        .unwrap()
        .filter_map(Result::ok)
        .filter(|e| e.path().is_dir())
        .flat_map(|d| std::fs::read_dir(d.path()).unwrap().filter_map(Result::ok))
        .filter(|e| e.path().extension().is_some_and(|x| x == "json"))
        .count();
    let outline: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(root.join("plans/outline.json")).unwrap())
            .unwrap();
    let goals = outline["goals"].as_array().unwrap().len();
    assert!(files > 1 && goals > 1, "{files} plan files, {goals} goals");
    assert_eq!(run.stdout, format!("OK: {files} plans in {goals} goals\n"));
}

// ---- a broken plan file is reported once, at the file -----------------------------------

#[test]
fn a_missing_comma_is_one_error_marked_after_the_last_value() {
    let f = sample();
    f.edit(P111, "\"1-1-1\",", "\"1-1-1\"");
    insta::assert_snapshot!(check(&f));
}

#[test]
fn a_trailing_comma_is_marked_at_the_comma() {
    let f = sample();
    f.edit(P111, "\"試験企画課\"\n", "\"試験企画課\",\n");
    insta::assert_snapshot!(check(&f));
}

#[test]
fn a_comment_is_named() {
    let f = sample();
    f.edit(
        P111,
        "  \"title\"",
        "  // 2026年度に見直し予定\n  \"title\"",
    );
    insta::assert_snapshot!(check(&f));
}

#[test]
fn full_width_punctuation_is_named() {
    let f = sample();
    f.edit(P111, "\"id\": \"1-1-1\",", "\"id\": \"1-1-1\"，");
    f.edit(P112, "\"title\": ", "\"title\"： ");
    f.edit(
        P113,
        "\"架空会議の運営の適正化\"",
        "“架空会議の運営の適正化”",
    );
    insta::assert_snapshot!(check(&f));
}

#[test]
fn a_typographic_quote_left_at_one_end_is_named() {
    // Half fixed: the opening quote was retyped, the closing one (or a field name's) was not.
    let f = sample();
    f.edit(P111, "\"架空組織の見直し\"", "\"架空組織の見直し”");
    f.edit(P112, "\"title\": ", "\"title”: ");
    insta::assert_snapshot!(check(&f));
}

#[test]
fn bom_shift_jis_empty_binary_and_utf16_are_each_one_error() {
    let f = sample();
    let bom = [b"\xEF\xBB\xBF".as_slice(), f.read(P111).as_bytes()].concat();
    f.write(P111, bom);
    // 「架空」 in Shift_JIS.
    f.write(
        P112,
        b"{\n  \"id\": \"1-1-2\",\n  \"title\": \"\x89\xCB\x8B\xF3\"\n}\n",
    );
    f.write(P113, "\n");
    f.write("plans/goal-1/1-2-1.json", b"\x89PNG\r\n\x1a\n\x00\x00");
    f.write("plans/goal-1/1-2-2.json", b"\xFF\xFE{\x00}\x00");
    insta::assert_snapshot!(check(&f));
}

#[test]
fn a_repeated_key_is_an_error() {
    let f = sample();
    f.edit(
        P111,
        "\"title\": \"架空組織の見直し\",",
        "\"title\": \"架空組織の見直し\",\n  \"title\": \"別名\",",
    );
    insta::assert_snapshot!(check(&f));
}

#[test]
fn deep_nesting_is_an_error_not_a_crash() {
    let f = sample();
    let mut deep = "[".repeat(100_000);
    deep.push_str(&"]".repeat(100_000));
    f.write(P111, deep);
    insta::assert_snapshot!(check(&f));
}

#[test]
fn other_syntax_errors_are_explained() {
    let f = sample();
    f.edit(P111, "\"1-1-1\"", "'1-1-1'");
    f.edit(P112, "\"架空定員の管理\"", "\"架空定員の\n管理\"");
    f.edit(P113, "\"id\"", "id");
    f.edit("plans/goal-1/1-2-1.json", "\n}\n", "\n}\n}\n");
    f.edit("plans/goal-1/1-2-2.json", "\n  ]\n}\n", "\n  ]\n");
    f.edit(P131, "\"架空デジタル窓口推進事業\"", "\"架空\\デジタル\"");
    insta::assert_snapshot!(check(&f));
}

// ---- file-read, non-json-file ------------------------------------------------------------

#[cfg(unix)]
#[test]
fn a_plan_that_is_a_symbolic_link_is_one_error() {
    let f = sample();
    let outside = tempfile::NamedTempFile::new().unwrap();
    std::fs::write(outside.path(), "{\"secret\": true}").unwrap();
    f.remove(P111);
    std::os::unix::fs::symlink(outside.path(), f.path(P111)).unwrap();
    let shown = check(&f);
    assert!(!shown.contains("secret"));
    insta::assert_snapshot!(shown);
}

#[cfg(unix)]
#[test]
fn links_folders_named_json_pipes_and_huge_files_are_refused() {
    let f = sample();
    std::os::unix::fs::symlink("/etc/passwd", f.path("plans/goal-1/notes.json")).unwrap();
    std::os::unix::fs::symlink("/tmp", f.path("plans/goal-4")).unwrap();
    std::fs::create_dir_all(f.path("plans/goal-2/x.json")).unwrap();
    let made = std::process::Command::new("mkfifo")
        .arg(f.path("plans/goal-3/pipe.json"))
        .status()
        .unwrap();
    assert!(made.success());
    let big = std::fs::File::create(f.path(P113)).unwrap();
    big.set_len(100 * 1024 * 1024).unwrap();
    // A pipe named after a plan outside the plan's place is told to go, not to be the plan.
    let made = std::process::Command::new("mkfifo")
        .arg(f.path("plans/goal-2/1-1-1.json"))
        .status()
        .unwrap();
    assert!(made.success());
    // Where the outline belongs, a pipe: told to put the outline there, not to remove it.
    std::fs::remove_file(f.path(OUTLINE)).unwrap();
    let made = std::process::Command::new("mkfifo")
        .arg(f.path(OUTLINE))
        .status()
        .unwrap();
    assert!(made.success());
    insta::assert_snapshot!(check(&f));
}

#[test]
fn folders_nested_too_deeply_are_reported_not_walked() {
    let f = sample();
    let deep = (0..20)
        .map(|i| format!("d{i}"))
        .collect::<Vec<_>>()
        .join("/");
    f.write(&format!("plans/{deep}/x.json"), "{}");
    insta::assert_snapshot!(check(&f));
}

#[test]
fn a_file_that_is_not_json_is_a_warning() {
    let f = sample();
    f.write("plans/goal-1/1-1-3.json.bak", "{}");
    f.write("plans/.hidden", "ignored");
    let shown = check(&f);
    assert_eq!(f.run(&["check", "--deny-warnings"]).code, 1);
    insta::assert_snapshot!(shown);
}

// ---- schema ------------------------------------------------------------------------------

#[test]
fn a_misspelled_field_name_is_one_error() {
    let f = sample();
    f.edit(P111, "\"title\"", "\"titel\"");
    f.edit(P112, "\"departments\"", "\"department\"");
    insta::assert_snapshot!(check(&f));
}

#[test]
fn wrong_types_bad_ids_and_empty_values_are_reported_together() {
    let f = sample();
    f.write(
        P111,
        "{\n  \"id\": \"1-1-01\",\n  \"title\": \"\",\n  \"departments\": [\n    42\n  ],\n  \"and_others\": \"yes\"\n}\n",
    );
    insta::assert_snapshot!(check(&f));
}

#[test]
fn a_full_width_id_is_one_error_with_the_right_id() {
    let f = sample();
    f.edit(P111, "\"1-1-1\"", "\"１-１-１\"");
    f.edit(P112, "\"1-1-2\"", "\"1ー1ー2\"");
    f.edit(P113, "\"1-1-3\"", "\"①\"");
    insta::assert_snapshot!(check(&f));
}

#[test]
fn an_empty_department_list_is_required() {
    let f = sample();
    f.write(
        P111,
        "{\n  \"id\": \"1-1-1\",\n  \"title\": \"架空組織の見直し\",\n  \"departments\": []\n}\n",
    );
    f.edit(P131, "  \"subprojects\": [\n    { \"title\": \"架空スマートフォン講座\" },\n    { \"title\": \"架空オンライン相談\" }\n  ]", "  \"subprojects\": []");
    insta::assert_snapshot!(check(&f));
}

#[test]
fn a_department_listed_twice_in_a_plan_is_reported() {
    let f = sample();
    f.edit(P113, "\"試験人事課\"", "\"試験企画課\"");
    insta::assert_snapshot!(check(&f));
}

#[test]
fn the_outline_and_the_register_are_checked_against_their_schemas() {
    let f = sample();
    f.edit(
        OUTLINE,
        "\"expected_plans\": 5",
        "\"expected_plans\": \"5\"",
    );
    f.edit(
        REGISTER,
        "{ \"name\": \"試験監査室\" }",
        "{ \"name\": \"試験監査室\", \"phone\": \"024\" }",
    );
    insta::assert_snapshot!(check(&f));
}

// ---- file-location, unique-ids, outline-refs -----------------------------------------------

#[test]
fn a_stray_json_file_is_one_error() {
    let f = sample();
    f.write("plans/notes.json", "{\"memo\": \"来週の会議で確認\"}");
    f.write("plans/goal-2/メモ.json", "メモ: 来週確認");
    insta::assert_snapshot!(check(&f));
}

#[test]
fn a_plan_in_the_wrong_folder_is_told_where_it_belongs() {
    let f = sample();
    let text = f.read(P211);
    f.remove(P211);
    f.write("plans/goal-1/2-1-1.json", text);
    insta::assert_snapshot!(check(&f));
}

#[test]
fn an_id_that_differs_from_the_file_name_is_one_error() {
    let f = sample();
    f.edit(P111, "\"1-1-1\"", "\"1-1-9\"");
    // Renamed to a wrong number: its old number is not missing, its new one is not extra.
    let text = f.read(P131);
    f.remove(P131);
    f.write("plans/goal-1/1-3-7.json", text);
    insta::assert_snapshot!(check(&f));
}

#[test]
fn a_plan_under_another_name_is_told_its_name() {
    let f = sample();
    let text = f.read(P113);
    f.remove(P113);
    f.write("plans/goal-1/1-1-3-old.json", text);
    let text = f.read(P112);
    f.remove(P112);
    f.write("plans/goal-1/１-１-２.json", text);
    insta::assert_snapshot!(check(&f));
}

#[test]
fn a_new_plan_copied_without_changing_its_id_is_one_error() {
    let f = sample();
    f.write(
        P134,
        f.read("plans/goal-1/1-3-3.json")
            .replace("架空電子申請の推進", "架空電子契約の推進"),
    );
    f.edit(OUTLINE, "\"expected_total\": 16", "\"expected_total\": 17");
    f.edit(OUTLINE, "\"expected_plans\": 8", "\"expected_plans\": 9");
    insta::assert_snapshot!(check(&f));
}

#[test]
fn an_id_mistyped_as_another_plans_id_is_told_to_follow_the_file_name() {
    // Not a copy (the titles differ), so the fix is the id, never deleting the file.
    let f = sample();
    f.edit(P111, "\"id\": \"1-1-1\"", "\"id\": \"1-1-2\"");
    insta::assert_snapshot!(check(&f));
}

#[test]
fn a_copy_made_by_mistake_is_one_error() {
    let f = sample();
    f.write("plans/goal-1/1-1-3 (1).json", f.read(P113));
    insta::assert_snapshot!(check(&f));
}

#[test]
fn a_copy_with_its_id_unchanged_and_counts_not_raised() {
    let f = sample();
    f.write(P134, f.read("plans/goal-1/1-3-3.json"));
    insta::assert_snapshot!(check(&f));
}

#[test]
fn the_same_plan_in_two_folders_is_one_error() {
    let f = sample();
    f.write("plans/goal-3/2-1-1.json", f.read(P211));
    insta::assert_snapshot!(check(&f));
}

#[test]
fn a_misplaced_or_missing_outline_is_one_error() {
    let f = sample();
    f.write("plans/goal-2/outline.json", f.read(OUTLINE));
    insta::assert_snapshot!("outline_copied", check(&f));
    f.remove(OUTLINE);
    insta::assert_snapshot!("outline_moved", check(&f));
    f.remove("plans/goal-2/outline.json");
    insta::assert_snapshot!("outline_missing", check(&f));
}

#[test]
fn a_plan_outside_the_outline_is_one_error() {
    let f = sample();
    f.write(
        "plans/goal-4/4-1-1.json",
        f.read(P211)
            .replace("2-1-1", "4-1-1")
            .replace("架空経費の削減", "架空の四"),
    );
    f.write(
        "plans/goal-2/2-3-1.json",
        f.read(P211)
            .replace("2-1-1", "2-3-1")
            .replace("架空経費の削減", "架空の二の三"),
    );
    insta::assert_snapshot!(check(&f));
}

// ---- numbering, counts ---------------------------------------------------------------------

#[test]
fn a_deleted_plan_is_one_error_naming_it() {
    let f = sample();
    f.remove(P112);
    insta::assert_snapshot!(check(&f));
}

#[test]
fn a_deleted_last_plan_of_an_area_names_the_candidates() {
    let f = sample();
    f.remove(P113);
    f.remove("plans/goal-3/3-1-1.json");
    insta::assert_snapshot!(check(&f));
}

#[test]
fn a_new_plan_without_raising_the_counts_is_one_error() {
    let f = sample();
    f.write(
        P134,
        f.read("plans/goal-1/1-3-3.json")
            .replace("1-3-3", "1-3-4")
            .replace("架空電子申請の推進", "架空電子契約の推進"),
    );
    insta::assert_snapshot!(check(&f));
}

#[test]
fn a_gap_with_the_right_count_is_a_numbering_error() {
    let f = sample();
    let text = f.read(P112).replace("1-1-2", "1-1-4");
    f.remove(P112);
    f.write("plans/goal-1/1-1-4.json", text);
    insta::assert_snapshot!(check(&f));
}

#[test]
fn an_area_emptied_into_another_is_a_numbering_error() {
    let f = sample();
    let text = f.read("plans/goal-3/3-1-1.json").replace("3-1-1", "3-2-3");
    f.remove("plans/goal-3/3-1-1.json");
    f.write("plans/goal-3/3-2-3.json", text);
    insta::assert_snapshot!(check(&f));
}

#[test]
fn outline_numbers_out_of_order_are_one_error_each() {
    let f = sample();
    f.edit(
        OUTLINE,
        "\"number\": 2,\n      \"title\": \"架空目標その二\"",
        "\"number\": 5,\n      \"title\": \"架空目標その二\"",
    );
    f.edit(
        OUTLINE,
        "{ \"number\": 2, \"title\": \"架空取組その三の二\" }",
        "{ \"number\": 3, \"title\": \"架空取組その三の二\" }",
    );
    insta::assert_snapshot!(check(&f));
}

#[test]
fn expected_total_must_be_the_goals_sum() {
    let f = sample();
    f.edit(OUTLINE, "\"expected_total\": 16", "\"expected_total\": 17");
    insta::assert_snapshot!(check(&f));
}

// ---- departments ---------------------------------------------------------------------------

#[test]
fn an_unknown_department_gets_a_suggestion() {
    let f = sample();
    f.edit(P111, "試験企画課", "試験企画");
    f.edit("plans/goal-1/1-3-2.json", "DX試験課", "ＤＸ試験課");
    f.edit("plans/goal-3/3-1-1.json", "試験市民課", "観光課");
    insta::assert_snapshot!(check(&f));
}

#[test]
fn a_misspelt_plan_department_is_not_also_a_subproject_error() {
    let f = sample();
    f.edit(
        P222,
        "\"試験施設課\",\n    \"試験環境課\"",
        "\"試験施設か\",\n    \"試験環境課\"",
    );
    insta::assert_snapshot!(check(&f));
}

#[test]
fn a_subproject_department_must_be_the_plans() {
    let f = sample();
    f.edit(P222, "        \"試験環境課\"", "        \"試験財務課\"");
    insta::assert_snapshot!(check(&f));
}

#[test]
fn an_unused_department_is_a_warning() {
    let f = sample();
    f.edit(
        REGISTER,
        "{ \"name\": \"試験監査室\" }",
        "{ \"name\": \"試験監査室\" },\n    { \"name\": \"試験観光課\" }",
    );
    let shown = check(&f);
    assert_eq!(f.run(&["check", "--deny-warnings"]).code, 1);
    insta::assert_snapshot!(shown);
}

/// Once progress reporting has started, a department left without a plan (its plans ended or
/// moved) may stay in the register.
#[test]
fn a_department_without_plans_may_stay_once_the_plan_is_running() {
    let f = with_progress();
    f.edit(
        REGISTER,
        "{ \"name\": \"試験監査室\" }",
        "{ \"name\": \"試験監査室\" },\n    { \"name\": \"試験観光課\" }",
    );
    let run = f.run(&["check", "--deny-warnings"]);
    assert_eq!(
        (run.code, run.stdout.as_str()),
        (0, "OK: 16 plans in 3 goals\n")
    );
}

#[test]
fn a_broken_plan_does_not_make_its_department_look_unused() {
    let f = sample();
    f.write("plans/goal-3/3-2-1.json", "{\n  \"id\": \"3-2-1\",\n");
    insta::assert_snapshot!(check(&f));
}

#[test]
fn a_department_registered_twice_is_reported() {
    let f = sample();
    f.edit(
        REGISTER,
        "{ \"name\": \"試験監査室\" }",
        "{ \"name\": \"試験監査室\" },\n    { \"name\": \"試験人事課\" }",
    );
    insta::assert_snapshot!(check(&f));
}

// ---- text ----------------------------------------------------------------------------------

#[test]
fn spaces_control_characters_and_decomposed_text_are_reported() {
    let f = sample();
    f.edit(P111, "\"架空組織の見直し\"", "\" 架空組織の見直し\"");
    f.edit(P112, "架空定員の管理", "架空定員の\\u0007管理");
    f.edit(P211, "架空経費の削減", "架空経費の削減\u{3000}");
    f.edit(
        P113,
        "架空会議の運営の適正化",
        "架空会議の運営の適正化\u{A0}",
    );
    f.edit(OUTLINE, "架空目標その一", "架空目標そのか\u{3099}");
    // A CJK compatibility ideograph (神, U+FA19) is named as such, not as a split character.
    f.edit(OUTLINE, "架空目標その二", "架空目標の\u{FA19}");
    f.edit(P322, "架空情報公開の推進", "   ");
    insta::assert_snapshot!(check(&f));
}

/// A year's results, issues and a comment may hold paragraphs (`\n` between them), and nothing
/// else of a page's layout; every other text is one line.
#[test]
fn paragraphs_only_in_the_texts_that_hold_them() {
    let f = common::with_progress();
    // Sound paragraphs pass: the results, the issues and the comment.
    common::give_progress(
        &f,
        P111,
        "    \"2026\": {\n      \"status\": \"A\",\n      \"summary\": \"架空の第一段落です。\\n架空の第二段落です。\",\n      \"next_steps\": \"架空の課題です。\\n架空の方向性です。\",\n      \"comment\": { \"by\": \"committee\", \"text\": \"架空の講評です。\\n架空の二段落目です。\" }\n    }",
    );
    assert_eq!(f.run(&["check"]).code, 0, "{}", f.run(&["check"]).stdout);
    // Indented, empty, Windows-separated and trailing-space paragraphs; a title with a line break.
    common::give_progress(
        &f,
        P112,
        "    \"2026\": {\n      \"status\": \"A\",\n      \"summary\": \"架空の第一段落です。\\n\u{3000}架空の第二段落です。\",\n      \"next_steps\": \"架空の課題です。\\n\\n架空の方向性です。\",\n      \"comment\": { \"by\": \"section\", \"text\": \"架空の講評です。\\r\\n架空の二段落目です。\" }\n    }",
    );
    common::give_progress(
        &f,
        P113,
        "    \"2026\": {\n      \"status\": \"A\",\n      \"summary\": \"架空の第一段落です。 \\n架空の第二段落です。\\n\"\n    }",
    );
    f.edit(P211, "架空経費の削減", "架空経費の\\n削減");
    insta::assert_snapshot!(check(&f));
}

/// A year's entry pasted from Word (typographic quotes on every line, full-width commas and
/// digits, a thousands separator): every slip is found in one run, each once (the quotes of a
/// line together, as the hint replaces them all), and nothing that follows from another.
#[test]
fn every_slip_of_a_word_paste_is_found_in_one_run() {
    let f = with_progress();
    common::append_field(
        &f,
        P111,
        concat!(
            "  “progress”: {\n",
            "    “2026”: {\n",
            "      “status”: “A”，\n",
            "      “summary”: “（架空）説明会を開きました。”，\n",
            "      “indicators”: [\n",
            "        { “name”: “架空の回数”, “unit”: “回”, “target”: １０, “actual”: 1,200 }\n",
            "      ]\n",
            "    }\n",
            "  }\n"
        ),
    );
    insta::assert_snapshot!(check(&f));
}

/// A paste whose slips the parser reads exactly as they were meant (typographic quotes,
/// full-width commas and colons, a no-break space, a missing comma before a name): the file's
/// content is checked in the same run, so its status and its schema slips are found at once,
/// each at its line; a file with a slip that leaves its value unsure (a figure typed with 万)
/// is not, so nothing is said that the fix of that slip would take away.
#[test]
fn content_slips_of_a_paste_read_as_meant_are_found_in_the_same_run() {
    let f = with_progress();
    common::append_field(
        &f,
        P111,
        concat!(
            "  “progress”: {\n",
            "    “2026”: {\n",
            "      “status”： “架空の段階その九”，\n",
            "      “sumary”: “（架空）説明会を開きました。”\n",
            "      \u{A0}“indicators”: [\n",
            "        { “name”: “架空の回数”, “unit”: “回”, “target”: 10 }\n",
            "      ]\n",
            "    }\n",
            "  }\n"
        ),
    );
    common::append_field(
        &f,
        P112,
        concat!(
            "  “progress”: {\n",
            "    “2026”: { “status”: “架空の段階その九”, “summary”: “（架空）”, “indicators”: [{ “name”: “架空”, “unit”: “件”, “target”: 10万 }] }\n",
            "  }\n"
        ),
    );
    insta::assert_snapshot!(check(&f));
}

/// Figures as staff type them are read as the figures they are (full-width digits, thousands
/// separators in an object, a unit after a figure that the indicator names): each slip is said
/// once, and the file's content is checked in the same run (the status here).
#[test]
fn figures_typed_as_staff_type_them_do_not_hold_the_content_back() {
    let f = with_progress();
    common::give_progress(
        &f,
        P111,
        concat!(
            "    \"2026\": {\n",
            "      \"status\": \"架空の段階その九\",\n",
            "      \"summary\": \"（架空）説明会を開きました。\",\n",
            "      \"indicators\": [\n",
            "        { \"name\": \"架空の件数\", \"unit\": \"件\", \"target\": １，２００, \"actual\": 1,150件 },\n",
            "        { \"name\": \"架空の額\", \"unit\": \"円\", \"target\": 1,200,000, \"actual\": １２０００００ }\n",
            "      ],\n",
            "      \"fiscal_effect\": { \"amount\": 12,000, \"unit\": \"千円\" }\n",
            "    }"
        ),
    );
    insta::assert_snapshot!(check(&f));
}

/// Figures that are not what they seem hold the content back, and each slip is said at its
/// place, without a panic (from a review): a figure with a leading 0 and a comma, a unit
/// followed by more of the line, a comma before `}` after a unit, a full-width figure with an
/// ASCII comma, a unit that is not the indicator's (「割」). Read as meant, the content
/// checked: a thousands separator after a full-width colon, a full-width figure with the
/// indicator's unit, a negative figure with decimals (its hint keeps both), and the outline's
/// figure after a no-break space (16, whole).
#[test]
fn figures_that_are_not_what_they_seem_hold_the_content_back() {
    let f = with_progress();
    let year = |indicator: &str| {
        format!(
            "    \"2026\": {{\n      \"status\": \"架空の段階その九\",\n      \"summary\": \"（架空）説明会を開きました。\",\n      \"indicators\": [\n        {indicator}\n      ]\n    }}"
        )
    };
    let plans = [
        (
            P111,
            "{ \"name\": \"架空\", \"unit\": \"件\", \"target\"：1,200 }",
        ),
        (
            P112,
            "{ \"name\": \"架空\", \"unit\": \"件\", \"target\": 0,016 }",
        ),
        (
            P113,
            "{ \"name\": \"架空\", \"target\": 1200, \"actual\": 96件、\"unit\": \"件\" }",
        ),
        (
            P131,
            "{ \"name\": \"架空\", \"unit\": \"件\", \"actual\": 96件,}",
        ),
        (
            "plans/goal-1/1-3-2.json",
            "{ \"name\": \"架空\", \"unit\": \"件\", \"target\": １,200 }",
        ),
        (
            "plans/goal-1/1-3-3.json",
            "{ \"name\": \"架空\", \"unit\": \"件\", \"target\": ９６件 }",
        ),
        (
            "plans/goal-1/1-2-1.json",
            "{ \"name\": \"架空\", \"unit\": \"%\", \"target\": 3割 }",
        ),
        (
            "plans/goal-1/1-2-2.json",
            "{ \"name\": \"架空\", \"unit\": \"円\", \"target\": -1,200.5 }",
        ),
    ];
    for (plan, indicator) in plans {
        common::give_progress(&f, plan, &year(indicator));
    }
    f.edit(
        OUTLINE,
        "\"expected_total\": 16",
        "\"expected_total\":\u{A0}16",
    );
    insta::assert_snapshot!(check(&f));
}

/// More slips whose value is unsure hold the content back, each said once (from a second
/// review): a full-width figure with decimals and a comma, an escape or a tab between
/// typographic quotes, a unit at a line's end before a member without its comma; a full-width
/// comma before a closing bracket is a trailing comma, said as one.
#[test]
fn unsure_values_hold_back_and_a_full_width_trailing_comma_is_one() {
    let f = with_progress();
    common::give_progress(
        &f,
        P111,
        "    \"2026\": { \"status\": \"架空の段階その九\", \"summary\": \"（架空）\", \"indicators\": [{ \"name\": \"架空\", \"unit\": \"件\", \"target\": １．５，２００ }] }",
    );
    f.edit(P112, "\"試験人事課\"", "“試験\\u4eba事課”");
    f.edit(P113, "\"試験企画課\"", "“試験企画課\t”");
    common::give_progress(
        &f,
        P131,
        "    \"2026\": { \"status\": \"架空の段階その九\", \"summary\": \"（架空）\", \"indicators\": [{ \"name\": \"架空\", \"unit\": \"件\", \"actual\": 96件\n \"target\": 100 }] }",
    );
    f.edit(
        "plans/goal-1/1-3-2.json",
        "\"DX試験課\"\n  ]",
        "\"DX試験課\"\n  ]，",
    );
    insta::assert_snapshot!(check(&f));
}

/// A file that is hardly JSON (a column of figures pasted without commas, 3,000 of them) is
/// said slip by slip up to a hundred, then once that the rest was not read: the run ends
/// at once, and no content is checked.
#[test]
fn a_file_of_slips_stops_being_read_after_a_hundred() {
    let f = with_progress();
    f.edit(
        "plans/goal-1/1-3-3.json",
        "\"title\"",
        &format!("\"x\": [{}],\n  \"title\"", "1\n".repeat(3_000)),
    );
    let run = f.run(&["check", "--format", "json", "--lang", "ja"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    let said: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    let messages: Vec<(String, String, u64)> = said
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            (
                d["rule"].as_str().unwrap().to_string(),
                d["code"].as_str().unwrap_or_default().to_string(),
                d["line"].as_u64().unwrap_or_default(),
            )
        })
        .collect();
    let mut expected: Vec<(String, String, u64)> = (0..100)
        .map(|i| {
            (
                "json-syntax".to_string(),
                "syntax-missing-comma".to_string(),
                3 + i,
            )
        })
        .collect();
    expected.push((
        "json-syntax".to_string(),
        "syntax-too-many-slips".to_string(),
        103,
    ));
    assert_eq!(messages, expected);
}

/// Slips after which the parser's value is not what was meant hold the content check back,
/// and each is said: a text in typographic quotes left open before the next name (with its
/// comma) or before a closing bracket; a comma before `}` behind no-break spaces; a name and
/// its value with only a no-break space between them; a no-break space inside `false`.
#[test]
fn slips_that_leave_the_value_unsure_are_each_said_and_hold_the_content_back() {
    let f = with_progress();
    common::give_progress(
        &f,
        P111,
        "    \"2026\": {\n      \"status\": “A,\n      \"summary\": \"（架空）\"\n    }",
    );
    f.edit(P112, "    \"試験人事課\"\n", "    “試験人事課,\n");
    f.edit(P113, "\n  ]\n}", "\n  ],\u{A0}\u{A0}\n}");
    f.edit(P131, "\"title\": ", "\"title\"\u{A0}");
    f.edit(
        "plans/goal-1/1-3-2.json",
        "\"id\": ",
        "\"and_others\": fa\u{A0}lse,\n  \"id\": ",
    );
    insta::assert_snapshot!(check(&f));
}

/// A figure not known yet, typed as words or `null`, is told to be left out; a figure typed
/// in quotes is told to lose them.
#[test]
fn a_figure_not_known_is_left_out_and_a_quoted_one_unquoted() {
    let f = with_progress();
    common::give_progress(
        &f,
        P111,
        concat!(
            "    \"2026\": {\n",
            "      \"status\": \"A\",\n",
            "      \"summary\": \"（架空）説明会を開きました。\",\n",
            "      \"indicators\": [\n",
            "        { \"name\": \"架空の回数\", \"unit\": \"回\", \"target\": 10, \"actual\": \"未定\" },\n",
            "        { \"name\": \"架空の額\", \"unit\": \"円\", \"target\": null, \"actual\": \"1,200\" }\n",
            "      ]\n",
            "    }"
        ),
    );
    insta::assert_snapshot!(check(&f));
}

/// Indentation of no-break spaces (mail, Word) on many lines is one message at the first,
/// saying how many; a year's block pasted after the file's last `}` is told to move inside;
/// a thousands separator's hint gives the figure as typed; a backslash is named with ¥ too.
#[test]
fn slips_pasted_from_mail_and_word_are_named_in_the_staffs_words() {
    let f = with_progress();
    let nbsp = |s: &str| s.replace("  ", "\u{A0}\u{A0}");
    let text = f.read(P111);
    f.write(P111, nbsp(&text));
    let text = f.read(P112);
    f.write(
        P112,
        format!(
            "{}\n,\n  \"progress\": {{ \"2026\": {{ \"status\": \"A\", \"summary\": \"架空\" }} }}\n",
            text.trim_end()
        ),
    );
    common::give_progress(
        &f,
        P113,
        "    \"2026\": { \"status\": \"A\", \"summary\": \"架空の結果\\ です。\", \"indicators\": [{ \"name\": \"架空\", \"unit\": \"円\", \"target\": 1,200,000 }] }",
    );
    insta::assert_snapshot!(check(&f));
}

/// The guide's placeholders left in a year's texts, and an indicator with nothing measured, are
/// errors with a clear fix; a text that only starts with brackets is not.
#[test]
fn placeholders_and_indicators_with_nothing_measured_are_errors() {
    let f = with_progress();
    common::give_progress(
        &f,
        P111,
        concat!(
            "    \"2026\": {\n",
            "      \"status\": \"A\",\n",
            "      \"summary\": \"（その年度の結果を、担当課の言葉で書きます）\",\n",
            "      \"indicators\": [\n",
            "        { \"name\": \"（指標の名前）\", \"unit\": \"件\", \"target\": 120 },\n",
            "        { \"name\": \"架空の件数\", \"unit\": \"件\" },\n",
            "        { \"name\": \"\", \"unit\": \"\" }\n",
            "      ],\n",
            "      \"next_steps\": \"（課題と今後の方向性を書きます）\"\n",
            "    }"
        ),
    );
    common::give_progress(
        &f,
        P112,
        "    \"2026\": { \"status\": \"A\", \"summary\": \"（架空）説明会を開きました。\" }",
    );
    insta::assert_snapshot!(check(&f));
}

/// A fiscal year written in the Japanese era is told its Western year; a required figure is
/// never told to be left out.
#[test]
fn a_year_of_the_japanese_era_is_told_its_western_year() {
    let f = with_progress();
    f.edit(OUTLINE, "\"from\": 2026", "\"from\": \"令和8年度\"");
    f.edit(OUTLINE, "\"to\": 2029", "\"to\": \"未定\"");
    insta::assert_snapshot!(check(&f));
}

/// A year's progress pasted outside "progress" (at the top of the plan, its fields without
/// their year, or in a sub-project) is told where it belongs, never only to be deleted.
#[test]
fn a_years_progress_pasted_outside_progress_is_told_where_it_belongs() {
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
    common::set_json(
        &f,
        "plans/goal-1/1-3-1.json",
        "/subprojects/0/progress",
        serde_json::json!({ "2026": { "status": "A", "summary": "架空の結果です。" } }),
    );
    insta::assert_snapshot!(check(&f));
}

/// A year's block pasted outside `"progress"` is told where it belongs, and its content is
/// checked where it is in the same run (a placeholder, a status that is a label, an indicator
/// with nothing measured), each at its line; a year `"progress"` already holds is left to the
/// schema's message.
#[test]
fn the_content_of_a_year_pasted_outside_progress_is_checked_in_the_same_run() {
    let f = with_progress();
    common::append_field(
        &f,
        P111,
        concat!(
            "  \"2026\": {\n",
            "    \"status\": \"架空の段階その一\",\n",
            "    \"summary\": \"（その年度の結果を、担当課の言葉で書きます）\",\n",
            "    \"indicators\": [{ \"name\": \"架空の回数\", \"unit\": \"回\" }]\n",
            "  }\n"
        ),
    );
    common::give_progress(
        &f,
        P112,
        "    \"2026\": { \"status\": \"A\", \"summary\": \"架空の結果です。\" }",
    );
    common::append_field(
        &f,
        P112,
        "  \"2026\": { \"status\": \"架空の段階その九\", \"summary\": \"（その年度の結果を、担当課の言葉で書きます）\" }\n",
    );
    insta::assert_snapshot!(check(&f));
}

#[test]
fn a_space_between_japanese_characters_is_a_warning() {
    let f = sample();
    f.edit(P111, "架空組織の見直し", "架空組織の 見直し");
    f.edit(P112, "架空定員の管理", "架空定員の\u{3000}管理");
    f.edit(
        P113,
        "架空会議の運営の適正化",
        "架空会議の\u{A0}運営の\u{2009}適正化",
    );
    let shown = check(&f);
    assert_eq!(f.run(&["check", "--deny-warnings"]).code, 1);
    insta::assert_snapshot!(shown);
}

#[test]
fn a_repeated_title_is_reported() {
    let f = sample();
    f.edit(P211, "架空経費の削減", "架空組織の見直し");
    insta::assert_snapshot!(check(&f));
}

#[test]
fn control_characters_in_data_and_names_are_shown_visibly() {
    let f = sample();
    f.edit(P111, "\"試験企画課\"", "\"試験企画課\\n::error::forged\"");
    f.write("plans/goal-2/a\u{1b}[31mb.txt", "x");
    let shown = check(&f);
    assert!(!shown.contains('\u{1b}'), "{shown}");
    assert!(!shown.lines().any(|l| l.starts_with("::")), "{shown}");
    insta::assert_snapshot!(shown);
}

// ---- what testers and reviewers tried -------------------------------------------------------

#[test]
fn swapped_ids_are_two_mismatches_never_copies() {
    let f = sample();
    f.edit(P111, "\"1-1-1\"", "\"1-1-2\"");
    f.edit(P112, "\"1-1-2\"", "\"1-1-1\"");
    insta::assert_snapshot!(check(&f));
}

#[test]
fn a_plan_number_that_jumps_far_is_one_short_message() {
    let f = sample();
    let text = f.read(P113).replace("1-1-3", "1-1-300000");
    f.remove(P113);
    f.write("plans/goal-1/1-1-300000.json", text);
    insta::assert_snapshot!(check(&f));
}

/// An action area of 51 plans, numbered without a gap and counted in the outline: the 51st is
/// past the most an action area holds (the document's circled numbers end at ㊿), one message
/// at its id, and no gap or count is reported for it.
#[test]
fn a_plan_numbered_past_fifty_in_its_action_area_is_one_error() {
    let f = sample();
    for n in 4..=51 {
        f.write(
            &format!("plans/goal-1/1-1-{n}.json"),
            format!(
                "{{\n  \"id\": \"1-1-{n}\",\n  \"title\": \"架空試験計画その{n}\",\n  \"departments\": [\n    \"試験企画課\"\n  ]\n}}\n"
            ),
        );
    }
    f.edit(OUTLINE, "\"expected_total\": 16", "\"expected_total\": 64");
    f.edit(OUTLINE, "\"expected_plans\": 8", "\"expected_plans\": 56");
    insta::assert_snapshot!(check(&f));
}

/// A plan naming 21 departments (all registered) and one listing 90,000 sub-projects: each list
/// is one message with its length and the most it may hold. `build` refuses such data rather
/// than drawing a 体系図 row of 90,000 lines (which took a 9.9 GB allocation).
#[test]
fn too_many_departments_or_subprojects_in_a_plan_are_one_error_each() {
    let f = sample();
    let names: Vec<String> = (1..=13).map(|i| format!("試験架空{i}課")).collect();
    let registered: String = names
        .iter()
        .map(|n| format!(",\n    {{ \"name\": \"{n}\" }}"))
        .collect();
    f.edit(
        REGISTER,
        "{ \"name\": \"試験監査室\" }",
        &format!("{{ \"name\": \"試験監査室\" }}{registered}"),
    );
    let mut all: Vec<String> = [
        "試験企画課",
        "試験人事課",
        "DX試験課",
        "試験市民課",
        "試験財務課",
        "試験施設課",
        "試験環境課",
        "試験監査室",
    ]
    .map(String::from)
    .into();
    all.extend(names);
    let listed: Vec<String> = all.iter().map(|n| format!("\"{n}\"")).collect();
    f.edit(
        P111,
        "[\n    \"試験企画課\"\n  ]",
        &format!("[{}]", listed.join(", ")),
    );
    let subprojects: Vec<String> = (1..=90_000)
        .map(|i| format!("    {{ \"title\": \"架空講座{i}\" }}"))
        .collect();
    f.edit(
        P131,
        "    { \"title\": \"架空スマートフォン講座\" },\n    { \"title\": \"架空オンライン相談\" }",
        &subprojects.join(",\n"),
    );
    insta::assert_snapshot!(check(&f));
    // `build` says the same and draws nothing.
    for lang in ["ja", "en"] {
        let run = f.run(&["build", "--lang", lang]);
        assert_eq!(run.code, 1, "{}", run.stderr);
        assert_eq!(run.stdout, f.run(&["check", "--lang", lang]).stdout);
        assert!(!f.path("charts").exists() && !f.path(".vscode").exists());
    }
}

#[test]
fn a_mistyped_expected_plans_is_one_error() {
    let f = sample();
    f.edit(OUTLINE, "\"expected_plans\": 8", "\"expected_plans\": 7");
    insta::assert_snapshot!(check(&f));
}

#[test]
fn an_action_area_missing_from_the_outline_is_one_error() {
    let f = sample();
    f.edit(
        OUTLINE,
        ",\n        { \"number\": 3, \"title\": \"架空取組その一の三\" }",
        "",
    );
    insta::assert_snapshot!(check(&f));
}

#[test]
fn plan_names_typed_another_way_are_told_their_name() {
    let f = sample();
    for (from, to) in [
        (P111, "plans/goal-1/1-1-1.JSON"),
        (P112, "plans/goal-1/1-1-2.json.txt"),
        ("plans/goal-1/1-2-1.json", "plans/goal-1/1-2-01.json"),
    ] {
        let text = f.read(from);
        f.remove(from);
        f.write(to, text);
    }
    f.edit("plans/goal-1/1-2-01.json", "\"1-2-1\"", "\"1-2-01\"");
    let text = f.read(P113).replace("\"1-1-3\"", "\"１-１-３\"");
    f.remove(P113);
    f.write("plans/goal-1/１-１-３.json", text);
    insta::assert_snapshot!(check(&f));
}

#[cfg(unix)]
#[test]
fn a_goal_folder_that_is_a_link_is_one_error() {
    let f = sample();
    let elsewhere = tempfile::tempdir().unwrap();
    std::fs::rename(f.path("plans/goal-1"), elsewhere.path().join("goal-1")).unwrap();
    std::os::unix::fs::symlink(elsewhere.path().join("goal-1"), f.path("plans/goal-1")).unwrap();
    insta::assert_snapshot!(check(&f));
}

#[test]
fn a_renamed_goal_folder_is_one_error() {
    let f = sample();
    std::fs::rename(f.path("plans/goal-2"), f.path("plans/goal2")).unwrap();
    insta::assert_snapshot!(check(&f));
}

#[cfg(target_os = "linux")]
#[test]
fn a_file_name_that_is_not_utf8_is_said() {
    use std::os::unix::ffi::OsStrExt;
    let f = sample();
    let name = std::ffi::OsStr::from_bytes(b"\x83\x81\x83\x82.json");
    std::fs::write(f.path("plans/goal-1").join(name), "{}").unwrap();
    insta::assert_snapshot!(check(&f));
}

#[test]
fn a_department_with_a_stray_space_or_etc_is_one_error() {
    let f = sample();
    f.edit(P111, "\"試験企画課\"", "\"試験企画課\u{3000}\"");
    f.edit(
        "plans/goal-1/1-2-1.json",
        "\"試験企画課\"",
        "\"試験 企画課\"",
    );
    f.edit(P211, "\"試験財務課\"", "\"試験財務課 等\"");
    f.edit(P211, ",\n  \"and_others\": true", "");
    f.edit(P112, "\"1-1-2\"", "\"1-1-2 \"");
    insta::assert_snapshot!(check(&f));
}

#[test]
fn etc_written_into_a_name_when_the_plan_already_says_and_others() {
    let f = sample();
    f.edit(P211, "\"試験財務課\"", "\"試験財務課 等\"");
    insta::assert_snapshot!(check(&f));
}

#[test]
fn a_misspelt_register_entry_is_reported_in_the_register() {
    let f = sample();
    f.edit(REGISTER, "試験人事課", "試験入事課");
    insta::assert_snapshot!(check(&f));
}

#[test]
fn a_deleted_plan_does_not_make_its_department_look_unused() {
    let f = sample();
    f.remove("plans/goal-3/3-2-1.json");
    insta::assert_snapshot!(check(&f));
}

#[test]
fn a_field_under_another_name_suggests_the_missing_one() {
    let f = sample();
    f.edit(P111, "\"title\"", "\"name\"");
    insta::assert_snapshot!(check(&f));
}

#[test]
fn a_line_break_written_in_a_title_is_named() {
    let f = sample();
    f.edit(P111, "架空組織の見直し", "架空組織の\\n見直し");
    f.edit(P112, "架空定員の管理", "架空定員の\\t管理");
    insta::assert_snapshot!(check(&f));
}

#[test]
fn full_width_digits_and_spaces_in_the_json_are_one_fix() {
    let f = sample();
    f.edit(
        OUTLINE,
        "\"expected_total\": 16",
        "\"expected_total\": １６",
    );
    f.edit(P111, "\"id\": ", "\"id\":\u{3000}");
    insta::assert_snapshot!(check(&f));
}

#[test]
fn with_deny_warnings_a_warning_is_not_ok() {
    let f = sample();
    f.write("plans/goal-1/memo.txt", "x");
    let run = f.run(&["check", "--deny-warnings"]);
    assert_eq!(run.code, 1);
    assert_eq!(
        run.stdout,
        "plans/goal-1/memo.txt: warning[non-json-file]: this file does not end in .json, so it is not checked\n  = hint: plan files end in .json: rename it if it is a plan, or move it out of plans/\n\n1 warning in 1 file\n"
    );
    let run = f.run(&["check"]);
    assert_eq!(run.code, 0);
    assert!(
        run.stdout
            .ends_with("OK: 16 plans in 3 goals (1 warning)\n")
    );
}

// ---- progress (every name, summary and scale label below is fictional)

#[test]
fn progress_that_is_right_passes() {
    let f = with_progress();
    open_year(&f, 2027);
    report_progress(
        &f,
        "    \"2026\": {\n      \"status\": \"B\",\n      \"summary\": \"架空の結果です。\",\n      \"indicators\": [\n        { \"name\": \"架空の件数\", \"unit\": \"件\", \"target\": 120, \"actual\": 96.5 }\n      ]\n    },\n    \"2027\": { \"status\": \"A\", \"summary\": \"架空の結果その二です。\" }",
    );
    let run = f.run(&["check", "--deny-warnings"]);
    assert_eq!(
        (run.code, run.stdout.as_str()),
        (0, "OK: 16 plans in 3 goals\n")
    );
    // fmt writes it in canonical form, the indicator's fraction as written.
    assert_eq!(f.run(&["fmt", P112]).code, 0);
    assert_eq!(f.run(&["fmt", "--check", P112]).code, 0);
    assert!(
        f.read(P112).contains("\"actual\": 96.5\n"),
        "{}",
        f.read(P112)
    );
}

/// The section that owns the plan is data (the outline's `owner`): the messages that send
/// people to it name it, and it must be a registered department (after a reorganisation, the
/// one edit to make).
#[test]
fn the_owner_is_named_from_the_outline_and_is_registered() {
    let f = sample();
    f.edit(
        OUTLINE,
        "\"expected_total\": 16,",
        "\"owner\": \"試験企画課\",\n  \"expected_total\": 16,",
    );
    let mut out = String::new();
    for lang in ["ja", "en"] {
        out.push_str(&f.run(&["progress", "--lang", lang]).stderr);
    }
    report_progress(
        &f,
        "    \"2026\": { \"status\": \"A\", \"summary\": \"架空の結果です。\" }",
    );
    for lang in ["ja", "en"] {
        out.push_str(&f.run(&["check", "--lang", lang]).stdout);
    }
    f.edit(
        OUTLINE,
        "\"owner\": \"試験企画課\"",
        "\"owner\": \"試験企面課\"",
    );
    for lang in ["ja", "en"] {
        out.push_str(&f.run(&["check", "--lang", lang]).stdout);
    }
    insta::assert_snapshot!(out);
}

#[test]
fn progress_before_the_outline_sets_it_up_is_one_error_per_plan() {
    let f = sample();
    report_progress(
        &f,
        "    \"2026\": { \"status\": \"A\", \"summary\": \"架空の結果です。\" },\n    \"2027\": { \"status\": \"Z\", \"summary\": \"架空の結果その二です。\" }",
    );
    insta::assert_snapshot!(check(&f));
}

#[test]
fn a_year_outside_the_period_is_named() {
    let f = with_progress();
    report_progress(
        &f,
        "    \"2031\": { \"status\": \"A\", \"summary\": \"架空の結果です。\" }",
    );
    insta::assert_snapshot!(check(&f));
}

/// A year after the one being reported: most often the 年度 slip (results of fiscal year 2026
/// written in January 2027 under "2027"), said with the year that is open and what 年度 means;
/// and a year being reported outside the period.
#[test]
fn a_year_not_yet_open_and_a_reporting_year_outside_the_period() {
    let f = with_progress();
    report_progress(
        &f,
        "    \"2026\": { \"status\": \"A\", \"summary\": \"架空の結果です。\" },\n    \"2027\": { \"status\": \"B\", \"summary\": \"架空の結果その二です。\" }",
    );
    let mut out = String::new();
    for lang in ["ja", "en"] {
        out.push_str(&f.run(&["check", "--lang", lang]).stdout);
    }
    open_year(&f, 2030);
    for lang in ["ja", "en"] {
        out.push_str(&f.run(&["check", "--lang", lang]).stdout);
    }
    insta::assert_snapshot!(out);
}

#[test]
fn a_status_that_is_not_a_code_gets_the_code_it_meant() {
    let f = with_progress();
    open_year(&f, 2028);
    report_progress(
        &f,
        "    \"2026\": { \"status\": \"ａ\", \"summary\": \"架空の結果です。\" },\n    \"2027\": { \"status\": \"架空の段階その二\", \"summary\": \"架空の結果その二です。\" },\n    \"2028\": { \"status\": \"Z\", \"summary\": \"架空の結果その三です。\" }",
    );
    insta::assert_snapshot!(check(&f));
}

#[test]
fn an_indicator_without_a_unit_is_named() {
    let f = with_progress();
    report_progress(
        &f,
        "    \"2026\": {\n      \"status\": \"A\",\n      \"summary\": \"架空の結果です。\",\n      \"indicators\": [\n        { \"name\": \"架空の件数\", \"unit\": \"\", \"target\": 10, \"actual\": 8 }\n      ]\n    }",
    );
    insta::assert_snapshot!(check(&f));
}

#[test]
fn a_scale_with_a_repeated_code_and_a_reversed_period() {
    let f = with_progress();
    f.edit(OUTLINE, "\"code\": \"C\"", "\"code\": \"B\"");
    f.edit(OUTLINE, "\"to\": 2029", "\"to\": 2025");
    insta::assert_snapshot!(check(&f));
}

#[test]
fn progress_in_the_wrong_shape_is_the_schemas_alone() {
    let f = with_progress();
    report_progress(
        &f,
        "    \"令和8\": { \"status\": 1, \"summary\": \"\" },\n    \"2026\": { \"status\": \"A\", \"summary\": \"架空の結果です。\", \"indicators\": [{ \"name\": \"架空の件数\", \"target\": \"120\" }] }",
    );
    insta::assert_snapshot!(check(&f));
}

/// Each of these is one mistake, and gets one message: a year's entry written without its
/// year; a status with a space; a label (longer than a code may be) typed as the status; a
/// scale of one level; a code with a space in the outline (the plans are not held against a
/// scale with a mistake); a period year written as a Reiwa year.
#[test]
fn progress_mistakes_get_one_message_each() {
    let mut out = String::new();
    let case = |setup: &dyn Fn(&Fixture)| {
        let f = with_progress();
        setup(&f);
        check(&f)
    };
    out.push_str(&case(&|f| {
        report_progress(
            f,
            "    \"status\": \"A\",\n    \"summary\": \"架空の結果です。\"",
        )
    }));
    out.push_str(&case(&|f| {
        report_progress(
            f,
            "    \"2026\": { \"status\": \" A\", \"summary\": \"架空の結果です。\" }",
        )
    }));
    out.push_str(&case(&|f| {
        f.edit(OUTLINE, "架空の段階その二", "架空の段階その二（おおむね順調に進んでいる）");
        report_progress(
            f,
            "    \"2026\": { \"status\": \"架空の段階その二（おおむね順調に進んでいる）\", \"summary\": \"架空の結果です。\" }",
        )
    }));
    out.push_str(&case(&|f| {
        f.edit(
            OUTLINE,
            ",\n      { \"code\": \"B\", \"label\": \"架空の段階その二\" },\n      { \"code\": \"C\", \"label\": \"架空の段階その三\" },\n      { \"code\": \"D\", \"label\": \"架空の段階その四\" }",
            "",
        );
        report_progress(
            f,
            "    \"2026\": { \"status\": \"B\", \"summary\": \"架空の結果です。\" }",
        )
    }));
    out.push_str(&case(&|f| {
        f.edit(OUTLINE, "\"code\": \"A\"", "\"code\": \"A \"");
        report_progress(
            f,
            "    \"2026\": { \"status\": \"A\", \"summary\": \"架空の結果です。\" }",
        )
    }));
    out.push_str(&case(&|f| {
        f.edit(OUTLINE, "\"from\": 2026", "\"from\": 8");
        report_progress(
            f,
            "    \"2026\": { \"status\": \"A\", \"summary\": \"架空の結果です。\" }",
        )
    }));
    insta::assert_snapshot!(out);
}

/// The slips a department makes writing a year's entry, each one message that says how to put
/// it right in the words of the progress fields: a summary pasted from Word (typographic
/// quotes inside, then a line break), a text left open (its closing `"` forgotten), a `"`
/// inside a summary (with a “…” pair before it on the line), a thousands separator, a unit
/// after a number, the year's entry copied with its year left as it was, a misspelt field of
/// an entry (the fields allowed there listed), a field named in Japanese, an empty summary and
/// an indicator without its unit.
#[test]
fn slips_in_a_years_entry_get_one_message_each() {
    let mut out = String::new();
    let case = |entries: &str| {
        let f = with_progress();
        report_progress(&f, entries);
        check(&f)
    };
    out.push_str(&case(
        "    \"2026\": {\n      \"status\": \"A\",\n      \"summary\": \"（架空）“試験施設”の見直しに着手しました。\n次の段階です。\"\n    }",
    ));
    out.push_str(&case(
        "    \"2026\": {\n      \"status\": \"A,\n      \"summary\": \"架空の結果です。\"\n    }",
    ));
    out.push_str(&case(
        "    \"2026\": {\n      \"status\": \"A\",\n      \"summary\": \"（架空）“見直し”の\"試験施設\"に着手しました。\"\n    }",
    ));
    out.push_str(&case(
        "    \"2026\": {\n      \"status\": \"A\",\n      \"summary\": \"架空の結果です。\",\n      \"indicators\": [\n        { \"name\": \"架空の件数\", \"unit\": \"件\", \"target\": 1,200 }\n      ]\n    }",
    ));
    out.push_str(&case(
        "    \"2026\": {\n      \"status\": \"A\",\n      \"summary\": \"架空の結果です。\",\n      \"indicators\": [\n        { \"name\": \"架空の割合\", \"unit\": \"%\", \"actual\": 80% }\n      ]\n    }",
    ));
    out.push_str(&case(
        "    \"2026\": { \"status\": \"B\", \"summary\": \"架空の次の年度の結果です。\" },\n    \"2026\": { \"status\": \"A\", \"summary\": \"架空の結果です。\" }",
    ));
    out.push_str(&case(
        "    \"2026\": { \"status\": \"A\", \"summay\": \"架空の結果です。\" }",
    ));
    out.push_str(&case(
        "    \"2026\": { \"status\": \"A\", \"summary\": \"架空の結果です。\", \"備考\": \"架空\" }",
    ));
    out.push_str(&case(
        "    \"2026\": { \"status\": \"A\", \"summary\": \"\" }",
    ));
    out.push_str(&case(
        "    \"2026\": { \"status\": \"A\", \"summary\": \"架空の結果です。\", \"indicators\": [{ \"name\": \"架空の件数\", \"target\": 120 }] }",
    ));
    insta::assert_snapshot!(out);
}

/// A field named in Japanese is matched by the schema's descriptions: 「進捗」 is "progress".
#[test]
fn a_field_named_in_japanese_is_told_its_name() {
    let f = with_progress();
    f.edit(
        "plans/goal-1/1-1-2.json",
        "\n}",
        ",\n  \"進捗\": { \"2026\": { \"status\": \"A\", \"summary\": \"架空の結果です。\" } }\n}",
    );
    insta::assert_snapshot!(check(&f));
}
