//! 日本語: コマンドラインの使い方の誤りと `--help` の言葉。

use super::{Help, Text, Usage};

fn t(message: impl Into<String>, hint: impl Into<String>) -> Text {
    Text {
        message: message.into(),
        hint: Some(hint.into()),
    }
}

pub(super) const HELP: Help = Help {
    about: "郡山市行財政改革大綱2026実施計画: 計画のファイルを検査し、図を作ります。",
    usage_heading: "使い方:",
    commands_heading: "コマンド",
    options_heading: "オプション",
    options_placeholder: "[オプション]",
    command_placeholder: "<コマンド>",
    dir_value: "フォルダー",
    dir: "計画のリポジトリの一番上のフォルダー（plans/ があるフォルダー）で実行します。",
    lang: "出力の言語です。ja（日本語）または en（英語）。指定しないときは、LC_ALL、LC_MESSAGES、LANG が ja で始まれば日本語になります。",
    help: "この説明を表示します。",
    version: "版を表示します。",
    check: "plans/ の中のファイルをすべて検査し、問題をすべて示します（終了コード 0: 問題なし、1: 問題あり、2: 実行できなかった）。",
    format: "問題の示し方です。human（人が読む形）、json（プログラム向け）、github（GitHub Actions の注釈）。既定は human です。",
    deny_warnings: "警告があっても失敗（終了コード 1）にします。",
    timings: "各段階にかかった時間を標準エラー出力に示します。",
    color: "色を付けるかどうかです。auto（端末のときだけ）、always（常に）、never（付けない）。既定は auto です。",
    build: "検査してから、すべての図を charts/ に SVG と PNG で作ります。",
    build_check: "何も書き込まず、図が無いか古いときに終了コード 1 で終わります。",
    scale: "PNG の解像度です。幅 1600 ピクセルの N 倍（1〜8。印刷用に大きくできます）。既定は 1 です。",
};

/// コマンドラインの誤りの言葉。
pub(super) fn usage(u: &Usage) -> Text {
    let help = |command: &Option<String>| match command {
        Some(c) => format!("使えるものは `plans {c} --help` で確かめられます。"),
        None => "使えるものは `plans --help` で確かめられます。".to_string(),
    };
    match u {
        Usage::MissingCommand => t(
            "何をするかを指定してください。plans check（計画のファイルを検査する）または plans build（図を作る）です。",
            "コマンドの一覧は `plans --help` で確かめられます。",
        ),
        Usage::UnknownCommand { name, suggestion } => t(
            format!("「{name}」というコマンドはありません。"),
            match suggestion {
                Some(s) => format!(
                    "`plans {s}` のことでしょうか。コマンドは check と build です。"
                ),
                None => "コマンドは check（計画のファイルを検査する）と build（図を作る）です。使い方は `plans --help` で確かめられます。"
                    .into(),
            },
        ),
        Usage::UnknownArgument {
            command,
            argument,
            suggestion,
        } => t(
            format!("{argument} というオプションはありません。"),
            match suggestion {
                Some(s) => format!("{s} のことでしょうか。{}", help(command)),
                None => help(command),
            },
        ),
        Usage::Unexpected { command, argument } => t(format!("余分な引数「{argument}」があります。"), help(command)),
        Usage::InvalidValue {
            command,
            argument,
            value,
            allowed,
        } => {
            let message = if value.is_empty() {
                format!("{argument} には値が必要です。")
            } else {
                format!("「{value}」は {argument} に指定できません。")
            };
            t(
                message,
                if allowed.is_empty() {
                    help(command)
                } else {
                    format!("{} のどれかを書いてください。", allowed.join("、"))
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
            format!("「{value}」は {argument} に指定できません。"),
            format!("{min} から {max} までの整数を書いてください。"),
        ),
        Usage::MissingValue { command, argument } => {
            t(format!("{argument} には値が必要です。"), help(command))
        }
        Usage::Repeated { command, argument } => t(
            format!("{argument} が二度以上指定されています。"),
            format!("一度だけにしてください。{}", help(command)),
        ),
        Usage::NotUtf8 { command } => t(
            "引数に UTF-8 でない文字が含まれています。",
            help(command),
        ),
        Usage::Other { command } => t("コマンドラインを読み取れません。", help(command)),
    }
}
