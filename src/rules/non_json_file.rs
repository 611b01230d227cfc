//! `non-json-file`: every file in `plans/` ends in `.json` (hidden files, whose names start with `.`, are left alone).

use crate::diagnostic::{Diagnostic, Severity, Target};
use crate::messages::{Doc, Message, Text, Words};

use strum::VariantNames;

use super::rule::{Rule, Run};

pub static RULE: Rule = Rule {
    id: "non-json-file",
    severity: Severity::Warning,
    summary: Doc {
        ja: "`plans/` の中のファイルの名前が `.json` で終わること（`.` で始まる隠しファイルは対象外）",
        en: "every file in `plans/` ends in `.json` (hidden files, whose names start with `.`, are left alone)",
    },
    fix: Doc {
        ja: "計画のファイルなら名前を直す。そうでなければ `plans/` から出す",
        en: "rename it if it is a plan, or move it out of `plans/`",
    },
    guide: r#"`plans/` に、計画ではない資料（PDF、メモ、表計算のファイルなど）や、`1-1-3.json.bak` のような控えのファイルを置くと出ます。`.json` で終わらないファイルは検査されません。

計画のファイルなら、名前を `G-I-N.json` に直します。そうでなければ消すか、`plans/` の外に移します。警告ですが、CI では不合格になります。"#,
    codes: || Said::VARIANTS.to_vec(),
    samples: || samples().into_iter().map(Message::from).collect(),
    run: Run::Loading,
};

/// The warning for a file in `plans/` whose name does not end in `.json` (read no further).
pub fn report(path: &str) -> Diagnostic {
    RULE.report(path, Target::File, Said::NonJsonFile)
}

/// What `non-json-file` says.
#[derive(Debug, Clone, PartialEq, Eq, strum::IntoStaticStr, strum::VariantNames)]
#[strum(serialize_all = "kebab-case")]
pub enum Said {
    NonJsonFile,
}

/// One message of each kind (and of each branch worded differently), for the snapshot of
/// every sentence in both languages (`tests/catalogue.rs`).
fn samples() -> Vec<Said> {
    vec![Said::NonJsonFile]
}

impl Words for Said {
    fn code(&self) -> &'static str {
        self.into()
    }

    fn ja(&self) -> Text {
        use crate::messages::ja::*;
        match self {
            Self::NonJsonFile => with_hint(
                "名前が .json で終わらないファイルなので、検査しません。",
                "計画のファイルの名前は .json で終わります。計画なら名前を直し、そうでなければ plans/ の外へ移してください。",
            ),
        }
    }

    fn en(&self) -> Text {
        use crate::messages::en::*;
        match self {
            Self::NonJsonFile => with_hint(
                "this file does not end in .json, so it is not checked",
                "plan files end in .json: rename it if it is a plan, or move it out of plans/",
            ),
        }
    }
}
