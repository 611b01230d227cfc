//! Integration tests: run `plans check` on fixture repositories, one or more per rule, and
//! assert the exit code, rule id, file and line.

mod common;

use common::{Fixture, assert_at, run_in};

const P111: &str = "plans/goal-1/1-1-1.json";
const P112: &str = "plans/goal-1/1-1-2.json";
const P211: &str = "plans/goal-2/2-1-1.json";
const OUTLINE: &str = "plans/outline.json";
const REGISTER: &str = "plans/departments.json";

#[test]
fn minimal_fixture_passes() {
    let f = Fixture::minimal();
    let run = f.run(&["check"]);
    assert_eq!(run.code, 0, "{}", run.stdout);
    assert_eq!(run.stdout, "OK: 3 plans in 2 goals\n");
    assert_eq!(f.check_json(&[]).diagnostics().len(), 0);
}

#[test]
fn other_key_order_and_whitespace_pass() {
    let f = Fixture::minimal();
    f.write(P111, "{\"departments\":[\"行政マネジメント課\"],\"title\":\"行政組織の見直し\",\"id\":\"1-1-1\"}");
    f.write(P211, "{\r\n\t\"and_others\" : true ,\r\n\t\"departments\" : [ \"財政課\" ] ,\r\n\t\"title\" : \"経常経費の削減\" ,\r\n\t\"id\" : \"2-1-1\"\r\n}");
    let run = f.run(&["check", "--deny-warnings"]);
    assert_eq!(run.code, 0, "{}", run.stdout);
}

#[test]
fn real_repository_passes_with_57_plans() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let run = run_in(root, &["check", "--deny-warnings"]);
    assert_eq!(run.code, 0, "{}", run.stdout);
    assert_eq!(run.stdout, "OK: 57 plans in 3 goals\n");
    let files = std::fs::read_dir(root.join("plans"))
        .unwrap()
        .filter_map(Result::ok)
        .filter(|e| e.path().is_dir())
        .flat_map(|d| std::fs::read_dir(d.path()).unwrap().filter_map(Result::ok))
        .count();
    assert_eq!(files, 57);
}

// ---- file-read ---------------------------------------------------------------------------

#[cfg(unix)]
#[test]
fn symlink_out_of_the_repository_is_not_followed() {
    let f = Fixture::minimal();
    let outside = tempfile::NamedTempFile::new().unwrap();
    std::fs::write(outside.path(), "{\"secret\": true}").unwrap();
    std::os::unix::fs::symlink(outside.path(), f.path("plans/goal-1/1-1-3.json")).unwrap();
    let run = f.check_json(&[]);
    assert_eq!(run.code, 1);
    let d = run.one("file-read");
    assert_at(&d, "file-read", "plans/goal-1/1-1-3.json", None);
    assert!(d["message"].as_str().unwrap().contains("symbolic link"));
    assert!(!run.stdout.contains("secret"));
}

#[test]
fn folder_named_like_a_json_file_is_an_error() {
    let f = Fixture::minimal();
    std::fs::create_dir_all(f.path("plans/goal-1/x.json")).unwrap();
    let run = f.check_json(&[]);
    assert_eq!(run.code, 1);
    assert_at(
        &run.one("file-read"),
        "file-read",
        "plans/goal-1/x.json",
        None,
    );
}

#[test]
fn huge_file_is_refused_and_the_others_still_checked() {
    let f = Fixture::minimal();
    let big = std::fs::File::create(f.path("plans/goal-1/1-1-3.json")).unwrap();
    big.set_len(100 * 1024 * 1024).unwrap();
    f.edit(P211, "財政課", "財政 課");
    let run = f.check_json(&[]);
    assert_eq!(run.code, 1);
    let d = run.one("file-read");
    assert_at(&d, "file-read", "plans/goal-1/1-1-3.json", None);
    assert!(d["message"].as_str().unwrap().contains("104857600 bytes"));
    assert_eq!(run.of_rule("known-departments").len(), 1);
}

#[cfg(unix)]
#[test]
fn fifo_is_not_opened() {
    let f = Fixture::minimal();
    let status = std::process::Command::new("mkfifo")
        .arg(f.path("plans/goal-1/pipe.json"))
        .status()
        .unwrap();
    assert!(status.success());
    let run = f.check_json(&[]);
    assert_eq!(run.code, 1);
    assert_at(
        &run.one("file-read"),
        "file-read",
        "plans/goal-1/pipe.json",
        None,
    );
}

#[test]
fn non_json_file_is_a_warning() {
    let f = Fixture::minimal();
    f.write("plans/goal-1/1-1-3.json.bak", "{}");
    let run = f.check_json(&[]);
    assert_eq!(run.code, 0);
    let d = run.one("file-read");
    assert_eq!(d["severity"], "warning");
    assert_eq!(f.check_json(&["--deny-warnings"]).code, 1);
}

// ---- json-syntax -------------------------------------------------------------------------

fn syntax_error(content: &[u8]) -> serde_json::Value {
    let f = Fixture::minimal();
    f.write(P111, content);
    let run = f.check_json(&[]);
    assert_eq!(run.code, 1, "{}", run.stdout);
    let d = run.of_rule("json-syntax");
    assert_eq!(d.len(), 1, "{}", run.stdout);
    assert_eq!(d[0]["file"], P111);
    d[0].clone()
}

#[test]
fn syntax_error_is_placed_in_characters() {
    let d = syntax_error("{\n  \"id\": \"1-1-1\",\n  \"title\": \"行政組織\" \"x\"\n}".as_bytes());
    assert_eq!(
        (d["line"].as_u64(), d["column"].as_u64()),
        (Some(3), Some(19))
    );
    assert!(d["message"].as_str().unwrap().contains("comma"));
}

#[test]
fn trailing_comma_is_explained() {
    let d = syntax_error("{\"id\": \"1-1-1\",}".as_bytes());
    assert!(
        d["hint"].as_str().unwrap().contains("remove the comma"),
        "{d}"
    );
}

#[test]
fn bom_invalid_utf8_empty_binary_and_utf16_each_have_a_message() {
    let bom = syntax_error(b"\xEF\xBB\xBF{}");
    assert!(bom["message"].as_str().unwrap().contains("byte order mark"));
    let sjis = syntax_error(b"{\n  \"title\": \"\x8D\x73\x90\xAD\"\n}");
    assert!(sjis["message"].as_str().unwrap().contains("UTF-8"));
    assert_eq!(
        (sjis["line"].as_u64(), sjis["column"].as_u64()),
        (Some(2), Some(13))
    );
    let empty = syntax_error(b"  \n");
    assert!(empty["message"].as_str().unwrap().contains("empty"));
    let binary = syntax_error(b"\x89PNG\r\n\x1a\n\x00\x00");
    assert!(binary["message"].as_str().unwrap().contains("NUL"));
    let utf16 = syntax_error(b"\xFF\xFE{\x00}\x00");
    assert!(utf16["message"].as_str().unwrap().contains("UTF-16"));
}

#[test]
fn deep_nesting_is_an_error_not_a_crash() {
    let mut deep = "[".repeat(100_000);
    deep.push_str(&"]".repeat(100_000));
    let d = syntax_error(deep.as_bytes());
    assert!(
        d["message"].as_str().unwrap().contains("nested too deeply"),
        "{d}"
    );
}

#[test]
fn repeated_key_is_an_error() {
    let f = Fixture::minimal();
    f.edit(
        P111,
        "\"title\": \"行政組織の見直し\",",
        "\"title\": \"行政組織の見直し\",\n  \"title\": \"別名\",",
    );
    let run = f.check_json(&[]);
    let d = run.one("json-syntax");
    assert_at(&d, "json-syntax", P111, Some(4));
    assert!(
        d["message"]
            .as_str()
            .unwrap()
            .contains("\"title\" appears twice")
    );
}

// ---- schema ------------------------------------------------------------------------------

#[test]
fn unknown_field_is_placed_on_its_key_with_a_suggestion() {
    let f = Fixture::minimal();
    f.edit(P111, "\"title\"", "\"titel\"");
    let run = f.check_json(&[]);
    assert_eq!(run.code, 1);
    let all = run.of_rule("schema");
    assert_eq!(all.len(), 2, "{}", run.stdout);
    let unknown = all
        .iter()
        .find(|d| d["message"].as_str().unwrap().contains("unknown field"))
        .unwrap();
    assert_at(unknown, "schema", P111, Some(3));
    assert_eq!(unknown["column"], 3);
    assert!(
        unknown["hint"]
            .as_str()
            .unwrap()
            .contains("did you mean \"title\"")
    );
    let missing = all
        .iter()
        .find(|d| {
            d["message"]
                .as_str()
                .unwrap()
                .contains("required field \"title\"")
        })
        .unwrap();
    assert_at(missing, "schema", P111, Some(1));
}

#[test]
fn wrong_types_bad_ids_and_empty_values_are_reported_together() {
    let f = Fixture::minimal();
    f.write(P111, "{\n  \"id\": \"1-1-01\",\n  \"title\": \"\",\n  \"departments\": [\n    42\n  ],\n  \"and_others\": \"yes\"\n}\n");
    let run = f.check_json(&[]);
    let lines: Vec<u64> = run
        .of_rule("schema")
        .iter()
        .map(|d| d["line"].as_u64().unwrap())
        .collect();
    assert_eq!(lines, vec![2, 3, 5, 7], "{}", run.stdout);
    let type_error = &run.of_rule("schema")[2];
    assert!(
        type_error["message"]
            .as_str()
            .unwrap()
            .contains("must be text in double quotes, but it is a whole number")
    );
}

#[test]
fn repeated_department_in_a_plan_is_reported() {
    let f = Fixture::minimal();
    f.edit(P112, "\"行政マネジメント課\"", "\"人事課\"");
    let run = f.check_json(&[]);
    let d = run.one("schema");
    assert_at(&d, "schema", P112, Some(6));
    assert!(
        d["message"]
            .as_str()
            .unwrap()
            .contains("「人事課」 more than once")
    );
}

#[test]
fn outline_and_register_are_validated_against_their_schemas() {
    let f = Fixture::minimal();
    f.edit(
        OUTLINE,
        "\"expected_plans\": 2",
        "\"expected_plans\": \"2\"",
    );
    f.edit(
        REGISTER,
        "{ \"name\": \"財政課\" }",
        "{ \"name\": \"財政課\", \"phone\": \"024\" }",
    );
    let run = f.check_json(&[]);
    let d = run.of_rule("schema");
    assert_eq!(d.len(), 2, "{}", run.stdout);
    assert_at(&d[0], "schema", REGISTER, Some(5));
    assert_at(&d[1], "schema", OUTLINE, Some(8));
}

// ---- file-location -----------------------------------------------------------------------

#[test]
fn misplaced_plan_is_told_where_it_belongs() {
    let f = Fixture::minimal();
    let text = f.read(P211);
    f.remove(P211);
    f.write("plans/goal-1/2-1-1.json", text);
    let run = f.check_json(&[]);
    let d = run.one("file-location");
    assert_at(&d, "file-location", "plans/goal-1/2-1-1.json", Some(2));
    assert!(
        d["message"]
            .as_str()
            .unwrap()
            .contains("plans/goal-2/2-1-1.json")
    );
}

#[test]
fn file_name_must_equal_the_id() {
    let f = Fixture::minimal();
    f.edit(P111, "\"1-1-1\"", "\"1-1-3\"");
    let run = f.check_json(&[]);
    let d = run.one("file-location");
    assert!(
        d["message"]
            .as_str()
            .unwrap()
            .contains("plans/goal-1/1-1-3.json")
    );
}

#[test]
fn other_json_files_are_errors() {
    let f = Fixture::minimal();
    f.write("plans/notes.json", "{\"memo\": \"x\"}");
    f.write("plans/goal-2/outline.json", f.read(OUTLINE));
    let run = f.check_json(&[]);
    let d = run.of_rule("file-location");
    assert_eq!(d.len(), 2, "{}", run.stdout);
    assert_eq!(d[0]["file"], "plans/goal-2/outline.json");
    assert!(
        d[0]["message"]
            .as_str()
            .unwrap()
            .contains("plans/outline.json")
    );
    assert_eq!(d[1]["file"], "plans/notes.json");
}

#[test]
fn missing_outline_is_reported() {
    let f = Fixture::minimal();
    f.remove(OUTLINE);
    let run = f.check_json(&[]);
    assert_at(&run.one("file-location"), "file-location", OUTLINE, None);
}

// ---- unique-ids, outline-refs, numbering, counts -----------------------------------------

#[test]
fn repeated_id_is_reported_on_the_second_file() {
    let f = Fixture::minimal();
    f.write(
        "plans/goal-2/1-1-1.json",
        f.read(P111).replace("行政組織の見直し", "別の計画"),
    );
    let run = f.check_json(&[]);
    let d = run.one("unique-ids");
    assert_at(&d, "unique-ids", "plans/goal-2/1-1-1.json", Some(2));
    assert!(d["message"].as_str().unwrap().contains(P111));
}

#[test]
fn plan_in_unknown_goal_or_area_is_reported() {
    let f = Fixture::minimal();
    f.write(
        "plans/goal-3/3-1-1.json",
        f.read(P211)
            .replace("2-1-1", "3-1-1")
            .replace("経常経費の削減", "三"),
    );
    f.write(
        "plans/goal-2/2-2-1.json",
        f.read(P211)
            .replace("2-1-1", "2-2-1")
            .replace("経常経費の削減", "二"),
    );
    let run = f.check_json(&[]);
    let d = run.of_rule("outline-refs");
    assert_eq!(d.len(), 2, "{}", run.stdout);
    assert!(
        d[0]["message"]
            .as_str()
            .unwrap()
            .contains("action area 2-2")
    );
    assert!(d[1]["message"].as_str().unwrap().contains("goal 3"));
}

#[test]
fn gap_in_plan_numbers_is_reported_on_the_action_area() {
    let f = Fixture::minimal();
    let text = f.read(P112).replace("1-1-2", "1-1-3");
    f.remove(P112);
    f.write("plans/goal-1/1-1-3.json", text);
    let run = f.check_json(&[]);
    let d = run.one("numbering");
    assert_at(&d, "numbering", OUTLINE, Some(10));
    assert!(d["message"].as_str().unwrap().contains("1-1-2 is missing"));
    assert_eq!(run.of_rule("counts").len(), 0, "the count is still right");
}

#[test]
fn outline_numbers_run_in_order() {
    let f = Fixture::minimal();
    f.edit(OUTLINE, "\"number\": 2", "\"number\": 5");
    let run = f.check_json(&[]);
    let d = run.of_rule("numbering");
    assert!(
        d.iter()
            .any(|d| d["line"] == 14 && d["message"].as_str().unwrap().contains("numbered 5")),
        "{}",
        run.stdout
    );
}

#[test]
fn count_mismatch_names_goal_figures_and_missing_ids() {
    let f = Fixture::minimal();
    f.remove(P112);
    let run = f.check_json(&[]);
    let d = run.of_rule("counts");
    assert_eq!(d.len(), 2, "{}", run.stdout);
    assert_at(&d[0], "counts", OUTLINE, Some(3));
    assert!(
        d[0]["message"]
            .as_str()
            .unwrap()
            .contains("2 plans in all, but the outline expects 3")
    );
    assert_at(&d[1], "counts", OUTLINE, Some(8));
    assert_eq!(
        d[1]["message"],
        "goal 1 has 1 plan, but the outline expects 2; missing: 1-1-2"
    );
}

#[test]
fn expected_total_must_be_the_goals_sum() {
    let f = Fixture::minimal();
    f.edit(OUTLINE, "\"expected_total\": 3", "\"expected_total\": 4");
    let run = f.check_json(&[]);
    let d = run.of_rule("counts");
    assert_eq!(d.len(), 2, "{}", run.stdout);
    assert!(
        d.iter()
            .any(|d| d["message"].as_str().unwrap().contains("add up to 3"))
    );
}

// ---- departments -------------------------------------------------------------------------

#[test]
fn unknown_department_gets_a_suggestion() {
    let f = Fixture::minimal();
    f.edit(P111, "行政マネジメント課", "行政マネージメント課");
    let run = f.check_json(&[]);
    let d = run.one("known-departments");
    assert_at(&d, "known-departments", P111, Some(5));
    assert_eq!(d["column"], 5);
    assert!(
        d["hint"]
            .as_str()
            .unwrap()
            .contains("did you mean 「行政マネジメント課」?")
    );
}

#[test]
fn subproject_department_must_be_the_plans() {
    let f = Fixture::minimal();
    f.edit(P112, "        \"人事課\"", "        \"財政課\"");
    let run = f.check_json(&[]);
    assert_at(
        &run.one("subproject-departments"),
        "subproject-departments",
        P112,
        Some(12),
    );
}

#[test]
fn unused_department_is_a_warning() {
    let f = Fixture::minimal();
    f.edit(
        REGISTER,
        "{ \"name\": \"財政課\" }",
        "{ \"name\": \"財政課\" },\n    { \"name\": \"観光課\" }",
    );
    let run = f.check_json(&[]);
    assert_eq!(run.code, 0, "warnings alone pass");
    let d = run.one("unused-departments");
    assert_eq!(d["severity"], "warning");
    assert_at(&d, "unused-departments", REGISTER, Some(6));
    assert_eq!(f.check_json(&["--deny-warnings"]).code, 1);
}

#[test]
fn department_registered_twice_is_reported() {
    let f = Fixture::minimal();
    f.edit(
        REGISTER,
        "{ \"name\": \"財政課\" }",
        "{ \"name\": \"財政課\" },\n    { \"name\": \"人事課\" }",
    );
    let run = f.check_json(&[]);
    assert_at(
        &run.one("unique-departments"),
        "unique-departments",
        REGISTER,
        Some(6),
    );
}

// ---- text --------------------------------------------------------------------------------

#[test]
fn spaces_control_characters_and_decomposed_text_are_reported() {
    let f = Fixture::minimal();
    f.edit(P111, "\"行政組織の見直し\"", "\" 行政組織の見直し\"");
    f.edit(
        P112,
        "業務委託の効果的な活用",
        "業務委託の\\u0007効果的な活用",
    );
    f.edit(P211, "経常経費の削減", "経常経費の削減\u{3000}");
    f.edit(OUTLINE, "目標その一", "目標そのか\u{3099}");
    let run = f.check_json(&[]);
    let d = run.of_rule("text-hygiene");
    assert_eq!(d.len(), 4, "{}", run.stdout);
    assert!(
        d[0]["message"]
            .as_str()
            .unwrap()
            .contains("starts with a space")
    );
    assert!(d[1]["message"].as_str().unwrap().contains("U+0007"));
    assert!(
        d[2]["message"]
            .as_str()
            .unwrap()
            .contains("ends with a space")
    );
    assert!(d[3]["hint"].as_str().unwrap().contains("目標そのが"));
}

#[test]
fn repeated_title_is_reported() {
    let f = Fixture::minimal();
    f.edit(P211, "経常経費の削減", "行政組織の見直し");
    let run = f.check_json(&[]);
    let d = run.one("unique-titles");
    assert_at(&d, "unique-titles", P211, Some(3));
    assert!(d["message"].as_str().unwrap().contains("1-1-1"));
}

#[test]
fn space_between_japanese_characters_is_a_warning() {
    let f = Fixture::minimal();
    f.edit(P111, "行政組織の見直し", "行政組織の 見直し");
    let run = f.check_json(&[]);
    assert_eq!(run.code, 0);
    let d = run.one("line-wrap-space");
    assert_at(&d, "line-wrap-space", P111, Some(3));
    assert!(d["hint"].as_str().unwrap().contains("「行政組織の見直し」"));
    assert_eq!(f.check_json(&["--deny-warnings"]).code, 1);
}
