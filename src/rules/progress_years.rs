//! `progress-years`: every year of progress is in the outline's period, and none is after the
//! year being reported.

use crate::diagnostic::{Diagnostic, Severity, Target};
use crate::facts::context::Context;
use crate::facts::progress::{plans, ready};
use crate::messages::{Doc, Message, Text, Words};

use strum::VariantNames;

use super::rule::{Rule, Run};

pub static RULE: Rule = Rule {
    id: "progress-years",
    severity: Severity::Error,
    summary: Doc {
        ja: "進捗の年度が、体系の計画期間（`period`）の中にあり、いま報告する年度（`reporting_year`）より後でなく、計画が続いている年度（`added_in` から `ended` の年度まで）であること",
        en: "every year of progress is in the outline's period, none is after the year being reported (`reporting_year`), and each is a year the plan is active (from `added_in` to the year in `ended`)",
    },
    fix: Doc {
        ja: "年度の打ち間違いを直す",
        en: "correct the year",
    },
    guide: r#"進捗の年度（`"2026"` のような項目名）が、体系の計画期間の外にあるとき、または、いま報告する年度より後のときに出ます。多いのは年度の打ち間違いです。年度は4月に始まり、翌年の3月に終わります。2027年1〜3月に書く 2026 年度（令和8年度）の結果は `"2026"` に書きます。

年度を直します。計画期間は `plans/outline.json` の `"progress"` の `"period"` に、いま報告する年度は `"reporting_year"` にあります。次の年度の進捗は、その年度の報告が始まって `"reporting_year"` が書き換えられてから書きます。"#,
    codes: || Said::VARIANTS.to_vec(),
    samples: || samples().into_iter().map(Message::from).collect(),
    run: Run::Repository(years),
};

/// Every year of progress is a year of the plan's period.
pub fn years(ctx: &Context, out: &mut Vec<Diagnostic>) {
    let Some(setup) = ready(ctx) else {
        return;
    };
    let period = setup.period;
    for (path, plan) in plans(ctx) {
        for entry in &plan.progress {
            // A key that is not a year is the schema's to report.
            let Some(year) = entry.year() else {
                continue;
            };
            let said = if !period.holds(year) {
                Said::YearOutsidePeriod {
                    year,
                    from: period.from,
                    to: period.to,
                }
            } else if year > setup.reporting_year {
                Said::YearNotOpen {
                    year,
                    open: setup.reporting_year,
                }
            } else if !plan.active_in(year) {
                Said::YearNotActive {
                    year,
                    added_in: plan.added_in.filter(|added| year < *added),
                    ended: plan.ended.as_ref().map(|e| e.year).filter(|e| year > *e),
                }
            } else {
                continue;
            };
            let target = Target::Key(entry.pointer());
            out.push(RULE.report(path, target, said));
        }
    }
}

/// What `progress-years` says.
#[derive(Debug, Clone, PartialEq, Eq, strum::IntoStaticStr, strum::VariantNames)]
#[strum(serialize_all = "kebab-case")]
pub enum Said {
    /// A year of progress outside the plan's period.
    YearOutsidePeriod { year: i64, from: i64, to: i64 },
    /// A year of the period after the year being reported.
    YearNotOpen { year: i64, open: i64 },
    /// A year the plan was not active: before it was added, or after it ended.
    YearNotActive {
        year: i64,
        added_in: Option<i64>,
        ended: Option<i64>,
    },
}

/// One message of each kind (and of each branch worded differently), for the snapshot of
/// every sentence in both languages (`tests/catalogue.rs`).
fn samples() -> Vec<Said> {
    vec![
        Said::YearOutsidePeriod {
            year: 2031,
            from: 2026,
            to: 2029,
        },
        Said::YearNotOpen {
            year: 2027,
            open: 2026,
        },
        Said::YearNotActive {
            year: 2026,
            added_in: Some(2027),
            ended: None,
        },
        Said::YearNotActive {
            year: 2029,
            added_in: None,
            ended: Some(2028),
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
            Self::YearOutsidePeriod { year, from, to } => with_hint(
                format!("{year} 年度は、計画期間（{from}〜{to} 年度）の外です。"),
                "年度の打ち間違いがないか確かめてください。計画期間は plans/outline.json の \"progress\" の \"period\" にあります。",
            ),
            Self::YearNotOpen { year, open } => with_hint(
                format!(
                    "{}の進捗は、まだ書けません。いま報告する年度は {}です。",
                    fiscal_year(*year),
                    fiscal_year_months(*open),
                ),
                format!(
                    "{open} 年度の結果なら、\"{year}\" を \"{open}\" に直してください（年度は4月に始まり、翌年の3月に終わります。{year}年1〜3月は {} 年度です）。{year} 年度の進捗は、plans/outline.json の \"progress\" の \"reporting_year\" が {year} になってから書きます。",
                    year - 1
                ),
            ),
            Self::YearNotActive {
                year,
                added_in,
                ended,
            } => with_hint(
                match (added_in, ended) {
                    (Some(added), _) => format!(
                        "この計画は {added} 年度に追加された計画です。{year} 年度の進捗は書けません。"
                    ),
                    (_, Some(ended)) => format!(
                        "この計画は {ended} 年度に終わっています。{year} 年度の進捗は書けません。"
                    ),
                    (None, None) => format!("この計画は {year} 年度の計画ではありません。"),
                },
                match (added_in, ended) {
                    (Some(added), _) => format!(
                        "{added} 年度の結果なら、\"{year}\" を \"{added}\" に直してください。この計画が {year} 年度からあったのなら、\"added_in\" の年度を直してください。"
                    ),
                    (_, Some(ended)) => format!(
                        "{ended} 年度の結果なら、\"{year}\" を \"{ended}\" に直してください。計画が {year} 年度も続いたのなら、\"ended\" の \"year\" を直してください。"
                    ),
                    (None, None) => "年度を確かめてください。".to_string(),
                },
            ),
        }
    }

    fn en(&self) -> Text {
        use crate::messages::en::*;
        match self {
            Self::YearOutsidePeriod { year, from, to } => with_hint(
                format!("fiscal year {year} is outside the plan's period ({from}–{to})"),
                "check the year for a typo; the period is \"progress\" → \"period\" in plans/outline.json",
            ),
            Self::YearNotOpen { year, open } => with_hint(
                format!(
                    "fiscal year {year} is not open for reporting yet: the year being reported is {open} (April {open} to March {})",
                    open + 1
                ),
                format!(
                    "if these are the results of fiscal year {open}, write \"{open}\" instead of \"{year}\" (a fiscal year runs from April to March: January to March {year} is fiscal year {}); fiscal year {year} is reported once \"reporting_year\" in \"progress\" of plans/outline.json is {year}",
                    year - 1
                ),
            ),
            Self::YearNotActive {
                year,
                added_in,
                ended,
            } => with_hint(
                match (added_in, ended) {
                    (Some(added), _) => format!(
                        "this plan was added in fiscal year {added}: it has no progress for {year}"
                    ),
                    (_, Some(ended)) => format!(
                        "this plan ended in fiscal year {ended}: it has no progress for {year}"
                    ),
                    (None, None) => format!("this plan is not a plan of fiscal year {year}"),
                },
                match (added_in, ended) {
                    (Some(added), _) => format!(
                        "if these are the results of fiscal year {added}, write \"{added}\" instead of \"{year}\"; if the plan existed in {year}, correct \"added_in\""
                    ),
                    (_, Some(ended)) => format!(
                        "if these are the results of fiscal year {ended}, write \"{ended}\" instead of \"{year}\"; if the plan went on in {year}, correct \"year\" in \"ended\""
                    ),
                    (None, None) => "check the year".to_string(),
                },
            ),
        }
    }
}
