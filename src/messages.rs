//! The message catalogue: every sentence the checker shows a person, in one place.
//!
//! Rules decide *what* is wrong; this module decides how it is said. Keeping the text here
//! means a second language (Japanese is planned) is one more function per message, not a hunt
//! through the rules. Messages say what is wrong; hints say how to fix it, in words for people
//! who edit the files in GitHub's web editor, not for programmers.

/// A message and the hint that goes with it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Text {
    pub message: String,
    pub hint: Option<String>,
}

fn t(message: impl Into<String>, hint: impl Into<String>) -> Text {
    Text {
        message: message.into(),
        hint: Some(hint.into()),
    }
}

// ---- file-read ---------------------------------------------------------------------------

pub fn symlink() -> Text {
    t(
        "this is a symbolic link; links are not followed",
        "replace the link with the file itself, or remove it from plans/",
    )
}

pub fn json_named_folder() -> Text {
    t(
        "this is a folder, but its name ends in .json",
        "rename the folder (or move what is inside it): only plan files may end in .json",
    )
}

pub fn not_regular_file() -> Text {
    t(
        "this is not an ordinary file (it is a device, pipe or socket)",
        "remove it from plans/: the folder may hold only plan files",
    )
}

pub fn unreadable(error: &str) -> Text {
    t(
        format!("the file cannot be read: {error}"),
        "check that the file exists and that you are allowed to read it",
    )
}

pub fn too_large(size: u64, limit: u64) -> Text {
    t(
        format!("the file is {size} bytes; a file in plans/ may be at most {limit} bytes"),
        "a plan file is a few hundred bytes: this is probably not a plan; remove it from plans/",
    )
}

pub fn stray_file() -> Text {
    t(
        "this file does not end in .json, so it is not checked",
        "plan files end in .json: rename it if it is a plan, or move it out of plans/",
    )
}

pub fn no_plans_folder(root: &str) -> String {
    format!(
        "no plans/ folder in {root}: run this command at the top of the plan repository, or name it with -C DIR"
    )
}

// ---- json-syntax -------------------------------------------------------------------------

pub fn empty_file() -> Text {
    t(
        "the file is empty",
        "a plan file holds one JSON object, like the other files in its folder; fill it in or delete the file",
    )
}

pub fn bom() -> Text {
    t(
        "the file starts with a byte order mark (BOM)",
        "save the file as \"UTF-8\" (without BOM); in Notepad choose UTF-8, not \"UTF-8 with BOM\"",
    )
}

pub fn utf16() -> Text {
    t(
        "the file is saved as UTF-16",
        "save the file as UTF-8 (without BOM)",
    )
}

pub fn binary() -> Text {
    t(
        "the file contains NUL bytes: it is not a text file",
        "plans/ holds only JSON text files; remove this file or replace it with the right one",
    )
}

pub fn invalid_utf8() -> Text {
    t(
        "the file is not valid UTF-8 (it may be saved as Shift_JIS)",
        "save the file as UTF-8 (without BOM); the marked place is the first byte that is not UTF-8",
    )
}

pub fn duplicate_key(key: &str) -> Text {
    t(
        format!("the field \"{key}\" appears twice in the same object"),
        "keep only one of them: JSON readers silently use the last one and drop the other",
    )
}

/// Explains a `serde_json` syntax error (its message without the position).
pub fn json_syntax(raw: &str) -> Text {
    let (message, hint) = if raw.starts_with("EOF while parsing") {
        (
            "the file ends too early: a closing bracket or quote is missing",
            "every { needs a matching }, every [ a matching ], and every text a closing \"",
        )
    } else if raw.contains("trailing comma") {
        (
            "a comma stands before a closing bracket",
            "remove the comma after the last entry: JSON allows no comma before } or ]",
        )
    } else if raw.starts_with("expected `,` or `}`") {
        (
            "a comma or a closing } is missing",
            "separate the fields with commas, and close the object with }",
        )
    } else if raw.starts_with("expected `,` or `]`") {
        (
            "a comma or a closing ] is missing",
            "separate the entries of a list with commas, and close the list with ]",
        )
    } else if raw.starts_with("key must be a string") {
        (
            "a field name is not in double quotes",
            "write field names in straight double quotes, like \"title\"",
        )
    } else if raw.starts_with("expected `:`") {
        (
            "a colon is missing after a field name",
            "write each field as \"name\": value",
        )
    } else if raw.starts_with("control character") {
        (
            "a text contains a line break or tab",
            "keep each text on one line; JSON does not allow line breaks inside \"…\"",
        )
    } else if raw.starts_with("invalid escape") || raw.contains("escape") {
        (
            "a backslash \\ starts an invalid escape",
            "write a backslash as \\\\, or remove it",
        )
    } else if raw.starts_with("trailing characters") {
        (
            "there is more text after the end of the JSON object",
            "a file holds exactly one object: remove what follows its closing }",
        )
    } else if raw.starts_with("recursion limit exceeded") {
        (
            "the brackets are nested too deeply",
            "plan files are at most four levels deep; this file is not a plan",
        )
    } else if raw.starts_with("expected value") || raw.starts_with("expected ident") {
        (
            "a value is missing or misspelled here",
            "values are \"text\" in straight double quotes, numbers, true, false, [lists] or {objects}; curly quotes “ ” are not allowed",
        )
    } else {
        return t(
            format!("the file is not valid JSON: {raw}"),
            "compare the marked place with a plan file that passes",
        );
    };
    t(format!("the file is not valid JSON: {message}"), hint)
}

// ---- schema ------------------------------------------------------------------------------

/// What a JSON type is called for the people who edit the files.
pub fn type_name(json_type: &str) -> &'static str {
    match json_type {
        "string" => "text in double quotes",
        "integer" => "a whole number",
        "number" => "a number",
        "boolean" => "true or false",
        "array" => "a list in [ ]",
        "object" => "an object in { }",
        "null" => "null",
        _ => "another kind of value",
    }
}

fn field_hint(description: Option<&str>) -> String {
    match description {
        Some(d) => format!("this field: {d}"),
        None => "compare with a plan file that passes".to_string(),
    }
}

pub fn unknown_field(name: &str, suggestion: Option<&str>, allowed: &[String]) -> Text {
    let hint = match suggestion {
        Some(s) => format!(
            "did you mean \"{s}\"? the fields allowed here are: {}",
            allowed.join(", ")
        ),
        None if allowed.is_empty() => "remove this field".to_string(),
        None => format!(
            "remove it; the fields allowed here are: {}",
            allowed.join(", ")
        ),
    };
    t(format!("unknown field \"{name}\""), hint)
}

pub fn missing_field(name: &str, description: Option<&str>) -> Text {
    t(
        format!("the required field \"{name}\" is missing"),
        field_hint(description),
    )
}

pub fn wrong_type(field: &str, expected: &[&str], found: &str, description: Option<&str>) -> Text {
    let expected: Vec<&str> = expected.iter().map(|e| type_name(e)).collect();
    t(
        format!(
            "{field} must be {}, but it is {}",
            expected.join(" or "),
            type_name(found)
        ),
        field_hint(description),
    )
}

pub fn empty_text(field: &str) -> Text {
    t(
        format!("{field} is empty"),
        "write the text as the document gives it, or remove the field if it is optional",
    )
}

pub fn too_long(field: &str, length: usize, limit: u64) -> Text {
    t(
        format!("{field} is {length} characters long; at most {limit} are allowed"),
        "check that two values have not run together",
    )
}

pub fn bad_pattern(field: &str, value: &str, description: Option<&str>) -> Text {
    t(
        format!("{field} \"{value}\" is not in the right form"),
        field_hint(description),
    )
}

pub fn empty_list(field: &str) -> Text {
    t(
        format!("{field} is an empty list"),
        "write at least one entry, or remove the field if it is optional",
    )
}

pub fn repeated_entry(field: &str, entry: &str) -> Text {
    t(
        format!("{field} names {entry} more than once"),
        "keep each entry once, at its first place in the document's order",
    )
}

pub fn below_minimum(field: &str, limit: &str) -> Text {
    t(
        format!("{field} must be at least {limit}"),
        "numbers start at 1",
    )
}

/// Any other schema violation, in the validator's own words.
pub fn schema_other(field: &str, detail: &str, description: Option<&str>) -> Text {
    t(format!("{field}: {detail}"), field_hint(description))
}

// ---- file-location -----------------------------------------------------------------------

pub fn plan_misplaced(id: &str, expected: &str) -> Text {
    t(
        format!("plan {id} must be in the file {expected}"),
        format!(
            "move or rename this file to {expected} (or correct its \"id\" if the number is wrong)"
        ),
    )
}

pub fn special_misplaced(expected: &str) -> Text {
    t(
        format!("this file belongs at {expected}"),
        format!("move it to {expected}; there is only one such file"),
    )
}

pub fn not_a_plan() -> Text {
    t(
        "this JSON file is not a plan with a valid id, the outline or the register",
        "plans live at plans/goal-G/G-I-N.json with a matching \"id\"; move or delete this file",
    )
}

pub fn missing_file(what: &str) -> Text {
    t(
        format!("the {what} is missing"),
        "restore the file from the repository's history: every check needs it",
    )
}

// ---- unique-ids, outline-refs, numbering, counts -----------------------------------------

pub fn duplicate_id(id: &str, other: &str) -> Text {
    t(
        format!("the id {id} is also used by {other}"),
        "each plan has its own number: correct the \"id\" of one of the two files",
    )
}

pub fn unknown_goal(goal: u32, goals: usize) -> Text {
    t(
        format!("goal {goal} is not in the outline (it has {goals} goals)"),
        "the first number of the id is the goal (重点推進目標); check it against plans/outline.json",
    )
}

pub fn unknown_item(goal: u32, item: u32, items: usize) -> Text {
    t(
        format!(
            "action area {goal}-{item} is not in the outline (goal {goal} has {items} action areas)"
        ),
        "the second number of the id is the action area (取組事項); check it against plans/outline.json",
    )
}

pub fn outline_number(what: &str, found: u64, expected: usize) -> Text {
    t(
        format!("{what} is numbered {found}, but {expected} was expected here"),
        "number them 1, 2, 3 … in the document's order",
    )
}

pub fn plan_gap(item: &str, missing: &[String], highest: u32) -> Text {
    t(
        format!(
            "action area {item} has plans up to {item}-{highest}, but {} missing",
            plural_ids(missing)
        ),
        "plans of an action area are numbered 1, 2, 3 … without gaps: add the missing plan or renumber the later ones",
    )
}

pub fn item_without_plans(item: &str, title: &str) -> Text {
    t(
        format!("action area {item} ({title}) has no plans"),
        format!(
            "add its plans as plans/goal-…/{item}-1.json, {item}-2.json …, or remove the action area from the outline"
        ),
    )
}

pub fn goal_count(
    goal: u32,
    actual: usize,
    expected: u64,
    missing: &[String],
    extra: &[String],
) -> Text {
    let mut message = format!(
        "goal {goal} has {}, but the outline expects {expected}",
        count(actual, "plan")
    );
    if !missing.is_empty() {
        message.push_str(&format!("; missing: {}", missing.join(", ")));
    }
    if !extra.is_empty() {
        message.push_str(&format!("; not in the outline: {}", extra.join(", ")));
    }
    t(
        message,
        "add or remove plan files so that the goal matches the document's 計, or correct expected_plans; files with errors that hide their id are not counted",
    )
}

pub fn total_count(actual: usize, expected: u64) -> Text {
    t(
        format!("the repository has {actual} plans in all, but the outline expects {expected}"),
        "the document's 合計 is the number of plan files; see the per-goal counts for where they differ",
    )
}

pub fn goals_sum(sum: u64, total: u64) -> Text {
    t(
        format!("the goals' expected_plans add up to {sum}, but expected_total is {total}"),
        "make expected_total the sum of the goals' counts, as the document's 合計 is the sum of its 計",
    )
}

fn plural_ids(ids: &[String]) -> String {
    if ids.len() == 1 {
        format!("{} is", ids[0])
    } else {
        format!("{} are", ids.join(", "))
    }
}

// ---- departments -------------------------------------------------------------------------

pub fn unknown_department(name: &str, suggestion: Option<&str>) -> Text {
    match suggestion {
        Some(s) => t(
            format!("unknown department 「{name}」"),
            format!(
                "did you mean 「{s}」? department names must match plans/departments.json exactly"
            ),
        ),
        None => t(
            format!("unknown department 「{name}」"),
            "use a name from plans/departments.json; if the document names a new department, add it there first",
        ),
    }
}

pub fn subproject_department(name: &str) -> Text {
    t(
        format!("the sub-project's department 「{name}」 is not among the plan's departments"),
        "a sub-project's departments are taken from its plan: add it to the plan's \"departments\" or correct the name",
    )
}

pub fn unused_department(name: &str) -> Text {
    t(
        format!("the department 「{name}」 is registered, but no plan names it"),
        "remove it from the register, or add it to the plan the document names it for",
    )
}

pub fn duplicate_department(name: &str) -> Text {
    t(
        format!("the department 「{name}」 is registered twice"),
        "remove the second entry",
    )
}

// ---- text --------------------------------------------------------------------------------

pub fn blank_text() -> Text {
    t(
        "the text is only spaces",
        "write the text as the document gives it",
    )
}

pub fn edge_space(leading: bool) -> Text {
    let at = if leading { "starts" } else { "ends" };
    t(
        format!("the text {at} with a space"),
        "remove the space inside the quotes",
    )
}

pub fn control_character(code: u32) -> Text {
    t(
        format!("the text contains the invisible control character U+{code:04X}"),
        "retype the text; it was probably copied with a hidden character",
    )
}

pub fn not_nfc(fixed: &str) -> Text {
    t(
        "the text is not in Unicode normal form (NFC): it has decomposed characters such as か + ゛",
        format!("retype it as 「{fixed}」"),
    )
}

pub fn duplicate_title(title: &str, other: &str) -> Text {
    t(
        format!("the title 「{title}」 is also the title of plan {other}"),
        "plan titles are unique in the document: check both files against it",
    )
}

pub fn line_wrap_space(before: char, after: char, fixed: &str) -> Text {
    t(
        format!(
            "a space between 「{before}」 and 「{after}」 looks like a line break copied from the PDF"
        ),
        format!("remove it: 「{fixed}」"),
    )
}

// ---- build ------------------------------------------------------------------------------

pub fn build_refused() -> String {
    "the data has errors, so no chart was drawn; fix them and run the build again".to_string()
}

pub fn charts_current(files: usize) -> String {
    format!("OK: {files} chart files are up to date")
}

pub fn chart_state(path: &str, exists: bool) -> String {
    let state = if exists { "out of date" } else { "missing" };
    format!("{path}: {state}")
}

pub fn charts_stale(files: usize, scale: u32) -> String {
    let scale_arg = if scale == 1 {
        String::new()
    } else {
        format!(" --scale {scale}")
    };
    format!(
        "{files} chart files need regenerating: run `cargo run --release -- build{scale_arg}` and commit charts/"
    )
}

pub fn charts_written(written: usize, unchanged: usize) -> String {
    format!("wrote {written} chart files to charts/ ({unchanged} unchanged)")
}

pub fn font_unreadable() -> String {
    "the vendored font assets/fonts/BIZUDPGothic-Regular.ttf cannot be read".to_string()
}

/// A character the chart font cannot draw, with the file that holds it where known.
pub fn missing_glyph(character: char, text: &str, file: Option<&str>) -> String {
    let code = character as u32;
    match file {
        Some(file) => format!(
            "{file}: the chart font has no glyph for 「{character}」 (U+{code:04X}) in 「{text}」, so it cannot be drawn; check this file for a mistyped or unusual character"
        ),
        None => format!(
            "the chart font has no glyph for 「{character}」 (U+{code:04X}) in the text 「{text}」: check the data file that holds this text for a mistyped character"
        ),
    }
}

pub fn drawing_failed(error: &str) -> String {
    format!("drawing failed: {error}")
}

pub fn cannot_write(path: &str, error: &str) -> String {
    format!("cannot write {path}: {error}")
}

// ---- summary -----------------------------------------------------------------------------

pub fn summary_ok(plans: usize, goals: usize, warnings: usize) -> String {
    let mut s = format!("OK: {plans} plans in {goals} goals");
    if warnings > 0 {
        s.push_str(&format!(" ({})", count(warnings, "warning")));
    }
    s
}

pub fn summary_problems(errors: usize, warnings: usize, files: usize) -> String {
    let mut parts = Vec::new();
    if errors > 0 || warnings == 0 {
        parts.push(count(errors, "error"));
    }
    if warnings > 0 {
        parts.push(count(warnings, "warning"));
    }
    format!("{} in {}", parts.join(", "), count(files, "file"))
}

fn count(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}
