//! `progress-indicators`: every indicator has a unit (a number that cannot be read is `json-syntax`'s).

use crate::diagnostic::{Diagnostic, Severity, Target};
use crate::facts::context::Context;
use crate::facts::progress::plans;
use crate::messages::{Doc, Message, Text, Words};

use strum::VariantNames;

use super::rule::{Rule, Run};

pub static RULE: Rule = Rule {
    id: "progress-indicators",
    severity: Severity::Error,
    summary: Doc {
        ja: "進捗の指標（`indicators`）の単位（`unit`）が空でなく、目標値か実績値の少なくとも一方があること（読めない数は `json-syntax` が示します）",
        en: "every indicator has a unit and a target or an actual figure (a number that cannot be read is `json-syntax`'s)",
    },
    fix: Doc {
        ja: "`\"件\"`、`\"%\"` のように単位を書く",
        en: "write its unit, like `\"件\"` or `\"%\"`",
    },
    guide: r#"指標の単位（`"unit"`）が空（`""`）のときに出ます。

`"件"`、`"%"`、`"回"` のように単位を書きます。目標値（`"target"`）と実績値（`"actual"`）は半角数字で書き、`"` で囲みません。"#,
    codes: || Said::VARIANTS.to_vec(),
    samples: || samples().into_iter().map(Message::from).collect(),
    run: Run::Repository(indicators),
};

/// Every indicator has a unit. (A unit of spaces only is `text-hygiene`'s; a number that
/// cannot be read, too large for instance, is `json-syntax`'s; a value of the wrong type, the
/// schema's.)
pub fn indicators(ctx: &Context, out: &mut Vec<Diagnostic>) {
    if ctx.outline.and_then(|o| o.progress.as_ref()).is_none() {
        return;
    }
    for (path, plan) in plans(ctx) {
        for entry in &plan.progress {
            for (i, indicator) in entry.indicators.iter().enumerate() {
                if !indicator.figures_written {
                    out.push(RULE.report(
                        path,
                        Target::Value(format!("{}/indicators/{i}", entry.pointer())),
                        Said::NothingMeasured {
                            indicator: indicator.name.clone(),
                        },
                    ));
                }
                if indicator.unit.as_deref() == Some("") {
                    out.push(RULE.report(
                        path,
                        Target::Value(format!("{}/indicators/{i}/unit", entry.pointer())),
                        Said::EmptyUnit {
                            indicator: indicator.name.clone(),
                        },
                    ));
                }
            }
        }
    }
}

/// What `progress-indicators` says.
#[derive(Debug, Clone, PartialEq, Eq, strum::IntoStaticStr, strum::VariantNames)]
#[strum(serialize_all = "kebab-case")]
pub enum Said {
    /// An indicator whose unit is empty.
    EmptyUnit { indicator: String },
    /// An indicator with neither a target nor an actual figure.
    NothingMeasured { indicator: String },
}

/// One message of each kind (and of each branch worded differently), for the snapshot of
/// every sentence in both languages (`tests/catalogue.rs`).
fn samples() -> Vec<Said> {
    use super::rule::sample::*;
    vec![
        Said::EmptyUnit {
            indicator: s("架空の件数"),
        },
        Said::EmptyUnit {
            indicator: s(""),
        },
        Said::NothingMeasured {
            indicator: s("架空の件数"),
        },
        Said::NothingMeasured {
            indicator: s(""),
        },
    ]
}

impl Words for Said {
    fn code(&self) -> &'static str {
        self.into()
    }

    fn ja(&self) -> Text {
        use crate::messages::ja::*;
        let named = |indicator: &str| {
            if indicator.is_empty() {
                "名前のない指標".to_string()
            } else {
                format!("指標「{indicator}」")
            }
        };
        match self {
            Self::EmptyUnit { indicator } => with_hint(
                format!("{}の単位（\"unit\"）が空です。", named(indicator)),
                "\"件\"、\"%\" のように単位を書いてください。",
            ),
            Self::NothingMeasured { indicator } => with_hint(
                format!(
                    "{}に、目標値（\"target\"）も実績値（\"actual\"）もありません。",
                    named(indicator)
                ),
                "分かっている方を半角の数字で書いてください（例: \"target\": 120）。目標も実績もまだない指標は、この年度の \"indicators\" からは外し、目標か実績が決まった年度に書きます。",
            ),
        }
    }

    fn en(&self) -> Text {
        use crate::messages::en::*;
        let named = |indicator: &str| {
            if indicator.is_empty() {
                "an indicator without a name".to_string()
            } else {
                format!("indicator 「{indicator}」")
            }
        };
        match self {
            Self::EmptyUnit { indicator } => with_hint(
                format!("the unit (\"unit\") of {} is empty", named(indicator)),
                "write its unit, like \"件\" or \"%\"",
            ),
            Self::NothingMeasured { indicator } => with_hint(
                format!(
                    "{} has neither a target (\"target\") nor an actual figure (\"actual\")",
                    named(indicator)
                ),
                "write the one that is known, in half-width digits (e.g. \"target\": 120); an indicator with neither yet is left out of this year's \"indicators\" and written in the year its target or figure is known",
            ),
        }
    }
}
