//! Every message of the catalogue, in both languages: one value of each kind (and of each
//! branch that words it differently), rendered by the Japanese and the English catalogue into
//! one snapshot, so that every sentence can be read once, and checked: the Japanese is
//! Japanese, polite sentences ending in 「。」; the English is not a copy of it. A kind of
//! message without a value here fails `every_code_has_a_sample`.

use std::collections::BTreeSet;

use plans::messages::{
    Amount, Change, Entry, Field, Figures, FileState, IoReason, Lang, LargeChart, Message, Note,
    Phase, RunError, SetupSummary, SheetProblem, Text, Usage,
};
use plans::model::CommentBy;
use plans::rules::{RULES, file_read, schema};

fn named(name: &str) -> Field {
    Field::Named(name.to_string())
}

fn s(text: &str) -> String {
    text.to_string()
}

fn messages() -> Vec<Message> {
    RULES.iter().flat_map(|rule| (rule.samples)()).collect()
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
        R::ProgressOff {
            owner: Some(s("架空推進課")),
        },
        R::ProgressOff { owner: None },
        R::SiteAddress {
            given: s("javascript:alert(1)"),
        },
        R::ProgressYear {
            option: "--year",
            year: 2031,
            from: 2026,
            to: 2029,
        },
        R::YearNotOpen {
            year: 2028,
            open: 2026,
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
        R::WriteFailed {
            path: s("charts/goal-2.svg"),
            reason: IoReason::IsFolder,
        },
        R::PartlyWritten {
            path: s("plans/goal-1/1-1-2.json"),
            reason: IoReason::PermissionDenied,
            written: 1,
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
            options: vec![s("--area"), s("--title")],
        },
        R::NewNoOutline,
        R::DepartmentNotRegistered {
            name: s("架空課"),
            suggestion: None,
        },
        R::DepartmentNotRegistered {
            name: s("試験財務"),
            suggestion: Some(s("試験財務課")),
        },
        R::DepartmentRegistered {
            name: s("試験企画課"),
        },
        R::MergeOfOne {
            name: s("試験人事課"),
            into: s("試験職員課"),
        },
        R::SameName {
            name: s("試験企画課"),
        },
        R::BinaryToTerminal,
        R::CellTooLong {
            sheet: s("計画"),
            cell: s("J12"),
        },
        R::SheetTooLong { sheet: s("指標") },
        R::WorkbookFailed,
        R::NothingToReport {
            year: 2026,
            department: Some(s("架空環境課")),
        },
        R::NothingToReport {
            year: 2026,
            department: None,
        },
        R::WorkbookUnreadable {
            path: s("架空財務課-2026.xlsx"),
            reason: IoReason::NotFound,
        },
        R::WorkbookUnreadable {
            path: s("returned/"),
            reason: IoReason::IsFolder,
        },
        R::ChangedWhileRunning {
            path: s("plans/departments.json"),
        },
        R::NewFixFirst {
            file: s("plans/goal-2"),
            message: Box::new(file_read::Said::Symlink { belongs: None }.into()),
        },
        R::NewYesNo,
        R::NewRejected {
            file: s("plans/goal-1/1-3-4.json"),
            message: Box::new(
                schema::Said::RepeatedEntry {
                    field: named("departments"),
                    entry: Entry::Text(s("試験市民課")),
                }
                .into(),
            ),
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
            why: Some(Box::new(file_read::Said::Submodule.into())),
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
        Usage::Conflict {
            command: Some(s("new")),
            argument: s("--added-in"),
            other: s("--update-counts"),
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
        C::ReportingYear {
            from: 2026,
            to: 2027,
        },
        C::DepartmentsReorganised {
            from: vec![s("試験人事課")],
            to: s("試験職員課"),
            since: Some(2027),
            plans: 2,
            into_registered: false,
        },
        C::DepartmentsReorganised {
            from: vec![s("試験施設課"), s("試験環境課")],
            to: s("試験施設環境課"),
            since: Some(2028),
            plans: 3,
            into_registered: false,
        },
        C::DepartmentsReorganised {
            from: vec![s("試験監査室")],
            to: s("試験企画課"),
            since: Some(2028),
            plans: 1,
            into_registered: true,
        },
        C::PlanAdded {
            id: id("1-3-4"),
            title: s("架空の計画"),
            added_in: None,
        },
        C::PlanAdded {
            id: id("1-3-5"),
            title: s("架空の追加計画"),
            added_in: Some(2027),
        },
        C::PlanRemoved {
            id: id("2-2-3"),
            title: s("架空の計画"),
            progress_years: 0,
        },
        C::PlanRemoved {
            id: id("2-2-4"),
            title: s("架空の計画"),
            progress_years: 2,
        },
        C::PlanEnded {
            id: id("2-2-5"),
            title: s("架空の計画"),
            year: 2028,
            reason: plans::model::EndReason::Completed,
            into: None,
        },
        C::PlanEnded {
            id: id("2-2-6"),
            title: s("架空の計画"),
            year: 2028,
            reason: plans::model::EndReason::Abolished,
            into: None,
        },
        C::PlanEnded {
            id: id("2-2-7"),
            title: s("架空の計画"),
            year: 2028,
            reason: plans::model::EndReason::Merged,
            into: Some(s("2-2-3")),
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
                reporting_year: 2026,
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
            from_label: None,
            to_label: Some(s("架空の段階その一")),
        },
        C::ProgressStatus {
            id: id("1-1-1"),
            year: s("2026"),
            from: Some(s("B")),
            to: Some(s("A")),
            from_label: Some(s("架空の段階その二")),
            to_label: Some(s("架空の段階その一")),
        },
        C::ProgressStatus {
            id: id("1-1-1"),
            year: s("2026"),
            from: Some(s("A")),
            to: None,
            from_label: None,
            to_label: None,
        },
        C::ProgressSummary {
            id: id("1-1-1"),
            year: s("2026"),
            sentences: vec![s("架空の結果です。")],
            whole: true,
            taken_out: false,
        },
        C::ProgressSummary {
            id: id("1-1-1"),
            year: s("2026"),
            sentences: vec![s("架空の二文目です。")],
            whole: false,
            taken_out: false,
        },
        C::ProgressSummary {
            id: id("1-1-1"),
            year: s("2026"),
            sentences: vec![],
            whole: false,
            taken_out: true,
        },
        C::ProgressSummary {
            id: id("1-1-1"),
            year: s("2026"),
            sentences: vec![],
            whole: false,
            taken_out: false,
        },
        C::ProgressIndicator {
            id: id("1-1-1"),
            year: s("2026"),
            name: s("試験件数"),
            from: None,
            to: Some(Figures {
                unit: s("件"),
                target: Some(12000.into()),
                actual: Some(9600.into()),
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
        C::ProgressSummary {
            id: id("1-1-1"),
            year: s("2026"),
            sentences: vec![s("架空の第一段落です。"), s("架空の第二段落")],
            whole: true,
            taken_out: false,
        },
        C::ProgressNextSteps {
            id: id("1-1-1"),
            year: s("2026"),
            sentences: vec![s("架空の課題です。"), s("架空の方向性です。")],
            whole: true,
            taken_out: false,
            removed: false,
        },
        C::ProgressNextSteps {
            id: id("1-1-1"),
            year: s("2026"),
            sentences: vec![s("架空の見出し"), s("架空の方向性を改めます。")],
            whole: false,
            taken_out: false,
            removed: false,
        },
        C::ProgressNextSteps {
            id: id("1-1-1"),
            year: s("2026"),
            sentences: vec![],
            whole: false,
            taken_out: true,
            removed: false,
        },
        C::ProgressNextSteps {
            id: id("1-1-1"),
            year: s("2026"),
            sentences: vec![],
            whole: false,
            taken_out: false,
            removed: false,
        },
        C::ProgressNextSteps {
            id: id("1-1-1"),
            year: s("2026"),
            sentences: vec![],
            whole: false,
            taken_out: false,
            removed: true,
        },
        C::ProgressFiscalEffect {
            id: id("1-1-1"),
            year: s("2026"),
            from: None,
            to: Some(Amount {
                amount: 12000.into(),
                unit: s("千円"),
            }),
        },
        C::ProgressFiscalEffect {
            id: id("1-1-1"),
            year: s("2026"),
            from: Some(Amount {
                amount: 10000.into(),
                unit: s("千円"),
            }),
            to: Some(Amount {
                amount: 1234567.into(),
                unit: s("千円"),
            }),
        },
        C::ProgressFiscalEffect {
            id: id("1-1-1"),
            year: s("2026"),
            from: Some(Amount {
                amount: 12000.into(),
                unit: s("千円"),
            }),
            to: None,
        },
        C::ProgressComment {
            id: id("1-1-1"),
            year: s("2026"),
            by: CommentBy::Committee,
            owner: None,
            sentences: vec![s("架空の講評です。")],
            whole: true,
            taken_out: false,
            removed: false,
        },
        C::ProgressComment {
            id: id("1-1-1"),
            year: s("2026"),
            by: CommentBy::Section,
            owner: Some(s("試験企画課")),
            sentences: vec![s("架空の所見を改めました。")],
            whole: false,
            taken_out: false,
            removed: false,
        },
        C::ProgressComment {
            id: id("1-1-1"),
            year: s("2026"),
            by: CommentBy::Section,
            owner: None,
            sentences: vec![],
            whole: false,
            taken_out: true,
            removed: false,
        },
        C::ProgressComment {
            id: id("1-1-1"),
            year: s("2026"),
            by: CommentBy::Section,
            owner: None,
            sentences: vec![],
            whole: false,
            taken_out: false,
            removed: false,
        },
        C::ProgressComment {
            id: id("1-1-1"),
            year: s("2026"),
            by: CommentBy::Committee,
            owner: None,
            sentences: vec![],
            whole: false,
            taken_out: false,
            removed: true,
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
            name: s("structure"),
            chart: LargeChart::Structure,
            count: 100_000,
            pages: 2432,
            limit: 10,
        },
        Note::ChartTooLarge {
            name: s("structure-3"),
            chart: LargeChart::StructureOf { goal: 3 },
            count: 400,
            pages: 11,
            limit: 10,
        },
        Note::ChartTooLarge {
            name: s("by-goal"),
            chart: LargeChart::ByGoal,
            count: 10_000,
            pages: 133,
            limit: 10,
        },
        Note::ChartTooLarge {
            name: s("by-department"),
            chart: LargeChart::ByDepartment,
            count: 3333,
            pages: 56,
            limit: 10,
        },
        Note::ChartTooLarge {
            name: s("goal-7"),
            chart: LargeChart::Goal { goal: 7 },
            count: 700,
            pages: 12,
            limit: 10,
        },
        Note::ChartTooLarge {
            name: s("progress-2026"),
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
        Note::SheetWritten {
            path: s("out/架空財務課-2026.xlsx"),
            plans: 3,
        },
        Note::SheetWritten {
            path: s("out/架空監査室-2026.xlsx"),
            plans: 1,
        },
        Note::ImportNotCanonical {
            path: s("plans/goal-2/2-1-1.json"),
        },
        Note::ImportRefused {
            problems: 5,
            workbooks: 2,
        },
        Note::Imported {
            workbooks: 36,
            entries: 57,
            files: 57,
        },
        Note::Imported {
            workbooks: 1,
            entries: 3,
            files: 0,
        },
        Note::Imported {
            workbooks: 2,
            entries: 0,
            files: 0,
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
        Note::Reorganised {
            from: vec![s("試験人事課")],
            to: s("試験職員課"),
            since: 2027,
            plans: 2,
            into_registered: false,
        },
        Note::Reorganised {
            from: vec![s("試験施設課"), s("試験環境課")],
            to: s("試験施設環境課"),
            since: 2028,
            plans: 3,
            into_registered: false,
        },
        Note::Reorganised {
            from: vec![s("試験監査室")],
            to: s("試験企画課"),
            since: 2028,
            plans: 1,
            into_registered: true,
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
        Note::LineEnds {
            path: s("plans/goal-1/1-1-4.json"),
        },
        Note::NotCanonical {
            path: s("plans/goal-1/1-1-1.json"),
            line: 4,
            found: Some(s("    \"試験企画課\"")),
            wanted: Some(s("  \"departments\": [\"試験企画課\"],")),
            moved: false,
        },
        Note::NotCanonical {
            path: s("plans/goal-1/1-1-2.json"),
            line: 9,
            found: None,
            wanted: Some(s("")),
            moved: false,
        },
        Note::NotCanonical {
            path: s("plans/goal-1/1-1-3.json"),
            line: 3,
            found: Some(s("")),
            wanted: Some(s("  \"title\": \"架空\",")),
            moved: false,
        },
        Note::NotCanonical {
            path: s("plans/goal-1/1-1-1.json"),
            line: 14,
            found: Some(s("          \"target\": 5,")),
            wanted: Some(s("          \"unit\": \"係\",")),
            moved: true,
        },
        // Only the indentation differs (a block moved by hand), or spaces at the end.
        Note::NotCanonical {
            path: s("plans/goal-3/3-1-1.json"),
            line: 8,
            found: Some(s("      \"2026\": {")),
            wanted: Some(s("    \"2026\": {")),
            moved: false,
        },
        Note::NotCanonical {
            path: s("plans/goal-3/3-1-1.json"),
            line: 9,
            found: Some(s("\t\"status\": \"A\",")),
            wanted: Some(s("      \"status\": \"A\",")),
            moved: false,
        },
        Note::NotCanonical {
            path: s("plans/goal-3/3-1-2.json"),
            line: 2,
            found: Some(s("  \"id\": \"3-1-2\",  ")),
            wanted: Some(s("  \"id\": \"3-1-2\",")),
            moved: false,
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
                checked(lang, &what, &m.text(lang))
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
        assert_ne!(m.text(Lang::Ja), m.text(Lang::En), "{m:?}");
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

fn sheet_problems() -> Vec<SheetProblem> {
    use SheetProblem as P;
    vec![
        P::NotAWorkbook,
        P::TooLarge { sheet: "進捗" },
        P::OtherPlan {
            found: s("架空市の別の計画"),
            title: s("架空市行財政改革試験計画"),
        },
        P::NotASheet,
        P::OtherFormat {
            found: s("plans-sheet-0"),
        },
        P::SheetMissing { sheet: "指標" },
        P::ProgressOff,
        P::YearRefused {
            year: 2027,
            error: Box::new(RunError::YearNotOpen {
                year: 2027,
                open: 2026,
            }),
        },
        P::OtherYear {
            year: 2026,
            taken: 2027,
            asked: false,
        },
        P::OtherYear {
            year: 2027,
            taken: 2026,
            asked: true,
        },
        P::OtherScale {
            found: vec![s("A"), s("B"), s("C")],
            scale: vec![s("A"), s("B"), s("C"), s("D")],
        },
        P::NoPlans {
            department: s("架空財務課"),
            year: 2026,
        },
        P::PlanNumberMissing,
        P::PlanNotInSheet {
            id: s("1-1-1"),
            department: s("架空財務課"),
        },
        P::PlanTwice {
            id: s("2-1-1"),
            first: s("A2"),
        },
        P::RowMixed {
            id: s("2-1-1"),
            title: s("架空補助金の適正化"),
            other: s("2-1-2"),
        },
        P::StatusMissing,
        P::UnknownStatus {
            typed: s("E"),
            choices: vec![s("A 架空の段階その一"), s("B 架空の段階その二")],
        },
        P::SummaryMissing,
        P::TooLong {
            length: 2100,
            max: 2000,
        },
        P::NotANumber { typed: s("約百") },
        P::PlaceWord {
            typed: s("1.2万件"),
            written: s("12000"),
        },
        P::UnitMismatch {
            typed: s("96人"),
            unit: s("件"),
        },
        P::UnitMismatch {
            typed: s("5人"),
            unit: s(""),
        },
        P::DateNotNumber,
        P::PercentUnknown {
            value: s("0.96"),
            percent: s("96"),
            format: ".xls",
        },
        P::Formula {
            formula: s("=SUM(100,200)"),
        },
        P::MoreFormulas {
            sheet: "指標",
            more: 1_234,
        },
        P::UnitMissing,
        P::IndicatorNameMissing,
        P::Changed {
            id: s("2-1-1"),
            year: 2026,
        },
        P::TwoWorkbooks {
            id: s("2-1-1"),
            other: s("架空財務課-2026.xlsx"),
        },
        P::CheckRefused {
            id: s("2-1-1"),
            file: s("plans/goal-2/2-1-1.json"),
            row: true,
        },
        P::CheckRefused {
            id: s("2-1-1"),
            file: s("plans/goal-2/2-1-1.json"),
            row: false,
        },
    ]
}

#[test]
fn every_problem_in_a_returned_workbook_in_both_languages() {
    let mut out = String::new();
    for lang in [Lang::Ja, Lang::En] {
        out.push_str(&format!("==== {lang:?}: problems in returned workbooks\n"));
        for p in sheet_problems() {
            let what = format!("{lang:?} {}", p.code());
            let text = (lang.catalogue().sheet_problem)(&p);
            out.push_str(&format!("[{}] {}", p.code(), checked(lang, &what, &text)));
        }
    }
    for p in sheet_problems() {
        assert_ne!(
            (Lang::Ja.catalogue().sheet_problem)(&p),
            (Lang::En.catalogue().sheet_problem)(&p),
            "{p:?}"
        );
    }
    let sampled: BTreeSet<String> = sheet_problems()
        .iter()
        .map(|p| p.code().to_string())
        .collect();
    assert_eq!(sampled, codes_in_source("impl SheetProblem {"));
    insta::assert_snapshot!(out);
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
    // A code is one message's, across every rule: `--format json` and the docs tell them apart
    // by it.
    let mut owners: std::collections::BTreeMap<&str, &str> = Default::default();
    for rule in RULES {
        for code in (rule.codes)() {
            if let Some(other) = owners.insert(code, rule.id) {
                panic!("the code {code} is both {other}'s and {}'s", rule.id);
            }
        }
    }
    let sampled: BTreeSet<String> = messages().iter().map(|m| m.code().to_string()).collect();
    let codes: BTreeSet<String> = RULES
        .iter()
        .flat_map(|rule| (rule.codes)())
        .map(str::to_string)
        .collect();
    assert_eq!(sampled, codes);
    let sampled: BTreeSet<String> = run_errors().iter().map(|e| e.code().to_string()).collect();
    assert_eq!(sampled, codes_in_source("impl RunError {"));
}
