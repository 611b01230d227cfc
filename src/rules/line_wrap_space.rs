//! `line-wrap-space`: no space (ASCII, full-width, no-break or thin) between two Japanese characters (a PDF line-wrap artifact).

use crate::chars::{is_japanese, is_space};
use crate::diagnostic::{Diagnostic, Severity, Target};
use crate::facts::document::Document;
use crate::facts::text::{Step, may_have_space, pointer, remove_wrap_spaces};
use crate::messages::{Doc, Message, Text, Words};

use strum::VariantNames;

use super::rule::{Rule, Run};

pub static RULE: Rule = Rule {
    id: "line-wrap-space",
    severity: Severity::Warning,
    summary: Doc {
        ja: "日本語の文字の間に空白（半角・全角・ノーブレーク・細い空白）がないこと（PDF の改行の名残）",
        en: "no space (ASCII, full-width, no-break or thin) between two Japanese characters (a PDF line-wrap artifact)",
    },
    fix: Doc {
        ja: "空白を消す",
        en: "remove the space",
    },
    guide: r#"文書の PDF から計画名をコピーすると、PDF で改行されていた所に空白が入ります。たとえば 1-4-5 の計画名（「ワーク・ライフ・バランス及び…」）は長いので、そのままコピーすると途中に空白が入ります。

メッセージに、空白を消した正しい形が示されます。そのとおりに空白を消します。警告ですが、CI では不合格になります。文書に本当に空白があると思われるときは、計画を所管する課（`plans/outline.json` の `"owner"`）に相談してください。"#,
    codes: || Said::VARIANTS.to_vec(),
    samples: || samples().into_iter().map(Message::from).collect(),
    run: Run::Text(line_wrap),
};

/// Warns of a space between two Japanese characters: a line break copied from the PDF.
pub fn line_wrap(doc: &Document, path: &[Step], s: &str, out: &mut Vec<Diagnostic>) {
    if let Some((before, space, after)) = wrap_space(s) {
        out.push(RULE.report(
            &doc.path,
            Target::Value(pointer(path)),
            Said::LineWrapSpace {
                before,
                space,
                after,
                fixed: remove_wrap_spaces(s),
            },
        ));
    }
}

/// The first space between two Japanese characters in `s`: the characters around it and the
/// space itself.
fn wrap_space(s: &str) -> Option<(char, char, char)> {
    if !may_have_space(s) {
        return None;
    }
    let mut chars = s.chars();
    let (mut a, mut b) = (chars.next()?, chars.next()?);
    for c in chars {
        if is_space(b) && is_japanese(a) && is_japanese(c) {
            return Some((a, b, c));
        }
        (a, b) = (b, c);
    }
    None
}

/// What `line-wrap-space` says.
#[derive(Debug, Clone, PartialEq, Eq, strum::IntoStaticStr, strum::VariantNames)]
#[strum(serialize_all = "kebab-case")]
pub enum Said {
    LineWrapSpace {
        before: char,
        space: char,
        after: char,
        fixed: String,
    },
}

/// One message of each kind (and of each branch worded differently), for the snapshot of
/// every sentence in both languages (`tests/catalogue.rs`).
fn samples() -> Vec<Said> {
    use super::rule::sample::*;
    vec![Said::LineWrapSpace {
        before: 'の',
        space: ' ',
        after: '見',
        fixed: s("架空組織の見直し"),
    }]
}

impl Words for Said {
    fn code(&self) -> &'static str {
        self.into()
    }

    fn ja(&self) -> Text {
        use crate::messages::ja::*;
        match self {
            Self::LineWrapSpace {
                before,
                space,
                after,
                fixed,
            } => with_hint(
                format!(
                    "「{before}」と「{after}」の間の{}は、PDF の改行がコピーされたもののようです。",
                    space_name(*space)
                ),
                format!("消して「{fixed}」としてください。"),
            ),
        }
    }

    fn en(&self) -> Text {
        use crate::messages::en::*;
        match self {
            Self::LineWrapSpace {
                before,
                space,
                after,
                fixed,
            } => with_hint(
                format!(
                    "{} between 「{before}」 and 「{after}」 looks like a line break copied from the PDF",
                    space_name(*space)
                ),
                format!("remove it: 「{fixed}」"),
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_first_wrap_space() {
        assert_eq!(wrap_space("柔軟な ワーク"), Some(('な', ' ', 'ワ')));
        assert_eq!(wrap_space("ICT 活用 の 推進"), Some(('用', ' ', 'の')));
        assert_eq!(
            wrap_space("柔軟な\u{3000}ワーク"),
            Some(('な', '\u{3000}', 'ワ'))
        );
        assert_eq!(
            wrap_space("柔軟な\u{A0}ワーク"),
            Some(('な', '\u{A0}', 'ワ'))
        );
        assert_eq!(
            wrap_space("柔軟な\u{2009}ワーク"),
            Some(('な', '\u{2009}', 'ワ'))
        );
        assert_eq!(wrap_space("ICT 活用"), None);
        assert_eq!(wrap_space("行政評価"), None);
        assert_eq!(wrap_space(" あ"), None);
        assert_eq!(wrap_space(""), None);
    }
}
