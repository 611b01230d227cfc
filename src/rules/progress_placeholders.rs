//! `progress-placeholders`: a year's texts are the department's own, not a placeholder left
//! from the guide's example (a text wholly in full-width brackets, 「（…を書きます）」).

use crate::diagnostic::{Diagnostic, Severity, Target};
use crate::facts::context::Context;
use crate::facts::progress::plans;
use crate::messages::{Doc, Message, Text, Words};

use strum::VariantNames;

use super::rule::{Rule, Run};

pub static RULE: Rule = Rule {
    id: "progress-placeholders",
    severity: Severity::Error,
    summary: Doc {
        ja: "進捗の結果・課題・コメント・指標の名前が、手引きの例の「（…を書きます）」「（…の名前）」のままでないこと",
        en: "a year's summary, next steps, comment and indicator names are not left as the guide's placeholders (a text wholly in 「（…を書きます）」 or 「（…の名前）」)",
    },
    fix: Doc {
        ja: "（ ）の例の文を、担当課の言葉に書き換える",
        en: "replace the placeholder with the department's own words",
    },
    guide: r#"手引きの例をコピーしたとき、「（その年度の結果を、担当課の言葉で書きます）」「（指標の名前）」のような、全体が全角のかっこ（ ）で囲まれ、何を書くかを示す例の文（「書きます」「名前」で終わるもの）が残っていると出ます。「（特になし）」のような自分の言葉は、かっこで囲んでいても出ません。

かっこごと、その年度の結果（指標なら指標の名前）に書き換えます。文の一部にかっこがあるのはかまいません（「（架空）説明会を開きました。」など）。"#,
    codes: || Said::VARIANTS.to_vec(),
    samples: || samples().into_iter().map(Message::from).collect(),
    run: Run::Repository(placeholders),
};

/// Whether `text` is a placeholder of the guide's kind: wholly one group in full-width
/// brackets (its first 「（」 closed by its last 「）」, so 「（架空）説明会を開きました。」 is
/// not one) that tells what to write: it ends in 「書きます」 or 「名前」 (「（特になし）」 is
/// a department's own words).
pub fn is_placeholder(text: &str) -> bool {
    let t = text.trim();
    let Some(inner) = t.strip_prefix('（').and_then(|t| t.strip_suffix('）')) else {
        return false;
    };
    if !["書きます", "書く", "名前", "記入します"]
        .iter()
        .any(|end| inner.ends_with(end))
    {
        return false;
    }
    let mut depth = 0usize;
    let last = t.chars().count() - 1;
    for (i, c) in t.chars().enumerate() {
        match c {
            '（' => depth += 1,
            '）' => {
                depth = depth.saturating_sub(1);
                if depth == 0 && i != last {
                    return false;
                }
            }
            _ => {}
        }
    }
    depth == 0
}

/// Every year's summary, next steps, comment and indicator names.
pub fn placeholders(ctx: &Context, out: &mut Vec<Diagnostic>) {
    if ctx.outline.and_then(|o| o.progress.as_ref()).is_none() {
        return;
    }
    for (path, plan) in plans(ctx) {
        for entry in &plan.progress {
            let at = entry.pointer();
            let mut texts: Vec<(String, &str, Field)> = vec![(
                format!("{at}/summary"),
                entry.summary.as_str(),
                Field::Summary,
            )];
            if let Some(next) = &entry.next_steps {
                texts.push((format!("{at}/next_steps"), next, Field::NextSteps));
            }
            if let Some(comment) = &entry.comment {
                texts.push((
                    format!("{at}/comment/text"),
                    &comment.text,
                    Field::Comment,
                ));
            }
            for (i, indicator) in entry.indicators.iter().enumerate() {
                texts.push((
                    format!("{at}/indicators/{i}/name"),
                    &indicator.name,
                    Field::IndicatorName,
                ));
            }
            for (pointer, text, field) in texts {
                if is_placeholder(text) {
                    out.push(RULE.report(
                        path,
                        Target::Value(pointer),
                        Said::Placeholder {
                            field,
                            text: text.to_string(),
                        },
                    ));
                }
            }
        }
    }
}

/// Which text of a year holds the placeholder.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Summary,
    NextSteps,
    Comment,
    IndicatorName,
}

/// What `progress-placeholders` says.
#[derive(Debug, Clone, PartialEq, Eq, strum::IntoStaticStr, strum::VariantNames)]
#[strum(serialize_all = "kebab-case")]
pub enum Said {
    /// A text that is wholly a placeholder in full-width brackets.
    Placeholder { field: Field, text: String },
}

/// One message of each kind (and of each branch worded differently), for the snapshot of
/// every sentence in both languages (`tests/catalogue.rs`).
fn samples() -> Vec<Said> {
    use super::rule::sample::*;
    vec![
        Said::Placeholder {
            field: Field::Summary,
            text: s("（その年度の結果を、担当課の言葉で書きます）"),
        },
        Said::Placeholder {
            field: Field::NextSteps,
            text: s("（課題と今後の方向性を書きます）"),
        },
        Said::Placeholder {
            field: Field::Comment,
            text: s("（コメントを書きます）"),
        },
        Said::Placeholder {
            field: Field::IndicatorName,
            text: s("（指標の名前）"),
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
            Self::Placeholder { field, text } => {
                let what = match field {
                    Field::Summary => "その年度の結果（取組内容・実績）",
                    Field::NextSteps => "課題と今後の方向性",
                    Field::Comment => "コメント",
                    Field::IndicatorName => "指標の名前",
                };
                with_hint(
                    format!("「{text}」は、手引きの例の文のままです。"),
                    format!("かっこ（ ）ごと、{what}に書き換えてください。"),
                )
            }
        }
    }

    fn en(&self) -> Text {
        use crate::messages::en::*;
        match self {
            Self::Placeholder { field, text } => {
                let what = match field {
                    Field::Summary => "the year's results",
                    Field::NextSteps => "the issues and next steps",
                    Field::Comment => "the comment",
                    Field::IndicatorName => "the indicator's name",
                };
                with_hint(
                    format!("「{text}」 is the guide's placeholder, left as it was"),
                    format!("replace it, brackets and all, with {what}"),
                )
            }
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn only_a_text_wholly_in_brackets_is_a_placeholder() {
        for (text, placeholder) in [
            ("（その年度の結果を、担当課の言葉で書きます）", true),
            ("（指標の名前）", true),
            ("（架空（仮称）の名前）", true),
            ("（特になし）", false),
            ("（なし）", false),
            ("（架空）説明会を開きました。", false),
            ("（架空）説明会を開きました。（第二）", false),
            ("説明会を開きました（架空）", false),
            ("（", false),
        ] {
            assert_eq!(super::is_placeholder(text), placeholder, "{text}");
        }
    }
}
