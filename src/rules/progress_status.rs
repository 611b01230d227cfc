//! `progress-status`: every `status` is a code of the outline's scale.

use crate::diagnostic::{Diagnostic, Severity, Target};
use crate::facts::context::Context;
use crate::facts::progress::{plans, ready};
use crate::messages::{Doc, Message, StatusHint, Text, Words};
use crate::model::ProgressSetup;
use strum::VariantNames;
use unicode_normalization::UnicodeNormalization;

use super::rule::{Rule, Run};

pub static RULE: Rule = Rule {
    id: "progress-status",
    severity: Severity::Error,
    summary: Doc {
        ja: "進捗の評価（`status`）が、体系の評価の段階（`scale`）の記号のどれかであること",
        en: "every `status` is a code of the outline's scale",
    },
    fix: Doc {
        ja: "評価の段階の記号を、体系と同じ文字で書く（段階の意味ではなく記号を書く）",
        en: "write one of the scale's codes exactly (the code, not its label)",
    },
    guide: r#"評価（`"status"`）が、体系の評価の段階の記号のどれでもないときに出ます。全角の「Ａ」や小文字の「a」、段階の意味（「計画どおり進んでいる」など）を書いたときには、正しい記号をメッセージが示します。

示された記号に直します。評価には段階の意味ではなく記号を書きます。"#,
    codes: || Said::VARIANTS.to_vec(),
    samples: || samples().into_iter().map(Message::from).collect(),
    run: Run::Repository(status),
};

/// Every status is a code of the scale; a code written another way, or a level's label typed
/// instead of its code, is named.
pub fn status(ctx: &Context, out: &mut Vec<Diagnostic>) {
    let Some(setup) = ready(ctx) else {
        return;
    };
    let codes: Vec<(String, String)> = setup
        .scale
        .iter()
        .map(|l| (l.code.clone(), l.label.clone()))
        .collect();
    for (path, plan) in plans(ctx) {
        for entry in &plan.progress {
            // Missing, not text or empty: the schema's to report.
            let Some(status) = entry.status.as_deref().filter(|s| !s.is_empty()) else {
                continue;
            };
            if codes.iter().any(|(c, _)| c == status) {
                continue;
            }
            out.push(RULE.report(
                path,
                Target::Value(format!("{}/status", entry.pointer())),
                Said::UnknownStatus {
                    status: status.to_string(),
                    codes: codes.clone(),
                    hint: hint(setup, status),
                },
            ));
        }
    }
}

/// What a status that is not a code most likely meant.
fn hint(setup: &ProgressSetup, status: &str) -> Option<StatusHint> {
    let folded = fold(status);
    if let Some(level) = setup.scale.iter().find(|l| fold(&l.code) == folded) {
        return Some(StatusHint::Code(level.code.clone()));
    }
    if let Some(l) = setup.scale.iter().find(|l| fold(&l.label) == folded) {
        return Some(StatusHint::Label {
            code: l.code.clone(),
            label: l.label.clone(),
        });
    }
    let code = crate::model::status_code(status, &setup.scale)?;
    let level = setup.scale.iter().find(|l| l.code == code)?;
    Some(StatusHint::NearMiss {
        code,
        label: level.label.clone(),
    })
}

/// Text folded for comparison: NFKC, upper case, no spaces.
fn fold(text: &str) -> String {
    text.nfkc()
        .flat_map(char::to_uppercase)
        .filter(|c| !c.is_whitespace())
        .collect()
}

/// What `progress-status` says.
#[derive(Debug, Clone, PartialEq, Eq, strum::IntoStaticStr, strum::VariantNames)]
#[strum(serialize_all = "kebab-case")]
pub enum Said {
    /// A status that is not a code of the scale.
    UnknownStatus {
        status: String,
        /// Every level of the scale, best first: its code and its label.
        codes: Vec<(String, String)>,
        hint: Option<StatusHint>,
    },
}

/// One message of each kind (and of each branch worded differently), for the snapshot of
/// every sentence in both languages (`tests/catalogue.rs`).
fn samples() -> Vec<Said> {
    use super::rule::sample::*;
    let levels = || {
        ["A", "B", "C"]
            .iter()
            .zip(["架空の段階その一", "架空の段階その二", "架空の段階その三"])
            .map(|(c, l)| (s(c), s(l)))
            .collect::<Vec<_>>()
    };
    vec![
        Said::UnknownStatus {
            status: s("ａ"),
            codes: levels(),
            hint: Some(StatusHint::Code(s("A"))),
        },
        Said::UnknownStatus {
            status: s("架空の段階その二"),
            codes: levels(),
            hint: Some(StatusHint::Label {
                code: s("B"),
                label: s("架空の段階その二"),
            }),
        },
        Said::UnknownStatus {
            status: s("B（架空の段階その二）"),
            codes: levels(),
            hint: Some(StatusHint::NearMiss {
                code: s("B"),
                label: s("架空の段階その二"),
            }),
        },
        Said::UnknownStatus {
            status: s("Z"),
            codes: levels(),
            hint: None,
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
            Self::UnknownStatus {
                status,
                codes,
                hint,
            } => with_hint(
                format!("評価「{status}」は、評価の段階の記号にありません。"),
                match hint {
                    Some(StatusHint::Code(code)) => format!(
                        "「{code}」のことでしょうか。評価は plans/outline.json の評価の段階と同じ文字（全角・半角、大文字・小文字も同じ）で書きます。手元では `plans fix` でも直せます。"
                    ),
                    Some(StatusHint::Label { code, label }) => format!(
                        "「{label}」は段階の意味です。評価には、その記号「{code}」を書いてください。手元では `plans fix` でも直せます。"
                    ),
                    Some(StatusHint::NearMiss { code, label }) => format!(
                        "「{code}」（{label}）のことでしょうか。評価には記号の「{code}」だけを書きます。手元では `plans fix` でも直せます。"
                    ),
                    None => format!(
                        "評価には、評価の段階の記号のどれかを書いてください（{}）。",
                        codes
                            .iter()
                            .map(|(c, l)| format!("{c}: {l}"))
                            .collect::<Vec<_>>()
                            .join("、")
                    ),
                },
            ),
        }
    }

    fn en(&self) -> Text {
        use crate::messages::en::*;
        match self {
            Self::UnknownStatus {
                status,
                codes,
                hint,
            } => with_hint(
                format!("status 「{status}」 is not a code of the scale"),
                match hint {
                    Some(StatusHint::Code(code)) => format!(
                        "did you mean 「{code}」? write the status exactly as the scale in plans/outline.json does (same width and case); `plans fix` mends it too"
                    ),
                    Some(StatusHint::Label { code, label }) => {
                        format!("「{label}」 is what a level means; write its code, 「{code}」; `plans fix` mends it too")
                    }
                    Some(StatusHint::NearMiss { code, label }) => format!(
                        "did you mean 「{code}」 (「{label}」)? write the code alone; `plans fix` mends it too"
                    ),
                    None => format!(
                        "write one of the scale's codes ({})",
                        codes
                            .iter()
                            .map(|(c, l)| format!("{c}: 「{l}」"))
                            .collect::<Vec<_>>()
                            .join(", ")
                    ),
                },
            ),
        }
    }
}
