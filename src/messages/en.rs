//! English: the words for every message. Messages say what is wrong; hints say how to fix
//! it, in words for people who edit the files in GitHub's web editor, not for programmers.

use super::{
    Amount, Belongs, Catalogue, Change, DiffWords, Entry, Field, Figures, FileState, Help,
    IoReason, JsonType, Labels, Lang, LargeChart, Mended, NewWords, Note, Phase, ProgressWords,
    Rewrite, RulesWords, RunError, SheetProblem, Text, Usage, description_in, quoted,
};
use crate::model::{CommentBy, PlanId, Special};

pub(crate) use super::{grouped, only, with_hint};

/// Who owns the plan, as the outline names it (`"owner"`), or in general words.
pub(crate) fn owner(owner: Option<&str>) -> String {
    owner.map_or_else(
        || "the section that owns the plan".to_string(),
        str::to_string,
    )
}

/// The words for an error that stopped a command.
pub fn run_error(e: &RunError) -> Text {
    match e {
        RunError::RootMissing { root } => with_hint(
            format!("the folder {root} does not exist"),
            "name the top folder of the plan repository with -C DIR, or run the command there",
        ),
        RunError::RootNotFolder { root } => with_hint(
            format!("{root} is a file, not a folder"),
            "-C names the top folder of the plan repository, the one that holds plans/",
        ),
        RunError::RootUnreadable { root, reason } => with_hint(
            format!("{} cannot be read: {}", here(root), io_reason(*reason)),
            "check that you are allowed to read the folder",
        ),
        RunError::NoPlansFolder { root } => with_hint(
            format!("there is no plans/ folder in {}", here(root)),
            "run this command at the top of the plan repository, or name it with -C DIR",
        ),
        RunError::PlansIsLink { root } => with_hint(
            format!(
                "plans/ in {} is a symbolic link; links are not followed",
                here(root)
            ),
            "replace the link with the folder itself",
        ),
        RunError::PlansNotFolder { root } => with_hint(
            format!("plans in {} is a file, not a folder", here(root)),
            "plans/ is the folder that holds the plan files; restore it from the repository's history",
        ),
        RunError::Output { reason } => only(format!(
            "the output could not be written: {}",
            io_reason(*reason)
        )),
        RunError::OutputFolderMissing { folder } => with_hint(
            format!("the folder {folder} does not exist"),
            "write into a folder that exists; check the folder's name for a typo".to_string(),
        ),
        RunError::OutputIsFolder { path } => with_hint(
            format!("{path} is a folder"),
            format!("give the name of the file to write (for example -o {}/plans.csv)", path.trim_end_matches('/')),
        ),
        RunError::OutputIsFile { path } => with_hint(
            format!("{path} is a file, not a folder"),
            "the page and the progress workbooks are written into a folder: give -o a folder's name (it is made if missing)".to_string(),
        ),
        RunError::NotAFolder { path } => with_hint(
            format!("{path} is a file, not a folder"),
            format!("remove or rename the file {path}; the build makes the folder {path}/ itself"),
        ),
        RunError::FolderIsLink { path } => with_hint(
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
        RunError::WriteFailed {
            path,
            reason: IoReason::IsFolder,
        } => with_hint(
            format!("{path} cannot be written: a folder has that name"),
            "rename that folder or move it elsewhere, then run the same command again",
        ),
        RunError::WriteFailed { path, reason } => with_hint(
            format!("{path} cannot be written: {}", io_reason(*reason)),
            "check that the folder can be written to and that the disk has room; where a command takes -o, you can also write somewhere else".to_string(),
        ),
        RunError::PartlyWritten {
            path,
            reason,
            written,
        } => with_hint(
            format!(
                "{path} cannot be written: {}; of this run's files, {written} before it were written and the rest were left as they were",
                io_reason(*reason)
            ),
            "written and unwritten files are mixed: for files in the repository, see which were written with git status and put them back with git restore; then remove the cause and run the same command again",
        ),
        RunError::SiteAddress { given } => with_hint(
            format!("--site 「{given}」 cannot be used as the public page's address"),
            "give an address that starts with https:// and has no spaces or < > ( ) [ ] \" ' ` (for example https://example.github.io/plans/)",
        ),
        RunError::ProgressOff { owner: o } => with_hint(
            "plans/outline.json does not set progress up (\"progress\"), so there is no progress to count",
            format!(
                "when progress reporting starts, {} writes \"progress\" (the period, the year being reported and the scale) into plans/outline.json; see docs/open-year.md",
                owner(o.as_deref())
            ),
        ),
        RunError::ProgressYear {
            option,
            year,
            from,
            to,
        } => with_hint(
            format!("fiscal year {year} is outside the plan's period ({from}–{to})"),
            format!("give {option} a year from {from} to {to}"),
        ),
        RunError::YearNotOpen { year, open } => with_hint(
            format!("fiscal year {year} is not open for reporting yet: the year being reported is {open}"),
            format!(
                "give --year a year up to {open}; the year being reported is \"reporting_year\" in \"progress\" of plans/outline.json"
            ),
        ),
        RunError::OutputInData { path } => with_hint(
            format!("{path} is inside plans/, the folder of the plan data"),
            "plans/ holds only the plan data: write somewhere outside it".to_string(),
        ),
        RunError::OutputNotAFile { path } => with_hint(
            format!("{path} is not an ordinary file (it is a link, a pipe, a device or the like)"),
            "give the name of an ordinary file to write; to print on standard output, leave out -o".to_string(),
        ),
        RunError::NewBadItem { value } => with_hint(
            format!("\"{value}\" is not an action area's number"),
            "write the goal and the action area with a hyphen, like --area 1-3",
        ),
        RunError::NewUnknownItem { goal, item } => with_hint(
            format!("action area {goal}-{item} is not in the outline"),
            "check the number against plans/outline.json; a new action area is added there first",
        ),
        RunError::NewUnknownDepartment { name, suggestion } => with_hint(
            format!("unknown department 「{name}」"),
            match suggestion {
                Some(s) => format!("did you mean 「{s}」? department names must match plans/departments.json exactly"),
                None => "use a name from plans/departments.json; if the document names a new department, add it there first".to_string(),
            },
        ),
        RunError::NewDuplicateTitle { title, other } => with_hint(
            format!("the title 「{title}」 is already the title of plan {other}"),
            "plan titles are unique in the document: check the title against it",
        ),
        RunError::NewMissing { options } => with_hint(
            format!("not given: {}; and there is no terminal to ask on", options.join(", ")),
            "give them on the command line, like plans new --area 1-3 --title … --department …",
        ),
        RunError::DepartmentNotRegistered { name, suggestion } => with_hint(
            format!("「{name}」 is not in the register (plans/departments.json)"),
            match suggestion {
                Some(s) => format!("did you mean 「{s}」? give the department's current name, as the register writes it"),
                None => "give the department's current name, as the register writes it".to_string(),
            },
        ),
        RunError::DepartmentRegistered { name } => with_hint(
            format!("「{name}」 is in the register already"),
            format!("to merge other departments into 「{name}」, use plans department merge … --into {name}"),
        ),
        RunError::BinaryToTerminal => with_hint(
            "an Excel workbook (xlsx) is binary and is not printed on a terminal",
            "give the file to write with -o (for example -o plans.xlsx), or redirect standard output to a file (> plans.xlsx)",
        ),
        RunError::CellTooLong { sheet, cell } => with_hint(
            format!("the text of cell {cell} of sheet 「{sheet}」 is longer than the 32,767 characters an Excel cell holds"),
            "export as CSV or JSON instead (--format csv, --format json)",
        ),
        RunError::SheetTooLong { sheet } => with_hint(
            format!("sheet 「{sheet}」 would have more than the 1,048,576 rows an Excel sheet holds"),
            "export as CSV or JSON instead (--format csv, --format json)",
        ),
        RunError::WorkbookFailed => only(
            "writing the workbook failed inside the library; please report this as a bug",
        ),
        RunError::NothingToReport { year, department } => match department {
            Some(name) => with_hint(
                format!("{name} reports no plan in fiscal year {year}"),
                "a plan is reported by the first department of its file; name the department as plans/departments.json does",
            ),
            None => with_hint(
                format!("no plan is reported in fiscal year {year}"),
                "check the year and the plans added and ended (\"added_in\", \"ended\")",
            ),
        },
        RunError::WorkbookUnreadable {
            path,
            reason: IoReason::IsFolder,
        } => with_hint(
            format!("{path} is a folder; import takes workbook files"),
            format!(
                "name the workbooks in the folder (for example plans import {}/*.xlsx)",
                path.trim_end_matches(['/', '\\'])
            ),
        ),
        RunError::WorkbookUnreadable { path, reason } => with_hint(
            format!("cannot read {path} ({})", io_reason(*reason)),
            "check the file's name and place",
        ),
        RunError::ChangedWhileRunning { path } => with_hint(
            format!("{path} changed or became unreadable after the check; nothing was written"),
            "make sure nothing else is writing the files, then run the command again",
        ),
        RunError::SameName { name } => with_hint(
            format!("「{name}」 would become 「{name}」: nothing would change"),
            "give a new name to rename, or the departments merged and another one after --into to merge",
        ),
        RunError::MergeOfOne { name, into } => with_hint(
            format!("only one department, 「{name}」, is merged, and 「{into}」 is not in the register"),
            format!("for a new name only, use plans department rename {name} {into}; for a merge, give every department merged"),
        ),
        RunError::NewNoOutline => with_hint(
            "plans/outline.json or plans/departments.json cannot be read, so no plan can be added",
            "run plans check and fix what it reports first",
        ),
        RunError::NewFixFirst { file, message: m } => {
            let text = m.text(Lang::En);
            with_hint(
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
            let text = m.text(Lang::En);
            Text {
                message: format!("{file}: {}", text.message),
                hint: text.hint,
            }
        }
        RunError::GitMissing => with_hint(
            "git cannot be found, and plans diff reads the versions to compare with it",
            "install git (Git for Windows on Windows; apt-get install git on Debian or Ubuntu) and run the command again",
        ),
        RunError::GitFailed => {
            only("git could not read the repository; run `git status` to see what is wrong")
        }
        RunError::NotAGitRepository { root } => with_hint(
            format!("{} is not in a git repository", here(root)),
            "plans diff compares versions kept in git: run it in a clone of the repository",
        ),
        RunError::UnknownRevision { rev } => with_hint(
            format!("there is no commit, branch or tag \"{rev}\""),
            "name a version git knows, such as main, origin/main or a commit id; `git log --oneline` lists them",
        ),
        RunError::RevisionNotFetched { rev } => with_hint(
            format!(
                "\"{rev}\" is not in this clone, which holds only the newest commits (a shallow clone)"
            ),
            "fetch the whole history first: `git fetch --unshallow` (in GitHub Actions, check out with fetch-depth: 0)",
        ),
        RunError::NoPlansAtRevision { rev } => with_hint(
            format!("\"{rev}\" has no plan files under plans/"),
            "compare with a version that already has the data",
        ),
        RunError::RevisionUnreadable { rev, file, why } => with_hint(
            format!(
                "{file} in {rev} cannot be read as the plan data it should be, so the two versions cannot be compared{}",
                why.as_ref()
                    .map(|m| format!(": {}", m.text(Lang::En).message))
                    .unwrap_or_default()
            ),
            "fix the file in that version first; plans check, run on it, shows what is wrong",
        ),
        RunError::NotADataFile { path } => with_hint(
            format!("{path} is not a data file under plans/"),
            "plans fmt formats the JSON files under plans/: name them by their path from the top of the repository, like plans/goal-1/1-1-1.json",
        ),
        RunError::TemporaryLeft { path, reason } => with_hint(
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
        Note::SheetWritten { path, plans } => {
            let noun = if *plans == 1 { "plan" } else { "plans" };
            format!("wrote {path} ({plans} {noun})")
        }
        Note::ImportNotCanonical { path } => format!(
            "{path} is not in canonical form, so importing would change more than the year's entry; nothing was written: run plans fmt {path}, commit, then import again"
        ),
        Note::ImportRefused { problems, workbooks } => {
            let noun = if *problems == 1 { "problem" } else { "problems" };
            let books = if *workbooks == 1 { "workbook" } else { "workbooks" };
            format!("{problems} {noun} in {workbooks} {books}, so nothing was written; do as the hints above say, then import the workbooks again, all together")
        }
        Note::Imported {
            workbooks,
            entries,
            files,
        } => {
            let books = if *workbooks == 1 { "workbook" } else { "workbooks" };
            if *entries == 0 {
                format!("read {workbooks} {books}: no plan's progress was filled in, so nothing changed; check that the department did not send a workbook back without writing in it")
            } else if *files == 0 {
                format!("read {workbooks} {books}: the plan files already say the same, nothing changed ({entries} plans)")
            } else {
                let noun = if *files == 1 { "file" } else { "files" };
                format!("read {entries} plans' progress from {workbooks} {books} and rewrote {files} plan {noun}")
            }
        }
        Note::ProgressIncomplete { year, unreported } => {
            let plans = if *unreported == 1 { "plan is" } else { "plans are" };
            format!("{unreported} {plans} not reported for fiscal year {year} (--require-complete)")
        }
        Note::SiteWritten { folder, files } => {
            format!("wrote the page and its files to {folder} ({files} files); open {folder}index.html in a browser to see it")
        }
        Note::PlanCreated { path, id } => format!("wrote plan {id} to {path}"),
        Note::Reorganised {
            from,
            to,
            since,
            plans,
            into_registered,
        } => {
            let from: Vec<String> = from.iter().map(|f| format!("「{f}」")).collect();
            let (how, to_word) = if from.len() == 1 && !into_registered {
                ("renamed", "to")
            } else {
                ("merged", "into")
            };
            format!(
                "{how} {} {to_word} 「{to}」 from fiscal year {since}: changed the register (plans/departments.json) and {plans} plan {}",
                from.join(" and "),
                if *plans == 1 { "file" } else { "files" }
            )
        }
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
        Note::Mended { path, place, what } => {
            let at = match place {
                Some((line, column)) => format!("{path}:{line}:{column}"),
                None => path.clone(),
            };
            let said = match what {
                Mended::Bom => "removed the byte order mark at the start of the file".to_string(),
                Mended::LineEnds { count } => {
                    format!("made {count} Windows line breaks (\\r\\n) plain line breaks (\\n)")
                }
                Mended::Syntax { found, ascii } => {
                    format!("replaced 「{found}」 with the half-width 「{ascii}」")
                }
                Mended::Quotes { count } => format!(
                    "replaced the {count} typographic or full-width quotes (“ ” …) on this line with a straight 「\"」"
                ),
                Mended::Spaces { lines } => format!(
                    "replaced the spaces that are not half-width (no-break or full-width) on {lines} lines with half-width spaces"
                ),
                Mended::TrailingComma => "removed the comma before a closing bracket".to_string(),
                Mended::Thousands { found, figure } => {
                    format!("removed the thousands separators of 「{found}」: {figure}")
                }
                Mended::Unit { unit } => format!("removed the unit 「{unit}」 typed after a number"),
                Mended::Paragraph => {
                    "made a line break inside a text a paragraph break (\\n)".to_string()
                }
                Mended::Status { year, found, code } => format!(
                    "made the status 「{found}」 of {year} its code \"{code}\""
                ),
                Mended::UnitField { year, unit } => format!(
                    "wrote 「{unit}」, typed after a figure, as the missing \"unit\" of {year}"
                ),
                Mended::FieldsAfterEnd => {
                    "moved the fields found after the file's last } before it".to_string()
                }
                Mended::YearMoved { year } => format!(
                    "moved the progress of {year}, found outside \"progress\", into it"
                ),
                Mended::FieldsMoved { year, fields } => format!(
                    "moved {}, found at the top of the plan, into \"progress\" as the progress of the year being reported ({year})",
                    fields
                        .iter()
                        .map(|f| format!("\"{f}\""))
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            };
            format!("{at}: {said}")
        }
        Note::FixLeft { path } => format!(
            "{path}: left as it is, as it also has slips without one meaning; fix what `plans check` says, then run `plans fix` again"
        ),
        Note::FixDone { files: 0, .. } => {
            "no file mended; run `plans check` for what is left".to_string()
        }
        Note::FixDone { files, mends } => format!(
            "mended {mends} {} in {files} {}, without changing the wording of any text; run `plans check` for what is left",
            if *mends == 1 { "thing" } else { "things" },
            if *files == 1 { "file" } else { "files" }
        ),
        Note::Formatted { path } => format!("formatted {path}"),
        Note::FormatWritten { written, unchanged } => format!(
            "formatted {} ({unchanged} already in canonical form)",
            count(*written, "file")
        ),
        Note::NotCanonical {
            path,
            line,
            found,
            wanted,
            moved,
        } => {
            let shown = |l: &Option<String>| match l {
                Some(l) if l.trim().is_empty() => "an empty line".to_string(),
                Some(l) => format!("`{}`", l.trim()),
                None => "the end of the file".to_string(),
            };
            match (found, wanted) {
                (None, Some(w)) if w.is_empty() => format!(
                    "{path}:{line}: not in canonical form: the last line has no line break after it (`plans fmt` adds one)"
                ),
                // The members in another order: moved, never replaced.
                (Some(_), Some(w)) if *moved => format!(
                    "{path}:{line}: not in canonical form: from line {line}, the fields are in another order (the canonical form has `{}` here); delete nothing: let `plans fmt` reorder them, or move that line here",
                    w.trim()
                ),
                // The same words: only the spaces around them differ, which cannot be seen.
                (Some(f), Some(w)) if f.trim() == w.trim() && !w.trim().is_empty() => {
                    let (found_lead, wanted_lead) = (super::indentation(f), super::indentation(w));
                    if found_lead == wanted_lead {
                        format!(
                            "{path}:{line}: not in canonical form: line {line} `{}` ends with spaces (`plans fmt` removes them)",
                            w.trim()
                        )
                    } else {
                        format!(
                            "{path}:{line}: not in canonical form: line {line} `{}` is indented by {} character{}{}, where `plans fmt` writes {} half-width spaces",
                            w.trim(),
                            found_lead.chars().count(),
                            if found_lead.chars().count() == 1 { "" } else { "s" },
                            if found_lead.contains('\t') { " (tabs among them)" } else { "" },
                            wanted_lead.chars().count()
                        )
                    }
                }
                _ => format!(
                    "{path}:{line}: not in canonical form: line {line} is {}, where `plans fmt` writes {} (with its indentation)",
                    shown(found),
                    shown(wanted)
                ),
            }
        }
        Note::LineEnds { path } => format!(
            "{path}: not in canonical form: its line breaks are Windows' (\\r\\n) or it starts with a byte order mark; what it says is fine, and `plans fix` or `plans fmt` mends it (files edited in GitHub's web editor never have this)"
        ),
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
            name,
            chart,
            count,
            pages,
            limit,
        } => {
            let (what, counted) = match chart {
                LargeChart::Structure => ("the 体系図 of every plan".to_string(), format!("{count} plans")),
                LargeChart::StructureOf { goal } => (
                    format!("the 体系図 of goal {goal}"),
                    format!("{count} plans"),
                ),
                LargeChart::ByGoal => ("plans per goal".to_string(), format!("{count} action areas")),
                LargeChart::ByDepartment => (
                    "plans per department".to_string(),
                    format!("{count} departments"),
                ),
                LargeChart::Goal { goal } => (
                    format!("plans per department in goal {goal}"),
                    format!("{count} departments"),
                ),
                LargeChart::Progress { year } => (
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
    sheet_problem,
};

/// A problem in a returned workbook.
pub fn sheet_problem(p: &SheetProblem) -> Text {
    match p {
        SheetProblem::NotAWorkbook => with_hint(
            "cannot be read as a workbook (xlsx, xls, ods): it is damaged or another kind of file",
            "check that Excel opens it, save it as an Excel workbook (*.xlsx) and send it again",
        ),
        SheetProblem::TooLarge { sheet } => with_hint(
            format!(
                "the sheet 「{sheet}」 is too large: something is written far beyond the rows or columns of the table it was made with"
            ),
            "have it written only inside the table sent, with anything outside it removed, and sent again",
        ),
        SheetProblem::OtherPlan { found, title } => with_hint(
            format!("this workbook was made from 「{found}」, not from 「{title}」"),
            "have the progress reported again in a workbook made by `plans sheet` in this repository",
        ),
        SheetProblem::NotASheet => with_hint(
            "not a progress workbook made by plans sheet (it has no 「識別」 sheet)",
            "have the department fill in the workbook plans sheet made; to copy from another workbook, paste values only",
        ),
        SheetProblem::OtherFormat { found } => with_hint(
            format!("made by another version of plans sheet ({found})"),
            "make the workbook again with this plans sheet and have it filled in",
        ),
        SheetProblem::SheetMissing { sheet } => with_hint(
            format!("the sheet 「{sheet}」 is missing"),
            "sheets must not be deleted or renamed; have the workbook sent filled in again",
        ),
        SheetProblem::ProgressOff => with_hint(
            "progress reporting is not set up (plans/outline.json has no \"progress\")",
            "open progress reporting first (docs/open-year.md)",
        ),
        SheetProblem::YearRefused { year, error } => {
            let text = run_error(error);
            with_hint(
                format!("the workbook is for fiscal year {year}: {}", text.message),
                "check which year is being reported, and make that year's workbook with plans sheet",
            )
        }
        SheetProblem::OtherYear {
            year,
            taken,
            asked: false,
        } => with_hint(
            format!("the workbook is for fiscal year {year}; the year being reported is {taken}"),
            format!(
                "for {taken}'s report, make {taken}'s workbook with plans sheet and send it again; a workbook correcting {year}'s progress is imported with plans import --year {year}, with only that year's workbooks"
            ),
        ),
        SheetProblem::OtherYear {
            year,
            taken,
            asked: true,
        } => with_hint(
            format!("the workbook is for fiscal year {year}; --year takes {taken}'s"),
            format!(
                "import each year's workbooks on their own; this one with plans import --year {year}"
            ),
        ),
        SheetProblem::OtherScale { found, scale } => with_hint(
            format!(
                "the workbook's scale ({}) is not the scale now ({})",
                found.join(", "),
                scale.join(", ")
            ),
            "make the workbook again with plans sheet and have it filled in",
        ),
        SheetProblem::NoPlans { department, year } => with_hint(
            format!("{department} reports no plan in fiscal year {year}"),
            "the department was renamed or its plans moved; make the workbook again with plans sheet",
        ),
        SheetProblem::PlanNumberMissing => with_hint(
            "a row without a plan number has something in it",
            "write in the rows that have a plan number; do not add rows",
        ),
        SheetProblem::PlanNotInSheet { id, department } => with_hint(
            format!("plan {id} is not one that {department}, the workbook's department, reports"),
            "do not change plan numbers; another department's plan goes in that department's workbook",
        ),
        SheetProblem::PlanTwice { id, first } => with_hint(
            format!("plan {id} has a second row (the first is {first})"),
            "do not copy rows; keep one row per plan",
        ),
        SheetProblem::RowMixed { id, title, other } => with_hint(
            format!(
                "the row of plan {id} has the title 「{title}」, which is plan {other}'s: some of its columns were sorted or moved without the rest"
            ),
            "put the rows back as they were before sorting, so that each plan number has its own title (or have the department write again in a workbook made by plans sheet)",
        ),
        SheetProblem::StatusMissing => with_hint(
            "the status is empty",
            "choose the status from the list the cell offers",
        ),
        SheetProblem::UnknownStatus { typed, choices } => with_hint(
            format!("「{typed}」 is not a level of the scale"),
            format!(
                "choose one of {} from the list",
                choices
                    .iter()
                    .map(|c| format!("「{c}」"))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        ),
        SheetProblem::SummaryMissing => with_hint(
            "the results (「取組内容・実績」) are empty",
            "write the year's work and results; they are required",
        ),
        SheetProblem::TooLong { length, max } => with_hint(
            format!("{length} characters, more than {max}"),
            format!("shorten it to {max} characters or fewer"),
        ),
        SheetProblem::NotANumber { typed } => with_hint(
            format!("「{typed}」 cannot be read as a number"),
            "write digits only (for example 1200); leave a figure not known yet empty",
        ),
        SheetProblem::UnitMismatch { typed, unit } if unit.trim().is_empty() => with_hint(
            format!("「{typed}」 has a unit, but the unit column is empty"),
            "write the unit in the unit column and only the figure in this cell",
        ),
        SheetProblem::PlaceWord { typed, written } => with_hint(
            format!("「{typed}」: 万 and 億 cannot be imported as part of a figure"),
            format!(
                "write the figure in digits only, like 「{written}」 (the unit goes in the unit column)"
            ),
        ),
        SheetProblem::UnitMismatch { typed, unit } => with_hint(
            format!("「{typed}」 has another unit than the one in the unit column, 「{unit}」"),
            format!(
                "write the figure in 「{unit}」 only; if the unit is wrong, correct the unit column"
            ),
        ),
        SheetProblem::DateNotNumber => with_hint(
            "a figure's cell holds a date (the spreadsheet turned what was typed into one)",
            "right-click the cell, choose Format Cells, set its number format to General, then type the digits again (while the format is a date, what is typed becomes a date again)",
        ),
        SheetProblem::PercentUnknown {
            value,
            percent,
            format,
        } => with_hint(
            format!(
                "「{value}」, counted in %, may be {value}% or 「{percent}%」 typed and turned into {value} by the spreadsheet: a {format} workbook does not say which (its cells' formats cannot be read)"
            ),
            format!(
                "open the workbook in Excel, save it again as an Excel Workbook (*.xlsx) and import that file (in the {format} format, figures counted in % other than 0 cannot be imported)"
            ),
        ),
        SheetProblem::MoreFormulas { sheet, more } => with_hint(
            format!("the sheet 「{sheet}」 has {more} more cells with formulas"),
            "replace the formulas with values (paste values only) and import again",
        ),
        SheetProblem::Formula { formula } => with_hint(
            format!(
                "the cell holds the formula 「{formula}」; only values typed into cells are imported"
            ),
            "type the value itself instead of a formula (to use a formula's result, copy it and paste values only)",
        ),
        SheetProblem::UnitMissing => with_hint(
            "the fiscal effect has no unit",
            "write its unit (for example 千円)",
        ),
        SheetProblem::IndicatorNameMissing => with_hint(
            "a row with figures has no indicator name",
            "write the indicator's name and unit",
        ),
        SheetProblem::Changed { id, year } => with_hint(
            format!(
                "plan {id}'s progress of fiscal year {year} was changed in its plan file after this workbook was made"
            ),
            "agree with the department which to keep: plans import --replace overwrites it with the workbook; to keep the file's, make the workbook again with plans sheet and have it filled in again",
        ),
        SheetProblem::CheckRefused {
            id,
            file,
            row: true,
        } => with_hint(
            format!(
                "with plan {id}'s row imported, {file} breaks a rule of plans check (said above)"
            ),
            "correct this row's cells as the hint above says",
        ),
        SheetProblem::CheckRefused {
            id,
            file,
            row: false,
        } => with_hint(
            format!(
                "with this cell of plan {id} imported, {file} breaks a rule of plans check (said above)"
            ),
            "correct this cell as the hint above says",
        ),
        SheetProblem::TwoWorkbooks { id, other } => with_hint(
            format!("plan {id}'s progress is in {other} too"),
            "a plan's year cannot come from two workbooks; import only one of them",
        ),
    }
}

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
    missing: "Plans not reported, by the department that reports them (a plan's first department)",
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
    unreported_plan: "unreported_plan",
    count: |n| format!("{n}"),
    renamed: |then, now| format!("{} (now {now})", then.join(" and ")),
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
    new_added_in: "The fiscal year of the amendment that adds the plan: written as \"added_in\"; the counts (the document's as adopted) stay.",
    department: "After a reorganisation: rename or merge departments in the register and in every plan at once.",
    department_rename: "Rename a department (the register keeps the former name and the year; every plan naming it is changed).",
    department_merge: "Merge departments into one (the register keeps the former names and the year; every plan naming them is changed).",
    department_old: "The current name, as the register writes it.",
    department_new: "The new name.",
    department_merged: "The current names of the departments merged (one is enough to merge into a registered department).",
    department_into: "The name after the merge (a new name, or one of those merged).",
    department_from: "The fiscal year the new name applies from.",
    new_area: "The action area, goal-area (e.g. 1-3).",
    new_title: "The plan's title, as the document gives it.",
    new_department: "A department (a name from plans/departments.json); give it once per department, in the document's order.",
    new_and_others: "The document follows the departments with 「等」.",
    new_subproject: "A sub-project's title; give it once per sub-project.",
    new_update_counts: "Also raise \"expected_plans\" and \"expected_total\" in plans/outline.json.",
    title_value: "TITLE",
    department_value: "NAME",
    subproject_value: "TITLE",
    export: "Export the plans as CSV (one row per plan), as an Excel workbook (sheets of the plans, each year's progress and the indicators) or as one JSON document (for other systems).",
    export_format: "csv, xlsx (an Excel workbook: written with -o or to a redirected standard output, never to a terminal) or json.",
    output_file: "Write to FILE (atomically) instead of standard output.",
    export_no_bom: "CSV without the byte order mark (Excel needs it to read Japanese; other tools may not).",
    export_header: "The column names of the CSV and the workbook: ja (Japanese, the default) or en (English).",
    report: "Write the report charts/README.md (counts, charts, the list of plans, the index by department). With --year, print that year's progress report (the counts by status, each plan's status) or write it to -o.",
    report_stdout: "Print the report on standard output instead of writing the file.",
    report_site: "The public page's address (for example https://example.github.io/plans/); each plan's number then links to its own page.",
    site: "Write the public page (index.html with the charts, the CSV and the JSON) into a folder.",
    site_output: "The folder to write to (site/ by default).",
    progress: "Count one fiscal year's progress: the plans at each level of the scale (per goal, action area and department) and the plans not reported, by department.",
    year: "The fiscal year whose progress to show; by default the year being reported (\"reporting_year\" in plans/outline.json).",
    progress_format: "The output: text (the default), markdown, json or csv.",
    progress_require_complete: "Exit 1 while any plan of the year is not reported (for the day the reports are due).",
    rules: "Print every rule of plans check: its id, what it ensures and how to fix what it finds.",
    rules_format: "The output: human (for reading on screen, the default) or markdown (the guide's section on the rules).",
    year_value: "YEAR",
    file_value: "FILE",
    url_value: "URL",
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
    fix: "Mend the slips that have one meaning: full-width and typographic punctuation (“ ” ， ：), full-width digits, thousands separators, units after numbers, no-break and full-width spaces in indentation, a BOM, Windows line breaks, commas before a closing bracket, a status typed as its label, a year's progress pasted outside \"progress\". No text's wording changes; each mend is listed.",
    fix_files: "Mend only these files (every JSON file in plans/ when none is given).",
    fix_suggest: "Write nothing: print the mends as GitHub suggestions of whole lines, in JSON (for CI; at most 20).",
    files_value: "FILE",
    sheet: "Write each department's progress workbook (Excel) for the plans it reports in a fiscal year, filled from the plan files where they have the year's progress.",
    sheet_department: "Only this department's workbook.",
    sheet_output: "The folder to write the workbooks into (<department>-<year>.xlsx).",
    import: "Read the progress workbooks the departments returned and write the year's progress into the plan files; on any problem, say the workbook, sheet and cell, and write nothing.",
    import_files: "The workbooks to import (xlsx, xls, ods).",
    import_replace: "Overwrite progress changed in a plan file after the workbook was made, with the workbook's.",
    import_year: "The fiscal year of the workbooks to import; by default the year being reported (\"reporting_year\" in plans/outline.json). Give it to import workbooks correcting an earlier year's progress.",
};

/// The words for a mistake on the command line.
pub(crate) fn usage(u: &Usage) -> Text {
    let help = |command: &Option<String>| match command {
        Some(c) => format!("run `plans {c} --help` to see what it accepts"),
        None => "run `plans --help` to see what it accepts".to_string(),
    };
    match u {
        Usage::MissingCommand { commands } => with_hint(
            format!("say which command to run: {}", joined(commands, "or")),
            "run `plans --help` to see what each command does",
        ),
        Usage::UnknownCommand {
            name,
            suggestion,
            commands,
        } => with_hint(
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
        } => with_hint(
            format!("there is no option {argument}"),
            match suggestion {
                Some(s) => format!("did you mean {s}? or {}", help(command)),
                None => help(command),
            },
        ),
        Usage::Unexpected { command, argument } => {
            with_hint(format!("unexpected argument \"{argument}\""), help(command))
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
            with_hint(
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
        } => with_hint(
            format!("\"{value}\" is not a value of {argument}"),
            format!("write a whole number from {min} to {max}, in half-width digits"),
        ),
        Usage::MissingArgument { command, argument } => {
            with_hint(format!("{argument} is missing"), help(command))
        }
        Usage::NoValueAllowed { command, argument } => with_hint(
            format!("{argument} takes no value"),
            format!("write {argument} alone; {}", help(command)),
        ),
        Usage::MissingValue { command, argument } => {
            with_hint(format!("{argument} needs a value"), help(command))
        }
        Usage::Repeated { command, argument } => with_hint(
            format!("{argument} is given more than once"),
            format!("give it once; {}", help(command)),
        ),
        Usage::Conflict {
            command,
            argument,
            other,
        } => with_hint(
            format!("{argument} cannot be given with {other}"),
            format!("give one of them; {}", help(command)),
        ),
        Usage::NotUtf8 { command } => {
            with_hint("an argument is not valid UTF-8 text", help(command))
        }
        Usage::Other { command } => {
            with_hint("the command line cannot be understood", help(command))
        }
    }
}

const LABELS: Labels = Labels {
    error: "error",
    warning: "warning",
    hint: "hint",
    annotation: "plans check",
};

/// The folder a command runs in, as a message names it.
pub(crate) fn here(root: &str) -> String {
    if root == "." {
        "the current folder".to_string()
    } else {
        root.to_string()
    }
}

pub(crate) fn io_reason(reason: IoReason) -> String {
    match reason {
        IoReason::NotFound => "it does not exist".into(),
        IoReason::PermissionDenied => "permission denied".into(),
        IoReason::ReadOnly => "the file system is read-only".into(),
        IoReason::NoSpace => "the disk is full".into(),
        IoReason::BrokenPipe => "the program reading the output has stopped".into(),
        IoReason::IsFolder => "it is a folder".into(),
        IoReason::Other(Some(code)) => format!("the system reports error {code}"),
        IoReason::Other(None) => "the system reports an error".into(),
    }
}

pub(crate) fn special_name(which: Special) -> &'static str {
    match which {
        Special::Outline => "outline",
        Special::Register => "department register",
    }
}

/// How a place in a file is named in a message.
pub(crate) fn field_name(field: &Field) -> String {
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

pub(crate) fn field_hint(description: Option<&str>) -> String {
    match description {
        Some(d) => format!("this field: {}", description_in(d, Lang::En)),
        None => "compare with a plan file that passes".into(),
    }
}

/// What a JSON type is called for the people who edit the files.
pub(crate) fn type_name(t: JsonType) -> &'static str {
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

pub(crate) fn entry_text(entry: &Entry) -> String {
    match entry {
        Entry::Text(s) => format!("「{s}」"),
        Entry::Json(j) => j.clone(),
    }
}

pub(crate) fn space_name(c: char) -> String {
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

pub(crate) fn count(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}

pub(crate) fn list(ids: &[PlanId]) -> String {
    let ids: Vec<String> = ids.iter().map(PlanId::to_string).collect();
    ids.join(", ")
}

pub(crate) fn or_list(ids: &[PlanId]) -> String {
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

pub(crate) fn are(ids: &[String]) -> String {
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

pub(crate) fn names(names: &[String]) -> String {
    let quoted: Vec<String> = names.iter().map(|n| format!("「{n}」")).collect();
    quoted.join(", ")
}

/// One change between two versions of the data, as a line.
pub(crate) fn change(c: &Change) -> String {
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
        C::DepartmentsReorganised {
            from,
            to,
            since,
            plans,
            into_registered,
        } => {
            let names: Vec<String> = from.iter().map(|f| format!("「{f}」")).collect();
            let (how, word) = if from.len() == 1 && !into_registered {
                ("renamed", "to")
            } else {
                ("merged", "into")
            };
            let when = since
                .map(|y| format!(" from fiscal year {y}"))
                .unwrap_or_default();
            format!(
                "reorganisation: {} {how} {word} 「{to}」{when} ({plans} {} changed)",
                names.join(" and "),
                if *plans == 1 { "plan" } else { "plans" }
            )
        }
        C::PlanAdded {
            id,
            title,
            added_in: Some(year),
        } => format!("plan {id} added (amendment of fiscal year {year}): 「{title}」"),
        C::PlanAdded { id, title, .. } => format!("plan {id} added: 「{title}」"),
        C::PlanRemoved {
            id,
            title,
            progress_years: 0,
        } => format!("plan {id} removed: 「{title}」"),
        C::PlanRemoved {
            id,
            title,
            progress_years,
        } => format!(
            "warning: the file of plan {id} 「{title}」 is removed, and with it {progress_years} {} of progress; if the plan ended, keep the file and record the year and why in \"ended\"",
            if *progress_years == 1 {
                "year"
            } else {
                "years"
            }
        ),
        C::PlanEnded {
            id,
            title,
            year,
            reason,
            into,
        } => {
            use crate::model::EndReason;
            let how = match (reason, into) {
                (EndReason::Completed, _) => "completed".to_string(),
                (EndReason::Abolished, _) => "abolished".to_string(),
                (EndReason::Merged, Some(into)) => format!("merged into plan {into}"),
                (EndReason::Merged, None) => "merged".to_string(),
            };
            format!("plan {id} 「{title}」 {how} in fiscal year {year}")
        }
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
                "progress set up: fiscal years {}–{}, reporting {}, scale {}",
                s.from,
                s.to,
                s.reporting_year,
                levels.join(", ")
            )
        }
        C::ReportingYear { from, to } => {
            format!("the year being reported: fiscal year {from} → {to}")
        }
        C::ProgressSetup { now: None } => "progress set-up removed".to_string(),
        C::ProgressStatus {
            id,
            year,
            from,
            to,
            from_label,
            to_label,
        } => {
            let level = |code: &str, label: &Option<String>| match label {
                Some(label) => format!("{code} 「{label}」"),
                None => code.to_string(),
            };
            match (from, to) {
                (None, Some(to)) => format!(
                    "plan {id}: progress of fiscal year {year} added, status {}",
                    level(to, to_label)
                ),
                (Some(from), None) => format!(
                    "plan {id}: progress of fiscal year {year} removed (status {})",
                    level(from, from_label)
                ),
                (Some(from), Some(to)) => format!(
                    "plan {id}: status of fiscal year {year}: {} → {}",
                    level(from, from_label),
                    level(to, to_label)
                ),
                (None, None) => format!("plan {id}: progress of fiscal year {year}"),
            }
        }
        C::ProgressSummary {
            id,
            year,
            sentences,
            whole,
            taken_out,
        } => rewrite(
            (id, year),
            ("the result", "of"),
            "summary",
            Rewrite {
                sentences,
                whole: *whole,
                taken_out: *taken_out,
                removed: false,
            },
        ),
        C::ProgressNextSteps {
            id,
            year,
            sentences,
            whole,
            taken_out,
            removed,
        } => rewrite(
            (id, year),
            ("the issues and next steps", "of"),
            "next_steps",
            Rewrite {
                sentences,
                whole: *whole,
                taken_out: *taken_out,
                removed: *removed,
            },
        ),
        C::ProgressComment {
            id,
            year,
            by,
            owner: o,
            sentences,
            whole,
            taken_out,
            removed,
        } => {
            let who = match by {
                CommentBy::Section => owner(o.as_deref()),
                CommentBy::Committee => "the reform committee".to_string(),
            };
            rewrite(
                (id, year),
                (&format!("the comment by {who}"), "on"),
                "comment",
                Rewrite {
                    sentences,
                    whole: *whole,
                    taken_out: *taken_out,
                    removed: *removed,
                },
            )
        }
        C::ProgressFiscalEffect { id, year, from, to } => {
            let amount = |a: &Amount| format!("{} {}", grouped(&a.amount), a.unit);
            match (from, to) {
                (None, Some(to)) => format!(
                    "plan {id}: the fiscal effect of fiscal year {year}: {}",
                    amount(to)
                ),
                (Some(from), None) => format!(
                    "plan {id}: the fiscal effect (\"fiscal_effect\") of fiscal year {year} taken away ({})",
                    amount(from)
                ),
                (Some(from), Some(to)) => format!(
                    "plan {id}: the fiscal effect (\"fiscal_effect\") of fiscal year {year}: {} → {}",
                    amount(from),
                    amount(to)
                ),
                (None, None) => format!("plan {id}: the fiscal effect of fiscal year {year}"),
            }
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
                    Some(n) => format!("{label} {} {}", grouped(n), f.unit),
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
                        "plan {id}: indicator 「{name}」 of fiscal year {year} added: {}",
                        figures(to)
                    )
                }
                (Some(from), None) => format!(
                    "plan {id}: indicator 「{name}」 of fiscal year {year} taken away ({})",
                    figures(from)
                ),
                (Some(from), Some(to)) => format!(
                    "plan {id}: indicator 「{name}」 of fiscal year {year}: {} → {}",
                    figures(from),
                    figures(to)
                ),
                (None, None) => format!("plan {id}: indicator 「{name}」 of fiscal year {year}"),
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

/// How a text of a year's entry (its result, next steps or comment) changed: a new one whole,
/// a rewritten one's changed sentences, each paragraph in its own 「」.
/// `on` is the word between the text and its year: a result `of` a year, a comment `on` it.
fn rewrite((id, year): (&str, &str), (what, on): (&str, &str), field: &str, r: Rewrite) -> String {
    if r.whole {
        format!(
            "plan {id}: {what} {on} fiscal year {year}: {}",
            quoted(r.sentences, true)
        )
    } else if r.removed {
        format!("plan {id}: {what} (\"{field}\") {on} fiscal year {year} taken away")
    } else if !r.sentences.is_empty() {
        format!(
            "plan {id}: {what} (\"{field}\") {on} fiscal year {year} rewritten: {}",
            quoted(r.sentences, false)
        )
    } else if r.taken_out {
        format!("plan {id}: sentences taken out of {what} (\"{field}\") {on} fiscal year {year}")
    } else {
        format!(
            "plan {id}: the order or spacing of the sentences of {what} (\"{field}\") {on} fiscal year {year} changed"
        )
    }
}

/// What a count of plans is of: a goal, the total, a department.
pub(crate) fn counted(c: &Change) -> String {
    match c {
        Change::GoalCount { goal, .. } => format!("plans of goal {goal}"),
        Change::TotalCount { .. } => "plans in all".to_string(),
        Change::DepartmentCount { name, .. } => format!("plans of 「{name}」"),
        _ => String::new(),
    }
}

/// What belongs at a place under plans/, in words.
pub(crate) fn belongs_to(belongs: Belongs) -> String {
    match belongs {
        Belongs::Outline => "the outline (outline.json)".to_string(),
        Belongs::Register => "the register of departments (departments.json)".to_string(),
        Belongs::Plan(id) => format!("plan {id}"),
    }
}
