//! `progress-years`: every year of progress is in the outline's period.

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
        ja: "進捗の年度が、体系の計画期間（`period`）の中にあること",
        en: "every year of progress is in the outline's period",
    },
    fix: Doc {
        ja: "年度の打ち間違いを直す",
        en: "correct the year",
    },
    guide: r#"進捗の年度（`"2026"` のような項目名）が、体系の計画期間の外にあるときに出ます。多いのは年度の打ち間違いです。

年度を直します。計画期間は `plans/outline.json` の `"progress"` の `"period"` にあります。"#,
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
            if let Some(year) = entry.year()
                && !period.holds(year)
            {
                out.push(RULE.report(
                    path,
                    Target::Key(format!("/progress/{}", entry.year)),
                    Said::YearOutsidePeriod {
                        year,
                        from: period.from,
                        to: period.to,
                    },
                ));
            }
        }
    }
}

/// What `progress-years` says.
#[derive(Debug, Clone, PartialEq, Eq, strum::IntoStaticStr, strum::VariantNames)]
#[strum(serialize_all = "kebab-case")]
pub enum Said {
    /// A year of progress outside the plan's period.
    YearOutsidePeriod { year: i64, from: i64, to: i64 },
}

/// One message of each kind (and of each branch worded differently), for the snapshot of
/// every sentence in both languages (`tests/catalogue.rs`).
fn samples() -> Vec<Said> {
    vec![Said::YearOutsidePeriod {
        year: 2031,
        from: 2026,
        to: 2029,
    }]
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
        }
    }

    fn en(&self) -> Text {
        use crate::messages::en::*;
        match self {
            Self::YearOutsidePeriod { year, from, to } => with_hint(
                format!("fiscal year {year} is outside the plan's period ({from}–{to})"),
                "check the year for a typo; the period is \"progress\" → \"period\" in plans/outline.json",
            ),
        }
    }
}
