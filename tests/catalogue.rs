//! Every message of the catalogue, in both languages: one value of each kind (and of each
//! branch that words it differently), rendered by the Japanese and the English catalogue into
//! one snapshot, so that every sentence can be read once, and checked: the Japanese is
//! Japanese, polite sentences ending in 「。」; the English is not a copy of it. A kind of
//! message without a value here fails `every_code_has_a_sample`.

use std::collections::BTreeSet;

use plans::messages::{
    Belongs, Change, Entry, Field, Figures, FileState, IoReason, JsonType, Lang, LargeChart,
    Message, Note, Phase, RunError, SetupSummary, StatusHint, Syntax, Text, Usage,
};
use plans::model::{PlanId, Special};

fn id(goal: u32, item: u32, number: u32) -> PlanId {
    PlanId { goal, item, number }
}

fn named(name: &str) -> Field {
    Field::Named(name.to_string())
}

fn s(text: &str) -> String {
    text.to_string()
}

const DESCRIPTION: &str =
    "文書の「計」の計画数。 / The document's count of plans for this goal (計).";

fn messages() -> Vec<Message> {
    use Message as M;
    let mut all = vec![
        M::Symlink { belongs: None },
        M::Symlink {
            belongs: Some(Belongs::Register),
        },
        M::JsonNamedFolder,
        M::NotRegularFile { belongs: None },
        M::NotRegularFile {
            belongs: Some(Belongs::Outline),
        },
        M::NotRegularFile {
            belongs: Some(Belongs::Plan(id(1, 3, 1))),
        },
        M::Unreadable {
            reason: IoReason::PermissionDenied,
        },
        M::TooLarge {
            size: 104_857_600,
            limit: 8_388_608,
        },
        M::TooDeep { depth: 16 },
        M::NameNotUtf8,
        M::Submodule,
        M::NonJsonFile,
        M::Bom,
        M::Utf16,
        M::Binary,
        M::InvalidUtf8,
        M::EmptyFile,
        M::DuplicateKey { key: s("title") },
        M::DuplicateYear { year: s("2026") },
    ];
    all.extend(
        [
            Syntax::EndsEarly,
            Syntax::TrailingComma,
            Syntax::MissingComma { closing: '}' },
            Syntax::KeyNotQuoted,
            Syntax::MissingColon,
            Syntax::LineBreakInText,
            Syntax::UnclosedText,
            Syntax::InvalidEscape,
            Syntax::TrailingCharacters,
            Syntax::TooDeep,
            Syntax::ExpectedValue,
            Syntax::Comment,
            Syntax::FullWidth {
                found: s("，"),
                ascii: s(","),
            },
            Syntax::CurlyQuote,
            Syntax::FullWidthSpace,
            Syntax::SingleQuote,
            Syntax::InvalidNumber,
            Syntax::QuoteInText,
            Syntax::ThousandsSeparator,
            Syntax::TextAfterNumber { found: "%".into() },
            Syntax::Other,
        ]
        .map(M::Syntax),
    );
    all.extend([
        M::UnknownField {
            name: s("titel"),
            suggestion: Some(s("title")),
            allowed: vec![s("id"), s("title"), s("departments")],
        },
        M::UnknownField {
            name: s("note"),
            suggestion: None,
            allowed: vec![s("name")],
        },
        M::UnknownField {
            name: s("note"),
            suggestion: None,
            allowed: vec![],
        },
        M::MissingField {
            name: s("expected_plans"),
            description: Some(s(DESCRIPTION)),
        },
        M::MissingField {
            name: s("title"),
            description: None,
        },
        M::WrongType {
            field: named("and_others"),
            expected: vec![JsonType::Boolean],
            found: JsonType::String,
            description: None,
        },
        M::WrongType {
            field: named("expected_plans"),
            expected: vec![JsonType::Integer],
            found: JsonType::String,
            description: None,
        },
        M::WrongType {
            field: named("departments"),
            expected: vec![JsonType::Array],
            found: JsonType::String,
            description: None,
        },
        M::WrongType {
            field: Field::Entry {
                of: Some(s("departments")),
                index: 1,
            },
            expected: vec![JsonType::String],
            found: JsonType::Integer,
            description: None,
        },
        M::WrongType {
            field: Field::File,
            expected: vec![JsonType::Object],
            found: JsonType::Array,
            description: Some(s(DESCRIPTION)),
        },
        M::EmptyText {
            field: named("title"),
            required: true,
            description: None,
        },
        M::EmptyText {
            field: named("summary"),
            required: true,
            description: Some(s(DESCRIPTION)),
        },
        M::EmptyText {
            field: Field::Entry { of: None, index: 0 },
            required: false,
            description: None,
        },
        M::EmptyText {
            field: named("unit"),
            required: false,
            description: Some(s(DESCRIPTION)),
        },
        M::TooLong {
            field: named("title"),
            length: 250,
            limit: 200,
        },
        M::TooMany {
            field: named("subprojects"),
            count: 90_000,
            limit: 30,
        },
        M::PlanNumberTooHigh {
            id: id(1, 3, 51),
            limit: 50,
        },
        M::BadId {
            value: s(" 1-1-2"),
            suggestion: Some(id(1, 1, 2)),
        },
        M::BadId {
            value: s("１-１-２"),
            suggestion: Some(id(1, 1, 2)),
        },
        M::BadId {
            value: s("1-1-02"),
            suggestion: Some(id(1, 1, 2)),
        },
        M::BadId {
            value: s("1_1_2"),
            suggestion: None,
        },
        M::BadPattern {
            field: named("code"),
            value: s("x"),
            description: None,
        },
        M::EmptyList {
            field: named("departments"),
            required: true,
        },
        M::EmptyList {
            field: named("subprojects"),
            required: false,
        },
        M::RepeatedEntry {
            field: named("departments"),
            entry: Entry::Text(s("試験企画課")),
        },
        M::RepeatedEntry {
            field: named("numbers"),
            entry: Entry::Json(s("1")),
        },
        M::BelowMinimum {
            field: named("number"),
            limit: s("1"),
        },
        M::SchemaOther {
            field: named("title"),
            keyword: s("format"),
            description: None,
        },
        M::WrongFolder { id: id(2, 1, 1) },
        M::IdMismatch {
            id: id(1, 1, 9),
            name: id(1, 1, 1),
            rename: true,
        },
        M::IdMismatch {
            id: id(1, 1, 2),
            name: id(1, 1, 1),
            rename: false,
        },
        M::FolderMisnamed { goal: 2 },
        M::MisnamedPlan {
            id: id(1, 1, 3),
            id_too: false,
        },
        M::MisnamedPlan {
            id: id(1, 1, 3),
            id_too: true,
        },
        M::Misplaced {
            which: Special::Outline,
            exists: true,
        },
        M::Misplaced {
            which: Special::Register,
            exists: false,
        },
        M::NotAPlan,
        M::MissingFile {
            which: Special::Register,
        },
        M::CopiedId {
            id: id(1, 3, 3),
            owner: s("plans/goal-1/1-3-3.json"),
            name: Some(id(1, 3, 4)),
            same_title: true,
        },
        M::CopiedId {
            id: id(1, 3, 3),
            owner: s("plans/goal-1/1-3-3.json"),
            name: Some(id(1, 3, 4)),
            same_title: false,
        },
        M::CopiedId {
            id: id(1, 1, 3),
            owner: s("plans/goal-1/1-1-3.json"),
            name: None,
            same_title: true,
        },
        M::SamePlanTwice {
            id: id(2, 1, 1),
            other: s("plans/goal-2/2-1-1.json"),
        },
        M::UnknownGoal { goal: 4, goals: 3 },
        M::UnknownItem {
            goal: 1,
            item: 9,
            items: 3,
        },
        M::GoalMissing {
            goal: 4,
            plans: 2,
            goals: 3,
        },
        M::AreaMissing {
            goal: 3,
            item: 3,
            plans: 2,
            items: 1,
        },
        M::GoalNumber {
            expected: 2,
            found: 3,
        },
        M::ItemNumber {
            goal: 1,
            expected: 2,
            found: 4,
        },
        M::ItemWithoutPlans {
            goal: 3,
            item: 1,
            title: s("架空の取組"),
        },
        M::PlanGap {
            goal: 1,
            item: 3,
            missing: vec![2],
            more: 0,
            highest: 4,
        },
        M::PlanGap {
            goal: 1,
            item: 3,
            missing: vec![2, 3],
            more: 5,
            highest: 9,
        },
        M::GoalCount {
            goal: 1,
            actual: 7,
            expected: 8,
            missing: vec![id(1, 1, 2)],
            unlisted: 0,
            unplaced: 0,
            candidates: vec![],
            extra_candidates: vec![],
            total_if_changed: 15,
            total: 16,
        },
        M::GoalCount {
            goal: 1,
            actual: 6,
            expected: 8,
            missing: vec![id(1, 1, 2)],
            unlisted: 2,
            unplaced: 1,
            candidates: vec![id(1, 1, 3), id(1, 2, 3)],
            extra_candidates: vec![],
            total_if_changed: 14,
            total: 16,
        },
        M::GoalCount {
            goal: 1,
            actual: 9,
            expected: 8,
            missing: vec![],
            unlisted: 0,
            unplaced: 0,
            candidates: vec![],
            extra_candidates: vec![id(1, 1, 3), id(1, 3, 4)],
            total_if_changed: 17,
            total: 16,
        },
        M::GoalCount {
            goal: 3,
            actual: 0,
            expected: 3,
            missing: vec![id(3, 1, 1), id(3, 1, 2)],
            unlisted: 1,
            unplaced: 0,
            candidates: vec![],
            extra_candidates: vec![],
            total_if_changed: 13,
            total: 16,
        },
        M::GoalsSum { sum: 16, total: 17 },
        M::UnknownDepartment {
            name: s("試験企面課"),
            suggestion: Some(s("試験企画課")),
        },
        M::UnknownDepartment {
            name: s("架空課"),
            suggestion: None,
        },
        M::DepartmentWithEtc {
            name: s("試験財務課 等"),
            department: s("試験財務課"),
            and_others: false,
        },
        M::DepartmentWithEtc {
            name: s("試験財務課 等"),
            department: s("試験財務課"),
            and_others: true,
        },
        M::RegisterMisspelt {
            registered: s("試験人時課"),
            used: s("試験人事課"),
            plans: 2,
        },
        M::SubprojectDepartment {
            name: s("試験施設課"),
        },
        M::UnusedDepartment {
            name: s("試験広報課"),
        },
        M::DuplicateDepartment {
            name: s("試験企画課"),
        },
        M::BlankText,
        M::EdgeSpace {
            leading: true,
            character: '\u{3000}',
        },
        M::EdgeSpace {
            leading: false,
            character: ' ',
        },
        M::ControlCharacter { character: '\n' },
        M::ControlCharacter { character: '\t' },
        M::ControlCharacter {
            character: '\u{200B}',
        },
        M::NotNfc {
            fixed: s("架空目標そのが"),
            compatibility: None,
        },
        M::NotNfc {
            fixed: s("架空の神社"),
            compatibility: Some(('\u{FA19}', s("\u{795E}"))),
        },
        M::DuplicateTitle {
            title: s("架空組織の見直し"),
            other: id(1, 1, 1),
        },
        M::LineWrapSpace {
            before: 'の',
            space: ' ',
            after: '見',
            fixed: s("架空組織の見直し"),
        },
        M::BadYear {
            value: s("令和8")
        },
        M::EntryWithoutYear,
        M::ScaleLength { levels: 1 },
        M::PeriodYear {
            field: Field::Named(s("from")),
            value: s("8"),
        },
        M::ProgressNotSetUp,
        M::RepeatedLevel { code: s("B") },
        M::PeriodReversed {
            from: 2029,
            to: 2026,
        },
        M::YearOutsidePeriod {
            year: 2031,
            from: 2026,
            to: 2029,
        },
        M::UnknownStatus {
            status: s("ａ"),
            codes: vec![s("A"), s("B"), s("C")],
            hint: Some(StatusHint::Code(s("A"))),
        },
        M::UnknownStatus {
            status: s("架空の段階その二"),
            codes: vec![s("A"), s("B"), s("C")],
            hint: Some(StatusHint::Label {
                code: s("B"),
                label: s("架空の段階その二"),
            }),
        },
        M::UnknownStatus {
            status: s("Z"),
            codes: vec![s("A"), s("B"), s("C")],
            hint: None,
        },
        M::EmptyUnit {
            indicator: s("架空の件数"),
        },
    ]);
    all
}

fn run_errors() -> Vec<RunError> {
    use RunError as R;
    vec![
        R::RootMissing { root: s("no-such") },
        R::RootNotFolder {
            root: s("notes.txt"),
        },
        R::RootUnreadable {
            root: s("."),
            reason: IoReason::PermissionDenied,
        },
        R::NoPlansFolder { root: s(".") },
        R::NoPlansFolder {
            root: s("/tmp/repo"),
        },
        R::PlansIsLink { root: s(".") },
        R::PlansIsLink {
            root: s("/tmp/repo"),
        },
        R::PlansNotFolder { root: s(".") },
        R::Output {
            reason: IoReason::BrokenPipe,
        },
        R::NotAFolder { path: s("charts") },
        R::OutputFolderMissing { folder: s("out") },
        R::OutputIsFolder { path: s("out") },
        R::OutputIsFile { path: s("site") },
        R::OutputInData {
            path: s("plans/plans.json"),
        },
        R::ProgressOff,
        R::ProgressYear {
            year: 2031,
            from: 2026,
            to: 2029,
        },
        R::OutputNotAFile {
            path: s("/dev/full"),
        },
        R::FolderIsLink { path: s(".vscode") },
        R::FontUnreadable,
        R::DrawingFailed {
            chart: s("by-goal"),
        },
        R::WriteFailed {
            path: s("charts/by-goal.png"),
            reason: IoReason::NoSpace,
        },
        R::WriteFailed {
            path: s("charts/by-goal.svg"),
            reason: IoReason::Other(Some(5)),
        },
        R::WriteFailed {
            path: s("charts/goal-1.svg"),
            reason: IoReason::ReadOnly,
        },
        R::TemporaryLeft {
            path: s("charts/.by-goal.png.Ab12Cd.plans-tmp"),
            reason: IoReason::Other(None),
        },
        R::RootUnreadable {
            root: s("repo"),
            reason: IoReason::NotFound,
        },
        R::NotADataFile {
            path: s("README.md"),
        },
        R::NewBadItem { value: s("1_3") },
        R::NewUnknownItem { goal: 1, item: 9 },
        R::NewUnknownDepartment {
            name: s("試験市民科"),
            suggestion: Some(s("試験市民課")),
        },
        R::NewUnknownDepartment {
            name: s("架空課"),
            suggestion: None,
        },
        R::NewDuplicateTitle {
            title: s("架空組織の見直し"),
            other: s("1-1-1"),
        },
        R::NewMissing {
            options: vec![s("--item"), s("--title")],
        },
        R::NewNoOutline,
        R::NewFixFirst {
            file: s("plans/goal-2"),
            message: Box::new(Message::Symlink { belongs: None }),
        },
        R::NewYesNo,
        R::NewRejected {
            file: s("plans/goal-1/1-3-4.json"),
            message: Box::new(Message::RepeatedEntry {
                field: named("departments"),
                entry: Entry::Text(s("試験市民課")),
            }),
        },
        R::GitMissing,
        R::GitFailed,
        R::NotAGitRepository { root: s(".") },
        R::UnknownRevision { rev: s("v9.9") },
        R::RevisionNotFetched { rev: s("main") },
        R::NoPlansAtRevision { rev: s("v0.1") },
        R::RevisionUnreadable {
            rev: s("main"),
            file: s("plans/goal-1/1-1-1.json"),
            why: None,
        },
        R::RevisionUnreadable {
            rev: s("main"),
            file: s("plans/goal-3"),
            why: Some(Box::new(Message::Submodule)),
        },
    ]
}

fn usages() -> Vec<Usage> {
    let check = Some(s("check"));
    let commands = vec![s("check"), s("build"), s("man")];
    vec![
        Usage::MissingCommand {
            commands: commands.clone(),
        },
        Usage::UnknownCommand {
            name: s("chek"),
            suggestion: Some(s("check")),
            commands: commands.clone(),
        },
        Usage::UnknownCommand {
            name: s("help"),
            suggestion: None,
            commands: commands.clone(),
        },
        Usage::UnknownArgument {
            command: check.clone(),
            argument: s("--fromat"),
            suggestion: Some(s("--format")),
        },
        Usage::UnknownArgument {
            command: None,
            argument: s("-x"),
            suggestion: None,
        },
        Usage::Unexpected {
            command: check.clone(),
            argument: s("extra"),
        },
        Usage::InvalidValue {
            command: check.clone(),
            argument: s("--format"),
            value: s("xml"),
            allowed: vec![s("human"), s("json"), s("github")],
        },
        Usage::InvalidValue {
            command: None,
            argument: s("--lang"),
            value: s(""),
            allowed: vec![s("ja"), s("en")],
        },
        Usage::InvalidValue {
            command: None,
            argument: s("-C"),
            value: s("x"),
            allowed: vec![],
        },
        Usage::MissingArgument {
            command: Some(s("diff")),
            argument: s("BASE"),
        },
        Usage::NoValueAllowed {
            command: check.clone(),
            argument: s("--timings"),
        },
        Usage::OutOfRange {
            command: Some(s("build")),
            argument: s("--scale"),
            value: s("9"),
            min: 1,
            max: 8,
        },
        Usage::MissingValue {
            command: None,
            argument: s("-C"),
        },
        Usage::Repeated {
            command: check.clone(),
            argument: s("--timings"),
        },
        Usage::NotUtf8 {
            command: check.clone(),
        },
        Usage::Other { command: check },
    ]
}

fn changes() -> Vec<Change> {
    use Change as C;
    let id = |s: &str| s.to_string();
    vec![
        C::Retitled {
            from: s("架空計画"),
            to: s("架空計画（改）"),
        },
        C::GoalAdded {
            goal: 4,
            title: s("架空目標"),
        },
        C::GoalRemoved {
            goal: 4,
            title: s("架空目標"),
        },
        C::GoalRetitled {
            goal: 1,
            from: s("架空目標"),
            to: s("架空目標（改）"),
        },
        C::AreaAdded {
            goal: 1,
            item: 4,
            title: s("架空取組"),
        },
        C::AreaRemoved {
            goal: 1,
            item: 4,
            title: s("架空取組"),
        },
        C::AreaRetitled {
            goal: 1,
            item: 2,
            from: s("架空取組"),
            to: s("架空取組（改）"),
        },
        C::ExpectedPlans {
            goal: 1,
            before: 8,
            after: 9,
        },
        C::ExpectedTotal {
            before: 16,
            after: 17,
        },
        C::DepartmentRegistered {
            name: s("試験新設課"),
        },
        C::DepartmentUnregistered {
            name: s("試験広報課"),
        },
        C::PlanAdded {
            id: id("1-3-4"),
            title: s("架空の計画"),
        },
        C::PlanRemoved {
            id: id("2-2-3"),
            title: s("架空の計画"),
        },
        C::PlanRenumbered {
            from: id("3-2-2"),
            to: id("3-1-2"),
            title: s("架空の計画"),
        },
        C::PlanRetitled {
            id: id("1-1-1"),
            from: s("架空の計画"),
            to: s("架空の計画（改）"),
        },
        C::DepartmentsAdded {
            id: id("1-1-2"),
            names: vec![s("試験企画課"), s("試験人事課")],
        },
        C::DepartmentsRemoved {
            id: id("1-1-3"),
            names: vec![s("試験人事課")],
        },
        C::AndOthers {
            id: id("2-1-2"),
            now: true,
        },
        C::AndOthers {
            id: id("2-1-1"),
            now: false,
        },
        C::SubprojectAdded {
            id: id("1-3-1"),
            title: s("架空の事業"),
        },
        C::SubprojectRemoved {
            id: id("1-3-1"),
            title: s("架空の事業"),
        },
        C::SubprojectDepartments {
            id: id("2-2-2"),
            title: s("架空の事業"),
            added: vec![s("試験施設課")],
            removed: vec![s("試験環境課")],
        },
        C::SubprojectDepartments {
            id: id("2-2-2"),
            title: s("架空の事業"),
            added: vec![],
            removed: vec![s("試験環境課")],
        },
        C::ProgressSetup {
            now: Some(SetupSummary {
                from: 2026,
                to: 2029,
                codes: vec![s("A"), s("B"), s("C")],
                labels: vec![
                    s("架空の段階その一"),
                    s("架空の段階その二"),
                    s("架空の段階その三"),
                ],
            }),
        },
        C::ProgressSetup { now: None },
        C::ProgressStatus {
            id: id("1-1-1"),
            year: s("2026"),
            from: None,
            to: Some(s("A")),
        },
        C::ProgressStatus {
            id: id("1-1-1"),
            year: s("2026"),
            from: Some(s("B")),
            to: Some(s("A")),
        },
        C::ProgressStatus {
            id: id("1-1-1"),
            year: s("2026"),
            from: Some(s("A")),
            to: None,
        },
        C::ProgressSummary {
            id: id("1-1-1"),
            year: s("2026"),
        },
        C::ProgressIndicator {
            id: id("1-1-1"),
            year: s("2026"),
            name: s("試験件数"),
            from: None,
            to: Some(Figures {
                unit: s("件"),
                target: Some(120.into()),
                actual: Some(96.into()),
            }),
        },
        C::ProgressIndicator {
            id: id("1-1-1"),
            year: s("2026"),
            name: s("試験件数"),
            from: Some(Figures {
                unit: s("件"),
                target: Some(120.into()),
                actual: Some(8.into()),
            }),
            to: Some(Figures {
                unit: s("%"),
                target: None,
                actual: Figures::number(96.5),
            }),
        },
        C::ProgressIndicator {
            id: id("1-1-1"),
            year: s("2026"),
            name: s("試験件数"),
            from: Some(Figures {
                unit: s("件"),
                target: None,
                actual: None,
            }),
            to: None,
        },
        C::GoalCount {
            goal: 1,
            before: 8,
            after: 9,
        },
        C::TotalCount {
            before: 16,
            after: 17,
        },
        C::DepartmentCount {
            name: s("試験企画課"),
            before: 5,
            after: 6,
        },
    ]
}

fn notes() -> Vec<Note> {
    vec![
        Note::SummaryOk {
            plans: 57,
            goals: 3,
            warnings: 0,
        },
        Note::SummaryOk {
            plans: 1,
            goals: 1,
            warnings: 2,
        },
        Note::SummaryProblems {
            errors: 2,
            warnings: 1,
            files: 2,
        },
        Note::SummaryProblems {
            errors: 0,
            warnings: 1,
            files: 1,
        },
        Note::BuildRefused,
        Note::CheckRefused,
        Note::MissingGlyph {
            character: '𠮷',
            text: s("𠮷野"),
            file: Some(s("plans/goal-1/1-1-1.json")),
        },
        Note::MissingGlyph {
            character: '𠮷',
            text: s("𠮷野"),
            file: None,
        },
        Note::ChartsCurrent { files: 19 },
        Note::Stale {
            path: s("charts/by-goal.png"),
            state: FileState::Missing,
        },
        Note::Stale {
            path: s("charts/by-goal.svg"),
            state: FileState::OutOfDate,
        },
        Note::Stale {
            path: s("charts/goal-1.svg"),
            state: FileState::NotAFile,
        },
        Note::Stale {
            path: s("charts/progress-2026.svg"),
            state: FileState::NoLongerDrawn,
        },
        Note::ChartRemoved {
            path: s("charts/progress-2026.svg"),
        },
        Note::ChartTooLarge {
            chart: LargeChart::Structure,
            count: 100_000,
            pages: 2432,
            limit: 10,
        },
        Note::ChartTooLarge {
            chart: LargeChart::StructureOf { goal: 3 },
            count: 400,
            pages: 11,
            limit: 10,
        },
        Note::ChartTooLarge {
            chart: LargeChart::ByGoal,
            count: 10_000,
            pages: 133,
            limit: 10,
        },
        Note::ChartTooLarge {
            chart: LargeChart::ByDepartment,
            count: 3333,
            pages: 56,
            limit: 10,
        },
        Note::ChartTooLarge {
            chart: LargeChart::Goal { goal: 7 },
            count: 700,
            pages: 12,
            limit: 10,
        },
        Note::ChartTooLarge {
            chart: LargeChart::Progress { year: 2026 },
            count: 11_000,
            pages: 205,
            limit: 10,
        },
        Note::Stale {
            path: s(".vscode/plan.schema.json"),
            state: FileState::Unreadable(IoReason::PermissionDenied),
        },
        Note::ChartsStale { files: 2, scale: 1 },
        Note::ChartsStale { files: 1, scale: 2 },
        Note::ChartsWritten {
            written: 2,
            unchanged: 11,
        },
        Note::TemporaryRemoved {
            path: s("charts/.by-goal.png.Ab12Cd.plans-tmp"),
        },
        Note::OutputRefused,
        Note::Written {
            path: s("plans.csv"),
        },
        Note::ProgressIncomplete {
            year: 2026,
            unreported: 13,
        },
        Note::ProgressIncomplete {
            year: 2026,
            unreported: 1,
        },
        Note::SiteWritten {
            folder: s("site/"),
            files: 12,
        },
        Note::PlanCreated {
            path: s("plans/goal-1/1-3-4.json"),
            id: s("1-3-4"),
        },
        Note::RaiseCounts {
            goal: 1,
            expected_plans: 9,
            expected_total: 17,
        },
        Note::CountsRaised {
            goal: 1,
            expected_plans: 9,
            expected_total: 17,
        },
        Note::Formatted {
            path: s("plans/goal-1/1-1-1.json"),
        },
        Note::FormatWritten {
            written: 2,
            unchanged: 57,
        },
        Note::NotCanonical {
            path: s("plans/goal-1/1-1-1.json"),
        },
        Note::FormatNumber {
            path: s("plans/outline.json"),
        },
        Note::FormatCheckFailed { files: 1 },
        Note::FormatCheckFailed { files: 3 },
        Note::FormatCheckOk { files: 59 },
        Note::FormatCheckOk { files: 1 },
        Note::FormatRefused { files: 1 },
        Note::FormatRefused { files: 2 },
        Note::Timing {
            phase: Phase::Walk,
            micros: 2_320,
        },
        Note::Timing {
            phase: Phase::PerFile,
            micros: 1_000,
        },
        Note::Timing {
            phase: Phase::Collect,
            micros: 120,
        },
        Note::Timing {
            phase: Phase::CrossFile,
            micros: 620,
        },
        Note::Timing {
            phase: Phase::Rule("counts"),
            micros: 10,
        },
        Note::Timing {
            phase: Phase::Place,
            micros: 10,
        },
        Note::TimingTotal {
            micros: 3_220,
            files: 1,
            threads: 2,
        },
    ]
}

/// Whether a text has kana or kanji.
fn is_japanese(text: &str) -> bool {
    text.chars()
        .any(|c| ('\u{3040}'..='\u{30FF}').contains(&c) || ('\u{4E00}'..='\u{9FFF}').contains(&c))
}

/// A text with the data values (in 「」 or in double quotes) taken out, to look at the words
/// around them.
fn unquoted(text: &str) -> String {
    let mut out = String::new();
    let (mut depth, mut quoted) = (0, false);
    for c in text.chars() {
        match c {
            '「' => depth += 1,
            '」' => depth -= 1,
            '"' => quoted = !quoted,
            _ if depth == 0 && !quoted => out.push(c),
            _ => {}
        }
    }
    out
}

/// One rendered text, checked: Japanese sentences end in 「。」; English has no kana outside
/// the data it quotes, and no 「。」.
fn checked(lang: Lang, what: &str, text: &Text) -> String {
    let mut parts = vec![&text.message];
    parts.extend(&text.hint);
    for part in parts {
        match lang {
            Lang::Ja => {
                assert!(is_japanese(part), "{what}: not Japanese: {part}");
                assert!(part.ends_with('。'), "{what}: no 「。」 at the end: {part}");
            }
            Lang::En => {
                let outside = unquoted(part);
                assert!(
                    !outside
                        .chars()
                        .any(|c| ('\u{3040}'..='\u{30FF}').contains(&c)),
                    "{what}: kana in English: {part}"
                );
                assert!(!part.ends_with('。'), "{what}: 「。」 in English: {part}");
            }
        }
    }
    match &text.hint {
        Some(hint) => format!("{}\n  = {hint}\n", text.message),
        None => format!("{}\n", text.message),
    }
}

#[test]
fn every_message_in_both_languages() {
    let mut out = String::new();
    for lang in [Lang::Ja, Lang::En] {
        let words = lang.catalogue();
        out.push_str(&format!("==== {lang:?}: messages\n"));
        for m in messages() {
            let what = format!("{lang:?} {}", m.code());
            out.push_str(&format!(
                "[{}] {}",
                m.code(),
                checked(lang, &what, &(words.message)(&m))
            ));
        }
        out.push_str(&format!("==== {lang:?}: run errors\n"));
        for e in run_errors() {
            let what = format!("{lang:?} {}", e.code());
            out.push_str(&format!(
                "[{}] {}",
                e.code(),
                checked(lang, &what, &(words.run_error)(&e))
            ));
        }
        out.push_str(&format!("==== {lang:?}: mistakes on the command line\n"));
        for u in usages() {
            let what = format!("{lang:?} {u:?}");
            out.push_str(&checked(lang, &what, &(words.usage)(&u)));
        }
        out.push_str(&format!("==== {lang:?}: changes (plans diff)\n"));
        for c in changes() {
            let line = (words.change)(&c);
            if lang == Lang::Ja {
                assert!(is_japanese(&unquoted(&line)), "{c:?}: not Japanese: {line}");
            }
            out.push_str(&format!("{line}\n"));
        }
        out.push_str(&format!("==== {lang:?}: notes\n"));
        for n in notes() {
            let text = (words.note)(&n);
            if lang == Lang::Ja
                && !matches!(
                    n,
                    Note::Timing {
                        phase: Phase::Rule(_),
                        ..
                    }
                )
            {
                assert!(is_japanese(&text), "{n:?}: not Japanese: {text}");
            }
            out.push_str(&format!("{text}\n"));
        }
    }
    insta::assert_snapshot!(out);
}

#[test]
fn japanese_and_english_differ_everywhere() {
    let (ja, en) = (Lang::Ja.catalogue(), Lang::En.catalogue());
    for m in messages() {
        assert_ne!((ja.message)(&m), (en.message)(&m), "{m:?}");
    }
    for e in run_errors() {
        assert_ne!((ja.run_error)(&e), (en.run_error)(&e), "{e:?}");
    }
    for u in usages() {
        assert_ne!((ja.usage)(&u), (en.usage)(&u), "{u:?}");
    }
    for c in changes() {
        assert_ne!((ja.change)(&c), (en.change)(&c), "{c:?}");
    }
    for n in notes() {
        if !matches!(
            n,
            Note::Timing {
                phase: Phase::Rule(_),
                ..
            }
        ) {
            assert_ne!((ja.note)(&n), (en.note)(&n), "{n:?}");
        }
    }
}

/// The codes `code()` can return, read from its source: a kind of message added without a
/// sample above fails here.
fn codes_in_source(function_of: &str) -> BTreeSet<String> {
    let source =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/src/messages/mod.rs"))
            .unwrap();
    let start = source.find(function_of).expect("impl block");
    let body = &source[start..];
    let body = &body[body.find("pub fn code").unwrap()..];
    let body = &body[..body.find("\n    }\n").unwrap()];
    body.split("=> \"")
        .skip(1)
        .map(|rest| rest[..rest.find('"').unwrap()].to_string())
        .collect()
}

#[test]
fn every_code_has_a_sample() {
    let sampled: BTreeSet<String> = messages().iter().map(|m| m.code().to_string()).collect();
    assert_eq!(sampled, codes_in_source("impl Message {"));
    let sampled: BTreeSet<String> = run_errors().iter().map(|e| e.code().to_string()).collect();
    assert_eq!(sampled, codes_in_source("impl RunError {"));
}
