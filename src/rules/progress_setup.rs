//! `progress-setup`: in the outline's `progress`, each code of the scale appears once, the
//! period does not end before it starts, and the year being reported is in the period.

use crate::diagnostic::{Diagnostic, Severity, Target};
use crate::facts::context::Context;
use crate::messages::{Doc, Message, Text, Words};
use crate::model::OUTLINE_PATH;
use strum::VariantNames;

use super::rule::{Rule, Run};

pub static RULE: Rule = Rule {
    id: "progress-setup",
    severity: Severity::Error,
    summary: Doc {
        ja: "体系の進捗の設定（`progress`）で、評価の段階の記号（`code`）が重ならず、計画期間の `from` が `to` より後でなく、報告する年度（`reporting_year`）が計画期間の中にあること",
        en: "in the outline's `progress`, each code of the scale appears once, the period does not end before it starts, and the year being reported (`reporting_year`) is in the period",
    },
    fix: Doc {
        ja: "記号を段階ごとに別のものにする。`from` に最初の年度、`to` に最後の年度、`reporting_year` にいま報告する年度を書く",
        en: "give each level its own code; write the first fiscal year in `from`, the last in `to` and the year being reported in `reporting_year`",
    },
    guide: r#"体系（`plans/outline.json`）の進捗の設定（`"progress"`）に、同じ記号の段階が 2 つあるとき、計画期間の最後の年度（`"to"`）が最初の年度（`"from"`）より前のとき、または報告する年度（`"reporting_year"`）が計画期間の外にあるときに出ます。設定は計画を所管する課が書きます。

記号は段階ごとに別のもの（例: `A`、`B`、`C`、`D`）にし、`"from"` に最初の年度、`"to"` に最後の年度、`"reporting_year"` にいま報告する年度を西暦で書きます。"#,
    codes: || Said::VARIANTS.to_vec(),
    samples: || samples().into_iter().map(Message::from).collect(),
    run: Run::Repository(setup),
};

/// The outline's progress section: each code of the scale once, a period that does not end
/// before it starts.
pub fn setup(ctx: &Context, out: &mut Vec<Diagnostic>) {
    let Some(setup) = ctx.outline.and_then(|o| o.setup()) else {
        return;
    };
    for (i, level) in setup.scale.iter().enumerate() {
        if setup.scale[..i].iter().any(|l| l.code == level.code) {
            out.push(RULE.report(
                OUTLINE_PATH,
                Target::Value(format!("/progress/scale/{i}/code")),
                Said::RepeatedLevel {
                    code: level.code.clone(),
                },
            ));
        }
    }
    let period = setup.period;
    // A year outside the years the schema allows is the schema's to report.
    let years = 2000..=2100;
    if period.to < period.from && years.contains(&period.from) && years.contains(&period.to) {
        out.push(RULE.report(
            OUTLINE_PATH,
            Target::Value("/progress/period/to".into()),
            Said::PeriodReversed {
                from: period.from,
                to: period.to,
            },
        ));
    } else if !period.holds(setup.reporting_year) && years.contains(&setup.reporting_year) {
        out.push(RULE.report(
            OUTLINE_PATH,
            Target::Value("/progress/reporting_year".into()),
            Said::ReportingYearOutsidePeriod {
                year: setup.reporting_year,
                from: period.from,
                to: period.to,
            },
        ));
    }
}

/// What `progress-setup` says.
#[derive(Debug, Clone, PartialEq, Eq, strum::IntoStaticStr, strum::VariantNames)]
#[strum(serialize_all = "kebab-case")]
pub enum Said {
    /// A code of the evaluation scale written twice.
    RepeatedLevel { code: String },
    /// The period ends before it starts.
    PeriodReversed { from: i64, to: i64 },
    /// The year being reported is not a year of the period.
    ReportingYearOutsidePeriod { year: i64, from: i64, to: i64 },
}

/// One message of each kind (and of each branch worded differently), for the snapshot of
/// every sentence in both languages (`tests/catalogue.rs`).
fn samples() -> Vec<Said> {
    use super::rule::sample::*;
    vec![
        Said::RepeatedLevel { code: s("B") },
        Said::PeriodReversed {
            from: 2029,
            to: 2026,
        },
        Said::ReportingYearOutsidePeriod {
            year: 2030,
            from: 2026,
            to: 2029,
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
            Self::RepeatedLevel { code } => with_hint(
                format!("評価の段階の記号「{code}」が 2 回以上あります。"),
                "記号は段階ごとに別のものにしてください。",
            ),
            Self::PeriodReversed { from, to } => with_hint(
                format!("計画期間の最後の年度（{to}）が、最初の年度（{from}）より前です。"),
                "\"from\" に最初の年度、\"to\" に最後の年度を書いてください。",
            ),
            Self::ReportingYearOutsidePeriod { year, from, to } => with_hint(
                format!(
                    "報告する年度（\"reporting_year\"）の {}が、計画期間（{from}〜{to} 年度）の外です。",
                    fiscal_year(*year)
                ),
                "\"reporting_year\" には、計画期間の中の、いま報告する年度を西暦で書いてください。",
            ),
        }
    }

    fn en(&self) -> Text {
        use crate::messages::en::*;
        match self {
            Self::RepeatedLevel { code } => with_hint(
                format!("the scale has the code 「{code}」 more than once"),
                "give each level a code of its own",
            ),
            Self::PeriodReversed { from, to } => with_hint(
                format!("the period ends ({to}) before it starts ({from})"),
                "write the first fiscal year in \"from\" and the last in \"to\"",
            ),
            Self::ReportingYearOutsidePeriod { year, from, to } => with_hint(
                format!(
                    "the year being reported (\"reporting_year\", {year}) is outside the plan's period ({from}–{to})"
                ),
                "write in \"reporting_year\" the fiscal year being reported, a year of the period",
            ),
        }
    }
}
