//! `file-read`: every entry under `plans/` can be read.

use crate::diagnostic::{Diagnostic, Severity, Target};
use crate::model::Kind;
use crate::repo::{self, Stray};
use crate::safe_io::ReadFailure;
use crate::messages::{Belongs, Doc, IoReason, Message, Text, Words};

use strum::VariantNames;

use super::rule::{Rule, Run};

pub static RULE: Rule = Rule {
    id: "file-read",
    severity: Severity::Error,
    summary: Doc {
        ja: "`plans/` の中のものがすべて読めること（シンボリックリンク・`.json` という名前のフォルダー・パイプや装置・8 MiB を超えるファイル・16 段より深いフォルダー・UTF-8 でない名前は不可）",
        en: "every entry under `plans/` can be read: no symbolic links (never followed), no folders named `*.json`, no pipes or devices, no file over 8 MiB, no folder nested more than 16 deep, no name that is not UTF-8",
    },
    fix: Doc {
        ja: "普通のファイルにするか、`plans/` から出す",
        en: "make it an ordinary file, or move it out of `plans/`",
    },
    guide: r#"Web エディターで作業していれば、まず起きません。起きるのは、たとえば「Create new file」で名前に `/` を入れて `1-2-4.json/…` のようなフォルダーを作ってしまったとき、大きな資料を `plans/` に置いたときです。

余計なフォルダーやファイルは消すか、`plans/` の外に移します。どう直せばよいか分からないときは、計画を所管する課（`plans/outline.json` の `"owner"`）に相談してください。"#,
    codes: || Said::VARIANTS.to_vec(),
    samples: || samples().into_iter().map(Message::from).collect(),
    run: Run::Loading,
};

/// The diagnostic for an entry of `plans/` that is not a JSON file to read: one that cannot be
/// read as a file (a link, a pipe, a folder that cannot be listed or is too deep, a name that
/// is not UTF-8, a submodule), or, for `non-json-file`, a file not named `.json`.
pub fn stray(path: &str, stray: &Stray) -> Diagnostic {
    let message = match *stray {
        Stray::Link => Said::Symlink { belongs: None },
        Stray::Special => Said::NotRegularFile { belongs: None },
        Stray::Unlistable(reason) => Said::Unreadable { reason },
        Stray::TooDeep => Said::TooDeep {
            depth: repo::MAX_DEPTH,
        },
        Stray::NameNotUtf8 => Said::NameNotUtf8,
        Stray::Submodule => Said::Submodule,
        // A file that is read no further: `non-json-file`'s warning.
        Stray::NonJson => return super::non_json_file::report(path),
    };
    RULE.report(path, Target::File, message)
}

/// Why the JSON file at `path` could not be read (which says what belongs there when its name
/// says so).
pub fn unread(path: &str, failure: ReadFailure) -> Diagnostic {
    let belongs = match Kind::of_path(path) {
        Kind::Outline => Some(Belongs::Outline),
        Kind::Register => Some(Belongs::Register),
        // Only in the plan's own place: elsewhere the name is a misplaced copy's.
        Kind::Plan(id) if id.is_path(path) => Some(Belongs::Plan(id)),
        _ => None,
    };
    let message = match failure {
        ReadFailure::Link => Said::Symlink { belongs },
        ReadFailure::Folder => Said::JsonNamedFolder,
        ReadFailure::NotRegular => Said::NotRegularFile { belongs },
        ReadFailure::TooLarge { size } => Said::TooLarge {
            size,
            limit: repo::MAX_FILE_BYTES,
        },
        ReadFailure::Io(reason) => Said::Unreadable { reason },
    };
    RULE.report(path, Target::File, message)
}

/// What `file-read` says.
#[derive(Debug, Clone, PartialEq, Eq, strum::IntoStaticStr, strum::VariantNames)]
#[strum(serialize_all = "kebab-case")]
pub enum Said {
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
}

/// One message of each kind (and of each branch worded differently), for the snapshot of
/// every sentence in both languages (`tests/catalogue.rs`).
fn samples() -> Vec<Said> {
    use super::rule::sample::*;
    vec![
        Said::Symlink { belongs: None },
        Said::Symlink {
            belongs: Some(Belongs::Register),
        },
        Said::JsonNamedFolder,
        Said::NotRegularFile { belongs: None },
        Said::NotRegularFile {
            belongs: Some(Belongs::Outline),
        },
        Said::NotRegularFile {
            belongs: Some(Belongs::Plan(id(1, 3, 1))),
        },
        Said::Unreadable {
            reason: IoReason::PermissionDenied,
        },
        Said::TooLarge {
            size: 104_857_600,
            limit: 8_388_608,
        },
        Said::TooDeep { depth: 16 },
        Said::NameNotUtf8,
        Said::Submodule,
    ]
}

impl Words for Said {
    fn code(&self) -> &'static str {
        self.into()
    }

    fn ja(&self) -> Text {
        use crate::messages::ja::*;
        match self {
            Self::Symlink { belongs: None } => with_hint(
                "シンボリックリンクです。リンクの先は読みません。",
                "リンクを、ファイルやフォルダーそのものに置き換えるか、plans/ から取り除いてください。",
            ),
            Self::Symlink {
                belongs: Some(belongs),
            } => with_hint(
                "シンボリックリンクです。リンクの先は読みません。",
                format!(
                    "ここは{}のファイルの場所です。リンクを、リンクの先のファイルそのものに置き換えてください。",
                    belongs_to(*belongs)
                ),
            ),
            Self::JsonNamedFolder => with_hint(
                "フォルダーですが、名前が .json で終わっています。",
                "フォルダーの名前を変えてください（または中身を移してください）。.json で終わる名前にできるのは計画のファイルだけです。",
            ),
            Self::NotRegularFile { belongs: None } => with_hint(
                "普通のファイルではありません（デバイス、パイプまたはソケットです）。",
                "plans/ から取り除いてください。このフォルダーには計画のファイルだけを置きます。",
            ),
            Self::NotRegularFile {
                belongs: Some(belongs),
            } => with_hint(
                "普通のファイルではありません（デバイス、パイプまたはソケットです）。",
                format!(
                    "ここは{}のファイルの場所です。これを取り除き、{}を書いた普通のファイルを置いてください。",
                    belongs_to(*belongs),
                    belongs_to(*belongs)
                ),
            ),
            Self::Unreadable { reason } => with_hint(
                format!("読み込めません（{}）。", io_reason(*reason)),
                "ファイルがあること、読む権限があることを確かめてください。",
            ),
            Self::TooLarge { size, limit } => with_hint(
                format!(
                    "ファイルの大きさが {size} バイトあります。plans/ のファイルは {limit} バイトまでです。"
                ),
                "計画のファイルは数百バイトなので、これは計画ではないと思われます。plans/ から取り除いてください。",
            ),
            Self::TooDeep { depth } => with_hint(
                format!(
                    "このフォルダーは plans/ の中で {depth} 段より深い所にあるため、検査しません。"
                ),
                "計画は plans/goal-G/G-I-N.json に置きます。このフォルダーの中身をそこへ移すか、plans/ の外へ出してください。",
            ),
            Self::NameNotUtf8 => with_hint(
                "名前が UTF-8 ではないため読めません（Shift_JIS を使うプログラムで保存された可能性があります）。",
                "名前を付け直してください。計画のファイル名は plans/goal-1/1-3-1.json のように計画番号にします。",
            ),
            Self::Submodule => with_hint(
                "このフォルダーは git のサブモジュールです。中のファイルは、このリポジトリにはありません。",
                "サブモジュールをやめて、計画のファイルをこのリポジトリの plans/ の中に置いてください。",
            ),
        }
    }

    fn en(&self) -> Text {
        use crate::messages::en::*;
        match self {
            Self::Symlink { belongs: None } => with_hint(
                "this is a symbolic link; links are not followed",
                "replace the link with the file or folder itself, or remove it from plans/",
            ),
            Self::Symlink {
                belongs: Some(belongs),
            } => with_hint(
                "this is a symbolic link; links are not followed",
                format!(
                    "this is where {} belongs: replace the link with the file it points to",
                    belongs_to(*belongs)
                ),
            ),
            Self::JsonNamedFolder => with_hint(
                "this is a folder, but its name ends in .json",
                "rename the folder (or move what is inside it): only plan files may end in .json",
            ),
            Self::NotRegularFile { belongs: None } => with_hint(
                "this is not an ordinary file (it is a device, pipe or socket)",
                "remove it from plans/: the folder may hold only plan files",
            ),
            Self::NotRegularFile {
                belongs: Some(belongs),
            } => with_hint(
                "this is not an ordinary file (it is a device, pipe or socket)",
                format!(
                    "this is where {0} belongs: remove this and put an ordinary file holding {0} here",
                    belongs_to(*belongs)
                ),
            ),
            Self::Unreadable { reason } => with_hint(
                format!("this cannot be read: {}", io_reason(*reason)),
                "check that it exists and that you are allowed to read it",
            ),
            Self::TooLarge { size, limit } => with_hint(
                format!("the file is {size} bytes; a file in plans/ may be at most {limit} bytes"),
                "a plan file is a few hundred bytes: this is probably not a plan; remove it from plans/",
            ),
            Self::TooDeep { depth } => with_hint(
                format!(
                    "this folder is more than {depth} folders deep inside plans/, so it is not checked"
                ),
                "plans live at plans/goal-G/G-I-N.json: move what this folder holds there, or out of plans/",
            ),
            Self::NameNotUtf8 => with_hint(
                "this name is not UTF-8 (it may have been saved by a program using Shift_JIS), so it cannot be read",
                "rename it; plan files are named after their number, like plans/goal-1/1-3-1.json",
            ),
            Self::Submodule => with_hint(
                "this folder is a git submodule: its files are not in this repository",
                "stop using a submodule and keep the plan files in this repository's plans/",
            ),
        }
    }
}
