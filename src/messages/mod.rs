//! The message catalogue: what `plans` can say, as types.
//!
//! Rules and commands decide *what* to say by building one of these values with the facts
//! it needs; the words are made from it only when output is rendered, by [`ja`] (Japanese,
//! the first language) or [`en`] (English). Each language is one [`Catalogue`]: a value with
//! every function and label, so a language that lacks one does not compile, and each function
//! matches every variant, so a message missing in one language does not compile either. No
//! sentence of the command line's output is built anywhere else (not in the rules, not in
//! the renderers, and never from a library's error text). The charts' own labels, drawn in
//! Japanese, are made where the charts are laid out.

pub mod en;
pub mod ja;

use crate::model::{PlanId, Special};

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
    /// A diagnostic's message and hint.
    pub message: fn(&Message) -> Text,
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
}

/// The words around every diagnostic.
pub struct Labels {
    pub error: &'static str,
    pub warning: &'static str,
    pub hint: &'static str,
    /// The title of a GitHub annotation, before the rule's id.
    pub annotation: &'static str,
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

/// Why the operating system refused to read or write something (from an I/O error's kind,
/// never its text).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IoReason {
    NotFound,
    PermissionDenied,
    ReadOnly,
    NoSpace,
    BrokenPipe,
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

/// What is wrong with a file that is not valid JSON.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Syntax {
    /// The file ends before every bracket or quote is closed.
    EndsEarly,
    /// A comma before a closing bracket.
    TrailingComma,
    /// A comma is missing between two values (the closing bracket the list or object needs).
    MissingComma { closing: char },
    /// A field name without double quotes.
    KeyNotQuoted,
    /// No colon after a field name.
    MissingColon,
    /// A line break or tab inside quotes.
    LineBreakInText,
    /// A text whose closing `"` is missing: the next line goes on with a field.
    UnclosedText,
    /// A backslash that starts no valid escape.
    InvalidEscape,
    /// More text after the end of the object.
    TrailingCharacters,
    /// Brackets nested too deeply to be a plan.
    TooDeep,
    /// A value is missing or misspelled.
    ExpectedValue,
    /// A comment (`//` or `/* */`): JSON has none.
    Comment,
    /// Full-width (or typographic) characters where JSON needs ASCII ones.
    FullWidth { found: String, ascii: String },
    /// Text in typographic double quotes (“ ”), one or both, on the marked line.
    CurlyQuote,
    /// A full-width space (U+3000) between the parts of the JSON.
    FullWidthSpace,
    /// Text in single quotes.
    SingleQuote,
    /// A number JSON cannot read.
    InvalidNumber,
    /// A `"` inside a text, which ends the text early (`"…"個別施設計画"…"`).
    QuoteInText,
    /// A number written with a thousands separator (`1,200`).
    ThousandsSeparator,
    /// A unit or sign written after a number (`80%`, `96件`).
    TextAfterNumber { found: String },
    /// Anything else.
    Other,
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

/// Every problem a diagnostic can report. Each has a stable code ([`Message::code`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Message {
    // ---- file-read, non-json-file
    Symlink {
        belongs: Option<Belongs>,
    },
    JsonNamedFolder,
    NotRegularFile {
        belongs: Option<Belongs>,
    },
    Unreadable {
        reason: IoReason,
    },
    TooLarge {
        size: u64,
        limit: u64,
    },
    TooDeep {
        depth: usize,
    },
    /// A name that is not UTF-8 (saved by a program using Shift_JIS, say).
    NameNotUtf8,
    /// A folder that is a git submodule at a revision: its files are in another repository.
    Submodule,
    NonJsonFile,
    // ---- json-syntax
    Bom,
    Utf16,
    Binary,
    InvalidUtf8,
    EmptyFile,
    DuplicateKey {
        key: String,
    },
    /// A year of a plan's `progress` written twice.
    DuplicateYear {
        year: String,
    },
    Syntax(Syntax),
    // ---- schema
    UnknownField {
        name: String,
        suggestion: Option<String>,
        allowed: Vec<String>,
    },
    MissingField {
        name: String,
        description: Option<String>,
    },
    WrongType {
        field: Field,
        expected: Vec<JsonType>,
        found: JsonType,
        description: Option<String>,
    },
    EmptyText {
        field: Field,
        required: bool,
        /// The field's description in the schema, which says what to write.
        description: Option<String>,
    },
    TooLong {
        field: Field,
        length: usize,
        limit: u64,
    },
    /// A list longer than the schema allows (`maxItems`: a plan's departments or sub-projects).
    TooMany {
        field: Field,
        count: usize,
        limit: u64,
    },
    /// An `id` in the form `G-I-N` whose plan number is past the most an action area holds.
    PlanNumberTooHigh {
        id: PlanId,
        limit: u32,
    },
    /// An `id` that is not `G-I-N`, with the id it was probably meant to be.
    BadId {
        value: String,
        suggestion: Option<PlanId>,
    },
    BadPattern {
        field: Field,
        value: String,
        description: Option<String>,
    },
    EmptyList {
        field: Field,
        required: bool,
    },
    RepeatedEntry {
        field: Field,
        entry: Entry,
    },
    BelowMinimum {
        field: Field,
        limit: String,
    },
    /// Any other schema keyword, by name.
    SchemaOther {
        field: Field,
        keyword: String,
        description: Option<String>,
    },
    // ---- file-location
    /// A plan file in the wrong folder.
    WrongFolder {
        id: PlanId,
    },
    /// The `id` inside differs from the file's name; `rename`: renaming the file to the id
    /// would work (no other file has that name, and the id is in the outline).
    IdMismatch {
        id: PlanId,
        name: PlanId,
        rename: bool,
    },
    /// A folder whose plans all belong to goal `goal`, whose folder does not exist.
    FolderMisnamed {
        goal: u32,
    },
    /// A plan whose file name is not its id; `id_too`: its `id` is written the same other
    /// way as its name.
    MisnamedPlan {
        id: PlanId,
        id_too: bool,
    },
    /// An outline or register in the wrong place; `exists`: the right place is taken.
    Misplaced {
        which: Special,
        exists: bool,
    },
    /// A JSON file that is not a plan, the outline or the register.
    NotAPlan,
    MissingFile {
        which: Special,
    },
    // ---- unique-ids
    /// The `id` inside is another file's: the file was copied and the id left as it was.
    CopiedId {
        id: PlanId,
        owner: String,
        name: Option<PlanId>,
        /// The file has the owner's title too, so it may be a copy; otherwise only its `id`
        /// is wrong.
        same_title: bool,
    },
    /// Two files are named after the same plan.
    SamePlanTwice {
        id: PlanId,
        other: String,
    },
    // ---- outline-refs
    UnknownGoal {
        goal: u32,
        goals: usize,
    },
    UnknownItem {
        goal: u32,
        item: u32,
        items: usize,
    },
    /// Several plan files are numbered in a goal the outline does not have.
    GoalMissing {
        goal: u32,
        plans: usize,
        goals: usize,
    },
    /// Several plan files are numbered in an action area the outline does not have.
    AreaMissing {
        goal: u32,
        item: u32,
        plans: usize,
        items: usize,
    },
    // ---- numbering
    GoalNumber {
        expected: usize,
        found: u64,
    },
    ItemNumber {
        goal: u64,
        expected: usize,
        found: u64,
    },
    ItemWithoutPlans {
        goal: u64,
        item: u64,
        title: String,
    },
    /// Numbers missing below the highest plan of an action area (at most a dozen listed,
    /// `more` not listed), reported on the first plan after a gap.
    PlanGap {
        goal: u64,
        item: u64,
        missing: Vec<u32>,
        more: u64,
        highest: u32,
    },
    // ---- counts
    GoalCount {
        goal: u64,
        actual: usize,
        expected: u64,
        /// Plans certainly missing: gaps, and the first plan of an empty action area (at
        /// most a dozen listed; `unlisted` more).
        missing: Vec<PlanId>,
        unlisted: u64,
        /// How many more are missing at the end of some action area, and the candidates.
        unplaced: usize,
        candidates: Vec<PlanId>,
        /// With too many plans: where the extra one most likely is (the plans outside the
        /// outline's action areas, else the last plan of each action area).
        extra_candidates: Vec<PlanId>,
        /// `expected_total` as it would be with every goal's count taken as it is now.
        total_if_changed: u64,
        /// `expected_total` as it is.
        total: u64,
    },
    GoalsSum {
        sum: u64,
        total: u64,
    },
    // ---- departments
    UnknownDepartment {
        name: String,
        suggestion: Option<String>,
    },
    /// A department written with 「等」: that is `"and_others": true`, not part of the name.
    DepartmentWithEtc {
        name: String,
        department: String,
        /// The plan already has `"and_others": true`.
        and_others: bool,
    },
    /// A registered name no plan uses, while several plans use one close to it that is not
    /// registered: the register's spelling is the slip.
    RegisterMisspelt {
        registered: String,
        used: String,
        plans: usize,
    },
    SubprojectDepartment {
        name: String,
    },
    UnusedDepartment {
        name: String,
    },
    DuplicateDepartment {
        name: String,
    },
    // ---- text
    BlankText,
    EdgeSpace {
        leading: bool,
        character: char,
    },
    ControlCharacter {
        character: char,
    },
    NotNfc {
        fixed: String,
        /// The first character that is not NFC on its own (a CJK compatibility ideograph such
        /// as U+FA19, the Ångström sign …) and what NFC makes of it; `None` when the text has
        /// a character split in two (か + ゛).
        compatibility: Option<(char, String)>,
    },
    DuplicateTitle {
        title: String,
        other: PlanId,
    },
    LineWrapSpace {
        before: char,
        space: char,
        after: char,
        fixed: String,
    },
    // ---- progress
    /// The evaluation scale has fewer than 2 or more than 9 levels.
    ScaleLength {
        levels: usize,
    },
    /// A year of the period outside 2000–2100.
    PeriodYear {
        field: Field,
        value: String,
    },
    /// A year's entry (`status`, `summary`) written straight into `progress`, without its year.
    EntryWithoutYear,
    /// A key of a plan's `progress` that is not a fiscal year in four digits.
    BadYear {
        value: String,
    },
    /// A plan holds progress, but the outline does not set progress up.
    ProgressNotSetUp,
    /// A code of the evaluation scale written twice.
    RepeatedLevel {
        code: String,
    },
    /// The period ends before it starts.
    PeriodReversed {
        from: i64,
        to: i64,
    },
    /// A year of progress outside the plan's period.
    YearOutsidePeriod {
        year: i64,
        from: i64,
        to: i64,
    },
    /// A status that is not a code of the scale.
    UnknownStatus {
        status: String,
        /// Every code of the scale, best first.
        codes: Vec<String>,
        hint: Option<StatusHint>,
    },
    /// An indicator whose unit is empty.
    EmptyUnit {
        indicator: String,
    },
}

/// What a status that is not a code most likely meant.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StatusHint {
    /// A code written another way (full width, lower case, spaces).
    Code(String),
    /// The label of a level, typed instead of its code.
    Label { code: String, label: String },
}

impl Message {
    /// The message's stable code (in `--format json`): one per kind of problem.
    pub fn code(&self) -> &'static str {
        use Message as M;
        match self {
            M::Symlink { .. } => "symlink",
            M::JsonNamedFolder => "json-named-folder",
            M::NotRegularFile { .. } => "not-regular-file",
            M::Unreadable { .. } => "unreadable",
            M::TooLarge { .. } => "too-large",
            M::TooDeep { .. } => "too-deep",
            M::NameNotUtf8 => "name-not-utf8",
            M::Submodule => "submodule",
            M::NonJsonFile => "non-json-file",
            M::Bom => "bom",
            M::Utf16 => "utf16",
            M::Binary => "binary",
            M::InvalidUtf8 => "invalid-utf8",
            M::EmptyFile => "empty-file",
            M::DuplicateKey { .. } => "duplicate-key",
            M::DuplicateYear { .. } => "duplicate-year",
            M::Syntax(s) => match s {
                Syntax::EndsEarly => "syntax-ends-early",
                Syntax::TrailingComma => "syntax-trailing-comma",
                Syntax::MissingComma { .. } => "syntax-missing-comma",
                Syntax::KeyNotQuoted => "syntax-key-not-quoted",
                Syntax::MissingColon => "syntax-missing-colon",
                Syntax::LineBreakInText => "syntax-line-break-in-text",
                Syntax::UnclosedText => "syntax-unclosed-text",
                Syntax::InvalidEscape => "syntax-invalid-escape",
                Syntax::TrailingCharacters => "syntax-trailing-characters",
                Syntax::TooDeep => "syntax-too-deep",
                Syntax::ExpectedValue => "syntax-expected-value",
                Syntax::Comment => "syntax-comment",
                Syntax::FullWidth { .. } => "syntax-full-width",
                Syntax::CurlyQuote => "syntax-curly-quote",
                Syntax::FullWidthSpace => "syntax-full-width-space",
                Syntax::SingleQuote => "syntax-single-quote",
                Syntax::InvalidNumber => "syntax-invalid-number",
                Syntax::QuoteInText => "syntax-quote-in-text",
                Syntax::ThousandsSeparator => "syntax-thousands-separator",
                Syntax::TextAfterNumber { .. } => "syntax-text-after-number",
                Syntax::Other => "syntax-other",
            },
            M::UnknownField { .. } => "unknown-field",
            M::MissingField { .. } => "missing-field",
            M::WrongType { .. } => "wrong-type",
            M::EmptyText { .. } => "empty-text",
            M::TooLong { .. } => "too-long",
            M::TooMany { .. } => "too-many",
            M::PlanNumberTooHigh { .. } => "plan-number-too-high",
            M::BadId { .. } => "bad-id",
            M::BadPattern { .. } => "bad-pattern",
            M::EmptyList { .. } => "empty-list",
            M::RepeatedEntry { .. } => "repeated-entry",
            M::BelowMinimum { .. } => "below-minimum",
            M::SchemaOther { .. } => "schema-other",
            M::WrongFolder { .. } => "wrong-folder",
            M::IdMismatch { .. } => "id-mismatch",
            M::FolderMisnamed { .. } => "folder-misnamed",
            M::MisnamedPlan { .. } => "misnamed-plan",
            M::Misplaced { .. } => "misplaced-file",
            M::NotAPlan => "not-a-plan",
            M::MissingFile { .. } => "missing-file",
            M::CopiedId { .. } => "copied-id",
            M::SamePlanTwice { .. } => "same-plan-twice",
            M::UnknownGoal { .. } => "unknown-goal",
            M::UnknownItem { .. } => "unknown-action-area",
            M::GoalMissing { .. } => "goal-missing",
            M::AreaMissing { .. } => "action-area-missing",
            M::GoalNumber { .. } => "goal-number",
            M::ItemNumber { .. } => "action-area-number",
            M::ItemWithoutPlans { .. } => "action-area-without-plans",
            M::PlanGap { .. } => "plan-gap",
            M::GoalCount { .. } => "goal-count",
            M::GoalsSum { .. } => "goals-sum",
            M::UnknownDepartment { .. } => "unknown-department",
            M::DepartmentWithEtc { .. } => "department-with-etc",
            M::RegisterMisspelt { .. } => "register-misspelt",
            M::SubprojectDepartment { .. } => "subproject-department",
            M::UnusedDepartment { .. } => "unused-department",
            M::DuplicateDepartment { .. } => "duplicate-department",
            M::BlankText => "blank-text",
            M::EdgeSpace { .. } => "edge-space",
            M::ControlCharacter { .. } => "control-character",
            M::NotNfc { .. } => "not-nfc",
            M::DuplicateTitle { .. } => "duplicate-title",
            M::LineWrapSpace { .. } => "line-wrap-space",
            M::BadYear { .. } => "bad-year",
            M::EntryWithoutYear => "entry-without-year",
            M::ScaleLength { .. } => "scale-length",
            M::PeriodYear { .. } => "period-year",
            M::ProgressNotSetUp => "progress-not-set-up",
            M::RepeatedLevel { .. } => "repeated-level",
            M::PeriodReversed { .. } => "period-reversed",
            M::YearOutsidePeriod { .. } => "year-outside-period",
            M::UnknownStatus { .. } => "unknown-status",
            M::EmptyUnit { .. } => "empty-unit",
        }
    }
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
    /// `progress` on data whose outline does not set progress up.
    ProgressOff,
    /// `progress --year` outside the period.
    ProgressYear {
        year: i64,
        from: i64,
        to: i64,
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
    /// `site -o` names a file, not a folder.
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
    /// `plans new --item` is not written like 1-3.
    NewBadItem {
        value: String,
    },
    /// `plans new --item` names an action area the outline does not have.
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
    pub new_item: &'static str,
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
    pub export_output: &'static str,
    pub export_no_bom: &'static str,
    pub export_header: &'static str,
    pub report: &'static str,
    pub report_stdout: &'static str,
    pub site: &'static str,
    pub site_output: &'static str,
    pub progress: &'static str,
    pub progress_year: &'static str,
    pub progress_format: &'static str,
    pub progress_require_complete: &'static str,
    pub rules: &'static str,
    pub rules_format: &'static str,
    /// The value name of `progress --year`.
    pub year_value: &'static str,
    /// The value name of `export -o`.
    pub file_value: &'static str,
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
    pub fmt_files: &'static str,
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
            RunError::ProgressOff => "progress-off",
            RunError::ProgressYear { .. } => "progress-year",
            RunError::OutputNotAFile { .. } => "output-not-a-file",
            RunError::FolderIsLink { .. } => "folder-is-link",
            RunError::FontUnreadable => "font-unreadable",
            RunError::DrawingFailed { .. } => "drawing-failed",
            RunError::WriteFailed { .. } => "write-failed",
            RunError::TemporaryLeft { .. } => "temporary-left",
            RunError::NotADataFile { .. } => "not-a-data-file",
            RunError::GitMissing => "git-missing",
            RunError::NewBadItem { .. } => "new-bad-item",
            RunError::NewUnknownItem { .. } => "new-unknown-item",
            RunError::NewUnknownDepartment { .. } => "new-unknown-department",
            RunError::NewDuplicateTitle { .. } => "new-duplicate-title",
            RunError::NewMissing { .. } => "new-missing",
            RunError::NewNoOutline => "new-no-outline",
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

/// The other things commands say: summaries and progress.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Note {
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
    /// `fmt --check`: a file not in its canonical form.
    NotCanonical {
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
    PlanAdded {
        id: String,
        title: String,
    },
    PlanRemoved {
        id: String,
        title: String,
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
    },
    /// A year's result (`summary`) of a plan rewritten.
    ProgressSummary {
        id: String,
        year: String,
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

/// A progress set-up in a few words: the period and the scale's codes and labels.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct SetupSummary {
    pub from: i64,
    pub to: i64,
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
    /// A number of plans, after a department's name.
    pub count: fn(usize) -> String,
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
