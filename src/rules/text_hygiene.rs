//! `text-hygiene`: no whitespace-only text, no leading or trailing space (full-width and no-break spaces too), no control or invisible characters, Unicode NFC.

use crate::chars::is_invisible;
use crate::diagnostic::{Diagnostic, Severity, Target};
use crate::facts::document::Document;
use crate::facts::text::{Step, holds_paragraphs, is_plain, pointer};
use crate::messages::{Doc, Message, Text, Words, code_points};
use unicode_normalization::{UnicodeNormalization, is_nfc};

use strum::VariantNames;

use super::rule::{Rule, Run};

pub static RULE: Rule = Rule {
    id: "text-hygiene",
    severity: Severity::Error,
    summary: Doc {
        ja: "空白だけの文字列・前後の空白（全角空白も）・制御文字や見えない文字・NFC でない文字がないこと（改行 \\n は、進捗の summary・next_steps・comment の text の段落の区切りにだけ使えます）",
        en: "no whitespace-only text, no leading or trailing space (full-width and no-break spaces too), no control or invisible characters, Unicode NFC (a line break `\\n` only between the paragraphs of a year's summary, next_steps and a comment's text)",
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
    let problem = if s.contains(['\n', '\r']) && holds_paragraphs(doc, path) {
        paragraphs(s)
    } else {
        problem(s)
    };
    if let Some(message) = problem {
        out.push(RULE.report(&doc.path, Target::Value(pointer(path)), message));
    }
}

/// A text of paragraphs (a year's results, issues and next steps, a comment): `\n` between
/// paragraphs, and nothing else of a page's layout (no `\r`, no empty paragraph, no space to
/// indent or to end one). Each paragraph is then checked as one text.
fn paragraphs(s: &str) -> Option<Said> {
    if s.contains('\r') {
        return Some(Said::CarriageReturn);
    }
    s.split('\n').enumerate().find_map(|(i, text)| {
        let paragraph = i + 1;
        match problem(text) {
            _ if text.is_empty() => Some(Said::EmptyParagraph { paragraph }),
            Some(Said::BlankText) => Some(Said::EmptyParagraph { paragraph }),
            Some(Said::EdgeSpace { leading, character }) => Some(Said::ParagraphSpace {
                paragraph,
                leading,
                character,
            }),
            other => other,
        }
    })
}

/// What is wrong with one text (one line), if anything.
fn problem(s: &str) -> Option<Said> {
    let first = s.chars().next();
    let last = s.chars().next_back();
    if s.is_empty() || looks_clean(s) {
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
    /// In a text of paragraphs: a paragraph (counted from 1) that starts or ends with a space.
    ParagraphSpace {
        paragraph: usize,
        leading: bool,
        character: char,
    },
    /// In a text of paragraphs: two `\n` in a row, or one at either end.
    EmptyParagraph {
        paragraph: usize,
    },
    /// In a text of paragraphs: a `\r` (a line break from Windows, `\r\n`).
    CarriageReturn,
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
        Said::ParagraphSpace {
            paragraph: 2,
            leading: true,
            character: '\u{3000}',
        },
        Said::ParagraphSpace {
            paragraph: 1,
            leading: false,
            character: ' ',
        },
        Said::EmptyParagraph { paragraph: 2 },
        Said::CarriageReturn,
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
            Self::ParagraphSpace {
                paragraph,
                leading,
                character,
            } => with_hint(
                format!(
                    "{paragraph} 番目の段落の{}に{}があります。",
                    if *leading { "先頭" } else { "末尾" },
                    space_name(*character)
                ),
                if *leading {
                    "消してください。字下げは要りません（段落は \\n で区切るだけで、ページや報告書では段落ごとに分けて表示します）。"
                } else {
                    "消してください。段落の終わりには何も入れません。"
                },
            ),
            Self::EmptyParagraph { paragraph } => with_hint(
                format!("{paragraph} 番目の段落が空です（\\n が続いているか、文字列の最初か最後にあります）。"),
                "段落の区切りの \\n は 1 つにしてください。空の行は入れません（文字列の最初と最後にも入れません）。",
            ),
            Self::CarriageReturn => with_hint(
                "段落の区切りが \\r\\n になっています（Windows の改行です）。",
                "\\r を消して、段落の区切りを \\n だけにしてください。",
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
                            "文字列は 1 行で書きます。{written} を消して、前後をつなげてください（英単語どうしがつながってしまう所だけ、空白を入れます）。{}",
                            if *character == '\n' { "段落に分けて書けるのは、進捗の summary と next_steps、comment の text だけです。" } else { "" }
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
            Self::ParagraphSpace {
                paragraph,
                leading,
                character,
            } => with_hint(
                format!(
                    "paragraph {paragraph} {} with {}",
                    if *leading { "starts" } else { "ends" },
                    space_name(*character)
                ),
                if *leading {
                    "remove it: paragraphs are not indented (\\n alone separates them, and the page and the report show each as a paragraph)"
                } else {
                    "remove it: nothing goes at the end of a paragraph"
                },
            ),
            Self::EmptyParagraph { paragraph } => with_hint(
                format!("paragraph {paragraph} is empty (two \\n in a row, or one at the start or end of the text)"),
                "separate paragraphs with one \\n; no empty lines, and none at the start or end of the text",
            ),
            Self::CarriageReturn => with_hint(
                "paragraphs are separated by \\r\\n (a Windows line break)",
                "remove the \\r so that \\n alone separates the paragraphs",
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
                            "every text is one line: remove the {written} and join the two parts (with a space only where two English words would run together){}",
                            if *character == '\n' { "; only a year's summary and next_steps and a comment's text hold paragraphs" } else { "" }
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
