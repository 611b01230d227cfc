//! The message catalogue: what `plans` can say, as types.
//!
//! Rules and commands decide *what* to say by building a value with the facts it needs; the
//! words are made from it only when output is rendered, in Japanese (the first language) or
//! English. A rule's messages are its own type in its file (`src/rules/<id>.rs`), worded by
//! its [`Words`] in both languages side by side; a diagnostic holds one as a [`Message`].
//! Everything else (errors that stop a command, notes, help, the words of `diff`, `new` and
//! `progress`) is typed here and worded by [`ja`] and [`en`]: each language is one
//! [`Catalogue`], a value with every function and label, so a language that lacks one does
//! not compile, and each function matches every variant. No sentence of the command line's
//! output is built anywhere else (not in the renderers, and never from a library's error
//! text). The charts' own labels, drawn in Japanese, are made where the charts are laid out.

pub mod en;
pub mod ja;

/// The language output is written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Lang {
    Ja,
    En,
}

impl Lang {
    /// The language the environment asks for: the first of `LC_ALL`, `LC_MESSAGES` and `LANG`
    /// that is set and not empty; Japanese when it starts with `ja`, English otherwise.
    pub fn from_env() -> Lang {
        let value = ["LC_ALL", "LC_MESSAGES", "LANG"]
            .iter()
            .filter_map(std::env::var_os)
            .find(|v| !v.is_empty());
        Lang::from_locale(value.as_deref().and_then(|v| v.to_str()))
    }

    /// Japanese for a locale name starting with `ja` (`ja_JP.UTF-8`, `ja`), English otherwise.
    pub fn from_locale(locale: Option<&str>) -> Lang {
        match locale {
            Some(l) if l.starts_with("ja") => Lang::Ja,
            _ => Lang::En,
        }
    }

    /// This language's words.
    pub fn catalogue(self) -> &'static Catalogue {
        match self {
            Lang::Ja => &ja::CATALOGUE,
            Lang::En => &en::CATALOGUE,
        }
    }
}

/// One language's words for everything `plans` says.
pub struct Catalogue {
    /// An error that stopped a command.
    pub run_error: fn(&RunError) -> Text,
    /// A summary or progress line.
    pub note: fn(&Note) -> String,
    /// The words around every diagnostic.
    pub labels: Labels,
    /// A mistake on the command line.
    pub usage: fn(&Usage) -> Text,
    /// The words of `--help`.
    pub help: Help,
    /// One change between two versions of the data, as a line.
    pub change: fn(&Change) -> String,
    /// The name of a count in the table of counts (a goal, the total, a department).
    pub counted: fn(&Change) -> String,
    pub diff: DiffWords,
    pub new: NewWords,
    pub progress: ProgressWords,
    pub rules: RulesWords,
    /// A problem in a returned workbook (`plans import`).
    pub sheet_problem: fn(&SheetProblem) -> Text,
}

/// The words around every diagnostic.
pub struct Labels {
    pub error: &'static str,
    pub warning: &'static str,
    pub hint: &'static str,
    /// The title of a GitHub annotation, before the rule's id.
    pub annotation: &'static str,
}

/// What a rule says, in both languages: each rule's own message type (in
/// `src/rules/<id>.rs`) holds the facts the rule has decided, and words them.
pub trait Words: std::fmt::Debug + Send + Sync + std::any::Any {
    /// The message's stable code (in `--format json`): one per kind of problem, derived from
    /// the variant's name.
    fn code(&self) -> &'static str;
    fn ja(&self) -> Text;
    fn en(&self) -> Text;
}

/// What a diagnostic says: a message of some rule's type.
#[derive(Clone)]
pub struct Message {
    words: std::sync::Arc<dyn Words>,
    same: fn(&dyn std::any::Any, &dyn std::any::Any) -> bool,
}

impl Message {
    pub fn new<W: Words + PartialEq>(words: W) -> Message {
        fn same<W: PartialEq + 'static>(a: &dyn std::any::Any, b: &dyn std::any::Any) -> bool {
            matches!((a.downcast_ref::<W>(), b.downcast_ref::<W>()), (Some(a), Some(b)) if a == b)
        }
        Message {
            words: std::sync::Arc::new(words),
            same: same::<W>,
        }
    }

    /// The message's stable code (in `--format json`).
    pub fn code(&self) -> &'static str {
        self.words.code()
    }

    /// The message and its hint in `lang`.
    pub fn text(&self, lang: Lang) -> Text {
        match lang {
            Lang::Ja => self.words.ja(),
            Lang::En => self.words.en(),
        }
    }

    /// The message as its rule's type, if it is of type `W`.
    pub fn get<W: Words>(&self) -> Option<&W> {
        let words: &dyn std::any::Any = &*self.words;
        words.downcast_ref()
    }
}

impl<W: Words + PartialEq> From<W> for Message {
    fn from(words: W) -> Message {
        Message::new(words)
    }
}

impl PartialEq for Message {
    fn eq(&self, other: &Message) -> bool {
        (self.same)(&*self.words, &*other.words)
    }
}

impl Eq for Message {}

impl std::fmt::Debug for Message {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.words.fmt(f)
    }
}

/// The type a field needs, when the schema names exactly one.
pub(crate) fn expected_first(expected: &[JsonType]) -> Option<JsonType> {
    match expected {
        [one] => Some(*one),
        _ => None,
    }
}

/// The part of a schema `description` in one language: descriptions are written
/// 「日本語 / English」.
pub fn description_in(description: &str, lang: Lang) -> &str {
    match description.split_once(" / ") {
        Some((ja, en)) => match lang {
            Lang::Ja => ja.trim(),
            Lang::En => en.trim(),
        },
        None => description.trim(),
    }
}

/// A message and the hint that goes with it, as rendered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Text {
    pub message: String,
    pub hint: Option<String>,
}

/// A message with the hint that says how to fix it.
pub(crate) fn with_hint(message: impl Into<String>, hint: impl Into<String>) -> Text {
    Text {
        message: message.into(),
        hint: Some(hint.into()),
    }
}

/// A number as people read it: the whole part in groups of three (`12,000`, `-1,234.5`).
pub(crate) fn grouped(n: &serde_json::Number) -> String {
    grouped_text(n.to_string())
}

/// A figure read as `f64` (an indicator's target or actual), grouped as [`grouped`] does:
/// `12000` → `12,000`, `96.5` → `96.5`.
pub(crate) fn grouped_f64(x: f64) -> String {
    grouped_text(x.to_string())
}

fn grouped_text(text: String) -> String {
    if text.contains(['e', 'E']) {
        return text;
    }
    let (sign, rest) = match text.strip_prefix('-') {
        Some(rest) => ("-", rest),
        None => ("", text.as_str()),
    };
    let (whole, fraction) = match rest.split_once('.') {
        Some((w, f)) => (w, Some(f)),
        None => (rest, None),
    };
    let mut out = String::from(sign);
    for (i, c) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    if let Some(f) = fraction {
        out.push('.');
        out.push_str(f);
    }
    out
}

#[cfg(test)]
mod grouped_tests {
    #[test]
    fn numbers_are_grouped_by_three() {
        let g = |t: &str| super::grouped(&serde_json::from_str(t).unwrap());
        assert_eq!(g("0"), "0");
        assert_eq!(g("120"), "120");
        assert_eq!(g("12000"), "12,000");
        assert_eq!(g("1234567"), "1,234,567");
        assert_eq!(g("-1234.5"), "-1,234.5");
        assert_eq!(g("96.5"), "96.5");
        assert_eq!(super::grouped_f64(12000.0), "12,000");
        assert_eq!(super::grouped_f64(-1234.5), "-1,234.5");
    }
}

/// A message without a hint.
pub(crate) fn only(message: impl Into<String>) -> Text {
    Text {
        message: message.into(),
        hint: None,
    }
}

/// Why the operating system refused to read or write something (from an I/O error's kind,
/// never its text).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IoReason {
    NotFound,
    PermissionDenied,
    ReadOnly,
    NoSpace,
    BrokenPipe,
    /// A folder is where a file was to be read or written.
    IsFolder,
    /// Any other error, with the operating system's error number where there is one.
    Other(Option<i32>),
}

impl IoReason {
    pub fn of(error: &std::io::Error) -> IoReason {
        use std::io::ErrorKind as K;
        match error.kind() {
            K::NotFound => IoReason::NotFound,
            K::PermissionDenied => IoReason::PermissionDenied,
            K::ReadOnlyFilesystem => IoReason::ReadOnly,
            K::StorageFull | K::QuotaExceeded => IoReason::NoSpace,
            K::BrokenPipe => IoReason::BrokenPipe,
            K::IsADirectory | K::DirectoryNotEmpty => IoReason::IsFolder,
            _ => IoReason::Other(error.raw_os_error()),
        }
    }
}

/// A place in a file, as a message names it: the file, a field, or an entry of a list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Field {
    /// The whole file (the pointer is empty).
    File,
    /// The field with this name.
    Named(String),
    /// Entry `index` (0-based) of the list in field `of` (`None` for a list inside a list).
    Entry { of: Option<String>, index: usize },
}

impl Field {
    /// The field a JSON Pointer ends at.
    pub fn of_pointer(pointer: &str) -> Field {
        let segments: Vec<String> = pointer
            .split('/')
            .skip(1)
            .map(|s| s.replace("~1", "/").replace("~0", "~"))
            .collect();
        let is_index = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
        match segments.as_slice() {
            [] => Field::File,
            [.., parent, last] if is_index(last) => Field::Entry {
                of: (!is_index(parent)).then(|| parent.clone()),
                index: last.parse().unwrap_or(0),
            },
            [last] if is_index(last) => Field::Entry {
                of: None,
                index: last.parse().unwrap_or(0),
            },
            [.., last] => Field::Named(last.clone()),
        }
    }
}

/// A kind of JSON value, as the schema names them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum JsonType {
    String,
    Integer,
    Number,
    Boolean,
    Array,
    Object,
    Null,
}

/// A value of a list that appears twice.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Entry {
    Text(String),
    /// Any other value, as JSON.
    Json(String),
}

/// The code points of `s`, as messages name them: `U+795E`, several separated by spaces.
pub fn code_points(s: &str) -> String {
    s.chars()
        .map(|c| format!("U+{:04X}", c as u32))
        .collect::<Vec<_>>()
        .join(" ")
}

/// What belongs at a path under `plans/`, where its name says so (`outline.json`,
/// `departments.json`, `G-I-N.json`): a hint then tells to put that file there, never to
/// remove what is there.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Belongs {
    Outline,
    Register,
    Plan(crate::model::PlanId),
}

/// What a status that is not a code most likely meant.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StatusHint {
    /// A code written another way (full width, lower case, spaces).
    Code(String),
    /// The label of a level, typed instead of its code.
    Label { code: String, label: String },
    /// A near miss of a level: its code with its label (`A 順調`, `A（順調）`), or its label
    /// written otherwise (`概ね順調`).
    NearMiss { code: String, label: String },
}

/// Why a command could not run at all (exit 2).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RunError {
    /// The folder given with `-C` (or the current folder) does not exist.
    RootMissing {
        root: String,
    },
    /// The folder given with `-C` is a file.
    RootNotFolder {
        root: String,
    },
    /// The repository's folder or `plans/` cannot be opened.
    RootUnreadable {
        root: String,
        reason: IoReason,
    },
    NoPlansFolder {
        root: String,
    },
    PlansIsLink {
        root: String,
    },
    PlansNotFolder {
        root: String,
    },
    /// Standard output (or error) could not be written.
    Output {
        reason: IoReason,
    },
    /// A folder to write into is a file.
    NotAFolder {
        path: String,
    },
    /// `-o` names a place in a folder that does not exist.
    OutputFolderMissing {
        folder: String,
    },
    /// `export -o` names a folder, not a file.
    OutputIsFolder {
        path: String,
    },
    /// `report --site` given something that is not a web address to link to.
    SiteAddress {
        given: String,
    },
    /// `progress` (or `--year`) on data whose outline does not set progress up; who owns the
    /// plan.
    ProgressOff {
        owner: Option<String>,
    },
    /// A year given outside the period: `option` is `--year` (or `--from` of a
    /// reorganisation).
    ProgressYear {
        option: &'static str,
        year: i64,
        from: i64,
        to: i64,
    },
    /// `--year` after the year being reported.
    YearNotOpen {
        year: i64,
        open: i64,
    },
    /// `-o` names a place inside `plans/`.
    OutputInData {
        path: String,
    },
    /// `export -o` names something that is there and is not an ordinary file (a link, a
    /// pipe, a device): it is never replaced.
    OutputNotAFile {
        path: String,
    },
    /// `site -o` or `sheet -o` names a file, not a folder.
    OutputIsFile {
        path: String,
    },
    /// A folder to write into is a symbolic link.
    FolderIsLink {
        path: String,
    },
    FontUnreadable,
    /// Drawing failed inside the drawing library (a bug, not a data problem).
    DrawingFailed {
        chart: String,
    },
    WriteFailed {
        path: String,
        reason: IoReason,
    },
    /// A file could not take its name after every file of the run was written in full: the
    /// `written` files before it did, the rest did not.
    PartlyWritten {
        path: String,
        reason: IoReason,
        written: usize,
    },
    /// `plans new --area` is not written like 1-3.
    NewBadItem {
        value: String,
    },
    /// `plans new --area` names an action area the outline does not have.
    NewUnknownItem {
        goal: u32,
        item: u32,
    },
    NewUnknownDepartment {
        name: String,
        suggestion: Option<String>,
    },
    NewDuplicateTitle {
        title: String,
        other: String,
    },
    /// `plans new` without a terminal to ask on, and these options not given.
    NewMissing {
        options: Vec<String>,
    },
    /// The outline or the register cannot be read, so no plan can be added.
    NewNoOutline,
    /// `department rename` / `merge`: a name to change is not in the register.
    DepartmentNotRegistered {
        name: String,
        /// The registered name closest to it, if one is close.
        suggestion: Option<String>,
    },
    /// `department rename`: the new name is registered already (that is a merge).
    DepartmentRegistered {
        name: String,
    },
    /// `department merge` of one department into a name not registered (that is a rename).
    MergeOfOne {
        name: String,
        into: String,
    },
    /// `export --format xlsx` without `-o` while standard output is a terminal: a workbook is
    /// binary, and is not printed on one.
    BinaryToTerminal,
    /// A text longer than a cell of a workbook holds (32,767 characters), at `cell` (`F12`) of
    /// the sheet `sheet`.
    CellTooLong {
        sheet: String,
        cell: String,
    },
    /// More rows than a sheet of a workbook holds (1,048,576).
    SheetTooLong {
        sheet: String,
    },
    /// Writing a workbook failed inside the library (a bug, not a data problem).
    WorkbookFailed,
    /// `sheet`: no department (or not the one asked for) reports a plan in the year.
    NothingToReport {
        year: i64,
        department: Option<String>,
    },
    /// `import`: a workbook named cannot be read (missing, a folder, no permission).
    WorkbookUnreadable {
        path: String,
        reason: IoReason,
    },
    /// A file read again after the check no longer reads as it was checked (changed
    /// meanwhile): nothing is written.
    ChangedWhileRunning {
        path: String,
    },
    /// `department rename` to the same name, or a merge of a department into itself alone.
    SameName {
        name: String,
    },
    /// A file of the repository cannot be read as what it is (not JSON, not read, misplaced, a
    /// second file for one plan …), so the plans cannot be counted or numbered right: no plan
    /// is added until it is fixed.
    NewFixFirst {
        /// The file, with the line and column where they are known (`plans/goal-1/1-1-1.json:3:5`).
        file: String,
        /// What the file's rule says of it.
        message: Box<Message>,
    },
    /// An answer to a yes-or-no question that is neither.
    NewYesNo,
    /// The plan `new` would write breaks a rule (a name repeated, an empty sub-project, a
    /// control character in the title …): the rule's own message.
    NewRejected {
        /// The file the rule speaks of (the new plan, or the file it would clash with).
        file: String,
        message: Box<Message>,
    },
    /// `git` is not on PATH (`plans diff`).
    GitMissing,
    /// git failed in a way it should not (its words are not shown).
    GitFailed,
    NotAGitRepository {
        root: String,
    },
    UnknownRevision {
        rev: String,
    },
    /// A shallow clone without the revision: it must be fetched.
    RevisionNotFetched {
        rev: String,
    },
    /// The revision has no JSON file under `plans/`.
    NoPlansAtRevision {
        rev: String,
    },
    /// A file of the revision (or the working tree) is not JSON, so it cannot be compared.
    RevisionUnreadable {
        rev: String,
        file: String,
        /// What the file's rule says of it, where a rule spoke (a link, a submodule, a file
        /// too large …); `None` when the outline or the register is simply not there.
        why: Option<Box<Message>>,
    },
    /// A file named to `fmt` is not a data file under `plans/`.
    NotADataFile {
        path: String,
    },
    /// A temporary file of an earlier, interrupted build could not be removed.
    TemporaryLeft {
        path: String,
        reason: IoReason,
    },
}

/// The spaces a line starts with (the words of `fmt --check` say how many differ).
fn indentation(line: &str) -> &str {
    &line[..line.len() - line.trim_start().len()]
}

/// A problem in a workbook returned to `plans import`, said at its sheet and cell where it
/// has one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SheetProblem {
    /// Not a workbook (xlsx, xls, ods) at all, or a damaged one.
    NotAWorkbook,
    /// A sheet that reaches far beyond what `plans sheet` wrote.
    TooLarge {
        sheet: &'static str,
    },
    /// Made from another plan (the outline's title differs).
    OtherPlan {
        found: String,
        title: String,
    },
    /// A workbook, but not one `plans sheet` made (no identification).
    NotASheet,
    /// Made by another version of `plans sheet`.
    OtherFormat {
        found: String,
    },
    /// A sheet of the workbook was deleted or renamed.
    SheetMissing {
        sheet: &'static str,
    },
    /// The outline sets no progress up.
    ProgressOff,
    /// The workbook's year cannot be reported (outside the period, not open yet).
    YearRefused {
        year: i64,
        error: Box<RunError>,
    },
    /// A workbook of another year than the one taken: the year being reported, or the year
    /// asked for with `--year` (`asked`).
    OtherYear {
        year: i64,
        taken: i64,
        asked: bool,
    },
    /// The scale changed since the workbook was made.
    OtherScale {
        found: Vec<String>,
        scale: Vec<String>,
    },
    /// The department reports no plan that year (renamed, merged, or its plans moved).
    NoPlans {
        department: String,
        year: i64,
    },
    /// A row without a plan number has something typed in it.
    PlanNumberMissing,
    /// A plan number the workbook's department does not report.
    PlanNotInSheet {
        id: String,
        department: String,
    },
    /// A plan's row a second time (`first` is the cell of the first).
    PlanTwice {
        id: String,
        first: String,
    },
    /// A row whose plan number is one plan's and whose title is another's of the workbook:
    /// some of its columns were sorted or moved without the rest.
    RowMixed {
        id: String,
        title: String,
        other: String,
    },
    StatusMissing,
    UnknownStatus {
        typed: String,
        choices: Vec<String>,
    },
    SummaryMissing,
    /// A text longer than the schema allows.
    TooLong {
        length: usize,
        max: u32,
    },
    NotANumber {
        typed: String,
    },
    /// A number with 「万」 or 「億」 after it (「1.2万」): `written` is it in digits.
    PlaceWord {
        typed: String,
        written: String,
    },
    /// A number with another unit after it than the indicator's.
    UnitMismatch {
        typed: String,
        unit: String,
    },
    /// A date where a number belongs (Excel turned `1-2` or `4/1` into one).
    DateNotNumber,
    /// A number other than 0 in a column counted in 「%」, in a workbook (`format`: .xls,
    /// .xlsb) whose number formats are not read: it may be a percentage the spreadsheet
    /// converted (「96%」 stored as 0.96).
    PercentUnknown {
        value: String,
        percent: String,
        format: &'static str,
    },
    /// A formula in a cell (its value is what the spreadsheet last worked out, maybe from
    /// elsewhere): only values typed in are read. `formula` is its start.
    Formula {
        formula: String,
    },
    /// Formulas of a sheet beyond those said one by one.
    MoreFormulas {
        sheet: &'static str,
        more: usize,
    },
    /// A fiscal effect without its unit.
    UnitMissing,
    /// An indicator's figures without its name.
    IndicatorNameMissing,
    /// The plan's entry changed in the plan file since the workbook was made (`--replace`
    /// overwrites it).
    Changed {
        id: String,
        year: i64,
    },
    /// Two workbooks of one import hold the same plan's year (`other` is the first workbook).
    TwoWorkbooks {
        id: String,
        other: String,
    },
    /// The plan's file with the workbook's entry breaks a rule of `check` (said above it).
    CheckRefused {
        id: String,
        file: String,
        /// Said at the plan's row (what is refused comes from no one cell).
        row: bool,
    },
}

impl SheetProblem {
    /// The problem's stable code.
    pub fn code(&self) -> &'static str {
        match self {
            SheetProblem::NotAWorkbook => "not-a-workbook",
            SheetProblem::TooLarge { .. } => "too-large",
            SheetProblem::OtherPlan { .. } => "other-plan",
            SheetProblem::NotASheet => "not-a-sheet",
            SheetProblem::OtherFormat { .. } => "other-format",
            SheetProblem::SheetMissing { .. } => "sheet-missing",
            SheetProblem::ProgressOff => "progress-off",
            SheetProblem::YearRefused { .. } => "year-refused",
            SheetProblem::OtherYear { .. } => "other-year",
            SheetProblem::OtherScale { .. } => "other-scale",
            SheetProblem::NoPlans { .. } => "no-plans",
            SheetProblem::PlanNumberMissing => "plan-number-missing",
            SheetProblem::PlanNotInSheet { .. } => "plan-not-in-sheet",
            SheetProblem::PlanTwice { .. } => "plan-twice",
            SheetProblem::RowMixed { .. } => "row-mixed",
            SheetProblem::StatusMissing => "status-missing",
            SheetProblem::UnknownStatus { .. } => "unknown-status",
            SheetProblem::SummaryMissing => "summary-missing",
            SheetProblem::TooLong { .. } => "too-long",
            SheetProblem::NotANumber { .. } => "not-a-number",
            SheetProblem::PlaceWord { .. } => "place-word",
            SheetProblem::UnitMismatch { .. } => "unit-mismatch",
            SheetProblem::Formula { .. } => "formula",
            SheetProblem::MoreFormulas { .. } => "more-formulas",
            SheetProblem::DateNotNumber => "date-not-number",
            SheetProblem::PercentUnknown { .. } => "percent-unknown",
            SheetProblem::UnitMissing => "unit-missing",
            SheetProblem::IndicatorNameMissing => "indicator-name-missing",
            SheetProblem::Changed { .. } => "changed",
            SheetProblem::TwoWorkbooks { .. } => "two-workbooks",
            SheetProblem::CheckRefused { .. } => "check-refused",
        }
    }
}

/// What is wrong with the command line (from the argument parser's error kind and context,
/// never its text). `command` is the subcommand the mistake was made in, if any.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Usage {
    /// `plans` with no command. `commands` are every command's name, in the order of
    /// `plans --help` (from the parser's own definition).
    MissingCommand { commands: Vec<String> },
    UnknownCommand {
        name: String,
        suggestion: Option<String>,
        commands: Vec<String>,
    },
    UnknownArgument {
        command: Option<String>,
        argument: String,
        suggestion: Option<String>,
    },
    /// A word where no argument is expected (`plans check foo`).
    Unexpected {
        command: Option<String>,
        argument: String,
    },
    /// A value that is not one of the choices (`allowed` is empty for a free value).
    InvalidValue {
        command: Option<String>,
        argument: String,
        value: String,
        allowed: Vec<String>,
    },
    /// A required argument not given (`plans diff` without BASE).
    MissingArgument {
        command: Option<String>,
        argument: String,
    },
    /// A value given to an option that takes none (`--timings=yes`).
    NoValueAllowed {
        command: Option<String>,
        argument: String,
    },
    /// A number outside its range (`--scale 9`).
    OutOfRange {
        command: Option<String>,
        argument: String,
        value: String,
        min: u32,
        max: u32,
    },
    MissingValue {
        command: Option<String>,
        argument: String,
    },
    /// An option given twice.
    Repeated {
        command: Option<String>,
        argument: String,
    },
    /// Two options that cannot be given together.
    Conflict {
        command: Option<String>,
        argument: String,
        other: String,
    },
    /// An argument that is not valid UTF-8.
    NotUtf8 { command: Option<String> },
    /// Any other mistake on the command line.
    Other { command: Option<String> },
}

/// The words of `--help`: what each command and option does, and the names of the values
/// options take. Option names and choices (`--format human`) are the same in every language.
pub struct Help {
    /// The first line of `plans --help`.
    pub about: &'static str,
    /// The headings of the help text.
    pub usage_heading: &'static str,
    pub commands_heading: &'static str,
    pub options_heading: &'static str,
    /// How the usage line names the parts (`plans [OPTIONS] <COMMAND>`).
    pub options_placeholder: &'static str,
    pub command_placeholder: &'static str,
    /// The value names of `-C`, `--lang`, `--format` and `--color` (`--scale` takes N).
    pub dir_value: &'static str,
    pub lang_value: &'static str,
    pub format_value: &'static str,
    pub color_value: &'static str,
    pub dir: &'static str,
    pub lang: &'static str,
    pub help: &'static str,
    pub version: &'static str,
    pub check: &'static str,
    pub format: &'static str,
    pub deny_warnings: &'static str,
    pub timings: &'static str,
    pub color: &'static str,
    pub build: &'static str,
    pub build_check: &'static str,
    pub scale: &'static str,
    pub new: &'static str,
    pub department: &'static str,
    pub department_rename: &'static str,
    pub department_merge: &'static str,
    pub department_old: &'static str,
    pub department_new: &'static str,
    pub department_merged: &'static str,
    pub department_into: &'static str,
    pub department_from: &'static str,
    pub new_area: &'static str,
    pub new_added_in: &'static str,
    pub new_title: &'static str,
    pub new_department: &'static str,
    pub new_and_others: &'static str,
    pub new_subproject: &'static str,
    pub new_update_counts: &'static str,
    /// The value names of `new`'s `--title`, `--department` and `--subproject`.
    pub title_value: &'static str,
    pub department_value: &'static str,
    pub subproject_value: &'static str,
    pub export: &'static str,
    pub export_format: &'static str,
    pub output_file: &'static str,
    pub export_no_bom: &'static str,
    pub export_header: &'static str,
    pub report: &'static str,
    pub report_stdout: &'static str,
    pub report_site: &'static str,
    pub site: &'static str,
    pub site_output: &'static str,
    pub progress: &'static str,
    pub year: &'static str,
    pub progress_format: &'static str,
    pub progress_require_complete: &'static str,
    pub rules: &'static str,
    pub rules_format: &'static str,
    /// The value name of `progress --year`.
    pub year_value: &'static str,
    /// The value name of `export -o`.
    pub file_value: &'static str,
    /// The value name of `report --site`.
    pub url_value: &'static str,
    pub completions: &'static str,
    pub completions_shell: &'static str,
    /// The value names of `diff`'s two revisions and of `completions`' shell.
    pub base_value: &'static str,
    pub head_value: &'static str,
    pub shell_value: &'static str,
    pub man: &'static str,
    pub diff: &'static str,
    pub diff_base: &'static str,
    pub diff_head: &'static str,
    pub diff_format: &'static str,
    pub fmt: &'static str,
    pub fmt_check: &'static str,
    pub sheet: &'static str,
    pub sheet_department: &'static str,
    pub sheet_output: &'static str,
    pub import: &'static str,
    pub import_files: &'static str,
    pub import_replace: &'static str,
    pub import_year: &'static str,
    pub fmt_files: &'static str,
    pub fix: &'static str,
    pub fix_files: &'static str,
    pub fix_suggest: &'static str,
    /// The value name of `fmt`'s files.
    pub files_value: &'static str,
}

impl RunError {
    /// The error's stable code (in `--format json`).
    pub fn code(&self) -> &'static str {
        match self {
            RunError::RootMissing { .. } => "root-missing",
            RunError::RootNotFolder { .. } => "root-not-folder",
            RunError::RootUnreadable { .. } => "root-unreadable",
            RunError::NoPlansFolder { .. } => "no-plans-folder",
            RunError::PlansIsLink { .. } => "plans-is-link",
            RunError::PlansNotFolder { .. } => "plans-not-folder",
            RunError::Output { .. } => "output-failed",
            RunError::NotAFolder { .. } => "not-a-folder",
            RunError::OutputFolderMissing { .. } => "output-folder-missing",
            RunError::OutputIsFolder { .. } => "output-is-folder",
            RunError::OutputIsFile { .. } => "output-is-file",
            RunError::OutputInData { .. } => "output-in-data",
            RunError::SiteAddress { .. } => "site-address",
            RunError::ProgressOff { .. } => "progress-off",
            RunError::ProgressYear { .. } => "progress-year",
            RunError::YearNotOpen { .. } => "year-not-open",
            RunError::OutputNotAFile { .. } => "output-not-a-file",
            RunError::FolderIsLink { .. } => "folder-is-link",
            RunError::FontUnreadable => "font-unreadable",
            RunError::DrawingFailed { .. } => "drawing-failed",
            RunError::WriteFailed { .. } => "write-failed",
            RunError::PartlyWritten { .. } => "partly-written",
            RunError::TemporaryLeft { .. } => "temporary-left",
            RunError::NotADataFile { .. } => "not-a-data-file",
            RunError::GitMissing => "git-missing",
            RunError::NewBadItem { .. } => "new-bad-item",
            RunError::NewUnknownItem { .. } => "new-unknown-item",
            RunError::NewUnknownDepartment { .. } => "new-unknown-department",
            RunError::NewDuplicateTitle { .. } => "new-duplicate-title",
            RunError::NewMissing { .. } => "new-missing",
            RunError::NewNoOutline => "new-no-outline",
            RunError::DepartmentNotRegistered { .. } => "department-not-registered",
            RunError::DepartmentRegistered { .. } => "department-registered",
            RunError::MergeOfOne { .. } => "merge-of-one",
            RunError::SameName { .. } => "same-name",
            RunError::BinaryToTerminal => "binary-to-terminal",
            RunError::CellTooLong { .. } => "cell-too-long",
            RunError::SheetTooLong { .. } => "sheet-too-long",
            RunError::WorkbookFailed => "workbook-failed",
            RunError::NothingToReport { .. } => "nothing-to-report",
            RunError::WorkbookUnreadable { .. } => "workbook-unreadable",
            RunError::ChangedWhileRunning { .. } => "changed-while-running",
            RunError::NewFixFirst { .. } => "new-fix-first",
            RunError::NewYesNo => "new-yes-no",
            RunError::NewRejected { .. } => "new-rejected",
            RunError::GitFailed => "git-failed",
            RunError::NotAGitRepository { .. } => "not-a-git-repository",
            RunError::UnknownRevision { .. } => "unknown-revision",
            RunError::RevisionNotFetched { .. } => "revision-not-fetched",
            RunError::NoPlansAtRevision { .. } => "no-plans-at-revision",
            RunError::RevisionUnreadable { .. } => "revision-unreadable",
        }
    }
}

/// What is on disk where a generated file should be, when it is not the file it should be.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileState {
    Missing,
    OutOfDate,
    /// A link, a pipe, a folder or a device where the file should be.
    NotAFile,
    Unreadable(IoReason),
    /// A chart the build no longer draws (a year's progress chart after that year's entries
    /// went away, a goal's charts after the goal did, a chart grown too large): the build
    /// removes it.
    NoLongerDrawn,
}

/// A chart that is not drawn because it would take more pages than one figure may, and what it
/// has too many of (`count` in [`Note::ChartTooLarge`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LargeChart {
    /// `structure`, the 体系図 of every plan: its plans.
    Structure,
    /// `structure-N`, one goal's 体系図: its plans.
    StructureOf { goal: u64 },
    /// `by-goal`, whose legend names every action area: the action areas.
    ByGoal,
    /// `by-department`, a bar per registered department: the departments.
    ByDepartment,
    /// `goal-N`, a bar per department of the goal's plans: those departments.
    Goal { goal: u64 },
    /// `progress-Y`, a bar per goal and per action area: the goals and action areas.
    Progress { year: i64 },
}

/// What `plans fix` mended (said with the file and, where it has one, the line and column).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Mended {
    /// A byte order mark taken away.
    Bom,
    /// `\r\n` line breaks made `\n` (how many).
    LineEnds { count: usize },
    /// A character of JSON's syntax typed in another form: `found` made `ascii`.
    Syntax { found: String, ascii: String },
    /// The typographic quotes of a line (how many) made `"`.
    Quotes { count: usize },
    /// Spaces other than the half-width one between the parts (on how many lines).
    Spaces { lines: usize },
    /// A comma before a closing bracket taken away.
    TrailingComma,
    /// A number's thousands separators taken away: `found` made `figure`.
    Thousands { found: String, figure: String },
    /// A unit typed after a number taken away.
    Unit { unit: String },
    /// A line break typed inside a text of paragraphs, written `\n`.
    Paragraph,
    /// A year's status typed as a label or a near miss, made its code.
    Status {
        year: String,
        found: String,
        code: String,
    },
    /// An indicator's (or the fiscal effect's) unit written from the unit typed after its
    /// figure.
    UnitField { year: String, unit: String },
    /// Fields pasted after the file's last `}` moved before it.
    FieldsAfterEnd,
    /// A year's block pasted outside `"progress"` moved into it.
    YearMoved { year: String },
    /// A year's fields pasted at the top of the plan, moved into `"progress"` under the year
    /// being reported.
    FieldsMoved { year: String, fields: Vec<String> },
}

/// The other things commands say: summaries and progress.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Note {
    /// `fix`: one thing mended in a file, at its line and column where it has one.
    Mended {
        path: String,
        place: Option<(usize, usize)>,
        what: Mended,
    },
    /// `fix`: a file with slips of one meaning that would still not be JSON once they were
    /// mended: left as it is.
    FixLeft {
        path: String,
    },
    /// `fix`: how many things were mended in how many files (none: nothing to mend).
    FixDone {
        files: usize,
        mends: usize,
    },
    SummaryOk {
        plans: usize,
        goals: usize,
        warnings: usize,
    },
    SummaryProblems {
        errors: usize,
        warnings: usize,
        files: usize,
    },
    BuildRefused,
    /// `build --check` on data with errors.
    CheckRefused,
    /// A character of the data that the chart font cannot draw (a data problem: exit 1).
    MissingGlyph {
        character: char,
        text: String,
        file: Option<String>,
    },
    /// `build --check`: every generated file (charts and the editor schema) is current.
    ChartsCurrent {
        files: usize,
    },
    Stale {
        path: String,
        state: FileState,
    },
    ChartsStale {
        files: usize,
        scale: u32,
    },
    ChartsWritten {
        written: usize,
        unchanged: usize,
    },
    /// `build` and `site` leave out a chart that would take more than `limit` portrait A4
    /// pages (at least `pages`), for the `count` things it would show.
    ChartTooLarge {
        /// The name of its files (`structure-3`).
        name: String,
        chart: LargeChart,
        count: usize,
        pages: usize,
        limit: usize,
    },
    /// `build` removed a chart it no longer draws.
    ChartRemoved {
        path: String,
    },
    TemporaryRemoved {
        path: String,
    },
    /// `export`, `report` and `site` refuse data with errors (nothing is written).
    OutputRefused,
    /// `export -o` or `report` wrote the file.
    Written {
        path: String,
    },
    /// `sheet` wrote a department's workbook of `plans` plans.
    SheetWritten {
        path: String,
        plans: usize,
    },
    /// `import`: problems in the workbooks (or the data they would make): nothing written.
    ImportRefused {
        problems: usize,
        workbooks: usize,
    },
    /// `import`: a plan file to change is not in canonical form, so writing the year's entry
    /// would change more than it (nothing is written).
    ImportNotCanonical {
        path: String,
    },
    /// `import` wrote the entries of `entries` plans into `files` files (0: nothing changed).
    Imported {
        workbooks: usize,
        entries: usize,
        files: usize,
    },
    /// `progress --require-complete`: plans of the year are not reported.
    ProgressIncomplete {
        year: i64,
        unreported: usize,
    },
    /// `site` wrote the page and its files into `folder`.
    SiteWritten {
        folder: String,
        files: usize,
    },
    /// `department rename` / `merge` changed the register and the files naming the old names.
    Reorganised {
        from: Vec<String>,
        to: String,
        since: i64,
        plans: usize,
        /// `to` was a registered department already (a merge, even of one department).
        into_registered: bool,
    },
    /// `new` wrote a plan.
    PlanCreated {
        path: String,
        id: String,
    },
    /// `new`: the counts to raise so that `check` passes.
    RaiseCounts {
        goal: u64,
        expected_plans: u64,
        expected_total: u64,
    },
    /// `new --update-counts` raised them.
    CountsRaised {
        goal: u64,
        expected_plans: u64,
        expected_total: u64,
    },
    /// `fmt` rewrote a file in its canonical form.
    Formatted {
        path: String,
    },
    /// `fmt`: how many files it rewrote, and how many were canonical already.
    FormatWritten {
        written: usize,
        unchanged: usize,
    },
    /// `fmt`: a file with a number that would be written another way, left as it is.
    FormatNumber {
        path: String,
    },
    /// `fmt --check`: a file not in its canonical form, with the first line that differs: its
    /// number, what the file has there and what `fmt` would write (`None`: the file ends
    /// before it, or the canonical form does).
    NotCanonical {
        path: String,
        line: usize,
        found: Option<String>,
        wanted: Option<String>,
        /// The two lines are both in the file, in another order: the members are to be
        /// reordered, not the line replaced.
        moved: bool,
    },
    /// `fmt --check`: a file that differs from its canonical form only in its line breaks
    /// (Windows' `\r\n`) or its byte order mark.
    LineEnds {
        path: String,
    },
    /// `fmt --check`: how many files are not canonical.
    FormatCheckFailed {
        files: usize,
    },
    /// `fmt --check`: every file is canonical.
    FormatCheckOk {
        files: usize,
    },
    /// `fmt`: files that are not JSON, reported above and left as they are.
    FormatRefused {
        files: usize,
    },
    /// How long one phase of a check took (`--timings`).
    Timing {
        phase: Phase,
        micros: u64,
    },
    /// How long the whole check took, with its output.
    TimingTotal {
        micros: u64,
        files: usize,
        threads: usize,
    },
}

/// A phase of a check, timed for `--timings`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Phase {
    /// Walking `plans/`, reading, parsing and the per-file rules.
    Walk,
    /// Parsing and the per-file rules, on files already in memory.
    PerFile,
    /// Gathering what the cross-file rules see.
    Collect,
    /// The cross-file rules, side by side.
    CrossFile,
    /// One cross-file rule, by id.
    Rule(&'static str),
    /// Placing and sorting the diagnostics.
    Place,
}

/// The questions `plans new` asks on a terminal.
pub struct NewWords {
    pub item: &'static str,
    pub title: &'static str,
    /// Before the numbered list of registered departments.
    pub registered: &'static str,
    pub departments: &'static str,
    pub and_others: &'static str,
    pub subproject: &'static str,
    /// An answer of yes and of no (besides y and n).
    pub yes: &'static str,
    pub no: &'static str,
    /// Said when an answer cannot be used, before asking again.
    pub again: &'static str,
}

/// One change in what the plan says between two versions of the data (`plans diff`).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum Change {
    /// The implementation plan's own title.
    Retitled {
        from: String,
        to: String,
    },
    GoalAdded {
        goal: u64,
        title: String,
    },
    GoalRemoved {
        goal: u64,
        title: String,
    },
    GoalRetitled {
        goal: u64,
        from: String,
        to: String,
    },
    AreaAdded {
        goal: u64,
        item: u64,
        title: String,
    },
    AreaRemoved {
        goal: u64,
        item: u64,
        title: String,
    },
    AreaRetitled {
        goal: u64,
        item: u64,
        from: String,
        to: String,
    },
    /// A goal's `expected_plans` (計) in the outline.
    ExpectedPlans {
        goal: u64,
        before: u64,
        after: u64,
    },
    /// The outline's `expected_total` (合計).
    ExpectedTotal {
        before: u64,
        after: u64,
    },
    DepartmentRegistered {
        name: String,
    },
    DepartmentUnregistered {
        name: String,
    },
    /// A plan added; by an amendment of fiscal year `added_in`, when it records one.
    PlanAdded {
        id: String,
        title: String,
        added_in: Option<i64>,
    },
    /// A plan's file removed, with the years of progress it held (which go with it).
    PlanRemoved {
        id: String,
        title: String,
        progress_years: usize,
    },
    /// A plan recorded as ended (完了・廃止・統合).
    PlanEnded {
        id: String,
        title: String,
        year: i64,
        reason: crate::model::EndReason,
        into: Option<String>,
    },
    /// The same plan (by its title) under another number: moved or renumbered.
    PlanRenumbered {
        from: String,
        to: String,
        title: String,
    },
    PlanRetitled {
        id: String,
        from: String,
        to: String,
    },
    /// The year being reported moved on (the rest of the set-up as it was): a year opened.
    ReportingYear {
        from: i64,
        to: i64,
    },
    /// A reorganisation the register records (`formerly`, `since`): departments renamed or
    /// merged, and how many plans named them; said once instead of a line per plan.
    DepartmentsReorganised {
        from: Vec<String>,
        to: String,
        since: Option<i64>,
        plans: usize,
        /// `to` was registered before (a merge, even of one department).
        into_registered: bool,
    },
    DepartmentsAdded {
        id: String,
        names: Vec<String>,
    },
    DepartmentsRemoved {
        id: String,
        names: Vec<String>,
    },
    /// 「等」 (`and_others`) set (`now`) or taken away.
    AndOthers {
        id: String,
        now: bool,
    },
    SubprojectAdded {
        id: String,
        title: String,
    },
    SubprojectRemoved {
        id: String,
        title: String,
    },
    SubprojectDepartments {
        id: String,
        title: String,
        added: Vec<String>,
        removed: Vec<String>,
    },
    /// The outline's progress set-up, as it is now (`None`: taken away).
    ProgressSetup {
        now: Option<SetupSummary>,
    },
    /// A year's progress of a plan added (`from` is `None`), taken away (`to` is `None`) or
    /// given another status.
    ProgressStatus {
        id: String,
        year: String,
        from: Option<String>,
        to: Option<String>,
        /// The scale's words for each code.
        from_label: Option<String>,
        to_label: Option<String>,
    },
    /// A year's result (`summary`) of a plan: the whole of a new entry's (`whole`), one
    /// element a paragraph, or the sentences rewritten or added (none when only sentences were
    /// taken away).
    ProgressSummary {
        id: String,
        year: String,
        sentences: Vec<String>,
        whole: bool,
        /// With no new sentence: sentences were taken out (else only their order or spacing
        /// changed).
        taken_out: bool,
    },
    /// An indicator of a year's progress added (`from` is `None`), taken away (`to` is
    /// `None`) or given other figures; indicators are matched by name.
    ProgressIndicator {
        id: String,
        year: String,
        name: String,
        from: Option<Figures>,
        to: Option<Figures>,
    },
    /// A year's issues and next steps (`next_steps`) of a plan, as its result is said: the
    /// whole of a new one (`whole`), one element a paragraph; the sentences rewritten or added;
    /// or, with none, sentences taken out (`taken_out`) or the text taken away (`removed`).
    ProgressNextSteps {
        id: String,
        year: String,
        sentences: Vec<String>,
        whole: bool,
        taken_out: bool,
        removed: bool,
    },
    /// A year's fiscal effect (`fiscal_effect`) of a plan written (`from` is `None`), taken
    /// away (`to` is `None`) or given another amount or unit.
    ProgressFiscalEffect {
        id: String,
        year: String,
        from: Option<Amount>,
        to: Option<Amount>,
    },
    /// A comment on a year's progress of a plan, by the section that owns the plan (named by
    /// the outline's `owner`, when it names one) or by the committee; its text said as the
    /// result is. A comment now by the other is the one taken away and the other written.
    ProgressComment {
        id: String,
        year: String,
        by: crate::model::CommentBy,
        owner: Option<String>,
        sentences: Vec<String>,
        whole: bool,
        taken_out: bool,
        removed: bool,
    },
    /// How many plans a goal has, before and after.
    GoalCount {
        goal: u64,
        before: usize,
        after: usize,
    },
    TotalCount {
        before: usize,
        after: usize,
    },
    /// How many plans name a department, before and after.
    DepartmentCount {
        name: String,
        before: usize,
        after: usize,
    },
}

/// The words around a list of changes.
pub struct DiffWords {
    /// The heading: what is compared with what.
    pub heading: fn(&str, &str) -> String,
    pub outline: &'static str,
    pub plans: &'static str,
    pub counts: &'static str,
    /// Said when nothing the plan says has changed.
    pub nothing: &'static str,
    /// The column heads of the table of counts (Markdown).
    pub what: &'static str,
    pub before: &'static str,
    pub after: &'static str,
    /// The working tree, as the second side of a comparison.
    pub working_tree: &'static str,
    /// The heading of a summary that could not be made (no revision in it: it may be what
    /// failed).
    pub failed_heading: &'static str,
    /// Said, in Markdown, when the comparison could not be made; the reason follows.
    pub failed: &'static str,
}

/// The words of `plans rules`, the reference of every rule.
pub struct RulesWords {
    /// What comes before the rules: how many there are and how to read them (Markdown).
    pub intro: fn(usize) -> String,
    /// After a warning's id.
    pub warning: &'static str,
    /// Before a rule's summary.
    pub ensures: &'static str,
    /// Before a rule's fix.
    pub fix: &'static str,
}

/// An indicator's figures: whole numbers without a decimal point (`120`), others as they are
/// (`96.5`).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Figures {
    pub unit: String,
    pub target: Option<serde_json::Number>,
    pub actual: Option<serde_json::Number>,
}

impl Figures {
    /// A figure of the model as a JSON number: whole numbers as integers.
    pub fn number(n: f64) -> Option<serde_json::Number> {
        if n.fract() == 0.0 && n.abs() < 9.0e15 {
            Some((n as i64).into())
        } else {
            serde_json::Number::from_f64(n)
        }
    }
}

/// An amount and its unit (a fiscal effect, `12000` `千円`): whole numbers without a decimal
/// point, as [`Figures`].
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Amount {
    pub amount: serde_json::Number,
    pub unit: String,
}

/// How a text of a year's entry changed, as a [`Change`] holds it (its result, next steps or
/// comment), for the words of each language.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Rewrite<'a> {
    pub sentences: &'a [String],
    pub whole: bool,
    pub taken_out: bool,
    pub removed: bool,
}

/// A text of the data in 「」, as `diff` shows a year's result, next steps or comment: each
/// paragraph of a whole text (`whole`) in its own; changed sentences together in one, but for
/// a sentence that does not end in 。 (a paragraph's last, written without one), which closes
/// its 「」, so that no two paragraphs run into one another.
pub(crate) fn quoted(sentences: &[String], whole: bool) -> String {
    let mut out = String::new();
    let mut open = false;
    for s in sentences {
        if !open {
            out.push('「');
            open = true;
        }
        out.push_str(s);
        if whole || !s.ends_with('。') {
            out.push('」');
            open = false;
        }
    }
    if open {
        out.push('」');
    }
    out
}

#[cfg(test)]
mod quoted_tests {
    #[test]
    fn paragraphs_and_sentences_are_quoted_apart() {
        let v = |s: &[&str]| s.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(super::quoted(&v(&["架空。"]), true), "「架空。」");
        assert_eq!(
            super::quoted(&v(&["架空一。架空二。", "架空三。"]), true),
            "「架空一。架空二。」「架空三。」"
        );
        assert_eq!(
            super::quoted(&v(&["架空一。", "架空二。"]), false),
            "「架空一。架空二。」"
        );
        assert_eq!(
            super::quoted(&v(&["見出し", "架空二。", "末尾"]), false),
            "「見出し」「架空二。末尾」"
        );
        assert_eq!(super::quoted(&[], false), "");
    }
}

/// A progress set-up in a few words: the period and the scale's codes and labels.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct SetupSummary {
    pub from: i64,
    pub to: i64,
    pub reporting_year: i64,
    pub codes: Vec<String>,
    pub labels: Vec<String>,
}

/// The words of `plans progress`.
pub struct ProgressWords {
    /// The heading: the fiscal year.
    pub heading: fn(i64) -> String,
    /// Plans in all, reported and not reported.
    pub summary: fn(usize, usize, usize) -> String,
    pub scale: &'static str,
    pub by_goal: &'static str,
    pub by_area: &'static str,
    pub by_department: &'static str,
    pub missing: &'static str,
    pub none_missing: &'static str,
    pub unreported: &'static str,
    pub total: &'static str,
    /// A goal, an action area, by number.
    pub goal: fn(&str) -> String,
    pub area: fn(&str) -> String,
    /// The CSV's first columns: the kind of group, its number or name, its title.
    pub group: &'static str,
    pub key: &'static str,
    pub title: &'static str,
    /// The kinds of group, in the CSV.
    pub goals: &'static str,
    pub areas: &'static str,
    pub departments: &'static str,
    pub all: &'static str,
    /// A plan not reported, in the CSV (with the department that reports it).
    pub unreported_plan: &'static str,
    /// A number of plans, after a department's name.
    pub count: fn(usize) -> String,
    /// A department in a past year: its names then, with its name now.
    pub renamed: fn(&[String], &str) -> String,
    /// Between the items of a list, around an aside, and between a number and its title.
    pub separator: &'static str,
    pub aside: fn(&str) -> String,
    pub space: &'static str,
}

/// A rule's one-line summary or fix, in Japanese and English (the rule registry's entries).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Doc {
    pub ja: &'static str,
    pub en: &'static str,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_fields_from_pointers() {
        assert_eq!(Field::of_pointer(""), Field::File);
        assert_eq!(Field::of_pointer("/title"), Field::Named("title".into()));
        assert_eq!(
            Field::of_pointer("/departments/1"),
            Field::Entry {
                of: Some("departments".into()),
                index: 1
            }
        );
        assert_eq!(
            Field::of_pointer("/subprojects/0/title"),
            Field::Named("title".into())
        );
        assert_eq!(
            Field::of_pointer("/a/0/1"),
            Field::Entry { of: None, index: 1 }
        );
        assert_eq!(Field::of_pointer("/a~1b"), Field::Named("a/b".into()));
    }
}
