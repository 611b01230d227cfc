//! Japanese (the first language): the words for every message. Messages say what is wrong;
//! hints say how to fix it, in words for people who edit the files in GitHub's web editor,
//! not for programmers. Both are polite sentences (です・ます) ending in 「。」; fields are
//! named as in the files, in double quotes ("title"), and values of the data are in 「」.

use super::{
    Amount, Belongs, Catalogue, Change, DiffWords, Entry, Field, Figures, FileState, Help,
    IoReason, JsonType, Labels, Lang, LargeChart, Mended, NewWords, Note, Phase, ProgressWords,
    Rewrite, RulesWords, RunError, SheetProblem, Text, Usage, description_in, quoted,
};
use crate::model::{CommentBy, PlanId, Special};

pub(crate) use super::{grouped, only, with_hint};

/// Who owns the plan, as the outline names it (`"owner"`), or in general words.
pub(crate) fn owner(owner: Option<&str>) -> String {
    owner.map_or_else(|| "計画を所管する課".to_string(), str::to_string)
}

/// A fiscal year in the Western calendar and in Japan's era, 「2026 年度（令和8年度）」
/// (2019 is 令和元年度; a year before it is said in the Western calendar only).
pub(crate) fn fiscal_year(year: i64) -> String {
    match reiwa(year) {
        Some(era) => format!("{year} 年度（{era}）"),
        None => format!("{year} 年度"),
    }
}

/// A fiscal year with its months, 「2026 年度（令和8年度、2026年4月〜2027年3月）」.
pub(crate) fn fiscal_year_months(year: i64) -> String {
    let months = format!("{year}年4月〜{}年3月", year + 1);
    match reiwa(year) {
        Some(era) => format!("{year} 年度（{era}、{months}）"),
        None => format!("{year} 年度（{months}）"),
    }
}

/// The Japanese heading of a section of the manual page (`plans man --lang ja`), for the
/// headings the manual's writer gives in English.
pub fn man_section(heading: &str) -> Option<&'static str> {
    Some(match heading {
        "NAME" => "名前",
        "SYNOPSIS" => "書式",
        "DESCRIPTION" => "説明",
        "OPTIONS" => "オプション",
        "COMMANDS" | "Commands" | "SUBCOMMANDS" => "コマンド",
        "VERSION" => "バージョン",
        "AUTHORS" => "作者",
        _ => return None,
    })
}

/// 「令和8年度」 for 2026 (2019 is 令和元年度); `None` before 令和.
pub(crate) fn reiwa(year: i64) -> Option<String> {
    match year - 2018 {
        1 => Some("令和元年度".into()),
        n if n > 1 => Some(format!("令和{n}年度")),
        _ => None,
    }
}

/// The words for an error that stopped a command.
pub fn run_error(e: &RunError) -> Text {
    match e {
        RunError::RootMissing { root } => with_hint(
            format!("フォルダー {root} がありません。"),
            "-C で計画のリポジトリの一番上のフォルダーを指定するか、そのフォルダーでコマンドを実行してください。",
        ),
        RunError::RootNotFolder { root } => with_hint(
            format!("{root} はフォルダーではなくファイルです。"),
            "-C には、計画のリポジトリの一番上のフォルダー（plans/ があるフォルダー）を指定します。",
        ),
        RunError::RootUnreadable { root, reason } => with_hint(
            format!("{}を読めません（{}）。", here(root), io_reason(*reason)),
            "フォルダーを読む権限があるか確かめてください。",
        ),
        RunError::NoPlansFolder { root } => with_hint(
            format!("{}に plans/ フォルダーがありません。", here(root)),
            "計画のリポジトリの一番上のフォルダーでこのコマンドを実行するか、-C でそのフォルダーを指定してください。",
        ),
        RunError::PlansIsLink { root } => with_hint(
            format!(
                "{}の plans/ はシンボリックリンクです。リンクの先は読みません。",
                here(root)
            ),
            "リンクを、フォルダーそのものに置き換えてください。",
        ),
        RunError::PlansNotFolder { root } => with_hint(
            format!("{}の plans はフォルダーではなくファイルです。", here(root)),
            "plans/ は計画のファイルを入れるフォルダーです。リポジトリの履歴から元に戻してください。",
        ),
        RunError::Output { reason } => only(format!(
            "出力を書き込めませんでした（{}）。",
            io_reason(*reason)
        )),
        RunError::OutputFolderMissing { folder } => with_hint(
            format!("フォルダー {folder} がありません。"),
            "書き出す先は、すでにあるフォルダーの中を指定してください。フォルダー名の打ち間違いがないか確かめてください。".to_string(),
        ),
        RunError::OutputIsFolder { path } => with_hint(
            format!("{path} はフォルダーです。"),
            format!("書き出すファイルの名前まで指定してください（例: -o {}/plans.csv）。", path.trim_end_matches('/')),
        ),
        RunError::OutputIsFile { path } => with_hint(
            format!("{path} はフォルダーではなくファイルです。"),
            "公開ページや進捗管理シートは、フォルダーに書き出します。-o にはフォルダーの名前を指定してください（ないときは作ります）。".to_string(),
        ),
        RunError::NotAFolder { path } => with_hint(
            format!("{path} はフォルダーではなくファイルです。"),
            format!(
                "ファイル {path} を削除するか、名前を変えてください。フォルダー {path}/ は build のときに作られます。"
            ),
        ),
        RunError::FolderIsLink { path } => with_hint(
            format!("{path}/ はシンボリックリンクです。リンクの先には何も書き込みません。"),
            format!(
                "リンクをフォルダーに置き換えるか、削除してください。フォルダー {path}/ がなければ、書き出すときに作られます。"
            ),
        ),
        RunError::FontUnreadable => only(
            "同梱のフォント assets/fonts/BIZUDPGothic-Regular.ttf を読めません。リポジトリの履歴から元に戻してください。",
        ),
        RunError::DrawingFailed { chart } => only(format!(
            "描画ライブラリの内部で {chart} の描画に失敗しました。プログラムの不具合として報告してください。"
        )),
        RunError::WriteFailed {
            path,
            reason: IoReason::IsFolder,
        } => with_hint(
            format!("{path} に書き込めません（同じ名前のフォルダーがあります）。"),
            "そのフォルダーの名前を変えるか別の場所へ移してから、もう一度同じコマンドを実行してください。",
        ),
        RunError::WriteFailed { path, reason } => with_hint(
            format!("{path} に書き込めません（{}）。", io_reason(*reason)),
            "書き込む先のフォルダーに書き込む権限があるか、ディスクに空きがあるかを確かめてください。書き出す先を選べるコマンドでは、-o で別の場所を指定することもできます。".to_string(),
        ),
        RunError::PartlyWritten {
            path,
            reason,
            written,
        } => with_hint(
            format!(
                "{path} に書き込めません（{}）。この実行で書き込むファイルのうち、その前の {written} 個は書き込み済みで、残りは元のままです。",
                io_reason(*reason)
            ),
            "書き込まれたファイルと元のままのファイルが混ざっています。リポジトリの中のファイルなら、git status で書き込まれたファイルを確かめ、git restore で元に戻してください。原因を取り除いてから、もう一度同じコマンドを実行します。",
        ),
        RunError::SiteAddress { given } => with_hint(
            format!("--site の「{given}」は、公開ページのアドレスとして使えません。"),
            "https:// で始まり、空白や < > ( ) [ ] \" ' ` を含まないアドレスを書いてください（例: https://example.github.io/plans/）。",
        ),
        RunError::ProgressOff { owner: o } => with_hint(
            "plans/outline.json に進捗の設定（\"progress\"）がないため、進捗を集計できません。",
            format!(
                "進捗の報告を始めるときは、{}が plans/outline.json に \"progress\"（計画期間、報告する年度、評価の段階）を書きます。書き方は docs/open-year.md にあります。",
                owner(o.as_deref())
            ),
        ),
        RunError::ProgressYear {
            option,
            year,
            from,
            to,
        } => with_hint(
            format!("{year} 年度は、計画期間（{from}〜{to} 年度）の外です。"),
            format!("{option} には {from} から {to} までの年度を指定してください。"),
        ),
        RunError::YearNotOpen { year, open } => with_hint(
            format!(
                "{}の報告は、まだ始まっていません。いま報告する年度は {}です。",
                fiscal_year(*year),
                fiscal_year(*open)
            ),
            format!(
                "--year には {open} 年度までの年度を指定してください。報告する年度は plans/outline.json の \"progress\" の \"reporting_year\" にあります。"
            ),
        ),
        RunError::OutputInData { path } => with_hint(
            format!("{path} は計画のデータのフォルダー plans/ の中です。"),
            "plans/ には計画のデータだけを置きます。書き出す先には plans/ の外を指定してください。".to_string(),
        ),
        RunError::OutputNotAFile { path } => with_hint(
            format!("{path} は普通のファイルではありません（リンク、パイプ、装置などです）。"),
            "書き出す先には普通のファイルの名前を指定してください。画面（標準出力）に出すときは -o を付けません。".to_string(),
        ),
        RunError::NewBadItem { value } => with_hint(
            format!("「{value}」は取組事項の番号ではありません。"),
            "重点推進目標と取組事項の番号をハイフンでつないで、--area 1-3 のように書いてください。",
        ),
        RunError::NewUnknownItem { goal, item } => with_hint(
            format!("取組事項 {goal}-{item} は体系にありません。"),
            "plans/outline.json と見比べてください。新しい取組事項は、先にそこへ加えます。",
        ),
        RunError::NewUnknownDepartment { name, suggestion } => with_hint(
            format!("「{name}」は担当課の登録簿にありません。"),
            match suggestion {
                Some(s) => format!("「{s}」のことでしょうか。担当課の名前は plans/departments.json にある名前と完全に同じにします。"),
                None => "plans/departments.json にある名前を使ってください。文書に新しい担当課が出てくる場合は、先にそこへ追加してください。".to_string(),
            },
        ),
        RunError::NewDuplicateTitle { title, other } => with_hint(
            format!("計画名「{title}」は、すでに計画 {other} の計画名です。"),
            "計画名は文書の中で重複しません。文書と見比べてください。",
        ),
        RunError::NewMissing { options } => with_hint(
            format!("{} が指定されていません。尋ねるための端末もありません。", options.join("、")),
            "plans new --area 1-3 --title … --department … のように、コマンドラインで指定してください。",
        ),
        RunError::DepartmentNotRegistered { name, suggestion } => with_hint(
            format!("「{name}」は担当課の一覧（plans/departments.json）にありません。"),
            match suggestion {
                Some(s) => format!("「{s}」のことでしょうか。課の今の名前を、担当課の一覧のとおりに指定してください。"),
                None => "課の今の名前を、担当課の一覧（plans/departments.json）のとおりに指定してください。".to_string(),
            },
        ),
        RunError::DepartmentRegistered { name } => with_hint(
            format!("「{name}」は、もう担当課の一覧にあります。"),
            format!("ほかの課を「{name}」に統合するときは、plans department merge … --into {name} を使います。"),
        ),
        RunError::BinaryToTerminal => with_hint(
            "Excel のブック（xlsx）は画面（端末）には出せません。",
            "-o で書き出すファイルの名前を指定してください（例: -o plans.xlsx）。出力をファイルにリダイレクトすることもできます（例: > plans.xlsx）。",
        ),
        RunError::CellTooLong { sheet, cell } => with_hint(
            format!("シート「{sheet}」のセル {cell} に入る文字列が、Excel のセルに入る 32,767 文字を超えます。"),
            "CSV か JSON で書き出してください（--format csv、--format json）。",
        ),
        RunError::SheetTooLong { sheet } => with_hint(
            format!("シート「{sheet}」の行が、Excel のシートに入る 1,048,576 行を超えます。"),
            "CSV か JSON で書き出してください（--format csv、--format json）。",
        ),
        RunError::WorkbookFailed => only(
            "ブックを書くライブラリの内部で失敗しました。プログラムの不具合として報告してください。",
        ),
        RunError::NothingToReport { year, department } => match department {
            Some(name) => with_hint(
                format!("{}に「{name}」が報告する計画はありません。", fiscal_year(*year)),
                "計画を報告するのは、計画ファイルの担当課の最初の課です。課の名前を plans/departments.json のとおりに指定してください。",
            ),
            None => with_hint(
                format!("{}に報告する計画がありません。", fiscal_year(*year)),
                "計画の追加や終了（\"added_in\"、\"ended\"）と年度を確かめてください。",
            ),
        },
        RunError::WorkbookUnreadable {
            path,
            reason: IoReason::IsFolder,
        } => with_hint(
            format!("{path} はフォルダーです。取り込むのはブックのファイルです。"),
            format!(
                "フォルダーの中のブックを指定してください（例: plans import {}/*.xlsx）。",
                path.trim_end_matches(['/', '\\'])
            ),
        ),
        RunError::WorkbookUnreadable { path, reason } => with_hint(
            format!("{path} を読めません（{}）。", io_reason(*reason)),
            "ファイルの名前と場所を確かめてください。",
        ),
        RunError::ChangedWhileRunning { path } => with_hint(
            format!("{path} が、検査のあとで変わったか、読めなくなりました。何も書き換えていません。"),
            "ほかの作業がファイルを書き換えていないか確かめて、もう一度実行してください。",
        ),
        RunError::SameName { name } => with_hint(
            format!("「{name}」を「{name}」にすることになり、何も変わりません。"),
            "名前を変えるときは新しい名前を、統合するときは統合する課と統合先（--into）を、別の名前で指定してください。",
        ),
        RunError::MergeOfOne { name, into } => with_hint(
            format!("統合する課が「{name}」の 1 つだけで、統合先の「{into}」は登録簿にありません。"),
            format!("名前を変えるだけなら plans department rename {name} {into} を使います。統合なら、統合する課をすべて指定してください。"),
        ),
        RunError::NewNoOutline => with_hint(
            "plans/outline.json か plans/departments.json を読めないため、計画を追加できません。",
            "plans check を実行し、示された誤りを先に直してください。",
        ),
        RunError::NewFixFirst { file, message: m } => {
            let text = m.text(Lang::Ja);
            with_hint(
                format!(
                    "計画を追加しません（何も書き込んでいません）。先に {file} を直してください。{}",
                    text.message
                ),
                format!(
                    "{}直したら、もう一度 plans new を実行してください（このままでは、計画の数と番号を正しく数えられません）。",
                    text.hint.unwrap_or_default()
                ),
            )
        }
        RunError::NewYesNo => only("y か n で答えてください。"),
        RunError::NewRejected { file, message: m } => {
            let text = m.text(Lang::Ja);
            Text {
                message: format!("{file}: {}", text.message),
                hint: text.hint,
            }
        }
        RunError::GitMissing => with_hint(
            "git が見つかりません。plans diff は git を使って版を読みます。",
            "git を入れてから、もう一度実行してください（Windows では Git for Windows、Debian や Ubuntu では apt-get install git）。",
        ),
        RunError::GitFailed => {
            only("git がリポジトリを読めませんでした。`git status` で状態を確かめてください。")
        }
        RunError::NotAGitRepository { root } => with_hint(
            format!("{}は git のリポジトリの中にありません。", here(root)),
            "plans diff は git に記録された版どうしを比べます。リポジトリのクローンの中で実行してください。",
        ),
        RunError::UnknownRevision { rev } => with_hint(
            format!("「{rev}」というコミット、ブランチ、タグはありません。"),
            "main、origin/main、コミットの ID など、git にある版を指定してください。`git log --oneline` で一覧が見られます。",
        ),
        RunError::RevisionNotFetched { rev } => with_hint(
            format!(
                "「{rev}」はこのクローンにありません（新しいコミットだけを取ってきた浅いクローンです）。"
            ),
            "先に `git fetch --unshallow` で履歴をすべて取ってきてください（GitHub Actions では checkout に fetch-depth: 0 を指定します）。",
        ),
        RunError::NoPlansAtRevision { rev } => with_hint(
            format!("「{rev}」の plans/ には計画のファイルがありません。"),
            "データがすでにある版と比べてください。",
        ),
        RunError::RevisionUnreadable { rev, file, why } => with_hint(
            format!(
                "「{rev}」の {file} を計画のデータとして読めないため、二つの版を比べられません。{}",
                why.as_ref().map(|m| m.text(Lang::Ja).message).unwrap_or_default()
            ),
            "その版のファイルを先に直してください（その版で plans check を実行すると、どこが誤りかが分かります）。",
        ),
        RunError::NotADataFile { path } => with_hint(
            format!("{path} は plans/ の中のデータのファイルではありません。"),
            "plans fmt は plans/ の中の JSON ファイルを整えます。plans/goal-1/1-1-1.json のように、リポジトリの一番上から見た場所で指定してください。",
        ),
        RunError::TemporaryLeft { path, reason } => with_hint(
            format!(
                "中断した実行が残した一時ファイル {path} を削除できません（{}）。",
                io_reason(*reason)
            ),
            "手で削除してから、もう一度同じコマンドを実行してください。",
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
            let mut s = format!(
                "OK: {}（重点推進目標 {goals} 件）",
                count(*plans, "計画", "件")
            );
            if *warnings > 0 {
                s.push_str(&format!("、{}", count(*warnings, "警告", "件")));
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
                parts.push(count(*errors, "エラー", "件"));
            }
            if *warnings > 0 {
                parts.push(count(*warnings, "警告", "件"));
            }
            format!(
                "{}（{}）",
                parts.join("、"),
                count(*files, "ファイル", "個")
            )
        }
        Note::BuildRefused => {
            "データに誤りがあるため、図を作りませんでした（何も書き出していません）。誤りを直してから、もう一度 plans build を実行してください。".into()
        }
        Note::CheckRefused => {
            "データに誤りがあるため、図を比べませんでした。先に誤りを直してください。".into()
        }
        Note::MissingGlyph {
            character,
            text,
            file,
        } => {
            let code = *character as u32;
            match file {
                Some(file) => format!(
                    "{file}: 「{text}」の「{character}」（U+{code:04X}）は図のフォントにないため、描けません。このファイルに打ち間違いや珍しい文字がないか確かめてください。"
                ),
                None => format!(
                    "「{text}」の「{character}」（U+{code:04X}）は図のフォントにないため、描けません。"
                ),
            }
        }
        Note::ChartsCurrent { files } => format!("OK: 生成するファイル {files} 個（charts/ の図と報告書、.vscode/plan.schema.json）はすべて最新です。"),
        Note::Stale { path, state } => {
            let state = match state {
                FileState::Missing => "ありません。".to_string(),
                FileState::OutOfDate => "古くなっています。".to_string(),
                FileState::NoLongerDrawn => {
                    "もう描かない図です（plans build で削除します）。".to_string()
                }
                FileState::NotAFile => {
                    "普通のファイルではありません（リンク、パイプまたはフォルダーです）。".to_string()
                }
                FileState::Unreadable(reason) => {
                    format!("読めません（{}）。", io_reason(*reason))
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
                "{files} 個のファイルを作り直す必要があります。`plans build{scale}` を実行し（リポジトリのクローンでは `cargo run --release -- build{scale}`）、charts/ と .vscode/ をコミットしてください。"
            )
        }
        Note::ChartsWritten { written, unchanged } => {
            format!(
                "charts/ と .vscode/ にファイルを {written} 個書き出しました（{unchanged} 個は変更なし）。"
            )
        }
        Note::OutputRefused => {
            "データに誤りがあるため、書き出しませんでした。誤りを直してから、もう一度実行してください。".into()
        }
        Note::Written { path } => format!("{path} に書き出しました。"),
        Note::SheetWritten { path, plans } => {
            format!("{path} に書き出しました（計画 {plans} 件）。")
        }
        Note::ImportNotCanonical { path } => format!(
            "{path} が決まった形になっていないため、取り込むとその年度の進捗のほかも書き換わります。何も書き込みませんでした。先に plans fmt {path} で整えてコミットしてから、もう一度取り込んでください。"
        ),
        Note::ImportRefused { problems, workbooks } => format!(
            "誤り {problems} 件（ブック {workbooks} 個）のため、何も書き込みませんでした。上の直し方のとおりにしてから、もう一度まとめて取り込んでください。"
        ),
        Note::Imported {
            workbooks,
            entries,
            files,
        } => {
            if *entries == 0 {
                format!("ブック {workbooks} 個を読みました。進捗が書き込まれた計画がないため、書き換えたファイルはありません。担当課が書き込まずに返したブックでないか、確かめてください。")
            } else if *files == 0 {
                format!("ブック {workbooks} 個を読みました。計画ファイルと同じ内容で、書き換えたファイルはありません（計画 {entries} 件）。")
            } else {
                format!("ブック {workbooks} 個から、計画 {entries} 件の進捗を読み、計画ファイル {files} 個を書き換えました。")
            }
        }
        Note::ProgressIncomplete { year, unreported } => format!(
            "{year} 年度の進捗が未報告の計画が {unreported} 件あります（--require-complete）。"
        ),
        Note::SiteWritten { folder, files } => {
            format!("{folder} にページとファイルを書き出しました（{files} 個）。ブラウザーで {folder}index.html を開くと見られます。")
        }
        Note::PlanCreated { path, id } => format!("計画 {id} を {path} に書きました。"),
        Note::Reorganised {
            from,
            to,
            since,
            plans,
            into_registered,
        } => {
            let from: Vec<String> = from.iter().map(|f| format!("「{f}」")).collect();
            let how = if from.len() == 1 && !into_registered {
                "の名前を"
            } else {
                "を統合して"
            };
            format!(
                "{}{how}、{}から「{to}」にしました。担当課の一覧（plans/departments.json）と、計画 {plans} 件のファイルを書き換えました。",
                from.join("と"),
                fiscal_year(*since)
            )
        }
        Note::RaiseCounts {
            goal,
            expected_plans,
            expected_total,
        } => format!(
            "plans check を通すには、plans/outline.json の重点推進目標 {goal} の \"expected_plans\" を {expected_plans} に、\"expected_total\" を {expected_total} にしてください（--update-counts を付けると自動で直します）。"
        ),
        Note::CountsRaised {
            goal,
            expected_plans,
            expected_total,
        } => format!(
            "plans/outline.json の重点推進目標 {goal} の \"expected_plans\" を {expected_plans} に、\"expected_total\" を {expected_total} にしました。"
        ),
        Note::Mended { path, place, what } => {
            let at = match place {
                Some((line, column)) => format!("{path}:{line}:{column}"),
                None => path.clone(),
            };
            let said = match what {
                Mended::Bom => "ファイルの先頭の BOM（見えない印）を取りました。".to_string(),
                Mended::LineEnds { count } => {
                    format!("Windows の改行（\\r\\n）{count} か所を、改行（\\n）にしました。")
                }
                Mended::Syntax { found, ascii } => {
                    format!("「{found}」を半角の「{ascii}」にしました。")
                }
                Mended::Quotes { count } => format!(
                    "この行の全角や印刷用の引用符（“ ” など）{count} 個を、半角の「\"」にしました。"
                ),
                Mended::Spaces { lines } => format!(
                    "{lines} 行の字下げなどにあった、半角でない空白（ノーブレークスペースや全角スペース）を、半角スペースにしました。"
                ),
                Mended::TrailingComma => "閉じかっこの直前のカンマを取りました。".to_string(),
                Mended::Thousands { found, figure } => {
                    format!("数「{found}」の桁区切りのカンマを取り、{figure} にしました。")
                }
                Mended::Unit { unit } => {
                    format!("数の後に書かれていた単位「{unit}」を取りました。")
                }
                Mended::Paragraph => {
                    "文字列の中の改行を、段落の区切り（\\n）にしました。".to_string()
                }
                Mended::Status { year, found, code } => format!(
                    "{year} 年度の評価「{found}」を、記号の \"{code}\" にしました。"
                ),
                Mended::UnitField { year, unit } => format!(
                    "{year} 年度の、単位がなかった \"unit\" に、数の後に書かれていた「{unit}」を書きました。"
                ),
                Mended::FieldsAfterEnd => {
                    "ファイルの最後の } の後にあった項目を、その } の前に移しました。".to_string()
                }
                Mended::YearMoved { year } => format!(
                    "\"progress\" の外にあった {year} 年度の進捗を、\"progress\" の中に移しました。"
                ),
                Mended::FieldsMoved { year, fields } => format!(
                    "ファイルの一番外側にあった {} を、報告する年度（{year} 年度）の進捗として \"progress\" の中に移しました。",
                    fields
                        .iter()
                        .map(|f| format!("\"{f}\""))
                        .collect::<Vec<_>>()
                        .join("、")
                ),
            };
            format!("{at}: {said}")
        }
        Note::FixLeft { path } => format!(
            "{path}: 意味が一つに決まらない誤りもあるため、このファイルには手を付けていません。`plans check` の示すとおりに直してから、もう一度 `plans fix` を実行してください。"
        ),
        Note::FixDone { files: 0, .. } => {
            "直したファイルはありません。残りの誤りは `plans check` で確かめてください。".to_string()
        }
        Note::FixDone { files, mends } => format!(
            "ファイル {files} 個の {mends} か所を直しました。文章の言葉は変えていません。残りの誤りは `plans check` で確かめてください。"
        ),
        Note::Formatted { path } => format!("{path} を整えました。"),
        Note::FormatWritten { written, unchanged } => format!(
            "ファイルを {written} 個整えました（{unchanged} 個はすでに決まった形でした）。"
        ),
        Note::NotCanonical {
            path,
            line,
            found,
            wanted,
            moved,
        } => {
            let shown = |l: &Option<String>| match l {
                Some(l) if l.trim().is_empty() => "（空の行）".to_string(),
                Some(l) => format!("「{}」", l.trim()),
                None => "（ファイルの終わり）".to_string(),
            };
            match (found, wanted) {
                (None, Some(w)) if w.is_empty() => format!(
                    "{path}:{line}: 決まった形になっていません。ファイルの最後の行の後に改行がありません（`plans fmt` は改行を入れます）。"
                ),
                // The members in another order: moved, never replaced.
                (Some(_), Some(w)) if *moved => format!(
                    "{path}:{line}: 決まった形になっていません。{line} 行目から、項目の並び順が決まった形と違います（決まった形では、ここに「{}」が来ます）。行は消さずに、`plans fmt` で並べ替えるか、その行をここへ移してください。",
                    w.trim()
                ),
                // The same words: only the spaces around them differ, which cannot be seen.
                (Some(f), Some(w)) if f.trim() == w.trim() && !w.trim().is_empty() => {
                    let (found_lead, wanted_lead) = (super::indentation(f), super::indentation(w));
                    if found_lead == wanted_lead {
                        format!(
                            "{path}:{line}: 決まった形になっていません。{line} 行目「{}」の終わりに空白があります（`plans fmt` は消します）。",
                            w.trim()
                        )
                    } else {
                        format!(
                            "{path}:{line}: 決まった形になっていません。{line} 行目「{}」の頭の空白（字下げ）が {} 文字{}ですが、`plans fmt` は半角スペース {} 個にします。",
                            w.trim(),
                            found_lead.chars().count(),
                            if found_lead.contains('\t') { "（タブを含みます）" } else { "" },
                            wanted_lead.chars().count()
                        )
                    }
                }
                _ => format!(
                    "{path}:{line}: 決まった形になっていません。{line} 行目は{}ですが、`plans fmt` は{}と書きます（行の頭の空白の数も含めて、この形にそろえます）。",
                    shown(found),
                    shown(wanted)
                ),
            }
        }
        Note::LineEnds { path } => format!(
            "{path}: 決まった形になっていません。改行が Windows の形（\\r\\n）か、ファイルの先頭に BOM（見えない印）があります。中身は正しいので、`plans fix` か `plans fmt` で直せます（GitHub の画面で編集したファイルでは起きません）。"
        ),
        Note::FormatNumber { path } => format!(
            "{path}: 決まった形では書き方が変わってしまう数（1e2 や 72.50 など）があるため、そのままにしました。数は 57 や 72.5 のように、指数や末尾の 0 を付けずに書いてください。"
        ),
        Note::FormatCheckFailed { files } => format!(
            "{files} 個のファイルが決まった形になっていません。`plans fmt` を実行し（リポジトリのクローンでは `cargo run --release -- fmt`）、ファイルをコミットしてください。"
        ),
        Note::FormatCheckOk { files } => {
            format!("OK: データのファイル {files} 個はすべて決まった形です。")
        }
        Note::FormatRefused { files } => format!(
            "{files} 個のファイルは読めないか JSON ではないため、そのままにしました。上に示したとおりに直してから、もう一度 `plans fmt` を実行してください。"
        ),
        Note::ChartTooLarge {
            name,
            chart,
            count,
            pages,
            limit,
        } => {
            let (what, counted) = match chart {
                LargeChart::Structure => ("全体の体系図".to_string(), format!("計画が {count} 件")),
                LargeChart::StructureOf { goal } => (
                    format!("重点推進目標 {goal} の体系図"),
                    format!("計画が {count} 件"),
                ),
                LargeChart::ByGoal => ("重点推進目標別の計画数".to_string(), format!("取組事項が {count} 件")),
                LargeChart::ByDepartment => (
                    "担当課別の計画数".to_string(),
                    format!("担当課が {count} 課"),
                ),
                LargeChart::Goal { goal } => (
                    format!("重点推進目標 {goal} の担当課別の計画数"),
                    format!("担当課が {count} 課"),
                ),
                LargeChart::Progress { year } => (
                    format!("{year} 年度の進捗"),
                    format!("重点推進目標と取組事項が合わせて {count} 件"),
                ),
            };
            let see = if *chart == LargeChart::Structure {
                "重点推進目標ごとの体系図（structure-1 など）をご覧ください。"
            } else {
                ""
            };
            format!(
                "図 {name}（{what}）は描きません。{counted}あり、A4 縦で {pages} ページ以上になるためです（1 枚の図は {limit} ページまでとしています）。{see}"
            )
        }
        Note::ChartRemoved { path } => format!("もう描かない図 {path} を削除しました。"),
        Note::TemporaryRemoved { path } => {
            format!("中断した実行が残した一時ファイル {path} を削除しました。")
        }
        Note::Timing { phase, micros } => {
            let phase = match phase {
                Phase::Walk => "フォルダーの走査、読み込み、解析、ファイルごとの規則",
                Phase::PerFile => "解析、ファイルごとの規則",
                Phase::Collect => "ファイルをまたぐ規則が使う情報の収集",
                Phase::CrossFile => "ファイルをまたぐ規則（並行して実行）",
                Phase::Rule(id) => id,
                Phase::Place => "指摘の行・列の算出と並べ替え",
            };
            format!("{:>9.2} ms  {phase}", *micros as f64 / 1000.0)
        }
        Note::TimingTotal {
            micros,
            files,
            threads,
        } => format!(
            "{:>9.2} ms  合計、出力を含む（問題のある{}、{}）",
            *micros as f64 / 1000.0,
            count(*files, "ファイル", "個"),
            count(*threads, "スレッド", "個")
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
            "Excel のブック（xlsx、xls、ods）として読めません。壊れているか、別の種類のファイルです。",
            "Excel で開けるか確かめ、「Excel ブック (*.xlsx)」で保存し直してから送ってもらってください。",
        ),
        SheetProblem::TooLarge { sheet } => with_hint(
            format!(
                "「{sheet}」のシートが大きすぎます。作ったときの表から、行か列が大幅に離れた所に何か書かれています。"
            ),
            "送ったブックの表の中だけに書き込み、表の外に書いたものは消してから、送り直してもらってください。",
        ),
        SheetProblem::OtherPlan { found, title } => with_hint(
            format!("このブックは「{found}」から作られたもので、「{title}」のものではありません。"),
            "このリポジトリで `plans sheet` を実行して作ったブックで、もう一度報告してもらってください。",
        ),
        SheetProblem::NotASheet => with_hint(
            "plans sheet で作った進捗管理シートではありません（「識別」のシートがありません）。",
            "plans sheet で作ったブックに書き込んでもらってください。ほかのブックから写すときは、値だけを貼り付けます。",
        ),
        SheetProblem::OtherFormat { found } => with_hint(
            format!("このブックは、別の版の plans sheet で作られています（{found}）。"),
            "いまの plans sheet でブックを作り直して、書き込んでもらってください。",
        ),
        SheetProblem::SheetMissing { sheet } => with_hint(
            format!("「{sheet}」のシートがありません。"),
            "シートを削除したり名前を変えたりしないでください。送ったブックに書き込み直してもらってください。",
        ),
        SheetProblem::ProgressOff => with_hint(
            "進捗の報告が始まっていません（plans/outline.json に \"progress\" がありません）。",
            "進捗の報告を始めてから取り込んでください（docs/open-year.md）。",
        ),
        SheetProblem::YearRefused { year, error } => {
            let text = run_error(error);
            with_hint(
                format!(
                    "このブックは {}のものです。{}",
                    fiscal_year(*year),
                    text.message
                ),
                "その年度の報告を受け付けているか確かめてください。受け付けている年度のブックを plans sheet で作り直します。",
            )
        }
        SheetProblem::OtherYear {
            year,
            taken,
            asked: false,
        } => with_hint(
            format!(
                "このブックは {}のものです。いま報告する年度は {}です。",
                fiscal_year(*year),
                fiscal_year(*taken)
            ),
            format!(
                "{taken} 年度の報告なら、plans sheet で {taken} 年度のブックを作って送り直してください。{year} 年度の進捗を訂正したブックなら、plans import --year {year} で、その年度のブックだけを取り込みます。"
            ),
        ),
        SheetProblem::OtherYear {
            year,
            taken,
            asked: true,
        } => with_hint(
            format!(
                "このブックは {}のものです。--year で取り込む年度は {}です。",
                fiscal_year(*year),
                fiscal_year(*taken)
            ),
            format!(
                "年度ごとに分けて取り込んでください。このブックは plans import --year {year} で取り込みます。"
            ),
        ),
        SheetProblem::OtherScale { found, scale } => with_hint(
            format!(
                "このブックの評価の段階（{}）が、いまの段階（{}）と違います。",
                found.join("、"),
                scale.join("、")
            ),
            "plans sheet でブックを作り直して、書き込んでもらってください。",
        ),
        SheetProblem::NoPlans { department, year } => with_hint(
            format!(
                "「{department}」が {}に報告する計画はありません。",
                fiscal_year(*year)
            ),
            "課の名前が変わったか、計画の担当課が変わっています。plans sheet でブックを作り直してください。",
        ),
        SheetProblem::PlanNumberMissing => with_hint(
            "計画番号のない行に書き込みがあります。",
            "計画番号のある行に書き込んでください。行を追加しないでください。",
        ),
        SheetProblem::PlanNotInSheet { id, department } => with_hint(
            format!(
                "計画 {id} は、このブックの担当課「{department}」が報告する計画ではありません。"
            ),
            "計画番号を変えないでください。ほかの課の計画は、その課のブックに書きます。",
        ),
        SheetProblem::PlanTwice { id, first } => with_hint(
            format!("計画 {id} の行が 2 つあります（最初は {first}）。"),
            "行を写して増やさないでください。1 つの行にまとめてください。",
        ),
        SheetProblem::RowMixed { id, title, other } => with_hint(
            format!(
                "計画番号 {id} の行の計画名が「{title}」（計画 {other} の名前）になっています。一部の列だけが並べ替えられたか、移されています。"
            ),
            "計画番号と計画名が合うように、並べ替える前の形に戻してください（戻せないときは、plans sheet で作ったブックに書き直してもらいます）。",
        ),
        SheetProblem::StatusMissing => with_hint(
            "評価が空です。",
            "セルを選ぶと出る一覧から評価を選んでください。",
        ),
        SheetProblem::UnknownStatus { typed, choices } => with_hint(
            format!("評価「{typed}」は、評価の段階にありません。"),
            format!(
                "{}のどれかを一覧から選んでください。",
                choices
                    .iter()
                    .map(|c| format!("「{c}」"))
                    .collect::<String>()
            ),
        ),
        SheetProblem::SummaryMissing => with_hint(
            "取組内容・実績が空です。",
            "その年度の取組内容と実績を書いてください。必ず書く項目です。",
        ),
        SheetProblem::TooLong { length, max } => with_hint(
            format!("{length} 字あります。{max} 字までです。"),
            format!("{max} 字以内に縮めてください。"),
        ),
        SheetProblem::NotANumber { typed } => with_hint(
            format!("「{typed}」は数値として読めません。"),
            "数字だけを書いてください（例: 1200）。分からないときは空けておきます。",
        ),
        SheetProblem::UnitMismatch { typed, unit } if unit.trim().is_empty() => with_hint(
            format!("「{typed}」に単位が付いていますが、単位の列が空です。"),
            "単位は単位の列に書き、このセルには数字だけを書いてください。",
        ),
        SheetProblem::PlaceWord { typed, written } => with_hint(
            format!("「{typed}」の「万」「億」は、数値として取り込めません。"),
            format!(
                "「{written}」のように、数字だけで書いてください（単位は単位の列に書きます）。"
            ),
        ),
        SheetProblem::UnitMismatch { typed, unit } => with_hint(
            format!("「{typed}」の単位が、単位の列にある「{unit}」と違います。"),
            format!(
                "「{unit}」で数えた数字だけを書いてください。単位が違うときは、単位の列を直します。"
            ),
        ),
        SheetProblem::DateNotNumber => with_hint(
            "数値のセルが日付になっています（入力した数字を表計算ソフトが日付に変えました）。",
            "セルを右クリックして「セルの書式設定」を開き、表示形式を「標準」にしてから、数字だけを入力し直してください（表示形式が日付のままだと、入力し直しても日付になります）。",
        ),
        SheetProblem::PercentUnknown {
            value,
            percent,
            format,
        } => with_hint(
            format!(
                "単位が % の「{value}」が、そのまま {value}% なのか、「{percent}%」と入力されて表計算ソフトが {value} に変えたものなのかが、{format} 形式のブックからは分かりません（セルの表示の形を読み取れないためです）。"
            ),
            format!(
                "このブックを Excel で開き、「名前を付けて保存」で「Excel ブック (*.xlsx)」を選んで保存し直してから、そのファイルを取り込んでください（{format} 形式のままでは、単位が % の数値は 0 のほかは取り込めません）。"
            ),
        ),
        SheetProblem::MoreFormulas { sheet, more } => with_hint(
            format!("「{sheet}」のシートには、ほかに数式のセルが {more} 個あります。"),
            "数式をやめて値を入力してから（「値の貼り付け」で値にできます）、もう一度取り込んでください。",
        ),
        SheetProblem::Formula { formula } => with_hint(
            format!("数式「{formula}」が入っています。取り込むのは、セルに入力された値だけです。"),
            "数式ではなく、値をそのまま入力してください（数式の結果を使うときは、コピーして「値の貼り付け」で貼り付けます）。",
        ),
        SheetProblem::UnitMissing => with_hint(
            "財政効果額の単位が空です。",
            "単位を書いてください（例: 千円）。",
        ),
        SheetProblem::IndicatorNameMissing => with_hint(
            "指標名が空の行に数値があります。",
            "指標名と単位を書いてください。",
        ),
        SheetProblem::Changed { id, year } => with_hint(
            format!(
                "計画 {id} の {}の進捗が、このブックを作った後に計画ファイルで書き換えられています。",
                fiscal_year(*year)
            ),
            "どちらを残すか担当課と確かめてください。ブックの内容で上書きするときは plans import --replace で取り込みます。計画ファイルの内容を残すときは、plans sheet でブックを作り直して書き込み直してもらいます。",
        ),
        SheetProblem::CheckRefused {
            id,
            file,
            row: true,
        } => with_hint(
            format!(
                "計画 {id} の行の内容を取り込むと、{file} が検査（plans check）の誤りになります（上に示したとおりです）。"
            ),
            "上の直し方に従って、この行のセルを直してください。",
        ),
        SheetProblem::CheckRefused {
            id,
            file,
            row: false,
        } => with_hint(
            format!(
                "計画 {id} のこのセルの内容を取り込むと、{file} が検査（plans check）の誤りになります（上に示したとおりです）。"
            ),
            "上の直し方に従って、このセルを直してください。",
        ),
        SheetProblem::TwoWorkbooks { id, other } => with_hint(
            format!("計画 {id} の進捗が、{other} にもあります。"),
            "同じ計画を 2 つのブックから取り込めません。どちらか 1 つだけを取り込んでください。",
        ),
    }
}

const RULES: RulesWords = RulesWords {
    intro: |rules| {
        format!(
            "検査の規則は {rules} あります。メッセージには、かならず規則の名前（`json-syntax` など）が付いています。その名前の節を読んでください。\n\n\
             「（警告）」の付いた規則は、手元で検査するだけなら不合格になりません。ただし CI は警告も不合格にします（`--deny-warnings`）。警告も、マージの前に直してください。\n\n\
             1 つの誤りには、メッセージが 1 つだけ出ます。メッセージは、直すべきファイルに付きます。"
        )
    },
    warning: "（警告）",
    ensures: "意味",
    fix: "直し方",
};

const PROGRESS: ProgressWords = ProgressWords {
    heading: |year| format!("{year} 年度の進捗"),
    summary: |plans, reported, unreported| {
        format!("計画 {plans} 件のうち、報告済み {reported} 件、未報告 {unreported} 件です。")
    },
    scale: "評価の段階",
    by_goal: "重点推進目標ごと",
    by_area: "取組事項ごと",
    by_department: "担当課ごと",
    missing: "未報告の計画（報告する担当課ごと。計画の最初の担当課が報告します）",
    none_missing: "未報告の計画はありません。",
    unreported: "未報告",
    total: "計",
    goal: |n| format!("重点推進目標 {n}"),
    area: |n| format!("取組事項 {n}"),
    group: "区分",
    key: "番号・担当課",
    title: "名前",
    goals: "重点推進目標",
    areas: "取組事項",
    departments: "担当課",
    all: "合計",
    unreported_plan: "未報告の計画",
    count: |n| format!("{n} 件"),
    renamed: |then, now| format!("{}（現 {now}）", then.join("、")),
    separator: "、",
    aside: |s| format!("（{s}）"),
    space: "　",
};

const NEW: NewWords = NewWords {
    item: "取組事項の番号（重点推進目標-取組事項。例: 1-3）: ",
    title: "計画名（文書のとおりに）: ",
    registered: "登録されている担当課:",
    departments: "担当課（番号か名前。複数はカンマで区切り、文書の順に）: ",
    and_others: "文書で担当課の後に「等」がありますか（y/N）: ",
    subproject: "個別事業（なければそのまま Enter）: ",
    yes: "はい",
    no: "いいえ",
    again: "この値は使えません: ",
};

const LABELS: Labels = Labels {
    error: "エラー",
    warning: "警告",
    hint: "直し方",
    annotation: "plans check",
};

/// The folder a command runs in, as a message names it, ready for a particle.
pub(crate) fn here(root: &str) -> String {
    if root == "." {
        "現在のフォルダー".to_string()
    } else {
        format!("{root} ")
    }
}

pub(crate) fn io_reason(reason: IoReason) -> String {
    match reason {
        IoReason::NotFound => "存在しません".into(),
        IoReason::PermissionDenied => "権限がありません".into(),
        IoReason::ReadOnly => "読み取り専用のファイルシステムです".into(),
        IoReason::NoSpace => "ディスクがいっぱいです".into(),
        IoReason::BrokenPipe => "出力を読むプログラムが終了しています".into(),
        IoReason::IsFolder => "フォルダーです".into(),
        IoReason::Other(Some(code)) => format!("システムがエラー {code} を返しました"),
        IoReason::Other(None) => "システムがエラーを返しました".into(),
    }
}

pub(crate) fn special_name(which: Special) -> &'static str {
    match which {
        Special::Outline => "体系",
        Special::Register => "担当課の登録簿",
    }
}

/// How a place in a file is named in a message, as the subject before a particle (が, に,
/// は, の): with a space after it where it ends in a half-width character.
pub(crate) fn field_name(field: &Field) -> String {
    let name = match field {
        Field::File => "ファイル全体".into(),
        Field::Named(name) => format!("\"{name}\""),
        Field::Entry {
            of: Some(of),
            index,
        } => format!("\"{of}\" の {} 番目", index + 1),
        Field::Entry { of: None, index } => format!("{} 番目の要素", index + 1),
    };
    before_particle(&name)
}

pub(crate) fn field_hint(description: Option<&str>) -> String {
    match description {
        Some(d) => format!("この項目の説明: {}", description_in(d, Lang::Ja)),
        None => "検査に通る計画のファイルと見比べてください。".into(),
    }
}

/// What a JSON type is called for the people who edit the files.
pub(crate) fn type_name(t: JsonType) -> &'static str {
    match t {
        JsonType::String => "ダブルクォート（\"）で囲んだ文字列",
        JsonType::Integer => "整数",
        JsonType::Number => "数",
        JsonType::Boolean => "true か false",
        JsonType::Array => "[ ] で囲んだリスト",
        JsonType::Object => "{ } で囲んだオブジェクト",
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
        ' ' => "半角スペース".into(),
        '\u{3000}' => "全角スペース（U+3000）".into(),
        '\u{00A0}' => "ノーブレークスペース（U+00A0）".into(),
        '\u{2009}' => "細いスペース（U+2009）".into(),
        '\u{202F}' => "幅の狭いノーブレークスペース（U+202F）".into(),
        '\t' => "タブ".into(),
        '\n' => "改行".into(),
        c => format!("空白文字（U+{:04X}）", c as u32),
    }
}

/// `n` things with their counter, like 「計画 3 件」: Japanese nouns have no plural.
pub(crate) fn count(n: usize, noun: &str, counter: &str) -> String {
    format!("{noun} {n} {counter}")
}

/// Plan numbers joined with 「、」.
pub(crate) fn list(ids: &[PlanId]) -> String {
    let ids: Vec<String> = ids.iter().map(PlanId::to_string).collect();
    ids.join("、")
}

/// One plan number, or several as 「1-1-3、1-2-3、1-3-4 のいずれか」.
pub(crate) fn or_list(ids: &[PlanId]) -> String {
    let ids: Vec<String> = ids.iter().map(PlanId::to_string).collect();
    match ids.as_slice() {
        [] => String::new(),
        [one] => one.clone(),
        more => format!("{} のいずれか", more.join("、")),
    }
}

/// The subject of 「…がありません」: the items joined with 「、」, then 「が」 (after a
/// space when the last item ends in a half-width character).
pub(crate) fn are(ids: &[String]) -> String {
    format!("{}が", before_particle(&ids.join("、")))
}

/// `s` with a space on a side where it begins or ends with a half-width character, to stand
/// between Japanese words: 「"and_others" には true か false を書きます」.
pub(crate) fn spaced(s: &str) -> String {
    if s.starts_with(|c: char| c.is_ascii()) {
        format!(" {}", before_particle(s))
    } else {
        before_particle(s)
    }
}

/// `s` with a space after it where it ends with a half-width character, to stand before a
/// particle: 「1-1-3 が」, 「"title" が」, but 「ファイル全体が」.
pub(crate) fn before_particle(s: &str) -> String {
    if s.ends_with(|c: char| c.is_ascii()) {
        format!("{s} ")
    } else {
        s.to_string()
    }
}

const HELP: Help = Help {
    about: "郡山市行財政改革大綱2026実施計画: 計画のファイルを検査し、図を作ります。",
    usage_heading: "使い方:",
    commands_heading: "コマンド",
    options_heading: "オプション",
    options_placeholder: "[オプション]",
    command_placeholder: "<コマンド>",
    dir_value: "フォルダー",
    lang_value: "言語",
    format_value: "形式",
    color_value: "条件",
    dir: "計画のリポジトリの一番上のフォルダー（plans/ があるフォルダー）で実行します。",
    lang: "出力の言語です。ja（日本語）または en（英語）。指定しないときは、LC_ALL、LC_MESSAGES、LANG が ja で始まれば日本語になります。",
    help: "この説明を表示します。",
    version: "バージョンを表示します。",
    check: "plans/ の中のファイルをすべて検査し、問題をすべて示します（終了コード 0: 問題なし、1: 問題あり、2: 実行できなかった）。",
    format: "問題の示し方です。human（人が読む形）、json（プログラム向け）、github（GitHub Actions の注釈）。既定は human です。",
    deny_warnings: "警告があっても失敗（終了コード 1）にします。",
    timings: "各段階にかかった時間を標準エラー出力に示します。",
    color: "色を付けるかどうかです。auto（端末のときだけ）、always（常に）、never（付けない）。既定は auto です。",
    build: "検査してから、すべての図を charts/ に SVG と PNG で作り、報告書 charts/README.md とエディター用のスキーマ .vscode/plan.schema.json を作ります。",
    build_check: "何も書き込まず、図、報告書、エディター用のスキーマのどれかがないか古いときに、終了コード 1 で終わります。",
    scale: "PNG の解像度です。幅 1600 ピクセルの N 倍（1〜8。印刷用に大きくできます）。既定は 1 です。",
    new: "計画を追加します。取組事項の次の番号の計画ファイルを、決まった形で書きます。オプションを付けずに端末で実行すると、値を一つずつ尋ねます。",
    new_added_in: "計画の見直しで加わった計画の、加わった年度（西暦）です。計画ファイルに \"added_in\" を書き、計画の数（策定時の数）は変えません。",
    department: "機構改革で担当課の名前が変わったとき、課が統合されたときに、担当課の一覧とすべての計画を一度に書き換えます。",
    department_rename: "担当課の名前を変えます（担当課の一覧に前の名前と年度を残し、その課の名前がある計画をすべて書き換えます）。",
    department_merge: "担当課を 1 つに統合します（担当課の一覧に統合前の名前と年度を残し、その課の名前がある計画をすべて書き換えます）。",
    department_old: "今の名前です（担当課の一覧のとおり）。",
    department_new: "新しい名前です。",
    department_merged: "統合する課の今の名前です（統合先が今ある課なら、1 つでもかまいません）。",
    department_into: "統合後の課の名前です（新しい名前か、統合する課のどれか）。",
    department_from: "新しい名前になる年度（西暦）です。",
    new_area: "取組事項の番号です（重点推進目標-取組事項。例: 1-3）。",
    new_title: "計画名です。文書のとおりに書きます。",
    new_department: "担当課です（plans/departments.json にある名前）。担当課ごとに、文書の順に指定します。",
    new_and_others: "文書で担当課の後に「等」があるときに付けます。",
    new_subproject: "個別事業の名前です。個別事業ごとに指定します。",
    new_update_counts: "plans/outline.json の \"expected_plans\" と \"expected_total\" も 1 つ増やします。",
    title_value: "計画名",
    department_value: "担当課",
    subproject_value: "個別事業",
    export: "計画を CSV（1 行に計画 1 件）、Excel のブック（計画、年度ごとの進捗、指標のシート）か、一つの JSON 文書（ほかのシステム向け）で書き出します。",
    export_format: "csv、xlsx（Excel のブック。端末には出せないので -o かリダイレクトで書き出します）か json です。",
    output_file: "標準出力ではなく、このファイルに書き出します（途中で止まっても壊れません）。",
    export_no_bom: "CSV の先頭に BOM を付けません（Excel で日本語を読むには BOM が必要です。ほかのツールでは不要なことがあります）。",
    export_header: "CSV とブックの列名です。ja（日本語。既定）か en（英語）です。",
    report: "報告書 charts/README.md（計画数、図、計画の一覧、担当課別の索引）を作ります。--year を付けると、その年度の進捗の報告書（評価の集計、計画ごとの評価）を -o のファイルか画面に出します。",
    report_stdout: "ファイルに書かず、報告書を標準出力に出します。",
    report_site: "公開ページのアドレス（例: https://example.github.io/plans/）。付けると、計画番号から計画ごとのページにリンクします。",
    site: "公開用のページ（index.html と図、CSV、JSON）をフォルダーに書き出します。",
    site_output: "書き出す先のフォルダーです（既定は site/）。",
    progress: "ある年度の進捗を集計します。評価の段階ごとの計画数（重点推進目標・取組事項・担当課ごと）と、未報告の計画（担当課ごと）を示します。",
    year: "進捗を示す年度（西暦）です。指定しないときは、いま報告する年度（plans/outline.json の \"reporting_year\"）です。",
    progress_format: "出力の形式です。text（既定）、markdown、json、csv のどれかです。",
    progress_require_complete: "未報告の計画があれば、終了コード 1 で終わります（報告の締め切り日に使います）。",
    rules: "検査の規則の一覧を表示します（規則の名前、意味、直し方）。",
    rules_format: "出力の形式です。human（既定。画面で読む形）か markdown（手引きの「検査の規則と直し方」の節。規則ごとの説明も付きます）のどちらかです。",
    year_value: "年度",
    file_value: "ファイル",
    url_value: "アドレス",
    completions: "シェル（bash、zsh、fish、powershell）の補完スクリプトを表示します。plans のコマンドやオプションを Tab キーで補えるようになります。",
    completions_shell: "シェルの種類です。bash、zsh、fish、powershell のどれかです。",
    base_value: "比べる元",
    head_value: "比べる先",
    shell_value: "シェル",
    man: "マニュアルページ（roff 形式）を表示します。例: plans man > plans.1; man ./plans.1",
    diff: "git に記録された二つの版のあいだで、計画の何が変わったか（計画、担当課、「等」、個別事業、体系、計画の数）を示します。文字の違いではなく内容の違いを示します。",
    diff_base: "比べる元の版です。ブランチ、タグ、コミット（例: main、origin/main）。",
    diff_head: "比べる先の版です。指定しなければ、今のファイルと比べます。",
    diff_format: "変更の示し方です。text（文章）、markdown（プルリクエスト向け）、json（プログラム向け）。既定は text です。",
    fmt: "データのファイルを決まった形（字下げは半角空白 2 つ、項目はスキーマの順、BOM なしの UTF-8、改行は LF）に整えます。中身は変わりません。",
    fmt_check: "何も書き込まず、決まった形になっていないファイルを示します。あれば終了コード 1 で終わります。",
    fmt_files: "このファイルだけを整えます（指定しなければ plans/ の中の JSON ファイルすべて）。",
    fix: "意味が一つに決まる書き間違いを直します: 全角や印刷用の記号（“ ” ， ：）、全角数字、桁区切りのカンマ、数の後の単位、字下げの全角・ノーブレークスペース、BOM、Windows の改行、閉じかっこの前のカンマ、段階の言葉で書いた評価、\"progress\" の外に貼り付けた年度の進捗。文章の言葉は変えません。直したところを一つずつ示します。",
    fix_files: "このファイルだけを直します（指定しなければ plans/ の中の JSON ファイルすべて）。",
    fix_suggest: "何も書き込まず、直し方を GitHub のプルリクエストの提案（suggestion）として JSON で出します（CI が使います。提案は 20 件まで）。",
    files_value: "ファイル",
    sheet: "担当課ごとに、その年度に報告する計画の進捗管理シート（Excel のブック）を書き出します。計画ファイルに進捗があれば書き込んであります。",
    sheet_department: "この担当課のブックだけを書き出します。",
    sheet_output: "ブックを書き出すフォルダーです（「課名-年度.xlsx」）。",
    import: "担当課から戻った進捗管理シートを読み、その年度の進捗を計画ファイルに書き込みます。誤りがあれば、ブック・シート・セルを示して何も書き込みません。",
    import_files: "取り込むブック（xlsx、xls、ods）です。",
    import_replace: "ブックを作った後に計画ファイルで書き換えられた進捗も、ブックの内容で上書きします。",
    import_year: "取り込むブックの年度（西暦）です。指定しないときは、いま報告する年度（plans/outline.json の \"reporting_year\"）です。前の年度の進捗を訂正したブックを取り込むときに指定します。",
};

/// コマンドラインの誤りの言葉。
pub(crate) fn usage(u: &Usage) -> Text {
    let help = |command: &Option<String>| match command {
        Some(c) => format!("使えるものは `plans {c} --help` で確かめられます。"),
        None => "使えるものは `plans --help` で確かめられます。".to_string(),
    };
    match u {
        Usage::MissingCommand { commands } => with_hint(
            format!(
                "コマンドを指定してください（{} のいずれかです）。",
                commands.join("、")
            ),
            "それぞれのコマンドの働きは `plans --help` で確かめられます。",
        ),
        Usage::UnknownCommand {
            name,
            suggestion,
            commands,
        } => with_hint(
            format!("「{name}」というコマンドはありません。"),
            match suggestion {
                Some(s) => format!(
                    "`plans {s}` のことでしょうか。コマンドは {} です。",
                    commands.join("、")
                ),
                None => format!(
                    "コマンドは {} です。それぞれの働きは `plans --help` で確かめられます。",
                    commands.join("、")
                ),
            },
        ),
        Usage::UnknownArgument {
            command,
            argument,
            suggestion,
        } => with_hint(
            format!("{argument} というオプションはありません。"),
            match suggestion {
                Some(s) => format!("{s} のことでしょうか。{}", help(command)),
                None => help(command),
            },
        ),
        Usage::Unexpected { command, argument } => with_hint(
            format!("余分な引数「{argument}」があります。"),
            help(command),
        ),
        Usage::InvalidValue {
            command,
            argument,
            value,
            allowed,
        } => {
            let message = if value.is_empty() {
                format!("{}には値が必要です。", before_particle(argument))
            } else {
                format!("「{value}」は{}に指定できません。", spaced(argument))
            };
            with_hint(
                message,
                if allowed.is_empty() {
                    help(command)
                } else {
                    match allowed.as_slice() {
                        [a, b] => format!("{a} か {b} のどちらかを書いてください。"),
                        _ => format!("{} のどれかを書いてください。", allowed.join("、")),
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
            format!("「{value}」は{}に指定できません。", spaced(argument)),
            format!("{min} から {max} までの整数を、半角の数字で書いてください。"),
        ),
        Usage::MissingArgument { command, argument } => with_hint(
            format!("{}を指定してください。", before_particle(argument)),
            help(command),
        ),
        Usage::NoValueAllowed { command, argument } => with_hint(
            format!("{}には値を付けません。", before_particle(argument)),
            format!("{argument} だけを書いてください。{}", help(command)),
        ),
        Usage::MissingValue { command, argument } => with_hint(
            format!("{}には値が必要です。", before_particle(argument)),
            help(command),
        ),
        Usage::Repeated { command, argument } => with_hint(
            format!("{}が 2 回以上指定されています。", before_particle(argument)),
            format!("一度だけにしてください。{}", help(command)),
        ),
        Usage::Conflict {
            command,
            argument,
            other,
        } => with_hint(
            format!("{argument} と {other} は一緒に指定できません。"),
            format!("どちらか一方にしてください。{}", help(command)),
        ),
        Usage::NotUtf8 { command } => {
            with_hint("引数に UTF-8 でない文字が含まれています。", help(command))
        }
        Usage::Other { command } => with_hint("コマンドラインを読み取れません。", help(command)),
    }
}

const DIFF: DiffWords = DiffWords {
    heading: |base, head| format!("計画の変更（{base} → {head}）"),
    outline: "体系",
    plans: "計画",
    counts: "計画の数",
    nothing: "計画の内容に変更はありません。",
    what: "対象",
    before: "変更前",
    after: "変更後",
    working_tree: "作業中のファイル",
    failed_heading: "計画の変更",
    failed: "計画の変更を比べられませんでした。",
};

pub(crate) fn names(names: &[String]) -> String {
    let quoted: Vec<String> = names.iter().map(|n| format!("「{n}」")).collect();
    quoted.join("、")
}

/// 二つの版のあいだの変更一つを、1 行で。
pub(crate) fn change(c: &Change) -> String {
    use Change as C;
    match c {
        C::Retitled { from, to } => format!("実施計画の名前: 「{from}」 → 「{to}」"),
        C::GoalAdded { goal, title } => format!("重点推進目標 {goal} を追加: 「{title}」"),
        C::GoalRemoved { goal, title } => format!("重点推進目標 {goal} を削除: 「{title}」"),
        C::GoalRetitled { goal, from, to } => {
            format!("重点推進目標 {goal} の名前: 「{from}」 → 「{to}」")
        }
        C::AreaAdded { goal, item, title } => format!("取組事項 {goal}-{item} を追加: 「{title}」"),
        C::AreaRemoved { goal, item, title } => {
            format!("取組事項 {goal}-{item} を削除: 「{title}」")
        }
        C::AreaRetitled {
            goal,
            item,
            from,
            to,
        } => {
            format!("取組事項 {goal}-{item} の名前: 「{from}」 → 「{to}」")
        }
        C::ExpectedPlans {
            goal,
            before,
            after,
        } => format!("重点推進目標 {goal} の \"expected_plans\"（計）: {before} → {after}"),
        C::ExpectedTotal { before, after } => {
            format!("\"expected_total\"（合計）: {before} → {after}")
        }
        C::DepartmentRegistered { name } => format!("担当課「{name}」を登録簿に追加"),
        C::DepartmentUnregistered { name } => format!("担当課「{name}」を登録簿から削除"),
        C::DepartmentsReorganised {
            from,
            to,
            since,
            plans,
            into_registered,
        } => {
            let names: Vec<String> = from.iter().map(|f| format!("「{f}」")).collect();
            let how = if from.len() == 1 && !into_registered {
                "の名前を"
            } else {
                "を統合して"
            };
            let when = since
                .map(|y| format!("、{}から", fiscal_year(y)))
                .unwrap_or_default();
            format!(
                "機構改革: {}{how}{when}「{to}」に（計画 {plans} 件の担当課を書き換え）",
                names.join("と")
            )
        }
        C::PlanAdded {
            id,
            title,
            added_in: Some(year),
        } => format!("計画 {id} を追加（{year} 年度の見直し）: 「{title}」"),
        C::PlanAdded { id, title, .. } => format!("計画 {id} を追加: 「{title}」"),
        C::PlanRemoved {
            id,
            title,
            progress_years: 0,
        } => format!("計画 {id} を削除: 「{title}」"),
        C::PlanRemoved {
            id,
            title,
            progress_years,
        } => format!(
            "注意: 計画 {id}「{title}」のファイルを削除しています。{progress_years} 年度分の進捗の記録も消えます。計画が終わったのなら、ファイルを残して \"ended\" に終わった年度と理由を書いてください。"
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
                (EndReason::Completed, _) => "完了".to_string(),
                (EndReason::Abolished, _) => "廃止".to_string(),
                (EndReason::Merged, Some(into)) => format!("計画 {into} へ統合"),
                (EndReason::Merged, None) => "統合".to_string(),
            };
            format!("計画 {id}「{title}」が {year} 年度に{how}")
        }
        C::PlanRenumbered { from, to, title } => {
            format!("計画「{title}」の番号: {from} → {to}")
        }
        C::PlanRetitled { id, from, to } => format!("計画 {id} の計画名: 「{from}」 → 「{to}」"),
        C::DepartmentsAdded { id, names: added } => {
            format!("計画 {id} の担当課に追加: {}", names(added))
        }
        C::DepartmentsRemoved { id, names: removed } => {
            format!("計画 {id} の担当課から削除: {}", names(removed))
        }
        C::AndOthers { id, now: true } => {
            format!("計画 {id} に「等」を追加（\"and_others\": true）")
        }
        C::AndOthers { id, now: false } => format!("計画 {id} から「等」を削除"),
        C::SubprojectAdded { id, title } => format!("計画 {id} の個別事業を追加: 「{title}」"),
        C::SubprojectRemoved { id, title } => format!("計画 {id} の個別事業を削除: 「{title}」"),
        C::SubprojectDepartments {
            id,
            title,
            added,
            removed,
        } => {
            let mut parts = Vec::new();
            if !added.is_empty() {
                parts.push(format!("追加 {}", names(added)));
            }
            if !removed.is_empty() {
                parts.push(format!("削除 {}", names(removed)));
            }
            format!(
                "計画 {id} の個別事業「{title}」の担当課: {}",
                parts.join("、")
            )
        }
        C::ProgressSetup { now: Some(s) } => {
            let levels: Vec<String> = s
                .codes
                .iter()
                .zip(&s.labels)
                .map(|(c, l)| format!("{c}「{l}」"))
                .collect();
            format!(
                "進捗の設定: 計画期間 {}〜{} 年度、報告する年度 {} 年度、評価の段階 {}",
                s.from,
                s.to,
                s.reporting_year,
                levels.join("、")
            )
        }
        C::ReportingYear { from, to } => {
            format!("報告する年度: {from} 年度 → {}", fiscal_year(*to))
        }
        C::ProgressSetup { now: None } => "進捗の設定を削除".to_string(),
        C::ProgressStatus {
            id,
            year,
            from,
            to,
            from_label,
            to_label,
        } => {
            let level = |code: &str, label: &Option<String>| match label {
                Some(label) => format!("{code}「{label}」"),
                None => code.to_string(),
            };
            match (from, to) {
                (None, Some(to)) => format!(
                    "計画 {id} の {year} 年度の進捗を追加: 評価 {}",
                    level(to, to_label)
                ),
                (Some(from), None) => format!(
                    "計画 {id} の {year} 年度の進捗を削除（評価 {}）",
                    level(from, from_label)
                ),
                (Some(from), Some(to)) => format!(
                    "計画 {id} の {year} 年度の評価: {} → {}",
                    level(from, from_label),
                    level(to, to_label)
                ),
                (None, None) => format!("計画 {id} の {year} 年度の進捗"),
            }
        }
        C::ProgressSummary {
            id,
            year,
            sentences,
            whole,
            taken_out,
        } => rewrite(
            &entry(id, year),
            "結果",
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
            &entry(id, year),
            "課題・今後の方向性",
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
                CommentBy::Committee => "推進委員会".to_string(),
            };
            rewrite(
                &entry(id, year),
                &format!("{who}のコメント"),
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
            let amount = |a: &Amount| format!("{}{}", grouped(&a.amount), a.unit);
            let head = entry(id, year);
            match (from, to) {
                (None, Some(to)) => format!("{head}財政効果額: {}", amount(to)),
                (Some(from), None) => format!(
                    "{head}財政効果額（\"fiscal_effect\"）を削除（{}）",
                    amount(from)
                ),
                (Some(from), Some(to)) => format!(
                    "{head}財政効果額（\"fiscal_effect\"）: {} → {}",
                    amount(from),
                    amount(to)
                ),
                (None, None) => format!("{head}財政効果額"),
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
                    Some(n) => format!("{label} {}{}", grouped(n), f.unit),
                    None => format!("{label}なし"),
                };
                format!("{}、{}", part("目標", &f.target), part("実績", &f.actual))
            };
            match (from, to) {
                (None, Some(to)) => {
                    format!(
                        "計画 {id} の {year} 年度の指標「{name}」を追加: {}",
                        figures(to)
                    )
                }
                (Some(from), None) => {
                    format!(
                        "計画 {id} の {year} 年度の指標「{name}」を削除（{}）",
                        figures(from)
                    )
                }
                (Some(from), Some(to)) => format!(
                    "計画 {id} の {year} 年度の指標「{name}」: {} → {}",
                    figures(from),
                    figures(to)
                ),
                (None, None) => format!("計画 {id} の {year} 年度の指標「{name}」"),
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

/// 計画の 1 年度の進捗のこと、と言うときの初め（「計画 1-1-1 の 2026 年度の」）。
fn entry(id: &str, year: &str) -> String {
    format!("計画 {id} の {year} 年度の")
}

/// 1 年度の進捗の文章（結果、課題・今後の方向性、コメント）がどう変わったか。新しい文章は
/// 全文を、書き直した文章は変わった文を、段落ごとに「」で囲んで示します。
fn rewrite(head: &str, what: &str, field: &str, r: Rewrite) -> String {
    if r.whole {
        format!("{head}{what}: {}", quoted(r.sentences, true))
    } else if r.removed {
        format!("{head}{what}（\"{field}\"）を削除")
    } else if !r.sentences.is_empty() {
        format!(
            "{head}{what}（\"{field}\"）を変更: {}",
            quoted(r.sentences, false)
        )
    } else if r.taken_out {
        format!("{head}{what}（\"{field}\"）から文を削除")
    } else {
        format!("{head}{what}（\"{field}\"）の文の順序や空白を変更")
    }
}

/// 計画の数が何の数か（重点推進目標、合計、担当課）。
pub(crate) fn counted(c: &Change) -> String {
    match c {
        Change::GoalCount { goal, .. } => format!("重点推進目標 {goal} の計画数"),
        Change::TotalCount { .. } => "計画数の合計".to_string(),
        Change::DepartmentCount { name, .. } => format!("「{name}」の計画数"),
        _ => String::new(),
    }
}

/// What belongs at a place under plans/, in words.
pub(crate) fn belongs_to(belongs: Belongs) -> String {
    match belongs {
        Belongs::Outline => "体系（outline.json）".to_string(),
        Belongs::Register => "担当課の登録簿（departments.json）".to_string(),
        // With the space that sets a plan number apart from the particle after it.
        Belongs::Plan(id) => format!("計画 {id} "),
    }
}
