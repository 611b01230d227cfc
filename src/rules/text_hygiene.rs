//! `text-hygiene`: no whitespace-only text, no leading or trailing space (full-width and no-break spaces too), no control or invisible characters, Unicode NFC.

use crate::chars::is_invisible;
use crate::diagnostic::{Diagnostic, Severity, Target};
use crate::facts::document::Document;
use crate::facts::text::{Step, is_plain, pointer};
use crate::messages::{Doc, Message, Text, Words, code_points};
use unicode_normalization::{UnicodeNormalization, is_nfc};

use strum::VariantNames;

use super::rule::{Rule, Run};

pub static RULE: Rule = Rule {
    id: "text-hygiene",
    severity: Severity::Error,
    summary: Doc {
        ja: "空白だけの文字列・前後の空白（全角空白も）・制御文字や見えない文字・NFC でない文字がないこと",
        en: "no whitespace-only text, no leading or trailing space (full-width and no-break spaces too), no control or invisible characters, Unicode NFC",
    },
    fix: Doc {
        ja: "打ち直す",
        en: "retype the text",
    },
    guide: r#"文字の前後に空白（全角空白も）があるとき、空白だけのとき、目に見えない文字が入っているときに出ます。見えない文字は、PDF や Web ページ、表計算ソフトからコピーして貼り付けたときによく入ります。濁点が文字と分かれている（「か」＋「゛」）ときにも出ます。

`"` と `"` の間を、いったん消して打ち直すのが確実です。github.dev では、見えない文字が枠で囲まれて表示されることがあります。"#,
    codes: || Said::VARIANTS.to_vec(),
    samples: || samples().into_iter().map(Message::from).collect(),
    run: Run::Text(hygiene),
};

/// No text is only spaces, starts or ends with a space, holds a control character, or is
/// not in Unicode NFC. (Empty text is the schema's `minLength`.)
pub fn hygiene(doc: &Document, path: &[Step], s: &str, out: &mut Vec<Diagnostic>) {
    let first = s.chars().next();
    let last = s.chars().next_back();
    let problem = if s.is_empty() || looks_clean(s) {
        None
    } else if s.trim().is_empty() {
        Some(Said::BlankText)
    } else if let Some(character) = first.filter(|c| c.is_whitespace()) {
        Some(Said::EdgeSpace {
            leading: true,
            character,
        })
    } else if let Some(character) = last.filter(|c| c.is_whitespace()) {
        Some(Said::EdgeSpace {
            leading: false,
            character,
        })
    } else if let Some(character) = s.chars().find(|c| is_invisible(*c)) {
        Some(Said::ControlCharacter { character })
    } else if !is_nfc(s) {
        Some(Said::NotNfc {
            fixed: s.nfc().collect(),
            compatibility: s.chars().find_map(|c| {
                let alone: String = std::iter::once(c).nfc().collect();
                (alone.chars().ne(std::iter::once(c))).then_some((c, alone))
            }),
        })
    } else {
        None
    };
    if let Some(message) = problem {
        out.push(RULE.report(&doc.path, Target::Value(pointer(path)), message));
    }
}

/// A quick test that passes most strings: no whitespace at either end, no control or
/// invisible character, and NFC by the quick check.
fn looks_clean(s: &str) -> bool {
    let (Some(first), Some(last)) = (s.chars().next(), s.chars().next_back()) else {
        return false;
    };
    if first.is_whitespace() || last.is_whitespace() {
        return false;
    }
    if s.chars().all(is_plain) {
        return true;
    }
    !s.chars().any(is_invisible)
        && unicode_normalization::is_nfc_quick(s.chars())
            == unicode_normalization::IsNormalized::Yes
}

/// What `text-hygiene` says.
#[derive(Debug, Clone, PartialEq, Eq, strum::IntoStaticStr, strum::VariantNames)]
#[strum(serialize_all = "kebab-case")]
pub enum Said {
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
}

/// One message of each kind (and of each branch worded differently), for the snapshot of
/// every sentence in both languages (`tests/catalogue.rs`).
fn samples() -> Vec<Said> {
    use super::rule::sample::*;
    vec![
        Said::BlankText,
        Said::EdgeSpace {
            leading: true,
            character: '\u{3000}',
        },
        Said::EdgeSpace {
            leading: false,
            character: ' ',
        },
        Said::ControlCharacter { character: '\n' },
        Said::ControlCharacter { character: '\t' },
        Said::ControlCharacter {
            character: '\u{200B}',
        },
        Said::NotNfc {
            fixed: s("架空目標そのが"),
            compatibility: None,
        },
        Said::NotNfc {
            fixed: s("架空の神社"),
            compatibility: Some(('\u{FA19}', s("\u{795E}"))),
        },
    ]
}

impl Words for Said {
    fn code(&self) -> &'static str {
        self.into()
    }

    fn ja(&self) -> Text {
        use crate::messages::ja::*;
        match self {
            Self::BlankText => with_hint(
                "文字列が空白だけです。",
                "空白を消して、この項目に書く内容を書いてください。",
            ),
            Self::EdgeSpace { leading, character } => with_hint(
                format!(
                    "文字列の{}に{}があります。",
                    if *leading { "先頭" } else { "末尾" },
                    space_name(*character)
                ),
                "消してください。引用符と文字の間には何も入れません。",
            ),
            Self::ControlCharacter { character } => match character {
                '\n' | '\r' | '\t' => {
                    let (what, written) = match character {
                        '\n' => ("改行", "\\n"),
                        '\r' => ("改行文字（CR）", "\\r"),
                        _ => ("タブ", "\\t"),
                    };
                    with_hint(
                        format!(
                            "文字列に{what}があります（ファイルでは {written} と書かれています）。"
                        ),
                        format!(
                            "文字列は 1 行で書きます。{written} を消して、前後をつなげてください（英単語どうしがつながってしまう所だけ、空白を入れます）。"
                        ),
                    )
                }
                c => with_hint(
                    format!("文字列に見えない文字 U+{:04X} があります。", *c as u32),
                    "文字列を打ち直してください。見えない文字が一緒にコピーされたものと思われます。",
                ),
            },
            Self::NotNfc {
                fixed,
                compatibility: None,
            } => with_hint(
                "文字列が Unicode の正規形（NFC）になっていません。か + ゛ のように分かれた文字があります。",
                format!("「{fixed}」と打ち直してください。"),
            ),
            Self::NotNfc {
                fixed,
                compatibility: Some((c, becomes)),
            } => with_hint(
                format!(
                    "文字列が Unicode の正規形（NFC）になっていません。「{c}」（U+{:04X}）は、見た目は同じでも別の文字（互換用の文字）で、正規形では「{becomes}」（{}）です。",
                    *c as u32,
                    code_points(becomes)
                ),
                format!("「{fixed}」と打ち直してください。"),
            ),
        }
    }

    fn en(&self) -> Text {
        use crate::messages::en::*;
        match self {
            Self::BlankText => with_hint(
                "the text is only spaces",
                "remove the spaces and write what this field holds",
            ),
            Self::EdgeSpace { leading, character } => with_hint(
                format!(
                    "the text {} with {}",
                    if *leading { "starts" } else { "ends" },
                    space_name(*character)
                ),
                "remove it: nothing goes between the quote and the text",
            ),
            Self::ControlCharacter { character } => match character {
                '\n' | '\r' | '\t' => {
                    let (what, written) = match character {
                        '\n' => ("a line break", "\\n"),
                        '\r' => ("a carriage return", "\\r"),
                        _ => ("a tab", "\\t"),
                    };
                    with_hint(
                        format!("the text contains {what}, written {written} in the file"),
                        format!(
                            "every text is one line: remove the {written} and join the two parts (with a space only where two English words would run together)"
                        ),
                    )
                }
                c => with_hint(
                    format!(
                        "the text contains the invisible character U+{:04X}",
                        *c as u32
                    ),
                    "retype the text; it was probably copied with a hidden character",
                ),
            },
            Self::NotNfc {
                fixed,
                compatibility: None,
            } => with_hint(
                "the text is not in Unicode normal form (NFC): it has decomposed characters such as 「か」 + 「゛」",
                format!("retype it as 「{fixed}」"),
            ),
            Self::NotNfc {
                fixed,
                compatibility: Some((c, becomes)),
            } => with_hint(
                format!(
                    "the text is not in Unicode normal form (NFC): 「{c}」 (U+{:04X}) looks the same but is another character (a compatibility character), which NFC makes 「{becomes}」 ({})",
                    *c as u32,
                    code_points(becomes)
                ),
                format!("retype it as 「{fixed}」"),
            ),
        }
    }
}
