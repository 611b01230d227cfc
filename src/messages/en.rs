//! English: the words for every message. Messages say what is wrong; hints say how to fix
//! it, in words for people who edit the files in GitHub's web editor, not for programmers.

use super::{
    Belongs, Catalogue, Change, DiffWords, Entry, Field, Figures, FileState, Help, IoReason,
    JsonType, Labels, Lang, LargeChart, Message, NewWords, Note, Phase, ProgressWords, RulesWords,
    RunError, StatusHint, Syntax, Text, Usage, code_points, description_in, expected_first,
};
use crate::model::{PlanId, Special};

fn t(message: impl Into<String>, hint: impl Into<String>) -> Text {
    Text {
        message: message.into(),
        hint: Some(hint.into()),
    }
}

fn only(message: impl Into<String>) -> Text {
    Text {
        message: message.into(),
        hint: None,
    }
}

/// The words for a diagnostic's message.
pub fn message(m: &Message) -> Text {
    use Message as M;
    match m {
        // ---- file-read, non-json-file
        M::Symlink { belongs: None } => t(
            "this is a symbolic link; links are not followed",
            "replace the link with the file or folder itself, or remove it from plans/",
        ),
        M::Symlink {
            belongs: Some(belongs),
        } => t(
            "this is a symbolic link; links are not followed",
            format!(
                "this is where {} belongs: replace the link with the file it points to",
                belongs_to(*belongs)
            ),
        ),
        M::JsonNamedFolder => t(
            "this is a folder, but its name ends in .json",
            "rename the folder (or move what is inside it): only plan files may end in .json",
        ),
        M::NotRegularFile { belongs: None } => t(
            "this is not an ordinary file (it is a device, pipe or socket)",
            "remove it from plans/: the folder may hold only plan files",
        ),
        M::NotRegularFile {
            belongs: Some(belongs),
        } => t(
            "this is not an ordinary file (it is a device, pipe or socket)",
            format!(
                "this is where {0} belongs: remove this and put an ordinary file holding {0} here",
                belongs_to(*belongs)
            ),
        ),
        M::Unreadable { reason } => t(
            format!("this cannot be read: {}", io_reason(*reason)),
            "check that it exists and that you are allowed to read it",
        ),
        M::TooLarge { size, limit } => t(
            format!("the file is {size} bytes; a file in plans/ may be at most {limit} bytes"),
            "a plan file is a few hundred bytes: this is probably not a plan; remove it from plans/",
        ),
        M::TooDeep { depth } => t(
            format!(
                "this folder is more than {depth} folders deep inside plans/, so it is not checked"
            ),
            "plans live at plans/goal-G/G-I-N.json: move what this folder holds there, or out of plans/",
        ),
        M::NameNotUtf8 => t(
            "this name is not UTF-8 (it may have been saved by a program using Shift_JIS), so it cannot be read",
            "rename it; plan files are named after their number, like plans/goal-1/1-3-1.json",
        ),
        M::Submodule => t(
            "this folder is a git submodule: its files are not in this repository",
            "stop using a submodule and keep the plan files in this repository's plans/",
        ),
        M::NonJsonFile => t(
            "this file does not end in .json, so it is not checked",
            "plan files end in .json: rename it if it is a plan, or move it out of plans/",
        ),
        // ---- json-syntax
        M::Bom => t(
            "the file starts with a byte order mark (BOM)",
            "save the file as \"UTF-8\" (without BOM); in Notepad choose UTF-8, not \"UTF-8 with BOM\"",
        ),
        M::Utf16 => t(
            "the file is saved as UTF-16",
            "save the file as UTF-8 (without BOM)",
        ),
        M::Binary => t(
            "the file contains NUL bytes: it is not a text file",
            "plans/ holds only JSON text files: replace this one with the right file (its earlier version is in the repository's history), or remove it if it does not belong here",
        ),
        M::InvalidUtf8 => t(
            "the file is not valid UTF-8 (it may be saved as Shift_JIS)",
            "save the file as UTF-8 (without BOM); the marked place is the first character that is not UTF-8",
        ),
        M::EmptyFile => t(
            "the file is empty",
            "every file in plans/ holds one JSON object: write its content like the other files of its kind, or restore it from the repository's history",
        ),
        M::DuplicateYear { year } => t(
            format!("the progress of year \"{year}\" is written twice"),
            format!(
                "if you added a new year, change the added \"{year}\" to that year (the next one, say); if both are the same year, merge them into one: programs that read JSON silently keep only the later one"
            ),
        ),
        M::DuplicateKey { key } => t(
            format!("the field \"{key}\" appears twice in the same object"),
            "keep only one of them: JSON readers silently use the last one and drop the other",
        ),
        M::Syntax(s) => syntax(s),
        // ---- schema
        M::UnknownField {
            name,
            suggestion,
            allowed,
        } => {
            let allowed = allowed.join(", ");
            let hint = match suggestion {
                Some(s) => {
                    format!("did you mean \"{s}\"? the fields allowed here are: {allowed}")
                }
                None if allowed.is_empty() => "remove this field".to_string(),
                None => format!("remove it; the fields allowed here are: {allowed}"),
            };
            t(format!("unknown field \"{name}\""), hint)
        }
        M::MissingField { name, description } => t(
            format!("the required field \"{name}\" is missing"),
            match description {
                Some(d) => format!("add \"{name}\": {}", description_in(d, Lang::En)),
                None => field_hint(None),
            },
        ),
        M::WrongType {
            field,
            expected,
            found,
            description,
        } => {
            let names: Vec<&str> = expected.iter().map(|e| type_name(*e)).collect();
            t(
                format!(
                    "{} must be {}, but it is {}",
                    field_name(field),
                    names.join(" or "),
                    type_name(*found)
                ),
                match retype(expected_first(expected), *found) {
                    Some(fix) => fix.to_string(),
                    None => field_hint(description.as_deref()),
                },
            )
        }
        M::EmptyText {
            field,
            required,
            description,
        } => t(
            format!("{} is empty", field_name(field)),
            match (required, description) {
                (true, Some(d)) => {
                    format!("this field is required: {}", description_in(d, Lang::En))
                }
                (false, Some(d)) => format!(
                    "write it, or remove the field: {}",
                    description_in(d, Lang::En)
                ),
                (true, None) => {
                    "this field is required: write the text as the document gives it".into()
                }
                (false, None) => {
                    "write the text as the document gives it, or remove the field".into()
                }
            },
        ),
        M::TooLong {
            field,
            length,
            limit,
        } => t(
            format!(
                "{} is {length} characters long; at most {limit} are allowed",
                field_name(field)
            ),
            if matches!(field, Field::Named(n) if n == "summary") {
                format!("shorten it to {limit} characters or fewer")
            } else {
                "check that two values have not run together".to_string()
            },
        ),
        M::TooMany {
            field,
            count,
            limit,
        } => t(
            format!(
                "{} has {count} entries; at most {limit} are allowed",
                field_name(field)
            ),
            "compare it with the document: entries of another plan, or the same entry repeated, may have been pasted in",
        ),
        M::PlanNumberTooHigh { id, limit } => t(
            format!(
                "the plan number {} of \"{id}\" is too high: an action area holds at most {limit} plans (① to ㊿)",
                id.number
            ),
            "if the number is mistyped, correct the file name and \"id\" to the same right number",
        ),
        M::BadId { value, suggestion } => match suggestion {
            Some(id) if value.trim() != value && PlanId::parse(value.trim()) == Some(*id) => t(
                format!("the id \"{value}\" has a space before or after the number"),
                format!("remove the space: \"{id}\""),
            ),
            Some(id) if looks_full_width(value) => t(
                format!("the id \"{value}\" is written with full-width characters"),
                format!("write it with half-width (ASCII) digits and hyphens: \"{id}\""),
            ),
            Some(id) => t(
                format!("the id \"{value}\" is not in the form G-I-N"),
                format!(
                    "write the plan's number as goal-area-plan with hyphens, the same as the file's name: \"{id}\""
                ),
            ),
            None => t(
                format!("the id \"{value}\" is not in the form G-I-N"),
                "write the plan's number as goal-area-plan with half-width digits and hyphens, like \"1-3-1\" (① is 1), the same as the file's name",
            ),
        },
        M::BadPattern {
            field,
            value,
            description,
        } => t(
            format!("{} \"{value}\" is not in the right form", field_name(field)),
            field_hint(description.as_deref()),
        ),
        M::EmptyList { field, required } => t(
            format!("{} is an empty list", field_name(field)),
            if *required {
                "this field is required: write at least one entry"
            } else {
                "write at least one entry, or remove the field"
            },
        ),
        M::RepeatedEntry { field, entry } => t(
            format!(
                "{} names {} more than once",
                field_name(field),
                entry_text(entry)
            ),
            "keep each entry once, at its first place in the document's order",
        ),
        M::BelowMinimum { field, limit } => t(
            format!("{} must be at least {limit}", field_name(field)),
            "numbers start at 1; a count can be 0",
        ),
        M::SchemaOther {
            field,
            keyword,
            description,
        } => t(
            format!(
                "{} breaks the schema's rule \"{keyword}\"",
                field_name(field)
            ),
            field_hint(description.as_deref()),
        ),
        // ---- file-location
        M::WrongFolder { id } => t(
            format!("plan {id} belongs in the folder plans/goal-{}/", id.goal),
            format!("move this file to {}", id.path()),
        ),
        M::IdMismatch { id, name, rename } => t(
            format!("the id \"{id}\" differs from the file's name, {name}.json"),
            if *rename {
                format!(
                    "if this is plan {name}, write \"id\": \"{name}\"; if it is plan {id}, rename the file to {}",
                    id.path()
                )
            } else {
                format!("write \"id\": \"{name}\", the number in the file's name")
            },
        ),
        M::FolderMisnamed { goal } => t(
            format!(
                "the plans in this folder belong to goal {goal}, whose folder is plans/goal-{goal}/"
            ),
            format!("rename this folder to plans/goal-{goal}"),
        ),
        M::MisnamedPlan { id, id_too: false } => t(
            format!("plan {id} must be in a file named {id}.json"),
            format!("rename this file to {}", id.path()),
        ),
        M::MisnamedPlan { id, id_too: true } => t(
            format!("plan {id} must be in a file named {id}.json, with \"id\": \"{id}\""),
            format!(
                "rename this file to {} and write \"id\": \"{id}\" (half-width digits, hyphens, no leading zeros)",
                id.path()
            ),
        ),
        M::Misplaced { which, exists } => {
            let path = which.path();
            if *exists {
                t(
                    format!(
                        "this is a second {}; the one in use is {path}",
                        special_name(*which)
                    ),
                    format!("compare the two, keep what is right in {path}, and delete this file"),
                )
            } else {
                t(
                    format!("this file belongs at {path}"),
                    format!("move it to {path}"),
                )
            }
        }
        M::NotAPlan => t(
            "this file is not a plan, the outline or the register",
            "a plan is named after its number, plans/goal-G/G-I-N.json, and holds the same \"id\"; if this is not a plan, move it out of plans/ or delete it",
        ),
        M::MissingFile { which } => t(
            format!("the {} {} is missing", special_name(*which), which.path()),
            "restore the file from the repository's history: every check needs it",
        ),
        // ---- unique-ids
        M::CopiedId {
            id,
            owner,
            name,
            same_title,
        } => match name {
            Some(name) if !same_title => t(
                format!(
                    "the id \"{id}\" is already the id of {owner}, but this file is named {name}.json"
                ),
                format!("write \"id\": \"{name}\", the number in the file's name"),
            ),
            Some(name) => t(
                format!(
                    "the id \"{id}\" is already the id of {owner}, but this file is named {name}.json"
                ),
                format!(
                    "if this is a new plan {name}, write \"id\": \"{name}\" (and its own title and departments); if the file is a copy made by mistake, delete it"
                ),
            ),
            None => t(
                format!("this file repeats plan {id}, which is {owner}"),
                "if the file is a copy made by mistake, delete it; if it is a new plan, give it its own number in its name and its \"id\"",
            ),
        },
        M::SamePlanTwice { id, other } => t(
            format!("plan {id} is also in {other}"),
            "a plan has one file: compare the two, keep what is right in that file, and delete this one",
        ),
        // ---- outline-refs
        M::UnknownGoal { goal, goals } => t(
            format!(
                "goal {goal} is not in the outline (it has {})",
                count(*goals, "goal")
            ),
            "the first number of the id is the goal (重点推進目標); check it against plans/outline.json",
        ),
        M::UnknownItem { goal, item, items } => t(
            format!(
                "action area {goal}-{item} is not in the outline (goal {goal} has {})",
                count(*items, "action area")
            ),
            "the second number of the id is the action area (取組事項); check it against plans/outline.json",
        ),
        M::GoalMissing { goal, plans, goals } => t(
            format!(
                "goal {goal} is not in the outline (it has {}), but {plans} plan files are numbered {goal}-…",
                count(*goals, "goal")
            ),
            format!(
                "add goal {goal} to \"goals\" (with its title, expected_plans and action areas), or renumber those plans"
            ),
        ),
        M::AreaMissing {
            goal,
            item,
            plans,
            items,
        } => t(
            format!(
                "goal {goal} has {} here, but {plans} plan files are numbered {goal}-{item}-…",
                count(*items, "action area")
            ),
            format!(
                "add action area {item} (with its number and title) to this goal's \"items\", or renumber those plans"
            ),
        ),
        // ---- numbering
        M::GoalNumber { expected, found } => t(
            format!("goal {expected} is numbered {found}"),
            "number the goals 1, 2, 3 … in the document's order",
        ),
        M::ItemNumber {
            goal,
            expected,
            found,
        } => t(
            format!("action area {expected} of goal {goal} is numbered {found}"),
            "number each goal's action areas 1, 2, 3 … in the document's order",
        ),
        M::ItemWithoutPlans { goal, item, title } => t(
            format!("action area {goal}-{item} 「{title}」 has no plans"),
            format!(
                "add its plans as plans/goal-{goal}/{goal}-{item}-1.json, {goal}-{item}-2.json …, or remove the action area from the outline"
            ),
        ),
        M::PlanGap {
            goal,
            item,
            missing,
            more,
            highest,
        } => {
            let mut ids: Vec<String> = missing
                .iter()
                .map(|n| format!("{goal}-{item}-{n}"))
                .collect();
            if *more > 0 {
                ids.push(format!("{more} more"));
            }
            t(
                format!(
                    "action area {goal}-{item} has plans up to {goal}-{item}-{highest}, but {} missing",
                    are(&ids)
                ),
                "plans of an action area are numbered 1, 2, 3 … without gaps: add the missing plan, or renumber this plan and the ones after it (their files and their \"id\")",
            )
        }
        // ---- counts
        M::GoalCount {
            goal,
            actual,
            expected,
            missing,
            unlisted,
            unplaced,
            candidates,
            extra_candidates,
            total_if_changed,
            total,
        } => {
            let mut message = format!(
                "goal {goal} has {}, but the outline expects {expected}",
                count(*actual, "plan")
            );
            if !missing.is_empty() {
                message.push_str(&format!("; missing: {}", list(missing)));
                if *unlisted > 0 {
                    message.push_str(&format!(" and {unlisted} more"));
                }
            }
            if *unplaced > 0 {
                let (missing_word, more) = if missing.is_empty() {
                    ("; missing: ", "")
                } else {
                    (", and ", " more")
                };
                message.push_str(&format!(
                    "{missing_word}{}{more} at the end of an action area ({})",
                    count(*unplaced, "plan"),
                    or_list(candidates)
                ));
            }
            if !extra_candidates.is_empty() {
                message.push_str(&format!(
                    "; the extra plan is most likely {}",
                    or_list(extra_candidates)
                ));
            }
            let set = if total_if_changed == total {
                format!("set expected_plans to {actual}")
            } else {
                format!("set expected_plans to {actual} and expected_total to {total_if_changed}")
            };
            let hint = if *actual == 0 {
                "add the missing plan files".to_string()
            } else if (*actual as u64) < *expected {
                format!(
                    "add the missing plan files; if the document has only {actual} plans in this goal, {set}"
                )
            } else {
                format!(
                    "if a plan was added (the document has {actual} plans in this goal), {set}; otherwise remove the plan file that is not in the document"
                )
            };
            t(message, hint)
        }
        M::GoalsSum { sum, total } => t(
            format!("the goals' expected_plans add up to {sum}, but expected_total is {total}"),
            "make expected_total the sum of the goals' counts, as the document's 合計 is the sum of its 計",
        ),
        // ---- departments
        M::UnknownDepartment { name, suggestion } => match suggestion {
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
        },
        M::DepartmentWithEtc {
            name,
            department,
            and_others,
        } => t(
            format!("「{name}」: 「等」 is not part of a department's name"),
            if *and_others {
                format!(
                    "write 「{department}」: the plan's \"and_others\": true already says 「等」"
                )
            } else {
                format!(
                    "write 「{department}」, and add \"and_others\": true to the plan, after the ] of \"departments\" and a comma (that is how the files say 「等」)"
                )
            },
        ),
        M::RegisterMisspelt {
            registered,
            used,
            plans,
        } => t(
            format!(
                "the registered department 「{registered}」 is named by no plan, while {plans} plans name 「{used}」, which is not registered"
            ),
            format!(
                "if 「{used}」 is the department's right name, correct it here; the plans then pass as they are"
            ),
        ),
        M::SubprojectDepartment { name } => t(
            format!("the sub-project's department 「{name}」 is not among the plan's departments"),
            "a sub-project's departments are taken from its plan: add it to the plan's \"departments\" or correct the name",
        ),
        M::UnusedDepartment { name } => t(
            format!("the department 「{name}」 is registered, but no plan names it"),
            "remove it from the register, or add it to the plan the document names it for",
        ),
        M::DuplicateDepartment { name } => t(
            format!("the department 「{name}」 is registered twice"),
            "remove the second entry",
        ),
        // ---- text
        M::BlankText => t(
            "the text is only spaces",
            "remove the spaces and write what this field holds",
        ),
        M::EdgeSpace { leading, character } => t(
            format!(
                "the text {} with {}",
                if *leading { "starts" } else { "ends" },
                space_name(*character)
            ),
            "remove it: nothing goes between the quote and the text",
        ),
        M::ControlCharacter { character } => match character {
            '\n' | '\r' | '\t' => {
                let (what, written) = match character {
                    '\n' => ("a line break", "\\n"),
                    '\r' => ("a carriage return", "\\r"),
                    _ => ("a tab", "\\t"),
                };
                t(
                    format!("the text contains {what}, written {written} in the file"),
                    format!(
                        "every text is one line: remove the {written} and join the two parts (with a space only where two English words would run together)"
                    ),
                )
            }
            c => t(
                format!(
                    "the text contains the invisible character U+{:04X}",
                    *c as u32
                ),
                "retype the text; it was probably copied with a hidden character",
            ),
        },
        M::NotNfc {
            fixed,
            compatibility: None,
        } => t(
            "the text is not in Unicode normal form (NFC): it has decomposed characters such as 「か」 + 「゛」",
            format!("retype it as 「{fixed}」"),
        ),
        M::NotNfc {
            fixed,
            compatibility: Some((c, becomes)),
        } => t(
            format!(
                "the text is not in Unicode normal form (NFC): 「{c}」 (U+{:04X}) looks the same but is another character (a compatibility character), which NFC makes 「{becomes}」 ({})",
                *c as u32,
                code_points(becomes)
            ),
            format!("retype it as 「{fixed}」"),
        ),
        M::DuplicateTitle { title, other } => t(
            format!("the title 「{title}」 is also the title of plan {other}"),
            "plan titles are unique in the document: check both files against it",
        ),
        M::LineWrapSpace {
            before,
            space,
            after,
            fixed,
        } => t(
            format!(
                "{} between 「{before}」 and 「{after}」 looks like a line break copied from the PDF",
                space_name(*space)
            ),
            format!("remove it: 「{fixed}」"),
        ),
        // ---- progress
        M::ScaleLength { levels } => t(
            format!(
                "the scale has {levels} {}",
                if *levels == 1 { "level" } else { "levels" }
            ),
            "write a scale of 2 to 9 levels",
        ),
        M::PeriodYear { field, value } => t(
            format!("{value} in {} cannot be a fiscal year", field_name(field)),
            "write the period's years as Western years from 2000 to 2100 (for example 2026), not Reiwa years",
        ),
        M::EntryWithoutYear => t(
            "\"status\" or \"summary\" is written in progress without its year",
            "wrap each year's entry with its year: \"progress\": { \"2026\": { \"status\": \"A\", \"summary\": \"…\" } }",
        ),
        M::BadYear { value } => t(
            format!("「{value}」 is not a fiscal year"),
            "write the year of progress as four half-width digits in quotes, like \"2026\" (the Western year, not the Reiwa year)",
        ),
        M::ProgressNotSetUp => t(
            "this plan holds progress, but plans/outline.json does not set progress up",
            "progress is reported once the administrative-management section writes \"progress\" (the period and the scale) into plans/outline.json; until then, remove this plan's \"progress\"",
        ),
        M::RepeatedLevel { code } => t(
            format!("the scale has the code 「{code}」 more than once"),
            "give each level a code of its own",
        ),
        M::PeriodReversed { from, to } => t(
            format!("the period ends ({to}) before it starts ({from})"),
            "write the first fiscal year in \"from\" and the last in \"to\"",
        ),
        M::YearOutsidePeriod { year, from, to } => t(
            format!("fiscal year {year} is outside the plan's period ({from}–{to})"),
            "check the year for a typo; the period is \"progress\" → \"period\" in plans/outline.json",
        ),
        M::UnknownStatus {
            status,
            codes,
            hint,
        } => t(
            format!("status 「{status}」 is not a code of the scale"),
            match hint {
                Some(StatusHint::Code(code)) => format!(
                    "did you mean 「{code}」? write the status exactly as the scale in plans/outline.json does (same width and case)"
                ),
                Some(StatusHint::Label { code, label }) => {
                    format!("「{label}」 is what a level means; write its code, 「{code}」")
                }
                None => format!("write one of the scale's codes: {}", codes.join(", ")),
            },
        ),
        M::EmptyUnit { indicator } => t(
            format!("the unit (\"unit\") of indicator 「{indicator}」 is empty"),
            "write its unit, like \"件\" or \"%\"",
        ),
    }
}

fn syntax(s: &Syntax) -> Text {
    let (message, hint): (String, String) = match s {
        Syntax::EndsEarly => (
            "it ends too early: a closing bracket or quote is missing".into(),
            "every { needs a matching }, every [ a matching ], and every text a closing \"".into(),
        ),
        Syntax::TrailingComma => (
            "a comma stands before a closing bracket".into(),
            "remove this comma: JSON allows no comma after the last entry".into(),
        ),
        &Syntax::MissingComma { closing } => (
            "a comma is missing here".into(),
            format!(
                "put a comma after this value if another one follows, or close with {closing}"
            ),
        ),
        Syntax::KeyNotQuoted => (
            "a field name is not in double quotes".into(),
            "write field names in straight double quotes, like \"title\"".into(),
        ),
        Syntax::MissingColon => (
            "a colon is missing after a field name".into(),
            "write each field as \"name\": value".into(),
        ),
        Syntax::LineBreakInText => (
            "a line break or tab is inside the quotes".into(),
            "every text is one line between its quotes: remove the line break or tab and join the two parts (and check that the text's closing \" is there)".into(),
        ),
        Syntax::UnclosedText => (
            "the text is not closed: its closing \" is missing".into(),
            "put a half-width \" at the end of the text on this line (before the comma, if one follows)".into(),
        ),
        Syntax::InvalidEscape => (
            "a backslash \\ starts an invalid escape".into(),
            "write a backslash as \\\\, or remove it".into(),
        ),
        Syntax::TrailingCharacters => (
            "there is more text after the end of the JSON object".into(),
            "a file holds exactly one object: remove what follows its closing }".into(),
        ),
        Syntax::TooDeep => (
            "the brackets are nested too deeply".into(),
            "plan files are at most four levels deep; this file is not a plan".into(),
        ),
        Syntax::ExpectedValue => (
            "a value is missing or misspelled here".into(),
            "values are \"text\" in straight double quotes, numbers, true, false, [lists] or {objects}".into(),
        ),
        Syntax::Comment => (
            "JSON has no comments".into(),
            "remove the comment (from // to the end of the line, or from /* to */); a note for reviewers belongs in the pull request".into(),
        ),
        Syntax::FullWidth { found, ascii } => (
            format!(
                "「{found}」 is written in full-width or typographic characters; JSON needs the half-width 「{ascii}」 here"
            ),
            format!("replace 「{found}」 with {ascii} (switch the keyboard to half-width input)"),
        ),
        Syntax::CurlyQuote => (
            "a text is enclosed in a typographic quote (“ or ”) instead of a straight double quote".into(),
            "replace each “ and ” on this line with a straight \" (switch the keyboard to half-width input)".into(),
        ),
        Syntax::FullWidthSpace => (
            "a full-width space (U+3000) stands between the parts of the JSON".into(),
            "delete it, or replace it with a half-width space (switch the keyboard to half-width input)".into(),
        ),
        Syntax::SingleQuote => (
            "text is in single quotes".into(),
            "JSON text is in straight double quotes: write \"…\", not '…'".into(),
        ),
        Syntax::InvalidNumber => (
            "this number cannot be read".into(),
            "write numbers with half-width digits only, like 19".into(),
        ),
        Syntax::QuoteInText => (
            "a \" inside the text ends the text here".into(),
            "a text cannot hold a bare \": use 「」 instead (or write \\\" to keep the quote)".into(),
        ),
        Syntax::ThousandsSeparator => (
            "a number is written with a thousands separator".into(),
            "remove the comma and write the digits together, like 1200".into(),
        ),
        Syntax::TextAfterNumber { found } => (
            format!("「{found}」 follows a number"),
            "a number field holds half-width digits only, without a unit (an indicator's unit goes in \"unit\")".into(),
        ),
        Syntax::Other => (
            "something here is not JSON".into(),
            "compare the marked place with a plan file that passes".into(),
        ),
    };
    t(format!("the file is not valid JSON: {message}"), hint)
}

/// The words for an error that stopped a command.
pub fn run_error(e: &RunError) -> Text {
    match e {
        RunError::RootMissing { root } => t(
            format!("the folder {root} does not exist"),
            "name the top folder of the plan repository with -C DIR, or run the command there",
        ),
        RunError::RootNotFolder { root } => t(
            format!("{root} is a file, not a folder"),
            "-C names the top folder of the plan repository, the one that holds plans/",
        ),
        RunError::RootUnreadable { root, reason } => t(
            format!("{} cannot be read: {}", here(root), io_reason(*reason)),
            "check that you are allowed to read the folder",
        ),
        RunError::NoPlansFolder { root } => t(
            format!("there is no plans/ folder in {}", here(root)),
            "run this command at the top of the plan repository, or name it with -C DIR",
        ),
        RunError::PlansIsLink { root } => t(
            format!(
                "plans/ in {} is a symbolic link; links are not followed",
                here(root)
            ),
            "replace the link with the folder itself",
        ),
        RunError::PlansNotFolder { root } => t(
            format!("plans in {} is a file, not a folder", here(root)),
            "plans/ is the folder that holds the plan files; restore it from the repository's history",
        ),
        RunError::Output { reason } => only(format!(
            "the output could not be written: {}",
            io_reason(*reason)
        )),
        RunError::OutputFolderMissing { folder } => t(
            format!("the folder {folder} does not exist"),
            "write into a folder that exists; check the folder's name for a typo".to_string(),
        ),
        RunError::OutputIsFolder { path } => t(
            format!("{path} is a folder"),
            format!("give the name of the file to write (for example -o {}/plans.csv)", path.trim_end_matches('/')),
        ),
        RunError::OutputIsFile { path } => t(
            format!("{path} is a file, not a folder"),
            "the page is written into a folder: give -o a folder's name (it is made if missing)".to_string(),
        ),
        RunError::NotAFolder { path } => t(
            format!("{path} is a file, not a folder"),
            format!("remove or rename the file {path}; the build makes the folder {path}/ itself"),
        ),
        RunError::FolderIsLink { path } => t(
            format!("{path}/ is a symbolic link; nothing is written through links"),
            format!(
                "replace the link with a folder, or remove it; a missing folder {path}/ is made when it is written"
            ),
        ),
        RunError::FontUnreadable => only(
            "the vendored font assets/fonts/BIZUDPGothic-Regular.ttf cannot be read; restore it from the repository's history",
        ),
        RunError::DrawingFailed { chart } => only(format!(
            "drawing {chart} failed inside the drawing library; please report this as a bug"
        )),
        RunError::WriteFailed { path, reason } => t(
            format!("{path} cannot be written: {}", io_reason(*reason)),
            "check that the folder can be written to and that the disk has room; where a command takes -o, you can also write somewhere else".to_string(),
        ),
        RunError::ProgressOff => t(
            "plans/outline.json does not set progress up (\"progress\"), so there is no progress to count",
            "when progress reporting starts, the administrative-management section writes \"progress\" (the period and the scale) into plans/outline.json; see 「進捗の報告」 in CONTRIBUTING.md",
        ),
        RunError::ProgressYear { year, from, to } => t(
            format!("fiscal year {year} is outside the plan's period ({from}–{to})"),
            format!("give --year a year from {from} to {to}"),
        ),
        RunError::OutputInData { path } => t(
            format!("{path} is inside plans/, the folder of the plan data"),
            "plans/ holds only the plan data: write somewhere outside it".to_string(),
        ),
        RunError::OutputNotAFile { path } => t(
            format!("{path} is not an ordinary file (it is a link, a pipe, a device or the like)"),
            "give the name of an ordinary file to write; to print on standard output, leave out -o".to_string(),
        ),
        RunError::NewBadItem { value } => t(
            format!("\"{value}\" is not an action area's number"),
            "write the goal and the action area with a hyphen, like --item 1-3",
        ),
        RunError::NewUnknownItem { goal, item } => t(
            format!("action area {goal}-{item} is not in the outline"),
            "check the number against plans/outline.json; a new action area is added there first",
        ),
        RunError::NewUnknownDepartment { name, suggestion } => t(
            format!("unknown department 「{name}」"),
            match suggestion {
                Some(s) => format!("did you mean 「{s}」? department names must match plans/departments.json exactly"),
                None => "use a name from plans/departments.json; if the document names a new department, add it there first".to_string(),
            },
        ),
        RunError::NewDuplicateTitle { title, other } => t(
            format!("the title 「{title}」 is already the title of plan {other}"),
            "plan titles are unique in the document: check the title against it",
        ),
        RunError::NewMissing { options } => t(
            format!("not given: {}; and there is no terminal to ask on", options.join(", ")),
            "give them on the command line, like plans new --item 1-3 --title … --department …",
        ),
        RunError::NewNoOutline => t(
            "plans/outline.json or plans/departments.json cannot be read, so no plan can be added",
            "run plans check and fix what it reports first",
        ),
        RunError::NewFixFirst { file, message: m } => {
            let text = message(m);
            t(
                format!(
                    "no plan is added (nothing was written): fix {file} first: {}",
                    text.message
                ),
                format!(
                    "{}then run plans new again (while the file is like this, the plans cannot be counted and numbered right)",
                    text.hint.map(|h| format!("{h}; ")).unwrap_or_default()
                ),
            )
        }
        RunError::NewYesNo => only("answer y or n"),
        RunError::NewRejected { file, message: m } => {
            let text = message(m);
            Text {
                message: format!("{file}: {}", text.message),
                hint: text.hint,
            }
        }
        RunError::GitMissing => t(
            "git cannot be found, and plans diff reads the versions to compare with it",
            "install git (Git for Windows on Windows; apt-get install git on Debian or Ubuntu) and run the command again",
        ),
        RunError::GitFailed => {
            only("git could not read the repository; run `git status` to see what is wrong")
        }
        RunError::NotAGitRepository { root } => t(
            format!("{} is not in a git repository", here(root)),
            "plans diff compares versions kept in git: run it in a clone of the repository",
        ),
        RunError::UnknownRevision { rev } => t(
            format!("there is no commit, branch or tag \"{rev}\""),
            "name a version git knows, such as main, origin/main or a commit id; `git log --oneline` lists them",
        ),
        RunError::RevisionNotFetched { rev } => t(
            format!(
                "\"{rev}\" is not in this clone, which holds only the newest commits (a shallow clone)"
            ),
            "fetch the whole history first: `git fetch --unshallow` (in GitHub Actions, check out with fetch-depth: 0)",
        ),
        RunError::NoPlansAtRevision { rev } => t(
            format!("\"{rev}\" has no plan files under plans/"),
            "compare with a version that already has the data",
        ),
        RunError::RevisionUnreadable { rev, file, why } => t(
            format!(
                "{file} in {rev} cannot be read as the plan data it should be, so the two versions cannot be compared{}",
                why.as_ref()
                    .map(|m| format!(": {}", message(m).message))
                    .unwrap_or_default()
            ),
            "fix the file in that version first; plans check, run on it, shows what is wrong",
        ),
        RunError::NotADataFile { path } => t(
            format!("{path} is not a data file under plans/"),
            "plans fmt formats the JSON files under plans/: name them by their path from the top of the repository, like plans/goal-1/1-1-1.json",
        ),
        RunError::TemporaryLeft { path, reason } => t(
            format!(
                "the temporary file {path}, left by an interrupted run, cannot be removed: {}",
                io_reason(*reason)
            ),
            "remove it by hand, then run the same command again",
        ),
    }
}

/// The words for a summary or progress line.
pub fn note(n: &Note) -> String {
    match n {
        Note::SummaryOk {
            plans,
            goals,
            warnings,
        } => {
            let mut s = format!("OK: {} in {}", count(*plans, "plan"), count(*goals, "goal"));
            if *warnings > 0 {
                s.push_str(&format!(" ({})", count(*warnings, "warning")));
            }
            s
        }
        Note::SummaryProblems {
            errors,
            warnings,
            files,
        } => {
            let mut parts = Vec::new();
            if *errors > 0 || *warnings == 0 {
                parts.push(count(*errors, "error"));
            }
            if *warnings > 0 {
                parts.push(count(*warnings, "warning"));
            }
            format!("{} in {}", parts.join(", "), count(*files, "file"))
        }
        Note::BuildRefused => {
            "the data has errors, so no chart was drawn (nothing was written); fix them and run the build again".into()
        }
        Note::CheckRefused => {
            "the data has errors, so the charts were not compared; fix them first".into()
        }
        Note::MissingGlyph {
            character,
            text,
            file,
        } => {
            let code = *character as u32;
            match file {
                Some(file) => format!(
                    "{file}: the chart font has no glyph for 「{character}」 (U+{code:04X}) in 「{text}」, so it cannot be drawn; check this file for a mistyped or unusual character"
                ),
                None => format!(
                    "the chart font has no glyph for 「{character}」 (U+{code:04X}) in 「{text}」, so it cannot be drawn"
                ),
            }
        }
        Note::ChartsCurrent { files } => format!("OK: the {files} generated files (the charts and the report in charts/, and .vscode/plan.schema.json) are up to date"),
        Note::Stale { path, state } => {
            let state = match state {
                FileState::Missing => "missing".to_string(),
                FileState::OutOfDate => "out of date".to_string(),
                FileState::NotAFile => "not an ordinary file (a link, pipe or folder)".to_string(),
                FileState::NoLongerDrawn => {
                    "no longer drawn (plans build removes it)".to_string()
                }
                FileState::Unreadable(reason) => {
                    format!("cannot be read: {}", io_reason(*reason))
                }
            };
            format!("{path}: {state}")
        }
        Note::ChartsStale { files, scale } => {
            let scale = if *scale == 1 {
                String::new()
            } else {
                format!(" --scale {scale}")
            };
            format!(
                "{files} generated files need regenerating: run `plans build{scale}` (in a clone of the repository: `cargo run --release -- build{scale}`) and commit charts/ and .vscode/"
            )
        }
        Note::ChartsWritten { written, unchanged } => {
            let files = if *written == 1 { "file" } else { "files" };
            format!("wrote {written} {files} to charts/ and .vscode/ ({unchanged} unchanged)")
        }
        Note::OutputRefused => {
            "the data has errors, so nothing was written; fix them and run the command again".into()
        }
        Note::Written { path } => format!("wrote {path}"),
        Note::ProgressIncomplete { year, unreported } => {
            let plans = if *unreported == 1 { "plan is" } else { "plans are" };
            format!("{unreported} {plans} not reported for fiscal year {year} (--require-complete)")
        }
        Note::SiteWritten { folder, files } => {
            format!("wrote the page and its files to {folder} ({files} files); open {folder}index.html in a browser to see it")
        }
        Note::PlanCreated { path, id } => format!("wrote plan {id} to {path}"),
        Note::RaiseCounts {
            goal,
            expected_plans,
            expected_total,
        } => format!(
            "so that plans check passes, set in plans/outline.json goal {goal}'s \"expected_plans\" to {expected_plans} and \"expected_total\" to {expected_total} (or run plans new with --update-counts)"
        ),
        Note::CountsRaised {
            goal,
            expected_plans,
            expected_total,
        } => format!(
            "set goal {goal}'s \"expected_plans\" to {expected_plans} and \"expected_total\" to {expected_total} in plans/outline.json"
        ),
        Note::Formatted { path } => format!("formatted {path}"),
        Note::FormatWritten { written, unchanged } => format!(
            "formatted {} ({unchanged} already in canonical form)",
            count(*written, "file")
        ),
        Note::NotCanonical { path } => format!("{path}: not in canonical form"),
        Note::FormatNumber { path } => format!(
            "{path}: a number would be written another way in canonical form (like 1e2 or 72.50), so the file was left as it is: write numbers like 57 or 72.5, without an exponent or trailing zeros"
        ),
        Note::FormatCheckFailed { files } => format!(
            "{} not in canonical form: run `plans fmt` (in a clone of the repository: `cargo run --release -- fmt`) and commit the files",
            if *files == 1 { "1 file is".to_string() } else { format!("{files} files are") }
        ),
        Note::FormatCheckOk { files: 1 } => "OK: the data file is in canonical form".to_string(),
        Note::FormatCheckOk { files } => {
            format!("OK: the {files} data files are in canonical form")
        }
        Note::FormatRefused { files } => format!(
            "{} could not be read or {} not JSON, and {}: fix {} as shown above, then run `plans fmt` again",
            count(*files, "file"),
            if *files == 1 { "is" } else { "are" },
            if *files == 1 {
                "was left as it was"
            } else {
                "were left as they were"
            },
            if *files == 1 { "it" } else { "them" }
        ),
        Note::ChartTooLarge {
            chart,
            count,
            pages,
            limit,
        } => {
            let (name, what, counted) = match chart {
                LargeChart::Structure => ("structure".to_string(), "the 体系図 of every plan".to_string(), format!("{count} plans")),
                LargeChart::StructureOf { goal } => (
                    format!("structure-{goal}"),
                    format!("the 体系図 of goal {goal}"),
                    format!("{count} plans"),
                ),
                LargeChart::ByGoal => ("by-goal".to_string(), "plans per goal".to_string(), format!("{count} action areas")),
                LargeChart::ByDepartment => (
                    "by-department".to_string(),
                    "plans per department".to_string(),
                    format!("{count} departments"),
                ),
                LargeChart::Goal { goal } => (
                    format!("goal-{goal}"),
                    format!("plans per department in goal {goal}"),
                    format!("{count} departments"),
                ),
                LargeChart::Progress { year } => (
                    format!("progress-{year}"),
                    format!("the progress of fiscal year {year}"),
                    format!("{count} goals and action areas"),
                ),
            };
            let see = if *chart == LargeChart::Structure {
                "; see the 体系図 of each goal (structure-1 and on)"
            } else {
                ""
            };
            format!(
                "the chart {name} ({what}) is not drawn: its {counted} would take at least {pages} portrait A4 pages, and one chart takes at most {limit}{see}"
            )
        }
        Note::ChartRemoved { path } => format!("removed {path}, a chart no longer drawn"),
        Note::TemporaryRemoved { path } => {
            format!("removed the temporary file {path}, left by an interrupted run")
        }
        Note::Timing { phase, micros } => {
            let phase = match phase {
                Phase::Walk => "walk, read, parse and per-file rules",
                Phase::PerFile => "parse and per-file rules",
                Phase::Collect => "collect what the cross-file rules see",
                Phase::CrossFile => "cross-file rules (side by side)",
                Phase::Rule(id) => id,
                Phase::Place => "place and sort diagnostics",
            };
            format!("{:>9.2} ms  {phase}", *micros as f64 / 1000.0)
        }
        Note::TimingTotal {
            micros,
            files,
            threads,
        } => format!(
            "{:>9.2} ms  total, with output ({}, {})",
            *micros as f64 / 1000.0,
            if *files == 1 {
                "1 file with problems".to_string()
            } else {
                format!("{files} files with problems")
            },
            count(*threads, "thread")
        ),
    }
}

/// Every word of this language, as one value.
pub const CATALOGUE: Catalogue = Catalogue {
    message,
    run_error,
    note,
    labels: LABELS,
    usage,
    help: HELP,
    change,
    counted,
    diff: DIFF,
    new: NEW,
    progress: PROGRESS,
    rules: RULES,
};

const RULES: RulesWords = RulesWords {
    intro: |rules| {
        format!(
            "`plans check` has {rules} rules. Every message names its rule (such as `json-syntax`); read that rule's section.\n\n\
             A rule marked \"(warning)\" does not fail a local check, but CI fails on warnings too (`--deny-warnings`): fix them before merging.\n\n\
             One mistake gets one message, on the file to correct."
        )
    },
    warning: " (warning)",
    ensures: "ensures",
    fix: "how to fix",
};

const PROGRESS: ProgressWords = ProgressWords {
    heading: |year| format!("Progress in fiscal year {year}"),
    summary: |plans, reported, unreported| {
        format!("{plans} plans: {reported} reported, {unreported} not reported")
    },
    scale: "Scale",
    by_goal: "By goal",
    by_area: "By action area",
    by_department: "By department",
    missing: "Plans not reported, by department",
    none_missing: "Every plan is reported.",
    unreported: "not reported",
    total: "total",
    goal: |n| format!("goal {n}"),
    area: |n| format!("action area {n}"),
    group: "group",
    key: "number_or_department",
    title: "name",
    goals: "goal",
    areas: "action_area",
    departments: "department",
    all: "total",
    count: |n| format!("{n}"),
    separator: ", ",
    aside: |s| format!(" ({s})"),
    space: " ",
};

const NEW: NewWords = NewWords {
    item: "Action area (goal-area, e.g. 1-3): ",
    title: "Title (as the document gives it): ",
    registered: "Registered departments:",
    departments: "Departments (numbers or names, separated by commas, in the document's order): ",
    and_others: "Does the document follow the departments with 「等」? (y/N): ",
    subproject: "Sub-project (empty to finish): ",
    yes: "yes",
    no: "no",
    again: "That cannot be used: ",
};

const HELP: Help = Help {
    about: "郡山市行財政改革大綱2026実施計画: checks the plan files and draws the charts.",
    usage_heading: "Usage:",
    commands_heading: "Commands",
    options_heading: "Options",
    options_placeholder: "[OPTIONS]",
    command_placeholder: "<COMMAND>",
    dir_value: "DIR",
    lang_value: "LANG",
    format_value: "FORMAT",
    color_value: "WHEN",
    dir: "Run in DIR, the top folder of the plan repository (the one that holds plans/).",
    lang: "The language of the output: ja (Japanese) or en (English). Without it, LC_ALL, LC_MESSAGES or LANG starting with ja chooses Japanese.",
    help: "Show this help.",
    version: "Show the version.",
    check: "Check every file under plans/ and report every problem (exit 0: no problems, 1: problems found, 2: could not run).",
    format: "How to print the problems: human (for people), json (for programs) or github (annotations in GitHub Actions). Default: human.",
    deny_warnings: "Fail (exit 1) on warnings too.",
    timings: "Print how long each phase took, to standard error.",
    color: "When to colour the output: auto (on a terminal), always or never. Default: auto.",
    build: "Check, then draw every chart into charts/ as SVG and PNG, and write the report charts/README.md and the editor schema .vscode/plan.schema.json.",
    build_check: "Write nothing; exit 1 if a chart, the report or the editor schema is missing or out of date.",
    scale: "PNG resolution: N times 1600 pixels wide, 1 to 8 (for print). Default: 1.",
    new: "Add a plan: write the next plan of an action area in canonical form. Without options, on a terminal, it asks for each value.",
    new_item: "The action area, goal-area (e.g. 1-3).",
    new_title: "The plan's title, as the document gives it.",
    new_department: "A department (a name from plans/departments.json); give it once per department, in the document's order.",
    new_and_others: "The document follows the departments with 「等」.",
    new_subproject: "A sub-project's title; give it once per sub-project.",
    new_update_counts: "Also raise \"expected_plans\" and \"expected_total\" in plans/outline.json.",
    title_value: "TITLE",
    department_value: "NAME",
    subproject_value: "TITLE",
    export: "Export the plans as CSV (one row per plan, for Excel) or as one JSON document (for other systems).",
    export_format: "csv or json.",
    export_output: "Write to FILE (atomically) instead of standard output.",
    export_no_bom: "CSV without the byte order mark (Excel needs it to read Japanese; other tools may not).",
    export_header: "The CSV's column names: ja (Japanese, the default) or en (English).",
    report: "Write the report charts/README.md (counts, charts, the list of plans, the index by department).",
    report_stdout: "Print the report on standard output instead of writing the file.",
    site: "Write the public page (index.html with the charts, the CSV and the JSON) into a folder.",
    site_output: "The folder to write to (site/ by default).",
    progress: "Count one fiscal year's progress: the plans at each level of the scale (per goal, action area and department) and the plans not reported, by department.",
    progress_year: "The fiscal year to count; by default the last year of the period with any report.",
    progress_format: "The output: text (the default), markdown, json or csv.",
    progress_require_complete: "Exit 1 while any plan of the year is not reported (for the day the reports are due).",
    rules: "Print every rule of plans check: its id, what it ensures and how to fix what it finds.",
    rules_format: "The output: human (for reading on screen, the default) or markdown (the guide's section on the rules).",
    year_value: "YEAR",
    file_value: "FILE",
    completions: "Print the completion script of a shell (bash, zsh, fish or powershell), so that the shell completes plans's commands and options.",
    completions_shell: "The shell: bash, zsh, fish or powershell.",
    base_value: "BASE",
    head_value: "HEAD",
    shell_value: "SHELL",
    man: "Print the manual page (roff), e.g. plans man > plans.1; man ./plans.1",
    diff: "Show what changed in the plan between two versions kept in git (plans, departments, 「等」, sub-projects, the outline, the numbers of plans), not in the text.",
    diff_base: "The version to compare from: a branch, tag or commit (e.g. main or origin/main).",
    diff_head: "The version to compare to; without it, the files as they are now.",
    diff_format: "How to print the changes: text, markdown (for a pull request) or json (for programs). Default: text.",
    fmt: "Write the data files in their canonical form (2-space indent, keys in the schema's order, UTF-8 without BOM, LF); what they say does not change.",
    fmt_check: "Write nothing; list the files that are not in canonical form and exit 1 if there are any.",
    fmt_files: "Only these files (by default every JSON file under plans/).",
    files_value: "FILE",
};

/// The words for a mistake on the command line.
fn usage(u: &Usage) -> Text {
    let help = |command: &Option<String>| match command {
        Some(c) => format!("run `plans {c} --help` to see what it accepts"),
        None => "run `plans --help` to see what it accepts".to_string(),
    };
    match u {
        Usage::MissingCommand { commands } => t(
            format!("say which command to run: {}", joined(commands, "or")),
            "run `plans --help` to see what each command does",
        ),
        Usage::UnknownCommand {
            name,
            suggestion,
            commands,
        } => t(
            format!("there is no command \"{name}\""),
            match suggestion {
                Some(s) => format!(
                    "did you mean `plans {s}`? the commands are {}",
                    joined(commands, "and")
                ),
                None => format!(
                    "the commands are {}; run `plans --help` to see what each one does",
                    joined(commands, "and")
                ),
            },
        ),
        Usage::UnknownArgument {
            command,
            argument,
            suggestion,
        } => t(
            format!("there is no option {argument}"),
            match suggestion {
                Some(s) => format!("did you mean {s}? or {}", help(command)),
                None => help(command),
            },
        ),
        Usage::Unexpected { command, argument } => {
            t(format!("unexpected argument \"{argument}\""), help(command))
        }
        Usage::InvalidValue {
            command,
            argument,
            value,
            allowed,
        } => {
            let message = if value.is_empty() {
                format!("{argument} needs a value")
            } else {
                format!("\"{value}\" is not a value of {argument}")
            };
            t(
                message,
                if allowed.is_empty() {
                    help(command)
                } else {
                    match allowed.as_slice() {
                        [a, b] => format!("write {a} or {b}"),
                        _ => format!("write one of: {}", allowed.join(", ")),
                    }
                },
            )
        }
        Usage::OutOfRange {
            command: _,
            argument,
            value,
            min,
            max,
        } => t(
            format!("\"{value}\" is not a value of {argument}"),
            format!("write a whole number from {min} to {max}, in half-width digits"),
        ),
        Usage::MissingArgument { command, argument } => {
            t(format!("{argument} is missing"), help(command))
        }
        Usage::NoValueAllowed { command, argument } => t(
            format!("{argument} takes no value"),
            format!("write {argument} alone; {}", help(command)),
        ),
        Usage::MissingValue { command, argument } => {
            t(format!("{argument} needs a value"), help(command))
        }
        Usage::Repeated { command, argument } => t(
            format!("{argument} is given more than once"),
            format!("give it once; {}", help(command)),
        ),
        Usage::NotUtf8 { command } => t("an argument is not valid UTF-8 text", help(command)),
        Usage::Other { command } => t("the command line cannot be understood", help(command)),
    }
}

const LABELS: Labels = Labels {
    error: "error",
    warning: "warning",
    hint: "hint",
    annotation: "plans check",
};

/// The folder a command runs in, as a message names it.
fn here(root: &str) -> String {
    if root == "." {
        "the current folder".to_string()
    } else {
        root.to_string()
    }
}

fn io_reason(reason: IoReason) -> String {
    match reason {
        IoReason::NotFound => "it does not exist".into(),
        IoReason::PermissionDenied => "permission denied".into(),
        IoReason::ReadOnly => "the file system is read-only".into(),
        IoReason::NoSpace => "the disk is full".into(),
        IoReason::BrokenPipe => "the program reading the output has stopped".into(),
        IoReason::Other(Some(code)) => format!("the system reports error {code}"),
        IoReason::Other(None) => "the system reports an error".into(),
    }
}

fn special_name(which: Special) -> &'static str {
    match which {
        Special::Outline => "outline",
        Special::Register => "department register",
    }
}

/// How a place in a file is named in a message.
fn field_name(field: &Field) -> String {
    match field {
        Field::File => "the file".into(),
        Field::Named(name) => format!("\"{name}\""),
        Field::Entry {
            of: Some(of),
            index,
        } => format!("entry {} of \"{of}\"", index + 1),
        Field::Entry { of: None, index } => format!("entry {}", index + 1),
    }
}

fn field_hint(description: Option<&str>) -> String {
    match description {
        Some(d) => format!("this field: {}", description_in(d, Lang::En)),
        None => "compare with a plan file that passes".into(),
    }
}

/// How to turn a value of one type into the type a field needs, for the usual slips.
fn retype(expected: Option<JsonType>, found: JsonType) -> Option<&'static str> {
    use JsonType as J;
    Some(match (expected?, found) {
        (J::Boolean, J::String) => {
            "remove the quotes: write true or false alone (e.g. \"and_others\": true)"
        }
        (J::Integer | J::Number, J::String) => {
            "remove the quotes: write the number alone, in half-width digits (e.g. 19)"
        }
        (J::Array, J::String) => "put it in [ ] (e.g. [\"行政マネジメント課\"])",
        (J::String, J::Integer | J::Number) => "put it in straight double quotes",
        _ => return None,
    })
}

/// What a JSON type is called for the people who edit the files.
fn type_name(t: JsonType) -> &'static str {
    match t {
        JsonType::String => "text in double quotes",
        JsonType::Integer => "a whole number",
        JsonType::Number => "a number",
        JsonType::Boolean => "true or false",
        JsonType::Array => "a list in [ ]",
        JsonType::Object => "an object in { }",
        JsonType::Null => "null",
    }
}

fn entry_text(entry: &Entry) -> String {
    match entry {
        Entry::Text(s) => format!("「{s}」"),
        Entry::Json(j) => j.clone(),
    }
}

fn space_name(c: char) -> String {
    match c {
        ' ' => "a space".into(),
        '\u{3000}' => "a full-width space (U+3000)".into(),
        '\u{00A0}' => "a no-break space (U+00A0)".into(),
        '\u{2009}' => "a thin space (U+2009)".into(),
        '\u{202F}' => "a narrow no-break space (U+202F)".into(),
        '\t' => "a tab".into(),
        '\n' => "a line break".into(),
        c => format!("a space character (U+{:04X})", c as u32),
    }
}

/// Whether a text has full-width letters, digits or punctuation (U+FF01–U+FF5E).
fn looks_full_width(s: &str) -> bool {
    s.chars().any(|c| ('\u{FF01}'..='\u{FF5E}').contains(&c))
}

fn count(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}

fn list(ids: &[PlanId]) -> String {
    let ids: Vec<String> = ids.iter().map(PlanId::to_string).collect();
    ids.join(", ")
}

fn or_list(ids: &[PlanId]) -> String {
    let ids: Vec<String> = ids.iter().map(PlanId::to_string).collect();
    match ids.as_slice() {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} or {last}", rest.join(", ")),
    }
}

/// Words joined with commas, the last two with `and` or `or`: "check, build and man".
fn joined(words: &[String], and: &str) -> String {
    match words {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} {and} {last}", rest.join(", ")),
    }
}

fn are(ids: &[String]) -> String {
    if ids.len() == 1 {
        format!("{} is", ids[0])
    } else {
        format!("{} are", ids.join(", "))
    }
}

const DIFF: DiffWords = DiffWords {
    heading: |base, head| format!("Changes in the plan: {base} → {head}"),
    outline: "Outline",
    plans: "Plans",
    counts: "Numbers of plans",
    nothing: "Nothing the plan says has changed.",
    what: "count",
    before: "before",
    after: "after",
    working_tree: "the working tree",
    failed_heading: "Changes in the plan",
    failed: "The changes in the plan could not be compared.",
};

fn names(names: &[String]) -> String {
    let quoted: Vec<String> = names.iter().map(|n| format!("「{n}」")).collect();
    quoted.join(", ")
}

/// One change between two versions of the data, as a line.
fn change(c: &Change) -> String {
    use Change as C;
    match c {
        C::Retitled { from, to } => format!("the plan's title: 「{from}」 → 「{to}」"),
        C::GoalAdded { goal, title } => format!("goal {goal} added: 「{title}」"),
        C::GoalRemoved { goal, title } => format!("goal {goal} removed: 「{title}」"),
        C::GoalRetitled { goal, from, to } => {
            format!("goal {goal} retitled: 「{from}」 → 「{to}」")
        }
        C::AreaAdded { goal, item, title } => {
            format!("action area {goal}-{item} added: 「{title}」")
        }
        C::AreaRemoved { goal, item, title } => {
            format!("action area {goal}-{item} removed: 「{title}」")
        }
        C::AreaRetitled {
            goal,
            item,
            from,
            to,
        } => {
            format!("action area {goal}-{item} retitled: 「{from}」 → 「{to}」")
        }
        C::ExpectedPlans {
            goal,
            before,
            after,
        } => format!("goal {goal}'s \"expected_plans\": {before} → {after}"),
        C::ExpectedTotal { before, after } => format!("\"expected_total\": {before} → {after}"),
        C::DepartmentRegistered { name } => format!("department 「{name}」 registered"),
        C::DepartmentUnregistered { name } => {
            format!("department 「{name}」 taken out of the register")
        }
        C::PlanAdded { id, title } => format!("plan {id} added: 「{title}」"),
        C::PlanRemoved { id, title } => format!("plan {id} removed: 「{title}」"),
        C::PlanRenumbered { from, to, title } => {
            format!("plan 「{title}」 renumbered: {from} → {to}")
        }
        C::PlanRetitled { id, from, to } => format!("plan {id} retitled: 「{from}」 → 「{to}」"),
        C::DepartmentsAdded { id, names: added } => {
            format!("plan {id}: departments added: {}", names(added))
        }
        C::DepartmentsRemoved { id, names: removed } => {
            format!("plan {id}: departments removed: {}", names(removed))
        }
        C::AndOthers { id, now: true } => format!("plan {id}: 「等」 added (\"and_others\": true)"),
        C::AndOthers { id, now: false } => format!("plan {id}: 「等」 removed"),
        C::SubprojectAdded { id, title } => format!("plan {id}: sub-project added: 「{title}」"),
        C::SubprojectRemoved { id, title } => {
            format!("plan {id}: sub-project removed: 「{title}」")
        }
        C::SubprojectDepartments {
            id,
            title,
            added,
            removed,
        } => {
            let mut parts = Vec::new();
            if !added.is_empty() {
                parts.push(format!("added {}", names(added)));
            }
            if !removed.is_empty() {
                parts.push(format!("removed {}", names(removed)));
            }
            format!(
                "plan {id}, sub-project 「{title}」: departments {}",
                parts.join("; ")
            )
        }
        C::ProgressSetup { now: Some(s) } => {
            let levels: Vec<String> = s
                .codes
                .iter()
                .zip(&s.labels)
                .map(|(c, l)| format!("{c} 「{l}」"))
                .collect();
            format!(
                "progress set up: fiscal years {}–{}, scale {}",
                s.from,
                s.to,
                levels.join(", ")
            )
        }
        C::ProgressSetup { now: None } => "progress set-up removed".to_string(),
        C::ProgressStatus { id, year, from, to } => match (from, to) {
            (None, Some(to)) => format!("plan {id}: progress of {year} added, status {to}"),
            (Some(from), None) => format!("plan {id}: progress of {year} removed (status {from})"),
            (Some(from), Some(to)) => format!("plan {id}: status of {year}: {from} → {to}"),
            (None, None) => format!("plan {id}: progress of {year}"),
        },
        C::ProgressSummary { id, year } => {
            format!("plan {id}: the result (\"summary\") of {year} rewritten")
        }
        C::ProgressIndicator {
            id,
            year,
            name,
            from,
            to,
        } => {
            let figures = |f: &Figures| {
                let part = |label: &str, n: &Option<serde_json::Number>| match n {
                    Some(n) => format!("{label} {n} {}", f.unit),
                    None => format!("no {label}"),
                };
                format!(
                    "{}, {}",
                    part("target", &f.target),
                    part("actual", &f.actual)
                )
            };
            match (from, to) {
                (None, Some(to)) => {
                    format!(
                        "plan {id}: indicator 「{name}」 of {year} added: {}",
                        figures(to)
                    )
                }
                (Some(from), None) => format!(
                    "plan {id}: indicator 「{name}」 of {year} taken away ({})",
                    figures(from)
                ),
                (Some(from), Some(to)) => format!(
                    "plan {id}: indicator 「{name}」 of {year}: {} → {}",
                    figures(from),
                    figures(to)
                ),
                (None, None) => format!("plan {id}: indicator 「{name}」 of {year}"),
            }
        }
        C::GoalCount { .. } | C::TotalCount { .. } | C::DepartmentCount { .. } => {
            let (before, after) = match c {
                C::GoalCount { before, after, .. }
                | C::TotalCount { before, after }
                | C::DepartmentCount { before, after, .. } => (*before, *after),
                _ => (0, 0),
            };
            format!("{}: {before} → {after}", counted(c))
        }
    }
}

/// What a count of plans is of: a goal, the total, a department.
fn counted(c: &Change) -> String {
    match c {
        Change::GoalCount { goal, .. } => format!("plans of goal {goal}"),
        Change::TotalCount { .. } => "plans in all".to_string(),
        Change::DepartmentCount { name, .. } => format!("plans of 「{name}」"),
        _ => String::new(),
    }
}

/// What belongs at a place under plans/, in words.
fn belongs_to(belongs: Belongs) -> String {
    match belongs {
        Belongs::Outline => "the outline (outline.json)".to_string(),
        Belongs::Register => "the register of departments (departments.json)".to_string(),
        Belongs::Plan(id) => format!("plan {id}"),
    }
}
