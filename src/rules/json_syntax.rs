//! `json-syntax`: UTF-8 JSON.

use crate::diagnostic::{Diagnostic, Severity, Target};
use crate::facts::document::Document;
use crate::messages::{Doc, Message, Text, Words};
use crate::span;

use strum::VariantNames;

use super::rule::{Rule, Run};

pub static RULE: Rule = Rule {
    id: "json-syntax",
    severity: Severity::Error,
    summary: Doc {
        ja: "UTF-8 の正しい JSON であること（BOM なし、空でない、バイナリでない、コメントなし、全角の記号なし、同じ項目名の重複なし）",
        en: "UTF-8 JSON: no BOM, not empty, not binary, not UTF-16, no comments, no full-width punctuation, no key twice in one object; in a text file each error is placed by line and column",
    },
    fix: Doc {
        ja: "示された行・列を直す。BOM 付きなら「UTF-8（BOM なし）」で保存し直す",
        en: "fix the marked spot; re-save as UTF-8 without BOM",
    },
    guide: r#"いちばんよく出る誤りです。多いのは、`,` の入れ忘れ、最後のものの後の余計な `,`、`"` の閉じ忘れ、全角の `，` `：` `“ ”`、同じ項目（`"title"` など）を 2 回書いたもの、`//` のコメントです。`,` の入れ忘れは、次の行の頭に印が付くことがあります。示された行と、その前の行を見てください。進捗の報告では、文の中の半角の `"`（「」に置き換えます）、Word から貼り付けた改行、`1,200` のような桁区切りや `80%` のような単位付きの数も、それぞれ名前を挙げて示されます。

github.dev では、同じ所に波線が出ます。記号は半角に切り替えて打ち直します。BOM は、Windows のメモ帳などで保存したファイルをアップロードしたときに付くことがあります。github.dev では、画面右下に「UTF-8 with BOM」と出ます。そこを押し、「Save with Encoding」→「UTF-8」を選ぶと、BOM なしで保存し直せます。"#,
    codes: || {
        // The variant that holds a syntax error is coded by the error's kind.
        let own = Said::VARIANTS.iter().filter(|code| **code != "syntax");
        own.chain(Syntax::VARIANTS).copied().collect()
    },
    samples: || samples().into_iter().map(Message::from).collect(),
    run: Run::Parsing(duplicate_keys),
};

/// Keys that appear twice in one object: `serde_json` silently keeps the last.
pub fn duplicate_keys(doc: &Document, out: &mut Vec<Diagnostic>) {
    if !doc.notes.repeated_keys {
        return;
    }
    let Some(located) = crate::json::Located::of(doc.text) else {
        return;
    };
    for (at, key) in located.repeated_keys() {
        let p = span::position(doc.text, at.start, at.end);
        // In a plan, a key of four digits is a year of `progress`: most often a year's entry
        // copied for the next year with the year left as it was.
        let is_year = doc.schema == crate::facts::schema::FileSchema::Plan && crate::model::is_year_key(&key);
        let message = if is_year {
            Said::DuplicateYear { year: key }
        } else {
            Said::DuplicateKey { key }
        };
        out.push(RULE.report(
            &doc.path,
            Target::At {
                line: p.line,
                column: p.column,
                len: p.len,
            },
            message,
        ));
    }
}

/// What `json-syntax` says.
#[derive(Debug, Clone, PartialEq, Eq, strum::IntoStaticStr, strum::VariantNames)]
#[strum(serialize_all = "kebab-case")]
pub enum Said {
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
    #[strum(transparent)]
    Syntax(Syntax),
}

/// One message of each kind (and of each branch worded differently), for the snapshot of
/// every sentence in both languages (`tests/catalogue.rs`).
fn samples() -> Vec<Said> {
    use super::rule::sample::*;
    let mut all = vec![
        Said::Bom,
        Said::Utf16,
        Said::Binary,
        Said::InvalidUtf8,
        Said::EmptyFile,
        Said::DuplicateKey { key: s("title") },
        Said::DuplicateYear { year: s("2026") },
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
            Syntax::FieldsAfterEnd,
            Syntax::TooDeep,
            Syntax::TooManySlips,
            Syntax::ExpectedValue,
            Syntax::Comment,
            Syntax::FullWidth {
                found: s("，"),
                ascii: s(","),
            },
            Syntax::CurlyQuote,
            Syntax::FullWidthSpace,
            Syntax::OtherSpace {
                character: '\u{A0}',
                indentation: true,
                others: Vec::new(),
            },
            Syntax::OtherSpace {
                character: '\u{A0}',
                indentation: true,
                others: vec![13, 15, 16],
            },
            Syntax::OtherSpace {
                character: '\u{A0}',
                indentation: true,
                others: (10..=32).collect(),
            },
            Syntax::OtherSpace {
                character: '\u{A0}',
                indentation: false,
                others: Vec::new(),
            },
            Syntax::SingleQuote,
            Syntax::InvalidNumber,
            Syntax::QuoteInText,
            Syntax::ThousandsSeparator {
                figure: s("1200"),
            },
            Syntax::TextAfterNumber {
                found: "%".into(),
                figure: true,
            },
            Syntax::TextAfterNumber {
                found: "年度".into(),
                figure: false,
            },
        ]
        .map(Said::Syntax),
    );
    all
}

impl Words for Said {
    fn code(&self) -> &'static str {
        self.into()
    }

    fn ja(&self) -> Text {
        use crate::messages::ja::*;
        match self {
            Self::Bom => with_hint(
                "ファイルの先頭に BOM（バイト順マーク）があります。",
                "ファイルを「UTF-8（BOM なし）」で保存し直してください。メモ帳では「UTF-8（BOM 付き）」ではなく「UTF-8」を選びます。",
            ),
            Self::Utf16 => with_hint(
                "ファイルが UTF-16 で保存されています。",
                "ファイルを「UTF-8（BOM なし）」で保存し直してください。",
            ),
            Self::Binary => with_hint(
                "ファイルに NUL バイトがあります。テキストファイルではありません。",
                "plans/ には JSON のテキストファイルだけを置きます。正しいファイルに置き換える（前の版はリポジトリの履歴にあります）か、ここに置くものでなければ取り除いてください。",
            ),
            Self::InvalidUtf8 => with_hint(
                "ファイルが正しい UTF-8 ではありません（Shift_JIS で保存されている可能性があります）。",
                "ファイルを「UTF-8（BOM なし）」で保存し直してください。示した位置が、UTF-8 でない最初の文字です。",
            ),
            Self::EmptyFile => with_hint(
                "ファイルが空です。",
                "plans/ のファイルには、どれも JSON のオブジェクトを一つ書きます。同じ種類のほかのファイルにならって中身を書くか、リポジトリの履歴から元に戻してください。",
            ),
            Self::DuplicateKey { key } => with_hint(
                format!("同じオブジェクトの中に項目 \"{key}\" が 2 回あります。"),
                "一つだけ残してください。JSON を読むプログラムは、何も知らせずに後のほうを使い、前のほうを無視します。",
            ),
            Self::DuplicateYear { year } => with_hint(
                format!("年度 \"{year}\" の進捗が 2 か所に書かれています。"),
                format!(
                    "新しい年度を書き加えたのなら、書き加えたほうの \"{year}\" を正しい年度（例: 次の年度）に直してください。同じ年度を二つ書いたのなら、一つにまとめてください。JSON を読むプログラムは、何も知らせずに後のほうだけを使います。"
                ),
            ),
            Self::Syntax(s) => syntax_ja(s),
        }
    }

    fn en(&self) -> Text {
        use crate::messages::en::*;
        match self {
            Self::Bom => with_hint(
                "the file starts with a byte order mark (BOM)",
                "save the file as \"UTF-8\" (without BOM); in Notepad choose UTF-8, not \"UTF-8 with BOM\"",
            ),
            Self::Utf16 => with_hint(
                "the file is saved as UTF-16",
                "save the file as UTF-8 (without BOM)",
            ),
            Self::Binary => with_hint(
                "the file contains NUL bytes: it is not a text file",
                "plans/ holds only JSON text files: replace this one with the right file (its earlier version is in the repository's history), or remove it if it does not belong here",
            ),
            Self::InvalidUtf8 => with_hint(
                "the file is not valid UTF-8 (it may be saved as Shift_JIS)",
                "save the file as UTF-8 (without BOM); the marked place is the first character that is not UTF-8",
            ),
            Self::EmptyFile => with_hint(
                "the file is empty",
                "every file in plans/ holds one JSON object: write its content like the other files of its kind, or restore it from the repository's history",
            ),
            Self::DuplicateKey { key } => with_hint(
                format!("the field \"{key}\" appears twice in the same object"),
                "keep only one of them: JSON readers silently use the last one and drop the other",
            ),
            Self::DuplicateYear { year } => with_hint(
                format!("the progress of year \"{year}\" is written twice"),
                format!(
                    "if you added a new year, change the added \"{year}\" to that year (the next one, say); if both are the same year, merge them into one: programs that read JSON silently keep only the later one"
                ),
            ),
            Self::Syntax(s) => syntax_en(s),
        }
    }
}

/// What is wrong with a file that is not valid JSON.
#[derive(Debug, Clone, PartialEq, Eq, strum::IntoStaticStr, strum::VariantNames)]
#[strum(serialize_all = "kebab-case", prefix = "syntax-")]
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
    /// Fields written after the object's closing `}` (a block pasted below the file's end).
    FieldsAfterEnd,
    /// Brackets nested too deeply to be a plan.
    TooDeep,
    /// So many slips that the parser stopped reading here (said after the first hundred).
    TooManySlips,
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
    /// Another space than the half-width one (a no-break space from mail or Word, a thin
    /// space …) between the parts of the JSON, said once for the file at its first place.
    OtherSpace {
        character: char,
        /// It is in the line's indentation (else between the parts, or inside a word).
        indentation: bool,
        /// The other lines with such spaces (1-based, in order).
        others: Vec<usize>,
    },
    /// Text in single quotes.
    SingleQuote,
    /// A number JSON cannot read.
    InvalidNumber,
    /// A `"` inside a text, which ends the text early (`"…"個別施設計画"…"`).
    QuoteInText,
    /// A number written with a thousands separator (`1,200`), and the figure meant (`1200`).
    ThousandsSeparator { figure: String },
    /// A unit or sign written after a number (`80%`, `96件`).
    TextAfterNumber { found: String, figure: bool },
}

/// Whether `plans fix` mends this slip (it has one meaning).
fn mendable(s: &Syntax) -> bool {
    matches!(
        s,
        Syntax::TrailingComma
            | Syntax::FieldsAfterEnd
            | Syntax::FullWidth { .. }
            | Syntax::CurlyQuote
            | Syntax::FullWidthSpace
            | Syntax::OtherSpace { .. }
            | Syntax::ThousandsSeparator { .. }
            | Syntax::TextAfterNumber { figure: true, .. }
    )
}

/// The other lines a message lists (at most ten), and how many it leaves out.
fn listed_lines(others: &[usize]) -> (Vec<String>, usize) {
    const SHOWN: usize = 10;
    let shown = others.iter().take(SHOWN).map(|l| l.to_string()).collect();
    (shown, others.len().saturating_sub(SHOWN))
}

fn syntax_ja(s: &Syntax) -> Text {
    use crate::messages::ja::*;
    let (message, hint): (String, String) = match s {
        Syntax::EndsEarly => (
            "途中で終わっています。閉じかっこか引用符が足りません。".into(),
            "{ には } を、[ には ] を対応させ、文字列は必ず \" で閉じてください。".into(),
        ),
        Syntax::TrailingComma => (
            "閉じかっこの直前にカンマがあります。".into(),
            "このカンマを消してください。JSON では最後の要素の後にカンマを付けません。".into(),
        ),
        &Syntax::MissingComma { closing } => (
            "ここにカンマがありません。".into(),
            format!(
                "後に別の値が続くなら、この値の後にカンマを付けてください。続かないなら {closing} で閉じてください。"
            ),
        ),
        Syntax::KeyNotQuoted => (
            "項目名がダブルクォート（\"）で囲まれていません。".into(),
            "項目名は \"title\" のように半角のダブルクォートで囲んでください。".into(),
        ),
        Syntax::MissingColon => (
            "項目名の後にコロン（:）がありません。".into(),
            "項目は \"項目名\": 値 の形で書いてください。".into(),
        ),
        Syntax::LineBreakInText => (
            "引用符の中に改行かタブがあります。".into(),
            "文字列は引用符の間に 1 行で書きます。改行やタブを消して、前後をつなげてください（文字列の終わりの \" が抜けていないかも確かめてください）。進捗の summary・next_steps や comment の text を段落に分けるときは、改行の代わりに \\n と書きます。".into(),
        ),
        Syntax::UnclosedText => (
            "文字列が閉じられていません（終わりの \" がありません）。".into(),
            "この行の文字列の終わりに半角の \" を付けてください（後にカンマが続くなら、カンマの前です）。".into(),
        ),
        Syntax::InvalidEscape => (
            "バックスラッシュ \\（キーボードや画面によっては ¥ と表示されます）の後に、ここでは使えない文字が続いています。".into(),
            "バックスラッシュそのものを書くなら \\\\（¥¥）と書き、そうでなければ消してください。段落の区切りなら \\n（¥n）です。".into(),
        ),
        Syntax::TrailingCharacters => (
            "JSON のオブジェクトが終わった後に、まだ文字があります。".into(),
            "ファイルにはオブジェクトを一つだけ書きます。最後の } より後ろに書いたものが要らなければ消し、要るものならその } の前に移してください。".into(),
        ),
        Syntax::FieldsAfterEnd => (
            "ファイルの最後の } の後に、項目が書かれています。".into(),
            "その部分を、最後の } の前に移してください（前の項目の後にカンマを付けます）。年度の進捗なら、\"progress\": { … } の中に入れます。".into(),
        ),
        Syntax::TooDeep => (
            "かっこの入れ子が深すぎます。".into(),
            "計画のファイルの入れ子は 4 段までです。このファイルは計画ではありません。".into(),
        ),
        Syntax::TooManySlips => (
            "誤りが多すぎるため、ここから先は読んでいません。".into(),
            "上に示した誤りを直してから、もう一度確かめてください。ほかのファイルの内容を貼り付けたときは、元のファイルを確かめてください。".into(),
        ),
        Syntax::ExpectedValue => (
            "ここの値が抜けているか、つづりが誤っています。".into(),
            "値に書けるのは、半角のダブルクォートで囲んだ \"文字列\"、数、true、false、[リスト]、{オブジェクト} です。".into(),
        ),
        Syntax::Comment => (
            "JSON にはコメントを書けません。".into(),
            "コメント（// から行末まで、または /* から */ まで）を消してください。レビューする人への説明はプルリクエストに書きます。".into(),
        ),
        Syntax::FullWidth { found, ascii } => (
            format!(
                "「{found}」が全角などの文字で書かれています。ここには半角の「{ascii}」が必要です。"
            ),
            format!(
                "「{found}」を半角の {ascii} に置き換えてください（キーボードを半角入力に切り替えます）。"
            ),
        ),
        Syntax::CurlyQuote => (
            "文字列を囲む引用符に、全角（印刷用）の「“」または「”」が使われています。".into(),
            "この行の “ と ” を、どちらも半角の \" に置き換えてください（キーボードを半角入力に切り替えます）。".into(),
        ),
        Syntax::FullWidthSpace => (
            "JSON の記号の間に全角スペース（U+3000）があります。".into(),
            "消すか、半角スペースに置き換えてください（キーボードを半角入力に切り替えます）。".into(),
        ),
        Syntax::OtherSpace {
            character,
            indentation,
            others,
        } => (
            format!(
                "JSON の記号の間に{}があります{}。メールや Word から貼り付けたときに入る、見た目は普通の空白と同じ文字です。",
                space_name(*character),
                if others.is_empty() {
                    String::new()
                } else {
                    let (shown, more) = listed_lines(others);
                    let shown = shown.join("、");
                    if more > 0 {
                        format!("（{shown} 行目など、ほかに {} 行にもあります）", others.len())
                    } else {
                        format!("（{shown} 行目にもあります）")
                    }
                }
            ),
            if !indentation && others.is_empty() {
                "この空白を消してください（空白が要る所なら、半角スペースで打ち直してください）。".into()
            } else if others.is_empty() {
                "その行の頭の空白（字下げ）を消して、半角スペースで打ち直してください。".into()
            } else {
                "この行と、ほかに挙げた行の頭の空白（字下げ）を消して、半角スペースで打ち直してください。".into()
            },
        ),
        Syntax::SingleQuote => (
            "文字列がシングルクォート（'）で囲まれています。".into(),
            "JSON の文字列は半角のダブルクォートで囲みます。'…' ではなく \"…\" と書いてください。".into(),
        ),
        Syntax::InvalidNumber => (
            "この数を読み取れません。".into(),
            "数は 19 のように半角の数字だけで書いてください。".into(),
        ),
        Syntax::QuoteInText => (
            "文字列の途中に半角の \" があり、文字列がそこで終わってしまっています。".into(),
            "文字列の中では \" を使えません。「」に置き換えてください（どうしても \" を残すなら \\\" と書きます）。".into(),
        ),
        Syntax::ThousandsSeparator { figure } => (
            "数に桁区切りのカンマがあります。".into(),
            format!("カンマを消して、{figure} と数字だけを続けて書いてください。"),
        ),
        Syntax::TextAfterNumber { found, .. } => (
            format!("数の後に「{found}」があります。"),
            "数の項目には半角の数字だけを書きます。単位は書きません（指標の単位は \"unit\" に書きます）。".into(),
        ),
    };
    let hint = if mendable(s) {
        format!("{hint}手元では `plans fix` でも直せます。")
    } else {
        hint
    };
    with_hint(format!("JSON の書き方に誤りがあります。{message}"), hint)
}

fn syntax_en(s: &Syntax) -> Text {
    use crate::messages::en::*;
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
            "every text is one line between its quotes: remove the line break or tab and join the two parts (and check that the text's closing \" is there); to separate the paragraphs of a year's summary or next_steps or a comment's text, write \\n instead of the line break".into(),
        ),
        Syntax::UnclosedText => (
            "the text is not closed: its closing \" is missing".into(),
            "put a half-width \" at the end of the text on this line (before the comma, if one follows)".into(),
        ),
        Syntax::InvalidEscape => (
            "a backslash \\ (shown as ¥ by some keyboards and screens) starts an invalid escape".into(),
            "write a backslash as \\\\ (¥¥), or remove it; a paragraph break is \\n (¥n)".into(),
        ),
        Syntax::TrailingCharacters => (
            "there is more text after the end of the JSON object".into(),
            "a file holds exactly one object: remove what follows its closing } if it is not needed, or move it before that } if it is".into(),
        ),
        Syntax::FieldsAfterEnd => (
            "fields are written after the file's last }".into(),
            "move them before that last } (with a comma after the field before them); a year's progress goes inside \"progress\": { … }".into(),
        ),
        Syntax::TooDeep => (
            "the brackets are nested too deeply".into(),
            "plan files are at most four levels deep; this file is not a plan".into(),
        ),
        Syntax::TooManySlips => (
            "so many slips that the file is not read beyond here".into(),
            "mend the slips above and check again; if something else was pasted into the file, look at where it came from".into(),
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
        Syntax::OtherSpace {
            character,
            indentation,
            others,
        } => (
            format!(
                "{} stands between the parts of the JSON{}; it looks like an ordinary space and comes with text pasted from mail or Word",
                space_name(*character),
                if others.is_empty() {
                    String::new()
                } else {
                    let (mut shown, more) = listed_lines(others);
                    if more > 0 {
                        format!(" (also on {} other lines: {} and more)", others.len(), shown.join(", "))
                    } else if let Some(last) = shown.pop().filter(|_| !shown.is_empty()) {
                        format!(" (also on lines {} and {last})", shown.join(", "))
                    } else {
                        format!(" (also on line {})", shown.join(""))
                    }
                }
            ),
            if !indentation && others.is_empty() {
                "delete this space (where a space belongs, retype it as a half-width space)".into()
            } else if others.is_empty() {
                "remove the line's indentation and retype it with half-width spaces".into()
            } else {
                "remove the indentation of this line and of the lines listed, and retype it with half-width spaces".into()
            },
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
        Syntax::ThousandsSeparator { figure } => (
            "a number is written with a thousands separator".into(),
            format!("remove the comma and write the digits together: {figure}"),
        ),
        Syntax::TextAfterNumber { found, .. } => (
            format!("「{found}」 follows a number"),
            "a number field holds half-width digits only, without a unit (an indicator's unit goes in \"unit\")".into(),
        ),
    };
    let hint = if mendable(s) {
        format!("{hint}; `plans fix` mends it too")
    } else {
        hint
    };
    with_hint(format!("the file is not valid JSON: {message}"), hint)
}
